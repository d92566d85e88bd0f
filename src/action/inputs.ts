/**
 * Reads the action's inputs into one typed, validated config, for the mode they name (mode.ts):
 * a rotation (OAuth 2.0), or a token minted for a server (client credentials, JWT:
 * mint-inputs.ts). Every problem names the input and says how to fix it, and all problems are
 * reported together, before any network call: a run that fails here has not used the refresh token.
 */
import { decodeHandoffKey, type HandoffBinding } from '../handoff.js'
import path from 'node:path'
import { InputReader, type InputProblem } from './input-reader.js'
import {
  baseUrl,
  environmentProblem,
  isRepositoryName,
  organizationProblem,
  parseRepository,
  secretNameProblem,
  visibilityProblem
} from '../names.js'
import { proxyProblem, type ProxySetting } from '../proxy.js'
import { DOCUMENTED_SCOPES, resourceProblem } from '../box/scopes.js'
import type { Downscope } from '../box/token-exchange.js'
import { readMintInputs, type MintInputs } from './mint-inputs.js'
import { chooseMode, MODES } from './mode.js'

import type { OrganizationVisibility, RepositoryRef } from '../github/targets.js'

/** What every mode reads alike. */
export interface SharedSettings {
  /** Base URL without a trailing slash; the token endpoint is `${boxApiUrl}/oauth2/token`. */
  boxApiUrl: string
  /** Absolute path, resolved against the workspace. */
  postmanEnvironment?: string
  exportEnv: boolean
  dryRun: boolean
  retryBudgetMs: number
  requestTimeoutMs: number
  /** With `scopes`: the token handed out is a downscoped child of the one Box issued. */
  downscope?: Downscope
}

/** Client credentials or JWT: Box mints an access token for a server; nothing is written back. */
export interface MintConfig extends SharedSettings, MintInputs {
  mode: 'ccg' | 'jwt'
}

export type ActionConfig = RotationConfig | MintConfig

export interface RotationConfig extends SharedSettings {
  mode: 'oauth'
  /** `revoke: true` given: OAuth tokens are never revoked, and the run says why. */
  revokeAsked: boolean
  clientId: string
  clientSecret: string
  refreshToken: string
  githubToken: string
  secretName: string
  repository: RepositoryRef
  environment?: string
  organization?: string
  /** Visibility of an organization secret that does not exist yet; an existing one keeps its own. */
  organizationVisibility: OrganizationVisibility
  dependabot: boolean
  githubApiUrl: string
  /** With `failure-issue: true`: where to open (or update) an issue when the run fails, and to close it. */
  failureIssue?: FailureIssueTarget
  /** The workflow run this step belongs to, when the runner says; used to spot a stale token. */
  run?: { repository: RepositoryRef; id: number; attempt: number }
  /** The decoded `handoff-key`: the run outputs `handoff` only when it is given. */
  handoffKey?: Buffer
}

/** The failure issue: the workflow's own repository (GITHUB_REPOSITORY), on the API of GITHUB_API_URL. */
export interface FailureIssueTarget {
  /** `issue-token`: by default the workflow's GITHUB_TOKEN, which needs `issues: write`. */
  token: string
  repository: RepositoryRef
  githubApiUrl: string
  /** This run, for the issue's link to it. */
  runId?: number
}

/** A job that takes the access token from the rotating job's hand-off instead of rotating. */
export interface HandoffConfig {
  handoff: string
  /** The decoded `handoff-key`, the same secret the rotating job sealed with. */
  handoffKey: Buffer
  /** Credentials given that a job with a hand-off does not use: it says they can go. */
  unused: string[]
  /** This run, as the runner names it: a hand-off opens only in the run whose job made it. */
  binding: HandoffBinding
  postmanEnvironment?: string
  exportEnv: boolean
}

/** `request-timeout-seconds` when it is not set (or not valid). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

/** What a run that stopped before Box says last: it is true of every such run. */
export const NOTHING_USED = 'Nothing was changed and the refresh token was not used.'

export class InputError extends Error {
  /** The problems, one line each, without the closing sentence. */
  readonly list: string

  constructor(readonly problems: InputProblem[]) {
    const list = [
      problems.length === 1 ? 'An input is not valid:' : `${problems.length} inputs are not valid:`,
      ...problems.map((p) => `  - \`${p.input}\`: ${p.message}`)
    ].join('\n')
    super(`${list}\n${NOTHING_USED}`)
    this.list = list
    this.name = 'InputError'
  }
}

/** The inputs whose values are credentials; they are masked before anything else happens. */
export const credentialInputs = [
  'client-secret',
  'refresh-token',
  'github-token',
  'issue-token',
  'handoff-key',
  'jwt-config'
] as const

/**
 * Whether this job takes the rotating job's hand-off instead of rotating: it passes `handoff`, or
 * it passes `handoff-key` without `refresh-token` and `github-token` (a rotating job that made no
 * hand-off gives an empty `handoff`, and that job must hear so, not that its refresh token is missing).
 */
export function takesHandoff(getInput: (name: string) => string): boolean {
  const given = (name: string): boolean => getInput(name).trim() !== ''
  return given('handoff') || (given('handoff-key') && !given('refresh-token') && !given('github-token'))
}

/**
 * The config of the mode the inputs name. `mask` learns every credential read on the way (the
 * values in a JWT config), before any problem can be reported.
 */
export async function readConfig(
  getInput: (name: string) => string,
  env: NodeJS.ProcessEnv,
  mask: (value: string) => void = () => undefined
): Promise<ActionConfig> {
  const inputs = new InputReader(getInput)
  const mode = chooseMode(inputs)
  const boxApiUrl = baseUrl(inputs.text('box-api-url') || 'https://api.box.com', 'box-api-url', inputs.problem)
  const shared: SharedSettings = {
    boxApiUrl,
    postmanEnvironment: postmanPath(inputs.text('postman-environment'), env),
    exportEnv: inputs.boolean('export-env'),
    dryRun: inputs.boolean('dry-run'),
    retryBudgetMs: inputs.seconds('retry-timeout-seconds', 120, 0, 3600),
    requestTimeoutMs: inputs.seconds('request-timeout-seconds', DEFAULT_REQUEST_TIMEOUT_MS / 1000, 1, 600),
    downscope: readDownscope(inputs, boxApiUrl)
  }
  const config: ActionConfig =
    mode === 'ccg' || mode === 'jwt'
      ? { mode, ...shared, ...(await readMintInputs(inputs, mode, mask)) }
      : { ...shared, ...readRotation(inputs, env) }
  checkProxies(inputs, config.mode === 'oauth' ? [config.boxApiUrl, config.githubApiUrl] : [config.boxApiUrl], env)
  if (inputs.problems.length > 0) throw new InputError(inputs.problems)
  return config
}

/** The rotation's own inputs: the token chain, where it is written back, the failure issue, the hand-off. */
function readRotation(inputs: InputReader, env: NodeJS.ProcessEnv): Omit<RotationConfig, keyof SharedSettings> {
  const secretName = inputs.text('secret-name') || 'BOX_REFRESH_TOKEN'
  inputs.check('secret-name', secretNameProblem(secretName))
  const githubApiUrl = readGitHubApiUrl(inputs, env)
  const revoke = inputs.text('revoke')
  return {
    mode: 'oauth',
    ...readCredentials(inputs, secretName),
    secretName,
    ...readSelection(inputs, env),
    githubApiUrl,
    run: workflowRun(env),
    failureIssue: readFailureIssue(inputs, env, githubApiUrl),
    handoffKey: inputs.text('handoff-key') === '' ? undefined : readHandoffKey(inputs),
    revokeAsked: revoke !== '' && inputs.boolean('revoke')
  }
}

/**
 * `scopes` (space- or newline-separated; each one Box documents for downscoping) and `resource`
 * (one file or folder); undefined without `scopes`. Checked here, before any request, so a typo
 * never spends a refresh.
 */
function readDownscope(inputs: InputReader, boxApiUrl: string): Downscope | undefined {
  const scopes = [...new Set(inputs.text('scopes').split(/\s+/).filter(Boolean))]
  const resource = inputs.text('resource') || undefined
  const unknown = scopes.filter((scope) => !DOCUMENTED_SCOPES.includes(scope))
  if (unknown.length > 0) {
    inputs.problem(
      'scopes',
      `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not a scope' : 'are not scopes'} ` +
        'Box documents for downscoping. Use scopes from docs/modes.md ("Scopes"), separated by spaces or new lines, ' +
        'e.g. `item_read item_download`.'
    )
  }
  if (resource !== undefined) {
    if (scopes.length === 0)
      inputs.problem('resource', 'needs `scopes`: a token is held to one file or folder when it is downscoped.')
    inputs.check('resource', resourceProblem(resource, boxApiUrl))
  }
  return scopes.length === 0 ? undefined : { scopes, resource }
}

/**
 * A proxy variable that applies to Box or GitHub but names no proxy host: refused, not ignored (a
 * request sent direct on a runner that must use a proxy fails later, or leaves by a way the user
 * did not choose). Its value is not quoted: a proxy URL can hold a password.
 */
function checkProxies(inputs: InputReader, urls: string[], env: NodeJS.ProcessEnv): void {
  const reported = new Set<string>()
  for (const url of urls) {
    let problem: ProxySetting | undefined
    try {
      problem = proxyProblem(url, env)
    } catch {
      continue // not a URL: reported as such already
    }
    if (problem === undefined || reported.has(problem.variable)) continue
    reported.add(problem.variable)
    inputs.problem(
      `${problem.variable} (environment variable)`,
      "names no proxy host, so requests cannot go through it. Set it to the proxy's address, e.g. " +
        '`http://proxy.example:3128` (a value without a scheme, `proxy.example:3128`, means the same), or unset it.'
    )
  }
}

/**
 * The inputs of a job that opens a hand-off: the hand-off, its key and the runner's run, nothing
 * that rotates. `refresh-token` must be empty there: a second job that rotates would race the first.
 */
export function readHandoffConfig(getInput: (name: string) => string, env: NodeJS.ProcessEnv): HandoffConfig {
  const inputs = new InputReader(getInput)
  const handoff = inputs.text('handoff')
  if (handoff === '') {
    inputs.problem(
      'handoff',
      'is empty, so there is no access token to take: the rotating job outputs `handoff` only when it is given ' +
        "`handoff-key` too (the same secret as this job's). " +
        "List `handoff` under that job's `outputs:` and pass `${{ needs.<job>.outputs.handoff }}` here."
    )
  }
  const handoffKey = readHandoffKey(inputs)
  if (inputs.text('refresh-token') !== '') {
    inputs.problem(
      'refresh-token',
      'cannot be combined with `handoff`: a job with `handoff` takes the access token from the rotating job and ' +
        'must not rotate itself (two rotations of one refresh token race). Remove `refresh-token` from this job.'
    )
  }
  const run = workflowRun(env)
  if (run === undefined) {
    inputs.problem(
      'handoff',
      "needs the runner's GITHUB_REPOSITORY and GITHUB_RUN_ID, which tie a hand-off to its run; they are missing here."
    )
  }
  const config: HandoffConfig = {
    handoff,
    handoffKey,
    unused: ['client-id', 'client-secret', 'github-token'].filter((name) => inputs.text(name) !== ''),
    binding: { repository: run ? `${run.repository.owner}/${run.repository.repo}` : '', runId: run?.id ?? 0 },
    postmanEnvironment: postmanPath(inputs.text('postman-environment'), env),
    exportEnv: inputs.boolean('export-env')
  }
  if (inputs.problems.length > 0) throw new InputError(inputs.problems)
  return config
}

/** `handoff-key`, decoded; every problem (empty, white space, not base64, too short) is recorded. */
function readHandoffKey(inputs: InputReader): Buffer {
  const text = inputs.credential(
    'handoff-key',
    'the key',
    'Pass the same secret as the rotating job, e.g. `${{ secrets.BOX_HANDOFF_KEY }}`: the hand-off opens only with it.'
  )
  if (text === '' || /\s/.test(text)) return Buffer.alloc(0)
  const decoded = decodeHandoffKey(text)
  if ('problem' in decoded) {
    inputs.problem('handoff-key', decoded.problem)
    return Buffer.alloc(0)
  }
  return decoded.key
}

/** The four credentials; each message says where the value should come from. */
function readCredentials(
  inputs: InputReader,
  secretName: string
): Pick<RotationConfig, 'clientId' | 'clientSecret' | 'refreshToken' | 'githubToken'> {
  return {
    clientId: inputs.credential(
      'client-id',
      'the client ID',
      "Pass your Box app's client ID (Developer Console → your app → Configuration → OAuth 2.0 Credentials)."
    ),
    clientSecret: inputs.credential(
      'client-secret',
      'the client secret',
      "Pass your Box app's client secret, e.g. `${{ secrets.BOX_CLIENT_SECRET }}`; an empty value usually means " +
        'that secret is not set in this repository.'
    ),
    refreshToken: inputs.credential(
      'refresh-token',
      'the refresh token',
      `Pass \`\${{ secrets.${secretName} }}\`. An empty value means the secret is not set, or is not ` +
        'available to this workflow (pull requests from forks and Dependabot-triggered runs see no repository ' +
        'secrets); to get the first refresh token, see "First-time setup" in docs/setup.md (the `login` command ' +
        'stores it in the secret). A job that only uses the access token of a job that rotated passes `handoff` ' +
        `and \`handoff-key\` instead; another mode gives its own inputs: ${MODES}.`
    ),
    githubToken: inputs.credential(
      'github-token',
      'the token',
      'Pass a token that can write secrets: a fine-grained PAT with "Secrets: ' +
        'read and write", a classic PAT with `repo`, or a GitHub App installation token with `secrets: ' +
        'write`. The workflow GITHUB_TOKEN cannot write secrets.'
    )
  }
}

/**
 * Which secrets are written: the repository, or one of its environments, or the organization; with
 * or without Dependabot's.
 */
function readSelection(
  inputs: InputReader,
  env: NodeJS.ProcessEnv
): Pick<RotationConfig, 'repository' | 'environment' | 'organization' | 'organizationVisibility' | 'dependabot'> {
  const repository = parseRepository(inputs.text('repository') || env.GITHUB_REPOSITORY || '', inputs.problem)
  const environment = inputs.text('environment') || undefined
  if (environment !== undefined) inputs.check('environment', environmentProblem(environment))
  const organization = inputs.text('organization') || undefined
  if (organization !== undefined) inputs.check('organization', organizationProblem(organization))
  if (environment !== undefined && organization !== undefined) {
    inputs.problem(
      'organization',
      'cannot be combined with `environment`: an environment secret belongs to a repository. Set one of them.'
    )
  }
  const visibility = inputs.text('organization-visibility') || 'private'
  inputs.check('organization-visibility', visibilityProblem(visibility))
  const dependabot = inputs.boolean('dependabot')
  if (dependabot && environment !== undefined) {
    inputs.problem(
      'dependabot',
      'cannot be combined with `environment`: Dependabot secrets exist for repositories and organizations only. ' +
        'Remove one of them.'
    )
  }
  return {
    repository,
    environment,
    organization,
    organizationVisibility: visibility === 'all' ? 'all' : 'private',
    dependabot
  }
}

/**
 * The failure issue's target alone, for a run whose other inputs are not valid: the likeliest
 * failure of a keep-alive is a deleted secret, which arrives as an empty input, and that is what
 * the issue is for. Undefined when `failure-issue` is off, or it, `issue-token`,
 * GITHUB_REPOSITORY or GITHUB_API_URL cannot be used.
 */
export function readFailureIssueTarget(
  getInput: (name: string) => string,
  env: NodeJS.ProcessEnv
): FailureIssueTarget | undefined {
  const inputs = new InputReader(getInput)
  const target = readFailureIssue(inputs, env, readGitHubApiUrl(inputs, env))
  return inputs.problems.length === 0 ? target : undefined
}

function readGitHubApiUrl(inputs: InputReader, env: NodeJS.ProcessEnv): string {
  return baseUrl(
    env.GITHUB_API_URL || 'https://api.github.com',
    'GITHUB_API_URL (environment variable)',
    inputs.problem
  )
}

function readFailureIssue(
  inputs: InputReader,
  env: NodeJS.ProcessEnv,
  githubApiUrl: string
): FailureIssueTarget | undefined {
  if (!inputs.boolean('failure-issue')) return undefined
  const token = inputs.text('issue-token')
  if (token === '') {
    inputs.problem(
      'issue-token',
      "is empty, so `failure-issue` cannot open an issue. Leave it at its default (the workflow's GITHUB_TOKEN) and " +
        'give the job `permissions: issues: write`.'
    )
  } else if (/\s/.test(token))
    inputs.problem(
      'issue-token',
      'contains white space, so it was probably pasted with extra text. Pass the token alone.'
    )
  const repository = env.GITHUB_REPOSITORY ?? ''
  if (!isRepositoryName(repository)) {
    inputs.problem(
      'failure-issue',
      'needs GITHUB_REPOSITORY (`owner/name`), which the runner sets, to know where to open the issue.'
    )
  }
  const [owner = '', repo = ''] = repository.split('/')
  return { token, repository: { owner, repo }, githubApiUrl, runId: workflowRun(env)?.id }
}

/** Absolute, resolved against the workspace as the runner sets it. */
function postmanPath(value: string, env: NodeJS.ProcessEnv): string | undefined {
  return value === '' ? undefined : path.resolve(env.GITHUB_WORKSPACE || process.cwd(), value)
}

function workflowRun(env: NodeJS.ProcessEnv): RotationConfig['run'] {
  const id = Number(env.GITHUB_RUN_ID)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!Number.isSafeInteger(id) || id <= 0 || !owner || !repo) return undefined
  return { repository: { owner, repo }, id, attempt: Number(env.GITHUB_RUN_ATTEMPT) || 1 }
}
