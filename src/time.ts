/** Dates as every message of the action and the login command shows them, and the length of a day. */

export const DAY_MS = 86_400_000

/**
 * "2026-01-25 14:05 UTC"; with `seconds`, "2026-01-25 14:05:09 UTC", for messages that compare two
 * moments which may fall in the same minute.
 */
export function formatUtc(date: Date, { seconds = false } = {}): string {
  const iso = date.toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`
}

/** Whole days from `from` to `to`, rounded down. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS)
}
