/**
 * One rotation: check everything that can be checked, refresh at Box, write the new refresh token
 * back, hand out the access token.
 *
 * Ordered around one fact: once Box answers, the old refresh token is dead and the only copy of
 * the new one is in this process. So everything that can fail without Box is checked first (one
 * parallel round of reads), the refresh is the single request in the middle, and the moment its
 * answer is validated the new token is sealed for every target and logged (the write-ahead copy)
 * before any write is tried. From there on nothing can lose it: a failed write, a cancellation or
 * a bug leaves the sealed copy in the log and, where the process still can, in the error too.
 */
import { refreshTokenPair, type TokenPair } from './box.js'
import { explainRefreshFailure, holdsStaleToken, rotationWarning, staleTokenNote, REFRESH_TOKEN_LIFETIME_DAYS, type ChainContext } from './diagnostics.js'
import { createGitHubClient, type GitHubClient } from './github.js'
import { credentialInputs, InputError, NOTHING_USED, readConfig, type Config } from './inputs.js'
import { postmanEnvironment, writePostmanEnvironment } from './postman.js'
import { preflight } from './preflight.js'
import { RecoveryLedger, recoveryInstructions, writeAheadInstructions } from './recovery.js'
import { Redactor } from './redact.js'
import { summaryMarkdown, type RunReport, type TargetResult } from './report.js'
import { defaultRetryPolicy, retryNotice, RetryBudget, type RetryContext, type RetryEvent, type RetryPolicy, type Timing } from './retry.js'
import { loadSealer } from './seal.js'
import { lastWritten, secretTargets, type PreparedTarget } from './secrets.js'
import { sealForTargets, writeBack } from './writeback.js'

/** The slice of @actions/core the action uses; tests pass a recorder. */
export interface ActionIO {
  getInput(name: string): string
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  exportVariable(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  setFailed(message: string): void
  startGroup(name: string): void
  endGroup(): void
  appendSummary(markdown: string): Promise<void>
}

export interface Collaborators {
  io: ActionIO
  env: NodeJS.ProcessEnv
  /** Used for Box. */
  fetch: typeof fetch
  timing: Timing
  /** Backoff shape; the time budget always comes from `retry-timeout-seconds`. */
  backoff?: RetryPolicy
  /** Tests only: a fetch for GitHub; a real run keeps the toolkit's proxy-aware one. */
  githubFetch?: typeof fetch
  /** Aborted on the first SIGINT or SIGTERM: no request starts any more, and GitHub requests stop. */
  cancel?: AbortSignal
  /** Aborted when even a Box request in flight must be given up (its answer may hold the new token). */
  stop?: AbortSignal
  /** Keeps the sealed copies where the entry can still reach them if run() itself fails. */
  ledger?: RecoveryLedger
  /** Learns every credential of the run, so the entry's last words can be cleaned too. */
  redactor?: Redactor
}

const DAY_MS = 86_400_000
const WRITE_AHEAD_GROUP = 'Recovery payload (sealed copy of the new refresh token, logged before any write)'

export async function run(deps: Collaborators): Promise<RunReport> {
  const redactor = deps.redactor ?? new Redactor()
  // Every line, error and summary is scrubbed of the credentials this redactor learns.
  const io = redacting(deps.io, redactor)
  // Masked before anything else can print, including validation messages.
  for (const name of credentialInputs) {
    const value = deps.io.getInput(name).trim()
    if (value === '') continue
    io.setSecret(value)
    redactor.add(value)
  }

  let config: Config
  try {
    config = readConfig((name) => deps.io.getInput(name), deps.env)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return failBeforeBox(io, error.list)
  }

  // Started now so that loading libsodium overlaps the preflight requests.
  const sealer = loadSealer()
  sealer.catch(() => undefined)

  const retry: RetryContext = {
    policy: deps.backoff ?? defaultRetryPolicy,
    budget: new RetryBudget(config.retryBudgetMs, deps.timing.now),
    timing: deps.timing,
    cancel: deps.cancel
  }
  const logRetry = (service: string) => (event: RetryEvent): void => io.info(retryNotice(service, event))
  const github = createGitHubClient(config.githubToken, {
    baseUrl: config.githubApiUrl,
    retry,
    requestTimeoutMs: config.requestTimeoutMs,
    redactor,
    fetch: deps.githubFetch,
    onRetry: logRetry('GitHub')
  })
  const targets = secretTargets(config)

  // Round 1: every check that does not involve Box.
  io.info(`Checking ${targets.map((t) => t.label).join(' and ')}…`)
  const checked = await preflight(github, config, targets, sealer)
  if (!checked.ok) return failBeforeBox(io, checked.problems.join('\n'))
  const { prepared } = checked

  const chain: ChainContext = {
    now: new Date(deps.timing.now()),
    secretLabel: prepared[0].target.label,
    secretUpdatedAt: prepared[0].existing?.updatedAt,
    runQueuedAt: checked.runQueuedAt
  }
  for (const p of prepared) if (p.existing === undefined) io.info(`The ${p.target.label} does not exist yet; it will be created.`)
  // A token that another run has already used can only earn invalid_grant, and presenting a used
  // refresh token is what OAuth servers treat as a replay: do not send it.
  if (holdsStaleToken(chain)) return failBeforeBox(io, `${staleTokenNote(chain)}\nThis run did not call Box.`)
  const warnings: string[] = []
  const ageWarning = rotationWarning(chain)
  if (ageWarning) {
    warnings.push(ageWarning)
    io.warning(ageWarning)
  }

  if (config.dryRun) return dryRun(io, prepared, warnings)
  if (deps.cancel?.aborted) return failBeforeBox(io, 'The run was cancelled before Box was called.')

  // Round 2: the refresh. From its answer on, the new refresh token exists only in this process.
  io.info(`Refreshing the Box token pair at ${config.boxApiUrl}/oauth2/token…`)
  let pair: TokenPair
  try {
    pair = await refreshTokenPair(config, config.refreshToken, {
      fetch: deps.fetch,
      retry: { ...retry, onRetry: logRetry('Box') },
      stop: deps.stop,
      requestTimeoutMs: config.requestTimeoutMs,
      mask: (value) => {
        io.setSecret(value)
        redactor.add(value)
      },
      redactor
    })
  } catch (error) {
    return failAtBox(io, error, chain, github, prepared[0], warnings)
  }
  return afterRefresh({ io, config, github, prepared, sealer: checked.sealer, pair, retry, warnings, ledger: deps.ledger ?? new RecoveryLedger() })
}

interface AfterRefresh {
  io: ActionIO
  config: Config
  github: GitHubClient
  prepared: PreparedTarget[]
  sealer: Awaited<ReturnType<typeof loadSealer>>
  pair: TokenPair
  retry: RetryContext
  warnings: string[]
  ledger: RecoveryLedger
}

/** Round 3 and the outputs. Whatever happens here, the sealed copies are already in the log. */
async function afterRefresh(state: AfterRefresh): Promise<RunReport> {
  const { io, github, prepared, sealer, pair, retry, ledger } = state
  // The write-ahead copy: sealed and logged before anything else is done with the answer.
  const copies = sealForTargets(sealer, prepared, pair.refreshToken, github.ghHostname)
  const payloads = copies.flatMap((c) => ('payload' in c ? [c.payload] : []))
  for (const payload of payloads) ledger.record(payload)
  if (payloads.length > 0) {
    io.startGroup(WRITE_AHEAD_GROUP)
    io.info(writeAheadInstructions(payloads))
    io.endGroup()
  }
  retry.budget.renew() // the write-back gets the whole budget, however long the first phase took

  try {
    for (const problem of pair.problems) {
      state.warnings.push(problem)
      io.warning(problem)
    }
    const results = await writeBack(github, copies, (target, outcome) => {
      ledger.markStored(target.label)
      io.info(`${outcome === 'created' ? 'Created' : 'Updated'} the ${target.label}.`)
    })
    return await report(state, results)
  } catch (error) {
    // Only a bug reaches here; the sealed copies still say how to finish the rotation.
    const pending = ledger.instructions()
    io.setFailed(`Unexpected error after Box issued the new token: ${(error as Error)?.stack ?? String(error)}${pending ? `\n${pending}` : ''}`)
    return { dryRun: false, results: [], warnings: state.warnings }
  }
}

/** Outputs, the Postman file and the summary; the recovery goes out first, and nothing later may hide it. */
async function report(state: AfterRefresh, results: TargetResult[]): Promise<RunReport> {
  const { io, config, pair, warnings } = state
  const failed = results.flatMap((r) => (r.outcome === 'failed' ? [r] : []))
  const recoveries = failed.flatMap((f) => (f.recovery ? [f.recovery] : []))
  const lateProblems: string[] = []
  const attempt = async (what: string, step: () => void | Promise<void>): Promise<void> => {
    try {
      await step()
    } catch (error) {
      lateProblems.push(`${what} failed: ${(error as Error).message}`)
    }
  }
  if (failed.length > 0) {
    await attempt('Setting the `recovery` output', () => io.setOutput('recovery', JSON.stringify(recoveries)))
    io.setFailed([...failed.map((f) => f.message), ...(recoveries.length > 0 ? [recoveryInstructions(recoveries)] : [])].join('\n'))
  }

  const refreshedAt = state.retry.timing.now()
  const accessTokenExpiresAt = new Date(refreshedAt + pair.expiresIn * 1000)
  const refreshTokenExpiresAt = new Date(refreshedAt + REFRESH_TOKEN_LIFETIME_DAYS * DAY_MS)
  const runReport: RunReport = { dryRun: false, results, refreshTokenExpiresAt, warnings }
  await attempt('Setting the outputs', () => {
    io.setOutput('refresh-token-expires-at', refreshTokenExpiresAt.toISOString())
    io.setOutput('secret-updated', failed.length === 0 ? 'true' : 'false')
  })
  const accessToken = pair.accessToken
  if (accessToken === undefined) {
    const stored = failed.length === 0 ? 'The new refresh token was stored, so the token chain is intact: re-run the workflow to get an access token.' : ''
    lateProblems.push(`${pair.problems[0] ?? 'Box issued no access token.'} ${stored}`.trim())
  } else {
    io.info(`Box issued a new access token; it expires at ${accessTokenExpiresAt.toISOString()}.`)
    runReport.accessTokenExpiresAt = accessTokenExpiresAt
    await attempt('Setting the outputs', () => {
      io.setOutput('access-token', accessToken)
      io.setOutput('expires-in', String(pair.expiresIn))
      io.setOutput('expires-at', accessTokenExpiresAt.toISOString())
      if (config.exportEnv) io.exportVariable('BOX_ACCESS_TOKEN', accessToken)
    })
    const postmanPath = config.postmanEnvironment
    if (postmanPath !== undefined) {
      await attempt(`Writing the Postman environment file ${postmanPath}`, async () => {
        await writePostmanEnvironment(postmanPath, postmanEnvironment(accessToken, accessTokenExpiresAt))
        io.setOutput('postman-environment', postmanPath)
        runReport.postmanEnvironment = postmanPath
      })
    }
  }
  await writeSummary(io, runReport)
  if (lateProblems.length > 0) {
    const written = failed.length === 0 ? 'The refresh token was stored as reported above; ' : ''
    io.setFailed(`${written}${lateProblems.join('\n')}`)
  }
  return runReport
}

async function dryRun(io: ActionIO, prepared: PreparedTarget[], warnings: string[]): Promise<RunReport> {
  for (const p of prepared) {
    io.info(`Dry run: would write the ${p.target.label} (public key ${p.publicKey.keyId}${p.settings.visibility ? `, visibility ${String(p.settings.visibility)}` : ''}).`)
  }
  io.setOutput('secret-updated', 'false')
  const report: RunReport = { dryRun: true, results: prepared.map((p) => ({ target: p.target, outcome: 'checked' })), warnings }
  await writeSummary(io, report)
  return report
}

async function failBeforeBox(io: ActionIO, message: string): Promise<RunReport> {
  io.setFailed(`${message}\n${NOTHING_USED}`)
  const report: RunReport = { dryRun: false, results: [], warnings: [], failure: { stage: 'preflight', message } }
  await writeSummary(io, report)
  return report
}

/**
 * Box refused or never answered. After invalid_grant, the secret is read once more: if another
 * run wrote it since this run's check, that run won a race and the chain is intact.
 */
async function failAtBox(io: ActionIO, error: unknown, chain: ChainContext, github: GitHubClient, first: PreparedTarget, warnings: string[]): Promise<RunReport> {
  if ((error as { kind?: unknown })?.kind === 'invalid_grant') {
    const written = await lastWritten(github, first.target)
    const before = chain.secretUpdatedAt?.getTime() ?? -Infinity
    if (written !== undefined && written.getTime() > before) chain.rotatedMeanwhileAt = written
  }
  const message = explainRefreshFailure(error, chain)
  io.setFailed(message)
  const report: RunReport = { dryRun: false, results: [], warnings, failure: { stage: 'box', message } }
  await writeSummary(io, report)
  return report
}

/** The summary is a courtesy: a summary file that cannot be written must not change the outcome. */
async function writeSummary(io: ActionIO, report: RunReport): Promise<void> {
  await io.appendSummary(summaryMarkdown(report)).catch((error: Error) => io.warning(`The job summary could not be written: ${error.message}`))
}

/**
 * The io, with every known credential scrubbed from what it prints, writes to the summary and
 * sets as an output: the last net under the cleaning done where server text comes in. The access
 * token itself goes out only where it must, as `access-token` and `BOX_ACCESS_TOKEN`.
 */
function redacting(io: ActionIO, redactor: Redactor): ActionIO {
  const clean = (text: string): string => redactor.scrub(text)
  return {
    ...io,
    info: (message) => io.info(clean(message)),
    warning: (message) => io.warning(clean(message)),
    setFailed: (message) => io.setFailed(clean(message)),
    startGroup: (name) => io.startGroup(clean(name)),
    appendSummary: (markdown) => io.appendSummary(clean(markdown)),
    setOutput: (name, value) => io.setOutput(name, name === 'access-token' ? value : clean(value)),
    exportVariable: (name, value) => io.exportVariable(name, name === 'BOX_ACCESS_TOKEN' ? value : clean(value))
  }
}
