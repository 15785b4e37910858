export const id = 422;
export const ids = [422];
export const modules = {

/***/ 3422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./src/util/actions-core.ts + 5 modules
var actions_core = __webpack_require__(397);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/state.ts
var src_state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/ecr/docker-logout.ts
async function dockerLogout(registry, run) {
    const result = await run('docker', ['logout', registry], { silent: true, ignoreReturnCode: true });
    return { ok: result.exitCode === 0, message: (result.stderr || result.stdout).trim() };
}

// EXTERNAL MODULE: ./src/util/exec.ts
var exec = __webpack_require__(7895);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/post.ts
// The post phase: log out of the registry and remove the action's temporary files.
// It warns and never fails the job: the job's result was decided in main.






async function runPost(state = (0,src_state/* readPostState */.L)(), run = exec/* runCommand */.d) {
    if (state.skipLogout) {
        if (state.registries.length > 0)
            actions_core/* info */.pq(`skip-logout is set: staying logged in to ${state.registries.join(', ')}.`);
    }
    else {
        for (const registry of state.registries) {
            try {
                const result = await dockerLogout(registry, run);
                if (result.ok)
                    actions_core/* info */.pq(`Logged out of ${registry}.`);
                else
                    actions_core/* warning */.$e(`docker logout ${registry} failed: ${result.message}`);
            }
            catch (error) {
                actions_core/* warning */.$e(`docker logout ${registry} failed: ${(0,errors/* toMessage */.R9)(error)}`);
            }
        }
    }
    if (state.tempDir) {
        try {
            await (0,promises_.rm)(state.tempDir, { recursive: true, force: true });
        }
        catch (error) {
            actions_core/* warning */.$e(`Could not remove ${state.tempDir}: ${(0,errors/* toMessage */.R9)(error)}`);
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


/***/ })

};

//# sourceMappingURL=422.index.js.map