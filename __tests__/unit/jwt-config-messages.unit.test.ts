/**
 * The JWT config reader's messages, word for word, and the edges behind them: what is masked, where
 * the 64 KiB limit falls, the DER outline checked before the passphrase is tried, which OpenSSL code
 * is quoted, and where the JSON scanner says the file breaks. jwt-config.unit.test.ts checks that
 * each problem is found; these tests pin what the user then reads, because a message that loses its
 * fix, or blames the passphrase for a damaged key, sends them the wrong way.
 */
import { jest } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { quotableOpenSslCode, readJwtConfig } from '../../src/box/jwt-config.js'

const KEY = '`boxAppSettings.appAuth.privateKey`'
const PASSPHRASE = '`boxAppSettings.appAuth.passphrase`'
const AS_DOWNLOADED = "Use the file exactly as Box's Developer Console downloaded it."
const STORE_THE_FILE =
  "Store the JSON file exactly as Box's Developer Console downloads it when it generates a key pair, whole, in one " +
  'secret, and pass that (e.g. `${{ secrets.BOX_JWT_CONFIG }}`).'
const NO_KEY_IN_LATER_DOWNLOADS =
  'Box keeps no private key: only the file that "Generate a Public/Private Keypair" downloads holds the key and ' +
  'its passphrase. If that file is lost, generate a new key pair (Developer Console → your app → Configuration → ' +
  'Add and Manage Public Keys).'
const NOT_WHOLE =
  `${KEY} is not one whole PEM block: base64 lines from \`-----BEGIN ENCRYPTED PRIVATE KEY-----\` to ` +
  `\`-----END ENCRYPTED PRIVATE KEY-----\` and nothing else. Was it cut short or edited? ${AS_DOWNLOADED}`
const DAMAGED = `${KEY} is damaged: its base64 is not an encrypted PKCS#8 key. Was it edited? ${AS_DOWNLOADED}`
const NOT_OPENED_TAIL = `. The two come from the same download and are never edited. ${AS_DOWNLOADED} ${NO_KEY_IN_LATER_DOWNLOADS}`
/** "Does not open", quoting an OpenSSL code (which one depends on the OpenSSL that Node.js ships). */
const NOT_OPENED_WITH_CODE = new RegExp(
  `^${escape(`${PASSPHRASE} does not open ${KEY} (OpenSSL: `)}ERR_[A-Z0-9_]+` +
    `${escape('; if the passphrase is right, the key is encrypted in a way OpenSSL cannot read)' + NOT_OPENED_TAIL)}$`
)

/** An Ed25519 key, encrypted as Box encrypts its keys; fixed, so a wrong passphrase always fails the same way. */
const ED25519_PEM = [
  '-----BEGIN ENCRYPTED PRIVATE KEY-----',
  'MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjHNZZb15KNGwICCAAw',
  'DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEIOcxo8sKDItyPICm+UaqeQEQLWE',
  'E620TgItCTq43b3shvnVKVt6nPZge+kqQ08mfi1PCamA/s3bsyUn3z1KPCRkk9FY',
  'dN3yq6/8r6NQTn5y4rU=',
  '-----END ENCRYPTED PRIVATE KEY-----',
  ''
].join('\n')
const ED25519_PASSPHRASE = 'the-right-passphrase'

/** What the Ed25519 key, opened, is refused for. */
const NOT_RSA =
  `${KEY} is an ed25519 key; Box's assertions are signed with RSA (RS256, RS384 or RS512). ` +
  'Generate a new key pair in the Developer Console.'

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A config with Box's layout, its key and passphrase as given. */
function configWithKey(privateKey: string, passphrase = ED25519_PASSPHRASE): string {
  return JSON.stringify(
    {
      boxAppSettings: {
        clientID: 'k1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6',
        clientSecret: 'Zx9Cv8Bn7Mq6We5Rt4Yu3Io2Pa1SdFgH',
        appAuth: { publicKeyID: 'pk7q2m9x', privateKey, passphrase }
      },
      enterpriseID: '987654321'
    },
    null,
    2
  )
}

/** The config's key as one PEM block around the given DER bytes. */
function configWithDer(bytes: number[]): string {
  const base64 = Buffer.from(bytes).toString('base64')
  return configWithKey(`-----BEGIN ENCRYPTED PRIVATE KEY-----\n${base64}\n-----END ENCRYPTED PRIVATE KEY-----\n`)
}

function problems(text: string): string[] {
  const reading = readJwtConfig(text)
  if (!('problems' in reading)) throw new Error('accepted')
  return reading.problems
}

describe('the whole document', () => {
  test('an empty one is refused with nothing to mask', () => {
    expect(readJwtConfig(' \n')).toEqual({ problems: [`is empty. ${STORE_THE_FILE}`], masked: [] })
  })

  test('64 KiB is still read as a config; one character more is refused unread', () => {
    const padding = 'x'.repeat(64 * 1024 - '{"padding":""}'.length)
    const limit = `{"padding":"${padding}"}\n`
    expect(readJwtConfig(limit)).toEqual({
      problems: [`\`boxAppSettings\` is missing. ${AS_DOWNLOADED}`, `\`enterpriseID\` is missing. ${AS_DOWNLOADED}`],
      masked: [padding]
    })
    expect(readJwtConfig(`{"padding":"${padding}x"}`)).toEqual({
      problems: [`is 65 KiB; a Box app configuration is a few KiB, so this is something else. ${STORE_THE_FILE}`],
      masked: []
    })
  })
})

describe('field messages', () => {
  test('a field that must be a string but is an object says "an object"', () => {
    expect(problems(configWithKey(ED25519_PEM).replace('"k1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6"', '{}'))).toEqual([
      `\`boxAppSettings.clientID\` must be a string, in double quotes, not an object. ${AS_DOWNLOADED}`,
      NOT_RSA
    ])
  })

  test('white space in a credential asks whether the file was edited', () => {
    expect(problems(configWithKey(ED25519_PEM).replace('pk7q2m9x', 'pk7q 2m9x'))).toEqual([
      "`boxAppSettings.appAuth.publicKeyID` contains white space or control characters, which Box's values never " +
        `have: was the file edited? ${AS_DOWNLOADED}`,
      NOT_RSA
    ])
  })

  test('a missing key says that only the first download holds one', () => {
    const text = JSON.stringify({
      boxAppSettings: { clientID: 'a', clientSecret: 'b', appAuth: { publicKeyID: 'c', passphrase: 'd' } },
      enterpriseID: '1'
    })
    expect(problems(text)).toEqual([`${KEY} is missing. ${NO_KEY_IN_LATER_DOWNLOADS}`])
  })
})

describe('masked', () => {
  test('every non-blank string as it is, and each trimmed line of a multi-line one but PEM armour lines', () => {
    const fakePem = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\nBBBB\n-----END ENCRYPTED PRIVATE KEY-----\n'
    const lines = 'first line \n  second\r\nthird\rx-----END X-----\n-----BEGIN X-----\n-----END X-----y\n'
    const reading = readJwtConfig(
      JSON.stringify({
        boxAppSettings: {
          clientID: ' padded id ',
          clientSecret: 'secret-0123456789',
          appAuth: { publicKeyID: '', privateKey: fakePem, passphrase: '  ' }
        },
        enterpriseID: '987654321',
        notes: { lines, enterpriseID: 'nested-enterprise' },
        list: ['in-an-array', 7, null, true]
      })
    )
    expect([...reading.masked].sort()).toEqual(
      [
        ' padded id ',
        'secret-0123456789',
        fakePem,
        'AAAA',
        'BBBB',
        lines,
        'first line',
        'second',
        'third',
        'x-----END X-----',
        '-----END X-----y',
        'nested-enterprise',
        'in-an-array'
      ].sort()
    )
  })
})

describe('the key', () => {
  test('text before the PEM block is not one whole block', () => {
    expect(problems(configWithKey(`key:\n${ED25519_PEM}`))).toEqual([NOT_WHOLE])
  })

  test('a PEM block with no base64 in it is not one whole block', () => {
    const empty = '-----BEGIN ENCRYPTED PRIVATE KEY-----\n-----END ENCRYPTED PRIVATE KEY-----\n'
    expect(problems(configWithKey(empty))).toEqual([NOT_WHOLE])
  })

  test('base64 with a character too many (a group of four cut short) is not one whole block', () => {
    // Decoded, "MAQwAAQAA" is the six bytes of "MAQwAAQA", an outline that would reach OpenSSL:
    // the stray character would be dropped without a word, so the key is refused as not whole.
    const pem = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAQwAAQAA\n-----END ENCRYPTED PRIVATE KEY-----\n'
    expect(problems(configWithKey(pem))).toEqual([NOT_WHOLE])
  })

  test.each([
    ['PRIVATE KEY', 'is not encrypted (`-----BEGIN PRIVATE KEY-----`).'],
    ['RSA PRIVATE KEY', 'is a PKCS#1 key (`-----BEGIN RSA PRIVATE KEY-----`), not an encrypted PKCS#8 one.']
  ])('a `%s` block is refused with the command that converts it', (label, what) => {
    const pem = `-----BEGIN ${label}-----\nMAQwAAQA\n-----END ${label}-----\n`
    expect(problems(configWithKey(pem))).toEqual([
      `${KEY} ${what} Convert it to the encrypted PKCS#8 PEM that Box generates, e.g. ` +
        '`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem`, and put that PEM and its passphrase here.'
    ])
  })

  test('a wrong passphrase is said without an OpenSSL code, with where the key comes from', () => {
    expect(problems(configWithKey(ED25519_PEM, 'the-wrong-passphrase'))).toEqual([
      `${PASSPHRASE} does not open ${KEY}${NOT_OPENED_TAIL}`
    ])
  })

  test('a key that opens but is not RSA is named by its type', () => {
    expect(problems(configWithKey(ED25519_PEM))).toEqual([NOT_RSA])
  })

  test('a key of a type Node.js has no name for is "an unknown key"', () => {
    // OpenSSL opens an EC key on the SM2 curve as an SM2 key, which Node.js gives no type name.
    const sm2 = generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey
    const pem = sm2.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'sm2-passphrase' })
    expect(problems(configWithKey(pem as string, 'sm2-passphrase'))).toEqual([
      `${KEY} is an unknown key; Box's assertions are signed with RSA (RS256, RS384 or RS512). ` +
        'Generate a new key pair in the Developer Console.'
    ])
  })

  test('an RSA key too short for RS256 says how long it is', () => {
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey
    const pem = short.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'short-passphrase' })
    expect(problems(configWithKey(pem as string, 'short-passphrase'))).toEqual([
      `${KEY} is a 1024-bit RSA key; RS256 needs at least 2048 bits (RFC 7518 §3.3). ` +
        'Generate a new key pair in the Developer Console.'
    ])
  })
})

describe('the DER outline, checked before the passphrase is tried', () => {
  // Each: SEQUENCE { SEQUENCE {}, OCTET STRING } or a near miss. One that has the outline reaches
  // OpenSSL, whose refusal is quoted; one that has not is "damaged" and the passphrase is not blamed.
  test.each<[string, number[]]>([
    ['a SET where the outer SEQUENCE belongs', [0x31, 0x04, 0x30, 0x00, 0x04, 0x00]],
    ['no room left for the AlgorithmIdentifier', [0x30, 0x00]],
    ['an indefinite length (no length octets)', [0x30, 0x04, 0x30, 0x00, 0x04, 0x80]],
    ['four length octets', [0x30, 0x08, 0x30, 0x00, 0x04, 0x84, 0x00, 0x00, 0x00, 0x00]],
    ['length octets cut off by the end', [0x30, 0x04, 0x30, 0x00, 0x04, 0x82]],
    ['contents running past the end', [0x30, 0x05, 0x30, 0x00, 0x04, 0x02, 0x00]],
    ['a byte after the outer SEQUENCE', [0x30, 0x04, 0x30, 0x00, 0x04, 0x00, 0x00]],
    ['a third element in the SEQUENCE', [0x30, 0x06, 0x30, 0x00, 0x04, 0x00, 0x05, 0x00]]
  ])('%s is damaged', (_, bytes) => {
    expect(problems(configWithDer(bytes))).toEqual([DAMAGED])
  })

  test.each<[string, number[]]>([
    ['short-form lengths', [0x30, 0x04, 0x30, 0x00, 0x04, 0x00]],
    ['a length octet that ends the buffer', [0x30, 0x05, 0x30, 0x00, 0x04, 0x81, 0x00]],
    ['three length octets', [0x30, 0x07, 0x30, 0x00, 0x04, 0x83, 0x00, 0x00, 0x00]],
    ['contents that end the buffer', [0x30, 0x05, 0x30, 0x00, 0x04, 0x01, 0x00]]
  ])('%s pass, and OpenSSL is asked', (_, bytes) => {
    expect(problems(configWithDer(bytes))).toEqual([expect.stringMatching(NOT_OPENED_WITH_CODE)])
  })
})

describe('quotableOpenSslCode', () => {
  test('quotes an OpenSSL code that says more than "bad decrypt"', () => {
    expect(quotableOpenSslCode({ code: 'ERR_OSSL_EVP_UNSUPPORTED' })).toBe('ERR_OSSL_EVP_UNSUPPORTED')
    expect(quotableOpenSslCode(Object.assign(new Error('x'), { code: 'ERR_A' }))).toBe('ERR_A')
    expect(quotableOpenSslCode({ code: `ERR_${'A'.repeat(60)}` })).toBe(`ERR_${'A'.repeat(60)}`)
  })

  test('quotes nothing that is not such a code', () => {
    for (const error of [
      { code: 'ERR_OSSL_BAD_DECRYPT' },
      { code: 'ERR_OSSL_bad_decrypt' },
      { code: `ERR_${'A'.repeat(61)}` },
      { code: 'ERR_' },
      { code: 'E_OSSL' },
      { code: 'NOT_ERR_OSSL_X' },
      { code: 42 },
      { code: { toString: () => 'ERR_OSSL_X' } },
      new Error('ERR_OSSL_X'),
      'ERR_OSSL_X',
      null,
      undefined
    ]) {
      expect(quotableOpenSslCode(error)).toBeUndefined()
    }
  })
})

describe('where the JSON breaks', () => {
  const notJson = (where: string, hint = ''): string[] => [`is not valid JSON (${where}).${hint} ${STORE_THE_FILE}`]
  const BASE64_HINT = ' It looks base64-encoded: store the JSON itself.'
  const base64Of = (text: string): string => Buffer.from(text).toString('base64')

  test.each<[string, string, string[]]>([
    [
      'a raw carriage return in a string',
      '{"a": "x\ry"}',
      notJson('at line 1, column 9: a line break inside a string, where the file has `\\n`')
    ],
    [
      'a backslash that ends the file',
      '{"a": "\\',
      notJson('at line 1, column 8: a backslash that starts no JSON escape')
    ],
    [
      'a bad escape before four hex digits',
      '{"a": "\\qabcd"}',
      notJson('at line 1, column 8: a backslash that starts no JSON escape')
    ],
    [
      '`\\u` with three hex digits',
      '{"a": "\\u00e"}',
      notJson('at line 1, column 8: a backslash that starts no JSON escape')
    ],
    [
      '`\\u` escapes before the error',
      '{"a": "\\u00e9\\u00E9", "b": x}',
      notJson('at line 1, column 28: a value is expected')
    ],
    [
      'numbers with fractions and exponents before the error',
      '{"a": [1.25, 1e10, 2E+3, -0.5e-7], "b": x}',
      notJson('at line 1, column 41: a value is expected')
    ],
    [
      'tabs and CRLF line breaks before the error',
      '{\r\n\t"a":\t1\r\n\t"b": 2}',
      notJson('at line 3, column 2: a `,` or `}` is expected')
    ],
    [
      '64 levels of nesting, then more text',
      `${'['.repeat(65)}${']'.repeat(65)}x`,
      notJson('at line 1, column 131: more text after the end of the document')
    ],
    [
      '65 levels of nesting',
      `${'['.repeat(66)}${']'.repeat(66)}x`,
      notJson('at line 1, column 66: nested deeper than 64')
    ],
    ['a word', 'hello', notJson('at line 1, column 1: a value is expected')],
    [
      'base64 of a JSON object, wrapped',
      base64Of(`{"padding": "${'x'.repeat(120)}"}`).replace(/.{76}/g, '$&\n'),
      notJson('at line 1, column 1: a value is expected', BASE64_HINT)
    ],
    [
      'base64 of a JSON object after a line break',
      base64Of('\n{"a": 1}'),
      notJson('at line 1, column 1: a value is expected', BASE64_HINT)
    ],
    [
      'base64 of JSON after a character base64 lacks',
      `!${base64Of('{"a": 1}')}`,
      notJson('at line 1, column 1: a value is expected')
    ],
    [
      'base64 of JSON before a character base64 lacks',
      `${base64Of('{"a": 1}')}!`,
      notJson('at line 1, column 1: a value is expected')
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected)
  })

  test('where JSON.parse refuses what the scanner accepts, no place is guessed', () => {
    const parse = jest.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new SyntaxError('refused')
    })
    try {
      expect(problems('{"a": 1}')).toEqual([`is not valid JSON. ${STORE_THE_FILE}`])
    } finally {
      parse.mockRestore()
    }
  })
})
