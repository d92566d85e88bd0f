import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { readJwtConfig, type JwtConfig } from '../../src/box/jwt-config.js'
import { isBoxId } from '../../src/names.js'

// A key pair as Box's Developer Console makes one: RSA 2048, encrypted PKCS#8 PEM, random passphrase.
const PASSPHRASE = 'a3c1f0d9e8b7a6c5d4e3f2a1b0c9d8e7'
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const encrypted = (key: KeyObject, passphrase = PASSPHRASE): string =>
  key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string
const PEM = encrypted(rsa.privateKey)

const CLIENT_ID = 'k1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6'
const CLIENT_SECRET = 'Zx9Cv8Bn7Mq6We5Rt4Yu3Io2Pa1SdFgH'
const PUBLIC_KEY_ID = 'pk7q2m9x'
const ENTERPRISE_ID = '987654321'

type Config = {
  boxAppSettings: { clientID: unknown; clientSecret: unknown; appAuth: Record<string, unknown> }
  enterpriseID: unknown
} & Record<string, unknown>

/** The file as the Developer Console downloads it (its layout too: two-space indent). */
function boxConfig(change: (config: Config) => void = () => undefined): string {
  const config: Config = {
    boxAppSettings: {
      clientID: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      appAuth: { publicKeyID: PUBLIC_KEY_ID, privateKey: PEM, passphrase: PASSPHRASE }
    },
    enterpriseID: ENTERPRISE_ID
  }
  change(config)
  return JSON.stringify(config, null, 2)
}

/** Every secret a message could leak: the values, the PEM and each of its base64 lines. */
const SECRETS = [
  CLIENT_ID,
  CLIENT_SECRET,
  PUBLIC_KEY_ID,
  PASSPHRASE,
  PEM,
  ...PEM.split('\n').filter((line) => line !== '' && !line.startsWith('-----'))
]

function read(text: string): JwtConfig {
  const reading = readJwtConfig(text)
  if ('problems' in reading) throw new Error(`refused: ${reading.problems.join(' | ')}`)
  return reading.config
}

function problems(text: string): string[] {
  const reading = readJwtConfig(text)
  if (!('problems' in reading)) throw new Error('accepted')
  for (const problem of reading.problems) for (const secret of SECRETS) expect(problem).not.toContain(secret)
  return reading.problems
}

describe('a config as Box downloads it', () => {
  test('is read into its five values, the key opened', () => {
    const config = read(boxConfig())
    expect(config).toEqual({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      publicKeyId: PUBLIC_KEY_ID,
      enterpriseId: ENTERPRISE_ID,
      privateKey: expect.anything()
    })
    expect(config.privateKey.type).toBe('private')
    expect(config.privateKey.asymmetricKeyType).toBe('rsa')
    expect(config.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
    // The very key that was downloaded: its public half is the one Box holds.
    expect(createPublicKey(config.privateKey).export({ type: 'spki', format: 'pem' })).toBe(
      rsa.publicKey.export({ type: 'spki', format: 'pem' })
    )
  })

  test('keeps neither the PEM nor the passphrase', () => {
    const config = read(boxConfig())
    expect(Object.keys(config).sort()).toEqual([
      'clientId',
      'clientSecret',
      'enterpriseId',
      'privateKey',
      'publicKeyId'
    ])
    const kept = JSON.stringify(config)
    for (const secret of [PASSPHRASE, PEM, ...SECRETS.slice(5)]) expect(kept).not.toContain(secret)
  })

  test.each([
    ['with a byte order mark and a trailing line break', (text: string) => `\uFEFF${text}\n`],
    ['with Windows line breaks in the key', (text: string) => text.replace(/\\n/g, '\\r\\n')],
    ['with spaces for the line breaks in the key', (text: string) => text.replace(/\\n(?!-----END)/g, ' ')],
    ['on one line', (text: string) => JSON.stringify(JSON.parse(text))]
  ])('is read %s', (_, change) => {
    expect(read(change(boxConfig())).clientSecret).toBe(CLIENT_SECRET)
  })

  test('masked: every string in it and each line of the key, but not the enterprise ID or the PEM armour', () => {
    const reading = readJwtConfig(boxConfig((c) => (c.webhooks = { primaryKey: 'wh-primary-0123456789' })))
    expect('config' in reading).toBe(true)
    const masked = new Set(reading.masked)
    for (const secret of [...SECRETS, 'wh-primary-0123456789']) expect(masked).toContain(secret)
    expect(masked).not.toContain(ENTERPRISE_ID)
    for (const value of masked) expect(value).not.toMatch(/^-----(BEGIN|END) [A-Z ]+-----$/) // no secret, in every PEM
    expect(SECRETS.length).toBeGreaterThan(20) // the key's lines are really there
  })

  test('masked even when the config is refused', () => {
    const reading = readJwtConfig(boxConfig((c) => (c.boxAppSettings.appAuth.passphrase = 'not-the-passphrase')))
    expect('problems' in reading).toBe(true)
    const expected = SECRETS.filter((secret) => secret !== PASSPHRASE)
    expect(new Set(reading.masked)).toEqual(new Set([...expected, 'not-the-passphrase']))
  })
})

describe('refused, each problem naming its field and never quoting a secret', () => {
  const MISSING = Symbol('missing')
  /** The config with the field at `path` set to `value`, or deleted. */
  const withField = (path: string, value: unknown): string =>
    boxConfig((config) => {
      const names = path.split('.')
      const parent = names.slice(0, -1).reduce<Record<string, unknown>>((at, name) => at[name] as never, config)
      if (value === MISSING) delete parent[names[names.length - 1]]
      else parent[names[names.length - 1]] = value
    })
  const KEY = 'boxAppSettings.appAuth.privateKey'
  const unencrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string

  test.each<[string, string, unknown, RegExp]>([
    ['boxAppSettings', 'missing', MISSING, /is missing/],
    ['boxAppSettings', 'an array', [], /must be an object, not an array/],
    ['boxAppSettings.clientID', 'missing', MISSING, /is missing/],
    ['boxAppSettings.clientID', 'a number', 12345, /must be a string.*not a number/],
    ['boxAppSettings.clientID', 'with white space', `${CLIENT_ID} `, /white space/],
    ['boxAppSettings.clientSecret', 'empty', '', /is empty/],
    ['boxAppSettings.clientSecret', 'null', null, /not null/],
    ['boxAppSettings.appAuth', 'a string', 'x', /must be an object, not a string/],
    ['boxAppSettings.appAuth.publicKeyID', 'missing', MISSING, /is missing/],
    ['boxAppSettings.appAuth.publicKeyID', 'with a control character', 'pk7q\u00002m9x', /control characters/],
    [KEY, 'missing', MISSING, /is missing.*Generate a Public\/Private Keypair/],
    [KEY, 'empty', '', /is empty.*Box keeps no private key/], // what a later download of the config holds
    [KEY, 'true', true, /must be a string.*`true` or `false`/],
    [KEY, 'not PEM', 'MIIFLTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI', /is not a PEM key/],
    [KEY, 'escaped twice', PEM.replace(/\n/g, '\\n'), /`\\n` as two characters/],
    [KEY, 'not encrypted', unencrypted, /is not encrypted.*openssl pkcs8 -topk8/],
    [
      KEY,
      'PKCS#1',
      rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }),
      /is a PKCS#1 key.*openssl pkcs8 -topk8/
    ],
    [KEY, 'a public key', rsa.publicKey.export({ type: 'spki', format: 'pem' }), /holds a `PUBLIC KEY` PEM block/],
    [KEY, 'cut short', PEM.split('\n').slice(0, 10).join('\n'), /is not one whole PEM block/],
    [KEY, 'with a stray character', PEM.replace(/\n(.{10})/, '\n$1!'), /is not one whole PEM block/],
    [KEY, 'with text after it', `${PEM}and more`, /is not one whole PEM block/],
    [
      KEY,
      'an unencrypted key labelled encrypted',
      unencrypted.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY'),
      /is damaged/
    ],
    ['boxAppSettings.appAuth.passphrase', 'missing', MISSING, /is missing.*Box keeps no private key/],
    ['boxAppSettings.appAuth.passphrase', 'blank', '  ', /is empty/],
    [
      'boxAppSettings.appAuth.passphrase',
      "not the key's",
      'f00dfeedf00dfeedf00dfeedf00dfeed',
      /does not open `[.\w]+privateKey`( \(OpenSSL: ERR_[A-Z0-9_]+; [^)]+\))?\. The two come from the same download/
    ],
    ['enterpriseID', 'missing', MISSING, /is missing/],
    ['enterpriseID', 'a number', 987654321, /must be a string, in double quotes, not a number/],
    ['enterpriseID', 'not digits', '98765x321', /digits only/]
  ])('%s %s', (path, _, value, message) => {
    const found = problems(withField(path, value))
    if (typeof value === 'string' && value.trim().length >= 6) expect(found.join('\n')).not.toContain(value.trim())
    expect(found).toHaveLength(1)
    expect(found[0].startsWith(`\`${path}\` `)).toBe(true)
    expect(found[0]).toMatch(message)
  })

  test('a key encrypted in a way OpenSSL cannot read: its code, never its message', () => {
    // EncryptedPrivateKeyInfo { AlgorithmIdentifier { 1.2.3.4 }, 20 bytes }: whole, but no cipher OpenSSL knows.
    const der = 'MB0wBQYDKgMEBBQAAAAAAAAAAAAAAAAAAAAAAAAAAA=='
    const pem = `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${der}\n-----END ENCRYPTED PRIVATE KEY-----\n`
    expect(problems(withField(KEY, pem))).toEqual([
      expect.stringMatching(
        /^`boxAppSettings.appAuth.passphrase` does not open `[.\w]+` \(OpenSSL: ERR_[A-Z0-9_]+; if the passphrase is right/
      )
    ])
  })

  test('a key that is not RSA, or too short for RS256, with its passphrase', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey
    const refusal = (key: KeyObject): string[] =>
      problems(boxConfig((c) => (c.boxAppSettings.appAuth.privateKey = encrypted(key))))
    expect(refusal(ec)).toEqual([expect.stringMatching(/^`boxAppSettings.appAuth.privateKey` is an ec key; .*RSA/)])
    expect(refusal(pss)).toEqual([expect.stringMatching(/^`boxAppSettings.appAuth.privateKey` is an rsa-pss key/)])
    expect(refusal(short)).toEqual([
      expect.stringMatching(
        /^`boxAppSettings.appAuth.privateKey` is a 1024-bit RSA key; RS256 needs at least 2048 bits/
      )
    ])
  })

  test('every problem at once', () => {
    const found = problems(
      boxConfig((c) => {
        delete c.boxAppSettings.clientSecret
        c.boxAppSettings.clientID = 7
        c.boxAppSettings.appAuth.passphrase = 'f00dfeedf00dfeedf00dfeedf00dfeed'
        c.enterpriseID = 'acme'
      })
    )
    expect(found.map((problem) => /^`([^`]+)`/.exec(problem)?.[1]).sort()).toEqual([
      'boxAppSettings.appAuth.passphrase',
      'boxAppSettings.clientID',
      'boxAppSettings.clientSecret',
      'enterpriseID'
    ])
  })

  test('a key with no passphrase is still checked as a key', () => {
    const found = problems(
      boxConfig((c) => {
        delete c.boxAppSettings.appAuth.passphrase
        c.boxAppSettings.appAuth.privateKey = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' })
      })
    )
    expect(found).toEqual([
      expect.stringMatching(/^`boxAppSettings.appAuth.passphrase` is missing/),
      expect.stringMatching(/^`boxAppSettings.appAuth.privateKey` is not encrypted/)
    ])
  })
})

describe('a document that is not a Box config', () => {
  const text = boxConfig()
  const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length

  test.each<[string, string, RegExp]>([
    ['empty', '  \n', /^is empty\. Store the JSON file exactly as/],
    [
      'a trailing comma',
      text.replace(/"\n}$/, '",\n}'),
      /^is not valid JSON \(at line 12, column 1: a property name in double quotes is expected\)/
    ],
    [
      'cut short',
      text.slice(0, text.indexOf('"passphrase"') + 20),
      /^is not valid JSON \(it ends too early: a string is not closed\)/
    ],
    [
      'the key with raw line breaks',
      text.replace(/\\n/g, '\n'),
      new RegExp(
        `^is not valid JSON \\(at line ${lineOf('"privateKey"')}, column \\d+: a line break inside a string, where the file has \`\\\\n\`\\)`
      )
    ],
    [
      'single quotes',
      text.replace('"enterpriseID"', "'enterpriseID'"),
      /^is not valid JSON \(at line 11, column 3: a property name in double quotes is expected\)/
    ],
    [
      'a missing colon',
      text.replace('"enterpriseID":', '"enterpriseID"'),
      /^is not valid JSON \(at line 11, column 18: a `:` is expected\)/
    ],
    [
      'a missing comma',
      text.replace('},\n  "enterpriseID"', '}\n  "enterpriseID"'),
      /^is not valid JSON \(at line 11, column 3: a `,` or `}` is expected\)/
    ],
    [
      'a bad escape',
      text.replace(PUBLIC_KEY_ID, 'pk\\q'),
      /^is not valid JSON \(at line 6, column 25: a backslash that starts no JSON escape\)/
    ],
    [
      'a control character',
      text.replace(PUBLIC_KEY_ID, 'pk\u0001'),
      /^is not valid JSON \(at line 6, column 25: a control character inside a string\)/
    ],
    [
      'two documents',
      `${text}\n{}`,
      /^is not valid JSON \(at line 13, column 1: more text after the end of the document\)/
    ],
    ['YAML', 'boxAppSettings:\n  clientID: x', /^is not valid JSON \(at line 1, column 1: a value is expected\)/],
    ['nested without end', '['.repeat(500), /^is not valid JSON \(at line 1, column 66: nested deeper than 64\)/],
    [
      'base64 of the file',
      Buffer.from(text).toString('base64'),
      /^is not valid JSON \(at line 1, column 1: a value is expected\)\. It looks base64-encoded: store the JSON itself\./
    ],
    ['an array', '[]', /^is JSON, but an array, not an object\./],
    ['a number', '12', /^is JSON, but a number, not an object\./],
    ['far too large', `{"padding": "${'x'.repeat(70 * 1024)}"}`, /^is 71 KiB; a Box app configuration is a few KiB/]
  ])('%s', (_, document, message) => {
    const found = problems(document)
    expect(found).toEqual([expect.stringMatching(message)])
    expect(found[0]).toMatch(/Store the JSON file exactly as Box's Developer Console downloads it/)
  })

  test('the file encoded twice, as one JSON string: said so, and its secrets masked all the same', () => {
    const reading = readJwtConfig(JSON.stringify(text))
    expect(reading).toEqual({
      problems: [expect.stringMatching(/^is a JSON string, not an object: was the file encoded twice\?/)],
      masked: expect.arrayContaining([text])
    })
  })

  test('the position is right on escapes and \\u sequences before the error', () => {
    expect(problems('{"a": "\\u00e9\\"\\\\", "b": tru}')).toEqual([
      expect.stringMatching(/^is not valid JSON \(at line 1, column 26: a value is expected\)/)
    ])
    expect(problems('{"a": "\\u00zz"}')).toEqual([
      expect.stringMatching(/column 8: a backslash that starts no JSON escape/)
    ])
    expect(problems('{"a": -}')).toEqual([expect.stringMatching(/column 7: a value is expected/)])
    expect(problems('{"a": [1, 2.5e-3, true, null, {}, []]]')).toEqual([
      expect.stringMatching(/column 38: a `,` or `}` is expected/)
    ])
  })
})

test('isBoxId: digits only, as Box writes its IDs', () => {
  for (const id of ['0', '1234567', '98765432109876543210']) expect(isBoxId(id)).toBe(true)
  for (const id of ['', ' 123', '12a', '-1', '1.5', '١٢٣', '123456789012345678901']) expect(isBoxId(id)).toBe(false)
})
