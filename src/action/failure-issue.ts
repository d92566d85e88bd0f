/**
 * The opt-in failure issue (`failure-issue: true`): a run that fails, on its inputs or later, opens
 * an issue in the workflow's repository that names the cause and the fix, or comments on the one
 * already open (never a second one); the next rotation that succeeds closes it. A failing
 * keep-alive schedule otherwise emails only the person who last edited it, and is easy to miss
 * until the Box token has expired. A dry run never closes it: it never calls Box, so it says
 * nothing about the chain's health.
 *
 * The issue is the one that carries the label `box-token-refresh`, never one found by its title:
 * anyone can open an issue in a public repository, but only people with triage access can label
 * one, so a thread whose body an outsider wrote is never commented on or closed. (Which user the
 * issue token is cannot be asked: an installation token such as `github.token` cannot read
 * `GET /user`.)
 *
 * It runs last, after everything the run must report, and never fails the run: a problem with the
 * issue itself is a warning.
 */
import type { ChainFacts } from './chain.js'
import { REFRESH_TOKEN_LIFETIME_DAYS } from '../box/refresh-grant.js'
import { createGitHubClient, failureStatus, type GitHubClient } from '../github/client.js'
import { ACTION_TERMS } from '../github/messages.js'
import type { RepositoryRef } from '../github/targets.js'
import type { FailureIssueTarget } from './inputs.js'
import type { ActionIO } from './io.js'
import { errorMessage } from '../error-text.js'
import type { Redactor } from '../redact.js'
import { retryContext, type RetryPolicy, type Timing } from '../retry.js'
import { fence } from './report.js'
import { repositoryPath } from '../github/targets.js'
import { formatUtc } from '../time.js'

/** What the run has to tell the issue. */
export interface RunOutcome {
  /** Every error the run reported, already cleaned; none for a run that succeeded. */
  failures: string[]
  chain?: ChainFacts
  /** False for a dry run: a success that did not call Box closes nothing. */
  closeOnSuccess: boolean
}

/** A few quick tries at most: the issue is a courtesy and must not hold up the step. */
const ISSUE_RETRY_BUDGET_MS = 10_000
const ISSUE_REQUEST_TIMEOUT_MS = 10_000

/** The failure issue, after everything else: opened or updated on failure, closed on a rotation that succeeded. */
export async function fileFailureIssue(
  io: ActionIO,
  target: FailureIssueTarget,
  outcome: RunOutcome,
  deps: {
    env: NodeJS.ProcessEnv
    timing: Timing
    backoff?: RetryPolicy
    cancel?: AbortSignal
    githubFetch?: typeof fetch
  },
  redactor: Redactor
): Promise<void> {
  if (outcome.failures.length === 0 && !outcome.closeOnSuccess) return
  const { repository } = target
  const client = createGitHubClient(target.token, {
    baseUrl: target.githubApiUrl,
    retry: retryContext(deps.timing, ISSUE_RETRY_BUDGET_MS, { policy: deps.backoff, cancel: deps.cancel }),
    requestTimeoutMs: ISSUE_REQUEST_TIMEOUT_MS,
    redactor,
    terms: ACTION_TERMS,
    fetch: deps.githubFetch
  })
  const server = deps.env.GITHUB_SERVER_URL
  const runUrl =
    server && /^https?:\/\/[^\s/]+$/.test(server) && target.runId !== undefined
      ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${target.runId}`
      : undefined
  const where = `${repository.owner}/${repository.repo}`
  const result = await reportToIssue(client, outcome, {
    repository,
    runUrl,
    refreshTokenExpiresAt: outcome.chain?.refreshTokenExpiresAt,
    now: new Date(deps.timing.now())
  })
  switch (result.kind) {
    case 'none':
      return
    case 'disabled':
      return io.warning(
        `The failure issue could not be opened: issues are turned off in ${where} (GitHub answered 410). ` +
          'Turn them on (Settings → General → Features → Issues), or remove `failure-issue`.'
      )
    case 'problem':
      return io.warning(
        `The failure issue could not be updated (\`failure-issue\`): ${result.message}` +
          (result.status === 403 || result.status === 404 ? ' Give the job `permissions: issues: write`.' : '')
      )
    case 'opened-unlabelled':
      return io.warning(
        `Opened the failure issue #${result.number} in ${where}, but GitHub did not give it the label ` +
          `\`${FAILURE_ISSUE_LABEL}\` (\`issue-token\` may not set labels). Later runs know the issue by that ` +
          `label only: add it to #${result.number}, or they open another.`
      )
    default: {
      const verb = { opened: 'Opened', commented: 'Commented on', closed: 'Closed' }[result.kind]
      io.info(`${verb} the failure issue #${result.number} in ${where}.`)
    }
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
  | { kind: 'opened' | 'opened-unlabelled' | 'commented' | 'closed'; number: number }
  | { kind: 'none' | 'disabled' }
  | { kind: 'problem'; message: string; status?: number }

async function reportToIssue(
  client: GitHubClient,
  outcome: Pick<RunOutcome, 'failures' | 'closeOnSuccess'>,
  context: FailureIssueContext
): Promise<IssueOutcome> {
  const base = `${repositoryPath(context.repository)}/issues`
  try {
    const open = await findOpenIssue(client, base)
    if (outcome.failures.length === 0) {
      if (open === undefined || !outcome.closeOnSuccess) return { kind: 'none' }
      await client.request('POST', `${base}/${open}/comments`, {
        body:
          `A run succeeded${context.runUrl ? ` (${context.runUrl})` : ''}: the token chain is healthy again. ` +
          `Closing.`
      })
      await client.request('PATCH', `${base}/${open}`, { state: 'closed' })
      return { kind: 'closed', number: open }
    }
    const body = failureBody(outcome.failures, context)
    if (open !== undefined) {
      await client.request('POST', `${base}/${open}/comments`, { body })
      return { kind: 'commented', number: open }
    }
    const created = await client.request('POST', base, {
      title: FAILURE_ISSUE_TITLE,
      body,
      labels: [FAILURE_ISSUE_LABEL]
    })
    const issue = created.data as { number?: unknown } | null
    const number = Number.isSafeInteger(issue?.number) ? (issue!.number as number) : 0
    // GitHub drops the labels of a new issue, silently, when the token may not set them.
    return { kind: hasLabel(issue) ? 'opened' : 'opened-unlabelled', number }
  } catch (error) {
    const status = failureStatus(error)
    // GitHub's answer when the repository has issues turned off; no permission would change it.
    if (status === 410) return { kind: 'disabled' }
    return { kind: 'problem', message: errorMessage(error), status }
  }
}

/**
 * The open failure issue, if there is one: the newest open issue that carries the label (only
 * people with triage access can label an issue) and the title; never one found by its title alone.
 */
async function findOpenIssue(client: GitHubClient, base: string): Promise<number | undefined> {
  const { data } = await client.request('GET', `${base}?state=open&labels=${FAILURE_ISSUE_LABEL}&per_page=100`)
  if (!Array.isArray(data)) return undefined
  for (const issue of data as Array<{ number?: unknown; title?: unknown; pull_request?: unknown } | null>) {
    if (
      issue?.title === FAILURE_ISSUE_TITLE &&
      issue.pull_request === undefined &&
      hasLabel(issue) &&
      Number.isSafeInteger(issue.number)
    )
      return issue.number as number
  }
  return undefined
}

/** Whether an issue as GitHub shows it carries the label (checked here too, not only by the query). */
function hasLabel(issue: unknown): boolean {
  const labels = (issue as { labels?: unknown } | null)?.labels
  return (
    Array.isArray(labels) &&
    labels.some(
      (label) => (label as { name?: unknown } | null)?.name === FAILURE_ISSUE_LABEL || label === FAILURE_ISSUE_LABEL
    )
  )
}

function failureBody(failures: string[], context: FailureIssueContext): string {
  const run = context.runUrl ? `[a run of this workflow](${context.runUrl})` : 'a run of this workflow'
  const expiry = context.refreshTokenExpiresAt
    ? `Until a run succeeds, the Box refresh token in the secret is not rotated: it expires on ` +
      `**${formatUtc(context.refreshTokenExpiresAt)}**, ` +
      'and after that someone must authorize the Box app again.'
    : `Until a run succeeds, the Box refresh token in the secret is not rotated, and it expires ` +
      `${REFRESH_TOKEN_LIFETIME_DAYS} days after its last rotation.`
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
