/**
 * Least privilege in OAuth 2.0 mode, in process: the exchange comes after the write-back, so a
 * failed exchange never costs the chain; the downscoped child is what the run hands out, the
 * parent nowhere; and nothing is ever revoked in this mode, whatever `revoke` says.
 */
import { REVOKE_STATE } from '../../src/action/post.js'
import { createWorld, runFlow, runPostFlow, tokenChainState, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

test('with scopes: the secret holds the new refresh token, the child is handed out, the parent nowhere', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world, { scopes: 'item_preview', 'export-env': 'true' })
  expect(recorded.failed).toBeUndefined()
  expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  const parent = world.sim.box.issued.at(-1)!.accessToken
  const child = world.sim.box.issuedTokens.at(-1)!
  expect(child.grant).toBe('token-exchange')
  expect(world.sim.box.isDownscopedFrom(child.accessToken, parent)).toBe(true)
  expect(recorded.outputs['access-token']).toBe(child.accessToken)
  expect(recorded.exported.BOX_ACCESS_TOKEN).toBe(child.accessToken)
  expect(JSON.stringify([recorded.outputs, recorded.exported, recorded.summary])).not.toContain(parent)
  expect(recorded.masked).toContain(parent)
  expect(recorded.summary).toContain('Downscoped to: item\\_preview')
  // The exchange came after the write-back: two token requests (one refresh, one exchange), the PUT between.
  const order = world.sim.requests.map((r) =>
    r.method === 'PUT' ? 'write' : r.path === '/oauth2/token' ? 'token' : ''
  )
  expect(order.filter(Boolean)).toEqual(['token', 'write', 'token'])
  expect(world.sim.box.grantRequests).toMatchObject({ refresh_token: 1, 'token-exchange': 1 })
})

test('an exchange Box refuses fails the run, hands out nothing, and costs nothing: the chain is stored', async () => {
  world = await createWorld()
  world.sim.box.injectFault(
    { kind: 'reply', reply: () => ({ status: 400, body: { error: 'invalid_scope', error_description: 'no' } }) },
    1,
    { grant: 'token-exchange' }
  )
  const { recorded, report } = await runFlow(world, { scopes: 'item_preview' })
  expect(recorded.failed).toMatch(
    /^The refresh token was stored as reported above; Box did not downscope the access token: .*No access token was handed out/
  )
  expect(report.failure).toBeUndefined() // the rotation itself succeeded: its table says so
  expect(report.warnings).toContain(recorded.failed!.replace(/^The refresh token was stored as reported above; /, ''))
  expect(recorded.outputs['access-token']).toBeUndefined()
  expect(recorded.outputs['secret-updated']).toBe('true')
  expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  expect(recorded.summary).toMatch(/\| `BOX_REFRESH_TOKEN` \(repository secret\) \| .* \| ✅ updated \|/)
  expect(recorded.summary).toContain('⚠️ Box did not downscope the access token')
})

test('an exchange that keeps failing (5xx) is retried within the time, then fails the same way, chain kept', async () => {
  world = await createWorld()
  world.sim.box.injectFault({ kind: 'status', status: 502 }, Infinity, { grant: 'token-exchange' })
  const { recorded } = await runFlow(world, { scopes: 'item_preview', 'retry-timeout-seconds': '3' })
  expect(recorded.failed).toMatch(/Box did not downscope the access token: Box answered 502\./)
  expect(world.sim.box.grantRequests['token-exchange']).toBeGreaterThan(1)
  expect(world.sim.box.grantRequests.refresh_token).toBe(1)
  expect(await tokenChainState(world)).toBe('secret holds the new valid token')
})

test('`revoke: true` in OAuth 2.0 mode: a notice says why nothing is revoked, and nothing is', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world, { revoke: 'true' })
  expect(recorded.failed).toBeUndefined()
  const notice = recorded.log.find((l) => l.kind === 'notice')
  expect(notice?.text).toMatch(/`revoke: true` does nothing in OAuth 2\.0 mode: .*would break the token chain/)
  expect(recorded.state[REVOKE_STATE]).toBeUndefined()
  const post = await runPostFlow(world.inputs({ revoke: 'true' }), recorded.state)
  expect(post.log).toEqual([])
  expect(world.sim.box.revocations).toEqual([])
  expect(await tokenChainState(world)).toBe('secret holds the new valid token')
})

test('without `revoke`, no notice', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world)
  expect(recorded.log.filter((l) => l.kind === 'notice')).toEqual([])
})
