/**
 * The sealed hand-off: the access token, carried from the job that rotated to later jobs of the
 * same workflow run, as a job output.
 *
 * GitHub drops a job output that holds a masked value, and a second job must not rotate (single-use
 * refresh tokens race), so the rotating job outputs the access token encrypted with AES-256-GCM.
 * The runner prints every step's `with:` values in the log, so the envelope is public wherever the
 * run's logs are: its key is a dedicated random secret (`handoff-key`, at least 32 bytes) that only
 * the workflow holds, never the Box client secret, which app collaborators, Postman environments and
 * `.env` files hold too. HKDF-SHA256 derives two keys from it, bound to the repository and the run
 * (any attempt of it, so re-running failed jobs works while the token lives): one encrypts, the
 * other makes the key check value. The value holds no masked value, so the runner passes it on.
 *
 * The envelope says in the clear what a person needs to read a failure (which repository and run it
 * belongs to, when the token expires, the key check value): all of it is authenticated, so
 * changing any part makes the hand-off fail to open.
 */
import { hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { NONCE_BYTES, openSealed, sealBytes } from './aead.js'
import { isRepositoryName } from './names.js'

const VERSION = 2
const PREFIX = `box-handoff-v${VERSION}`
const ENCRYPTION_INFO = 'box-token-refresh hand-off v2 encryption key'
const KEY_CHECK_INFO = 'box-token-refresh hand-off v2 key check'
const KEY_CHECK_BYTES = 12
/** A hand-off that expires within this margin is refused: the consuming job needs time to use it. */
export const HANDOFF_MARGIN_MS = 60_000
/** The least a `handoff-key` may hold: 32 random bytes, as `openssl rand -base64 32` prints them. */
export const HANDOFF_KEY_BYTES = 32
const MAKE_A_KEY =
  'Make one with `openssl rand -base64 32` and store it as a secret, e.g. BOX_HANDOFF_KEY, or let the login command ' +
  'make and store one (`--handoff-key-secret BOX_HANDOFF_KEY`); docs/many-jobs.md.'

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
  /** The key check value, so a wrong `handoff-key` is told apart from a changed hand-off. */
  kid: string
}

type HandoffProblem = 'malformed' | 'other-version' | 'other-run' | 'expired' | 'wrong-key' | 'tampered'

export class HandoffError extends Error {
  constructor(
    readonly problem: HandoffProblem,
    message: string
  ) {
    super(message)
    this.name = 'HandoffError'
  }
}

/**
 * The key as a person stores it, decoded strictly: base64 that decodes to at least 32 bytes and
 * encodes back to exactly what was given. Two spellings are accepted, because key generators print
 * one or the other: the standard alphabet with its `=` padding (`openssl rand -base64 32`,
 * `base64`), and the URL-safe alphabet without padding (`base64url`, Python's
 * `secrets.token_urlsafe(32)`). Anything else (a mixed alphabet, missing or extra padding, stray
 * characters that a lenient decoder would skip) is refused, never guessed at.
 */
export function decodeHandoffKey(text: string): { key: Buffer } | { problem: string } {
  const key = strictBase64(text, 'base64') ?? strictBase64(text, 'base64url')
  if (key === undefined) {
    return {
      problem:
        'is not base64 (standard base64 with its `=` padding, as `openssl rand -base64 32` prints it, or URL-safe ' +
        `base64 without padding). ${MAKE_A_KEY}`
    }
  }
  if (key.length < HANDOFF_KEY_BYTES) {
    return {
      problem:
        `holds ${key.length} bytes; a hand-off key must be at least ${HANDOFF_KEY_BYTES} random bytes. ` + MAKE_A_KEY
    }
  }
  return { key }
}

/** `nonce` is for the test vector only: every real hand-off gets a fresh random one. */
export function sealHandoff(
  token: HandoffToken,
  handoffKey: Buffer,
  binding: HandoffBinding,
  nonce: Buffer = randomBytes(NONCE_BYTES)
): string {
  const keys = deriveKeys(handoffKey, binding)
  const envelope: Envelope = { repo: binding.repository, run: binding.runId, exp: token.expiresAt, kid: keys.check }
  const header = encode(Buffer.from(JSON.stringify(envelope)))
  const plaintext = Buffer.from(
    JSON.stringify({ t: token.accessToken, e: token.expiresAt, i: token.expiresIn, r: token.refreshTokenExpiresAt })
  )
  const { sealed } = sealBytes(keys.encryption, plaintext, Buffer.from(`${PREFIX}.${header}`), nonce)
  return `${PREFIX}.${header}.${encode(nonce)}.${encode(sealed)}`
}

/**
 * Opens a hand-off, or says exactly why it cannot: not a hand-off at all, made by another version
 * of the action, from another repository or run, expired (and how long ago), not openable with
 * this key, or changed on the way.
 */
export function openHandoff(value: string, handoffKey: Buffer, binding: HandoffBinding, now: number): HandoffToken {
  const parts = value.trim().split('.')
  const version = /^box-handoff-v(\d{1,6})$/.exec(parts[0]!)?.[1] // split always gives a first part
  if (version !== undefined && Number(version) !== VERSION) throw otherVersion(Number(version))
  const envelope = parts.length === 4 && parts[0] === PREFIX ? readEnvelope(parts[1]!) : undefined
  if (envelope === undefined) {
    throw new HandoffError(
      'malformed',
      "is not a hand-off: pass the rotating job's `handoff` output as it is, e.g. `${{ needs.rotate.outputs.handoff " +
        '}}` (that job must list it under `outputs:`).'
    )
  }
  if (envelope.repo !== binding.repository || envelope.run !== binding.runId) {
    throw new HandoffError(
      'other-run',
      `belongs to run ${envelope.run} of ${envelope.repo}, not to this run (${binding.runId} of ` +
        `${binding.repository}). ` +
        'A hand-off works only in the workflow run whose job made it: let a job of this run rotate first and pass ' +
        'its `handoff` output.'
    )
  }
  if (envelope.exp - HANDOFF_MARGIN_MS <= now) {
    throw new HandoffError(
      'expired',
      `holds an access token that ` +
        `${envelope.exp <= now ? `expired ${ago(now - envelope.exp)} ago` : 'expires within a minute'} (access ` +
        `tokens live about an hour). ` +
        'The rotating job must run closer to the tests: put it in the same workflow run, just before the jobs that ' +
        'use its hand-off, or re-run the whole workflow.'
    )
  }
  const keys = deriveKeys(handoffKey, binding)
  if (!sameText(envelope.kid, keys.check)) {
    throw new HandoffError(
      'wrong-key',
      'does not open with this `handoff-key`: give this job the same key as the rotating job ' +
        '(e.g. `${{ secrets.BOX_HANDOFF_KEY }}` in both), or the hand-off was changed on the way.'
    )
  }
  const token = decrypt(parts, keys.encryption)
  if (token === undefined) {
    throw new HandoffError(
      'tampered',
      "was changed on the way and cannot be trusted: pass the rotating job's `handoff` output unchanged."
    )
  }
  return token
}

function otherVersion(version: number): HandoffError {
  return new HandoffError(
    'other-version',
    // Stryker disable next-line EqualityOperator: this version itself never comes here
    version < VERSION
      ? `was made by an earlier version of this action (box-handoff-v${version}, sealed with \`client-secret\`), ` +
          'which this version no longer opens: the rotating job must run this version too, with `handoff-key` ' +
          '(the same secret as this job, e.g. `${{ secrets.BOX_HANDOFF_KEY }}`), so that its hand-off is sealed ' +
          'with that key (docs/many-jobs.md).'
      : `was made by a later version of this action (box-handoff-v${version}): ` +
          'use the same version of the action in every job of the workflow.'
  )
}

/** Two keys from one secret, each bound to the run: one encrypts, one makes the key check value. */
function deriveKeys(handoffKey: Buffer, binding: HandoffBinding): { encryption: Buffer; check: string } {
  const derive = (info: string, length: number): Buffer =>
    Buffer.from(hkdfSync('sha256', handoffKey, PREFIX, `${info}\n${binding.repository}\n${binding.runId}`, length))
  return { encryption: derive(ENCRYPTION_INFO, 32), check: encode(derive(KEY_CHECK_INFO, KEY_CHECK_BYTES)) }
}

function readEnvelope(header: string): Envelope | undefined {
  try {
    const bytes = strictBase64(header, 'base64url')
    if (bytes === undefined) return undefined
    const envelope = JSON.parse(bytes.toString('utf8')) as Partial<Envelope>
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
    // a header that is not JSON is no envelope, as one with the wrong fields is not
  }
  return undefined
}

function decrypt(parts: string[], key: Buffer): HandoffToken | undefined {
  const nonce = strictBase64(parts[2]!, 'base64url')
  const sealed = strictBase64(parts[3]!, 'base64url')
  const plaintext = nonce && sealed && openSealed(key, nonce, sealed, Buffer.from(`${PREFIX}.${parts[1]}`))
  if (!plaintext) return undefined
  try {
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
    // not JSON: as unusable as a changed hand-off
  }
  return undefined
}

const encode = (bytes: Buffer): string => bytes.toString('base64url')

/**
 * Node's decoder skips characters outside the alphabet and takes either alphabet for the other;
 * a value counts only if it encodes back to exactly what was given.
 */
function strictBase64(text: string, encoding: 'base64' | 'base64url'): Buffer | undefined {
  const bytes = Buffer.from(text, encoding)
  return text !== '' && bytes.toString(encoding) === text ? bytes : undefined
}

/** Constant time for values of one length; a value of another length is simply not the same. */
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
