// ARCHITECTURE.md stays a true map of the code: every source file it names exists, and every
// module of src/ and crates/*/src is named there (by its file name, its path inside the crate's
// src/, or, for a module's private submodules, its folder written as `folder/`). Tests (`tests.rs`, `tests/`) need no entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const map = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
const named = new Set([...map.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]));

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'tests' ? [] : sourceFiles(path);
    return /\.(rs|js)$/.test(name) && name !== 'tests.rs' ? [path] : [];
  });
}

const crateSources = [
  join(root, 'src'),
  ...readdirSync(join(root, 'crates')).map((crate) => join(root, 'crates', crate, 'src')),
];
const modules = crateSources.flatMap((src) => sourceFiles(src).map((path) => ({ src, path })));

function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

// Names written in the map with a path (`a/b.rs`) or as a bare file name (`b.rs`).
function isNamed({ src, path }) {
  const inCrate = relative(src, path);
  if (named.has(basename(path)) || named.has(inCrate) || named.has(relative(root, path))) return true;
  // A module's own folder written as `folder/` (beside `folder.rs`) names its private submodules;
  // a folder of peers (`components/`, with a `mod.rs`) does not: each of those is named.
  for (let folder = dirname(inCrate); folder !== '.'; folder = dirname(folder)) {
    const ownFolder = named.has(`${folder}/`) || named.has(`${basename(folder)}/`);
    if (ownFolder && exists(join(src, `${folder}.rs`))) return true;
  }
  return false;
}

test('every module of src/ and crates/*/src is named in ARCHITECTURE.md', () => {
  assert.ok(modules.length > 50, `found ${modules.length} modules: the walk must see the tree`);
  const missing = modules.filter((module) => !isNamed(module)).map(({ path }) => relative(root, path));
  assert.deepEqual(missing, []);
});

test('every source file ARCHITECTURE.md names exists', () => {
  const files = new Set(
    modules.flatMap(({ src, path }) => [basename(path), relative(src, path), relative(root, path)]),
  );
  const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  const others = (name) => tracked.some((path) => path === name || path.endsWith(`/${name}`));
  const stale = [...named]
    .filter((name) => /^[\w./+-]+\.(rs|js|mjs|sh|css|ts)$/.test(name) && !name.startsWith('pkg/')) // pkg/ is built
    .filter((name) => !files.has(name) && !others(name));
  assert.deepEqual(stale, []);
});
