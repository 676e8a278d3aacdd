// At 320 px (a small phone), every item of every sample bank in www/banks passes axe (WCAG 2.2
// AA), with all its hints opened: a formula wider than the card scrolls in a region the keyboard
// can reach, a choice that is only math has an accessible name, and an opened hint is announced.
// Each item is shown alone (a one-item bank served in place of the sample, all of a bank's items in
// widgets of their own on one page), so none is skipped by the adaptive order. Screenshots of a wide formula and an opened hint go to screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, mkdirSync } from 'node:fs';
import { launch, SCREENSHOT_FOLDER } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { readBank } from '../lib/practice-widget.js';

const BANKS = readdirSync(new URL('../../www/banks/', import.meta.url))
  .filter((name) => name.endsWith('.json'))
  .sort();
const screenshots = SCREENSHOT_FOLDER;

let env;
before(async () => {
  env = await launch();
  mkdirSync(screenshots, { recursive: true });
});
after(async () => {
  await env.close();
});

/** The bank with only `item`, its skills (without prerequisites, so it is never locked). */
function oneItemBank(bank, item) {
  const used = new Set([...item.skills, ...(item.steps ?? []).flatMap((step) => step.skills ?? [])]);
  return {
    ...bank,
    skills: bank.skills.filter((skill) => used.has(skill.id)).map((skill) => ({ ...skill, prerequisites: [] })),
    items: [item],
  };
}

/**
 * A page under www/ whose widgets play `banks/one-item.json`, which the test serves:
 * `served.bank` for the plain address, `served.banks[N]` for `?item=N`.
 */
async function narrowPage() {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 800 } });
  const served = { bank: null, banks: [] };
  await context.route(/\/www\/banks\/one-item\.json/, (route) => {
    const item = new URL(route.request().url()).searchParams.get('item');
    const bank = item === null ? served.bank : served.banks[Number(item)];
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) });
  });
  await context.route(`${env.baseUrl}www/narrow.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Narrow</title>
<link rel="stylesheet" href="site.css"><script type="module" src="../pkg/adaptive-practice.js"></script>
</head><body><main></main></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(`${env.baseUrl}www/narrow.html`);
  return { context, page, served };
}

/**
 * Shows every item of `bank` at once, each in a widget of its own (id `item-N`, a one-item
 * bank), and opens every hint of each one's first part.
 */
async function showEachAlone(page, served, bank) {
  served.banks = bank.items.map((item) => oneItemBank(bank, item));
  const count = bank.items.length;
  await page.evaluate((count) => {
    const widgets = Array.from({ length: count }, (_, index) => {
      const element = document.createElement('adaptive-practice');
      element.id = `item-${index}`;
      element.setAttribute('src', `banks/one-item.json?item=${index}`);
      element.setAttribute('storage-key', `narrow-${index}`);
      return element;
    });
    document.querySelector('main').replaceChildren(...widgets);
  }, count);
  await page.waitForFunction(
    (count) =>
      [...document.querySelectorAll('adaptive-practice')].filter((element) =>
        element.shadowRoot?.querySelector('form.ap-item'),
      ).length === count,
    count,
  );
  // Each widget shows one more hint per click: click every widget's hint button until none is
  // left (at most 10 rounds), letting each round render before the next.
  await page.evaluate(async () => {
    for (let round = 0; round < 10; round += 1) {
      const buttons = [...document.querySelectorAll('adaptive-practice')].flatMap((element) => [
        ...element.shadowRoot.querySelectorAll('.ap-hint-button'),
      ]);
      if (buttons.length === 0) return;
      for (const button of buttons) button.click();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    }
  });
}

for (const file of BANKS) {
  test(`every item of ${file} passes axe at 320 px with its hints open`, async () => {
    const bank = readBank(`www/banks/${file}`);
    const { context, page, served } = await narrowPage();
    await showEachAlone(page, served, bank);
    const found = (await axeViolations(page)).map((violation) =>
      violation.replace(/#item-(\d+)/g, (_, index) => `${bank.items[Number(index)].id}`),
    );
    assert.deepEqual(found, []);
    await context.close();
  });
}

test('an opened hint is announced, and a wide formula scrolls by keyboard', async () => {
  const bank = readBank('www/banks/algebra.json');
  const { context, page, served } = await narrowPage();
  const item = {
    id: 'wide-formula',
    skills: [bank.skills[0].id],
    type: 'numeric',
    prompt:
      'Work out\n\n$$\\frac{1}{2} + \\frac{1}{3} + \\frac{1}{4} + \\frac{1}{5} + \\frac{1}{6} + \\frac{1}{7} + \\frac{1}{8} + \\frac{1}{9} + \\frac{1}{10} + \\frac{1}{11} = x$$\n\nto two decimal places.',
    answer: 2.02,
    tolerance: 0.01,
    hints: ['Put every fraction over one denominator, $2520$, or add them as decimals.'],
  };
  served.bank = oneItemBank(bank, item);
  await page.evaluate(() => {
    const element = document.createElement('adaptive-practice');
    element.setAttribute('src', 'banks/one-item.json?wide');
    document.querySelector('main').replaceChildren(element);
  });
  const widget = page.locator('adaptive-practice');
  await widget.locator('form.ap-item').waitFor();
  const scroller = widget.locator('.ap-math-scroll');
  assert.equal(await scroller.count(), 1, 'the wide formula sits in a scroll area');
  const region = await scroller.evaluate((element) => ({
    tabindex: element.getAttribute('tabindex'),
    role: element.getAttribute('role'),
    label: element.getAttribute('aria-label'),
    wider: element.scrollWidth > element.clientWidth,
  }));
  assert.deepEqual(region, { tabindex: '0', role: 'region', label: 'Wide formula: scroll sideways', wider: true });
  await scroller.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // Keyboard scrolling may be smooth: wait for it to move.
  await scroller.evaluate(
    (element) =>
      new Promise((done, fail) => {
        const started = Date.now();
        const look = () =>
          element.scrollLeft > 0
            ? done()
            : Date.now() - started > 2000
              ? fail(new Error('no scroll'))
              : setTimeout(look, 50);
        look();
      }),
  );
  assert.ok((await scroller.evaluate((element) => element.scrollLeft)) > 0, 'the arrow keys scroll it');
  // Back to the start, once the keyboard's smooth scrolling has ended.
  await page.waitForTimeout(500);
  await scroller.evaluate(async (element) => {
    element.scrollTo({ left: 0, behavior: 'instant' });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  // Scrolled to its start, the formula's first symbol is in view (none is cut off on the left).
  const edges = await scroller.evaluate((element) => ({
    box: Math.round(element.getBoundingClientRect().left),
    formula: Math.round(element.querySelector('math').getBoundingClientRect().left),
  }));
  assert.ok(edges.formula >= edges.box, `the formula starts inside its box: ${JSON.stringify(edges)}`);
  await page.screenshot({ path: new URL('narrow-wide-formula.png', screenshots).pathname });
  await widget.locator('.ap-hint-button').focus();
  await page.keyboard.press('Enter');
  const hint = widget.locator('.ap-hint-entry').first();
  await hint.waitFor();
  // Announced: the opened hint takes focus (its text is what a screen reader reads next).
  const focused = await page.evaluate(
    () => document.querySelector('adaptive-practice').shadowRoot.activeElement?.className ?? '',
  );
  assert.match(focused, /ap-hint-entry/);
  assert.match(await hint.textContent(), /one denominator/);
  await page.screenshot({ path: new URL('narrow-opened-hint.png', screenshots).pathname });
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
