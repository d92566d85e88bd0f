/**
 * What Box's Developer Console hands out for a JWT app ("Generate a Public/Private Keypair"
 * downloads it: developer.box.com guides/authentication/jwt/jwt-setup), and a client's assertion,
 * for tests: an RSA key pair whose private key is encrypted PKCS#8 PEM opened by a passphrase, and
 * the JSON config
 *
 *   {"boxAppSettings":{"clientID","clientSecret","appAuth":{"publicKeyID","privateKey","passphrase"}},"enterpriseID"}
 *
 * Signing here is the simulator's own (node:crypto), so the simulator's tests never lean on the
 * action's signer.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { JWT_ALGORITHMS, JWT_AUDIENCE, type JwtAlgorithm } from './jwt.js'
import { randomAlnum } from './random.js'

/** The config file, as the Developer Console downloads it. */
export interface BoxJwtConfig {
  boxAppSettings: {
    clientID: string
    clientSecret: string
    appAuth: { publicKeyID: string; privateKey: string; passphrase: string }
  }
  enterpriseID: string
}

export interface AppKeyPair {
  publicKey: KeyObject
  /** `-----BEGIN ENCRYPTED PRIVATE KEY-----` … (PKCS#8, AES-256-CBC), with a final newline. */
  privateKey: string
  passphrase: string
}

/** A 2048-bit RSA key pair as the Developer Console makes one, with a random 32-hex-digit passphrase. */
export function generateAppKeyPair(passphrase: string = randomBytes(16).toString('hex')): AppKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    publicKey,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string,
    passphrase
  }
}

/** The config's JSON text, indented as the console writes it. */
export function jwtConfigText(config: BoxJwtConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`
}

/** What a client needs to sign for an app. */
export interface AssertionSigner {
  clientId: string
  publicKeyId: string
  privateKey: string
  passphrase: string
}

export interface AssertionOptions {
  /** Default RS256. */
  alg?: JwtAlgorithm | string
  /** Default the signer's public key id. */
  kid?: string
  /** The client's clock, epoch ms; default Date.now(). */
  now?: number
  /** Claims to add or replace; a claim set to undefined is left out. */
  claims?: Record<string, unknown>
}

/**
 * An assertion as Box's guide builds one: `iss` client id, `sub` + `box_sub_type` (default the
 * enterprise given), `aud`, a random 64-character `jti`, `exp` 45 s after `now`, and no `iat`.
 * Signed with the private key under the algorithm the header names (an `alg` Box refuses is signed
 * RS256 all the same, so only the header is wrong).
 */
export function signAssertion(signer: AssertionSigner, subject: string, options: AssertionOptions = {}): string {
  const now = options.now ?? Date.now()
  const alg = options.alg ?? 'RS256'
  const header = { alg, typ: 'JWT', kid: options.kid ?? signer.publicKeyId }
  const claims = withoutUndefined({
    iss: signer.clientId,
    sub: subject,
    box_sub_type: 'enterprise',
    aud: JWT_AUDIENCE,
    jti: randomAlnum(64),
    exp: Math.floor(now / 1000) + 45,
    ...options.claims
  })
  const signingInput = `${base64url(header)}.${base64url(claims)}`
  const hash = JWT_ALGORITHMS[alg as JwtAlgorithm] ?? 'sha256'
  const key = createPrivateKey({ key: signer.privateKey, passphrase: signer.passphrase })
  return `${signingInput}.${sign(hash, Buffer.from(signingInput), key).toString('base64url')}`
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))
}
