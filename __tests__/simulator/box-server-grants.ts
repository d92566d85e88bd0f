/**
 * The grants of Box's server authentication, which answer an access token and no refresh token:
 * client credentials (developer.box.com guides/authentication/client-credentials) and JWT
 * (guides/authentication/jwt/without-sdk).
 */
import { accessTokenAnswer, type GrantOutcome } from './box-answers.js'
import type { BoxDirectory, BoxSubject } from './box-directory.js'
import {
  APP_NOT_AUTHORIZED,
  BAD_SIGNATURE,
  CHECK_JTI,
  CHECK_SUB,
  checkClaim,
  EXP_PASSED,
  EXP_TOO_FAR,
  GRANT_CREDENTIALS_INVALID,
  INVALID_CLIENT,
  INVALID_REQUEST,
  MALFORMED_ASSERTION,
  UNKNOWN_KID,
  type Refusal
} from './box-errors.js'
import type { BoxGrant, TokenLedger } from './box-tokens.js'
import { decodeJwt, JWT_AUDIENCE, verifyJwt } from './jwt.js'

/** What the grants read and write. */
export interface GrantContext {
  directory: BoxDirectory
  ledger: TokenLedger
  /** `expires_in` of the tokens issued now. */
  expiresIn: number
  /** Box's clock, epoch ms. */
  now: () => number
  /** Box's replay cache: every `jti` it has seen, per client (`<client id> <jti>`). */
  usedJtis: Set<string>
}

/**
 * `grant_type=client_credentials` with `client_id`, `client_secret`, `box_subject_type`
 * (`enterprise`: the app's service account; `user`: a user of the enterprise) and `box_subject_id`.
 */
export function grantClientCredentials(form: URLSearchParams, ctx: GrantContext): GrantOutcome {
  const [clientId, clientSecret, type, id] = requiredFields(
    form,
    'client_id',
    'client_secret',
    'box_subject_type',
    'box_subject_id'
  )
  if (clientId === undefined || clientSecret === undefined || type === undefined || id === undefined)
    return INVALID_REQUEST
  if (type !== 'enterprise' && type !== 'user') return INVALID_REQUEST
  if (!ctx.directory.hasClient(clientId)) return INVALID_CLIENT
  // "the client ID and client secret passed are incorrect or are not for the same application"
  if (!ctx.directory.isClient(clientId, clientSecret)) return GRANT_CREDENTIALS_INVALID
  return issueForSubject(ctx, clientId, 'client_credentials', { type, id }, GRANT_CREDENTIALS_INVALID)
}

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` with `assertion`, `client_id` and
 * `client_secret`. The assertion is checked as Box checks it: header `alg` RS256/RS384/RS512 and
 * `kid` one of the app's public keys, the signature, then the claims `iss`, `aud`, `jti` (16–128
 * characters, never seen before), the time claims against Box's clock with no skew allowed, and the
 * subject (`box_sub_type`, `sub`).
 */
export function grantJwtBearer(form: URLSearchParams, ctx: GrantContext): GrantOutcome {
  const [assertion, clientId, clientSecret] = requiredFields(form, 'assertion', 'client_id', 'client_secret')
  if (assertion === undefined || clientId === undefined || clientSecret === undefined) return INVALID_REQUEST
  if (!ctx.directory.isClient(clientId, clientSecret)) return INVALID_CLIENT
  const jwt = decodeJwt(assertion)
  if (!jwt) return MALFORMED_ASSERTION
  const key = typeof jwt.header.kid === 'string' ? ctx.directory.publicKey(clientId, jwt.header.kid) : undefined
  if (!key) return UNKNOWN_KID
  if (!verifyJwt(jwt, key)) return BAD_SIGNATURE

  const { claims } = jwt
  if (claims.iss !== clientId) return checkClaim('iss')
  if (!(claims.aud === JWT_AUDIENCE || (Array.isArray(claims.aud) && claims.aud.includes(JWT_AUDIENCE))))
    return checkClaim('aud')
  const jti = claims.jti
  if (typeof jti !== 'string' || jti.length < 16 || jti.length > 128) return CHECK_JTI
  // A signed assertion's jti is spent whatever follows: Box's SDKs sign a new one for every retry
  // "otherwise it might already be in the replay prevention cache" (box-java-sdk#519).
  const replayKey = `${clientId} ${jti}`
  if (ctx.usedJtis.has(replayKey)) return CHECK_JTI
  ctx.usedJtis.add(replayKey)
  const timeRefusal = checkTimes(claims, ctx.now() / 1000)
  if (timeRefusal) return timeRefusal

  const type = claims.box_sub_type
  if (type !== 'enterprise' && type !== 'user') return checkClaim('box_sub_type')
  if (typeof claims.sub !== 'string' || claims.sub === '') return CHECK_SUB
  return issueForSubject(ctx, clientId, 'jwt-bearer', { type, id: claims.sub }, CHECK_SUB)
}

/**
 * `exp` after Box's now and at most 60 s after the issue time (`iat`, or now); `iat` and `nbf`,
 * which are optional, not after now ("The token cannot be used before this time"). Box allows no
 * clock skew (box-node-sdk#96), so neither does this.
 */
function checkTimes(claims: Record<string, unknown>, nowSeconds: number): Refusal | undefined {
  const { exp, iat, nbf } = claims
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return checkClaim('exp')
  if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds)) return checkClaim('iat')
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) return checkClaim('nbf')
  if (exp <= nowSeconds) return EXP_PASSED
  if (exp - ((iat as number | undefined) ?? nowSeconds) > 60) return EXP_TOO_FAR
  return undefined
}

/**
 * What CCG and JWT share: the subject must be one Box knows, an admin of its enterprise must have
 * authorized the app, and a user needs "Generate User Access Tokens" ("A CCG app with App Access
 * Only can send in the box_subject_type of enterprise … but it can't authenticate as a managed
 * user or an admin"). `refused` is how the grant names a subject it may not use.
 */
export function issueForSubject(
  ctx: GrantContext,
  clientId: string,
  grant: BoxGrant,
  subject: BoxSubject,
  refused: Refusal
): GrantOutcome {
  const resolved = ctx.directory.resolveSubject(subject)
  if (!resolved) return refused
  if (!ctx.directory.isAuthorized(clientId, resolved.enterpriseId)) return APP_NOT_AUTHORIZED
  const app = ctx.directory.appSettings(clientId)
  if (subject.type === 'user' && !app.userAccessTokens) return refused
  const token = ctx.ledger.issue(
    { grant, clientId, subject, userId: resolved.userId, scopes: [...app.scopes] },
    ctx.expiresIn
  )
  return { status: 200, body: accessTokenAnswer(token) }
}

/** Each named field, or undefined where it is missing or empty. */
export function requiredFields(form: URLSearchParams, ...names: string[]): Array<string | undefined> {
  return names.map((name) => form.get(name) || undefined)
}
