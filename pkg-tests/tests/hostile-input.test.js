// A bank full of script injections (script tags, event handlers, javascript: and data: URLs, SVG
// and MathML payloads, remote resources) renders as text and runs nothing; the widget loads
// nothing the bank did not declare, and after the bank is loaded it makes no request at all. A
// payload the checker calls an error makes the widget refuse the bank: it is refused, the others
// are played.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { readBank } from '../lib/practice-widget.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

test('no payload of the XSS corpus runs, and the widget sends no request after loading the bank', async () => {
  const corpus = readBank('pkg-tests/fixtures/xss-bank.json');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.__pwned = null;
    const original = window.alert;
    window.alert = (...args) => {
      window.__pwned = `alert ${args}`;
      return original;
    };
  });
  await page.goto(env.baseUrl + 'www/two-widgets.html');
  // The whole corpus first: the payloads the checker calls errors (`javascript:` links, unknown
  // LaTeX commands, …) make the widget refuse the bank, which lists them; nothing runs meanwhile.
  const refusal = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const element = document.createElement('adaptive-practice');
        element.id = 'refused';
        element.setAttribute('src', '../pkg-tests/fixtures/xss-bank.json');
        element.addEventListener('adaptive-practice:error', (event) => resolve(event.detail.diagnostics));
        document.body.prepend(element);
      }),
  );
  await page.locator('#refused .ap-error').waitFor();
  const refused = new Set(refusal.map((line) => Number(line.match(/\$\.items\[(\d+)\]/)?.[1])));
  assert.ok(refused.size > 0 && !refused.has(Number.NaN), `the refusal names the items: ${refusal}`);
  // Then every other payload, played: each must render as inert text.
  const bank = { ...corpus, items: corpus.items.filter((_, position) => !refused.has(position)) };
  await context.route(/xss-bank-playable\.json$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }),
  );
  await page.evaluate(() => {
    document.querySelector('#refused').remove();
    const element = document.createElement('adaptive-practice');
    element.id = 'hostile';
    element.setAttribute('src', '../pkg-tests/fixtures/xss-bank-playable.json');
    document.body.prepend(element);
  });
  const widget = page.locator('#hostile');
  await widget.locator('form.ap-item').waitFor();
  const afterLoad = requests.length;
  // Walk through every item: prompt, choices, feedback of a wrong choice, hint and solution.
  const seen = new Set();
  for (let round = 0; round < 120 && seen.size < bank.items.length; round += 1) {
    const id = await widget.locator('form.ap-item').getAttribute('data-item-id');
    seen.add(id);
    const item = bank.items.find((i) => i.id === id);
    if (await widget.locator('.ap-hint-button').count()) await widget.locator('.ap-hint-button').click();
    await widget.locator('input[value="0"]').check();
    await widget.locator('.ap-check').click();
    await widget.locator('.ap-next').waitFor();
    const shown = await widget.locator('.ap-card').textContent();
    // The raw text of the payload is visible as text (Markdown may drop link syntax, never the words).
    assert.ok(shown.includes('Payload'), `item ${id} shows its prompt`);
    assert.ok(item, 'the item is from the hostile bank');
    const inside = await widget.evaluate((host) => ({
      scripts: host.shadowRoot.querySelectorAll('script, iframe, object, embed, style').length,
      handlers: [...host.shadowRoot.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      badUrls: [...host.shadowRoot.querySelectorAll('[href], [src]')]
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src'))
        .filter((url) => !/^https?:\/\/127\.0\.0\.1/.test(url)),
    }));
    assert.deepEqual(inside, { scripts: 0, handlers: 0, badUrls: [] }, `item ${id}`);
    await widget.locator('.ap-next').click();
    await widget.locator('.ap-check').waitFor();
  }
  assert.equal(seen.size, bank.items.length, 'every payload that was not refused was shown');
  assert.equal(seen.size + refused.size, corpus.items.length, 'every payload was refused or shown');
  assert.equal(await page.evaluate(() => window.__pwned), null);
  assert.deepEqual(dialogs, []);
  assert.ok(!requests.some((url) => url.includes('evil.example')), `no request to the payloads' hosts: ${requests}`);
  assert.deepEqual(requests.slice(afterLoad), [], 'no request at all after the bank was loaded');
  await context.close();
});
