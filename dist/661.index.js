export const id = 661;
export const ids = [661];
export const modules = {

/***/ 5484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ dockerLogin),
/* harmony export */   t: () => (/* binding */ dockerLogout)
/* harmony export */ });
/* harmony import */ var _util_exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7895);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4266);
/* harmony import */ var _util_retry_defaults_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2477);
/* harmony import */ var _util_transient_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4606);




async function dockerLogin(login, run, seams = _util_retry_defaults_js__WEBPACK_IMPORTED_MODULE_2__/* .actionRetrySeams */ .i) {
    const what = `docker login to ${login.registry}`;
    await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)({ ...seams, what, transient: _util_transient_js__WEBPACK_IMPORTED_MODULE_3__/* .commandTransientCause */ .Rl }, async () => {
        const result = await run('docker', ['login', '--username', login.username, '--password-stdin', login.registry], {
            input: Buffer.from(login.password),
            silent: true,
            ignoreReturnCode: true,
        });
        if (result.exitCode !== 0) {
            const reason = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
            throw new _util_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandError */ .Q(`${what} failed: ${reason}`, reason);
        }
    });
}
async function dockerLogout(registry, run) {
    const result = await run('docker', ['logout', registry], { silent: true, ignoreReturnCode: true });
    return { ok: result.exitCode === 0, message: (result.stderr || result.stdout).trim() };
}


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(397);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2462);
/* harmony import */ var _ecr_docker_login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5484);
/* harmony import */ var _util_exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7895);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
// The post phase: log out of the registry and remove the action's temporary files.
// It warns and never fails the job: the job's result was decided in main.






async function runPost(state = (0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .readPostState */ .L)(), run = _util_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .runCommand */ .d) {
    if (state.skipLogout) {
        if (state.registries.length > 0)
            _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`skip-logout is set: staying logged in to ${state.registries.join(', ')}.`);
    }
    else {
        for (const registry of state.registries) {
            try {
                const result = await (0,_ecr_docker_login_js__WEBPACK_IMPORTED_MODULE_3__/* .dockerLogout */ .t)(registry, run);
                if (result.ok)
                    _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Logged out of ${registry}.`);
                else
                    _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`docker logout ${registry} failed: ${result.message}`);
            }
            catch (error) {
                _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`docker logout ${registry} failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .toMessage */ .R9)(error)}`);
            }
        }
    }
    if (state.tempDir) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(state.tempDir, { recursive: true, force: true });
        }
        catch (error) {
            _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not remove ${state.tempDir}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .toMessage */ .R9)(error)}`);
        }
    }
}


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ errorName),
/* harmony export */   R9: () => (/* binding */ toMessage),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   _j: () => (/* binding */ isCredentialError),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/** A problem with what the user asked for: reported as one line, before any work is done. */
class InputError extends Error {
    name = 'InputError';
}
/** The one way we turn a caught `unknown` into text a user can read. */
function toMessage(error) {
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/** The AWS SDK's error name (`RepositoryNotFoundException`, …), when there is one. */
function errorName(error) {
    if (typeof error === 'object' && error !== null && 'name' in error) {
        const name = error.name;
        return typeof name === 'string' ? name : undefined;
    }
    return undefined;
}
/**
 * Text made to fit on one line of a message: line breaks, tabs and other control characters
 * (C0, DEL, C1, U+2028/2029) written as escapes, so a value we echo cannot start a new line.
 */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or escaped.
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
        const named = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
        return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
}
/** A value echoed in a message: quoted, on one line. */
function quoted(value) {
    return `"${oneLine(value)}"`;
}
/** The AWS errors that mean the credentials are wrong, expired or not allowed: retrying will not help. */
const CREDENTIAL_ERRORS = new Set([
    'UnrecognizedClientException',
    'InvalidSignatureException',
    'AccessDeniedException',
    'AccessDenied',
    'ExpiredTokenException',
    'ExpiredToken',
    'InvalidClientTokenId',
    'CredentialsProviderError',
]);
function isCredentialError(error) {
    const name = errorName(error);
    return name !== undefined && CREDENTIAL_ERRORS.has(name);
}


/***/ }),

/***/ 7895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ CommandError),
/* harmony export */   d: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1260);
// Running commands, behind one small type so I/O modules can be handed a fake in tests.

const runCommand = (command, args, options) => (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(command, args, {
    input: options.input,
    silent: options.silent,
    ignoreReturnCode: options.ignoreReturnCode,
    env: options.env,
    cwd: options.cwd,
});
/** A command that ran and failed: `reason` is the line of its output that says why. */
class CommandError extends Error {
    reason;
    name = 'CommandError';
    constructor(message, reason) {
        super(message);
        this.reason = reason;
    }
}


/***/ }),

/***/ 2477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ actionRetrySeams)
/* harmony export */ });
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(397);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4266);
// The retry seams on real time, warning through the runner (`::warning::`): what the I/O edges
// use unless a test passes its own (src/util/retry.ts).


const actionRetrySeams = { ..._retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realTime */ .M9, warn: (message) => _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message) };


/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M9: () => (/* binding */ realTime),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   i5: () => (/* binding */ RetriesExhaustedError)
/* harmony export */ });
/* unused harmony exports RETRY_ATTEMPTS, RETRY_BUDGET_MS, RETRY_BACKOFF_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
// One retry rule for the calls a registry or GitHub hiccup can fail (docker login, the push,
// PutImage in promotion, the PR comment): at most 3 attempts with backoff, within 2 minutes,
// each retry a warning naming the attempt and the cause; what is permanent fails at once.
// See ../../docs/reliability.md ("Transient faults") and the action spec's "Transient faults".
//
// Time is injected (clock, sleep), as in scan/poll.ts, so the rule is tested on fake time.
// Own code rather than a library: the budget rule (no attempt started that the last one's
// length says cannot end in time) and the warnings are the point, and they are a few lines.

const RETRY_ATTEMPTS = 3;
const RETRY_BUDGET_MS = 120_000;
const RETRY_BACKOFF_MS = [5_000, 20_000];
/** What the retry gave up on: the last error's message, with how many attempts it took. */
class RetriesExhaustedError extends Error {
    attempts;
    name = 'RetriesExhaustedError';
    constructor(message, attempts, options) {
        super(message, options);
        this.attempts = attempts;
    }
}
/**
 * Runs `attempt` until it succeeds, fails with a permanent error (thrown as it is), or the
 * attempts or the budget run out (a RetriesExhaustedError naming the last cause). Another
 * attempt starts only when the budget leaves room for the pause and for an attempt as long as
 * the last one: an attempt is never cut off, so the budget is kept by not starting one.
 */
async function withRetry(options, attempt) {
    const attempts = Math.max(1, options.attempts ?? RETRY_ATTEMPTS);
    const budgetMs = options.budgetMs ?? RETRY_BUDGET_MS;
    const backoff = options.backoffMs ?? RETRY_BACKOFF_MS;
    const start = options.clock.now();
    for (let n = 1;; n += 1) {
        const attemptStart = options.clock.now();
        try {
            return await attempt(n);
        }
        catch (error) {
            const cause = options.transient(error);
            if (cause === undefined)
                throw error;
            const now = options.clock.now();
            const pause = backoff[Math.min(n - 1, backoff.length - 1)] ?? 0;
            const elapsed = now - start;
            const seconds = `${Math.round(elapsed / 1000)} s`;
            if (n >= attempts) {
                throw new RetriesExhaustedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toMessage */ .R9)(error)} (gave up after ${n} attempt${n === 1 ? '' : 's'} in ${seconds})`, n, {
                    cause: error,
                });
            }
            if (elapsed + pause + (now - attemptStart) > budgetMs) {
                throw new RetriesExhaustedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toMessage */ .R9)(error)} (gave up after ${n} attempt${n === 1 ? '' : 's'} in ${seconds}: another would not end within the ${Math.round(budgetMs / 1000)} s retry budget)`, n, { cause: error });
            }
            options.warn(`${options.what}: attempt ${n} of ${attempts} failed (${cause}); retrying in ${Math.round(pause / 1000)} s.`);
            await options.sleep(pause);
        }
    }
}
/** Real time, for callers outside tests. */
const realTime = {
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};


/***/ }),

/***/ 4606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rl: () => (/* binding */ commandTransientCause),
/* harmony export */   rO: () => (/* binding */ awsTransientCause)
/* harmony export */ });
/* unused harmony export dockerTransientCause */
/* harmony import */ var _smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2058);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7895);
// Which failures are worth another attempt, read from what each tool really says. The docker
// CLI and buildx report a registry fault only as text (their exit code is 1 either way), so
// their last error line is matched against the messages collected from the local stack by
// making each fault happen (__fixtures__/faults/docker-messages.json, docs/reliability.md).
// The AWS SDK's errors are classified by the SDK's own rules.
//
// Permanent wins: denied or expired credentials, an immutable tag, an unknown repository, a
// Dockerfile or RUN step error. Anything not known to be transient is permanent (any other
// 4xx included): a retry that cannot help only delays the failure.



const PERMANENT = [
    /\b40[13]\b|unauthorized|forbidden|no basic auth credentials|\bdenied\b|token has expired|expired token/i,
    /\bTAG_INVALID\b|\btag invalid\b|cannot be overwritten because the repository is immutable/i,
    /\bNAME_UNKNOWN\b|\bname unknown\b|repository with name .* does not exist/i,
    /\bMANIFEST_INVALID\b|\bmanifest invalid\b|\bBLOB_UNKNOWN\b|invalid reference format/i,
    // A build step, not the registry: `process "/bin/sh -c …" did not complete successfully`,
    // `executor failed running [...]`, a Dockerfile that does not parse, a COPY of a missing file.
    /did not complete successfully|executor failed running|dockerfile parse error|failed to compute cache key|failed to read dockerfile/i,
];
/** [pattern, the cause as a warning says it]; the first match wins. */
const TRANSIENT = [
    [/connection refused/i, 'connection refused'],
    [/connection reset/i, 'connection reset'],
    [/broken pipe/i, 'broken pipe'],
    [/i\/o timeout/i, 'i/o timeout'],
    [/TLS handshake timeout|timeout awaiting response headers|Client\.Timeout exceeded|context deadline exceeded/i, 'timeout'],
    [/no such host|temporary failure in name resolution|server misbehaving/i, 'name resolution failed'],
    [/network is unreachable|no route to host/i, 'network unreachable'],
    [/\b(5\d\d) (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i, (m) => `${m[1]} ${m[2]}`],
    [/\b429\b|toomanyrequests|too many requests/i, '429 Too Many Requests'],
    [/\bunexpected EOF\b/, 'unexpected EOF'],
    // `Get "http://…/v2/": EOF`, `failed to build: EOF`: the connection closed unanswered.
    [/(?:":|:) EOF\s*$/, 'connection closed (EOF)'],
    // BuildKit after its own retries of a 5xx: `failed to push …: unavailable`.
    [/: unavailable\s*$|code = Unavailable/i, 'registry unavailable'],
];
/** The transient cause in a docker or buildx error line, or undefined when it is permanent. */
function dockerTransientCause(text) {
    if (PERMANENT.some((pattern) => pattern.test(text)))
        return undefined;
    for (const [pattern, cause] of TRANSIENT) {
        const match = pattern.exec(text);
        if (match)
            return typeof cause === 'string' ? cause : cause(match);
    }
    return undefined;
}
/** A docker or buildx command's failure (a CommandError), classified by the line that says why. */
function commandTransientCause(error) {
    return error instanceof _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Q ? dockerTransientCause(error.reason) : undefined;
}
/**
 * The transient cause of an AWS SDK error (throttling, 5xx, timeouts, connection errors, by the
 * SDK's own classification), or undefined. Credential errors are permanent even where the SDK
 * would retry them after correcting the clock.
 */
function awsTransientCause(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    // The SDK's predicates read optional fields of an SdkError; any object is safe to pass.
    const sdk = error;
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error) ?? 'Error';
    const status = error.$metadata?.httpStatusCode;
    const code = error.code;
    const label = [name, typeof code === 'string' && code !== name ? code : undefined, status ? `HTTP ${status}` : undefined]
        .filter(Boolean)
        .join(', ');
    if (name === 'LimitExceededException')
        return undefined; // ECR: a service quota, not a rate
    if ((0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_2__/* .isThrottlingError */ .Qb)(sdk) || (0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_2__/* .isTransientError */ .bV)(sdk) || (0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_2__/* .isServerError */ .GQ)(sdk))
        return label;
    return undefined;
}


/***/ })

};

//# sourceMappingURL=661.index.js.map