/**
 * Explanations of why a refresh failed, in terms a person can act on: was the token used, is the
 * chain broken, what to do now. Also the warnings a healthy run can still deserve (an old secret,
 * a run that was handed a stale token).
 */
import { BoxError } from '../box/error.js'
import { Cancelled } from '../retry.js'
import { REFRESH_TOKEN_LIFETIME_DAYS } from '../box/refresh-grant.js'
import { DAY_MS, daysBetween, formatUtc } from '../time.js'

/** Warn well before the 60 days so a weekly schedule that stopped running is noticed in time. */
const ROTATION_WARNING_DAYS = 45

export interface ChainContext {
  now: Date
  /** The secret the refresh token came from, e.g. "repository secret BOX_REFRESH_TOKEN of octo/app". */
  secretLabel: string
  /** When the secret was last written: the last rotation. */
  secretUpdatedAt?: Date
  /** When this run (attempt) was queued, which is when GitHub read its repository and organization secrets. */
  runQueuedAt?: Date
  /** After Box refused the token: when the secret was written again since this run checked it, if it was. */
  rotatedMeanwhileAt?: Date
}

const reauthorize = (ctx: ChainContext): string =>
  `To repair it, authorize the Box app again and store the new refresh token in the ${ctx.secretLabel}: ` +
  `see "Re-authorizing" in docs/setup.md (the \`login\` command does both in one step).`

const concurrencyFix =
  'Runs that share one refresh token must not overlap: put every job that rotates it (every job that passes ' +
  '`refresh-token`) in one `concurrency:` group (e.g. `group: box-token`, `cancel-in-progress: false`).'

/** True when the secret was rotated after this run was queued: the run holds the previous token. */
export function holdsStaleToken(ctx: ChainContext): boolean {
  return (
    ctx.secretUpdatedAt !== undefined &&
    ctx.runQueuedAt !== undefined &&
    ctx.secretUpdatedAt.getTime() > ctx.runQueuedAt.getTime()
  )
}

export function staleTokenNote(ctx: ChainContext): string {
  return (
    `The ${ctx.secretLabel} was rotated at ${iso(ctx.secretUpdatedAt)}, after this run was queued at ${iso(ctx.runQueuedAt)}, ` +
    `so this run was handed the previous refresh token, which another run has already used. The secret itself holds the current token: ` +
    `re-run the workflow (a new run reads the secret again). ${concurrencyFix} A run that waits in that group still holds the token it was ` +
    `given when it was queued; keeping the token in an environment secret, which is read when the job starts, avoids this ` +
    `(docs/concurrency.md: "One concurrency group").`
  )
}

function ageNote(ctx: ChainContext): string | undefined {
  if (ctx.secretUpdatedAt === undefined) return undefined
  const days = daysBetween(ctx.secretUpdatedAt, ctx.now)
  return `The ${ctx.secretLabel} was last rotated ${days} day${days === 1 ? '' : 's'} ago (${iso(ctx.secretUpdatedAt)}).`
}

function secretAgeDays(ctx: ChainContext): number | undefined {
  return ctx.secretUpdatedAt && (ctx.now.getTime() - ctx.secretUpdatedAt.getTime()) / DAY_MS
}

/** A warning for a secret that is near the end of Box's 60-day window, or undefined. */
export function rotationWarning(ctx: ChainContext): string | undefined {
  const days = secretAgeDays(ctx)
  if (days === undefined || days <= ROTATION_WARNING_DAYS) return undefined
  return (
    `${ageNote(ctx)} Box refresh tokens expire after ${REFRESH_TOKEN_LIFETIME_DAYS} days, so the scheduled refresh that should keep it fresh is not running. ` +
    `Check that the keep-alive workflow's schedule is enabled (GitHub disables schedules in public repositories after 60 days without activity).`
  )
}

export function explainRefreshFailure(error: unknown, ctx: ChainContext): string {
  if (error instanceof Cancelled)
    return `${error.message} Box was not asked again; the refresh token was not used and the secret is unchanged.`
  if (!(error instanceof BoxError))
    return `The refresh at Box failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`
  const lines = [error.message]
  switch (error.kind) {
    case 'invalid_grant': {
      if (ctx.rotatedMeanwhileAt !== undefined) {
        lines.push(
          `Another run rotated the ${ctx.secretLabel} at ${iso(ctx.rotatedMeanwhileAt)}, while this run was refreshing: ` +
            `it used the same refresh token first and stored the new one. ` +
            `The token chain is intact and nothing needs repairing; this run simply has no access token. ${concurrencyFix}`
        )
        return lines.join('\n')
      }
      const expired = /expired/i.test(error.details.description ?? '')
      lines.push(
        expired
          ? `The token chain is broken: Box says the refresh token has expired (refresh tokens live ${REFRESH_TOKEN_LIFETIME_DAYS} days, or until used once).`
          : `The token chain is broken: this refresh token was already used (each can be used once) or is more than ${REFRESH_TOKEN_LIFETIME_DAYS} days old.`
      )
      if (error.earlierAmbiguousAttempt) {
        lines.push(
          `An earlier attempt in this run got no answer (${error.earlierAmbiguousAttempt}); ` +
            `Box probably processed it and used the token, and its answer was lost on the way.`
        )
      }
      const age = ageNote(ctx)
      if (age)
        lines.push(
          age +
            (secretAgeDays(ctx)! > REFRESH_TOKEN_LIFETIME_DAYS
              ? ` That is past Box's ${REFRESH_TOKEN_LIFETIME_DAYS}-day limit: the keep-alive schedule has not been running.`
              : '')
        )
      if (holdsStaleToken(ctx)) {
        lines.push(staleTokenNote(ctx))
        return lines.join('\n')
      }
      lines.push(
        `If another workflow run used the same token at the same time, that run won the race. ${concurrencyFix}`
      )
      lines.push(reauthorize(ctx))
      break
    }
    case 'invalid_client':
      lines.push(
        'Box does not accept the client credentials: check `client-id` and `client-secret` against your Box app ' +
          '(Developer Console → Configuration → OAuth 2.0 Credentials); ' +
          'a reset client secret must be updated in the secret that feeds `client-secret`. ' +
          'The refresh token was not used and is still valid.'
      )
      break
    case 'oauth':
      lines.push(
        'The request was refused before the token was used; check `client-id`, `client-secret` and `box-api-url`.'
      )
      break
    case 'redirected':
      break
    case 'rate_limited':
    case 'server':
    case 'not_sent':
      lines.push(
        error.earlierAmbiguousAttempt
          ? `Box kept failing until the retry time ran out. An earlier attempt got no answer (${error.earlierAmbiguousAttempt}) ` +
              `and may have used the refresh token: ` +
              `if the next run fails with invalid_grant, re-authorize (docs/setup.md: "Re-authorizing").`
          : 'Box kept failing until the retry time ran out. The refresh token was not used: re-run the workflow later (the secret is unchanged).'
      )
      break
    case 'ambiguous':
      lines.push(
        'Box may have processed the request and used the refresh token without the answer reaching this run. ' +
          'Re-run the workflow: if it fails with invalid_grant, the token was used and the chain must be re-authorized ' +
          '(docs/setup.md: "Re-authorizing").'
      )
      break
    case 'malformed':
      lines.push(reauthorize(ctx))
      break
  }
  return lines.join('\n')
}

function iso(date: Date | undefined): string {
  return date === undefined ? 'an unknown time' : formatUtc(date, { seconds: true })
}
