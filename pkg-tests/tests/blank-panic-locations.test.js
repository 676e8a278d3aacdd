// scripts/blank-panic-locations.mjs: a panic's source location becomes an empty path at one
// address (also when wasm-opt cut its last zero bytes off its segment), the paths no code names
// are zeroed, and data that only looks alike is left as it was; the built widget carries none of
// its own source paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blankPanicLocations } from '../../scripts/blank-panic-locations.mjs';
import { encodeUnsigned } from '../../scripts/wasm-sections.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const leb = (value) => [...encodeUnsigned(value)];

function section(id, body) {
  return [id, ...leb(body.length), ...body];
}

function words(...values) {
  const bytes = Buffer.alloc(4 * values.length);
  for (const [i, value] of values.entries()) bytes.writeUInt32LE(value, 4 * i);
  return [...bytes];
}

/** A wasm with data segments (`[address, bytes]` each), and one function: `i32.const named`. */
function moduleWith(segments, named) {
  const encoded = segments.flatMap(([address, data]) => [0, 0x41, ...leb(address), 0x0b, ...leb(data.length), ...data]);
  const body = [0, 0x41, ...leb(named), 0x1a, 0x0b];
  return Buffer.from([
    ...[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(10, [1, ...leb(body.length), ...body]),
    ...section(11, [segments.length, ...encoded]),
  ]);
}

/** A wasm with one data segment at `base` holding `data`, and one function: `i32.const named`. */
function module(base, data, named) {
  return moduleWith([[base, data]], named);
}

test('locations are blanked, paths no code names zeroed, look-alikes kept', () => {
  const base = 1024;
  const first = Buffer.from('src/first.rs');
  const second = Buffer.from('src/second.rs');
  const named = Buffer.from('src/named.rs');
  const text = Buffer.from('notapath.txt');
  const paths = Buffer.concat([first, second, named, text]);
  const at = (offset) => base + offset;
  const firstAt = at(0);
  const secondAt = at(first.length);
  const namedAt = at(first.length + second.length);
  const textAt = at(first.length + second.length + named.length);
  const pad = (4 - (paths.length % 4)) % 4;
  const records = [
    ...words(secondAt, second.length, 12, 5), // a location
    ...words(firstAt, first.length, 3, 9), // a location
    ...words(namedAt, named.length, 40, 1), // a location whose path some code names
    ...words(textAt, text.length, 7, 2), // not a Rust source: kept
    ...words(namedAt, named.length - 1, 12, 5), // a length that is not the path's: kept
    ...words(firstAt, first.length, 0, 9), // no line: kept
  ];
  const data = [...paths, ...Array(pad).fill(0), ...records];
  const wasm = module(base, data, namedAt);
  const dataAt = wasm.length - data.length;
  const recordsAt = dataAt + paths.length + pad;
  const result = blankPanicLocations(wasm);
  assert.deepEqual(result, { locations: 3, paths: 2 });
  const record = (i) => [0, 4, 8, 12].map((offset) => wasm.readUInt32LE(recordsAt + 16 * i + offset));
  assert.deepEqual(record(0), [firstAt, 0, 0, 0]);
  assert.deepEqual(record(1), [firstAt, 0, 0, 0]);
  assert.deepEqual(record(2), [firstAt, 0, 0, 0]);
  assert.deepEqual(record(3), [textAt, text.length, 7, 2]);
  assert.deepEqual(record(4), [namedAt, named.length - 1, 12, 5]);
  assert.deepEqual(record(5), [firstAt, first.length, 0, 9]);
  const pathsNow = wasm.subarray(dataAt, dataAt + paths.length).toString('latin1');
  assert.equal(pathsNow, `${'\0'.repeat(first.length + second.length)}src/named.rsnotapath.txt`);
});

test('a location whose last zero bytes are past its segment is blanked too', () => {
  const path = Buffer.from('src/cut.rs');
  const pathAt = 2048;
  const recordAt = 4096;
  // The column's three high bytes are zeros wasm-opt left out; another segment starts after them.
  const cut = words(pathAt, path.length, 196).concat([31]);
  const later = Buffer.from('other data');
  const wasm = moduleWith(
    [
      [pathAt, [...path]],
      [recordAt, cut],
      [recordAt + 16, [...later]],
    ],
    0,
  );
  const before = Buffer.from(wasm);
  assert.deepEqual(blankPanicLocations(wasm), { locations: 1, paths: 1 });
  assert.equal(wasm.indexOf(path), -1, 'the path is zeroed');
  const recordIn = before.indexOf(Buffer.from(cut));
  assert.deepEqual([...wasm.subarray(recordIn, recordIn + cut.length)], [...words(pathAt, 0, 0), 0]);
  assert.ok(wasm.includes(later), 'the next segment is left as it was');
});

test('the built widget holds none of its own source paths', () => {
  const wasm = readFileSync(`${root}pkg/adaptive_practice_bg.wasm`).toString('latin1');
  assert.deepEqual(wasm.match(/(?<![\w/])(crates\/engine\/)?src\/[\w/]+\.rs/g), null);
  assert.ok(wasm.includes('ap-card'), 'the wasm is the widget');
});
