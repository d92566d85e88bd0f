/**
 * What a run reports: every job (a rotation, a hand-off job, a run refused on its inputs) returns a
 * RunReport, and main.ts writes it once as the job summary, what a person reads after a run. Every
 * piece of text that could hold something a server sent is put where markdown cannot act on it (a
 * code fence longer than any run of backticks inside it, or escaped table text), so it can never
 * rewrite the summary around it. The summary is a courtesy: one that cannot be written is a warning.
 */
import type { TargetResult } from '../github/secret-writer.js'
import { errorMessage } from '../error-text.js'
import { formatUtc } from '../time.js'
import { outlookLines, type ChainFacts } from './chain.js'
import type { ActionIO } from './io.js'

export interface RunReport {
  dryRun: boolean
  /** The access token came from the rotating job's hand-off; this run rotated nothing. */
  handoff?: boolean
  /** How long the token chain has, as far as this run found out. */
  chain?: ChainFacts
  results: TargetResult[]
  accessTokenExpiresAt?: Date
  postmanEnvironment?: string
  warnings: string[]
  /**
   * Set when the run stopped before any secret write: before Box (nothing changed), or at Box.
   * A failure after Box's answer shows in `results` instead, with its recovery payload.
   */
  failure?: { stage: 'preflight' | 'box' | 'handoff' | 'mint' | 'downscope'; message: string }
  /** The token was minted for a server (client credentials, JWT): no secret, no chain. */
  minted?: { how: string; subject: string; revoked?: boolean; downscoped?: string }
  /** The token handed out is a downscoped child, holding only this (OAuth 2.0; `minted` says it for the others). */
  downscoped?: string
}

const outcomeText: Record<TargetResult['outcome'], string> = {
  created: '✅ created',
  updated: '✅ updated',
  failed: '❌ not written — see the recovery payload below',
  checked: '☑️ checked (dry run, nothing written)'
}

export function summaryMarkdown(report: RunReport): string {
  const lines = ['## Box token refresh', '']
  if (report.failure !== undefined) {
    lines.push(
      {
        preflight: '❌ The run stopped before calling Box. **Nothing was changed and the refresh token was not used.**',
        box: '❌ The refresh at Box failed; no secret was written.',
        handoff: '❌ The hand-off could not be opened. **Nothing was changed.**',
        mint: '❌ Box gave no access token. **Nothing was changed.**',
        // A rotation reports a failed exchange among its warnings, under the table of what it stored.
        downscope: '❌ Box did not downscope the access token, so none was handed out.'
      }[report.failure.stage],
      '',
      fence(report.failure.message),
      ''
    )
    return [...lines, ...outlookSection(report.chain)].join('\n')
  }
  if (report.minted) return [...lines, ...mintedLines(report)].join('\n') + '\n'
  if (report.dryRun)
    lines.push('Dry run: inputs and GitHub access were checked; Box was not called and no secret was written.', '')
  if (report.handoff)
    lines.push("The access token came from the hand-off of this run's rotating job; this job rotated nothing.", '')
  else lines.push('| Secret | Where | Result |', '| --- | --- | --- |')
  for (const r of report.results) {
    lines.push(
      `| \`${r.target.name}\` (${r.target.kindLabel}) | ${markdownText(r.target.scope)} | ${outcomeText[r.outcome]} |`
    )
  }
  if (!report.handoff) lines.push('')
  if (report.downscoped) lines.push(`- Downscoped to: ${markdownText(report.downscoped)}`)
  lines.push(...tokenLines(report))
  const failed = report.results.filter((r): r is Extract<TargetResult, { outcome: 'failed' }> => r.outcome === 'failed')
  if (failed.length > 0) {
    lines.push(
      '',
      '### Recovery',
      '',
      'Box has already replaced the old refresh token. Run these commands soon to store the new one (the values are ' +
        'sealed: only GitHub can open them).',
      ''
    )
    for (const f of failed) {
      lines.push(`**${markdownText(f.target.label)}**:`, '', fence(f.message), '')
      if (f.recovery) lines.push(fence(f.recovery.command), '')
    }
  }
  lines.push(...outlookSection(report.chain))
  return lines.join('\n') + '\n'
}

/** A minted token: how, for whom, what it holds, and that nothing is written back. */
function mintedLines(report: RunReport): string[] {
  const minted = report.minted!
  if (report.dryRun)
    return [`Dry run: the inputs for ${minted.how} (${markdownText(minted.subject)}) are valid; Box was not called.`]
  const lines = [
    `An access token from Box (${minted.how}) for ${markdownText(minted.subject)}; ` +
      'nothing is written back in this mode.',
    ''
  ]
  if (minted.downscoped) lines.push(`- Downscoped to: ${markdownText(minted.downscoped)}`)
  lines.push(...tokenLines(report))
  if (minted.revoked !== undefined)
    lines.push(
      minted.revoked ? '- Revoked when the job ends (the post step).' : '- Not revoked at the end (`revoke: false`).'
    )
  return lines
}

/** The access token's expiry, the Postman file and the warnings, as every successful run lists them. */
function tokenLines(report: RunReport): string[] {
  const lines: string[] = []
  if (report.accessTokenExpiresAt) lines.push(`- Access token expires: **${formatUtc(report.accessTokenExpiresAt)}**`)
  if (report.postmanEnvironment) lines.push(`- Postman environment written: ${markdownText(report.postmanEnvironment)}`)
  for (const w of report.warnings) lines.push(`- ⚠️ ${markdownText(w)}`)
  return lines
}

/** "How long the token chain has", when anything is known of it. */
function outlookSection(chain: ChainFacts | undefined): string[] {
  const facts = chain === undefined ? [] : outlookLines(chain)
  return facts.length === 0 ? [] : ['', '### How long the token chain has', '', ...facts.map((fact) => `- ${fact}`), '']
}

/** The summary is a courtesy: a summary file that cannot be written must not change the outcome. */
export async function writeSummary(io: ActionIO, report: RunReport): Promise<void> {
  await io
    .appendSummary(summaryMarkdown(report))
    .catch((error: unknown) => io.warning(`The job summary could not be written: ${errorMessage(error)}`))
}

/** A fenced block that the text cannot close: its fence is longer than any run of backticks in it. */
export function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const marks = '`'.repeat(Math.max(3, longest + 1))
  return `${marks}text\n${text}\n${marks}`
}

/**
 * Text shown as itself in a line of markdown (never at its start): one line, with every character
 * that acts inside a line escaped: emphasis, code, links, table pipes, strike-through, HTML.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))
}
