import { randomInt } from 'node:crypto'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random [A-Za-z0-9] string, the alphabet of Box's client ids, secrets and tokens. */
export function randomAlnum(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)]
  return out
}

/** A random decimal string of `digits` digits without a leading zero (GitHub key ids, request ids). */
export function randomDigits(digits: number): string {
  let out = String(1 + randomInt(9))
  for (let i = 1; i < digits; i++) out += String(randomInt(10))
  return out
}
