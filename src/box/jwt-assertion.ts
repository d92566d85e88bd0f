/**
 * The JWT assertion that Box exchanges for an access token (grant
 * `urn:ietf:params:oauth:grant-type:jwt-bearer`), signed with node:crypto alone: the whole of it
 * is one RSA signature over two small JSON objects, which a JOSE library would not make clearer.
 *
 * Box allows no clock skew on the assertion's time, and its SDKs sign once more, with a new `jti`
 * and Box's own clock from the `Date` header of its refusal, when Box refuses `exp` (or `jti`):
 * box-node-sdk `isJWTAuthErrorRetryable` and `retryJWTGrant`, box-python-sdk
 * `ServerAuth._is_auth_error_retryable`. `refusedClaim` and `readBoxClock` are the two halves of
 * that for the caller, which signs again at most once.
 */
import { constants, sign } from 'node:crypto'
import { isBoxId } from '../names.js'
import type { JwtConfig } from './jwt-config.js'

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
/** The `aud` Box requires, whatever the API base the request goes to. */
export const BOX_TOKEN_AUDIENCE = 'https://api.box.com/oauth2/token'

export type JwtAlgorithm = 'RS256' | 'RS384' | 'RS512'

export interface JwtSubject {
  /** `enterprise`: the app's service account (`id` = the enterprise ID); `user`: a managed or app user. */
  type: 'enterprise' | 'user'
  id: string
}

export interface AssertionOptions {
  /** Epoch milliseconds: Box's clock when known (readBoxClock), else this machine's. */
  now: number
  /** Random bytes (node:crypto `randomBytes`), for the `jti`. */
  random: (bytes: number) => Buffer
  algorithm?: JwtAlgorithm
  audience?: string
}

/**
 * `exp` is `now` + 30 s. Box refuses an `exp` more than 60 s past its own clock as firmly as one
 * already past, so the middle of that window tolerates the most skew either way (±30 s, less the
 * request's own time); Box's SDKs use 30 s too (box-node-sdk `expirationTime` default, box-python-sdk),
 * while the samples in Box's guide use 45 s, which leaves a clock that runs fast only 15 s.
 */
export const ASSERTION_LIFETIME_SECONDS = 30
/** 32 random bytes: a 43-character `jti`, within Box's 16 to 128. */
const JTI_BYTES = 32
const DIGESTS: Record<JwtAlgorithm, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' }

/**
 * The signed assertion, `header.claims.signature` in base64url without padding. Header: `alg`,
 * `typ`, `kid` = the public key ID. Claims: `iss` = client ID, `sub`, `box_sub_type`, `aud`, `jti`,
 * `exp`. No `iat` (nor `nbf`): Box does not need it, a skewed clock makes Box refuse it, and Box's
 * SDKs stopped sending it for that reason (box-node-sdk #96, #99).
 *
 * The result is a credential until `exp`: the caller masks it like a token.
 */
export function signAssertion(
  config: Pick<JwtConfig, 'clientId' | 'publicKeyId' | 'privateKey'>,
  subject: JwtSubject,
  options: AssertionOptions
): string {
  const algorithm = options.algorithm ?? 'RS256'
  // Programming errors, not input errors: the inputs and the config were checked before.
  if (!Object.hasOwn(DIGESTS, algorithm)) throw new TypeError('The JWT algorithm must be RS256, RS384 or RS512.')
  if (subject.type !== 'enterprise' && subject.type !== 'user') {
    throw new TypeError('The JWT subject type must be `enterprise` or `user`.')
  }
  if (!isBoxId(subject.id)) throw new TypeError('The JWT subject ID must be a Box ID, digits only.')
  if (!Number.isSafeInteger(Math.floor(options.now)) || options.now <= 0) {
    throw new TypeError('The time to sign at must be epoch milliseconds.')
  }
  const entropy = options.random(JTI_BYTES)
  if (!Buffer.isBuffer(entropy) || entropy.length !== JTI_BYTES) {
    throw new TypeError(`The random source must return ${JTI_BYTES} bytes.`)
  }

  const header = { alg: algorithm, typ: 'JWT', kid: config.publicKeyId }
  const claims = {
    iss: config.clientId,
    sub: subject.id,
    box_sub_type: subject.type,
    aud: options.audience ?? BOX_TOKEN_AUDIENCE,
    jti: entropy.toString('base64url'),
    exp: Math.floor(options.now / 1000) + ASSERTION_LIFETIME_SECONDS
  }
  const signingInput = `${encodePart(header)}.${encodePart(claims)}`
  const signature = sign(DIGESTS[algorithm], Buffer.from(signingInput), {
    key: config.privateKey,
    padding: constants.RSA_PKCS1_PADDING // RSASSA-PKCS1-v1_5, which RS* means (RFC 7518 §3.3)
  })
  return `${signingInput}.${signature.toString('base64url')}`
}

function encodePart(part: object): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url')
}

/**
 * Which claim Box refused, when signing again with a new `jti` and Box's clock may cure it: `exp`
 * (this machine's clock is off) or `jti` (Box's SDKs sign again for it too). Box answers 400
 * `invalid_grant` with descriptions such as
 *
 * - `Please check the 'exp' claim.` (box-java-sdk #404, box-node-sdk tests)
 * - `Current date/time MUST be before the expiration date/time listed in the 'exp' claim`
 *   (box-windows-sdk-v2 #265, box-python-sdk-gen #499; Box's own list of common errors)
 * - `Please check the 'exp' claim. The 'exp' value exceeds the maximum value of 60 seconds beyond
 *   the issue time.` (boxr #69)
 * - `Please check the 'jti' claim.` (box-node-sdk #138), `… A unique 'jti' value is required.`
 *   (box-python-sdk)
 *
 * so it is the code and the claim named in quotes that count, not the wording around them; any
 * other claim (`sub`, `box_sub_type`, `kid`, …) is wrong in a way no second signature fixes. Box's
 * SDKs look for the bare letters `exp` or `jti` anywhere in the description, which would also take
 * "expired" for a clock problem.
 */
export function refusedClaim(code: string | undefined, description: string | undefined): 'exp' | 'jti' | undefined {
  if (code !== 'invalid_grant' || typeof description !== 'string') return undefined
  return /'(exp|jti)' (claim|value)/.exec(description.slice(0, 1000))?.[1] as 'exp' | 'jti' | undefined
}

/**
 * A skew larger than this is more likely a wrong `Date` than a wrong clock here: it still covers a
 * machine that keeps local time as if it were UTC (up to 14 h off), and a `Date` beyond it moves no
 * assertion's `exp` by more than that.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 3_600_000

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const IMF_FIXDATE = /^([A-Z][a-z]{2}), ([0-9]{2}) ([A-Z][a-z]{2}) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/

/**
 * Box's clock, in epoch milliseconds, from the `Date` header of its answer: the HTTP date Box
 * sends (IMF-fixdate, RFC 9110 §5.6.7, e.g. `Tue, 30 May 2017 15:13:20 GMT`), each field in range,
 * the weekday true to the date, and within MAX_CLOCK_SKEW_MS of `localNow`. Anything else
 * (absent, two headers joined by a comma, the obsolete RFC 850 and asctime forms, a date Box would
 * not send) is undefined: the caller then keeps its own clock. `Date.parse` is not used, as it
 * accepts nearly anything that looks like a date.
 */
export function readBoxClock(dateHeader: string | null | undefined, localNow: number): number | undefined {
  if (typeof dateHeader !== 'string' || dateHeader.length > 40) return undefined
  const fields = IMF_FIXDATE.exec(dateHeader.trim())
  if (fields === null) return undefined
  const [, weekday, dayText, monthName, yearText, hourText, minuteText, secondText] = fields
  const month = MONTHS.indexOf(monthName)
  const [day, year, hour, minute, second] = [dayText, yearText, hourText, minuteText, secondText].map(Number)
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  // Second 60 is a leap second (RFC 9110 allows it); Date.UTC carries it into the next minute.
  if (month < 0 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return undefined
  if (WEEKDAYS[new Date(Date.UTC(year, month, day)).getUTCDay()] !== weekday) return undefined
  const boxNow = Date.UTC(year, month, day, hour, minute, second)
  return Math.abs(boxNow - localNow) <= MAX_CLOCK_SKEW_MS ? boxNow : undefined
}
