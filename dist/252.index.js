export const id = 252;
export const ids = [252];
export const modules = {

/***/ 5252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lookUpTag: () => (/* binding */ lookUpTag),
/* harmony export */   splitRepository: () => (/* binding */ splitRepository)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2779);
/* harmony import */ var _shared_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7684);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3306);
// The digest a base image's tag names today, for the base-fresh rule: asked of the base's own
// registry (the OCI distribution API's HEAD on the manifest). The step's ECR registry with the
// login's credentials; any other registry anonymously, with the Bearer token its 401 challenge
// names (Docker Hub's and most public registries' way). Never throws: a registry that cannot be
// reached or refuses says why, and the rule shows "no data".




/** A registry that does not answer is not waited for long: the rule is a warning at most. */
const PUBLIC_TIMEOUT_MS = 10_000;
/** registry host/path → [host, path]; Docker Hub's `docker.io` is served at registry-1.docker.io. */
function splitRepository(repository) {
    const slash = repository.indexOf('/');
    const host = repository.slice(0, slash);
    const path = repository.slice(slash + 1);
    const api = host === 'docker.io' ? 'registry-1.docker.io' : host;
    // Plain HTTP only for a registry on this machine (as docker treats localhost as insecure).
    const scheme = /^(?:localhost|127\.\d+\.\d+\.\d+)(?::\d+)?$/.test(api) ? 'http' : 'https';
    return { host, path, api: `${scheme}://${api}` };
}
async function lookUpTag(repository, tag, login) {
    const { host, path, api } = splitRepository(repository);
    try {
        if (host === login.registry) {
            const digest = await new _registry_js__WEBPACK_IMPORTED_MODULE_3__.Registry(login).tagDigest(path, tag, [..._shared_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .ACCEPTED_MEDIA_TYPES */ .FG]);
            return digest ? { digest } : { why: `${repository}:${tag} is no longer in its registry` };
        }
        return await anonymous(api, path, tag, repository);
    }
    catch (error) {
        return { why: `${host} could not be asked what ${repository}:${tag} names (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .toMessage */ .R9)(error).split('\n')[0]})` };
    }
}
async function anonymous(api, path, tag, repository) {
    const http = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq('ecr-build-scan-push', undefined, { socketTimeout: PUBLIC_TIMEOUT_MS, allowRedirects: true });
    const accept = _shared_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .ACCEPTED_MEDIA_TYPES */ .FG.join(', ');
    const url = `${api}/v2/${path}/manifests/${tag}`;
    let response = await http.request('HEAD', url, null, { accept });
    await response.readBody();
    if (response.message.statusCode === 401) {
        const token = await bearerToken(http, String(response.message.headers['www-authenticate'] ?? ''));
        if (!token)
            return { why: `${repository} needs credentials this step does not have for its registry` };
        response = await http.request('HEAD', url, null, { accept, authorization: `Bearer ${token}` });
        await response.readBody();
    }
    const status = response.message.statusCode ?? 0;
    if (status === 404)
        return { why: `${repository}:${tag} is no longer in its registry` };
    if (status === 401 || status === 403)
        return { why: `${repository} needs credentials this step does not have for its registry` };
    const digest = response.message.headers['docker-content-digest'];
    if (status !== 200 || typeof digest !== 'string')
        return { why: `the registry of ${repository} answered HTTP ${status} without a digest` };
    return { digest };
}
/** `Bearer realm="…",service="…",scope="…"` → an anonymous token, when the realm gives one. */
async function bearerToken(http, challenge) {
    if (!/^Bearer\s/i.test(challenge))
        return undefined;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
    if (!params.realm)
        return undefined;
    const url = new URL(params.realm);
    if (params.service)
        url.searchParams.set('service', params.service);
    if (params.scope)
        url.searchParams.set('scope', params.scope);
    const response = await http.get(url.toString());
    const body = await response.readBody();
    if (response.message.statusCode !== 200)
        return undefined;
    const parsed = JSON.parse(body);
    const token = parsed.token ?? parsed.access_token;
    return typeof token === 'string' ? token : undefined;
}


/***/ })

};

//# sourceMappingURL=252.index.js.map