/** How a request to Box's OAuth endpoints failed, in the terms the explanations (the action's, the login's) need. */

export type BoxErrorKind =
  | 'invalid_grant'
  | 'invalid_client'
  | 'oauth' // any other OAuth2Error code
  | 'rate_limited'
  | 'server'
  | 'redirected' // a 3xx: never followed
  | 'not_sent' // the connection failed before the request left
  | 'ambiguous' // sent, but no answer: timeout, dropped connection, cancelled while waiting
  | 'malformed' // 2xx without the token the grant must bring

export class BoxError extends Error {
  /** Set when an earlier attempt may have been processed by Box without us seeing the answer. */
  earlierAmbiguousAttempt?: string

  constructor(
    readonly kind: BoxErrorKind,
    message: string,
    readonly details: {
      status?: number
      oauthError?: string
      description?: string
      retryAfterMs?: number
      /** The refusal's `Date` header, as sent (capped): Box's clock, for a grant that signs with it. */
      date?: string
    } = {}
  ) {
    super(message)
    this.name = 'BoxError'
  }
}
