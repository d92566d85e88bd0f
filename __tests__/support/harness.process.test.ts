/**
 * Tests of the e2e harness itself, against a stand-in action (fixtures/fake-action.mjs), so the
 * harness is known to be right before dist/index.js exists.
 */
import { join } from 'node:path'
import { REPO_ROOT, inputVariable, parseFileCommands, readInputDefaults, runAction, scanForLeaks } from './harness.js'

const script = join(REPO_ROOT, '__tests__', 'support', 'fake-action.mjs')
const refreshToken = 'R'.repeat(20) + 'refresh'
const accessToken = 'A'.repeat(20) + 'access'

function run(extra: Record<string, string> = {}) {
  return runAction(
    { 'refresh-token': refreshToken, 'access-token': accessToken, 'secret-name': 'BOX_REFRESH_TOKEN', ...extra },
    { script, actionDefaults: false }
  )
}

it('runs the action as the runner does and reads its file commands', async () => {
  const result = await run({ 'postman-environment': 'box.postman_environment.json' })
  expect(result.code).toBe(0)
  expect(result.stdout).toContain('NODE_OPTIONS=<unset>')
  expect(result.stdout).toContain('cwd-is-workspace=true')
  expect(result.outputs).toEqual({ 'access-token': accessToken, multi: 'line one\nline two' })
  expect(result.env).toEqual({ BOX_ACCESS_TOKEN: accessToken })
  expect(result.state).toEqual({ started: 'yes' })
  expect(result.summary).toContain('Refreshed for BOX_REFRESH_TOKEN')
  const postman = join(result.workspace, 'box.postman_environment.json')
  expect(Object.keys(result.files)).toEqual([postman])
  expect(scanForLeaks(result, { refreshToken }, { accessToken, postmanFile: 'box.postman_environment.json' })).toEqual(
    []
  )
})

it('reports the exit code', async () => {
  expect((await run({ 'exit-code': '1' })).code).toBe(1)
})

it.each([
  ['before-mask', /refreshToken appears in stdout line 1, before its mask/],
  ['output', /refreshToken appears in output 'debug'/],
  ['stderr', /refreshToken appears in stderr line 1/]
])('finds a leak: %s', async (leak, finding) => {
  const findings = scanForLeaks(await run({ leak }), { refreshToken }, { accessToken })
  expect(findings).toEqual([expect.stringMatching(finding)])
})

it('finds a Postman file that others can read, and an access token where it is not allowed', async () => {
  const result = await run({ leak: 'loose-mode', 'postman-environment': 'env.json' })
  expect(scanForLeaks(result, [refreshToken], { accessToken, postmanFile: 'env.json' })).toEqual([
    expect.stringMatching(/env\.json has mode 0644, expected 0600/)
  ])
  expect(scanForLeaks(result, [refreshToken, accessToken])).toEqual([
    "secrets[1] appears in output 'access-token'",
    "secrets[1] appears in GITHUB_ENV variable 'BOX_ACCESS_TOKEN'",
    expect.stringMatching(/^secrets\[1\] appears in file .*env\.json$/)
  ])
})

it('allows a value in GITHUB_STATE, which the post step reads, only there and only when told to', async () => {
  const result = await run({ 'state-token': refreshToken, leak: 'output' })
  expect(result.state).toEqual({ started: 'yes', token: refreshToken })
  expect(scanForLeaks(result, { refreshToken })).toEqual([
    "refreshToken appears in output 'debug'",
    "refreshToken appears in GITHUB_STATE 'token'"
  ])
  expect(scanForLeaks(result, { refreshToken }, { inState: [refreshToken] })).toEqual([
    "refreshToken appears in output 'debug'"
  ])
})

it('names inputs like the runner', () => {
  expect(inputVariable('refresh-token')).toBe('INPUT_REFRESH-TOKEN')
  expect(inputVariable('my input')).toBe('INPUT_MY_INPUT')
})

it('parses both file-command forms', () => {
  const text = 'A=1\nB<<ghadelimiter_x\ntwo\nlines\nghadelimiter_x\nC=x=y\n'
  expect(parseFileCommands(text)).toEqual({ A: '1', B: 'two\nlines', C: 'x=y' })
  expect(() => parseFileCommands('D<<EOF\nno end\n')).toThrow(/unterminated/)
})

it('reads action.yml input defaults', () => {
  const yaml = [
    'name: x',
    'inputs:',
    '  secret-name:',
    '    description: where',
    "    default: 'BOX_REFRESH_TOKEN'",
    '  repository:',
    '    default: ${{ github.repository }}',
    '  dry-run:',
    '    default: false # bare',
    '  client-id:',
    '    required: true',
    'outputs:',
    '  access-token:',
    '    default: nope'
  ].join('\n')
  expect(readInputDefaults(yaml)).toEqual({
    'secret-name': 'BOX_REFRESH_TOKEN',
    repository: '${{ github.repository }}',
    'dry-run': 'false'
  })
})

it.each([
  ['as written', (s: string) => s],
  ['percent-encoded', (s: string) => encodeURIComponent(s)],
  [
    'percent-encoded, lower-case hex',
    (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
  ],
  ['form-encoded', (s: string) => new URLSearchParams({ v: s }).toString().slice(2)],
  [
    'form-encoded, lower-case hex',
    (s: string) =>
      new URLSearchParams({ v: s })
        .toString()
        .slice(2)
        .replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
  ],
  ['JSON-escaped', (s: string) => JSON.stringify(s).slice(1, -1)],
  ['JSON-escaped with \\/', (s: string) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')]
])('finds a secret echoed %s', (_, encode) => {
  // Characters on which the encodings differ: / and space, and ' ! ( ) which only form-encoding escapes.
  const secret = `Sec/ret key'!(x)"${'z'.repeat(8)}`
  const echoed = encode(secret)
  const result = { stdout: `echo: ${echoed}\n`, stderr: '', summary: '', outputs: {}, env: {}, state: {}, files: {} }
  expect(scanForLeaks(result as unknown as Parameters<typeof scanForLeaks>[0], { secret })).toEqual([
    'secret appears in stdout line 1 and is never masked'
  ])
})

test.each([
  [
    "a larger value's mask holding the secret, then the secret's own: no finding (the runner shows no mask line)",
    '::add-mask::{"key": "s3cret-value-0123"}\n::add-mask::s3cret-value-0123\nlater: s3cret-value-0123 was used\n',
    ['secret appears in stdout line 3 (masked by then, but it should not be printed at all)']
  ],
  [
    'only a larger value masked: the secret itself never is',
    '::add-mask::{"key": "s3cret-value-0123"}\nlater: s3cret-value-0123\n',
    ['secret appears in stdout line 2 and is never masked']
  ],
  ['masked, never printed: clean', '::add-mask::s3cret-value-0123\n', []]
])('%s', (_, stdout, findings) => {
  const result = { stdout, stderr: '', summary: '', outputs: {}, env: {}, state: {}, files: {} }
  expect(
    scanForLeaks(result as unknown as Parameters<typeof scanForLeaks>[0], { secret: 's3cret-value-0123' })
  ).toEqual(findings)
})

test('a value with % counts as masked by its escaped mask line, as @actions/core writes it', () => {
  const secret = 'pa%ss-0123456789'
  const result = {
    stdout: '::add-mask::pa%25ss-0123456789\nused pa%ss-0123456789\n',
    stderr: '',
    summary: '',
    outputs: {},
    env: {},
    state: {},
    files: {}
  }
  expect(scanForLeaks(result as unknown as Parameters<typeof scanForLeaks>[0], { secret })).toEqual([
    'secret appears in stdout line 2 (masked by then, but it should not be printed at all)'
  ])
})
