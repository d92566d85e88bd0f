/**
 * A minimal Box client for the simulator's own tests: the form posts and API calls a real client
 * makes, over real HTTP, with the answer read whole.
 */
import type { BoxServerApp, Simulator } from './index.js'

export interface BoxReply {
  status: number
  headers: Headers
  /** The JSON body, or the text when it is not JSON ('' when empty). */
  body: unknown
}

async function read(response: Response): Promise<BoxReply> {
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body }
}

/** POST /oauth2/token with these form fields. */
export async function postToken(sim: Simulator, fields: Record<string, string>): Promise<BoxReply> {
  return read(await fetch(`${sim.boxUrl}/oauth2/token`, { method: 'POST', body: new URLSearchParams(fields) }))
}

/** POST /oauth2/revoke with these form fields. */
export async function postRevoke(sim: Simulator, fields: Record<string, string>): Promise<BoxReply> {
  return read(await fetch(`${sim.boxUrl}/oauth2/revoke`, { method: 'POST', body: new URLSearchParams(fields) }))
}

/** An API call with the token as bearer, e.g. `api(sim, token, 'GET', '/2.0/users/me')`. */
export async function api(sim: Simulator, token: string, method: string, path: string): Promise<BoxReply> {
  return read(await fetch(`${sim.boxUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } }))
}

/** The access token of a 200 answer, or a failed expectation with the answer in it. */
export function accessTokenOf(reply: BoxReply): string {
  const token = (reply.body as { access_token?: unknown } | undefined)?.access_token
  if (reply.status !== 200 || typeof token !== 'string')
    throw new Error(`expected a token, got ${reply.status} ${JSON.stringify(reply.body)}`)
  return token
}

/** The form of each grant, to post as is or with fields changed. */
export const grantForm = {
  refresh: (client: { id: string; secret: string }, refreshToken: string): Record<string, string> => ({
    grant_type: 'refresh_token',
    client_id: client.id,
    client_secret: client.secret,
    refresh_token: refreshToken
  }),
  /** As the app's service account unless a subject is given. */
  clientCredentials: (
    app: Pick<BoxServerApp, 'clientId' | 'clientSecret' | 'enterpriseId'>,
    subject: { type: string; id: string } = { type: 'enterprise', id: app.enterpriseId }
  ): Record<string, string> => ({
    grant_type: 'client_credentials',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    box_subject_type: subject.type,
    box_subject_id: subject.id
  }),
  jwt: (app: Pick<BoxServerApp, 'clientId' | 'clientSecret'>, assertion: string): Record<string, string> => ({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion,
    client_id: app.clientId,
    client_secret: app.clientSecret
  }),
  exchange: (subjectToken: string, scope = 'item_preview'): Record<string, string> => ({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: subjectToken,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    scope
  })
}

/** POST /oauth2/token with this form, and the access token of its 200 answer. */
export async function tokenFrom(sim: Simulator, form: Record<string, string>): Promise<string> {
  return accessTokenOf(await postToken(sim, form))
}

/**
 * What a 200 answer of CCG, JWT or token exchange must equal (a jest matcher): an access token of
 * Box's form, Box's lifetime, no refresh token.
 */
export function accessTokenOnly(restrictedTo: unknown[] = []): Record<string, unknown> {
  return {
    access_token: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
    expires_in: 3600,
    token_type: 'bearer',
    restricted_to: restrictedTo,
    issued_token_type: 'urn:ietf:params:oauth:token-type:access_token'
  }
}
