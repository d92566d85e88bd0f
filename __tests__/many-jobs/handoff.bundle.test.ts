/**
 * Many jobs, one token, through the bundle: a producing run (the rotating job) and consuming runs
 * (other jobs of the same workflow run) as separate processes with the runner's environment, every
 * way a hand-off is refused, and the leak scan over everything each run left behind.
 */
import { sealHandoff } from '../../src/handoff.js'
import { errorLine, maskedValues, runAction, type ActionRun } from '../support/harness.js'
import { createWorld, HANDOFF_KEY, leaksOf, REPO, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

/** The inputs of a job that takes the hand-off: the hand-off and its key, no other credential. */
const consumerInputs = (handoff: string, extra: Record<string, string> = {}): Record<string, string> => ({
  handoff,
  'handoff-key': HANDOFF_KEY,
  ...extra
})

async function produce(): Promise<ActionRun> {
  const producer = await runAction(world.inputs({ 'postman-environment': 'box.json', 'handoff-key': HANDOFF_KEY }), {
    env: world.env()
  })
  expect(producer.code).toBe(0)
  return producer
}

test('one job rotates and hands off; other jobs of the run open it, in their own processes, without a request', async () => {
  world = await createWorld()
  const producer = await produce()
  const handoff = producer.outputs.handoff!
  expect(handoff).toMatch(/^box-handoff-v2\./)
  // The runner drops a job output that holds a masked value: none may be in the hand-off.
  const masked = maskedValues(producer)
  expect(masked).toContain(HANDOFF_KEY)
  expect(masked.length).toBeGreaterThanOrEqual(6)
  for (const value of masked) expect(handoff).not.toContain(value)
  expect(leaksOf(world, producer, { postmanFile: 'box.json' })).toEqual([])

  const issued = world.sim.box.issued.at(-1)!
  const requests = world.sim.requests.length
  const producerFile = JSON.parse(producer.files[`${producer.workspace}/box.json`]!) as { values: unknown[] }
  // A matrix job, and the same job re-run as attempt 2 ("re-run failed jobs").
  for (const attempt of ['1', '2']) {
    const consumer = await runAction(
      consumerInputs(handoff, { 'postman-environment': 'box.json', 'export-env': 'true' }),
      {
        env: world.env({ GITHUB_RUN_ATTEMPT: attempt })
      }
    )
    expect(consumer.stderr).toBe('')
    expect(consumer.code).toBe(0)
    expect(consumer.outputs).toEqual({
      'secret-updated': 'false',
      'access-token': issued.accessToken,
      'expires-in': producer.outputs['expires-in'],
      'expires-at': producer.outputs['expires-at'],
      'refresh-token-expires-at': producer.outputs['refresh-token-expires-at'],
      'postman-environment': `${consumer.workspace}/box.json`
    })
    expect(consumer.env).toEqual({ BOX_ACCESS_TOKEN: issued.accessToken })
    // Only the key and the token it opened: a consumer job holds no other credential.
    expect(maskedValues(consumer)).toEqual([HANDOFF_KEY, issued.accessToken])
    expect(consumer.stdout).not.toMatch(/^::warning::/m)
    const file = JSON.parse(consumer.files[`${consumer.workspace}/box.json`]!) as { values: unknown[] }
    expect(file.values).toEqual(producerFile.values)
    expect(consumer.summary).toContain("The access token came from the hand-off of this run's rotating job")
    expect(leaksOf(world, consumer, { postmanFile: 'box.json' })).toEqual([])
  }
  expect(world.sim.requests.length).toBe(requests)
  expect(world.sim.box.isAccessTokenValid(issued.accessToken)).toBe(true)
})

describe('a hand-off that cannot be used is refused before anything else, and nothing changes', () => {
  const rows: Array<
    [string, (handoff: string) => { inputs: Record<string, string>; env?: Record<string, string> }, RegExp]
  > = [
    [
      'changed on the way',
      (h) => ({ inputs: consumerInputs(h.slice(0, -2) + (h.endsWith('AA') ? 'BB' : 'AA')) }),
      /`handoff` was changed on the way/
    ],
    [
      'opened with another key',
      (h) => ({ inputs: consumerInputs(h, { 'handoff-key': Buffer.alloc(32, 9).toString('base64') }) }),
      /`handoff` does not open with this `handoff-key`: give this job the same key as the rotating job/
    ],
    [
      'opened with the client secret, as version 1 did',
      (h) => ({ inputs: consumerInputs(h, { 'handoff-key': world.sim.box.client.secret }) }),
      /`handoff-key`: (is not base64|holds \d+ bytes).*openssl rand -base64 32/
    ],
    [
      'made by version 1, sealed with the client secret',
      (h) => ({ inputs: consumerInputs(h.replace(/^box-handoff-v2\./, 'box-handoff-v1.')) }),
      /`handoff` was made by an earlier version of this action \(box-handoff-v1, sealed with `client-secret`\).*the rotating job must run this version too, with `handoff-key`/
    ],
    [
      'from another run',
      (h) => ({ inputs: consumerInputs(h), env: { GITHUB_RUN_ID: '1002' } }),
      /belongs to run 1001 of octo-org\/api-tests, not to this run \(1002/
    ],
    [
      'from another repository',
      (h) => ({ inputs: consumerInputs(h), env: { GITHUB_REPOSITORY: 'octo-org/other' } }),
      /not to this run \(1001 of octo-org\/other\)/
    ],
    [
      'not a hand-off at all',
      () => ({ inputs: consumerInputs('${{ needs.rotate.outputs.handoff }}') }),
      /`handoff` is not a hand-off/
    ],
    [
      'given with a refresh token too',
      (h) => ({ inputs: { ...consumerInputs(h), 'refresh-token': world.refreshToken } }),
      /`refresh-token`: cannot be combined with `handoff`/
    ]
  ]

  test.each(rows)('%s', async (_, make, message) => {
    world = await createWorld()
    const producer = await produce()
    const requests = world.sim.requests.length
    const { inputs, env } = make(producer.outputs.handoff!)
    const consumer = await runAction(inputs, { env: world.env(env) })
    expect(consumer.code).toBe(1)
    expect(errorLine(consumer)).toMatch(message)
    expect(consumer.outputs['access-token']).toBeUndefined()
    expect(world.sim.requests.length).toBe(requests)
    expect(leaksOf(world, consumer)).toEqual([])
  })

  test('expired: says how long ago, and that the rotating job must run closer to the tests', async () => {
    world = await createWorld()
    const expired = sealHandoff(
      {
        accessToken: 'an-access-token-that-expired-0123',
        expiresAt: Date.now() - 25 * 60_000,
        expiresIn: 3600,
        refreshTokenExpiresAt: Date.now() + 59 * 86_400_000
      },
      Buffer.from(HANDOFF_KEY, 'base64'),
      { repository: REPO, runId: 1001 }
    )
    const consumer = await runAction(consumerInputs(expired), { env: world.env() })
    expect(consumer.code).toBe(1)
    expect(errorLine(consumer)).toMatch(/expired 25 minutes ago.*The rotating job must run closer to the tests/)
    expect(consumer.summary).toMatch(/The hand-off could not be opened\. \*\*Nothing was changed\.\*\*/)
    expect(world.sim.requests).toEqual([])
  })
})
