// The DKIM verification worker's loader (frontend/src/verifier.rs starts it; Trunk copies
// this file next to the page). Trunk's own loader shim would leave a failed wasm download
// as an unhandled rejection inside the worker, which the page never hears of; this one
// tells the page, so that its signatures turn `unknown` at once instead of after the
// verifier's timeout.
importScripts("./inboxable-verify.js");
wasm_bindgen("./inboxable-verify_bg.wasm").catch((error) => {
  postMessage(JSON.stringify({ failed: String(error) }));
  close();
});
