/**
 * A fake GitHub REST API: Actions and Dependabot secrets of repositories, environments and
 * organizations (each scope with its own libsodium key pair), workflow runs, token permissions,
 * and injectable faults. Shapes and rules follow GitHub's REST API description (github/rest-api-description)
 * and its "Actions secrets" and "Dependabot secrets" documentation.
 *
 * Call only after `await sodium.ready` (startSimulator does): key pairs are made synchronously.
 */
import sodium from 'libsodium-wrappers'
import { isoSeconds, type CustomReply, type Exchange, type Headers } from './http.js'
import { randomDigits } from './random.js'

export type SecretApp = 'actions' | 'dependabot'
export type SecretVisibility = 'all' | 'private' | 'selected'

/** Where a secret lives. `app` defaults to 'actions'; environments have Actions secrets only. */
export type ScopeRef =
  | { kind: 'repository'; repo: string; app?: SecretApp }
  | { kind: 'environment'; repo: string; environment: string }
  | { kind: 'organization'; org: string; app?: SecretApp }

/**
 * What a token may do:
 * - 'write': read and write secrets;
 * - 'read': GETs only, PUT → 403 "Resource not accessible by personal access token";
 * - 'none': everything → 403 "Resource not accessible by personal access token";
 * - 'integration': the workflow GITHUB_TOKEN: secrets → 403 "Resource not accessible by
 *   integration", workflow runs readable.
 */
export type TokenAccess = 'write' | 'read' | 'none' | 'integration'

export interface TokenOptions {
  /** Marks a classic PAT: every response carries `x-oauth-scopes` with this value. */
  oauthScopes?: string
  /**
   * An expiring personal access token: every response carries `GitHub-Authentication-Token-Expiration`
   * with this date, in GitHub's form (`2026-12-24 09:00:00 UTC`).
   */
  expiresAt?: Date
  /** Whether the token may write issues (GITHUB_TOKEN with `issues: write`); default: PATs with 'write' access may. */
  issues?: 'write' | 'none'
  /**
   * Whether the token may set labels on a new issue; default true. GitHub drops the labels of a new
   * issue silently when its author may not set them (people without triage access, such as outsiders
   * in a public repository).
   */
  labels?: boolean
}

/** An issue of a repository, as the issues API shows it. */
export interface IssueSnapshot {
  number: number
  title: string
  body: string
  labels: string[]
  state: 'open' | 'closed'
  comments: string[]
}

export type GitHubFault =
  /** JSON `{message}` when a message is given; otherwise an HTML page for 502-504, else JSON. */
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'secondary-rate-limit'; retryAfterSeconds: number }
  | { kind: 'rate-limit'; resetInSeconds: number }
  /** Destroy the socket; the request is not applied. */
  | { kind: 'reset' }
  | { kind: 'hang' }
  /** A hostile or broken server: answer whatever `reply` returns; the request is not applied. */
  | { kind: 'reply'; reply: (request: { method: string; path: string; body: string }) => CustomReply }
  /** Apply the request as usual, then change its answer before it is sent. */
  | { kind: 'tamper'; change: (reply: CustomReply) => CustomReply }
  /** Wait `ms`, then handle the request as usual (a slow server). */
  | { kind: 'slow'; ms: number }

export interface GitHubFaultRule {
  /** Matches any method when unset. */
  method?: string
  /** Substring of the path (without prefix and query); matches any path when unset. */
  pathIncludes?: string
  /** Matching requests this rule applies to; default 1, Infinity for ever. */
  times?: number
  fault: GitHubFault
}

export interface SecretSeed {
  createdAt?: Date
  updatedAt?: Date
  /** Organization secrets only; default 'private'. */
  visibility?: SecretVisibility
  selectedRepositoryIds?: number[]
}

export interface SecretSnapshot {
  /** The value as GitHub would hand it to a workflow (decrypted with the scope's private key). */
  plaintext: string
  createdAt: Date
  updatedAt: Date
  visibility?: SecretVisibility
  selectedRepositoryIds?: number[]
}

export interface RunSeed {
  createdAt: Date
  runStartedAt?: Date
  runAttempt?: number
}

export interface RepositorySummary {
  id: number
  full_name: string
}

/** GitHub's own limit on a secret value. */
export const MAX_SECRET_BYTES = 48 * 1024
/** The pattern GitHub's schema puts on `encrypted_value`: standard base64 with padding. */
export const ENCRYPTED_VALUE_PATTERN =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/

const DOCS = 'https://docs.github.com/rest'
const PAT_FORBIDDEN = 'Resource not accessible by personal access token'
const INTEGRATION_FORBIDDEN = 'Resource not accessible by integration'

interface ScopeState {
  keyId: string
  publicKey: Uint8Array
  privateKey: Uint8Array
  /** Keyed by upper-cased name: GitHub secret names are case-insensitive and shown upper-cased. */
  secrets: Map<string, StoredSecret>
}

interface StoredSecret {
  name: string
  plaintext: string
  createdAt: Date
  updatedAt: Date
  visibility?: SecretVisibility
  selectedRepositoryIds?: number[]
}

interface RepositoryState {
  id: number
  fullName: string
  /** Lower-cased name → name as created. */
  environments: Map<string, string>
  runs: Map<string, RunSeed>
  issues: IssueSnapshot[]
  /** Issues turned off in the repository's settings: the issues API answers 410 Gone. */
  issuesDisabled: boolean
}

interface OrganizationState {
  login: string
  repositories: RepositorySummary[]
}

interface TokenState {
  access: TokenAccess
  oauthScopes?: string
  expiresAt?: Date
  issues: 'write' | 'none'
  labels: boolean
}

/** What a request asks for, once its path is understood. */
type Route =
  | { op: 'public-key'; scope: ScopeRef }
  | { op: 'get-secret' | 'put-secret' | 'list-selected'; scope: ScopeRef; name: string }
  | { op: 'get-run'; repo: string; runId: string }
  | IssueRoute

type IssueRoute =
  | { op: 'list-issues' | 'create-issue'; repo: string; number?: undefined }
  | { op: 'comment-issue' | 'update-issue'; repo: string; number: number }
type SecretsRoute = Exclude<Route, IssueRoute | { op: 'get-run' }>

const isIssueRoute = (route: Route): route is IssueRoute => route.op.endsWith('-issue') || route.op === 'list-issues'

/** A ready answer; handlers return these so the checks read as a sequence of early returns. */
interface Reply {
  status: number
  body?: unknown
  headers?: Headers
}

export class FakeGitHub {
  private readonly repositories = new Map<string, RepositoryState>()
  private readonly organizations = new Map<string, OrganizationState>()
  private readonly scopes = new Map<string, ScopeState>()
  private readonly tokens = new Map<string, TokenState>()
  private readonly faults: Array<GitHubFaultRule & { remaining: number }> = []
  private nextRepositoryId = 100000001
  private requestCount = 0
  /** The API base the answers' URLs point at (set by startSimulator once the port is known). */
  apiUrl = 'http://127.0.0.1'

  // ---- setup -------------------------------------------------------------------------------

  /** Adds a repository with its Actions and Dependabot secret scopes; returns its id. */
  addRepository(fullName: string, opts: { id?: number } = {}): number {
    if (!/^[^/\s]+\/[^/\s]+$/.test(fullName)) throw new Error(`FakeGitHub: '${fullName}' is not owner/name`)
    const id = opts.id ?? this.nextRepositoryId++
    this.repositories.set(fullName.toLowerCase(), {
      id,
      fullName,
      environments: new Map(),
      runs: new Map(),
      issues: [],
      issuesDisabled: false
    })
    this.createScope({ kind: 'repository', repo: fullName, app: 'actions' })
    this.createScope({ kind: 'repository', repo: fullName, app: 'dependabot' })
    return id
  }

  addEnvironment(fullName: string, environment: string): void {
    this.requireRepository(fullName).environments.set(environment.toLowerCase(), environment)
    this.createScope({ kind: 'environment', repo: fullName, environment })
  }

  /**
   * Adds an organization with its Actions and Dependabot secret scopes. Its repositories (for
   * `selected_repository_ids`) are `repositories` plus every repository added under its name.
   */
  addOrganization(org: string, opts: { repositories?: RepositorySummary[] } = {}): void {
    this.organizations.set(org.toLowerCase(), { login: org, repositories: [...(opts.repositories ?? [])] })
    this.createScope({ kind: 'organization', org, app: 'actions' })
    this.createScope({ kind: 'organization', org, app: 'dependabot' })
  }

  addToken(token: string, access: TokenAccess, opts: TokenOptions = {}): void {
    this.tokens.set(token, {
      access,
      oauthScopes: opts.oauthScopes,
      expiresAt: opts.expiresAt,
      issues: opts.issues ?? (access === 'write' ? 'write' : 'none'),
      labels: opts.labels ?? true
    })
  }

  /** Turns the repository's issues off, as its settings can: the issues API then answers 410 Gone. */
  disableIssues(fullName: string): void {
    this.requireRepository(fullName).issuesDisabled = true
  }

  addRun(fullName: string, runId: number, run: RunSeed): void {
    this.requireRepository(fullName).runs.set(String(runId), run)
  }

  /** Seeds a secret as if it had been written earlier (no request is made or logged). */
  setSecret(scope: ScopeRef, name: string, plaintext: string, opts: SecretSeed = {}): void {
    const problem = secretNameProblem(name)
    if (problem) throw new Error(`FakeGitHub: ${problem}`)
    const createdAt = opts.createdAt ?? new Date()
    const secret: StoredSecret = {
      name: name.toUpperCase(),
      plaintext,
      createdAt,
      updatedAt: opts.updatedAt ?? createdAt
    }
    if (scope.kind === 'organization') {
      secret.visibility = opts.visibility ?? 'private'
      if (secret.visibility === 'selected') secret.selectedRepositoryIds = [...(opts.selectedRepositoryIds ?? [])]
    }
    this.requireScope(scope).secrets.set(secret.name, secret)
  }

  getSecret(scope: ScopeRef, name: string): SecretSnapshot | undefined {
    const secret = this.requireScope(scope).secrets.get(name.toUpperCase())
    if (!secret) return undefined
    const { plaintext, createdAt, updatedAt, visibility, selectedRepositoryIds } = secret
    return {
      plaintext,
      createdAt,
      updatedAt,
      ...(visibility && { visibility }),
      ...(selectedRepositoryIds && { selectedRepositoryIds: [...selectedRepositoryIds] })
    }
  }

  /** The scope's current public key, as GET …/secrets/public-key answers it. */
  getPublicKey(scope: ScopeRef): { key_id: string; key: string } {
    const state = this.requireScope(scope)
    return { key_id: state.keyId, key: sodium.to_base64(state.publicKey, sodium.base64_variants.ORIGINAL) }
  }

  /** A new key pair and key_id, as GitHub rotates them: values sealed for the old key are refused. */
  rotatePublicKey(scope: ScopeRef): void {
    Object.assign(this.requireScope(scope), newKeyPair())
  }

  /** Rules are tried in order; the first matching one with uses left is applied and used up. */
  injectFault(rule: GitHubFaultRule): void {
    this.faults.push({ ...rule, remaining: rule.times ?? 1 })
  }

  /**
   * Every secret write is refused as a personal access token without write access is refused, until
   * `clearFaults()`: the write-back that never lands, after Box has already used the old token.
   */
  refuseSecretWrites(): void {
    this.injectFault({
      method: 'PUT',
      times: Infinity,
      fault: { kind: 'status', status: 403, message: 'Resource not accessible by personal access token' }
    })
  }

  /** Drops every fault rule not used up yet (e.g. `times: Infinity` ones before a recovery step). */
  clearFaults(): void {
    this.faults.length = 0
  }

  // ---- HTTP --------------------------------------------------------------------------------

  async handle(exchange: Exchange): Promise<void> {
    this.requestCount++
    const fault = this.takeFault(exchange)
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms))
    else if (fault && fault.kind !== 'tamper') return this.applyFault(exchange, fault)

    const token = this.tokens.get(bearerToken(exchange) ?? '')
    const reply: Reply = token
      ? this.route(exchange, token)
      : { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } }
    const headers: Headers = token ? { ...this.rateLimitHeaders(), ...reply.headers } : { ...reply.headers }
    if (token?.oauthScopes !== undefined) headers['x-oauth-scopes'] = token.oauthScopes
    if (token?.expiresAt !== undefined) {
      headers['github-authentication-token-expiration'] = token.expiresAt
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, ' UTC')
    }
    const answer = { ...reply, headers }
    return send(exchange, fault?.kind === 'tamper' ? fault.change(answer) : answer)
  }

  private route(exchange: Exchange, token: TokenState): Reply {
    const route = parseRoute(exchange.method, exchange.path, (id) => this.repositoryById(id))
    if (!route) return notFound()
    if (route.op === 'get-run') return this.getRun(route.repo, route.runId, token)
    if (isIssueRoute(route)) return this.issueRoute(route, token, exchange)

    if (!this.ownerExists(route.scope)) return notFound()
    const forbidden = forbiddenFor(route, exchange.method, token)
    if (forbidden) return forbidden
    const scope = this.findScope(route.scope)
    if (!scope) return notFound() // an environment that does not exist

    switch (route.op) {
      case 'public-key':
        return { status: 200, body: this.getPublicKey(route.scope) }
      case 'get-secret':
        return this.getSecretReply(scope, route.scope, route.name)
      case 'list-selected':
        return this.listSelected(scope, route.scope, route.name, exchange.query)
      case 'put-secret':
        return this.putSecret(scope, route.scope, route.name, exchange.body)
    }
  }

  private getSecretReply(scope: ScopeState, ref: ScopeRef, name: string): Reply {
    const secret = scope.secrets.get(name.toUpperCase())
    if (!secret) return notFound()
    const body: Record<string, unknown> = {
      name: secret.name,
      created_at: isoSeconds(secret.createdAt),
      updated_at: isoSeconds(secret.updatedAt)
    }
    if (secret.visibility) body.visibility = secret.visibility
    if (secret.visibility === 'selected')
      body.selected_repositories_url = `${this.scopeUrl(ref)}/${secret.name}/repositories`
    return { status: 200, body }
  }

  private listSelected(scope: ScopeState, ref: ScopeRef, name: string, query: URLSearchParams): Reply {
    const secret = scope.secrets.get(name.toUpperCase())
    if (!secret || ref.kind !== 'organization') return notFound()
    if (secret.visibility !== 'selected') {
      return refusal(`The visibility of secret ${secret.name} is not 'selected'.`, 409)
    }
    const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100)
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1)
    const known = new Map(this.organizationRepositories(ref.org).map((r) => [r.id, r]))
    const selected = (secret.selectedRepositoryIds ?? []).flatMap((id) => known.get(id) ?? [])
    const repositories = selected
      .slice((page - 1) * perPage, page * perPage)
      .map((r) => ({ id: r.id, name: r.full_name.split('/')[1], full_name: r.full_name }))
    return { status: 200, body: { total_count: selected.length, repositories } }
  }

  /** PUT …/secrets/{name}, validated in roughly the order GitHub reports problems. */
  private putSecret(scope: ScopeState, ref: ScopeRef, name: string, rawBody: Buffer): Reply {
    let body: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(rawBody.toString('utf8'))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object')
      body = parsed as Record<string, unknown>
    } catch {
      return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' } }
    }

    const nameProblem = secretNameProblem(name)
    if (nameProblem) return refusal(nameProblem)
    for (const field of ['encrypted_value', 'key_id']) {
      if (typeof body[field] !== 'string') return refusal(`Invalid request.\n\n"${field}" wasn't supplied.`)
    }
    const orgSettings = ref.kind === 'organization' ? this.orgVisibility(ref.org, body) : undefined
    if (typeof orgSettings === 'string') return refusal(orgSettings)

    const plaintext = openSealed(scope, body.encrypted_value as string, body.key_id as string)
    if (plaintext.problem !== undefined) return refusal(plaintext.problem)

    const key = name.toUpperCase()
    const existing = scope.secrets.get(key)
    const now = new Date()
    scope.secrets.set(key, {
      name: key,
      plaintext: plaintext.value,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...orgSettings
    })
    return existing ? { status: 204 } : { status: 201, body: {} }
  }

  /** The visibility fields of an organization PUT, or the 422 message explaining what is wrong. */
  private orgVisibility(
    org: string,
    body: Record<string, unknown>
  ): { visibility: SecretVisibility; selectedRepositoryIds?: number[] } | string {
    const { visibility, selected_repository_ids: ids } = body
    if (visibility === undefined) return `Invalid request.\n\n"visibility" wasn't supplied.`
    if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
      return `Invalid request.\n\nFor 'properties/visibility', ${JSON.stringify(visibility)} is not one of ["all", "private", "selected"].`
    }
    if (ids === undefined) return visibility === 'selected' ? { visibility, selectedRepositoryIds: [] } : { visibility }
    if (visibility !== 'selected') return `selected_repository_ids can only be set when visibility is 'selected'.`
    if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id))) {
      return `Invalid request.\n\nFor 'properties/selected_repository_ids', the value is not an array of integers.`
    }
    const known = new Set(this.organizationRepositories(org).map((r) => r.id))
    const foreign = (ids as number[]).filter((id) => !known.has(id))
    if (foreign.length > 0) return `Repositories ${foreign.join(', ')} do not belong to organization ${org}.`
    return { visibility, selectedRepositoryIds: [...(ids as number[])] }
  }

  /** The issues API, as much of it as a failure report needs: list, create, comment, close. */
  private issueRoute(route: IssueRoute, token: TokenState, exchange: Exchange): Reply {
    const repository = this.repositories.get(route.repo.toLowerCase())
    if (!repository) return notFound()
    if (repository.issuesDisabled)
      return {
        status: 410,
        body: { message: 'Issues are disabled for this repo', documentation_url: DOCS, status: '410' }
      }
    if (route.op === 'list-issues') {
      const query = exchange.query
      const state = query.get('state') ?? 'open'
      const labels = (query.get('labels') ?? '').split(',').filter(Boolean)
      const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100)
      const found = repository.issues
        .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number)
        .slice(0, perPage)
      return { status: 200, body: found.map((i) => issueBody(repository, i)) }
    }
    if (token.issues !== 'write')
      return forbidden(token.access === 'integration' ? INTEGRATION_FORBIDDEN : PAT_FORBIDDEN, 'issues=write', token)
    let body: Record<string, unknown>
    try {
      body = JSON.parse(exchange.body.toString('utf8')) as Record<string, unknown>
    } catch {
      return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' } }
    }
    if (route.op === 'create-issue') {
      if (typeof body.title !== 'string' || body.title === '')
        return refusal('Invalid request.\n\n"title" wasn\'t supplied.')
      const issue: IssueSnapshot = {
        number: repository.issues.length + 1,
        title: body.title,
        body: typeof body.body === 'string' ? body.body : '',
        labels:
          token.labels && Array.isArray(body.labels)
            ? body.labels.filter((l): l is string => typeof l === 'string')
            : [],
        state: 'open',
        comments: []
      }
      repository.issues.push(issue)
      return { status: 201, body: issueBody(repository, issue) }
    }
    const issue = repository.issues.find((i) => i.number === route.number)
    if (!issue) return notFound()
    if (route.op === 'comment-issue') {
      if (typeof body.body !== 'string' || body.body === '')
        return refusal('Invalid request.\n\n"body" wasn\'t supplied.')
      issue.comments.push(body.body)
      return { status: 201, body: { id: issue.comments.length, body: body.body } }
    }
    if (body.state === 'closed' || body.state === 'open') issue.state = body.state
    return { status: 200, body: issueBody(repository, issue) }
  }

  /** The issues of a repository, as a person would see them. */
  listIssues(fullName: string): IssueSnapshot[] {
    return this.requireRepository(fullName).issues.map((i) => ({
      ...i,
      labels: [...i.labels],
      comments: [...i.comments]
    }))
  }

  private getRun(fullName: string, runId: string, token: TokenState): Reply {
    const repository = this.repositories.get(fullName.toLowerCase())
    if (!repository) return notFound()
    if (token.access === 'none') return forbidden(PAT_FORBIDDEN, 'actions=read', token)
    const run = repository.runs.get(runId)
    if (!run) return notFound()
    return {
      status: 200,
      body: {
        id: Number(runId),
        name: 'Simulated workflow',
        status: 'in_progress',
        created_at: isoSeconds(run.createdAt),
        run_started_at: isoSeconds(run.runStartedAt ?? run.createdAt),
        run_attempt: run.runAttempt ?? 1,
        html_url: `https://github.com/${repository.fullName}/actions/runs/${runId}`
      }
    }
  }

  // ---- faults ------------------------------------------------------------------------------

  private takeFault(exchange: Exchange): GitHubFault | undefined {
    const index = this.faults.findIndex(
      (rule) =>
        rule.remaining > 0 &&
        (rule.method === undefined || rule.method.toUpperCase() === exchange.method) &&
        (rule.pathIncludes === undefined || exchange.path.includes(rule.pathIncludes))
    )
    if (index < 0) return undefined
    const rule = this.faults[index]!
    rule.remaining--
    if (rule.remaining <= 0) this.faults.splice(index, 1)
    return rule.fault
  }

  private applyFault(exchange: Exchange, fault: Exclude<GitHubFault, { kind: 'tamper' | 'slow' }>): Promise<void> {
    switch (fault.kind) {
      case 'reply':
        return exchange.respondCustom(
          fault.reply({ method: exchange.method, path: exchange.path, body: exchange.body.toString('utf8') })
        )
      case 'reset':
        return exchange.destroySocket('reset')
      case 'hang':
        exchange.hang()
        return Promise.resolve()
      case 'status':
        if (fault.message === undefined && fault.status >= 502 && fault.status <= 504) {
          return exchange.respond(fault.status, { 'content-type': 'text/html' }, unicornPage(fault.status))
        }
        return send(exchange, {
          status: fault.status,
          body: {
            message: fault.message ?? `Simulated ${fault.status}`,
            documentation_url: DOCS,
            status: String(fault.status)
          }
        })
      case 'secondary-rate-limit':
        return send(exchange, {
          status: 403,
          headers: { 'retry-after': String(fault.retryAfterSeconds) },
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
              `If you reach out to GitHub Support for help, please include the request ID ${requestId()}.`,
            documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
            status: '403'
          }
        })
      case 'rate-limit':
        return send(exchange, {
          status: 403,
          headers: {
            ...this.rateLimitHeaders(),
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + fault.resetInSeconds)
          },
          body: {
            message:
              'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, ' +
              `please include the request ID ${requestId()}.`,
            documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
            status: '403'
          }
        })
    }
  }

  /** Plausible headers for the primary rate limit, so clients that read them see sane values. */
  private rateLimitHeaders(): Headers {
    const used = Math.min(this.requestCount, 5000)
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(5000 - used),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core'
    }
  }

  // ---- state helpers -----------------------------------------------------------------------

  private createScope(ref: ScopeRef): void {
    this.scopes.set(scopeKey(ref), { ...newKeyPair(), secrets: new Map() })
  }

  private findScope(ref: ScopeRef): ScopeState | undefined {
    return this.scopes.get(scopeKey(ref))
  }

  private requireScope(ref: ScopeRef): ScopeState {
    const scope = this.findScope(ref)
    if (!scope)
      throw new Error(`FakeGitHub: no such scope ${scopeKey(ref)} (add the repository/environment/organization first)`)
    return scope
  }

  private requireRepository(fullName: string): RepositoryState {
    const repository = this.repositories.get(fullName.toLowerCase())
    if (!repository) throw new Error(`FakeGitHub: no repository ${fullName} (call addRepository first)`)
    return repository
  }

  private repositoryById(id: number): string | undefined {
    for (const repository of this.repositories.values()) if (repository.id === id) return repository.fullName
    return undefined
  }

  /** Whether the repository or organization in the path exists: its absence is a 404 before any 403. */
  private ownerExists(ref: ScopeRef): boolean {
    return ref.kind === 'organization'
      ? this.organizations.has(ref.org.toLowerCase())
      : this.repositories.has(ref.repo.toLowerCase())
  }

  private organizationRepositories(org: string): RepositorySummary[] {
    const declared = this.organizations.get(org.toLowerCase())?.repositories ?? []
    const added = [...this.repositories.values()]
      .filter((r) => r.fullName.split('/')[0]!.toLowerCase() === org.toLowerCase())
      .map((r) => ({ id: r.id, full_name: r.fullName }))
    const byId = new Map([...added, ...declared].map((r) => [r.id, r]))
    return [...byId.values()]
  }

  /** The URL of the scope's secrets collection, as GitHub puts into `selected_repositories_url`. */
  private scopeUrl(ref: ScopeRef): string {
    if (ref.kind === 'organization') return `${this.apiUrl}/orgs/${ref.org}/${ref.app ?? 'actions'}/secrets`
    if (ref.kind === 'environment') {
      return `${this.apiUrl}/repos/${ref.repo}/environments/${encodeURIComponent(ref.environment)}/secrets`
    }
    return `${this.apiUrl}/repos/${ref.repo}/${ref.app ?? 'actions'}/secrets`
  }
}

// ---- pure helpers ----------------------------------------------------------------------------

function scopeKey(ref: ScopeRef): string {
  switch (ref.kind) {
    case 'repository':
      return `repository:${ref.repo.toLowerCase()}:${ref.app ?? 'actions'}`
    case 'environment':
      return `environment:${ref.repo.toLowerCase()}:${ref.environment.toLowerCase()}`
    case 'organization':
      return `organization:${ref.org.toLowerCase()}:${ref.app ?? 'actions'}`
  }
}

function newKeyPair(): Pick<ScopeState, 'keyId' | 'publicKey' | 'privateKey'> {
  const { publicKey, privateKey } = sodium.crypto_box_keypair()
  return { keyId: randomDigits(18), publicKey, privateKey }
}

/**
 * Understands the secrets and runs paths. Segments are percent-decoded one by one, so an
 * environment named `a/b` arrives as `a%2Fb` and stays one segment.
 */
function parseRoute(method: string, path: string, repoById: (id: number) => string | undefined): Route | undefined {
  let segments: string[]
  try {
    segments = path.split('/').slice(1).map(decodeURIComponent)
  } catch {
    return undefined // malformed percent-encoding
  }
  const [root, a, b, ...rest] = segments
  if (root === 'repos' && a && b) return parseRepositoryRoute(method, `${a}/${b}`, rest)
  // The older environment-secrets path keyed by repository id, still accepted by GitHub.
  if (root === 'repositories' && a && /^\d+$/.test(a)) {
    const repo = repoById(Number(a))
    if (repo && b === 'environments') return parseRepositoryRoute(method, repo, [b, ...rest])
    return undefined
  }
  if (root === 'orgs' && a && (b === 'actions' || b === 'dependabot') && rest[0] === 'secrets') {
    return parseSecretsRoute(method, { kind: 'organization', org: a, app: b }, rest.slice(1), true)
  }
  return undefined
}

function parseRepositoryRoute(method: string, repo: string, rest: string[]): Route | undefined {
  const [area, second, third, ...tail] = rest
  if (area === 'issues' && second === undefined) {
    return method === 'GET' ? { op: 'list-issues', repo } : method === 'POST' ? { op: 'create-issue', repo } : undefined
  }
  if (area === 'issues' && second && /^\d+$/.test(second)) {
    if (third === undefined && method === 'PATCH') return { op: 'update-issue', repo, number: Number(second) }
    if (third === 'comments' && tail.length === 0 && method === 'POST')
      return { op: 'comment-issue', repo, number: Number(second) }
    return undefined
  }
  if (area === 'actions' && second === 'runs' && third && tail.length === 0 && method === 'GET') {
    return /^\d+$/.test(third) ? { op: 'get-run', repo, runId: third } : undefined
  }
  if ((area === 'actions' || area === 'dependabot') && second === 'secrets') {
    return parseSecretsRoute(method, { kind: 'repository', repo, app: area }, rest.slice(2), false)
  }
  if (area === 'environments' && second && third === 'secrets') {
    return parseSecretsRoute(method, { kind: 'environment', repo, environment: second }, tail, false)
  }
  return undefined
}

/** `rest` is what follows `…/secrets`. */
function parseSecretsRoute(method: string, scope: ScopeRef, rest: string[], isOrg: boolean): Route | undefined {
  const [name, sub] = rest
  if (!name) return undefined
  if (rest.length === 1 && name === 'public-key') return method === 'GET' ? { op: 'public-key', scope } : undefined
  if (rest.length === 1 && method === 'GET') return { op: 'get-secret', scope, name }
  if (rest.length === 1 && method === 'PUT') return { op: 'put-secret', scope, name }
  if (isOrg && rest.length === 2 && sub === 'repositories' && method === 'GET')
    return { op: 'list-selected', scope, name }
  return undefined
}

/** The 403 a token gets for a secrets route, or undefined when it may go ahead. */
function forbiddenFor(route: SecretsRoute, method: string, token: TokenState): Reply | undefined {
  const permission = `${permissionName(route.scope)}=${method === 'GET' ? 'read' : 'write'}`
  if (token.access === 'integration') return forbidden(INTEGRATION_FORBIDDEN, permission, token)
  if (token.access === 'none') return forbidden(PAT_FORBIDDEN, permission, token)
  if (token.access === 'read' && method !== 'GET') return forbidden(PAT_FORBIDDEN, permission, token)
  return undefined
}

/** The fine-grained permission GitHub names in `x-accepted-github-permissions` for a scope. */
function permissionName(ref: ScopeRef): string {
  const dependabot = ref.kind !== 'environment' && ref.app === 'dependabot'
  if (ref.kind === 'organization') return dependabot ? 'organization_dependabot_secrets' : 'organization_secrets'
  return dependabot ? 'dependabot_secrets' : 'secrets'
}

function forbidden(message: string, permission: string, token: TokenState): Reply {
  // Classic PATs have no fine-grained permissions, so GitHub sends no such header for them.
  const headers: Headers = token.oauthScopes === undefined ? { 'x-accepted-github-permissions': permission } : {}
  return { status: 403, headers, body: { message, documentation_url: DOCS, status: '403' } }
}

function issueBody(repository: RepositoryState, issue: IssueSnapshot): Record<string, unknown> {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: issue.labels.map((name) => ({ name })),
    html_url: `https://github.com/${repository.fullName}/issues/${issue.number}`
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } }
}

function refusal(message: string, status = 422): Reply {
  return { status, body: { message, documentation_url: `${DOCS}/actions/secrets`, status: String(status) } }
}

/** Why a name cannot be a secret name, or undefined when it can. */
export function secretNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return (
      `Secret name '${name}' is invalid: names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) ` +
      'or underscores (_), and must not start with a number.'
    )
  }
  if (/^GITHUB_/i.test(name)) return `Secret name '${name}' is invalid: names must not start with the GITHUB_ prefix.`
  return undefined
}

/** Opens a sealed `encrypted_value` with the scope's key pair, the way GitHub accepts or refuses it. */
function openSealed(
  scope: ScopeState,
  encryptedValue: string,
  keyId: string
): { value: string; problem?: undefined } | { problem: string } {
  // The value itself is never echoed: if a client sent plaintext by mistake, it must not bounce back into logs.
  if (!ENCRYPTED_VALUE_PATTERN.test(encryptedValue)) {
    return {
      problem: "Invalid request.\n\nFor 'properties/encrypted_value', the value is not standard base64 with padding."
    }
  }
  if (keyId !== scope.keyId)
    return { problem: `Invalid request.\n\nkey_id ${keyId} is not the current key of this scope.` }
  let opened: Uint8Array
  try {
    const sealed = sodium.from_base64(encryptedValue, sodium.base64_variants.ORIGINAL)
    opened = sodium.crypto_box_seal_open(sealed, scope.publicKey, scope.privateKey)
  } catch {
    return {
      problem: 'Invalid request.\n\nencrypted_value could not be decrypted with the public key identified by key_id.'
    }
  }
  if (opened.length > MAX_SECRET_BYTES) return { problem: 'Invalid request.\n\nSecret values are limited to 48 KB.' }
  return { value: Buffer.from(opened).toString('utf8') }
}

function bearerToken(exchange: Exchange): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(exchange.header('authorization') ?? '')
  return match?.[1]
}

function send(exchange: Exchange, reply: Reply): Promise<void> {
  return exchange.respondCustom({ ...reply, headers: { 'x-github-request-id': requestId(), ...reply.headers } })
}

function requestId(): string {
  return `SIM0:${randomDigits(6)}:${randomDigits(7)}`
}

function unicornPage(status: number): string {
  return `<!DOCTYPE html>\n<html><head><title>${status} · GitHub</title></head><body><h1>${status}</h1><p>No server is currently available to service your request.</p></body></html>\n`
}
