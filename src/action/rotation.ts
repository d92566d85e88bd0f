/**
 * The OAuth rotation: check everything that can be checked, refresh at Box, write the new refresh
 * token back, hand out the access token; the report goes back to main.ts, which writes the summary.
 *
 * Ordered around one fact: once Box answers, the old refresh token is dead and the only copy of
 * the new one is in this process. So everything that can fail without Box is checked first (one
 * parallel round of reads), the refresh is the single request in the middle, and the moment its
 * answer is validated the secret writer seals the new token for every target and logs the sealed
 * copy before any write is tried. From there on nothing can lose it: a failed write, a cancellation
 * or a bug leaves the sealed copy in the log and, where the process still can, in the error too.
 */
import type { TokenPair } from '../box/answer.js'
import { refreshTokenExpiry, refreshTokenPair } from '../box/refresh-grant.js'
import { createGitHubClient } from '../github/client.js'
import { ACTION_TERMS } from '../github/messages.js'
import { storeSecret, writeBackFailure, type PreparedWrite, type TargetResult } from '../github/secret-writer.js'
import { secretTargets } from '../github/targets.js'
import { writeAheadInstructions } from '../recovery.js'
import { retryContext, retryNotice, type RetryEvent } from '../retry.js'
import { loadSealer } from '../seal.js'
import { holdsStaleToken, rotationWarning, staleTokenNote, type ChainFacts } from './chain.js'
import { checkBeforeBox } from './checks.js'
import { dryRun, failAtBox, failBeforeBox } from './endings.js'
import type { RotationConfig } from './inputs.js'
import { LateSteps } from './io.js'
import type { RunReport } from './report.js'
import type { ActionRun } from './run.js'
import { handOff, handOutAccessToken, type AccessToken } from './token-outputs.js'
import { describeDownscope, downscope } from './downscope.js'
import type { BoxClientDeps } from '../box/token-endpoint.js'

const WRITE_AHEAD_GROUP = 'Recovery payload (sealed copy of the new refresh token, logged before any write)'

/** Rounds 1 to 3: the checks, the refresh, the write-back, and what the run hands out. */
export async function rotate(run: ActionRun, config: RotationConfig): Promise<RunReport> {
  const { deps, io } = run
  if (config.revokeAsked) {
    io.notice(
      '`revoke: true` does nothing in OAuth 2.0 mode: revoking an OAuth token ends the refresh token with it, ' +
        'which would break the token chain, so this mode never revokes (docs/modes.md, "Revocation").'
    )
  }
  await deps.beforeRequests?.(config)
  // Started now so that loading libsodium overlaps the checks' requests.
  const sealer = loadSealer()
  sealer.catch(() => undefined)
  // One budget for the checks and the refresh; the write-back gets a whole one again.
  const retry = retryContext(deps.timing, config.retryBudgetMs, { policy: deps.backoff, cancel: deps.cancel })
  const logRetry =
    (service: string) =>
    (event: RetryEvent): void =>
      io.info(retryNotice(service, event))
  const github = createGitHubClient(config.githubToken, {
    baseUrl: config.githubApiUrl,
    retry,
    requestTimeoutMs: config.requestTimeoutMs,
    redactor: run.redactor,
    terms: ACTION_TERMS,
    fetch: deps.githubFetch,
    onRetry: logRetry('GitHub')
  })

  // Round 1: every check that does not involve Box.
  const targets = secretTargets(config)
  io.info(`Checking ${targets.map((t) => t.label).join(' and ')}…`)
  const checked = await checkBeforeBox(github, config, targets, sealer)
  const first = checked.ok ? checked.write.targets[0] : undefined
  const chain: ChainFacts = {
    asOf: new Date(deps.timing.now()),
    secretLabel: first?.target.label,
    secretLastRotatedAt: first?.existing?.updatedAt,
    runQueuedAt: checked.ok ? checked.runQueuedAt : undefined,
    githubTokenExpiresAt: github.tokenExpiresAt()
  }
  chain.refreshTokenExpiresAt = chain.secretLastRotatedAt && refreshTokenExpiry(chain.secretLastRotatedAt.getTime())
  if (!checked.ok) return failBeforeBox(io, checked.problems.join('\n'), chain)
  const { write } = checked
  for (const p of write.targets)
    if (p.existing === undefined) io.info(`The ${p.target.label} does not exist yet; it will be created.`)
  // A token that another run has already used can only earn invalid_grant, and presenting a used
  // refresh token is what OAuth servers treat as a replay: do not send it.
  if (holdsStaleToken(chain)) return failBeforeBox(io, `${staleTokenNote(chain)}\nThis run did not call Box.`, chain)
  const warnings: string[] = []
  const ageWarning = rotationWarning(chain)
  if (ageWarning !== undefined) {
    warnings.push(ageWarning)
    io.warning(ageWarning)
  }
  if (config.dryRun) return dryRun(io, write.targets, warnings, chain)
  if (deps.cancel?.aborted) return failBeforeBox(io, 'The run was cancelled before Box was called.', chain)

  // Round 2: the refresh. From its answer on, the new refresh token exists only in this process.
  io.info(`Refreshing the Box token pair at ${config.boxApiUrl}/oauth2/token…`)
  const box: BoxClientDeps = {
    fetch: deps.fetch,
    retry: { ...retry, onRetry: logRetry('Box') },
    stop: deps.stop,
    requestTimeoutMs: config.requestTimeoutMs,
    mask: run.mask,
    redactor: run.redactor
  }
  let pair: TokenPair
  try {
    pair = await refreshTokenPair(config, config.refreshToken, box)
  } catch (error) {
    return failAtBox(io, error, chain, github, write.targets[0]!, warnings)
  }

  // Round 3: the write-back, and what the run hands out.
  const refreshedAt = deps.timing.now()
  chain.refreshTokenExpiresAt = refreshTokenExpiry(refreshedAt)
  retry.budget.renew() // the write-back gets the whole budget, however long the first phase took
  const results = await writeBack(run, write, pair, warnings)
  return handOut(run, config, pair, refreshedAt, { dryRun: false, results, warnings, chain }, box)
}

/**
 * The secret writer's step after Box: the sealed copies logged in a group of their own before any
 * write, then the writes. Box's remarks on its answer (a lifetime out of range, no access token)
 * are told only after the sealed copies: nothing may stand before them.
 */
function writeBack(run: ActionRun, write: PreparedWrite, pair: TokenPair, warnings: string[]): Promise<TargetResult[]> {
  const { io } = run
  const writing = storeSecret(write, pair.refreshToken, {
    ledger: run.ledger,
    logSealedCopies: (payloads) => {
      io.startGroup(WRITE_AHEAD_GROUP)
      io.info(writeAheadInstructions(payloads, 'action'))
      io.endGroup()
    },
    onWritten: (target, outcome) => io.info(`${outcome === 'created' ? 'Created' : 'Updated'} the ${target.label}.`),
    lastCall: run.deps.lastCall
  })
  for (const problem of pair.problems) {
    warnings.push(problem)
    io.warning(problem)
  }
  return writing
}

/** Outputs and the Postman file; the recovery goes out first, and nothing later may hide it. */
async function handOut(
  run: ActionRun,
  config: RotationConfig,
  pair: TokenPair,
  refreshedAt: number,
  report: RunReport,
  box: BoxClientDeps
): Promise<RunReport> {
  const { io } = run
  const failure = writeBackFailure(report.results)
  const steps = new LateSteps()
  if (failure !== undefined) {
    await steps.attempt('Setting the `recovery` output', () =>
      io.setOutput('recovery', JSON.stringify(failure.recoveries))
    )
    io.setFailed(failure.message)
  }

  const refreshTokenExpiresAt = refreshTokenExpiry(refreshedAt)
  await steps.attempt('Setting the outputs', () =>
    io.setOutput('secret-updated', failure === undefined ? 'true' : 'false')
  )
  const accessToken = pair.accessToken
  if (accessToken === undefined) {
    await steps.attempt('Setting the outputs', () =>
      io.setOutput('refresh-token-expires-at', refreshTokenExpiresAt.toISOString())
    )
    const stored =
      failure === undefined
        ? 'The new refresh token was stored, so the token chain is intact: re-run the workflow to get an access token.'
        : ''
    steps.problems.push(`${pair.problems[0] ?? 'Box issued no access token.'} ${stored}`.trim())
  } else if (config.downscope !== undefined) {
    // After the write-back: a failed exchange never costs the chain, and the parent never leaves the step.
    const child = await downscope(io, config.boxApiUrl, accessToken, config.downscope, box)
    if (child.ok) {
      report.downscoped = describeDownscope(config.downscope)
      await handOutToken(run, config, { ...child.token, refreshTokenExpiresAt }, refreshedAt, steps, report)
    } else {
      await steps.attempt('Setting the outputs', () =>
        io.setOutput('refresh-token-expires-at', refreshTokenExpiresAt.toISOString())
      )
      report.warnings.push(child.message)
      steps.problems.push(child.message)
    }
  } else {
    await handOutToken(
      run,
      config,
      { accessToken, expiresIn: pair.expiresIn, refreshTokenExpiresAt },
      refreshedAt,
      steps,
      report
    )
  }
  if (steps.problems.length > 0) {
    const written = failure === undefined ? 'The refresh token was stored as reported above; ' : ''
    io.setFailed(`${written}${steps.problems.join('\n')}`)
  }
  return report
}

/** The access token (the parent, or its downscoped child) to the outputs, the Postman file and the hand-off. */
async function handOutToken(
  run: ActionRun,
  config: RotationConfig,
  issued: { accessToken: string; expiresIn: number; refreshTokenExpiresAt: Date },
  refreshedAt: number,
  steps: LateSteps,
  report: RunReport
): Promise<void> {
  const { io } = run
  const token: AccessToken = {
    accessToken: issued.accessToken,
    expiresAt: new Date(refreshedAt + issued.expiresIn * 1000),
    expiresIn: issued.expiresIn,
    refreshTokenExpiresAt: issued.refreshTokenExpiresAt
  }
  io.info(`Box issued a new access token; it expires at ${token.expiresAt.toISOString()}.`)
  report.accessTokenExpiresAt = token.expiresAt
  report.postmanEnvironment = await handOutAccessToken(io, config, token, steps)
  const unbound = await handOff(io, config, token, steps)
  if (unbound !== undefined) {
    report.warnings.push(unbound)
    io.warning(unbound)
  }
}
