/**
 * Secret targets, through the bundle: a repository (the default), an environment, an organization
 * (its visibility and selected repositories kept), Dependabot's twin of each, and GitHub Enterprise
 * Server. (The repository secret that would shadow an organization secret: targets.flow.test.ts.)
 */
import { runAction, type ActionRun } from '../support/harness.js'
import { createWorld, tokenChainState, REPO, SECRET, type World, leaksOf } from '../support/world.js'

let world: World
afterEach(() => world?.close())

const leaks = (run: ActionRun, allow: { postmanFile?: string } = {}): string[] => leaksOf(world, run, allow)

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
    expect(world.sim.requests.map((r) => r.path)).toContain(
      `/repos/${REPO}/environments/prod%2Feu%20west/secrets/${SECRET}`
    )
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
    world.sim.github.setSecret(orgScope, SECRET, world.refreshToken, {
      visibility: 'selected',
      selectedRepositoryIds: selected
    })
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
    run = await runAction(
      world.inputs({ organization: 'octo-org', 'refresh-token': token, 'secret-name': 'NEW_BOX_TOKEN' }),
      options
    )
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
    world.sim.github.injectFault({
      method: 'PUT',
      pathIncludes: '/dependabot/',
      times: Infinity,
      fault: { kind: 'status', status: 422, message: 'Validation failed' }
    })
    const run = await runAction(
      world.inputs({ organization: 'octo-org', dependabot: 'true', 'retry-timeout-seconds': '2' }),
      fromInfraRepository()
    )
    expect(run.code).toBe(1)
    const newToken = world.sim.box.issued[0].refreshToken
    expect(world.sim.github.getSecret(actions, SECRET)?.plaintext).toBe(newToken)
    const payloads = JSON.parse(run.outputs.recovery)
    expect(payloads).toHaveLength(1)
    expect(payloads[0].path).toBe(`/orgs/octo-org/dependabot/secrets/${SECRET}`)
    expect(payloads[0].body.visibility).toBe('private')
    expect(run.summary).toMatch(/✅ updated[\s\S]*❌ not written/)
    expect(leaks(run)).toEqual([])
    expect(await tokenChainState(world, run.outputs.recovery, dependabot)).toBe(
      'recovery payload restores the new valid token'
    )
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
