// A small static file server for the demo and the browser tests: serves the repository root on
// localhost with the right content types (application/wasm for .wasm). Prints the URL.
// Safe to run on a shared network: it serves only files inside its root (after decoding,
// normalizing and following links), never a hidden file or folder (`.git`, `.tools`).
// Usage: node scripts/serve.mjs [port]   (port 0 picks a free one)
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
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
 * `root` serves another folder (the tests of the server itself); `headers` are added to every
 * answer (a CDN's CORS headers, in the cross-origin test).
 */
export function startServer(
  port = 0,
  host = '127.0.0.1',
  { cacheControl = 'no-cache', resolve: resolvePath, root = repositoryRoot, headers = {} } = {},
) {
  const server = createServer(async (request, response) => {
    try {
      const file = await fileInside(root, request.url, resolvePath);
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': types[extname(file)] || 'application/octet-stream',
        'cache-control': cacheControl,
        ...headers,
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

/**
 * The file a request names, or a rejection when it is outside `root` (however the path is
 * spelled: encoded slashes and dots, links out of the folder), names a hidden file or folder, or
 * does not exist. A folder serves its `index.html`.
 */
async function fileInside(root, url, resolvePath) {
  const path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  if (path.includes('\0')) throw new Error('a NUL in the path');
  const realRoot = await realpath(root);
  const inside = (candidate) => {
    const rest = relative(realRoot, candidate);
    return (
      rest === '' ||
      (!rest.startsWith('..') && !isAbsolute(rest) && !rest.split(sep).some((part) => part.startsWith('.')))
    );
  };
  let file = resolve(resolvePath?.(path) ?? join(realRoot, path));
  if (!inside(file)) throw new Error('outside the root');
  file = await realpath(file);
  if (!inside(file)) throw new Error('a link out of the root');
  if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
  const { url } = await startServer(port);
  console.log(`adaptive-practice demo: ${url}  (Ctrl+C to stop)`);
}
