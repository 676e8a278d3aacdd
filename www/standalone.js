// index.html?bank=URL: the page shows one widget and nothing else, for embedding in an iframe.
// It tells the parent page its height (postMessage), so the frame can fit it without scrolling.
//
// A link can name any bank, so the page plays banks from its own origin only, and from the origins
// a publisher lists in `<meta name="adaptive-practice-bank-origins" content="https://a.example …">`.
// `data:` and `blob:` banks are refused: a crafted link must not put an attacker's text on this page.
const requested = new URLSearchParams(location.search).get('bank');
const refusal = requested === null ? null : whyRefused(requested);
const bank = refusal ? null : requested;
if (refusal) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'standalone-refused';
  message.textContent = refusal;
  document.documentElement.classList.add('standalone');
  document.body.replaceChildren(message);
}

/** Why this page will not play the bank at `address`, or null when it will. */
function whyRefused(address) {
  let url;
  try {
    url = new URL(address, location.href);
  } catch {
    return `This page cannot play the bank “${address}”: it is not a valid address.`;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:') {
    return `This page does not play banks given inline in the link (${url.protocol}). Put the bank on this site and link to its file.`;
  }
  const listed = (document.querySelector('meta[name="adaptive-practice-bank-origins"]')?.content ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (url.origin === location.origin || listed.includes(url.origin)) return null;
  return `This page plays banks from ${location.origin} only, and ${url.origin} is not on its list of allowed sites.`;
}

if (bank) {
  document.documentElement.classList.add('standalone');
  const widget = document.createElement('adaptive-practice');
  widget.setAttribute('src', bank);
  const storageKey = new URLSearchParams(location.search).get('storage-key');
  if (storageKey) widget.setAttribute('storage-key', storageKey);
  document.body.replaceChildren(widget);
  document.title = 'Practice · adaptive-practice';
  widget.addEventListener('adaptive-practice:progress', (event) => {
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
