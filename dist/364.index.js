export const id = 364;
export const ids = [364];
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

/***/ 364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(3360);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/util/lists.ts
// Parsing of the list-shaped inputs. Pure: no @actions/* here, so the rules can be tested
// by tables and properties.
/** Splits on newlines (and on commas unless `commas` is false), trims, drops blanks and `#` comments. */
function parseList(text, options = {}) {
    const separator = options.commas === false ? /\r?\n/ : /\r?\n|,/;
    return text
        .split(separator)
        .map((item) => item.trim())
        .filter((item) => item !== '' && !item.startsWith('#'));
}
/**
 * Parses newline-separated KEY=VALUE lines. The value keeps everything after the first `=`
 * (values may hold `=` and commas). Returns the bad line instead of throwing, so the caller
 * can name its input.
 */
function parseKeyValues(text) {
    const pairs = [];
    for (const line of parseList(text, { commas: false })) {
        const at = line.indexOf('=');
        const key = at > 0 ? line.slice(0, at).trim() : '';
        if (key === '' || /\s/.test(key))
            return { ok: false, line };
        pairs.push([key, line.slice(at + 1)]);
    }
    return { ok: true, pairs };
}

;// CONCATENATED MODULE: ./src/scan/severity.ts
// ECR's severities, in order. Basic scanning uses INFORMATIONAL…CRITICAL and UNDEFINED;
// enhanced scanning (Amazon Inspector) also says UNTRIAGED, which we count as UNDEFINED.
const SEVERITIES = (/* unused pure expression or super */ null && (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED']));
/** What `severity-threshold` accepts: a severity to fail at, or NONE (never fail). */
const THRESHOLDS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'NONE'];
const RANK = {
    CRITICAL: 5,
    HIGH: 4,
    MEDIUM: 3,
    LOW: 2,
    INFORMATIONAL: 1,
    UNDEFINED: 0,
};
function toSeverity(value) {
    const upper = (value ?? '').toUpperCase();
    return SEVERITIES.includes(upper) ? upper : 'UNDEFINED';
}
function severityRank(severity) {
    return RANK[severity];
}
/** True when a finding of this severity fails a gate at this threshold. UNDEFINED never does. */
function meetsThreshold(severity, threshold) {
    if (threshold === 'NONE' || severity === 'UNDEFINED')
        return false;
    return RANK[severity] >= RANK[threshold];
}
function emptyCounts() {
    return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/scan/ignore-file.ts
// The ignore file: a YAML list of {id, reason, expires?}. Parsed and validated up front, so
// a malformed file stops the step before anything is built.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Returns the entries, or throws an Error whose message says what is wrong (the caller names the input). */
function parseIgnoreFile(text) {
    let data;
    try {
        data = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new Error(`is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    if (data === null || data === undefined)
        return [];
    if (!Array.isArray(data))
        throw new Error('must be a YAML list of {id, reason, expires?} entries');
    return data.map((item, index) => parseEntry(item, index + 1));
}
function parseEntry(item, position) {
    const where = `entry ${position}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new Error(`${where} must be a mapping with id, reason and optional expires`);
    }
    const record = item;
    const unknownKeys = Object.keys(record).filter((key) => !['id', 'reason', 'expires'].includes(key));
    if (unknownKeys.length > 0)
        throw new Error(`${where} has unknown key ${unknownKeys[0]} (accepted: id, reason, expires)`);
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id).trim() : '';
    if (id === '')
        throw new Error(`${where} needs an id (a vulnerability ID such as CVE-2024-1234)`);
    const reason = typeof record.reason === 'string' ? record.reason.trim() : '';
    if (reason === '')
        throw new Error(`${where} (${id}) needs a reason`);
    if (record.expires === undefined || record.expires === null)
        return { id, reason };
    const expires = record.expires instanceof Date ? record.expires.toISOString().slice(0, 10) : String(record.expires);
    if (!DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) || new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires) {
        throw new Error(`${where} (${id}) has expires "${expires}"; accepted: a date YYYY-MM-DD`);
    }
    return { id, reason, expires };
}

;// CONCATENATED MODULE: ./src/inputs.ts
// The only caller of core.getInput. Every input is read and validated here, up front, so a
// bad value stops the step with one line naming the input before any AWS or Docker call.







const TAG_MUTABILITIES = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'];
const MAX_SCAN_TIMEOUT = 6 * 60 * 60; // a job's own limit: no wait can be longer.
const DEFAULT_IGNORE_FILE = '.ecr-scan-ignore.yml';
// ECR's repository-name pattern (CreateRepository), 2-256 characters.
const REPOSITORY = /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
const SECRET = /^id=[^,=\s]+,(?:env|src)=[^,]+$/;
const VULNERABILITY_ID = /^\S{1,128}$/;
class Reader {
    get;
    environment;
    constructor(get, environment) {
        this.get = get;
        this.environment = environment;
    }
    text(name) {
        return this.get(name).trim();
    }
    optional(name) {
        const value = this.text(name);
        return value === '' ? undefined : value;
    }
    required(name) {
        const value = this.text(name);
        if (value === '')
            throw new errors/* InputError */.dz(`Input "${name}" is required and was empty.`);
        return value;
    }
    oneOf(name, accepted, fallback, normalise = (v) => v) {
        const raw = this.text(name);
        if (raw === '')
            return fallback;
        const value = normalise(raw);
        if (!accepted.includes(value)) {
            throw new errors/* InputError */.dz(`Input "${name}" is "${raw}"; accepted: ${accepted.join(', ')}.`);
        }
        return value;
    }
    boolean(name, fallback) {
        const raw = this.text(name);
        if (raw === '')
            return fallback;
        // The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them.
        if (['true', 'True', 'TRUE'].includes(raw))
            return true;
        if (['false', 'False', 'FALSE'].includes(raw))
            return false;
        throw new errors/* InputError */.dz(`Input "${name}" is "${raw}"; accepted: true, false.`);
    }
    raw(name) {
        return this.get(name);
    }
    list(name, options) {
        return parseList(this.get(name), options);
    }
    path(file) {
        return external_node_path_.resolve(this.environment.cwd, file);
    }
}
function parseInputs(get, environment) {
    const read = new Reader(get, environment);
    const repository = read.required('repository');
    if (!REPOSITORY.test(repository)) {
        throw new errors/* InputError */.dz(`Input "repository" is "${repository}"; accepted: an ECR repository name of 2-256 lowercase letters, digits, and . _ - / separators, e.g. mlops/retail-api.`);
    }
    const registryId = read.optional('registry-id');
    if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
        throw new errors/* InputError */.dz(`Input "registry-id" is "${registryId}"; accepted: a 12-digit AWS account ID.`);
    }
    const awsRegion = read.optional('aws-region') ?? environment.env.AWS_REGION ?? environment.env.AWS_DEFAULT_REGION ?? '';
    if (awsRegion === '') {
        throw new errors/* InputError */.dz('Input "aws-region" is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set; accepted: a region such as us-east-1.');
    }
    if (!REGION.test(awsRegion)) {
        throw new errors/* InputError */.dz(`Input "aws-region" is "${awsRegion}"; accepted: a region such as us-east-1.`);
    }
    const tagMutability = read.oneOf('tag-mutability', TAG_MUTABILITIES, 'IMMUTABLE', (v) => v.toUpperCase());
    const tagMutabilityExclusions = read.list('tag-mutability-exclusions');
    for (const filter of tagMutabilityExclusions) {
        if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(filter)) {
            throw new errors/* InputError */.dz(`Input "tag-mutability-exclusions" has "${filter}"; accepted: comma-separated wildcard filters of letters, digits, _ . - and *, e.g. latest,v*.`);
        }
    }
    const lifecyclePolicy = readLifecyclePolicy(read, environment);
    const context = read.text('context') || '.';
    const remoteContext = /^(?:https?:\/\/|git@|github\.com\/)/.test(context) || context === '-';
    const file = read.optional('file') ?? external_node_path_.join(context, 'Dockerfile');
    const buildArgs = keyValueLines(read, 'build-args').map(([key, value]) => `${key}=${value}`);
    const labels = keyValueLines(read, 'labels');
    const platforms = read.list('platforms');
    for (const platform of platforms) {
        if (!PLATFORM.test(platform)) {
            throw new errors/* InputError */.dz(`Input "platforms" has "${platform}"; accepted: comma-separated os/arch[/variant], e.g. linux/amd64,linux/arm64.`);
        }
    }
    const secrets = read.list('secrets', { commas: false });
    for (const secret of secrets) {
        if (!SECRET.test(secret)) {
            // Only the id is echoed: a malformed line could hold a secret value.
            const id = /^id=([^,]*)/.exec(secret)?.[1];
            throw new errors/* InputError */.dz(`Input "secrets" has a malformed line${id ? ` (id=${id})` : ''}; accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.`);
        }
    }
    const provenance = read.text('provenance') || 'false';
    if (!/^(?:true|false|min|max|mode=(?:min|max)(?:,[a-z-]+=[^,]+)*)$/.test(provenance)) {
        throw new errors/* InputError */.dz(`Input "provenance" is "${provenance}"; accepted: false, true, mode=min or mode=max.`);
    }
    const tags = read.list('tags');
    for (const tag of tags)
        validateTagShape(tag);
    const scanTimeoutRaw = read.text('scan-timeout') || '600';
    if (!/^\d+$/.test(scanTimeoutRaw) || Number(scanTimeoutRaw) < 1 || Number(scanTimeoutRaw) > MAX_SCAN_TIMEOUT) {
        throw new errors/* InputError */.dz(`Input "scan-timeout" is "${scanTimeoutRaw}"; accepted: a whole number of seconds from 1 to ${MAX_SCAN_TIMEOUT}.`);
    }
    const ignore = read.list('ignore');
    for (const id of ignore) {
        if (!VULNERABILITY_ID.test(id)) {
            throw new errors/* InputError */.dz(`Input "ignore" has "${id}"; accepted: newline-separated vulnerability IDs such as CVE-2024-1234.`);
        }
    }
    const inputs = {
        repository,
        registryId,
        awsRegion,
        createRepository: read.boolean('create-repository', false),
        tagMutability,
        tagMutabilityExclusions,
        lifecyclePolicy,
        context,
        file,
        buildArgs,
        labels,
        target: read.optional('target'),
        platforms,
        cacheFrom: read.list('cache-from', { commas: false }),
        cacheTo: read.list('cache-to', { commas: false }),
        secrets,
        provenance,
        builder: read.optional('builder'),
        noCache: read.boolean('no-cache', false),
        pull: read.boolean('pull', false),
        push: read.boolean('push', true),
        tags,
        shaTag: read.oneOf('sha-tag', ['full', 'short', 'false'], 'full', (v) => v.toLowerCase()),
        releaseTags: read.oneOf('release-tags', ['auto', 'none'], 'auto', (v) => v.toLowerCase()),
        latest: read.oneOf('latest', ['auto', 'true', 'false'], 'auto', (v) => v.toLowerCase()),
        skipExisting: read.boolean('skip-existing', true),
        scan: read.boolean('scan', true),
        scanTimeoutSeconds: Number(scanTimeoutRaw),
        severityThreshold: read.oneOf('severity-threshold', THRESHOLDS, 'CRITICAL', (v) => v.toUpperCase()),
        ignore,
        ignoreUnfixed: read.boolean('ignore-unfixed', false),
        ignoreFile: readIgnoreFile(read, environment),
        onScanIncomplete: read.oneOf('on-scan-incomplete', ['fail', 'warn'], 'fail', (v) => v.toLowerCase()),
        compare: read.oneOf('compare', ['base', 'none'], 'base', (v) => v.toLowerCase()),
        gate: read.oneOf('gate', ['all', 'new'], 'all', (v) => v.toLowerCase()),
        comment: read.boolean('comment', true),
        commentKey: read.optional('comment-key'),
        githubToken: read.text('github-token'),
        sarif: read.optional('sarif'),
        skipLogout: read.boolean('skip-logout', false),
    };
    if (!remoteContext) {
        if (!environment.isDirectory(read.path(context))) {
            throw new errors/* InputError */.dz(`Input "context" is "${context}", which is not a directory; accepted: a build context directory (or a git/https URL).`);
        }
        if (!environment.isFile(read.path(file))) {
            throw new errors/* InputError */.dz(`Input "file" is "${file}", which does not exist; accepted: the path of a Dockerfile (default <context>/Dockerfile).`);
        }
    }
    return inputs;
}
function keyValueLines(read, name) {
    const parsed = parseKeyValues(read.raw(name));
    if (!parsed.ok) {
        throw new errors/* InputError */.dz(`Input "${name}" has the line "${truncate(parsed.line)}"; accepted: newline-separated KEY=VALUE.`);
    }
    return parsed.pairs;
}
/**
 * Bare tag names only. A full reference (as docker/metadata-action prints) is accepted here and
 * reduced to its tag later, once the registry is known (see tags.ts).
 */
function validateTagShape(tag) {
    const bare = tag.includes(':') ? tag.slice(tag.lastIndexOf(':') + 1) : tag;
    if (!TAG.test(bare) || (tag.includes('@'))) {
        throw new errors/* InputError */.dz(`Input "tags" has "${truncate(tag)}"; accepted: tag names of up to 128 letters, digits, _ . - (not starting with . or -), newline- or comma-separated.`);
    }
}
function readLifecyclePolicy(read, environment) {
    const file = read.optional('lifecycle-policy');
    if (file === undefined)
        return undefined;
    const full = read.path(file);
    if (!environment.isFile(full)) {
        throw new errors/* InputError */.dz(`Input "lifecycle-policy" is "${file}", which does not exist; accepted: the path of a lifecycle-policy JSON file.`);
    }
    const text = environment.readText(full);
    let policy;
    try {
        policy = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(`Input "lifecycle-policy" (${file}) is not valid JSON: ${(0,errors/* toMessage */.R9)(error)}; accepted: an ECR lifecycle policy document.`);
    }
    const rules = policy?.rules;
    if (!Array.isArray(rules) || rules.length === 0) {
        throw new errors/* InputError */.dz(`Input "lifecycle-policy" (${file}) has no "rules" list; accepted: an ECR lifecycle policy document {"rules": [...]}.`);
    }
    return { path: full, text };
}
function readIgnoreFile(read, environment) {
    const given = read.optional('ignore-file');
    const file = given ?? DEFAULT_IGNORE_FILE;
    const full = read.path(file);
    if (!environment.isFile(full)) {
        if (given === undefined)
            return undefined;
        throw new errors/* InputError */.dz(`Input "ignore-file" is "${given}", which does not exist; accepted: the path of a YAML list of {id, reason, expires?}.`);
    }
    try {
        return { path: full, entries: parseIgnoreFile(environment.readText(full)) };
    }
    catch (error) {
        throw new errors/* InputError */.dz(`Input "ignore-file" (${file}) ${(0,errors/* toMessage */.R9)(error)}; accepted: a YAML list of {id, reason, expires: YYYY-MM-DD}.`);
    }
}
function truncate(text) {
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
/** The action's inputs, from the runner. */
function readInputs() {
    const inputs = parseInputs((name) => core/* getInput */.V4(name), {
        env: process.env,
        cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
        readText: (file) => (0,external_node_fs_.readFileSync)(file, 'utf8'),
        isFile: (file) => (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.statSync)(file).isFile(),
        isDirectory: (file) => (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.statSync)(file).isDirectory(),
    });
    if (inputs.githubToken !== '')
        core/* setSecret */.Pq(inputs.githubToken);
    return inputs;
}

;// CONCATENATED MODULE: ./src/outputs.ts
// The only caller of core.setOutput. Outputs stay small: the full list of findings is in the
// report file.

function outputPairs(outputs) {
    const pairs = [
        ['registry', outputs.registry],
        ['image', outputs.image],
        ['digest', outputs.digest],
        ['platform-digests', outputs.platformDigests && JSON.stringify(outputs.platformDigests)],
        ['image-uri', outputs.imageUri],
        ['tags', outputs.tags?.join('\n')],
        ['scan-status', outputs.scanStatus],
        ['critical', outputs.counts && String(outputs.counts.CRITICAL)],
        ['high', outputs.counts && String(outputs.counts.HIGH)],
        ['medium', outputs.counts && String(outputs.counts.MEDIUM)],
        ['low', outputs.counts && String(outputs.counts.LOW)],
        ['informational', outputs.counts && String(outputs.counts.INFORMATIONAL)],
        ['undefined', outputs.counts && String(outputs.counts.UNDEFINED)],
        ['ignored', outputs.ignored?.toString()],
        ['new', outputs.new?.toString()],
        ['fixed', outputs.fixed?.toString()],
        ['report', outputs.report],
        ['sarif', outputs.sarif],
        ['comment-url', outputs.commentUrl],
    ];
    return pairs.filter((pair) => pair[1] !== undefined);
}
function writeOutputs(outputs) {
    for (const [name, value] of outputPairs(outputs))
        core/* setOutput */.uH(name, value);
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/github/event.ts
// Facts about the triggering event that the pipeline needs: which commit to tag, the PR
// (for comments and the base comparison), and the release (for release tags). Parsed from
// the runner's environment and the event payload file; no octokit is loaded for this.

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
function object(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function string(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** Pure: environment variables + payload → facts. Missing fields give undefined, never a crash. */
function parseEventFacts(env, payload) {
    const event = object(payload) ?? {};
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const runId = env.GITHUB_RUN_ID;
    const facts = {
        eventName,
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        owner: owner || undefined,
        repo: repo || undefined,
        serverUrl,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        runUrl: owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    };
    const pr = object(event.pull_request);
    if (PR_EVENTS.has(eventName) && pr) {
        const head = object(pr.head);
        const base = object(pr.base);
        const headSha = string(head?.sha);
        const number = typeof pr.number === 'number' ? pr.number : typeof event.number === 'number' ? event.number : undefined;
        if (headSha)
            facts.sha = headSha; // not the merge commit GITHUB_SHA points at
        if (number !== undefined && headSha) {
            const headRepo = string(object(head?.repo)?.full_name);
            const baseRepo = string(object(base?.repo)?.full_name);
            facts.pullRequest = {
                number,
                headSha,
                baseSha: string(base?.sha),
                baseRef: string(base?.ref),
                fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
            };
        }
    }
    const release = object(event.release);
    if (eventName === 'release' && release) {
        const tag = string(release.tag_name);
        if (tag)
            facts.release = { tag, prerelease: release.prerelease === true };
    }
    else if (eventName === 'push' && facts.ref.startsWith('refs/tags/')) {
        const tag = facts.ref.slice('refs/tags/'.length);
        facts.release = { tag, prerelease: /^v?\d+\.\d+\.\d+-/.test(tag) };
    }
    return facts;
}
function readEventFacts(env = process.env) {
    let payload = {};
    const file = env.GITHUB_EVENT_PATH;
    if (file) {
        try {
            payload = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch {
            payload = {}; // the runner always writes it; a local run may not
        }
    }
    return parseEventFacts(env, payload);
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var node_modules_semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(node_modules_semver);
;// CONCATENATED MODULE: ./src/tags.ts
// Pure: event facts + inputs → which tags this run writes. The build pushes only the
// candidate (the SHA tag); everything else is a promotion written after the gate passes.


const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const HEX40 = /^[0-9a-f]{40}$/;
function isValidDockerTag(tag) {
    return DOCKER_TAG.test(tag);
}
/** A release tag (`v1.2.3`, `1.2.3-rc.1`, `v1.2.3+build.5`) as a semver version, or undefined. */
function releaseVersion(tag) {
    const stripped = tag.replace(/^v/, '');
    if (!semver_default().valid(stripped))
        return undefined;
    return new (semver_default()).SemVer(stripped);
}
/**
 * `tags` entries are bare names; full references to this image (as docker/metadata-action
 * prints them) are reduced to their tag. A reference to another image is an error.
 */
function reduceExtraTag(entry, image, repository) {
    const slash = entry.lastIndexOf('/');
    const colon = entry.lastIndexOf(':');
    if (colon <= slash) {
        if (entry.includes('/')) {
            throw new errors/* InputError */.dz(`Input "tags" has "${entry}", a reference without a tag; accepted: tag names, or image:tag references to ${image ?? repository}.`);
        }
        return entry;
    }
    const name = entry.slice(0, colon);
    const tag = entry.slice(colon + 1);
    // Before login the registry host is not known yet: accept any registry, check it after.
    const sameImage = image === undefined ? name === repository || name.endsWith(`/${repository}`) : name === image || name === repository;
    if (!sameImage) {
        throw new errors/* InputError */.dz(`Input "tags" has "${entry}", which names another image (${name}); accepted: tag names, or references to ${image ?? repository} (the tags of other images are written by their own step).`);
    }
    return tag;
}
function computeTagPlan(facts, inputs, 
/** registry/repository; undefined before login. */
image) {
    const plan = { promotions: [] };
    if (inputs.shaTag !== 'false') {
        const sha = facts.sha.toLowerCase();
        if (!HEX40.test(sha)) {
            throw new errors/* InputError */.dz(`Input "sha-tag" is "${inputs.shaTag}" but the commit SHA is ${sha === '' ? 'not set (GITHUB_SHA is empty)' : `"${sha}", not 40 hex digits`}; accepted: sha-tag false, or a run with a commit.`);
        }
        plan.candidate = inputs.shaTag === 'full' ? sha : sha.slice(0, 7);
    }
    const seen = new Set(plan.candidate ? [plan.candidate] : []);
    const add = (tag, kind) => {
        if (seen.has(tag))
            return;
        seen.add(tag);
        plan.promotions.push({ tag, kind });
    };
    const release = facts.release;
    if (release && inputs.releaseTags === 'auto') {
        const version = releaseVersion(release.tag);
        if (version) {
            plan.version = version.version;
            const prerelease = release.prerelease || version.prerelease.length > 0;
            add(version.version, 'release');
            if (!prerelease) {
                add(`${version.major}.${version.minor}`, 'minor');
                add(`${version.major}`, 'major');
            }
        }
        else if (isValidDockerTag(release.tag)) {
            add(release.tag, 'release'); // a non-semver tag is pushed as it is
        }
    }
    for (const entry of inputs.tags)
        add(reduceExtraTag(entry, image, inputs.repository), 'extra');
    const stableRelease = plan.version !== undefined && semver_default().prerelease(plan.version) === null && release?.prerelease !== true;
    if (inputs.latest === 'true' || (inputs.latest === 'auto' && stableRelease))
        add('latest', 'latest');
    return plan;
}
/**
 * Floating tags move only forward: `1.2`, `1` and `latest` (auto) are written only when this
 * release is the highest stable version in their line among the tags already in the repository.
 * Returns the promotions to write and the ones held back, each with the reason.
 */
function moveFloatingTags(plan, existingTags, latestMode) {
    const write = [];
    const held = [];
    const version = plan.version;
    const stable = existingTags
        .map((tag) => releaseVersion(tag))
        .filter((v) => v !== undefined && v.prerelease.length === 0);
    for (const promotion of plan.promotions) {
        const floating = promotion.kind === 'minor' || promotion.kind === 'major' || (promotion.kind === 'latest' && latestMode === 'auto');
        if (!floating || version === undefined) {
            write.push(promotion);
            continue;
        }
        const current = new semver.SemVer(version);
        const line = stable.filter((v) => promotion.kind === 'minor' ? v.major === current.major && v.minor === current.minor : promotion.kind === 'major' ? v.major === current.major : true);
        const highest = line.reduce((max, v) => (max === undefined || semver.gt(v, max) ? v : max), undefined);
        if (highest === undefined || semver.gte(current, highest))
            write.push(promotion);
        else
            held.push({ ...promotion, reason: `${highest.version} is newer` });
    }
    return { write, held };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
;// CONCATENATED MODULE: ./src/ecr/client.ts
// The one place the ECR client is built. Credentials come from the SDK's default chain;
// AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL are honoured by the SDK itself.

function createEcrClient(region) {
    return new dist_cjs/* ECRClient */.S70({
        region,
        customUserAgent: 'ecr-build-scan-push',
    });
}

;// CONCATENATED MODULE: ./src/ecr/auth.ts
// GetAuthorizationToken → registry host and credentials. The password is handed to `mask`
// before anything else sees it.

async function getRegistryLogin(client, registryId, mask) {
    const response = await client.send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6(registryId ? { registryIds: [registryId] } : {}));
    const data = response.authorizationData?.[0];
    if (!data?.authorizationToken || !data.proxyEndpoint) {
        throw new Error('ECR returned no authorization data for GetAuthorizationToken.');
    }
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
        throw new Error('ECR returned an authorization token that is not user:password.');
    const password = decoded.slice(colon + 1);
    mask(password);
    mask(data.authorizationToken);
    return {
        registry: data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, ''),
        username: decoded.slice(0, colon),
        password,
    };
}

// EXTERNAL MODULE: ./src/ecr/docker-login.ts
var docker_login = __webpack_require__(5484);
;// CONCATENATED MODULE: ./src/ecr/repository.ts
// The repository the image goes to: found, or created when asked, and its lifecycle policy.


function toInfo(repository, created) {
    return {
        name: repository.repositoryName ?? '',
        registryId: repository.registryId ?? '',
        scanOnPush: repository.imageScanningConfiguration?.scanOnPush === true,
        tagMutability: (repository.imageTagMutability ?? 'MUTABLE'),
        exclusions: (repository.imageTagMutabilityExclusionFilters ?? []).map((f) => f.filter ?? '').filter((f) => f !== ''),
        created,
    };
}
async function ensureRepository(client, inputs, registry) {
    try {
        const found = await client.send(new dist_cjs/* DescribeRepositoriesCommand */.pE_({ repositoryNames: [inputs.repository], registryId: inputs.registryId }));
        const repository = found.repositories?.[0];
        if (repository)
            return toInfo(repository, false);
    }
    catch (error) {
        if ((0,errors/* errorName */.Is)(error) !== 'RepositoryNotFoundException')
            throw error;
    }
    if (!inputs.createRepository) {
        throw new Error(`Repository ${inputs.repository} does not exist in registry ${registry}; create it, or set create-repository: true to have this step create it.`);
    }
    const withExclusions = inputs.tagMutability.endsWith('_WITH_EXCLUSION');
    const created = await client.send(new dist_cjs/* CreateRepositoryCommand */.WTe({
        repositoryName: inputs.repository,
        registryId: inputs.registryId,
        imageTagMutability: inputs.tagMutability,
        imageTagMutabilityExclusionFilters: withExclusions
            ? inputs.tagMutabilityExclusions.map((filter) => ({ filterType: 'WILDCARD', filter }))
            : undefined,
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' },
    }));
    if (!created.repository)
        throw new Error(`CreateRepository returned no repository for ${inputs.repository}.`);
    return toInfo(created.repository, true);
}
async function applyLifecyclePolicy(client, repository, policyText) {
    await client.send(new dist_cjs/* PutLifecyclePolicyCommand */.Rcn({
        repositoryName: repository.name,
        registryId: repository.registryId || undefined,
        lifecyclePolicyText: policyText,
    }));
}

;// CONCATENATED MODULE: ./src/ecr/manifest.ts
// Pure: a manifest or index (as BatchGetImage returns it) → its platform manifests.
// Attestation manifests (buildx provenance/SBOM) are skipped: they are not images to scan.
const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];
const INDEX_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
];
const ACCEPTED_MEDIA_TYPES = [...MANIFEST_MEDIA_TYPES, ...INDEX_MEDIA_TYPES];
function isIndex(mediaType, manifest) {
    if (mediaType && INDEX_MEDIA_TYPES.includes(mediaType))
        return true;
    return Array.isArray(manifest.manifests);
}
function platformName(platform) {
    if (!platform?.os || !platform.architecture)
        return 'unknown';
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
/**
 * Platform manifests of an image. For a single manifest, `singlePlatform` names its platform
 * (what was built); an index names its own.
 */
function platformManifests(digest, manifestText, mediaType, singlePlatform) {
    const manifest = JSON.parse(manifestText);
    if (!isIndex(mediaType ?? manifest.mediaType, manifest))
        return [{ platform: singlePlatform, digest }];
    const result = [];
    for (const entry of manifest.manifests ?? []) {
        if (!entry.digest)
            continue;
        if (entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
            continue;
        const platform = platformName(entry.platform);
        if (platform === 'unknown/unknown' || platform === 'unknown')
            continue;
        result.push({ platform, digest: entry.digest });
    }
    return result;
}
function platformDigestsObject(manifests) {
    return Object.fromEntries(manifests.map((m) => [m.platform, m.digest]));
}

;// CONCATENATED MODULE: ./src/ecr/images.ts
// Images in the repository: look up a tag, read a manifest, copy a manifest under a new tag,
// list tags. Thin wrappers: the client is passed in.



async function findImageByTag(client, ref, tag) {
    try {
        const response = await client.send(new dist_cjs/* DescribeImagesCommand */.ji5({ ...ref, imageIds: [{ imageTag: tag }] }));
        const detail = response.imageDetails?.[0];
        if (!detail?.imageDigest)
            return undefined;
        return { digest: detail.imageDigest, mediaType: detail.imageManifestMediaType, tags: detail.imageTags ?? [] };
    }
    catch (error) {
        if ((0,errors/* errorName */.Is)(error) === 'ImageNotFoundException')
            return undefined;
        throw error;
    }
}
async function getManifest(client, ref, digest) {
    const response = await client.send(new dist_cjs/* BatchGetImageCommand */.P8n({ ...ref, imageIds: [{ imageDigest: digest }], acceptedMediaTypes: ACCEPTED_MEDIA_TYPES }));
    const image = response.images?.[0];
    if (!image?.imageManifest) {
        const failure = response.failures?.[0];
        throw new Error(`BatchGetImage found no manifest ${digest} in ${ref.repositoryName}${failure ? `: ${failure.failureCode} ${failure.failureReason ?? ''}`.trimEnd() : ''}.`);
    }
    return { digest, text: image.imageManifest, mediaType: image.imageManifestMediaType };
}
/** Writes an existing manifest under another tag (PutImage): a copy, not a push. */
async function putTag(client, ref, manifest, tag) {
    try {
        await client.send(new PutImageCommand({
            ...ref,
            imageManifest: manifest.text,
            imageManifestMediaType: manifest.mediaType,
            imageDigest: manifest.digest,
            imageTag: tag,
        }));
        return 'written';
    }
    catch (error) {
        // The tag is already on this very manifest: a re-run, nothing to do.
        if (errorName(error) === 'ImageAlreadyExistsException')
            return 'unchanged';
        throw error;
    }
}
/** Every tag in the repository with the digest it points at (all pages). */
async function listTags(client, ref) {
    const tags = new Map();
    let nextToken;
    do {
        const page = await client.send(new ListImagesCommand({ ...ref, filter: { tagStatus: 'TAGGED' }, maxResults: 1000, nextToken }));
        for (const id of page.imageIds ?? []) {
            if (id.imageTag && id.imageDigest)
                tags.set(id.imageTag, id.imageDigest);
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return tags;
}

;// CONCATENATED MODULE: ./src/build/labels.ts
function defaultLabels(facts, now) {
    const labels = [];
    if (facts.owner && facts.repo)
        labels.push(['org.opencontainers.image.source', `${facts.serverUrl}/${facts.owner}/${facts.repo}`]);
    if (facts.sha)
        labels.push(['org.opencontainers.image.revision', facts.sha]);
    labels.push(['org.opencontainers.image.created', now.toISOString()]);
    return labels;
}
/** The user's labels, in their order, then each default label whose key the user did not set. */
function mergeLabels(user, defaults) {
    const keys = new Set(user.map(([key]) => key));
    return [...user, ...defaults.filter(([key]) => !keys.has(key))];
}

;// CONCATENATED MODULE: ./src/build/argv.ts
// Pure: what to build → the `docker buildx build` argument list. Tested by a table.
function buildxArgs(request) {
    const args = ['buildx', 'build'];
    if (request.builder)
        args.push('--builder', request.builder);
    args.push('--file', request.file);
    for (const arg of request.buildArgs)
        args.push('--build-arg', arg);
    for (const [key, value] of request.labels)
        args.push('--label', `${key}=${value}`);
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    for (const spec of request.cacheFrom)
        args.push('--cache-from', spec);
    for (const spec of request.cacheTo)
        args.push('--cache-to', spec);
    for (const secret of request.secrets)
        args.push('--secret', secret);
    args.push(`--provenance=${request.provenance}`);
    if (request.noCache)
        args.push('--no-cache');
    if (request.pull)
        args.push('--pull');
    switch (request.output.kind) {
        case 'push-tag':
            args.push('--tag', request.output.reference, '--push');
            break;
        case 'push-digest':
            args.push('--output', `type=image,name=${request.output.name},push-by-digest=true,name-canonical=true,push=true`);
            break;
        case 'none':
            break;
    }
    args.push('--metadata-file', request.metadataFile);
    args.push(request.context);
    return args;
}

;// CONCATENATED MODULE: ./src/build/metadata.ts
// Pure: buildx's --metadata-file → the pushed digest and media type.
function parseBuildMetadata(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new Error('buildx wrote a metadata file that is not JSON.');
    }
    const descriptor = data['containerimage.descriptor'];
    const digest = data['containerimage.digest'] ?? descriptor?.digest;
    if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
        throw new Error('buildx wrote no image digest (containerimage.digest) in its metadata file.');
    }
    const mediaType = typeof descriptor?.mediaType === 'string' ? descriptor.mediaType : undefined;
    return { digest, mediaType };
}

;// CONCATENATED MODULE: ./src/build/buildx.ts
// Runs docker buildx build and reads back what it pushed.



async function runBuild(request, run) {
    const result = await run('docker', buildxArgs(request), { ignoreReturnCode: true });
    if (result.exitCode !== 0) {
        const reason = lastErrorLine(result.stderr);
        throw new Error(`docker buildx build failed (exit ${result.exitCode})${reason ? `: ${reason}` : ''}`);
    }
    if (request.output.kind === 'none')
        return undefined;
    return parseBuildMetadata(await (0,promises_.readFile)(request.metadataFile, 'utf8'));
}
/** The line of buildx's output that says what went wrong (it ends with `ERROR: …`). */
function lastErrorLine(stderr) {
    const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
    const error = [...lines].reverse().find((line) => /^ERROR:|error:/i.test(line));
    return (error ?? lines[lines.length - 1])?.replace(/^ERROR:\s*/, '');
}
/** The builder's default platform, for a single-platform build that did not name one. */
async function builderPlatform(builder, run) {
    const args = ['buildx', 'inspect', ...(builder ? [builder] : [])];
    const result = await run('docker', args, { silent: true, ignoreReturnCode: true });
    const line = result.stdout.split('\n').find((l) => /^\s*Platforms:/.test(l));
    const first = line?.replace(/^\s*Platforms:\s*/, '').split(',')[0]?.replace('*', '').trim();
    return first || 'linux/amd64';
}

// EXTERNAL MODULE: ./src/util/exec.ts
var exec = __webpack_require__(7895);
;// CONCATENATED MODULE: ./src/main.ts
// The pipeline, in order; the only place that knows the order.
// inputs → event facts → login → repository → tags → build/push (or reuse) → platform digests
// → scan → gate → report → outputs → promote tags or fail.



















async function run() {
    core/* saveState */.LZ(state/* STATE */.c.isPost, 'true');
    const outputs = {};
    try {
        const inputs = readInputs();
        const facts = readEventFacts();
        // Validate the tag plan now (a missing commit SHA, a reference to another image) so a bad
        // input stops the step before any AWS or Docker call; it is computed again after login.
        computeTagPlan(facts, inputs, undefined);
        const tempDir = await (0,promises_.mkdtemp)(external_node_path_.join(process.env.RUNNER_TEMP || external_node_os_.tmpdir(), 'ecr-build-scan-push-'));
        core/* saveState */.LZ(state/* STATE */.c.tempDir, tempDir);
        if (!inputs.push) {
            await core/* group */.Os('Build (push: false)', () => build(inputs, facts, { kind: 'none' }, tempDir));
            await writeSummary(['## Image built, not pushed', '', '`push` is false: nothing was pushed or scanned.']);
            outputs.scanStatus = 'SKIPPED';
            return;
        }
        const client = createEcrClient(inputs.awsRegion);
        const login = await core/* group */.Os('Log in to Amazon ECR', async () => {
            const credentials = await getRegistryLogin(client, inputs.registryId, (secret) => core/* setSecret */.Pq(secret));
            await (0,docker_login/* dockerLogin */.a)(credentials, exec/* runCommand */.d);
            core/* saveState */.LZ(state/* STATE */.c.registries, JSON.stringify([credentials.registry]));
            core/* saveState */.LZ(state/* STATE */.c.skipLogout, String(inputs.skipLogout));
            core/* info */.pq(`Logged in to ${credentials.registry}.`);
            return credentials;
        });
        const image = `${login.registry}/${inputs.repository}`;
        outputs.registry = login.registry;
        outputs.image = image;
        const repository = await core/* group */.Os(`Repository ${inputs.repository}`, async () => {
            const info = await ensureRepository(client, inputs, login.registry);
            core/* info */.pq(`${info.created ? 'Created' : 'Found'} ${info.name}: scan-on-push ${info.scanOnPush ? 'on' : 'off'}, tags ${info.tagMutability}.`);
            if (inputs.lifecyclePolicy) {
                await applyLifecyclePolicy(client, info, inputs.lifecyclePolicy.text);
                core/* info */.pq(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path}.`);
            }
            return info;
        });
        const ref = { repositoryName: repository.name, registryId: inputs.registryId };
        const plan = computeTagPlan(facts, inputs, image);
        const candidate = await core/* group */.Os('Build and push', () => buildAndPush(client, ref, inputs, facts, plan, image, tempDir));
        outputs.digest = candidate.digest;
        outputs.imageUri = `${image}@${candidate.digest}`;
        outputs.tags = plan.candidate ? [`${image}:${plan.candidate}`] : [];
        const platforms = await resolvePlatforms(client, ref, inputs, candidate);
        outputs.platformDigests = platformDigestsObject(platforms);
        await writeSummary(firstSummary(image, candidate, outputs.tags, platforms));
    }
    catch (error) {
        core/* setFailed */.C1((0,errors/* toMessage */.R9)(error));
    }
    finally {
        writeOutputs(outputs);
    }
}
async function buildAndPush(client, ref, inputs, facts, plan, image, tempDir) {
    if (plan.candidate && inputs.skipExisting) {
        const existing = await findImageByTag(client, ref, plan.candidate);
        if (existing) {
            core/* info */.pq(`${image}:${plan.candidate} already exists (${existing.digest}): skipping build and push (skip-existing).`);
            return { digest: existing.digest, mediaType: existing.mediaType, reused: true };
        }
    }
    const output = plan.candidate
        ? { kind: 'push-tag', reference: `${image}:${plan.candidate}` }
        : { kind: 'push-digest', name: image };
    const result = await build(inputs, facts, output, tempDir);
    if (!result)
        throw new Error('buildx pushed nothing.');
    core/* info */.pq(`Pushed ${image}@${result.digest}.`);
    return { digest: result.digest, mediaType: result.mediaType, reused: false };
}
async function build(inputs, facts, output, tempDir) {
    const request = {
        context: inputs.context,
        file: inputs.file,
        buildArgs: inputs.buildArgs,
        labels: mergeLabels(inputs.labels, defaultLabels(facts, new Date())),
        target: inputs.target,
        platforms: inputs.platforms,
        cacheFrom: inputs.cacheFrom,
        cacheTo: inputs.cacheTo,
        secrets: inputs.secrets,
        provenance: inputs.provenance,
        builder: inputs.builder,
        noCache: inputs.noCache,
        pull: inputs.pull,
        output,
        metadataFile: external_node_path_.join(tempDir, 'build-metadata.json'),
    };
    return runBuild(request, exec/* runCommand */.d);
}
/** The platform manifests of the pushed image, read back from the registry (the digest ECR serves). */
async function resolvePlatforms(client, ref, inputs, candidate) {
    const manifest = await getManifest(client, ref, candidate.digest);
    const single = inputs.platforms.length === 1 ? inputs.platforms[0] : await builderPlatform(inputs.builder, exec/* runCommand */.d);
    return platformManifests(candidate.digest, manifest.text, manifest.mediaType ?? candidate.mediaType, single);
}
function firstSummary(image, candidate, tags, platforms) {
    return [
        `## ${candidate.reused ? 'Reused' : 'Pushed'} \`${image}\``,
        '',
        `- Digest: \`${candidate.digest}\``,
        `- Tags: ${tags.length > 0 ? tags.map((t) => `\`${t}\``).join(', ') : '(by digest)'}`,
        ...platforms.map((p) => `- ${p.platform}: \`${p.digest}\``),
    ];
}
async function writeSummary(lines) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core/* summary */.z.addRaw(lines.join('\n'), true).write();
}


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ errorName),
/* harmony export */   R9: () => (/* binding */ toMessage),
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
        return JSON.stringify(error);
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

//# sourceMappingURL=364.index.js.map