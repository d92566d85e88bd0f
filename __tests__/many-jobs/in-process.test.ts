/**
 * The hand-off in process (main.run() against the simulator), for the flow's own branches: the
 * rotating run seals it, a run with `handoff` opens it without a request, and what either does when
 * the runner gives no run to bind it to.
 */
import { createWorld, runFlow, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

test('a rotation hands off, and a run with the hand-off gives the same outputs without a request', async () => {
  world = await createWorld()
  const producer = await runFlow(world, {}, { GITHUB_RUN_ID: '4242' })
  const handoff = producer.recorded.outputs.handoff!
  expect(handoff).toMatch(/^box-handoff-v1\./)
  const requests = world.sim.requests.length
  const consumer = await runFlow(world, { 'refresh-token': '', 'github-token': '', handoff }, { GITHUB_RUN_ID: '4242' })
  expect(consumer.recorded.failed).toBeUndefined()
  expect(consumer.recorded.outputs['access-token']).toBe(producer.recorded.outputs['access-token'])
  expect(consumer.recorded.outputs['secret-updated']).toBe('false')
  expect(consumer.recorded.masked).toContain(producer.recorded.outputs['access-token'])
  expect(consumer.report.handoff).toBe(true)
  expect(world.sim.requests.length).toBe(requests)
})

test('without a run to bind to: no hand-off is made, and none can be opened', async () => {
  world = await createWorld()
  const producer = await runFlow(world, {}, { GITHUB_RUN_ID: '' })
  expect(producer.recorded.failed).toBeUndefined()
  expect(producer.recorded.outputs.handoff).toBeUndefined()
  const consumer = await runFlow(world, { 'refresh-token': '', handoff: 'box-handoff-v1.x.y.z' }, { GITHUB_RUN_ID: '' })
  expect(consumer.recorded.failed).toMatch(/`handoff`: needs the runner's GITHUB_REPOSITORY and GITHUB_RUN_ID/)
})

test('a run with a hand-off that cannot be opened says why, and writes the summary', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(
    world,
    { 'refresh-token': '', handoff: 'not-a-handoff' },
    { GITHUB_RUN_ID: '4242' }
  )
  expect(recorded.failed).toMatch(/`handoff` is not a hand-off/)
  expect(recorded.summary).toMatch(/The hand-off could not be opened/)
})
