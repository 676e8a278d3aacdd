// Gives the wasm's imports from wasm-bindgen's glue short names (`_a`, `_b`, … `_ba`, …) in both
// pkg/adaptive_practice_bg.wasm and pkg/adaptive_practice.js: their names carry a 16-digit hash
// each (`__wbg_setAttribute_f75317b2b5cabfb4`), written twice, which gzip cannot shrink. Run by
// scripts/build.sh after the glue is minified. An import whose name is not found exactly once as a
// key of the glue's import object keeps its name (the snippets' imports are never renamed).
// Likewise the wasm-bindgen exports only the glue calls (`__wbindgen_malloc`, the closures'
// `wasm_bindgen_<hash>___convert__closures…` shims of up to 140 characters): each one whose name
// the glue writes only as a property (`x.NAME`) becomes `_a`, `_b`, … there and in the wasm. The
// page's own exports (`mountWidget`, the handle's methods, `memory`) keep their names.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeUnsigned, sections, WasmReader } from './wasm-sections.mjs';

const GLUE_MODULE = './adaptive_practice_bg.js';
const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const wasmPath = `${pkg}adaptive_practice_bg.wasm`;
const gluePath = `${pkg}adaptive_practice.js`;

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

/**
 * Rewrites the entries of section `id` (2: imports, 7: exports): `entry(reader)` reads one entry
 * and returns its texts, the last one its name, which `rename(texts)` may change (returning the
 * new name); every other section and byte is copied as it is.
 */
function renameEntries(wasm, id, entry, rename) {
  const parts = [wasm.subarray(0, 8)];
  for (const section of sections(wasm)) {
    if (section.id !== id) {
      parts.push(wasm.subarray(section.header, section.end));
      continue;
    }
    const reader = new WasmReader(wasm, section.start);
    const count = reader.unsigned();
    const entries = [encodeUnsigned(count)];
    for (let i = 0; i < count; i += 1) {
      const texts = entry(reader);
      const descriptionStart = reader.at;
      if (id === 2) reader.importDescription();
      else reader.exportDescription();
      texts[texts.length - 1] = rename(texts);
      for (const text of texts) entries.push(encodeUnsigned(Buffer.byteLength(text)), Buffer.from(text));
      entries.push(wasm.subarray(descriptionStart, reader.at));
    }
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([id]), encodeUnsigned(body.length), body);
  }
  return Buffer.concat(parts);
}

export function shortenImports(wasm, glue) {
  let renamed = 0;
  const renamedWasm = renameEntries(
    wasm,
    2,
    (reader) => [reader.name(), reader.name()],
    ([module, name]) => {
      if (module !== GLUE_MODULE || !/^__wbg_\w+$/.test(name)) return name;
      const key = new RegExp(`(?<![\\w$])${name}(?=:)`, 'g');
      if ((glue.match(key) ?? []).length !== 1) return name;
      const newName = shortName(renamed);
      renamed += 1;
      glue = glue.replace(key, newName);
      return newName;
    },
  );
  return { wasm: renamedWasm, glue, renamed };
}

/** The exports only wasm-bindgen's glue uses, renamed as the header says. */
export function shortenExports(wasm, glue) {
  let renamed = 0;
  const renamedWasm = renameEntries(
    wasm,
    7,
    (reader) => [reader.name()],
    ([name]) => {
      if (!/^(__wbindgen_|__externref_|wasm_bindgen_)\w+$/.test(name)) return name;
      const anywhere = new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g');
      const asProperty = new RegExp(`(?<=\\.)${name}(?![\\w$])`, 'g');
      const uses = (glue.match(anywhere) ?? []).length;
      if (uses === 0 || uses !== (glue.match(asProperty) ?? []).length) return name;
      const newName = shortName(renamed);
      renamed += 1;
      glue = glue.replace(asProperty, newName);
      return newName;
    },
  );
  return { wasm: renamedWasm, glue, renamed };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const imported = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, 'utf8'));
  const result = shortenExports(imported.wasm, imported.glue);
  // The renamed module must still compile, with every import the glue provides.
  new WebAssembly.Module(result.wasm);
  writeFileSync(wasmPath, result.wasm);
  writeFileSync(gluePath, result.glue);
}
