// adaptive-practice-loader.js: the widget for pages that cannot use modules. One classic script,
// from anywhere (a CDN too), loads adaptive-practice.js from its own folder:
//   <script src="https://cdn.example/adaptive-practice/adaptive-practice-loader.js" async></script>
// When the module cannot load (a missing file, a CDN without CORS headers, a page opened from
// file://), every <adaptive-practice> element on the page says so instead of staying blank.
(() => {
  const script = document.currentScript;
  const moduleUrl = new URL('adaptive-practice.js', script?.src || document.baseURI).href;
  import(moduleUrl).catch((error) => {
    const reason =
      `The practice widget could not load ${moduleUrl} (${error?.message || error}). ` +
      'From another site, the files must be served with Access-Control-Allow-Origin; ' +
      'a page opened from a file cannot load them.';
    console.error(reason);
    for (const element of document.querySelectorAll('adaptive-practice')) {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = reason;
      element.replaceChildren(message);
    }
  });
})();
