/**
 * The Box-like Postman collection the newman and Postman CLI tests run, and the environments that
 * let its scripts refresh by themselves: the control that shows the action's environment is what
 * stops them, not scripts that never would.
 */
import { join } from 'node:path'
import { REPO_ROOT } from './harness.js'
import type { World } from './world.js'

export const COLLECTION = join(REPO_ROOT, '__tests__', 'fixtures', 'box-like.postman_collection.json')
/** The request of the classic collection ("Box Platform API"), and of the advanced one. */
export const CLASSIC_REQUEST = 'Get current user'
export const ADVANCED_REQUEST = 'Get current user (advanced)'

/** Each collection, with the environment fields that make its scripts refresh on their own. */
export const SELF_REFRESHING: Array<[request: string, why: string, extra: Record<string, unknown>]> = [
  [CLASSIC_REQUEST, 'no expires_at, and the client secret and refresh token present', {}],
  [ADVANCED_REQUEST, 'box_env_type OAUTH with an expired expires_at', { box_env_type: 'OAUTH', expires_at: 0 }]
]

/** An environment that holds what the action's never does: the client secret and a fresh refresh token. */
export function unsafeEnvironment(
  world: World,
  extra: Record<string, unknown>
): {
  name: string
  values: Array<{ key: string; value: unknown; enabled: boolean }>
  _postman_variable_scope: 'environment'
} {
  const values = Object.entries({
    access_token: 'not-a-valid-token',
    client_id: world.sim.box.client.id,
    client_secret: world.sim.box.client.secret,
    refresh_token: world.sim.box.issueRefreshToken(),
    ...extra
  }).map(([key, value]) => ({ key, value, enabled: true }))
  return { name: 'unsafe', values, _postman_variable_scope: 'environment' }
}

/** POST /oauth2/token requests Box has seen so far. */
export const tokenRequests = (world: World): number =>
  world.sim.requests.filter((r) => r.service === 'box' && r.path === '/oauth2/token').length
