/**
 * End to end: `node dist/index.js` spawned as the runner spawns it, against the simulator.
 * Every run ends with a leak scan of everything it left behind.
 */
import net, { type AddressInfo } from 'node:net'
import { createWorld, tokenChainState, REPO, SECRET, WRITE_TOKEN, type World } from '../support/world.js'
import { runAction, scanForLeaks, type ActionRun } from './harness.js'

let world: World
afterEach(() => world?.close())

function leaks(run: ActionRun, extra: { postmanFile?: string } = {}): string[] {
  const issued = world.sim.box.issued.at(-1)
  const secrets: Record<string, string> = { oldRefreshToken: world.refreshToken, clientSecret: world.sim.box.client.secret, githubToken: WRITE_TOKEN }
  if (issued) secrets.newRefreshToken = issued.refreshToken
  return scanForLeaks(run, secrets, { accessToken: issued?.accessToken, ...extra })
}

test('a rotation: the secret decrypts to the token Box issued, outputs are right, nothing leaks', async () => {
  world = await createWorld({ simulator: { boxExpiresIn: 4123 } })
  const run = await runAction(world.inputs({ 'postman-environment': 'postman/box.json', 'export-env': 'true' }), {
    env: world.env(),
    workspaceFiles: { 'postman/.keep': '' }
  })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const issued = world.sim.box.issued[0]
  expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(issued.refreshToken)
  expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
  expect(run.outputs).toMatchObject({
    'access-token': issued.accessToken,
    'expires-in': '4123',
    'secret-updated': 'true',
    'postman-environment': `${run.workspace}/postman/box.json`
  })
  expect(Date.parse(run.outputs['expires-at'])).toBeGreaterThan(Date.now() + 4000_000)
  expect(Date.parse(run.outputs['refresh-token-expires-at'])).toBeGreaterThan(Date.now() + 59 * 86_400_000)
  expect(run.outputs.recovery).toBeUndefined()
  expect(run.env).toEqual({ BOX_ACCESS_TOKEN: issued.accessToken })
  expect(run.fileModes[`${run.workspace}/postman/box.json`]).toBe(0o600)
  expect(run.summary).toContain('✅ updated')
  expect(leaks(run, { postmanFile: 'postman/box.json' })).toEqual([])
})

test('the write-back fails for ever: exit 1, a recovery output that restores the chain, nothing leaks', async () => {
  world = await createWorld()
  world.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 403, message: 'Resource not accessible by personal access token' } })
  const run = await runAction(world.inputs(), { env: world.env() })
  expect(run.code).toBe(1)
  expect(run.stdout).toMatch(/::error::.*gh api --method PUT/)
  expect(run.summary).toMatch(/### Recovery/)
  expect(run.outputs['secret-updated']).toBe('false')
  expect(leaks(run)).toEqual([])
  expect(await tokenChainState(world, run.outputs.recovery)).toBe('recovery payload restores the new valid token')
})

test('bad inputs: exit 1 before any request, the message names each input', async () => {
  world = await createWorld()
  const run = await runAction(world.inputs({ 'secret-name': 'github_token', 'box-api-url': 'http://box.example.com', dependabot: 'on' }), { env: world.env() })
  expect(run.code).toBe(1)
  expect(run.stdout).toMatch(/::error::3 inputs are not valid/)
  for (const input of ['secret-name', 'box-api-url', 'dependabot']) expect(run.stdout).toContain(`\`${input}\``)
  expect(world.sim.requests).toEqual([])
  expect(leaks(run)).toEqual([])
  expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
})

test('dry run: GitHub checked, Box untouched', async () => {
  world = await createWorld()
  const run = await runAction(world.inputs({ 'dry-run': 'true' }), { env: world.env() })
  expect(run.code).toBe(0)
  expect(world.sim.requests.some((r) => r.service === 'box')).toBe(false)
  expect(run.outputs).toEqual({ 'secret-updated': 'false' })
  expect(run.stdout).toMatch(/Dry run: would write the repository secret BOX_REFRESH_TOKEN of octo-org\/api-tests/)
  expect(leaks(run)).toEqual([])
})

/** Organization tests run from a repository with no secret of its own that would shadow the organization's. */
function fromInfraRepository(): { env: Record<string, string> } {
  world.sim.github.addRepository('octo-org/infra')
  return { env: world.env({ GITHUB_REPOSITORY: 'octo-org/infra' }) }
}

describe('secret targets', () => {
  test('environment: writes the environment secret (name URL-encoded), not the repository one', async () => {
    world = await createWorld()
    const environment = 'prod/eu west'
    world.sim.github.addEnvironment(REPO, environment)
    const envScope = { kind: 'environment', repo: REPO, environment } as const
    world.sim.github.setSecret(envScope, SECRET, world.refreshToken)
    world.sim.github.setSecret(world.scope, SECRET, 'repository-level-value')
    const run = await runAction(world.inputs({ environment }), { env: world.env() })
    expect(run.code).toBe(0)
    expect(world.sim.requests.map((r) => r.path)).toContain(`/repos/${REPO}/environments/prod%2Feu%20west/secrets/${SECRET}`)
    expect(world.sim.github.getSecret(envScope, SECRET)?.plaintext).toBe(world.sim.box.issued[0].refreshToken)
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe('repository-level-value')
    expect(run.summary).toContain('(environment secret)')
    expect(leaks(run)).toEqual([])
  })

  test('organization, selected visibility: the repository list survives the rotation', async () => {
    world = await createWorld()
    const repositories = Array.from({ length: 130 }, (_, i) => ({ id: 5000 + i, full_name: `octo-org/repo-${i}` }))
    world.sim.github.addOrganization('octo-org', { repositories })
    const orgScope = { kind: 'organization', org: 'octo-org' } as const
    const selected = repositories.filter((_, i) => i % 1 === 0).map((r) => r.id) // all 130: more than one page
    world.sim.github.setSecret(orgScope, SECRET, world.refreshToken, { visibility: 'selected', selectedRepositoryIds: selected })
    const run = await runAction(world.inputs({ organization: 'octo-org' }), fromInfraRepository())
    expect(run.code).toBe(0)
    const after = world.sim.github.getSecret(orgScope, SECRET)!
    expect(after.plaintext).toBe(world.sim.box.issued[0].refreshToken)
    expect(after.visibility).toBe('selected')
    expect([...after.selectedRepositoryIds!].sort()).toEqual([...selected].sort())
    expect(leaks(run)).toEqual([])
  })

  test('organization, private: visibility kept; a new organization secret is created private, or as organization-visibility says', async () => {
    world = await createWorld()
    world.sim.github.addOrganization('octo-org')
    const orgScope = { kind: 'organization', org: 'octo-org' } as const
    world.sim.github.setSecret(orgScope, SECRET, world.refreshToken, { visibility: 'all' })
    const options = fromInfraRepository()
    let run = await runAction(world.inputs({ organization: 'octo-org', 'organization-visibility': 'private' }), options)
    expect(run.code).toBe(0)
    expect(world.sim.github.getSecret(orgScope, SECRET)?.visibility).toBe('all')

    const token = world.sim.github.getSecret(orgScope, SECRET)!.plaintext
    run = await runAction(world.inputs({ organization: 'octo-org', 'refresh-token': token, 'secret-name': 'NEW_BOX_TOKEN' }), options)
    expect(run.code).toBe(0)
    expect(world.sim.github.getSecret(orgScope, 'NEW_BOX_TOKEN')?.visibility).toBe('private')
    expect(run.summary).toContain('✅ created')
  })

  test('dependabot: the Actions and the Dependabot secret both get the new token, in parallel', async () => {
    world = await createWorld({ simulator: { delayMs: 30 } })
    const dependabotScope = { kind: 'repository', repo: REPO, app: 'dependabot' } as const
    world.sim.github.setSecret(dependabotScope, SECRET, world.refreshToken)
    const run = await runAction(world.inputs({ dependabot: 'true' }), { env: world.env() })
    expect(run.code).toBe(0)
    const newToken = world.sim.box.issued[0].refreshToken
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(newToken)
    expect(world.sim.github.getSecret(dependabotScope, SECRET)?.plaintext).toBe(newToken)
    const puts = world.sim.requests.filter((r) => r.method === 'PUT')
    expect(puts).toHaveLength(2)
    // Both writes were in flight at once.
    expect(puts[1].startedAt).toBeLessThan(puts[0].endedAt!)
    expect(run.summary).toMatch(/\(Dependabot repository secret\)/)
    expect(leaks(run)).toEqual([])
  })

  test('organization + dependabot: one write fails, only that one gets a recovery payload', async () => {
    world = await createWorld()
    world.sim.github.addOrganization('octo-org')
    const actions = { kind: 'organization', org: 'octo-org' } as const
    const dependabot = { kind: 'organization', org: 'octo-org', app: 'dependabot' } as const
    world.sim.github.setSecret(actions, SECRET, world.refreshToken, { visibility: 'private' })
    world.sim.github.injectFault({ method: 'PUT', pathIncludes: '/dependabot/', times: Infinity, fault: { kind: 'status', status: 422, message: 'Validation failed' } })
    const run = await runAction(world.inputs({ organization: 'octo-org', dependabot: 'true', 'retry-timeout-seconds': '2' }), fromInfraRepository())
    expect(run.code).toBe(1)
    const newToken = world.sim.box.issued[0].refreshToken
    expect(world.sim.github.getSecret(actions, SECRET)?.plaintext).toBe(newToken)
    const payloads = JSON.parse(run.outputs.recovery)
    expect(payloads).toHaveLength(1)
    expect(payloads[0].path).toBe(`/orgs/octo-org/dependabot/secrets/${SECRET}`)
    expect(payloads[0].body.visibility).toBe('private')
    expect(run.summary).toMatch(/✅ updated[\s\S]*❌ not written/)
    expect(leaks(run)).toEqual([])
    expect(await tokenChainState(world, run.outputs.recovery, dependabot)).toBe('recovery payload restores the new valid token')
  })

  test('GitHub Enterprise Server: an API base with a path prefix works for every call', async () => {
    world = await createWorld({ simulator: { githubPathPrefix: '/api/v3' } })
    expect(world.sim.githubApiUrl).toMatch(/\/api\/v3$/)
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(0)
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.sim.box.issued[0].refreshToken)
    expect(world.sim.requests.filter((r) => r.service === 'github').length).toBeGreaterThanOrEqual(3)
    expect(leaks(run)).toEqual([])
  })
})

test('the Postman file is replaced atomically and keeps mode 0600 even when it existed with wider bits', async () => {
  world = await createWorld()
  const run = await runAction(world.inputs({ 'postman-environment': 'box.json' }), { env: world.env(), workspaceFiles: { 'box.json': '{"old": true}' } })
  expect(run.code).toBe(0)
  expect(run.fileModes[`${run.workspace}/box.json`]).toBe(0o600)
  expect(JSON.parse(run.files[`${run.workspace}/box.json`]).values).toHaveLength(3)
  // No temporary file is left beside it.
  expect(Object.keys(run.files).filter((f) => f.startsWith(run.workspace))).toEqual([`${run.workspace}/box.json`])
})

describe('Box faults through the bundled fetch', () => {
  test('a hang times out, is retried and succeeds', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'hang' })
    const run = await runAction(world.inputs({ 'request-timeout-seconds': '1' }), { env: world.env() })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Box: Box did not answer within 1 s\.; retrying/)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('an answer dropped after Box used the token is named as such', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'drop-after-consume' })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/The connection to Box failed before its answer arrived/)
    expect(run.stdout).toMatch(/probably processed it and used the token/)
    expect(leaks(run)).toEqual([])
  })

  test('a refused connection is retried within the budget and reported as not used', async () => {
    world = await createWorld()
    // A port that was just free: nothing listens there.
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const run = await runAction(world.inputs({ 'box-api-url': `http://127.0.0.1:${port}`, 'retry-timeout-seconds': '2' }), { env: world.env() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/Could not connect to Box \(ECONNREFUSED\)/)
    expect(run.stdout).toMatch(/The refresh token was not used/)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })
})
