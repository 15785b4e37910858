export const id = 422;
export const ids = [422];
export const modules = {

/***/ 3422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./src/util/runner-commands.ts
var runner_commands = __webpack_require__(5731);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/state.ts
var src_state = __webpack_require__(2462);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/ecr/docker-logout.ts
// Logging out, for the post phase: the same change to the Docker config that `docker logout
// <registry>` makes.
//
// Where docker keeps the login in its config file (no `credsStore`, no `credHelpers` entry for
// the registry: how GitHub's hosted runners are set up, and how `docker login` in main stored
// it), the entry is removed from config.json here, as the CLI's own file store does (read,
// delete the `auths` keys, write a temporary file beside it with the same permissions, rename).
// That spares the post phase the docker CLI (~15 ms) and @actions/exec (~10 ms of loading), a
// tenth of the action's fixed cost (docs/performance.md). No library does this edit; the
// Docker CLI's logic is a few lines (cli/command/registry/logout.go, cli/config/configfile).
// Where a credential helper holds the secret, or the file is not what docker writes, `docker
// logout` runs, so the helper erases it.
//
// The file calls are synchronous: the post phase has nothing to do meanwhile, and loading
// node:fs/promises (with the readline and stream modules it pulls in) costs it ~1.5 ms.



/** Where the docker CLI reads its config: `DOCKER_CONFIG`, else `~/.docker`. */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG || external_node_path_.join(external_node_os_.homedir(), '.docker');
}
/** The registry as docker names it in `auths` (registry.ConvertToHostname): no scheme, no path. */
function registryHostname(registry) {
    return registry.replace(/^https?:\/\//, '').split('/')[0];
}
async function dockerLogout(registry, run, configDir = dockerConfigDir()) {
    const edited = removeFromConfigFile(registry, configDir);
    if (edited)
        return edited;
    const result = await run('docker', ['logout', registry], { silent: true, ignoreReturnCode: true });
    return { ok: result.exitCode === 0, message: (result.stderr || result.stdout).trim() };
}
/**
 * Removes the registry from config.json when the file store holds it; undefined when `docker
 * logout` must do it instead (a credential helper, or a file docker would not have written).
 */
function removeFromConfigFile(registry, configDir) {
    const host = registryHostname(registry);
    const notLoggedIn = { ok: true, message: `Not logged in to ${host}` };
    let file;
    let text;
    try {
        // A symlinked config.json is edited where it lives, as docker does.
        file = (0,external_node_fs_.realpathSync)(external_node_path_.join(configDir, 'config.json'));
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        return error.code === 'ENOENT' ? notLoggedIn : undefined;
    }
    let config;
    try {
        const parsed = JSON.parse(text);
        if (!isObject(parsed) || (parsed.auths !== undefined && !isObject(parsed.auths)))
            return undefined;
        if (parsed.credHelpers !== undefined && !isObject(parsed.credHelpers))
            return undefined;
        config = parsed;
    }
    catch {
        return undefined;
    }
    // The forms docker logout tries, for logins saved by older clients.
    const keys = [host, `http://${host}`, `https://${host}`];
    if (config.credsStore || keys.some((key) => config.credHelpers?.[key]))
        return undefined;
    const auths = config.auths ?? {};
    const present = keys.filter((key) => Object.hasOwn(auths, key));
    if (present.length === 0)
        return notLoggedIn;
    for (const key of present)
        delete auths[key];
    replaceFile(file, `${JSON.stringify(config, null, '\t')}\n`);
    return { ok: true, message: `Removing login credentials for ${host}` };
}
/** Writes beside the file and renames over it, keeping its permissions: never a half-written config. */
function replaceFile(file, text) {
    const { mode } = (0,external_node_fs_.statSync)(file);
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
        (0,external_node_fs_.writeFileSync)(temp, text, { mode: 0o600, flag: 'wx' });
        (0,external_node_fs_.chmodSync)(temp, mode & 0o777);
        (0,external_node_fs_.renameSync)(temp, file);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(temp, { force: true });
        throw error;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/post.ts
// The post phase: log out of the registry and remove the action's temporary files.
// It warns and never fails the job: the job's result was decided in main.





/** `docker logout` only where a credential helper holds the login: @actions/exec is loaded then. */
const runWhenNeeded = async (command, args, options) => (await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(895)]).then(__webpack_require__.bind(__webpack_require__, 7895))).runCommand(command, args, options);
async function runPost(state = (0,src_state/* readPostState */.L)(), run = runWhenNeeded, dockerConfig) {
    if (state.skipLogout) {
        if (state.registries.length > 0)
            runner_commands/* info */.pq(`skip-logout is set: staying logged in to ${state.registries.join(', ')}.`);
    }
    else {
        for (const registry of state.registries) {
            try {
                const result = await dockerLogout(registry, run, dockerConfig);
                if (result.ok)
                    runner_commands/* info */.pq(`Logged out of ${registry}.`);
                else
                    runner_commands/* warning */.$e(`docker logout ${registry} failed: ${result.message}`);
            }
            catch (error) {
                runner_commands/* warning */.$e(`docker logout ${registry} failed: ${(0,errors/* toMessage */.R9)(error)}`);
            }
        }
    }
    if (state.tempDir) {
        try {
            (0,external_node_fs_.rmSync)(state.tempDir, { recursive: true, force: true });
        }
        catch (error) {
            runner_commands/* warning */.$e(`Could not remove ${state.tempDir}: ${(0,errors/* toMessage */.R9)(error)}`);
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


/***/ })

};

//# sourceMappingURL=422.index.js.map