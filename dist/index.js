import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9614:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  $: () => (/* binding */ runnerIO)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var command = __nccwpck_require__(9635);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/file-command.js + 1 modules
var file_command = __nccwpck_require__(7063);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var summary = __nccwpck_require__(1170);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/utils.js
var utils = __nccwpck_require__(4679);
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
    setSecret: (value) => (0,command/* issueCommand */.L)('add-mask', {}, value),
    setOutput: (name, value) => {
        if (process.env.GITHUB_OUTPUT)
            return (0,file_command/* issueFileCommand */.n)('OUTPUT', (0,file_command/* prepareKeyValueMessage */.v)(name, value));
        process.stdout.write(external_node_os_namespaceObject.EOL);
        (0,command/* issueCommand */.L)('set-output', { name }, (0,utils/* toCommandValue */.E)(value));
    },
    exportVariable: (name, value) => {
        process.env[name] = (0,utils/* toCommandValue */.E)(value);
        if (process.env.GITHUB_ENV)
            return (0,file_command/* issueFileCommand */.n)('ENV', (0,file_command/* prepareKeyValueMessage */.v)(name, value));
        (0,command/* issueCommand */.L)('set-env', { name }, (0,utils/* toCommandValue */.E)(value));
    },
    info: (message) => void process.stdout.write(message + external_node_os_namespaceObject.EOL),
    warning: (message) => (0,command/* issueCommand */.L)('warning', {}, message),
    notice: (message) => (0,command/* issueCommand */.L)('notice', {}, message),
    setFailed: (message) => {
        process.exitCode = 1;
        (0,command/* issueCommand */.L)('error', {}, message);
    },
    startGroup: (name) => (0,command/* issue */.s)('group', name),
    endGroup: () => (0,command/* issue */.s)('endgroup'),
    appendSummary: async (markdown) => {
        // Without GITHUB_STEP_SUMMARY (e.g. an old runner) there is simply no summary.
        if (process.env.GITHUB_STEP_SUMMARY)
            await summary/* summary */.z.addRaw(markdown).write();
    },
    saveState: (name, value) => {
        if (process.env.GITHUB_STATE)
            return (0,file_command/* issueFileCommand */.n)('STATE', (0,file_command/* prepareKeyValueMessage */.v)(name, value));
        (0,command/* issueCommand */.L)('save-state', { name }, (0,utils/* toCommandValue */.E)(value));
    },
    getState: (name) => process.env[`STATE_${name}`] || ''
};


/***/ }),

/***/ 2476:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  R: () => (/* binding */ startAction)
});

// UNUSED EXPORTS: run

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

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __nccwpck_require__(9783);
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
    if (variable === undefined || (0,proxy/* checkBypass */.H)(parsed))
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

// EXTERNAL MODULE: ./src/retry.ts
var src_retry = __nccwpck_require__(9809);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The GitHub REST client: @actions/github's Octokit, sending through proxy.ts (the runner's proxy
 * settings, as @actions/github keeps them), with a time limit per request, the shared retry policy,
 * and GitHub's failures turned into messages that say which token or permission to fix.
 *
 * It is also the trust boundary for everything GitHub (or a proxy in front of it) sends: requests
 * carry the token, so no redirect is followed; a failure is turned into a `GitHubRequestError`
 * whose every field is validated or cleaned; a successful answer's body is handed on as `unknown`,
 * for the caller to validate against the shape it expects.
 */


/** A failed GitHub request, every field of it validated or cleaned; safe to quote. */
class GitHubRequestError extends Error {
    failure;
    constructor(message, failure) {
        super(message);
        this.failure = failure;
        this.name = 'GitHubRequestError';
    }
}
// Octokit logs deprecation notices with server-sent text straight to the console; nothing of it is needed.
const silent = { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } };
function createGitHubClient(token, options) {
    // @actions/github's getOctokit, the toolkit's client (its user agent names the runner's
    // orchestration ID), loaded here, once the inputs are valid, not at start-up: its module brings
    // the toolkit's HTTP stack, which a run refused on its inputs must not load. Requests go through
    // `fetch` (proxy.ts's, or a test's), with the time limits and the no-redirect rule below.
    const octokit = Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(779), __nccwpck_require__.e(157)]).then(__nccwpck_require__.bind(__nccwpck_require__, 157)).then(({ getOctokit }) => getOctokit(token, {
        baseUrl: options.baseUrl,
        log: silent,
        request: { fetch: options.fetch ?? proxyAwareFetch() }
    }));
    octokit.catch(() => undefined); // reported by the first request that awaits it
    const { redactor } = options;
    let tokenExpiresAt;
    const noteExpiry = (headers) => {
        tokenExpiresAt = parseTokenExpiration(headers?.['github-authentication-token-expiration']) ?? tokenExpiresAt;
    };
    /** `abort` gives up a request in flight: the cancellation before Box, the last call after it. */
    const client = (retry, abort) => ({
        baseUrl: options.baseUrl,
        terms: options.terms,
        tokenExpiresAt: () => tokenExpiresAt,
        forWriteBack: (lastCall) => client({ ...retry, owed: true }, lastCall),
        async request(method, path, body, { once = false } = {}) {
            const octokitClient = await octokit;
            const attempt = async () => {
                let response;
                try {
                    response = await (0,src_retry/* withTimeLimit */.Bv)(options.requestTimeoutMs, abort, (signal) => octokitClient.request({
                        method,
                        url: path,
                        ...(body ? { data: body } : {}),
                        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
                        // The request carries the token: a redirect is reported, never followed.
                        request: { signal, redirect: 'manual', log: silent }
                    }));
                }
                catch (error) {
                    if ((0,src_retry/* isCancellation */.iB)(error))
                        throw error;
                    noteExpiry(error?.response?.headers);
                    throw requestError(error, options.retry.timing.now(), redactor);
                }
                noteExpiry(response.headers);
                if (response.status >= 300 && response.status < 400)
                    throw redirectError(response.status, response.headers.location, options.baseUrl, redactor);
                return { status: response.status, data: response.data, headers: response.headers };
            };
            return (0,src_retry/* withRetry */.bD)(attempt, (error) => (once ? { retry: false } : classifyGitHubFailure(error)), {
                ...retry,
                onRetry: options.onRetry && ((event) => options.onRetry?.({ ...event, method, path }))
            });
        }
    });
    return client(options.retry, options.retry.cancel);
}
/**
 * `2026-12-24 09:00:00 UTC` (GitHub's form; an offset such as `+0100` instead of UTC is accepted too),
 * or undefined for anything else.
 */
function parseTokenExpiration(value) {
    const match = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (UTC|[+-]\d{4})$/.exec(value.trim()) : null;
    if (match === null)
        return undefined;
    const offset = match[3] === 'UTC' ? 'Z' : `${match[3].slice(0, 3)}:${match[3].slice(3)}`;
    const date = new Date(`${match[1]}T${match[2]}${offset}`);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/** `gh` names GitHub Enterprise by its web host; github.com needs no flag. */
function ghHostname(githubApiUrl) {
    const url = new URL(githubApiUrl);
    if (url.hostname === 'api.github.com')
        return undefined;
    return url.hostname.replace(/^api\.(?=[^.]+\.ghe\.com$)/, '');
}
function requestError(error, now, redactor) {
    const failure = error;
    const response = failure?.response;
    if (response === undefined) {
        const timedOut = (0,src_retry/* causeChain */.DD)(error).find((e) => e.name === 'TimeoutError');
        const detail = timedOut ? timedOut.message : redactor.serverText(failure?.message, 200) || 'unknown error';
        return new GitHubRequestError(`connection to GitHub failed (${detail})`, {
            answered: false,
            githubMessage: '',
            rateLimitExhausted: false
        });
    }
    const header = (name) => {
        const value = response.headers?.[name];
        return value === undefined ? undefined : String(value);
    };
    const data = response.data;
    const githubMessage = data !== null && typeof data === 'object' && 'message' in data
        ? redactor.serverText(data.message)
        : '';
    const reset = Number(header('x-ratelimit-reset'));
    const accepted = header('x-accepted-github-permissions');
    const status = typeof failure?.status === 'number' && Number.isInteger(failure.status) ? failure.status : undefined;
    return new GitHubRequestError(`GitHub answered ${status ?? 'with an unknown status'}${githubMessage ? ` (${githubMessage})` : ''}`, {
        answered: true,
        status,
        githubMessage,
        retryAfterMs: (0,src_retry/* parseRetryAfter */.mu)(header('retry-after'), now),
        rateLimitExhausted: header('x-ratelimit-remaining') === '0',
        rateLimitResetMs: Number.isSafeInteger(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined,
        acceptedPermissions: accepted === undefined
            ? undefined
            : /^[a-z_]+=[a-z]+(?:[,;] ?[a-z_]+=[a-z]+)*$/.test(accepted)
                ? accepted
                : redactor.serverText(accepted, 120)
    });
}
function redirectError(status, location, baseUrl, redactor) {
    const redirectedTo = redactor.locationOrigin(location, baseUrl);
    return new GitHubRequestError(`GitHub answered ${status}, a redirect to ${redirectedTo}`, {
        answered: true,
        status,
        githubMessage: '',
        rateLimitExhausted: false,
        redirectedTo
    });
}
/**
 * Retry 5xx, 429, secondary rate limits (403 with retry-after), an exhausted primary limit (wait
 * for its reset, which is usually longer than the budget, and then the retry loop gives up) and
 * connection failures. 3xx, 401/403/404/422 are answers no retry can change.
 */
function classifyGitHubFailure(error) {
    if (!(error instanceof GitHubRequestError))
        return { retry: false };
    const { answered, status, retryAfterMs, rateLimitExhausted, rateLimitResetMs } = error.failure;
    if (!answered)
        return { retry: true, reason: error.message };
    if (status === 429 || (status === 403 && retryAfterMs !== undefined)) {
        return { retry: true, reason: `GitHub rate limit (${status})`, afterMs: retryAfterMs ?? rateLimitResetMs };
    }
    if (status === 403 && rateLimitExhausted)
        return { retry: true, reason: 'GitHub API rate limit exhausted', afterMs: rateLimitResetMs ?? 60_000 };
    if (status !== undefined && status >= 500)
        return { retry: true, reason: `GitHub answered ${status}` };
    return { retry: false };
}
function failureStatus(error) {
    return error instanceof GitHubRequestError ? error.failure.status : undefined;
}

;// CONCATENATED MODULE: ./src/github/messages.ts
/**
 * What a failed GitHub request means for the person who must fix it: which token, permission or
 * name to change, in the words of whoever runs the code (the action's inputs or the login's flags).
 */



const ACTION_TERMS = {
    token: '`github-token`',
    retryTimeout: '`retry-timeout-seconds`',
    targetNames: '`repository`, `environment` and `organization`',
    apiUrl: 'GITHUB_API_URL',
    replaceToken: 'update the secret that feeds `github-token`'
};
/** The login command's flags, for the same messages. */
const LOGIN_TERMS = {
    token: 'the GitHub token',
    retryTimeout: '--retry-timeout',
    targetNames: '--repository, --environment and --organization',
    apiUrl: '--github-api-url (or GITHUB_API_URL)',
    replaceToken: 'pass it with --github-token or GH_TOKEN, or log in again with `gh auth login`'
};
/**
 * A message that says what failed and what to do. `what` names the operation ("reading the
 * public key of the repository secrets of octo/repo"); `permission` says which permission the
 * operation needs for each kind of token.
 */
function describeGitHubFailure(error, what, permission, terms = ACTION_TERMS) {
    if ((0,src_retry/* isCancellation */.iB)(error))
        return `The run was cancelled while ${what}.`;
    if (!(error instanceof GitHubRequestError))
        return `${what[0].toUpperCase()}${what.slice(1)} failed unexpectedly: ` + `${error_text_errorMessage(error)}.`;
    const { answered, status, githubMessage: said, acceptedPermissions, rateLimitExhausted, redirectedTo } = error.failure;
    if (!answered)
        return `GitHub could not be reached while ${what}: ${error.message}. Check the network and ${terms.apiUrl}.`;
    if (redirectedTo !== undefined) {
        return (`GitHub answered ${status} while ${what}, a redirect to ${redirectedTo}. A request that carries ` +
            `${terms.token} is never sent to a redirect. ` +
            `If the repository or organization was renamed or moved, use its new name; otherwise check ${terms.apiUrl}.`);
    }
    if (status === 401) {
        return (`GitHub rejected ${terms.token} while ${what} (401 ${said || 'Bad credentials'}): ` +
            `the token is expired, revoked or mistyped. Create a new one and ${terms.replaceToken}.`);
    }
    if (status === 403 && /not accessible by integration/i.test(said)) {
        return (`GitHub refused ${what} (403 Resource not accessible by integration). ${terms.token} is probably the ` +
            `workflow's GITHUB_TOKEN, ` +
            `which can never read or write secrets, or a GitHub App token without that permission. Use one of: a ` +
            `fine-grained personal access token ` +
            `with ${permission}; a classic personal access token with the scope named there; or a GitHub App installation ` +
            `token with that permission ` +
            `(actions/create-github-app-token with \`permission-secrets: write\`).`);
    }
    if (status === 403 || status === 429) {
        if (/rate limit/i.test(said) || rateLimitExhausted) {
            return (`GitHub kept rate limiting ${what} (${status} ${said}) until the retry time ran out. Wait for the ` +
                `limit to reset, or raise ${terms.retryTimeout}.`);
        }
        return (`GitHub refused ${what} (${status} ${said}): ${terms.token} lacks the permission. It needs ${permission}.` +
            (acceptedPermissions ? ` GitHub says the request needs: ${acceptedPermissions}.` : ''));
    }
    if (status === 404) {
        return (`GitHub found nothing while ${what} (404). Check the names in ${terms.targetNames}; ` +
            `a 404 also means ${terms.token} cannot see it (a fine-grained token must be granted this repository or ` +
            `organization).`);
    }
    if (status === 422)
        return `GitHub rejected ${what} (422 ${said}).`;
    if (status !== undefined && status >= 500)
        return `GitHub kept failing while ${what} (last answer ${status}) until the retry time ran out.`;
    return `GitHub answered ${status} while ${what}${said ? `: ${said}` : ''}.`;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/time.ts
/** Dates as every message of the action and the login command shows them, and the length of a day. */
const DAY_MS = 86_400_000;
/**
 * "2026-01-25 14:05 UTC"; with `seconds`, "2026-01-25 14:05:09 UTC", for messages that compare two
 * moments which may fall in the same minute.
 */
function formatUtc(date, { seconds = false } = {}) {
    const iso = date.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}
/** Whole days from `from` to `to`, rounded down. */
function daysBetween(from, to) {
    return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

// EXTERNAL MODULE: ./src/box/answer.ts
var answer = __nccwpck_require__(7347);
// EXTERNAL MODULE: ./src/box/token-endpoint.ts
var token_endpoint = __nccwpck_require__(5632);
;// CONCATENATED MODULE: ./src/box/refresh-grant.ts
/**
 * The refresh grant: a refresh token for a new token pair. Box's refresh tokens live 60 days or
 * one use, whichever comes first, and every refresh returns a new one (Box: "Refresh a token").
 */



const REFRESH_TOKEN_LIFETIME_DAYS = 60;
/** When a refresh token issued at `issuedAt` (epoch ms) expires unless it is used before. */
function refreshTokenExpiry(issuedAt) {
    return new Date(issuedAt + REFRESH_TOKEN_LIFETIME_DAYS * DAY_MS);
}
function refreshGrant(refreshToken) {
    return { form: () => ({ grant_type: 'refresh_token', refresh_token: refreshToken }), answer: answer/* parseTokenAnswer */.x$ };
}
function refreshTokenPair(credentials, refreshToken, deps) {
    return (0,token_endpoint/* requestToken */.F)(credentials, refreshGrant(refreshToken), deps);
}

;// CONCATENATED MODULE: ./src/action/chain.ts
/**
 * The token chain, as far as a run finds out: one record of its facts (when the secret was last
 * rotated, when this run was queued, when the refresh token expires unless used, when the GitHub
 * token that keeps it rotating expires, the workflow's next scheduled run), built once, after the
 * checks, and what those facts call for: the warnings a healthy run can still deserve (an old
 * secret, a stale token, a GitHub token near its end) and the summary's lines.
 */




/** Warn well before the 60 days so a weekly schedule that stopped running is noticed in time. */
const ROTATION_WARNING_DAYS = 45;
/** Warn this long before the GitHub token expires: time to make a new one and store it. */
const GITHUB_TOKEN_WARNING_DAYS = 30;
const iso = (date) => date === undefined ? 'an unknown time' : formatUtc(date, { seconds: true });
const CONCURRENCY_FIX = 'Runs that share one refresh token must not overlap: put every job that rotates it (every job that passes ' +
    '`refresh-token`) in one `concurrency:` group (e.g. `group: box-token`, `cancel-in-progress: false`).';
/** True when the secret was rotated after this run was queued: the run holds the previous token. */
function holdsStaleToken(chain) {
    return (chain.secretLastRotatedAt !== undefined &&
        chain.runQueuedAt !== undefined &&
        chain.secretLastRotatedAt.getTime() > chain.runQueuedAt.getTime());
}
function staleTokenNote(chain) {
    return (`The ${chain.secretLabel} was rotated at ${iso(chain.secretLastRotatedAt)}, after this run was queued at ` +
        `${iso(chain.runQueuedAt)}, so this run was handed the previous refresh token, which another run has already ` +
        'used. The secret itself holds the current token: re-run the workflow (a new run reads the secret again). ' +
        `${CONCURRENCY_FIX} A run that waits in that group still holds the token it was given when it was queued; ` +
        'keeping the token in an environment secret, which is read when the job starts, avoids this ' +
        '(docs/concurrency.md: "One concurrency group").');
}
/** "The … was last rotated N days ago (…)." when the secret's last rotation is known. */
function ageNote(chain) {
    if (chain.secretLastRotatedAt === undefined)
        return undefined;
    const days = daysBetween(chain.secretLastRotatedAt, chain.asOf);
    return (`The ${chain.secretLabel} was last rotated ${days} day${days === 1 ? '' : 's'} ago ` +
        `(${iso(chain.secretLastRotatedAt)}).`);
}
/** Days since the last rotation, with a fraction; undefined when unknown. */
function secretAgeDays(chain) {
    return chain.secretLastRotatedAt && (chain.asOf.getTime() - chain.secretLastRotatedAt.getTime()) / DAY_MS;
}
/** A warning for a secret that is near the end of Box's 60-day window, or undefined. */
function rotationWarning(chain) {
    const days = secretAgeDays(chain);
    if (days === undefined || days <= ROTATION_WARNING_DAYS)
        return undefined;
    return (`${ageNote(chain)} Box refresh tokens expire after ${REFRESH_TOKEN_LIFETIME_DAYS} days, so the scheduled ` +
        "refresh that should keep it fresh is not running. Check that the keep-alive workflow's schedule is enabled " +
        '(GitHub disables schedules in public repositories after 60 days without activity).');
}
/** Whether GitHub said the token expires within the warning's 30 days. */
function githubTokenNearItsEnd(chain) {
    const expires = chain.githubTokenExpiresAt;
    return expires !== undefined && expires.getTime() - chain.asOf.getTime() <= GITHUB_TOKEN_WARNING_DAYS * DAY_MS;
}
/** A warning when the GitHub token expires within 30 days, with the next scheduled run if known; or undefined. */
function githubTokenWarning(chain, terms) {
    const expires = chain.githubTokenExpiresAt;
    if (expires === undefined || !githubTokenNearItsEnd(chain))
        return undefined;
    const days = Math.max(0, daysBetween(chain.asOf, expires));
    const lines = [
        `The GitHub token (${terms.token}) expires on ${formatUtc(expires)}, in ${days} day${days === 1 ? '' : 's'}. ` +
            `Create a new token and ${terms.replaceToken} before then: from that date every run stops before Box and ` +
            `rotates nothing.`
    ];
    const next = chain.nextScheduledRun;
    if (next !== undefined && expires.getTime() < next.getTime()) {
        const breaks = chain.refreshTokenExpiresAt ? ` on ${formatUtc(chain.refreshTokenExpiresAt)}` : '';
        lines.push(`It expires before the next scheduled refresh (${formatUtc(next)}), so no later run can rotate the Box token: ` +
            `the token chain breaks${breaks}, when the refresh token this run stored expires, unless the GitHub token ` +
            `is replaced first.`);
    }
    return lines.join(' ');
}
/** The summary's lines about the chain, each only where it is known. */
function outlookLines(chain) {
    const lines = [];
    const { secretLastRotatedAt, refreshTokenExpiresAt, githubTokenExpiresAt, nextScheduledRun } = chain;
    if (secretLastRotatedAt)
        lines.push(`Secret last rotated before this run: **${formatUtc(secretLastRotatedAt)}** ` +
            `(${daysBetween(secretLastRotatedAt, chain.asOf)} days ago)`);
    if (refreshTokenExpiresAt)
        lines.push(`Refresh token expires: **${formatUtc(refreshTokenExpiresAt)}** unless used again before then`);
    if (nextScheduledRun)
        lines.push(`Next scheduled refresh: **${formatUtc(nextScheduledRun)}**`);
    if (githubTokenExpiresAt)
        lines.push(`GitHub token expires: **${formatUtc(githubTokenExpiresAt)}**`);
    return lines;
}
/** A workflow file is small; anything larger is not read. */
const MAX_WORKFLOW_BYTES = 512 * 1024;
/**
 * When this workflow runs next on its schedule, if this run is itself a scheduled one.
 *
 * The event payload names only the cron line that started this run (`github.event.schedule`). The
 * schedule's other lines, and each line's `timezone:` (an IANA zone; UTC without one), are in the
 * workflow file alone: GITHUB_WORKFLOW_REF names it (`owner/repo/.github/workflows/x.yml@ref`),
 * and it is read from the workspace, where a checkout of the repository puts it. The next run is
 * the earliest next time of any line, each in its own zone. Without the file (no checkout), or
 * when the file does not hold the line that started this run (it is another version), the next
 * run is not known and nothing is said: the action does not guess a schedule. No request is made.
 */
async function nextScheduledRun(env, after) {
    if (env.GITHUB_EVENT_NAME !== 'schedule' || !env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        const payload = JSON.parse(await (0,promises_.readFile)(env.GITHUB_EVENT_PATH, 'utf8'));
        const started = payload?.schedule;
        if (typeof started !== 'string' || started.length > 200)
            return undefined;
        const lines = await workflowSchedule(env);
        if (lines === undefined || !lines.some((line) => sameCron(line.cron, started)))
            return undefined;
        // Loaded only here: the rest of a run never needs it.
        const { Cron } = await __nccwpck_require__.e(/* import() */ 814).then(__nccwpck_require__.bind(__nccwpck_require__, 5814));
        const next = lines
            .map((line) => new Cron(line.cron, { timezone: line.timezone ?? 'UTC', paused: true }).nextRun(after))
            .filter((date) => date instanceof Date)
            .map((date) => date.getTime());
        return next.length === 0 ? undefined : new Date(Math.min(...next));
    }
    catch {
        return undefined;
    }
}
/** The `on.schedule` lines of this run's workflow file in the workspace, or undefined when it cannot be read. */
async function workflowSchedule(env) {
    const file = workflowFile(env);
    if (file === undefined)
        return undefined;
    if ((await (0,promises_.stat)(file)).size > MAX_WORKFLOW_BYTES)
        return undefined;
    const { parse } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const workflow = parse(await (0,promises_.readFile)(file, 'utf8'));
    const schedule = workflow?.on?.schedule;
    if (!Array.isArray(schedule))
        return undefined;
    const lines = [];
    for (const entry of schedule) {
        if (typeof entry?.cron !== 'string')
            return undefined;
        if (entry.timezone !== undefined && typeof entry.timezone !== 'string')
            return undefined;
        lines.push({ cron: entry.cron, timezone: entry.timezone });
    }
    return lines;
}
/** The workflow file's path in the workspace, from GITHUB_WORKFLOW_REF; only under .github/workflows. */
function workflowFile(env) {
    const { GITHUB_WORKFLOW_REF: ref, GITHUB_REPOSITORY: repository, GITHUB_WORKSPACE: workspace } = env;
    if (!ref || !repository || !workspace)
        return undefined;
    const at = ref.lastIndexOf('@');
    const full = at < 0 ? ref : ref.slice(0, at);
    const prefix = `${repository}/`;
    if (full.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase())
        return undefined;
    const relative = full.slice(prefix.length);
    if (!/^\.github\/workflows\/[^/\\]+\.ya?ml$/.test(relative))
        return undefined;
    return external_node_path_default().join(workspace, relative);
}
/** Cron lines compare by their fields, whatever the spacing between them. */
function sameCron(a, b) {
    const fields = (cron) => cron.trim().split(/\s+/).join(' ');
    return fields(a) === fields(b);
}

;// CONCATENATED MODULE: ./src/github/targets.ts
/**
 * Secret targets: the places GitHub keeps a secret for workflows (repository, environment,
 * organization; Actions or Dependabot). Every kind is the same three requests under a different
 * base path, so a target is data: its names, its base path and what a token needs to write it.
 */
/** The targets a config names, in the order they are reported. */
function secretTargets(config) {
    const apps = config.dependabot ? ['actions', 'dependabot'] : ['actions'];
    return apps.map((app) => {
        if (config.organization !== undefined)
            return organizationTarget(config.organization, app, config.secretName);
        if (config.repository === undefined)
            throw new Error('secretTargets: a repository or an organization must be given');
        if (config.environment !== undefined)
            return environmentTarget(config.repository, config.environment, config.secretName);
        return repositoryTarget(config.repository, app, config.secretName);
    });
}
const kindLabel = (app, kind) => `${app === 'dependabot' ? 'Dependabot ' : ''}${kind} secret`;
const fineGrained = (app) => app === 'dependabot' ? '"Dependabot secrets: read and write"' : '"Secrets: read and write"';
function repositoryTarget(repository, app, name) {
    const full = `${repository.owner}/${repository.repo}`;
    return {
        kind: 'repository',
        app,
        name,
        kindLabel: kindLabel(app, 'repository'),
        label: `${kindLabel(app, 'repository')} ${name} of ${full}`,
        scope: full,
        basePath: `${repositoryPath(repository)}/${app}/secrets`,
        permission: `the repository permission ${fineGrained(app)} on ${full} (fine-grained token), ` +
            `the \`repo\` scope (classic token) or \`${app === 'dependabot' ? 'dependabot_secrets' : 'secrets'}: write\` ` +
            `(GitHub App)`,
        classicScope: 'repo'
    };
}
/**
 * Environment secrets come under the repository permission "Environments", not "Secrets", for
 * fine-grained tokens and GitHub Apps alike (GitHub's "Permissions required for fine-grained
 * personal access tokens": Environments lists the environment-secret endpoints; docs/sources.md).
 */
function environmentTarget(repository, environment, name) {
    const full = `${repository.owner}/${repository.repo}`;
    return {
        kind: 'environment',
        app: 'actions',
        name,
        kindLabel: kindLabel('actions', 'environment'),
        label: `${kindLabel('actions', 'environment')} ${name} of ${full} (environment "${environment}")`,
        scope: `${full} › ${environment}`,
        basePath: `${repositoryPath(repository)}/environments/${pathSegment(environment)}/secrets`,
        permission: `the repository permission "Environments: read and write" on ${full} (fine-grained token), ` +
            `the \`repo\` scope (classic token) or \`environments: write\` (GitHub App)`,
        classicScope: 'repo'
    };
}
function organizationTarget(organization, app, name) {
    return {
        kind: 'organization',
        app,
        name,
        kindLabel: kindLabel(app, 'organization'),
        label: `${kindLabel(app, 'organization')} ${name} of ${organization}`,
        scope: `${organization} (organization)`,
        basePath: `/orgs/${pathSegment(organization)}/${app}/secrets`,
        permission: `the organization permission ${fineGrained(app)} on ${organization} (fine-grained token), ` +
            `the \`admin:org\` scope (classic token) or organization ` +
            `\`${app === 'dependabot' ? 'dependabot_secrets' : 'secrets'}: write\` (GitHub App)`,
        classicScope: 'admin:org'
    };
}
/** `/repos/<owner>/<repo>`, each part encoded. */
function repositoryPath(repository) {
    return `/repos/${pathSegment(repository.owner)}/${pathSegment(repository.repo)}`;
}
function secretPath(target) {
    return `${target.basePath}/${pathSegment(target.name)}`;
}
/**
 * A path segment encoded fully: encodeURIComponent leaves ! ' ( ) * as they are, and a path that
 * holds them is both ambiguous to some servers and awkward in a shell command.
 */
function pathSegment(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

;// CONCATENATED MODULE: ./src/github/secrets.ts
/**
 * Reading and writing a secret target: its public key, its metadata (and an organization secret's
 * visibility and selected repositories, which must be sent back on every write or GitHub resets
 * who can read the secret), and the write itself. Every answer is validated before use.
 */



/** What GitHub may call a key id: no quotes, spaces, colons or controls, so it can be quoted anywhere. */
const KEY_ID_FORM = /^[A-Za-z0-9_.=+/-]{1,128}$/;
const VISIBILITIES = ['all', 'private', 'selected'];
/**
 * Selected repositories are read 100 a page; 10,000 is beyond any real list, and a server that
 * never stops is stopped.
 */
const MAX_SELECTED_PAGES = 100;
/**
 * Reads the public key and the secret's metadata (and for organizations the selected
 * repositories) in one parallel round, so checking costs one request round however many reads.
 * Every answer is validated: a key id or visibility that is not of GitHub's form stops the run
 * here, before Box, rather than reaching a log line, a shell command or the secret's settings.
 */
async function prepareTarget(client, target, newVisibility) {
    const fail = (what) => (error) => {
        throw new Error(describeGitHubFailure(error, what, target.permission, client.terms));
    };
    const path = secretPath(target);
    const [key, secret, selected] = await Promise.all([
        client
            .request('GET', `${target.basePath}/public-key`)
            .catch(fail(`reading the public key for the ${target.label}`)),
        client.request('GET', path).then((response) => secretAnswer(response.data, target), (error) => (failureStatus(error) === 404 ? undefined : fail(`reading the ${target.label}`)(error))),
        // Asked for in the same round, whatever the visibility turns out to be; GitHub answers
        // 404/409 when there is no such list, which only matters if the visibility is `selected`.
        target.kind === 'organization'
            ? selectedRepositoryIds(client, path).catch((error) => error)
            : Promise.resolve(undefined)
    ]);
    const scopes = key.headers['x-oauth-scopes'];
    // A classic token's scopes, e.g. "repo, workflow"; anything else in the header is not read.
    if (typeof scopes === 'string' &&
        /^[a-z0-9:_, -]{0,500}$/.test(scopes) &&
        !scopes
            .split(',')
            .map((s) => s.trim())
            .includes(target.classicScope)) {
        throw new Error(`${client.terms.token} is a classic token with the scopes "${scopes}", but writing the ${target.label} needs ` +
            `the \`${target.classicScope}\` scope. ` +
            `Add it to the token, or use a fine-grained token with ${target.permission}.`);
    }
    const settings = {};
    if (target.kind === 'organization') {
        const visibility = secret?.visibility ?? newVisibility;
        settings.visibility = visibility;
        if (visibility === 'selected') {
            if (!Array.isArray(selected)) {
                throw new Error(selected instanceof GitHubRequestError
                    ? describeGitHubFailure(selected, `reading the repositories selected for the ${target.label}`, target.permission, client.terms)
                    : `The repositories selected for the ${target.label} could not be read ` +
                        `(${selected?.message ?? 'no list'}), ` +
                        `and writing the secret without them would change who can read it.`);
            }
            settings.selected_repository_ids = selected;
        }
    }
    return {
        target,
        publicKey: publicKey(key.data, target, client.terms),
        existing: secret && { createdAt: secret.createdAt, updatedAt: secret.updatedAt },
        settings
    };
}
function publicKey(data, target, terms) {
    const { key_id: keyId, key } = (data ?? {});
    if (typeof keyId !== 'string' || !KEY_ID_FORM.test(keyId) || typeof key !== 'string' || key.length > 100) {
        throw new Error(`GitHub's answer for the public key of the ${target.label} is not a key id and a key, so nothing can be ` +
            `sealed for it. ` +
            `Try again; if it persists, check ${terms.apiUrl} and any proxy in front of GitHub.`);
    }
    return { keyId, key };
}
function secretAnswer(data, target) {
    const answer = (data !== null && typeof data === 'object' ? data : {});
    const result = { createdAt: parseDate(answer.created_at), updatedAt: parseDate(answer.updated_at) };
    if (target.kind === 'organization') {
        if (!VISIBILITIES.includes(answer.visibility)) {
            throw new Error(`GitHub's answer for the ${target.label} gives no visibility of \`all\`, \`private\` or \`selected\`; ` +
                `the action does not guess one, because writing the wrong one changes who can read the secret.`);
        }
        result.visibility = answer.visibility;
    }
    return result;
}
/** Every page of the secret's selected repositories, each id checked; bounded, whatever the server says. */
async function selectedRepositoryIds(client, path) {
    const ids = new Set();
    for (let page = 1; page <= MAX_SELECTED_PAGES; page++) {
        const { data } = await client.request('GET', `${path}/repositories?per_page=100&page=${page}`);
        const { total_count: total, repositories } = (data ?? {});
        if (!Number.isSafeInteger(total) || total < 0 || !Array.isArray(repositories))
            throw new Error('the answer is not a list of repositories');
        for (const repository of repositories) {
            const id = repository?.id;
            if (!Number.isSafeInteger(id) || id <= 0)
                throw new Error('a repository in the list has no valid id');
            ids.add(id);
        }
        if (repositories.length < 100 || ids.size >= total)
            return [...ids];
    }
    throw new Error(`the list goes on past ${MAX_SELECTED_PAGES * 100} repositories`);
}
/**
 * Workflows read a repository secret in preference to an organization secret of the same name.
 * When the repository this workflow runs in has one, the token came from it, and writing the new
 * one to the organization would leave it used up. A best-effort read: a token that cannot see
 * the repository's secrets simply cannot tell. Returns the problem, if any.
 */
async function shadowingSecretProblem(client, organization, workflowRepository) {
    const shadow = repositoryTarget(workflowRepository, organization.app, organization.name);
    try {
        await client.request('GET', secretPath(shadow), undefined, { once: true });
    }
    catch {
        return undefined;
    }
    return (`The ${shadow.label} exists, and workflows in ${shadow.scope} read it instead of the ${organization.label}: ` +
        `the refresh token this run holds came from it, ` +
        `and writing the new one to the organization would leave it used up. Delete the repository secret (Settings → ` +
        `Secrets and variables), ` +
        `or rotate it instead by removing \`organization\`.`);
}
/**
 * When the secret was last written, read again (after Box refused the token: did another run
 * rotate it?). Undefined when unknown.
 */
async function lastWritten(client, target) {
    try {
        const { data } = await client.request('GET', secretPath(target), undefined, { once: true });
        return parseDate(data?.updated_at);
    }
    catch {
        // best effort: it only adds detail to a message
    }
    return undefined;
}
/** The exact PUT body; it is also the recovery payload, since only GitHub can open it. */
function writeBody(prepared, sealed) {
    return { encrypted_value: sealed.encryptedValue, key_id: sealed.keyId, ...prepared.settings };
}
async function writeSecret(client, prepared, sealed) {
    try {
        const response = await client.request('PUT', secretPath(prepared.target), writeBody(prepared, sealed));
        return response.status === 201 ? 'created' : 'updated';
    }
    catch (error) {
        throw new Error(describeGitHubFailure(error, `writing the ${prepared.target.label}`, prepared.target.permission, client.terms), { cause: error });
    }
}
function parseDate(value) {
    if (typeof value !== 'string' || value.length > 40)
        return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
}

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
function sealBytes(key, plaintext, aad, nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES)) {
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    return { nonce, sealed: Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]) };
}
function aead_openSealed(key, nonce, sealed, aad) {
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

// EXTERNAL MODULE: ./src/names.ts
var names = __nccwpck_require__(6455);
;// CONCATENATED MODULE: ./src/handoff.ts
/**
 * The sealed hand-off: the access token, carried from the job that rotated to later jobs of the
 * same workflow run, as a job output.
 *
 * GitHub drops a job output that holds a masked value, and a second job must not rotate (single-use
 * refresh tokens race), so the rotating job outputs the access token encrypted with AES-256-GCM.
 * The runner prints every step's `with:` values in the log, so the envelope is public wherever the
 * run's logs are: its key is a dedicated random secret (`handoff-key`, at least 32 bytes) that only
 * the workflow holds, never the Box client secret, which app collaborators, Postman environments and
 * `.env` files hold too. HKDF-SHA256 derives two keys from it, bound to the repository and the run
 * (any attempt of it, so re-running failed jobs works while the token lives): one encrypts, the
 * other makes the key check value. The value holds no masked value, so the runner passes it on.
 *
 * The envelope says in the clear what a person needs to read a failure (which repository and run it
 * belongs to, when the token expires, the key check value): all of it is authenticated, so
 * changing any part makes the hand-off fail to open.
 */



const VERSION = 2;
const PREFIX = `box-handoff-v${VERSION}`;
const ENCRYPTION_INFO = 'box-token-refresh hand-off v2 encryption key';
const KEY_CHECK_INFO = 'box-token-refresh hand-off v2 key check';
const KEY_CHECK_BYTES = 12;
/** A hand-off that expires within this margin is refused: the consuming job needs time to use it. */
const HANDOFF_MARGIN_MS = 60_000;
/** The least a `handoff-key` may hold: 32 random bytes, as `openssl rand -base64 32` prints them. */
const HANDOFF_KEY_BYTES = 32;
const MAKE_A_KEY = 'Make one with `openssl rand -base64 32` and store it as a secret, e.g. BOX_HANDOFF_KEY, or let the login command ' +
    'make and store one (`--handoff-key-secret BOX_HANDOFF_KEY`); docs/many-jobs.md.';
class HandoffError extends Error {
    problem;
    constructor(problem, message) {
        super(message);
        this.problem = problem;
        this.name = 'HandoffError';
    }
}
/**
 * The key as a person stores it, decoded strictly: base64 that decodes to at least 32 bytes and
 * encodes back to exactly what was given. Two spellings are accepted, because key generators print
 * one or the other: the standard alphabet with its `=` padding (`openssl rand -base64 32`,
 * `base64`), and the URL-safe alphabet without padding (`base64url`, Python's
 * `secrets.token_urlsafe(32)`). Anything else (a mixed alphabet, missing or extra padding, stray
 * characters that a lenient decoder would skip) is refused, never guessed at.
 */
function decodeHandoffKey(text) {
    const key = strictBase64(text, 'base64') ?? strictBase64(text, 'base64url');
    if (key === undefined) {
        return {
            problem: 'is not base64 (standard base64 with its `=` padding, as `openssl rand -base64 32` prints it, or URL-safe ' +
                `base64 without padding). ${MAKE_A_KEY}`
        };
    }
    if (key.length < HANDOFF_KEY_BYTES) {
        return {
            problem: `holds ${key.length} bytes; a hand-off key must be at least ${HANDOFF_KEY_BYTES} random bytes. ` + MAKE_A_KEY
        };
    }
    return { key };
}
/** `nonce` is for the test vector only: every real hand-off gets a fresh random one. */
function sealHandoff(token, handoffKey, binding, nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES)) {
    const keys = deriveKeys(handoffKey, binding);
    const envelope = { repo: binding.repository, run: binding.runId, exp: token.expiresAt, kid: keys.check };
    const header = encode(Buffer.from(JSON.stringify(envelope)));
    const plaintext = Buffer.from(JSON.stringify({ t: token.accessToken, e: token.expiresAt, i: token.expiresIn, r: token.refreshTokenExpiresAt }));
    const { sealed } = sealBytes(keys.encryption, plaintext, Buffer.from(`${PREFIX}.${header}`), nonce);
    return `${PREFIX}.${header}.${encode(nonce)}.${encode(sealed)}`;
}
/**
 * Opens a hand-off, or says exactly why it cannot: not a hand-off at all, made by another version
 * of the action, from another repository or run, expired (and how long ago), not openable with
 * this key, or changed on the way.
 */
function openHandoff(value, handoffKey, binding, now) {
    const parts = value.trim().split('.');
    const version = /^box-handoff-v(\d{1,6})$/.exec(parts[0])?.[1]; // split always gives a first part
    if (version !== undefined && Number(version) !== VERSION)
        throw otherVersion(Number(version));
    const envelope = parts.length === 4 && parts[0] === PREFIX ? readEnvelope(parts[1]) : undefined;
    if (envelope === undefined) {
        throw new HandoffError('malformed', "is not a hand-off: pass the rotating job's `handoff` output as it is, e.g. `${{ needs.rotate.outputs.handoff " +
            '}}` (that job must list it under `outputs:`).');
    }
    if (envelope.repo !== binding.repository || envelope.run !== binding.runId) {
        throw new HandoffError('other-run', `belongs to run ${envelope.run} of ${envelope.repo}, not to this run (${binding.runId} of ` +
            `${binding.repository}). ` +
            'A hand-off works only in the workflow run whose job made it: let a job of this run rotate first and pass ' +
            'its `handoff` output.');
    }
    if (envelope.exp - HANDOFF_MARGIN_MS <= now) {
        throw new HandoffError('expired', `holds an access token that ` +
            `${envelope.exp <= now ? `expired ${ago(now - envelope.exp)} ago` : 'expires within a minute'} (access ` +
            `tokens live about an hour). ` +
            'The rotating job must run closer to the tests: put it in the same workflow run, just before the jobs that ' +
            'use its hand-off, or re-run the whole workflow.');
    }
    const keys = deriveKeys(handoffKey, binding);
    if (!sameText(envelope.kid, keys.check)) {
        throw new HandoffError('wrong-key', 'does not open with this `handoff-key`: give this job the same key as the rotating job ' +
            '(e.g. `${{ secrets.BOX_HANDOFF_KEY }}` in both), or the hand-off was changed on the way.');
    }
    const token = decrypt(parts, keys.encryption);
    if (token === undefined) {
        throw new HandoffError('tampered', "was changed on the way and cannot be trusted: pass the rotating job's `handoff` output unchanged.");
    }
    return token;
}
function otherVersion(version) {
    return new HandoffError('other-version', 
    // Stryker disable next-line EqualityOperator: this version itself never comes here
    version < VERSION
        ? `was made by an earlier version of this action (box-handoff-v${version}, sealed with \`client-secret\`), ` +
            'which this version no longer opens: the rotating job must run this version too, with `handoff-key` ' +
            '(the same secret as this job, e.g. `${{ secrets.BOX_HANDOFF_KEY }}`), so that its hand-off is sealed ' +
            'with that key (docs/many-jobs.md).'
        : `was made by a later version of this action (box-handoff-v${version}): ` +
            'use the same version of the action in every job of the workflow.');
}
/** Two keys from one secret, each bound to the run: one encrypts, one makes the key check value. */
function deriveKeys(handoffKey, binding) {
    const derive = (info, length) => Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', handoffKey, PREFIX, `${info}\n${binding.repository}\n${binding.runId}`, length));
    return { encryption: derive(ENCRYPTION_INFO, 32), check: encode(derive(KEY_CHECK_INFO, KEY_CHECK_BYTES)) };
}
function readEnvelope(header) {
    try {
        const bytes = strictBase64(header, 'base64url');
        if (bytes === undefined)
            return undefined;
        const envelope = JSON.parse(bytes.toString('utf8'));
        const { repo, run, exp, kid } = envelope;
        // Read before anything is authenticated, and quoted in the error: only a repository name will do.
        if (typeof repo !== 'string' ||
            !(0,names/* isRepositoryName */.en)(repo) ||
            !Number.isSafeInteger(run) ||
            !Number.isSafeInteger(exp) ||
            typeof kid !== 'string')
            return undefined;
        return { repo, run: run, exp: exp, kid };
    }
    catch {
        // a header that is not JSON is no envelope, as one with the wrong fields is not
    }
    return undefined;
}
function decrypt(parts, key) {
    const nonce = strictBase64(parts[2], 'base64url');
    const sealed = strictBase64(parts[3], 'base64url');
    const plaintext = nonce && sealed && aead_openSealed(key, nonce, sealed, Buffer.from(`${PREFIX}.${parts[1]}`));
    if (!plaintext)
        return undefined;
    try {
        const { t, e, i, r } = JSON.parse(plaintext.toString('utf8'));
        if (typeof t !== 'string' || !Number.isSafeInteger(e) || !Number.isSafeInteger(i) || !Number.isSafeInteger(r))
            return undefined;
        return { accessToken: t, expiresAt: e, expiresIn: i, refreshTokenExpiresAt: r };
    }
    catch {
        // not JSON: as unusable as a changed hand-off
    }
    return undefined;
}
const encode = (bytes) => bytes.toString('base64url');
/**
 * Node's decoder skips characters outside the alphabet and takes either alphabet for the other;
 * a value counts only if it encodes back to exactly what was given.
 */
function strictBase64(text, encoding) {
    const bytes = Buffer.from(text, encoding);
    return text !== '' && bytes.toString(encoding) === text ? bytes : undefined;
}
/** Constant time for values of one length; a value of another length is simply not the same. */
function sameText(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && (0,external_node_crypto_.timingSafeEqual)(x, y);
}
function ago(ms) {
    const minutes = Math.round(ms / 60_000);
    if (minutes < 120)
        return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.round(minutes / 60);
    return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}

;// CONCATENATED MODULE: ./src/action/input-reader.ts
/**
 * Reading the action's inputs: each trimmed, booleans and durations in the spellings the runner
 * passes, and every problem collected, each naming its input, so that all are reported at once.
 */
/** Reads inputs (trimmed) and collects every problem, so that all are reported at once. */
class InputReader {
    getInput;
    problems = [];
    constructor(getInput) {
        this.getInput = getInput;
    }
    problem = (input, message) => {
        this.problems.push({ input, message });
    };
    text(name) {
        return this.getInput(name).trim();
    }
    /** Records `message` as a problem of `input`, when there is one. */
    check(input, message) {
        if (message !== undefined)
            this.problem(input, message);
    }
    credential(name, whatItIs, emptyHint) {
        const value = this.text(name);
        if (value === '')
            this.problem(name, `is empty. ${emptyHint}`);
        else if (/\s/.test(value))
            this.problem(name, `contains white space, so it was probably pasted with extra text. Store ${whatItIs} alone in the secret.`);
        return value;
    }
    // The same spellings the YAML 1.2 core schema accepts, as @actions/core's getBooleanInput does.
    boolean(name) {
        const value = this.text(name);
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (!['false', 'False', 'FALSE', ''].includes(value))
            this.problem(name, `must be \`true\` or \`false\`, not "${value}".`);
        return false;
    }
    /** Milliseconds, from a number of seconds within [min, max]; the fallback when empty or wrong. */
    seconds(name, fallback, min, max) {
        const value = this.text(name);
        if (value === '')
            return fallback * 1000;
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds < min || seconds > max) {
            this.problem(name, `must be a number of seconds from ${min} to ${max}, not "${value}".`);
            return fallback * 1000;
        }
        return seconds * 1000;
    }
}

;// CONCATENATED MODULE: ./src/box/scopes.ts
/**
 * The scopes a token exchange may ask Box for, and the file or folder it may be held to. Box's
 * "Downscope a token" and "Scopes" pages: the scopes for downscoping, box-openapi's `item_read`,
 * and the standard scopes Box documents (an exchange may ask for any scope the app itself has).
 * Checked before any request, so a typo never spends a refresh.
 */
/** Box's scopes for downscoping, then the standard scopes it also accepts there. */
const DOCUMENTED_SCOPES = [
    'annotation_edit',
    'annotation_view_all',
    'annotation_view_self',
    'base_explorer',
    'base_picker',
    'base_preview',
    'base_sidebar',
    'base_upload',
    'item_delete',
    'item_download',
    'item_preview',
    'item_rename',
    'item_share',
    'item_upload',
    'item_read',
    'root_readonly',
    'root_readwrite',
    'ai.readwrite',
    'manage_managed_users',
    'manage_app_users',
    'manage_groups',
    'manage_webhook',
    'manage_data_retention',
    'manage_enterprise_properties',
    'sign_requests.readwrite',
    'manage_triggers',
    'manage_legal_holds',
    'enterprise_content',
    'item_execute_integration'
];
/** Box's API base: a `resource` names an item by its URL there. */
const BOX_API_ORIGIN = 'https://api.box.com';
/**
 * `resource` as Box takes it: the full API URL of one file or folder, `<origin>/2.0/files/<id>` or
 * `<origin>/2.0/folders/<id>`, on Box's API or on `boxApiUrl`'s origin (a proxy, the simulator).
 * Undefined when it is one; else what is wrong, in words.
 */
function resourceProblem(resource, boxApiUrl) {
    let url;
    try {
        url = new URL(resource);
    }
    catch {
        return 'is not a URL. Give the full API URL of one file or folder, e.g. `https://api.box.com/2.0/folders/123`.';
    }
    let ownOrigin;
    try {
        ownOrigin = new URL(boxApiUrl).origin;
    }
    catch {
        // box-api-url is reported on its own
    }
    const onBox = url.origin === BOX_API_ORIGIN || url.origin === ownOrigin;
    if (!onBox || !/^\/2\.0\/(files|folders)\/[0-9]{1,20}$/.test(url.pathname) || url.search || url.hash) {
        return ('must be the full API URL of one file or folder, `https://api.box.com/2.0/files/<id>` or ' +
            "`https://api.box.com/2.0/folders/<id>` (the id is in the item's web address: app.box.com/folder/<id>).");
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/box/subject.ts
const SUBJECT_TYPES = ['enterprise', 'user'];
/** "the service account of enterprise 123" / "user 456", for messages. */
function describeSubject(subject) {
    return subject.type === 'enterprise' ? `the service account of enterprise ${subject.id}` : `user ${subject.id}`;
}

;// CONCATENATED MODULE: ./src/action/mint-inputs.ts


async function readMintInputs(inputs, mode, mask) {
    const credentials = mode === 'ccg'
        ? {
            mode,
            clientId: inputs.credential('client-id', 'the client ID', "Pass your Box app's client ID (Developer Console → your app → Configuration)."),
            clientSecret: inputs.credential('client-secret', 'the client secret', "Pass your Box app's client secret, e.g. `${{ secrets.BOX_CLIENT_SECRET }}`.")
        }
        : { mode, jwt: await readJwt(inputs, mask) };
    return {
        credentials,
        subject: readSubject(inputs, mode, credentials.mode === 'jwt' ? credentials.jwt?.enterpriseId : undefined),
        revoke: inputs.text('revoke') === '' ? true : inputs.boolean('revoke')
    };
}
/** `jwt-config`, read by the JWT module, loaded here and only here; every problem names its field. */
async function readJwt(inputs, mask) {
    const { readJwtConfig } = await __nccwpck_require__.e(/* import() */ 771).then(__nccwpck_require__.bind(__nccwpck_require__, 7771));
    const reading = readJwtConfig(inputs.text('jwt-config'));
    for (const value of reading.masked)
        mask(value);
    if ('config' in reading)
        return reading.config;
    for (const problem of reading.problems)
        inputs.problem('jwt-config', problem);
    return undefined; // refused: the InputError is thrown before it is used
}
/**
 * Whom the token acts as. Client credentials: `box-subject-type` and `box-subject-id`, both
 * required. JWT: the config's enterprise unless `box-subject-type: user` names a user.
 */
function readSubject(inputs, mode, enterpriseId) {
    const typeText = inputs.text('box-subject-type');
    const id = inputs.text('box-subject-id');
    if (typeText !== '' && !SUBJECT_TYPES.includes(typeText)) {
        inputs.problem('box-subject-type', `must be \`enterprise\` (the app's service account) or \`user\` (one managed user), not "${typeText}".`);
    }
    const type = typeText === 'user' ? 'user' : 'enterprise';
    if (mode === 'ccg' && typeText === '') {
        inputs.problem('box-subject-type', "is empty: say whom the token acts as, `enterprise` (the app's service account) or `user`.");
    }
    const needsId = mode === 'ccg' || type === 'user';
    if (id === '' && needsId) {
        inputs.problem('box-subject-id', type === 'user'
            ? 'is empty: give the ID of the user the token acts as (Admin Console → Users; digits).'
            : 'is empty: give your enterprise ID (Developer Console → your app → General Settings; digits).');
    }
    else if (id !== '' && !(0,names/* isBoxId */.HY)(id)) {
        inputs.problem('box-subject-id', 'must be a Box ID: digits only, as Box shows it.');
    }
    return { type, id: id !== '' ? id : (enterpriseId ?? '') };
}

;// CONCATENATED MODULE: ./src/action/mode.ts
/** Which inputs make each mode, for every message that must say it. */
const MODES = 'OAuth 2.0 takes `refresh-token` (with `github-token`); JWT takes `jwt-config`; client credentials take ' +
    '`client-id`, `client-secret`, `box-subject-type` and `box-subject-id` (docs/modes.md)';
/**
 * Inputs of OAuth 2.0 alone, with the value that means "not used": they keep a token chain
 * alive in a secret, and client credentials and JWT have no chain (every job mints its own token).
 * Inputs whose default the runner fills in (secret-name, repository, organization-visibility,
 * issue-token) cannot be told from not given, so they are not listed.
 */
const OAUTH_ONLY = [
    ['github-token', '', 'writes the new refresh token back to its secret'],
    ['handoff', '', "takes the rotating job's hand-off"],
    ['handoff-key', '', 'seals the hand-off to later jobs'],
    ['environment', '', 'chooses the secret the refresh token is written back to'],
    ['organization', '', 'chooses the secret the refresh token is written back to'],
    ['dependabot', 'false', 'writes the refresh token to the Dependabot secret too'],
    ['failure-issue', 'false', 'reports a token chain that stops rotating']
];
/** The mode the inputs name, recording a problem for every input that does not fit it; undefined for none. */
function chooseMode(inputs) {
    const given = (name, unused = '') => ![unused, ''].includes(inputs.text(name));
    const oauth = given('refresh-token');
    const jwt = given('jwt-config');
    const ccg = given('box-subject-type') || given('box-subject-id');
    if (oauth && jwt) {
        inputs.problem('jwt-config', `cannot be combined with \`refresh-token\`: give the inputs of one mode. ${MODES}.`);
    }
    if (oauth && ccg) {
        for (const name of ['box-subject-type', 'box-subject-id'].filter((n) => given(n)))
            inputs.problem(name, `belongs to client credentials and JWT, and cannot be combined with \`refresh-token\` (OAuth 2.0). ${MODES}.`);
    }
    const mode = oauth ? 'oauth' : jwt ? 'jwt' : ccg ? 'ccg' : undefined;
    if (mode === 'ccg' || mode === 'jwt') {
        const name = mode === 'jwt' ? 'JWT' : 'client credentials';
        for (const [input, unused, what] of OAUTH_ONLY) {
            if (given(input, unused))
                inputs.problem(input, `${what}: that is OAuth 2.0 alone, and this job uses ${name} (no token chain, nothing written back; ` +
                    `every job gets its own token). Remove it from this step. ${MODES}.`);
        }
    }
    if (mode === 'jwt') {
        for (const input of ['client-id', 'client-secret'].filter((n) => given(n)))
            inputs.problem(input, 'comes from `jwt-config` in JWT mode (boxAppSettings): remove it from this step.');
    }
    return mode;
}

;// CONCATENATED MODULE: ./src/action/inputs.ts
/**
 * Reads the action's inputs into one typed, validated config, for the mode they name (mode.ts):
 * a rotation (OAuth 2.0), or a token minted for a server (client credentials, JWT:
 * mint-inputs.ts). Every problem names the input and says how to fix it, and all problems are
 * reported together, before any network call: a run that fails here has not used the refresh token.
 */








/** `request-timeout-seconds` when it is not set (or not valid). */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** What a run that stopped before Box says last: it is true of every such run. */
const NOTHING_USED = 'Nothing was changed and the refresh token was not used.';
class InputError extends Error {
    problems;
    /** The problems, one line each, without the closing sentence. */
    list;
    constructor(problems) {
        const list = [
            problems.length === 1 ? 'An input is not valid:' : `${problems.length} inputs are not valid:`,
            ...problems.map((p) => `  - \`${p.input}\`: ${p.message}`)
        ].join('\n');
        super(`${list}\n${NOTHING_USED}`);
        this.problems = problems;
        this.list = list;
        this.name = 'InputError';
    }
}
/** The inputs whose values are credentials; they are masked before anything else happens. */
const credentialInputs = [
    'client-secret',
    'refresh-token',
    'github-token',
    'issue-token',
    'handoff-key',
    'jwt-config'
];
/**
 * Whether this job takes the rotating job's hand-off instead of rotating: it passes `handoff`, or
 * it passes `handoff-key` without `refresh-token` and `github-token` (a rotating job that made no
 * hand-off gives an empty `handoff`, and that job must hear so, not that its refresh token is missing).
 */
function takesHandoff(getInput) {
    const given = (name) => getInput(name).trim() !== '';
    return given('handoff') || (given('handoff-key') && !given('refresh-token') && !given('github-token'));
}
/**
 * The config of the mode the inputs name. `mask` learns every credential read on the way (the
 * values in a JWT config), before any problem can be reported.
 */
async function readConfig(getInput, env, mask = () => undefined) {
    const inputs = new InputReader(getInput);
    const mode = chooseMode(inputs);
    const boxApiUrl = (0,names/* baseUrl */.pc)(inputs.text('box-api-url') || 'https://api.box.com', 'box-api-url', inputs.problem);
    const shared = {
        boxApiUrl,
        postmanEnvironment: postmanPath(inputs.text('postman-environment'), env),
        exportEnv: inputs.boolean('export-env'),
        dryRun: inputs.boolean('dry-run'),
        retryBudgetMs: inputs.seconds('retry-timeout-seconds', 120, 0, 3600),
        requestTimeoutMs: inputs.seconds('request-timeout-seconds', DEFAULT_REQUEST_TIMEOUT_MS / 1000, 1, 600),
        downscope: readDownscope(inputs, boxApiUrl)
    };
    const config = mode === 'ccg' || mode === 'jwt'
        ? { mode, ...shared, ...(await readMintInputs(inputs, mode, mask)) }
        : { ...shared, ...readRotation(inputs, env) };
    checkProxies(inputs, config.mode === 'oauth' ? [config.boxApiUrl, config.githubApiUrl] : [config.boxApiUrl], env);
    if (inputs.problems.length > 0)
        throw new InputError(inputs.problems);
    return config;
}
/** The rotation's own inputs: the token chain, where it is written back, the failure issue, the hand-off. */
function readRotation(inputs, env) {
    const secretName = inputs.text('secret-name') || 'BOX_REFRESH_TOKEN';
    inputs.check('secret-name', (0,names/* secretNameProblem */.nL)(secretName));
    const githubApiUrl = readGitHubApiUrl(inputs, env);
    const revoke = inputs.text('revoke');
    return {
        mode: 'oauth',
        ...readCredentials(inputs, secretName),
        secretName,
        ...readSelection(inputs, env),
        githubApiUrl,
        run: workflowRun(env),
        failureIssue: readFailureIssue(inputs, env, githubApiUrl),
        handoffKey: inputs.text('handoff-key') === '' ? undefined : readHandoffKey(inputs),
        revokeAsked: revoke !== '' && inputs.boolean('revoke')
    };
}
/**
 * `scopes` (space- or newline-separated; each one Box documents for downscoping) and `resource`
 * (one file or folder); undefined without `scopes`. Checked here, before any request, so a typo
 * never spends a refresh.
 */
function readDownscope(inputs, boxApiUrl) {
    const scopes = [...new Set(inputs.text('scopes').split(/\s+/).filter(Boolean))];
    const resource = inputs.text('resource') || undefined;
    const unknown = scopes.filter((scope) => !DOCUMENTED_SCOPES.includes(scope));
    if (unknown.length > 0) {
        inputs.problem('scopes', `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not a scope' : 'are not scopes'} ` +
            'Box documents for downscoping. Use scopes from docs/modes.md ("Scopes"), separated by spaces or new lines, ' +
            'e.g. `item_read item_download`.');
    }
    if (resource !== undefined) {
        if (scopes.length === 0)
            inputs.problem('resource', 'needs `scopes`: a token is held to one file or folder when it is downscoped.');
        inputs.check('resource', resourceProblem(resource, boxApiUrl));
    }
    return scopes.length === 0 ? undefined : { scopes, resource };
}
/**
 * A proxy variable that applies to Box or GitHub but names no proxy host: refused, not ignored (a
 * request sent direct on a runner that must use a proxy fails later, or leaves by a way the user
 * did not choose). Its value is not quoted: a proxy URL can hold a password.
 */
function checkProxies(inputs, urls, env) {
    const reported = new Set();
    for (const url of urls) {
        let problem;
        try {
            problem = proxyProblem(url, env);
        }
        catch {
            continue; // not a URL: reported as such already
        }
        if (problem === undefined || reported.has(problem.variable))
            continue;
        reported.add(problem.variable);
        inputs.problem(`${problem.variable} (environment variable)`, "names no proxy host, so requests cannot go through it. Set it to the proxy's address, e.g. " +
            '`http://proxy.example:3128` (a value without a scheme, `proxy.example:3128`, means the same), or unset it.');
    }
}
/**
 * The inputs of a job that opens a hand-off: the hand-off, its key and the runner's run, nothing
 * that rotates. `refresh-token` must be empty there: a second job that rotates would race the first.
 */
function readHandoffConfig(getInput, env) {
    const inputs = new InputReader(getInput);
    const handoff = inputs.text('handoff');
    if (handoff === '') {
        inputs.problem('handoff', 'is empty, so there is no access token to take: the rotating job outputs `handoff` only when it is given ' +
            "`handoff-key` too (the same secret as this job's). " +
            "List `handoff` under that job's `outputs:` and pass `${{ needs.<job>.outputs.handoff }}` here.");
    }
    const handoffKey = readHandoffKey(inputs);
    if (inputs.text('refresh-token') !== '') {
        inputs.problem('refresh-token', 'cannot be combined with `handoff`: a job with `handoff` takes the access token from the rotating job and ' +
            'must not rotate itself (two rotations of one refresh token race). Remove `refresh-token` from this job.');
    }
    const run = workflowRun(env);
    if (run === undefined) {
        inputs.problem('handoff', "needs the runner's GITHUB_REPOSITORY and GITHUB_RUN_ID, which tie a hand-off to its run; they are missing here.");
    }
    const config = {
        handoff,
        handoffKey,
        unused: ['client-id', 'client-secret', 'github-token'].filter((name) => inputs.text(name) !== ''),
        binding: { repository: run ? `${run.repository.owner}/${run.repository.repo}` : '', runId: run?.id ?? 0 },
        postmanEnvironment: postmanPath(inputs.text('postman-environment'), env),
        exportEnv: inputs.boolean('export-env')
    };
    if (inputs.problems.length > 0)
        throw new InputError(inputs.problems);
    return config;
}
/** `handoff-key`, decoded; every problem (empty, white space, not base64, too short) is recorded. */
function readHandoffKey(inputs) {
    const text = inputs.credential('handoff-key', 'the key', 'Pass the same secret as the rotating job, e.g. `${{ secrets.BOX_HANDOFF_KEY }}`: the hand-off opens only with it.');
    if (text === '' || /\s/.test(text))
        return Buffer.alloc(0);
    const decoded = decodeHandoffKey(text);
    if ('problem' in decoded) {
        inputs.problem('handoff-key', decoded.problem);
        return Buffer.alloc(0);
    }
    return decoded.key;
}
/** The four credentials; each message says where the value should come from. */
function readCredentials(inputs, secretName) {
    return {
        clientId: inputs.credential('client-id', 'the client ID', "Pass your Box app's client ID (Developer Console → your app → Configuration → OAuth 2.0 Credentials)."),
        clientSecret: inputs.credential('client-secret', 'the client secret', "Pass your Box app's client secret, e.g. `${{ secrets.BOX_CLIENT_SECRET }}`; an empty value usually means " +
            'that secret is not set in this repository.'),
        refreshToken: inputs.credential('refresh-token', 'the refresh token', `Pass \`\${{ secrets.${secretName} }}\`. An empty value means the secret is not set, or is not ` +
            'available to this workflow (pull requests from forks and Dependabot-triggered runs see no repository ' +
            'secrets); to get the first refresh token, see "First-time setup" in docs/setup.md (the `login` command ' +
            'stores it in the secret). A job that only uses the access token of a job that rotated passes `handoff` ' +
            `and \`handoff-key\` instead; another mode gives its own inputs: ${MODES}.`),
        githubToken: inputs.credential('github-token', 'the token', 'Pass a token that can write secrets: a fine-grained PAT with "Secrets: ' +
            'read and write", a classic PAT with `repo`, or a GitHub App installation token with `secrets: ' +
            'write`. The workflow GITHUB_TOKEN cannot write secrets.')
    };
}
/**
 * Which secrets are written: the repository, or one of its environments, or the organization; with
 * or without Dependabot's.
 */
function readSelection(inputs, env) {
    const repository = (0,names/* parseRepository */.SU)(inputs.text('repository') || env.GITHUB_REPOSITORY || '', inputs.problem);
    const environment = inputs.text('environment') || undefined;
    if (environment !== undefined)
        inputs.check('environment', (0,names/* environmentProblem */.f5)(environment));
    const organization = inputs.text('organization') || undefined;
    if (organization !== undefined)
        inputs.check('organization', (0,names/* organizationProblem */.hE)(organization));
    if (environment !== undefined && organization !== undefined) {
        inputs.problem('organization', 'cannot be combined with `environment`: an environment secret belongs to a repository. Set one of them.');
    }
    const visibility = inputs.text('organization-visibility') || 'private';
    inputs.check('organization-visibility', (0,names/* visibilityProblem */.IJ)(visibility));
    const dependabot = inputs.boolean('dependabot');
    if (dependabot && environment !== undefined) {
        inputs.problem('dependabot', 'cannot be combined with `environment`: Dependabot secrets exist for repositories and organizations only. ' +
            'Remove one of them.');
    }
    return {
        repository,
        environment,
        organization,
        organizationVisibility: visibility === 'all' ? 'all' : 'private',
        dependabot
    };
}
/**
 * The failure issue's target alone, for a run whose other inputs are not valid: the likeliest
 * failure of a keep-alive is a deleted secret, which arrives as an empty input, and that is what
 * the issue is for. Undefined when `failure-issue` is off, or it, `issue-token`,
 * GITHUB_REPOSITORY or GITHUB_API_URL cannot be used.
 */
function readFailureIssueTarget(getInput, env) {
    const inputs = new InputReader(getInput);
    const target = readFailureIssue(inputs, env, readGitHubApiUrl(inputs, env));
    return inputs.problems.length === 0 ? target : undefined;
}
function readGitHubApiUrl(inputs, env) {
    return (0,names/* baseUrl */.pc)(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL (environment variable)', inputs.problem);
}
function readFailureIssue(inputs, env, githubApiUrl) {
    if (!inputs.boolean('failure-issue'))
        return undefined;
    const token = inputs.text('issue-token');
    if (token === '') {
        inputs.problem('issue-token', "is empty, so `failure-issue` cannot open an issue. Leave it at its default (the workflow's GITHUB_TOKEN) and " +
            'give the job `permissions: issues: write`.');
    }
    else if (/\s/.test(token))
        inputs.problem('issue-token', 'contains white space, so it was probably pasted with extra text. Pass the token alone.');
    const repository = env.GITHUB_REPOSITORY ?? '';
    if (!(0,names/* isRepositoryName */.en)(repository)) {
        inputs.problem('failure-issue', 'needs GITHUB_REPOSITORY (`owner/name`), which the runner sets, to know where to open the issue.');
    }
    const [owner = '', repo = ''] = repository.split('/');
    return { token, repository: { owner, repo }, githubApiUrl, runId: workflowRun(env)?.id };
}
/** Absolute, resolved against the workspace as the runner sets it. */
function postmanPath(value, env) {
    return value === '' ? undefined : external_node_path_default().resolve(env.GITHUB_WORKSPACE || process.cwd(), value);
}
function workflowRun(env) {
    const id = Number(env.GITHUB_RUN_ID);
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!Number.isSafeInteger(id) || id <= 0 || !owner || !repo)
        return undefined;
    return { repository: { owner, repo }, id, attempt: Number(env.GITHUB_RUN_ATTEMPT) || 1 };
}

// EXTERNAL MODULE: ./src/box/error.ts
var box_error = __nccwpck_require__(1855);
;// CONCATENATED MODULE: ./src/action/refresh-failure.ts
/**
 * Why a refresh failed, in terms a person can act on: was the token used, is the chain broken,
 * what to do now.
 */






const reauthorize = (chain) => `To repair it, authorize the Box app again and store the new refresh token in the ${chain.secretLabel}: ` +
    `see "Re-authorizing" in docs/setup.md (the \`login\` command does both in one step).`;
const refresh_failure_iso = (date) => date === undefined ? 'an unknown time' : formatUtc(date, { seconds: true });
function explainRefreshFailure(error, chain) {
    if (error instanceof src_retry/* Cancelled */.cJ)
        return `${error.message} Box was not asked again; the refresh token was not used and the secret is unchanged.`;
    if (!(error instanceof box_error/* BoxError */.o))
        return `The refresh at Box failed unexpectedly: ${error_text_errorMessage(error)}`;
    const lines = [error.message];
    switch (error.kind) {
        case 'invalid_grant': {
            if (chain.rotatedMeanwhileAt !== undefined) {
                lines.push(`Another run rotated the ${chain.secretLabel} at ${refresh_failure_iso(chain.rotatedMeanwhileAt)}, while this run was ` +
                    `refreshing: ` +
                    `it used the same refresh token first and stored the new one. ` +
                    `The token chain is intact and nothing needs repairing; this run simply has no access token. ` +
                    `${CONCURRENCY_FIX}`);
                return lines.join('\n');
            }
            const expired = /expired/i.test(error.details.description ?? '');
            lines.push(expired
                ? `The token chain is broken: Box says the refresh token has expired (refresh tokens live ` +
                    `${REFRESH_TOKEN_LIFETIME_DAYS} days, or until used once).`
                : `The token chain is broken: this refresh token was already used (each can be used once) or is more than ` +
                    `${REFRESH_TOKEN_LIFETIME_DAYS} days old.`);
            if (error.earlierAmbiguousAttempt) {
                lines.push(`An earlier attempt in this run got no answer (${error.earlierAmbiguousAttempt}); ` +
                    `Box probably processed it and used the token, and its answer was lost on the way.`);
            }
            const age = ageNote(chain);
            if (age)
                lines.push(age +
                    (secretAgeDays(chain) > REFRESH_TOKEN_LIFETIME_DAYS
                        ? ` That is past Box's ${REFRESH_TOKEN_LIFETIME_DAYS}-day limit: the keep-alive schedule has not been ` +
                            `running.`
                        : ''));
            if (holdsStaleToken(chain)) {
                lines.push(staleTokenNote(chain));
                return lines.join('\n');
            }
            lines.push(`If another workflow run used the same token at the same time, that run won the race. ${CONCURRENCY_FIX}`);
            lines.push(reauthorize(chain));
            break;
        }
        case 'invalid_client':
            lines.push('Box does not accept the client credentials: check `client-id` and `client-secret` against your Box app ' +
                '(Developer Console → Configuration → OAuth 2.0 Credentials); ' +
                'a reset client secret must be updated in the secret that feeds `client-secret`. ' +
                'The refresh token was not used and is still valid.');
            break;
        case 'oauth':
            lines.push('The request was refused before the token was used; check `client-id`, `client-secret` and `box-api-url`.');
            break;
        case 'redirected':
            break;
        case 'rate_limited':
        case 'server':
        case 'not_sent':
            lines.push(error.earlierAmbiguousAttempt
                ? `Box kept failing until the retry time ran out. An earlier attempt got no answer ` +
                    `(${error.earlierAmbiguousAttempt}) ` +
                    `and may have used the refresh token: ` +
                    `if the next run fails with invalid_grant, re-authorize (docs/setup.md: "Re-authorizing").`
                : 'Box kept failing until the retry time ran out. The refresh token was not used: re-run the workflow ' +
                    'later (the secret is unchanged).');
            break;
        case 'ambiguous':
            lines.push('Box may have processed the request and used the refresh token without the answer reaching this run. ' +
                'Re-run the workflow: if it fails with invalid_grant, the token was used and the chain must be ' +
                're-authorized ' +
                '(docs/setup.md: "Re-authorizing").');
            break;
        case 'malformed':
            lines.push(reauthorize(chain));
            break;
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/action/endings.ts



function dryRun(io, prepared, warnings, chain) {
    for (const p of prepared) {
        const visibility = p.settings.visibility ? `, visibility ${String(p.settings.visibility)}` : '';
        io.info(`Dry run: would write the ${p.target.label} (public key ${p.publicKey.keyId}${visibility}).`);
    }
    io.setOutput('secret-updated', 'false');
    return {
        dryRun: true,
        results: prepared.map((p) => ({ target: p.target, outcome: 'checked' })),
        warnings,
        chain
    };
}
function failBeforeBox(io, message, chain) {
    io.setFailed(`${message}\n${NOTHING_USED}`);
    return { dryRun: false, results: [], warnings: [], failure: { stage: 'preflight', message }, chain };
}
/**
 * Box refused or never answered. After invalid_grant, the secret is read once more: if another
 * run wrote it since this run's check, that run won a race and the chain is intact.
 */
async function failAtBox(io, error, chain, github, first, warnings) {
    if (error?.kind === 'invalid_grant') {
        const written = await lastWritten(github, first.target);
        const before = chain.secretLastRotatedAt?.getTime() ?? -Infinity;
        if (written !== undefined && written.getTime() > before)
            chain.rotatedMeanwhileAt = written;
    }
    const message = explainRefreshFailure(error, chain);
    io.setFailed(message);
    return { dryRun: false, results: [], warnings, failure: { stage: 'box', message }, chain };
}

;// CONCATENATED MODULE: ./src/action/report.ts



const outcomeText = {
    created: '✅ created',
    updated: '✅ updated',
    failed: '❌ not written — see the recovery payload below',
    checked: '☑️ checked (dry run, nothing written)'
};
function summaryMarkdown(report) {
    const lines = ['## Box token refresh', ''];
    if (report.failure !== undefined) {
        lines.push({
            preflight: '❌ The run stopped before calling Box. **Nothing was changed and the refresh token was not used.**',
            box: '❌ The refresh at Box failed; no secret was written.',
            handoff: '❌ The hand-off could not be opened. **Nothing was changed.**',
            mint: '❌ Box gave no access token. **Nothing was changed.**',
            // A rotation reports a failed exchange among its warnings, under the table of what it stored.
            downscope: '❌ Box did not downscope the access token, so none was handed out.'
        }[report.failure.stage], '', fence(report.failure.message), '');
        return [...lines, ...outlookSection(report.chain)].join('\n');
    }
    if (report.minted)
        return [...lines, ...mintedLines(report)].join('\n') + '\n';
    if (report.dryRun)
        lines.push('Dry run: inputs and GitHub access were checked; Box was not called and no secret was written.', '');
    if (report.handoff)
        lines.push("The access token came from the hand-off of this run's rotating job; this job rotated nothing.", '');
    else
        lines.push('| Secret | Where | Result |', '| --- | --- | --- |');
    for (const r of report.results) {
        lines.push(`| \`${r.target.name}\` (${r.target.kindLabel}) | ${markdownText(r.target.scope)} | ${outcomeText[r.outcome]} |`);
    }
    if (!report.handoff)
        lines.push('');
    if (report.downscoped)
        lines.push(`- Downscoped to: ${markdownText(report.downscoped)}`);
    lines.push(...tokenLines(report));
    const failed = report.results.filter((r) => r.outcome === 'failed');
    if (failed.length > 0) {
        lines.push('', '### Recovery', '', 'Box has already replaced the old refresh token. Run these commands soon to store the new one (the values are ' +
            'sealed: only GitHub can open them).', '');
        for (const f of failed) {
            lines.push(`**${markdownText(f.target.label)}**:`, '', fence(f.message), '');
            if (f.recovery)
                lines.push(fence(f.recovery.command), '');
        }
    }
    lines.push(...outlookSection(report.chain));
    return lines.join('\n') + '\n';
}
/** A minted token: how, for whom, what it holds, and that nothing is written back. */
function mintedLines(report) {
    const minted = report.minted;
    if (report.dryRun)
        return [`Dry run: the inputs for ${minted.how} (${markdownText(minted.subject)}) are valid; Box was not called.`];
    const lines = [
        `An access token from Box (${minted.how}) for ${markdownText(minted.subject)}; ` +
            'nothing is written back in this mode.',
        ''
    ];
    if (minted.downscoped)
        lines.push(`- Downscoped to: ${markdownText(minted.downscoped)}`);
    lines.push(...tokenLines(report));
    if (minted.revoked !== undefined)
        lines.push(minted.revoked ? '- Revoked when the job ends (the post step).' : '- Not revoked at the end (`revoke: false`).');
    return lines;
}
/** The access token's expiry, the Postman file and the warnings, as every successful run lists them. */
function tokenLines(report) {
    const lines = [];
    if (report.accessTokenExpiresAt)
        lines.push(`- Access token expires: **${formatUtc(report.accessTokenExpiresAt)}**`);
    if (report.postmanEnvironment)
        lines.push(`- Postman environment written: ${markdownText(report.postmanEnvironment)}`);
    for (const w of report.warnings)
        lines.push(`- ⚠️ ${markdownText(w)}`);
    return lines;
}
/** "How long the token chain has", when anything is known of it. */
function outlookSection(chain) {
    const facts = chain === undefined ? [] : outlookLines(chain);
    return facts.length === 0 ? [] : ['', '### How long the token chain has', '', ...facts.map((fact) => `- ${fact}`), ''];
}
/** The summary is a courtesy: a summary file that cannot be written must not change the outcome. */
async function writeSummary(io, report) {
    await io
        .appendSummary(summaryMarkdown(report))
        .catch((error) => io.warning(`The job summary could not be written: ${error_text_errorMessage(error)}`));
}
/** A fenced block that the text cannot close: its fence is longer than any run of backticks in it. */
function fence(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const marks = '`'.repeat(Math.max(3, longest + 1));
    return `${marks}text\n${text}\n${marks}`;
}
/**
 * Text shown as itself in a line of markdown (never at its start): one line, with every character
 * that acts inside a line escaped: emphasis, code, links, table pipes, strike-through, HTML.
 */
function markdownText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
        .replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
}

;// CONCATENATED MODULE: ./src/action/failure-issue.ts








/** A few quick tries at most: the issue is a courtesy and must not hold up the step. */
const ISSUE_RETRY_BUDGET_MS = 10_000;
const ISSUE_REQUEST_TIMEOUT_MS = 10_000;
/** The failure issue, after everything else: opened or updated on failure, closed on a rotation that succeeded. */
async function fileFailureIssue(io, target, outcome, deps, redactor) {
    if (outcome.failures.length === 0 && !outcome.closeOnSuccess)
        return;
    const { repository } = target;
    const client = createGitHubClient(target.token, {
        baseUrl: target.githubApiUrl,
        retry: (0,src_retry/* retryContext */.eI)(deps.timing, ISSUE_RETRY_BUDGET_MS, { policy: deps.backoff, cancel: deps.cancel }),
        requestTimeoutMs: ISSUE_REQUEST_TIMEOUT_MS,
        redactor,
        terms: ACTION_TERMS,
        fetch: deps.githubFetch
    });
    const server = deps.env.GITHUB_SERVER_URL;
    const runUrl = server && /^https?:\/\/[^\s/]+$/.test(server) && target.runId !== undefined
        ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${target.runId}`
        : undefined;
    const where = `${repository.owner}/${repository.repo}`;
    const result = await reportToIssue(client, outcome, {
        repository,
        runUrl,
        refreshTokenExpiresAt: outcome.chain?.refreshTokenExpiresAt,
        now: new Date(deps.timing.now())
    });
    switch (result.kind) {
        case 'none':
            return;
        case 'disabled':
            return io.warning(`The failure issue could not be opened: issues are turned off in ${where} (GitHub answered 410). ` +
                'Turn them on (Settings → General → Features → Issues), or remove `failure-issue`.');
        case 'problem':
            return io.warning(`The failure issue could not be updated (\`failure-issue\`): ${result.message}` +
                (result.status === 403 || result.status === 404 ? ' Give the job `permissions: issues: write`.' : ''));
        case 'opened-unlabelled':
            return io.warning(`Opened the failure issue #${result.number} in ${where}, but GitHub did not give it the label ` +
                `\`${FAILURE_ISSUE_LABEL}\` (\`issue-token\` may not set labels). Later runs know the issue by that ` +
                `label only: add it to #${result.number}, or they open another.`);
        default: {
            const verb = { opened: 'Opened', commented: 'Commented on', closed: 'Closed' }[result.kind];
            io.info(`${verb} the failure issue #${result.number} in ${where}.`);
        }
    }
}
const FAILURE_ISSUE_TITLE = 'Box token refresh is failing';
const FAILURE_ISSUE_LABEL = 'box-token-refresh';
/** GitHub refuses issue bodies over 65,536 characters; the messages are capped well below. */
const MAX_BODY = 60_000;
async function reportToIssue(client, outcome, context) {
    const base = `${repositoryPath(context.repository)}/issues`;
    try {
        const open = await findOpenIssue(client, base);
        if (outcome.failures.length === 0) {
            if (open === undefined || !outcome.closeOnSuccess)
                return { kind: 'none' };
            await client.request('POST', `${base}/${open}/comments`, {
                body: `A run succeeded${context.runUrl ? ` (${context.runUrl})` : ''}: the token chain is healthy again. ` +
                    `Closing.`
            });
            await client.request('PATCH', `${base}/${open}`, { state: 'closed' });
            return { kind: 'closed', number: open };
        }
        const body = failureBody(outcome.failures, context);
        if (open !== undefined) {
            await client.request('POST', `${base}/${open}/comments`, { body });
            return { kind: 'commented', number: open };
        }
        const created = await client.request('POST', base, {
            title: FAILURE_ISSUE_TITLE,
            body,
            labels: [FAILURE_ISSUE_LABEL]
        });
        const issue = created.data;
        const number = Number.isSafeInteger(issue?.number) ? issue.number : 0;
        // GitHub drops the labels of a new issue, silently, when the token may not set them.
        return { kind: hasLabel(issue) ? 'opened' : 'opened-unlabelled', number };
    }
    catch (error) {
        const status = failureStatus(error);
        // GitHub's answer when the repository has issues turned off; no permission would change it.
        if (status === 410)
            return { kind: 'disabled' };
        return { kind: 'problem', message: error_text_errorMessage(error), status };
    }
}
/**
 * The open failure issue, if there is one: the newest open issue that carries the label (only
 * people with triage access can label an issue) and the title; never one found by its title alone.
 */
async function findOpenIssue(client, base) {
    const { data } = await client.request('GET', `${base}?state=open&labels=${FAILURE_ISSUE_LABEL}&per_page=100`);
    if (!Array.isArray(data))
        return undefined;
    for (const issue of data) {
        if (issue?.title === FAILURE_ISSUE_TITLE &&
            issue.pull_request === undefined &&
            hasLabel(issue) &&
            Number.isSafeInteger(issue.number))
            return issue.number;
    }
    return undefined;
}
/** Whether an issue as GitHub shows it carries the label (checked here too, not only by the query). */
function hasLabel(issue) {
    const labels = issue?.labels;
    return (Array.isArray(labels) &&
        labels.some((label) => label?.name === FAILURE_ISSUE_LABEL || label === FAILURE_ISSUE_LABEL));
}
function failureBody(failures, context) {
    const run = context.runUrl ? `[a run of this workflow](${context.runUrl})` : 'a run of this workflow';
    const expiry = context.refreshTokenExpiresAt
        ? `Until a run succeeds, the Box refresh token in the secret is not rotated: it expires on ` +
            `**${formatUtc(context.refreshTokenExpiresAt)}**, ` +
            'and after that someone must authorize the Box app again.'
        : `Until a run succeeds, the Box refresh token in the secret is not rotated, and it expires ` +
            `${REFRESH_TOKEN_LIFETIME_DAYS} days after its last rotation.`;
    const messages = failures.join('\n\n').slice(0, MAX_BODY);
    return [
        `The Box token refresh failed in ${run} on ${formatUtc(context.now)}. What failed, and what to do about it:`,
        '',
        fence(messages),
        '',
        expiry,
        '',
        'Each failing run adds a comment here; the next run that succeeds closes this issue.'
    ].join('\n');
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
class redact_Redactor {
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
function io_redacting(io, redactor) {
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
            this.problems.push(`${what} failed: ${error_text_errorMessage(error)}`);
        }
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/action/postman.ts
/**
 * The Postman environment file newman reads. It carries only what lets the Box collections call
 * the API: the access token, a future `expires_at` and `box_env_type` BEARER. It never carries
 * the refresh token or the client secret: with those absent neither the classic nor the advanced
 * collection can refresh on its own and burn the single-use refresh token inside newman.
 */




function postmanEnvironment(accessToken, expiresAt) {
    return {
        id: (0,external_node_crypto_.randomUUID)(),
        name: 'Box (box-token-refresh)',
        values: [
            { key: 'access_token', value: accessToken, type: 'secret', enabled: true },
            // Epoch milliseconds as a number: the classic collection treats "" as an error and 0 as expired.
            { key: 'expires_at', value: expiresAt.getTime(), type: 'default', enabled: true },
            { key: 'box_env_type', value: 'BEARER', type: 'default', enabled: true }
        ],
        _postman_variable_scope: 'environment'
    };
}
/** Checked before Box is called, so a bad path cannot fail the run after the token was used. */
async function checkPostmanPath(file) {
    const folder = external_node_path_default().dirname(file);
    const folderStat = await (0,promises_.stat)(folder).catch(() => undefined);
    if (!folderStat?.isDirectory()) {
        throw new Error(`\`postman-environment\`: the folder ${folder} does not exist. Create it in an earlier step (mkdir -p) or ` +
            `choose a path in the workspace.`);
    }
    if ((await (0,promises_.stat)(file).catch(() => undefined))?.isDirectory()) {
        throw new Error(`\`postman-environment\`: ${file} is a folder. Give a file path, e.g. box.postman_environment.json.`);
    }
    await (0,promises_.access)(folder, external_node_fs_namespaceObject.constants.W_OK).catch(() => {
        throw new Error(`\`postman-environment\`: the folder ${folder} is not writable by this step. Choose a path in the workspace ` +
            `or RUNNER_TEMP.`);
    });
}
/**
 * Written to a new file beside the target and renamed over it, so the file is never readable by
 * others, even briefly. The temporary name is random and created exclusively without following a
 * link: a file or symlink planted there in advance makes the write fail instead of redirecting it.
 * A failed write leaves no temporary file behind.
 */
async function writePostmanEnvironment(file, environment, randomName = () => (0,external_node_crypto_.randomBytes)(12).toString('hex')) {
    const temporary = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${randomName()}.tmp`);
    const handle = await (0,promises_.open)(temporary, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL | external_node_fs_namespaceObject.constants.O_NOFOLLOW, 0o600);
    try {
        try {
            await handle.writeFile(JSON.stringify(environment, null, 2) + '\n');
            // The mode given to open() is narrowed by the umask, never widened; this makes it exact.
            await handle.chmod(0o600);
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temporary, file);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/action/token-outputs.ts
/**
 * The access token handed to the steps that use it: the outputs, `BOX_ACCESS_TOKEN`, the Postman
 * environment file (the same for the run that rotated and for a job that opened its hand-off), and
 * to later jobs of the run: the sealed `handoff` output.
 */


/** Sets the outputs and writes the Postman file; returns the file's path when it was written. */
async function handOutAccessToken(io, config, token, steps) {
    await steps.attempt('Setting the outputs', () => {
        io.setOutput('access-token', token.accessToken);
        io.setOutput('expires-in', String(token.expiresIn));
        io.setOutput('expires-at', token.expiresAt.toISOString());
        if (token.refreshTokenExpiresAt)
            io.setOutput('refresh-token-expires-at', token.refreshTokenExpiresAt.toISOString());
        if (config.exportEnv)
            io.exportVariable('BOX_ACCESS_TOKEN', token.accessToken);
    });
    const postmanPath = config.postmanEnvironment;
    if (postmanPath === undefined)
        return undefined;
    let written;
    await steps.attempt(`Writing the Postman environment file ${postmanPath}`, async () => {
        await writePostmanEnvironment(postmanPath, postmanEnvironment(token.accessToken, token.expiresAt));
        io.setOutput('postman-environment', postmanPath);
        written = postmanPath;
    });
    return written;
}
/**
 * The `handoff` output, when the job was given `handoff-key`: the access token sealed for later
 * jobs of this run. Without the key there is no hand-off (the envelope is printed in every
 * consuming job's log, so only a key of its own may seal it). Returns a warning when the key was
 * given but the runner names no run to bind the hand-off to.
 */
async function handOff(io, config, token, steps) {
    const { handoffKey, run } = config;
    if (handoffKey === undefined)
        return undefined;
    if (run === undefined) {
        return ('`handoff-key` is set, but the runner gave no GITHUB_REPOSITORY and GITHUB_RUN_ID to bind a hand-off to, ' +
            'so there is no `handoff` output.');
    }
    const binding = { repository: `${run.repository.owner}/${run.repository.repo}`, runId: run.id };
    const sealable = {
        ...token,
        expiresAt: token.expiresAt.getTime(),
        refreshTokenExpiresAt: token.refreshTokenExpiresAt?.getTime() ?? 0
    };
    await steps.attempt('Setting the `handoff` output', () => io.setOutput('handoff', sealHandoff(sealable, handoffKey, binding)));
    return undefined;
}

;// CONCATENATED MODULE: ./src/action/handoff-job.ts
/**
 * The hand-off job: a job that takes the access token from the rotating job's hand-off. It opens
 * the hand-off, masks the token, and hands it out exactly as the rotating run does (outputs,
 * `BOX_ACCESS_TOKEN`, the Postman file), without a request to Box or GitHub. A hand-off that cannot
 * be opened stops the step with the reason before anything else happens; nothing is changed either way.
 */



async function takeHandoff(run, config) {
    const { io } = run;
    const now = run.deps.timing.now();
    let token;
    try {
        token = openHandoff(config.handoff, config.handoffKey, config.binding, now);
    }
    catch (error) {
        if (!(error instanceof HandoffError))
            throw error;
        const message = `\`handoff\` ${error.message}\nNothing was changed: a job with a hand-off never calls Box or ` + `GitHub.`;
        io.setFailed(message);
        return { dryRun: false, results: [], warnings: [], failure: { stage: 'handoff', message } };
    }
    run.mask(token.accessToken);
    const expiresAt = new Date(token.expiresAt);
    io.info(`Opened the hand-off of this run's rotating job; the access token expires at ${expiresAt.toISOString()}.`);
    const warnings = [];
    const unused = unusedCredentials(config.unused);
    if (unused !== undefined) {
        warnings.push(unused);
        io.warning(unused);
    }
    const steps = new LateSteps();
    await steps.attempt('Setting the outputs', () => io.setOutput('secret-updated', 'false'));
    const refreshTokenExpiresAt = new Date(token.refreshTokenExpiresAt);
    const postmanEnvironment = await handOutAccessToken(io, config, { ...token, expiresAt, refreshTokenExpiresAt }, steps);
    const report = {
        dryRun: false,
        handoff: true,
        results: [],
        accessTokenExpiresAt: expiresAt,
        postmanEnvironment,
        warnings,
        chain: { asOf: new Date(now), refreshTokenExpiresAt }
    };
    if (steps.problems.length > 0)
        io.setFailed(steps.problems.join('\n'));
    return report;
}
/**
 * Credentials given to a job that does not use them: harmless to the hand-off, but each one is a
 * secret this job (which runs tests) holds for nothing, so the job is told it can drop them.
 */
function unusedCredentials(names) {
    if (names.length === 0)
        return undefined;
    const quoted = names.map((name) => `\`${name}\``);
    const listed = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
    const [verb, pronoun] = quoted.length === 1 ? ['is', 'it'] : ['are', 'them'];
    return (`${listed} ${verb} not used by a job with \`handoff\`: it needs only \`handoff\` and \`handoff-key\`, ` +
        `and calls neither Box nor GitHub. Remove ${pronoun} from this step, so that the job holds no credential ` +
        'it does not need.');
}

;// CONCATENATED MODULE: ./src/box/client-credentials.ts
/**
 * The Client Credentials Grant: the app's client ID and secret for an access token that acts as
 * the enterprise's service account or one user (Box: "Client Credentials Grant"). The app must be
 * authorised by an admin of that enterprise. Box answers an access token alone: no refresh token,
 * so nothing to keep and nothing to write back.
 */


function clientCredentialsGrant(subject) {
    return {
        form: () => ({ grant_type: 'client_credentials', box_subject_type: subject.type, box_subject_id: subject.id }),
        answer: answer/* parseAccessTokenAnswer */.Nu
    };
}
function clientCredentialsToken(credentials, subject, deps) {
    return (0,token_endpoint/* requestToken */.F)(credentials, clientCredentialsGrant(subject), deps);
}

;// CONCATENATED MODULE: ./src/box/token-exchange.ts
/**
 * Token exchange: an access token (from any grant) for a downscoped one that holds only the scopes
 * asked for, and, with `resource`, only one file or folder (Box: "Downscope a token"; RFC 8693).
 * Box's sample sends no client credentials, and answers an access token alone: the child has no
 * refresh token, so a chain is never at stake here.
 */


const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
function tokenExchangeGrant(subjectToken, downscope) {
    return {
        form: () => ({
            grant_type: TOKEN_EXCHANGE_GRANT,
            subject_token: subjectToken,
            subject_token_type: ACCESS_TOKEN_TYPE,
            scope: downscope.scopes.join(' '),
            ...(downscope.resource === undefined ? {} : { resource: downscope.resource })
        }),
        clientAuthentication: false,
        answer: answer/* parseAccessTokenAnswer */.Nu
    };
}
function downscopeToken(boxApiUrl, parent, downscope, deps) {
    // tokenExchangeGrant sets clientAuthentication: false, so requestToken sends neither the client ID
    // nor the secret, and uses them for nothing else: any value here is the same request.
    // Stryker disable next-line StringLiteral: never sent (see above)
    return (0,token_endpoint/* requestToken */.F)({ boxApiUrl, clientId: '', clientSecret: '' }, tokenExchangeGrant(parent, downscope), deps);
}

;// CONCATENATED MODULE: ./src/action/downscope.ts



async function downscope(io, boxApiUrl, parent, wanted, deps) {
    io.info(`Downscoping the access token to ${describeDownscope(wanted)}…`);
    try {
        return { ok: true, token: await downscopeToken(boxApiUrl, parent, wanted, deps) };
    }
    catch (error) {
        return { ok: false, message: exchangeFailure(error) };
    }
}
/** "item_read, item_download on https://api.box.com/2.0/folders/123", for the log and the summary. */
function describeDownscope(wanted) {
    return `${wanted.scopes.join(', ')}${wanted.resource ? ` on ${wanted.resource}` : ''}`;
}
function exchangeFailure(error) {
    const said = error instanceof box_error/* BoxError */.o ? error.message : `The exchange failed: ${error_text_errorMessage(error)}.`;
    const hint = error instanceof box_error/* BoxError */.o && (error.kind === 'oauth' || error.kind === 'invalid_grant')
        ? " A token can be downscoped only to scopes it holds itself: check the app's scopes (Developer Console → " +
            'Configuration → Application Scopes) and, with `resource`, that its user can reach that item.'
        : '';
    return `Box did not downscope the access token: ${said}${hint} No access token was handed out (never the full one).`;
}

;// CONCATENATED MODULE: ./src/box/revoke.ts
/**
 * Revoking a token at Box (`POST /oauth2/revoke` with the client's ID and secret and the token;
 * Box: "Revoke a token"). For a client-credentials or JWT token it ends that token alone. For an
 * OAuth 2.0 token it ends the access token and the refresh token together (box-node-sdk: "Revoking
 * either one will disable the other as well"), so the action never revokes in that mode, nor the
 * downscoped child of an OAuth token, of which Box documents nothing.
 */

async function revoke_revokeToken(credentials, token, deps) {
    const form = () => new URLSearchParams({ client_id: credentials.clientId, client_secret: credentials.clientSecret, token }).toString();
    const answer = await postForm(`${credentials.boxApiUrl}/oauth2/revoke`, form, deps);
    await answer.body?.cancel().catch(() => undefined);
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
    const salt = (0,external_node_crypto_.randomBytes)(SALT_BYTES);
    const { nonce, sealed } = sealBytes(stateKey(clientSecret, salt), Buffer.from(JSON.stringify(tokens)), AAD);
    return [STATE_PREFIX, salt, nonce, sealed].map((part) => (typeof part === 'string' ? part : post_encode(part))).join('.');
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
const post_encode = (bytes) => bytes.toString('base64url');
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
        retry: retryContext(deps.timing, REVOKE_BUDGET_MS),
        requestTimeoutMs: REVOKE_REQUEST_TIMEOUT_MS,
        mask: (value) => redactor.add(value),
        redactor
    };
    const revoked = await Promise.all(tokens.map((token) => revokeToken(credentials, token, box).then(() => undefined, (error) => errorMessage(error))));
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

;// CONCATENATED MODULE: ./src/action/mint.ts









const GRANT_NAMES = { ccg: 'client credentials', jwt: 'JWT' };
async function mint(run, config) {
    const { deps, io } = run;
    const how = GRANT_NAMES[config.mode];
    if (config.dryRun) {
        io.info(`Dry run: the inputs are valid (${how}, for ${describeSubject(config.subject)}); Box was not called.`);
        io.setOutput('secret-updated', 'false');
        return { dryRun: true, results: [], warnings: [], minted: { how, subject: describeSubject(config.subject) } };
    }
    await deps.beforeRequests?.({ boxApiUrl: config.boxApiUrl });
    const retry = (0,src_retry/* retryContext */.eI)(deps.timing, config.retryBudgetMs, { policy: deps.backoff, cancel: deps.cancel });
    const box = {
        fetch: deps.fetch,
        retry: { ...retry, onRetry: (event) => io.info((0,src_retry/* retryNotice */.nl)('Box', event)) },
        stop: deps.stop,
        requestTimeoutMs: config.requestTimeoutMs,
        mask: run.mask,
        redactor: run.redactor
    };
    io.info(`Getting a Box access token (${how}) for ${describeSubject(config.subject)} at ${config.boxApiUrl}…`);
    let parent;
    try {
        parent = await obtain(config, box);
    }
    catch (error) {
        const message = mintFailure(error, config);
        io.setFailed(message);
        return { dryRun: false, results: [], warnings: [], failure: { stage: 'mint', message } };
    }
    const obtainedAt = deps.timing.now();
    // Kept for the post step the moment it exists, before anything else can fail.
    const keep = (tokens) => {
        if (config.revoke)
            io.saveState(REVOKE_STATE, sealRevokeState(tokens, clientSecretOf(config)));
    };
    keep([parent.accessToken]);
    const warnings = [...parent.problems];
    for (const problem of parent.problems)
        io.warning(problem);
    let token = parent;
    if (config.downscope) {
        const child = await downscope(io, config.boxApiUrl, parent.accessToken, config.downscope, box);
        if (!child.ok) {
            io.setFailed(child.message);
            return { dryRun: false, results: [], warnings, failure: { stage: 'downscope', message: child.message } };
        }
        token = child.token;
        keep([token.accessToken, parent.accessToken]);
    }
    const expiresAt = new Date(obtainedAt + token.expiresIn * 1000);
    io.info(`Box issued an access token; it expires at ${expiresAt.toISOString()}.`);
    const steps = new LateSteps();
    await steps.attempt('Setting the outputs', () => io.setOutput('secret-updated', 'false'));
    const postmanEnvironment = await handOutAccessToken(io, config, { accessToken: token.accessToken, expiresAt, expiresIn: token.expiresIn }, steps);
    if (steps.problems.length > 0)
        io.setFailed(steps.problems.join('\n'));
    return {
        dryRun: false,
        results: [],
        warnings,
        accessTokenExpiresAt: expiresAt,
        postmanEnvironment,
        minted: {
            how,
            subject: describeSubject(config.subject),
            downscoped: config.downscope && describeDownscope(config.downscope),
            revoked: config.revoke
        }
    };
}
/** The token Box mints for this mode; the JWT module is loaded here and only here. */
async function obtain(config, box) {
    const { credentials, subject, boxApiUrl } = config;
    if (credentials.mode === 'ccg')
        return clientCredentialsToken({ boxApiUrl, ...credentials }, subject, box);
    const { jwtToken } = await __nccwpck_require__.e(/* import() */ 771).then(__nccwpck_require__.bind(__nccwpck_require__, 7771));
    return jwtToken(credentials.jwt, subject, boxApiUrl, box);
}
const clientSecretOf = ({ credentials }) => credentials.mode === 'ccg' ? credentials.clientSecret : credentials.jwt.clientSecret;
/** Why Box minted no token, and what to fix: there is no chain, so nothing is ever lost here. */
function mintFailure(error, config) {
    const lines = [error instanceof box_error/* BoxError */.o ? error.message : `Getting the token failed: ${error_text_errorMessage(error)}.`];
    const app = config.mode === 'jwt' ? '`jwt-config`' : '`client-id` and `client-secret`';
    if (error instanceof box_error/* BoxError */.o) {
        switch (error.kind) {
            case 'invalid_client':
                lines.push(`Box does not accept the app's credentials: check ${app} against your Box app.`);
                break;
            case 'invalid_grant':
            case 'oauth':
                lines.push(`Box refused to give ${describeSubject(config.subject)} a token. Check that ${app} ${config.mode === 'jwt' ? 'is' : 'are'} your Box app's (Box answers so to a wrong client secret too)` +
                    (config.mode === 'jwt'
                        ? ", that the config's public key is still one of the app's (Developer Console → Configuration → " +
                            'Add and Manage Public Keys)'
                        : '') +
                    ', that an admin of the enterprise authorised the app (Admin Console → Integrations → Platform Apps ' +
                    'Manager), that `box-subject-id` is right, and, for a user, that the app may "Generate user access ' +
                    'tokens" (docs/modes.md).');
                break;
            case 'rate_limited':
            case 'server':
            case 'not_sent':
            case 'ambiguous':
                lines.push('Box kept failing until the retry time ran out: re-run the workflow later.');
                break;
            default:
                break;
        }
    }
    lines.push('Nothing was changed: this mode keeps no token chain, so a new run simply asks again.');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/recovery.ts
/**
 * The recovery payload: the new refresh token, sealed for each target, as the exact body of the
 * PUT that stores it, with a `gh api` command that sends it (`curl` where gh cannot name the host).
 * Only GitHub can open the sealed value, so printing it is safe, and running the command finishes
 * the rotation.
 *
 * The ledger keeps the payloads from the moment Box answers until each write is confirmed, so
 * whatever ends the run (a failed write, a cancellation, a bug) can still say what to run.
 */



function recoveryPayload(prepared, sealed, githubApiUrl) {
    const body = writeBody(prepared, sealed);
    const path = secretPath(prepared.target);
    const json = JSON.stringify(body);
    // The GitHub CLI takes a host name without a port (gh 2.23: "error parsing `--hostname`: invalid
    // hostname"), and without one it would talk to another server: a GHES on its own port gets curl.
    const command = new URL(githubApiUrl).port === ''
        ? ghCommand(json, path, ghHostname(githubApiUrl))
        : curlCommand(json, `${githubApiUrl}${path}`);
    return { target: prepared.target.label, method: 'PUT', path, body, command };
}
function ghCommand(json, path, hostname) {
    const words = ['gh', 'api', '--method', 'PUT', ...(hostname ? ['--hostname', hostname] : []), path, '--input', '-'];
    return `echo ${shellQuote(json)} | ${words.map(shellWord).join(' ')}`;
}
/** What bash says when GH_TOKEN is not set; words only, so that it needs no quoting inside "…". */
const CURL_TOKEN_HINT = 'set GH_TOKEN to a token that can write the secret';
/**
 * The same PUT with curl, to the full URL. The token comes from GH_TOKEN, and reaches curl through
 * its config on stdin rather than its arguments, which other users of the machine can list.
 */
function curlCommand(json, url) {
    const words = [
        'curl',
        '--config',
        '-',
        '--fail-with-body',
        '--silent',
        '--show-error',
        '--request',
        'PUT',
        '--header',
        'Accept: application/vnd.github+json',
        '--data-binary',
        json,
        url
    ];
    return (`: "\${GH_TOKEN:?${CURL_TOKEN_HINT}}" && printf 'header = "Authorization: Bearer %s"\\n' "$GH_TOKEN" | ` +
        words.map(shellWord).join(' '));
}
/** One shell word, quoted only where it must be, so the common command stays readable. */
function shellWord(word) {
    return /^[A-Za-z0-9_./%:=@-]+$/.test(word) ? word : shellQuote(word);
}
/** POSIX single quotes: nothing inside is special, and a quote is closed, escaped and reopened. */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
/** The lines a person needs to store the payloads by hand. */
function recoveryInstructions(payloads) {
    return [
        `The new refresh token could not be written to ` +
            `${payloads.length === 1 ? 'its secret' : `${payloads.length} secrets`}, and Box will not issue it again: ` +
            `store it by hand, soon (the payload is sealed with the secret's current public key):`,
        ...commandLines(payloads),
        SEALED_NOTE
    ].join('\n');
}
const WRITE_AHEAD_LEAD = {
    action: [
        'Box has issued a new refresh token and the old one no longer works. This is a sealed copy of the new one, ' +
            'logged before any write is tried,',
        'so that it is never only in memory. If this step does not go on to report every secret as written (it was ' +
            'cancelled, timed out, or the runner',
        'was lost), run these commands to store it:'
    ],
    login: [
        'Box has issued a refresh token, and this command holds the only copy. This is a sealed copy of it,',
        'logged before any write is tried, so that it is never only in memory. If this command does not go on',
        'to say that the token is stored (it was interrupted, or this machine or its connection was lost),',
        'run these commands to store it:'
    ]
};
/** What goes into the log the moment Box answers, before any write is tried. */
function writeAheadInstructions(payloads, writer = 'action') {
    return [...WRITE_AHEAD_LEAD[writer], ...commandLines(payloads), SEALED_NOTE].join('\n');
}
const SEALED_NOTE = 'The payload is sealed: only GitHub can open it, so it is safe in this log. ' +
    'Run the command with a token that can write the secret (gh auth login, or GH_TOKEN).';
/** One entry per payload: its target, then its command, indented. */
function commandLines(payloads) {
    return payloads.map((p) => `  ${p.target}:\n    ${p.command}`);
}
/** The sealed copies of one rotation, and which of them are stored. */
class RecoveryLedger {
    payloads = new Map();
    stored = new Set();
    writer;
    /** How a payload can still be sent when the run's own write-back cannot finish (see `rescue`). */
    attachWriter(writer) {
        this.writer = writer;
    }
    /**
     * After an unexpected error: sends every payload not yet stored, once each, and marks what GitHub
     * confirmed. Resolves (never rejects) when all are settled or `deadline` aborts; returns the
     * targets it stored.
     */
    async rescue(deadline) {
        const writer = this.writer;
        if (writer === undefined)
            return [];
        const stored = await Promise.all(this.pending().map((payload) => writer(payload, deadline).then(() => (this.markStored(payload.target), [payload.target]), () => [])));
        return stored.flat();
    }
    record(payload) {
        this.payloads.set(payload.target, payload);
    }
    markStored(target) {
        this.stored.add(target);
    }
    /** The payloads whose write has not been confirmed. */
    pending() {
        return [...this.payloads.values()].filter((p) => !this.stored.has(p.target));
    }
    /**
     * The words that end a run cut short (an unexpected error, a cancellation that could not finish):
     * `reason`, then, for every sealed copy still not stored, how to store it.
     */
    lastWords(reason) {
        const pending = this.instructions();
        return pending === undefined ? reason : `${reason}\n${pending}`;
    }
    /** The instructions for what is still pending, or undefined when nothing is. */
    instructions() {
        const pending = this.pending();
        return pending.length === 0 ? undefined : recoveryInstructions(pending);
    }
    /** What to log the moment the payloads are recorded, before any write; undefined when there are none. */
    writeAheadInstructions(writer = 'action') {
        const pending = this.pending();
        return pending.length === 0 ? undefined : writeAheadInstructions(pending, writer);
    }
}

;// CONCATENATED MODULE: ./src/github/secret-writer.ts



/**
 * Before Box: the targets prepared and libsodium able to seal with each key, in one parallel round.
 * `problems` lists every failure, each saying what to fix.
 */
async function prepareWrite(github, targets, newVisibility, sealer) {
    const [results, loaded] = await Promise.all([
        Promise.allSettled(targets.map((t) => prepareTarget(github, t, newVisibility))),
        sealer.catch((error) => new Error(`libsodium, which seals the secret, could not be loaded: ${error.message}`))
    ]);
    const problems = [];
    const prepared = [];
    for (const result of results) {
        if (result.status === 'fulfilled')
            prepared.push(result.value);
        else
            problems.push(error_text_errorMessage(result.reason));
    }
    if (loaded instanceof Error)
        return { problems: [...problems, loaded.message] };
    for (const p of prepared) {
        try {
            loaded.check(p.publicKey);
        }
        catch (error) {
            problems.push(`GitHub's public key for the ${p.target.label} cannot seal a value: ` +
                `${error_text_errorMessage(error)}. Try again; if it persists, GitHub is serving a bad key.`);
        }
    }
    return problems.length > 0 ? { problems } : { write: { github, targets: prepared, sealer: loaded }, problems: [] };
}
const REFRESH_TOKEN = {
    name: 'The new refresh token',
    ifUnsealable: 're-authorize (docs/setup.md: "Re-authorizing")'
};
/**
 * After Box: seal `value` for every target, log the sealed copies, write every target in parallel,
 * mark each confirmed write in the ledger. Each write is owed: it is tried even when the run was
 * cancelled meanwhile, and given up only when `lastCall` aborts (GitHubClient `forWriteBack`). The
 * ledger also learns how to send what is still pending, should the run end before its writes settle.
 */
async function storeSecret(write, value, options) {
    const { github } = write;
    const { ledger } = options;
    const copies = sealForTargets(write, value, options, ledger);
    const sealed = ledger.pending();
    if (sealed.length > 0)
        options.logSealedCopies(sealed);
    const writer = github.forWriteBack(options.lastCall);
    ledger.attachWriter((payload, deadline) => github.forWriteBack(deadline).request('PUT', payload.path, payload.body, { once: true }));
    return Promise.all(copies.map(async (copy) => {
        const { target } = copy.prepared;
        if ('problem' in copy)
            return { target, outcome: 'failed', message: copy.problem };
        let outcome;
        try {
            outcome = await writeSecret(writer, copy.prepared, copy.sealed);
        }
        catch (error) {
            return { target, outcome: 'failed', message: error_text_errorMessage(error), recovery: copy.payload };
        }
        ledger.markStored(target.label);
        options.onWritten(target, outcome);
        return { target, outcome };
    }));
}
/**
 * Seals the value for every target and records each payload in the ledger. It cannot throw: it
 * runs between Box's answer and the line that logs the sealed copies, where an exception would
 * lose the value. Every key was checked before Box was called, so a failure here is not expected;
 * it is reported per target.
 */
function sealForTargets(write, value, options, ledger) {
    const { name, ifUnsealable } = options.value ?? REFRESH_TOKEN;
    return write.targets.map((p) => {
        try {
            const sealed = write.sealer.seal(value, p.publicKey);
            const payload = recoveryPayload(p, sealed, write.github.baseUrl);
            ledger.record(payload);
            return { prepared: p, sealed, payload };
        }
        catch (error) {
            return {
                prepared: p,
                problem: `${name} could not be sealed for the ${p.target.label} (${error_text_errorMessage(error)}), so it cannot be ` +
                    `stored: ${ifUnsealable}.`
            };
        }
    });
}
/**
 * What a person must be told when writes failed: each failure, then the commands that finish the
 * write by hand. Undefined when every write landed.
 */
function writeBackFailure(results) {
    const failed = results.flatMap((r) => (r.outcome === 'failed' ? [r] : []));
    if (failed.length === 0)
        return undefined;
    const recoveries = failed.flatMap((f) => (f.recovery ? [f.recovery] : []));
    return {
        recoveries,
        message: [
            ...failed.map((f) => f.message),
            ...(recoveries.length > 0 ? [recoveryInstructions(recoveries)] : [])
        ].join('\n')
    };
}

;// CONCATENATED MODULE: ./src/seal.ts
/**
 * libsodium sealed boxes, as GitHub requires for secret values. Standard padded base64 both ways:
 * libsodium-wrappers defaults to URL-safe base64 without padding, which GitHub rejects.
 */
let loading;
/**
 * Loaded on demand (the module is large and its WebAssembly takes a moment to start), so the
 * caller can start this while its first requests are in flight. Memoised: one load per process.
 *
 * The load waits one turn of the event loop: loading takes the thread that also sends requests,
 * so requests the caller starts in the same turn (the preflight reads) leave first.
 */
function loadSealer() {
    loading ??= new Promise((resolve) => setImmediate(resolve))
        .then(() => __nccwpck_require__.e(/* import() */ 768).then(__nccwpck_require__.bind(__nccwpck_require__, 4768)))
        .then(async ({ default: sodium }) => {
        await sodium.ready;
        // The first seal runs libsodium's code for the first time and takes a few milliseconds more
        // than the next: spend them here, while the caller's requests are in flight, rather than
        // between Box's answer and the secret write. A throwaway key; nothing leaves the process.
        // Stryker disable next-line StringLiteral: the warm-up's sealed text is thrown away; any text warms up
        sodium.crypto_box_seal(sodium.from_string('warm-up'), sodium.crypto_box_keypair().publicKey);
        const ORIGINAL = sodium.base64_variants.ORIGINAL;
        const keyBytes = (publicKey) => {
            let bytes;
            try {
                bytes = sodium.from_base64(publicKey.key, ORIGINAL);
            }
            catch {
                throw new Error(`public key ${publicKey.keyId} is not valid base64`);
            }
            if (bytes.length !== sodium.crypto_box_PUBLICKEYBYTES) {
                throw new Error(`public key ${publicKey.keyId} has ${bytes.length} bytes, not ${sodium.crypto_box_PUBLICKEYBYTES}`);
            }
            return bytes;
        };
        return {
            check: (publicKey) => void keyBytes(publicKey),
            seal: (value, publicKey) => ({
                encryptedValue: sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(value), keyBytes(publicKey)), ORIGINAL),
                keyId: publicKey.keyId
            })
        };
    });
    return loading;
}

;// CONCATENATED MODULE: ./src/action/checks.ts
/**
 * Round 1 of a rotation: everything that can fail without Box, checked in one parallel round of
 * requests, so a run that fails here has consumed nothing: the secret writer's own step before Box
 * (every target's public key, metadata and access, libsodium able to seal with each key), a
 * repository secret that would shadow an organization secret, the Postman path, and when this run
 * was queued (to spot a stale token).
 */





async function checkBeforeBox(github, config, targets, sealer) {
    const workflowRepository = config.run?.repository;
    const [ready, runQueuedAt, shadowProblems, postmanProblem] = await Promise.all([
        prepareWrite(github, targets, config.organizationVisibility, sealer),
        // Environment secrets are read when the job starts, not when the run is queued.
        targets[0].kind === 'environment' ? undefined : runQueuedTime(github, config),
        Promise.all(targets.map((t) => t.kind === 'organization' && workflowRepository
            ? shadowingSecretProblem(github, t, workflowRepository)
            : undefined)),
        config.postmanEnvironment === undefined
            ? undefined
            : checkPostmanPath(config.postmanEnvironment).then(() => undefined, (error) => error_text_errorMessage(error))
    ]);
    const problems = [...ready.problems];
    for (const problem of [...shadowProblems, postmanProblem])
        if (problem !== undefined)
            problems.push(problem);
    if (problems.length > 0 || !('write' in ready))
        return { ok: false, problems };
    return { ok: true, write: ready.write, runQueuedAt };
}
/**
 * When this run (attempt) was queued: GitHub reads repository and organization secrets then, so
 * a secret rotated later means this run holds a stale token. Only detail: any failure is ignored.
 */
async function runQueuedTime(github, config) {
    if (config.run === undefined)
        return undefined;
    const { repository, id, attempt } = config.run;
    try {
        const { data } = await github.request('GET', `${repositoryPath(repository)}/actions/runs/${id}`, undefined, {
            once: true
        });
        const { created_at: createdAt, run_started_at: startedAt } = (data ?? {});
        const when = attempt > 1 ? (startedAt ?? createdAt) : createdAt;
        const date = typeof when === 'string' && when.length <= 40 ? new Date(when) : undefined;
        return date && !Number.isNaN(date.getTime()) ? date : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/action/rotation.ts














const WRITE_AHEAD_GROUP = 'Recovery payload (sealed copy of the new refresh token, logged before any write)';
/** Rounds 1 to 3: the checks, the refresh, the write-back, and what the run hands out. */
async function rotate(run, config) {
    const { deps, io } = run;
    if (config.revokeAsked) {
        io.notice('`revoke: true` does nothing in OAuth 2.0 mode: revoking an OAuth token ends the refresh token with it, ' +
            'which would break the token chain, so this mode never revokes (docs/modes.md, "Revocation").');
    }
    await deps.beforeRequests?.(config);
    // Started now so that loading libsodium overlaps the checks' requests.
    const sealer = loadSealer();
    sealer.catch(() => undefined);
    // One budget for the checks and the refresh; the write-back gets a whole one again.
    const retry = (0,src_retry/* retryContext */.eI)(deps.timing, config.retryBudgetMs, { policy: deps.backoff, cancel: deps.cancel });
    const logRetry = (service) => (event) => io.info((0,src_retry/* retryNotice */.nl)(service, event));
    const github = createGitHubClient(config.githubToken, {
        baseUrl: config.githubApiUrl,
        retry,
        requestTimeoutMs: config.requestTimeoutMs,
        redactor: run.redactor,
        terms: ACTION_TERMS,
        fetch: deps.githubFetch,
        onRetry: logRetry('GitHub')
    });
    // Round 1: every check that does not involve Box.
    const targets = secretTargets(config);
    io.info(`Checking ${targets.map((t) => t.label).join(' and ')}…`);
    const checked = await checkBeforeBox(github, config, targets, sealer);
    const first = checked.ok ? checked.write.targets[0] : undefined;
    const chain = {
        asOf: new Date(deps.timing.now()),
        secretLabel: first?.target.label,
        secretLastRotatedAt: first?.existing?.updatedAt,
        runQueuedAt: checked.ok ? checked.runQueuedAt : undefined,
        githubTokenExpiresAt: github.tokenExpiresAt()
    };
    chain.refreshTokenExpiresAt = chain.secretLastRotatedAt && refreshTokenExpiry(chain.secretLastRotatedAt.getTime());
    if (!checked.ok)
        return failBeforeBox(io, checked.problems.join('\n'), chain);
    const { write } = checked;
    for (const p of write.targets)
        if (p.existing === undefined)
            io.info(`The ${p.target.label} does not exist yet; it will be created.`);
    // A token that another run has already used can only earn invalid_grant, and presenting a used
    // refresh token is what OAuth servers treat as a replay: do not send it.
    if (holdsStaleToken(chain))
        return failBeforeBox(io, `${staleTokenNote(chain)}\nThis run did not call Box.`, chain);
    const warnings = [];
    const ageWarning = rotationWarning(chain);
    if (ageWarning !== undefined) {
        warnings.push(ageWarning);
        io.warning(ageWarning);
    }
    if (config.dryRun)
        return dryRun(io, write.targets, warnings, chain);
    if (deps.cancel?.aborted)
        return failBeforeBox(io, 'The run was cancelled before Box was called.', chain);
    // Round 2: the refresh. From its answer on, the new refresh token exists only in this process.
    io.info(`Refreshing the Box token pair at ${config.boxApiUrl}/oauth2/token…`);
    const box = {
        fetch: deps.fetch,
        retry: { ...retry, onRetry: logRetry('Box') },
        stop: deps.stop,
        requestTimeoutMs: config.requestTimeoutMs,
        mask: run.mask,
        redactor: run.redactor
    };
    let pair;
    try {
        pair = await refreshTokenPair(config, config.refreshToken, box);
    }
    catch (error) {
        return failAtBox(io, error, chain, github, write.targets[0], warnings);
    }
    // Round 3: the write-back, and what the run hands out.
    const refreshedAt = deps.timing.now();
    chain.refreshTokenExpiresAt = refreshTokenExpiry(refreshedAt);
    retry.budget.renew(); // the write-back gets the whole budget, however long the first phase took
    const results = await writeBack(run, write, pair, warnings);
    return handOut(run, config, pair, refreshedAt, { dryRun: false, results, warnings, chain }, box);
}
/**
 * The secret writer's step after Box: the sealed copies logged in a group of their own before any
 * write, then the writes. Box's remarks on its answer (a lifetime out of range, no access token)
 * are told only after the sealed copies: nothing may stand before them.
 */
function writeBack(run, write, pair, warnings) {
    const { io } = run;
    const writing = storeSecret(write, pair.refreshToken, {
        ledger: run.ledger,
        logSealedCopies: (payloads) => {
            io.startGroup(WRITE_AHEAD_GROUP);
            io.info(writeAheadInstructions(payloads, 'action'));
            io.endGroup();
        },
        onWritten: (target, outcome) => io.info(`${outcome === 'created' ? 'Created' : 'Updated'} the ${target.label}.`),
        lastCall: run.deps.lastCall
    });
    for (const problem of pair.problems) {
        warnings.push(problem);
        io.warning(problem);
    }
    return writing;
}
/** Outputs and the Postman file; the recovery goes out first, and nothing later may hide it. */
async function handOut(run, config, pair, refreshedAt, report, box) {
    const { io } = run;
    const failure = writeBackFailure(report.results);
    const steps = new LateSteps();
    if (failure !== undefined) {
        await steps.attempt('Setting the `recovery` output', () => io.setOutput('recovery', JSON.stringify(failure.recoveries)));
        io.setFailed(failure.message);
    }
    const refreshTokenExpiresAt = refreshTokenExpiry(refreshedAt);
    await steps.attempt('Setting the outputs', () => io.setOutput('secret-updated', failure === undefined ? 'true' : 'false'));
    const accessToken = pair.accessToken;
    if (accessToken === undefined) {
        await steps.attempt('Setting the outputs', () => io.setOutput('refresh-token-expires-at', refreshTokenExpiresAt.toISOString()));
        const stored = failure === undefined
            ? 'The new refresh token was stored, so the token chain is intact: re-run the workflow to get an access token.'
            : '';
        steps.problems.push(`${pair.problems[0] ?? 'Box issued no access token.'} ${stored}`.trim());
    }
    else if (config.downscope !== undefined) {
        // After the write-back: a failed exchange never costs the chain, and the parent never leaves the step.
        const child = await downscope(io, config.boxApiUrl, accessToken, config.downscope, box);
        if (child.ok) {
            report.downscoped = describeDownscope(config.downscope);
            await handOutToken(run, config, { ...child.token, refreshTokenExpiresAt }, refreshedAt, steps, report);
        }
        else {
            await steps.attempt('Setting the outputs', () => io.setOutput('refresh-token-expires-at', refreshTokenExpiresAt.toISOString()));
            report.warnings.push(child.message);
            steps.problems.push(child.message);
        }
    }
    else {
        await handOutToken(run, config, { accessToken, expiresIn: pair.expiresIn, refreshTokenExpiresAt }, refreshedAt, steps, report);
    }
    if (steps.problems.length > 0) {
        const written = failure === undefined ? 'The refresh token was stored as reported above; ' : '';
        io.setFailed(`${written}${steps.problems.join('\n')}`);
    }
    return report;
}
/** The access token (the parent, or its downscoped child) to the outputs, the Postman file and the hand-off. */
async function handOutToken(run, config, issued, refreshedAt, steps, report) {
    const { io } = run;
    const token = {
        accessToken: issued.accessToken,
        expiresAt: new Date(refreshedAt + issued.expiresIn * 1000),
        expiresIn: issued.expiresIn,
        refreshTokenExpiresAt: issued.refreshTokenExpiresAt
    };
    io.info(`Box issued a new access token; it expires at ${token.expiresAt.toISOString()}.`);
    report.accessTokenExpiresAt = token.expiresAt;
    report.postmanEnvironment = await handOutAccessToken(io, config, token, steps);
    const unbound = await handOff(io, config, token, steps);
    if (unbound !== undefined) {
        report.warnings.push(unbound);
        io.warning(unbound);
    }
}

;// CONCATENATED MODULE: ./src/action/run.ts
/**
 * One run of the action, as every job of it sees it: the collaborators it was given, its voice
 * (scrubbed of every credential the run learns, and keeping every error it reports for the failure
 * issue), the mask that teaches a credential to both the redactor and the runner, and the ledger of
 * sealed copies not yet stored.
 */



function startRun(deps) {
    const redactor = deps.redactor ?? new redact_Redactor();
    const scrubbed = io_redacting(deps.io, redactor);
    const failures = [];
    const io = { ...scrubbed, setFailed: (message) => (failures.push(message), scrubbed.setFailed(message)) };
    return {
        deps,
        io,
        redactor,
        mask: (value) => {
            redactor.add(value);
            io.setSecret(value);
        },
        ledger: deps.ledger ?? new RecoveryLedger(),
        failures,
        successClosesIssue: false
    };
}

;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The action, as one story: mask the credentials, read the inputs and pick the job (a rotation, a
 * token minted for a server, or a job that takes the rotating job's hand-off), run it, then finish
 * in one place: the GitHub token's warning, the job summary, the failure issue. Every job returns
 * its report; none writes the summary itself. The collaborators are injected (run.ts), so tests run it in process.
 */











async function main(deps) {
    const run = startRun(deps);
    // Masked before anything else can print, including validation messages.
    for (const name of credentialInputs) {
        const value = deps.io.getInput(name).trim();
        if (value !== '')
            run.mask(value);
    }
    let report;
    try {
        report = await runJob(run);
    }
    catch (error) {
        report = await endUnexpectedly(run, error);
    }
    await finish(run, report);
    return report;
}
/** The job the inputs name, or the refusal of inputs that are not valid. */
async function runJob(run) {
    const { env } = run.deps;
    const getInput = (name) => run.deps.io.getInput(name);
    const handoffJob = takesHandoff(getInput);
    try {
        // A job with a hand-off only opens it: no Box, no GitHub, no rotation.
        if (handoffJob)
            return await takeHandoff(run, readHandoffConfig(getInput, env));
        const config = await readConfig(getInput, env, run.mask);
        if (config.mode !== 'oauth')
            return await mint(run, config);
        run.failureIssue = config.failureIssue;
        run.successClosesIssue = !config.dryRun;
        return await rotate(run, config);
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        // A rotating job still tells its failure issue, when that can be used: the likeliest failure of
        // a keep-alive is a deleted secret, which arrives as an empty input.
        if (!handoffJob)
            run.failureIssue = readFailureIssueTarget(getInput, env);
        return failBeforeBox(run.io, error.list);
    }
}
/**
 * A bug (every expected failure is reported by its job). The writes still owed are tried once more,
 * and the error says how to store what is still not stored.
 */
async function endUnexpectedly(run, error) {
    const afterBox = run.ledger.pending().length > 0;
    const deadline = run.deps.lastCall ?? AbortSignal.timeout(30_000);
    for (const target of await run.ledger.rescue(deadline))
        run.io.info(`Stored the ${target} after all.`);
    const reason = `Unexpected error${afterBox ? ' after Box issued the new token' : ''}: ${bugReport(error)}`;
    run.io.setFailed(run.ledger.lastWords(reason));
    return { dryRun: false, results: [], warnings: [] };
}
/** After the job, once: the GitHub token's warning, the summary, then the failure issue. */
async function finish(run, report) {
    const { chain } = report;
    if (chain !== undefined && githubTokenNearItsEnd(chain)) {
        chain.nextScheduledRun = await nextScheduledRun(run.deps.env, chain.asOf);
        const warning = githubTokenWarning(chain, ACTION_TERMS);
        if (warning !== undefined) {
            report.warnings.push(warning);
            run.io.warning(warning);
        }
    }
    await writeSummary(run.io, report);
    // Last of all, and not when the run was cancelled; what it quotes is cleaned once more.
    if (run.failureIssue !== undefined && !run.deps.cancel?.aborted) {
        await fileFailureIssue(run.io, run.failureIssue, {
            failures: run.failures.map((f) => run.redactor.scrub(f)),
            chain,
            closeOnSuccess: run.successClosesIssue
        }, run.deps, run.redactor);
    }
}

;// CONCATENATED MODULE: ./src/shutdown.ts
/**
 * How a process of ours ends when it is told to, or when something no code path expected happens.
 *
 * The runner cancels a step (a cancelled run, `timeout-minutes`) with SIGINT, sends SIGTERM 7.5 s
 * later and kills 2.5 s after that; a terminal's Ctrl-C is the same SIGINT. On the first signal
 * the run is cancelled: no request starts any more and waits end, but a Box request already in
 * flight gets most of the grace period, since its answer may be the only copy of the new token, and
 * the writes that such an answer makes necessary are still tried until `lastCall`. Before the kill
 * could come, whatever is still running is cut short by `lastWords`, which reports the sealed copies
 * that are not yet stored and exits.
 *
 * The same last words serve an exception nothing caught and a process whose work never settled
 * (Node exits silently with code 13 when a top-level await is left pending with nothing scheduled);
 * there the writes still owed are tried first (`rescue`), for as long as the runner allows.
 *
 * The process's own output is the runner's pipe, not ours: an error on stdout or stderr (its reader
 * gone, EPIPE) is ignored, so that it can never cost the token either.
 */

/** Time from each signal to the runner's next, harder one. */
const GRACE_MS = { SIGINT: 7_500, SIGTERM: 2_500 };
/** The process is gone this long before the runner's next signal. */
const EXIT_MARGIN_MS = 800;
/** Writes in flight are given up this long before the exit, so the run can report them itself. */
const REPORT_MS = 500;
/** The most of the grace a Box request in flight may take; it always leaves the writes some time. */
const BOX_SHARE = 2 / 3;
/** Without a signal (an unexpected error), how long the writes still owed may take before the last words. */
const RESCUE_MS = 15_000;
/**
 * `cancelledExitCode`: the status after a signal (the login command uses 130, as shells do);
 * `rescueMs`: how long the writes still owed may take after an unexpected error when no signal came.
 */
function handleTermination(report, { cancelledExitCode = 1, rescueMs = RESCUE_MS, host = process } = {}) {
    const ignore = () => undefined;
    host.stdout.on('error', ignore);
    host.stderr.on('error', ignore);
    const cancel = new AbortController();
    const stop = new AbortController();
    const lastCall = new AbortController();
    let state = 'running';
    const end = (reason, exitCode = 1) => {
        if (state === 'over')
            return;
        state = 'over';
        try {
            report.lastWords(reason);
        }
        finally {
            host.exit(exitCode);
        }
    };
    /** An unexpected end: the writes still owed are tried first, within what the runner allows. */
    const giveUp = (reason) => {
        if (state !== 'running')
            return;
        state = 'rescuing';
        const deadline = cancel.signal.aborted ? lastCall.signal : within(rescueMs, lastCall.signal);
        void (report.rescue?.(deadline) ?? Promise.resolve())
            .catch(() => undefined)
            .then(() => {
            state = 'running';
            end(reason);
        });
    };
    const onSignal = (signal) => {
        if (state === 'over')
            return;
        // A second signal means now: give up what is in flight (the runner's own SIGTERM comes after our exit).
        if (cancel.signal.aborted) {
            stop.abort(signal);
            lastCall.abort(signal);
            return;
        }
        report.announce(signal);
        cancel.abort(signal);
        const grace = signal === 'SIGINT' ? GRACE_MS.SIGINT : GRACE_MS.SIGTERM;
        const exitAt = grace - EXIT_MARGIN_MS;
        const lastCallAt = exitAt - REPORT_MS;
        setTimeout(() => stop.abort(signal), Math.min(grace * BOX_SHARE, lastCallAt - REPORT_MS)).unref();
        setTimeout(() => lastCall.abort(signal), lastCallAt).unref();
        setTimeout(() => {
            end(`The run did not finish within ${(exitAt / 1000).toFixed(1)} s of ${signal}, so it stopped before the ` +
                `runner would kill it.`, cancelledExitCode);
        }, exitAt).unref();
    };
    host.on('SIGINT', onSignal);
    host.on('SIGTERM', onSignal);
    host.on('beforeExit', () => giveUp('The run stopped with work still pending: a request never settled, so the process had nothing left to wait on.'));
    host.on('uncaughtException', (error) => giveUp(`Unexpected error: ${bugReport(error)}`));
    host.on('unhandledRejection', (error) => giveUp(`Unexpected error: ${bugReport(error)}`));
    return {
        cancel: cancel.signal,
        stop: stop.signal,
        lastCall: lastCall.signal,
        finished: (code) => {
            state = 'over';
            if (code !== undefined)
                host.exitCode = code;
            // Sockets and timers left behind by aborted requests must not keep a cancelled step alive.
            if (cancel.signal.aborted)
                host.exit(code ?? (host.exitCode || cancelledExitCode));
        }
    };
}
/**
 * `lastCall`, or `ms` from now if that comes first. The timer is referenced: it keeps the process
 * alive even when the writes it bounds are stuck with nothing else scheduled.
 */
function within(ms, lastCall) {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort('rescue time is over'), ms);
    const onLastCall = () => deadline.abort(lastCall.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: abort fires once; the deadline's listener removes it
    lastCall.addEventListener('abort', onLastCall, { once: true });
    deadline.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        lastCall.removeEventListener('abort', onLastCall);
    });
    return deadline.signal;
}

;// CONCATENATED MODULE: ./src/action/start.ts








/** local-action's entry: takes nothing, and speaks through the @actions/core module it stubs. */
async function run() {
    await startAction(toolkitIO(await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(779), __nccwpck_require__.e(702)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7702))));
}
/** The runner's entry: the action with its real collaborators, speaking through `io`. */
async function startAction(io) {
    const ledger = new RecoveryLedger();
    const redactor = new redact_Redactor();
    const termination = handleTermination({
        announce: (signal) => io.info(`Received ${signal}: stopping. No new request is started; a Box answer already on its way is still awaited ` +
            'briefly, and a new refresh token it brings is still written.'),
        // After an unexpected error, the sealed copies not yet stored are sent once more before the last words.
        rescue: async (deadline) => {
            for (const target of await ledger.rescue(deadline))
                io.info(`Stored the ${target} after all.`);
        },
        // Whatever cut the run short, the sealed copies that are not stored yet go into the error.
        lastWords: (reason) => io.setFailed(redactor.scrub(ledger.lastWords(reason)))
    });
    try {
        await main({
            io,
            env: process.env,
            fetch: proxyAwareFetch(),
            // Once the inputs are valid: where Node's own fetch will not do, the bundled undici loads now,
            // so that the first requests still leave in the turn they are started (and, for a Box behind a
            // proxy that GitHub is not behind, during the checks rather than on the way to Box).
            beforeRequests: ({ boxApiUrl, githubApiUrl }) => {
                if (githubApiUrl === undefined)
                    return prepareFetchFor(boxApiUrl); // no GitHub in this mode
                prepareFetchFor(boxApiUrl).catch(() => undefined); // the Box request reports a failure
                return prepareFetchFor(githubApiUrl);
            },
            timing: src_retry/* realTiming */.$u,
            cancel: termination.cancel,
            stop: termination.stop,
            lastCall: termination.lastCall,
            ledger,
            redactor
        });
    }
    catch (error) {
        // main() reports every failure itself, bugs included: this is only the net under that net.
        io.setFailed(redactor.scrub(ledger.lastWords(`Unexpected error: ${bugReport(error)}`)));
    }
    termination.finished();
}


/***/ }),

/***/ 7347:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nu: () => (/* binding */ parseAccessTokenAnswer),
/* harmony export */   x$: () => (/* binding */ parseTokenAnswer)
/* harmony export */ });
/* unused harmony export EXPIRES_IN_RANGE */
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1855);
/**
 * Box's 200 answer to a token request, validated before anything is done with it: a token pair
 * (the refresh and authorization-code grants), or an access token alone (client credentials, JWT,
 * token exchange). Box has used the old refresh token by the time it answers a refresh, so nothing
 * here may throw past the caller except the one failure no client can repair: an answer without
 * the token the grant must bring.
 */

/** Printable ASCII without spaces: what Box's tokens are made of (downscoped ones are longer). */
const TOKEN_FORM = /^[\x21-\x7e]{16,4096}$/;
/** The access token lifetime accepted as Box said it: about an hour is usual, a day is the most believed. */
const EXPIRES_IN_RANGE = { min: 60, max: 86_400, fallback: 3600 };
/**
 * Box's 200 answer, validated before anything is done with it: the new refresh token must be a
 * token, or the answer counts as a failed refresh. Each token is masked the moment it is known to
 * be one. An unusable access token or lifetime does not lose the refresh token: it is noted, and
 * the refresh token is still stored.
 *
 * `cut` says why the answer ended early (the connection failed, the rest never came): what arrived
 * is still read, and a refresh token that arrived whole is still stored.
 */
function parseTokenAnswer(text, mask, cut) {
    const problems = [];
    let answer = jsonObject(text);
    if (answer === undefined && cut !== undefined) {
        answer = completeFields(text);
        // Only ever read when the refresh token below is good: without one, the answer is refused.
        problems.push(`Box's answer broke off (${cut}), but the tokens in it had arrived whole.`);
    }
    const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = answer ?? {};
    const refreshOk = isToken(refreshToken);
    const accessOk = isToken(accessToken);
    if (refreshOk)
        maskSafely(mask, refreshToken);
    if (accessOk)
        maskSafely(mask, accessToken);
    if (!refreshOk) {
        throw new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('malformed', cut === undefined
            ? `Box accepted the request, but its answer held no usable refresh token (refresh_token is ` +
                `${describeValue(refreshToken)}), ` +
                `so the refresh token it was given is probably used up.`
            : `Box accepted the request (HTTP 2xx), so it has used the refresh token it was given, but its answer broke ` +
                `off (${cut}) ` +
                `before a usable refresh token arrived. The request was not sent again: a used refresh token only earns ` +
                `invalid_grant.`);
    }
    if (!accessOk)
        problems.push(`Box's answer held no usable access token (access_token is ${describeValue(accessToken)}).`);
    return {
        refreshToken,
        accessToken: accessOk ? accessToken : undefined,
        expiresIn: lifetime(expiresIn, problems),
        problems
    };
}
/**
 * Box's 200 answer to a grant that issues an access token alone: it must hold one, masked the
 * moment it is known to be one. A refresh token in it would be kept by nobody, so it is ignored
 * (and still masked, should Box ever send one).
 */
function parseAccessTokenAnswer(text, mask, cut) {
    const problems = [];
    const answer = jsonObject(text) ?? (cut === undefined ? undefined : completeFields(text));
    const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = answer ?? {};
    if (isToken(refreshToken))
        maskSafely(mask, refreshToken);
    if (!isToken(accessToken)) {
        throw new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('malformed', `Box accepted the request, but its answer held no usable access token (access_token is ` +
            `${describeValue(accessToken)}${cut === undefined ? '' : `; the answer broke off: ${cut}`}).`);
    }
    maskSafely(mask, accessToken);
    if (cut !== undefined)
        problems.push(`Box's answer broke off (${cut}), but the access token in it had arrived whole.`);
    return { accessToken, expiresIn: lifetime(expiresIn, problems), problems };
}
function jsonObject(text) {
    try {
        const parsed = JSON.parse(text);
        // A list is JSON but no answer; if it broke off, the tokens in it are still read field by field.
        if (Array.isArray(parsed))
            return undefined;
        // Null, a string or a number, taken for an object, hold no field: the same as undefined. Nor does
        // completeFields find one in a JSON string (its quotes are escaped), so checking less is equivalent.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
        if (parsed !== null && typeof parsed === 'object')
            return parsed;
    }
    catch {
        // a non-JSON 2xx is as unusable as a JSON one without tokens
    }
    return undefined;
}
/**
 * The token fields of an answer that broke off, each only where it arrived whole: a string up to its
 * closing quote, a number followed by what ends one. Anything cut in the middle is left out.
 */
function completeFields(text) {
    const fields = {};
    for (const [, name, literal] of text.matchAll(/"(access_token|refresh_token)"\s*:\s*("(?:[^"\\]|\\.)*")/g))
        fields[name] ??= jsonObject(`{"v":${literal}}`)?.v;
    const expiresIn = /"expires_in"\s*:\s*(\d{1,12})\s*[,}]/.exec(text)?.[1];
    // Stryker disable next-line ConditionalExpression: Number(undefined) is NaN; lifetime() takes both for missing
    if (expiresIn !== undefined)
        fields.expires_in = Number(expiresIn);
    return fields;
}
/**
 * A mask that throws (the runner's stdout gone) must not cost the answer: Box has already used the
 * old token, and an exception here would be taken for a lost connection and retried with it. The
 * run's redactor learns each token before the runner is told (main.ts), so nothing prints it either way.
 */
function maskSafely(mask, value) {
    try {
        mask(value);
    }
    catch {
        // see above
    }
}
function isToken(value) {
    return typeof value === 'string' && TOKEN_FORM.test(value);
}
/** What a value is, for a message, without ever quoting it. */
function describeValue(value) {
    if (value === undefined)
        return 'missing';
    if (typeof value !== 'string')
        return value === null ? 'null' : `a ${Array.isArray(value) ? 'list' : typeof value}, not a string`;
    if (value === '')
        return 'empty';
    return (`${value.length} characters ` +
        `long${/[^\x21-\x7e]/.test(value) ? ', with spaces or characters no token has' : ''}, which is not a token`);
}
function lifetime(value, problems) {
    const { min, max, fallback } = EXPIRES_IN_RANGE;
    const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(seconds)) {
        problems.push(`Box's answer gave no usable expires_in; the access token is taken to live ${fallback} s, as Box documents.`);
        return fallback;
    }
    const clamped = Math.round(Math.min(max, Math.max(min, seconds)));
    if (clamped !== seconds)
        problems.push(`Box said the access token lives ${String(seconds).slice(0, 24)} s, which is out of range (${min}–${max}); ` +
            `${clamped} s is used.`);
    return clamped;
}


/***/ }),

/***/ 1855:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ BoxError)
/* harmony export */ });
/** How a request to Box's OAuth endpoints failed, in the terms the explanations (the action's, the login's) need. */
class BoxError extends Error {
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


/***/ }),

/***/ 5632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ requestToken)
/* harmony export */ });
/* unused harmony export postForm */
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1855);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9809);
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
const MAX_ANSWER_BYTES = 1024 * 1024;
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
            const repair = repaired || !(error instanceof _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o) ? undefined : grant.repair?.(error, deps.retry.timing.now());
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
        return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async () => {
            // Built before the attempt: a form that cannot be built is a bug, not a failed connection (nothing was sent).
            const form = body();
            try {
                return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeLimit */ .Bv)(deps.requestTimeoutMs, deps.stop, (signal) => sendOnce(url, form, signal, deps));
            }
            catch (error) {
                const boxError = error instanceof _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o ? error : connectionError(error, deps);
                if (boxError.kind === 'ambiguous')
                    ambiguous ??= boxError.message;
                throw boxError;
            }
        }, classify, deps.retry);
    }
    catch (error) {
        if (ambiguous !== undefined && (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isCancellation */ .iB)(error)) {
            throw new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('ambiguous', ambiguous === CANCELLED_WHILE_WAITING
                ? ambiguous
                : `The run was cancelled after an attempt that got no answer (${ambiguous}).`);
        }
        // An attempt that got no answer, before the one that failed: Box may have used the token then.
        if (error instanceof _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o && error.message !== ambiguous)
            error.earlierAmbiguousAttempt = ambiguous;
        throw error;
    }
}
function classify(error) {
    if (!(error instanceof _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o))
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
        throw new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('rate_limited', 'Box answered 429 Too Many Requests.', {
            status: 429,
            retryAfterMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(response.headers.get('retry-after'), deps.retry.timing.now())
        });
    }
    if (response.status >= 500) {
        // The body of a 5xx is opaque (often an HTML page from a proxy), and so is its status text: neither is quoted.
        throw new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('server', `Box answered ${response.status}.`, { status: response.status });
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
                throw new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('malformed', `Box accepted the request, but its answer is larger than ${MAX_ANSWER_BYTES / 1024} KiB, so it is not a ` +
                    `token answer.`);
            }
            if (isCompleteObject(text)) {
                cancel(); // whatever might follow a complete object is not needed
                break;
            }
        }
    }
    catch (error) {
        if (error instanceof _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o)
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
    return new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('redirected', `Box's token endpoint ${new URL(url).origin} answered ${response.status} and redirected to ${origin}. ` +
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
    return new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o(kind, `Box refused the token request: ${said}.`, {
        status,
        oauthError: code || undefined,
        description: description || undefined,
        // Box's clock, as its answer dates itself (read, validated, by the grant that needs it: JWT).
        date: response.headers.get('date')?.slice(0, 64)
    });
}
/** Connection failures before the request left are safe; any later one may have used the token. */
function connectionError(error, deps, afterHeaders = false) {
    if (error instanceof _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o)
        return error;
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isCancellation */ .iB)(error))
        return new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('ambiguous', CANCELLED_WHILE_WAITING);
    // Duck-typed, not `instanceof Error`: fetch's errors may come from another realm (a VM context).
    const name = error?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
        return new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('ambiguous', `Box did not answer within ${deps.requestTimeoutMs / 1000} s.`);
    }
    const code = causeCode(error);
    if (!afterHeaders &&
        (code === 'ECONNREFUSED' ||
            code === 'ENOTFOUND' ||
            code === 'EAI_AGAIN' ||
            code === 'ENETUNREACH' ||
            code === 'EHOSTUNREACH')) {
        return new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('not_sent', `Could not connect to Box (${code}).`);
    }
    return new _error_js__WEBPACK_IMPORTED_MODULE_0__/* .BoxError */ .o('ambiguous', `The connection to Box failed before its answer arrived (${failureDetail(error, deps)}).`);
}
/** A failed connection in a few words: its error code, or its message cleaned and capped. */
function failureDetail(error, deps) {
    const detail = causeCode(error) ?? deps.redactor.serverText(error?.message, 200);
    return detail || 'unknown error';
}
function causeCode(error) {
    for (const e of (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .causeChain */ .DD)(error)) {
        const code = e.code;
        if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code))
            return code;
    }
    return undefined;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_start_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2476);
/* harmony import */ var _action_runner_io_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9614);
/** The runner's entry: the action (action/start.ts) speaking through the runner's own file and stdout commands. */


await (0,_action_start_js__WEBPACK_IMPORTED_MODULE_0__/* .startAction */ .R)(_action_runner_io_js__WEBPACK_IMPORTED_MODULE_1__/* .runnerIO */ .$);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HY: () => (/* binding */ isBoxId),
/* harmony export */   IJ: () => (/* binding */ visibilityProblem),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   en: () => (/* binding */ isRepositoryName),
/* harmony export */   f5: () => (/* binding */ environmentProblem),
/* harmony export */   hE: () => (/* binding */ organizationProblem),
/* harmony export */   nL: () => (/* binding */ secretNameProblem),
/* harmony export */   pc: () => (/* binding */ baseUrl)
/* harmony export */ });
/* unused harmony export isLoopback */
const secretNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ownerPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const repoPattern = /^[A-Za-z0-9._-]{1,100}$/;
/** Why a secret name is not one GitHub accepts, or undefined when it is fine. */
function secretNameProblem(secretName) {
    if (!secretNamePattern.test(secretName)) {
        return (`"${secretName}" is not a valid secret name: use only letters, digits and underscores, and do not start ` +
            `with a digit.`);
    }
    if (/^GITHUB_/i.test(secretName))
        return `"${secretName}" starts with GITHUB_, which GitHub reserves. Choose another name, e.g. BOX_REFRESH_TOKEN.`;
    return undefined;
}
function environmentProblem(environment) {
    if (environment.length > 255 || /[\u0000-\u001f]/.test(environment)) {
        return 'must be an environment name of at most 255 printable characters, as shown in Settings → Environments.';
    }
    return undefined;
}
/** Only for a secret that does not exist yet: an existing one keeps its visibility and repositories. */
function visibilityProblem(visibility) {
    if (visibility === 'all' || visibility === 'private')
        return undefined;
    return visibility === 'selected'
        ? 'cannot be `selected` for a new secret, because repositories are not chosen here. ' +
            'Create the secret once in the organization settings with the repositories you want; ' +
            'that list is kept on every rotation.'
        : `must be \`private\` or \`all\`, not "${visibility}".`;
}
function organizationProblem(organization) {
    return ownerPattern.test(organization)
        ? undefined
        : `"${organization}" is not a GitHub organization login: use the name in github.com/<organization>, without ` +
            `slashes.`;
}
/** `owner/name` as GitHub allows it. */
function isRepositoryName(value) {
    const [owner = '', repo = '', ...rest] = value.split('/');
    return rest.length === 0 && ownerPattern.test(owner) && repoPattern.test(repo) && repo !== '.' && repo !== '..';
}
function parseRepository(value, problem) {
    const [owner = '', repo = ''] = value.split('/');
    if (!isRepositoryName(value)) {
        problem('repository', value === ''
            ? 'is empty and GITHUB_REPOSITORY is not set. Pass `owner/name`.'
            : `"${value}" is not \`owner/name\`: pass it as in github.com/owner/name.`);
    }
    return { owner, repo };
}
/** https only, except on this machine, where simulators and test servers live. */
function baseUrl(value, name, problem) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        problem(name, `"${value}" is not a URL. Use a full URL such as https://api.box.com.`);
        return value;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        problem(name, `"${value}" must use https (http is allowed only on a loopback address such as 127.0.0.1 or localhost).`);
    }
    if (url.username || url.password || url.search || url.hash) {
        problem(name, `"${value}" must be a plain base URL, without credentials, query or fragment.`);
    }
    return url.href.replace(/\/+$/, '');
}
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
/** Whether `value` has the form of a Box ID (enterprise, user): digits only. */
function isBoxId(value) {
    return /^[0-9]{1,20}$/.test(value);
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ realTiming),
/* harmony export */   Bv: () => (/* binding */ withTimeLimit),
/* harmony export */   DD: () => (/* binding */ causeChain),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   cJ: () => (/* binding */ Cancelled),
/* harmony export */   eI: () => (/* binding */ retryContext),
/* harmony export */   iB: () => (/* binding */ isCancellation),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   nl: () => (/* binding */ retryNotice)
/* harmony export */ });
/* unused harmony exports defaultRetryPolicy, RetryBudget, TimeLimitExceeded, throwIfCancelled, backoffDelay */
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

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

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

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ issueCommand),
/* harmony export */   s: () => (/* binding */ issue)
/* harmony export */ });
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4679);


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
    process.stdout.write(cmd.toString() + os__WEBPACK_IMPORTED_MODULE_0__.EOL);
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
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 7063:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  n: () => (/* binding */ issueFileCommand),
  v: () => (/* binding */ prepareKeyValueMessage)
});

;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/utils.js
var utils = __nccwpck_require__(4679);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${(0,utils/* toCommandValue */.E)(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = (0,utils/* toCommandValue */.E)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 1170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   yo: () => (/* binding */ markdownSummary),
/* harmony export */   z: () => (/* binding */ summary)
/* harmony export */ });
/* unused harmony exports SUMMARY_ENV_VAR, SUMMARY_DOCS_URL */
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(857);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9896);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = fs__WEBPACK_IMPORTED_MODULE_1__.promises;
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
                yield access(pathFromEnv, fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
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
        return this.addRaw(os__WEBPACK_IMPORTED_MODULE_0__.EOL);
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
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 4679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ toCommandValue),
/* harmony export */   k: () => (/* binding */ toCommandProperties)
/* harmony export */ });
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

/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ checkBypass),
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
