// Shared browser set-up for the tests: Debian's Chromium through playwright-core, headless,
// with a fresh profile, and the repository served on a free localhost port. With
// AP_BROWSER=firefox, Debian's Firefox ESR instead, through the same playwright-core API
// (lib/firefox.js); `make test` runs every test file in both (scripts/browser-tests.mjs).
// When AP_BROWSER_SERVERS names browser servers (JSON: { default, dark? } WebSocket endpoints,
// from `launchBrowserServers` below), a test file connects to them instead of launching its own
// browser: scripts/browser-tests.mjs starts one set per worker and keeps it for the worker's
// files, each file in its own contexts as before, and so saves a browser start-up per file.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { connectFirefox, launchFirefox, launchFirefoxServers, serverRunning } from './firefox.js';

export const BROWSER = process.env.AP_BROWSER || 'chromium';
if (!['chromium', 'firefox'].includes(BROWSER)) throw new Error(`AP_BROWSER=${BROWSER}: chromium or firefox`);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Where screenshots go, one set per browser: pkg-tests/screenshots/ (Chromium) and its firefox/ folder. */
export const SCREENSHOT_FOLDER = new URL(
  BROWSER === 'firefox' ? '../screenshots/firefox/' : '../screenshots/',
  import.meta.url,
);

const chromiumOptions = () => ({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});

/**
 * The browser AP_BROWSER names, launched for this file or, with AP_BROWSER_SERVERS, connected to;
 * resolves to an object with Playwright's `newContext()` and `close()` (which, connected, closes
 * this file's contexts and leaves the browser running).
 */
export function launchBrowser({ own = false } = {}) {
  const servers = !own && process.env.AP_BROWSER_SERVERS ? JSON.parse(process.env.AP_BROWSER_SERVERS) : null;
  if (BROWSER === 'firefox') return servers ? connectFirefox(servers) : launchFirefox();
  return servers ? chromium.connect(servers.default) : chromium.launch(chromiumOptions());
}

/**
 * Starts `browser` (chromium or firefox) as browser servers for AP_BROWSER_SERVERS; resolves to
 * { endpoints, alive(), close() }.
 */
export async function launchBrowserServers(browser) {
  if (browser === 'firefox') return launchFirefoxServers();
  const server = await chromium.launchServer(chromiumOptions());
  return {
    endpoints: { default: server.wsEndpoint() },
    alive: () => serverRunning(server),
    close: () => server.close(),
  };
}

/**
 * The bytes of a finished download. Not `download.path()`, which a browser connected to through
 * AP_BROWSER_SERVERS does not have: the file is read through Playwright's stream.
 */
export async function downloadedBytes(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Launches the browser (connects to the shared one, unless `own`: a browser of its own, with a
 * profile nobody used) and the static server; returns { browser, baseUrl, close }.
 */
export async function launch({ own = false } = {}) {
  const { server, url } = await startServer(0);
  const browser = await launchBrowser({ own });
  return {
    browser,
    baseUrl: url,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * For `test(name, { skip: skipInFirefox('why') }, …)`: a test that needs what Firefox ESR over
 * WebDriver BiDi cannot do (say what) is skipped there, with the reason in the test report.
 */
export function skipInFirefox(reason) {
  return BROWSER === 'firefox' ? `Firefox ESR over WebDriver BiDi cannot ${reason}` : false;
}
