/**
 * The login command's good paths, in process: the first refresh token, re-authorizing, every kind
 * of secret target, and where the credentials come from (flags, environment, the terminal, gh).
 */
import { formatUtc } from '../../src/time.js'
import { main } from '../../src/action/main.js'
import { recordingIO } from '../support/world.js'
import { loginTests, REPO, repositoryScope, SECRET, WRITE_TOKEN } from '../support/login.js'

const t = loginTests()

describe('login', () => {
  test('first-time setup: the secret decrypts to the refresh token Box issued, and the action can use it', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]))

    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(t.sim.box.issued).toHaveLength(1)
    const [pair] = t.sim.box.issued
    expect(pair!.grant).toBe('authorization_code')
    expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(pair!.refreshToken)
    expect(t.sim.box.isRefreshTokenValid(pair!.refreshToken)).toBe(true)

    // Preflight reads, then the browser at Box, then the exchange, then the write.
    expect(result.requests).toEqual([
      expect.stringMatching(
        /^github GET \/repos\/octo-org\/api-tests\/actions\/secrets\/(public-key|BOX_REFRESH_TOKEN) (200|404)$/
      ),
      expect.stringMatching(
        /^github GET \/repos\/octo-org\/api-tests\/actions\/secrets\/(public-key|BOX_REFRESH_TOKEN) (200|404)$/
      ),
      'box GET /api/oauth2/authorize 302',
      'box POST /oauth2/token 200',
      'github PUT /repos/octo-org/api-tests/actions/secrets/BOX_REFRESH_TOKEN 201'
    ])

    expect(result.stdout).toContain(
      'The repository secret BOX_REFRESH_TOKEN of octo-org/api-tests does not exist yet; it will be created.'
    )
    expect(result.stdout).toMatch(
      /Listening on http:\/\/127\.0\.0\.1:\d+\/callback for Box's answer\. The Box app must list this redirect URI/
    )
    expect(result.stdout).toContain('Waiting for the browser (up to 5 min; Ctrl-C to cancel)…')
    expect(result.stdout).toContain('Authorization code received; exchanging it at')
    // The sealed copy is explained as a first login is: no old token was used, and no runner is involved.
    expect(result.stdout).toContain('Box has issued a refresh token, and this command holds the only copy.')
    expect(result.stdout).not.toMatch(/old one|runner/)
    expect(result.stdout).toContain(
      'Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, created).'
    )
    expect(result.stdout).toContain(`It expires on ${formatUtc(new Date(pair!.at + 60 * 86_400_000)).slice(0, 10)}`)

    // The URL opened is Box's, with this login's redirect URI and a fresh state.
    expect(result.opened).toHaveLength(1)
    const opened = new URL(result.opened[0]!)
    expect(opened.origin + opened.pathname).toBe(t.sim.boxAuthorizeUrl)
    expect(opened.searchParams.get('response_type')).toBe('code')
    expect(opened.searchParams.get('client_id')).toBe(t.sim.box.client.id)
    expect(opened.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    expect(opened.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(result.stdout).toContain(result.opened[0])

    // The browser tab shows the outcome.
    expect(result.visits[0]).toMatchObject({ authorizeStatus: 302, callbackStatus: 200 })
    expect(result.visits[0]!.page).toContain(
      'The Box refresh token is stored in the repository secret BOX_REFRESH_TOKEN of octo-org/api-tests.'
    )
    t.expectNothingSecretPrinted(result)

    // The stored token starts a working chain: the action refreshes with it.
    const { io, recorded } = recordingIO({
      'client-id': t.sim.box.client.id,
      'client-secret': t.sim.box.client.secret,
      'refresh-token': t.sim.github.getSecret(repositoryScope, SECRET)!.plaintext,
      'github-token': WRITE_TOKEN,
      repository: REPO,
      'box-api-url': t.sim.boxUrl
    })
    await main({
      io,
      env: { GITHUB_API_URL: t.sim.githubApiUrl },
      fetch: globalThis.fetch,
      timing: { now: Date.now, sleep: async () => {}, random: () => 0.5 }
    })
    expect(recorded.failed).toBeUndefined()
    expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[1]!.refreshToken)
  })

  test('re-authorizing replaces a secret whose chain broke', async () => {
    const dead = t.sim.box.issueRefreshToken({ ageDays: 61 })
    t.sim.github.setSecret(repositoryScope, SECRET, dead, { updatedAt: new Date('2025-01-02T03:04:05Z') })

    const result = await t.runLogin(t.baseArgs(['-R', REPO]))

    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'The repository secret BOX_REFRESH_TOKEN of octo-org/api-tests exists (last written 2025-01-02 03:04 UTC); it will be replaced.'
    )
    expect(result.stdout).toContain(
      'Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, updated).'
    )
    expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[0]!.refreshToken)
    t.expectNothingSecretPrinted(result, [dead])
  })

  test('writes an organization secret and its Dependabot twin, with one exchange', async () => {
    t.sim.github.addOrganization('octo-org')
    const result = await t.runLogin(
      t.baseArgs(['--organization', 'octo-org', '--dependabot', '--secret-name', 'BOX_TOKEN'])
    )

    expect(result.code).toBe(0)
    expect(t.tokenRequests(result)).toHaveLength(1)
    const token = t.sim.box.issued[0]!.refreshToken
    for (const app of ['actions', 'dependabot'] as const) {
      expect(t.sim.github.getSecret({ kind: 'organization', org: 'octo-org', app }, 'BOX_TOKEN')).toMatchObject({
        plaintext: token,
        visibility: 'private'
      })
    }
    expect(result.stdout).toContain('Token stored in octo-org (organization) BOX_TOKEN (organization secret, created).')
    expect(result.stdout).toContain(
      'Token stored in octo-org (organization) BOX_TOKEN (Dependabot organization secret, created).'
    )
  })

  test('writes an environment secret', async () => {
    t.sim.github.addEnvironment(REPO, 'api tests')
    const result = await t.runLogin(t.baseArgs(['--repository', REPO, '--environment', 'api tests']))

    expect(result.code).toBe(0)
    expect(
      t.sim.github.getSecret({ kind: 'environment', repo: REPO, environment: 'api tests' }, SECRET)?.plaintext
    ).toBe(t.sim.box.issued[0]!.refreshToken)
    expect(result.stdout).toContain(
      'Token stored in octo-org/api-tests › api tests BOX_REFRESH_TOKEN (environment secret, created).'
    )
  })
})

describe('login credentials', () => {
  test('asks for a missing client ID, and for the client secret without echo', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), {
      env: { GH_TOKEN: WRITE_TOKEN },
      answers: [t.sim.box.client.id, t.sim.box.client.secret]
    })

    expect(result.prompts).toEqual([
      { question: 'Box client ID: ', hidden: false },
      { question: 'Box client secret (not shown): ', hidden: true }
    ])
    expect(result.code).toBe(0)
    t.expectNothingSecretPrinted(result)
  })

  test('flags win over the environment', async () => {
    const result = await t.runLogin(
      t.baseArgs([
        '--repository',
        REPO,
        '--client-id',
        t.sim.box.client.id,
        '--client-secret',
        t.sim.box.client.secret,
        '--github-token',
        WRITE_TOKEN
      ]),
      {
        env: { BOX_CLIENT_ID: 'other', BOX_CLIENT_SECRET: 'other-secret', GH_TOKEN: 'other-token' }
      }
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('(GitHub token from --github-token)')
    expect(result.prompts).toEqual([])
  })

  test('without a terminal to ask on, says where the credentials can come from', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), { env: { GH_TOKEN: WRITE_TOKEN } })

    expect(result.code).toBe(2)
    expect(result.stderr).toContain('No Box client ID: pass --client-id or set BOX_CLIENT_ID')
    expect(result.stderr).toContain(
      'No Box client secret: set BOX_CLIENT_SECRET, or run the command in a terminal to be asked'
    )
    expect(result.requests).toEqual([])
  })

  test('takes the GitHub token from `gh auth token` when none is given', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), {
      env: t.credentialsEnv({ GH_TOKEN: '' }),
      ghToken: WRITE_TOKEN
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('(GitHub token from `gh auth token`)')
  })

  test('GH_TOKEN, then GITHUB_TOKEN', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), {
      env: { ...t.credentialsEnv({ GH_TOKEN: '' }), GITHUB_TOKEN: WRITE_TOKEN }
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('(GitHub token from GITHUB_TOKEN)')
  })

  test('no GitHub token anywhere', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), { env: t.credentialsEnv({ GH_TOKEN: '' }) })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'No GitHub token: pass --github-token, set GH_TOKEN or GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`).'
    )
  })
})
