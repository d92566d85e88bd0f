/**
 * How a rotation ends short of the write-back, each with its error and its report: refused before
 * Box (nothing used), failed at Box (after invalid_grant, with a check for a run that won a race),
 * or a dry run that checked everything and wrote nothing. main.ts writes the report as the summary.
 */
import type { GitHubClient } from '../github/client.js'
import { lastWritten, type PreparedTarget } from '../github/secrets.js'
import type { ChainFacts } from './chain.js'
import type { ActionIO } from './io.js'
import { NOTHING_USED } from './inputs.js'
import { explainRefreshFailure } from './refresh-failure.js'
import type { RunReport } from './report.js'

export function dryRun(io: ActionIO, prepared: PreparedTarget[], warnings: string[], chain: ChainFacts): RunReport {
  for (const p of prepared) {
    const visibility = p.settings.visibility ? `, visibility ${String(p.settings.visibility)}` : ''
    io.info(`Dry run: would write the ${p.target.label} (public key ${p.publicKey.keyId}${visibility}).`)
  }
  io.setOutput('secret-updated', 'false')
  return {
    dryRun: true,
    results: prepared.map((p) => ({ target: p.target, outcome: 'checked' })),
    warnings,
    chain
  }
}

export function failBeforeBox(io: ActionIO, message: string, chain?: ChainFacts): RunReport {
  io.setFailed(`${message}\n${NOTHING_USED}`)
  return { dryRun: false, results: [], warnings: [], failure: { stage: 'preflight', message }, chain }
}

/**
 * Box refused or never answered. After invalid_grant, the secret is read once more: if another
 * run wrote it since this run's check, that run won a race and the chain is intact.
 */
export async function failAtBox(
  io: ActionIO,
  error: unknown,
  chain: ChainFacts,
  github: GitHubClient,
  first: PreparedTarget,
  warnings: string[]
): Promise<RunReport> {
  if ((error as { kind?: unknown })?.kind === 'invalid_grant') {
    const written = await lastWritten(github, first.target)
    const before = chain.secretLastRotatedAt?.getTime() ?? -Infinity
    if (written !== undefined && written.getTime() > before) chain.rotatedMeanwhileAt = written
  }
  const message = explainRefreshFailure(error, chain)
  io.setFailed(message)
  return { dryRun: false, results: [], warnings, failure: { stage: 'box', message }, chain }
}
