/**
 * Who the login command acts as: the Box app's client ID and secret (from flags, the environment,
 * or asked for at the terminal, the secret without echo) and the GitHub token that writes the
 * secret (a flag, GH_TOKEN, GITHUB_TOKEN, or the GitHub CLI's own). Every credential is redacted
 * from all output the moment it is known.
 */
import type { ClientCredentials } from '../box/token-endpoint.js'
import { ghHostname } from '../github/client.js'
import { cancelled, EXIT, LoginFailure, noGitHubToken } from './explain.js'
import type { LoginOptions } from './options.js'
import type { Terminal } from './terminal.js'

/** Asks a person; undefined when nobody can answer (no terminal). A rejection means "cancelled". */
export type Prompt = (question: string, options: { hidden: boolean }) => Promise<string | undefined>

/** `gh auth token` for a GitHub host, or undefined when gh is not there or not logged in. */
export type GhAuthToken = (hostname: string) => Promise<string | undefined>

export async function clientCredentials(
  options: LoginOptions,
  prompt: Prompt,
  terminal: Terminal
): Promise<ClientCredentials> {
  const problems: string[] = []
  const obtain = async (
    given: string | undefined,
    question: string,
    hidden: boolean,
    missing: string
  ): Promise<string> => {
    const value = given ?? (await ask(prompt, question, hidden))
    if (hidden) terminal.redact(value)
    if (!value) problems.push(missing)
    else if (/\s/.test(value))
      problems.push(`The ${question.replace(/[:(].*$/, '').trim()} you typed contains white space; give it alone.`)
    return value ?? ''
  }
  const clientId = await obtain(
    options.clientId,
    'Box client ID: ',
    false,
    'No Box client ID: pass --client-id or set BOX_CLIENT_ID (there is no terminal to ask on).'
  )
  const clientSecret = await obtain(
    options.clientSecret,
    'Box client secret (not shown): ',
    true,
    'No Box client secret: set BOX_CLIENT_SECRET, or run the command in a terminal to be asked (there is no ' +
      'terminal to ask on).'
  )
  if (problems.length > 0) throw new LoginFailure(`${problems.join('\n')}\nNothing was changed.`, EXIT.usage)
  return { boxApiUrl: options.boxApiUrl, clientId, clientSecret }
}

async function ask(prompt: Prompt, question: string, hidden: boolean): Promise<string | undefined> {
  try {
    return (await prompt(question, { hidden }))?.trim() || undefined
  } catch {
    throw cancelled()
  }
}

export async function resolveGitHubToken(
  options: LoginOptions,
  ghAuthToken: GhAuthToken,
  terminal: Terminal
): Promise<{ value: string; source: string }> {
  if (options.githubToken !== undefined) return options.githubToken
  const token = await ghAuthToken(ghHostname(options.githubApiUrl) ?? 'github.com')
  if (token === undefined) throw noGitHubToken()
  terminal.redact(token)
  return { value: token, source: '`gh auth token`' }
}
