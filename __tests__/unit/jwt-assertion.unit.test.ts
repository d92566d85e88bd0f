import { constants, generateKeyPairSync, randomBytes, verify, type KeyObject } from 'node:crypto'
import {
  ASSERTION_LIFETIME_SECONDS,
  BOX_TOKEN_AUDIENCE,
  MAX_CLOCK_SKEW_MS,
  readBoxClock,
  refusedClaim,
  signAssertion,
  type AssertionOptions,
  type JwtAlgorithm,
  type JwtSubject
} from '../../src/box/jwt-assertion.js'
import { Redactor } from '../../src/redact.js'

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const config = { clientId: 'k1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6', publicKeyId: 'pk7q2m9x', privateKey: rsa.privateKey }
const enterprise: JwtSubject = { type: 'enterprise', id: '987654321' }
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0, 250)
const options = (more: Partial<AssertionOptions> = {}): AssertionOptions => ({ now: NOW, random: randomBytes, ...more })

const DIGEST: Record<JwtAlgorithm, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' }

/** The assertion taken apart, with nothing trusted: each part must be base64url without padding. */
function decode(assertion: string): {
  header: Record<string, unknown>
  claims: Record<string, unknown>
  signingInput: string
  signature: Buffer
} {
  const parts = assertion.split('.')
  expect(parts).toHaveLength(3)
  for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/)
  const json = (part: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
  return {
    header: json(parts[0]),
    claims: json(parts[1]),
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], 'base64url')
  }
}

const verifies = (algorithm: JwtAlgorithm, signingInput: string, signature: Buffer, key: KeyObject): boolean =>
  verify(DIGEST[algorithm], Buffer.from(signingInput), { key, padding: constants.RSA_PKCS1_PADDING }, signature)

describe('signAssertion', () => {
  test.each<JwtAlgorithm>(['RS256', 'RS384', 'RS512'])(
    '%s: the signature verifies with the public key',
    (algorithm) => {
      const { header, signingInput, signature } = decode(signAssertion(config, enterprise, options({ algorithm })))
      expect(header).toEqual({ alg: algorithm, typ: 'JWT', kid: 'pk7q2m9x' })
      expect(signature).toHaveLength(256) // a 2048-bit RSA signature
      expect(verifies(algorithm, signingInput, signature, rsa.publicKey)).toBe(true)
      // …and with nothing else: another key, another hash, or a claim changed.
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey
      expect(verifies(algorithm, signingInput, signature, other)).toBe(false)
      const otherAlgorithm = algorithm === 'RS256' ? 'RS512' : 'RS256'
      expect(verifies(otherAlgorithm, signingInput, signature, rsa.publicKey)).toBe(false)
      const [head, body] = signingInput.split('.')
      const forged = Buffer.from(Buffer.from(body, 'base64url').toString().replace('987654321', '987654322'))
      expect(verifies(algorithm, `${head}.${forged.toString('base64url')}`, signature, rsa.publicKey)).toBe(false)
    }
  )

  test('RS256 unless told otherwise', () => {
    expect(decode(signAssertion(config, enterprise, options())).header.alg).toBe('RS256')
  })

  test('the claims, exactly: no iat, no nbf', () => {
    const asked: number[] = []
    const random = (bytes: number): Buffer => {
      asked.push(bytes)
      return Buffer.alloc(bytes, 0xfb)
    }
    const { claims } = decode(signAssertion(config, enterprise, options({ random })))
    expect(claims).toStrictEqual({
      iss: 'k1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6',
      sub: '987654321',
      box_sub_type: 'enterprise',
      aud: 'https://api.box.com/oauth2/token',
      jti: Buffer.alloc(32, 0xfb).toString('base64url'),
      exp: Math.floor(NOW / 1000) + 30
    })
    expect(asked).toEqual([32])
    expect(BOX_TOKEN_AUDIENCE).toBe('https://api.box.com/oauth2/token')
  })

  test('a user as the subject, and another audience when asked', () => {
    const user: JwtSubject = { type: 'user', id: '20123456789' }
    const { claims } = decode(signAssertion(config, user, options({ audience: 'http://127.0.0.1:8080/oauth2/token' })))
    expect(claims).toMatchObject({
      sub: '20123456789',
      box_sub_type: 'user',
      aud: 'http://127.0.0.1:8080/oauth2/token'
    })
  })

  test('jti: new every time, base64url, within Box’s 16 to 128 characters', () => {
    const jtis = Array.from({ length: 50 }, () => decode(signAssertion(config, enterprise, options())).claims.jti)
    expect(new Set(jtis).size).toBe(50)
    for (const jti of jtis) {
      expect(jti).toMatch(/^[A-Za-z0-9_-]{16,128}$/)
      expect((jti as string).length).toBe(43)
    }
  })

  test('exp: 30 s after now, never more than the 60 s Box allows, never already past', () => {
    expect(ASSERTION_LIFETIME_SECONDS).toBe(30)
    for (const now of [NOW, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 999, 1_767_225_600_001, Date.now()]) {
      const { exp } = decode(signAssertion(config, enterprise, options({ now }))).claims
      expect(Number.isInteger(exp)).toBe(true)
      const ahead = (exp as number) * 1000 - now
      expect(ahead).toBeGreaterThan(29_000)
      expect(ahead).toBeLessThanOrEqual(30_000)
    }
  })

  test('the time it is told is the time it signs at (Box’s clock, when the caller has it)', () => {
    const boxNow = NOW + 7 * 60_000
    const { exp } = decode(signAssertion(config, enterprise, options({ now: boxNow }))).claims
    expect(exp).toBe(Math.floor(boxNow / 1000) + 30)
  })

  test.each<[string, JwtSubject, Partial<AssertionOptions>, RegExp]>([
    ['a subject type Box does not know', { type: 'group' as 'user', id: '1' }, {}, /subject type/],
    ['a subject ID that is not digits', { type: 'user', id: 'me@example.com' }, {}, /subject ID/],
    ['an empty subject ID', { type: 'enterprise', id: '' }, {}, /subject ID/],
    ['another algorithm', enterprise, { algorithm: 'HS256' as JwtAlgorithm }, /RS256, RS384 or RS512/],
    ['a prototype name as the algorithm', enterprise, { algorithm: 'toString' as JwtAlgorithm }, /RS256/],
    ['a time that is not one', enterprise, { now: Number.NaN }, /epoch milliseconds/],
    ['a time in seconds', enterprise, { now: -1 }, /epoch milliseconds/],
    ['a random source that gives too little', enterprise, { random: () => Buffer.alloc(4) }, /32 bytes/],
    ['a random source that gives no Buffer', enterprise, { random: () => 'x'.repeat(32) as never }, /32 bytes/]
  ])('refuses %s (a programming error: inputs are checked before)', (_, subject, more, message) => {
    expect(() => signAssertion(config, subject, options(more))).toThrow(message)
  })
})

describe('refusedClaim: Box refusing the assertion’s time (or jti), as it says so', () => {
  test.each([
    ["Please check the 'exp' claim.", 'exp'],
    ["Current date/time MUST be before the expiration date/time listed in the 'exp' claim", 'exp'],
    [
      "Please check the 'exp' claim. The 'exp' value exceeds the maximum value of 60 seconds beyond the issue time.",
      'exp'
    ],
    ["Please check the 'exp' claim. Should be an integer", 'exp'],
    ["Please check the 'jti' claim.", 'jti'],
    ["Please check the 'jti' claim. A unique 'jti' value is required.", 'jti']
  ])('invalid_grant "%s" → %s', (description, claim) => {
    expect(refusedClaim('invalid_grant', description)).toBe(claim)
    // What the Box client hands on: the description cleaned and capped (BoxError.details.description).
    expect(refusedClaim('invalid_grant', new Redactor().serverText(description))).toBe(claim)
  })

  test.each<[string | undefined, unknown]>([
    ['invalid_grant', "Please check the 'sub' claim. The 'sub' specified is invalid."],
    ['invalid_grant', "Please check the 'box_sub_type' claim."],
    ['invalid_grant', 'Refresh token has expired'], // "exp" in a word, as Box's SDKs would match it
    ['invalid_grant', 'Invalid refresh token'],
    ['invalid_grant', 'Grant credentials are invalid'],
    ['invalid_grant', 'Please check the exp claim.'], // unquoted: not Box's wording
    ['invalid_grant', undefined],
    ['invalid_grant', 42],
    ['invalid_client', "Please check the 'exp' claim."],
    ['invalid_request', "Please check the 'exp' claim."],
    ['INVALID_GRANT', "Please check the 'exp' claim."],
    [undefined, "Please check the 'exp' claim."]
  ])('%s %p → not one', (code, description) => {
    expect(refusedClaim(code, description as string | undefined)).toBeUndefined()
  })

  test('the claim is found within the first 1000 characters, and only there', () => {
    const padded = (length: number): string => `${'x'.repeat(length)}'exp' claim`
    expect(refusedClaim('invalid_grant', padded(1000 - "'exp' claim".length))).toBe('exp')
    expect(refusedClaim('invalid_grant', padded(1000 - "'exp' claim".length + 1))).toBeUndefined()
  })
})

describe('readBoxClock: Box’s clock from its Date header', () => {
  const seen = Date.UTC(2017, 4, 30, 15, 13, 20) // Tue, 30 May 2017 15:13:20 GMT (box-node-sdk #138)

  test.each<[string, number, number]>([
    ['Tue, 30 May 2017 15:13:20 GMT', seen, seen],
    ['Tue, 30 May 2017 15:13:20 GMT', seen - 90_000, seen], // this machine 90 s behind
    ['Tue, 30 May 2017 15:13:20 GMT', seen + 14 * 3_600_000, seen], // local time kept as UTC
    ['  Tue, 30 May 2017 15:13:20 GMT ', seen, seen],
    ['Sat, 01 Apr 2017 16:56:53 GMT', Date.UTC(2017, 3, 1, 17), 1_491_065_813_000], // box-node-sdk's test
    ['Mon, 29 Feb 2016 23:59:59 GMT', Date.UTC(2016, 1, 29, 23), Date.UTC(2016, 1, 29, 23, 59, 59)],
    ['Sat, 31 Dec 2016 23:59:60 GMT', Date.UTC(2016, 11, 31, 23), Date.UTC(2017, 0, 1)] // a leap second
  ])('%s (local %p) → %p', (header, localNow, boxNow) => {
    expect(readBoxClock(header, localNow)).toBe(boxNow)
  })

  test('a day that does not exist is not carried into the next month, even with this clock beside it', () => {
    // Date.UTC would read 30 Feb 2017 as 2 Mar (a Thursday) and 29 Feb 2017 as 1 Mar (a Wednesday).
    expect(readBoxClock('Thu, 30 Feb 2017 15:13:20 GMT', Date.UTC(2017, 2, 2, 15, 13, 20))).toBeUndefined()
    expect(readBoxClock('Wed, 29 Feb 2017 15:13:20 GMT', Date.UTC(2017, 2, 1, 15, 13, 20))).toBeUndefined()
    expect(readBoxClock('Tue, 31 Apr 2018 15:13:20 GMT', Date.UTC(2018, 4, 1, 15, 13, 20))).toBeUndefined()
  })

  test('a date further than a day from this clock is not believed', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(86_400_000)
    expect(readBoxClock('Tue, 30 May 2017 15:13:20 GMT', seen + MAX_CLOCK_SKEW_MS)).toBe(seen)
    expect(readBoxClock('Tue, 30 May 2017 15:13:20 GMT', seen + MAX_CLOCK_SKEW_MS + 1)).toBeUndefined()
    expect(readBoxClock('Tue, 30 May 2017 15:13:20 GMT', seen - MAX_CLOCK_SKEW_MS - 1)).toBeUndefined()
    expect(readBoxClock('Thu, 01 Jan 1970 00:00:00 GMT', seen)).toBeUndefined()
    expect(readBoxClock('Fri, 31 Dec 9999 23:59:59 GMT', seen)).toBeUndefined()
  })

  const hostile: unknown[] = [
    null,
    undefined,
    '',
    42,
    'garbage',
    '1496157200', // epoch seconds
    '2017-05-30T15:13:20Z', // ISO 8601
    'Tuesday, 30-May-17 15:13:20 GMT', // RFC 850, obsolete
    'Tue May 30 15:13:20 2017', // asctime, obsolete
    'Tue, 30 May 2017 15:13:20 UTC',
    'Tue, 30 May 2017 15:13:20 +0000',
    'Tue, 30 May 2017 15:13:20',
    'tue, 30 may 2017 15:13:20 gmt',
    'Tue, 30 MAY 2017 15:13:20 GMT',
    'Tue,  30 May 2017 15:13:20 GMT',
    'Tue, 3 May 2017 15:13:20 GMT',
    'Mon, 30 May 2017 15:13:20 GMT', // the wrong weekday
    'Xyz, 30 May 2017 15:13:20 GMT',
    'Tue, 30 Mai 2017 15:13:20 GMT',
    'Tue, 00 May 2017 15:13:20 GMT',
    'Tue, 30 May 2017 24:00:00 GMT',
    'Tue, 30 May 2017 15:60:20 GMT',
    'Tue, 30 May 2017 15:13:61 GMT',
    'Tue, 30 May 2017 15:13:20 GMT, Tue, 30 May 2017 15:13:21 GMT', // two Date headers, joined
    'Tue, 30 May 2017 15:13:20 GMT\r\nSet-Cookie: x=y',
    'Tue, 30 May 2017 15:13:20 GMT\u0000',
    'Tue, ٣٠ May 2017 15:13:20 GMT', // digits, but not ASCII ones
    `Tue, 30 May 2017 15:13:20 GMT${' '.repeat(100)}`,
    'x'.repeat(100_000)
  ]
  test.each(hostile.map((header) => [(JSON.stringify(header) ?? 'undefined').slice(0, 70), header]))(
    '%s is not a date Box sends: ignored',
    (_, header) => {
      expect(readBoxClock(header as string, seen)).toBeUndefined()
    }
  )
})
