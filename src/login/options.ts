/**
 * The login command's flags and environment, read into one validated set of options. Problems are
 * reported together, each naming the flag and the fix, before the command touches GitHub or Box
 * (as the action's inputs are). The --help text is in help.ts.
 */
import type { OrganizationVisibility } from '../github/targets.js'
import {
  environmentProblem,
  organizationProblem,
  parseRepository,
  secretNameProblem,
  visibilityProblem
} from '../names.js'
import type { TargetSelection } from '../github/targets.js'
import { DEFAULT_PORT, DEFAULT_RETRY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, FlagReader, readFlags } from './flags.js'

export const DEFAULT_BOX_AUTHORIZE_URL = 'https://account.box.com/api/oauth2/authorize'
export const DEFAULT_BOX_API_URL = 'https://api.box.com'
export const CALLBACK_PATH = '/callback'

export interface LoginOptions {
  /** From --client-id or BOX_CLIENT_ID; asked for when undefined. */
  clientId?: string
  /** From --client-secret or BOX_CLIENT_SECRET; asked for (without echo) when undefined. */
  clientSecret?: string
  /** From --github-token, GH_TOKEN or GITHUB_TOKEN, with where it came from; else `gh auth token`. */
  githubToken?: { value: string; source: string }
  selection: TargetSelection
  /** Visibility of an organization secret that does not exist yet. */
  organizationVisibility: OrganizationVisibility
  /** --handoff-key-secret: also make a hand-off key and store it under this name, beside the token. */
  handoffKeySecret?: string
  boxAuthorizeUrl: string
  boxApiUrl: string
  githubApiUrl: string
  /** 0 lets the system choose a free port. */
  port: number
  /** How long to wait for the browser to come back. */
  timeoutMs: number
  /** How long to keep retrying GitHub after transient failures, before and after Box's answer. */
  retryTimeoutMs: number
  openBrowser: boolean
}

export type LoginCommand = { help: true } | { help: false; options: LoginOptions }

export class UsageError extends Error {
  constructor(
    readonly problems: string[],
    /** The credentials read so far, to be redacted before the problems are printed. */
    readonly credentials: (string | undefined)[] = []
  ) {
    super(
      [
        problems.length === 1 ? 'An option is not valid:' : `${problems.length} options are not valid:`,
        ...problems.map((p) => `  - ${p}`),
        'Nothing was changed. Run with --help for how to use the command.'
      ].join('\n')
    )
    this.name = 'UsageError'
  }
}

export function parseLoginArgs(argv: readonly string[], env: NodeJS.ProcessEnv): LoginCommand {
  const { values, problems: syntax } = readFlags(argv)
  if (values.help === true) return { help: true }
  const flagsRead = new FlagReader(values, syntax)

  const githubToken = githubTokenFrom(flagsRead.text('github-token'), env)
  if (githubToken !== undefined && /\s/.test(githubToken.value))
    flagsRead.problem(githubToken.source, 'contains white space. Give the token alone.')
  const { selection, organizationVisibility } = readLoginSelection(flagsRead)
  const handoffKeySecret = readHandoffKeySecret(flagsRead, selection.secretName)
  const githubApiFlag = flagsRead.text('github-api-url')
  const options: LoginOptions = {
    clientId: flagsRead.credential('client-id', env.BOX_CLIENT_ID, 'BOX_CLIENT_ID', 'the client ID'),
    clientSecret: flagsRead.credential(
      'client-secret',
      env.BOX_CLIENT_SECRET,
      'BOX_CLIENT_SECRET',
      'the client secret'
    ),
    githubToken,
    selection,
    organizationVisibility,
    handoffKeySecret,
    boxAuthorizeUrl: flagsRead.url(
      '--box-authorize-url',
      flagsRead.text('box-authorize-url') ?? DEFAULT_BOX_AUTHORIZE_URL
    ),
    boxApiUrl: flagsRead.url('--box-api-url', flagsRead.text('box-api-url') ?? DEFAULT_BOX_API_URL),
    githubApiUrl: flagsRead.url(
      githubApiFlag === undefined && env.GITHUB_API_URL ? 'GITHUB_API_URL' : '--github-api-url',
      githubApiFlag ?? (env.GITHUB_API_URL || 'https://api.github.com')
    ),
    port: flagsRead.integer('port', DEFAULT_PORT, 0, 65535),
    timeoutMs: flagsRead.integer('timeout', DEFAULT_TIMEOUT_SECONDS, 1, 3600, ' (seconds)') * 1000,
    retryTimeoutMs: flagsRead.integer('retry-timeout', DEFAULT_RETRY_TIMEOUT_SECONDS, 0, 3600, ' (seconds)') * 1000,
    openBrowser: values['no-browser'] !== true
  }
  if (flagsRead.problems.length > 0)
    throw new UsageError(flagsRead.problems, [options.clientSecret, options.githubToken?.value])
  return { help: false, options }
}

/** Where the token goes: a repository (or one of its environments), or an organization. */
function readLoginSelection(flagsRead: FlagReader): Pick<LoginOptions, 'selection' | 'organizationVisibility'> {
  const secretName = flagsRead.text('secret-name') ?? 'BOX_REFRESH_TOKEN'
  flagsRead.check('--secret-name', secretNameProblem(secretName))
  const repositoryValue = flagsRead.text('repository')
  const environment = flagsRead.text('environment')
  const organization = flagsRead.text('organization')
  const dependabot = flagsRead.values.dependabot === true
  if (repositoryValue === undefined && organization === undefined) {
    flagsRead.problem(
      '--repository',
      'is missing: say where the secret goes, with `--repository owner/name` (or `--organization name` for an ' +
        'organization secret).'
    )
  }
  if (repositoryValue !== undefined && organization !== undefined) {
    flagsRead.problem(
      '--organization',
      'cannot be combined with `--repository`: give `--repository` for a repository or environment secret, or ' +
        '`--organization` for an organization secret.'
    )
  }
  const repository =
    repositoryValue === undefined
      ? undefined
      : parseRepository(repositoryValue, (_, message) => flagsRead.problem('--repository', message))
  if (organization !== undefined) flagsRead.check('--organization', organizationProblem(organization))
  if (environment !== undefined) {
    if (repositoryValue === undefined)
      flagsRead.problem('--environment', 'needs `--repository`: an environment secret belongs to a repository.')
    flagsRead.check('--environment', environmentProblem(environment))
    if (dependabot)
      flagsRead.problem(
        '--dependabot',
        'cannot be combined with `--environment`: Dependabot secrets exist for repositories and organizations only.'
      )
  }
  const visibility = flagsRead.text('organization-visibility') ?? 'private'
  flagsRead.check('--organization-visibility', visibilityProblem(visibility))
  return {
    selection: { secretName, repository, environment, organization, dependabot },
    organizationVisibility: visibility === 'all' ? 'all' : 'private'
  }
}

/** The secret the hand-off key goes to: a valid name, and not the refresh token's (names are case-insensitive). */
function readHandoffKeySecret(flagsRead: FlagReader, secretName: string): string | undefined {
  const name = flagsRead.text('handoff-key-secret')
  if (name === undefined) return undefined
  flagsRead.check('--handoff-key-secret', secretNameProblem(name))
  if (name.toUpperCase() === secretName.toUpperCase()) {
    flagsRead.problem(
      '--handoff-key-secret',
      `must name another secret than the refresh token's (${secretName}): ` +
        'the hand-off key is a secret of its own, e.g. BOX_HANDOFF_KEY.'
    )
  }
  return name
}

/** The flag, then GH_TOKEN and GITHUB_TOKEN in gh's own order; `gh auth token` is asked later. */
function githubTokenFrom(flag: string | undefined, env: NodeJS.ProcessEnv): LoginOptions['githubToken'] {
  if (flag !== undefined) return { value: flag, source: '--github-token' }
  for (const variable of ['GH_TOKEN', 'GITHUB_TOKEN']) {
    const value = env[variable]?.trim()
    if (value) return { value, source: variable }
  }
  return undefined
}
