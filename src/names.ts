/**
 * What GitHub and Box accept as names and addresses: secret names, repositories, organizations,
 * environments, visibilities, API base URLs. One set of rules for the action's inputs and the
 * login command's flags; each returns what is wrong in words, or undefined when all is well.
 */
import type { RepositoryRef } from './github/targets.js'

const secretNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/
const ownerPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const repoPattern = /^[A-Za-z0-9._-]{1,100}$/

/** Why a secret name is not one GitHub accepts, or undefined when it is fine. */
export function secretNameProblem(secretName: string): string | undefined {
  if (!secretNamePattern.test(secretName)) {
    return (
      `"${secretName}" is not a valid secret name: use only letters, digits and underscores, and do not start ` +
      `with a digit.`
    )
  }
  if (/^GITHUB_/i.test(secretName))
    return `"${secretName}" starts with GITHUB_, which GitHub reserves. Choose another name, e.g. BOX_REFRESH_TOKEN.`
  return undefined
}

export function environmentProblem(environment: string): string | undefined {
  if (environment.length > 255 || /[\u0000-\u001f]/.test(environment)) {
    return 'must be an environment name of at most 255 printable characters, as shown in Settings → Environments.'
  }
  return undefined
}

/** Only for a secret that does not exist yet: an existing one keeps its visibility and repositories. */
export function visibilityProblem(visibility: string): string | undefined {
  if (visibility === 'all' || visibility === 'private') return undefined
  return visibility === 'selected'
    ? 'cannot be `selected` for a new secret, because repositories are not chosen here. ' +
        'Create the secret once in the organization settings with the repositories you want; ' +
        'that list is kept on every rotation.'
    : `must be \`private\` or \`all\`, not "${visibility}".`
}

export function organizationProblem(organization: string): string | undefined {
  return ownerPattern.test(organization)
    ? undefined
    : `"${organization}" is not a GitHub organization login: use the name in github.com/<organization>, without ` +
        `slashes.`
}

/** `owner/name` as GitHub allows it. */
export function isRepositoryName(value: string): boolean {
  const [owner = '', repo = '', ...rest] = value.split('/')
  return rest.length === 0 && ownerPattern.test(owner) && repoPattern.test(repo) && repo !== '.' && repo !== '..'
}

export function parseRepository(value: string, problem: (input: string, message: string) => void): RepositoryRef {
  const [owner = '', repo = ''] = value.split('/')
  if (!isRepositoryName(value)) {
    problem(
      'repository',
      value === ''
        ? 'is empty and GITHUB_REPOSITORY is not set. Pass `owner/name`.'
        : `"${value}" is not \`owner/name\`: pass it as in github.com/owner/name.`
    )
  }
  return { owner, repo }
}

/** https only, except on this machine, where simulators and test servers live. */
export function baseUrl(value: string, name: string, problem: (input: string, message: string) => void): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problem(name, `"${value}" is not a URL. Use a full URL such as https://api.box.com.`)
    return value
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    problem(
      name,
      `"${value}" must use https (http is allowed only on a loopback address such as 127.0.0.1 or localhost).`
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    problem(name, `"${value}" must be a plain base URL, without credentials, query or fragment.`)
  }
  return url.href.replace(/\/+$/, '')
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)
}

/** Whether `value` has the form of a Box ID (enterprise, user): digits only. */
export function isBoxId(value: string): boolean {
  return /^[0-9]{1,20}$/.test(value)
}
