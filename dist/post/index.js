import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1807:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  QO: () => (/* binding */ revokeAtJobEnd)
});

// UNUSED EXPORTS: REVOKE_STATE, openRevokeState, sealRevokeState

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/aead.ts
/**
 * AES-256-GCM, the one authenticated encryption of the action: the hand-off (handoff.ts) and the
 * tokens the post step revokes (action/post.ts). A value that was changed, or is opened with another
 * key or other associated data, does not open: `openSealed` says so with `undefined`, never with a
 * partial plaintext.
 */

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** The ciphertext with its tag appended. `nonce` is for test vectors only: each seal takes a fresh one. */
function aead_sealBytes(key, plaintext, aad, nonce = randomBytes(NONCE_BYTES)) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    return { nonce, sealed: Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]) };
}
function openSealed(key, nonce, sealed, aad) {
    if (nonce.length !== NONCE_BYTES || sealed.length <= TAG_BYTES)
        return undefined;
    try {
        const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, nonce);
        decipher.setAAD(aad);
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    }
    catch {
        // a changed value, a wrong key or a wrong nonce: not authentic
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/box/error.ts
/** How a request to Box's OAuth endpoints failed, in the terms the explanations (the action's, the login's) need. */
class error_BoxError extends Error {
    kind;
    details;
    /** Set when an earlier attempt may have been processed by Box without us seeing the answer. */
    earlierAmbiguousAttempt;
    constructor(kind, message, details = {}) {
        super(message);
        this.kind = kind;
        this.details = details;
        this.name = 'BoxError';
    }
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __nccwpck_require__(9809);
;// CONCATENATED MODULE: ./src/box/token-endpoint.ts
/**
 * Box's OAuth 2.0 endpoints, for every way of getting a token (a `TokenGrant`: one module each in
 * this folder: refresh-grant.ts, authorization-code.ts, client-credentials.ts, jwt-grant.ts,
 * token-exchange.ts) and for revoking one (revoke.ts): the request, its retries, and Box's answer,
 * validated.
 *
 * Box refresh tokens are single-use, so what is retried matters: answers that say the request
 * was not processed (429, 5xx) and connections refused before anything was sent are safe to
 * retry. A timeout or a connection dropped after the request went out may have consumed the
 * token; those are retried too (Box may not have processed it), but remembered, so that an
 * `invalid_grant` on the retry can be explained as "the first attempt probably used it".
 *
 * The request carries the client secret and the refresh token, so it never follows a redirect,
 * and nothing Box answers is trusted: an error description is cleaned before it is quoted, and a
 * 200 answer is validated field by field before anything else happens with it.
 */


/** A 200 answer bigger than this is not a token answer; an error body is only ever quoted in part. */
const MAX_ANSWER_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
const MAX_ERROR_BYTES = 64 * 1024;
const OAUTH_ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;
const CANCELLED_WHILE_WAITING = 'The run was cancelled while it waited for Box to answer.';
/** What `grant` obtains at Box, or a BoxError that says what happened. */
async function requestToken(credentials, grant, deps) {
    let attempt = {};
    for (let repaired = false;; repaired = true) {
        const form = () => new URLSearchParams({
            ...grant.form(attempt),
            ...(grant.clientAuthentication === false
                ? {}
                : { client_id: credentials.clientId, client_secret: credentials.clientSecret })
        }).toString();
        let accepted;
        try {
            accepted = await postForm(`${credentials.boxApiUrl}/oauth2/token`, form, deps);
        }
        catch (error) {
            const repair = repaired || !(error instanceof BoxError) ? undefined : grant.repair?.(error, deps.retry.timing.now());
            if (repair === undefined)
                throw error;
            attempt = repair;
            continue;
        }
        // A 2xx means Box has used the token it was sent: from here on the request is never sent again,
        // whatever happens to the rest of the answer (it is read outside the retries, and what arrived is used).
        const { text, cut } = await readAnswer(accepted, deps);
        return grant.answer(text, deps.mask, cut);
    }
}
/**
 * POSTs a form to one of Box's OAuth endpoints with the retries and time limits the answers allow,
 * and returns its 2xx answer unread; anything else is thrown as a BoxError. `body` is called for
 * each attempt. The form carries the client secret and a token, so no redirect is followed.
 */
async function postForm(url, body, deps) {
    let ambiguous;
    try {
        return await (0,retry/* withRetry */.bD)(async () => {
            // Built before the attempt: a form that cannot be built is a bug, not a failed connection (nothing was sent).
            const form = body();
            try {
                return await (0,retry/* withTimeLimit */.Bv)(deps.requestTimeoutMs, deps.stop, (signal) => sendOnce(url, form, signal, deps));
            }
            catch (error) {
                const boxError = error instanceof error_BoxError ? error : connectionError(error, deps);
                if (boxError.kind === 'ambiguous')
                    ambiguous ??= boxError.message;
                throw boxError;
            }
        }, classify, deps.retry);
    }
    catch (error) {
        if (ambiguous !== undefined && (0,retry/* isCancellation */.iB)(error)) {
            throw new error_BoxError('ambiguous', ambiguous === CANCELLED_WHILE_WAITING
                ? ambiguous
                : `The run was cancelled after an attempt that got no answer (${ambiguous}).`);
        }
        // An attempt that got no answer, before the one that failed: Box may have used the token then.
        if (error instanceof error_BoxError && error.message !== ambiguous)
            error.earlierAmbiguousAttempt = ambiguous;
        throw error;
    }
}
function classify(error) {
    if (!(error instanceof error_BoxError))
        return { retry: false };
    switch (error.kind) {
        case 'rate_limited':
            return { retry: true, reason: 'Box is rate limiting (429)', afterMs: error.details.retryAfterMs };
        case 'server':
            return { retry: true, reason: `Box answered ${error.details.status}` };
        case 'not_sent':
        case 'ambiguous':
            return { retry: true, reason: error.message };
        default:
            return { retry: false };
    }
}
/**
 * One attempt, up to Box's status line: a 2xx comes back with its body unread (reading it is no
 * longer an attempt that may be repeated); anything else is read (bounded) and thrown as a BoxError.
 */
async function sendOnce(url, body, signal, deps) {
    let response;
    try {
        response = await deps.fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body,
            // The body holds the client secret and the refresh token (or code): it goes to this URL only.
            redirect: 'manual',
            signal
        });
    }
    catch (error) {
        throw connectionError(error, deps);
    }
    if (response.ok)
        return response;
    // Not 2xx and under 400 is a redirect: fetch hands over no 1xx, and a Response cannot hold one.
    if (response.status < 400) {
        void response.body?.cancel().catch(() => undefined);
        throw redirected(response, url, deps.redactor);
    }
    let text;
    try {
        text = await readErrorBody(response);
    }
    catch (error) {
        throw connectionError(error, deps, true);
    }
    if (response.status === 429) {
        throw new error_BoxError('rate_limited', 'Box answered 429 Too Many Requests.', {
            status: 429,
            retryAfterMs: (0,retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), deps.retry.timing.now())
        });
    }
    if (response.status >= 500) {
        // The body of a 5xx is opaque (often an HTML page from a proxy), and so is its status text: neither is quoted.
        throw new error_BoxError('server', `Box answered ${response.status}.`, { status: response.status });
    }
    throw oauthError(response, text, deps.redactor);
}
/** An error answer's first MAX_ERROR_BYTES: only ever quoted in part, so the rest is not read. */
async function readErrorBody(response) {
    // Stryker disable next-line StringLiteral: any text that is no OAuth error is reported by its status alone
    if (response.body === null)
        return '';
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        chunks.push(value);
        size += value.length;
        if (size >= MAX_ERROR_BYTES) {
            await reader.cancel().catch(() => undefined);
            break;
        }
    }
    return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BYTES);
}
/**
 * A 2xx answer's body, never thrown away: the read ends when the body does, when what arrived is a
 * complete JSON object (a server that never finishes its message is not waited for), or, keeping
 * what arrived, when the connection fails, the request time limit passes or the run is stopped
 * (`cut` then says which). Over MAX_ANSWER_BYTES it is not a token answer.
 */
async function readAnswer(response, deps) {
    // Stryker disable next-line StringLiteral: no text and any text that is no JSON are the same answer without tokens
    if (response.body === null)
        return { text: '' };
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    let cut;
    const cancel = () => void reader.cancel().catch(() => undefined);
    const stopReading = (why) => {
        cut ??= why;
        cancel();
    };
    const timer = setTimeout(() => stopReading(`the rest did not arrive within ${deps.requestTimeoutMs / 1000} s`), deps.requestTimeoutMs);
    const onStop = () => stopReading('the run was stopped while it arrived');
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed below either way
    deps.stop?.addEventListener('abort', onStop, { once: true });
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            // Tokens are ASCII: a character split between chunks could only garble a field no one reads.
            // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, see above
            text += decoder.decode(value, { stream: true });
            size += value.length;
            if (size > MAX_ANSWER_BYTES) {
                cancel();
                throw new BoxError('malformed', `Box accepted the request, but its answer is larger than ${MAX_ANSWER_BYTES / 1024} KiB, so it is not a ` +
                    `token answer.`);
            }
            if (isCompleteObject(text)) {
                cancel(); // whatever might follow a complete object is not needed
                break;
            }
        }
    }
    catch (error) {
        if (error instanceof BoxError)
            throw error;
        cut ??= `the connection failed (${failureDetail(error, deps)})`;
    }
    finally {
        clearTimeout(timer);
        deps.stop?.removeEventListener('abort', onStop);
    }
    return { text: text + decoder.decode(), cut };
}
/** Whether `text` is already a whole JSON object (tried only when it could be one). */
function isCompleteObject(text) {
    if (!text.trimEnd().endsWith('}'))
        return false;
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
function redirected(response, url, redactor) {
    const origin = redactor.locationOrigin(response.headers.get('location'), url);
    return new error_BoxError('redirected', `Box's token endpoint ${new URL(url).origin} answered ${response.status} and redirected to ${origin}. ` +
        'A request that carries the client secret and a token is never sent to a redirect, so it went nowhere else ' +
        'and Box did not use the refresh token. ' +
        'Check `box-api-url`: it must be the API base itself, such as https://api.box.com.', { status: response.status });
}
function oauthError(response, text, redactor) {
    const { status } = response;
    let code = '';
    let description = '';
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.error === 'string' && OAUTH_ERROR_CODE.test(parsed.error))
            code = parsed.error;
        description = redactor.serverText(parsed.error_description);
    }
    catch {
        // not an OAuth2Error body; reported by status alone
    }
    // Only Box's error code and its cleaned description are quoted, never the body.
    const said = code ? `${code}${description ? ` (${description})` : ''}` : `HTTP ${status}`;
    const kind = code === 'invalid_grant' ? 'invalid_grant' : code === 'invalid_client' ? 'invalid_client' : 'oauth';
    return new error_BoxError(kind, `Box refused the token request: ${said}.`, {
        status,
        oauthError: code || undefined,
        description: description || undefined,
        // Box's clock, as its answer dates itself (read, validated, by the grant that needs it: JWT).
        date: response.headers.get('date')?.slice(0, 64)
    });
}
/** Connection failures before the request left are safe; any later one may have used the token. */
function connectionError(error, deps, afterHeaders = false) {
    if (error instanceof error_BoxError)
        return error;
    if ((0,retry/* isCancellation */.iB)(error))
        return new error_BoxError('ambiguous', CANCELLED_WHILE_WAITING);
    // Duck-typed, not `instanceof Error`: fetch's errors may come from another realm (a VM context).
    const name = error?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
        return new error_BoxError('ambiguous', `Box did not answer within ${deps.requestTimeoutMs / 1000} s.`);
    }
    const code = causeCode(error);
    if (!afterHeaders &&
        (code === 'ECONNREFUSED' ||
            code === 'ENOTFOUND' ||
            code === 'EAI_AGAIN' ||
            code === 'ENETUNREACH' ||
            code === 'EHOSTUNREACH')) {
        return new error_BoxError('not_sent', `Could not connect to Box (${code}).`);
    }
    return new error_BoxError('ambiguous', `The connection to Box failed before its answer arrived (${failureDetail(error, deps)}).`);
}
/** A failed connection in a few words: its error code, or its message cleaned and capped. */
function failureDetail(error, deps) {
    const detail = causeCode(error) ?? deps.redactor.serverText(error?.message, 200);
    return detail || 'unknown error';
}
function causeCode(error) {
    for (const e of (0,retry/* causeChain */.DD)(error)) {
        const code = e.code;
        if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code))
            return code;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/box/revoke.ts
/**
 * Revoking a token at Box (`POST /oauth2/revoke` with the client's ID and secret and the token;
 * Box: "Revoke a token"). For a client-credentials or JWT token it ends that token alone. For an
 * OAuth 2.0 token it ends the access token and the refresh token together (box-node-sdk: "Revoking
 * either one will disable the other as well"), so the action never revokes in that mode, nor the
 * downscoped child of an OAuth token, of which Box documents nothing.
 */

async function revokeToken(credentials, token, deps) {
    const form = () => new URLSearchParams({ client_id: credentials.clientId, client_secret: credentials.clientSecret, token }).toString();
    const answer = await postForm(`${credentials.boxApiUrl}/oauth2/revoke`, form, deps);
    await answer.body?.cancel().catch(() => undefined);
}

;// CONCATENATED MODULE: ./src/error-text.ts
/**
 * An error of unknown shape in words, the one way every message of the action and the login
 * command does it: `errorMessage` for a failure that is reported as such (its message only), and
 * `bugReport` for one no code path expected (its stack, which says where).
 */
function error_text_errorMessage(error) {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
function bugReport(error) {
    const stack = error?.stack;
    return typeof stack === 'string' ? stack : error_text_errorMessage(error);
}

;// CONCATENATED MODULE: ./src/redact.ts
/**
 * Text that came from a server, and the credentials it must never carry.
 *
 * Box, GitHub, or a proxy in front of either may answer with anything: an error page that echoes
 * the request (and with it the client secret and the refresh token), a description holding a
 * workflow command or a code fence, ten megabytes of text. Every such string passes through
 * `serverText` before it reaches a log line, the summary, an output or an error: control
 * characters go, every known credential in each form a server might echo it (as sent, percent-
 * encoded, form-encoded, JSON-escaped) becomes ***, workflow commands are broken, and the length
 * is capped. `scrub` is the last net for text the action composes itself.
 */
/** Anything shorter could match ordinary words; real credentials are far longer. */
const MIN_SECRET_LENGTH = 6;
/** What is examined at all: a 10 MB body is cut before any work is done on it. */
const MAX_EXAMINED = 64 * 1024;
const DEFAULT_SERVER_TEXT_LENGTH = 300;
// C0 and C1 controls, DEL, line and paragraph separators: each becomes a space, and every run of
// blanks is then folded into one (so a run of controls is one space either way).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Invisible Unicode that can reorder or hide text in a log viewer (zero-width characters,
// bidirectional marks, overrides and isolates, BOM): removed, so nothing can hide inside a word.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
class Redactor {
    /** Every form of every credential, longest first so a longer form is replaced before its parts. */
    // Stryker disable next-line ArrayDeclaration: only a text holding the mutant's own words could tell
    forms = [];
    /** Registers a credential; from now on it is replaced by *** in everything this redactor cleans. */
    add(secret) {
        if (secret === undefined || secret.length < MIN_SECRET_LENGTH)
            return;
        const added = new Set(this.forms);
        for (const form of encodings(secret))
            added.add(form);
        this.forms = [...added].sort((a, b) => b.length - a.length);
    }
    /** Replaces every known credential, in every form, with ***. */
    scrub(text) {
        let result = text;
        for (const form of this.forms)
            result = result.split(form).join('***');
        return result;
    }
    /**
     * A server's string made safe to print: one line, no control characters, no credential, no
     * workflow command, at most `maxLength` characters. Anything that is not a string becomes ''.
     */
    serverText(text, maxLength = DEFAULT_SERVER_TEXT_LENGTH) {
        if (typeof text !== 'string')
            return '';
        // Invisible characters go before the scrub, so a credential they were hiding in is whole again.
        const oneLine = text.slice(0, MAX_EXAMINED).replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
        return cap(breakCommandMarkers(this.scrub(oneLine)), maxLength);
    }
    /**
     * Where a redirect pointed, for the error that refuses it: only the origin of its `Location`
     * (resolved against `base`), never the path or query that might carry anything.
     */
    locationOrigin(location, base) {
        let origin = 'a location that is not a URL';
        try {
            // Stryker disable next-line StringLiteral: any relative text resolves to base, as '' does
            origin = new URL(typeof location === 'string' ? location : '', base).origin;
        }
        catch {
            // described as unreadable
        }
        return this.serverText(origin, 200);
    }
}
/**
 * The forms a server may echo a credential in: as sent; percent-encoded (upper- and lower-case
 * hex); form-encoded (which differs from percent-encoding for a few characters); JSON-escaped, with
 * and without escaped slashes.
 */
function encodings(secret) {
    const percent = encodeURIComponent(secret);
    const form = new URLSearchParams({ v: secret }).toString().slice(2);
    const json = JSON.stringify(secret).slice(1, -1);
    const lowerHex = (s) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
    return [secret, percent, lowerHex(percent), form, lowerHex(form), json, json.replace(/\//g, '\\/')];
}
/**
 * What the runner would obey in a line of a step's output, broken (actions/runner,
 * src/Runner.Common/ActionCommand.cs): the runner splits the output into lines at \n, \r and \r\n;
 * a line is a command when, after its leading white space, it starts with `::` (`TryParseV2`), or
 * when `##[` appears anywhere in it (`TryParse`, the older form). Nothing else is touched: `::`
 * inside a line (an IPv6 address, a URL) means nothing to the runner.
 */
function neutraliseCommands(text) {
    return text.replace(/##\[/g, '# #[').replace(/(^|[\r\n])([\s\u0085]*)::/g, '$1$2: :');
}
/**
 * Server text is broken more widely than a line needs: every `::` too, since it is a fragment that
 * may be placed anywhere, and it never needs one.
 */
function breakCommandMarkers(text) {
    return neutraliseCommands(text.replace(/::/g, ': :'));
}
function cap(text, maxLength) {
    return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}

;// CONCATENATED MODULE: ./src/action/io.ts
/**
 * The action's voice: the slice of @actions/core it uses (tests pass a recorder), wrapped so that
 * every line, error, summary and output is scrubbed of the run's credentials, and the steps that
 * come after what matters most has been reported.
 */


/**
 * The io, with every known credential scrubbed from what it prints, writes to the summary and
 * sets as an output: the last net under the cleaning done where server text comes in. The access
 * token itself goes out only where it must, as `access-token` and `BOX_ACCESS_TOKEN`.
 *
 * A plain log line is also kept from being read as a workflow command, whatever values it holds
 * (an input such as `environment: "##[stop-commands]x"` would otherwise stop the runner from
 * obeying the masks of the new tokens). Warnings, errors and group names need nothing: they are
 * commands themselves, whose text the runner takes as data.
 */
function redacting(io, redactor) {
    const clean = (text) => redactor.scrub(text);
    return {
        ...io,
        info: (message) => io.info(neutraliseCommands(clean(message))),
        warning: (message) => io.warning(clean(message)),
        notice: (message) => io.notice(clean(message)),
        setFailed: (message) => io.setFailed(clean(message)),
        startGroup: (name) => io.startGroup(clean(name)),
        appendSummary: (markdown) => io.appendSummary(clean(markdown)),
        setOutput: (name, value) => io.setOutput(name, name === 'access-token' ? value : clean(value)),
        exportVariable: (name, value) => io.exportVariable(name, name === 'BOX_ACCESS_TOKEN' ? value : clean(value))
    };
}
/**
 * Steps that come after what matters most has been reported (the recovery, or the access token):
 * each is tried, and a failure is collected for the final error instead of stopping the rest.
 */
class LateSteps {
    problems = [];
    async attempt(what, step) {
        try {
            await step();
        }
        catch (error) {
            this.problems.push(`${what} failed: ${errorMessage(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/action/post.ts
/**
 * The post step (action.yml `runs.post`, run when the job ends, whatever its result): revokes the
 * tokens the main step minted (client credentials, JWT), the downscoped one included, as
 * actions/create-github-app-token revokes its token. The main step kept them in the runner's state
 * file, masked; OAuth 2.0 keeps none there, since revoking an OAuth token ends its chain.
 *
 * A revocation that fails is a warning, never a failure: the job's result is already decided, and
 * a token left alive expires within the hour anyway.
 *
 * The runner keeps step state in a file on the runner's disk (GITHUB_STATE, then `STATE_*`
 * variables), and no token is written to a file but the Postman environment: the tokens travel
 * sealed with AES-256-GCM under a key that HKDF derives from the app's client secret, which the post
 * step reads from its inputs again. The state alone opens nothing.
 */







/** The state the main step keeps for this step: the tokens to revoke, sealed (`sealRevokeState`). */
const REVOKE_STATE = 'revoke-tokens';
const STATE_PREFIX = 'box-revoke-v1';
const SALT_BYTES = 16;
/** The tokens to revoke, sealed with a key from the client secret; a fresh salt and nonce each time. */
function sealRevokeState(tokens, clientSecret) {
    const salt = randomBytes(SALT_BYTES);
    const { nonce, sealed } = sealBytes(stateKey(clientSecret, salt), Buffer.from(JSON.stringify(tokens)), AAD);
    return [STATE_PREFIX, salt, nonce, sealed].map((part) => (typeof part === 'string' ? part : encode(part))).join('.');
}
/** The tokens again, or `undefined` when the state was not sealed with this client secret or was changed. */
function openRevokeState(state, clientSecret) {
    const [prefix, salt, nonce, sealed, ...rest] = state.split('.');
    if (prefix !== STATE_PREFIX || rest.length > 0 || !salt || !nonce || !sealed)
        return undefined;
    const plaintext = openSealed(stateKey(clientSecret, decode(salt)), decode(nonce), decode(sealed), AAD);
    try {
        const tokens = plaintext && JSON.parse(plaintext.toString('utf8'));
        return Array.isArray(tokens) && tokens.every((token) => typeof token === 'string') ? tokens : undefined;
    }
    catch {
        return undefined;
    }
}
const AAD = Buffer.from(STATE_PREFIX);
const stateKey = (clientSecret, salt) => Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', clientSecret, salt, 'box-token-refresh revoke state v1', 32));
const encode = (bytes) => bytes.toString('base64url');
const decode = (text) => Buffer.from(text, 'base64url');
/** A few quick tries at most: the job is over, and its result must not wait on this. */
const REVOKE_BUDGET_MS = 10_000;
const REVOKE_REQUEST_TIMEOUT_MS = 10_000;
async function revokeAtJobEnd(deps) {
    const redactor = new Redactor();
    const io = redacting(deps.io, redactor);
    const state = deps.io.getState(REVOKE_STATE);
    if (state === '')
        return; // nothing was minted, or `revoke: false`
    const credentials = appCredentials(deps.io, redactor);
    const tokens = credentials && openRevokeState(state, credentials.clientSecret);
    if (credentials === undefined || tokens === undefined) {
        io.warning('The tokens of this job could not be revoked: ' +
            (credentials === undefined
                ? "the app's client ID and secret are gone from the inputs"
                : "what the main step kept for this step does not open with the app's client secret") +
            '. Each expires on its own within about an hour.');
        return;
    }
    for (const token of tokens) {
        redactor.add(token);
        io.setSecret(token);
    }
    if (tokens.length === 0)
        return;
    const box = {
        fetch: deps.fetch,
        retry: (0,retry/* retryContext */.eI)(deps.timing, REVOKE_BUDGET_MS),
        requestTimeoutMs: REVOKE_REQUEST_TIMEOUT_MS,
        mask: (value) => redactor.add(value),
        redactor
    };
    const revoked = await Promise.all(tokens.map((token) => revokeToken(credentials, token, box).then(() => undefined, (error) => error_text_errorMessage(error))));
    const failed = revoked.filter((problem) => problem !== undefined);
    if (failed.length === 0) {
        io.info(`Revoked the ${tokens.length === 1 ? 'access token' : `${tokens.length} access tokens`} of this job at Box.`);
        return;
    }
    io.warning(`${failed.length} of the ${tokens.length} access tokens of this job could not be revoked (${failed[0]}); ` +
        'each expires on its own within about an hour.');
}
/** The client ID and secret again (inputs reach the post step as they reached the main step). */
function appCredentials(io, redactor) {
    const boxApiUrl = (io.getInput('box-api-url') || 'https://api.box.com').replace(/\/+$/, '');
    const jwtConfig = io.getInput('jwt-config');
    let clientId = io.getInput('client-id');
    let clientSecret = io.getInput('client-secret');
    if (jwtConfig !== '') {
        try {
            const settings = JSON.parse(jwtConfig)
                .boxAppSettings;
            clientId = typeof settings?.clientID === 'string' ? settings.clientID : '';
            clientSecret = typeof settings?.clientSecret === 'string' ? settings.clientSecret : '';
        }
        catch {
            return undefined; // the main step refused it; nothing was minted
        }
    }
    redactor.add(clientSecret);
    if (clientSecret !== '')
        io.setSecret(clientSecret);
    return clientId && clientSecret ? { boxApiUrl, clientId, clientSecret } : undefined;
}


/***/ }),

/***/ 4653:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  $: () => (/* binding */ runnerIO)
});

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/action/runner-io.ts
/**
 * The action's io as @actions/core writes it, from the toolkit's own command, file-command and
 * summary modules, without its index: that index also loads the OIDC client, and with it
 * @actions/http-client and undici, which take longer to load than the rest of the action together
 * and which a run that needs no proxy never uses.
 *
 * Each line does what the @actions/core function of the same name does (core.js), so the runner
 * sees the same bytes either way (__tests__/unit/runner-io.test.ts compares them).
 */





const runnerIO = {
    getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
    setSecret: (value) => issueCommand('add-mask', {}, value),
    setOutput: (name, value) => {
        if (process.env.GITHUB_OUTPUT)
            return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issueCommand('set-output', { name }, toCommandValue(value));
    },
    exportVariable: (name, value) => {
        process.env[name] = toCommandValue(value);
        if (process.env.GITHUB_ENV)
            return issueFileCommand('ENV', prepareKeyValueMessage(name, value));
        issueCommand('set-env', { name }, toCommandValue(value));
    },
    info: (message) => void process.stdout.write(message + external_node_os_namespaceObject.EOL),
    warning: (message) => issueCommand('warning', {}, message),
    notice: (message) => issueCommand('notice', {}, message),
    setFailed: (message) => {
        process.exitCode = 1;
        issueCommand('error', {}, message);
    },
    startGroup: (name) => issue('group', name),
    endGroup: () => issue('endgroup'),
    appendSummary: async (markdown) => {
        // Without GITHUB_STEP_SUMMARY (e.g. an old runner) there is simply no summary.
        if (process.env.GITHUB_STEP_SUMMARY)
            await summary.addRaw(markdown).write();
    },
    saveState: (name, value) => {
        if (process.env.GITHUB_STATE)
            return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
        issueCommand('save-state', { name }, toCommandValue(value));
    },
    getState: (name) => process.env[`STATE_${name}`] || ''
};


/***/ }),

/***/ 6661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1807);
/* harmony import */ var _action_runner_io_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4653);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2238);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9809);
/** The runner's post step (action.yml `runs.post`): the tokens this job minted, revoked (action/post.ts). */




await (0,_action_post_js__WEBPACK_IMPORTED_MODULE_0__/* .revokeAtJobEnd */ .QO)({ io: _action_runner_io_js__WEBPACK_IMPORTED_MODULE_1__/* .runnerIO */ .$, fetch: (0,_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyAwareFetch */ .Fm)(), timing: _retry_js__WEBPACK_IMPORTED_MODULE_3__/* .realTiming */ .$u });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2238:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Fm: () => (/* binding */ proxyAwareFetch)
});

// UNUSED EXPORTS: prepareFetchFor, proxyProblem, proxySetting, proxyUrl

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
;// CONCATENATED MODULE: ./src/proxy.ts
/**
 * How requests reach Box and GitHub, honouring the runner's proxy settings (https_proxy /
 * http_proxy and no_proxy): self-hosted runners behind a proxy reach neither otherwise, since
 * Node's own fetch ignores those variables.
 *
 * - A proxy applies: the bundled undici's fetch through a ProxyAgent for it, built as
 *   @actions/http-client builds its own (which @actions/github sends GitHub's requests through).
 * - Otherwise, Node's own fetch where it is undici 7 or later (Node 24, the runner's): it is part
 *   of Node, so nothing is loaded before the first request.
 * - Otherwise (Node 22 and older: undici 6, whose fetch can wait forever on a server that accepts
 *   the connection and closes it while a signal is attached), the bundled undici 7's fetch.
 *
 * Which proxy applies is read here, not by @actions/http-client: it takes a value without a scheme
 * (`proxy.corp:3128`) for a URL of scheme `proxy.corp:` with no host, and then silently sends the
 * request direct. Such a value means `http://proxy.corp:3128`, as curl and Go read it; a value that
 * names no host at all is refused before any request (inputs.ts), never ignored.
 *
 * The bundled undici comes in a chunk of its own, on first use.
 */

/** Whether Node's own fetch can be used when no proxy applies (see above). */
const nodeFetchSuffices = Number(process.versions.undici?.split('.')[0]) >= 7;
/**
 * The variable that sets the proxy for a request to `url` (https_proxy, else HTTPS_PROXY, for an
 * https URL; http_proxy, else HTTP_PROXY, for http), or undefined when none is set or the request
 * bypasses it: a loopback address, or a host in no_proxy (@actions/http-client's rules, which
 * read no_proxy from the process's environment).
 */
function proxySetting(url, env = process.env) {
    const parsed = new URL(url);
    const names = parsed.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    const variable = names.find((name) => env[name]);
    if (variable === undefined || checkBypass(parsed))
        return undefined;
    return { variable, value: env[variable].trim() };
}
/** The proxy a value names: with no scheme, `http://` + the value (as curl does); undefined when it names no host. */
function proxyUrl(value) {
    try {
        const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
        return url.hostname === '' ? undefined : url;
    }
    catch {
        return undefined;
    }
}
/** Why the proxy setting for `url` cannot be used, or undefined when it can (or none applies). */
function proxyProblem(url, env = process.env) {
    const setting = proxySetting(url, env);
    return setting && proxyUrl(setting.value) === undefined ? setting : undefined;
}
/** The proxy for a request to `url`, or undefined when none applies. Throws when the setting names no host. */
function proxyFor(url) {
    const setting = proxySetting(url);
    if (setting === undefined)
        return undefined;
    const proxy = proxyUrl(setting.value);
    if (proxy === undefined)
        throw new Error(`${setting.variable} ("${setting.value}") names no proxy host`);
    return proxy;
}
let bundled;
/** The bundled undici's fetch, through the proxy where one applies; loaded once. */
function loadBundledFetch() {
    bundled ??= __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19)).then(({ fetch: undiciFetch, ProxyAgent }) => {
        const agents = new Map();
        const agentFor = (proxy) => {
            let agent = agents.get(proxy.href);
            if (agent === undefined) {
                const { username, password } = proxy;
                const credentials = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
                agent = new ProxyAgent({
                    uri: proxy.href,
                    ...(username || password ? { token: `Basic ${Buffer.from(credentials).toString('base64')}` } : {})
                });
                agents.set(proxy.href, agent);
            }
            return agent;
        };
        return (url, init) => {
            const proxy = proxyFor(url);
            // Without a dispatcher (no proxy for this URL), undici connects directly.
            return undiciFetch(url, {
                ...init,
                ...(proxy ? { dispatcher: agentFor(proxy) } : {})
            });
        };
    });
    return bundled;
}
/** Whether a request to this URL goes through the bundled undici: on older Node, or through a proxy. */
function needsBundledFetch(url) {
    return !nodeFetchSuffices || proxySetting(url) !== undefined;
}
/** Loads the bundled undici now if a request to this URL will need it, so that it leaves without waiting. */
async function prepareFetchFor(url) {
    if (needsBundledFetch(url))
        await loadBundledFetch();
}
function proxyAwareFetch() {
    return ((input, init) => {
        const url = String(input);
        if (!needsBundledFetch(url))
            return fetch(url, init);
        return loadBundledFetch().then((bundledFetch) => bundledFetch(url, init));
    });
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ realTiming),
/* harmony export */   Bv: () => (/* binding */ withTimeLimit),
/* harmony export */   DD: () => (/* binding */ causeChain),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   eI: () => (/* binding */ retryContext),
/* harmony export */   iB: () => (/* binding */ isCancellation),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports defaultRetryPolicy, RetryBudget, Cancelled, TimeLimitExceeded, throwIfCancelled, retryNotice, backoffDelay */
/**
 * One backoff policy for every call the action makes (Box and GitHub): exponential with full
 * jitter, honouring a server's "retry after" hint, within one time budget per phase of the run,
 * and stopped at once by cancellation.
 *
 * Hand-written rather than a library because the call sites need four things together that the
 * well-kept libraries (p-retry, @octokit/plugin-retry, @octokit/plugin-throttling) do not offer
 * at once: an injectable sleep and clock (so tests never wait), one budget shared by Box and
 * GitHub requests with their different rate-limit signals, a per-failure verdict that can wait
 * exactly as long as the server asked, and an abort that ends a wait without starting another try.
 */
const defaultRetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 20_000 };
/**
 * The time one phase of a run may spend retrying, shared by every request of that phase: no retry
 * starts once it is spent. `retry-timeout-seconds` sets it; the action has two phases (everything
 * up to Box's answer, then the write-back), so a slow start can never starve the write-back.
 */
class RetryBudget {
    budgetMs;
    now;
    deadline;
    constructor(budgetMs, now) {
        this.budgetMs = budgetMs;
        this.now = now;
        this.deadline = now() + budgetMs;
    }
    /** Starts the next phase with the whole budget again. */
    renew() {
        this.deadline = this.now() + this.budgetMs;
    }
    /** Whether a wait of `delayMs` from now still ends within the budget. */
    allows(delayMs) {
        return this.now() + delayMs <= this.deadline;
    }
}
/** The run was cancelled (SIGINT, SIGTERM): no further attempt is made. */
class Cancelled extends Error {
    signalName;
    constructor(signalName = 'a cancellation') {
        super(`The run was cancelled (${signalName}).`);
        this.signalName = signalName;
        this.name = 'Cancelled';
    }
}
/** The request took longer than its time limit. Named as fetch names its own timeouts. */
class TimeLimitExceeded extends Error {
    limitMs;
    constructor(limitMs) {
        super(`no answer within ${limitMs / 1000} s`);
        this.limitMs = limitMs;
        this.name = 'TimeoutError';
    }
}
/**
 * The retry context of one phase of a run: the backoff shape (`policy`, exponential with full
 * jitter by default), a budget (a number of ms starts a new one; a RetryBudget is shared, as the
 * action's checks and Box refresh share theirs) and the cancellation that ends it.
 */
function retryContext(timing, budget, { policy = defaultRetryPolicy, cancel } = {}) {
    return {
        policy,
        budget: typeof budget === 'number' ? new RetryBudget(budget, timing.now) : budget,
        timing,
        cancel
    };
}
const realTiming = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random
};
/**
 * Calls `attempt` until it succeeds, `classify` says the failure is final, the next wait would end
 * past the budget, or the run is cancelled. The last failure is rethrown unchanged so callers keep
 * their error types; a cancellation throws `Cancelled`. An `owed` first attempt is made even when
 * the run was cancelled before it.
 */
async function withRetry(attempt, classify, context) {
    const { policy, budget, timing, cancel, onRetry } = context;
    for (let n = 1;; n++) {
        if (n > 1 || !context.owed)
            throwIfCancelled(cancel);
        try {
            return await attempt(n);
        }
        catch (error) {
            if (isCancellation(error))
                throw asCancelled(error, cancel);
            const verdict = classify(error);
            if (!verdict.retry)
                throw error;
            // A failure that would be retried is not, once the run is cancelled: that is what ended it.
            throwIfCancelled(cancel);
            const delayMs = backoffDelay(n, verdict.afterMs, policy, timing.random);
            if (!budget.allows(delayMs))
                throw error;
            onRetry?.({ attempt: n, reason: verdict.reason, delayMs });
            await sleepUnlessCancelled(timing, delayMs, cancel);
        }
    }
}
/**
 * Runs one request under its own time limit. The limit is a timer that keeps the process alive and
 * settles the request even if the HTTP client never does: undici 6 on Node 20 can leave a fetch
 * pending for ever after a server closes the connection, and with nothing else scheduled Node then
 * exits silently with code 13. `cancel` aborts the request too.
 */
async function withTimeLimit(limitMs, cancel, request) {
    throwIfCancelled(cancel);
    const controller = new AbortController();
    let timer;
    let onCancel;
    const stopped = new Promise((_, reject) => {
        const stop = (reason) => {
            controller.abort(reason);
            reject(reason);
        };
        timer = setTimeout(() => stop(new TimeLimitExceeded(limitMs)), limitMs);
        onCancel = () => stop(asCancelled(cancel?.reason, cancel));
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: abort fires once; the finally below removes it
        cancel?.addEventListener('abort', onCancel, { once: true });
    });
    stopped.catch(() => undefined);
    try {
        return await Promise.race([request(controller.signal), stopped]);
    }
    finally {
        clearTimeout(timer);
        cancel?.removeEventListener('abort', onCancel);
    }
}
function throwIfCancelled(cancel) {
    if (cancel?.aborted)
        throw asCancelled(cancel.reason, cancel);
}
/** True for a Cancelled error anywhere in a cause chain (HTTP clients wrap what they are aborted with). */
function isCancellation(error) {
    return causeChain(error).some((e) => e instanceof Cancelled || e.name === 'Cancelled');
}
/** The errors in `error`'s cause chain, itself first (at most a few deep). */
function causeChain(error) {
    const chain = [];
    for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = e.cause, depth++)
        chain.push(e);
    return chain;
}
function asCancelled(error, cancel) {
    const found = causeChain(error).find((e) => e instanceof Cancelled);
    if (found)
        return found;
    return new Cancelled(typeof cancel?.reason === 'string' ? cancel.reason : undefined);
}
async function sleepUnlessCancelled(timing, ms, cancel) {
    if (cancel === undefined)
        return timing.sleep(ms);
    let onAbort;
    const aborted = new Promise((resolve) => {
        onAbort = resolve;
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: abort fires once; the finally below removes it
        cancel.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([timing.sleep(ms), aborted]);
    }
    finally {
        cancel.removeEventListener('abort', onAbort);
    }
    throwIfCancelled(cancel);
}
/**
 * The line a person reads when a request is retried, e.g.
 * "GitHub PUT /repos/…: GitHub answered 502; retrying in 1.2 s (attempt 2)."
 */
function retryNotice(service, event) {
    const request = event.method ? ` ${event.method} ${event.path}` : '';
    return (`${service}${request}: ${event.reason}; retrying in ${(event.delayMs / 1000).toFixed(1)} s (attempt ` +
        `${event.attempt + 1}).`);
}
/** Full jitter (AWS architecture blog), or exactly what the server asked for when it asked. */
function backoffDelay(attempt, afterMs, policy, random) {
    if (afterMs !== undefined)
        return Math.max(0, Math.ceil(afterMs));
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(random() * ceiling);
}
/** `retry-after` is either seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value, now) {
    if (value == null || value.trim() === '')
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6661);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
