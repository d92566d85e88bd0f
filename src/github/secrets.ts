/**
 * Reading and writing a secret target: its public key, its metadata (and an organization secret's
 * visibility and selected repositories, which must be sent back on every write or GitHub resets
 * who can read the secret), and the write itself. Every answer is validated before use.
 */
import { failureStatus, GitHubRequestError, type GitHubClient, type Terms } from './client.js'
import { describeGitHubFailure } from './messages.js'
import type { PublicKey, SealedSecret } from '../seal.js'
import {
  repositoryTarget,
  secretPath,
  type SecretTarget,
  type OrganizationVisibility,
  type RepositoryRef
} from './targets.js'

export interface SecretMetadata {
  createdAt?: Date
  updatedAt?: Date
}

/** A target whose existence and access were checked, with all that its write needs. */
export interface PreparedTarget {
  target: SecretTarget
  publicKey: PublicKey
  /** Undefined when the secret does not exist yet; the write then creates it. */
  existing?: SecretMetadata
  /** Body fields besides the sealed value that keep the secret's settings (organization visibility). */
  settings: Record<string, unknown>
}

export type WriteOutcome = 'created' | 'updated'

/** What GitHub may call a key id: no quotes, spaces, colons or controls, so it can be quoted anywhere. */
const KEY_ID_FORM = /^[A-Za-z0-9_.=+/-]{1,128}$/
const VISIBILITIES = ['all', 'private', 'selected'] as const
type Visibility = (typeof VISIBILITIES)[number]
/**
 * Selected repositories are read 100 a page; 10,000 is beyond any real list, and a server that
 * never stops is stopped.
 */
const MAX_SELECTED_PAGES = 100

interface SecretAnswer {
  createdAt?: Date
  updatedAt?: Date
  visibility?: Visibility
}

/**
 * Reads the public key and the secret's metadata (and for organizations the selected
 * repositories) in one parallel round, so checking costs one request round however many reads.
 * Every answer is validated: a key id or visibility that is not of GitHub's form stops the run
 * here, before Box, rather than reaching a log line, a shell command or the secret's settings.
 */
export async function prepareTarget(
  client: GitHubClient,
  target: SecretTarget,
  newVisibility: OrganizationVisibility
): Promise<PreparedTarget> {
  const fail = (what: string) => (error: unknown) => {
    throw new Error(describeGitHubFailure(error, what, target.permission, client.terms))
  }
  const path = secretPath(target)
  const [key, secret, selected] = await Promise.all([
    client
      .request('GET', `${target.basePath}/public-key`)
      .catch(fail(`reading the public key for the ${target.label}`)),
    client.request('GET', path).then(
      (response) => secretAnswer(response.data, target),
      (error: unknown) => (failureStatus(error) === 404 ? undefined : fail(`reading the ${target.label}`)(error))
    ),
    // Asked for in the same round, whatever the visibility turns out to be; GitHub answers
    // 404/409 when there is no such list, which only matters if the visibility is `selected`.
    target.kind === 'organization'
      ? selectedRepositoryIds(client, path).catch((error: unknown) => error as Error)
      : Promise.resolve(undefined)
  ])

  const scopes = key.headers['x-oauth-scopes']
  // A classic token's scopes, e.g. "repo, workflow"; anything else in the header is not read.
  if (
    typeof scopes === 'string' &&
    /^[a-z0-9:_, -]{0,500}$/.test(scopes) &&
    !scopes
      .split(',')
      .map((s) => s.trim())
      .includes(target.classicScope)
  ) {
    throw new Error(
      `${client.terms.token} is a classic token with the scopes "${scopes}", but writing the ${target.label} needs ` +
        `the \`${target.classicScope}\` scope. ` +
        `Add it to the token, or use a fine-grained token with ${target.permission}.`
    )
  }

  const settings: Record<string, unknown> = {}
  if (target.kind === 'organization') {
    const visibility = secret?.visibility ?? newVisibility
    settings.visibility = visibility
    if (visibility === 'selected') {
      if (!Array.isArray(selected)) {
        throw new Error(
          selected instanceof GitHubRequestError
            ? describeGitHubFailure(
                selected,
                `reading the repositories selected for the ${target.label}`,
                target.permission,
                client.terms
              )
            : `The repositories selected for the ${target.label} could not be read ` +
                `(${selected?.message ?? 'no list'}), ` +
                `and writing the secret without them would change who can read it.`
        )
      }
      settings.selected_repository_ids = selected
    }
  }

  return {
    target,
    publicKey: publicKey(key.data, target, client.terms),
    existing: secret && { createdAt: secret.createdAt, updatedAt: secret.updatedAt },
    settings
  }
}

function publicKey(data: unknown, target: SecretTarget, terms: Terms): PublicKey {
  const { key_id: keyId, key } = (data ?? {}) as { key_id?: unknown; key?: unknown }
  if (typeof keyId !== 'string' || !KEY_ID_FORM.test(keyId) || typeof key !== 'string' || key.length > 100) {
    throw new Error(
      `GitHub's answer for the public key of the ${target.label} is not a key id and a key, so nothing can be ` +
        `sealed for it. ` +
        `Try again; if it persists, check ${terms.apiUrl} and any proxy in front of GitHub.`
    )
  }
  return { keyId, key }
}

function secretAnswer(data: unknown, target: SecretTarget): SecretAnswer {
  const answer = (data !== null && typeof data === 'object' ? data : {}) as {
    created_at?: unknown
    updated_at?: unknown
    visibility?: unknown
  }
  const result: SecretAnswer = { createdAt: parseDate(answer.created_at), updatedAt: parseDate(answer.updated_at) }
  if (target.kind === 'organization') {
    if (!VISIBILITIES.includes(answer.visibility as Visibility)) {
      throw new Error(
        `GitHub's answer for the ${target.label} gives no visibility of \`all\`, \`private\` or \`selected\`; ` +
          `the action does not guess one, because writing the wrong one changes who can read the secret.`
      )
    }
    result.visibility = answer.visibility as Visibility
  }
  return result
}

/** Every page of the secret's selected repositories, each id checked; bounded, whatever the server says. */
async function selectedRepositoryIds(client: GitHubClient, path: string): Promise<number[]> {
  const ids = new Set<number>()
  for (let page = 1; page <= MAX_SELECTED_PAGES; page++) {
    const { data } = await client.request('GET', `${path}/repositories?per_page=100&page=${page}`)
    const { total_count: total, repositories } = (data ?? {}) as { total_count?: unknown; repositories?: unknown }
    if (!Number.isSafeInteger(total) || (total as number) < 0 || !Array.isArray(repositories))
      throw new Error('the answer is not a list of repositories')
    for (const repository of repositories) {
      const id = (repository as { id?: unknown } | null)?.id
      if (!Number.isSafeInteger(id) || (id as number) <= 0) throw new Error('a repository in the list has no valid id')
      ids.add(id as number)
    }
    if (repositories.length < 100 || ids.size >= (total as number)) return [...ids]
  }
  throw new Error(`the list goes on past ${MAX_SELECTED_PAGES * 100} repositories`)
}

/**
 * Workflows read a repository secret in preference to an organization secret of the same name.
 * When the repository this workflow runs in has one, the token came from it, and writing the new
 * one to the organization would leave it used up. A best-effort read: a token that cannot see
 * the repository's secrets simply cannot tell. Returns the problem, if any.
 */
export async function shadowingSecretProblem(
  client: GitHubClient,
  organization: SecretTarget,
  workflowRepository: RepositoryRef
): Promise<string | undefined> {
  const shadow = repositoryTarget(workflowRepository, organization.app, organization.name)
  try {
    await client.request('GET', secretPath(shadow), undefined, { once: true })
  } catch {
    return undefined
  }
  return (
    `The ${shadow.label} exists, and workflows in ${shadow.scope} read it instead of the ${organization.label}: ` +
    `the refresh token this run holds came from it, ` +
    `and writing the new one to the organization would leave it used up. Delete the repository secret (Settings → ` +
    `Secrets and variables), ` +
    `or rotate it instead by removing \`organization\`.`
  )
}

/**
 * When the secret was last written, read again (after Box refused the token: did another run
 * rotate it?). Undefined when unknown.
 */
export async function lastWritten(client: GitHubClient, target: SecretTarget): Promise<Date | undefined> {
  try {
    const { data } = await client.request('GET', secretPath(target), undefined, { once: true })
    return parseDate((data as { updated_at?: unknown } | null)?.updated_at)
  } catch {
    // best effort: it only adds detail to a message
  }
  return undefined
}

/** The exact PUT body; it is also the recovery payload, since only GitHub can open it. */
export function writeBody(prepared: PreparedTarget, sealed: SealedSecret): Record<string, unknown> {
  return { encrypted_value: sealed.encryptedValue, key_id: sealed.keyId, ...prepared.settings }
}

export async function writeSecret(
  client: GitHubClient,
  prepared: PreparedTarget,
  sealed: SealedSecret
): Promise<WriteOutcome> {
  try {
    const response = await client.request('PUT', secretPath(prepared.target), writeBody(prepared, sealed))
    return response.status === 201 ? 'created' : 'updated'
  } catch (error) {
    throw new Error(
      describeGitHubFailure(error, `writing the ${prepared.target.label}`, prepared.target.permission, client.terms),
      { cause: error }
    )
  }
}

function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}
