// Firefox for the browser tests: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core,
// behind the small part of Playwright's page API that the tests and the page object use
// (contexts, pages, locators that pierce open shadow roots, the keyboard). The same test files
// then run in both browsers: `AP_BROWSER=firefox node --test tests/…` (see lib/browser.js).
import puppeteer from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Launches Firefox; resolves to an object with Playwright's `newContext()` and `close()`. */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  return {
    async newContext(options = {}) {
      const context = await browser.createBrowserContext();
      return new Context(context, options);
    },
    close: () => browser.close(),
    version: () => browser.version(),
  };
}

class Context {
  constructor(context, options) {
    this.context = context;
    this.options = options;
  }

  async newPage() {
    const page = await this.context.newPage();
    const { width = 1280, height = 720 } = this.options.viewport ?? {};
    await page.setViewport({ width, height });
    return new Page(page);
  }

  close() {
    return this.context.close();
  }
}

/**
 * Runs in the page: the elements `chain` names. As in Playwright, CSS pierces open shadow roots:
 * each descendant step of a selector (`#host .part`) is searched inside shadow roots too, and a
 * list (`a, b`) comes back in document order.
 */
function resolveChain(chain) {
  const split = (text, isSeparator) => {
    const parts = [];
    let depth = 0;
    let quote = null;
    let current = '';
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index];
      if (quote) {
        if (char === quote) quote = null;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '[' || char === '(') depth += 1;
      else if (char === ']' || char === ')') depth -= 1;
      else if (depth === 0 && isSeparator(text, index)) {
        parts.push(current);
        current = '';
        continue;
      }
      current += char;
    }
    parts.push(current);
    return parts.map((part) => part.trim()).filter(Boolean);
  };
  const combinator = /[>+~]/;
  const descendantSpace = (text, index) => {
    if (!/\s/.test(text[index])) return false;
    const before = text.slice(0, index).trimEnd().slice(-1);
    const after = text.slice(index).trimStart()[0];
    return before !== '' && after !== undefined && !combinator.test(before) && !combinator.test(after);
  };
  const deepAll = (scope, css) => {
    const found = [];
    const visit = (node) => {
      for (const element of node.querySelectorAll(css)) found.push(element);
      for (const element of node.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    if (scope.shadowRoot) visit(scope.shadowRoot);
    visit(scope);
    return found;
  };
  const inOrder = (elements) =>
    [...new Set(elements)].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  let current = [document];
  for (const step of chain) {
    if (typeof step === 'number') {
      current = current[step] ? [current[step]] : [];
      continue;
    }
    const found = [];
    for (const alternative of split(step, (text, index) => text[index] === ',')) {
      let scopes = current;
      for (const compound of split(alternative, descendantSpace))
        scopes = scopes.flatMap((scope) => deepAll(scope, compound));
      found.push(...scopes);
    }
    current = inOrder(found);
  }
  return current;
}

class Page {
  constructor(page) {
    this.page = page;
    this.keyboard = {
      press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
      type: (text) => page.keyboard.type(text),
    };
  }

  goto(url) {
    return this.page.goto(url, { waitUntil: 'load' });
  }

  reload() {
    return this.page.reload({ waitUntil: 'load' });
  }

  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  on(name, listener) {
    this.page.on(name, listener);
  }

  locator(css) {
    return new Locator(this.page, [css]);
  }
}

class Locator {
  constructor(page, chain) {
    this.page = page;
    this.chain = chain;
  }

  locator(css) {
    return new Locator(this.page, [...this.chain, css]);
  }

  first() {
    return new Locator(this.page, [...this.chain, 0]);
  }

  nth(index) {
    return new Locator(this.page, [...this.chain, index]);
  }

  /**
   * Runs `fn(elements, arg)` in the page on what the chain names now. The expression is sent
   * whole (WebDriver BiDi evaluates it outside the page's CSP; `new Function` in the page would not).
   */
  run(fn, arg) {
    const elements = `(${resolveChain.toString()})(${JSON.stringify(this.chain)})`;
    return this.page.evaluate(`(${fn.toString()})(${elements}, ${JSON.stringify(arg ?? null)})`);
  }

  async count() {
    return this.run((elements) => elements.length);
  }

  async all() {
    const count = await this.count();
    return Array.from({ length: count }, (_, index) => this.nth(index));
  }

  /** Waits until the chain names an element (Playwright's default: attached and visible). */
  async waitFor({ timeout = 30_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const visible = await this.run((elements) =>
        elements.some(
          (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden',
        ),
      );
      if (visible) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(this.chain)}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /** The one element named (Playwright is strict: none or several is an error). */
  async one(fn, arg) {
    await this.waitFor();
    const count = await this.count();
    if (count !== 1) throw new Error(`${JSON.stringify(this.chain)}: ${count} elements match`);
    return this.run(`(elements, argument) => (${fn.toString()})(elements[0], argument)`, arg);
  }

  textContent() {
    return this.one((element) => element.textContent);
  }

  getAttribute(name) {
    return this.one((element, attribute) => element.getAttribute(attribute), name);
  }

  focus() {
    return this.one((element) => element.focus());
  }

  click() {
    return this.one((element) => element.click());
  }

  allTextContents() {
    return this.run((elements) => elements.map((element) => element.textContent));
  }

  evaluateAll(fn) {
    return this.run(fn);
  }
}
