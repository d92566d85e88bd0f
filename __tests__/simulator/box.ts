/**
 * A fake Box: the OAuth 2.0 authorize endpoint (consent is given, or refused, without a page, or
 * on a minimal consent page that a real browser clicks through: `consentPage`), the token endpoint
 * (refresh, authorization-code, client-credentials, JWT and token-exchange grants) and a slice of
 * the content API (box-api.ts), with the lifetimes and error answers of Box's documentation
 * (developer.box.com, "Refresh a token", "Authorization URL", "Client Credentials Grant", "JWT
 * without SDKs", "Downscope a token"; the OAuth2Error schema of box/box-openapi). Who Box knows is
 * in box-directory.ts, every token it issued in box-tokens.ts, the server-side grants in
 * box-server-grants.ts.
 */
import type { KeyObject } from 'node:crypto'
import { OAUTH_USER_ID, serveContentApi, type BoxDeletion } from './box-api.js'
import { pairAnswer, type BoxTokenAnswer, type GrantOutcome } from './box-answers.js'
import { BoxDirectory, type BoxAppSettings, type BoxEnterprise } from './box-directory.js'
import {
  EXPIRED_CODE,
  EXPIRED_REFRESH_TOKEN,
  INVALID_CLIENT,
  INVALID_CODE,
  INVALID_REFRESH_TOKEN,
  INVALID_REQUEST,
  NOT_YOUR_TOKEN,
  REVOKE_PARAMETER_MISSING
} from './box-errors.js'
import {
  grantClientCredentials,
  grantJwtBearer,
  grantTokenExchange,
  requiredFields,
  type GrantContext
} from './box-server-grants.js'
import { answerWithFault, FaultQueue, type BoxFault, type BoxFaultScope, type Outcome } from './box-faults.js'
import { TokenLedger, type BoxGrant, type BoxIssuedToken, type BoxRevocation } from './box-tokens.js'
import type { Exchange } from './http.js'
import { generateAppKeyPair, jwtConfigText, type AppKeyPair, type BoxJwtConfig } from './jwt-app.js'
import { randomAlnum } from './random.js'

const DAY_MS = 24 * 60 * 60 * 1000
/** A refresh token lives 60 days or one use, whichever comes first. */
export const REFRESH_TOKEN_LIFETIME_MS = 60 * DAY_MS
/** Authorization codes live 30 seconds. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 30 * 1000

export interface BoxIssuedPair {
  accessToken: string
  refreshToken: string
  /** When Box issued the pair, on Box's clock (`now()`). */
  at: number
  grant: 'refresh_token' | 'authorization_code'
}

/** What the simulated user does on Box's consent page. */
export type Consent = 'grant' | 'deny'

export interface FakeBoxOptions {
  /** See SimulatorOptions.boxReuseGraceMs. */
  reuseGraceMs?: number
  /** See SimulatorOptions.boxExpiresIn. */
  expiresIn?: number
}

interface AuthorizationCodeState {
  clientId: string
  redirectUri: string
  issuedAt: number
  used: boolean
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'

/** A `grant_type` by its BoxGrant name; undefined for none Box knows. */
function grantOf(grantType: string | null | undefined): BoxGrant | undefined {
  if (grantType === JWT_BEARER) return 'jwt-bearer'
  if (grantType === TOKEN_EXCHANGE) return 'token-exchange'
  const plain: readonly string[] = ['refresh_token', 'authorization_code', 'client_credentials']
  return plain.includes(grantType ?? '') ? (grantType as BoxGrant) : undefined
}

/** An app using server authentication, as a test sees it. */
export interface BoxServerApp {
  clientId: string
  clientSecret: string
  /** The enterprise whose admin authorized it (unless `authorized: false`). */
  enterpriseId: string
  /** Its service account there: whom an enterprise token acts as. */
  serviceAccountId: string
}

/** A JWT app: what its Developer Console page shows, and the config file it downloads. */
export interface BoxJwtApp extends BoxServerApp {
  publicKeyId: string
  /** Encrypted PKCS#8 PEM, as in the config. */
  privateKey: string
  passphrase: string
  config: BoxJwtConfig
  /** The config file's text: what a user puts in the `jwt-config` secret. */
  configText: string
}

export interface ServerAppOptions {
  /** An enterprise made with `addEnterprise`; default a new one. */
  enterpriseId?: string
  /** Authorized by that enterprise's admin; default true. */
  authorized?: boolean
  /** "Generate User Access Tokens"; default false (App Access Only). */
  userAccessTokens?: boolean
  /** Its application scopes; default DEFAULT_APP_SCOPES. */
  scopes?: string[]
}

export interface JwtAppOptions extends ServerAppOptions {
  /** A key pair to use (made once, it saves a test the ~100 ms of generating one); default a new one. */
  keyPair?: AppKeyPair
}

export class FakeBox {
  /** A client registered at start: random 32-character id and secret. */
  readonly client: { id: string; secret: string }
  /** Every token answer Box produced (refresh and authorization code), including dropped ones. */
  readonly issued: BoxIssuedPair[] = []
  /** Every authorization code handed out, in order. */
  readonly issuedCodes: string[] = []
  /** Every JWT assertion that reached the token endpoint, faulted and refused ones included (for leak scans). */
  readonly receivedAssertions: string[] = []
  /** Every file or folder the content API deleted, with the token that did it. */
  readonly deletions: BoxDeletion[] = []
  /**
   * This server's origin (set by startSimulator): a token exchange's `resource` may name
   * `<apiOrigin>/2.0/folders/<id>` as well as `https://api.box.com/2.0/folders/<id>`.
   */
  apiOrigin = ''
  /** POST /oauth2/token requests by grant, faulted and refused ones included. */
  readonly grantRequests: Record<BoxGrant, number> = {
    refresh_token: 0,
    authorization_code: 0,
    client_credentials: 0,
    'jwt-bearer': 0,
    'token-exchange': 0
  }
  /** `expires_in` of the next answers; may be changed between requests. */
  expiresIn: number
  /** Reuse window of a consumed refresh token; may be changed between requests. */
  reuseGraceMs: number
  /** What the user clicks on the consent page of the next GET /api/oauth2/authorize requests. */
  consent: Consent = 'grant'
  /**
   * Show a consent page with "Grant access to Box" and "Deny access" buttons instead of answering at
   * once; the button the browser clicks posts the answer (`consent` is then not used).
   */
  consentPage = false
  /**
   * Box's clock minus this machine's, in ms: Box's clock reads Date.now() + clockOffsetMs. Every
   * time Box keeps (lifetimes, the JWT claims it checks) and the Date header of every answer
   * follow Box's clock, so a test can give the client a clock that is off, as box-node-sdk#96 met.
   */
  clockOffsetMs = 0

  /** Apps, enterprises, users and who authorized what. */
  private readonly directory = new BoxDirectory()
  /** Every token issued, and what became of it. */
  private readonly ledger = new TokenLedger(() => this.now(), REFRESH_TOKEN_LIFETIME_MS)
  /** Client id → the redirect URIs its app lists in the Developer Console. */
  private readonly redirectUris = new Map<string, string[]>()
  /** Box's replay cache of JWT ids. */
  private readonly usedJtis = new Set<string>()
  private readonly authorizationCodes = new Map<string, AuthorizationCodeState>()
  /** Consent pages shown and not answered yet: the page's request id → what the authorize URL asked. */
  private readonly pendingConsents = new Map<string, { clientId: string; redirectUri: string; state: string }>()
  /** Queued faults, each with how many more requests it answers (Infinity: every one from now on). */
  private readonly faults = new FaultQueue()

  constructor(options: FakeBoxOptions = {}) {
    this.expiresIn = options.expiresIn ?? 3600
    this.reuseGraceMs = options.reuseGraceMs ?? 0
    this.client = { id: randomAlnum(32), secret: randomAlnum(32) }
    this.registerClient(this.client.id, this.client.secret)
  }

  /** Box's clock, in epoch ms. */
  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  /** What every Box answer carries: a Date header from Box's clock (RFC 9110 §6.6.1). */
  answerHeaders(): Record<string, string> {
    return { date: new Date(this.now()).toUTCString() }
  }

  /** Every access token Box issued, by any grant, in order (`issued` lists the OAuth pairs alone). */
  get issuedTokens(): readonly BoxIssuedToken[] {
    return this.ledger.issued
  }

  /** What Box knows of an access token it issued: grant, client, subject, scopes, revocation. */
  token(accessToken: string): BoxIssuedToken | undefined {
    return this.ledger.token(accessToken)
  }

  /** Every accepted POST /oauth2/revoke, in order, with the tokens each one ended. */
  get revocations(): readonly BoxRevocation[] {
    return this.ledger.revocations
  }

  /** Whether a revocation ended this access or refresh token (valid or not otherwise). */
  isRevoked(token: string): boolean {
    return this.ledger.isRevoked(token)
  }

  /** Whether `child` was downscoped from `parent` (directly: `parent` was its subject_token). */
  isDownscopedFrom(child: string, parent: string): boolean {
    return this.ledger.token(child)?.parent === parent
  }

  registerClient(id: string, secret: string): void {
    this.directory.registerClient(id, secret)
  }

  /** Changes an app's Developer Console settings ("Generate User Access Tokens", its scopes). */
  configureApp(clientId: string, settings: Partial<BoxAppSettings>): void {
    this.directory.configureApp(clientId, settings)
  }

  /** An enterprise, with a service account and, optionally, users with the ids given. */
  addEnterprise(options: { id?: string; users?: string[] } = {}): BoxEnterprise {
    return this.directory.addEnterprise(options)
  }

  enterprise(id: string): BoxEnterprise {
    return this.directory.enterprise(id)
  }

  /** A user of the enterprise (managed or app user); returns its id. */
  addUser(enterpriseId: string, userId?: string): string {
    return this.directory.addUser(enterpriseId, userId)
  }

  /** The enterprise's admin authorizes the app (required for CCG and JWT). */
  authorizeApp(clientId: string, enterpriseId: string): void {
    this.directory.authorizeApp(clientId, enterpriseId)
  }

  deauthorizeApp(clientId: string, enterpriseId: string): void {
    this.directory.deauthorizeApp(clientId, enterpriseId)
  }

  /**
   * A new app set up for the Client Credentials Grant and authorized in an enterprise, as a test
   * would otherwise build it from registerClient, addEnterprise, authorizeApp and configureApp.
   */
  createCcgApp(options: ServerAppOptions = {}): BoxServerApp {
    return this.createServerApp(options)
  }

  /**
   * A new JWT app authorized in an enterprise, as the Developer Console leaves it once a key pair
   * is generated: its public key registered, the config file (with the encrypted private key and
   * passphrase) handed back.
   */
  createJwtApp(options: JwtAppOptions = {}): BoxJwtApp {
    const app = this.createServerApp(options)
    const keyPair = options.keyPair ?? generateAppKeyPair()
    const publicKeyId = this.addPublicKey(app.clientId, keyPair.publicKey)
    const config: BoxJwtConfig = {
      boxAppSettings: {
        clientID: app.clientId,
        clientSecret: app.clientSecret,
        appAuth: { publicKeyID: publicKeyId, privateKey: keyPair.privateKey, passphrase: keyPair.passphrase }
      },
      enterpriseID: app.enterpriseId
    }
    return { ...app, publicKeyId, ...keyPair, config, configText: jwtConfigText(config) }
  }

  /** Adds a public key to an app (JWT); returns its id. See BoxDirectory.addPublicKey. */
  addPublicKey(clientId: string, publicKey: KeyObject | string, kid?: string): string {
    return this.directory.addPublicKey(clientId, publicKey, kid)
  }

  removePublicKey(clientId: string, kid: string): void {
    this.directory.removePublicKey(clientId, kid)
  }

  private createServerApp(options: ServerAppOptions): BoxServerApp {
    const clientId = randomAlnum(32)
    const clientSecret = randomAlnum(32)
    this.registerClient(clientId, clientSecret)
    this.configureApp(clientId, {
      userAccessTokens: options.userAccessTokens ?? false,
      ...(options.scopes ? { scopes: [...options.scopes] } : {})
    })
    const enterprise = options.enterpriseId ? this.enterprise(options.enterpriseId) : this.addEnterprise()
    if (options.authorized ?? true) this.authorizeApp(clientId, enterprise.id)
    return { clientId, clientSecret, enterpriseId: enterprise.id, serviceAccountId: enterprise.serviceAccountId }
  }

  /**
   * Lists a redirect URI in the app's configuration, as in Developer Console → Configuration →
   * OAuth 2.0 Redirect URI. Like Box, only https URIs, or http ones on a loopback host.
   */
  registerRedirectUri(uri: string, clientId: string = this.client.id): void {
    if (!this.directory.hasClient(clientId)) throw new Error(`FakeBox: unknown client ${clientId}`)
    if (!acceptableRedirectUri(uri))
      throw new Error(`FakeBox: ${uri} is not a redirect URI Box accepts (https, or http on a loopback host)`)
    this.redirectUris.set(clientId, [...(this.redirectUris.get(clientId) ?? []), uri])
  }

  /** A valid refresh token, as if the user had authorized `ageDays` ago (> 60 means expired). */
  issueRefreshToken(opts: { clientId?: string; ageDays?: number } = {}): string {
    const clientId = opts.clientId ?? this.client.id
    if (!this.directory.hasClient(clientId)) throw new Error(`FakeBox: unknown client ${clientId}`)
    return this.ledger.addRefreshToken(clientId, this.now() - (opts.ageDays ?? 0) * DAY_MS)
  }

  /**
   * What the authorize endpoint hands out on consent (tests may also call it directly, e.g. to
   * forge a callback): a single-use code, valid 30 seconds, to be exchanged with
   * grant_type=authorization_code by the same client (and the same redirect_uri when the
   * exchange sends one).
   */
  issueAuthorizationCode(clientId: string, redirectUri: string): string {
    if (!this.directory.hasClient(clientId)) throw new Error(`FakeBox: unknown client ${clientId}`)
    const code = randomAlnum(32)
    this.authorizationCodes.set(code, { clientId, redirectUri, issuedAt: this.now(), used: false })
    this.issuedCodes.push(code)
    return code
  }

  /** Issued, not used, not revoked, not older than 60 days (Box's clock). */
  isRefreshTokenValid(token: string): boolean {
    return this.ledger.isRefreshTokenValid(token)
  }

  /** Issued, not revoked, not expired (Box's clock). */
  isAccessTokenValid(token: string): boolean {
    return this.ledger.isAccessTokenValid(token)
  }

  /** POST /oauth2/token requests with grant_type=refresh_token, faulted ones included. */
  get refreshAttempts(): number {
    return this.grantRequests.refresh_token
  }

  /**
   * Queue a fault for the next `times` requests (Infinity: every one until cleared) that `scope`
   * covers: by default every POST /oauth2/token request; `{ grant: 'token-exchange' }` only the
   * exchanges, `{ endpoint: '/oauth2/revoke' }` only the revokes. Faults are used first in, first
   * out, each by the requests it covers.
   */
  injectFault(fault: BoxFault, times = 1, scope: BoxFaultScope = {}): void {
    this.faults.add(fault, times, scope)
  }

  /** Drops the faults not used yet. */
  clearFaults(): void {
    this.faults.clear()
  }

  async handle(exchange: Exchange): Promise<void> {
    if (exchange.path === '/oauth2/token' && exchange.method === 'POST') return this.handleToken(exchange)
    if (exchange.path === '/oauth2/revoke' && exchange.method === 'POST') return this.handleRevoke(exchange)
    if (exchange.path === '/api/oauth2/authorize' && exchange.method === 'GET') return this.handleAuthorize(exchange)
    if (exchange.path === '/api/oauth2/authorize' && exchange.method === 'POST') return this.handleConsent(exchange)
    const api = serveContentApi(exchange, {
      validToken: (token) => (this.isAccessTokenValid(token) ? this.token(token) : undefined),
      deletions: this.deletions
    })
    if (api) return api
    return exchange.respondJson(404, {
      type: 'error',
      status: 404,
      code: 'not_found',
      message: 'Not Found'
    })
  }

  /**
   * GET /api/oauth2/authorize (on account.box.com in real life). Errors that make the redirect
   * URI untrustworthy (unknown client, unlisted redirect URI) are shown as a page, never
   * redirected, as RFC 6749 §4.1.2.1 requires; the others go back to the redirect URI. The login
   * and consent pages are skipped: the simulated user is logged in and clicks `consent`.
   */
  private async handleAuthorize(exchange: Exchange): Promise<void> {
    const query = exchange.query
    const clientId = query.get('client_id') ?? ''
    if (!this.directory.hasClient(clientId)) {
      return exchange.respond(
        400,
        htmlHeaders,
        errorPage('invalid_client', 'The client_id is missing or does not belong to any application.')
      )
    }
    const requested = query.get('redirect_uri') ?? ''
    if (!this.isRegisteredRedirectUri(clientId, requested)) {
      return exchange.respond(
        400,
        htmlHeaders,
        errorPage(
          'redirect_uri_mismatch',
          `The redirect URI is missing or does not match a redirect URI of the application. Details: redirect_uri=${requested}`
        )
      )
    }
    const state = query.get('state')
    const back = (params: Record<string, string>): Promise<void> => redirectBack(exchange, requested, state, params)
    if (query.get('response_type') !== 'code') {
      return back({ error: 'unsupported_response_type', error_description: 'The response type must be code.' })
    }
    // Box itself treats state as optional; the simulator insists, so a client that forgets its CSRF check is caught.
    if (!state) return back({ error: 'invalid_request', error_description: 'The state parameter is required.' })
    if (this.consentPage) {
      const request = randomAlnum(32)
      this.pendingConsents.set(request, { clientId, redirectUri: requested, state })
      return exchange.respond(200, { ...htmlHeaders, 'cache-control': 'no-store' }, consentPage(request))
    }
    return this.answerConsent(exchange, this.consent, clientId, requested, state)
  }

  /** POST /api/oauth2/authorize: the button clicked on the consent page. */
  private async handleConsent(exchange: Exchange): Promise<void> {
    const form = parseForm(exchange)
    const request = form?.get('request') ?? ''
    const pending = this.pendingConsents.get(request)
    const consent = form?.get('consent')
    if (pending === undefined || (consent !== 'grant' && consent !== 'deny'))
      return exchange.respond(400, htmlHeaders, errorPage('invalid_request', 'This consent page has expired.'))
    this.pendingConsents.delete(request)
    return this.answerConsent(exchange, consent, pending.clientId, pending.redirectUri, pending.state)
  }

  private answerConsent(
    exchange: Exchange,
    consent: Consent,
    clientId: string,
    redirectUri: string,
    state: string
  ): Promise<void> {
    if (consent === 'deny')
      return redirectBack(exchange, redirectUri, state, {
        error: 'access_denied',
        error_description: 'The user denied access to their account.'
      })
    return redirectBack(exchange, redirectUri, state, { code: this.issueAuthorizationCode(clientId, redirectUri) })
  }

  /**
   * Exact match, except that a loopback http URI may use any port (RFC 8252 §7.3, which Box applies
   * to loopback redirect URIs): scheme, host, path and query must match.
   */
  private isRegisteredRedirectUri(clientId: string, uri: string): boolean {
    if (!acceptableRedirectUri(uri)) return false
    const requested = new URL(uri)
    return (this.redirectUris.get(clientId) ?? []).some((registered) => {
      const listed = new URL(registered)
      if (isLoopbackHttp(listed) && isLoopbackHttp(requested)) {
        return (
          listed.hostname === requested.hostname &&
          listed.pathname === requested.pathname &&
          listed.search === requested.search
        )
      }
      return listed.href === requested.href
    })
  }

  private async handleToken(exchange: Exchange): Promise<void> {
    const form = parseForm(exchange)
    const grant = grantOf(form?.get('grant_type'))
    if (grant) this.grantRequests[grant]++
    const assertion = grant === 'jwt-bearer' ? form?.get('assertion') : undefined
    if (assertion) this.receivedAssertions.push(assertion)
    const fault = this.faults.next('/oauth2/token', grant)
    return answerWithFault(
      exchange,
      fault,
      form,
      () => this.grant(form),
      (outcome) => exchange.respondJson(outcome.status, outcome.body, { 'cache-control': 'no-store' })
    )
  }

  /**
   * POST /oauth2/revoke with `client_id`, `client_secret` and `token` (an access or refresh token;
   * developer.box.com guides/authentication/tokens/revoke): 200 with an empty body (box-openapi
   * PostOAuth2Revoke). What ends with the token: TokenLedger.revoke.
   */
  private async handleRevoke(exchange: Exchange): Promise<void> {
    const form = parseForm(exchange)
    const fault = this.faults.next('/oauth2/revoke', undefined)
    return answerWithFault(
      exchange,
      fault,
      form,
      () => this.revoke(form),
      (outcome) =>
        outcome.status === 200
          ? exchange.respond(200, { 'cache-control': 'no-store' }, '')
          : exchange.respondJson(outcome.status, outcome.body, { 'cache-control': 'no-store' })
    )
  }

  private revoke(form: URLSearchParams | undefined): Outcome {
    const [clientId, clientSecret, token] = form ? requiredFields(form, 'client_id', 'client_secret', 'token') : []
    if (clientId === undefined || clientSecret === undefined || token === undefined) return REVOKE_PARAMETER_MISSING
    if (!this.directory.isClient(clientId, clientSecret)) return INVALID_CLIENT
    return this.ledger.revoke(token, clientId) === 'another client' ? NOT_YOUR_TOKEN : { status: 200, body: {} }
  }

  /** The token endpoint proper: validates the form and, on success, issues a token. */
  private grant(form: URLSearchParams | undefined): GrantOutcome {
    if (!form) return INVALID_REQUEST
    const grantType = form.get('grant_type')
    if (grantType === 'refresh_token') return this.grantRefresh(form)
    if (grantType === 'authorization_code') return this.grantAuthorizationCode(form)
    if (grantType === 'client_credentials') return grantClientCredentials(form, this.grantContext())
    if (grantType === JWT_BEARER) return grantJwtBearer(form, this.grantContext())
    if (grantType === TOKEN_EXCHANGE) return grantTokenExchange(form, this.grantContext())
    return INVALID_REQUEST
  }

  private grantContext(): GrantContext {
    return {
      directory: this.directory,
      ledger: this.ledger,
      expiresIn: this.expiresIn,
      now: () => this.now(),
      usedJtis: this.usedJtis,
      apiOrigins: this.apiOrigin ? [this.apiOrigin] : []
    }
  }

  private grantRefresh(form: URLSearchParams): GrantOutcome {
    const [clientId, clientSecret, refreshToken] = requiredFields(form, 'client_id', 'client_secret', 'refresh_token')
    if (clientId === undefined || clientSecret === undefined || refreshToken === undefined) return INVALID_REQUEST
    if (!this.directory.isClient(clientId, clientSecret)) return INVALID_CLIENT

    const state = this.ledger.refreshToken(refreshToken)
    if (!state || state.clientId !== clientId || state.revokedAt !== undefined) return INVALID_REFRESH_TOKEN
    if (state.consumedAt !== undefined) {
      const withinGrace = this.reuseGraceMs > 0 && this.now() - state.consumedAt <= this.reuseGraceMs
      return withinGrace && state.answer ? { status: 200, body: state.answer as BoxTokenAnswer } : INVALID_REFRESH_TOKEN
    }
    if (this.ledger.isRefreshTokenExpired(state)) return EXPIRED_REFRESH_TOKEN

    const answer = this.issuePair(clientId, 'refresh_token')
    state.consumedAt = this.now()
    state.answer = answer
    return { status: 200, body: answer }
  }

  private grantAuthorizationCode(form: URLSearchParams): GrantOutcome {
    const [code, clientId, clientSecret] = requiredFields(form, 'code', 'client_id', 'client_secret')
    if (code === undefined || clientId === undefined || clientSecret === undefined) return INVALID_REQUEST
    if (!this.directory.isClient(clientId, clientSecret)) return INVALID_CLIENT

    const state = this.authorizationCodes.get(code)
    const redirectUri = form.get('redirect_uri')
    if (!state || state.used || state.clientId !== clientId) return INVALID_CODE
    if (redirectUri !== null && redirectUri !== state.redirectUri) return INVALID_CODE
    state.used = true
    if (this.ledger.isExpired(state.issuedAt, AUTHORIZATION_CODE_LIFETIME_MS)) return EXPIRED_CODE
    return { status: 200, body: this.issuePair(clientId, 'authorization_code') }
  }

  /** An OAuth pair: it acts as the user who authorized the app, with the app's scopes. */
  private issuePair(clientId: string, grant: BoxIssuedPair['grant']): BoxTokenAnswer {
    const scopes = [...this.directory.appSettings(clientId).scopes]
    const token = this.ledger.issuePair({ grant, clientId, userId: OAUTH_USER_ID, scopes }, this.expiresIn)
    this.issued.push({ accessToken: token.accessToken, refreshToken: token.refreshToken, at: token.issuedAt, grant })
    return pairAnswer(token)
  }
}

const htmlHeaders = { 'content-type': 'text/html; charset=utf-8' }

function isLoopbackHttp(url: URL): boolean {
  return (
    url.protocol === 'http:' &&
    (url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(url.hostname))
  )
}

function acceptableRedirectUri(uri: string): boolean {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return false
  }
  return (url.protocol === 'https:' || isLoopbackHttp(url)) && url.hash === ''
}

/** Box sends the browser back to the redirect URI with `params` and the state it was given. */
function redirectBack(
  exchange: Exchange,
  redirectUri: string,
  state: string | null,
  params: Record<string, string>
): Promise<void> {
  const location = new URL(redirectUri)
  for (const [name, value] of Object.entries({ ...params, ...(state ? { state } : {}) }))
    location.searchParams.set(name, value)
  return exchange.respond(302, { location: location.href, 'cache-control': 'no-store' })
}

/** A minimal consent page: the app asks for access, and two buttons post the answer back. */
function consentPage(request: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Box | Grant access</title></head>
<body><h1>An app would like to access your Box account</h1>
<form method="post" action="/api/oauth2/authorize">
<input type="hidden" name="request" value="${request}">
<button type="submit" name="consent" value="grant">Grant access to Box</button>
<button type="submit" name="consent" value="deny">Deny access</button>
</form></body></html>
`
}

/** Box's error page for authorize requests it will not redirect: "Error: <code>" and the details. */
function errorPage(code: string, details: string): string {
  const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<html><head><title>Box | Error</title></head><body><h1>Error: ${code}</h1><p>${escape(details)}</p></body></html>\n`
}

/** The form fields, or undefined when the body is not application/x-www-form-urlencoded. */
function parseForm(exchange: Exchange): URLSearchParams | undefined {
  const contentType = (exchange.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (contentType !== 'application/x-www-form-urlencoded') return undefined
  return new URLSearchParams(exchange.body.toString('utf8'))
}
