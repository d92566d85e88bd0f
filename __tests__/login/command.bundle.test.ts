/**
 * The bundled login command (dist/login/index.js), run as a person runs it: a child process with
 * flags and environment variables, its authorize URL read from its output, and the browser played
 * by fetching that URL and following Box's redirect by hand.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { playBrowser } from '../support/browser.js'
import { pasteAll, printedRecoveryCommands } from '../support/paste.js'
import net, { type AddressInfo } from 'node:net'
import { LOGIN_SCRIPT, spawnLogin, type LoginWorld } from '../support/login-bundle.js'

const REPO = 'octo-org/api-tests'
const WRITE_TOKEN = 'github_pat_e2e_login_0123456789'

let sim: Simulator
let home: string

beforeEach(async () => {
  sim = await startSimulator()
  sim.github.addRepository(REPO)
  sim.github.addToken(WRITE_TOKEN, 'write')
  sim.box.registerRedirectUri('http://127.0.0.1:8976/callback')
  home = await mkdtemp(join(tmpdir(), 'box-token-login-e2e-'))
})

const world = (): LoginWorld => ({ sim, repo: REPO, writeToken: WRITE_TOKEN, home })

afterEach(async () => {
  await sim.close()
  await rm(home, { recursive: true, force: true })
})

test('node dist/login/index.js stores a working refresh token and prints none', async () => {
  expect(existsSync(LOGIN_SCRIPT)).toBe(true) // `npm run bundle` first
  // A clean environment (see spawnLogin): no DISPLAY, so no browser is tried; no NODE_OPTIONS from jest.
  const login = spawnLogin(world())
  const url = await login.url
  const visit = await playBrowser(url)
  const { code } = await login.exited
  const { stdout, stderr } = login.output()

  expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  expect(visit).toMatchObject({ authorizeStatus: 302, callbackStatus: 200 })
  expect(visit.page).toContain('You can close this tab.')
  expect(stdout).toContain('No browser could be opened from here: open the URL yourself.')
  expect(stdout).toContain('Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, created).')
  expect(stdout).toMatch(/It expires on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, 60 days from now/)

  const [pair] = sim.box.issued
  const stored = sim.github.getSecret({ kind: 'repository', repo: REPO }, 'BOX_REFRESH_TOKEN')?.plaintext
  expect(stored).toBe(pair!.refreshToken)
  expect(sim.box.isRefreshTokenValid(stored!)).toBe(true)

  for (const secret of [pair!.refreshToken, pair!.accessToken, sim.box.client.secret, WRITE_TOKEN]) {
    expect(stdout).not.toContain(secret)
    expect(stderr).not.toContain(secret)
    expect(visit.page).not.toContain(secret)
  }
  // Nothing written to disk: the home directory (also the working directory) is still empty.
  expect(await readdir(home)).toEqual([])
})

test('with --handoff-key-secret it also stores a hand-off key, and prints neither', async () => {
  const login = spawnLogin(world(), ['--handoff-key-secret', 'BOX_HANDOFF_KEY'])
  const visit = await playBrowser(await login.url)
  const { code } = await login.exited
  const { stdout, stderr } = login.output()

  expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  expect(stdout).toContain('Hand-off key stored in octo-org/api-tests BOX_HANDOFF_KEY (repository secret, created).')
  const key = sim.github.getSecret({ kind: 'repository', repo: REPO }, 'BOX_HANDOFF_KEY')?.plaintext
  expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/) // 32 bytes, as `openssl rand -base64 32` prints them
  expect(Buffer.from(key!, 'base64')).toHaveLength(32)
  const bytes = Buffer.from(key!, 'base64')
  for (const secret of [key!, bytes.toString('base64url'), bytes.toString('hex'), sim.box.issued[0]!.refreshToken]) {
    expect(stdout).not.toContain(secret)
    expect(visit.page).not.toContain(secret)
  }
  expect(await readdir(home)).toEqual([])
})

// ---- interrupted ---------------------------------------------------------------------------------

test('Ctrl-C while waiting for the browser: exit 130, nothing changed, Box never asked for a token', async () => {
  const login = spawnLogin(world())
  await login.url
  login.child.kill('SIGINT')
  const { code } = await login.exited
  expect(code).toBe(130)
  expect(login.output().stderr).toMatch(/Cancelled\. Nothing was changed\./)
  expect(sim.requests.some((r) => r.path === '/oauth2/token')).toBe(false)
  expect(sim.github.getSecret({ kind: 'repository', repo: REPO }, 'BOX_REFRESH_TOKEN')).toBeUndefined()
})

test('Ctrl-C while the secret is being written: exit 130 with the sealed recovery, which pasted into bash stores the token', async () => {
  sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'hang' } })
  const login = spawnLogin(world())
  const visit = playBrowser(await login.url)
  await sim.waitForRequest((r) => r.method === 'PUT')
  login.child.kill('SIGINT')
  const { code } = await login.exited
  await visit
  const { stdout, stderr } = login.output()
  expect(code).toBe(130)
  expect(stderr).toMatch(/The run was cancelled while writing the repository secret/)
  const [pair] = sim.box.issued
  for (const secret of [pair!.refreshToken, pair!.accessToken, sim.box.client.secret, WRITE_TOKEN])
    expect(stdout + stderr).not.toContain(secret)
  sim.github.clearFaults()
  await pasteAll(printedRecoveryCommands(stderr), sim, WRITE_TOKEN)
  expect(sim.github.getSecret({ kind: 'repository', repo: REPO }, 'BOX_REFRESH_TOKEN')?.plaintext).toBe(
    pair!.refreshToken
  )
  expect(sim.box.isRefreshTokenValid(pair!.refreshToken)).toBe(true)
})

test('a GitHub that accepts the connection and closes it at once: a clear error and exit 1, never a silent exit 13', async () => {
  const sockets = new Set<net.Socket>()
  const closer = net.createServer((socket) => {
    sockets.add(socket)
    socket.end()
  })
  await new Promise<void>((resolve) => closer.listen(0, '127.0.0.1', resolve))
  try {
    const login = spawnLogin(world(), [
      '--github-api-url',
      `http://127.0.0.1:${(closer.address() as AddressInfo).port}`,
      '--retry-timeout',
      '2'
    ])
    const { code } = await login.exited
    expect(code).toBe(1)
    expect(login.output().stderr).toMatch(
      /GitHub could not be reached while reading the (public key|repository secret)/
    )
    expect(login.output().stderr).toMatch(/Nothing was changed, and Box was not contacted/)
  } finally {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => closer.close(resolve))
  }
})
