/**
 * An error of unknown shape in words, the one way every message of the action and the login
 * command does it: `errorMessage` for a failure that is reported as such (its message only), and
 * `bugReport` for one no code path expected (its stack, which says where).
 */

export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(error)
}

export function bugReport(error: unknown): string {
  const stack = (error as { stack?: unknown } | null)?.stack
  return typeof stack === 'string' ? stack : errorMessage(error)
}
