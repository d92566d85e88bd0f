/**
 * After Box's answer, shared by the action and the login command: the new refresh token sealed for
 * every target at once (the write-ahead copy, logged before any write), then every target written
 * in parallel. A write that still fails after its retries keeps its sealed body as a recovery
 * payload, so the token is never only in memory.
 */
import type { GitHubClient } from './client.js'
import { recoveryInstructions, recoveryPayload, type RecoveryLedger, type RecoveryPayload } from '../recovery.js'
import type { TargetResult } from '../action/report.js'
import type { SealedSecret, Sealer } from '../seal.js'
import { writeSecret, type PreparedTarget, type WriteOutcome } from './secrets.js'
import type { SecretTarget } from './targets.js'

/** The new refresh token sealed for one target, or why it could not be. */
export type SealedCopy =
  | { prepared: PreparedTarget; sealed: SealedSecret; payload: RecoveryPayload }
  | { prepared: PreparedTarget; problem: string }

/**
 * Seals the token for every target and records each payload in the ledger. It cannot throw: it
 * runs between Box's answer and the line that logs the sealed copies, where an exception would
 * lose the token. Every key was checked before Box was called, so a failure here is not expected;
 * it is reported per target.
 */
export function sealForTargets(
  sealer: Sealer,
  prepared: PreparedTarget[],
  refreshToken: string,
  githubApiUrl: string,
  ledger: RecoveryLedger
): SealedCopy[] {
  return prepared.map((p): SealedCopy => {
    try {
      const sealed = sealer.seal(refreshToken, p.publicKey)
      const payload = recoveryPayload(p, sealed, githubApiUrl)
      ledger.record(payload)
      return { prepared: p, sealed, payload }
    } catch (error) {
      return {
        prepared: p,
        problem:
          `The new refresh token could not be sealed for the ${p.target.label} (${String((error as Error)?.message ?? error)}), so it cannot be stored: ` +
          `re-authorize (docs/setup.md: "Re-authorizing").`
      }
    }
  })
}

/**
 * Writes every sealed copy in parallel. Each write is owed: it is tried even when the run was
 * cancelled meanwhile, and given up only when `lastCall` aborts (github.ts `forWriteBack`). Each
 * confirmed write is marked stored in the ledger (so no last words repeat its payload) before
 * `onWritten` hears of it, and the ledger learns how to send what is still pending, should the run
 * end unexpectedly before its own writes settle.
 */
export function writeBack(
  client: GitHubClient,
  copies: SealedCopy[],
  ledger: RecoveryLedger,
  onWritten: (target: SecretTarget, outcome: WriteOutcome) => void,
  lastCall?: AbortSignal
): Promise<TargetResult[]> {
  const github = client.forWriteBack(lastCall)
  ledger.attachWriter((payload, deadline) =>
    client.forWriteBack(deadline).request('PUT', payload.path, payload.body, { once: true })
  )
  return Promise.all(
    copies.map(async (copy): Promise<TargetResult> => {
      const { target } = copy.prepared
      if ('problem' in copy) return { target, outcome: 'failed', message: copy.problem }
      let outcome: WriteOutcome
      try {
        outcome = await writeSecret(github, copy.prepared, copy.sealed)
      } catch (error) {
        return { target, outcome: 'failed', message: (error as Error).message, recovery: copy.payload }
      }
      ledger.markStored(target.label)
      onWritten(target, outcome)
      return { target, outcome }
    })
  )
}

/**
 * What a person must be told when writes failed: each failure, then the commands that finish the
 * rotation by hand. Undefined when every write landed.
 */
export function writeBackFailure(
  results: TargetResult[]
): { recoveries: RecoveryPayload[]; message: string } | undefined {
  const failed = results.flatMap((r) => (r.outcome === 'failed' ? [r] : []))
  if (failed.length === 0) return undefined
  const recoveries = failed.flatMap((f) => (f.recovery ? [f.recovery] : []))
  return {
    recoveries,
    message: [
      ...failed.map((f) => f.message),
      ...(recoveries.length > 0 ? [recoveryInstructions(recoveries)] : [])
    ].join('\n')
  }
}
