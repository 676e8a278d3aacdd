// Shared browser set-up for the tests: Debian's Chromium through playwright-core, headless,
// with a fresh profile, and the repository served on a free localhost port. With
// AP_BROWSER=firefox, Debian's Firefox ESR instead (lib/firefox.js), for the files that
// scripts/test-firefox.sh lists.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { launchFirefox } from './firefox.js';

export const BROWSER = process.env.AP_BROWSER || 'chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Launches Chromium and the static server; returns { browser, baseUrl, close }. */
export async function launch() {
  const { server, url } = await startServer(0);
  const browser =
    BROWSER === 'firefox'
      ? await launchFirefox()
      : await chromium.launch({
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          headless: true,
          args: CHROMIUM_ARGS,
        });
  return {
    browser,
    baseUrl: url,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}
