/**
 * Round 1: everything that can fail without Box, checked in one parallel round of requests, so a
 * run that fails here has consumed nothing: every secret target (public key, metadata, access),
 * a repository secret that would shadow an organization secret, the Postman path, libsodium and
 * each public key's fitness to seal, and when this run was queued (to spot a stale token).
 */
import type { GitHubClient } from '../github/client.js'
import type { OrganizationVisibility } from '../github/targets.js'
import type { Config } from './inputs.js'
import { checkPostmanPath } from './postman.js'
import type { Sealer } from '../seal.js'
import { prepareTarget, shadowingSecretProblem, type PreparedTarget } from '../github/secrets.js'
import { pathSegment, type SecretTarget } from '../github/targets.js'

export type Preflight =
  { ok: true; prepared: PreparedTarget[]; sealer: Sealer; runQueuedAt?: Date } | { ok: false; problems: string[] }

export async function preflight(
  github: GitHubClient,
  config: Config,
  targets: SecretTarget[],
  sealer: Promise<Sealer>
): Promise<Preflight> {
  const workflowRepository = config.run?.repository
  const [ready, runQueuedAt, shadowProblems, postmanProblem] = await Promise.all([
    prepareForWriting(github, targets, config.organizationVisibility, sealer),
    // Environment secrets are read when the job starts, not when the run is queued.
    targets[0].kind === 'environment' ? undefined : runQueuedTime(github, config),
    Promise.all(
      targets.map((t) =>
        t.kind === 'organization' && workflowRepository
          ? shadowingSecretProblem(github, t, workflowRepository)
          : undefined
      )
    ),
    config.postmanEnvironment === undefined
      ? undefined
      : checkPostmanPath(config.postmanEnvironment).then(
          () => undefined,
          (error: Error) => error.message
        )
  ])
  const problems = [...ready.problems]
  for (const problem of [...shadowProblems, postmanProblem]) if (problem !== undefined) problems.push(problem)
  if (problems.length > 0 || ready.sealer === undefined) return { ok: false, problems }
  return { ok: true, prepared: ready.prepared, sealer: ready.sealer, runQueuedAt }
}

/**
 * What any writer of the secret (the action, the login command) must know before Box is asked for
 * a token: every target prepared (public key, metadata, access) and libsodium able to seal with
 * each key. One parallel round; `problems` lists every failure, each saying what to fix.
 */
export async function prepareForWriting(
  github: GitHubClient,
  targets: SecretTarget[],
  newVisibility: OrganizationVisibility,
  sealer: Promise<Sealer>
): Promise<{ prepared: PreparedTarget[]; sealer?: Sealer; problems: string[] }> {
  const [results, loaded] = await Promise.all([
    Promise.allSettled(targets.map((t) => prepareTarget(github, t, newVisibility))),
    sealer.catch(
      (error: Error) => new Error(`libsodium, which seals the secret, could not be loaded: ${error.message}`)
    )
  ])
  const problems: string[] = []
  const prepared: PreparedTarget[] = []
  for (const result of results) {
    if (result.status === 'fulfilled') prepared.push(result.value)
    else problems.push((result.reason as Error).message)
  }
  if (loaded instanceof Error) return { prepared, problems: [...problems, loaded.message] }
  for (const p of prepared) {
    try {
      loaded.check(p.publicKey)
    } catch (error) {
      problems.push(
        `GitHub's public key for the ${p.target.label} cannot seal a value: ` +
          `${(error as Error).message}. Try again; if it persists, GitHub is serving a bad key.`
      )
    }
  }
  return { prepared, sealer: loaded, problems }
}

/**
 * When this run (attempt) was queued: GitHub reads repository and organization secrets then, so
 * a secret rotated later means this run holds a stale token. Only detail: any failure is ignored.
 */
async function runQueuedTime(github: GitHubClient, config: Config): Promise<Date | undefined> {
  if (config.run === undefined) return undefined
  const { repository, id, attempt } = config.run
  try {
    const { data } = await github.request(
      'GET',
      `/repos/${pathSegment(repository.owner)}/${pathSegment(repository.repo)}/actions/runs/${id}`,
      undefined,
      { once: true }
    )
    const { created_at: createdAt, run_started_at: startedAt } = (data ?? {}) as {
      created_at?: unknown
      run_started_at?: unknown
    }
    const when = attempt > 1 ? (startedAt ?? createdAt) : createdAt
    const date = typeof when === 'string' && when.length <= 40 ? new Date(when) : undefined
    return date && !Number.isNaN(date.getTime()) ? date : undefined
  } catch {
    return undefined
  }
}
