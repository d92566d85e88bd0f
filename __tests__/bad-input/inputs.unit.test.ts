import { InputError, readConfig, type RotationConfig } from '../../src/action/inputs.js'
import { proxyUrl } from '../../src/proxy.js'
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

async function read(
  overrides: Record<string, string> = {},
  environment: NodeJS.ProcessEnv = env
): Promise<RotationConfig> {
  const inputs = { ...valid, ...overrides }
  const config = await readConfig((name) => inputs[name] ?? '', environment)
  if (config.mode !== 'oauth') throw new Error(`expected OAuth 2.0, not ${config.mode}`)
  return config
}

async function problemsOf(overrides: Record<string, string>, environment: NodeJS.ProcessEnv = env) {
  try {
    await read(overrides, environment)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error('expected an InputError')
}

test('defaults match the design', async () => {
  const config = await read()
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

test('values are trimmed, URLs lose their trailing slash, the Postman path is resolved against the workspace', async () => {
  const config = await read({
    'refresh-token': '  tok  ',
    'box-api-url': 'http://127.0.0.1:8080/',
    'postman-environment': 'out/box.json'
  })
  expect(config.refreshToken).toBe('tok')
  expect(config.boxApiUrl).toBe('http://127.0.0.1:8080')
  expect(config.postmanEnvironment).toBe('/work/space/out/box.json')
})

test('GITHUB_API_URL with a path prefix (GitHub Enterprise Server) is kept', async () => {
  expect((await read({}, { ...env, GITHUB_API_URL: 'https://ghe.example/api/v3/' })).githubApiUrl).toBe(
    'https://ghe.example/api/v3'
  )
})

test('repository falls back to GITHUB_REPOSITORY', async () => {
  expect((await read({ repository: '' })).repository).toEqual({ owner: 'octo-org', repo: 'api-tests' })
})

test.each(badInputs)('`%s` is refused with a message that names it: %j', async (input, overrides, message) => {
  const problems = await problemsOf(overrides)
  const problem = problems.find((p) => p.input === input)
  expect(problem).toBeDefined()
  expect(problem!.message).toMatch(message)
})

test('GITHUB_API_URL must be https except on loopback', async () => {
  const problems = await problemsOf({}, { ...env, GITHUB_API_URL: 'http://ghe.example/api/v3' })
  expect(problems[0].input).toMatch(/GITHUB_API_URL/)
  expect((await read({}, { ...env, GITHUB_API_URL: 'http://localhost:3000' })).githubApiUrl).toBe(
    'http://localhost:3000'
  )
  expect((await read({}, { ...env, GITHUB_API_URL: 'http://[::1]:3000' })).githubApiUrl).toBe('http://[::1]:3000')
})

test('all problems are reported at once, and the message says nothing was used', async () => {
  let message = ''
  try {
    await read({ 'client-id': '', 'secret-name': 'bad-name', 'box-api-url': 'ftp://x' })
  } catch (error) {
    message = (error as Error).message
  }
  expect(message).toMatch(/^3 inputs are not valid:/)
  expect(message).toContain('`client-id`')
  expect(message).toContain('`secret-name`')
  expect(message).toContain('`box-api-url`')
  expect(message).toMatch(/refresh token was not used/)
})

test('no credential value ever appears in an input error', async () => {
  let message = ''
  try {
    await read({ 'client-secret': 'sec ret', 'refresh-token': 'ref resh', 'github-token': 'gh tok' })
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

describe('the proxy variables', () => {
  test('a proxy that names no host is refused, without quoting it (a proxy URL can hold a password)', async () => {
    const problems = await problemsOf({}, { ...env, https_proxy: 'http://user:pa55word@:3128' })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ input: 'https_proxy (environment variable)' })
    expect(problems[0]!.message).toMatch(/names no proxy host.*http:\/\/proxy\.example:3128/)
    expect(JSON.stringify(problems)).not.toContain('pa55word')
    expect((await problemsOf({}, { ...env, HTTPS_PROXY: ' ' }))[0]).toMatchObject({
      input: 'HTTPS_PROXY (environment variable)'
    })
  })

  test('a value without a scheme is the http proxy it names; one that does not apply is not judged', async () => {
    await expect(read({}, { ...env, https_proxy: 'proxy.corp:3128' })).resolves.toBeDefined()
    // Both Box and GitHub are on this machine: no proxy applies to them.
    const local = { ...env, GITHUB_API_URL: 'http://127.0.0.1:3000', https_proxy: '://', http_proxy: '://' }
    await expect(read({ 'box-api-url': 'http://127.0.0.1:8080' }, local)).resolves.toBeDefined()
    // An https-only run does not judge http_proxy.
    await expect(read({}, { ...env, http_proxy: '://' })).resolves.toBeDefined()
  })
})

test.each([
  ['proxy.corp:3128', 'http://proxy.corp:3128/'],
  ['localhost:3128', 'http://localhost:3128/'],
  ['127.0.0.1:3128', 'http://127.0.0.1:3128/'],
  ['https://user:pw@proxy.corp', 'https://user:pw@proxy.corp/'],
  ['http://proxy.corp:3128/', 'http://proxy.corp:3128/'],
  ['', undefined],
  ['http://', undefined],
  [':3128', undefined]
])('proxy %p is %p', async (value, expected) => {
  expect(proxyUrl(value)?.href).toBe(expected)
})
