// adaptive-practice: the <adaptive-practice> custom element and the `mount` API for bundlers.
// Loads the wasm module once per page, mounts one widget per element in an open shadow root,
// reacts to attribute changes, and cleans up on removal. What the page writes inside the element
// is its fallback: shown until the shadow root is attached, so it stays visible when this script
// never runs; when the script runs but cannot start, the element says why in its shadow root.
import init, { mountWidget } from './adaptive_practice.js';

/**
 * The widget's stylesheet: `src/widget.css` without comments and needless spaces (`build.rs`),
 * written in here by `scripts/inline-stylesheet.mjs` when the package is built. Held by this
 * script rather than the wasm, so that a page parses it while the wasm module compiles.
 */
const WIDGET_CSS = '/* widget.css */';

let ready = null;
/** The folder of the language files (`i18n/<tag>.json`, all but English): beside the wasm file. */
let languageFolder = null;

/**
 * Loads the wasm module once (every widget on the page shares it); resolves to the widget's
 * stylesheet text. `wasmUrl` says where the `.wasm` file is when a host or bundler moved it; by
 * default it sits beside this script. The first widget to start decides: the module loads once.
 */
export function loadModule(wasmUrl) {
  if (!ready) {
    // The default is written as bundlers recognise it (`new URL('./file', import.meta.url)`), so
    // Vite and webpack emit the wasm file.
    const wasm = wasmUrl ? new URL(wasmUrl, document.baseURI) : new URL('./adaptive_practice_bg.wasm', import.meta.url);
    languageFolder = new URL('i18n/', wasm).href;
    ready = init({ module_or_path: wasm }).then(
      () => {
        // A timing mark for `make bench` and for hosts that measure start-up.
        performance.mark?.('adaptive-practice:instantiated');
        return WIDGET_CSS;
      },
      (error) => {
        // Say which file and what to check: the usual causes are a missing file and a server
        // that does not send `application/wasm`.
        const cause = error?.message ? error.message : String(error);
        throw new Error(
          `${wasm.href} could not be loaded (${cause}). It must sit next to adaptive-practice.js (or be named by wasm-url) and be served as application/wasm.`,
        );
      },
    );
  }
  return ready;
}

const adoptable = typeof ShadowRoot !== 'undefined' && 'adoptedStyleSheets' in ShadowRoot.prototype;
const sheets = new Map();

/**
 * Styles a shadow root: one shared constructed stylesheet where the browser adopts them, else a
 * `<style>` element (browsers without `adoptedStyleSheets`; a page whose CSP forbids inline
 * styles then shows the widget unstyled). Returns the nodes to keep first in the root.
 */
function styleRoot(root, cssText) {
  if (adoptable) {
    if (!sheets.has(cssText)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
      sheets.set(cssText, sheet);
    }
    root.adoptedStyleSheets = [sheets.get(cssText)];
    return [];
  }
  const style = document.createElement('style');
  style.textContent = cssText;
  return [style];
}

/** The look of the start-up error, which shows when the widget's own stylesheet could not load. */
const START_ERROR_CSS =
  ':host { display: block; } .ap-start-error { margin: 0; padding: 0.75rem 1rem; border: 2px solid currentColor; border-radius: 8px; overflow-wrap: anywhere; }';

/** The largest bank the widget accepts, in UTF-8 bytes (the Rust side's `MAX_BANK_BYTES`). */
const MAX_BANK_BYTES = 8 * 1024 * 1024;

/**
 * Starts fetching the bank at `url` at once, while the wasm module compiles. Resolves to its bytes
 * (copied into the module as they are: no decoding here), or to `null` when anything went wrong:
 * the widget then fetches it again itself, and says what went wrong as it always has (the
 * server's status, a network error, a bank too large).
 */
function prefetchBank(url) {
  return fetch(url)
    .then((response) => (response.ok ? response.arrayBuffer() : null))
    .then((buffer) => (buffer && buffer.byteLength <= MAX_BANK_BYTES ? new Uint8Array(buffer) : null))
    .catch(() => null);
}

/** `prefetchBank` for the options' `src`, unless the bank is given inline. */
function prefetchFor(options) {
  return options.bank || !options.src ? null : prefetchBank(new URL(options.src, document.baseURI).href);
}

/**
 * The options the Rust side understands, from the API's camelCase options. `prefetched` is the
 * promise of `prefetchBank(src)`, when the bank's download started before the module was ready.
 */
function widgetOptions(options, prefetched = null) {
  const result = {};
  if (typeof options.bank === 'string') result.bank = options.bank;
  else if (options.bank && typeof options.bank === 'object') result.bank = JSON.stringify(options.bank);
  if (options.src) result.src = new URL(options.src, document.baseURI).href;
  if (prefetched && result.bank === undefined && result.src) result.prefetchedBank = prefetched;
  if (options.storageKey) result.storageKey = String(options.storageKey);
  if (options.lang) result.lang = String(options.lang);
  if (languageFolder) result.i18nUrl = languageFolder;
  if (options.skills) result.skills = Array.isArray(options.skills) ? options.skills.join(' ') : String(options.skills);
  if (options.mediaOrigins)
    result.mediaOrigins = Array.isArray(options.mediaOrigins)
      ? options.mediaOrigins.join(' ')
      : String(options.mediaOrigins);
  return result;
}

/**
 * Mounts a widget into `target` (its content is replaced by a shadow root). Resolves to a handle:
 * `update(options)`, `resetProgress()`, `exportProgress()`, `destroy()`.
 */
export async function mount(target, options = {}) {
  const root = target.shadowRoot ?? target.attachShadow({ mode: 'open' });
  // The bank downloads and the stylesheet is parsed while the wasm module compiles (both used to
  // wait for the module).
  const prefetched = prefetchFor(options);
  const styles = styleRoot(root, WIDGET_CSS);
  await loadModule(options.wasmUrl);
  let current = options;
  let handle = null;
  const start = (bankText = null) => {
    const container = document.createElement('div');
    container.setAttribute('part', 'widget');
    root.replaceChildren(...styles, container);
    handle = mountWidget(container, target, widgetOptions(current, bankText));
  };
  start(prefetched);
  return {
    update(next) {
      current = { ...current, ...next };
      this.destroy();
      start(prefetchFor(current));
    },
    resetProgress() {
      handle?.resetProgress();
    },
    exportProgress() {
      return handle?.exportProgress() ?? null;
    },
    destroy() {
      if (handle) {
        handle.destroy();
        handle.free();
        handle = null;
      }
      root.replaceChildren();
    },
  };
}

function elementOptions(element) {
  const inline = element.querySelector(':scope > script[type="application/json"]');
  const options = {};
  if (inline) options.bank = inline.textContent;
  else if (element.getAttribute('src')) options.src = element.getAttribute('src');
  if (element.getAttribute('storage-key')) options.storageKey = element.getAttribute('storage-key');
  if (element.getAttribute('lang')) options.lang = element.getAttribute('lang');
  if (element.getAttribute('skills')) options.skills = element.getAttribute('skills');
  if (element.getAttribute('wasm-url')) options.wasmUrl = element.getAttribute('wasm-url');
  if (element.getAttribute('media-origins')) options.mediaOrigins = element.getAttribute('media-origins');
  return options;
}

/**
 * The SCORM runtime of the LMS, if the page runs inside one: the SCORM 2004 `API_1484_11` or the
 * SCORM 1.2 `API` object of this window or one of its parents (searched as the SCORM run-time
 * specifications describe). `null` when there is none.
 */
function findScormApi() {
  let frame = window;
  for (let depth = 0; frame && depth < 10; depth += 1) {
    try {
      if (frame.API_1484_11) return { version: '2004', api: frame.API_1484_11 };
      if (frame.API) return { version: '1.2', api: frame.API };
    } catch {
      return null; // A parent on another origin: no runtime reachable.
    }
    if (frame.parent === frame) break;
    frame = frame.parent;
  }
  return null;
}

/** Reports the widget's `progress` events to the LMS (score, completion, success); silent when there is no LMS. */
function connectScorm(element) {
  const runtime = findScormApi();
  if (!runtime) return () => {};
  const { version, api } = runtime;
  const call = (name, ...args) => {
    try {
      return api[name]?.(...args);
    } catch {
      return undefined;
    }
  };
  if (version === '2004') call('Initialize', '');
  else call('LMSInitialize', '');
  const onProgress = (event) => {
    const score = event.detail?.result?.score;
    if (!score) return;
    const complete = Boolean(event.detail.result.completion);
    if (version === '2004') {
      call('SetValue', 'cmi.score.scaled', score.scaled.toFixed(4));
      call('SetValue', 'cmi.score.raw', String(score.raw));
      call('SetValue', 'cmi.score.min', String(score.min));
      call('SetValue', 'cmi.score.max', String(score.max));
      call('SetValue', 'cmi.progress_measure', score.scaled.toFixed(4));
      call('SetValue', 'cmi.completion_status', complete ? 'completed' : 'incomplete');
      call('SetValue', 'cmi.success_status', complete ? 'passed' : 'unknown');
      call('Commit', '');
    } else {
      call('LMSSetValue', 'cmi.core.score.raw', String(Math.round(score.scaled * 100)));
      call('LMSSetValue', 'cmi.core.score.min', '0');
      call('LMSSetValue', 'cmi.core.score.max', '100');
      call('LMSSetValue', 'cmi.core.lesson_status', complete ? 'passed' : 'incomplete');
      call('LMSCommit', '');
    }
  };
  const onLeave = () => (version === '2004' ? call('Terminate', '') : call('LMSFinish', ''));
  element.addEventListener('adaptive-practice:progress', onProgress);
  window.addEventListener('pagehide', onLeave);
  return () => {
    element.removeEventListener('adaptive-practice:progress', onProgress);
    window.removeEventListener('pagehide', onLeave);
  };
}

export class AdaptivePracticeElement extends HTMLElement {
  static observedAttributes = ['src', 'storage-key', 'lang', 'skills', 'wasm-url', 'media-origins'];

  #disconnectScorm = () => {};

  #handle = null;
  #generation = 0;

  connectedCallback() {
    if (this.hasAttribute('scorm')) this.#disconnectScorm = connectScorm(this);
    this.#scheduleRender();
  }

  disconnectedCallback() {
    this.#disconnectScorm();
    this.#disconnectScorm = () => {};
    this.#generation += 1;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#scheduleRender();
  }

  #renderScheduled = false;

  /** Renders once after the current task's attribute changes (several changes, one mount). */
  #scheduleRender() {
    if (this.#renderScheduled) return;
    this.#renderScheduled = true;
    queueMicrotask(() => {
      this.#renderScheduled = false;
      if (this.isConnected) this.#render();
    });
  }

  /** The same handle methods as `mount`'s, for scripts on the page. */
  resetProgress() {
    this.#handle?.resetProgress();
  }

  exportProgress() {
    return this.#handle?.exportProgress() ?? null;
  }

  async #render() {
    this.#generation += 1;
    const generation = this.#generation;
    this.#handle?.destroy();
    this.#handle = null;
    try {
      const handle = await mount(this, elementOptions(this));
      if (generation !== this.#generation || !this.isConnected) {
        handle.destroy();
        return;
      }
      this.#handle = handle;
    } catch (error) {
      if (generation !== this.#generation || !this.isConnected) return;
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const message = document.createElement('p');
      message.className = 'ap-start-error';
      message.setAttribute('role', 'alert');
      message.setAttribute('part', 'error');
      message.textContent = `The practice widget could not start: ${error?.message ? error.message : error}`;
      root.replaceChildren(...styleRoot(root, START_ERROR_CSS), message);
      // Named as the widget's own events are: `adaptive-practice:error`, and the bare alias.
      for (const name of ['adaptive-practice:error', 'error']) {
        this.dispatchEvent(
          new CustomEvent(name, {
            bubbles: true,
            composed: true,
            detail: { message: message.textContent, diagnostics: [] },
          }),
        );
      }
    }
  }
}

if (!customElements.get('adaptive-practice')) {
  customElements.define('adaptive-practice', AdaptivePracticeElement);
}
