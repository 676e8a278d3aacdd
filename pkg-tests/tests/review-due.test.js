// Reviews before forgetting, in the widget: a learner masters a skill and keeps learning the next
// one; a day later the mastered skill is not reviewed yet, two months later it comes back between
// the new skill's items, and the widget says why ("Review: you mastered …"). The page's clock is
// moved forward by an init script (Date.now shifted), so nothing waits.
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

const DAY_MS = 24 * 60 * 60 * 1000;
const numericItem = (skill, i) => ({
  id: `${skill}-${i}`,
  skills: [skill],
  type: 'numeric',
  prompt: `${skill}: what is ${i + 2} + ${i + 3}?`,
  answer: 2 * i + 5,
});
// Two skills, the second built on the first: the learner masters `adding`, then keeps getting
// `carrying` wrong now and then, so there is new learning to interleave reviews with.
const bank = {
  id: 'review-due',
  version: '1',
  title: 'Reviews',
  language: 'en',
  skills: [
    { id: 'adding', name: 'Adding small numbers', prerequisites: [] },
    { id: 'carrying', name: 'Carrying', prerequisites: ['adding'] },
  ],
  items: [
    ...Array.from({ length: 12 }, (_, i) => numericItem('adding', i)),
    ...Array.from({ length: 12 }, (_, i) => numericItem('carrying', i)),
  ],
};
const rightAnswer = (id) => String(bank.items.find((item) => item.id === id).answer);
let carryingAnswers = 0;
/** The learner's answer: right on `adding`; on `carrying`, wrong every third time. */
const answerOf = (id) => {
  if (id.startsWith('adding')) return rightAnswer(id);
  carryingAnswers += 1;
  return carryingAnswers % 3 === 0 ? '1' : rightAnswer(id);
};

/** Opens the test bank in a widget on a page of `context`, with the clock `shiftDays` ahead. */
async function openWidget(context, shiftDays) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (shiftDays) {
    await page.addInitScript((shift) => {
      const realNow = Date.now;
      Date.now = () => realNow() + shift;
    }, shiftDays * DAY_MS);
  }
  const widget = await openWidgetAlone(page, env.baseUrl, 'review', '../pkg-tests/fixtures/review-due.json');
  await widget.locator('form.ap-item').waitFor();
  return { page, widget, errors };
}

/** Answers `count` items as `answerOf` says; returns each item's "why this item" text. */
async function answerItems({ widget }, count) {
  const reasons = [];
  for (let round = 0; round < count; round += 1) {
    await widget.locator('form.ap-item').waitFor();
    const id = await widget.locator('form.ap-item').getAttribute('data-item-id');
    reasons.push(`${id}: ${(await widget.locator('.ap-why').textContent()).trim()}`);
    await widget.locator('.ap-typed input.ap-input').fill(answerOf(id));
    await widget.locator('.ap-check').click();
    await widget.locator('.ap-next').click();
  }
  return reasons;
}

// A review because predicted recall fell (the memory model); a review because the skill's estimate
// fell under the mastery level (answers on the skill built on it) is another reason, worded apart.
const isRecallReview = (reason) =>
  /: Review: you mastered “Adding small numbers”, and your predicted recall is down to \d+%\.$/.test(reason);

test('a mastered skill comes back as a review weeks later, between new learning, and the widget says why', async () => {
  const context = await env.browser.newContext();
  await context.route(/review-due\.json$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }),
  );
  const first = await openWidget(context, 0);
  const reasons = [];
  let mastered = false;
  for (let round = 0; round < 20 && !mastered; round += 1) {
    const id = await first.widget.locator('form.ap-item').getAttribute('data-item-id');
    reasons.push(`${id}: ${(await first.widget.locator('.ap-why').textContent()).trim()}`);
    await first.widget.locator('.ap-typed input.ap-input').fill(answerOf(id));
    await first.widget.locator('.ap-check').click();
    await first.widget.locator('.ap-next').waitFor();
    mastered = /Adding small numbers/.test(await first.widget.locator('.ap-feedback').textContent());
    await first.widget.locator('.ap-next').click();
  }
  assert.ok(mastered, `“Adding small numbers” is mastered after right answers; items seen: ${reasons.join(' | ')}`);
  reasons.push(...(await answerItems(first, 6)));
  assert.ok(!reasons.some(isRecallReview), `no review on the day of mastery: ${reasons.join(' | ')}`);
  assert.deepEqual(first.errors, []);
  await first.page.close();

  // The next day the skill is still fresh in memory: no review for recall among the next items.
  const nextDay = await openWidget(context, 1);
  const nextDayReasons = await answerItems(nextDay, 6);
  assert.ok(!nextDayReasons.some(isRecallReview), `a day later: ${nextDayReasons.join(' | ')}`);
  assert.deepEqual(nextDay.errors, []);
  await nextDay.page.close();

  // Two months later its predicted recall is under the target: it comes back, among new learning.
  const later = await openWidget(context, 60);
  const laterReasons = await answerItems(later, 6);
  assert.ok(laterReasons.some(isRecallReview), `two months later: ${laterReasons.join(' | ')}`);
  assert.ok(
    laterReasons.some((reason) => reason.startsWith('carrying')),
    `new learning goes on beside the review: ${laterReasons.join(' | ')}`,
  );
  assert.deepEqual(later.errors, []);
  await context.close();
});
