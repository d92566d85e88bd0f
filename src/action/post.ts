/**
 * The post step (action.yml `runs.post`, run when the job ends, whatever its result): revokes the
 * tokens the main step minted (client credentials, JWT), the downscoped one included, as
 * actions/create-github-app-token revokes its token. The main step kept them in the runner's state
 * file, masked; OAuth 2.0 keeps none there, since revoking an OAuth token ends its chain.
 *
 * A revocation that fails is a warning, never a failure: the job's result is already decided, and
 * a token left alive expires within the hour anyway.
 *
 * The runner keeps step state in a file on the runner's disk (GITHUB_STATE, then `STATE_*`
 * variables), and no token is written to a file but the Postman environment: the tokens travel
 * sealed with AES-256-GCM under a key that HKDF derives from the app's client secret, which the post
 * step reads from its inputs again. The state alone opens nothing.
 */
import { hkdfSync, randomBytes } from 'node:crypto'
import { openSealed, sealBytes } from '../aead.js'
import { revokeToken } from '../box/revoke.js'
import type { ClientCredentials } from '../box/token-endpoint.js'
import { errorMessage } from '../error-text.js'
import { Redactor } from '../redact.js'
import { retryContext, type Timing } from '../retry.js'
import { redacting, type ActionIO } from './io.js'

/** The state the main step keeps for this step: the tokens to revoke, sealed (`sealRevokeState`). */
export const REVOKE_STATE = 'revoke-tokens'
const STATE_PREFIX = 'box-revoke-v1'
const SALT_BYTES = 16

/** The tokens to revoke, sealed with a key from the client secret; a fresh salt and nonce each time. */
export function sealRevokeState(tokens: readonly string[], clientSecret: string): string {
  const salt = randomBytes(SALT_BYTES)
  const { nonce, sealed } = sealBytes(stateKey(clientSecret, salt), Buffer.from(JSON.stringify(tokens)), AAD)
  return [STATE_PREFIX, salt, nonce, sealed].map((part) => (typeof part === 'string' ? part : encode(part))).join('.')
}

/** The tokens again, or `undefined` when the state was not sealed with this client secret or was changed. */
export function openRevokeState(state: string, clientSecret: string): string[] | undefined {
  const [prefix, salt, nonce, sealed, ...rest] = state.split('.')
  if (prefix !== STATE_PREFIX || rest.length > 0 || !salt || !nonce || !sealed) return undefined
  const plaintext = openSealed(stateKey(clientSecret, decode(salt)), decode(nonce), decode(sealed), AAD)
  try {
    const tokens: unknown = plaintext && JSON.parse(plaintext.toString('utf8'))
    return Array.isArray(tokens) && tokens.every((token) => typeof token === 'string') ? tokens : undefined
  } catch {
    return undefined
  }
}

const AAD = Buffer.from(STATE_PREFIX)
const stateKey = (clientSecret: string, salt: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', clientSecret, salt, 'box-token-refresh revoke state v1', 32))
const encode = (bytes: Buffer): string => bytes.toString('base64url')
const decode = (text: string): Buffer => Buffer.from(text, 'base64url')

/** A few quick tries at most: the job is over, and its result must not wait on this. */
const REVOKE_BUDGET_MS = 10_000
const REVOKE_REQUEST_TIMEOUT_MS = 10_000

export interface PostCollaborators {
  io: ActionIO
  fetch: typeof fetch
  timing: Timing
}

export async function revokeAtJobEnd(deps: PostCollaborators): Promise<void> {
  const redactor = new Redactor()
  const io = redacting(deps.io, redactor)
  const state = deps.io.getState(REVOKE_STATE)
  if (state === '') return // nothing was minted, or `revoke: false`
  const credentials = appCredentials(deps.io, redactor)
  const tokens = credentials && openRevokeState(state, credentials.clientSecret)
  if (credentials === undefined || tokens === undefined) {
    io.warning(
      'The tokens of this job could not be revoked: ' +
        (credentials === undefined
          ? "the app's client ID and secret are gone from the inputs"
          : "what the main step kept for this step does not open with the app's client secret") +
        '. Each expires on its own within about an hour.'
    )
    return
  }
  for (const token of tokens) {
    redactor.add(token)
    io.setSecret(token)
  }
  if (tokens.length === 0) return
  const box = {
    fetch: deps.fetch,
    retry: retryContext(deps.timing, REVOKE_BUDGET_MS),
    requestTimeoutMs: REVOKE_REQUEST_TIMEOUT_MS,
    mask: (value: string) => redactor.add(value),
    redactor
  }
  const revoked = await Promise.all(
    tokens.map((token) =>
      revokeToken(credentials, token, box).then(
        () => undefined,
        (error: unknown) => errorMessage(error)
      )
    )
  )
  const failed = revoked.filter((problem): problem is string => problem !== undefined)
  if (failed.length === 0) {
    io.info(
      `Revoked the ${tokens.length === 1 ? 'access token' : `${tokens.length} access tokens`} of this job at Box.`
    )
    return
  }
  io.warning(
    `${failed.length} of the ${tokens.length} access tokens of this job could not be revoked (${failed[0]}); ` +
      'each expires on its own within about an hour.'
  )
}

/** The client ID and secret again (inputs reach the post step as they reached the main step). */
function appCredentials(io: ActionIO, redactor: Redactor): ClientCredentials | undefined {
  const boxApiUrl = (io.getInput('box-api-url') || 'https://api.box.com').replace(/\/+$/, '')
  const jwtConfig = io.getInput('jwt-config')
  let clientId = io.getInput('client-id')
  let clientSecret = io.getInput('client-secret')
  if (jwtConfig !== '') {
    try {
      const settings = (JSON.parse(jwtConfig) as { boxAppSettings?: { clientID?: unknown; clientSecret?: unknown } })
        .boxAppSettings
      clientId = typeof settings?.clientID === 'string' ? settings.clientID : ''
      clientSecret = typeof settings?.clientSecret === 'string' ? settings.clientSecret : ''
    } catch {
      return undefined // the main step refused it; nothing was minted
    }
  }
  redactor.add(clientSecret)
  if (clientSecret !== '') io.setSecret(clientSecret)
  return clientId && clientSecret ? { boxApiUrl, clientId, clientSecret } : undefined
}
