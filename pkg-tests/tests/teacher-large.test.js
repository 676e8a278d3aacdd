// The teacher page (www/teacher.html) with a class too large to render whole: 300 learners on a
// bank of 60 skills (bench/teacher.mjs writes them). Only the cells in view are in the document,
// and the grid stays usable with the keyboard and a screen reader: every cell is reachable with the
// arrow keys, says its figure and state, and has its place in the whole grid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SCREENSHOT_FOLDER, skipInFirefox } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { writeTeacherClass } from '../../bench/teacher.mjs';

const LEARNERS = 300;
const SKILLS = 60;
const STATE_LABELS = {
  notStarted: 'not started',
  learning: 'learning',
  mastered: 'mastered',
  dueForReview: 'review due',
};

/** A report's skills, which version 3 writes as columns, as one object each. */
function skillRows({ ids, names, states, mastery, attempts, correct }) {
  return ids.map((id, k) => ({
    id,
    name: names[k],
    state: states[k],
    mastery: mastery[k],
    attempts: attempts[k],
    correct: correct[k],
  }));
}

let env;
let files;
/** The reports by learner name, as written. */
const reports = new Map();

before(async () => {
  files = writeTeacherClass(LEARNERS, SKILLS);
  const { readFileSync } = await import('node:fs');
  for (const path of files.reports) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    reports.set(report.learner, { ...report, skills: skillRows(report.skills) });
  }
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function largeClass(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.baseUrl}www/teacher.html`);
  await page.locator('#bank-status[data-bank-id="fractions"]').waitFor();
  await page.locator('#bank-url').fill(`..${files.bankPath}`);
  await page.locator('#bank-url-form button').click();
  await page.locator('#bank-status[data-bank-id="teacher-bench"]').waitFor();
  await page.setInputFiles('#report-files', files.reports);
  await page.locator('#heatmap td[data-mastery]').first().waitFor();
  return { context, page, errors };
}

/** What a screen reader gets of the focused cell: its text, place and data. */
function focused(page) {
  return page.evaluate(() => {
    const cell = document.activeElement;
    return {
      row: Number(cell.closest('tr')?.getAttribute('aria-rowindex')),
      column: Number(cell.getAttribute('aria-colindex')),
      learner: cell.dataset.learner,
      skill: cell.dataset.skill,
      state: cell.dataset.state,
      text: cell.textContent,
      title: cell.title,
      tabIndex: cell.tabIndex,
      inTabOrder: document.querySelectorAll('#heatmap [tabindex="0"]').length,
    };
  });
}

/** Checks the focused cell against the report it comes from. */
function assertCellOfReport(cell, learnerIndex, skillIndex) {
  const learner = `Learner ${String(learnerIndex + 1).padStart(4, '0')}`;
  const record = reports.get(learner).skills[skillIndex];
  assert.equal(cell.learner, learner);
  assert.equal(cell.skill, record.id);
  assert.equal(cell.row, learnerIndex + 2, 'aria-rowindex: the header is row 1');
  assert.equal(cell.column, skillIndex + 2, 'aria-colindex: the names are column 1');
  assert.equal(cell.state, record.state);
  assert.equal(cell.text, `${Math.round(record.mastery * 100)}%${STATE_LABELS[record.state]}`);
  assert.match(cell.title, new RegExp(`^${learner} · ${record.name}: \\d+ answers?, ${record.correct} right$`));
  assert.equal(cell.tabIndex, 0);
  assert.equal(cell.inTabOrder, 1, 'one cell of the grid in the tab order');
}

test('a large class renders only the cells in view, as a grid that knows its whole size', async () => {
  const { context, page, errors } = await largeClass();
  const grid = page.locator('#heatmap');
  assert.equal(await grid.getAttribute('role'), 'grid');
  assert.equal(await grid.getAttribute('aria-rowcount'), String(LEARNERS + 2));
  assert.equal(await grid.getAttribute('aria-colcount'), String(SKILLS + 1));
  const rendered = await page.locator('#heatmap td[data-learner]').count();
  assert.ok(rendered > 0 && rendered < (LEARNERS * SKILLS) / 4, `${rendered} cells rendered`);
  // The first learner and skill are shown, with the report's figures.
  const first = await page.locator('#heatmap td[data-learner="Learner 0001"]').first().textContent();
  const record = reports.get('Learner 0001').skills[0];
  assert.equal(first, `${Math.round(record.mastery * 100)}%${STATE_LABELS[record.state]}`);
  // Scrolled to the end, the last learner and the last skill are rendered.
  await page.locator('#heatmap-scroll').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight;
    scroller.scrollLeft = scroller.scrollWidth;
  });
  const last = page.locator(
    `#heatmap td[data-learner="Learner ${String(LEARNERS).padStart(4, '0')}"][data-skill="skill-${String(SKILLS - 1).padStart(3, '0')}"]`,
  );
  await last.waitFor();
  assert.ok(await last.isVisible());
  assert.ok((await page.locator('#heatmap td[data-learner]').count()) < (LEARNERS * SKILLS) / 4);
  // "Who is stuck where" lists the 100 pairs with the most answers and says how many more there are.
  const stuckAttempts = [];
  for (const report of reports.values())
    for (const s of report.skills) if (s.attempts >= 8 && s.mastery < 0.5) stuckAttempts.push(s.attempts);
  const stuck = stuckAttempts.length;
  const shownAttempts = await page
    .locator('#stuck tbody tr')
    .evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td.number').firstChild.textContent)));
  assert.deepEqual(
    shownAttempts,
    stuckAttempts.sort((a, b) => b - a).slice(0, 100),
    'the 100 pairs with the most answers, most first',
  );
  assert.ok(stuck > 100, `${stuck} stuck pairs in the class`);
  assert.equal(await page.locator('#stuck tbody tr').count(), 100);
  assert.equal(
    await page.locator('#stuck tfoot').textContent(),
    `…and ${(stuck - 100).toLocaleString('en')} more pairs: the CSV export has them all.`,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('the arrow keys, Home/End and Page Up/Down reach every cell, out of the rendered window too', async () => {
  const { context, page, errors } = await largeClass();
  await page.locator('#heatmap td[data-learner="Learner 0001"]').first().click();
  assertCellOfReport(await focused(page), 0, 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assertCellOfReport(await focused(page), 1, 1);
  // Far down, beyond the cells rendered at first.
  for (let i = 0; i < 120; i += 1) await page.keyboard.press('ArrowDown');
  assertCellOfReport(await focused(page), 121, 1);
  await page.keyboard.press('End');
  assertCellOfReport(await focused(page), 121, SKILLS - 1);
  await page.keyboard.press('PageDown');
  const paged = await focused(page);
  assert.ok(paged.row > 123, `Page Down moves by a screenful (row ${paged.row})`);
  await page.keyboard.press('Home');
  const name = await focused(page);
  assert.equal(name.column, 1);
  assert.equal(name.text, `Learner ${String(paged.row - 1).padStart(4, '0')}`);
  await page.keyboard.press('Control+End');
  const corner = await focused(page);
  assert.deepEqual([corner.row, corner.column], [LEARNERS + 2, SKILLS + 1]);
  assert.match(corner.text, /^(\d+ of 300 mastered|nobody started)$/);
  await page.keyboard.press('Control+Home');
  const top = await focused(page);
  assert.deepEqual([top.row, top.column, top.text], [1, 1, 'Learner']);
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).text, 'Skill 1');
  // Focus stays in the grid while it scrolls: Tab leaves it, Shift+Tab comes back to the same cell.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  assertCellOfReport(await focused(page), 0, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('printing renders every learner, and the window comes back after', {
  skip: skipInFirefox('emulate print media'),
}, async () => {
  const { context, page, errors } = await largeClass();
  const windowed = await page.locator('#heatmap tbody tr[aria-rowindex]').count();
  assert.ok(windowed < LEARNERS);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#heatmap tbody tr[aria-rowindex]').count(), LEARNERS);
  assert.equal(await page.locator('#heatmap thead th[data-skill]').count(), SKILLS);
  assert.equal(await page.locator('#heatmap .gap').count(), 0, 'no gaps standing for cells in a print');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.locator('#heatmap tbody tr[aria-rowindex]').count(), windowed);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, colorScheme] of [
  [360, 'dark'],
  [1280, 'light'],
]) {
  test(`the windowed grid has no axe violations and no sideways page scroll, ${colorScheme}, ${width} px`, async () => {
    const { context, page } = await largeClass({ viewport: { width, height: 800 }, colorScheme });
    await page.locator('#heatmap-scroll').evaluate((scroller) => {
      scroller.scrollTop = scroller.scrollHeight / 2;
      scroller.scrollLeft = scroller.scrollWidth / 3;
    });
    await page.waitForTimeout(100);
    assert.deepEqual(await axeViolations(page, 'body'), []);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
    await page
      .locator('section[aria-labelledby="heatmap-heading"]')
      .screenshot({ path: new URL(`teacher-large-${width}-${colorScheme}.png`, SCREENSHOT_FOLDER).pathname });
    await context.close();
  });
}
