/**
 * The bundled login command (dist/login/index.js), run as a person runs it: a child process with
 * flags and environment variables, its authorize URL read from its output, and the browser played
 * by fetching that URL and following Box's redirect by hand.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { playBrowser } from '../support/browser.js'
import { REPO_ROOT } from './harness.js'

const SCRIPT = join(REPO_ROOT, 'dist', 'login', 'index.js')
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

afterEach(async () => {
  await sim.close()
  await rm(home, { recursive: true, force: true })
})

test('node dist/login/index.js stores a working refresh token and prints none', async () => {
  expect(existsSync(SCRIPT)).toBe(true) // `npm run build` first

  // A clean environment: no DISPLAY (so no browser is tried), no NODE_OPTIONS from jest.
  const child = spawn(
    process.execPath,
    [SCRIPT, '--repository', REPO, '--box-api-url', sim.boxUrl, '--box-authorize-url', sim.boxAuthorizeUrl, '--port', '0', '--timeout', '20'],
    {
      cwd: home,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        BOX_CLIENT_ID: sim.box.client.id,
        BOX_CLIENT_SECRET: sim.box.client.secret,
        GITHUB_TOKEN: WRITE_TOKEN,
        GITHUB_API_URL: sim.githubApiUrl
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
  const killer = setTimeout(() => child.kill('SIGKILL'), 25_000)

  // The person reads the URL off the terminal and opens it.
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const match = /^ {2}(http:\/\/\S+\/api\/oauth2\/authorize\?\S+)$/m.exec(stdout)
      if (match) resolve(match[1]!)
    })
    void exited.then(() => reject(new Error(`the command exited before printing a URL:\n${stdout}\n${stderr}`)))
  })
  const visit = await playBrowser(url)
  const code = await exited
  clearTimeout(killer)

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
