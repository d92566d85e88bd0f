/**
 * Revoking a token at Box (`POST /oauth2/revoke` with the client's ID and secret and the token;
 * Box: "Revoke a token"). For a client-credentials or JWT token it ends that token alone. For an
 * OAuth 2.0 token it ends the access token and the refresh token together (box-node-sdk: "Revoking
 * either one will disable the other as well"), so the action never revokes in that mode, nor the
 * downscoped child of an OAuth token, of which Box documents nothing.
 */
import { postForm, type BoxClientDeps, type ClientCredentials } from './token-endpoint.js'

export async function revokeToken(credentials: ClientCredentials, token: string, deps: BoxClientDeps): Promise<void> {
  const form = (): string =>
    new URLSearchParams({ client_id: credentials.clientId, client_secret: credentials.clientSecret, token }).toString()
  const answer = await postForm(`${credentials.boxApiUrl}/oauth2/revoke`, form, deps)
  await answer.body?.cancel().catch(() => undefined)
}
