// Progress the learner can trust (issue 16, points 4, 5 and 8): two banks under one storage-key
// keep their own progress; a progress file too large or not plausible is refused and changes
// nothing; after a stored copy is damaged mid-session, the notice says what really happened;
// the teacher page flags an implausible report instead of counting it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const fractions = readBank('www/banks/fractions.json');
const percentages = readBank('www/banks/percentages.json');
const fixture = (name) => readFileSync(new URL(`../../crates/engine/tests/fixtures/${name}`, import.meta.url), 'utf8');
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** Opens the standalone page on `bankPath` (with `?storage-key=` when given); waits for an item. */
async function open(context, bank, bankPath, storageKey) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const key = storageKey ? `&storage-key=${encodeURIComponent(storageKey)}` : '';
  await page.goto(`${env.baseUrl}index.html?bank=${encodeURIComponent(bankPath)}${key}`);
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  await widget.tabToAnswer();
  return { page, widget, errors };
}

const notice = async (widget) =>
  (await widget.part('.ap-notice').count()) ? (await widget.part('.ap-notice').first().textContent()).trim() : '';

async function answer(widget, count) {
  for (let n = 0; n < count; n += 1) {
    await widget.answerByKeyboard(n % 2 === 0);
    await widget.nextByKeyboard();
  }
}

const ourKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('adaptive-practice/')));

test('two banks under one storage-key keep their own progress; nothing is moved aside', async () => {
  const context = await env.browser.newContext();
  const a = await open(context, fractions, 'www/banks/fractions.json', 'class-7b');
  await answer(a.widget, 2);
  assert.equal(await a.widget.score(), '2 answered · 1 correct');
  await a.page.close();

  const b = await open(context, percentages, 'www/banks/percentages.json', 'class-7b');
  assert.equal(await b.widget.score(), '0 answered · 0 correct');
  assert.equal(await notice(b.widget), '', 'no notice: the other bank’s progress is not this one’s problem');
  await answer(b.widget, 3);
  assert.equal(await b.widget.score(), '3 answered · 2 correct');
  await b.page.close();

  const againA = await open(context, fractions, 'www/banks/fractions.json', 'class-7b');
  assert.equal(await againA.widget.score(), '2 answered · 1 correct', 'bank A kept its progress');
  assert.equal(await notice(againA.widget), '');
  const againB = await open(context, percentages, 'www/banks/percentages.json', 'class-7b');
  assert.equal(await againB.widget.score(), '3 answered · 2 correct', 'bank B kept its progress');
  const keys = await ourKeys(againB.page);
  assert.deepEqual(
    keys.filter((key) => key.includes('unreadable')),
    [],
    `nothing moved aside: ${keys}`,
  );
  assert.deepEqual([...a.errors, ...b.errors, ...againA.errors, ...againB.errors], []);
  await context.close();
});

test('progress saved under a storage-key by the current release still loads, for its own bank only', async () => {
  const context = await env.browser.newContext();
  const setup = await context.newPage();
  await setup.goto(`${env.baseUrl}www/banks/fractions.json`);
  const saved = fixture('progress-v1-sessions.json').trim();
  await setup.evaluate((text) => localStorage.setItem('adaptive-practice/progress/class-7b', text), saved);
  await setup.close();

  const a = await open(context, fractions, 'www/banks/fractions.json', 'class-7b');
  assert.equal(await a.widget.score(), '5 answered · 3 correct', 'the saved progress is found');
  const carried = await a.page.waitForFunction(() =>
    localStorage.getItem('adaptive-practice/progress/class-7b/fractions'),
  );
  assert.equal(JSON.parse(await carried.jsonValue()).answerCount, 5, 'carried over under the bank’s own key');
  assert.equal(await notice(a.widget), '');
  const b = await open(context, percentages, 'www/banks/percentages.json', 'class-7b');
  assert.equal(await b.widget.score(), '0 answered · 0 correct');
  assert.equal(await notice(b.widget), '');
  await answer(b.widget, 1);
  assert.equal(
    await b.page.evaluate(() => localStorage.getItem('adaptive-practice/progress/class-7b')),
    saved,
    'the other bank never writes over it',
  );
  await context.close();
});

/**
 * Chooses `path` in the widget's "Load progress from a file"; returns the sentence shown once
 * it differs from the one shown before (each file here gets its own sentence), or after 10 s.
 */
async function importFile(widget, path) {
  await widget.part('details.ap-data').evaluate((details) => {
    details.open = true;
  });
  const message = widget.part('.ap-import-message');
  const before = (await message.count()) > 0 ? (await message.textContent()).trim() : null;
  await widget.part('.ap-file').setInputFiles(path);
  await message.waitFor();
  let said = (await message.textContent()).trim();
  for (let waited = 0; said === before && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    said = (await message.textContent()).trim();
  }
  return said;
}

test('a progress file too large or not plausible is refused with a reason; stored progress stays byte for byte', async () => {
  const folder = temporaryFolder('ap-progress-trust-');
  const context = await env.browser.newContext();
  const { page, widget, errors } = await open(context, fractions, 'www/banks/fractions.json');
  await answer(widget, 3);
  const key = 'adaptive-practice/progress/fractions';
  const stored = await page.evaluate((k) => localStorage.getItem(k), key);
  const progress = JSON.parse(stored);

  const large = join(folder, 'large.json');
  const padding = ' '.repeat(3 * 1024 * 1024);
  writeFileSync(large, stored.replace('{', `{${padding}`));
  assert.match(await importFile(widget, large), /not loaded, and nothing changed: the file is larger than 2 MB/);

  const forged = structuredClone(progress);
  for (const skill of fractions.skills) {
    forged.skills[skill.id] = {
      ...(forged.skills[skill.id] ?? {
        ability: 5,
        variance: 0.1,
        attempts: 0,
        correct: 0,
        streak: 0,
        lastPracticed: progress.skills[Object.keys(progress.skills)[0]].lastPracticed,
        stabilityDays: 30,
      }),
      mastered: true,
    };
  }
  const forgedPath = join(folder, 'forged.json');
  writeFileSync(forgedPath, JSON.stringify(forged));
  assert.match(await importFile(widget, forgedPath), /not loaded, and nothing changed: .*mastered without/);

  const fast = structuredClone(progress);
  const [firstItem] = Object.keys(fast.items);
  fast.items[firstItem].attempts += 12_000;
  fast.answerCount += 12_000;
  fast.timeOnTaskSeconds = 1;
  const fastPath = join(folder, 'fast.json');
  writeFileSync(fastPath, JSON.stringify(fast));
  assert.match(await importFile(widget, fastPath), /not loaded, and nothing changed: .*12003 answers in 1 second/);

  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), stored, 'stored progress unchanged');
  assert.equal(await widget.score(), '3 answered · 2 correct');
  assert.equal(await notice(widget), '', 'later saves still work');
  await answer(widget, 1);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key)).answerCount, 4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a stored copy damaged mid-session: the notice says the answers were kept, not "you start fresh"', async () => {
  const context = await env.browser.newContext();
  const { page, widget, errors } = await open(context, fractions, 'www/banks/fractions.json');
  await answer(widget, 6);
  await page.evaluate(() => localStorage.setItem('adaptive-practice/progress/fractions', '{"format":"adaptive-pr'));
  await answer(widget, 1);
  const said = await notice(widget);
  assert.doesNotMatch(said, /start fresh/);
  assert.match(said, /could not be read \(the saved progress is damaged/);
  assert.match(said, /kept aside, untouched/);
  assert.match(said, /your 7 answers here were saved in its place/);
  assert.equal(await widget.score(), '7 answered · 4 correct');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the teacher page flags an implausible report with its reason and leaves it out of the class figures', async () => {
  const folder = temporaryFolder('ap-teacher-flags-');
  const skills = fractions.skills.map((skill, place) => ({
    id: skill.id,
    name: skill.name,
    state: place === 0 ? 'learning' : 'notStarted',
    mastery: 0.5,
    certainty: place === 0 ? 0.3 : 0,
    attempts: place === 0 ? 4 : 0,
    correct: place === 0 ? 2 : 0,
  }));
  const honest = {
    format: 'adaptive-practice-report',
    version: 1,
    bankId: 'fractions',
    bankVersion: fractions.version,
    learner: 'Honest Learner',
    createdAt: Date.now() - 60_000,
    answerCount: 4,
    correctCount: 2,
    timeOnTaskSeconds: 95,
    skills,
    items: [{ id: fractions.items[0].id, attempts: 4, correct: 2 }],
  };
  const forged = {
    ...honest,
    learner: 'Speedy Forger',
    answerCount: 12_000,
    correctCount: 12_000,
    timeOnTaskSeconds: 1,
    skills: skills.map((skill) => ({ ...skill, state: 'mastered', mastery: 0.99 })),
    items: [{ id: fractions.items[0].id, attempts: 12_000, correct: 12_000 }],
  };
  const paths = [join(folder, 'honest.json'), join(folder, 'forged.json')];
  writeFileSync(paths[0], JSON.stringify(honest));
  writeFileSync(paths[1], JSON.stringify(forged));
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(env.baseUrl + 'www/teacher.html');
  await page.locator('#bank-status[data-bank-id="fractions"]').waitFor();
  await page.setInputFiles('#report-files', paths);
  await page.locator('#flagged-list li').first().waitFor();
  const flagged = await page.locator('#flagged-list li').allTextContents();
  assert.equal(flagged.length, 1, `one report flagged: ${flagged}`);
  assert.match(flagged[0], /forged\.json \(Speedy Forger\)/);
  assert.match(flagged[0], /12000 answers in 1 second/);
  assert.match(flagged[0], /mastered without/);
  assert.ok(await page.locator('#flagged').isVisible(), 'the flag is visible');
  const learners = await page
    .locator('#heatmap td[data-learner]')
    .evaluateAll((cells) => [...new Set(cells.map((cell) => cell.dataset.learner))]);
  assert.deepEqual(learners, ['Honest Learner'], 'the flagged report is not in the class figures');
  assert.match(await page.locator('#reports-status').textContent(), /1 learner in the overview, 1 flagged/);
  assert.deepEqual(errors, []);
  await context.close();
});
