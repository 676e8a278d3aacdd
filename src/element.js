// adaptive-practice: defines the <adaptive-practice> custom element. Loads the wasm module once
// per page, mounts one widget per element in an open shadow root, and cleans up on removal.
import init, { mount, widgetStylesheet } from './adaptive_practice.js';

let ready = null;

/** Loads the wasm module once, and the stylesheet every widget adopts. */
function loadModule() {
  if (!ready) {
    ready = init({ module_or_path: new URL('./adaptive_practice_bg.wasm', import.meta.url) }).then(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(widgetStylesheet());
      return sheet;
    });
  }
  return ready;
}

function readOptions(element) {
  const inline = element.querySelector(':scope > script[type="application/json"]');
  const options = {};
  if (inline) options.bank = inline.textContent;
  const src = element.getAttribute('src');
  if (src && !inline) options.src = new URL(src, document.baseURI).href;
  const storageKey = element.getAttribute('storage-key');
  if (storageKey) options.storageKey = storageKey;
  return options;
}

export class AdaptivePracticeElement extends HTMLElement {
  static observedAttributes = ['src', 'storage-key'];

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && this.#generation > 0) this.#render();
  }

  #handle = null;
  #generation = 0;

  #unmount() {
    this.#generation += 1;
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = null;
    }
  }

  async #render() {
    this.#unmount();
    const generation = this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    try {
      const sheet = await loadModule();
      if (generation !== this.#generation || !this.isConnected) return;
      root.adoptedStyleSheets = [sheet];
      const container = document.createElement('div');
      container.setAttribute('part', 'widget');
      root.replaceChildren(container);
      this.#handle = mount(container, this, readOptions(this));
    } catch (error) {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = `The practice widget could not start: ${error && error.message ? error.message : error}`;
      root.replaceChildren(message);
      this.dispatchEvent(new CustomEvent('error', { bubbles: true, composed: true, detail: { message: message.textContent } }));
    }
  }
}

if (!customElements.get('adaptive-practice')) {
  customElements.define('adaptive-practice', AdaptivePracticeElement);
}

export { mount, loadModule };
