/**
 * Box's token endpoint played from a script, for unit tests of the Box modules: a fetch that
 * answers in order and records what it was asked, and the collaborators a grant needs, with a
 * clock that moves only when the code sleeps.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import type { JwtConfig } from '../../src/box/jwt-config.js'
import type { BoxClientDeps } from '../../src/box/token-endpoint.js'
import { Redactor } from '../../src/redact.js'
import { RetryBudget } from '../../src/retry.js'
import { skippingClock } from './clock.js'

export type Step = Response | Error | ((init: RequestInit) => Response | Error | Promise<Response>)

/** A fetch that plays a script of answers and records what it was asked. */
export function scriptedFetch(steps: Step[]) {
  const calls: Array<{ url: string; init: RequestInit }> = []
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    const step = steps.shift()
    if (step === undefined) throw new Error('unexpected extra request')
    const result = typeof step === 'function' ? await step(init) : step
    // Anything but an answer is thrown as fetch would (a DOMException is no `Error` in this realm).
    if (!(result instanceof Response)) throw result
    return result
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls }
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
/** fetch's failure, as undici throws it: a TypeError whose cause carries the system error code. */
export const networkError = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) })

/** An answer whose body sends `chunks`, then does what `then` says: end, fail, or never finish. */
export function streamed(status: number, chunks: string[], then: 'end' | 'fail' | 'stall'): Response {
  const queue = chunks.map((chunk) => new TextEncoder().encode(chunk))
  return new Response(
    new ReadableStream<Uint8Array>({
      pull: (controller) => {
        const next = queue.shift()
        if (next !== undefined) return controller.enqueue(next)
        if (then === 'end') return controller.close()
        if (then === 'fail') return controller.error(networkError('ECONNRESET'))
        return new Promise<void>(() => {}) // the rest never comes
      }
    }),
    { status, headers: { 'content-type': 'application/json' } }
  )
}

export const AT = 'AT-new-0123456789abcdef'
export const RT = 'RT-new-0123456789abcdef0123456789'
export const pair = { access_token: AT, refresh_token: RT, expires_in: 3895, token_type: 'bearer', restricted_to: [] }
export const credentials = { boxApiUrl: 'https://box.test', clientId: 'cid', clientSecret: 'csecret-0123456789' }

export function deps(
  fetch: typeof globalThis.fetch,
  masked: string[] = [],
  slept: number[] = [],
  extra: Partial<BoxClientDeps> = {}
): BoxClientDeps {
  const timing = skippingClock(0, slept)
  const redactor = new Redactor()
  redactor.add(credentials.clientSecret)
  redactor.add('RT-old-0123456789')
  return {
    fetch,
    retry: { policy: { baseDelayMs: 1000, maxDelayMs: 8000 }, budget: new RetryBudget(60_000, timing.now), timing },
    requestTimeoutMs: 5000,
    mask: (v) => masked.push(v),
    redactor,
    ...extra
  }
}

/** The same collaborators with no time for retries: the first failure is the answer. */
export function withoutRetries(d: BoxClientDeps): BoxClientDeps {
  return { ...d, retry: { ...d.retry, budget: new RetryBudget(0, d.retry.timing.now) } }
}

/** A JWT app for the enterprise 1234567, with a fresh 2048-bit RSA key (its public half to verify with). */
export function jwtApp(): { config: JwtConfig; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const config: JwtConfig = {
    clientId: 'cid',
    clientSecret: credentials.clientSecret,
    publicKeyId: 'kid12345',
    enterpriseId: '1234567',
    privateKey
  }
  return { config, publicKey }
}
