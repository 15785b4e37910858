export const id = 154;
export const ids = [154];
export const modules = {

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
/* unused harmony exports SARIF_TOOL_NAME, DEFAULT_INFORMATION_URI, SARIF_BUDGET_BYTES, MAX_POLICY_RESULTS_PER_RUN, securitySeverity, sarifLevel, fingerprint, MAX_RUNS_PER_FILE, MAX_RESULTS_PER_RUN, renderSarif, sarifFile, sarifChunks, stepSarifChunks, artifactUri */
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
//
// The policy's rules at warn or fail are results too: a build check at its Dockerfile line
// (`build-check/<CheckName>`, its documentation as helpUri), any other rule's finding on the
// image's Dockerfile (`policy/<rule>`); `error` for a rule at fail, `warning` for one at warn.




const SARIF_TOOL_NAME = 'ecr-build-scan-push';
const DEFAULT_INFORMATION_URI = 'https://github.com/marketplace/actions/ecr-build-scan-push';
/** Under code scanning's 10 MB upload limit, with room to spare. */
const SARIF_BUDGET_BYTES = 9_000_000;
const FINGERPRINT_KEY = 'ecrFinding/v1';
const POLICY_FINGERPRINT_KEY = 'ecrPolicy/v1';
/** The policy's results a run holds at most (a build with thousands of build-check hits is still a file code scanning takes). */
const MAX_POLICY_RESULTS_PER_RUN = 1_000;
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
    const { policy, total: policyTotal } = policyFindings(sources);
    const limit = Math.min(findings.length, MAX_RESULTS_PER_RUN - policy.length);
    const at = (detail) => ({
        [Symbol.iterator]: () => (0,_json_chunks_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonChunks */ .V)(sarifRun(sources, findings, { all: policy, total: policyTotal }, options, detail, category)),
    });
    return {
        maxBytes,
        renderings: {
            *[Symbol.iterator]() {
                for (const description of [1000, 200, 0])
                    yield at({ description, results: limit, policy: true });
                // Still too big: keep the worst results (the policy's, a few, stay to the last).
                for (let kept = Math.floor(limit / 2); kept > 0; kept = Math.floor(kept / 2))
                    yield at({ description: 0, results: kept, policy: true });
                if (policy.length > 0)
                    yield at({ description: 0, results: 0, policy: true });
                yield at({ description: 0, results: 0, policy: false });
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
function sarifRun(sources, findings, policyFound, options, detail, category) {
    const kept = Math.min(detail.results, findings.length);
    const { ruleOf, worst } = rulesOf(findings, kept);
    const policy = detail.policy ? policyFound.all : [];
    const policyLeftOut = policyFound.total - policy.length;
    const policyRules = policyRulesOf(policy, worst.length);
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
                    yield* policyRules.rules;
                }),
            },
        },
        results: (0,_json_chunks_js__WEBPACK_IMPORTED_MODULE_3__/* .streamedArray */ .v)(function* () {
            for (let i = 0; i < kept; i += 1) {
                const { finding, source } = findings[i];
                yield result(finding, ruleOf[i], locations[source], several ? sources[source].name : undefined);
            }
            for (const f of policy) {
                yield policyResult(f, policyRules.index.get(f.ruleId), locations[f.source], several ? sources[f.source].name : undefined);
            }
        }),
        ...(category ? { automationDetails: { id: category } } : {}),
        properties: several
            ? {
                images: Object.fromEntries(sources.map((s) => [s.name, { image: s.report.image, digest: s.report.digest, verdict: s.report.verdict }])),
                ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
                ...(policyLeftOut > 0 ? { policyResultsLeftOut: policyLeftOut } : {}),
            }
            : {
                image: first.image,
                digest: first.digest,
                verdict: first.verdict,
                ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
                ...(policyLeftOut > 0 ? { policyResultsLeftOut: policyLeftOut } : {}),
            },
    };
}
/** What each policy rule checks, as its SARIF rule describes it. */
const POLICY_RULE_TEXT = {
    'non-root': "The image's default user is not root",
    healthcheck: 'The image config has a health check',
    'base-images': 'Base images are allowed (and pinned by digest when asked), never named latest',
    'base-fresh': 'Each base image is still what its tag names',
    'max-size': 'Each platform image is within the size budget',
    licenses: 'No package is under a denied licence',
    attestations: 'An SBOM and provenance are beside each platform image',
    'build-checks': "BuildKit's build checks found nothing",
};
/**
 * The findings of the sources' policy rules at warn or fail, images in order, rules in the
 * reports' order: the first MAX_POLICY_RESULTS_PER_RUN, and how many there are in all.
 */
function policyFindings(sources) {
    const policy = [];
    let total = 0;
    sources.forEach((source, i) => {
        for (const rule of source.report.policy?.results ?? []) {
            if (rule.verdict !== 'warn' && rule.verdict !== 'fail')
                continue;
            for (const finding of rule.findings) {
                total += 1;
                if (policy.length < MAX_POLICY_RESULTS_PER_RUN)
                    policy.push({ rule, finding, ruleId: policyRuleId(rule, finding), source: i });
            }
        }
    });
    return { policy, total };
}
function policyRuleId(rule, finding) {
    // A check's name is BuildKit's (e.g. JSONArgsRecommended); kept to what a rule id reads as.
    const check = finding.id?.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 100);
    return rule.rule === 'build-checks' && check ? `build-check/${check}` : `policy/${rule.rule}`;
}
/** The policy's rules, in the order of their first result, indexed after the vulnerabilities' `offset` rules. */
function policyRulesOf(policy, offset) {
    const index = new Map();
    const rules = [];
    for (const { rule, finding, ruleId } of policy) {
        if (index.has(ruleId))
            continue;
        index.set(ruleId, offset + rules.length);
        const check = ruleId.startsWith('build-check/') ? ruleId.slice('build-check/'.length) : undefined;
        const helpUri = check ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .safeUrl */ .Pl)(finding.url) : undefined;
        rules.push({
            id: ruleId,
            shortDescription: { text: check ? `BuildKit build check ${check}` : POLICY_RULE_TEXT[rule.rule] },
            ...(helpUri ? { helpUri } : {}),
            properties: { tags: check ? ['policy', 'build-check', 'dockerfile'] : ['policy', 'container-image'] },
        });
    }
    return { rules, index };
}
/** A policy finding: at its Dockerfile line when it has one (a build check), else on the image's Dockerfile. */
function policyResult(f, ruleIndex, imageLocations, image) {
    const { rule, finding } = f;
    const line = finding.line !== undefined && finding.line > 0 ? Math.floor(finding.line) : undefined;
    const locations = finding.file
        ? [
            {
                physicalLocation: {
                    artifactLocation: { uri: artifactUri(finding.file) },
                    region: {
                        startLine: line ?? 1,
                        ...(line && finding.endLine !== undefined && finding.endLine > line ? { endLine: Math.floor(finding.endLine) } : {}),
                    },
                },
            },
        ]
        : imageLocations;
    const text = `${rule.rule} (${rule.level})${finding.platform ? ` on ${finding.platform}` : ''}: ${finding.message}`;
    // The place is left out of the key, so an alert follows a check whose line moved.
    const what = finding.message.replace(/ \([^()]*:\d+\)$/, '');
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: rule.level === 'fail' ? 'error' : 'warning',
        message: { text: sarifText(image === undefined ? text : `${image}: ${text}`, 1000) },
        locations,
        partialFingerprints: {
            [POLICY_FINGERPRINT_KEY]: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', JSON.stringify([f.ruleId, finding.platform ?? '', finding.file ?? '', what, ...(image !== undefined ? [image] : [])]), 'hex'),
        },
        properties: {
            ...(image !== undefined ? { image } : {}),
            policyRule: rule.rule,
            level: rule.level,
            ...(finding.platform ? { platform: finding.platform } : {}),
            ...(finding.id ? { id: finding.id } : {}),
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
// EXTERNAL MODULE: ./src/gate/signing.ts
var gate_signing = __webpack_require__(9324);
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
        ...withPolicy(decision, parts, true),
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
        ...withPolicy({ verdict: 'skipped', reason, fails: false }, parts, false),
        findings: [],
        counts: (0,severity/* emptyCounts */.W1)(),
        ignoredCount: 0,
        expiredIgnores: [],
        ...optionalFields(parts),
    };
}
/**
 * The image's verdict, with its policy and its signatures: a rule at `fail` that failed, a managed
 * signature that failed or did not come, or signing with a key that failed, fails the image as a
 * blocking CVE does, and its sentence is the one the step says for one image
 * (src/gate/verdict.ts withPolicyFailures).
 */
function withPolicy(gate, parts, scanned) {
    const failures = parts.policy ? (0,verdict/* policyFailures */.A$)(parts.policy.results) : [];
    const signing = (0,gate_signing/* signingFailures */.F5)((0,gate_signing/* signingFailureOf */.lR)(parts.signatures, parts.gate.onIncomplete), (0,gate_signing/* keySigningFailureOf */.mr)(parts.keySignatures));
    if (failures.length === 0 && !signing)
        return { verdict: gate.verdict, reason: gate.reason, fails: gate.fails };
    const reason = (0,verdict/* withPolicyFailures */.SM)(gate.reason, { gateFails: gate.fails, scanned }, failures, signing);
    const heldBy = failures.length > 0 && signing ? 'policy and signing' : failures.length > 0 ? 'policy' : 'signing';
    return { verdict: 'failed', reason, fails: true, ...(gate.fails ? {} : { heldBy }) };
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
        ...(parts.policy ? { policy: parts.policy } : {}),
        ...(parts.signatures ? { signatures: parts.signatures } : {}),
        ...(parts.keySignatures ? { keySignatures: parts.keySignatures } : {}),
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
/** Findings listed under a rule, at most (the comment is compact; the JSON report has them all). */
const POLICY_FINDINGS = { summary: 10, comment: 5 };
const OPEN_ORDER = { fail: 0, warn: 1, 'no-data': 2 };
/**
 * The policy as the summary or the comment shows it; undefined when there is none (nothing was
 * pushed) or every rule is off. `maxFindings` is what the fit loop allows each rule at most,
 * within the audience's own bound.
 */
function policyView(report, audience, maxFindings = POLICY_FINDINGS[audience]) {
    const policy = report.policy;
    if (!policy)
        return undefined;
    const on = policy.results.filter((result) => result.verdict !== 'off');
    if (on.length === 0)
        return undefined;
    const limit = Math.max(0, Math.min(POLICY_FINDINGS[audience], maxFindings));
    const open = on
        .filter((result) => result.verdict !== 'pass')
        .map((result, i) => ({ result, i }))
        .sort((a, b) => OPEN_ORDER[a.result.verdict] - OPEN_ORDER[b.result.verdict] || a.i - b.i)
        .map(({ result }) => {
        const { shown, leftOut } = result.findings.length > 1 ? take(result.findings, limit) : { shown: [], leftOut: 0 };
        return { result, shown, leftOut };
    });
    return { source: policy.source, open, passed: on.filter((result) => result.verdict === 'pass'), fails: policy.fails };
}
/** How many rules that are on ended each way, for one image. */
function policyTally(report) {
    const on = report.policy?.results.filter((result) => result.verdict !== 'off') ?? [];
    if (on.length === 0)
        return undefined;
    const tally = { fail: 0, warn: 0, 'no-data': 0, pass: 0 };
    for (const result of on)
        tally[result.verdict] += 1;
    return tally;
}
/** Signature rows a table lists at most: an index and its platforms, each with its profiles (the JSON report has them all). */
const SIGNATURE_ROWS = { summary: 40, comment: 20 };
/**
 * The signatures as the summary or the comment shows them; undefined when none were awaited.
 * `maxRows` is what the fit loop allows, within the audience's own bound.
 */
function signaturesView(report, audience, maxRows = SIGNATURE_ROWS[audience]) {
    const signatures = report.signatures;
    if (!signatures)
        return undefined;
    const manifestOf = (digest) => report.scan.platforms.find((p) => p.digest === digest)?.platform ??
        (digest === report.digest ? (report.scan.platforms.length > 1 ? 'index' : 'image') : '—');
    const rows = signatures.digests.flatMap(({ digest, statuses }) => {
        const manifest = manifestOf(digest);
        if (statuses.length === 0)
            return [{ manifest, digest }];
        return statuses.map((s) => ({
            manifest,
            digest,
            profile: s.signingProfileArn,
            status: s.status,
            ...(s.failureCode ? { failureCode: s.failureCode } : {}),
        }));
    });
    const failures = [];
    for (const { statuses } of signatures.digests) {
        for (const s of statuses.filter((status) => status.status === 'FAILED')) {
            const same = failures.find((f) => f.profile === s.signingProfileArn && f.code === s.failureCode && f.reason === s.failureReason);
            if (same)
                same.digests += 1;
            else {
                failures.push({
                    profile: s.signingProfileArn,
                    ...(s.failureCode ? { code: s.failureCode } : {}),
                    ...(s.failureReason ? { reason: s.failureReason } : {}),
                    digests: 1,
                });
            }
        }
    }
    const { shown, leftOut } = take(rows, Math.min(SIGNATURE_ROWS[audience], Math.max(0, maxRows)));
    return {
        outcome: signatures.outcome,
        profiles: [...signatures.profiles],
        ...(signatures.problem ? { problem: signatures.problem } : {}),
        failures,
        digests: {
            signed: signatures.digests.filter((d) => d.statuses.length > 0).length,
            unsigned: signatures.digests.filter((d) => d.statuses.length === 0).length,
        },
        shown,
        leftOut,
    };
}
/**
 * The signatures by a key as the summary or the comment shows them; undefined when no key signs.
 * Bounded as the managed ones are (SIGNATURE_ROWS, and what the fit loop allows).
 */
function keySignaturesView(report, audience, maxRows = SIGNATURE_ROWS[audience]) {
    const signatures = report.keySignatures;
    if (!signatures)
        return undefined;
    const reused = signatures.list.filter((s) => s.reused).length;
    const { shown, leftOut } = take(signatures.list, Math.min(SIGNATURE_ROWS[audience], Math.max(0, maxRows)));
    return {
        outcome: signatures.outcome,
        name: signatures.name,
        key: signatures.key,
        ...(signatures.problem ? { problem: signatures.problem } : {}),
        counts: { total: signatures.list.length, new: signatures.list.length - reused, reused },
        shown,
        leftOut,
    };
}

;// CONCATENATED MODULE: ./src/report/markdown-parts.ts
// The markdown the job summary and the PR comment share: the verdict heading, the counts table,
// a section of the view as a table, the comparison sentence, the policy's rules, the signatures
// (ECR's managed ones and those by a key). Pure; every value from a finding, a rule, ECR or a
// user goes through escape.ts.






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
/** What failed an image its scan did not fail (Report.heldBy), in its heading. */
const HELD_BY_TITLES = {
    policy: '❌ Policy failed',
    signing: '❌ Signing failed',
    'policy and signing': '❌ Policy and signing failed',
};
/** The image's title: the scan's verdict, or what failed it when the scan did not. */
function verdictTitle(report) {
    return report.verdict === 'failed' && report.heldBy ? HELD_BY_TITLES[report.heldBy] : VERDICT_TITLES[report.verdict];
}
function heading(level, report) {
    return `${'#'.repeat(level)} ${verdictTitle(report)}: ${(0,report_escape.escapeText)(repositoryName(report.image), 120)}`;
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
    // A Policy column when an image has rules on: an image can fail on them with no finding at all.
    const policy = step.images.some(({ report }) => policyTally(report) !== undefined);
    const lines = [
        `| Image | Verdict |${policy ? ' Policy |' : ''} ${severity/* SEVERITIES */.oC.join(' | ')} |`,
        `|---|---|${policy ? '---|' : ''}${severity/* SEVERITIES */.oC.map(() => '--:|').join('')}`,
    ];
    for (const { name, report } of step.images) {
        const counts = severity/* SEVERITIES */.oC.map((s) => (report.verdict === 'skipped' ? '–' : (0,report_escape/* formatCount */.B4)(report.counts[s])));
        const cell = policy ? ` ${policyCell(report)} |` : '';
        lines.push(`| ${(0,report_escape/* code */.aY)(name, 80)} | ${VERDICT_TITLES[report.verdict].split(' ')[0]} ${report.verdict} |${cell} ${counts.join(' | ')} |`);
    }
    return [...lines, ''];
}
/** Each image's section as `render` writes it; a clean one folded under its name and verdict. */
function imageSectionLines(sections, render) {
    return sections.flatMap((section) => {
        const body = render(section);
        if (!section.folded)
            return [body];
        // Folded as clean, but the policy's warnings (and rules without data) are named where they show.
        const tally = policyTally(section.report);
        const open = tally
            ? [tally.warn > 0 ? `${tally.warn} warned` : '', tally['no-data'] > 0 ? `${tally['no-data']} without data` : ''].filter(Boolean)
            : [];
        const policy = open.length > 0 ? ` · policy: ${open.join(', ')}` : '';
        // A late signature under on-scan-incomplete: warn leaves the image clean; the fold says so,
        // as it says a key that did not sign (the step failed before signing, for another image).
        const outcome = section.report.signatures?.outcome;
        const keyOutcome = section.report.keySignatures?.outcome;
        const note = [
            policy,
            outcome === 'timeout' || outcome === 'failed' ? ` · signature: ${SIGNATURE_SAYS[outcome]}` : '',
            keyOutcome === 'failed' || keyOutcome === 'skipped' ? ` · key signature: ${keyOutcome}` : '',
        ].join('');
        return [
            `<details>`,
            `<summary>${(0,report_escape.escapeText)(section.name, 80)}: ${verdictTitle(section.report)}${note}</summary>`,
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
const POLICY_MARK = { fail: '✗', warn: '⚠', 'no-data': '?', pass: '✓' };
const POLICY_SAYS = { fail: 'failed', warn: 'warned', 'no-data': 'no data' };
/** Where the rules came from, in a few words: the policy file, the `policy` input, or the defaults. */
function policySource(source) {
    const file = source.file ? (0,report_escape/* code */.aY)(source.file, 200) : undefined;
    if (file && source.inline)
        return `rules from ${file} and the \`policy\` input`;
    if (file)
        return `rules from ${file}`;
    if (source.inline)
        return 'rules from the `policy` input';
    return 'the default rules (no policy file or `policy` input)';
}
/** `1 failed · 2 warned · 1 without data · 4 passed`, or `all 4 rules passed`. */
function policyCounts(view) {
    const count = (verdict) => view.open.filter((rule) => rule.result.verdict === verdict).length;
    if (view.open.length === 0)
        return `✓ ${view.passed.length === 1 ? 'the 1 rule' : `all ${(0,report_escape/* formatCount */.B4)(view.passed.length)} rules`} passed`;
    const parts = [
        [count('fail'), `${POLICY_MARK.fail} ${(0,report_escape/* formatCount */.B4)(count('fail'))} failed`],
        [count('warn'), `${POLICY_MARK.warn} ${(0,report_escape/* formatCount */.B4)(count('warn'))} warned`],
        [count('no-data'), `${POLICY_MARK['no-data']} ${(0,report_escape/* formatCount */.B4)(count('no-data'))} without data`],
        [view.passed.length, `${POLICY_MARK.pass} ${(0,report_escape/* formatCount */.B4)(view.passed.length)} passed`],
    ];
    return parts
        .filter(([n]) => n > 0)
        .map(([, text]) => text)
        .join(' · ');
}
/**
 * An image's policy: where the rules came from and how they ended, each rule that did not pass
 * with its reason (failed first) and a short list of its findings, the rules that passed folded.
 * Nothing when there is no policy (nothing was pushed) or every rule is off.
 */
function policyLines(view, style) {
    if (!view)
        return [];
    const line = `${policyCounts(view)} — ${policySource(view.source)}`;
    const lines = style.heading ? [`${'#'.repeat(Math.min(6, style.heading))} Policy`, '', `${line}.`, ''] : [`**Policy:** ${line}.`, ''];
    if (view.open.length > 0) {
        for (const { result, shown, leftOut } of view.open) {
            const verdict = result.verdict;
            const level = verdict === 'no-data' ? ` (at ${result.level})` : '';
            lines.push(`- ${POLICY_MARK[verdict]} **${result.rule}** ${POLICY_SAYS[verdict]}${level}: ${(0,report_escape.escapeText)(result.reason, style.reasonMax)}`);
            lines.push(...shown.map((finding) => `  - ${policyFinding(finding, style)}`));
            if (leftOut > 0)
                lines.push(`  - …and ${(0,report_escape/* formatCount */.B4)(leftOut)} more (in the JSON report)`);
        }
        lines.push('');
    }
    if (view.passed.length > 0) {
        lines.push('<details>', `<summary>${view.passed.length === 1 ? '1 rule' : `${(0,report_escape/* formatCount */.B4)(view.passed.length)} rules`} passed</summary>`, '', ...view.passed.map((result) => `- ${POLICY_MARK.pass} **${result.rule}**: ${(0,report_escape.escapeText)(result.reason, style.reasonMax)}`), '', '</details>', '');
    }
    return lines;
}
function policyFinding(finding, style) {
    const where = finding.platform ? `${(0,report_escape.escapeText)(finding.platform, 60)}: ` : '';
    const docs = style.links && (0,report_escape/* safeUrl */.Pl)(finding.url) ? ` (${(0,report_escape/* link */.nf)('docs', finding.url)})` : '';
    return `${where}${(0,report_escape.escapeText)(finding.message, style.findingMax)}${docs}`;
}
/** An image's policy in a few words, for the overview of several images: the rules that failed, else warned, else had no data. */
function policyCell(report) {
    const view = policyView(report, 'summary', 0);
    if (!view)
        return '–';
    const worst = view.open[0]?.result.verdict;
    if (!worst)
        return `${POLICY_MARK.pass} passed`;
    const rules = view.open.filter((rule) => rule.result.verdict === worst).map((rule) => rule.result.rule);
    const named = rules.slice(0, 2).join(', ') + (rules.length > 2 ? ` +${rules.length - 2}` : '');
    return `${POLICY_MARK[worst]} ${named}`;
}
const SIGNATURE_SAYS = { failed: 'failed', timeout: 'not in time' };
const SIGNATURE_STATUS = { COMPLETE: '✅ COMPLETE', FAILED: '❌ FAILED', IN_PROGRESS: '⏳ IN_PROGRESS' };
/** Distinct failures named in the outcome line, at most. */
const MAX_SIGNATURE_FAILURES = 3;
/**
 * An image's signatures: ECR's managed ones first (signed with which profiles, failed with the
 * profile, ECR's code and reason, not in time with the step's sentence, or no rule matching,
 * then a table of each digest's status per profile), then those by a key (signed with which key,
 * how many new and already there, failed with the step's words, or skipped, then a table of
 * what was signed and the referrer that carries it). Nothing when neither was asked for.
 */
function signatureLines(view, key, style) {
    const blocks = [view && managedBlock(view), key && keyBlock(key)].filter((block) => block !== undefined);
    if (blocks.length === 0)
        return [];
    const lines = style.heading ? [`${'#'.repeat(Math.min(6, style.heading))} Signatures`, ''] : [];
    blocks.forEach((block, i) => {
        // The comment labels the first outcome line; a second follows it as its own paragraph.
        lines.push(style.heading || i > 0 ? block.outcome : `**Signatures:** ${block.outcome}`, '');
        if (block.table.length === 0)
            return;
        if (style.heading)
            lines.push(...block.table, '');
        else
            lines.push(`<details><summary>${block.fold}</summary>`, '', ...block.table, '', '</details>', '');
    });
    return lines;
}
function managedBlock(view) {
    const count = view.shown.length + view.leftOut;
    return {
        outcome: signatureOutcome(view),
        table: signatureTable(view),
        fold: count === 1 ? '1 signature status' : `${(0,report_escape/* formatCount */.B4)(count)} signature statuses`,
    };
}
function profileList(profiles) {
    const names = profiles.slice(0, 5).map((arn) => (0,report_escape/* code */.aY)((0,gate_signing/* shortProfile */.C1)(arn), 100));
    const more = profiles.length > names.length ? ` and ${(0,report_escape/* formatCount */.B4)(profiles.length - names.length)} more` : '';
    return `${profiles.length === 1 ? 'profile' : 'profiles'} ${names.join(', ')}${more}`;
}
function signatureOutcome(view) {
    switch (view.outcome) {
        case 'signed': {
            const { signed, unsigned } = view.digests;
            const others = unsigned > 0 ? `; ECR does not sign the other ${(0,report_escape/* formatCount */.B4)(unsigned)}` : '';
            return `✅ Signed by ECR with ${profileList(view.profiles)} (${(0,report_escape/* plural */.LS)(signed, 'digest')}${others}).`;
        }
        case 'failed': {
            const named = view.failures.slice(0, MAX_SIGNATURE_FAILURES).map((f) => {
                const why = [f.code ? (0,report_escape/* code */.aY)(f.code, 80) : '', f.reason ? (0,report_escape.escapeText)(f.reason, 300) : ''].filter(Boolean).join(' — ');
                return `${profileList([f.profile])}${why ? `: ${why}` : ''} (${(0,report_escape/* plural */.LS)(f.digests, 'digest')})`;
            });
            const more = view.failures.length > named.length ? `; and ${(0,report_escape/* formatCount */.B4)(view.failures.length - named.length)} more` : '';
            // No FAILED status listed (it should not happen): the step's own sentence.
            return named.length > 0
                ? `❌ Signing by ECR failed with ${named.join('; ')}${more}.`
                : `❌ ${(0,report_escape.escapeText)(view.problem ?? "ECR's managed signing failed.", 500)}`;
        }
        case 'timeout':
            return `⏳ ${(0,report_escape.escapeText)(view.problem ?? "ECR's managed signature did not arrive within scan-timeout.", 500)}`;
        case 'none':
            return '– No rule of the signing configuration matches this repository: ECR does not sign it.';
    }
}
function signatureTable(view) {
    const count = view.shown.length + view.leftOut;
    if (count === 0)
        return [];
    if (view.shown.length === 0)
        return [`_${count === 1 ? '1 signature status' : `${(0,report_escape/* formatCount */.B4)(count)} signature statuses`} in the JSON report._`];
    const rows = view.shown.map(signatureRow);
    if (view.leftOut > 0)
        rows.push(`| … | and ${(0,report_escape/* formatCount */.B4)(view.leftOut)} more | | in the JSON report |`);
    return ['| Manifest | Digest | Profile | Status |', '| --- | --- | --- | --- |', ...rows];
}
function signatureRow(row) {
    const manifest = (0,report_escape.escapeText)(row.manifest, 60);
    if (row.profile === undefined)
        return `| ${manifest} | ${(0,report_escape/* code */.aY)(row.digest, 100)} | — | not signed by ECR |`;
    const status = SIGNATURE_STATUS[row.status ?? ''] ?? (0,report_escape.escapeText)(row.status, 40);
    const failure = row.failureCode ? ` ${(0,report_escape/* code */.aY)(row.failureCode, 80)}` : '';
    return `| ${manifest} | ${(0,report_escape/* code */.aY)(row.digest, 100)} | ${(0,report_escape/* code */.aY)((0,gate_signing/* shortProfile */.C1)(row.profile), 100)} | ${status}${failure} |`;
}
function keyBlock(view) {
    return { outcome: keySignatureOutcome(view), table: keySignatureTable(view), fold: (0,report_escape/* plural */.LS)(view.counts.total, 'key signature') };
}
function keySignatureOutcome(view) {
    switch (view.outcome) {
        case 'signed': {
            const { total, new: fresh, reused } = view.counts;
            return `✅ Signed with ${(0,report_escape/* code */.aY)(view.name, 200)} (${(0,report_escape/* code */.aY)(view.key, 200)}): ${(0,report_escape/* plural */.LS)(total, 'signature')} (${(0,report_escape/* formatCount */.B4)(fresh)} new, ${(0,report_escape/* formatCount */.B4)(reused)} already there).`;
        }
        case 'failed':
            return `❌ ${(0,report_escape.escapeText)(view.problem ?? `Signing with ${view.name} failed.`, 500)}`;
        case 'skipped':
            return '⏭ Not signed: the step failed before signing.';
    }
}
function keySignatureTable(view) {
    const count = view.counts.total;
    if (count === 0)
        return [];
    if (view.shown.length === 0)
        return [`_${(0,report_escape/* plural */.LS)(count, 'key signature')} in the JSON report._`];
    const rows = view.shown.map(keySignatureRow);
    if (view.leftOut > 0)
        rows.push(`| … | and ${(0,report_escape/* formatCount */.B4)(view.leftOut)} more | | in the JSON report |`);
    return ['| What | Signed digest | Referrer | New/Reused |', '| --- | --- | --- | --- |', ...rows];
}
function keySignatureRow(row) {
    const what = (0,report_escape.escapeText)(`${row.what}${row.platform ? ` (${row.platform})` : ''}`, 80);
    return `| ${what} | ${(0,report_escape/* code */.aY)(row.digest, 100)} | ${(0,report_escape/* code */.aY)(row.referrer, 100)} | ${row.reused ? 'reused' : 'new'} |`;
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
    // Each kind's outcome in a line, its table folded.
    lines.push(...signatureLines(signaturesView(report, 'comment', maxRows), keySignaturesView(report, 'comment', maxRows), {}));
    // Compact: a bold line, not a heading; fewer findings a rule, shrinking with the rows to fit.
    lines.push(...policyLines(policyView(report, 'comment', maxRows), { reasonMax: 300, findingMax: 160, links: false }));
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
        policy: report.policy && json_policy(report.policy),
        signatures: report.signatures && signatures(report.signatures),
        keySignatures: report.keySignatures && keySignatures(report.keySignatures),
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
/** Where the rules came from, whether one failed, and every rule (off ones too), in the order the reports list them. */
function json_policy(p) {
    return {
        source: { file: p.source.file, inline: p.source.inline },
        fails: p.fails,
        rules: Object.fromEntries(p.results.map((r) => [r.rule, { level: r.level, verdict: r.verdict, reason: r.reason, findings: r.findings.map(ruleFinding) }])),
    };
}
/** ECR's managed signatures: the profiles, how the wait ended, and every digest pushed with its statuses (none: ECR does not sign it). */
function signatures(s) {
    return {
        kind: s.kind,
        profiles: [...s.profiles],
        outcome: s.outcome,
        problem: s.problem,
        digests: s.digests.map((d) => ({
            digest: d.digest,
            statuses: d.statuses.map((status) => ({
                signingProfileArn: status.signingProfileArn,
                status: status.status,
                failureCode: status.failureCode,
                failureReason: status.failureReason,
            })),
        })),
    };
}
/** The signatures by a key: the key as named and its ARN, how signing ended, and every signature with the referrer that carries it. */
function keySignatures(s) {
    return {
        kind: s.kind,
        name: s.name,
        key: s.key,
        outcome: s.outcome,
        problem: s.problem,
        signatures: s.list.map((k) => ({
            digest: k.digest,
            what: k.what,
            platform: k.platform,
            predicateType: k.predicateType,
            referrer: k.referrer,
            reused: k.reused,
        })),
    };
}
function ruleFinding(f) {
    return { message: f.message, id: f.id, platform: f.platform, file: f.file, line: f.line, endLine: f.endLine, url: f.url };
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
// The job summary: the verdict and why, what was pushed, counts per platform, the attestations,
// the signatures (ECR's managed ones, then those by a key), the policy's rules, then the findings
// that decided the gate, the others, and the ignored ones. Pure.
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
    lines.push(...signatureLines(signaturesView(report, 'summary', maxRows), keySignaturesView(report, 'summary', maxRows), { heading: level + 1 }));
    // The policy's findings are bounded per rule, and shrink with the rows when the summary must fit.
    lines.push(...policyLines(policyView(report, 'summary', maxRows), { heading: level + 1, reasonMax: 500, findingMax: 300, links: true }));
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
            ...(image.policy
                ? { policy: { source: inputs.policy.source, results: image.policy.result.results, fails: image.policy.result.fails } }
                : {}),
            ...(image.signatures ? { signatures: { kind: 'managed', ...image.signatures } } : {}),
            ...(image.keySignatures ? { keySignatures: image.keySignatures } : {}),
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