// Writes pkg/package.json: an npm-shaped package whose entry point is the custom element module.
import { readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const field = (name) => (cargo.match(new RegExp(`^${name} = "(.*)"`, 'm')) || [])[1];
const pkg = {
  name: 'adaptive-practice',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  module: 'adaptive-practice.js',
  main: 'adaptive-practice.js',
  types: 'adaptive-practice.d.ts',
  exports: {
    '.': { types: './adaptive-practice.d.ts', default: './adaptive-practice.js' },
    './adaptive_practice_bg.wasm': './adaptive_practice_bg.wasm',
  },
  files: [
    'adaptive-practice.js',
    'adaptive-practice.d.ts',
    'adaptive_practice.js',
    'adaptive_practice.d.ts',
    'adaptive_practice_bg.wasm',
    'adaptive_practice_bg.wasm.d.ts',
    'snippets/',
  ],
  sideEffects: ['./adaptive-practice.js'],
};
writeFileSync(new URL('../pkg/package.json', import.meta.url), JSON.stringify(pkg, null, 2) + '\n');
