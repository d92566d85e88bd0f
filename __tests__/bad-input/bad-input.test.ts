/**
 * Bad input: every input the action refuses, refused before any request, with a message that
 * names the input and says how to fix it, and nothing used. In process for the whole table, and
 * through the bundle for a run with several bad inputs at once. (The table itself is in
 * ../support/bad-inputs.ts; inputs.test.ts checks readConfig on it directly.)
 */
import { badInputs } from '../support/bad-inputs.js'
import { runAction } from '../support/harness.js'
import { createWorld, runFlow, tokenChainState, type World, leaksOf } from '../support/world.js'

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

test('bad inputs: exit 1 before any request, the message names each input', async () => {
  world = await createWorld()
  const run = await runAction(
    world.inputs({ 'secret-name': 'github_token', 'box-api-url': 'http://box.example.com', dependabot: 'on' }),
    { env: world.env() }
  )
  expect(run.code).toBe(1)
  expect(run.stdout).toMatch(/::error::3 inputs are not valid/)
  for (const input of ['secret-name', 'box-api-url', 'dependabot']) expect(run.stdout).toContain(`\`${input}\``)
  expect(world.sim.requests).toEqual([])
  expect(leaksOf(world, run)).toEqual([])
  expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
})
