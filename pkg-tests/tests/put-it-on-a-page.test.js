// README's "Put it on a page", followed literally: its shell steps are run (with the reader's
// site folder as a fresh temporary folder), its page is written exactly as printed, the folder is
// served on its own, and an item shows. Then what goes wrong is visible: without the script the
// element's fallback content shows; without the wasm file the element says which file failed.
// The front page shows the same snippet as the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../lib/browser.js';
import { repositoryRoot } from '../lib/demo-pages.js';
import { startServer } from '../../scripts/serve.mjs';
import { temporaryFolder } from '../lib/temporary-folder.js';

const SITE_PLACEHOLDER = 'path/to/your-site';

/** README's "Put it on a page" section: its shell steps, the page's file name and its HTML. */
function readmeRecipe() {
  const readme = readFileSync(`${repositoryRoot}README.md`, 'utf8');
  const start = readme.indexOf('\n## Put it on a page\n');
  assert.ok(start >= 0, 'README has a "Put it on a page" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const block = (language) => {
    const match = section.match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'));
    assert.ok(match, `the section has a \`\`\`${language} block`);
    return match[1];
  };
  const steps = block('sh')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const pageName = section.match(new RegExp('write `' + SITE_PLACEHOLDER + '/([^`]+)`'));
  assert.ok(pageName, `the section says which file to write under ${SITE_PLACEHOLDER}`);
  return { steps, pageName: pageName[1], html: block('html') };
}

/** Does what the README says into a new temporary folder; returns the folder. */
function makeSiteAsReadmeSays() {
  const { steps, pageName, html } = readmeRecipe();
  const site = temporaryFolder('your-site-');
  for (const step of steps) {
    assert.ok(step.includes(SITE_PLACEHOLDER), `a step that writes into the site: ${step}`);
    execFileSync('bash', ['-euc', step.split(SITE_PLACEHOLDER).join(site)], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  writeFileSync(join(site, pageName), html);
  return { site, pageName, html };
}

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Serves `site` alone and opens its page; returns { page, errors, close }. */
async function openSite(site, pageName) {
  const { server, url } = await startServer(0, '127.0.0.1', { root: site });
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url + pageName);
  return {
    page,
    errors,
    async close() {
      await context.close();
      await new Promise((done) => server.close(done));
    },
  };
}

test('README: the page written as it says, in a folder made as it says, shows an item', async () => {
  const { site, pageName } = makeSiteAsReadmeSays();
  const { page, errors, close } = await openSite(site, pageName);
  await page.locator('adaptive-practice form.ap-item').waitFor();
  assert.ok(await page.locator('adaptive-practice .ap-prompt').isVisible());
  assert.equal(
    await page.locator('adaptive-practice > p').isVisible(),
    false,
    'the fallback hides once the widget runs',
  );
  assert.deepEqual(errors, []);
  await close();
});

test("README: without the script, the element's fallback says what did not load", async () => {
  const { site, pageName, html } = makeSiteAsReadmeSays();
  const script = html.match(/<script type="module" src="([^"]+)"/)[1];
  rmSync(join(site, script));
  const fallback = html.match(/<adaptive-practice[^>]*>\s*<p>([\s\S]*?)<\/p>/);
  assert.ok(fallback, "the README's element has a fallback paragraph");
  assert.ok(fallback[1].includes(script), 'the fallback names the script');
  const { page, close } = await openSite(site, pageName);
  const message = page.locator('adaptive-practice > p');
  await message.waitFor();
  assert.ok(await message.isVisible(), 'the fallback is shown');
  assert.equal((await message.textContent()).trim(), fallback[1].trim());
  await close();
});

test('README: without the wasm file, the element says which file failed and fires its error event', async () => {
  const { site, pageName, html } = makeSiteAsReadmeSays();
  const folder = html.match(/<script type="module" src="([^"]+)\/[^/"]+"/)[1];
  rmSync(join(site, folder, 'adaptive_practice_bg.wasm'));
  const { page, close } = await openSite(site, pageName);
  const message = page.locator('adaptive-practice [role="alert"]');
  await message.waitFor();
  const text = await message.textContent();
  assert.match(text, /could not start/);
  assert.match(text, /adaptive_practice_bg\.wasm/);
  assert.match(text, /application\/wasm/);
  assert.ok(await message.isVisible());
  // The same failure reaches the page as an event, for a host that reports errors.
  const detail = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const widget = document.createElement('adaptive-practice');
        widget.setAttribute('src', 'fractions.json');
        widget.addEventListener('adaptive-practice:error', (event) => resolve(event.detail?.message ?? ''));
        document.body.append(widget);
      }),
  );
  assert.match(detail, /adaptive_practice_bg\.wasm/);
  await close();
});

test("the front page shows the README's snippet", async () => {
  const { html } = readmeRecipe();
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.baseUrl + 'index.html');
  const shown = await page
    .locator('#embed ~ pre code, section[aria-labelledby="embed"] pre code')
    .first()
    .textContent();
  // The lines that matter to the host: the script and the element with its fallback.
  const start = html.indexOf('<script type="module"');
  const snippet = html.slice(start, html.indexOf('</adaptive-practice>') + '</adaptive-practice>'.length);
  assert.equal(shown.trim(), snippet.trim());
  await context.close();
});
