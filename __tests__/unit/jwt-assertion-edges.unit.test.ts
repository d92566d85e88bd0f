/**
 * The edges of the JWT assertion that the main tests leave open: the earliest time it signs at, and
 * what `readBoxClock` takes from Box's `Date` header at the limits of its form: every month and
 * weekday name, a header of exactly the longest length read, text before the date, and a month or
 * a day that `Date.UTC` would quietly carry into another date whose weekday then matches. Each
 * of these decides whether a refused assertion is signed again on Box's clock or on this one.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { readBoxClock, signAssertion, type JwtSubject } from '../../src/box/jwt-assertion.js'

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const config = { clientId: 'k1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6', publicKeyId: 'pk7q2m9x', privateKey: rsa.privateKey }
const user: JwtSubject = { type: 'user', id: '20123456789' }

const expOf = (assertion: string): unknown =>
  (JSON.parse(Buffer.from(assertion.split('.')[1], 'base64url').toString('utf8')) as { exp: unknown }).exp

describe('signAssertion: the time it signs at', () => {
  test('the first millisecond after the epoch is a time it signs at', () => {
    expect(expOf(signAssertion(config, user, { now: 1, random: randomBytes }))).toBe(30)
  })

  test('the epoch itself is refused as no time at all (a clock that was never set)', () => {
    const signing = (): string => signAssertion(config, user, { now: 0, random: randomBytes })
    expect(signing).toThrow(TypeError)
    expect(signing).toThrow(new TypeError('The time to sign at must be epoch milliseconds.'))
  })
})

describe('readBoxClock: the limits of the Date header it reads', () => {
  test.each<[string, number]>([
    ['Sat, 11 Jan 2025 08:30:00 GMT', Date.UTC(2025, 0, 11, 8, 30)],
    ['Wed, 12 Feb 2025 08:30:00 GMT', Date.UTC(2025, 1, 12, 8, 30)],
    ['Thu, 13 Mar 2025 08:30:00 GMT', Date.UTC(2025, 2, 13, 8, 30)],
    ['Mon, 14 Apr 2025 08:30:00 GMT', Date.UTC(2025, 3, 14, 8, 30)],
    ['Thu, 15 May 2025 08:30:00 GMT', Date.UTC(2025, 4, 15, 8, 30)],
    ['Mon, 16 Jun 2025 08:30:00 GMT', Date.UTC(2025, 5, 16, 8, 30)],
    ['Thu, 17 Jul 2025 08:30:00 GMT', Date.UTC(2025, 6, 17, 8, 30)],
    ['Mon, 18 Aug 2025 08:30:00 GMT', Date.UTC(2025, 7, 18, 8, 30)],
    ['Fri, 19 Sep 2025 08:30:00 GMT', Date.UTC(2025, 8, 19, 8, 30)],
    ['Mon, 20 Oct 2025 08:30:00 GMT', Date.UTC(2025, 9, 20, 8, 30)],
    ['Fri, 21 Nov 2025 08:30:00 GMT', Date.UTC(2025, 10, 21, 8, 30)],
    ['Mon, 22 Dec 2025 08:30:00 GMT', Date.UTC(2025, 11, 22, 8, 30)]
  ])('every month is read by its name: %s', (header, boxNow) => {
    expect(readBoxClock(header, boxNow + 60_000)).toBe(boxNow)
  })

  test.each<[string, number]>([
    ['Sun, 01 Jun 2025 12:00:00 GMT', Date.UTC(2025, 5, 1, 12)],
    ['Mon, 02 Jun 2025 12:00:00 GMT', Date.UTC(2025, 5, 2, 12)],
    ['Tue, 03 Jun 2025 12:00:00 GMT', Date.UTC(2025, 5, 3, 12)],
    ['Wed, 04 Jun 2025 12:00:00 GMT', Date.UTC(2025, 5, 4, 12)],
    ['Thu, 05 Jun 2025 12:00:00 GMT', Date.UTC(2025, 5, 5, 12)],
    ['Fri, 06 Jun 2025 12:00:00 GMT', Date.UTC(2025, 5, 6, 12)],
    ['Sat, 07 Jun 2025 12:00:00 GMT', Date.UTC(2025, 5, 7, 12)]
  ])('every weekday is read by its name: %s', (header, boxNow) => {
    expect(readBoxClock(header, boxNow - 60_000)).toBe(boxNow)
  })

  const seen = Date.UTC(2017, 4, 30, 15, 13, 20)

  test('a header of 40 characters, the date among blanks, is read; one of 41 is not', () => {
    const padded = (length: number): string => ` Tue, 30 May 2017 15:13:20 GMT${' '.repeat(length - 30)}`
    expect(padded(40)).toHaveLength(40)
    expect(readBoxClock(padded(40), seen)).toBe(seen)
    expect(readBoxClock(padded(41), seen)).toBeUndefined()
  })

  test('text before the date makes it no date Box sends', () => {
    expect(readBoxClock('x Tue, 30 May 2017 15:13:20 GMT', seen)).toBeUndefined()
    expect(readBoxClock('Date: Tue, 30 May 2017 15:13:20 GMT', seen)).toBeUndefined()
  })

  test('a month that is no month is not read as December before, even when that weekday fits', () => {
    // Date.UTC(2018, -1, 1) is Friday 1 December 2017, and this clock is beside it.
    expect(readBoxClock('Fri, 01 Foo 2018 12:00:00 GMT', Date.UTC(2017, 11, 1, 12))).toBeUndefined()
  })

  test('day 00 is not read as the last day of the month before, even when that weekday fits', () => {
    // Date.UTC(2017, 2, 0) is Tuesday 28 February 2017, and this clock is beside it.
    expect(readBoxClock('Tue, 00 Mar 2017 12:00:00 GMT', Date.UTC(2017, 1, 28, 12))).toBeUndefined()
  })
})
