/**
 * The GitHub REST client: @actions/github's Octokit (which keeps the runner's proxy settings),
 * with a per-request timeout and the shared retry policy, and GitHub's failures turned into
 * messages that say which token or permission to fix.
 */
import { parseRetryAfter, withRetry, type RetryEvent, type RetryPolicy, type Timing, type Verdict } from './retry.js'

export interface GitHubResponse<T> {
  status: number
  data: T
  headers: Record<string, string | number | undefined>
}

export interface GitHubClient {
  /**
   * `path` is relative to the API base, already URL-encoded. `once` skips retries, for reads that
   * only add detail and must not hold up the run.
   */
  request<T>(method: 'GET' | 'PUT', path: string, body?: Record<string, unknown>, options?: { once?: boolean }): Promise<GitHubResponse<T>>
}

export interface GitHubClientOptions {
  baseUrl: string
  timing: Timing
  policy: RetryPolicy
  requestTimeoutMs: number
  /** Only tests pass one; in a run the toolkit's proxy-aware fetch is kept. */
  fetch?: typeof fetch
  onRetry?: (event: RetryEvent & { method: string; path: string }) => void
}

/** The shape of Octokit's RequestError that this module relies on. */
interface HttpFailure {
  status?: number
  message: string
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

export function createGitHubClient(token: string, options: GitHubClientOptions): GitHubClient {
  // Evaluated here, once the inputs are valid, not at start-up: a run that stops at validation
  // never pays for Octokit (about 10 ms). "eager" keeps it in the main bundle rather than a chunk
  // of its own, so no file is read here and the requests leave before libsodium's chunk loads.
  const octokit = import(/* webpackMode: "eager" */ '@actions/github').then(({ getOctokit }) =>
    getOctokit(token, { baseUrl: options.baseUrl, ...(options.fetch ? { request: { fetch: options.fetch } } : {}) })
  )
  octokit.catch(() => undefined) // reported by the first request that awaits it
  return {
    async request<T>(method: 'GET' | 'PUT', path: string, body?: Record<string, unknown>, { once = false } = {}): Promise<GitHubResponse<T>> {
      const client = await octokit
      const response = await withRetry(
        () =>
          client.request({
            method,
            url: path,
            ...(body ? { data: body } : {}),
            headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
            request: { signal: AbortSignal.timeout(options.requestTimeoutMs) }
          }),
        (error) => (once ? { retry: false } : classifyGitHubFailure(error, options.timing.now())),
        options.policy,
        options.timing,
        options.onRetry && ((event) => options.onRetry?.({ ...event, method, path }))
      )
      return { status: response.status, data: response.data as T, headers: response.headers }
    }
  }
}

export function failureStatus(error: unknown): number | undefined {
  const status = (error as HttpFailure | undefined)?.status
  return typeof status === 'number' ? status : undefined
}

function header(error: unknown, name: string): string | undefined {
  const value = (error as HttpFailure | undefined)?.response?.headers?.[name]
  return value === undefined ? undefined : String(value)
}

/** True when GitHub answered at all; Octokit reports a failed connection as status 500 without a response. */
function answered(error: unknown): boolean {
  return (error as HttpFailure | undefined)?.response !== undefined
}

/**
 * Retry 5xx, 429, secondary rate limits (403 with retry-after), an exhausted primary limit (wait
 * for its reset, which is usually longer than the budget, and then the retry loop gives up) and
 * connection failures. 401/403/404/422 are answers no retry can change.
 */
export function classifyGitHubFailure(error: unknown, now: number): Verdict {
  const status = failureStatus(error)
  if (!answered(error)) return { retry: true, reason: `connection to GitHub failed (${(error as Error)?.message ?? 'unknown error'})` }
  const retryAfterMs = parseRetryAfter(header(error, 'retry-after'), now)
  if (status === 429 || (status === 403 && retryAfterMs !== undefined)) {
    return { retry: true, reason: `GitHub rate limit (${status})`, afterMs: retryAfterMs ?? resetDelay(error, now) }
  }
  if (status === 403 && header(error, 'x-ratelimit-remaining') === '0') {
    return { retry: true, reason: 'GitHub API rate limit exhausted', afterMs: resetDelay(error, now) ?? 60_000 }
  }
  if (status !== undefined && status >= 500) return { retry: true, reason: `GitHub answered ${status}` }
  return { retry: false }
}

function resetDelay(error: unknown, now: number): number | undefined {
  const reset = Number(header(error, 'x-ratelimit-reset'))
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined
}

/**
 * A message that says what failed and what to do. `what` names the operation ("reading the
 * public key of the repository secrets of octo/repo"); `permission` says which permission the
 * operation needs for each kind of token.
 */
export function describeGitHubFailure(error: unknown, what: string, permission: string): string {
  const status = failureStatus(error)
  const githubSaid = githubMessage(error)
  if (!answered(error)) return `GitHub could not be reached while ${what}: ${(error as Error)?.message ?? String(error)}. Check the runner's network and GITHUB_API_URL.`
  if (status === 401) {
    return `GitHub rejected \`github-token\` while ${what} (401 ${githubSaid || 'Bad credentials'}): the token is expired, revoked or mistyped. Create a new one and update the secret that feeds \`github-token\`.`
  }
  if (status === 403 && /not accessible by integration/i.test(githubSaid)) {
    return (
      `GitHub refused ${what} (403 Resource not accessible by integration). \`github-token\` is probably the workflow's GITHUB_TOKEN, ` +
      `which can never read or write secrets, or a GitHub App token without that permission. Use one of: a fine-grained personal access token ` +
      `with ${permission}; a classic personal access token with the scope named there; or a GitHub App installation token with that permission ` +
      `(actions/create-github-app-token with \`permission-secrets: write\`).`
    )
  }
  if (status === 403 || status === 429) {
    const accepted = header(error, 'x-accepted-github-permissions')
    if (/rate limit/i.test(githubSaid) || header(error, 'x-ratelimit-remaining') === '0') {
      return `GitHub kept rate limiting ${what} (${status} ${githubSaid}) until the retry time ran out. Wait for the limit to reset, or raise \`retry-timeout-seconds\`.`
    }
    return (
      `GitHub refused ${what} (${status} ${githubSaid}): \`github-token\` lacks the permission. It needs ${permission}.` +
      (accepted ? ` GitHub says the request needs: ${accepted}.` : '')
    )
  }
  if (status === 404) {
    return `GitHub found nothing while ${what} (404). Check the names in \`repository\`, \`environment\` and \`organization\`; a 404 also means \`github-token\` cannot see it (a fine-grained token must be granted this repository or organization).`
  }
  if (status === 422) return `GitHub rejected ${what} (422 ${githubSaid}).`
  if (status !== undefined && status >= 500) return `GitHub kept failing while ${what} (last answer ${status}) until the retry time ran out.`
  return `GitHub answered ${status} while ${what}${githubSaid ? `: ${githubSaid}` : ''}.`
}

/** GitHub's own `message` field; never a raw body, which for 5xx can be a whole HTML page. */
function githubMessage(error: unknown): string {
  const data = (error as HttpFailure | undefined)?.response?.data
  if (data !== null && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message
  }
  return ''
}
