// The bundler recipes of the README, each run for real: the packed package is installed into a
// fresh project, bundled with Vite, esbuild, webpack 5 or Rollup exactly as the README says, the
// output served on its own, and a learner answers an item in the browser (lib/browser.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launchBrowser } from '../lib/browser.js';
import { PracticeWidget, readBank } from '../lib/practice-widget.js';
import { temporaryFolder } from '../lib/temporary-folder.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const recipes = fileURLToPath(new URL('../bundlers/', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const work = temporaryFolder('ap-bundlers-');
let tarball;
let browser;

before(async () => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', join(root, 'pkg'), '--json', '--pack-destination', work], { encoding: 'utf8' }),
  );
  tarball = join(work, packed.filename);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A fresh host project with the package installed from the tarball, as a publisher has it. */
function newProject(name) {
  const project = join(work, name);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `host-${name}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
  copyFileSync(join(recipes, 'main.js'), join(project, 'main.js'));
  copyFileSync(join(recipes, 'index.html'), join(project, 'index.html'));
  return project;
}

const run = (command, args, options) => execFileSync(command, args, { stdio: 'pipe', encoding: 'utf8', ...options });
const wasm = (project) => join(project, 'node_modules/adaptive-practice/adaptive_practice_bg.wasm');

const builds = {
  // Vite emits the wasm on its own (it reads `new URL(file, import.meta.url)`).
  vite: (project) => run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: project }),
  // esbuild bundles the code; the wasm is copied beside the bundle, where the code looks for it.
  esbuild: (project) => {
    run(bin('esbuild'), ['main.js', '--bundle', '--format=esm', '--outdir=dist'], { cwd: project });
    copyFileSync(join(project, 'index.html'), join(project, 'dist/index.html'));
    copyFileSync(wasm(project), join(project, 'dist/adaptive_practice_bg.wasm'));
  },
  // webpack 5 emits the wasm as an asset (webpack.config.mjs).
  webpack: (project) => {
    run(bin('webpack'), ['--config', join(recipes, 'webpack.config.mjs'), '--env', `project=${project}`], {
      cwd: project,
    });
    copyFileSync(join(project, 'index.html'), join(project, 'dist/index.html'));
  },
  // Rollup with node-resolve; the wasm is copied beside the bundle.
  rollup: (project) => {
    run(bin('rollup'), ['--config', join(recipes, 'rollup.config.mjs'), '--silent'], {
      cwd: project,
      env: { ...process.env, AP_PROJECT: project },
    });
    copyFileSync(join(project, 'index.html'), join(project, 'dist/index.html'));
    copyFileSync(wasm(project), join(project, 'dist/adaptive_practice_bg.wasm'));
  },
};

for (const [name, build] of Object.entries(builds)) {
  test(`${name}: the bundled page shows an item and judges an answer`, async () => {
    const project = newProject(name);
    build(project);
    const dist = join(project, 'dist');
    assert.ok(existsSync(join(dist, 'index.html')), `${name} wrote dist/index.html`);
    cpSync(join(root, 'www/banks/fractions.json'), join(dist, 'fractions.json'));
    const { server, url } = await startServer(0, '127.0.0.1', { root: dist });
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
    });
    try {
      await page.goto(url);
      const widget = new PracticeWidget(page, '#practice', readBank('www/banks/fractions.json'));
      await widget.waitForItem();
      await widget.part('form.ap-item input, form.ap-item select').first().focus();
      await widget.answerByKeyboard(true);
      assert.match(await widget.feedback(), /^Correct!/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      server.close();
    }
  });
}
