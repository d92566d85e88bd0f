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

describe('forms that differ from one another', () => {
  // Each form below is a different string for this credential: a space and ! ' ( ) ~ are left alone by
  // percent-encoding but not by form-encoding, a quote and a backslash change only when JSON-escaped.
  const CREDENTIAL = `cs (it's)~"a\\b"!`
  const forms = {
    'as sent': CREDENTIAL,
    'percent-encoded': encodeURIComponent(CREDENTIAL),
    'form-encoded': new URLSearchParams({ v: CREDENTIAL }).toString().slice(2),
    'form-encoded, lower-case hex': new URLSearchParams({ v: CREDENTIAL })
      .toString()
      .slice(2)
      .replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    'JSON-escaped': JSON.stringify(CREDENTIAL).slice(1, -1)
  }

  test('every form is its own string', () => {
    expect(new Set(Object.values(forms)).size).toBe(Object.keys(forms).length)
  })

  test.each(Object.entries(forms))(
    'echoed %s, as in a request body a server quotes back, it prints as ***',
    (_, form) => {
      const r = new Redactor()
      r.add(CREDENTIAL)
      expect(r.serverText(`invalid request: client_secret=${form}&grant_type=refresh_token`)).toBe(
        'invalid request: client_secret=***&grant_type=refresh_token'
      )
    }
  )
})

test('a credential that contains another is replaced whole, whichever was registered first', () => {
  const short = 'refresh-abcdef'
  const long = `${short}-0123456789`
  for (const order of [
    [short, long],
    [long, short]
  ]) {
    const r = new Redactor()
    for (const credential of order) r.add(credential)
    expect(r.scrub(`a ${long} b ${short} c`)).toBe('a *** b *** c')
  }
})

test('a credential of six characters is the shortest one registered', () => {
  const r = new Redactor()
  r.add('abc123')
  r.add('abc12')
  expect(r.scrub('abc123 abc12')).toBe('*** abc12')
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

test('spaces, tabs and line breaks in a row become one space', () => {
  expect(redactor().serverText('Refresh  token\t\thas \n expired')).toBe('Refresh token has expired')
})

test('capped, and a 10 MB string costs no more than its first 64 KiB', () => {
  const text = redactor().serverText('x'.repeat(10 * 1024 * 1024))
  expect(text.length).toBe(300)
  expect(text.endsWith('…')).toBe(true)
  expect(redactor().serverText('short', 3)).toBe('sh…')
  expect(redactor().serverText('short', 5)).toBe('short')
  // Only the first 64 KiB are read at all: what comes after them never prints, even where the
  // examined part is blank.
  expect(redactor().serverText(`${' '.repeat(64 * 1024)}tail`)).toBe('')
  expect(redactor().serverText(`${' '.repeat(64 * 1024 - 4)}tail`)).toBe('tail')
})

test('a redirect is named by its origin alone, never its path or query', () => {
  const base = 'http://127.0.0.1:8080/oauth2/token'
  expect(redactor().locationOrigin(`http://127.0.0.2:9000/steal?client_secret=${SECRET}`, base)).toBe(
    'http://127.0.0.2:9000'
  )
  expect(redactor().locationOrigin('/elsewhere?x=1', base)).toBe('http://127.0.0.1:8080')
  expect(redactor().locationOrigin('http://[not an address', base)).toBe('a location that is not a URL')
  expect(redactor().locationOrigin(undefined, base)).toBe('http://127.0.0.1:8080')
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

  test('the line is broken, not lost: a person still reads what it said', () => {
    expect(neutraliseCommands('::add-mask::x')).toBe(': :add-mask::x')
    expect(neutraliseCommands('one\r\n \t::error::two')).toBe('one\r\n \t: :error::two')
    expect(neutraliseCommands('a ##[set-output name=x]y')).toBe('a # #[set-output name=x]y')
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
