/**
 * The action, as one story: mask the credentials, read the inputs and pick the job (a rotation, a
 * token minted for a server, or a job that takes the rotating job's hand-off), run it, then finish
 * in one place: the GitHub token's warning, the job summary, the failure issue. Every job returns
 * its report; none writes the summary itself. The collaborators are injected (run.ts), so tests run it in process.
 */
import { bugReport } from '../error-text.js'
import { ACTION_TERMS } from '../github/messages.js'
import { githubTokenNearItsEnd, githubTokenWarning, nextScheduledRun } from './chain.js'
import { failBeforeBox } from './endings.js'
import { fileFailureIssue } from './failure-issue.js'
import { takeHandoff } from './handoff-job.js'
import {
  credentialInputs,
  InputError,
  readConfig,
  readFailureIssueTarget,
  readHandoffConfig,
  takesHandoff
} from './inputs.js'
import { writeSummary, type RunReport } from './report.js'
import { mint } from './mint.js'
import { rotate } from './rotation.js'
import { startRun, type ActionRun, type Collaborators } from './run.js'

export type { ActionIO } from './io.js'
export type { Collaborators } from './run.js'

export async function main(deps: Collaborators): Promise<RunReport> {
  const run = startRun(deps)
  // Masked before anything else can print, including validation messages.
  for (const name of credentialInputs) {
    const value = deps.io.getInput(name).trim()
    if (value !== '') run.mask(value)
  }
  let report: RunReport
  try {
    report = await runJob(run)
  } catch (error) {
    report = await endUnexpectedly(run, error)
  }
  await finish(run, report)
  return report
}

/** The job the inputs name, or the refusal of inputs that are not valid. */
async function runJob(run: ActionRun): Promise<RunReport> {
  const { env } = run.deps
  const getInput = (name: string): string => run.deps.io.getInput(name)
  const handoffJob = takesHandoff(getInput)
  try {
    // A job with a hand-off only opens it: no Box, no GitHub, no rotation.
    if (handoffJob) return await takeHandoff(run, readHandoffConfig(getInput, env))
    const config = await readConfig(getInput, env, run.mask)
    if (config.mode !== 'oauth') return await mint(run, config)
    run.failureIssue = config.failureIssue
    run.successClosesIssue = !config.dryRun
    return await rotate(run, config)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    // A rotating job still tells its failure issue, when that can be used: the likeliest failure of
    // a keep-alive is a deleted secret, which arrives as an empty input.
    if (!handoffJob) run.failureIssue = readFailureIssueTarget(getInput, env)
    return failBeforeBox(run.io, error.list)
  }
}

/**
 * A bug (every expected failure is reported by its job). The writes still owed are tried once more,
 * and the error says how to store what is still not stored.
 */
async function endUnexpectedly(run: ActionRun, error: unknown): Promise<RunReport> {
  const afterBox = run.ledger.pending().length > 0
  const deadline = run.deps.lastCall ?? AbortSignal.timeout(30_000)
  for (const target of await run.ledger.rescue(deadline)) run.io.info(`Stored the ${target} after all.`)
  const reason = `Unexpected error${afterBox ? ' after Box issued the new token' : ''}: ${bugReport(error)}`
  run.io.setFailed(run.ledger.lastWords(reason))
  return { dryRun: false, results: [], warnings: [] }
}

/** After the job, once: the GitHub token's warning, the summary, then the failure issue. */
async function finish(run: ActionRun, report: RunReport): Promise<void> {
  const { chain } = report
  if (chain !== undefined && githubTokenNearItsEnd(chain)) {
    chain.nextScheduledRun = await nextScheduledRun(run.deps.env, chain.asOf)
    const warning = githubTokenWarning(chain, ACTION_TERMS)
    if (warning !== undefined) {
      report.warnings.push(warning)
      run.io.warning(warning)
    }
  }
  await writeSummary(run.io, report)
  // Last of all, and not when the run was cancelled; what it quotes is cleaned once more.
  if (run.failureIssue !== undefined && !run.deps.cancel?.aborted) {
    await fileFailureIssue(
      run.io,
      run.failureIssue,
      {
        failures: run.failures.map((f) => run.redactor.scrub(f)),
        chain,
        closeOnSuccess: run.successClosesIssue
      },
      run.deps,
      run.redactor
    )
  }
}
