/**
 * The fake Box's token exchange (downscoping): any token it issued can be cut down to Box scopes it
 * holds and one file or folder; the child is recorded with its parent, and the content API keeps it
 * to its resource.
 */
import { accessTokenOf, accessTokenOnly, api, grantForm, postToken, tokenFrom, type BoxReply } from './box-client.js'
import { generateAppKeyPair, signAssertion, startSimulator, type Simulator } from './index.js'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

function downscope(subjectToken: string, fields: Record<string, string> = {}): Promise<BoxReply> {
  return postToken(sim, { ...grantForm.exchange(subjectToken, 'item_preview base_explorer'), ...fields })
}

const oauthToken = (): Promise<string> => tokenFrom(sim, grantForm.refresh(sim.box.client, sim.box.issueRefreshToken()))

const ccgToken = (scopes?: string[]): Promise<string> =>
  tokenFrom(sim, grantForm.clientCredentials(sim.box.createCcgApp(scopes ? { scopes } : {})))

async function jwtToken(): Promise<string> {
  const app = sim.box.createJwtApp({ keyPair: generateAppKeyPair() })
  return tokenFrom(sim, grantForm.jwt(app, signAssertion(app, app.enterpriseId)))
}

const FOLDER = 'https://api.box.com/2.0/folders/123456'

describe.each([
  ['an OAuth token', oauthToken],
  ['a CCG token', () => ccgToken()],
  ['a JWT token', jwtToken]
])('%s', (_, parentToken) => {
  it('is exchanged for a child with only the scopes asked for, on one folder, and no refresh token', async () => {
    const parent = await parentToken()
    const reply = await downscope(parent, { scope: 'item_preview item_download', resource: FOLDER })
    expect(reply.status).toBe(200)
    const object = { type: 'folder', id: '123456', sequence_id: '0', etag: '0', name: 'Folder 123456' }
    expect(reply.body).toEqual(
      accessTokenOnly([
        { scope: 'item_preview', object },
        { scope: 'item_download', object }
      ])
    )
    const child = accessTokenOf(reply)
    const parentRecord = sim.box.token(parent)!
    expect(sim.box.token(child)).toEqual({
      accessToken: child,
      grant: 'token-exchange',
      clientId: parentRecord.clientId,
      subject: parentRecord.subject,
      userId: parentRecord.userId,
      scopes: ['item_preview', 'item_download'],
      parent,
      resource: { type: 'folder', id: '123456' },
      issuedAt: expect.any(Number),
      expiresIn: 3600
    })
    expect(sim.box.isDownscopedFrom(child, parent)).toBe(true)
    expect(sim.box.isDownscopedFrom(parent, child)).toBe(false)
    expect(sim.box.isAccessTokenValid(child)).toBe(true)
    expect(sim.box.isAccessTokenValid(parent)).toBe(true)
  })
})

it('answers restricted_to [] for a child with no resource, which acts as its parent’s user', async () => {
  const parent = await ccgToken()
  const reply = await downscope(parent)
  expect(reply.body).toMatchObject({ restricted_to: [] })
  const child = accessTokenOf(reply)
  expect(sim.box.token(child)?.resource).toBeUndefined()
  const me = (await api(sim, child, 'GET', '/2.0/users/me')).body
  expect(me).toEqual((await api(sim, parent, 'GET', '/2.0/users/me')).body)
})

it('takes a resource on the simulator’s own origin, and a file as well as a folder', async () => {
  const parent = await oauthToken()
  const child = accessTokenOf(await downscope(parent, { resource: `${sim.boxUrl}/2.0/files/42` }))
  expect(sim.box.token(child)?.resource).toEqual({ type: 'file', id: '42' })
})

it('takes a shared link instead of a resource', async () => {
  const parent = await oauthToken()
  const link = 'https://app.box.com/s/abc123XYZ'
  const reply = await downscope(parent, { box_shared_link: link })
  expect(reply.body).toMatchObject({ restricted_to: [] })
  expect(sim.box.token(accessTokenOf(reply))?.sharedLink).toBe(link)
})

describe('a downscoped child', () => {
  it('can be downscoped again, to fewer scopes, never more', async () => {
    const parent = await oauthToken()
    const child = accessTokenOf(await downscope(parent, { scope: 'item_preview item_download' }))
    const grandchild = accessTokenOf(await downscope(child, { scope: 'item_preview' }))
    expect(sim.box.isDownscopedFrom(grandchild, child)).toBe(true)
    expect(sim.box.isDownscopedFrom(grandchild, parent)).toBe(false)
    expect(await downscope(child, { scope: 'item_delete' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_scope' }
    })
  })

  it('keeps its parent’s resource and cannot move to another', async () => {
    const parent = await oauthToken()
    const child = accessTokenOf(await downscope(parent, { resource: FOLDER }))
    const inherits = accessTokenOf(await downscope(child, { scope: 'item_preview' }))
    expect(sim.box.token(inherits)?.resource).toEqual({ type: 'folder', id: '123456' })
    expect(accessTokenOf(await downscope(child, { scope: 'item_preview', resource: FOLDER }))).toBeTruthy()
    expect(await downscope(child, { resource: 'https://api.box.com/2.0/folders/999' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_resource', error_description: 'The target resource is invalid.' }
    })
  })
})

describe('refuses', () => {
  it.each([
    ['a scope Box does not document', 'item_preview item_readwrite'],
    ['two spaces between scopes', 'item_preview  base_explorer'],
    ['a trailing space', 'item_preview '],
    ['scopes separated by a comma', 'item_preview,base_explorer']
  ])('%s: 400 invalid_scope', async (_, scope) => {
    const reply = await downscope(await oauthToken(), { scope })
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_scope' } })
  })

  it('a scope the subject token does not hold: 401 invalid_scope, as box-openapi says', async () => {
    const parent = await ccgToken(['root_readonly', 'item_preview'])
    expect((await downscope(parent, { scope: 'item_preview' })).status).toBe(200)
    expect(await downscope(parent, { scope: 'item_preview item_delete' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_scope' }
    })
    expect(await downscope(await oauthToken(), { scope: 'manage_groups' })).toMatchObject({ status: 401 })
  })

  it.each([
    ['an id that is not a number', 'https://api.box.com/2.0/folders/abc'],
    ['another host', 'https://example.com/2.0/folders/1'],
    ['plain http', 'http://api.box.com/2.0/folders/1'],
    ['a user, not a file or folder', 'https://api.box.com/2.0/users/1'],
    ['a query string', 'https://api.box.com/2.0/folders/1?fields=name'],
    ['an id alone', '123456']
  ])('a resource with %s: invalid_resource', async (_, resource) => {
    expect(await downscope(await oauthToken(), { resource })).toMatchObject({
      status: 400,
      body: { error: 'invalid_resource' }
    })
  })

  it.each(['http://app.box.com/s/abc', 'https://evil.example/s/abc', 'https://app.box.com/folder/1'])(
    'a shared link %s: invalid_resource',
    async (link) => {
      expect(await downscope(await oauthToken(), { box_shared_link: link })).toMatchObject({
        status: 400,
        body: { error: 'invalid_resource' }
      })
    }
  )

  it('a resource and a shared link together: invalid_request', async () => {
    const reply = await downscope(await oauthToken(), { resource: FOLDER, box_shared_link: 'https://app.box.com/s/a1' })
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  it('a subject token Box never issued, or one expired: invalid_request', async () => {
    expect(await downscope('x'.repeat(32))).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    const parent = await oauthToken()
    sim.box.clockOffsetMs = 2 * 3600_000
    expect(await downscope(parent)).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  it.each([
    ['no scope', { scope: '' }],
    ['another subject_token_type', { subject_token_type: 'urn:ietf:params:oauth:token-type:refresh_token' }]
  ])('%s: invalid_request', async (_, fields) => {
    expect(await downscope(await oauthToken(), fields)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' }
    })
  })

  it('with no token issued by any refusal', async () => {
    const parent = await oauthToken()
    await downscope(parent, { scope: 'nope' })
    await downscope(parent, { resource: 'nope' })
    expect(sim.box.issuedTokens).toHaveLength(1)
  })
})

describe('the content API with a downscoped token', () => {
  it('reaches its folder, and nothing else: users/me and other folders get 403 insufficient_scope', async () => {
    const child = accessTokenOf(await downscope(await oauthToken(), { resource: FOLDER }))
    expect(await api(sim, child, 'GET', '/2.0/folders/123456')).toMatchObject({
      status: 200,
      body: { type: 'folder', id: '123456' }
    })
    for (const path of ['/2.0/folders/999', '/2.0/files/123456', '/2.0/users/me']) {
      const reply = await api(sim, child, 'GET', path)
      expect(reply).toMatchObject({ status: 403, body: { code: 'insufficient_scope' } })
      expect(reply.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/)
    }
  })

  it('deletes only with item_delete; the full-scope parent deletes anything', async () => {
    const parent = await oauthToken()
    const preview = accessTokenOf(await downscope(parent, { resource: FOLDER }))
    const deleter = accessTokenOf(await downscope(parent, { scope: 'item_delete', resource: FOLDER }))
    expect((await api(sim, preview, 'DELETE', '/2.0/folders/123456')).status).toBe(403)
    expect((await api(sim, deleter, 'DELETE', '/2.0/folders/999')).status).toBe(403)
    expect(sim.box.deletions).toEqual([])
    expect((await api(sim, deleter, 'DELETE', '/2.0/folders/123456')).status).toBe(204)
    expect((await api(sim, parent, 'DELETE', '/2.0/files/7')).status).toBe(204)
    expect(sim.box.deletions).toEqual([
      { type: 'folder', id: '123456', accessToken: deleter },
      { type: 'file', id: '7', accessToken: parent }
    ])
  })

  it('answers 401 to a token it never issued, and to no token', async () => {
    expect((await api(sim, 'nope', 'GET', '/2.0/folders/1')).status).toBe(401)
    expect((await fetch(`${sim.boxUrl}/2.0/folders/1`)).status).toBe(401)
  })
})
