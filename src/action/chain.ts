/**
 * The token chain, as far as a run finds out: one record of its facts (when the secret was last
 * rotated, when this run was queued, when the refresh token expires unless used, when the GitHub
 * token that keeps it rotating expires, the workflow's next scheduled run), built once, after the
 * checks, and what those facts call for: the warnings a healthy run can still deserve (an old
 * secret, a stale token, a GitHub token near its end) and the summary's lines.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { REFRESH_TOKEN_LIFETIME_DAYS } from '../box/refresh-grant.js'
import type { Terms } from '../github/client.js'
import { DAY_MS, daysBetween, formatUtc } from '../time.js'

/** Warn well before the 60 days so a weekly schedule that stopped running is noticed in time. */
const ROTATION_WARNING_DAYS = 45
/** Warn this long before the GitHub token expires: time to make a new one and store it. */
const GITHUB_TOKEN_WARNING_DAYS = 30

export interface ChainFacts {
  /** When these facts were gathered. */
  asOf: Date
  /** The secret the refresh token came from, e.g. "repository secret BOX_REFRESH_TOKEN of octo/app". */
  secretLabel?: string
  /** When the secret was written before this run: the last rotation. */
  secretLastRotatedAt?: Date
  /** When this run (attempt) was queued, which is when GitHub read its repository and organization secrets. */
  runQueuedAt?: Date
  /** After Box refused the token: when the secret was written again since this run checked it, if it was. */
  rotatedMeanwhileAt?: Date
  /** When the refresh token in the secret expires unless used: after this run's rotation, or the previous one. */
  refreshTokenExpiresAt?: Date
  /** From GitHub's `GitHub-Authentication-Token-Expiration` header; undefined when GitHub did not say. */
  githubTokenExpiresAt?: Date
  /** This workflow's next scheduled run, when this run is a scheduled one and the warning needs it. */
  nextScheduledRun?: Date
}

const iso = (date: Date | undefined): string =>
  date === undefined ? 'an unknown time' : formatUtc(date, { seconds: true })

export const CONCURRENCY_FIX =
  'Runs that share one refresh token must not overlap: put every job that rotates it (every job that passes ' +
  '`refresh-token`) in one `concurrency:` group (e.g. `group: box-token`, `cancel-in-progress: false`).'

/** True when the secret was rotated after this run was queued: the run holds the previous token. */
export function holdsStaleToken(chain: ChainFacts): boolean {
  return (
    chain.secretLastRotatedAt !== undefined &&
    chain.runQueuedAt !== undefined &&
    chain.secretLastRotatedAt.getTime() > chain.runQueuedAt.getTime()
  )
}

export function staleTokenNote(chain: ChainFacts): string {
  return (
    `The ${chain.secretLabel} was rotated at ${iso(chain.secretLastRotatedAt)}, after this run was queued at ` +
    `${iso(chain.runQueuedAt)}, so this run was handed the previous refresh token, which another run has already ` +
    'used. The secret itself holds the current token: re-run the workflow (a new run reads the secret again). ' +
    `${CONCURRENCY_FIX} A run that waits in that group still holds the token it was given when it was queued; ` +
    'keeping the token in an environment secret, which is read when the job starts, avoids this ' +
    '(docs/concurrency.md: "One concurrency group").'
  )
}

/** "The … was last rotated N days ago (…)." when the secret's last rotation is known. */
export function ageNote(chain: ChainFacts): string | undefined {
  if (chain.secretLastRotatedAt === undefined) return undefined
  const days = daysBetween(chain.secretLastRotatedAt, chain.asOf)
  return (
    `The ${chain.secretLabel} was last rotated ${days} day${days === 1 ? '' : 's'} ago ` +
    `(${iso(chain.secretLastRotatedAt)}).`
  )
}

/** Days since the last rotation, with a fraction; undefined when unknown. */
export function secretAgeDays(chain: ChainFacts): number | undefined {
  return chain.secretLastRotatedAt && (chain.asOf.getTime() - chain.secretLastRotatedAt.getTime()) / DAY_MS
}

/** A warning for a secret that is near the end of Box's 60-day window, or undefined. */
export function rotationWarning(chain: ChainFacts): string | undefined {
  const days = secretAgeDays(chain)
  if (days === undefined || days <= ROTATION_WARNING_DAYS) return undefined
  return (
    `${ageNote(chain)} Box refresh tokens expire after ${REFRESH_TOKEN_LIFETIME_DAYS} days, so the scheduled ` +
    "refresh that should keep it fresh is not running. Check that the keep-alive workflow's schedule is enabled " +
    '(GitHub disables schedules in public repositories after 60 days without activity).'
  )
}

/** Whether GitHub said the token expires within the warning's 30 days. */
export function githubTokenNearItsEnd(chain: ChainFacts): boolean {
  const expires = chain.githubTokenExpiresAt
  return expires !== undefined && expires.getTime() - chain.asOf.getTime() <= GITHUB_TOKEN_WARNING_DAYS * DAY_MS
}

/** A warning when the GitHub token expires within 30 days, with the next scheduled run if known; or undefined. */
export function githubTokenWarning(chain: ChainFacts, terms: Terms): string | undefined {
  const expires = chain.githubTokenExpiresAt
  if (expires === undefined || !githubTokenNearItsEnd(chain)) return undefined
  const days = Math.max(0, daysBetween(chain.asOf, expires))
  const lines = [
    `The GitHub token (${terms.token}) expires on ${formatUtc(expires)}, in ${days} day${days === 1 ? '' : 's'}. ` +
      `Create a new token and ${terms.replaceToken} before then: from that date every run stops before Box and ` +
      `rotates nothing.`
  ]
  const next = chain.nextScheduledRun
  if (next !== undefined && expires.getTime() < next.getTime()) {
    const breaks = chain.refreshTokenExpiresAt ? ` on ${formatUtc(chain.refreshTokenExpiresAt)}` : ''
    lines.push(
      `It expires before the next scheduled refresh (${formatUtc(next)}), so no later run can rotate the Box token: ` +
        `the token chain breaks${breaks}, when the refresh token this run stored expires, unless the GitHub token ` +
        `is replaced first.`
    )
  }
  return lines.join(' ')
}

/** The summary's lines about the chain, each only where it is known. */
export function outlookLines(chain: ChainFacts): string[] {
  const lines: string[] = []
  const { secretLastRotatedAt, refreshTokenExpiresAt, githubTokenExpiresAt, nextScheduledRun } = chain
  if (secretLastRotatedAt)
    lines.push(
      `Secret last rotated before this run: **${formatUtc(secretLastRotatedAt)}** ` +
        `(${daysBetween(secretLastRotatedAt, chain.asOf)} days ago)`
    )
  if (refreshTokenExpiresAt)
    lines.push(`Refresh token expires: **${formatUtc(refreshTokenExpiresAt)}** unless used again before then`)
  if (nextScheduledRun) lines.push(`Next scheduled refresh: **${formatUtc(nextScheduledRun)}**`)
  if (githubTokenExpiresAt) lines.push(`GitHub token expires: **${formatUtc(githubTokenExpiresAt)}**`)
  return lines
}

// ---- the next scheduled run ------------------------------------------------------------------------

/** One entry of `on.schedule`. */
interface ScheduleLine {
  cron: string
  timezone?: string
}

/** A workflow file is small; anything larger is not read. */
const MAX_WORKFLOW_BYTES = 512 * 1024

/**
 * When this workflow runs next on its schedule, if this run is itself a scheduled one.
 *
 * The event payload names only the cron line that started this run (`github.event.schedule`). The
 * schedule's other lines, and each line's `timezone:` (an IANA zone; UTC without one), are in the
 * workflow file alone: GITHUB_WORKFLOW_REF names it (`owner/repo/.github/workflows/x.yml@ref`),
 * and it is read from the workspace, where a checkout of the repository puts it. The next run is
 * the earliest next time of any line, each in its own zone. Without the file (no checkout), or
 * when the file does not hold the line that started this run (it is another version), the next
 * run is not known and nothing is said: the action does not guess a schedule. No request is made.
 */
export async function nextScheduledRun(env: NodeJS.ProcessEnv, after: Date): Promise<Date | undefined> {
  if (env.GITHUB_EVENT_NAME !== 'schedule' || !env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { schedule?: unknown } | null
    const started = payload?.schedule
    if (typeof started !== 'string' || started.length > 200) return undefined
    const lines = await workflowSchedule(env)
    if (lines === undefined || !lines.some((line) => sameCron(line.cron, started))) return undefined
    // Loaded only here: the rest of a run never needs it.
    const { Cron } = await import('croner')
    const next = lines
      .map((line) => new Cron(line.cron, { timezone: line.timezone ?? 'UTC', paused: true }).nextRun(after))
      .filter((date): date is Date => date instanceof Date)
      .map((date) => date.getTime())
    return next.length === 0 ? undefined : new Date(Math.min(...next))
  } catch {
    return undefined
  }
}

/** The `on.schedule` lines of this run's workflow file in the workspace, or undefined when it cannot be read. */
async function workflowSchedule(env: NodeJS.ProcessEnv): Promise<ScheduleLine[] | undefined> {
  const file = workflowFile(env)
  if (file === undefined) return undefined
  if ((await stat(file)).size > MAX_WORKFLOW_BYTES) return undefined
  const { parse } = await import('yaml')
  const workflow = parse(await readFile(file, 'utf8')) as { on?: { schedule?: unknown } } | null
  const schedule = workflow?.on?.schedule
  if (!Array.isArray(schedule)) return undefined
  const lines: ScheduleLine[] = []
  for (const entry of schedule as Array<{ cron?: unknown; timezone?: unknown } | null>) {
    if (typeof entry?.cron !== 'string') return undefined
    if (entry.timezone !== undefined && typeof entry.timezone !== 'string') return undefined
    lines.push({ cron: entry.cron, timezone: entry.timezone })
  }
  return lines
}

/** The workflow file's path in the workspace, from GITHUB_WORKFLOW_REF; only under .github/workflows. */
function workflowFile(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_WORKFLOW_REF: ref, GITHUB_REPOSITORY: repository, GITHUB_WORKSPACE: workspace } = env
  if (!ref || !repository || !workspace) return undefined
  const at = ref.lastIndexOf('@')
  const full = at < 0 ? ref : ref.slice(0, at)
  const prefix = `${repository}/`
  if (full.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return undefined
  const relative = full.slice(prefix.length)
  if (!/^\.github\/workflows\/[^/\\]+\.ya?ml$/.test(relative)) return undefined
  return path.join(workspace, relative)
}

/** Cron lines compare by their fields, whatever the spacing between them. */
function sameCron(a: string, b: string): boolean {
  const fields = (cron: string): string => cron.trim().split(/\s+/).join(' ')
  return fields(a) === fields(b)
}
