/**
 * Why a login ended without storing a token, in terms a person can act on, with the exit status
 * and (once the browser is involved) the page the browser shows.
 */
import { errorMessage } from '../error-text.js'
import { BoxError } from '../box/error.js'
import type { AuthorizationAnswer, Page } from './callback.js'
import { CALLBACK_PATH, type LoginOptions } from './options.js'

export const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 130 } as const

/** An expected way for the command to end, with its message and exit status. */
export class LoginFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    /** What the browser tab shows, when the failure comes after Box's answer. */
    readonly page?: Page
  ) {
    super(message)
    this.name = 'LoginFailure'
  }
}

export const cancelled = (): LoginFailure => new LoginFailure('Cancelled. Nothing was changed.', EXIT.cancelled)

export function noGitHubToken(): LoginFailure {
  return new LoginFailure(
    'No GitHub token: pass --github-token, set GH_TOKEN or GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth ' +
      'login`). ' +
      'The token must be able to write the secret: a fine-grained token with "Secrets: ' +
      'read and write" on the repository, or a classic token with `repo` (`admin:org` for an organization ' +
      'secret).\nNothing was changed.',
    EXIT.usage
  )
}

/** The secret targets could not be prepared; says where the GitHub token came from and how to fix its scopes. */
export function preflightFailure(problems: string[], tokenSource: string): LoginFailure {
  const source =
    tokenSource === '`gh auth token`'
      ? 'The GitHub token came from `gh auth token`: `gh auth status` shows its scopes, and `gh auth refresh ' +
        '--scopes <scope>` adds one.'
      : `The GitHub token came from ${tokenSource}.`
  return new LoginFailure(`${problems.join('\n')}\n${source}\nNothing was changed, and Box was not contacted.`)
}

/** Box sent the browser back with an error instead of a code. `said` is already cleaned. */
export function refusal(
  answer: Extract<AuthorizationAnswer, { kind: 'error' }>,
  clean: (text: string) => string
): LoginFailure {
  const said = clean(`${answer.error}${answer.description ? ` (${answer.description})` : ''}`)
  if (answer.error === 'access_denied') {
    return new LoginFailure(
      `Access was not granted at Box: ${said}. Nothing was stored.\nIf that was not intended, run the command again ` +
        `and click "Grant access to Box".`,
      EXIT.failed,
      {
        ok: false,
        title: 'Access not granted',
        message: 'Box did not grant access, so nothing was stored. You can close this tab.'
      }
    )
  }
  return new LoginFailure(`Box answered the authorization with an error: ${said}. Nothing was stored.`, EXIT.failed, {
    ok: false,
    title: 'Box refused',
    message: `Box answered: ${said}. Nothing was stored.`
  })
}

export function timeoutMessage(redirectUri: string, options: LoginOptions): string {
  const port = new URL(redirectUri).port
  return [
    `Box's answer did not reach ${redirectUri} within ${formatDuration(options.timeoutMs)}. Nothing was stored.`,
    `  - If Box showed "redirect_uri_mismatch", the Box app does not list this redirect URI. ` +
      `In the Developer Console open your app → Configuration → OAuth 2.0 Redirect URIs, ` +
      `add ${redirectUri} exactly (http, 127.0.0.1 rather than localhost, port ${port}, ` +
      `path ${CALLBACK_PATH}), save, and run the command again.`,
    '  - If Box showed "invalid_client", the client ID is not the one of your Box app.',
    `  - If the browser runs on another machine, its 127.0.0.1 is not this one: ` +
      `forward the port (ssh -L ${port}:127.0.0.1:${port} HOST) or run the command where the browser is.`,
    '  - To wait longer, pass --timeout SECONDS.'
  ].join('\n')
}

export function explainExchangeFailure(error: unknown, redirectUri: string): string {
  const again = 'Nothing was stored; run the command again.'
  if (!(error instanceof BoxError)) return `Exchanging the authorization code failed: ${errorMessage(error)}. ${again}`
  if (error.kind === 'invalid_client') {
    return (
      `${error.message} The client secret (or ID) is wrong: ` +
      `copy both from the Developer Console → your app → Configuration → OAuth 2.0 Credentials. ${again}`
    )
  }
  if (error.details.oauthError === 'redirect_uri_mismatch') {
    return (
      `${error.message} The token request's redirect URI ${redirectUri} is not one the Box app lists: ` +
      `add it under Configuration → OAuth 2.0 Redirect URIs. ${again}`
    )
  }
  if (error.kind === 'invalid_grant') {
    const earlier = error.earlierAmbiguousAttempt
      ? ` An earlier attempt (${error.earlierAmbiguousAttempt}) probably reached Box and used the code; ` +
        `whatever it issued was never stored and simply goes unused.`
      : ''
    return (
      `${error.message} An authorization code works once, and only for 30 seconds after access is ` +
      `granted.${earlier} ${again}`
    )
  }
  return `${error.message} ${again}`
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`
}
