// The teacher page (www/teacher.html) with a whole school: LEARNERS report files on a bank of
// SKILLS skills, in the report format of crates/engine/src/report.rs (`learner_report`, version
// 3: skills and items as columns; TEACHER_REPORTS=rows writes them as versions 1 and 2 did, one
// object each, for a comparison), chosen in the page's file input. Measures the time from the input's `change` event to the first frame
// with the heatmap in it (its style and layout done), and the part of it after the reports were
// read (the page's first render after the change); then, not part of that figure, the time to
// the calibration's end (it runs in a worker, after the heatmap is painted). Beside the times, the
// CPU time Chromium's processes (the page's, its workers', the browser's) used from the change to
// the paint, read from /proc on Linux: other work on a shared machine stretches the wall time
// far more than it does the CPU time. `make bench` (bench/run.mjs) calls `benchTeacher`; alone:
// node bench/teacher.mjs [LEARNERS] [SKILLS] (after `make build`) prints the figures.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const STATES = ['notStarted', 'learning', 'mastered', 'dueForReview'];

/** A small seeded generator (mulberry32), so every run measures the same class. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round4 = (value) => Math.round(value * 10_000) / 10_000;

/** A bank of `skills` skills and two single-choice items per skill. */
export function teacherBank(skills) {
  const skillList = Array.from({ length: skills }, (_, i) => ({
    id: `skill-${String(i).padStart(3, '0')}`,
    name: `Skill ${i + 1}`,
    prerequisites: [],
  }));
  const items = skillList.flatMap((skill, i) =>
    [0, 1].map((k) => ({
      id: `item-${i}-${k}`,
      skills: [skill.id],
      difficulty: k - 0.5,
      type: 'singleChoice',
      prompt: `Question ${k + 1} on ${skill.name}`,
      choices: [{ text: 'right' }, { text: 'wrong' }],
      answer: 0,
    })),
  );
  return { id: 'teacher-bench', version: '1.0.0', title: 'Teacher bench', skills: skillList, items };
}

/**
 * Learner `index`'s report on `bank`: some skills not started, the others learning or mastered;
 * `layout` 'columns' (version 3, as the widget writes reports) or 'rows' (as version 1).
 */
export function teacherReport(bank, index, next, layout = 'columns') {
  let answers = 0;
  let right = 0;
  const items = [];
  const skills = bank.skills.map((skill, i) => {
    if (next() < 0.3) {
      return {
        id: skill.id,
        name: skill.name,
        state: 'notStarted',
        mastery: 0.5,
        certainty: 0,
        attempts: 0,
        correct: 0,
      };
    }
    const attempts = 1 + Math.floor(next() * 15);
    const correct = Math.floor(next() * (attempts + 1));
    const mastery = round4(Math.min(0.99, Math.max(0.01, (correct + 1) / (attempts + 2) + (next() - 0.5) * 0.2)));
    const state = mastery >= 0.8 && attempts >= 4 ? STATES[2 + (next() < 0.2 ? 1 : 0)] : 'learning';
    answers += attempts;
    right += correct;
    const first = Math.ceil(attempts / 2);
    const firstRight = Math.min(correct, first);
    items.push({ id: `item-${i}-0`, attempts: first, correct: firstRight });
    if (attempts > first) items.push({ id: `item-${i}-1`, attempts: attempts - first, correct: correct - firstRight });
    return { id: skill.id, name: skill.name, state, mastery, certainty: round4(next()), attempts, correct };
  });
  const rows = layout === 'rows';
  const column = (list, field) => list.map((entry) => entry[field]);
  return {
    format: 'adaptive-practice-report',
    version: rows ? 1 : 3,
    bankId: bank.id,
    bankVersion: bank.version,
    learner: `Learner ${String(index + 1).padStart(4, '0')}`,
    createdAt: Date.UTC(2026, 10, 2) + index * 60_000,
    answerCount: answers,
    correctCount: right,
    timeOnTaskSeconds: answers * 40,
    skills: rows
      ? skills
      : {
          ids: column(skills, 'id'),
          names: column(skills, 'name'),
          states: column(skills, 'state'),
          mastery: column(skills, 'mastery'),
          certainty: column(skills, 'certainty'),
          attempts: column(skills, 'attempts'),
          correct: column(skills, 'correct'),
        },
    items: rows
      ? items
      : { ids: column(items, 'id'), attempts: column(items, 'attempts'), correct: column(items, 'correct') },
  };
}

/**
 * Writes the bank and the reports into bench/generated/teacher-L-S/ (teacher-L-S-rows/ for the
 * `rows` layout); returns their paths.
 */
export function writeTeacherClass(learners, skills, layout = process.env.TEACHER_REPORTS || 'columns') {
  const name = `teacher-${learners}-${skills}${layout === 'rows' ? '-rows' : ''}`;
  const folder = join(root, 'bench', 'generated', name);
  mkdirSync(folder, { recursive: true });
  const bank = teacherBank(skills);
  writeFileSync(join(folder, 'bank.json'), JSON.stringify(bank));
  const next = random(17);
  const reports = [];
  for (let i = 0; i < learners; i += 1) {
    const path = join(folder, `learner-${String(i + 1).padStart(4, '0')}.json`);
    writeFileSync(path, JSON.stringify(teacherReport(bank, i, next, layout)));
    reports.push(path);
  }
  return { bankPath: `/bench/generated/${name}/bank.json`, reports };
}

/**
 * The CPU time, in milliseconds, used so far by the processes started by this one (Chromium's),
 * from /proc (Linux; NaN elsewhere). Processes that have ended are not counted.
 */
export function childrenCpuMs() {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const parents = new Map();
  const ticks = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the command's name in parentheses: state, ppid, … utime (14th field), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // Ended while being read.
    }
  }
  const ours = (pid) => {
    for (let at = parents.get(pid); at; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, used] of ticks) if (ours(pid)) total += used;
  // Clock ticks of 10 ms (USER_HZ 100 on Linux).
  return total * 10;
}

/**
 * Opens the teacher page in `context` at `base`, loads the class's bank, chooses the report files
 * and returns the milliseconds from the input's `change` event to the heatmap painted (`ms`), of
 * which after the reports were read (`renderMs`), and to the calibration's end (`calibratedMs`);
 * `cpuMs`, Chromium's CPU time from the files chosen to the heatmap painted (`childrenCpuMs`).
 */
async function oneRun(page, base, bankPath, reports) {
  await page.goto(`${base}/www/teacher.html`);
  await page.locator('#bank-status[data-bank-id="fractions"]').waitFor({ timeout: 60_000 });
  await page.locator('#bank-url').fill(`..${bankPath}`);
  await page.locator('#bank-url-form button').click();
  await page.locator('#bank-status[data-bank-id="teacher-bench"]').waitFor({ timeout: 120_000 });
  let cpuAtPaint = Number.NaN;
  await page.evaluate(() => {
    window.teacherBench = null;
    new Promise((done) => {
      const input = document.getElementById('report-files');
      // Capture: before the page's own listener.
      input.addEventListener(
        'change',
        () => {
          const start = performance.now();
          // The frame that shows the heatmap: its animation-frame callback, with style and layout
          // forced (the page's own tasks after that frame, such as the calibration, do not count).
          const painted = () =>
            requestAnimationFrame(() => {
              void document.documentElement.offsetHeight;
              const end = performance.now();
              window.teacherBenchPainted?.();
              const render = performance.getEntriesByName('teacher:render').find((mark) => mark.startTime > start);
              const result = { ms: end - start, renderMs: render ? end - render.startTime : Number.NaN };
              const status = document.getElementById('calibration-status');
              // The calibration's end: its figures, or why there are none (then no time).
              const calibrated = () => /^(Calibrated|The engine could not)/.test(status.textContent);
              const finish = () =>
                done({
                  ...result,
                  calibratedMs: /^Calibrated/.test(status.textContent) ? performance.now() - start : Number.NaN,
                });
              if (calibrated()) return finish();
              const watcher = new MutationObserver(() => {
                if (!calibrated()) return;
                watcher.disconnect();
                finish();
              });
              watcher.observe(status, { childList: true, characterData: true, subtree: true });
            });
          const shown = () => document.querySelector('#heatmap [data-mastery]');
          if (shown()) return painted();
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            painted();
          });
          observer.observe(document.getElementById('heatmap'), { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    }).then((result) => {
      window.teacherBench = result;
    });
  });
  page.benchPainted = () => {
    cpuAtPaint = childrenCpuMs();
  };
  const cpuAtStart = childrenCpuMs();
  await page.setInputFiles('#report-files', reports);
  // A page that never shows the heatmap (the engine missing, every report refused) fails the run.
  await page.waitForFunction(() => window.teacherBench !== null, null, { timeout: 900_000, polling: 100 });
  return { ...(await page.evaluate(() => window.teacherBench)), cpuMs: cpuAtPaint - cpuAtStart };
}

/**
 * The teacher-page figures: { rate, ms } for each CPU throttling rate, the median of `runs`
 * runs after one warm-up. `browser` is a playwright Chromium, `base` the server's address.
 */
export async function benchTeacher({ browser, base, learners = 1000, skills = 500, runs = 3, rates = [1, 4], log }) {
  const { bankPath, reports } = writeTeacherClass(learners, skills);
  const results = [];
  for (const rate of rates) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // The paint, told at once (the page's frame calls it), for Chromium's CPU time up to it.
    await page.exposeFunction('teacherBenchPainted', () => page.benchPainted?.());
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const times = [];
    for (let run = 0; run <= runs; run += 1) {
      const result = await oneRun(page, base, bankPath, reports);
      log?.(
        `teacher page, ${learners} x ${skills}, CPU ${rate}x, run ${run}: ${result.ms.toFixed(0)} ms, ` +
          `of which ${result.renderMs.toFixed(0)} ms from the reports read to the heatmap painted; ` +
          `Chromium's CPU ${result.cpuMs.toFixed(0)} ms; ` +
          `calibrated after ${result.calibratedMs.toFixed(0)} ms`,
      );
      if (run > 0 || runs === 0) times.push(result);
    }
    if (errors.length) throw new Error(`teacher page: ${errors.join('; ')}`);
    await context.close();
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    results.push({
      rate,
      ms: median(times.map((t) => t.ms)),
      renderMs: median(times.map((t) => t.renderMs)),
      calibratedMs: median(times.map((t) => t.calibratedMs)),
      cpuMs: median(times.map((t) => t.cpuMs)),
      runs: times.map((t) => t.ms),
    });
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { createRequire } = await import('node:module');
  const { startServer } = await import('../scripts/serve.mjs');
  const { CHROMIUM_ARGS } = await import('../pkg-tests/lib/browser.js');
  const { chromium } = createRequire(join(root, 'pkg-tests', 'package.json'))('playwright-core');
  const learners = Number(process.argv[2] || 1000);
  const skills = Number(process.argv[3] || 500);
  const { server, url } = await startServer(0, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const rates = (process.env.BENCH_RATES || '1,4').split(',').map(Number);
    const runs = Number(process.env.BENCH_RUNS ?? 3);
    const log = (message) => process.stderr.write(`bench: ${message}\n`);
    for (const { rate, ms, renderMs, calibratedMs, cpuMs, runs: all } of await benchTeacher({
      browser,
      base: url.replace(/\/$/, ''),
      learners,
      skills,
      runs,
      rates,
      log,
    }))
      console.log(
        `teacher page painted, ${learners} learners x ${skills} skills, CPU ${rate}x: ${ms.toFixed(0)} ms ` +
          `(runs ${all.map((t) => t.toFixed(0)).join(', ')}); reports read to painted: ${renderMs.toFixed(0)} ms; ` +
          `Chromium's CPU to painted ${cpuMs.toFixed(0)} ms; ` +
          `calibrated (in a worker) ${calibratedMs.toFixed(0)} ms after the files were chosen`,
      );
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}
