/**
 * Which way the action gets its Box token, decided from the inputs before any request:
 * `refresh-token` → OAuth 2.0 (the rotation of a token chain); `jwt-config` → JWT;
 * `box-subject-type` without either → client credentials (CCG). A mix of two modes, or an input of
 * one mode given to another, is an input problem that says which inputs belong to which mode;
 * every such problem is recorded, so that all are reported at once.
 */
import type { InputReader } from './input-reader.js'

export type Mode = 'oauth' | 'ccg' | 'jwt'

/** Which inputs make each mode, for every message that must say it. */
export const MODES =
  'OAuth 2.0 takes `refresh-token` (with `github-token`); JWT takes `jwt-config`; client credentials take ' +
  '`client-id`, `client-secret`, `box-subject-type` and `box-subject-id` (docs/modes.md)'

/**
 * Inputs of OAuth 2.0 alone, with the value that means "not used": they keep a token chain
 * alive in a secret, and client credentials and JWT have no chain (every job mints its own token).
 * Inputs whose default the runner fills in (secret-name, repository, organization-visibility,
 * issue-token) cannot be told from not given, so they are not listed.
 */
const OAUTH_ONLY: Array<[input: string, unused: string, what: string]> = [
  ['github-token', '', 'writes the new refresh token back to its secret'],
  ['handoff', '', "takes the rotating job's hand-off"],
  ['handoff-key', '', 'seals the hand-off to later jobs'],
  ['environment', '', 'chooses the secret the refresh token is written back to'],
  ['organization', '', 'chooses the secret the refresh token is written back to'],
  ['dependabot', 'false', 'writes the refresh token to the Dependabot secret too'],
  ['failure-issue', 'false', 'reports a token chain that stops rotating']
]

/** The mode the inputs name, recording a problem for every input that does not fit it; undefined for none. */
export function chooseMode(inputs: InputReader): Mode | undefined {
  const given = (name: string, unused = ''): boolean => ![unused, ''].includes(inputs.text(name))
  const oauth = given('refresh-token')
  const jwt = given('jwt-config')
  const ccg = given('box-subject-type') || given('box-subject-id')
  if (oauth && jwt) {
    inputs.problem('jwt-config', `cannot be combined with \`refresh-token\`: give the inputs of one mode. ${MODES}.`)
  }
  if (oauth && ccg) {
    for (const name of ['box-subject-type', 'box-subject-id'].filter((n) => given(n)))
      inputs.problem(
        name,
        `belongs to client credentials and JWT, and cannot be combined with \`refresh-token\` (OAuth 2.0). ${MODES}.`
      )
  }
  const mode: Mode | undefined = oauth ? 'oauth' : jwt ? 'jwt' : ccg ? 'ccg' : undefined
  if (mode === 'ccg' || mode === 'jwt') {
    const name = mode === 'jwt' ? 'JWT' : 'client credentials'
    for (const [input, unused, what] of OAUTH_ONLY) {
      if (given(input, unused))
        inputs.problem(
          input,
          `${what}: that is OAuth 2.0 alone, and this job uses ${name} (no token chain, nothing written back; ` +
            `every job gets its own token). Remove it from this step. ${MODES}.`
        )
    }
  }
  if (mode === 'jwt') {
    for (const input of ['client-id', 'client-secret'].filter((n) => given(n)))
      inputs.problem(input, 'comes from `jwt-config` in JWT mode (boxAppSettings): remove it from this step.')
  }
  return mode
}
