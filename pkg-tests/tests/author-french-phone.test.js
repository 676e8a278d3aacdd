// The authoring page in French on a phone (360 px), as a new author walks it: a bank opened, an
// item of every type added empty (so the checker and the preview have something to say), every
// section open. No English words of the page's catalogs show, nor the engine's English details
// of a problem; the preview of an item with errors says what to fix in French, not the widget's
// English refusal; the Markdown help's examples are French; the skill chips wrap within the
// screen, each one whole; and the page stays axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ITEM_TYPES } from '../lib/author-page.js';
import { launch, SCREENSHOT_FOLDER } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { CATALOGS } from '../../www/author-i18n.js';
import { DETAILS } from '../../www/author-i18n-details.js';

/** A skill name with no place to break a line: the longest chip. */
const LONG_SKILL_NAME = 'Proportionnalité_et_pourcentages_appliqués_aux_soldes';

let env;
let context;
let page;

before(async () => {
  env = await launch();
  context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    if (/blocked an inline style/.test(error.message)) return;
    assert.fail(`page error: ${error.message}`);
  });
  await page.goto(`${env.baseUrl}www/author.html`);
  await page.selectOption('#page-language', 'fr');
  await page.locator('#problem-summary', { hasText: /erreur/ }).waitFor();
  await page.locator('#open-url-input').fill('banks/sciences-fr.json');
  await page.locator('#open-url button').click();
  await page.locator('#status', { hasText: / ouvert : / }).waitFor();
});

after(async () => {
  await env?.close();
});

/** A catalog key (`Choice {n}`) as a regular expression for a whole text, any value in `{n}`. */
function wholeText(key) {
  const source = key
    .split(/(\{\w+\})/)
    .map((part, index) => (index % 2 ? '[\\s\\S]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The English keys whose French differs, as whole-text patterns. */
const ENGLISH_KEYS = Object.entries(CATALOGS.fr)
  .filter(([key, french]) => typeof french === 'string' && french !== key)
  .map(([key]) => ({ key, pattern: wholeText(key) }));

/** The engine's English detail sentences, found anywhere in a text (their literal words). */
const ENGLISH_DETAILS = Object.keys(DETAILS.fr)
  .map((english) =>
    english
      .split(/\{\w+\}/)
      .sort((a, b) => b.length - a.length)[0]
      .trim(),
  )
  .filter((words) => words.length >= 12);

/**
 * Every text a person reads or hears on the page, outside the preview's widget: each text node's
 * words, and the labels, placeholders and titles of elements; with whether it is shown.
 */
function pageTexts() {
  return page.evaluate(() => {
    const texts = [];
    const shown = (element) => element.checkVisibility?.() ?? element.offsetParent !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || parent.closest('script, style, option:not(:checked)')) continue;
      if (parent.closest('.preview-host')) continue;
      if (shown(parent)) texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (element.closest('.preview-host')) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value.trim());
      }
    }
    return texts;
  });
}

function englishIn(texts) {
  const found = [];
  for (const text of texts) {
    for (const { key, pattern } of ENGLISH_KEYS) if (pattern.test(text)) found.push(`"${text}" (key "${key}")`);
    for (const words of ENGLISH_DETAILS) if (text.includes(words)) found.push(`"${text}" (detail "${words}")`);
  }
  return found;
}

test('the French page on a phone shows no English words, with an item of every type being written', async () => {
  // The wrong-answer feedback the trial left empty: a numeric item with a typical wrong answer
  // added and nothing written in it yet.
  for (const type of ITEM_TYPES) {
    await page.selectOption('#new-item-type', type);
    await page.locator('#add-item').click();
    await page.locator('#item-form [data-field-select$=".type"]').first().waitFor();
    if (type === 'numeric') {
      await page.getByRole('button', { name: 'Ajouter une réponse fausse' }).click();
      await page.getByLabel('Message pour la réponse fausse 1', { exact: true }).waitFor();
    }
    if (type === 'mathExpression') {
      await page.locator('[data-path$=".answer"]').first().fill('x+');
    }
    if (type === 'singleChoice') {
      await page.locator('[data-path$=".prompt"]').first().fill('Combien coûte $\\frac{1}{$ ?');
    }
    // The checker and the preview run after a pause in typing.
    await page.waitForTimeout(700);
    await page.locator('#preview .preview-errors, #preview .preview-host').first().waitFor();
    for (const details of await page.locator('details').all()) await details.evaluate((node) => (node.open = true));
    const english = englishIn(await pageTexts());
    assert.deepEqual(english, [], `English on the French page with a new ${type} item`);
  }
  const problems = await page.locator('#problem-list').textContent();
  assert.match(problems, /impossible de lire "" comme un nombre/);
  assert.match(problems, /la réponse ne peut pas être calculée : l’expression s’arrête trop tôt/);
  assert.match(problems, /dans les maths `\\frac\{1\}\{` : une `\{` n’est jamais fermée par `\}`/);
  await page.screenshot({ path: fileURLToPath(new URL('author-fr-360.png', SCREENSHOT_FOLDER)) });
});

test('the preview of an item with errors says what to fix in French, not the widget in English', async () => {
  await page
    .locator('#item-list button', { hasText: /Nombre/ })
    .last()
    .click();
  const errors = page.locator('#preview .preview-errors');
  await errors.waitFor();
  assert.match(await errors.textContent(), /^L’aperçu montrera cet exercice quand ces erreurs seront corrigées/);
  assert.match(await errors.textContent(), /impossible de lire "" comme un nombre/);
  assert.equal(await page.locator('#preview .preview-host').count(), 0);
  // Fixed, the widget plays it.
  await page.getByLabel('Réponse fausse 1', { exact: true }).fill('5');
  await page.locator('[data-path$=".prompt"]').first().fill('Combien font 2 + 2 ?');
  await page.locator('[data-path$=".answer"]').first().fill('4');
  await page.locator('#preview .preview-host').waitFor();
  assert.equal(await errors.count(), 0);
});

test('the Markdown help shows French examples', async () => {
  const help = page.locator('details', { hasText: 'Écrire du texte et des maths' });
  await help.evaluate((node) => (node.open = true));
  const examples = await help.locator('code').allInnerTexts();
  assert.ok(examples.includes('*mots*'), examples.join(' '));
  assert.ok(examples.includes('- premier'), examples.join(' '));
  for (const english of ['*words*', '**words**', '- first', '![what it shows](media/picture.svg)']) {
    assert.ok(!examples.includes(english), `"${english}" in the French help`);
  }
});

test('every skill chip lies within a 360 px screen, whole, and the page is axe-clean', async () => {
  const skills = page.locator('details', { hasText: 'Compétences' }).first();
  await skills.evaluate((node) => (node.open = true));
  await page.locator('[data-path="skills[0].name"]').fill(LONG_SKILL_NAME);
  await page.locator('#item-list button').first().click();
  const chips = page.locator('.skills-choice .field.check');
  await page.locator('#item-form .skills-choice label', { hasText: LONG_SKILL_NAME }).waitFor();
  const boxes = await chips.evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      const label = node.querySelector('label');
      return {
        text: label.textContent,
        left: box.left,
        right: box.right,
        // The label shows all its words: nothing clipped inside the chip.
        clipped: label.scrollWidth > label.clientWidth + 1 || node.scrollWidth > node.clientWidth + 1,
      };
    }),
  );
  assert.ok(boxes.length >= 8, `${boxes.length} chips`);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  for (const box of boxes) {
    assert.ok(box.left >= 0 && box.right <= width, `"${box.text}" lies at ${box.left}..${box.right} on ${width} px`);
    assert.equal(box.clipped, false, `"${box.text}" is cut inside its chip`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await page.locator('#item-form .skills-choice').screenshot({
    path: fileURLToPath(new URL('author-fr-360-skills.png', SCREENSHOT_FOLDER)),
  });
  // axe on the page as an author finds it when they come back to the draft. Without the reload,
  // Firefox ESR's content process died in axe's run on the #open-url form after this file's
  // first test (a numeric item given a wrong answer), in 3 of 3 runs; Chromium did not.
  await page.reload();
  await page.locator('#problem-summary', { hasText: /erreur/ }).waitFor();
  await page.locator('#preview .preview-host, #preview .preview-errors').first().waitFor();
  for (const details of await page.locator('details.controls').all())
    await details.evaluate((node) => (node.open = true));
  await page.locator('#skills-form .skills-choice .field.check').first().waitFor();
  assert.deepEqual(await axeViolations(page, 'body'), [], 'French at 360 px');
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(await axeViolations(page, 'body'), [], 'French at 1280 px');
  await page.setViewportSize({ width: 360, height: 800 });
});

test('an imported quiz is summed up in French', async () => {
  await page.locator('#open-file').setInputFiles({
    name: 'quiz.gift',
    mimeType: 'text/plain',
    buffer: Buffer.from('::two::What is 1 + 1? {#2}\n\n::essay::Write about fractions. {}\n'),
  });
  // The page asks before it replaces a bank not saved as a file.
  const replace = page.locator('#replace-anyway');
  const status = page.locator('#status', { hasText: /quiz\.gift ouvert/ });
  await replace.or(status).first().waitFor();
  if (await replace.isVisible()) await replace.click();
  await status.waitFor();
  assert.match(
    await status.textContent(),
    /Converti : 2 questions trouvées, 1 exercice écrit, 1 laissé de côté\./,
    'the summary in French',
  );
  assert.equal(await page.title(), 'Écrire des exercices · adaptive-practice');
});

test('a file of no format the page imports is refused in French', async () => {
  await page.locator('#open-file').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  const status = page.locator('#status', { hasText: /photo\.png/ });
  await status.waitFor();
  assert.match(
    await status.textContent(),
    /^Impossible d’ouvrir photo\.png : photo\.png n’est pas un fichier que cette page sait importer/,
  );
});
