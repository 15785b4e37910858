export const id = 154;
export const ids = [154,31];
export const modules = {

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   Uu: () => (/* binding */ escapeCommentKey),
/* harmony export */   X5: () => (/* binding */ cleanText),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   escapeText: () => (/* binding */ escapeText),
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* unused harmony export escapeHtml */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Escaping for text we did not write: IDs, package names, descriptions and URLs come from
// ECR (and, through it, from whoever published a package), tags and reasons from users.
// Rendered into a job summary or a PR comment, none of it may close a table cell, start a
// link, open HTML or end our hidden marker. Pure.

// C0 and C1 controls, DEL, zero-width and bidi controls (which can make text read differently
// from what it is: https://trojansource.codes), and the line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or escaped.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const BREAKS = /[\t\n\r\u2028\u2029]+/g;
/** Anything cleanText changes beyond the trim: a break, an invisible character, two spaces. */
const NEEDS_CLEANING = 
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
/[\t\n\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]| {2}/;
/** Whitespace made single spaces, control characters removed, trimmed. */
function cleanText(value) {
    // Most text needs nothing but the trim: one test instead of three replaces (10,000 findings'
    // texts go through here for the SARIF file alone).
    if (!NEEDS_CLEANING.test(value))
        return value.trim();
    return value.replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}
/** At most `max` characters (code points, so no surrogate pair is split), ending in `…` when cut. */
function shorten(value, max) {
    // Code points are at most as many as UTF-16 units: short strings need no splitting.
    if (value.length <= max)
        return value;
    const points = Array.from(value);
    if (points.length <= max)
        return value;
    return `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
const MARKDOWN_ESCAPES = {
    '\\': '\\\\',
    '|': '\\|',
    '`': '\\`',
    '*': '\\*',
    _: '\\_',
    '[': '\\[',
    ']': '\\]',
    '~': '\\~',
    // A zero-width space after @ and # keeps "@someone", "@org/team" and "owner/repo#12" from
    // notifying people or cross-referencing issues from our comment.
    '@': '@&#8203;',
    '#': '#&#8203;',
    '<': '&lt;',
    '>': '&gt;',
    '&': '&amp;',
};
/**
 * Text that is safe inline in markdown and in a table cell: one line, no markup, no HTML.
 * `max` is in characters before escaping (escaping never cuts an escape in half).
 */
function escapeText(value, max = 200) {
    if (value === undefined)
        return '';
    return shorten(cleanText(value), max).replace(/[\\|`*_[\]~@#<>&]/g, (c) => MARKDOWN_ESCAPES[c] ?? c);
}
// Values that read best as code (digests, tags, image references, versions) and that can be
// put between backticks as they are.
const CODE_SAFE = /^[A-Za-z0-9._:/@+=~-]+$/;
/** `value` as inline code when that is safe, otherwise as escaped text. */
function code(value, max = 200) {
    if (value === undefined || value === '')
        return '';
    const short = shorten(value, max);
    return CODE_SAFE.test(value) ? `\`${short}\`` : escapeText(value, max);
}
const MAX_URL = 1000;
/**
 * The URL when it is http(s) and short enough to link, with everything that could end a markdown
 * link destination or a table cell percent-encoded; otherwise undefined.
 */
function safeUrl(value) {
    if (!value)
        return undefined;
    const text = cleanText(value);
    if (text.length > MAX_URL || !/^https?:\/\//i.test(text))
        return undefined;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return undefined;
    if (url.username || url.password)
        return undefined; // never link a URL that carries credentials
    return url.href.replace(/[()[\]|\\`<>"' ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/** `[text](url)` when the URL is http(s), otherwise the text alone; both escaped. */
function link(text, url, max = 200) {
    const href = safeUrl(url);
    const label = escapeText(text, max);
    return href && label ? `[${label}](${href})` : label;
}
/** For text placed inside raw HTML (e.g. `<summary>`), where markdown escapes do not apply. */
function escapeHtml(value, max = 200) {
    return shorten(cleanText(value), max).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const MAX_KEY = 200;
/**
 * A comment key made safe inside `<!-- … -->`: only [A-Za-z0-9._/:@+-] pass, everything else
 * (and `%` itself) is percent-encoded, and a `-` that follows a `-` is encoded too, so the key
 * can hold neither `-->`, `--!>` nor a line break. Distinct keys stay distinct; a very long key
 * is replaced by its prefix and a hash.
 */
function escapeCommentKey(key) {
    let out = '';
    for (const char of key) {
        const plain = /^[A-Za-z0-9._/:@+]$/.test(char) || (char === '-' && !out.endsWith('-'));
        out += plain ? char : encodeChar(char);
    }
    if (out.length <= MAX_KEY)
        return out;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 16);
    const head = out.slice(0, MAX_KEY - 24).replace(/%[0-9A-F]?$/, ''); // not half an escape
    return `${head}.sha256.${hash}`;
}
function encodeChar(char) {
    return Array.from(Buffer.from(char, 'utf8'))
        .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
}
/** 12,345 — the same on every runner, whatever its locale. */
function formatCount(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** "1 finding", "2 findings". */
function plural(count, one, many = `${one}s`) {
    return `${formatCount(count)} ${count === 1 ? one : many}`;
}


/***/ }),

/***/ 9669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ jsonChunks),
/* harmony export */   v: () => (/* binding */ streamedArray)
/* harmony export */ });
// JSON text in pieces, for files too big to hold whole: the JSON report and SARIF of 10,000
// findings are megabytes of text, and one string of it (plus its UTF-8 copy, plus the object
// graph it came from) is most of the action's peak memory. Arrays marked with streamedArray are
// rendered one item at a time; joined, the pieces are byte for byte what JSON.stringify gives.
// Pure.
const ITEMS = Symbol('streamed array items');
/**
 * An array for jsonChunks to render item by item. `items` is called once per rendering, so a
 * value holding it can be rendered (or measured, then written) more than once.
 */
function streamedArray(items) {
    return { [ITEMS]: items, toJSON: () => Array.from(items()) };
}
/**
 * `JSON.stringify(value, null, indent)` as pieces of text. Plain objects and arrays that hold a
 * streamedArray are walked; the items of a streamedArray, and every other value, are rendered
 * by JSON.stringify itself, one piece each.
 */
function* jsonChunks(value, indent = 0) {
    const gap = ' '.repeat(Math.min(10, Math.max(0, Math.floor(indent))));
    if (isWalked(value))
        yield* render(value, gap, '');
    else {
        const text = stringify(value, gap, '');
        if (text !== undefined)
            yield text;
    }
}
/** A value for which isWalked is true. */
function* render(value, gap, margin) {
    if (isStreamed(value))
        yield* renderItems(value[ITEMS](), false, gap, margin);
    else if (Array.isArray(value))
        yield* renderItems(value, true, gap, margin);
    else
        yield* renderObject(value, gap, margin);
}
/** Items of a streamed array rendered per JSON.stringify call: few calls, none holding much. */
const BATCH = 16;
function* renderItems(items, walk, gap, margin) {
    const inner = margin + gap;
    const separator = gap ? `,\n${inner}` : ',';
    if (!walk) {
        // A streamed array's items are plain values: JSON.stringify renders them, a batch at a time,
        // at their depth (no line of theirs re-indented afterwards, which cost more than rendering).
        const depth = gap ? inner.length / gap.length : 0;
        let first = true;
        let batch = [];
        for (const item of items) {
            batch.push(item);
            if (batch.length < BATCH)
                continue;
            yield (first ? (gap ? '[\n' : '[') : gap ? ',\n' : ',') + stringifyItems(batch, gap, depth);
            first = false;
            batch = [];
        }
        if (batch.length > 0) {
            yield (first ? (gap ? '[\n' : '[') : gap ? ',\n' : ',') + stringifyItems(batch, gap, depth);
            first = false;
        }
        yield first ? '[]' : gap ? `\n${margin}]` : ']';
        return;
    }
    let first = true;
    for (const item of items) {
        const lead = first ? (gap ? `[\n${inner}` : '[') : separator;
        first = false;
        if (isWalked(item)) {
            yield lead;
            yield* render(item, gap, inner);
        }
        else {
            // An array holds undefined, functions and symbols as null.
            yield lead + (stringify(item, gap, inner) ?? 'null');
        }
    }
    yield first ? '[]' : gap ? `\n${margin}]` : ']';
}
/**
 * Items as JSON.stringify writes them inside an array at `depth` (each on its own line, indented,
 * joined by `,`), without the brackets: the batch is stringified inside depth − 1 arrays, and
 * the text around it, which those arrays add, is cut off.
 */
function stringifyItems(items, gap, depth) {
    if (!gap)
        return JSON.stringify(items).slice(1, -1);
    let wrapped = items;
    for (let i = 1; i < depth; i += 1)
        wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, gap);
    let open = 0;
    let close = 0;
    for (let i = 0; i < depth; i += 1) {
        open += i * gap.length + 2; // `${gap × i}[\n`
        close += i * gap.length + 2; // `\n${gap × i}]`
    }
    return text.slice(open, text.length - close);
}
function* renderObject(value, gap, margin) {
    const inner = margin + gap;
    const separator = gap ? `,\n${inner}` : ',';
    const colon = gap ? ': ' : ':';
    let first = true;
    for (const [key, member] of Object.entries(value)) {
        // An object leaves out undefined, functions and symbols, as JSON.stringify does.
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol')
            continue;
        const lead = `${first ? (gap ? `{\n${inner}` : '{') : separator}${JSON.stringify(key)}${colon}`;
        first = false;
        if (isWalked(member)) {
            yield lead;
            yield* render(member, gap, inner);
        }
        else {
            yield lead + (stringify(member, gap, inner) ?? 'null');
        }
    }
    yield first ? '{}' : gap ? `\n${margin}}` : '}';
}
/** Values walked here rather than handed to JSON.stringify whole: those holding a streamed array. */
function isWalked(value) {
    if (isStreamed(value))
        return true;
    if (Array.isArray(value))
        return value.some(isWalked);
    return isPlainObject(value) && Object.values(value).some(isWalked);
}
/** JSON.stringify at a depth: its line breaks (never inside a string) indented by `margin`. */
function stringify(value, gap, margin) {
    const text = JSON.stringify(value, null, gap);
    return text !== undefined && gap && margin ? text.replace(/\n/g, `\n${margin}`) : text;
}
function isStreamed(value) {
    return typeof value === 'object' && value !== null && ITEMS in value;
}
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === null) && typeof value.toJSON !== 'function';
}


/***/ }),

/***/ 643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stepSarifFile: () => (/* binding */ stepSarifFile)
/* harmony export */ });
/* unused harmony exports SARIF_TOOL_NAME, DEFAULT_INFORMATION_URI, SARIF_BUDGET_BYTES, securitySeverity, sarifLevel, fingerprint, MAX_RUNS_PER_FILE, MAX_RESULTS_PER_RUN, renderSarif, sarifFile, sarifChunks, stepSarifChunks, artifactUri */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5078);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4031);
/* harmony import */ var _json_chunks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9669);
// SARIF 2.1.0 for github/codeql-action/upload-sarif. Pure.
//
// Code scanning needs: a rule per vulnerability with properties["security-severity"] (a number
// as a string) to show severity, a location for every result (we point at the Dockerfile, line 1),
// and partialFingerprints that stay the same from run to run, so an alert is tracked, not
// re-opened (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
// Ignored findings are not results. The file is compact JSON held under SARIF_BUDGET_BYTES:
// descriptions are shortened, then dropped, then the least severe results are, before it grows
// past what the upload accepts. It is made a rule or a result at a time (sarifChunks), never
// whole: 10,000 results are megabytes of text.




const SARIF_TOOL_NAME = 'ecr-build-scan-push';
const DEFAULT_INFORMATION_URI = 'https://github.com/marketplace/actions/ecr-build-scan-push';
/** Under code scanning's 10 MB upload limit, with room to spare. */
const SARIF_BUDGET_BYTES = 9_000_000;
const FINGERPRINT_KEY = 'ecrFinding/v1';
const SECURITY_SEVERITY = { CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 2.0 };
const LEVELS = {
    CRITICAL: 'error',
    HIGH: 'error',
    MEDIUM: 'warning',
    LOW: 'note',
    INFORMATIONAL: 'note',
    UNDEFINED: 'note',
};
/**
 * Code scanning's number for a finding: the CVSS base score when enhanced scanning gives one
 * (what code scanning ranks by); otherwise fixed per severity, the finding's own score below LOW.
 */
function securitySeverity(finding) {
    const base = finding.cvss?.baseScore;
    if (base !== undefined && Number.isFinite(base))
        return Math.min(10, Math.max(0, base)).toFixed(1);
    const fixed = SECURITY_SEVERITY[finding.severity];
    if (fixed !== undefined)
        return fixed.toFixed(1);
    const score = finding.score;
    return score !== undefined && Number.isFinite(score) ? Math.min(10, Math.max(0, score)).toFixed(1) : '0.0';
}
function sarifLevel(severity) {
    return LEVELS[severity];
}
/**
 * Stable across runs for the same vulnerability in the same package on the same platform (and,
 * in a run of several images, of the same image).
 */
function fingerprint(finding, image) {
    const key = [finding.id, finding.package ?? '', finding.platform, ...(image !== undefined ? [image] : [])];
    // One-shot: no Hash object (and its native state) per result, for 10,000 results at a time.
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', JSON.stringify(key), 'hex');
}
/**
 * Code scanning's hard limits on one upload (docs.github.com, "SARIF results exceed limit"):
 * at most 20 runs per file and 25,000 results per run; a file over either is rejected whole.
 * upload-sarif given a directory combines its files into one upload first (codeql-action,
 * src/upload-lib.ts, combineSarifFilesUsingCLI), so a directory of 21 one-run files fails too.
 */
const MAX_RUNS_PER_FILE = 20;
const MAX_RESULTS_PER_RUN = 25_000;
function renderSarif(report, options) {
    return Array.from(sarifChunks(report, options)).join('');
}
/** One image's SARIF file: one run. */
function sarifFile(report, options) {
    const maxBytes = options.maxBytes ?? SARIF_BUDGET_BYTES;
    return fileOf([runPlan([{ report, dockerfile: options.dockerfile }], options, maxBytes - WRAPPER_BYTES)]);
}
/**
 * The step's SARIF file, always within code scanning's limits. One image (`one`): one run, as it
 * always was. Several, up to 20: a run per image, each its image's findings at the most detail
 * that fits an even share of the cap, each with its own category (`automationDetails.id`), which
 * code scanning needs to tell runs of one tool apart. More than 20: one run for all of them (a
 * run per image would be rejected), each result naming its image, located in its Dockerfile and
 * fingerprinted with its name; worst first across the images, at most 25,000.
 */
function stepSarifFile(step, options) {
    const maxBytes = options.maxBytes ?? SARIF_BUDGET_BYTES;
    const sources = step.images.map(({ name, report }) => ({ name, report, dockerfile: options.dockerfileOf(name) }));
    if (step.layout === 'one' && sources.length === 1) {
        return fileOf([runPlan([{ ...sources[0], name: undefined }], options, maxBytes - WRAPPER_BYTES)]);
    }
    if (sources.length <= MAX_RUNS_PER_FILE) {
        const share = Math.floor(maxBytes / Math.max(1, sources.length)) - WRAPPER_BYTES;
        return fileOf(sources.map((source) => runPlan([source], options, share, `${SARIF_TOOL_NAME}/${source.name}/`)));
    }
    return fileOf([runPlan(sources, options, maxBytes - WRAPPER_BYTES, `${SARIF_TOOL_NAME}/images/`)]);
}
/** The file's text in memory, each run at its first rendering that fits (tests, renderSarif). */
function sarifChunks(report, options) {
    return fileText(sarifFile(report, options));
}
/** The step's SARIF file's text in memory (tests); the action writes it with writeSarifFile. */
function stepSarifChunks(step, options) {
    return fileText(stepSarifFile(step, options));
}
const LOG_START = '{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[';
const LOG_END = ']}\n';
/** What a log of one run adds around it: a run's share of the cap is measured as a log of its own. */
const WRAPPER_BYTES = Buffer.byteLength(LOG_START + LOG_END, 'utf8');
function fileOf(runs) {
    return { start: LOG_START, runs, separator: ',', end: LOG_END };
}
/** The text of a SARIF file (compact JSON, as JSON.stringify writes it, and a line break), in memory. */
function fileText(file) {
    return {
        *[Symbol.iterator]() {
            yield file.start;
            let first = true;
            for (const run of file.runs) {
                if (!first)
                    yield file.separator;
                first = false;
                let last = [];
                for (const rendering of run.renderings) {
                    const pieces = fitted(rendering, run.maxBytes);
                    if (pieces) {
                        last = pieces;
                        break;
                    }
                    last = Array.from(rendering);
                }
                yield* last;
            }
            yield file.end;
        },
    };
}
/** A run's plan: its findings worst first (at most MAX_RESULTS_PER_RUN), and its renderings. */
function runPlan(sources, options, maxBytes, category) {
    // Worst first (a stable sort: each report's own order within a severity, the images in order).
    const findings = sources
        .flatMap((source, i) => source.report.findings.filter((f) => !f.ignored).map((finding) => ({ finding, source: i })))
        .sort((a, b) => (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(b.finding.severity) - (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(a.finding.severity));
    const limit = Math.min(findings.length, MAX_RESULTS_PER_RUN);
    const at = (detail) => ({
        [Symbol.iterator]: () => (0,_json_chunks_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonChunks */ .V)(sarifRun(sources, findings, options, detail, category)),
    });
    return {
        maxBytes,
        renderings: {
            *[Symbol.iterator]() {
                for (const description of [1000, 200, 0])
                    yield at({ description, results: limit });
                // Still too big: keep the worst results.
                for (let kept = Math.floor(limit / 2); kept > 0; kept = Math.floor(kept / 2))
                    yield at({ description: 0, results: kept });
                yield at({ description: 0, results: 0 });
            },
        },
    };
}
/** The pieces, when they come to at most `maxBytes` of UTF-8; undefined (and no more read) once over. */
function fitted(pieces, maxBytes) {
    const kept = [];
    let bytes = 0;
    for (const piece of pieces) {
        bytes += Buffer.byteLength(piece, 'utf8');
        if (bytes > maxBytes)
            return undefined;
        kept.push(piece);
    }
    return kept;
}
/** The run for the first `detail.results` of `findings` (worst first), rendered as it is read. */
function sarifRun(sources, findings, options, detail, category) {
    const kept = Math.min(detail.results, findings.length);
    const { ruleOf, worst } = rulesOf(findings, kept);
    const locations = sources.map((source) => [
        { physicalLocation: { artifactLocation: { uri: artifactUri(source.dockerfile) }, region: { startLine: 1 } } },
    ]);
    // A run of several images names each result's image; a run of one image is that image's.
    const several = sources.length > 1;
    const first = sources[0].report;
    return {
        tool: {
            driver: {
                name: SARIF_TOOL_NAME,
                informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
                rules: (0,_json_chunks_js__WEBPACK_IMPORTED_MODULE_3__/* .streamedArray */ .v)(function* () {
                    for (const f of worst)
                        yield rule(f, detail);
                }),
            },
        },
        results: (0,_json_chunks_js__WEBPACK_IMPORTED_MODULE_3__/* .streamedArray */ .v)(function* () {
            for (let i = 0; i < kept; i += 1) {
                const { finding, source } = findings[i];
                yield result(finding, ruleOf[i], locations[source], several ? sources[source].name : undefined);
            }
        }),
        ...(category ? { automationDetails: { id: category } } : {}),
        properties: several
            ? {
                images: Object.fromEntries(sources.map((s) => [s.name, { image: s.report.image, digest: s.report.digest, verdict: s.report.verdict }])),
                ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
            }
            : {
                image: first.image,
                digest: first.digest,
                verdict: first.verdict,
                ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
            },
    };
}
/**
 * One rule per vulnerability ID, in the order of its first result: each result's rule index, and
 * each rule's worst finding. Plain arrays rather than a map of objects: they are held while the
 * file is measured and written.
 */
function rulesOf(findings, count) {
    const index = new Map();
    const ruleOf = new Int32Array(count);
    const worst = [];
    for (let i = 0; i < count; i += 1) {
        const f = findings[i].finding;
        const known = index.get(f.id);
        if (known === undefined) {
            index.set(f.id, worst.length);
            ruleOf[i] = worst.length;
            worst.push(f);
        }
        else {
            ruleOf[i] = known;
            if (worse(f, worst[known]))
                worst[known] = f;
        }
    }
    return { ruleOf, worst };
}
/** `image`: the result's image, in a run of several images (its message and fingerprint name it). */
function result(f, ruleIndex, locations, image) {
    return {
        ruleId: f.id,
        ruleIndex,
        level: sarifLevel(f.severity),
        message: { text: image === undefined ? message(f) : sarifText(`${image}: ${message(f)}`, 1000) },
        locations,
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f, image) },
        properties: {
            ...(image !== undefined ? { image } : {}),
            severity: f.severity,
            package: f.package,
            version: f.version,
            fixedIn: f.fixedIn,
            fixAvailable: f.fixAvailable,
            platform: f.platform,
            comparison: f.comparison,
            blocking: f.blocking,
            'security-severity': securitySeverity(f),
            ...(f.cvss?.vector ? { cvssVector: f.cvss.vector } : {}),
            ...(f.epss !== undefined ? { epss: f.epss } : {}),
            ...(f.exploitAvailable ? { exploitAvailable: f.exploitAvailable } : {}),
            ...(f.heldBack ? { heldBack: f.heldBack } : {}),
        },
    };
}
function worse(a, b) {
    const rank = (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(a.severity) - (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(b.severity);
    return rank > 0 || (rank === 0 && (a.score ?? -1) > (b.score ?? -1));
}
function rule(f, detail) {
    const description = f.description ? sarifText(f.description, detail.description) : '';
    return {
        id: f.id,
        shortDescription: { text: sarifText(f.title || `${f.id} (${f.severity})`, 200) },
        ...(description ? { fullDescription: { text: description } } : {}),
        helpUri: (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .safeUrl */ .Pl)(f.uri),
        properties: {
            tags: ['security', 'vulnerability', 'container-image'],
            'security-severity': securitySeverity(f),
        },
    };
}
function message(f) {
    const what = f.package ? `${f.package}${f.version ? ` ${f.version}` : ''}` : 'the image';
    const fix = f.fixedIn ? `fixed in ${f.fixedIn}` : f.fixAvailable === 'NO' ? 'no fix available' : 'no fixed version known';
    const mark = f.comparison === 'new' ? ' New in this image.' : f.comparison === 'in-base' ? ' Also in the base image.' : '';
    return sarifText(`${f.id} (${f.severity}) in ${what} on ${f.platform}: ${fix}.${mark}`, 1000);
}
/**
 * Plain text as SARIF messages take it: one line, bounded, with `[` `]` and `\` escaped so a
 * package name cannot become an embedded link (SARIF 2.1.0 §3.11.6).
 */
function sarifText(value, max) {
    if (max <= 0)
        return '';
    const text = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .shorten */ .ml)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .cleanText */ .X5)(value), max);
    return /[\\[\]]/.test(text) ? text.replace(/[\\[\]]/g, (c) => `\\${c}`) : text;
}
/** Repository-relative, forward slashes, no leading `./`. */
function artifactUri(dockerfile) {
    return dockerfile.replace(/\\/g, '/').replace(/^(\.\/)+/, '') || 'Dockerfile';
}


/***/ }),

/***/ 5154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishStep: () => (/* binding */ publishStep),
  reportOfBuildOnly: () => (/* binding */ reportOfBuildOnly),
  reportOfStep: () => (/* binding */ reportOfStep)
});

// EXTERNAL MODULE: ./src/util/actions-core.ts
var actions_core = __webpack_require__(155);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/shared/finding.ts
var finding = __webpack_require__(4316);
// EXTERNAL MODULE: ./src/gate/policy.ts
var policy = __webpack_require__(2601);
// EXTERNAL MODULE: ./src/shared/severity.ts
var severity = __webpack_require__(5078);
;// CONCATENATED MODULE: ./src/report/assemble.ts
// Pure: the one Report, from what the pipeline learned. Renderers and outputs read it as it is.




/** The step's report: its images' reports and the verdict over them (src/gate/verdict.ts decideStep). */
function stepReport(layout, verdict, images, runUrl) {
    return { layout, verdict: verdict.verdict, fails: verdict.fails, reason: verdict.reason, images, ...(runUrl ? { runUrl } : {}) };
}
/** The gate's settings as the report shows them. */
function gateSettings(inputs) {
    return {
        threshold: inputs.severityThreshold,
        mode: inputs.gate,
        onIncomplete: inputs.onScanIncomplete,
        ignoreUnfixed: inputs.ignoreUnfixed,
        ...(inputs.epssThreshold !== undefined ? { epssThreshold: inputs.epssThreshold } : {}),
        ...(inputs.failOnExploitable ? { failOnExploitable: true } : {}),
    };
}
function buildReport(parts) {
    const { decision, scans } = parts;
    const perPlatform = (0,policy/* countByPlatform */.IG)(decision.findings);
    const platforms = scans.map((scan) => ({
        platform: scan.platform,
        digest: scan.digest,
        status: scan.status,
        ...(scan.description !== undefined ? { description: scan.description } : {}),
        counts: perPlatform[scan.platform] ?? (0,severity/* emptyCounts */.W1)(),
        ignored: (0,policy/* countIgnored */.qd)(decision.findings.filter((finding) => finding.platform === scan.platform)),
    }));
    const scanType = scans.find((scan) => scan.scanType !== undefined)?.scanType;
    return {
        ...imageFields(parts),
        scan: { status: overallStatus(scans), ...(scanType ? { scanType } : {}), platforms },
        gate: parts.gate,
        verdict: decision.verdict,
        reason: decision.reason,
        fails: decision.fails,
        findings: [...decision.findings].sort(policy/* worstFirst */.md),
        counts: (0,policy/* countFindings */.Gt)(decision.findings),
        ignoredCount: (0,policy/* countIgnored */.qd)(decision.findings),
        ...(scanType === 'ENHANCED' ? { exploitableCount: (0,policy/* countExploitable */.f4)(decision.findings) } : {}),
        ...(parts.riskNotes && parts.riskNotes.length > 0 ? { riskNotes: parts.riskNotes } : {}),
        expiredIgnores: parts.ignores.expired,
        ...(parts.comparison ? { comparison: parts.comparison } : {}),
        ...optionalFields(parts),
    };
}
/** The report when nothing was scanned: status SKIPPED, verdict skipped, the step does not fail. */
function skippedReport(parts) {
    const reason = verdict/* SKIPPED_REASONS */.N8[parts.skipped];
    return {
        ...imageFields(parts),
        scan: {
            status: 'SKIPPED',
            platforms: (parts.platforms ?? []).map((manifest) => ({
                platform: manifest.platform,
                digest: manifest.digest,
                status: 'SKIPPED',
                counts: (0,severity/* emptyCounts */.W1)(),
                ignored: 0,
            })),
        },
        gate: parts.gate,
        verdict: 'skipped',
        reason,
        fails: false,
        findings: [],
        counts: (0,severity/* emptyCounts */.W1)(),
        ignoredCount: 0,
        expiredIgnores: [],
        ...optionalFields(parts),
    };
}
/**
 * COMPLETE/ACTIVE when every platform is; otherwise the first platform's status that is not
 * (TIMEOUT, FAILED, …). No platform at all means there was nothing ECR could scan.
 */
function overallStatus(scans) {
    if (scans.length === 0)
        return 'UNSUPPORTED_IMAGE';
    const notComplete = scans.find((scan) => !scan.complete);
    if (notComplete)
        return notComplete.status;
    return scans.find((scan) => finding/* FINDINGS_READY */.td.includes(scan.status))?.status ?? scans[0].status;
}
function imageFields(parts) {
    return {
        image: parts.image,
        ...(parts.digest ? { digest: parts.digest, imageUri: `${parts.image}@${parts.digest}` } : {}),
        tags: parts.tags,
        heldBack: parts.heldBack ?? [],
        build: parts.build,
        ...(parts.attestations ? { attestations: parts.attestations } : {}),
        ...(parts.commit ? { commit: parts.commit } : {}),
        ...(parts.commit && parts.commitUrl ? { commitUrl: parts.commitUrl } : {}),
    };
}
function optionalFields(parts) {
    return {
        ...(parts.runUrl ? { runUrl: parts.runUrl } : {}),
        ...(parts.reportPath ? { reportPath: parts.reportPath } : {}),
        generatedAt: parts.generatedAt,
    };
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
;// CONCATENATED MODULE: ./src/report/fit.ts
/** GitHub's job summary limit is in bytes of UTF-8. */
const UTF8_BYTES = {
    size: (text) => Buffer.byteLength(text, 'utf8'),
    prefix: (text, size) => Buffer.from(text, 'utf8').subarray(0, size).toString('utf8'),
};
/** GitHub's comment limit is in characters as JavaScript counts `length` (UTF-16 code units). */
const UTF16_UNITS = {
    size: (text) => text.length,
    prefix: (text, size) => text.slice(0, size),
};
/** At most this many `<details>` are closed after a cut (what the renderers open, and then some). */
const MAX_OPEN_DETAILS = 8;
const CLOSING = '\n\n</details>'.repeat(MAX_OPEN_DETAILS);
/**
 * Renders with `maxRows` rows, then half as many, … until the text fits the limit; with no rows
 * left, it is cut (cutToFit). Rows are bounded in length, so this rarely loops; it makes the
 * limit hold whatever the data.
 */
function fitToLimit(render, options) {
    for (let rows = Math.max(0, options.maxRows);; rows = Math.floor(rows / 2)) {
        const text = render(rows);
        if (rows === 0 || options.measure.size(text) <= options.limit)
            return cutToFit(text, options.limit, options.measure, options.note);
    }
}
/**
 * Text of at most `limit`: as it is when it fits; otherwise cut at a line break, any `<details>`
 * the cut left open closed, and `note` added on its own paragraph.
 */
function cutToFit(text, limit, measure, note) {
    if (measure.size(text) <= limit)
        return text;
    const room = Math.max(0, limit - measure.size(`${CLOSING}\n\n${note}\n`));
    const cut = measure.prefix(text, room);
    const line = cut.lastIndexOf('\n');
    return `${closeDetails(line > 0 ? cut.slice(0, line) : '')}\n\n${note}\n`;
}
/** Text cut short, with the `<details>` it left open closed (at most MAX_OPEN_DETAILS). */
function closeDetails(cut) {
    const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    return open > 0 ? `${cut}${'\n\n</details>'.repeat(Math.min(open, MAX_OPEN_DETAILS))}` : cut;
}

// EXTERNAL MODULE: ./src/gate/compare.ts
var compare = __webpack_require__(5764);
// EXTERNAL MODULE: ./src/gate/risk.ts
var risk = __webpack_require__(5492);
;// CONCATENATED MODULE: ./src/report/view.ts
/**
 * The tables of the report, in order, each with the rows it shows: `maxRows` rows in all,
 * given to the tables in order. Empty tables are not in the view.
 */
function viewSections(report, audience, maxRows) {
    let remaining = Math.max(0, maxRows);
    const view = [];
    // Enhanced findings say exploitAvailable (and EPSS, from Amazon Inspector); basic ones say neither.
    const risk = report.findings.some((f) => f.epss !== undefined || f.exploitAvailable !== undefined);
    for (const table of tables(report, audience)) {
        if (table.rows.length === 0)
            continue;
        const { shown, leftOut } = take(table.rows, remaining);
        remaining -= shown.length;
        view.push({ title: table.title, columns: table.columns, count: table.rows.length, shown, leftOut, folded: table.folded, risk });
    }
    return view;
}
function tables(report, audience) {
    const findings = report.findings;
    const table = (title, list, folded) => ({
        title,
        columns: 'finding',
        rows: groupFindings(list),
        folded,
    });
    // The summary lists the ignored findings too; the comment leaves them to the summary.
    const ignored = audience === 'summary'
        ? [
            {
                title: 'Ignored findings',
                columns: 'ignored',
                rows: groupFindings(findings.filter((f) => f.ignored), (f) => f.ignored),
                folded: true,
            },
        ]
        : [];
    if (report.comparison?.available) {
        return [
            table('New findings', newFindings(report), false),
            table('Failing the gate, already in the base image', findings.filter((f) => f.blocking && f.comparison !== 'new'), false),
            table('Fixed since the base image', report.comparison.fixed, true),
            table(audience === 'summary' ? 'Other findings, already in the base image' : 'Other findings', findings.filter((f) => !f.blocking && !f.ignored && f.comparison !== 'new'), true),
            ...ignored,
        ];
    }
    const blocking = findings.filter((f) => f.blocking);
    // At or above the severity but under epss-threshold: listed as such, never hidden among the others.
    const heldBack = findings.filter((f) => f.heldBack === 'epss');
    const others = findings.filter((f) => !f.blocking && !f.ignored && f.heldBack === undefined);
    // Whatever did not decide the gate, folded away when something did; a passing PR's comment
    // still shows what it carries, folded.
    const othersOpen = audience === 'summary' && blocking.length === 0;
    return [
        table('Findings that failed the gate', blocking, false),
        table('Held back by the EPSS threshold', heldBack, false),
        table(othersOpen ? 'Findings' : 'Other findings', others, !othersOpen),
        ...ignored,
    ];
}
function groupFindings(findings, ignoredOf = () => undefined) {
    const rows = new Map();
    for (const finding of findings) {
        const ignored = ignoredOf(finding);
        // Fields joined by a separator no field holds (text from ECR is one line, cleaned of controls
        // where shown); an absent field is marked apart from an empty one.
        const key = [finding.id, finding.package, finding.version, finding.fixedIn, finding.severity, ignored?.by, ignored?.reason]
            .map((field) => (field === undefined ? '\u0001' : `\u0002${field}`))
            .join('\u0000');
        const row = rows.get(key);
        if (row) {
            if (!row.platforms.includes(finding.platform))
                row.platforms.push(finding.platform);
        }
        else {
            rows.set(key, { finding, platforms: [finding.platform] });
        }
    }
    return [...rows.values()];
}
/** The first `limit` rows, and how many were left out. */
function take(rows, limit) {
    const shown = rows.slice(0, Math.max(0, limit));
    return { shown, leftOut: rows.length - shown.length };
}
/** Findings new against the base image that are not ignored. */
function newFindings(report) {
    return report.findings.filter((f) => f.comparison === 'new' && !f.ignored);
}
/** The images of a step of several, each with its share of `maxRows` finding rows, the clean ones folded. */
function imageSections(step, maxRows) {
    const rows = shareRows(step.images, maxRows);
    return step.images.map((image, i) => ({ ...image, rows: rows[i], folded: isClean(image.report) }));
}
/** An image is shown folded when nothing in it needs a look: it passed (or was skipped) with no finding. */
function isClean(report) {
    return (report.verdict === 'passed' || report.verdict === 'skipped') && report.findings.every((f) => f.ignored !== undefined);
}
/** `total` rows shared out: the images that are not clean first, in order, then the others. */
function shareRows(images, total) {
    const order = images.map((image, i) => ({ i, first: !isClean(image.report) })).sort((a, b) => Number(b.first) - Number(a.first));
    const rows = images.map(() => 0);
    const each = Math.floor(Math.max(0, total) / Math.max(1, images.length));
    let left = Math.max(0, total);
    for (const { i } of order) {
        rows[i] = Math.min(each, left);
        left -= rows[i];
    }
    // What an even share leaves over goes to the first images in that order.
    for (const { i } of order) {
        if (left <= 0)
            break;
        rows[i] += 1;
        left -= 1;
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/report/markdown-parts.ts
// The markdown the job summary and the PR comment share: the verdict heading, the counts table,
// a section of the view as a table, the comparison sentence. Pure; every value from a finding or a user goes
// through escape.ts.





const VERDICT_TITLES = {
    passed: '✅ ECR scan passed',
    failed: '❌ ECR scan failed',
    incomplete: '⚠️ ECR scan incomplete',
    skipped: '⏭ ECR scan skipped',
};
const SEVERITY_ICONS = {
    CRITICAL: '🔴',
    HIGH: '🟠',
    MEDIUM: '🟡',
    LOW: '🔵',
    INFORMATIONAL: '⚪',
    UNDEFINED: '⚫',
};
/** The repository part of registry/repository (the whole reference when there is no registry). */
function repositoryName(image) {
    const slash = image.indexOf('/');
    return slash > 0 && /[.:]/.test(image.slice(0, slash)) ? image.slice(slash + 1) : image;
}
function heading(level, report) {
    return `${'#'.repeat(level)} ${VERDICT_TITLES[report.verdict]}: ${(0,report_escape.escapeText)(repositoryName(report.image), 120)}`;
}
/** A step of several images: `## ❌ ECR scan failed: 3 images`. */
function stepHeading(level, step) {
    return `${'#'.repeat(level)} ${VERDICT_TITLES[step.verdict]}: ${step.images.length} images`;
}
/**
 * A step of several images: a row per image, its verdict and counts (each image's section
 * below names its digest; the table stays narrow enough for a PR comment).
 */
function overviewTable(step) {
    const lines = [`| Image | Verdict | ${severity/* SEVERITIES */.oC.join(' | ')} |`, `|---|---|${severity/* SEVERITIES */.oC.map(() => '--:|').join('')}`];
    for (const { name, report } of step.images) {
        const counts = severity/* SEVERITIES */.oC.map((s) => (report.verdict === 'skipped' ? '–' : (0,report_escape/* formatCount */.B4)(report.counts[s])));
        lines.push(`| ${(0,report_escape/* code */.aY)(name, 80)} | ${VERDICT_TITLES[report.verdict].split(' ')[0]} ${report.verdict} | ${counts.join(' | ')} |`);
    }
    return [...lines, ''];
}
/** Each image's section as `render` writes it; a clean one folded under its name and verdict. */
function imageSectionLines(sections, render) {
    return sections.flatMap((section) => {
        const body = render(section);
        if (!section.folded)
            return [body];
        return [
            `<details>`,
            `<summary>${(0,report_escape.escapeText)(section.name, 80)}: ${VERDICT_TITLES[section.report.verdict]}</summary>`,
            '',
            body,
            '</details>',
            '',
        ];
    });
}
function severityCell(severity) {
    return `${SEVERITY_ICONS[severity]} ${severity}`;
}
/**
 * One table row per platform (each counts within its platform), and a total row counting each
 * vulnerability in each package once when there is more than one platform.
 */
function countsTable(report) {
    const platforms = report.scan.platforms;
    if (platforms.length === 0)
        return [];
    const lines = [`| Platform | Scan | ${severity/* SEVERITIES */.oC.join(' | ')} | Ignored |`, `|---|---|${severity/* SEVERITIES */.oC.map(() => '--:|').join('')}--:|`];
    for (const platform of platforms)
        lines.push(countsRow((0,report_escape.escapeText)(platform.platform, 60), (0,report_escape.escapeText)(platform.status, 40), platform.counts, platform.ignored));
    if (platforms.length > 1)
        lines.push(countsRow('**All platforms**', '', report.counts, report.ignoredCount));
    return lines;
}
function countsRow(label, status, counts, ignored) {
    return `| ${label} | ${status} | ${severity/* SEVERITIES */.oC.map((s) => (0,report_escape/* formatCount */.B4)(counts[s])).join(' | ')} | ${(0,report_escape/* formatCount */.B4)(ignored)} |`;
}
/** Why a platform's scan gave no findings, for statuses that are not final. */
function platformNotes(platforms) {
    return platforms
        .filter((p) => p.status !== 'COMPLETE' && p.status !== 'ACTIVE')
        .map((p) => `- ${(0,report_escape.escapeText)(p.platform, 60)}: ${(0,report_escape.escapeText)(p.status, 40)}${p.description ? ` — ${(0,report_escape.escapeText)(p.description, 300)}` : ''}`);
}
const FINDING_HEADER = ['| Severity | ID | Package | Installed | Fixed in | Platform |', '|---|---|---|---|---|---|'];
/** With enhanced scanning: EPSS (as a percentage) and whether an exploit is known. */
const RISK_FINDING_HEADER = [
    '| Severity | ID | Package | Installed | Fixed in | EPSS | Exploit | Platform |',
    '|---|---|---|---|---|--:|---|---|',
];
function findingRow(row, risk = false) {
    const f = row.finding;
    const riskCells = risk ? ` ${epssCell(f)} | ${exploitCell(f)} |` : '';
    return `| ${severityCell(f.severity)} | ${(0,report_escape/* link */.nf)(f.id, f.uri, 80)} | ${(0,report_escape/* code */.aY)(f.package, 80)} | ${(0,report_escape/* code */.aY)(f.version, 60)} | ${fixedIn(f)} |${riskCells} ${platformsCell(row.platforms)} |`;
}
/** EPSS as a percentage; "—" when unknown (never 0); marked when it held the finding back. */
function epssCell(f) {
    if (f.epss === undefined)
        return '—';
    // A no-break space keeps "45.2 %" on one line in a narrow column.
    return `${(0,risk/* formatPercent */.l9)(f.epss).replace(' ', '\u00a0')}${f.heldBack === 'epss' ? ' (held back)' : ''}`;
}
/** ⚠️ for a known exploit (when it was last seen is in the JSON report); "—" when unknown. */
function exploitCell(f) {
    if (f.exploitAvailable === 'YES')
        return '⚠️\u00a0yes';
    return f.exploitAvailable === 'NO' ? 'no' : '—';
}
const IGNORED_HEADER = ['| Severity | ID | Package | Platform | Ignored by | Reason | Expires |', '|---|---|---|---|---|---|---|'];
const IGNORED_BY = {
    input: '`ignore` input',
    file: 'ignore file',
    unfixed: '`ignore-unfixed`',
    vex: 'VEX',
};
function ignoredRow(row) {
    const f = row.finding;
    const ignored = f.ignored;
    return `| ${severityCell(f.severity)} | ${(0,report_escape/* link */.nf)(f.id, f.uri, 80)} | ${(0,report_escape/* code */.aY)(f.package, 80)} | ${platformsCell(row.platforms)} | ${ignored ? IGNORED_BY[ignored.by] : ''} | ${(0,report_escape.escapeText)(ignored?.reason, 200)} | ${(0,report_escape/* code */.aY)(ignored?.expires, 40)} |`;
}
function fixedIn(f) {
    if (f.fixedIn)
        return (0,report_escape/* code */.aY)(f.fixedIn, 80);
    return f.fixAvailable === 'NO' ? 'no fix' : '—';
}
function platformsCell(platforms) {
    const shown = platforms.slice(0, 4).map((p) => (0,report_escape.escapeText)(p, 40));
    if (platforms.length > shown.length)
        shown.push(`+${platforms.length - shown.length}`);
    return shown.join(', ');
}
/** The comparison in one sentence: "Against the base image this adds 2 CRITICAL and fixes 5 HIGH." */
function comparisonSentence(report) {
    const comparison = report.comparison;
    if (!comparison)
        return undefined;
    // The note is a whole sentence ("No image for the base commit …: comparison skipped (gate: all).").
    if (!comparison.available)
        return (0,report_escape.escapeText)(comparison.note ?? 'No comparison with the base image.', 300);
    const base = comparison.baseSha ? ` (${(0,report_escape/* code */.aY)(comparison.baseSha.slice(0, 12))})` : '';
    const note = comparison.note ? ` ${(0,report_escape.escapeText)(comparison.note, 300)}` : '';
    return `Against the base image${base} this image **${(0,compare/* describeDifference */.hF)(newFindings(report), comparison.fixed)}**.${note}`;
}
/**
 * What the gate used, in one line, when epss-threshold or fail-on-exploitable applied:
 * "fails on CRITICAL with EPSS ≥ 10 %, and on any finding with a known exploit".
 */
function riskGateLine(report) {
    const gate = report.gate;
    if (gate.epssThreshold === undefined && !gate.failOnExploitable)
        return undefined;
    return (0,risk/* describeGate */.l7)({ threshold: gate.threshold, epssThreshold: gate.epssThreshold, failOnExploitable: gate.failOnExploitable === true });
}
function gateDescription(report) {
    const gate = report.gate;
    const threshold = riskGateLine(report) ??
        (gate.threshold === 'NONE' ? 'never fails on findings (threshold NONE)' : `fails on ${gate.threshold} or above`);
    const parts = [threshold, gate.mode === 'new' ? 'new findings only' : 'all findings'];
    if (gate.ignoreUnfixed)
        parts.push('findings without a fix ignored');
    parts.push(`an incomplete scan ${gate.onIncomplete === 'fail' ? 'fails' : 'warns'}`);
    return parts.join(', ');
}
/**
 * A section of the view as markdown: a titled table of the rows it shows, then `leftOut(n)` when
 * rows were left out; folded into `<details>` when the view says so.
 */
/** A table of the view; `level`: its title's heading level, below the image's heading. */
function renderSection(section, leftOut, level = 3) {
    const shown = section.shown.map((row) => (section.columns === 'ignored' ? ignoredRow(row) : findingRow(row, section.risk)));
    const header = section.columns === 'ignored' ? IGNORED_HEADER : section.risk ? RISK_FINDING_HEADER : FINDING_HEADER;
    const title = `${section.title} (${(0,report_escape/* formatCount */.B4)(section.count)})`;
    const body = [...(shown.length > 0 ? [...header, ...shown, ''] : []), ...(section.leftOut > 0 ? [leftOut(section.leftOut), ''] : [])];
    return section.folded
        ? ['<details>', `<summary>${title}</summary>`, '', ...body, '</details>', '']
        : [`${'#'.repeat(Math.min(6, level))} ${title}`, '', ...body];
}
/** Why epss-threshold or fail-on-exploitable did not apply, as the step warned. */
function riskNotes(report, prefix) {
    return (report.riskNotes ?? []).slice(0, 5).map((note) => `${prefix}${(0,report_escape.escapeText)(note, 500)}`);
}
const ATTESTATION_KIND = { sbom: 'SBOM (SPDX)', provenance: 'Provenance (SLSA)' };
const ATTESTATION_STORAGE = {
    'referrers-api': "beside the image, found with the registry's referrers API",
    'referrers-tag': 'beside the image, listed under the referrers tag `sha256-<platform digest>` (the registry has no referrers API)',
    index: 'inside the image index (`attestations: index`)',
};
const MAX_ATTESTATION_ROWS = 40;
/**
 * The attestations: one line saying where they are, then a table (folded in the comment).
 * Nothing when none was asked for.
 */
function attestationLines(report, folded) {
    const attestations = report.attestations;
    if (!attestations)
        return [];
    const { list, missing } = attestations;
    const count = list.length === 1 ? '1 attestation' : `${(0,report_escape/* formatCount */.B4)(list.length)} attestations`;
    const where = `${count}, ${ATTESTATION_STORAGE[attestations.storage]}`;
    const lines = [];
    if (missing.length > 0) {
        lines.push(`⚠️ The reused image has no ${(0,report_escape.escapeText)(missing.slice(0, 10).join(', '), 400)}: it was built without ${missing.length === 1 ? 'it' : 'them'}.`, '');
    }
    if (list.length === 0)
        return lines;
    const rows = list
        .slice(0, MAX_ATTESTATION_ROWS)
        .map((a) => `| ${ATTESTATION_KIND[a.kind]} | ${(0,report_escape/* code */.aY)(a.platform, 60)} | ${(0,report_escape/* code */.aY)(a.digest, 100)} |`);
    if (list.length > MAX_ATTESTATION_ROWS)
        rows.push(`| … | and ${(0,report_escape/* formatCount */.B4)(list.length - MAX_ATTESTATION_ROWS)} more | in the JSON report |`);
    const table = ['| Kind | Platform | Manifest |', '| --- | --- | --- |', ...rows];
    if (folded)
        return [...lines, `<details><summary>Attestations: ${(0,report_escape.escapeText)(where, 300)}</summary>`, '', ...table, '', '</details>', ''];
    return [...lines, '### Attestations', '', `${(0,report_escape.escapeText)(where, 300)}:`, '', ...table, ''];
}

;// CONCATENATED MODULE: ./src/report/comment-body.ts
// The PR comment body: our hidden marker, then a compact summary. Pure.
//
// GitHub refuses a comment body over 65,536 characters (UTF-16 code units, as JavaScript
// counts `length`), so rows are cut by design and the body is held to COMMENT_BUDGET_CHARS.




/** What we allow ourselves, a margin below GitHub's 65,536 (github/comment-api.ts COMMENT_LIMIT_CHARS). */
const COMMENT_BUDGET_CHARS = 60_000;
/** Finding rows listed in all sections together. */
const COMMENT_MAX_ROWS = 40;
const MARKER_PREFIX = 'ecr-build-scan-push:';
/** The first line of our comment: `<!-- ecr-build-scan-push:KEY -->`, with KEY unable to close it. */
function commentMarker(key) {
    return `<!-- ${MARKER_PREFIX}${(0,report_escape/* escapeCommentKey */.Uu)(key)} -->`;
}
/**
 * The step's PR comment: one image's (`one`), or the step's verdict, an overview row per image and
 * each image's section, the clean ones folded (`several`); one marker, one fit loop.
 */
function renderStepComment(step, key, options = {}) {
    if (step.layout === 'one' && step.images.length === 1)
        return renderComment(step.images[0].report, key, options);
    const pointer = step.runUrl
        ? `See the ${(0,report_escape/* link */.nf)('workflow run', step.runUrl)} for the full lists.`
        : 'The full lists are in the job summary.';
    return fitToLimit((rows) => [
        commentMarker(key),
        stepHeading(3, step),
        '',
        `**${(0,report_escape.escapeText)(step.reason, 1000)}**`,
        '',
        ...stepCommitLine(step),
        ...overviewTable(step),
        ...imageSectionLines(imageSections(step, rows), (section) => commentSection(section.report, section.rows, 4, { inStep: true })),
        ...(step.runUrl ? [`${(0,report_escape/* link */.nf)('Workflow run', step.runUrl)} · full lists in the job summary and the \`report\` file`] : []),
    ].join('\n'), {
        maxRows: options.maxRows ?? COMMENT_MAX_ROWS,
        limit: options.maxChars ?? COMMENT_BUDGET_CHARS,
        measure: UTF16_UNITS,
        note: `_The comment was cut to fit GitHub's size limit. ${pointer}_`,
    });
}
/** One image's PR comment. */
function renderComment(report, key, options = {}) {
    return fitToLimit((rows) => buildComment(report, key, rows), {
        maxRows: options.maxRows ?? COMMENT_MAX_ROWS,
        limit: options.maxChars ?? COMMENT_BUDGET_CHARS,
        measure: UTF16_UNITS,
        note: `_The comment was cut to fit GitHub's size limit. ${runPointer(report)}_`,
    });
}
function buildComment(report, key, maxRows) {
    return `${commentMarker(key)}\n${commentSection(report, maxRows)}`;
}
/** A step of several images: the commit it describes, once, under the step's reason. */
function stepCommitLine(step) {
    const report = step.images[0]?.report;
    return report?.commit ? [`**Commit:** ${commitLink(report.commit, report.commitUrl)}`, ''] : [];
}
/**
 * One image's comment without the marker, at most `maxRows` finding rows. `inStep`: a section
 * of a step of several images (at `level`), which names the commit and the run once for all.
 */
function commentSection(report, maxRows, level = 3, options = {}) {
    const lines = [heading(level, report), '', `**${(0,report_escape.escapeText)(report.reason, 500)}**`, ''];
    // The commit first: the comment is edited on every push, and the SHA tells a current comment
    // from a stale one (ACTION-SPEC: "A PR comment names the commit it describes").
    const image = report.commit && !options.inStep ? [`**Commit:** ${commitLink(report.commit, report.commitUrl)}`] : [];
    image.push(`**Image:** ${(0,report_escape/* code */.aY)(report.image, 300)}`);
    if (report.digest)
        image.push(`**Digest:** ${(0,report_escape/* code */.aY)(report.digest, 100)}`);
    lines.push(image.join(' · '), '');
    const gateLine = riskGateLine(report);
    if (gateLine)
        lines.push(`**Gate:** ${gateLine}`, '');
    const warnings = riskNotes(report, '⚠️ ');
    if (warnings.length > 0)
        lines.push(...warnings, '');
    if (report.heldBack.length > 0) {
        lines.push(`**Held back:** ${report.heldBack
            .slice(0, 10)
            .map((h) => (0,report_escape/* code */.aY)(h.tag, 100))
            .join(', ')}${report.heldBack.length > 10 ? ', …' : ''}`, '');
    }
    if (report.expiredIgnores.length > 0) {
        const n = report.expiredIgnores.length;
        lines.push(`⚠️ ${n === 1 ? 'An entry' : `${n} entries`} in the ignore file expired and no longer ${n === 1 ? 'ignores' : 'ignore'} anything.`, '');
    }
    const table = countsTable(report);
    if (table.length > 0)
        lines.push(...table, '');
    const notes = platformNotes(report.scan.platforms);
    if (notes.length > 0)
        lines.push(...notes, '');
    lines.push(...attestationLines(report, true));
    const sentence = comparisonSentence(report);
    if (sentence)
        lines.push(sentence, '');
    const leftOut = (count) => `_…and ${(0,report_escape/* plural */.LS)(count, 'more finding')} not shown. ${runPointer(report)}_`;
    for (const section of viewSections(report, 'comment', maxRows))
        lines.push(...renderSection(section, leftOut, options.inStep ? level + 1 : 3));
    if (report.runUrl && !options.inStep)
        lines.push(`${(0,report_escape/* link */.nf)('Workflow run', report.runUrl)} · full list in the job summary and the \`report\` file`);
    return `${lines.join('\n')}\n`;
}
/** The short SHA (7 hex, as GitHub shows it), linked to the commit when its page is known. */
function commitLink(sha, url) {
    const short = (0,report_escape/* code */.aY)(sha.slice(0, 7), 40);
    const href = (0,report_escape/* safeUrl */.Pl)(url);
    return href ? `[${short}](${href})` : short;
}
function runPointer(report) {
    return report.runUrl ? `See the ${(0,report_escape/* link */.nf)('workflow run', report.runUrl)} for the full list.` : 'The full list is in the job summary.';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/report/json-chunks.ts
var json_chunks = __webpack_require__(9669);
;// CONCATENATED MODULE: ./src/report/json.ts


/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
const JSON_REPORT_VERSION = 1;
function renderJsonReport(report) {
    return Array.from(json_jsonReportChunks(report)).join('');
}
/**
 * The step's report file as pieces of text: one image's report as it always was (`one`), or the
 * step's verdict, then each image's report by name (`several`).
 */
function* stepJsonChunks(step) {
    if (step.layout === 'one' && step.images.length === 1) {
        yield* json_jsonReportChunks(step.images[0].report);
        return;
    }
    yield* (0,json_chunks/* jsonChunks */.V)({
        version: JSON_REPORT_VERSION,
        verdict: step.verdict,
        fails: step.fails,
        reason: step.reason,
        images: Object.fromEntries(step.images.map(({ name, report }) => [name, toJsonReport(report)])),
    }, 2);
    yield '\n';
}
/** One image's report file as pieces of text, in order: joined, renderJsonReport's text. */
function* json_jsonReportChunks(report) {
    yield* (0,json_chunks/* jsonChunks */.V)(toJsonReport(report), 2);
    yield '\n';
}
/** The report as a value; its lists of findings are streamed arrays (JSON.stringify takes them as arrays). */
function toJsonReport(report) {
    const comparison = report.comparison;
    return {
        version: JSON_REPORT_VERSION,
        generatedAt: report.generatedAt,
        image: report.image,
        digest: report.digest,
        imageUri: report.imageUri,
        commit: report.commit,
        build: report.build,
        tags: [...report.tags],
        heldBack: report.heldBack.map((h) => ({ tag: h.tag, reason: h.reason })),
        attestations: report.attestations && {
            storage: report.attestations.storage,
            list: report.attestations.list.map((a) => ({ kind: a.kind, platform: a.platform, digest: a.digest, predicateType: a.predicateType })),
            missing: [...report.attestations.missing],
        },
        scan: {
            status: report.scan.status,
            scanType: report.scan.scanType,
            platforms: report.scan.platforms.map(platform),
        },
        gate: {
            threshold: report.gate.threshold,
            mode: report.gate.mode,
            onIncomplete: report.gate.onIncomplete,
            ignoreUnfixed: report.gate.ignoreUnfixed,
            epssThreshold: report.gate.epssThreshold,
            failOnExploitable: report.gate.failOnExploitable,
        },
        riskNotes: report.riskNotes,
        verdict: report.verdict,
        reason: report.reason,
        fails: report.fails,
        counts: counts(report.counts),
        ignored: report.ignoredCount,
        exploitable: report.exploitableCount,
        findings: (0,json_chunks/* streamedArray */.v)(() => mapped(report.findings, evaluatedFinding)),
        expiredIgnores: report.expiredIgnores.map(expiredIgnore),
        comparison: comparison && {
            available: comparison.available,
            baseSha: comparison.baseSha,
            baseDigest: comparison.baseDigest,
            note: comparison.note,
            new: comparison.newCount,
            fixedCount: comparison.fixed.length,
            fixed: (0,json_chunks/* streamedArray */.v)(() => mapped(comparison.fixed, json_finding)),
        },
        runUrl: report.runUrl,
    };
}
function* mapped(items, f) {
    for (const item of items)
        yield f(item);
}
function platform(p) {
    return {
        platform: p.platform,
        digest: p.digest,
        status: p.status,
        description: p.description,
        counts: counts(p.counts),
        ignored: p.ignored,
    };
}
function counts(c) {
    return Object.fromEntries(severity/* SEVERITIES */.oC.map((s) => [s, c[s]]));
}
function json_finding(f) {
    return {
        id: f.id,
        severity: f.severity,
        package: f.package,
        version: f.version,
        fixedIn: f.fixedIn,
        fixAvailable: f.fixAvailable,
        exploitAvailable: f.exploitAvailable,
        lastKnownExploitAt: f.lastKnownExploitAt,
        epss: f.epss,
        score: f.score,
        scoreVector: f.scoreVector,
        cvss: f.cvss && { baseScore: f.cvss.baseScore, vector: f.cvss.vector, version: f.cvss.version, source: f.cvss.source },
        title: f.title,
        description: f.description,
        uri: f.uri,
        platform: f.platform,
    };
}
/** The OpenVEX statement that suppressed a finding: its file, position, @ids and status. */
function vexStatement(v) {
    return { file: v.file, statement: v.statement, id: v.id, document: v.document, status: v.status };
}
function evaluatedFinding(f) {
    // finding(f)'s object with the verdict's fields added, in this order: not finding(f) spread
    // into another literal, which for 10,000 findings cost several times what JSON.stringify does.
    const out = json_finding(f);
    out.ignored = f.ignored && {
        by: f.ignored.by,
        reason: f.ignored.reason,
        expires: f.ignored.expires,
        vex: f.ignored.vex && vexStatement(f.ignored.vex),
    };
    out.comparison = f.comparison;
    out.blocking = f.blocking;
    out.blockedBy = f.blockedBy;
    out.heldBack = f.heldBack;
    return out;
}
function expiredIgnore(e) {
    return { id: e.id, reason: e.reason, expires: e.expires, matched: e.matched };
}

// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/report/files.ts
// Writes the JSON report and the SARIF file. Thin: rendering is json.ts and sarif.ts; the file
// system is passed in (node:fs/promises by default) so tests can use a fake or a temp directory.
// Both files are written as their text is rendered, a batch of pieces at a time: with 10,000
// findings they are megabytes, and holding one whole (and its UTF-8 copy) would be most of the
// action's memory.





/** About what one write takes: 10,000 findings are a few hundred writes, none holding much memory. */
const WRITE_BATCH_CHARS = 16 * 1024;
/** Writes the JSON report to `file` (creating its directory) and returns the path written. */
async function writeJsonReport(report, file, writer = fs) {
    return writeText(file, jsonReportChunks(report), writer);
}
/** Writes one image's SARIF report to `file` (creating its directory) and returns the path written. */
async function writeSarifReport(report, file, options, open = openFile) {
    return writeSarifFile(file, sarifFile(report, options), open);
}
/**
 * What one SARIF write takes: more than a JSON report's batch, since each write at an offset is
 * a round trip of its own (a run of 10,000 results is then a few dozen writes, not hundreds).
 */
const SARIF_BATCH_CHARS = 256 * 1024;
/** node:fs's file, created (or emptied), its directory made first. */
const openFile = async (file) => {
    await promises_.mkdir(external_node_path_.dirname(file), { recursive: true });
    const handle = await promises_.open(file, 'w');
    return {
        write: async (text, position) => {
            await handle.write(text, position, 'utf8');
        },
        truncate: (bytes) => handle.truncate(bytes),
        close: () => handle.close(),
    };
};
/**
 * Writes a SARIF file as it is rendered, a batch at a time: each run at its first rendering that
 * fits its budget, checked while it is written; a run that goes over is cut off and written again
 * with less detail. Nothing is held whole, and a run that fits (nearly always) is rendered once.
 */
async function writeSarifFile(file, sarif, open = openFile) {
    try {
        const sink = await open(file);
        try {
            let at = 0;
            const put = async (text) => {
                await sink.write(text, at);
                at += Buffer.byteLength(text, 'utf8');
            };
            await put(sarif.start);
            let first = true;
            for (const run of sarif.runs) {
                if (!first)
                    await put(sarif.separator);
                first = false;
                const from = at;
                const renderings = run.renderings[Symbol.iterator]();
                for (let next = renderings.next(); !next.done;) {
                    const after = renderings.next();
                    // The last rendering (no result at all) is written whatever its size: there is no less.
                    const budget = after.done ? Infinity : run.maxBytes;
                    let over = false;
                    for (const batch of batched(next.value, SARIF_BATCH_CHARS)) {
                        await put(batch);
                        if (at - from > budget) {
                            over = true;
                            break;
                        }
                    }
                    if (!over)
                        break;
                    await sink.truncate(from);
                    at = from;
                    next = after;
                }
            }
            await put(sarif.end);
        }
        finally {
            await sink.close();
        }
    }
    catch (error) {
        throw new Error(`Could not write ${file}: ${(0,errors/* toMessage */.R9)(error)}`, { cause: error });
    }
    return file;
}
/** Writes text given in pieces to `file` (creating its directory), a batch at a time; returns the path. */
async function writeText(file, pieces, writer = promises_) {
    try {
        await writer.mkdir(external_node_path_.dirname(file), { recursive: true });
        await writer.writeFile(file, batched(pieces, WRITE_BATCH_CHARS), 'utf8');
    }
    catch (error) {
        throw new Error(`Could not write ${file}: ${(0,errors/* toMessage */.R9)(error)}`, { cause: error });
    }
    return file;
}
/** Pieces joined into batches of at least `size` characters (the last one may be shorter). */
function* batched(pieces, size) {
    let batch = '';
    for (const piece of pieces) {
        batch += piece;
        if (batch.length >= size) {
            yield batch;
            batch = '';
        }
    }
    if (batch !== '')
        yield batch;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: the verdict and why, what was pushed, counts per platform, then the
// findings that decided the gate, the others, and the ignored ones. Pure.
//
// The runner drops a step summary larger than 1 MiB whole
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#step-isolation-and-limits),
// so the list is cut by design (SUMMARY_MAX_ROWS) and the result is held to a byte budget
// well under the limit; the full list is in the JSON report file.




/** GitHub's limit for one step's summary. */
const summary_SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** What we allow ourselves: half the limit, so other writes in the same step still fit. */
const summary_SUMMARY_BUDGET_BYTES = 512 * 1024;
/** Finding rows listed in all sections together. */
const SUMMARY_MAX_ROWS = 250;
/**
 * The step's job summary: one image's (`one`), or the step's verdict, an overview row per image
 * and each image's own section, the clean ones folded (`several`); one fit loop either way, the
 * finding rows shared out among the images (the ones that need a look first).
 */
function renderStepSummary(step, options = {}) {
    if (step.layout === 'one' && step.images.length === 1)
        return summary_renderSummary(step.images[0].report, options);
    return fitToLimit((rows) => [
        stepHeading(2, step),
        '',
        `**${(0,report_escape.escapeText)(step.reason, 1000)}**`,
        '',
        ...commitLine(step),
        ...overviewTable(step),
        ...imageSectionLines(imageSections(step, rows), (section) => buildSummary(section.report, section.rows, 3, { inStep: true })),
        ...(step.images[0] ? [footer(step.images[0].report)] : []),
    ].join('\n'), {
        maxRows: options.maxRows ?? SUMMARY_MAX_ROWS,
        limit: options.maxBytes ?? summary_SUMMARY_BUDGET_BYTES,
        measure: UTF8_BYTES,
        note: `_The summary was cut to fit GitHub's size limit. The full lists are in the report file._`,
    });
}
/** One image's job summary. */
function summary_renderSummary(report, options = {}) {
    return fitToLimit((rows) => buildSummary(report, rows), {
        maxRows: options.maxRows ?? SUMMARY_MAX_ROWS,
        limit: options.maxBytes ?? summary_SUMMARY_BUDGET_BYTES,
        measure: UTF8_BYTES,
        note: `_The summary was cut to fit GitHub's size limit. ${fullListPointer(report)}_`,
    });
}
/** A step of several images: the commit once, under the step's reason (each image's section leaves it out). */
function commitLine(step) {
    const commit = step.images[0]?.report.commit;
    return commit ? [`- **Commit:** ${(0,report_escape/* code */.aY)(commit, 64)}`, ''] : [];
}
/**
 * One image's summary with at most `maxRows` finding rows. `inStep`: a section of a step of
 * several images (at `level`), which says the commit and the footer once for all of them.
 */
function buildSummary(report, maxRows, level = 2, options = {}) {
    const lines = [heading(level, report), '', `**${(0,report_escape.escapeText)(report.reason, 500)}**`, ''];
    const notes = riskNotes(report, '> ');
    if (notes.length > 0)
        lines.push('> [!WARNING]', ...notes.flatMap((note, i) => (i === 0 ? [note] : ['>', note])), '');
    lines.push(...expiredIgnores(report), ...facts(report, options.inStep === true));
    const sentence = comparisonSentence(report);
    if (sentence)
        lines.push(sentence, '');
    const table = countsTable(report);
    if (table.length > 0)
        lines.push(`${'#'.repeat(level + 1)} Findings by platform`, '', ...table, '');
    const platformLines = platformNotes(report.scan.platforms);
    if (platformLines.length > 0)
        lines.push(...platformLines, '');
    lines.push(...attestationLines(report, false));
    const leftOut = (count) => `_…and ${(0,report_escape/* plural */.LS)(count, 'more finding')} not shown here. ${fullListPointer(report)}_`;
    for (const section of viewSections(report, 'summary', maxRows))
        lines.push(...renderSection(section, leftOut, level + 1));
    if (!options.inStep)
        lines.push(footer(report));
    return `${lines.join('\n')}\n`;
}
const MAX_LISTED = 20;
function facts(report, inStep) {
    const lines = [`- **Image:** ${(0,report_escape/* code */.aY)(report.image, 300)}`];
    if (report.digest)
        lines.push(`- **Digest:** ${(0,report_escape/* code */.aY)(report.digest, 100)}`);
    if (report.commit && !inStep)
        lines.push(`- **Commit:** ${(0,report_escape/* code */.aY)(report.commit, 64)}`);
    if (report.build === 'reused')
        lines.push('- **Build:** skipped, the image for this commit already existed (`skip-existing`)');
    if (report.build === 'not-pushed')
        lines.push('- **Build:** built, not pushed (`push: false`)');
    lines.push(`- **Tags:** ${listed(report.tags.map((t) => (0,report_escape/* code */.aY)(t, 300)), 'none')}`);
    if (report.heldBack.length > 0) {
        lines.push(`- **Held back:** ${listed(report.heldBack.map((h) => `${(0,report_escape/* code */.aY)(h.tag, 300)} (${(0,report_escape.escapeText)(h.reason, 200)})`), '', '; ')}`);
    }
    const scanType = report.scan.scanType ? ` (${report.scan.scanType.toLowerCase()} scanning)` : '';
    lines.push(`- **Scan:** ${(0,report_escape.escapeText)(report.scan.status, 40)}${scanType}`);
    lines.push(`- **Gate:** ${gateDescription(report)}`);
    return [...lines, ''];
}
function listed(items, none, separator = ', ') {
    if (items.length === 0)
        return none;
    const { shown, leftOut } = take(items, MAX_LISTED);
    return shown.join(separator) + (leftOut > 0 ? `${separator}and ${(0,report_escape/* formatCount */.B4)(leftOut)} more` : '');
}
function expiredIgnores(report) {
    const expired = report.expiredIgnores;
    if (expired.length === 0)
        return [];
    const { shown, leftOut } = take(expired, MAX_LISTED);
    return [
        `> [!WARNING]`,
        `> ${expired.length === 1 ? 'An entry' : `${(0,report_escape/* formatCount */.B4)(expired.length)} entries`} in the ignore file expired and no longer ${expired.length === 1 ? 'ignores' : 'ignore'} anything. Renew or remove ${expired.length === 1 ? 'it' : 'them'}:`,
        ...shown.map((e) => `> - ${(0,report_escape/* code */.aY)(e.id, 80)}, expired ${(0,report_escape/* code */.aY)(e.expires, 40)}, matches ${(0,report_escape/* plural */.LS)(e.matched, 'finding')}: ${(0,report_escape.escapeText)(e.reason, 200)}`),
        ...(leftOut > 0 ? [`> - …and ${(0,report_escape/* formatCount */.B4)(leftOut)} more`] : []),
        '',
    ];
}
function fullListPointer(report) {
    return report.reportPath
        ? `The full list is in the report file ${(0,report_escape/* code */.aY)(report.reportPath, 300)}.`
        : 'The full list is in the file named by the `report` output.';
}
function footer(report) {
    const parts = [];
    if (report.reportPath)
        parts.push(`Full report: ${(0,report_escape/* code */.aY)(report.reportPath, 300)}`);
    if (report.runUrl)
        parts.push((0,report_escape/* link */.nf)('workflow run', report.runUrl));
    parts.push(`generated ${(0,report_escape.escapeText)(report.generatedAt, 40)} by ecr-build-scan-push`);
    return `<sub>${parts.join(' · ')}</sub>`;
}

;// CONCATENATED MODULE: ./src/report/summary-writer.ts
// Writes the job summary with @actions/core's `core.summary`, passed in. One addRaw and one
// write, and never more than GitHub's limit: the runner drops a larger summary whole.


/** Renders the report's summary and writes it; returns the bytes of markdown written. */
async function writeJobSummary(report, summary, options = {}) {
    const maxBytes = Math.min(options.maxBytes ?? SUMMARY_BUDGET_BYTES, SUMMARY_LIMIT_BYTES);
    return writeSummaryText(renderSummary(report, { maxBytes: maxBytes - 2 }), summary, { ...options, maxBytes });
}
/** Writes markdown as it is, cut to the budget if it is over. */
async function writeSummaryText(markdown, summary, options = {}) {
    const maxBytes = Math.min(options.maxBytes ?? summary_SUMMARY_BUDGET_BYTES, summary_SUMMARY_LIMIT_BYTES);
    // addRaw(…, true) adds os.EOL (two bytes on Windows), so leave room for it.
    const text = cutToFit(markdown, maxBytes - 2, UTF8_BYTES, "_The summary was cut to fit GitHub's size limit._");
    summary.addRaw(text, true);
    await summary.write({ overwrite: options.overwrite ?? false });
    return Buffer.byteLength(text, 'utf8');
}

// EXTERNAL MODULE: ./src/steps/label.ts
var label = __webpack_require__(4553);
;// CONCATENATED MODULE: ./src/steps/publish.ts
// Phase: the step's report, made once from its images and its verdict, and written everywhere
// people read it: the JSON report file, the SARIF file, the job summary and the PR comment. Each
// writer is thin; a comment that cannot be written is a warning, never a failure: the job's
// result is decided by the verdict alone. Loaded while buildx builds (main.ts), not at start-up.











/** The step's report: each image's, and the verdict over them. `registry`: undefined when nothing was pushed. */
function reportOfStep(step, images, verdict) {
    const { inputs, facts } = step;
    const common = {
        commit: facts.sha || undefined,
        commitUrl: (0,github_event/* commitUrl */.Bg)(facts),
        gate: gateSettings(inputs),
        runUrl: facts.runUrl,
        generatedAt: new Date().toISOString(),
    };
    const reports = images.map((image) => {
        const candidate = image.candidate;
        const tags = [...(image.plan.candidate ? [image.plan.candidate] : []), ...(image.promoted?.written ?? [])].map((tag) => `${image.image}:${tag}`);
        const known = {
            ...common,
            image: image.image,
            ...(candidate ? { digest: candidate.digest } : {}),
            build: candidate?.reused ? 'reused' : 'built',
            attestations: image.attestations,
            tags,
            heldBack: image.promoted?.heldBack ?? verdict.heldBack.get(image.spec.name) ?? [],
        };
        const scanned = image.scanned;
        const report = scanned
            ? buildReport({
                ...known,
                // What the gate applied: the risk inputs only where they could apply.
                gate: gateSettings({
                    ...inputs,
                    epssThreshold: scanned.risk.gate.epssThreshold,
                    failOnExploitable: scanned.risk.gate.failOnExploitable,
                }),
                riskNotes: scanned.risk.notes,
                scans: scanned.scans,
                decision: scanned.verdict.decision,
                ignores: { expired: scanned.verdict.expired },
                comparison: scanned.verdict.comparison,
            })
            : skippedReport({ ...known, skipped: 'scan-off', platforms: image.platforms });
        return { name: image.spec.name, report };
    });
    return stepReport((0,label/* layoutOf */.aH)(inputs), verdict, reports, facts.runUrl);
}
/** push: false: every image built, none pushed: the report of each says so. */
function reportOfBuildOnly(step, verdict) {
    const { inputs, facts } = step;
    const reports = inputs.images.map((spec) => ({
        name: spec.name,
        report: skippedReport({
            image: spec.repository,
            commit: facts.sha || undefined,
            commitUrl: (0,github_event/* commitUrl */.Bg)(facts),
            gate: gateSettings(inputs),
            runUrl: facts.runUrl,
            generatedAt: new Date().toISOString(),
            build: 'not-pushed',
            skipped: 'not-pushed',
            tags: [],
        }),
    }));
    return stepReport((0,label/* layoutOf */.aH)(inputs), verdict, reports, facts.runUrl);
}
/**
 * Writes the step's report everywhere. `registry`: the comment key's default is
 * `registry/repository` for one image, `registry/images` for several (two steps of several
 * images on one PR set comment-key apart, as a matrix of single-image steps does).
 */
async function publishStep(step, report, registry) {
    const { inputs, facts, workspace, tempDir } = step;
    const published = await actions_core/* group */.Os('Report', async () => {
        const reportPath = await writeText(external_node_path_.join(tempDir, 'report.json'), stepJsonChunks(report));
        const result = { reportPath };
        if (inputs.sarif) {
            const { stepSarifFile } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 643));
            const informationUri = `${facts.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY || 'ecr-build-scan-push/ecr-build-scan-push'}`;
            const files = new Map(inputs.images.map((spec) => [spec.name, spec.file]));
            const dockerfileOf = (name) => relativeDockerfile(workspace, files.get(name) ?? 'Dockerfile');
            result.sarifPath = await writeSarifFile(external_node_path_.resolve(workspace, inputs.sarif), stepSarifFile(report, { dockerfileOf, informationUri }));
        }
        try {
            await writeSummaryText(renderStepSummary(report), actions_core/* summary */.z, { overwrite: true });
        }
        catch (error) {
            actions_core/* warning */.$e(`The job summary could not be written: ${(0,errors/* toMessage */.R9)(error)}`);
        }
        const one = (0,label/* layoutOf */.aH)(inputs) === 'one';
        const defaultKey = one
            ? registry
                ? `${registry}/${inputs.images[0].repository}`
                : inputs.images[0].repository
            : `${registry ? `${registry}/` : ''}images`;
        result.commentUrl = await comment(step, inputs.commentKey ?? defaultKey, (key) => renderStepComment(report, key));
        return result;
    });
    step.progress.published = true;
    return published;
}
function relativeDockerfile(workspace, file) {
    return external_node_path_.relative(workspace, external_node_path_.resolve(workspace, file)).split(external_node_path_.sep).join('/');
}
/** The PR comment, on a pull request with `comment` on: written or edited; its URL. */
async function comment(step, key, render) {
    const { inputs, facts } = step;
    const pr = facts.pullRequest;
    if (!inputs.comment || !pr || !facts.owner || !facts.repo)
        return undefined;
    const token = inputs.githubToken;
    if (token === '') {
        actions_core/* warning */.$e('No github-token: the PR comment was not written.');
        return undefined;
    }
    // Loaded only here: octokit stays off the start-up path of runs that write no comment.
    const [{ createCommentOctokit }, { upsertComment }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702)),
        __webpack_require__.e(/* import() */ 346).then(__webpack_require__.bind(__webpack_require__, 8346)),
    ]);
    const result = await upsertComment({
        octokit: createCommentOctokit(token),
        owner: facts.owner,
        repo: facts.repo,
        issueNumber: pr.number,
        marker: commentMarker(key),
        body: render(key),
        // The report is of this commit: when the PR's head has moved on, a newer run reports.
        commit: pr.headSha,
        log: (message) => actions_core/* info */.pq(message),
        warn: (message) => actions_core/* warning */.$e(message),
    });
    if (result.warning)
        actions_core/* warning */.$e(result.warning);
    else
        actions_core/* info */.pq(`PR comment ${result.action}: ${result.url ?? ''}`);
    return result.url;
}


/***/ })

};

//# sourceMappingURL=154.index.js.map