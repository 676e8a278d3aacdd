// The teacher page (www/teacher.html) with a simulated class: the simulator's class-reports
// binary writes 30 report files and its own figures (expected.json); the page must show the same
// figures, list the files it cannot use, export them, and calibrate the bank in the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { downloadedBytes, launch, skipInFirefox } from '../lib/browser.js';
import { simulator } from '../lib/simulator.js';
import { axeViolations } from '../lib/axe.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const STATE_LABELS = {
  notStarted: 'not started',
  learning: 'learning',
  mastered: 'mastered',
  dueForReview: 'review due',
};
/** A report carries mastery to 4 decimals; the engine's own figure may differ by this much. */
const REPORT_PRECISION = 0.00005 + 1e-12;

let env;
let folder;
let expected;
let reportFiles;
const bank = JSON.parse(readFileSync(join(repositoryRoot, 'www/banks/fractions.json'), 'utf8'));

/** Simulates a class of 30 learners on the fractions bank; their reports go to `out`. */
function simulateClass(out, seed, more = []) {
  simulator('class-reports', [
    '--bank',
    'www/banks/fractions.json',
    '--learners',
    '30',
    '--seed',
    String(seed),
    ...more,
    '--out',
    out,
  ]);
}

before(async () => {
  folder = temporaryFolder('teacher-test-');
  const classFolder = join(folder, 'class');
  simulateClass(classFolder, 7);
  expected = JSON.parse(readFileSync(join(classFolder, 'expected.json'), 'utf8'));
  reportFiles = readdirSync(classFolder)
    .filter((name) => /^learner-\d+\.json$/.test(name))
    .sort()
    .map((name) => join(classFolder, name));
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** What a teacher does on the page: load the bank, hand in reports, read the results. */
class TeacherPage {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
  }

  async open() {
    await this.page.goto(env.baseUrl + 'www/teacher.html');
    await this.page.locator('#bank-status[data-bank-id="fractions"]').waitFor();
  }

  async addFiles(paths) {
    await this.page.setInputFiles('#report-files', paths);
  }

  async addCodes(text) {
    await this.page.locator('#codes').fill(text);
    await this.page.getByRole('button', { name: 'Add codes' }).click();
  }

  async waitForCalibration() {
    await this.page.waitForFunction(() =>
      /^Calibrated from/.test(document.getElementById('calibration-status').textContent),
    );
  }

  /** Every heatmap cell: learner, skill, mastery (the number), state and the text shown. */
  async cells() {
    return this.page.locator('#heatmap td[data-learner]').evaluateAll((cells) =>
      cells.map((cell) => ({
        learner: cell.dataset.learner,
        skill: cell.dataset.skill,
        mastery: Number(cell.dataset.mastery),
        state: cell.dataset.state,
        text: cell.textContent,
      })),
    );
  }

  async stuckPairs() {
    return this.page
      .locator('#stuck tbody tr')
      .evaluateAll((rows) => rows.map((row) => `${row.dataset.learner} / ${row.dataset.skill}`));
  }

  async skipped() {
    return this.page.locator('#skipped-list li').allTextContents();
  }

  /** Clicks a download button; returns the downloaded file's text. */
  async download(buttonName) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    return { name: download.suggestedFilename(), text: (await downloadedBytes(download)).toString('utf8') };
  }
}

async function classPage(options = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, ...options });
  const teacher = new TeacherPage(await context.newPage());
  await teacher.open();
  await teacher.addFiles(reportFiles);
  await teacher.page.locator('#heatmap td[data-mastery]').first().waitFor();
  await teacher.waitForCalibration();
  return { context, teacher };
}

/** The whole percents a mastery may show as, given the report's 4-decimal precision. */
function acceptablePercents(mastery) {
  return new Set([mastery - REPORT_PRECISION, mastery, mastery + REPORT_PRECISION].map((m) => Math.round(m * 100)));
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; lines end in CRLF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

test('the heatmap shows, for every learner and skill, the mastery and state the engine computed', async () => {
  const { context, teacher } = await classPage();
  const cells = await teacher.cells();
  assert.equal(cells.length, 30 * bank.skills.length);
  const byKey = new Map(cells.map((cell) => [`${cell.learner}/${cell.skill}`, cell]));
  for (const learner of expected.learners) {
    for (const figures of learner.skills) {
      const cell = byKey.get(`${learner.learner}/${figures.id}`);
      assert.ok(cell, `a cell for ${learner.learner}, ${figures.id}`);
      const where = `${learner.learner}, ${figures.id}`;
      const percent = Math.round(cell.mastery * 100);
      assert.ok(
        acceptablePercents(figures.mastery).has(percent),
        `${where}: ${percent}% shown, the engine computed ${figures.mastery}`,
      );
      assert.ok(
        Math.abs(cell.mastery - figures.mastery) <= REPORT_PRECISION,
        `${where}: data-mastery ${cell.mastery} vs ${figures.mastery}`,
      );
      assert.equal(cell.state, figures.state, where);
      assert.match(
        cell.text,
        new RegExp(`^${percent}%${STATE_LABELS[figures.state]}$`),
        `${where}: the state is written, not only coloured`,
      );
    }
  }
  // The headers as a screen reader reads them (a cut word is shown, and hidden from it).
  const header = await teacher.page.locator('#heatmap thead th').evaluateAll((cells) =>
    cells.map((cell) =>
      [...cell.childNodes]
        .filter((child) => child.nodeType === Node.TEXT_NODE || child.getAttribute('aria-hidden') !== 'true')
        .map((child) => child.textContent)
        .join(''),
    ),
  );
  assert.deepEqual(header, ['Learner', ...bank.skills.map((skill) => skill.name)]);
  assert.equal(await teacher.page.locator('#heatmap tbody th[scope="row"]').count(), 30);
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

test('"who is stuck where" lists the pairs still learning with 8+ answers and mastery under 50%, most answers first', async () => {
  const { context, teacher } = await classPage();
  const attempts = new Map();
  const wanted = [];
  const borderline = new Set();
  for (const learner of expected.learners) {
    for (const figures of learner.skills) {
      const key = `${learner.learner} / ${figures.id}`;
      attempts.set(key, figures.attempts);
      if (Math.abs(figures.mastery - 0.5) <= REPORT_PRECISION) borderline.add(key);
      else if (figures.attempts >= 8 && figures.mastery < 0.5 && figures.state === 'learning') wanted.push(key);
    }
  }
  assert.ok(wanted.length >= 5, 'the simulated class has learners who are stuck');
  const shown = await teacher.stuckPairs();
  assert.deepEqual(shown.filter((key) => !borderline.has(key)).sort(), [...wanted].sort());
  const shownAttempts = shown.map((key) => attempts.get(key));
  assert.deepEqual(
    shownAttempts,
    [...shownAttempts].sort((a, b) => b - a),
    'sorted by attempts, most first',
  );
  await context.close();
});

test('a skill due for review is not "stuck", whatever its mastery and answers', async () => {
  const stuck = expected.learners.flatMap((learner) =>
    learner.skills
      .filter((f) => f.attempts >= 8 && f.mastery < 0.5 - REPORT_PRECISION && f.state === 'learning')
      .map((f) => ({ learner, id: f.id })),
  );
  assert.ok(stuck.length >= 2, 'the simulated class has learners who are stuck');
  // The first stuck pair's skill, reported as mastered once and now due for review.
  const [{ learner, id }] = stuck;
  const extra = join(folder, 'due');
  mkdirSync(extra, { recursive: true });
  const files = reportFiles.map((path) => {
    if (!path.endsWith(learner.file)) return path;
    const report = JSON.parse(readFileSync(path, 'utf8'));
    // Version 3 writes skills as columns.
    report.skills.states[report.skills.ids.indexOf(id)] = 'dueForReview';
    const changed = join(extra, learner.file);
    writeFileSync(changed, JSON.stringify(report));
    return changed;
  });
  const context = await env.browser.newContext();
  const teacher = new TeacherPage(await context.newPage());
  await teacher.open();
  await teacher.addFiles(files);
  await teacher.page.locator('#stuck tbody tr').first().waitFor();
  const shown = await teacher.stuckPairs();
  assert.ok(!shown.includes(`${learner.learner} / ${id}`), `${learner.learner} / ${id} is due for review`);
  assert.ok(shown.includes(`${stuck[1].learner.learner} / ${stuck[1].id}`), 'the others are still listed');
  assert.equal(await teacher.page.locator('#flagged').isVisible(), false, 'the changed report is plausible');
  await context.close();
});

test('learners who answer mostly wrong but are stuck on no single skill are named as struggling', async () => {
  // A class that has just begun (8 to 14 items each): no skill has 8 answers yet, so "who is stuck
  // where" lists nobody, yet some learners have answered most items wrong.
  const beginners = join(folder, 'beginners');
  simulateClass(beginners, 1, ['--fewest-items', '8', '--most-items', '14']);
  const { learners } = JSON.parse(readFileSync(join(beginners, 'expected.json'), 'utf8'));
  const wanted = [];
  const borderline = new Set();
  for (const learner of learners) {
    const { items } = JSON.parse(readFileSync(join(beginners, learner.file), 'utf8'));
    const answers = items.attempts.reduce((sum, count) => sum + count, 0);
    const right = items.correct.reduce((sum, count) => sum + count, 0);
    const stuck = learner.skills.some((f) => f.attempts >= 8 && f.mastery < 0.5 && f.state === 'learning');
    if (learner.skills.some((f) => f.attempts >= 8 && Math.abs(f.mastery - 0.5) <= REPORT_PRECISION))
      borderline.add(learner.learner);
    else if (!stuck && answers >= 10 && right < 0.3 * answers)
      wanted.push(`${learner.learner}, ${right} right of ${answers}`);
  }
  assert.ok(wanted.length >= 2, `the simulated class has struggling learners: ${wanted}`);
  const context = await env.browser.newContext();
  const teacher = new TeacherPage(await context.newPage());
  await teacher.open();
  await teacher.addFiles(
    readdirSync(beginners)
      .filter((name) => /^learner-\d+\.json$/.test(name))
      .map((name) => join(beginners, name)),
  );
  const note = teacher.page.locator('#struggling');
  await note.waitFor();
  const text = await note.textContent();
  assert.match(text, /^Struggling across skills \(10 or more answers, under 30% right, stuck on no single skill\): /);
  const shown = text
    .replace(/^[^:]*: /, '')
    .replace(/\.$/, '')
    .split('; ')
    .filter((entry) => !borderline.has(entry.split(',')[0]));
  assert.deepEqual(shown.sort(), wanted.sort());
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

test('a damaged file, a report for another bank, a duplicate, a bank and a file too large are skipped with the reason', async () => {
  const { context, teacher } = await classPage();
  const extra = join(folder, 'extra');
  mkdirSync(extra, { recursive: true });
  const text = readFileSync(reportFiles[0], 'utf8');
  const foreign = { ...JSON.parse(text), bankId: 'percentages', learner: 'Someone Else' };
  const files = {
    'damaged.json': text.slice(0, text.length / 2),
    'other-bank.json': JSON.stringify(foreign),
    'learner-01-again.json': text,
    'not-a-report.json': JSON.stringify({ hello: 'world' }),
    // A report in itself, but larger than any report can be: not read past the limit.
    'too-large.json': text + ' '.repeat(5_200_000),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(extra, name), content);
  await teacher.addFiles([
    ...Object.keys(files).map((name) => join(extra, name)),
    join(repositoryRoot, 'www/banks/percentages.json'),
  ]);
  await teacher.page.locator('#skipped-list li').nth(5).waitFor();
  const skipped = await teacher.skipped();
  assert.equal(skipped.length, 6);
  assert.match(
    skipped.find((s) => s.startsWith('damaged.json')),
    /damaged file/,
  );
  assert.match(
    skipped.find((s) => s.startsWith('other-bank.json')),
    /another bank \(“percentages”\)/,
  );
  assert.match(
    skipped.find((s) => s.startsWith('learner-01-again.json')),
    /duplicate of learner-01\.json/,
  );
  assert.match(
    skipped.find((s) => s.startsWith('not-a-report.json')),
    /not an adaptive-practice report/,
  );
  assert.match(
    skipped.find((s) => s.startsWith('percentages.json')),
    /a bank, not a report/,
  );
  assert.match(
    skipped.find((s) => s.startsWith('too-large.json')),
    /too large for a report \(5 MB\)/,
  );
  assert.equal(await teacher.page.locator('#heatmap tbody tr').count(), 30, 'the class is unchanged');
  assert.match(await teacher.page.locator('#reports-status').textContent(), /30 learners in the overview, 6 skipped/);
  assert.deepEqual(teacher.errors, [], 'nothing crashed and the Content-Security-Policy blocked nothing');
  await context.close();
});

test('CSV export has one row per learner and skill, and the calibrated bank is the bank with new difficulties', async () => {
  const { context, teacher } = await classPage();
  const csv = await teacher.download('Export CSV');
  assert.equal(csv.name, 'fractions-class.csv');
  const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  assert.deepEqual(rows[0], ['learner', 'skill', 'state', 'mastery', 'attempts', 'correct']);
  assert.equal(rows.length - 1, 30 * bank.skills.length);
  const first = expected.learners[0];
  const firstRow = rows.find((row) => row[0] === first.learner && row[1] === bank.skills[0].name);
  assert.ok(firstRow, 'a row for the first learner and skill');
  assert.equal(firstRow[2], STATE_LABELS[first.skills[0].state]);
  assert.ok(Math.abs(Number(firstRow[3]) - first.skills[0].mastery) <= REPORT_PRECISION);
  assert.equal(Number(firstRow[4]), first.skills[0].attempts);
  assert.equal(Number(firstRow[5]), first.skills[0].correct);
  assert.ok(rows.every((row) => row.length === 6));

  const download = await teacher.download('Download calibrated bank');
  assert.equal(download.name, 'fractions-calibrated.json');
  const calibrated = JSON.parse(download.text);
  assert.deepEqual(
    calibrated.items.map((item) => item.id),
    bank.items.map((item) => item.id),
  );
  assert.deepEqual(calibrated.skills, bank.skills);
  assert.ok(calibrated.items.every((item) => Number.isFinite(item.difficulty)));
  assert.ok(
    calibrated.items.some((item, i) => item.difficulty !== bank.items[i].difficulty),
    'some difficulty changed',
  );

  assert.match(
    await teacher.page.locator('#calibration-status').textContent(),
    /by 30 learners\.$/,
    'the engine used every report',
  );
  const hardest = await teacher.page.locator('#items tbody tr').count();
  assert.equal(hardest, 10);
  await context.close();
});

/**
 * The answers a report lists one by one (its `answers` field, read here as the format is
 * documented, not with the engine): [{ item, part, verdict, hints, seconds }], verdict 0 wrong,
 * 1 right, 2 partial; part null for a whole item.
 */
function reportAnswers(report) {
  const log = report.answers;
  if (!log) return [];
  assert.equal(log.version, 1);
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const numbers = [];
  let number = 0;
  let shift = 0;
  for (const character of log.answers) {
    const value = digits.indexOf(character);
    assert.ok(value >= 0, `a character of the alphabet: ${character}`);
    number += (value % 32) * 2 ** shift;
    if (value >= 32) shift += 5;
    else {
      numbers.push(number);
      number = 0;
      shift = 0;
    }
  }
  assert.equal(numbers.length % 4, 0, 'four numbers an answer');
  const answers = [];
  let seconds = log.start;
  for (let k = 0; k < numbers.length; k += 4) {
    const [item, part, verdictAndHints, sincePrevious] = numbers.slice(k, k + 4);
    seconds += sincePrevious;
    answers.push({
      item: log.items[item],
      part: part === 0 ? null : part - 1,
      verdict: verdictAndHints % 3,
      hints: Math.floor(verdictAndHints / 3),
      seconds,
    });
  }
  return answers;
}

test("reports list every answer, and the class's answers download as a kt-format TSV", async () => {
  const reports = reportFiles.map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const skillsOf = new Map(bank.items.map((item) => [item.id, item.skills.join(',')]));
  const expectedRows = [];
  reports.forEach((report, k) => {
    assert.equal(report.version, 3);
    const answers = reportAnswers(report);
    // Every answer is listed, and the list agrees with the report's counts.
    assert.equal(answers.length, report.answerCount);
    assert.equal(answers.filter((answer) => answer.verdict !== 0).length, report.correctCount);
    for (const answer of answers) {
      assert.ok(skillsOf.has(answer.item), `${answer.item} is in the bank`);
      const item = answer.part === null ? answer.item : `${answer.item}#${answer.part}`;
      const correct = answer.verdict === 0 ? '0' : '1';
      expectedRows.push([String(k + 1), item, String(answer.seconds), correct, skillsOf.get(answer.item)].join('\t'));
    }
  });
  assert.ok(expectedRows.length > 30 * 5, 'the class answered');

  const { context, teacher } = await classPage();
  const download = await teacher.download("Download the class's answers (TSV)");
  assert.equal(download.name, 'fractions-answers.tsv');
  const lines = download.text.split('\n');
  assert.equal(lines.shift(), 'user_id\titem_id\ttimestamp\tcorrect\tskill_id');
  assert.equal(lines.pop(), '', 'the file ends with a line break');
  assert.deepEqual(lines, expectedRows);
  for (const report of reports) assert.ok(!download.text.includes(report.learner), 'no learner is named');
  assert.equal(
    await teacher.page.locator('#answers-status').textContent(),
    `Downloaded ${expectedRows.length.toLocaleString('en')} answers of 30 learners, numbered in the order of the reports.`,
  );
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

test('a short code (deflate-raw + base64url) adds its learner; a damaged code is skipped', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const teacher = new TeacherPage(await context.newPage());
  await teacher.open();
  const report = { ...JSON.parse(readFileSync(reportFiles[4], 'utf8')), learner: 'Ana Code, "the 2nd"' };
  const code = 'AP1.' + deflateRawSync(Buffer.from(JSON.stringify(report))).toString('base64url');
  // Wrapped over two lines, as a chat might do, ending a sentence (its full stop pasted with it),
  // with a damaged code after it.
  await teacher.addCodes(`${code.slice(0, 40)}\n${code.slice(40)}.\nAP1.bm90IGEgcmVwb3J0`);
  const cell = teacher.page.locator(`#heatmap td[data-learner='Ana Code, "the 2nd"'][data-skill="fraction-meaning"]`);
  await cell.waitFor();
  assert.equal(Number(await cell.getAttribute('data-mastery')), report.skills.mastery[0]);
  assert.deepEqual(await teacher.skipped(), [
    'short code 2: a damaged short code (it cannot be unpacked; is part of it missing?).',
  ]);
  // RFC 4180 quoting of a name with a comma and quotes.
  const csv = await teacher.download('Export CSV');
  assert.match(csv.text, /\r\n"Ana Code, ""the 2nd""",What a fraction means,/);
  assert.equal(parseCsv(csv.text.replace(/^\uFEFF/, ''))[1][0], 'Ana Code, "the 2nd"');
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

test('a report file dropped on the drop zone is added', async () => {
  const context = await env.browser.newContext();
  const teacher = new TeacherPage(await context.newPage());
  await teacher.open();
  const text = readFileSync(reportFiles[2], 'utf8');
  await teacher.page.locator('#drop-zone').evaluate((zone, content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await teacher.page.locator(`#heatmap td[data-learner="${expected.learners[2].learner}"]`).first().waitFor();
  assert.equal(await teacher.page.locator('#heatmap tbody tr').count(), 1);
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

test('reports are read and the items calibrated in workers, and the progress bars go away when done', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const teacher = new TeacherPage(page);
  await teacher.open();
  await teacher.addFiles(reportFiles);
  await page.locator('#heatmap td[data-mastery]').first().waitFor();
  await teacher.waitForCalibration();
  const engineWorkers = workers.filter((url) => url.endsWith('/www/teacher-worker.js'));
  assert.ok(engineWorkers.length >= 2, `reading and calibrating workers: ${workers.join(', ')}`);
  assert.equal(await page.locator('#reading').isVisible(), false);
  assert.equal(await page.locator('#calibration-progress').isVisible(), false);
  assert.equal(await teacher.page.locator('#heatmap tbody tr').count(), 30);
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

test('without module workers the page reads and calibrates in its own thread', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.Worker = undefined;
  });
  const teacher = new TeacherPage(await context.newPage());
  await teacher.open();
  await teacher.addFiles(reportFiles);
  await teacher.page.locator('#heatmap td[data-mastery]').first().waitFor();
  await teacher.waitForCalibration();
  assert.equal((await teacher.cells()).length, 30 * bank.skills.length);
  assert.match(await teacher.page.locator('#calibration-status').textContent(), /by 30 learners\.$/);
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

test('printing hides the controls and keeps the results', { skip: skipInFirefox('emulate print media') }, async () => {
  const { context, teacher } = await classPage();
  await teacher.page.emulateMedia({ media: 'print' });
  assert.equal(await teacher.page.getByRole('button', { name: 'Export CSV' }).isVisible(), false);
  assert.equal(await teacher.page.locator('#report-files').isVisible(), false);
  assert.equal(await teacher.page.locator('#heatmap').isVisible(), true);
  assert.equal(await teacher.page.locator('#stuck').isVisible(), true);
  await context.close();
});

test('"hardest items" shows each prompt as plain text, as the widget reads its markup', async () => {
  // The fractions bank with markup in every prompt: emphasis and math.
  const marked = {
    ...bank,
    title: 'Fractions, marked up',
    items: bank.items.map((item) => ({ ...item, prompt: `**Look** at $\\frac{1}{2}$: ${item.prompt}` })),
  };
  const bankPath = join(folder, 'marked-bank.json');
  writeFileSync(bankPath, JSON.stringify(marked));
  const context = await env.browser.newContext();
  const teacher = new TeacherPage(await context.newPage());
  await teacher.open();
  await teacher.page.setInputFiles('#bank-file', bankPath);
  await teacher.page.waitForFunction(() =>
    /^Fractions, marked up/.test(document.getElementById('bank-status').textContent),
  );
  await teacher.addFiles(reportFiles);
  await teacher.page.locator('#items tbody tr').first().waitFor();
  const prompts = await teacher.page.locator('#items tbody .prompt').allTextContents();
  assert.ok(prompts.length >= 5, 'the hardest items are listed');
  for (const prompt of prompts) assert.match(prompt, /^Look at 1\/2: \S/, 'no markup shown');
  assert.deepEqual(teacher.errors, []);
  await context.close();
});

for (const width of [1280, 360]) {
  test(`the heatmap's column headers break between words only, ${width} px`, async () => {
    const { context, teacher } = await classPage({ viewport: { width, height: 800 } });
    const headers = await teacher.page.locator('#heatmap thead th[data-skill]').evaluateAll((cells) =>
      cells.map((cell) => {
        const shown = cell.querySelector('[aria-hidden="true"]') ?? cell;
        const text = shown.textContent;
        // A word the lines break inside has more than one box.
        const brokenWords = [];
        const node = shown.firstChild;
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) brokenWords.push(match[0]);
        }
        const heard = [...cell.childNodes]
          .filter((child) => child.nodeType === Node.TEXT_NODE || child.getAttribute('aria-hidden') !== 'true')
          .map((child) => child.textContent)
          .join('');
        return { title: cell.title, shown: text, heard, brokenWords, overflows: cell.scrollWidth > cell.clientWidth };
      }),
    );
    assert.deepEqual(
      headers.map((h) => h.title),
      bank.skills.map((skill) => skill.name),
    );
    for (const header of headers) {
      assert.deepEqual(header.brokenWords, [], `${header.title}: shown as ${header.shown}`);
      assert.equal(header.overflows, false, header.title);
      assert.equal(header.heard, header.title, 'a screen reader hears the whole name');
    }
    assert.ok(
      headers.some((h) => h.shown.includes('…')),
      'a word too wide for its column is cut (the bank has one at these widths)',
    );
    await context.close();
  });
}

for (const [width, colorScheme] of [
  [360, 'light'],
  [1280, 'dark'],
]) {
  test(`no axe violations and no sideways scrolling of the page, ${colorScheme}, ${width} px`, async () => {
    const { context, teacher } = await classPage({ viewport: { width, height: 800 }, colorScheme });
    assert.deepEqual(await axeViolations(teacher.page, 'body'), []);
    const overflow = await teacher.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
    await context.close();
  });
}
