/**
 * The clock a test gives the code: it stands still until the code sleeps, and a sleep moves it on
 * at once instead of waiting. Retry budgets and retry-after then behave as in a real run, instantly,
 * and the same on a quiet machine and a loaded one (the time a request takes is never counted).
 */
import type { Timing } from '../../src/retry.js'

/** A clock at `startMs` that records each sleep in `slept`; `random` is the middle of its range. */
export function skippingClock(startMs: number, slept: number[] = []): Timing {
  let now = startMs
  return {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    },
    random: () => 0.5
  }
}
