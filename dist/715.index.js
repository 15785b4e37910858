export const id = 715;
export const ids = [715];
export const modules = {

/***/ 2715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runImages: () => (/* binding */ runImages)
/* harmony export */ });
/* harmony import */ var _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(155);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2462);
/* harmony import */ var _tags_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5798);
/* harmony import */ var _ecr_auth_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7454);
/* harmony import */ var _ecr_docker_login_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5484);
/* harmony import */ var _ecr_repository_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8692);
/* harmony import */ var _ecr_images_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2298);
/* harmony import */ var _buildx_cache_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4601);
/* harmony import */ var _buildx_run_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1332);
/* harmony import */ var _image_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9002);
/* harmony import */ var _phases_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3498);
/* harmony import */ var _report_assemble_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2424);
/* harmony import */ var _gate_verdict_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5950);
// Several images in one step (issue 23), in the order main.ts runs one: one login; the
// repositories looked up side by side; each SHA tag's image reused where it exists
// (skip-existing); one `docker buildx bake` for the rest (one BuildKit session: stages the
// images share are built once); their scans waited for at once; one verdict (src/multi/verdict.ts:
// promotion all or nothing); one report; outputs keyed by image name.














async function runImages(context) {
    const { inputs, facts, deps, outputs, progress, tempDir } = context;
    const specs = inputs.images;
    for (const spec of specs)
        (0,_tags_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .computeTagPlan */ .l4)(facts, (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .imageInputs */ .bE)(inputs, spec), undefined);
    const names = specs.map((s) => s.name);
    if (!inputs.push) {
        if (inputs.cache === 'ecr')
            _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('cache: ecr is not used with push: false (no registry login).');
        const targets = specs.map((spec) => ({
            name: spec.name,
            request: (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .buildRequest */ .mK)({ inputs: (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .imageInputs */ .bE)(inputs, spec), facts, output: { kind: 'none' }, tempDir }),
            base: spec.bake,
        }));
        progress.phase = 'building';
        await _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Build ${names.join(', ')} (push: false)`, () => bake(targets, context));
        const reports = specs.map((spec) => ({
            name: spec.name,
            report: (0,_report_assemble_js__WEBPACK_IMPORTED_MODULE_12__/* .skippedReport */ .VY)({
                ...(0,_phases_js__WEBPACK_IMPORTED_MODULE_11__/* .reportBase */ .sq)((0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .imageInputs */ .bE)(inputs, spec), facts, spec.repository),
                build: 'not-pushed',
                skipped: 'not-pushed',
                tags: [],
            }),
        }));
        await publish(reports, { fails: false, reason: `push is false: ${specs.length} images built, none pushed or scanned.` }, context, '');
        return;
    }
    const builder = new _image_js__WEBPACK_IMPORTED_MODULE_10__/* .BuilderQuery */ .SO({ builder: inputs.builder, platforms: [] }, deps.run);
    if (inputs.cache === 'ecr')
        builder.start();
    const client = await deps.createClient(inputs.awsRegion);
    const creation = inputs.cache === 'ecr' ? (0,_buildx_cache_js__WEBPACK_IMPORTED_MODULE_8__/* .creationWithCache */ .ci)(inputs) : undefined;
    progress.phase = 'logging in to Amazon ECR';
    const login = await _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Log in to Amazon ECR', async () => {
        const credentials = await (0,_ecr_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .getRegistryLogin */ .R)(client, inputs.registryId, (secret) => _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret));
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.registries, JSON.stringify([credentials.registry]));
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.skipLogout, String(inputs.skipLogout));
        await (0,_ecr_docker_login_js__WEBPACK_IMPORTED_MODULE_5__/* .dockerLogin */ .a)(credentials, deps.run);
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Logged in to ${credentials.registry}.`);
        return credentials;
    });
    outputs.registry = login.registry;
    progress.phase = 'looking up the repositories';
    const images = await _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Repositories (${specs.length})`, () => Promise.all(specs.map(async (spec) => {
        const own = (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .imageInputs */ .bE)(inputs, spec);
        const repository = await (0,_ecr_repository_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureRepository */ .z)(client, creation ? { ...own, ...creation } : own, login.registry);
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${spec.name}: ${repository.created ? 'created' : 'found'} ${repository.name}: scan-on-push ${repository.scanOnPush ? 'on' : 'off'}, tags ${repository.tagMutability}.`);
        if (repository.created && creation?.note)
            _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${spec.name}: ${creation.note}`);
        if (inputs.lifecyclePolicy)
            await (0,_ecr_repository_js__WEBPACK_IMPORTED_MODULE_6__/* .applyLifecyclePolicy */ .V)(client, repository, inputs.lifecyclePolicy.text);
        const image = `${login.registry}/${spec.repository}`;
        return {
            spec,
            inputs: own,
            image,
            ref: { repositoryName: repository.name, registryId: inputs.registryId },
            repository,
            plan: (0,_tags_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .computeTagPlan */ .l4)(facts, own, image),
        };
    })));
    if (inputs.lifecyclePolicy) {
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path} to each repository.`);
        if ((0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .attestsBeside */ .X0)(inputs)) {
            const warning = (await __webpack_require__.e(/* import() */ 409).then(__webpack_require__.bind(__webpack_require__, 5409))).lifecycleWarning(inputs.lifecyclePolicy.text);
            if (warning)
                _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(warning);
        }
    }
    progress.phase = 'building and pushing';
    await _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Build and push', async () => {
        // skip-existing per image: a re-run builds only what is missing.
        await Promise.all(images.map(async (image) => {
            if (!image.plan.candidate)
                return;
            image.candidate = (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .reuseExisting */ .MM)(await (0,_ecr_images_js__WEBPACK_IMPORTED_MODULE_7__/* .findImageByTag */ ._B)(client, image.ref, image.plan.candidate), image);
        }));
        const toBuild = images.filter((image) => !image.candidate);
        if (toBuild.length === 0) {
            _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Every image exists already: nothing to build.');
            return;
        }
        const targets = [];
        for (const image of toBuild) {
            const cache = await (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .ecrCache */ .NQ)(image.inputs, facts, image.image, image.repository, builder);
            const output = (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .pushOutput */ .Yt)(image.inputs, image.plan, image.image);
            targets.push({
                name: image.spec.name,
                request: (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .buildRequest */ .mK)({ inputs: image.inputs, facts, output, tempDir, cache }),
                base: image.spec.bake,
            });
        }
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Building ${toBuild.map((i) => i.spec.name).join(', ')} in one docker buildx bake.`);
        const results = await bake(targets, context);
        for (const image of toBuild) {
            const result = results.get(image.spec.name);
            if ((0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .attestsBeside */ .X0)(image.inputs)) {
                image.candidate = await (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .attestBeside */ .ad)({ client, ref: image.ref, plan: image.plan, image: image.image, login }, result.digest);
            }
            else {
                _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Pushed ${image.image}@${result.digest}.`);
                image.candidate = { digest: result.digest, mediaType: result.mediaType, platform: result.platform, reused: false };
            }
        }
    });
    for (const image of images) {
        const { manifest, platforms } = await (0,_image_js__WEBPACK_IMPORTED_MODULE_10__/* .resolvePlatforms */ .zT)(client, image.ref, image.inputs, image.candidate, builder);
        image.manifest = manifest;
        image.platforms = platforms;
    }
    outputs.digests = Object.fromEntries(images.map((i) => [i.spec.name, i.candidate.digest]));
    outputs.imageUris = Object.fromEntries(images.map((i) => [i.spec.name, `${i.image}@${i.candidate.digest}`]));
    outputs.tags = images.flatMap((i) => (i.plan.candidate ? [`${i.image}:${i.plan.candidate}`] : []));
    const attestations = await _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Attestations', async () => {
        const listed = new Map();
        for (const i of images) {
            listed.set(i.spec.name, await (0,_phases_js__WEBPACK_IMPORTED_MODULE_11__/* .listAttestations */ .el)({
                client,
                ref: i.ref,
                inputs: i.inputs,
                candidate: i.candidate,
                platforms: i.platforms,
                manifest: i.manifest,
                login,
            }));
        }
        return listed;
    });
    // The scans, all at once: each image's poller keeps its own pace (≤ 1 call/s per repository) and
    // the one scan-timeout holds for all, as they start together.
    if (inputs.scan) {
        await _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Wait for ECR's scans (${images.length} images)`, () => Promise.all(images.map(async (image) => {
            image.scanned = await (0,_phases_js__WEBPACK_IMPORTED_MODULE_11__/* .scanAndDecide */ .D$)({
                client,
                ref: image.ref,
                scanOnPush: image.repository.scanOnPush,
                inputs: image.inputs,
                facts,
                platforms: image.platforms,
            }, deps, progress, image.spec.name);
        })));
    }
    const step = (0,_gate_verdict_js__WEBPACK_IMPORTED_MODULE_13__/* .decideStep */ .lH)(images.map((image) => ({
        name: image.spec.name,
        decision: image.scanned?.verdict.decision,
        statuses: image.scanned?.scans.map((scan) => scan.status) ?? [],
        ...(image.scanned ? {} : { skipped: 'scan-off' }),
        promotions: image.plan.promotions,
    })), { layout: 'several', scanTimeoutSeconds: inputs.scanTimeoutSeconds });
    // All or nothing: no image is promoted while another one failed.
    const written = new Map();
    const heldBack = new Map(step.heldBack);
    if (step.mayPromote) {
        for (const image of images) {
            const result = await (0,_phases_js__WEBPACK_IMPORTED_MODULE_11__/* .promote */ .pt)(client, image.ref, image.repository, image.plan, image.inputs, image.manifest);
            written.set(image.spec.name, result.written);
            heldBack.set(image.spec.name, result.heldBack);
        }
    }
    else {
        for (const [name, held] of step.heldBack)
            for (const h of held)
                _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${name}: held back ${h.tag}: ${h.reason}.`);
    }
    const reports = images.map((image) => {
        const name = image.spec.name;
        const tags = [...(image.plan.candidate ? [image.plan.candidate] : []), ...(written.get(name) ?? [])].map((tag) => `${image.image}:${tag}`);
        const known = {
            ...(0,_phases_js__WEBPACK_IMPORTED_MODULE_11__/* .reportBase */ .sq)(image.inputs, facts, image.image),
            digest: image.candidate.digest,
            build: image.candidate.reused ? 'reused' : 'built',
            attestations: attestations.get(name),
            tags,
            heldBack: heldBack.get(name) ?? [],
        };
        const report = image.scanned
            ? (0,_report_assemble_js__WEBPACK_IMPORTED_MODULE_12__/* .buildReport */ .FK)({
                ...known,
                gate: (0,_report_assemble_js__WEBPACK_IMPORTED_MODULE_12__/* .gateSettings */ .dJ)({
                    ...image.inputs,
                    epssThreshold: image.scanned.risk.gate.epssThreshold,
                    failOnExploitable: image.scanned.risk.gate.failOnExploitable,
                }),
                riskNotes: image.scanned.risk.notes,
                scans: image.scanned.scans,
                decision: image.scanned.verdict.decision,
                ignores: { expired: image.scanned.verdict.expired },
                comparison: image.scanned.verdict.comparison,
            })
            : (0,_report_assemble_js__WEBPACK_IMPORTED_MODULE_12__/* .skippedReport */ .VY)({ ...known, skipped: 'scan-off', platforms: image.platforms });
        return { name, report };
    });
    outputs.tags = reports.flatMap(({ report }) => report.tags);
    outputs.findings = Object.fromEntries(reports.filter(({ report }) => report.verdict !== 'skipped').map(({ name, report }) => [name, report.counts]));
    await publish(reports, step, context, login.registry);
    if (step.fails)
        throw new Error(step.reason);
    if (step.warns)
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(step.reason);
    else
        _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(step.reason);
}
async function bake(targets, context) {
    return (0,_buildx_run_js__WEBPACK_IMPORTED_MODULE_9__/* .runBake */ .LS)(targets, {
        file: node_path__WEBPACK_IMPORTED_MODULE_1__.join(context.tempDir, 'bake.json'),
        metadataFile: node_path__WEBPACK_IMPORTED_MODULE_1__.join(context.tempDir, 'bake-metadata.json'),
        builder: context.inputs.builder,
        absolute: (file) => node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(context.workspace, file),
        helpers: context.inputs.bakeHelpers,
    }, context.deps.run);
}
async function publish(reports, step, context, registry) {
    const { inputs, facts, outputs, progress } = context;
    const { publishStepReport } = await __webpack_require__.e(/* import() */ 50).then(__webpack_require__.bind(__webpack_require__, 7669));
    const stepReport = { fails: step.fails, reason: step.reason, images: reports, runUrl: facts.runUrl };
    outputs.scanStatus = worstStatus(reports.map(({ report }) => report.scan.status));
    const published = await _util_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Report', () => publishStepReport(stepReport, {
        // One comment per PR for the step, kept when images are added or removed (two multi-image
        // steps on one PR set comment-key apart, as a matrix of single-image steps does).
        inputs: { ...inputs, file: inputs.images[0].file, commentKey: inputs.commentKey ?? `${registry ? `${registry}/` : ''}images` },
        facts,
        image: '',
        tempDir: context.tempDir,
        workspace: context.workspace,
        files: Object.fromEntries(inputs.images.map((spec) => [spec.name, spec.file])),
    }));
    progress.published = true;
    outputs.report = published.reportPath;
    outputs.sarif = published.sarifPath;
    outputs.commentUrl = published.commentUrl;
}
/** The step's scan status: COMPLETE only when every image's is. */
function worstStatus(statuses) {
    return statuses.find((s) => s !== 'COMPLETE') ?? 'COMPLETE';
}


/***/ })

};

//# sourceMappingURL=715.index.js.map