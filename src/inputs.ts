/**
 * Reads the action's inputs into one typed, validated config. Every problem names the input and
 * says how to fix it, and all problems are reported together, before any network call: a run that
 * fails here has not used the refresh token.
 */
import { decodeHandoffKey, type HandoffBinding } from './handoff.js'
import path from 'node:path'
import { InputReader, type InputProblem } from './input-reader.js'
import {
  baseUrl,
  environmentProblem,
  organizationProblem,
  parseRepository,
  secretNameProblem,
  visibilityProblem
} from './names.js'

export type OrganizationVisibility = 'all' | 'private'

export interface RepositoryRef {
  owner: string
  repo: string
}

export interface Config {
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
  /** Base URL without a trailing slash; the token endpoint is `${boxApiUrl}/oauth2/token`. */
  boxApiUrl: string
  githubApiUrl: string
  /** Absolute path, resolved against the workspace. */
  postmanEnvironment?: string
  exportEnv: boolean
  dryRun: boolean
  retryBudgetMs: number
  requestTimeoutMs: number
  /** Open (or update) an issue when the rotation fails, and close it when one succeeds. */
  failureIssue: boolean
  /** The token for that issue; by default the workflow's GITHUB_TOKEN, which needs `issues: write`. */
  issueToken: string
  /** The workflow run this step belongs to, when the runner says; used to spot a stale token. */
  run?: { repository: RepositoryRef; id: number; attempt: number }
  /** The decoded `handoff-key`: the run outputs `handoff` only when it is given. */
  handoffKey?: Buffer
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
  'handoff-key'
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

export function readConfig(getInput: (name: string) => string, env: NodeJS.ProcessEnv): Config {
  const inputs = new InputReader(getInput)
  const secretName = inputs.text('secret-name') || 'BOX_REFRESH_TOKEN'
  inputs.check('secret-name', secretNameProblem(secretName))
  const config: Config = {
    ...readCredentials(inputs, secretName),
    secretName,
    ...readSelection(inputs, env),
    boxApiUrl: baseUrl(inputs.text('box-api-url') || 'https://api.box.com', 'box-api-url', inputs.problem),
    githubApiUrl: baseUrl(
      env.GITHUB_API_URL || 'https://api.github.com',
      'GITHUB_API_URL (environment variable)',
      inputs.problem
    ),
    postmanEnvironment: postmanPath(inputs.text('postman-environment'), env),
    exportEnv: inputs.boolean('export-env'),
    dryRun: inputs.boolean('dry-run'),
    retryBudgetMs: inputs.seconds('retry-timeout-seconds', 120, 0, 3600),
    requestTimeoutMs: inputs.seconds('request-timeout-seconds', 30, 1, 600),
    run: workflowRun(env),
    ...readFailureIssue(inputs, env),
    handoffKey: inputs.text('handoff-key') === '' ? undefined : readHandoffKey(inputs)
  }
  if (inputs.problems.length > 0) throw new InputError(inputs.problems)
  return config
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
      'cannot be combined with `handoff`: a job with `handoff` takes the access token from the rotating job and must not rotate itself (two rotations of one refresh token race). Remove `refresh-token` from this job.'
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
): Pick<Config, 'clientId' | 'clientSecret' | 'refreshToken' | 'githubToken'> {
  return {
    clientId: inputs.credential(
      'client-id',
      'the client ID',
      "Pass your Box app's client ID (Developer Console → your app → Configuration → OAuth 2.0 Credentials)."
    ),
    clientSecret: inputs.credential(
      'client-secret',
      'the client secret',
      "Pass your Box app's client secret, e.g. `${{ secrets.BOX_CLIENT_SECRET }}`; an empty value usually means that secret is not set in this repository."
    ),
    refreshToken: inputs.credential(
      'refresh-token',
      'the refresh token',
      `Pass \`\${{ secrets.${secretName} }}\` (or, in a job that only uses the access token of a job that rotated, ` +
        'pass `handoff` and `handoff-key` instead). An empty value means the secret is not set, ' +
        `or is not available to this workflow (pull requests from forks and Dependabot-triggered runs see no repository secrets). ` +
        `To get the first refresh token, see "First-time setup" in docs/setup.md ` +
        `(the \`login\` command stores it in the secret).`
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

/** Which secrets are written: the repository, or one of its environments, or the organization; with or without Dependabot's. */
function readSelection(
  inputs: InputReader,
  env: NodeJS.ProcessEnv
): Pick<Config, 'repository' | 'environment' | 'organization' | 'organizationVisibility' | 'dependabot'> {
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
      'cannot be combined with `environment`: Dependabot secrets exist for repositories and organizations only. Remove one of them.'
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

function readFailureIssue(inputs: InputReader, env: NodeJS.ProcessEnv): Pick<Config, 'failureIssue' | 'issueToken'> {
  const failureIssue = inputs.boolean('failure-issue')
  const issueToken = inputs.text('issue-token')
  if (failureIssue && issueToken === '') {
    inputs.problem(
      'issue-token',
      "is empty, so `failure-issue` cannot open an issue. Leave it at its default (the workflow's GITHUB_TOKEN) and give the job `permissions: issues: write`."
    )
  }
  if (failureIssue && !env.GITHUB_REPOSITORY)
    inputs.problem('failure-issue', 'needs GITHUB_REPOSITORY, which the runner sets, to know where to open the issue.')
  return { failureIssue, issueToken }
}

/** Absolute, resolved against the workspace as the runner sets it. */
function postmanPath(value: string, env: NodeJS.ProcessEnv): string | undefined {
  return value === '' ? undefined : path.resolve(env.GITHUB_WORKSPACE || process.cwd(), value)
}

function workflowRun(env: NodeJS.ProcessEnv): Config['run'] {
  const id = Number(env.GITHUB_RUN_ID)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!Number.isSafeInteger(id) || id <= 0 || !owner || !repo) return undefined
  return { repository: { owner, repo }, id, attempt: Number(env.GITHUB_RUN_ATTEMPT) || 1 }
}
