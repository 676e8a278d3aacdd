// Answers as a phone learner types them: the keyboard capitalises the first letter unless told
// not to, the number pad has no minus sign, slash or letters, and the answer may carry a currency
// sign, the unknown's name or a plain subscript. Each is judged right in the widget, and each
// field asks the phone for the keyboard its answer needs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { openWidgetAlone } from '../lib/practice-widget.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

const skill = 's';
const item = (id, fields) => ({ id, skills: [skill], prompt: `Item ${id}?`, ...fields });
const bank = {
  id: 'phone-typing',
  version: '1',
  title: 'Typing on a phone',
  language: 'en',
  skills: [{ id: skill, name: 'Typing', prerequisites: [] }],
  items: [
    item('count', { type: 'numeric', answer: 530 }),
    item('negative', { type: 'numeric', answer: -3 }),
    item('money', { type: 'numeric', answer: 4.5, unit: '$' }),
    item('percent', { type: 'numeric', answer: '25%' }),
    item('expand', { type: 'mathExpression', answer: 'x^2+2x+1' }),
    item('oxygen', { type: 'shortText', answers: ['O₂'] }),
  ],
};

// What a learner types on a phone for each item. Every field asks for the same text keyboard: a
// number pad only where the answer is a whole number would tell the learner so, and it has no
// minus sign for a learner whose (wrong) answer is negative.
const typed = {
  count: '530 people',
  negative: '-3',
  money: '$4.50',
  percent: '25',
  expand: 'X^2+2X+1',
  oxygen: 'O2',
};

test('answers typed as on a phone are right, and no field gives the answer away by its keyboard', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await context.route(/phone-typing\.json$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }),
  );
  const widget = await openWidgetAlone(page, env.baseUrl, 'phone', '../pkg-tests/fixtures/phone-typing.json');
  await widget.locator('form.ap-item').waitFor();
  const seen = new Map();
  for (let round = 0; round < 40 && seen.size < bank.items.length; round += 1) {
    const id = await widget.locator('form.ap-item').getAttribute('data-item-id');
    const field = widget.locator('.ap-typed input.ap-input');
    const attributes = await field.evaluate((input) => ({
      inputmode: input.getAttribute('inputmode'),
      autocapitalize: input.getAttribute('autocapitalize'),
      autocorrect: input.getAttribute('autocorrect'),
    }));
    assert.deepEqual(attributes, { inputmode: null, autocapitalize: 'off', autocorrect: 'off' }, `the field of ${id}`);
    await field.fill(typed[id]);
    await widget.locator('.ap-check').click();
    await widget.locator('.ap-next').waitFor();
    const feedback = (await widget.locator('.ap-feedback').textContent()).trim();
    if (!seen.has(id)) seen.set(id, feedback);
    await widget.locator('.ap-next').click();
    await widget.locator('.ap-check').waitFor();
  }
  assert.deepEqual([...seen.keys()].sort(), Object.keys(typed).sort(), 'every item was shown');
  for (const [id, feedback] of seen) {
    assert.match(feedback, /^Correct!/, `${id}: “${typed[id]}” is right`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
