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

// Its only error is in a text: the widget checks texts once the first item is on screen.
const TEXT_ERROR_ONLY = bankWith([
  { id: 'fine', skills: ['s'], type: 'numeric', prompt: 'What is 2 + 2?', answer: 4 },
  { id: 'image', skills: ['s'], type: 'numeric', prompt: 'How many? ![](dots.png)', answer: 4 },
]);

// Its only error is in an answer, in an item of a skill the page leaves out (`skills`): the
// widget checks answers once the first item is on screen, the whole bank's.
const ANSWER_ERROR_ONLY = {
  ...bankWith([
    { id: 'fine', skills: ['s'], type: 'numeric', prompt: 'What is 2 + 2?', answer: 4 },
    { id: 'wide', skills: ['t'], type: 'numeric', prompt: 'What is 3 + 3?', answer: 6, tolerance: 1e308 },
  ]),
  skills: [
    { id: 's', name: 'Sums' },
    { id: 't', name: 'More sums' },
  ],
};

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

async function widgetFor(page, bank, skills = null) {
  await page.evaluate(
    ([bank, skills]) => {
      const element = document.createElement('adaptive-practice');
      if (skills) element.setAttribute('skills', skills);
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(bank);
      element.append(script);
      document.body.replaceChildren(element);
    },
    [bank, skills],
  );
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

test('a bank whose only error is in a text is refused as well, and its stored progress is left alone', async () => {
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(`${env.baseUrl}www/two-widgets.html`);
  // Unreadable progress under the bank's key: a widget that played the bank would move it aside.
  const before = await page.evaluate(() => {
    localStorage.setItem('adaptive-practice/progress/planted', 'not progress');
    return { ...localStorage };
  });
  const widget = await widgetFor(page, TEXT_ERROR_ONLY);
  const refusal = widget.locator('.ap-error[role=alert]');
  await refusal.waitFor();
  assert.equal(await widget.locator('form.ap-item').count(), 0, 'no item is shown');
  assert.deepEqual(await refusal.locator('.ap-diagnostics li').allTextContents(), [
    '$.items[1] ("image").prompt: an image inside a line of text is shown as its alt text; put `![alt](address)` on a line of its own',
  ]);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before, 'storage is as it was');
});

test('a bank whose only error is in an answer of a skill left out is refused, its progress left alone', async () => {
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(`${env.baseUrl}www/two-widgets.html`);
  const before = await page.evaluate(() => {
    localStorage.setItem('adaptive-practice/progress/planted', 'not progress');
    return { ...localStorage };
  });
  const widget = await widgetFor(page, ANSWER_ERROR_ONLY, 's');
  const refusal = widget.locator('.ap-error[role=alert]');
  await refusal.waitFor();
  assert.equal(await widget.locator('form.ap-item').count(), 0, 'no item is shown');
  assert.deepEqual(await refusal.locator('.ap-diagnostics li').allTextContents(), [
    '$.items[1] ("wide").tolerance: the tolerance is so wide that almost any number is right',
  ]);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before, 'storage is as it was');
});

test('a bank with warnings only is played', async () => {
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(`${env.baseUrl}www/two-widgets.html`);
  const widget = await widgetFor(page, WARNINGS_ONLY);
  await widget.locator('form.ap-item').waitFor();
  assert.match(await widget.locator('.ap-prompt').textContent(), /\$2 each/);
});
