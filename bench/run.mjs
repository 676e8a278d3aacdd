// `make bench`: every figure of the size and speed budget in one table, also written as JSON
// (bench/generated/results.json) and compared with the previous run when there is one.
//
// 1. Native (crates/bench, opt-level 3): per answer, bank loading, saved progress.
// 2. Transfer size of what a page loads from pkg/ (gzip -9 and brotli).
// 3. Headless Chromium (pkg-tests' playwright-core and Debian Chromium), files served with a
//    long max-age so the second load comes from the HTTP cache: start-up (the first item painted
//    after the wasm is instantiated, the element's `adaptive-practice:instantiated` mark, with the
//    bank's download started beside the module as the element does) and its floor (compile +
//    instantiate), also at 4x CPU throttling (CDP Emulation.setCPUThrottlingRate); per answer, bank loading and saved progress in wasm
//    (bench/generated/wasm, built by bench/build-wasm.sh); linear memory; 50 widgets on one page;
//    the teacher page painting 1,000 learners x 500 skills (bench/teacher.mjs), also at 4x.
//
// Figures are printed, never asserted. Usage: node bench/run.mjs (after `make build`).
// BENCH_RUNS=n changes the 20 start-up runs; BENCH_COMPARE=file compares with another results file;
// BENCH_ONLY=startup,many (any of size, startup, memory, many, teacher, answers) measures only those
// and writes bench/generated/results-only.json, leaving results.json as it is; BENCH_PKG=folder
// measures another build of the package than pkg/ (main's, to compare); BENCH_BESIDE=folder
// measures the start-up of that build too, its runs alternating with pkg/'s, from its own origin
// (so its own HTTP cache): two builds compared under the same load.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { startServer } from '../scripts/serve.mjs';
import { loadResult } from './load-result.mjs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const generated = join(root, 'bench', 'generated');
const require = createRequire(join(root, 'pkg-tests', 'package.json'));
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = await import('../pkg-tests/lib/browser.js');

const STARTUP_RUNS = Number(process.env.BENCH_RUNS || 20);
const BANK_SIZES = [100, 1000, 10000];
const ANSWERS_TIMED = 1000;
const STORAGE_CHECKPOINTS = [100, 1000, 10000];
const WIDGETS_ON_PAGE = 50;
const MANY_WIDGETS_BANK = '/www/banks/fractions.json';

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(/[ ,]+/).filter(Boolean)) : null;
const wanted = (section) => !only || only.has(section);

// Other work on the machine slows every timing: the load average is printed and kept with them.
const loadAtStart = loadavg();

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Every figure, in table order: { key, label, value, unit, note? }. */
const figures = [];
const add = (key, label, value, unit, note) => figures.push({ key, label, value, unit, ...(note ? { note } : {}) });

// 1. Native harness and the generated banks.
const cargoProfile = [
  '--profile',
  'bench-native',
  '--config',
  'profile.bench-native.inherits="release"',
  '--config',
  'profile.bench-native.opt-level=3',
  '--config',
  'profile.bench-native.panic="unwind"',
];
log('building the native harness (crates/bench, opt-level 3)');
execFileSync('cargo', ['build', '-q', ...cargoProfile, '-p', 'adaptive-practice-bench', '--bins'], {
  cwd: root,
  stdio: 'inherit',
});
const nativeBin = (name) => join(root, 'target', 'bench-native', name);
mkdirSync(join(generated, 'banks'), { recursive: true });
execFileSync(nativeBin('generate-bank'), [join(generated, 'banks')], { stdio: 'inherit' });
let native = null;
if (wanted('answers')) {
  log('native: per answer, bank loading, saved progress');
  native = JSON.parse(execFileSync(nativeBin('bench-native'), { cwd: root, maxBuffer: 1 << 26 }).toString());
  log('building the benchmark wasm (bench/build-wasm.sh)');
  execFileSync('bash', [join(root, 'bench', 'build-wasm.sh')], { cwd: root, stdio: 'inherit' });
}

// A snapshot of pkg/ (or BENCH_PKG), measured and served as /pkg/, so a rebuild during the run changes nothing.
const snapshot = join(generated, 'pkg');
rmSync(snapshot, { recursive: true, force: true });
cpSync(process.env.BENCH_PKG ? resolve(process.env.BENCH_PKG) : join(root, 'pkg'), snapshot, { recursive: true });

// 2. Transfer size.
if (wanted('size')) {
  const shipped = [
    ['wasm', 'adaptive_practice_bg.wasm'],
    ['JS glue', 'adaptive_practice.js'],
    ['custom element', 'adaptive-practice.js'],
  ];
  const gzipSize = (path, buffer) => {
    try {
      return execFileSync('gzip', ['-9c', path], { maxBuffer: 1 << 26 }).length;
    } catch {
      return gzipSync(buffer, { level: 9 }).length;
    }
  };
  const brotliSize = (buffer) =>
    brotliCompressSync(buffer, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length;
  const totals = { raw: 0, gzip: 0, brotli: 0 };
  for (const [name, file] of shipped) {
    const path = join(snapshot, file);
    const buffer = readFileSync(path);
    const sizes = { raw: buffer.length, gzip: gzipSize(path, buffer), brotli: brotliSize(buffer) };
    for (const kind of Object.keys(totals)) totals[kind] += sizes[kind];
    add(`size.${name}.gzip`, `size ${name} (pkg/${file}), gzip -9`, sizes.gzip, 'B', `raw ${sizes.raw}`);
    add(`size.${name}.brotli`, `size ${name}, brotli 11`, sizes.brotli, 'B');
  }
  const css = readFileSync(join(root, 'src', 'widget.css'));
  add('size.total.gzip', 'size total wasm+JS+CSS, gzip -9', totals.gzip, 'B', `raw ${totals.raw}; budget 225280`);
  add('size.total.brotli', 'size total wasm+JS+CSS, brotli 11', totals.brotli, 'B');
  add(
    'size.css.gzip',
    'CSS alone (inside the element module: adaptive-practice.js), gzip -9',
    gzipSync(css, { level: 9 }).length,
    'B',
    `raw ${css.length}`,
  );
}

// 3. Browser.
// The demo's static server, with long-lived files (every load after the first comes from
// Chromium's HTTP cache) and /pkg/ served from the snapshot taken above.
const { server, url: serverUrl } = await startServer(0, '127.0.0.1', {
  cacheControl: 'public, max-age=31536000',
  resolve: (path) => (path.startsWith('/pkg/') ? join(snapshot, path.slice(5)) : undefined),
});
const base = serverUrl.replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
const bankUrl = (items) => `/bench/generated/banks/bank-${items}.json`;
// BENCH_BESIDE: the other build, a snapshot served from a second origin.
const beside = process.env.BENCH_BESIDE ? join(generated, 'pkg-beside') : null;
let besideServer = null;
if (beside && wanted('startup')) {
  rmSync(beside, { recursive: true, force: true });
  cpSync(resolve(process.env.BENCH_BESIDE), beside, { recursive: true });
  besideServer = await startServer(0, '127.0.0.1', {
    cacheControl: 'public, max-age=31536000',
    resolve: (path) => (path.startsWith('/pkg/') ? join(beside, path.slice(5)) : undefined),
  });
}

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  /** Loads a benchmark page and returns the result it reports (bench/load-result.mjs). */
  const measure = (path, absolute = false) => loadResult(page, absolute ? path : base + path);

  if (wanted('startup')) {
    const startupPath = `/bench/pages/startup.html?bank=${bankUrl(1000)}`;
    for (const rate of [1, 4]) {
      log(`start-up, 1,000-item bank, ${STARTUP_RUNS} runs, CPU throttling ${rate}x`);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const besidePath = besideServer ? besideServer.url.replace(/\/$/, '') + startupPath : null;
      for (let i = 0; i < 2; i += 1) {
        await measure(startupPath);
        await measure('/bench/pages/floor.html');
        if (besidePath) await measure(besidePath, true);
      }
      const runs = { total: [], instantiated: [], afterInstantiate: [], inDom: [], floor: [] };
      const besideRuns = { afterInstantiate: [], inDom: [] };
      // With BENCH_BESIDE, the two builds take turns going first: whichever page a round
      // measures first came out 5-14 ms slower in every run of branch start18, so a fixed
      // order would favour one build.
      for (let i = 0; i < STARTUP_RUNS; i += 1) {
        const besideFirst = besidePath && i % 2 === 1;
        const other = besideFirst ? await measure(besidePath, true) : null;
        const startup = await measure(startupPath);
        for (const key of ['total', 'instantiated', 'afterInstantiate', 'inDom']) runs[key].push(startup[key]);
        const afterwards = besidePath && !besideFirst ? await measure(besidePath, true) : other;
        if (afterwards) for (const key of Object.keys(besideRuns)) besideRuns[key].push(afterwards[key]);
        runs.floor.push((await measure('/bench/pages/floor.html')).total);
      }
      const suffix = rate === 1 ? '' : `, CPU ${rate}x`;
      const total = median(runs.total);
      const floor = median(runs.floor);
      add(
        `startup.cpu${rate}.afterInstantiate`,
        `first item painted after wasm instantiation, 1,000 items, 500 skills (median of ${STARTUP_RUNS}, cached)${suffix}`,
        median(runs.afterInstantiate),
        'ms',
        'aim 16.7',
      );
      add(
        `startup.cpu${rate}.inDom`,
        `  of which instantiation to item in the DOM (bank read, first item chosen and built)${suffix}`,
        median(runs.inDom),
        'ms',
      );
      add(
        `startup.cpu${rate}.total`,
        `start-up to first item painted, from module start (median)${suffix}`,
        total,
        'ms',
      );
      add(
        `startup.cpu${rate}.instantiated`,
        `  of which module start to wasm ready${suffix}`,
        median(runs.instantiated),
        'ms',
      );
      add(`startup.cpu${rate}.floor`, `floor: compile+instantiate wasm alone${suffix}`, floor, 'ms');
      add(`startup.cpu${rate}.ratio`, `start-up / floor${suffix}`, total / floor, 'x');
      if (besidePath) {
        add(
          `startup.cpu${rate}.beside.afterInstantiate`,
          `first item painted after wasm instantiation, BENCH_BESIDE's build (runs alternating with pkg's)${suffix}`,
          median(besideRuns.afterInstantiate),
          'ms',
        );
        add(
          `startup.cpu${rate}.beside.inDom`,
          `  of which instantiation to item in the DOM, BENCH_BESIDE's build${suffix}`,
          median(besideRuns.inDom),
          'ms',
        );
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }

  if (wanted('memory')) {
    log('memory after loading the 10,000-item bank');
    const memory = await measure(`/bench/pages/memory.html?bank=${bankUrl(10000)}`);
    add('memory.before', 'wasm linear memory, before mounting', memory.before, 'B');
    add('memory.bank10000', 'wasm linear memory, 10,000-item bank loaded', memory.after, 'B');
  }

  if (wanted('many')) {
    log(`${WIDGETS_ON_PAGE} widgets on one page`);
    const manyPath = `/bench/pages/many.html?n=${WIDGETS_ON_PAGE}&bank=${MANY_WIDGETS_BANK}`;
    await measure(manyPath);
    const many = [];
    for (let i = 0; i < 5; i += 1) many.push((await measure(manyPath)).total);
    add('many.total', `${WIDGETS_ON_PAGE} widgets painted (fractions.json, median of 5)`, median(many), 'ms');
  }

  if (wanted('teacher')) {
    log('teacher page, 1,000 learners x 500 skills');
    const { benchTeacher } = await import('./teacher.mjs');
    for (const { rate, ms, renderMs } of await benchTeacher({
      browser,
      base,
      learners: 1000,
      skills: 500,
      runs: 3,
      log,
    })) {
      const suffix = rate === 1 ? '' : `, CPU ${rate}x`;
      add(
        `teacher.cpu${rate}.painted`,
        `teacher page, 1,000 learners x 500 skills, files chosen to heatmap painted (median of 3)${suffix}`,
        ms,
        'ms',
        rate === 1 ? 'aim < 1000' : undefined,
      );
      add(`teacher.cpu${rate}.render`, `  of which reports read to heatmap painted${suffix}`, renderMs, 'ms');
    }
  }

  if (wanted('answers')) {
    log('per answer in wasm');
    await page.goto(`${base}/bench/pages/answers.html`);
    await page.waitForFunction(() => window.benchReady, null, { timeout: 60_000 });
    for (const [i, items] of BANK_SIZES.entries()) {
      const nativeRow = native.perAnswer.find((row) => row.items === items);
      add(`answer.native.${items}`, `per answer, ${items} items, 500 skills, native`, nativeRow.msPerAnswer, 'ms');
      const runs = [];
      for (let run = 0; run < (items >= 10000 ? 1 : 3); run += 1) {
        runs.push(await page.evaluate(([url, n]) => window.bench.answers(url, n), [bankUrl(items), ANSWERS_TIMED]));
      }
      add(
        `answer.wasm.${items}`,
        `per answer, ${items} items, 500 skills, wasm`,
        median(runs),
        'ms',
        i === 2 ? 'aim < 1' : undefined,
      );
    }
    {
      // The same loop on the largest bank with a calibration block: the calibrated model, its
      // context slopes and learner vector (rank 16) in every prediction and update.
      const { items, msPerAnswer } = native.perAnswerCalibrated;
      add(`answer.native.${items}.calibrated`, `per answer, ${items} items, calibrated, native`, msPerAnswer, 'ms');
      const url = `/bench/generated/banks/bank-${items}-calibrated.json`;
      const ms = await page.evaluate(([bank, n]) => window.bench.answers(bank, n), [url, ANSWERS_TIMED]);
      add(`answer.wasm.${items}.calibrated`, `per answer, ${items} items, calibrated, wasm`, ms, 'ms', 'aim < 1');
    }
    for (const items of BANK_SIZES) {
      const nativeRow = native.bankLoad.find((row) => row.items === items);
      const runs = [];
      for (let run = 0; run < 3; run += 1)
        runs.push(await page.evaluate((url) => window.bench.loadBank(url), bankUrl(items)));
      add(
        `bankload.native.${items}`,
        `load_bank+index, ${items} items (${Math.round(nativeRow.bytes / 1024)} KB), native`,
        nativeRow.ms,
        'ms',
      );
      add(`bankload.wasm.${items}`, `load_bank+index, ${items} items, wasm`, median(runs), 'ms');
    }

    log('saved progress in wasm');
    const storage = await page.evaluate(
      ([url, checkpoints]) => window.bench.storage(url, checkpoints, 20),
      [bankUrl(1000), STORAGE_CHECKPOINTS],
    );
    for (const row of storage) {
      const nativeRow = native.storage.find((r) => r.answers === row.answers);
      add(`storage.${row.answers}.bytes`, `saved progress after ${row.answers} answers (1,000 items)`, row.bytes, 'B');
      add(
        `storage.${row.answers}.save`,
        `  save_progress, wasm (native ${nativeRow.saveMs.toFixed(3)})`,
        row.saveMs,
        'ms',
      );
      add(
        `storage.${row.answers}.load`,
        `  load_progress, wasm (native ${nativeRow.loadMs.toFixed(3)})`,
        row.loadMs,
        'ms',
      );
      add(
        `storage.${row.answers}.setItem`,
        '  localStorage.setItem + getItem of that size',
        row.setItemMs + row.getItemMs,
        'ms',
      );
    }
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
  if (besideServer) await new Promise((done) => besideServer.server.close(done));
}

// 4. The table, the JSON, the comparison.
const resultsPath = join(generated, 'results.json');
const previousPath = process.env.BENCH_COMPARE || (existsSync(resultsPath) ? resultsPath : null);
const previous = previousPath ? JSON.parse(readFileSync(previousPath, 'utf8')) : null;
const previousValues = new Map((previous?.figures ?? []).map((figure) => [figure.key, figure.value]));
const format = (value, unit) => {
  if (value === undefined || value === null) return '';
  if (unit === 'B') return `${Math.round(value).toLocaleString('en')} B`;
  if (unit === 'x') return `${value.toFixed(2)}x`;
  return `${value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0)} ms`;
};
const rows = figures.map((figure) => {
  const before = previousValues.get(figure.key);
  const change = before
    ? `${figure.value >= before ? '+' : ''}${(((figure.value - before) / before) * 100).toFixed(1)}%`
    : '';
  return [figure.label, format(figure.value, figure.unit), format(before, figure.unit), change, figure.note ?? ''];
});
const header = [
  'figure',
  'value',
  previous ? `previous (${previous.date.slice(0, 16)})` : 'previous',
  'change',
  'note',
];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) =>
  cells
    .map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of rows) console.log(line(row));

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    chromium: browser.version(),
    loadAtStart,
    loadAtEnd: loadavg(),
  },
  figures,
  native,
};
const writtenPath = only ? join(generated, 'results-only.json') : resultsPath;
if (!only && existsSync(resultsPath)) renameSync(resultsPath, join(generated, 'results-previous.json'));
writeFileSync(writtenPath, `${JSON.stringify(result, null, 2)}\n`);
const load = (averages) => averages.map((value) => value.toFixed(1)).join(' ');
console.log(
  `\nload average (1, 5, 15 min) at start: ${load(loadAtStart)}; at end: ${load(loadavg())} (${cpus().length} CPUs)`,
);
console.log(
  `\nwritten to ${writtenPath}${previous ? `; compared with ${previousPath === resultsPath ? 'the previous run' : previousPath}` : ' (no previous run to compare with)'}`,
);
