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

// ---- JWT assertions (box SDK issues and Box support articles, as cited) --------------------------

/** Not seen from Box: the assertion is not three base64url parts of JSON, or its `alg` is not RS256/384/512. */
export const MALFORMED_ASSERTION = refusal(
  'invalid_grant',
  'The assertion is not a JWT signed with RS256, RS384 or RS512'
)
/** rapltech/box-sdk#37: a `kid` that names no public key of the app. */
export const UNKNOWN_KID = refusal('invalid_grant', '"kid" invalid, unable to lookup correct key')
/** Box support community post 4405236195987: the signature does not verify with the key `kid` names. */
export const BAD_SIGNATURE = refusal(
  'invalid_grant',
  'Signature verification error. The public key identified by "kid" must correspond to the private key used for signing.'
)
/** box-node-sdk#138, box-java-sdk#475: a `jti` already seen (Box keeps a replay cache), or not 16–128 characters. */
export const CHECK_JTI = refusal('invalid_grant', "Please check the 'jti' claim.")
/** box-windows-sdk-v2#265, developer.box.com common-errors: `exp` not after Box's now (no clock skew allowed). */
export const EXP_PASSED = refusal(
  'invalid_grant',
  "Current date/time MUST be before the expiration date/time listed in the 'exp' claim"
)
/** cburnette/boxr#69: `exp` more than 60 seconds after Box's now. */
export const EXP_TOO_FAR = refusal(
  'invalid_grant',
  "Please check the 'exp' claim. The 'exp' value exceeds the maximum value of 60 seconds beyond the issue time."
)
/** Box support article 360043691734: `sub` names no enterprise or user of that `box_sub_type` the app may act as. */
export const CHECK_SUB = refusal('invalid_grant', "Please check the 'sub' claim. The 'sub' specified is invalid.")

/** "Please check the '<claim>' claim." in the pattern of the ones above: `iss`, `aud`, `exp`, `iat`, `nbf`, `box_sub_type`. */
export function checkClaim(claim: string): Refusal {
  return refusal('invalid_grant', `Please check the '${claim}' claim.`)
}

// ---- token exchange (downscoping) ----------------------------------------------------------------

/** RFC 8693 §2.2.2 (Box documents no text): the subject_token is unknown, expired or revoked. */
export const INVALID_SUBJECT_TOKEN = refusal('invalid_request', 'The subject_token is invalid, expired or revoked')
/** RFC 8693 §2.2.2: `resource` and `box_shared_link` together (developer.box.com tokens/downscope: not both). */
export const RESOURCE_AND_SHARED_LINK = refusal(
  'invalid_request',
  'The resource and box_shared_link parameters cannot be used together'
)
/** RFC 6749 §5.2 (Box documents no text): a scope that is not one of Box's. */
export const UNKNOWN_SCOPE = refusal('invalid_scope', 'The requested scope is invalid, unknown, or malformed')
/**
 * box-openapi PostOAuth2Token `scope`: "The subject_token will need to have all of these scopes or the
 * call will error with 401 Unauthorized" (the body is RFC 6749's).
 */
export const SCOPE_NOT_HELD = refusal(
  'invalid_scope',
  'The requested scope exceeds the scope granted by the subject_token',
  401
)
/** box-node-sdk#168, box-python-sdk#532: a resource that is not a file or folder the token can reach. */
export const INVALID_RESOURCE = refusal('invalid_resource', 'The target resource is invalid.')

// ---- revoke ----------------------------------------------------------------------------------------

/** RFC 7009 §2.2.1 / RFC 6749 §5.2 (Box documents no text): `client_id`, `client_secret` or `token` missing. */
export const REVOKE_PARAMETER_MISSING = refusal('invalid_request', 'client_id, client_secret and token are required')
/** RFC 7009 §2.1: a token issued to another client is not revoked, and the client is told (Box documents no text). */
export const NOT_YOUR_TOKEN = refusal('unauthorized_client', 'The token was not issued to this client')
