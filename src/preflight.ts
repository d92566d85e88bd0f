/**
 * Round 1: everything that can fail without Box, checked in one parallel round of requests, so a
 * run that fails here has consumed nothing: every secret target (public key, metadata, access),
 * a repository secret that would shadow an organization secret, the Postman path, libsodium and
 * each public key's fitness to seal, and when this run was queued (to spot a stale token).
 */
import type { GitHubClient } from './github.js'
import type { Config } from './inputs.js'
import { checkPostmanPath } from './postman.js'
import type { Sealer } from './seal.js'
import { prepareTarget, shadowingSecretProblem, type PreparedTarget, type SecretTarget } from './secrets.js'

export type Preflight =
  | { ok: true; prepared: PreparedTarget[]; sealer: Sealer; runQueuedAt?: Date }
  | { ok: false; problems: string[] }

export async function preflight(github: GitHubClient, config: Config, targets: SecretTarget[], sealer: Promise<Sealer>): Promise<Preflight> {
  const workflowRepository = config.run?.repository
  const [preparedResults, runQueuedAt, shadowProblems, postmanProblem, loaded] = await Promise.all([
    Promise.allSettled(targets.map((t) => prepareTarget(github, t, config.organizationVisibility))),
    // Environment secrets are read when the job starts, not when the run is queued.
    targets[0].kind === 'environment' ? undefined : runQueuedTime(github, config),
    Promise.all(targets.map((t) => (t.kind === 'organization' && workflowRepository ? shadowingSecretProblem(github, t, workflowRepository) : undefined))),
    config.postmanEnvironment === undefined ? undefined : checkPostmanPath(config.postmanEnvironment).then(() => undefined, (error: Error) => error.message),
    sealer.catch((error: Error) => new Error(`libsodium, which seals the secret, could not be loaded: ${error.message}`))
  ])

  const problems: string[] = []
  const prepared: PreparedTarget[] = []
  for (const result of preparedResults) {
    if (result.status === 'fulfilled') prepared.push(result.value)
    else problems.push((result.reason as Error).message)
  }
  for (const problem of [...shadowProblems, postmanProblem]) if (problem !== undefined) problems.push(problem)
  if (loaded instanceof Error) problems.push(loaded.message)
  else problems.push(...unusableKeys(loaded, prepared))

  if (problems.length > 0 || loaded instanceof Error) return { ok: false, problems }
  return { ok: true, prepared, sealer: loaded, runQueuedAt }
}

/** A key that cannot seal would fail after the refresh: find out before. */
function unusableKeys(sealer: Sealer, prepared: PreparedTarget[]): string[] {
  return prepared.flatMap((p) => {
    try {
      sealer.check(p.publicKey)
      return []
    } catch (error) {
      return [`GitHub's public key for the ${p.target.label} cannot seal a value: ${(error as Error).message}. Re-run; if it persists, GitHub is serving a bad key.`]
    }
  })
}

/**
 * When this run (attempt) was queued: GitHub reads repository and organization secrets then, so
 * a secret rotated later means this run holds a stale token. Only detail: any failure is ignored.
 */
async function runQueuedTime(github: GitHubClient, config: Config): Promise<Date | undefined> {
  if (config.run === undefined) return undefined
  const { repository, id, attempt } = config.run
  try {
    const { data } = await github.request<{ created_at?: string; run_started_at?: string }>(
      'GET',
      `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/actions/runs/${id}`,
      undefined,
      { once: true }
    )
    const when = attempt > 1 ? (data.run_started_at ?? data.created_at) : data.created_at
    const date = when === undefined ? undefined : new Date(when)
    return date && !Number.isNaN(date.getTime()) ? date : undefined
  } catch {
    return undefined
  }
}
