// The widget's wasm by group, for `make size` (scripts/size.sh): reads a build of the widget that
// kept its function names (the same cargo output, wasm-bindgen and wasm-opt flags as pkg/, plus
// `--keep-debug` and `-g`) and sums the code of each function into a group by the crates its
// name mentions. Prints one line per group: the bytes of code, their share of the wasm, and the
// group's code alone through gzip -9 (groups compress a little better together, so these add up
// to a bit more than the whole).
//
// Usage: node scripts/size-groups.mjs named.wasm [shipped.wasm] [--top=N] (the second: to say how
// close the named build is to what ships; `--top=N`: also the N largest functions, and the N
// largest families of one generic function compiled for many types, to find what to shrink).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sections, WasmReader } from './wasm-sections.mjs';

const GROUPS = [
  ['serde', 'serde (derive, serde_json, Value, serde-wasm-bindgen)'],
  ['float', 'float formatting and parsing (core, zmij)'],
  ['yew', 'Yew runtime (yew, its dependencies)'],
  ['views', 'our views (src/components)'],
  ['widget', 'widget glue (src/, but components)'],
  ['engine', 'engine (crates/engine)'],
  ['bindgen', 'wasm-bindgen, js-sys, web-sys'],
  ['fmt', 'std fmt and panic'],
  ['std', 'std, core, alloc: generic code for all crates (not attributable)'],
  ['other', 'other'],
];

const CRATE_GROUPS = {
  serde: 'serde',
  serde_json: 'serde',
  serde_wasm_bindgen: 'serde',
  serde_core: 'serde',
  ryu: 'float',
  zmij: 'float',
  itoa: 'serde',
  console_error_panic_hook: 'fmt',
  yew: 'yew',
  implicit_clone: 'yew',
  prokio: 'yew',
  gloo: 'yew',
  gloo_utils: 'yew',
  gloo_events: 'yew',
  gloo_timers: 'yew',
  gloo_worker: 'yew',
  indexmap: 'yew',
  slab: 'yew',
  futures: 'yew',
  futures_util: 'yew',
  futures_core: 'yew',
  futures_channel: 'yew',
  pin_project: 'yew',
  tracing: 'yew',
  tracing_core: 'yew',
  bincode: 'yew',
  adaptive_practice_engine: 'engine',
  wasm_bindgen: 'bindgen',
  wasm_bindgen_futures: 'bindgen',
  js_sys: 'bindgen',
  web_sys: 'bindgen',
  dlmalloc: 'std',
  talc: 'std',
  hashbrown: 'std',
};
const STD = new Set(['core', 'alloc', 'std', 'compiler_builtins', '__rustc']);

/** The group of a function, by its (demangled) name. */
export function groupOf(name) {
  if (/\b(serde|serde_json|serde_wasm_bindgen|serde_core)::/.test(name)) return 'serde';
  if (/\b(flt2dec|dec2flt|ryu|zmij)::|core::fmt::float/.test(name)) return 'float';
  // Generic code of std instantiated for a type counts with the type's crate.
  // The crates named: the first segment of every path (`crate[disambiguator]::` too).
  const crates = [...name.matchAll(/(?<![A-Za-z0-9_:\]])([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)].map(
    (match) => match[1],
  );
  const owner = crates.find((crate) => !STD.has(crate) && /^[a-z_][a-z0-9_]*$/.test(crate));
  if (owner === 'adaptive_practice') return name.includes('adaptive_practice::components::') ? 'views' : 'widget';
  if (owner) return CRATE_GROUPS[owner] ?? 'other';
  return /\b(fmt|panicking|panic)\b/.test(name) ? 'fmt' : 'std';
}

export function readWasm(bytes) {
  const all = sections(bytes);
  const section = (id, name = '') => all.find((s) => s.id === id && s.name === name);
  // Imported functions come first in the function index space.
  let imported = 0;
  const imports = section(2);
  if (imports) {
    const reader = new WasmReader(bytes, imports.start);
    for (let count = reader.unsigned(), i = 0; i < count; i += 1) {
      reader.name(); // module
      reader.name(); // name
      if (reader.importDescription() === 0) imported += 1;
    }
  }
  const names = new Map();
  const nameSection = section(0, 'name');
  if (nameSection) {
    const reader = new WasmReader(bytes, nameSection.start);
    reader.name(); // "name"
    while (reader.at < nameSection.end) {
      const kind = reader.byte();
      const end = reader.unsigned() + reader.at;
      if (kind === 1) {
        for (let count = reader.unsigned(), i = 0; i < count; i += 1) {
          const index = reader.unsigned();
          // Without crates' disambiguators (`core[c5930c85a12de822]::`): std built from source
          // (scripts/wasm-std.sh) names every crate so, the prebuilt one only its own.
          names.set(index, reader.name().replace(/\[[0-9a-f]{8,}\]/g, ''));
        }
      }
      reader.at = end;
    }
  }
  const bodies = [];
  const reader = new WasmReader(bytes, section(10).start);
  for (let count = reader.unsigned(), i = 0; i < count; i += 1) {
    const size = reader.unsigned();
    bodies.push({ name: names.get(imported + i) ?? '', bytes: bytes.subarray(reader.at, reader.at + size) });
    reader.at += size;
  }
  return { sections: all, bodies, named: names.size };
}

/** A function's name without its type arguments and hash: its instances share one family. */
export function familyOf(name) {
  let family = name.replace(/::h[0-9a-f]{16}$/, '');
  for (let before = ''; before !== family; ) {
    before = family;
    family = family.replace(/<[^<>]*>/g, '');
  }
  return family;
}

/** The `top` largest functions and families of `bodies`, as lines. */
export function largest(bodies, top) {
  const lines = ['  largest functions (bytes, group, name)'];
  const bySize = [...bodies].sort((a, b) => b.bytes.length - a.bytes.length);
  for (const body of bySize.slice(0, top)) {
    lines.push(
      `  ${String(body.bytes.length).padStart(7)}  ${groupOf(body.name).padEnd(7)} ${body.name.slice(0, 150)}`,
    );
  }
  const families = new Map();
  for (const body of bodies) {
    const family = familyOf(body.name);
    const entry = families.get(family) ?? { bytes: 0, count: 0 };
    entry.bytes += body.bytes.length;
    entry.count += 1;
    families.set(family, entry);
  }
  lines.push('  largest families (bytes, instances, name without type arguments)');
  const byBytes = [...families].filter(([, entry]) => entry.count > 1).sort((a, b) => b[1].bytes - a[1].bytes);
  for (const [family, entry] of byBytes.slice(0, top)) {
    lines.push(`  ${String(entry.bytes).padStart(7)}  ${String(entry.count).padStart(4)}  ${family.slice(0, 150)}`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const topArgument = process.argv.find((argument) => argument.startsWith('--top='));
  const [namedPath, shippedPath] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
  const bytes = readFileSync(namedPath);
  const { sections: parts, bodies, named } = readWasm(bytes);
  if (named === 0) throw new Error(`${namedPath} has no function names`);
  // Shares of the wasm without its custom sections (names, producers): what pkg/ ships.
  const total = parts.filter((s) => s.id !== 0).reduce((sum, s) => sum + s.size, 0);
  const rows = new Map(GROUPS.map(([key]) => [key, []]));
  for (const body of bodies) rows.get(groupOf(body.name)).push(body.bytes);
  const line = (label, raw, alone) =>
    console.log(
      `  ${label.padEnd(66)} ${String(raw).padStart(9)} ${`${((100 * raw) / total).toFixed(1)}%`.padStart(6)} ${String(alone).padStart(9)}`,
    );
  console.log(
    `  ${'wasm by group (from the same build, names kept)'.padEnd(66)} ${'bytes'.padStart(9)} ${'share'.padStart(6)} ${'gzip-9'.padStart(9)}`,
  );
  for (const [key, label] of GROUPS) {
    const parts = rows.get(key);
    const raw = parts.reduce((sum, part) => sum + part.length, 0);
    if (raw > 0) line(label, raw, gzipSync(Buffer.concat(parts), { level: 9 }).length);
  }
  const data = parts.filter((s) => s.id === 11);
  const dataBytes = Buffer.concat(data.map((s) => bytes.subarray(s.start, s.end)));
  line('data (strings, tables, the stylesheet)', dataBytes.length, gzipSync(dataBytes, { level: 9 }).length);
  const rest = parts.filter((s) => s.id !== 10 && s.id !== 11 && s.id !== 0);
  const restBytes = Buffer.concat(rest.map((s) => bytes.subarray(s.start, s.end)));
  line('other sections (types, imports, exports, tables)', restBytes.length, gzipSync(restBytes, { level: 9 }).length);
  if (shippedPath) {
    const shipped = readWasm(readFileSync(shippedPath)).sections;
    const size = shipped.filter((s) => s.id !== 0).reduce((sum, s) => sum + s.size, 0);
    console.log(`  (this build without its names: ${total} bytes; ${shippedPath.split('/').pop()}: ${size} bytes)`);
  }
  if (topArgument) console.log(largest(bodies, Number(topArgument.slice('--top='.length))).join('\n'));
}
