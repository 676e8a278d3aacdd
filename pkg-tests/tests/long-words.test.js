// On a 360 px phone, words longer than the card is wide (an address pasted into a prompt, a
// chemical or a German compound name, a long skill name) break inside the card instead of
// pushing the page sideways: in the prompt, the choices, the matching and ordering rows (whose
// move buttons must stay on screen), the feedback and worked solution, the "why this item" line,
// and the card that says a bank could not be loaded (its address).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';

const ADDRESS = 'https://www.example.org/courses/year-7/chemistry/reading/the-lungs-and-what-dust-does-to-them.html';
const WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
const COMPOUND = 'Donaudampfschifffahrtsgesellschaftskapitänsmütze';

const bank = (item) => ({
  id: `long-words-${item.id}`,
  version: '1',
  title: 'Long words',
  language: 'en',
  skills: [{ id: 'lungs', name: `${WORD}-and-its-neighbours` }],
  items: [{ skills: ['lungs'], ...item }],
});

const ITEMS = [
  {
    id: 'typed',
    type: 'shortText',
    prompt: `Read ${ADDRESS} and name the disease.`,
    answers: [WORD],
    solution: `It is ${WORD}: see ${ADDRESS}.`,
  },
  {
    id: 'choice',
    type: 'singleChoice',
    prompt: 'Pick one.',
    choices: [{ text: COMPOUND }, { text: 'short' }],
    answer: 1,
  },
  {
    id: 'matching',
    type: 'matching',
    prompt: 'Match.',
    pairs: [
      { left: COMPOUND, right: 'a cap' },
      { left: 'a boat', right: 'Rechtsschutzversicherungsgesellschaften' },
    ],
  },
  { id: 'ordering', type: 'ordering', prompt: 'Order them.', items: [COMPOUND, 'b', WORD] },
];

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** A phone-sized page whose widget plays `served.bank` (or gets a 404 for `missing`). */
async function phonePage() {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
  const served = { bank: null };
  await context.route(/\/www\/banks\/long-words\.json/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(served.bank) }),
  );
  await context.route(`${env.baseUrl}www/long-words.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Long words</title>
<link rel="stylesheet" href="site.css"><script type="module" src="../pkg/adaptive-practice.js"></script>
</head><body><main></main></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(`${env.baseUrl}www/long-words.html`);
  return { context, page, served };
}

async function show(page, src) {
  await page.evaluate((address) => {
    const element = document.createElement('adaptive-practice');
    element.setAttribute('src', address);
    document.querySelector('main').replaceChildren(element);
  }, src);
}

/**
 * Every piece of text and every control inside the widget that reaches past its card's right
 * edge (text by its own line boxes, which an element's box does not show), as short strings.
 */
function outsideTheCard(page) {
  return page.evaluate(() => {
    const root = document.querySelector('adaptive-practice').shadowRoot;
    const card = root.querySelector('.ap-card').getBoundingClientRect();
    const limit = Math.min(card.right, window.innerWidth) + 0.5;
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest('style, .ap-math-scroll')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = Math.max(...[...range.getClientRects()].map((rect) => rect.right));
      if (right > limit) found.push(`text “${node.textContent.trim().slice(0, 30)}” to ${Math.round(right)} px`);
    }
    for (const control of root.querySelectorAll('button, select, input')) {
      const box = control.getBoundingClientRect();
      if (box.width && box.right > limit)
        found.push(`${control.tagName.toLowerCase()} ${control.className} to ${Math.round(box.right)} px`);
    }
    return { found, pageWiderThanScreen: document.documentElement.scrollWidth > window.innerWidth };
  });
}

test('long words and addresses stay inside the card at 360 px, before and after an answer', async () => {
  const { context, page, served } = await phonePage();
  const seen = {};
  for (const item of ITEMS) {
    served.bank = bank(item);
    await show(page, `banks/long-words.json?item=${item.id}`);
    const widget = page.locator('adaptive-practice');
    await widget.locator('form.ap-item').waitFor();
    seen[`${item.id}, shown`] = await outsideTheCard(page);
    if (item.type === 'shortText') {
      await widget.locator('form.ap-item input[type=text]').fill('wrong');
      await widget.locator('.ap-check').click();
      await widget.locator('.ap-next').waitFor();
      await widget.locator('.ap-solution summary').first().click();
      seen[`${item.id}, answered`] = await outsideTheCard(page);
    }
  }
  const expected = Object.fromEntries(Object.keys(seen).map((key) => [key, { found: [], pageWiderThanScreen: false }]));
  assert.deepEqual(seen, expected);
  await context.close();
});

test('a bank address too long for the screen breaks inside the card that says it cannot be loaded', async () => {
  const { context, page } = await phonePage();
  await show(page, `banks/missing/${ADDRESS.replace(/\W/g, '-')}.json`);
  await page.locator('adaptive-practice .ap-error').waitFor();
  assert.deepEqual(await outsideTheCard(page), { found: [], pageWiderThanScreen: false });
  await context.close();
});
