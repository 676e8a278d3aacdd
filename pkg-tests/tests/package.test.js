// The package as a publisher gets it: `npm pack pkg/` holds the README, changelog and licences,
// installs into a project, and its types pass `tsc --strict` with `skipLibCheck: false` (the old
// `progress` event collided with the DOM's own `ProgressEvent` there).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporaryFolder } from '../lib/temporary-folder.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/.bin/tsc', import.meta.url));
const project = temporaryFolder('ap-package-');
let packed;

before(() => {
  const [result] = JSON.parse(
    execFileSync('npm', ['pack', join(root, 'pkg'), '--json', '--pack-destination', project], { encoding: 'utf8' }),
  );
  packed = result;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(project, result.filename)], {
    cwd: project,
    stdio: 'pipe',
  });
});

test('the tarball holds the code, the wasm, the types, README, CHANGELOG and the licences', () => {
  const files = packed.files.map((file) => file.path).sort();
  for (const needed of [
    'README.md',
    'CHANGELOG.md',
    'LICENSE-MIT',
    'LICENSE-APACHE',
    'package.json',
    'adaptive-practice.js',
    'adaptive-practice.d.ts',
    'adaptive-practice-loader.js',
    'adaptive-practice-sw.js',
    'adaptive_practice.js',
    'adaptive_practice_bg.wasm',
  ]) {
    assert.ok(files.includes(needed), `${needed} is in the tarball (${files.join(', ')})`);
  }
});

test('the types pass tsc --strict without skipLibCheck, events typed by name', () => {
  writeFileSync(
    join(project, 'host.ts'),
    `import { mount, type AdaptivePracticeHandle, type PracticeStatement } from 'adaptive-practice';
const element = document.querySelector('adaptive-practice');
element?.addEventListener('adaptive-practice:answer', (event) => {
  const statement: PracticeStatement = event.detail;
  console.log(statement.verb.id, statement.result?.success);
});
element?.addEventListener('adaptive-practice:error', (event) => console.log(event.detail.message));
document.addEventListener('progress', (event) => {
  const loading: ProgressEvent = event;
  console.log(loading.loaded);
});
const handle: Promise<AdaptivePracticeHandle> = mount(document.body, { src: 'bank.json', skills: ['a'] });
void handle;
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom'],
        types: [],
      },
      files: ['host.ts'],
    }),
  );
  try {
    execFileSync(tsc, ['-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  } catch (failure) {
    assert.fail(`tsc --strict reported:\n${failure.stdout}${failure.stderr}`);
  }
});
