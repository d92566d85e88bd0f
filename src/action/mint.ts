/**
 * A token minted for a server: client credentials, or a JWT assertion signed with the app's key.
 * Box answers an access token alone, so there is no chain to keep, nothing to write back and no
 * GitHub token: the job asks Box, downscopes when `scopes` says so, keeps what the post step must
 * revoke in the runner's state file, and hands the token out as a rotation does.
 *
 * The JWT code is loaded only here, in JWT mode.
 */
import type { AccessTokenAnswer } from '../box/answer.js'
import { clientCredentialsToken } from '../box/client-credentials.js'
import { BoxError } from '../box/error.js'
import { describeSubject } from '../box/subject.js'
import type { BoxClientDeps } from '../box/token-endpoint.js'
import { errorMessage } from '../error-text.js'
import { retryContext, retryNotice } from '../retry.js'
import { describeDownscope, downscope } from './downscope.js'
import type { MintConfig } from './inputs.js'
import { LateSteps } from './io.js'
import { REVOKE_STATE, sealRevokeState } from './post.js'
import type { RunReport } from './report.js'
import type { ActionRun } from './run.js'
import { handOutAccessToken } from './token-outputs.js'

const GRANT_NAMES = { ccg: 'client credentials', jwt: 'JWT' } as const

export async function mint(run: ActionRun, config: MintConfig): Promise<RunReport> {
  const { deps, io } = run
  const how = GRANT_NAMES[config.mode]
  if (config.dryRun) {
    io.info(`Dry run: the inputs are valid (${how}, for ${describeSubject(config.subject)}); Box was not called.`)
    io.setOutput('secret-updated', 'false')
    return { dryRun: true, results: [], warnings: [], minted: { how, subject: describeSubject(config.subject) } }
  }
  await deps.beforeRequests?.({ boxApiUrl: config.boxApiUrl })
  const retry = retryContext(deps.timing, config.retryBudgetMs, { policy: deps.backoff, cancel: deps.cancel })
  const box: BoxClientDeps = {
    fetch: deps.fetch,
    retry: { ...retry, onRetry: (event) => io.info(retryNotice('Box', event)) },
    stop: deps.stop,
    requestTimeoutMs: config.requestTimeoutMs,
    mask: run.mask,
    redactor: run.redactor
  }

  io.info(`Getting a Box access token (${how}) for ${describeSubject(config.subject)} at ${config.boxApiUrl}…`)
  let parent: AccessTokenAnswer
  try {
    parent = await obtain(config, box)
  } catch (error) {
    const message = mintFailure(error, config)
    io.setFailed(message)
    return { dryRun: false, results: [], warnings: [], failure: { stage: 'mint', message } }
  }
  const obtainedAt = deps.timing.now()
  // Kept for the post step the moment it exists, before anything else can fail.
  const keep = (tokens: string[]): void => {
    if (config.revoke) io.saveState(REVOKE_STATE, sealRevokeState(tokens, clientSecretOf(config)))
  }
  keep([parent.accessToken])

  const warnings = [...parent.problems]
  for (const problem of parent.problems) io.warning(problem)
  let token = parent
  if (config.downscope) {
    const child = await downscope(io, config.boxApiUrl, parent.accessToken, config.downscope, box)
    if (!child.ok) {
      io.setFailed(child.message)
      return { dryRun: false, results: [], warnings, failure: { stage: 'downscope', message: child.message } }
    }
    token = child.token
    keep([token.accessToken, parent.accessToken])
  }

  const expiresAt = new Date(obtainedAt + token.expiresIn * 1000)
  io.info(`Box issued an access token; it expires at ${expiresAt.toISOString()}.`)
  const steps = new LateSteps()
  await steps.attempt('Setting the outputs', () => io.setOutput('secret-updated', 'false'))
  const postmanEnvironment = await handOutAccessToken(
    io,
    config,
    { accessToken: token.accessToken, expiresAt, expiresIn: token.expiresIn },
    steps
  )
  if (steps.problems.length > 0) io.setFailed(steps.problems.join('\n'))
  return {
    dryRun: false,
    results: [],
    warnings,
    accessTokenExpiresAt: expiresAt,
    postmanEnvironment,
    minted: {
      how,
      subject: describeSubject(config.subject),
      downscoped: config.downscope && describeDownscope(config.downscope),
      revoked: config.revoke
    }
  }
}

/** The token Box mints for this mode; the JWT module is loaded here and only here. */
async function obtain(config: MintConfig, box: BoxClientDeps): Promise<AccessTokenAnswer> {
  const { credentials, subject, boxApiUrl } = config
  if (credentials.mode === 'ccg') return clientCredentialsToken({ boxApiUrl, ...credentials }, subject, box)
  const { jwtToken } = await import('../box/jwt-grant.js')
  return jwtToken(credentials.jwt, subject, boxApiUrl, box)
}

const clientSecretOf = ({ credentials }: MintConfig): string =>
  credentials.mode === 'ccg' ? credentials.clientSecret : credentials.jwt.clientSecret

/** Why Box minted no token, and what to fix: there is no chain, so nothing is ever lost here. */
function mintFailure(error: unknown, config: MintConfig): string {
  const lines = [error instanceof BoxError ? error.message : `Getting the token failed: ${errorMessage(error)}.`]
  const app = config.mode === 'jwt' ? '`jwt-config`' : '`client-id` and `client-secret`'
  if (error instanceof BoxError) {
    switch (error.kind) {
      case 'invalid_client':
        lines.push(`Box does not accept the app's credentials: check ${app} against your Box app.`)
        break
      case 'invalid_grant':
      case 'oauth':
        lines.push(
          `Box refused to give ${describeSubject(config.subject)} a token. Check that ${app} ${
            config.mode === 'jwt' ? 'is' : 'are'
          } your Box app's (Box answers so to a wrong client secret too)` +
            (config.mode === 'jwt'
              ? ", that the config's public key is still one of the app's (Developer Console → Configuration → " +
                'Add and Manage Public Keys)'
              : '') +
            ', that an admin of the enterprise authorised the app (Admin Console → Integrations → Platform Apps ' +
            'Manager), that `box-subject-id` is right, and, for a user, that the app may "Generate user access ' +
            'tokens" (docs/modes.md).'
        )
        break
      case 'rate_limited':
      case 'server':
      case 'not_sent':
      case 'ambiguous':
        lines.push('Box kept failing until the retry time ran out: re-run the workflow later.')
        break
      default:
        break
    }
  }
  lines.push('Nothing was changed: this mode keeps no token chain, so a new run simply asks again.')
  return lines.join('\n')
}
