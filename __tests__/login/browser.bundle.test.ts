/**
 * The login command with a real browser: `node dist/login/index.js` (on the end-to-end Node.js)
 * against the simulator, and Debian's Chromium (support/chromium.ts) doing what a person does:
 * open the authorize URL the command printed, click a button on Box's consent page (the
 * simulator's minimal one), be sent back to the loopback callback, and read the page they are
 * left on. Each test saves that page as a screenshot in test-artifacts/login-browser/.
 *
 * No credential may reach what the browser keeps: the page's text and title, the URLs the tab
 * committed to (its address bar) and its session history. The authorization code passes through
 * the browser in Box's redirect, so Chromium's History database keeps that one URL (it records
 * redirects); the test checks that the code there is spent, and that nothing else is in it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { launchChromium, type Browser } from '../support/chromium.js'
import { spawnLogin, type LoginWorld } from '../support/login-bundle.js'

const REPO = 'octo-org/api-tests'
const WRITE_TOKEN = 'github_pat_browser_login_0123456789'
const SECRET_SCOPE = { kind: 'repository', repo: REPO } as const

let sim: Simulator
let home: string
let browser: Browser | undefined
const world = (): LoginWorld => ({ sim, repo: REPO, writeToken: WRITE_TOKEN, home })

beforeEach(async () => {
  sim = await startSimulator()
  sim.github.addRepository(REPO)
  sim.github.addToken(WRITE_TOKEN, 'write')
  sim.box.registerRedirectUri('http://127.0.0.1:8976/callback')
  sim.box.consentPage = true
  home = await mkdtemp(join(tmpdir(), 'box-token-login-browser-'))
  browser = await launchChromium()
}, 30_000)

afterEach(async () => {
  await browser?.close().catch(() => undefined)
  browser = undefined
  await sim.close()
  await rm(home, { recursive: true, force: true })
})

/** Resolves once `done()` holds; the test's timeout stops a wait that never ends. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** What the person sees once the command is done with the tab. */
async function leftOn(b: Browser, name: string): Promise<{ title: string; text: string; url: string }> {
  await b.page.waitForLoadState('load')
  await b.screenshot(name)
  return { title: await b.page.title(), text: await b.page.locator('body').innerText(), url: b.page.url() }
}

/** Every credential of the run, named: the client secret, the GitHub token, and what Box issued. */
function credentials(): Array<[string, string]> {
  return [
    ['client secret', sim.box.client.secret],
    ['GitHub token', WRITE_TOKEN],
    ...sim.box.issued.flatMap((pair, i): Array<[string, string]> => [
      [`refresh token ${i}`, pair.refreshToken],
      [`access token ${i}`, pair.accessToken]
    ]),
    ...sim.box.issuedCodes.map((code, i): [string, string] => [`authorization code ${i}`, code])
  ]
}

/** Where each credential shows up in what the browser kept ([] = nowhere). */
async function leaks(b: Browser, seen: { title: string; text: string }): Promise<string[]> {
  const places: Array<[string, string]> = [
    ['page text', seen.text],
    ['page title', seen.title],
    ...b.committed.map((url, i): [string, string] => [`address bar #${i}`, url]),
    ...(await b.sessionHistory()).flatMap(({ url, title }, i): Array<[string, string]> => [
      [`session history #${i}`, url],
      [`session history title #${i}`, title]
    ])
  ]
  return credentials().flatMap(([name, value]) =>
    places.filter(([, text]) => text.includes(value)).map(([where]) => `${name} in ${where}`)
  )
}

/** Chromium's History database after it closed: no credential but spent authorization codes. */
async function historyLeaks(b: Browser): Promise<string[]> {
  const urls = await b.close()
  browser = undefined
  expect(urls.length).toBeGreaterThan(0) // it was written at all
  const found: string[] = []
  for (const [name, value] of credentials()) {
    if (!urls.some((url) => url.includes(value))) continue
    if (name.startsWith('authorization code') && (await codeIsSpent(value))) continue
    found.push(`${name} in Chromium's History database`)
  }
  return found
}

/** Box refuses the code now: it was exchanged once and cannot be used again. */
async function codeIsSpent(code: string): Promise<boolean> {
  const response = await fetch(`${sim.boxUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: sim.box.client.id,
      client_secret: sim.box.client.secret
    })
  })
  return response.status === 400 && ((await response.json()) as { error?: string }).error === 'invalid_grant'
}

test('Grant access: the command stores the token, and the tab says so without showing any token', async () => {
  const b = browser!
  const login = spawnLogin(world())
  await b.page.goto(await login.url)
  expect(await b.page.title()).toBe('Box | Grant access')
  await b.page.getByRole('button', { name: 'Grant access to Box' }).click()
  const { code } = await login.exited
  const seen = await leftOn(b, 'grant')

  expect({ code, stderr: login.output().stderr }).toEqual({ code: 0, stderr: '' })
  const [pair] = sim.box.issued
  expect(sim.github.getSecret(SECRET_SCOPE, 'BOX_REFRESH_TOKEN')?.plaintext).toBe(pair!.refreshToken)
  expect(sim.box.isRefreshTokenValid(pair!.refreshToken)).toBe(true)

  expect(seen.title).toBe('Box Token Refresh: Done')
  expect(seen.text).toContain(
    'The Box refresh token is stored in the repository secret BOX_REFRESH_TOKEN of octo-org/api-tests. You can close this tab.'
  )
  // The address bar holds no code: the callback sent the tab on to a URL with nothing in it.
  expect(new URL(seen.url).pathname).toBe('/callback/result')
  expect(new URL(seen.url).search).toBe('')
  expect(await leaks(b, seen)).toEqual([])
  expect(await historyLeaks(b)).toEqual([])
})

test('Deny access: nothing is stored, Box is never asked for a token, and the tab says why', async () => {
  const b = browser!
  const login = spawnLogin(world())
  await b.page.goto(await login.url)
  await b.page.getByRole('button', { name: 'Deny access' }).click()
  const { code } = await login.exited
  const seen = await leftOn(b, 'deny')

  expect(code).toBe(1)
  expect(login.output().stderr).toContain('Access was not granted at Box: access_denied')
  expect(sim.github.getSecret(SECRET_SCOPE, 'BOX_REFRESH_TOKEN')).toBeUndefined()
  expect(sim.requests.some((r) => r.path === '/oauth2/token')).toBe(false)
  expect(seen.title).toBe('Box Token Refresh: Access not granted')
  expect(seen.text).toContain('Box did not grant access, so nothing was stored. You can close this tab.')
  expect(await leaks(b, seen)).toEqual([])
  expect(await historyLeaks(b)).toEqual([])
})

test("a state that is not this login's: refused in the tab, the command waits on, and the real answer still works", async () => {
  const b = browser!
  const login = spawnLogin(world())
  const url = new URL(await login.url)
  // An old tab of an earlier login, or a link someone else made: the same app, another state.
  const forged = new URL(url)
  forged.searchParams.set('state', 'not-the-state-of-this-login')
  await b.page.goto(forged.href)
  await b.page.getByRole('button', { name: 'Grant access to Box' }).click()
  const refused = await leftOn(b, 'state-mismatch')

  expect(refused.title).toBe('Box Token Refresh: Refused')
  expect(refused.text).toContain('This answer does not belong to the login running in your terminal')
  expect(sim.requests.some((r) => r.path === '/oauth2/token')).toBe(false)
  await until(() => login.output().stderr.includes('its state does not match this login'))
  expect(login.child.exitCode).toBeNull() // still waiting

  await b.page.goto(url.href)
  await b.page.getByRole('button', { name: 'Grant access to Box' }).click()
  const { code } = await login.exited
  const seen = await leftOn(b, 'state-mismatch-then-grant')
  expect(code).toBe(0)
  expect(seen.title).toBe('Box Token Refresh: Done')
  expect(sim.github.getSecret(SECRET_SCOPE, 'BOX_REFRESH_TOKEN')?.plaintext).toBe(sim.box.issued[0]!.refreshToken)
  // The forged answer's code was never exchanged: exactly one code reached Box's token endpoint.
  expect(sim.requests.filter((r) => r.path === '/oauth2/token')).toHaveLength(1)
})
