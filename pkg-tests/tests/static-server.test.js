// The demo's static server (scripts/serve.mjs) serves only files inside its root: no encoded
// dot-dot, no sibling folder that shares the root's name as a prefix, no link out, no hidden file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { temporaryFolder } from '../lib/temporary-folder.js';

const folder = temporaryFolder('ap-serve-');
const site = join(folder, 'site');
let server;
let port;

before(async () => {
  mkdirSync(join(site, 'www'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<p>front page</p>');
  writeFileSync(join(site, 'www', 'page.html'), '<p>a page</p>');
  mkdirSync(join(site, '.git'));
  writeFileSync(join(site, '.git', 'config'), 'private');
  mkdirSync(join(folder, 'site-private'));
  writeFileSync(join(folder, 'site-private', 'secret.txt'), 'secret');
  writeFileSync(join(folder, 'outside.txt'), 'secret');
  symlinkSync(join(folder, 'outside.txt'), join(site, 'www', 'link.txt'));
  const started = await startServer(0, '127.0.0.1', { root: site });
  server = started.server;
  port = server.address().port;
});
after(() => server?.close());

/** A GET with the path sent exactly as written (no client-side normalization). */
function get(path) {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

test('files inside the root are served', async () => {
  assert.deepEqual(await get('/'), { status: 200, body: '<p>front page</p>' });
  assert.deepEqual(await get('/www/page.html'), { status: 200, body: '<p>a page</p>' });
  assert.equal((await get('/www/../www/page.html')).status, 200);
});

for (const path of [
  '/..%2fsite-private/secret.txt',
  '/..%2F..%2Fsite-private%2Fsecret.txt',
  '/%2e%2e/site-private/secret.txt',
  '/%2e%2e%2foutside.txt',
  '/www/..%2f..%2foutside.txt',
  '/..\\outside.txt',
  '/www/link.txt',
  '/.git/config',
  '/%2egit/config',
  '/www/page.html%00.png',
]) {
  test(`refused: ${path}`, async () => {
    const { status, body } = await get(path);
    assert.equal(status, 404);
    assert.ok(!body.includes('secret') && !body.includes('private'), body);
  });
}
