export const id = 661;
export const ids = [661];
export const modules = {

/***/ 5484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ dockerLogin),
/* harmony export */   t: () => (/* binding */ dockerLogout)
/* harmony export */ });
async function dockerLogin(login, run) {
    const result = await run('docker', ['login', '--username', login.username, '--password-stdin', login.registry], {
        input: Buffer.from(login.password),
        silent: true,
        ignoreReturnCode: true,
    });
    if (result.exitCode !== 0) {
        const reason = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
        throw new Error(`docker login to ${login.registry} failed: ${reason}`);
    }
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9469);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2462);
/* harmony import */ var _ecr_docker_login_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5484);
/* harmony import */ var _util_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7895);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
// The post phase: log out of the registry and remove the action's temporary files.
// It warns and never fails the job: the job's result was decided in main.






async function runPost(state = (0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .readPostState */ .L)(), run = _util_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .runCommand */ .d) {
    if (state.skipLogout) {
        if (state.registries.length > 0)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`skip-logout is set: staying logged in to ${state.registries.join(', ')}.`);
    }
    else {
        for (const registry of state.registries) {
            try {
                const result = await (0,_ecr_docker_login_js__WEBPACK_IMPORTED_MODULE_5__/* .dockerLogout */ .t)(registry, run);
                if (result.ok)
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Logged out of ${registry}.`);
                else
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`docker logout ${registry} failed: ${result.message}`);
            }
            catch (error) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`docker logout ${registry} failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .toMessage */ .R9)(error)}`);
            }
        }
    }
    if (state.tempDir) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(state.tempDir, { recursive: true, force: true });
        }
        catch (error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not remove ${state.tempDir}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .toMessage */ .R9)(error)}`);
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
/* harmony export */   d: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2876);
// Running commands, behind one small type so I/O modules can be handed a fake in tests.

const runCommand = (command, args, options) => (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(command, args, {
    input: options.input,
    silent: options.silent,
    ignoreReturnCode: options.ignoreReturnCode,
    env: options.env,
    cwd: options.cwd,
});


/***/ })

};

//# sourceMappingURL=661.index.js.map