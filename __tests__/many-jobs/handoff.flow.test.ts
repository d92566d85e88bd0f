/**
 * The hand-off in process (main.run() against the simulator), for the flow's own branches: the
 * rotating run seals it when it has `handoff-key`, a run with `handoff` and `handoff-key` alone
 * opens it without a request, what a consumer is told about inputs it should not have, and what
 * either does when the runner gives no run to bind it to.
 */
import { createWorld, HANDOFF_KEY, runFlow, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

/** A consumer job's inputs exactly: every input of a normal run blanked, then these. */
const only = (inputs: Record<string, string>): Record<string, string> => ({
  ...Object.fromEntries(Object.keys(world.inputs()).map((name) => [name, ''])),
  ...inputs
})

test('a rotation with handoff-key hands off; a run with only handoff and handoff-key gives the same outputs without a request', async () => {
  world = await createWorld()
  const producer = await runFlow(world, { 'handoff-key': HANDOFF_KEY }, { GITHUB_RUN_ID: '4242' })
  expect(producer.recorded.failed).toBeUndefined()
  const handoff = producer.recorded.outputs.handoff!
  expect(handoff).toMatch(/^box-handoff-v2\./)
  // The key is a credential: masked before anything else is printed, like the others.
  expect(producer.recorded.masked).toContain(HANDOFF_KEY)
  const requests = world.sim.requests.length

  const consumer = await runFlow(world, only({ handoff, 'handoff-key': HANDOFF_KEY }), { GITHUB_RUN_ID: '4242' })
  expect(consumer.recorded.failed).toBeUndefined()
  expect(consumer.recorded.log.filter((l) => l.kind === 'warning')).toEqual([])
  expect(consumer.recorded.outputs['access-token']).toBe(producer.recorded.outputs['access-token'])
  expect(consumer.recorded.outputs['secret-updated']).toBe('false')
  expect(consumer.recorded.log[0]).toEqual({ kind: 'add-mask', text: HANDOFF_KEY })
  expect(consumer.recorded.masked).toEqual([HANDOFF_KEY, producer.recorded.outputs['access-token']])
  expect(consumer.report.handoff).toBe(true)
  expect(world.sim.requests.length).toBe(requests)
})

test('without handoff-key the rotation makes no hand-off', async () => {
  world = await createWorld()
  const producer = await runFlow(world, {}, { GITHUB_RUN_ID: '4242' })
  expect(producer.recorded.failed).toBeUndefined()
  expect(producer.recorded.outputs['access-token']).toBeDefined()
  expect(producer.recorded.outputs.handoff).toBeUndefined()
})

test('a consumer whose rotating job made no hand-off is told why, not that its refresh token is missing', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world, only({ handoff: '', 'handoff-key': HANDOFF_KEY }), {
    GITHUB_RUN_ID: '4242'
  })
  expect(recorded.failed).toMatch(
    /`handoff`: is empty, so there is no access token to take: the rotating job outputs `handoff` only when it is given `handoff-key` too/
  )
  expect(recorded.failed).not.toMatch(/refresh-token|github-token|client-id|client-secret/)
  expect(world.sim.requests).toEqual([])
})

test('a rotating job with handoff-key and an empty refresh token still hears about its refresh token', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world, { 'handoff-key': HANDOFF_KEY, 'refresh-token': '' })
  expect(recorded.failed).toMatch(/`refresh-token`: is empty\. .*passes? `handoff` and `handoff-key` instead/)
  expect(recorded.failed).not.toMatch(/- `handoff`/)
  expect(world.sim.requests).toEqual([])
})

test('a consumer given credentials it does not use opens the hand-off and is told it can drop them', async () => {
  world = await createWorld()
  const producer = await runFlow(world, { 'handoff-key': HANDOFF_KEY }, { GITHUB_RUN_ID: '4242' })
  const handoff = producer.recorded.outputs.handoff!
  const consumer = await runFlow(
    world,
    { 'refresh-token': '', handoff, 'handoff-key': HANDOFF_KEY }, // client-id, client-secret, github-token as in a rotating job
    { GITHUB_RUN_ID: '4242' }
  )
  expect(consumer.recorded.failed).toBeUndefined()
  expect(consumer.recorded.outputs['access-token']).toBe(producer.recorded.outputs['access-token'])
  const warning =
    '`client-id`, `client-secret` and `github-token` are not used by a job with `handoff`: it needs only `handoff` and ' +
    '`handoff-key`, and calls neither Box nor GitHub. Remove them from this step, so that the job holds no credential it does not need.'
  expect(consumer.recorded.log.filter((l) => l.kind === 'warning')).toEqual([{ kind: 'warning', text: warning }])
  expect(consumer.report.warnings).toEqual([warning])
  expect(consumer.recorded.summary).toContain('are not used by a job with')

  const one = await runFlow(world, only({ handoff, 'handoff-key': HANDOFF_KEY, 'client-secret': 'some-secret-0123' }), {
    GITHUB_RUN_ID: '4242'
  })
  expect(one.report.warnings).toEqual([
    expect.stringMatching(/^`client-secret` is not used by a job .* Remove it from/)
  ])
})

test.each([
  ['empty', '', /`handoff-key`: is empty\. Pass the same secret as the rotating job/],
  ['too short', Buffer.alloc(16, 1).toString('base64'), /`handoff-key`: holds 16 bytes; .*`openssl rand -base64 32`/],
  ['not base64', 'this-is-not-base64!', /`handoff-key`: is not base64/]
])('a consumer whose handoff-key is %s is refused before anything is opened', async (_, key, message) => {
  world = await createWorld()
  const producer = await runFlow(world, { 'handoff-key': HANDOFF_KEY }, { GITHUB_RUN_ID: '4242' })
  const requests = world.sim.requests.length
  const { recorded } = await runFlow(world, only({ handoff: producer.recorded.outputs.handoff!, 'handoff-key': key }), {
    GITHUB_RUN_ID: '4242'
  })
  expect(recorded.failed).toMatch(message)
  expect(recorded.outputs['access-token']).toBeUndefined()
  expect(world.sim.requests.length).toBe(requests)
})

test('a consumer given a refresh token is refused: two rotations of one token race', async () => {
  world = await createWorld()
  const producer = await runFlow(world, { 'handoff-key': HANDOFF_KEY }, { GITHUB_RUN_ID: '4242' })
  const { recorded } = await runFlow(
    world,
    only({
      handoff: producer.recorded.outputs.handoff!,
      'handoff-key': HANDOFF_KEY,
      'refresh-token': world.refreshToken
    }),
    { GITHUB_RUN_ID: '4242' }
  )
  expect(recorded.failed).toMatch(/`refresh-token`: cannot be combined with `handoff`/)
  expect(recorded.outputs['access-token']).toBeUndefined()
})

test('without a run to bind to: the rotation warns that it made no hand-off, and none can be opened', async () => {
  world = await createWorld()
  const producer = await runFlow(world, { 'handoff-key': HANDOFF_KEY }, { GITHUB_RUN_ID: '' })
  expect(producer.recorded.failed).toBeUndefined()
  expect(producer.recorded.outputs.handoff).toBeUndefined()
  expect(producer.recorded.log).toContainEqual({
    kind: 'warning',
    text: '`handoff-key` is set, but the runner gave no GITHUB_REPOSITORY and GITHUB_RUN_ID to bind a hand-off to, so there is no `handoff` output.'
  })
  const consumer = await runFlow(world, only({ handoff: 'box-handoff-v2.x.y.z', 'handoff-key': HANDOFF_KEY }), {
    GITHUB_RUN_ID: ''
  })
  expect(consumer.recorded.failed).toMatch(/`handoff`: needs the runner's GITHUB_REPOSITORY and GITHUB_RUN_ID/)
})

test('a run with a hand-off that cannot be opened says why, and writes the summary', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world, only({ handoff: 'not-a-handoff', 'handoff-key': HANDOFF_KEY }), {
    GITHUB_RUN_ID: '4242'
  })
  expect(recorded.failed).toMatch(/`handoff` is not a hand-off/)
  expect(recorded.summary).toMatch(/The hand-off could not be opened/)
})
