/**
 * login(): the first refresh token, or a new one after the chain broke, from a terminal.
 *
 * The same order as the action, for the same reason: everything that can fail without Box is
 * checked before anyone is sent to Box (options, the GitHub token, every secret target, its
 * public key), so a wrong GitHub token costs no consent. After Box's answer the new refresh token
 * exists only in this process: it is sealed and written at once with the action's own secret
 * writer, and if a write still fails, the sealed recovery payload is printed exactly as the
 * action prints it. The token itself is never printed or written anywhere else.
 */
import { BoxError, exchangeAuthorizationCode, type ClientCredentials, type TokenPair } from '../box.js'
import { REFRESH_TOKEN_LIFETIME_DAYS } from '../diagnostics.js'
import { createGitHubClient, type GitHubClient } from '../github.js'
import { prepareForWriting } from '../preflight.js'
import { ghHostname, recoveryInstructions } from '../report.js'
import { defaultRetryPolicy, retryNotice, type RetryEvent, type RetryPolicy, type Timing } from '../retry.js'
import { loadSealer, type Sealer } from '../seal.js'
import { secretTargets, type PreparedTarget, type SecretTarget } from '../secrets.js'
import { writeBack } from '../writeback.js'
import { authorizeUrl, ListenError, newState, startCallbackServer, type AuthorizationAnswer, type CallbackServer, type Page } from './callback.js'
import { CALLBACK_PATH, helpText, parseLoginArgs, UsageError, type LoginOptions } from './options.js'

/** Asks a person; undefined when nobody can answer (no terminal). A rejection means "cancelled". */
export type Prompt = (question: string, options: { hidden: boolean }) => Promise<string | undefined>

export interface LoginDeps {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  /** Used for Box. */
  fetch: typeof fetch
  /** Tests only: a fetch for GitHub; a real run keeps the toolkit's proxy-aware one. */
  githubFetch?: typeof fetch
  /** The command's report: progress and results. */
  stdout: (text: string) => void
  /** Warnings and errors. */
  stderr: (text: string) => void
  prompt: Prompt
  /** Opens the URL in a browser; false when none could be started. Must not wait for the person. */
  openBrowser: (url: string) => Promise<boolean>
  /** `gh auth token` for this GitHub host, or undefined when gh is not there or not logged in. */
  ghAuthToken: (hostname: string) => Promise<string | undefined>
  /** For retries only; the wait for the browser is a person's wait and uses the real clock. */
  timing: Timing
  /** Backoff shape for GitHub requests; tests make it short. */
  backoff?: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>
  /** How the person ran the command, for --help. */
  commandName?: string
}

export const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 130 } as const

/**
 * An authorization code lives 30 seconds: every attempt must start within 15 s of the code's
 * arrival and end within 10 s, so even the last retry is answered while the code is valid.
 */
const EXCHANGE_POLICY: RetryPolicy = { budgetMs: 15_000, baseDelayMs: 500, maxDelayMs: 4_000 }
const EXCHANGE_REQUEST_TIMEOUT_MS = 10_000
const GITHUB_REQUEST_TIMEOUT_MS = 30_000
const DAY_MS = 86_400_000

/** An expected way for the command to end, with its message and exit status. */
class LoginFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    /** What the browser tab shows, when the failure comes after Box's answer. */
    readonly page?: Page
  ) {
    super(message)
    this.name = 'LoginFailure'
  }
}

/** Writes lines; every credential the command has seen is replaced by *** on the way out. */
class Terminal {
  private readonly secrets = new Set<string>()

  constructor(
    private readonly out: (text: string) => void,
    private readonly err: (text: string) => void
  ) {}

  redact(value: string): void {
    if (value.length >= 4) this.secrets.add(value)
  }

  info(text = ''): void {
    this.out(this.clean(text) + '\n')
  }

  warn(text: string): void {
    this.err(this.clean(text) + '\n')
  }

  private clean(text: string): string {
    let result = text
    for (const secret of this.secrets) result = result.split(secret).join('***').split(encodeURIComponent(secret)).join('***')
    return result
  }
}

export async function login(deps: LoginDeps): Promise<number> {
  const terminal = new Terminal(deps.stdout, deps.stderr)
  try {
    return await runLogin(deps, terminal)
  } catch (error) {
    if (!(error instanceof LoginFailure)) throw error
    terminal.warn(error.message)
    return error.exitCode
  }
}

async function runLogin(deps: LoginDeps, terminal: Terminal): Promise<number> {
  let options: LoginOptions
  try {
    const command = parseLoginArgs(deps.argv, deps.env)
    if (command.help) {
      terminal.info(helpText(deps.commandName))
      return EXIT.ok
    }
    options = command.options
  } catch (error) {
    if (error instanceof UsageError) throw new LoginFailure(error.message, EXIT.usage)
    throw error
  }
  if (options.clientSecret !== undefined) terminal.redact(options.clientSecret)
  if (options.githubToken !== undefined) terminal.redact(options.githubToken.value)

  // Started now so that loading libsodium overlaps the questions and the preflight requests.
  const sealer = loadSealer()
  sealer.catch(() => undefined)

  const credentials = await clientCredentials(options, deps, terminal)
  const githubToken = await resolveGitHubToken(options, deps, terminal)
  const logRetry = (service: string) => (event: RetryEvent): void => terminal.warn(retryNotice(service, event))
  const github = createGitHubClient(githubToken.value, {
    baseUrl: options.githubApiUrl,
    timing: deps.timing,
    policy: { ...defaultRetryPolicy, ...deps.backoff },
    requestTimeoutMs: GITHUB_REQUEST_TIMEOUT_MS,
    fetch: deps.githubFetch,
    onRetry: logRetry('GitHub')
  })

  const prepared = await preflight(github, secretTargets(options.selection), options, sealer, githubToken.source, terminal)
  const seal = await sealer // checked by preflight

  const state = newState()
  const server = await listen(options.port, state, terminal)
  let page: Page = { ok: false, title: 'Login failed', message: 'Nothing was stored. The terminal says why, and what to do.' }
  try {
    const code = await receiveCode(server, credentials.clientId, state, options, deps, terminal)
    terminal.info(`Authorization code received; exchanging it at ${options.boxApiUrl}/oauth2/token…`)
    const pair = await exchange(credentials, code, server.redirectUri, deps, terminal, logRetry('Box'))
    const issuedAt = deps.timing.now()
    terminal.info('Box issued a token pair.')
    const exitCode = await store(github, prepared, seal, pair.refreshToken, options, terminal)
    if (exitCode === EXIT.ok) {
      const expires = new Date(issuedAt + REFRESH_TOKEN_LIFETIME_DAYS * DAY_MS)
      terminal.info(
        `It expires on ${formatUtc(expires)}, ${REFRESH_TOKEN_LIFETIME_DAYS} days from now, unless it is used before: every run of the action replaces it with a fresh one, so run the action at least weekly.`
      )
      page = { ok: true, title: 'Done', message: `The Box refresh token is stored in the ${prepared.map((p) => p.target.label).join(' and ')}. You can close this tab.` }
    } else {
      page = { ok: false, title: 'Not stored', message: 'Box issued a token, but writing the secret failed. The terminal shows how to finish by hand.' }
    }
    return exitCode
  } catch (error) {
    if (error instanceof LoginFailure && error.page) page = error.page
    throw error
  } finally {
    await server.close(page)
  }
}

async function clientCredentials(options: LoginOptions, deps: LoginDeps, terminal: Terminal): Promise<ClientCredentials> {
  const problems: string[] = []
  const obtain = async (given: string | undefined, question: string, hidden: boolean, missing: string): Promise<string> => {
    const value = given ?? (await ask(deps.prompt, question, hidden))
    if (hidden && value) terminal.redact(value)
    if (!value) problems.push(missing)
    else if (/\s/.test(value)) problems.push(`The ${question.replace(/[:(].*$/, '').trim()} you typed contains white space; give it alone.`)
    return value ?? ''
  }
  const clientId = await obtain(options.clientId, 'Box client ID: ', false, 'No Box client ID: pass --client-id or set BOX_CLIENT_ID (there is no terminal to ask on).')
  const clientSecret = await obtain(
    options.clientSecret,
    'Box client secret (not shown): ',
    true,
    'No Box client secret: set BOX_CLIENT_SECRET, or run the command in a terminal to be asked (there is no terminal to ask on).'
  )
  if (problems.length > 0) throw new LoginFailure(`${problems.join('\n')}\nNothing was changed.`, EXIT.usage)
  return { boxApiUrl: options.boxApiUrl, clientId, clientSecret }
}

async function ask(prompt: Prompt, question: string, hidden: boolean): Promise<string | undefined> {
  try {
    return (await prompt(question, { hidden }))?.trim() || undefined
  } catch {
    throw new LoginFailure('Cancelled. Nothing was changed.', EXIT.cancelled)
  }
}

async function resolveGitHubToken(options: LoginOptions, deps: LoginDeps, terminal: Terminal): Promise<{ value: string; source: string }> {
  if (options.githubToken !== undefined) return options.githubToken
  const token = await deps.ghAuthToken(ghHostname(options.githubApiUrl) ?? 'github.com')
  if (token === undefined) {
    throw new LoginFailure(
      'No GitHub token: pass --github-token, set GH_TOKEN or GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`). ' +
        'The token must be able to write the secret: a fine-grained token with "Secrets: read and write" on the repository, or a classic token with `repo` (`admin:org` for an organization secret).\nNothing was changed.',
      EXIT.usage
    )
  }
  terminal.redact(token)
  return { value: token, source: '`gh auth token`' }
}

/** One parallel round of reads: every target's public key and metadata; libsodium can seal with each key. */
async function preflight(
  github: GitHubClient,
  targets: SecretTarget[],
  options: LoginOptions,
  sealer: Promise<Sealer>,
  tokenSource: string,
  terminal: Terminal
): Promise<PreparedTarget[]> {
  terminal.info(`Checking the ${targets.map((t) => t.label).join(' and ')} (GitHub token from ${tokenSource})…`)
  const { prepared, problems } = await prepareForWriting(github, targets, options.organizationVisibility, sealer)
  if (problems.length > 0) {
    const source =
      tokenSource === '`gh auth token`'
        ? 'The GitHub token came from `gh auth token`: `gh auth status` shows its scopes, and `gh auth refresh --scopes <scope>` adds one.'
        : `The GitHub token came from ${tokenSource}.`
    throw new LoginFailure(`${problems.join('\n')}\n${source}\nNothing was changed, and Box was not contacted.`)
  }
  for (const p of prepared) {
    terminal.info(
      p.existing === undefined
        ? `The ${p.target.label} does not exist yet; it will be created.`
        : `The ${p.target.label} exists${p.existing.updatedAt ? ` (last written ${formatUtc(p.existing.updatedAt)})` : ''}; it will be replaced.`
    )
  }
  return prepared
}

async function listen(port: number, state: string, terminal: Terminal): Promise<CallbackServer> {
  try {
    return await startCallbackServer(port, state, (reason) => terminal.warn(`Refused a request to ${CALLBACK_PATH}: ${reason}. Still waiting for Box's answer.`))
  } catch (error) {
    if (error instanceof ListenError) throw new LoginFailure(`${error.message}\nNothing was changed.`)
    throw error
  }
}

/** Shows the way to Box, waits for the browser to come back, and returns the code. */
async function receiveCode(server: CallbackServer, clientId: string, state: string, options: LoginOptions, deps: LoginDeps, terminal: Terminal): Promise<string> {
  const url = authorizeUrl(options.boxAuthorizeUrl, { clientId, redirectUri: server.redirectUri, state })
  terminal.info()
  terminal.info(`Listening on ${server.redirectUri} for Box's answer. The Box app must list this redirect URI`)
  terminal.info(`(Developer Console → your app → Configuration → OAuth 2.0 Redirect URIs), or Box shows "redirect_uri_mismatch".`)
  terminal.info()
  terminal.info('Open this URL in a browser on this machine, log in to Box and click "Grant access to Box":')
  terminal.info()
  terminal.info(`  ${url}`)
  terminal.info()
  if (options.openBrowser) {
    const opened = await deps.openBrowser(url).catch(() => false)
    terminal.info(opened ? 'Asked your browser to open it (if nothing opens, copy the URL).' : 'No browser could be opened from here: open the URL yourself.')
  }
  terminal.info(`Waiting for the browser (up to ${formatDuration(options.timeoutMs)}; Ctrl-C to cancel)…`)

  const answer = await server.waitForAnswer(options.timeoutMs)
  if (answer === undefined) throw new LoginFailure(timeoutMessage(server.redirectUri, options))
  if (answer.kind === 'error') throw refusal(answer)
  return answer.code
}

function refusal(answer: Extract<AuthorizationAnswer, { kind: 'error' }>): LoginFailure {
  const said = `${answer.error}${answer.description ? ` (${answer.description})` : ''}`
  if (answer.error === 'access_denied') {
    return new LoginFailure(
      `Access was not granted at Box: ${said}. Nothing was stored.\nIf that was not intended, run the command again and click "Grant access to Box".`,
      EXIT.failed,
      { ok: false, title: 'Access not granted', message: 'Box did not grant access, so nothing was stored. You can close this tab.' }
    )
  }
  return new LoginFailure(`Box answered the authorization with an error: ${said}. Nothing was stored.`, EXIT.failed, {
    ok: false,
    title: 'Box refused',
    message: `Box answered: ${said}. Nothing was stored.`
  })
}

function timeoutMessage(redirectUri: string, options: LoginOptions): string {
  const port = new URL(redirectUri).port
  return [
    `Box's answer did not reach ${redirectUri} within ${formatDuration(options.timeoutMs)}. Nothing was stored.`,
    `  - If Box showed "redirect_uri_mismatch", the Box app does not list this redirect URI. In the Developer Console open your app → Configuration → OAuth 2.0 Redirect URIs, add ${redirectUri} exactly (http, 127.0.0.1 rather than localhost, port ${port}, path ${CALLBACK_PATH}), save, and run the command again.`,
    '  - If Box showed "invalid_client", the client ID is not the one of your Box app.',
    `  - If the browser runs on another machine, its 127.0.0.1 is not this one: forward the port (ssh -L ${port}:127.0.0.1:${port} HOST) or run the command where the browser is.`,
    '  - To wait longer, pass --timeout SECONDS.'
  ].join('\n')
}

async function exchange(
  credentials: ClientCredentials,
  code: string,
  redirectUri: string,
  deps: LoginDeps,
  terminal: Terminal,
  onRetry: (event: RetryEvent) => void
): Promise<TokenPair> {
  try {
    return await exchangeAuthorizationCode(credentials, code, redirectUri, {
      fetch: deps.fetch,
      timing: deps.timing,
      policy: EXCHANGE_POLICY,
      requestTimeoutMs: EXCHANGE_REQUEST_TIMEOUT_MS,
      // Both tokens are redacted from all output the moment Box's answer is parsed.
      mask: (value) => terminal.redact(value),
      onRetry
    })
  } catch (error) {
    throw new LoginFailure(explainExchangeFailure(error, redirectUri))
  }
}

export function explainExchangeFailure(error: unknown, redirectUri: string): string {
  const again = 'Nothing was stored; run the command again.'
  if (!(error instanceof BoxError)) return `Exchanging the authorization code failed: ${(error as Error)?.message ?? String(error)}. ${again}`
  if (error.kind === 'invalid_client') {
    return `${error.message} The client secret (or ID) is wrong: copy both from the Developer Console → your app → Configuration → OAuth 2.0 Credentials. ${again}`
  }
  if (error.details.oauthError === 'redirect_uri_mismatch') {
    return `${error.message} The token request's redirect URI ${redirectUri} is not one the Box app lists: add it under Configuration → OAuth 2.0 Redirect URIs. ${again}`
  }
  if (error.kind === 'invalid_grant') {
    const earlier = error.earlierAmbiguousAttempt
      ? ` An earlier attempt (${error.earlierAmbiguousAttempt}) probably reached Box and used the code; whatever it issued was never stored and simply goes unused.`
      : ''
    return `${error.message} An authorization code works once, and only for 30 seconds after access is granted.${earlier} ${again}`
  }
  return `${error.message} ${again}`
}

/** Seals and writes every target in parallel, as the action does; returns the exit status. */
async function store(github: GitHubClient, prepared: PreparedTarget[], seal: Sealer, refreshToken: string, options: LoginOptions, terminal: Terminal): Promise<number> {
  const results = await writeBack(github, seal, prepared, refreshToken, options.githubApiUrl, (target, outcome) =>
    terminal.info(`Token stored in ${target.scope} ${target.name} (${kindLabel(target)}, ${outcome}).`)
  )
  const failed = results.flatMap((r) => (r.outcome === 'failed' ? [r] : []))
  if (failed.length === 0) return EXIT.ok
  // Exactly what the action prints: the sealed payload only GitHub can open, and the command to PUT it.
  const recoveries = failed.flatMap((f) => (f.recovery ? [f.recovery] : []))
  terminal.warn([...failed.map((f) => f.message), ...(recoveries.length > 0 ? [recoveryInstructions(recoveries)] : [])].join('\n'))
  return EXIT.failed
}

function kindLabel(target: SecretTarget): string {
  return `${target.app === 'dependabot' ? 'Dependabot ' : ''}${target.kind} secret`
}

/** 2026-01-25 14:05 UTC */
export function formatUtc(date: Date): string {
  return date.toISOString().replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC')
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`
}
