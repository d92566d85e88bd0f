/**
 * The authorization-code grant (the login command): the code Box sent the browser back with, for
 * the first token pair. A code lives 30 seconds and is used once (Box: "Authorization URL").
 */
import { parseTokenAnswer, type TokenPair } from './answer.js'
import { requestToken, type BoxClientDeps, type ClientCredentials } from './token-endpoint.js'

export function exchangeAuthorizationCode(
  credentials: ClientCredentials,
  code: string,
  redirectUri: string,
  deps: BoxClientDeps
): Promise<TokenPair> {
  return requestToken(
    credentials,
    { form: () => ({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }), answer: parseTokenAnswer },
    deps
  )
}
