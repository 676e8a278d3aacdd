// axe-core finds no WCAG 2.2 AA violation in any state a learner meets: every item type, the
// feedback after an answer, an opened hint, the error state and the progress list; in light and
// dark, at 320 px and 1280 px (lib/axe.js `axeSweeps`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { axeSweeps, axeViolations } from '../lib/axe.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

for (const { colorScheme, width } of axeSweeps([320, 1280])) {
  test(`no axe violations, ${colorScheme}, ${width} px`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(env.baseUrl + 'www/item-types.html');
    const bank = readBank('www/banks/item-types.json');
    const widget = new PracticeWidget(page, 'adaptive-practice', bank);
    await widget.waitForItem();
    const found = [];
    const seen = new Set();
    // Until every item was shown, within 80 rounds. Each item is answered wrong the first time
    // (the feedback of a wrong answer is a state to check) and right after, so the learner moves on.
    for (let round = 0; round < 80 && seen.size < bank.items.length; round += 1) {
      const item = await widget.currentItem();
      const state = `${item.id} (${await widget.part('form.ap-item').getAttribute('data-item-type')})`;
      if (await widget.part('.ap-hint-button').count()) {
        await widget.part('.ap-hint-button').click();
      }
      for (const violation of await axeViolations(page)) found.push(`${state}: ${violation}`);
      await widget.part('form.ap-item input, form.ap-item select, form.ap-item button').first().focus();
      await widget.answerByKeyboard(seen.has(item.id));
      for (const violation of await axeViolations(page)) found.push(`${state} answered: ${violation}`);
      seen.add(item.id);
      await widget.nextByKeyboard();
    }
    // The claim is "every item type": the loop must have shown each one, or the test says so.
    const typesInBank = new Set(bank.items.map((item) => item.type));
    const typesSeen = new Set(bank.items.filter((item) => seen.has(item.id)).map((item) => item.type));
    assert.deepEqual([...typesSeen].sort(), [...typesInBank].sort(), 'every item type was checked');
    assert.equal(typesInBank.size, 9, 'the item-types bank holds the nine types');
    await page.goto(env.baseUrl + 'www/broken-banks.html');
    await page.locator('#unknown-skill .ap-error').waitFor();
    await page.locator('#missing .ap-error').waitFor();
    for (const violation of await axeViolations(page, 'body')) found.push(`error state: ${violation}`);
    assert.deepEqual(found, []);
    await context.close();
  });
}
