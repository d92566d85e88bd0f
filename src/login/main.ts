/**
 * login(): the first refresh token, or a new one after the chain broke, from a terminal.
 *
 * The same order as the action, for the same reason: everything that can fail without Box is
 * checked before anyone is sent to Box (options, the GitHub token, every secret target, its
 * public key), so a wrong GitHub token costs no consent. After Box's answer the new refresh token
 * exists only in this process: it is sealed for every target and the sealed copy is printed before
 * any write (as the action logs it), then written with the action's own secret writer; a write that
 * still fails, or a Ctrl-C, leaves the sealed recovery payload on the screen. The token itself is
 * never printed or written anywhere else. With --handoff-key-secret, a fresh hand-off key goes the
 * same way beside it (handoff-key.ts).
 */
import type { TokenPair } from '../box/answer.js'
import { REFRESH_TOKEN_LIFETIME_DAYS, refreshTokenExpiry } from '../box/refresh-grant.js'
import { createGitHubClient, type GitHubClient } from '../github/client.js'
import { LOGIN_TERMS } from '../github/messages.js'
import type { WriteOutcome } from '../github/secrets.js'
import { prepareWrite, storeSecret, writeBackFailure, type PreparedWrite } from '../github/secret-writer.js'
import { secretTargets, type SecretTarget } from '../github/targets.js'
import { RecoveryLedger, writeAheadInstructions } from '../recovery.js'
import type { Redactor } from '../redact.js'
import { retryContext, retryNotice, type RetryEvent, type RetryPolicy, type Timing } from '../retry.js'
import { loadSealer, type Sealer } from '../seal.js'
import { formatUtc } from '../time.js'
import { exchange, listen, receiveCode } from './authorize.js'
import { newState, type Page } from './callback.js'
import { clientCredentials, resolveGitHubToken, type GhAuthToken, type Prompt } from './credentials.js'
import { EXIT, LoginFailure, preflightFailure } from './explain.js'
import {
  HANDOFF_KEY_REMEDY,
  handoffKeyFailure,
  handoffKeyTargets,
  handoffKeyUsage,
  handoffKeyWriteAhead,
  newHandoffKey
} from './handoff-key.js'
import { helpText } from './help.js'
import { parseLoginArgs, UsageError, type LoginOptions } from './options.js'
import { Terminal } from './terminal.js'

export { EXIT, explainExchangeFailure } from './explain.js'

export type { Prompt } from './credentials.js'

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
  ghAuthToken: GhAuthToken
  /** For retries only; the wait for the browser is a person's wait and uses the real clock. */
  timing: Timing
  /** Backoff shape for GitHub requests; tests make it short. */
  backoff?: RetryPolicy
  /** How the person ran the command, for --help. */
  commandName?: string
  /** Aborted by Ctrl-C: the wait ends, no request starts any more, and GitHub requests stop. */
  cancel?: AbortSignal
  /** Aborted when even the exchange in flight must be given up. */
  stop?: AbortSignal
  /** Aborted when the writes that Box's answer made necessary must be given up (they outlive `cancel`). */
  lastCall?: AbortSignal
  /** Keeps the sealed copies where the entry can still print them. */
  ledger?: RecoveryLedger
  /** Learns every credential the command sees, so the entry's last words can be cleaned too. */
  redactor?: Redactor
}

const GITHUB_REQUEST_TIMEOUT_MS = 30_000

export async function login(deps: LoginDeps): Promise<number> {
  const terminal = new Terminal(deps.stdout, deps.stderr, deps.redactor)
  try {
    return await runLogin(deps, terminal)
  } catch (error) {
    if (!(error instanceof LoginFailure)) throw error
    terminal.warn(error.message)
    return error.exitCode
  }
}

async function runLogin(deps: LoginDeps, terminal: Terminal): Promise<number> {
  const options = readOptions(deps, terminal)
  if (options === undefined) return EXIT.ok // --help

  // Started now so that loading libsodium overlaps the questions and the preflight requests.
  const sealer = loadSealer()
  sealer.catch(() => undefined)

  const credentials = await clientCredentials(options, deps.prompt, terminal)
  const githubToken = await resolveGitHubToken(options, deps.ghAuthToken, terminal)
  const logRetry =
    (service: string) =>
    (event: RetryEvent): void =>
      terminal.warn(retryNotice(service, event))
  // One budget for the checks, renewed for the write-back: the wait for the browser lies between.
  const retry = retryContext(deps.timing, options.retryTimeoutMs, { policy: deps.backoff, cancel: deps.cancel })
  const github = createGitHubClient(githubToken.value, {
    baseUrl: options.githubApiUrl,
    retry,
    requestTimeoutMs: GITHUB_REQUEST_TIMEOUT_MS,
    redactor: terminal.redactor,
    terms: LOGIN_TERMS,
    fetch: deps.githubFetch,
    onRetry: logRetry('GitHub')
  })

  const checked = await checkTargets(github, options, sealer, githubToken.source, terminal)
  // Made before Box is asked, so that nothing new stands between Box's answer and its sealed copy.
  const handoffKey =
    options.handoffKeySecret === undefined ? undefined : { name: options.handoffKeySecret, value: newHandoffKey() }
  terminal.redact(handoffKey?.value)

  const state = newState()
  const server = await listen(options.port, state, terminal)
  let page: Page = {
    ok: false,
    title: 'Login failed',
    message: 'Nothing was stored. The terminal says why, and what to do.'
  }
  try {
    const code = await receiveCode(server, credentials.clientId, state, options, deps, terminal)
    terminal.redact(code)
    terminal.info(`Authorization code received; exchanging it at ${options.boxApiUrl}/oauth2/token…`)
    const pair = await exchange(credentials, code, server.redirectUri, deps, terminal, logRetry('Box'))
    retry.budget.renew() // the write-back gets a whole budget, however long the browser took
    const stored = await store(checked, pair, handoffKey, deps, terminal)
    page = stored.page
    return stored.exitCode
  } catch (error) {
    if (error instanceof LoginFailure && error.page) page = error.page
    throw error
  } finally {
    await server.close(page)
  }
}

/** The options, with every credential given so far redacted from all output; undefined after --help. */
function readOptions(deps: LoginDeps, terminal: Terminal): LoginOptions | undefined {
  try {
    const command = parseLoginArgs(deps.argv, deps.env)
    if (command.help) {
      terminal.info(helpText(deps.commandName))
      return undefined
    }
    terminal.redact(command.options.clientSecret)
    terminal.redact(command.options.githubToken?.value)
    return command.options
  } catch (error) {
    if (error instanceof UsageError) {
      for (const credential of error.credentials) terminal.redact(credential)
      throw new LoginFailure(error.message, EXIT.usage)
    }
    throw error
  }
}

/** Where the token goes, and where the hand-off key goes when one was asked for: each a write prepared. */
interface CheckedTargets {
  token: PreparedWrite
  handoffKey: PreparedWrite
}

/** The secret writer's step before Box, for the token's targets and the key's in one parallel round. */
async function checkTargets(
  github: GitHubClient,
  options: LoginOptions,
  sealer: Promise<Sealer>,
  tokenSource: string,
  terminal: Terminal
): Promise<CheckedTargets> {
  const tokenTargets = secretTargets(options.selection)
  const keyTargets =
    options.handoffKeySecret === undefined ? [] : handoffKeyTargets(options.selection, options.handoffKeySecret)
  const targets = [...tokenTargets, ...keyTargets]
  terminal.info(`Checking the ${targets.map((t) => t.label).join(' and ')} (GitHub token from ${tokenSource})…`)
  const prepared = await prepareWrite(github, targets, options.organizationVisibility, sealer)
  if (!('write' in prepared)) throw preflightFailure(prepared.problems, tokenSource)
  const { write } = prepared
  for (const p of write.targets) {
    terminal.info(
      p.existing === undefined
        ? `The ${p.target.label} does not exist yet; it will be created.`
        : `The ${p.target.label} ` +
            `exists${p.existing.updatedAt ? ` (last written ${formatUtc(p.existing.updatedAt)})` : ''}; it will be ` +
            `replaced.`
    )
  }
  return {
    token: { ...write, targets: write.targets.filter((p) => tokenTargets.includes(p.target)) },
    handoffKey: { ...write, targets: write.targets.filter((p) => keyTargets.includes(p.target)) }
  }
}

/** A fresh hand-off key and the secret it goes to (--handoff-key-secret). */
interface NewHandoffKey {
  name: string
  value: string
}

/**
 * Seals the new token for every target and prints the sealed copy before any write, then writes
 * every target in parallel, as the action does; returns the exit status and the browser's page.
 * A hand-off key, when asked for, is sealed and printed after the token's copy and written in the
 * same round, with a ledger of its own (its payloads are not the token's).
 */
async function store(
  checked: CheckedTargets,
  pair: TokenPair,
  handoffKey: NewHandoffKey | undefined,
  deps: LoginDeps,
  terminal: Terminal
): Promise<{ exitCode: number; page: Page }> {
  const issuedAt = deps.timing.now()
  terminal.info('Box issued a token pair.')
  const stored =
    (what: string) =>
    (target: SecretTarget, outcome: WriteOutcome): void =>
      terminal.info(`${what} stored in ${target.scope} ${target.name} (${target.kindLabel}, ${outcome}).`)
  // The token's sealed copy is printed first; the key's (a ledger of its own) after it; both written at once.
  const [results, keyResults] = await Promise.all([
    storeSecret(checked.token, pair.refreshToken, {
      ledger: deps.ledger ?? new RecoveryLedger(),
      logSealedCopies: (payloads) => terminal.info(writeAheadInstructions(payloads, 'login')),
      onWritten: stored('Token'),
      lastCall: deps.lastCall
    }),
    handoffKey === undefined
      ? []
      : storeSecret(checked.handoffKey, handoffKey.value, {
          ledger: new RecoveryLedger(),
          logSealedCopies: (payloads) => terminal.info(handoffKeyWriteAhead(payloads)),
          onWritten: stored('Hand-off key'),
          lastCall: deps.lastCall,
          value: { name: 'The new hand-off key', ifUnsealable: HANDOFF_KEY_REMEDY }
        })
  ])
  const failure = writeBackFailure(results)
  const keyFailure = handoffKeyFailure(keyResults)
  const exitCode = deps.cancel?.aborted ? EXIT.cancelled : EXIT.failed
  if (failure !== undefined) {
    // Exactly what the action prints: the sealed payload only GitHub can open, and the command to PUT it.
    terminal.warn(failure.message)
    if (keyFailure !== undefined) terminal.warn(keyFailure)
    return {
      exitCode,
      page: {
        ok: false,
        title: 'Not stored',
        message: 'Box issued a token, but writing the secret failed. The terminal shows how to finish by hand.'
      }
    }
  }
  terminal.info(
    `It expires on ${formatUtc(refreshTokenExpiry(issuedAt))}, ${REFRESH_TOKEN_LIFETIME_DAYS} days from now, ` +
      'unless it is used before: every run of the action replaces it with a fresh one, ' +
      'so run the action at least weekly.'
  )
  const storedIn = checked.token.targets.map((p) => p.target.label).join(' and ')
  if (keyFailure !== undefined) {
    terminal.warn(keyFailure)
    return {
      exitCode,
      page: {
        ok: false,
        title: 'Hand-off key not stored',
        message:
          `The Box refresh token is stored in the ${storedIn}, but writing the hand-off key failed. ` +
          'The terminal shows how to finish by hand.'
      }
    }
  }
  if (handoffKey !== undefined) {
    terminal.info(handoffKeyUsage(handoffKey.name, checked.handoffKey.targets.map((p) => p.target.label).join(' and ')))
  }
  return {
    exitCode: EXIT.ok,
    page: {
      ok: true,
      title: 'Done',
      message:
        `The Box refresh token is stored in the ${storedIn}` +
        `${handoffKey ? ', and the hand-off key beside it' : ''}. You can close this tab.`
    }
  }
}
