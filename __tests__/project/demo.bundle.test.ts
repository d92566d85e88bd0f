/**
 * `npm run demo` is the README's first command: its options must answer with usage, never a
 * stack trace, and the demo itself must still end in an intact token chain (exit 0).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

function demo(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['__tests__/simulator/demo.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: '' }
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

test.each(['--help', '-h'])('`npm run demo -- %s` prints usage and exits 0', (flag) => {
  const { status, stdout, stderr } = demo(flag)
  expect(status).toBe(0)
  expect(stdout).toMatch(/^Usage: npm run demo \[-- options\]/)
  expect(stdout).toContain('--scenario=write-fails')
  expect(stdout).toContain('--delay=MS')
  expect(stderr).toBe('')
})

test.each([
  [['--bogus'], "Unknown option '--bogus'"],
  [['--scenario=explode'], 'Unknown --scenario=explode: use rotate, write-fails, handoff, ccg, jwt, downscope.'],
  [['--delay=soon'], '--delay=soon: give a whole number of milliseconds.'],
  [['extra'], "Unexpected argument 'extra'"]
])('`npm run demo -- %j` says what is wrong, shows usage and exits 2, without a stack trace', (args, message) => {
  const { status, stdout, stderr } = demo(...args)
  expect(status).toBe(2)
  expect(stdout).toBe('')
  expect(stderr).toContain(message)
  expect(stderr).toContain('Usage: npm run demo')
  expect(stderr).not.toMatch(/^\s+at /m)
})

test('`npm run demo` rotates the token against the simulator and ends with an intact chain', () => {
  const { status, stdout } = demo()
  expect(stdout).toContain("secret BOX_REFRESH_TOKEN now decrypts to Box's new refresh token: true")
  expect(stdout).toContain('leak scan of everything the run left behind: clean')
  expect(status).toBe(0)
}, 60_000)

test('`npm run demo -- --scenario=handoff` shows a later job opening the hand-off, with no request and no leak', () => {
  const { status, stdout } = demo('--scenario=handoff')
  expect(stdout).toContain("the later job has the rotating job's access token: true")
  expect(stdout).toContain('requests it made to Box or GitHub: 0')
  expect(stdout).toContain('leak scan of everything it left behind: clean')
  expect(status).toBe(0)
}, 60_000)

test('`npm run demo -- --scenario=write-fails` shows the recovery payload restoring the chain', () => {
  const { status, stdout } = demo('--scenario=write-fails')
  expect(stdout).toContain('secret still holds the old, used token: true')
  expect(stdout).toMatch(/PUT \/repos\/octo-org\/api-tests\/actions\/secrets\/BOX_REFRESH_TOKEN → 204/)
  expect(stdout).toContain("secret BOX_REFRESH_TOKEN now decrypts to Box's new refresh token: true")
  expect(stdout).toContain('leak scan of everything the run left behind: clean')
  expect(status).toBe(0)
}, 60_000)

test.each([
  ['ccg', 'client_credentials'],
  ['jwt', 'jwt-bearer']
])(
  '`npm run demo -- --scenario=%s` mints a token, writes nothing at GitHub, and the post step revokes it',
  (scenario, grant) => {
    const { status, stdout } = demo(`--scenario=${scenario}`)
    expect(stdout).toMatch(new RegExp(`Box issued it for: enterprise \\d+ \\(${grant}\\)`))
    expect(stdout).toContain('requests to GitHub: 0')
    expect(stdout).toContain('box POST /oauth2/revoke 200')
    expect(stdout).toContain('revoked at Box when the job ended: true')
    expect(stdout).toContain('leak scan of everything both steps left behind: clean')
    expect(status).toBe(0)
  },
  60_000
)

test('`npm run demo -- --scenario=downscope` stores the new refresh token and hands out only the child', () => {
  const { status, stdout } = demo('--scenario=downscope')
  expect(stdout).toContain('the secret: secret holds the new valid token')
  expect(stdout).toContain('the access token handed out is a downscoped child: true')
  expect(stdout).toContain('its scopes: root_readonly')
  expect(stdout).toContain('leak scan (the full token included): clean')
  expect(status).toBe(0)
}, 60_000)
