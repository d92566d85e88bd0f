/**
 * The JWT grant: an assertion signed with the app's private key (jwt-assertion.ts), from the app's
 * JSON config (jwt-config.ts), for an access token that acts as the enterprise's service account
 * or one user (Box: "JWT without SDK"). Box answers an access token alone.
 *
 * Every attempt signs anew (a `jti` Box has seen is refused), and when Box refuses the assertion's
 * time (`exp`) or its `jti`, the grant signs once more, with Box's clock from the `Date` of that
 * refusal where it can be read, as Box's SDKs do. Each assertion is a credential until it expires,
 * so it is masked before it is sent.
 *
 * This module, with the config reader, is loaded only in JWT mode: a rotation never reads it.
 */
import { randomBytes } from 'node:crypto'
import { parseAccessTokenAnswer, type AccessTokenAnswer } from './answer.js'
import { JWT_BEARER_GRANT, readBoxClock, refusedClaim, signAssertion } from './jwt-assertion.js'
import type { JwtConfig } from './jwt-config.js'
import type { BoxSubject } from './subject.js'
import { requestToken, type BoxClientDeps, type TokenGrant } from './token-endpoint.js'

export { readJwtConfig, type JwtConfig, type JwtConfigReading } from './jwt-config.js'

export function jwtGrant(
  config: JwtConfig,
  subject: BoxSubject,
  deps: Pick<BoxClientDeps, 'mask' | 'retry'>,
  random: (bytes: number) => Buffer = randomBytes
): TokenGrant<AccessTokenAnswer> {
  return {
    form: (attempt) => {
      const assertion = signAssertion(config, subject, {
        now: attempt.boxClock ?? deps.retry.timing.now(),
        random
      })
      deps.mask(assertion)
      return { grant_type: JWT_BEARER_GRANT, assertion }
    },
    answer: parseAccessTokenAnswer,
    repair: (error, localNow) => {
      const claim = refusedClaim(error.details.oauthError, error.details.description)
      const boxClock = readBoxClock(error.details.date, localNow)
      // Every attempt signs with a new `jti`, which repairs a refused one; a refused `exp` is repaired
      // only by Box's clock, so without a readable `Date` there is nothing to sign differently.
      if (claim === 'jti') return { boxClock }
      return claim === 'exp' && boxClock !== undefined ? { boxClock } : undefined
    }
  }
}

export function jwtToken(
  config: JwtConfig,
  subject: BoxSubject,
  boxApiUrl: string,
  deps: BoxClientDeps
): Promise<AccessTokenAnswer> {
  const credentials = { boxApiUrl, clientId: config.clientId, clientSecret: config.clientSecret }
  return requestToken(credentials, jwtGrant(config, subject, deps), deps)
}
