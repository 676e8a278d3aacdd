// A fill-the-gaps prompt is Markdown with LaTeX like every other prompt: bold, a formula and a
// picture are shown as such around the gaps (not as their source), and a blank line starts a new
// line. Importers write such prompts (QTI entries in running text, Moodle cloze, GIFT). On a phone
// a long word typed in a gap is seen whole: the gap grows with it (where the browser can size a
// field to its content), up to the card's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SCREENSHOT_FOLDER } from '../lib/browser.js';
import { openWidgetAlone } from '../lib/practice-widget.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

// A 1×1 PNG, served beside the bank.
const dot = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const bank = {
  id: 'gap-prompts',
  version: '1',
  title: 'Gaps in rich prompts',
  language: 'en',
  skills: [{ id: 's', name: 'Fractions', prerequisites: [] }],
  items: [
    {
      id: 'half',
      skills: ['s'],
      type: 'fillBlanks',
      prompt:
        '![A disc, half shaded](media/dot.png)\n\nThe **shaded** part is $\\frac{1}{2}$ of the disc: [[1]] of [[2]] equal parts.',
      blanks: [{ answers: ['1', 'one'] }, { answers: ['2', 'two'] }],
    },
  ],
};

test('a fill-the-gaps prompt shows its Markdown and LaTeX around the gaps', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await context.route(/gap-prompts\.json$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }),
  );
  await context.route(/media\/dot\.png$/, (route) => route.fulfill({ contentType: 'image/png', body: dot }));
  const widget = await openWidgetAlone(page, env.baseUrl, 'gaps', '../pkg-tests/fixtures/gap-prompts.json');
  const prompt = widget.locator('.ap-gaps');
  await prompt.waitFor();
  assert.equal(await prompt.locator('input.ap-gap').count(), 2);
  assert.equal((await prompt.locator('strong').textContent()).trim(), 'shaded');
  assert.equal(await prompt.locator('math').count(), 1, 'the formula as MathML');
  assert.equal(await prompt.locator('img').getAttribute('alt'), 'A disc, half shaded');
  assert.equal(await prompt.locator('div.ap-rich img').count(), 1, 'the picture is a paragraph of its own');
  const text = await prompt.textContent();
  for (const source of ['**', '$', '![', '\\frac', '[[']) {
    assert.ok(!text.includes(source), `no “${source}” shown: ${text}`);
  }
  // The gaps still work: both filled, the answer is right.
  await prompt.locator('input.ap-gap').nth(0).fill('one');
  await prompt.locator('input.ap-gap').nth(1).fill('2');
  await page.locator('#gaps .ap-check').click();
  await page.locator('#gaps .ap-next').waitFor();
  assert.match((await page.locator('#gaps .ap-feedback').textContent()).trim(), /^Correct!/);
  await page.screenshot({ path: new URL('gap-prompts.png', SCREENSHOT_FOLDER).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, a long word typed in a gap is seen whole, and the gap stays within the card', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await context.route(/gap-prompts\.json$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }),
  );
  await context.route(/media\/dot\.png$/, (route) => route.fulfill({ contentType: 'image/png', body: dot }));
  const widget = await openWidgetAlone(page, env.baseUrl, 'gaps', '../pkg-tests/fixtures/gap-prompts.json');
  const gaps = widget.locator('input.ap-gap');
  await gaps.first().waitFor();
  await gaps.nth(0).fill('denominators');
  await gaps.nth(1).fill('a very long answer that cannot fit in any gap on a phone');
  const sizes = await gaps.evaluateAll((inputs) =>
    inputs.map((input) => {
      const card = input.closest('.ap-card').getBoundingClientRect();
      const box = input.getBoundingClientRect();
      return { fits: input.scrollWidth <= input.clientWidth, inCard: box.right <= card.right + 0.5 };
    }),
  );
  const sized = await page.evaluate(() => CSS.supports('field-sizing: content'));
  // Where the browser cannot size a field to its content, the gap keeps its fixed width (and its
  // text scrolls inside it): the word is then not seen whole, and this says which browser.
  assert.deepEqual(
    sizes,
    [
      { fits: sized, inCard: true },
      { fits: false, inCard: true },
    ],
    `field-sizing: content ${sized ? '' : 'not '}supported`,
  );
  await context.close();
});
