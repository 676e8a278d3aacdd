// Writes pkg/package.json: an npm-shaped package whose entry point is the custom element module,
// and copies the README, changelog and licence files into pkg/ so that the packed tarball has them.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const field = (name) => (cargo.match(new RegExp(`^${name} = "(.*)"`, 'm')) || [])[1];
const pkg = {
  name: 'adaptive-practice',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: field('repository') },
  keywords: ['adaptive-learning', 'practice', 'quiz', 'web-component', 'webassembly', 'education'],
  type: 'module',
  module: 'adaptive-practice.js',
  main: 'adaptive-practice.js',
  types: 'adaptive-practice.d.ts',
  exports: {
    '.': { types: './adaptive-practice.d.ts', default: './adaptive-practice.js' },
    './adaptive_practice_bg.wasm': './adaptive_practice_bg.wasm',
    './loader': './adaptive-practice-loader.js',
    './i18n/*': './i18n/*',
  },
  files: [
    'adaptive-practice.js',
    'adaptive-practice.d.ts',
    'adaptive-practice-loader.js',
    'adaptive-practice-sw.js',
    'adaptive_practice.js',
    'adaptive_practice.d.ts',
    'adaptive_practice_bg.wasm',
    'adaptive_practice_bg.wasm.d.ts',
    'snippets/',
    'i18n/',
    'README.md',
    'CHANGELOG.md',
    'LICENSE-MIT',
    'LICENSE-APACHE',
  ],
  sideEffects: ['./adaptive-practice.js'],
};
writeFileSync(new URL('../pkg/package.json', import.meta.url), JSON.stringify(pkg, null, 2) + '\n');
for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
  copyFileSync(new URL(`../${file}`, import.meta.url), new URL(`../pkg/${file}`, import.meta.url));
}
