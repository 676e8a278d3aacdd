// The demo as a newcomer meets it: the links of the front page, and for each linked page what
// "working" means (every widget shows an item, or the page's own main content), checked in a
// real browser. Shared by the front-page tests (links, axe, screenshots).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs what `make demo` runs besides building and serving (`make demo-content`), then checks that
 * its output is there: a page of the demo that needs it must not be tested without it.
 */
export function makeDemoContent() {
  execFileSync('make', ['-s', 'demo-content'], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const bank = `${repositoryRoot}www/generated/oatutor/oatutor.json`;
  if (!existsSync(bank)) {
    throw new Error(
      `make demo-content did not write ${bank}: is the OATutor sample at ../shared/samples/oatutor (or OATUTOR_SAMPLE)?`,
    );
  }
}

/** The front page's links, as paths relative to the server root (in page order, no duplicates). */
export async function frontPageLinks(page, baseUrl) {
  await page.goto(baseUrl + 'index.html');
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.href));
  const paths = hrefs.filter((href) => href.startsWith(baseUrl)).map((href) => href.slice(baseUrl.length));
  return [...new Set(paths)];
}

/** The pages shown inside frames of the demo, which a reader also sees (and axe must check). */
export const framedPages = ['index.html?bank=www/banks/fractions.json', 'www/scorm/package/index.html'];

/** Pages whose widgets are meant to fail (each selector shows an error card; the rest, items). */
const expectedErrors = {
  'www/broken-banks.html': ['#invalid-json', '#unknown-skill', '#missing'],
};

/** Requests that are meant to fail, by page. */
const expectedFailedRequests = {
  'www/broken-banks.html': [/\/banks\/broken\/no-such-bank\.json$/],
};

/** Pages that are not a practice: what shows that they work. */
const mainContent = {
  'www/teacher.html': async (page) => {
    await page.locator('h1', { hasText: 'Class overview' }).waitFor();
    await page.locator('#bank-status', { hasText: /skills, \d+ items/ }).waitFor();
    const failed = await page.locator('#bank-status.error').count();
    if (failed) throw new Error(`teacher page: ${await page.locator('#bank-status').textContent()}`);
  },
};

/** Waits until every widget of the page (or frame) shows an item or, where meant, an error card. */
async function widgetsReady(scope, path) {
  const errorHosts = expectedErrors[path] ?? [];
  for (const host of errorHosts) await scope.locator(`${host} .ap-error`).waitFor();
  const hosts = await scope.locator('adaptive-practice').count();
  // A page with no element mounts through the JS API (www/api.html): one widget at least.
  const wanted = Math.max(1, hosts - errorHosts.length);
  await scope
    .locator('form.ap-item')
    .nth(wanted - 1)
    .waitFor();
  const items = await scope.locator('form.ap-item').count();
  const errors = await scope.locator('.ap-error').count();
  const problems = [];
  if (items < wanted) problems.push(`${items} items for ${wanted} widgets`);
  if (errors !== errorHosts.length) problems.push(`${errors} error cards, ${errorHosts.length} expected`);
  return problems;
}

/**
 * Opens one page of the demo and waits until it works. Returns the problems found: failed
 * requests, script errors, missing items, unexpected error cards. Frames are checked too.
 */
export async function openDemoPage(page, baseUrl, path) {
  // Requests the previous page still had in flight (a retried missing bank) end, aborted, before
  // this page's listeners start: each page answers for its own requests only.
  await page.goto('about:blank');
  const problems = [];
  const allowed = expectedFailedRequests[path] ?? [];
  const onResponse = (response) => {
    if (response.status() >= 400 && !allowed.some((pattern) => pattern.test(response.url()))) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  };
  const onError = (error) => problems.push(`script error: ${error.message}`);
  const onFailed = (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  page.on('response', onResponse);
  page.on('pageerror', onError);
  page.on('requestfailed', onFailed);
  try {
    const response = await page.goto(baseUrl + path);
    if (!response?.ok()) problems.push(`HTTP ${response?.status()} for the page itself`);
    if (mainContent[path]) {
      await mainContent[path](page);
    } else if ((await page.locator('iframe').count()) > 0) {
      for (const frame of await page.locator('iframe').all()) {
        const inner = frame.contentFrame();
        problems.push(...(await widgetsReady(inner, path)).map((problem) => `in a frame: ${problem}`));
      }
    } else {
      problems.push(...(await widgetsReady(page, path)));
    }
  } catch (error) {
    problems.push(`did not become ready: ${error.message.split('\n')[0]}`);
  } finally {
    page.off('response', onResponse);
    page.off('pageerror', onError);
    page.off('requestfailed', onFailed);
  }
  return problems;
}
