export const id = 895;
export const ids = [895];
export const modules = {

/***/ 7895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CommandError: () => (/* binding */ CommandError),
/* harmony export */   locate: () => (/* binding */ locate),
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8701);
// Running commands, behind one small type so I/O modules can be handed a fake in tests.


const located = new Map();
/**
 * The command's path on PATH, looked up once per process: given a bare name, @actions/exec
 * stats every PATH entry on every run (~1-2 ms, between docker login's token and its start).
 * Calling it early starts the look-up. When nothing is found the name is kept, so exec reports
 * a missing command as it always has.
 */
function locate(command) {
    if (command.includes('/') || command.includes('\\'))
        return Promise.resolve(command);
    let found = located.get(command);
    if (!found) {
        found = (0,_actions_io__WEBPACK_IMPORTED_MODULE_1__/* .which */ .K7)(command, false).then((file) => file || command, () => command);
        located.set(command, found);
    }
    return found;
}
const runCommand = async (command, args, options) => {
    const tool = await locate(command);
    let pending = options.onStart;
    const started = () => {
        const callback = pending;
        pending = undefined;
        callback?.();
    };
    try {
        return await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(tool, args, {
            input: options.input,
            silent: options.silent,
            ignoreReturnCode: options.ignoreReturnCode,
            env: options.env,
            cwd: options.cwd,
            // @actions/exec has no spawn event; its first debug line ("exec tool: <path>") is written
            // once the tool is found, right before it spawns.
            ...(pending ? { listeners: { debug: started } } : {}),
        });
    }
    finally {
        started();
    }
};
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

//# sourceMappingURL=895.index.js.map