/**
 * Box's 200 answer to a token request, validated before anything is done with it: a token pair
 * (the refresh and authorization-code grants), or an access token alone (client credentials, JWT,
 * token exchange). Box has used the old refresh token by the time it answers a refresh, so nothing
 * here may throw past the caller except the one failure no client can repair: an answer without
 * the token the grant must bring.
 */
import { BoxError } from './error.js'

export interface TokenPair {
  refreshToken: string
  /** Undefined when Box's answer held no usable access token; the refresh token is still good. */
  accessToken?: string
  /** Seconds, as Box said, unless that was out of range (see `problems`). */
  expiresIn: number
  /** What was wrong with the answer and how it was handled, for the log. */
  problems: string[]
}

/** Printable ASCII without spaces: what Box's tokens are made of (downscoped ones are longer). */
const TOKEN_FORM = /^[\x21-\x7e]{16,4096}$/
/** The access token lifetime accepted as Box said it: about an hour is usual, a day is the most believed. */
export const EXPIRES_IN_RANGE = { min: 60, max: 86_400, fallback: 3600 }

/**
 * Box's 200 answer, validated before anything is done with it: the new refresh token must be a
 * token, or the answer counts as a failed refresh. Each token is masked the moment it is known to
 * be one. An unusable access token or lifetime does not lose the refresh token: it is noted, and
 * the refresh token is still stored.
 *
 * `cut` says why the answer ended early (the connection failed, the rest never came): what arrived
 * is still read, and a refresh token that arrived whole is still stored.
 */
export function parseTokenAnswer(text: string, mask: (value: string) => void, cut?: string): TokenPair {
  const problems: string[] = []
  let answer = jsonObject(text)
  if (answer === undefined && cut !== undefined) {
    answer = completeFields(text)
    // Only ever read when the refresh token below is good: without one, the answer is refused.
    problems.push(`Box's answer broke off (${cut}), but the tokens in it had arrived whole.`)
  }
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = answer ?? {}
  const refreshOk = isToken(refreshToken)
  const accessOk = isToken(accessToken)
  if (refreshOk) maskSafely(mask, refreshToken)
  if (accessOk) maskSafely(mask, accessToken)
  if (!refreshOk) {
    throw new BoxError(
      'malformed',
      cut === undefined
        ? `Box accepted the request, but its answer held no usable refresh token (refresh_token is ` +
            `${describeValue(refreshToken)}), ` +
            `so the refresh token it was given is probably used up.`
        : `Box accepted the request (HTTP 2xx), so it has used the refresh token it was given, but its answer broke ` +
            `off (${cut}) ` +
            `before a usable refresh token arrived. The request was not sent again: a used refresh token only earns ` +
            `invalid_grant.`
    )
  }
  if (!accessOk)
    problems.push(`Box's answer held no usable access token (access_token is ${describeValue(accessToken)}).`)
  return {
    refreshToken,
    accessToken: accessOk ? accessToken : undefined,
    expiresIn: lifetime(expiresIn, problems),
    problems
  }
}

/** An access token alone: what client credentials, JWT and token exchange bring (no refresh token). */
export interface AccessTokenAnswer {
  accessToken: string
  /** Seconds, as Box said, unless that was out of range (see `problems`). */
  expiresIn: number
  problems: string[]
}

/**
 * Box's 200 answer to a grant that issues an access token alone: it must hold one, masked the
 * moment it is known to be one. A refresh token in it would be kept by nobody, so it is ignored
 * (and still masked, should Box ever send one).
 */
export function parseAccessTokenAnswer(
  text: string,
  mask: (value: string) => void,
  cut: string | undefined
): AccessTokenAnswer {
  const problems: string[] = []
  const answer = jsonObject(text) ?? (cut === undefined ? undefined : completeFields(text))
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = answer ?? {}
  if (isToken(refreshToken)) maskSafely(mask, refreshToken)
  if (!isToken(accessToken)) {
    throw new BoxError(
      'malformed',
      `Box accepted the request, but its answer held no usable access token (access_token is ` +
        `${describeValue(accessToken)}${cut === undefined ? '' : `; the answer broke off: ${cut}`}).`
    )
  }
  maskSafely(mask, accessToken)
  if (cut !== undefined) problems.push(`Box's answer broke off (${cut}), but the access token in it had arrived whole.`)
  return { accessToken, expiresIn: lifetime(expiresIn, problems), problems }
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    // A list is JSON but no answer; if it broke off, the tokens in it are still read field by field.
    if (Array.isArray(parsed)) return undefined
    // Null, a string or a number, taken for an object, hold no field: the same as undefined. Nor does
    // completeFields find one in a JSON string (its quotes are escaped), so checking less is equivalent.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
    if (parsed !== null && typeof parsed === 'object') return parsed as Record<string, unknown>
  } catch {
    // a non-JSON 2xx is as unusable as a JSON one without tokens
  }
  return undefined
}

/**
 * The token fields of an answer that broke off, each only where it arrived whole: a string up to its
 * closing quote, a number followed by what ends one. Anything cut in the middle is left out.
 */
function completeFields(text: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [, name, literal] of text.matchAll(/"(access_token|refresh_token)"\s*:\s*("(?:[^"\\]|\\.)*")/g))
    fields[name!] ??= jsonObject(`{"v":${literal}}`)?.v
  const expiresIn = /"expires_in"\s*:\s*(\d{1,12})\s*[,}]/.exec(text)?.[1]
  // Stryker disable next-line ConditionalExpression: Number(undefined) is NaN; lifetime() takes both for missing
  if (expiresIn !== undefined) fields.expires_in = Number(expiresIn)
  return fields
}

/**
 * A mask that throws (the runner's stdout gone) must not cost the answer: Box has already used the
 * old token, and an exception here would be taken for a lost connection and retried with it. The
 * run's redactor learns each token before the runner is told (main.ts), so nothing prints it either way.
 */
function maskSafely(mask: (value: string) => void, value: string): void {
  try {
    mask(value)
  } catch {
    // see above
  }
}

function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_FORM.test(value)
}

/** What a value is, for a message, without ever quoting it. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing'
  if (typeof value !== 'string')
    return value === null ? 'null' : `a ${Array.isArray(value) ? 'list' : typeof value}, not a string`
  if (value === '') return 'empty'
  return (
    `${value.length} characters ` +
    `long${/[^\x21-\x7e]/.test(value) ? ', with spaces or characters no token has' : ''}, which is not a token`
  )
}

function lifetime(value: unknown, problems: string[]): number {
  const { min, max, fallback } = EXPIRES_IN_RANGE
  const seconds =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : NaN
  if (!Number.isFinite(seconds)) {
    problems.push(
      `Box's answer gave no usable expires_in; the access token is taken to live ${fallback} s, as Box documents.`
    )
    return fallback
  }
  const clamped = Math.round(Math.min(max, Math.max(min, seconds)))
  if (clamped !== seconds)
    problems.push(
      `Box said the access token lives ${String(seconds).slice(0, 24)} s, which is out of range (${min}–${max}); ` +
        `${clamped} s is used.`
    )
  return clamped
}
