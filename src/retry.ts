/**
 * One backoff policy for every call the action makes (Box and GitHub): exponential with full
 * jitter, honouring a server's "retry after" hint, within one time budget per phase of the run,
 * and stopped at once by cancellation.
 *
 * Hand-written rather than a library because the call sites need four things together that the
 * well-kept libraries (p-retry, @octokit/plugin-retry, @octokit/plugin-throttling) do not offer
 * at once: an injectable sleep and clock (so tests never wait), one budget shared by Box and
 * GitHub requests with their different rate-limit signals, a per-failure verdict that can wait
 * exactly as long as the server asked, and an abort that ends a wait without starting another try.
 */

export type Sleep = (ms: number) => Promise<void>

export interface Timing {
  /** Milliseconds since the epoch; injected so tests control time. */
  now: () => number
  sleep: Sleep
  /** A number in [0, 1); injected so tests get exact delays. */
  random: () => number
}

export interface RetryPolicy {
  /** Ceiling of the first backoff; it doubles on each retry up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 20_000 }

/**
 * The time one phase of a run may spend retrying, shared by every request of that phase: no retry
 * starts once it is spent. `retry-timeout-seconds` sets it; the action has two phases (everything
 * up to Box's answer, then the write-back), so a slow start can never starve the write-back.
 */
export class RetryBudget {
  private deadline: number

  constructor(
    readonly budgetMs: number,
    private readonly now: () => number
  ) {
    this.deadline = now() + budgetMs
  }

  /** Starts the next phase with the whole budget again. */
  renew(): void {
    this.deadline = this.now() + this.budgetMs
  }

  /** Whether a wait of `delayMs` from now still ends within the budget. */
  allows(delayMs: number): boolean {
    return this.now() + delayMs <= this.deadline
  }
}

/** The run was cancelled (SIGINT, SIGTERM): no further attempt is made. */
export class Cancelled extends Error {
  constructor(readonly signalName = 'a cancellation') {
    super(`The run was cancelled (${signalName}).`)
    this.name = 'Cancelled'
  }
}

/** The request took longer than its time limit. Named as fetch names its own timeouts. */
export class TimeLimitExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`no answer within ${limitMs / 1000} s`)
    this.name = 'TimeoutError'
  }
}

/** What a failure means for the next attempt. */
export type Verdict = { retry: false } | { retry: true; reason: string; afterMs?: number }

export interface RetryEvent {
  attempt: number
  reason: string
  delayMs: number
}

export interface RetryContext {
  policy: RetryPolicy
  budget: RetryBudget
  timing: Timing
  /** Aborted when the run is cancelled: the current wait ends and no attempt follows. */
  cancel?: AbortSignal
  /**
   * The first attempt is owed even after a cancellation: a write that Box's answer made necessary
   * (the new refresh token exists only in this process). Cancellation still stops its retries.
   */
  owed?: boolean
  onRetry?: (event: RetryEvent) => void
}

/**
 * The retry context of one phase of a run: the backoff shape (`policy`, exponential with full
 * jitter by default), a budget (a number of ms starts a new one; a RetryBudget is shared, as the
 * action's checks and Box refresh share theirs) and the cancellation that ends it.
 */
export function retryContext(
  timing: Timing,
  budget: number | RetryBudget,
  { policy = defaultRetryPolicy, cancel }: { policy?: RetryPolicy; cancel?: AbortSignal } = {}
): RetryContext {
  return {
    policy,
    budget: typeof budget === 'number' ? new RetryBudget(budget, timing.now) : budget,
    timing,
    cancel
  }
}

export const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random
}

/**
 * Calls `attempt` until it succeeds, `classify` says the failure is final, the next wait would end
 * past the budget, or the run is cancelled. The last failure is rethrown unchanged so callers keep
 * their error types; a cancellation throws `Cancelled`. An `owed` first attempt is made even when
 * the run was cancelled before it.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  classify: (error: unknown) => Verdict,
  context: RetryContext
): Promise<T> {
  const { policy, budget, timing, cancel, onRetry } = context
  for (let n = 1; ; n++) {
    if (n > 1 || !context.owed) throwIfCancelled(cancel)
    try {
      return await attempt(n)
    } catch (error) {
      if (isCancellation(error)) throw asCancelled(error, cancel)
      const verdict = classify(error)
      if (!verdict.retry) throw error
      // A failure that would be retried is not, once the run is cancelled: that is what ended it.
      throwIfCancelled(cancel)
      const delayMs = backoffDelay(n, verdict.afterMs, policy, timing.random)
      if (!budget.allows(delayMs)) throw error
      onRetry?.({ attempt: n, reason: verdict.reason, delayMs })
      await sleepUnlessCancelled(timing, delayMs, cancel)
    }
  }
}

/**
 * Runs one request under its own time limit. The limit is a timer that keeps the process alive and
 * settles the request even if the HTTP client never does: undici 6 on Node 20 can leave a fetch
 * pending for ever after a server closes the connection, and with nothing else scheduled Node then
 * exits silently with code 13. `cancel` aborts the request too.
 */
export async function withTimeLimit<T>(
  limitMs: number,
  cancel: AbortSignal | undefined,
  request: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  throwIfCancelled(cancel)
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  let onCancel: (() => void) | undefined
  const stopped = new Promise<never>((_, reject) => {
    const stop = (reason: Error): void => {
      controller.abort(reason)
      reject(reason)
    }
    timer = setTimeout(() => stop(new TimeLimitExceeded(limitMs)), limitMs)
    onCancel = () => stop(asCancelled(cancel?.reason, cancel))
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: abort fires once; the finally below removes it
    cancel?.addEventListener('abort', onCancel, { once: true })
  })
  stopped.catch(() => undefined)
  try {
    return await Promise.race([request(controller.signal), stopped])
  } finally {
    clearTimeout(timer)
    cancel?.removeEventListener('abort', onCancel!)
  }
}

export function throwIfCancelled(cancel: AbortSignal | undefined): void {
  if (cancel?.aborted) throw asCancelled(cancel.reason, cancel)
}

/** True for a Cancelled error anywhere in a cause chain (HTTP clients wrap what they are aborted with). */
export function isCancellation(error: unknown): boolean {
  return causeChain(error).some((e) => e instanceof Cancelled || (e as { name?: unknown }).name === 'Cancelled')
}

/** The errors in `error`'s cause chain, itself first (at most a few deep). */
export function causeChain(error: unknown): object[] {
  const chain: object[] = []
  for (
    let e = error, depth = 0;
    e !== null && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  )
    chain.push(e)
  return chain
}

function asCancelled(error: unknown, cancel: AbortSignal | undefined): Cancelled {
  const found = causeChain(error).find((e): e is Cancelled => e instanceof Cancelled)
  if (found) return found
  return new Cancelled(typeof cancel?.reason === 'string' ? cancel.reason : undefined)
}

async function sleepUnlessCancelled(timing: Timing, ms: number, cancel: AbortSignal | undefined): Promise<void> {
  if (cancel === undefined) return timing.sleep(ms)
  let onAbort: (() => void) | undefined
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: abort fires once; the finally below removes it
    cancel.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([timing.sleep(ms), aborted])
  } finally {
    cancel.removeEventListener('abort', onAbort!)
  }
  throwIfCancelled(cancel)
}

/**
 * The line a person reads when a request is retried, e.g.
 * "GitHub PUT /repos/…: GitHub answered 502; retrying in 1.2 s (attempt 2)."
 */
export function retryNotice(service: string, event: RetryEvent & { method?: string; path?: string }): string {
  const request = event.method ? ` ${event.method} ${event.path}` : ''
  return (
    `${service}${request}: ${event.reason}; retrying in ${(event.delayMs / 1000).toFixed(1)} s (attempt ` +
    `${event.attempt + 1}).`
  )
}

/** Full jitter (AWS architecture blog), or exactly what the server asked for when it asked. */
export function backoffDelay(
  attempt: number,
  afterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number
): number {
  if (afterMs !== undefined) return Math.max(0, Math.ceil(afterMs))
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.floor(random() * ceiling)
}

/** `retry-after` is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
