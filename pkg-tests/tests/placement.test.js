// Placement (issue 14, acceptance 3): a learner who answers everything right at the start is
// placed forward (the first items probe the most advanced skills and the first skill is skipped);
// one who answers wrong is led down to the prerequisites.
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

const bank = readBank('www/banks/fractions.json');
const prerequisitesOf = (skill) => bank.skills.find((s) => s.id === skill).prerequisites ?? [];

/**
 * Answers `count` items by keyboard, right or wrong (`right`: a boolean, or a function of the
 * item's index); returns each item and its "why" sentence.
 */
async function practise(right, count) {
  const rightAt = typeof right === 'function' ? right : () => right;
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  await widget.tabToAnswer();
  const seen = [];
  for (let index = 0; index < count; index += 1) {
    const why = (await widget.part('.ap-why').textContent()).trim();
    const item = await widget.answerByKeyboard(rightAt(index));
    seen.push({ item, why });
    if (index < count - 1) await widget.nextByKeyboard();
  }
  assert.deepEqual(errors, []);
  await context.close();
  return seen;
}

test('a learner who answers everything right is placed forward', async () => {
  const seen = await practise(true, 6);
  // The first item probes a skill that builds on others, and says so.
  assert.notDeepEqual(prerequisitesOf(seen[0].item.skills[0]), [], `${seen[0].item.id} is an advanced skill`);
  assert.match(seen[0].why, /^Finding where you are: if you can do “.+”, we skip /);
  // The first skill of the bank is provisionally known: none of the first six items practises it.
  for (const { item } of seen) {
    assert.ok(!item.skills.includes('fraction-meaning'), `${item.id} practises a skill the learner was placed past`);
  }
});

test('a learner who answers wrong is led down to the prerequisites', async () => {
  const seen = await practise(false, 6);
  assert.match(seen[0].why, /^Finding where you are/);
  // Probes go down the prerequisite graph: the first skill of the bank comes within six items.
  assert.ok(
    seen.some(({ item }) => item.skills.includes('fraction-meaning')),
    `an item of the first skill within six: ${seen.map(({ item }) => item.id).join(', ')}`,
  );
});

test('a right first probe that the next skills contradict: the skipped prerequisite is probed', async () => {
  // Right on the first probe (an advanced skill: its prerequisites are skipped), then wrong on
  // everything: a skill still failing after two answers has its skipped prerequisites probed.
  const seen = await practise((index) => index === 0, 10);
  const skipped = prerequisitesOf(seen[0].item.skills[0]);
  assert.notDeepEqual(skipped, [], `${seen[0].item.id} is an advanced skill`);
  const probed = seen.slice(1).find(({ item }) => skipped.some((skill) => item.skills.includes(skill)));
  assert.ok(probed, `an item of ${skipped.join(', ')} within ten: ${seen.map(({ item }) => item.id).join(', ')}`);
  assert.match(probed.why, /^Finding where you are/);
});
