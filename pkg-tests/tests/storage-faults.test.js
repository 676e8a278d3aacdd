// Storage faults, each injected into a real session: storage that throws or is missing, a full
// quota (simulated and real), a damaged or newer stored copy, our key deleted between answers.
// Each test checks that the learner saw a message while saving failed, that once storage works
// again no answer given was lost, and that good data was never overwritten with bad.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

const KEY = 'adaptive-practice/progress/fractions';
const bank = readBank('www/banks/fractions.json');
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/**
 * Runs in the page before any script: `window.__fault` ('throw', 'missing', 'quota' or null,
 * first taken from `?fault=`) breaks localStorage; `window.__real` reaches it unbroken.
 */
function installFaults() {
  // Firefox also runs init scripts in a new tab's first about:blank, whose origin is opaque
  // ('null'): there localStorage throws, and there is nothing to break.
  if (window.origin === 'null') return;
  const storage = window.localStorage;
  const { getItem, setItem, removeItem } = Storage.prototype;
  window.__fault = new URLSearchParams(location.search).get('fault');
  window.__real = {
    get: (key) => getItem.call(storage, key),
    set: (key, value) => setItem.call(storage, key, value),
    remove: (key) => removeItem.call(storage, key),
    keys: () => Object.keys(storage),
  };
  Storage.prototype.getItem = function (key) {
    if (window.__fault === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    return getItem.call(this, key);
  };
  Storage.prototype.setItem = function (key, value) {
    if (window.__fault === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (window.__fault === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
  const owner = Object.getOwnPropertyDescriptor(window, 'localStorage') ? window : Window.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(owner, 'localStorage');
  Object.defineProperty(owner, 'localStorage', {
    configurable: true,
    get() {
      if (window.__fault === 'missing') throw new DOMException('Access is denied for this document.', 'SecurityError');
      return descriptor.get.call(this);
    },
  });
}

async function open(context, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.baseUrl}index.html${query}`);
  const widget = new PracticeWidget(page, 'adaptive-practice', bank);
  await widget.waitForItem();
  await widget.tabToAnswer();
  return { page, widget, errors };
}

async function newContext() {
  const context = await env.browser.newContext();
  await context.addInitScript(installFaults);
  return context;
}

const storedText = (page, key = KEY) => page.evaluate((k) => window.__real.get(k), key);
const storedCount = async (page) => JSON.parse(await storedText(page))?.answerCount ?? null;
const notice = async (widget) =>
  (await widget.part('.ap-notice').count()) ? (await widget.part('.ap-notice').first().textContent()).trim() : '';
const setFault = (page, fault) =>
  page.evaluate((f) => {
    window.__fault = f;
  }, fault);

/** Answers `count` items (right and wrong in turn), each followed by Next; returns the notices seen. */
async function answer(widget, count) {
  const seen = [];
  for (let n = 0; n < count; n += 1) {
    await widget.answerByKeyboard(n % 2 === 0);
    seen.push(await notice(widget));
    await widget.nextByKeyboard();
    seen.push(await notice(widget));
  }
  return seen;
}

/** A learner's earlier visit: `count` answers saved normally. */
async function earlierVisit(context, count) {
  const { page, widget } = await open(context);
  await answer(widget, count);
  assert.equal(await storedCount(page), count);
  await page.close();
}

for (const fault of ['throw', 'missing']) {
  test(`storage that ${fault === 'throw' ? 'throws on every call' : 'is missing (the localStorage getter throws)'}: told, nothing lost, nothing overwritten`, async () => {
    const context = await newContext();
    await earlierVisit(context, 3);
    const { page, widget, errors } = await open(context, `?fault=${fault}`);
    assert.match(await notice(widget), /^Not saved: this browser does not let the page store data/);
    const seen = await answer(widget, 4);
    assert.ok(
      seen.every((text) => text.startsWith('Not saved')),
      `a notice throughout: ${seen}`,
    );
    assert.equal(await storedCount(page), 3, 'the earlier progress is untouched');
    await setFault(page, null);
    await answer(widget, 1);
    assert.equal(await notice(widget), '', 'the notice goes once a save works');
    assert.equal(await storedCount(page), 3 + 4 + 1, 'the earlier answers and every answer given since are stored');
    assert.equal(await widget.score(), `${3 + 4 + 1} answered · ${2 + 2 + 1} correct`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('QuotaExceededError on write: told which error, and the answers are saved with the next write', async () => {
  const context = await newContext();
  const { page, widget, errors } = await open(context);
  await answer(widget, 2);
  await setFault(page, 'quota');
  const seen = await answer(widget, 3);
  assert.ok(
    seen.every((text) => /^Not saved: the browser refused .*QuotaExceededError/.test(text)),
    `notices: ${seen}`,
  );
  assert.equal(await storedCount(page), 2);
  await setFault(page, null);
  await answer(widget, 1);
  assert.equal(await notice(widget), '');
  assert.equal(await storedCount(page), 6);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a really full quota (another key fills it): told, then everything saved once space is freed', async () => {
  const context = await newContext();
  const { page, widget, errors } = await open(context);
  await answer(widget, 2);
  // The host page fills the origin's quota to the last character.
  const fillers = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; ) {
      try {
        window.__real.set(`host-page/filler-${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size >>= 1;
      }
    }
    return n;
  });
  assert.ok(fillers > 4, `the quota was filled (${fillers} keys)`);
  const seen = await answer(widget, 4);
  assert.ok(
    seen.some((text) => /^Not saved: the browser refused .*QuotaExceededError/.test(text)),
    `notices: ${seen}`,
  );
  const whileFull = await storedCount(page);
  assert.ok(whileFull >= 2 && whileFull < 6, `the full quota refused a write (stored ${whileFull})`);
  await page.evaluate(() => {
    for (const key of window.__real.keys()) if (key.startsWith('host-page/')) window.__real.remove(key);
  });
  await answer(widget, 1);
  assert.equal(await notice(widget), '');
  assert.equal(await storedCount(page), 7);
  assert.deepEqual(errors, []);
  await context.close();
});

const damaged = [
  [
    'truncated JSON',
    '{"format":"adaptive-practice-progress","version":1,"bankId":"fractions","answerCo',
    /could not be read \(the saved progress is damaged/,
  ],
  ['not JSON at all', 'hello from the host page', /could not be read \(the saved progress is damaged/],
  [
    'a newer version',
    JSON.stringify({
      format: 'adaptive-practice-progress',
      version: 99,
      bankId: 'fractions',
      answerCount: 500,
      future: { x: 1 },
    }),
    /written by a newer version/,
  ],
];

for (const [what, text, message] of damaged) {
  test(`${what} in our key at start: kept aside untouched, the learner told, the new session saved`, async () => {
    const context = await newContext();
    const setup = await context.newPage();
    await setup.goto(`${env.baseUrl}pkg-tests/fixtures/xss-bank.json`);
    await setup.evaluate(([k, v]) => window.__real.set(k, v), [KEY, text]);
    await setup.close();
    const { page, widget, errors } = await open(context);
    assert.match(await notice(widget), message);
    assert.match(await notice(widget), /The old copy is kept aside, untouched\./);
    await answer(widget, 3);
    assert.equal(await storedCount(page), 3);
    const backups = await page.evaluate(
      (k) => window.__real.keys().filter((key) => key.startsWith(`${k}/unreadable-`)),
      KEY,
    );
    assert.equal(backups.length, 1, `one backup: ${backups}`);
    assert.equal(await storedText(page, backups[0]), text, 'the backup is byte for byte what was stored');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('damaged progress found again on each load, before any answer, is kept aside once', async () => {
  const context = await newContext();
  const setup = await context.newPage();
  await setup.goto(`${env.baseUrl}pkg-tests/fixtures/xss-bank.json`);
  const text = 'damaged progress, never answered over';
  await setup.evaluate(([k, v]) => window.__real.set(k, v), [KEY, text]);
  await setup.close();
  for (let load = 1; load <= 3; load += 1) {
    const { page, widget, errors } = await open(context);
    assert.match(await notice(widget), /The old copy is kept aside, untouched\./, `load ${load}`);
    const backups = await page.evaluate(
      (k) => window.__real.keys().filter((key) => key.startsWith(`${k}/unreadable-`)),
      KEY,
    );
    assert.equal(backups.length, 1, `load ${load}: one backup, not one per load: ${backups}`);
    assert.equal(await storedText(page, backups[0]), text);
    assert.deepEqual(errors, []);
    await page.close();
  }
  await context.close();
});

test('a newer version written by another tab mid-session is backed up before the next write', async () => {
  const context = await newContext();
  const { page, widget, errors } = await open(context);
  await answer(widget, 2);
  const newer = JSON.stringify({
    format: 'adaptive-practice-progress',
    version: 99,
    bankId: 'fractions',
    answerCount: 900,
  });
  await page.evaluate(([k, v]) => window.__real.set(k, v), [KEY, newer]);
  await answer(widget, 2);
  assert.match(await notice(widget), /written by a newer version/);
  assert.equal(await storedCount(page), 4, 'our answers are all stored');
  const backups = await page.evaluate(
    (k) => window.__real.keys().filter((key) => key.startsWith(`${k}/unreadable-`)),
    KEY,
  );
  assert.equal(backups.length, 1);
  assert.equal(await storedText(page, backups[0]), newer);
  assert.deepEqual(errors, []);
  await context.close();
});

test('another script deleting our key between answers loses nothing', async () => {
  const context = await newContext();
  const { page, widget, errors } = await open(context);
  for (let round = 1; round <= 3; round += 1) {
    await answer(widget, 2);
    assert.equal(await storedCount(page), 2 * round);
    await page.evaluate((k) => window.__real.remove(k), KEY);
  }
  await answer(widget, 1);
  assert.equal(await storedCount(page), 7);
  assert.equal(await notice(widget), '');
  assert.deepEqual(errors, []);
  await context.close();
});
