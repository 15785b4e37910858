export const id = 269;
export const ids = [269];
export const modules = {

/***/ 2269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runImages: () => (/* binding */ runImages)
});

// UNUSED EXPORTS: imageInputs

// EXTERNAL MODULE: ./src/util/actions-core.ts
var actions_core = __webpack_require__(155);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/tags/plan.ts
var plan = __webpack_require__(5798);
// EXTERNAL MODULE: ./src/ecr/auth.ts
var auth = __webpack_require__(7454);
// EXTERNAL MODULE: ./src/ecr/docker-login.ts
var docker_login = __webpack_require__(5484);
// EXTERNAL MODULE: ./src/ecr/repository.ts
var ecr_repository = __webpack_require__(8692);
// EXTERNAL MODULE: ./src/ecr/images.ts
var ecr_images = __webpack_require__(2298);
// EXTERNAL MODULE: ./src/buildx/cache.ts
var cache = __webpack_require__(4601);
// EXTERNAL MODULE: ./src/buildx/run.ts + 3 modules
var run = __webpack_require__(1332);
// EXTERNAL MODULE: ./src/image.ts + 1 modules
var src_image = __webpack_require__(9002);
// EXTERNAL MODULE: ./src/phases.ts + 7 modules
var phases = __webpack_require__(3498);
// EXTERNAL MODULE: ./src/report/assemble.ts
var assemble = __webpack_require__(2424);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
;// CONCATENATED MODULE: ./src/multi/verdict.ts
// Pure: one verdict over the images of a multi-image step (issue 23). Each image's own verdict
// (src/gate/verdict.ts) decides its findings; this decides the step: it fails when any image
// fails, and promotion is all or nothing: no image gets its release tags or `latest` while
// another one failed (a release is the set of images, not one of them), and each held-back
// tag says which image held it.

function decideStep(images) {
    const failed = images.filter((image) => image.verdict?.decision.fails).map((image) => image.name);
    const incomplete = images.some((image) => image.verdict?.decision.verdict === 'incomplete' && !image.verdict.decision.fails);
    const mayPromote = images.every((image) => image.verdict === undefined || image.verdict.mayPromote);
    const heldBack = new Map();
    for (const image of images) {
        const own = image.verdict?.decision.fails === true;
        heldBack.set(image.name, mayPromote ? [] : image.promotions.map((p) => ({ tag: p.tag, reason: own ? verdict/* HELD_BY_GATE */.u : `the gate failed on ${names(failed)}` })));
    }
    const held = [...heldBack.values()].some((tags) => tags.length > 0);
    const reason = failed.length > 0
        ? `${failed.length} of ${images.length} images failed the gate (${names(failed)})${held ? ': no image was promoted' : ''}.`
        : `All ${images.length} images passed the gate.`;
    return { fails: failed.length > 0, incomplete, reason, mayPromote, heldBack, failed };
}
function names(list) {
    return list.map((name) => `"${name}"`).join(', ');
}

;// CONCATENATED MODULE: ./src/multi/pipeline.ts
// Several images in one step (issue 23), in the order main.ts runs one: one login; the
// repositories looked up side by side; each SHA tag's image reused where it exists
// (skip-existing); one `docker buildx bake` for the rest (one BuildKit session: stages the
// images share are built once); their scans waited for at once; one verdict (src/multi/verdict.ts:
// promotion all or nothing); one report; outputs keyed by image name.














/** The step's inputs for one image: its repository and build fields in place of the step's. */
function imageInputs(inputs, spec) {
    const { repository, context, file, target, buildArgs, platforms } = spec;
    return { ...inputs, repository, context, file, target, buildArgs, platforms, images: undefined, bakeHelpers: undefined };
}
async function runImages(context) {
    const { inputs, facts, deps, outputs, progress, tempDir } = context;
    const specs = inputs.images ?? [];
    for (const spec of specs)
        (0,plan/* computeTagPlan */.l4)(facts, imageInputs(inputs, spec), undefined);
    const names = specs.map((s) => s.name);
    if (!inputs.push) {
        if (inputs.cache === 'ecr')
            actions_core/* info */.pq('cache: ecr is not used with push: false (no registry login).');
        const targets = specs.map((spec) => ({
            name: spec.name,
            request: (0,src_image/* buildRequest */.mK)({ inputs: imageInputs(inputs, spec), facts, output: { kind: 'none' }, tempDir }),
            base: spec.bake,
        }));
        progress.phase = 'building';
        await actions_core/* group */.Os(`Build ${names.join(', ')} (push: false)`, () => bake(targets, context));
        const reports = specs.map((spec) => ({
            name: spec.name,
            report: (0,assemble/* skippedReport */.VY)({ ...(0,phases/* reportBase */.sq)(inputs, facts, spec.repository), build: 'not-pushed', skipped: 'not-pushed', tags: [] }),
        }));
        await publish(reports, { fails: false, reason: `push is false: ${specs.length} images built, none pushed or scanned.` }, context, '');
        return;
    }
    const builder = new src_image/* BuilderQuery */.SO(inputs, deps.run);
    if (inputs.cache === 'ecr')
        builder.start();
    const client = await deps.createClient(inputs.awsRegion);
    const creation = inputs.cache === 'ecr' ? (0,cache/* creationWithCache */.ci)(inputs) : undefined;
    progress.phase = 'logging in to Amazon ECR';
    const login = await actions_core/* group */.Os('Log in to Amazon ECR', async () => {
        const credentials = await (0,auth/* getRegistryLogin */.R)(client, inputs.registryId, (secret) => actions_core/* setSecret */.Pq(secret));
        actions_core/* saveState */.LZ(state/* STATE */.c.registries, JSON.stringify([credentials.registry]));
        actions_core/* saveState */.LZ(state/* STATE */.c.skipLogout, String(inputs.skipLogout));
        await (0,docker_login/* dockerLogin */.a)(credentials, deps.run);
        actions_core/* info */.pq(`Logged in to ${credentials.registry}.`);
        return credentials;
    });
    outputs.registry = login.registry;
    progress.phase = 'looking up the repositories';
    const images = await actions_core/* group */.Os(`Repositories (${specs.length})`, () => Promise.all(specs.map(async (spec) => {
        const own = imageInputs(inputs, spec);
        const repository = await (0,ecr_repository/* ensureRepository */.z)(client, creation ? { ...own, ...creation } : own, login.registry);
        actions_core/* info */.pq(`${spec.name}: ${repository.created ? 'created' : 'found'} ${repository.name}: scan-on-push ${repository.scanOnPush ? 'on' : 'off'}, tags ${repository.tagMutability}.`);
        if (repository.created && creation?.note)
            actions_core/* info */.pq(`${spec.name}: ${creation.note}`);
        if (inputs.lifecyclePolicy)
            await (0,ecr_repository/* applyLifecyclePolicy */.V)(client, repository, inputs.lifecyclePolicy.text);
        const image = `${login.registry}/${spec.repository}`;
        return {
            spec,
            inputs: own,
            image,
            ref: { repositoryName: repository.name, registryId: inputs.registryId },
            repository,
            plan: (0,plan/* computeTagPlan */.l4)(facts, own, image),
        };
    })));
    if (inputs.lifecyclePolicy) {
        actions_core/* info */.pq(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path} to each repository.`);
        if ((0,src_image/* attestsBeside */.X0)(inputs)) {
            const warning = (await __webpack_require__.e(/* import() */ 409).then(__webpack_require__.bind(__webpack_require__, 5409))).lifecycleWarning(inputs.lifecyclePolicy.text);
            if (warning)
                actions_core/* warning */.$e(warning);
        }
    }
    progress.phase = 'building and pushing';
    await actions_core/* group */.Os('Build and push', async () => {
        // skip-existing per image: a re-run builds only what is missing.
        await Promise.all(images.map(async (image) => {
            if (!image.plan.candidate)
                return;
            image.candidate = (0,src_image/* reuseExisting */.MM)(await (0,ecr_images/* findImageByTag */._B)(client, image.ref, image.plan.candidate), image);
        }));
        const toBuild = images.filter((image) => !image.candidate);
        if (toBuild.length === 0) {
            actions_core/* info */.pq('Every image exists already: nothing to build.');
            return;
        }
        const targets = [];
        for (const image of toBuild) {
            const cache = await (0,src_image/* ecrCache */.NQ)(image.inputs, facts, image.image, image.repository, builder);
            const output = (0,src_image/* pushOutput */.Yt)(image.inputs, image.plan, image.image);
            targets.push({
                name: image.spec.name,
                request: (0,src_image/* buildRequest */.mK)({ inputs: image.inputs, facts, output, tempDir, cache }),
                base: image.spec.bake,
            });
        }
        actions_core/* info */.pq(`Building ${toBuild.map((i) => i.spec.name).join(', ')} in one docker buildx bake.`);
        const results = await bake(targets, context);
        for (const image of toBuild) {
            const result = results.get(image.spec.name);
            if ((0,src_image/* attestsBeside */.X0)(image.inputs)) {
                image.candidate = await (0,src_image/* attestBeside */.ad)({ client, ref: image.ref, plan: image.plan, image: image.image, login }, result.digest);
            }
            else {
                actions_core/* info */.pq(`Pushed ${image.image}@${result.digest}.`);
                image.candidate = { digest: result.digest, mediaType: result.mediaType, platform: result.platform, reused: false };
            }
        }
    });
    for (const image of images) {
        const { manifest, platforms } = await (0,src_image/* resolvePlatforms */.zT)(client, image.ref, image.inputs, image.candidate, builder);
        image.manifest = manifest;
        image.platforms = platforms;
    }
    outputs.digests = Object.fromEntries(images.map((i) => [i.spec.name, i.candidate.digest]));
    outputs.imageUris = Object.fromEntries(images.map((i) => [i.spec.name, `${i.image}@${i.candidate.digest}`]));
    outputs.tags = images.flatMap((i) => (i.plan.candidate ? [`${i.image}:${i.plan.candidate}`] : []));
    const attestations = await actions_core/* group */.Os('Attestations', async () => {
        const listed = new Map();
        for (const i of images) {
            listed.set(i.spec.name, await (0,phases/* listAttestations */.el)({
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
        await actions_core/* group */.Os(`Wait for ECR's scans (${images.length} images)`, () => Promise.all(images.map(async (image) => {
            image.scanned = await (0,phases/* scanAndDecide */.D$)({
                client,
                ref: image.ref,
                scanOnPush: image.repository.scanOnPush,
                inputs: image.inputs,
                facts,
                platforms: image.platforms,
                plan: image.plan,
            }, deps, progress, image.spec.name);
        })));
    }
    const step = decideStep(images.map((image) => ({ name: image.spec.name, verdict: image.scanned?.verdict, promotions: image.plan.promotions })));
    // All or nothing: no image is promoted while another one failed.
    const written = new Map();
    const heldBack = new Map(step.heldBack);
    if (step.mayPromote) {
        for (const image of images) {
            const result = await (0,phases/* promote */.pt)(client, image.ref, image.repository, image.plan, image.inputs, image.manifest);
            written.set(image.spec.name, result.written);
            heldBack.set(image.spec.name, result.heldBack);
        }
    }
    else {
        for (const [name, held] of step.heldBack)
            for (const h of held)
                actions_core/* info */.pq(`${name}: held back ${h.tag}: ${h.reason}.`);
    }
    const reports = images.map((image) => {
        const name = image.spec.name;
        const tags = [...(image.plan.candidate ? [image.plan.candidate] : []), ...(written.get(name) ?? [])].map((tag) => `${image.image}:${tag}`);
        const known = {
            ...(0,phases/* reportBase */.sq)(image.inputs, facts, image.image),
            digest: image.candidate.digest,
            build: image.candidate.reused ? 'reused' : 'built',
            attestations: attestations.get(name),
            tags,
            heldBack: heldBack.get(name) ?? [],
        };
        const report = image.scanned
            ? (0,assemble/* buildReport */.FK)({
                ...known,
                gate: (0,assemble/* gateSettings */.dJ)({
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
            : (0,assemble/* skippedReport */.VY)({ ...known, skipped: 'scan-off', platforms: image.platforms });
        return { name, report };
    });
    outputs.tags = reports.flatMap(({ report }) => report.tags);
    outputs.findings = Object.fromEntries(reports.filter(({ report }) => report.verdict !== 'skipped').map(({ name, report }) => [name, report.counts]));
    await publish(reports, step, context, login.registry);
    if (step.fails)
        throw new Error(step.reason);
    if (step.incomplete)
        actions_core/* warning */.$e(`${step.reason} A scan was incomplete (on-scan-incomplete: warn).`);
    else
        actions_core/* info */.pq(step.reason);
}
async function bake(targets, context) {
    return (0,run/* runBake */.LS)(targets, {
        file: external_node_path_.join(context.tempDir, 'bake.json'),
        metadataFile: external_node_path_.join(context.tempDir, 'bake-metadata.json'),
        builder: context.inputs.builder,
        absolute: (file) => external_node_path_.resolve(context.workspace, file),
        helpers: context.inputs.bakeHelpers,
    }, context.deps.run);
}
async function publish(reports, step, context, registry) {
    const { inputs, facts, outputs, progress } = context;
    const { publishStepReport } = await __webpack_require__.e(/* import() */ 50).then(__webpack_require__.bind(__webpack_require__, 7669));
    const stepReport = { fails: step.fails, reason: step.reason, images: reports, runUrl: facts.runUrl };
    outputs.scanStatus = worstStatus(reports.map(({ report }) => report.scan.status));
    const published = await actions_core/* group */.Os('Report', () => publishStepReport(stepReport, {
        // One comment per PR for the step, kept when images are added or removed (two multi-image
        // steps on one PR set comment-key apart, as a matrix of single-image steps does).
        inputs: { ...inputs, commentKey: inputs.commentKey ?? `${registry ? `${registry}/` : ''}images` },
        facts,
        image: '',
        tempDir: context.tempDir,
        workspace: context.workspace,
        files: Object.fromEntries((inputs.images ?? []).map((spec) => [spec.name, spec.file])),
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

//# sourceMappingURL=269.index.js.map