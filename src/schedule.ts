/**
 * When this workflow runs next on its schedule, if this run is itself a scheduled one: GitHub puts
 * the cron expression that started it in the event payload. Anything else (a push, a manual run, an
 * unreadable payload) gives undefined: the action does not guess a schedule.
 */
import { readFile } from 'node:fs/promises'

export async function nextScheduledRun(env: NodeJS.ProcessEnv, after: Date): Promise<Date | undefined> {
  if (env.GITHUB_EVENT_NAME !== 'schedule' || !env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { schedule?: unknown } | null
    const cron = payload?.schedule
    if (typeof cron !== 'string' || cron.length > 200) return undefined
    // Loaded only here: the rest of a run never needs it. GitHub evaluates schedules in UTC.
    const { Cron } = await import('croner')
    return new Cron(cron, { timezone: 'UTC', paused: true }).nextRun(after) ?? undefined
  } catch {
    return undefined
  }
}
