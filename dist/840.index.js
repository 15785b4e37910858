export const id = 840;
export const ids = [840];
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


/***/ })

};

//# sourceMappingURL=840.index.js.map