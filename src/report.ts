/**
 * The job summary: what a person reads after a run. Every piece of text that could hold something
 * a server sent is put where markdown cannot act on it (a code fence longer than any run of
 * backticks inside it, or escaped table text), so it can never rewrite the summary around it.
 */
import type { RecoveryPayload } from './recovery.js'
import type { SecretTarget } from './targets.js'
import { formatUtc } from './time.js'

export type TargetResult =
  | { target: SecretTarget; outcome: 'created' | 'updated' }
  | { target: SecretTarget; outcome: 'failed'; message: string; recovery?: RecoveryPayload }
  | { target: SecretTarget; outcome: 'checked' }

export interface RunReport {
  dryRun: boolean
  results: TargetResult[]
  accessTokenExpiresAt?: Date
  refreshTokenExpiresAt?: Date
  postmanEnvironment?: string
  warnings: string[]
  /**
   * Set when the run stopped before any secret write: before Box (nothing changed), or at Box.
   * A failure after Box's answer shows in `results` instead, with its recovery payload.
   */
  failure?: { stage: 'preflight' | 'box'; message: string }
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
      report.failure.stage === 'preflight'
        ? '❌ The run stopped before calling Box. **Nothing was changed and the refresh token was not used.**'
        : '❌ The refresh at Box failed; no secret was written.',
      '',
      fence(report.failure.message),
      ''
    )
    return lines.join('\n')
  }
  if (report.dryRun)
    lines.push('Dry run: inputs and GitHub access were checked; Box was not called and no secret was written.', '')
  lines.push('| Secret | Where | Result |', '| --- | --- | --- |')
  for (const r of report.results) {
    lines.push(
      `| \`${r.target.name}\` (${r.target.kindLabel}) | ${markdownText(r.target.scope)} | ${outcomeText[r.outcome]} |`
    )
  }
  lines.push('')
  if (report.accessTokenExpiresAt) lines.push(`- Access token expires: **${formatUtc(report.accessTokenExpiresAt)}**`)
  if (report.refreshTokenExpiresAt)
    lines.push(`- Refresh token expires: **${formatUtc(report.refreshTokenExpiresAt)}** unless used again before then`)
  if (report.postmanEnvironment) lines.push(`- Postman environment written: ${markdownText(report.postmanEnvironment)}`)
  for (const w of report.warnings) lines.push(`- ⚠️ ${markdownText(w)}`)
  const failed = report.results.filter((r): r is Extract<TargetResult, { outcome: 'failed' }> => r.outcome === 'failed')
  if (failed.length > 0) {
    lines.push(
      '',
      '### Recovery',
      '',
      'Box has already replaced the old refresh token. Run these commands soon to store the new one (the values are sealed: only GitHub can open them).',
      ''
    )
    for (const f of failed) {
      lines.push(`**${markdownText(f.target.label)}**:`, '', fence(f.message), '')
      if (f.recovery) lines.push(fence(f.recovery.command), '')
    }
  }
  return lines.join('\n') + '\n'
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
