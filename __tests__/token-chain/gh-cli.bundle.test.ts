/**
 * The printed recovery command, run by the real GitHub CLI (Debian's `gh`; .ci/run installs it)
 * rather than the stand-in in support/gh, which only proves what the stand-in parses. The action
 * (dist/index.js) runs against the simulator's GitHub served as a GitHub Enterprise Server host:
 * https on port 443 of a loopback address, with a throwaway certificate, because gh sends
 * `https://HOST/api/v3/…` and takes no port in --hostname. Binding port 443 needs root (CI is
 * root) or a lower net.ipv4.ip_unprivileged_port_start. The write-back is refused, the command
 * from the log is pasted into bash with gh logged in through GH_ENTERPRISE_TOKEN, and the secret
 * must then hold the new token. gh's configuration lives in a temporary GH_CONFIG_DIR, never the
 * person's; it trusts the certificate through SSL_CERT_FILE.
 */
import { execFileSync, spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/harness.js'
import { printedRecoveryCommands } from '../support/paste.js'
import { makeCertificate, startHttpsFront, type Certificate, type HttpsFront } from '../support/tls.js'
import { createWorld, REPO, SECRET, type World } from '../support/world.js'

const PERSON_TOKEN = 'ghp_person_pasting_the_command_0123'

let world: World
let tls: Certificate
let front: HttpsFront
let host: string
let ghHome: string

beforeAll(() => {
  try {
    execFileSync('gh', ['--version'], { stdio: 'ignore' })
  } catch {
    throw new Error("The GitHub CLI is not installed: apt-get install -y gh (Debian's package; .ci/run installs it).")
  }
})

beforeEach(async () => {
  world = await createWorld({ simulator: { githubPathPrefix: '/api/v3' } })
  // A loopback address of its own, so that port 443 is free whatever else runs on this machine.
  host = `127.${randomInt(64, 250)}.${randomInt(1, 250)}.${randomInt(1, 250)}`
  tls = await makeCertificate(host)
  const origin = new URL(world.sim.githubApiUrl).origin
  front = await startHttpsFront(origin, tls, { address: host, port: 443 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EACCES') throw error
    throw new Error(
      `Listening on ${host}:443 needs root (as in CI), or: sysctl -w net.ipv4.ip_unprivileged_port_start=443. ` +
        'gh takes no port for a GitHub Enterprise Server host.'
    )
  })
  ghHome = await mkdtemp(join(tmpdir(), 'box-token-refresh-gh-'))
})

afterEach(async () => {
  await front?.close()
  await world?.close()
  await rm(tls.dir, { recursive: true, force: true })
  await rm(ghHome, { recursive: true, force: true })
})

/** `bash -c COMMAND` with the real gh, logged in to `host` by environment only. */
function pasteWithGh(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: ghHome,
        GH_CONFIG_DIR: join(ghHome, 'gh'),
        GH_ENTERPRISE_TOKEN: PERSON_TOKEN,
        GH_TOKEN: PERSON_TOKEN,
        SSL_CERT_FILE: tls.certFile,
        GH_NO_UPDATE_NOTIFIER: '1',
        GH_PROMPT_DISABLED: '1',
        NO_COLOR: '1'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

test('GitHub Enterprise Server without a port: the printed `gh api` command, run by gh, stores the new token', async () => {
  world.sim.github.refuseSecretWrites()
  const run = await runAction(world.inputs(), {
    env: world.env({ GITHUB_API_URL: `https://${host}/api/v3`, NODE_EXTRA_CA_CERTS: tls.certFile })
  })
  expect(run.code).toBe(1)
  const commands = printedRecoveryCommands(run.stdout)
  expect(commands).toHaveLength(1)
  expect(commands[0]).toContain(`gh api --method PUT --hostname ${host} /repos/${REPO}/actions/secrets/${SECRET}`)

  world.sim.github.clearFaults()
  world.sim.github.addToken(PERSON_TOKEN, 'write')
  const pasted = await pasteWithGh(commands[0]!)
  expect({ code: pasted.code, stderr: pasted.stderr }).toEqual({ code: 0, stderr: '' })

  const issued = world.sim.box.issued.at(-1)!
  expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(issued.refreshToken)
  expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
  // What gh sent: the PUT under /api/v3 with the person's token, as GitHub Enterprise Server expects.
  const put = front.seen.filter((r) => r.method === 'PUT' && r.authorization?.includes(PERSON_TOKEN))
  expect(put.map((r) => r.path)).toEqual([`/api/v3/repos/${REPO}/actions/secrets/${SECRET}`])
})
