/**
 * The fake Box's JWT grant: the app's config as the Developer Console downloads it, the assertion
 * verified for real (signature, claims, replay, Box's clock with no skew), and each refusal as Box
 * words it.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import { accessTokenOf, accessTokenOnly, api, grantForm, postToken, type BoxReply } from './box-client.js'
import {
  generateAppKeyPair,
  JWT_AUDIENCE,
  signAssertion,
  startSimulator,
  type AppKeyPair,
  type AssertionOptions,
  type BoxJwtApp,
  type Simulator
} from './index.js'

let sim: Simulator
let app: BoxJwtApp
/** One key pair for the tests that do not look at the keys (a new one costs ~100 ms). */
let keyPair: AppKeyPair

beforeAll(() => {
  keyPair = generateAppKeyPair()
})

beforeEach(async () => {
  sim = await startSimulator()
  app = sim.box.createJwtApp({ keyPair, userAccessTokens: true })
})

afterEach(async () => {
  await sim.close()
})

function exchange(assertion: string, client = { id: app.clientId, secret: app.clientSecret }): Promise<BoxReply> {
  return postToken(sim, grantForm.jwt({ clientId: client.id, clientSecret: client.secret }, assertion))
}

const assertion = (options: AssertionOptions = {}, subject = app.enterpriseId): string =>
  signAssertion(app, subject, options)
const refused = (description: string) => ({
  status: 400,
  body: { error: 'invalid_grant', error_description: description }
})
const checkClaim = (claim: string) => refused(`Please check the '${claim}' claim.`)
const BAD_SUB = refused("Please check the 'sub' claim. The 'sub' specified is invalid.")
const nowSeconds = (): number => Math.floor(Date.now() / 1000)

describe('the app’s config', () => {
  it('is the Developer Console’s JSON, with an encrypted PKCS#8 key that only the passphrase opens', async () => {
    await sim.close()
    sim = await startSimulator()
    const fresh = sim.box.createJwtApp()
    expect(JSON.parse(fresh.configText)).toEqual({
      boxAppSettings: {
        clientID: fresh.clientId,
        clientSecret: fresh.clientSecret,
        appAuth: {
          publicKeyID: expect.stringMatching(/^[a-z0-9]{8}$/),
          privateKey: expect.stringMatching(
            /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END ENCRYPTED PRIVATE KEY-----\n$/
          ),
          passphrase: expect.stringMatching(/^[0-9a-f]{32}$/)
        }
      },
      enterpriseID: fresh.enterpriseId
    })
    expect(fresh.config.boxAppSettings.appAuth).toEqual({
      publicKeyID: fresh.publicKeyId,
      privateKey: fresh.privateKey,
      passphrase: fresh.passphrase
    })
    expect(() => createPrivateKey({ key: fresh.privateKey, passphrase: 'not it' })).toThrow()
    const key = createPrivateKey({ key: fresh.privateKey, passphrase: fresh.passphrase })
    const signature = sign('sha256', Buffer.from('x'), key)
    expect(verify('sha256', Buffer.from('x'), createPublicKey(key), signature)).toBe(true)
    const reply = await exchange(signAssertion(fresh, fresh.enterpriseId), {
      id: fresh.clientId,
      secret: fresh.clientSecret
    })
    expect(reply.status).toBe(200)
  })
})

describe('a valid assertion', () => {
  it.each(['RS256', 'RS384', 'RS512'])('signed %s gets an access token for the service account', async (alg) => {
    const reply = await exchange(assertion({ alg }))
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual(accessTokenOnly())
    const token = accessTokenOf(reply)
    expect(sim.box.token(token)).toMatchObject({
      grant: 'jwt-bearer',
      clientId: app.clientId,
      subject: { type: 'enterprise', id: app.enterpriseId },
      userId: app.serviceAccountId
    })
    expect(sim.box.token(token)?.refreshToken).toBeUndefined()
    expect((await api(sim, token, 'GET', '/2.0/users/me')).body).toMatchObject({ id: app.serviceAccountId })
  })

  it('for a user gets a token that acts as that user', async () => {
    const user = sim.box.addUser(app.enterpriseId)
    const token = accessTokenOf(await exchange(assertion({ claims: { box_sub_type: 'user' } }, user)))
    expect(sim.box.token(token)).toMatchObject({ subject: { type: 'user', id: user }, userId: user })
  })

  it('may expire exactly 60 seconds after Box’s now, and carry iat and nbf of now', async () => {
    const now = nowSeconds()
    expect((await exchange(assertion({ claims: { exp: now + 60 } }))).status).toBe(200)
    expect((await exchange(assertion({ claims: { iat: now, nbf: now, exp: now + 30 } }))).status).toBe(200)
  })

  it('signed with a second public key of the app works too (key rotation)', async () => {
    const second = generateAppKeyPair()
    const kid = sim.box.addPublicKey(app.clientId, second.publicKey)
    const signer = { ...app, publicKeyId: kid, privateKey: second.privateKey, passphrase: second.passphrase }
    expect((await exchange(signAssertion(signer, app.enterpriseId))).status).toBe(200)
    sim.box.removePublicKey(app.clientId, kid)
    expect(await exchange(signAssertion(signer, app.enterpriseId))).toMatchObject(
      refused('"kid" invalid, unable to lookup correct key')
    )
  })
})

describe('refuses', () => {
  const signatureError =
    'Signature verification error. The public key identified by "kid" must correspond to the private key used for signing.'

  it.each<[string, () => string, object]>([
    ['an alg Box does not take (HS256)', () => assertion({ alg: 'HS256' }), { error: 'invalid_grant' }],
    ['alg none', () => assertion({ alg: 'none' }), { error: 'invalid_grant' }],
    ['something that is not a JWT', () => 'not.a-jwt', { error: 'invalid_grant' }],
    [
      'a kid the app does not have',
      () => assertion({ kid: 'zzzz9999' }),
      refused('"kid" invalid, unable to lookup correct key').body
    ],
    [
      'a signature by another key',
      () => signAssertion({ ...app, ...generateAppKeyPair() }, app.enterpriseId),
      refused(signatureError).body
    ],
    ['claims changed after signing', () => tamper(assertion(), { sub: '1' }), refused(signatureError).body]
  ])('%s', async (_, make, body) => {
    const reply = await exchange(make())
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject(body)
    expect(sim.box.issuedTokens).toEqual([])
  })

  // The claims are made when the test runs, not when the table is: on a loaded machine the tests
  // before this one can take longer than the 5 s by which an iat or nbf is in Box's future.
  it.each<[string, () => Record<string, unknown>, ReturnType<typeof refused>]>([
    ['iss another client', () => ({ iss: 'someone-else' }), checkClaim('iss')],
    ['aud another audience', () => ({ aud: 'https://api.box.com/' }), checkClaim('aud')],
    ['no jti', () => ({ jti: undefined }), checkClaim('jti')],
    ['a jti of 15 characters', () => ({ jti: 'x'.repeat(15) }), checkClaim('jti')],
    ['a jti of 129 characters', () => ({ jti: 'x'.repeat(129) }), checkClaim('jti')],
    ['no exp', () => ({ exp: undefined }), checkClaim('exp')],
    ['an iat in Box’s future', () => ({ iat: nowSeconds() + 5 }), checkClaim('iat')],
    ['an nbf in Box’s future', () => ({ nbf: nowSeconds() + 5 }), checkClaim('nbf')],
    ['a box_sub_type that is neither enterprise nor user', () => ({ box_sub_type: 'app' }), checkClaim('box_sub_type')],
    ['an enterprise Box does not know', () => ({ sub: '99999999' }), BAD_SUB]
  ])('%s', async (_, claims, expected) => {
    expect(await exchange(assertion({ claims: claims() }))).toMatchObject(expected)
  })

  it('an exp that is not after Box’s now: no clock skew at all', async () => {
    expect(await exchange(assertion({ claims: { exp: nowSeconds() } }))).toMatchObject(
      refused("Current date/time MUST be before the expiration date/time listed in the 'exp' claim")
    )
  })

  it('an exp more than 60 seconds after Box’s now, or after the iat', async () => {
    const tooFar = refused(
      "Please check the 'exp' claim. The 'exp' value exceeds the maximum value of 60 seconds beyond the issue time."
    )
    expect(await exchange(assertion({ claims: { exp: nowSeconds() + 62 } }))).toMatchObject(tooFar)
    expect(await exchange(assertion({ claims: { iat: nowSeconds() - 30, exp: nowSeconds() + 40 } }))).toMatchObject(
      tooFar
    )
  })

  it('a user when the app has App Access Only, as a bad sub', async () => {
    const appOnly = sim.box.createJwtApp({ keyPair })
    const user = sim.box.addUser(appOnly.enterpriseId)
    const reply = await exchange(signAssertion(appOnly, user, { claims: { box_sub_type: 'user' } }), {
      id: appOnly.clientId,
      secret: appOnly.clientSecret
    })
    expect(reply).toMatchObject(BAD_SUB)
  })

  it('an app no admin authorized: unauthorized_client', async () => {
    const unauthorized = sim.box.createJwtApp({ keyPair, authorized: false })
    const reply = await exchange(signAssertion(unauthorized, unauthorized.enterpriseId), {
      id: unauthorized.clientId,
      secret: unauthorized.clientSecret
    })
    expect(reply).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } })
  })

  it('a wrong client secret (invalid_client) and a missing assertion (invalid_request)', async () => {
    expect(await exchange(assertion(), { id: app.clientId, secret: 'wrong' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_client', error_description: 'The client credentials are invalid' }
    })
    expect(await exchange('')).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })
})

describe('replay', () => {
  it('an assertion used once is refused the second time, as is its jti in a new assertion', async () => {
    const once = assertion({ claims: { jti: 'j'.repeat(32) } })
    expect((await exchange(once)).status).toBe(200)
    expect(await exchange(once)).toMatchObject(checkClaim('jti'))
    expect(await exchange(assertion({ claims: { jti: 'j'.repeat(32) } }))).toMatchObject(checkClaim('jti'))
    expect(sim.box.issuedTokens).toHaveLength(1)
  })

  it('spends the jti of a signed assertion refused for its exp: a retry must sign a new one', async () => {
    const jti = 'k'.repeat(40)
    expect(await exchange(assertion({ claims: { jti, exp: nowSeconds() - 1 } }))).toMatchObject({ status: 400 })
    expect(await exchange(assertion({ claims: { jti } }))).toMatchObject(checkClaim('jti'))
    expect((await exchange(assertion())).status).toBe(200)
  })

  it('keeps jtis per app: another app may use the same one', async () => {
    const other = sim.box.createJwtApp({ keyPair })
    const jti = 'm'.repeat(20)
    expect((await exchange(assertion({ claims: { jti } }))).status).toBe(200)
    const reply = await exchange(signAssertion(other, other.enterpriseId, { claims: { jti } }), {
      id: other.clientId,
      secret: other.clientSecret
    })
    expect(reply.status).toBe(200)
  })

  it('does not spend the jti of an assertion whose signature fails (no one can burn another’s jti)', async () => {
    const jti = 'n'.repeat(20)
    expect((await exchange(tamper(assertion({ claims: { jti } }), { sub: '1' }))).status).toBe(400)
    expect((await exchange(assertion({ claims: { jti } }))).status).toBe(200)
  })
})

describe('Box’s clock', () => {
  it.each([
    [
      'ahead of the client’s by two minutes',
      120_000,
      "Current date/time MUST be before the expiration date/time listed in the 'exp' claim"
    ],
    [
      'behind the client’s by two minutes',
      -120_000,
      "Please check the 'exp' claim. The 'exp' value exceeds the maximum value of 60 seconds beyond the issue time."
    ]
  ])(
    '%s: refused, and re-signed with the Date of the refusal and a new jti, accepted',
    async (_, offset, description) => {
      sim.box.clockOffsetMs = offset
      const first = await exchange(assertion())
      expect(first).toMatchObject(refused(description))
      const boxNow = Date.parse(first.headers.get('date')!)
      expect(Math.abs(boxNow - (Date.now() + offset))).toBeLessThan(2_000)
      expect((await exchange(assertion({ now: boxNow }))).status).toBe(200)
    }
  )
})

it('records every assertion that reached it, refused ones included', async () => {
  const bad = assertion({ claims: { iss: 'x' } })
  const good = assertion()
  await exchange(bad)
  await exchange(good)
  expect(sim.box.receivedAssertions).toEqual([bad, good])
})

/** The assertion with its claims changed and the signature kept. */
function tamper(jwt: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = jwt.split('.')
  const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...claims, aud: JWT_AUDIENCE }
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`
}
