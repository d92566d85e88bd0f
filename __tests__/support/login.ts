/**
 * The login command in process against the simulator, with its collaborators injected: the
 * "browser" is the test (it opens Box's authorize URL and follows the redirect by hand), the
 * prompt and `gh auth token` are stubs, and retries jump the clock instead of sleeping.
 *
 * `loginTests()` sets up a fresh simulator for each test of the file that calls it.
 */
import { login, type LoginDeps } from '../../src/login/main.js'
import type { Timing } from '../../src/retry.js'
import { describeRequests, startSimulator, type ScopeRef, type Simulator } from '../simulator/index.js'
import { playBrowser, type BrowserVisit } from './browser.js'

export const REPO = 'octo-org/api-tests'
export const SECRET = 'BOX_REFRESH_TOKEN'
export const WRITE_TOKEN = 'github_pat_login_write_0123456789'
export const REDIRECT_URI = 'http://127.0.0.1:8976/callback'
export const repositoryScope: ScopeRef = { kind: 'repository', repo: REPO }

export interface LoginRun {
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

export interface RunOptions {
  env?: Record<string, string>
  /** What the browser does with the authorize URL; default: the whole round trip. */
  browser?: (url: string) => Promise<BrowserVisit>
  answers?: Array<string | undefined>
  ghToken?: string
}

export interface LoginTests {
  /** The current test's simulator. */
  readonly sim: Simulator
  baseArgs(extra?: string[]): string[]
  credentialsEnv(extra?: Record<string, string>): Record<string, string>
  runLogin(argv: string[], options?: RunOptions): Promise<LoginRun>
  /** Every credential the run could have seen: none may appear in anything it printed. */
  expectNothingSecretPrinted(result: LoginRun, extra?: string[]): void
  tokenRequests(result: LoginRun): string[]
}

export function loginTests(): LoginTests {
  let sim: Simulator
  beforeEach(async () => {
    sim = await startSimulator()
    sim.github.addRepository(REPO)
    sim.github.addToken(WRITE_TOKEN, 'write')
    // The redirect URI the README tells people to list; the tests listen on a free port, which Box
    // accepts for loopback redirect URIs (as RFC 8252 section 7.3 asks of authorization servers).
    sim.box.registerRedirectUri(REDIRECT_URI)
  })
  afterEach(async () => {
    await sim.close()
  })

  const baseArgs = (extra: string[] = []): string[] => [
    '--box-api-url',
    sim.boxUrl,
    '--box-authorize-url',
    sim.boxAuthorizeUrl,
    '--github-api-url',
    sim.githubApiUrl,
    '--port',
    '0',
    ...extra
  ]
  const credentialsEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
    BOX_CLIENT_ID: sim.box.client.id,
    BOX_CLIENT_SECRET: sim.box.client.secret,
    GH_TOKEN: WRITE_TOKEN,
    ...extra
  })

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

  return {
    get sim() {
      return sim
    },
    baseArgs,
    credentialsEnv,
    runLogin,
    expectNothingSecretPrinted(result, extra = []) {
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
    },
    tokenRequests: (result) => result.requests.filter((line) => line.startsWith('box POST /oauth2/token'))
  }
}
