// Blanks the source locations left in the widget's wasm: a bounds check, `unwrap` or `expect`
// keeps a `core::panic::Location` in the data section (a pointer and length of the file's path,
// a line, a column: 16 bytes) and the path itself; 552 of them and 111 paths when std was
// prebuilt, 88 and 34 since the widget's std traps at once on a panic (scripts/wasm-std.sh; the
// rest are `Location::caller()` records some crates keep), none since it is built with
// `-Zlocation-detail=none` (scripts/wasm-std.sh; this stays for a build without it). No message
// reads them any more. Each location becomes (one anchor, 0, 0, 0), an empty path at a valid
// address, and the paths no code names are zeroed (3.6 KB gzipped less when it came, `make size`).
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

/**
 * The linear memory the data segments fill, from the lowest address they write to the highest:
 * its bytes, and for each byte its offset in `wasm` (-1 where no segment writes: zeros at run
 * time). wasm-opt drops a segment's trailing zeros, so a location's last bytes (a column's high
 * bytes) can lie past its segment's end.
 */
function memoryImage(wasm, segments) {
  const low = Math.min(...segments.map((s) => s.address));
  const high = Math.max(...segments.map((s) => s.address + s.length));
  const bytes = Buffer.alloc(Math.max(0, high - low));
  const fileAt = new Int32Array(bytes.length).fill(-1);
  for (const segment of segments) {
    wasm.copy(bytes, segment.address - low, segment.at, segment.at + segment.length);
    for (let i = 0; i < segment.length; i += 1) fileAt[segment.address - low + i] = segment.at + i;
  }
  return { low, bytes, fileAt };
}

/** Blanks the panic locations of `wasm` (a Buffer, changed in place); returns what it changed. */
export function blankPanicLocations(wasm) {
  const { segments, code } = readSegments(wasm);
  if (segments.length === 0) return { locations: 0, paths: 0 };
  const memory = memoryImage(wasm, segments);
  const offset = (address) => address - memory.low;
  const inMemory = (address, length) => offset(address) >= 0 && offset(address) + length <= memory.bytes.length;
  const locations = [];
  const paths = new Map();
  const first = memory.low + ((4 - (memory.low % 4)) % 4);
  for (let address = first; address + LOCATION_BYTES <= memory.low + memory.bytes.length; address += 4) {
    const at = offset(address);
    if (memory.fileAt[at] < 0) continue;
    const pathAddress = memory.bytes.readUInt32LE(at);
    const pathLength = memory.bytes.readUInt32LE(at + 4);
    const line = memory.bytes.readUInt32LE(at + 8);
    const column = memory.bytes.readUInt32LE(at + 12);
    if (pathLength < 4 || pathLength > 300 || line < 1 || line > 100000 || column < 1 || column > 1000) continue;
    if (!inMemory(pathAddress, pathLength)) continue;
    const path = memory.bytes.subarray(offset(pathAddress), offset(pathAddress) + pathLength);
    if (!/^[\w./-]+\.rs$/.test(path.toString('latin1'))) continue;
    locations.push(at);
    paths.set(pathAddress, pathLength);
    address += LOCATION_BYTES - 4;
  }
  if (locations.length === 0) return { locations: 0, paths: 0 };
  // Every location becomes an empty path at one valid address (the lowest path's), line 0, column 0.
  const anchor = Math.min(...paths.keys());
  const record = Buffer.alloc(LOCATION_BYTES);
  record.writeUInt32LE(anchor, 0);
  const write = (at, bytes) => {
    for (let i = 0; i < bytes.length; i += 1) {
      // A byte no segment holds is zero at run time; the record's only non-zero bytes (the
      // anchor) are where its path pointer was, which a segment holds.
      if (memory.fileAt[at + i] >= 0) wasm[memory.fileAt[at + i]] = bytes[i];
    }
  };
  for (const at of locations) write(at, record);
  // The paths no code names are zeroed, the anchor's too: the locations now read none of its bytes.
  let blanked = 0;
  for (const [address, length] of paths) {
    if (codeNames(code, address)) continue;
    write(offset(address), Buffer.alloc(length));
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
