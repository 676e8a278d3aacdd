// The teacher page's calibration of a class that lists its answers (issue 13): LEARNERS simulated
// learners (the simulator's class-reports) each give ANSWERS answers on a generated bank of
// ITEMS items and SKILLS skills, and the page's worker module (www/teacher-worker.js,
// `calibrate`: the reports read again, the items' difficulties and the calibration block fitted
// by the engine's wasm) calibrates the bank in headless Chromium, RUNS times (5 by default), and
// again with the reports stripped of their answers (difficulties only); prints each wall time,
// the medians and Chromium's CPU time (from /proc: a busy machine stretches wall time, not CPU
// time). Timings, never asserted.
// After `make build`: node bench/teacher-calibration.mjs [LEARNERS] [ANSWERS] [ITEMS] [SKILLS]
// (30 500 1000 100 by default).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { launchBrowser } from '../pkg-tests/lib/browser.js';
import { simulator } from '../pkg-tests/lib/simulator.js';
import { childrenCpuMs } from './teacher.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [learners, answers, items, skills] = [2, 3, 4, 5].map((k, i) =>
  Number(process.argv[k] || [30, 500, 1000, 100][i]),
);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const cargo = (args) =>
  execFileSync('cargo', ['run', '-q', '--release', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 30,
  });

const folder = mkdtempSync(join(tmpdir(), 'teacher-calibration-bench-'));
const { server, url } = await startServer(0, '127.0.0.1');
// Chromium unless AP_BROWSER says otherwise; the CPU time read from /proc is Chromium's.
const browser = await launchBrowser();
try {
  const bankPath = join(folder, 'bank.json');
  writeFileSync(
    bankPath,
    cargo(['-p', 'adaptive-practice-bench', '--bin', 'generate-bank', String(items), String(skills)]),
  );
  const classFolder = join(folder, 'class');
  simulator('class-reports', [
    '--bank',
    bankPath,
    '--out',
    classFolder,
    '--learners',
    String(learners),
    '--fewest-items',
    String(answers),
    '--most-items',
    String(answers),
  ]);
  const reports = readdirSync(classFolder)
    .filter((name) => /^learner-\d+\.json$/.test(name))
    .map((name) => readFileSync(join(classFolder, name), 'utf8'));
  // The same reports as older widgets wrote them (no answers listed): the difficulties alone.
  const withoutAnswers = reports.map((text) => {
    const { answers: _, ...report } = JSON.parse(text);
    return JSON.stringify({ ...report, version: 1 });
  });
  const page = await browser.newPage();
  await page.goto(`${url.replace(/\/$/, '')}/www/teacher.html`);
  const bankText = readFileSync(bankPath, 'utf8');
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const [what, files] of [
    ['difficulties and calibration block', reports],
    ['difficulties only (the reports without their answers)', withoutAnswers],
  ]) {
    const times = [];
    const cpu = [];
    let block;
    for (let run = 0; run < runs; run += 1) {
      const cpuBefore = childrenCpuMs();
      const result = await page.evaluate(
        async ({ bankText, files }) => {
          const worker = await import('./teacher-worker.js');
          const start = performance.now();
          const calibrated = await worker.calibrate(bankText, files, 1e9);
          return { ms: performance.now() - start, block: calibrated.block };
        },
        { bankText, files },
      );
      cpu.push(childrenCpuMs() - cpuBefore);
      times.push(result.ms);
      block = result.block;
    }
    console.log(
      `teacher page calibration, ${what} (wasm on the page's thread), ${learners} learners x ${answers} answers, ` +
        `bank of ${items} items and ${skills} skills` +
        (block ? ` (block fitted on ${block.answers} answers, ${block.items} items)` : '') +
        `: median ${median(times).toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}); ` +
        `Chromium's CPU median ${median(cpu).toFixed(0)} ms`,
    );
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
  rmSync(folder, { recursive: true, force: true });
}
