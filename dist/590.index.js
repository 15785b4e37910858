export const id = 590;
export const ids = [590];
export const modules = {

/***/ 3590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readRiskScores: () => (/* binding */ readRiskScores)
});

// EXTERNAL MODULE: ./src/inspector/risk-scores.ts
var risk_scores = __webpack_require__(5708);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-inspector2/dist-cjs/index.js
var dist_cjs = __webpack_require__(3222);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/inspector/findings.ts
// Amazon Inspector's findings for one image: ListFindings filtered by repository and image
// digest (every platform's), every page. Thin I/O: the client comes in as an argument, and
// what the findings mean is decided in inspector/risk-scores.ts.
// https://docs.aws.amazon.com/inspector/v2/APIReference/API_ListFindings.html


/** ListFindings' own cap. */
const PAGE_SIZE = 100;
/** The permission a refused call lacks, named in the warning. */
const LIST_FINDINGS_PERMISSION = 'inspector2:ListFindings';
function findingsFilter(query) {
    return {
        ecrImageRepositoryName: [{ comparison: 'EQUALS', value: query.repositoryName }],
        // Several filters on one field match any of them.
        ecrImageHash: query.digests.map((digest) => ({ comparison: 'EQUALS', value: digest })),
        ...(query.registryId ? { ecrImageRegistry: [{ comparison: 'EQUALS', value: query.registryId }] } : {}),
    };
}
/** Every page of ListFindings for the image. Throws what the SDK throws (the caller warns). */
async function listImageFindings(client, query) {
    const filterCriteria = findingsFilter(query);
    const findings = [];
    const seenTokens = new Set();
    let nextToken;
    do {
        const page = await client.send(new dist_cjs/* ListFindingsCommand */.m_$({ filterCriteria, maxResults: PAGE_SIZE, nextToken }));
        findings.push(...(page.findings ?? []));
        nextToken = page.nextToken || undefined;
        // A token seen before would loop for ever: stop with what was read.
        if (nextToken !== undefined && seenTokens.has(nextToken))
            break;
        if (nextToken !== undefined)
            seenTokens.add(nextToken);
    } while (nextToken !== undefined);
    return findings;
}
/** The warning for a refused or failing ListFindings: what failed, what the gate does instead, the permission. */
function inspectorWarning(error) {
    const name = (0,errors/* errorName */.Is)(error) ?? '';
    const refused = name === 'AccessDeniedException' || name === 'UnrecognizedClientException';
    // aws/http.ts prefixes network errors with the operation, which this sentence names already.
    const message = (0,errors/* toMessage */.R9)(error).replace(/^Amazon Inspector ListFindings: /, '');
    const cause = name && name !== 'Error' && !message.includes(name) ? `${name}: ${message}` : message;
    return (`Amazon Inspector's ListFindings ${refused ? 'was refused' : 'failed'} (${cause}), so there are no EPSS scores and ` +
        `epss-threshold is not applied: every finding at or above severity-threshold counts, whatever its EPSS. ` +
        `${refused ? 'Allow' : 'Check that the role allows'} ${LIST_FINDINGS_PERMISSION} (see docs/iam-policy.json).`);
}

;// CONCATENATED MODULE: ./src/inspector/scores.ts


async function readRiskScores(request) {
    const enhanced = request.scans.filter((scan) => scan.complete && scan.scanType === 'ENHANCED');
    if (request.epssThreshold === undefined || enhanced.length === 0)
        return { asked: false };
    try {
        const client = await request.client();
        const findings = await listImageFindings(client, {
            repositoryName: request.repositoryName,
            digests: enhanced.map((scan) => scan.digest),
            registryId: request.registryId,
        });
        return { scores: (0,risk_scores/* riskScores */.$)(findings), asked: true };
    }
    catch (error) {
        return { warning: inspectorWarning(error), asked: true };
    }
}


/***/ })

};

//# sourceMappingURL=590.index.js.map