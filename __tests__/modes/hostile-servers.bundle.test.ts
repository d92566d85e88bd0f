/**
 * The hostile rows of the refresh grant (token-chain/hostile-servers), met on the grants of the
 * other modes through the bundle: Box (or a proxy in front of it) redirecting client credentials,
 * a JWT assertion or a token exchange to another port; error pages that echo the request back (the
 * client secret, the assertion, the parent token being exchanged, the token being revoked) and inject
 * workflow commands. No credential follows a redirect, and nothing a server sends leaks anything.
 */
import { errorLine, runAction, runPostStep } from '../support/harness.js'
import { echo, expectClean } from '../support/hostile.js'
import { startTrap, type Trap } from '../support/trap.js'
import { ccgInputs, createWorld, jwtInputs, type World } from '../support/world.js'
import type { BoxGrant } from '../simulator/box-tokens.js'

let world: World
let trap: Trap | undefined
afterEach(async () => {
  await world?.close()
  await trap?.close()
  trap = undefined
})

/** A world with both server apps, and the inputs of a run whose `grant` request is the one attacked. */
const rows: Array<[string, BoxGrant, (world: World) => Record<string, string>]> = [
  ['client credentials', 'client_credentials', (w) => ccgInputs(w)],
  ['a JWT assertion', 'jwt-bearer', (w) => jwtInputs(w)],
  ['a token exchange (the parent in the form)', 'token-exchange', (w) => ccgInputs(w, { scopes: 'item_preview' })]
]

describe.each(rows)('%s', (_, grant, inputsOf) => {
  beforeEach(async () => {
    world = await createWorld({ ccg: true, jwt: true })
  })

  test('a 307 to another port is not followed: the form goes nowhere else', async () => {
    trap = await startTrap()
    const location = `${trap.url}/oauth2/token?stolen=1`
    world.sim.box.injectFault({ kind: 'reply', reply: () => ({ status: 307, headers: { location } }) }, 1, { grant })
    const run = await runAction(inputsOf(world), { env: world.env() })
    expect(run.code).toBe(1)
    expect(trap.hits).toEqual([])
    expect(errorLine(run)).toContain(`answered 307 and redirected to ${new URL(location).origin}`)
    expect(errorLine(run)).not.toContain('stolen')
    expectClean(world, run)
  })

  test('an error page that echoes the whole request and injects commands and markdown', async () => {
    world.sim.box.injectFault({ kind: 'reply', reply: (request) => echo(request) }, 1, { grant })
    const run = await runAction(inputsOf(world), { env: world.env() })
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/Box refused the token request: invalid_request \(You sent /)
    // Nothing was handed out: every token Box issued (the parent of the failed exchange) must be nowhere.
    world.sim.box.issuedTokens.forEach((token, i) => (world.secrets[`issued${i}`] = token.accessToken))
    expect(grant !== 'token-exchange' || world.sim.box.issuedTokens.length === 1).toBe(true)
    expectClean(world, run)
  })
})

describe('the post step', () => {
  test('a revoke endpoint that redirects and one that echoes the token: a warning each, nothing leaked', async () => {
    world = await createWorld({ ccg: true })
    trap = await startTrap()
    const inputs = ccgInputs(world, { scopes: 'item_preview' })
    const main = await runAction(inputs, { env: world.env() })
    expect(main.code).toBe(0)
    const location = `${trap.url}/oauth2/revoke`
    world.sim.box.injectFault({ kind: 'reply', reply: () => ({ status: 308, headers: { location } }) }, 1, {
      endpoint: '/oauth2/revoke'
    })
    world.sim.box.injectFault({ kind: 'reply', reply: (request) => echo(request) }, 1, {
      endpoint: '/oauth2/revoke'
    })
    const post = await runPostStep(inputs, main, { env: world.env() })
    expect(post.code).toBe(0)
    expect(trap.hits).toEqual([])
    expect(post.stdout).toMatch(/^::warning::2 of the 2 access tokens of this job could not be revoked/m)
    expectClean(world, post)
  })
})
