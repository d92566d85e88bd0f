/**
 * The login command, in process against the simulator, with its collaborators injected: the
 * "browser" is the test (it opens Box's authorize URL and follows the redirect by hand), the
 * prompt and `gh auth token` are stubs, and retries jump the clock instead of sleeping.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { authorizeUrl, sameState } from '../src/login/callback.js'
import { explainExchangeFailure, login, type LoginDeps } from '../src/login/main.js'
import { formatUtc } from '../src/time.js'
import { helpText } from '../src/login/help.js'
import { parseLoginArgs, UsageError } from '../src/login/options.js'
import { BoxError } from '../src/box-error.js'
import { run } from '../src/main.js'
import type { Timing } from '../src/retry.js'
import { describeRequests, startSimulator, type ScopeRef, type Simulator } from './simulator/index.js'
import { authorize, playBrowser, visit, type BrowserVisit } from './support/browser.js'
import { recordingIO } from './support/world.js'
import { pasteAll, printedRecoveryCommands } from './support/paste.js'

const REPO = 'octo-org/api-tests'
const SECRET = 'BOX_REFRESH_TOKEN'
const WRITE_TOKEN = 'github_pat_login_write_0123456789'
const REDIRECT_URI = 'http://127.0.0.1:8976/callback'
const repositoryScope: ScopeRef = { kind: 'repository', repo: REPO }

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
  sim.github.addRepository(REPO)
  sim.github.addToken(WRITE_TOKEN, 'write')
  // The redirect URI the README tells people to list; the tests listen on a free port, which Box
  // accepts for loopback redirect URIs (reference/box-oauth.md).
  sim.box.registerRedirectUri(REDIRECT_URI)
})

afterEach(async () => {
  await sim.close()
})

// ---- harness -------------------------------------------------------------------------------------

interface LoginRun {
  code: number
  stdout: string
  stderr: string
  /** Every URL the command asked the browser to open. */
  opened: string[]
  /** What the browser saw, for each URL opened (after the command answered the callback). */
  visits: BrowserVisit[]
  prompts: Array<{ question: string; hidden: boolean }>
  /** Requests to either fake service, one line each. */
  requests: string[]
}

interface RunOptions {
  env?: Record<string, string>
  /** What the browser does with the authorize URL; default: the whole round trip. */
  browser?: (url: string) => Promise<BrowserVisit>
  answers?: Array<string | undefined>
  ghToken?: string
}

function baseArgs(extra: string[] = []): string[] {
  return [
    '--box-api-url', sim.boxUrl,
    '--box-authorize-url', sim.boxAuthorizeUrl,
    '--github-api-url', sim.githubApiUrl,
    '--port', '0',
    ...extra
  ]
}

function credentialsEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { BOX_CLIENT_ID: sim.box.client.id, BOX_CLIENT_SECRET: sim.box.client.secret, GH_TOKEN: WRITE_TOKEN, ...extra }
}

async function runLogin(argv: string[], options: RunOptions = {}): Promise<LoginRun> {
  let stdout = ''
  let stderr = ''
  const opened: string[] = []
  const visiting: Array<Promise<BrowserVisit>> = []
  const prompts: LoginRun['prompts'] = []
  const answers = [...(options.answers ?? [])]
  let offset = 0
  const timing: Timing = {
    now: () => Date.now() + offset,
    sleep: async (ms) => void (offset += ms),
    random: () => 0.5
  }
  const deps: LoginDeps = {
    argv,
    env: options.env ?? credentialsEnv(),
    fetch: globalThis.fetch,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    prompt: async (question, { hidden }) => {
      prompts.push({ question, hidden })
      return answers.shift()
    },
    openBrowser: async (url) => {
      opened.push(url)
      // Not awaited: a browser does its work while the command waits for it.
      visiting.push((options.browser ?? playBrowser)(url))
      return true
    },
    ghAuthToken: async () => options.ghToken,
    timing
  }
  const code = await login(deps)
  const visits = await Promise.all(visiting)
  return { code, stdout, stderr, opened, visits, prompts, requests: describeRequests(sim.requests) }
}

/** Every credential the run could have seen: none may appear in anything it printed. */
function expectNothingSecretPrinted(result: LoginRun, extra: string[] = []): void {
  const secrets = [
    sim.box.client.secret,
    WRITE_TOKEN,
    ...sim.box.issued.flatMap((pair) => [pair.refreshToken, pair.accessToken]),
    ...extra
  ]
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret)
    expect(result.stderr).not.toContain(secret)
    for (const visit of result.visits) expect(visit.page).not.toContain(secret)
  }
}

const tokenRequests = (result: LoginRun): string[] => result.requests.filter((line) => line.startsWith('box POST /oauth2/token'))

// ---- the flow ------------------------------------------------------------------------------------

describe('login', () => {
  test('first-time setup: the secret decrypts to the refresh token Box issued, and the action can use it', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]))

    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(sim.box.issued).toHaveLength(1)
    const [pair] = sim.box.issued
    expect(pair!.grant).toBe('authorization_code')
    expect(sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(pair!.refreshToken)
    expect(sim.box.isRefreshTokenValid(pair!.refreshToken)).toBe(true)

    // Preflight reads, then the browser at Box, then the exchange, then the write.
    expect(result.requests).toEqual([
      expect.stringMatching(/^github GET \/repos\/octo-org\/api-tests\/actions\/secrets\/(public-key|BOX_REFRESH_TOKEN) (200|404)$/),
      expect.stringMatching(/^github GET \/repos\/octo-org\/api-tests\/actions\/secrets\/(public-key|BOX_REFRESH_TOKEN) (200|404)$/),
      'box GET /api/oauth2/authorize 302',
      'box POST /oauth2/token 200',
      'github PUT /repos/octo-org/api-tests/actions/secrets/BOX_REFRESH_TOKEN 201'
    ])

    expect(result.stdout).toContain('The repository secret BOX_REFRESH_TOKEN of octo-org/api-tests does not exist yet; it will be created.')
    expect(result.stdout).toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+\/callback for Box's answer\. The Box app must list this redirect URI/)
    expect(result.stdout).toContain('Waiting for the browser (up to 5 min; Ctrl-C to cancel)…')
    expect(result.stdout).toContain('Authorization code received; exchanging it at')
    expect(result.stdout).toContain('Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, created).')
    expect(result.stdout).toContain(`It expires on ${formatUtc(new Date(pair!.at + 60 * 86_400_000)).slice(0, 10)}`)

    // The URL opened is Box's, with this login's redirect URI and a fresh state.
    expect(result.opened).toHaveLength(1)
    const opened = new URL(result.opened[0]!)
    expect(opened.origin + opened.pathname).toBe(sim.boxAuthorizeUrl)
    expect(opened.searchParams.get('response_type')).toBe('code')
    expect(opened.searchParams.get('client_id')).toBe(sim.box.client.id)
    expect(opened.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    expect(opened.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(result.stdout).toContain(result.opened[0])

    // The browser tab shows the outcome.
    expect(result.visits[0]).toMatchObject({ authorizeStatus: 302, callbackStatus: 200 })
    expect(result.visits[0]!.page).toContain('The Box refresh token is stored in the repository secret BOX_REFRESH_TOKEN of octo-org/api-tests.')
    expectNothingSecretPrinted(result)

    // The stored token starts a working chain: the action refreshes with it.
    const { io, recorded } = recordingIO({
      'client-id': sim.box.client.id,
      'client-secret': sim.box.client.secret,
      'refresh-token': sim.github.getSecret(repositoryScope, SECRET)!.plaintext,
      'github-token': WRITE_TOKEN,
      repository: REPO,
      'box-api-url': sim.boxUrl
    })
    await run({ io, env: { GITHUB_API_URL: sim.githubApiUrl }, fetch: globalThis.fetch, timing: { now: Date.now, sleep: async () => {}, random: () => 0.5 } })
    expect(recorded.failed).toBeUndefined()
    expect(sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(sim.box.issued[1]!.refreshToken)
  })

  test('re-authorizing replaces a secret whose chain broke', async () => {
    const dead = sim.box.issueRefreshToken({ ageDays: 61 })
    sim.github.setSecret(repositoryScope, SECRET, dead, { updatedAt: new Date('2025-01-02T03:04:05Z') })

    const result = await runLogin(baseArgs(['-R', REPO]))

    expect(result.code).toBe(0)
    expect(result.stdout).toContain('The repository secret BOX_REFRESH_TOKEN of octo-org/api-tests exists (last written 2025-01-02 03:04 UTC); it will be replaced.')
    expect(result.stdout).toContain('Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, updated).')
    expect(sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(sim.box.issued[0]!.refreshToken)
    expectNothingSecretPrinted(result, [dead])
  })

  test('writes an organization secret and its Dependabot twin, with one exchange', async () => {
    sim.github.addOrganization('octo-org')
    const result = await runLogin(baseArgs(['--organization', 'octo-org', '--dependabot', '--secret-name', 'BOX_TOKEN']))

    expect(result.code).toBe(0)
    expect(tokenRequests(result)).toHaveLength(1)
    const token = sim.box.issued[0]!.refreshToken
    for (const app of ['actions', 'dependabot'] as const) {
      expect(sim.github.getSecret({ kind: 'organization', org: 'octo-org', app }, 'BOX_TOKEN')).toMatchObject({ plaintext: token, visibility: 'private' })
    }
    expect(result.stdout).toContain('Token stored in octo-org (organization) BOX_TOKEN (organization secret, created).')
    expect(result.stdout).toContain('Token stored in octo-org (organization) BOX_TOKEN (Dependabot organization secret, created).')
  })

  test('writes an environment secret', async () => {
    sim.github.addEnvironment(REPO, 'api tests')
    const result = await runLogin(baseArgs(['--repository', REPO, '--environment', 'api tests']))

    expect(result.code).toBe(0)
    expect(sim.github.getSecret({ kind: 'environment', repo: REPO, environment: 'api tests' }, SECRET)?.plaintext).toBe(sim.box.issued[0]!.refreshToken)
    expect(result.stdout).toContain('Token stored in octo-org/api-tests › api tests BOX_REFRESH_TOKEN (environment secret, created).')
  })
})

// ---- refusals --------------------------------------------------------------------------------------

describe('login refuses', () => {
  test('a callback with the wrong state, exchanging nothing, and still takes the real answer', async () => {
    const forgedCode = sim.box.issueAuthorizationCode(sim.box.client.id, REDIRECT_URI)
    let forgedAnswer: { status: number; page: string } | undefined
    let tokenRequestsBeforeRealAnswer = -1
    const browser = async (url: string): Promise<BrowserVisit> => {
      const box = await authorize(url)
      const forged = new URL(box.location!)
      forged.searchParams.set('code', forgedCode)
      forged.searchParams.set('state', 'not-the-state-of-this-login')
      forgedAnswer = await visit(forged)
      tokenRequestsBeforeRealAnswer = sim.requests.filter((r) => r.path === '/oauth2/token').length
      const real = await visit(box.location!)
      return { authorizeStatus: box.status, callbackUrl: box.location, callbackStatus: real.status, page: real.page }
    }

    const result = await runLogin(baseArgs(['--repository', REPO]), { browser })

    expect(forgedAnswer?.status).toBe(400)
    expect(forgedAnswer?.page).toContain('does not belong to the login running in your terminal')
    expect(tokenRequestsBeforeRealAnswer).toBe(0)
    expect(result.stderr).toContain('Refused a request to /callback: its state does not match this login')
    expect(result.code).toBe(0)
    expect(tokenRequests(result)).toEqual(['box POST /oauth2/token 200'])
    expect(sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(sim.box.issued[0]!.refreshToken)
    // The forged code was never sent to Box: it can still be exchanged once.
    const stillUnused = await fetch(`${sim.boxUrl}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: forgedCode, client_id: sim.box.client.id, client_secret: sim.box.client.secret })
    })
    expect(stillUnused.status).toBe(200)
  })

  test('a callback without the state, and gives up at the timeout without exchanging or storing anything', async () => {
    const browser = async (url: string): Promise<BrowserVisit> => {
      const box = await authorize(url)
      const stripped = new URL(box.location!)
      stripped.searchParams.delete('state')
      const answer = await visit(stripped)
      return { authorizeStatus: box.status, callbackStatus: answer.status, page: answer.page }
    }

    const result = await runLogin(baseArgs(['--repository', REPO, '--timeout', '1']), { browser })

    expect(result.visits[0]?.callbackStatus).toBe(400)
    expect(result.stderr).toContain('Refused a request to /callback: it carries no state.')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Box's answer did not reach http:\/\/127\.0\.0\.1:\d+\/callback within 1 s\. Nothing was stored\./)
    expect(tokenRequests(result)).toEqual([])
    expect(sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
  })

  test('denied consent, with a clear message in the terminal and the browser', async () => {
    sim.box.consent = 'deny'
    const result = await runLogin(baseArgs(['--repository', REPO]))

    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Access was not granted at Box: access_denied (The user denied access to their account.). Nothing was stored.')
    expect(result.stderr).toContain('run the command again and click "Grant access to Box"')
    expect(result.visits[0]!.page).toContain('Access not granted')
    expect(tokenRequests(result)).toEqual([])
    expect(sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
    expect(result.stdout).not.toContain('Token stored')
  })

  test('nothing when Box shows redirect_uri_mismatch, and explains how to list the redirect URI', async () => {
    const other = await startSimulator()
    try {
      other.github.addRepository(REPO)
      other.github.addToken(WRITE_TOKEN, 'write')
      other.box.registerRedirectUri('http://127.0.0.1:8976/oauth/callback') // not the path the command uses
      const result = await runLogin(
        ['--box-api-url', other.boxUrl, '--box-authorize-url', other.boxAuthorizeUrl, '--github-api-url', other.githubApiUrl, '--port', '0', '--timeout', '1', '--repository', REPO],
        { env: { BOX_CLIENT_ID: other.box.client.id, BOX_CLIENT_SECRET: other.box.client.secret, GH_TOKEN: WRITE_TOKEN } }
      )

      expect(result.visits[0]).toMatchObject({ authorizeStatus: 400 })
      expect(result.visits[0]!.page).toContain('Error: redirect_uri_mismatch')
      expect(result.code).toBe(1)
      const redirectUri = new URL(result.opened[0]!).searchParams.get('redirect_uri')!
      expect(result.stdout).toContain(`Listening on ${redirectUri} for Box's answer. The Box app must list this redirect URI`)
      expect(result.stdout).toContain('or Box shows "redirect_uri_mismatch"')
      expect(result.stderr).toContain(`If Box showed "redirect_uri_mismatch", the Box app does not list this redirect URI.`)
      expect(result.stderr).toContain(`add ${redirectUri} exactly`)
      expect(other.box.issued).toHaveLength(0)
      expect(other.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
    } finally {
      await other.close()
    }
  })

  test('a GitHub token that cannot write secrets before anyone is sent to Box', async () => {
    sim.github.addToken('ghs_workflow_token', 'integration')
    const result = await runLogin(baseArgs(['--repository', REPO]), { env: credentialsEnv({ GH_TOKEN: 'ghs_workflow_token' }) })

    expect(result.code).toBe(1)
    expect(result.stderr).toContain('403 Resource not accessible by integration')
    expect(result.stderr).toContain('The GitHub token came from GH_TOKEN.')
    expect(result.stderr).toContain('Nothing was changed, and Box was not contacted.')
    expect(result.opened).toEqual([])
    expect(result.requests.filter((line) => line.startsWith('box '))).toEqual([])
    expectNothingSecretPrinted(result, ['ghs_workflow_token'])
  })

  test('GitHub failures are told in the command\'s own terms, never the action\'s inputs or the runner', async () => {
    const bad = await runLogin(baseArgs(['--repository', REPO]), { env: credentialsEnv({ GH_TOKEN: 'github_pat_revoked_0123456789' }) })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('GitHub rejected the GitHub token while reading')
    expect(bad.stderr).toContain('pass it with --github-token or GH_TOKEN')
    const missing = await runLogin(baseArgs(['--repository', 'octo-org/missing']))
    expect(missing.stderr).toContain('Check the names in --repository, --environment and --organization')
    for (const text of [bad.stderr, missing.stderr]) expect(text).not.toMatch(/`github-token`|retry-timeout-seconds|`repository`|runner/)
  })

  test('a wrong client secret at the exchange, saying which credential to fix', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]), { env: credentialsEnv({ BOX_CLIENT_SECRET: 'WrongSecret0123456789' }) })

    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Box refused the token request: invalid_client (The client credentials are invalid).')
    expect(result.stderr).toContain('The client secret (or ID) is wrong')
    expect(result.visits[0]!.page).toContain('Login failed')
    expect(sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
    expectNothingSecretPrinted(result, ['WrongSecret0123456789'])
  })

  test('a port in use, before anyone is sent to Box', async () => {
    const blocker = http.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const result = await runLogin([...baseArgs(['--repository', REPO]), '--port', String(port)])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`)
      expect(result.opened).toEqual([])
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})

// ---- after Box: the write fails ----------------------------------------------------------------

test('a write that fails after the exchange prints the sealed recovery payload, which stores the token', async () => {
  sim.github.injectFault({ method: 'PUT', pathIncludes: '/actions/secrets/', fault: { kind: 'status', status: 422, message: 'Simulated refusal' } })
  const result = await runLogin(baseArgs(['--repository', REPO]))

  expect(result.code).toBe(1)
  expect(result.stdout).not.toContain('Token stored')
  expect(result.stderr).toContain('GitHub rejected writing the repository secret BOX_REFRESH_TOKEN of octo-org/api-tests (422 Simulated refusal).')
  expect(result.stderr).toContain('store it by hand, soon')
  expect(result.visits[0]!.page).toContain('Not stored')
  expectNothingSecretPrinted(result)

  // What a person does with it: the printed command's JSON, PUT as it is.
  const command = /echo '(\{.*\})' \| gh api --method PUT (?:--hostname \S+ )?(\S+) --input -/.exec(result.stderr)
  expect(command).not.toBeNull()
  const [, body, path] = command!
  const put = await fetch(`${sim.githubApiUrl}${path}`, { method: 'PUT', headers: { authorization: `token ${WRITE_TOKEN}` }, body })
  expect(put.status).toBe(201)
  expect(sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(sim.box.issued[0]!.refreshToken)
  expect(sim.box.isRefreshTokenValid(sim.box.issued[0]!.refreshToken)).toBe(true)
})

test('the sealed copy is printed before the first write, and the printed command alone stores the token', async () => {
  sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 502 } })
  const result = await runLogin(baseArgs(['--repository', REPO]))
  expect(result.code).toBe(1)
  const sealedCopy = result.stdout.indexOf('This is a sealed copy of the new one, logged before any write is tried')
  expect(sealedCopy).toBeGreaterThan(0)
  expect(result.stdout.indexOf('Box issued a token pair.')).toBeLessThan(sealedCopy)
  const commands = printedRecoveryCommands(result.stdout)
  expect(commands).toHaveLength(1)
  sim.github.clearFaults()
  await pasteAll(commands, sim, WRITE_TOKEN)
  expect(sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(sim.box.issued[0]!.refreshToken)
})

describe('login trusts nothing a server sends', () => {
  test('a redirect from the token endpoint is not followed: the code and the client secret go nowhere else', async () => {
    const hits: string[] = []
    const trap = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`)
      res.end()
    })
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve))
    const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`
    try {
      sim.box.injectFault({ kind: 'reply', reply: () => ({ status: 307, headers: { location: `${trapUrl}/oauth2/token` } }) })
      const result = await runLogin(baseArgs(['--repository', REPO]))
      expect(result.code).toBe(1)
      expect(hits).toEqual([])
      expect(result.stderr).toContain(`answered 307 and redirected to ${trapUrl}`)
      expect(sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
      expectNothingSecretPrinted(result)
    } finally {
      await new Promise((resolve) => trap.close(resolve))
    }
  })

  test('an error page that echoes the request hides the client secret in every encoding, and the code', async () => {
    // A secret with characters that percent-encoding changes, so each form differs from the others.
    const clientSecret = 'cs/with+special=chars&more0123'
    sim.box.registerClient(sim.box.client.id, clientSecret)
    sim.box.injectFault({
      kind: 'reply',
      reply: ({ body }) => ({ status: 400, body: { error: 'invalid_request', error_description: `got ${body} / ${decodeURIComponent(body)} / ${JSON.stringify(Object.fromEntries(new URLSearchParams(body)))}` } })
    })
    const result = await runLogin(baseArgs(['--repository', REPO]), { env: credentialsEnv({ BOX_CLIENT_SECRET: clientSecret }) })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/invalid_request \(got /)
    const code = result.visits[0]!.callbackUrl!.searchParams.get('code')!
    for (const form of [clientSecret, encodeURIComponent(clientSecret), new URLSearchParams({ v: clientSecret }).toString().slice(2), code]) {
      expect(result.stdout + result.stderr).not.toContain(form)
    }
  })

  test("Box's error in the browser redirect is cleaned before it is shown", async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]), {
      browser: async (url) => {
        const box = await authorize(url)
        const callback = new URL(box.location!)
        callback.searchParams.delete('code')
        callback.searchParams.set('error', 'server_error')
        callback.searchParams.set('error_description', `broken\n::warning::OWNED ${WRITE_TOKEN}`)
        const answer = await visit(callback)
        return { authorizeStatus: box.status, callbackUrl: callback, callbackStatus: answer.status, page: answer.page }
      }
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Box answered the authorization with an error: server_error \(broken : :warning: :OWNED \*\*\*\)/)
  })
})

// ---- credentials and options -----------------------------------------------------------------------

describe('login credentials', () => {
  test('asks for a missing client ID, and for the client secret without echo', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]), {
      env: { GH_TOKEN: WRITE_TOKEN },
      answers: [sim.box.client.id, sim.box.client.secret]
    })

    expect(result.prompts).toEqual([
      { question: 'Box client ID: ', hidden: false },
      { question: 'Box client secret (not shown): ', hidden: true }
    ])
    expect(result.code).toBe(0)
    expectNothingSecretPrinted(result)
  })

  test('flags win over the environment', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO, '--client-id', sim.box.client.id, '--client-secret', sim.box.client.secret, '--github-token', WRITE_TOKEN]), {
      env: { BOX_CLIENT_ID: 'other', BOX_CLIENT_SECRET: 'other-secret', GH_TOKEN: 'other-token' }
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('(GitHub token from --github-token)')
    expect(result.prompts).toEqual([])
  })

  test('without a terminal to ask on, says where the credentials can come from', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]), { env: { GH_TOKEN: WRITE_TOKEN } })

    expect(result.code).toBe(2)
    expect(result.stderr).toContain('No Box client ID: pass --client-id or set BOX_CLIENT_ID')
    expect(result.stderr).toContain('No Box client secret: set BOX_CLIENT_SECRET, or run the command in a terminal to be asked')
    expect(result.requests).toEqual([])
  })

  test('takes the GitHub token from `gh auth token` when none is given', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]), { env: credentialsEnv({ GH_TOKEN: '' }), ghToken: WRITE_TOKEN })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('(GitHub token from `gh auth token`)')
  })

  test('GH_TOKEN, then GITHUB_TOKEN', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]), { env: { ...credentialsEnv({ GH_TOKEN: '' }), GITHUB_TOKEN: WRITE_TOKEN } })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('(GitHub token from GITHUB_TOKEN)')
  })

  test('no GitHub token anywhere', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO]), { env: credentialsEnv({ GH_TOKEN: '' }) })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('No GitHub token: pass --github-token, set GH_TOKEN or GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`).')
  })
})

describe('login options', () => {
  test('--help explains the setup and every flag', async () => {
    const result = await runLogin(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(helpText() + '\n')
    for (const flag of ['--repository', '--environment', '--organization', '--secret-name', '--dependabot', '--client-id', '--client-secret', '--github-token', '--github-api-url', '--port', '--timeout', '--box-authorize-url', '--box-api-url', '--no-browser']) {
      expect(result.stdout).toContain(flag)
    }
    expect(result.stdout).toContain('add exactly  http://127.0.0.1:8976/callback')
    expect(result.requests).toEqual([])
  })

  test('reports every invalid option at once, before any request', async () => {
    const result = await runLogin(['--repository', 'not-a-repo', '--box-api-url', 'http://api.box.example', '--box-authorize-url', 'https://account.box.com/authorize?x=1', '--timeout', '0', '--secret-name', 'GITHUB_X'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('5 options are not valid:')
    expect(result.stderr).toContain('`--repository` "not-a-repo" is not `owner/name`')
    expect(result.stderr).toContain('`--box-api-url` "http://api.box.example" must use https (http is allowed only on a loopback address')
    expect(result.stderr).toContain('`--box-authorize-url` "https://account.box.com/authorize?x=1" must be a plain base URL')
    expect(result.stderr).toContain('`--timeout` must be a whole number from 1 to 3600 (seconds), not "0".')
    expect(result.stderr).toContain('`--secret-name` "GITHUB_X" starts with GITHUB_')
    expect(result.requests).toEqual([])
  })

  test.each([
    [['--environment', 'prod', '--organization', 'octo'], '`--environment` needs `--repository`'],
    [['--repository', REPO, '--organization', 'octo'], '`--organization` cannot be combined with `--repository`'],
    [[], '`--repository` is missing'],
    [['--repository', REPO, '--environment', 'prod', '--dependabot'], '`--dependabot` cannot be combined with `--environment`'],
    [['--organization', 'octo', '--organization-visibility', 'selected'], '`--organization-visibility` cannot be `selected` for a new secret'],
    [['--repository', REPO, '--repo', 'x'], '`--repo` is not an option of this command; did you mean `--repository (-R)`?'],
    [['--repository', REPO, '--org', 'x'], 'did you mean `--organization`?'],
    [['--repository', REPO, '--timout', '9'], 'did you mean `--timeout`?'],
    [['--repository', REPO, '--no-browsr'], 'did you mean `--no-browser`?'],
    [['--repository', REPO, '--timeout', '-5'], '`--timeout` must be a whole number from 1 to 3600 (seconds), not "-5".'],
    [['--repository', REPO, '--timeout'], '`--timeout` needs a value, e.g. `--timeout 300`.'],
    [['--repository', REPO, '--port', 'abc'], '`--port` must be a whole number from 0 to 65535, not "abc".'],
    [['--repository', REPO, '--no-browser=yes'], '`--no-browser` takes no value'],
    [['--repository', REPO, 'octo-org/other'], '`octo-org/other` is not an option: options start with --'],
    [['--repository', REPO, '--frobnicate'], '`--frobnicate` is not an option of this command (see --help).']
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
        selection: { secretName: 'BOX_REFRESH_TOKEN', repository: { owner: 'octo-org', repo: 'api-tests' }, environment: undefined, organization: undefined, dependabot: false },
        organizationVisibility: 'private',
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

  test('--no-browser only prints the URL', async () => {
    const result = await runLogin(baseArgs(['--repository', REPO, '--no-browser', '--timeout', '1']))
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
    expect(authorizeUrl('https://account.box.com/api/oauth2/authorize', { clientId: 'id1', redirectUri: 'http://127.0.0.1:8976/callback', state: 's-1' })).toBe(
      'https://account.box.com/api/oauth2/authorize?response_type=code&client_id=id1&redirect_uri=http%3A%2F%2F127.0.0.1%3A8976%2Fcallback&state=s-1'
    )
  })

  test('an expired or used code is explained, including a first attempt that may have used it', () => {
    const error = new BoxError('invalid_grant', 'Box refused the token request: invalid_grant (The authorization code has expired).', { oauthError: 'invalid_grant' })
    expect(explainExchangeFailure(error, REDIRECT_URI)).toContain('An authorization code works once, and only for 30 seconds after access is granted.')
    error.earlierAmbiguousAttempt = 'Box did not answer within 10 s.'
    expect(explainExchangeFailure(error, REDIRECT_URI)).toContain('An earlier attempt (Box did not answer within 10 s.) probably reached Box')
    const mismatch = new BoxError('oauth', 'Box refused the token request: redirect_uri_mismatch.', { oauthError: 'redirect_uri_mismatch' })
    expect(explainExchangeFailure(mismatch, REDIRECT_URI)).toContain(`redirect URI ${REDIRECT_URI} is not one the Box app lists`)
  })
})

test('every mistake on the command line is reported at once, without the argument parser\'s own wording', () => {
  const error = (() => {
    try {
      parseLoginArgs(['--repo', 'octo-org/api-tests', '--timeout', '-5', '--port', 'stray', 'word', '--retry-timeout'], {})
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
