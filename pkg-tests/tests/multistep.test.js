// A problem in steps shows its own question above the step, with one step as with several; the
// "Step 1 of 2" line only when there is more than one step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROWSER, launch } from '../lib/browser.js';
import { PracticeWidget } from '../lib/practice-widget.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
// One folder per browser: scripts/test.sh runs this file in Chromium and Firefox at the same time.
const scratch = `www/generated/multistep-test-${BROWSER}`;

let env;
before(async () => {
  env = await launch();
  mkdirSync(`${repositoryRoot}${scratch}`, { recursive: true });
});
after(async () => {
  await env?.close();
  rmSync(`${repositoryRoot}${scratch}`, { recursive: true, force: true });
});

function bankWithSteps(steps) {
  return {
    id: `steps-${steps.length}`,
    version: '1',
    title: 'Steps',
    language: 'en',
    skills: [{ id: 'equations', name: 'Equations' }],
    items: [
      {
        id: 'solve',
        skills: ['equations'],
        type: 'multiStep',
        prompt: 'Solve 2x + 3 = 11.',
        steps,
      },
    ],
  };
}

/** Opens the bank in the demo's page; resolves to the page and its widget. */
async function openBank(context, bank) {
  writeFileSync(`${repositoryRoot}${scratch}/${bank.id}.json`, JSON.stringify(bank));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.baseUrl}index.html?bank=${scratch}/${bank.id}.json`);
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  return { page, widget, errors };
}

test('a problem with one step shows its question, and no step count', async () => {
  const context = await env.browser.newContext();
  const { widget, errors } = await openBank(
    context,
    bankWithSteps([{ prompt: 'What is $x$?', type: 'numeric', answer: 4 }]),
  );
  assert.equal((await widget.part('form.ap-item .ap-problem').textContent()).trim(), 'Solve 2x + 3 = 11.');
  assert.match(await widget.part('form.ap-item .ap-prompt').textContent(), /What is/);
  assert.equal(await widget.part('.ap-step-count').count(), 0);
  await widget.answerByKeyboard(true);
  assert.match(await widget.feedback(), /^Correct!/);
  // Answered, the question stays on screen with the feedback.
  assert.equal((await widget.part('form.ap-item .ap-problem').textContent()).trim(), 'Solve 2x + 3 = 11.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a problem with two steps shows its question above each step, with the step count', async () => {
  const context = await env.browser.newContext();
  const { widget, errors } = await openBank(
    context,
    bankWithSteps([
      { prompt: 'What is $2x$?', type: 'numeric', answer: 8 },
      { prompt: 'What is $x$?', type: 'numeric', answer: 4 },
    ]),
  );
  for (const step of [1, 2]) {
    if (step > 1) await widget.nextByKeyboard();
    assert.equal((await widget.part('form.ap-item .ap-problem').textContent()).trim(), 'Solve 2x + 3 = 11.');
    assert.match(await widget.part('.ap-step-count').textContent(), new RegExp(`${step}.*2`));
    await widget.answerByKeyboard(true);
    assert.match(await widget.feedback(), /^Correct!/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
