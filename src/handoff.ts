/**
 * The sealed hand-off: the access token, carried from the job that rotated to later jobs of the
 * same workflow run, as a job output.
 *
 * GitHub drops a job output that holds a masked value, and a second job must not rotate (single-use
 * refresh tokens race), so the rotating job outputs the access token encrypted with AES-256-GCM
 * under a key derived (HKDF-SHA256) from `client-secret` and bound to the repository and the run:
 * only a job holding the client secret can open it, and only in the same run (any attempt of it, so
 * re-running failed jobs works while the token lives). The value holds no masked value, so the
 * runner passes it on.
 *
 * The envelope says in the clear what a person needs to read a failure (which repository and run it
 * belongs to, when the token expires, a check value for the key): all of it is authenticated, so
 * changing any part makes the hand-off fail to open.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { isRepositoryName } from './names.js'

const PREFIX = 'box-handoff-v1'
const INFO = 'box-token-refresh hand-off v1'
/** A hand-off that expires within this margin is refused: the consuming job needs time to use it. */
export const HANDOFF_MARGIN_MS = 60_000

/** What crosses from the rotating job to the others. */
export interface HandoffToken {
  accessToken: string
  /** Epoch ms. */
  expiresAt: number
  /** Seconds, as Box said (clamped), for the `expires-in` output. */
  expiresIn: number
  /** Epoch ms: when the refresh token the rotating job stored expires unless used. */
  refreshTokenExpiresAt: number
}

/** Where a hand-off belongs: one repository, one workflow run (every attempt of it). */
export interface HandoffBinding {
  repository: string
  runId: number
}

interface Envelope {
  /** owner/name */
  repo: string
  run: number
  /** Access token expiry, epoch ms. */
  exp: number
  /** A check value of the key, so a wrong client secret is told apart from a changed hand-off. */
  kid: string
}

type HandoffProblem = 'malformed' | 'other-run' | 'expired' | 'wrong-secret' | 'tampered'

export class HandoffError extends Error {
  constructor(
    readonly problem: HandoffProblem,
    message: string
  ) {
    super(message)
    this.name = 'HandoffError'
  }
}

export function sealHandoff(token: HandoffToken, clientSecret: string, binding: HandoffBinding): string {
  const key = handoffKey(clientSecret, binding)
  const envelope: Envelope = { repo: binding.repository, run: binding.runId, exp: token.expiresAt, kid: keyCheck(key) }
  const header = encode(Buffer.from(JSON.stringify(envelope)))
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.from(`${PREFIX}.${header}`))
  const plaintext = Buffer.from(
    JSON.stringify({ t: token.accessToken, e: token.expiresAt, i: token.expiresIn, r: token.refreshTokenExpiresAt })
  )
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
  return `${PREFIX}.${header}.${encode(nonce)}.${encode(sealed)}`
}

/**
 * Opens a hand-off, or says exactly why it cannot: not a hand-off at all, from another repository
 * or run, expired (and how long ago), not openable with this client secret, or changed on the way.
 */
export function openHandoff(value: string, clientSecret: string, binding: HandoffBinding, now: number): HandoffToken {
  const parts = value.trim().split('.')
  const envelope = parts.length === 4 && parts[0] === PREFIX ? readEnvelope(parts[1]!) : undefined
  if (envelope === undefined) {
    throw new HandoffError(
      'malformed',
      "is not a hand-off: pass the rotating job's `handoff` output as it is, e.g. `${{ needs.rotate.outputs.handoff }}` (that job must list it under `outputs:`)."
    )
  }
  if (envelope.repo !== binding.repository || envelope.run !== binding.runId) {
    throw new HandoffError(
      'other-run',
      `belongs to run ${envelope.run} of ${envelope.repo}, not to this run (${binding.runId} of ${binding.repository}). ` +
        'A hand-off works only in the workflow run whose job made it: let a job of this run rotate first and pass its `handoff` output.'
    )
  }
  if (envelope.exp - HANDOFF_MARGIN_MS <= now) {
    throw new HandoffError(
      'expired',
      `holds an access token that ${envelope.exp <= now ? `expired ${ago(now - envelope.exp)} ago` : 'expires within a minute'} (access tokens live about an hour). ` +
        'The rotating job must run closer to the tests: put it in the same workflow run, just before the jobs that use its hand-off, or re-run the whole workflow.'
    )
  }
  const key = handoffKey(clientSecret, binding)
  if (!sameText(envelope.kid, keyCheck(key))) {
    throw new HandoffError(
      'wrong-secret',
      'does not open with this `client-secret`: pass the same client secret as the rotating job (`${{ secrets.BOX_CLIENT_SECRET }}`), or the hand-off was changed on the way.'
    )
  }
  const token = decrypt(parts, key)
  if (token === undefined) {
    throw new HandoffError(
      'tampered',
      "was changed on the way and cannot be trusted: pass the rotating job's `handoff` output unchanged."
    )
  }
  return token
}

function handoffKey(clientSecret: string, binding: HandoffBinding): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, PREFIX, `${INFO}\n${binding.repository}\n${binding.runId}`, 32))
}

function keyCheck(key: Buffer): string {
  return encode(createHmac('sha256', key).update('key check').digest().subarray(0, 9))
}

function readEnvelope(header: string): Envelope | undefined {
  try {
    const envelope = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Partial<Envelope>
    const { repo, run, exp, kid } = envelope
    // Read before anything is authenticated, and quoted in the error: only a repository name will do.
    if (
      typeof repo !== 'string' ||
      !isRepositoryName(repo) ||
      !Number.isSafeInteger(run) ||
      !Number.isSafeInteger(exp) ||
      typeof kid !== 'string'
    )
      return undefined
    return { repo, run: run as number, exp: exp as number, kid }
  } catch {
    return undefined
  }
}

function decrypt(parts: string[], key: Buffer): HandoffToken | undefined {
  try {
    const nonce = Buffer.from(parts[2]!, 'base64url')
    const sealed = Buffer.from(parts[3]!, 'base64url')
    if (nonce.length !== 12 || sealed.length < 17) return undefined
    const decipher = createDecipheriv('aes-256-gcm', key, nonce)
    decipher.setAAD(Buffer.from(`${PREFIX}.${parts[1]}`))
    decipher.setAuthTag(sealed.subarray(sealed.length - 16))
    const plaintext = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()])
    const { t, e, i, r } = JSON.parse(plaintext.toString('utf8')) as {
      t?: unknown
      e?: unknown
      i?: unknown
      r?: unknown
    }
    if (typeof t !== 'string' || !Number.isSafeInteger(e) || !Number.isSafeInteger(i) || !Number.isSafeInteger(r))
      return undefined
    return { accessToken: t, expiresAt: e as number, expiresIn: i as number, refreshTokenExpiresAt: r as number }
  } catch {
    return undefined
  }
}

const encode = (bytes: Buffer): string => bytes.toString('base64url')

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`
}
