/**
 * What a person reads after a run: the job summary, and when a write-back failed, the recovery
 * payload. The payload is exactly the body of the PUT that failed: a sealed value only GitHub can
 * open and its key id, so printing it is safe, and running it finishes the rotation.
 */
import { secretPath, writeBody, type PreparedTarget, type SecretTarget } from './secrets.js'
import type { SealedSecret } from './seal.js'

export interface RecoveryPayload {
  target: string
  method: 'PUT'
  /** Relative to the API base, as `gh api` takes it. */
  path: string
  body: Record<string, unknown>
  command: string
}

export function recoveryPayload(prepared: PreparedTarget, sealed: SealedSecret, githubApiUrl: string): RecoveryPayload {
  const body = writeBody(prepared, sealed)
  const path = secretPath(prepared.target)
  const hostname = ghHostname(githubApiUrl)
  // The JSON holds only base64, digits and fixed words, so single quotes cannot break out of it.
  const command = `echo '${JSON.stringify(body)}' | gh api --method PUT${hostname ? ` --hostname ${hostname}` : ''} ${path} --input -`
  return { target: prepared.target.label, method: 'PUT', path, body, command }
}

/** `gh` names GitHub Enterprise by its web host; github.com needs no flag. */
export function ghHostname(githubApiUrl: string): string | undefined {
  const url = new URL(githubApiUrl)
  if (url.hostname === 'api.github.com') return undefined
  return url.hostname.replace(/^api\.(?=[^.]+\.ghe\.com$)/, '')
}

export function recoveryInstructions(payloads: RecoveryPayload[]): string {
  return [
    `The new refresh token could not be written to ${payloads.length === 1 ? 'its secret' : `${payloads.length} secrets`}, and Box will not issue it again: store it by hand, soon (the payload is sealed with the secret's current public key):`,
    ...payloads.map((p) => `  ${p.target}:\n    ${p.command}`),
    'The payload is sealed: only GitHub can open it, so it is safe in this log. Run the command with a token that can write the secret (gh auth login, or GH_TOKEN).'
  ].join('\n')
}

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
  /** Set when the run stopped before any secret write: in preflight (nothing changed) or at Box. */
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
  if (report.dryRun) lines.push('Dry run: inputs and GitHub access were checked; Box was not called and no secret was written.', '')
  lines.push('| Secret | Where | Result |', '| --- | --- | --- |')
  for (const r of report.results) lines.push(`| \`${r.target.name}\` (${r.target.kind}${r.target.app === 'dependabot' ? ', Dependabot' : ''}) | ${escapeCell(r.target.scope)} | ${outcomeText[r.outcome]} |`)
  lines.push('')
  if (report.accessTokenExpiresAt) lines.push(`- Access token expires: **${isoMinute(report.accessTokenExpiresAt)}**`)
  if (report.refreshTokenExpiresAt) lines.push(`- Refresh token expires: **${isoMinute(report.refreshTokenExpiresAt)}** unless used again before then`)
  if (report.postmanEnvironment) lines.push(`- Postman environment written: \`${report.postmanEnvironment}\``)
  for (const w of report.warnings) lines.push(`- ⚠️ ${w}`)
  const failed = report.results.filter((r): r is Extract<TargetResult, { outcome: 'failed' }> => r.outcome === 'failed')
  if (failed.length > 0) {
    lines.push('', '### Recovery', '', 'Box has already replaced the old refresh token. Run these commands soon to store the new one (the values are sealed: only GitHub can open them).', '')
    for (const f of failed) {
      lines.push(`**${escapeCell(f.target.label)}**: ${f.message}`, '')
      if (f.recovery) lines.push(fence(f.recovery.command), '')
    }
  }
  return lines.join('\n') + '\n'
}

const fence = (text: string): string => '```\n' + text + '\n```'
const escapeCell = (text: string): string => text.replace(/\|/g, '\\|')
const isoMinute = (date: Date): string => date.toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z')
