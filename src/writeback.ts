/**
 * Round 3, shared by the action and the login command: the new refresh token sealed for each
 * target and written, all in parallel. A write that still fails after its retries keeps the
 * sealed body it tried to send as a recovery payload, so the token is never only in memory.
 */
import type { GitHubClient } from './github.js'
import { recoveryPayload, type TargetResult } from './report.js'
import type { SealedSecret, Sealer } from './seal.js'
import { writeSecret, type PreparedTarget, type SecretTarget, type WriteOutcome } from './secrets.js'

export function writeBack(
  github: GitHubClient,
  sealer: Sealer,
  prepared: PreparedTarget[],
  refreshToken: string,
  githubApiUrl: string,
  onWritten: (target: SecretTarget, outcome: WriteOutcome) => void
): Promise<TargetResult[]> {
  return Promise.all(
    prepared.map(async (p): Promise<TargetResult> => {
      let sealed: SealedSecret
      try {
        sealed = sealer.seal(refreshToken, p.publicKey)
      } catch (error) {
        // The key was checked before the refresh, so this is not expected; say what it means.
        return {
          target: p.target,
          outcome: 'failed',
          message: `The new refresh token could not be sealed for the ${p.target.label} (${(error as Error).message}), so it cannot be stored: re-authorize (README: "Re-authorizing").`
        }
      }
      let outcome: WriteOutcome
      try {
        outcome = await writeSecret(github, p, sealed)
      } catch (error) {
        return { target: p.target, outcome: 'failed', message: (error as Error).message, recovery: recoveryPayload(p, sealed, githubApiUrl) }
      }
      onWritten(p.target, outcome)
      return { target: p.target, outcome }
    })
  )
}
