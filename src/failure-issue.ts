/**
 * The opt-in failure issue (`failure-issue: true`): a rotation that fails opens an issue in the
 * workflow's repository that names the cause and the fix, or comments on the one already open (never
 * a second one); the next run that succeeds closes it. A failing keep-alive schedule otherwise
 * emails only the person who last edited it, and is easy to miss until the Box token has expired.
 *
 * It runs last, after everything the run must report, and never fails the run: a problem with the
 * issue itself is a warning.
 */
import type { ChainOutlook } from './chain-outlook.js'
import { REFRESH_TOKEN_LIFETIME_DAYS } from './diagnostics.js'
import { createGitHubClient, type GitHubClient } from './github.js'
import { ACTION_TERMS } from './github-messages.js'
import type { Config, RepositoryRef } from './inputs.js'
import type { ActionIO } from './io.js'
import type { Redactor } from './redact.js'
import { defaultRetryPolicy, RetryBudget, type RetryPolicy, type Timing } from './retry.js'
import { fence } from './report.js'
import { pathSegment } from './targets.js'
import { formatUtc } from './time.js'

/** The failure issue, after everything else: opened or updated on failure, closed on success. */
export async function fileFailureIssue(
  io: ActionIO,
  config: Config,
  failures: string[],
  outlook: ChainOutlook | undefined,
  deps: {
    env: NodeJS.ProcessEnv
    timing: Timing
    backoff?: RetryPolicy
    cancel?: AbortSignal
    githubFetch?: typeof fetch
  },
  redactor: Redactor
): Promise<void> {
  const env = deps.env
  const repository = config.run?.repository ?? {
    owner: env.GITHUB_REPOSITORY?.split('/')[0] ?? '',
    repo: env.GITHUB_REPOSITORY?.split('/')[1] ?? ''
  }
  const client = createGitHubClient(config.issueToken, {
    baseUrl: config.githubApiUrl,
    // A few quick tries at most: the issue is a courtesy and must not hold up the step.
    retry: {
      policy: deps.backoff ?? defaultRetryPolicy,
      budget: new RetryBudget(10_000, deps.timing.now),
      timing: deps.timing,
      cancel: deps.cancel
    },
    requestTimeoutMs: Math.min(config.requestTimeoutMs, 10_000),
    redactor,
    terms: ACTION_TERMS,
    fetch: deps.githubFetch
  })
  const server =
    env.GITHUB_SERVER_URL && /^https?:\/\/[^\s/]+$/.test(env.GITHUB_SERVER_URL) ? env.GITHUB_SERVER_URL : undefined
  const runUrl =
    server && config.run ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${config.run.id}` : undefined
  const outcome = await reportToIssue(client, failures, {
    repository,
    runUrl,
    refreshTokenExpiresAt: outlook?.refreshTokenExpiresAt,
    now: new Date(deps.timing.now())
  })
  if (outcome.kind === 'problem')
    io.warning(
      `The failure issue could not be updated (\`failure-issue\`): ${outcome.message} Give the job \`permissions: issues: write\`.`
    )
  else if (outcome.kind !== 'none') {
    const verb = { opened: 'Opened', commented: 'Commented on', closed: 'Closed' }[outcome.kind]
    io.info(`${verb} the failure issue #${outcome.number} in ${repository.owner}/${repository.repo}.`)
  }
}

export const FAILURE_ISSUE_TITLE = 'Box token refresh is failing'
export const FAILURE_ISSUE_LABEL = 'box-token-refresh'
/** GitHub refuses issue bodies over 65,536 characters; the messages are capped well below. */
const MAX_BODY = 60_000

interface FailureIssueContext {
  repository: RepositoryRef
  /** Link to the run, for the person who reads the issue. */
  runUrl?: string
  /** When the refresh token in the secret expires unless a run rotates it. */
  refreshTokenExpiresAt?: Date
  now: Date
}

/** What happened to the issue, for the log; a problem comes back as a warning, never thrown. */
type IssueOutcome =
  { kind: 'opened' | 'commented' | 'closed'; number: number } | { kind: 'none' } | { kind: 'problem'; message: string }

async function reportToIssue(
  client: GitHubClient,
  failures: string[],
  context: FailureIssueContext
): Promise<IssueOutcome> {
  const base = `/repos/${pathSegment(context.repository.owner)}/${pathSegment(context.repository.repo)}/issues`
  try {
    const open = await findOpenIssue(client, base)
    if (failures.length === 0) {
      if (open === undefined) return { kind: 'none' }
      await client.request('POST', `${base}/${open}/comments`, {
        body: `A run succeeded${context.runUrl ? ` (${context.runUrl})` : ''}: the token chain is healthy again. Closing.`
      })
      await client.request('PATCH', `${base}/${open}`, { state: 'closed' })
      return { kind: 'closed', number: open }
    }
    const body = failureBody(failures, context)
    if (open !== undefined) {
      await client.request('POST', `${base}/${open}/comments`, { body })
      return { kind: 'commented', number: open }
    }
    const created = await client.request('POST', base, {
      title: FAILURE_ISSUE_TITLE,
      body,
      labels: [FAILURE_ISSUE_LABEL]
    })
    const number = (created.data as { number?: unknown } | null)?.number
    return { kind: 'opened', number: Number.isSafeInteger(number) ? (number as number) : 0 }
  } catch (error) {
    return { kind: 'problem', message: (error as Error).message }
  }
}

/**
 * The open failure issue, if there is one: first by its label, then (a token without push access
 * cannot set labels, and GitHub drops them silently) by its exact title among the newest open issues.
 */
async function findOpenIssue(client: GitHubClient, base: string): Promise<number | undefined> {
  for (const query of [`state=open&labels=${FAILURE_ISSUE_LABEL}&per_page=100`, 'state=open&per_page=100']) {
    const { data } = await client.request('GET', `${base}?${query}`)
    if (!Array.isArray(data)) continue
    for (const issue of data as Array<{ number?: unknown; title?: unknown; pull_request?: unknown }>) {
      if (
        issue?.title === FAILURE_ISSUE_TITLE &&
        issue.pull_request === undefined &&
        Number.isSafeInteger(issue.number)
      )
        return issue.number as number
    }
  }
  return undefined
}

function failureBody(failures: string[], context: FailureIssueContext): string {
  const run = context.runUrl ? `[a run of this workflow](${context.runUrl})` : 'a run of this workflow'
  const expiry = context.refreshTokenExpiresAt
    ? `Until a run succeeds, the Box refresh token in the secret is not rotated: it expires on **${formatUtc(context.refreshTokenExpiresAt)}**, ` +
      'and after that someone must authorize the Box app again.'
    : `Until a run succeeds, the Box refresh token in the secret is not rotated, and it expires ${REFRESH_TOKEN_LIFETIME_DAYS} days after its last rotation.`
  const messages = failures.join('\n\n').slice(0, MAX_BODY)
  return [
    `The Box token refresh failed in ${run} on ${formatUtc(context.now)}. What failed, and what to do about it:`,
    '',
    fence(messages),
    '',
    expiry,
    '',
    'Each failing run adds a comment here; the next run that succeeds closes this issue.'
  ].join('\n')
}
