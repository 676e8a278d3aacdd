// Blanks the source locations left in the widget's wasm: a bounds check, `unwrap` or `expect`
// keeps a `core::panic::Location` in the data section (a pointer and length of the file's path,
// a line, a column: 16 bytes) and the path itself; 552 of them and 111 paths when std was
// prebuilt, 88 and 34 since the widget's std traps at once on a panic (scripts/wasm-std.sh; the
// rest are `Location::caller()` records some crates keep). No message reads them any more. Each
// location becomes (one anchor, 0, 0, 0), an empty path at a valid address, and the paths no code
// names are zeroed (3.6 KB gzipped less when it came, `make size`).
// Run by scripts/build.sh on pkg/adaptive_practice_bg.wasm (`KEEP_PANIC_MESSAGES=1` skips it and
// keeps the panic messages, to find where a panic comes from), and by scripts/size.sh on its named
// copy, so that the breakdown by group agrees.
//
// Usage: node scripts/blank-panic-locations.mjs file.wasm (rewritten in place; prints a count).
import { readFileSync, writeFileSync } from 'node:fs';
import { sections, WasmReader } from './wasm-sections.mjs';

const LOCATION_BYTES = 16;

/** The data segments of `wasm` with their memory address, and the code section's bytes. */
export function readSegments(wasm) {
  const segments = [];
  let code = wasm.subarray(0, 0);
  for (const section of sections(wasm)) {
    if (section.id === 10) code = wasm.subarray(section.start, section.end);
    if (section.id !== 11) continue;
    const reader = new WasmReader(wasm, section.start);
    for (let count = reader.unsigned(), i = 0; i < count; i += 1) {
      const kind = reader.unsigned();
      let address = -1;
      if (kind === 2) reader.unsigned();
      if (kind === 0 || kind === 2) {
        // An offset `i32.const N end` is the only one Rust emits; any other is left alone.
        if (wasm[reader.at] === 0x41) {
          reader.at += 1;
          address = reader.signed();
        }
        while (wasm[reader.at] !== 0x0b) reader.at += 1;
        reader.at += 1;
      }
      const length = reader.unsigned();
      if (address >= 0) segments.push({ address, at: reader.at, length });
      reader.at += length;
    }
  }
  return { segments, code };
}

/** Whether the code section holds `i32.const address` (read loosely: a false match only keeps). */
function codeNames(code, address) {
  const reader = new WasmReader(code, 0);
  for (let i = code.indexOf(0x41); i >= 0; i = code.indexOf(0x41, i + 1)) {
    reader.at = i + 1;
    if (reader.signed() === address) return true;
  }
  return false;
}

/** Blanks the panic locations of `wasm` (a Buffer, changed in place); returns what it changed. */
export function blankPanicLocations(wasm) {
  const { segments, code } = readSegments(wasm);
  const fileOffset = (address, length) => {
    const segment = segments.find((s) => address >= s.address && address + length <= s.address + s.length);
    return segment ? segment.at + (address - segment.address) : -1;
  };
  const locations = [];
  const paths = new Map();
  for (const segment of segments) {
    const first = segment.address + ((4 - (segment.address % 4)) % 4);
    for (let address = first; address + LOCATION_BYTES <= segment.address + segment.length; address += 4) {
      const at = segment.at + (address - segment.address);
      const pathAddress = wasm.readUInt32LE(at);
      const pathLength = wasm.readUInt32LE(at + 4);
      const line = wasm.readUInt32LE(at + 8);
      const column = wasm.readUInt32LE(at + 12);
      if (pathLength < 4 || pathLength > 300 || line < 1 || line > 100000 || column < 1 || column > 1000) continue;
      const pathAt = fileOffset(pathAddress, pathLength);
      if (pathAt < 0) continue;
      if (!/^[\w./-]+\.rs$/.test(wasm.subarray(pathAt, pathAt + pathLength).toString('latin1'))) continue;
      locations.push(at);
      paths.set(pathAddress, { at: pathAt, length: pathLength });
      address += LOCATION_BYTES - 4;
    }
  }
  if (locations.length === 0) return { locations: 0, paths: 0 };
  const anchor = Math.min(...paths.keys());
  for (const at of locations) {
    wasm.fill(0, at, at + LOCATION_BYTES);
    wasm.writeUInt32LE(anchor, at);
  }
  let blanked = 0;
  for (const [address, path] of paths) {
    if (address === anchor || codeNames(code, address)) continue;
    wasm.fill(0, path.at, path.at + path.length);
    blanked += 1;
  }
  return { locations: locations.length, paths: blanked };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const path = process.argv[2];
  const wasm = Buffer.from(readFileSync(path));
  const { locations, paths } = blankPanicLocations(wasm);
  writeFileSync(path, wasm);
  console.log(`${path}: ${locations} panic locations and ${paths} paths blanked`);
}
