/**
 * How long the token chain has: when the secret was last rotated, when the refresh token it holds
 * expires unless used, and when the GitHub token that keeps it rotating expires (where GitHub says),
 * with a warning before that token's expiry stops the rotations.
 */
import type { Terms } from '../github/client.js'
import { ACTION_TERMS } from '../github/messages.js'
import type { ActionIO } from './io.js'
import { nextScheduledRun } from './schedule.js'
import { refreshTokenExpiry } from '../box/refresh-grant.js'
import { DAY_MS, daysBetween, formatUtc } from '../time.js'

/** Warn this long before the GitHub token expires: time to make a new one and store it. */
const GITHUB_TOKEN_WARNING_DAYS = 30

export interface ChainOutlook {
  /** When these facts were gathered. */
  asOf: Date
  /** When the secret was written before this run: the last rotation. */
  secretLastRotatedAt?: Date
  /** When the refresh token in the secret expires unless used: after this run's rotation, or the previous one. */
  refreshTokenExpiresAt?: Date
  /** From GitHub's `GitHub-Authentication-Token-Expiration` header; undefined when GitHub did not say. */
  githubTokenExpiresAt?: Date
  /** This workflow's next scheduled run, when this run is a scheduled one. */
  nextScheduledRun?: Date
}

/** The refresh token in the secret, when no rotation happens in this run: 60 days after the last one. */
export function currentRefreshTokenExpiry(secretLastRotatedAt: Date | undefined): Date | undefined {
  return secretLastRotatedAt && refreshTokenExpiry(secretLastRotatedAt.getTime())
}

/** A warning when the GitHub token expires within 30 days, or undefined. */
export function githubTokenWarning(outlook: ChainOutlook, now: Date, terms: Terms): string | undefined {
  const expires = outlook.githubTokenExpiresAt
  if (expires === undefined || expires.getTime() - now.getTime() > GITHUB_TOKEN_WARNING_DAYS * DAY_MS) return undefined
  const days = Math.max(0, daysBetween(now, expires))
  const lines = [
    `The GitHub token (${terms.token}) expires on ${formatUtc(expires)}, in ${days} day${days === 1 ? '' : 's'}. ` +
      `Create a new token and ${terms.replaceToken} before then: from that date every run stops before Box and rotates nothing.`
  ]
  const next = outlook.nextScheduledRun
  if (next !== undefined && expires.getTime() < next.getTime()) {
    const breaks = outlook.refreshTokenExpiresAt ? ` on ${formatUtc(outlook.refreshTokenExpiresAt)}` : ''
    lines.push(
      `It expires before the next scheduled refresh (${formatUtc(next)}), so no later run can rotate the Box token: ` +
        `the token chain breaks${breaks}, when the refresh token this run stored expires, unless the GitHub token is replaced first.`
    )
  }
  return lines.join(' ')
}

/** The summary's lines about the chain, each only where it is known. */
export function outlookLines(outlook: ChainOutlook): string[] {
  const now = outlook.asOf
  const lines: string[] = []
  const { secretLastRotatedAt, refreshTokenExpiresAt, githubTokenExpiresAt, nextScheduledRun } = outlook
  if (secretLastRotatedAt)
    lines.push(
      `Secret last rotated before this run: **${formatUtc(secretLastRotatedAt)}** (${daysBetween(secretLastRotatedAt, now)} days ago)`
    )
  if (refreshTokenExpiresAt)
    lines.push(`Refresh token expires: **${formatUtc(refreshTokenExpiresAt)}** unless used again before then`)
  if (nextScheduledRun) lines.push(`Next scheduled refresh: **${formatUtc(nextScheduledRun)}**`)
  if (githubTokenExpiresAt) lines.push(`GitHub token expires: **${formatUtc(githubTokenExpiresAt)}**`)
  return lines
}

/** The GitHub token's expiry, when GitHub said it is near: a warning, with the next scheduled run if known. */
export async function warnAboutGitHubToken(
  io: ActionIO,
  outlook: ChainOutlook,
  env: NodeJS.ProcessEnv,
  warnings: string[]
): Promise<void> {
  const expires = outlook.githubTokenExpiresAt
  if (expires === undefined || expires.getTime() - outlook.asOf.getTime() > GITHUB_TOKEN_WARNING_DAYS * DAY_MS) return
  outlook.nextScheduledRun = await nextScheduledRun(env, outlook.asOf)
  const warning = githubTokenWarning(outlook, outlook.asOf, ACTION_TERMS)
  if (warning === undefined) return
  warnings.push(warning)
  io.warning(warning)
}
