/**
 * The hand-off job: a job that takes the access token from the rotating job's hand-off. It opens
 * the hand-off, masks the token, and hands it out exactly as the rotating run does (outputs,
 * `BOX_ACCESS_TOKEN`, the Postman file), without a request to Box or GitHub. A hand-off that cannot
 * be opened stops the step with the reason before anything else happens; nothing is changed either way.
 */
import { HandoffError, openHandoff } from '../handoff.js'
import type { HandoffConfig } from './inputs.js'
import { LateSteps } from './io.js'
import type { RunReport } from './report.js'
import type { ActionRun } from './run.js'
import { handOutAccessToken } from './token-outputs.js'

export async function takeHandoff(run: ActionRun, config: HandoffConfig): Promise<RunReport> {
  const { io } = run
  const now = run.deps.timing.now()
  let token
  try {
    token = openHandoff(config.handoff, config.handoffKey, config.binding, now)
  } catch (error) {
    if (!(error instanceof HandoffError)) throw error
    const message =
      `\`handoff\` ${error.message}\nNothing was changed: a job with a hand-off never calls Box or ` + `GitHub.`
    io.setFailed(message)
    return { dryRun: false, results: [], warnings: [], failure: { stage: 'handoff', message } }
  }
  run.mask(token.accessToken)
  const expiresAt = new Date(token.expiresAt)
  io.info(`Opened the hand-off of this run's rotating job; the access token expires at ${expiresAt.toISOString()}.`)
  const warnings: string[] = []
  const unused = unusedCredentials(config.unused)
  if (unused !== undefined) {
    warnings.push(unused)
    io.warning(unused)
  }

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
    warnings,
    chain: { asOf: new Date(now), refreshTokenExpiresAt }
  }
  if (steps.problems.length > 0) io.setFailed(steps.problems.join('\n'))
  return report
}

/**
 * Credentials given to a job that does not use them: harmless to the hand-off, but each one is a
 * secret this job (which runs tests) holds for nothing, so the job is told it can drop them.
 */
function unusedCredentials(names: string[]): string | undefined {
  if (names.length === 0) return undefined
  const quoted = names.map((name) => `\`${name}\``)
  const listed = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
  const [verb, pronoun] = quoted.length === 1 ? ['is', 'it'] : ['are', 'them']
  return (
    `${listed} ${verb} not used by a job with \`handoff\`: it needs only \`handoff\` and \`handoff-key\`, ` +
    `and calls neither Box nor GitHub. Remove ${pronoun} from this step, so that the job holds no credential ` +
    'it does not need.'
  )
}
