// Start-up order: the bank downloads while the wasm module loads, the first item comes before the
// progress list, and the list then follows, complete and accessible. (How fast: `make bench`.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

const BANK = 'www/banks/fractions.json';

/** Serves a page at `path` under the test server: the package's element and `body`. */
async function servePage(page, path, body) {
  await page.route(`${env.baseUrl}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><title>start-up</title>\n${body}`,
    }),
  );
}

test('the bank is requested while the wasm module is still loading, and only once', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const bankRequests = [];
  let bankRequested;
  const bankSeen = new Promise((resolve) => {
    bankRequested = resolve;
  });
  page.on('request', (request) => {
    if (request.url().endsWith(BANK)) {
      bankRequests.push(request.url());
      bankRequested();
    }
  });
  // The wasm file is held back until the bank has been asked for (at most 10 s): a widget that
  // fetched its bank only once the module was ready would wait the whole 10 s and fail below.
  let heldUntilBank = null;
  await page.route('**/adaptive_practice_bg.wasm', async (route) => {
    const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 10_000));
    heldUntilBank = await Promise.race([bankSeen.then(() => true), timeout]);
    await route.continue();
  });
  await servePage(
    page,
    'start-up-element.html',
    `<script type="module" src="/pkg/adaptive-practice.js"></script>
     <adaptive-practice id="prefetching" src="/${BANK}" storage-key="start-up"></adaptive-practice>`,
  );
  await page.goto(`${env.baseUrl}start-up-element.html`);
  const widget = new PracticeWidget(page, '#prefetching', readBank(BANK));
  await widget.waitForItem();
  assert.equal(heldUntilBank, true, 'the bank was requested before the wasm file was served');
  assert.equal(bankRequests.length, 1, `one request for the bank: ${bankRequests}`);
  await context.close();
});

test('the first item is in place before the progress list, which then lists every skill', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await servePage(page, 'start-up-mount.html', '');
  await page.goto(`${env.baseUrl}start-up-mount.html`);
  const order = await page.evaluate(async (src) => {
    const host = document.createElement('div');
    host.id = 'ordered';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const seen = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (root.querySelector('form.ap-item')) {
          observer.disconnect();
          resolve({
            skillRows: root.querySelectorAll('.ap-skill').length,
            lists: root.querySelectorAll('.ap-skills').length,
          });
        }
      });
      observer.observe(root, { childList: true, subtree: true });
    });
    const { mount } = await import('/pkg/adaptive-practice.js');
    window.startUpHandle = await mount(host, { src, storageKey: 'start-up-order' });
    return seen;
  }, `/${BANK}`);
  assert.deepEqual(order, { skillRows: 0, lists: 0 }, 'the item came first, alone');
  const widget = new PracticeWidget(page, '#ordered', readBank(BANK));
  await widget.waitForItem();
  const bank = readBank(BANK);
  assert.deepEqual(
    await widget.part('.ap-skill-name').allTextContents(),
    bank.skills.map((skill) => skill.name),
  );
  assert.equal(await widget.part('.ap-goal').count(), 1, 'the goal panel follows');
  assert.equal(await widget.part('.ap-data').count(), 1, "the learner's data panel follows");
  assert.deepEqual(await axeViolations(page, '#ordered'), []);
  // `update` downloads the bank again and remounts, here in French.
  await page.evaluate(() => window.startUpHandle.update({ lang: 'fr' }));
  await widget.part('.ap-root[lang="fr"] form.ap-item').waitFor();
  await widget.waitForItem();
  await context.close();
});
