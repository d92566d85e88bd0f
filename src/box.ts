/**
 * Box's OAuth 2.0 token endpoint: exchange a refresh token (or, for the login command, an
 * authorization code) for a new token pair.
 *
 * Box refresh tokens are single-use, so what is retried matters: answers that say the request
 * was not processed (429, 5xx) and connections refused before anything was sent are safe to
 * retry. A timeout or a connection dropped after the request went out may have consumed the
 * token; those are retried too (Box may not have processed it), but remembered, so that an
 * `invalid_grant` on the retry can be explained as "the first attempt probably used it".
 */
import { parseRetryAfter, withRetry, type RetryEvent, type RetryPolicy, type Timing, type Verdict } from './retry.js'

export interface TokenPair {
  accessToken: string
  refreshToken: string
  /** Seconds, exactly as Box said (often about 3600, but not always). */
  expiresIn: number
}

export type BoxErrorKind =
  | 'invalid_grant'
  | 'invalid_client'
  | 'oauth' // any other OAuth2Error code
  | 'rate_limited'
  | 'server'
  | 'not_sent' // the connection failed before the request left
  | 'ambiguous' // sent, but no answer: timeout or dropped connection
  | 'malformed' // 2xx without a usable token pair

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

export interface BoxClientDeps {
  fetch: typeof fetch
  timing: Timing
  policy: RetryPolicy
  requestTimeoutMs: number
  /** Called with both new tokens the moment the answer is parsed, before anything can print. */
  mask: (value: string) => void
  onRetry?: (event: RetryEvent) => void
}

export interface ClientCredentials {
  boxApiUrl: string
  clientId: string
  clientSecret: string
}

export function refreshTokenPair(credentials: ClientCredentials, refreshToken: string, deps: BoxClientDeps): Promise<TokenPair> {
  return requestTokenPair(credentials, { grant_type: 'refresh_token', refresh_token: refreshToken }, deps)
}

export function exchangeAuthorizationCode(credentials: ClientCredentials, code: string, redirectUri: string, deps: BoxClientDeps): Promise<TokenPair> {
  return requestTokenPair(credentials, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, deps)
}

async function requestTokenPair(credentials: ClientCredentials, grant: Record<string, string>, deps: BoxClientDeps): Promise<TokenPair> {
  const url = `${credentials.boxApiUrl}/oauth2/token`
  const body = new URLSearchParams({ ...grant, client_id: credentials.clientId, client_secret: credentials.clientSecret }).toString()
  let ambiguous: string | undefined

  try {
    return await withRetry(
      async () => {
        try {
          return await postOnce(url, body, deps)
        } catch (error) {
          if (error instanceof BoxError && error.kind === 'ambiguous') ambiguous ??= error.message
          throw error
        }
      },
      classify,
      deps.policy,
      deps.timing,
      deps.onRetry
    )
  } catch (error) {
    if (error instanceof BoxError && ambiguous !== undefined && error.message !== ambiguous) error.earlierAmbiguousAttempt = ambiguous
    throw error
  }
}

function classify(error: unknown): Verdict {
  if (!(error instanceof BoxError)) return { retry: false }
  switch (error.kind) {
    case 'rate_limited':
      return { retry: true, reason: 'Box is rate limiting (429)', afterMs: error.details.retryAfterMs }
    case 'server':
      return { retry: true, reason: `Box answered ${error.details.status}` }
    case 'not_sent':
    case 'ambiguous':
      return { retry: true, reason: error.message }
    default:
      return { retry: false }
  }
}

async function postOnce(url: string, body: string, deps: BoxClientDeps): Promise<TokenPair> {
  let response: Response
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(deps.requestTimeoutMs)
    })
  } catch (error) {
    throw connectionError(error, deps.requestTimeoutMs)
  }

  let text: string
  try {
    text = await response.text()
  } catch (error) {
    throw connectionError(error, deps.requestTimeoutMs, true)
  }

  if (response.ok) return parseTokenPair(text, deps.mask)
  if (response.status === 429) {
    throw new BoxError('rate_limited', 'Box answered 429 Too Many Requests.', {
      status: 429,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), deps.timing.now())
    })
  }
  if (response.status >= 500) {
    // The body of a 5xx is opaque (often an HTML page from a proxy); it is never echoed.
    throw new BoxError('server', `Box answered ${response.status} ${response.statusText}`.trim() + '.', { status: response.status })
  }
  throw oauthError(response.status, text)
}

function parseTokenPair(text: string, mask: (value: string) => void): TokenPair {
  let answer: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed !== null && typeof parsed === 'object') answer = parsed as Record<string, unknown>
  } catch {
    // handled below: a non-JSON 2xx is as unusable as a JSON one without tokens
  }
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = answer
  if (typeof accessToken === 'string' && accessToken !== '') mask(accessToken)
  if (typeof refreshToken === 'string' && refreshToken !== '') mask(refreshToken)
  if (typeof accessToken !== 'string' || accessToken === '' || typeof refreshToken !== 'string' || refreshToken === '') {
    throw new BoxError(
      'malformed',
      'Box accepted the request but its answer held no usable token pair, so the refresh token it was given is probably used up.'
    )
  }
  return { accessToken, refreshToken, expiresIn: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3600 }
}

function oauthError(status: number, text: string): BoxError {
  let code = ''
  let description = ''
  try {
    const parsed = JSON.parse(text) as { error?: unknown; error_description?: unknown }
    if (typeof parsed.error === 'string') code = parsed.error
    if (typeof parsed.error_description === 'string') description = parsed.error_description
  } catch {
    // not an OAuth2Error body; reported by status alone
  }
  // Only Box's error code and description are quoted: they never hold a token, unlike the body.
  const said = code ? `${code}${description ? ` (${description})` : ''}` : `HTTP ${status}`
  const kind: BoxErrorKind = code === 'invalid_grant' ? 'invalid_grant' : code === 'invalid_client' ? 'invalid_client' : 'oauth'
  return new BoxError(kind, `Box refused the token request: ${said}.`, { status, oauthError: code || undefined, description: description || undefined })
}

/** Connection failures before the request left are safe; any later one may have used the token. */
function connectionError(error: unknown, timeoutMs: number, afterHeaders = false): BoxError {
  // Duck-typed, not `instanceof Error`: fetch's errors may come from another realm (a VM context).
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BoxError('ambiguous', `Box did not answer within ${timeoutMs / 1000} s.`)
  }
  const code = causeCode(error)
  if (!afterHeaders && (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH')) {
    return new BoxError('not_sent', `Could not connect to Box (${code}).`)
  }
  return new BoxError('ambiguous', `The connection to Box failed before its answer arrived (${code ?? (error as { message?: string } | null)?.message ?? 'unknown error'}).`)
}

export function causeCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | null, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code
  }
  return undefined
}
