import { jest } from '@jest/globals'
import {
  backoffDelay,
  Cancelled,
  parseRetryAfter,
  RetryBudget,
  TimeLimitExceeded,
  withRetry,
  withTimeLimit,
  type RetryContext,
  type RetryEvent,
  type Timing,
  type Verdict
} from '../../src/retry.js'

/** A clock that only moves when the code under test sleeps. */
function fakeTiming(random = 0.5): Timing & { slept: number[] } {
  let now = 1_000_000
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    },
    random: () => random
  }
}

const policy = { baseDelayMs: 1000, maxDelayMs: 4000 }
const BUDGET_MS = 10_000
const context = (timing: Timing, budgetMs = BUDGET_MS, onRetry?: (e: RetryEvent) => void): RetryContext => ({
  policy,
  budget: new RetryBudget(budgetMs, timing.now),
  timing,
  onRetry
})
const always: (e: unknown) => Verdict = () => ({ retry: true, reason: 'flaky' })

test('returns the first success without sleeping', async () => {
  const timing = fakeTiming()
  await expect(withRetry(async () => 'ok', always, context(timing))).resolves.toBe('ok')
  expect(timing.slept).toEqual([])
})

test('backs off exponentially with full jitter, capped, until success', async () => {
  const timing = fakeTiming(0.5)
  let calls = 0
  const result = await withRetry(
    async (n) => {
      calls++
      if (n < 5) throw new Error('transient')
      return n
    },
    always,
    context(timing, 60_000)
  )
  expect(result).toBe(5)
  expect(calls).toBe(5)
  // ceilings 1000, 2000, 4000, 4000 (capped) × random 0.5
  expect(timing.slept).toEqual([500, 1000, 2000, 2000])
})

test('waits exactly as long as the server asked', async () => {
  const timing = fakeTiming()
  let n = 0
  await withRetry(
    async () => {
      if (n++ === 0) throw new Error('429')
      return 'ok'
    },
    () => ({ retry: true, reason: 'rate limited', afterMs: 3000 }),
    context(timing)
  )
  expect(timing.slept).toEqual([3000])
})

test('a final verdict is rethrown unchanged, at once', async () => {
  const timing = fakeTiming()
  const error = new Error('401')
  await expect(
    withRetry(
      async () => Promise.reject(error),
      () => ({ retry: false }),
      context(timing)
    )
  ).rejects.toBe(error)
  expect(timing.slept).toEqual([])
})

test('gives up with the last error when the next wait would pass the budget', async () => {
  const timing = fakeTiming(0.99)
  const events: number[] = []
  const thrown: Error[] = []
  const rejection = await withRetry(
    async (n) => {
      const error = new Error(`failure ${n}`)
      thrown.push(error)
      throw error
    },
    always,
    context(timing, BUDGET_MS, (e) => events.push(e.attempt))
  ).catch((error: unknown) => error)
  // The very object of the last attempt, not the first one's: it says what happened most recently.
  expect(thrown.length).toBeGreaterThan(2)
  expect(rejection).toBe(thrown.at(-1))
  const total = timing.slept.reduce((a, b) => a + b, 0)
  expect(total).toBeLessThanOrEqual(BUDGET_MS)
  expect(events.length).toBe(timing.slept.length)
  expect(events.length).toBeGreaterThan(2)
})

test('a retry-after longer than the budget is not waited for', async () => {
  const timing = fakeTiming()
  await expect(
    withRetry(
      async () => Promise.reject(new Error('limited')),
      () => ({ retry: true, reason: 'x', afterMs: 3_600_000 }),
      context(timing)
    )
  ).rejects.toThrow('limited')
  expect(timing.slept).toEqual([])
})

test('backoffDelay never exceeds its ceiling', () => {
  for (let attempt = 1; attempt < 20; attempt++) {
    expect(backoffDelay(attempt, undefined, policy, () => 0.999999)).toBeLessThan(policy.maxDelayMs)
  }
})

test('parseRetryAfter reads seconds and HTTP dates', () => {
  const now = Date.parse('2026-11-26T12:00:00Z')
  expect(parseRetryAfter('7', now)).toBe(7000)
  expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:30 GMT', now)).toBe(30_000)
  expect(parseRetryAfter('', now)).toBeUndefined()
  expect(parseRetryAfter(undefined, now)).toBeUndefined()
  expect(parseRetryAfter('soon', now)).toBeUndefined()
})

describe('cancellation and time limits', () => {
  test('a cancellation ends the wait at once and starts no other attempt', async () => {
    const cancel = new AbortController()
    let attempts = 0
    const started = Date.now()
    const outcome = withRetry(
      async () => {
        attempts++
        throw new Error('502')
      },
      always,
      { ...context(realTimingForTest()), cancel: cancel.signal }
    )
    setTimeout(() => cancel.abort('SIGINT'), 20)
    await expect(outcome).rejects.toBeInstanceOf(Cancelled)
    expect(attempts).toBe(1)
    expect(Date.now() - started).toBeLessThan(500)
  })

  test('already cancelled: no attempt at all', async () => {
    const cancel = new AbortController()
    cancel.abort('SIGTERM')
    let attempts = 0
    await expect(
      withRetry(async () => attempts++, always, { ...context(fakeTiming()), cancel: cancel.signal })
    ).rejects.toMatchObject({ name: 'Cancelled' })
    expect(attempts).toBe(0)
  })

  test('an attempt that fails after a cancellation is not retried: the cancellation is what ended it', async () => {
    const cancel = new AbortController()
    let attempts = 0
    await expect(
      withRetry(
        async () => {
          attempts++
          cancel.abort('SIGINT')
          throw new Error('503')
        },
        always,
        { ...context(fakeTiming()), cancel: cancel.signal }
      )
    ).rejects.toMatchObject({ name: 'Cancelled', message: 'The run was cancelled (SIGINT).' })
    expect(attempts).toBe(1)
  })

  test('a failure no retry can change is reported as itself, cancelled or not', async () => {
    const cancel = new AbortController()
    const error = new Error('422')
    const outcome = withRetry(
      async () => {
        cancel.abort('SIGINT')
        throw error
      },
      () => ({ retry: false }),
      { ...context(fakeTiming()), cancel: cancel.signal }
    )
    await expect(outcome).rejects.toBe(error)
  })

  test('an owed attempt (a write Box made necessary) is made once even after a cancellation, and not retried', async () => {
    const cancel = new AbortController()
    cancel.abort('SIGINT')
    let attempts = 0
    await expect(
      withRetry(async () => ++attempts, always, { ...context(fakeTiming()), cancel: cancel.signal, owed: true })
    ).resolves.toBe(1)
    await expect(
      withRetry(
        async () => {
          attempts++
          throw new Error('502')
        },
        always,
        { ...context(fakeTiming()), cancel: cancel.signal, owed: true }
      )
    ).rejects.toMatchObject({ name: 'Cancelled' })
    expect(attempts).toBe(2)
  })

  test('withTimeLimit settles a request that never does, and aborts it', async () => {
    let aborted: unknown
    const never = (signal: AbortSignal) =>
      new Promise<never>(() => {
        signal.addEventListener('abort', () => (aborted = signal.reason))
      })
    await expect(withTimeLimit(30, undefined, never)).rejects.toBeInstanceOf(TimeLimitExceeded)
    expect(aborted).toBeInstanceOf(TimeLimitExceeded)
  })

  test('withTimeLimit stops on cancellation with Cancelled, and leaves no listener behind', async () => {
    const cancel = new AbortController()
    const outcome = withTimeLimit(10_000, cancel.signal, () => new Promise<never>(() => {}))
    cancel.abort('SIGINT')
    await expect(outcome).rejects.toBeInstanceOf(Cancelled)
    await expect(withTimeLimit(1_000, cancel.signal, async () => 'late')).rejects.toBeInstanceOf(Cancelled)
  })

  test('withTimeLimit passes a result through and clears its timer', async () => {
    jest.useFakeTimers()
    try {
      await expect(withTimeLimit(10_000, undefined, async () => 'ok')).resolves.toBe('ok')
      // A timer left behind would keep a finished run's process alive for the whole limit.
      expect(jest.getTimerCount()).toBe(0)
    } finally {
      jest.useRealTimers()
    }
  })

  test('a budget renewed starts a whole new phase', () => {
    let now = 0
    const budget = new RetryBudget(1000, () => now)
    now = 900
    expect(budget.allows(200)).toBe(false)
    budget.renew()
    expect(budget.allows(1000)).toBe(true)
    expect(budget.allows(1001)).toBe(false)
  })
})

function realTimingForTest(): Timing {
  return { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: () => 0.99 }
}
