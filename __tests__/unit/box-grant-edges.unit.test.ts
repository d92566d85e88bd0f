/**
 * What the server grants show or decide at their edges, beyond server-grants.unit.test.ts: the
 * words a message uses for the subject, every scope Box documents being one a downscope may ask
 * for, the whole message for a `resource` that is not one, the name a BoxError prints under, and
 * the JWT grant's second signature: on Box's clock when Box refuses the `jti` and dates its
 * refusal, and never for a claim no second signature fixes, even when Box's clock is known.
 */
import { BoxError } from '../../src/box/error.js'
import { jwtToken } from '../../src/box/jwt-grant.js'
import { DOCUMENTED_SCOPES, resourceProblem } from '../../src/box/scopes.js'
import { describeSubject } from '../../src/box/subject.js'
import type { BoxClientDeps } from '../../src/box/token-endpoint.js'
import { DOCUMENTED_SCOPES as BOX_DOCUMENTED_SCOPES } from '../simulator/box-scopes.js'
import { AT, deps, json, jwtApp, scriptedFetch } from '../support/box-script.js'

describe('describeSubject: whom a token acts as, in messages', () => {
  test('an enterprise subject is its service account', () => {
    expect(describeSubject({ type: 'enterprise', id: '1234567' })).toBe('the service account of enterprise 1234567')
  })

  test('a user subject is that user', () => {
    expect(describeSubject({ type: 'user', id: '7654321' })).toBe('user 7654321')
  })
})

describe('scopes and resource', () => {
  // The simulator's list, taken from Box's pages (its sources are in box-scopes.ts): the one oracle.
  const documented = [...BOX_DOCUMENTED_SCOPES]

  test.each(documented)('%s, a scope Box documents, may be asked for', (scope) => {
    expect(DOCUMENTED_SCOPES).toContain(scope)
  })

  test('no scope beyond those Box documents may be asked for', () => {
    expect([...DOCUMENTED_SCOPES].sort()).toEqual([...documented].sort())
  })

  test('a resource that is not one file or folder is refused with the whole of what to give instead', () => {
    expect(resourceProblem('https://app.box.com/folder/42', 'https://api.box.com')).toBe(
      'must be the full API URL of one file or folder, `https://api.box.com/2.0/files/<id>` or ' +
        "`https://api.box.com/2.0/folders/<id>` (the id is in the item's web address: app.box.com/folder/<id>)."
    )
  })

  test('the file or folder path must be the whole path: one under another path is refused', () => {
    // Box's API is at /2.0/ on its origin; /anything/2.0/files/<id> is some other endpoint.
    expect(resourceProblem('https://api.box.com/2.0/files/123', 'https://api.box.com')).toBeUndefined()
    expect(resourceProblem('https://api.box.com/proxy/2.0/files/123', 'https://api.box.com')).toMatch(
      /^must be the full API URL of one file or folder/
    )
  })

  test('with a box-api-url that is no URL, a resource on Box’s API is still one, and no other origin is', () => {
    expect(resourceProblem('https://api.box.com/2.0/folders/42', 'not a url')).toBeUndefined()
    expect(resourceProblem('http://127.0.0.1:4000/2.0/folders/42', 'not a url')).toMatch(/^must be the full API URL/)
  })
})

describe('BoxError', () => {
  test('prints under its own name, as a log or an uncaught failure shows it', () => {
    const error = new BoxError('server', 'Box answered 503.', { status: 503 })
    expect(error.name).toBe('BoxError')
    expect(String(error)).toBe('BoxError: Box answered 503.')
  })
})

describe('the JWT grant signing again', () => {
  const { config } = jwtApp()
  const enterprise = { type: 'enterprise', id: '1234567' } as const
  const accessOnly = { access_token: AT, expires_in: 4000, token_type: 'bearer', restricted_to: [] }
  // This machine's clock: Monday 2 March 2026, 09:00:00 UTC. Box's is ten minutes ahead.
  const LOCAL = Date.UTC(2026, 2, 2, 9)
  const BOX_DATE = 'Mon, 02 Mar 2026 09:10:00 GMT'
  const BOX_SECONDS = Date.UTC(2026, 2, 2, 9, 10) / 1000

  const atLocalTime = (d: BoxClientDeps): BoxClientDeps => ({
    ...d,
    retry: { ...d.retry, timing: { ...d.retry.timing, now: () => LOCAL } }
  })
  const expSent = (init: RequestInit): unknown => {
    const assertion = new URLSearchParams(String(init.body)).get('assertion') ?? ''
    return (JSON.parse(Buffer.from(assertion.split('.')[1], 'base64url').toString('utf8')) as { exp: unknown }).exp
  }

  test("Box refusing the `jti` with a Date: signed again on Box's clock", async () => {
    const { fetch, calls } = scriptedFetch([
      json(400, { error: 'invalid_grant', error_description: "Please check the 'jti' claim." }, { date: BOX_DATE }),
      json(200, accessOnly)
    ])
    await expect(jwtToken(config, enterprise, 'https://box.test', atLocalTime(deps(fetch)))).resolves.toMatchObject({
      accessToken: AT
    })
    expect(calls.map((call) => expSent(call.init))).toEqual([LOCAL / 1000 + 30, BOX_SECONDS + 30])
  })

  test('Box refusing the subject is not signed again, even with its clock known from the Date', async () => {
    const { fetch, calls } = scriptedFetch([
      json(400, { error: 'invalid_grant', error_description: "Please check the 'sub' claim." }, { date: BOX_DATE }),
      json(200, accessOnly)
    ])
    const refused = jwtToken(config, enterprise, 'https://box.test', atLocalTime(deps(fetch)))
    await expect(refused).rejects.toThrow(
      new BoxError('invalid_grant', "Box refused the token request: invalid_grant (Please check the 'sub' claim.).")
    )
    await expect(refused).rejects.toMatchObject({ kind: 'invalid_grant' })
    expect(calls).toHaveLength(1)
  })
})
