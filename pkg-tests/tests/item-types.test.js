// One item of every type, answered by keyboard only: each is checked and gets feedback.
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

test('every item type can be answered right by keyboard alone', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(env.baseUrl + 'www/item-types.html');
  const bank = readBank('www/banks/item-types.json');
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();

  const types = new Set(bank.items.map((item) => item.id));
  const answered = new Set();
  for (let round = 0; round < 40 && answered.size < types.size; round += 1) {
    const item = await widget.currentItem();
    const part = await widget.answerByKeyboard(true);
    const feedback = await widget.feedback();
    assert.match(feedback, /^Correct!/, `${item.id} (${part.type}) answered right: ${feedback}`);
    if (item.type !== 'multiStep' || (await widget.part('.ap-next').textContent()) !== 'Next step')
      answered.add(item.id);
    await widget.nextByKeyboard();
  }
  assert.deepEqual([...answered].sort(), [...types].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong answer names the right one, for every item type', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'www/item-types.html');
  const bank = readBank('www/banks/item-types.json');
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  // Answer each type wrong the first time it shows (right otherwise, so the learner moves on).
  const seen = new Set();
  const types = new Set(bank.items.map((item) => item.type));
  for (let round = 0; round < 60 && seen.size < types.size; round += 1) {
    const item = await widget.currentItem();
    const wrong = !seen.has(item.type);
    await widget.answerByKeyboard(!wrong);
    const feedback = await widget.feedback();
    if (wrong) {
      assert.match(feedback, /^Not quite\./, `${item.id}: ${feedback}`);
      if (item.type !== 'ordering') assert.match(feedback, /The answer is /, `${item.id}: ${feedback}`);
      seen.add(item.type);
    }
    await widget.nextByKeyboard();
  }
  assert.deepEqual([...seen].sort(), [...types].sort());
  await context.close();
});
