// The package on another origin, as a CDN serves it, loaded by the one classic script tag of the
// README: it works when the CDN sends CORS headers, and without them every element says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'pkg');
let env;
const servers = [];

before(async () => {
  env = await launch();
});
after(async () => {
  for (const server of servers) server.close();
  await env.close();
});

/** A publisher's site on one origin whose page loads the widget from `cdnUrl` with a classic script. */
async function siteUsing(cdnUrl) {
  const site = temporaryFolder('ap-site-');
  copyFileSync(join(root, 'www/banks/fractions.json'), join(site, 'fractions.json'));
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A classic page</title>
<script src="${cdnUrl}adaptive-practice-loader.js" async></script></head>
<body><main><adaptive-practice src="fractions.json"></adaptive-practice></main></body></html>`,
  );
  const started = await startServer(0, '127.0.0.1', { root: site });
  servers.push(started.server);
  return started.url;
}

/** The package on another origin (localhost, where the site is 127.0.0.1), with these headers. */
async function cdn(headers) {
  const started = await startServer(0, '127.0.0.1', { root: pkg, headers });
  servers.push(started.server);
  return started.url.replace('127.0.0.1', 'localhost');
}

test('from a CDN that sends CORS headers, the classic script tag brings a working widget', async () => {
  const cdnUrl = await cdn({ 'access-control-allow-origin': '*' });
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(await siteUsing(cdnUrl));
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  assert.match(await widget.feedback(), /^Correct!/);
  await page.context().close();
});

test('from a CDN without CORS headers, the element says what is missing', async () => {
  const cdnUrl = await cdn({});
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(await siteUsing(cdnUrl));
  const message = page.locator('adaptive-practice p[role="alert"]');
  await message.waitFor();
  assert.match(await message.textContent(), /Access-Control-Allow-Origin/);
  await page.context().close();
});
