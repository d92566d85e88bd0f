/**
 * Fake Box and fake GitHub on 127.0.0.1, for unit tests, end-to-end tests and `npm run demo`.
 *
 *   const sim = await startSimulator()
 *   const refreshToken = sim.box.issueRefreshToken()
 *   sim.github.addRepository('octo-org/api-tests'); sim.github.addToken('ghp_x', 'write')
 *   … point the code under test at sim.boxUrl and sim.githubApiUrl …
 *   await sim.close()
 */
import sodium from 'libsodium-wrappers'
import { FakeBox } from './box.js'
import { FakeGitHub } from './github.js'
import { startServiceServer } from './http.js'
import type { LoggedRequest } from './log.js'

export * from './box.js'
export * from './box-answers.js'
export type { BoxDeletion } from './box-api.js'
export type { BoxAnswer, BoxEndpoint, BoxFault, BoxFaultScope } from './box-faults.js'
export type { OAuth2Error } from './box-errors.js'
export type { BoxAppSettings, BoxEnterprise, BoxSubject } from './box-directory.js'
export * from './box-scopes.js'
export type { BoxGrant, BoxIssuedToken, BoxResource, BoxRevocation } from './box-tokens.js'
export * from './jwt-app.js'
export { JWT_AUDIENCE } from './jwt.js'
export * from './github.js'
export * from './log.js'
export { isoSeconds } from './http.js'
export { randomAlnum } from './random.js'

export interface SimulatorOptions {
  /**
   * Added before every response, drop and reset (benchmarks); default 0. The request has already
   * been acted on when the delay starts, like an answer slowed down on its way back.
   */
  delayMs?: number
  /** e.g. '/api/v3' as on GitHub Enterprise Server; default ''. */
  githubPathPrefix?: string
  /**
   * Default 0. > 0: re-presenting a just-consumed refresh token within this window returns the
   * same answer again (Box anecdotes); 0: invalid_grant.
   */
  boxReuseGraceMs?: number
  /** `expires_in` in Box answers; default 3600. */
  boxExpiresIn?: number
}

export interface Simulator {
  /** 'http://127.0.0.1:PORT'; the token endpoint is boxUrl + '/oauth2/token'. */
  boxUrl: string
  /** boxUrl + '/api/oauth2/authorize', the stand-in for https://account.box.com/api/oauth2/authorize. */
  boxAuthorizeUrl: string
  /** 'http://127.0.0.1:PORT' + githubPathPrefix. */
  githubApiUrl: string
  box: FakeBox
  github: FakeGitHub
  /** Every request to either server, in arrival order. */
  requests: LoggedRequest[]
  /** The first request (already logged or still to come) that `matches`; rejects after `timeoutMs`. */
  waitForRequest(matches: (request: LoggedRequest) => boolean, timeoutMs?: number): Promise<LoggedRequest>
  /** Closes both servers, ending hung requests and idle sockets too. */
  close(): Promise<void>
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  await sodium.ready // FakeGitHub makes key pairs synchronously
  const delayMs = options.delayMs ?? 0
  const prefix = normalizePrefix(options.githubPathPrefix ?? '')
  const requests: LoggedRequest[] = []

  const box = new FakeBox({ reuseGraceMs: options.boxReuseGraceMs, expiresIn: options.boxExpiresIn })
  const github = new FakeGitHub()
  const boxServer = await startServiceServer({
    service: 'box',
    log: requests,
    delayMs,
    headers: () => box.answerHeaders(),
    handle: (e) => box.handle(e)
  })
  const githubServer = await startServiceServer({
    service: 'github',
    log: requests,
    delayMs,
    pathPrefix: prefix,
    handle: (e) => github.handle(e)
  })
  github.apiUrl = githubServer.origin + prefix
  box.apiOrigin = boxServer.origin

  return {
    boxUrl: boxServer.origin,
    boxAuthorizeUrl: `${boxServer.origin}/api/oauth2/authorize`,
    githubApiUrl: github.apiUrl,
    box,
    github,
    requests,
    waitForRequest: (matches, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now()
        const look = (): void => {
          const found = requests.find(matches)
          if (found) return resolve(found)
          if (Date.now() - started > timeoutMs)
            return reject(new Error(`waitForRequest: no matching request within ${timeoutMs} ms`))
          setTimeout(look, 2)
        }
        look()
      }),
    close: async () => {
      await Promise.all([boxServer.close(), githubServer.close()])
    }
  }
}

/** '' or '/x/y' without a trailing slash, whatever form the caller used. */
function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '' : `/${trimmed}`
}
