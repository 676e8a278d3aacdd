// The widget refuses any bank the checker reports errors on (warnings are fine): a learner never
// meets a tolerance that takes every answer, a value shown as `inf` or math that does not render.
// The refusal says how many problems there are and lists the first ones with their JSON paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';

function bankWith(items) {
  return {
    id: 'planted',
    version: '1',
    title: 'A bank with planted problems',
    language: 'en',
    settings: { minEvidence: 1 },
    skills: [{ id: 's', name: 'Sums' }],
    items,
  };
}

const PLANTED = bankWith([
  { id: 'wide', skills: ['s'], type: 'numeric', prompt: 'What is 2 + 2?', answer: 4, tolerance: 1e308 },
  {
    id: 'huge',
    skills: ['s'],
    type: 'numeric',
    prompt: 'Take {{9^9^9^9}} away from {{a}}.',
    answer: '{{a}}',
    template: { variables: { a: { min: 1, max: 5 } } },
  },
  { id: 'math', skills: ['s'], type: 'numeric', prompt: 'What is $\\frac{1}{$ of 8?', answer: 4 },
]);

const WARNINGS_ONLY = bankWith([
  { id: 'price', skills: ['s'], type: 'numeric', prompt: 'Two pens at $2 each cost how much?', answer: 4 },
]);

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

async function widgetFor(page, bank) {
  await page.evaluate((bank) => {
    const element = document.createElement('adaptive-practice');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(bank);
    element.append(script);
    document.body.replaceChildren(element);
  }, bank);
  return page.locator('adaptive-practice');
}

test('a bank with checker errors is refused with its problems and their paths, not played', async () => {
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(`${env.baseUrl}www/two-widgets.html`);
  const errors = [];
  await page.exposeFunction('recordError', (detail) => errors.push(detail));
  await page.evaluate(() =>
    document.addEventListener('adaptive-practice:error', (event) => window.recordError(event.detail)),
  );
  const widget = await widgetFor(page, PLANTED);
  const refusal = widget.locator('.ap-error[role=alert]');
  await refusal.waitFor();
  assert.equal(await widget.locator('form.ap-item').count(), 0, 'no item is shown');
  const listed = await refusal.locator('.ap-diagnostics li').allTextContents();
  assert.deepEqual(listed, [
    '$.items[0] ("wide").tolerance: the tolerance is so wide that almost any number is right',
    '$.items[1] ("huge").template: {{9^9^9^9}}: the value is not a finite number',
    '$.items[2] ("math").prompt: in math `\\frac{1}{`: a `{` is never closed with `}`',
  ]);
  assert.match(await refusal.textContent(), /3 problem/);
  assert.equal(errors.length, 1, 'the host page hears of it');
});

test('a bank with warnings only is played', async () => {
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(`${env.baseUrl}www/two-widgets.html`);
  const widget = await widgetFor(page, WARNINGS_ONLY);
  await widget.locator('form.ap-item').waitFor();
  assert.match(await widget.locator('.ap-prompt').textContent(), /\$2 each/);
});
