/**
 * The Box app's JSON configuration, as Box's Developer Console downloads it when it generates a
 * key pair, read into what a JWT assertion needs: client ID and secret, public key ID, enterprise
 * ID and the private key, opened.
 *
 * The whole file is one secret, so nothing in it is ever quoted: a problem names the field's JSON
 * path, what is wrong with it and how to fix it, and every problem is reported at once. The PEM
 * and its passphrase are used to open the key and then dropped; what the caller must mask is
 * returned beside the result, failed or not, so that it can be masked before anything prints.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto'
import { isBoxId } from '../names.js'

export interface JwtConfig {
  readonly clientId: string
  readonly clientSecret: string
  readonly publicKeyId: string
  /** Digits: the JWT subject when the token is the enterprise's service account. */
  readonly enterpriseId: string
  /** An RSA key of at least MIN_RSA_BITS. */
  readonly privateKey: KeyObject
}

/**
 * `masked`: every value to mask, even when the config is refused: all its strings but
 * `enterpriseID`, plus each line of the private key PEM (the runner masks a log line at a time).
 * The enterprise ID is no credential (Box prints it in the Admin Console, it is the assertion's
 * `sub`), and as a short run of digits its mask would also blot out unrelated numbers in the log,
 * such as timestamps and run IDs.
 */
export type JwtConfigReading = { config: JwtConfig; masked: string[] } | { problems: string[]; masked: string[] }

/** RFC 7518 §3.3: RS256, RS384 and RS512 need an RSA key of 2048 bits or more; Box's keys are 2048. */
export const MIN_RSA_BITS = 2048
/** A Box config is 2 to 4 KiB; anything far larger is something else, and is not parsed at all. */
const MAX_CONFIG_CHARS = 64 * 1024

const KEY_PATH = 'boxAppSettings.appAuth.privateKey'
const PASSPHRASE_PATH = 'boxAppSettings.appAuth.passphrase'
/** The fix for a field: the file itself, untouched. */
const AS_DOWNLOADED = "Use the file exactly as Box's Developer Console downloaded it."
/** The fix for the whole document: the file itself, in one secret. */
const STORE_THE_FILE =
  "Store the JSON file exactly as Box's Developer Console downloads it when it generates a key pair, whole, in one " +
  'secret, and pass that (e.g. `${{ secrets.BOX_JWT_CONFIG }}`).'
const NO_KEY_IN_LATER_DOWNLOADS =
  'Box keeps no private key: only the file that "Generate a Public/Private Keypair" downloads holds the key and ' +
  'its passphrase. If that file is lost, generate a new key pair (Developer Console → your app → Configuration → ' +
  'Add and Manage Public Keys).'
const ENCRYPT_IT =
  'Convert it to the encrypted PKCS#8 PEM that Box generates, e.g. ' +
  '`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem`, and put that PEM and its passphrase here.'

export function readJwtConfig(text: string): JwtConfigReading {
  const source = text.trim() // trim() takes a byte order mark too
  if (source === '') return refused(['is empty. ' + STORE_THE_FILE])
  if (source.length > MAX_CONFIG_CHARS) {
    return refused([
      `is ${Math.ceil(source.length / 1024)} KiB; a Box app configuration is a few KiB, so this is something else. ` +
        STORE_THE_FILE
    ])
  }
  let document: unknown
  try {
    document = JSON.parse(source)
  } catch {
    return refused([notJson(source)])
  }
  const masked = maskedValues(document)
  if (typeof document === 'string') {
    return { problems: ['is a JSON string, not an object: was the file encoded twice? ' + STORE_THE_FILE], masked }
  }
  if (!isRecord(document)) {
    return { problems: [`is JSON, but ${describe(document)}, not an object. ${STORE_THE_FILE}`], masked }
  }

  const problems: string[] = []
  const fields = new FieldReader(problems)
  const settings = fields.object(document, ['boxAppSettings'])
  const appAuth = settings && fields.object(settings, ['boxAppSettings', 'appAuth'])
  const clientId = settings && fields.word(settings, ['boxAppSettings', 'clientID'])
  const clientSecret = settings && fields.word(settings, ['boxAppSettings', 'clientSecret'])
  const publicKeyId = appAuth && fields.word(appAuth, ['boxAppSettings', 'appAuth', 'publicKeyID'])
  const pem = appAuth && fields.string(appAuth, ['boxAppSettings', 'appAuth', 'privateKey'], NO_KEY_IN_LATER_DOWNLOADS)
  const passphrase =
    appAuth && fields.string(appAuth, ['boxAppSettings', 'appAuth', 'passphrase'], NO_KEY_IN_LATER_DOWNLOADS)
  const enterpriseId = fields.string(document, ['enterpriseID'])
  if (enterpriseId !== undefined && !isBoxId(enterpriseId)) {
    problems.push('`enterpriseID` must be the enterprise ID, digits only, as in the downloaded file.')
  }

  const der = pem === undefined ? undefined : pemBody(pem, problems)
  const privateKey = der === undefined || passphrase === undefined ? undefined : openKey(der, passphrase, problems)

  if (
    problems.length > 0 ||
    clientId === undefined ||
    clientSecret === undefined ||
    publicKeyId === undefined ||
    enterpriseId === undefined ||
    privateKey === undefined
  ) {
    return { problems, masked }
  }
  return { config: { clientId, clientSecret, publicKeyId, enterpriseId, privateKey }, masked }
}

function refused(problems: string[]): JwtConfigReading {
  return { problems, masked: [] }
}

type JsonObject = Record<string, unknown>

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A JSON value's kind, for a message that must not quote it. */
function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'boolean') return '`true` or `false`'
  return `a ${typeof value}`
}

/** Reads fields by path, recording one problem per missing, empty or mistyped field. */
class FieldReader {
  constructor(private readonly problems: string[]) {}

  object(parent: JsonObject, path: string[]): JsonObject | undefined {
    const value = this.present(parent, path)
    if (value === undefined || isRecord(value)) return value
    this.problems.push(`\`${path.join('.')}\` must be an object, not ${describe(value)}. ${AS_DOWNLOADED}`)
    return undefined
  }

  string(parent: JsonObject, path: string[], emptyHint = AS_DOWNLOADED): string | undefined {
    const value = this.present(parent, path, emptyHint)
    if (value === undefined) return undefined
    const name = `\`${path.join('.')}\``
    if (typeof value !== 'string') {
      this.problems.push(`${name} must be a string, in double quotes, not ${describe(value)}. ${AS_DOWNLOADED}`)
      return undefined
    }
    if (value.trim() === '') {
      this.problems.push(`${name} is empty. ${emptyHint}`)
      return undefined
    }
    return value
  }

  /** A credential or ID sent as it is: a string with no white space (which Box's never have). */
  word(parent: JsonObject, path: string[]): string | undefined {
    const value = this.string(parent, path)
    if (value === undefined || !/[\s\u0000-\u001f\u007f]/.test(value)) return value
    this.problems.push(
      `\`${path.join('.')}\` contains white space or control characters, which Box's values never have: was the ` +
        `file edited? ${AS_DOWNLOADED}`
    )
    return undefined
  }

  private present(parent: JsonObject, path: string[], hint = AS_DOWNLOADED): unknown {
    const name = path[path.length - 1]
    const value = Object.hasOwn(parent, name) ? parent[name] : undefined
    if (value === undefined) this.problems.push(`\`${path.join('.')}\` is missing. ${hint}`)
    return value
  }
}

/**
 * Every string in the config but `enterpriseID`, and each line of a multi-line one (the private
 * key) apart from its `-----BEGIN/END …-----` lines, which are no secret and appear in every PEM.
 */
function maskedValues(document: unknown): string[] {
  const found = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim() !== '') found.add(value)
      if (/[\r\n]/.test(value)) {
        for (const line of value.split(/\r\n|\r|\n/)) {
          const trimmed = line.trim()
          if (trimmed !== '' && !/^-----(BEGIN|END) [^-]*-----$/.test(trimmed)) found.add(trimmed)
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit)
    } else if (isRecord(value)) {
      for (const [name, child] of Object.entries(value))
        if (!(value === document && name === 'enterpriseID')) visit(child)
    }
  }
  visit(document)
  return [...found]
}

/**
 * The DER inside the PEM when it is one encrypted PKCS#8 block (line breaks and spaces in the
 * base64 are not held against it); otherwise a problem saying what it is instead.
 */
function pemBody(pem: string, problems: string[]): Buffer | undefined {
  const refuse = (message: string): undefined => {
    problems.push(`\`${KEY_PATH}\` ${message}`)
    return undefined
  }
  if (pem.includes('\\n')) {
    return refuse(
      'holds `\\n` as two characters where its line breaks belong: the file was escaped twice. ' + AS_DOWNLOADED
    )
  }
  const label = /-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(pem)?.[1]
  if (label === undefined) {
    return refuse('is not a PEM key: it should start with `-----BEGIN ENCRYPTED PRIVATE KEY-----`. ' + AS_DOWNLOADED)
  }
  if (label === 'PRIVATE KEY') return refuse('is not encrypted (`-----BEGIN PRIVATE KEY-----`). ' + ENCRYPT_IT)
  if (label === 'RSA PRIVATE KEY') {
    return refuse('is a PKCS#1 key (`-----BEGIN RSA PRIVATE KEY-----`), not an encrypted PKCS#8 one. ' + ENCRYPT_IT)
  }
  if (label !== 'ENCRYPTED PRIVATE KEY') {
    return refuse(
      `holds a \`${label}\` PEM block, not an encrypted private key (\`ENCRYPTED PRIVATE KEY\`). ${AS_DOWNLOADED}`
    )
  }
  const notWhole = (): undefined =>
    refuse(
      'is not one whole PEM block: base64 lines from `-----BEGIN ENCRYPTED PRIVATE KEY-----` to ' +
        '`-----END ENCRYPTED PRIVATE KEY-----` and nothing else. Was it cut short or edited? ' +
        AS_DOWNLOADED
    )
  const block = /^-----BEGIN ENCRYPTED PRIVATE KEY-----([A-Za-z0-9+/=\s]*)-----END ENCRYPTED PRIVATE KEY-----$/.exec(
    pem.trim()
  )
  if (block === null) return notWhole()
  const base64 = block[1].replace(/\s/g, '')
  const der = Buffer.from(base64, 'base64')
  // Base64 that does not come back the same (`=` in the middle, a group of four cut short) is not whole.
  if (base64 === '' || der.toString('base64') !== base64) return notWhole()
  if (!isEncryptedPrivateKeyInfo(der)) {
    return refuse('is damaged: its base64 is not an encrypted PKCS#8 key. Was it edited? ' + AS_DOWNLOADED)
  }
  return der
}

/**
 * The outline of PKCS#8's EncryptedPrivateKeyInfo (RFC 5958 §3): SEQUENCE { AlgorithmIdentifier
 * (a SEQUENCE), encryptedData (an OCTET STRING) } filling the whole buffer. Checked before the
 * passphrase is tried, so that "the passphrase does not open it" is said only of an intact key.
 */
function isEncryptedPrivateKeyInfo(der: Buffer): boolean {
  const outer = readTlv(der, 0)
  if (outer?.tag !== 0x30 || outer.end !== der.length) return false
  const algorithm = readTlv(der, outer.start)
  if (algorithm?.tag !== 0x30) return false
  const data = readTlv(der, algorithm.end)
  return data?.tag === 0x04 && data.end === outer.end
}

/**
 * One DER tag-length-value header at `at`: where its contents start and end, if they fit. Bytes are
 * read with readUInt8, which throws past the end, where indexing would quietly give `undefined`.
 */
function readTlv(der: Buffer, at: number): { tag: number; start: number; end: number } | undefined {
  if (at + 2 > der.length) return undefined
  const tag = der.readUInt8(at)
  let length = der.readUInt8(at + 1)
  let start = at + 2
  if (length & 0x80) {
    const octets = length & 0x7f
    if (octets === 0 || octets > 3 || start + octets > der.length) return undefined
    length = 0
    for (let i = 0; i < octets; i++) length = length * 256 + der.readUInt8(start + i)
    start += octets
  }
  const end = start + length
  // Each caller also holds the outer SEQUENCE to the end of the buffer, and a read past the end
  // gives undefined above, so a header that does not fit is refused either way.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  return end <= der.length ? { tag, start, end } : undefined
}

/** The key opened with its passphrase, if it is RSA and long enough for RS256. */
function openKey(der: Buffer, passphrase: string, problems: string[]): KeyObject | undefined {
  let key: KeyObject
  try {
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase })
  } catch (error) {
    const code = quotableOpenSslCode(error)
    const said =
      code === undefined
        ? ''
        : ` (OpenSSL: ${code}; if the passphrase is right, the key is encrypted in a way OpenSSL cannot read)`
    problems.push(
      `\`${PASSPHRASE_PATH}\` does not open \`${KEY_PATH}\`${said}. The two come from the same download and are ` +
        `never edited. ${AS_DOWNLOADED} ${NO_KEY_IN_LATER_DOWNLOADS}`
    )
    return undefined
  }
  if (key.asymmetricKeyType !== 'rsa') {
    problems.push(
      `\`${KEY_PATH}\` is an ${key.asymmetricKeyType ?? 'unknown'} key; Box's assertions are signed with RSA ` +
        '(RS256, RS384 or RS512). Generate a new key pair in the Developer Console.'
    )
    return undefined
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
  if (bits < MIN_RSA_BITS) {
    problems.push(
      `\`${KEY_PATH}\` is a ${bits}-bit RSA key; RS256 needs at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3). ` +
        'Generate a new key pair in the Developer Console.'
    )
    return undefined
  }
  return key
}

/**
 * The code of an error opening the key, if it is worth quoting. A wrong passphrase is OpenSSL's
 * "bad decrypt" nearly always, which says nothing the message does not; now and then the garbage
 * it decrypts to fails later instead, and a cipher OpenSSL lacks fails with its own code. Only an
 * error's code is ever quoted, never its message, and only when it looks like one.
 */
export function quotableOpenSslCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code !== 'ERR_OSSL_BAD_DECRYPT' && /^ERR_[A-Z0-9_]{1,60}$/.test(code)
    ? code
    : undefined
}

/**
 * Where the JSON breaks, by line and column, and what was expected there: found by a small
 * scanner of its own, because V8's messages quote the text around the error (here: a private
 * key), change between Node.js versions and sometimes give no position at all.
 */
function notJson(text: string): string {
  const found = firstSyntaxError(text)
  // JSON.parse refused what the scanner accepts: not expected, and said without guessing where.
  if (found === undefined) return `is not valid JSON. ${STORE_THE_FILE}`
  const before = text.slice(0, found.at)
  const where =
    found.at >= text.length
      ? 'it ends too early'
      : `at line ${before.split('\n').length}, column ${found.at - before.lastIndexOf('\n')}`
  const base64 =
    /^[A-Za-z0-9+/=\s]+$/.test(text) && Buffer.from(text, 'base64').toString('utf8').trimStart().startsWith('{')
      ? ' It looks base64-encoded: store the JSON itself.'
      : ''
  return `is not valid JSON (${where}: ${found.problem}).${base64} ${STORE_THE_FILE}`
}

const MAX_DEPTH = 64

/** Thrown by the scanner at the first character JSON does not allow. */
class SyntaxAt {
  constructor(
    readonly at: number,
    readonly problem: string
  ) {}
}

/** The offset of the first syntax error in `text` (known not to parse), and what is wrong there. */
function firstSyntaxError(text: string): SyntaxAt | undefined {
  let i = 0
  const fail = (problem: string): never => {
    throw new SyntaxAt(i, problem)
  }
  const blank = /[ \t\n\r]*/y
  const space = (): void => {
    blank.lastIndex = i
    blank.test(text)
    i = blank.lastIndex
  }
  const unicodeEscape = /u[0-9a-fA-F]{4}/y
  const expect = (char: string, problem: string): void => {
    space()
    if (text[i] !== char) fail(problem)
    i++
  }
  const string = (): void => {
    i++ // the opening quote
    for (;;) {
      const c = text[i]
      if (c === undefined) fail('a string is not closed')
      if (c === '"') break
      if (c === '\n' || c === '\r') fail('a line break inside a string, where the file has `\\n`')
      if (c < ' ') fail('a control character inside a string')
      if (c === '\\') {
        unicodeEscape.lastIndex = i + 1
        if (unicodeEscape.test(text)) i += 4
        else if (!'"\\/bfnrt'.includes(text[i + 1] ?? '-')) fail('a backslash that starts no JSON escape')
        i++
      }
      i++
    }
    i++
  }
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`)
    space()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      space()
      if (text[i] === close) {
        i++
        return
      }
      for (;;) {
        if (close === '}') {
          space()
          if (text[i] !== '"') fail('a property name in double quotes is expected')
          string()
          expect(':', 'a `:` is expected')
        }
        value(depth + 1)
        space()
        if (text[i] === ',') i++
        else return expect(close, `a \`,\` or \`${close}\` is expected`)
      }
    }
    if (c === '"') return string()
    const literal = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null/y
    literal.lastIndex = i
    if (!literal.test(text)) fail('a value is expected')
    i = literal.lastIndex
  }
  try {
    value(0)
    space()
    if (i < text.length) fail('more text after the end of the document')
  } catch (error) {
    if (error instanceof SyntaxAt) return error
    throw error
  }
  return undefined
}
