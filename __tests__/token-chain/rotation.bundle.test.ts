/**
 * A rotation, and what it hands out, through the bundle (`node dist/index.js`, as the runner runs
 * it), with a leak scan of everything each run left behind; and Box's faults through the bundled
 * fetch. (In process: rotation.flow.test.ts.)
 */
import net, { type AddressInfo } from 'node:net'
import { runAction, type ActionRun } from '../support/harness.js'
import { RECOVERY_COMMAND } from '../support/paste.js'
import { createWorld, tokenChainState, SECRET, type World, leaksOf } from '../support/world.js'

let world: World
afterEach(() => world?.close())

const leaks = (run: ActionRun, allow: { postmanFile?: string } = {}): string[] => leaksOf(world, run, allow)

describe('through the bundle', () => {
  test('a rotation: the secret decrypts to the token Box issued, outputs are right, nothing leaks', async () => {
    world = await createWorld({ simulator: { boxExpiresIn: 4123 } })
    const run = await runAction(world.inputs({ 'postman-environment': 'postman/box.json', 'export-env': 'true' }), {
      env: world.env(),
      workspaceFiles: { 'postman/.keep': '' }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const issued = world.sim.box.issued[0]
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(issued.refreshToken)
    expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
    expect(run.outputs).toMatchObject({
      'access-token': issued.accessToken,
      'expires-in': '4123',
      'secret-updated': 'true',
      'postman-environment': `${run.workspace}/postman/box.json`
    })
    expect(Date.parse(run.outputs['expires-at'])).toBeGreaterThan(Date.now() + 4000_000)
    expect(Date.parse(run.outputs['refresh-token-expires-at'])).toBeGreaterThan(Date.now() + 59 * 86_400_000)
    expect(run.outputs.recovery).toBeUndefined()
    expect(run.env).toEqual({ BOX_ACCESS_TOKEN: issued.accessToken })
    expect(run.fileModes[`${run.workspace}/postman/box.json`]).toBe(0o600)
    expect(run.summary).toContain('✅ updated')
    expect(leaks(run, { postmanFile: 'postman/box.json' })).toEqual([])
  })

  test('the write-back fails for ever: exit 1, a recovery output that restores the chain, nothing leaks', async () => {
    world = await createWorld()
    world.sim.github.refuseSecretWrites()
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n').find((line) => line.startsWith('::error::'))).toMatch(RECOVERY_COMMAND)
    expect(run.summary).toMatch(/### Recovery/)
    expect(run.outputs['secret-updated']).toBe('false')
    expect(leaks(run)).toEqual([])
    expect(await tokenChainState(world, run.outputs.recovery)).toBe('recovery payload restores the new valid token')
  })

  test('dry run: GitHub checked, Box untouched', async () => {
    world = await createWorld()
    const run = await runAction(world.inputs({ 'dry-run': 'true' }), { env: world.env() })
    expect(run.code).toBe(0)
    expect(world.sim.requests.some((r) => r.service === 'box')).toBe(false)
    expect(run.outputs).toEqual({ 'secret-updated': 'false' })
    expect(run.stdout).toMatch(/Dry run: would write the repository secret BOX_REFRESH_TOKEN of octo-org\/api-tests/)
    expect(leaks(run)).toEqual([])
  })

  test('the Postman file is replaced atomically and keeps mode 0600 even when it existed with wider bits', async () => {
    world = await createWorld()
    const run = await runAction(world.inputs({ 'postman-environment': 'box.json' }), {
      env: world.env(),
      workspaceFiles: { 'box.json': '{"old": true}' }
    })
    expect(run.code).toBe(0)
    expect(run.fileModes[`${run.workspace}/box.json`]).toBe(0o600)
    expect(JSON.parse(run.files[`${run.workspace}/box.json`]).values).toHaveLength(3)
    // No temporary file is left beside it.
    expect(Object.keys(run.files).filter((f) => f.startsWith(run.workspace))).toEqual([`${run.workspace}/box.json`])
  })
})

describe('Box faults through the bundled fetch', () => {
  test('a hang times out, is retried and succeeds', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'hang' })
    const run = await runAction(world.inputs({ 'request-timeout-seconds': '1' }), { env: world.env() })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Box: Box did not answer within 1 s\.; retrying/)
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  })

  test('an answer dropped after Box used the token is named as such', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'drop-after-consume' })
    const run = await runAction(world.inputs(), { env: world.env() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/The connection to Box failed before its answer arrived/)
    expect(run.stdout).toMatch(/probably processed it and used the token/)
    expect(leaks(run)).toEqual([])
  })

  test('a refused connection is retried within the budget and reported as not used', async () => {
    world = await createWorld()
    // A port that was just free: nothing listens there.
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const run = await runAction(
      world.inputs({ 'box-api-url': `http://127.0.0.1:${port}`, 'retry-timeout-seconds': '2' }),
      { env: world.env() }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/Could not connect to Box \(ECONNREFUSED\)/)
    expect(run.stdout).toMatch(/The refresh token was not used/)
    expect(await tokenChainState(world)).toBe('old token still valid, secret unchanged')
  })
})
