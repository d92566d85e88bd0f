/**
 * The printed recovery command always pastes: for secret targets whose names hold spaces,
 * parentheses, apostrophes and other characters a shell or a URL cares about, the command from the
 * run's error is pasted into bash and must store the new token. The simulator's GitHub listens on a
 * port of its own, as a GitHub Enterprise Server may: the GitHub CLI cannot name such a host, so
 * the command is curl's, run here by the real curl (the `gh api` form is in unit/recovery-and-summary).
 */
import { createWorld, REPO, SECRET, type World } from '../support/world.js'
import { CURL_COMMAND, pasteAll, pasteIntoBash, printedRecoveryCommands } from '../support/paste.js'
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
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::') && line.includes('| curl '))!
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

test('an organization secret with selected repositories on GitHub Enterprise Server on its own port: curl to the full URL keeps the list', async () => {
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
  expect(commands).toHaveLength(1)
  expect(commands[0]).toMatch(CURL_COMMAND)
  expect(commands[0]).not.toMatch(/\bgh api\b/)
  expect(commands[0]).toMatch(
    new RegExp(` ${world.sim.githubApiUrl.replace(/\./g, '\\.')}/orgs/octo-org/actions/secrets/BOX_REFRESH_TOKEN$`)
  )
  expect(world.sim.githubApiUrl).toMatch(/\/api\/v3$/)
  world.sim.github.clearFaults()
  world.sim.github.addToken('person-token', 'write')

  // Without GH_TOKEN, bash stops before curl, saying what to set; nothing is sent.
  const puts = () => world.sim.requests.filter((r) => r.method === 'PUT').length
  const before = puts()
  const unset = await pasteIntoBash(commands[0]!, world.sim, '')
  expect(unset.code).not.toBe(0)
  expect(unset.stderr).toMatch(/GH_TOKEN: set GH_TOKEN to a token that can write the secret/)
  expect(puts()).toBe(before)

  await pasteAll(commands, world.sim, 'person-token')
  const after = world.sim.github.getSecret(scope, SECRET)!
  expect(after.plaintext).toBe(world.sim.box.issued.at(-1)!.refreshToken)
  expect(after.visibility).toBe('selected')
  expect(after.selectedRepositoryIds).toEqual([7001, 7002])
})
