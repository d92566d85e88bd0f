/**
 * The Client Credentials Grant: the app's client ID and secret for an access token that acts as
 * the enterprise's service account or one user (Box: "Client Credentials Grant"). The app must be
 * authorised by an admin of that enterprise. Box answers an access token alone: no refresh token,
 * so nothing to keep and nothing to write back.
 */
import { parseAccessTokenAnswer, type AccessTokenAnswer } from './answer.js'
import type { BoxSubject } from './subject.js'
import { requestToken, type BoxClientDeps, type ClientCredentials, type TokenGrant } from './token-endpoint.js'

export function clientCredentialsGrant(subject: BoxSubject): TokenGrant<AccessTokenAnswer> {
  return {
    form: () => ({ grant_type: 'client_credentials', box_subject_type: subject.type, box_subject_id: subject.id }),
    answer: parseAccessTokenAnswer
  }
}

export function clientCredentialsToken(
  credentials: ClientCredentials,
  subject: BoxSubject,
  deps: BoxClientDeps
): Promise<AccessTokenAnswer> {
  return requestToken(credentials, clientCredentialsGrant(subject), deps)
}
