/**
 * Bad input, in process: every input the action refuses, refused before any request, with a
 * message that names the input and says how to fix it, and nothing used. (The table itself is in
 * ../support/bad-inputs.ts; inputs.unit.test.ts checks readConfig on it directly, and
 * bad-input.bundle.test.ts runs the bundle with several bad inputs at once.)
 */
import { badInputs } from '../support/bad-inputs.js'
import { createWorld, runFlow, tokenChainState, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

test('bad inputs are refused before any request', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world, { 'secret-name': 'GITHUB_X', repository: 'nope' })
  expect(recorded.failed).toMatch(/`secret-name`/)
  expect(recorded.failed).toMatch(/`repository`/)
  expect(world.sim.requests).toHaveLength(0)
  expect(recorded.summary).toMatch(/Nothing was changed/)
})

test.each(badInputs)(
  'bad input `%s` %j: refused before any request, the message names it, the chain is intact',
  async (input, overrides, message) => {
    world = await createWorld()
    const { recorded } = await runFlow(world, overrides)
    expect(recorded.failed).toContain(`\`${input}\``)
    expect(recorded.failed).toMatch(message)
    expect(recorded.failed).toMatch(/refresh token was not used/)
    expect(world.sim.requests).toEqual([])
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  }
)
