import { InputError, readConfig } from '../../src/inputs.js'
import { badInputs } from '../support/bad-inputs.js'

const valid: Record<string, string> = {
  'client-id': 'abc123clientid',
  'client-secret': 'client-secret-value',
  'refresh-token': 'refresh-token-value',
  'github-token': 'github_pat_value',
  repository: 'octo-org/api-tests'
}
const env = {
  GITHUB_WORKSPACE: '/work/space',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'octo-org/api-tests'
}

function read(overrides: Record<string, string> = {}, environment: NodeJS.ProcessEnv = env) {
  const inputs = { ...valid, ...overrides }
  return readConfig((name) => inputs[name] ?? '', environment)
}

function problemsOf(overrides: Record<string, string>, environment: NodeJS.ProcessEnv = env) {
  try {
    read(overrides, environment)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error('expected an InputError')
}

test('defaults match the design', () => {
  const config = read()
  expect(config).toMatchObject({
    secretName: 'BOX_REFRESH_TOKEN',
    repository: { owner: 'octo-org', repo: 'api-tests' },
    boxApiUrl: 'https://api.box.com',
    githubApiUrl: 'https://api.github.com',
    dependabot: false,
    exportEnv: false,
    dryRun: false,
    organizationVisibility: 'private',
    retryBudgetMs: 120_000,
    requestTimeoutMs: 30_000,
    run: { repository: { owner: 'octo-org', repo: 'api-tests' }, id: 42, attempt: 2 }
  })
  expect(config.environment).toBeUndefined()
  expect(config.postmanEnvironment).toBeUndefined()
})

test('values are trimmed, URLs lose their trailing slash, the Postman path is resolved against the workspace', () => {
  const config = read({
    'refresh-token': '  tok  ',
    'box-api-url': 'http://127.0.0.1:8080/',
    'postman-environment': 'out/box.json'
  })
  expect(config.refreshToken).toBe('tok')
  expect(config.boxApiUrl).toBe('http://127.0.0.1:8080')
  expect(config.postmanEnvironment).toBe('/work/space/out/box.json')
})

test('GITHUB_API_URL with a path prefix (GitHub Enterprise Server) is kept', () => {
  expect(read({}, { ...env, GITHUB_API_URL: 'https://ghe.example/api/v3/' }).githubApiUrl).toBe(
    'https://ghe.example/api/v3'
  )
})

test('repository falls back to GITHUB_REPOSITORY', () => {
  expect(read({ repository: '' }).repository).toEqual({ owner: 'octo-org', repo: 'api-tests' })
})

test.each(badInputs)('`%s` is refused with a message that names it: %j', (input, overrides, message) => {
  const problems = problemsOf(overrides)
  const problem = problems.find((p) => p.input === input)
  expect(problem).toBeDefined()
  expect(problem!.message).toMatch(message)
})

test('GITHUB_API_URL must be https except on loopback', () => {
  const problems = problemsOf({}, { ...env, GITHUB_API_URL: 'http://ghe.example/api/v3' })
  expect(problems[0].input).toMatch(/GITHUB_API_URL/)
  expect(read({}, { ...env, GITHUB_API_URL: 'http://localhost:3000' }).githubApiUrl).toBe('http://localhost:3000')
  expect(read({}, { ...env, GITHUB_API_URL: 'http://[::1]:3000' }).githubApiUrl).toBe('http://[::1]:3000')
})

test('all problems are reported at once, and the message says nothing was used', () => {
  let message = ''
  try {
    read({ 'client-id': '', 'secret-name': 'bad-name', 'box-api-url': 'ftp://x' })
  } catch (error) {
    message = (error as Error).message
  }
  expect(message).toMatch(/^3 inputs are not valid:/)
  expect(message).toContain('`client-id`')
  expect(message).toContain('`secret-name`')
  expect(message).toContain('`box-api-url`')
  expect(message).toMatch(/refresh token was not used/)
})

test('no credential value ever appears in an input error', () => {
  let message = ''
  try {
    read({ 'client-secret': 'sec ret', 'refresh-token': 'ref resh', 'github-token': 'gh tok' })
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    message = (error as Error).message
  }
  // Each credential was refused, by name...
  for (const input of ['client-secret', 'refresh-token', 'github-token'])
    expect(message).toMatch(new RegExp(`\`${input}\`: contains white space`))
  // ...and none of them is quoted.
  for (const value of ['sec ret', 'ref resh', 'gh tok']) expect(message).not.toContain(value)
})
