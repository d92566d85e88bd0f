/**
 * Box's 200 answer, read word for word: the messages a user reads when it is not what it should be,
 * and what is kept from an answer that broke off. Box has used the old refresh token by the time it
 * answers, so each of these decides whether a token is stored or lost, and what the user is told.
 */
import { BoxError } from '../../src/box/error.js'
import { parseAccessTokenAnswer, parseTokenAnswer } from '../../src/box/answer.js'
import { AT, RT, pair } from '../support/box-script.js'

const thrown = (run: () => unknown): BoxError => {
  try {
    run()
  } catch (error) {
    return error as BoxError
  }
  throw new Error('expected the answer to be refused')
}

describe('a whole answer', () => {
  test('a good pair is taken as it is, with nothing to note', () => {
    const masked: string[] = []
    expect(parseTokenAnswer(JSON.stringify(pair), (v) => masked.push(v))).toEqual({
      refreshToken: RT,
      accessToken: AT,
      expiresIn: pair.expires_in,
      problems: []
    })
    expect(masked).toEqual([RT, AT])
  })

  test('a good access token alone is taken as it is, with nothing to note', () => {
    expect(
      parseAccessTokenAnswer(JSON.stringify({ access_token: AT, expires_in: 4000 }), () => undefined, undefined)
    ).toEqual({ accessToken: AT, expiresIn: 4000, problems: [] })
  })

  test.each([
    ['missing', { ...pair, refresh_token: undefined }],
    ['null', { ...pair, refresh_token: null }],
    ['a list, not a string', { ...pair, refresh_token: [RT] }],
    ['a number, not a string', { ...pair, refresh_token: 12 }],
    ['empty', { ...pair, refresh_token: '' }],
    ['5 characters long, which is not a token', { ...pair, refresh_token: 'short' }],
    [
      '21 characters long, with spaces or characters no token has, which is not a token',
      { ...pair, refresh_token: 'abcdefghij klmnopqrst' }
    ]
  ])('refresh_token %s: the user is told what it was, never its value', (described, body) => {
    const error = thrown(() => parseTokenAnswer(JSON.stringify(body), () => undefined))
    expect(error).toBeInstanceOf(BoxError)
    expect(error.kind).toBe('malformed')
    expect(error.message).toBe(
      `Box accepted the request, but its answer held no usable refresh token (refresh_token is ${described}), ` +
        'so the refresh token it was given is probably used up.'
    )
  })

  test('an access-token grant without one says what came instead', () => {
    const error = thrown(() => parseAccessTokenAnswer('{"access_token":"short"}', () => undefined, undefined))
    expect(error.kind).toBe('malformed')
    expect(error.message).toBe(
      'Box accepted the request, but its answer held no usable access token ' +
        '(access_token is 5 characters long, which is not a token).'
    )
  })

  test('a lifetime out of range is clamped, and the note says what Box said and what is used', () => {
    const answer = parseTokenAnswer(JSON.stringify({ ...pair, expires_in: 90_000 }), () => undefined)
    expect(answer.expiresIn).toBe(86_400)
    expect(answer.problems).toEqual([
      'Box said the access token lives 90000 s, which is out of range (60–86400); 86400 s is used.'
    ])
  })

  test('the lifetime Box said is quoted at most 24 characters long', () => {
    const answer = parseTokenAnswer(JSON.stringify({ ...pair, expires_in: -0.0000012345678901234567 }), () => undefined)
    expect(answer.problems).toEqual([
      'Box said the access token lives -0.000001234567890123456 s, which is out of range (60–86400); 60 s is used.'
    ])
  })
})

describe('an answer that broke off', () => {
  const why = 'the connection was reset'

  test('an answer that is whole JSON is read whole, with nothing to note, whatever happened after it', () => {
    expect(parseTokenAnswer(JSON.stringify(pair), () => undefined, why)).toEqual({
      refreshToken: RT,
      accessToken: AT,
      expiresIn: pair.expires_in,
      problems: []
    })
  })

  test('the refresh token that arrived whole is kept, and the note says the answer broke off', () => {
    const text = `{"access_token":"${AT}","refresh_token":"${RT}","expires_in":4000,"restricted_to":[{"sc`
    const answer = parseTokenAnswer(text, () => undefined, why)
    expect(answer).toEqual({
      refreshToken: RT,
      accessToken: AT,
      expiresIn: 4000,
      problems: [`Box's answer broke off (${why}), but the tokens in it had arrived whole.`]
    })
  })

  test('a refresh token cut in the middle is not kept: the user learns the token is used and why', () => {
    const error = thrown(() =>
      parseTokenAnswer(`{"access_token":"${AT}","refresh_token":"${RT.slice(0, 9)}`, () => undefined, why)
    )
    expect(error.kind).toBe('malformed')
    expect(error.message).toBe(
      `Box accepted the request (HTTP 2xx), so it has used the refresh token it was given, but its answer broke off ` +
        `(${why}) before a usable refresh token arrived. The request was not sent again: a used refresh token ` +
        'only earns invalid_grant.'
    )
  })

  test('a whole list is not an answer, but the tokens that arrived in it are still read', () => {
    const answer = parseTokenAnswer(JSON.stringify([pair]), () => undefined, why)
    expect(answer.refreshToken).toBe(RT)
  })

  test.each([
    ['"expires_in":4000,', 4000],
    ['"expires_in"  :  4000  ,', 4000],
    ['"expires_in"\t:\t4000\t}', 4000],
    ['"expires_in":4000', 3600] // the number may have been cut short: the documented hour instead
  ])('the lifetime in %p is read as %p s', (field, seconds) => {
    const answer = parseTokenAnswer(`{"refresh_token":"${RT}",${field}`, () => undefined, why)
    expect(answer.expiresIn).toBe(seconds)
  })

  test('an access-token grant keeps the token that arrived whole, and notes the break', () => {
    const masked: string[] = []
    const answer = parseAccessTokenAnswer(
      `{"access_token":"${AT}","expires_in":4000,"restr`,
      (v) => masked.push(v),
      why
    )
    expect(answer).toEqual({
      accessToken: AT,
      expiresIn: 4000,
      problems: [`Box's answer broke off (${why}), but the access token in it had arrived whole.`]
    })
    expect(masked).toEqual([AT])
  })

  test('an answer that is no JSON, with nothing said to have cut it, is not read field by field', () => {
    const error = thrown(() => parseAccessTokenAnswer(`{"access_token":"${AT}"`, () => undefined, undefined))
    expect(error.message).toBe(
      'Box accepted the request, but its answer held no usable access token (access_token is missing).'
    )
  })

  test('an access-token grant whose token was cut says so, and why', () => {
    const error = thrown(() => parseAccessTokenAnswer(`{"access_token":"${AT.slice(0, 9)}`, () => undefined, why))
    expect(error.message).toBe(
      'Box accepted the request, but its answer held no usable access token ' +
        `(access_token is missing; the answer broke off: ${why}).`
    )
  })
})
