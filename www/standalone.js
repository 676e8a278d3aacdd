// index.html?bank=URL: the page shows one widget and nothing else, for embedding in an iframe.
// It tells the parent page its height (postMessage), so the frame can fit it without scrolling.
const bank = new URLSearchParams(location.search).get('bank');
if (bank) {
  document.documentElement.classList.add('standalone');
  const widget = document.createElement('adaptive-practice');
  widget.setAttribute('src', bank);
  const storageKey = new URLSearchParams(location.search).get('storage-key');
  if (storageKey) widget.setAttribute('storage-key', storageKey);
  document.body.replaceChildren(widget);
  document.title = 'Practice · adaptive-practice';
  widget.addEventListener('progress', (event) => {
    const name = event.detail?.object?.definition?.name?.und;
    if (name) document.title = `${name} · practice`;
  });
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last && window.parent !== window) {
      last = height;
      window.parent.postMessage({ type: 'adaptive-practice:resize', height }, '*');
    }
  }).observe(document.documentElement);
}
