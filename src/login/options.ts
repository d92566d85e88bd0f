/**
 * The login command's flags and environment, read into one validated set of options. Problems are
 * reported together, each naming the flag and the fix, before the command touches GitHub or Box
 * (as the action's inputs are). The --help text is in help.ts.
 */
import { parseArgs } from 'node:util'
import { baseUrl, environmentProblem, organizationProblem, parseRepository, secretNameProblem, visibilityProblem, type OrganizationVisibility } from '../inputs.js'
import type { TargetSelection } from '../targets.js'

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
  const { values, problems: syntax } = readFlags(argv)
  if (values.help === true) return { help: true }
  const flagsRead = new FlagReader(values, syntax)

  const githubToken = githubTokenFrom(flagsRead.text('github-token'), env)
  if (githubToken !== undefined && /\s/.test(githubToken.value)) flagsRead.problem(githubToken.source, 'contains white space. Give the token alone.')
  const { selection, organizationVisibility } = readLoginSelection(flagsRead)
  const githubApiFlag = flagsRead.text('github-api-url')
  const options: LoginOptions = {
    clientId: flagsRead.credential('client-id', env.BOX_CLIENT_ID, 'BOX_CLIENT_ID', 'the client ID'),
    clientSecret: flagsRead.credential('client-secret', env.BOX_CLIENT_SECRET, 'BOX_CLIENT_SECRET', 'the client secret'),
    githubToken,
    selection,
    organizationVisibility,
    boxAuthorizeUrl: flagsRead.url('--box-authorize-url', flagsRead.text('box-authorize-url') ?? DEFAULT_BOX_AUTHORIZE_URL),
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
  if (flagsRead.problems.length > 0) throw new UsageError(flagsRead.problems)
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
    flagsRead.problem('--repository', 'is missing: say where the secret goes, with `--repository owner/name` (or `--organization name` for an organization secret).')
  }
  if (repositoryValue !== undefined && organization !== undefined) {
    flagsRead.problem('--organization', 'cannot be combined with `--repository`: give `--repository` for a repository or environment secret, or `--organization` for an organization secret.')
  }
  const repository = repositoryValue === undefined ? undefined : parseRepository(repositoryValue, (_, message) => flagsRead.problem('--repository', message))
  if (organization !== undefined) flagsRead.check('--organization', organizationProblem(organization))
  if (environment !== undefined) {
    if (repositoryValue === undefined) flagsRead.problem('--environment', 'needs `--repository`: an environment secret belongs to a repository.')
    flagsRead.check('--environment', environmentProblem(environment))
    if (dependabot) flagsRead.problem('--dependabot', 'cannot be combined with `--environment`: Dependabot secrets exist for repositories and organizations only.')
  }
  const visibility = flagsRead.text('organization-visibility') ?? 'private'
  flagsRead.check('--organization-visibility', visibilityProblem(visibility))
  return { selection: { secretName, repository, environment, organization, dependabot }, organizationVisibility: visibility === 'all' ? 'all' : 'private' }
}

type FlagName = keyof typeof flags
type FlagValues = Partial<Record<FlagName, string | boolean>>

/**
 * The flags as given, and every way the command line itself is wrong: an unknown flag (with the
 * flag that was probably meant), a flag without its value, a value for a flag that takes none, a
 * stray word. All are collected, so one run shows every mistake.
 */
function readFlags(argv: readonly string[]): { values: FlagValues; problems: string[] } {
  const { tokens } = parseArgs({ args: [...argv], options: flags, strict: false, allowPositionals: true, tokens: true })
  const values: FlagValues = {}
  const problems: string[] = []
  let afterUnknown = false
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue
    if (token.kind === 'positional') {
      if (!afterUnknown) problems.push(`\`${token.value}\` is not an option: options start with -- (see --help).`)
      afterUnknown = false
      continue
    }
    afterUnknown = false
    const flag = (Object.keys(flags) as FlagName[]).find((name) => name === token.name || (flags[name] as { short?: string }).short === token.name)
    if (flag === undefined) {
      const meant = nearestFlag(token.name)
      problems.push(`\`${token.rawName}\` is not an option of this command${meant ? `; did you mean \`${meant}\`?` : ' (see --help).'}`)
      afterUnknown = token.inlineValue === undefined
      continue
    }
    if (flags[flag].type === 'boolean') {
      if (token.value !== undefined) problems.push(`\`--${flag}\` takes no value: give it alone, not \`${token.rawName}=${token.value}\`.`)
      values[flag] = true
    } else if (token.value === undefined) {
      problems.push(`\`--${flag}\` needs a value, e.g. \`--${flag} ${EXAMPLES[flag] ?? 'VALUE'}\`.`)
    } else {
      values[flag] = token.value
    }
  }
  return { values, problems }
}

const EXAMPLES: Partial<Record<FlagName, string>> = {
  repository: 'octo-org/api-tests',
  organization: 'octo-org',
  environment: 'production',
  port: String(DEFAULT_PORT),
  timeout: String(DEFAULT_TIMEOUT_SECONDS),
  'retry-timeout': String(DEFAULT_RETRY_TIMEOUT_SECONDS)
}

/** The flag a mistyped one most likely meant (`--repo` → `--repository (-R)`), or undefined. */
function nearestFlag(typed: string): string | undefined {
  const name = typed.toLowerCase()
  const candidates = (Object.keys(flags) as FlagName[]).map((flag) => ({ flag, distance: editDistance(name, flag) }))
  const best = candidates.find(({ flag }) => flag.startsWith(name) || name.startsWith(flag)) ?? candidates.filter((c) => c.distance <= 2).sort((a, b) => a.distance - b.distance)[0]
  if (best === undefined) return undefined
  const short = (flags[best.flag] as { short?: string }).short
  return `--${best.flag}${short ? ` (-${short})` : ''}`
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** Reads the flags (trimmed) and collects every problem, each naming its flag. */
class FlagReader {
  readonly problems: string[]

  constructor(
    readonly values: FlagValues,
    syntaxProblems: string[]
  ) {
    this.problems = [...syntaxProblems]
  }

  problem(flag: string, message: string): void {
    this.problems.push(`\`${flag}\` ${message}`)
  }

  check(flag: string, message: string | undefined): void {
    if (message !== undefined) this.problem(flag, message)
  }

  text(name: FlagName): string | undefined {
    const value = this.values[name]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }

  /** The flag, else the environment variable; white space in it is a pasting mistake. */
  credential(flag: FlagName, fromEnv: string | undefined, variable: string, what: string): string | undefined {
    const value = this.text(flag) ?? (fromEnv?.trim() || undefined)
    if (value !== undefined && /\s/.test(value)) {
      this.problem(this.values[flag] === undefined ? variable : `--${flag}`, `contains white space, so it was probably pasted with extra text. Give ${what} alone.`)
    }
    return value
  }

  url(flag: string, value: string): string {
    return baseUrl(value, flag, (name, message) => this.problem(name, message))
  }

  integer(flag: FlagName, fallback: number, min: number, max: number, unit = ''): number {
    const value = this.text(flag)
    if (value === undefined) return fallback
    const number = Number(value)
    if (!Number.isInteger(number) || number < min || number > max) {
      this.problem(`--${flag}`, `must be a whole number from ${min} to ${max}${unit}, not "${value}".`)
      return fallback
    }
    return number
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
