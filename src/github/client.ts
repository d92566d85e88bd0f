/**
 * The GitHub REST client: @actions/github's Octokit, sending through proxy.ts (the runner's proxy
 * settings, as @actions/github keeps them), with a time limit per request, the shared retry policy,
 * and GitHub's failures turned into messages that say which token or permission to fix.
 *
 * It is also the trust boundary for everything GitHub (or a proxy in front of it) sends: requests
 * carry the token, so no redirect is followed; a failure is turned into a `GitHubRequestError`
 * whose every field is validated or cleaned; a successful answer's body is handed on as `unknown`,
 * for the caller to validate against the shape it expects.
 */
import { proxyAwareFetch } from '../proxy.js'
import type { Redactor } from '../redact.js'
import {
  causeChain,
  isCancellation,
  parseRetryAfter,
  withRetry,
  withTimeLimit,
  type RetryContext,
  type RetryEvent,
  type Verdict
} from '../retry.js'

/**
 * How the person using the client names the settings a message may tell them to change: the
 * action's inputs, or the login command's flags. Messages are the same otherwise.
 */
export interface Terms {
  token: string
  retryTimeout: string
  targetNames: string
  apiUrl: string
  /** What to do with a new token once it is created. */
  replaceToken: string
}

export interface GitHubResponse {
  status: number
  /** As GitHub sent it: validate before use. */
  data: unknown
  headers: Record<string, string | number | undefined>
}

export interface GitHubClient {
  /** The API base, e.g. https://api.github.com or https://ghes.example.com/api/v3. */
  readonly baseUrl: string
  /** How this client's user names the token and the other settings, for messages. */
  readonly terms: Terms
  /**
   * When the token expires, as GitHub last said in its `GitHub-Authentication-Token-Expiration`
   * header (expiring personal access tokens only); undefined when it never said.
   */
  tokenExpiresAt(): Date | undefined
  /**
   * The same client for the writes that Box's answer made necessary: each is tried even after the
   * run was cancelled (cancellation still stops its retries), and an attempt in flight is given up
   * only when `lastCall` aborts, which comes before the runner's kill.
   */
  forWriteBack(lastCall?: AbortSignal): GitHubClient
  /**
   * `path` is relative to the API base, already URL-encoded. `once` skips retries, for reads that
   * only add detail and must not hold up the run.
   */
  request(
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    path: string,
    body?: Record<string, unknown>,
    options?: { once?: boolean }
  ): Promise<GitHubResponse>
}

export interface GitHubClientOptions {
  baseUrl: string
  retry: Omit<RetryContext, 'onRetry'>
  requestTimeoutMs: number
  /** Knows the token and every other credential a GitHub error page might echo. */
  redactor: Redactor
  /** How the person using the client names its settings (github-messages.ts). */
  terms: Terms
  /** The entry's (proxy.ts, watched for the first request) or a test's; by default proxy.ts's. */
  fetch?: typeof fetch
  onRetry?: (event: RetryEvent & { method: string; path: string }) => void
}

/** A failed GitHub request, every field of it validated or cleaned; safe to quote. */
export class GitHubRequestError extends Error {
  constructor(
    message: string,
    readonly failure: {
      /** False when GitHub never answered (connection failed, time limit). */
      answered: boolean
      status?: number
      /** GitHub's own `message` field, cleaned; never a raw body. */
      githubMessage: string
      retryAfterMs?: number
      rateLimitExhausted: boolean
      rateLimitResetMs?: number
      acceptedPermissions?: string
      /** Origin of a redirect that was not followed. */
      redirectedTo?: string
    }
  ) {
    super(message)
    this.name = 'GitHubRequestError'
  }
}

/** The shape of Octokit's RequestError that this module reads. */
interface OctokitFailure {
  status?: number
  message?: unknown
  response?: { headers?: Record<string, unknown>; data?: unknown }
}

// Octokit logs deprecation notices with server-sent text straight to the console; nothing of it is needed.
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

export function createGitHubClient(token: string, options: GitHubClientOptions): GitHubClient {
  // @actions/github's getOctokit, the toolkit's client (its user agent names the runner's
  // orchestration ID), loaded here, once the inputs are valid, not at start-up: its module brings
  // the toolkit's HTTP stack, which a run refused on its inputs must not load. Requests go through
  // `fetch` (proxy.ts's, or a test's), with the time limits and the no-redirect rule below.
  const octokit = import('@actions/github').then(({ getOctokit }) =>
    getOctokit(token, {
      baseUrl: options.baseUrl,
      log: silent,
      request: { fetch: options.fetch ?? proxyAwareFetch() }
    })
  )
  octokit.catch(() => undefined) // reported by the first request that awaits it
  const { redactor } = options
  let tokenExpiresAt: Date | undefined
  const noteExpiry = (headers: Record<string, unknown> | undefined): void => {
    tokenExpiresAt = parseTokenExpiration(headers?.['github-authentication-token-expiration']) ?? tokenExpiresAt
  }
  /** `abort` gives up a request in flight: the cancellation before Box, the last call after it. */
  const client = (retry: GitHubClientOptions['retry'], abort: AbortSignal | undefined): GitHubClient => ({
    baseUrl: options.baseUrl,
    terms: options.terms,
    tokenExpiresAt: () => tokenExpiresAt,
    forWriteBack: (lastCall) => client({ ...retry, owed: true }, lastCall),
    async request(method, path, body, { once = false } = {}) {
      const octokitClient = await octokit
      const attempt = async (): Promise<GitHubResponse> => {
        let response: { status: number; data: unknown; headers: Record<string, string | number | undefined> }
        try {
          response = await withTimeLimit(options.requestTimeoutMs, abort, (signal) =>
            octokitClient.request({
              method,
              url: path,
              ...(body ? { data: body } : {}),
              headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
              // The request carries the token: a redirect is reported, never followed.
              request: { signal, redirect: 'manual', log: silent }
            })
          )
        } catch (error) {
          if (isCancellation(error)) throw error
          noteExpiry((error as OctokitFailure | undefined)?.response?.headers)
          throw requestError(error, options.retry.timing.now(), redactor)
        }
        noteExpiry(response.headers)
        if (response.status >= 300 && response.status < 400)
          throw redirectError(response.status, response.headers.location, options.baseUrl, redactor)
        return { status: response.status, data: response.data, headers: response.headers }
      }
      return withRetry(attempt, (error) => (once ? { retry: false } : classifyGitHubFailure(error)), {
        ...retry,
        onRetry: options.onRetry && ((event) => options.onRetry?.({ ...event, method, path }))
      })
    }
  })
  return client(options.retry, options.retry.cancel)
}

/**
 * `2026-12-24 09:00:00 UTC` (GitHub's form; an offset such as `+0100` instead of UTC is accepted too),
 * or undefined for anything else.
 */
export function parseTokenExpiration(value: unknown): Date | undefined {
  const match =
    typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (UTC|[+-]\d{4})$/.exec(value.trim()) : null
  if (match === null) return undefined
  const offset = match[3] === 'UTC' ? 'Z' : `${match[3]!.slice(0, 3)}:${match[3]!.slice(3)}`
  const date = new Date(`${match[1]}T${match[2]}${offset}`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** `gh` names GitHub Enterprise by its web host; github.com needs no flag. */
export function ghHostname(githubApiUrl: string): string | undefined {
  const url = new URL(githubApiUrl)
  if (url.hostname === 'api.github.com') return undefined
  return url.hostname.replace(/^api\.(?=[^.]+\.ghe\.com$)/, '')
}

function requestError(error: unknown, now: number, redactor: Redactor): GitHubRequestError {
  const failure = error as OctokitFailure | undefined
  const response = failure?.response
  if (response === undefined) {
    const timedOut = causeChain(error).find((e) => (e as { name?: unknown }).name === 'TimeoutError') as
      Error | undefined
    const detail = timedOut ? timedOut.message : redactor.serverText(failure?.message, 200) || 'unknown error'
    return new GitHubRequestError(`connection to GitHub failed (${detail})`, {
      answered: false,
      githubMessage: '',
      rateLimitExhausted: false
    })
  }
  const header = (name: string): string | undefined => {
    const value = response.headers?.[name]
    return value === undefined ? undefined : String(value)
  }
  const data = response.data
  const githubMessage =
    data !== null && typeof data === 'object' && 'message' in data
      ? redactor.serverText((data as { message: unknown }).message)
      : ''
  const reset = Number(header('x-ratelimit-reset'))
  const accepted = header('x-accepted-github-permissions')
  const status = typeof failure?.status === 'number' && Number.isInteger(failure.status) ? failure.status : undefined
  return new GitHubRequestError(
    `GitHub answered ${status ?? 'with an unknown status'}${githubMessage ? ` (${githubMessage})` : ''}`,
    {
      answered: true,
      status,
      githubMessage,
      retryAfterMs: parseRetryAfter(header('retry-after'), now),
      rateLimitExhausted: header('x-ratelimit-remaining') === '0',
      rateLimitResetMs: Number.isSafeInteger(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined,
      acceptedPermissions:
        accepted === undefined
          ? undefined
          : /^[a-z_]+=[a-z]+(?:[,;] ?[a-z_]+=[a-z]+)*$/.test(accepted)
            ? accepted
            : redactor.serverText(accepted, 120)
    }
  )
}

function redirectError(status: number, location: unknown, baseUrl: string, redactor: Redactor): GitHubRequestError {
  const redirectedTo = redactor.locationOrigin(location, baseUrl)
  return new GitHubRequestError(`GitHub answered ${status}, a redirect to ${redirectedTo}`, {
    answered: true,
    status,
    githubMessage: '',
    rateLimitExhausted: false,
    redirectedTo
  })
}

/**
 * Retry 5xx, 429, secondary rate limits (403 with retry-after), an exhausted primary limit (wait
 * for its reset, which is usually longer than the budget, and then the retry loop gives up) and
 * connection failures. 3xx, 401/403/404/422 are answers no retry can change.
 */
export function classifyGitHubFailure(error: unknown): Verdict {
  if (!(error instanceof GitHubRequestError)) return { retry: false }
  const { answered, status, retryAfterMs, rateLimitExhausted, rateLimitResetMs } = error.failure
  if (!answered) return { retry: true, reason: error.message }
  if (status === 429 || (status === 403 && retryAfterMs !== undefined)) {
    return { retry: true, reason: `GitHub rate limit (${status})`, afterMs: retryAfterMs ?? rateLimitResetMs }
  }
  if (status === 403 && rateLimitExhausted)
    return { retry: true, reason: 'GitHub API rate limit exhausted', afterMs: rateLimitResetMs ?? 60_000 }
  if (status !== undefined && status >= 500) return { retry: true, reason: `GitHub answered ${status}` }
  return { retry: false }
}

export function failureStatus(error: unknown): number | undefined {
  return error instanceof GitHubRequestError ? error.failure.status : undefined
}
