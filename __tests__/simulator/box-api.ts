/**
 * The slice of Box's content API that tests and the demo call with the tokens the fake Box issued:
 * GET /2.0/users/me, and GET and DELETE of /2.0/files/<id> and /2.0/folders/<id>. A downscoped
 * token restricted to a resource reaches that item alone (there is no folder tree here, so not its
 * contents either); elsewhere Box answers 403 insufficient_scope (developer.box.com common-errors).
 */
import type { BoxIssuedToken, BoxResource } from './box-tokens.js'
import type { Exchange } from './http.js'

/** Whom GET /2.0/users/me reports for an OAuth token: the user who authorized the app. */
export const OAUTH_USER_ID = '11446498'

/** One DELETE the content API carried out. */
export interface BoxDeletion extends BoxResource {
  /** The token that deleted it. */
  accessToken: string
}

export interface ContentApi {
  /** The valid token a bearer header names, or undefined. */
  validToken(accessToken: string): BoxIssuedToken | undefined
  /** Where DELETEs are recorded. */
  deletions: BoxDeletion[]
}

/** Serves the request if it is one of the API's; false otherwise. */
export function serveContentApi(exchange: Exchange, api: ContentApi): Promise<void> | false {
  if (exchange.path === '/2.0/users/me' && exchange.method === 'GET')
    return withToken(exchange, api, (token) => {
      if (token.resource) return refuseScope(exchange)
      return exchange.respondJson(200, describeUser(token.userId))
    })
  const item = /^\/2\.0\/(files|folders)\/(\d+)$/.exec(exchange.path)
  if (!item || (exchange.method !== 'GET' && exchange.method !== 'DELETE')) return false
  const resource: BoxResource = { type: item[1] === 'files' ? 'file' : 'folder', id: item[2]! }
  return withToken(exchange, api, (token) => {
    if (token.resource && (token.resource.type !== resource.type || token.resource.id !== resource.id))
      return refuseScope(exchange)
    if (exchange.method === 'GET') return exchange.respondJson(200, describeItem(resource))
    if (!token.scopes.includes('item_delete') && !token.scopes.includes('root_readwrite')) return refuseScope(exchange)
    api.deletions.push({ ...resource, accessToken: token.accessToken })
    return exchange.respond(204, {})
  })
}

/** Runs `then` with the request's valid bearer token, or answers 401 as Box does (RFC 6750 §3). */
function withToken(exchange: Exchange, api: ContentApi, then: (token: BoxIssuedToken) => Promise<void>): Promise<void> {
  const header = exchange.header('authorization')
  if (!header) return exchange.respond(401, { 'www-authenticate': 'Bearer realm="Service"' })
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  const token = match ? api.validToken(match[1]!) : undefined
  if (token) return then(token)
  return exchange.respond(401, {
    'www-authenticate':
      'Bearer realm="Service", error="invalid_token", error_description="The access token provided is invalid."'
  })
}

/** 403 for a token whose scopes or resource do not cover the request (RFC 6750 §3.1, Box's client error). */
function refuseScope(exchange: Exchange): Promise<void> {
  const message = 'The request requires higher privileges than provided by the access token.'
  return exchange.respondJson(
    403,
    { type: 'error', status: 403, code: 'insufficient_scope', message },
    { 'www-authenticate': `Bearer realm="Service", error="insufficient_scope", error_description="${message}"` }
  )
}

/** A user (schema User, mini): the OAuth user as before, a made-up name for any other id. */
function describeUser(id: string): Record<string, string> {
  if (id === OAUTH_USER_ID) return { type: 'user', id, name: 'Simulated User', login: 'sim@example.com' }
  return { type: 'user', id, name: `Simulated User ${id}`, login: `user${id}@example.com` }
}

function describeItem(item: BoxResource): Record<string, string> {
  return { type: item.type, id: item.id, name: `${item.type === 'file' ? 'File' : 'Folder'} ${item.id}`, etag: '0' }
}
