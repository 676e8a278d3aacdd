// The authoring page driven as an author does, for the tests of what it gives: a bank opened by
// its address, and "Download as a web page" (www/page-package.js) taken as the zip's bytes.
import { downloadedBytes } from './browser.js';

/** The nine item types, in the order of the authoring page's "New item" list. */
export const ITEM_TYPES = [
  'singleChoice',
  'multipleResponse',
  'numeric',
  'mathExpression',
  'shortText',
  'ordering',
  'fillBlanks',
  'matching',
  'multiStep',
];

/**
 * A new page of `context` on the authoring page with the bank at `address` (relative to www/)
 * opened by its address; resolves to { page, errors } (the page's uncaught errors, as they come).
 */
export async function authorPageWith(context, baseUrl, address) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}www/author.html`);
  await page.locator('#problem-summary', { hasText: /No errors|error|warning/ }).waitFor();
  await page.locator('#open-url-input').fill(address);
  await page.locator('#open-url-input').press('Enter');
  await page.locator('#status', { hasText: /^Opened/ }).waitFor();
  return { page, errors };
}

/** Presses "Download as a web page" on `page`; resolves to { download, bytes } of the zip. */
export async function downloadPagePackage(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-page').click()]);
  return { download, bytes: await downloadedBytes(download) };
}
