// Several widgets on one page, and banks that are broken: each widget stands on its own.
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

test('two widgets with different banks work independently and keep separate progress', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'www/two-widgets.html');
  const fractions = new PracticeWidget(page, '#fractions', readBank('www/banks/fractions.json'));
  const percentages = new PracticeWidget(page, '#percentages', readBank('www/banks/percentages.json'));
  await fractions.waitForItem();
  await percentages.waitForItem();

  await fractions.part('form.ap-item input').first().focus();
  await fractions.answerByKeyboard(true);
  await fractions.nextByKeyboard();
  await fractions.answerByKeyboard(true);
  await percentages.part('form.ap-item input').first().focus();
  await percentages.answerByKeyboard(false);

  assert.equal(await fractions.score(), '2 answered · 2 correct');
  assert.equal(await percentages.score(), '1 answered · 0 correct');
  const stored = await page.evaluate(() => ({
    fractions: JSON.parse(localStorage.getItem('adaptive-practice/progress/fractions')).answerCount,
    percentages: JSON.parse(localStorage.getItem('adaptive-practice/progress/percentages')).answerCount,
  }));
  assert.deepEqual(stored, { fractions: 2, percentages: 1 });

  await page.reload();
  await fractions.waitForItem();
  await percentages.waitForItem();
  assert.equal(await fractions.score(), '2 answered · 2 correct');
  assert.equal(await percentages.score(), '1 answered · 0 correct');
  await context.close();
});

test('broken banks show what is wrong and where, and a good widget beside them works', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.goto(env.baseUrl + 'www/broken-banks.html');

  const invalid = page.locator('#invalid-json .ap-error');
  await invalid.waitFor();
  assert.match(await invalid.textContent(), /could not be loaded/);
  assert.match(await invalid.textContent(), /line 6, column 3: the file is not valid JSON/);

  const unknown = page.locator('#unknown-skill .ap-error');
  await unknown.waitFor();
  assert.match(await unknown.textContent(), /\$\.items\[1\] \("a2"\)\.skills\[0\]: unknown skill "multiplying"/);

  const missing = page.locator('#missing .ap-error');
  await missing.waitFor();
  assert.match(await missing.textContent(), /no-such-bank\.json: the server answered 404/);

  const good = new PracticeWidget(page, '#good', readBank('www/banks/fractions.json'));
  await good.waitForItem();
  await good.part('form.ap-item input').first().focus();
  await good.answerByKeyboard(true);
  assert.match(await good.feedback(), /^Correct!/);
  assert.deepEqual(uncaught, []);
  await context.close();
});
