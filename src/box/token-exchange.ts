/**
 * Token exchange: an access token (from any grant) for a downscoped one that holds only the scopes
 * asked for, and, with `resource`, only one file or folder (Box: "Downscope a token"; RFC 8693).
 * Box's sample sends no client credentials, and answers an access token alone: the child has no
 * refresh token, so a chain is never at stake here.
 */
import { parseAccessTokenAnswer, type AccessTokenAnswer } from './answer.js'
import { requestToken, type BoxClientDeps, type TokenGrant } from './token-endpoint.js'

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token'

export interface Downscope {
  /** Box scopes (scopes.ts), each checked before any request. */
  scopes: string[]
  /** The full API URL of the one file or folder the child may reach; the whole of the parent's reach without. */
  resource?: string
}

export function tokenExchangeGrant(subjectToken: string, downscope: Downscope): TokenGrant<AccessTokenAnswer> {
  return {
    form: () => ({
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: subjectToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      scope: downscope.scopes.join(' '),
      ...(downscope.resource === undefined ? {} : { resource: downscope.resource })
    }),
    clientAuthentication: false,
    answer: parseAccessTokenAnswer
  }
}

export function downscopeToken(
  boxApiUrl: string,
  parent: string,
  downscope: Downscope,
  deps: BoxClientDeps
): Promise<AccessTokenAnswer> {
  // tokenExchangeGrant sets clientAuthentication: false, so requestToken sends neither the client ID
  // nor the secret, and uses them for nothing else: any value here is the same request.
  // Stryker disable next-line StringLiteral: never sent (see above)
  return requestToken({ boxApiUrl, clientId: '', clientSecret: '' }, tokenExchangeGrant(parent, downscope), deps)
}
