// The test harness itself (lib/browser.js, and lib/firefox.js behind it), in the browser AP_BROWSER
// names: a context's colour scheme is what its pages see, a download of a `blob:` link is reported,
// media emulation works or fails loudly (never ignored), and no test file can open a browser past
// lib/browser.js (so that `make test` runs every browser test file in both browsers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { BROWSER, downloadedBytes, launch } from '../lib/browser.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

test('a context opened light or dark shows its pages light or dark', async () => {
  for (const colorScheme of ['dark', 'light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}index.html`);
    const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(dark, colorScheme === 'dark', colorScheme);
    await context.close();
  }
});

test('a download of a blob: link is reported with its file name and content', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.baseUrl}index.html`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob(['{"saved":true}'], { type: 'application/json' }));
      link.download = 'saved.json';
      document.body.append(link);
      link.click();
      link.remove();
    }),
  ]);
  assert.equal(download.suggestedFilename(), 'saved.json');
  assert.equal((await downloadedBytes(download)).toString('utf8'), '{"saved":true}');
  await context.close();
});

test('print media is emulated, or asking for it fails (never ignored)', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.baseUrl}index.html`);
  if (BROWSER === 'firefox') {
    await assert.rejects(page.emulateMedia({ media: 'print' }), /cannot emulate media "print"/);
  } else {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate(() => matchMedia('print').matches), true);
  }
  await context.close();
});

test('no test file opens a browser except through lib/browser.js', () => {
  const folder = new URL('./', import.meta.url);
  const direct = readdirSync(folder)
    .filter((name) => name.endsWith('.js'))
    .filter((name) =>
      /from ['"](playwright-core|playwright|puppeteer-core)['"]/.test(readFileSync(new URL(name, folder), 'utf8')),
    );
  assert.deepEqual(direct, []);
});
