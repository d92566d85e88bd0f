/**
 * What a failed GitHub request means for the person who must fix it: which token, permission or
 * name to change, in the words of whoever runs the code (the action's inputs or the login's flags).
 */
import { errorMessage } from '../error-text.js'
import { GitHubRequestError, type Terms } from './client.js'
import { isCancellation } from '../retry.js'

export const ACTION_TERMS: Terms = {
  token: '`github-token`',
  retryTimeout: '`retry-timeout-seconds`',
  targetNames: '`repository`, `environment` and `organization`',
  apiUrl: 'GITHUB_API_URL',
  replaceToken: 'update the secret that feeds `github-token`'
}

/** The login command's flags, for the same messages. */
export const LOGIN_TERMS: Terms = {
  token: 'the GitHub token',
  retryTimeout: '--retry-timeout',
  targetNames: '--repository, --environment and --organization',
  apiUrl: '--github-api-url (or GITHUB_API_URL)',
  replaceToken: 'pass it with --github-token or GH_TOKEN, or log in again with `gh auth login`'
}

/**
 * A message that says what failed and what to do. `what` names the operation ("reading the
 * public key of the repository secrets of octo/repo"); `permission` says which permission the
 * operation needs for each kind of token.
 */
export function describeGitHubFailure(
  error: unknown,
  what: string,
  permission: string,
  terms: Terms = ACTION_TERMS
): string {
  if (isCancellation(error)) return `The run was cancelled while ${what}.`
  if (!(error instanceof GitHubRequestError))
    return `${what[0]!.toUpperCase()}${what.slice(1)} failed unexpectedly: ` + `${errorMessage(error)}.`
  const { answered, status, githubMessage: said, acceptedPermissions, rateLimitExhausted, redirectedTo } = error.failure
  if (!answered)
    return `GitHub could not be reached while ${what}: ${error.message}. Check the network and ${terms.apiUrl}.`
  if (redirectedTo !== undefined) {
    return (
      `GitHub answered ${status} while ${what}, a redirect to ${redirectedTo}. A request that carries ` +
      `${terms.token} is never sent to a redirect. ` +
      `If the repository or organization was renamed or moved, use its new name; otherwise check ${terms.apiUrl}.`
    )
  }
  if (status === 401) {
    return (
      `GitHub rejected ${terms.token} while ${what} (401 ${said || 'Bad credentials'}): ` +
      `the token is expired, revoked or mistyped. Create a new one and ${terms.replaceToken}.`
    )
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    return (
      `GitHub refused ${what} (403 Resource not accessible by integration). ${terms.token} is probably the ` +
      `workflow's GITHUB_TOKEN, ` +
      `which can never read or write secrets, or a GitHub App token without that permission. Use one of: a ` +
      `fine-grained personal access token ` +
      `with ${permission}; a classic personal access token with the scope named there; or a GitHub App installation ` +
      `token with that permission ` +
      `(actions/create-github-app-token with \`permission-secrets: write\`).`
    )
  }
  if (status === 403 || status === 429) {
    if (/rate limit/i.test(said) || rateLimitExhausted) {
      return (
        `GitHub kept rate limiting ${what} (${status} ${said}) until the retry time ran out. Wait for the ` +
        `limit to reset, or raise ${terms.retryTimeout}.`
      )
    }
    return (
      `GitHub refused ${what} (${status} ${said}): ${terms.token} lacks the permission. It needs ${permission}.` +
      (acceptedPermissions ? ` GitHub says the request needs: ${acceptedPermissions}.` : '')
    )
  }
  if (status === 404) {
    return (
      `GitHub found nothing while ${what} (404). Check the names in ${terms.targetNames}; ` +
      `a 404 also means ${terms.token} cannot see it (a fine-grained token must be granted this repository or ` +
      `organization).`
    )
  }
  if (status === 422) return `GitHub rejected ${what} (422 ${said}).`
  if (status !== undefined && status >= 500)
    return `GitHub kept failing while ${what} (last answer ${status}) until the retry time ran out.`
  return `GitHub answered ${status} while ${what}${said ? `: ${said}` : ''}.`
}
