/**
 * When the process dies: `node dist/index.js` killed (SIGKILL, a lost runner) or cancelled (the
 * runner's SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that) at moments after Box answered,
 * and a server that accepts connections and closes them at once. Each time, what the run left in
 * its log is pasted into bash, as a person would, and must store the new token.
 */
import type { ChildProcess } from 'node:child_process'
import net, { type AddressInfo } from 'node:net'
import { createWorld, SECRET, type World, leaksOf, tokenChainState } from '../support/world.js'
import { pasteAll, printedRecoveryCommands, RECOVERY_COMMAND, writeAheadGroup } from '../support/paste.js'
import { bothNodes, runAction, type ActionRun } from '../support/harness.js'
import type { LoggedRequest } from '../simulator/index.js'

let world: World
afterEach(() => world?.close())

const isPut = (r: LoggedRequest) => r.service === 'github' && r.method === 'PUT'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const leaks = (run: ActionRun, allow: { postmanFile?: string } = {}): string[] => leaksOf(world, run, allow)

/** The new token is stored and valid once the commands the run left behind are pasted into bash. */
async function expectPastedLogRestoresTheChain(log: string, scopes = [world.scope]): Promise<void> {
  const issued = world.sim.box.issued.at(-1)!
  expect(world.sim.box.isRefreshTokenValid(world.refreshToken)).toBe(false) // Box did use the old one
  world.sim.github.clearFaults()
  world.sim.github.addToken('person-token', 'write')
  await pasteAll(printedRecoveryCommands(log), world.sim, 'person-token')
  for (const scope of scopes) expect(world.sim.github.getSecret(scope, SECRET)?.plaintext).toBe(issued.refreshToken)
  expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
}

/** Sends the runner's cancellation: SIGINT now, SIGTERM 7.5 s later, SIGKILL 2.5 s after that, unless the process is gone. */
function cancelLikeTheRunner(child: ChildProcess): { sentAt: number } {
  const sentAt = Date.now()
  child.kill('SIGINT')
  const term = setTimeout(() => child.kill('SIGTERM'), 7_500)
  const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
  child.once('exit', () => {
    clearTimeout(term)
    clearTimeout(kill)
  })
  return { sentAt }
}

describe('killed (SIGKILL) after Box answered: the log already holds the sealed copy', () => {
  const moments: Array<
    [string, (w: World) => void, (w: World, child: ChildProcess, output: () => string) => Promise<void>]
  > = [
    [
      'the moment the sealed copy is logged',
      // The write is held, so that the kill lands before it however loaded the machine is (with a
      // write answered at once, a busy machine let the run report it before the kill arrived).
      (w) => w.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'hang' } }),
      async (_, child, output) => {
        while (writeAheadGroup(output()).length === 0 || !output().includes('::endgroup::')) await sleep(1)
        child.kill('SIGKILL')
      }
    ],
    [
      'when the first write reaches GitHub (it hangs)',
      (w) => w.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'hang' } }),
      async (w, child) => {
        await w.sim.waitForRequest(isPut)
        child.kill('SIGKILL')
      }
    ],
    [
      'half a second into a hanging write',
      (w) => w.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'hang' } }),
      async (w, child) => {
        await w.sim.waitForRequest(isPut)
        await sleep(500)
        child.kill('SIGKILL')
      }
    ],
    [
      'while a failing write is being retried (after the third attempt)',
      (w) => w.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 502 } }),
      async (w, child) => {
        while (w.sim.requests.filter(isPut).length < 3) await sleep(5)
        child.kill('SIGKILL')
      }
    ]
  ]

  test.each(moments)('%s', async (_, arrange, kill) => {
    world = await createWorld()
    arrange(world)
    const run = await runAction(world.inputs({ 'retry-timeout-seconds': '60' }), {
      env: world.env(),
      control: (child, output) => void kill(world, child, output)
    })
    expect(run.signal).toBe('SIGKILL')
    expect(run.stdout).not.toMatch(/Updated the|Created the/)
    const group = writeAheadGroup(run.stdout)
    expect(group.length).toBeGreaterThan(2)
    expect(printedRecoveryCommands(group.join('\n'))).toHaveLength(1)
    expect(leaks(run)).toEqual([])
    await expectPastedLogRestoresTheChain(run.stdout)
  })

  test('two targets (Actions and Dependabot), killed while one write hangs: both sealed copies are in the log', async () => {
    world = await createWorld()
    world.sim.github.injectFault({
      method: 'PUT',
      pathIncludes: '/dependabot/',
      times: Infinity,
      fault: { kind: 'hang' }
    })
    const run = await runAction(world.inputs({ dependabot: 'true' }), {
      env: world.env(),
      control: (child) =>
        void (async () => {
          while (world.sim.requests.filter(isPut).length < 2) await sleep(2)
          await sleep(100)
          child.kill('SIGKILL')
        })()
    })
    expect(run.signal).toBe('SIGKILL')
    expect(printedRecoveryCommands(writeAheadGroup(run.stdout).join('\n'))).toHaveLength(2)
    await expectPastedLogRestoresTheChain(run.stdout, [
      world.scope,
      { kind: 'repository', repo: 'octo-org/api-tests', app: 'dependabot' }
    ])
  })
})

/** The runner's cancellation, sent once the first request that `matches` reaches the simulator. */
const cancelAtRequest =
  (matches: (r: LoggedRequest) => boolean, sent: { at?: number } = {}) =>
  (child: ChildProcess): void =>
    void world.sim.waitForRequest(matches).then(() => {
      sent.at = cancelLikeTheRunner(child).sentAt
    })

describe("cancelled with the runner's signal sequence", () => {
  test('during write-back retries: it stops retrying, fails with the recovery in the error and the summary, and exits long before SIGTERM', async () => {
    world = await createWorld()
    world.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 502 } })
    let cancelledAt = 0
    const run = await runAction(world.inputs(), {
      env: world.env(),
      control: (child) =>
        void (async () => {
          while (world.sim.requests.filter(isPut).length < 2) await sleep(5)
          cancelledAt = cancelLikeTheRunner(child).sentAt
        })()
    })
    const exitedAfterMs = Date.now() - cancelledAt
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(exitedAfterMs).toBeLessThan(3_000)
    expect(run.stdout).toMatch(/Received SIGINT/)
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::') && RECOVERY_COMMAND.test(line))
    expect(error).toMatch(/cancelled/)
    expect(run.summary).toMatch(/### Recovery/)
    expect(run.outputs.recovery).toBeDefined()
    expect(leaks(run)).toEqual([])
    // The command in the error alone is enough.
    await expectPastedLogRestoresTheChain(error!)
  })

  describe.each(bothNodes())('the moment Box answers (%s)', (_, node) => {
    const boxAnswered = (r: LoggedRequest): boolean => r.service === 'box' && r.status === 200

    test('the first write slowed by a second: the write is still made, and the secret holds the new token', async () => {
      world = await createWorld()
      world.sim.github.injectFault({ method: 'PUT', fault: { kind: 'slow', ms: 1_000 } })
      const sent: { at?: number } = {}
      const run = await runAction(world.inputs(), {
        env: world.env(),
        node,
        control: cancelAtRequest(boxAnswered, sent)
      })
      expect(run.signal).toBeNull()
      expect(run.code).toBe(1) // the step was cancelled; what it owed was done
      expect(Date.now() - sent.at!).toBeLessThan(7_500)
      expect(run.stdout).toMatch(/Received SIGINT/)
      expect(run.stdout).toMatch(/Updated the repository secret BOX_REFRESH_TOKEN/)
      expect(world.sim.requests.filter(isPut)).toHaveLength(1)
      expect(leaks(run)).toEqual([])
      expect(await tokenChainState(world)).toBe('secret holds the new valid token')
    })

    test("the reader of the step's output goes away (EPIPE): the run goes on, and the secret holds the new token", async () => {
      world = await createWorld()
      const run = await runAction(world.inputs(), {
        env: world.env(),
        node,
        control: (child) => void world.sim.waitForRequest(boxAnswered).then(() => child.stdout!.destroy())
      })
      expect(run.code).toBe(0)
      expect(world.sim.requests.filter(isPut)).toHaveLength(1)
      expect(run.outputs['secret-updated']).toBe('true') // the file commands do not need stdout
      expect(leaks(run)).toEqual([])
      expect(await tokenChainState(world)).toBe('secret holds the new valid token')
    })

    test('the write hangs: it is given up before the runner would send SIGTERM, with the recovery in the error', async () => {
      world = await createWorld()
      world.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'hang' } })
      const sent: { at?: number } = {}
      const run = await runAction(world.inputs(), {
        env: world.env(),
        node,
        control: cancelAtRequest(boxAnswered, sent)
      })
      const exitedAfterMs = Date.now() - sent.at!
      expect(run.signal).toBeNull()
      expect(run.code).toBe(1)
      expect(exitedAfterMs).toBeGreaterThan(5_000) // the write had most of the grace
      expect(exitedAfterMs).toBeLessThan(7_500)
      const error = run.stdout.split('\n').find((line) => line.startsWith('::error::') && RECOVERY_COMMAND.test(line))
      expect(error).toMatch(/cancelled while writing the repository secret/)
      expect(run.summary).toMatch(/### Recovery/)
      expect(leaks(run)).toEqual([])
      await expectPastedLogRestoresTheChain(error!)
    })
  })

  test('while Box does not answer at all: it gives the request most of the grace, then stops before SIGTERM and says the token may be used', async () => {
    world = await createWorld()
    world.sim.box.injectFault({ kind: 'hang' })
    const sent: { at?: number } = {}
    const run = await runAction(world.inputs(), {
      env: world.env(),
      control: cancelAtRequest((r) => r.service === 'box', sent)
    })
    const exitedAfterMs = Date.now() - sent.at!
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(exitedAfterMs).toBeGreaterThan(4_000)
    expect(exitedAfterMs).toBeLessThan(7_500)
    expect(run.stdout).toMatch(/::error::The run was cancelled while it waited for Box to answer/)
    expect(leaks(run)).toEqual([])
    // The simulated hang never consumed the token.
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.refreshToken)
    expect(world.sim.box.isRefreshTokenValid(world.refreshToken)).toBe(true)
  })

  test('before Box: it stops at once, nothing was used', async () => {
    world = await createWorld()
    world.sim.github.injectFault({ method: 'GET', times: Infinity, fault: { kind: 'hang' } })
    const run = await runAction(world.inputs(), {
      env: world.env(),
      control: cancelAtRequest((r) => r.service === 'github')
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*cancelled.*Nothing was changed and the refresh token was not used/)
    expect(world.sim.requests.some((r) => r.service === 'box')).toBe(false)
    expect(world.sim.box.isRefreshTokenValid(world.refreshToken)).toBe(true)
    expect(leaks(run)).toEqual([])
  })
})

describe('a server that accepts the connection and closes it at once', () => {
  let server: net.Server
  let closer: string
  const sockets = new Set<net.Socket>()
  beforeEach(async () => {
    server = net.createServer((socket) => {
      sockets.add(socket)
      socket.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  test.each(['0', '2'])(
    'as the GitHub API (retry-timeout-seconds %s): a clear error and exit 1, never a silent exit 13',
    async (budget) => {
      world = await createWorld()
      const run = await runAction(world.inputs({ 'retry-timeout-seconds': budget }), {
        env: world.env({ GITHUB_API_URL: closer })
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/::error::GitHub could not be reached while reading/)
      expect(run.summary).toMatch(/stopped before calling Box/)
      expect(world.sim.box.isRefreshTokenValid(world.refreshToken)).toBe(true)
    }
  )

  test('as Box: the attempt is ambiguous, reported, and the secret is untouched', async () => {
    world = await createWorld()
    const run = await runAction(world.inputs({ 'box-api-url': closer, 'retry-timeout-seconds': '0' }), {
      env: world.env()
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::The connection to Box failed before its answer arrived/)
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.refreshToken)
  })
})
