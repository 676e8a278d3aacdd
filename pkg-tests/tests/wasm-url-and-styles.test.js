// A host that moves the wasm file names it with `wasm-url` (or `mount({ wasmUrl })`), and a
// browser without `adoptedStyleSheets` still gets a styled widget (a <style> in the shadow root).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

const wasm = readFileSync(fileURLToPath(new URL('../../pkg/adaptive_practice_bg.wasm', import.meta.url)));
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** A page of the demo's site with one element, served from a test route. */
async function pageWith(context, element) {
  const page = await context.newPage();
  await page.route('**/www/moved.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moved</title>
<script type="module" src="../pkg/adaptive-practice.js"></script></head><body><main>${element}</main></body></html>`,
    }),
  );
  return page;
}

test('wasm-url: the file is fetched where the host put it, never beside the script', async () => {
  const context = await env.browser.newContext();
  const asked = [];
  await context.route('**/*.wasm', (route) => {
    asked.push(new URL(route.request().url()).pathname);
    if (route.request().url().endsWith('/assets/engine-123.wasm')) {
      return route.fulfill({ contentType: 'application/wasm', body: wasm });
    }
    return route.fulfill({ status: 404, body: 'not here' });
  });
  const page = await pageWith(
    context,
    '<adaptive-practice src="banks/fractions.json" wasm-url="/assets/engine-123.wasm"></adaptive-practice>',
  );
  await page.goto(`${env.baseUrl}www/moved.html`);
  await new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json')).waitForItem();
  assert.deepEqual(asked, ['/assets/engine-123.wasm']);
  await context.close();
});

test('without adoptedStyleSheets, the widget is styled by a <style> in its shadow root', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  });
  const page = await pageWith(context, '<adaptive-practice src="banks/fractions.json"></adaptive-practice>');
  await page.goto(`${env.baseUrl}www/moved.html`);
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  const look = await page.evaluate(() => {
    const root = document.querySelector('adaptive-practice').shadowRoot;
    const check = root.querySelector('.ap-check');
    return { styles: root.querySelectorAll('style').length, radius: getComputedStyle(check).borderTopLeftRadius };
  });
  assert.equal(look.styles, 1);
  assert.notEqual(look.radius, '0px', 'the Check button has the widget look');
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  assert.match(await widget.feedback(), /^Correct!/);
  await context.close();
});
