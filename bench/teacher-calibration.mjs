// The teacher page's calibration of a class that lists its answers (issue 13): LEARNERS simulated
// learners (the simulator's class-reports) each give ANSWERS answers on a generated bank of
// ITEMS items and SKILLS skills, and the page's worker module (www/teacher-worker.js,
// `calibrate`: the reports read again, the items' difficulties and the calibration block fitted
// by the engine's wasm) calibrates the bank in headless Chromium, RUNS times; prints each time
// and the median, with the answers the block was fitted on. Timings, never asserted.
// After `make build`: node bench/teacher-calibration.mjs [LEARNERS] [ANSWERS] [ITEMS] [SKILLS]
// (30 500 1000 100 by default).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../pkg-tests/lib/browser.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [learners, answers, items, skills] = [2, 3, 4, 5].map(
  (k, i) => Number(process.argv[k] || [30, 500, 1000, 100][i]),
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
const { chromium } = createRequire(join(root, 'pkg-tests', 'package.json'))('playwright-core');
const { server, url } = await startServer(0, '127.0.0.1');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const bankPath = join(folder, 'bank.json');
  writeFileSync(bankPath, cargo(['-p', 'adaptive-practice-bench', '--bin', 'generate-bank', String(items), String(skills)]));
  const classFolder = join(folder, 'class');
  cargo([
    '-p',
    'adaptive-practice-simulator',
    '--bin',
    'class-reports',
    '--',
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
  const page = await browser.newPage();
  await page.goto(`${url.replace(/\/$/, '')}/www/teacher.html`);
  const times = [];
  let block;
  for (let run = 0; run < runs; run += 1) {
    const result = await page.evaluate(
      async ({ bankText, reports }) => {
        const worker = await import('./teacher-worker.js');
        const start = performance.now();
        const calibrated = await worker.calibrate(bankText, reports, 1e9);
        return { ms: performance.now() - start, block: calibrated.block };
      },
      { bankText: readFileSync(bankPath, 'utf8'), reports },
    );
    times.push(result.ms);
    block = result.block;
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `teacher page calibration (reports read again, difficulties and calibration block fitted, wasm on the page's thread), ` +
      `${block.learners} learners, ${block.answers} answers on ${block.items} of ${items} items, ${skills} skills: ` +
      `median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
  rmSync(folder, { recursive: true, force: true });
}
