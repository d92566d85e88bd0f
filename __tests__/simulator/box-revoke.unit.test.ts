/**
 * The fake Box's POST /oauth2/revoke: a CCG, JWT or downscoped token ends alone; an OAuth access or
 * refresh token ends its pair. Every revocation is recorded with what it ended.
 */
import { accessTokenOf, api, grantForm, postRevoke, postToken, tokenFrom } from './box-client.js'
import { generateAppKeyPair, signAssertion, startSimulator, type BoxServerApp, type Simulator } from './index.js'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

const revoke = (token: string, client = { id: sim.box.client.id, secret: sim.box.client.secret }) =>
  postRevoke(sim, { client_id: client.id, client_secret: client.secret, token })

const clientOf = (app: BoxServerApp) => ({ id: app.clientId, secret: app.clientSecret })

const ccgToken = (app: BoxServerApp): Promise<string> => tokenFrom(sim, grantForm.clientCredentials(app))

async function oauthPair(): Promise<{ access: string; refresh: string }> {
  const reply = await postToken(sim, grantForm.refresh(sim.box.client, sim.box.issueRefreshToken()))
  return { access: accessTokenOf(reply), refresh: (reply.body as { refresh_token: string }).refresh_token }
}

const downscope = (parent: string): Promise<string> => tokenFrom(sim, grantForm.exchange(parent))

describe('a CCG or JWT token', () => {
  it('ends alone: 200 with an empty body, recorded; the app’s other tokens and the child live on', async () => {
    const app = sim.box.createCcgApp()
    const [token, other] = [await ccgToken(app), await ccgToken(app)]
    const child = await downscope(token)
    const reply = await revoke(token, clientOf(app))
    expect(reply).toMatchObject({ status: 200, body: '' })
    expect(sim.box.isAccessTokenValid(token)).toBe(false)
    expect(sim.box.isRevoked(token)).toBe(true)
    expect(sim.box.token(token)?.revokedAt).toEqual(expect.any(Number))
    expect((await api(sim, token, 'GET', '/2.0/users/me')).status).toBe(401)
    expect(sim.box.isAccessTokenValid(other)).toBe(true)
    expect(sim.box.isAccessTokenValid(child)).toBe(true)
    expect(sim.box.revocations).toEqual([{ token, clientId: app.clientId, at: expect.any(Number), ended: [token] }])
  })

  it('of a JWT app ends alone too', async () => {
    const app = sim.box.createJwtApp({ keyPair: generateAppKeyPair() })
    const token = await tokenFrom(sim, grantForm.jwt(app, signAssertion(app, app.enterpriseId)))
    expect((await revoke(token, clientOf(app))).status).toBe(200)
    expect(sim.box.revocations.map((r) => r.ended)).toEqual([[token]])
  })

  it('downscoped: the child ends, the parent lives on, and a revoked token cannot be downscoped', async () => {
    const app = sim.box.createCcgApp()
    const parent = await ccgToken(app)
    const child = await downscope(parent)
    expect((await revoke(child, clientOf(app))).status).toBe(200)
    expect(sim.box.isAccessTokenValid(child)).toBe(false)
    expect(sim.box.isAccessTokenValid(parent)).toBe(true)
    const reply = await postToken(sim, grantForm.exchange(child))
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })
})

describe('an OAuth token', () => {
  it.each(['access', 'refresh'] as const)('ends its pair when the %s token is revoked', async (which) => {
    const pair = await oauthPair()
    expect((await revoke(pair[which])).status).toBe(200)
    expect(sim.box.isAccessTokenValid(pair.access)).toBe(false)
    expect(sim.box.isRefreshTokenValid(pair.refresh)).toBe(false)
    expect(sim.box.revocations[0]!.ended.sort()).toEqual([pair.access, pair.refresh].sort())
    const refresh = await postToken(sim, grantForm.refresh(sim.box.client, pair.refresh))
    expect(refresh).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  it('downscoped: revoking the child ends the child alone (Box does not document more)', async () => {
    const pair = await oauthPair()
    const child = await downscope(pair.access)
    await revoke(child)
    expect(sim.box.isAccessTokenValid(child)).toBe(false)
    expect(sim.box.isAccessTokenValid(pair.access)).toBe(true)
    expect(sim.box.isRefreshTokenValid(pair.refresh)).toBe(true)
  })

  it('a refresh token issued on its own (no access token yet) ends alone', async () => {
    const refresh = sim.box.issueRefreshToken()
    await revoke(refresh)
    expect(sim.box.isRefreshTokenValid(refresh)).toBe(false)
    expect(sim.box.revocations[0]!.ended).toEqual([refresh])
  })
})

describe('accepts and ends nothing', () => {
  it('for a token Box never issued, and for one already revoked', async () => {
    const app = sim.box.createCcgApp()
    const token = await ccgToken(app)
    expect((await revoke('never-issued', clientOf(app))).status).toBe(200)
    await revoke(token, clientOf(app))
    expect((await revoke(token, clientOf(app))).status).toBe(200)
    expect(sim.box.revocations.map((r) => [r.token, r.ended])).toEqual([
      ['never-issued', []],
      [token, [token]],
      [token, []]
    ])
  })
})

describe('refuses, and revokes nothing', () => {
  it('a wrong client secret: invalid_client', async () => {
    const pair = await oauthPair()
    expect(await revoke(pair.access, { id: sim.box.client.id, secret: 'wrong' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_client' }
    })
    expect(sim.box.isAccessTokenValid(pair.access)).toBe(true)
    expect(sim.box.revocations).toEqual([])
  })

  it('another client’s token: unauthorized_client', async () => {
    const app = sim.box.createCcgApp()
    const token = await ccgToken(app)
    expect(await revoke(token)).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } })
    expect(sim.box.isAccessTokenValid(token)).toBe(true)
    expect(sim.box.isRevoked(token)).toBe(false)
  })

  it.each([
    ['no token', { token: '' }],
    ['no client secret', { client_secret: '' }]
  ])('a request with %s: invalid_request', async (_, fields) => {
    const pair = await oauthPair()
    const reply = await postRevoke(sim, {
      client_id: sim.box.client.id,
      client_secret: sim.box.client.secret,
      token: pair.access,
      ...fields
    })
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    expect(sim.box.isAccessTokenValid(pair.access)).toBe(true)
  })
})
