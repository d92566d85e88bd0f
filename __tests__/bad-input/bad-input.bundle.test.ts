/**
 * Bad input, through the bundle: a run with several bad inputs at once exits 1 before any request,
 * with a message that names each input, and leaks nothing. (Every refusal, in process:
 * bad-input.flow.test.ts.)
 */
import { runAction } from '../support/harness.js'
import { createWorld, leaksOf, tokenChainState, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

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
