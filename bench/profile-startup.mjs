// Where the start-up's time goes, in headless Chromium: the benchmark's start-up page
// (bench/pages/startup.html, 1,000 items, 500 skills, cached) loaded RUNS times under a Chrome
// trace, each run cut from the `adaptive-practice:instantiated` mark to the `bench:painted` mark.
// Prints, summed over the runs and divided by their number: the main thread's time by trace event
// (script, style, layout, paint; self time), and the sampled CPU profile by function (self and
// inclusive), for a build whose wasm keeps its function names (`bash bench/build-profile.sh`
// writes one into bench/generated/pkg-profile/). Figures are printed, never asserted.
// Usage: [FOCUS=function] node bench/profile-startup.mjs [pkg folder under the repository] [runs]
// [CPU throttling]; FOCUS also prints the time of each function called by the outermost one
// whose name contains FOCUS, CALLERS=function the callers of the innermost one.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { loadResult } from './load-result.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(join(root, 'pkg-tests', 'package.json'));
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = await import('../pkg-tests/lib/browser.js');

const pkg = resolve(process.argv[2] || join(root, 'bench', 'generated', 'pkg-profile'));
const runs = Number(process.argv[3] || 10);
const focus = process.env.FOCUS;
const callers = process.env.CALLERS;
const calling = new Map();
const throttling = Number(process.argv[4] || 1);
if (relative(root, pkg).startsWith('..')) throw new Error(`${pkg} must be inside ${root}`);

const { server, url } = await startServer(0, '127.0.0.1', {
  cacheControl: 'public, max-age=31536000',
  resolve: (path) => (path.startsWith('/pkg/') ? join(pkg, path.slice(5)) : undefined),
});
const page_url = `${url}bench/pages/startup.html?bank=/bench/generated/banks/bank-1000.json`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/** Loads the page once under a trace; resolves to its events and its `benchResult`. */
async function tracedLoad(page, cdp) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  const result = await loadResult(page, page_url, 60_000);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return { events, result };
}

const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);

/** Self time of the main thread's complete events between `start` and `end` (microseconds), by name. */
function mainThreadSelf(events, thread, start, end, into) {
  const spans = events
    .filter((e) => e.ph === 'X' && e.tid === thread && e.ts >= start && e.ts < end && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const event of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.self -= Math.min(event.dur, parent.ts + parent.dur - event.ts);
    event.self = event.dur;
    stack.push(event);
  }
  for (const event of spans) add(into, event.name, event.self);
}

/** The sampled CPU profile of `thread` between `start` and `end`: self and inclusive time by function. */
function profileTimes(events, thread, start, end, self, inclusive, focused) {
  const nodes = new Map();
  // The samples come in chunks from the profiler's own thread, under the id of the main
  // thread's `Profile` event.
  const ids = new Set(events.filter((e) => e.name === 'Profile' && e.tid === thread).map((e) => e.id));
  const profileEvents = events.filter((e) => (e.name === 'Profile' || e.name === 'ProfileChunk') && ids.has(e.id));
  let time = null;
  for (const event of profileEvents) {
    const data = event.args?.data ?? {};
    if (event.name === 'Profile') {
      time = data.startTime ?? time;
      continue;
    }
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i += 1) {
      time += deltas[i] ?? 0;
      const next = i + 1 < deltas.length ? deltas[i + 1] : 0;
      if (time < start || time >= end) continue;
      const weight = Math.max(0, next);
      const names = new Set();
      let node = nodes.get(samples[i]);
      const leaf = node ? frameName(node) : '?';
      add(self, leaf, weight);
      const stack = [];
      while (node) {
        stack.push(frameName(node));
        node = node.parent === undefined ? null : nodes.get(node.parent);
      }
      for (const name of stack) names.add(name);
      for (const name of names) add(inclusive, name, weight);
      // FOCUS=text: the time of each function called by a function whose name contains it.
      const at = focus ? stack.findLastIndex((name) => name.includes(focus)) : -1;
      if (at >= 0) add(focused, at === 0 ? '(self)' : stack[at - 1], weight);
      // CALLERS=text: the callers (two frames up) of a function whose name contains it.
      const called = callers ? stack.findIndex((name) => name.includes(callers)) : -1;
      if (called >= 0) add(calling, stack.slice(called + 1, called + 3).join(' < '), weight);
    }
  }
}

function frameName(node) {
  const frame = node.callFrame ?? {};
  const name = (frame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
  const file = frame.url ? frame.url.split('/').pop() : '';
  return file && !name.startsWith('(') ? `${name} [${file}]` : name;
}

const page = await (await browser.newContext()).newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling });
for (let i = 0; i < 3; i += 1) {
  await loadResult(page, page_url, 60_000);
}
const phases = new Map();
const self = new Map();
const inclusive = new Map();
const focused = new Map();
const windows = [];
const afterInstantiate = [];
for (let run = 0; run < runs; run += 1) {
  const { events, result } = await tracedLoad(page, cdp);
  afterInstantiate.push(result.afterInstantiate);
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const started = mark('adaptive-practice:instantiated');
  const painted = mark('bench:painted');
  if (!started || !painted) throw new Error('the trace lacks the instantiated or painted mark');
  const thread = started.tid;
  windows.push((painted.ts - started.ts) / 1000);
  mainThreadSelf(events, thread, started.ts, painted.ts, phases);
  profileTimes(events, thread, started.ts, painted.ts, self, inclusive, focused);
}
await browser.close();
server.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const table = (title, map, limit) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`${(us / runs / 1000).toFixed(2).padStart(8)} ms  ${name}`);
  }
};
console.log(
  `${relative(root, pkg)}: ${runs} runs, CPU ${throttling}x; instantiated to painted: median ${median(afterInstantiate).toFixed(1)} ms (page), ${median(windows).toFixed(1)} ms (trace marks); load average ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')}`,
);
table('main thread, self time by trace event (mean per run)', phases, 25);
table('CPU profile, self time by function (mean per run)', self, 40);
table('CPU profile, inclusive time by function (mean per run)', inclusive, 60);
if (callers) table(`CPU profile, the callers of the innermost function named like ${callers}`, calling, 20);
if (focus) table(`CPU profile, what the outermost function named like ${focus} calls (mean per run)`, focused, 40);
