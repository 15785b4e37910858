export const id = 124;
export const ids = [124];
export const modules = {

/***/ 4124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createKmsClient: () => (/* binding */ createKmsClient),
/* harmony export */   kmsSigner: () => (/* binding */ kmsSigner)
/* harmony export */ });
/* unused harmony export kmsEndpoint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2632);
/* harmony import */ var _aws_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5421);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4266);
/* harmony import */ var _util_retry_defaults_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2477);
/* harmony import */ var _util_transient_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4606);
/* harmony import */ var _kms_key_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9854);
/* harmony import */ var _signer_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2227);
// The KMS signer: `signing: awskms:///<key>` (cosign's form). Before anything is built,
// kms:GetPublicKey says what the key is (an unusable key, a refusal or an unknown key is one line
// then); each signature is kms:Sign with MessageType DIGEST over SHA-256 of what is signed (as
// cosign's KMS signer does), retried on a transient fault, and checked with the public key
// before it is pushed. AWS_ENDPOINT_URL_KMS / AWS_ENDPOINT_URL are honoured by the SDK; an
// endpoint in the URI (awskms://host:port/…) wins, as it does for cosign.









/** The URL the SDK will call: the URI's endpoint, else the SDK's own precedence. */
function kmsEndpoint(region, ref, env) {
    if (ref.endpoint)
        return new URL(`https://${ref.endpoint}`);
    const configured = env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL;
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(configured || `https://kms.${region}.${suffix}`);
}
async function createKmsClient(region, ref, env = process.env) {
    const endpoint = kmsEndpoint(region, ref, env);
    const client = new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_8__/* .KMSClient */ .pgq({
        region,
        customUserAgent: 'ecr-build-scan-push',
        requestHandler: await (0,_aws_http_js__WEBPACK_IMPORTED_MODULE_1__/* .requestHandlerFor */ .n1)(endpoint),
        ...(ref.endpoint ? { endpoint: endpoint.toString() } : {}),
    });
    (0,_aws_http_js__WEBPACK_IMPORTED_MODULE_1__/* .nameOperationInErrors */ .vO)(client, 'KMS');
    return client;
}
/** The key, asked once before the build: a signer, or one line saying why the key cannot sign. */
async function kmsSigner(client, ref, seams = _util_retry_defaults_js__WEBPACK_IMPORTED_MODULE_4__/* .actionRetrySeams */ .i) {
    let answer;
    try {
        answer = await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)({ ...seams, what: `KMS GetPublicKey ${ref.keyId}`, transient: _util_transient_js__WEBPACK_IMPORTED_MODULE_5__/* .awsTransientCause */ .rO }, () => client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_8__/* .GetPublicKeyCommand */ .QSA({ KeyId: ref.keyId })));
    }
    catch (error) {
        throw refusal(error, 'kms:GetPublicKey', ref);
    }
    const key = answer.KeyId ?? ref.keyId;
    const algorithm = (0,_kms_key_js__WEBPACK_IMPORTED_MODULE_6__/* .signingAlgorithmOf */ .I3)({ keyId: key, keySpec: answer.KeySpec, keyUsage: answer.KeyUsage, signingAlgorithms: answer.SigningAlgorithms ?? [] }, ref.uri);
    if (!answer.PublicKey)
        throw new Error(`KMS GetPublicKey answered no public key for ${ref.uri}.`);
    const der = Buffer.from(answer.PublicKey);
    const publicKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: der, format: 'der', type: 'spki' });
    const verifies = (pae, signature) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', pae, { key: publicKey, dsaEncoding: 'der' }, signature);
    return {
        name: ref.uri,
        kind: 'kms',
        key,
        hint: (0,_signer_js__WEBPACK_IMPORTED_MODULE_7__/* .keyHint */ .p)(der),
        publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
        sign: (pae) => signWithKms(client, ref, key, algorithm, verifies, pae, seams),
        verify: verifies,
    };
}
async function signWithKms(client, ref, key, algorithm, verifies, pae, seams) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(pae).digest();
    let answer;
    try {
        answer = await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)({ ...seams, what: `KMS Sign with ${ref.keyId}`, transient: _util_transient_js__WEBPACK_IMPORTED_MODULE_5__/* .awsTransientCause */ .rO }, () => client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_8__/* .SignCommand */ .fJE({ KeyId: ref.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: algorithm })));
    }
    catch (error) {
        throw refusal(error, 'kms:Sign', ref, key);
    }
    const signature = Buffer.from(answer.Signature ?? []);
    // A signature the public key does not verify would be pushed for nobody to verify.
    if (!verifies(pae, signature)) {
        throw new Error(`KMS signed with ${ref.uri}, but the signature does not verify with the key's public key (GetPublicKey): nothing was pushed.`);
    }
    return signature;
}
/** A refused or failed KMS call as one line naming the permission and the key. */
function refusal(error, permission, ref, key = ref.keyId) {
    const name = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error);
    const before = permission === 'kms:GetPublicKey';
    const make = (message) => (before ? new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(message) : new Error(message, { cause: error }));
    if (name === 'AccessDeniedException') {
        return make(`KMS refused ${permission} on ${key} (AccessDeniedException): allow ${permission} on the key for this role (docs/iam-policy.json), or name another key in signing.`);
    }
    if (name === 'NotFoundException')
        return make(`Input "signing": KMS has no key ${ref.keyId} (NotFoundException) in this account and region: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .toMessage */ .R9)(error)}`);
    if (name === 'DisabledException' || name === 'KMSInvalidStateException')
        return make(`Input "signing": the KMS key ${key} cannot sign (${name}): ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .toMessage */ .R9)(error)}`);
    return error instanceof Error ? error : new Error((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .toMessage */ .R9)(error));
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


/***/ })

};

//# sourceMappingURL=124.index.js.map