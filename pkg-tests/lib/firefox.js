// Firefox for the browser tests: Debian's Firefox ESR driven by playwright-core over WebDriver
// BiDi (`channel: 'moz-firefox'`), so that every test file uses the same Playwright API in both
// browsers. What differs from Chromium is handled here, openly:
// - Firefox ESR has no per-page colour-scheme override, so a context asking for a colour scheme
//   is opened in a Firefox launched with that scheme (a second browser, started when first needed);
// - playwright-core asks for that override anyway, and misses downloads of `blob:` links, so the
//   browser it starts is lib/firefox-relay.mjs, which fills exactly those two gaps;
// - print media cannot be emulated: `page.emulateMedia({ media })` throws here instead of doing
//   nothing (playwright-core would ignore it silently), and a test that needs it says so with
//   `skipInFirefox` (lib/browser.js);
// - scrollbars overlay the page, as in headless Chromium (which hides them), so widths compare.
import { fileURLToPath } from 'node:url';
import { firefox } from 'playwright-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const relay = fileURLToPath(new URL('./firefox-relay.mjs', import.meta.url));

/** Firefox's own setting for the `prefers-color-scheme` of web pages: 0 dark, 1 light. */
const colorSchemePreference = { dark: 0, light: 1 };

function launchWithColorScheme(colorScheme) {
  return firefox.launch(launchOptions(colorScheme));
}

function launchOptions(colorScheme) {
  return {
    channel: 'moz-firefox',
    executablePath: relay,
    headless: true,
    env: { ...process.env, FIREFOX_PATH, AP_FIREFOX_COLOR_SCHEME: colorScheme },
    firefoxUserPrefs: {
      'layout.css.prefers-color-scheme.content-override': colorSchemePreference[colorScheme],
      'ui.useOverlayScrollbars': 1,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  };
}

const guardedPages = new WeakSet();

/** Makes `page.emulateMedia({ media })` fail loudly: Firefox ESR cannot emulate a media type. */
function refusePrintEmulation(page) {
  if (guardedPages.has(page)) return page;
  guardedPages.add(page);
  const emulateMedia = page.emulateMedia.bind(page);
  page.emulateMedia = async (options = {}) => {
    if (options.media != null) {
      throw new Error(`Firefox ESR over WebDriver BiDi cannot emulate media ${JSON.stringify(options.media)}`);
    }
    return emulateMedia(options);
  };
  return page;
}

/**
 * Launches Firefox; resolves to an object with the part of Playwright's Browser the tests use:
 * `newContext(options)` (a real Playwright BrowserContext), `version()` and `close()`.
 */
export function launchFirefox() {
  return firefoxFor(launchWithColorScheme);
}

/**
 * Connects to the Firefox servers of `launchFirefoxServers` (`{ default, dark }` endpoints, the
 * default one light); resolves to the same object as `launchFirefox`.
 */
export function connectFirefox(servers) {
  return firefoxFor((colorScheme) => firefox.connect(colorScheme === 'dark' ? servers.dark : servers.default));
}

/** Starts a light and a dark Firefox as browser servers; resolves to { endpoints, alive(), close() }. */
export async function launchFirefoxServers() {
  const [light, dark] = await Promise.all(
    ['light', 'dark'].map((colorScheme) => firefox.launchServer(launchOptions(colorScheme))),
  );
  return {
    endpoints: { default: light.wsEndpoint(), dark: dark.wsEndpoint() },
    alive: () => serverRunning(light) && serverRunning(dark),
    close: () => Promise.all([light.close(), dark.close()]),
  };
}

/** Whether a Playwright BrowserServer's browser process is still running. */
export function serverRunning(server) {
  return server.process().exitCode === null && server.process().signalCode === null;
}

/** The object the tests use, over browsers opened (launched or connected) by `open(colorScheme)`. */
async function firefoxFor(open) {
  const browsers = { light: open('light') };
  const browserFor = (colorScheme) => {
    if (!(colorScheme in colorSchemePreference)) {
      throw new Error(`Firefox ESR: lib/firefox.js cannot open a context with colorScheme ${colorScheme}`);
    }
    browsers[colorScheme] ??= open(colorScheme);
    return browsers[colorScheme];
  };
  const light = await browsers.light;
  return {
    async newContext(options = {}) {
      const context = await (await browserFor(options.colorScheme ?? 'light')).newContext(options);
      const newPage = context.newPage.bind(context);
      context.newPage = async () => refusePrintEmulation(await newPage());
      context.on('page', (page) => refusePrintEmulation(page));
      return context;
    },
    version: () => light.version(),
    async close() {
      await Promise.all(Object.values(browsers).map(async (browser) => (await browser).close()));
    },
  };
}
