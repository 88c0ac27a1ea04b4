// Report webview script: forwards button clicks to the extension. Loaded with the page's
// nonce; the page has no inline handlers.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-command]') : null;
    if (target) vscode.postMessage({ command: target.getAttribute('data-command') });
  });
})();
