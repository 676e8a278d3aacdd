// Gives the wasm's imports from wasm-bindgen's glue short names (`_a`, `_b`, … `_ba`, …) in both
// pkg/adaptive_practice_bg.wasm and pkg/adaptive_practice.js: their names carry a 16-digit hash
// each (`__wbg_setAttribute_f75317b2b5cabfb4`), written twice, which gzip cannot shrink. Run by
// scripts/build.sh after the glue is minified. An import whose name is not found exactly once as a
// key of the glue's import object keeps its name (the snippets' imports are never renamed).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GLUE_MODULE = './adaptive_practice_bg.js';
const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const wasmPath = `${pkg}adaptive_practice_bg.wasm`;
const gluePath = `${pkg}adaptive_practice.js`;

/** Unsigned LEB128. */
function leb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Buffer.from(bytes);
}

/** `a`…`z`, then `ba`…: names that are valid JS keys and never a glue name. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let name = '';
  do {
    name = letters[index % 26] + name;
    index = Math.floor(index / 26);
  } while (index > 0);
  return `_${name}`;
}

export function shortenImports(wasm, glue) {
  let at = 8;
  const read = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const parts = [wasm.subarray(0, 8)];
  let renamed = 0;
  while (at < wasm.length) {
    const sectionStart = at;
    const id = wasm[at++];
    const size = read();
    const start = at;
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(sectionStart, end));
      at = end;
      continue;
    }
    const count = read();
    const entries = [leb(count)];
    for (let i = 0; i < count; i += 1) {
      const moduleLength = read();
      const module = wasm.subarray(at, at + moduleLength).toString();
      at += moduleLength;
      const nameLength = read();
      const name = wasm.subarray(at, at + nameLength).toString();
      at += nameLength;
      const descriptionStart = at;
      const kind = wasm[at++];
      if (kind === 0) read();
      else if (kind === 1) {
        at += 1;
        if (read() & 1) read();
        read();
      } else if (kind === 2) {
        if (read() & 1) read();
        read();
      } else if (kind === 3) at += 2;
      else if (kind === 4) {
        at += 1;
        read();
      }
      let newName = name;
      if (module === GLUE_MODULE && /^__wbg_\w+$/.test(name)) {
        const key = new RegExp(`(?<![\\w$])${name}(?=:)`, 'g');
        if ((glue.match(key) ?? []).length === 1) {
          newName = shortName(renamed);
          renamed += 1;
          glue = glue.replace(key, newName);
        }
      }
      entries.push(leb(moduleLength), Buffer.from(module), leb(Buffer.byteLength(newName)), Buffer.from(newName));
      entries.push(wasm.subarray(descriptionStart, at));
    }
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2]), leb(body.length), body);
    at = end;
  }
  return { wasm: Buffer.concat(parts), glue, renamed };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const result = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, 'utf8'));
  // The renamed module must still compile, with every import the glue provides.
  new WebAssembly.Module(result.wasm);
  writeFileSync(wasmPath, result.wasm);
  writeFileSync(gluePath, result.glue);
}
