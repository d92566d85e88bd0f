/**
 * How a rotation ends short of the write-back, each with its error and summary: refused before Box
 * (nothing used), failed at Box (after invalid_grant, with a check for a run that won a race), or
 * a dry run that checked everything and wrote nothing.
 */
import type { ChainOutlook } from './chain.js'
import { explainRefreshFailure, type ChainContext } from './refresh-failure.js'
import type { GitHubClient } from '../github/client.js'
import { NOTHING_USED } from './inputs.js'
import { writeSummary, type ActionIO } from './io.js'
import type { RunReport } from './report.js'
import { lastWritten, type PreparedTarget } from '../github/secrets.js'

export async function dryRun(
  io: ActionIO,
  prepared: PreparedTarget[],
  warnings: string[],
  outlook: ChainOutlook
): Promise<RunReport> {
  for (const p of prepared) {
    const visibility = p.settings.visibility ? `, visibility ${String(p.settings.visibility)}` : ''
    io.info(`Dry run: would write the ${p.target.label} (public key ${p.publicKey.keyId}${visibility}).`)
  }
  io.setOutput('secret-updated', 'false')
  const report: RunReport = {
    dryRun: true,
    results: prepared.map((p) => ({ target: p.target, outcome: 'checked' })),
    warnings,
    outlook
  }
  await writeSummary(io, report)
  return report
}

export async function failBeforeBox(io: ActionIO, message: string, outlook: Partial<ChainOutlook>): Promise<RunReport> {
  io.setFailed(`${message}\n${NOTHING_USED}`)
  const report: RunReport = {
    dryRun: false,
    results: [],
    warnings: [],
    failure: { stage: 'preflight', message },
    outlook: outlook.asOf ? (outlook as ChainOutlook) : undefined
  }
  await writeSummary(io, report)
  return report
}

/**
 * Box refused or never answered. After invalid_grant, the secret is read once more: if another
 * run wrote it since this run's check, that run won a race and the chain is intact.
 */
export async function failAtBox(
  io: ActionIO,
  error: unknown,
  chain: ChainContext,
  github: GitHubClient,
  first: PreparedTarget,
  warnings: string[],
  outlook: ChainOutlook
): Promise<RunReport> {
  if ((error as { kind?: unknown })?.kind === 'invalid_grant') {
    const written = await lastWritten(github, first.target)
    const before = chain.secretUpdatedAt?.getTime() ?? -Infinity
    if (written !== undefined && written.getTime() > before) chain.rotatedMeanwhileAt = written
  }
  const message = explainRefreshFailure(error, chain)
  io.setFailed(message)
  const report: RunReport = { dryRun: false, results: [], warnings, failure: { stage: 'box', message }, outlook }
  await writeSummary(io, report)
  return report
}
