// Runs axe-core (WCAG 2.x A and AA rules) on the page, shadow roots included.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BROWSER } from './browser.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Violations as short strings: "rule-id: target (summary)". axe is evaluated by the test driver,
 * which a page's Content-Security-Policy does not stop (a `<script>` element would need the
 * context's `bypassCSP`, which Firefox over WebDriver BiDi does not have).
 */
export async function axeViolations(page, selector = 'adaptive-practice') {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const results = await page.evaluate(async (include) => {
    return window.axe.run(
      { include: [include] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      },
    );
  }, selector);
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary.split('\n')[1]?.trim() ?? ''})`,
    ),
  );
}

/**
 * The colour schemes and widths a sweep of pages runs at: each pair once across the two
 * engines, and each engine at both schemes and both widths: Chromium light at the first width and
 * dark at the second, Firefox the other two. axe's rules read the DOM, the accessibility tree and
 * computed colours, which the two engines give alike for the same CSS; the checks that depend on
 * layout (target sizes, reflow) still run at both widths in each. AP_FULL_SWEEPS=1 runs every
 * pair in both.
 */
export function axeSweeps(widths) {
  const all = process.env.AP_FULL_SWEEPS === '1';
  const lightFirst = BROWSER !== 'firefox';
  return ['light', 'dark'].flatMap((colorScheme) =>
    widths
      .filter((_, index) => all || ((colorScheme === 'light') === (index === 0)) === lightFirst)
      .map((width) => ({ colorScheme, width })),
  );
}
