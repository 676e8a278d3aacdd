// An e-textbook page with a widget works offline after the first visit, with the service worker
// recipe of the README: the second visit, with the network cut and the server gone, shows the
// widget, judges an answer, keeps the learner's progress and speaks a language the page never
// asked for online; the page opened with a query (`?lesson=3`) or as `index.html` too.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let env;
after(async () => {
  await env?.close();
});

test('after one visit, the page and its widget work with no network', async () => {
  // A browser of its own: a first visit's service worker and the offline switch are the
  // browser's (in a Firefox shared with other files, the reload once missed the worker).
  env = await launch({ own: true });
  const site = temporaryFolder('ap-offline-');
  cpSync(join(root, 'pkg'), join(site, 'adaptive-practice'), { recursive: true });
  copyFileSync(join(root, 'www/banks/fractions.json'), join(site, 'fractions.json'));
  writeFileSync(
    join(site, 'sw.js'),
    `self.adaptivePracticeOffline = { packageFolder: 'adaptive-practice/', pages: ['./'], banks: ['fractions.json'] };
importScripts('adaptive-practice/adaptive-practice-sw.js');
`,
  );
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chapter 3</title>
<script type="module" src="adaptive-practice/adaptive-practice.js"></script>
<script type="module">navigator.serviceWorker?.register('sw.js');</script></head>
<body><main><adaptive-practice src="fractions.json"></adaptive-practice></main></body></html>`,
  );
  const { server, url } = await startServer(0, '127.0.0.1', { root: site });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const bank = readBank('www/banks/fractions.json');
  await page.goto(url);
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  await page.evaluate(() => navigator.serviceWorker.ready);

  // The network is cut and the site's server is gone.
  await context.setOffline(true);
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await page.reload();
  await widget.waitForItem();
  assert.equal(await widget.score(), '1 answered · 1 correct', 'progress kept');
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  assert.match(await widget.feedback(), /^Correct!/);
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the page really is offline');
  // A language never asked for online: its file (pkg/i18n/) was stored with the package.
  await page.evaluate(() => document.querySelector('adaptive-practice').setAttribute('lang', 'fr'));
  await widget.part('.ap-root[lang="fr"] form.ap-item').waitFor();
  assert.equal((await widget.part('.ap-check').textContent()).trim(), 'Vérifier');
  // The same page opened with a query, a fragment, or as its folder's index.html.
  for (const address of [`${url}?lesson=3`, `${url}index.html#part-2`]) {
    await page.goto(address);
    await widget.waitForItem();
    assert.equal(await widget.score(), '2 answered · 2 correct', address);
  }
  await context.close();
});
