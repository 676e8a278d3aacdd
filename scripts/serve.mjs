// A small static file server for the demo and the browser tests: serves the repository root on
// localhost with the right content types (application/wasm for .wasm). Prints the URL.
// Usage: node scripts/serve.mjs [port]   (port 0 picks a free one)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Starts the server; resolves to { server, url }. Options: `cacheControl` (default `no-cache`;
 * the benchmark serves long-lived files so that reloads hit the HTTP cache) and `resolve`, which
 * may map a request path to another file under the repository (the benchmark's pkg snapshot);
 * `root`, another folder to serve instead of the repository (a test's site made as README says).
 */
export function startServer(port = 0, host = '127.0.0.1', { cacheControl = 'no-cache', resolve: resolvePath, root: servedRoot = root } = {}) {
  const base = resolve(servedRoot);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      let file = normalize(resolvePath?.(path) ?? join(base, path));
      if (!file.startsWith(base)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': types[extname(file)] || 'application/octet-stream',
        'cache-control': cacheControl,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found');
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveStart({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
  const { url } = await startServer(port);
  console.log(`adaptive-practice demo: ${url}  (Ctrl+C to stop)`);
}
