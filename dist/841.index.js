export const id = 841;
export const ids = [841];
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


/***/ })

};

//# sourceMappingURL=841.index.js.map