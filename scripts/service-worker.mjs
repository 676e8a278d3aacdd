// Writes pkg/adaptive-practice-sw.js from src/service-worker.js: the list of the package's files
// a page loads (the language files too: a widget in any language works offline), and a version
// (a hash of those files) that renames the cache when they change. The same list goes to
// www/generated/widget-files.json, for the authoring page's ready-made page (www/page-package.js).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const walk = (folder) =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const loaded = walk(pkg)
  .map((path) => relative(pkg, path).split('\\').join('/'))
  .filter((file) =>
    /^(adaptive-practice\.js|adaptive_practice\.js|adaptive_practice_bg\.wasm|snippets\/.*\.js|i18n\/.*\.json)$/.test(
      file,
    ),
  )
  .sort();
const hash = createHash('sha256');
for (const file of loaded) hash.update(readFileSync(join(pkg, file)));
const source = readFileSync(new URL('../src/service-worker.js', import.meta.url), 'utf8')
  .replace(/^const PACKAGE_FILES = .*$/m, `const PACKAGE_FILES = ${JSON.stringify(loaded)};`)
  .replace(/^const PACKAGE_VERSION = .*$/m, `const PACKAGE_VERSION = '${hash.digest('hex').slice(0, 12)}';`);
writeFileSync(join(pkg, 'adaptive-practice-sw.js'), source);
const generated = fileURLToPath(new URL('../www/generated/', import.meta.url));
mkdirSync(generated, { recursive: true });
writeFileSync(join(generated, 'widget-files.json'), `${JSON.stringify(loaded)}\n`);
