#!/usr/bin/env node
// Firefox ESR as playwright-core launches it for its WebDriver BiDi mode (`channel: 'moz-firefox'`),
// with two gaps between them filled. playwright-core runs this file as the browser: it starts
// Debian's Firefox ESR with the same arguments and puts a WebSocket relay between the two. Every
// message passes unchanged except:
// - `emulation.setMediaFeaturesOverride`, which Firefox ESR 153 does not know and playwright-core
//   sends for every new context and page. The relay answers it itself, and only when the override
//   asks for nothing this Firefox does not already do: the colour scheme the browser was launched
//   with (AP_FIREFOX_COLOR_SCHEME, set by lib/firefox.js), or none at all. Any other request gets
//   the error Firefox gives, so no emulation is ever pretended.
// - the download events of a download that is not a navigation (a `blob:` link with `download`):
//   Firefox ESR 153 sends them with neither the `download` id of the current protocol nor a
//   navigation id, and playwright-core drops such events. The relay adds a `download` id, the
//   same for the start and the end of one download.
// AP_FIREFOX_RELAY_LOG=file appends every message to that file (for finding the next gap).
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { WebSocket, WebSocketServer } from 'ws';

const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const colorScheme = process.env.AP_FIREFOX_COLOR_SCHEME || 'light';
const announcement = /WebDriver BiDi listening on (ws:\/\/\S+)/;
const logFile = process.env.AP_FIREFOX_RELAY_LOG;
const log = (direction, text) => logFile && appendFileSync(logFile, `${direction} ${text}\n`);

const firefox = spawn(firefoxPath, process.argv.slice(2), { stdio: ['ignore', 'inherit', 'pipe'] });
firefox.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => firefox.kill(signal));

// Firefox's log goes on to playwright-core unchanged, except the line that names the endpoint.
let pending = '';
firefox.stderr.setEncoding('utf8');
firefox.stderr.on('data', (chunk) => {
  pending += chunk;
  for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
    const line = pending.slice(0, end);
    pending = pending.slice(end + 1);
    const endpoint = line.match(announcement)?.[1];
    if (endpoint) startRelay(endpoint);
    else process.stderr.write(`${line}\n`);
  }
});

/** Listens on a free port, announces it as Firefox would, and relays each connection to `endpoint`. */
function startRelay(endpoint) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('listening', () => {
    process.stderr.write(`WebDriver BiDi listening on ws://127.0.0.1:${server.address().port}\n`);
  });
  server.on('connection', (client, request) => {
    const upstream = new WebSocket(endpoint + request.url, { perMessageDeflate: false });
    const waiting = [];
    upstream.on('open', () => {
      for (const message of waiting.splice(0)) upstream.send(message);
    });
    upstream.on('message', (data) => {
      const text = data.toString();
      log('<<', text);
      client.send(amendEvent(text));
    });
    upstream.on('close', () => client.close());
    upstream.on('error', () => client.close());
    client.on('close', () => upstream.close());
    client.on('error', () => upstream.close());
    client.on('message', (data) => {
      const text = data.toString();
      log('>>', text);
      const answer = answerHere(JSON.parse(text));
      if (answer) client.send(JSON.stringify(answer));
      else if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else waiting.push(text);
    });
  });
}

/** The relay's own answer to a command, or null to pass it to Firefox. */
function answerHere(command) {
  if (command.method !== 'emulation.setMediaFeaturesOverride') return null;
  const features = Object.entries(command.params?.features ?? {});
  const already = features.every(
    ([name, value]) => value === null || (name === 'prefers-color-scheme' && value === colorScheme),
  );
  if (already) return { type: 'success', id: command.id, result: {} };
  return {
    type: 'error',
    id: command.id,
    error: 'unknown command',
    message: `Firefox ESR cannot override ${JSON.stringify(command.params?.features)} in a running browser; lib/firefox.js opens a context with a colour scheme in a Firefox launched with it`,
  };
}

/** Download ids given by the relay, by browsing context and URL, until the download ends. */
const downloads = new Map();
let lastDownload = 0;

/** A message from Firefox as playwright-core expects it (see the download events above). */
function amendEvent(text) {
  if (!text.includes('"method":"browsingContext.download')) return text;
  const event = JSON.parse(text);
  const params = event.params;
  if (params.download || params.navigation) return text;
  const key = `${params.context} ${params.url}`;
  if (event.method === 'browsingContext.downloadWillBegin') {
    lastDownload += 1;
    downloads.set(key, `relay-download-${lastDownload}`);
  }
  params.download = downloads.get(key);
  if (event.method === 'browsingContext.downloadEnd') downloads.delete(key);
  return params.download ? JSON.stringify(event) : text;
}
