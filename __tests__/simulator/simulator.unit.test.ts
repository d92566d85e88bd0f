/**
 * The simulator's own tests: real HTTP against the fake servers with global fetch, so the fakes
 * the other tests rely on are known to behave like Box and GitHub where it matters.
 */
import sodium from 'libsodium-wrappers'
import { describeRequests, startSimulator, type ScopeRef, type Simulator } from './index.js'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

// ---- helpers -----------------------------------------------------------------------------------

function refresh(refreshToken: string, client = sim.box.client): Promise<Response> {
  return fetch(`${sim.boxUrl}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: client.id,
      client_secret: client.secret,
      refresh_token: refreshToken
    })
  })
}

function github(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${sim.githubApiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
}

/** GitHub's documented recipe; ORIGINAL base64 both ways. */
async function seal(publicKey: string, plaintext: string): Promise<string> {
  await sodium.ready
  const key = sodium.from_base64(publicKey, sodium.base64_variants.ORIGINAL)
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(plaintext), key), sodium.base64_variants.ORIGINAL)
}

async function sealedBody(
  path: string,
  token: string,
  plaintext: string
): Promise<{ encrypted_value: string; key_id: string }> {
  const { key_id, key } = (await (await github(`${path}/public-key`, token)).json()) as { key_id: string; key: string }
  return { encrypted_value: await seal(key, plaintext), key_id }
}

// ---- Box -----------------------------------------------------------------------------------------

describe('fake Box', () => {
  it('refreshes and consumes the old refresh token', async () => {
    const old = sim.box.issueRefreshToken()
    const res = await refresh(old)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      expires_in: 3600,
      token_type: 'bearer',
      restricted_to: [],
      refresh_token: expect.stringMatching(/^[A-Za-z0-9]{64}$/)
    })
    expect(sim.box.isRefreshTokenValid(old)).toBe(false)
    expect(sim.box.isRefreshTokenValid(body.refresh_token as string)).toBe(true)
    expect(sim.box.isAccessTokenValid(body.access_token as string)).toBe(true)
    expect(sim.box.issued).toHaveLength(1)

    const me = await fetch(`${sim.boxUrl}/2.0/users/me`, { headers: { authorization: `Bearer ${body.access_token}` } })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ type: 'user', id: '11446498' })
  })

  it('answers invalid_grant to a reused refresh token', async () => {
    const old = sim.box.issueRefreshToken()
    await refresh(old)
    const res = await refresh(old)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' })
    expect(sim.box.refreshAttempts).toBe(2)
  })

  it('replays the same answer to a reuse inside the grace window when asked to', async () => {
    await sim.close()
    sim = await startSimulator({ boxReuseGraceMs: 5000 })
    const old = sim.box.issueRefreshToken()
    const first = await (await refresh(old)).json()
    const second = await (await refresh(old)).json()
    expect(second).toEqual(first)
    expect(sim.box.issued).toHaveLength(1)
  })

  it('answers "Refresh token has expired" after 60 days', async () => {
    const res = await refresh(sim.box.issueRefreshToken({ ageDays: 61 }))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Refresh token has expired' })
  })

  it('answers invalid_client to a wrong client secret, without consuming the token', async () => {
    const token = sim.box.issueRefreshToken()
    const res = await refresh(token, { id: sim.box.client.id, secret: 'wrong' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: 'invalid_client',
      error_description: 'The client credentials are invalid'
    })
    expect(sim.box.isRefreshTokenValid(token)).toBe(true)
  })

  it('answers invalid_request to a JSON body', async () => {
    const res = await fetch(`${sim.boxUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token' })
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request')
  })

  it('exchanges an authorization code once', async () => {
    const code = sim.box.issueAuthorizationCode(sim.box.client.id, 'http://127.0.0.1:8080/callback')
    const exchange = () =>
      fetch(`${sim.boxUrl}/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          client_id: sim.box.client.id,
          client_secret: sim.box.client.secret
        })
      })
    expect((await exchange()).status).toBe(200)
    expect((await exchange()).status).toBe(400)
  })

  it.each([503, 500])('injects a %i with an opaque body and keeps the token', async (status) => {
    const token = sim.box.issueRefreshToken()
    sim.box.injectFault({ kind: 'status', status })
    const res = await refresh(token)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('text/html')
    expect(sim.box.isRefreshTokenValid(token)).toBe(true)
    expect((await refresh(token)).status).toBe(200) // the fault was used up
  })

  it('injects a 429 with retry-after and keeps the token', async () => {
    const token = sim.box.issueRefreshToken()
    sim.box.injectFault({ kind: 'rate-limit', retryAfterSeconds: 7 })
    const res = await refresh(token)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(sim.box.isRefreshTokenValid(token)).toBe(true)
  })

  it('injects a hang that keeps the token and ends when the client gives up', async () => {
    const token = sim.box.issueRefreshToken()
    sim.box.injectFault({ kind: 'hang' })
    const call = fetch(`${sim.boxUrl}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: sim.box.client.id,
        client_secret: sim.box.client.secret,
        refresh_token: token
      }),
      signal: AbortSignal.timeout(200)
    })
    await expect(call).rejects.toThrow()
    expect(sim.box.isRefreshTokenValid(token)).toBe(true)
    expect(sim.requests[0]).toMatchObject({ service: 'box', status: 'hung' })
  })

  it('injects a dropped answer after the token was consumed', async () => {
    const token = sim.box.issueRefreshToken()
    sim.box.injectFault({ kind: 'drop-after-consume' })
    await expect(refresh(token)).rejects.toThrow()
    expect(sim.box.isRefreshTokenValid(token)).toBe(false)
    expect(sim.box.issued).toHaveLength(1)
    expect(sim.box.isRefreshTokenValid(sim.box.issued[0]!.refreshToken)).toBe(true)
    expect(sim.requests[0]).toMatchObject({ path: '/oauth2/token', status: 'dropped' })
    expect((await refresh(token)).status).toBe(400) // the retry learns the chain moved on
  })
})

// ---- GitHub --------------------------------------------------------------------------------------

describe('fake Box authorize endpoint', () => {
  const redirectUri = 'http://127.0.0.1:8976/callback'

  function authorize(params: Record<string, string>): Promise<Response> {
    const url = new URL(sim.boxAuthorizeUrl)
    url.search = new URLSearchParams(params).toString()
    return fetch(url, { redirect: 'manual' })
  }

  const valid = (overrides: Record<string, string> = {}): Record<string, string> => ({
    response_type: 'code',
    client_id: sim.box.client.id,
    redirect_uri: redirectUri,
    state: 'st4te',
    ...overrides
  })

  it('redirects to the redirect URI with a code and the state, and the code is exchangeable once', async () => {
    sim.box.registerRedirectUri(redirectUri)
    const res = await authorize(valid())
    expect(res.status).toBe(302)
    const location = new URL(res.headers.get('location')!)
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri)
    expect(location.searchParams.get('state')).toBe('st4te')
    const code = location.searchParams.get('code')!
    expect(code).toMatch(/^[A-Za-z0-9]{32}$/)

    const exchange = (): Promise<Response> =>
      fetch(`${sim.boxUrl}/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: sim.box.client.id,
          client_secret: sim.box.client.secret
        })
      })
    const first = await exchange()
    expect(first.status).toBe(200)
    const pair = (await first.json()) as { refresh_token: string }
    expect(sim.box.isRefreshTokenValid(pair.refresh_token)).toBe(true)
    expect(sim.box.issued.at(-1)?.grant).toBe('authorization_code')
    expect((await exchange()).status).toBe(400)
  })

  it('accepts a loopback redirect URI on another port, as for native apps', async () => {
    sim.box.registerRedirectUri(redirectUri)
    const res = await authorize(valid({ redirect_uri: 'http://127.0.0.1:41234/callback' }))
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:41234\/callback\?code=/)
  })

  it.each([
    ['not registered at all', undefined, redirectUri],
    ['another path', redirectUri, 'http://127.0.0.1:8976/other'],
    ['localhost instead of 127.0.0.1', redirectUri, 'http://localhost:8976/callback'],
    ['plain http on a public host', 'https://example.com/callback', 'http://example.com/callback']
  ])('shows redirect_uri_mismatch, without redirecting, for %s', async (_, registered, requested) => {
    if (registered) sim.box.registerRedirectUri(registered)
    const res = await authorize(valid({ redirect_uri: requested }))
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
    expect(await res.text()).toContain('Error: redirect_uri_mismatch')
  })

  it('shows invalid_client for an unknown client id', async () => {
    sim.box.registerRedirectUri(redirectUri)
    const res = await authorize(valid({ client_id: 'nope' }))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Error: invalid_client')
  })

  it('redirects access_denied with the state when the user denies consent', async () => {
    sim.box.registerRedirectUri(redirectUri)
    sim.box.consent = 'deny'
    const location = new URL((await authorize(valid())).headers.get('location')!)
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'The user denied access to their account.',
      state: 'st4te'
    })
    expect(sim.box.issued).toHaveLength(0)
  })

  it('redirects errors for a wrong response_type and a missing state', async () => {
    sim.box.registerRedirectUri(redirectUri)
    const wrongType = new URL((await authorize(valid({ response_type: 'token' }))).headers.get('location')!)
    expect(wrongType.searchParams.get('error')).toBe('unsupported_response_type')
    const withoutState = valid()
    delete withoutState.state
    const noState = new URL((await authorize(withoutState)).headers.get('location')!)
    expect(noState.searchParams.get('error')).toBe('invalid_request')
    expect(noState.searchParams.has('code')).toBe(false)
  })

  it('refuses to register a redirect URI Box would not accept', () => {
    expect(() => sim.box.registerRedirectUri('http://example.com/callback')).toThrow(
      /https, or http on a loopback host/
    )
  })
})

describe('fake GitHub', () => {
  const repo = 'octo-org/api-tests'
  const repoScope: ScopeRef = { kind: 'repository', repo }
  const orgScope: ScopeRef = { kind: 'organization', org: 'octo-org' }

  beforeEach(() => {
    sim.github.addRepository(repo)
    sim.github.addOrganization('octo-org')
    sim.github.addToken('ghp_write', 'write')
    sim.github.addToken('ghp_read', 'read')
    sim.github.addToken('ghs_workflow', 'integration')
  })

  it('round-trips a sealed PUT: 201 on create, 204 on update, plaintext via getSecret', async () => {
    const path = `/repos/${repo}/actions/secrets`
    const first = await github(`${path}/BOX_REFRESH_TOKEN`, 'ghp_write', {
      method: 'PUT',
      body: await sealedBody(path, 'ghp_write', 'first')
    })
    expect(first.status).toBe(201)
    const second = await github(`${path}/box_refresh_token`, 'ghp_write', {
      method: 'PUT',
      body: await sealedBody(path, 'ghp_write', 'second')
    })
    expect(second.status).toBe(204)
    expect(sim.github.getSecret(repoScope, 'BOX_REFRESH_TOKEN')?.plaintext).toBe('second')

    const meta = (await (await github(`${path}/BOX_REFRESH_TOKEN`, 'ghp_read')).json()) as Record<string, string>
    expect(meta).toEqual({
      name: 'BOX_REFRESH_TOKEN',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    })
  })

  it('writes an environment secret whose name needs URL-encoding', async () => {
    sim.github.addEnvironment(repo, 'prod/eu')
    const path = `/repos/${repo}/environments/${encodeURIComponent('prod/eu')}/secrets`
    const res = await github(`${path}/TOKEN`, 'ghp_write', {
      method: 'PUT',
      body: await sealedBody(path, 'ghp_write', 'env value')
    })
    expect(res.status).toBe(201)
    expect(sim.github.getSecret({ kind: 'environment', repo, environment: 'prod/eu' }, 'TOKEN')?.plaintext).toBe(
      'env value'
    )
  })

  it('refuses an organization PUT without visibility (422) and keeps selected repositories given', async () => {
    const path = '/orgs/octo-org/actions/secrets'
    const without = await github(`${path}/TOKEN`, 'ghp_write', {
      method: 'PUT',
      body: await sealedBody(path, 'ghp_write', 'x')
    })
    expect(without.status).toBe(422)
    expect(((await without.json()) as { message: string }).message).toMatch(/visibility/)

    const id = sim.github.addRepository('octo-org/other')
    const body = {
      ...(await sealedBody(path, 'ghp_write', 'x')),
      visibility: 'selected',
      selected_repository_ids: [id]
    }
    expect((await github(`${path}/TOKEN`, 'ghp_write', { method: 'PUT', body })).status).toBe(201)
    expect(sim.github.getSecret(orgScope, 'TOKEN')).toMatchObject({
      visibility: 'selected',
      selectedRepositoryIds: [id]
    })
    const listed = await (await github(`${path}/TOKEN/repositories`, 'ghp_read')).json()
    expect(listed).toEqual({ total_count: 1, repositories: [{ id, name: 'other', full_name: 'octo-org/other' }] })
  })

  it('refuses a value sealed for a rotated key (422 on key_id)', async () => {
    const path = `/repos/${repo}/actions/secrets`
    const body = await sealedBody(path, 'ghp_write', 'x')
    sim.github.rotatePublicKey(repoScope)
    const res = await github(`${path}/TOKEN`, 'ghp_write', { method: 'PUT', body })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { message: string }).message).toMatch(/key_id/)
  })

  it('refuses URL-safe base64 (422), the libsodium default GitHub rejects', async () => {
    const path = `/repos/${repo}/actions/secrets`
    const { key_id, key } = (await (await github(`${path}/public-key`, 'ghp_write')).json()) as Record<string, string>
    const sealed = sodium.crypto_box_seal(
      sodium.from_string('x'),
      sodium.from_base64(key!, sodium.base64_variants.ORIGINAL)
    )
    const encrypted_value = sodium.to_base64(sealed) // URLSAFE_NO_PADDING by default: 49 bytes → 66 characters
    const res = await github(`${path}/TOKEN`, 'ghp_write', { method: 'PUT', body: { encrypted_value, key_id } })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { message: string }).message).toMatch(/base64/)
  })

  it('forbids a PUT with a read-only token (403) and names the permission', async () => {
    const path = `/repos/${repo}/actions/secrets`
    const res = await github(`${path}/TOKEN`, 'ghp_read', {
      method: 'PUT',
      body: await sealedBody(path, 'ghp_read', 'x')
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('x-accepted-github-permissions')).toBe('secrets=write')
    expect(((await res.json()) as { message: string }).message).toBe('Resource not accessible by personal access token')
    expect(sim.github.getSecret(repoScope, 'TOKEN')).toBeUndefined()
  })

  it('tells the workflow GITHUB_TOKEN "Resource not accessible by integration" but lets it read runs', async () => {
    const res = await github(`/repos/${repo}/actions/secrets/public-key`, 'ghs_workflow')
    expect(res.status).toBe(403)
    expect(((await res.json()) as { message: string }).message).toBe('Resource not accessible by integration')

    sim.github.addRun(repo, 1001, { createdAt: new Date('2026-11-26T14:00:00.123Z') })
    const run = await github(`/repos/${repo}/actions/runs/1001`, 'ghs_workflow')
    expect(await run.json()).toMatchObject({ id: 1001, created_at: '2026-11-26T14:00:00Z', run_attempt: 1 })
  })

  it('answers 401 to an unknown token', async () => {
    const res = await github(`/repos/${repo}/actions/secrets/public-key`, 'nope')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Bad credentials' })
  })

  it('injects a 502 (HTML) once, then answers normally', async () => {
    sim.github.injectFault({ method: 'GET', pathIncludes: '/public-key', fault: { kind: 'status', status: 502 } })
    const failed = await github(`/repos/${repo}/actions/secrets/public-key`, 'ghp_write')
    expect(failed.status).toBe(502)
    expect(await failed.text()).toMatch(/<html>/)
    expect((await github(`/repos/${repo}/actions/secrets/public-key`, 'ghp_write')).status).toBe(200)
  })

  it('injects rate limits with the headers clients wait on', async () => {
    sim.github.injectFault({ fault: { kind: 'secondary-rate-limit', retryAfterSeconds: 3 } })
    sim.github.injectFault({ fault: { kind: 'rate-limit', resetInSeconds: 60 } })
    const secondary = await github(`/repos/${repo}/actions/secrets/public-key`, 'ghp_write')
    expect([secondary.status, secondary.headers.get('retry-after')]).toEqual([403, '3'])
    const primary = await github(`/repos/${repo}/actions/secrets/public-key`, 'ghp_write')
    expect([primary.status, primary.headers.get('x-ratelimit-remaining')]).toEqual([403, '0'])
    expect(Number(primary.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
  })

  it('injects a reset that does not apply the PUT', async () => {
    const path = `/repos/${repo}/actions/secrets`
    const body = await sealedBody(path, 'ghp_write', 'x')
    sim.github.injectFault({ method: 'PUT', fault: { kind: 'reset' } })
    await expect(github(`${path}/TOKEN`, 'ghp_write', { method: 'PUT', body })).rejects.toThrow()
    expect(sim.github.getSecret(repoScope, 'TOKEN')).toBeUndefined()
    expect(sim.requests.at(-1)).toMatchObject({ method: 'PUT', status: 'reset' })
  })

  it('serves the API under a path prefix, as GitHub Enterprise Server does', async () => {
    await sim.close()
    sim = await startSimulator({ githubPathPrefix: '/api/v3' })
    sim.github.addRepository(repo)
    sim.github.addToken('ghp_write', 'write')
    expect(sim.githubApiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    expect((await github(`/repos/${repo}/actions/secrets/public-key`, 'ghp_write')).status).toBe(200)
    const outside = await fetch(`${sim.githubApiUrl.replace('/api/v3', '')}/repos/${repo}/actions/secrets/public-key`)
    expect(outside.status).toBe(404)
    expect(describeRequests(sim.requests)).toEqual([
      `github GET /repos/${repo}/actions/secrets/public-key 200`,
      `github GET /repos/${repo}/actions/secrets/public-key 404`
    ])
  })
})

// ---- log and lifecycle ---------------------------------------------------------------------------

describe('simulator', () => {
  it('never keeps tokens or bodies in the request log', async () => {
    const token = sim.box.issueRefreshToken()
    const answer = (await (await refresh(token)).json()) as { access_token: string; refresh_token: string }
    const logged = JSON.stringify(sim.requests)
    for (const value of [token, answer.access_token, answer.refresh_token, sim.box.client.secret]) {
      expect(logged).not.toContain(value)
    }
  })

  it('closes promptly with a hanging request open', async () => {
    sim.box.injectFault({ kind: 'hang' })
    const pending = refresh(sim.box.issueRefreshToken()).catch((error: unknown) => error)
    while (sim.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const started = Date.now()
    await sim.close()
    expect(Date.now() - started).toBeLessThan(500)
    expect(sim.requests[0]).toMatchObject({ status: 'hung', endedAt: expect.any(Number) })
    // fetch rejects with a TypeError from another realm under jest, so compare by name.
    expect(await pending).toMatchObject({ name: 'TypeError', message: 'fetch failed' })
  })
})
