/** How a token request at Box failed, in the terms the explanations (diagnostics.ts, the login's) need. */

export type BoxErrorKind =
  | 'invalid_grant'
  | 'invalid_client'
  | 'oauth' // any other OAuth2Error code
  | 'rate_limited'
  | 'server'
  | 'redirected' // a 3xx: never followed
  | 'not_sent' // the connection failed before the request left
  | 'ambiguous' // sent, but no answer: timeout, dropped connection, cancelled while waiting
  | 'malformed' // 2xx without a usable refresh token

export class BoxError extends Error {
  /** Set when an earlier attempt may have been processed by Box without us seeing the answer. */
  earlierAmbiguousAttempt?: string

  constructor(
    readonly kind: BoxErrorKind,
    message: string,
    readonly details: { status?: number; oauthError?: string; description?: string; retryAfterMs?: number } = {}
  ) {
    super(message)
    this.name = 'BoxError'
  }
}
