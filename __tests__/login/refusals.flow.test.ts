/**
 * What the login command refuses, and how it says so: forged or missing callbacks, denied consent,
 * an unlisted redirect URI, a GitHub token that cannot write, a wrong client secret, a busy port,
 * and servers that redirect or echo what they were sent.
 */
import http from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { authorize, visit, type BrowserVisit } from '../support/browser.js'
import { startSimulator } from '../simulator/index.js'
import { loginTests, REDIRECT_URI, REPO, repositoryScope, SECRET, WRITE_TOKEN } from '../support/login.js'

const t = loginTests()

describe('login refuses', () => {
  test('a callback with the wrong state, exchanging nothing, and still takes the real answer', async () => {
    const forgedCode = t.sim.box.issueAuthorizationCode(t.sim.box.client.id, REDIRECT_URI)
    let forgedAnswer: { status: number; page: string } | undefined
    let tokenRequestsBeforeRealAnswer = -1
    const browser = async (url: string): Promise<BrowserVisit> => {
      const box = await authorize(url)
      const forged = new URL(box.location!)
      forged.searchParams.set('code', forgedCode)
      forged.searchParams.set('state', 'not-the-state-of-this-login')
      forgedAnswer = await visit(forged)
      tokenRequestsBeforeRealAnswer = t.sim.requests.filter((r) => r.path === '/oauth2/token').length
      const real = await visit(box.location!)
      return { authorizeStatus: box.status, callbackUrl: box.location, callbackStatus: real.status, page: real.page }
    }

    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), { browser })

    expect(forgedAnswer?.status).toBe(400)
    expect(forgedAnswer?.page).toContain('does not belong to the login running in your terminal')
    expect(tokenRequestsBeforeRealAnswer).toBe(0)
    expect(result.stderr).toContain('Refused a request to /callback: its state does not match this login')
    expect(result.code).toBe(0)
    expect(t.tokenRequests(result)).toEqual(['box POST /oauth2/token 200'])
    expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[0]!.refreshToken)
    // The forged code was never sent to Box: it can still be exchanged once.
    const stillUnused = await fetch(`${t.sim.boxUrl}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: forgedCode,
        client_id: t.sim.box.client.id,
        client_secret: t.sim.box.client.secret
      })
    })
    expect(stillUnused.status).toBe(200)
  })

  test('a request line that is no URL (`GET //`) with a 404, and still takes the real answer', async () => {
    let rawAnswer = ''
    const browser = async (url: string): Promise<BrowserVisit> => {
      const box = await authorize(url)
      const callback = new URL(box.location!)
      // fetch() cannot send it: a raw request line, as any local process could.
      rawAnswer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(callback.port), callback.hostname, () =>
          socket.end('GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
        )
        let text = ''
        socket.on('data', (chunk) => (text += String(chunk)))
        socket.on('end', () => resolve(text))
        socket.on('error', reject)
      })
      const real = await visit(box.location!)
      return { authorizeStatus: box.status, callbackUrl: box.location, callbackStatus: real.status, page: real.page }
    }

    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), { browser })

    expect(rawAnswer).toMatch(/^HTTP\/1\.1 404 /)
    expect(result.code).toBe(0)
    expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[0]!.refreshToken)
  })

  test('a callback without the state, and gives up at the timeout without exchanging or storing anything', async () => {
    const browser = async (url: string): Promise<BrowserVisit> => {
      const box = await authorize(url)
      const stripped = new URL(box.location!)
      stripped.searchParams.delete('state')
      const answer = await visit(stripped)
      return { authorizeStatus: box.status, callbackStatus: answer.status, page: answer.page }
    }

    const result = await t.runLogin(t.baseArgs(['--repository', REPO, '--timeout', '1']), { browser })

    expect(result.visits[0]?.callbackStatus).toBe(400)
    expect(result.stderr).toContain('Refused a request to /callback: it carries no state.')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /Box's answer did not reach http:\/\/127\.0\.0\.1:\d+\/callback within 1 s\. Nothing was stored\./
    )
    expect(t.tokenRequests(result)).toEqual([])
    expect(t.sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
  })

  test('denied consent, with a clear message in the terminal and the browser', async () => {
    t.sim.box.consent = 'deny'
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]))

    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'Access was not granted at Box: access_denied (The user denied access to their account.). Nothing was stored.'
    )
    expect(result.stderr).toContain('run the command again and click "Grant access to Box"')
    expect(result.visits[0]!.page).toContain('Access not granted')
    expect(t.tokenRequests(result)).toEqual([])
    expect(t.sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
    expect(result.stdout).not.toContain('Token stored')
  })

  test('nothing when Box shows redirect_uri_mismatch, and explains how to list the redirect URI', async () => {
    const other = await startSimulator()
    try {
      other.github.addRepository(REPO)
      other.github.addToken(WRITE_TOKEN, 'write')
      other.box.registerRedirectUri('http://127.0.0.1:8976/oauth/callback') // not the path the command uses
      const result = await t.runLogin(
        [
          '--box-api-url',
          other.boxUrl,
          '--box-authorize-url',
          other.boxAuthorizeUrl,
          '--github-api-url',
          other.githubApiUrl,
          '--port',
          '0',
          '--timeout',
          '1',
          '--repository',
          REPO
        ],
        {
          env: { BOX_CLIENT_ID: other.box.client.id, BOX_CLIENT_SECRET: other.box.client.secret, GH_TOKEN: WRITE_TOKEN }
        }
      )

      expect(result.visits[0]).toMatchObject({ authorizeStatus: 400 })
      expect(result.visits[0]!.page).toContain('Error: redirect_uri_mismatch')
      expect(result.code).toBe(1)
      const redirectUri = new URL(result.opened[0]!).searchParams.get('redirect_uri')!
      expect(result.stdout).toContain(
        `Listening on ${redirectUri} for Box's answer. The Box app must list this redirect URI`
      )
      expect(result.stdout).toContain('or Box shows "redirect_uri_mismatch"')
      expect(result.stderr).toContain(
        `If Box showed "redirect_uri_mismatch", the Box app does not list this redirect URI.`
      )
      expect(result.stderr).toContain(`add ${redirectUri} exactly`)
      expect(other.box.issued).toHaveLength(0)
      expect(other.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
    } finally {
      await other.close()
    }
  })

  test('a GitHub token that cannot write secrets before anyone is sent to Box', async () => {
    t.sim.github.addToken('ghs_workflow_token', 'integration')
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), {
      env: t.credentialsEnv({ GH_TOKEN: 'ghs_workflow_token' })
    })

    expect(result.code).toBe(1)
    expect(result.stderr).toContain('403 Resource not accessible by integration')
    expect(result.stderr).toContain('The GitHub token came from GH_TOKEN.')
    expect(result.stderr).toContain('Nothing was changed, and Box was not contacted.')
    expect(result.opened).toEqual([])
    expect(result.requests.filter((line) => line.startsWith('box '))).toEqual([])
    t.expectNothingSecretPrinted(result, ['ghs_workflow_token'])
  })

  test("GitHub failures are told in the command's own terms, never the action's inputs or the runner", async () => {
    const bad = await t.runLogin(t.baseArgs(['--repository', REPO]), {
      env: t.credentialsEnv({ GH_TOKEN: 'github_pat_revoked_0123456789' })
    })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('GitHub rejected the GitHub token while reading')
    expect(bad.stderr).toContain('pass it with --github-token or GH_TOKEN')
    const missing = await t.runLogin(t.baseArgs(['--repository', 'octo-org/missing']))
    expect(missing.stderr).toContain('Check the names in --repository, --environment and --organization')
    for (const text of [bad.stderr, missing.stderr])
      expect(text).not.toMatch(/`github-token`|retry-timeout-seconds|`repository`|runner/)
  })

  test('a wrong client secret at the exchange, saying which credential to fix', async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), {
      env: t.credentialsEnv({ BOX_CLIENT_SECRET: 'WrongSecret0123456789' })
    })

    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'Box refused the token request: invalid_client (The client credentials are invalid).'
    )
    expect(result.stderr).toContain('The client secret (or ID) is wrong')
    expect(result.visits[0]!.page).toContain('Login failed')
    expect(t.sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
    t.expectNothingSecretPrinted(result, ['WrongSecret0123456789'])
  })

  test('a port in use, before anyone is sent to Box', async () => {
    const blocker = http.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const result = await t.runLogin([...t.baseArgs(['--repository', REPO]), '--port', String(port)])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`)
      expect(result.opened).toEqual([])
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
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
      t.sim.box.injectFault({
        kind: 'reply',
        reply: () => ({ status: 307, headers: { location: `${trapUrl}/oauth2/token` } })
      })
      const result = await t.runLogin(t.baseArgs(['--repository', REPO]))
      expect(result.code).toBe(1)
      expect(hits).toEqual([])
      expect(result.stderr).toContain(`answered 307 and redirected to ${trapUrl}`)
      expect(t.sim.github.getSecret(repositoryScope, SECRET)).toBeUndefined()
      t.expectNothingSecretPrinted(result)
    } finally {
      await new Promise((resolve) => trap.close(resolve))
    }
  })

  test('an error page that echoes the request hides the client secret in every encoding, and the code', async () => {
    // A secret with characters that percent-encoding changes, so each form differs from the others.
    const clientSecret = 'cs/with+special=chars&more0123'
    t.sim.box.registerClient(t.sim.box.client.id, clientSecret)
    t.sim.box.injectFault({
      kind: 'reply',
      reply: ({ body }) => ({
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: `got ${body} / ${decodeURIComponent(body)} / ${JSON.stringify(Object.fromEntries(new URLSearchParams(body)))}`
        }
      })
    })
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), {
      env: t.credentialsEnv({ BOX_CLIENT_SECRET: clientSecret })
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/invalid_request \(got /)
    const code = result.visits[0]!.callbackUrl!.searchParams.get('code')!
    for (const form of [
      clientSecret,
      encodeURIComponent(clientSecret),
      new URLSearchParams({ v: clientSecret }).toString().slice(2),
      code
    ]) {
      expect(result.stdout + result.stderr).not.toContain(form)
    }
  })

  test("Box's error in the browser redirect is cleaned before it is shown", async () => {
    const result = await t.runLogin(t.baseArgs(['--repository', REPO]), {
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
    expect(result.stderr).toMatch(
      /Box answered the authorization with an error: server_error \(broken : :warning: :OWNED \*\*\*\)/
    )
  })
})
