export const id = 50;
export const ids = [50];
export const modules = {

/***/ 7669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishReport: () => (/* binding */ publishReport),
  publishStepReport: () => (/* binding */ publishStepReport)
});

// EXTERNAL MODULE: ./src/util/actions-core.ts
var actions_core = __webpack_require__(155);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(5881);
;// CONCATENATED MODULE: ./src/report/files.ts
// Writes the JSON report and the SARIF file. Thin: rendering is json.ts and sarif.ts; the file
// system is passed in (node:fs/promises by default) so tests can use a fake or a temp directory.
// Both files are written as their text is rendered, a batch of pieces at a time: with 10,000
// findings they are megabytes, and holding one whole (and its UTF-8 copy) would be most of the
// action's memory.





/** About what one write takes: 10,000 findings are a few hundred writes, none holding much memory. */
const WRITE_BATCH_CHARS = 16 * 1024;
/** Writes the JSON report to `file` (creating its directory) and returns the path written. */
async function writeJsonReport(report, file, writer = promises_) {
    return writeText(file, (0,json/* jsonReportChunks */.x$)(report), writer);
}
/** Writes the SARIF report to `file` (creating its directory) and returns the path written. */
async function writeSarifReport(report, file, options, writer = promises_) {
    // Measured against the size cap here, before the file is opened.
    return writeText(file, (0,sarif/* sarifChunks */.gP)(report, options), writer);
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

// EXTERNAL MODULE: ./src/report/fit.ts
var fit = __webpack_require__(877);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/summary-writer.ts
// Writes the job summary with @actions/core's `core.summary`, passed in. One addRaw and one
// write, and never more than GitHub's limit: the runner drops a larger summary whole.


/** Renders the report's summary and writes it; returns the bytes of markdown written. */
async function writeJobSummary(report, summary, options = {}) {
    const maxBytes = Math.min(options.maxBytes ?? report_summary/* SUMMARY_BUDGET_BYTES */.Xb, report_summary/* SUMMARY_LIMIT_BYTES */.Jz);
    return writeSummaryText((0,report_summary/* renderSummary */.Br)(report, { maxBytes: maxBytes - 2 }), summary, { ...options, maxBytes });
}
/** Writes markdown as it is, cut to the budget if it is over. */
async function writeSummaryText(markdown, summary, options = {}) {
    const maxBytes = Math.min(options.maxBytes ?? report_summary/* SUMMARY_BUDGET_BYTES */.Xb, report_summary/* SUMMARY_LIMIT_BYTES */.Jz);
    // addRaw(…, true) adds os.EOL (two bytes on Windows), so leave room for it.
    const text = (0,fit/* cutToFit */.XL)(markdown, maxBytes - 2, fit/* UTF8_BYTES */.o8, "_The summary was cut to fit GitHub's size limit._");
    summary.addRaw(text, true);
    await summary.write({ overwrite: options.overwrite ?? false });
    return Buffer.byteLength(text, 'utf8');
}

;// CONCATENATED MODULE: ./src/report/publish.ts
// Writes the one Report everywhere people read it: the JSON report file, the SARIF file, the
// job summary and the PR comment. Each writer is thin; a comment that cannot be written is a
// warning, never a failure: the job's result is decided by the scan alone.





async function publishReport(report, context) {
    const { inputs, facts, workspace } = context;
    const reportPath = await writeJsonReport(report, external_node_path_.join(context.tempDir, 'report.json'));
    const published = { reportPath };
    if (inputs.sarif) {
        published.sarifPath = await writeSarifReport(report, external_node_path_.resolve(workspace, inputs.sarif), {
            dockerfile: relativeDockerfile(workspace, inputs.file),
            informationUri: `${facts.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY || 'ecr-build-scan-push/ecr-build-scan-push'}`,
        });
    }
    try {
        await writeJobSummary(report, actions_core/* summary */.z, { overwrite: true });
    }
    catch (error) {
        actions_core/* warning */.$e(`The job summary could not be written: ${(0,errors/* toMessage */.R9)(error)}`);
    }
    published.commentUrl = await comment(context, async (key) => (await __webpack_require__.e(/* import() */ 840).then(__webpack_require__.bind(__webpack_require__, 7840))).renderComment(report, key));
    return published;
}
/**
 * A multi-image step's report (issue 23), written where one image's is: one JSON report, one
 * SARIF file with a run per image, one job summary, one PR comment (its key: `comment-key`, else
 * the registry and the images' names).
 */
async function publishStepReport(step, context) {
    const { inputs, facts, workspace } = context;
    const { renderStepComment, renderStepSummary, stepJsonChunks } = await __webpack_require__.e(/* import() */ 48).then(__webpack_require__.bind(__webpack_require__, 2667));
    const reportPath = await writeText(external_node_path_.join(context.tempDir, 'report.json'), stepJsonChunks(step));
    const published = { reportPath };
    if (inputs.sarif) {
        const { stepSarifChunks } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5881));
        const informationUri = `${facts.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY || 'ecr-build-scan-push/ecr-build-scan-push'}`;
        const runs = step.images.map(({ name, report }) => ({
            name,
            report,
            options: { dockerfile: relativeDockerfile(workspace, context.files[name] ?? inputs.file), informationUri },
        }));
        published.sarifPath = await writeText(external_node_path_.resolve(workspace, inputs.sarif), stepSarifChunks(runs));
    }
    try {
        await writeSummaryText(renderStepSummary(step), actions_core/* summary */.z, { overwrite: true });
    }
    catch (error) {
        actions_core/* warning */.$e(`The job summary could not be written: ${(0,errors/* toMessage */.R9)(error)}`);
    }
    published.commentUrl = await comment(context, (key) => Promise.resolve(renderStepComment(step, key)));
    return published;
}
function relativeDockerfile(workspace, file) {
    return external_node_path_.relative(workspace, external_node_path_.resolve(workspace, file)).split(external_node_path_.sep).join('/');
}
/** The PR comment, on a pull request with `comment` on: written or edited; its URL. */
async function comment(context, render) {
    const { inputs, facts } = context;
    const pr = facts.pullRequest;
    if (!inputs.comment || !pr || !facts.owner || !facts.repo)
        return undefined;
    return upsert(context, render, pr.number, facts.owner, facts.repo);
}
async function upsert(context, render, issueNumber, owner, repo) {
    const token = context.inputs.githubToken;
    if (token === '') {
        actions_core/* warning */.$e('No github-token: the PR comment was not written.');
        return undefined;
    }
    // Loaded only here: octokit stays off the start-up path of runs that write no comment.
    const [{ createCommentOctokit }, { upsertComment }, { commentMarker }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702)),
        __webpack_require__.e(/* import() */ 708).then(__webpack_require__.bind(__webpack_require__, 2327)),
        __webpack_require__.e(/* import() */ 840).then(__webpack_require__.bind(__webpack_require__, 7840)),
    ]);
    const key = context.inputs.commentKey ?? context.image;
    const result = await upsertComment({
        octokit: createCommentOctokit(token),
        owner,
        repo,
        issueNumber,
        marker: commentMarker(key),
        body: await render(key),
        log: (message) => actions_core/* info */.pq(message),
        warn: (message) => actions_core/* warning */.$e(message),
    });
    if (result.warning)
        actions_core/* warning */.$e(result.warning);
    else
        actions_core/* info */.pq(`PR comment ${result.action}: ${result.url ?? ''}`);
    return result.url;
}


/***/ }),

/***/ 5881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gP: () => (/* binding */ sarifChunks),
/* harmony export */   stepSarifChunks: () => (/* binding */ stepSarifChunks)
/* harmony export */ });
/* unused harmony exports SARIF_TOOL_NAME, DEFAULT_INFORMATION_URI, SARIF_BUDGET_BYTES, securitySeverity, sarifLevel, fingerprint, renderSarif, artifactUri */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _scan_severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4902);
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
/** Stable across runs for the same vulnerability in the same package on the same platform. */
function fingerprint(finding) {
    // One-shot: no Hash object (and its native state) per result, for 10,000 results at a time.
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', JSON.stringify([finding.id, finding.package ?? '', finding.platform]), 'hex');
}
function renderSarif(report, options) {
    return Array.from(sarifChunks(report, options)).join('');
}
/**
 * The SARIF file as pieces of text, in order (joined, renderSarif's text), at the most detail
 * that fits the byte cap. Each result is made and rendered on its own as the pieces are read, so
 * a file of 10,000 results never exists whole in memory; the cap is found by measuring pieces.
 */
function sarifChunks(report, options) {
    return logText(fittingLog(report, options, options.maxBytes ?? SARIF_BUDGET_BYTES));
}
/**
 * A multi-image step's SARIF file (issue 23): one run per image, each its image's log at the most
 * detail that fits an even share of the cap, each with its own category
 * (`automationDetails.id`), which code scanning needs to tell runs of one tool apart.
 */
function stepSarifChunks(images, maxBytes = SARIF_BUDGET_BYTES) {
    const share = Math.floor(maxBytes / Math.max(1, images.length));
    const runs = images.flatMap(({ name, report, options }) => fittingLog(report, options, share).runs.map((run) => ({ ...run, automationDetails: { id: `${SARIF_TOOL_NAME}/${name}/` } })));
    return logText({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs });
}
/** The log at the most detail whose text fits `maxBytes`. */
function fittingLog(report, options, maxBytes) {
    // Worst first (a stable sort: the report's own order within a severity).
    const results = report.findings.filter((f) => !f.ignored).sort((a, b) => (0,_scan_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(b.severity) - (0,_scan_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(a.severity));
    const at = (detail) => sarifLog(report, results, options, detail);
    for (const description of [1000, 200, 0]) {
        const log = at({ description, results: results.length });
        if (fitsIn(logText(log), maxBytes))
            return log;
    }
    // Still too big: keep the worst results.
    for (let kept = Math.floor(results.length / 2);; kept = Math.floor(kept / 2)) {
        const log = at({ description: 0, results: kept });
        if (kept === 0 || fitsIn(logText(log), maxBytes))
            return log;
    }
}
/** Compact JSON and a final line break, as pieces; rendered anew each time it is read. */
function logText(log) {
    return {
        *[Symbol.iterator]() {
            yield* (0,_json_chunks_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonChunks */ .V)(log);
            yield '\n';
        },
    };
}
/** Whether the pieces come to at most `maxBytes` of UTF-8; stops reading once over. */
function fitsIn(pieces, maxBytes) {
    let bytes = 0;
    for (const piece of pieces) {
        bytes += Buffer.byteLength(piece, 'utf8');
        if (bytes > maxBytes)
            return false;
    }
    return true;
}
/** The log for the first `detail.results` of `findings` (worst first), rendered as it is read. */
function sarifLog(report, findings, options, detail) {
    const kept = Math.min(detail.results, findings.length);
    const { ruleOf, worst } = rulesOf(findings, kept);
    const location = [
        { physicalLocation: { artifactLocation: { uri: artifactUri(options.dockerfile) }, region: { startLine: 1 } } },
    ];
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
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
                    for (let i = 0; i < kept; i += 1)
                        yield result(findings[i], ruleOf[i], location);
                }),
                properties: {
                    image: report.image,
                    digest: report.digest,
                    verdict: report.verdict,
                    ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
                },
            },
        ],
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
        const f = findings[i];
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
function result(f, ruleIndex, locations) {
    return {
        ruleId: f.id,
        ruleIndex,
        level: sarifLevel(f.severity),
        message: { text: message(f) },
        locations,
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f) },
        properties: {
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
    const rank = (0,_scan_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(a.severity) - (0,_scan_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(b.severity);
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
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .shorten */ .ml)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .cleanText */ .X5)(value), max).replace(/[\\[\]]/g, (c) => `\\${c}`);
}
/** Repository-relative, forward slashes, no leading `./`. */
function artifactUri(dockerfile) {
    return dockerfile.replace(/\\/g, '/').replace(/^(\.\/)+/, '') || 'Dockerfile';
}


/***/ })

};

//# sourceMappingURL=50.index.js.map