// The widget in an `<iframe sandbox="allow-scripts">` (no allow-forms, no allow-same-origin), as a
// cautious host embeds third-party content: answering works by click and by Enter (no form
// submission, which the sandbox blocks), and the widget says that storage needs
// allow-same-origin. The frame's origin is opaque, so its files come with CORS headers, as a CDN
// sends them; they are served from another (intercepted) origin, since Chromium keeps an opaque
// origin from reading loopback addresses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launch, skipInFirefox } from '../lib/browser.js';

const BANK = {
  id: 'sandboxed',
  version: '1',
  title: 'Sums in a sandbox',
  language: 'en',
  settings: { minEvidence: 1 },
  skills: [{ id: 'add', name: 'Adding' }],
  items: [
    { id: 'two-and-two', skills: ['add'], type: 'numeric', prompt: 'What is 2 + 2?', answer: 4 },
    {
      id: 'pick',
      skills: ['add'],
      type: 'singleChoice',
      prompt: 'Which is 3 + 3?',
      choices: [{ text: '5' }, { text: '6' }],
      answer: 1,
    },
  ],
};

const root = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = { js: 'text/javascript', wasm: 'application/wasm', json: 'application/json' };
const FRAME_SITE = 'http://frame.example/';

// Firefox ESR over BiDi: a click on a radio inside the opaque-origin frame (served from an
// intercepted origin) does not change it, so these run in Chromium only; open, see README.
const SANDBOX_SKIP = skipInFirefox('click into a sandboxed frame served from an intercepted origin yet');

let env;
// Every test here is skipped where SANDBOX_SKIP says so: no browser is launched there for nothing.
before(async () => {
  if (!SANDBOX_SKIP) env = await launch();
});
after(async () => {
  await env?.close();
});

async function sandboxedWidget(sandbox) {
  const context = await env.browser.newContext();
  const frameUrl = `${FRAME_SITE}framed.html`;
  await context.route(`${FRAME_SITE}**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/framed.html') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title>
<script type="module" src="/pkg/adaptive-practice.js"></script></head><body>
<adaptive-practice><script type="application/json">${JSON.stringify(BANK)}</script>
<p>This practice needs JavaScript.</p></adaptive-practice></body></html>`,
      });
    }
    if (!path.startsWith('/pkg/')) return route.fulfill({ status: 404 });
    return route.fulfill({
      path: root + path.slice(1),
      headers: {
        'access-control-allow-origin': '*',
        'content-type': TYPES[path.split('.').pop()] ?? 'application/octet-stream',
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.baseUrl}index.html`);
  await page.evaluate(
    ({ frameUrl, sandbox }) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', sandbox);
      frame.setAttribute('title', 'Practice');
      frame.style.cssText = 'width: 700px; height: 900px';
      frame.src = frameUrl;
      document.body.replaceChildren(frame);
    },
    { frameUrl, sandbox },
  );
  const widget = page.frameLocator('iframe').locator('adaptive-practice');
  await widget.locator('form.ap-item').waitFor();
  return { context, widget, errors };
}

/** Answers the item on screen right, submitting with `how` ('click' or 'enter'). */
async function answerRight(widget, how) {
  const id = await widget.locator('form.ap-item').getAttribute('data-item-id');
  if (id === 'two-and-two') {
    const input = widget.locator('form.ap-item input');
    await input.fill('4');
    if (how === 'enter') await input.press('Enter');
  } else {
    const radio = widget.locator('form.ap-item input[value="1"]');
    await radio.check();
    if (how === 'enter') await radio.press('Enter');
  }
  if (how === 'click') await widget.locator('.ap-check').click();
  await widget.locator('.ap-next').waitFor({ timeout: 5000 });
  return id;
}

test('in a frame sandboxed without allow-forms, Check works by click and by Enter', {
  skip: SANDBOX_SKIP,
}, async () => {
  const { context, widget, errors } = await sandboxedWidget('allow-scripts');
  const answered = [];
  for (const how of ['click', 'enter', 'click', 'enter']) {
    answered.push(await answerRight(widget, how));
    assert.match(await widget.locator('.ap-feedback').textContent(), /Correct/);
    await widget.locator('.ap-next').click();
    await widget.locator('form.ap-item').waitFor();
  }
  assert.deepEqual([...new Set(answered)].sort(), ['pick', 'two-and-two'], 'both items were answered');
  assert.match(await widget.locator('.ap-score').textContent(), /4/);
  // Without allow-same-origin there is no storage: the widget says what the frame needs.
  assert.match(await widget.locator('.ap-notice').first().textContent(), /allow-same-origin/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Enter on the focused Check button answers too, in the sandbox', { skip: SANDBOX_SKIP }, async () => {
  const { context, widget } = await sandboxedWidget('allow-scripts');
  const id = await widget.locator('form.ap-item').getAttribute('data-item-id');
  if (id === 'two-and-two') await widget.locator('form.ap-item input').fill('4');
  else await widget.locator('form.ap-item input[value="1"]').check();
  await widget.locator('.ap-check').focus();
  await widget.locator('.ap-check').press('Enter');
  await widget.locator('.ap-next').waitFor({ timeout: 5000 });
  assert.match(await widget.locator('.ap-feedback').textContent(), /Correct/);
  await context.close();
});
