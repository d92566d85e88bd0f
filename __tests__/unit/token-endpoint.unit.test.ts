/**
 * The token endpoint's edges, each found unguarded by a mutation run: what is read of an answer and
 * when the read stops, the words of each failure, what is logged between attempts, and what is
 * left behind (a listener, a timer) once a request is over.
 */
import { BoxError } from '../../src/box/error.js'
import { parseAccessTokenAnswer } from '../../src/box/answer.js'
import { refreshTokenPair } from '../../src/box/refresh-grant.js'
import { requestToken } from '../../src/box/token-endpoint.js'
import type { RetryEvent } from '../../src/retry.js'
import { listenersOf } from '../support/listeners.js'
import {
  AT,
  RT,
  credentials,
  deps,
  json,
  pair,
  scriptedFetch,
  streamed,
  withoutRetries
} from '../support/box-script.js'

const failure = async (run: Promise<unknown>): Promise<BoxError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof BoxError)) throw new Error(`expected a BoxError, got ${String(error)}`)
  return error
}
const KiB = 1024

describe('what is sent', () => {
  test('a form that cannot be built is thrown as it is: nothing was sent, so no connection failed', async () => {
    const { fetch, calls } = scriptedFetch([])
    const bug = new TypeError('The form has no value for grant_type.')
    const grant = {
      form: (): Record<string, string> => {
        throw bug
      },
      answer: parseAccessTokenAnswer
    }
    await expect(requestToken(credentials, grant, deps(fetch))).rejects.toBe(bug)
    expect(calls).toHaveLength(0)
  })

  test('the request is a POST that asks for JSON', async () => {
    const { fetch, calls } = scriptedFetch([json(200, pair)])
    await refreshTokenPair(credentials, 'RT', deps(fetch))
    // Box's token endpoint takes POST alone; any other method is refused, or worse, puts the form in a log.
    expect(calls[0]!.init.method).toBe('POST')
    expect(new Headers(calls[0]!.init.headers).get('accept')).toBe('application/json')
  })
})

describe('the words of each failure', () => {
  test('a redirect: where it pointed, that nothing followed it, and which input to check', async () => {
    const { fetch } = scriptedFetch([
      new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/oauth2/token?x=1' } })
    ])
    const error = await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))
    expect(error.kind).toBe('redirected')
    expect(error.details.status).toBe(302)
    expect(error.message).toBe(
      "Box's token endpoint https://box.test answered 302 and redirected to https://elsewhere.test. " +
        'A request that carries the client secret and a token is never sent to a redirect, so it went nowhere ' +
        'else and Box did not use the refresh token. ' +
        'Check `box-api-url`: it must be the API base itself, such as https://api.box.com.'
    )
  })

  test('300 is a redirect too', async () => {
    const { fetch } = scriptedFetch([new Response('{"error":"invalid_grant"}', { status: 300 })])
    expect((await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))).kind).toBe('redirected')
  })

  test('429 until the time for retries is spent: said as such, and each wait is logged with why', async () => {
    const events: RetryEvent[] = []
    const d = deps(fetch429())
    const error = await failure(
      refreshTokenPair(credentials, 'RT', { ...d, retry: { ...d.retry, onRetry: (e) => events.push(e) } })
    )
    expect(error.kind).toBe('rate_limited')
    expect(error.message).toBe('Box answered 429 Too Many Requests.')
    expect(events.length).toBeGreaterThan(0)
    expect(events[0]!.reason).toBe('Box is rate limiting (429)')

    function fetch429(): typeof globalThis.fetch {
      return (async () =>
        new Response('slow down', { status: 429, headers: { 'retry-after': '10' } })) as unknown as typeof fetch
    }
  })

  test('an error answer that is no JSON has neither a code nor a description', async () => {
    const { fetch } = scriptedFetch([new Response('<html>Bad Request</html>', { status: 400 })])
    const error = await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))
    expect(error.message).toBe('Box refused the token request: HTTP 400.')
    expect(error.details).toEqual({ status: 400, oauthError: undefined, description: undefined, date: undefined })
  })

  test('an OAuth error without a description quotes the code alone', async () => {
    const { fetch } = scriptedFetch([json(400, { error: 'invalid_grant' })])
    expect((await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))).message).toBe(
      'Box refused the token request: invalid_grant.'
    )
  })

  test('a fetch aborted from inside (no cancellation of ours) is an attempt without an answer', async () => {
    const { fetch } = scriptedFetch([new DOMException('This operation was aborted', 'AbortError')])
    const error = await failure(refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))))
    expect(error.kind).toBe('ambiguous')
    expect(error.message).toBe('Box did not answer within 5 s.')
  })

  test('a connection failure with nothing to say is "unknown error"', async () => {
    const { fetch } = scriptedFetch([new TypeError('')])
    const error = await failure(refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))))
    expect(error.message).toBe('The connection to Box failed before its answer arrived (unknown error).')
  })

  test.each(['x_ECONNRESET', 'ECONNRESET and more', 'econnreset'])(
    'a cause code that is not one (%p) is not quoted: the message is',
    async (code) => {
      const error = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) })
      const { fetch } = scriptedFetch([error])
      expect((await failure(refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))))).message).toBe(
        'The connection to Box failed before its answer arrived (fetch failed).'
      )
    }
  )
})

describe('an attempt that got no answer, remembered', () => {
  test('when every attempt timed out, the last is the error, not "an earlier attempt"', async () => {
    const timeout = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    const { fetch, calls } = scriptedFetch([timeout(), timeout(), timeout()])
    const d = deps(fetch)
    const error = await failure(
      refreshTokenPair(credentials, 'RT', { ...d, retry: { ...d.retry, budget: budgetFor(2) } })
    )
    expect(calls).toHaveLength(3)
    expect(error.kind).toBe('ambiguous')
    expect(error.earlierAmbiguousAttempt).toBeUndefined()

    function budgetFor(retries: number) {
      let left = retries
      return { allows: () => left-- > 0 } as unknown as typeof d.retry.budget
    }
  })

  test('cancelled while it waits to retry a 5xx: no attempt went unanswered, so no such claim', async () => {
    const cancel = new AbortController()
    const { fetch, calls } = scriptedFetch([
      () => {
        setTimeout(() => cancel.abort('SIGINT'), 0)
        return new Response('busy', { status: 503 })
      }
    ])
    const d = deps(fetch)
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 20)))
    const error = await refreshTokenPair(credentials, 'RT', {
      ...d,
      retry: { ...d.retry, cancel: cancel.signal, timing: { ...d.retry.timing, sleep } }
    }).catch((e: unknown) => e)
    expect(calls).toHaveLength(1)
    expect(error).not.toBeInstanceOf(BoxError)
    expect(String(error)).toBe('Cancelled: The run was cancelled (SIGINT).')
  })
})

describe('an error answer is read only as far as it is quoted', () => {
  test('exactly 64 KiB that never ends is not waited for', async () => {
    const { fetch } = scriptedFetch([streamed(502, ['x'.repeat(64 * KiB)], 'stall')])
    const error = await failure(refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))))
    expect(error.message).toBe('Box answered 502.')
  })

  test('more than that in a chunk that never ends is not waited for either', async () => {
    const { fetch } = scriptedFetch([streamed(502, ['x'.repeat(40 * KiB), 'y'.repeat(40 * KiB)], 'stall')])
    const error = await failure(refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))))
    expect(error.message).toBe('Box answered 502.')
  })

  test('an OAuth error that arrives in pieces is read whole', async () => {
    const body = JSON.stringify({ error: 'invalid_grant', error_description: 'Refresh token has expired' })
    const { fetch } = scriptedFetch([streamed(400, [body.slice(0, 10), body.slice(10)], 'end')])
    const error = await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))
    expect(error.kind).toBe('invalid_grant')
  })

  test('an error body over 64 KiB is cut there, so it is no OAuth error: only its status is said', async () => {
    const body = JSON.stringify({ error: 'invalid_grant', padding: 'p'.repeat(100 * KiB) })
    const { fetch } = scriptedFetch([streamed(400, [body], 'end')])
    const error = await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))
    expect(error.message).toBe('Box refused the token request: HTTP 400.')
    expect(error.kind).toBe('oauth')
  })
})

describe('a 2xx answer is read until it is whole, and no longer', () => {
  const quick = (fetch: typeof globalThis.fetch) => ({ ...deps(fetch), requestTimeoutMs: 200 })
  // A whole answer is taken at once: waiting out this limit would fail the test on Jest's 5 s instead.
  const patient = (fetch: typeof globalThis.fetch) => ({ ...deps(fetch), requestTimeoutMs: 60_000 })

  test('a body that ends and is no JSON is an answer without tokens, not one that broke off', async () => {
    const { fetch } = scriptedFetch([streamed(200, ['<html>ok</html>'], 'end')])
    expect((await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))).message).toBe(
      'Box accepted the request, but its answer held no usable refresh token (refresh_token is missing), ' +
        'so the refresh token it was given is probably used up.'
    )
  })

  test('a whole object followed by a line break is whole: the rest is not waited for', async () => {
    const { fetch } = scriptedFetch([streamed(200, [`${JSON.stringify(pair)}\n`], 'stall')])
    const result = await refreshTokenPair(credentials, 'RT', patient(fetch))
    expect(result).toEqual({ accessToken: AT, refreshToken: RT, expiresIn: 3895, problems: [] })
  })

  test('a piece that ends in } is not yet the whole object', async () => {
    const whole = JSON.stringify({ refresh_token: RT, restricted_to: { a: 1 }, access_token: AT, expires_in: 3895 })
    const at = whole.indexOf('}') + 1
    const { fetch } = scriptedFetch([streamed(200, [whole.slice(0, at), whole.slice(at)], 'end')])
    const result = await refreshTokenPair(credentials, 'RT', quick(fetch))
    expect(result).toEqual({ accessToken: AT, refreshToken: RT, expiresIn: 3895, problems: [] })
  })

  test('a whole JSON value that is no object is waited on like any piece', async () => {
    const { fetch } = scriptedFetch([streamed(200, ['[]'], 'stall')])
    expect((await failure(refreshTokenPair(credentials, 'RT', quick(fetch)))).message).toBe(
      'Box accepted the request (HTTP 2xx), so it has used the refresh token it was given, but its answer broke ' +
        'off (the rest did not arrive within 0.2 s) before a usable refresh token arrived. The request was not sent ' +
        'again: a used refresh token only earns invalid_grant.'
    )
  })

  test('exactly 1 MiB is still read as an answer', async () => {
    const head = JSON.stringify({ ...pair, padding: '' }).slice(0, -2)
    const body = `${head}${'p'.repeat(1024 * KiB - head.length - 2)}"}`
    expect(Buffer.byteLength(body)).toBe(1024 * KiB)
    const { fetch } = scriptedFetch([streamed(200, [body.slice(0, 512 * KiB), body.slice(512 * KiB)], 'end')])
    await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).resolves.toMatchObject({ refreshToken: RT })
  })

  test('over 1 MiB is no token answer', async () => {
    const { fetch } = scriptedFetch([streamed(200, ['{"x":"', 'x'.repeat(1024 * KiB)], 'stall')])
    const error = await failure(refreshTokenPair(credentials, 'RT', deps(fetch)))
    expect(error.kind).toBe('malformed')
    expect(error.message).toBe(
      'Box accepted the request, but its answer is larger than 1024 KiB, so it is not a token answer.'
    )
  })

  test('once the answer is read, no timer and no stop listener is left behind', async () => {
    const stop = new AbortController()
    const { signal } = stop
    const listeners = listenersOf(signal)
    const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length
    const before = timers()
    const { fetch } = scriptedFetch([streamed(200, [JSON.stringify(pair)], 'stall')])
    await refreshTokenPair(credentials, 'RT', { ...deps(fetch), requestTimeoutMs: 60_000, stop: signal })
    expect(timers()).toBe(before)
    expect(listeners.now.size).toBe(0)
  })
})
