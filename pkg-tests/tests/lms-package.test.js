// The README's LMS recipe, run as written: its shell block builds the SCORM zip from www/scorm/
// and pkg/; the zip is unpacked the way an LMS does and played in a frame under a SCORM runtime
// (scorm-again), 2004 and 1.2, where answering an item reaches the runtime's score. The authoring
// page's "Download as a web page" zip goes the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorPageWith, downloadPagePackage } from '../lib/author-page.js';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let env;
let work;
let unpacked;
before(async () => {
  work = temporaryFolder('ap-lms-');
  unpacked = buildPackageAsTheReadmeSays(work);
  env = await launch();
});
after(async () => {
  await env.close();
});

/** The README's `mkdir -p scorm-fractions` … `zip` block, run in a copy of what it reads. */
function buildPackageAsTheReadmeSays(folder) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.match(/```sh\n((?:[ \t]*)mkdir -p scorm-fractions\n[\s\S]*?)```/);
  assert.ok(block, 'README.md has the SCORM zip recipe');
  const indent = block[1].match(/^[ \t]*/)[0];
  const script = block[1]
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
  const repo = join(folder, 'repo');
  for (const path of ['pkg', 'www/scorm/package/imsmanifest.xml', 'www/banks/fractions.json']) {
    cpSync(join(root, path), join(repo, path), { recursive: true });
  }
  execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: repo, stdio: 'pipe' });
  const zip = join(repo, 'fractions-scorm.zip');
  const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n');
  for (const file of [
    'imsmanifest.xml',
    'index.html',
    'fractions.json',
    'adaptive-practice/adaptive_practice_bg.wasm',
  ]) {
    assert.ok(listing.includes(file), `the zip has ${file} at its root`);
  }
  const target = join(folder, 'lms');
  mkdirSync(target);
  execFileSync('unzip', ['-q', zip, '-d', target]);
  return target;
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * A page of the test server that plays the LMS: a scorm-again runtime, and the unpacked zip in a
 * frame on the same origin. `wasmType` is the Content-Type the LMS gives the wasm file; `folder`
 * is where the zip was unpacked (the README's by default).
 */
async function lmsPage(version, wasmType = 'application/wasm', folder = unpacked) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await context.route('**/lms-test/package/**', (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname).split('/lms-test/package/')[1];
    const type = extname(path) === '.wasm' ? wasmType : types[extname(path)];
    return route.fulfill({ contentType: type ?? 'application/octet-stream', body: readFileSync(join(folder, path)) });
  });
  const runtime =
    version === '2004'
      ? ['scorm2004.min.js', 'window.API_1484_11 = new window.Scorm2004API({ autocommit: false });']
      : ['scorm12.min.js', 'window.API = new window.Scorm12API({ autocommit: false });'];
  await context.route('**/lms-test/course.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<script src="../pkg-tests/node_modules/scorm-again/dist/${runtime[0]}"></script>
<script>${runtime[1]}</script></head>
<body><iframe id="package" title="Practice" src="package/index.html" width="800" height="900"></iframe></body></html>`,
    }),
  );
  await page.goto(`${env.baseUrl}lms-test/course.html`);
  const frame = page.frameLocator('#package');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  widget.host = frame.locator('adaptive-practice');
  await widget.waitForItem();
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  return { context, page, problems };
}

test('the README zip in a SCORM 2004 LMS: an answer reaches the score and completion', async () => {
  const { context, page, problems } = await lmsPage('2004');
  await page.waitForFunction(() => window.API_1484_11.cmi.completion_status === 'incomplete');
  const cmi = await page.evaluate(() => ({
    initialized: window.API_1484_11.isInitialized(),
    max: window.API_1484_11.cmi.score.max,
    success: window.API_1484_11.cmi.success_status,
  }));
  assert.deepEqual(cmi, { initialized: true, max: '6', success: 'unknown' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the same zip in a SCORM 1.2 LMS that serves wasm with a wrong type: still starts and reports', async () => {
  const { context, page, problems } = await lmsPage('1.2', 'application/octet-stream');
  await page.waitForFunction(() => window.API.cmi.core.lesson_status === 'incomplete');
  const core = await page.evaluate(() => ({
    max: window.API.cmi.core.score.max,
    raw: window.API.cmi.core.score.raw,
  }));
  assert.deepEqual(core, { max: '100', raw: '0' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the authoring page\'s "Download as a web page" zip in a SCORM 2004 LMS reports too', async () => {
  const context = await env.browser.newContext();
  const { page: author } = await authorPageWith(context, env.baseUrl, 'banks/fractions.json');
  const zip = join(work, 'author-page.zip');
  writeFileSync(zip, (await downloadPagePackage(author)).bytes);
  await context.close();
  const target = join(work, 'author-lms');
  execFileSync('unzip', ['-q', zip, '-d', target]);
  const lms = await lmsPage('2004', 'application/wasm', target);
  await lms.page.waitForFunction(() => window.API_1484_11.cmi.completion_status === 'incomplete');
  assert.equal(await lms.page.evaluate(() => window.API_1484_11.cmi.score.max), '6');
  assert.deepEqual(lms.problems, []);
  await lms.context.close();
});
