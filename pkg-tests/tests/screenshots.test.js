// Takes the screenshot set a person looks at before calling the UI done: phone and desktop,
// light and dark, a fresh item, feedback after a wrong answer, and a broken bank.
// Written to pkg-tests/screenshots/ (Firefox's to pkg-tests/screenshots/firefox/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, SCREENSHOT_FOLDER } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

const folder = SCREENSHOT_FOLDER;
let env;
before(async () => {
  mkdirSync(folder, { recursive: true });
  env = await launch();
});
after(async () => {
  await env.close();
});

const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
};

for (const [device, viewport] of Object.entries(viewports)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots: ${device}, ${colorScheme}`, async () => {
      const context = await env.browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(env.baseUrl + 'index.html');
      const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
      await widget.waitForItem();
      const shot = async (name) => {
        const path = fileURLToPath(new URL(`${device}-${colorScheme}-${name}.png`, folder));
        await widget.host.screenshot({ path });
        assert.ok(statSync(path).size > 5000, `${name} screenshot has content`);
      };
      await shot('item');
      await widget.tabToAnswer();
      await widget.answerByKeyboard(true);
      await widget.nextByKeyboard();
      await widget.answerByKeyboard(false);
      await shot('feedback');
      await page.goto(env.baseUrl + 'www/broken-banks.html');
      await page.locator('#unknown-skill .ap-error').waitFor();
      await page
        .locator('#unknown-skill')
        .screenshot({ path: fileURLToPath(new URL(`${device}-${colorScheme}-broken-bank.png`, folder)) });
      // A second language: the French science bank (interface in French, figures, audio).
      await page.goto(env.baseUrl + 'www/sciences-fr.html');
      const french = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/sciences-fr.json'));
      await french.waitForItem();
      assert.match(await french.part('.ap-check').textContent(), /Vérifier/);
      await french.host.screenshot({
        path: fileURLToPath(new URL(`${device}-${colorScheme}-french-item.png`, folder)),
      });
      await french.part('.ap-check').click();
      await french.part('.ap-unreadable').waitFor();
      await french.host.screenshot({
        path: fileURLToPath(new URL(`${device}-${colorScheme}-french-unreadable.png`, folder)),
      });
      // Right to left: the same bank with the interface in Arabic (lang attribute of the page's choice).
      await page.evaluate(() => {
        const widget = document.querySelector('adaptive-practice');
        widget.setAttribute('lang', 'ar');
        widget.setAttribute('src', 'banks/fractions.json');
      });
      await page.waitForFunction(() => {
        const root = document.querySelector('adaptive-practice').shadowRoot;
        return (
          root.querySelector('.ap-root[dir="rtl"] form.ap-item') &&
          root.querySelector('.ap-title')?.textContent === 'Fractions'
        );
      });
      await page
        .locator('adaptive-practice')
        .screenshot({ path: fileURLToPath(new URL(`${device}-${colorScheme}-arabic-item.png`, folder)) });
      await context.close();
    });
  }
}
