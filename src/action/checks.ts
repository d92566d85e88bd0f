/**
 * Round 1 of a rotation: everything that can fail without Box, checked in one parallel round of
 * requests, so a run that fails here has consumed nothing: the secret writer's own step before Box
 * (every target's public key, metadata and access, libsodium able to seal with each key), a
 * repository secret that would shadow an organization secret, the Postman path, and when this run
 * was queued (to spot a stale token).
 */
import { errorMessage } from '../error-text.js'
import type { GitHubClient } from '../github/client.js'
import { shadowingSecretProblem } from '../github/secrets.js'
import { prepareWrite, type PreparedWrite } from '../github/secret-writer.js'
import { repositoryPath, type SecretTarget } from '../github/targets.js'
import type { Sealer } from '../seal.js'
import type { RotationConfig } from './inputs.js'
import { checkPostmanPath } from './postman.js'

export type Checked = { ok: true; write: PreparedWrite; runQueuedAt?: Date } | { ok: false; problems: string[] }

export async function checkBeforeBox(
  github: GitHubClient,
  config: RotationConfig,
  targets: SecretTarget[],
  sealer: Promise<Sealer>
): Promise<Checked> {
  const workflowRepository = config.run?.repository
  const [ready, runQueuedAt, shadowProblems, postmanProblem] = await Promise.all([
    prepareWrite(github, targets, config.organizationVisibility, sealer),
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
          (error: unknown) => errorMessage(error)
        )
  ])
  const problems: string[] = [...ready.problems]
  for (const problem of [...shadowProblems, postmanProblem]) if (problem !== undefined) problems.push(problem)
  if (problems.length > 0 || !('write' in ready)) return { ok: false, problems }
  return { ok: true, write: ready.write, runQueuedAt }
}

/**
 * When this run (attempt) was queued: GitHub reads repository and organization secrets then, so
 * a secret rotated later means this run holds a stale token. Only detail: any failure is ignored.
 */
async function runQueuedTime(github: GitHubClient, config: RotationConfig): Promise<Date | undefined> {
  if (config.run === undefined) return undefined
  const { repository, id, attempt } = config.run
  try {
    const { data } = await github.request('GET', `${repositoryPath(repository)}/actions/runs/${id}`, undefined, {
      once: true
    })
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
