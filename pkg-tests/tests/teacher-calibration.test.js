// The class calibrates its own bank (issue 13): a simulated class's report files (version 2, each
// answer listed) go into the teacher page with a bank whose author misjudged its items (the
// fractions bank with every difficulty negated: the class answered the bank as it is), the
// calibrated bank comes out with its calibration block, a widget loads that bank and is answered,
// and the widget's predictions and masteries are the native engine's for the same bank and
// answers (the simulator's `replay-answers`). With the bank as written, the block of a few of
// those learners predicts no better and is not written; reports of older widgets (no answers) fit no block; the
// page says what the bank holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulator } from '../lib/simulator.js';
import { downloadedBytes, launch } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const LEARNERS = 30;
/**
 * Learners of the class whose answers the bank as written already predicts (no block kept). Since
 * the shipped defaults gained the shared context slopes (model13d), a block fitted on 3 of this
 * class's learners predicts the held-out ones better than the bank alone, so the page keeps it;
 * at 2 it does not (it was 5 before).
 */
const FEW_LEARNERS = 2;
/** The answers given to the widget: right or wrong, in turn. */
const PATTERN = [true, true, false, true, false, false, true, true, true, false, true, true];
const PREDICTED = 'https://adaptive-practice.example/xapi/predicted-success';
const STEP = 'https://adaptive-practice.example/xapi/step';
const SKILLS = 'https://adaptive-practice.example/xapi/skills';

let env;
let folder;
let reportFiles;
let oldReportFiles;
let misjudgedPath;

before(async () => {
  folder = temporaryFolder('teacher-calibration-');
  const classFolder = join(folder, 'class');
  simulator('class-reports', [
    '--bank',
    'www/banks/fractions.json',
    '--learners',
    String(LEARNERS),
    '--seed',
    '29',
    '--out',
    classFolder,
  ]);
  reportFiles = readdirSync(classFolder)
    .filter((name) => /^learner-\d+\.json$/.test(name))
    .sort()
    .map((name) => join(classFolder, name));
  // The same reports as an older widget wrote them: version 1, no answers listed.
  const oldFolder = join(folder, 'old');
  mkdirSync(oldFolder);
  oldReportFiles = reportFiles.map((path, k) => {
    const { answers, ...report } = JSON.parse(readFileSync(path, 'utf8'));
    assert.ok(answers, 'the simulated reports list their answers');
    const oldPath = join(oldFolder, `learner-${k}.json`);
    writeFileSync(oldPath, JSON.stringify({ ...report, version: 1 }));
    return oldPath;
  });
  // The bank as an author who misjudged every item would have written it.
  const bank = readBank('www/banks/fractions.json');
  misjudgedPath = join(folder, 'misjudged.json');
  writeFileSync(
    misjudgedPath,
    JSON.stringify({
      ...bank,
      title: 'Fractions, misjudged',
      items: bank.items.map((item) => ('difficulty' in item ? { ...item, difficulty: -item.difficulty } : item)),
    }),
  );
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** The teacher page with `reports` chosen; `bankPath`, when given, is chosen as the bank file. */
async function teacherPage(reports, bankPath = null) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(env.baseUrl + 'www/teacher.html');
  await page.locator('#bank-status[data-bank-id="fractions"]').waitFor();
  if (bankPath) {
    const { title } = JSON.parse(readFileSync(bankPath, 'utf8'));
    await page.setInputFiles('#bank-file', bankPath);
    await page.waitForFunction((t) => document.getElementById('bank-status').textContent.startsWith(`${t}:`), title);
  }
  await page.setInputFiles('#report-files', reports);
  await page.waitForFunction(() => /^Calibrated from/.test(document.getElementById('calibration-status').textContent));
  const contents = await page.locator('#bank-contents').textContent();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calibrated bank' }).click(),
  ]);
  const text = (await downloadedBytes(download)).toString('utf8');
  return { context, page, errors, contents, text, bank: JSON.parse(text) };
}

/** Answers the widget on `bankText` (served in place of the demo's bank) as PATTERN says. */
async function answerWidget(bankText) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/www/banks/fractions.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: bankText }),
  );
  await page.addInitScript(() => {
    window.practiceEvents = [];
    for (const name of ['adaptive-practice:answer', 'adaptive-practice:progress'])
      document.addEventListener(name, (event) => window.practiceEvents.push({ name, detail: event.detail }));
  });
  await page.goto(env.baseUrl + 'index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.tabToAnswer();
  for (const [index, right] of PATTERN.entries()) {
    await widget.answerByKeyboard(right);
    if (index < PATTERN.length - 1) await widget.nextByKeyboard();
  }
  const events = await page.evaluate(() => window.practiceEvents);
  await context.close();
  assert.deepEqual(errors, []);
  const answers = events
    .filter((e) => e.name === 'adaptive-practice:answer')
    .map(({ detail }) => ({
      item: detail.object.id.slice(detail.object.id.lastIndexOf('#') + 1),
      part: detail.object.definition.extensions[STEP],
      correct: detail.result.success,
      hints: 0,
      at: Date.parse(detail.timestamp),
      predicted: detail.result.extensions[PREDICTED],
    }));
  const progress = events.filter((e) => e.name === 'adaptive-practice:progress').at(-1).detail;
  return { answers, skills: progress.result.extensions[SKILLS] };
}

/** The native engine's figures for `answers` on the bank in `bankPath`. */
function replayNatively(bankPath, answers, withoutCalibration = false) {
  const answersPath = join(folder, 'answers.json');
  writeFileSync(answersPath, JSON.stringify(answers));
  const args = ['--bank', bankPath, '--answers', answersPath];
  return JSON.parse(simulator('replay-answers', withoutCalibration ? [...args, '--without-calibration'] : args));
}

test('the page fits the calibration block from the class, and a widget on that bank predicts as the native engine', async () => {
  const teacher = await teacherPage(reportFiles, misjudgedPath);
  const answerCount = reportFiles.reduce((sum, path) => sum + JSON.parse(readFileSync(path, 'utf8')).answerCount, 0);
  const block = teacher.bank.calibration;
  assert.ok(block, 'the downloaded bank has a calibration block');
  assert.deepEqual(block.fitted, { learners: LEARNERS, answers: answerCount });
  assert.ok(Object.keys(block.items).length > 10, 'items answered have parameters');
  assert.ok(Object.values(block.items).some(([easiness]) => easiness !== 0));
  assert.ok(block.weights.some((weight) => weight !== 0));
  assert.match(
    teacher.contents,
    new RegExp(
      `difficulties and a calibration block fitted on ${answerCount.toLocaleString('en')} answers by ${LEARNERS} learners of this class.*` +
        'it predicted their answers better than the bank without a block: log-loss ([\\d.]+) against ([\\d.]+)\\)',
    ),
  );
  const [, blockLoss, withoutLoss] = teacher.contents.match(/log-loss ([\d.]+) against ([\d.]+)/);
  assert.ok(Number(blockLoss) < Number(withoutLoss), `log-loss ${blockLoss} against ${withoutLoss}`);
  assert.deepEqual(await axeViolations(teacher.page, 'body'), []);
  assert.deepEqual(teacher.errors, []);
  await teacher.context.close();

  const bankPath = join(folder, 'calibrated.json');
  writeFileSync(bankPath, teacher.text);
  const widget = await answerWidget(teacher.text);
  assert.equal(widget.answers.length, PATTERN.length);
  assert.deepEqual(
    widget.answers.map((a) => a.correct),
    PATTERN,
  );
  const native = replayNatively(bankPath, widget.answers);
  assert.equal(native.calibrated, true);
  for (const [k, { item, predicted }] of widget.answers.entries()) {
    assert.ok(
      Math.abs(predicted - native.predictions[k]) <= 1e-9,
      `answer ${k} (${item}): widget ${predicted}, engine ${native.predictions[k]}`,
    );
  }
  // The progress event gives each mastery to 3 decimals.
  assert.deepEqual(
    widget.skills.map(({ id, state, mastery }) => ({ id, state, mastery })),
    native.skills.map(({ id, state, mastery }) => ({ id, state, mastery: Math.round(mastery * 1000) / 1000 })),
  );
  // The calibration is what made these figures: without it the engine predicts otherwise.
  const uncalibrated = replayNatively(bankPath, widget.answers, true);
  assert.equal(uncalibrated.calibrated, false);
  const moved = uncalibrated.predictions.filter((p, k) => Math.abs(p - native.predictions[k]) > 1e-3);
  assert.ok(moved.length >= PATTERN.length / 2, `predictions with and without the block: ${moved.length} differ`);
});

test('the bank as written gains no block from a few of its learners, and the page says why', async () => {
  const few = reportFiles.slice(0, FEW_LEARNERS);
  const teacher = await teacherPage(few);
  const answerCount = few.reduce((sum, path) => sum + JSON.parse(readFileSync(path, 'utf8')).answerCount, 0);
  assert.equal(teacher.bank.calibration, undefined);
  assert.match(
    teacher.contents,
    new RegExp(
      `Your class's ${answerCount.toLocaleString('en')} answers are too few to improve on the bank's predictions: .*` +
        "none is written: the calibrated bank holds the items' difficulties only",
    ),
  );
  assert.deepEqual(await axeViolations(teacher.page, 'body'), []);
  assert.deepEqual(teacher.errors, []);
  await teacher.context.close();
});

test('reports without answers fit no block; a bank with an earlier block keeps it, and the page says so', async () => {
  const plain = await teacherPage(oldReportFiles);
  assert.equal(plain.bank.calibration, undefined);
  assert.match(plain.contents, /difficulties only, no calibration block: no report used lists its answers one by one/);
  await plain.context.close();

  const calibrated = await teacherPage(reportFiles, misjudgedPath);
  assert.ok(calibrated.bank.calibration, 'the class gives the misjudged bank a block');
  await calibrated.context.close();
  const calibratedPath = join(folder, 'with-block.json');
  // Titled otherwise, so that the page tells when it uses it.
  writeFileSync(calibratedPath, JSON.stringify({ ...calibrated.bank, title: 'Fractions, calibrated' }));
  const kept = await teacherPage(oldReportFiles, calibratedPath);
  assert.deepEqual(kept.bank.calibration, calibrated.bank.calibration);
  assert.match(
    kept.contents,
    /keeps the bank's earlier calibration block, fitted on [\d,]+ answers by 30 learners before this class, unchanged/,
  );
  assert.deepEqual(await axeViolations(kept.page, 'body'), []);
  await kept.context.close();
});
