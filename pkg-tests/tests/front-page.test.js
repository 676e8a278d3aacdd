// The front page and every demo page it links to, as a newcomer opens them after `make demo`:
// each link opens a working page (an item in every widget, or the page's own content; error
// cards only on the broken-banks demo), axe finds no WCAG 2.2 AA violation on any of them (light
// and dark, 360 and 1280 px: lib/axe.js `axeSweeps`), the skill map fits a phone or scrolls by
// keyboard, and the front page's screenshots at 360 px are taken for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROWSER, launch, SCREENSHOT_FOLDER } from '../lib/browser.js';
import { axeSweeps, axeViolations } from '../lib/axe.js';
import { framedPages, frontPageLinks, makeDemoContent, openDemoPage, repositoryRoot } from '../lib/demo-pages.js';
import { holdSharedOutput } from '../lib/shared-output.js';

let env;
let links;
let releaseOatutor;
before(async () => {
  // The demo's OATutor bank is rewritten here, then loaded: the other browser's run waits.
  releaseOatutor = await holdSharedOutput('oatutor');
  makeDemoContent();
  env = await launch();
  const context = await env.browser.newContext();
  links = await frontPageLinks(await context.newPage(), env.baseUrl);
  await context.close();
});
after(async () => {
  await env?.close();
  releaseOatutor?.();
});

test('the front page links to every demo page', () => {
  // The list itself is the front page's; this only guards against it losing its links.
  assert.ok(links.length >= 12, `only ${links.length} links: ${links.join(', ')}`);
  assert.ok(links.includes('www/oatutor.html'));
  assert.ok(links.includes('www/broken-banks.html'));
});

for (const { colorScheme, width } of axeSweeps([360, 1280])) {
  test(`every page opens cleanly and has no axe violations: the front page and its demo pages, ${colorScheme}, ${width} px`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, colorScheme });
    const page = await context.newPage();
    const found = [];
    for (const path of ['index.html', ...links, ...framedPages]) {
      const problems = await openDemoPage(page, env.baseUrl, path);
      for (const problem of problems) found.push(`${path}: ${problem}`);
      if (problems.length) continue;
      for (const violation of await axeViolations(page, 'html')) found.push(`${path}: ${violation}`);
    }
    assert.deepEqual(found, []);
    await context.close();
  });
}

/** Where the skill map's drawings and scroller are, and whether they fit (inside the shadow root). */
async function skillMapGeometry(page, selector = 'adaptive-practice') {
  return page.locator(selector).evaluate((host) => {
    const root = host.shadowRoot;
    const scroller = root.querySelector('.ap-map-scroll');
    const card = root.querySelector('.ap-card').getBoundingClientRect();
    const shown = [...scroller.querySelectorAll('svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
    const drawing = shown[0]?.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const labels = [...(shown[0]?.querySelectorAll('text') ?? [])].map((text) => text.getBoundingClientRect());
    const labelsOutsideBoxes = [...(shown[0]?.querySelectorAll('.ap-map-node') ?? [])]
      .filter((node) => {
        const frame = node.querySelector('rect').getBoundingClientRect();
        const label = node.querySelector('text').getBoundingClientRect();
        return (
          label.left < frame.left + 2 ||
          label.right > frame.right - 2 ||
          label.top < frame.top ||
          label.bottom > frame.bottom
        );
      })
      .map((node) => node.textContent);
    return {
      shown: shown.map((svg) => svg.classList[1]),
      overflows: scroller.scrollWidth > scroller.clientWidth + 1,
      blankBelow: Math.round(box.bottom - (drawing?.bottom ?? box.top)),
      labelsOutsideBoxes,
      labelsOutsideCard: labels.filter((label) => label.left < card.left || label.right > card.right).length,
      labelsOutsideScroller: labels.filter((label) => label.left < box.left - 1 || label.right > box.right + 1).length,
      tabIndex: scroller.tabIndex,
      role: scroller.getAttribute('role'),
      name: root.getElementById(scroller.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
    };
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`the skill map fits a phone with no blank band, ${colorScheme}`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme });
    const page = await context.newPage();
    await page.goto(env.baseUrl + 'index.html');
    await page.locator('adaptive-practice form.ap-item').waitFor();
    const phone = await skillMapGeometry(page);
    assert.deepEqual(phone.shown, ['ap-map-narrow']);
    assert.equal(phone.overflows, false, 'the narrow map fits the card');
    assert.equal(phone.labelsOutsideCard, 0);
    assert.deepEqual(phone.labelsOutsideBoxes, []);
    assert.ok(phone.blankBelow <= 8, `${phone.blankBelow} px blank under the map`);
    assert.equal(phone.tabIndex, 0);
    assert.equal(phone.role, 'region');
    assert.equal(phone.name, 'Your progress');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() => {
      const svg = document.querySelector('adaptive-practice').shadowRoot.querySelector('.ap-map-wide');
      return getComputedStyle(svg).display !== 'none';
    });
    const desktop = await skillMapGeometry(page);
    assert.deepEqual(desktop.shown, ['ap-map-wide']);
    assert.deepEqual(desktop.labelsOutsideBoxes, []);
    assert.equal(desktop.overflows, false);
    assert.ok(desktop.blankBelow <= 8, `${desktop.blankBelow} px blank under the map`);
    await context.close();
  });
}

test('a map too deep for a phone scrolls sideways by keyboard', async () => {
  // Eight skills in a chain: eight columns wide, eight indents deep, wider than a 320 px phone.
  const skills = Array.from({ length: 8 }, (_, index) => ({
    id: `s${index}`,
    name: `Step number ${index + 1} of a long chain`,
    prerequisites: index ? [`s${index - 1}`] : [],
  }));
  const items = skills.map((skill) => ({
    id: `i-${skill.id}`,
    skills: [skill.id],
    type: 'numeric',
    prompt: '1 + 1 = ?',
    answer: 2,
  }));
  const bank = { id: 'deep-chain', version: '1.0.0', title: 'Deep chain', language: 'en', skills, items };
  const context = await env.browser.newContext({ viewport: { width: 320, height: 740 } });
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'www/item-types.html');
  await page.evaluate((json) => {
    const widget = document.createElement('adaptive-practice');
    widget.id = 'deep';
    const inline = document.createElement('script');
    inline.type = 'application/json';
    inline.textContent = json;
    widget.append(inline);
    document.body.replaceChildren(widget);
  }, JSON.stringify(bank));
  await page.locator('#deep form.ap-item').waitFor();
  const geometry = await skillMapGeometry(page, '#deep');
  assert.deepEqual(geometry.shown, ['ap-map-narrow']);
  assert.equal(geometry.overflows, true, 'this map is wider than the phone');
  assert.ok(geometry.blankBelow <= 24, `${geometry.blankBelow} px blank under the map (a scroll bar at most)`);
  const scroller = page.locator('#deep .ap-map-scroll');
  await scroller.focus();
  const before = await scroller.evaluate((element) => element.scrollLeft);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await page.waitForFunction(
    () => document.querySelector('#deep').shadowRoot.querySelector('.ap-map-scroll').scrollLeft > 0,
  );
  const afterKeys = await scroller.evaluate((element) => element.scrollLeft);
  assert.ok(afterKeys > before, `scrollLeft ${before} -> ${afterKeys}`);
  await context.close();
});

test('screenshots of the front page on a phone, light and dark', async () => {
  // Written to pkg-tests/screenshots/ (Firefox's to its firefox/ folder); with
  // UPDATE_DOCS_SCREENSHOTS=1, Chromium's also to docs/screenshots/ (the copies the repository keeps).
  const folders = [fileURLToPath(SCREENSHOT_FOLDER)];
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1' && BROWSER === 'chromium') {
    folders.push(`${repositoryRoot}docs/screenshots/`);
  }
  for (const colorScheme of ['light', 'dark']) {
    const context = await env.browser.newContext({
      viewport: { width: 360, height: 740 },
      colorScheme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(env.baseUrl + 'index.html');
    await page.locator('adaptive-practice form.ap-item').waitFor();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.equal(pageWidth, 360, 'nothing makes the front page wider than the phone');
    for (const folder of folders) {
      mkdirSync(folder, { recursive: true });
      const path = `${folder}front-page-phone-${colorScheme}.png`;
      await page.screenshot({ path, fullPage: true });
      assert.ok(statSync(path).size > 20000, `${path} has content`);
    }
    await context.close();
  }
});
