/**
 * The one secret writer, for the action and the login command, in two steps around Box:
 *
 * - before Box, `prepareWrite`: every target prepared (public key, metadata, access) and libsodium
 *   able to seal with each key, in one parallel round, so that a write that could not work is
 *   known before a single-use token is spent;
 * - after Box, `storeSecret`: the value sealed for every target at once, the sealed copy logged
 *   (the write-ahead copy), every target written in parallel, and each confirmed write marked in
 *   the ledger. Nothing between the value's arrival and that log line can throw, and a write that
 *   still fails after its retries keeps its sealed body as a recovery payload: the value is never
 *   only in memory.
 */
import type { GitHubClient } from './client.js'
import { recoveryInstructions, recoveryPayload, type RecoveryLedger, type RecoveryPayload } from '../recovery.js'
import { errorMessage } from '../error-text.js'
import type { SealedSecret, Sealer } from '../seal.js'
import { prepareTarget, writeSecret, type PreparedTarget, type WriteOutcome } from './secrets.js'
import type { OrganizationVisibility, SecretTarget } from './targets.js'

/** What became of one target. */
export type TargetResult =
  | { target: SecretTarget; outcome: WriteOutcome }
  | { target: SecretTarget; outcome: 'failed'; message: string; recovery?: RecoveryPayload }
  | { target: SecretTarget; outcome: 'checked' }

/** Every target checked, and the sealer checked against each key: all a write needs once Box answers. */
export interface PreparedWrite {
  github: GitHubClient
  targets: PreparedTarget[]
  sealer: Sealer
}

/**
 * Before Box: the targets prepared and libsodium able to seal with each key, in one parallel round.
 * `problems` lists every failure, each saying what to fix.
 */
export async function prepareWrite(
  github: GitHubClient,
  targets: SecretTarget[],
  newVisibility: OrganizationVisibility,
  sealer: Promise<Sealer>
): Promise<{ write: PreparedWrite; problems: [] } | { problems: string[] }> {
  const [results, loaded] = await Promise.all([
    Promise.allSettled(targets.map((t) => prepareTarget(github, t, newVisibility))),
    sealer.catch(
      (error: Error) => new Error(`libsodium, which seals the secret, could not be loaded: ${error.message}`)
    )
  ])
  const problems: string[] = []
  const prepared: PreparedTarget[] = []
  for (const result of results) {
    if (result.status === 'fulfilled') prepared.push(result.value)
    else problems.push(errorMessage(result.reason))
  }
  if (loaded instanceof Error) return { problems: [...problems, loaded.message] }
  for (const p of prepared) {
    try {
      loaded.check(p.publicKey)
    } catch (error) {
      problems.push(
        `GitHub's public key for the ${p.target.label} cannot seal a value: ` +
          `${errorMessage(error)}. Try again; if it persists, GitHub is serving a bad key.`
      )
    }
  }
  return problems.length > 0 ? { problems } : { write: { github, targets: prepared, sealer: loaded }, problems: [] }
}

export interface StoreOptions {
  /** Keeps the payloads until each write is confirmed; whatever ends the run can still print them. */
  ledger: RecoveryLedger
  /** Prints the sealed copies, before any write is tried (the caller words them). */
  logSealedCopies: (payloads: RecoveryPayload[]) => void
  /** Hears of each confirmed write, after the ledger. */
  onWritten: (target: SecretTarget, outcome: WriteOutcome) => void
  /** When writes still in flight after a cancellation are given up (shutdown.ts). */
  lastCall?: AbortSignal
  /** What the value is, and what to do if it cannot be sealed; by default, the new refresh token. */
  value?: { name: string; ifUnsealable: string }
}

const REFRESH_TOKEN = {
  name: 'The new refresh token',
  ifUnsealable: 're-authorize (docs/setup.md: "Re-authorizing")'
}

/**
 * After Box: seal `value` for every target, log the sealed copies, write every target in parallel,
 * mark each confirmed write in the ledger. Each write is owed: it is tried even when the run was
 * cancelled meanwhile, and given up only when `lastCall` aborts (GitHubClient `forWriteBack`). The
 * ledger also learns how to send what is still pending, should the run end before its writes settle.
 */
export async function storeSecret(write: PreparedWrite, value: string, options: StoreOptions): Promise<TargetResult[]> {
  const { github } = write
  const { ledger } = options
  const copies = sealForTargets(write, value, options, ledger)
  const sealed = ledger.pending()
  if (sealed.length > 0) options.logSealedCopies(sealed)
  const writer = github.forWriteBack(options.lastCall)
  ledger.attachWriter((payload, deadline) =>
    github.forWriteBack(deadline).request('PUT', payload.path, payload.body, { once: true })
  )
  return Promise.all(
    copies.map(async (copy): Promise<TargetResult> => {
      const { target } = copy.prepared
      if ('problem' in copy) return { target, outcome: 'failed', message: copy.problem }
      let outcome: WriteOutcome
      try {
        outcome = await writeSecret(writer, copy.prepared, copy.sealed)
      } catch (error) {
        return { target, outcome: 'failed', message: errorMessage(error), recovery: copy.payload }
      }
      ledger.markStored(target.label)
      options.onWritten(target, outcome)
      return { target, outcome }
    })
  )
}

/** The value sealed for one target, or why it could not be. */
type SealedCopy =
  | { prepared: PreparedTarget; sealed: SealedSecret; payload: RecoveryPayload }
  | { prepared: PreparedTarget; problem: string }

/**
 * Seals the value for every target and records each payload in the ledger. It cannot throw: it
 * runs between Box's answer and the line that logs the sealed copies, where an exception would
 * lose the value. Every key was checked before Box was called, so a failure here is not expected;
 * it is reported per target.
 */
function sealForTargets(
  write: PreparedWrite,
  value: string,
  options: StoreOptions,
  ledger: RecoveryLedger
): SealedCopy[] {
  const { name, ifUnsealable } = options.value ?? REFRESH_TOKEN
  return write.targets.map((p): SealedCopy => {
    try {
      const sealed = write.sealer.seal(value, p.publicKey)
      const payload = recoveryPayload(p, sealed, write.github.baseUrl)
      ledger.record(payload)
      return { prepared: p, sealed, payload }
    } catch (error) {
      return {
        prepared: p,
        problem:
          `${name} could not be sealed for the ${p.target.label} (${errorMessage(error)}), so it cannot be ` +
          `stored: ${ifUnsealable}.`
      }
    }
  })
}

/**
 * What a person must be told when writes failed: each failure, then the commands that finish the
 * write by hand. Undefined when every write landed.
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
