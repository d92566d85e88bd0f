/**
 * The refresh grant: a refresh token for a new token pair. Box's refresh tokens live 60 days or
 * one use, whichever comes first, and every refresh returns a new one (Box: "Refresh a token").
 */
import { DAY_MS } from '../time.js'
import { parseTokenAnswer, type TokenPair } from './answer.js'
import { requestToken, type BoxClientDeps, type ClientCredentials, type TokenGrant } from './token-endpoint.js'

export const REFRESH_TOKEN_LIFETIME_DAYS = 60

/** When a refresh token issued at `issuedAt` (epoch ms) expires unless it is used before. */
export function refreshTokenExpiry(issuedAt: number): Date {
  return new Date(issuedAt + REFRESH_TOKEN_LIFETIME_DAYS * DAY_MS)
}

export function refreshGrant(refreshToken: string): TokenGrant<TokenPair> {
  return { form: () => ({ grant_type: 'refresh_token', refresh_token: refreshToken }), answer: parseTokenAnswer }
}

export function refreshTokenPair(
  credentials: ClientCredentials,
  refreshToken: string,
  deps: BoxClientDeps
): Promise<TokenPair> {
  return requestToken(credentials, refreshGrant(refreshToken), deps)
}
