/**
 * The printed recovery command always pastes: for secret targets whose names hold spaces,
 * parentheses, apostrophes and other characters a shell or a URL cares about, the command from the
 * run's error is pasted into bash (with a stand-in `gh` that accepts only the exact command) and
 * must store the new token.
 */
import { createWorld, REPO, SECRET, type World } from '../support/world.js'
import { pasteAll, printedRecoveryCommands } from '../support/paste.js'
import { runAction } from '../support/harness.js'

let world: World
afterEach(() => world?.close())

test.each(["prod (eu) 'west'", 'staging & "blue" $HOME `id` ;|<>*?!#~', "it's 100% \\ ready/now"])(
  'environment %p: the command from the error, pasted into bash, stores the new token',
  async (environment) => {
    world = await createWorld()
    world.sim.github.addEnvironment(REPO, environment)
    const scope = { kind: 'environment', repo: REPO, environment } as const
    world.sim.github.setSecret(scope, SECRET, world.refreshToken)
    world.sim.github.refuseSecretWrites()
    const run = await runAction(world.inputs({ environment }), { env: world.env() })
    expect(run.code).toBe(1)
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::') && line.includes('gh api'))!
    const commands = printedRecoveryCommands(error)
    expect(commands).toHaveLength(1)
    world.sim.github.clearFaults()
    world.sim.github.addToken('person-token', 'write')
    await pasteAll(commands, world.sim, 'person-token')
    const issued = world.sim.box.issued.at(-1)!
    expect(world.sim.github.getSecret(scope, SECRET)?.plaintext).toBe(issued.refreshToken)
    expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
  }
)

test('an organization secret with selected repositories on GitHub Enterprise Server: the command keeps the list and names the host', async () => {
  world = await createWorld({ simulator: { githubPathPrefix: '/api/v3' } })
  world.sim.github.addRepository('octo-org/infra')
  const repositories = [
    { id: 7001, full_name: 'octo-org/a' },
    { id: 7002, full_name: 'octo-org/b' }
  ]
  world.sim.github.addOrganization('octo-org', { repositories })
  const scope = { kind: 'organization', org: 'octo-org' } as const
  world.sim.github.setSecret(scope, SECRET, world.refreshToken, {
    visibility: 'selected',
    selectedRepositoryIds: [7001, 7002]
  })
  world.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 502 } })
  const run = await runAction(world.inputs({ organization: 'octo-org', 'retry-timeout-seconds': '1' }), {
    env: world.env({ GITHUB_REPOSITORY: 'octo-org/infra' })
  })
  expect(run.code).toBe(1)
  const commands = printedRecoveryCommands(run.stdout)
  expect(commands[0]).toContain('--hostname 127.0.0.1 /orgs/octo-org/actions/secrets/BOX_REFRESH_TOKEN')
  world.sim.github.clearFaults()
  world.sim.github.addToken('person-token', 'write')
  await pasteAll(commands, world.sim, 'person-token')
  const after = world.sim.github.getSecret(scope, SECRET)!
  expect(after.plaintext).toBe(world.sim.box.issued.at(-1)!.refreshToken)
  expect(after.visibility).toBe('selected')
  expect(after.selectedRepositoryIds).toEqual([7001, 7002])
})
