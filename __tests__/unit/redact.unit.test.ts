import { neutraliseCommands, Redactor } from '../../src/redact.js'
import { parseCommand, runnerLines } from '../support/runner-commands.js'

const SECRET = 'cs/Secret+Value=0123'

function redactor(): Redactor {
  const r = new Redactor()
  r.add(SECRET)
  return r
}

test.each([
  ['as sent', SECRET],
  ['percent-encoded', encodeURIComponent(SECRET)],
  ['percent-encoded, lower-case hex', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
  ['form-encoded', new URLSearchParams({ v: SECRET }).toString().slice(2)],
  ['JSON-escaped with escaped slashes', JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')]
])('a credential %s is replaced', (_, form) => {
  expect(redactor().scrub(`before ${form} after`)).toBe('before *** after')
  expect(redactor().serverText(`before ${form} after`)).toBe('before *** after')
})

test('a credential with invisible characters inside is whole again, and replaced', () => {
  for (const invisible of ['\u200b', '\u202e', '\u2066', '\ufeff']) {
    expect(redactor().serverText(`x ${SECRET.slice(0, 5)}${invisible}${SECRET.slice(5)} y`)).toBe('x *** y')
  }
})

test('control characters, bidirectional overrides and line breaks go; workflow commands are broken', () => {
  const text = redactor().serverText('a\u001b[31mb\r\n::set-output name=x::y\u202e##[error]z\u0000')
  expect(text).toBe('a [31mb : :set-output name=x: :y# #[error]z')
  expect(text).not.toMatch(/[\u0000-\u001f\u202e]/)
})

test('capped, and a 10 MB string costs no more than its first 64 KiB', () => {
  const text = redactor().serverText('x'.repeat(10 * 1024 * 1024))
  expect(text.length).toBe(300)
  expect(text.endsWith('…')).toBe(true)
  expect(redactor().serverText('short', 3)).toBe('sh…')
})

test('anything but a string is empty', () => {
  for (const value of [undefined, null, 42, { message: SECRET }, [SECRET]])
    expect(redactor().serverText(value)).toBe('')
})

test('values too short to be credentials are not registered', () => {
  const r = new Redactor()
  r.add('abc')
  r.add(undefined)
  expect(r.scrub('abc abc')).toBe('abc abc')
})

describe('a plain log line is never a workflow command, as the runner reads one', () => {
  const hostile = [
    '::stop-commands::pause',
    '  \t::add-mask::x',
    '\u00a0\u2003::warning::x',
    'Checking the environment secret ##[stop-commands]pause of octo/app',
    'a ##[set-output name=x]y',
    'one line\n::error::two',
    'one line\r::error::two',
    'one line\r\n  ::group::two',
    'x\n\n::endgroup::',
    '###[error]x',
    '::warning title=a,line=1::x'
  ]
  test.each(hostile)('%j', (line) => {
    expect(runnerLines(line).some((l) => parseCommand(l) !== undefined)).toBe(true) // the runner would obey it as it is
    const neutral = neutraliseCommands(line)
    expect(runnerLines(neutral).filter((l) => parseCommand(l) !== undefined)).toEqual([])
  })

  test('ordinary text is left alone: URLs, IPv6 addresses, `::` inside a line, markdown', () => {
    for (const text of [
      'Refreshing the Box token pair at https://api.box.com/oauth2/token…',
      'http://[::1]:8080/api/v3 and std::string a::b',
      '# heading [x] #[y]',
      '  the environment secret X of octo/app:\n    echo \'{"a":1}\' | gh api --method PUT /repos/o/r --input -'
    ])
      expect(neutraliseCommands(text)).toBe(text)
  })
})
