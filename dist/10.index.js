export const id = 10;
export const ids = [10];
export const modules = {

/***/ 9010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createInspectorClient: () => (/* binding */ createInspectorClient),
/* harmony export */   inspectorEndpoint: () => (/* binding */ inspectorEndpoint)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3222);
/* harmony import */ var _aws_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5421);
// The one place the Amazon Inspector client is built, as the ECR client is (ecr/client.ts):
// credentials from the SDK's default chain, AWS_ENDPOINT_URL_INSPECTOR2 / AWS_ENDPOINT_URL
// honoured by the SDK itself, the proxy and timeouts from aws/http.ts. Built only when
// epss-threshold is set: ECR's findings carry no EPSS, Inspector's ListFindings does.


/** The URL the SDK will call, by its own precedence. */
function inspectorEndpoint(region, env) {
    const configured = env.AWS_ENDPOINT_URL_INSPECTOR2 || env.AWS_ENDPOINT_URL;
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(configured || `https://inspector2.${region}.${suffix}`);
}
async function createInspectorClient(region, env = process.env) {
    const client = new _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_1__/* .Inspector2Client */ .r0C({
        region,
        customUserAgent: 'ecr-build-scan-push',
        requestHandler: await (0,_aws_http_js__WEBPACK_IMPORTED_MODULE_0__/* .requestHandlerFor */ .n1)(inspectorEndpoint(region, env)),
    });
    (0,_aws_http_js__WEBPACK_IMPORTED_MODULE_0__/* .nameOperationInErrors */ .vO)(client, 'Amazon Inspector');
    return client;
}


/***/ })

};

//# sourceMappingURL=10.index.js.map