/**
 * One run of the action, as every job of it sees it: the collaborators it was given, its voice
 * (scrubbed of every credential the run learns, and keeping every error it reports for the failure
 * issue), the mask that teaches a credential to both the redactor and the runner, and the ledger of
 * sealed copies not yet stored.
 */
import { RecoveryLedger } from '../recovery.js'
import { Redactor } from '../redact.js'
import type { RetryPolicy, Timing } from '../retry.js'
import type { FailureIssueTarget } from './inputs.js'
import { redacting, type ActionIO } from './io.js'

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
  beforeRequests?: (urls: { boxApiUrl: string; githubApiUrl?: string }) => Promise<void>
  /** Aborted on the first SIGINT or SIGTERM: no request starts any more, and GitHub requests stop. */
  cancel?: AbortSignal
  /** Aborted when even a Box request in flight must be given up (its answer may hold the new token). */
  stop?: AbortSignal
  /** Aborted when the writes that Box's answer made necessary must be given up (they outlive `cancel`). */
  lastCall?: AbortSignal
  /** Keeps the sealed copies where the entry can still reach them if the run itself fails. */
  ledger?: RecoveryLedger
  /** Learns every credential of the run, so the entry's last words can be cleaned too. */
  redactor?: Redactor
}

export interface ActionRun {
  deps: Collaborators
  /** Every line, error and summary scrubbed of the credentials the redactor learns; errors kept in `failures`. */
  io: ActionIO
  redactor: Redactor
  /** Teaches a credential to the redactor (first: it cannot fail) and masks it for the runner. */
  mask: (value: string) => void
  ledger: RecoveryLedger
  /** Every error the run reported, for the failure issue. */
  failures: string[]
  /** Where the failure issue is, when `failure-issue` is on and can be used; set once the inputs are read. */
  failureIssue?: FailureIssueTarget
  /** Whether a success may close the failure issue: not a dry run, which never calls Box. */
  successClosesIssue: boolean
}

export function startRun(deps: Collaborators): ActionRun {
  const redactor = deps.redactor ?? new Redactor()
  const scrubbed = redacting(deps.io, redactor)
  const failures: string[] = []
  const io: ActionIO = { ...scrubbed, setFailed: (message) => (failures.push(message), scrubbed.setFailed(message)) }
  return {
    deps,
    io,
    redactor,
    mask: (value) => {
      redactor.add(value)
      io.setSecret(value)
    },
    ledger: deps.ledger ?? new RecoveryLedger(),
    failures,
    successClosesIssue: false
  }
}
