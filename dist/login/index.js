#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5437:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage),
/* harmony export */   r: () => (/* binding */ bugReport)
/* harmony export */ });
/**
 * An error of unknown shape in words, the one way every message of the action and the login
 * command does it: `errorMessage` for a failure that is reported as such (its message only), and
 * `bugReport` for one no code path expected (its stack, which says where).
 */
function errorMessage(error) {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
function bugReport(error) {
    const stack = error?.stack;
    return typeof stack === 'string' ? stack : errorMessage(error);
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   jw: () => (/* binding */ ghHostname),
/* harmony export */   l1: () => (/* binding */ failureStatus),
/* harmony export */   vK: () => (/* binding */ GitHubRequestError)
/* harmony export */ });
/* unused harmony exports parseTokenExpiration, classifyGitHubFailure */
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8903);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9809);
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
    const octokit = Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(434)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5434)).then(({ getOctokit }) => getOctokit(token, {
        baseUrl: options.baseUrl,
        log: silent,
        request: { fetch: options.fetch ?? (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyAwareFetch */ .Fm)() }
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
                    response = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeLimit */ .Bv)(options.requestTimeoutMs, abort, (signal) => octokitClient.request({
                        method,
                        url: path,
                        ...(body ? { data: body } : {}),
                        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
                        // The request carries the token: a redirect is reported, never followed.
                        request: { signal, redirect: 'manual', log: silent }
                    }));
                }
                catch (error) {
                    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isCancellation */ .iB)(error))
                        throw error;
                    noteExpiry(error?.response?.headers);
                    throw requestError(error, options.retry.timing.now(), redactor);
                }
                noteExpiry(response.headers);
                if (response.status >= 300 && response.status < 400)
                    throw redirectError(response.status, response.headers.location, options.baseUrl, redactor);
                return { status: response.status, data: response.data, headers: response.headers };
            };
            return (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(attempt, (error) => (once ? { retry: false } : classifyGitHubFailure(error)), {
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
        const timedOut = (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .causeChain */ .DD)(error).find((e) => e.name === 'TimeoutError');
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
        retryAfterMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(header('retry-after'), now),
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


/***/ }),

/***/ 551:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EG: () => (/* binding */ LOGIN_TERMS),
/* harmony export */   Po: () => (/* binding */ describeGitHubFailure)
/* harmony export */ });
/* unused harmony export ACTION_TERMS */
/* harmony import */ var _error_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5437);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6584);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9809);
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
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isCancellation */ .iB)(error))
        return `The run was cancelled while ${what}.`;
    if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubRequestError */ .vK))
        return `${what[0].toUpperCase()}${what.slice(1)} failed unexpectedly: ` + `${(0,_error_text_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}.`;
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


/***/ }),

/***/ 298:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Oy: () => (/* binding */ writeBody),
/* harmony export */   kz: () => (/* binding */ writeSecret),
/* harmony export */   zb: () => (/* binding */ prepareTarget)
/* harmony export */ });
/* unused harmony exports shadowingSecretProblem, lastWritten */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6584);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(551);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5617);
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
        throw new Error((0,_messages_js__WEBPACK_IMPORTED_MODULE_1__/* .describeGitHubFailure */ .Po)(error, what, target.permission, client.terms));
    };
    const path = (0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .secretPath */ .s6)(target);
    const [key, secret, selected] = await Promise.all([
        client
            .request('GET', `${target.basePath}/public-key`)
            .catch(fail(`reading the public key for the ${target.label}`)),
        client.request('GET', path).then((response) => secretAnswer(response.data, target), (error) => ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .failureStatus */ .l1)(error) === 404 ? undefined : fail(`reading the ${target.label}`)(error))),
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
                throw new Error(selected instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubRequestError */ .vK
                    ? (0,_messages_js__WEBPACK_IMPORTED_MODULE_1__/* .describeGitHubFailure */ .Po)(selected, `reading the repositories selected for the ${target.label}`, target.permission, client.terms)
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
        const response = await client.request('PUT', (0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .secretPath */ .s6)(prepared.target), writeBody(prepared, sealed));
        return response.status === 201 ? 'created' : 'updated';
    }
    catch (error) {
        throw new Error((0,_messages_js__WEBPACK_IMPORTED_MODULE_1__/* .describeGitHubFailure */ .Po)(error, `writing the ${prepared.target.label}`, prepared.target.permission, client.terms), { cause: error });
    }
}
function parseDate(value) {
    if (typeof value !== 'string' || value.length > 40)
        return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
}


/***/ }),

/***/ 5617:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ secretTargets),
/* harmony export */   s6: () => (/* binding */ secretPath)
/* harmony export */ });
/* unused harmony exports repositoryTarget, environmentTarget, organizationTarget, repositoryPath, pathSegment */
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


/***/ }),

/***/ 2430:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _error_text_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(5437);
/* harmony import */ var _login_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7812);
/* harmony import */ var _login_system_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2550);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8903);
/* harmony import */ var _recovery_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(116);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6670);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9809);
/* harmony import */ var _shutdown_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4469);
/** The `login` command's entry: real collaborators in, everything else in login/main.ts. */








const ledger = new _recovery_js__WEBPACK_IMPORTED_MODULE_3__/* .RecoveryLedger */ .nO();
// The command's own: it learns every credential login() sees, so even a bug's stack is cleaned.
const redactor = new _redact_js__WEBPACK_IMPORTED_MODULE_6__/* .Redactor */ .pO();
const termination = (0,_shutdown_js__WEBPACK_IMPORTED_MODULE_5__/* .handleTermination */ .X)({
    announce: () => process.stderr.write('\nCancelling…\n'),
    // After an unexpected error, the sealed copies not yet stored are sent once more before the last words.
    rescue: async (deadline) => {
        for (const target of await ledger.rescue(deadline))
            process.stderr.write(`Stored the ${target} after all.\n`);
    },
    lastWords: (reason) => {
        const pending = ledger.instructions();
        process.stderr.write(redactor.scrub(`${reason}\n${pending ? `${pending}\n` : 'Nothing was stored.\n'}`));
    }
}, { cancelledExitCode: _login_main_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.cancelled });
try {
    process.exitCode = await (0,_login_main_js__WEBPACK_IMPORTED_MODULE_0__/* .login */ .iD)({
        argv: process.argv.slice(2),
        env: process.env,
        // Like the action: https_proxy / no_proxy apply to Box as they do to GitHub (through Octokit).
        fetch: (0,_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyAwareFetch */ .Fm)(),
        stdout: (text) => void process.stdout.write(text),
        stderr: (text) => void process.stderr.write(text),
        prompt: _login_system_js__WEBPACK_IMPORTED_MODULE_1__/* .terminalPrompt */ .l7,
        openBrowser: (url) => (0,_login_system_js__WEBPACK_IMPORTED_MODULE_1__/* .openInBrowser */ .ce)(url),
        ghAuthToken: _login_system_js__WEBPACK_IMPORTED_MODULE_1__/* .ghAuthToken */ .b9,
        timing: _retry_js__WEBPACK_IMPORTED_MODULE_4__/* .realTiming */ .$u,
        // Run through the package's bin link, or as `node dist/login/index.js` from a clone.
        commandName: /box-token-login(\.cmd)?$/.test(process.argv[1] ?? '')
            ? 'box-token-login'
            : 'node dist/login/index.js',
        cancel: termination.cancel,
        stop: termination.stop,
        lastCall: termination.lastCall,
        ledger,
        redactor
    });
}
catch (error) {
    // Only a bug reaches here: every expected failure is reported by login() itself.
    process.stderr.write(redactor.scrub(`${ledger.lastWords(`Unexpected error: ${(0,_error_text_js__WEBPACK_IMPORTED_MODULE_7__/* .bugReport */ .r)(error)}`)}\n`));
    process.exitCode = 1;
}
termination.finished();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7812:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dc: () => (/* reexport */ EXIT),
  iD: () => (/* binding */ login)
});

// UNUSED EXPORTS: explainExchangeFailure

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

;// CONCATENATED MODULE: ./src/box/answer.ts
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
function answer_parseTokenAnswer(text, mask, cut) {
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
        throw new error_BoxError('malformed', cut === undefined
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
        throw new BoxError('malformed', `Box accepted the request, but its answer held no usable access token (access_token is ` +
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

// EXTERNAL MODULE: ./src/retry.ts
var src_retry = __nccwpck_require__(9809);
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
const MAX_ANSWER_BYTES = 1024 * 1024;
const MAX_ERROR_BYTES = 64 * 1024;
const OAUTH_ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;
const CANCELLED_WHILE_WAITING = 'The run was cancelled while it waited for Box to answer.';
/** What `grant` obtains at Box, or a BoxError that says what happened. */
async function token_endpoint_requestToken(credentials, grant, deps) {
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
            const repair = repaired || !(error instanceof error_BoxError) ? undefined : grant.repair?.(error, deps.retry.timing.now());
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
        return await (0,src_retry/* withRetry */.bD)(async () => {
            // Built before the attempt: a form that cannot be built is a bug, not a failed connection (nothing was sent).
            const form = body();
            try {
                return await (0,src_retry/* withTimeLimit */.Bv)(deps.requestTimeoutMs, deps.stop, (signal) => sendOnce(url, form, signal, deps));
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
        if (ambiguous !== undefined && (0,src_retry/* isCancellation */.iB)(error)) {
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
            retryAfterMs: (0,src_retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), deps.retry.timing.now())
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
                throw new error_BoxError('malformed', `Box accepted the request, but its answer is larger than ${MAX_ANSWER_BYTES / 1024} KiB, so it is not a ` +
                    `token answer.`);
            }
            if (isCompleteObject(text)) {
                cancel(); // whatever might follow a complete object is not needed
                break;
            }
        }
    }
    catch (error) {
        if (error instanceof error_BoxError)
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
    if ((0,src_retry/* isCancellation */.iB)(error))
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
    for (const e of (0,src_retry/* causeChain */.DD)(error)) {
        const code = e.code;
        if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code))
            return code;
    }
    return undefined;
}

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
    return { form: () => ({ grant_type: 'refresh_token', refresh_token: refreshToken }), answer: parseTokenAnswer };
}
function refreshTokenPair(credentials, refreshToken, deps) {
    return requestToken(credentials, refreshGrant(refreshToken), deps);
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __nccwpck_require__(6584);
// EXTERNAL MODULE: ./src/github/messages.ts
var messages = __nccwpck_require__(551);
// EXTERNAL MODULE: ./src/recovery.ts
var recovery = __nccwpck_require__(116);
// EXTERNAL MODULE: ./src/error-text.ts
var error_text = __nccwpck_require__(5437);
// EXTERNAL MODULE: ./src/github/secrets.ts
var secrets = __nccwpck_require__(298);
;// CONCATENATED MODULE: ./src/github/secret-writer.ts



/**
 * Before Box: the targets prepared and libsodium able to seal with each key, in one parallel round.
 * `problems` lists every failure, each saying what to fix.
 */
async function prepareWrite(github, targets, newVisibility, sealer) {
    const [results, loaded] = await Promise.all([
        Promise.allSettled(targets.map((t) => (0,secrets/* prepareTarget */.zb)(github, t, newVisibility))),
        sealer.catch((error) => new Error(`libsodium, which seals the secret, could not be loaded: ${error.message}`))
    ]);
    const problems = [];
    const prepared = [];
    for (const result of results) {
        if (result.status === 'fulfilled')
            prepared.push(result.value);
        else
            problems.push((0,error_text/* errorMessage */.g)(result.reason));
    }
    if (loaded instanceof Error)
        return { problems: [...problems, loaded.message] };
    for (const p of prepared) {
        try {
            loaded.check(p.publicKey);
        }
        catch (error) {
            problems.push(`GitHub's public key for the ${p.target.label} cannot seal a value: ` +
                `${(0,error_text/* errorMessage */.g)(error)}. Try again; if it persists, GitHub is serving a bad key.`);
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
            outcome = await (0,secrets/* writeSecret */.kz)(writer, copy.prepared, copy.sealed);
        }
        catch (error) {
            return { target, outcome: 'failed', message: (0,error_text/* errorMessage */.g)(error), recovery: copy.payload };
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
            const payload = (0,recovery/* recoveryPayload */.UH)(p, sealed, write.github.baseUrl);
            ledger.record(payload);
            return { prepared: p, sealed, payload };
        }
        catch (error) {
            return {
                prepared: p,
                problem: `${name} could not be sealed for the ${p.target.label} (${(0,error_text/* errorMessage */.g)(error)}), so it cannot be ` +
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
            ...(recoveries.length > 0 ? [(0,recovery/* recoveryInstructions */.ry)(recoveries)] : [])
        ].join('\n')
    };
}

// EXTERNAL MODULE: ./src/github/targets.ts
var github_targets = __nccwpck_require__(5617);
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

;// CONCATENATED MODULE: ./src/box/authorization-code.ts
/**
 * The authorization-code grant (the login command): the code Box sent the browser back with, for
 * the first token pair. A code lives 30 seconds and is used once (Box: "Authorization URL").
 */


function exchangeAuthorizationCode(credentials, code, redirectUri, deps) {
    return token_endpoint_requestToken(credentials, { form: () => ({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }), answer: answer_parseTokenAnswer }, deps);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/names.ts
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
function names_isRepositoryName(value) {
    const [owner = '', repo = '', ...rest] = value.split('/');
    return rest.length === 0 && ownerPattern.test(owner) && repoPattern.test(repo) && repo !== '.' && repo !== '..';
}
function parseRepository(value, problem) {
    const [owner = '', repo = ''] = value.split('/');
    if (!names_isRepositoryName(value)) {
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

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/login/flags.ts
/**
 * The login command's command line: its flags, read leniently and then judged by hand so that one
 * run reports every mistake (an unknown flag with the one probably meant, a missing value, a value
 * for a flag that takes none, a stray word) in the command's own words, never the parser's.
 */


const DEFAULT_PORT = 8976;
const DEFAULT_TIMEOUT_SECONDS = 300;
/** A person at a terminal would rather hear of a network problem in half a minute than in two. */
const DEFAULT_RETRY_TIMEOUT_SECONDS = 30;
const flags = {
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    repository: { type: 'string', short: 'R' },
    environment: { type: 'string', short: 'e' },
    organization: { type: 'string' },
    'organization-visibility': { type: 'string' },
    'secret-name': { type: 'string' },
    dependabot: { type: 'boolean' },
    'handoff-key-secret': { type: 'string' },
    'github-token': { type: 'string' },
    'github-api-url': { type: 'string' },
    'box-authorize-url': { type: 'string' },
    'box-api-url': { type: 'string' },
    port: { type: 'string', short: 'p' },
    timeout: { type: 'string' },
    'retry-timeout': { type: 'string' },
    'no-browser': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
/**
 * The flags as given, and every way the command line itself is wrong: an unknown flag (with the
 * flag that was probably meant), a flag without its value, a value for a flag that takes none, a
 * stray word. All are collected, so one run shows every mistake.
 */
function readFlags(argv) {
    const { tokens } = (0,external_node_util_.parseArgs)({ args: [...argv], options: flags, strict: false, allowPositionals: true, tokens: true });
    const values = {};
    const problems = [];
    let afterUnknown = false;
    /** A flag the parser took as the previous flag's value (`--client-secret --github-token X`). */
    let swallowed;
    for (const token of tokens) {
        if (token.kind === 'option-terminator')
            continue;
        if (token.kind === 'positional') {
            if (swallowed !== undefined) {
                // The word is that flag's value, as the person meant it: kept, and never echoed.
                values[swallowed] = flags[swallowed].type === 'boolean' ? true : token.value;
            }
            else if (!afterUnknown) {
                problems.push(`${strayWord(token.value)} is not an option: options start with -- (see --help).`);
            }
            afterUnknown = false;
            swallowed = undefined;
            continue;
        }
        afterUnknown = false;
        swallowed = undefined;
        const flag = flagNamed(token.name);
        if (flag === undefined) {
            const meant = nearestFlag(token.name);
            problems.push(`\`${token.rawName}\` is not an option of this ` +
                `command${meant ? `; did you mean \`${meant}\`?` : ' (see --help).'}`);
            afterUnknown = token.inlineValue === undefined;
            continue;
        }
        if (flags[flag].type === 'boolean') {
            if (token.value !== undefined)
                problems.push(`\`--${flag}\` takes no value: give it alone, not \`${token.rawName}=${token.value}\`.`);
            values[flag] = true;
        }
        else if (token.value === undefined || (!token.inlineValue && isFlag(token.value))) {
            problems.push(`\`--${flag}\` needs a value, e.g. \`--${flag} ${EXAMPLES[flag] ?? 'VALUE'}\`.`);
            if (token.value !== undefined)
                swallowed = flagNamed(token.value.replace(/^--?/, ''));
        }
        else {
            values[flag] = token.value;
        }
    }
    return { values, problems };
}
function flagNamed(name) {
    return Object.keys(flags).find((flag) => flag === name || flags[flag].short === name);
}
/** `--github-token` or `-R` given where a value belongs: the person left the value out. */
function isFlag(word) {
    const match = /^--?([a-zA-Z][\w-]*)$/.exec(word);
    return match !== null && flagNamed(match[1]) !== undefined;
}
/**
 * A stray word, quoted so the person sees the mistake, unless it has the shape of a credential (a
 * long run of letters, digits and _ such as a token or a client secret pasted without its flag):
 * that is described, never printed.
 */
function strayWord(word) {
    return /^[A-Za-z0-9_]{20,}$/.test(word) ? 'A word that looks like a token or secret (not shown)' : `\`${word}\``;
}
const EXAMPLES = {
    repository: 'octo-org/api-tests',
    organization: 'octo-org',
    environment: 'production',
    'handoff-key-secret': 'BOX_HANDOFF_KEY',
    port: String(DEFAULT_PORT),
    timeout: String(DEFAULT_TIMEOUT_SECONDS),
    'retry-timeout': String(DEFAULT_RETRY_TIMEOUT_SECONDS)
};
/** The flag a mistyped one most likely meant (`--repo` → `--repository (-R)`), or undefined. */
function nearestFlag(typed) {
    const name = typed.toLowerCase();
    const candidates = Object.keys(flags).map((flag) => ({ flag, distance: editDistance(name, flag) }));
    const best = candidates.find(({ flag }) => flag.startsWith(name) || name.startsWith(flag)) ??
        candidates.filter((c) => c.distance <= 2).sort((a, b) => a.distance - b.distance)[0];
    if (best === undefined)
        return undefined;
    const short = flags[best.flag].short;
    return `--${best.flag}${short ? ` (-${short})` : ''}`;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
/** Reads the flags (trimmed) and collects every problem, each naming its flag. */
class FlagReader {
    values;
    problems;
    constructor(values, syntaxProblems) {
        this.values = values;
        this.problems = [...syntaxProblems];
    }
    problem(flag, message) {
        this.problems.push(`\`${flag}\` ${message}`);
    }
    check(flag, message) {
        if (message !== undefined)
            this.problem(flag, message);
    }
    text(name) {
        const value = this.values[name];
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    }
    /** The flag, else the environment variable; white space in it is a pasting mistake. */
    credential(flag, fromEnv, variable, what) {
        const value = this.text(flag) ?? (fromEnv?.trim() || undefined);
        if (value !== undefined && /\s/.test(value)) {
            this.problem(this.values[flag] === undefined ? variable : `--${flag}`, `contains white space, so it was probably pasted with extra text. Give ${what} alone.`);
        }
        return value;
    }
    url(flag, value) {
        return baseUrl(value, flag, (name, message) => this.problem(name, message));
    }
    integer(flag, fallback, min, max, unit = '') {
        const value = this.text(flag);
        if (value === undefined)
            return fallback;
        const number = Number(value);
        if (!Number.isInteger(number) || number < min || number > max) {
            this.problem(`--${flag}`, `must be a whole number from ${min} to ${max}${unit}, not "${value}".`);
            return fallback;
        }
        return number;
    }
}

;// CONCATENATED MODULE: ./src/login/options.ts


const DEFAULT_BOX_AUTHORIZE_URL = 'https://account.box.com/api/oauth2/authorize';
const DEFAULT_BOX_API_URL = 'https://api.box.com';
const CALLBACK_PATH = '/callback';
class UsageError extends Error {
    problems;
    credentials;
    constructor(problems, 
    /** The credentials read so far, to be redacted before the problems are printed. */
    credentials = []) {
        super([
            problems.length === 1 ? 'An option is not valid:' : `${problems.length} options are not valid:`,
            ...problems.map((p) => `  - ${p}`),
            'Nothing was changed. Run with --help for how to use the command.'
        ].join('\n'));
        this.problems = problems;
        this.credentials = credentials;
        this.name = 'UsageError';
    }
}
function parseLoginArgs(argv, env) {
    const { values, problems: syntax } = readFlags(argv);
    if (values.help === true)
        return { help: true };
    const flagsRead = new FlagReader(values, syntax);
    const githubToken = githubTokenFrom(flagsRead.text('github-token'), env);
    if (githubToken !== undefined && /\s/.test(githubToken.value))
        flagsRead.problem(githubToken.source, 'contains white space. Give the token alone.');
    const { selection, organizationVisibility } = readLoginSelection(flagsRead);
    const handoffKeySecret = readHandoffKeySecret(flagsRead, selection.secretName);
    const githubApiFlag = flagsRead.text('github-api-url');
    const options = {
        clientId: flagsRead.credential('client-id', env.BOX_CLIENT_ID, 'BOX_CLIENT_ID', 'the client ID'),
        clientSecret: flagsRead.credential('client-secret', env.BOX_CLIENT_SECRET, 'BOX_CLIENT_SECRET', 'the client secret'),
        githubToken,
        selection,
        organizationVisibility,
        handoffKeySecret,
        boxAuthorizeUrl: flagsRead.url('--box-authorize-url', flagsRead.text('box-authorize-url') ?? DEFAULT_BOX_AUTHORIZE_URL),
        boxApiUrl: flagsRead.url('--box-api-url', flagsRead.text('box-api-url') ?? DEFAULT_BOX_API_URL),
        githubApiUrl: flagsRead.url(githubApiFlag === undefined && env.GITHUB_API_URL ? 'GITHUB_API_URL' : '--github-api-url', githubApiFlag ?? (env.GITHUB_API_URL || 'https://api.github.com')),
        port: flagsRead.integer('port', DEFAULT_PORT, 0, 65535),
        timeoutMs: flagsRead.integer('timeout', DEFAULT_TIMEOUT_SECONDS, 1, 3600, ' (seconds)') * 1000,
        retryTimeoutMs: flagsRead.integer('retry-timeout', DEFAULT_RETRY_TIMEOUT_SECONDS, 0, 3600, ' (seconds)') * 1000,
        openBrowser: values['no-browser'] !== true
    };
    if (flagsRead.problems.length > 0)
        throw new UsageError(flagsRead.problems, [options.clientSecret, options.githubToken?.value]);
    return { help: false, options };
}
/** Where the token goes: a repository (or one of its environments), or an organization. */
function readLoginSelection(flagsRead) {
    const secretName = flagsRead.text('secret-name') ?? 'BOX_REFRESH_TOKEN';
    flagsRead.check('--secret-name', secretNameProblem(secretName));
    const repositoryValue = flagsRead.text('repository');
    const environment = flagsRead.text('environment');
    const organization = flagsRead.text('organization');
    const dependabot = flagsRead.values.dependabot === true;
    if (repositoryValue === undefined && organization === undefined) {
        flagsRead.problem('--repository', 'is missing: say where the secret goes, with `--repository owner/name` (or `--organization name` for an ' +
            'organization secret).');
    }
    if (repositoryValue !== undefined && organization !== undefined) {
        flagsRead.problem('--organization', 'cannot be combined with `--repository`: give `--repository` for a repository or environment secret, or ' +
            '`--organization` for an organization secret.');
    }
    const repository = repositoryValue === undefined
        ? undefined
        : parseRepository(repositoryValue, (_, message) => flagsRead.problem('--repository', message));
    if (organization !== undefined)
        flagsRead.check('--organization', organizationProblem(organization));
    if (environment !== undefined) {
        if (repositoryValue === undefined)
            flagsRead.problem('--environment', 'needs `--repository`: an environment secret belongs to a repository.');
        flagsRead.check('--environment', environmentProblem(environment));
        if (dependabot)
            flagsRead.problem('--dependabot', 'cannot be combined with `--environment`: Dependabot secrets exist for repositories and organizations only.');
    }
    const visibility = flagsRead.text('organization-visibility') ?? 'private';
    flagsRead.check('--organization-visibility', visibilityProblem(visibility));
    return {
        selection: { secretName, repository, environment, organization, dependabot },
        organizationVisibility: visibility === 'all' ? 'all' : 'private'
    };
}
/** The secret the hand-off key goes to: a valid name, and not the refresh token's (names are case-insensitive). */
function readHandoffKeySecret(flagsRead, secretName) {
    const name = flagsRead.text('handoff-key-secret');
    if (name === undefined)
        return undefined;
    flagsRead.check('--handoff-key-secret', secretNameProblem(name));
    if (name.toUpperCase() === secretName.toUpperCase()) {
        flagsRead.problem('--handoff-key-secret', `must name another secret than the refresh token's (${secretName}): ` +
            'the hand-off key is a secret of its own, e.g. BOX_HANDOFF_KEY.');
    }
    return name;
}
/** The flag, then GH_TOKEN and GITHUB_TOKEN in gh's own order; `gh auth token` is asked later. */
function githubTokenFrom(flag, env) {
    if (flag !== undefined)
        return { value: flag, source: '--github-token' };
    for (const variable of ['GH_TOKEN', 'GITHUB_TOKEN']) {
        const value = env[variable]?.trim();
        if (value)
            return { value, source: variable };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/login/callback.ts
/**
 * The loopback end of the authorization-code flow: a one-shot HTTP server on 127.0.0.1 that waits
 * for Box to send the browser back with a code, the `state` that ties that answer to this login,
 * and the pages the browser shows.
 *
 * Only a request that carries this login's state is taken; any other (an old browser tab, a page
 * trying to push its own code) is refused and the wait goes on, so a forged request can never get
 * a code exchanged or stored. The request that brings the answer is sent on at once (303) to
 * RESULT_PATH, so the address bar and the tab's history never keep a URL with the code; that
 * request is held open until the command is done, so the tab shows the real outcome rather than
 * "received".
 */



/** Where the browser is sent once the answer is taken: a URL with nothing in it, for the outcome. */
const RESULT_PATH = `${CALLBACK_PATH}/result`;
/** How long close() waits for the browser to follow the redirect to RESULT_PATH. */
const RESULT_WAIT_MS = 5_000;
class ListenError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'ListenError';
    }
}
/** 256 random bits, URL-safe: unguessable, and nothing in it needs encoding. */
function newState() {
    return (0,external_node_crypto_.randomBytes)(32).toString('base64url');
}
/** Constant-time, and hashing first makes the comparison independent of the received length too. */
function sameState(expected, received) {
    const digest = (value) => (0,external_node_crypto_.createHash)('sha256').update(value, 'utf8').digest();
    return (0,external_node_crypto_.timingSafeEqual)(digest(expected), digest(received));
}
function authorizeUrl(base, params) {
    const url = new URL(base);
    url.search = new URLSearchParams({
        response_type: 'code',
        client_id: params.clientId,
        redirect_uri: params.redirectUri,
        state: params.state
    }).toString();
    return url.href;
}
/**
 * Listens on 127.0.0.1:`port` (0: any free port). `onRefused` hears about each request that was
 * turned away, with the reason, so the terminal can say so.
 */
async function startCallbackServer(port, state, onRefused) {
    // Settled by the first request with the right state, even if it comes before anyone waits.
    let deliver = () => { };
    const answer = new Promise((resolve) => (deliver = resolve));
    let held;
    let heldArrived = () => { };
    const resultRequested = new Promise((resolve) => (heldArrived = resolve));
    let taken = false;
    const server = external_node_http_default().createServer((req, res) => {
        res.on('error', () => { }); // a browser that went away is not the command's problem
        // A request line such as `GET //` is no URL at all: it gets the 404 too, instead of an exception
        // that would end the command while Box's answer may be on its way.
        const url = URL.canParse(req.url ?? '/', 'http://127.0.0.1')
            ? new URL(req.url ?? '/', 'http://127.0.0.1')
            : undefined;
        if (req.method === 'GET' && url?.pathname === RESULT_PATH && taken && held === undefined) {
            held = res;
            return heldArrived();
        }
        if (req.method !== 'GET' || url?.pathname !== CALLBACK_PATH)
            return sendPage(res, 404, {
                ok: false,
                title: 'Not found',
                message: 'This address only takes Box\u2019s redirect.'
            });
        if (taken) {
            return sendPage(res, 409, {
                ok: false,
                title: 'Already answered',
                message: 'This login has already received Box\u2019s answer. Look at the terminal.'
            });
        }
        const params = url.searchParams;
        const received = params.get('state');
        if (received === null || !sameState(state, received)) {
            onRefused(received === null
                ? 'it carries no state'
                : 'its state does not match this login (an old browser tab, or a request this command did not start)');
            return sendPage(res, 400, {
                ok: false,
                title: 'Refused',
                message: 'This answer does not belong to the login running in your terminal, so it was ignored. Use the URL the ' +
                    'running command printed.'
            });
        }
        const code = params.get('code');
        const error = params.get('error');
        if (error === null && !code) {
            onRefused('it carries neither a code nor an error');
            return sendPage(res, 400, {
                ok: false,
                title: 'Refused',
                message: 'Box\u2019s answer held no authorization code.'
            });
        }
        taken = true;
        res.writeHead(303, { location: RESULT_PATH, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
        res.end();
        deliver(error !== null
            ? { kind: 'error', error, description: params.get('error_description') ?? undefined }
            : { kind: 'code', code: code });
    });
    await new Promise((resolve, reject) => {
        server.once('error', (error) => reject(listenError(error, port)));
        server.listen(port, '127.0.0.1', () => resolve());
    });
    const bound = server.address().port;
    return {
        redirectUri: `http://127.0.0.1:${bound}${CALLBACK_PATH}`,
        waitForAnswer: (timeoutMs, cancel) => new Promise((resolve) => {
            const finish = (received) => {
                clearTimeout(timer);
                cancel?.removeEventListener('abort', onCancel);
                resolve(received);
            };
            const onCancel = () => finish(undefined);
            const timer = setTimeout(() => finish(undefined), timeoutMs);
            cancel?.addEventListener('abort', onCancel, { once: true });
            if (cancel?.aborted)
                finish(undefined);
            void answer.then(finish);
        }),
        close: async (page) => {
            // The browser may not have followed the redirect yet when the command is already done (a refusal is quick).
            if (taken && held === undefined) {
                let timer;
                await Promise.race([resultRequested, new Promise((resolve) => (timer = setTimeout(resolve, RESULT_WAIT_MS)))]);
                clearTimeout(timer);
            }
            if (held !== undefined && !held.headersSent)
                sendPage(held, page?.ok === false ? 400 : 200, page ?? { ok: false, title: 'Stopped', message: 'The command stopped. Look at the terminal.' });
            await new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
        }
    };
}
function listenError(error, port) {
    if (error.code === 'EADDRINUSE') {
        return new ListenError(error.code, `Port ${port} on 127.0.0.1 is in use, perhaps by another login that is still waiting. ` +
            `Stop it, or pass another --port (and list http://127.0.0.1:<that port>/callback in the Box app's redirect ` +
            `URIs).`);
    }
    if (error.code === 'EACCES')
        return new ListenError(error.code, `Not allowed to listen on port ${port} of 127.0.0.1. Pass a port above 1023 with --port.`);
    return new ListenError(error.code, `Could not listen on 127.0.0.1:${port}: ${error.message}.`);
}
function sendPage(res, status, page) {
    const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Box Token Refresh: ${escapeHtml(page.title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto">
<h1>${page.ok ? '\u2705' : '\u274c'} ${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
</body></html>
`;
    res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        connection: 'close',
        'content-length': Buffer.byteLength(body)
    });
    res.end(body);
}
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/login/explain.ts
/**
 * Why a login ended without storing a token, in terms a person can act on, with the exit status
 * and (once the browser is involved) the page the browser shows.
 */



const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 130 };
/** An expected way for the command to end, with its message and exit status. */
class LoginFailure extends Error {
    exitCode;
    page;
    constructor(message, exitCode = EXIT.failed, 
    /** What the browser tab shows, when the failure comes after Box's answer. */
    page) {
        super(message);
        this.exitCode = exitCode;
        this.page = page;
        this.name = 'LoginFailure';
    }
}
const cancelled = () => new LoginFailure('Cancelled. Nothing was changed.', EXIT.cancelled);
function noGitHubToken() {
    return new LoginFailure('No GitHub token: pass --github-token, set GH_TOKEN or GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth ' +
        'login`). ' +
        'The token must be able to write the secret: a fine-grained token with "Secrets: ' +
        'read and write" on the repository, or a classic token with `repo` (`admin:org` for an organization ' +
        'secret).\nNothing was changed.', EXIT.usage);
}
/** The secret targets could not be prepared; says where the GitHub token came from and how to fix its scopes. */
function preflightFailure(problems, tokenSource) {
    const source = tokenSource === '`gh auth token`'
        ? 'The GitHub token came from `gh auth token`: `gh auth status` shows its scopes, and `gh auth refresh ' +
            '--scopes <scope>` adds one.'
        : `The GitHub token came from ${tokenSource}.`;
    return new LoginFailure(`${problems.join('\n')}\n${source}\nNothing was changed, and Box was not contacted.`);
}
/** Box sent the browser back with an error instead of a code. `said` is already cleaned. */
function refusal(answer, clean) {
    const said = clean(`${answer.error}${answer.description ? ` (${answer.description})` : ''}`);
    if (answer.error === 'access_denied') {
        return new LoginFailure(`Access was not granted at Box: ${said}. Nothing was stored.\nIf that was not intended, run the command again ` +
            `and click "Grant access to Box".`, EXIT.failed, {
            ok: false,
            title: 'Access not granted',
            message: 'Box did not grant access, so nothing was stored. You can close this tab.'
        });
    }
    return new LoginFailure(`Box answered the authorization with an error: ${said}. Nothing was stored.`, EXIT.failed, {
        ok: false,
        title: 'Box refused',
        message: `Box answered: ${said}. Nothing was stored.`
    });
}
function timeoutMessage(redirectUri, options) {
    const port = new URL(redirectUri).port;
    return [
        `Box's answer did not reach ${redirectUri} within ${formatDuration(options.timeoutMs)}. Nothing was stored.`,
        `  - If Box showed "redirect_uri_mismatch", the Box app does not list this redirect URI. ` +
            `In the Developer Console open your app → Configuration → OAuth 2.0 Redirect URIs, ` +
            `add ${redirectUri} exactly (http, 127.0.0.1 rather than localhost, port ${port}, ` +
            `path ${CALLBACK_PATH}), save, and run the command again.`,
        '  - If Box showed "invalid_client", the client ID is not the one of your Box app.',
        `  - If the browser runs on another machine, its 127.0.0.1 is not this one: ` +
            `forward the port (ssh -L ${port}:127.0.0.1:${port} HOST) or run the command where the browser is.`,
        '  - To wait longer, pass --timeout SECONDS.'
    ].join('\n');
}
function explainExchangeFailure(error, redirectUri) {
    const again = 'Nothing was stored; run the command again.';
    if (!(error instanceof error_BoxError))
        return `Exchanging the authorization code failed: ${(0,error_text/* errorMessage */.g)(error)}. ${again}`;
    if (error.kind === 'invalid_client') {
        return (`${error.message} The client secret (or ID) is wrong: ` +
            `copy both from the Developer Console → your app → Configuration → OAuth 2.0 Credentials. ${again}`);
    }
    if (error.details.oauthError === 'redirect_uri_mismatch') {
        return (`${error.message} The token request's redirect URI ${redirectUri} is not one the Box app lists: ` +
            `add it under Configuration → OAuth 2.0 Redirect URIs. ${again}`);
    }
    if (error.kind === 'invalid_grant') {
        const earlier = error.earlierAmbiguousAttempt
            ? ` An earlier attempt (${error.earlierAmbiguousAttempt}) probably reached Box and used the code; ` +
                `whatever it issued was never stored and simply goes unused.`
            : '';
        return (`${error.message} An authorization code works once, and only for 30 seconds after access is ` +
            `granted.${earlier} ${again}`);
    }
    return `${error.message} ${again}`;
}
function formatDuration(ms) {
    const seconds = Math.round(ms / 1000);
    return seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`;
}

;// CONCATENATED MODULE: ./src/login/authorize.ts





async function listen(port, state, terminal) {
    try {
        return await startCallbackServer(port, state, (reason) => terminal.warn(`Refused a request to ${CALLBACK_PATH}: ${reason}. Still waiting for Box's answer.`));
    }
    catch (error) {
        if (error instanceof ListenError)
            throw new LoginFailure(`${error.message}\nNothing was changed.`);
        throw error;
    }
}
/** Shows the way to Box, waits for the browser to come back (or a Ctrl-C), and returns the code. */
async function receiveCode(server, clientId, state, options, browser, terminal) {
    const url = authorizeUrl(options.boxAuthorizeUrl, { clientId, redirectUri: server.redirectUri, state });
    terminal.info();
    terminal.info(`Listening on ${server.redirectUri} for Box's answer. The Box app must list this redirect URI`);
    terminal.info(`(Developer Console → your app → Configuration → OAuth 2.0 Redirect URIs), or Box shows "redirect_uri_mismatch".`);
    terminal.info();
    terminal.info('Open this URL in a browser on this machine, log in to Box and click "Grant access to Box":');
    terminal.info();
    terminal.info(`  ${url}`);
    terminal.info();
    if (options.openBrowser) {
        const opened = await browser.openBrowser(url).catch(() => false);
        terminal.info(opened
            ? 'Asked your browser to open it (if nothing opens, copy the URL).'
            : 'No browser could be opened from here: open the URL yourself.');
    }
    terminal.info(`Waiting for the browser (up to ${formatDuration(options.timeoutMs)}; Ctrl-C to cancel)…`);
    const answer = await server.waitForAnswer(options.timeoutMs, browser.cancel);
    if (browser.cancel?.aborted)
        throw cancelled();
    if (answer === undefined)
        throw new LoginFailure(timeoutMessage(server.redirectUri, options));
    if (answer.kind === 'error')
        throw refusal(answer, (text) => terminal.redactor.serverText(text));
    return answer.code;
}
/**
 * An authorization code lives 30 seconds: every attempt must start within 15 s of the code's
 * arrival and end within 10 s, so even the last retry is answered while the code is valid.
 */
const EXCHANGE_BUDGET_MS = 15_000;
const EXCHANGE_POLICY = { baseDelayMs: 500, maxDelayMs: 4_000 };
const EXCHANGE_REQUEST_TIMEOUT_MS = 10_000;
async function exchange(credentials, code, redirectUri, deps, terminal, onRetry) {
    const retry = {
        policy: EXCHANGE_POLICY,
        budget: new src_retry/* RetryBudget */.Km(EXCHANGE_BUDGET_MS, deps.timing.now),
        timing: deps.timing,
        cancel: deps.cancel,
        onRetry
    };
    try {
        return await exchangeAuthorizationCode(credentials, code, redirectUri, {
            fetch: deps.fetch,
            retry,
            stop: deps.stop,
            requestTimeoutMs: EXCHANGE_REQUEST_TIMEOUT_MS,
            // Both tokens are redacted from all output the moment Box's answer is parsed.
            mask: (value) => terminal.redact(value),
            redactor: terminal.redactor
        });
    }
    catch (error) {
        throw new LoginFailure(explainExchangeFailure(error, redirectUri), deps.cancel?.aborted ? EXIT.cancelled : EXIT.failed);
    }
}

;// CONCATENATED MODULE: ./src/login/credentials.ts


async function clientCredentials(options, prompt, terminal) {
    const problems = [];
    const obtain = async (given, question, hidden, missing) => {
        const value = given ?? (await ask(prompt, question, hidden));
        if (hidden)
            terminal.redact(value);
        if (!value)
            problems.push(missing);
        else if (/\s/.test(value))
            problems.push(`The ${question.replace(/[:(].*$/, '').trim()} you typed contains white space; give it alone.`);
        return value ?? '';
    };
    const clientId = await obtain(options.clientId, 'Box client ID: ', false, 'No Box client ID: pass --client-id or set BOX_CLIENT_ID (there is no terminal to ask on).');
    const clientSecret = await obtain(options.clientSecret, 'Box client secret (not shown): ', true, 'No Box client secret: set BOX_CLIENT_SECRET, or run the command in a terminal to be asked (there is no ' +
        'terminal to ask on).');
    if (problems.length > 0)
        throw new LoginFailure(`${problems.join('\n')}\nNothing was changed.`, EXIT.usage);
    return { boxApiUrl: options.boxApiUrl, clientId, clientSecret };
}
async function ask(prompt, question, hidden) {
    try {
        return (await prompt(question, { hidden }))?.trim() || undefined;
    }
    catch {
        throw cancelled();
    }
}
async function resolveGitHubToken(options, ghAuthToken, terminal) {
    if (options.githubToken !== undefined)
        return options.githubToken;
    const token = await ghAuthToken((0,client/* ghHostname */.jw)(options.githubApiUrl) ?? 'github.com');
    if (token === undefined)
        throw noGitHubToken();
    terminal.redact(token);
    return { value: token, source: '`gh auth token`' };
}

;// CONCATENATED MODULE: ./src/aead.ts
/**
 * AES-256-GCM, the one authenticated encryption of the action: the hand-off (handoff.ts) and the
 * tokens the post step revokes (action/post.ts). A value that was changed, or is opened with another
 * key or other associated data, does not open: `openSealed` says so with `undefined`, never with a
 * partial plaintext.
 */

const aead_NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** The ciphertext with its tag appended. `nonce` is for test vectors only: each seal takes a fresh one. */
function aead_sealBytes(key, plaintext, aad, nonce = randomBytes(aead_NONCE_BYTES)) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    return { nonce, sealed: Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]) };
}
function aead_openSealed(key, nonce, sealed, aad) {
    if (nonce.length !== aead_NONCE_BYTES || sealed.length <= TAG_BYTES)
        return undefined;
    try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce);
        decipher.setAAD(aad);
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    }
    catch {
        // a changed value, a wrong key or a wrong nonce: not authentic
    }
    return undefined;
}

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
const PREFIX = (/* unused pure expression or super */ null && (`box-handoff-v${VERSION}`));
const ENCRYPTION_INFO = 'box-token-refresh hand-off v2 encryption key';
const KEY_CHECK_INFO = 'box-token-refresh hand-off v2 key check';
const KEY_CHECK_BYTES = 12;
/** A hand-off that expires within this margin is refused: the consuming job needs time to use it. */
const HANDOFF_MARGIN_MS = 60_000;
/** The least a `handoff-key` may hold: 32 random bytes, as `openssl rand -base64 32` prints them. */
const HANDOFF_KEY_BYTES = 32;
const MAKE_A_KEY = (/* unused pure expression or super */ null && ('Make one with `openssl rand -base64 32` and store it as a secret, e.g. BOX_HANDOFF_KEY, or let the login command ' +
    'make and store one (`--handoff-key-secret BOX_HANDOFF_KEY`); docs/many-jobs.md.'));
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
function sealHandoff(token, handoffKey, binding, nonce = randomBytes(NONCE_BYTES)) {
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
    const derive = (info, length) => Buffer.from(hkdfSync('sha256', handoffKey, PREFIX, `${info}\n${binding.repository}\n${binding.runId}`, length));
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
            !isRepositoryName(repo) ||
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
    const plaintext = nonce && sealed && openSealed(key, nonce, sealed, Buffer.from(`${PREFIX}.${parts[1]}`));
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
    return x.length === y.length && timingSafeEqual(x, y);
}
function ago(ms) {
    const minutes = Math.round(ms / 60_000);
    if (minutes < 120)
        return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.round(minutes / 60);
    return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}

;// CONCATENATED MODULE: ./src/login/handoff-key.ts
/**
 * `--handoff-key-secret NAME`: a fresh hand-off key for the action's `handoff-key`, stored by the
 * login next to the refresh token, in the same places, with the same secret writer. The key is
 * made here from 32 random bytes and goes from this process only sealed, into the secret; it is
 * never printed. Unlike the refresh token it can always be made again, so a key that could not be
 * stored costs a command, never the token chain.
 */




/** What to do when a key cannot be sealed (or stored): make another; it costs nothing. */
const HANDOFF_KEY_REMEDY = 'make another key with `openssl rand -base64 32` and store it as that secret (docs/many-jobs.md)';
/** A new key, as `openssl rand -base64 32` would print one: what `handoff-key` takes. */
function newHandoffKey() {
    return (0,external_node_crypto_.randomBytes)(HANDOFF_KEY_BYTES).toString('base64');
}
/** The same places the refresh token goes (scope, environment, Dependabot), under the key's name. */
function handoffKeyTargets(selection, name) {
    return (0,github_targets/* secretTargets */.LN)({ ...selection, secretName: name });
}
/** Printed with the refresh token's sealed copy, before any write. */
function handoffKeyWriteAhead(payloads) {
    return [
        'A new hand-off key was made for `handoff-key` and sealed the same way. If it is not reported stored below, run ' +
            'these commands to store it:',
        ...(0,recovery/* commandLines */.Zm)(payloads)
    ].join('\n');
}
/** What a person must be told when the key was not stored; undefined when every write landed. */
function handoffKeyFailure(results) {
    const failed = results.flatMap((r) => (r.outcome === 'failed' ? [r] : []));
    if (failed.length === 0)
        return undefined;
    const payloads = failed.flatMap((f) => (f.recovery ? [f.recovery] : []));
    return [
        'The hand-off key was not stored (the refresh token is not affected by this):',
        ...failed.map((f) => `  ${f.message}`),
        ...(payloads.length > 0
            ? ['Store it with these commands (the key is sealed: only GitHub can open it):', ...(0,recovery/* commandLines */.Zm)(payloads)]
            : []),
        `Or ${HANDOFF_KEY_REMEDY}.`
    ].join('\n');
}
/** What the workflows need once the key is stored. */
function handoffKeyUsage(name, stored) {
    return (`The hand-off key is stored in the ${stored}. Give the rotating job and every job that takes its hand-off ` +
        `\`handoff-key: \${{ secrets.${name} }}\` (docs/many-jobs.md).`);
}

;// CONCATENATED MODULE: ./src/login/help.ts
/** The login command's --help: what it does, the Box app setup it needs, and every flag. */


function helpText(command = 'node dist/login/index.js') {
    const redirect = `http://127.0.0.1:${DEFAULT_PORT}${CALLBACK_PATH}`;
    return `Usage: ${command} --repository OWNER/REPO [options]

Authorizes your Box app in the browser and stores the refresh token Box issues in a GitHub
secret, where the Box Token Refresh action reads it. Run it for the first token, and again
whenever the token chain is broken (the action then reports invalid_grant). The refresh
token is never printed and never saved on this machine.

Before the first run, in the Box Developer Console (https://app.box.com/developers/console),
open your app (Custom App, User Authentication (OAuth 2.0)) → Configuration:
  - copy the Client ID and Client Secret (OAuth 2.0 Credentials);
  - under OAuth 2.0 Redirect URIs, add exactly  ${redirect}
    (http, 127.0.0.1 rather than localhost, the port given with --port) and save.
    If this URI is not listed, Box shows "redirect_uri_mismatch" instead of the consent page.

Where the token goes (give --repository or --organization):
  -R, --repository OWNER/REPO    repository whose secret is written
  -e, --environment NAME         write this environment's secret of --repository instead
      --organization ORG         write the organization secret instead
      --organization-visibility private|all
                                 visibility of a new organization secret (default private;
                                 an existing secret keeps its visibility and repositories)
      --secret-name NAME         secret name (default BOX_REFRESH_TOKEN)
      --dependabot               also write the Dependabot secret of the same name
      --handoff-key-secret NAME  also make a hand-off key (32 random bytes, base64) for the
                                 action's handoff-key and store it in the secret NAME (e.g.
                                 BOX_HANDOFF_KEY), in the same places; it is never shown

Box app credentials:
      --client-id ID             default $BOX_CLIENT_ID; asked for when missing
      --client-secret SECRET     default $BOX_CLIENT_SECRET; asked for, without echo, when
                                 missing (a flag ends up in your shell history)

GitHub (the token must be able to write the secret: a fine-grained token with
"Secrets: read and write", a classic token with repo, or admin:org for an organization):
      --github-token TOKEN       default $GH_TOKEN, then $GITHUB_TOKEN, then \`gh auth token\`
                                 when the GitHub CLI is installed and logged in
      --github-api-url URL       default $GITHUB_API_URL or https://api.github.com

The browser round trip:
  -p, --port PORT                port of the loopback redirect (default ${DEFAULT_PORT}; 0 = any free
                                 port, if your Box app accepts loopback redirects on any port)
      --timeout SECONDS          how long to wait for the browser (default ${DEFAULT_TIMEOUT_SECONDS})
      --retry-timeout SECONDS    how long to keep retrying GitHub when it fails or cannot be
                                 reached (default ${DEFAULT_RETRY_TIMEOUT_SECONDS}; 0 = try once)
      --no-browser               print the URL only; do not try to open a browser
      --box-authorize-url URL    default ${DEFAULT_BOX_AUTHORIZE_URL}
      --box-api-url URL          base of the token endpoint (default ${DEFAULT_BOX_API_URL});
                                 https only, except on a loopback address
  -h, --help                     show this text

What happens:
  1. The GitHub token and the secret are checked; if that fails, it stops before Box.
  2. It listens on ${redirect}, prints Box's authorize URL
     and opens it in your browser when it can.
  3. You log in to Box and click "Grant access to Box". Box sends the browser back with
     a code, which is exchanged at once (a code lives 30 seconds).
  4. The new refresh token (and the hand-off key, when asked for) is sealed with the
     secret's public key and written.
The browser must run on this machine: over SSH, forward the port first
(ssh -L ${DEFAULT_PORT}:127.0.0.1:${DEFAULT_PORT} HOST) and open the URL on your own machine.

Example:
  export BOX_CLIENT_ID=abc123  # the client secret is asked for
  ${command} --repository octo-org/api-tests

Exit status: 0 stored, 1 failed (the message says what to do), 2 invalid options,
130 cancelled.
`;
}

// EXTERNAL MODULE: ./src/redact.ts
var redact = __nccwpck_require__(6670);
;// CONCATENATED MODULE: ./src/login/terminal.ts
/**
 * The login command's output: progress and results to stdout, warnings and errors to stderr, and
 * every credential the command has seen replaced by *** on the way out, in each form a server might
 * have echoed it (the same redactor the action uses).
 */

class Terminal {
    out;
    err;
    redactor;
    constructor(out, err, 
    /** Knows every credential the command has seen; also cleans what servers send. */
    redactor = new redact/* Redactor */.pO()) {
        this.out = out;
        this.err = err;
        this.redactor = redactor;
    }
    /** From now on `value` never appears in anything this terminal writes. */
    redact(value) {
        this.redactor.add(value);
    }
    info(text = '') {
        this.out(this.redactor.scrub(text) + '\n');
    }
    warn(text) {
        this.err(this.redactor.scrub(text) + '\n');
    }
}

;// CONCATENATED MODULE: ./src/login/main.ts


















const GITHUB_REQUEST_TIMEOUT_MS = 30_000;
async function login(deps) {
    const terminal = new Terminal(deps.stdout, deps.stderr, deps.redactor);
    try {
        return await runLogin(deps, terminal);
    }
    catch (error) {
        if (!(error instanceof LoginFailure))
            throw error;
        terminal.warn(error.message);
        return error.exitCode;
    }
}
async function runLogin(deps, terminal) {
    const options = readOptions(deps, terminal);
    if (options === undefined)
        return EXIT.ok; // --help
    // Started now so that loading libsodium overlaps the questions and the preflight requests.
    const sealer = loadSealer();
    sealer.catch(() => undefined);
    const credentials = await clientCredentials(options, deps.prompt, terminal);
    const githubToken = await resolveGitHubToken(options, deps.ghAuthToken, terminal);
    const logRetry = (service) => (event) => terminal.warn((0,src_retry/* retryNotice */.nl)(service, event));
    // One budget for the checks, renewed for the write-back: the wait for the browser lies between.
    const retry = (0,src_retry/* retryContext */.eI)(deps.timing, options.retryTimeoutMs, { policy: deps.backoff, cancel: deps.cancel });
    const github = (0,client/* createGitHubClient */.LX)(githubToken.value, {
        baseUrl: options.githubApiUrl,
        retry,
        requestTimeoutMs: GITHUB_REQUEST_TIMEOUT_MS,
        redactor: terminal.redactor,
        terms: messages/* LOGIN_TERMS */.EG,
        fetch: deps.githubFetch,
        onRetry: logRetry('GitHub')
    });
    const checked = await checkTargets(github, options, sealer, githubToken.source, terminal);
    // Made before Box is asked, so that nothing new stands between Box's answer and its sealed copy.
    const handoffKey = options.handoffKeySecret === undefined ? undefined : { name: options.handoffKeySecret, value: newHandoffKey() };
    terminal.redact(handoffKey?.value);
    const state = newState();
    const server = await listen(options.port, state, terminal);
    let page = {
        ok: false,
        title: 'Login failed',
        message: 'Nothing was stored. The terminal says why, and what to do.'
    };
    try {
        const code = await receiveCode(server, credentials.clientId, state, options, deps, terminal);
        terminal.redact(code);
        terminal.info(`Authorization code received; exchanging it at ${options.boxApiUrl}/oauth2/token…`);
        const pair = await exchange(credentials, code, server.redirectUri, deps, terminal, logRetry('Box'));
        retry.budget.renew(); // the write-back gets a whole budget, however long the browser took
        const stored = await store(checked, pair, handoffKey, deps, terminal);
        page = stored.page;
        return stored.exitCode;
    }
    catch (error) {
        if (error instanceof LoginFailure && error.page)
            page = error.page;
        throw error;
    }
    finally {
        await server.close(page);
    }
}
/** The options, with every credential given so far redacted from all output; undefined after --help. */
function readOptions(deps, terminal) {
    try {
        const command = parseLoginArgs(deps.argv, deps.env);
        if (command.help) {
            terminal.info(helpText(deps.commandName));
            return undefined;
        }
        terminal.redact(command.options.clientSecret);
        terminal.redact(command.options.githubToken?.value);
        return command.options;
    }
    catch (error) {
        if (error instanceof UsageError) {
            for (const credential of error.credentials)
                terminal.redact(credential);
            throw new LoginFailure(error.message, EXIT.usage);
        }
        throw error;
    }
}
/** The secret writer's step before Box, for the token's targets and the key's in one parallel round. */
async function checkTargets(github, options, sealer, tokenSource, terminal) {
    const tokenTargets = (0,github_targets/* secretTargets */.LN)(options.selection);
    const keyTargets = options.handoffKeySecret === undefined ? [] : handoffKeyTargets(options.selection, options.handoffKeySecret);
    const targets = [...tokenTargets, ...keyTargets];
    terminal.info(`Checking the ${targets.map((t) => t.label).join(' and ')} (GitHub token from ${tokenSource})…`);
    const prepared = await prepareWrite(github, targets, options.organizationVisibility, sealer);
    if (!('write' in prepared))
        throw preflightFailure(prepared.problems, tokenSource);
    const { write } = prepared;
    for (const p of write.targets) {
        terminal.info(p.existing === undefined
            ? `The ${p.target.label} does not exist yet; it will be created.`
            : `The ${p.target.label} ` +
                `exists${p.existing.updatedAt ? ` (last written ${formatUtc(p.existing.updatedAt)})` : ''}; it will be ` +
                `replaced.`);
    }
    return {
        token: { ...write, targets: write.targets.filter((p) => tokenTargets.includes(p.target)) },
        handoffKey: { ...write, targets: write.targets.filter((p) => keyTargets.includes(p.target)) }
    };
}
/**
 * Seals the new token for every target and prints the sealed copy before any write, then writes
 * every target in parallel, as the action does; returns the exit status and the browser's page.
 * A hand-off key, when asked for, is sealed and printed after the token's copy and written in the
 * same round, with a ledger of its own (its payloads are not the token's).
 */
async function store(checked, pair, handoffKey, deps, terminal) {
    const issuedAt = deps.timing.now();
    terminal.info('Box issued a token pair.');
    const stored = (what) => (target, outcome) => terminal.info(`${what} stored in ${target.scope} ${target.name} (${target.kindLabel}, ${outcome}).`);
    // The token's sealed copy is printed first; the key's (a ledger of its own) after it; both written at once.
    const [results, keyResults] = await Promise.all([
        storeSecret(checked.token, pair.refreshToken, {
            ledger: deps.ledger ?? new recovery/* RecoveryLedger */.nO(),
            logSealedCopies: (payloads) => terminal.info((0,recovery/* writeAheadInstructions */.EX)(payloads, 'login')),
            onWritten: stored('Token'),
            lastCall: deps.lastCall
        }),
        handoffKey === undefined
            ? []
            : storeSecret(checked.handoffKey, handoffKey.value, {
                ledger: new recovery/* RecoveryLedger */.nO(),
                logSealedCopies: (payloads) => terminal.info(handoffKeyWriteAhead(payloads)),
                onWritten: stored('Hand-off key'),
                lastCall: deps.lastCall,
                value: { name: 'The new hand-off key', ifUnsealable: HANDOFF_KEY_REMEDY }
            })
    ]);
    const failure = writeBackFailure(results);
    const keyFailure = handoffKeyFailure(keyResults);
    const exitCode = deps.cancel?.aborted ? EXIT.cancelled : EXIT.failed;
    if (failure !== undefined) {
        // Exactly what the action prints: the sealed payload only GitHub can open, and the command to PUT it.
        terminal.warn(failure.message);
        if (keyFailure !== undefined)
            terminal.warn(keyFailure);
        return {
            exitCode,
            page: {
                ok: false,
                title: 'Not stored',
                message: 'Box issued a token, but writing the secret failed. The terminal shows how to finish by hand.'
            }
        };
    }
    terminal.info(`It expires on ${formatUtc(refreshTokenExpiry(issuedAt))}, ${REFRESH_TOKEN_LIFETIME_DAYS} days from now, ` +
        'unless it is used before: every run of the action replaces it with a fresh one, ' +
        'so run the action at least weekly.');
    const storedIn = checked.token.targets.map((p) => p.target.label).join(' and ');
    if (keyFailure !== undefined) {
        terminal.warn(keyFailure);
        return {
            exitCode,
            page: {
                ok: false,
                title: 'Hand-off key not stored',
                message: `The Box refresh token is stored in the ${storedIn}, but writing the hand-off key failed. ` +
                    'The terminal shows how to finish by hand.'
            }
        };
    }
    if (handoffKey !== undefined) {
        terminal.info(handoffKeyUsage(handoffKey.name, checked.handoffKey.targets.map((p) => p.target.label).join(' and ')));
    }
    return {
        exitCode: EXIT.ok,
        page: {
            ok: true,
            title: 'Done',
            message: `The Box refresh token is stored in the ${storedIn}` +
                `${handoffKey ? ', and the hand-off key beside it' : ''}. You can close this tab.`
        }
    };
}


/***/ }),

/***/ 2550:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b9: () => (/* binding */ ghAuthToken),
  ce: () => (/* binding */ openInBrowser),
  l7: () => (/* binding */ terminalPrompt)
});

// UNUSED EXPORTS: PromptCancelled

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:readline/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline/promises");
;// CONCATENATED MODULE: ./src/login/system.ts
/**
 * The login command's real collaborators: the terminal prompt, the browser and the GitHub CLI.
 * Each degrades to "not available" instead of failing, and the command then says what to do.
 */


class PromptCancelled extends Error {
    constructor() {
        super('Cancelled.');
        this.name = 'PromptCancelled';
    }
}
/**
 * Asks on the terminal (prompts go to stderr, so stdout stays the command's report). `hidden`
 * reads in raw mode and echoes nothing. Undefined when stdin is not a terminal: nobody can answer.
 */
async function terminalPrompt(question, { hidden }) {
    const { stdin, stderr } = process;
    if (!stdin.isTTY)
        return undefined;
    if (!hidden) {
        const rl = (0,promises_namespaceObject.createInterface)({ input: stdin, output: stderr, terminal: true });
        const closed = new Promise((_, reject) => rl.once('SIGINT', () => reject(new PromptCancelled())));
        try {
            return (await Promise.race([rl.question(question), closed])).trim();
        }
        finally {
            rl.close();
        }
    }
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    return new Promise((resolve, reject) => {
        let value = '';
        const finish = () => {
            stdin.off('data', onData);
            stdin.setRawMode(false);
            stdin.pause();
            stderr.write('\n');
        };
        const onData = (chunk) => {
            for (const char of chunk) {
                if (char === '\r' || char === '\n') {
                    finish();
                    return resolve(value.trim());
                }
                if (char === '\u0003' || (char === '\u0004' && value === '')) {
                    finish(); // raw mode turns Ctrl-C into a character instead of SIGINT
                    return reject(new PromptCancelled());
                }
                if (char === '\u007f' || char === '\b')
                    value = value.slice(0, -1);
                else if (char >= ' ')
                    value += char;
            }
        };
        stdin.on('data', onData);
    });
}
/**
 * Asks the desktop to open `url`: `open` on macOS, `start` on Windows, `xdg-open` elsewhere (only
 * with a display: without one, xdg-open may start a text browser that takes over the terminal).
 * True when the opener started; it never throws.
 */
function openInBrowser(url, env = process.env, platform = process.platform) {
    let command;
    let args;
    let verbatim = false;
    if (platform === 'darwin') {
        command = 'open';
        args = [url];
    }
    else if (platform === 'win32') {
        // `start` is a cmd built-in; its first quoted argument is a window title. Quoted, the URL's
        // & are not command separators (and it holds no quotes: URLSearchParams encodes them).
        command = 'cmd';
        args = ['/d', '/c', `start "" "${url}"`];
        verbatim = true;
    }
    else {
        if (!env.DISPLAY && !env.WAYLAND_DISPLAY)
            return Promise.resolve(false);
        command = 'xdg-open';
        args = [url];
    }
    return new Promise((resolve) => {
        try {
            const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: verbatim });
            child.once('error', () => resolve(false));
            child.once('spawn', () => {
                child.unref();
                resolve(true);
            });
        }
        catch {
            resolve(false);
        }
    });
}
/** `gh auth token --hostname HOST`, or undefined when gh is missing, logged out or slow. */
function ghAuthToken(hostname) {
    return new Promise((resolve) => {
        try {
            (0,external_node_child_process_namespaceObject.execFile)('gh', ['auth', 'token', '--hostname', hostname], { timeout: 10_000, windowsHide: true }, (error, stdout) => {
                const token = String(stdout).trim();
                resolve(error || token === '' || /\s/.test(token) ? undefined : token);
            });
        }
        catch {
            resolve(undefined);
        }
    });
}


/***/ }),

/***/ 8903:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fm: () => (/* binding */ proxyAwareFetch)
/* harmony export */ });
/* unused harmony exports proxySetting, proxyUrl, proxyProblem, prepareFetchFor */
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9783);
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
    if (variable === undefined || (0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__/* .checkBypass */ .H)(parsed))
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

/***/ 116:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EX: () => (/* binding */ writeAheadInstructions),
/* harmony export */   UH: () => (/* binding */ recoveryPayload),
/* harmony export */   Zm: () => (/* binding */ commandLines),
/* harmony export */   nO: () => (/* binding */ RecoveryLedger),
/* harmony export */   ry: () => (/* binding */ recoveryInstructions)
/* harmony export */ });
/* unused harmony export shellQuote */
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6584);
/* harmony import */ var _github_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(298);
/* harmony import */ var _github_targets_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5617);
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
    const body = (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .writeBody */ .Oy)(prepared, sealed);
    const path = (0,_github_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .secretPath */ .s6)(prepared.target);
    const json = JSON.stringify(body);
    // The GitHub CLI takes a host name without a port (gh 2.23: "error parsing `--hostname`: invalid
    // hostname"), and without one it would talk to another server: a GHES on its own port gets curl.
    const command = new URL(githubApiUrl).port === ''
        ? ghCommand(json, path, (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .ghHostname */ .jw)(githubApiUrl))
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


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports DEFAULT_SERVER_TEXT_LENGTH, neutraliseCommands */
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


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ realTiming),
/* harmony export */   Bv: () => (/* binding */ withTimeLimit),
/* harmony export */   DD: () => (/* binding */ causeChain),
/* harmony export */   Km: () => (/* binding */ RetryBudget),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   eI: () => (/* binding */ retryContext),
/* harmony export */   iB: () => (/* binding */ isCancellation),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   nl: () => (/* binding */ retryNotice)
/* harmony export */ });
/* unused harmony exports defaultRetryPolicy, Cancelled, TimeLimitExceeded, throwIfCancelled, backoffDelay */
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

/***/ 4469:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ handleTermination)
/* harmony export */ });
/* harmony import */ var _error_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5437);
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
    host.on('uncaughtException', (error) => giveUp(`Unexpected error: ${(0,_error_text_js__WEBPACK_IMPORTED_MODULE_0__/* .bugReport */ .r)(error)}`));
    host.on('unhandledRejection', (error) => giveUp(`Unexpected error: ${(0,_error_text_js__WEBPACK_IMPORTED_MODULE_0__/* .bugReport */ .r)(error)}`));
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


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

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

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

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
/******/ var __webpack_exports__ = __nccwpck_require__(2430);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
