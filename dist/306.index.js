export const id = 306;
export const ids = [306];
export const modules = {

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


/***/ })

};

//# sourceMappingURL=306.index.js.map