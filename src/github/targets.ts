/**
 * Secret targets: the places GitHub keeps a secret for workflows (repository, environment,
 * organization; Actions or Dependabot). Every kind is the same three requests under a different
 * base path, so a target is data: its names, its base path and what a token needs to write it.
 */

export type SecretApp = 'actions' | 'dependabot'

export interface SecretTarget {
  kind: 'repository' | 'environment' | 'organization'
  app: SecretApp
  name: string
  /** e.g. "repository secret" or "Dependabot organization secret": what kind of secret it is, in words. */
  kindLabel: string
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

/** A repository, as `owner/name` names it. */
export interface RepositoryRef {
  owner: string
  repo: string
}

/** Who may read an organization secret that does not exist yet (an existing one keeps its own). */
export type OrganizationVisibility = 'all' | 'private'

/**
 * What names a set of targets: the action's inputs or the login command's flags (which give no
 * repository when they name an organization secret).
 */
export interface TargetSelection {
  secretName: string
  repository?: RepositoryRef
  environment?: string
  organization?: string
  dependabot: boolean
}

/** The targets a config names, in the order they are reported. */
export function secretTargets(config: TargetSelection): SecretTarget[] {
  const apps: SecretApp[] = config.dependabot ? ['actions', 'dependabot'] : ['actions']
  return apps.map((app) => {
    if (config.organization !== undefined) return organizationTarget(config.organization, app, config.secretName)
    if (config.repository === undefined) throw new Error('secretTargets: a repository or an organization must be given')
    if (config.environment !== undefined)
      return environmentTarget(config.repository, config.environment, config.secretName)
    return repositoryTarget(config.repository, app, config.secretName)
  })
}

const kindLabel = (app: SecretApp, kind: SecretTarget['kind']): string =>
  `${app === 'dependabot' ? 'Dependabot ' : ''}${kind} secret`
const fineGrained = (app: SecretApp): string =>
  app === 'dependabot' ? '"Dependabot secrets: read and write"' : '"Secrets: read and write"'

export function repositoryTarget(repository: RepositoryRef, app: SecretApp, name: string): SecretTarget {
  const full = `${repository.owner}/${repository.repo}`
  return {
    kind: 'repository',
    app,
    name,
    kindLabel: kindLabel(app, 'repository'),
    label: `${kindLabel(app, 'repository')} ${name} of ${full}`,
    scope: full,
    basePath: `${repositoryPath(repository)}/${app}/secrets`,
    permission:
      `the repository permission ${fineGrained(app)} on ${full} (fine-grained token), ` +
      `the \`repo\` scope (classic token) or \`${app === 'dependabot' ? 'dependabot_secrets' : 'secrets'}: write\` ` +
      `(GitHub App)`,
    classicScope: 'repo'
  }
}

/**
 * Environment secrets come under the repository permission "Environments", not "Secrets", for
 * fine-grained tokens and GitHub Apps alike (GitHub's "Permissions required for fine-grained
 * personal access tokens": Environments lists the environment-secret endpoints; docs/sources.md).
 */
export function environmentTarget(repository: RepositoryRef, environment: string, name: string): SecretTarget {
  const full = `${repository.owner}/${repository.repo}`
  return {
    kind: 'environment',
    app: 'actions',
    name,
    kindLabel: kindLabel('actions', 'environment'),
    label: `${kindLabel('actions', 'environment')} ${name} of ${full} (environment "${environment}")`,
    scope: `${full} › ${environment}`,
    basePath: `${repositoryPath(repository)}/environments/${pathSegment(environment)}/secrets`,
    permission:
      `the repository permission "Environments: read and write" on ${full} (fine-grained token), ` +
      `the \`repo\` scope (classic token) or \`environments: write\` (GitHub App)`,
    classicScope: 'repo'
  }
}

export function organizationTarget(organization: string, app: SecretApp, name: string): SecretTarget {
  return {
    kind: 'organization',
    app,
    name,
    kindLabel: kindLabel(app, 'organization'),
    label: `${kindLabel(app, 'organization')} ${name} of ${organization}`,
    scope: `${organization} (organization)`,
    basePath: `/orgs/${pathSegment(organization)}/${app}/secrets`,
    permission:
      `the organization permission ${fineGrained(app)} on ${organization} (fine-grained token), ` +
      `the \`admin:org\` scope (classic token) or organization ` +
      `\`${app === 'dependabot' ? 'dependabot_secrets' : 'secrets'}: write\` (GitHub App)`,
    classicScope: 'admin:org'
  }
}

/** `/repos/<owner>/<repo>`, each part encoded. */
export function repositoryPath(repository: RepositoryRef): string {
  return `/repos/${pathSegment(repository.owner)}/${pathSegment(repository.repo)}`
}

export function secretPath(target: SecretTarget): string {
  return `${target.basePath}/${pathSegment(target.name)}`
}

/**
 * A path segment encoded fully: encodeURIComponent leaves ! ' ( ) * as they are, and a path that
 * holds them is both ambiguous to some servers and awkward in a shell command.
 */
export function pathSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
