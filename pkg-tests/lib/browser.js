// Shared browser set-up for the tests: Debian's Chromium through playwright-core, headless,
// with a fresh profile, and the repository served on a free localhost port.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

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
  const browser = await chromium.launch({
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
