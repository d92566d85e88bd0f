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
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

/** One entry of `on.schedule`. */
interface ScheduleLine {
  cron: string
  timezone?: string
}

/** A workflow file is small; anything larger is not read. */
const MAX_WORKFLOW_BYTES = 512 * 1024

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
