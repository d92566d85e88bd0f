/**
 * The path users take: the bundled action refreshes the token pair and writes a Postman
 * environment, then newman runs a Box-like collection with it against Box (the simulator) over
 * https. The environment must let both the classic and the advanced collection call the API with
 * the access token Box just issued, and give neither of them a way to refresh on its own: a
 * refresh inside newman would use up the refresh token and lose the new one when newman exits.
 */
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import newman, { type NewmanRunOptions, type NewmanRunSummary } from 'newman'
import { makeCertificate, startHttpsFront, type Certificate, type HttpsFront } from '../support/tls.js'
import { createWorld, leaksOf, type World } from '../support/world.js'
import {
  ADVANCED_REQUEST,
  CLASSIC_REQUEST,
  COLLECTION,
  SELF_REFRESHING,
  tokenRequests,
  unsafeEnvironment
} from '../support/box-collections.js'
import { runAction } from '../support/harness.js'

/** newman's Node API; the certificate is trusted as a CA (not `insecure`), so TLS is really verified. */
function runNewman(options: NewmanRunOptions & { sslExtraCaCerts: string }): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(options, (error, summary) => (error ? reject(error) : resolve(summary)))
  })
}

let world: World
let tls: Certificate
let front: HttpsFront

beforeAll(async () => {
  tls = await makeCertificate()
  world = await createWorld()
  front = await startHttpsFront(world.sim.boxUrl, tls)
})

afterAll(async () => {
  await front?.close()
  await world?.close()
  if (tls) await rm(tls.dir, { recursive: true, force: true })
})

beforeEach(() => {
  front.seen.length = 0
})

test('newman calls Box with the access token the action got and never refreshes', async () => {
  const run = await runAction(world.inputs({ 'postman-environment': 'box.postman_environment.json' }), {
    env: world.env(),
    keep: true
  })
  try {
    expect(run.code).toBe(0)
    const issued = world.sim.box.issued.at(-1)!
    expect(run.outputs['access-token']).toBe(issued.accessToken)

    const file = join(run.workspace, 'box.postman_environment.json')
    expect(run.outputs['postman-environment']).toBe(file)
    expect(run.fileModes[file]).toBe(0o600)
    const environment = JSON.parse(run.files[file]!) as {
      values: Array<{ key: string; value: unknown; enabled: boolean }>
      _postman_variable_scope: string
    }
    expect(environment._postman_variable_scope).toBe('environment')
    expect(environment.values.map((v) => v.key).sort()).toEqual(['access_token', 'box_env_type', 'expires_at'])
    const value = (key: string): unknown => environment.values.find((v) => v.key === key)?.value
    expect(value('access_token')).toBe(issued.accessToken)
    expect(value('box_env_type')).toBe('BEARER')
    expect(typeof value('expires_at')).toBe('number')
    expect(value('expires_at') as number).toBeGreaterThan(Date.now() + 50 * 60_000)
    // No refresh token (old or new), client secret or GitHub token anywhere, the file included.
    expect(leaksOf(world, run, { postmanFile: file })).toEqual([])

    const before = tokenRequests(world)
    const summary = await runNewman({
      collection: COLLECTION,
      environment: file,
      // The same selection by request name as the README's walk-through (`--folder "Get current user"`).
      folder: [CLASSIC_REQUEST, ADVANCED_REQUEST],
      envVar: [{ key: 'api.box.com', value: front.host }],
      sslExtraCaCerts: tls.certFile,
      timeoutRequest: 10_000
    })

    expect(summary.run.failures.map((f) => `${f.source?.name ?? '?'}: ${f.error.message}`)).toEqual([])
    expect(summary.run.executions.map((e) => [e.item.name, e.response?.code])).toEqual([
      [CLASSIC_REQUEST, 200],
      [ADVANCED_REQUEST, 200]
    ])
    expect(front.seen).toEqual([
      { method: 'GET', path: '/2.0/users/me', authorization: `Bearer ${issued.accessToken}` },
      { method: 'GET', path: '/2.0/users/me', authorization: `Bearer ${issued.accessToken}` }
    ])
    expect(tokenRequests(world)).toBe(before)
    expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
  } finally {
    await rm(dirname(run.workspace), { recursive: true, force: true })
  }
})

// The control: the collection's scripts do refresh when an environment lets them, so the test
// above passing means the action's environment prevented it, not that the scripts never would.
test.each(SELF_REFRESHING)('control: %s refreshes by itself given %s', async (request, _why, extra) => {
  const environment = unsafeEnvironment(world, extra)
  const refreshToken = String(environment.values.find((v) => v.key === 'refresh_token')!.value)
  const before = tokenRequests(world)
  const summary = await runNewman({
    collection: COLLECTION,
    environment: environment as unknown as NewmanRunOptions['environment'],
    folder: request,
    envVar: [{ key: 'api.box.com', value: front.host }],
    sslExtraCaCerts: tls.certFile,
    timeoutRequest: 10_000
  })

  expect(summary.run.failures.map((f) => f.error.message)).toEqual([])
  expect(front.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/token', 'GET /2.0/users/me'])
  expect(tokenRequests(world)).toBe(before + 1)
  expect(world.sim.box.isRefreshTokenValid(refreshToken)).toBe(false) // used up inside newman
  expect(front.seen[1]!.authorization).toBe(`Bearer ${world.sim.box.issued.at(-1)!.accessToken}`)
})
