/**
 * Round 3 and what the run hands out, once Box has answered: the write-ahead sealed copy in the
 * log, the write-back, then the outputs, the Postman file and the summary. Whatever happens here,
 * the sealed copies are in the log before the first write, and a failure of any later step is
 * reported after the recovery, never instead of it.
 */
import type { TokenPair } from '../box/answer.js'
import type { ChainOutlook } from './chain.js'
import { refreshTokenExpiry } from '../box/refresh-grant.js'
import type { Config } from './inputs.js'
import { handOutAccessToken, type AccessToken } from './token-outputs.js'
import { sealHandoff } from '../handoff.js'
import { LateSteps, writeSummary, type ActionIO } from './io.js'
import { writeAheadInstructions, type RecoveryLedger } from '../recovery.js'
import type { RunReport } from './report.js'
import type { RetryBudget } from '../retry.js'
import { storeSecret, writeBackFailure, type PreparedWrite, type TargetResult } from '../github/secret-writer.js'

const WRITE_AHEAD_GROUP = 'Recovery payload (sealed copy of the new refresh token, logged before any write)'

export interface Rotation {
  io: ActionIO
  config: Config
  /** The secret writer's step before Box, done: every target prepared, the sealer checked. */
  write: PreparedWrite
  pair: TokenPair
  /** When Box answered (epoch ms): the lifetimes count from here. */
  refreshedAt: number
  budget: RetryBudget
  warnings: string[]
  ledger: RecoveryLedger
  outlook: ChainOutlook
  /** Runs after the write-back and before the outputs and summary (warnings that need a moment). */
  beforeReport?: () => Promise<void>
  /** When writes still in flight after a cancellation are given up (shutdown.ts). */
  lastCall?: AbortSignal
}

export async function storeAndHandOut(rotation: Rotation): Promise<RunReport> {
  const { io, pair, ledger } = rotation
  rotation.budget.renew() // the write-back gets the whole budget, however long the first phase took
  try {
    // The secret writer's step after Box: the sealed copies logged in a group before any write.
    const writing = storeSecret(rotation.write, pair.refreshToken, {
      ledger,
      logSealedCopies: (payloads) => {
        io.startGroup(WRITE_AHEAD_GROUP)
        io.info(writeAheadInstructions(payloads, 'action'))
        io.endGroup()
      },
      onWritten: (target, outcome) => io.info(`${outcome === 'created' ? 'Created' : 'Updated'} the ${target.label}.`),
      lastCall: rotation.lastCall
    })
    // Box's remarks on its answer are told only after the sealed copies: nothing may stand before them.
    for (const problem of pair.problems) {
      rotation.warnings.push(problem)
      io.warning(problem)
    }
    const results = await writing
    await rotation.beforeReport?.()
    return await handOut(rotation, results)
  } catch (error) {
    // Only a bug reaches here. The writes still owed are tried once more, and the sealed copies of
    // what is still not stored say how to finish the rotation.
    const deadline = rotation.lastCall ?? AbortSignal.timeout(rotation.config.requestTimeoutMs)
    for (const target of await ledger.rescue(deadline)) io.info(`Stored the ${target} after all.`)
    const pending = ledger.instructions()
    io.setFailed(
      `Unexpected error after Box issued the new token: ${(error as Error)?.stack ?? String(error)}${pending ? `\n${pending}` : ''}`
    )
    return { dryRun: false, results: [], warnings: rotation.warnings }
  }
}

/**
 * The `handoff` output, when the job was given `handoff-key`: the access token sealed for later
 * jobs of this run. Without the key there is no hand-off (the envelope is printed in every
 * consuming job's log, so only a key of its own may seal it).
 */
async function handOff(rotation: Rotation, token: AccessToken, steps: LateSteps): Promise<void> {
  const { io } = rotation
  const { handoffKey, run } = rotation.config
  if (handoffKey === undefined) return
  if (run === undefined) {
    const warning =
      '`handoff-key` is set, but the runner gave no GITHUB_REPOSITORY and GITHUB_RUN_ID to bind a hand-off to, ' +
      'so there is no `handoff` output.'
    rotation.warnings.push(warning)
    io.warning(warning)
    return
  }
  const binding = { repository: `${run.repository.owner}/${run.repository.repo}`, runId: run.id }
  const sealable = {
    ...token,
    expiresAt: token.expiresAt.getTime(),
    refreshTokenExpiresAt: token.refreshTokenExpiresAt.getTime()
  }
  await steps.attempt('Setting the `handoff` output', () =>
    io.setOutput('handoff', sealHandoff(sealable, handoffKey, binding))
  )
}

/** Outputs, the Postman file and the summary; the recovery goes out first, and nothing later may hide it. */
async function handOut(rotation: Rotation, results: TargetResult[]): Promise<RunReport> {
  const { io, config, pair, warnings, refreshedAt } = rotation
  const failure = writeBackFailure(results)
  const steps = new LateSteps()
  if (failure !== undefined) {
    await steps.attempt('Setting the `recovery` output', () =>
      io.setOutput('recovery', JSON.stringify(failure.recoveries))
    )
    io.setFailed(failure.message)
  }

  const refreshTokenExpiresAt = refreshTokenExpiry(refreshedAt)
  const report: RunReport = { dryRun: false, results, warnings, outlook: rotation.outlook }
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
  } else {
    const token: AccessToken = {
      accessToken,
      expiresAt: new Date(refreshedAt + pair.expiresIn * 1000),
      expiresIn: pair.expiresIn,
      refreshTokenExpiresAt
    }
    io.info(`Box issued a new access token; it expires at ${token.expiresAt.toISOString()}.`)
    report.accessTokenExpiresAt = token.expiresAt
    report.postmanEnvironment = await handOutAccessToken(io, config, token, steps)
    await handOff(rotation, token, steps)
  }
  await writeSummary(io, report)
  if (steps.problems.length > 0) {
    const written = failure === undefined ? 'The refresh token was stored as reported above; ' : ''
    io.setFailed(`${written}${steps.problems.join('\n')}`)
  }
  return report
}
