// scripts/wasm-sections.mjs: LEB128 numbers both ways, names, sections and imports as the wasm
// scripts read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeUnsigned, sections, WasmReader } from '../../scripts/wasm-sections.mjs';

test('unsigned numbers read back as written, up to 2^53', () => {
  for (const value of [0, 1, 127, 128, 300, 16383, 16384, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1]) {
    const bytes = encodeUnsigned(value);
    assert.equal(new WasmReader(bytes, 0).unsigned(), value, `${value}`);
  }
  assert.deepEqual([...encodeUnsigned(624485)], [0xe5, 0x8e, 0x26]);
});

test('signed numbers of 32 bits are read with their sign', () => {
  const read = (bytes) => new WasmReader(Buffer.from(bytes), 0).signed();
  assert.equal(read([0x00]), 0);
  assert.equal(read([0x3f]), 63);
  assert.equal(read([0x40]), -64);
  assert.equal(read([0xc0, 0x00]), 64);
  assert.equal(read([0x7f]), -1);
  assert.equal(read([0xc0, 0xbb, 0x78]), -123456);
  assert.equal(read([0x80, 0x80, 0x80, 0x80, 0x78]), -(2 ** 31));
});

test('sections, a custom section name and the imports are found', () => {
  const name = (text) => [...encodeUnsigned(text.length), ...Buffer.from(text)];
  const imports = [
    3,
    ...name('m'),
    ...name('f'),
    0,
    0, // a function of type 0
    ...name('m'),
    ...name('mem'),
    2,
    1,
    1,
    2, // a memory with a maximum
    ...name('m'),
    ...name('g'),
    3,
    0x7f,
    0, // a global
  ];
  const custom = [...name('note'), 1, 2, 3];
  const wasm = Buffer.from([
    ...[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...[1, 4, 1, 0x60, 0, 0],
    ...[2, imports.length, ...imports],
    ...[0, custom.length, ...custom],
  ]);
  const found = sections(wasm);
  assert.deepEqual(
    found.map(({ id, name, size }) => [id, name, size]),
    [
      [1, '', 4],
      [2, '', imports.length],
      [0, 'note', custom.length],
    ],
  );
  assert.equal(found[0].header, 8);
  assert.equal(found[2].end, wasm.length);
  const reader = new WasmReader(wasm, found[1].start);
  const kinds = [];
  for (let count = reader.unsigned(), i = 0; i < count; i += 1) {
    assert.equal(reader.name(), 'm');
    reader.name();
    kinds.push(reader.importDescription());
  }
  assert.deepEqual(kinds, [0, 2, 3]);
  assert.equal(reader.at, found[1].end);
});
