// The browser tests of `make test` (scripts/test.sh): every test file of pkg-tests/tests in headless
// Chromium, and every one that opens a browser through pkg-tests/lib/browser.js in Firefox ESR
// too, as one queue of (browser, file) runs shared by a few workers. Each run is one
// `node --test` process, as before; the longest runs start first, and runs that take the same
// shared output (pkg-tests/lib/shared-output.js) never run at the same time, so that no worker
// waits on another's lock. Each run's report is printed when it ends, then the seconds of the
// slowest runs, each browser's counts and why each failed run failed. Exits 1 when any run failed.
// Each worker starts its browsers once, as browser servers (pkg-tests/lib/browser.js
// `launchBrowserServers`), and its runs connect to them (AP_BROWSER_SERVERS), each file in
// contexts of its own: a start-up per worker instead of one per file (Firefox's takes 5 to 10 s).
// AP_BROWSER_SHARED=0: each file launches its own browser, as when run alone.
// Usage: node scripts/browser-tests.mjs [NAME.test.js…]   (only those files; AP_BROWSER_WORKERS=N:
// N runs at a time, default 3). On 2026-12-03, quiet: 866 s with shared browsers, 1,583 s with a
// browser per run and every axe pair in Firefox too.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { launchBrowserServers } = await import('../pkg-tests/lib/browser.js');
const shareBrowsers = process.env.AP_BROWSER_SHARED !== '0';
const testsFolder = fileURLToPath(new URL('../pkg-tests/tests/', import.meta.url));
const pkgTests = fileURLToPath(new URL('../pkg-tests/', import.meta.url));
const workers = Number(process.env.AP_BROWSER_WORKERS || 3);
if (!Number.isInteger(workers) || workers < 1)
  throw new Error(`AP_BROWSER_WORKERS=${workers}: a whole number, 1 or more`);

/**
 * Seconds of the slowest Firefox runs, one file at a time, on 2026-12-03 (2 shared cores, load 7 to
 * 12): for the order only, the longest first, so that no long run starts last. A Chromium run
 * counts as half its Firefox figure; a file not listed as the usual run, 20 s in Firefox. Update
 * it from the table this script prints when a file becomes one of the slowest.
 */
const firefoxSeconds = {
  'front-page.test.js': 188,
  'narrow-screen-accessibility.test.js': 101,
  'storage-faults.test.js': 83,
  'author.test.js': 81,
  'accessibility.test.js': 68,
  'screenshots.test.js': 58,
  'teacher.test.js': 58,
  'teacher-calibration.test.js': 50,
  'learner-data.test.js': 48,
  'teacher-large.test.js': 43,
  'embedding-ways.test.js': 38,
  'review-due.test.js': 35,
  'bundlers.test.js': 33,
  'item-types.test.js': 33,
  'hostile-input.test.js': 33,
};
const usualFirefoxSeconds = 20;
const estimate = (browser, name) => (firefoxSeconds[name] ?? usualFirefoxSeconds) / (browser === 'firefox' ? 1 : 2);

/** The shared outputs a test file takes (pkg-tests/lib/shared-output.js), by name. */
function sharedOutputs(source) {
  return [...source.matchAll(/holdSharedOutput\('([^']+)'\)/g)].map((match) => match[1]);
}

const only = process.argv.slice(2).map((path) => path.split('/').pop());
const runs = readdirSync(testsFolder)
  .filter((name) => name.endsWith('.test.js') && (only.length === 0 || only.includes(name)))
  .sort()
  .flatMap((name) => {
    const source = readFileSync(testsFolder + name, 'utf8');
    const browsers = source.includes('lib/browser.js') ? ['chromium', 'firefox'] : ['chromium'];
    return browsers.map((browser) => ({
      browser,
      file: `tests/${name}`,
      estimate: estimate(browser, name),
      outputs: sharedOutputs(source),
    }));
  })
  .sort((a, b) => b.estimate - a.estimate);

const running = new Set();

/** Runs one file in one browser; resolves to its report, seconds, exit code and counts. */
function runOne(run, servers) {
  const started = performance.now();
  const shared = servers ? { AP_BROWSER_SERVERS: JSON.stringify(servers.endpoints) } : {};
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', run.file], {
      cwd: pkgTests,
      env: { ...process.env, AP_BROWSER: run.browser, ...shared },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let report = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (report += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (report += text));
    child.on('close', (code, signal) => {
      running.delete(child);
      const count = (what) => Number(report.match(new RegExp(`^ℹ ${what} (\\d+)$`, 'm'))?.[1] ?? 0);
      resolve({
        ...run,
        report,
        code: code ?? (signal ? 1 : 0),
        seconds: (performance.now() - started) / 1000,
        counts: { tests: count('tests'), pass: count('pass'), fail: count('fail'), skipped: count('skipped') },
      });
    });
  });
}

const allServers = new Set();

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    for (const child of running) child.kill('SIGTERM');
    await Promise.allSettled([...allServers].map((servers) => servers.close()));
    process.exit(1);
  });
}

/**
 * A worker's browser servers for `browser`, started when first needed and again if they stopped;
 * null when sharing is off or they cannot start (the run then launches its own browser, and says
 * why if it cannot either).
 */
async function serversFor(mine, browser) {
  if (!shareBrowsers) return null;
  if (mine[browser] && !mine[browser].alive()) {
    console.log(`== ${browser}: the worker's browser stopped; starting it again ==`);
    allServers.delete(mine[browser]);
    await mine[browser].close().catch(() => {});
    delete mine[browser];
  }
  if (!mine[browser]) {
    try {
      mine[browser] = await launchBrowserServers(browser);
      allServers.add(mine[browser]);
    } catch (error) {
      console.log(`== ${browser}: no shared browser (${error.message.split('\n')[0]}); each run launches its own ==`);
      return null;
    }
  }
  return mine[browser];
}

const queue = [...runs];
const held = new Set();
const waiters = [];
const done = [];
const started = performance.now();

/** The next run whose shared outputs no running run holds, taken out of the queue; or null. */
function nextRun() {
  const index = queue.findIndex((run) => run.outputs.every((name) => !held.has(name)));
  return index < 0 ? null : queue.splice(index, 1)[0];
}

/** One worker: takes runs until none is left (waiting while the only ones left are held). */
async function worker() {
  const mine = {};
  try {
    await work(mine);
  } finally {
    for (const servers of Object.values(mine)) {
      allServers.delete(servers);
      await servers.close().catch(() => {});
    }
  }
}

async function work(mine) {
  for (;;) {
    const run = nextRun();
    if (run === null) {
      if (queue.length === 0) return;
      await new Promise((resolve) => waiters.push(resolve));
      continue;
    }
    for (const name of run.outputs) held.add(name);
    const result = await runOne(run, await serversFor(mine, run.browser));
    for (const name of run.outputs) held.delete(name);
    for (const wake of waiters.splice(0)) wake();
    done.push(result);
    const { pass, fail, skipped } = result.counts;
    console.log(
      `== ${result.browser} ${result.file}: ${result.seconds.toFixed(1)} s, ` +
        `${pass} passed, ${fail} failed, ${skipped} skipped${result.code ? `, exit code ${result.code}` : ''} ==`,
    );
    process.stdout.write(result.report);
  }
}

console.log(
  `browser tests: ${runs.length} runs (file × browser), ${workers} at a time, the longest first` +
    (shareBrowsers ? ', browsers shared by the runs of a worker' : ', a browser per run'),
);
await Promise.all(Array.from({ length: workers }, () => worker()));

const wall = (performance.now() - started) / 1000;
console.log('== browser tests: the slowest runs (seconds) ==');
for (const result of [...done].sort((a, b) => b.seconds - a.seconds).slice(0, 12)) {
  console.log(`${result.seconds.toFixed(1).padStart(7)}  ${result.browser.padEnd(8)} ${result.file}`);
}
let failed = 0;
for (const browser of ['chromium', 'firefox']) {
  const mine = done.filter((result) => result.browser === browser);
  const sum = (key) => mine.reduce((total, result) => total + result.counts[key], 0);
  const seconds = mine.reduce((total, result) => total + result.seconds, 0);
  const failedRuns = mine.filter((result) => result.code !== 0);
  failed += failedRuns.length;
  console.log(
    `${browser}: ${mine.length} files, ${sum('tests')} tests, ${sum('pass')} passed, ${sum('fail')} failed, ` +
      `${sum('skipped')} skipped; ${seconds.toFixed(0)} s of runs` +
      (failedRuns.length ? `; failed: ${failedRuns.map((result) => result.file).join(', ')}` : ''),
  );
  for (const result of mine) {
    for (const [, name, reason] of result.report.matchAll(/^\s*﹣ (.+?) \([\d.]+ms\) # (.+)$/gm)) {
      console.log(`  skipped in ${result.file}: ${name} (${reason})`);
    }
  }
}
// The failures again, last: a log cut to its tail still says what failed, where and why.
for (const result of done.filter((run) => run.code !== 0)) {
  const at = result.report.indexOf('✖ failing tests:');
  const lines = (at >= 0 ? result.report.slice(at) : result.report)
    .trimEnd()
    .split('\n')
    .filter((line) => !/^\s*at (.*\()?node:/.test(line));
  const shown = at >= 0 ? lines.slice(0, 25) : lines.slice(-25);
  console.log(`== why ${result.browser} ${result.file} failed (exit code ${result.code}) ==`);
  console.log(shown.join('\n'));
}
console.log(`browser tests: ${wall.toFixed(0)} s, ${workers} runs at a time`);
process.exit(failed ? 1 : 0);
