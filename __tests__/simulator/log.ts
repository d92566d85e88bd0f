/**
 * The request log shared by both fake servers.
 *
 * It deliberately holds only what is safe to print in a test failure or a snapshot: no header
 * values, no bodies, no query strings (the things that can carry a token).
 */

export type ServiceName = 'box' | 'github'

/**
 * How a request ended:
 * - a number: the HTTP status that was answered;
 * - 'pending': still being processed (an extension of the brief's union: a request is logged when
 *   it arrives, so its outcome is unknown for a moment, or for the whole of a `delayMs`; it stays
 *   'pending' if the simulator closes before the delayed answer is written);
 * - 'hung': a `hang` fault, never answered (`endedAt` is set when the client gives up or the
 *   simulator closes);
 * - 'dropped': Box `drop-after-consume`, the socket was destroyed after the token was consumed;
 * - 'reset': GitHub `reset`, the socket was destroyed before the request was applied.
 */
export type RequestOutcome = number | 'pending' | 'hung' | 'dropped' | 'reset'

export interface LoggedRequest {
  service: ServiceName
  method: string
  /** Without the GitHub path prefix and without the query string. */
  path: string
  status: RequestOutcome
  /** When the request line and headers arrived: epoch ms like Date.now(), with a sub-ms fraction. */
  startedAt: number
  /**
   * When (epoch ms, as startedAt) the answer was written or the socket was destroyed; for a request never
   * answered ('hung', or 'pending' when close() came during its delay), when the connection closed.
   */
  endedAt?: number
}

/**
 * One line per request, e.g. `github PUT /repos/o/r/actions/secrets/BOX_REFRESH_TOKEN 204`:
 * stable across runs, so suited to snapshots and to failure messages.
 */
export function describeRequests(requests: readonly LoggedRequest[]): string[] {
  return requests.map((r) => `${r.service} ${r.method} ${r.path} ${r.status}`)
}
