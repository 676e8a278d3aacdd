// A fill-the-gaps blank with `choices` is a drop-down in the sentence (QTI's inline choice, a
// Moodle cloze drop-down): its options in the order written after "Choose…", named for a screen
// reader, picked with the keyboard alone, and judged as the blank's answer; axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SCREENSHOT_FOLDER } from '../lib/browser.js';
import { openWidgetAlone } from '../lib/practice-widget.js';
import { axeViolations } from '../lib/axe.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

const bank = {
  id: 'drop-down-gaps',
  version: '1',
  title: 'Drop-down gaps',
  language: 'en',
  skills: [{ id: 's', name: 'States of water', prerequisites: [] }],
  items: [
    {
      id: 'steam',
      skills: ['s'],
      type: 'fillBlanks',
      prompt: 'The steam above a kettle is water as a [[1]]; it turns back into a [[2]] at **100** °C or below.',
      blanks: [
        { answers: ['gas'], choices: ['solid', 'liquid', 'gas'] },
        { answers: ['liquid'], choices: ['solid', 'liquid'] },
      ],
    },
  ],
};

/** A page with one widget on the bank, at this width. */
async function openWidget(width) {
  const context = await env.browser.newContext({ viewport: { width, height: 640 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await context.route(/drop-down-gaps\.json$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }),
  );
  const widget = await openWidgetAlone(page, env.baseUrl, 'gaps', '../pkg-tests/fixtures/drop-down-gaps.json');
  const prompt = widget.locator('.ap-gaps');
  await prompt.waitFor();
  return { context, page, prompt, errors };
}

test('a blank with choices is a named drop-down, answered with the keyboard', async () => {
  const { context, page, prompt, errors } = await openWidget(360);
  const lists = prompt.locator('select');
  assert.equal(await lists.count(), 2);
  assert.equal(await prompt.locator('input').count(), 0, 'no text field for a blank with choices');
  assert.deepEqual(
    await lists.nth(0).locator('option').allTextContents(),
    ['Choose…', 'solid', 'liquid', 'gas'],
    'the options in the order written, after an empty first entry',
  );
  assert.equal(await lists.nth(0).getAttribute('aria-label'), 'Gap 1');
  assert.equal(await lists.nth(1).getAttribute('aria-label'), 'Gap 2');
  assert.deepEqual(await axeViolations(page), []);

  // Checking with a list left at "Choose…" asks for every gap, as an empty text field does.
  await lists.nth(0).selectOption('gas');
  await page.locator('#gaps .ap-check').click();
  await page.locator('#gaps .ap-unreadable').waitFor();

  // Keyboard only: focus the second list, pick its option with the arrow keys, answer with Enter
  // on the Check button.
  await lists.nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await lists.nth(1).inputValue(), 'liquid');
  await page.screenshot({ path: new URL('drop-down-gaps.png', SCREENSHOT_FOLDER).pathname });
  await page.locator('#gaps .ap-check').focus();
  await page.keyboard.press('Enter');
  await page.locator('#gaps .ap-next').waitFor();
  assert.match((await page.locator('#gaps .ap-feedback').textContent()).trim(), /^Correct!/);
  assert.ok(await lists.nth(0).isDisabled(), 'the lists are locked once answered');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong option is judged wrong and the right one is shown', async () => {
  const { context, page, prompt, errors } = await openWidget(800);
  const lists = prompt.locator('select');
  await lists.nth(0).selectOption('liquid');
  await lists.nth(1).selectOption('liquid');
  await page.locator('#gaps .ap-check').click();
  await page.locator('#gaps .ap-next').waitFor();
  const feedback = (await page.locator('#gaps .ap-feedback').textContent()).trim();
  assert.doesNotMatch(feedback, /^Correct!/);
  assert.match(feedback, /gas, liquid/);
  assert.deepEqual(errors, []);
  await context.close();
});
