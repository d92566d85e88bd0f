export const id = 851;
export const ids = [851];
export const modules = {

/***/ 8903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyAwareFetch: () => (/* binding */ proxyAwareFetch)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4942);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/**
 * Box requests through the runner's proxy (https_proxy / http_proxy, honouring no_proxy), the
 * same way @actions/github sends GitHub's: self-hosted runners behind a proxy reach neither
 * otherwise, since Node's own fetch ignores those variables.
 *
 * Always undici's fetch, the copy the bundle already carries for GitHub, with or without a proxy:
 * Node's built-in fetch is a second copy that loads on first use, about 15 ms on the path
 * between the preflight reads and the Box call.
 */


function proxyAwareFetch() {
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq('box-token-refresh');
    return ((input, init) => {
        const url = String(input);
        // undefined when no proxy applies to this URL: undici then connects directly.
        const dispatcher = client.getAgentDispatcher(url);
        return (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .fetch */ .hd)(url, { ...init, dispatcher });
    });
}


/***/ })

};
