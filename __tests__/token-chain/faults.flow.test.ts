/**
 * The fault matrix: every failure a real run meets, each ending with the one invariant — the token
 * chain can continue without re-authorization (see tokenChainState). Runs main.run() in-process
 * against the simulator over real sockets; backoff waits are skipped by a jumping clock.
 */
import {
  createWorld,
  recordingIO,
  runFlow,
  tokenChainState,
  REPO,
  SECRET,
  WRITE_TOKEN,
  type World
} from '../support/world.js'
import { endlessRepositoryList, repositoryListWithId } from '../support/hostile-lists.js'
import { commandBody, RECOVERY_COMMAND } from '../support/paste.js'

let world: World
afterEach(() => world?.close())

/** Another run, elsewhere, uses the world's refresh token first. */
const refreshElsewhere = (): Promise<{ refresh_token: string }> =>
  fetch(`${world.sim.boxUrl}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: world.refreshToken,
      client_id: world.sim.box.client.id,
      client_secret: world.sim.box.client.secret
    })
  }).then((r) => r.json() as Promise<{ refresh_token: string }>)

const boxRefreshes = () => world.sim.requests.filter((r) => r.service === 'box' && r.path === '/oauth2/token').length

describe('Box faults', () => {
  test('503 then success: retried, secret holds the new token', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'status', status: 503 })
    const { recorded, slept } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    expect(slept).toHaveLength(1)
    expect(recorded.log.some((l) => /Box: Box answered 503; retrying/.test(l.text))).toBe(true)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('429 with retry-after: waits exactly as asked, then succeeds', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'rate-limit', retryAfterSeconds: 7 })
    const { recorded, slept } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    expect(slept).toEqual([7000])
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('Box hangs: the request times out, is retried, and succeeds', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'hang' })
    const { recorded } = await runFlow(world, { 'request-timeout-seconds': '1' })
    expect(recorded.failed).toBeUndefined()
    expect(recorded.log.some((l) => /did not answer within 1 s/.test(l.text))).toBe(true)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('Box hangs for ever: fails within the budget and says the token may have been used', async () => {
    world = await createWorld()
    for (let i = 0; i < 5; i++) world.sim.box.injectFault({ kind: 'hang' })
    const { recorded } = await runFlow(world, { 'request-timeout-seconds': '1', 'retry-timeout-seconds': '2' })
    expect(recorded.failed).toMatch(/may have processed the request/)
    // The simulator's hang does not consume the token, so the chain is intact.
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  test('answer dropped after Box consumed the token, with Box reuse grace: the retry gets the same pair', async () => {
    world = await createWorld({ simulator: { boxReuseGraceMs: 60_000 } })
    world.sim.box.injectFault({ kind: 'drop-after-consume' })
    const { recorded } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.sim.box.issued[0].refreshToken)
  })

  test('answer dropped after Box consumed the token, no grace: the failure names the lost answer and re-authorization', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'drop-after-consume' })
    const { recorded } = await runFlow(world)
    expect(recorded.failed).toMatch(/invalid_grant/)
    expect(recorded.failed).toMatch(/probably processed it and used the token, and its answer was lost/)
    expect(recorded.failed).toMatch(/Re-authorizing/)
    // Box consumed the token and its answer never arrived: no client can hold the chain here.
    // The secret is untouched, so nothing the action did made it worse.
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.refreshToken)
  })

  test('a run queued before another run rotated the secret holds a used token: refused before Box, told to re-run', async () => {
    world = await createWorld()
    // Another run refreshed first and stored its new token, after this run was queued.
    world.sim.github.addRun(REPO, 1001, { createdAt: new Date(Date.now() - 60_000) })
    const winner = await refreshElsewhere()
    world.sim.github.setSecret(world.scope, SECRET, winner.refresh_token, { updatedAt: new Date(Date.now() - 30_000) })
    const attemptsBefore = world.sim.box.refreshAttempts

    const { recorded } = await runFlow(world, {}, { GITHUB_RUN_ID: '1001', GITHUB_RUN_ATTEMPT: '1' })
    expect(recorded.failed).toMatch(/after this run was queued/)
    expect(recorded.failed).toMatch(/re-run the workflow/)
    expect(recorded.failed).toMatch(/environment secret/)
    expect(recorded.failed).toMatch(/did not call Box/)
    expect(world.sim.box.refreshAttempts).toBe(attemptsBefore)
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(winner.refresh_token)
    expect(world.sim.box.isRefreshTokenValid(winner.refresh_token)).toBe(true)
  })

  test('a re-run attempt is judged by its own start time: a rotation before it is not stale', async () => {
    world = await createWorld({ secretUpdatedAt: new Date(Date.now() - 120_000) })
    world.sim.github.addRun(REPO, 1001, {
      createdAt: new Date(Date.now() - 3_600_000),
      runStartedAt: new Date(Date.now() - 60_000),
      runAttempt: 2
    })
    const { recorded } = await runFlow(world, {}, { GITHUB_RUN_ID: '1001', GITHUB_RUN_ATTEMPT: '2' })
    expect(recorded.failed).toBeUndefined()
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('invalid_grant, already used (no run information to tell why): secret untouched, race and re-authorization explained', async () => {
    world = await createWorld()
    await refreshElsewhere()
    const { recorded } = await runFlow(world, {}, { GITHUB_RUN_ID: '' })
    expect(recorded.failed).toMatch(/invalid_grant \(Invalid refresh token\)/)
    expect(recorded.failed).toMatch(/already used/)
    expect(recorded.failed).toMatch(/concurrency:/)
    expect(recorded.failed).toMatch(/Re-authorizing/)
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.refreshToken)
  })

  test('invalid_grant, expired (61 days): the secret is left alone and the message gives its age', async () => {
    world = await createWorld({ secretUpdatedAt: new Date(Date.now() - 61 * 86_400_000) })
    const expired = world.sim.box.issueRefreshToken({ ageDays: 61 })
    world.sim.github.setSecret(world.scope, SECRET, expired, { updatedAt: new Date(Date.now() - 61 * 86_400_000) })
    const { recorded } = await runFlow(world, { 'refresh-token': expired })
    expect(recorded.log.some((l) => l.kind === 'warning' && /61 days ago/.test(l.text))).toBe(true)
    expect(recorded.failed).toMatch(/has expired/)
    expect(recorded.failed).toMatch(/61 days ago/)
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(expired)
  })

  test('invalid_client: the refresh token is not used', async () => {
    world = await createWorld()
    const { recorded } = await runFlow(world, { 'client-secret': 'wrong-secret' })
    expect(recorded.failed).toMatch(/invalid_client/)
    expect(recorded.failed).toMatch(/`client-id` and `client-secret`/)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })
})

describe('GitHub faults before Box', () => {
  test.each([
    [
      '403 on the public key',
      { kind: 'status', status: 403, message: 'Resource not accessible by personal access token' } as const,
      /lacks the permission/
    ],
    ['404 on the public key', { kind: 'status', status: 404, message: 'Not Found' } as const, /found nothing.*404/]
  ])('%s: Box is never called', async (_name, fault, message) => {
    world = await createWorld()
    world.sim.github.injectFault({ method: 'GET', pathIncludes: '/public-key', fault, times: Infinity })
    const { recorded } = await runFlow(world)
    expect(recorded.failed).toMatch(message)
    expect(recorded.failed).toMatch(/Nothing was changed and the refresh token was not used/)
    expect(boxRefreshes()).toBe(0)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  test('the workflow GITHUB_TOKEN gets its own explanation, before Box is called', async () => {
    world = await createWorld()
    world.sim.github.addToken('ghs_workflow', 'integration')
    const { recorded } = await runFlow(world, { 'github-token': 'ghs_workflow' })
    expect(recorded.failed).toMatch(/GITHUB_TOKEN/)
    expect(recorded.failed).toMatch(/Secrets: read and write/)
    expect(recorded.failed).toMatch(/create-github-app-token/)
    expect(boxRefreshes()).toBe(0)
  })

  test('a classic token without the repo scope is refused before Box', async () => {
    world = await createWorld()
    world.sim.github.addToken('ghp_classic', 'write', { oauthScopes: 'workflow, read:org' })
    const { recorded } = await runFlow(world, { 'github-token': 'ghp_classic' })
    expect(recorded.failed).toMatch(/classic token with the scopes "workflow, read:org".*`repo`/)
    expect(boxRefreshes()).toBe(0)
  })

  test('a bad credential is refused before Box', async () => {
    world = await createWorld()
    const { recorded } = await runFlow(world, { 'github-token': 'ghp_unknown' })
    expect(recorded.failed).toMatch(/401/)
    expect(boxRefreshes()).toBe(0)
  })

  test('a Postman path in a missing folder is refused before Box', async () => {
    world = await createWorld()
    const { recorded } = await runFlow(world, { 'postman-environment': '/nonexistent-folder/box.json' })
    expect(recorded.failed).toMatch(/`postman-environment`.*does not exist/)
    expect(boxRefreshes()).toBe(0)
  })
})

describe('GitHub faults on the write-back', () => {
  test('PUT 502 twice, then success', async () => {
    world = await createWorld()
    world.sim.github.injectFault({ method: 'PUT', fault: { kind: 'status', status: 502 }, times: 2 })
    const { recorded, slept } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    expect(slept).toHaveLength(2)
    expect(recorded.outputs['secret-updated']).toBe('true')
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('PUT secondary rate limit: waits for retry-after, then succeeds', async () => {
    world = await createWorld()
    world.sim.github.injectFault({ method: 'PUT', fault: { kind: 'secondary-rate-limit', retryAfterSeconds: 60 } })
    const { recorded, slept } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    expect(slept).toEqual([60_000])
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('connection reset on PUT: retried, then succeeds', async () => {
    world = await createWorld()
    world.sim.github.injectFault({ method: 'PUT', fault: { kind: 'reset' } })
    const { recorded } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test.each([
    [
      'PUT 403 for ever',
      { kind: 'status', status: 403, message: 'Resource not accessible by personal access token' } as const,
      /lacks the permission/
    ],
    ['PUT 422', { kind: 'status', status: 422, message: 'Bad request' } as const, /422/],
    ['PUT 502 for ever', { kind: 'status', status: 502 } as const, /kept failing/],
    ['PUT primary rate limit, reset in an hour', { kind: 'rate-limit', resetInSeconds: 3600 } as const, /rate limit/],
    ['PUT connection reset for ever', { kind: 'reset' } as const, /could not be reached/]
  ])('%s: the step fails with a recovery payload that restores the new token', async (_name, fault, message) => {
    world = await createWorld()
    world.sim.github.injectFault({ method: 'PUT', fault, times: Infinity })
    const { recorded } = await runFlow(world, { 'retry-timeout-seconds': '30' })
    expect(recorded.failed).toMatch(message)
    expect(recorded.failed).toMatch(RECOVERY_COMMAND)
    expect(recorded.outputs['secret-updated']).toBe('false')
    expect(recorded.outputs['access-token']).toBeDefined()
    expect(recorded.summary).toMatch(/### Recovery/)
    const payloads = JSON.parse(recorded.outputs.recovery)
    expect(payloads).toHaveLength(1)
    expect(payloads[0].command).toContain(`/repos/${REPO}/actions/secrets/${SECRET}`)
    // The payload is ciphertext: the new refresh token appears nowhere in plaintext.
    const newToken = world.sim.box.issued.at(-1)!.refreshToken
    for (const text of [recorded.failed!, recorded.summary, recorded.outputs.recovery])
      expect(text).not.toContain(newToken)
    expect(await tokenChainState(world, recorded.outputs.recovery)).toBe(
      'recovery payload restores the new valid token'
    )
  })

  test('the summary file and the outputs file both fail too: the recovery still reaches the log', async () => {
    world = await createWorld()
    world.sim.github.refuseSecretWrites()
    const failing = {
      appendSummary: async () => Promise.reject(new Error('ENOSPC')),
      setOutput: () => {
        throw new Error('EACCES')
      }
    }
    const { recorded } = await runFlow(world, {}, {}, failing)
    expect(recorded.failed).toMatch(/Setting the outputs failed: EACCES/)
    expect(recorded.log).toContainEqual({ kind: 'warning', text: 'The job summary could not be written: ENOSPC' })
    const errors = recorded.log.filter((l) => l.kind === 'failed').map((l) => l.text)
    expect(errors[0]).toMatch(RECOVERY_COMMAND)
    const payload = JSON.parse(commandBody(errors[0])!)
    const path = `/repos/${REPO}/actions/secrets/${SECRET}`
    expect(errors[0]).toContain(path)
    expect(await tokenChainState(world, JSON.stringify([{ method: 'PUT', path, body: payload }]))).toBe(
      'recovery payload restores the new valid token'
    )
  })

  test('read-only token: PUT refused, recovery payload restores the new token', async () => {
    world = await createWorld()
    world.sim.github.addToken('github_pat_readonly', 'read')
    const { recorded } = await runFlow(world, { 'github-token': 'github_pat_readonly' })
    expect(recorded.failed).toMatch(/secrets=write/)
    expect(await tokenChainState(world, recorded.outputs.recovery)).toBe(
      'recovery payload restores the new valid token'
    )
  })
})

test('two runs started at once with the same token: one wins, the other explains, the chain holds', async () => {
  world = await createWorld()
  const [a, b] = await Promise.all([runFlow(world), runFlow(world)])
  const failures = [a, b].filter((r) => r.recorded.failed !== undefined)
  expect(failures).toHaveLength(1)
  expect(failures[0].recorded.failed).toMatch(/invalid_grant/)
  expect(failures[0].recorded.failed).toMatch(/concurrency:/)
  expect(await tokenChainState(world)).toBe('secret holds the new valid token')
})

test('the chain continues over five consecutive runs, each using the token the previous one stored', async () => {
  world = await createWorld()
  for (let i = 0; i < 5; i++) {
    const current = world.sim.github.getSecret(world.scope, SECRET)!.plaintext
    const { recorded } = await runFlow(world, { 'refresh-token': current, 'github-token': WRITE_TOKEN })
    expect(recorded.failed).toBeUndefined()
    expect(world.sim.box.isRefreshTokenValid(current)).toBe(false)
  }
  expect(world.sim.box.issued).toHaveLength(5)
  expect(await tokenChainState({ ...world, refreshToken: 'n/a' })).toBe('secret holds the new valid token')
})

describe('the token chain under stress', () => {
  test('invalid_grant because another run rotated the secret meanwhile: the chain is intact, nothing to repair', async () => {
    world = await createWorld()
    // The other run wins the race: it uses the same token first and stores its new one, just before this run's refresh reaches Box.
    const boxFetch: typeof fetch = async (input, init) => {
      const won = await refreshElsewhere()
      world.sim.github.setSecret(world.scope, SECRET, won.refresh_token, { updatedAt: new Date(Date.now() + 1000) })
      return fetch(input, init)
    }
    const { recorded } = await runFlow(world, {}, { GITHUB_RUN_ID: '' }, {}, { fetch: boxFetch })
    expect(recorded.failed).toMatch(/invalid_grant/)
    expect(recorded.failed).toMatch(
      /Another run rotated the repository secret BOX_REFRESH_TOKEN of octo-org\/api-tests at .*The token chain is intact and nothing needs repairing/
    )
    expect(recorded.failed).not.toMatch(/Re-authorizing|chain is broken/)
    expect(await tokenChainState({ ...world, refreshToken: 'n/a' })).toBe('secret holds the new valid token')
  })

  test('one retry budget for everything before Box: slow preflight reads leave Box only what is left of it', async () => {
    world = await createWorld()
    // Preflight: the public key read fails with 502 until about 8 of the 10 s are spent.
    world.sim.github.injectFault({
      method: 'GET',
      pathIncludes: '/public-key',
      times: 3,
      fault: { kind: 'status', status: 502 }
    })
    for (let i = 0; i < 20; i++) world.sim.box.injectFault({ kind: 'status', status: 503 })
    const { recorded, slept } = await runFlow(
      world,
      { 'retry-timeout-seconds': '10' },
      {},
      {},
      { backoff: { baseDelayMs: 2_700, maxDelayMs: 2_700 } }
    )
    expect(recorded.failed).toMatch(/Box kept failing until the retry time ran out/)
    // Sleeps are 1350 ms each (random 0.5): three before Box, and Box gets only the rest of the 10 s.
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000)
    expect(slept.length).toBe(7)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  test('the write-back gets a whole budget of its own, however long the first phase took', async () => {
    world = await createWorld()
    for (let i = 0; i < 6; i++) world.sim.box.injectFault({ kind: 'status', status: 503 })
    world.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 502 } })
    const { recorded, slept } = await runFlow(
      world,
      { 'retry-timeout-seconds': '10' },
      {},
      {},
      { backoff: { baseDelayMs: 2_700, maxDelayMs: 2_700 } }
    )
    expect(recorded.failed).toMatch(/kept failing while writing/)
    const boxSleeps = recorded.log.filter((l) => /^Box: /.test(l.text)).length
    const putSleeps = recorded.log.filter((l) => /^GitHub PUT /.test(l.text)).length
    expect(boxSleeps).toBe(6)
    expect(putSleeps).toBe(7) // 7 × 1350 ms fit in a fresh 10 s; with the first phase's leftovers, none would
    expect(slept.length).toBe(13)
    expect(await tokenChainState(world, recorded.outputs.recovery)).toBe(
      'recovery payload restores the new valid token'
    )
  })

  test('a bug after Box answered still hands out the sealed copies: the log has them, and so does the error', async () => {
    world = await createWorld()
    world.sim.github.refuseSecretWrites()
    const buggy = {
      info: (text: string) => {
        if (text.startsWith('Box issued a new access token')) throw new TypeError('a bug')
      }
    }
    const { recorded } = await runFlow(world, {}, {}, buggy)
    const group = recorded.log.findIndex((l) => l.kind === 'group' && /Recovery payload/.test(l.text))
    expect(group).toBeGreaterThanOrEqual(0)
    expect(recorded.failed).toMatch(/Unexpected error after Box issued the new token: TypeError: a bug/)
    expect(recorded.failed).toMatch(RECOVERY_COMMAND)
    const payload = JSON.parse(commandBody(recorded.failed!)!)
    expect(
      await tokenChainState(
        world,
        JSON.stringify([{ method: 'PUT', path: `/repos/${REPO}/actions/secrets/${SECRET}`, body: payload }])
      )
    ).toBe('recovery payload restores the new valid token')
  })

  test('the sealed copy is logged before the first write is sent', async () => {
    world = await createWorld()
    let logLengthAtFirstPut: number | undefined
    const githubFetch: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT') logLengthAtFirstPut ??= recorded.log.length
      return fetch(input, init)
    }
    const { io, recorded } = recordingIO(world.inputs())
    const { main } = await import('../../src/action/main.js')
    await main({
      io,
      env: world.env(),
      fetch: globalThis.fetch,
      githubFetch,
      timing: { now: Date.now, sleep: async () => {}, random: () => 0.5 }
    })
    const endOfGroup = recorded.log.findIndex((l) => l.kind === 'endgroup')
    expect(endOfGroup).toBeGreaterThan(0)
    expect(logLengthAtFirstPut).toBeGreaterThan(endOfGroup)
    expect(recorded.failed).toBeUndefined()
  })
})

describe('answers GitHub should never give, in process (the bundle runs the same table in hostile-servers.test.ts)', () => {
  const organization = (seed: Parameters<World['sim']['github']['setSecret']>[3]) => {
    world.sim.github.addRepository('octo-org/infra')
    world.sim.github.addOrganization('octo-org')
    world.sim.github.setSecret({ kind: 'organization', org: 'octo-org' }, SECRET, world.refreshToken, seed)
    return { inputs: { organization: 'octo-org' }, env: { GITHUB_REPOSITORY: 'octo-org/infra' } }
  }
  const tamperKey = (change: (key: Record<string, unknown>) => unknown) =>
    world.sim.github.injectFault({
      method: 'GET',
      pathIncludes: '/public-key',
      fault: { kind: 'tamper', change: (reply) => ({ ...reply, body: change(reply.body as Record<string, unknown>) }) }
    })

  test.each<[string, () => { inputs?: Record<string, string>; env?: Record<string, string> }, RegExp]>([
    [
      'a key id with a line break',
      () => (tamperKey((k) => ({ ...k, key_id: `${String(k.key_id)}\n::warning::x` })), {}),
      /is not a key id and a key/
    ],
    ['a key that is no key', () => (tamperKey((k) => ({ ...k, key: 'bm90IGEga2V5' })), {}), /cannot seal a value/],
    [
      "a visibility that is none of GitHub's",
      () => {
        const setup = organization({ visibility: 'all' })
        world.sim.github.injectFault({
          method: 'GET',
          pathIncludes: `/orgs/octo-org/actions/secrets/${SECRET}`,
          fault: {
            kind: 'tamper',
            change: (reply) => ({ ...reply, body: { ...(reply.body as object), visibility: 'everyone' } })
          }
        })
        return setup
      },
      /gives no visibility of `all`, `private` or `selected`/
    ],
    [
      'a list of selected repositories that never ends',
      () => {
        const setup = organization({ visibility: 'selected', selectedRepositoryIds: [] })
        endlessRepositoryList(world.sim.github)
        return setup
      },
      /the list goes on past 10000 repositories/
    ],
    [
      'a selected repository without a numeric id',
      () => {
        const setup = organization({ visibility: 'selected', selectedRepositoryIds: [] })
        repositoryListWithId(world.sim.github, 'x')
        return setup
      },
      /a repository in the list has no valid id/
    ],
    [
      'a redirect on a read',
      () => (
        world.sim.github.injectFault({
          method: 'GET',
          pathIncludes: '/public-key',
          fault: { kind: 'reply', reply: () => ({ status: 301, headers: { location: 'http://127.0.0.1:1/x' } }) }
        }),
        {}
      ),
      /answered 301 while reading the public key .*, a redirect to http:\/\/127\.0\.0\.1:1\./
    ]
  ])('%s: refused before Box', async (_, arrange, message) => {
    world = await createWorld()
    const { inputs = {}, env = {} } = arrange()
    const { recorded } = await runFlow(world, inputs, env)
    expect(recorded.failed).toMatch(message)
    expect(recorded.failed).toMatch(/Nothing was changed and the refresh token was not used/)
    expect(boxRefreshes()).toBe(0)
  })
})
