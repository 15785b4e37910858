export const id = 231;
export const ids = [231];
export const modules = {

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMMENT_BUDGET_CHARS: () => (/* binding */ COMMENT_BUDGET_CHARS),
/* harmony export */   COMMENT_LIMIT_CHARS: () => (/* binding */ COMMENT_LIMIT_CHARS),
/* harmony export */   COMMENT_MAX_ROWS: () => (/* binding */ COMMENT_MAX_ROWS),
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   renderComment: () => (/* binding */ renderComment)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);
/* harmony import */ var _markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1150);


const COMMENT_LIMIT_CHARS = 65_536;
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
    const maxChars = options.maxChars ?? COMMENT_BUDGET_CHARS;
    for (let rows = options.maxRows ?? COMMENT_MAX_ROWS;; rows = Math.floor(rows / 2)) {
        const body = buildComment(report, key, rows);
        if (body.length <= maxChars)
            return body;
        if (rows === 0)
            return fitChars(body, maxChars, `_The comment was cut to fit GitHub's size limit. ${runPointer(report)}_`);
    }
}
function buildComment(report, key, maxRows) {
    const lines = [commentMarker(key), (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .heading */ .R_)(3, report), '', `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__.escapeText)(report.reason, 500)}**`, ''];
    const image = [`**Image:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(report.image, 300)}`];
    if (report.digest)
        image.push(`**Digest:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(report.digest, 100)}`);
    lines.push(image.join(' · '), '');
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
    const table = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .countsTable */ .Po)(report);
    if (table.length > 0)
        lines.push(...table, '');
    const notes = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .platformNotes */ .dt)(report.scan.platforms);
    if (notes.length > 0)
        lines.push(...notes, '');
    const sentence = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .comparisonSentence */ .nX)(report);
    if (sentence)
        lines.push(sentence, '');
    let remaining = maxRows;
    const leftOut = (count) => `_…and ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(count, 'more finding')} not shown. ${runPointer(report)}_`;
    for (const section of sections(report)) {
        const { lines: rendered, used } = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSection */ .YN)(section, remaining, leftOut);
        lines.push(...rendered);
        remaining -= used;
    }
    if (report.runUrl)
        lines.push(`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('Workflow run', report.runUrl)} · full list in the job summary and the \`report\` file`);
    return `${lines.join('\n')}\n`;
}
function sections(report) {
    const table = (title, list) => ({
        title,
        header: _markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .FINDING_HEADER */ .ib,
        ...(0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .tableRows */ .QE)((0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .groupFindings */ .kG)(list), _markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .findingRow */ .ex),
        folded: false,
    });
    // Whatever did not decide the gate and is not ignored, folded away: a passing PR still shows what it carries.
    const others = (shown) => ({
        ...table('Other findings', report.findings.filter((f) => !f.ignored && !shown(f))),
        folded: true,
    });
    const comparison = report.comparison;
    if (comparison?.available) {
        const isNew = (f) => f.comparison === 'new' && !f.ignored;
        const failingInBase = (f) => f.blocking && f.comparison !== 'new';
        return [
            table('New findings', (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .newFindings */ .FN)(report)),
            table('Failing the gate, already in the base image', report.findings.filter(failingInBase)),
            {
                title: 'Fixed since the base image',
                header: _markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .FINDING_HEADER */ .ib,
                ...(0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .tableRows */ .QE)((0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .groupFindings */ .kG)(comparison.fixed), _markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .findingRow */ .ex),
                folded: true,
            },
            others((f) => isNew(f) || failingInBase(f)),
        ];
    }
    return [
        table('Findings that failed the gate', report.findings.filter((f) => f.blocking)),
        others((f) => f.blocking),
    ];
}
function runPointer(report) {
    return report.runUrl ? `See the ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('workflow run', report.runUrl)} for the full list.` : 'The full list is in the job summary.';
}
/** Cuts at a line break to at most `max` UTF-16 code units, then adds `note`. */
function fitChars(body, max, note) {
    const room = Math.max(0, max - note.length - '\n\n</details>'.length * 8 - 3);
    const cut = body.slice(0, room);
    const line = cut.lastIndexOf('\n');
    return `${(0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .closeDetails */ .Jb)(line > 0 ? cut.slice(0, line) : cut)}\n\n${note}\n`;
}


/***/ })

};

//# sourceMappingURL=231.index.js.map