/**
 * The fake Box's Client Credentials Grant: an access token for the app's service account or, with
 * "Generate User Access Tokens", for a user, once an admin authorized the app; refused as Box
 * refuses otherwise.
 */
import { accessTokenOf, accessTokenOnly, api, grantForm, postToken } from './box-client.js'
import { DEFAULT_APP_SCOPES, startSimulator, type BoxServerApp, type Simulator } from './index.js'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

function ccg(app: BoxServerApp, subject: { type?: string; id?: string } = {}, secret = app.clientSecret) {
  const type = subject.type ?? 'enterprise'
  const id = subject.id ?? app.enterpriseId
  return postToken(sim, grantForm.clientCredentials({ ...app, clientSecret: secret }, { type, id }))
}

const GRANT_CREDENTIALS_INVALID = { error: 'invalid_grant', error_description: 'Grant credentials are invalid' }

it('answers an access token for the service account, with no refresh token, and records it', async () => {
  const app = sim.box.createCcgApp()
  const reply = await ccg(app)
  expect(reply.status).toBe(200)
  expect(reply.body).toEqual(accessTokenOnly())
  const token = accessTokenOf(reply)
  expect(sim.box.isAccessTokenValid(token)).toBe(true)
  expect(sim.box.token(token)).toEqual({
    accessToken: token,
    grant: 'client_credentials',
    clientId: app.clientId,
    subject: { type: 'enterprise', id: app.enterpriseId },
    userId: app.serviceAccountId,
    scopes: [...DEFAULT_APP_SCOPES],
    issuedAt: expect.any(Number),
    expiresIn: 3600
  })
  expect(sim.box.issuedTokens).toHaveLength(1)
  expect(sim.box.issued).toEqual([]) // no OAuth pair
  expect((await api(sim, token, 'GET', '/2.0/users/me')).body).toMatchObject({
    type: 'user',
    id: app.serviceAccountId
  })
})

it('answers a token for a user when the app may generate user access tokens', async () => {
  const app = sim.box.createCcgApp({ userAccessTokens: true })
  const user = sim.box.addUser(app.enterpriseId)
  const token = accessTokenOf(await ccg(app, { type: 'user', id: user }))
  expect(sim.box.token(token)).toMatchObject({ subject: { type: 'user', id: user }, userId: user })
  expect((await api(sim, token, 'GET', '/2.0/users/me')).body).toMatchObject({ id: user })
})

it('gives each token the app’s scopes as they are when it is issued', async () => {
  const app = sim.box.createCcgApp({ scopes: ['root_readonly'] })
  const first = accessTokenOf(await ccg(app))
  sim.box.configureApp(app.clientId, { scopes: ['root_readwrite', 'manage_groups'] })
  const second = accessTokenOf(await ccg(app))
  expect(sim.box.token(first)?.scopes).toEqual(['root_readonly'])
  expect(sim.box.token(second)?.scopes).toEqual(['root_readwrite', 'manage_groups'])
})

describe('refuses', () => {
  it('a user when the app has App Access Only: invalid_grant, "Grant credentials are invalid"', async () => {
    const app = sim.box.createCcgApp()
    const user = sim.box.addUser(app.enterpriseId)
    expect(await ccg(app, { type: 'user', id: user })).toMatchObject({ status: 400, body: GRANT_CREDENTIALS_INVALID })
  })

  it.each([
    ['an enterprise Box does not know', { type: 'enterprise', id: '99999999' }],
    ['a user Box does not know', { type: 'user', id: '77777777777' }]
  ])('%s: invalid_grant, "Grant credentials are invalid"', async (_, subject) => {
    const app = sim.box.createCcgApp({ userAccessTokens: true })
    expect(await ccg(app, subject)).toMatchObject({ status: 400, body: GRANT_CREDENTIALS_INVALID })
  })

  it('an app no admin authorized, and one an admin removed: unauthorized_client', async () => {
    const notAuthorized = sim.box.createCcgApp({ authorized: false })
    const unauthorized = {
      status: 400,
      body: { error: 'unauthorized_client', error_description: 'This app is not authorized by the enterprise admin' }
    }
    expect(await ccg(notAuthorized)).toMatchObject(unauthorized)

    const app = sim.box.createCcgApp()
    accessTokenOf(await ccg(app))
    sim.box.deauthorizeApp(app.clientId, app.enterpriseId)
    expect(await ccg(app)).toMatchObject(unauthorized)
  })

  it('a user of another enterprise, which has not authorized the app: unauthorized_client', async () => {
    const app = sim.box.createCcgApp({ userAccessTokens: true })
    const other = sim.box.addEnterprise({ users: ['55555555555'] })
    expect(await ccg(app, { type: 'user', id: '55555555555' })).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' }
    })
    sim.box.authorizeApp(app.clientId, other.id)
    expect((await ccg(app, { type: 'user', id: '55555555555' })).status).toBe(200)
  })

  it('a wrong client secret: invalid_grant; an unknown client id: invalid_client', async () => {
    const app = sim.box.createCcgApp()
    expect(await ccg(app, {}, 'wrong')).toMatchObject({ status: 400, body: GRANT_CREDENTIALS_INVALID })
    expect(await ccg({ ...app, clientId: 'unknown' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_client', error_description: 'The client credentials are invalid' }
    })
  })

  it.each([
    ['without box_subject_type', { type: '' }],
    ['without box_subject_id', { id: '' }],
    ['with a box_subject_type that is neither enterprise nor user', { type: 'app' }]
  ])('a request %s: invalid_request', async (_, subject) => {
    const app = sim.box.createCcgApp()
    expect(await ccg(app, subject)).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  it('with no token issued by any refusal', async () => {
    const app = sim.box.createCcgApp()
    await ccg(app, {}, 'wrong')
    await ccg(app, { type: 'user', id: '1' })
    expect(sim.box.issuedTokens).toEqual([])
  })
})
