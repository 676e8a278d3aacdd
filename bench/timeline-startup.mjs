// What the main thread does from the wasm's instantiation to the first item painted, run by run:
// the start-up page (bench/pages/startup.html, 1,000 items, 500 skills, cached) loaded under a
// Chrome trace, each run printed as its top-level trace events (tasks, microtasks, wasm calls,
// frames: style, layout, paint, commit) in time order, from the `adaptive-practice:instantiated`
// mark, with when the wasm and the bank were requested and arrived. Shows waits (for the bank,
// for the next frame) that a CPU profile's totals do not. Figures are printed, never asserted.
// Usage: node bench/timeline-startup.mjs [pkg folder under the repository] [runs] (default:
// pkg/, 3 runs).
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { loadResult } from './load-result.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(join(root, 'pkg-tests', 'package.json'));
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = await import('../pkg-tests/lib/browser.js');

const pkg = resolve(process.argv[2] || join(root, 'pkg'));
const runs = Number(process.argv[3] || 3);
if (relative(root, pkg).startsWith('..')) throw new Error(`${pkg} must be inside ${root}`);
const { server, url } = await startServer(0, '127.0.0.1', {
  cacheControl: 'public, max-age=31536000',
  resolve: (path) => (path.startsWith('/pkg/') ? join(pkg, path.slice(5)) : undefined),
});
const pageUrl = `${url}bench/pages/startup.html?bank=/bench/generated/banks/bank-1000.json`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
const page = await (await browser.newContext()).newPage();
const cdp = await page.context().newCDPSession(page);
const load = async () => {
  return loadResult(page, pageUrl, 60_000);
};
// Cached and compiled before the traced runs.
for (let i = 0; i < 3; i += 1) await load();
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];
const ms = (ts, from) => ((ts - from) / 1000).toFixed(2).padStart(8);
for (let run = 0; run < runs; run += 1) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  const result = await load();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const started = mark('adaptive-practice:instantiated');
  const painted = mark('bench:painted');
  if (!started || !painted) throw new Error('the trace lacks the instantiated or painted mark');
  console.log(`run ${run + 1}: ${JSON.stringify(result)}`);
  // The requests for the wasm and the bank, and when each was answered and all in.
  const requests = new Map();
  for (const e of events.filter((e) => e.name === 'ResourceSendRequest')) {
    const file = new URL(e.args.data.url).pathname.split('/').pop();
    if (/\.wasm$|^bank-/.test(file)) requests.set(e.args.data.requestId, file);
  }
  for (const e of events) {
    const id = e.args?.data?.requestId;
    if (!requests.has(id) || !/^Resource(SendRequest|ReceiveResponse|Finish)$/.test(e.name)) continue;
    console.log(`${ms(e.ts, started.ts)}  ${e.name} ${requests.get(id)}`);
  }
  // The main thread's events, three levels deep, those of 0.1 ms or more.
  const spans = events
    .filter((e) => e.tid === started.tid && e.ph === 'X' && e.ts >= started.ts - 3000 && e.ts <= painted.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  for (const e of spans) {
    while (open.length && open.at(-1) <= e.ts) open.pop();
    if (open.length <= 2 && e.dur >= 100) {
      const what = e.args?.data?.functionName ?? '';
      console.log(
        `${ms(e.ts, started.ts)}  ${'  '.repeat(open.length)}${e.name} ${(e.dur / 1000).toFixed(2)} ms ${what}`,
      );
    }
    open.push(e.ts + e.dur);
  }
  console.log(`${ms(painted.ts, started.ts)}  bench:painted`);
}
await browser.close();
server.close();
