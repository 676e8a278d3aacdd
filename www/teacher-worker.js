// The teacher page's engine (crates/studio, built into generated/studio/), off the page's thread:
// www/teacher.js starts a few of these workers to read a class's report files side by side, and
// one more for the calibration, which it ends when the class changes under it. A browser that
// cannot start a module worker imports this file into the page and calls the same functions.
//
// Messages in: { id, op: 'read' | 'checkBank' | 'calibrate' | 'answers', args }. Out: { id, progress } while
// calibrating, then { id, result } (its typed arrays transferred) or { id, error, missing }
// (`missing`: the engine itself could not be loaded).

import init, {
  bankPrompts,
  calibrateBank,
  classAnswers,
  readReports,
} from './generated/studio/adaptive_practice_studio.js';

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
 * Reads report files (each a File, a Blob, its bytes or a text) with the engine's one reader and
 * its plausibility rules (crates/studio/src/teacher.rs, `readReports`), in one call of the
 * engine. Answers { answer (of readReports), refused: [{ index, reason }], files: { bytes, ends }
 * } (`refused`: files larger than `largest` bytes, or that the browser could not read: the
 * engine is given an empty file in their place; `files`: the files' bytes laid end to end, file
 * `i` ending at `ends[i]`). The page sends a class in small parts, so that the workers check the
 * first while the next are on their way.
 */
export async function readFiles(files, largest) {
  const { all, ends, refused } = await laidEndToEnd(files, largest);
  await engine();
  return { answer: readReports(all, ends), refused, files: { bytes: all, ends } };
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
        if (file instanceof Uint8Array) return file;
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

/**
 * { prompts } when the engine can use `bankText` as a bank (each item's prompt as plain text,
 * `bankPrompts`); else { refusal }, why not.
 */
export async function checkBank(bankText) {
  await engine();
  try {
    calibrateBank(bankText, new Uint8Array(0), new Uint32Array(0));
    return { prompts: bankPrompts(bankText) };
  } catch (error) {
    return { refusal: messageOf(error) };
  }
}

/**
 * Calibrates the bank from the report files of the learners used (read again, with the same
 * reader and rules): its items' difficulties, and its calibration block fitted from the answers
 * the reports list. `progress({ read, total })` as the files are read, then `progress({ read,
 * total, fitted, of })` as the engine's fit advances (once per whole percent). Answers { bank,
 * items, learners, learnersWithAnswers, block, classFit, skipped } (`calibrateBank` in
 * crates/studio/src/teacher.rs).
 */
export async function calibrate(bankText, files, largest, progress = () => {}) {
  const total = files.length;
  const { all, ends, refused } = await laidEndToEnd(files, largest, (read) => progress({ read, total }));
  await engine();
  const result = calibrateBank(bankText, all, ends, (fitted, of) => progress({ read: total, total, fitted, of }));
  for (const { index, reason } of refused) {
    const skipped = result.skipped.find((entry) => entry.report === index);
    if (skipped) skipped.error = { kind: 'file', message: reason };
  }
  return result;
}

/**
 * The class's answers from the report files of the learners used (read again, with the same
 * reader and rules as the calibration), as an answer log in the kt format: { tsv, learners,
 * learnersWithAnswers, answers, skipped } (`classAnswers` in crates/studio/src/teacher.rs).
 */
export async function answers(bankText, files, largest) {
  const { all, ends } = await laidEndToEnd(files, largest);
  await engine();
  return classAnswers(bankText, all, ends);
}

/**
 * `count` copies of a made-up report as the widget writes it (`skills` skills, as many items, in
 * columns as version 3 writes them), laid end to end as `readReports` takes them: { all, ends }.
 */
function madeUpReports(count, skills) {
  const each = (value) => Array.from({ length: skills }, (_, i) => (typeof value === 'function' ? value(i) : value));
  const text = JSON.stringify({
    format: 'adaptive-practice-report',
    version: 3,
    bankId: 'warm-up',
    bankVersion: '1',
    learner: 'Warm-up',
    createdAt: 0,
    answerCount: 0,
    correctCount: 0,
    timeOnTaskSeconds: 0,
    skills: {
      ids: each((i) => `skill-${i}`),
      names: each((i) => `Skill ${i}`),
      states: each('learning'),
      mastery: each(0.4321),
      certainty: each(0.1234),
      attempts: each(3),
      correct: each(1),
    },
    items: { ids: each((i) => `item-${i}`), attempts: each(3), correct: each(1) },
  });
  const one = new TextEncoder().encode(text);
  const all = new Uint8Array(one.length * count);
  const ends = new Uint32Array(count);
  for (let k = 0; k < count; k += 1) {
    all.set(one, k * one.length);
    ends[k] = (k + 1) * one.length;
  }
  return { all, ends };
}

/**
 * Loads the engine and reads made-up reports with it, as the worker starts (while the teacher
 * chooses files): the browser compiles the engine's code quickly at first, and fully only once
 * it has run a while; without this, the first reports of a class are read several times slower
 * than the rest.
 */
async function warmUp() {
  await engine();
  const { all, ends } = madeUpReports(10, 1000);
  readReports(all, ends);
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
  answers: ({ bankText, files, largest }) => answers(bankText, files, largest),
};

if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  // A failure to load the engine is told to the first call.
  warmUp().catch(() => {});
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
