/**
 * The edges of retry.ts that retry.unit.test.ts leaves open, each one something a user would notice
 * going wrong: the exact words of a cancellation, a time limit and a retry notice; a cancellation
 * that an HTTP client wrapped (or that another copy of this module made) ending the run rather than
 * being retried; a cancellation that lands just before a retry stopping it; and no listener left on
 * the run's cancel signal by a request or a wait (Node warns of a leak after ten, and each one holds
 * its request's closures for the rest of the run). Time is Jest's fake clock or an injected one.
 */
import { jest } from '@jest/globals'
import { skippingClock } from '../support/clock.js'
import { listenersOf } from '../support/listeners.js'
import {
  Cancelled,
  causeChain,
  isCancellation,
  parseRetryAfter,
  realTiming,
  retryNotice,
  RetryBudget,
  TimeLimitExceeded,
  withRetry,
  withTimeLimit,
  type RetryContext,
  type Timing,
  type Verdict
} from '../../src/retry.js'

/**
 * A clock that only moves when the code under test sleeps (by default). Backoffs are never 0 ms, so
 * a test that retries when it should not still ends, at the budget, and fails.
 */
function fakeTiming(sleep?: (ms: number) => Promise<void>): Timing {
  const clock = skippingClock(1_000_000)
  return sleep === undefined ? clock : { ...clock, sleep }
}

const context = (timing: Timing, cancel?: AbortSignal): RetryContext => ({
  policy: { baseDelayMs: 1000, maxDelayMs: 4000 },
  budget: new RetryBudget(60_000, timing.now),
  timing,
  cancel
})
const always: (e: unknown) => Verdict = () => ({ retry: true, reason: 'flaky' })

describe('what a person reads', () => {
  test('a cancellation without a signal name says so in general words', async () => {
    expect(new Cancelled().message).toBe('The run was cancelled (a cancellation).')
    // AbortController.abort() without a reason aborts with a DOMException, which names no signal.
    const cancel = new AbortController()
    cancel.abort()
    const error = await withRetry(async () => 'never', always, context(fakeTiming(), cancel.signal)).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(Cancelled)
    expect((error as Error).message).toBe('The run was cancelled (a cancellation).')
  })

  test('a request past its time limit says how many seconds it was given', async () => {
    jest.useFakeTimers()
    try {
      const outcome = withTimeLimit(1_500, undefined, () => new Promise<never>(() => undefined))
      outcome.catch(() => undefined)
      await jest.advanceTimersByTimeAsync(1_500)
      await expect(outcome).rejects.toBeInstanceOf(TimeLimitExceeded)
      await expect(outcome).rejects.toMatchObject({ name: 'TimeoutError', message: 'no answer within 1.5 s' })
      expect(new TimeLimitExceeded(30_000).message).toBe('no answer within 30 s')
    } finally {
      jest.useRealTimers()
    }
  })

  test('a retry notice names the request, the reason, the wait in seconds and the attempt that follows', () => {
    expect(
      retryNotice('GitHub', {
        attempt: 1,
        reason: 'GitHub answered 502',
        delayMs: 1_234,
        method: 'PUT',
        path: '/repos/o/r/actions/secrets/BOX_REFRESH_TOKEN'
      })
    ).toBe(
      'GitHub PUT /repos/o/r/actions/secrets/BOX_REFRESH_TOKEN: GitHub answered 502; retrying in 1.2 s (attempt 2).'
    )
    expect(retryNotice('Box', { attempt: 3, reason: 'Box answered 503', delayMs: 20_000 })).toBe(
      'Box: Box answered 503; retrying in 20.0 s (attempt 4).'
    )
  })
})

describe('a cancellation ends the run rather than being retried', () => {
  test('a Cancelled that an HTTP client wrapped as the cause of its own error is thrown itself, unclassified', async () => {
    const cancelled = new Cancelled('SIGINT')
    const classify = jest.fn(always)
    let attempts = 0
    const outcome = withRetry(
      async () => {
        attempts++
        throw new TypeError('fetch failed', { cause: cancelled })
      },
      classify,
      context(fakeTiming())
    )
    await expect(outcome).rejects.toBe(cancelled)
    expect(attempts).toBe(1)
    expect(classify).not.toHaveBeenCalled()
  })

  test('an error named Cancelled that is not this module’s own (another copy of it) is a cancellation too', async () => {
    const foreign = Object.assign(new Error('The run was cancelled (SIGTERM).'), { name: 'Cancelled' })
    expect(isCancellation(foreign)).toBe(true)
    expect(isCancellation(new Error('x', { cause: foreign }))).toBe(true)
    expect(isCancellation(new Error('Cancelled'))).toBe(false)
    let attempts = 0
    const error = await withRetry(
      async () => {
        attempts++
        throw foreign
      },
      always,
      context(fakeTiming())
    ).catch((e: unknown) => e)
    expect(attempts).toBe(1)
    expect(error).toBeInstanceOf(Cancelled)
    expect((error as Error).message).toBe('The run was cancelled (a cancellation).')
  })

  test('a cause chain is followed five errors deep, no further (a chain may loop back on itself)', () => {
    const errors: Error[] = [new Cancelled('SIGINT')]
    for (let i = 1; i < 7; i++) errors.unshift(new Error(`wrapper ${i}`, { cause: errors[0] }))
    const chain = causeChain(errors[0])
    expect(chain).toHaveLength(5)
    chain.forEach((e, i) => expect(e).toBe(errors[i]))
    // The Cancelled at the end of that chain is seven deep: it is not seen from the top.
    expect(isCancellation(errors[0])).toBe(false)
    expect(isCancellation(errors[2])).toBe(true)
    expect(isCancellation(errors[1])).toBe(false)
  })

  test('an owed write is not retried once the run is cancelled, however late before the retry the cancellation comes', async () => {
    // The cancellation lands k microtasks after the wait ended: every k must stop the next attempt
    // if it came before that attempt started.
    for (let k = 0; k < 12; k++) {
      const cancel = new AbortController()
      const later = (left: number): void => {
        if (left === 0) cancel.abort('SIGINT')
        else queueMicrotask(() => later(left - 1))
      }
      const timing = fakeTiming(async () => later(k))
      const startedCancelled: number[] = []
      const outcome = withRetry(
        async (n) => {
          if (cancel.signal.aborted) startedCancelled.push(n)
          throw new Error('502')
        },
        always,
        { ...context(timing, cancel.signal), owed: true }
      )
      await expect(outcome).rejects.toMatchObject({ name: 'Cancelled', message: 'The run was cancelled (SIGINT).' })
      expect({ k, startedCancelled }).toEqual({ k, startedCancelled: [] })
    }
  })
})

describe('no listener is left on the run’s cancel signal', () => {
  test('by a request under a time limit, whether it succeeds or fails', async () => {
    const cancel = new AbortController()
    const listeners = listenersOf(cancel.signal)
    await expect(withTimeLimit(10_000, cancel.signal, async () => 'ok')).resolves.toBe('ok')
    await expect(
      withTimeLimit(10_000, cancel.signal, async () => Promise.reject(new Error('refused')))
    ).rejects.toThrow('refused')
    expect(listeners.added()).toBe(2)
    expect(listeners.now.size).toBe(0)
    // Nor does the cancellation reach a request that is over.
    cancel.abort('SIGINT')
  })

  test('by the waits between attempts', async () => {
    const cancel = new AbortController()
    const listeners = listenersOf(cancel.signal)
    const result = await withRetry(
      async (n) => {
        if (n < 3) throw new Error('502')
        return n
      },
      always,
      context(fakeTiming(), cancel.signal)
    )
    expect(result).toBe(3)
    expect(listeners.added()).toBe(2)
    expect(listeners.now.size).toBe(0)
  })
})

describe('timing', () => {
  test('the real sleep waits the time asked for', async () => {
    jest.useFakeTimers()
    try {
      let woke = false
      const sleeping = realTiming.sleep(1_000).then(() => {
        woke = true
      })
      await jest.advanceTimersByTimeAsync(999)
      expect(woke).toBe(false)
      await jest.advanceTimersByTimeAsync(1)
      expect(woke).toBe(true)
      await sleeping
    } finally {
      jest.useRealTimers()
    }
  })

  test('a blank retry-after asks for nothing (it is not "retry at once")', () => {
    expect(parseRetryAfter('   ', 0)).toBeUndefined()
    expect(parseRetryAfter(' 3 ', 0)).toBe(3_000)
  })
})
