/**
 * The same path as newman.test.ts with Postman's own CLI (npm package `postman-cli`, a native
 * binary shipped in a platform package): the bundled action writes the Postman environment, then
 * `postman collection run` runs both Box-like collections with it against Box (the simulator) over
 * https. Neither may refresh on its own: a refresh inside the run would use up the refresh token
 * and lose the new one when the CLI exits.
 *
 * The CLI runs a collection file without `postman login`. On its own it checks for updates at
 * Postman once a day and can publish run details to Postman's cloud (only when logged in); every
 * Postman address it reads from the environment points at a loopback trap here, the home folder is
 * a throwaway one with no login, and the test asserts that the trap saw nothing but the update
 * check, so no request leaves the machine.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { makeCertificate, startHttpsFront, type Certificate, type HttpsFront } from '../support/tls.js'
import { createWorld, leaksOf, type World } from '../support/world.js'
import {
  ADVANCED_REQUEST,
  CLASSIC_REQUEST,
  COLLECTION,
  SELF_REFRESHING,
  tokenRequests,
  unsafeEnvironment
} from '../support/box-collections.js'
import { REPO_ROOT, runAction } from '../support/harness.js'
import { startTrap, type Trap } from '../support/trap.js'

const POSTMAN = join(REPO_ROOT, 'node_modules', '.bin', 'postman')
const PLATFORM_PACKAGES: Record<string, string> = {
  'linux-x64': 'pm-bin-linux-x64',
  'linux-arm64': 'pm-bin-linux-arm64',
  'darwin-x64': 'pm-bin-macos-x64',
  'darwin-arm64': 'pm-bin-macos-arm64',
  'win32-x64': 'pm-bin-windows-x64'
}
const PLATFORM_PACKAGE = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`]

// CI and the project's machines are linux-x64: there the binary must be installed and the test runs.
// On another platform it runs when npm installed that platform's binary (see CONTRIBUTING.md).
const binaryInstalled =
  PLATFORM_PACKAGE !== undefined && existsSync(join(REPO_ROOT, 'node_modules', '@postman', PLATFORM_PACKAGE))
const runHere = process.platform === 'linux' && process.arch === 'x64' ? test : binaryInstalled ? test : test.skip

// The addresses the CLI (1.34) reads from its environment, each pointed at the trap.
const POSTMAN_ADDRESS_VARIABLES = [
  'ARS_CLI_BASE_URL', // the daily update check
  'POSTMAN_API_BASE_URL',
  'POSTMAN_GATEWAY_BASE_URL',
  'POSTMAN_PACKMAN_BASE_URL',
  'POSTMAN_RUNTIME_AGENT_BASE_URL',
  'POSTMAN_ARTEMIS_BASE_URL',
  'POSTMAN_IAPUB_BASE_URL',
  'POSTMAN_RUNNER_API_BASE_URL',
  'POSTMAN_INTEGRATIONS_BASE_URL',
  'POSTMAN_SDK_GEN_BASE_URL',
  'COMPONENT_LIBRARY_BASE_URL'
]

interface CliRun {
  code: number | null
  output: string
}

/** `postman collection run`, with a clean environment (no proxy, no API key) and a fresh home. */
async function runPostmanCli(args: string[]): Promise<CliRun> {
  const home = await mkdtemp(join(tmpdir(), 'box-token-refresh-postman-home-'))
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: home,
      NO_COLOR: '1',
      ...Object.fromEntries(POSTMAN_ADDRESS_VARIABLES.map((name) => [name, trap.url]))
    }
    return await new Promise<CliRun>((resolve, reject) => {
      const child = spawn(
        POSTMAN,
        ['collection', 'run', COLLECTION, '--color', 'off', '--disable-unicode', '--timeout-request', '10000', ...args],
        {
          cwd: home,
          env,
          stdio: ['ignore', 'pipe', 'pipe']
        }
      )
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
      child.on('error', reject)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, output })
      })
    })
  } finally {
    await rm(home, { recursive: true, force: true })
  }
}

let world: World
let tls: Certificate
let front: HttpsFront
let trap: Trap

beforeAll(async () => {
  tls = await makeCertificate()
  world = await createWorld()
  front = await startHttpsFront(world.sim.boxUrl, tls)
  trap = await startTrap()
})

afterAll(async () => {
  await trap?.close()
  await front?.close()
  await world?.close()
  if (tls) await rm(tls.dir, { recursive: true, force: true })
})

beforeEach(() => {
  front.seen.length = 0
  trap.hits.length = 0
})

afterEach(() => {
  // Nothing but the update check reached a Postman address (and that one reached the trap).
  expect(trap.hits.filter((line) => !line.startsWith('GET /update/status?'))).toEqual([])
})

runHere(
  'the Postman CLI calls Box with the access token the action got and never refreshes',
  async () => {
    const run = await runAction(world.inputs({ 'postman-environment': 'box.postman_environment.json' }), {
      env: world.env(),
      keep: true
    })
    try {
      expect(run.code).toBe(0)
      const issued = world.sim.box.issued.at(-1)!
      const file = join(run.workspace, 'box.postman_environment.json')
      expect(run.outputs['postman-environment']).toBe(file)
      expect(run.fileModes[file]).toBe(0o600)
      expect(leaksOf(world, run, { postmanFile: file })).toEqual([])

      const before = tokenRequests(world)
      // As in docs/newman.md: `postman collection run … -e box.postman_environment.json -i "Get current user"`.
      const cli = await runPostmanCli([
        '-e',
        file,
        '-i',
        CLASSIC_REQUEST,
        '-i',
        ADVANCED_REQUEST,
        '--env-var',
        `api.box.com=${front.host}`,
        '--ssl-extra-ca-certs',
        tls.certFile,
        '--bail'
      ])

      expect({ code: cli.code, output: cli.output }).toEqual({ code: 0, output: expect.stringContaining('[200 OK') })
      expect(front.seen).toEqual([
        { method: 'GET', path: '/2.0/users/me', authorization: `Bearer ${issued.accessToken}` },
        { method: 'GET', path: '/2.0/users/me', authorization: `Bearer ${issued.accessToken}` }
      ])
      expect(tokenRequests(world)).toBe(before)
      expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
      // The CLI's own output never shows the refresh tokens or the client secret.
      for (const value of [world.refreshToken, issued.refreshToken, world.sim.box.client.secret])
        expect(cli.output).not.toContain(value)
    } finally {
      await rm(dirname(run.workspace), { recursive: true, force: true })
    }
  },
  60_000
)

// The control, as for newman: the collection's scripts do refresh under the Postman CLI when an
// environment lets them, so the test above passing means the action's environment prevented it.
runHere.each(SELF_REFRESHING)(
  'control: %s refreshes by itself under the Postman CLI given %s',
  async (request, _why, extra) => {
    const environment = unsafeEnvironment(world, extra)
    const refreshToken = String(environment.values.find((v) => v.key === 'refresh_token')!.value)
    const dir = await mkdtemp(join(tmpdir(), 'box-token-refresh-postman-env-'))
    try {
      const file = join(dir, 'unsafe.postman_environment.json')
      await writeFile(file, JSON.stringify(environment))

      const before = tokenRequests(world)
      const cli = await runPostmanCli([
        '-e',
        file,
        '-i',
        request,
        '--env-var',
        `api.box.com=${front.host}`,
        '--ssl-extra-ca-certs',
        tls.certFile
      ])

      expect(cli.code).toBe(0)
      expect(front.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/token', 'GET /2.0/users/me'])
      expect(tokenRequests(world)).toBe(before + 1)
      expect(world.sim.box.isRefreshTokenValid(refreshToken)).toBe(false) // used up inside the Postman CLI
      expect(front.seen[1]!.authorization).toBe(`Bearer ${world.sim.box.issued.at(-1)!.accessToken}`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
  60_000
)
