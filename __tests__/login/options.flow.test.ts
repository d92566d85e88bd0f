/**
 * The login command's flags and environment: --help, defaults, every invalid value and mistyped
 * flag reported at once, and the small pieces (state comparison, authorize URL, explanations).
 */
import { authorizeUrl, sameState } from '../../src/login/callback.js'
import { explainExchangeFailure } from '../../src/login/main.js'
import { helpText } from '../../src/login/help.js'
import { parseLoginArgs, UsageError } from '../../src/login/options.js'
import { BoxError } from '../../src/box/error.js'
import { loginTests, REDIRECT_URI, REPO } from '../support/login.js'

const t = loginTests()

describe('login options', () => {
  test('--help explains the setup and every flag', async () => {
    const result = await t.runLogin(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(helpText() + '\n')
    for (const flag of [
      '--repository',
      '--environment',
      '--organization',
      '--secret-name',
      '--dependabot',
      '--client-id',
      '--client-secret',
      '--github-token',
      '--github-api-url',
      '--port',
      '--timeout',
      '--box-authorize-url',
      '--box-api-url',
      '--no-browser',
      '--handoff-key-secret'
    ]) {
      expect(result.stdout).toContain(flag)
    }
    expect(result.stdout).toContain('add exactly  http://127.0.0.1:8976/callback')
    expect(result.requests).toEqual([])
  })

  test('a flag left without its value does not swallow the next flag, and no credential is echoed', async () => {
    const token = 'ghp_LeftWithoutItsFlag0123456789abcdef'
    const secret = 'BoxClientSecretPastedAlone0123456789'
    // --client-secret takes --github-token as its value; the token would then be a stray word.
    const result = await t.runLogin(
      ['-R', REPO, '--client-secret', '--github-token', token, '--timeout', '0', secret],
      {
        env: { BOX_CLIENT_SECRET: 'BoxClientSecretFromTheEnvironment99' }
      }
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`--client-secret` needs a value, e.g. `--client-secret VALUE`.')
    expect(result.stderr).toContain('A word that looks like a token or secret (not shown) is not an option')
    expect(result.stderr).toContain('`--timeout` must be a whole number from 1 to 3600 (seconds), not "0".')
    for (const credential of [token, secret, 'BoxClientSecretFromTheEnvironment99'])
      expect(result.stdout + result.stderr).not.toContain(credential)
    expect(result.requests).toEqual([])
  })

  test('reports every invalid option at once, before any request', async () => {
    const result = await t.runLogin([
      '--repository',
      'not-a-repo',
      '--box-api-url',
      'http://api.box.example',
      '--box-authorize-url',
      'https://account.box.com/authorize?x=1',
      '--timeout',
      '0',
      '--secret-name',
      'GITHUB_X'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('5 options are not valid:')
    expect(result.stderr).toContain('`--repository` "not-a-repo" is not `owner/name`')
    expect(result.stderr).toContain(
      '`--box-api-url` "http://api.box.example" must use https (http is allowed only on a loopback address'
    )
    expect(result.stderr).toContain(
      '`--box-authorize-url` "https://account.box.com/authorize?x=1" must be a plain base URL'
    )
    expect(result.stderr).toContain('`--timeout` must be a whole number from 1 to 3600 (seconds), not "0".')
    expect(result.stderr).toContain('`--secret-name` "GITHUB_X" starts with GITHUB_')
    expect(result.requests).toEqual([])
  })

  test.each([
    [['--environment', 'prod', '--organization', 'octo'], '`--environment` needs `--repository`'],
    [['--repository', REPO, '--organization', 'octo'], '`--organization` cannot be combined with `--repository`'],
    [[], '`--repository` is missing'],
    [
      ['--repository', REPO, '--environment', 'prod', '--dependabot'],
      '`--dependabot` cannot be combined with `--environment`'
    ],
    [
      ['--organization', 'octo', '--organization-visibility', 'selected'],
      '`--organization-visibility` cannot be `selected` for a new secret'
    ],
    [
      ['--repository', REPO, '--repo', 'x'],
      '`--repo` is not an option of this command; did you mean `--repository (-R)`?'
    ],
    [['--repository', REPO, '--org', 'x'], 'did you mean `--organization`?'],
    [['--repository', REPO, '--timout', '9'], 'did you mean `--timeout`?'],
    [['--repository', REPO, '--no-browsr'], 'did you mean `--no-browser`?'],
    [
      ['--repository', REPO, '--timeout', '-5'],
      '`--timeout` must be a whole number from 1 to 3600 (seconds), not "-5".'
    ],
    [['--repository', REPO, '--timeout'], '`--timeout` needs a value, e.g. `--timeout 300`.'],
    [['--repository', REPO, '--port', 'abc'], '`--port` must be a whole number from 0 to 65535, not "abc".'],
    [['--repository', REPO, '--no-browser=yes'], '`--no-browser` takes no value'],
    [['--repository', REPO, 'octo-org/other'], '`octo-org/other` is not an option: options start with --'],
    [['--repository', REPO, '--frobnicate'], '`--frobnicate` is not an option of this command (see --help).'],
    [
      ['--repository', REPO, '--handoff-key-secret'],
      '`--handoff-key-secret` needs a value, e.g. `--handoff-key-secret BOX_HANDOFF_KEY`.'
    ],
    [
      ['--repository', REPO, '--handoff-key-secret', 'BOX-KEY'],
      '`--handoff-key-secret` "BOX-KEY" is not a valid secret name'
    ],
    [
      ['--repository', REPO, '--handoff-key-secret', 'GITHUB_KEY'],
      '`--handoff-key-secret` "GITHUB_KEY" starts with GITHUB_'
    ],
    [
      // Secret names are case-insensitive: this is the refresh token's secret.
      ['--repository', REPO, '--handoff-key-secret', 'box_refresh_token'],
      "`--handoff-key-secret` must name another secret than the refresh token's (BOX_REFRESH_TOKEN)"
    ],
    [
      ['--repository', REPO, '--secret-name', 'BOX_KEY', '--handoff-key-secret', 'BOX_KEY'],
      "`--handoff-key-secret` must name another secret than the refresh token's (BOX_KEY)"
    ],
    [['--repository', REPO, '--handof'], 'did you mean `--handoff-key-secret`?']
  ])('refuses %j', (argv, message) => {
    expect(() => parseLoginArgs(argv, {})).toThrow(UsageError)
    expect(() => parseLoginArgs(argv, {})).toThrow(message)
  })

  test('defaults', () => {
    const command = parseLoginArgs(['--repository', REPO], { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })
    expect(command).toEqual({
      help: false,
      options: {
        clientId: undefined,
        clientSecret: undefined,
        githubToken: undefined,
        selection: {
          secretName: 'BOX_REFRESH_TOKEN',
          repository: { owner: 'octo-org', repo: 'api-tests' },
          environment: undefined,
          organization: undefined,
          dependabot: false
        },
        organizationVisibility: 'private',
        handoffKeySecret: undefined,
        boxAuthorizeUrl: 'https://account.box.com/api/oauth2/authorize',
        boxApiUrl: 'https://api.box.com',
        githubApiUrl: 'https://ghe.example.com/api/v3',
        port: 8976,
        retryTimeoutMs: 30000,
        timeoutMs: 300_000,
        openBrowser: true
      }
    })
  })

  test('--handoff-key-secret is read as given', () => {
    const command = parseLoginArgs(['--repository', REPO, '--handoff-key-secret', ' BOX_HANDOFF_KEY '], {})
    expect(command.help === false && command.options.handoffKeySecret).toBe('BOX_HANDOFF_KEY')
  })

  test('--no-browser only prints the URL', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO, '--no-browser', '--timeout', '1']))
    expect(result.opened).toEqual([])
    expect(result.stdout).toMatch(/^ {2}http:\/\/127\.0\.0\.1:\d+\/api\/oauth2\/authorize\?response_type=code&/m)
    expect(result.code).toBe(1)
  })
})

describe('login pieces', () => {
  test('state comparison', () => {
    expect(sameState('abc', 'abc')).toBe(true)
    expect(sameState('abc', 'abd')).toBe(false)
    expect(sameState('abc', 'abcd')).toBe(false)
    expect(sameState('abc', '')).toBe(false)
  })

  test('authorize URL', () => {
    expect(
      authorizeUrl('https://account.box.com/api/oauth2/authorize', {
        clientId: 'id1',
        redirectUri: 'http://127.0.0.1:8976/callback',
        state: 's-1'
      })
    ).toBe(
      'https://account.box.com/api/oauth2/authorize?response_type=code&client_id=id1&redirect_uri=http%3A%2F%2F127.0.0.1%3A8976%2Fcallback&state=s-1'
    )
  })

  test('an expired or used code is explained, including a first attempt that may have used it', () => {
    const error = new BoxError(
      'invalid_grant',
      'Box refused the token request: invalid_grant (The authorization code has expired).',
      { oauthError: 'invalid_grant' }
    )
    expect(explainExchangeFailure(error, REDIRECT_URI)).toContain(
      'An authorization code works once, and only for 30 seconds after access is granted.'
    )
    error.earlierAmbiguousAttempt = 'Box did not answer within 10 s.'
    expect(explainExchangeFailure(error, REDIRECT_URI)).toContain(
      'An earlier attempt (Box did not answer within 10 s.) probably reached Box'
    )
    const mismatch = new BoxError('oauth', 'Box refused the token request: redirect_uri_mismatch.', {
      oauthError: 'redirect_uri_mismatch'
    })
    expect(explainExchangeFailure(mismatch, REDIRECT_URI)).toContain(
      `redirect URI ${REDIRECT_URI} is not one the Box app lists`
    )
  })
})

test("every mistake on the command line is reported at once, without the argument parser's own wording", () => {
  const error = (() => {
    try {
      parseLoginArgs(
        ['--repo', 'octo-org/api-tests', '--timeout', '-5', '--port', 'stray', 'word', '--retry-timeout'],
        {}
      )
    } catch (e) {
      return e as UsageError
    }
  })()
  expect(error).toBeInstanceOf(UsageError)
  expect(error!.problems).toEqual([
    '`--repo` is not an option of this command; did you mean `--repository (-R)`?',
    '`word` is not an option: options start with -- (see --help).',
    '`--retry-timeout` needs a value, e.g. `--retry-timeout 30`.',
    '`--repository` is missing: say where the secret goes, with `--repository owner/name` (or `--organization name` for an organization secret).',
    '`--port` must be a whole number from 0 to 65535, not "stray".',
    '`--timeout` must be a whole number from 1 to 3600 (seconds), not "-5".'
  ])
  expect(error!.message).not.toMatch(/ERR_PARSE_ARGS|positional argument|ambiguous/)
})
