// The teacher page's engine (crates/studio, built into generated/studio/), off the page's thread:
// www/teacher.js starts a few of these workers to read a class's report files side by side, and
// one more for the calibration, which it ends when the class changes under it. A browser that
// cannot start a module worker imports this file into the page and calls the same functions.
//
// Messages in: { id, op: 'read' | 'checkBank' | 'calibrate', args }. Out: { id, progress } while
// calibrating, then { id, result } (its typed arrays transferred) or { id, error, missing }
// (`missing`: the engine itself could not be loaded).

import init, { calibrateBank, readReports } from './generated/studio/adaptive_practice_studio.js';

let ready = null;

/** The engine, loaded once; a failure is remembered as `missing`. */
function engine() {
  ready ??= init({
    module_or_path: new URL('./generated/studio/adaptive_practice_studio_bg.wasm', import.meta.url),
  }).catch((error) => {
    throw Object.assign(new Error(`the engine could not be loaded (${messageOf(error)})`), { missing: true });
  });
  return ready;
}

/**
 * Reads report files (each a File, a Blob or a text) with the engine's one reader and its
 * plausibility rules (crates/studio/src/teacher.rs, `readReports`), in one call of the engine.
 * Answers { answer (of readReports), refused: [{ index, reason }] } (files larger than `largest`
 * bytes, or that the browser could not read: the engine is given an empty file in their place).
 * The page sends a class in small parts, so that the workers read and check the first while the
 * next are on their way.
 */
export async function readFiles(files, largest) {
  const { all, ends, refused } = await laidEndToEnd(files, largest);
  await engine();
  return { answer: readReports(all, ends), refused };
}

/**
 * The files' bytes laid end to end, as the engine takes them: { all, ends, refused }. Calls
 * `progress(count)` as files are read.
 */
async function laidEndToEnd(files, largest, progress = () => {}) {
  const refused = [];
  let count = 0;
  const contents = await Promise.all(
    files.map(async (file, index) => {
      try {
        if (typeof file === 'string') return new TextEncoder().encode(file);
        if (file.size > largest) {
          refused.push({ index, reason: `too large for a report (${Math.round(file.size / 1e6)} MB)` });
          return new Uint8Array(0);
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        count += 1;
        // About twenty steps, whatever the class's size.
        if (count % Math.ceil(files.length / 20) === 0 || count === files.length) progress(count);
        return bytes;
      } catch (error) {
        refused.push({ index, reason: `could not be read (${messageOf(error)})` });
        return new Uint8Array(0);
      }
    }),
  );
  const all = new Uint8Array(contents.reduce((sum, content) => sum + content.length, 0));
  const ends = new Uint32Array(contents.length);
  let at = 0;
  contents.forEach((content, k) => {
    all.set(content, at);
    at += content.length;
    ends[k] = at;
  });
  return { all, ends, refused };
}

/** Undefined when the engine can use `bankText` as a bank; else why not. */
export async function checkBank(bankText) {
  await engine();
  try {
    calibrateBank(bankText, new Uint8Array(0), new Uint32Array(0));
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

/**
 * Calibrates the bank's item difficulties from the report files of the learners used (read
 * again, with the same reader and rules): `progress({ read, total })` as the files are read,
 * then the engine's fit, which tells nothing until it ends. Answers { bank, items, learners,
 * skipped } (`calibrateBank` in crates/studio/src/teacher.rs).
 */
export async function calibrate(bankText, files, largest, progress = () => {}) {
  const { all, ends, refused } = await laidEndToEnd(files, largest, (read) => progress({ read, total: files.length }));
  await engine();
  const result = calibrateBank(bankText, all, ends);
  for (const { index, reason } of refused) {
    const skipped = result.skipped.find((entry) => entry.report === index);
    if (skipped) skipped.error = { kind: 'file', message: reason };
  }
  return result;
}

/** The typed arrays of an answer, to hand them over instead of copying them. */
function transferables(value) {
  if (ArrayBuffer.isView(value)) return [value.buffer];
  if (Array.isArray(value)) return value.flatMap(transferables);
  if (value && typeof value === 'object') return Object.values(value).flatMap(transferables);
  return [];
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

const operations = {
  read: ({ files, largest }) => readFiles(files, largest),
  checkBank: ({ bankText }) => checkBank(bankText),
  calibrate: ({ bankText, files, largest }, progress) => calibrate(bankText, files, largest, progress),
};

if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  globalThis.addEventListener('message', async ({ data: { id, op, args } }) => {
    try {
      const result = await operations[op](args, (progress) => globalThis.postMessage({ id, progress }));
      const transfer = [...new Set(transferables(result))];
      globalThis.postMessage({ id, result }, transfer);
    } catch (error) {
      globalThis.postMessage({ id, error: messageOf(error), missing: Boolean(error?.missing) });
    }
  });
}
