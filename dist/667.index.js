export const id = 667;
export const ids = [667,840];
export const modules = {

/***/ 1691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NV: () => (/* binding */ GET_USER),
/* harmony export */   Ub: () => (/* binding */ LIST_COMMENTS),
/* harmony export */   iW: () => (/* binding */ COMMENT_LIMIT_CHARS),
/* harmony export */   nU: () => (/* binding */ CREATE_COMMENT),
/* harmony export */   uB: () => (/* binding */ UPDATE_COMMENT)
/* harmony export */ });
// What this action uses of GitHub's REST API for its PR comment: the routes, the narrow octokit
// type the real client must fit, and GitHub's size limit. No imports, so the comment writer
// (upsert-comment.ts), the real client (octokit.ts) and the renderer (report/comment-body.ts)
// all take these from here and none of them imports another.
/** GitHub refuses a comment body over 65,536 characters (UTF-16 code units, as `length` counts). */
const COMMENT_LIMIT_CHARS = 65_536;
const LIST_COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const GET_USER = 'GET /user';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE_COMMENT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMMENT_BUDGET_CHARS: () => (/* binding */ COMMENT_BUDGET_CHARS),
/* harmony export */   COMMENT_LIMIT_CHARS: () => (/* reexport safe */ _github_comment_api_js__WEBPACK_IMPORTED_MODULE_3__.iW),
/* harmony export */   COMMENT_MAX_ROWS: () => (/* binding */ COMMENT_MAX_ROWS),
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   commentSection: () => (/* binding */ commentSection),
/* harmony export */   renderComment: () => (/* binding */ renderComment)
/* harmony export */ });
/* harmony import */ var _github_comment_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1691);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4031);
/* harmony import */ var _fit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(877);
/* harmony import */ var _markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1150);
/* harmony import */ var _view_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4153);
// The PR comment body: our hidden marker, then a compact summary. Pure.
//
// GitHub refuses a comment body over 65,536 characters (UTF-16 code units, as JavaScript
// counts `length`), so rows are cut by design and the body is held to COMMENT_BUDGET_CHARS.






/** What we allow ourselves, a margin below the limit. */
const COMMENT_BUDGET_CHARS = 60_000;
/** Finding rows listed in all sections together. */
const COMMENT_MAX_ROWS = 40;
const MARKER_PREFIX = 'ecr-build-scan-push:';
/** The first line of our comment: `<!-- ecr-build-scan-push:KEY -->`, with KEY unable to close it. */
function commentMarker(key) {
    return `<!-- ${MARKER_PREFIX}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCommentKey */ .Uu)(key)} -->`;
}
function renderComment(report, key, options = {}) {
    return (0,_fit_js__WEBPACK_IMPORTED_MODULE_1__/* .fitToLimit */ .Qt)((rows) => buildComment(report, key, rows), {
        maxRows: options.maxRows ?? COMMENT_MAX_ROWS,
        limit: options.maxChars ?? COMMENT_BUDGET_CHARS,
        measure: _fit_js__WEBPACK_IMPORTED_MODULE_1__/* .UTF16_UNITS */ .Rk,
        note: `_The comment was cut to fit GitHub's size limit. ${runPointer(report)}_`,
    });
}
function buildComment(report, key, maxRows) {
    return `${commentMarker(key)}\n${commentSection(report, maxRows)}`;
}
/** One image's comment without the marker, at most `maxRows` finding rows (a multi-image comment's section, at `level`). */
function commentSection(report, maxRows, level = 3) {
    const lines = [(0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .heading */ .R_)(level, report), '', `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__.escapeText)(report.reason, 500)}**`, ''];
    // The commit first: the comment is edited on every push, and the SHA tells a current comment
    // from a stale one (ACTION-SPEC: "A PR comment names the commit it describes").
    const image = report.commit ? [`**Commit:** ${commitLink(report.commit, report.commitUrl)}`] : [];
    image.push(`**Image:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(report.image, 300)}`);
    if (report.digest)
        image.push(`**Digest:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(report.digest, 100)}`);
    lines.push(image.join(' · '), '');
    const gateLine = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .riskGateLine */ .B3)(report);
    if (gateLine)
        lines.push(`**Gate:** ${gateLine}`, '');
    const warnings = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .riskNotes */ .rY)(report, '⚠️ ');
    if (warnings.length > 0)
        lines.push(...warnings, '');
    if (report.heldBack.length > 0) {
        lines.push(`**Held back:** ${report.heldBack
            .slice(0, 10)
            .map((h) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(h.tag, 100))
            .join(', ')}${report.heldBack.length > 10 ? ', …' : ''}`, '');
    }
    if (report.expiredIgnores.length > 0) {
        const n = report.expiredIgnores.length;
        lines.push(`⚠️ ${n === 1 ? 'An entry' : `${n} entries`} in the ignore file expired and no longer ${n === 1 ? 'ignores' : 'ignore'} anything.`, '');
    }
    const table = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .countsTable */ .Po)(report);
    if (table.length > 0)
        lines.push(...table, '');
    const notes = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .platformNotes */ .dt)(report.scan.platforms);
    if (notes.length > 0)
        lines.push(...notes, '');
    lines.push(...(0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .attestationLines */ .QH)(report, true));
    const sentence = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .comparisonSentence */ .nX)(report);
    if (sentence)
        lines.push(sentence, '');
    const leftOut = (count) => `_…and ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(count, 'more finding')} not shown. ${runPointer(report)}_`;
    for (const section of (0,_view_js__WEBPACK_IMPORTED_MODULE_4__/* .viewSections */ .yo)(report, 'comment', maxRows))
        lines.push(...(0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .renderSection */ .YN)(section, leftOut));
    if (report.runUrl)
        lines.push(`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('Workflow run', report.runUrl)} · full list in the job summary and the \`report\` file`);
    return `${lines.join('\n')}\n`;
}
/** The short SHA (7 hex, as GitHub shows it), linked to the commit when its page is known. */
function commitLink(sha, url) {
    const short = (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(sha.slice(0, 7), 40);
    const href = (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(url);
    return href ? `[${short}](${href})` : short;
}
function runPointer(report) {
    return report.runUrl ? `See the ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('workflow run', report.runUrl)} for the full list.` : 'The full list is in the job summary.';
}


/***/ }),

/***/ 2667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderStepComment: () => (/* binding */ renderStepComment),
/* harmony export */   renderStepSummary: () => (/* binding */ renderStepSummary),
/* harmony export */   stepJsonChunks: () => (/* binding */ stepJsonChunks),
/* harmony export */   stepVerdict: () => (/* binding */ stepVerdict)
/* harmony export */ });
/* unused harmony export shareRows */
/* harmony import */ var _comment_body_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7840);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4031);
/* harmony import */ var _fit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(877);
/* harmony import */ var _json_chunks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9669);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2794);
/* harmony import */ var _markdown_parts_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1150);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7994);
/* harmony import */ var _shared_severity_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5078);
// Pure: a multi-image step's one report (issue 23): the step's verdict, an overview row per image,
// then each image's own section as the single-image renderers write it, folded when the image is
// clean. One fit loop per rendering, as for one image: the finding rows are shared out among the
// images (the failing ones first) and halved until the text fits GitHub's limit.








/** The step's verdict from its images': failed over incomplete over passed; skipped when all were. */
function stepVerdict(images) {
    const verdicts = images.map((i) => i.report.verdict);
    if (verdicts.includes('failed'))
        return 'failed';
    if (verdicts.includes('incomplete'))
        return 'incomplete';
    if (verdicts.every((v) => v === 'skipped'))
        return 'skipped';
    return 'passed';
}
/** An image is shown folded when nothing in it needs a look: it passed (or was skipped) with no finding. */
function clean(report) {
    return (report.verdict === 'passed' || report.verdict === 'skipped') && report.findings.every((f) => f.ignored !== undefined);
}
/** `total` rows shared out: the images that are not clean first, in order, then the others. */
function shareRows(images, total) {
    const order = images.map((image, i) => ({ i, first: !clean(image.report) })).sort((a, b) => Number(b.first) - Number(a.first));
    const rows = images.map(() => 0);
    const each = Math.floor(total / Math.max(1, images.length));
    let left = total;
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
function title(level, step) {
    return `${'#'.repeat(level)} ${_markdown_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .VERDICT_TITLES */ .A1[step.verdict]}: ${step.images.length} images`;
}
function overview(step) {
    const lines = [`| Image | Verdict | ${_shared_severity_js__WEBPACK_IMPORTED_MODULE_7__/* .SEVERITIES */ .oC.join(' | ')} | Digest |`, `|---|---|${_shared_severity_js__WEBPACK_IMPORTED_MODULE_7__/* .SEVERITIES */ .oC.map(() => '--:|').join('')}---|`];
    for (const { name, report } of step.images) {
        const counts = _shared_severity_js__WEBPACK_IMPORTED_MODULE_7__/* .SEVERITIES */ .oC.map((s) => String(report.verdict === 'skipped' ? '–' : report.counts[s]));
        lines.push(`| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(name, 80)} | ${_markdown_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .VERDICT_TITLES */ .A1[report.verdict].split(' ')[0]} ${report.verdict} | ${counts.join(' | ')} | ${report.digest ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(report.digest.slice(0, 19), 40) : '–'} |`);
    }
    return [...lines, ''];
}
function sections(step, rows, render) {
    const share = shareRows(step.images, rows);
    return step.images.flatMap(({ name, report }, i) => {
        const body = render(report, share[i]);
        if (!clean(report))
            return [body];
        return [`<details>`, `<summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeText)(name, 80)}: ${_markdown_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .VERDICT_TITLES */ .A1[report.verdict]}</summary>`, '', body, '</details>', ''];
    });
}
function renderStepSummary(step, options = {}) {
    return (0,_fit_js__WEBPACK_IMPORTED_MODULE_2__/* .fitToLimit */ .Qt)((rows) => [
        title(2, step),
        '',
        `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeText)(step.reason, 1000)}**`,
        '',
        ...overview(step),
        ...sections(step, rows, (report, n) => (0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .buildSummary */ .fR)(report, n, 3)),
    ].join('\n'), {
        maxRows: options.maxRows ?? _summary_js__WEBPACK_IMPORTED_MODULE_6__/* .SUMMARY_MAX_ROWS */ .Ak,
        limit: options.maxBytes ?? _summary_js__WEBPACK_IMPORTED_MODULE_6__/* .SUMMARY_BUDGET_BYTES */ .Xb,
        measure: _fit_js__WEBPACK_IMPORTED_MODULE_2__/* .UTF8_BYTES */ .o8,
        note: `_The summary was cut to fit GitHub's size limit. The full lists are in the report file._`,
    });
}
function renderStepComment(step, key, options = {}) {
    const pointer = step.runUrl
        ? `See the ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)('workflow run', step.runUrl)} for the full lists.`
        : 'The full lists are in the job summary.';
    return (0,_fit_js__WEBPACK_IMPORTED_MODULE_2__/* .fitToLimit */ .Qt)((rows) => [
        (0,_comment_body_js__WEBPACK_IMPORTED_MODULE_0__.commentMarker)(key),
        title(3, step),
        '',
        `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeText)(step.reason, 1000)}**`,
        '',
        ...overview(step),
        ...sections(step, rows, (report, n) => (0,_comment_body_js__WEBPACK_IMPORTED_MODULE_0__.commentSection)(report, n, 4)),
    ].join('\n'), {
        maxRows: options.maxRows ?? _comment_body_js__WEBPACK_IMPORTED_MODULE_0__.COMMENT_MAX_ROWS,
        limit: options.maxChars ?? _comment_body_js__WEBPACK_IMPORTED_MODULE_0__.COMMENT_BUDGET_CHARS,
        measure: _fit_js__WEBPACK_IMPORTED_MODULE_2__/* .UTF16_UNITS */ .Rk,
        note: `_The comment was cut to fit GitHub's size limit. ${pointer}_`,
    });
}
/** The JSON report of a multi-image step: the step's verdict, then each image's report by name. */
function* stepJsonChunks(step) {
    yield* (0,_json_chunks_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonChunks */ .V)({
        version: _json_js__WEBPACK_IMPORTED_MODULE_4__/* .JSON_REPORT_VERSION */ .Xn,
        verdict: step.verdict,
        fails: step.fails,
        reason: step.reason,
        images: Object.fromEntries(step.images.map(({ name, report }) => [name, (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .toJsonReport */ .Ow)(report)])),
    }, 2);
    yield '\n';
}


/***/ })

};

//# sourceMappingURL=667.index.js.map