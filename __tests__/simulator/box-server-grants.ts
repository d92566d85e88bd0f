/**
 * The grants that answer an access token and no refresh token: Box's server authentication, client
 * credentials (developer.box.com guides/authentication/client-credentials) and JWT
 * (guides/authentication/jwt/without-sdk), and the token exchange that downscopes any token
 * (guides/authentication/tokens/downscope).
 */
import { accessTokenAnswer, type BoxRestriction, type GrantOutcome } from './box-answers.js'
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
  INVALID_RESOURCE,
  INVALID_SUBJECT_TOKEN,
  MALFORMED_ASSERTION,
  RESOURCE_AND_SHARED_LINK,
  SCOPE_NOT_HELD,
  UNKNOWN_KID,
  UNKNOWN_SCOPE,
  type Refusal
} from './box-errors.js'
import { DOCUMENTED_SCOPES, isSharedLink, parseResource } from './box-scopes.js'
import type { BoxGrant, BoxIssuedToken, BoxResource, TokenLedger } from './box-tokens.js'
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
  /** Origins besides https://api.box.com whose `/2.0/files|folders/<id>` a `resource` may name. */
  apiOrigins: readonly string[]
}

const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token'

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
 * `grant_type=urn:ietf:params:oauth:grant-type:token-exchange` with `subject_token` (any valid
 * access token: OAuth, CCG, JWT, or a downscoped one), `subject_token_type` (always the access
 * token URN), `scope` (space-separated Box scopes, each held by the subject token) and optionally
 * `resource` (one file or folder) or `box_shared_link`, not both. No client credentials: Box's
 * sample sends none. The child acts as its parent does, holds only the scopes asked for, and stays
 * within its parent's resource.
 */
export function grantTokenExchange(form: URLSearchParams, ctx: GrantContext): GrantOutcome {
  const [subjectToken, subjectTokenType, scope] = requiredFields(form, 'subject_token', 'subject_token_type', 'scope')
  if (subjectToken === undefined || subjectTokenType !== ACCESS_TOKEN_TYPE || scope === undefined)
    return INVALID_REQUEST
  const [resourceUrl, sharedLink] = requiredFields(form, 'resource', 'box_shared_link')
  if (resourceUrl !== undefined && sharedLink !== undefined) return RESOURCE_AND_SHARED_LINK
  if (!ctx.ledger.isAccessTokenValid(subjectToken)) return INVALID_SUBJECT_TOKEN
  const parent = ctx.ledger.token(subjectToken)!

  // "scope-token *( SP scope-token )" (RFC 6749 §3.3): one space between scopes, none around.
  const scopes = [...new Set(scope.split(' '))]
  if (!scopes.every((s) => DOCUMENTED_SCOPES.includes(s))) return UNKNOWN_SCOPE
  if (!scopes.every((s) => parent.scopes.includes(s))) return SCOPE_NOT_HELD

  const resource = resourceUrl === undefined ? parent.resource : parseResource(resourceUrl, ctx.apiOrigins)
  if (!resource && resourceUrl !== undefined) return INVALID_RESOURCE
  if (parent.resource && !sameResource(parent.resource, resource)) return INVALID_RESOURCE
  if (sharedLink !== undefined && !isSharedLink(sharedLink)) return INVALID_RESOURCE

  const child = ctx.ledger.issue(
    {
      grant: 'token-exchange',
      clientId: parent.clientId,
      ...(parent.subject ? { subject: parent.subject } : {}),
      userId: parent.userId,
      scopes,
      parent: parent.accessToken,
      ...(resource ? { resource } : {}),
      ...((sharedLink ?? parent.sharedLink) ? { sharedLink: sharedLink ?? parent.sharedLink } : {})
    },
    ctx.expiresIn
  )
  return { status: 200, body: accessTokenAnswer(child, restrictions(child)) }
}

/**
 * `restricted_to` of a downscoped token: each scope on its file or folder, in the shape of
 * developer.box.com's sample. Box documents only the answer with a resource; without one (or for a
 * shared link) the simulator answers `[]`.
 */
function restrictions(token: BoxIssuedToken): BoxRestriction[] {
  const item = token.resource
  if (!item) return []
  const name = `${item.type === 'file' ? 'File' : 'Folder'} ${item.id}`
  return token.scopes.map((scope) => ({
    scope,
    object: { type: item.type, id: item.id, sequence_id: '0', etag: '0', name }
  }))
}

function sameResource(a: BoxResource, b: BoxResource | undefined): boolean {
  return b !== undefined && a.type === b.type && a.id === b.id
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
