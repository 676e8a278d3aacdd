// A learner practises on the demo page by keyboard only, then reloads and finds their progress.
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

test('five items answered by keyboard get feedback, and progress survives a reload', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.tabToAnswer();

  const pattern = [true, false, true, true, false];
  for (const [index, right] of pattern.entries()) {
    const item = await widget.answerByKeyboard(right);
    const feedback = await widget.feedback();
    if (right) {
      assert.match(feedback, /^Correct!/, `item ${item.id}`);
    } else {
      assert.match(feedback, /^Not quite\./, `item ${item.id}`);
      const expected = item.type === 'singleChoice' ? item.choices[item.answer].text : await widget.typedAnswer(item);
      assert.ok(
        feedback.includes(`The answer is ${expected}.`),
        `feedback of ${item.id} names the answer: ${feedback}`,
      );
    }
    // The worked solution is shown after every answer.
    assert.equal(
      (await widget.part('.ap-solution p').textContent()).trim(),
      await widget.shownText(item, item.solution),
    );
    assert.equal(
      await widget.score(),
      `${index + 1} answered · ${pattern.slice(0, index + 1).filter(Boolean).length} correct`,
    );
    if (index < pattern.length - 1) await widget.nextByKeyboard();
  }

  const scoreBefore = await widget.score();
  const figuresBefore = await widget.masteryFigures();
  assert.notDeepEqual(
    Object.values(figuresBefore).filter((f) => f.startsWith('Learning')),
    [],
    'some skill is being learned',
  );
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('adaptive-practice/progress/fractions')));
  assert.equal(stored.answerCount, 5);
  assert.equal(stored.correctCount, 3);

  await page.reload();
  await widget.waitForItem();
  assert.equal(await widget.score(), scoreBefore);
  assert.deepEqual(await widget.masteryFigures(), figuresBefore);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unreadable number is explained and not counted', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  // Answer until a numeric item is on screen.
  await widget.tabToAnswer();
  for (let tries = 0; (await widget.currentItem()).type !== 'numeric'; tries += 1) {
    assert.ok(tries < 10, 'a numeric item comes up within ten items');
    await widget.answerByKeyboard(true);
    await widget.nextByKeyboard();
  }
  const scoreBefore = await widget.score();
  await page.keyboard.type('three quarters');
  await page.keyboard.press('Enter');
  const message = await widget.part('.ap-unreadable').textContent();
  assert.match(message, /is not a number I can read/);
  assert.equal(await widget.score(), scoreBefore);
  await context.close();
});
