// The teacher page with reports that carry no learner's name (the widget lets a learner leave it
// blank): each is its own learner, numbered, with a note that the page cannot tell whether they
// are one learner's; the same file twice still counts once. A learner's saved progress handed
// in instead of a report says which button of the widget makes the report. A bank of one skill
// is "1 skill".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../lib/browser.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const ITEMS = ['numeric-1', 'numeric-2', 'numeric-3', 'numeric-4', 'numeric-5', 'numeric-6'];

/** A bank of one skill and six numeric items (`n + n = ?`). */
const bank = {
  id: 'unnamed-class',
  version: '1',
  title: 'Doubles',
  language: 'en',
  skills: [{ id: 'doubles', name: 'Doubles' }],
  items: ITEMS.map((id, index) => ({
    id,
    skills: ['doubles'],
    type: 'numeric',
    prompt: `${index + 1} + ${index + 1} = ?`,
    answer: String(2 * (index + 1)),
  })),
};

/**
 * A report as the widget writes it after six answers, one wrong (numeric-6), made at `createdAt`
 * (ms). Its answer log (the widget's saved form: four characters an answer) lists the items in
 * the order they were answered.
 */
function report(learner, createdAt) {
  return {
    format: 'adaptive-practice-report',
    version: 3,
    bankId: bank.id,
    bankVersion: '1',
    learner,
    createdAt,
    answerCount: 6,
    correctCount: 5,
    timeOnTaskSeconds: 6,
    skills: {
      ids: ['doubles'],
      names: ['Doubles'],
      states: ['learning'],
      mastery: [0.8051],
      certainty: [0.7325],
      attempts: [6],
      correct: [5],
    },
    items: { ids: ITEMS, attempts: [1, 1, 1, 1, 1, 1], correct: [1, 1, 1, 1, 1, 0] },
    answers: {
      version: 1,
      items: ['numeric-3', 'numeric-2', 'numeric-6', 'numeric-5', 'numeric-1', 'numeric-4'],
      start: Math.floor(createdAt / 1000) - 8,
      answers: 'AABABABBCAABDABBEAECFABB',
    },
  };
}

let env;
let folder;
const files = {};

before(async () => {
  folder = temporaryFolder('teacher-unnamed-');
  const now = Date.now();
  const write = (name, json) => {
    files[name] = join(folder, name);
    writeFileSync(files[name], JSON.stringify(json));
  };
  write('bank.json', bank);
  write('first.json', report('', now - 3_600_000));
  write('second.json', report('  ', now - 1_800_000));
  write('first-again.json', report('', now - 3_600_000));
  write('named.json', report('Ada', now - 1_000_000));
  write('progress.json', {
    format: 'adaptive-practice-progress',
    version: 1,
    bankId: bank.id,
    bankVersion: '1',
    answerCount: 6,
    skills: {},
  });
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('two reports without a name are two numbered learners; the same file twice counts once', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.baseUrl}www/teacher.html`);
  await page.locator('#bank-status[data-bank-id="fractions"]').waitFor();
  await page.setInputFiles('#bank-file', files['bank.json']);
  await page.locator(`#bank-status[data-bank-id="${bank.id}"]`).waitFor();
  assert.match(await page.locator('#bank-status').textContent(), /^Doubles: 1 skill, 6 items /);

  await page.setInputFiles('#report-files', [
    files['first.json'],
    files['second.json'],
    files['first-again.json'],
    files['named.json'],
    files['progress.json'],
  ]);
  await page.locator('#heatmap td[data-learner]').first().waitFor();
  await page.waitForFunction(() =>
    /3 learners in the overview/.test(document.getElementById('reports-status').textContent),
  );
  const learners = await page
    .locator('#heatmap td[data-learner]')
    .evaluateAll((cells) => [...new Set(cells.map((cell) => cell.dataset.learner))]);
  assert.deepEqual(learners, ['Ada', 'Unnamed learner 1', 'Unnamed learner 2']);
  const used = await page.locator('#used-list li').allTextContents();
  assert.ok(
    used.some((line) => line.startsWith('Unnamed learner 1: first.json')),
    used.join('\n'),
  );
  assert.ok(
    used.some((line) => line.startsWith('Unnamed learner 2: second.json')),
    used.join('\n'),
  );

  const note = page.locator('#unnamed-note');
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /^2 reports have no learner's name: each is shown as its own learner/);
  assert.match(await note.textContent(), /cannot tell whether some are the same learner’s/);

  const skipped = await page.locator('#skipped-list li').allTextContents();
  assert.equal(skipped.length, 2, skipped.join('\n'));
  assert.ok(
    skipped.some((line) => /^first-again\.json .*a duplicate of first\.json/.test(line)),
    skipped.join('\n'),
  );
  assert.ok(
    skipped.some(
      (line) =>
        line.startsWith('progress.json: ') &&
        line.includes("a learner's saved progress, not a report") &&
        line.includes('“Make a report for my teacher”'),
    ),
    skipped.join('\n'),
  );
  assert.ok(!skipped.some((line) => /older report/.test(line)), 'no unnamed report is taken for an older one');
  assert.deepEqual(errors, []);
  await context.close();
});

test('one report without a name keeps the plain name and no note', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.baseUrl}www/teacher.html`);
  await page.locator('#bank-status[data-bank-id="fractions"]').waitFor();
  await page.setInputFiles('#bank-file', files['bank.json']);
  await page.locator(`#bank-status[data-bank-id="${bank.id}"]`).waitFor();
  await page.setInputFiles('#report-files', [files['first.json'], files['named.json']]);
  await page.locator('#heatmap td[data-learner]').first().waitFor();
  const learners = await page
    .locator('#heatmap td[data-learner]')
    .evaluateAll((cells) => [...new Set(cells.map((cell) => cell.dataset.learner))]);
  assert.deepEqual(learners, ['Ada', 'Unnamed learner']);
  assert.equal(await page.locator('#unnamed-note').isVisible(), false);
  await context.close();
});
