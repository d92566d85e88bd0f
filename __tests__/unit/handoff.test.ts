import { HANDOFF_MARGIN_MS, HandoffError, openHandoff, sealHandoff, type HandoffToken } from '../../src/handoff.js'

const SECRET = 'client-secret-0123456789abcdef'
const binding = { repository: 'octo-org/api-tests', runId: 1001 }
const now = Date.parse('2026-11-29T12:00:00Z')
const token: HandoffToken = {
  accessToken: 'access-token-0123456789abcdef',
  expiresAt: now + 3_600_000,
  expiresIn: 3600,
  refreshTokenExpiresAt: now + 60 * 86_400_000
}

const problem = (value: string, secret = SECRET, where = binding, at = now): string => {
  try {
    openHandoff(value, secret, where, at)
  } catch (error) {
    if (error instanceof HandoffError) return error.problem
    throw error
  }
  return 'opened'
}

test('round trip: what the rotating job seals, a job of the same run opens', () => {
  const sealed = sealHandoff(token, SECRET, binding)
  expect(openHandoff(sealed, SECRET, binding, now)).toEqual(token)
  expect(openHandoff(`  ${sealed}\n`, SECRET, binding, now)).toEqual(token) // as a job output may arrive
})

test('the sealed value holds neither the token nor the secret, and differs every time', () => {
  const a = sealHandoff(token, SECRET, binding)
  const b = sealHandoff(token, SECRET, binding)
  expect(a).not.toBe(b)
  for (const value of [
    token.accessToken,
    SECRET,
    Buffer.from(token.accessToken).toString('base64'),
    Buffer.from(SECRET).toString('base64url')
  ]) {
    expect(a).not.toContain(value)
  }
  expect(a).toMatch(/^box-handoff-v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
})

test.each([
  ['empty', ''],
  ['a token, not a hand-off', token.accessToken],
  ['the wrong version', sealHandoff(token, SECRET, binding).replace('box-handoff-v1', 'box-handoff-v2')],
  ['a header that is not JSON', sealHandoff(token, SECRET, binding).replace(/^(box-handoff-v1\.)[^.]+/, '$1bm9wZQ')],
  [
    // The envelope is read before anything is authenticated, and its repository is quoted in errors.
    'a header whose repository is not a repository name',
    sealHandoff(token, SECRET, binding).replace(
      /^(box-handoff-v1\.)[^.]+/,
      `$1${Buffer.from(JSON.stringify({ repo: 'a/b\n::warning::x```', run: 1001, exp: now + 3_600_000, kid: 'k' })).toString('base64url')}`
    )
  ]
])('%s: not a hand-off', (_, value) => {
  expect(problem(value)).toBe('malformed')
})

test('another run, another repository: refused, saying which', () => {
  const sealed = sealHandoff(token, SECRET, binding)
  expect(problem(sealed, SECRET, { ...binding, runId: 1002 })).toBe('other-run')
  expect(problem(sealed, SECRET, { ...binding, repository: 'octo-org/other' })).toBe('other-run')
  expect(() => openHandoff(sealed, SECRET, { ...binding, runId: 1002 }, now)).toThrow(
    'belongs to run 1001 of octo-org/api-tests, not to this run (1002 of octo-org/api-tests)'
  )
})

test('a header rewritten to claim this run does not open either: the key is bound to the run', () => {
  const sealed = sealHandoff(token, SECRET, binding)
  const header = JSON.parse(Buffer.from(sealed.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
  const forged = sealed.replace(
    sealed.split('.')[1]!,
    Buffer.from(JSON.stringify({ ...header, run: 1002 })).toString('base64url')
  )
  expect(problem(forged, SECRET, { ...binding, runId: 1002 })).toBe('wrong-secret')
})

test('expired: refused with how long ago, and a minute before the end too', () => {
  const sealed = sealHandoff(token, SECRET, binding)
  expect(() => openHandoff(sealed, SECRET, binding, token.expiresAt + 25 * 60_000)).toThrow(
    /expired 25 minutes ago.*must run closer to the tests/
  )
  expect(() => openHandoff(sealed, SECRET, binding, token.expiresAt + 26 * 3_600_000)).toThrow(/expired 26 hours ago/)
  expect(problem(sealed, SECRET, binding, token.expiresAt - HANDOFF_MARGIN_MS + 1)).toBe('expired')
  expect(problem(sealed, SECRET, binding, token.expiresAt - HANDOFF_MARGIN_MS - 1)).toBe('opened')
})

test('the wrong client secret is told apart from a changed hand-off', () => {
  const sealed = sealHandoff(token, SECRET, binding)
  expect(problem(sealed, 'another-client-secret-0123')).toBe('wrong-secret')
  const parts = sealed.split('.')
  const flipped = (text: string): string => (text[0] === 'A' ? 'B' : 'A') + text.slice(1)
  expect(problem([parts[0], parts[1], parts[2], flipped(parts[3]!)].join('.'))).toBe('tampered')
  expect(problem([parts[0], parts[1], flipped(parts[2]!), parts[3]].join('.'))).toBe('tampered')
  expect(problem([parts[0], parts[1], parts[2], parts[3]!.slice(0, 10)].join('.'))).toBe('tampered')
})
