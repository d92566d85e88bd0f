/**
 * Why a refresh failed, in terms a person can act on: was the token used, is the chain broken,
 * what to do now.
 */
import { BoxError } from '../box/error.js'
import { REFRESH_TOKEN_LIFETIME_DAYS } from '../box/refresh-grant.js'
import { errorMessage } from '../error-text.js'
import { Cancelled } from '../retry.js'
import { formatUtc } from '../time.js'
import { ageNote, CONCURRENCY_FIX, holdsStaleToken, secretAgeDays, staleTokenNote, type ChainFacts } from './chain.js'

const reauthorize = (chain: ChainFacts): string =>
  `To repair it, authorize the Box app again and store the new refresh token in the ${chain.secretLabel}: ` +
  `see "Re-authorizing" in docs/setup.md (the \`login\` command does both in one step).`

const iso = (date: Date | undefined): string =>
  date === undefined ? 'an unknown time' : formatUtc(date, { seconds: true })

export function explainRefreshFailure(error: unknown, chain: ChainFacts): string {
  if (error instanceof Cancelled)
    return `${error.message} Box was not asked again; the refresh token was not used and the secret is unchanged.`
  if (!(error instanceof BoxError)) return `The refresh at Box failed unexpectedly: ${errorMessage(error)}`
  const lines = [error.message]
  switch (error.kind) {
    case 'invalid_grant': {
      if (chain.rotatedMeanwhileAt !== undefined) {
        lines.push(
          `Another run rotated the ${chain.secretLabel} at ${iso(chain.rotatedMeanwhileAt)}, while this run was ` +
            `refreshing: ` +
            `it used the same refresh token first and stored the new one. ` +
            `The token chain is intact and nothing needs repairing; this run simply has no access token. ` +
            `${CONCURRENCY_FIX}`
        )
        return lines.join('\n')
      }
      const expired = /expired/i.test(error.details.description ?? '')
      lines.push(
        expired
          ? `The token chain is broken: Box says the refresh token has expired (refresh tokens live ` +
              `${REFRESH_TOKEN_LIFETIME_DAYS} days, or until used once).`
          : `The token chain is broken: this refresh token was already used (each can be used once) or is more than ` +
              `${REFRESH_TOKEN_LIFETIME_DAYS} days old.`
      )
      if (error.earlierAmbiguousAttempt) {
        lines.push(
          `An earlier attempt in this run got no answer (${error.earlierAmbiguousAttempt}); ` +
            `Box probably processed it and used the token, and its answer was lost on the way.`
        )
      }
      const age = ageNote(chain)
      if (age)
        lines.push(
          age +
            (secretAgeDays(chain)! > REFRESH_TOKEN_LIFETIME_DAYS
              ? ` That is past Box's ${REFRESH_TOKEN_LIFETIME_DAYS}-day limit: the keep-alive schedule has not been ` +
                `running.`
              : '')
        )
      if (holdsStaleToken(chain)) {
        lines.push(staleTokenNote(chain))
        return lines.join('\n')
      }
      lines.push(
        `If another workflow run used the same token at the same time, that run won the race. ${CONCURRENCY_FIX}`
      )
      lines.push(reauthorize(chain))
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
          ? `Box kept failing until the retry time ran out. An earlier attempt got no answer ` +
              `(${error.earlierAmbiguousAttempt}) ` +
              `and may have used the refresh token: ` +
              `if the next run fails with invalid_grant, re-authorize (docs/setup.md: "Re-authorizing").`
          : 'Box kept failing until the retry time ran out. The refresh token was not used: re-run the workflow ' +
              'later (the secret is unchanged).'
      )
      break
    case 'ambiguous':
      lines.push(
        'Box may have processed the request and used the refresh token without the answer reaching this run. ' +
          'Re-run the workflow: if it fails with invalid_grant, the token was used and the chain must be ' +
          're-authorized ' +
          '(docs/setup.md: "Re-authorizing").'
      )
      break
    case 'malformed':
      lines.push(reauthorize(chain))
      break
  }
  return lines.join('\n')
}
