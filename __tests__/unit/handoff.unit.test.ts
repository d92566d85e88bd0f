import { createCipheriv, hkdfSync } from 'node:crypto'
import {
  decodeHandoffKey,
  HANDOFF_MARGIN_MS,
  HandoffError,
  openHandoff,
  sealHandoff,
  type HandoffToken
} from '../../src/handoff.js'

const KEY = Buffer.from('0123456789abcdef0123456789abcdef')
const binding = { repository: 'octo-org/api-tests', runId: 1001 }
const now = Date.parse('2026-11-29T12:00:00Z')
const token: HandoffToken = {
  accessToken: 'access-token-0123456789abcdef',
  expiresAt: now + 3_600_000,
  expiresIn: 3600,
  refreshTokenExpiresAt: now + 60 * 86_400_000
}

const problem = (value: string, key = KEY, where = binding, at = now): string => {
  try {
    openHandoff(value, key, where, at)
  } catch (error) {
    if (error instanceof HandoffError) return error.problem
    throw error
  }
  return 'opened'
}

const parts = (sealed: string): [string, string, string, string] =>
  sealed.split('.') as [string, string, string, string]
const header = (sealed: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(parts(sealed)[1], 'base64url').toString()) as Record<string, unknown>
const withHeader = (sealed: string, fields: Record<string, unknown>): string => {
  const [prefix, , nonce, body] = parts(sealed)
  return [prefix, Buffer.from(JSON.stringify(fields)).toString('base64url'), nonce, body].join('.')
}

test('round trip: what the rotating job seals, a job of the same run opens', () => {
  const sealed = sealHandoff(token, KEY, binding)
  expect(openHandoff(sealed, KEY, binding, now)).toEqual(token)
  expect(openHandoff(`  ${sealed}\n`, KEY, binding, now)).toEqual(token) // as a job output may arrive
})

test('the sealed value holds neither the token nor the key, and differs every time', () => {
  const a = sealHandoff(token, KEY, binding)
  const b = sealHandoff(token, KEY, binding)
  expect(a).not.toBe(b)
  for (const value of [
    token.accessToken,
    KEY.toString('base64'),
    KEY.toString('base64url'),
    KEY.toString('hex'),
    Buffer.from(token.accessToken).toString('base64'),
    Buffer.from(token.accessToken).toString('base64url')
  ]) {
    expect(a).not.toContain(value)
  }
  expect(a).toMatch(/^box-handoff-v2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
})

describe('the format, pinned across versions', () => {
  // Made once with this version and committed: a change of the format (prefix, key derivation,
  // header, AAD, plaintext) fails here, where it must be a deliberate new version.
  const vector = {
    key: 'aGFuZC1vZmYga2V5IHRlc3QgdmVjdG9yOiAzMiBieXQ=',
    binding: { repository: 'octo-org/api-tests', runId: 1001 },
    nonce: Buffer.from('000102030405060708090a0b', 'hex'),
    token: {
      accessToken: 'T9yZ2xkIGFjY2VzcyB0b2tlbiBmb3IgdGhlIHZlY3Rvcg',
      expiresAt: Date.parse('2026-11-29T12:00:00Z'),
      expiresIn: 3600,
      refreshTokenExpiresAt: Date.parse('2027-01-28T11:00:00Z')
    },
    envelope:
      'box-handoff-v2.eyJyZXBvIjoib2N0by1vcmcvYXBpLXRlc3RzIiwicnVuIjoxMDAxLCJleHAiOjE3OTU5NTM2MDAwMDAsImtpZCI6InJnY3l0STdtQUhPZWVERW8ifQ.' +
      'AAECAwQFBgcICQoL.Xd9J_naYcz7wKB8f39q4oIALzWSOtwvxJ_MHAilLicWUSUyU7CmEIuHeegTtjG6smAtU1b-kPzUexlH7HWOyKQH58hOkXR4vPkY_I7nJccML8sKsiPfbtguW0Vhj-6SuQ7pmH975BX4QRv1im8QqG_7r'
  }
  const key = (): Buffer => {
    const decoded = decodeHandoffKey(vector.key)
    if ('problem' in decoded) throw new Error(decoded.problem)
    return decoded.key
  }

  test('the committed envelope opens with the committed key and binding', () => {
    expect(openHandoff(vector.envelope, key(), vector.binding, vector.token.expiresAt - 3_600_000)).toEqual(
      vector.token
    )
  })

  test('sealing the same token with the same nonce gives the committed envelope, byte for byte', () => {
    expect(sealHandoff(vector.token, key(), vector.binding, vector.nonce)).toBe(vector.envelope)
  })

  test('the construction is the documented one: HKDF-SHA256 keys for encryption and the key check, AES-256-GCM', () => {
    const derive = (info: string, length: number): Buffer =>
      Buffer.from(
        hkdfSync(
          'sha256',
          key(),
          'box-handoff-v2',
          `${info}\n${vector.binding.repository}\n${vector.binding.runId}`,
          length
        )
      )
    const encryption = derive('box-token-refresh hand-off v2 encryption key', 32)
    const check = derive('box-token-refresh hand-off v2 key check', 12)
    expect(encryption.subarray(0, 12).equals(check)).toBe(false) // two keys, not one cut in two
    const head = Buffer.from(
      JSON.stringify({
        repo: 'octo-org/api-tests',
        run: 1001,
        exp: vector.token.expiresAt,
        kid: check.toString('base64url')
      })
    ).toString('base64url')
    const cipher = createCipheriv('aes-256-gcm', encryption, vector.nonce)
    cipher.setAAD(Buffer.from(`box-handoff-v2.${head}`))
    const body = Buffer.concat([
      cipher.update(
        JSON.stringify({
          t: vector.token.accessToken,
          e: vector.token.expiresAt,
          i: 3600,
          r: vector.token.refreshTokenExpiresAt
        })
      ),
      cipher.final(),
      cipher.getAuthTag()
    ])
    expect(`box-handoff-v2.${head}.${vector.nonce.toString('base64url')}.${body.toString('base64url')}`).toBe(
      vector.envelope
    )
  })
})

describe('handoff-key is decoded strictly', () => {
  const thirtyTwo = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i)) // bytes whose base64 holds + and /
  const decoded = (text: string): string => {
    const result = decodeHandoffKey(text)
    return 'key' in result ? result.key.toString('hex') : result.problem
  }

  test.each([
    ['standard base64 with padding (openssl rand -base64 32)', thirtyTwo.toString('base64')],
    ['URL-safe base64 without padding', thirtyTwo.toString('base64url')],
    ['more than 32 bytes', Buffer.concat([thirtyTwo, thirtyTwo]).toString('base64')]
  ])('accepts %s', (_, text) => {
    expect(decoded(text).startsWith(thirtyTwo.toString('hex'))).toBe(true)
  })

  test('the standard alphabet really has + and / here, and the URL-safe one - and _', () => {
    expect(thirtyTwo.toString('base64')).toMatch(/[+/]/)
    expect(thirtyTwo.toString('base64url')).toMatch(/[-_]/)
  })

  test.each([
    ['padding left out of the standard alphabet', thirtyTwo.toString('base64').replace(/=+$/, '')],
    ['padding added to the URL-safe alphabet', `${thirtyTwo.toString('base64url')}=`],
    ['the two alphabets mixed', thirtyTwo.toString('base64').replace('+', '-')],
    [
      'a character outside both alphabets',
      `${thirtyTwo.toString('base64').slice(0, 20)}*${thirtyTwo.toString('base64').slice(21)}`
    ],
    ['a hex string', thirtyTwo.toString('hex').slice(0, 43) + '!'],
    ['bits after the last byte that do not round-trip', thirtyTwo.toString('base64').replace(/.=$/, 'B=')]
  ])('refuses %s, saying how to make a key', (_, text) => {
    expect(decoded(text)).toMatch(/^is not base64 .*`openssl rand -base64 32`/)
  })

  test.each([
    ['31 bytes', 31],
    ['16 bytes', 16],
    ['1 byte', 1]
  ])('refuses %s: a key must be at least 32 bytes', (_, length) => {
    expect(decoded(thirtyTwo.subarray(0, length).toString('base64'))).toBe(
      `holds ${length} bytes; a hand-off key must be at least 32 random bytes. ` +
        'Make one with `openssl rand -base64 32` and store it as a secret, e.g. BOX_HANDOFF_KEY, or let the login command ' +
        'make and store one (`--handoff-key-secret BOX_HANDOFF_KEY`); docs/many-jobs.md.'
    )
  })

  test('64 hex digits are valid base64 too: read as 48 bytes, as random as the 32 the person meant', () => {
    expect(decoded(thirtyTwo.toString('hex'))).toMatch(/^[0-9a-f]{96}$/)
  })
})

test.each([
  ['empty', ''],
  ['a token, not a hand-off', token.accessToken],
  ['a header that is not JSON', sealHandoff(token, KEY, binding).replace(/^(box-handoff-v2\.)[^.]+/, '$1bm9wZQ')],
  ['a header that is not strict base64url', sealHandoff(token, KEY, binding).replace(/^(box-handoff-v2\.)/, '$1*')],
  ['five parts', `${sealHandoff(token, KEY, binding)}.AAAA`],
  [
    // The envelope is read before anything is authenticated, and its repository is quoted in errors.
    'a header whose repository is not a repository name',
    withHeader(sealHandoff(token, KEY, binding), {
      repo: 'a/b\n::warning::x```',
      run: 1001,
      exp: now + 3_600_000,
      kid: 'k'
    })
  ]
])('%s: not a hand-off', (_, value) => {
  expect(problem(value)).toBe('malformed')
  expect(() => openHandoff(value, KEY, binding, now)).toThrow(/^is not a hand-off: pass the rotating job's `handoff`/)
})

test('a hand-off of the old format (sealed with the client secret) says the rotating job must run this version, with handoff-key', () => {
  // What version 1 printed: box-handoff-v1.<header>.<nonce>.<sealed>, its key derived from `client-secret`.
  const old = sealHandoff(token, KEY, binding).replace(/^box-handoff-v2\./, 'box-handoff-v1.')
  expect(problem(old)).toBe('other-version')
  expect(() => openHandoff(old, KEY, binding, now)).toThrow(
    'was made by an earlier version of this action (box-handoff-v1, sealed with `client-secret`), which this version no longer opens: ' +
      'the rotating job must run this version too, with `handoff-key`'
  )
  expect(problem('box-handoff-v1.garbage')).toBe('other-version')
})

test('a hand-off of a later format asks for the same version in every job', () => {
  const later = sealHandoff(token, KEY, binding).replace(/^box-handoff-v2\./, 'box-handoff-v3.')
  expect(problem(later)).toBe('other-version')
  expect(() => openHandoff(later, KEY, binding, now)).toThrow(
    'was made by a later version of this action (box-handoff-v3): use the same version of the action in every job'
  )
})

test('another run, another repository: refused, saying which', () => {
  const sealed = sealHandoff(token, KEY, binding)
  expect(problem(sealed, KEY, { ...binding, runId: 1002 })).toBe('other-run')
  expect(problem(sealed, KEY, { ...binding, repository: 'octo-org/other' })).toBe('other-run')
  expect(() => openHandoff(sealed, KEY, { ...binding, runId: 1002 }, now)).toThrow(
    'belongs to run 1001 of octo-org/api-tests, not to this run (1002 of octo-org/api-tests)'
  )
})

test('a header rewritten to claim this run does not open either: the keys are bound to the run', () => {
  const sealed = sealHandoff(token, KEY, binding)
  expect(problem(withHeader(sealed, { ...header(sealed), run: 1002 }), KEY, { ...binding, runId: 1002 })).toBe(
    'wrong-key'
  )
})

test('a header rewritten to a later expiry, with the right key check, is caught by the authentication', () => {
  const sealed = sealHandoff(token, KEY, binding)
  const later = withHeader(sealed, { ...header(sealed), exp: token.expiresAt + 86_400_000 })
  expect(problem(later)).toBe('tampered')
})

test('expired: refused with how long ago, and a minute before the end too', () => {
  const sealed = sealHandoff(token, KEY, binding)
  expect(() => openHandoff(sealed, KEY, binding, token.expiresAt + 25 * 60_000)).toThrow(
    /expired 25 minutes ago.*must run closer to the tests/
  )
  expect(() => openHandoff(sealed, KEY, binding, token.expiresAt + 26 * 3_600_000)).toThrow(/expired 26 hours ago/)
  expect(problem(sealed, KEY, binding, token.expiresAt - HANDOFF_MARGIN_MS + 1)).toBe('expired')
  expect(problem(sealed, KEY, binding, token.expiresAt - HANDOFF_MARGIN_MS - 1)).toBe('opened')
})

test('the wrong key is told apart from a changed hand-off, and the message says which input to fix', () => {
  const sealed = sealHandoff(token, KEY, binding)
  expect(problem(sealed, Buffer.from('another-hand-off-key-0123456789ab'))).toBe('wrong-key')
  expect(() => openHandoff(sealed, Buffer.from('another-hand-off-key-0123456789ab'), binding, now)).toThrow(
    'does not open with this `handoff-key`: give this job the same key as the rotating job'
  )
  const [prefix, head, nonce, body] = parts(sealed)
  const flipped = (text: string): string => (text[0] === 'A' ? 'B' : 'A') + text.slice(1)
  expect(problem([prefix, head, nonce, flipped(body)].join('.'))).toBe('tampered')
  expect(problem([prefix, head, flipped(nonce), body].join('.'))).toBe('tampered')
  expect(problem([prefix, head, nonce, body.slice(0, 10)].join('.'))).toBe('tampered')
  expect(problem([prefix, head, `${nonce}=`, body].join('.'))).toBe('tampered') // not strict base64url
  expect(problem([prefix, head, nonce, `${body}*`].join('.'))).toBe('tampered')
})

test.each([
  ['shorter', (kid: string) => kid.slice(0, 4)],
  ['longer', (kid: string) => `${kid}${kid}`],
  ['empty', () => ''],
  ['of the same length in characters but more bytes', (kid: string) => `é${kid.slice(1)}`]
])('a key check value that is %s is the wrong key, never a crash', (_, change) => {
  const sealed = sealHandoff(token, KEY, binding)
  const fields = header(sealed)
  expect(problem(withHeader(sealed, { ...fields, kid: change(fields.kid as string) }))).toBe('wrong-key')
})

/** What the user reads for each refusal, word for word: the mutation run found these unread. */
describe('every refusal, as the user reads it', () => {
  const message = (value: string, at = now, where = binding): string => {
    try {
      openHandoff(value, KEY, where, at)
    } catch (error) {
      return String(error)
    }
    return 'opened'
  }
  const sealed = sealHandoff(token, KEY, binding)

  test('not a hand-off', () => {
    expect(message('box-handoff-v2.x')).toBe(
      "HandoffError: is not a hand-off: pass the rotating job's `handoff` output as it is, e.g. " +
        '`${{ needs.rotate.outputs.handoff }}` (that job must list it under `outputs:`).'
    )
  })

  test.each([
    ['another prefix of four parts', sealed.replace(/^box-handoff-v2\./, 'box-handoff.')],
    ['the version with text before it', `x${sealed.replace(/^box-handoff-v2\./, 'box-handoff-v1.')}`],
    ['the version with text after it', sealed.replace(/^box-handoff-v2\./, 'box-handoff-v1x.')]
  ])('%s is not a hand-off of any version', (_, value) => {
    expect(problem(value)).toBe('malformed')
  })

  test('a version of two digits is a later version', () => {
    expect(message(sealed.replace(/^box-handoff-v2\./, 'box-handoff-v12.'))).toBe(
      'HandoffError: was made by a later version of this action (box-handoff-v12): ' +
        'use the same version of the action in every job of the workflow.'
    )
  })

  test('an earlier version', () => {
    expect(message(sealed.replace(/^box-handoff-v2\./, 'box-handoff-v1.'))).toBe(
      'HandoffError: was made by an earlier version of this action (box-handoff-v1, sealed with `client-secret`), ' +
        'which this version no longer opens: the rotating job must run this version too, with `handoff-key` ' +
        '(the same secret as this job, e.g. `${{ secrets.BOX_HANDOFF_KEY }}`), so that its hand-off is sealed ' +
        'with that key (docs/many-jobs.md).'
    )
  })

  test('another run', () => {
    expect(message(sealed, now, { repository: 'octo-org/other', runId: 7 })).toBe(
      'HandoffError: belongs to run 1001 of octo-org/api-tests, not to this run (7 of octo-org/other). ' +
        'A hand-off works only in the workflow run whose job made it: let a job of this run rotate first and pass ' +
        'its `handoff` output.'
    )
  })

  const expired = (when: string): string =>
    `HandoffError: holds an access token that ${when} (access tokens live about an hour). ` +
    'The rotating job must run closer to the tests: put it in the same workflow run, just before the jobs that ' +
    'use its hand-off, or re-run the whole workflow.'

  test.each([
    ['exactly at the margin', -HANDOFF_MARGIN_MS, 'expires within a minute'],
    ['at the very end', 0, 'expired 0 minutes ago'],
    ['a minute after', 60_000, 'expired 1 minute ago'],
    ['119 minutes after', 119 * 60_000, 'expired 119 minutes ago'],
    ['120 minutes after', 120 * 60_000, 'expired 2 hours ago'],
    ['47 hours after', 47 * 3_600_000, 'expired 47 hours ago'],
    ['48 hours after', 48 * 3_600_000, 'expired 2 days ago'],
    ['ten days after', 240 * 3_600_000, 'expired 10 days ago']
  ])('expired: %s', (_, after, when) => {
    expect(message(sealed, token.expiresAt + after)).toBe(expired(when))
  })

  test('the wrong key', () => {
    expect(message(sealed)).toBe('opened')
    let text = ''
    try {
      openHandoff(sealed, Buffer.from('another-hand-off-key-0123456789ab'), binding, now)
    } catch (error) {
      text = String(error)
    }
    expect(text).toBe(
      'HandoffError: does not open with this `handoff-key`: give this job the same key as the rotating job ' +
        '(e.g. `${{ secrets.BOX_HANDOFF_KEY }}` in both), or the hand-off was changed on the way.'
    )
  })

  test('changed on the way', () => {
    const [prefix, head, nonce, body] = parts(sealed)
    expect(message([prefix, head, nonce, body.slice(0, 10)].join('.'))).toBe(
      "HandoffError: was changed on the way and cannot be trusted: pass the rotating job's `handoff` output unchanged."
    )
  })

  test('a handoff-key that is no base64, or empty, says how to make one', () => {
    const problemOf = (text: string): string => {
      const result = decodeHandoffKey(text)
      return 'problem' in result ? result.problem : 'accepted'
    }
    const notBase64 =
      'is not base64 (standard base64 with its `=` padding, as `openssl rand -base64 32` prints it, or URL-safe ' +
      'base64 without padding). Make one with `openssl rand -base64 32` and store it as a secret, e.g. ' +
      'BOX_HANDOFF_KEY, or let the login command make and store one (`--handoff-key-secret BOX_HANDOFF_KEY`); ' +
      'docs/many-jobs.md.'
    expect(problemOf('*')).toBe(notBase64)
    expect(problemOf('')).toBe(notBase64)
  })
})
