/**
 * Box's OAuth 2.0 endpoints, for every way of getting a token (a `TokenGrant`: one module each in
 * this folder: refresh-grant.ts, authorization-code.ts, client-credentials.ts, jwt-grant.ts,
 * token-exchange.ts) and for revoking one (revoke.ts): the request, its retries, and Box's answer,
 * validated.
 *
 * Box refresh tokens are single-use, so what is retried matters: answers that say the request
 * was not processed (429, 5xx) and connections refused before anything was sent are safe to
 * retry. A timeout or a connection dropped after the request went out may have consumed the
 * token; those are retried too (Box may not have processed it), but remembered, so that an
 * `invalid_grant` on the retry can be explained as "the first attempt probably used it".
 *
 * The request carries the client secret and the refresh token, so it never follows a redirect,
 * and nothing Box answers is trusted: an error description is cleaned before it is quoted, and a
 * 200 answer is validated field by field before anything else happens with it.
 */
import { BoxError, type BoxErrorKind } from './error.js'
import type { Redactor } from '../redact.js'
import {
  causeChain,
  isCancellation,
  parseRetryAfter,
  withRetry,
  withTimeLimit,
  type RetryContext,
  type Verdict
} from '../retry.js'

export interface BoxClientDeps {
  fetch: typeof fetch
  retry: RetryContext
  /** Abandons the request in flight (a second signal, or the end of the cancellation grace). */
  stop?: AbortSignal
  requestTimeoutMs: number
  /** Called with each new token the moment the answer is parsed, before anything can print. */
  mask: (value: string) => void
  /** Knows the credentials that Box's error text might echo. */
  redactor: Redactor
}

export interface ClientCredentials {
  boxApiUrl: string
  clientId: string
  clientSecret: string
}

/** A 200 answer bigger than this is not a token answer; an error body is only ever quoted in part. */
const MAX_ANSWER_BYTES = 1024 * 1024
const MAX_ERROR_BYTES = 64 * 1024
const OAUTH_ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/
const CANCELLED_WHILE_WAITING = 'The run was cancelled while it waited for Box to answer.'

/** What an attempt of a grant knows: Box's clock (epoch ms), once an answer of Box's told it. */
export interface AttemptContext {
  boxClock?: number
}

/**
 * One way of getting a token from Box's token endpoint, the small interface every grant module
 * implements: what to send, and what Box's 2xx answer must hold.
 */
export interface TokenGrant<T> {
  /** The form of one attempt; a grant that signs (JWT) signs anew for each. */
  form(attempt: AttemptContext): Record<string, string>
  /** Whether the client's ID and secret go with the form; token exchange sends none. Default true. */
  clientAuthentication?: boolean
  /** Box's 2xx answer, validated: a token pair to keep, or an access token alone. */
  answer(text: string, mask: (value: string) => void, cut: string | undefined): T
  /** A refusal the grant can repair once (JWT: its time claims, signed again on Box's clock), or undefined. */
  repair?(error: BoxError, localNow: number): AttemptContext | undefined
}

/** What `grant` obtains at Box, or a BoxError that says what happened. */
export async function requestToken<T>(
  credentials: ClientCredentials,
  grant: TokenGrant<T>,
  deps: BoxClientDeps
): Promise<T> {
  let attempt: AttemptContext = {}
  for (let repaired = false; ; repaired = true) {
    const form = (): string =>
      new URLSearchParams({
        ...grant.form(attempt),
        ...(grant.clientAuthentication === false
          ? {}
          : { client_id: credentials.clientId, client_secret: credentials.clientSecret })
      }).toString()
    let accepted: Response
    try {
      accepted = await postForm(`${credentials.boxApiUrl}/oauth2/token`, form, deps)
    } catch (error) {
      const repair =
        repaired || !(error instanceof BoxError) ? undefined : grant.repair?.(error, deps.retry.timing.now())
      if (repair === undefined) throw error
      attempt = repair
      continue
    }
    // A 2xx means Box has used the token it was sent: from here on the request is never sent again,
    // whatever happens to the rest of the answer (it is read outside the retries, and what arrived is used).
    const { text, cut } = await readAnswer(accepted, deps)
    return grant.answer(text, deps.mask, cut)
  }
}

/**
 * POSTs a form to one of Box's OAuth endpoints with the retries and time limits the answers allow,
 * and returns its 2xx answer unread; anything else is thrown as a BoxError. `body` is called for
 * each attempt. The form carries the client secret and a token, so no redirect is followed.
 */
export async function postForm(url: string, body: () => string, deps: BoxClientDeps): Promise<Response> {
  let ambiguous: string | undefined
  try {
    return await withRetry(
      async () => {
        // Built before the attempt: a form that cannot be built is a bug, not a failed connection (nothing was sent).
        const form = body()
        try {
          return await withTimeLimit(deps.requestTimeoutMs, deps.stop, (signal) => sendOnce(url, form, signal, deps))
        } catch (error) {
          const boxError = error instanceof BoxError ? error : connectionError(error, deps)
          if (boxError.kind === 'ambiguous') ambiguous ??= boxError.message
          throw boxError
        }
      },
      classify,
      deps.retry
    )
  } catch (error) {
    if (ambiguous !== undefined && isCancellation(error)) {
      throw new BoxError(
        'ambiguous',
        ambiguous === CANCELLED_WHILE_WAITING
          ? ambiguous
          : `The run was cancelled after an attempt that got no answer (${ambiguous}).`
      )
    }
    // An attempt that got no answer, before the one that failed: Box may have used the token then.
    if (error instanceof BoxError && error.message !== ambiguous) error.earlierAmbiguousAttempt = ambiguous
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

/**
 * One attempt, up to Box's status line: a 2xx comes back with its body unread (reading it is no
 * longer an attempt that may be repeated); anything else is read (bounded) and thrown as a BoxError.
 */
async function sendOnce(url: string, body: string, signal: AbortSignal, deps: BoxClientDeps): Promise<Response> {
  let response: Response
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      // The body holds the client secret and the refresh token (or code): it goes to this URL only.
      redirect: 'manual',
      signal
    })
  } catch (error) {
    throw connectionError(error, deps)
  }
  if (response.ok) return response

  // Not 2xx and under 400 is a redirect: fetch hands over no 1xx, and a Response cannot hold one.
  if (response.status < 400) {
    void response.body?.cancel().catch(() => undefined)
    throw redirected(response, url, deps.redactor)
  }
  let text: string
  try {
    text = await readErrorBody(response)
  } catch (error) {
    throw connectionError(error, deps, true)
  }
  if (response.status === 429) {
    throw new BoxError('rate_limited', 'Box answered 429 Too Many Requests.', {
      status: 429,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), deps.retry.timing.now())
    })
  }
  if (response.status >= 500) {
    // The body of a 5xx is opaque (often an HTML page from a proxy), and so is its status text: neither is quoted.
    throw new BoxError('server', `Box answered ${response.status}.`, { status: response.status })
  }
  throw oauthError(response, text, deps.redactor)
}

/** An error answer's first MAX_ERROR_BYTES: only ever quoted in part, so the rest is not read. */
async function readErrorBody(response: Response): Promise<string> {
  // Stryker disable next-line StringLiteral: any text that is no OAuth error is reported by its status alone
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.length
    if (size >= MAX_ERROR_BYTES) {
      await reader.cancel().catch(() => undefined)
      break
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BYTES)
}

/**
 * A 2xx answer's body, never thrown away: the read ends when the body does, when what arrived is a
 * complete JSON object (a server that never finishes its message is not waited for), or, keeping
 * what arrived, when the connection fails, the request time limit passes or the run is stopped
 * (`cut` then says which). Over MAX_ANSWER_BYTES it is not a token answer.
 */
async function readAnswer(response: Response, deps: BoxClientDeps): Promise<{ text: string; cut?: string }> {
  // Stryker disable next-line StringLiteral: no text and any text that is no JSON are the same answer without tokens
  if (response.body === null) return { text: '' }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  let cut: string | undefined
  const cancel = (): void => void reader.cancel().catch(() => undefined)
  const stopReading = (why: string): void => {
    cut ??= why
    cancel()
  }
  const timer = setTimeout(
    () => stopReading(`the rest did not arrive within ${deps.requestTimeoutMs / 1000} s`),
    deps.requestTimeoutMs
  )
  const onStop = (): void => stopReading('the run was stopped while it arrived')
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed below either way
  deps.stop?.addEventListener('abort', onStop, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      // Tokens are ASCII: a character split between chunks could only garble a field no one reads.
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, see above
      text += decoder.decode(value, { stream: true })
      size += value.length
      if (size > MAX_ANSWER_BYTES) {
        cancel()
        throw new BoxError(
          'malformed',
          `Box accepted the request, but its answer is larger than ${MAX_ANSWER_BYTES / 1024} KiB, so it is not a ` +
            `token answer.`
        )
      }
      if (isCompleteObject(text)) {
        cancel() // whatever might follow a complete object is not needed
        break
      }
    }
  } catch (error) {
    if (error instanceof BoxError) throw error
    cut ??= `the connection failed (${failureDetail(error, deps)})`
  } finally {
    clearTimeout(timer)
    deps.stop?.removeEventListener('abort', onStop)
  }
  return { text: text + decoder.decode(), cut }
}

/** Whether `text` is already a whole JSON object (tried only when it could be one). */
function isCompleteObject(text: string): boolean {
  if (!text.trimEnd().endsWith('}')) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function redirected(response: Response, url: string, redactor: Redactor): BoxError {
  const origin = redactor.locationOrigin(response.headers.get('location'), url)
  return new BoxError(
    'redirected',
    `Box's token endpoint ${new URL(url).origin} answered ${response.status} and redirected to ${origin}. ` +
      'A request that carries the client secret and a token is never sent to a redirect, so it went nowhere else ' +
      'and Box did not use the refresh token. ' +
      'Check `box-api-url`: it must be the API base itself, such as https://api.box.com.',
    { status: response.status }
  )
}

function oauthError(response: Response, text: string, redactor: Redactor): BoxError {
  const { status } = response
  let code = ''
  let description = ''
  try {
    const parsed = JSON.parse(text) as { error?: unknown; error_description?: unknown }
    if (typeof parsed.error === 'string' && OAUTH_ERROR_CODE.test(parsed.error)) code = parsed.error
    description = redactor.serverText(parsed.error_description)
  } catch {
    // not an OAuth2Error body; reported by status alone
  }
  // Only Box's error code and its cleaned description are quoted, never the body.
  const said = code ? `${code}${description ? ` (${description})` : ''}` : `HTTP ${status}`
  const kind: BoxErrorKind =
    code === 'invalid_grant' ? 'invalid_grant' : code === 'invalid_client' ? 'invalid_client' : 'oauth'
  return new BoxError(kind, `Box refused the token request: ${said}.`, {
    status,
    oauthError: code || undefined,
    description: description || undefined,
    // Box's clock, as its answer dates itself (read, validated, by the grant that needs it: JWT).
    date: response.headers.get('date')?.slice(0, 64)
  })
}

/** Connection failures before the request left are safe; any later one may have used the token. */
function connectionError(error: unknown, deps: BoxClientDeps, afterHeaders = false): BoxError {
  if (error instanceof BoxError) return error
  if (isCancellation(error)) return new BoxError('ambiguous', CANCELLED_WHILE_WAITING)
  // Duck-typed, not `instanceof Error`: fetch's errors may come from another realm (a VM context).
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BoxError('ambiguous', `Box did not answer within ${deps.requestTimeoutMs / 1000} s.`)
  }
  const code = causeCode(error)
  if (
    !afterHeaders &&
    (code === 'ECONNREFUSED' ||
      code === 'ENOTFOUND' ||
      code === 'EAI_AGAIN' ||
      code === 'ENETUNREACH' ||
      code === 'EHOSTUNREACH')
  ) {
    return new BoxError('not_sent', `Could not connect to Box (${code}).`)
  }
  return new BoxError(
    'ambiguous',
    `The connection to Box failed before its answer arrived (${failureDetail(error, deps)}).`
  )
}

/** A failed connection in a few words: its error code, or its message cleaned and capped. */
function failureDetail(error: unknown, deps: BoxClientDeps): string {
  const detail = causeCode(error) ?? deps.redactor.serverText((error as { message?: unknown } | null)?.message, 200)
  return detail || 'unknown error'
}

function causeCode(error: unknown): string | undefined {
  for (const e of causeChain(error)) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code
  }
  return undefined
}
