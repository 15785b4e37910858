export const id = 702;
export const ids = [702];
export const modules = {

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCommentOctokit: () => (/* binding */ createCommentOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
// The only module that imports @actions/github. It reads GITHUB_API_URL and sets up the proxy
// agent when it loads, so it is imported dynamically (steps/publish.ts) and only when a comment
// is to be written.

function createCommentOctokit(token) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token); // typed as CommentOctokit: tsc checks the real client fits it
}


/***/ })

};

//# sourceMappingURL=702.index.js.map