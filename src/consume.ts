/**
 * A job that takes the access token from the rotating job's hand-off: it opens the hand-off, masks
 * the token, and hands it out exactly as the rotating run does (outputs, `BOX_ACCESS_TOKEN`, the
 * Postman file), without a request to Box or GitHub. A hand-off that cannot be opened stops the
 * step with the reason before anything else happens; nothing is changed either way.
 */
import { handOutAccessToken } from './access-token.js'
import { HandoffError, openHandoff } from './handoff.js'
import type { HandoffConfig } from './inputs.js'
import { LateSteps, writeSummary, type ActionIO } from './io.js'
import type { RunReport } from './report.js'

export async function consumeHandoff(
  io: ActionIO,
  config: HandoffConfig,
  now: number,
  /** Masks a credential for the runner and teaches it to the run's redactor, as for Box's tokens. */
  mask: (value: string) => void
): Promise<RunReport> {
  let token
  try {
    token = openHandoff(config.handoff, config.clientSecret, config.binding, now)
  } catch (error) {
    if (!(error instanceof HandoffError)) throw error
    const message = `\`handoff\` ${error.message}\nNothing was changed: a job with a hand-off never calls Box or GitHub.`
    io.setFailed(message)
    const report: RunReport = { dryRun: false, results: [], warnings: [], failure: { stage: 'handoff', message } }
    await writeSummary(io, report)
    return report
  }
  mask(token.accessToken)
  const expiresAt = new Date(token.expiresAt)
  io.info(`Opened the hand-off of this run's rotating job; the access token expires at ${expiresAt.toISOString()}.`)

  const steps = new LateSteps()
  await steps.attempt('Setting the outputs', () => io.setOutput('secret-updated', 'false'))
  const refreshTokenExpiresAt = new Date(token.refreshTokenExpiresAt)
  const postmanEnvironment = await handOutAccessToken(io, config, { ...token, expiresAt, refreshTokenExpiresAt }, steps)
  const report: RunReport = {
    dryRun: false,
    handoff: true,
    results: [],
    accessTokenExpiresAt: expiresAt,
    postmanEnvironment,
    warnings: [],
    outlook: { asOf: new Date(now), refreshTokenExpiresAt }
  }
  await writeSummary(io, report)
  if (steps.problems.length > 0) io.setFailed(steps.problems.join('\n'))
  return report
}
