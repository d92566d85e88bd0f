/**
 * Secret targets: the places GitHub keeps a secret for workflows (repository, environment,
 * organization; Actions or Dependabot). Every kind is the same three requests under a different
 * base path; the organization adds its visibility, which must be sent back on every write or
 * GitHub resets who can read the secret.
 */
import type { Config, OrganizationVisibility, RepositoryRef } from './inputs.js'
import { describeGitHubFailure, failureStatus, type GitHubClient } from './github.js'
import type { PublicKey, SealedSecret } from './seal.js'

export type SecretApp = 'actions' | 'dependabot'

export interface SecretTarget {
  kind: 'repository' | 'environment' | 'organization'
  app: SecretApp
  name: string
  /** e.g. "repository secret BOX_REFRESH_TOKEN of octo/api-tests" */
  label: string
  /** e.g. "octo/api-tests" or "octo (organization)"; for tables. */
  scope: string
  /** URL-encoded, relative to the API base: `${basePath}/public-key`, `${basePath}/${name}`. */
  basePath: string
  /** What each kind of token needs to read and write this secret; quoted in errors. */
  permission: string
  /** Classic PAT scope needed, checked against `x-oauth-scopes` when GitHub sends it. */
  classicScope: string
}

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

/**
 * What names a set of targets: the action's Config is one, the login command's options another
 * (which has no repository when it writes an organization secret).
 */
export type TargetSelection = Pick<Config, 'secretName' | 'environment' | 'organization' | 'dependabot'> & { repository?: RepositoryRef }

/** The targets a config names, in the order they are reported. */
export function secretTargets(config: TargetSelection): SecretTarget[] {
  const apps: SecretApp[] = config.dependabot ? ['actions', 'dependabot'] : ['actions']
  return apps.map((app) => {
    if (config.organization !== undefined) return organizationTarget(config.organization, app, config.secretName)
    if (config.repository === undefined) throw new Error('secretTargets: a repository or an organization must be given')
    if (config.environment !== undefined) return environmentTarget(config.repository, config.environment, config.secretName)
    return repositoryTarget(config.repository, app, config.secretName)
  })
}

const appLabel = (app: SecretApp): string => (app === 'dependabot' ? 'Dependabot ' : '')
const fineGrained = (app: SecretApp): string => (app === 'dependabot' ? '"Dependabot secrets: read and write"' : '"Secrets: read and write"')

export function repositoryTarget(repository: RepositoryRef, app: SecretApp, name: string): SecretTarget {
  const full = `${repository.owner}/${repository.repo}`
  return {
    kind: 'repository',
    app,
    name,
    label: `${appLabel(app)}repository secret ${name} of ${full}`,
    scope: full,
    basePath: `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/${app}/secrets`,
    permission: `the repository permission ${fineGrained(app)} on ${full} (fine-grained token), the \`repo\` scope (classic token) or \`${app === 'dependabot' ? 'dependabot_secrets' : 'secrets'}: write\` (GitHub App)`,
    classicScope: 'repo'
  }
}

export function environmentTarget(repository: RepositoryRef, environment: string, name: string): SecretTarget {
  const full = `${repository.owner}/${repository.repo}`
  return {
    kind: 'environment',
    app: 'actions',
    name,
    label: `environment secret ${name} of ${full} (environment "${environment}")`,
    scope: `${full} › ${environment}`,
    basePath: `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/environments/${encodeURIComponent(environment)}/secrets`,
    permission: `the repository permissions "Secrets: read and write" and "Environments: read" on ${full} (fine-grained token), the \`repo\` scope (classic token) or \`secrets: write\` (GitHub App)`,
    classicScope: 'repo'
  }
}

export function organizationTarget(organization: string, app: SecretApp, name: string): SecretTarget {
  return {
    kind: 'organization',
    app,
    name,
    label: `${appLabel(app)}organization secret ${name} of ${organization}`,
    scope: `${organization} (organization)`,
    basePath: `/orgs/${encodeURIComponent(organization)}/${app}/secrets`,
    permission: `the organization permission ${fineGrained(app)} on ${organization} (fine-grained token), the \`admin:org\` scope (classic token) or organization \`${app === 'dependabot' ? 'dependabot_secrets' : 'secrets'}: write\` (GitHub App)`,
    classicScope: 'admin:org'
  }
}

export class TargetError extends Error {
  constructor(
    readonly target: SecretTarget,
    message: string
  ) {
    super(message)
    this.name = 'TargetError'
  }
}

interface SecretAnswer {
  created_at?: string
  updated_at?: string
  visibility?: 'all' | 'private' | 'selected'
}

interface RepositoriesAnswer {
  total_count: number
  repositories: Array<{ id: number }>
}

/**
 * Reads the public key and the secret's metadata (and for organizations the selected
 * repositories) in one parallel round, so checking costs one request round however many reads.
 */
export async function prepareTarget(client: GitHubClient, target: SecretTarget, newVisibility: OrganizationVisibility): Promise<PreparedTarget> {
  const fail = (what: string) => (error: unknown) => {
    throw new TargetError(target, describeGitHubFailure(error, what, target.permission))
  }
  const path = secretPath(target)
  const [key, secret, selected] = await Promise.all([
    client.request<{ key_id: string; key: string }>('GET', `${target.basePath}/public-key`).catch(fail(`reading the public key for the ${target.label}`)),
    client.request<SecretAnswer>('GET', path).then(
      (response) => response.data,
      (error: unknown) => (failureStatus(error) === 404 ? undefined : fail(`reading the ${target.label}`)(error))
    ),
    // Asked for in the same round, whatever the visibility turns out to be; GitHub answers
    // 404/409 when there is no such list, which only matters if the visibility is `selected`.
    target.kind === 'organization'
      ? selectedRepositoryIds(client, path).catch((error: unknown) => error as Error)
      : Promise.resolve(undefined)
  ])

  const scopes = key.headers['x-oauth-scopes']
  if (scopes !== undefined && !String(scopes).split(',').map((s) => s.trim()).includes(target.classicScope)) {
    throw new TargetError(
      target,
      `\`github-token\` is a classic token with the scopes "${scopes}", but writing the ${target.label} needs the \`${target.classicScope}\` scope. Add it to the token, or use a fine-grained token with ${target.permission}.`
    )
  }

  const settings: Record<string, unknown> = {}
  if (target.kind === 'organization') {
    const visibility = secret?.visibility ?? newVisibility
    settings.visibility = visibility
    if (visibility === 'selected') {
      if (!Array.isArray(selected)) fail(`reading the repositories selected for the ${target.label}`)(selected)
      settings.selected_repository_ids = selected
    }
  }

  return {
    target,
    publicKey: { keyId: key.data.key_id, key: key.data.key },
    existing: secret && { createdAt: parseDate(secret.created_at), updatedAt: parseDate(secret.updated_at) },
    settings
  }
}

async function selectedRepositoryIds(client: GitHubClient, path: string): Promise<number[]> {
  const ids: number[] = []
  for (let page = 1; ; page++) {
    const { data } = await client.request<RepositoriesAnswer>('GET', `${path}/repositories?per_page=100&page=${page}`)
    ids.push(...data.repositories.map((r) => r.id))
    if (data.repositories.length < 100 || ids.length >= data.total_count) return ids
  }
}

/**
 * Workflows read a repository secret in preference to an organization secret of the same name.
 * When the repository this workflow runs in has one, the token came from it, and writing the new
 * one to the organization would leave the repository's copy used up. A best-effort read: a token
 * that cannot see the repository's secrets simply cannot tell. Returns the problem, if any.
 */
export async function shadowingSecretProblem(client: GitHubClient, organization: SecretTarget, workflowRepository: RepositoryRef): Promise<string | undefined> {
  const shadow = repositoryTarget(workflowRepository, organization.app, organization.name)
  try {
    await client.request('GET', secretPath(shadow), undefined, { once: true })
  } catch {
    return undefined
  }
  return (
    `The ${shadow.label} exists, and workflows in ${shadow.scope} read it instead of the ${organization.label}: the refresh token this run holds came from it, ` +
    `and writing the new one to the organization would leave it used up. Delete the repository secret (Settings → Secrets and variables), ` +
    `or rotate it instead by removing \`organization\`.`
  )
}

/** The exact PUT body; it is also the recovery payload, since only GitHub can open it. */
export function writeBody(prepared: PreparedTarget, sealed: SealedSecret): Record<string, unknown> {
  return { encrypted_value: sealed.encryptedValue, key_id: sealed.keyId, ...prepared.settings }
}

export function secretPath(target: SecretTarget): string {
  return `${target.basePath}/${encodeURIComponent(target.name)}`
}

export async function writeSecret(client: GitHubClient, prepared: PreparedTarget, sealed: SealedSecret): Promise<WriteOutcome> {
  try {
    const response = await client.request('PUT', secretPath(prepared.target), writeBody(prepared, sealed))
    return response.status === 201 ? 'created' : 'updated'
  } catch (error) {
    throw new TargetError(prepared.target, describeGitHubFailure(error, `writing the ${prepared.target.label}`, prepared.target.permission))
  }
}

function parseDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}
