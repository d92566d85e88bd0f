/**
 * The login command's flags and environment, read into one validated set of options, and the
 * --help text. Problems are reported together, each naming the flag and the fix, before the
 * command touches GitHub or Box (as the action's inputs are).
 */
import { parseArgs } from 'node:util'
import { baseUrl, environmentProblem, organizationProblem, parseRepository, secretNameProblem, visibilityProblem, type OrganizationVisibility } from '../inputs.js'
import type { TargetSelection } from '../secrets.js'

export const DEFAULT_PORT = 8976
export const DEFAULT_TIMEOUT_SECONDS = 300
/** A person at a terminal would rather hear of a network problem in half a minute than in two. */
export const DEFAULT_RETRY_TIMEOUT_SECONDS = 30
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
  constructor(readonly problems: string[]) {
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

const flags = {
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  repository: { type: 'string', short: 'R' },
  environment: { type: 'string', short: 'e' },
  organization: { type: 'string' },
  'organization-visibility': { type: 'string' },
  'secret-name': { type: 'string' },
  dependabot: { type: 'boolean' },
  'github-token': { type: 'string' },
  'github-api-url': { type: 'string' },
  'box-authorize-url': { type: 'string' },
  'box-api-url': { type: 'string' },
  port: { type: 'string', short: 'p' },
  timeout: { type: 'string' },
  'retry-timeout': { type: 'string' },
  'no-browser': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export function parseLoginArgs(argv: readonly string[], env: NodeJS.ProcessEnv): LoginCommand {
  let values: Partial<Record<keyof typeof flags, string | boolean>>
  try {
    values = parseArgs({ args: [...argv], options: flags, strict: true, allowPositionals: false }).values
  } catch (error) {
    // parseArgs says which flag it did not understand, e.g. "Unknown option '--repo'".
    throw new UsageError([(error as Error).message.replace(/\. To specify a positional argument.*$/s, '.')])
  }
  if (values.help === true) return { help: true }

  const problems: string[] = []
  const problem = (flag: string, message: string): void => void problems.push(`\`${flag}\` ${message}`)
  const text = (name: keyof typeof flags): string | undefined => {
    const value = values[name]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }
  const credential = (flag: keyof typeof flags, variable: string, what: string): string | undefined => {
    const value = text(flag) ?? (env[variable]?.trim() || undefined)
    if (value !== undefined && /\s/.test(value)) problem(values[flag] === undefined ? variable : `--${flag}`, `contains white space, so it was probably pasted with extra text. Give ${what} alone.`)
    return value
  }

  const clientId = credential('client-id', 'BOX_CLIENT_ID', 'the client ID')
  const clientSecret = credential('client-secret', 'BOX_CLIENT_SECRET', 'the client secret')
  const githubToken = githubTokenFrom(text('github-token'), env)
  if (githubToken !== undefined && /\s/.test(githubToken.value)) problem(githubToken.source, 'contains white space. Give the token alone.')

  const secretName = text('secret-name') ?? 'BOX_REFRESH_TOKEN'
  const secretNameMessage = secretNameProblem(secretName)
  if (secretNameMessage !== undefined) problem('--secret-name', secretNameMessage)

  const repositoryValue = text('repository')
  const environment = text('environment')
  const organization = text('organization')
  const dependabot = values.dependabot === true
  if (repositoryValue === undefined && organization === undefined) {
    problem('--repository', 'is missing: say where the secret goes, with `--repository owner/name` (or `--organization name` for an organization secret).')
  }
  if (repositoryValue !== undefined && organization !== undefined) {
    problem('--organization', 'cannot be combined with `--repository`: give `--repository` for a repository or environment secret, or `--organization` for an organization secret.')
  }
  const repository = repositoryValue === undefined ? undefined : parseRepository(repositoryValue, (_, message) => problem('--repository', message))
  if (organization !== undefined) {
    const message = organizationProblem(organization)
    if (message !== undefined) problem('--organization', message)
  }
  if (environment !== undefined) {
    if (repositoryValue === undefined) problem('--environment', 'needs `--repository`: an environment secret belongs to a repository.')
    const environmentMessage = environmentProblem(environment)
    if (environmentMessage !== undefined) problem('--environment', environmentMessage)
    if (dependabot) problem('--dependabot', 'cannot be combined with `--environment`: Dependabot secrets exist for repositories and organizations only.')
  }
  const visibility = text('organization-visibility') ?? 'private'
  const visibilityMessage = visibilityProblem(visibility)
  if (visibilityMessage !== undefined) problem('--organization-visibility', visibilityMessage)

  const url = (flag: string, value: string): string => baseUrl(value, flag, (name, message) => problem(name, message))
  const boxAuthorizeUrl = url('--box-authorize-url', text('box-authorize-url') ?? DEFAULT_BOX_AUTHORIZE_URL)
  const boxApiUrl = url('--box-api-url', text('box-api-url') ?? DEFAULT_BOX_API_URL)
  const githubApiFlag = text('github-api-url')
  const githubApiUrl = url(githubApiFlag === undefined && env.GITHUB_API_URL ? 'GITHUB_API_URL' : '--github-api-url', githubApiFlag ?? (env.GITHUB_API_URL || 'https://api.github.com'))

  const port = integer(text('port'), DEFAULT_PORT, 0, 65535, (message) => problem('--port', message))
  const timeoutSeconds = integer(text('timeout'), DEFAULT_TIMEOUT_SECONDS, 1, 3600, (message) => problem('--timeout', `${message} (seconds)`))
  const retryTimeoutSeconds = integer(text('retry-timeout'), DEFAULT_RETRY_TIMEOUT_SECONDS, 0, 3600, (message) => problem('--retry-timeout', `${message} (seconds)`))

  if (problems.length > 0) throw new UsageError(problems)
  return {
    help: false,
    options: {
      clientId,
      clientSecret,
      githubToken,
      selection: { secretName, repository, environment, organization, dependabot },
      organizationVisibility: visibility === 'all' ? 'all' : 'private',
      boxAuthorizeUrl,
      boxApiUrl,
      githubApiUrl,
      port,
      timeoutMs: timeoutSeconds * 1000,
      retryTimeoutMs: retryTimeoutSeconds * 1000,
      openBrowser: values['no-browser'] !== true
    }
  }
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

function integer(value: string | undefined, fallback: number, min: number, max: number, problem: (message: string) => void): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max) {
    problem(`must be a whole number from ${min} to ${max}, not "${value}"`)
    return fallback
  }
  return number
}

export function helpText(command = 'node dist/login/index.js'): string {
  const redirect = `http://127.0.0.1:${DEFAULT_PORT}${CALLBACK_PATH}`
  return `Usage: ${command} --repository OWNER/REPO [options]

Authorizes your Box app in the browser and stores the refresh token Box issues in a GitHub
secret, where the Box Token Refresh action reads it. Run it for the first token, and again
whenever the token chain is broken (the action then reports invalid_grant). The refresh
token is never printed and never saved on this machine.

Before the first run, in the Box Developer Console (https://app.box.com/developers/console),
open your app (Custom App, User Authentication (OAuth 2.0)) → Configuration:
  - copy the Client ID and Client Secret (OAuth 2.0 Credentials);
  - under OAuth 2.0 Redirect URIs, add exactly  ${redirect}
    (http, 127.0.0.1 rather than localhost, the port given with --port) and save.
    If this URI is not listed, Box shows "redirect_uri_mismatch" instead of the consent page.

Where the token goes (give --repository or --organization):
  -R, --repository OWNER/REPO    repository whose secret is written
  -e, --environment NAME         write this environment's secret of --repository instead
      --organization ORG         write the organization secret instead
      --organization-visibility private|all
                                 visibility of a new organization secret (default private;
                                 an existing secret keeps its visibility and repositories)
      --secret-name NAME         secret name (default BOX_REFRESH_TOKEN)
      --dependabot               also write the Dependabot secret of the same name

Box app credentials:
      --client-id ID             default $BOX_CLIENT_ID; asked for when missing
      --client-secret SECRET     default $BOX_CLIENT_SECRET; asked for, without echo, when
                                 missing (a flag ends up in your shell history)

GitHub (the token must be able to write the secret: a fine-grained token with
"Secrets: read and write", a classic token with repo, or admin:org for an organization):
      --github-token TOKEN       default $GH_TOKEN, then $GITHUB_TOKEN, then \`gh auth token\`
                                 when the GitHub CLI is installed and logged in
      --github-api-url URL       default $GITHUB_API_URL or https://api.github.com

The browser round trip:
  -p, --port PORT                port of the loopback redirect (default ${DEFAULT_PORT}; 0 = any free
                                 port, if your Box app accepts loopback redirects on any port)
      --timeout SECONDS          how long to wait for the browser (default ${DEFAULT_TIMEOUT_SECONDS})
      --retry-timeout SECONDS    how long to keep retrying GitHub when it fails or cannot be
                                 reached (default ${DEFAULT_RETRY_TIMEOUT_SECONDS}; 0 = try once)
      --no-browser               print the URL only; do not try to open a browser
      --box-authorize-url URL    default ${DEFAULT_BOX_AUTHORIZE_URL}
      --box-api-url URL          base of the token endpoint (default ${DEFAULT_BOX_API_URL});
                                 https only, except on a loopback address
  -h, --help                     show this text

What happens:
  1. The GitHub token and the secret are checked; if that fails, it stops before Box.
  2. It listens on ${redirect}, prints Box's authorize URL
     and opens it in your browser when it can.
  3. You log in to Box and click "Grant access to Box". Box sends the browser back with
     a code, which is exchanged at once (a code lives 30 seconds).
  4. The new refresh token is sealed with the secret's public key and written.
The browser must run on this machine: over SSH, forward the port first
(ssh -L ${DEFAULT_PORT}:127.0.0.1:${DEFAULT_PORT} HOST) and open the URL on your own machine.

Example:
  export BOX_CLIENT_ID=abc123  # the client secret is asked for
  ${command} --repository octo-org/api-tests

Exit status: 0 stored, 1 failed (the message says what to do), 2 invalid options,
130 cancelled.
`
}
