export const id = 708;
export const ids = [708,840];
export const modules = {

/***/ 2327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTIONS_BOT: () => (/* binding */ ACTIONS_BOT),
/* harmony export */   CREATE_COMMENT: () => (/* binding */ CREATE_COMMENT),
/* harmony export */   GET_USER: () => (/* binding */ GET_USER),
/* harmony export */   LIST_COMMENTS: () => (/* binding */ LIST_COMMENTS),
/* harmony export */   UPDATE_COMMENT: () => (/* binding */ UPDATE_COMMENT),
/* harmony export */   loadCommentOctokit: () => (/* binding */ loadCommentOctokit),
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/* harmony import */ var _report_comment_body_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7840);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);
// Creates or updates this step's one comment on a pull request. Our comment is the one whose
// first line is our hidden marker AND that the token's own user wrote, so a human's comment
// that quotes or copies the marker is never edited. A comment that cannot be written is a
// warning in the result, never an exception: the report must not fail the step.
//
// The octokit is passed in, typed as narrowly as we use it, so tests pass a fake; the real one
// (@actions/github, which reads GITHUB_API_URL when it loads) is loaded by loadCommentOctokit
// only when a comment is to be written.



const LIST_COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const GET_USER = 'GET /user';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE_COMMENT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
/** The GitHub Actions app's user, who writes comments with GITHUB_TOKEN. */
const ACTIONS_BOT = 'github-actions[bot]';
async function upsertComment(request) {
    const { octokit, owner, repo, issueNumber, key, log } = request;
    const marker = (0,_report_comment_body_js__WEBPACK_IMPORTED_MODULE_0__.commentMarker)(key);
    const body = firstLine(request.body) === marker ? request.body : `${marker}\n${request.body}`;
    const where = `pull request #${issueNumber} in ${owner}/${repo}`;
    if (body.length > _report_comment_body_js__WEBPACK_IMPORTED_MODULE_0__.COMMENT_LIMIT_CHARS) {
        return {
            action: 'skipped',
            warning: `The PR comment was not written: its body is ${body.length} characters, over GitHub's ${_report_comment_body_js__WEBPACK_IMPORTED_MODULE_0__.COMMENT_LIMIT_CHARS}.`,
        };
    }
    const call = caller(request);
    let phase = `read the comments of ${where}`;
    try {
        const self = await whoAmI(call, log);
        const comments = (await call.idempotent(`GitHub: listing the comments of ${where}`, (signal) => octokit.paginate(LIST_COMMENTS, { owner, repo, issue_number: issueNumber, per_page: 100, request: { signal } }), 4))
            .map(parseComment)
            .filter((c) => c !== undefined);
        const ours = comments.filter((c) => isOurs(c, marker, self));
        const existing = ours[0]; // the oldest: the comment stays where the conversation first saw it
        if (ours.length > 1)
            log(`Found ${ours.length} comments with our marker on ${where}; updating the oldest.`);
        if (existing) {
            if (sameBody(existing.body, body)) {
                log(`The comment on ${where} is up to date: ${existing.url ?? existing.id}.`);
                return { url: existing.url, action: 'unchanged' };
            }
            phase = `update comment ${existing.id} on ${where}`;
            const response = await call.idempotent(`GitHub: updating comment ${existing.id} on ${where}`, (signal) => octokit.request(UPDATE_COMMENT, { owner, repo, comment_id: existing.id, body, request: { signal } }));
            const url = parseComment(response.data)?.url ?? existing.url;
            log(`Updated the comment on ${where}: ${url ?? existing.id}.`);
            return { url, action: 'updated' };
        }
        phase = `comment on ${where}`;
        const response = await call.create(`GitHub: commenting on ${where}`, (signal) => octokit.request(CREATE_COMMENT, { owner, repo, issue_number: issueNumber, body, request: { signal } }));
        const url = parseComment(response.data)?.url;
        log(`Commented on ${where}: ${url ?? '(no URL returned)'}.`);
        return { url, action: 'created' };
    }
    catch (error) {
        return { action: 'skipped', warning: failureWarning(phase, where, error) };
    }
}
/** Loads @actions/github (and so reads GITHUB_API_URL) only now, off the start-up path. */
async function loadCommentOctokit(token) {
    const { createCommentOctokit } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702));
    return createCommentOctokit(token);
}
/**
 * The token's own login, or undefined when GitHub will not say: GET /user answers 403 for the
 * installation token GITHUB_TOKEN is. Then only a Bot's comment can be ours.
 */
async function whoAmI(call, log) {
    try {
        const response = await call.idempotent('GitHub: GET /user', (signal) => call.octokit.request(GET_USER, { request: { signal } }));
        const login = stringField(response.data, 'login');
        if (login)
            return login;
    }
    catch (error) {
        log(`GET /user: ${statusOf(error) ?? (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .toMessage */ .R9)(error)}; taking our comment to be a bot's (an installation token cannot read its user).`);
    }
    return undefined;
}
function isOurs(comment, marker, self) {
    if (firstLine(comment.body) !== marker)
        return false;
    if (self !== undefined)
        return comment.login?.toLowerCase() === self.toLowerCase();
    return comment.type === 'Bot' || comment.login === ACTIONS_BOT;
}
function firstLine(text) {
    const end = text.indexOf('\n');
    return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
}
/** GitHub may hand a body back with CRLF line ends or without the trailing newline. */
function sameBody(a, b) {
    const normal = (text) => text.replace(/\r\n/g, '\n').trimEnd();
    return normal(a) === normal(b);
}
function parseComment(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const id = value.id;
    if (typeof id !== 'number')
        return undefined;
    const user = value.user;
    return {
        id,
        body: stringField(value, 'body') ?? '',
        url: stringField(value, 'html_url'),
        login: stringField(user, 'login'),
        type: stringField(user, 'type'),
    };
}
function stringField(value, name) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const field = value[name];
    return typeof field === 'string' ? field : undefined;
}
/** Shorter than the registry's pauses: the comment is the last thing the step does. */
const BACKOFF_MS = [1000, 3000];
function caller(request) {
    const timeoutMs = request.timeoutMs ?? 15_000;
    const retry = {
        clock: request.clock ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .realTime */ .M9.clock,
        sleep: request.sleep ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .realTime */ .M9.sleep,
        warn: request.warn ?? request.log,
        attempts: (request.retries ?? 2) + 1,
        backoffMs: BACKOFF_MS,
    };
    async function attempt(what, send, scale, retryable) {
        try {
            return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)({ ...retry, what, transient: (error) => (retryable(error) ? describe(error) : undefined) }, () => send(AbortSignal.timeout(timeoutMs * scale)));
        }
        catch (error) {
            // The warning says why the last attempt failed (its status), not how many there were.
            throw error instanceof _util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetriesExhaustedError */ .i5 ? error.cause : error;
        }
    }
    return {
        octokit: request.octokit,
        idempotent: (what, send, scale = 1) => attempt(what, send, scale, (e) => isTransient(e)),
        create: (what, send) => attempt(what, send, 1, (e) => [429, 500, 502, 503].includes(statusOf(e) ?? 0) && hasResponse(e)),
    };
}
function statusOf(error) {
    const status = typeof error === 'object' && error !== null ? error.status : undefined;
    return typeof status === 'number' ? status : undefined;
}
/** Octokit reports a network error or an aborted request as status 500 without a response. */
function hasResponse(error) {
    return typeof error === 'object' && error !== null && error.response !== undefined;
}
function isTimeout(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth += 1) {
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
            return true;
    }
    return false;
}
function isTransient(error) {
    const status = statusOf(error);
    return isTimeout(error) || status === undefined || status >= 500 || status === 429;
}
function describe(error) {
    if (isTimeout(error))
        return 'the request timed out';
    const status = statusOf(error);
    const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .toMessage */ .R9)(error)
        .replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '')
        .slice(0, 200);
    return status === undefined ? message : `${status}${hasResponse(error) ? ` ${message}` : ` (${message})`}`;
}
function failureWarning(phase, where, error) {
    const status = statusOf(error);
    const base = `Could not ${phase}: ${describe(error)}.`;
    if (isTimeout(error) || !hasResponse(error))
        return `${base} The report is in the job summary.`;
    switch (status) {
        case 401:
            return `${base} The github-token input is not a valid token.`;
        case 403:
            return `${base} The token may not write to ${where}: on pull requests from forks GITHUB_TOKEN is read-only. Give the job \`permissions: pull-requests: write\`, or set \`comment: false\`.`;
        case 404:
            return `${base} The pull request was not found, or the token cannot see it.`;
        case 422:
            return `${base} GitHub refused the comment.`;
        default:
            return `${base} The report is in the job summary.`;
    }
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMMENT_BUDGET_CHARS: () => (/* binding */ COMMENT_BUDGET_CHARS),
/* harmony export */   COMMENT_LIMIT_CHARS: () => (/* binding */ COMMENT_LIMIT_CHARS),
/* harmony export */   COMMENT_MAX_ROWS: () => (/* binding */ COMMENT_MAX_ROWS),
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   renderComment: () => (/* binding */ renderComment)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4031);
/* harmony import */ var _fit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(877);
/* harmony import */ var _markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1150);
/* harmony import */ var _view_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4153);
// The PR comment body: our hidden marker, then a compact summary. Pure.
//
// GitHub refuses a comment body over 65,536 characters (UTF-16 code units, as JavaScript
// counts `length`), so rows are cut by design and the body is held to COMMENT_BUDGET_CHARS.




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
    return (0,_fit_js__WEBPACK_IMPORTED_MODULE_1__/* .fitToLimit */ .Qt)((rows) => buildComment(report, key, rows), {
        maxRows: options.maxRows ?? COMMENT_MAX_ROWS,
        limit: options.maxChars ?? COMMENT_BUDGET_CHARS,
        measure: _fit_js__WEBPACK_IMPORTED_MODULE_1__/* .UTF16_UNITS */ .Rk,
        note: `_The comment was cut to fit GitHub's size limit. ${runPointer(report)}_`,
    });
}
function buildComment(report, key, maxRows) {
    const lines = [commentMarker(key), (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .heading */ .R_)(3, report), '', `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__.escapeText)(report.reason, 500)}**`, ''];
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
    const sentence = (0,_markdown_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .comparisonSentence */ .nX)(report);
    if (sentence)
        lines.push(sentence, '');
    const leftOut = (count) => `_…and ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(count, 'more finding')} not shown. ${runPointer(report)}_`;
    for (const section of (0,_view_js__WEBPACK_IMPORTED_MODULE_3__/* .viewSections */ .yo)(report, 'comment', maxRows))
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

//# sourceMappingURL=708.index.js.map