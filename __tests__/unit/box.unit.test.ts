import { BoxError } from '../../src/box/error.js'
import { refreshTokenPair } from '../../src/box/refresh-grant.js'
import { exchangeAuthorizationCode } from '../../src/box/authorization-code.js'
import { EXPIRES_IN_RANGE, parseTokenAnswer } from '../../src/box/answer.js'
import {
  AT,
  RT,
  credentials,
  deps,
  json,
  networkError,
  pair,
  scriptedFetch,
  streamed,
  withoutRetries
} from '../support/box-script.js'

test('posts the four form fields and returns the pair, masking both tokens first', async () => {
  const { fetch, calls } = scriptedFetch([json(200, pair)])
  const masked: string[] = []
  const result = await refreshTokenPair(credentials, 'RT-old', deps(fetch, masked))
  expect(result).toEqual({ accessToken: AT, refreshToken: RT, expiresIn: 3895, problems: [] })
  expect(masked.sort()).toEqual([AT, RT].sort())
  expect(calls[0].init.redirect).toBe('manual')
  expect(calls[0].url).toBe('https://box.test/oauth2/token')
  expect(new Headers(calls[0].init.headers).get('content-type')).toBe('application/x-www-form-urlencoded')
  expect(Object.fromEntries(new URLSearchParams(String(calls[0].init.body)))).toEqual({
    grant_type: 'refresh_token',
    refresh_token: 'RT-old',
    client_id: 'cid',
    client_secret: credentials.clientSecret
  })
})

test('the authorization-code exchange sends the code and redirect URI', async () => {
  const { fetch, calls } = scriptedFetch([json(200, pair)])
  await exchangeAuthorizationCode(credentials, 'CODE', 'http://127.0.0.1:5000/callback', deps(fetch))
  expect(Object.fromEntries(new URLSearchParams(String(calls[0].init.body)))).toMatchObject({
    grant_type: 'authorization_code',
    code: 'CODE',
    redirect_uri: 'http://127.0.0.1:5000/callback'
  })
})

test('invalid_grant is final and keeps Box description', async () => {
  const { fetch, calls } = scriptedFetch([
    json(400, { error: 'invalid_grant', error_description: 'Refresh token has expired' })
  ])
  const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error).toBeInstanceOf(BoxError)
  expect(error.kind).toBe('invalid_grant')
  expect(error.details.description).toBe('Refresh token has expired')
  expect(calls).toHaveLength(1)
})

test('invalid_client is final', async () => {
  const { fetch } = scriptedFetch([
    json(400, { error: 'invalid_client', error_description: 'The client credentials are invalid' })
  ])
  await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).rejects.toMatchObject({ kind: 'invalid_client' })
})

test('5xx is retried with backoff, and its body is never echoed', async () => {
  const { fetch, calls } = scriptedFetch([
    new Response('<html>secret-ish RT-old</html>', { status: 503, statusText: 'Service Unavailable' }),
    json(200, pair)
  ])
  const slept: number[] = []
  await expect(refreshTokenPair(credentials, 'RT-old', deps(fetch, [], slept))).resolves.toMatchObject({
    refreshToken: RT
  })
  expect(calls).toHaveLength(2)
  expect(slept).toEqual([500])
})

test('429 waits for retry-after', async () => {
  const { fetch } = scriptedFetch([json(429, {}, { 'retry-after': '7' }), json(200, pair)])
  const slept: number[] = []
  await refreshTokenPair(credentials, 'RT', deps(fetch, [], slept))
  expect(slept).toEqual([7000])
})

test('a refused connection was never sent: retried, and not remembered as ambiguous', async () => {
  const { fetch } = scriptedFetch([
    networkError('ECONNREFUSED'),
    json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' })
  ])
  const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error.kind).toBe('invalid_grant')
  expect(error.earlierAmbiguousAttempt).toBeUndefined()
})

test('a dropped answer is retried, and an invalid_grant after it says the first attempt probably used the token', async () => {
  const { fetch } = scriptedFetch([
    networkError('UND_ERR_SOCKET'),
    json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' })
  ])
  const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error.kind).toBe('invalid_grant')
  expect(error.earlierAmbiguousAttempt).toMatch(/UND_ERR_SOCKET/)
})

test('a timeout counts as ambiguous: retried, but remembered as an attempt Box may have used', async () => {
  const timeout = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError')
  const retried = scriptedFetch([timeout(), json(200, pair)])
  await expect(refreshTokenPair(credentials, 'RT', deps(retried.fetch))).resolves.toMatchObject({ accessToken: AT })
  expect(retried.calls).toHaveLength(2)

  const alone = scriptedFetch([timeout()])
  const noRetry = withoutRetries(deps(alone.fetch))
  const timedOut = (await refreshTokenPair(credentials, 'RT', noRetry).catch((e: unknown) => e)) as BoxError
  expect(timedOut.kind).toBe('ambiguous')
  expect(timedOut.message).toBe('Box did not answer within 5 s.')

  const thenRefused = scriptedFetch([timeout(), json(400, { error: 'invalid_grant', error_description: 'x' })])
  const error = (await refreshTokenPair(credentials, 'RT', deps(thenRefused.fetch)).catch(
    (e: unknown) => e
  )) as BoxError
  expect(error.earlierAmbiguousAttempt).toBe('Box did not answer within 5 s.')
})

test('a mask that throws does not cost the answer: the pair is returned, and the used token is not sent again', async () => {
  const { fetch, calls } = scriptedFetch([json(200, pair)])
  const failingMask = {
    mask: () => {
      throw new Error('EPIPE: the runner stopped reading')
    }
  }
  const result = await refreshTokenPair(credentials, 'RT-old', deps(fetch, [], [], failingMask))
  expect(result).toMatchObject({ accessToken: AT, refreshToken: RT })
  expect(calls).toHaveLength(1)
})

test('a 200 without a refresh token is reported as unusable, and the access token it held is still masked', async () => {
  const { fetch } = scriptedFetch([json(200, { access_token: AT })])
  const masked: string[] = []
  await expect(refreshTokenPair(credentials, 'RT', deps(fetch, masked))).rejects.toMatchObject({ kind: 'malformed' })
  expect(masked).toEqual([AT])
})

test('a missing expires_in falls back to an hour, and says so', async () => {
  const { fetch } = scriptedFetch([json(200, { access_token: AT, refresh_token: RT })])
  const result = await refreshTokenPair(credentials, 'RT', deps(fetch))
  expect(result.expiresIn).toBe(3600)
  expect(result.problems.join()).toMatch(/no usable expires_in/)
})

test('an OAuth error message quotes only the code and description, never the body', async () => {
  const { fetch } = scriptedFetch([
    json(400, {
      error: 'invalid_request',
      error_description: 'Invalid grant_type parameter or parameter missing',
      echo: 'RT-secret'
    })
  ])
  const error = (await refreshTokenPair(credentials, 'RT-secret', deps(fetch)).catch((e: unknown) => e)) as BoxError
  expect(error.kind).toBe('oauth')
  expect(error.message).toContain('invalid_request')
  expect(error.message).not.toContain('RT-secret')
})

describe('nothing Box answers is trusted', () => {
  test.each([301, 302, 303, 307, 308])(
    'a %i is never followed: the credentials go nowhere else, the token was not used',
    async (status) => {
      const { fetch, calls } = scriptedFetch([
        new Response(null, { status, headers: { location: 'http://127.0.0.1:1/steal?x=1' } })
      ])
      const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
      expect(error.kind).toBe('redirected')
      expect(error.message).toContain(`answered ${status} and redirected to http://127.0.0.1:1`)
      expect(error.message).not.toContain('/steal')
      expect(error.message).toMatch(/Box did not use the refresh token/)
      expect(calls).toHaveLength(1)
    }
  )

  test('a redirect without a usable location says so', async () => {
    const { fetch } = scriptedFetch([new Response(null, { status: 302, headers: { location: 'http://[::zz' } })])
    await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).rejects.toThrow(/a location that is not a URL/)
  })

  test('an error description that echoes the request is cleaned of every credential, control character and workflow command', async () => {
    const echo = `bad request: client_secret=${encodeURIComponent(credentials.clientSecret)}&refresh_token=RT-old-0123456789\n::error::owned\u001b[31m ${'x'.repeat(5000)}`
    const { fetch } = scriptedFetch([json(400, { error: 'invalid_request', error_description: echo })])
    const error = (await refreshTokenPair(credentials, 'RT-old-0123456789', deps(fetch)).catch(
      (e: unknown) => e
    )) as BoxError
    expect(error.message).not.toContain(credentials.clientSecret)
    expect(error.message).not.toContain(encodeURIComponent(credentials.clientSecret))
    expect(error.message).not.toContain('RT-old-0123456789')
    expect(error.message).not.toMatch(/[\u0000-\u001f]/)
    expect(error.message).not.toContain('::error::')
    expect(error.message.length).toBeLessThan(400)
  })

  test('an error code that is not of OAuth form is not quoted', async () => {
    const { fetch } = scriptedFetch([json(400, { error: '::set-output name=x::y', error_description: 'd' })])
    const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
    expect(error.kind).toBe('oauth')
    expect(error.message).toBe('Box refused the token request: HTTP 400.')
  })

  test('a 5xx status text is not quoted', async () => {
    const { fetch } = scriptedFetch([new Response('', { status: 500, statusText: 'csecret-0123456789' })])
    const error = (await refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))).catch(
      (e: unknown) => e
    )) as BoxError
    expect(error.message).toBe('Box answered 500.')
  })

  test('a 200 answer larger than 1 MiB is not read to the end and counts as unusable', async () => {
    const body = JSON.stringify({ ...pair, padding: 'x'.repeat(2 * 1024 * 1024) })
    const { fetch } = scriptedFetch([new Response(body, { status: 200 })])
    await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/larger than 1024 KiB/)
    })
  })

  test('a connection lost while an error answer is read is ambiguous, whatever its error code says', async () => {
    // Once the headers arrived the request was certainly sent: even a code that usually means
    // "never connected" cannot make it safe.
    const broken = new Response(
      new ReadableStream({ pull: (controller) => controller.error(networkError('ECONNREFUSED')) }),
      { status: 503 }
    )
    const { fetch } = scriptedFetch([
      broken,
      json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' })
    ])
    const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
    expect(error.kind).toBe('invalid_grant')
    expect(error.earlierAmbiguousAttempt).toMatch(/failed before its answer arrived \(ECONNREFUSED\)/)
  })

  test('a request that never settles ends at its time limit and is retried as ambiguous', async () => {
    const { fetch } = scriptedFetch([() => new Promise<Response>(() => {}), json(200, pair)])
    const d = deps(fetch)
    await expect(refreshTokenPair(credentials, 'RT', { ...d, requestTimeoutMs: 50 })).resolves.toMatchObject({
      refreshToken: RT
    })
  })

  test('stopping abandons the request in flight and says Box may have used the token', async () => {
    const stop = new AbortController()
    const cancel = new AbortController()
    const { fetch, calls } = scriptedFetch([
      () => {
        cancel.abort('SIGINT')
        setTimeout(() => stop.abort('SIGTERM'), 10)
        return new Promise<Response>(() => {})
      }
    ])
    const d = deps(fetch)
    const error = (await refreshTokenPair(credentials, 'RT', {
      ...d,
      stop: stop.signal,
      retry: { ...d.retry, cancel: cancel.signal }
    }).catch((e: unknown) => e)) as BoxError
    expect(error.kind).toBe('ambiguous')
    expect(error.message).toMatch(/cancelled while it waited for Box/)
    expect(calls).toHaveLength(1)
  })

  test('a cancellation lets the request in flight finish, and starts no other', async () => {
    const cancel = new AbortController()
    const { fetch, calls } = scriptedFetch([
      () => {
        cancel.abort('SIGINT')
        return json(200, pair)
      }
    ])
    const d = deps(fetch)
    await expect(
      refreshTokenPair(credentials, 'RT', { ...d, retry: { ...d.retry, cancel: cancel.signal } })
    ).resolves.toMatchObject({ refreshToken: RT })
    expect(calls).toHaveLength(1)
  })
})

const answer200 = (chunks: string[], then: 'end' | 'fail' | 'stall'): Response => streamed(200, chunks, then)

describe('a 2xx means Box used the token: the request is never sent again', () => {
  const whole = JSON.stringify(pair)

  test.each([
    ['the connection fails right after the JSON', 'fail'],
    ['the message never ends after the JSON (a missing last chunk, a Content-Length too large)', 'stall']
  ] as const)('%s: the pair that arrived is used, at once', async (_, then) => {
    const { fetch, calls } = scriptedFetch([answer200([whole.slice(0, 40), whole.slice(40)], then)])
    const started = Date.now()
    const result = await refreshTokenPair(credentials, 'RT', { ...deps(fetch), requestTimeoutMs: 5_000 })
    expect(result).toEqual({ accessToken: AT, refreshToken: RT, expiresIn: 3895, problems: [] })
    expect(calls).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2_000) // not the request's time limit
  })

  test('an answer that breaks off after the tokens keeps the tokens that arrived whole', async () => {
    const cutAfterTokens = `{"access_token":"${AT}","refresh_token":"${RT}","expires_in":38`
    const { fetch, calls } = scriptedFetch([answer200([cutAfterTokens], 'fail')])
    const masked: string[] = []
    const result = await refreshTokenPair(credentials, 'RT', deps(fetch, masked))
    expect(result).toMatchObject({ accessToken: AT, refreshToken: RT, expiresIn: EXPIRES_IN_RANGE.fallback })
    expect(result.problems[0]).toMatch(
      /broke off \(the connection failed \(ECONNRESET\)\), but the tokens in it had arrived whole/
    )
    expect(masked.sort()).toEqual([AT, RT].sort())
    expect(calls).toHaveLength(1)
  })

  test.each([
    [
      'the connection fails before a refresh token arrived',
      [`{"access_token":"${AT}","refresh_tok`],
      'fail',
      /the connection failed \(ECONNRESET\)/
    ],
    [
      'the rest never comes',
      [`{"access_token":"${AT}","refresh_token":"RT-new-01`],
      'stall',
      /did not arrive within 0.05 s/
    ]
  ] as const)('%s: it fails at once, says the token is used, and is not sent again', async (_, chunks, then, why) => {
    const { fetch, calls } = scriptedFetch([answer200([...chunks], then), json(200, pair)])
    const masked: string[] = []
    const error = (await refreshTokenPair(credentials, 'RT', { ...deps(fetch, masked), requestTimeoutMs: 50 }).catch(
      (e: unknown) => e
    )) as BoxError
    expect(error).toBeInstanceOf(BoxError)
    expect(error.kind).toBe('malformed')
    expect(error.message).toMatch(/has used the refresh token it was given, but its answer broke off/)
    expect(error.message).toMatch(why)
    expect(error.message).toMatch(/was not sent again/)
    expect(calls).toHaveLength(1)
    expect(masked).toEqual([AT]) // the access token that did arrive whole is masked all the same
  })

  test('a stop while the answer arrives keeps what arrived', async () => {
    const stop = new AbortController()
    const { fetch, calls } = scriptedFetch([
      () => {
        setTimeout(() => stop.abort('SIGTERM'), 20)
        return answer200([`{"refresh_token":"${RT}",`], 'stall')
      }
    ])
    const result = await refreshTokenPair(credentials, 'RT', { ...deps(fetch), stop: stop.signal })
    expect(result.refreshToken).toBe(RT)
    expect(result.problems[0]).toMatch(/the run was stopped while it arrived/)
    expect(calls).toHaveLength(1)
  })
})

describe('a 200 answer is validated field by field', () => {
  const parse = (body: unknown) => {
    const masked: string[] = []
    try {
      return {
        pair: parseTokenAnswer(typeof body === 'string' ? body : JSON.stringify(body), (v) => masked.push(v)),
        masked
      }
    } catch (error) {
      return { error: error as BoxError, masked }
    }
  }

  test.each([
    ['not JSON', '<html>ok</html>'],
    ['JSON null', 'null'],
    ['a list', [pair]],
    ['refresh_token missing', { ...pair, refresh_token: undefined }],
    ['refresh_token a number', { ...pair, refresh_token: 1234567890123456 }],
    ['refresh_token empty', { ...pair, refresh_token: '' }],
    ['refresh_token too short', { ...pair, refresh_token: 'short' }],
    ['refresh_token with a line break', { ...pair, refresh_token: 'abcdefghij\n::error::klmnopqrstu' }],
    ['refresh_token with spaces', { ...pair, refresh_token: 'abcdefghij klmnopqrstu' }],
    ['refresh_token 10 KB long', { ...pair, refresh_token: 'a'.repeat(10_000) }]
  ])('%s: a failed refresh that never quotes the value', (_, body) => {
    const { error, masked } = parse(body)
    expect(error).toBeInstanceOf(BoxError)
    expect(error?.kind).toBe('malformed')
    expect(error?.message).toMatch(/no usable refresh token \(refresh_token is/)
    expect(error?.message).not.toMatch(/::error::|abcdefghij|aaaaaaaaaa/)
    expect(masked).not.toContain(RT)
  })

  test.each([
    ['access_token missing', { ...pair, access_token: undefined }, /access_token is missing/],
    ['access_token an object', { ...pair, access_token: { a: 1 } }, /access_token is a object, not a string/],
    [
      'access_token with control characters',
      { ...pair, access_token: 'abc\u0000defghijklmnopqrstuvwxyz' },
      /with spaces or characters no token has/
    ]
  ])('%s: the refresh token is still good, the problem is noted', (_, body, note) => {
    const { pair: result, masked } = parse(body)
    expect(result?.refreshToken).toBe(RT)
    expect(result?.accessToken).toBeUndefined()
    expect(result?.problems.join(' ')).toMatch(note)
    expect(masked).toEqual([RT])
  })

  test.each([
    [1e300, EXPIRES_IN_RANGE.max],
    [Number.MAX_SAFE_INTEGER, EXPIRES_IN_RANGE.max],
    [-5, EXPIRES_IN_RANGE.min],
    [0, EXPIRES_IN_RANGE.min],
    [3599.7, 3600],
    ['4123', 4123],
    ['soon', EXPIRES_IN_RANGE.fallback],
    [null, EXPIRES_IN_RANGE.fallback],
    [[3600], EXPIRES_IN_RANGE.fallback]
  ])('expires_in %p becomes %p, and a date can always be made from it', (expiresIn, expected) => {
    const { pair: result } = parse({ ...pair, expires_in: expiresIn })
    expect(result?.expiresIn).toBe(expected)
    expect(() => new Date(Date.now() + result!.expiresIn * 1000).toISOString()).not.toThrow()
    if (expected !== expiresIn && String(expected) !== expiresIn) expect(result?.problems.length).toBeGreaterThan(0)
  })
})

/** Each of these is a mutant the mutation run (npm run mutation) once found alive: a bug the tests let through. */
describe('the gaps a mutation run found', () => {
  const bigPage = `<html>${'proxy error page '.repeat(8 * 1024)}</html>` // over the 64 KiB read of an error

  test('a 5xx whose page is over 64 KiB is still a server error: retried, and the token then arrives', async () => {
    const { fetch, calls } = scriptedFetch([new Response(bigPage, { status: 502 }), json(200, pair)])
    await expect(refreshTokenPair(credentials, 'RT', deps(fetch))).resolves.toMatchObject({ refreshToken: RT })
    expect(calls).toHaveLength(2)
  })

  test('a 429 whose page is over 64 KiB still waits for retry-after', async () => {
    const slept: number[] = []
    const { fetch } = scriptedFetch([
      new Response(bigPage, { status: 429, headers: { 'retry-after': '3' } }),
      json(200, pair)
    ])
    await refreshTokenPair(credentials, 'RT', deps(fetch, [], slept))
    expect(slept).toEqual([3000])
  })

  test('cancelled while it waits to retry an attempt that got no answer: Box may have used the token, and says so', async () => {
    const cancel = new AbortController()
    const { fetch, calls } = scriptedFetch([
      () => {
        // The attempt times out; the cancellation comes while the retry waits.
        setTimeout(() => cancel.abort('SIGINT'), 0)
        return new DOMException('The operation was aborted due to timeout', 'TimeoutError')
      }
    ])
    const d = deps(fetch)
    const realSleep: typeof d.retry.timing.sleep = (ms) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)))
    const error = (await refreshTokenPair(credentials, 'RT', {
      ...d,
      retry: { ...d.retry, cancel: cancel.signal, timing: { ...d.retry.timing, sleep: realSleep } }
    }).catch((e: unknown) => e)) as BoxError
    expect(calls).toHaveLength(1)
    expect(error).toBeInstanceOf(BoxError)
    expect(error.kind).toBe('ambiguous')
    expect(error.message).toBe(
      'The run was cancelled after an attempt that got no answer (Box did not answer within 5 s.).'
    )
  })

  test.each([
    ['a code followed by more', 'invalid_grant and then <b>whatever</b> the server adds'],
    ['a code followed by a line break', 'invalid_grant\n::error::OWNED'],
    ['a code with a capital', 'Invalid_grant'],
    ['a code too long', `invalid_${'x'.repeat(70)}`]
  ])('an `error` that only starts like an OAuth code (%s) is not quoted', async (_, code) => {
    const { fetch } = scriptedFetch([json(400, { error: code, error_description: 'd' })])
    const error = (await refreshTokenPair(credentials, 'RT', deps(fetch)).catch((e: unknown) => e)) as BoxError
    expect(error.message).toBe('Box refused the token request: HTTP 400.')
    expect(error.kind).toBe('oauth')
  })

  test.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])(
    '%s: the request never left, so the token was not used (not "Box may have used it")',
    async (code) => {
      const { fetch } = scriptedFetch([networkError(code)])
      const error = (await refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))).catch(
        (e: unknown) => e
      )) as BoxError
      expect(error.kind).toBe('not_sent')
      expect(error.message).toBe(`Could not connect to Box (${code}).`)
    }
  )

  test('another network failure before the answer may have reached Box: ambiguous', async () => {
    const { fetch } = scriptedFetch([networkError('ECONNRESET')])
    const error = (await refreshTokenPair(credentials, 'RT', withoutRetries(deps(fetch))).catch(
      (e: unknown) => e
    )) as BoxError
    expect(error.kind).toBe('ambiguous')
  })

  test.each(['0x10', '1e3', '3600 ', ' 3600', '+3600', '36.5', '-60', '', '1234567890123'])(
    'expires_in %p is no number of seconds: the hour Box documents, with a warning',
    (expiresIn) => {
      const answer = parseTokenAnswer(JSON.stringify({ ...pair, expires_in: expiresIn }), () => undefined)
      expect(answer.expiresIn).toBe(EXPIRES_IN_RANGE.fallback)
      expect(answer.problems).toEqual([
        "Box's answer gave no usable expires_in; the access token is taken to live 3600 s, as Box documents."
      ])
    }
  )
})
