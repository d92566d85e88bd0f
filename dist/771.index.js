export const id = 771;
export const ids = [771];
export const modules = {

/***/ 7771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jwtToken: () => (/* binding */ jwtToken),
  readJwtConfig: () => (/* reexport */ readJwtConfig)
});

// UNUSED EXPORTS: jwtGrant

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/box/answer.ts
var answer = __webpack_require__(7347);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/box/jwt-assertion.ts
/**
 * The JWT assertion that Box exchanges for an access token (grant
 * `urn:ietf:params:oauth:grant-type:jwt-bearer`), signed with node:crypto alone: the whole of it
 * is one RSA signature over two small JSON objects, which a JOSE library would not make clearer.
 *
 * Box allows no clock skew on the assertion's time, and its SDKs sign once more, with a new `jti`
 * and Box's own clock from the `Date` header of its refusal, when Box refuses `exp` (or `jti`):
 * box-node-sdk `isJWTAuthErrorRetryable` and `retryJWTGrant`, box-python-sdk
 * `ServerAuth._is_auth_error_retryable`. `refusedClaim` and `readBoxClock` are the two halves of
 * that for the caller, which signs again at most once.
 */


const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The `aud` Box requires, whatever the API base the request goes to. */
const BOX_TOKEN_AUDIENCE = 'https://api.box.com/oauth2/token';
/**
 * `exp` is `now` + 30 s. Box refuses an `exp` more than 60 s past its own clock as firmly as one
 * already past, so the middle of that window tolerates the most skew either way (±30 s, less the
 * request's own time); Box's SDKs use 30 s too (box-node-sdk `expirationTime` default, box-python-sdk),
 * while the samples in Box's guide use 45 s, which leaves a clock that runs fast only 15 s.
 */
const ASSERTION_LIFETIME_SECONDS = 30;
/** 32 random bytes: a 43-character `jti`, within Box's 16 to 128. */
const JTI_BYTES = 32;
const DIGESTS = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };
/**
 * The signed assertion, `header.claims.signature` in base64url without padding. Header: `alg`,
 * `typ`, `kid` = the public key ID. Claims: `iss` = client ID, `sub`, `box_sub_type`, `aud`, `jti`,
 * `exp`. No `iat` (nor `nbf`): Box does not need it, a skewed clock makes Box refuse it, and Box's
 * SDKs stopped sending it for that reason (box-node-sdk #96, #99).
 *
 * The result is a credential until `exp`: the caller masks it like a token.
 */
function signAssertion(config, subject, options) {
    const algorithm = options.algorithm ?? 'RS256';
    // Programming errors, not input errors: the inputs and the config were checked before.
    if (!Object.hasOwn(DIGESTS, algorithm))
        throw new TypeError('The JWT algorithm must be RS256, RS384 or RS512.');
    if (subject.type !== 'enterprise' && subject.type !== 'user') {
        throw new TypeError('The JWT subject type must be `enterprise` or `user`.');
    }
    if (!(0,names/* isBoxId */.HY)(subject.id))
        throw new TypeError('The JWT subject ID must be a Box ID, digits only.');
    if (!Number.isSafeInteger(Math.floor(options.now)) || options.now <= 0) {
        throw new TypeError('The time to sign at must be epoch milliseconds.');
    }
    const entropy = options.random(JTI_BYTES);
    if (!Buffer.isBuffer(entropy) || entropy.length !== JTI_BYTES) {
        throw new TypeError(`The random source must return ${JTI_BYTES} bytes.`);
    }
    const header = { alg: algorithm, typ: 'JWT', kid: config.publicKeyId };
    const claims = {
        iss: config.clientId,
        sub: subject.id,
        box_sub_type: subject.type,
        aud: options.audience ?? BOX_TOKEN_AUDIENCE,
        jti: entropy.toString('base64url'),
        exp: Math.floor(options.now / 1000) + ASSERTION_LIFETIME_SECONDS
    };
    const signingInput = `${encodePart(header)}.${encodePart(claims)}`;
    const signature = (0,external_node_crypto_.sign)(DIGESTS[algorithm], Buffer.from(signingInput), {
        key: config.privateKey,
        padding: external_node_crypto_.constants.RSA_PKCS1_PADDING // RSASSA-PKCS1-v1_5, which RS* means (RFC 7518 §3.3)
    });
    return `${signingInput}.${signature.toString('base64url')}`;
}
function encodePart(part) {
    return Buffer.from(JSON.stringify(part)).toString('base64url');
}
/**
 * Which claim Box refused, when signing again with a new `jti` and Box's clock may cure it: `exp`
 * (this machine's clock is off) or `jti` (Box's SDKs sign again for it too). Box answers 400
 * `invalid_grant` with descriptions such as
 *
 * - `Please check the 'exp' claim.` (box-java-sdk #404, box-node-sdk tests)
 * - `Current date/time MUST be before the expiration date/time listed in the 'exp' claim`
 *   (box-windows-sdk-v2 #265, box-python-sdk-gen #499; Box's own list of common errors)
 * - `Please check the 'exp' claim. The 'exp' value exceeds the maximum value of 60 seconds beyond
 *   the issue time.` (boxr #69)
 * - `Please check the 'jti' claim.` (box-node-sdk #138), `… A unique 'jti' value is required.`
 *   (box-python-sdk)
 *
 * so it is the code and the claim named in quotes that count, not the wording around them; any
 * other claim (`sub`, `box_sub_type`, `kid`, …) is wrong in a way no second signature fixes. Box's
 * SDKs look for the bare letters `exp` or `jti` anywhere in the description, which would also take
 * "expired" for a clock problem.
 */
function refusedClaim(code, description) {
    if (code !== 'invalid_grant' || typeof description !== 'string')
        return undefined;
    return /'(exp|jti)' (claim|value)/.exec(description.slice(0, 1000))?.[1];
}
/**
 * A skew larger than this is more likely a wrong `Date` than a wrong clock here: it still covers a
 * machine that keeps local time as if it were UTC (up to 14 h off), and a `Date` beyond it moves no
 * assertion's `exp` by more than that.
 */
const MAX_CLOCK_SKEW_MS = 24 * 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const IMF_FIXDATE = /^([A-Z][a-z]{2}), ([0-9]{2}) ([A-Z][a-z]{2}) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/;
/**
 * Box's clock, in epoch milliseconds, from the `Date` header of its answer: the HTTP date Box
 * sends (IMF-fixdate, RFC 9110 §5.6.7, e.g. `Tue, 30 May 2017 15:13:20 GMT`), each field in range,
 * the weekday true to the date, and within MAX_CLOCK_SKEW_MS of `localNow`. Anything else
 * (absent, two headers joined by a comma, the obsolete RFC 850 and asctime forms, a date Box would
 * not send) is undefined: the caller then keeps its own clock. `Date.parse` is not used, as it
 * accepts nearly anything that looks like a date.
 */
function readBoxClock(dateHeader, localNow) {
    if (typeof dateHeader !== 'string' || dateHeader.length > 40)
        return undefined;
    const fields = IMF_FIXDATE.exec(dateHeader.trim());
    if (fields === null)
        return undefined;
    const [, weekday, dayText, monthName, yearText, hourText, minuteText, secondText] = fields;
    const month = MONTHS.indexOf(monthName);
    const [day, year, hour, minute, second] = [dayText, yearText, hourText, minuteText, secondText].map(Number);
    const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    // Second 60 is a leap second (RFC 9110 allows it); Date.UTC carries it into the next minute.
    if (month < 0 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60)
        return undefined;
    if (WEEKDAYS[new Date(Date.UTC(year, month, day)).getUTCDay()] !== weekday)
        return undefined;
    const boxNow = Date.UTC(year, month, day, hour, minute, second);
    return Math.abs(boxNow - localNow) <= MAX_CLOCK_SKEW_MS ? boxNow : undefined;
}

// EXTERNAL MODULE: ./src/box/token-endpoint.ts
var token_endpoint = __webpack_require__(5632);
;// CONCATENATED MODULE: ./src/box/jwt-config.ts
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


/** RFC 7518 §3.3: RS256, RS384 and RS512 need an RSA key of 2048 bits or more; Box's keys are 2048. */
const MIN_RSA_BITS = 2048;
/** A Box config is 2 to 4 KiB; anything far larger is something else, and is not parsed at all. */
const MAX_CONFIG_CHARS = 64 * 1024;
const KEY_PATH = 'boxAppSettings.appAuth.privateKey';
const PASSPHRASE_PATH = 'boxAppSettings.appAuth.passphrase';
/** The fix for a field: the file itself, untouched. */
const AS_DOWNLOADED = "Use the file exactly as Box's Developer Console downloaded it.";
/** The fix for the whole document: the file itself, in one secret. */
const STORE_THE_FILE = "Store the JSON file exactly as Box's Developer Console downloads it when it generates a key pair, whole, in one " +
    'secret, and pass that (e.g. `${{ secrets.BOX_JWT_CONFIG }}`).';
const NO_KEY_IN_LATER_DOWNLOADS = 'Box keeps no private key: only the file that "Generate a Public/Private Keypair" downloads holds the key and ' +
    'its passphrase. If that file is lost, generate a new key pair (Developer Console → your app → Configuration → ' +
    'Add and Manage Public Keys).';
const ENCRYPT_IT = 'Convert it to the encrypted PKCS#8 PEM that Box generates, e.g. ' +
    '`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem`, and put that PEM and its passphrase here.';
function readJwtConfig(text) {
    const source = text.trim(); // trim() takes a byte order mark too
    if (source === '')
        return refused(['is empty. ' + STORE_THE_FILE]);
    if (source.length > MAX_CONFIG_CHARS) {
        return refused([
            `is ${Math.ceil(source.length / 1024)} KiB; a Box app configuration is a few KiB, so this is something else. ` +
                STORE_THE_FILE
        ]);
    }
    let document;
    try {
        document = JSON.parse(source);
    }
    catch {
        return refused([notJson(source)]);
    }
    const masked = maskedValues(document);
    if (typeof document === 'string') {
        return { problems: ['is a JSON string, not an object: was the file encoded twice? ' + STORE_THE_FILE], masked };
    }
    if (!isRecord(document)) {
        return { problems: [`is JSON, but ${describe(document)}, not an object. ${STORE_THE_FILE}`], masked };
    }
    const problems = [];
    const fields = new FieldReader(problems);
    const settings = fields.object(document, ['boxAppSettings']);
    const appAuth = settings && fields.object(settings, ['boxAppSettings', 'appAuth']);
    const clientId = settings && fields.word(settings, ['boxAppSettings', 'clientID']);
    const clientSecret = settings && fields.word(settings, ['boxAppSettings', 'clientSecret']);
    const publicKeyId = appAuth && fields.word(appAuth, ['boxAppSettings', 'appAuth', 'publicKeyID']);
    const pem = appAuth && fields.string(appAuth, ['boxAppSettings', 'appAuth', 'privateKey'], NO_KEY_IN_LATER_DOWNLOADS);
    const passphrase = appAuth && fields.string(appAuth, ['boxAppSettings', 'appAuth', 'passphrase'], NO_KEY_IN_LATER_DOWNLOADS);
    const enterpriseId = fields.string(document, ['enterpriseID']);
    if (enterpriseId !== undefined && !(0,names/* isBoxId */.HY)(enterpriseId)) {
        problems.push('`enterpriseID` must be the enterprise ID, digits only, as in the downloaded file.');
    }
    const der = pem === undefined ? undefined : pemBody(pem, problems);
    const privateKey = der === undefined || passphrase === undefined ? undefined : openKey(der, passphrase, problems);
    if (problems.length > 0 ||
        clientId === undefined ||
        clientSecret === undefined ||
        publicKeyId === undefined ||
        enterpriseId === undefined ||
        privateKey === undefined) {
        return { problems, masked };
    }
    return { config: { clientId, clientSecret, publicKeyId, enterpriseId, privateKey }, masked };
}
function refused(problems) {
    return { problems, masked: [] };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A JSON value's kind, for a message that must not quote it. */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'boolean')
        return '`true` or `false`';
    return `a ${typeof value}`;
}
/** Reads fields by path, recording one problem per missing, empty or mistyped field. */
class FieldReader {
    problems;
    constructor(problems) {
        this.problems = problems;
    }
    object(parent, path) {
        const value = this.present(parent, path);
        if (value === undefined || isRecord(value))
            return value;
        this.problems.push(`\`${path.join('.')}\` must be an object, not ${describe(value)}. ${AS_DOWNLOADED}`);
        return undefined;
    }
    string(parent, path, emptyHint = AS_DOWNLOADED) {
        const value = this.present(parent, path, emptyHint);
        if (value === undefined)
            return undefined;
        const name = `\`${path.join('.')}\``;
        if (typeof value !== 'string') {
            this.problems.push(`${name} must be a string, in double quotes, not ${describe(value)}. ${AS_DOWNLOADED}`);
            return undefined;
        }
        if (value.trim() === '') {
            this.problems.push(`${name} is empty. ${emptyHint}`);
            return undefined;
        }
        return value;
    }
    /** A credential or ID sent as it is: a string with no white space (which Box's never have). */
    word(parent, path) {
        const value = this.string(parent, path);
        if (value === undefined || !/[\s\u0000-\u001f\u007f]/.test(value))
            return value;
        this.problems.push(`\`${path.join('.')}\` contains white space or control characters, which Box's values never have: was the ` +
            `file edited? ${AS_DOWNLOADED}`);
        return undefined;
    }
    present(parent, path, hint = AS_DOWNLOADED) {
        const name = path[path.length - 1];
        const value = Object.hasOwn(parent, name) ? parent[name] : undefined;
        if (value === undefined)
            this.problems.push(`\`${path.join('.')}\` is missing. ${hint}`);
        return value;
    }
}
/**
 * Every string in the config but `enterpriseID`, and each line of a multi-line one (the private
 * key) apart from its `-----BEGIN/END …-----` lines, which are no secret and appear in every PEM.
 */
function maskedValues(document) {
    const found = new Set();
    const visit = (value) => {
        if (typeof value === 'string') {
            if (value.trim() !== '')
                found.add(value);
            if (/[\r\n]/.test(value)) {
                for (const line of value.split(/\r\n|\r|\n/)) {
                    const trimmed = line.trim();
                    if (trimmed !== '' && !/^-----(BEGIN|END) [^-]*-----$/.test(trimmed))
                        found.add(trimmed);
                }
            }
        }
        else if (Array.isArray(value)) {
            value.forEach(visit);
        }
        else if (isRecord(value)) {
            for (const [name, child] of Object.entries(value))
                if (!(value === document && name === 'enterpriseID'))
                    visit(child);
        }
    };
    visit(document);
    return [...found];
}
/**
 * The DER inside the PEM when it is one encrypted PKCS#8 block (line breaks and spaces in the
 * base64 are not held against it); otherwise a problem saying what it is instead.
 */
function pemBody(pem, problems) {
    const refuse = (message) => {
        problems.push(`\`${KEY_PATH}\` ${message}`);
        return undefined;
    };
    if (pem.includes('\\n')) {
        return refuse('holds `\\n` as two characters where its line breaks belong: the file was escaped twice. ' + AS_DOWNLOADED);
    }
    const label = /-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(pem)?.[1];
    if (label === undefined) {
        return refuse('is not a PEM key: it should start with `-----BEGIN ENCRYPTED PRIVATE KEY-----`. ' + AS_DOWNLOADED);
    }
    if (label === 'PRIVATE KEY')
        return refuse('is not encrypted (`-----BEGIN PRIVATE KEY-----`). ' + ENCRYPT_IT);
    if (label === 'RSA PRIVATE KEY') {
        return refuse('is a PKCS#1 key (`-----BEGIN RSA PRIVATE KEY-----`), not an encrypted PKCS#8 one. ' + ENCRYPT_IT);
    }
    if (label !== 'ENCRYPTED PRIVATE KEY') {
        return refuse(`holds a \`${label}\` PEM block, not an encrypted private key (\`ENCRYPTED PRIVATE KEY\`). ${AS_DOWNLOADED}`);
    }
    const notWhole = () => refuse('is not one whole PEM block: base64 lines from `-----BEGIN ENCRYPTED PRIVATE KEY-----` to ' +
        '`-----END ENCRYPTED PRIVATE KEY-----` and nothing else. Was it cut short or edited? ' +
        AS_DOWNLOADED);
    const block = /^-----BEGIN ENCRYPTED PRIVATE KEY-----([A-Za-z0-9+/=\s]*)-----END ENCRYPTED PRIVATE KEY-----$/.exec(pem.trim());
    if (block === null)
        return notWhole();
    const base64 = block[1].replace(/\s/g, '');
    const der = Buffer.from(base64, 'base64');
    // Base64 that does not come back the same (`=` in the middle, a group of four cut short) is not whole.
    if (base64 === '' || der.toString('base64') !== base64)
        return notWhole();
    if (!isEncryptedPrivateKeyInfo(der)) {
        return refuse('is damaged: its base64 is not an encrypted PKCS#8 key. Was it edited? ' + AS_DOWNLOADED);
    }
    return der;
}
/**
 * The outline of PKCS#8's EncryptedPrivateKeyInfo (RFC 5958 §3): SEQUENCE { AlgorithmIdentifier
 * (a SEQUENCE), encryptedData (an OCTET STRING) } filling the whole buffer. Checked before the
 * passphrase is tried, so that "the passphrase does not open it" is said only of an intact key.
 */
function isEncryptedPrivateKeyInfo(der) {
    const outer = readTlv(der, 0);
    if (outer?.tag !== 0x30 || outer.end !== der.length)
        return false;
    const algorithm = readTlv(der, outer.start);
    if (algorithm?.tag !== 0x30)
        return false;
    const data = readTlv(der, algorithm.end);
    return data?.tag === 0x04 && data.end === outer.end;
}
/**
 * One DER tag-length-value header at `at`: where its contents start and end, if they fit. Bytes are
 * read with readUInt8, which throws past the end, where indexing would quietly give `undefined`.
 */
function readTlv(der, at) {
    if (at + 2 > der.length)
        return undefined;
    const tag = der.readUInt8(at);
    let length = der.readUInt8(at + 1);
    let start = at + 2;
    if (length & 0x80) {
        const octets = length & 0x7f;
        if (octets === 0 || octets > 3 || start + octets > der.length)
            return undefined;
        length = 0;
        for (let i = 0; i < octets; i++)
            length = length * 256 + der.readUInt8(start + i);
        start += octets;
    }
    const end = start + length;
    // Each caller also holds the outer SEQUENCE to the end of the buffer, and a read past the end
    // gives undefined above, so a header that does not fit is refused either way.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    return end <= der.length ? { tag, start, end } : undefined;
}
/** The key opened with its passphrase, if it is RSA and long enough for RS256. */
function openKey(der, passphrase, problems) {
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)({ key: der, format: 'der', type: 'pkcs8', passphrase });
    }
    catch (error) {
        const code = quotableOpenSslCode(error);
        const said = code === undefined
            ? ''
            : ` (OpenSSL: ${code}; if the passphrase is right, the key is encrypted in a way OpenSSL cannot read)`;
        problems.push(`\`${PASSPHRASE_PATH}\` does not open \`${KEY_PATH}\`${said}. The two come from the same download and are ` +
            `never edited. ${AS_DOWNLOADED} ${NO_KEY_IN_LATER_DOWNLOADS}`);
        return undefined;
    }
    if (key.asymmetricKeyType !== 'rsa') {
        problems.push(`\`${KEY_PATH}\` is an ${key.asymmetricKeyType ?? 'unknown'} key; Box's assertions are signed with RSA ` +
            '(RS256, RS384 or RS512). Generate a new key pair in the Developer Console.');
        return undefined;
    }
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) {
        problems.push(`\`${KEY_PATH}\` is a ${bits}-bit RSA key; RS256 needs at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3). ` +
            'Generate a new key pair in the Developer Console.');
        return undefined;
    }
    return key;
}
/**
 * The code of an error opening the key, if it is worth quoting. A wrong passphrase is OpenSSL's
 * "bad decrypt" nearly always, which says nothing the message does not; now and then the garbage
 * it decrypts to fails later instead, and a cipher OpenSSL lacks fails with its own code. Only an
 * error's code is ever quoted, never its message, and only when it looks like one.
 */
function quotableOpenSslCode(error) {
    const code = error?.code;
    return typeof code === 'string' && code !== 'ERR_OSSL_BAD_DECRYPT' && /^ERR_[A-Z0-9_]{1,60}$/.test(code)
        ? code
        : undefined;
}
/**
 * Where the JSON breaks, by line and column, and what was expected there: found by a small
 * scanner of its own, because V8's messages quote the text around the error (here: a private
 * key), change between Node.js versions and sometimes give no position at all.
 */
function notJson(text) {
    const found = firstSyntaxError(text);
    // JSON.parse refused what the scanner accepts: not expected, and said without guessing where.
    if (found === undefined)
        return `is not valid JSON. ${STORE_THE_FILE}`;
    const before = text.slice(0, found.at);
    const where = found.at >= text.length
        ? 'it ends too early'
        : `at line ${before.split('\n').length}, column ${found.at - before.lastIndexOf('\n')}`;
    const base64 = /^[A-Za-z0-9+/=\s]+$/.test(text) && Buffer.from(text, 'base64').toString('utf8').trimStart().startsWith('{')
        ? ' It looks base64-encoded: store the JSON itself.'
        : '';
    return `is not valid JSON (${where}: ${found.problem}).${base64} ${STORE_THE_FILE}`;
}
const MAX_DEPTH = 64;
/** Thrown by the scanner at the first character JSON does not allow. */
class SyntaxAt {
    at;
    problem;
    constructor(at, problem) {
        this.at = at;
        this.problem = problem;
    }
}
/** The offset of the first syntax error in `text` (known not to parse), and what is wrong there. */
function firstSyntaxError(text) {
    let i = 0;
    const fail = (problem) => {
        throw new SyntaxAt(i, problem);
    };
    const blank = /[ \t\n\r]*/y;
    const space = () => {
        blank.lastIndex = i;
        blank.test(text);
        i = blank.lastIndex;
    };
    const unicodeEscape = /u[0-9a-fA-F]{4}/y;
    const expect = (char, problem) => {
        space();
        if (text[i] !== char)
            fail(problem);
        i++;
    };
    const string = () => {
        i++; // the opening quote
        for (;;) {
            const c = text[i];
            if (c === undefined)
                fail('a string is not closed');
            if (c === '"')
                break;
            if (c === '\n' || c === '\r')
                fail('a line break inside a string, where the file has `\\n`');
            if (c < ' ')
                fail('a control character inside a string');
            if (c === '\\') {
                unicodeEscape.lastIndex = i + 1;
                if (unicodeEscape.test(text))
                    i += 4;
                else if (!'"\\/bfnrt'.includes(text[i + 1] ?? '-'))
                    fail('a backslash that starts no JSON escape');
                i++;
            }
            i++;
        }
        i++;
    };
    const value = (depth) => {
        if (depth > MAX_DEPTH)
            fail(`nested deeper than ${MAX_DEPTH}`);
        space();
        const c = text[i];
        if (c === '{' || c === '[') {
            const close = c === '{' ? '}' : ']';
            i++;
            space();
            if (text[i] === close) {
                i++;
                return;
            }
            for (;;) {
                if (close === '}') {
                    space();
                    if (text[i] !== '"')
                        fail('a property name in double quotes is expected');
                    string();
                    expect(':', 'a `:` is expected');
                }
                value(depth + 1);
                space();
                if (text[i] === ',')
                    i++;
                else
                    return expect(close, `a \`,\` or \`${close}\` is expected`);
            }
        }
        if (c === '"')
            return string();
        const literal = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null/y;
        literal.lastIndex = i;
        if (!literal.test(text))
            fail('a value is expected');
        i = literal.lastIndex;
    };
    try {
        value(0);
        space();
        if (i < text.length)
            fail('more text after the end of the document');
    }
    catch (error) {
        if (error instanceof SyntaxAt)
            return error;
        throw error;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/box/jwt-grant.ts
/**
 * The JWT grant: an assertion signed with the app's private key (jwt-assertion.ts), from the app's
 * JSON config (jwt-config.ts), for an access token that acts as the enterprise's service account
 * or one user (Box: "JWT without SDK"). Box answers an access token alone.
 *
 * Every attempt signs anew (a `jti` Box has seen is refused), and when Box refuses the assertion's
 * time (`exp`) or its `jti`, the grant signs once more, with Box's clock from the `Date` of that
 * refusal where it can be read, as Box's SDKs do. Each assertion is a credential until it expires,
 * so it is masked before it is sent.
 *
 * This module, with the config reader, is loaded only in JWT mode: a rotation never reads it.
 */





function jwtGrant(config, subject, deps, random = external_node_crypto_.randomBytes) {
    return {
        form: (attempt) => {
            const assertion = signAssertion(config, subject, {
                now: attempt.boxClock ?? deps.retry.timing.now(),
                random
            });
            deps.mask(assertion);
            return { grant_type: JWT_BEARER_GRANT, assertion };
        },
        answer: answer/* parseAccessTokenAnswer */.Nu,
        repair: (error, localNow) => {
            const claim = refusedClaim(error.details.oauthError, error.details.description);
            const boxClock = readBoxClock(error.details.date, localNow);
            // Every attempt signs with a new `jti`, which repairs a refused one; a refused `exp` is repaired
            // only by Box's clock, so without a readable `Date` there is nothing to sign differently.
            if (claim === 'jti')
                return { boxClock };
            return claim === 'exp' && boxClock !== undefined ? { boxClock } : undefined;
        }
    };
}
function jwtToken(config, subject, boxApiUrl, deps) {
    const credentials = { boxApiUrl, clientId: config.clientId, clientSecret: config.clientSecret };
    return (0,token_endpoint/* requestToken */.F)(credentials, jwtGrant(config, subject, deps), deps);
}


/***/ })

};
