/**
 * The 200 bodies of POST /oauth2/token (schema AccessToken of box/box-openapi), and what a grant
 * comes to: an answer, or a refusal.
 */
import type { Refusal } from './box-errors.js'
import type { BoxIssuedToken } from './box-tokens.js'

/** The refresh and authorization-code grants: a pair. */
export interface BoxTokenAnswer {
  access_token: string
  expires_in: number
  token_type: 'bearer'
  restricted_to: []
  refresh_token: string
}

/**
 * Client credentials, JWT and token exchange: an access token only, "No refresh token is issued"
 * (developer.box.com guides/authentication/tokens/access-tokens, "Server authentication";
 * tokens/downscope: "A downscoped token does not include a refresh token").
 */
export interface BoxAccessTokenAnswer {
  access_token: string
  expires_in: number
  token_type: 'bearer'
  restricted_to: BoxRestriction[]
  issued_token_type: 'urn:ietf:params:oauth:token-type:access_token'
}

/** One entry of `restricted_to` (schema ResourceScope): a scope on a file or folder. */
export interface BoxRestriction {
  scope: string
  object: { type: 'file' | 'folder'; id: string; sequence_id: string; etag: string; name: string }
}

export type GrantOutcome = { status: 200; body: BoxTokenAnswer | BoxAccessTokenAnswer } | Refusal

export function pairAnswer(token: BoxIssuedToken & { refreshToken: string }): BoxTokenAnswer {
  return {
    access_token: token.accessToken,
    expires_in: token.expiresIn,
    token_type: 'bearer',
    restricted_to: [],
    refresh_token: token.refreshToken
  }
}

export function accessTokenAnswer(token: BoxIssuedToken, restrictedTo: BoxRestriction[] = []): BoxAccessTokenAnswer {
  return {
    access_token: token.accessToken,
    expires_in: token.expiresIn,
    token_type: 'bearer',
    restricted_to: restrictedTo,
    issued_token_type: 'urn:ietf:params:oauth:token-type:access_token'
  }
}
