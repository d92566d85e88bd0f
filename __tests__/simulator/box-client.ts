/**
 * A minimal Box client for the simulator's own tests: the form posts and API calls a real client
 * makes, over real HTTP, with the answer read whole.
 */
import type { Simulator } from './index.js'

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
