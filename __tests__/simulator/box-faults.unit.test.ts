/**
 * The fault rows the refresh grant always had, for every grant and for the revoke: each fault either
 * leaves Box's state alone or lets Box act and loses or alters the answer; and a fault can be kept
 * for one grant or one endpoint.
 */
import { grantForm, postRevoke, postToken, tokenFrom, type BoxReply } from './box-client.js'
import {
  generateAppKeyPair,
  signAssertion,
  startSimulator,
  type AppKeyPair,
  type BoxFault,
  type BoxFaultScope,
  type BoxGrant,
  type Simulator
} from './index.js'

let sim: Simulator
let keyPair: AppKeyPair

beforeAll(() => {
  keyPair = generateAppKeyPair()
})

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

/** One kind of request: how to send it (set up first), whether Box acted on it, and its fault scope. */
interface Target {
  send: (init?: RequestInit) => Promise<Response>
  acted: () => boolean
  scope: BoxFaultScope
}

/** A sender of this form to this endpoint of the fake Box. */
const poster =
  (path: string, fields: Record<string, string>) =>
  (init: RequestInit = {}): Promise<Response> =>
    fetch(`${sim.boxUrl}${path}`, { method: 'POST', body: new URLSearchParams(fields), ...init })

async function ccgToken(): Promise<{ token: string; clientId: string; clientSecret: string }> {
  const app = sim.box.createCcgApp()
  return { token: await tokenFrom(sim, grantForm.clientCredentials(app)), ...app }
}

/** A token request of this form, which Box acted on when it issued a token of this grant. */
const tokenRequest = (grant: BoxGrant, form: Record<string, string>): Target => ({
  send: poster('/oauth2/token', form),
  acted: () => sim.box.issuedTokens.some((t) => t.grant === grant),
  scope: { grant }
})

const targets: Record<string, () => Promise<Target>> = {
  'the refresh grant': async () =>
    tokenRequest('refresh_token', grantForm.refresh(sim.box.client, sim.box.issueRefreshToken())),
  'the client credentials grant': async () =>
    tokenRequest('client_credentials', grantForm.clientCredentials(sim.box.createCcgApp())),
  'the JWT grant': async () => {
    const app = sim.box.createJwtApp({ keyPair })
    return tokenRequest('jwt-bearer', grantForm.jwt(app, signAssertion(app, app.enterpriseId)))
  },
  'the token exchange': async () => tokenRequest('token-exchange', grantForm.exchange((await ccgToken()).token)),
  'the revoke': async () => {
    const { token, clientId, clientSecret } = await ccgToken()
    return {
      send: poster('/oauth2/revoke', { client_id: clientId, client_secret: clientSecret, token }),
      acted: () => sim.box.isRevoked(token),
      scope: { endpoint: '/oauth2/revoke' }
    }
  }
}

/** The fault a row injects, for its target alone (so the setup's own requests pass). */
const inject = (target: Target, fault: BoxFault): void => sim.box.injectFault(fault, 1, target.scope)

describe.each(Object.keys(targets))('%s', (name) => {
  let target: Target

  beforeEach(async () => {
    target = await targets[name]!()
  })

  it.each([503, 500])('answers an injected %i with an opaque page, and Box does not act', async (status) => {
    inject(target, { kind: 'status', status })
    const res = await target.send()
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('text/html')
    expect(target.acted()).toBe(false)
    expect((await target.send()).status).toBe(200) // the fault was used up
    expect(target.acted()).toBe(true)
  })

  it('answers 429 with retry-after, and Box does not act', async () => {
    inject(target, { kind: 'rate-limit', retryAfterSeconds: 7 })
    const res = await target.send()
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '7'])
    expect(target.acted()).toBe(false)
  })

  it('hangs until the client gives up, and Box does not act', async () => {
    inject(target, { kind: 'hang' })
    await expect(Promise.race([target.send(), timeout(200)])).rejects.toThrow()
    expect(target.acted()).toBe(false)
  })

  it('redirects elsewhere (a hostile server), and Box does not act', async () => {
    inject(target, {
      kind: 'reply',
      reply: () => ({ status: 302, headers: { location: 'http://127.0.0.1:9/stolen' } })
    })
    const res = await target.send({ redirect: 'manual' })
    expect([res.status, res.headers.get('location')]).toEqual([302, 'http://127.0.0.1:9/stolen'])
    expect(target.acted()).toBe(false)
  })

  it('echoes the request it was sent (a hostile server), and Box does not act', async () => {
    inject(target, { kind: 'reply', reply: (request) => ({ status: 400, body: `You sent ${request.body}` }) })
    const text = await (await target.send()).text()
    expect(text).toMatch(/^You sent .*client_(id|secret)=|^You sent .*subject_token=/)
    expect(target.acted()).toBe(false)
  })

  it('acts, then drops the connection', async () => {
    inject(target, { kind: 'drop-after-consume' })
    await expect(target.send()).rejects.toThrow()
    expect(target.acted()).toBe(true)
    expect(sim.requests.at(-1)).toMatchObject({ service: 'box', status: 'dropped' })
  })

  it.each(['no-last-chunk', 'short-content', 'reset-after-body'] as const)(
    'acts, then breaks the message (%s)',
    async (how) => {
      inject(target, { kind: 'consume-and-break', how, keepBytes: 10 })
      await expect(Promise.race([target.send().then((r) => r.text()), timeout(500)])).rejects.toThrow()
      expect(target.acted()).toBe(true)
    }
  )

  it('acts, then answers something else', async () => {
    const seen: unknown[] = []
    inject(target, {
      kind: 'consume-and-reply',
      reply: (answer) => {
        seen.push(answer)
        return { status: 200, body: { access_token: 42 } }
      }
    })
    expect(await (await target.send()).json()).toEqual({ access_token: 42 })
    expect(target.acted()).toBe(true)
    expect(seen).toEqual([name === 'the revoke' ? {} : expect.objectContaining({ access_token: expect.any(String) })])
  })

  it('acts, and answers late', async () => {
    inject(target, { kind: 'slow', ms: 150 })
    const started = Date.now()
    const res = await target.send()
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(target.acted()).toBe(true)
  })
})

describe('scoped faults', () => {
  it('a fault for the token exchange waits for one, and other grants pass', async () => {
    sim.box.injectFault({ kind: 'status', status: 503 }, 1, { grant: 'token-exchange' })
    const parent = await tokenFrom(sim, grantForm.clientCredentials(sim.box.createCcgApp()))
    const exchange = (): Promise<BoxReply> => postToken(sim, grantForm.exchange(parent))
    expect((await exchange()).status).toBe(503)
    expect((await exchange()).status).toBe(200)
  })

  it('a fault for the revoke endpoint leaves token requests alone; an unscoped one leaves the revoke alone', async () => {
    const { token, clientId, clientSecret } = await ccgToken()
    const revoke = (): Promise<BoxReply> => postRevoke(sim, { client_id: clientId, client_secret: clientSecret, token })
    sim.box.injectFault({ kind: 'rate-limit', retryAfterSeconds: 1 }, 1, { endpoint: '/oauth2/revoke' })
    sim.box.injectFault({ kind: 'status', status: 502 })
    expect((await postToken(sim, grantForm.clientCredentials(sim.box.createCcgApp()))).status).toBe(502)
    expect((await revoke()).status).toBe(429)
    expect((await revoke()).status).toBe(200)
    expect(sim.box.isRevoked(token)).toBe(true)
  })

  it('faults for one grant are used first in, first out, and Infinity keeps answering', async () => {
    const fields = grantForm.clientCredentials(sim.box.createCcgApp())
    sim.box.injectFault({ kind: 'status', status: 500 }, 1, { grant: 'client_credentials' })
    sim.box.injectFault({ kind: 'status', status: 503 }, Infinity, { grant: 'client_credentials' })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await postToken(sim, fields)).status)
    expect(statuses).toEqual([500, 503, 503, 503])
    expect(sim.box.grantRequests.client_credentials).toBe(4)
    sim.box.clearFaults()
    expect((await postToken(sim, fields)).status).toBe(200)
  })

  it('refuses a grant scope on the revoke endpoint, which has no grant', () => {
    expect(() =>
      sim.box.injectFault({ kind: 'hang' }, 1, { endpoint: '/oauth2/revoke', grant: 'client_credentials' })
    ).toThrow(/a revoke has none/)
  })
})

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`gave up after ${ms} ms`)), ms))
}
