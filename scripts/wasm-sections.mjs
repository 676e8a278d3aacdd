// Reading a wasm module's bytes, for the scripts that rewrite or measure the widget's wasm
// (blank-panic-locations.mjs, short-import-names.mjs, size-groups.mjs): LEB128 numbers, names,
// the sections and an import's description. Nothing here validates a module: the scripts read
// what wasm-bindgen and wasm-opt wrote, and `new WebAssembly.Module` checks what they write back.

/** A cursor over `bytes` (a Buffer), from `at` (8: after the magic number and version). */
export class WasmReader {
  constructor(bytes, at = 8) {
    this.bytes = bytes;
    this.at = at;
  }

  byte() {
    return this.bytes[this.at++];
  }

  /** Unsigned LEB128, exact up to 2^53. */
  unsigned() {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  }

  /** Signed LEB128 of 32 bits (an `i32.const`'s operand). */
  signed() {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.bytes[this.at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (shift < 32 && byte & 0x40) value |= -1 << shift;
    return value;
  }

  /** A name: its length, then as many bytes of UTF-8. */
  name() {
    const length = this.unsigned();
    const text = this.bytes.subarray(this.at, this.at + length).toString();
    this.at += length;
    return text;
  }

  /** Reads an export's description (after its name): its kind and index. */
  exportDescription() {
    this.at += 1;
    this.unsigned();
  }

  /** Reads an import's description (after its module and name); returns its kind (0: a function). */
  importDescription() {
    const kind = this.byte();
    if (kind === 0) {
      this.unsigned(); // a function: its type
    } else if (kind === 1) {
      this.at += 1; // a table: its element type, then limits
      if (this.unsigned() & 1) this.unsigned();
      this.unsigned();
    } else if (kind === 2) {
      if (this.unsigned() & 1) this.unsigned(); // a memory: limits
      this.unsigned();
    } else if (kind === 3) {
      this.at += 2; // a global: its type and mutability
    } else if (kind === 4) {
      this.at += 1; // a tag: its attribute, then type
      this.unsigned();
    }
    return kind;
  }
}

/**
 * The sections of `bytes` in order: `id`, `name` (a custom section's, else ''), `header` (where
 * the section starts), `start` and `end` of its contents (a custom section's begin with its
 * name) and their `size`.
 */
export function sections(bytes) {
  const reader = new WasmReader(bytes);
  const found = [];
  while (reader.at < bytes.length) {
    const header = reader.at;
    const id = reader.byte();
    const size = reader.unsigned();
    const start = reader.at;
    const name = id === 0 ? reader.name() : '';
    found.push({ id, name, header, start, end: start + size, size });
    reader.at = start + size;
  }
  return found;
}

/** Unsigned LEB128 of `value`, as bytes. */
export function encodeUnsigned(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Buffer.from(bytes);
}
