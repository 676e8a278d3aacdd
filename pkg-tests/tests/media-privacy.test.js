// Media in a bank never tell another site which items a learner reaches: by default the widget
// loads images and audio only from the bank's own origin; another origin only when the host
// lists it (`media-origins`, `mount({ mediaOrigins })`). Media from an unlisted origin are not
// requested at all (every request is intercepted and recorded) and the learner reads their alt
// text or transcript with a short note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/**
 * A page on the test server holding `body`; every request to the two other sites is recorded
 * and answered with a small picture (so a request that happened is visible, never an error).
 */
async function pageWith(body) {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 1600 } });
  const remote = [];
  await context.route(/^http:\/\/(evil|media)\.example\//, (route) => {
    remote.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: SVG });
  });
  const own = [];
  context.on('request', (request) => {
    if (request.url().includes('/www/banks/media/')) own.push(request.url());
  });
  const url = `${env.baseUrl}pkg-tests/fixtures/media-page.html`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Media</title>
<script type="module" src="../../pkg/adaptive-practice.js"></script></head><body>${body}</body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(url);
  return { page, context, remote, own };
}

/** Shows everything the item has: the prompt, the hint, and (after a wrong answer) the solution. */
async function showEverything(page, selector = 'adaptive-practice') {
  const widget = page.locator(selector);
  await widget.locator('form.ap-item').waitFor();
  await widget.locator('.ap-hint-button').click();
  await widget.locator('.ap-hint').first().waitFor();
  await widget.locator('form.ap-item input').fill('7');
  await widget.locator('.ap-check').click();
  await widget.locator('.ap-solution').waitFor();
  // Lazy images in view load now; give them time to be requested.
  await page.waitForTimeout(500);
  return widget;
}

test('by default, media from another origin are never requested and the learner reads their text', async () => {
  const { page, context, remote, own } = await pageWith(
    '<adaptive-practice src="media-bank.json"></adaptive-practice>',
  );
  const widget = await showEverything(page);
  assert.deepEqual(remote, [], 'no request to another site');
  assert.equal(own.length, 1, 'the picture beside the bank loads');
  const blocked = await widget.locator('.ap-media-blocked').allTextContents();
  assert.equal(blocked.length, 5, `every remote picture and sound is a note: ${JSON.stringify(blocked)}`);
  for (const [shown, words] of [
    [blocked[0], 'a chart from the allowed site'],
    [blocked[1], 'a tracking pixel'],
    [blocked[2], 'a hint picture from another site'],
    [blocked[3], 'a voice says three'],
    [blocked[4], 'a solution picture from the allowed site'],
  ]) {
    assert.ok(shown.includes(words), `"${shown}" gives the alt text or transcript`);
  }
  assert.match(blocked[1], /evil\.example/, 'the note names the other site');
  const sources = await widget.evaluate((host) =>
    [...host.shadowRoot.querySelectorAll('img, audio')].map((media) => media.getAttribute('src')),
  );
  assert.ok(
    sources.every((src) => !src.includes('.example/')),
    `no element points at another site: ${sources}`,
  );
  await context.close();
});

test('an origin the host lists in media-origins is loaded; others still are not', async () => {
  const { page, context, remote } = await pageWith(
    '<adaptive-practice src="media-bank.json" media-origins="http://media.example"></adaptive-practice>',
  );
  const widget = await showEverything(page);
  assert.deepEqual(
    remote.map((url) => new URL(url).origin),
    ['http://media.example', 'http://media.example'],
    `only the listed site is asked: ${remote}`,
  );
  assert.equal(await widget.locator('.ap-media-blocked').count(), 3);
  await context.close();
});

test('mount({ mediaOrigins }) lists origins for an inline bank, whose own origin is the page', async () => {
  const { page, context, remote } = await pageWith('<div id="target"></div>');
  const bank = await (await fetch(`${env.baseUrl}pkg-tests/fixtures/media-bank.json`)).json();
  await page.evaluate(async (bank) => {
    const { mount } = await import('../../pkg/adaptive-practice.js');
    const host = document.createElement('adaptive-practice-host');
    document.getElementById('target').replaceWith(host);
    await mount(host, { bank, mediaOrigins: ['http://media.example/'] });
  }, bank);
  await showEverything(page, 'adaptive-practice-host');
  assert.deepEqual(
    remote.map((url) => new URL(url).origin),
    ['http://media.example', 'http://media.example'],
  );
  await context.close();
});
