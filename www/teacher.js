// The teacher page (teacher.html): reads a bank and a class's report files (or short codes) in
// the browser, shows a class-by-skill heatmap, who is stuck, and the hardest items, with
// difficulties calibrated by the engine (compiled to WebAssembly, run in workers:
// teacher-worker.js). Nothing is sent anywhere.
//
// Every sentence the page shows is built here with textContent, never innerHTML: report files
// come from learners and their text is not trusted.

const SHORT_CODE_PREFIX = 'AP1.';
const LARGEST_REPORT_BYTES = 5_000_000;
const STUCK_ATTEMPTS = 8;
const STUCK_MASTERY = 0.5;
/** A learner with this many answers or more, under this share right, struggles across skills. */
const STRUGGLING_ANSWERS = 10;
const STRUGGLING_RIGHT = 0.3;
const HARDEST_ITEM_COUNT = 10;
/** "Who is stuck where" lists this many pairs at most (the CSV export has every one). */
const STUCK_SHOWN = 100;
/** Fewer answers than this say too little about an item to rank it. */
const FEWEST_ANSWERS_TO_RANK = 5;
const STATES = {
  notStarted: 'not started',
  learning: 'learning',
  mastered: 'mastered',
  dueForReview: 'review due',
};

/** The page's whole state; everything shown is derived from it by `render`. */
const state = {
  /** { text, json, source, serial } of the loaded bank, or null. */
  bank: null,
  /**
   * Every report handed in, in order: { serial, source, content (a File or a text; once read,
   * the file's bytes, which the calibration reads again), reading } or { serial, source, error }.
   */
  inputs: [],
  /** Numbers the banks and inputs, for the calibration's key. */
  serial: 0,
  codeCount: 0,
  /** The engine's calibration for `calibrationKey`, or { error }. */
  calibration: null,
  calibrationKey: '',
};

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- the engine (WebAssembly)

/** Workers reading report files side by side, so that the page's own thread stays free to paint. */
const READERS = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

/** The engine could not be loaded at all (the page still shows what it can without it). */
class EngineMissing extends Error {}

let inPage = null;

/** Runs an operation of teacher-worker.js in the page itself, for a browser without module workers. */
async function runInPage(op, args, progress) {
  let module;
  try {
    inPage ??= import('./teacher-worker.js');
    module = await inPage;
  } catch (error) {
    throw new EngineMissing(`the engine could not be loaded (${messageOf(error)})`);
  }
  try {
    if (op === 'read') return await module.readFiles(args.files, args.largest);
    if (op === 'checkBank') return await module.checkBank(args.bankText);
    if (op === 'answers') return await module.answers(args.bankText, args.files, args.largest);
    return await module.calibrate(args.bankText, args.files, args.largest, progress);
  } catch (error) {
    throw error?.missing ? new EngineMissing(error.message) : error;
  }
}

/**
 * One engine worker (teacher-worker.js): `call(op, args, progress)` answers a promise (and calls
 * `progress` with what the worker says as it goes); `end()` stops it. A worker that cannot start
 * hands its calls to the page.
 */
function engineWorker() {
  let worker = null;
  try {
    worker = new Worker(new URL('./teacher-worker.js', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  const pending = new Map();
  let next = 0;
  let broken = !worker;
  worker?.addEventListener('message', ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    if ('progress' in data) {
      call.progress?.(data.progress);
      return;
    }
    pending.delete(data.id);
    if ('error' in data) call.reject(data.missing ? new EngineMissing(data.error) : new Error(data.error));
    else call.resolve(data.result);
  });
  // The worker's script could not be loaded or run: its calls, and the next ones, run in the page.
  worker?.addEventListener('error', (event) => {
    event.preventDefault();
    broken = true;
    for (const call of pending.values()) call.inPage();
    pending.clear();
  });
  return {
    call(op, args, progress, transfer = []) {
      return new Promise((resolve, reject) => {
        const inPage = () => runInPage(op, args, progress).then(resolve, reject);
        if (broken) {
          inPage();
          return;
        }
        const id = next;
        next += 1;
        pending.set(id, { resolve, reject, progress, inPage });
        worker.postMessage({ id, op, args }, transfer);
      });
    },
    end() {
      worker?.terminate();
      for (const call of pending.values()) call.reject(new Error('stopped'));
      pending.clear();
    },
  };
}

let readers = null;

/** The reading workers, started once (they load the engine while the teacher chooses files). */
function engine() {
  readers ??= Array.from({ length: READERS }, engineWorker);
  return readers;
}

// ---------------------------------------------------------------- the bank

async function loadBankFromUrl(address) {
  setStatus('bank-status', 'Loading the bank…');
  let text;
  try {
    const response = await fetch(new URL(address, document.baseURI), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    text = await response.text();
  } catch (error) {
    bankError(
      `The bank at “${address}” could not be loaded (${error.message}). ` +
        'For a bank on another site, download it and choose the file instead.',
    );
    return;
  }
  await useBank(text, address);
}

async function useBank(text, source) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    bankError(`${source} is not a bank: it is not valid JSON (${error.message}).`);
    return;
  }
  if (!json || typeof json.id !== 'string' || !Array.isArray(json.skills) || !Array.isArray(json.items)) {
    bankError(`${source} is not a bank: it needs an id, skills and items.`);
    return;
  }
  let refusal;
  let prompts = null;
  try {
    ({ refusal, prompts = null } = await engine()[0].call('checkBank', { bankText: text }));
  } catch (error) {
    // If the engine itself is missing, the heatmap still works.
    if (!(error instanceof EngineMissing)) refusal = messageOf(error);
  }
  if (refusal) {
    bankError(`${source} cannot be used: ${refusal}.`);
    return;
  }
  state.serial += 1;
  // `prompts`: each item's prompt as plain text, as the widget reads its markup (null without the engine).
  state.bank = { text, json, source, serial: state.serial, prompts };
  state.calibrationKey = '';
  const title = json.title || json.id;
  setStatus(
    'bank-status',
    `${title}: ${plural(json.skills.length, 'skill')}, ${plural(json.items.length, 'item')} ` +
      `(bank “${json.id}”, version ${json.version ?? '?'}).`,
  );
  $('bank-status').dataset.bankId = json.id;
  render();
}

/** Says why a bank cannot be used, and which bank the overview still uses. */
function bankError(message) {
  const still = state.bank ? ` The overview still uses “${state.bank.json.title || state.bank.json.id}”.` : '';
  setStatus('bank-status', message + still, 'error');
}

// ---------------------------------------------------------------- reports in

async function addFiles(files) {
  // Not even a file's size is asked here: each question is a round trip to the browser, a
  // third of a second for a school's files. A file too large is found out as it is read.
  for (const file of files) addInput({ source: file.name, content: file });
  await readInputs();
  render();
}

function addInput(input) {
  state.serial += 1;
  state.inputs.push({ serial: state.serial, ...input });
}

async function addCodes(text) {
  // A code wrapped over several lines by a chat or e-mail is joined back together.
  const codes = [];
  for (const piece of text.split(/\s+/).filter(Boolean)) {
    if (piece.startsWith(SHORT_CODE_PREFIX) || codes.length === 0) codes.push(piece);
    else codes[codes.length - 1] += piece;
  }
  for (const pasted of codes) {
    // A code pasted at the end of a sentence keeps its full stop, comma or closing quote: a code
    // never ends with one.
    const code = pasted.replace(/[.,;:!?'"»”’)\]]+$/u, '');
    state.codeCount += 1;
    const source = `short code ${state.codeCount}`;
    try {
      addInput({ source, content: await decodeShortCode(code) });
    } catch (error) {
      addInput({ source, error: messageOf(error) });
    }
  }
  await readInputs();
  render();
}

/** `AP1.` + base64url(deflate-raw(report JSON)) → the report JSON text. */
async function decodeShortCode(code) {
  if (!code.startsWith(SHORT_CODE_PREFIX))
    throw new Error(`not a short code (it should start with ${SHORT_CODE_PREFIX})`);
  const body = code.slice(SHORT_CODE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(body))
    throw new Error('a damaged short code (it has characters a code cannot have)');
  let bytes;
  try {
    const base64 = body.replace(/=+$/, '').replaceAll('-', '+').replaceAll('_', '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    throw new Error('a damaged short code (it is cut short or mistyped)');
  }
  let read;
  try {
    read = await readAtMost(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader(),
      LARGEST_REPORT_BYTES,
    );
  } catch {
    throw new Error('a damaged short code (it cannot be unpacked; is part of it missing?)');
  }
  const { chunks, size } = read;
  if (size > LARGEST_REPORT_BYTES) throw new Error('too large for a report');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
  } catch {
    throw new Error('a damaged short code (it does not hold text)');
  }
}

/** Reports are sent to the reading workers in parts of this many, in turn. */
const READ_PART = 25;
/** The page reads the files of this many parts at a time, in order, so that the first come first. */
const PARTS_READ_AT_ONCE = 3;

/**
 * Reads every report not read yet with the engine's one reader and its plausibility rules
 * (`readReports`, in crates/studio/src/teacher.rs and crates/engine/src/report.rs), with a
 * progress bar: `input.reading` is { report } (with `implausible` reasons when it breaks a
 * rule) or { error: { kind, message } }. The page reads the files' bytes, a few parts at a
 * time, and hands each part to a reading worker as soon as it has it: the workers check one
 * part while the next are read.
 */
async function readInputs() {
  const waiting = state.inputs.filter((input) => input.content !== undefined && !input.reading);
  if (waiting.length === 0) return;
  for (const input of waiting) input.reading = 'pending';
  reading.total += waiting.length;
  showReading();
  const workers = engine();
  const parts = [];
  for (let first = 0; first < waiting.length; first += READ_PART) parts.push(waiting.slice(first, first + READ_PART));
  const checked = [];
  let next = 0;
  const readNextParts = async () => {
    while (next < parts.length) {
      const p = next;
      next += 1;
      const bytes = await partBytes(parts[p]);
      checked.push(checkPart(parts[p], bytes, workers[p % workers.length]));
    }
  };
  await Promise.all(Array.from({ length: PARTS_READ_AT_ONCE }, readNextParts));
  await Promise.all(checked);
}

/**
 * The contents of a part's reports, as `readReports` in teacher-worker.js takes them (a file's
 * bytes, or a text), and the files that could not be read: { contents, refused: [{ index,
 * reason }] }.
 */
async function partBytes(part) {
  const refused = [];
  const contents = await Promise.all(
    part.map(async ({ content }, index) => {
      try {
        return typeof content === 'string' ? content : await fileBytes(content);
      } catch (error) {
        refused.push({ index, reason: messageOf(error) });
        return '';
      }
    }),
  );
  return { contents, refused };
}

/**
 * The chunks of a stream up to `limit` bytes: past it, the stream is cancelled and `size` (the
 * bytes seen) is over `limit`, so that callers can say it was too large. A reading error is thrown.
 */
async function readAtMost(reader, limit) {
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return { chunks, size };
}

/**
 * A file's bytes, read as a stream: unlike `file.arrayBuffer()` or `file.size`, it does not
 * wait for the browser to look the file up first. A file larger than a report can be is read
 * no further.
 */
async function fileBytes(file) {
  let read;
  try {
    read = await readAtMost(file.stream().getReader(), LARGEST_REPORT_BYTES);
  } catch (error) {
    throw new Error(`could not be read (${messageOf(error)})`);
  }
  const { chunks, size } = read;
  if (size > LARGEST_REPORT_BYTES) throw new Error(`too large for a report (${Math.round(file.size / 1e6)} MB)`);
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Has `worker` check a part's contents, handed over, not copied; each file's bytes, handed
 * back, become its input's `content` (for the calibration).
 */
async function checkPart(part, { contents, refused }, worker) {
  try {
    const transfer = new Set(contents.filter((content) => typeof content !== 'string').map((bytes) => bytes.buffer));
    const { answer, files } = await worker.call('read', { files: contents, largest: LARGEST_REPORT_BYTES }, undefined, [
      ...transfer,
    ]);
    const readings = readingsOf(answer);
    part.forEach((input, k) => {
      input.reading = readings[k];
      if (typeof contents[k] !== 'string')
        input.content = files.bytes.subarray(k ? files.ends[k - 1] : 0, files.ends[k]);
    });
    for (const { index, reason } of refused) part[index].reading = { error: { kind: 'file', message: reason } };
    // Where each report has the bank's skills is found now, while the next parts are read, not
    // all at once when the class is rendered.
    if (state.bank) for (const { report } of readings) if (report) stuckSkillsOf(report, state.bank.json);
  } catch (error) {
    for (const input of part)
      input.reading = { error: { kind: 'engineMissing', message: `could not be read (${messageOf(error)})` } };
  }
  reading.done += part.length;
  showReading();
}

/** How many reports are being read, for the progress bar. */
const reading = { done: 0, total: 0 };

function showReading() {
  const busy = reading.done < reading.total;
  $('reading').hidden = !busy;
  $('reading-progress').max = Math.max(1, reading.total);
  $('reading-progress').value = reading.done;
  $('reading-count').textContent = `${numberFormat.format(reading.done)} of ${plural(reading.total, 'report')}`;
  if (!busy) {
    reading.done = 0;
    reading.total = 0;
  }
}

/**
 * Every skill and item id the reports name, numbered in the order met: a report's columns hold
 * these numbers (the engine numbers ids per call; `readingsOf` renumbers them).
 */
const ids = { list: [], numbers: new Map() };

function idNumber(id) {
  let number = ids.numbers.get(id);
  if (number === undefined) {
    number = ids.list.length;
    ids.list.push(id);
    ids.numbers.set(id, number);
  }
  return number;
}

/** The page's codes of the skill states (the engine names them; a new state is added). */
const STATE_KEYS = Object.keys(STATES);
const NOT_STARTED = STATE_KEYS.indexOf('notStarted');

/**
 * The readings of one answer of the engine's `readReports`, in file order. A report's skills
 * and items are columns (typed arrays): `skills` { ids, states, mastery, attempts, correct },
 * `items` { ids, attempts, correct }.
 */
function readingsOf(answer) {
  const { readings, ids: answerIds, states } = JSON.parse(answer.json);
  const numbers = new Uint32Array(answerIds.length);
  for (let k = 0; k < numbers.length; k += 1) numbers[k] = idNumber(answerIds[k]);
  const codes = Uint8Array.from(states, (name) =>
    STATE_KEYS.includes(name) ? STATE_KEYS.indexOf(name) : STATE_KEYS.push(name) - 1,
  );
  const { skillIds, skillStates, skillMastery, skillAttempts, skillCorrect, itemIds, itemAttempts, itemCorrect } =
    answer;
  for (let k = 0; k < skillIds.length; k += 1) {
    skillIds[k] = numbers[skillIds[k]];
    skillStates[k] = codes[skillStates[k]];
  }
  for (let k = 0; k < itemIds.length; k += 1) itemIds[k] = numbers[itemIds[k]];
  let skillAt = 0;
  let itemAt = 0;
  return readings.map((one) => {
    if (!one.report) return one;
    const { skills, items, ...figures } = one.report;
    const cut = (column, at, count) => column.subarray(at, at + count);
    const report = {
      ...figures,
      skills: {
        ids: cut(skillIds, skillAt, skills),
        states: cut(skillStates, skillAt, skills),
        mastery: cut(skillMastery, skillAt, skills),
        attempts: cut(skillAttempts, skillAt, skills),
        correct: cut(skillCorrect, skillAt, skills),
      },
      items: {
        ids: cut(itemIds, itemAt, items),
        attempts: cut(itemAttempts, itemAt, items),
        correct: cut(itemCorrect, itemAt, items),
      },
    };
    skillAt += skills;
    itemAt += items;
    return { ...one, report };
  });
}

/** Why a report cannot be used, as the page says it. */
function readingError({ kind, message }) {
  return kind === 'bank' ? `${message} (choose it under “The bank”)` : message;
}

/**
 * Splits the inputs into the reports used for `bank`, the ones skipped and the ones flagged as
 * implausible (the engine's plausibility rules: shown with their reasons, never counted).
 */
function classify(bank, inputs) {
  const used = [];
  const skipped = [];
  const flagged = [];
  const byLearner = new Map();
  for (const input of inputs) {
    if (input.error) {
      skipped.push({ source: input.source, reason: input.error });
      continue;
    }
    // Being read: counted once read.
    if (input.reading === 'pending') continue;
    const { report, error } = input.reading ?? { error: { kind: 'unread', message: 'not read yet' } };
    if (error) {
      skipped.push({ source: input.source, reason: readingError(error) });
      continue;
    }
    if (report.bankId !== bank.id) {
      skipped.push({
        source: input.source,
        reason: `a report for another bank (“${report.bankId}”)`,
        learner: report.learner,
      });
      continue;
    }
    if (input.reading.implausible?.length) {
      flagged.push({ source: input.source, learner: report.learner, reasons: input.reading.implausible });
      continue;
    }
    if (input.engineError) {
      skipped.push({ source: input.source, reason: input.engineError, learner: report.learner });
      continue;
    }
    const unnamed = !report.learner.trim();
    const name = unnamed ? 'Unnamed learner' : report.learner.trim();
    // Reports without a name cannot be told to be one learner's: each is its own learner, but
    // the same file twice (the same `createdAt`) is still one.
    const key = unnamed ? `\u0000unnamed ${report.createdAt}` : name.toLocaleLowerCase();
    const earlier = byLearner.get(key);
    const entry = { input, source: input.source, serial: input.serial, report, name };
    if (!earlier) {
      byLearner.set(key, entry);
      used.push(entry);
    } else if (report.createdAt === earlier.report.createdAt) {
      skipped.push({ source: input.source, reason: `a duplicate of ${earlier.source}`, learner: name });
    } else {
      // The same learner twice: the newer report is the one that counts.
      const [newer, older] = report.createdAt > earlier.report.createdAt ? [entry, earlier] : [earlier, entry];
      skipped.push({
        source: older.source,
        reason: `an older report from ${name} (${newer.source} is newer)`,
        learner: name,
      });
      if (newer === entry) {
        used[used.indexOf(earlier)] = entry;
        byLearner.set(key, entry);
      }
    }
  }
  const unnamed = numberUnnamed(used);
  used.sort((a, b) => nameOrder.compare(a.name, b.name));
  return { used, skipped, flagged, unnamed };
}

/**
 * Numbers the learners whose reports have no name, oldest report first (“Unnamed learner 1”,
 * “Unnamed learner 2”), when there are several; answers how many there are.
 */
function numberUnnamed(used) {
  const unnamed = used
    .filter((entry) => !entry.report.learner.trim())
    .sort((a, b) => a.report.createdAt - b.report.createdAt || a.serial - b.serial);
  if (unnamed.length > 1) {
    unnamed.forEach((entry, index) => {
      entry.name = `Unnamed learner ${index + 1}`;
    });
  }
  return unnamed.length;
}

// ---------------------------------------------------------------- calibration

function calibrationKey(used) {
  return [state.bank.serial, ...used.map((u) => u.serial)].join(' ');
}

/** The worker calibrating the class as it was last; ended when the class changes under it. */
let calibrator = null;

/**
 * Runs the engine's calibration in its own worker when the bank or the reports used changed,
 * with a progress bar: the reports read again (the engine reads them with the same reader), then
 * the fit, as far as it got.
 */
async function calibrate(used) {
  const key = calibrationKey(used);
  if (key === state.calibrationKey) return;
  state.calibrationKey = key;
  state.calibration = null;
  calibrator?.end();
  const worker = engineWorker();
  calibrator = worker;
  showCalibrating({ read: 0, total: used.length });
  let result;
  try {
    result = await worker.call(
      'calibrate',
      { bankText: state.bank.text, files: used.map((u) => u.input.content), largest: LARGEST_REPORT_BYTES },
      (progress) => {
        if (key === state.calibrationKey) showCalibrating(progress);
      },
    );
  } catch (error) {
    result = { error: messageOf(error) };
  }
  if (calibrator === worker) {
    worker.end();
    calibrator = null;
  }
  if (key !== state.calibrationKey) return;
  // The calibration reads reports with the same reader; one it refuses all the same is skipped.
  let refused = false;
  for (const { report, error } of result.skipped ?? []) {
    const input = used[report]?.input;
    if (input) {
      input.engineError = readingError(error);
      refused = true;
    }
  }
  state.calibration = result;
  if (refused) state.calibrationKey = '';
  render();
}

/**
 * The calibration's progress: the reports read again, then the fit (`fitted` of `of`, from the
 * engine). The status changes with the phase and, while fitting, every tenth of the way (it is
 * read out); the bar has every value.
 */
function showCalibrating({ read, total, fitted, of }) {
  const bar = $('calibration-progress');
  bar.hidden = false;
  let status;
  if (read < total) {
    status = 'Calibrating the bank: reading the reports again…';
    bar.max = total;
    bar.value = read;
  } else if (of > 0) {
    const percent = Math.floor((100 * fitted) / of);
    status = `Calibrating the bank: fitting the calibration block: ${Math.floor(percent / 10) * 10}%`;
    bar.max = of;
    bar.value = fitted;
  } else {
    status = "Calibrating the bank: fitting the items' difficulties and the calibration block…";
    bar.removeAttribute('value');
  }
  if ($('calibration-status').textContent !== status) setStatus('calibration-status', status);
}

// ---------------------------------------------------------------- rendering

function render() {
  // `make bench` (bench/teacher.mjs) times the reading of the reports up to here, and the rest.
  performance.mark('teacher:render');
  const bank = state.bank?.json;
  const { used, skipped, flagged, unnamed } = bank
    ? classify(bank, state.inputs)
    : { used: [], skipped: [], flagged: [], unnamed: 0 };
  renderInputLists(bank, used, skipped, flagged, unnamed);
  renderFlagged(flagged);
  $('results').hidden = !(bank && used.length > 0);
  if ($('results').hidden) return;
  if (calibrationKey(used) !== state.calibrationKey) state.calibration = null;
  renderHeatmap(bank, used);
  renderStuck(bank, used);
  renderItems(bank, used);
  // The calibration starts once the heatmap is painted, with the class as it is by then.
  if (!calibrationScheduled) {
    calibrationScheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        calibrationScheduled = false;
        const latest = usedReports();
        if (latest.length > 0) void calibrate(latest);
      }),
    );
  }
}

let calibrationScheduled = false;

function renderInputLists(bank, used, skipped, flagged = [], unnamed = 0) {
  const count = state.inputs.length;
  $('clear-reports').hidden = count === 0;
  if (!bank) {
    setStatus('reports-status', count ? `${plural(count, 'report')} waiting for the bank.` : '');
    $('skipped').hidden = true;
    $('used').hidden = true;
    return;
  }
  setStatus(
    'reports-status',
    count === 0
      ? ''
      : `${plural(used.length, 'learner')} in the overview` +
          (flagged.length ? `, ${flagged.length} flagged` : '') +
          (skipped.length ? `, ${skipped.length} skipped.` : '.'),
  );
  $('skipped').hidden = skipped.length === 0;
  $('skipped-list').replaceChildren(
    ...skipped.map(({ source, reason, learner }) =>
      element('li', {}, element('strong', {}, source), learner ? ` (${learner})` : '', `: ${reason}.`),
    ),
  );
  $('unnamed-note').hidden = unnamed < 2;
  $('unnamed-note').textContent =
    unnamed < 2
      ? ''
      : `${plural(unnamed, 'report')} have no learner's name: each is shown as its own learner ` +
        '(Unnamed learner 1, 2, …), as this page cannot tell whether some are the same learner’s. ' +
        'Ask learners to type their name when they make a report.';
  $('used').hidden = used.length === 0;
  $('used-summary').textContent = `Reports used (${used.length})`;
  $('used-list').replaceChildren(
    ...used.map(({ source, name, report }) => {
      const version = report.bankVersion !== bank.version ? ` · made with bank version ${report.bankVersion}` : '';
      return element(
        'li',
        {},
        `${name}: ${source} · ${plural(report.answerCount ?? 0, 'answer')} · ${formatDate(report.createdAt)}${version}`,
      );
    }),
  );
}

/** Reports that break a plausibility rule: each with its reasons, left out of every figure. */
function renderFlagged(flagged) {
  $('flagged').hidden = flagged.length === 0;
  $('flagged-list').replaceChildren(
    ...flagged.map(({ source, learner, reasons }) =>
      element('li', {}, element('strong', {}, source), learner ? ` (${learner})` : '', `: ${reasons.join('; ')}.`),
    ),
  );
}

// ---------------------------------------------------------------- the heatmap: a windowed grid
//
// A class of 1,000 learners on 500 skills would be 500,000 cells: only the cells in view (and a
// margin around them) are in the document, as an ARIA grid whose rows and cells carry their place
// in the whole (aria-rowindex, aria-colindex). Scrolling and the arrow keys move the window; one
// cell at a time is in the tab order (roving tabindex). A class small enough is rendered whole.

/** A class with at most this many learner–skill cells is rendered whole. */
const HEATMAP_WHOLE_CELLS = 6_000;
/** Rows and columns rendered beyond the visible ones, on each side. */
const HEATMAP_MARGIN_ROWS = 10;
const HEATMAP_MARGIN_COLUMNS = 4;
/** Printing renders every learner and as many skills as keep the print under this many cells. */
const HEATMAP_PRINT_CELLS = 100_000;

/** The numbers of a bank's skill ids (-1: an id no report names), by bank and count of ids. */
const bankSkillNumbers = new WeakMap();

function skillNumbers(bank) {
  let known = bankSkillNumbers.get(bank);
  if (known?.count !== ids.list.length) {
    known = {
      count: ids.list.length,
      numbers: Int32Array.from(bank.skills, (skill) => ids.numbers.get(skill.id) ?? -1),
    };
    bankSkillNumbers.set(bank, known);
  }
  return known.numbers;
}

/** Each report's place of every skill of the bank in its columns (-1: not in the report). */
const skillPlaces = new WeakMap();

function placesOf(report, bank) {
  const known = skillPlaces.get(report);
  if (known?.bank === bank) return known.places;
  const wanted = skillNumbers(bank);
  const own = report.skills.ids;
  const places = new Int32Array(wanted.length);
  if (own.length === wanted.length && wanted.every((number, s) => own[s] === number)) {
    // As the widget writes reports: the bank's skills, in the bank's order.
    for (let s = 0; s < places.length; s += 1) places[s] = s;
  } else {
    // A skill listed twice counts by its last record.
    const at = new Map();
    for (const [k, number] of own.entries()) at.set(number, k);
    wanted.forEach((number, s) => {
      places[s] = at.get(number) ?? -1;
    });
  }
  skillPlaces.set(report, { bank, places });
  return places;
}

/**
 * The places in the bank of the skills a report's learner is stuck on (still learning, with many
 * answers and a low mastery), in the bank's order. A skill mastered and now due for review is
 * not stuck: its mastery is the chance of recalling it today, which falls as time passes.
 */
function stuckSkillsOf(report, bank) {
  const places = placesOf(report, bank);
  const known = skillPlaces.get(report);
  if (!known.stuck) {
    const { attempts, mastery, states } = report.skills;
    known.stuck = [];
    places.forEach((k, s) => {
      if (
        k >= 0 &&
        attempts[k] >= STUCK_ATTEMPTS &&
        mastery[k] < STUCK_MASTERY &&
        !countsAsMastered(STATE_KEYS[states[k]])
      )
        known.stuck.push(s);
    });
  }
  return known.stuck;
}

/** The record at place `k` of a report's skills: { state, mastery, attempts, correct }, or undefined. */
function recordAt(report, k) {
  if (k < 0) return undefined;
  const { states, mastery, attempts, correct } = report.skills;
  return { state: STATE_KEYS[states[k]], mastery: mastery[k], attempts: attempts[k], correct: correct[k] };
}

/**
 * What the heatmap shows and which part of it is rendered. Rows and columns are counted as the
 * grid's aria-rowindex and aria-colindex: row 1 is the skills' header, rows 2… the learners, the
 * last row the class; column 1 the learners' names, columns 2… the skills.
 */
const heatmap = {
  bank: null,
  used: [],
  records: [],
  classRow: [],
  /** The learners [first, end) and skills [first, end) rendered, 0-based. */
  learners: [0, 0],
  skills: [0, 0],
  active: { row: 2, column: 2 },
  /** Measured once the grid is in the page. */
  rowHeight: 56,
  columnWidth: 104,
  nameWidth: 176,
  headHeight: 60,
  footHeight: 40,
  printing: false,
  frame: 0,
};

function renderHeatmap(bank, used) {
  // The class is the same (calibration finished, or a file skipped): the grid stays as it is.
  if (
    heatmap.bank === bank &&
    heatmap.used.length === used.length &&
    used.every((u, i) => u.report === heatmap.used[i].report && u.name === heatmap.used[i].name)
  )
    return;
  const skills = bank.skills;
  heatmap.bank = bank;
  heatmap.used = used;
  heatmap.records = used.map((u) => placesOf(u.report, bank));
  const masteredCodes = STATE_KEYS.map(countsAsMastered);
  const started = new Uint32Array(skills.length);
  const mastered = new Uint32Array(skills.length);
  used.forEach(({ report }, i) => {
    const places = heatmap.records[i];
    const states = report.skills.states;
    for (let s = 0; s < skills.length; s += 1) {
      const k = places[s];
      if (k < 0 || states[k] === NOT_STARTED) continue;
      started[s] += 1;
      if (masteredCodes[states[k]]) mastered[s] += 1;
    }
  });
  heatmap.classRow = skills.map((_, s) =>
    started[s] ? `${mastered[s]} of ${used.length} mastered` : 'nobody started',
  );
  heatmap.active = { row: 2, column: 2 };
  const table = $('heatmap');
  table.setAttribute('aria-rowcount', String(used.length + 2));
  table.setAttribute('aria-colcount', String(skills.length + 1));
  const scroller = $('heatmap-scroll');
  scroller.scrollTop = 0;
  scroller.scrollLeft = 0;
  drawHeatmap(...heatmapWindow());
  // The first draw shows the sizes the stylesheet gives; a window is drawn again if they differ.
  const estimated = [heatmap.rowHeight, heatmap.columnWidth, heatmap.nameWidth, heatmap.headHeight];
  measureHeatmap();
  const measured = [heatmap.rowHeight, heatmap.columnWidth, heatmap.nameWidth, heatmap.headHeight];
  // Drawn again when the sizes differ from the stylesheet's, or when a header's word was too wide.
  const cut = skills.some((skill) => columnHeaderText(skill.name || skill.id) !== (skill.name || skill.id));
  if (
    (used.length * skills.length > HEATMAP_WHOLE_CELLS &&
      measured.some((size, i) => Math.abs(size - estimated[i]) > 0.5)) ||
    cut
  ) {
    drawHeatmap(...heatmapWindow());
    measureHeatmap();
  }

  let from = Infinity;
  let to = -Infinity;
  for (const { report } of used) {
    from = Math.min(from, report.createdAt);
    to = Math.max(to, report.createdAt);
  }
  const first = formatDate(from);
  const last = formatDate(to);
  $('heatmap-summary').textContent =
    `${plural(used.length, 'learner')} · ${plural(skills.length, 'skill')} · ` +
    `reports made ${first === last ? `on ${first}` : `from ${first} to ${last}`}. Mastery is the chance of answering a typical item of the skill right; ` +
    'the last row counts the learners who mastered the skill, those now due for review included.';
}

/**
 * A skill's name as its column header shows it: the lines break between words only, so a word
 * wider than the column is cut to fit, ending in "…" (the header's title and the text a screen
 * reader reads keep the whole name). Measured in the header's font, once the grid is drawn.
 */
function columnHeaderText(name) {
  const { headerFont, headerWidth } = heatmap;
  if (!headerFont || !(headerWidth > 0)) return name;
  columnHeaderText.context ??= document.createElement('canvas').getContext('2d');
  const context = columnHeaderText.context;
  if (!context) return name;
  context.font = headerFont;
  const fits = (text) => context.measureText(text).width <= headerWidth;
  return name
    .split(/(\s+)/)
    .map((word) => {
      if (/^\s*$/.test(word) || fits(word)) return word;
      const characters = [...word];
      let kept = characters.length - 1;
      while (kept > 1 && !fits(`${characters.slice(0, kept).join('')}…`)) kept -= 1;
      return `${characters.slice(0, kept).join('')}…`;
    })
    .join('');
}

/** Reads the sizes the stylesheet gave the grid (they depend on the font and the screen). */
function measureHeatmap() {
  const table = $('heatmap');
  const name = table.querySelector('thead th');
  const skill = table.querySelector('thead th[data-skill]');
  const row = table.querySelector('tbody tr[aria-rowindex]');
  if (name) heatmap.nameWidth = name.getBoundingClientRect().width;
  if (skill) {
    heatmap.columnWidth = skill.getBoundingClientRect().width;
    const style = getComputedStyle(skill);
    heatmap.headerFont = style.font;
    heatmap.headerWidth = skill.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }
  if (row) heatmap.rowHeight = row.getBoundingClientRect().height;
  heatmap.headHeight = table.tHead?.getBoundingClientRect().height ?? heatmap.headHeight;
  heatmap.footHeight = table.tFoot?.getBoundingClientRect().height ?? heatmap.footHeight;
  // Scrolling a cell into view keeps it clear of the sticky header, names and class row.
  const scroller = $('heatmap-scroll');
  scroller.style.scrollPaddingTop = `${heatmap.headHeight}px`;
  scroller.style.scrollPaddingBottom = `${heatmap.footHeight}px`;
  scroller.style.scrollPaddingLeft = `${heatmap.nameWidth}px`;
}

/** The learners and skills in view, or all of them for a small class or a print. */
function visibleCells() {
  const learnerCount = heatmap.used.length;
  const skillCount = heatmap.bank.skills.length;
  if (heatmap.printing) {
    const skills =
      learnerCount * skillCount <= HEATMAP_PRINT_CELLS ? skillCount : Math.floor(HEATMAP_PRINT_CELLS / learnerCount);
    return [
      [0, learnerCount],
      [0, Math.max(1, skills)],
    ];
  }
  if (learnerCount * skillCount <= HEATMAP_WHOLE_CELLS) {
    return [
      [0, learnerCount],
      [0, skillCount],
    ];
  }
  const scroller = $('heatmap-scroll');
  const { rowHeight, columnWidth } = heatmap;
  const bodyHeight = Math.max(rowHeight, scroller.clientHeight - heatmap.headHeight - heatmap.footHeight);
  const bodyWidth = Math.max(columnWidth, scroller.clientWidth - heatmap.nameWidth);
  const top = Math.floor(scroller.scrollTop / rowHeight);
  const left = Math.floor(scroller.scrollLeft / columnWidth);
  return [
    [clamp(top, 0, learnerCount), clamp(Math.ceil((scroller.scrollTop + bodyHeight) / rowHeight), 0, learnerCount)],
    [clamp(left, 0, skillCount), clamp(Math.ceil((scroller.scrollLeft + bodyWidth) / columnWidth), 0, skillCount)],
  ];
}

/** The cells to render: the visible ones and a margin around them. */
function heatmapWindow() {
  const [[top, bottom], [left, right]] = visibleCells();
  return [
    [Math.max(0, top - HEATMAP_MARGIN_ROWS), Math.min(heatmap.used.length, bottom + HEATMAP_MARGIN_ROWS)],
    [Math.max(0, left - HEATMAP_MARGIN_COLUMNS), Math.min(heatmap.bank.skills.length, right + HEATMAP_MARGIN_COLUMNS)],
  ];
}

/** Renders learners [top, bottom) by skills [left, right), with gaps standing for the rest. */
function drawHeatmap([top, bottom], [left, right]) {
  const { bank, used, records } = heatmap;
  const skills = bank.skills;
  const shown = skills.slice(left, right);
  heatmap.learners = [top, bottom];
  heatmap.skills = [left, right];
  const gaps = !heatmap.printing;
  const before = () => (gaps && left > 0 ? [gapCell(left * heatmap.columnWidth)] : []);
  const after = () => (gaps && right < skills.length ? [gapCell((skills.length - right) * heatmap.columnWidth)] : []);
  const row = (index, ...cells) => element('tr', { 'aria-rowindex': String(index) }, ...cells);
  const head = row(
    1,
    gridCell('th', { scope: 'col' }, 1, 'Learner'),
    before(),
    shown.map((skill, k) => {
      const name = skill.name || skill.id;
      const shortened = columnHeaderText(name);
      return gridCell(
        'th',
        { scope: 'col', 'data-skill': skill.id, title: name },
        left + k + 2,
        ...(shortened === name
          ? [name]
          : [
              element('span', { 'aria-hidden': 'true' }, shortened),
              element('span', { class: 'visually-hidden' }, name),
            ]),
      );
    }),
    after(),
  );
  const body = [];
  const columns = 1 + shown.length + before().length + after().length;
  if (gaps && top > 0) body.push(gapRow(top * heatmap.rowHeight, columns));
  for (let i = top; i < bottom; i += 1) {
    const { name } = used[i];
    body.push(
      row(
        i + 2,
        gridCell('th', { scope: 'row', title: name }, 1, name),
        before(),
        shown.map((skill, k) => heatmapCell(name, skill, recordAt(used[i].report, records[i][left + k]), left + k + 2)),
        after(),
      ),
    );
  }
  if (gaps && bottom < used.length) body.push(gapRow((used.length - bottom) * heatmap.rowHeight, columns));
  const foot = row(
    used.length + 2,
    gridCell('th', { scope: 'row' }, 1, 'Class'),
    before(),
    shown.map((_, k) => gridCell('td', {}, left + k + 2, heatmap.classRow[left + k])),
    after(),
  );
  const table = $('heatmap');
  const hadFocus = table.contains(document.activeElement);
  table.style.width = `${heatmap.nameWidth + (gaps ? skills.length : shown.length) * heatmap.columnWidth}px`;
  table.replaceChildren(
    element('caption', { class: 'visually-hidden' }, 'Mastery of each skill, learner by learner'),
    element('thead', {}, head),
    element('tbody', {}, ...body),
    element('tfoot', {}, foot),
  );
  // Roving tabindex: the active cell, or the first cell rendered when it is out of the window.
  const active = activeCell() ?? table.querySelector('tbody [aria-colindex]') ?? table.querySelector('[aria-colindex]');
  if (active) {
    active.tabIndex = 0;
    if (hadFocus) active.focus({ preventScroll: true });
  }
}

function gridCell(name, attributes, column, ...children) {
  const cell = element(name, { ...attributes, 'aria-colindex': String(column) }, ...children);
  cell.tabIndex = -1;
  return cell;
}

/** Stands for the columns not rendered: it has their width, and nothing for a screen reader. */
function gapCell(width) {
  const cell = element('td', { class: 'gap', 'aria-hidden': 'true' });
  cell.style.width = `${width}px`;
  return cell;
}

/** Stands for the rows not rendered. */
function gapRow(height, columns) {
  const row = element('tr', { class: 'gap', 'aria-hidden': 'true' }, element('td', { colspan: String(columns) }));
  row.style.height = `${height}px`;
  return row;
}

function activeCell() {
  const { row, column } = heatmap.active;
  return $('heatmap').querySelector(`tr[aria-rowindex="${row}"] > [aria-colindex="${column}"]`);
}

/** Follows scrolling: a new window once the visible cells leave the rendered ones. */
function followHeatmapScroll() {
  heatmap.frame = 0;
  if (!heatmap.bank || $('results').hidden) return;
  const [[top, bottom], [left, right]] = visibleCells();
  const [renderedTop, renderedBottom] = heatmap.learners;
  const [renderedLeft, renderedRight] = heatmap.skills;
  if (top >= renderedTop && bottom <= renderedBottom && left >= renderedLeft && right <= renderedRight) return;
  drawHeatmap(...heatmapWindow());
}

function scheduleHeatmapScroll() {
  heatmap.frame ||= requestAnimationFrame(followHeatmapScroll);
}

/** Arrow keys, Home/End (Ctrl: the corners) and Page Up/Down move between the grid's cells. */
function heatmapKey(event) {
  if (!heatmap.bank) return;
  const rows = heatmap.used.length + 2;
  const columns = heatmap.bank.skills.length + 1;
  const scroller = $('heatmap-scroll');
  const page = Math.max(
    1,
    Math.floor((scroller.clientHeight - heatmap.headHeight - heatmap.footHeight) / heatmap.rowHeight),
  );
  let { row, column } = heatmap.active;
  const corner = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowRight':
      column += 1;
      break;
    case 'ArrowLeft':
      column -= 1;
      break;
    case 'ArrowDown':
      row += 1;
      break;
    case 'ArrowUp':
      row -= 1;
      break;
    case 'Home':
      column = 1;
      if (corner) row = 1;
      break;
    case 'End':
      column = columns;
      if (corner) row = rows;
      break;
    case 'PageDown':
      row += page;
      break;
    case 'PageUp':
      row -= page;
      break;
    default:
      return;
  }
  event.preventDefault();
  moveHeatmapFocus(clamp(row, 1, rows), clamp(column, 1, columns));
}

/** Scrolls the cell (row, column) into view, renders the window around it, and focuses it. */
function moveHeatmapFocus(row, column) {
  const scroller = $('heatmap-scroll');
  const learners = heatmap.used.length;
  if (row >= 2 && row <= learners + 1) {
    const top = (row - 2) * heatmap.rowHeight;
    const visible = scroller.clientHeight - heatmap.headHeight - heatmap.footHeight;
    scroller.scrollTop = clamp(scroller.scrollTop, top + heatmap.rowHeight - visible, top);
  }
  if (column >= 2) {
    const left = (column - 2) * heatmap.columnWidth;
    const visible = scroller.clientWidth - heatmap.nameWidth;
    scroller.scrollLeft = clamp(scroller.scrollLeft, left + heatmap.columnWidth - visible, left);
  }
  setActiveCell(row, column);
  followHeatmapScroll();
  const cell = activeCell();
  if (cell) {
    setActiveCell(row, column);
    cell.focus({ preventScroll: true });
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

/** Makes (row, column) the grid's one cell in the tab order. */
function setActiveCell(row, column) {
  for (const cell of $('heatmap').querySelectorAll('[tabindex="0"]')) cell.tabIndex = -1;
  heatmap.active = { row, column };
  const cell = activeCell();
  if (cell) cell.tabIndex = 0;
}

function clamp(value, low, high) {
  return Math.min(Math.max(value, low), high);
}

/**
 * Whether a report's skill counts as mastered: the engine's rule (`SkillState::counts_as_mastered`
 * in crates/engine/src/model.rs), which a test of the widget crate checks this line against.
 */
const countsAsMastered = (state) => state === 'mastered' || state === 'dueForReview';

function heatmapCell(learner, skill, record, column) {
  if (!record) {
    return gridCell(
      'td',
      { class: 'cell no-data', 'data-learner': learner, 'data-skill': skill.id },
      column,
      'no data',
    );
  }
  const percent = Math.round(record.mastery * 100);
  const band = record.state === 'notStarted' ? 'not-started' : `band-${Math.min(4, Math.floor(percent / 20))}`;
  return gridCell(
    'td',
    {
      class: `cell ${band}`,
      'data-learner': learner,
      'data-skill': skill.id,
      'data-mastery': String(record.mastery),
      'data-state': record.state,
      title: `${learner} · ${skill.name || skill.id}: ${plural(record.attempts, 'answer')}, ${record.correct} right`,
    },
    column,
    element('span', { class: 'percent' }, `${percent}%`),
    element('span', { class: 'state' }, stateLabel(record.state)),
  );
}

/**
 * Learner–skill pairs with many answers and a low mastery, most answers first: the first `limit`
 * of them, and how many there are.
 */
function stuckPairs(bank, used, limit) {
  const pairs = [];
  for (const { name, report } of used) {
    const places = placesOf(report, bank);
    for (const s of stuckSkillsOf(report, bank))
      pairs.push({ name, skill: bank.skills[s], record: recordAt(report, places[s]) });
  }
  // Only the first `limit` are shown: those with the most answers are found by counting, not sorting all.
  const count = pairs.length;
  let fewest = 0;
  if (count > limit) {
    const byAttempts = new Map();
    for (const { record } of pairs) byAttempts.set(record.attempts, (byAttempts.get(record.attempts) ?? 0) + 1);
    let taken = 0;
    for (const attempts of [...byAttempts.keys()].sort((a, b) => b - a)) {
      taken += byAttempts.get(attempts);
      fewest = attempts;
      if (taken >= limit) break;
    }
  }
  const shown = pairs
    .filter(({ record }) => record.attempts >= fewest)
    .sort((a, b) => b.record.attempts - a.record.attempts || a.record.mastery - b.record.mastery)
    .slice(0, limit);
  return { pairs: shown, count };
}

/**
 * Learners who answer mostly wrong but are stuck on no single skill (their answers spread over
 * skills, none with enough answers to be listed): name, answers and right answers.
 */
function strugglingLearners(bank, used) {
  const found = [];
  for (const { name, report } of used) {
    if (stuckSkillsOf(report, bank).length > 0) continue;
    const { attempts, correct } = report.items;
    let answers = 0;
    let right = 0;
    for (let k = 0; k < attempts.length; k += 1) {
      answers += attempts[k];
      right += correct[k];
    }
    if (answers >= STRUGGLING_ANSWERS && right < STRUGGLING_RIGHT * answers) found.push({ name, answers, right });
  }
  return found;
}

function renderStuck(bank, used) {
  const { pairs, count } = stuckPairs(bank, used, STUCK_SHOWN);
  const struggling = strugglingLearners(bank, used);
  $('struggling').hidden = struggling.length === 0;
  $('struggling').textContent =
    `Struggling across skills (${STRUGGLING_ANSWERS} or more answers, under ${STRUGGLING_RIGHT * 100}% right, ` +
    'stuck on no single skill): ' +
    struggling.map(({ name, answers, right }) => `${name}, ${right} right of ${answers}`).join('; ') +
    '.';
  $('stuck-none').hidden = count > 0;
  $('stuck').hidden = count === 0;
  $('stuck').replaceChildren(
    element('caption', { class: 'visually-hidden' }, 'Learners stuck on a skill'),
    element(
      'thead',
      {},
      element('tr', {}, ...['Learner', 'Skill', 'Answers', 'Mastery'].map((h) => element('th', { scope: 'col' }, h))),
    ),
    element(
      'tbody',
      {},
      ...pairs
        .slice(0, STUCK_SHOWN)
        .map(({ name, skill, record }) =>
          element(
            'tr',
            { 'data-learner': name, 'data-skill': skill.id },
            element('th', { scope: 'row' }, name),
            element('td', { class: 'skill-name' }, skill.name || skill.id),
            element(
              'td',
              { class: 'number' },
              String(record.attempts),
              element('span', { class: 'detail' }, `${record.correct} right`),
            ),
            element('td', { class: 'number' }, `${Math.round(record.mastery * 100)}%`),
          ),
        ),
    ),
    count > STUCK_SHOWN
      ? element(
          'tfoot',
          {},
          element(
            'tr',
            {},
            element(
              'td',
              { colspan: '4' },
              `…and ${plural(count - STUCK_SHOWN, 'more pair')}: the CSV export has them all.`,
            ),
          ),
        )
      : '',
  );
}

function renderItems(bank, used) {
  // Answers and right answers per id number.
  const answers = new Float64Array(ids.list.length);
  const right = new Float64Array(ids.list.length);
  for (const { report } of used) {
    const { ids: numbers, attempts, correct } = report.items;
    for (let k = 0; k < numbers.length; k += 1) {
      answers[numbers[k]] += attempts[k];
      right[numbers[k]] += correct[k];
    }
  }
  const totalOf = (id) => {
    const number = ids.numbers.get(id);
    return number === undefined ? { answers: 0, correct: 0 } : { answers: answers[number], correct: right[number] };
  };
  const calibration = state.calibration;
  const calibrated = new Map((calibration?.items ?? []).map((c) => [c.id, c]));
  const prompts = state.bank.prompts;
  const rows = bank.items
    .map((item, index) => ({
      item,
      // Without the engine, no excerpt: a prompt's raw markup is not for reading.
      prompt: prompts?.[index] ?? '',
      total: totalOf(item.id),
      calibrated: calibrated.get(item.id),
    }))
    .filter((row) => row.total.answers >= FEWEST_ANSWERS_TO_RANK);
  if (calibration?.items)
    rows.sort((a, b) => (b.calibrated?.difficulty ?? -Infinity) - (a.calibrated?.difficulty ?? -Infinity));
  else rows.sort((a, b) => a.total.correct / a.total.answers - b.total.correct / b.total.answers);
  const skillNames = new Map(bank.skills.map((s) => [s.id, s.name || s.id]));
  const answerCount = answers.reduce((sum, count) => sum + count, 0);
  $('calibration-progress').hidden = Boolean(calibration);
  if (!calibration) {
    if (!calibrator) setStatus('calibration-status', 'Calibrating the bank…');
  } else if (calibration.error) {
    setStatus(
      'calibration-status',
      `The engine could not calibrate the items (${calibration.error}); the list is ordered by % correct instead.`,
    );
  } else {
    setStatus(
      'calibration-status',
      `Calibrated from ${plural(answerCount, 'answer')} by ${plural(calibration.learners, 'learner')}.`,
    );
  }
  $('download-bank').disabled = !calibration?.bank;
  renderBankContents(calibration, used.length);
  $('items').replaceChildren(
    element('caption', { class: 'visually-hidden' }, 'The hardest items'),
    element(
      'thead',
      {},
      element('tr', {}, ...['Item', 'Answers', 'Difficulty'].map((h) => element('th', { scope: 'col' }, h))),
    ),
    element(
      'tbody',
      {},
      ...rows
        .slice(0, HARDEST_ITEM_COUNT)
        .map(({ item, prompt, total, calibrated: c }) =>
          element(
            'tr',
            { 'data-item': item.id },
            element(
              'th',
              { scope: 'row' },
              element('span', { class: 'item-id' }, item.id),
              element(
                'span',
                { class: 'detail' },
                (item.skills ?? []).map((id) => skillNames.get(id) ?? id).join(', '),
              ),
              element('span', { class: 'prompt' }, excerpt(prompt)),
            ),
            element(
              'td',
              { class: 'number' },
              String(total.answers),
              element('span', { class: 'detail' }, `${Math.round((100 * total.correct) / total.answers)}% right`),
            ),
            element(
              'td',
              { class: 'number' },
              c ? signed(c.difficulty) : '—',
              element('span', { class: 'detail' }, c ? `± ${c.standardError.toFixed(2)}` : ''),
              element(
                'span',
                { class: 'detail' },
                `bank: ${typeof item.difficulty === 'number' ? signed(item.difficulty) : 'none'}`,
              ),
            ),
          ),
        ),
    ),
  );
}

// ---------------------------------------------------------------- downloads

/** One CSV line per learner and skill (RFC 4180: CRLF, fields quoted when they must be). */
function classCsv(bank, used) {
  const lines = [['learner', 'skill', 'state', 'mastery', 'attempts', 'correct']];
  for (const { name, report } of used) {
    const places = placesOf(report, bank);
    for (const [s, skill] of bank.skills.entries()) {
      const record = recordAt(report, places[s]);
      if (!record) continue;
      lines.push([
        spreadsheetSafe(name),
        spreadsheetSafe(skill.name || skill.id),
        stateLabel(record.state),
        String(record.mastery),
        String(record.attempts),
        String(record.correct),
      ]);
    }
  }
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A name a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
function spreadsheetSafe(text) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function download(fileName, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element('a', { href: url, download: fileName, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---------------------------------------------------------------- small helpers

function element(name, attributes, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children.flat());
  return node;
}

/**
 * What the calibrated bank (the download) holds: the items' difficulties, and the calibration
 * block fitted from the class's answers, or the bank's earlier block kept, or none, each said.
 */
function renderBankContents(calibration, learners) {
  const node = $('bank-contents');
  node.hidden = !calibration?.bank;
  if (node.hidden) return;
  const block = calibration.block;
  const withAnswers = calibration.learnersWithAnswers ?? 0;
  const without = learners - withAnswers;
  const withoutNote =
    without > 0
      ? ` (${plural(without, 'report')} of older widgets ${without === 1 ? 'lists' : 'list'} no answers one by one and ${without === 1 ? 'counts' : 'count'} for the difficulties only)`
      : '';
  const fit = calibration.classFit;
  let text;
  if (block?.source === 'class') {
    text =
      `The calibrated bank holds the items' difficulties and a calibration block fitted on ` +
      `${plural(block.answers, 'answer')} by ${plural(block.learners, 'learner')} of this class${withoutNote}: ` +
      'widgets that load it predict and choose with the calibrated model' +
      (fit?.check
        ? ` (fitted without each learner, it predicted their answers better than the bank without a block: log-loss ${fit.check.blockLogLoss.toFixed(3)} against ${fit.check.withoutBlockLogLoss.toFixed(3)}).`
        : '.');
  } else if (fit && !fit.kept) {
    const why = fit.check
      ? `Your class's ${plural(fit.answers, 'answer')} are too few to improve on the bank's predictions: ` +
        `a calibration block fitted without each learner predicted their answers no better than the bank without one ` +
        `(log-loss ${fit.check.blockLogLoss.toFixed(3)} against ${fit.check.withoutBlockLogLoss.toFixed(3)}), so none is written`
      : "One learner's answers cannot be checked against another's, so no calibration block is written";
    text =
      block?.source === 'earlier'
        ? `${why}: the calibrated bank holds the items' difficulties and keeps its earlier calibration block, ` +
          `fitted on ${plural(block.answers, 'answer')} by ${plural(block.learners, 'learner')} before this class, unchanged.`
        : `${why}: the calibrated bank holds the items' difficulties only; its predictions are otherwise unchanged.`;
  } else if (block?.source === 'earlier') {
    text =
      `The calibrated bank holds the items' difficulties and keeps the bank's earlier calibration block, ` +
      `fitted on ${plural(block.answers, 'answer')} by ${plural(block.learners, 'learner')} before this class, unchanged: ` +
      (withAnswers === 0
        ? 'no report used lists its answers one by one, so no block could be fitted on this class.'
        : 'none of the answers the reports list is on an item of this bank.');
  } else {
    text =
      "The calibrated bank holds the items' difficulties only, no calibration block: " +
      (withAnswers === 0
        ? 'no report used lists its answers one by one (reports from widgets before this version do not).'
        : 'none of the answers the reports list is on an item of this bank.');
  }
  node.textContent = text;
}

function setStatus(id, text, kind = '') {
  const node = $(id);
  node.textContent = text;
  node.classList.toggle('error', kind === 'error');
}

/** One number format and one date format for the whole page (building one costs more than using it). */
const numberFormat = new Intl.NumberFormat('en');
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** What the page calls a skill state (a state it does not know by its name in reports). */
function stateLabel(key) {
  return STATES[key] ?? key;
}

/** Learners' names in the order a person expects (numbers by value, case aside). */
const nameOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function plural(count, word) {
  return `${numberFormat.format(count)} ${word}${count === 1 ? '' : 's'}`;
}

function signed(number) {
  return (number > 0 ? '+' : number < 0 ? '−' : '') + Math.abs(number).toFixed(2);
}

function excerpt(text) {
  const plain = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 90 ? `${plain.slice(0, 88)}…` : plain;
}

/** Dates formatted so far, by day (a class's reports share a few days). */
const formattedDays = new Map();

function formatDate(milliseconds) {
  const date = new Date(milliseconds);
  const day = `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
  let text = formattedDays.get(day);
  if (text === undefined) {
    text = dateFormat.format(date);
    formattedDays.set(day, text);
  }
  return text;
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- wiring

function usedReports() {
  return state.bank ? classify(state.bank.json, state.inputs).used : [];
}

$('bank-url-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadBankFromUrl($('bank-url').value.trim());
});
$('bank-file').addEventListener('change', async () => {
  const file = $('bank-file').files[0];
  if (file) await useBank(await file.text(), file.name);
});
$('report-files').addEventListener('change', async () => {
  const input = $('report-files');
  await addFiles([...input.files]);
  input.value = '';
});
$('codes-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('codes').value;
  if (!text.trim()) return;
  await addCodes(text);
  $('codes').value = '';
});
$('clear-reports').addEventListener('click', () => {
  state.inputs = [];
  state.codeCount = 0;
  // A calibration of the class removed is of no use.
  calibrator?.end();
  calibrator = null;
  state.calibrationKey = '';
  render();
  $('report-files').focus();
});

const dropZone = $('drop-zone');
// A file dropped anywhere else would make the browser leave the page.
for (const type of ['dragover', 'drop']) document.addEventListener(type, (event) => event.preventDefault());
dropZone.addEventListener('dragover', (event) => {
  event.dataTransfer.dropEffect = 'copy';
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (event) => {
  dropZone.classList.remove('dragging');
  void addFiles([...event.dataTransfer.files]);
});

$('print').addEventListener('click', () => window.print());

const heatmapTable = $('heatmap');
heatmapTable.addEventListener('keydown', heatmapKey);
heatmapTable.addEventListener('focusin', (event) => {
  const cell = event.target.closest('[aria-colindex]');
  const row = cell?.closest('tr[aria-rowindex]');
  if (row) setActiveCell(Number(row.getAttribute('aria-rowindex')), Number(cell.getAttribute('aria-colindex')));
});
$('heatmap-scroll').addEventListener('scroll', scheduleHeatmapScroll, { passive: true });
// The stylesheet sizes the grid by the screen's width: measured again after a resize.
window.addEventListener('resize', () => {
  if (!heatmap.bank || $('results').hidden) return;
  measureHeatmap();
  drawHeatmap(...heatmapWindow());
});
// A print has every learner (and every skill, up to HEATMAP_PRINT_CELLS cells), not the window.
window.addEventListener('beforeprint', () => {
  heatmap.printing = true;
  if (heatmap.bank) drawHeatmap(...visibleCells());
});
window.addEventListener('afterprint', () => {
  heatmap.printing = false;
  if (heatmap.bank) drawHeatmap(...heatmapWindow());
});
$('export-csv').addEventListener('click', () => {
  const bank = state.bank.json;
  download(`${bank.id}-class.csv`, 'text/csv;charset=utf-8', '\uFEFF' + classCsv(bank, usedReports()));
});
$('download-bank').addEventListener('click', () => {
  const bank = state.calibration?.bank;
  if (bank) download(`${bank.id}-calibrated.json`, 'application/json', JSON.stringify(bank, null, 2) + '\n');
});
$('download-answers').addEventListener('click', () => void downloadAnswers());

/**
 * Downloads the class's answers (the reports used, read again by the engine in a worker) as an
 * answer log in the kt format, for `make calibrate LOGS=…`: one row per answer, learners as
 * numbers, never their names.
 */
async function downloadAnswers() {
  const bank = state.bank;
  const used = usedReports();
  if (!bank || used.length === 0) return;
  const button = $('download-answers');
  button.disabled = true;
  setStatus('answers-status', "Gathering the class's answers…");
  const worker = engineWorker();
  try {
    const result = await worker.call('answers', {
      bankText: bank.text,
      files: used.map((u) => u.input.content),
      largest: LARGEST_REPORT_BYTES,
    });
    if (result.answers === 0) {
      setStatus(
        'answers-status',
        'No report used lists its answers one by one (reports from widgets before this version do not): nothing to download.',
      );
    } else {
      download(`${bank.json.id}-answers.tsv`, 'text/tab-separated-values;charset=utf-8', result.tsv);
      setStatus(
        'answers-status',
        `Downloaded ${plural(result.answers, 'answer')} of ${plural(result.learnersWithAnswers, 'learner')}, numbered in the order of the reports.`,
      );
    }
  } catch (error) {
    setStatus('answers-status', `The class's answers could not be gathered (${messageOf(error)}).`, 'error');
  } finally {
    worker.end();
    button.disabled = false;
  }
}

void loadBankFromUrl($('bank-url').value.trim());
