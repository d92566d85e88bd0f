/**
 * The login command without a clone, as docs/setup.md shows it: npm fetches this repository at a
 * commit and runs the package's `box-token-login` bin (dist/login/index.js), installing nothing
 * else. Offline, two ways in:
 *
 * - the repository packed with `npm pack`, run as `npm exec --package=<tarball>`;
 * - the repository as a git repository, run as `npm exec --package=git+file://…#<sha>`: the same
 *   path in npm as `github:owner/repo#<sha>` (pacote's GitFetcher), which also runs `npm install`
 *   in the clone when package.json has a build, prepare, prepack or install script. That install
 *   would need every devDependency; here it fails, as would any download.
 *
 * npm runs with an empty cache, --offline and a registry on a dead loopback port: a package it
 * would have to fetch fails the test. The bin runs on the end-to-end Node.js (support/e2e-node.ts).
 */
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { playBrowser } from '../support/browser.js'
import { assertFreshBundle } from '../support/bundle-guard.js'
import { bundleNode, recordBundleRun } from '../support/e2e-node.js'
import { REPO_ROOT } from '../support/harness.js'

const REPO = 'octo-org/api-tests'
const WRITE_TOKEN = 'github_pat_npx_login_0123456789'

let scratch: string
let tarball: string
let gitSpec: string

beforeAll(async () => {
  assertFreshBundle() // what npm packs is dist/login as built
  scratch = await mkdtemp(join(tmpdir(), 'box-token-login-npx-'))
  // npm pack: what the package holds, as npm would publish or fetch it.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], {
      cwd: REPO_ROOT,
      env: npmEnv(join(scratch, 'pack-cache')),
      encoding: 'utf8'
    })
  ) as Array<{ filename: string; files: Array<{ path: string }> }>
  tarball = join(scratch, packed[0]!.filename)
  // The login bundle and what npm always adds; nothing else (package.json's `files`).
  const paths = packed[0]!.files.map((f) => f.path)
  expect(paths).toEqual(expect.arrayContaining(['package.json', 'dist/login/index.js', 'dist/login/licenses.txt']))
  expect(paths.filter((p) => !/^(dist\/login\/|package\.json$|README\.md$|LICENSE$)/.test(p))).toEqual([])

  // A git repository holding this working tree's files (tracked, and new ones not ignored), at one commit.
  const repo = join(scratch, 'repo')
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8'
  })
    .split('\0')
    .filter(Boolean)
  for (const file of files) {
    mkdirSync(dirname(join(repo, file)), { recursive: true })
    try {
      copyFileSync(join(REPO_ROOT, file), join(repo, file))
    } catch {
      // deleted in the working tree but not yet in git's index
    }
  }
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@127.0.0.1', ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch, GIT_CONFIG_NOSYSTEM: '1' }
    }).trim()
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '--no-verify', '-m', 'snapshot')
  gitSpec = `git+file://${repo}#${git('rev-parse', 'HEAD')}`
}, 120_000)

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** npm with nothing of the person's: an empty cache, no user config, offline, a registry nobody answers. */
function npmEnv(cache: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: [dirname(bundleNode()), process.env.PATH ?? '/usr/bin:/bin'].join(delimiter),
    HOME: join(cache, '..', 'home'),
    GIT_CONFIG_NOSYSTEM: '1',
    npm_config_cache: cache,
    npm_config_userconfig: join(cache, '..', 'npmrc'),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...extra
  }
}

interface Exec {
  code: number | null
  stdout: string
  stderr: string
  /** Every package npm installed to run the command (its npx folder). */
  installed: string[]
}

/** `npm exec --yes --package=SPEC -- box-token-login ARGS` from a fresh folder; `onStdout` sees the output as it comes. */
async function npxLogin(
  spec: string,
  args: string[],
  env: Record<string, string> = {},
  onStdout?: (stdout: string) => void
): Promise<Exec> {
  const dir = await mkdtemp(join(scratch, 'run-'))
  const cache = join(dir, 'cache')
  for (const sub of ['home', 'work']) mkdirSync(join(dir, sub))
  await writeFile(join(dir, 'npmrc'), '')
  recordBundleRun(bundleNode())
  const child = spawn('npm', ['exec', '--yes', `--package=${spec}`, '--', 'box-token-login', ...args], {
    cwd: join(dir, 'work'),
    env: npmEnv(cache, env),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
    onStdout?.(stdout)
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const killer = setTimeout(() => child.kill('SIGKILL'), 50_000)
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  clearTimeout(killer)
  const npx = join(cache, '_npx')
  const installed: string[] = []
  for (const hash of await readdir(npx).catch(() => [])) {
    const modules = join(npx, hash, 'node_modules')
    for (const entry of await readdir(modules).catch(() => [] as string[])) {
      if (entry === '.bin' || entry.startsWith('.package-lock')) continue
      if (entry.startsWith('@')) installed.push(...(await readdir(join(modules, entry))).map((n) => `${entry}/${n}`))
      else installed.push(entry)
    }
  }
  return { code, stdout, stderr, installed }
}

describe.each([
  ['the packed repository (npm pack)', () => tarball],
  ['the repository at a commit (git, as github:owner/repo#sha)', () => gitSpec]
])('npm exec box-token-login from %s', (_, spec) => {
  test('--help: the usage under the bin name, and nothing installed but the package', async () => {
    const run = await npxLogin(spec(), ['--help'])
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(/^Usage: box-token-login --repository OWNER\/REPO/)
    expect(run.installed).toEqual(['box-token-refresh'])
  }, 60_000)

  test('a refusal that needs no server: no client ID and no terminal to ask on', async () => {
    const run = await npxLogin(spec(), ['--repository', REPO])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('No Box client ID: pass --client-id or set BOX_CLIENT_ID')
    expect(run.stderr).toContain('Nothing was changed.')
  }, 60_000)
})

describe('a real login through the packed command', () => {
  let sim: Simulator
  beforeEach(async () => {
    sim = await startSimulator()
    sim.github.addRepository(REPO)
    sim.github.addToken(WRITE_TOKEN, 'write')
    sim.box.registerRedirectUri('http://127.0.0.1:8976/callback')
  })
  afterEach(() => sim.close())

  test('stores a working refresh token and prints none', async () => {
    let visit: ReturnType<typeof playBrowser> | undefined
    const run = await npxLogin(
      tarball,
      ['--repository', REPO, '--box-api-url', sim.boxUrl, '--box-authorize-url', sim.boxAuthorizeUrl, '--port', '0'],
      {
        BOX_CLIENT_ID: sim.box.client.id,
        BOX_CLIENT_SECRET: sim.box.client.secret,
        GITHUB_TOKEN: WRITE_TOKEN,
        GITHUB_API_URL: sim.githubApiUrl
      },
      (stdout) => {
        const url = /^ {2}(http:\/\/\S+\/api\/oauth2\/authorize\?\S+)$/m.exec(stdout)?.[1]
        if (url && !visit) visit = playBrowser(url)
      }
    )
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect((await visit)?.page).toContain('You can close this tab.')
    expect(run.stdout).toContain('Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, created).')
    const [pair] = sim.box.issued
    const stored = sim.github.getSecret({ kind: 'repository', repo: REPO }, 'BOX_REFRESH_TOKEN')?.plaintext
    expect(stored).toBe(pair!.refreshToken)
    for (const secret of [pair!.refreshToken, pair!.accessToken, sim.box.client.secret, WRITE_TOKEN])
      expect(run.stdout + run.stderr).not.toContain(secret)
  }, 60_000)
})
