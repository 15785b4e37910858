export const id = 457;
export const ids = [457,841,306];
export const modules = {

/***/ 9841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   attestationsOfIndex: () => (/* binding */ attestationsOfIndex),
/* harmony export */   discoverAttestations: () => (/* binding */ discoverAttestations),
/* harmony export */   missingKinds: () => (/* binding */ missingKinds),
/* harmony export */   pushAttestationsBeside: () => (/* binding */ pushAttestationsBeside),
/* harmony export */   pushReferrers: () => (/* binding */ pushReferrers),
/* harmony export */   referrersOf: () => (/* binding */ referrersOf)
/* harmony export */ });
/* harmony import */ var _shared_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7684);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9651);


async function pushAttestationsBeside(options) {
    const { manifests, registry, pushed, log } = options;
    const repository = manifests.repository;
    const index = await manifests.get(pushed);
    if (!(0,_shared_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndex */ .nw)(index.mediaType, JSON.parse(index.text))) {
        throw new Error(`buildx pushed ${pushed}, a single manifest, where an image index with attestations was expected.`);
    }
    const split = (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .splitIndex */ .h2)(index.text);
    if (split.images.length === 0)
        throw new Error(`The image index ${pushed} has no platform manifest.`);
    const single = split.images.length === 1 ? split.images[0] : undefined;
    // One BatchGetImage: every attestation manifest, and the platform manifest of a single-platform image.
    const wanted = [...split.attestations.map((a) => a.descriptor.digest), ...(single ? [single.descriptor.digest] : [])];
    const read = await manifests.getMany(wanted);
    const byDigest = new Map(read.map((manifest) => [manifest.digest, manifest]));
    const platformOf = new Map(split.images.map((image) => [image.descriptor.digest, image]));
    const referrers = [];
    for (const attestation of split.attestations) {
        const subject = platformOf.get(attestation.subject);
        if (!subject)
            continue; // an attestation of something that is not in this index
        const text = byDigest.get(attestation.descriptor.digest).text;
        referrers.push(...(0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .referrerManifests */ .oL)(text, subject.descriptor, subject.platform, options.created));
    }
    let storage = 'referrers-api';
    if (referrers.length > 0) {
        storage = await pushReferrers(registry, repository, referrers, log);
        log(`Pushed ${referrers.length} attestation${referrers.length === 1 ? '' : 's'} beside the image (${describe(referrers)}), ` +
            (storage === 'referrers-api'
                ? "found with the registry's referrers API."
                : 'listed under the referrers tag sha256-<platform digest>: this registry has no referrers API.'));
    }
    let manifest;
    if (single) {
        manifest = byDigest.get(single.descriptor.digest);
    }
    else {
        const clean = split.withoutAttestations;
        await registry.putManifest(repository, clean.digest, clean.text, clean.mediaType);
        manifest = { digest: clean.digest, text: clean.text, mediaType: clean.mediaType };
    }
    return {
        manifest,
        platforms: split.images.map((image) => ({ platform: image.platform, digest: image.descriptor.digest })),
        attestations: referrers.map(({ kind, platform, digest, predicateType }) => ({ kind, platform, digest, predicateType })),
        storage,
        buildkitIndex: pushed,
    };
}
/**
 * Pushes artifact manifests (attestations, signatures) by digest beside their subjects, whose
 * layers are in the repository already: the empty config first when it is not, then each
 * manifest. A registry that answers no OCI-Subject and has no referrers API gets the referrers
 * tag (OCI distribution spec 1.1, "Pushing Manifests with Subject"). Says which it was.
 */
async function pushReferrers(registry, repository, referrers, log) {
    if (referrers.length === 0)
        return 'referrers-api';
    if (!(await registry.hasBlob(repository, _layout_js__WEBPACK_IMPORTED_MODULE_1__/* .EMPTY_CONFIG */ .$v.digest)))
        await registry.putBlob(repository, _layout_js__WEBPACK_IMPORTED_MODULE_1__/* .EMPTY_CONFIG */ .$v.digest, _layout_js__WEBPACK_IMPORTED_MODULE_1__/* .EMPTY_CONFIG_BYTES */ .pA);
    // One after the other: a registry that refuses artifact manifests is asked once.
    let processed = true;
    for (const r of referrers) {
        const put = await registry.putManifest(repository, r.digest, r.text, _layout_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_MANIFEST */ .EG);
        processed &&= put.subjectProcessed;
    }
    if (processed || (await registry.referrers(repository, referrers[0].subject.digest)).supported) {
        return 'referrers-api';
    }
    await writeReferrersTags(registry, repository, referrers, log);
    return 'referrers-tag';
}
/**
 * A subject's referrers list: the referrers API's, or its referrers tag's where the registry has
 * no referrers API (undefined when the tag is not there either).
 */
async function referrersOf(registry, repository, digest) {
    const answer = await registry.referrers(repository, digest);
    if (answer.supported)
        return { text: answer.text, storage: 'referrers-api' };
    const tagged = await registry.getManifest(repository, (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .referrersTag */ .LN)(digest), [_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p]);
    return { ...(tagged ? { text: tagged } : {}), storage: 'referrers-tag' };
}
/**
 * For a registry without the referrers API: each subject's referrers tag (sha256-<hex>) lists the
 * referrers pushed for it, beside what it listed already (OCI 1.1 distribution spec).
 */
async function writeReferrersTags(registry, repository, referrers, log) {
    const bySubject = new Map();
    for (const referrer of referrers)
        bySubject.set(referrer.subject.digest, [...(bySubject.get(referrer.subject.digest) ?? []), referrer]);
    for (const [subject, list] of bySubject) {
        const tag = (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .referrersTag */ .LN)(subject);
        const existing = await registry.getManifest(repository, tag, [_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p]);
        const merged = (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeReferrersIndex */ .l1)(existing, list.map((r) => r.descriptor));
        if (merged.changed)
            await registry.putManifest(repository, tag, merged.text, _layout_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p);
        else
            log(`The referrers tag ${tag} already lists these attestations.`);
    }
}
/**
 * A reused image's attestations (skip-existing): the referrers API's list for each platform
 * manifest, or the referrers tag's where the registry has none.
 */
async function discoverAttestations(registry, repository, platforms) {
    const attestations = [];
    let storage = 'referrers-api';
    for (const platform of platforms) {
        // A registry without the referrers API says so once: the other platforms go to their tags.
        const answer = storage === 'referrers-api' ? await registry.referrers(repository, platform.digest) : undefined;
        if (answer?.supported) {
            attestations.push(...(0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .attestationsInReferrers */ .Zj)(answer.text, platform.platform));
            continue;
        }
        storage = 'referrers-tag';
        const tagged = await registry.getManifest(repository, (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .referrersTag */ .LN)(platform.digest), [_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p]);
        if (tagged)
            attestations.push(...(0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .attestationsInReferrers */ .Zj)(tagged, platform.platform));
    }
    return { attestations, storage };
}
/** attestations: index: the attestation manifests inside the image's own index, read for the report. */
async function attestationsOfIndex(reader, indexText) {
    const split = (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .splitIndex */ .h2)(indexText);
    const platformOf = new Map(split.images.map((image) => [image.descriptor.digest, image.platform]));
    const manifests = await reader.getMany(split.attestations.map((a) => a.descriptor.digest));
    return split.attestations.flatMap((attestation, i) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .attestationsInManifest */ .GS)(manifests[i].text, attestation.descriptor.digest, platformOf.get(attestation.subject) ?? 'unknown'));
}
/** The kinds asked for that a list lacks, per platform (a reused image built without them). */
function missingKinds(attestations, platforms, wanted) {
    const missing = [];
    for (const platform of platforms) {
        for (const kind of wanted) {
            if (!attestations.some((a) => a.platform === platform.platform && a.kind === kind))
                missing.push(`${kind} for ${platform.platform}`);
        }
    }
    return missing;
}
function describe(referrers) {
    const kinds = [...new Set(referrers.map((r) => r.kind))].join(' and ');
    const platforms = [...new Set(referrers.map((r) => r.platform))];
    return `${kinds} for ${platforms.length === 1 ? platforms[0] : `${platforms.length} platforms`}`;
}


/***/ }),

/***/ 3306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Registry: () => (/* binding */ Registry),
/* harmony export */   RegistryHttpError: () => (/* binding */ RegistryHttpError),
/* harmony export */   registryTransientCause: () => (/* binding */ registryTransientCause)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2779);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4266);
/* harmony import */ var _util_retry_defaults_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2477);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9651);
// The registry's own API (OCI distribution spec 1.1), for what the ECR API cannot do: push a
// manifest by digest untagged and learn whether the registry took its `subject` (the
// `OCI-Subject` answer header), read the referrers API, and write the referrers tag where there
// is none. Authenticated with the login's credentials, as docker is (ECR accepts Basic auth).
// @actions/http-client: the runner's proxy settings apply as they do to the GitHub API calls.




/** A hung registry is bounded by this, not by the job's six hours. */
const SOCKET_TIMEOUT_MS = 30_000;
/** The registry answered with an error status. */
class RegistryHttpError extends Error {
    status;
    name = 'RegistryHttpError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
const NETWORK_ERRORS = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up|Request timeout/i;
/** 429, 5xx, a connection reset or refused, a timeout: worth another attempt. */
function registryTransientCause(error) {
    if (error instanceof RegistryHttpError) {
        return error.status === 429 || error.status >= 500 ? `HTTP ${error.status}` : undefined;
    }
    const text = error instanceof Error ? `${error.code ?? ''} ${error.message}` : String(error);
    return NETWORK_ERRORS.exec(text)?.[0];
}
class Registry {
    seams;
    http = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq('ecr-build-scan-push', undefined, { socketTimeout: SOCKET_TIMEOUT_MS, allowRedirects: true });
    base;
    authorization;
    constructor(login, seams = _util_retry_defaults_js__WEBPACK_IMPORTED_MODULE_2__/* .actionRetrySeams */ .i) {
        this.seams = seams;
        this.base = login.endpoint.replace(/\/+$/, '');
        this.authorization = `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
    }
    /** PUT a manifest under a digest or tag. */
    async putManifest(repository, reference, text, mediaType) {
        const url = `${this.base}/v2/${repository}/manifests/${reference}`;
        return this.retry(`registry PUT manifest ${reference.startsWith('sha256:') ? `${repository}@${reference}` : `${repository}:${reference}`}`, async () => {
            const response = await this.http.request('PUT', url, text, { authorization: this.authorization, 'content-type': mediaType });
            const body = await response.readBody();
            this.check(response.message.statusCode, body, `PUT manifest ${reference}`, [201, 200]);
            return { subjectProcessed: typeof response.message.headers['oci-subject'] === 'string' };
        });
    }
    /** A manifest's bytes by tag or digest, or undefined when there is none (404). */
    async getManifest(repository, reference, accept) {
        const url = `${this.base}/v2/${repository}/manifests/${reference}`;
        return this.retry(`registry GET ${repository}:${reference}`, async () => {
            const response = await this.http.request('GET', url, null, { authorization: this.authorization, accept: accept.join(', ') });
            const body = await response.readBody();
            if (response.message.statusCode === 404)
                return undefined;
            this.check(response.message.statusCode, body, `GET manifest ${reference}`, [200]);
            return body;
        });
    }
    /**
     * The referrers API's list for a subject, or `unsupported` when the registry has no referrers
     * API (404 on the endpoint, the spec's signal for falling back to the referrers tag).
     */
    async referrers(repository, digest) {
        const url = `${this.base}/v2/${repository}/referrers/${digest}`;
        return this.retry(`registry GET referrers of ${digest}`, async () => {
            const response = await this.http.request('GET', url, null, { authorization: this.authorization, accept: _layout_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p });
            const body = await response.readBody();
            const status = response.message.statusCode ?? 0;
            if (status === 404 || status === 405 || status === 400)
                return { supported: false };
            this.check(status, body, `GET referrers of ${digest}`, [200]);
            const type = String(response.message.headers['content-type'] ?? '');
            if (!type.startsWith(_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p))
                return { supported: false };
            return { supported: true, text: body };
        });
    }
    /** A blob's bytes as text (an image config, an in-toto statement); the registry may redirect to storage. */
    async getBlob(repository, digest) {
        const url = `${this.base}/v2/${repository}/blobs/${digest}`;
        return this.retry(`registry GET blob ${digest}`, async () => {
            const response = await this.http.request('GET', url, null, { authorization: this.authorization });
            const body = await response.readBody();
            this.check(response.message.statusCode, body, `GET blob ${digest}`, [200]);
            return body;
        });
    }
    /** The digest a tag names now (HEAD, Docker-Content-Digest), or undefined when there is no such tag. */
    async tagDigest(repository, tag, accept) {
        const url = `${this.base}/v2/${repository}/manifests/${tag}`;
        return this.retry(`registry HEAD ${repository}:${tag}`, async () => {
            const response = await this.http.request('HEAD', url, null, { authorization: this.authorization, accept: accept.join(', ') });
            await response.readBody();
            if (response.message.statusCode === 404)
                return undefined;
            this.check(response.message.statusCode, '', `HEAD manifest ${tag}`, [200]);
            const digest = response.message.headers['docker-content-digest'];
            if (typeof digest !== 'string')
                throw new Error(`The registry named no digest (Docker-Content-Digest) for ${repository}:${tag}.`);
            return digest;
        });
    }
    /** Whether a blob is in the repository (HEAD). */
    async hasBlob(repository, digest) {
        const url = `${this.base}/v2/${repository}/blobs/${digest}`;
        return this.retry(`registry HEAD blob ${digest}`, async () => {
            const response = await this.http.request('HEAD', url, null, { authorization: this.authorization });
            await response.readBody();
            if (response.message.statusCode === 404)
                return false;
            this.check(response.message.statusCode, '', `HEAD blob ${digest}`, [200]);
            return true;
        });
    }
    /** A monolithic blob upload (POST, then PUT with the digest). */
    async putBlob(repository, digest, bytes) {
        await this.retry(`registry upload of blob ${digest}`, async () => {
            const started = await this.http.request('POST', `${this.base}/v2/${repository}/blobs/uploads/`, '', {
                authorization: this.authorization,
                'content-length': '0',
            });
            const startBody = await started.readBody();
            this.check(started.message.statusCode, startBody, 'start blob upload', [202]);
            const location = started.message.headers.location;
            if (typeof location !== 'string')
                throw new Error('The registry started a blob upload without a Location.');
            const target = new URL(location, `${this.base}/`);
            target.searchParams.set('digest', digest);
            const done = await this.http.request('PUT', target.toString(), bytes, {
                authorization: this.authorization,
                'content-type': 'application/octet-stream',
            });
            this.check(done.message.statusCode, await done.readBody(), `upload blob ${digest}`, [201, 204]);
        });
    }
    check(status, body, what, ok) {
        if (status !== undefined && ok.includes(status))
            return;
        throw new RegistryHttpError(`The registry refused ${what}: HTTP ${status ?? '?'}${registryError(body)}`, status ?? 0);
    }
    retry(what, attempt) {
        return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)({ ...this.seams, what, transient: registryTransientCause }, attempt);
    }
}
/** ` (CODE: message)` from the registry's error body, when it has one. */
function registryError(body) {
    try {
        const parsed = JSON.parse(body);
        const first = parsed.errors?.[0];
        if (first?.code)
            return ` (${first.code}${first.message ? `: ${first.message}` : ''})`;
    }
    catch {
        // Not the registry's error shape: the status says it.
    }
    return '';
}


/***/ }),

/***/ 2227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ keyHint)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// The one small interface a signer is to the pipeline: a KMS key today (src/sign/kms.ts); a
// keyless signer (GitHub's OIDC token and Fulcio) would be another implementation of it, giving a
// certificate where this gives a public key's hint.

/** The public key's hint, as cosign writes it: base64 of SHA-256 of the DER SubjectPublicKeyInfo. */
function keyHint(spkiDer) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(spkiDer).digest('base64');
}


/***/ }),

/***/ 4457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  signImages: () => (/* binding */ signImages)
});

// EXTERNAL MODULE: ./src/util/actions-core.ts
var actions_core = __webpack_require__(155);
// EXTERNAL MODULE: ./src/attest/push.ts
var push = __webpack_require__(9841);
// EXTERNAL MODULE: ./src/attest/layout.ts
var layout = __webpack_require__(9651);
// EXTERNAL MODULE: ./src/attest/registry.ts
var attest_registry = __webpack_require__(3306);
// EXTERNAL MODULE: ./src/shared/manifest.ts
var shared_manifest = __webpack_require__(7684);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(1040);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(3917);
// EXTERNAL MODULE: ./src/sign/signer.ts
var signer = __webpack_require__(2227);
;// CONCATENATED MODULE: ./src/sign/bundle.ts
// Pure: what cosign 3 writes for a signature, so that `cosign verify --key` and
// `cosign verify-attestation --key` find and check what the step signs. A DSSE envelope over an
// in-toto statement (for the image itself, predicate type https://sigstore.dev/cosign/sign/v1,
// subject = the signed digest; for an attestation, its own statement) in a Sigstore bundle v0.3
// with the public key's hint and no transparency-log entry, pushed as one layer of an OCI 1.1
// artifact manifest whose subject is the signed manifest (cosign: pkg/oci/remote/write.go
// WriteAttestationNewBundleFormat). The bundle comes from @sigstore/bundle; the DSSE signature
// carries no `keyid`: cosign's DSSE verifier skips a signature whose keyid is not its own.




const BUNDLE_MEDIA_TYPE = dist/* BUNDLE_V03_MEDIA_TYPE */.HM;
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** cosign's predicate type for an image signature (cosign pkg/types/predicate.go). */
const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
const BUNDLE_PREDICATE_ANNOTATION = 'dev.sigstore.bundle.predicateType';
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
/** The statement cosign signs for an image: its digest, no name, no predicate. */
function imageSignatureStatement(digest) {
    const [algorithm, hex] = digest.split(':');
    return Buffer.from(JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ digest: { [algorithm]: hex }, annotations: {} }],
        predicateType: COSIGN_SIGN_PREDICATE,
        predicate: {},
    }));
}
/** What is signed: DSSE's pre-authentication encoding of the payload. */
function preAuthEncoding(payload) {
    return core_dist.dsse.preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload);
}

/** The bundle's JSON text: the statement, its signature, the key's hint. */
function bundleText(statement, signature, hint) {
    const bundle = (0,dist/* toDSSEBundle */.PR)({ artifact: statement, artifactType: IN_TOTO_PAYLOAD_TYPE, signature });
    bundle.verificationMaterial.content = { $case: 'publicKey', publicKey: { hint } };
    const json = (0,dist/* bundleToJSON */.ev)(bundle);
    for (const entry of json.dsseEnvelope?.signatures ?? [])
        delete entry.keyid;
    return JSON.stringify(json);
}
/** The OCI artifact manifest that carries a bundle, `subject` = the signed manifest, as cosign writes it. */
function signatureManifest(bundle, subject, predicateType, created) {
    const bundleBytes = Buffer.from(bundle);
    const layer = { mediaType: BUNDLE_MEDIA_TYPE, size: bundleBytes.length, digest: sha256(bundleBytes) };
    const annotations = {
        [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
        [BUNDLE_PREDICATE_ANNOTATION]: predicateType,
        [CREATED_ANNOTATION]: created,
    };
    const text = JSON.stringify({
        schemaVersion: 2,
        mediaType: layout/* OCI_MANIFEST */.EG,
        config: { mediaType: layout/* EMPTY_CONFIG */.$v.mediaType, size: layout/* EMPTY_CONFIG */.$v.size, digest: layout/* EMPTY_CONFIG */.$v.digest, artifactType: BUNDLE_MEDIA_TYPE },
        layers: [layer],
        annotations,
        subject: { mediaType: subject.mediaType, size: subject.size, digest: subject.digest },
        artifactType: BUNDLE_MEDIA_TYPE,
    });
    const digest = sha256(Buffer.from(text));
    return {
        text,
        digest,
        descriptor: { mediaType: layout/* OCI_MANIFEST */.EG, digest, size: Buffer.byteLength(text), artifactType: BUNDLE_MEDIA_TYPE, annotations },
        bundle: { text: bundle, digest: layer.digest, size: layer.size },
    };
}
/** A bundle read back (a re-run's): its key hint, payload and signature, or undefined when it is not a DSSE bundle. */
function readBundle(text) {
    try {
        const json = JSON.parse(text);
        const envelope = json.dsseEnvelope;
        const sig = envelope?.signatures?.[0]?.sig;
        if (!envelope?.payload || !envelope.payloadType || !sig)
            return undefined;
        return {
            ...(json.verificationMaterial?.publicKey?.hint ? { hint: json.verificationMaterial.publicKey.hint } : {}),
            payload: Buffer.from(envelope.payload, 'base64'),
            signature: Buffer.from(sig, 'base64'),
            payloadType: envelope.payloadType,
        };
    }
    catch {
        return undefined;
    }
}
function sha256(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/steps/label.ts
var label = __webpack_require__(4553);
;// CONCATENATED MODULE: ./src/steps/sign.ts
// Phase: signing with a key (signing: awskms://…), once the verdict lets the images through and
// before any tag is promoted. Each digest a tag names (the image index and each platform
// manifest; a single-platform image is one) is signed as cosign 3 signs an image, and each
// attestation's in-toto statement (SBOM, provenance) as cosign 3 attests, each a Sigstore
// bundle pushed as an OCI referrer of its digest (src/sign/bundle.ts), so that
// `cosign verify --key` and `cosign verify-attestation --key` find them. A signature by the same
// key already there (a re-run) is kept, not made again. Images the step holds back are not signed:
// a signature by this key says the image passed this step.








/**
 * Signs every image (all or nothing: the verdict counts a failure, and no image is promoted).
 * When the step already fails, nothing is signed and each image says why.
 */
async function signImages(step, session, images, signer, stepFails) {
    const base = { kind: 'kms', name: signer.name, key: signer.key };
    if (stepFails) {
        for (const image of images)
            image.keySignatures = { ...base, outcome: 'skipped', list: [] };
        actions_core/* info */.pq(`Not signed with ${signer.name}: the step fails, and a signature by this key says an image passed it.`);
        return;
    }
    step.progress.phase = 'signing';
    const registry = new attest_registry.Registry(session.login);
    const created = new Date(step.deps.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await actions_core/* group */.Os(`Sign with ${signer.name}`, async () => {
        await Promise.all(images.map(async (image) => {
            if (!image.candidate || !image.manifest)
                return;
            const say = (0,label/* labelFor */.gt)(step.inputs, image);
            try {
                const list = await signImage(registry, image, signer, created);
                image.keySignatures = { ...base, outcome: 'signed', list };
                actions_core/* info */.pq(say(signedLine(signer, list)));
            }
            catch (error) {
                const problem = `Signing with ${signer.name} failed: ${(0,errors/* toMessage */.R9)(error)}`;
                image.keySignatures = { ...base, outcome: 'failed', problem, list: [] };
                actions_core/* info */.pq(say(problem));
            }
        }));
    });
}
async function signImage(registry, image, signer, created) {
    const repository = image.ref.repositoryName;
    const signings = await whatToSign(registry, image);
    // Each subject's referrers, read once: a bundle by this key over the same statement is kept.
    const subjects = [...new Set(signings.map((s) => s.subject.digest))];
    const existing = new Map(await Promise.all(subjects.map(async (digest) => [digest, await bundlesOf(registry, repository, digest)])));
    const pushed = [];
    const list = await Promise.all(signings.map(async (signing) => {
        const entry = {
            digest: signing.subject.digest,
            what: signing.what,
            ...(signing.platform ? { platform: signing.platform } : {}),
            predicateType: signing.predicateType,
        };
        // A registry may leave the annotations out of its referrers list: then every bundle is read.
        const candidates = (existing.get(signing.subject.digest) ?? []).filter((d) => {
            const type = d.annotations?.[BUNDLE_PREDICATE_ANNOTATION];
            return type === undefined || type === signing.predicateType;
        });
        for (const candidate of candidates) {
            if (await signedBefore(registry, repository, candidate, signing, signer))
                return { ...entry, referrer: candidate.digest, reused: true };
        }
        const signature = await signer.sign(preAuthEncoding(signing.statement));
        const manifest = signatureManifest(bundleText(signing.statement, signature, signer.hint), signing.subject, signing.predicateType, created);
        await registry.putBlob(repository, manifest.bundle.digest, manifest.bundle.text);
        pushed.push({ signing, manifest });
        return { ...entry, referrer: manifest.digest, reused: false };
    }));
    await (0,push.pushReferrers)(registry, repository, pushed.map(({ signing, manifest }) => ({
        digest: manifest.digest,
        text: manifest.text,
        subject: signing.subject,
        descriptor: manifest.descriptor,
    })), () => undefined);
    return list;
}
/** The image's digests a tag names (the index and each platform manifest) and its attestations' statements. */
async function whatToSign(registry, image) {
    const manifest = await image.manifest();
    const top = {
        mediaType: manifest.mediaType ?? layout/* OCI_MANIFEST */.EG,
        digest: manifest.digest,
        size: Buffer.byteLength(manifest.text),
    };
    const platforms = image.platforms ?? [];
    // platform → the manifest its attestations describe: each platform manifest of an index, or
    // the one manifest of a single-platform image.
    const byPlatform = new Map();
    const parsed = JSON.parse(manifest.text);
    if ((0,shared_manifest/* isIndex */.nw)(top.mediaType, parsed)) {
        for (const entry of parsed.manifests ?? []) {
            const descriptor = (0,layout/* asDescriptor */.G8)(entry);
            const platform = descriptor && platforms.find((p) => p.digest === descriptor.digest)?.platform;
            if (descriptor && platform !== undefined)
                byPlatform.set(platform, descriptor);
        }
    }
    else {
        for (const p of platforms)
            if (p.digest === top.digest)
                byPlatform.set(p.platform, top);
    }
    const signings = [top, ...[...byPlatform.values()].filter((d) => d !== top)].map((subject) => {
        const platform = subject === top ? undefined : [...byPlatform].find(([, d]) => d === subject)?.[0];
        return {
            subject,
            what: 'image',
            ...(platform !== undefined ? { platform } : {}),
            predicateType: COSIGN_SIGN_PREDICATE,
            statement: imageSignatureStatement(subject.digest),
        };
    });
    const repository = image.ref.repositoryName;
    // Each attestation's statements, read at once (in the report's order).
    // attestations: index lists each statement, several of one kind sharing a manifest: each manifest and type once.
    const seen = new Set();
    const attestations = (image.attestations?.list ?? []).filter((a) => !seen.has(`${a.digest} ${a.predicateType}`) && !!seen.add(`${a.digest} ${a.predicateType}`));
    const attested = await Promise.all(attestations.map(async (attestation) => {
        const subject = byPlatform.get(attestation.platform);
        if (!subject)
            return [];
        const text = await registry.getManifest(repository, attestation.digest, [layout/* OCI_MANIFEST */.EG]);
        if (!text)
            throw new Error(`the ${attestation.kind} attestation ${attestation.digest} for ${attestation.platform} is not in ${repository}`);
        const found = (0,layout/* statements */.Fn)(text).filter((statement) => statement.predicateType === attestation.predicateType);
        return Promise.all(found.map(async (statement) => ({
            subject,
            what: attestation.kind,
            platform: attestation.platform,
            predicateType: statement.predicateType,
            statement: Buffer.from(await registry.getBlob(repository, statement.layer.digest)),
        })));
    }));
    return [...signings, ...attested.flat()];
}
/** The bundle referrers of a digest (the referrers API, else its referrers tag). */
async function bundlesOf(registry, repository, digest) {
    const { text } = await (0,push.referrersOf)(registry, repository, digest);
    if (!text)
        return [];
    const index = JSON.parse(text);
    return (index.manifests ?? []).flatMap((entry) => {
        const descriptor = (0,layout/* asDescriptor */.G8)(entry);
        return descriptor && descriptor.artifactType === BUNDLE_MEDIA_TYPE ? [descriptor] : [];
    });
}
/** Whether a referrer is this key's signature of the same statement (its signature checked, not only its hint). */
async function signedBefore(registry, repository, referrer, signing, signer) {
    const text = await registry.getManifest(repository, referrer.digest, [layout/* OCI_MANIFEST */.EG]);
    const layer = text ? (0,layout/* asDescriptor */.G8)(JSON.parse(text).layers?.[0]) : undefined;
    if (!layer || layer.mediaType !== BUNDLE_MEDIA_TYPE)
        return false;
    const bundle = readBundle(await registry.getBlob(repository, layer.digest));
    if (!bundle || bundle.hint !== signer.hint || bundle.payloadType !== IN_TOTO_PAYLOAD_TYPE)
        return false;
    if (!sameStatement(bundle.payload, signing))
        return false;
    return signer.verify(preAuthEncoding(bundle.payload), bundle.signature);
}
/** An attestation's statement byte for byte; an image signature by its predicate type and subject digest (cosign may format it otherwise). */
function sameStatement(payload, signing) {
    if (signing.what !== 'image')
        return payload.equals(signing.statement);
    try {
        const statement = JSON.parse(payload.toString('utf8'));
        const [algorithm, hex] = signing.subject.digest.split(':');
        return statement.predicateType === COSIGN_SIGN_PREDICATE && (statement.subject ?? []).some((s) => s.digest?.[algorithm] === hex);
    }
    catch {
        return false;
    }
}
function signedLine(signer, list) {
    const fresh = list.filter((s) => !s.reused);
    const count = (what) => fresh.filter((s) => s.what === what).length;
    const parts = [
        count('image') > 0 ? `${count('image')} digest${count('image') === 1 ? '' : 's'} of the image` : '',
        count('sbom') > 0 ? `${count('sbom')} SBOM${count('sbom') === 1 ? '' : 's'}` : '',
        count('provenance') > 0 ? `${count('provenance')} provenance${count('provenance') === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    const reused = list.length - fresh.length;
    const signed = parts.length > 0 ? `signed ${parts.join(', ')} (bundles pushed as referrers)` : 'nothing new to sign';
    return `Signed with ${signer.name}: ${signed}${reused > 0 ? `; ${reused} signature${reused === 1 ? '' : 's'} by this key already there` : ''}.`;
}


/***/ })

};

//# sourceMappingURL=457.index.js.map