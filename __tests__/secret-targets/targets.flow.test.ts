/**
 * Secret targets, in process: the repository secret that would shadow an organization secret is
 * refused before Box. (Every target through the bundle: targets.bundle.test.ts.)
 */
import { createWorld, runFlow, tokenChainState, SECRET, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

test('an organization secret shadowed by a repository secret of the same name is refused before Box', async () => {
  world = await createWorld()
  world.sim.github.addOrganization('octo-org')
  world.sim.github.setSecret({ kind: 'organization', org: 'octo-org' }, SECRET, 'organization-copy', {
    visibility: 'all'
  })
  // world's repository secret BOX_REFRESH_TOKEN exists in the workflow's repository (GITHUB_REPOSITORY)
  const { recorded } = await runFlow(world, { organization: 'octo-org' }, { GITHUB_RUN_ID: '1001' })
  expect(recorded.failed).toMatch(
    /repository secret BOX_REFRESH_TOKEN of octo-org\/api-tests exists.*read it instead of the organization secret/
  )
  expect(recorded.failed).toMatch(/removing `organization`/)
  expect(world.sim.requests.filter((r) => r.service === 'box')).toEqual([])
  expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
})
