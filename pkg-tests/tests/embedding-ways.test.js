// Every way of embedding: the JS API, an iframe that sizes itself, a strict CSP, a SCORM LMS
// (scorm-again), fifty widgets on a page, and the events a host receives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

async function freshPage() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

test('the JS API mounts, sends events, exports progress and destroys', async () => {
  const { context, page, problems } = await freshPage();
  await page.goto(env.baseUrl + 'www/api.html');
  const widget = new PracticeWidget(page, '#practice', readBank('www/banks/percentages.json'));
  await widget.waitForItem();
  await page.evaluate(() => {
    window.received = [];
    for (const bare of ['answer', 'progress', 'skill-mastered']) {
      // The deprecated bare names still arrive beside the namespaced ones, for one release.
      document.addEventListener(bare, () => window.received.push({ name: `bare:${bare}` }));
      document.addEventListener(`adaptive-practice:${bare}`, (event) =>
        window.received.push({ name: bare, detail: event.detail }),
      );
    }
  });
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  const received = await page.evaluate(() => window.received);
  assert.ok(received.some((r) => r.name === 'bare:answer') && received.some((r) => r.name === 'bare:progress'));
  const answer = received.find((r) => r.name === 'answer').detail;
  assert.equal(answer.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
  assert.match(answer.object.id, /banks\/percentages\.json#pct-/);
  assert.equal(answer.result.success, true);
  assert.ok(!('actor' in answer), 'the actor is left for the host');
  const progress = received.find((r) => r.name === 'progress').detail;
  assert.equal(progress.verb.id, 'http://adlnet.gov/expapi/verbs/progressed');
  assert.equal(progress.result.score.max, 4);
  assert.equal(progress.result.extensions['https://adaptive-practice.example/xapi/answers'], 1);
  const exported = JSON.parse(await page.evaluate(() => window.practiceHandle.exportProgress()));
  assert.equal(exported.format, 'adaptive-practice-progress');
  assert.equal(exported.answerCount, 1);
  await page.evaluate(() => window.practiceHandle.destroy());
  assert.equal(await page.locator('#practice form').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('in an iframe, the page reports its height and the frame fits it', async () => {
  const { context, page, problems } = await freshPage();
  await page.goto(env.baseUrl + 'www/iframe.html');
  const frame = page.frameLocator('#practice-frame');
  await frame.locator('adaptive-practice form.ap-item').waitFor();
  await page.waitForFunction(() => document.getElementById('practice-frame').getBoundingClientRect().height > 400);
  const fitted = await page.evaluate(() => document.getElementById('practice-frame').getBoundingClientRect().height);
  const content = await frame.locator('html').evaluate((html) => html.getBoundingClientRect().height);
  assert.ok(Math.abs(fitted - content) <= 4, `frame ${fitted} px, content ${content} px`);
  const title = await frame.locator('html').evaluate(() => document.title);
  assert.match(title, /practice/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test('under a strict Content-Security-Policy the widget works and nothing is blocked', async () => {
  const { context, page, problems } = await freshPage();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(env.baseUrl + 'www/strict-csp.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/item-types.json'));
  await widget.waitForItem();
  await widget.part('form.ap-item input, form.ap-item select, form.ap-item button').first().focus();
  await widget.answerByKeyboard(true);
  assert.match(await widget.feedback(), /^Correct!/);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('inside a SCORM 2004 LMS (scorm-again), progress and score reach the runtime', async () => {
  const { context, page, problems } = await freshPage();
  await page.goto(env.baseUrl + 'www/scorm/lms.html');
  const frame = page.frameLocator('#package');
  await frame.locator('adaptive-practice form.ap-item').waitFor();
  const inFrame = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  inFrame.host = frame.locator('adaptive-practice');
  inFrame.page = page;
  await inFrame.part('form.ap-item input, form.ap-item select').first().focus();
  await inFrame.answerByKeyboard(true);
  await page.waitForFunction(() => window.API_1484_11.cmi.completion_status === 'incomplete');
  const cmi = await page.evaluate(() => ({
    initialized: window.API_1484_11.isInitialized(),
    completion: window.API_1484_11.cmi.completion_status,
    max: window.API_1484_11.cmi.score.max,
    scaled: Number(window.API_1484_11.cmi.score.scaled),
  }));
  assert.deepEqual(cmi, { initialized: true, completion: 'incomplete', max: '6', scaled: 0 });
  assert.match(await page.locator('#lms-state').textContent(), /completion: incomplete/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without an LMS, a widget with the scorm attribute works silently', async () => {
  const { context, page, problems } = await freshPage();
  await page.goto(env.baseUrl + 'www/scorm/package/index.html');
  const widget = new PracticeWidget(page, 'adaptive-practice', readBank('www/banks/fractions.json'));
  await widget.waitForItem();
  await widget.part('form.ap-item input, form.ap-item select').first().focus();
  await widget.answerByKeyboard(true);
  assert.match(await widget.feedback(), /^Correct!/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('fifty widgets on one page all paint an item, and each keeps its own progress', async () => {
  const { context, page, problems } = await freshPage();
  const started = Date.now();
  await page.goto(env.baseUrl + 'www/fifty-widgets.html');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('adaptive-practice')].every((w) => w.shadowRoot?.querySelector('form.ap-item')),
  );
  const elapsed = Date.now() - started;
  console.log(`fifty widgets: all painted their first item ${elapsed} ms after navigation started`);
  const widgets = page.locator('adaptive-practice');
  assert.equal(await widgets.count(), 50);
  const thirtySeventh = new PracticeWidget(page, 'adaptive-practice >> nth=37', readBank('www/banks/percentages.json'));
  await thirtySeventh.part('form.ap-item input, form.ap-item select').first().focus();
  await thirtySeventh.answerByKeyboard(true);
  const scores = await page.evaluate(() =>
    [...document.querySelectorAll('adaptive-practice')].map((w) => w.shadowRoot.querySelector('.ap-score').textContent),
  );
  assert.equal(scores.filter((s) => s.startsWith('1 answered')).length, 1);
  assert.equal(scores[37], '1 answered · 1 correct');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the skills attribute limits a widget to some skills of its bank', async () => {
  const { context, page, problems } = await freshPage();
  await page.goto(env.baseUrl + 'www/two-widgets.html');
  await page.evaluate(() => {
    const widget = document.createElement('adaptive-practice');
    widget.id = 'limited';
    widget.setAttribute('src', 'banks/fractions.json');
    widget.setAttribute('skills', 'add-subtract-like');
    widget.setAttribute('storage-key', 'limited');
    document.body.prepend(widget);
  });
  const bank = readBank('www/banks/fractions.json');
  const widget = new PracticeWidget(page, '#limited', bank);
  await widget.waitForItem();
  assert.deepEqual(await widget.part('.ap-skill-name').allTextContents(), [
    'Adding and subtracting with the same denominator',
  ]);
  const item = await widget.currentItem();
  assert.deepEqual(item.skills, ['add-subtract-like']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a skills attribute naming a skill the bank does not have says so, with the skills it has', async () => {
  const { context, page } = await freshPage();
  await page.goto(env.baseUrl + 'www/two-widgets.html');
  await page.evaluate(() => {
    for (const [id, skills, lang] of [
      ['typo', 'fraction-meaning equivalnt-fractions', 'en'],
      ['none', 'decimals', 'fr'],
    ]) {
      const widget = document.createElement('adaptive-practice');
      widget.id = id;
      widget.setAttribute('src', 'banks/fractions.json');
      widget.setAttribute('skills', skills);
      widget.setAttribute('lang', lang);
      document.body.prepend(widget);
    }
  });
  const known =
    'fraction-meaning, equivalent-fractions, simplifying, comparing-fractions, add-subtract-like, add-subtract-unlike';
  const typo = page.locator('#typo .ap-error');
  await typo.waitFor();
  assert.equal(
    (await typo.locator('p').first().textContent()).trim(),
    `The page asks for skills this bank does not have: equivalnt-fractions. Its skills are: ${known}.`,
  );
  const none = page.locator('#none .ap-error');
  await none.waitFor();
  assert.equal(
    (await none.locator('p').first().textContent()).trim(),
    `La page demande des compétences que cette série n’a pas : decimals. Ses compétences sont : ${known}.`,
  );
  await context.close();
});
