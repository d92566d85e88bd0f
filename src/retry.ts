/**
 * One backoff policy for every call the action makes (Box and GitHub): exponential with full
 * jitter, honouring a server's "retry after" hint, within one bounded time budget.
 *
 * Hand-written rather than a library because the call sites need three things together that the
 * well-kept libraries (p-retry, @octokit/plugin-retry, @octokit/plugin-throttling) do not offer
 * at once: an injectable sleep and clock (so tests never wait), one shared budget across Box and
 * GitHub's different rate-limit signals, and a per-failure verdict that can wait exactly as long
 * as the server asked.
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
  /** Total time allowed from the first attempt to the start of the last one. */
  budgetMs: number
  /** Ceiling of the first backoff; it doubles on each retry up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
}

export const defaultRetryPolicy: RetryPolicy = { budgetMs: 120_000, baseDelayMs: 1_000, maxDelayMs: 20_000 }

/** What a failure means for the next attempt. */
export type Verdict =
  | { retry: false }
  | { retry: true; reason: string; afterMs?: number }

export interface RetryEvent {
  attempt: number
  reason: string
  delayMs: number
}

export const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random
}

/**
 * Calls `attempt` until it succeeds, `classify` says the failure is final, or the next wait
 * would end past the budget. The last failure is rethrown unchanged so callers keep their
 * error types; `onRetry` is where they say what is happening.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  classify: (error: unknown) => Verdict,
  policy: RetryPolicy,
  timing: Timing,
  onRetry?: (event: RetryEvent) => void
): Promise<T> {
  const deadline = timing.now() + policy.budgetMs
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      const verdict = classify(error)
      if (!verdict.retry) throw error
      const delayMs = backoffDelay(n, verdict.afterMs, policy, timing.random)
      if (timing.now() + delayMs > deadline) throw error
      onRetry?.({ attempt: n, reason: verdict.reason, delayMs })
      await timing.sleep(delayMs)
    }
  }
}

/** The line a person reads when a request is retried, e.g. "GitHub PUT /repos/…: GitHub answered 502; retrying in 1.2 s (attempt 2)." */
export function retryNotice(service: string, event: RetryEvent & { method?: string; path?: string }): string {
  const request = event.method ? ` ${event.method} ${event.path}` : ''
  return `${service}${request}: ${event.reason}; retrying in ${(event.delayMs / 1000).toFixed(1)} s (attempt ${event.attempt + 1}).`
}

/** Full jitter (AWS architecture blog), or exactly what the server asked for when it asked. */
export function backoffDelay(attempt: number, afterMs: number | undefined, policy: RetryPolicy, random: () => number): number {
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
