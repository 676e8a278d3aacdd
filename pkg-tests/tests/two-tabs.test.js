// Two tabs on one bank (same origin storage): answers given in both are all kept (merged, not
// last-writer-wins), and each tab shows the other's progress without a reload (`storage` event).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

const KEY = 'adaptive-practice/progress/fractions';
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

async function openTab(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A panic in the wasm traps (a pageerror; scripts/wasm-std.sh); with KEEP_PANIC_MESSAGES=1 at build
  // Yew's panic hook reports it on the console.
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.tabToAnswer();
  return { page, widget, errors };
}

async function waitForScore(widget, pattern) {
  for (let tries = 0; tries < 50; tries += 1) {
    const score = await widget.score();
    if (pattern.test(score)) return score;
    await widget.page.waitForTimeout(100);
  }
  return widget.score();
}

test('20 answers in each of two tabs, interleaved: all 40 in the merged state of both', async () => {
  const context = await env.browser.newContext();
  const a = await openTab(context);
  const b = await openTab(context);
  let correct = 0;
  for (let round = 0; round < 20; round += 1) {
    for (const [tab, right] of [
      [a, round % 3 !== 0],
      [b, round % 2 === 0],
    ]) {
      // The learner switches to the tab (Firefox gives keyboard focus to the front tab only).
      await tab.page.bringToFront();
      try {
        await tab.widget.answerByKeyboard(right);
      } catch (error) {
        const which = tab === a ? 'A' : 'B';
        throw new Error(
          `tab ${which}, round ${round}: ${error.message}; page errors: ${JSON.stringify([...a.errors, ...b.errors])}`,
          {
            cause: error,
          },
        );
      }
      correct += right ? 1 : 0;
      await tab.widget.nextByKeyboard();
    }
    // Each tab sees the other's answers without a reload.
    const total = 2 * (round + 1);
    assert.match(
      await waitForScore(a.widget, new RegExp(`^${total} answered`)),
      new RegExp(`^${total} answered`),
      `tab A after round ${round}`,
    );
  }
  const expected = `40 answered · ${correct} correct`;
  assert.equal(await waitForScore(a.widget, /^40 answered/), expected);
  assert.equal(await waitForScore(b.widget, /^40 answered/), expected);
  const stored = await a.page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  assert.equal(stored.answerCount, 40);
  assert.equal(stored.correctCount, correct);
  assert.deepEqual(stored.sessions.map((s) => s.answers).sort(), [20, 20]);
  // A reload of either tab starts from all 40.
  await b.page.reload();
  await b.widget.waitForItem();
  assert.equal(await b.widget.score(), expected);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});
