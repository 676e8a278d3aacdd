// The authoring page (www/author.html): a new bank of every item type written from an empty
// start with the keyboard only, each item answered right in the live preview, the bank saved as a
// file and played by the widget; a planted error shown at its field; undo; the draft kept across
// a reload; rows pasted from a spreadsheet; French and Arabic; axe-clean at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ITEM_TYPES } from '../lib/author-page.js';
import { BROWSER, downloadedBytes, launch } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { PracticeWidget } from '../lib/practice-widget.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
// One folder per browser: scripts/test.sh runs this file in Chromium and Firefox at the same time.
const scratch = `www/generated/author-test-${BROWSER}`;
const DRAFT_KEY = 'adaptive-practice-author-draft';

let env;
let context;
let page;

before(async () => {
  env = await launch();
  context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  page = await openPage();
  mkdirSync(`${repositoryRoot}${scratch}`, { recursive: true });
});

after(async () => {
  await env?.close();
  rmSync(`${repositoryRoot}${scratch}`, { recursive: true, force: true });
});

/** A new tab of the test's context, failing the test on any page error. */
async function openPage() {
  const opened = await context.newPage();
  opened.on('pageerror', (error) => {
    // Firefox reports a CSP block of an inline style as a page error; the page and the widget set
    // none (their styles are files and constructed sheets), but Firefox's test driver tools do.
    if (/blocked an inline style/.test(error.message)) return;
    assert.fail(`page error: ${error.message}`);
  });
  return opened;
}

/**
 * Where the focus is, in one call to the page: the focused element's accessible label as the page
 * gives it (through shadow roots; `null` when the page itself has lost the focus, Tab having gone
 * past its last control into the browser's own interface), and whether it `wrapped`: moved the
 * wrong way from where the last call left it (`forward` true or false; null for the first call).
 */
function focusState(forward = null) {
  return page.evaluate((forward) => {
    const previous = window.tabbedFrom;
    const now = document.activeElement;
    window.tabbedFrom = now;
    let wrapped = false;
    if (forward !== null && previous && now && previous !== now && previous !== document.body) {
      const following = previous.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_FOLLOWING;
      wrapped = forward ? !following : Boolean(following);
    }
    if (!document.hasFocus()) return { label: null, wrapped };
    let element = now;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return { label: '', wrapped };
    const label = (
      element.getAttribute('aria-label') ??
      element.labels?.[0]?.textContent ??
      (element.tagName === 'BUTTON' ? element.textContent : '') ??
      ''
    ).trim();
    return { label, wrapped };
  }, forward);
}

/**
 * Presses Tab (or Shift+Tab) until the focused control's label is `label` (a string or RegExp).
 * Tab past the page's last control (or Shift+Tab before its first) leaves the page: Chromium
 * headless wraps around to the other end, Firefox moves to its toolbar and, headless, does not
 * give the page its focus back when Tab returns to it (keys still move the focus, but Enter no
 * longer activates a button). So a walk that leaves the page fails here, in both browsers.
 */
async function tabTo(label, { backwards = false, limit = 200 } = {}) {
  const matches = (text) => (typeof label === 'string' ? text === label : label.test(text));
  let focused = await focusState();
  for (let presses = 0; presses < limit; presses += 1) {
    if (focused.wrapped || focused.label === null) {
      throw new Error(`Tab left the page on the way to "${label}": tab the other way`);
    }
    if (matches(focused.label)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    focused = await focusState(!backwards);
  }
  throw new Error(`Tab never reached "${label}"; focus is on "${focused.label}"`);
}

async function typeInto(label, text, options) {
  await tabTo(label, options);
  await page.keyboard.type(text);
}

/** What the test writes for each type, with the keyboard, once the item is added. */
const RECIPES = {
  singleChoice: async () => {
    await page.keyboard.type('Which number is even?');
    await typeInto('Choice 1', '7');
    await typeInto('Choice 1 is right', '');
    // The arrow moves the focus to the next radio button too, past the text of choice 2.
    await page.keyboard.press('ArrowDown');
    await typeInto('Choice 2', '12', { backwards: true });
    await typeInto('Feedback when choice 2 is picked (optional)', '12 = 6 × 2.');
  },
  multipleResponse: async () => {
    await page.keyboard.type('Which numbers are prime?');
    await typeInto('Choice 1', '2');
    await typeInto('Choice 2', '9');
    await tabTo('Add choice');
    await page.keyboard.press('Enter');
    await page.keyboard.type('11');
    await tabTo('Choice 3 is right');
    await page.keyboard.press('Space');
  },
  numeric: async () => {
    await page.keyboard.type('What is $\\frac{1}{2} + \\frac{1}{4}$?');
    await typeInto('Right answer (a number, a fraction such as 3/4, or {{…}})', '3/4');
    await tabTo('Add hint');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Write both in quarters.');
  },
  mathExpression: async () => {
    await page.keyboard.type('Expand $3(x + 2)$.');
    await typeInto('Right answer (LaTeX or plain: 3x + 6, \\frac{7}{12}, h = 2A/b)', '3x + 6');
  },
  shortText: async () => {
    await page.keyboard.type('What is the top number of a fraction called?');
    await typeInto('Accepted answer 1', 'numerator');
  },
  ordering: async () => {
    await page.keyboard.type('Order from smallest to largest.');
    await typeInto('Entry 1', '1/4');
    await typeInto('Entry 2', '1/3');
    await tabTo('Add entry');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1/2');
  },
  fillBlanks: async () => {
    await page.keyboard.type('In 3/4, 3 is the [[1]].');
    await typeInto('Accepted answers for [[1]], one per line', 'numerator');
  },
  matching: async () => {
    await page.keyboard.type('Match each fraction with its decimal.');
    await typeInto('Left 1', '1/2');
    await typeInto('Matches 1', '0.5');
    await typeInto('Left 2', '1/4');
    await typeInto('Matches 2', '0.25');
  },
  multiStep: async () => {
    await page.keyboard.type('Solve $2x + 3 = 11$ in two steps.');
    await typeInto('Step 1: question', 'What is $2x$ equal to?');
    await typeInto('Right answer (a number, a fraction such as 3/4, or {{…}})', '8');
    await tabTo('Add step');
    await page.keyboard.press('Enter');
    await page.keyboard.type('What is $x$?');
    await typeInto('Right answer (a number, a fraction such as 3/4, or {{…}})', '4');
  },
};

/** "Start a new bank", saying yes when the page asks whether to replace unsaved work. */
async function startNewBank() {
  const button = page.locator('#new-bank');
  await button.click();
  if (await page.locator('#replace-dialog[open]').count()) await page.locator('#replace-anyway').click();
  await page.locator('#replace-dialog[open]').waitFor({ state: 'detached' });
  // The new bank replaces the old one after the question closes: wait for it, or an item added
  // next could go to the old bank and be replaced with it.
  await page.waitForFunction(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.bank.items.length === 0,
    DRAFT_KEY,
  );
}

/** "Save the bank file", saying yes when the page asks about errors; resolves to the download. */
async function saveBankFile() {
  const download = page.waitForEvent('download');
  await page.locator('#save-bank').click();
  if (await page.locator('#save-dialog[open]').count()) await page.locator('#save-anyway').click();
  return download;
}

async function draftBank() {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)).bank, DRAFT_KEY);
}

/**
 * Asserts that `read(draft bank)` comes to equal `expected` within 5 s: Firefox may return from a
 * click before the page has saved what it changed.
 */
async function assertDraftComesTo(read, expected) {
  const until = Date.now() + 5000;
  let actual = read(await draftBank());
  while (actual !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = read(await draftBank());
  }
  assert.equal(actual, expected);
}

test('a bank of every item type, written with the keyboard only, plays in the preview and in the widget', async () => {
  await page.goto(`${env.baseUrl}www/author.html`);
  await page.locator('#problem-summary', { hasText: /No errors/ }).waitFor();
  await page.keyboard.press('Tab');
  for (const [index, type] of ITEM_TYPES.entries()) {
    // Backwards only from inside the page: Shift+Tab from its first control would leave it.
    await tabTo('New item of type', { backwards: index > 0 });
    await page.keyboard.press('Home');
    for (let step = 0; step < index; step += 1) await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#new-item-type').inputValue(), type);
    await tabTo('Add item');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.dataset?.path?.endsWith('.prompt'));
    await RECIPES[type]();
    await page.locator('#problem-summary', { hasText: /^No errors/ }).waitFor({ timeout: 5000 });

    // The preview plays the item as written: answered right by keyboard, judged right.
    await tabTo('Try it in the preview', { backwards: true });
    await page.keyboard.press('Enter');
    const bank = await draftBank();
    assert.equal(bank.items.length, index + 1);
    const widget = new PracticeWidget(page, '#preview .preview-host', bank);
    await widget.waitForItem();
    await page.waitForFunction(() => document.activeElement?.classList.contains('preview-host'));
    assert.equal((await widget.currentItem()).type, type);
    const steps = type === 'multiStep' ? bank.items[index].steps.length : 1;
    for (let step = 0; step < steps; step += 1) {
      if (step > 0) await widget.nextByKeyboard();
      await widget.answerByKeyboard(true);
      assert.match(await widget.feedback(), /^Correct!/, `${type}, part ${step + 1}`);
    }
    await tabTo('Add item', { backwards: true });
  }

  // Saved as a file, the bank plays in the widget.
  await tabTo('Save the bank file', { backwards: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^my-practice-[0-9a-z]{8}\.json$/);
  const saved = JSON.parse(await downloadedBytes(download));
  assert.deepEqual(
    saved.items.map((item) => item.type),
    ITEM_TYPES,
  );
  writeFileSync(`${repositoryRoot}${scratch}/saved.json`, JSON.stringify(saved));
  const player = await context.newPage();
  await player.goto(`${env.baseUrl}index.html?bank=${scratch}/saved.json`);
  const widget = new PracticeWidget(player, 'adaptive-practice', saved);
  await widget.waitForItem();
  await widget.answerByKeyboard(true);
  assert.match(await widget.feedback(), /^Correct!/);
  await player.close();

  // The draft survives a reload.
  await page.reload();
  await page.locator('#item-list li').nth(8).waitFor();
  assert.match(await page.locator('#status').textContent(), /draft/);
  assert.equal((await draftBank()).items.length, 9);
});

test('deleting an item is undone by Undo, and redone by Redo', async () => {
  if (!page.url().includes('author.html') || !(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY))) {
    await page.goto(`${env.baseUrl}www/author.html`);
    await page.locator('#open-url-input').fill('banks/item-types.json');
    await page.locator('#open-url button').click();
    await page.locator('#item-list li').nth(8).waitFor();
  }
  const before = (await draftBank()).items.length;
  await page.locator('#item-list button').first().click();
  await page.locator('#delete-item').click();
  assert.equal((await draftBank()).items.length, before - 1);
  await page.locator('#undo').click();
  assert.equal((await draftBank()).items.length, before);
  await page.locator('#redo').click();
  assert.equal((await draftBank()).items.length, before - 1);
  await page.locator('#undo').click();
});

test('a bank with a planted error shows it at its field, and saving asks first', async () => {
  const bank = JSON.parse(readFileSync(`${repositoryRoot}www/banks/item-types.json`, 'utf8'));
  const numeric = bank.items.findIndex((item) => item.type === 'numeric');
  bank.items[numeric].skills = ['no-such-skill'];
  if (!page.url().includes('author.html')) await page.goto(`${env.baseUrl}www/author.html`);
  await page.locator('#open-file').setInputFiles({
    name: 'planted.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bank)),
  });
  await page.locator('#problem-summary', { hasText: /^1 error/ }).waitFor();
  await page.locator('#problem-list button', { hasText: 'Error' }).click();
  const field = page.locator(`[data-field="items[${numeric}].skills"]`);
  await field.locator('.field-problem.error').waitFor();
  assert.match(await field.locator('.field-problem.error').textContent(), /unknown skill "no-such-skill"/);
  assert.match(await page.locator('#item-list [aria-current] .badge').textContent(), /1 problem/);
  // The checker's words follow the page's language, at the field and in the list.
  await page.selectOption('#page-language', 'fr');
  assert.match(await field.locator('.field-problem.error').textContent(), /compétence inconnue : "no-such-skill"/);
  assert.match(await page.locator('#problem-list').textContent(), /compétence inconnue : "no-such-skill"/);
  await page.selectOption('#page-language', 'ar');
  // On a right-to-left page the id keeps its own direction (isolated by U+2068 … U+2069).
  assert.match(
    await field.locator('.field-problem.error').textContent(),
    /مهارة غير معروفة: \u2068"no-such-skill"\u2069/,
  );
  await page.selectOption('#page-language', 'en');
  assert.match(await field.locator('.field-problem.error').textContent(), /unknown skill "no-such-skill"/);
  // The unknown skill is a ticked box of the item's skills: unticking it removes it.
  const unknownSkill = field.getByLabel(/no-such-skill/);
  assert.ok(await unknownSkill.isChecked());
  await unknownSkill.uncheck();
  assert.deepEqual((await draftBank()).items[numeric].skills, []);
  await page.locator('#problem-list', { hasText: /an item needs at least one skill/ }).waitFor();
  assert.match(await page.locator('#problem-summary').textContent(), /^1 error/);

  await page.locator('#save-bank').click();
  await page.locator('#save-dialog[open]').waitFor();
  await page.locator('#save-cancel').click();
  assert.equal(await page.locator('#save-dialog[open]').count(), 0);
  // A file that is not a bank changes nothing.
  const items = (await draftBank()).items.length;
  await page.locator('#open-file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('not json'),
  });
  await page.locator('#status', { hasText: /not a bank file/ }).waitFor();
  assert.equal((await draftBank()).items.length, items);
  await page
    .locator('#open-file')
    .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
  await page.locator('#status', { hasText: /not a file this page can import/ }).waitFor();
  assert.equal((await draftBank()).items.length, items);
});

test('rows pasted from a spreadsheet become items, and a bad row is named', async () => {
  await startNewBank();
  await page.locator('#spreadsheet summary').click();
  const rows = [
    'type\tprompt\tanswer\tchoices\thints\tskill\tdifficulty',
    'single choice\tWhich is even?\t12\t7 | 12 | 15\tDivide by 2.\tParity\teasy',
    'number\tWhat is 6 × 7?\t42\t\t\tTimes tables\t',
    'short text\tTop of a fraction?\tnumerator | numerator.\t\t\tWords\thard',
    'essay\tWrite about fractions.\t\t\t\t\t',
  ].join('\n');
  await page.locator('#spreadsheet-text').fill(rows);
  await page.locator('#spreadsheet-add').click();
  await page.locator('#spreadsheet-status', { hasText: /Added 3 items/ }).waitFor();
  assert.match(await page.locator('#spreadsheet-status').textContent(), /Row 5 skipped/);
  const bank = await draftBank();
  assert.deepEqual(
    bank.items.map((item) => item.type),
    ['singleChoice', 'numeric', 'shortText'],
  );
  assert.equal(bank.items[0].answer, 1);
  await page.locator('#problem-summary', { hasText: /^No errors/ }).waitFor();
});

test('the page is axe-clean on a phone and on a wide screen, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const schemed = await env.browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const view = await schemed.newPage();
    await view.goto(`${env.baseUrl}www/author.html`);
    await view.locator('#open-url-input').fill('banks/item-types.json');
    await view.locator('#open-url button').click();
    await view.locator('#item-list li').nth(8).waitFor();
    await view.locator('#item-list button').nth(2).click();
    for (const width of [360, 1280]) {
      await view.setViewportSize({ width, height: 900 });
      await view.locator('#preview .preview-host').waitFor();
      const violations = await axeViolations(view, 'body');
      assert.deepEqual(violations, [], `${colorScheme} at ${width} px`);
      const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${colorScheme} at ${width} px: the page is ${overflow} px wider than the screen`);
    }
    await view.screenshot({
      path: `${repositoryRoot}pkg-tests/screenshots/author-${colorScheme}-1280.png`,
      fullPage: true,
    });
    await schemed.close();
  }
});

test('the page speaks French and Arabic (right to left), chosen in the header and remembered', async () => {
  await page.selectOption('#page-language', 'ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.locator('h1').textContent(), 'كتابة تمارين');
  assert.equal(await page.locator('#add-item').textContent(), 'إضافة التمرين');
  assert.match(await page.locator('#item-form').textContent(), /السؤال/);
  await page.reload();
  await page.locator('h1', { hasText: 'كتابة تمارين' }).waitFor();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('#preview .preview-host').waitFor();
  assert.deepEqual(await axeViolations(page, 'body'), [], 'Arabic at 360 px');
  await page.screenshot({ path: `${repositoryRoot}pkg-tests/screenshots/author-ar-360.png` });
  await page.selectOption('#page-language', 'fr');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.equal(await page.locator('#save-bank').textContent(), 'Enregistrer le fichier de la banque');
  assert.match(await page.locator('#problem-summary').textContent(), /^(Aucune erreur|\d+ erreur)/);
  await page.selectOption('#page-language', 'en');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a new bank started on the French page is French: its words and its learners' language", async () => {
  await page.goto(`${env.baseUrl}www/author.html`);
  await page.selectOption('#page-language', 'fr');
  await startNewBank();
  const words = (bank) => ({ language: bank.language, title: bank.title, skill: bank.skills[0].name });
  assert.deepEqual(words(await draftBank()), {
    language: 'fr',
    title: 'Mes exercices',
    skill: 'Première compétence',
  });
  assert.match((await draftBank()).id, /^mes-exercices-[0-9a-z]{8}$/);
  // Before anything is written in it, the page's language still chooses the bank's.
  await page.selectOption('#page-language', 'ar');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).bank.language === 'ar', DRAFT_KEY);
  assert.deepEqual(words(await draftBank()), { language: 'ar', title: 'تماريني', skill: 'المهارة الأولى' });
  await page.selectOption('#page-language', 'fr');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).bank.language === 'fr', DRAFT_KEY);
  // Once an item is in it, the bank keeps its language; the preview's widget speaks it.
  await page.selectOption('#new-item-type', 'numeric');
  await page.locator('#add-item').click();
  await page.locator('[data-path="items[0].prompt"]').fill('Combien font 6 × 7 ?');
  await page.locator('[data-path="items[0].answer"]').fill('42');
  await page.selectOption('#page-language', 'en');
  assert.deepEqual(words(await draftBank()), {
    language: 'fr',
    title: 'Mes exercices',
    skill: 'Première compétence',
  });
  await page.locator('#preview .preview-host').locator('button.ap-check', { hasText: 'Vérifier' }).waitFor();
});

test('editing keeps what the author wrote: moves, blanks, skill renames, type changes, skipped rows', async () => {
  await startNewBank();
  for (const type of ['numeric', 'fillBlanks']) {
    await page.selectOption('#new-item-type', type);
    await page.locator('#add-item').click();
  }
  // Move the selected (second) item up: the form follows it.
  await page.locator('#move-up').click();
  assert.equal(
    await page.locator('[data-path="items[0].type"], [data-field-select="items[0].type"]').inputValue(),
    'fillBlanks',
  );
  assert.equal((await draftBank()).items[0].type, 'fillBlanks');
  // "Add blank" marks the new blank with the next number.
  await page.locator('[data-path="items[0].prompt"]').fill('3 is the [[1]] and 4 the');
  await page.getByRole('button', { name: 'Add blank' }).click();
  assert.equal((await draftBank()).items[0].prompt, '3 is the [[1]] and 4 the [[2]]');
  // Renaming a skill's id renames it where items use it.
  // The section may be open already (a problem's link opens it): open it only if shut.
  const skills = page.locator('details:has(#skills-form)');
  for (let tries = 0; tries < 3 && (await skills.getAttribute('open')) === null; tries += 1) {
    await skills.locator('> summary').click();
  }
  await page.locator('[data-path="skills[0].id"]').fill('fractions');
  assert.deepEqual(
    (await draftBank()).items.map((item) => item.skills),
    [['fractions'], ['fractions']],
  );
  // Single choice to multiple response keeps the choices.
  await page.locator('#item-list button').nth(1).click();
  await page.selectOption('[data-field-select="items[1].type"]', 'singleChoice');
  await page.locator('[data-path="items[1].choices[0].text"]').fill('7');
  await page.selectOption('[data-field-select="items[1].type"]', 'multipleResponse');
  const retyped = (await draftBank()).items[1];
  assert.equal(retyped.type, 'multipleResponse');
  assert.equal(retyped.choices[0].text, '7');
  assert.deepEqual(retyped.answers, [0]);
  // Skipped spreadsheet rows stay in the box, with the header, to be fixed.
  if (!(await page.locator('#spreadsheet').getAttribute('open'))) await page.locator('#spreadsheet summary').click();
  await page.locator('#spreadsheet-text').fill('type\tprompt\tanswer\nnumber\t1 + 1?\t2\nessay\tWrite.\t');
  await page.locator('#spreadsheet-add').click();
  assert.equal(await page.locator('#spreadsheet-text').inputValue(), 'type\tprompt\tanswer\nessay\tWrite.\t');
});

test('a GIFT quiz opens as a bank, with what was left out listed', async () => {
  const gift = [
    '$CATEGORY: Arithmetic',
    '',
    '::add::What is 2 + 3? {#5}',
    '',
    '::even::Which number is even? {=12 ~7 ~15}',
    '',
    '::essay::Explain why 1/2 = 2/4. {}',
  ].join('\n');
  await page
    .locator('#open-file')
    .setInputFiles({ name: 'quiz.gift', mimeType: 'text/plain', buffer: Buffer.from(gift) });
  await page.locator('#import-notes li').first().waitFor();
  const bank = await draftBank();
  assert.deepEqual(
    bank.items.map((item) => item.type),
    ['numeric', 'singleChoice'],
  );
  assert.match(await page.locator('#import-notes').textContent(), /essay/);
  assert.match(await page.locator('#status').textContent(), /quiz\.gift/);
  await page.locator('#problem-summary', { hasText: /^No errors/ }).waitFor();
});

test('the preview keeps the learner’s place while the author edits, and says when the item changed', async () => {
  await page.goto(`${env.baseUrl}www/author.html`);
  await startNewBank();
  await page.locator('#open-url-input').fill('banks/item-types.json');
  await page.locator('#open-url button').click();
  await page.locator('#item-list li').nth(8).waitFor();
  // The checker redraws the item list once it has run: a click before that may miss.
  await page.locator('#problem-summary', { hasText: /^No errors/ }).waitFor();
  await page.locator('#item-list button', { hasText: 'numeric' }).first().click();
  await page.locator('#item-list [aria-current]', { hasText: 'numeric' }).waitFor();
  const answer = page.locator('#preview .preview-host form.ap-item input.ap-input');
  await answer.fill('12');
  const marked = () => page.evaluate(() => document.querySelector('#preview .preview-host')?.dataset.marked === 'yes');
  await page.evaluate(() => {
    document.querySelector('#preview .preview-host').dataset.marked = 'yes';
  });

  // The bank's title is not the item: the preview stays as the learner left it.
  await page.locator('details:has(#settings-form) > summary').click();
  await page.locator('[data-path="title"]').fill('Another title');
  await page.waitForTimeout(900);
  assert.ok(await marked(), 'the preview restarted for a change of the title');
  assert.equal(await answer.inputValue(), '12');

  // The item itself changed while the learner answers it: the preview says so and waits.
  const prompt = page.locator('[data-path="items[2].prompt"]');
  await prompt.fill('What is 5 + 7?');
  await page.locator('#preview-notice').waitFor();
  await page.waitForTimeout(900);
  assert.ok(await marked(), 'the preview restarted under the learner');
  assert.equal(await answer.inputValue(), '12');
  await page.locator('#preview-notice button').click();
  await page.locator('#preview .ap-prompt', { hasText: 'What is 5 + 7?' }).waitFor();
  assert.equal(await page.locator('#preview-notice').count(), 0);
  assert.equal(await answer.inputValue(), '');

  // Untouched, the preview follows the text as it is written.
  await prompt.fill('What is 6 + 6?');
  await page.locator('#preview .ap-prompt', { hasText: 'What is 6 + 6?' }).waitFor();
  assert.equal(await page.locator('#preview-notice').count(), 0);
});

test('"Start a new bank" and "Open" ask before they replace unsaved work, by keyboard', async () => {
  // Keys reach the page's buttons only when its window has the focus: in Firefox, the pages other
  // tests opened and closed took it, so this test has a tab of its own (the draft is shared).
  await page.close();
  page = await openPage();
  await page.goto(`${env.baseUrl}www/author.html`);
  await startNewBank();
  await page.selectOption('#new-item-type', 'numeric');
  await page.locator('#add-item').click();
  await page.locator('[data-path="items[0].prompt"]').fill('Kept?');
  await page.locator('[data-path="items[0].answer"]').fill('1');
  const items = async () => (await draftBank()).items.length;
  assert.ok(await page.evaluate(() => document.hasFocus()), 'the page has the focus');

  // The question is a modal dialog; its safe answer has the focus; Escape keeps the work.
  await page.locator('#new-bank').focus();
  await page.keyboard.press('Enter');
  await page.locator('#replace-dialog[open]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'replace-cancel');
  assert.match(await page.locator('#replace-dialog-text').textContent(), /kept only in this browser/);
  assert.deepEqual(await axeViolations(page, '#replace-dialog'), []);
  await page.keyboard.press('Escape');
  await page.locator('#replace-dialog[open]').waitFor({ state: 'detached' });
  assert.equal(await items(), 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-bank');

  // "Keep working on it" keeps it too; the address form asks the same.
  await page.locator('#open-url-input').fill('banks/item-types.json');
  await page.locator('#open-url-input').press('Enter');
  await page.locator('#replace-dialog[open]').waitFor();
  assert.match(await page.locator('#replace-dialog-text').textContent(), /banks\/item-types\.json/);
  await page.keyboard.press('Enter');
  await page.locator('#replace-dialog[open]').waitFor({ state: 'detached' });
  assert.equal(await items(), 1);

  // The file chooser opens only after a yes.
  let chooserOpened = false;
  const onChooser = () => {
    chooserOpened = true;
  };
  page.on('filechooser', onChooser);
  await page.locator('#open-file').focus();
  await page.keyboard.press('Space');
  await page.locator('#replace-dialog[open]').waitFor();
  assert.equal(chooserOpened, false);
  await page.keyboard.press('Escape');
  await page.locator('#replace-dialog[open]').waitFor({ state: 'detached' });
  page.off('filechooser', onChooser);

  // A file dropped on the open section asks too; "keep working" keeps the work.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['{"version":1,"skills":[],"items":[]}'], 'dropped.json', { type: 'application/json' }),
    );
    document
      .querySelector('.open-bank')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.locator('#replace-dialog[open]').waitFor();
  assert.match(await page.locator('#replace-dialog-text').textContent(), /dropped\.json/);
  await page.keyboard.press('Escape');
  await page.locator('#replace-dialog[open]').waitFor({ state: 'detached' });
  assert.equal(await items(), 1);

  // A yes opens the file chooser, and the file chosen replaces the bank.
  await page.locator('#open-file').focus();
  await page.keyboard.press('Space');
  await page.locator('#replace-dialog[open]').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#replace-anyway').click()]);
  const other = JSON.parse(readFileSync(`${repositoryRoot}www/banks/item-types.json`, 'utf8'));
  await chooser.setFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(other)),
  });
  await page.locator('#status', { hasText: /other\.json/ }).waitFor();
  assert.equal(await items(), other.items.length);

  // "Save it as a file first" saves, and then nothing is left to lose: no question.
  await page.locator('[data-path="items[0].prompt"]').fill('Changed since it was opened');
  await page.locator('#new-bank').click();
  await page.locator('#replace-dialog[open]').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#replace-save').click()]);
  // Firefox names a second download of the same file `item-types(1).json`.
  assert.match(download.suggestedFilename(), /^item-types(\(\d+\))?\.json$/);
  assert.equal(await items(), other.items.length);
  await page.locator('#new-bank').click();
  assert.equal(await page.locator('#replace-dialog[open]').count(), 0);
  assert.equal(await items(), 0);

  // A question asked at once after another was answered gets its own answer: the first one's
  // closing (its close event comes later) neither answers nor closes it.
  await page.locator('#add-item').click();
  await page.locator('[data-path="items[0].prompt"]').fill('Asked twice');
  await page.evaluate(() => {
    document.getElementById('new-bank').click();
    document.getElementById('replace-cancel').click();
    document.getElementById('new-bank').click();
  });
  await page.waitForTimeout(200);
  await page.locator('#replace-dialog[open]').waitFor();
  await page.locator('#replace-anyway').click();
  await page.locator('#replace-dialog[open]').waitFor({ state: 'detached' });
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).bank.items.length === 0, DRAFT_KEY);
});

test('a new bank gets an id of its own, following its title until saved, then kept', async () => {
  await page.goto(`${env.baseUrl}www/author.html`);
  await startNewBank();
  const first = (await draftBank()).id;
  assert.match(first, /^my-practice-[0-9a-z]{8}$/);
  const line = page.locator('#bank-id-line');
  assert.ok(await line.isVisible(), 'the id is shown while "Bank settings" is folded');
  assert.match(await line.textContent(), new RegExp(`^Bank id: ${first}\\. Learners’ progress is kept under it`));
  // Before the bank is saved, its id follows the title, keeping its random part: the file is
  // then named after the title the teacher gave, not "my-practice".
  const randomPart = first.slice(-8);
  await page.locator('.controls:has(#settings-form) > summary').click();
  await page.locator('[data-path="title"]').fill('Class 5B fractions');
  await page.waitForFunction(
    (key) => JSON.parse(localStorage.getItem(key)).bank.title === 'Class 5B fractions',
    DRAFT_KEY,
  );
  const titled = (await draftBank()).id;
  assert.equal(titled, `class-5b-fractions-${randomPart}`);
  assert.equal(await page.locator('[data-path="id"]').inputValue(), titled);
  assert.match(await line.textContent(), new RegExp(titled));
  await page.selectOption('#new-item-type', 'numeric');
  await page.locator('#add-item').click();
  const download = await saveBankFile();
  assert.match(download.suggestedFilename(), new RegExp(`^class-5b-fractions-${randomPart}(\\(\\d+\\))?\\.json$`));
  // Once saved (it may be on a page already), editing the title keeps the id, and the progress
  // kept under it; across a reload too.
  await page.reload();
  await page.locator('#item-list li').first().waitFor();
  if ((await page.locator('.controls:has(#settings-form)').getAttribute('open')) === null) {
    await page.locator('.controls:has(#settings-form) > summary').click();
  }
  await page.locator('[data-path="title"]').fill('Class 5B fractions, term 2');
  await page.waitForFunction(
    (key) => JSON.parse(localStorage.getItem(key)).bank.title === 'Class 5B fractions, term 2',
    DRAFT_KEY,
  );
  assert.equal((await draftBank()).id, titled);
  // An id the teacher typed is theirs: a new bank whose id was edited keeps it.
  await startNewBank();
  const second = (await draftBank()).id;
  assert.match(second, /^my-practice-[0-9a-z]{8}$/);
  assert.notEqual(second.slice(-8), randomPart);
  assert.match(await line.textContent(), new RegExp(second));
  if ((await page.locator('.controls:has(#settings-form)').getAttribute('open')) === null) {
    await page.locator('.controls:has(#settings-form) > summary').click();
  }
  await page.locator('[data-path="id"]').fill('year-7-speed');
  await page.locator('[data-path="title"]').fill('Speed');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).bank.title === 'Speed', DRAFT_KEY);
  assert.equal((await draftBank()).id, 'year-7-speed');
});

test("a new bank's only skill is named after the title until the author names it", async () => {
  await page.goto(`${env.baseUrl}www/author.html`);
  await startNewBank();
  assert.deepEqual(
    (await draftBank()).skills.map((skill) => skill.name),
    ['First skill'],
  );
  const openSection = async (inside) => {
    const section = page.locator(`details:has(${inside})`);
    for (let tries = 0; tries < 3 && (await section.getAttribute('open')) === null; tries += 1) {
      await section.locator('> summary').click();
    }
  };
  const skillNames = async () => (await draftBank()).skills.map((skill) => skill.name);
  const waitForTitle = (title) =>
    page.waitForFunction(
      ([key, title]) => JSON.parse(localStorage.getItem(key)).bank.title === title,
      [DRAFT_KEY, title],
    );
  await openSection('#settings-form');
  // Learners of a one-skill quiz see its title in their progress list, not "First skill".
  await page.locator('[data-path="title"]').fill('Fractions of a number');
  await waitForTitle('Fractions of a number');
  assert.deepEqual(await skillNames(), ['Fractions of a number']);
  assert.equal(await page.locator('[data-path="skills[0].name"]').inputValue(), 'Fractions of a number');
  await page.locator('[data-path="title"]').fill('Fractions of an amount');
  await waitForTitle('Fractions of an amount');
  assert.deepEqual(await skillNames(), ['Fractions of an amount']);
  // A name the author gave is theirs: the title no longer changes it.
  await openSection('#skills-form');
  await page.locator('[data-path="skills[0].name"]').fill('Taking a fraction');
  await page.locator('[data-path="title"]').fill('Week 3');
  await waitForTitle('Week 3');
  assert.deepEqual(await skillNames(), ['Taking a fraction']);
  // Nor with two skills: each has its own name.
  await startNewBank();
  await openSection('#skills-form');
  await page.locator('#skills-form button', { hasText: /^Add skill$/ }).click();
  await page.locator('[data-path="skills[1].name"]').fill('Second');
  await openSection('#settings-form');
  await page.locator('[data-path="title"]').fill('Two skills');
  await waitForTitle('Two skills');
  assert.deepEqual(await skillNames(), ['First skill', 'Second']);
});

test('a draft saved as a file comes back saved: nothing to lose when it is replaced', async () => {
  await page.goto(`${env.baseUrl}www/author.html`);
  await startNewBank();
  await page.selectOption('#new-item-type', 'numeric');
  await page.locator('#add-item').click();
  await page.locator('[data-path="items[0].prompt"]').fill('What is 6 × 7?');
  await page.locator('[data-path="items[0].answer"]').fill('42');
  await saveBankFile();
  // The teacher comes back later: the draft is back, and it is the file they saved.
  await page.reload();
  await page.locator('#status', { hasText: /draft/ }).waitFor();
  await page.locator('#new-bank').click();
  assert.equal(await page.locator('#replace-dialog[open]').count(), 0, 'no question: the work is in the file');
  assert.equal((await draftBank()).items.length, 0);
  // A change made after the save is work to lose, across a reload too: the page asks.
  await page.selectOption('#new-item-type', 'numeric');
  await page.locator('#add-item').click();
  await saveBankFile();
  await page.locator('[data-path="items[0].prompt"]').fill('Changed after the save');
  await page.waitForFunction(
    (key) => JSON.parse(localStorage.getItem(key)).bank.items[0].prompt === 'Changed after the save',
    DRAFT_KEY,
  );
  await page.reload();
  await page.locator('#status', { hasText: /draft/ }).waitFor();
  await page.locator('#new-bank').click();
  await page.locator('#replace-dialog[open]').waitFor();
  await page.locator('#replace-cancel').click();
  assert.equal((await draftBank()).items[0].prompt, 'Changed after the save');
});

test('"Add blank" after the marks are written in the prompt adds no second mark', async () => {
  await page.goto(`${env.baseUrl}www/author.html`);
  await startNewBank();
  await page.selectOption('#new-item-type', 'fillBlanks');
  await page.locator('#add-item').click();
  // A teacher writes the sentence first, with both marks, then adds the second blank.
  await page.locator('[data-path="items[0].prompt"]').fill('Speed is [[1]] divided by [[2]].');
  await page.getByRole('button', { name: 'Add blank' }).click();
  await assertDraftComesTo((bank) => bank.items[0].blanks.length, 2);
  assert.equal((await draftBank()).items[0].prompt, 'Speed is [[1]] divided by [[2]].');
  // A blank whose mark is not written yet still gets it, at the end.
  await page.getByRole('button', { name: 'Add blank' }).click();
  await assertDraftComesTo((bank) => bank.items[0].prompt, 'Speed is [[1]] divided by [[2]]. [[3]]');
});
