/**
 * Box's side of a JWT assertion (developer.box.com guides/authentication/jwt/without-sdk): the
 * compact form taken apart, and its RS256/RS384/RS512 signature checked with node:crypto against
 * the app's public key. What the claims must say is the grant's business (box-server-grants.ts).
 */
import { verify, type KeyObject } from 'node:crypto'

/** `aud` of every assertion: Box's token endpoint, whatever host the request goes to. */
export const JWT_AUDIENCE = 'https://api.box.com/oauth2/token'

/** The algorithms Box accepts, with their hash (RSASSA-PKCS1-v1_5, RFC 7518 §3.3). */
export const JWT_ALGORITHMS = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' } as const
export type JwtAlgorithm = keyof typeof JWT_ALGORITHMS

export interface DecodedJwt {
  header: Record<string, unknown> & { alg: JwtAlgorithm }
  claims: Record<string, unknown>
  /** `<header>.<payload>` as sent: what the signature covers. */
  signingInput: string
  signature: Buffer
}

const BASE64URL = /^[A-Za-z0-9_-]*$/

/** The assertion's parts, or undefined when it is not a compact JWS with an RS algorithm and JSON objects. */
export function decodeJwt(assertion: string): DecodedJwt | undefined {
  const parts = assertion.split('.')
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined
  const [header, claims] = [jsonObject(parts[0]!), jsonObject(parts[1]!)]
  if (!header || !claims || !Object.hasOwn(JWT_ALGORITHMS, String(header.alg))) return undefined
  return {
    header: header as DecodedJwt['header'],
    claims,
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2]!, 'base64url')
  }
}

/** Whether the signature was made by the private key of `publicKey`. */
export function verifyJwt(jwt: DecodedJwt, publicKey: KeyObject): boolean {
  try {
    return verify(JWT_ALGORITHMS[jwt.header.alg], Buffer.from(jwt.signingInput), publicKey, jwt.signature)
  } catch {
    return false // a key of another type, say
  }
}

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
