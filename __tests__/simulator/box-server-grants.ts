/**
 * The grants of Box's server authentication, which answer an access token and no refresh token:
 * client credentials (developer.box.com guides/authentication/client-credentials).
 */
import { accessTokenAnswer, type GrantOutcome } from './box-answers.js'
import type { BoxDirectory, BoxSubject } from './box-directory.js'
import {
  APP_NOT_AUTHORIZED,
  GRANT_CREDENTIALS_INVALID,
  INVALID_CLIENT,
  INVALID_REQUEST,
  type Refusal
} from './box-errors.js'
import type { BoxGrant, TokenLedger } from './box-tokens.js'

/** What the grants read and write. */
export interface GrantContext {
  directory: BoxDirectory
  ledger: TokenLedger
  /** `expires_in` of the tokens issued now. */
  expiresIn: number
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
