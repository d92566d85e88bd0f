import { BoxError, exchangeAuthorizationCode, refreshTokenPair, type BoxClientDeps } from '../../src/box.js'
import type { Timing } from '../../src/retry.js'

type Step = Response | Error | ((init: RequestInit) => Response | Error)

/** A fetch that plays a script of answers and records what it was asked. */
function scriptedFetch(steps: Step[]) {
  const calls: Array<{ url: string; init: RequestInit }> = []
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    const step = steps.shift()
    if (step === undefined) throw new Error('unexpected extra request')
    const result = typeof step === 'function' ? step(init) : step
    if (result instanceof Error) throw result
    return result
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
const pair = { access_token: 'AT-new', refresh_token: 'RT-new', expires_in: 3895, token_type: 'bearer', restricted_to: [] }
const credentials = { boxApiUrl: 'https://box.test', clientId: 'cid', clientSecret: 'csecret' }

function deps(fetch: typeof globalThis.fetch, masked: string[] = [], slept: number[] = []): BoxClientDeps {
  let now = 0
  const timing: Timing = {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    },
    random: () => 0.5
  }
  return { fetch, timing, policy: { budgetMs: 60_000, baseDelayMs: 1000, maxDelayMs: 8000 }, requestTimeoutMs: 5000, mask: (v) => masked.push(v) }
}

const networkError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) })

test('posts the four form fields and returns the pair, masking both tokens first', async () => {
  const { fetch, calls } = scriptedFetch([json(200, pair)])
  const masked: string[] = []
  const result = await refreshTokenPair(credentials, 'RT-old', deps(fetch, masked))
  expect(result).toEqual({ accessToken: 'AT-new', refreshToken: 'RT-new', expiresIn: 3895 })
  expect(masked).toEqual(['AT-new', 'RT-new'])
  expect(calls[0].url).toBe('https://box.test/oauth2/token')
  expect(new Headers(calls[0].init.headers).get('content-type')).toBe('application/x-www-form-urlencoded')
  expect(Object.fromEntries(new URLSearchParams(String(calls[0].init.body)))).toEqual({
    grant_type: 'refresh_token',
    refresh_token: 'RT-old',
    client_id: 'cid',
    client_secret: 'csecret'
  })
})

test('the authorization-code exchange sends the code and redirect URI', async () => {
  const { fetch, calls } = scriptedFetch([json(200, pair)])
  await exchangeAuthorizationCode(credentials, 'CODE', 'http://127.0.0.1:5000/callback', deps(fetch))
  expect(Object.fromEntries(new URLSearchParams(String(calls[0].init.body)))).toMatchObject({
    grant_type: 'authorization_code',
    code: 'CODE',
    redirect_uri: 'http://127.0.0.1:5000/callback'
  })
})

test('invalid_grant is final and keeps Box description', async () => {
  const { fetch, calls } = scriptedFetch([json(400, { error: 'invalid_grant', error_description: 'Refresh token has expired' })])
  const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error).toBeInstanceOf(BoxError)
  expect(error.kind).toBe('invalid_grant')
  expect(error.details.description).toBe('Refresh token has expired')
  expect(calls).toHaveLength(1)
})

test('invalid_client is final', async () => {
  const { fetch } = scriptedFetch([json(400, { error: 'invalid_client', error_description: 'The client credentials are invalid' })])
  await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).rejects.toMatchObject({ kind: 'invalid_client' })
})

test('5xx is retried with backoff, and its body is never echoed', async () => {
  const { fetch, calls } = scriptedFetch([new Response('<html>secret-ish RT-old</html>', { status: 503, statusText: 'Service Unavailable' }), json(200, pair)])
  const slept: number[] = []
  await expect(refreshTokenPair(credentials, 'RT-old', deps(fetch, [], slept))).resolves.toMatchObject({ refreshToken: 'RT-new' })
  expect(calls).toHaveLength(2)
  expect(slept).toEqual([500])
})

test('429 waits for retry-after', async () => {
  const { fetch } = scriptedFetch([json(429, {}, { 'retry-after': '7' }), json(200, pair)])
  const slept: number[] = []
  await refreshTokenPair(credentials, 'RT', deps(fetch, [], slept))
  expect(slept).toEqual([7000])
})

test('a refused connection was never sent: retried, and not remembered as ambiguous', async () => {
  const { fetch } = scriptedFetch([networkError('ECONNREFUSED'), json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' })])
  const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error.kind).toBe('invalid_grant')
  expect(error.earlierAmbiguousAttempt).toBeUndefined()
})

test('a dropped answer is retried, and an invalid_grant after it says the first attempt probably used the token', async () => {
  const { fetch } = scriptedFetch([networkError('UND_ERR_SOCKET'), json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' })])
  const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error.kind).toBe('invalid_grant')
  expect(error.earlierAmbiguousAttempt).toMatch(/UND_ERR_SOCKET/)
})

test('a timeout counts as ambiguous', async () => {
  const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
  const { fetch } = scriptedFetch([timeout, json(200, pair)])
  await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).resolves.toMatchObject({ accessToken: 'AT-new' })
})

test('a 200 without a refresh token is reported as unusable, and what it held is still masked', async () => {
  const { fetch } = scriptedFetch([json(200, { access_token: 'AT-only' })])
  const masked: string[] = []
  await expect(refreshTokenPair(credentials, 'RT', deps(fetch, masked))).rejects.toMatchObject({ kind: 'malformed' })
  expect(masked).toEqual(['AT-only'])
})

test('a missing expires_in falls back to an hour', async () => {
  const { fetch } = scriptedFetch([json(200, { access_token: 'a', refresh_token: 'r' })])
  await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).resolves.toMatchObject({ expiresIn: 3600 })
})

test('an OAuth error message quotes only the code and description, never the body', async () => {
  const { fetch } = scriptedFetch([json(400, { error: 'invalid_request', error_description: 'Invalid grant_type parameter or parameter missing', echo: 'RT-secret' })])
  const error = (await refreshTokenPair(credentials, 'RT-secret', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error.kind).toBe('oauth')
  expect(error.message).toContain('invalid_request')
  expect(error.message).not.toContain('RT-secret')
})
