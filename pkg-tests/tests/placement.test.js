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

/** Answers `count` items right or wrong by keyboard; returns each item and its "why" sentence. */
async function practise(right, count) {
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
    const item = await widget.answerByKeyboard(right);
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
