/**
 * The grants of server authentication and least privilege, against a scripted token endpoint:
 * client credentials, JWT (signed again once, on Box's clock, when Box refuses its time), token
 * exchange (no client credentials sent) and revoke; and the form of a downscope's `resource`.
 */
import { constants, verify } from 'node:crypto'
import { BoxError } from '../../src/box/error.js'
import { clientCredentialsToken } from '../../src/box/client-credentials.js'
import { jwtToken } from '../../src/box/jwt-grant.js'
import { downscopeToken } from '../../src/box/token-exchange.js'
import type { BoxClientDeps } from '../../src/box/token-endpoint.js'
import { revokeToken } from '../../src/box/revoke.js'
import { DOCUMENTED_SCOPES, resourceProblem } from '../../src/box/scopes.js'
import { AT, credentials, deps, json, jwtApp, scriptedFetch } from '../support/box-script.js'

const formOf = (init: RequestInit): Record<string, string> => Object.fromEntries(new URLSearchParams(String(init.body)))
const claimsOf = (assertion: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(assertion.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>
const accessOnly = { access_token: AT, expires_in: 4000, token_type: 'bearer', restricted_to: [] }

describe('client credentials', () => {
  test.each([
    ['the enterprise', { type: 'enterprise', id: '1234567' }],
    ['a user', { type: 'user', id: '7654321' }]
  ] as const)('for %s: the form Box documents, and the access token alone, masked', async (_, subject) => {
    const { fetch, calls } = scriptedFetch([json(200, accessOnly)])
    const masked: string[] = []
    const answer = await clientCredentialsToken(credentials, subject, deps(fetch, masked))
    expect(answer).toEqual({ accessToken: AT, expiresIn: 4000, problems: [] })
    expect(masked).toEqual([AT])
    expect(calls[0].url).toBe('https://box.test/oauth2/token')
    expect(calls[0].init.redirect).toBe('manual')
    expect(formOf(calls[0].init)).toEqual({
      grant_type: 'client_credentials',
      box_subject_type: subject.type,
      box_subject_id: subject.id,
      client_id: 'cid',
      client_secret: credentials.clientSecret
    })
  })

  test('a refresh token Box might add is masked and dropped: there is no chain to keep in this mode', async () => {
    const { fetch } = scriptedFetch([json(200, { ...accessOnly, refresh_token: 'RT-unexpected-0123456789' })])
    const masked: string[] = []
    const answer = await clientCredentialsToken(credentials, { type: 'enterprise', id: '1' }, deps(fetch, masked))
    expect(answer).not.toHaveProperty('refreshToken')
    expect(masked).toContain('RT-unexpected-0123456789')
  })

  test('Box refusing the app is an error of kind invalid_client, sent once', async () => {
    const { fetch, calls } = scriptedFetch([
      json(400, { error: 'invalid_client', error_description: 'The client credentials are invalid' })
    ])
    const refused = clientCredentialsToken(credentials, { type: 'enterprise', id: '1' }, deps(fetch))
    await expect(refused).rejects.toMatchObject({ kind: 'invalid_client' })
    expect(calls).toHaveLength(1)
  })
})

describe('JWT', () => {
  const { config, publicKey } = jwtApp()
  const enterprise = { type: 'enterprise', id: '1234567' } as const
  /** The scripted collaborators on a clock of today (a JWT cannot be signed at the epoch). */
  const jwtDeps = (fetch: typeof globalThis.fetch, masked: string[] = [], slept: number[] = []): BoxClientDeps => {
    const d = deps(fetch, masked, slept)
    const start = Date.parse('2026-12-01T12:00:00Z')
    return { ...d, retry: { ...d.retry, timing: { ...d.retry.timing, now: () => start + d.retry.timing.now() } } }
  }
  const expRefused = (date?: string) =>
    json(
      400,
      { error: 'invalid_grant', error_description: "Please check the 'exp' claim." },
      date === undefined ? {} : { date }
    )

  test('the assertion is signed with the key, masked before it is sent, and sent with the app credentials', async () => {
    const { fetch, calls } = scriptedFetch([json(200, accessOnly)])
    const masked: string[] = []
    await jwtToken(config, enterprise, 'https://box.test', jwtDeps(fetch, masked))
    const form = formOf(calls[0].init)
    expect(form).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: 'cid',
      client_secret: credentials.clientSecret
    })
    expect(masked[0]).toBe(form.assertion)
    const [header, claims, signature] = form.assertion.split('.')
    const signed = Buffer.from(`${header}.${claims}`)
    const key = { key: publicKey, padding: constants.RSA_PKCS1_PADDING }
    expect(verify('sha256', signed, key, Buffer.from(signature, 'base64url'))).toBe(true)
    expect(claimsOf(form.assertion)).toMatchObject({ iss: 'cid', sub: '1234567', box_sub_type: 'enterprise' })
  })

  test("Box refusing `exp`: signed once more with a new jti, on the clock of Box's Date header", async () => {
    // jwtDeps() starts its clock at 12:00: Box's Date is 10 minutes later, within the believable day.
    const { fetch, calls } = scriptedFetch([expRefused('Tue, 01 Dec 2026 12:10:00 GMT'), json(200, accessOnly)])
    const masked: string[] = []
    await expect(jwtToken(config, enterprise, 'https://box.test', jwtDeps(fetch, masked))).resolves.toMatchObject({
      accessToken: AT
    })
    const [first, second] = calls.map((call) => claimsOf(formOf(call.init).assertion))
    expect(second.jti).not.toBe(first.jti)
    expect(second.exp).toBe(Date.parse('2026-12-01T12:10:00Z') / 1000 + 30)
    expect(masked).toEqual(expect.arrayContaining(calls.map((call) => formOf(call.init).assertion)))
  })

  test('Box refusing `exp` twice: signed again once, never more, and the refusal is the error', async () => {
    const date = 'Tue, 01 Dec 2026 12:10:00 GMT'
    const { fetch, calls } = scriptedFetch([expRefused(date), expRefused(date), json(200, accessOnly)])
    await expect(jwtToken(config, enterprise, 'https://box.test', jwtDeps(fetch))).rejects.toMatchObject({
      kind: 'invalid_grant'
    })
    expect(calls).toHaveLength(2)
  })

  test('Box refusing `exp` without a readable Date: nothing to sign differently, so not sent again', async () => {
    const { fetch, calls } = scriptedFetch([expRefused('yesterday at noon')])
    await expect(jwtToken(config, enterprise, 'https://box.test', jwtDeps(fetch))).rejects.toBeInstanceOf(BoxError)
    expect(calls).toHaveLength(1)
  })

  test('Box refusing the `jti`: signed again with a new one, even without a Date', async () => {
    const { fetch, calls } = scriptedFetch([
      json(400, { error: 'invalid_grant', error_description: "A unique 'jti' value is required." }),
      json(200, accessOnly)
    ])
    await jwtToken(config, enterprise, 'https://box.test', jwtDeps(fetch))
    const [first, second] = calls.map((call) => claimsOf(formOf(call.init).assertion))
    expect(second.jti).not.toBe(first.jti)
  })

  test('any other refusal (a wrong subject, say) is not signed again', async () => {
    const { fetch, calls } = scriptedFetch([
      json(400, { error: 'invalid_grant', error_description: "Please check the 'sub' claim." })
    ])
    await expect(jwtToken(config, enterprise, 'https://box.test', jwtDeps(fetch))).rejects.toMatchObject({
      kind: 'invalid_grant'
    })
    expect(calls).toHaveLength(1)
  })

  test('a retried attempt (Box answered 503) signs anew: Box refuses a jti it has seen', async () => {
    const { fetch, calls } = scriptedFetch([new Response('down', { status: 503 }), json(200, accessOnly)])
    await jwtToken(config, enterprise, 'https://box.test', jwtDeps(fetch))
    const [first, second] = calls.map((call) => claimsOf(formOf(call.init).assertion))
    expect(second.jti).not.toBe(first.jti)
  })
})

describe('token exchange', () => {
  test('the form of RFC 8693 with the scopes space-separated, and no client credentials at all', async () => {
    const { fetch, calls } = scriptedFetch([json(200, accessOnly)])
    const masked: string[] = []
    const child = await downscopeToken(
      'https://box.test',
      'parent-token-0123456789',
      { scopes: ['item_preview', 'item_download'], resource: 'https://api.box.com/2.0/folders/42' },
      deps(fetch, masked)
    )
    expect(child).toEqual({ accessToken: AT, expiresIn: 4000, problems: [] })
    expect(masked).toEqual([AT])
    expect(formOf(calls[0].init)).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: 'parent-token-0123456789',
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      scope: 'item_preview item_download',
      resource: 'https://api.box.com/2.0/folders/42'
    })
  })

  test('without `resource`, no resource field', async () => {
    const { fetch, calls } = scriptedFetch([json(200, accessOnly)])
    await downscopeToken('https://box.test', 'parent-token-0123456789', { scopes: ['item_preview'] }, deps(fetch))
    expect(formOf(calls[0].init)).not.toHaveProperty('resource')
  })
})

describe('revoke', () => {
  test('posts the client credentials and the token to /oauth2/revoke, following no redirect', async () => {
    const { fetch, calls } = scriptedFetch([new Response('', { status: 200 })])
    await revokeToken(credentials, 'token-to-revoke-0123', deps(fetch))
    expect(calls[0].url).toBe('https://box.test/oauth2/revoke')
    expect(calls[0].init.redirect).toBe('manual')
    expect(formOf(calls[0].init)).toEqual({
      client_id: 'cid',
      client_secret: credentials.clientSecret,
      token: 'token-to-revoke-0123'
    })
  })

  test('a 5xx is retried; a refusal is thrown as a BoxError', async () => {
    const retried = scriptedFetch([new Response('', { status: 502 }), new Response('', { status: 200 })])
    await revokeToken(credentials, 'token-to-revoke-0123', deps(retried.fetch))
    expect(retried.calls).toHaveLength(2)
    const refused = scriptedFetch([json(400, { error: 'invalid_client', error_description: 'no' })])
    await expect(revokeToken(credentials, 'token-to-revoke-0123', deps(refused.fetch))).rejects.toBeInstanceOf(BoxError)
  })
})

describe('scopes and resource', () => {
  test("Box's documented downscoping scopes, each once", () => {
    expect(DOCUMENTED_SCOPES).toEqual(expect.arrayContaining(['item_preview', 'item_download', 'root_readonly']))
    expect(new Set(DOCUMENTED_SCOPES).size).toBe(DOCUMENTED_SCOPES.length)
  })

  test.each([
    'https://api.box.com/2.0/files/123',
    'https://api.box.com/2.0/folders/0',
    'http://127.0.0.1:4000/2.0/folders/42' // box-api-url's own origin (a proxy, the simulator)
  ])('%s is a resource', (resource) => {
    expect(resourceProblem(resource, 'http://127.0.0.1:4000')).toBeUndefined()
  })

  test.each([
    ['not a URL', 'folders/42', /is not a URL/],
    ['another host', 'https://api.box.com.example/2.0/folders/42', /must be the full API URL/],
    ['a web address', 'https://app.box.com/folder/42', /must be the full API URL/],
    ['a collaboration, not an item', 'https://api.box.com/2.0/collaborations/42', /must be the full API URL/],
    ['an id that is not digits', 'https://api.box.com/2.0/folders/abc', /must be the full API URL/],
    ['a query', 'https://api.box.com/2.0/folders/42?fields=name', /must be the full API URL/],
    ['a fragment', 'https://api.box.com/2.0/folders/42#x', /must be the full API URL/],
    ['a path after the id', 'https://api.box.com/2.0/folders/42/items', /must be the full API URL/]
  ])('%s is refused', (_, resource, problem) => {
    expect(resourceProblem(resource, 'https://api.box.com')).toMatch(problem)
  })
})
