/**
 * What Box's token and revoke endpoints answer when they refuse: the OAuth2Error schema of
 * box/box-openapi, `{"error", "error_description"}`, with the texts Box sends where they are known
 * (each cites where it was seen). Where Box documents no text, the simulator answers the error
 * code RFC 6749 §5.2 or RFC 8693 §2.2.2 prescribes, with a description of its own, and says so.
 */

export interface OAuth2Error {
  error: string
  error_description: string
}

/** A refusal with its status: 400 unless noted. */
export interface Refusal {
  status: 400 | 401
  body: OAuth2Error
}

const refusal = (error: string, description: string, status: Refusal['status'] = 400): Refusal => ({
  status,
  body: { error, error_description: description }
})

// ---- every grant --------------------------------------------------------------------------------

/** box-oauth.md ("Refresh", seen in the wild); also for any other missing field. */
export const INVALID_REQUEST = refusal('invalid_request', 'Invalid grant_type parameter or parameter missing')
/** box-oauth.md; developer.box.com common-errors ("The client credentials are invalid."). */
export const INVALID_CLIENT = refusal('invalid_client', 'The client credentials are invalid')

// ---- refresh and authorization code -------------------------------------------------------------

export const INVALID_REFRESH_TOKEN = refusal('invalid_grant', 'Invalid refresh token')
export const EXPIRED_REFRESH_TOKEN = refusal('invalid_grant', 'Refresh token has expired')
export const INVALID_CODE = refusal('invalid_grant', "Auth code doesn't exist or is invalid for the client")
export const EXPIRED_CODE = refusal('invalid_grant', 'The authorization code has expired')

// ---- server authentication (CCG and JWT) --------------------------------------------------------

/**
 * developer.box.com guides/authentication/client-credentials, "Common Errors": a client secret
 * that is not the app's, a subject the app may not use (an unknown one, or a user when the app
 * lacks "Generate User Access Tokens").
 */
export const GRANT_CREDENTIALS_INVALID = refusal('invalid_grant', 'Grant credentials are invalid')
/**
 * developer.box.com common-errors (box/developer.box.com#902), box/boxcli#154: a JWT or CCG app
 * that no admin of the subject's enterprise has authorized.
 */
export const APP_NOT_AUTHORIZED = refusal('unauthorized_client', 'This app is not authorized by the enterprise admin')
