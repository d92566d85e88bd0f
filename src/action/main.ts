/**
 * One rotation: check everything that can be checked, refresh at Box, write the new refresh token
 * back, hand out the access token.
 *
 * Ordered around one fact: once Box answers, the old refresh token is dead and the only copy of
 * the new one is in this process. So everything that can fail without Box is checked first (one
 * parallel round of reads), the refresh is the single request in the middle, and the moment its
 * answer is validated the new token is sealed for every target and logged (the write-ahead copy)
 * before any write is tried (handout.ts). From there on nothing can lose it: a failed write, a
 * cancellation or a bug leaves the sealed copy in the log and, where the process still can, in the
 * error too.
 */
import { currentRefreshTokenExpiry, warnAboutGitHubToken, type ChainOutlook } from './chain.js'
import { consumeHandoff } from './handoff-job.js'
import { holdsStaleToken, rotationWarning, staleTokenNote, type ChainContext } from './refresh-failure.js'
import { refreshTokenExpiry, refreshTokenPair } from '../box/refresh-grant.js'
import { dryRun, failAtBox, failBeforeBox } from './endings.js'
import { fileFailureIssue, type RunOutcome } from './failure-issue.js'
import { createGitHubClient } from '../github/client.js'
import { ACTION_TERMS } from '../github/messages.js'
import { storeAndHandOut } from './write-back.js'
import {
  credentialInputs,
  DEFAULT_REQUEST_TIMEOUT_MS,
  InputError,
  readConfig,
  readFailureIssueTarget,
  readHandoffConfig,
  takesHandoff,
  type Config,
  type FailureIssueTarget
} from './inputs.js'
import { redacting, type ActionIO } from './io.js'
import { checkBeforeBox } from './checks.js'
import { RecoveryLedger } from '../recovery.js'
import { Redactor } from '../redact.js'
import type { RunReport } from './report.js'
import {
  defaultRetryPolicy,
  retryNotice,
  RetryBudget,
  type RetryContext,
  type RetryEvent,
  type RetryPolicy,
  type Timing
} from '../retry.js'
import { loadSealer } from '../seal.js'
import { secretTargets } from '../github/targets.js'
import type { TokenPair } from '../box/answer.js'

export type { ActionIO } from './io.js'

export interface Collaborators {
  io: ActionIO
  env: NodeJS.ProcessEnv
  /** Used for Box. */
  fetch: typeof fetch
  timing: Timing
  /** Backoff shape; the time budget always comes from `retry-timeout-seconds`. */
  backoff?: RetryPolicy
  /** Tests only: a fetch for GitHub; a real run uses proxy.ts's, as for Box. */
  githubFetch?: typeof fetch
  /** Awaited once the inputs are valid, before the first request (the entry loads its transport). */
  beforeRequests?: (config: Config) => Promise<void>
  /** Aborted on the first SIGINT or SIGTERM: no request starts any more, and GitHub requests stop. */
  cancel?: AbortSignal
  /** Aborted when even a Box request in flight must be given up (its answer may hold the new token). */
  stop?: AbortSignal
  /** Aborted when the writes that Box's answer made necessary must be given up (they outlive `cancel`). */
  lastCall?: AbortSignal
  /** Keeps the sealed copies where the entry can still reach them if run() itself fails. */
  ledger?: RecoveryLedger
  /** Learns every credential of the run, so the entry's last words can be cleaned too. */
  redactor?: Redactor
}

export async function run(deps: Collaborators): Promise<RunReport> {
  const redactor = deps.redactor ?? new Redactor()
  // Every line, error and summary is scrubbed of the credentials this redactor learns.
  const io = redacting(deps.io, redactor)
  const mask = (value: string): void => {
    redactor.add(value) // first: it cannot fail, and it keeps the value out of everything printed
    io.setSecret(value)
  }
  // Masked before anything else can print, including validation messages.
  for (const name of credentialInputs) {
    const value = deps.io.getInput(name).trim()
    if (value !== '') mask(value)
  }

  let config: Config
  try {
    // A job with a hand-off only opens it: no Box, no GitHub, no rotation.
    if (takesHandoff((name) => deps.io.getInput(name))) {
      return await consumeHandoff(
        io,
        readHandoffConfig((name) => deps.io.getInput(name), deps.env),
        deps.timing.now(),
        mask
      )
    }
    config = readConfig((name) => deps.io.getInput(name), deps.env)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return failOnInputs(deps, io, error, redactor)
  }

  // Every error the rotation reports is kept for the failure issue, when there is one.
  const failures: string[] = []
  const report = await rotate(deps, collecting(io, failures), config, redactor, mask)
  if (config.failureIssue) {
    await tellFailureIssue(deps, io, config.failureIssue, redactor, {
      failures,
      outlook: report.outlook,
      closeOnSuccess: !config.dryRun,
      requestTimeoutMs: config.requestTimeoutMs
    })
  }
  return report
}

/**
 * A run whose inputs are not valid. A rotating job still tells its failure issue, when that can
 * be used: the likeliest failure of a keep-alive is a deleted secret, which arrives as an empty input.
 */
async function failOnInputs(
  deps: Collaborators,
  io: ActionIO,
  error: InputError,
  redactor: Redactor
): Promise<RunReport> {
  const failures: string[] = []
  const report = await failBeforeBox(collecting(io, failures), error.list, {})
  const getInput = (name: string): string => deps.io.getInput(name)
  const target = takesHandoff(getInput) ? undefined : readFailureIssueTarget(getInput, deps.env)
  if (target !== undefined) {
    await tellFailureIssue(deps, io, target, redactor, {
      failures,
      closeOnSuccess: false,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS
    })
  }
  return report
}

/** The io, with every error it reports also kept in `failures`. */
function collecting(io: ActionIO, failures: string[]): ActionIO {
  return { ...io, setFailed: (message) => (failures.push(message), io.setFailed(message)) }
}

/** The failure issue, last of all, unless the run was cancelled; what it quotes is cleaned once more. */
async function tellFailureIssue(
  deps: Collaborators,
  io: ActionIO,
  target: FailureIssueTarget,
  redactor: Redactor,
  outcome: RunOutcome
): Promise<void> {
  if (deps.cancel?.aborted) return
  const failures = outcome.failures.map((f) => redactor.scrub(f))
  await fileFailureIssue(io, target, { ...outcome, failures }, deps, redactor)
}

/** Rounds 1 to 3: the checks, the refresh, the write-back, and what the run hands out. */
async function rotate(
  deps: Collaborators,
  io: ActionIO,
  config: Config,
  redactor: Redactor,
  mask: (value: string) => void
): Promise<RunReport> {
  await deps.beforeRequests?.(config)
  // Started now so that loading libsodium overlaps the preflight requests.
  const sealer = loadSealer()
  sealer.catch(() => undefined)
  const budget = new RetryBudget(config.retryBudgetMs, deps.timing.now)
  const retry: RetryContext = {
    policy: deps.backoff ?? defaultRetryPolicy,
    budget,
    timing: deps.timing,
    cancel: deps.cancel
  }
  const logRetry =
    (service: string) =>
    (event: RetryEvent): void =>
      io.info(retryNotice(service, event))
  const github = createGitHubClient(config.githubToken, {
    baseUrl: config.githubApiUrl,
    retry,
    requestTimeoutMs: config.requestTimeoutMs,
    redactor,
    terms: ACTION_TERMS,
    fetch: deps.githubFetch,
    onRetry: logRetry('GitHub')
  })

  // Round 1: every check that does not involve Box.
  const targets = secretTargets(config)
  io.info(`Checking ${targets.map((t) => t.label).join(' and ')}…`)
  const checked = await checkBeforeBox(github, config, targets, sealer)
  const now = new Date(deps.timing.now())
  const outlook: ChainOutlook = { asOf: now, githubTokenExpiresAt: github.tokenExpiresAt() }
  const warnings: string[] = []
  if (!checked.ok) {
    await warnAboutGitHubToken(io, outlook, deps.env, warnings)
    return failBeforeBox(io, checked.problems.join('\n'), outlook)
  }
  const { write } = checked
  const prepared = write.targets
  for (const p of prepared)
    if (p.existing === undefined) io.info(`The ${p.target.label} does not exist yet; it will be created.`)
  const chain: ChainContext = {
    now,
    secretLabel: prepared[0].target.label,
    secretUpdatedAt: prepared[0].existing?.updatedAt,
    runQueuedAt: checked.runQueuedAt
  }
  outlook.secretLastRotatedAt = chain.secretUpdatedAt
  outlook.refreshTokenExpiresAt = currentRefreshTokenExpiry(chain.secretUpdatedAt)
  // A token that another run has already used can only earn invalid_grant, and presenting a used
  // refresh token is what OAuth servers treat as a replay: do not send it.
  if (holdsStaleToken(chain)) return failBeforeBox(io, `${staleTokenNote(chain)}\nThis run did not call Box.`, outlook)
  const ageWarning = rotationWarning(chain)
  if (ageWarning !== undefined) {
    warnings.push(ageWarning)
    io.warning(ageWarning)
  }
  if (config.dryRun) {
    await warnAboutGitHubToken(io, outlook, deps.env, warnings)
    return dryRun(io, prepared, warnings, outlook)
  }
  if (deps.cancel?.aborted) return failBeforeBox(io, 'The run was cancelled before Box was called.', outlook)

  // Round 2: the refresh. From its answer on, the new refresh token exists only in this process.
  io.info(`Refreshing the Box token pair at ${config.boxApiUrl}/oauth2/token…`)
  let pair: TokenPair
  try {
    pair = await refreshTokenPair(config, config.refreshToken, {
      fetch: deps.fetch,
      retry: { ...retry, onRetry: logRetry('Box') },
      stop: deps.stop,
      requestTimeoutMs: config.requestTimeoutMs,
      mask,
      redactor
    })
  } catch (error) {
    await warnAboutGitHubToken(io, outlook, deps.env, warnings)
    return failAtBox(io, error, chain, github, prepared[0], warnings, outlook)
  }

  // Round 3: the write-back, and what the run hands out.
  const refreshedAt = deps.timing.now()
  outlook.refreshTokenExpiresAt = refreshTokenExpiry(refreshedAt)
  // Told after the sealed copies are logged: a warning must never stand before them.
  const warnLater = (): Promise<void> => warnAboutGitHubToken(io, outlook, deps.env, warnings)
  const ledger = deps.ledger ?? new RecoveryLedger()
  return storeAndHandOut({
    io,
    config,
    write,
    pair,
    refreshedAt,
    budget,
    warnings,
    ledger,
    outlook,
    beforeReport: warnLater,
    lastCall: deps.lastCall
  })
}
