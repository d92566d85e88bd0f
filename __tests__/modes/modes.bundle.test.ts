/**
 * Every mode end to end, as the runner runs the action: `node dist/index.js`, then the post step
 * `node dist/post/index.js` with the state the main step saved, on this machine's Node.js and on
 * Node.js 24, against the simulator. After each, the leak scan over everything both steps left
 * behind (the private key, its passphrase, the assertions, the parent of a downscoped token, the
 * refresh tokens); in OAuth 2.0 mode with scopes, the secret holds the new refresh token.
 */
import { bothNodes, runAction, runPostStep, type ActionRun } from '../support/harness.js'
import { ccgInputs, createWorld, jwtInputs, leaksOf, tokenChainState, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

const POSTMAN = 'box.postman_environment.json'

/** Both steps ran cleanly: exit 0, nothing on stderr, nothing left behind that should not be. */
function expectClean(run: ActionRun, postmanFile?: string): void {
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(leaksOf(world, run, postmanFile ? { postmanFile } : {})).toEqual([])
}

describe.each(bothNodes())('%s', (_, node) => {
  test('client credentials: a token for the enterprise, nothing at GitHub, revoked by the post step', async () => {
    world = await createWorld({ ccg: true })
    const inputs = ccgInputs(world, { 'postman-environment': POSTMAN, 'export-env': 'true' })
    const main = await runAction(inputs, { env: world.env(), node })
    expectClean(main, POSTMAN)
    const [token] = world.sim.box.issuedTokens
    expect(token).toMatchObject({ grant: 'client_credentials', subject: { type: 'enterprise' } })
    expect(main.outputs).toMatchObject({ 'access-token': token!.accessToken, 'secret-updated': 'false' })
    expect(main.env.BOX_ACCESS_TOKEN).toBe(token!.accessToken)
    const environment = JSON.parse(main.files[`${main.workspace}/${POSTMAN}`]!) as {
      values: Array<{ key: string; value: string }>
    }
    expect(environment.values).toContainEqual(expect.objectContaining({ key: 'box_env_type', value: 'BEARER' }))
    expect(world.sim.requests.filter((r) => r.service === 'github')).toEqual([])

    const post = await runPostStep(inputs, main, { env: world.env(), node })
    expectClean(post)
    expect(post.stdout).toContain('Revoked the access token of this job at Box.')
    expect(world.sim.box.isRevoked(token!.accessToken)).toBe(true)
  })

  test('JWT with scopes and a folder: the child handed out, parent and key nowhere, both revoked', async () => {
    world = await createWorld({ jwt: true })
    const folder = `${world.sim.boxUrl}/2.0/folders/42`
    const inputs = jwtInputs(world, { scopes: 'item_preview\nitem_download', resource: folder, 'export-env': 'true' })
    const main = await runAction(inputs, { env: world.env(), node })
    expectClean(main)
    const [parent, child] = world.sim.box.issuedTokens
    expect(parent!.grant).toBe('jwt-bearer')
    expect(world.sim.box.isDownscopedFrom(child!.accessToken, parent!.accessToken)).toBe(true)
    expect(main.outputs['access-token']).toBe(child!.accessToken)
    expect(world.sim.box.receivedAssertions).toHaveLength(1)

    const post = await runPostStep(inputs, main, { env: world.env(), node })
    expectClean(post)
    expect(post.stdout).toContain('Revoked the 2 access tokens of this job at Box.')
    expect(world.sim.box.isRevoked(parent!.accessToken)).toBe(true)
    expect(world.sim.box.isRevoked(child!.accessToken)).toBe(true)
  })

  test('OAuth 2.0 with scopes: the secret holds the new refresh token, the parent is nowhere, nothing revoked', async () => {
    world = await createWorld()
    const inputs = world.inputs({ scopes: 'item_preview', 'postman-environment': POSTMAN, revoke: 'true' })
    const main = await runAction(inputs, { env: world.env(), node })
    expectClean(main, POSTMAN)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
    const parent = world.sim.box.issued.at(-1)!.accessToken
    const child = world.sim.box.issuedTokens.at(-1)!
    expect(world.sim.box.isDownscopedFrom(child.accessToken, parent)).toBe(true)
    expect(main.outputs['access-token']).toBe(child.accessToken)
    expect(main.stdout).toMatch(/^::notice::`revoke: true` does nothing in OAuth 2\.0 mode/m)

    const post = await runPostStep(inputs, main, { env: world.env(), node })
    expectClean(post)
    expect(post.stdout).not.toMatch(/^::(warning|error)::/m)
    expect(world.sim.box.revocations).toEqual([])
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })
})
