import { BoxError } from '../../src/box/error.js'
import { holdsStaleToken, rotationWarning, type ChainFacts } from '../../src/action/chain.js'
import { explainRefreshFailure } from '../../src/action/refresh-failure.js'

const now = new Date('2026-11-26T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
const ctx = (extra: Partial<ChainFacts> = {}): ChainFacts => ({
  asOf: now,
  secretLabel: 'repository secret BOX_REFRESH_TOKEN of octo/app',
  ...extra
})
const invalidGrant = (description = 'Invalid refresh token') =>
  new BoxError('invalid_grant', `Box refused the token request: invalid_grant (${description}).`, {
    status: 400,
    oauthError: 'invalid_grant',
    description
  })

test('invalid_grant: broken chain, the secret age, the concurrency fix and re-authorization', () => {
  const text = explainRefreshFailure(invalidGrant(), ctx({ secretLastRotatedAt: daysAgo(3) }))
  expect(text).toMatch(/token chain is broken/)
  expect(text).toMatch(/already used/)
  expect(text).toMatch(/last rotated 3 days ago/)
  expect(text).toMatch(/concurrency:/)
  expect(text).toMatch(/Re-authorizing/)
})

test('invalid_grant on an expired token says so and points at the schedule', () => {
  const text = explainRefreshFailure(
    invalidGrant('Refresh token has expired'),
    ctx({ secretLastRotatedAt: daysAgo(61) })
  )
  expect(text).toMatch(/has expired/)
  expect(text).toMatch(/61 days ago/)
  expect(text).toMatch(/past Box's 60-day limit/)
})

test('invalid_grant after an ambiguous attempt blames that attempt', () => {
  const error = invalidGrant()
  error.earlierAmbiguousAttempt = 'Box did not answer within 30 s.'
  expect(explainRefreshFailure(error, ctx())).toMatch(/probably processed it and used the token/)
})

test('a run queued before the last rotation is told it holds a stale token, and to re-run', () => {
  const context = ctx({
    secretLastRotatedAt: new Date('2026-11-26T11:59:00Z'),
    runQueuedAt: new Date('2026-11-26T11:58:00Z')
  })
  expect(holdsStaleToken(context)).toBe(true)
  const text = explainRefreshFailure(invalidGrant(), context)
  expect(text).toMatch(/after this run was queued/)
  expect(text).toMatch(/re-run the workflow/)
  expect(text).not.toMatch(/authorize the Box app again/)
})

test('not stale when the secret was rotated before the run was queued', () => {
  expect(holdsStaleToken(ctx({ secretLastRotatedAt: daysAgo(1), runQueuedAt: daysAgo(0.5) }))).toBe(false)
  expect(holdsStaleToken(ctx({ secretLastRotatedAt: daysAgo(1) }))).toBe(false)
})

test('invalid_client says the refresh token was not used', () => {
  const error = new BoxError('invalid_client', 'Box refused the token request: invalid_client.', { status: 400 })
  const text = explainRefreshFailure(error, ctx())
  expect(text).toMatch(/`client-id` and `client-secret`/)
  expect(text).toMatch(/not used and is still valid/)
})

test('exhausted 5xx retries say the token was not used; an ambiguous last failure says it may have been', () => {
  expect(explainRefreshFailure(new BoxError('server', 'Box answered 503.', { status: 503 }), ctx())).toMatch(
    /refresh token was not used/
  )
  expect(explainRefreshFailure(new BoxError('ambiguous', 'Box did not answer within 30 s.'), ctx())).toMatch(
    /may have processed the request/
  )
})

test('the 45-day warning', () => {
  expect(rotationWarning(ctx({ secretLastRotatedAt: daysAgo(44) }))).toBeUndefined()
  expect(rotationWarning(ctx({ secretLastRotatedAt: daysAgo(46) }))).toMatch(/46 days ago.*schedule/s)
  expect(rotationWarning(ctx())).toBeUndefined()
})
