// Loads a benchmark page and resolves to the result it reports: the page sets
// `window.benchResult` and logs it as `bench:result <JSON>`, and the result is read from that
// console message. Nothing is evaluated in the page while it runs: polling for
// `window.benchResult` (Playwright's `waitForFunction`) ran a script in the page every few
// milliseconds, the first of them 8-10 ms long (Playwright's own script compiled in the new
// document), in the middle of the start-up being timed (bench/timeline-startup.mjs showed it).

const PREFIX = 'bench:result ';

/** Goes to `url` and resolves to its reported result; rejects at the page's first error. */
export async function loadResult(page, url, timeout = 300_000) {
  let onError;
  let onConsole;
  let timer;
  const reported = new Promise((resolve, reject) => {
    onError = (error) => reject(new Error(`${url}: ${error.message}`));
    onConsole = (message) => {
      const text = message.text();
      if (text.startsWith(PREFIX)) resolve(JSON.parse(text.slice(PREFIX.length)));
    };
    timer = setTimeout(() => reject(new Error(`${url}: no result after ${timeout} ms`)), timeout);
    page.on('pageerror', onError);
    page.on('console', onConsole);
  });
  try {
    await page.goto(url);
    return await reported;
  } finally {
    clearTimeout(timer);
    page.off('pageerror', onError);
    page.off('console', onConsole);
    reported.catch(() => {});
  }
}
