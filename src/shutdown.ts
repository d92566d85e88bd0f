/**
 * How a process of ours ends when it is told to, or when something no code path expected happens.
 *
 * The runner cancels a step (a cancelled run, `timeout-minutes`) with SIGINT, sends SIGTERM 7.5 s
 * later and kills 2.5 s after that; a terminal's Ctrl-C is the same SIGINT. On the first signal
 * the run is cancelled: no request starts any more and waits end, but a Box request already in
 * flight gets most of the grace period, since its answer may be the only copy of the new token, and
 * the writes that such an answer makes necessary are still tried until `lastCall`. Before the kill
 * could come, whatever is still running is cut short by `lastWords`, which reports the sealed copies
 * that are not yet stored and exits.
 *
 * The same last words serve an exception nothing caught and a process whose work never settled
 * (Node exits silently with code 13 when a top-level await is left pending with nothing scheduled);
 * there the writes still owed are tried first (`rescue`), for as long as the runner allows.
 *
 * The process's own output is the runner's pipe, not ours: an error on stdout or stderr (its reader
 * gone, EPIPE) is ignored, so that it can never cost the token either.
 */
import { bugReport } from './error-text.js'

/** Time from each signal to the runner's next, harder one. */
const GRACE_MS: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 7_500, SIGTERM: 2_500 }
/** The process is gone this long before the runner's next signal. */
const EXIT_MARGIN_MS = 800
/** Writes in flight are given up this long before the exit, so the run can report them itself. */
const REPORT_MS = 500
/** The most of the grace a Box request in flight may take; it always leaves the writes some time. */
const BOX_SHARE = 2 / 3
/** Without a signal (an unexpected error), how long the writes still owed may take before the last words. */
const RESCUE_MS = 15_000

export interface Termination {
  /** Aborted on the first signal, with the signal's name as reason. */
  cancel: AbortSignal
  /** Aborted when even a request whose answer may hold the new token must be given up. */
  stop: AbortSignal
  /** Aborted when the writes that Box's answer made necessary must be given up, before the last words. */
  lastCall: AbortSignal
  /** The work is done: nothing more is reported. Exits at once when the run was cancelled. */
  finished(exitCode?: number): void
}

export interface TerminationReport {
  /** Says that the signal arrived and what happens now. */
  announce(signal: NodeJS.Signals): void
  /**
   * After an unexpected error: tries the writes still owed, giving up when `deadline` aborts.
   * Must not throw.
   */
  rescue?(deadline: AbortSignal): Promise<void>
  /** The final report when the work cannot finish normally; it must not throw. Then the process exits. */
  lastWords(reason: string): void
}

/**
 * The part of `process` that termination handling uses: its signals and last events, its exit, its
 * output streams. The process itself, except in the tests that run this logic in Jest's process.
 */
export interface TerminationHost {
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown
  on(event: 'beforeExit', listener: () => void): unknown
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown
  exit(code: number | string): void
  exitCode?: number | string
  readonly stdout: { on(event: 'error', listener: () => void): unknown }
  readonly stderr: { on(event: 'error', listener: () => void): unknown }
}

/**
 * `cancelledExitCode`: the status after a signal (the login command uses 130, as shells do);
 * `rescueMs`: how long the writes still owed may take after an unexpected error when no signal came.
 */
export function handleTermination(
  report: TerminationReport,
  {
    cancelledExitCode = 1,
    rescueMs = RESCUE_MS,
    host = process
  }: { cancelledExitCode?: number; rescueMs?: number; host?: TerminationHost } = {}
): Termination {
  const ignore = (): void => undefined
  host.stdout.on('error', ignore)
  host.stderr.on('error', ignore)

  const cancel = new AbortController()
  const stop = new AbortController()
  const lastCall = new AbortController()
  let state: 'running' | 'rescuing' | 'over' = 'running'

  const end = (reason: string, exitCode = 1): void => {
    if (state === 'over') return
    state = 'over'
    try {
      report.lastWords(reason)
    } finally {
      host.exit(exitCode)
    }
  }

  /** An unexpected end: the writes still owed are tried first, within what the runner allows. */
  const giveUp = (reason: string): void => {
    if (state !== 'running') return
    state = 'rescuing'
    const deadline = cancel.signal.aborted ? lastCall.signal : within(rescueMs, lastCall.signal)
    void (report.rescue?.(deadline) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        state = 'running'
        end(reason)
      })
  }

  const onSignal = (signal: NodeJS.Signals): void => {
    if (state === 'over') return
    // A second signal means now: give up what is in flight (the runner's own SIGTERM comes after our exit).
    if (cancel.signal.aborted) {
      stop.abort(signal)
      lastCall.abort(signal)
      return
    }
    report.announce(signal)
    cancel.abort(signal)
    const grace = signal === 'SIGINT' ? GRACE_MS.SIGINT : GRACE_MS.SIGTERM
    const exitAt = grace - EXIT_MARGIN_MS
    const lastCallAt = exitAt - REPORT_MS
    setTimeout(() => stop.abort(signal), Math.min(grace * BOX_SHARE, lastCallAt - REPORT_MS)).unref()
    setTimeout(() => lastCall.abort(signal), lastCallAt).unref()
    setTimeout(() => {
      end(
        `The run did not finish within ${(exitAt / 1000).toFixed(1)} s of ${signal}, so it stopped before the ` +
          `runner would kill it.`,
        cancelledExitCode
      )
    }, exitAt).unref()
  }
  host.on('SIGINT', onSignal)
  host.on('SIGTERM', onSignal)
  host.on('beforeExit', () =>
    giveUp(
      'The run stopped with work still pending: a request never settled, so the process had nothing left to wait on.'
    )
  )
  host.on('uncaughtException', (error: unknown) => giveUp(`Unexpected error: ${bugReport(error)}`))
  host.on('unhandledRejection', (error: unknown) => giveUp(`Unexpected error: ${bugReport(error)}`))
  return {
    cancel: cancel.signal,
    stop: stop.signal,
    lastCall: lastCall.signal,
    finished: (code) => {
      state = 'over'
      if (code !== undefined) host.exitCode = code
      // Sockets and timers left behind by aborted requests must not keep a cancelled step alive.
      if (cancel.signal.aborted) host.exit(code ?? (host.exitCode || cancelledExitCode))
    }
  }
}

/**
 * `lastCall`, or `ms` from now if that comes first. The timer is referenced: it keeps the process
 * alive even when the writes it bounds are stuck with nothing else scheduled.
 */
function within(ms: number, lastCall: AbortSignal): AbortSignal {
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort('rescue time is over'), ms)
  const onLastCall = (): void => deadline.abort(lastCall.reason)
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: abort fires once; the deadline's listener removes it
  lastCall.addEventListener('abort', onLastCall, { once: true })
  deadline.signal.addEventListener('abort', () => {
    clearTimeout(timer)
    lastCall.removeEventListener('abort', onLastCall)
  })
  return deadline.signal
}
