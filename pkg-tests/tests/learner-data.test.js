// Learner-owned progress: save to a file, clear storage, load the file, and find everything
// restored; a damaged file and another bank's file are refused with a message and change
// nothing; answers an import replaces are kept aside and can be brought back; a report for the
// teacher (file and short code); starting again after confirming.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadedBytes, launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

test('export, clear, import: everything is restored; bad files change nothing', async () => {
  const folder = temporaryFolder('ap-learner-data-');
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.tabToAnswer();
  for (const right of [true, true, false]) {
    await widget.answerByKeyboard(right);
    await widget.nextByKeyboard();
  }
  const scoreBefore = await widget.score();
  const figuresBefore = await widget.masteryFigures();
  const storedBefore = await page.evaluate(() =>
    JSON.parse(localStorage.getItem('adaptive-practice/progress/fractions')),
  );

  await widget.part('.ap-data summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), widget.part('.ap-export').click()]);
  const file = join(folder, download.suggestedFilename());
  await download.saveAs(file);
  assert.equal(download.suggestedFilename(), 'fractions-progress.json');

  await page.evaluate(() => localStorage.removeItem('adaptive-practice/progress/fractions'));
  await page.reload();
  await widget.waitForItem();
  assert.equal(await widget.score(), '0 answered · 0 correct');

  const importFile = async (path) => {
    await widget.part('details.ap-data').evaluate((details) => {
      details.open = true;
    });
    // The message of an earlier import may still be shown: wait for this file's own.
    const message = widget.part('.ap-import-message');
    const earlier = (await message.count()) > 0 ? (await message.textContent()).trim() : null;
    await widget.part('.ap-file').setInputFiles(path);
    await (earlier === null ? message : message.filter({ hasNotText: earlier })).waitFor();
    return (await message.textContent()).trim();
  };
  assert.match(await importFile(file), /Progress loaded: 3 answers/);
  assert.equal(await widget.score(), scoreBefore);
  assert.deepEqual(await widget.masteryFigures(), figuresBefore);
  const restored = await page.evaluate(() => JSON.parse(localStorage.getItem('adaptive-practice/progress/fractions')));
  assert.equal(restored.answerCount, storedBefore.answerCount);
  assert.deepEqual(restored.skills, storedBefore.skills, 'mastery evidence and review schedule restored');

  const damaged = join(folder, 'damaged.json');
  writeFileSync(damaged, readFileSync(file, 'utf8').slice(0, 60));
  await page.reload();
  await widget.waitForItem();
  assert.match(await importFile(damaged), /not loaded, and nothing changed: the saved progress is damaged/);
  assert.equal(await widget.score(), scoreBefore);

  const foreign = join(folder, 'foreign.json');
  writeFileSync(foreign, readFileSync(file, 'utf8').replace('"bankId":"fractions"', '"bankId":"percentages"'));
  assert.match(await importFile(foreign), /another bank/);
  assert.equal(await widget.score(), scoreBefore);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('adaptive-practice/progress/fractions')));
  assert.equal(stored.answerCount, 3);
  await context.close();
});

test('an import over answers on this device keeps them aside, and Undo brings them back', async () => {
  const folder = temporaryFolder('ap-learner-undo-');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.tabToAnswer();
  // A file of 2 answers, then a third answer here.
  for (const right of [true, false]) {
    await widget.answerByKeyboard(right);
    await widget.nextByKeyboard();
  }
  // What Save my progress to a file writes (the stored copy), without a download: Firefox's
  // download panel takes the focus from the page.
  const two = await page.evaluate(() => localStorage.getItem('adaptive-practice/progress/fractions'));
  writeFileSync(join(folder, 'two.json'), two);
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  await widget.nextByKeyboard();
  assert.equal(await widget.score(), '3 answered · 2 correct');
  const stored = () =>
    page.evaluate(() => {
      const copies = {};
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i);
        if (key.startsWith('adaptive-practice/progress/fractions')) {
          copies[key.replace(/[0-9]+$/, '<time>')] = JSON.parse(localStorage.getItem(key)).answerCount;
        }
      }
      return copies;
    });

  await widget.part('details.ap-data').evaluate((details) => {
    details.open = true;
  });
  await widget.part('.ap-file').setInputFiles(join(folder, 'two.json'));
  await widget.part('.ap-undo-import').waitFor();
  assert.equal(
    (await widget.part('.ap-import-message').textContent()).trim(),
    'Progress loaded: 2 answers. Your earlier progress here (3 answers) is kept aside; Undo brings it back.',
  );
  assert.equal(await widget.score(), '2 answered · 1 correct');
  assert.deepEqual(await stored(), {
    'adaptive-practice/progress/fractions': 2,
    'adaptive-practice/progress/fractions/unreadable-<time>': 3,
  });

  await widget.part('.ap-undo-import').focus();
  await page.keyboard.press('Enter');
  await widget.part('.ap-undo-import').waitFor({ state: 'detached' });
  // The focus goes where it goes after an import: to the item the progress brought back.
  assert.ok(
    await widget.part('form.ap-item').evaluate((item) => item.contains(item.getRootNode().activeElement)),
    'the focus is on the item, not lost with Undo',
  );
  assert.equal(
    (await widget.part('.ap-import-message').textContent()).trim(),
    'Import undone: your earlier progress (3 answers) is back.',
  );
  assert.equal(await widget.score(), '3 answered · 2 correct');
  await page.reload();
  await widget.waitForItem();
  assert.equal(await widget.score(), '3 answered · 2 correct', 'the undone import stays undone');
  assert.equal((await stored())['adaptive-practice/progress/fractions'], 3);
  await context.close();
});

test('a report for the teacher: a file and a short code; starting again needs a confirmation', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.tabToAnswer();
  await widget.answerByKeyboard(true);
  await widget.part('.ap-data summary').click();
  await widget.part('#ap-learner-name').fill('Ada L');
  const [download] = await Promise.all([page.waitForEvent('download'), widget.part('.ap-make-report').click()]);
  assert.equal(download.suggestedFilename(), 'fractions-report-Ada-L.json');
  const report = JSON.parse(await downloadedBytes(download));
  assert.equal(report.format, 'adaptive-practice-report');
  assert.equal(report.learner, 'Ada L');
  assert.equal(report.answerCount, 1);
  // Version 3: skills and items as columns.
  assert.equal(report.skills.ids.length, 6);
  assert.equal(report.skills.states.length, 6);
  // The answer is listed (since version 2): its item, whole (no steps), right with no hint, 0 s
  // after the log's start; nothing the learner typed.
  assert.equal(report.version, 3);
  assert.deepEqual(report.answers.items, [report.items.ids[0]]);
  assert.equal(report.answers.answers, 'AABA');
  await widget.part('#ap-report-code').waitFor();
  assert.match(await widget.part('#ap-report-code').inputValue(), /^AP1\.[A-Za-z0-9_-]+$/);

  await widget.part('.ap-reset').click();
  await widget.part('.ap-confirm').waitFor();
  assert.equal(await widget.score(), '1 answered · 1 correct', 'nothing erased before confirming');
  await widget.part('.ap-reset-confirm').click();
  await page.waitForFunction(() =>
    document
      .querySelector('adaptive-practice')
      .shadowRoot.querySelector('.ap-score')
      .textContent.startsWith('0 answered'),
  );
  await context.close();
});

test('the learner chooses a skill to practise, then lets the widget choose again', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'index.html');
  const bank = readBank('www/banks/fractions.json');
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  // A skill whose prerequisites are not mastered yet: allowed, with a warning on the button.
  const button = widget.part('[data-skill="comparing-fractions"] .ap-choose');
  assert.match(await button.getAttribute('title'), /builds on Equivalent fractions/);
  await button.focus();
  await page.keyboard.press('Enter');
  await widget.part('.ap-focus').waitFor();
  assert.match(await widget.part('.ap-focus').textContent(), /You are practising “Comparing and ordering fractions”/);
  for (let round = 0; round < 3; round += 1) {
    const item = await widget.currentItem();
    assert.ok(item.skills.includes('comparing-fractions'), `${item.id} practises the chosen skill`);
    assert.match(
      await widget.part('.ap-why').textContent(),
      /You chose to practise “Comparing and ordering fractions”/,
    );
    await widget.part('form.ap-item input, form.ap-item select').first().focus();
    await widget.answerByKeyboard(true);
    await widget.nextByKeyboard();
  }
  await widget.part('.ap-let-choose').click();
  await widget.part('.ap-focus').waitFor({ state: 'detached' });
  assert.equal(await widget.part('[data-skill] .ap-choose').count(), 6);
  await context.close();
});

test('the learner sets a goal, sees it progress and reached; calm mode hides scores; both are kept', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'www/item-types.html');
  const bank = readBank('www/banks/item-types.json');
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  await widget.part('.ap-goal-select').selectOption('2');
  assert.equal((await widget.part('.ap-goal-progress').textContent()).trim(), '0 of 2 skills mastered');
  // Which skills: any; the one not mastered with the highest estimate is named.
  const named = async () => {
    const sentence = (await widget.part('.ap-goal-nearest').textContent()).trim();
    const [, name] = sentence.match(/^Any skills count; the closest now: “(.+)”\.$/) ?? [];
    assert.ok(name, sentence);
    const figures = await widget.masteryFigures();
    const percent = (figure) => Number(figure.match(/([0-9]+)%/)?.[1] ?? 0);
    const open = Object.entries(figures).filter(([, figure]) => !/^(Mastered|Review due)/.test(figure));
    assert.equal(percent(figures[name]), Math.max(...open.map(([, figure]) => percent(figure))), sentence);
    assert.ok(
      open.some(([skill]) => skill === name),
      `${name} is not mastered`,
    );
  };
  await named();
  for (let round = 0; round < 30; round += 1) {
    if ((await widget.part('.ap-goal-progress').textContent()).includes('Goal reached')) break;
    await named();
    await widget.part('form.ap-item input, form.ap-item select, form.ap-item button').first().focus();
    await widget.answerByKeyboard(true);
    await widget.nextByKeyboard();
  }
  assert.match(await widget.part('.ap-goal-progress').textContent(), /^2 of 2 skills mastered Goal reached!/);
  assert.equal(await widget.part('.ap-goal-nearest').count(), 0, 'no skill named once the goal is reached');
  await widget.part('.ap-calm input').check();
  assert.equal(await widget.part('.ap-score').isVisible(), false);
  assert.equal(await widget.part('.ap-skill-mastery').first().isVisible(), false);
  await page.reload();
  await widget.waitForItem();
  assert.equal(await widget.part('.ap-goal-select').inputValue(), '2');
  assert.equal(await widget.part('.ap-score').isVisible(), false, 'calm mode is kept');
  await context.close();
});

test('a skill at the mastery level but still Learning: what "Mastered" needs is said', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.tabToAnswer();
  let seen = 0;
  for (let round = 0; round < 6; round += 1) {
    const figures = Object.values(await widget.masteryFigures());
    const learningAbove = figures.some((figure) => /^Learning (8[0-9]|9[0-9]|100)%$/.test(figure));
    const said = await widget.part('.ap-mastery-needs').count();
    assert.equal(said, learningAbove ? 1 : 0, JSON.stringify(figures));
    if (learningAbove) {
      seen += 1;
      assert.equal(
        (await widget.part('.ap-mastery-needs').textContent()).trim(),
        '“Mastered” needs at least 4 answers, the last few right without hints, and an estimate clearly above 80%.',
      );
    }
    await widget.answerByKeyboard(true);
    await widget.nextByKeyboard();
  }
  assert.ok(seen > 0, 'a skill was shown at 80% or more and Learning');
  await context.close();
});
