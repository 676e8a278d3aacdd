import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(join(root, 'pkg-tests', 'package.json'));
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = await import('../pkg-tests/lib/browser.js');
const pkg = resolve(process.argv[2]);
const { server, url } = await startServer(0, '127.0.0.1', { cacheControl: 'public, max-age=31536000', resolve: (p) => (p.startsWith('/pkg/') ? join(pkg, p.slice(5)) : undefined) });
const page_url = `${url}bench/pages/startup.html?bank=/bench/generated/banks/bank-1000.json`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const page = await (await browser.newContext()).newPage();
const cdp = await page.context().newCDPSession(page);
for (let i = 0; i < 3; i++) { await page.goto(page_url); await page.waitForFunction(() => window.benchResult, null, { polling: 5 }); }
for (let run = 0; run < Number(process.argv[3] || 3); run++) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((d) => cdp.once('Tracing.tracingComplete', d));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline.frame'] }, transferMode: 'ReportEvents' });
  await page.goto(page_url);
  await page.waitForFunction(() => window.benchResult, null, { polling: 5 });
  const result = await page.evaluate(() => window.benchResult);
  await cdp.send('Tracing.end'); await complete; cdp.off('Tracing.dataCollected', onData);
  const mark = (n) => events.find((e) => e.name === n && e.cat.includes('blink.user_timing'));
  const s = mark('adaptive-practice:instantiated'), p = mark('bench:painted');
  const tid = s.tid;
  console.log(`run ${run}: ${JSON.stringify(result)}`);
  for (const e of events.filter((e)=>e.name==='ResourceSendRequest'||e.name==='ResourceFinish'||e.name==='ResourceReceiveResponse'||e.name.startsWith('v8.wasm')||e.name==='ResourceReceivedData')) console.log('   R', ((e.ts - s.ts)/1000).toFixed(2), e.name, e.args?.data?.url?.split('/').pop() ?? e.args?.data?.requestId, e.dur ? e.dur/1000 : '');
  const evs = events.filter((e) => e.tid === tid && e.ts >= s.ts - 3000 && e.ts <= p.ts + 1000 && (e.ph === 'X' || e.ph === 'I' || e.ph === 'R' || e.ph==='n') ).sort((a, b) => a.ts - b.ts);
  const stack = [];
  for (const e of evs) {
    while (stack.length && stack.at(-1) <= e.ts) stack.pop();
    const depth = stack.length;
    if (depth <= 2 && (e.dur ?? 0) >= 100 || e.ph !== 'X' && depth <= 1) console.log(`${((e.ts - s.ts) / 1000).toFixed(2).padStart(7)} ${'  '.repeat(depth)}${e.name} ${e.dur ? (e.dur / 1000).toFixed(2) : ''} ${JSON.stringify(e.args?.data ?? e.args ?? '').slice(0,160)}`);
    if (e.ph === 'X') stack.push(e.ts + e.dur);
  }
}
await browser.close(); server.close();
