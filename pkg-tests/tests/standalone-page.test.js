// index.html?bank=URL plays banks of its own origin only: a link cannot make the publisher's page
// show a bank from another site, nor one written into the link (data:, blob:).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

async function open(query) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.baseUrl}index.html?${query}`);
  return { context, page };
}

test('a bank of the same origin plays', async () => {
  const { context, page } = await open('bank=www/banks/fractions.json');
  await new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json')).waitForItem();
  await context.close();
});

const fake = encodeURIComponent(
  'data:application/json,{"id":"x","title":"Log in","skills":[{"id":"s","name":"S"}],"items":[]}',
);
for (const [name, query, words] of [
  ['a data: bank', `bank=${fake}`, 'inline in the link'],
  ['a blob: bank', 'bank=blob:http://127.0.0.1/abc', 'inline in the link'],
  ['another origin', 'bank=http://localhost:1/bank.json', 'is not on its list of allowed sites'],
]) {
  test(`refused with a message: ${name}`, async () => {
    const { context, page } = await open(query);
    const message = page.locator('p[role="alert"]');
    await message.waitFor();
    assert.match(await message.textContent(), new RegExp(words));
    assert.equal(await page.locator('adaptive-practice').count(), 0, 'no widget is created');
    await context.close();
  });
}

test('an origin the publisher lists in the page is allowed', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const other = env.baseUrl.replace('127.0.0.1', 'localhost');
  await page.route(
    (url) => url.pathname.endsWith('/index.html'),
    async (route) => {
      const response = await route.fetch();
      const listed = `<meta name="adaptive-practice-bank-origins" content="${new URL(other).origin}">`;
      await route.fulfill({ response, body: (await response.text()).replace('<head>', `<head>${listed}`) });
    },
  );
  await page.goto(`${env.baseUrl}index.html?bank=${other}www/banks/fractions.json`);
  await page.locator('adaptive-practice').waitFor({ state: 'attached' });
  assert.equal(await page.locator('p[role="alert"].standalone-refused').count(), 0);
  await context.close();
});
