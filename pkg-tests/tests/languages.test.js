// The interface speaks the language of the element's `lang` attribute: Spanish and Portuguese
// (Brazil) widgets show their own words and plural forms, and a region subtag finds its language
// (`es-MX` is Spanish, `pt` is Portuguese (Brazil)); a page served where a language file should be
// leaves the widget in English with a warning in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, SCREENSHOT_FOLDER } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

const screenshots = SCREENSHOT_FOLDER;
let env;
before(async () => {
  mkdirSync(screenshots, { recursive: true });
  env = await launch();
});
after(async () => {
  await env.close();
});

/** A page of the demo's site with one English bank and the element's `lang`, from a test route. */
async function widgetIn(context, lang) {
  const page = await context.newPage();
  await page.route('**/www/language.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${lang}</title>
<script type="module" src="../pkg/adaptive-practice.js"></script></head>
<body><main><adaptive-practice lang="${lang}" src="banks/fractions.json"></adaptive-practice></main></body></html>`,
    }),
  );
  await page.goto(`${env.baseUrl}www/language.html`);
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  return widget;
}

const languages = [
  {
    lang: 'es-MX',
    shown: 'es',
    check: 'Comprobar',
    scores: ['0 respondidas · 0 correctas', '1 respondida · 1 correcta', '2 respondidas · 1 correcta'],
    correct: /^¡Correcto!/,
  },
  {
    lang: 'pt-BR',
    shown: 'pt-BR',
    check: 'Verificar',
    scores: ['0 respondidas · 0 corretas', '1 respondida · 1 correta', '2 respondidas · 1 correta'],
    correct: /^Correto!/,
  },
  {
    lang: 'pt',
    shown: 'pt-BR',
    check: 'Verificar',
    scores: ['0 respondidas · 0 corretas', '1 respondida · 1 correta', '2 respondidas · 1 correta'],
    correct: /^Correto!/,
  },
];

for (const { lang, shown, check, scores, correct } of languages) {
  test(`lang="${lang}": the interface in ${shown}, with its plural forms`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
    const widget = await widgetIn(context, lang);
    assert.equal(await widget.part('.ap-root').getAttribute('lang'), shown);
    assert.equal((await widget.part('.ap-check').textContent()).trim(), check);
    assert.equal(await widget.score(), scores[0]);
    await widget.tabToAnswer();
    await widget.answerByKeyboard(true);
    assert.match(await widget.feedback(), correct);
    assert.equal(await widget.score(), scores[1], 'one answer: the singular form');
    await widget.nextByKeyboard();
    await widget.answerByKeyboard(false);
    assert.equal(await widget.score(), scores[2], 'two answers: the plural form');
    await widget.host.screenshot({ path: fileURLToPath(new URL(`language-${lang}.png`, screenshots)) });
    await context.close();
  });
}

test('a page where the language file should be (a single-page-app fallback): English, and a warning', async () => {
  const context = await env.browser.newContext();
  const warnings = [];
  context.on('page', (page) =>
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    }),
  );
  // What Vite's dev server answers for a file it does not have: the app's index.html, status 200.
  await context.route('**/pkg/i18n/fr.json', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body><div id="app"></div></body></html>' }),
  );
  const widget = await widgetIn(context, 'fr');
  assert.equal((await widget.part('.ap-check').textContent()).trim(), 'Check');
  const warning = warnings.find((text) => text.includes('i18n/fr.json'));
  assert.ok(warning, `a warning names the file: ${JSON.stringify(warnings)}`);
  assert.match(
    warning,
    new RegExp(`^adaptive-practice: ${env.baseUrl}pkg/i18n/fr\\.json is a page, not a language file`),
  );
  assert.match(warning, /index\.html/);
  assert.match(warning, /i18n\/ folder beside/);
  await context.close();
});

test("a hint's smaller question reads numbers as the bank's language writes them (8,500 in French)", async () => {
  const bank = {
    id: 'scaffold-fr',
    version: '1',
    title: 'Équations',
    language: 'fr',
    skills: [{ id: 'a', name: 'Équations' }],
    items: [
      {
        id: 'x',
        skills: ['a'],
        type: 'numeric',
        prompt: 'Résoudre $2x = 17$. Que vaut $x$ ?',
        answer: 8.5,
        hints: [{ text: "D'abord :", scaffold: { prompt: 'Que vaut $17 / 2$ ?', type: 'numeric', answer: 8.5 } }],
      },
    ],
  };
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/www/scaffold-fr.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }),
  );
  await page.route('**/www/scaffold-fr.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>fr</title>
<script type="module" src="../pkg/adaptive-practice.js"></script></head>
<body><main><adaptive-practice src="scaffold-fr.json"></adaptive-practice></main></body></html>`,
    }),
  );
  await page.goto(`${env.baseUrl}www/scaffold-fr.html`);
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  await widget.part('.ap-hint-button').click();
  const scaffold = widget.part('.ap-scaffold');
  const said = scaffold.locator('.ap-scaffold-feedback');
  // 8,500 is 8500 read as English; in a French bank it is 8,5. (A scaffold is checked once.)
  await scaffold.locator('input').fill('8,500');
  await scaffold.locator('button').click();
  await said.filter({ hasNotText: /^$/ }).waitFor();
  assert.match((await said.textContent()).trim(), /^Bravo/);
  await context.close();
});
