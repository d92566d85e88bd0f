/**
 * Client credentials and JWT, in process against the simulator: a token minted for the subject,
 * handed out as a rotation hands out its own, nothing written to GitHub, and revoked by the post
 * step when the job ends (unless `revoke: false`); what the post step needs kept sealed in the
 * state; Box's refusals said in words an admin can act on; the faults of the refresh grant, met on
 * these grants too.
 */
import { REVOKE_STATE, openRevokeState } from '../../src/action/post.js'
import { ccgInputs, createWorld, jwtInputs, runFlowWith, runPostFlow, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

const tokenEndpoint = (world: World) => world.sim.requests.filter((r) => r.path === '/oauth2/token')
const githubRequests = (world: World) => world.sim.requests.filter((r) => r.service === 'github')

describe.each([
  ['client credentials', 'client_credentials', (w: World, o: Record<string, string> = {}) => ccgInputs(w, o)],
  ['JWT', 'jwt-bearer', (w: World, o: Record<string, string> = {}) => jwtInputs(w, o)]
] as const)('%s', (how, grant, inputsOf) => {
  beforeEach(async () => {
    world = await createWorld({ ccg: true, jwt: true })
  })

  test('a token for the enterprise, handed out; nothing at GitHub; revoked by the post step', async () => {
    const inputs = inputsOf(world, { 'export-env': 'true' })
    const { recorded } = await runFlowWith(world, inputs)
    expect(recorded.failed).toBeUndefined()
    const issued = world.sim.box.issuedTokens
    expect(issued).toHaveLength(1)
    expect(issued[0]).toMatchObject({ grant, subject: { type: 'enterprise' } })
    const token = issued[0]!.accessToken
    expect(recorded.outputs).toMatchObject({ 'access-token': token, 'secret-updated': 'false' })
    expect(recorded.exported.BOX_ACCESS_TOKEN).toBe(token)
    expect(recorded.masked).toContain(token)
    expect(githubRequests(world)).toEqual([])
    expect(recorded.summary).toContain(`An access token from Box (${how})`)
    expect(recorded.summary).toContain('Revoked when the job ends')

    // The state holds the token sealed: opened only with the app's client secret.
    const state = recorded.state[REVOKE_STATE]!
    expect(state).not.toContain(token)
    const clientSecret = how === 'JWT' ? world.jwt!.clientSecret : world.ccg!.clientSecret
    expect(openRevokeState(state, clientSecret)).toEqual([token])
    expect(openRevokeState(state, `${clientSecret}x`)).toBeUndefined()

    const post = await runPostFlow(inputs, recorded.state)
    expect(post.log.filter((l) => l.kind === 'warning')).toEqual([])
    expect(post.log.map((l) => l.text)).toContain('Revoked the access token of this job at Box.')
    expect(world.sim.box.isRevoked(token)).toBe(true)
    expect(world.sim.box.revocations).toHaveLength(1)
  })

  test('downscoped: the child is handed out, the parent never; the post step revokes both', async () => {
    const folder = `${world.sim.boxUrl}/2.0/folders/42`
    const inputs = inputsOf(world, { scopes: 'item_preview item_download', resource: folder, 'export-env': 'true' })
    const { recorded } = await runFlowWith(world, inputs)
    expect(recorded.failed).toBeUndefined()
    const [parent, child] = world.sim.box.issuedTokens
    expect(world.sim.box.isDownscopedFrom(child!.accessToken, parent!.accessToken)).toBe(true)
    expect(child!.scopes.sort()).toEqual(['item_download', 'item_preview'])
    expect(recorded.outputs['access-token']).toBe(child!.accessToken)
    expect(JSON.stringify([recorded.outputs, recorded.exported, recorded.summary])).not.toContain(parent!.accessToken)
    expect(recorded.masked).toContain(parent!.accessToken)
    expect(recorded.summary).toContain('Downscoped to: item\\_preview, item\\_download on')

    await runPostFlow(inputs, recorded.state)
    expect(world.sim.box.isRevoked(child!.accessToken)).toBe(true)
    expect(world.sim.box.isRevoked(parent!.accessToken)).toBe(true)
  })

  test('`revoke: false`: nothing kept for the post step, nothing revoked', async () => {
    const inputs = inputsOf(world, { revoke: 'false' })
    const { recorded } = await runFlowWith(world, inputs)
    expect(recorded.failed).toBeUndefined()
    expect(recorded.state[REVOKE_STATE]).toBeUndefined()
    expect(recorded.summary).toContain('Not revoked at the end (`revoke: false`)')
    const post = await runPostFlow(inputs, recorded.state)
    expect(post.log).toEqual([])
    expect(world.sim.box.revocations).toEqual([])
  })

  test('a dry run checks the inputs and calls nobody', async () => {
    const { recorded } = await runFlowWith(world, inputsOf(world, { 'dry-run': 'true' }))
    expect(recorded.failed).toBeUndefined()
    expect(world.sim.requests).toEqual([])
    expect(recorded.state[REVOKE_STATE]).toBeUndefined()
  })

  test('an exchange Box refuses (a scope the app lacks) fails the run and hands out nothing; the parent is revoked', async () => {
    const inputs = inputsOf(world, { scopes: 'manage_groups' })
    world.sim.box.configureApp(inputs['client-id'] ?? (how === 'JWT' ? world.jwt!.clientId : ''), {
      scopes: ['root_readonly']
    })
    const { recorded } = await runFlowWith(world, inputs)
    expect(recorded.failed).toMatch(/^Box did not downscope the access token: .*check the app's scopes/)
    expect(recorded.failed).toMatch(/No access token was handed out \(never the full one\)\./)
    expect(recorded.outputs['access-token']).toBeUndefined()
    await runPostFlow(inputs, recorded.state)
    expect(world.sim.box.isRevoked(world.sim.box.issuedTokens[0]!.accessToken)).toBe(true)
  })

  test.each([
    ['5xx', { kind: 'status', status: 503 }],
    ['429 with retry-after', { kind: 'rate-limit', retryAfterSeconds: 7 }],
    ['a hang', { kind: 'hang' }]
  ] as const)('%s once: retried, then a token', async (_, fault) => {
    world.sim.box.injectFault(fault, 1, { grant })
    const { recorded, slept } = await runFlowWith(world, inputsOf(world, { 'request-timeout-seconds': '1' }))
    expect(recorded.failed).toBeUndefined()
    expect(tokenEndpoint(world)).toHaveLength(2)
    if (fault.kind === 'rate-limit') expect(slept).toContain(7000)
    expect(world.sim.box.issuedTokens).toHaveLength(1)
  })

  test('5xx until the retry time runs out: a failure that says nothing is lost, and nothing kept to revoke', async () => {
    world.sim.box.injectFault({ kind: 'status', status: 500 }, Infinity, { grant })
    const { recorded } = await runFlowWith(world, inputsOf(world, { 'retry-timeout-seconds': '5' }))
    expect(recorded.failed).toMatch(/Box answered 500\./)
    expect(recorded.failed).toMatch(/Nothing was changed: this mode keeps no token chain/)
    expect(recorded.state[REVOKE_STATE]).toBeUndefined()
  })
})

describe('Box refusing to mint', () => {
  test('an app no admin authorised: the Admin Console step is named', async () => {
    world = await createWorld({ ccg: { authorized: false } })
    const { recorded } = await runFlowWith(world, ccgInputs(world))
    expect(recorded.failed).toMatch(/Admin Console → Integrations → Platform Apps Manager/)
    expect(recorded.failed).toMatch(/Nothing was changed/)
    expect(recorded.outputs['access-token']).toBeUndefined()
  })

  test('a wrong client secret: the app credentials are named', async () => {
    world = await createWorld({ ccg: true })
    const { recorded } = await runFlowWith(world, ccgInputs(world, { 'client-secret': 'not-the-secret-0123456789' }))
    expect(recorded.failed).toMatch(
      /Check that `client-id` and `client-secret` are your Box app's \(Box answers so to a wrong client secret too\)/
    )
  })

  test('a user token from an app that may not make them: the permission is named', async () => {
    world = await createWorld({ ccg: true })
    const user = world.sim.box.addUser(world.ccg!.enterpriseId)
    const { recorded } = await runFlowWith(
      world,
      ccgInputs(world, { 'box-subject-type': 'user', 'box-subject-id': user })
    )
    expect(recorded.failed).toMatch(/Generate user access tokens/)
  })
})

describe('JWT and the clock', () => {
  test("Box's clock 5 minutes ahead: its refusal of `exp` is met with one assertion signed on its clock", async () => {
    world = await createWorld({ jwt: true })
    world.sim.box.clockOffsetMs = 5 * 60_000
    const { recorded } = await runFlowWith(world, jwtInputs(world))
    expect(recorded.failed).toBeUndefined()
    expect(world.sim.box.grantRequests['jwt-bearer']).toBe(2)
    expect(world.sim.box.issuedTokens).toHaveLength(1)
  })

  test('a JWT as a user of an app that may make user tokens', async () => {
    world = await createWorld({ jwt: { userAccessTokens: true } })
    const user = world.sim.box.addUser(world.jwt!.enterpriseId)
    const { recorded } = await runFlowWith(
      world,
      jwtInputs(world, { 'box-subject-type': 'user', 'box-subject-id': user })
    )
    expect(recorded.failed).toBeUndefined()
    expect(world.sim.box.issuedTokens[0]).toMatchObject({ subject: { type: 'user', id: user }, userId: user })
  })
})

describe('the post step', () => {
  beforeEach(async () => {
    world = await createWorld({ ccg: true })
  })

  test('a revocation Box keeps failing warns; it never fails the job', async () => {
    const inputs = ccgInputs(world)
    const { recorded } = await runFlowWith(world, inputs)
    world.sim.box.injectFault({ kind: 'status', status: 500 }, Infinity, { endpoint: '/oauth2/revoke' })
    const post = await runPostFlow(inputs, recorded.state)
    expect(post.failed).toBeUndefined()
    expect(post.log.find((l) => l.kind === 'warning')?.text).toMatch(
      /^1 of the 1 access tokens of this job could not be revoked \(.*Box answered 500.*\); each expires on its own/
    )
  })

  test('a state that does not open with the client secret (changed, or another app) warns and sends nothing', async () => {
    const inputs = ccgInputs(world)
    const { recorded } = await runFlowWith(world, inputs)
    const requestsBefore = world.sim.requests.length
    const post = await runPostFlow({ ...inputs, 'client-secret': 'another-secret-0123456789' }, recorded.state)
    expect(post.failed).toBeUndefined()
    expect(post.log.find((l) => l.kind === 'warning')?.text).toMatch(/does not open with the app's client secret/)
    expect(world.sim.requests.length).toBe(requestsBefore)
  })

  test('no state (the main step failed before Box answered, or OAuth 2.0): nothing at all', async () => {
    const post = await runPostFlow(ccgInputs(world), {})
    expect(post.log).toEqual([])
    expect(world.sim.requests).toEqual([])
  })
})
