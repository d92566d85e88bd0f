/**
 * Hostile and broken servers, through the bundle: Box and GitHub (or a proxy in front of them)
 * redirecting, echoing the request back, sending megabytes, control characters, workflow commands
 * and markdown, and 200 answers whose every field is out of range or of the wrong type. Every row
 * asserts the invariant (the chain can continue without re-authorization, unless Box itself used
 * the token and sent nothing usable back, which no client can repair) and scans everything the run
 * left behind for credentials, for commands the runner would obey, and for a broken summary.
 */
import type { CustomReply } from '../simulator/http.js'
import { echo, expectClean, INJECTION } from '../support/hostile.js'
import { createWorld, tokenChainState, REPO, SECRET, WRITE_TOKEN, type World } from '../support/world.js'
import { bothNodes, errorLine, runAction } from '../support/harness.js'
import { startTrap, type Trap } from '../support/trap.js'
import { endlessRepositoryList, repositoryListWithId } from '../support/hostile-lists.js'

let world: World
let trap: Trap
afterEach(async () => {
  await world?.close()
  await trap?.close()
})

/** A world whose organization secret is rotated from another repository (so no repository secret shadows it). */
async function organizationWorld(
  seed: Parameters<World['sim']['github']['setSecret']>[3]
): Promise<{ env: Record<string, string> }> {
  world = await createWorld()
  world.sim.github.addRepository('octo-org/infra')
  world.sim.github.addOrganization('octo-org')
  world.sim.github.setSecret({ kind: 'organization', org: 'octo-org' }, SECRET, world.refreshToken, seed)
  return { env: world.env({ GITHUB_REPOSITORY: 'octo-org/infra' }) }
}

describe('Box', () => {
  test.each([
    [302, 'http'],
    [307, 'https'],
    [308, 'http']
  ])(
    '%i redirect to %s on another port: not followed, the credentials go nowhere, the token is not used',
    async (status, scheme) => {
      world = await createWorld()
      trap = await startTrap()
      const location = `${trap.url.replace('http', scheme)}/oauth2/token?stolen=1`
      world.sim.box.injectFault({ kind: 'reply', reply: () => ({ status, headers: { location } }) })
      const run = await runAction(world.inputs(), { env: world.env() })
      expect(run.code).toBe(1)
      expect(trap.hits).toEqual([])
      expect(errorLine(run)).toContain(`answered ${status} and redirected to ${new URL(location).origin}`)
      expect(errorLine(run)).not.toContain('stolen')
      expectClean(world, run)
      expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
    }
  )

  test('an error page that echoes the request (client secret, refresh token, every encoding) and injects commands and markdown', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'reply', reply: (request) => echo(request) })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/Box refused the token request: invalid_request \(You sent /)
    expect(run.summary).toContain('You sent')
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  test('a 500 page that echoes the request is not quoted at all', async () => {
    world = await createWorld()
    // Every attempt gets the page: a fixed number of faults can run out inside the retry time.
    world.sim.box.injectFault(
      { kind: 'reply', reply: (request) => ({ status: 500, body: `<pre>${request.body}${INJECTION}</pre>` }) },
      Infinity
    )
    const run = await runAction(world.inputs({ 'retry-timeout-seconds': '1' }), { env: world.env() })
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/Box answered 500\./)
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  test('a 10 MB error description becomes one short line', async () => {
    world = await createWorld()
    world.sim.box.injectFault({
      kind: 'reply',
      reply: () => ({
        status: 400,
        body: { error: 'invalid_request', error_description: 'x'.repeat(10 * 1024 * 1024) }
      })
    })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(errorLine(run).length).toBeLessThan(1_000)
    expectClean(world, run)
  })

  test('a retry-after of 1e300 seconds is not waited for', async () => {
    world = await createWorld()
    world.sim.box.injectFault({
      kind: 'reply',
      reply: () => ({ status: 429, headers: { 'retry-after': '1e300' }, body: {} })
    })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(10_000)
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  /** 200 answers: Box used the old token and issued a new pair; then the answer is altered. */
  const altered =
    (change: (answer: Record<string, unknown>) => unknown) =>
    (answer: object): CustomReply => ({ status: 200, body: change({ ...answer }) })

  test.each<[string, (a: Record<string, unknown>) => unknown, RegExp]>([
    ['expires_in 1e300 (a date from it would throw)', (a) => ({ ...a, expires_in: 1e300 }), /out of range/],
    ['expires_in a string of letters', (a) => ({ ...a, expires_in: 'soon' }), /no usable expires_in/],
    ['expires_in negative', (a) => ({ ...a, expires_in: -3600 }), /out of range/],
    [
      'token_type and restricted_to of the wrong type',
      (a) => ({ ...a, token_type: { x: INJECTION }, restricted_to: 'all' }),
      /^$/
    ]
  ])('200 with %s: the new token is stored and the run goes on', async (_, change, warning) => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'consume-and-reply', reply: altered(change) })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(0)
    expect(Date.parse(run.outputs['expires-at'])).toBeGreaterThan(Date.now())
    if (warning.source !== '^$') expect(run.stdout).toMatch(new RegExp(`::warning::.*${warning.source}`))
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test.each<[string, (a: Record<string, unknown>) => unknown]>([
    ['access_token missing', (a) => ({ ...a, access_token: undefined })],
    ['access_token with a workflow command in it', (a) => ({ ...a, access_token: `abc${INJECTION}` })],
    ['access_token a number', (a) => ({ ...a, access_token: 42 })]
  ])('200 with %s: the new refresh token is still stored; the run fails and says to re-run', async (_, change) => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'consume-and-reply', reply: altered(change) })
    const run = await runAction(world.inputs({ 'postman-environment': 'box.json' }), { env: world.env() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::.*no usable access token.*The new refresh token was stored, so the token chain is intact: re-run the workflow/
    )
    expect(run.outputs['access-token']).toBeUndefined()
    expect(Object.keys(run.files).some((f) => f.endsWith('box.json'))).toBe(false)
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test.each<[string, (answer: Record<string, unknown>) => unknown]>([
    ['refresh_token missing', (a) => ({ ...a, refresh_token: undefined })],
    [
      'refresh_token with a line break and a workflow command',
      (a) => ({ ...a, refresh_token: `${String(a.refresh_token)}${INJECTION}` })
    ],
    ['refresh_token a list', (a) => ({ ...a, refresh_token: [a.refresh_token] })],
    ['an HTML page', () => `<html>${INJECTION}</html>`],
    ['2 MB of JSON', (a) => ({ ...a, padding: 'x'.repeat(2 * 1024 * 1024) })]
  ])('200 with %s: a failed refresh, explained, with nothing written and nothing injected', async (_, change) => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'consume-and-reply', reply: altered(change) })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/Box accepted the request, but its answer/)
    expect(errorLine(run)).toMatch(/Re-authorizing/)
    expectClean(world, run)
    // Box used the old token and sent nothing usable back: no client can hold the chain. The
    // action changed nothing and says how to repair it.
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.refreshToken)
  })
})

describe('Box answers 200 and the message breaks: Box used the token, so the request is never sent again', () => {
  const boxRequests = (): number => world.sim.requests.filter((r) => r.service === 'box').length

  describe.each(bothNodes())('%s', (_, node) => {
    test.each([
      ['the last chunk never comes', 'no-last-chunk'],
      ['the Content-Length promises more than is sent', 'short-content'],
      ['the connection is reset right after the JSON', 'reset-after-body']
    ] as const)('%s: the pair that arrived is stored, with one request to Box', async (_, how) => {
      world = await createWorld()
      world.sim.box.injectFault({ kind: 'consume-and-break', how })
      const run = await runAction(world.inputs(), { env: world.env(), node })
      expect(run.code).toBe(0)
      expect(boxRequests()).toBe(1)
      expect(world.sim.box.refreshAttempts).toBe(1)
      expectClean(world, run)
      expect(await tokenChainState(world)).toBe('secret holds the new valid token')
      expect(run.outputs['access-token']).toBe(world.sim.box.issued[0]!.accessToken)
    })

    test.each([
      ['reset', 'reset-after-body', /the connection failed/],
      ['stalled', 'no-last-chunk', /did not arrive within 1 s/]
    ] as const)(
      'broken off before the refresh token (%s): it fails at once, says the token is used and how to re-authorize',
      async (_, how, why) => {
        world = await createWorld()
        world.sim.box.injectFault({ kind: 'consume-and-break', how, keepBytes: 20 })
        const run = await runAction(world.inputs({ 'request-timeout-seconds': '1' }), { env: world.env(), node })
        expect(run.code).toBe(1)
        expect(boxRequests()).toBe(1)
        expect(errorLine(run)).toMatch(/has used the refresh token it was given, but its answer broke off/)
        expect(errorLine(run)).toMatch(why)
        expect(errorLine(run)).toMatch(/authorize the Box app again/)
        expectClean(world, run)
        // Box used the token and sent nothing usable: the one loss no client can repair, reported as such.
        expect(world.sim.box.isRefreshTokenValid(world.refreshToken)).toBe(false)
        expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.refreshToken)
      }
    )
  })
})

describe('GitHub', () => {
  const keyAnswer = (change: (key: { key_id: string; key: string }) => unknown) => ({
    method: 'GET',
    pathIncludes: '/public-key',
    fault: {
      kind: 'tamper' as const,
      change: (reply: CustomReply) => ({ ...reply, body: change(reply.body as { key_id: string; key: string }) })
    }
  })

  test.each<[string, (key: { key_id: string; key: string }) => unknown]>([
    ['a key_id with a workflow command on a new line', (k) => ({ ...k, key_id: `${k.key_id}${INJECTION}` })],
    ['a key_id that would break out of the shell command', (k) => ({ ...k, key_id: `1' ; touch OWNED ; echo '` })],
    ['a key_id of the wrong type', (k) => ({ ...k, key_id: 568250167242549743n.toString().length })],
    ['a key that is not a key', (k) => ({ ...k, key: 'bm90IGEga2V5' })],
    ['no key at all', () => ({ message: INJECTION })]
  ])('public key answer with %s: refused before Box', async (_, change) => {
    world = await createWorld()
    world.sim.github.injectFault(keyAnswer(change))
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(world.sim.requests.some((r) => r.service === 'box')).toBe(false)
    expect(errorLine(run)).toMatch(/public key/)
    expect(errorLine(run)).toMatch(/Nothing was changed and the refresh token was not used/)
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  test("an organization secret whose visibility is not one of GitHub's: refused before Box, nothing guessed", async () => {
    const options = await organizationWorld({ visibility: 'all' })
    world.sim.github.injectFault({
      method: 'GET',
      pathIncludes: `/orgs/octo-org/actions/secrets/${SECRET}`,
      fault: {
        kind: 'tamper',
        change: (reply) => ({
          ...reply,
          body: { ...(reply.body as object), visibility: `all'; touch OWNED #${INJECTION}` }
        })
      }
    })
    const run = await runAction(world.inputs({ organization: 'octo-org' }), options)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/gives no visibility of `all`, `private` or `selected`/)
    expect(world.sim.requests.some((r) => r.service === 'box')).toBe(false)
    expectClean(world, run)
  })

  test('a selected-repositories list that never ends: read at most 100 pages, refused before Box', async () => {
    const options = await organizationWorld({ visibility: 'selected', selectedRepositoryIds: [] })
    endlessRepositoryList(world.sim.github)
    const run = await runAction(world.inputs({ organization: 'octo-org' }), options)
    expect(run.code).toBe(1)
    expect(world.sim.requests.filter((r) => r.path.endsWith('/repositories')).length).toBe(100)
    expect(errorLine(run)).toMatch(/the list goes on past 10000 repositories/)
    expect(world.sim.requests.some((r) => r.service === 'box')).toBe(false)
    expectClean(world, run)
  })

  test('a selected-repositories list with an id that is not a number: refused before Box', async () => {
    const options = await organizationWorld({ visibility: 'selected', selectedRepositoryIds: [] })
    repositoryListWithId(world.sim.github, '1; touch OWNED')
    const run = await runAction(world.inputs({ organization: 'octo-org' }), options)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/a repository in the list has no valid id/)
    expectClean(world, run)
  })

  test('a 403 whose message echoes the token, with control characters, commands and a forged permissions header', async () => {
    world = await createWorld()
    world.sim.github.injectFault({
      method: 'GET',
      pathIncludes: '/public-key',
      fault: {
        kind: 'reply',
        reply: () => ({
          status: 403,
          headers: { 'x-accepted-github-permissions': 'secrets=read ::warning::OWNED' },
          body: { message: `Bad token ${WRITE_TOKEN} (${encodeURIComponent(WRITE_TOKEN)})\u001b[2J\u202e${INJECTION}` }
        })
      }
    })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/GitHub refused reading the public key .* \(403 Bad token \*\*\* \(\*\*\*\)/)
    expect(errorLine(run)).not.toMatch(/\u001b|\u202e/)
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })

  test('a 301 on a read: not followed with the token, refused before Box, the new place named by its origin', async () => {
    world = await createWorld()
    trap = await startTrap()
    world.sim.github.injectFault({
      method: 'GET',
      pathIncludes: '/public-key',
      fault: {
        kind: 'reply',
        reply: () => ({ status: 301, headers: { location: `${trap.url}/repositories/1/actions/secrets/public-key` } })
      }
    })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(trap.hits).toEqual([])
    expect(errorLine(run)).toContain(
      `answered 301 while reading the public key for the repository secret ${SECRET} of ${REPO}, a redirect to ${trap.url}.`
    )
    expect(world.sim.requests.some((r) => r.service === 'box')).toBe(false)
    expectClean(world, run)
  })

  test('a 307 on the write: not followed; the recovery payload stores the token', async () => {
    world = await createWorld()
    trap = await startTrap()
    world.sim.github.injectFault({
      method: 'PUT',
      fault: { kind: 'reply', reply: () => ({ status: 307, headers: { location: `${trap.url}/steal` } }) }
    })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(trap.hits).toEqual([])
    expectClean(world, run)
    expect(await tokenChainState(world, run.outputs.recovery)).toBe('recovery payload restores the new valid token')
  })

  test('a 422 on the write that echoes the Authorization header: cleaned; the recovery payload stores the token', async () => {
    world = await createWorld()
    world.sim.github.injectFault({
      method: 'PUT',
      fault: {
        kind: 'reply',
        reply: () => ({ status: 422, body: { message: `Authorization: token ${WRITE_TOKEN}${INJECTION}` } })
      }
    })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/GitHub rejected writing .* \(422 Authorization: token \*\*\*/)
    expectClean(world, run)
    expect(await tokenChainState(world, run.outputs.recovery)).toBe('recovery payload restores the new valid token')
  })

  test('headers a client might print (deprecation, sunset, forged scopes) and a garbage run date change nothing', async () => {
    world = await createWorld()
    world.sim.github.addRun(REPO, 1001, { createdAt: new Date(Date.now() - 60_000) })
    world.sim.github.injectFault({
      times: Infinity,
      fault: {
        kind: 'tamper',
        change: (reply) => ({
          ...reply,
          headers: {
            ...reply.headers,
            deprecation: 'true',
            sunset: `soon${INJECTION.replace(/\n/g, ' ')}`,
            link: '<http://127.0.0.1:1/x>; rel="deprecation"',
            'x-oauth-scopes': 'repo ::warning::OWNED'
          },
          body:
            reply.body && typeof reply.body === 'object' && 'run_attempt' in reply.body
              ? { ...reply.body, created_at: INJECTION }
              : reply.body
        })
      }
    })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(0)
    expectClean(world, run)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })
})
