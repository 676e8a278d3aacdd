// Shared browser set-up for the tests: Debian's Chromium through playwright-core, headless,
// with a fresh profile, and the repository served on a free localhost port. With
// AP_BROWSER=firefox, Debian's Firefox ESR instead, through the same playwright-core API
// (lib/firefox.js); `make test` runs every test file in both (scripts/test.sh).
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchFirefox } from './firefox.js';

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

/** Launches the browser AP_BROWSER names; resolves to an object with Playwright's `newContext()` and `close()`. */
export function launchBrowser() {
  if (BROWSER === 'firefox') return launchFirefox();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Launches the browser and the static server; returns { browser, baseUrl, close }. */
export async function launch() {
  const { server, url } = await startServer(0);
  const browser = await launchBrowser();
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
