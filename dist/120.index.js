export const id = 120;
export const ids = [120,895];
export const modules = {

/***/ 9651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   $v: () => (/* binding */ EMPTY_CONFIG),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   Fn: () => (/* binding */ statements),
/* harmony export */   G8: () => (/* binding */ asDescriptor),
/* harmony export */   GS: () => (/* binding */ attestationsInManifest),
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   Pv: () => (/* binding */ attestationsObject),
/* harmony export */   Zj: () => (/* binding */ attestationsInReferrers),
/* harmony export */   h2: () => (/* binding */ splitIndex),
/* harmony export */   l1: () => (/* binding */ mergeReferrersIndex),
/* harmony export */   oL: () => (/* binding */ referrerManifests),
/* harmony export */   pA: () => (/* binding */ EMPTY_CONFIG_BYTES)
/* harmony export */ });
/* unused harmony exports IN_TOTO_LAYER, PREDICATE_TYPE_ANNOTATION, CREATED_ANNOTATION, ARTIFACT_TYPES, kindOfPredicate, sha256Digest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7684);
// Pure: BuildKit's image index with its attestations inside → the same image without them, and
// each attestation as its own OCI 1.1 artifact manifest whose subject is its platform manifest.
// Tested by a table (__tests__/attest/layout.test.ts).
//
// BuildKit's layout (docs.docker.com/build/metadata/attestations/attestation-storage/): one
// attestation manifest per platform in the index, annotated
// `vnd.docker.reference.type: attestation-manifest` and `vnd.docker.reference.digest: <platform
// manifest>`, its layers one in-toto statement each (`application/vnd.in-toto+json`, annotated
// `in-toto.io/predicate-type`). The artifact manifests written here reuse those layers as they
// are (the blobs BuildKit pushed) and the empty config of the OCI image spec's artifact guidance.


const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const IN_TOTO_LAYER = 'application/vnd.in-toto+json';
const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type';
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
/** The artifactType each kind is pushed with (and filtered by, `?artifactType=`). */
const ARTIFACT_TYPES = {
    sbom: 'application/spdx+json',
    provenance: 'application/vnd.in-toto+json',
};
/** The OCI image spec's empty descriptor: the config of an artifact that has none. */
const EMPTY_CONFIG = {
    mediaType: 'application/vnd.oci.empty.v1+json',
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
};
const EMPTY_CONFIG_BYTES = '{}';
function kindOfPredicate(predicateType) {
    if (!predicateType)
        return undefined;
    if (/^https:\/\/spdx\.dev\/Document(?:\/|$)/.test(predicateType))
        return 'sbom';
    if (/^https:\/\/slsa\.dev\/provenance\//.test(predicateType))
        return 'provenance';
    return undefined;
}
function sha256Digest(text) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text, 'utf8').digest('hex')}`;
}
/** The OCI 1.1 referrers tag schema's tag for a subject: `sha256:<hex>` → `sha256-<hex>`. */
function referrersTag(subjectDigest) {
    return subjectDigest.replace(':', '-');
}
/**
 * Splits an image index into its platform manifests and its attestation manifests. The index
 * without them keeps every other field and entry as it was, in the same order, so that it is
 * what BuildKit writes for the same build without attestations.
 */
function splitIndex(text) {
    const index = JSON.parse(text);
    if (!Array.isArray(index.manifests))
        throw new Error('The pushed image is not an image index: no manifests list.');
    const images = [];
    const attestations = [];
    const kept = [];
    for (const entry of index.manifests) {
        const descriptor = asDescriptor(entry);
        if (!descriptor) {
            kept.push(entry);
            continue;
        }
        const annotations = descriptor.annotations ?? {};
        if (annotations['vnd.docker.reference.type'] === 'attestation-manifest') {
            const subject = annotations['vnd.docker.reference.digest'];
            if (subject)
                attestations.push({ descriptor, subject });
            continue;
        }
        kept.push(entry);
        images.push({ platform: (0,_shared_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .platformName */ .$r)(descriptor.platform), descriptor });
    }
    // Written as BuildKit writes it (Go's MarshalIndent, two spaces, no final newline), so that
    // the bytes, and the digest, are those of the same build without attestations.
    const indent = /^\{\r?\n( +)"/.exec(text)?.[1]?.length;
    const rewritten = JSON.stringify({ ...index, manifests: kept }, null, indent);
    return {
        images,
        attestations,
        withoutAttestations: { text: rewritten, digest: sha256Digest(rewritten), mediaType: index.mediaType ?? OCI_INDEX },
    };
}
/**
 * BuildKit's attestation manifest for one platform → one artifact manifest per attestation in
 * it (an SBOM, a provenance), each with `subject` = the platform manifest and the kind's
 * artifactType. Statements of other predicate types are left where they are.
 */
function referrerManifests(attestationManifestText, subject, platform, created) {
    const subjectDescriptor = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    return statements(attestationManifestText).map(({ layer, kind, predicateType }) => {
        const annotations = { [CREATED_ANNOTATION]: created, [PREDICATE_TYPE_ANNOTATION]: predicateType };
        // Field order as the OCI image spec lists it (and as Go's encoder writes it).
        const text = JSON.stringify({
            schemaVersion: 2,
            mediaType: OCI_MANIFEST,
            artifactType: ARTIFACT_TYPES[kind],
            config: EMPTY_CONFIG,
            layers: [layer],
            subject: subjectDescriptor,
            annotations,
        });
        const digest = sha256Digest(text);
        const descriptor = {
            mediaType: OCI_MANIFEST,
            digest,
            size: Buffer.byteLength(text, 'utf8'),
            annotations,
            artifactType: ARTIFACT_TYPES[kind],
        };
        return { kind, platform, digest, predicateType, text, descriptor, subject: subjectDescriptor };
    });
}
/**
 * The attestations an index-layout attestation manifest holds (attestations: index): each
 * statement's kind, listed under the attestation manifest's digest.
 */
function attestationsInManifest(attestationManifestText, digest, platform) {
    return statements(attestationManifestText).map(({ kind, predicateType }) => ({ kind, platform, digest, predicateType }));
}
/** The in-toto statement layers of an attestation manifest whose predicate is one of this action's kinds. */
function statements(attestationManifestText) {
    const manifest = JSON.parse(attestationManifestText);
    const result = [];
    for (const entry of Array.isArray(manifest.layers) ? manifest.layers : []) {
        const layer = asDescriptor(entry);
        if (!layer || layer.mediaType !== IN_TOTO_LAYER)
            continue;
        const predicateType = layer.annotations?.[PREDICATE_TYPE_ANNOTATION] ?? '';
        const kind = kindOfPredicate(predicateType);
        if (kind)
            result.push({ layer, kind, predicateType });
    }
    return result;
}
/**
 * A referrers list (the referrers API's answer, or the referrers tag's index) → the attestations
 * of this action's kinds in it. The kind is read from the predicate-type annotation, else from
 * the artifactType.
 */
function attestationsInReferrers(indexText, platform) {
    const index = JSON.parse(indexText);
    const result = [];
    for (const entry of Array.isArray(index.manifests) ? index.manifests : []) {
        const descriptor = asDescriptor(entry);
        if (!descriptor)
            continue;
        const predicateType = descriptor.annotations?.[PREDICATE_TYPE_ANNOTATION] ?? '';
        // Without the annotation only an SBOM's artifactType says its kind (in-toto is any statement).
        const kind = kindOfPredicate(predicateType) ?? (descriptor.artifactType === ARTIFACT_TYPES.sbom ? 'sbom' : undefined);
        if (kind)
            result.push({ kind, platform, digest: descriptor.digest, predicateType });
    }
    return result;
}
/**
 * The referrers tag's index with `added` in it (OCI 1.1 distribution spec, "referrers tag
 * schema"): the existing entries kept, the new ones appended, none twice. `changed` is false
 * when every one was there already (a re-run: nothing to write).
 */
function mergeReferrersIndex(existingText, added) {
    const existing = existingText ? JSON.parse(existingText) : undefined;
    const manifests = Array.isArray(existing?.manifests) ? [...existing.manifests] : [];
    const known = new Set(manifests.map((entry) => asDescriptor(entry)?.digest).filter(Boolean));
    let changed = existing === undefined;
    for (const descriptor of added) {
        if (known.has(descriptor.digest))
            continue;
        manifests.push(descriptor);
        known.add(descriptor.digest);
        changed = true;
    }
    return { text: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }), changed };
}
/** The `attestations` output: platform → kind → digest (the first of a kind, when a platform has more). */
function attestationsObject(attestations) {
    const result = {};
    for (const attestation of attestations) {
        const platform = (result[attestation.platform] ??= {});
        platform[attestation.kind] ??= attestation.digest;
    }
    return result;
}
function asDescriptor(entry) {
    if (typeof entry !== 'object' || entry === null)
        return undefined;
    const value = entry;
    if (typeof value.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(value.digest))
        return undefined;
    if (typeof value.mediaType !== 'string' || typeof value.size !== 'number')
        return undefined;
    return value;
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ isRetryableAwsError)
/* harmony export */ });
/* harmony import */ var _smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2058);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
// Which AWS SDK errors from ECR are worth another call: the SDK's own classification
// (@smithy/service-error-classification: throttling, transient, server errors), plus the few
// names and network codes ECR or Node give that its lists leave out. Pure.


/** 5xx names ECR uses that the SDK's lists do not carry (it goes by status there). */
const SERVER_ERRORS = new Set(['ServerException', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException']);
/** Connection errors beyond the SDK's timeout and network codes. */
const NETWORK_CODES = new Set(['ECONNABORTED']);
function isRetryableAwsError(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const name = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error) ?? '';
    // ECR's LimitExceededException is a quota (one manual scan per image per day), not a rate: the
    // SDK counts it as throttling, but another call cannot succeed.
    if (name === 'LimitExceededException')
        return false;
    // The SDK's predicates read optional fields of an SdkError; any object is safe to pass.
    const sdk = error;
    if ((0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__/* .isThrottlingError */ .Qb)(sdk) || (0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__/* .isTransientError */ .bV)(sdk) || (0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__/* .isServerError */ .GQ)(sdk))
        return true;
    if (SERVER_ERRORS.has(name))
        return true;
    const details = error;
    return details.$fault === 'server' || (typeof details.code === 'string' && NETWORK_CODES.has(details.code));
}


/***/ }),

/***/ 5421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n1: () => (/* binding */ requestHandlerFor),
/* harmony export */   vO: () => (/* binding */ nameOperationInErrors)
/* harmony export */ });
/* unused harmony exports CONNECTION_TIMEOUT_MS, REQUEST_TIMEOUT_MS */
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9783);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1279);
// What every AWS client of the action shares: bounded timeouts, the runner's proxy settings, and
// errors that name the operation. The SDK does not read HTTPS_PROXY / NO_PROXY, so the proxy (as
// self-hosted runners need) is set here, with the same rules @actions/http-client applies to the
// GitHub API calls.


/** A hung endpoint is bounded by these, not by the job's six hours. */
const CONNECTION_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** The request handler for calls to this endpoint: timeouts, and the proxy when one applies. */
async function requestHandlerFor(endpoint) {
    const proxy = (0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__/* .getProxyUrl */ .s)(endpoint);
    // The proxy agents are loaded only when a proxy applies: most runs do not need them.
    const agent = proxy ? await proxyAgents(proxy) : {};
    // throwOnRequestTimeout: without it requestTimeout only warns, and a hung call hangs the step.
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__.NodeHttpHandler({
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
        ...agent,
    });
}
/**
 * A network error or timeout says nothing of which call failed ("connect ECONNREFUSED …"):
 * prefix the service and operation, so the one error line is actionable.
 */
function nameOperationInErrors(client, service) {
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const operation = (context.commandName ?? '').replace(/Command$/, '');
            if (error instanceof Error && operation && !error.message.includes(operation))
                error.message = `${service} ${operation}: ${error.message}`;
            throw error;
        }
    }, { step: 'initialize', name: 'nameOperationInErrors' });
}
async function proxyAgents(proxy) {
    const [{ HttpProxyAgent }, { HttpsProxyAgent }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(171), __webpack_require__.e(970)]).then(__webpack_require__.t.bind(__webpack_require__, 1970, 23)), Promise.all(/* import() */[__webpack_require__.e(171), __webpack_require__.e(669)]).then(__webpack_require__.t.bind(__webpack_require__, 3669, 23))]);
    return { httpAgent: new HttpProxyAgent(proxy), httpsAgent: new HttpsProxyAgent(proxy) };
}


/***/ }),

/***/ 5764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gP: () => (/* binding */ ignoredBy),
/* harmony export */   hF: () => (/* binding */ describeDifference),
/* harmony export */   te: () => (/* binding */ compareWithBase)
/* harmony export */ });
/* harmony import */ var _ignore_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2889);
/* harmony import */ var _shared_severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5078);


function compareWithBase(head, base, options) {
    const basePlatforms = new Set([...options.basePlatforms, ...base.map((f) => f.platform)]);
    const baseWhere = platformsByKey(base);
    const headWhere = platformsByKey(head);
    const headPlatforms = new Set(options.headScans ? options.headScans.filter((scan) => scan.complete).map((scan) => scan.platform) : head.map((f) => f.platform));
    const unscanned = new Set((options.headScans ?? []).filter((scan) => !scan.complete).map((scan) => scan.platform));
    const findings = head.map((finding) => {
        const where = baseWhere.get(matchKey(finding));
        // On a platform both images have, only that platform's base findings count.
        const inBase = basePlatforms.has(finding.platform) ? (where?.has(finding.platform) ?? false) : where !== undefined;
        return { ...finding, comparison: inBase ? 'in-base' : 'new' };
    });
    const fixed = new Map();
    for (const finding of [...base].sort(byPlatform)) {
        const key = matchKey(finding);
        if (fixed.has(key) || options.isIgnored?.(finding))
            continue;
        if (unscanned.has(finding.platform))
            continue;
        const gone = headPlatforms.has(finding.platform)
            ? !(headWhere.get(key)?.has(finding.platform) ?? false)
            : // A platform the PR dropped: fixed only when no platform has it and every scan is known.
                !headWhere.has(key) && unscanned.size === 0;
        if (gone)
            fixed.set(key, finding);
    }
    const newKeys = new Set(findings.filter((f) => f.comparison === 'new' && f.ignored === undefined).map(matchKey));
    return { findings, fixed: [...fixed.values()].sort(worstFirst), newCount: newKeys.size };
}
/** `isIgnored` for compareWithBase: the same ignores (input, file, ignore-unfixed) as this image's findings. */
function ignoredBy(options) {
    return (finding) => (0,_ignore_js__WEBPACK_IMPORTED_MODULE_0__/* .applyIgnores */ .wI)([finding], options).findings[0]?.ignored !== undefined;
}
/**
 * The change in a few words, counting each vulnerability in each package once per severity,
 * worst first, as the predicate of "this image …": "adds 2 CRITICAL, fixes 5 HIGH", "adds
 * nothing, fixes 1 MEDIUM", "has the same findings". Ignored findings (when marked) are left out.
 */
function describeDifference(newFindings, fixed) {
    const added = severityPhrase(newFindings);
    const gone = severityPhrase(fixed);
    if (added === '' && gone === '')
        return 'has the same findings';
    return `adds ${added || 'nothing'}, fixes ${gone || 'nothing'}`;
}
/** "1 CRITICAL and 2 HIGH"; empty when there is nothing. */
function severityPhrase(findings) {
    const keys = new Map();
    for (const finding of findings) {
        if (finding.ignored !== undefined)
            continue;
        const set = keys.get(finding.severity) ?? new Set();
        set.add(matchKey(finding));
        keys.set(finding.severity, set);
    }
    const parts = _shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.filter((severity) => keys.has(severity)).map((severity) => `${keys.get(severity)?.size ?? 0} ${severity}`);
    if (parts.length <= 1)
        return parts[0] ?? '';
    return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
/** Vulnerability ID (any case, surrounding space ignored) and package. */
function matchKey(finding) {
    return `${finding.id.trim().toUpperCase()}\u0000${finding.package ?? ''}`;
}
function platformsByKey(findings) {
    const map = new Map();
    for (const finding of findings) {
        const key = matchKey(finding);
        const platforms = map.get(key) ?? new Set();
        platforms.add(finding.platform);
        map.set(key, platforms);
    }
    return map;
}
/** Which platform's copy of a fixed finding is listed: the first by name, so the list is stable. */
function byPlatform(a, b) {
    return compareText(a.platform, b.platform);
}
function worstFirst(a, b) {
    return ((0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(b.severity) - (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(a.severity) ||
        compareText(a.id, b.id) ||
        compareText(a.package ?? '', b.package ?? '') ||
        compareText(a.platform, b.platform));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 2889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dA: () => (/* binding */ utcDay),
/* harmony export */   wI: () => (/* binding */ applyIgnores)
/* harmony export */ });
/* unused harmony export isExpired */
/* harmony import */ var _shared_finding_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4316);
/* harmony import */ var _vex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1676);


function applyIgnores(findings, options) {
    const byInput = new Set(options.ids.map(normalizeId).filter((id) => id !== ''));
    const active = new Map();
    const expiredEntries = [];
    for (const entry of options.entries) {
        if (isExpired(entry, options.today))
            expiredEntries.push(entry);
        else if (!active.has(normalizeId(entry.id)))
            active.set(normalizeId(entry.id), entry);
    }
    const vex = options.vex && options.vex.statements.length > 0 ? matcherOf(options.vex) : undefined;
    const evaluated = findings.map((finding) => {
        // A previous `ignored` (a re-evaluation) is dropped: this decides afresh; the comparison stays.
        const result = (0,_shared_finding_js__WEBPACK_IMPORTED_MODULE_1__/* .copyFinding */ .nb)(finding);
        if (finding.comparison !== undefined)
            result.comparison = finding.comparison;
        const ignored = ignoredBy(finding, byInput, active, options.ignoreUnfixed, vex);
        if (ignored)
            result.ignored = ignored;
        result.blocking = false;
        return result;
    });
    // What each expired entry would have matched (it says so when it warns): one pass over the findings.
    const matches = new Map(expiredEntries.map((entry) => [normalizeId(entry.id), new Set()]));
    if (matches.size > 0) {
        for (const finding of findings)
            matches.get(normalizeId(finding.id))?.add((0,_shared_finding_js__WEBPACK_IMPORTED_MODULE_1__/* .vulnerabilityKey */ .yW)(finding));
    }
    const expired = expiredEntries.map((entry) => ({
        id: entry.id,
        reason: entry.reason,
        expires: entry.expires ?? '',
        matched: matches.get(normalizeId(entry.id)).size,
    }));
    return { findings: evaluated, expired };
}
/** YYYY-MM-DD of a moment, in UTC: what `today` expects. */
function utcDay(date) {
    return date.toISOString().slice(0, 10);
}
/** An entry ignores through its `expires` day (inclusive) and stops the day after. */
function isExpired(entry, today) {
    return entry.expires !== undefined && entry.expires < today;
}
/**
 * A matcher per VEX options object: compare.ts asks about the base image's findings one at a
 * time with the same options, and the statements' index is built once for all of them.
 */
const matchers = new WeakMap();
function matcherOf(options) {
    let matcher = matchers.get(options);
    if (matcher === undefined) {
        matcher = (0,_vex_js__WEBPACK_IMPORTED_MODULE_0__/* .vexMatcher */ .SD)(options);
        matchers.set(options, matcher);
    }
    return matcher;
}
function ignoredBy(finding, byInput, active, ignoreUnfixed, vex) {
    const id = normalizeId(finding.id);
    // The file first: its entry carries a reason (and maybe a date) worth reporting.
    const entry = active.get(id);
    if (entry)
        return entry.expires ? { by: 'file', reason: entry.reason, expires: entry.expires } : { by: 'file', reason: entry.reason };
    if (byInput.has(id))
        return { by: 'input', reason: 'listed in the ignore input' };
    // Then a VEX statement: it names the statement, and says more than ignore-unfixed does.
    const statement = vex?.(finding);
    if (statement)
        return { by: 'vex', reason: statement.reason, vex: { ...statement.source, status: statement.status } };
    // Only enhanced scanning says whether a fix exists; basic findings (UNKNOWN) are never "unfixed".
    if (ignoreUnfixed && finding.fixAvailable === 'NO')
        return { by: 'unfixed', reason: 'no fix available (ignore-unfixed)' };
    return undefined;
}
/** IDs are matched without regard to case or surrounding space (cve-2024-1234 = CVE-2024-1234). */
function normalizeId(id) {
    return id.trim().toUpperCase();
}


/***/ }),

/***/ 2601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ countFindings),
/* harmony export */   IG: () => (/* binding */ countByPlatform),
/* harmony export */   f4: () => (/* binding */ countExploitable),
/* harmony export */   md: () => (/* binding */ worstFirst),
/* harmony export */   q7: () => (/* binding */ decideGate),
/* harmony export */   qd: () => (/* binding */ countIgnored)
/* harmony export */ });
/* unused harmony exports failsGate, totalOf */
/* harmony import */ var _shared_finding_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4316);
/* harmony import */ var _risk_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5492);
/* harmony import */ var _shared_severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5078);



/** How many blocking findings the reason names before "and N more". */
const NAMED = 5;
function decideGate(findings, scans, settings) {
    const onlyNew = settings.mode === 'new' && settings.baseAvailable;
    const fallback = settings.mode === 'new' && !settings.baseAvailable;
    const decided = findings.map((finding) => {
        // A previous decision (a re-evaluation) is dropped: this decides afresh.
        const outcome = outcomeOf(finding, settings);
        const result = (0,_shared_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .copyFinding */ .nb)(finding);
        if (finding.ignored !== undefined)
            result.ignored = finding.ignored;
        if (finding.comparison !== undefined)
            result.comparison = finding.comparison;
        result.blocking = (0,_risk_js__WEBPACK_IMPORTED_MODULE_0__/* .outcomeFails */ .Un)(outcome);
        if (outcome === 'fails-exploit')
            result.blockedBy = 'exploit';
        if (outcome === 'held-back-by-epss')
            result.heldBack = 'epss';
        return result;
    });
    const blocking = decided.filter((finding) => finding.blocking).sort(worstFirst);
    const heldBackByEpss = decided.filter((finding) => finding.heldBack === 'epss').sort(worstFirst);
    const incomplete = scans.filter((scan) => !scan.complete);
    if (blocking.length > 0) {
        return {
            findings: decided,
            verdict: 'failed',
            fails: true,
            reason: failureReason(blocking, settings, onlyNew, fallback, incomplete),
            blocking,
            heldBackByEpss,
        };
    }
    if (incomplete.length > 0 || scans.length === 0) {
        const fails = settings.onIncomplete === 'fail';
        return { findings: decided, verdict: 'incomplete', fails, reason: incompleteReason(incomplete, fails), blocking, heldBackByEpss };
    }
    return {
        findings: decided,
        verdict: 'passed',
        fails: false,
        reason: passReason(decided, settings, onlyNew, fallback),
        blocking,
        heldBackByEpss,
    };
}
/**
 * The one place that says whether a single finding fails the gate: not ignored; at or above the
 * threshold (and its EPSS, when epss-threshold applies, at or above that or unknown), or with a
 * known exploit under fail-on-exploitable; and (gate: new with a base to compare with) new in
 * this image. The condition itself is risk.ts's gateOutcome, table-tested there; a new condition
 * of the gate goes there, so every caller of decideGate (and so of decideVerdict) gets it.
 */
function failsGate(finding, settings) {
    return outcomeFails(outcomeOf(finding, settings));
}
function outcomeOf(finding, settings) {
    return (0,_risk_js__WEBPACK_IMPORTED_MODULE_0__/* .gateOutcome */ .SH)(finding, {
        threshold: settings.threshold,
        epssThreshold: settings.epssThreshold,
        failOnExploitable: settings.failOnExploitable === true,
        onlyNew: settings.mode === 'new' && settings.baseAvailable,
    });
}
/** Worst first: severity, then id, package and platform (a stable order for reports and golden files). */
function worstFirst(a, b) {
    return ((0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(b.severity) - (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(a.severity) ||
        compareText(a.id, b.id) ||
        compareText(a.package ?? '', b.package ?? '') ||
        compareText(a.platform, b.platform));
}
/** Findings not ignored, each vulnerability in each package counted once however many platforms carry it. */
function countFindings(findings) {
    const counts = (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyCounts */ .W1)();
    const seen = new Set();
    for (const finding of findings) {
        if (finding.ignored)
            continue;
        const key = (0,_shared_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .vulnerabilityKey */ .yW)(finding);
        if (seen.has(key))
            continue;
        seen.add(key);
        counts[finding.severity] += 1;
    }
    return counts;
}
/** Ignored findings, counted as countFindings counts. */
function countIgnored(findings) {
    return new Set(findings.filter((finding) => finding.ignored).map(_shared_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .vulnerabilityKey */ .yW)).size;
}
/** Findings not ignored with a known exploit (exploitAvailable: YES), counted as countFindings counts. */
function countExploitable(findings) {
    return new Set(findings.filter((finding) => !finding.ignored && finding.exploitAvailable === 'YES').map(_shared_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .vulnerabilityKey */ .yW)).size;
}
/** Per platform, counts within that platform (findings not ignored). Platforms without findings are absent. */
function countByPlatform(findings) {
    const byPlatform = new Map();
    for (const finding of findings) {
        const list = byPlatform.get(finding.platform);
        if (list)
            list.push(finding);
        else
            byPlatform.set(finding.platform, [finding]);
    }
    return Object.fromEntries([...byPlatform].map(([platform, list]) => [platform, countFindings(list)]));
}
function totalOf(counts) {
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
function failureReason(blocking, settings, onlyNew, fallback, incomplete) {
    // One entry per vulnerability in a package, naming every platform that carries it.
    const groups = new Map();
    for (const finding of blocking) {
        const key = (0,_shared_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .vulnerabilityKey */ .yW)(finding);
        groups.set(key, [...(groups.get(key) ?? []), finding]);
    }
    const named = [...groups.values()].slice(0, NAMED).map(describeGroup);
    const more = groups.size - named.length;
    const noun = `${groups.size}${onlyNew ? ' new' : ''} finding${groups.size === 1 ? '' : 's'}`;
    const qualifier = fallback ? ' (gate: new found no base image to compare with, so every finding counts)' : '';
    const list = `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    const alsoIncomplete = incomplete.length > 0 ? `; the scan of ${incomplete.map((s) => `${s.platform} (${s.status})`).join(', ')} also did not complete` : '';
    return `${noun} ${whatFails(settings, blocking)}${qualifier}: ${list}${alsoIncomplete}.`;
}
/** "at or above CRITICAL", with what the risk settings add when they played a part. */
function whatFails(settings, blocking) {
    const bySeverity = blocking.some((finding) => finding.blockedBy === undefined);
    const byExploit = blocking.some((finding) => finding.blockedBy === 'exploit');
    const epss = settings.epssThreshold === undefined ? '' : ` with EPSS ≥ ${(0,_risk_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(settings.epssThreshold)} (or no score)`;
    const severity = `at or above ${settings.threshold}${epss}`;
    if (!byExploit)
        return severity;
    return bySeverity ? `${severity} or with a known exploit` : 'with a known exploit';
}
function describeGroup(group) {
    const [first] = group;
    const pkg = [first.package, first.version].filter(Boolean).join(' ');
    const platforms = [...new Set(group.map((finding) => finding.platform))];
    return `${first.id} (${[pkg, ...platforms].filter(Boolean).join(', ')})`;
}
function incompleteReason(incomplete, fails) {
    if (incomplete.length === 0)
        return `No platform manifest was scanned, so the gate cannot decide${fails ? '; set on-scan-incomplete: warn to accept that' : ''}.`;
    const which = incomplete
        .map((scan) => `${scan.platform} (${scan.status}${scan.description ? `: ${trimPeriod(scan.description)}` : ''})`)
        .join('; ');
    const what = `The scan of ${which} did not complete, so the gate cannot decide`;
    if (!fails)
        return `${what}; on-scan-incomplete is warn, so the step does not fail.`;
    const timedOut = incomplete.some((scan) => scan.status === 'TIMEOUT');
    return `${what}; ${timedOut ? 'raise scan-timeout, or ' : ''}set on-scan-incomplete: warn to accept an incomplete scan.`;
}
function passReason(findings, settings, onlyNew, fallback) {
    const total = totalOf(countFindings(findings));
    const ignored = countIgnored(findings);
    if (settings.threshold === 'NONE') {
        return `severity-threshold is NONE: ${plural(total, 'finding')} reported${ignored > 0 ? ` (${ignored} ignored)` : ''}, none fails the gate.`;
    }
    const atOrAbove = new Set(findings.filter((f) => !f.ignored && (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .meetsThreshold */ .M0)(f.severity, settings.threshold)).map(_shared_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .vulnerabilityKey */ .yW))
        .size;
    const heldBack = new Set(findings.filter((f) => f.heldBack === 'epss').map(_shared_finding_js__WEBPACK_IMPORTED_MODULE_2__/* .vulnerabilityKey */ .yW)).size;
    const notes = [
        heldBack > 0 && settings.epssThreshold !== undefined
            ? `${heldBack} held back by EPSS below ${(0,_risk_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(settings.epssThreshold)}`
            : '',
        onlyNew && atOrAbove - heldBack > 0 ? `${atOrAbove - heldBack} already in the base` : '',
        !onlyNew && total - heldBack > 0 ? `${total - heldBack} below it` : '',
        ignored > 0 ? `${ignored} ignored` : '',
    ].filter(Boolean);
    const epss = settings.epssThreshold === undefined ? '' : ` with EPSS ≥ ${(0,_risk_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(settings.epssThreshold)}`;
    const exploits = settings.failOnExploitable ? ' and none with a known exploit' : '';
    const subject = onlyNew
        ? `No new findings at or above ${settings.threshold}${epss}${exploits} against the base image`
        : `No findings at or above ${settings.threshold}${epss}${exploits}`;
    const qualifier = fallback ? '; gate: new found no base image to compare with, so every finding counted' : '';
    return `${subject}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}${qualifier}.`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
function trimPeriod(text) {
    return text.trim().replace(/\.$/, '');
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 5492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SH: () => (/* binding */ gateOutcome),
/* harmony export */   Un: () => (/* binding */ outcomeFails),
/* harmony export */   l7: () => (/* binding */ describeGate),
/* harmony export */   l9: () => (/* binding */ formatPercent)
/* harmony export */ });
/* harmony import */ var _shared_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5078);

/** What the gate makes of one finding. */
function gateOutcome(finding, settings) {
    if (finding.ignored !== undefined)
        return 'ignored';
    if (settings.onlyNew && finding.comparison !== 'new')
        return 'in-base';
    const atSeverity = (0,_shared_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .meetsThreshold */ .M0)(finding.severity, settings.threshold);
    const heldBack = atSeverity && belowEpss(finding.epss, settings.epssThreshold);
    if (atSeverity && !heldBack)
        return 'fails-severity';
    if (settings.failOnExploitable && finding.exploitAvailable === 'YES')
        return 'fails-exploit';
    return heldBack ? 'held-back-by-epss' : 'passes';
}
/** The outcomes that fail the step. */
function outcomeFails(outcome) {
    return outcome === 'fails-severity' || outcome === 'fails-exploit';
}
/** A known score under the threshold; an unknown score (or no threshold) is never below it. */
function belowEpss(epss, threshold) {
    return threshold !== undefined && epss !== undefined && epss < threshold;
}
/** One line saying what the gate used, e.g. "fails on CRITICAL with EPSS ≥ 10 %, and on any finding with a known exploit". */
function describeGate(settings) {
    const severity = settings.threshold === 'NONE' ? undefined : `${settings.threshold}${settings.threshold === 'CRITICAL' ? '' : ' or above'}`;
    const withEpss = settings.epssThreshold === undefined ? '' : ` with EPSS ≥ ${formatPercent(settings.epssThreshold)}`;
    const parts = [
        severity ? `on ${severity}${withEpss}` : undefined,
        settings.failOnExploitable ? 'on any finding with a known exploit' : undefined,
    ].filter((part) => part !== undefined);
    return parts.length === 0 ? 'never fails (severity-threshold: NONE)' : `fails ${parts.join(', and ')}`;
}
/** An EPSS score (0 to 1) as a percentage for people: 0.1 → "10 %", 0.00044 → "0.044 %", 0.97314 → "97.3 %". */
function formatPercent(score) {
    const percent = score * 100;
    if (percent > 0 && percent < 0.001)
        return '< 0.001 %';
    const rounded = percent >= 10 ? percent.toFixed(1) : percent >= 1 ? percent.toFixed(2) : percent.toPrecision(2);
    return `${Number(rounded).toString()} %`;
}


/***/ }),

/***/ 65:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ wildcard),
/* harmony export */   _: () => (/* binding */ matchesAny)
/* harmony export */ });
// Pure: the policy's patterns: `*` matches any run of characters (`/` too), everything else
// itself. Licence ids are matched without regard to case, as SPDX says they are.
function wildcard(pattern, options = {}) {
    const body = pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${body}$`, options.ignoreCase ? 'i' : '');
}
function matchesAny(value, patterns) {
    return patterns.some((pattern) => pattern.test(value));
}


/***/ }),

/***/ 9324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ shortProfile),
/* harmony export */   F5: () => (/* binding */ signingFailures),
/* harmony export */   Pv: () => (/* binding */ signingFailureText),
/* harmony export */   hc: () => (/* binding */ imageSigning),
/* harmony export */   kV: () => (/* binding */ matchingProfiles),
/* harmony export */   lR: () => (/* binding */ signingFailureOf),
/* harmony export */   mr: () => (/* binding */ keySigningFailureOf)
/* harmony export */ });
/* harmony import */ var _rules_wildcard_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65);
// Pure: ECR managed signing, as the step waits for it. Which signing profiles a registry's
// signing configuration applies to a repository (a rule with no filters: every repository; else
// any WILDCARD_MATCH filter matching the whole name, `*` any run of characters, `/` included),
// and, from DescribeImageSigningStatus's answers for each digest the step pushed, whether the
// image is signed, still being signed, or failed.
//
// Which digests of a multi-platform image ECR signs (the index, each platform manifest, or both)
// AWS's documentation does not say (https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html,
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImageSigningStatus.html):
// every digest pushed is asked; each that lists a profile must reach COMPLETE, and each expected
// profile must be COMPLETE on at least one digest of the image.

/** The distinct signing profiles of the rules that match the repository, in rule order. */
function matchingProfiles(rules, repository) {
    const profiles = [];
    for (const rule of rules) {
        const filters = rule.repositoryFilters ?? [];
        const matches = filters.length === 0 || filters.some((f) => (0,_rules_wildcard_js__WEBPACK_IMPORTED_MODULE_0__/* .wildcard */ .X)(f.filter).test(repository));
        if (matches && !profiles.includes(rule.signingProfileArn))
            profiles.push(rule.signingProfileArn);
    }
    return profiles;
}
/** Where an image's managed signatures stand, from each pushed digest's statuses. */
function imageSigning(expected, digests) {
    const failures = digests.flatMap((d) => d.statuses
        .filter((s) => s.status === 'FAILED')
        .map((s) => ({
        digest: d.digest,
        profile: s.signingProfileArn,
        ...(s.failureCode ? { code: s.failureCode } : {}),
        ...(s.failureReason ? { reason: s.failureReason } : {}),
    })));
    if (failures.length > 0)
        return { state: 'failed', failures };
    const waitingFor = [];
    for (const d of digests) {
        for (const s of d.statuses)
            if (s.status !== 'COMPLETE')
                waitingFor.push(`${shortProfile(s.signingProfileArn)} on ${d.digest}`);
    }
    for (const profile of expected) {
        if (!digests.some((d) => d.statuses.some((s) => s.signingProfileArn === profile))) {
            waitingFor.push(`${shortProfile(profile)} (no digest has its status yet)`);
        }
    }
    if (waitingFor.length > 0)
        return { state: 'waiting', waitingFor };
    return {
        state: 'signed',
        signed: digests.flatMap((d) => d.statuses.map((s) => ({ digest: d.digest, profile: s.signingProfileArn }))),
    };
}
/** `arn:aws:signer:us-east-1:111122223333:/signing-profiles/release` → `release`. */
function shortProfile(arn) {
    return /\/signing-profiles\/([^/]+)$/.exec(arn)?.[1] ?? arn;
}
/** One line naming each failure: the profile, the digest, ECR's code and reason. */
function signingFailureText(failures) {
    return failures
        .map((f) => `signing profile ${shortProfile(f.profile)} failed on ${f.digest}${f.code ? `: ${f.code}` : ''}${f.reason ? ` (${f.reason})` : ''}`)
        .join('; ');
}
/**
 * An image's signature as the verdict counts it: its words when it failed, or did not come in
 * time and on-scan-incomplete is fail (a late one under warn is a warning, not a failure).
 */
function signingFailureOf(signatures, onIncomplete) {
    if (!signatures || signatures.outcome === 'signed' || signatures.outcome === 'none')
        return undefined;
    if (signatures.outcome === 'timeout' && onIncomplete === 'warn')
        return undefined;
    return signatures.problem;
}
/**
 * An image's signatures by a key as the verdict counts them: its words when signing failed
 * (skipped is not a failure of its own: the step already failed for the reason that skipped it).
 */
function keySigningFailureOf(signatures) {
    return signatures?.outcome === 'failed' ? (signatures.problem ?? 'signing with the key failed') : undefined;
}
/**
 * An image's signing failures as one sentence for the verdict (its `signingFailure`): the managed
 * signature's words, then the key's, each a sentence (ended with a period when it is not);
 * undefined when neither failed. The step's verdict for one image must be given the same, so
 * that its sentence and the image's report agree.
 */
function signingFailures(managed, key) {
    const sentences = [managed, key].filter((text) => text !== undefined && text !== '');
    if (sentences.length === 0)
        return undefined;
    return sentences.map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' ');
}


/***/ }),

/***/ 5950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A$: () => (/* binding */ policyFailures),
/* harmony export */   N8: () => (/* binding */ SKIPPED_REASONS),
/* harmony export */   SM: () => (/* binding */ withPolicyFailures),
/* harmony export */   lH: () => (/* binding */ decideStep),
/* harmony export */   oM: () => (/* binding */ decideImage)
/* harmony export */ });
/* unused harmony exports HELD_BY_GATE, HELD_BY_POLICY, HELD_BY_SIGNING, policyText */
/* harmony import */ var _compare_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5764);
/* harmony import */ var _ignore_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2889);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2601);



/** Why a tag of the image that failed is held back. */
const HELD_BY_GATE = 'the gate failed';
/** Why a tag of the image that failed only its policy is held back. */
const HELD_BY_POLICY = 'the policy failed';
/** Why a release tag was held back when the image's managed signature failed or did not come. */
const HELD_BY_SIGNING = 'not signed';
/** One image's findings judged: the order is ignores → comparison → gate, so `new` leaves out what is ignored. */
function decideImage(input) {
    const ignores = (0,_ignore_js__WEBPACK_IMPORTED_MODULE_1__/* .applyIgnores */ .wI)(input.scans.flatMap((scan) => scan.findings), input.ignores);
    const { base } = input;
    const compared = base?.available
        ? (0,_compare_js__WEBPACK_IMPORTED_MODULE_0__/* .compareWithBase */ .te)(ignores.findings, base.scans.flatMap((scan) => scan.findings), {
            basePlatforms: base.platforms.map((p) => p.platform),
            headScans: input.scans,
            isIgnored: (0,_compare_js__WEBPACK_IMPORTED_MODULE_0__/* .ignoredBy */ .gP)(input.ignores),
        })
        : undefined;
    const comparison = base
        ? base.available && compared
            ? { available: true, baseSha: base.baseSha, baseDigest: base.baseDigest, fixed: compared.fixed, newCount: compared.newCount }
            : { available: false, baseSha: base.baseSha, note: base.available ? undefined : base.note, fixed: [], newCount: 0 }
        : undefined;
    const decision = (0,_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .decideGate */ .q7)(compared?.findings ?? ignores.findings, input.scans, {
        ...input.gate,
        baseAvailable: comparison?.available === true,
    });
    return { decision, expired: ignores.expired, ...(comparison ? { comparison } : {}) };
}
const FINAL = new Set(['COMPLETE', 'ACTIVE']);
const policyFails = (image) => (image.policyFailures?.length ?? 0) > 0 || image.signingFailure !== undefined;
const gateFails = (image) => image.decision?.fails === true;
function decideStep(images, options) {
    const failed = images.filter((image) => gateFails(image) || policyFails(image));
    const mayPromote = failed.length === 0;
    const failedNames = failed.map((image) => image.name);
    const heldBack = new Map();
    const byPolicyOnly = failed.every((image) => !gateFails(image));
    for (const image of images) {
        const own = gateFails(image)
            ? HELD_BY_GATE
            : (image.policyFailures?.length ?? 0) > 0
                ? HELD_BY_POLICY
                : image.signingFailure
                    ? HELD_BY_SIGNING
                    : undefined;
        const reason = own ?? (options.layout === 'one' ? HELD_BY_GATE : `${byPolicyOnly ? 'the policy' : 'the gate'} failed on ${names(failedNames)}`);
        heldBack.set(image.name, mayPromote ? [] : image.promotions.map((p) => ({ tag: p.tag, reason })));
    }
    const incomplete = images.filter((image) => image.decision?.verdict === 'incomplete' && !policyFails(image));
    const warns = failed.length === 0 && incomplete.length > 0;
    const labels = images.map((image) => (policyFails(image) ? 'failed' : (image.decision?.verdict ?? 'skipped')));
    const verdict = labels.includes('failed')
        ? 'failed'
        : labels.includes('incomplete')
            ? 'incomplete'
            : labels.every((label) => label === 'skipped')
                ? 'skipped'
                : 'passed';
    const statuses = images.map(imageStatus);
    const scanStatus = statuses.find((status) => !FINAL.has(status)) ?? statuses[0] ?? 'SKIPPED';
    const held = [...heldBack.values()].some((tags) => tags.length > 0);
    const reason = options.layout === 'one' && images.length === 1
        ? oneReason(images[0])
        : severalReason(images, { failed, incomplete, held, verdict, timeout: options.scanTimeoutSeconds });
    return { verdict, fails: failed.length > 0, warns, reason, mayPromote, heldBack, failed: failedNames, scanStatus };
}
/**
 * An image's scan status: its first platform's that is not final, else its first's; SKIPPED when
 * nothing was scanned, UNSUPPORTED_IMAGE when it had no platform manifest ECR could scan.
 */
function imageStatus(image) {
    if (image.statuses.length === 0)
        return image.decision ? 'UNSUPPORTED_IMAGE' : 'SKIPPED';
    return image.statuses.find((status) => !FINAL.has(status)) ?? image.statuses[0];
}
/** One image's sentence: its gate's, with its policy's failures after it (or alone when the gate passed or did not run). */
function oneReason(image) {
    const gate = image.decision?.reason ?? skippedReason([image], 'one');
    return withPolicyFailures(gate, { gateFails: gateFails(image), scanned: image.decision !== undefined }, image.policyFailures ?? [], image.signingFailure);
}
/**
 * An image's sentence with its policy's failures: the gate's, then the policy's ("The policy
 * failed too: …"); the policy's alone, before the gate's, when the gate passed or did not run.
 * The step's sentence (one image) and each image's report say it alike.
 */
function withPolicyFailures(gate, image, failures, 
/** ECR's managed signature failed or did not come: said first. */
signingFailure) {
    const sentence = withRuleFailures(gate, image, failures);
    return signingFailure ? `${signingFailure} ${sentence}` : sentence;
}
function withRuleFailures(gate, image, failures) {
    if (failures.length === 0)
        return gate;
    const policy = policyText(failures);
    if (image.gateFails)
        return `${gate} The policy failed too: ${policy}.`;
    return `The policy failed: ${policy}.${image.scanned ? ` ${gate}` : ''}`;
}
/** The rules that failed on an image, as the verdict names them: each rule's first finding, and how many more. */
function policyFailures(results) {
    return results
        .filter((result) => result.verdict === 'fail')
        .map((result) => {
        const first = result.findings[0];
        return {
            rule: result.rule,
            ...(first?.platform ? { platform: first.platform } : {}),
            message: first?.message ?? result.reason,
            more: Math.max(0, result.findings.length - 1),
        };
    });
}
/** How many failures of a policy the sentence names before "and N more". */
const POLICY_NAMED = 3;
/** `non-root (linux/amd64): runs as root: the image sets no USER; max-size (linux/arm64): … and 2 more` */
function policyText(failures) {
    const named = failures.slice(0, POLICY_NAMED).map((f) => {
        const more = f.more > 0 ? ` (and ${f.more} more)` : '';
        return `${f.rule}${f.platform ? ` (${f.platform})` : ''}: ${f.message}${more}`;
    });
    const rest = failures.length - named.length;
    return `${named.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}
function severalReason(images, step) {
    const total = images.length;
    const promoted = step.held ? ': no image was promoted' : '';
    if (step.failed.length > 0) {
        const byGate = step.failed.filter((image) => image.decision?.verdict === 'failed');
        const byScan = step.failed.filter((image) => gateFails(image) && image.decision?.verdict !== 'failed');
        const byPolicy = step.failed.filter(policyFails);
        if (byScan.length === 0 && byPolicy.length === 0)
            return `${step.failed.length} of ${total} images failed the gate (${names(byGate.map((i) => i.name))})${promoted}.`;
        const parts = [
            ...(byGate.length > 0 ? [`the gate failed on ${names(byGate.map((i) => i.name))}`] : []),
            ...byPolicy.flatMap((image) => [
                ...((image.policyFailures?.length ?? 0) > 0 ? [`the policy failed on "${image.name}" (${policyText(image.policyFailures)})`] : []),
                ...(image.signingFailure ? [`"${image.name}" is not signed (${image.signingFailure.replace(/\.$/, '')})`] : []),
            ]),
            ...scanProblems(byScan, step.timeout).map((problem) => `${problem} (on-scan-incomplete: fail)`),
        ];
        return `${step.failed.length} of ${total} images failed: ${parts.join('; ')}${promoted}.`;
    }
    if (step.incomplete.length > 0) {
        const passed = total - step.incomplete.length;
        return `${passed} of ${total} images passed the gate; ${scanProblems(step.incomplete, step.timeout).join('; ')}, which on-scan-incomplete: warn accepts.`;
    }
    if (step.verdict === 'skipped')
        return skippedReason(images, 'several');
    return `All ${total} images passed the gate.`;
}
/** What went wrong with the scans of these images: `ECR's scan of "api" timed out (scan-timeout: 600 s)`, grouped by status. */
function scanProblems(images, timeout) {
    const byStatus = new Map();
    for (const image of images) {
        const key = image.statuses.length === 0 ? 'NONE' : imageStatus(image);
        byStatus.set(key, [...(byStatus.get(key) ?? []), image.name]);
    }
    return [...byStatus].map(([status, list]) => {
        const which = `ECR's scan of ${names(list)}`;
        if (status === 'TIMEOUT')
            return `${which} timed out (no final status within scan-timeout: ${timeout} s)`;
        if (status === 'NONE')
            return `${list.length === 1 ? 'no platform manifest' : 'no platform manifests'} of ${names(list)} could be scanned`;
        return `${which} ended ${status}`;
    });
}
/** Why an image's gate did not run, as its report and a step of one say it. */
const SKIPPED_REASONS = {
    'not-pushed': 'push is false: the image was built but not pushed, so nothing was scanned and the gate did not run.',
    'scan-off': "scan is false: the image was pushed but ECR's findings were not read, so the gate did not run.",
};
function skippedReason(images, layout) {
    const notPushed = images.some((image) => image.skipped === 'not-pushed');
    if (layout === 'one')
        return SKIPPED_REASONS[notPushed ? 'not-pushed' : 'scan-off'];
    return notPushed
        ? `push is false: ${images.length} images built, none pushed or scanned.`
        : `scan is false: ${images.length} images pushed, none scanned, so the gate did not run.`;
}
function names(list) {
    return list.map((name) => `"${name}"`).join(', ');
}


/***/ }),

/***/ 1676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SD: () => (/* binding */ vexMatcher),
/* harmony export */   os: () => (/* binding */ parseVexDocument)
/* harmony export */ });
/* unused harmony exports VEX_STATUSES, VEX_JUSTIFICATIONS, vexReason, parsePurl */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'];
/** The spec's justification labels for `not_affected`. */
const VEX_JUSTIFICATIONS = [
    'component_not_present',
    'vulnerable_code_not_present',
    'vulnerable_code_not_in_execute_path',
    'vulnerable_code_cannot_be_controlled_by_adversary',
    'inline_mitigations_already_exist',
];
/**
 * One document's statements, or what is wrong with it (one phrase, the caller names the input
 * and the file): `is not valid JSON (…)`, `is not an OpenVEX document (statement 2 has no status)`.
 */
function parseVexDocument(text, file) {
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { problem: `is not valid JSON (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(message.split('\n')[0] ?? '')})` };
    }
    try {
        return { statements: readDocument(data, file) };
    }
    catch (error) {
        if (error instanceof NotVex)
            return { problem: `is not an OpenVEX document (${error.message})` };
        throw error;
    }
}
class NotVex extends Error {
}
function readDocument(data, file) {
    if (!isRecord(data))
        throw new NotVex('not a JSON object');
    if (!Array.isArray(data.statements))
        throw new NotVex(data.statements === undefined ? 'no statements list' : 'statements is not a list');
    const document = optionalText(data['@id'], 'its @id');
    const documentTime = newest(time(data.timestamp, 'its timestamp'), time(data.last_updated, 'its last_updated'));
    return data.statements.map((item, index) => readStatement(item, index + 1, { file, document, time: documentTime }));
}
function readStatement(item, position, doc) {
    const where = `statement ${position}`;
    if (!isRecord(item))
        throw new NotVex(`${where} is not an object`);
    const { name, aliases } = readVulnerability(item.vulnerability, where);
    if (item.status === undefined || item.status === null || item.status === '')
        throw new NotVex(`${where} has no status`);
    if (typeof item.status !== 'string' || !VEX_STATUSES.includes(item.status)) {
        throw new NotVex(`${where} has the status ${typeof item.status === 'string' ? (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(item.status) : 'that is not text'}; a status is one of ${VEX_STATUSES.join(', ')}`);
    }
    const status = item.status;
    const justification = optionalText(item.justification, `${where}'s justification`);
    if (justification !== undefined && !VEX_JUSTIFICATIONS.includes(justification)) {
        throw new NotVex(`${where} has the justification ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(justification)}; a justification is one of ${VEX_JUSTIFICATIONS.join(', ')}`);
    }
    const impactStatement = optionalText(item.impact_statement, `${where}'s impact_statement`);
    if (status === 'not_affected' && justification === undefined && impactStatement === undefined) {
        throw new NotVex(`${where} is not_affected with neither a justification nor an impact_statement`);
    }
    if (item.products !== undefined && item.products !== null && !Array.isArray(item.products)) {
        throw new NotVex(`${where}'s products is not a list`);
    }
    // v0.0.1: subcomponents beside the products, for every one of them.
    const shared = readComponents(item.subcomponents, `${where}'s subcomponents`);
    const given = (item.products ?? []).map((product, i) => readProduct(product, `${where}'s product ${i + 1}`));
    const products = shared.length === 0
        ? given
        : given.length === 0
            ? [{ everyImage: true, subcomponents: shared }]
            : given.map((p) => ({ ...p, subcomponents: [...p.subcomponents, ...shared] }));
    const statementTime = newest(time(item.timestamp, `${where}'s timestamp`), time(item.last_updated, `${where}'s last_updated`));
    const id = optionalText(item['@id'], `${where}'s @id`);
    const statement = {
        source: {
            file: doc.file,
            statement: position,
            ...(id !== undefined ? { id } : {}),
            ...(doc.document !== undefined ? { document: doc.document } : {}),
        },
        vulnerability: name,
        aliases,
        products,
        status,
    };
    if (justification !== undefined)
        statement.justification = justification;
    if (impactStatement !== undefined)
        statement.impactStatement = impactStatement;
    const actionStatement = optionalText(item.action_statement, `${where}'s action_statement`);
    if (actionStatement !== undefined)
        statement.actionStatement = actionStatement;
    const statusNotes = optionalText(item.status_notes, `${where}'s status_notes`);
    if (statusNotes !== undefined)
        statement.statusNotes = statusNotes;
    const when = statementTime ?? doc.time;
    if (when !== undefined)
        statement.time = when;
    return statement;
}
function readVulnerability(value, where) {
    if (value === undefined || value === null)
        throw new NotVex(`${where} has no vulnerability`);
    if (typeof value === 'string') {
        if (value.trim() === '')
            throw new NotVex(`${where} has no vulnerability`);
        return { name: value.trim(), aliases: [] };
    }
    if (!isRecord(value))
        throw new NotVex(`${where}'s vulnerability is neither an object nor a name`);
    const name = typeof value.name === 'string' ? value.name.trim() : '';
    if (name === '')
        throw new NotVex(`${where}'s vulnerability has no name`);
    if (value.aliases !== undefined &&
        value.aliases !== null &&
        (!Array.isArray(value.aliases) || value.aliases.some((a) => typeof a !== 'string'))) {
        throw new NotVex(`${where}'s vulnerability aliases is not a list of names`);
    }
    const aliases = (value.aliases ?? []).map((a) => a.trim()).filter((a) => a !== '');
    return { name, aliases };
}
function readProduct(value, where) {
    const component = readComponent(value, where);
    const subcomponents = isRecord(value) ? readComponents(value.subcomponents, `${where}'s subcomponents`) : [];
    return { ...component, subcomponents };
}
function readComponents(value, where) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw new NotVex(`${where} is not a list`);
    return value.map((item, i) => readComponent(item, `${where.replace(/s$/, '')} ${i + 1}`));
}
function readComponent(value, where) {
    if (typeof value === 'string') {
        if (value.trim() === '')
            throw new NotVex(`${where} is empty`);
        return { id: value.trim() };
    }
    if (!isRecord(value))
        throw new NotVex(`${where} is neither an object nor an identifier`);
    const component = {};
    const id = optionalText(value['@id'], `${where}'s @id`);
    if (id !== undefined)
        component.id = id;
    if (value.identifiers !== undefined && value.identifiers !== null) {
        if (!isRecord(value.identifiers))
            throw new NotVex(`${where}'s identifiers is not an object`);
        const purl = optionalText(value.identifiers.purl, `${where}'s purl`);
        if (purl !== undefined)
            component.purl = purl;
    }
    if (value.hashes !== undefined && value.hashes !== null) {
        if (!isRecord(value.hashes))
            throw new NotVex(`${where}'s hashes is not an object`);
        const sha256 = optionalText(value.hashes['sha-256'], `${where}'s sha-256`);
        if (sha256 !== undefined)
            component.digest = `sha256:${sha256.toLowerCase().replace(/^sha256:/, '')}`;
    }
    return component;
}
function optionalText(value, what) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw new NotVex(`${what} is not text`);
    const text = value.trim();
    return text === '' ? undefined : text;
}
function time(value, what) {
    const text = optionalText(value, what);
    if (text === undefined)
        return undefined;
    const ms = Date.parse(text);
    if (Number.isNaN(ms))
        throw new NotVex(`${what} ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(text)} is not a date and time`);
    return ms;
}
function newest(a, b) {
    return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function vexMatcher(options) {
    const { image } = options;
    // By vulnerability (name and aliases, upper case): the statements that name it, in order.
    const byId = new Map();
    for (const statement of options.statements) {
        const ids = new Set([statement.vulnerability, ...statement.aliases].map(normalizeId));
        for (const id of ids)
            byId.set(id, [...(byId.get(id) ?? []), statement]);
    }
    const repositories = imageRepositories(image);
    return (finding) => {
        const candidates = byId.get(normalizeId(finding.id));
        if (candidates === undefined)
            return undefined;
        const facts = {
            digests: new Set([image.digest, image.platformDigests[finding.platform]].filter((d) => d !== undefined).map(normalizeDigest)),
            arch: finding.platform.split('/')[1]?.toLowerCase(),
            package: finding.package?.trim().toLowerCase(),
            repositories,
            repositoryName: image.repository.toLowerCase(),
        };
        let chosen;
        for (const statement of candidates) {
            if (!statementHolds(statement, facts))
                continue;
            if (chosen === undefined || isNewer(statement, chosen))
                chosen = statement;
        }
        if (chosen === undefined || (chosen.status !== 'not_affected' && chosen.status !== 'fixed'))
            return undefined;
        return { source: chosen.source, status: chosen.status, reason: vexReason(chosen) };
    };
}
/** `VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path: the parser is never called` */
function vexReason(statement) {
    const { source } = statement;
    const where = `VEX ${source.file} (statement ${source.statement}${source.id ? `, ${source.id}` : ''})`;
    const label = statement.status === 'not_affected' && statement.justification ? `not_affected, ${statement.justification}` : statement.status;
    const notes = statement.status === 'not_affected'
        ? [statement.impactStatement]
        : statement.status === 'fixed'
            ? [statement.statusNotes, statement.actionStatement]
            : [statement.statusNotes];
    const text = notes.filter((n) => n !== undefined).join('; ');
    return `${where}: ${label}${text ? `: ${text}` : ''}`.replace(/\s+/g, ' ');
}
/** A later statement wins; on a tie (or no times), the one that suppresses nothing. */
function isNewer(statement, than) {
    const a = statement.time ?? -Infinity;
    const b = than.time ?? -Infinity;
    if (a !== b)
        return a > b;
    return suppresses(than) && !suppresses(statement);
}
function suppresses(statement) {
    return statement.status === 'not_affected' || statement.status === 'fixed';
}
function statementHolds(statement, facts) {
    if (statement.products.length === 0)
        return true;
    return statement.products.some((product) => (product.everyImage === true || isImage(product, facts)) &&
        (product.subcomponents.length === 0 || product.subcomponents.some((sub) => isPackage(sub, facts.package))));
}
/** The product names this image (any of its identifiers). */
function isImage(component, facts) {
    if (component.digest !== undefined && facts.digests.has(component.digest))
        return true;
    return [component.id, component.purl].some((identifier) => identifier !== undefined && identifierIsImage(identifier, facts));
}
function identifierIsImage(identifier, facts) {
    if (/^pkg:/i.test(identifier)) {
        const purl = parsePurl(identifier);
        return purl !== undefined && purl.type === 'oci' && ociPurlIsImage(purl, facts);
    }
    const text = identifier.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    if (/^sha256:[0-9a-f]+$/i.test(text))
        return facts.digests.has(normalizeDigest(text));
    const at = text.lastIndexOf('@');
    const reference = at >= 0 ? text.slice(0, at) : text;
    if (at >= 0 && !facts.digests.has(normalizeDigest(text.slice(at + 1))))
        return false;
    return facts.repositories.has(stripTag(reference).toLowerCase());
}
/**
 * `pkg:oci/<name>@<digest>?repository_url=<registry>/<repo>&arch=…`: the name is the
 * repository's last path segment; each other part given (the digest, repository_url, arch)
 * must agree, since together they name one image.
 */
function ociPurlIsImage(purl, facts) {
    const last = facts.repositoryName.slice(facts.repositoryName.lastIndexOf('/') + 1);
    if (purl.name.toLowerCase() !== last)
        return false;
    if (purl.version !== undefined && !facts.digests.has(normalizeDigest(purl.version)))
        return false;
    const url = purl.qualifiers.get('repository_url');
    if (url !== undefined && !facts.repositories.has(stripTag(url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')).toLowerCase()))
        return false;
    const arch = purl.qualifiers.get('arch');
    return arch === undefined || facts.arch === undefined || arch.toLowerCase() === facts.arch;
}
/** The subcomponent is the finding's package: by its purl's name (version ignored), or by its identifier as the package's name. */
function isPackage(component, pkg) {
    if (pkg === undefined || pkg === '')
        return false;
    return [component.id, component.purl].some((identifier) => {
        if (identifier === undefined)
            return false;
        if (/^pkg:/i.test(identifier)) {
            const purl = parsePurl(identifier);
            if (purl === undefined)
                return false;
            const name = purl.name.toLowerCase();
            const namespace = purl.namespace?.toLowerCase();
            return pkg === name || (namespace !== undefined && (pkg === `${namespace}/${name}` || pkg === `${namespace}:${name}`));
        }
        return identifier.toLowerCase() === pkg;
    });
}
/** A package URL's parts, percent-decoded (https://github.com/package-url/purl-spec); undefined when it is not one. */
function parsePurl(text) {
    let rest = text.trim().replace(/^pkg:\/*/i, '');
    const hash = rest.indexOf('#');
    if (hash >= 0)
        rest = rest.slice(0, hash);
    const qualifiers = new Map();
    const question = rest.indexOf('?');
    if (question >= 0) {
        for (const pair of rest.slice(question + 1).split('&')) {
            const eq = pair.indexOf('=');
            if (eq > 0)
                qualifiers.set(pair.slice(0, eq).toLowerCase(), decode(pair.slice(eq + 1)));
        }
        rest = rest.slice(0, question);
    }
    const slash = rest.indexOf('/');
    if (slash <= 0)
        return undefined;
    const type = rest.slice(0, slash).toLowerCase();
    let path = rest.slice(slash + 1).replace(/\/+$/, '');
    let version;
    const at = path.lastIndexOf('@');
    if (at > path.lastIndexOf('/')) {
        version = decode(path.slice(at + 1));
        path = path.slice(0, at);
    }
    const segments = path
        .split('/')
        .filter((s) => s !== '')
        .map(decode);
    const name = segments.pop();
    if (name === undefined || name === '')
        return undefined;
    const purl = { type, name, qualifiers };
    if (segments.length > 0)
        purl.namespace = segments.join('/');
    if (version !== undefined && version !== '')
        purl.version = version;
    return purl;
}
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function imageRepositories(image) {
    const repository = image.repository.toLowerCase();
    const names = new Set([repository]);
    if (image.registry)
        names.add(`${image.registry.toLowerCase()}/${repository}`);
    return names;
}
/** `registry:5000/team/api:1.2` → `registry:5000/team/api` (a port is not a tag). */
function stripTag(reference) {
    const colon = reference.lastIndexOf(':');
    return colon > reference.lastIndexOf('/') ? reference.slice(0, colon) : reference;
}
function normalizeDigest(digest) {
    return digest.trim().toLowerCase();
}
/** Vulnerability IDs are matched without regard to case or surrounding space, as ignore entries are. */
function normalizeId(id) {
    return id.trim().toUpperCase();
}


/***/ }),

/***/ 5015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ commitUrl),
/* harmony export */   _r: () => (/* binding */ readEventFacts)
/* harmony export */ });
/* unused harmony export parseEventFacts */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// Facts about the triggering event that the pipeline needs: which commit to tag, the PR
// (for comments and the base comparison), and the release (for release tags). Parsed from
// the runner's environment and the event payload file; no octokit is loaded for this.

/** The page of the commit the image is of, when the repository is known. */
function commitUrl(facts) {
    if (!facts.owner || !facts.repo || !/^[0-9a-f]{7,64}$/i.test(facts.sha))
        return undefined;
    return `${facts.serverUrl}/${facts.owner}/${facts.repo}/commit/${facts.sha}`;
}
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
        defaultBranch: string(object(event.repository)?.default_branch),
    };
    if (facts.ref.startsWith('refs/heads/'))
        facts.branch = facts.ref.slice('refs/heads/'.length) || undefined;
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
        // GITHUB_REF is the merge ref (pull_request) or the base branch (pull_request_target).
        facts.branch = string(head?.ref) ?? string(env.GITHUB_HEAD_REF);
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
            payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        }
        catch {
            payload = {}; // the runner always writes it; a local run may not
        }
    }
    return parseEventFacts(env, payload);
}


/***/ }),

/***/ 5708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ riskScores),
/* harmony export */   z: () => (/* binding */ withRiskScores)
/* harmony export */ });
/* harmony import */ var _shared_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4316);

/** One entry per vulnerable package of each finding (one without a package when none is listed). */
function riskScores(findings) {
    return findings.flatMap((finding) => {
        const id = text(finding.packageVulnerabilityDetails?.vulnerabilityId);
        if (id === undefined)
            return [];
        const common = { id };
        const epss = probability(finding.epss?.score);
        if (epss !== undefined)
            common.epss = epss;
        const exploit = (0,_shared_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .toExploitAvailable */ .SF)(finding.exploitAvailable);
        if (exploit !== undefined)
            common.exploitAvailable = exploit;
        const lastSeen = isoTime(finding.exploitabilityDetails?.lastKnownExploitAt);
        if (lastSeen !== undefined)
            common.lastKnownExploitAt = lastSeen;
        const packages = (finding.packageVulnerabilityDetails?.vulnerablePackages ?? []).map((pkg) => text(pkg.name));
        const named = packages.filter((name) => name !== undefined);
        return named.length === 0 ? [common] : [...new Set(named)].map((name) => ({ ...common, package: name }));
    });
}
/**
 * ECR's findings with Inspector's scores added. A finding takes the score of the same
 * vulnerability in the same package; failing that, of the same vulnerability in any package
 * (EPSS and known exploits belong to the vulnerability, not the package). ECR's own
 * exploitAvailable wins when it says YES or NO. A finding Inspector does not know is unchanged.
 */
function withRiskScores(findings, scores) {
    const byPackage = new Map();
    const byId = new Map();
    for (const score of scores) {
        const id = normalizeId(score.id);
        const key = `${id}\u0000${score.package ?? ''}`;
        byPackage.set(key, merge(byPackage.get(key), score));
        byId.set(id, merge(byId.get(id), score));
    }
    return findings.map((finding) => {
        const id = normalizeId(finding.id);
        const score = byPackage.get(`${id}\u0000${finding.package ?? ''}`) ?? byId.get(id);
        if (!score)
            return finding;
        const joined = { ...finding };
        if (score.epss !== undefined)
            joined.epss = score.epss;
        if (joined.exploitAvailable === undefined && score.exploitAvailable !== undefined)
            joined.exploitAvailable = score.exploitAvailable;
        if (score.lastKnownExploitAt !== undefined)
            joined.lastKnownExploitAt = score.lastKnownExploitAt;
        return joined;
    });
}
/** Two entries for one key (two platforms, two copies): what either knows, the higher EPSS, YES over NO. */
function merge(a, b) {
    if (!a)
        return b;
    const merged = { ...a };
    if (b.epss !== undefined && (a.epss === undefined || b.epss > a.epss))
        merged.epss = b.epss;
    if (b.exploitAvailable === 'YES' || a.exploitAvailable === undefined)
        merged.exploitAvailable = b.exploitAvailable ?? a.exploitAvailable;
    if (b.lastKnownExploitAt !== undefined && (a.lastKnownExploitAt === undefined || b.lastKnownExploitAt > a.lastKnownExploitAt)) {
        merged.lastKnownExploitAt = b.lastKnownExploitAt;
    }
    return merged;
}
function probability(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}
function isoTime(value) {
    const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
    return date && Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}
function text(value) {
    if (typeof value !== 'string')
        return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
}
function normalizeId(id) {
    return id.trim().toUpperCase();
}


/***/ }),

/***/ 9120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/util/actions-core.ts
var actions_core = __webpack_require__(155);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/aws/http.ts
var http = __webpack_require__(5421);
;// CONCATENATED MODULE: ./src/ecr/client.ts
// The one place the ECR client is built. Credentials come from the SDK's default chain;
// AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL are honoured by the SDK itself; the proxy and the
// timeouts come from aws/http.ts.



/** The URL the SDK will call, by its own precedence. */
function ecrEndpoint(region, env) {
    const configured = env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL;
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(configured || `https://api.ecr.${region}.${suffix}`);
}
async function createEcrClient(region, env = process.env) {
    const client = new dist_cjs/* ECRClient */.S70({
        region,
        customUserAgent: 'ecr-build-scan-push',
        requestHandler: await (0,http/* requestHandlerFor */.n1)(ecrEndpoint(region, env)),
    });
    (0,http/* nameOperationInErrors */.vO)(client, 'ECR');
    return client;
}

// EXTERNAL MODULE: ./src/gate/verdict.ts
var gate_verdict = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/inputs/bake-print.ts
// I/O: a bake file read the way buildx reads it, `docker buildx bake --print`, before anything is
// built; when bake refuses, also `--list` of its targets, for the message. What the answer means
// is src/inputs/bake-file.ts's (pure).

function printBake(request, cwd, bake = dockerBake) {
    const fileArgs = request.files.flatMap((file) => ['--file', file]);
    try {
        return { printed: bake(['--print', ...fileArgs, ...request.targets], cwd) };
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { error: message, ...(/failed to find target/.test(message) ? { defined: definedTargets(bake, fileArgs, cwd) } : {}) };
    }
}
/** The bake file's targets and groups (a courtesy for the message: none when bake cannot list them). */
function definedTargets(bake, fileArgs, cwd) {
    try {
        const listed = JSON.parse(bake(['--list=type=targets,format=json', ...fileArgs], cwd));
        return listed.map((entry) => entry.name).filter((name) => typeof name === 'string');
    }
    catch {
        return undefined;
    }
}
/** `docker buildx bake <args>`, synchronously: the inputs are read before anything else runs. */
function dockerBake(args, cwd) {
    try {
        return (0,external_node_child_process_.execFileSync)('docker', ['buildx', 'bake', ...args], {
            cwd,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            timeout: 120_000,
            maxBuffer: 64 * 1024 * 1024,
        });
    }
    catch (error) {
        const failed = error;
        if (failed.code === 'ENOENT')
            throw new Error('docker is not installed (not on PATH)', { cause: error });
        const stderr = typeof failed.stderr === 'string' ? failed.stderr : '';
        throw new Error(stderr.trim() !== '' ? stderr : (failed.message ?? String(error)), { cause: error });
    }
}

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

// EXTERNAL MODULE: ./src/shared/severity.ts
var severity = __webpack_require__(5078);
;// CONCATENATED MODULE: ./src/shared/tag-mutability.ts
// Pure: ECR's tag mutability, as every layer needs it: the settings, a repository's (as looked up),
// and whether a tag may move. ecr/repository.ts reads it from ECR; the build cache
// (buildx/cache.ts), promotion and skip-existing decide with it.
/** ECR's tag mutability settings (CreateRepository's imageTagMutability). */
const TAG_MUTABILITIES = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'];
/** ECR's wildcard filters: `*` matches any run of characters, everything else itself. */
function matchesFilter(tag, filter) {
    const pattern = filter
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${pattern}$`).test(tag);
}
/** Whether an existing tag may be moved to another image in this repository. */
function canMoveTag(repository, tag) {
    const excluded = repository.exclusions.some((filter) => matchesFilter(tag, filter));
    switch (repository.tagMutability) {
        case 'MUTABLE':
            return true;
        case 'IMMUTABLE':
            return false;
        case 'IMMUTABLE_WITH_EXCLUSION':
            return excluded;
        case 'MUTABLE_WITH_EXCLUSION':
            return !excluded;
    }
}

;// CONCATENATED MODULE: ./src/gate/ignore-file.ts
// The ignore file: a YAML list of {id, reason, expires?}. Parsed and validated up front, so
// a malformed file stops the step before anything is built.
// The YAML parser comes in from the caller: `yaml` is a large module, and the action loads it
// only for a run that has an ignore file to read (inputs.ts, readInputs).

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Returns the entries, or throws an Error whose message says what is wrong (the caller names the input). */
function parseIgnoreFile(text, parseYaml) {
    let data;
    try {
        data = parseYaml(text);
    }
    catch (error) {
        throw new Error(`is not valid YAML (${error instanceof Error ? (0,errors/* oneLine */.TN)(error.message.split('\n')[0] ?? '') : String(error)})`, {
            cause: error,
        });
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
        throw new Error(`${where} has unknown key ${(0,errors/* oneLine */.TN)(unknownKeys[0] ?? '')} (accepted: id, reason, expires)`);
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id).trim() : '';
    if (id === '')
        throw new Error(`${where} needs an id (a vulnerability ID such as CVE-2024-1234)`);
    const reason = typeof record.reason === 'string' ? record.reason.trim() : '';
    if (reason === '')
        throw new Error(`${where} (${(0,errors/* oneLine */.TN)(id)}) needs a reason`);
    if (record.expires === undefined || record.expires === null)
        return { id, reason };
    const expires = record.expires instanceof Date ? record.expires.toISOString().slice(0, 10) : String(record.expires);
    if (!DATE.test(expires) ||
        Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) ||
        new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires) {
        throw new Error(`${where} (${(0,errors/* oneLine */.TN)(id)}) has expires ${(0,errors/* quoted */.TL)(expires)}, which is not a date YYYY-MM-DD`);
    }
    return { id, reason, expires };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/buildx/cache.ts
// Pure: `cache: ecr` → the buildx cache specs for a BuildKit registry cache kept in the image's
// own ECR repository, and the warnings that say what could not be done. ECR accepts the cache
// only as an OCI image manifest (image-manifest=true, oci-mediatypes=true): it answers 400 to
// BuildKit's default cache manifest list. See ACTION-SPEC.md, "Build cache in ECR".


const CACHE_TAG_PREFIX = 'buildcache-';
/** The tag-mutability exclusion filter that lets every cache tag move. */
const CACHE_EXCLUSION_FILTER = `${CACHE_TAG_PREFIX}*`;
const MAX_TAG = 128;
const HASH_LENGTH = 8;
const NO_CACHE = { from: [], to: [] };
/**
 * `buildcache-<branch>`, the branch made a valid Docker tag (`[A-Za-z0-9_.-]`, at most 128
 * characters). Every run of other characters (`/` in `feature/login`) becomes one `-`; case is
 * kept, since Docker tags and ECR allow it and `Fix` and `fix` are different branches. A name
 * too long to fit is cut and ends with a hash of the whole name, so two long branches that
 * share a prefix keep apart caches.
 */
function cacheTag(branch) {
    const cleaned = branch.replace(/[^A-Za-z0-9_.-]+/g, '-');
    const tag = `${CACHE_TAG_PREFIX}${cleaned}`;
    if (tag.length <= MAX_TAG)
        return tag;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(branch).digest('hex').slice(0, HASH_LENGTH);
    return `${tag.slice(0, MAX_TAG - HASH_LENGTH - 1)}-${hash}`;
}
function isCacheTag(tag) {
    return tag.startsWith(CACHE_TAG_PREFIX);
}
function registryCacheFrom(image, tag) {
    return `type=registry,ref=${image}:${tag}`;
}
function registryCacheTo(image, tag) {
    return `type=registry,ref=${image}:${tag},mode=max,image-manifest=true,oci-mediatypes=true`;
}
/**
 * Which caches this build reads and writes. A branch reads and writes its own tag and also
 * reads the default branch's; tags and releases (no branch) read the default branch's and
 * write none, as do pull requests from forks (their code must not seed the cache that trusted
 * builds read). The export is dropped, with one warning each, where ECR would refuse the
 * moving tag (an immutable tag without an exclusion) or where the builder cannot export (the
 * docker driver); the build then still reads what exists.
 */
function planEcrCache(input) {
    const plan = { from: [], to: [], warnings: [], notes: [] };
    const own = input.branch !== undefined ? cacheTag(input.branch) : undefined;
    const main = input.defaultBranch !== undefined ? cacheTag(input.defaultBranch) : undefined;
    for (const tag of [own, main]) {
        if (tag !== undefined && !plan.from.includes(registryCacheFrom(input.image, tag))) {
            plan.from.push(registryCacheFrom(input.image, tag));
        }
    }
    if (main === undefined) {
        plan.notes.push(`cache: ecr: the event payload names no default branch (repository.default_branch), so ${own ? 'only this branch’s cache is read' : 'no cache is read'}.`);
    }
    if (own === undefined) {
        plan.notes.push('cache: ecr: a tag or release build reads the default branch’s cache and writes none.');
        return plan;
    }
    if (input.fromFork) {
        plan.notes.push('cache: ecr: a pull request from a fork reads the cache and writes none.');
        return plan;
    }
    let writable = true;
    if (!canMoveTag(input.repository, own)) {
        writable = false;
        plan.warnings.push(`cache: ecr: repository ${input.repository.name} is ${input.repository.tagMutability}${input.repository.exclusions.length > 0 ? ` (exclusions: ${input.repository.exclusions.join(', ')})` : ''}, ` +
            `so the cache tag ${own}, which moves on every build, cannot be written: this build reads the cache and does not export it. ` +
            `To keep a cache, make the repository IMMUTABLE_WITH_EXCLUSION with the exclusion filter "${CACHE_EXCLUSION_FILTER}".`);
    }
    if (input.driver === 'docker') {
        writable = false;
        plan.warnings.push('cache: ecr: the builder uses the docker driver, which cannot export a registry cache: this build reads the cache and does not export it. ' +
            'To write the cache, build with a docker-container builder (docker/setup-buildx-action) and pass its name in "builder".');
    }
    if (writable) {
        plan.to.push(registryCacheTo(input.image, own));
        plan.writeTag = own;
    }
    return plan;
}
/**
 * How a repository that `create-repository` makes is set up when it holds the cache: an
 * IMMUTABLE one becomes IMMUTABLE_WITH_EXCLUSION with `buildcache-*`, so the cache tag can
 * move while every image tag stays immutable; IMMUTABLE_WITH_EXCLUSION gets the filter added
 * when none of its own lets the cache tag move. `note` says what was changed, for the log.
 */
function creationWithCache(settings) {
    const { tagMutability, tagMutabilityExclusions } = settings;
    const probe = `${CACHE_TAG_PREFIX}x`;
    if (tagMutability === 'IMMUTABLE') {
        return {
            tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
            tagMutabilityExclusions: [CACHE_EXCLUSION_FILTER],
            note: `cache: ecr: creating the repository IMMUTABLE_WITH_EXCLUSION with the exclusion filter "${CACHE_EXCLUSION_FILTER}" (tag-mutability IMMUTABLE), so the cache tag can move and image tags cannot.`,
        };
    }
    if (tagMutability === 'IMMUTABLE_WITH_EXCLUSION' && !canMoveTag({ tagMutability, exclusions: tagMutabilityExclusions }, probe)) {
        return {
            tagMutability,
            tagMutabilityExclusions: [...tagMutabilityExclusions, CACHE_EXCLUSION_FILTER],
            note: `cache: ecr: adding the exclusion filter "${CACHE_EXCLUSION_FILTER}" to the new repository's, so the cache tag can move.`,
        };
    }
    return settings;
}

;// CONCATENATED MODULE: ./src/inputs/image-spec.ts
// Pure: the one checker of an image spec, whichever way the image was listed (`repository` and
// the build inputs, an `images` entry, a bake target): its repository, context, Dockerfile and
// platforms. Each problem is one InputError naming where the value came from, before anything
// is built or pushed. Also what the lists share: names, build-args merged by key, and the rule
// that no two images share a name or a repository.



// ECR's repository-name pattern (CreateRepository), 2-256 characters.
const REPOSITORY = /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
/** An image's name in a list (a bake target's: letters, digits, _ and -), unique whatever the case. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** A build context that is not a directory of the workspace: a URL, a git remote, or standard input. */
const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|github\.com\/)/;
function isRemoteContext(context) {
    return REMOTE_CONTEXT.test(context) || context === '-';
}
/** `<context>/Dockerfile`, or `Dockerfile` for a remote context (buildx reads it from there). */
function defaultDockerfile(context) {
    return isRemoteContext(context) ? 'Dockerfile' : external_node_path_.join(context, 'Dockerfile');
}
/**
 * Checks one image spec; throws the first problem as one InputError. `dockerfileInline`: the
 * Dockerfile is given inline (a bake target's dockerfile-inline), so no file is looked for.
 */
function checkImageSpec(spec, where, checks, options = {}) {
    if (!REPOSITORY.test(spec.repository)) {
        throw new errors/* InputError */.dz(`${subject(where, 'repository', spec.repository)}; accepted: an ECR repository name of 2-256 lowercase letters, digits, and . _ - / separators, e.g. ${example(spec)}.`);
    }
    if (!isRemoteContext(spec.context)) {
        if (!checks.isDirectory(checks.resolve(spec.context))) {
            throw new errors/* InputError */.dz(`${subject(where, 'context', spec.context)}, which is not a directory; accepted: a build context directory (or a git/https URL).`);
        }
        if (!options.dockerfileInline && !checks.isFile(checks.resolve(spec.file))) {
            throw new errors/* InputError */.dz(`${subject(where, 'file', spec.file)}, which does not exist; accepted: ${where.fileAccepted ?? 'the path of a Dockerfile (default <context>/Dockerfile)'}.`);
        }
    }
    for (const platform of spec.platforms) {
        if (!PLATFORM.test(platform)) {
            throw new errors/* InputError */.dz(`${subject(where, 'platforms', platform, 'has')}; accepted: comma-separated os/arch[/variant], e.g. linux/amd64,linux/arm64.`);
        }
    }
}
/** `Input "context" is "x"`, or `Input "images", image "api": context is "x"`. */
function subject(where, field, value, verb = 'is') {
    if (where.entry === undefined)
        return `Input "${field}" ${verb} ${(0,errors/* quoted */.TL)(value)}`;
    const named = field === 'repository' || field === 'file' ? (where.fields?.[field] ?? field) : field;
    return `${where.entry}: ${named} ${verb} ${(0,errors/* quoted */.TL)(value)}`;
}
function example(spec) {
    return spec.name !== spec.repository && NAME.test(spec.name) ? `shop/${spec.name.toLowerCase()}` : 'mlops/retail-api';
}
/** An image's name in a list: one line naming the entry when it is not accepted. */
function checkName(name, entry, what = 'name') {
    if (!NAME.test(name)) {
        throw new errors/* InputError */.dz(`${entry}: ${what} ${(0,errors/* quoted */.TL)(name)} is not accepted; accepted: up to 64 letters, digits, _ and -, starting with a letter or digit.`);
    }
}
/** Two images of one name, or two in one repository (they would push to the same tags): one line. */
function checkDistinct(images, source) {
    const byName = new Map();
    const byRepository = new Map();
    for (const image of images) {
        const other = byName.get(image.name.toLowerCase());
        if (other !== undefined) {
            throw new errors/* InputError */.dz(`${source} names two images ${(0,errors/* quoted */.TL)(image.name)}; accepted: a different name for each image.`);
        }
        byName.set(image.name.toLowerCase(), image.name);
        // Every image of the step gets the same tags (the commit's SHA, the release's): two images in
        // one repository would push to the same tag.
        const same = byRepository.get(image.repository);
        if (same !== undefined) {
            throw new errors/* InputError */.dz(`${source}: images ${(0,errors/* quoted */.TL)(same)} and ${(0,errors/* quoted */.TL)(image.name)} both push to ${image.repository}, under the same tags; accepted: one repository per image.`);
        }
        byRepository.set(image.repository, image.name);
    }
}
/** A newline- (and, unless told, comma-) separated string, or a YAML list of strings. */
function listOf(value, what, commas = true) {
    if (typeof value === 'string')
        return parseList(value, { commas });
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value.map((v) => v.trim()).filter(Boolean);
    throw new errors/* InputError */.dz(`${what} is not a list; accepted: a comma-separated string or a YAML list of strings.`);
}
/** The step's KEY=VALUE build-args with the entry's (a mapping or KEY=VALUE lines) over them, key by key. */
function mergeBuildArgs(step, value, named) {
    const merged = new Map(step.map((arg) => [arg.slice(0, arg.indexOf('=')), arg]));
    if (value === undefined || value === null)
        return [...merged.values()];
    let pairs;
    if (typeof value === 'object' && !Array.isArray(value)) {
        pairs = Object.entries(value).map(([key, v]) => {
            if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
                throw new errors/* InputError */.dz(`${named}: build-args ${(0,errors/* quoted */.TL)(key)} is not a string; accepted: KEY: value pairs.`);
            }
            return [key, String(v)];
        });
    }
    else if (typeof value === 'string' || Array.isArray(value)) {
        pairs = listOf(value, `${named}: build-args`, false).map((line) => {
            const at = line.indexOf('=');
            if (at <= 0)
                throw new errors/* InputError */.dz(`${named}: build-args has ${(0,errors/* quoted */.TL)(line)}; accepted: KEY=VALUE lines or a KEY: value mapping.`);
            return [line.slice(0, at).trim(), line.slice(at + 1)];
        });
    }
    else {
        throw new errors/* InputError */.dz(`${named}: build-args is not accepted; accepted: KEY=VALUE lines or a KEY: value mapping.`);
    }
    for (const [key, v] of pairs) {
        if (key === '' || /\s/.test(key))
            throw new errors/* InputError */.dz(`${named}: build-args has the key ${(0,errors/* quoted */.TL)(key)}; accepted: keys without spaces.`);
        merged.set(key, `${key}=${v}`);
    }
    return [...merged.values()];
}

;// CONCATENATED MODULE: ./src/inputs/bake-file.ts
// Pure: `bake-file` + `bake-targets` → one ImageSpec per image target, from what
// `docker buildx bake --print` printed (read by src/inputs/bake-print.ts: that is I/O, kept
// apart). The bake file's own syntax (HCL, compose, JSON; variables, inherits, matrices) is
// buildx's business: this reads only its JSON.
//
//   target "api" {
//     context  = "services/api"
//     tags     = ["shop/api"]                  # the ECR repository (a registry host is dropped)
//     contexts = { base = "target:base" }      # kept: the bake this step runs has "base" too
//   }
//
// Each requested target (groups expanded) is an image; any other target in the print (one an
// image names in `contexts`, as target:<name>) is a helper, written into the step's bake as is.



/** What the step decides for each image, whatever the bake file says: dropped from `ImageSpec.bake`. */
const OWNED = ['context', 'dockerfile', 'args', 'platforms', 'target', 'tags', 'output', 'attest', 'cache-to', 'call', 'description'];
/** The inputs checked before bake runs (a missing file, a target bake would take for a flag); undefined when neither is set. */
function bakeRequest(files, targets, checks) {
    if (files.length === 0 && targets.length === 0)
        return undefined;
    for (const file of files) {
        if (!checks.isFile(checks.resolve(file))) {
            throw new errors/* InputError */.dz(`Input "bake-file" has ${(0,errors/* quoted */.TL)(file)}, which does not exist; accepted: paths of bake files (HCL, compose or JSON), newline- or comma-separated.`);
        }
    }
    for (const target of targets) {
        if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(target)) {
            throw new errors/* InputError */.dz(`Input "bake-targets" has ${(0,errors/* quoted */.TL)(target)}; accepted: names of the bake file's targets or groups.`);
        }
    }
    const named = files.length > 0 ? (0,errors/* oneLine */.TN)(files.join(', ')) : 'the default bake file';
    const input = files.length > 0 ? 'bake-file' : 'bake-targets';
    return { input, files, targets, where: `Input "${input}" (${named})`, named };
}
/** The images of the bake file, from bake's answer; bake's errors as one line naming the input. */
function imagesFromBake(request, print, defaults, checks) {
    const source = request.where;
    if ('error' in print) {
        const unknown = /failed to find target (\S+)/.exec(print.error);
        if (unknown) {
            const names = print.defined && print.defined.length > 0
                ? `its targets and groups (${truncate(print.defined.join(', '))})`
                : 'names of its targets and groups';
            throw new errors/* InputError */.dz(`Input "bake-targets" has ${(0,errors/* quoted */.TL)(unknown[1])}, which ${request.named} does not define; accepted: ${names}.`);
        }
        throw new errors/* InputError */.dz(`${source} could not be read by docker buildx bake --print: ${bakeError(print.error)}; accepted: a bake file buildx reads.`);
    }
    let definition;
    try {
        definition = JSON.parse(print.printed);
    }
    catch {
        throw new errors/* InputError */.dz(`${source}: docker buildx bake --print did not print JSON; accepted: a bake file buildx reads.`);
    }
    if (definition === null || typeof definition !== 'object' || typeof definition.target !== 'object' || definition.target === null) {
        throw new errors/* InputError */.dz(`${source}: docker buildx bake --print gave no targets; accepted: a bake file that defines the images' targets.`);
    }
    const targets = definition.target;
    const groups = definition.group ?? {};
    const names = [];
    const expand = (name, seen) => {
        if (seen.has(name))
            return;
        seen.add(name);
        const group = groups[name];
        if (group && Array.isArray(group.targets)) {
            for (const t of group.targets)
                if (typeof t === 'string')
                    expand(t, seen);
        }
        else if (targets[name] !== undefined) {
            names.push(name);
        }
    };
    expand('default', new Set());
    if (names.length === 0) {
        throw new errors/* InputError */.dz(`${source} names no target to build; accepted: bake-targets naming its targets or groups, or a "default" group.`);
    }
    const images = names.map((name) => imageOf(name, targets[name], source, defaults, checks));
    checkDistinct(images, source);
    const helpers = Object.fromEntries(Object.entries(targets).filter(([name]) => !names.includes(name)));
    return { images, helpers };
}
function imageOf(name, target, source, defaults, checks) {
    const named = `${source}, target ${(0,errors/* quoted */.TL)(name)}`;
    checkName(name, named, 'the name');
    const repository = repositoryOf(target.tags, named, name);
    const context = typeof target.context === 'string' && target.context !== '' ? target.context : '.';
    const dockerfile = typeof target.dockerfile === 'string' && target.dockerfile !== '' ? target.dockerfile : 'Dockerfile';
    // bake reads a relative dockerfile against the target's context; the step, against the workspace.
    const file = isRemoteContext(context) || external_node_path_.isAbsolute(dockerfile) ? dockerfile : external_node_path_.join(context, dockerfile);
    const platforms = Array.isArray(target.platforms) ? target.platforms.filter((p) => typeof p === 'string') : [];
    const args = target.args && typeof target.args === 'object' ? target.args : undefined;
    const bake = Object.fromEntries(Object.entries(target).filter(([key]) => !OWNED.includes(key)));
    const spec = {
        name,
        repository,
        context,
        file,
        ...(typeof target.target === 'string' && target.target !== '' ? { target: target.target } : {}),
        // The bake file's args over the step's build-args, key by key, as an images entry's are.
        buildArgs: mergeBuildArgs(defaults.buildArgs, args && Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null)), named),
        platforms: platforms.length > 0 ? platforms : defaults.platforms,
        bake,
    };
    checkImageSpec(spec, {
        entry: named,
        fields: { repository: 'the repository its tags name', file: 'dockerfile' },
        fileAccepted: "the path of a Dockerfile, relative to the target's context",
    }, checks, { dockerfileInline: typeof target['dockerfile-inline'] === 'string' });
    return spec;
}
/** The ECR repository a target's tags name: each tag less its registry host, tag and digest. */
function repositoryOf(tags, named, name) {
    const list = Array.isArray(tags) ? tags.filter((t) => typeof t === 'string' && t.trim() !== '') : [];
    if (list.length === 0) {
        throw new errors/* InputError */.dz(`${named} has no tags to name its repository; accepted: tags = ["<ECR repository>"] in the target, e.g. tags = ["shop/${name.toLowerCase()}"].`);
    }
    const repositories = [...new Set(list.map(repositoryOfTag))];
    if (repositories.length > 1) {
        throw new errors/* InputError */.dz(`${named}: tags name ${repositories.length} repositories (${repositories.join(', ')}); accepted: tags of one ECR repository (the step pushes each image to one).`);
    }
    return repositories[0];
}
/** `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.2@sha256:…` → `shop/api`. */
function repositoryOfTag(tag) {
    let rest = tag.trim();
    const at = rest.indexOf('@');
    if (at >= 0)
        rest = rest.slice(0, at);
    const parts = rest.split('/');
    if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost'))
        parts.shift();
    const last = parts.length - 1;
    const colon = parts[last].indexOf(':');
    if (colon >= 0)
        parts[last] = parts[last].slice(0, colon);
    return parts.join('/');
}
/** bake's standard error, in one line: its last ERROR line, or its last line. */
function bakeError(stderr) {
    const lines = stderr
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    const error = [...lines].reverse().find((line) => line.startsWith('ERROR:'));
    return truncate((0,errors/* oneLine */.TN)((error ?? lines.at(-1) ?? 'no output').replace(/^ERROR:\s*/, '')));
}
function truncate(text) {
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

;// CONCATENATED MODULE: ./src/inputs/images-list.ts
// Pure: the `images` input (or the `images-file` it names), its YAML parsed → one ImageSpec per
// entry, each with the step's build inputs where the entry leaves a field unset. Every problem
// is one InputError naming the entry, before anything is built or pushed.
//
//   images: |
//     - name: api
//       repository: shop/api
//       context: services/api          # file: <context>/Dockerfile unless given
//       build-args: { VERSION: "2" }   # merged over the step's build-args, key by key
//     - name: worker
//       repository: shop/worker
//       target: worker
//       platforms: linux/amd64,linux/arm64


const FIELDS = ['name', 'repository', 'context', 'file', 'target', 'build-args', 'platforms'];
/** `source` names where the list came from in messages: `Input "images"` or `Input "images-file" (path)`. */
function parseImages(value, source, defaults, checks) {
    if (!Array.isArray(value) || value.length === 0) {
        throw new errors/* InputError */.dz(`${source} is not a YAML list of images; accepted: a list of {name, repository, context?, file?, target?, build-args?, platforms?}.`);
    }
    const images = value.map((entry, i) => images_list_parseEntry(entry, i, source, defaults, checks));
    checkDistinct(images, source);
    return images;
}
function images_list_parseEntry(entry, i, source, defaults, checks) {
    const where = `${source}, image ${i + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        throw new errors/* InputError */.dz(`${where} is not a mapping; accepted: {name, repository, context?, file?, target?, build-args?, platforms?}.`);
    }
    const fields = entry;
    for (const key of Object.keys(fields)) {
        if (!FIELDS.includes(key)) {
            throw new errors/* InputError */.dz(`${where} has the field ${(0,errors/* quoted */.TL)(key)}; accepted: ${FIELDS.join(', ')}.`);
        }
    }
    const text = (key) => {
        const v = fields[key];
        if (v === undefined || v === null)
            return undefined;
        if (typeof v !== 'string' && typeof v !== 'number')
            throw new errors/* InputError */.dz(`${where}: ${key} is not a string; accepted: a string.`);
        const s = String(v).trim();
        return s === '' ? undefined : s;
    };
    const name = text('name');
    if (name === undefined)
        throw new errors/* InputError */.dz(`${where} has no name; accepted: a name of letters, digits, _ and - (the image's key in the outputs).`);
    checkName(name, where);
    const named = `${source}, image ${(0,errors/* quoted */.TL)(name)}`;
    const repository = text('repository');
    if (repository === undefined) {
        throw new errors/* InputError */.dz(`${named} has no repository; accepted: an ECR repository name for each image, e.g. shop/${name.toLowerCase()}.`);
    }
    const context = text('context') ?? defaults.context;
    // The step's `file` applies to an image that keeps the step's context; one with its own context
    // gets its own <context>/Dockerfile, as the single-image default has it.
    const file = text('file') ?? (text('context') === undefined && defaults.file !== undefined ? defaults.file : defaultDockerfile(context));
    const platforms = fields.platforms === undefined || fields.platforms === null ? defaults.platforms : listOf(fields.platforms, `${named}: platforms`);
    const spec = {
        name,
        repository,
        context,
        file,
        target: text('target') ?? defaults.target,
        buildArgs: mergeBuildArgs(defaults.buildArgs, fields['build-args'], named),
        platforms,
    };
    checkImageSpec(spec, { entry: named }, checks);
    return spec;
}

;// CONCATENATED MODULE: ./src/gate/rules/types.ts
/** Every rule, in the order the reports list them. */
const RULE_NAMES = [
    'non-root',
    'healthcheck',
    'base-images',
    'base-fresh',
    'max-size',
    'licenses',
    'attestations',
    'build-checks',
];
const LEVELS = ['off', 'warn', 'fail'];

;// CONCATENATED MODULE: ./src/gate/rules/config.ts
// Pure: the policy's YAML (the policy file, the `policy` input) → every rule's level and
// parameters. A rule is a level (`off`, `warn`, `fail`) or a mapping with `level` and the rule's
// parameters. Without any policy, `build-checks` and `non-root` warn and the rest is off; a
// policy changes the rules it names (the inline `policy` input over the file, rule by rule).
// Anything wrong is one line naming the input, the rule and what is accepted, before any build.


function defaultPolicy() {
    return {
        'non-root': { level: 'warn' },
        healthcheck: { level: 'off' },
        'base-images': { level: 'off', allowed: [], pinned: false },
        'base-fresh': { level: 'off' },
        'max-size': { level: 'off' },
        licenses: { level: 'off', deny: [], allowPackages: [] },
        attestations: { level: 'off', sbom: true, provenance: 'min' },
        'build-checks': { level: 'warn' },
    };
}
/** Each rule's parameters (YAML keys besides `level`), and what a message says is accepted. */
const PARAMETERS = {
    'non-root': {},
    healthcheck: {},
    'base-images': {
        allowed: 'a list of image reference patterns, * a wildcard, e.g. ["*.dkr.ecr.*.amazonaws.com/base/*"]',
        pinned: 'true or false',
    },
    'base-fresh': {},
    'max-size': { mb: 'a number of MB greater than 0, e.g. 300' },
    licenses: {
        deny: 'a list of SPDX licence ids, * a wildcard, e.g. [AGPL-3.0-only, "GPL-3.0-*"]',
        'allow-packages': 'a list of package URLs, * a wildcard, e.g. ["pkg:pypi/example"]',
    },
    attestations: { sbom: 'true or false', provenance: 'min, max or false' },
    'build-checks': {},
};
// A reference pattern: registry, path, tag or digest characters, and `*`.
const REFERENCE_PATTERN = /^[A-Za-z0-9._:/@*-]{1,255}$/;
// An SPDX licence id (or LicenseRef-…), with `*`.
const LICENCE_PATTERN = /^[A-Za-z0-9.+*-]{1,128}$/;
// A package URL (purl-spec: pkg:type/namespace/name@version?qualifiers#subpath), with `*`.
const PURL_PATTERN = /^pkg:[a-z*][a-z0-9.+*-]*\/\S{1,500}$/i;
/**
 * The rules from the file and the inline input, over the defaults. `file` and `inline` are what
 * the YAML parser gave (undefined when there is none).
 */
function resolvePolicy(parts) {
    const policy = defaultPolicy();
    const setBy = new Map();
    for (const { data, origin } of parts) {
        for (const [rule, settings] of Object.entries(parseRules(data, origin))) {
            policy[rule] = { ...policy[rule], ...settings };
            setBy.set(rule, `${whereOf(origin)}, rule "${rule}"`);
        }
    }
    // What a rule needs to be on, once the file and the input are merged (one may give the level, the other the list).
    const size = policy['max-size'];
    if (size.level !== 'off' && size.mb === undefined) {
        throw new errors/* InputError */.dz(`${setBy.get('max-size')} has no mb; accepted: { level: ${size.level}, mb: 300 } (a number of MB greater than 0).`);
    }
    const licenses = policy.licenses;
    if (licenses.level !== 'off' && licenses.deny.length === 0) {
        throw new errors/* InputError */.dz(`${setBy.get('licenses')} has no deny list; accepted: { level: ${licenses.level}, deny: [AGPL-3.0-only, "GPL-3.0-*"] }.`);
    }
    return policy;
}
function whereOf(origin) {
    return origin.file !== undefined ? `Input "${origin.input}" (${origin.file})` : `Input "${origin.input}"`;
}
/** One policy document's rules: only those it names, with only the parameters it gives. */
function parseRules(data, origin) {
    const where = whereOf(origin);
    if (data === null || data === undefined)
        return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* InputError */.dz(`${where} is not a mapping of rules; accepted: rule: level, e.g. "non-root: fail", one rule a line.`);
    }
    const rules = {};
    for (const [name, value] of Object.entries(data)) {
        if (!RULE_NAMES.includes(name)) {
            throw new errors/* InputError */.dz(`${where} has rule ${(0,errors/* quoted */.TL)(name)}, which is not a rule; accepted: ${RULE_NAMES.join(', ')}.`);
        }
        rules[name] = parseRule(name, value, where);
    }
    return rules;
}
function parseRule(rule, value, where) {
    const at = `${where}, rule "${rule}"`;
    if (typeof value === 'string' || typeof value === 'boolean' || value === null)
        return { level: level(value, at) };
    if (typeof value !== 'object' || Array.isArray(value)) {
        throw new errors/* InputError */.dz(`${at}: ${describe(value)} is neither a level nor a mapping; accepted: off, warn, fail, or { level: fail, ... }.`);
    }
    const record = value;
    const accepted = PARAMETERS[rule];
    const settings = {};
    if (!('level' in record)) {
        throw new errors/* InputError */.dz(`${at} has no level; accepted: level off, warn or fail, e.g. { level: fail${exampleParameters(rule)} }.`);
    }
    settings.level = level(record.level, at);
    for (const [key, raw] of Object.entries(record)) {
        if (key === 'level')
            continue;
        if (!(key in accepted)) {
            const known = ['level', ...Object.keys(accepted)].join(', ');
            throw new errors/* InputError */.dz(`${at} has ${(0,errors/* quoted */.TL)(key)}, which it does not take; accepted: ${known}.`);
        }
        const bad = () => new errors/* InputError */.dz(`${at} has ${key} ${describe(raw)}; accepted: ${accepted[key]}.`);
        switch (`${rule}.${key}`) {
            case 'base-images.allowed':
                settings.allowed = patterns(raw, REFERENCE_PATTERN, bad);
                break;
            case 'base-images.pinned':
            case 'attestations.sbom':
                if (typeof raw !== 'boolean')
                    throw bad();
                settings[key] = raw;
                break;
            case 'max-size.mb': {
                const mb = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
                if (!Number.isFinite(mb) || mb <= 0 || mb > 1_000_000)
                    throw bad();
                settings.mb = mb;
                break;
            }
            case 'licenses.deny':
                settings.deny = patterns(raw, LICENCE_PATTERN, bad);
                break;
            case 'licenses.allow-packages':
                settings.allowPackages = patterns(raw, PURL_PATTERN, bad);
                break;
            case 'attestations.provenance':
                if (raw === false || raw === 'false')
                    settings.provenance = false;
                else if (raw === 'min' || raw === 'max')
                    settings.provenance = raw;
                else
                    throw bad();
                break;
        }
    }
    return settings;
}
function level(value, at) {
    // YAML 1.1 reads a bare `off` as false in some parsers; `yaml` (1.2) keeps it a string.
    const text = value === false ? 'off' : typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (text !== undefined && LEVELS.includes(text))
        return text;
    throw new errors/* InputError */.dz(`${at} has level ${describe(value)}; accepted: ${LEVELS.join(', ')}.`);
}
function patterns(raw, shape, bad) {
    const list = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(list))
        throw bad();
    return list.map((item) => {
        if (typeof item !== 'string' || !shape.test(item.trim()))
            throw bad();
        return item.trim();
    });
}
function describe(value) {
    if (typeof value === 'string')
        return (0,errors/* quoted */.TL)(value.length > 80 ? `${value.slice(0, 80)}…` : value);
    if (Array.isArray(value))
        return `[${value.length > 3 ? `${value.slice(0, 3).map(describe).join(', ')}, …` : value.map(describe).join(', ')}]`;
    if (value === null || value === undefined)
        return 'empty';
    if (typeof value === 'object')
        return 'a mapping';
    return (0,errors/* oneLine */.TN)(String(value));
}
function exampleParameters(rule) {
    if (rule === 'max-size')
        return ', mb: 300';
    if (rule === 'licenses')
        return ', deny: [AGPL-3.0-only]';
    if (rule === 'base-images')
        return ', allowed: ["*.dkr.ecr.*.amazonaws.com/base/*"]';
    return '';
}

;// CONCATENATED MODULE: ./src/inputs/policy.ts
// Pure: the policy inputs → the step's policy. `policy-file` (default `.ecr-policy.yml` when the
// workspace has one) and `policy` (inline YAML, over the file rule by rule); neither: the
// defaults (src/gate/rules/config.ts). A missing or malformed file is one line, before any build.


const DEFAULT_POLICY_FILE = '.ecr-policy.yml';
/** The policy file to read, if any: the input's, or the default when it exists. */
function policyFileToRead(read, environment) {
    const given = read.optional('policy-file');
    const file = given ?? DEFAULT_POLICY_FILE;
    const full = read.path(file);
    return given === undefined && !environment.isFile(full) ? undefined : { file, full };
}
/** Whether reading the policy needs the YAML parser (a file to read, or the inline input). */
function policyNeedsYaml(read, environment) {
    return policyFileToRead(read, environment) !== undefined || read.optional('policy') !== undefined;
}
function readPolicy(read, environment) {
    const parts = [];
    const target = policyFileToRead(read, environment);
    if (target !== undefined) {
        const { file, full } = target;
        if (!environment.isFile(full)) {
            throw new errors/* InputError */.dz(`Input "policy-file" is ${(0,errors/* quoted */.TL)(file)}, which does not exist; accepted: the path of a YAML mapping of rules.`);
        }
        parts.push({
            data: parseYaml(environment, environment.readText(full), `Input "policy-file" (${(0,errors/* oneLine */.TN)(file)})`),
            origin: { input: 'policy-file', file },
        });
    }
    const inline = read.optional('policy');
    if (inline !== undefined)
        parts.push({ data: parseYaml(environment, inline, 'Input "policy"'), origin: { input: 'policy' } });
    return { rules: resolvePolicy(parts), source: { ...(target ? { file: target.file } : {}), inline: inline !== undefined } };
}
function parseYaml(environment, text, where) {
    try {
        return environment.parseYaml(text);
    }
    catch (error) {
        const first = (0,errors/* oneLine */.TN)((0,errors/* toMessage */.R9)(error).split('\n')[0] ?? '');
        throw new errors/* InputError */.dz(`${where} is not valid YAML (${first}); accepted: a YAML mapping of rules, e.g. "non-root: fail".`);
    }
}

// EXTERNAL MODULE: ./src/gate/vex.ts
var vex = __webpack_require__(1676);
;// CONCATENATED MODULE: ./src/inputs/vex.ts
// Pure: the `vex` input → the OpenVEX statements of the files it names. Entries are newline- or
// comma-separated files or globs, relative to the workspace (`*`, `?`, `[…]` within a path
// segment, `**` for any depth of directories). The workspace is listed through the environment
// (read.ts lists the real one). A missing file, a glob that matches nothing or a malformed
// document is one line naming the input and the file, before any build.



const ACCEPTED = 'accepted: OpenVEX JSON.';
const ACCEPTED_FILES = 'accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.';
function readVex(read, environment) {
    const files = new Map(); // full path → the name the reports use
    for (const entry of read.list('vex')) {
        if (isGlob(entry)) {
            const matches = expandGlob(entry, environment);
            if (matches.length === 0)
                throw new errors/* InputError */.dz(`Input "vex": ${(0,errors/* quoted */.TL)(entry)} matches no file; ${ACCEPTED_FILES}`);
            for (const full of matches)
                if (!files.has(full))
                    files.set(full, displayName(full, environment.cwd));
            continue;
        }
        const full = read.path(entry);
        if (!environment.isFile(full)) {
            const what = environment.isDirectory(full) ? 'is a directory' : 'does not exist';
            throw new errors/* InputError */.dz(`Input "vex": ${(0,errors/* oneLine */.TN)(entry)} ${what}; ${ACCEPTED_FILES}`);
        }
        if (!files.has(full))
            files.set(full, entry);
    }
    return [...files].flatMap(([full, file]) => {
        let text;
        try {
            text = environment.readText(full);
        }
        catch (error) {
            throw new errors/* InputError */.dz(`Input "vex": ${(0,errors/* oneLine */.TN)(file)} could not be read (${(0,errors/* oneLine */.TN)((0,errors/* toMessage */.R9)(error))}); ${ACCEPTED}`);
        }
        const parsed = (0,vex/* parseVexDocument */.os)(text, file);
        if ('problem' in parsed)
            throw new errors/* InputError */.dz(`Input "vex": ${(0,errors/* oneLine */.TN)(file)} ${parsed.problem}; ${ACCEPTED}`);
        return parsed.statements;
    });
}
function isGlob(entry) {
    return /[*?[]/.test(entry);
}
/**
 * The files a glob matches, full paths in sorted order. The walk starts at the pattern's first
 * segment that is not literal; `*`, `?` and `[…]` do not match a leading `.` (as a shell's do)
 * and `**` does not enter dot-directories, unless the pattern spells the dot.
 */
function expandGlob(pattern, environment) {
    const list = environment.listDirectory;
    if (list === undefined)
        return [];
    const full = external_node_path_.resolve(environment.cwd, pattern);
    const root = external_node_path_.parse(full).root;
    const segments = full
        .slice(root.length)
        .split(external_node_path_.sep)
        .filter((s) => s !== '');
    const firstGlob = segments.findIndex(isGlob);
    const start = external_node_path_.join(root, ...segments.slice(0, firstGlob));
    const parts = segments.slice(firstGlob).map((segment) => (segment === '**' ? GLOBSTAR : segmentPattern(segment)));
    const found = new Set();
    const walk = (dir, rest) => {
        const [part, ...after] = rest;
        if (part === undefined)
            return;
        const entries = list(dir);
        if (part === GLOBSTAR) {
            // `**` matches no directory (the rest applies here) or one more level (and `**` again).
            walk(dir, after);
            for (const entry of entries)
                if (entry.directory && !entry.name.startsWith('.'))
                    walk(external_node_path_.join(dir, entry.name), rest);
            return;
        }
        for (const entry of entries) {
            if (!part.test(entry.name))
                continue;
            const child = external_node_path_.join(dir, entry.name);
            if (after.length === 0) {
                if (!entry.directory)
                    found.add(child);
            }
            else if (entry.directory)
                walk(child, after);
        }
    };
    walk(start, parts);
    return [...found].sort();
}
const GLOBSTAR = Symbol('**');
/** One path segment of a glob as a regular expression. */
function segmentPattern(segment) {
    let source = segment.startsWith('.') ? '' : '(?!\\.)';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else if (c === '[') {
            const close = segment.indexOf(']', i + 2);
            if (close < 0) {
                source += '\\[';
                continue;
            }
            const body = segment.slice(i + 1, close);
            const negated = body.startsWith('!') || body.startsWith('^');
            const chars = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
            source += `[${negated ? '^' : ''}${chars}]`;
            i = close;
        }
        else
            source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
/** A glob's match as the reports name it: relative to the workspace, with forward slashes. */
function displayName(full, cwd) {
    const relative = external_node_path_.relative(cwd, full);
    return relative.startsWith('..') || external_node_path_.isAbsolute(relative) ? full : relative.split(external_node_path_.sep).join('/');
}

// EXTERNAL MODULE: ./src/sign/kms-key.ts
var kms_key = __webpack_require__(9854);
;// CONCATENATED MODULE: ./src/inputs/reader.ts
// The inputs as the parser reads them: trimmed text, a required value, one of a list, a boolean,
// a list, a path under the working directory; a bad value is one line naming the input.



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
            throw new errors/* InputError */.dz(`Input "${name}" is ${(0,errors/* quoted */.TL)(raw)}; accepted: ${accepted.join(', ')}.`);
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
        throw new errors/* InputError */.dz(`Input "${name}" is ${(0,errors/* quoted */.TL)(raw)}; accepted: true, false.`);
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

;// CONCATENATED MODULE: ./src/inputs/parse.ts
// Pure: the step's inputs → its settings and its images, whichever way the user listed them
// (`repository` and the build inputs: a list of one; `images` / `images-file`; `bake-file` +
// `bake-targets`). Every input is validated here, up front, so a bad value stops the step with
// one line naming the input before any AWS or Docker call; each image spec goes through the one
// checker (image-spec.ts). The files the inputs name come through InputEnvironment, and a bake
// file arrives already read (src/inputs/bake-print.ts, I/O): nothing here runs a command.













const MAX_SCAN_TIMEOUT = 6 * 60 * 60; // a job's own limit: no wait can be longer.
const DEFAULT_IGNORE_FILE = '.ecr-scan-ignore.yml';
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/; // us-east-1, eusc-de-east-1
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// An image reference: [host[:port]/]path[:tag][@sha256:digest], no commas or spaces (it becomes
// part of buildx's --sbom=generator=… value).
const IMAGE_REFERENCE = /^(?:[A-Za-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
const SECRET = /^id=[^,=\s]+,(?:env|src)=[^,]+$/;
const VULNERABILITY_ID = /^\S{1,128}$/;
// A probability written as a decimal: 0, 1, 0.1, .05, 1.0 (no exponent, no percent sign).
const PROBABILITY = /^(?:0|1|0?\.\d+|1\.0+)$/;
function parseInputs(get, environment, bake) {
    const read = new Reader(get, environment);
    const checks = imageChecks(read, environment);
    const listed = listedImages(read, environment, checks);
    const repository = listed.source === 'repository' ? read.required('repository') : '';
    const registryId = read.optional('registry-id');
    if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
        throw new errors/* InputError */.dz(`Input "registry-id" is ${(0,errors/* quoted */.TL)(registryId)}; accepted: a 12-digit AWS account ID.`);
    }
    // `||`: a workflow's `AWS_REGION: ${{ vars.X }}` with X unset gives an empty string, not absence.
    const awsRegion = read.optional('aws-region') || environment.env.AWS_REGION || environment.env.AWS_DEFAULT_REGION || '';
    // A build-only run (push: false, e.g. a fork's PR with no credentials) makes no AWS call.
    const push = read.boolean('push', true);
    if (awsRegion === '' && push) {
        throw new errors/* InputError */.dz('Input "aws-region" is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set; accepted: a region such as us-east-1.');
    }
    if (awsRegion !== '' && !REGION.test(awsRegion)) {
        throw new errors/* InputError */.dz(`Input "aws-region" is ${(0,errors/* quoted */.TL)(awsRegion)}; accepted: a region such as us-east-1.`);
    }
    const tagMutability = read.oneOf('tag-mutability', TAG_MUTABILITIES, 'IMMUTABLE', (v) => v.toUpperCase());
    const tagMutabilityExclusions = read.list('tag-mutability-exclusions');
    for (const filter of tagMutabilityExclusions) {
        if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(filter)) {
            throw new errors/* InputError */.dz(`Input "tag-mutability-exclusions" has ${(0,errors/* quoted */.TL)(filter)}; accepted: comma-separated wildcard filters of letters, digits, _ . - and *, e.g. latest,v*.`);
        }
    }
    const lifecyclePolicy = readLifecyclePolicy(read, environment);
    const context = read.text('context') || '.';
    const buildArgs = keyValueLines(read, 'build-args').map(([key, value]) => `${key}=${value}`);
    const labels = keyValueLines(read, 'labels');
    const platforms = read.list('platforms');
    const secrets = read.list('secrets', { commas: false });
    for (const secret of secrets) {
        if (!SECRET.test(secret)) {
            // Only the id is echoed: a malformed line could hold a secret value.
            const id = /^id=([^,=\s]+)/.exec(secret)?.[1];
            throw new errors/* InputError */.dz(`Input "secrets" has a malformed line${id ? ` (id=${id})` : ''}; accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.`);
        }
    }
    const provenance = read.text('provenance') || 'false';
    if (!/^(?:true|false|min|max|mode=(?:min|max)(?:,[a-z-]+=[^,]+)*)$/.test(provenance)) {
        throw new errors/* InputError */.dz(`Input "provenance" is ${(0,errors/* quoted */.TL)(provenance)}; accepted: false, true, mode=min or mode=max.`);
    }
    const sbom = read.boolean('sbom', false);
    const sbomGenerator = read.optional('sbom-generator');
    if (sbomGenerator !== undefined && !IMAGE_REFERENCE.test(sbomGenerator)) {
        throw new errors/* InputError */.dz(`Input "sbom-generator" is ${(0,errors/* quoted */.TL)(parse_truncate(sbomGenerator))}; accepted: an image reference such as docker/buildkit-syft-scanner:stable-1 or registry.example.com/team/scanner@sha256:<64 hex>.`);
    }
    if (sbomGenerator !== undefined && !sbom) {
        throw new errors/* InputError */.dz(`Input "sbom-generator" is set but "sbom" is false; accepted: sbom-generator together with sbom: true.`);
    }
    const attestations = read.oneOf('attestations', ['referrers', 'index'], 'referrers', (v) => v.toLowerCase());
    const cache = read.oneOf('cache', ['none', 'ecr'], 'none', (v) => v.toLowerCase());
    const tags = read.list('tags');
    for (const tag of tags) {
        validateTagShape(tag);
        const bare = tag.slice(tag.lastIndexOf(':') + 1);
        if (cache === 'ecr' && isCacheTag(bare)) {
            throw new errors/* InputError */.dz(`Input "tags" has ${(0,errors/* quoted */.TL)(parse_truncate(tag))}, but with cache: ecr tags starting ${CACHE_TAG_PREFIX} hold the build cache; accepted: tag names that do not start with ${CACHE_TAG_PREFIX}.`);
        }
    }
    const scanTimeoutRaw = read.text('scan-timeout') || '600';
    if (!/^\d+$/.test(scanTimeoutRaw) || Number(scanTimeoutRaw) < 1 || Number(scanTimeoutRaw) > MAX_SCAN_TIMEOUT) {
        throw new errors/* InputError */.dz(`Input "scan-timeout" is ${(0,errors/* quoted */.TL)(scanTimeoutRaw)}; accepted: a whole number of seconds from 1 to ${MAX_SCAN_TIMEOUT}.`);
    }
    const ignore = read.list('ignore');
    for (const id of ignore) {
        if (!VULNERABILITY_ID.test(id)) {
            throw new errors/* InputError */.dz(`Input "ignore" has ${(0,errors/* quoted */.TL)(id)}; accepted: newline-separated vulnerability IDs such as CVE-2024-1234.`);
        }
    }
    const epssRaw = read.optional('epss-threshold');
    if (epssRaw !== undefined && !PROBABILITY.test(epssRaw)) {
        throw new errors/* InputError */.dz(`Input "epss-threshold" is ${(0,errors/* quoted */.TL)(epssRaw)}; accepted: a number from 0 to 1 (an EPSS probability, e.g. 0.1 for 10 %), or empty for none.`);
    }
    const build = { context, target: read.optional('target'), buildArgs, platforms };
    const inputs = {
        source: listed.source,
        images: [],
        registryId,
        awsRegion,
        createRepository: read.boolean('create-repository', false),
        tagMutability,
        tagMutabilityExclusions,
        lifecyclePolicy,
        labels,
        cacheFrom: read.list('cache-from', { commas: false }),
        cacheTo: read.list('cache-to', { commas: false }),
        cache,
        secrets,
        provenance,
        sbom,
        sbomGenerator,
        attestations,
        builder: read.optional('builder'),
        noCache: read.boolean('no-cache', false),
        pull: read.boolean('pull', false),
        push,
        tags,
        shaTag: read.oneOf('sha-tag', ['full', 'short', 'false'], 'full', (v) => v.toLowerCase()),
        releaseTags: read.oneOf('release-tags', ['auto', 'none'], 'auto', (v) => v.toLowerCase()),
        latest: read.oneOf('latest', ['auto', 'true', 'false'], 'auto', (v) => v.toLowerCase()),
        skipExisting: read.boolean('skip-existing', true),
        scan: read.boolean('scan', true),
        scanTimeoutSeconds: Number(scanTimeoutRaw),
        severityThreshold: read.oneOf('severity-threshold', severity/* THRESHOLDS */.Rm, 'CRITICAL', (v) => v.toUpperCase()),
        ignore,
        ignoreUnfixed: read.boolean('ignore-unfixed', false),
        epssThreshold: epssRaw === undefined ? undefined : Number(epssRaw),
        failOnExploitable: read.boolean('fail-on-exploitable', false),
        ignoreFile: readIgnoreFile(read, environment),
        vex: readVex(read, environment),
        policy: readPolicy(read, environment),
        onScanIncomplete: read.oneOf('on-scan-incomplete', ['fail', 'warn'], 'fail', (v) => v.toLowerCase()),
        ...readSigning(read),
        compare: read.oneOf('compare', ['base', 'none'], 'base', (v) => v.toLowerCase()),
        gate: read.oneOf('gate', ['all', 'new'], 'all', (v) => v.toLowerCase()),
        comment: read.boolean('comment', true),
        commentKey: read.optional('comment-key'),
        githubToken: read.text('github-token'),
        sarif: read.optional('sarif'),
        skipLogout: read.boolean('skip-logout', false),
    };
    switch (listed.source) {
        case 'repository': {
            const spec = { name: repository, repository, ...build, file: read.optional('file') ?? defaultDockerfile(context) };
            checkImageSpec(spec, {}, checks);
            inputs.images = [spec];
            break;
        }
        case 'images':
        case 'images-file':
            inputs.images = parseImages(listed.parse(), listed.where, { ...build, file: read.optional('file') }, checks);
            break;
        case 'bake-file': {
            if (bake === undefined)
                throw new Error('internal: the bake file was not read (docker buildx bake --print)');
            const { images, helpers } = imagesFromBake(listed.request, bake, build, checks);
            inputs.images = images;
            inputs.bakeHelpers = helpers;
            break;
        }
    }
    return inputs;
}
/**
 * Which way the images are listed: one of `repository`, `images` / `images-file`, `bake-file` /
 * `bake-targets`; two at once is one line. readInputs asks this first, to read a bake file
 * before parseInputs runs.
 */
function listedImages(read, environment, checks = imageChecks(read, environment)) {
    const images = readImagesSource(read, environment);
    const bake = bakeRequest(read.list('bake-file'), read.list('bake-targets'), checks);
    if (images && bake) {
        throw new errors/* InputError */.dz(`Input "${bake.input}" is set together with "${images.input}"; accepted: one way to list the images, an images list or a bake file.`);
    }
    const several = images?.input ?? bake?.input;
    if (several && read.optional('repository') !== undefined) {
        throw new errors/* InputError */.dz(`Input "${several}" is set together with "repository"; accepted: repository for one image, or ${several} (each image names its own repository).`);
    }
    if (images)
        return { source: images.input, where: images.where, parse: images.parse };
    if (bake)
        return { source: 'bake-file', request: bake };
    return { source: 'repository' };
}
/** The bake file the inputs ask for, checked, or undefined: what readInputs must read before parsing. */
function bakeToRead(get, environment) {
    const listed = listedImages(new Reader(get, environment), environment);
    return listed.source === 'bake-file' ? listed.request : undefined;
}
function imageChecks(read, environment) {
    return {
        isDirectory: (file) => environment.isDirectory(file),
        isFile: (file) => environment.isFile(file),
        resolve: (file) => read.path(file),
    };
}
/** The `images` input, or the file `images-file` names: where it comes from, and its YAML parsed. */
function readImagesSource(read, environment) {
    const inline = read.optional('images');
    const file = read.optional('images-file');
    if (inline !== undefined && file !== undefined) {
        throw new errors/* InputError */.dz('Input "images-file" is set together with "images"; accepted: one of them.');
    }
    const yaml = (text, where) => {
        try {
            return environment.parseYaml(text);
        }
        catch (error) {
            throw new errors/* InputError */.dz(`${where} is not valid YAML: ${(0,errors/* oneLine */.TN)((0,errors/* toMessage */.R9)(error))}; accepted: a YAML list of images.`);
        }
    };
    if (inline !== undefined)
        return { input: 'images', where: 'Input "images"', parse: () => yaml(inline, 'Input "images"') };
    if (file === undefined)
        return undefined;
    const where = `Input "images-file" (${(0,errors/* oneLine */.TN)(file)})`;
    const full = read.path(file);
    if (!environment.isFile(full)) {
        throw new errors/* InputError */.dz(`Input "images-file" is ${(0,errors/* quoted */.TL)(file)}, which does not exist; accepted: the path of a YAML list of images.`);
    }
    return { input: 'images-file', where, parse: () => yaml(environment.readText(full), where) };
}
function keyValueLines(read, name) {
    const parsed = parseKeyValues(read.raw(name));
    if (!parsed.ok) {
        throw new errors/* InputError */.dz(`Input "${name}" has the line ${(0,errors/* quoted */.TL)(parse_truncate(parsed.line))}; accepted: newline-separated KEY=VALUE.`);
    }
    return parsed.pairs;
}
/**
 * Bare tag names only. A full reference (as docker/metadata-action prints) is accepted here and
 * reduced to its tag later, once the registry is known (see tags/plan.ts).
 */
function validateTagShape(tag) {
    const bare = tag.includes(':') ? tag.slice(tag.lastIndexOf(':') + 1) : tag;
    if (!TAG.test(bare) || tag.includes('@')) {
        throw new errors/* InputError */.dz(`Input "tags" has ${(0,errors/* quoted */.TL)(parse_truncate(tag))}; accepted: tag names of up to 128 letters, digits, _ . - (not starting with . or -), newline- or comma-separated.`);
    }
}
function readLifecyclePolicy(read, environment) {
    const file = read.optional('lifecycle-policy');
    if (file === undefined)
        return undefined;
    const full = read.path(file);
    if (!environment.isFile(full)) {
        throw new errors/* InputError */.dz(`Input "lifecycle-policy" is ${(0,errors/* quoted */.TL)(file)}, which does not exist; accepted: the path of a lifecycle-policy JSON file.`);
    }
    const text = environment.readText(full);
    let policy;
    try {
        policy = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(`Input "lifecycle-policy" (${(0,errors/* oneLine */.TN)(file)}) is not valid JSON: ${(0,errors/* oneLine */.TN)((0,errors/* toMessage */.R9)(error))}; accepted: an ECR lifecycle policy document.`);
    }
    const rules = policy?.rules;
    if (!Array.isArray(rules) || rules.length === 0) {
        throw new errors/* InputError */.dz(`Input "lifecycle-policy" (${(0,errors/* oneLine */.TN)(file)}) has no "rules" list; accepted: an ECR lifecycle policy document {"rules": [...]}.`);
    }
    return { path: full, text };
}
/** The ignore file a run reads: the input's (which must exist), or the default one when it exists. */
function ignoreFileToRead(read, environment) {
    const given = read.optional('ignore-file');
    const file = given ?? DEFAULT_IGNORE_FILE;
    const full = read.path(file);
    return given === undefined && !environment.isFile(full) ? undefined : { file, full };
}
function readIgnoreFile(read, environment) {
    const target = ignoreFileToRead(read, environment);
    if (target === undefined)
        return undefined;
    const { file, full } = target;
    if (!environment.isFile(full)) {
        throw new errors/* InputError */.dz(`Input "ignore-file" is ${(0,errors/* quoted */.TL)(file)}, which does not exist; accepted: the path of a YAML list of {id, reason, expires?}.`);
    }
    try {
        return { path: full, entries: parseIgnoreFile(environment.readText(full), (text) => environment.parseYaml(text)) };
    }
    catch (error) {
        throw new errors/* InputError */.dz(`Input "ignore-file" (${(0,errors/* oneLine */.TN)(file)}) ${(0,errors/* oneLine */.TN)((0,errors/* toMessage */.R9)(error))}; accepted: a YAML list of {id, reason, expires: YYYY-MM-DD}.`);
    }
}
function parse_truncate(text) {
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
/**
 * `signing`: ECR's managed signing awaited (auto, require) or not (off), or a KMS key that signs
 * (awskms://…, cosign's form; ECR's managed signing is then not awaited).
 */
function readSigning(read) {
    const raw = read.text('signing');
    if (raw.startsWith('awskms://'))
        return { signing: 'off', signingKey: (0,kms_key/* parseKmsKey */.Y5)(raw) };
    const modes = ['auto', 'require', 'off'];
    const value = raw === '' ? 'auto' : raw.toLowerCase();
    if (!modes.includes(value)) {
        throw new errors/* InputError */.dz(`Input "signing" is ${(0,errors/* quoted */.TL)(raw)}; accepted: auto, require, off, awskms:///<KMS key id, alias/<name> or ARN>.`);
    }
    return { signing: value };
}

;// CONCATENATED MODULE: ./src/inputs/read.ts
// The only caller of core.getInput: the step's inputs from the runner (INPUT_* variables), the
// files they name from the workspace, a bake file read by buildx, then parsed and checked by
// parse.ts. The GitHub token is masked as soon as it is read.






/** The action's inputs, from the runner. */
async function readInputs() {
    const get = (name) => actions_core/* getInput */.V4(name);
    const files = {
        env: process.env,
        cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
        readText: (file) => (0,external_node_fs_.readFileSync)(file, 'utf8'),
        isFile: (file) => (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.statSync)(file).isFile(),
        isDirectory: (file) => (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.statSync)(file).isDirectory(),
        listDirectory,
    };
    // `yaml` is about a sixth of what the main phase loads: it is loaded only for a run with an
    // ignore file, a policy or an images list to read (a missing file is then reported by parseInputs as usual).
    const reader = new Reader(get, files);
    const needsYaml = ignoreFileToRead(reader, files) !== undefined ||
        policyNeedsYaml(reader, files) ||
        reader.optional('images') !== undefined ||
        reader.optional('images-file') !== undefined;
    const parseYaml = !needsYaml
        ? () => {
            throw new Error('internal: the YAML parser was not loaded');
        }
        : (await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19))).parse;
    const inputs = loadInputs(get, { ...files, parseYaml: (text) => parseYaml(text) });
    if (inputs.githubToken !== '')
        actions_core/* setSecret */.Pq(inputs.githubToken);
    return inputs;
}
/** A directory's entries, for the globs of the `vex` input (inputs/vex.ts walks them); none when it cannot be read. */
function listDirectory(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
    }
    catch {
        return [];
    }
}
/**
 * The inputs read and parsed: a bake file (bake-file / bake-targets) is read by
 * `docker buildx bake --print` first (`bake`: the command, a fake in tests), then everything is
 * parsed and checked.
 */
function loadInputs(get, environment, bake) {
    const request = bakeToRead(get, environment);
    return parseInputs(get, environment, request && printBake(request, environment.cwd, bake));
}

// EXTERNAL MODULE: ./src/attest/layout.ts
var attest_layout = __webpack_require__(9651);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/shared/manifest.ts
var shared_manifest = __webpack_require__(7684);
;// CONCATENATED MODULE: ./src/outputs.ts
// The only caller of core.setOutput. Outputs stay small: the full list of findings (and of the
// policy's findings) is in the report file.




/** A reason is one sentence; bounded so that many images' rules stay a small output. */
const POLICY_REASON_MAX = 500;
function outputPairs(outputs) {
    const pairs = [
        ['registry', outputs.registry],
        ['image', outputs.image],
        ['digest', outputs.digest],
        ['platform-digests', json(outputs.platformDigests ?? outputs.platformDigestsByImage)],
        ['attestations', json(outputs.attestations ?? outputs.attestationsByImage)],
        ['policy', json(outputs.policy)],
        ['signatures', json(outputs.signatures)],
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
        ['exploitable', outputs.exploitable?.toString()],
        ['new', outputs.new?.toString()],
        ['fixed', outputs.fixed?.toString()],
        ['report', outputs.report],
        ['sarif', outputs.sarif],
        ['comment-url', outputs.commentUrl],
        ['digests', outputs.digests && JSON.stringify(outputs.digests)],
        ['image-uris', outputs.imageUris && JSON.stringify(outputs.imageUris)],
        ['findings', outputs.findings && JSON.stringify(outputs.findings)],
    ];
    return pairs.filter((pair) => pair[1] !== undefined);
}
function json(value) {
    return value && JSON.stringify(value);
}
function writeOutputs(outputs) {
    for (const [name, value] of outputPairs(outputs))
        actions_core/* setOutput */.uH(name, value);
}
/**
 * What the images give the outputs, as far as the step got: one image's outputs as they always
 * were (`one`), or each keyed by image name (`several`).
 */
function imageOutputs(layout, registry, images) {
    const outputs = { registry, tags: images.flatMap((image) => image.tags) };
    const pushed = images.filter((image) => image.digest !== undefined);
    if (layout === 'one') {
        const [image] = images;
        if (!image)
            return outputs;
        outputs.image = image.image;
        if (image.digest === undefined)
            return outputs;
        outputs.digest = image.digest;
        outputs.imageUri = `${image.image}@${image.digest}`;
        if (image.platforms)
            outputs.platformDigests = (0,shared_manifest/* platformDigestsObject */.E3)(image.platforms);
        if (image.platforms)
            outputs.attestations = (0,attest_layout/* attestationsObject */.Pv)(image.attestations?.list ?? []);
        return outputs;
    }
    if (pushed.length === 0)
        return outputs;
    outputs.digests = Object.fromEntries(pushed.map((image) => [image.name, image.digest]));
    outputs.imageUris = Object.fromEntries(pushed.map((image) => [image.name, `${image.image}@${image.digest}`]));
    const resolved = pushed.filter((image) => image.platforms !== undefined);
    if (resolved.length > 0) {
        outputs.platformDigestsByImage = Object.fromEntries(resolved.map((image) => [image.name, (0,shared_manifest/* platformDigestsObject */.E3)(image.platforms)]));
        outputs.attestationsByImage = Object.fromEntries(resolved.map((image) => [image.name, (0,attest_layout/* attestationsObject */.Pv)(image.attestations?.list ?? [])]));
    }
    return outputs;
}
/** What the step's report gives the outputs: the scan's status and the counts (one image), or the counts by image name (several). */
function reportOutputs(report, scanStatus) {
    const outputs = { scanStatus };
    const policy = policyOutput(report);
    if (policy)
        outputs.policy = policy;
    const signatures = signaturesOutput(report);
    if (signatures)
        outputs.signatures = signatures;
    if (report.layout === 'one' && report.images.length === 1) {
        const image = report.images[0].report;
        if (image.verdict !== 'skipped') {
            outputs.counts = image.counts;
            outputs.ignored = image.ignoredCount;
            outputs.exploitable = image.exploitableCount;
        }
        if (image.comparison?.available) {
            outputs.new = image.comparison.newCount;
            outputs.fixed = image.comparison.fixed.length;
        }
        return outputs;
    }
    outputs.findings = Object.fromEntries(report.images.filter(({ report: image }) => image.verdict !== 'skipped').map(({ name, report: image }) => [name, image.counts]));
    return outputs;
}
/**
 * The `policy` output: each image judged (by its name, as `digests` keys it; one image from
 * `repository` by its repository) → every rule → its verdict, with the reason for a rule that is
 * on. Undefined when no image was judged (nothing pushed).
 */
function policyOutput(report) {
    const judged = report.images.filter(({ report: image }) => image.policy !== undefined);
    if (judged.length === 0)
        return undefined;
    return Object.fromEntries(judged.map(({ name, report: image }) => [
        name,
        Object.fromEntries(image.policy.results.map((result) => [
            result.rule,
            result.verdict === 'off'
                ? { verdict: result.verdict }
                : { verdict: result.verdict, reason: (0,report_escape/* shorten */.ml)((0,report_escape/* cleanText */.X5)(result.reason), POLICY_REASON_MAX) },
        ])),
    ]));
}
/**
 * The `signatures` output: each image with signatures awaited or made (by its name, as `policy`
 * keys it) → each digest → its signatures: ECR's managed ones first, one per signing profile with
 * ECR's status (`{kind: 'managed', profile, status}`), then those by a key, one per bundle
 * (`{kind: 'kms', key, name, what, referrer, predicateType, status: 'signed' | 'reused'}`); a
 * digest both sign lists both. An image no rule matches, and an image whose key signing failed or
 * was skipped before it signed anything, maps to `{}`: present, so a reader sees it was attempted.
 * Undefined when no image has either.
 */
function signaturesOutput(report) {
    const signed = report.images.filter(({ report: image }) => image.signatures !== undefined || image.keySignatures !== undefined);
    if (signed.length === 0)
        return undefined;
    return Object.fromEntries(signed.map(({ name, report: image }) => {
        const digests = new Map();
        const add = (digest, signatures) => digests.set(digest, [...(digests.get(digest) ?? []), ...signatures]);
        for (const { digest, statuses } of image.signatures?.digests ?? []) {
            add(digest, statuses.map((s) => ({ kind: 'managed', profile: s.signingProfileArn, status: s.status })));
        }
        const byKey = image.keySignatures;
        if (byKey) {
            for (const s of byKey.list) {
                const status = s.reused ? 'reused' : 'signed';
                add(s.digest, [
                    { kind: 'kms', key: byKey.key, name: byKey.name, what: s.what, referrer: s.referrer, predicateType: s.predicateType, status },
                ]);
            }
        }
        return [name, Object.fromEntries(digests)];
    }));
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/retry-defaults.ts
var retry_defaults = __webpack_require__(2477);
// EXTERNAL MODULE: ./src/util/transient.ts
var util_transient = __webpack_require__(4606);
;// CONCATENATED MODULE: ./src/ecr/images.ts
// Images in the repository: look up a tag, read a manifest, copy a manifest under a new tag,
// list tags. Thin wrappers: the client is passed in.






async function findImageByTag(client, ref, tag) {
    try {
        const response = await client.send(new dist_cjs/* DescribeImagesCommand */.ji5({ ...ref, imageIds: [{ imageTag: tag }] }));
        const detail = response.imageDetails?.[0];
        if (!detail?.imageDigest)
            return undefined;
        // A build cache (cache: ecr) is never the image a tag is looked up for (skip-existing, the
        // base image): were a tag ever on one, the image is treated as absent.
        if ((0,shared_manifest/* isCacheArtifact */.LU)(detail.artifactMediaType))
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
    const response = await client.send(new dist_cjs/* BatchGetImageCommand */.P8n({ ...ref, imageIds: [{ imageDigest: digest }], acceptedMediaTypes: shared_manifest/* ACCEPTED_MEDIA_TYPES */.FG }));
    const image = response.images?.[0];
    if (!image?.imageManifest) {
        const failure = response.failures?.[0];
        throw new Error(`BatchGetImage found no manifest ${digest} in ${ref.repositoryName}${failure ? `: ${failure.failureCode} ${failure.failureReason ?? ''}`.trimEnd() : ''}.`);
    }
    return { digest, text: image.imageManifest, mediaType: image.imageManifestMediaType };
}
/** The repository's manifests by digest, for the registry's own client (src/attest/push.ts). */
function manifestReader(client, ref) {
    return {
        repository: ref.repositoryName,
        get: (digest) => getManifest(client, ref, digest),
        getMany: (digests) => getManifests(client, ref, digests),
    };
}
/** Several manifests in one BatchGetImage call (at most 100), in the order asked; a missing one fails. */
async function getManifests(client, ref, digests) {
    if (digests.length === 0)
        return [];
    const response = await client.send(new dist_cjs/* BatchGetImageCommand */.P8n({
        ...ref,
        imageIds: digests.map((imageDigest) => ({ imageDigest })),
        acceptedMediaTypes: shared_manifest/* ACCEPTED_MEDIA_TYPES */.FG,
    }));
    const found = new Map((response.images ?? []).map((image) => [image.imageId?.imageDigest, image]));
    return digests.map((digest) => {
        const image = found.get(digest);
        if (!image?.imageManifest) {
            const failure = response.failures?.find((f) => f.imageId?.imageDigest === digest);
            throw new Error(`BatchGetImage found no manifest ${digest} in ${ref.repositoryName}${failure ? `: ${failure.failureCode} ${failure.failureReason ?? ''}`.trimEnd() : ''}.`);
        }
        return { digest, text: image.imageManifest, mediaType: image.imageManifestMediaType };
    });
}
/**
 * Writes `tag` on the manifest (PutImage), again after a transient error (src/util/retry.ts):
 * PutImage of the same manifest under the same tag is idempotent, and an attempt whose answer was
 * lost shows on the next one as ImageAlreadyExistsException.
 */
async function putTag(client, ref, manifest, tag, seams = retry_defaults/* actionRetrySeams */.i) {
    const what = `ECR PutImage ${ref.repositoryName}:${tag}`;
    try {
        await (0,retry/* withRetry */.bD)({ ...seams, what, transient: util_transient/* awsTransientCause */.rO }, () => client.send(new dist_cjs/* PutImageCommand */.SUU({
            ...ref,
            imageManifest: manifest.text,
            imageManifestMediaType: manifest.mediaType,
            imageDigest: manifest.digest,
            imageTag: tag,
        })));
        return 'written';
    }
    catch (error) {
        // The tag is already on this very manifest: a re-run (or a lost answer), nothing to do.
        if ((0,errors/* errorName */.Is)(error) === 'ImageAlreadyExistsException')
            return 'unchanged';
        throw error;
    }
}
/** Every tag in the repository with the digest it points at (all pages). */
async function listTags(client, ref) {
    const tags = new Map();
    let nextToken;
    do {
        const page = await client.send(new dist_cjs/* ListImagesCommand */.W_n({ ...ref, filter: { tagStatus: 'TAGGED' }, maxResults: 1000, nextToken }));
        for (const id of page.imageIds ?? []) {
            if (id.imageTag && id.imageDigest)
                tags.set(id.imageTag, id.imageDigest);
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return tags;
}
/**
 * The digest each tag names now, read the way a pull reads it (BatchGetImage by tag), where
 * ListImages may still show a tag where it was before its last move. A tag that is not there, or
 * whose read failed, is left out.
 */
async function readTags(client, ref, tags) {
    const found = new Map();
    if (tags.length === 0)
        return found;
    const response = await client.send(new dist_cjs/* BatchGetImageCommand */.P8n({ ...ref, imageIds: tags.map((imageTag) => ({ imageTag })), acceptedMediaTypes: shared_manifest/* ACCEPTED_MEDIA_TYPES */.FG }));
    for (const image of response.images ?? []) {
        const { imageTag, imageDigest } = image.imageId ?? {};
        if (imageTag && imageDigest)
            found.set(imageTag, imageDigest);
    }
    return found;
}

// EXTERNAL MODULE: ./src/steps/label.ts
var label = __webpack_require__(4553);
;// CONCATENATED MODULE: ./src/steps/attestations.ts
// Phase: each image's attestations (sbom, provenance), for the report and the `attestations`
// output: those just pushed beside it, those a reused image already has (the referrers API, or
// the referrers tag), or those inside its index (attestations: index). Nothing when neither is
// asked for.




/** The attestation kinds the inputs ask for (sbom, provenance). */
function attestationKinds(inputs) {
    return [...(inputs.sbom ? ['sbom'] : []), ...(inputs.provenance !== 'false' ? ['provenance'] : [])];
}
/** Attestations pushed beside the image (OCI referrers) rather than inside its index. */
function attestsBeside(inputs) {
    return inputs.attestations === 'referrers' && attestationKinds(inputs).length > 0;
}
async function listAttestations(step, session, images) {
    if (attestationKinds(step.inputs).length === 0)
        return;
    await actions_core/* group */.Os('Attestations', async () => {
        for (const image of images)
            image.attestations = await attestationsOf(step, session, image);
    });
}
async function attestationsOf(step, session, image) {
    const { inputs } = step;
    const { candidate, platforms, ref } = image;
    if (!candidate || !platforms || !image.manifest)
        throw new Error(`internal: ${image.spec.name} has no candidate image to list attestations of`);
    const say = (0,label/* labelFor */.gt)(inputs, image);
    const kinds = attestationKinds(inputs);
    const push = await __webpack_require__.e(/* import() */ 841).then(__webpack_require__.bind(__webpack_require__, 9841));
    let found;
    if (candidate.attested)
        found = candidate.attested;
    else if (inputs.attestations === 'referrers') {
        const { Registry } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779), __webpack_require__.e(306)]).then(__webpack_require__.bind(__webpack_require__, 3306));
        found = await push.discoverAttestations(new Registry(session.login), ref.repositoryName, platforms);
    }
    else {
        const manifest = await image.manifest();
        const index = (0,shared_manifest/* isIndex */.nw)(manifest.mediaType, JSON.parse(manifest.text));
        found = {
            attestations: index ? await push.attestationsOfIndex(manifestReader(session.client, ref), manifest.text) : [],
            storage: 'index',
        };
    }
    const missing = candidate.reused ? push.missingKinds(found.attestations, platforms, kinds) : [];
    if (missing.length > 0) {
        const them = missing.length === 1 ? 'it' : 'them';
        actions_core/* warning */.$e(say(`skip-existing reused ${candidate.digest}, which has no ${missing.join(', ')}: it was built without ${them}. Push a new commit to get ${them}.`));
    }
    for (const a of found.attestations)
        actions_core/* info */.pq(say(`${a.kind} for ${a.platform}: ${a.digest}`));
    return { storage: found.storage, list: found.attestations, missing };
}

;// CONCATENATED MODULE: ./src/buildx/argv.ts
// Pure: what to build → the `docker buildx build` argument list. Tested by a table.
/** BuildKit's SBOM generator when none is named (its Dockerfile frontend's default). */
const DEFAULT_SBOM_GENERATOR = 'docker/buildkit-syft-scanner';
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
    if (request.sbom)
        args.push(request.sbomGenerator ? `--sbom=generator=${request.sbomGenerator}` : '--sbom=true');
    if (request.noCache)
        args.push('--no-cache');
    if (request.pull)
        args.push('--pull');
    switch (request.output.kind) {
        case 'push-tag':
            args.push('--tag', request.output.reference, '--push');
            break;
        case 'push-digest':
            // With referrers, BuildKit's attestation manifests must not carry a subject of their own
            // (oci-artifact=false): the action's per-kind manifests are the image's only referrers.
            args.push('--output', `type=image,name=${request.output.name},push-by-digest=true,name-canonical=true,push=true${request.output.referrers ? ',oci-mediatypes=true,oci-artifact=false' : ''}`);
            break;
        case 'none':
            break;
    }
    args.push('--metadata-file', request.metadataFile);
    args.push(request.context);
    return args;
}

;// CONCATENATED MODULE: ./src/buildx/bake.ts
/**
 * The bake file. `dockerfile` is given as the step gives `--file` (relative to the workspace,
 * or absolute): bake would read a relative one against the target's context, so the caller
 * passes absolute paths (`absolute`).
 */
function bakeDefinition(targets, absolute, helpers = {}) {
    // Helpers (targets an image names in contexts, target:<name>) as the bake file has them: bake
    // builds them when an image needs them, in the same session.
    const target = { ...helpers };
    for (const { name, request, base } of targets) {
        const definition = {
            context: request.context,
            dockerfile: absolute(request.file),
            args: Object.fromEntries(request.buildArgs.map((arg) => [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)])),
            labels: Object.fromEntries(request.labels),
            attest: attestations(request),
        };
        if (request.target)
            definition.target = request.target;
        if (request.platforms.length > 0)
            definition.platforms = request.platforms;
        if (request.cacheFrom.length > 0)
            definition['cache-from'] = request.cacheFrom;
        if (request.cacheTo.length > 0)
            definition['cache-to'] = request.cacheTo;
        if (request.secrets.length > 0)
            definition.secret = request.secrets;
        if (request.noCache)
            definition['no-cache'] = true;
        if (request.pull)
            definition.pull = true;
        const output = request.output;
        if (output.kind === 'push-tag') {
            definition.tags = [output.reference];
            definition.output = ['type=registry'];
        }
        else if (output.kind === 'push-digest') {
            definition.output = [
                `type=image,name=${output.name},push-by-digest=true,name-canonical=true,push=true${output.referrers ? ',oci-mediatypes=true,oci-artifact=false' : ''}`,
            ];
        }
        target[name] = base ? over(base, definition) : definition;
    }
    return { group: { default: { targets: targets.map((t) => t.name) } }, target };
}
/**
 * The step's target over the bake file's: lists and maps the two both have are joined (no-cache
 * and pull the step sets only when true, so the file's stay otherwise).
 */
function over(base, ours) {
    const merged = { ...base, ...ours };
    const list = (key) => (Array.isArray(base[key]) ? base[key] : []);
    // The bake file's labels are the more specific: they win over the step's.
    if (base.labels && typeof base.labels === 'object')
        merged.labels = { ...ours.labels, ...base.labels };
    const cacheFrom = [...(ours['cache-from'] ?? []), ...list('cache-from')];
    if (cacheFrom.length > 0)
        merged['cache-from'] = cacheFrom;
    const secret = [...list('secret'), ...(ours.secret ?? [])];
    if (secret.length > 0)
        merged.secret = secret;
    if (typeof base['dockerfile-inline'] === 'string')
        delete merged.dockerfile;
    return merged;
}
/** `--provenance=<value>` and `--sbom=…` of buildx build, as bake's `attest` entries. */
function attestations(request) {
    const result = [];
    const provenance = request.provenance;
    if (provenance === 'false')
        result.push('type=provenance,disabled=true');
    else if (provenance === 'true')
        result.push('type=provenance');
    else if (provenance === 'min' || provenance === 'max')
        result.push(`type=provenance,mode=${provenance}`);
    else
        result.push(`type=provenance,${provenance}`);
    if (request.sbom)
        result.push(request.sbomGenerator ? `type=sbom,generator=${request.sbomGenerator}` : 'type=sbom');
    return result;
}
/** `docker buildx bake` of every target in the file, its metadata (per target) written to `metadataFile`. */
function bakeArgs(options) {
    const args = ['buildx', 'bake'];
    if (options.builder)
        args.push('--builder', options.builder);
    args.push('--file', options.file, '--metadata-file', options.metadataFile);
    return args;
}

;// CONCATENATED MODULE: ./src/buildx/metadata.ts
// Pure: buildx's --metadata-file → the pushed digest and media type.

function parseBuildMetadata(text) {
    let data;
    try {
        data = (JSON.parse(text) ?? {});
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
    const platform = descriptor?.platform;
    const platformName = typeof platform?.os === 'string' && typeof platform.architecture === 'string'
        ? [platform.os, platform.architecture, typeof platform.variant === 'string' ? platform.variant : undefined].filter(Boolean).join('/')
        : undefined;
    return { digest, mediaType, platform: platformName, raw: data };
}
/**
 * `docker buildx bake`'s --metadata-file: one build's metadata per target, keyed by the target's
 * name → each target's result, read as a single build's is.
 */
function parseBakeMetadata(text, targets) {
    let data;
    try {
        data = (JSON.parse(text) ?? {});
    }
    catch {
        throw new Error('buildx bake wrote a metadata file that is not JSON.');
    }
    const results = new Map();
    for (const target of targets) {
        const entry = data[target];
        if (entry === undefined || entry === null || typeof entry !== 'object') {
            throw new Error(`buildx bake wrote no metadata for the image "${target}".`);
        }
        try {
            results.set(target, parseBuildMetadata(JSON.stringify(entry)));
        }
        catch (error) {
            throw new Error(`${(0,errors/* toMessage */.R9)(error).replace(/\.$/, '')} for the image "${target}".`, { cause: error });
        }
    }
    return results;
}

// EXTERNAL MODULE: ./src/util/exec.ts
var exec = __webpack_require__(7895);
;// CONCATENATED MODULE: ./src/buildx/run.ts
// Runs docker buildx build and reads back what it pushed.








/**
 * Runs the build, again when it failed on a transient registry fault (src/util/retry.ts): the
 * same argument list, so the builder's cache makes the next attempt an upload (its steps
 * CACHED) and the same image, digest and tag.
 */
async function runBuild(request, run, seams = retry_defaults/* actionRetrySeams */.i) {
    await runBuildx(buildxArgs(request), `docker buildx build${describeOutput(request)}`, [request], run, seams);
    if (request.output.kind === 'none')
        return undefined;
    return parseBuildMetadata(await (0,promises_.readFile)(request.metadataFile, 'utf8'));
}
/**
 * Several images in one `docker buildx bake` (one BuildKit session: stages they share are built
 * once), again on a transient registry fault as runBuild; each target's result by its name.
 */
async function runBake(targets, options, run, seams = retry_defaults/* actionRetrySeams */.i) {
    const definition = bakeDefinition(targets, options.absolute, options.helpers);
    await (0,promises_.writeFile)(options.file, `${JSON.stringify(definition, null, 2)}\n`, 'utf8');
    const what = `docker buildx bake of ${targets.map((t) => t.name).join(', ')}`;
    await runBuildx(bakeArgs(options), what, targets.map((t) => t.request), run, seams);
    const pushed = targets.filter((t) => t.request.output.kind !== 'none').map((t) => t.name);
    return parseBakeMetadata(await (0,promises_.readFile)(options.metadataFile, 'utf8'), pushed);
}
/** Runs buildx (build or bake) with the retry helper; a failure says why, in the inputs' words where it can. */
async function runBuildx(args, what, requests, run, seams) {
    await (0,retry/* withRetry */.bD)({ ...seams, what, transient: util_transient/* commandTransientCause */.Rl }, async () => {
        const env = metadataEnv(requests);
        const result = await run('docker', args, { ignoreReturnCode: true, ...(env ? { env } : {}) });
        if (result.exitCode === 0)
            return;
        const generator = requests.find((r) => r.sbom);
        const answered = withRegistryAnswer(lastErrorLine(result.stderr), result.stderr);
        const reason = generator ? withGeneratorHint(generator, answered) : answered;
        const byDigest = requests.find((r) => r.output.kind === 'push-digest')?.output;
        if (byDigest?.kind === 'push-digest' && /push-by-digest is currently not implemented/.test(result.stderr)) {
            if (byDigest.referrers) {
                throw new Error('Input "attestations" is referrers (sbom or provenance is on), which pushes by digest, and the docker driver cannot do that: set "builder" to a docker-container or remote builder (e.g. from docker/setup-buildx-action).');
            }
            throw new Error('Input "sha-tag" is false, which pushes by digest, and the docker driver cannot do that: set "builder" to a docker-container or remote builder (e.g. from docker/setup-buildx-action), or use sha-tag full or short.');
        }
        const command = `docker ${args[0]} ${args[1]}`; // docker buildx build | bake
        throw new exec.CommandError(`${command} failed (exit ${result.exitCode})${reason ? `: ${reason}` : ''}`, reason ?? '');
    });
}
/**
 * The environment that makes buildx write the provenance and the build checks into its metadata
 * file, when a request asks (the whole environment: a child's `env` replaces it); else undefined.
 */
function metadataEnv(requests) {
    const provenance = requests.some((r) => r.metadataExtras?.provenance);
    const warnings = requests.some((r) => r.metadataExtras?.warnings);
    if (!provenance && !warnings)
        return undefined;
    const env = Object.fromEntries(Object.entries(process.env).filter((e) => e[1] !== undefined));
    // `min` (buildx's default, set in case the job's environment disables it) already has the
    // materials, which name the base images; `max` adds the build's whole definition and the
    // Dockerfile's source, which no rule reads, and cost a warm retail-api build ~1-3 s in part
    // 10 of the benchmark (docs/performance.md). A job that asks for max keeps it.
    if (provenance && env.BUILDX_METADATA_PROVENANCE !== 'max')
        env.BUILDX_METADATA_PROVENANCE = 'min';
    if (warnings)
        env.BUILDX_METADATA_WARNINGS = 'true';
    return env;
}
function describeOutput(request) {
    switch (request.output.kind) {
        case 'push-tag':
            return ` pushing ${request.output.reference}`;
        case 'push-digest':
            return ` pushing ${request.output.name}`;
        case 'none':
            return '';
    }
}
/**
 * BuildKit ends its own retries of a 5xx with `failed to push …: unavailable`; the status the
 * registry answered is on an earlier line (`unexpected status from PUT request to …: 503 …`).
 */
function withRegistryAnswer(reason, stderr) {
    if (!reason || !/: unavailable\s*$/.test(reason))
        return reason;
    const statuses = stderr.match(/unexpected status from \w+ request to \S+: \d{3} [A-Za-z ]+/g);
    const last = statuses?.[statuses.length - 1];
    return last ? `${reason} (the registry answered: ${last.replace(/^.*: (\d{3} [A-Za-z ]+)$/, '$1').trim()})` : reason;
}
/**
 * BuildKit pulls the SBOM generator image like a base image; when it cannot, its line names the
 * image (`failed to resolve source metadata for <image>: … not found`) but not the input.
 */
function withGeneratorHint(request, reason) {
    if (!request.sbom || !reason)
        return reason;
    const generator = request.sbomGenerator ?? DEFAULT_SBOM_GENERATOR;
    const named = reason.includes(generator) || (!request.sbomGenerator && /buildkit-syft-scanner/.test(reason));
    if (!named || !/resolve|pull|not found|unauthorized|denied|no such host|manifest unknown/i.test(reason))
        return reason;
    return `${reason} (the SBOM generator image could not be pulled: set "sbom-generator" to an image reference the builder can pull, e.g. a copy in your own registry)`;
}
/** The line of buildx's output that says what went wrong (it ends with `ERROR: …`). */
function lastErrorLine(stderr) {
    const lines = stderr
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const error = [...lines].reverse().find((line) => /^ERROR:|error:/i.test(line));
    return (error ?? lines[lines.length - 1])?.replace(/^ERROR:\s*/, '');
}
/** One `docker buildx inspect`: the builder's driver and default platform. */
async function inspectBuilder(builder, run) {
    const args = ['buildx', 'inspect', ...(builder ? [builder] : [])];
    const result = await run('docker', args, { silent: true, ignoreReturnCode: true });
    const lines = result.stdout.split('\n');
    const line = lines.find((l) => /^\s*Platforms:/.test(l));
    const first = line
        ?.replace(/^\s*Platforms:\s*/, '')
        .split(',')[0]
        ?.replace('*', '')
        .trim();
    // The builder's own Driver line comes first; node sections have no such line.
    const driver = lines.map((l) => /^Driver:\s*(\S+)/.exec(l)?.[1]).find(Boolean);
    return { driver, platform: first || 'linux/amd64' };
}
/** The builder's default platform, for a single-platform build that did not name one. */
async function builderPlatform(builder, run) {
    return (await inspectBuilder(builder, run)).platform;
}

;// CONCATENATED MODULE: ./src/steps/builder.ts
// The builder, asked at most once: `docker buildx inspect` (a CLI plugin that also asks the
// builder: ~100 ms, on a 2-core runner not free even in parallel), and only when something needs
// it: the driver, which cache: ecr must know before the build (can it export?), and the default
// platform, which names a single-platform image buildx did not describe (a reused image, or a
// builder whose metadata has no platform). A fresh build with cache: none never asks.




class BuilderQuery {
    name;
    run;
    pending;
    constructor(
    /** The `builder` input (undefined: buildx's current builder). */
    name, run = exec.runCommand) {
        this.name = name;
        this.run = run;
    }
    start() {
        void this.info();
    }
    /** The driver and default platform; never rejects (a failed inspect: linux/amd64, driver unknown). */
    info() {
        this.pending ??= inspectBuilder(this.name, this.run).catch(() => ({ platform: 'linux/amd64' }));
        return this.pending;
    }
    platform() {
        return this.info().then((info) => info.platform);
    }
    /** Whether the inspect has been started (for tests). */
    get asked() {
        return this.pending !== undefined;
    }
}
/** cache: ecr → the cache specs this image's build adds; its warnings and notes written to the log (`say` labels them). */
async function ecrCache(options, say = (message) => message) {
    if (options.cache !== 'ecr')
        return NO_CACHE;
    const { facts } = options;
    const plan = planEcrCache({
        image: options.image,
        branch: facts.branch,
        defaultBranch: facts.defaultBranch,
        fromFork: facts.pullRequest?.fromFork === true,
        repository: options.repository,
        driver: (await options.builder.info()).driver,
    });
    for (const note of plan.notes)
        actions_core/* info */.pq(say(note));
    for (const warning of plan.warnings)
        actions_core/* warning */.$e(say(warning));
    const read = plan.from.map((spec) => spec.replace(/^.*:/, '')).join(', ');
    actions_core/* info */.pq(say(`cache: ecr: reading ${read || 'no cache'}${plan.writeTag ? `; writing ${plan.writeTag}` : ''}.`));
    return { from: plan.from, to: plan.to };
}

;// CONCATENATED MODULE: ./src/buildx/labels.ts
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

;// CONCATENATED MODULE: ./src/gate/rules/attestations.ts
function checkAttestations(facts, rule) {
    if (!facts.attestations.known)
        return { noData: facts.attestations.why };
    const list = facts.attestations.value;
    const findings = [];
    if (rule.sbom && !list.some((a) => a.kind === 'sbom'))
        findings.push({ message: 'has no SBOM', id: 'sbom' });
    const provenance = list.filter((a) => a.kind === 'provenance');
    if (rule.provenance !== false && provenance.length === 0)
        findings.push({ message: 'has no provenance', id: 'provenance' });
    else if (rule.provenance === 'max' && !provenance.some((a) => a.mode === 'max')) {
        if (provenance.some((a) => a.mode === undefined))
            return { noData: "its provenance's mode could not be read" };
        findings.push({ message: 'has provenance with mode=min, where mode=max is asked', id: 'provenance' });
    }
    if (findings.length > 0)
        return { ok: false, findings };
    const has = [
        ...(rule.sbom ? ['an SBOM'] : []),
        ...(rule.provenance !== false ? [`provenance${rule.provenance === 'max' ? ' (mode=max)' : ''}`] : []),
    ];
    return { ok: true, checked: has.length > 0 ? `has ${has.join(' and ')}` : 'nothing asked for' };
}

// EXTERNAL MODULE: ./src/gate/rules/wildcard.ts
var wildcard = __webpack_require__(65);
;// CONCATENATED MODULE: ./src/gate/rules/bases.ts

/** docker.io/library/python → python; docker.io/team/app → team/app: how a Dockerfile names them. */
function familiarName(repository) {
    return repository.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}
/** How a base reads in a message: its name as a Dockerfile writes it, tag and digest as named. */
function baseName(base) {
    const name = familiarName(base.repository);
    return `${name}${base.tag !== undefined ? `:${base.tag}` : ''}${base.pinned ? `@${base.digest}` : ''}`;
}
/** The forms a pattern may be written against: full or familiar, with tag, digest, both or neither. */
function bases_forms(base) {
    const names = [base.repository, familiarName(base.repository)];
    return names.flatMap((name) => [
        name,
        ...(base.tag !== undefined ? [`${name}:${base.tag}`, `${name}:${base.tag}@${base.digest}`] : []),
        `${name}@${base.digest}`,
    ]);
}
function checkBaseImages(facts, rule) {
    if (!facts.bases.known)
        return { noData: facts.bases.why };
    const bases = facts.bases.value;
    if (bases.length === 0)
        return { ok: true, checked: 'no base image (FROM scratch)' };
    const allowed = rule.allowed.map((pattern) => (0,wildcard/* wildcard */.X)(pattern));
    const findings = [];
    for (const base of bases) {
        const name = baseName(base);
        if (base.tag === 'latest' || (base.tag === undefined && !base.pinned)) {
            findings.push({ message: `${name} is built on "latest", which moves: name a version`, id: 'latest' });
        }
        if (allowed.length > 0 && !bases_forms(base).some((form) => (0,wildcard/* matchesAny */._)(form, allowed))) {
            findings.push({ message: `${name} is not an allowed base (allowed: ${rule.allowed.join(', ')})`, id: 'not-allowed' });
        }
        if (rule.pinned && !base.pinned) {
            findings.push({ message: `${name} is not pinned: name it by digest, FROM ${name}@${base.digest}`, id: 'not-pinned' });
        }
    }
    if (findings.length > 0)
        return { ok: false, findings };
    const list = bases.map(baseName).join(', ');
    return {
        ok: true,
        checked: `${bases.length === 1 ? 'base' : 'bases'} ${list}: ${rule.allowed.length > 0 ? 'allowed' : 'named by version'}${rule.pinned ? ', pinned' : ''}`,
    };
}
function checkBaseFresh(facts) {
    if (!facts.baseTagsNow.known)
        return { noData: facts.baseTagsNow.why };
    const looked = facts.baseTagsNow.value;
    if (looked.length === 0)
        return { ok: true, checked: 'no base named by a tag' };
    const findings = [];
    const unknown = [];
    for (const { base, digestNow, why } of looked) {
        if (digestNow === undefined)
            unknown.push(`${baseName(base)}: ${why ?? 'its tag could not be read'}`);
        else if (digestNow !== base.digest) {
            findings.push({
                message: `${baseName(base)} has moved since this image was built: built on ${base.digest}, the tag now names ${digestNow}; rebuild to pick it up`,
                id: 'outdated',
            });
        }
    }
    if (findings.length > 0)
        return { ok: false, findings };
    if (unknown.length > 0)
        return { noData: unknown.join('; ') };
    return { ok: true, checked: `${looked.map(({ base }) => baseName(base)).join(', ')}: up to date` };
}

;// CONCATENATED MODULE: ./src/gate/rules/build-checks.ts
function checkBuildChecks(checks) {
    if (!checks.known)
        return { noData: checks.why };
    if (checks.value.length === 0)
        return { ok: true, checked: 'no build check found anything' };
    return {
        ok: false,
        findings: checks.value.map((check) => ({
            message: `${check.rule}: ${check.message}${check.file && check.line ? ` (${check.file}:${check.line})` : ''}`,
            id: check.rule,
            ...(check.file ? { file: check.file } : {}),
            ...(check.line ? { line: check.line } : {}),
            ...(check.endLine ? { endLine: check.endLine } : {}),
            ...(check.url ? { url: check.url } : {}),
        })),
    };
}

;// CONCATENATED MODULE: ./src/gate/rules/image-config.ts
/** `root`, `0`, `0:…`, `root:…`, or no user at all (Docker's default: root). */
function isRootUser(user) {
    const name = user.trim().split(':')[0];
    return name === '' || name === 'root' || name === '0';
}
function checkNonRoot(facts) {
    if (!facts.user.known)
        return { noData: facts.user.why };
    const user = facts.user.value;
    if (!isRootUser(user))
        return { ok: true, checked: `runs as "${user}"` };
    const message = user.trim() === '' ? 'runs as root: the image sets no USER' : `runs as root: USER is "${user}"`;
    return { ok: false, findings: [{ message, id: 'non-root' }] };
}
function checkHealthcheck(facts) {
    if (!facts.healthcheck.known)
        return { noData: facts.healthcheck.why };
    if (facts.healthcheck.value)
        return { ok: true, checked: 'has a HEALTHCHECK' };
    return { ok: false, findings: [{ message: 'has no HEALTHCHECK', id: 'healthcheck' }] };
}

;// CONCATENATED MODULE: ./src/gate/rules/licenses.ts

/** An SPDX licence expression, read leniently: ids, AND, OR, WITH (its exception kept on the id), parentheses. */
function parseExpression(text) {
    const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
    let at = 0;
    const parseOr = () => {
        const parts = [parseAnd()];
        while (tokens[at]?.toUpperCase() === 'OR') {
            at++;
            parts.push(parseAnd());
        }
        const valid = parts.filter((p) => p !== undefined);
        return valid.length <= 1 ? valid[0] : { op: 'OR', parts: valid };
    };
    const parseAnd = () => {
        const parts = [parseAtom()];
        while (tokens[at]?.toUpperCase() === 'AND') {
            at++;
            parts.push(parseAtom());
        }
        const valid = parts.filter((p) => p !== undefined);
        return valid.length <= 1 ? valid[0] : { op: 'AND', parts: valid };
    };
    const parseAtom = () => {
        const token = tokens[at++];
        if (token === undefined)
            return undefined;
        if (token === '(') {
            const inner = parseOr();
            if (tokens[at] === ')')
                at++;
            return inner;
        }
        if (tokens[at]?.toUpperCase() === 'WITH')
            at += 2; // the exception narrows the licence, it does not change which it is
        return { id: token.replace(/\+$/, '') };
    };
    return parseOr();
}
/** The denied licence ids an expression cannot avoid: empty when some choice avoids them all. */
function unavoidable(expression, denied) {
    if ('id' in expression)
        return denied(expression.id) ? [expression.id] : [];
    const each = expression.parts.map((part) => unavoidable(part, denied));
    if (expression.op === 'AND')
        return [...new Set(each.flat())];
    return each.every((ids) => ids.length > 0) ? [...new Set(each.flat())] : [];
}
const UNKNOWN = new Set(['NOASSERTION', 'NONE', '']);
function checkLicenses(facts, rule) {
    if (!facts.sbom.known)
        return { noData: facts.sbom.why };
    const deny = rule.deny.map((pattern) => (0,wildcard/* wildcard */.X)(pattern, { ignoreCase: true }));
    const allow = rule.allowPackages.map((pattern) => (0,wildcard/* wildcard */.X)(pattern, { ignoreCase: true }));
    const denied = (id) => (0,wildcard/* matchesAny */._)(id, deny);
    const findings = [];
    for (const pkg of facts.sbom.value) {
        if (pkg.purl !== undefined && isAllowed(pkg.purl, allow))
            continue;
        const ids = pkg.licenses
            .filter((text) => !UNKNOWN.has(text.trim().toUpperCase()))
            .flatMap((text) => {
            const expression = parseExpression(text);
            return expression ? unavoidable(expression, denied) : [];
        });
        if (ids.length > 0) {
            findings.push({ message: `${licenses_describe(pkg)} is under ${[...new Set(ids)].join(', ')}, which the policy denies`, id: ids[0] });
        }
    }
    if (findings.length > 0)
        return { ok: false, findings };
    return { ok: true, checked: `${facts.sbom.value.length} packages, none under a denied licence` };
}
/** A purl is allowed by a pattern of it with or without its version and qualifiers. */
function isAllowed(purl, allow) {
    const bare = purl.replace(/[?#].*$/, '');
    const unversioned = bare.replace(/@[^/]*$/, '');
    return (0,wildcard/* matchesAny */._)(purl, allow) || (0,wildcard/* matchesAny */._)(bare, allow) || (0,wildcard/* matchesAny */._)(unversioned, allow);
}
function licenses_describe(pkg) {
    return `${pkg.name}${pkg.version ? ` ${pkg.version}` : ''}${pkg.purl ? ` (${pkg.purl})` : ''}`;
}

;// CONCATENATED MODULE: ./src/gate/rules/size.ts
function formatMb(bytes) {
    return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;
}
function checkMaxSize(facts, rule) {
    if (!facts.layersBytes.known)
        return { noData: facts.layersBytes.why };
    const bytes = facts.layersBytes.value;
    const budget = (rule.mb ?? Infinity) * 1e6;
    if (bytes <= budget)
        return { ok: true, checked: `${formatMb(bytes)} compressed, within ${rule.mb} MB` };
    return {
        ok: false,
        findings: [{ message: `is ${formatMb(bytes)} compressed, over the ${rule.mb} MB budget`, id: 'max-size' }],
    };
}

;// CONCATENATED MODULE: ./src/gate/rules/evaluate.ts
// Pure: the policy over one image. Each rule looks at each platform image (a build check at
// the build), finds what is wrong or says why it cannot tell, and its level decides what that
// means: `fail` fails the image (as a blocking CVE does), `warn` warns, `off` is not looked at.
// A rule that cannot tell is `no-data` with its reason, never a silent pass, and never a failure.







const PER_PLATFORM = {
    'non-root': (facts) => checkNonRoot(facts),
    healthcheck: (facts) => checkHealthcheck(facts),
    'base-images': (facts, config) => checkBaseImages(facts, config['base-images']),
    'base-fresh': (facts) => checkBaseFresh(facts),
    'max-size': (facts, config) => checkMaxSize(facts, config['max-size']),
    licenses: (facts, config) => checkLicenses(facts, config.licenses),
    attestations: (facts, config) => checkAttestations(facts, config.attestations),
};
function evaluatePolicy(config, facts) {
    const results = RULE_NAMES.map((rule) => {
        const level = config[rule].level;
        if (level === 'off')
            return { rule, level, verdict: 'off', reason: 'off', findings: [] };
        const outcomes = rule === 'build-checks'
            ? [{ platform: undefined, outcome: checkBuildChecks(facts.buildChecks) }]
            : facts.platforms.map((platform) => ({ platform: platform.platform, outcome: PER_PLATFORM[rule](platform, config) }));
        return combine(rule, level, outcomes);
    });
    return { results, fails: results.some((result) => result.verdict === 'fail') };
}
function combine(rule, level, outcomes) {
    const several = outcomes.length > 1;
    const on = (platform, text) => (several && platform ? `${platform}: ${text}` : text);
    const findings = [];
    for (const { platform, outcome } of outcomes) {
        if ('ok' in outcome && !outcome.ok)
            findings.push(...outcome.findings.map((f) => (platform && !f.platform ? { ...f, platform } : f)));
    }
    if (findings.length > 0) {
        const first = findings[0];
        const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : '';
        return { rule, level, verdict: level, reason: `${on(first.platform, first.message)}${more}`, findings };
    }
    const missing = outcomes.filter((o) => 'noData' in o.outcome);
    if (missing.length > 0) {
        const why = [...new Set(missing.map((o) => on(o.platform, o.outcome.noData)))].join('; ');
        return { rule, level, verdict: 'no-data', reason: why, findings: [] };
    }
    const checked = [...new Set(outcomes.map((o) => o.outcome.checked))];
    return { rule, level, verdict: 'pass', reason: checked.join('; '), findings: [] };
}

;// CONCATENATED MODULE: ./src/attest/sbom.ts
const SPDX_PREDICATE = 'https://spdx.dev/Document';
const NO_LICENSE = new Set(['', 'NOASSERTION', 'NONE']);
/** What a generator's own root package is for, when it is the scanned directory or image. */
const ROOT_PURPOSES = new Set(['FILE', 'CONTAINER']);
/** The packages of an SPDX SBOM attestation's in-toto statement; throws when the text is not one. */
function packagesFromSbom(statementText) {
    const document = spdxDocumentOf(statementText);
    const described = describedIds(document);
    const packages = new Map();
    for (const entry of Array.isArray(document.packages) ? document.packages : []) {
        if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '')
            continue;
        const purl = purlOf(entry.externalRefs);
        const id = typeof entry.SPDXID === 'string' ? entry.SPDXID : '';
        const isRoot = id.startsWith('SPDXRef-DocumentRoot-') ||
            (described.has(id) &&
                purl === undefined &&
                typeof entry.primaryPackagePurpose === 'string' &&
                ROOT_PURPOSES.has(entry.primaryPackagePurpose));
        if (isRoot)
            continue;
        const licenses = [...new Set([entry.licenseDeclared, entry.licenseConcluded].filter(isLicense).map((l) => l.trim()))];
        const pkg = {
            name: entry.name,
            ...(typeof entry.versionInfo === 'string' && entry.versionInfo !== '' ? { version: entry.versionInfo } : {}),
            ...(purl === undefined ? {} : { purl }),
            licenses,
        };
        packages.set(JSON.stringify([pkg.name, pkg.version, pkg.purl, pkg.licenses]), pkg);
    }
    return [...packages.values()];
}
function spdxDocumentOf(statementText) {
    let statement;
    try {
        statement = JSON.parse(statementText);
    }
    catch {
        throw new Error('The SBOM attestation is not JSON: expected an in-toto statement with an SPDX document.');
    }
    if (!isRecord(statement) || typeof statement._type !== 'string' || !statement._type.startsWith('https://in-toto.io/Statement/')) {
        throw new Error('The SBOM attestation is not an in-toto statement (no in-toto _type).');
    }
    if (statement.predicateType !== SPDX_PREDICATE) {
        throw new Error(`The SBOM attestation is not an SPDX document (predicateType ${JSON.stringify(statement.predicateType ?? null)}, expected ${SPDX_PREDICATE}).`);
    }
    const document = statement.predicate;
    if (!isRecord(document) || typeof document.spdxVersion !== 'string' || !document.spdxVersion.startsWith('SPDX-')) {
        throw new Error('The SBOM attestation has no SPDX document in its predicate (no spdxVersion).');
    }
    return document;
}
/** The SPDX ids the document says it describes (`documentDescribes`, `SPDXRef-DOCUMENT DESCRIBES x`). */
function describedIds(document) {
    const ids = new Set();
    if (Array.isArray(document.documentDescribes)) {
        for (const id of document.documentDescribes)
            if (typeof id === 'string')
                ids.add(id);
    }
    const self = typeof document.SPDXID === 'string' ? document.SPDXID : 'SPDXRef-DOCUMENT';
    if (Array.isArray(document.relationships)) {
        for (const r of document.relationships) {
            if (isRecord(r) && r.spdxElementId === self && r.relationshipType === 'DESCRIBES' && typeof r.relatedSpdxElement === 'string') {
                ids.add(r.relatedSpdxElement);
            }
        }
    }
    return ids;
}
function purlOf(externalRefs) {
    if (!Array.isArray(externalRefs))
        return undefined;
    for (const ref of externalRefs) {
        if (isRecord(ref) && ref.referenceType === 'purl' && typeof ref.referenceLocator === 'string' && ref.referenceLocator !== '') {
            return ref.referenceLocator;
        }
    }
    return undefined;
}
function isLicense(value) {
    return typeof value === 'string' && !NO_LICENSE.has(value.trim().toUpperCase());
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/buildx/provenance.ts
const PROVENANCE_KEY = 'buildx.build.provenance';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * The bases of each platform's image, from buildx's metadata; undefined when the metadata holds no
 * provenance (not asked for, or the driver gave none). `platform` is undefined for a
 * single-platform build's unsuffixed key.
 */
function basesFromMetadata(metadata, 
/** Images the step itself had BuildKit run (the SBOM generator): tools of the build, not its bases. */
tools = []) {
    const excluded = new Set(tools.map(provenance_repositoryOf));
    const entries = Object.entries(metadata).filter(([key]) => key === PROVENANCE_KEY || key.startsWith(`${PROVENANCE_KEY}/`));
    if (entries.length === 0)
        return undefined;
    return entries
        .map(([key, predicate]) => ({
        platform: key === PROVENANCE_KEY ? undefined : key.slice(PROVENANCE_KEY.length + 1),
        bases: basesOf(predicate, excluded),
    }))
        .sort((a, b) => (a.platform ?? '').localeCompare(b.platform ?? ''));
}
/**
 * The bases a provenance predicate names: BuildKit's SLSA v0.2 (`materials`, what buildx writes
 * into its metadata file) or v1 (`buildDefinition.resolvedDependencies`, the attestation BuildKit
 * pushes by default), each `{uri, digest}`. For a reused image, whose build's metadata is gone.
 */
function basesFromProvenance(predicate, tools = []) {
    return basesOf(predicate, new Set(tools.map(provenance_repositoryOf)));
}
/** mode=max or min: max carries the build's definition (`buildConfig`, v0.2; `internalParameters.buildConfig`, v1). */
function provenanceMode(predicate) {
    if (!provenance_isRecord(predicate))
        return 'min';
    const definition = provenance_isRecord(predicate.buildDefinition) ? predicate.buildDefinition : undefined;
    const internal = definition && provenance_isRecord(definition.internalParameters) ? definition.internalParameters : undefined;
    return predicate.buildConfig !== undefined || internal?.buildConfig !== undefined ? 'max' : 'min';
}
function basesOf(predicate, excluded) {
    if (!provenance_isRecord(predicate))
        return [];
    const definition = provenance_isRecord(predicate.buildDefinition) ? predicate.buildDefinition : undefined;
    const materials = Array.isArray(predicate.materials)
        ? predicate.materials
        : definition && Array.isArray(definition.resolvedDependencies)
            ? definition.resolvedDependencies
            : [];
    const frontend = frontendRepository(predicate);
    const bases = new Map();
    for (const material of materials) {
        if (!provenance_isRecord(material) || typeof material.uri !== 'string')
            continue;
        const image = parseDockerPurl(material.uri);
        if (image === undefined || image.repository === frontend || excluded.has(image.repository))
            continue;
        const hex = provenance_isRecord(material.digest) ? material.digest.sha256 : undefined;
        const digest = typeof hex === 'string' && DIGEST.test(`sha256:${hex}`) ? `sha256:${hex}` : image.digest;
        if (digest === undefined)
            continue;
        const base = {
            reference: `${image.repository}${image.tag === undefined ? '' : `:${image.tag}`}${image.digest === undefined ? '' : `@${image.digest}`}`,
            repository: image.repository,
            ...(image.tag === undefined ? {} : { tag: image.tag }),
            digest,
            pinned: image.digest !== undefined,
        };
        bases.set(`${base.reference} ${base.digest}`, base);
    }
    return [...bases.values()];
}
/** The repository of the `# syntax=` frontend image, when the build went through one. */
function frontendRepository(predicate) {
    // v0.2: invocation.parameters; v1: buildDefinition.externalParameters.request.
    const external = provenance_isRecord(predicate.buildDefinition) ? predicate.buildDefinition.externalParameters : undefined;
    const parameters = provenance_isRecord(predicate.invocation) ? predicate.invocation.parameters : provenance_isRecord(external) ? external.request : undefined;
    if (!provenance_isRecord(parameters) || parameters.frontend !== 'gateway.v0' || !provenance_isRecord(parameters.args))
        return undefined;
    const source = parameters.args.source;
    if (typeof source !== 'string' || source === '')
        return undefined;
    return provenance_repositoryOf(source);
}
/** An image reference (name[:tag][@digest]) → its registry/path, Docker Hub made explicit. */
function provenance_repositoryOf(reference) {
    const name = reference.split('@')[0];
    // A tag's colon comes after the last slash (a port's before it).
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    return normalizeRepository(colon > slash ? name.slice(0, colon) : name);
}
/**
 * A `pkg:docker` package URL (as BuildKit's RefToPURL writes it) → the image it names; undefined
 * for any other URL, and for a blob or bundle of an image (`ref_type` qualifier): not an image.
 */
function parseDockerPurl(uri) {
    const match = /^pkg:docker\/([^?#]+)(?:\?([^#]*))?(?:#.*)?$/.exec(uri);
    if (match === null)
        return undefined;
    const qualifiers = new Map();
    for (const pair of (match[2] ?? '').split('&')) {
        const eq = pair.indexOf('=');
        if (eq > 0)
            qualifiers.set(decode(pair.slice(0, eq)).toLowerCase(), decode(pair.slice(eq + 1)));
    }
    if (qualifiers.has('ref_type'))
        return undefined;
    const at = match[1].lastIndexOf('@');
    const path = at < 0 ? match[1] : match[1].slice(0, at);
    const version = at < 0 ? undefined : decode(match[1].slice(at + 1));
    const segments = path
        .split('/')
        .filter((s) => s !== '')
        .map(decode);
    if (segments.length === 0)
        return undefined;
    let digest = qualifiers.get('digest');
    let tag = version === '' ? undefined : version;
    // PURLToRef reads a digest written as the version (older purls: `pkg:docker/x@sha256:…`).
    if (tag !== undefined && DIGEST.test(tag)) {
        digest ??= tag;
        tag = undefined;
    }
    if (digest !== undefined && !DIGEST.test(digest))
        return undefined;
    const platform = qualifiers.get('platform');
    return {
        repository: normalizeRepository(segments.join('/')),
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest }),
        ...(platform === undefined || platform === '' ? {} : { platform }),
    };
}
/** A familiar name → registry/path, as distribution/reference normalizes it (Docker Hub made explicit). */
function normalizeRepository(name) {
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    if (first === 'docker.io' || first === 'index.docker.io')
        return normalizeRepository(name.slice(slash + 1));
    if (first.includes('.') || first.includes(':') || first === 'localhost')
        return name;
    return slash < 0 ? `docker.io/library/${name}` : `docker.io/${name}`;
}
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function provenance_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/buildx/warnings.ts
// Pure: BuildKit's build checks that found something, read from the warnings buildx writes in its
// --metadata-file when BUILDX_METADATA_WARNINGS=true.
//
// Measured with buildx v0.36.1 against BuildKit v0.32.2 (fixtures: __fixtures__/buildx-metadata/),
// and read in docker/buildx (commands/build.go, commands/bake.go, util/progress/printer.go):
// - `buildx.build.warnings` is written only when there is at least one warning
//   (`len(warnings) > 0 && confutil.MetadataWarningsEnabled()`): a clean build has no key, never
//   `[]`. So an absent key reads as no warnings; the caller must only ask when it set
//   BUILDX_METADATA_WARNINGS=true (without it the key is absent too). `bake` writes the key once,
//   at the top of its metadata, for all its targets.
// - Each warning: `{vertex, level, short, detail: [..], url, sourceInfo: {filename, data,
//   language}, range: [{start: {line}, end: {line}}]}`, `short` and `detail` base64.
//   `short` is `<Rule>: <message> (line N)`, e.g. `StageNameCasing: Stage name 'Build' should be
//   lowercase (line 1)`. `sourceInfo.filename` is the Dockerfile's name only (`-f docker/app.Dockerfile`
//   gives `app.Dockerfile`).
// - buildx already removes repeats (dedupWarnings, by the warning without its vertex) and lists
//   them in map order, so a multi-platform build shows each once, in no fixed order: we dedupe
//   again (cheap) and sort by place.
// - `# check=skip=<Rule>` in the Dockerfile is honoured by BuildKit: the skipped check is absent.

const WARNINGS_KEY = 'buildx.build.warnings';
/**
 * The build checks from buildx's metadata; `dockerfile` is the workspace-relative path of the
 * Dockerfile built. An absent key is none found (see above); undefined when the key holds
 * something that is not a list of warnings (unreadable: no data rather than a silent pass).
 */
function buildChecksFromMetadata(metadata, dockerfile) {
    const warnings = metadata[WARNINGS_KEY];
    if (warnings === undefined || warnings === null)
        return [];
    if (!Array.isArray(warnings))
        return undefined;
    const checks = new Map();
    for (const warning of warnings) {
        const check = checkOf(warning, dockerfile);
        if (check !== undefined)
            checks.set(JSON.stringify([check.file, check.line, check.endLine, check.rule, check.message, check.url]), check);
    }
    return [...checks.values()].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.rule.localeCompare(b.rule) ||
        a.message.localeCompare(b.message));
}
function checkOf(warning, dockerfile) {
    if (!warnings_isRecord(warning) || typeof warning.short !== 'string')
        return undefined;
    const short = fromBase64(warning.short).trim();
    if (short === '')
        return undefined;
    // A check's warning is `Rule: message (line N)`; anything else (a frontend's own warning) is kept whole.
    const named = /^([A-Za-z][A-Za-z0-9]*): (.*)$/s.exec(short);
    const rule = named === null ? 'warning' : named[1];
    const message = (named === null ? short : named[2]).replace(/ \(line \d+\)$/, '');
    const check = { rule, message };
    const source = warnings_isRecord(warning.sourceInfo) ? warning.sourceInfo : undefined;
    if (source !== undefined) {
        const filename = typeof source.filename === 'string' && source.filename !== '' ? source.filename : external_node_path_.posix.basename(dockerfile);
        check.file = filename === external_node_path_.posix.basename(dockerfile) ? dockerfile : external_node_path_.posix.join(external_node_path_.posix.dirname(dockerfile), filename);
        const range = Array.isArray(warning.range) && warnings_isRecord(warning.range[0]) ? warning.range[0] : undefined;
        const line = lineOf(range?.start);
        const endLine = lineOf(range?.end);
        if (line !== undefined)
            check.line = line;
        if (endLine !== undefined)
            check.endLine = endLine;
    }
    if (typeof warning.url === 'string' && warning.url !== '')
        check.url = warning.url;
    return check;
}
function lineOf(position) {
    if (!warnings_isRecord(position))
        return undefined;
    const line = position.line;
    return typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined;
}
function fromBase64(text) {
    return Buffer.from(text, 'base64').toString('utf8');
}
function warnings_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/steps/policy.ts
// Phase: the policy (rules on how the image is built), for every image of the step. Its facts are
// read from what was really pushed, while ECR scans: each platform manifest's layers (size) and
// image config (user, health check) from the registry, the base images and build checks from
// buildx's metadata file (BuildKit's provenance and warnings), the SBOM beside the image, and
// what each base's tag names today (its own registry). Then each image's rules are judged
// (src/gate/rules/evaluate.ts, pure), and, once the scan's log group is done, logged: one line a
// rule, build checks as annotations on their Dockerfile lines.
//
// Reading never fails the step: a fact that cannot be read is "no data" with the reason.











/** What buildx must write into its metadata file for the rules that are on. */
function metadataNeeded(rules) {
    return {
        provenance: rules['base-images'].level !== 'off' || rules['base-fresh'].level !== 'off',
        warnings: rules['build-checks'].level !== 'off',
    };
}
/**
 * Loads the modules that read the policy's facts (the registry's client, the tag look-up) while
 * buildx builds, when this process only waits: not after the push, where the facts are read.
 */
function preloadPolicyReaders(rules) {
    if (policyOff(rules))
        return;
    void Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779), __webpack_require__.e(306)]).then(__webpack_require__.bind(__webpack_require__, 3306)).catch(() => undefined);
    if (rules['base-fresh'].level !== 'off')
        void Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 5252)).catch(() => undefined);
}
/** Every rule off: nothing to read. */
function policyOff(rules) {
    return Object.values(rules).every((rule) => rule.level === 'off');
}
/**
 * Reads every image's facts and judges its rules (image.policy); logs nothing, so that it runs
 * beside the scan's log group. Never rejects.
 */
async function judgePolicies(step, session, images) {
    const rules = step.inputs.policy.rules;
    const tags = new TagCache(session);
    await Promise.all(images.map(async (image) => {
        let facts;
        try {
            facts = policyOff(rules) ? { buildChecks: unknown('off'), platforms: [] } : await imageFacts(step, session, image, tags);
        }
        catch (error) {
            // Whatever went wrong is every rule's "no data", with the reason: never a pass, never a crash.
            facts = nothingKnown(image, `the policy's facts could not be read: ${(0,errors/* toMessage */.R9)(error).split('\n')[0]}`);
        }
        image.policy = { facts, result: evaluatePolicy(rules, facts) };
    }));
}
/** The policy's log: one line a rule that is on, build checks as annotations at their lines. */
async function logPolicies(step, images) {
    if (policyOff(step.inputs.policy.rules))
        return;
    await actions_core/* group */.Os('Policy', async () => {
        for (const image of images) {
            if (!image.policy)
                continue;
            const say = (0,label/* labelFor */.gt)(step.inputs, image);
            for (const result of image.policy.result.results) {
                if (result.verdict === 'off')
                    continue;
                const line = say(`${MARK[result.verdict]} ${result.rule}: ${result.verdict === 'no-data' ? 'no data: ' : ''}${result.reason}`);
                // Build checks are annotated one by one, at their lines; a rule that warns, or cannot
                // tell, is a warning of its own (never a silent pass); a failing one the step's error names.
                if (result.rule === 'build-checks' && result.findings.length > 0) {
                    actions_core/* info */.pq(line);
                    annotate(result, say);
                }
                else if (result.verdict === 'warn' ||
                    (result.verdict === 'no-data' && !(result.rule === 'build-checks' && image.candidate?.reused))) {
                    // A reused image's build ran in an earlier run, which reported its checks.
                    actions_core/* warning */.$e(`Policy: ${line}`);
                }
                else
                    actions_core/* info */.pq(line);
            }
        }
    });
}
const MARK = { pass: '✓', warn: '⚠', fail: '✗', 'no-data': '?', off: '-' };
/** Each build check, as build-push-action shows them: an annotation on the Dockerfile's line. */
function annotate(result, say) {
    const level = result.level === 'fail' ? actions_core/* error */.z3 : actions_core/* warning */.$e;
    for (const finding of result.findings) {
        level(say(finding.message), {
            title: `Build check${finding.id ? ` ${finding.id}` : ''}`,
            ...(finding.file ? { file: finding.file } : {}),
            ...(finding.line ? { startLine: finding.line, endLine: finding.endLine ?? finding.line } : {}),
        });
    }
}
/** Facts of which nothing is known, and why. */
function nothingKnown(image, why) {
    return {
        buildChecks: unknown(why),
        platforms: (image.platforms ?? []).map((p) => ({
            platform: p.platform,
            digest: p.digest,
            user: unknown(why),
            healthcheck: unknown(why),
            layersBytes: unknown(why),
            bases: unknown(why),
            baseTagsNow: unknown(why),
            sbom: unknown(why),
            attestations: unknown(why),
        })),
    };
}
const unknown = (why) => ({ known: false, why });
const known = (value) => ({ known: true, value });
/** A fact read once for every platform that needs it; a failure is "no data" with the reason. */
async function read(what, get) {
    try {
        return known(await get());
    }
    catch (error) {
        return unknown(`${what} could not be read: ${(0,errors/* toMessage */.R9)(error).split('\n')[0]}`);
    }
}
async function imageFacts(step, session, image, tags) {
    const { inputs, workspace } = step;
    const rules = inputs.policy.rules;
    const { candidate, platforms } = image;
    if (!candidate || !platforms)
        throw new Error(`internal: ${image.spec.name} has no candidate image to judge`);
    const metadata = candidate.metadata;
    const reusedWhy = `the image was reused (skip-existing: ${candidate.digest}), and the build that made it left nothing this run can read`;
    const dockerfile = external_node_path_.relative(workspace, external_node_path_.resolve(workspace, image.spec.file)) || image.spec.file;
    let buildChecks;
    if (rules['build-checks'].level === 'off')
        buildChecks = unknown('off');
    else if (!metadata)
        buildChecks = unknown(reusedWhy);
    else {
        const checks = buildChecksFromMetadata(metadata, dockerfile.split(external_node_path_.sep).join('/'));
        buildChecks = checks
            ? known(checks)
            : unknown('buildx wrote no build checks into its metadata file (buildx 0.15 or later writes them)');
    }
    const needs = {
        config: rules['non-root'].level !== 'off' || rules.healthcheck.level !== 'off',
        bases: metadataNeeded(rules).provenance,
        fresh: rules['base-fresh'].level !== 'off',
        sbom: rules.licenses.level !== 'off',
    };
    const needsManifests = needs.config || rules['max-size'].level !== 'off';
    // Everything below is read at once: the registry's client loads while the manifests are asked
    // for, and each platform's config, base tags and SBOM are read side by side.
    const registry = registryOf(session);
    const manifests = needsManifests
        ? read('the platform manifests', () => manifestsOf(session, image, platforms))
        : Promise.resolve(unknown('off'));
    // BuildKit runs the SBOM generator as an image of the build: a tool, not a base.
    const tools = inputs.sbom ? [inputs.sbomGenerator ?? DEFAULT_SBOM_GENERATOR] : [];
    const bases = needs.bases ? basesByPlatform(metadata, tools, reusedWhy) : undefined;
    const single = platforms.length === 1;
    const statements = new Statements(session, image);
    // A reused image: its bases from the provenance pushed beside it, when there is one.
    const reusedBases = async (platform) => {
        if (!image.attestations?.list.some((a) => a.kind === 'provenance' && a.platform === platform))
            return unknown(reusedWhy);
        return read('the provenance', async () => basesFromProvenance(await statements.predicate(platform, 'provenance'), tools));
    };
    const platformFacts = platforms.map(async (platform, i) => {
        const manifest = manifests.then((all) => (all.known ? parseManifest(all.value[i]) : all));
        const config = (async () => {
            if (!needs.config)
                return unknown('off');
            const parsed = await manifest;
            if (!parsed.known)
                return parsed;
            const client = await registry;
            return read('the image config', async () => parseConfig(await client.getBlob(image.ref.repositoryName, parsed.value.config)));
        })();
        const platformBases = (async () => !bases ? unknown('off') : metadata ? bases(platform.platform, single) : reusedBases(platform.platform))();
        const baseTagsNow = (async () => {
            if (!needs.fresh)
                return unknown('off');
            const named = await platformBases;
            return named.known ? known(await tags.lookUp(named.value)) : named;
        })();
        const [parsed, imageConfig, baseImages, tagsNow, sbom, attestations] = await Promise.all([
            manifest,
            config,
            platformBases,
            baseTagsNow,
            needs.sbom ? sbomOf(step, image, statements, platform.platform) : unknown('off'),
            policy_attestationsOf(step, image, statements, platform.platform),
        ]);
        return {
            platform: platform.platform,
            digest: platform.digest,
            user: imageConfig.known ? known(imageConfig.value.user) : imageConfig,
            healthcheck: imageConfig.known ? known(imageConfig.value.healthcheck) : imageConfig,
            layersBytes: parsed.known ? known(parsed.value.layersBytes) : parsed,
            bases: baseImages,
            baseTagsNow: tagsNow,
            sbom,
            attestations,
        };
    });
    return { buildChecks, platforms: await Promise.all(platformFacts) };
}
/** Each platform image's manifest: a single-platform image's is the one the step read already. */
async function manifestsOf(session, image, platforms) {
    if (platforms.length === 1 && platforms[0].digest === image.candidate?.digest && image.manifest)
        return [await image.manifest()];
    return manifestReader(session.client, image.ref).getMany(platforms.map((p) => p.digest));
}
function parseManifest(manifest) {
    try {
        const parsed = JSON.parse(manifest.text);
        if (typeof parsed.config?.digest !== 'string')
            return unknown(`the manifest ${manifest.digest} names no image config`);
        const layersBytes = (parsed.layers ?? []).reduce((sum, layer) => sum + (typeof layer.size === 'number' ? layer.size : 0), 0);
        return known({ config: parsed.config.digest, layersBytes });
    }
    catch {
        return unknown(`the manifest ${manifest.digest} is not JSON`);
    }
}
function parseConfig(text) {
    const parsed = JSON.parse(text);
    const test = parsed.config?.Healthcheck?.Test;
    return {
        user: typeof parsed.config?.User === 'string' ? parsed.config.User : '',
        // HEALTHCHECK NONE is ["NONE"]: no health check (it turns off the base image's).
        healthcheck: Array.isArray(test) && test.length > 0 && test[0] !== 'NONE',
    };
}
/** Each platform's bases from buildx's provenance; a single-platform build's is the unsuffixed key. */
function basesByPlatform(metadata, tools, reusedWhy) {
    if (!metadata)
        return () => unknown(reusedWhy);
    const entries = basesFromMetadata(metadata, tools);
    if (!entries) {
        return () => unknown('buildx wrote no provenance into its metadata file (BUILDX_METADATA_PROVENANCE was disabled?)');
    }
    return (platform, single) => {
        const entry = entries.find((e) => e.platform === platform) ?? (single || entries.length === 1 ? entries[0] : undefined);
        return entry ? known(entry.bases) : unknown(`buildx's provenance has nothing for ${platform}`);
    };
}
/** The attestations beside (or inside) a platform image, as the attestations phase listed them. */
async function policy_attestationsOf(step, image, statements, platform) {
    const { inputs } = step;
    const listed = image.attestations;
    const reused = image.candidate?.reused === true;
    if (!listed) {
        // Neither asked for: a fresh build has none; a reused image's were not listed.
        return reused ? unknown("sbom and provenance are off, so the reused image's attestations were not listed") : known([]);
    }
    const asked = inputs.provenance.includes('mode=max') ? 'max' : 'min';
    // A reused image's provenance says its own mode (read only when the rule asks for max).
    const modeOf = async () => {
        if (!reused)
            return asked;
        if (inputs.policy.rules.attestations.provenance !== 'max')
            return undefined;
        try {
            return provenanceMode(await statements.predicate(platform, 'provenance'));
        }
        catch {
            return undefined;
        }
    };
    const list = [];
    for (const a of listed.list.filter((a) => a.platform === platform)) {
        const mode = a.kind === 'provenance' ? await modeOf() : undefined;
        list.push(mode ? { kind: a.kind, mode } : { kind: a.kind });
    }
    return known(list);
}
/** The SBOM beside a platform image → its packages. */
async function sbomOf(step, image, statements, platform) {
    if (!step.inputs.sbom && !image.candidate?.reused)
        return unknown('the image has no SBOM: the licenses rule needs sbom: true');
    if (!image.attestations?.list.some((a) => a.kind === 'sbom' && a.platform === platform)) {
        return unknown(`no SBOM was found beside the ${platform} image`);
    }
    return read('the SBOM', async () => packagesFromSbom(await statements.text(platform, 'sbom')));
}
/** An image's attestations' in-toto statements, each read once (its manifest, then its layer). */
class Statements {
    session;
    image;
    texts = new Map();
    constructor(session, image) {
        this.session = session;
        this.image = image;
    }
    text(platform, kind) {
        const key = `${platform} ${kind}`;
        let text = this.texts.get(key);
        if (!text) {
            text = this.read(platform, kind);
            this.texts.set(key, text);
        }
        return text;
    }
    async predicate(platform, kind) {
        return JSON.parse(await this.text(platform, kind)).predicate;
    }
    async read(platform, kind) {
        const { image, session } = this;
        const attestation = image.attestations?.list.find((a) => a.kind === kind && a.platform === platform);
        if (!attestation)
            throw new Error(`no ${kind} beside the ${platform} image`);
        const manifest = await manifestReader(session.client, image.ref).get(attestation.digest);
        const layer = (0,attest_layout/* statements */.Fn)(manifest.text).find((statement) => statement.kind === kind)?.layer;
        if (!layer)
            throw new Error(`the attestation ${attestation.digest} holds no ${kind} statement`);
        return (await registryOf(session)).getBlob(image.ref.repositoryName, layer.digest);
    }
}
/** The registry's client, loaded on first use. */
async function registryOf(session) {
    const { Registry } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779), __webpack_require__.e(306)]).then(__webpack_require__.bind(__webpack_require__, 3306));
    return new Registry(session.login);
}
/** Each base tag asked of its registry once a step, whatever images and platforms share it. */
class TagCache {
    session;
    asked = new Map();
    constructor(session) {
        this.session = session;
    }
    async lookUp(bases) {
        const named = bases.filter((base) => base.tag !== undefined);
        return Promise.all(named.map(async (base) => {
            const key = `${base.repository}:${base.tag}`;
            let answer = this.asked.get(key);
            if (!answer) {
                answer = Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 5252)).then(({ lookUpTag }) => lookUpTag(base.repository, base.tag, this.session.login));
                this.asked.set(key, answer);
            }
            const found = await answer;
            return 'digest' in found ? { base, digestNow: found.digest } : { base, why: found.why };
        }));
    }
}

;// CONCATENATED MODULE: ./src/steps/build.ts
// Phase: the candidate images. Each image whose SHA tag already names an image reuses it
// (skip-existing); the others are built and pushed in one buildx run: `docker buildx build` for
// one image named by `repository`, one `docker buildx bake` for an images list or a bake file
// (one BuildKit session: stages the images share are built once). With attestations: referrers,
// each image's attestations are then pushed beside it and its SHA tag written on the image
// without them.











/**
 * Builds and pushes what is not there yet. `run`: the runner for buildx (main passes one that
 * also loads the report's renderers once buildx has started, when this process only waits).
 */
async function buildImages(step, session, images, run = step.deps.run) {
    const { inputs } = step;
    step.progress.phase = 'building and pushing';
    await actions_core/* group */.Os('Build and push', async () => {
        // skip-existing per image: a re-run builds only what is missing.
        await Promise.all(images.map(async (image) => {
            if (image.plan.candidate)
                image.candidate = reuseExisting(await image.existing, step, image);
        }));
        const toBuild = images.filter((image) => !image.candidate);
        if (toBuild.length === 0) {
            if ((0,label/* layoutOf */.aH)(inputs) === 'several')
                actions_core/* info */.pq('Every image exists already: nothing to build.');
            return;
        }
        const requests = new Map();
        for (const image of toBuild) {
            const cache = await ecrCache({ cache: inputs.cache, facts: step.facts, image: image.image, repository: image.repository, builder: session.builder }, (0,label/* labelFor */.gt)(inputs, image));
            requests.set(image, buildRequest(step, image.spec, { output: pushOutput(inputs, image.plan, image.image), cache }));
        }
        const results = await runBuilds(step, toBuild.map((image) => ({ spec: image.spec, request: requests.get(image) })), run);
        for (const image of toBuild) {
            const result = results.get(image.spec.name);
            if (!result)
                throw new Error(`buildx pushed nothing for ${image.image}.`);
            image.candidate = attestsBeside(inputs) ? await attestBeside(step, session, image, result) : pushed(step, image, result);
        }
    });
}
/** push: false (e.g. a fork's pull request): every image built, nothing pushed, no AWS call. */
async function buildOnly(step) {
    const { inputs } = step;
    // Without a login the registry is unknown, and so is the cache's reference.
    if (inputs.cache === 'ecr')
        actions_core/* info */.pq('cache: ecr is not used with push: false (no registry login).');
    step.progress.phase = 'building';
    const title = (0,label/* layoutOf */.aH)(inputs) === 'one' ? 'Build (push: false)' : `Build ${(0,label/* imageNames */.s)(inputs.images.map((spec) => ({ spec })))} (push: false)`;
    await actions_core/* group */.Os(title, async () => {
        const builds = inputs.images.map((spec) => ({ spec, request: buildRequest(step, spec, { output: { kind: 'none' } }) }));
        await runBuilds(step, builds, step.deps.run);
    });
}
/** One image: `docker buildx build`; several, or a bake file: one `docker buildx bake`. Each result by image name. */
async function runBuilds(step, builds, run) {
    const { inputs, tempDir, workspace } = step;
    if ((0,label/* layoutOf */.aH)(inputs) === 'one') {
        const [{ spec, request }] = builds;
        const result = await runBuild(request, run);
        return new Map(result ? [[spec.name, result]] : []);
    }
    if (builds.some((build) => build.request.output.kind !== 'none'))
        actions_core/* info */.pq(`Building ${(0,label/* imageNames */.s)(builds)} in one docker buildx bake.`);
    const targets = builds.map(({ spec, request }) => ({ name: spec.name, request, base: spec.bake }));
    return runBake(targets, {
        file: external_node_path_.join(tempDir, 'bake.json'),
        metadataFile: external_node_path_.join(tempDir, 'bake-metadata.json'),
        builder: inputs.builder,
        absolute: (file) => external_node_path_.resolve(workspace, file),
        helpers: inputs.bakeHelpers,
    }, run);
}
function pushed(step, image, result) {
    actions_core/* info */.pq((0,label/* labelFor */.gt)(step.inputs, image)(`Pushed ${image.image}@${result.digest}.`));
    return { digest: result.digest, mediaType: result.mediaType, platform: result.platform, reused: false, metadata: result.raw };
}
/** What buildx is asked for one image: the step's build settings, the image's, our labels, the caches, the output. */
function buildRequest(step, spec, options) {
    const { inputs, facts, tempDir } = step;
    const { output, cache = NO_CACHE } = options;
    const { secrets, provenance, sbom, sbomGenerator, attestations, builder, noCache, pull } = inputs;
    return {
        context: spec.context,
        file: spec.file,
        buildArgs: spec.buildArgs,
        target: spec.target,
        platforms: spec.platforms,
        secrets,
        provenance,
        sbom,
        sbomGenerator,
        attestations,
        builder,
        noCache,
        pull,
        cacheFrom: [...inputs.cacheFrom, ...cache.from],
        cacheTo: [...inputs.cacheTo, ...cache.to],
        labels: mergeLabels(inputs.labels, defaultLabels(facts, new Date())),
        output,
        metadataFile: external_node_path_.join(tempDir, 'build-metadata.json'),
        metadataExtras: metadataNeeded(inputs.policy.rules),
    };
}
/** Where buildx pushes: under the SHA tag, or by digest (sha-tag: false, or the attestations' index to read apart). */
function pushOutput(inputs, plan, image) {
    if (attestsBeside(inputs))
        return { kind: 'push-digest', name: image, referrers: true };
    return plan.candidate ? { kind: 'push-tag', reference: `${image}:${plan.candidate}` } : { kind: 'push-digest', name: image };
}
/**
 * The SHA tag's image, when there is one: reused with skip-existing; otherwise an error now when
 * the repository's tags cannot be moved (the push would fail); undefined: build.
 */
function reuseExisting(existing, step, image) {
    const { repository, plan } = image;
    if (!existing || !plan.candidate)
        return undefined;
    if (step.inputs.skipExisting) {
        actions_core/* info */.pq((0,label/* labelFor */.gt)(step.inputs, image)(`${image.image}:${plan.candidate} already exists (${existing.digest}): skipping build and push (skip-existing).`));
        return { digest: existing.digest, mediaType: existing.mediaType, reused: true };
    }
    if (!canMoveTag(repository, plan.candidate)) {
        throw new Error(`Tag ${plan.candidate} already exists in ${repository.name} on ${existing.digest}, and the repository's tags are ${repository.tagMutability}: ` +
            'pushing would fail. Set skip-existing: true to reuse that image, or push under another tag.');
    }
    return undefined;
}
/**
 * BuildKit's index (pushed by digest, attestations inside) → the attestations pushed beside the
 * image (src/attest/push.ts), then the SHA tag written on the image without them, the way
 * promotion writes tags (PutImage), so a refused attestation leaves the tags as they were.
 */
async function attestBeside(step, session, image, result) {
    const pushedDigest = result.digest;
    const { client } = session;
    const { ref, plan } = image;
    const say = (0,label/* labelFor */.gt)(step.inputs, image);
    const [{ Registry }, { pushAttestationsBeside }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779), __webpack_require__.e(306)]).then(__webpack_require__.bind(__webpack_require__, 3306)), __webpack_require__.e(/* import() */ 841).then(__webpack_require__.bind(__webpack_require__, 9841))]);
    const attested = await pushAttestationsBeside({
        manifests: manifestReader(client, ref),
        registry: new Registry(session.login),
        pushed: pushedDigest,
        created: new Date().toISOString(),
        log: (message) => actions_core/* info */.pq(say(message)),
    });
    if (plan.candidate)
        await putTag(client, ref, attested.manifest, plan.candidate);
    actions_core/* info */.pq(say(`Pushed ${image.image}@${attested.manifest.digest}${plan.candidate ? ` as ${plan.candidate}` : ''}: platform manifests only ` +
        `(BuildKit's own index, with the attestations inside, stays untagged: ${pushedDigest}).`));
    const single = attested.platforms.length === 1 ? attested.platforms[0].platform : undefined;
    return {
        digest: attested.manifest.digest,
        mediaType: attested.manifest.mediaType,
        platform: single,
        reused: false,
        attested,
        metadata: result.raw,
    };
}

;// CONCATENATED MODULE: ./src/ecr/auth.ts
// GetAuthorizationToken → registry host and credentials. The password is handed to `mask`
// before anything else sees it.


async function getRegistryLogin(client, registryId, mask) {
    let response;
    try {
        response = await client.send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6(registryId ? { registryIds: [registryId] } : {}));
    }
    catch (error) {
        if ((0,errors/* errorName */.Is)(error) === 'CredentialsProviderError') {
            throw new Error(`AWS credentials: none were found (${(0,errors/* toMessage */.R9)(error)}). Configure them before this step, e.g. with aws-actions/configure-aws-credentials.`, {
                cause: error,
            });
        }
        if ((0,errors/* isCredentialError */._j)(error)) {
            throw new Error(`AWS credentials: ecr:GetAuthorizationToken was refused with ${(0,errors/* errorName */.Is)(error)}: ${(0,errors/* toMessage */.R9)(error)} ` +
                'Check the credentials (e.g. aws-actions/configure-aws-credentials) and that the role allows ecr:GetAuthorizationToken.', { cause: error });
        }
        throw new Error(`Could not log in to Amazon ECR: ${(0,errors/* toMessage */.R9)(error)}`, { cause: error });
    }
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
        endpoint: /^https?:\/\//.test(data.proxyEndpoint)
            ? data.proxyEndpoint.replace(/\/+$/, '')
            : `https://${data.proxyEndpoint.replace(/\/+$/, '')}`,
        username: decoded.slice(0, colon),
        password,
    };
}

;// CONCATENATED MODULE: ./src/ecr/docker-login.ts




/** `onStart`: called when docker's process is being started (on the first attempt), or when the login ends. */
async function dockerLogin(login, run, seams = retry_defaults/* actionRetrySeams */.i, onStart) {
    const what = `docker login to ${login.registry}`;
    await (0,retry/* withRetry */.bD)({ ...seams, what, transient: util_transient/* commandTransientCause */.Rl }, async () => {
        const result = await run('docker', ['login', '--username', login.username, '--password-stdin', login.registry], {
            input: Buffer.from(login.password),
            silent: true,
            ignoreReturnCode: true,
            ...(onStart ? { onStart } : {}),
        });
        if (result.exitCode !== 0) {
            const reason = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
            throw new exec.CommandError(`${what} failed: ${reason}`, reason);
        }
    });
}

;// CONCATENATED MODULE: ./src/util/promises.ts
// Small promise helpers the pipeline uses to overlap its work.
/** A promise awaited later: until then its rejection is not "unhandled" (it is thrown where awaited). */
function background(promise) {
    promise.catch(() => undefined);
    return promise;
}

;// CONCATENATED MODULE: ./src/steps/login.ts
// Phase: log in to Amazon ECR, once for the step, whatever the number of images. The token is
// asked before the group opens; docker logs in with it through standard input; the state the
// post phase reads (which registry to log out of) is saved before docker runs, so a job cancelled
// in the middle of the login is still logged out.





/**
 * `started` is called with the registry once docker's process has started (after its synchronous
 * spawn, not inside it): the look-ups that need no docker login start then, beside it.
 */
async function logIn(step, client, started = () => undefined) {
    const { inputs, deps } = step;
    step.progress.phase = 'logging in to Amazon ECR';
    // Asked before the group opens; a retry's warning is written inside it (after a round trip).
    const asked = background(getRegistryLogin(client, inputs.registryId, (secret) => actions_core/* setSecret */.Pq(secret)));
    return actions_core/* group */.Os('Log in to Amazon ECR', async () => {
        const credentials = await asked;
        actions_core/* saveState */.LZ(state/* STATE */.c.registries, JSON.stringify([credentials.registry]));
        actions_core/* saveState */.LZ(state/* STATE */.c.skipLogout, String(inputs.skipLogout));
        await dockerLogin(credentials, deps.run, undefined, () => started(credentials.registry));
        actions_core/* info */.pq(`Logged in to ${credentials.registry}.`);
        return credentials;
    });
}

;// CONCATENATED MODULE: ./src/steps/platforms.ts
// Phase: each candidate's platform manifests (what ECR scans: never an index) and its manifest
// (the one ECR serves under the digest), which promotion copies under the other tags. An index
// is read at once (its entries are the platforms); a single-platform image that buildx described
// (digest, media type, platform) is not read until a promotion needs it, which most runs (a
// branch push, a pull request) do not.


async function resolvePlatforms(session, images) {
    await Promise.all(images.map(async (image) => {
        const resolved = await platformsOf(session, image);
        image.manifest = resolved.manifest;
        image.platforms = resolved.platforms;
    }));
}
async function platformsOf(session, image) {
    const { client, builder } = session;
    const { candidate, ref, spec } = image;
    if (!candidate)
        throw new Error(`internal: ${spec.name} has no candidate image`);
    if (candidate.attested) {
        const { manifest, platforms } = candidate.attested;
        return { manifest: () => Promise.resolve(manifest), platforms };
    }
    // A single manifest needs its platform named. buildx says it for what it pushed; for a reused
    // image (skip-existing) only the builder's default can, so it is asked alongside the read.
    const named = spec.platforms.length === 1 ? spec.platforms[0] : candidate.platform;
    const known = candidate.mediaType !== undefined && !(0,shared_manifest/* isIndex */.nw)(candidate.mediaType, {});
    if (known && named !== undefined && !candidate.reused) {
        let read;
        return {
            manifest: () => (read ??= getManifest(client, ref, candidate.digest)),
            platforms: [{ platform: named, digest: candidate.digest }],
        };
    }
    const early = named === undefined && (known || candidate.mediaType === undefined) ? builder.platform() : undefined;
    const manifest = await getManifest(client, ref, candidate.digest);
    const mediaType = manifest.mediaType ?? candidate.mediaType;
    const single = (0,shared_manifest/* isIndex */.nw)(mediaType, JSON.parse(manifest.text))
        ? 'unknown'
        : (named ?? (await (early ?? builder.platform())));
    return { manifest: () => Promise.resolve(manifest), platforms: (0,shared_manifest/* platformManifests */.OS)(candidate.digest, manifest.text, mediaType, single) };
}

// EXTERNAL MODULE: ./node_modules/semver/classes/semver.js
var semver = __webpack_require__(7163);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/semver/functions/gt.js
var gt = __webpack_require__(6599);
var gt_default = /*#__PURE__*/__webpack_require__.n(gt);
// EXTERNAL MODULE: ./node_modules/semver/functions/gte.js
var gte = __webpack_require__(1236);
var gte_default = /*#__PURE__*/__webpack_require__.n(gte);
// EXTERNAL MODULE: ./node_modules/semver/functions/prerelease.js
var prerelease = __webpack_require__(5714);
var prerelease_default = /*#__PURE__*/__webpack_require__.n(prerelease);
// EXTERNAL MODULE: ./node_modules/semver/functions/valid.js
var valid = __webpack_require__(8780);
var valid_default = /*#__PURE__*/__webpack_require__.n(valid);
;// CONCATENATED MODULE: ./src/tags/plan.ts
// Pure: event facts + inputs → which tags this run writes. The build pushes only the
// candidate (the SHA tag); everything else is a promotion written after the gate passes.
// semver's parts, not its index: the index also loads ranges and every other function (~80 KB
// the main phase would compile at every start).






const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const HEX40 = /^[0-9a-f]{40}$/;
function isValidDockerTag(tag) {
    return DOCKER_TAG.test(tag);
}
/** A release tag (`v1.2.3`, `1.2.3-rc.1`, `v1.2.3+build.5`) as a semver version, or undefined. */
function releaseVersion(tag) {
    const stripped = tag.replace(/^v/, '');
    if (!valid_default()(stripped))
        return undefined;
    return new (semver_default())(stripped);
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
            throw new errors/* InputError */.dz(`Input "tags" has ${(0,errors/* quoted */.TL)(entry)}, a reference without a tag; accepted: tag names, or image:tag references to ${image ?? repository}.`);
        }
        return entry;
    }
    const name = entry.slice(0, colon);
    const tag = entry.slice(colon + 1);
    // Before login the registry host is not known yet: accept any registry, check it after.
    const sameImage = image === undefined ? name === repository || name.endsWith(`/${repository}`) : name === image || name === repository;
    if (!sameImage) {
        throw new errors/* InputError */.dz(`Input "tags" has ${(0,errors/* quoted */.TL)(entry)}, which names another image (${(0,errors/* oneLine */.TN)(name)}); accepted: tag names, or references to ${image ?? repository} (the tags of other images are written by their own step).`);
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
            throw new errors/* InputError */.dz(`Input "sha-tag" is "${inputs.shaTag}" but the commit SHA is ${sha === '' ? 'not set (GITHUB_SHA is empty)' : `${(0,errors/* quoted */.TL)(sha)}, not 40 hex digits`}; accepted: sha-tag false, or a run with a commit.`);
        }
        plan.candidate = inputs.shaTag === 'full' ? sha : sha.slice(0, 7);
    }
    const seen = new Set(plan.candidate ? [plan.candidate] : []);
    const add = (tag, kind) => {
        // A semver prerelease can be longer than the 128 characters Docker allows in a tag.
        if (seen.has(tag) || !isValidDockerTag(tag))
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
    const stableRelease = plan.version !== undefined && prerelease_default()(plan.version) === null && release?.prerelease !== true;
    if (inputs.latest === 'true' || (inputs.latest === 'auto' && stableRelease))
        add('latest', 'latest');
    return plan;
}
/** A floating tag: `1.2`, `1`, and `latest` when it is `auto` (it follows the highest release). */
function isFloating(promotion, latestMode) {
    return promotion.kind === 'minor' || promotion.kind === 'major' || (promotion.kind === 'latest' && latestMode === 'auto');
}
/** Whether release `v` is in the line of a floating tag of `current` (`1.2`: 1.2.x; `1`: 1.x; `latest`: any). */
function inLine(kind, current, v) {
    return kind === 'minor' ? v.major === current.major && v.minor === current.minor : kind === 'major' ? v.major === current.major : true;
}
/** The highest stable release in a floating tag's line (`1.2`: 1.2.x; `1`: 1.x; `latest`: any), and the tag that names it. */
function highestInLine(kind, current, tags) {
    let highest;
    for (const tag of tags) {
        const v = releaseVersion(tag);
        if (v === undefined || v.prerelease.length > 0)
            continue;
        if (inLine(kind, current, v) && (highest === undefined || gt_default()(v, highest.version)))
            highest = { version: v, tag };
    }
    return highest;
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
    for (const promotion of plan.promotions) {
        if (!isFloating(promotion, latestMode) || version === undefined) {
            write.push(promotion);
            continue;
        }
        const current = new (semver_default())(version);
        const highest = highestInLine(promotion.kind, current, existingTags);
        if (highest === undefined || gte_default()(current, highest.version))
            write.push(promotion);
        else
            held.push({ ...promotion, reason: `${highest.version.version} is newer` });
    }
    return { write, held };
}
/**
 * Floating tags move forward only, whatever overlaps: after this run wrote its floating tags
 * (`written`), the repository's tags are read again (`tagsNow`: tag → digest). A floating tag of
 * this run's whose line now holds a higher release (written meanwhile by an overlapping run,
 * whose own floating tags this run's writes may have overtaken) goes back to that release's
 * image, unless it is there already. When this run's release is the highest in the line and the
 * tag now names a lower release's image (that run's write landed after this one's, and its own
 * read missed this release), it comes back to this image (`digest`). Two runs that both repair
 * end at the same tags.
 */
function floatingRepairs(plan, written, tagsNow, latestMode, 
/** This run's image. */
digest) {
    if (plan.version === undefined)
        return [];
    const current = new (semver_default())(plan.version);
    const own = plan.promotions.find((p) => p.kind === 'release')?.tag;
    const tags = [...tagsNow.keys()];
    const repairs = [];
    for (const promotion of plan.promotions) {
        if (!isFloating(promotion, latestMode) || !written.includes(promotion.tag))
            continue;
        const now = tagsNow.get(promotion.tag);
        const highest = highestInLine(promotion.kind, current, tags);
        if (highest !== undefined && gt_default()(highest.version, current)) {
            const target = tagsNow.get(highest.tag);
            if (target !== undefined && now !== target)
                repairs.push({ tag: promotion.tag, release: highest.tag, digest: target });
            continue;
        }
        if (digest === undefined || own === undefined || now === undefined || now === digest)
            continue;
        const lower = lowerReleaseNaming(now, promotion.kind, current, tagsNow);
        if (lower !== undefined)
            repairs.push({ tag: promotion.tag, release: own, digest, overtook: lower });
    }
    return repairs;
}
/** A stable release tag in the line below `current` that names `digest`, if any. */
function lowerReleaseNaming(digest, kind, current, tagsNow) {
    for (const [tag, named] of tagsNow) {
        if (named !== digest)
            continue;
        const v = releaseVersion(tag);
        if (v === undefined || v.prerelease.length > 0 || !gt_default()(current, v) || !inLine(kind, current, v))
            continue;
        return tag;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/steps/promote.ts
// Phase: promote on pass. After the step's verdict, every image's release tags, floating tags
// and extra tags are written by copying its candidate's manifest (BatchGetImage → PutImage),
// never by pushing again; all or nothing: when the verdict holds them back, no image gets them.






/** Writes each image's promotions when the verdict allows; what each image got, in `image.promoted`. */
async function promoteImages(step, session, images, verdict) {
    const { inputs } = step;
    for (const image of images)
        image.promoted = { written: [], heldBack: verdict.heldBack.get(image.spec.name) ?? [] };
    if (!verdict.mayPromote) {
        // One image's report says what it held back; several images' lines say which held which.
        if ((0,label/* layoutOf */.aH)(inputs) === 'several') {
            for (const image of images) {
                for (const held of image.promoted?.heldBack ?? [])
                    actions_core/* info */.pq(`${image.spec.name}: held back ${held.tag}: ${held.reason}.`);
            }
        }
        return;
    }
    if (images.every((image) => image.plan.promotions.length === 0))
        return;
    step.progress.phase = 'promoting tags';
    await actions_core/* group */.Os('Promote tags', async () => {
        for (const image of images) {
            if (image.plan.promotions.length === 0 || !image.manifest)
                continue;
            const say = (0,label/* labelFor */.gt)(inputs, image);
            const result = await promoteTags(session.client, image.ref, image.repository, image.plan, inputs.latest, await image.manifest());
            for (const warning of result.warnings)
                actions_core/* warning */.$e(say(warning));
            if (result.written.length > 0)
                actions_core/* info */.pq(say(`Tagged ${result.written.join(', ')}.`));
            for (const moved of result.movedBack) {
                actions_core/* info */.pq(say(`Moved ${moved.tag} to ${moved.release} (${moved.digest}): a newer release was promoted while this run was; floating tags move forward only.`));
            }
            for (const restored of result.restored) {
                actions_core/* info */.pq(say(`Put ${restored.tag} back on ${restored.release} (this release): ${restored.overtook}, an older release promoted at the same time, had moved it; floating tags move forward only.`));
            }
            for (const held of result.heldBack)
                if (!result.movedBack.some((m) => m.tag === held.tag))
                    actions_core/* info */.pq(say(`Held back ${held.tag}: ${held.reason}.`));
            image.promoted = { written: result.written, heldBack: result.heldBack };
        }
    });
}
const FLOATING = new Set(['minor', 'major', 'latest']);
async function promoteTags(client, ref, repository, plan, latestMode, 
/** The candidate's manifest, as read after the push: copied, never fetched again. */
manifest) {
    const digest = manifest.digest;
    const result = { written: [], heldBack: [], warnings: [], movedBack: [], restored: [] };
    if (plan.promotions.length === 0)
        return result;
    const existing = await listTags(client, ref);
    const { write, held } = moveFloatingTags(plan, [...existing.keys()], latestMode);
    for (const promotion of held)
        result.heldBack.push({ tag: promotion.tag, reason: `not moved: ${promotion.reason}` });
    for (const promotion of write) {
        if (existing.get(promotion.tag) === digest) {
            result.written.push(promotion.tag); // a re-run: already there
            continue;
        }
        try {
            await putTag(client, ref, manifest, promotion.tag);
            result.written.push(promotion.tag);
        }
        catch (error) {
            if ((0,errors/* errorName */.Is)(error) !== 'ImageTagAlreadyExistsException')
                throw error;
            const current = existing.get(promotion.tag) ?? 'another image';
            if (FLOATING.has(promotion.kind) || promotion.kind === 'extra') {
                const message = `Tag "${promotion.tag}" was not moved to this image: repository ${repository.name} is ${repository.tagMutability} and the tag is on ${current}. ` +
                    `To let it move, use tag-mutability IMMUTABLE_WITH_EXCLUSION with the exclusion filter "${promotion.tag}".`;
                result.warnings.push(message);
                result.heldBack.push({ tag: promotion.tag, reason: `immutable repository: the tag stays on ${current}` });
            }
            else {
                throw new Error(`Tag "${promotion.tag}" already exists in ${repository.name} on ${current}, and the repository is immutable: ` +
                    'a release tag cannot be rewritten. Publish a new version, or remove the old tag first.', { cause: error });
            }
        }
    }
    await repairFloatingTags(client, ref, repository, plan, latestMode, manifest, result);
    return result;
}
/** Enough rounds for releases that keep landing while this run repairs; each round is one ListImages. */
const REPAIR_ROUNDS = 3;
/**
 * Floating tags move forward only, whatever overlaps. ECR has no compare-and-swap for a tag: two
 * releases promoted at once each list the tags, each find their release the highest, and the
 * lower one's write can land last. So once this run's floating tags are written, the tags are
 * read again, and each that a higher release's line now claims goes to that release's image (a
 * copy of the manifest its own tag names); when this run's release is the highest and a lower
 * release's write landed after this run's, the tag comes back to this image. Whichever run writes
 * a floating tag last reads the tags after that write, so the last writer repairs what any other
 * got wrong; a repair is itself a write, so the tags are read again after it (a third release
 * may have landed meanwhile) until nothing is left to repair. Where the floating tags point now
 * is read as a pull reads it (BatchGetImage by tag), not from ListImages, which may still show a
 * tag where it was before the other run's write: ListImages only says which releases exist. In a
 * repository whose tags cannot move, a floating tag is held back as before, and nothing is
 * repaired.
 */
async function repairFloatingTags(client, ref, repository, plan, latestMode, manifest, result) {
    const ours = plan.promotions
        .filter((p) => FLOATING.has(p.kind) && result.written.includes(p.tag) && canMoveTag(repository, p.tag))
        .map((p) => p.tag);
    if (ours.length === 0)
        return;
    for (let round = 0; round < REPAIR_ROUNDS; round++) {
        const [listed, pointing] = await Promise.all([listTags(client, ref), readTags(client, ref, ours)]);
        const tagsNow = new Map(listed);
        for (const tag of ours) {
            const digest = pointing.get(tag);
            if (digest === undefined)
                tagsNow.delete(tag);
            else
                tagsNow.set(tag, digest);
        }
        const repairs = floatingRepairs(plan, ours, tagsNow, latestMode, manifest.digest);
        if (repairs.length === 0)
            return;
        for (const repair of repairs) {
            if (repair.overtook !== undefined) {
                await putTag(client, ref, manifest, repair.tag);
                result.restored = [...result.restored.filter((restored) => restored.tag !== repair.tag), repair];
                continue;
            }
            await putTag(client, ref, await getManifest(client, ref, repair.digest), repair.tag);
            result.written = result.written.filter((tag) => tag !== repair.tag);
            result.heldBack = result.heldBack.filter((held) => held.tag !== repair.tag);
            result.heldBack.push({ tag: repair.tag, reason: `moved to ${repair.release}: a newer release, promoted while this run was` });
            result.movedBack = [...result.movedBack.filter((moved) => moved.tag !== repair.tag), repair];
        }
    }
}

// EXTERNAL MODULE: ./src/gate/signing.ts
var signing = __webpack_require__(9324);
;// CONCATENATED MODULE: ./src/scan/schedule.ts
// Pure: when to ask ECR about a scan again.
//
// The goal (checked by the benchmark): a scan that has finished is noticed within
// max(1 s, 10% of the time waited so far), with about one call per second at most.
// The first check is immediate (a re-run's scan is often complete already); after that the
// delay is that bound itself, so the wait backs off as it grows long.
//
// Jitter keeps concurrent waits (platforms, matrix legs) from asking in lockstep once the
// delays grow. It is 10% wide, taken off the bound rather than spread around it (a delay past
// the bound would break the goal above), and never below 1 s (which would break "one call per
// second"): at the floor the delay is exactly 1 s.
/** Shortest delay between two checks: the "1 s" of the goal. */
const MIN_DELAY_MS = 1000;
/** Share of the time waited so far that the delay grows to. */
const GROWTH = 0.1;
/** Width of the jitter, as a share of the delay. */
const JITTER = 0.1;
/**
 * Milliseconds to wait before the next check, given the time waited so far and the time left
 * before the deadline. Never more than the time left; 0 means the deadline has come.
 * `random` returns a number in [0, 1), as Math.random does.
 */
function nextDelay(waitedMs, remainingMs, random) {
    if (!(remainingMs > 0))
        return 0;
    const bound = Math.max(MIN_DELAY_MS, GROWTH * Math.max(0, waitedMs));
    const delay = Math.max(MIN_DELAY_MS, Math.floor(bound * (1 - JITTER * unit(random()))));
    return Math.min(delay, remainingMs);
}
/**
 * The times (ms after the start) at which a wait of `timeoutMs` would check, each call taking
 * `callMs`: what waitForFindings does when the scan never finishes. For the benchmark and tests.
 */
function pollSchedule(timeoutMs, random, callMs = 0) {
    const checks = [];
    let now = 0;
    while (now < timeoutMs) {
        checks.push(now);
        now += callMs;
        const delay = nextDelay(now, timeoutMs - now, random);
        if (delay <= 0)
            break;
        now += delay;
    }
    return checks;
}
function unit(value) {
    if (!Number.isFinite(value))
        return 0;
    return Math.min(1, Math.max(0, value));
}

;// CONCATENATED MODULE: ./src/steps/signing.ts
// Phase: ECR managed signing (input `signing`), awaited before any promotion. Before the build,
// the registry's signing configuration (GetSigningConfiguration): which signing profiles apply to
// each image's repository; `require` stops the step when none does. After the push, beside the
// scan and under its deadline and back-off, DescribeImageSigningStatus for every digest the step
// pushed (the index and each platform manifest), until every matching profile is COMPLETE; a
// FAILED status or no signature in time holds every image back (src/gate/verdict.ts).






/**
 * Reads the signing configuration once, before anything is built. `auto`: no configuration, or
 * no permission to read it (a warning naming ecr:GetSigningConfiguration), waits for nothing;
 * `require`: either stops the step, as does a configuration no rule of which matches an image.
 */
async function planSigning(step, session, repositories) {
    const mode = step.inputs.signing;
    if (mode === 'off')
        return { wait: false, why: 'signing: off' };
    let rules;
    try {
        const answer = await session.client.send(new dist_cjs/* GetSigningConfigurationCommand */.tUh({}));
        if (step.inputs.registryId && answer.registryId && answer.registryId !== step.inputs.registryId) {
            return refuse(mode, `the signing configuration read is account ${answer.registryId}'s, and registry-id names ${step.inputs.registryId}: another account's managed signing cannot be read from here`);
        }
        rules = (answer.signingConfiguration?.rules ?? []).map((rule) => ({
            signingProfileArn: rule.signingProfileArn ?? '',
            repositoryFilters: (rule.repositoryFilters ?? []).map((f) => ({ filter: f.filter ?? '', filterType: f.filterType })),
        }));
    }
    catch (error) {
        const name = (0,errors/* errorName */.Is)(error);
        if (name === 'SigningConfigurationNotFoundException')
            return refuse(mode, 'the registry has no signing configuration');
        if (name === 'AccessDeniedException') {
            return refuse(mode, `the signing configuration could not be read (AccessDeniedException): allow ecr:GetSigningConfiguration (docs/iam-policy.json) to wait for ECR's managed signatures`, true);
        }
        throw error;
    }
    const unmatched = repositories.filter((repository) => (0,signing/* matchingProfiles */.kV)(rules, repository).length === 0);
    if (mode === 'require' && unmatched.length > 0) {
        throw new errors/* InputError */.dz(`Input "signing" is require, and no rule of the registry's signing configuration matches ${unmatched.map((r) => `"${r}"`).join(', ')}: add a repository filter for it (PutSigningConfiguration), or set signing: auto.`);
    }
    return { wait: true, rules };
}
function refuse(mode, why, warn = false) {
    if (mode === 'require')
        throw new errors/* InputError */.dz(`Input "signing" is require, and ${why}.`);
    if (warn)
        actions_core/* warning */.$e(`Managed signing not awaited: ${why}.`);
    else
        actions_core/* info */.pq(`Managed signing: ${why}; nothing to wait for (signing: auto).`);
    return { wait: false, why };
}
/**
 * Waits for each image's managed signatures, beside the scan and under its deadline; logs nothing
 * until the end (the scan's log group is open), then each image's outcome. Never rejects for a
 * signature that failed or did not come: that is the verdict's (image.signatures).
 */
async function awaitSignatures(step, session, images, plan, deadline) {
    if (!plan.wait)
        return;
    await Promise.all(images.map(async (image) => {
        const profiles = (0,signing/* matchingProfiles */.kV)(plan.rules, image.ref.repositoryName);
        image.signatures =
            profiles.length === 0 ? { profiles, digests: [], outcome: 'none' } : await waitForImage(step, session, image, profiles, deadline);
    }));
}
/** The log's lines, once the scan's group is done. */
function logSignatures(step, images) {
    for (const image of images) {
        const signatures = image.signatures;
        if (!signatures)
            continue;
        const say = (0,label/* labelFor */.gt)(step.inputs, image);
        if (signatures.outcome === 'none')
            actions_core/* info */.pq(say('Managed signing: no rule of the signing configuration matches this repository.'));
        else if (signatures.outcome === 'signed') {
            const digests = signatures.digests.filter((d) => d.statuses.length > 0).map((d) => d.digest);
            actions_core/* info */.pq(say(`Signed by ECR (${signatures.profiles.map(signing/* shortProfile */.C1).join(', ')}): ${digests.join(', ')}.`));
        }
        else if (signatures.outcome === 'timeout' && step.inputs.onScanIncomplete === 'warn')
            actions_core/* warning */.$e(say(signatures.problem));
        else
            actions_core/* info */.pq(say(signatures.problem));
    }
}
async function waitForImage(step, session, image, profiles, deadline) {
    const { deps } = step;
    const digests = [...new Set([image.candidate.digest, ...(image.platforms ?? []).map((p) => p.digest)])];
    const started = deps.clock.now();
    let answers;
    for (;;) {
        answers = await Promise.all(digests.map((digest) => signing_describe(session, image, digest)));
        const state = (0,signing/* imageSigning */.hc)(profiles, answers);
        if (state.state === 'signed')
            return { profiles, digests: answers, outcome: 'signed' };
        if (state.state === 'failed') {
            return {
                profiles,
                digests: answers,
                outcome: 'failed',
                problem: `ECR's managed signing failed: ${(0,signing/* signingFailureText */.Pv)(state.failures)}.`,
            };
        }
        const delay = nextDelay(deps.clock.now() - started, deadline - deps.clock.now(), deps.random);
        if (delay <= 0) {
            return {
                profiles,
                digests: answers,
                outcome: 'timeout',
                problem: `ECR's managed signature did not arrive within scan-timeout (${step.inputs.scanTimeoutSeconds} s): still waiting for ${state.waitingFor.join(', ')}.`,
            };
        }
        await deps.sleep(delay);
    }
}
async function signing_describe(session, image, digest) {
    try {
        const answer = await session.client.send(new dist_cjs/* DescribeImageSigningStatusCommand */.feV({ ...image.ref, imageId: { imageDigest: digest } }));
        return {
            digest,
            statuses: (answer.signingStatuses ?? []).map((s) => ({
                signingProfileArn: s.signingProfileArn ?? '',
                status: s.status ?? 'IN_PROGRESS',
                ...(s.failureCode ? { failureCode: s.failureCode } : {}),
                ...(s.failureReason ? { failureReason: s.failureReason } : {}),
            })),
        };
    }
    catch (error) {
        if ((0,errors/* errorName */.Is)(error) === 'AccessDeniedException') {
            throw new Error(`DescribeImageSigningStatus was refused (allow ecr:DescribeImageSigningStatus, docs/iam-policy.json): ${(0,errors/* toMessage */.R9)(error)}`, {
                cause: error,
            });
        }
        throw error;
    }
}
/**
 * The verdict's words for an image whose managed signature failed or did not come in time, or
 * whose signing with a key failed (src/gate/signing.ts).
 */
function signingFailure(step, image) {
    return (0,signing/* signingFailures */.F5)((0,signing/* signingFailureOf */.lR)(image.signatures, step.inputs.onScanIncomplete), (0,signing/* keySigningFailureOf */.mr)(image.keySignatures));
}

;// CONCATENATED MODULE: ./src/steps/sign-plan.ts
// Phase: the key that signs (signing: awskms://…), asked what it is before anything is built
// (kms:GetPublicKey, beside the repository lookup). Apart from src/steps/sign.ts, which signs
// after the verdict: that phase and the Sigstore libraries load while buildx builds, not on the
// way to the first API call.


/** The key's signer, made before anything is built (kms:GetPublicKey): undefined when no key signs. */
async function planKeySigning(step, ref) {
    if (!ref)
        return undefined;
    const { createKmsClient, kmsSigner } = await Promise.all(/* import() */[__webpack_require__.e(632), __webpack_require__.e(124)]).then(__webpack_require__.bind(__webpack_require__, 4124));
    const client = await (step.deps.createKmsClient ?? ((region, key) => createKmsClient(region, key)))((0,kms_key/* kmsRegion */.WN)(ref, step.inputs.awsRegion), ref);
    const signer = await kmsSigner(client, ref);
    actions_core/* info */.pq(`Signing with ${signer.name} (${signer.key}); cosign verifies with its public key.`);
    return signer;
}

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
/** The repository, created when it is missing and create-repository is set. `registry` (the host) names it when it is missing. */
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

;// CONCATENATED MODULE: ./src/steps/repositories.ts
// Phase: each image's repository, found (or created when asked) side by side, its lifecycle
// policy applied, and its SHA tag's image looked up for skip-existing. None of this needs the
// docker login: it starts once docker's process has (startLookups), runs beside it, and is
// awaited and written to the log in its own group afterwards (lookUpRepositories).









/** The tags of one image (registry/repository `image`; undefined before the login, to check the inputs). */
function planTags(step, spec, image) {
    const { shaTag, releaseTags, latest, tags } = step.inputs;
    return computeTagPlan(step.facts, { shaTag, releaseTags, latest, tags, repository: spec.repository }, image);
}
/**
 * Starts every image's look-ups at once. A re-run reuses an existing single-platform image, whose
 * platform only the builder can name: then the builder is asked now, alongside the login.
 */
function startLookups(step, client, builder, registry) {
    const { inputs } = step;
    const creation = inputs.cache === 'ecr' ? creationWithCache(inputs) : undefined;
    return inputs.images.map((spec) => {
        const settings = { ...inputs, repository: spec.repository, ...(creation ?? {}) };
        const repository = background(ensureRepository(client, settings, registry));
        const candidate = planTags(step, spec, undefined).candidate;
        const existing = candidate
            ? background(repository.then(async (info) => {
                const found = await findImageByTag(client, { repositoryName: info.name, registryId: inputs.registryId }, candidate);
                if (found && inputs.skipExisting && spec.platforms.length !== 1 && !(0,shared_manifest/* isIndex */.nw)(found.mediaType, {}))
                    builder.start();
                return found;
            }))
            : undefined;
        return { spec, repository, existing };
    });
}
/** The repositories, awaited and written to the log; each image's run, its tags planned. */
async function lookUpRepositories(step, client, registry, lookups) {
    const { inputs } = step;
    const one = (0,label/* layoutOf */.aH)(inputs) === 'one';
    step.progress.phase = one ? `looking up repository ${inputs.images[0].repository}` : 'looking up the repositories';
    const creation = inputs.cache === 'ecr' ? creationWithCache(inputs) : undefined;
    const title = one ? `Repository ${inputs.images[0].repository}` : `Repositories (${lookups.length})`;
    const images = await actions_core/* group */.Os(title, async () => Promise.all(lookups.map(async ({ spec, repository: lookup, existing }) => {
        const repository = await lookup;
        const say = (0,label/* labelFor */.gt)(inputs, { spec });
        if (repository.created && creation?.note)
            actions_core/* info */.pq(say(creation.note));
        actions_core/* info */.pq(say(`${repository.created ? 'Created' : 'Found'} ${repository.name}: scan-on-push ${repository.scanOnPush ? 'on' : 'off'}, tags ${repository.tagMutability}.`));
        if (inputs.lifecyclePolicy)
            await applyLifecyclePolicy(client, repository, inputs.lifecyclePolicy.text);
        const image = `${registry}/${spec.repository}`;
        return {
            spec,
            image,
            ref: { repositoryName: repository.name, registryId: inputs.registryId },
            repository,
            plan: planTags(step, spec, image),
            ...(existing ? { existing } : {}),
        };
    })).then(async (runs) => {
        if (inputs.lifecyclePolicy) {
            actions_core/* info */.pq(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path}${one ? '' : ' to each repository'}.`);
            // ECR's lifecycle rules exempt no artifact with a subject: one warning, whatever the number of repositories.
            const beside = [attestsBeside(inputs) ? 'the SBOM and provenance' : '', inputs.signingKey ? 'the signatures' : ''].filter(Boolean);
            const warning = beside.length > 0
                ? (await __webpack_require__.e(/* import() */ 409).then(__webpack_require__.bind(__webpack_require__, 5409))).lifecycleWarning(inputs.lifecyclePolicy.text, beside.join(' and '))
                : undefined;
            if (warning)
                actions_core/* warning */.$e(warning);
        }
        return runs;
    }));
    return images;
}

// EXTERNAL MODULE: ./src/gate/ignore.ts
var ignore = __webpack_require__(2889);
// EXTERNAL MODULE: ./src/inspector/risk-scores.ts
var risk_scores = __webpack_require__(5708);
;// CONCATENATED MODULE: ./src/inspector/risk-step.ts

async function applyRisk(scans, options) {
    const asked = options.epssThreshold !== undefined || options.failOnExploitable;
    const scanned = scans.filter((scan) => scan.complete);
    const enhanced = scanned.some((scan) => scan.scanType === 'ENHANCED');
    if (!asked)
        return { scans, gate: { failOnExploitable: false }, notes: [] };
    if (!enhanced) {
        // Nothing scanned (a timeout, an index) is the gate's own "incomplete"; basic scanning is ours to say.
        const notes = scanned.length > 0 ? [basicScanningNote(options)] : [];
        return { scans, gate: { failOnExploitable: false }, notes };
    }
    if (options.epssThreshold === undefined)
        return { scans, gate: { failOnExploitable: options.failOnExploitable }, notes: [] };
    const { readRiskScores } = await Promise.all(/* import() */[__webpack_require__.e(222), __webpack_require__.e(590)]).then(__webpack_require__.bind(__webpack_require__, 3590));
    const result = await readRiskScores({
        client: options.client ?? (async () => (await Promise.all(/* import() */[__webpack_require__.e(222), __webpack_require__.e(10)]).then(__webpack_require__.bind(__webpack_require__, 9010))).createInspectorClient(options.region)),
        repositoryName: options.repositoryName,
        registryId: options.registryId,
        scans,
        epssThreshold: options.epssThreshold,
    });
    const { scores } = result;
    if (!scores)
        return { scans, gate: { failOnExploitable: options.failOnExploitable }, notes: result.warning ? [result.warning] : [] };
    return {
        scans: scans.map((scan) => ({ ...scan, findings: (0,risk_scores/* withRiskScores */.z)(scan.findings, scores) })),
        gate: { epssThreshold: options.epssThreshold, failOnExploitable: options.failOnExploitable },
        notes: [],
    };
}
/** One warning for both inputs: which were set, why they cannot apply, what the gate does. */
function basicScanningNote(options) {
    const names = [
        options.epssThreshold !== undefined ? 'epss-threshold' : '',
        options.failOnExploitable ? 'fail-on-exploitable' : '',
    ].filter(Boolean);
    const subject = names.length === 2 ? `${names[0]} and ${names[1]} need` : `${names[0]} needs`;
    return `${subject} enhanced scanning (Amazon Inspector), and this repository's registry uses basic scanning: ${names.length === 2 ? 'they do' : 'it does'} not apply, and the gate uses severity alone.`;
}

;// CONCATENATED MODULE: ./src/scan/pace.ts
// At most one DescribeImageScanFindings call per second to a repository, whatever the number of
// waits asking it: each platform of a multi-platform image is a wait of its own, and so is each
// platform of a pull request's base image (same repository), and ECR sees them together.
// A wait takes its turn before each status check (the first page of a read); the pages of a
// finished scan's findings follow their first at once (they read one final result).

class CallPacer {
    clock;
    sleep;
    intervalMs;
    next = new Map();
    constructor(clock, sleep, intervalMs = MIN_DELAY_MS) {
        this.clock = clock;
        this.sleep = sleep;
        this.intervalMs = intervalMs;
    }
    /**
     * Resolves when a call to `key` (a repository) may start: at once when none started within
     * `intervalMs`, else at the next free turn, which this call then holds. A stopped wait's
     * `signal` ends the sleep early; the turn stays taken (a second later is only one call less).
     */
    async turn(key, signal) {
        const now = this.clock.now();
        const at = Math.max(now, this.next.get(key) ?? now);
        this.next.set(key, at + this.intervalMs);
        if (at > now)
            await this.sleep(at - now, signal);
    }
}
/** The key of a repository's turns: its registry and name. */
function repositoryKey(ref) {
    return `${ref.registryId ?? ''}/${ref.repositoryName}`;
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/shared/finding.ts
var shared_finding = __webpack_require__(4316);
;// CONCATENATED MODULE: ./src/scan/normalize.ts


/** Inspector's fixedInVersion when there is no fix. */
const NO_FIX = 'NotAvailable';
const UNKNOWN_ID = 'UNKNOWN';
/** The findings of one page (or all pages) of DescribeImageScanFindings, for one platform. */
function normalizeFindings(findings, platform) {
    return [
        ...(findings?.findings ?? []).map((finding) => normalizeBasicFinding(finding, platform)),
        ...(findings?.enhancedFindings ?? []).flatMap((finding) => normalizeEnhancedFinding(finding, platform)),
    ];
}
function normalizeBasicFinding(finding, platform) {
    const attributes = attributeMap(finding.attributes);
    const cvss3 = toScore(attributes.get('CVSS3_SCORE'));
    const score = cvss3 ?? toScore(attributes.get('CVSS2_SCORE'));
    const scoreVector = score === undefined ? undefined : normalize_text(attributes.get(cvss3 !== undefined ? 'CVSS3_VECTOR' : 'CVSS2_VECTOR'));
    return compact({
        id: normalize_text(finding.name) ?? UNKNOWN_ID,
        severity: (0,severity/* toSeverity */.T_)(finding.severity),
        package: normalize_text(attributes.get('package_name')),
        version: normalize_text(attributes.get('package_version')),
        fixAvailable: 'UNKNOWN',
        uri: normalize_text(finding.uri),
        description: normalize_text(finding.description),
        score,
        scoreVector,
        platform,
    });
}
function normalizeEnhancedFinding(finding, platform) {
    const details = finding.packageVulnerabilityDetails;
    const common = compact({
        id: normalize_text(details?.vulnerabilityId) ?? normalize_text(finding.title) ?? normalize_text(finding.findingArn) ?? UNKNOWN_ID,
        // UNTRIAGED (and anything else unknown) counts as UNDEFINED.
        severity: (0,severity/* toSeverity */.T_)(finding.severity),
        fixAvailable: toFixAvailable(finding.fixAvailable),
        uri: normalize_text(details?.sourceUrl) ?? details?.referenceUrls?.map(normalize_text).find((url) => url !== undefined),
        title: normalize_text(finding.title),
        description: normalize_text(finding.description),
        score: toScore(finding.score) ?? toScore(finding.scoreDetails?.cvss?.score),
        scoreVector: normalize_text(finding.scoreDetails?.cvss?.scoringVector),
        cvss: newestCvss(details?.cvss),
        exploitAvailable: (0,shared_finding/* toExploitAvailable */.SF)(finding.exploitAvailable),
        platform,
    });
    const packages = uniquePackages(details?.vulnerablePackages ?? []);
    if (packages.length === 0)
        return [common];
    return packages.map((pkg) => compact({
        ...common,
        package: normalize_text(pkg.name),
        version: packageVersion(pkg),
        fixedIn: fixedIn(pkg.fixedInVersion),
    }));
}
/**
 * The version as the distribution writes it: epoch:version-release (epoch only when not 0),
 * e.g. 1:2.3.4-5.el9, or 3.0.2-0ubuntu1.10.
 */
function packageVersion(pkg) {
    const version = normalize_text(pkg.version);
    if (version === undefined)
        return undefined;
    const release = normalize_text(pkg.release);
    const epoch = typeof pkg.epoch === 'number' && pkg.epoch > 0 ? `${pkg.epoch}:` : '';
    return `${epoch}${version}${release && !version.endsWith(`-${release}`) ? `-${release}` : ''}`;
}
function uniquePackages(packages) {
    const seen = new Set();
    return packages.filter((pkg) => {
        // The same package can be listed once per file it was found in (e.g. two copies of a jar).
        const key = `${pkg.name ?? ''}\u0000${packageVersion(pkg) ?? ''}\u0000${pkg.fixedInVersion ?? ''}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function fixedIn(value) {
    const version = normalize_text(value);
    return version === NO_FIX ? undefined : version;
}
/**
 * The CVSS base score of the newest CVSS version among those the source lists (a CVE often
 * carries both 2.0 and 3.1); for one version, the first listed. Entries without a score are skipped.
 */
function newestCvss(scores) {
    let best;
    for (const entry of scores ?? []) {
        const baseScore = toScore(entry.baseScore);
        if (baseScore === undefined)
            continue;
        const version = Number.parseFloat(normalize_text(entry.version) ?? '');
        const rank = Number.isFinite(version) ? version : 0;
        if (best && best.version >= rank)
            continue;
        const cvss = { baseScore };
        const vector = normalize_text(entry.scoringVector);
        if (vector !== undefined)
            cvss.vector = vector;
        if (normalize_text(entry.version) !== undefined)
            cvss.version = normalize_text(entry.version);
        if (normalize_text(entry.source) !== undefined)
            cvss.source = normalize_text(entry.source);
        best = { cvss, version: rank };
    }
    return best?.cvss;
}
function toFixAvailable(value) {
    const upper = (value ?? '').toUpperCase();
    return upper === 'YES' || upper === 'NO' || upper === 'PARTIAL' ? upper : 'UNKNOWN';
}
function attributeMap(attributes) {
    const map = new Map();
    for (const attribute of attributes ?? []) {
        if (attribute.key && attribute.value !== undefined && !map.has(attribute.key))
            map.set(attribute.key, attribute.value);
    }
    return map;
}
function toScore(value) {
    const score = typeof value === 'string' ? Number(value) : value;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
}
function normalize_text(value) {
    if (typeof value !== 'string')
        return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
}
/** Drops undefined fields, so reports and golden files hold only what ECR said. */
function compact(finding) {
    // Field by field, in the same order: no [key, value] array per field for 10,000 findings.
    const kept = {};
    for (const key of Object.keys(finding)) {
        if (finding[key] !== undefined)
            kept[key] = finding[key];
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/scan/poll-text.ts
// The words of the scan wait: what a status that ended a wait means, and what the last answer
// was when the deadline came. Pure; the wait itself (poll.ts) only decides which to say.

/** Why a wait ended without a final status, in words for the summary. */
function describeLast(last, retries) {
    const retried = retries > 0 ? ` (${retries} call${retries === 1 ? '' : 's'} retried)` : '';
    switch (last.kind) {
        case 'status':
            if (shared_finding/* FINDINGS_READY */.td.includes(last.status)) {
                return `the scan was ${last.status} but its findings could not all be read in time${retried}`;
            }
            return `the last status was ${last.status}${last.description ? ` (${trimPeriod(last.description)})` : ''}${retried}`;
        case 'error':
            if (last.name === 'ScanNotFoundException')
                return `ECR still had no scan of this image (ScanNotFoundException)${retried}`;
            if (last.name === 'ImageNotFoundException')
                return `ECR still did not find this image (ImageNotFoundException)${retried}`;
            return `the last answer was ${last.name}${retried}`;
        case 'none':
            return 'ECR had not answered yet (the call was cut off at the deadline)';
    }
}
/** What an incomplete status means, when ECR's own description says nothing. */
function defaultDescription(status) {
    switch (status) {
        case 'UNSUPPORTED_IMAGE':
            return "ECR cannot scan this image's operating system or format";
        case 'FINDINGS_UNAVAILABLE':
            return 'ECR has no findings for this image (it may not have been pulled or pushed recently)';
        case 'SCAN_ELIGIBILITY_EXPIRED':
            return "the image is past the registry's scan duration for enhanced scanning";
        case 'LIMIT_EXCEEDED':
            return 'ECR allows one manual scan per image per day, and this image has used it';
        case 'IMAGE_ARCHIVED':
            return 'the image is archived, and archived images are not scanned';
        default:
            return 'ECR did not say why';
    }
}
function trimPeriod(text) {
    return text.trim().replace(/\.$/, '');
}

;// CONCATENATED MODULE: ./src/scan/poll.ts
// Waits for ECR's scan of each platform manifest (starting it when the repository does not scan
// on push) and reads its findings. I/O with everything passed in: the client, clock, sleep and
// randomness, so tests run on fake time. Its words are in poll-text.ts, its error
// classification in aws/errors.ts.
//
// Each platform manifest is polled BY DIGEST, never the index: ECR cannot scan an index.
// All platforms are waited on concurrently under one deadline, which nothing outlives: a call
// still pending at the deadline is aborted (and no longer awaited).







const TIMEOUT = 'TIMEOUT';
/** With scan-on-push, how long ScanNotFoundException may last before we start the scan ourselves. */
const SCAN_ON_PUSH_GRACE_MS = 15_000;
/** Under enhanced scanning, the pause between two complete reads that must agree. */
const SETTLE_DELAY_MS = 3_000;
const PAGE_SIZE = 1000;
/** Statuses this action knows; 'UNKNOWN' stands for a response without one. */
const KNOWN_STATUSES = [...shared_finding/* FINDINGS_READY */.td, ...shared_finding/* INCOMPLETE_STATUSES */.mW, ...shared_finding/* PENDING_STATUSES */.FJ, 'UNKNOWN'];
/** The waiting platform's scans, in the order of `platforms`. Throws on credential/permission errors. */
async function waitForFindings(options) {
    return new Wait(options).run();
}
/** A DescribeImageScanFindings or StartImageScan call that ran into the deadline. */
const DEADLINE = Symbol('deadline');
class Wait {
    options;
    start;
    deadline;
    /** Aborted at the deadline, on a fatal error, or when every platform is done: ends calls and sleeps. */
    stop = new AbortController();
    fatal;
    constructor(options) {
        this.options = options;
        this.start = options.clock.now();
        this.deadline = this.start + Math.max(0, options.timeoutMs);
    }
    async run() {
        // The deadline's own timer ends a call that hangs. Not awaited on purpose: the wait ends as
        // soon as every platform is done, whether or not the injected sleep honours the signal.
        void this.options.sleep(this.deadline - this.start, this.stop.signal).then(() => this.abort(), () => this.abort());
        try {
            const results = await Promise.allSettled(this.options.platforms.map(async (manifest) => this.waitForPlatform(manifest)));
            if (this.fatal)
                throw this.fatal;
            return results.map((result) => {
                if (result.status === 'fulfilled')
                    return result.value;
                throw result.reason;
            });
        }
        finally {
            this.abort();
        }
    }
    abort() {
        if (!this.stop.signal.aborted)
            this.stop.abort();
    }
    async waitForPlatform(manifest) {
        const state = {
            platform: manifest.platform,
            digest: manifest.digest,
            calls: 0,
            retries: 0,
            last: { kind: 'none' },
            phase: this.options.scanOnPush ? { kind: 'awaiting-scan' } : { kind: 'starting' },
        };
        try {
            for (;;) {
                const checkStarted = this.options.clock.now();
                const result = await this.check(state);
                if (result === DEADLINE)
                    return this.timedOut(state);
                if (result !== undefined)
                    return result;
                const delay = state.settling ? this.settleDelay() : nextDelay(this.waited(), this.remaining(), () => this.options.random());
                if (state.settling && delay === 0)
                    return this.unsettled(state, state.settling);
                // The schedule runs from the start of the last check, so a call's own time does not widen the
                // gap; but the next check never starts less than MIN_DELAY_MS after this one ended, so ECR
                // never sees two checks less than a second apart (a call reaches it later than it starts:
                // signing, a new connection, a slow network).
                const took = this.options.clock.now() - checkStarted;
                const gap = delay > 0 ? Math.max(Math.min(MIN_DELAY_MS, delay), delay - took) : 0;
                if (!(await this.pause(gap)))
                    return this.timedOut(state);
            }
        }
        catch (error) {
            // One platform's fatal error (credentials, an unexpected error) ends every platform's wait.
            this.fatal ??= error instanceof Error ? error : new Error((0,errors/* toMessage */.R9)(error));
            this.abort();
            throw this.fatal;
        }
    }
    /** One round: start the scan if needed, then read its status (and findings). undefined: wait on. */
    async check(state) {
        if (state.phase.kind === 'starting') {
            const started = await this.startScan(state);
            if (started !== 'polled')
                return started;
        }
        if (!(await this.turn()))
            return DEADLINE;
        let first;
        try {
            first = await this.describe(state);
        }
        catch (error) {
            return this.describeFailed(state, error);
        }
        if (first === DEADLINE)
            return DEADLINE;
        if (state.phase.kind === 'awaiting-scan')
            state.phase = { kind: 'awaiting-scan' };
        const status = first.imageScanStatus?.status ?? 'UNKNOWN';
        const description = first.imageScanStatus?.description;
        this.noteStatus(state, status, description);
        if (shared_finding/* FINDINGS_READY */.td.includes(status))
            return this.readFindings(state, status, description, first);
        if (shared_finding/* INCOMPLETE_STATUSES */.mW.includes(status)) {
            return this.result(state, { status, description: description ?? defaultDescription(status), complete: false });
        }
        // PENDING_STATUSES wait; so does a status this action does not know yet, until the deadline.
        return undefined;
    }
    /** 'polled' when polling should go on in this round; otherwise a final result, DEADLINE, or undefined (try again). */
    async startScan(state) {
        const { client, ref } = this.options;
        try {
            const done = await this.call(state, (abortSignal) => client.send(new dist_cjs/* StartImageScanCommand */.Qc9({ ...ref, imageId: { imageDigest: state.digest } }), { abortSignal }));
            if (done === DEADLINE)
                return DEADLINE;
            state.phase = { kind: 'started', limitExceeded: false };
            this.options.log.info(`${state.platform}: started ECR's scan of ${state.digest} (StartImageScan).`);
            return 'polled';
        }
        catch (error) {
            const name = (0,errors/* errorName */.Is)(error) ?? '';
            if (name === 'LimitExceededException') {
                // ECR allows one manual scan per image per day: if there is a scan, read it.
                state.phase = { kind: 'started', limitExceeded: true };
                this.options.log.info(`${state.platform}: StartImageScan hit ECR's limit of one manual scan per image per day; reading the existing scan.`);
                return 'polled';
            }
            if (name === 'ValidationException') {
                // E.g. enhanced scanning, where Amazon Inspector scans by itself and manual scans are refused.
                state.phase = { kind: 'started', limitExceeded: false };
                this.options.log.info(`${state.platform}: StartImageScan was refused (${(0,errors/* toMessage */.R9)(error)}); waiting for the registry's own scan.`);
                return 'polled';
            }
            if (name === 'UnsupportedImageTypeException') {
                state.phase = { kind: 'started', limitExceeded: false };
                return this.result(state, {
                    status: 'UNSUPPORTED_IMAGE',
                    description: `ECR cannot scan this image: ${(0,errors/* toMessage */.R9)(error)}`,
                    complete: false,
                });
            }
            if (name === 'ImageNotFoundException') {
                // Right after a push the image may not be visible yet: start again next round.
                state.last = { kind: 'error', name };
                return undefined;
            }
            return this.handleCommonError(state, error, 'ecr:StartImageScan');
        }
    }
    async describeFailed(state, error) {
        const name = (0,errors/* errorName */.Is)(error) ?? '';
        if (name === 'ScanNotFoundException') {
            if (state.phase.kind === 'started' && state.phase.limitExceeded) {
                return this.result(state, {
                    status: 'LIMIT_EXCEEDED',
                    description: 'ECR allows one manual scan (StartImageScan) per image per day; that limit is used up for this image and no scan of it exists. Turn on scan-on-push for the repository, or run again tomorrow.',
                    complete: false,
                });
            }
            const now = this.options.clock.now();
            state.last = { kind: 'error', name };
            if (state.phase.kind === 'awaiting-scan') {
                const since = (state.phase.notFoundSince ??= now);
                if (now - since > SCAN_ON_PUSH_GRACE_MS) {
                    // Scan-on-push can be off at the registry level (a registry scanning configuration).
                    this.options.log.info(`${state.platform}: no scan after ${Math.round((now - since) / 1000)} s despite scan-on-push; starting one.`);
                    // Until ECR answers for certain, the next rounds try again (e.g. after throttling).
                    state.phase = { kind: 'starting' };
                    const started = await this.startScan(state);
                    if (started === DEADLINE)
                        return DEADLINE;
                    if (started !== 'polled')
                        return started;
                }
            }
            return undefined;
        }
        if (name === 'ImageNotFoundException') {
            state.last = { kind: 'error', name };
            return undefined;
        }
        return this.handleCommonError(state, error, 'ecr:DescribeImageScanFindings');
    }
    /** Retryable errors wait for the next round; credential errors and anything unexpected throw. */
    handleCommonError(state, error, action) {
        const name = (0,errors/* errorName */.Is)(error) ?? 'Error';
        if ((0,errors/* isCredentialError */._j)(error)) {
            throw new Error(`AWS credentials or permissions: ${action} on ${this.options.ref.repositoryName} (${state.platform}, ${state.digest}) was refused with ${name}: ${(0,errors/* toMessage */.R9)(error)}. Check that the credentials are valid and the role allows ${action}.`);
        }
        if ((0,aws_errors/* isRetryableAwsError */.a)(error)) {
            state.retries += 1;
            state.last = { kind: 'error', name };
            return undefined;
        }
        throw new Error(`${action.replace('ecr:', '')} for ${state.platform} (${state.digest}) in ${this.options.ref.repositoryName} failed with ${name}: ${(0,errors/* toMessage */.R9)(error)}`);
    }
    /** COMPLETE/ACTIVE: every page, normalized and cross-checked; under enhanced scanning, settled. */
    async readFindings(state, status, description, first) {
        // Settling (enhanced): the counts are read again. When the first page reports the counts of
        // the last complete read, that read stands; paging through every finding again is not needed.
        const previous = state.settling;
        const reportedNow = first.imageScanFindings?.findingSeverityCounts;
        if (previous?.reportedCounts && reportedNow && sameCounts(positiveCounts(previous.reportedCounts), positiveCounts(reportedNow))) {
            return this.completed(state, previous);
        }
        // Counted page by page: a page is garbage once normalized, not held until the last one.
        const readCounts = {};
        let findingsRead = 0;
        const findings = [];
        let page = first;
        let enhanced = status === 'ACTIVE';
        const tokens = new Set();
        for (;;) {
            const scanned = page.imageScanFindings;
            enhanced ||= (scanned?.enhancedFindings?.length ?? 0) > 0;
            for (const finding of scanned?.findings ?? [])
                addSeverity(readCounts, finding);
            for (const finding of scanned?.enhancedFindings ?? [])
                addSeverity(readCounts, finding);
            findingsRead += (scanned?.findings?.length ?? 0) + (scanned?.enhancedFindings?.length ?? 0);
            findings.push(...normalizeFindings(scanned, state.platform));
            const token = page.nextToken;
            if (!token)
                break;
            if (tokens.has(token)) {
                this.options.log.warning(`${state.platform}: ECR repeated the page token ${token}; stopping at ${findingsRead} findings.`);
                break;
            }
            tokens.add(token);
            let next;
            try {
                next = await this.describe(state, token);
            }
            catch (error) {
                // A page that cannot be read now: the next round reads every page again.
                return this.handleCommonError(state, error, 'ecr:DescribeImageScanFindings');
            }
            if (next === DEADLINE)
                return state.settling ? this.unsettled(state, state.settling) : DEADLINE;
            page = next;
        }
        const scanned = page.imageScanFindings ?? first.imageScanFindings;
        const read = {
            status,
            description,
            scanType: enhanced ? 'ENHANCED' : 'BASIC',
            findings,
            readCounts,
            reportedCounts: scanned?.findingSeverityCounts,
            completedAt: toIso(scanned?.imageScanCompletedAt),
        };
        if (read.scanType === 'ENHANCED') {
            // Inspector keeps adding findings after the status turns ACTIVE: done once two reads agree.
            const previous = state.settling;
            state.settling = read;
            if (!previous || !sameCounts(previous.readCounts, read.readCounts))
                return undefined;
        }
        return this.completed(state, read);
    }
    completed(state, read) {
        this.crossCheck(state, read);
        const { readCounts: _readCounts, ...rest } = read;
        const scan = this.result(state, { ...rest, complete: true });
        this.options.log.info(`${state.platform}: ${read.status}, ${read.findings.length} finding${read.findings.length === 1 ? '' : 's'} (${read.scanType.toLowerCase()} scanning, ${state.calls} call${state.calls === 1 ? '' : 's'}${state.retries > 0 ? `, ${state.retries} retried` : ''}).`);
        return scan;
    }
    /** The deadline came while enhanced findings were still being compared: report the last read. */
    unsettled(state, read) {
        this.options.log.warning(`${state.platform}: enhanced scanning was still adding findings when scan-timeout ran out; reporting the last complete read.`);
        return this.completed(state, read);
    }
    crossCheck(state, read) {
        if (!read.reportedCounts)
            return;
        const reported = positiveCounts(read.reportedCounts);
        if (sameCounts(reported, read.readCounts))
            return;
        this.options.log.warning(`${state.platform}: ECR reports ${formatCounts(reported)} but ${formatCounts(read.readCounts)} were read; the report counts the findings read.`);
    }
    timedOut(state) {
        if (state.settling)
            return this.unsettled(state, state.settling);
        const seconds = Math.round(this.waited() / 1000);
        const last = state.last;
        if (last.kind === 'status' && !KNOWN_STATUSES.includes(last.status)) {
            // An unknown status is reported as ECR said it, never as a crash.
            return this.result(state, {
                status: last.status,
                description: `ECR's scan status ${last.status} is not one this action knows, and it did not change within ${seconds} s${last.description ? ` (${poll_trimPeriod(last.description)})` : ''}.`,
                complete: false,
            });
        }
        return this.result(state, {
            status: TIMEOUT,
            description: `No final scan status within ${seconds} s (scan-timeout); ${describeLast(last, state.retries)}.`,
            complete: false,
        });
    }
    result(state, scan) {
        const result = { platform: state.platform, digest: state.digest, findings: [], ...scan, calls: state.calls };
        if (state.retries > 0)
            result.retries = state.retries;
        // After another platform's fatal error this platform was only cut short: nothing to say.
        if (!scan.complete && !this.fatal)
            this.options.log.warning(`${state.platform}: ${scan.status}: ${scan.description ?? ''}`);
        return result;
    }
    noteStatus(state, status, description) {
        const changed = state.last.kind !== 'status' || state.last.status !== status;
        state.last = { kind: 'status', status, description };
        if (!changed)
            return;
        if (KNOWN_STATUSES.includes(status)) {
            this.options.log.info(`${state.platform}: scan ${status}${description ? ` (${description})` : ''}.`);
        }
        else {
            this.options.log.warning(`${state.platform}: ECR's scan status ${status} is not one this action knows; waiting for it to change.`);
        }
    }
    async describe(state, nextToken) {
        const { client, ref } = this.options;
        return this.call(state, (abortSignal) => client.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({ ...ref, imageId: { imageDigest: state.digest }, maxResults: PAGE_SIZE, nextToken }), { abortSignal }));
    }
    /** One API call, counted, that the deadline (or another platform's fatal error) cuts short. */
    async call(state, send) {
        if (this.stop.signal.aborted || this.remaining() <= 0)
            return DEADLINE;
        state.calls += 1;
        try {
            return await this.untilStopped(send(this.stop.signal));
        }
        catch (error) {
            // The SDK's AbortError once the deadline aborted the request.
            if (this.stop.signal.aborted)
                return DEADLINE;
            throw error;
        }
    }
    /**
     * `work`'s outcome, or DEADLINE as soon as the wait is stopped. One abort listener per call,
     * removed when it settles: a Promise.race against one promise that lives as long as the wait
     * keeps every result (each page read) reachable from that promise until the wait ends.
     */
    async untilStopped(work) {
        const signal = this.stop.signal;
        let onAbort = () => undefined;
        // The executor runs at once: onAbort resolves `stopped` from here on.
        const stopped = new Promise((resolve) => (onAbort = () => resolve(DEADLINE)));
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        try {
            return await Promise.race([work, stopped]);
        }
        finally {
            signal.removeEventListener('abort', onAbort);
        }
    }
    /** The repository's turn for a status check (no pacer: at once); false when the deadline came first. */
    async turn() {
        const pace = this.options.pace;
        if (!pace)
            return true;
        try {
            await this.untilStopped(pace(this.stop.signal));
        }
        catch {
            // A sleep that rejects when aborted: the wait is stopped, which the line below says.
        }
        return !this.stop.signal.aborted && this.remaining() > 0;
    }
    /** Sleeps; false when the deadline came first (or the wait was stopped). */
    async pause(ms) {
        if (ms <= 0 || this.stop.signal.aborted)
            return false;
        await this.untilStopped(this.options.sleep(ms, this.stop.signal));
        return !this.stop.signal.aborted && this.remaining() > 0;
    }
    settleDelay() {
        const delay = Math.floor(SETTLE_DELAY_MS * (1 - 0.1 * Math.min(1, Math.max(0, this.options.random()))));
        // Not worth starting a read the deadline would cut short: report what was read instead.
        return delay < this.remaining() ? delay : 0;
    }
    waited() {
        return this.options.clock.now() - this.start;
    }
    remaining() {
        return this.deadline - this.options.clock.now();
    }
}
function addSeverity(counts, finding) {
    const severity = (finding.severity ?? 'UNDEFINED').toUpperCase();
    counts[severity] = (counts[severity] ?? 0) + 1;
}
function sameCounts(a, b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}
function formatCounts(counts) {
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const parts = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([severity, n]) => `${severity} ${n}`);
    return `${total} finding${total === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
function toIso(value) {
    if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
    if (typeof value === 'string' && value !== '')
        return value;
    return undefined;
}
function poll_trimPeriod(text) {
    return text.trim().replace(/\.$/, '');
}
/** ECR's findingSeverityCounts without the zero and missing entries, for comparing. */
function positiveCounts(counts) {
    return Object.fromEntries(Object.entries(counts).filter((entry) => typeof entry[1] === 'number' && entry[1] > 0));
}

;// CONCATENATED MODULE: ./src/steps/base-image.ts
// Part of the scan phase: the findings of the image built for a pull request's base commit
// (compare: base): the image under the base commit's SHA tag in the same repository, its
// platform manifests, and ECR's scan of each. Thin I/O: the client, clock and sleep are passed in.
//
// A base that cannot be compared with (no base commit, no image under its tag, a scan that did
// not complete) is not an error: the result says why, in words for the job log and summary.
// Credential and permission errors still throw, as everywhere else.




const FULL_SHA = /^[0-9a-f]{40}$/i;
const SHORT_LENGTH = 7;
async function readBaseFindings(options) {
    const { baseSha, shaTag, singlePlatform, gate, ...wait } = options;
    const { client, ref } = wait;
    const skipped = `comparison skipped (gate: ${gate === 'new' ? 'new falls back to all' : 'all'})`;
    if (shaTag === 'false') {
        return { available: false, note: `sha-tag is false, so images carry no commit tag and the base image cannot be found: ${skipped}.` };
    }
    const sha = baseSha?.trim() ?? '';
    if (sha === '')
        return { available: false, note: `The event names no base commit: ${skipped}.` };
    if (!FULL_SHA.test(sha))
        return { available: false, note: `The base commit "${sha.slice(0, 64)}" is not a 40-hex commit SHA: ${skipped}.` };
    const commit = sha.toLowerCase();
    const short = commit.slice(0, SHORT_LENGTH);
    const tag = shaTag === 'full' ? commit : short;
    const where = `the base commit ${short} in ${ref.repositoryName}`;
    const image = await findImageByTag(client, ref, tag);
    if (!image)
        return { available: false, note: `No image for ${where}: ${skipped}.`, baseSha: commit };
    let platforms;
    try {
        const manifest = await getManifest(client, ref, image.digest);
        platforms = (0,shared_manifest/* platformManifests */.OS)(image.digest, manifest.text, manifest.mediaType ?? image.mediaType, singlePlatform ?? 'linux/amd64');
    }
    catch (error) {
        // getManifest's own "no manifest" (a plain Error: the image went away after DescribeImages)
        // is a missing base; an error the service named (AccessDenied, …) is not ours to hide.
        if ((0,errors/* errorName */.Is)(error) !== 'Error')
            throw error;
        return {
            available: false,
            note: `The image for ${where} (${image.digest}) could not be read (${(0,errors/* toMessage */.R9)(error).trim().replace(/\.$/, '')}): ${skipped}.`,
            baseSha: commit,
        };
    }
    if (platforms.length === 0) {
        return {
            available: false,
            note: `The image for ${where} (${image.digest}) has no platform manifest to compare with: ${skipped}.`,
            baseSha: commit,
        };
    }
    // The base was scanned when it was built, so this is normally one read per platform. Its log
    // lines are told apart from this image's, and are information: the note says what it means.
    const label = `Base image ${short}, `;
    const scans = await waitForFindings({
        ...wait,
        platforms,
        log: { info: (m) => wait.log.info(`${label}${m}`), warning: (m) => wait.log.info(`${label}${m}`) },
    });
    const incomplete = scans.filter((scan) => !scan.complete);
    if (incomplete.length > 0) {
        const which = incomplete.map((scan) => `${scan.platform}: ${scan.status}`).join('; ');
        return { available: false, note: `The scan of the image for ${where} did not complete (${which}): ${skipped}.`, baseSha: commit };
    }
    wait.log.info(`Base image ${short}: ${image.digest}, ${platforms.length} platform${platforms.length === 1 ? '' : 's'} (${platforms.map((p) => p.platform).join(', ')}).`);
    return { available: true, baseSha: commit, baseDigest: image.digest, tag, platforms, scans };
}

;// CONCATENATED MODULE: ./src/steps/scan.ts
// Phase: ECR's scans of every image, waited for at once under one deadline (scan-timeout, from
// the moment the phase starts), each platform manifest polled by digest, at most one status check
// a second per repository (src/scan/pace.ts); the base image's findings (compare: base) read
// beside each image's scan; Amazon Inspector's scores (epss-threshold) once its findings are in;
// then each image's findings judged (gate/verdict.ts decideImage). What the step does with them
// is decideStep's.









async function scanImages(step, session, images) {
    const { inputs, deps } = step;
    step.progress.phase = "waiting for ECR's scan";
    const deadline = deps.clock.now() + inputs.scanTimeoutSeconds * 1000;
    const pacer = new CallPacer(deps.clock, deps.sleep);
    const platformCount = images[0]?.platforms?.length ?? 0;
    const title = (0,label/* layoutOf */.aH)(inputs) === 'one'
        ? `Wait for ECR's scan (${platformCount} platform${platformCount === 1 ? '' : 's'})`
        : `Wait for ECR's scans (${images.length} images)`;
    await actions_core/* group */.Os(title, () => Promise.all(images.map(async (image) => {
        image.scanned = await scanImage(step, session, image, { deadline, pacer });
    })));
}
/** One image: its scan (and its base image's), its risk scores, its findings judged. */
async function scanImage(step, session, image, shared) {
    const { inputs, deps } = step;
    const { ref, platforms } = image;
    if (!platforms)
        throw new Error(`internal: ${image.spec.name} has no platform manifests to scan`);
    const say = (0,label/* labelFor */.gt)(inputs, image);
    const key = repositoryKey(ref);
    const waitOptions = {
        client: session.client,
        ref,
        // One deadline for every image of the step: the phase started them together.
        timeoutMs: Math.max(0, shared.deadline - deps.clock.now()),
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        log: { info: (m) => actions_core/* info */.pq(say(m)), warning: (m) => actions_core/* warning */.$e(say(m)) },
        pace: (signal) => shared.pacer.turn(key, signal),
    };
    // The base image (compare: base) is read while this image's scan runs, within the same deadline;
    // Amazon Inspector's scores (epss-threshold) once this image's findings are in.
    const [risk, base] = await Promise.all([
        waitForFindings({ ...waitOptions, platforms, scanOnPush: image.repository.scanOnPush }).then((scans) => applyRisk(scans, {
            epssThreshold: inputs.epssThreshold,
            failOnExploitable: inputs.failOnExploitable,
            region: inputs.awsRegion,
            repositoryName: ref.repositoryName,
            registryId: inputs.registryId,
            client: deps.createInspectorClient,
        })),
        readBase(step, waitOptions, platforms),
    ]);
    for (const note of risk.notes)
        actions_core/* warning */.$e(say(note));
    const verdict = (0,gate_verdict/* decideImage */.oM)({
        scans: risk.scans,
        base,
        ignores: {
            ids: inputs.ignore,
            entries: inputs.ignoreFile?.entries ?? [],
            ignoreUnfixed: inputs.ignoreUnfixed,
            today: (0,ignore/* utcDay */.dA)(new Date()),
            ...(inputs.vex.length > 0 ? { vex: { statements: inputs.vex, image: vexImage(image, platforms) } } : {}),
        },
        gate: { threshold: inputs.severityThreshold, mode: inputs.gate, onIncomplete: inputs.onScanIncomplete, ...risk.gate },
    });
    for (const expired of verdict.expired) {
        const matched = expired.matched > 0 ? ` (${expired.matched} finding${expired.matched === 1 ? '' : 's'})` : '';
        actions_core/* warning */.$e(say(`The ignore for ${expired.id} expired on ${expired.expires} ("${expired.reason}"): it counts again${matched}.`));
    }
    if (verdict.comparison?.note)
        actions_core/* info */.pq(say(verdict.comparison.note));
    return { scans: risk.scans, verdict, risk };
}
/** The image as the `vex` input's statements name it: its repository (with and without the registry) and its digests. */
function vexImage(image, platforms) {
    const repository = image.ref.repositoryName;
    const registry = image.image.endsWith(`/${repository}`) ? image.image.slice(0, -repository.length - 1) : undefined;
    return {
        ...(registry ? { registry } : {}),
        repository,
        ...(image.candidate ? { digest: image.candidate.digest } : {}),
        platformDigests: Object.fromEntries(platforms.map((p) => [p.platform, p.digest])),
    };
}
/**
 * The base image's findings, on pull_request events with compare: base. A base that cannot be
 * read is a note, never a failure: without it, gate: new falls back to the stricter gate: all.
 */
async function readBase(step, waitOptions, platforms) {
    const { inputs, facts } = step;
    const pr = facts.pullRequest;
    if (inputs.compare !== 'base' || !pr)
        return undefined;
    try {
        return await readBaseFindings({
            ...waitOptions,
            // Never spend the base image's once-a-day manual scan: it was scanned when it was pushed.
            scanOnPush: true,
            baseSha: pr.baseSha,
            shaTag: inputs.shaTag,
            singlePlatform: platforms.length === 1 ? platforms[0].platform : undefined,
            gate: inputs.gate,
        });
    }
    catch (error) {
        return {
            available: false,
            baseSha: pr.baseSha,
            note: `The base image could not be read (${(0,errors/* toMessage */.R9)(error)}): comparison skipped${inputs.gate === 'new' ? ' (gate: new falls back to all)' : ''}.`,
        };
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/util/sleep.ts
// A sleep on real time that an AbortSignal ends early: what the scan wait's deadline, and every
// pause inside it, wait with (WaitOptions.sleep); tests pass fake time instead.

/** Resolves after `ms`, or as soon as `signal` aborts, without error. */
async function sleepUntilAborted(ms, signal) {
    try {
        await (0,external_node_timers_promises_.setTimeout)(ms, undefined, { signal });
    }
    catch (error) {
        if (!signal?.aborted)
            throw error;
    }
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): the pipeline, in order, for the step's images (one image named by `repository` is a
// list of one); the only place that knows the order. Each phase is a function of src/steps/.
//
// inputs → event facts → login (once) → repositories (side by side) → build/push or reuse →
// platform manifests → attestations → scans (at once, one deadline), the policy's facts read beside
// them → the one verdict (CVEs and rules) → promotion (all or nothing) → report → outputs → fail
// when the verdict says so.

























const REAL = {
    createClient: createEcrClient,
    run: exec.runCommand,
    clock: { now: () => Date.now() },
    sleep: sleepUntilAborted,
    random: Math.random,
};
async function run(overrides = {}) {
    const deps = { ...REAL, ...overrides };
    actions_core/* saveState */.LZ(state/* STATE */.c.isPost, 'true');
    const outputs = {};
    const progress = { phase: 'reading inputs', published: false };
    let images = [];
    /** registry/repository of each image, once logged in: what a failure summary names. */
    let named = [];
    try {
        const inputs = await readInputs();
        const facts = (0,github_event/* readEventFacts */._r)();
        // Every image's tag plan checked now (a missing commit SHA, a reference to another image), so
        // a bad input stops the step before any AWS or Docker call; planned again after the login.
        for (const spec of inputs.images)
            planTags({ inputs, facts }, spec, undefined);
        const tempDir = await (0,promises_.mkdtemp)(external_node_path_.join(process.env.RUNNER_TEMP || external_node_os_.tmpdir(), 'ecr-build-scan-push-'));
        actions_core/* saveState */.LZ(state/* STATE */.c.tempDir, tempDir);
        const step = { inputs, facts, deps, progress, tempDir, workspace: process.env.GITHUB_WORKSPACE || process.cwd() };
        const layout = (0,label/* layoutOf */.aH)(inputs);
        if (!inputs.push) {
            // Build only (e.g. pull requests from forks): no AWS call at all, so no credentials needed.
            await buildOnly(step);
            const verdict = stepVerdict(step, inputs.images.map((spec) => ({ name: spec.name, statuses: [], skipped: 'not-pushed', promotions: [] })));
            await publish(step, outputs, undefined, (publishing) => publishing.reportOfBuildOnly(step, verdict), verdict);
            return end(verdict);
        }
        // docker's path is looked up while the SDK makes its first call, not after the token.
        if (deps.run === exec.runCommand)
            void (0,exec.locate)('docker');
        const builder = new BuilderQuery(inputs.builder, deps.run);
        // cache: ecr needs the builder's driver before the build: asked now, it overlaps the login
        // and the repository calls.
        if (inputs.cache === 'ecr')
            builder.start();
        const client = await deps.createClient(inputs.awsRegion);
        // The repositories and the SHA tags' images need no docker login: they are looked up while
        // docker logs in (a process of its own). They start once docker has: before it, their signing
        // and parsing delayed the token's answer and docker's start, which the build waits on
        // (docs/performance.md).
        let lookups;
        const login = await logIn(step, client, (registry) => {
            lookups ??= Promise.resolve().then(() => startLookups(step, client, builder, registry));
        });
        const session = { client, login, builder };
        const registry = login.registry;
        named = inputs.images.map((spec) => `${registry}/${spec.repository}`);
        Object.assign(outputs, imageOutputs(layout, registry, inputs.images.map((spec, i) => ({ name: spec.name, image: named[i], tags: [] }))));
        // The signing configuration is read beside the repositories: `signing: require` stops the
        // step here, before anything is built, when no rule matches.
        const [found, signingPlan, signer] = await Promise.all([
            lookUpRepositories(step, client, registry, await (lookups ?? startLookups(step, client, builder, registry))),
            planSigning(step, session, inputs.images.map((spec) => spec.repository)),
            // A KMS key that signs is asked what it is (kms:GetPublicKey) before anything is built.
            planKeySigning(step, inputs.signingKey),
        ]);
        images = found;
        const known = () => Object.assign(outputs, imageOutputs(layout, registry, images.map(outputImage)));
        known();
        // The report's renderers (and the policy's readers) load on a later turn once buildx has
        // started, when this process only waits on it (an import() may read and compile the chunk at
        // once, before the spawn).
        await buildImages(step, session, images, alsoOnStart(deps.run, () => setImmediate(() => {
            void loadPublishing().catch(() => undefined);
            if (inputs.signingKey)
                void loadKeySigning().catch(() => undefined);
            preloadPolicyReaders(inputs.policy.rules);
        })));
        known();
        await resolvePlatforms(session, images);
        await listAttestations(step, session, images);
        known();
        // The policy's facts are read, and ECR's managed signatures awaited (under the scan's
        // deadline), while ECR scans; their lines are logged once the scan's group is done.
        const judged = judgePolicies(step, session, images);
        const signed = awaitSignatures(step, session, images, signingPlan, deps.clock.now() + inputs.scanTimeoutSeconds * 1000);
        if (inputs.scan)
            await scanImages(step, session, images);
        await Promise.all([judged, signed]);
        logSignatures(step, images);
        await logPolicies(step, images);
        let verdict = stepVerdict(step, images.map((image) => stepImage(step, image)));
        // Signed with the key once the verdict lets the images through, before any tag is promoted; a
        // failed signature holds every image back.
        if (signer) {
            await (await loadKeySigning()).signImages(step, session, images, signer, verdict.fails);
            verdict = stepVerdict(step, images.map((image) => stepImage(step, image)));
        }
        await promoteImages(step, session, images, verdict);
        known();
        await publish(step, outputs, registry, (publishing) => publishing.reportOfStep(step, images, verdict), verdict);
        end(verdict);
    }
    catch (error) {
        const message = (0,errors/* toMessage */.R9)(error);
        actions_core/* setFailed */.C1(message);
        if (!progress.published)
            await writeFailureSummary(progress.phase, message, named, images);
    }
    finally {
        writeOutputs(outputs);
    }
}
/** The one verdict over the step's images (src/gate/verdict.ts). */
function stepVerdict(step, images) {
    return (0,gate_verdict/* decideStep */.lH)(images, { layout: (0,label/* layoutOf */.aH)(step.inputs), scanTimeoutSeconds: step.inputs.scanTimeoutSeconds });
}
/** An image as the verdict sees it: its gate, its policy and signature, its platforms' scan statuses, its promotions. */
function stepImage(step, image) {
    const scanned = image.scanned;
    const signing = signingFailure(step, image);
    return {
        name: image.spec.name,
        ...(scanned ? { decision: scanned.verdict.decision } : { skipped: 'scan-off' }),
        policyFailures: (0,gate_verdict/* policyFailures */.A$)(image.policy?.result.results ?? []),
        ...(signing ? { signingFailure: signing } : {}),
        statuses: scanned?.scans.map((scan) => scan.status) ?? [],
        promotions: image.plan.promotions,
    };
}
function outputImage(image) {
    const tags = [...(image.plan.candidate && image.candidate ? [image.plan.candidate] : []), ...(image.promoted?.written ?? [])];
    return {
        name: image.spec.name,
        image: image.image,
        ...(image.candidate ? { digest: image.candidate.digest } : {}),
        ...(image.platforms ? { platforms: image.platforms } : {}),
        ...(image.attestations ? { attestations: image.attestations } : {}),
        tags: tags.map((tag) => `${image.image}:${tag}`),
    };
}
/** Writes the report everywhere and sets the outputs that come from it. */
async function publish(step, outputs, registry, report, verdict) {
    step.progress.phase = 'writing the report';
    const publishing = await loadPublishing();
    const made = report(publishing);
    Object.assign(outputs, reportOutputs(made, verdict.scanStatus));
    const published = await publishing.publishStep(step, made, registry);
    outputs.report = published.reportPath;
    outputs.sarif = published.sarifPath;
    outputs.commentUrl = published.commentUrl;
}
/** The step's last word: it fails with the verdict's reason, or warns, or says why it passed. */
function end(verdict) {
    if (verdict.fails)
        throw new Error(verdict.reason);
    if (verdict.warns)
        actions_core/* warning */.$e(verdict.reason);
    else
        actions_core/* info */.pq(verdict.reason);
}
// The publishing phase and the renderers it imports are not loaded at start-up, where the first
// API call would wait for them, but while buildx builds (else when the report is written: a
// re-run that reuses the image builds nothing).
let publishing;
const loadPublishing = () => (publishing ??= __webpack_require__.e(/* import() */ 154).then(__webpack_require__.bind(__webpack_require__, 5154)));
// Signing with a key (src/steps/sign.ts) and the Sigstore libraries it builds bundles with: only
// when a key signs, loaded while buildx builds (as the publishing phase is).
let keySigning;
const loadKeySigning = () => (keySigning ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779), __webpack_require__.e(74), __webpack_require__.e(457)]).then(__webpack_require__.bind(__webpack_require__, 4457)));
/** `run`, that also calls `then` once each command's process has started. */
function alsoOnStart(run, then) {
    return (command, args, options) => run(command, args, {
        ...options,
        onStart: () => {
            options.onStart?.();
            then();
        },
    });
}
/** When the step fails before its report: what failed, and what is known so far. */
async function writeFailureSummary(phase, message, named, images) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const { escapeText } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4031));
    const known = named.flatMap((image) => {
        const candidate = images.find((run) => run.image === image)?.candidate;
        return [
            `- Image: \`${image}\``,
            ...(candidate ? [`- Digest: \`${candidate.digest}\` (${candidate.reused ? 'reused' : 'pushed'})`] : []),
        ];
    });
    const lines = [`## ❌ ecr-build-scan-push failed while ${phase}`, '', escapeText(message, 2000), '', ...known];
    try {
        await actions_core/* summary */.z.addRaw(lines.join('\n'), true).write();
    }
    catch {
        // The failure itself is already reported; a summary that cannot be written adds nothing.
    }
}


/***/ }),

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

/***/ 4316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FJ: () => (/* binding */ PENDING_STATUSES),
/* harmony export */   SF: () => (/* binding */ toExploitAvailable),
/* harmony export */   mW: () => (/* binding */ INCOMPLETE_STATUSES),
/* harmony export */   nb: () => (/* binding */ copyFinding),
/* harmony export */   td: () => (/* binding */ FINDINGS_READY),
/* harmony export */   yW: () => (/* binding */ vulnerabilityKey)
/* harmony export */ });
/** Statuses after which findings are final (basic COMPLETE; enhanced ACTIVE). */
const FINDINGS_READY = ['COMPLETE', 'ACTIVE'];
/** Statuses that mean no findings will come: the gate cannot decide. */
const INCOMPLETE_STATUSES = [
    'FAILED',
    'UNSUPPORTED_IMAGE',
    'FINDINGS_UNAVAILABLE',
    'SCAN_ELIGIBILITY_EXPIRED',
    'LIMIT_EXCEEDED',
    'IMAGE_ARCHIVED',
];
/** Statuses worth waiting on. */
const PENDING_STATUSES = ['IN_PROGRESS', 'PENDING'];
/**
 * What identifies one vulnerability in one package, however many platforms carry it: the
 * counts and the gate's reason count each such pair once.
 */
function vulnerabilityKey(finding) {
    return `${finding.id}\u0000${finding.package ?? ''}`;
}
/** YES / NO, in any case; anything else (absent, empty, unexpected) is unknown. */
function toExploitAvailable(value) {
    const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
    return upper === 'YES' || upper === 'NO' ? upper : undefined;
}
/**
 * A finding's own fields, copied into one new object literal. For 10,000 findings the gate's
 * copies (with their verdict added) cost several times less this way than as a spread or a
 * rest pattern. Every field of Finding is listed: the type says so when one is added.
 */
function copyFinding(f) {
    const copy = {
        id: f.id,
        severity: f.severity,
        package: f.package,
        version: f.version,
        fixedIn: f.fixedIn,
        fixAvailable: f.fixAvailable,
        uri: f.uri,
        title: f.title,
        description: f.description,
        score: f.score,
        scoreVector: f.scoreVector,
        cvss: f.cvss,
        exploitAvailable: f.exploitAvailable,
        lastKnownExploitAt: f.lastKnownExploitAt,
        epss: f.epss,
        platform: f.platform,
    };
    return copy;
}


/***/ }),

/***/ 7684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ platformName),
/* harmony export */   E3: () => (/* binding */ platformDigestsObject),
/* harmony export */   FG: () => (/* binding */ ACCEPTED_MEDIA_TYPES),
/* harmony export */   LU: () => (/* binding */ isCacheArtifact),
/* harmony export */   OS: () => (/* binding */ platformManifests),
/* harmony export */   nw: () => (/* binding */ isIndex)
/* harmony export */ });
/* unused harmony exports MANIFEST_MEDIA_TYPES, INDEX_MEDIA_TYPES, CACHE_CONFIG_MEDIA_TYPE */
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
/**
 * The config media type of BuildKit's registry cache (cache: ecr, image-manifest=true): an OCI
 * image manifest that is not an image. DescribeImages reports it as `artifactMediaType`.
 */
const CACHE_CONFIG_MEDIA_TYPE = 'application/vnd.buildkit.cacheconfig.v0';
function isCacheArtifact(artifactMediaType) {
    return artifactMediaType === CACHE_CONFIG_MEDIA_TYPE;
}
function isIndex(mediaType, manifest) {
    if (mediaType && INDEX_MEDIA_TYPES.includes(mediaType))
        return true;
    return Array.isArray(manifest.manifests);
}
function platformName(platform) {
    const part = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
    const os = part(platform?.os);
    const architecture = part(platform?.architecture);
    if (!os || !architecture)
        return 'unknown';
    return [os, architecture, part(platform?.variant)].filter(Boolean).join('/');
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
    // ECR returns what was pushed: skip (never crash on) entries that are not descriptors.
    for (const entry of Array.isArray(manifest.manifests) ? manifest.manifests : []) {
        if (typeof entry !== 'object' || entry === null)
            continue;
        const descriptor = entry;
        if (typeof descriptor.digest !== 'string' || descriptor.digest === '')
            continue;
        if (descriptor.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
            continue;
        const platform = platformName(descriptor.platform);
        if (platform === 'unknown' || /^unknown\/unknown(?:\/|$)/.test(platform))
            continue;
        result.push({ platform, digest: descriptor.digest });
    }
    return result;
}
function platformDigestsObject(manifests) {
    return Object.fromEntries(manifests.map((m) => [m.platform, m.digest]));
}


/***/ }),

/***/ 5078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M0: () => (/* binding */ meetsThreshold),
/* harmony export */   Rm: () => (/* binding */ THRESHOLDS),
/* harmony export */   T_: () => (/* binding */ toSeverity),
/* harmony export */   W1: () => (/* binding */ emptyCounts),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
// ECR's severities, in order. Basic scanning uses INFORMATIONAL…CRITICAL and UNDEFINED;
// enhanced scanning (Amazon Inspector) also says UNTRIAGED, which we count as UNDEFINED.
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];
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


/***/ }),

/***/ 9854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ signingAlgorithmOf),
/* harmony export */   WN: () => (/* binding */ kmsRegion),
/* harmony export */   Y5: () => (/* binding */ parseKmsKey)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
// Pure: the KMS key a `signing: awskms://…` input names, in the forms cosign accepts
// (sigstore/sigstore pkg/signature/kms/aws: awskms://[ENDPOINT]/[ID|ALIAS|ARN]), and which
// signing algorithm the step uses for the key that kms:GetPublicKey describes. cosign verifies a
// `--key` PEM with ECDSA P-256 + SHA-256 or RSA PKCS#1 v1.5 + SHA-256; other keys would sign
// what nobody can verify, so they are refused before anything is built.

const UUID = '(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const ALIAS = 'alias/[a-zA-Z0-9/_-]+';
const ARN = `arn:aws(?:-us-gov|-cn)?:kms:[a-z0-9-]+:[0-9]{12}:(?:key/${UUID}|${ALIAS})`;
const KEY = new RegExp(`^(?:${UUID}|${ALIAS}|${ARN})$`, 'i');
const HOST = /^[a-zA-Z0-9.-]+(?::[0-9]{1,5})?$/;
const FORMS = 'awskms:///<key id>, awskms:///alias/<name>, awskms:///arn:aws:kms:<region>:<account>:key/<id> or …:alias/<name>';
/** `awskms://[endpoint]/<key>` → the key; one line naming the input and the forms accepted when it is not one. */
function parseKmsKey(value) {
    const rest = value.slice('awskms://'.length);
    const slash = rest.indexOf('/');
    const host = slash < 0 ? rest : rest.slice(0, slash);
    const keyId = slash < 0 ? '' : rest.slice(slash + 1);
    if (keyId === '')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input "signing" is "${value}", which names no key; accepted: ${FORMS}.`);
    if (!KEY.test(keyId))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input "signing" names the KMS key "${keyId}", which is not a key id, alias or ARN; accepted: ${FORMS}.`);
    if (host !== '' && !HOST.test(host))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input "signing" names the KMS endpoint "${host}", which is not host[:port]; accepted: ${FORMS}.`);
    return { uri: value, keyId, ...(host !== '' ? { endpoint: host } : {}) };
}
/** The region KMS is asked in: a key or alias ARN's own (a key of another region), else the step's. */
function kmsRegion(ref, stepRegion) {
    return /^arn:aws(?:-us-gov|-cn)?:kms:([a-z0-9-]+):/.exec(ref.keyId)?.[1] ?? stepRegion;
}
/** The algorithm the step signs with, or the one line that says why this key cannot sign for cosign. */
function signingAlgorithmOf(key, uri) {
    const accepted = 'accepted: an asymmetric SIGN_VERIFY key of spec ECC_NIST_P256 (ECDSA_SHA_256) or RSA_2048/3072/4096 allowing RSASSA_PKCS1_V1_5_SHA_256, which cosign verifies with the public key';
    const spec = key.keySpec ?? 'unknown';
    if (key.keyUsage !== undefined && key.keyUsage !== 'SIGN_VERIFY') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input "signing": the KMS key ${uri} is for ${key.keyUsage} (spec ${spec}), not SIGN_VERIFY; ${accepted}.`);
    }
    if (spec === 'ECC_NIST_P256' && key.signingAlgorithms.includes('ECDSA_SHA_256'))
        return 'ECDSA_SHA_256';
    if (/^RSA_(2048|3072|4096)$/.test(spec) && key.signingAlgorithms.includes('RSASSA_PKCS1_V1_5_SHA_256'))
        return 'RSASSA_PKCS1_V1_5_SHA_256';
    const algorithms = key.signingAlgorithms.length > 0 ? key.signingAlgorithms.join(', ') : 'none';
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input "signing": the KMS key ${uri} is ${spec} with signing algorithms ${algorithms}; ${accepted}.`);
}


/***/ }),

/***/ 4553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aH: () => (/* binding */ layoutOf),
/* harmony export */   gt: () => (/* binding */ labelFor),
/* harmony export */   s: () => (/* binding */ imageNames)
/* harmony export */ });
/** `one`: one image named by `repository` (one image's layout everywhere); `several`: keyed by image name. */
function layoutOf(inputs) {
    return inputs.source === 'repository' ? 'one' : 'several';
}
/** A line about one image: as it is for a step of one, `name: line` for a step of several. */
function labelFor(inputs, image) {
    if (layoutOf(inputs) === 'one')
        return (message) => message;
    return (message) => `${image.spec.name}: ${message}`;
}
/** `"api", "worker"`: images named in a line. */
function imageNames(images) {
    return images.map((image) => image.spec.name).join(', ');
}


/***/ }),

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* reexport safe */ _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__.$e),
/* harmony export */   C1: () => (/* reexport safe */ _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__.C1),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Os: () => (/* reexport safe */ _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__.Os),
/* harmony export */   Pq: () => (/* reexport safe */ _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__.Pq),
/* harmony export */   V4: () => (/* reexport safe */ _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__.V4),
/* harmony export */   pq: () => (/* reexport safe */ _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__.pq),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z: () => (/* reexport safe */ _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_4__.z),
/* harmony export */   z3: () => (/* reexport safe */ _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__.z3)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9635);
/* harmony import */ var _node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2902);
/* harmony import */ var _node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4679);
/* harmony import */ var _runner_commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5731);
/* harmony import */ var _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1170);
// @actions/core without its OIDC client: the runner I/O every module uses (inputs, outputs,
// state, log commands, groups, the job summary).
//
// Why not `import * as core from '@actions/core'`: its index imports `oidc-utils.js` →
// `@actions/http-client` → undici, about 900 KiB of the 1 MiB start-up bundle, for
// `getIDToken`, which this action never calls (AWS credentials come from the job's
// environment). Parsing it cost ~20 ms of every start (docs/performance.md, part 1). The
// package's other modules do not import it, so this file takes the building blocks from them
// (by path: the package's `exports` lists only "."), and keeps, beside them, the few lines each
// function of core.js adds on top; names and behaviour are @actions/core 3's, so the code and
// its typed stubs (`__fixtures__/core.ts`) read the same. The GitHub comment (octokit) still
// uses @actions/http-client and undici, in a chunk loaded only when a comment is written.






function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT) {
        (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .issueFileCommand */ .n)('OUTPUT', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareKeyValueMessage */ .v)(name, value));
        return;
    }
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('set-output', { name }, (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_5__/* .toCommandValue */ .E)(value));
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE) {
        (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .issueFileCommand */ .n)('STATE', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareKeyValueMessage */ .v)(name, value));
        return;
    }
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('save-state', { name }, (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_5__/* .toCommandValue */ .E)(value));
}


/***/ }),

/***/ 7895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CommandError: () => (/* binding */ CommandError),
/* harmony export */   locate: () => (/* binding */ locate),
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8701);
// Running commands, behind one small type so I/O modules can be handed a fake in tests.


const located = new Map();
/**
 * The command's path on PATH, looked up once per process: given a bare name, @actions/exec
 * stats every PATH entry on every run (~1-2 ms, between docker login's token and its start).
 * Calling it early starts the look-up. When nothing is found the name is kept, so exec reports
 * a missing command as it always has.
 */
function locate(command) {
    if (command.includes('/') || command.includes('\\'))
        return Promise.resolve(command);
    let found = located.get(command);
    if (!found) {
        found = (0,_actions_io__WEBPACK_IMPORTED_MODULE_1__/* .which */ .K7)(command, false).then((file) => file || command, () => command);
        located.set(command, found);
    }
    return found;
}
const runCommand = async (command, args, options) => {
    const tool = await locate(command);
    let pending = options.onStart;
    const started = () => {
        const callback = pending;
        pending = undefined;
        callback?.();
    };
    try {
        return await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(tool, args, {
            input: options.input,
            silent: options.silent,
            ignoreReturnCode: options.ignoreReturnCode,
            env: options.env,
            cwd: options.cwd,
            // @actions/exec has no spawn event; its first debug line ("exec tool: <path>") is written
            // once the tool is found, right before it spawns.
            ...(pending ? { listeners: { debug: started } } : {}),
        });
    }
    finally {
        started();
    }
};
/** A command that ran and failed: `reason` is the line of its output that says why. */
class CommandError extends Error {
    reason;
    name = 'CommandError';
    constructor(message, reason) {
        super(message);
        this.reason = reason;
    }
}


/***/ }),

/***/ 2477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ actionRetrySeams)
/* harmony export */ });
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(155);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4266);
// The retry seams on real time, warning through the runner (`::warning::`): what the I/O edges
// use unless a test passes its own (src/util/retry.ts).


const actionRetrySeams = { ..._retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realTime */ .M9, warn: (message) => _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message) };


/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M9: () => (/* binding */ realTime),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   i5: () => (/* binding */ RetriesExhaustedError)
/* harmony export */ });
/* unused harmony exports RETRY_ATTEMPTS, RETRY_BUDGET_MS, RETRY_BACKOFF_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
// One retry rule for the calls a registry or GitHub hiccup can fail (docker login, the push,
// PutImage in promotion, the PR comment): at most 3 attempts with backoff, within 2 minutes,
// each retry a warning naming the attempt and the cause; what is permanent fails at once.
// See ../../docs/reliability.md ("Transient faults") and the action spec's "Transient faults".
//
// Time is injected (clock, sleep), as in scan/poll.ts, so the rule is tested on fake time.
// Own code rather than a library: the budget rule (no attempt started that the last one's
// length says cannot end in time) and the warnings are the point, and they are a few lines.

const RETRY_ATTEMPTS = 3;
const RETRY_BUDGET_MS = 120_000;
const RETRY_BACKOFF_MS = [5_000, 20_000];
/** What the retry gave up on: the last error's message, with how many attempts it took. */
class RetriesExhaustedError extends Error {
    attempts;
    name = 'RetriesExhaustedError';
    constructor(message, attempts, options) {
        super(message, options);
        this.attempts = attempts;
    }
}
/**
 * Runs `attempt` until it succeeds, fails with a permanent error (thrown as it is), or the
 * attempts or the budget run out (a RetriesExhaustedError naming the last cause). Another
 * attempt starts only when the budget leaves room for the pause and for an attempt as long as
 * the last one: an attempt is never cut off, so the budget is kept by not starting one.
 */
async function withRetry(options, attempt) {
    const attempts = Math.max(1, options.attempts ?? RETRY_ATTEMPTS);
    const budgetMs = options.budgetMs ?? RETRY_BUDGET_MS;
    const backoff = options.backoffMs ?? RETRY_BACKOFF_MS;
    const start = options.clock.now();
    for (let n = 1;; n += 1) {
        const attemptStart = options.clock.now();
        try {
            return await attempt(n);
        }
        catch (error) {
            const cause = options.transient(error);
            if (cause === undefined)
                throw error;
            const now = options.clock.now();
            const pause = backoff[Math.min(n - 1, backoff.length - 1)] ?? 0;
            const elapsed = now - start;
            const seconds = `${Math.round(elapsed / 1000)} s`;
            if (n >= attempts) {
                throw new RetriesExhaustedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toMessage */ .R9)(error)} (gave up after ${n} attempt${n === 1 ? '' : 's'} in ${seconds})`, n, {
                    cause: error,
                });
            }
            if (elapsed + pause + (now - attemptStart) > budgetMs) {
                throw new RetriesExhaustedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toMessage */ .R9)(error)} (gave up after ${n} attempt${n === 1 ? '' : 's'} in ${seconds}: another would not end within the ${Math.round(budgetMs / 1000)} s retry budget)`, n, { cause: error });
            }
            options.warn(`${options.what}: attempt ${n} of ${attempts} failed (${cause}); retrying in ${Math.round(pause / 1000)} s.`);
            await options.sleep(pause);
        }
    }
}
/** Real time, for callers outside tests. */
const realTime = {
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};


/***/ }),

/***/ 4606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rl: () => (/* binding */ commandTransientCause),
/* harmony export */   rO: () => (/* binding */ awsTransientCause)
/* harmony export */ });
/* unused harmony export dockerTransientCause */
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7895);
// Which failures are worth another attempt, read from what each tool really says. The docker
// CLI and buildx report a registry fault only as text (their exit code is 1 either way), so
// their last error line is matched against the messages collected from the local stack by
// making each fault happen (__fixtures__/faults/docker-messages.json, docs/reliability.md).
// The AWS SDK's errors are classified by the SDK's own rules.
//
// Permanent wins: denied or expired credentials, an immutable tag, an unknown repository, a
// Dockerfile or RUN step error. Anything not known to be transient is permanent (any other
// 4xx included): a retry that cannot help only delays the failure.



const PERMANENT = [
    /\b40[13]\b|unauthorized|forbidden|no basic auth credentials|\bdenied\b|token has expired|expired token/i,
    /\bTAG_INVALID\b|\btag invalid\b|cannot be overwritten because the repository is immutable/i,
    /\bNAME_UNKNOWN\b|\bname unknown\b|repository with name .* does not exist/i,
    /\bMANIFEST_INVALID\b|\bmanifest invalid\b|\bBLOB_UNKNOWN\b|invalid reference format/i,
    // A build step, not the registry: `process "/bin/sh -c …" did not complete successfully`,
    // `executor failed running [...]`, a Dockerfile that does not parse, a COPY of a missing file.
    /did not complete successfully|executor failed running|dockerfile parse error|failed to compute cache key|failed to read dockerfile/i,
];
/** [pattern, the cause as a warning says it]; the first match wins. */
const TRANSIENT = [
    [/connection refused/i, 'connection refused'],
    [/connection reset/i, 'connection reset'],
    [/broken pipe/i, 'broken pipe'],
    [/i\/o timeout/i, 'i/o timeout'],
    [/TLS handshake timeout|timeout awaiting response headers|Client\.Timeout exceeded|context deadline exceeded/i, 'timeout'],
    [/no such host|temporary failure in name resolution|server misbehaving/i, 'name resolution failed'],
    [/network is unreachable|no route to host/i, 'network unreachable'],
    [/\b(5\d\d) (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i, (m) => `${m[1]} ${m[2]}`],
    [/\b429\b|toomanyrequests|too many requests/i, '429 Too Many Requests'],
    [/\bunexpected EOF\b/, 'unexpected EOF'],
    // `Get "http://…/v2/": EOF`, `failed to build: EOF`: the connection closed unanswered.
    [/(?:":|:) EOF\s*$/, 'connection closed (EOF)'],
    // BuildKit after its own retries of a 5xx: `failed to push …: unavailable`.
    [/: unavailable\s*$|code = Unavailable/i, 'registry unavailable'],
];
/** The transient cause in a docker or buildx error line, or undefined when it is permanent. */
function dockerTransientCause(text) {
    if (PERMANENT.some((pattern) => pattern.test(text)))
        return undefined;
    for (const [pattern, cause] of TRANSIENT) {
        const match = pattern.exec(text);
        if (match)
            return typeof cause === 'string' ? cause : cause(match);
    }
    return undefined;
}
/** A docker or buildx command's failure (a CommandError), classified by the line that says why. */
function commandTransientCause(error) {
    return error instanceof _exec_js__WEBPACK_IMPORTED_MODULE_2__.CommandError ? dockerTransientCause(error.reason) : undefined;
}
/**
 * The transient cause of an AWS SDK error (throttling, 5xx, timeouts, connection errors, by the
 * SDK's own classification), or undefined. Credential errors are permanent even where the SDK
 * would retry them after correcting the clock.
 */
function awsTransientCause(error) {
    // One classification for every AWS call the action retries: the poller's (aws/errors.ts).
    if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryableAwsError */ .a)(error))
        return undefined;
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error) ?? 'Error';
    const status = error.$metadata?.httpStatusCode;
    const code = error.code;
    return [name, typeof code === 'string' && code !== name ? code : undefined, status ? `HTTP ${status}` : undefined]
        .filter(Boolean)
        .join(', ');
}


/***/ })

};

//# sourceMappingURL=120.index.js.map