// The authoring page's "Download as a web page": the .zip it gives, unzipped as a teacher would
// onto a web host of its own (a static server over that folder alone), holds the page, the bank,
// the widget's files, the bank's media and a SCORM manifest listing every file, and its page
// plays the bank in the bank's language. A bank with errors gets no zip, and says why. Before
// the zip, the preview of a bank opened by its address shows the media beside that bank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { authorPageWith, downloadPagePackage } from '../lib/author-page.js';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Every file under `folder`, as paths relative to it with `/`. */
function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((inner) => `${name}/${inner}`) : [name];
  });
}

test('"Download as a web page" gives a zip that plays on a web host of its own and is a SCORM package', async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await authorPageWith(context, env.baseUrl, 'banks/sciences-fr.json');
  const { download, bytes } = await downloadPagePackage(page);
  const bank = readBank('www/banks/sciences-fr.json');
  assert.equal(download.suggestedFilename(), `${bank.id}-page.zip`);
  await page.locator('#status', { hasText: /^Saved .*-page\.zip: unzip it onto your website/ }).waitFor();
  assert.doesNotMatch(await page.locator('#status').textContent(), /not in the zip/);

  const folder = temporaryFolder('ap-page-package-');
  writeFileSync(join(folder, 'page.zip'), bytes);
  const site = join(folder, 'site');
  execFileSync('unzip', ['-q', join(folder, 'page.zip'), '-d', site]);
  const files = filesUnder(site).sort();
  const widgetFiles = JSON.parse(readFileSync(new URL('../../www/generated/widget-files.json', import.meta.url)));
  const media = [...new Set(JSON.stringify(bank).match(/media\/[\w.-]+/g))];
  assert.ok(media.length >= 5, `the bank names its media: ${media}`);
  for (const file of [
    'index.html',
    'imsmanifest.xml',
    `${bank.id}.json`,
    'adaptive-practice/LICENSE-MIT',
    ...widgetFiles.map((path) => `adaptive-practice/${path}`),
    ...media,
  ]) {
    assert.ok(files.includes(file), `the zip has ${file}: ${files.join(', ')}`);
  }
  // Until the widget starts (opened as a file: never), the page says what to do, in the bank's
  // language when the authoring page has it.
  assert.match(
    readFileSync(join(site, 'index.html'), 'utf8'),
    /<p>Chargement des exercices… Si ce texte reste affiché/,
  );
  // The bank inside is the bank as opened, byte for byte in its values.
  assert.deepEqual(JSON.parse(readFileSync(join(site, `${bank.id}.json`), 'utf8')), bank);
  // The media are the files beside the bank, not error pages.
  for (const path of media) {
    assert.deepEqual(readFileSync(join(site, path)), readFileSync(new URL(`../../www/banks/${path}`, import.meta.url)));
  }

  // Served alone, the page plays the bank, in French (the bank's language).
  const { server, url } = await startServer(0, '127.0.0.1', { root: site });
  try {
    const player = await context.newPage();
    const failed = [];
    player.on('pageerror', (error) => failed.push(`page error: ${error.message}`));
    player.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await player.goto(`${url}index.html`);
    assert.equal(await player.title(), bank.title);
    assert.equal(await player.locator('html').getAttribute('lang'), 'fr');
    const widget = new PracticeWidget(player, 'adaptive-practice', bank);
    await widget.waitForItem();
    await widget.answerByKeyboard(true);
    assert.match(await widget.feedback(), /^(Correct|Bravo|Juste|Exact)/i);
    assert.deepEqual(failed, []);

    // The manifest is well-formed XML, names the bank's title and lists every file of the zip.
    const manifest = await player.evaluate(async () => {
      const text = await (await fetch('imsmanifest.xml')).text();
      const xml = new DOMParser().parseFromString(text, 'application/xml');
      return {
        broken: xml.getElementsByTagName('parsererror').length > 0,
        title: xml.querySelector('organization > title')?.textContent,
        sco: xml.querySelector('resource')?.getAttribute('href'),
        listed: [...xml.querySelectorAll('resource > file')].map((file) => file.getAttribute('href')),
      };
    });
    assert.equal(manifest.broken, false);
    assert.equal(manifest.title, bank.title);
    assert.equal(manifest.sco, 'index.html');
    assert.deepEqual(manifest.listed.sort(), files.filter((file) => file !== 'imsmanifest.xml').sort());
  } finally {
    server.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the preview shows the pictures beside a bank opened by its address', async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await authorPageWith(context, env.baseUrl, 'banks/sciences-fr.json');
  // The first item's prompt is a picture, media/… beside the bank in www/banks/.
  const picture = page.locator('#preview .preview-host img').first();
  await picture.waitFor();
  const loaded = await picture.evaluate(
    (img) =>
      new Promise((resolve) => {
        const done = () => resolve({ width: img.naturalWidth, src: img.src });
        if (img.complete) done();
        else {
          img.addEventListener('load', done);
          img.addEventListener('error', done);
        }
      }),
  );
  assert.match(loaded.src, /\/www\/banks\/media\//);
  assert.ok(loaded.width > 0, `the picture did not load: ${loaded.src}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bank with errors gets no zip, and the author is told why', async () => {
  const context = await env.browser.newContext();
  const { page } = await authorPageWith(context, env.baseUrl, 'banks/item-types.json');
  // An answer the item cannot have: an error the widget would refuse the bank for.
  await page.locator('[data-path="items[0].prompt"]').fill('');
  await page.locator('#problem-summary', { hasText: /error/ }).waitFor();
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  await page.locator('#save-page').click();
  await page.locator('#status', { hasText: /The bank has errors: .* Fix them/ }).waitFor();
  assert.equal(downloaded, false);
  await context.close();
});

test('the files the page puts in the zip are the package files a page loads', () => {
  // www/generated/widget-files.json (written by the build) against pkg/ itself.
  const listed = JSON.parse(readFileSync(new URL('../../www/generated/widget-files.json', import.meta.url)));
  const pkg = new URL('../../pkg/', import.meta.url).pathname;
  const present = filesUnder(pkg).map((file) => relative(pkg, join(pkg, file)));
  for (const file of ['adaptive-practice.js', 'adaptive_practice.js', 'adaptive_practice_bg.wasm', 'i18n/fr.json']) {
    assert.ok(listed.includes(file), `listed: ${file}`);
  }
  for (const file of listed) assert.ok(present.includes(file), `${file} is in pkg/`);
});
