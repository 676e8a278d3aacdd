// The authoring page (author.html): a bank edited in forms, checked by the engine's checker after
// every change (the page's own wasm, crates/studio), one item previewed in the real widget, undo
// and redo, a draft kept in this browser, and the bank saved as a file. Nothing is sent anywhere.
import { mount } from '../pkg/adaptive-practice.js';
import initStudio, {
  checkBank,
  importFile,
  plainPrompt,
  zipFiles,
} from './generated/studio/adaptive_practice_studio.js';
import {
  CATALOGS,
  chooseLanguage,
  detailWords,
  language,
  mark,
  PAGE_LANGUAGES,
  problemWords,
  savedLanguage,
  setLanguage,
  t,
  tIn,
  tn,
  translatePage,
} from './author-i18n.js';
import { bankFileName, mediaAddresses, pagePackageEntries, withMediaFrom } from './page-package.js';
import { formatRows, itemsFromSpreadsheet } from './spreadsheet.js';

const DRAFT_KEY = 'adaptive-practice-author-draft';
const PREVIEW_STORAGE_KEY = 'adaptive-practice-author-preview';
const UNDO_LIMIT = 200;

/** The nine item types, with the names authors see. */
const TYPES = [
  ['singleChoice', mark('Single choice')],
  ['multipleResponse', mark('Multiple response')],
  ['numeric', mark('Number')],
  ['mathExpression', mark('Math expression')],
  ['shortText', mark('Short text')],
  ['ordering', mark('Put in order')],
  ['fillBlanks', mark('Fill in the blanks')],
  ['matching', mark('Matching')],
  ['multiStep', mark('Steps')],
];
const TYPE_NAMES = new Map(TYPES);
/** A step or a smaller question is any type but a problem in steps. */
const STEP_TYPES = TYPES.filter(([type]) => type !== 'multiStep');
/** Fields every item keeps when its type changes; the others belong to the type. */
const COMMON_ITEM_FIELDS = ['id', 'skills', 'type', 'prompt', 'difficulty', 'hints', 'solution', 'template'];
const COMMON_STEP_FIELDS = ['id', 'skills', 'type', 'prompt', 'hints', 'solution'];
const DIFFICULTIES = [
  [-2.5, mark('Very easy')],
  [-1, mark('Easy')],
  [0, mark('Medium')],
  [1, mark('Hard')],
  [2.5, mark('Very hard')],
];
const LANGUAGES = [
  ['en', mark('English')],
  ['fr', mark('French')],
  ['ar', mark('Arabic')],
  ['es', mark('Spanish')],
  ['pt-BR', mark('Portuguese (Brazil)')],
];

/** The fields of a new item or step of this type: empty, so the checker says what to fill in. */
function typeDefaults(type) {
  switch (type) {
    case 'singleChoice':
      return { choices: [{ text: '' }, { text: '' }], answer: 0 };
    case 'multipleResponse':
      return { choices: [{ text: '' }, { text: '' }], answers: [0] };
    case 'numeric':
      return { answer: '' };
    case 'mathExpression':
      return { answer: '' };
    case 'shortText':
      return { answers: [''] };
    case 'ordering':
      return { items: ['', ''] };
    case 'fillBlanks':
      return { blanks: [{ answers: [''] }] };
    case 'matching':
      return {
        pairs: [
          { left: '', right: '' },
          { left: '', right: '' },
        ],
      };
    case 'multiStep':
      return { steps: [{ prompt: '', type: 'numeric', answer: '' }] };
    default:
      throw new Error(`unknown item type ${type}`);
  }
}

/**
 * A new bank's id: its title as an id and a short random part, made when the bank is started, so
 * that two banks made on this page never share learners' progress, which the widget keeps under
 * the bank id. Until the bank is first saved as a file its id follows its title (the random part
 * kept: `idAfterTitle`); from then on editing the title keeps it, and the progress under it.
 */
function newBankId(title, random = crypto.getRandomValues(new Uint32Array(2))) {
  const part = [...random].map((n) => n.toString(36).padStart(7, '0').slice(-4)).join('');
  return `${idBase(title)}-${part}`;
}

/** A title as the readable part of a bank id: `Class 5B fractions` is `class-5b-fractions`. */
function idBase(title) {
  return (
    String(title ?? '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'practice'
  );
}

/**
 * The id a bank made on this page takes when its title changes from `before` to `after`, while it
 * has not been saved as a file: its readable part follows the title. `null` when the id is not
 * the one the page made from `before` (the author wrote their own): it is then kept.
 */
function idAfterTitle(id, before, after) {
  const part = /-([0-9a-z]{8})$/.exec(id ?? '')?.[1];
  if (!part || id !== `${idBase(before)}-${part}`) return null;
  return `${idBase(after)}-${part}`;
}

/** The words of `key` in each of the page's languages (English where a catalog lacks it). */
function inAnyLanguage(key) {
  return Object.values(CATALOGS).map((catalog) => catalog[key] ?? key);
}

/**
 * The name a bank's only skill takes when the title changes from `before` to `after`: while the
 * skill keeps the page's placeholder name (in any of its languages) or the title's, it is named
 * after the title, so that a one-skill quiz shows learners its title, not "First skill". `null`
 * when the bank has other skills or the author named it.
 */
function skillNameAfterTitle(bank, before, after) {
  if (bank.skills.length !== 1) return null;
  const name = bank.skills[0].name;
  if (name !== before && !inAnyLanguage('First skill').includes(name)) return null;
  return String(after ?? '').trim() || t('First skill');
}

/**
 * Whether the bank is a new one nobody has written in yet: no items, and the placeholder title
 * and skill of one of the page's languages. The page's language may then still choose its words.
 */
function untouchedNewBank(bank) {
  return (
    bank.items.length === 0 &&
    state.idFollowsTitle &&
    inAnyLanguage('My practice').includes(bank.title) &&
    bank.skills.length === 1 &&
    inAnyLanguage('First skill').includes(bank.skills[0].name) &&
    PAGE_LANGUAGES.some(([code]) => code === bank.language)
  );
}

/**
 * A new bank, in the page's language: its title, its skill's name and its `language` (which
 * picks the learners' interface language), so that a quiz written on the French page plays in
 * French.
 */
function emptyBank() {
  const title = t('My practice');
  return {
    id: newBankId(title),
    version: '1',
    title,
    language: language(),
    skills: [{ id: 'skill-1', name: t('First skill') }],
    items: [],
  };
}

// ---------------------------------------------------------------- state

const state = {
  bank: emptyBank(),
  selected: 0,
  undo: [],
  redo: [],
  problems: [],
  /** The field whose typing already left an undo step (one step per field and visit). */
  editing: null,
  /**
   * The preview's widget, the bank it shows (its title aside), which item (`selected:id`), and
   * whether the author has started answering it there (then a change waits for their word).
   */
  preview: { handle: null, shown: '', item: '', touched: false },
  /** The bank as it was last saved, opened or started: other work is kept only in this browser. */
  cleanText: null,
  /** Whether the bank id follows the title: a bank started on this page and not saved yet. */
  idFollowsTitle: true,
  /** Media files of the last imported package (`{ address, bytes }`), for the ready-made page. */
  media: [],
  /** The address the bank was opened from, if it was: its media are fetched beside it. */
  bankAddress: null,
  studioReady: false,
};

function snapshot() {
  return JSON.stringify({ bank: state.bank, selected: state.selected });
}

function restore(text) {
  const saved = JSON.parse(text);
  state.bank = saved.bank;
  state.selected = saved.selected;
}

/** Remembers the bank as it is, so that the change about to be made can be undone. */
function rememberForUndo() {
  state.undo.push(snapshot());
  if (state.undo.length > UNDO_LIMIT) state.undo.shift();
  state.redo = [];
}

/** A change of structure (add, remove, move, retype): undoable, then everything is drawn again. */
function change(mutate, { focus } = {}) {
  rememberForUndo();
  state.editing = null;
  mutate(state.bank);
  afterChange({ redraw: true, focus });
}

function afterChange({ redraw, focus } = {}) {
  state.selected = Math.max(0, Math.min(state.selected, state.bank.items.length - 1));
  saveDraft();
  if (redraw) drawAll(focus);
  else {
    drawItemList();
    drawBankId();
  }
  scheduleCheck();
  schedulePreview();
  updateUndoButtons();
}

function undo() {
  if (!state.undo.length) return;
  state.redo.push(snapshot());
  restore(state.undo.pop());
  state.editing = null;
  afterChange({ redraw: true });
  say(t('Undone.'));
}

function redo() {
  if (!state.redo.length) return;
  state.undo.push(snapshot());
  restore(state.redo.pop());
  state.editing = null;
  afterChange({ redraw: true });
  say(t('Redone.'));
}

function updateUndoButtons() {
  document.getElementById('undo').disabled = state.undo.length === 0;
  document.getElementById('redo').disabled = state.redo.length === 0;
}

// ---------------------------------------------------------------- paths

/** `items[3].choices[1].text` as `['items', 3, 'choices', 1, 'text']`. */
function parsePath(path) {
  const parts = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] === undefined ? match[1] : Number(match[2]));
  }
  return parts;
}

function getAt(root, path) {
  return parsePath(path).reduce((value, key) => (value == null ? undefined : value[key]), root);
}

/** Sets the value at `path`, creating objects on the way; `undefined` removes the field. */
function setAt(root, path, value) {
  const parts = parsePath(path);
  let parent = root;
  for (const [index, key] of parts.slice(0, -1).entries()) {
    if (parent[key] == null) parent[key] = typeof parts[index + 1] === 'number' ? [] : {};
    parent = parent[key];
  }
  const last = parts.at(-1);
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last, 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
}

function fieldId(path) {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

// ---------------------------------------------------------------- building forms

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null) node.append(child);
  }
  return node;
}

/** How a field's text becomes the bank's value. */
const READERS = {
  text: (text) => text,
  optionalText: (text) => (text.trim() === '' ? undefined : text),
  number: (text) => (text.trim() === '' ? undefined : Number(text.replace(',', '.'))),
  /** A numeric answer: a plain number stays a number, `3/4` or `{{a*b}}` stays text. */
  numberOrText: (text) => {
    const trimmed = text.trim();
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
  },
  lines: (text) => text.split('\n').filter((line, index, lines) => line !== '' || index < lines.length - 1),
  optionalLines: (text) => {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    return lines.length ? lines : undefined;
  },
};

function shownValue(value, kind) {
  if (value == null) return '';
  if (kind === 'lines' || kind === 'optionalLines') return value.join('\n');
  return String(value);
}

/**
 * A labelled text field bound to the bank at `path`. `multiline` gives a text area; `kind` says
 * how the text becomes a value (READERS); `help` is a sentence under the label.
 */
function textField(path, label, { multiline = false, kind = 'text', help, inputmode } = {}) {
  const id = fieldId(path);
  const control = element(multiline ? 'textarea' : 'input', {
    id,
    'data-path': path,
    'data-kind': kind,
    rows: multiline ? (kind === 'lines' || kind === 'optionalLines' ? 3 : 2) : null,
    type: multiline ? null : 'text',
    spellcheck: kind === 'number' || kind === 'numberOrText' ? 'false' : null,
    inputmode,
    dir: kind === 'number' || kind === 'numberOrText' ? null : 'auto',
    'aria-describedby': help ? `${id}-help` : null,
  });
  control.value = shownValue(getAt(state.bank, path), kind);
  return element(
    'div',
    { class: 'field', 'data-field': path },
    element('label', { for: id, text: label }),
    help ? element('p', { class: 'field-help', id: `${id}-help`, text: help }) : null,
    control,
  );
}

function checkboxField(path, label) {
  const id = fieldId(path);
  const control = element('input', { id, type: 'checkbox', 'data-path': path, 'data-kind': 'bool' });
  control.checked = Boolean(getAt(state.bank, path));
  return element(
    'div',
    { class: 'field check', 'data-field': path },
    control,
    element('label', { for: id, text: label }),
  );
}

function selectField(path, label, options, { onChange, absent } = {}) {
  const id = fieldId(path);
  const current = getAt(state.bank, path) ?? absent;
  const control = element('select', { id, 'data-field-select': path });
  for (const [value, text] of options) {
    const option = element('option', { value: String(value), text: t(text) });
    option.selected = String(current) === String(value);
    control.append(option);
  }
  control.addEventListener('change', () => onChange(control.value));
  return element('div', { class: 'field', 'data-field': path }, element('label', { for: id, text: label }), control);
}

/** A small button that changes the bank's structure. */
function actionButton(text, label, action, attributes = {}) {
  const button = element('button', { type: 'button', class: 'small', 'aria-label': label, ...attributes, text });
  button.addEventListener('click', action);
  return button;
}

/** The words of a list's buttons, per kind of entry ({n}: the entry's number). */
const LIST_WORDS = {
  choice: [mark('Add choice'), mark('Move choice {n} up'), mark('Move choice {n} down'), mark('Remove choice {n}')],
  'accepted answer': [
    mark('Add accepted answer'),
    mark('Move accepted answer {n} up'),
    mark('Move accepted answer {n} down'),
    mark('Remove accepted answer {n}'),
  ],
  entry: [mark('Add entry'), mark('Move entry {n} up'), mark('Move entry {n} down'), mark('Remove entry {n}')],
  blank: [mark('Add blank'), mark('Move blank {n} up'), mark('Move blank {n} down'), mark('Remove blank {n}')],
  pair: [mark('Add pair'), mark('Move pair {n} up'), mark('Move pair {n} down'), mark('Remove pair {n}')],
  step: [mark('Add step'), mark('Move step {n} up'), mark('Move step {n} down'), mark('Remove step {n}')],
  'wrong answer': [
    mark('Add wrong answer'),
    mark('Move wrong answer {n} up'),
    mark('Move wrong answer {n} down'),
    mark('Remove wrong answer {n}'),
  ],
  hint: [mark('Add hint'), mark('Move hint {n} up'), mark('Move hint {n} down'), mark('Remove hint {n}')],
  skill: [mark('Add skill'), mark('Move skill {n} up'), mark('Move skill {n} down'), mark('Remove skill {n}')],
};

/**
 * A list at `path` (choices, hints, pairs…): each entry drawn by `drawEntry(entryPath, index)`,
 * with buttons to move and remove it, and one to add a `newEntry()`. `noun` names one entry.
 */
function listField(path, legend, noun, newEntry, drawEntry, { min = 0, help, onAdd } = {}) {
  const entries = getAt(state.bank, path) ?? [];
  const [add, up, down, remove] = LIST_WORDS[noun];
  const words = { add, up, down, remove };
  const fieldset = element('fieldset', { class: 'list', 'data-field': path }, element('legend', { text: legend }));
  if (help) fieldset.append(element('p', { class: 'field-help', text: help }));
  const list = element('ol', { class: 'entries' });
  entries.forEach((_, index) => {
    const entryPath = `${path}[${index}]`;
    const number = index + 1;
    const buttons = element(
      'div',
      { class: 'entry-buttons' },
      actionButton('↑', t(words.up, { n: number }), () => moveEntry(path, index, -1), { disabled: index === 0 }),
      actionButton('↓', t(words.down, { n: number }), () => moveEntry(path, index, 1), {
        disabled: index === entries.length - 1,
      }),
      actionButton(t('Remove'), t(words.remove, { n: number }), () => removeEntry(path, index), {
        disabled: entries.length <= min,
      }),
    );
    list.append(element('li', { class: 'entry', 'data-field': entryPath }, drawEntry(entryPath, index), buttons));
  });
  fieldset.append(list);
  fieldset.append(
    actionButton(t(words.add), null, () =>
      change(
        (bank) => {
          const target = getAt(bank, path);
          const added = Array.isArray(target) ? target.length : 0;
          if (Array.isArray(target)) target.push(newEntry());
          else setAt(bank, path, [newEntry()]);
          onAdd?.(bank, added);
        },
        { focus: `${path}[${entries.length}]` },
      ),
    ),
  );
  return fieldset;
}

function moveEntry(path, index, by) {
  change(
    (bank) => {
      const list = getAt(bank, path);
      const [entry] = list.splice(index, 1);
      list.splice(index + by, 0, entry);
    },
    { focus: `${path}[${index + by}]` },
  );
  say(t('Moved to place {n}.', { n: index + by + 1 }));
}

function removeEntry(path, index) {
  change(
    (bank) => {
      getAt(bank, path).splice(index, 1);
    },
    { focus: path },
  );
  say(t('Removed. Undo brings it back.'));
}

// ---------------------------------------------------------------- the item form

/** The fields of an item's or step's type, under `base` (`items[2]`, `items[2].steps[0]`). */
function typeFields(base, type) {
  switch (type) {
    case 'singleChoice':
    case 'multipleResponse':
      return choiceFields(base, type === 'multipleResponse');
    case 'numeric':
      return [
        textField(`${base}.answer`, t('Right answer (a number, a fraction such as 3/4, or {{…}})'), {
          kind: 'numberOrText',
        }),
        textField(`${base}.tolerance`, t('Tolerance (how far from the answer still counts as right)'), {
          kind: 'number',
          inputmode: 'decimal',
        }),
        textField(`${base}.unit`, t('Unit (optional, e.g. cm)'), { kind: 'optionalText' }),
        misconceptionFields(base, 'numberOrText'),
      ];
    case 'mathExpression':
      return [
        textField(`${base}.answer`, t('Right answer (LaTeX or plain: 3x + 6, \\frac{7}{12}, h = 2A/b)')),
        textField(`${base}.solvedFor`, t('The letter the answer must be solved for (optional)'), {
          kind: 'optionalText',
        }),
        misconceptionFields(base, 'text'),
      ];
    case 'shortText':
      return [
        listField(
          `${base}.answers`,
          t('Accepted answers'),
          'accepted answer',
          () => '',
          (path, index) => textField(path, t('Accepted answer {n}', { n: index + 1 })),
          { min: 1, help: t('Capitals, spaces, accents and a final full stop do not count.') },
        ),
        checkboxField(`${base}.caseSensitive`, t('Capitals count')),
        misconceptionFields(base, 'text'),
      ];
    case 'ordering':
      return [
        listField(
          `${base}.items`,
          t('Entries, in the right order (learners see them shuffled)'),
          'entry',
          () => '',
          (path, index) => textField(path, t('Entry {n}', { n: index + 1 })),
          { min: 2 },
        ),
      ];
    case 'fillBlanks':
      return [
        listField(
          `${base}.blanks`,
          t('Blanks'),
          'blank',
          () => ({ answers: [''] }),
          (path, index) =>
            textField(`${path}.answers`, t('Accepted answers for [[{n}]], one per line', { n: index + 1 }), {
              multiline: true,
              kind: 'lines',
            }),
          {
            min: 1,
            help: t(
              'Write [[1]], [[2]]… in the prompt where each blank goes. Adding a blank adds its mark at the end of the prompt.',
            ),
            // A mark the author has already written where the blank goes is not added twice
            // (the learner would see two fields for one blank).
            onAdd: (bank, index) => {
              const prompt = getAt(bank, `${base}.prompt`) ?? '';
              const mark = `[[${index + 1}]]`;
              if (!prompt.includes(mark)) setAt(bank, `${base}.prompt`, `${prompt} ${mark}`.trimStart());
            },
          },
        ),
      ];
    case 'matching':
      return [
        listField(
          `${base}.pairs`,
          t('Pairs (learners pick the right side from a list)'),
          'pair',
          () => ({ left: '', right: '' }),
          (path, index) =>
            element(
              'div',
              { class: 'pair' },
              textField(`${path}.left`, t('Left {n}', { n: index + 1 })),
              textField(`${path}.right`, t('Matches {n}', { n: index + 1 })),
            ),
          { min: 2 },
        ),
        textField(`${base}.distractors`, t('Extra wrong right-hand entries, one per line (optional)'), {
          multiline: true,
          kind: 'optionalLines',
        }),
      ];
    case 'multiStep':
      return [
        listField(
          `${base}.steps`,
          t('Steps (answered one after the other)'),
          'step',
          () => ({ prompt: '', type: 'numeric', answer: '' }),
          (path, index) =>
            element(
              'div',
              { class: 'sub-part' },
              textField(`${path}.prompt`, t('Step {n}: question', { n: index + 1 }), { multiline: true }),
              typeSelect(path, t('Step {n}: type of answer', { n: index + 1 }), STEP_TYPES, COMMON_STEP_FIELDS),
              typeFields(path, getAt(state.bank, `${path}.type`)),
              hintFields(path, t('Step {n}: hints', { n: index + 1 })),
              textField(`${path}.solution`, t('Step {n}: worked solution (optional)', { n: index + 1 }), {
                multiline: true,
                kind: 'optionalText',
              }),
            ),
          { min: 1 },
        ),
      ];
    default:
      return [
        element('p', { text: t('This page cannot edit items of type {type}; they are kept as they are.', { type }) }),
      ];
  }
}

function choiceFields(base, several) {
  const rightPath = several ? `${base}.answers` : `${base}.answer`;
  return [
    listField(
      `${base}.choices`,
      several ? t('Choices (tick every right one)') : t('Choices (pick the right one)'),
      'choice',
      () => ({ text: '' }),
      (path, index) => {
        const right = getAt(state.bank, rightPath);
        const isRight = several ? (right ?? []).includes(index) : right === index;
        const id = `${fieldId(path)}-right`;
        const mark = element('input', {
          id,
          type: several ? 'checkbox' : 'radio',
          name: several ? null : fieldId(rightPath),
          'data-right-of': rightPath,
          'data-index': String(index),
        });
        mark.checked = isRight;
        mark.addEventListener('change', () => setRightAnswer(rightPath, index, several, mark.checked));
        return element(
          'div',
          { class: 'choice' },
          textField(`${path}.text`, t('Choice {n}', { n: index + 1 })),
          element(
            'div',
            { class: 'field check' },
            mark,
            element('label', { for: id, text: t('Choice {n} is right', { n: index + 1 }) }),
          ),
          textField(`${path}.feedback`, t('Feedback when choice {n} is picked (optional)', { n: index + 1 }), {
            kind: 'optionalText',
          }),
        );
      },
      { min: 2 },
    ),
    checkboxField(`${base}.shuffle`, t('Shuffle the choices')),
  ];
}

function setRightAnswer(rightPath, index, several, checked) {
  rememberForUndo();
  if (several) {
    const answers = new Set(getAt(state.bank, rightPath) ?? []);
    if (checked) answers.add(index);
    else answers.delete(index);
    setAt(
      state.bank,
      rightPath,
      [...answers].sort((a, b) => a - b),
    );
  } else {
    setAt(state.bank, rightPath, index);
  }
  afterChange();
}

function misconceptionFields(base, kind) {
  return listField(
    `${base}.misconceptions`,
    t('Typical wrong answers and what to tell the learner (optional)'),
    'wrong answer',
    () => ({ answer: '', feedback: '' }),
    (path, index) =>
      element(
        'div',
        { class: 'pair' },
        textField(`${path}.answer`, t('Wrong answer {n}', { n: index + 1 }), { kind }),
        textField(`${path}.feedback`, t('Feedback for wrong answer {n}', { n: index + 1 })),
      ),
  );
}

/** Hints in order; each may carry a smaller question (a scaffold) tried on the spot. */
function hintFields(base, legend) {
  return listField(
    `${base}.hints`,
    legend,
    'hint',
    () => ({ text: '' }),
    (path, index) => {
      // A hint is written as plain text or as `{ text, scaffold }`; both are edited here.
      const plain = typeof getAt(state.bank, path) === 'string';
      const hasScaffold = !plain && Boolean(getAt(state.bank, `${path}.scaffold`));
      const id = `${fieldId(path)}-scaffold`;
      const toggle = element('input', { id, type: 'checkbox' });
      toggle.checked = hasScaffold;
      toggle.addEventListener('change', () =>
        change(
          (bank) => {
            const hint = getAt(bank, path);
            const full = typeof hint === 'string' ? { text: hint } : hint;
            full.scaffold = toggle.checked ? { prompt: '', type: 'numeric', answer: '' } : undefined;
            if (!full.scaffold) delete full.scaffold;
            setAt(bank, path, full);
          },
          { focus: toggle.checked ? `${path}.scaffold.prompt` : path },
        ),
      );
      return element(
        'div',
        { class: 'hint-entry' },
        textField(plain ? path : `${path}.text`, t('Hint {n}', { n: index + 1 }), { multiline: true }),
        element(
          'div',
          { class: 'field check' },
          toggle,
          element('label', { for: id, text: t('Hint {n} asks a smaller question', { n: index + 1 }) }),
        ),
        hasScaffold
          ? element(
              'div',
              { class: 'sub-part' },
              textField(`${path}.scaffold.prompt`, t('Smaller question of hint {n}', { n: index + 1 }), {
                multiline: true,
              }),
              typeSelect(`${path}.scaffold`, t('Type of its answer'), STEP_TYPES, COMMON_STEP_FIELDS),
              typeFields(`${path}.scaffold`, getAt(state.bank, `${path}.scaffold.type`)),
            )
          : null,
      );
    },
  );
}

function typeSelect(base, label, types, keep) {
  return selectField(`${base}.type`, label, types, {
    onChange: (type) =>
      change(
        (bank) => {
          const target = getAt(bank, base);
          const kept = keptAnswerFields(target, type);
          const dropped = Object.keys(target).filter((key) => !keep.includes(key) && !(key in kept));
          for (const key of Object.keys(target)) if (!keep.includes(key)) delete target[key];
          Object.assign(target, typeDefaults(type), kept, { type });
          if (dropped.length) say(t('The answer fields of the old type were removed. Undo brings them back.'));
        },
        { focus: `${base}.type` },
      ),
  });
}

/** What a type change can keep: choices between the two choice types, the answer between typed answers. */
function keptAnswerFields(target, type) {
  const choiceTypes = ['singleChoice', 'multipleResponse'];
  if (choiceTypes.includes(target.type) && choiceTypes.includes(type) && Array.isArray(target.choices)) {
    if (type === 'multipleResponse') return { choices: target.choices, answers: [target.answer ?? 0] };
    return { choices: target.choices, answer: target.answers?.[0] ?? 0 };
  }
  const typed = ['numeric', 'mathExpression'];
  if (typed.includes(target.type) && typed.includes(type) && target.answer !== undefined) {
    return { answer: type === 'mathExpression' ? String(target.answer) : target.answer };
  }
  return {};
}

function templateFields(base) {
  const template = getAt(state.bank, `${base}.template`);
  const details = element('details', { class: 'template', open: Boolean(template) });
  details.append(element('summary', { text: t('Numbers drawn at random (a template)') }));
  if (!template) {
    details.append(
      element('p', {
        class: 'field-help',
        text: t(
          'With a template, each learner gets other numbers: write {{a}} in the prompt and {{a * b}} in the answer.',
        ),
      }),
      actionButton(t('Add a template'), null, () =>
        change((bank) => setAt(bank, `${base}.template`, { variables: { a: { min: 2, max: 9 } } }), {
          focus: `${base}.template`,
        }),
      ),
    );
    return details;
  }
  const names = Object.keys(template.variables ?? {});
  const list = element('ol', { class: 'entries' });
  names.forEach((name, index) => {
    const range = template.variables[name];
    const path = `${base}.template.variables.${name}`;
    const nameId = `${fieldId(path)}-name`;
    const nameInput = element('input', { id: nameId, type: 'text', spellcheck: 'false' });
    nameInput.value = name;
    nameInput.addEventListener('change', () => renameVariable(base, name, nameInput.value.trim()));
    list.append(
      element(
        'li',
        { class: 'entry', 'data-field': path },
        element(
          'div',
          { class: 'variable' },
          element(
            'div',
            { class: 'field' },
            element('label', { for: nameId, text: t('Variable {n}: name', { n: index + 1 }) }),
            nameInput,
          ),
          textField(`${path}.min`, t('Smallest {name}', { name }), { kind: 'number', inputmode: 'decimal' }),
          textField(`${path}.max`, t('Largest {name}', { name }), { kind: 'number', inputmode: 'decimal' }),
          textField(`${path}.step`, t('Step of {name} (optional)', { name }), { kind: 'number', inputmode: 'decimal' }),
        ),
        element(
          'div',
          { class: 'entry-buttons' },
          actionButton(t('Remove'), t('Remove variable {name}', { name }), () =>
            change((bank) => {
              delete getAt(bank, `${base}.template.variables`)[name];
            }),
          ),
        ),
      ),
    );
    if (range.choose)
      list.lastChild.append(
        element('p', {
          class: 'field-help',
          text: t('{name} is one of {values}.', { name, values: range.choose.join(', ') }),
        }),
      );
  });
  details.append(
    element(
      'fieldset',
      { class: 'list', 'data-field': `${base}.template` },
      element('legend', { text: t('Variables') }),
      list,
    ),
    actionButton(t('Add a variable'), null, () => {
      const variables = getAt(state.bank, `${base}.template.variables`);
      const name =
        'abcdefghijklmnopqrstuvwxyz'.split('').find((letter) => !(letter in variables)) ?? `v${names.length}`;
      change(
        (bank) => {
          getAt(bank, `${base}.template.variables`)[name] = { min: 2, max: 9 };
        },
        { focus: `${base}.template.variables.${name}.min` },
      );
    }),
    textField(`${base}.template.constraints`, t('Conditions that must hold, one per line (a != b, gcd(a, b) == 1)'), {
      multiline: true,
      kind: 'optionalLines',
    }),
    actionButton(t('Remove the template'), null, () => change((bank) => setAt(bank, `${base}.template`, undefined))),
  );
  return details;
}

function renameVariable(base, from, to) {
  if (!to || to === from) return;
  change((bank) => {
    const variables = getAt(bank, `${base}.template.variables`);
    if (to in variables) return;
    const renamed = {};
    for (const [name, range] of Object.entries(variables)) renamed[name === from ? to : name] = range;
    setAt(bank, `${base}.template.variables`, renamed);
  });
}

function drawItemForm() {
  const form = document.getElementById('item-form');
  form.replaceChildren();
  const item = state.bank.items[state.selected];
  if (!item) {
    form.append(element('p', { class: 'hint', text: t('No item yet. Choose a type under "Items" and add one.') }));
    return;
  }
  const base = `items[${state.selected}]`;
  const skillOptions = state.bank.skills ?? [];
  const skillsBox = element(
    'fieldset',
    { class: 'skills-choice', 'data-field': `${base}.skills` },
    element('legend', { text: t('Skills it practises') }),
  );
  skillOptions.forEach((skill, index) => {
    const id = `${fieldId(base)}-skill-${index}`;
    const box = element('input', { id, type: 'checkbox' });
    box.checked = (item.skills ?? []).includes(skill.id);
    box.addEventListener('change', () => {
      rememberForUndo();
      const skills = new Set(item.skills ?? []);
      if (box.checked) skills.add(skill.id);
      else skills.delete(skill.id);
      item.skills = skillOptions.map((known) => known.id).filter((known) => skills.has(known));
      afterChange();
    });
    skillsBox.append(
      element('div', { class: 'field check' }, box, element('label', { for: id, text: skill.name || skill.id })),
    );
  });
  // A skill the bank does not have (a planted or mistyped id) shows too, ticked: untick to remove it.
  for (const [index, unknown] of (item.skills ?? [])
    .filter((id) => !skillOptions.some((skill) => skill.id === id))
    .entries()) {
    const id = `${fieldId(base)}-unknown-skill-${index}`;
    const box = element('input', { id, type: 'checkbox' });
    box.checked = true;
    box.addEventListener('change', () => {
      rememberForUndo();
      item.skills = (item.skills ?? []).filter((skill) => skill !== unknown || box.checked);
      afterChange();
    });
    skillsBox.append(
      element(
        'div',
        { class: 'field check' },
        box,
        element('label', { for: id, text: t('{id} (not a skill of this bank: untick to remove it)', { id: unknown }) }),
      ),
    );
  }
  const difficulty = item.difficulty ?? 0;
  const difficulties = DIFFICULTIES.some(([value]) => value === difficulty)
    ? DIFFICULTIES
    : [...DIFFICULTIES, [difficulty, t('Other ({value})', { value: difficulty })]];
  form.append(
    actionButton(t('Try it in the preview'), null, tryInPreview, { class: 'try-it' }),
    element('div', {
      class: 'item-problems',
      id: 'item-problems',
      tabindex: '-1',
      role: 'group',
      'aria-label': t('Problems of this item'),
    }),
    element(
      'div',
      { class: 'row-2' },
      textField(`${base}.id`, t('Item id (stays the same across versions; progress is kept under it)')),
      typeSelect(base, t('Type'), TYPES, COMMON_ITEM_FIELDS),
    ),
    textField(`${base}.prompt`, t('Question'), { multiline: true }),
    skillsBox,
    selectField(`${base}.difficulty`, t('Difficulty'), difficulties, {
      absent: 0,
      onChange: (value) => {
        rememberForUndo();
        setAt(state.bank, `${base}.difficulty`, Number(value) === 0 ? undefined : Number(value));
        afterChange();
      },
    }),
    element('div', { class: 'answer-fields' }, typeFields(base, item.type)),
    item.type === 'multiStep' ? null : hintFields(base, t('Hints (shown one at a time, when asked)')),
    textField(`${base}.solution`, t('Worked solution (shown after the answer, optional)'), {
      multiline: true,
      kind: 'optionalText',
    }),
    templateFields(base),
  );
}

function drawItemList() {
  const list = document.getElementById('item-list');
  const hadFocus = list.contains(document.activeElement);
  list.replaceChildren();
  state.bank.items.forEach((item, index) => {
    const count = problemsAt(`items[${index}]`).length;
    // As learners read it (`$2`, not the Markdown `\$2` an import writes), once the checker runs.
    const source = item.prompt ?? '';
    const prompt = (state.studioReady ? plainPrompt(source) : source.replace(/\s+/g, ' ')).slice(0, 48);
    const button = element(
      'button',
      { type: 'button', 'aria-current': index === state.selected ? 'true' : null },
      // The id and the prompt are the author's words, in their own direction (<bdi>).
      element('span', { class: 'item-title' }, `${index + 1}. `, element('bdi', { text: item.id || t('(no id)') })),
      element(
        'span',
        { class: 'item-meta' },
        TYPE_NAMES.has(item.type) ? t(TYPE_NAMES.get(item.type)) : item.type,
        prompt ? ' · ' : null,
        prompt ? element('bdi', { text: prompt }) : null,
      ),
      count ? element('span', { class: 'badge', text: tn(count, '{n} problems') }) : null,
    );
    button.addEventListener('click', () => selectItem(index));
    list.append(element('li', {}, button));
  });
  for (const id of ['duplicate-item', 'move-up', 'move-down', 'delete-item']) {
    document.getElementById(id).disabled = state.bank.items.length === 0;
  }
  document.getElementById('move-up').disabled ||= state.selected === 0;
  document.getElementById('move-down').disabled ||= state.selected >= state.bank.items.length - 1;
  if (hadFocus) (list.querySelector('[aria-current]') ?? document.getElementById('add-item')).focus();
}

function selectItem(index, focus) {
  state.selected = index;
  state.editing = null;
  drawItemList();
  drawItemForm();
  markProblems();
  schedulePreview(0);
  focusField(focus ?? `items[${index}].prompt`);
}

// ---------------------------------------------------------------- skills and settings

function drawSkillsForm() {
  const form = document.getElementById('skills-form');
  form.replaceChildren(
    listField(
      'skills',
      t('Skills'),
      'skill',
      () => ({
        id: uniqueId(
          'skill',
          state.bank.skills.map((skill) => skill.id),
        ),
        name: '',
      }),
      (path, index) => {
        const skill = getAt(state.bank, path);
        const others = state.bank.skills.filter((_, other) => other !== index);
        const prerequisites = element(
          'fieldset',
          { class: 'skills-choice', 'data-field': `${path}.prerequisites` },
          element('legend', { text: t('Prerequisites of skill {n}', { n: index + 1 }) }),
        );
        if (!others.length)
          prerequisites.append(
            element('p', { class: 'field-help', text: t('Add another skill to choose prerequisites.') }),
          );
        for (const other of others) {
          const id = `${fieldId(path)}-needs-${fieldId(other.id)}`;
          const box = element('input', { id, type: 'checkbox' });
          box.checked = (skill.prerequisites ?? []).includes(other.id);
          box.addEventListener('change', () => {
            rememberForUndo();
            const needs = new Set(skill.prerequisites ?? []);
            if (box.checked) needs.add(other.id);
            else needs.delete(other.id);
            skill.prerequisites = needs.size ? [...needs] : undefined;
            if (!skill.prerequisites) delete skill.prerequisites;
            afterChange();
          });
          prerequisites.append(
            element('div', { class: 'field check' }, box, element('label', { for: id, text: other.name || other.id })),
          );
        }
        return element(
          'div',
          { class: 'skill' },
          textField(`${path}.name`, t('Skill {n}: name', { n: index + 1 })),
          textField(`${path}.id`, t('Skill {n}: id (items refer to it)', { n: index + 1 })),
          textField(`${path}.description`, t('Skill {n}: description (optional)', { n: index + 1 }), {
            kind: 'optionalText',
          }),
          prerequisites,
        );
      },
      { min: 1 },
    ),
  );
}

function drawSettingsForm() {
  const form = document.getElementById('settings-form');
  const language = state.bank.language ?? 'en';
  const languages = LANGUAGES.some(([code]) => code === language) ? LANGUAGES : [...LANGUAGES, [language, language]];
  form.replaceChildren(
    textField('title', t('Title (shown at the top of the widget)')),
    textField('id', t('Bank id (learners’ progress is kept under it: keep it when you publish a new version)')),
    textField('version', t('Version')),
    selectField('language', t('Language of the items'), languages, {
      onChange: (value) => {
        rememberForUndo();
        state.bank.language = value;
        afterChange();
      },
    }),
    textField('settings.masteryThreshold', t('Mastery threshold (0.8: a skill is mastered at 80% predicted success)'), {
      kind: 'number',
      inputmode: 'decimal',
    }),
    textField(
      'settings.targetSuccess',
      t('Target success (0.75: items are chosen that the learner gets right 3 times in 4)'),
      {
        kind: 'number',
        inputmode: 'decimal',
      },
    ),
    textField('settings.minEvidence', t('Answers needed before a skill can be mastered (4)'), {
      kind: 'number',
      inputmode: 'numeric',
    }),
    textField('license', t('Licence (optional)'), { kind: 'optionalText' }),
    textField('attribution', t('Attribution (optional)'), { kind: 'optionalText' }),
  );
}

/** The type list of "New item of type", in the page's language, keeping the chosen type. */
function drawTypeChoice() {
  const select = document.getElementById('new-item-type');
  const chosen = select.value || TYPES[0][0];
  select.replaceChildren(...TYPES.map(([type, name]) => element('option', { value: type, text: t(name) })));
  select.value = chosen;
}

/** The bank id, shown under the bank's buttons (the settings where it is edited are folded). */
function drawBankId() {
  document.getElementById('bank-id-line').textContent = t(
    'Bank id: {id}. Learners’ progress is kept under it: keep it when you publish a new version (Bank settings).',
    { id: state.bank.id || t('(no id)') },
  );
}

function drawAll(focus) {
  drawBankId();
  drawTypeChoice();
  drawItemList();
  drawItemForm();
  drawSkillsForm();
  drawSettingsForm();
  markProblems();
  if (focus) focusField(focus);
}

function focusField(path) {
  requestAnimationFrame(() => {
    const target =
      document.querySelector(`[data-path="${CSS.escape(path)}"]`) ??
      document.querySelector(`[data-field-select="${CSS.escape(path)}"]`) ??
      document.querySelector(`[data-field="${CSS.escape(path)}"] :is(input, textarea, select, button)`);
    target?.focus();
  });
}

function uniqueId(prefix, taken) {
  const used = new Set(taken);
  let number = used.size + 1;
  while (used.has(`${prefix}-${number}`)) number += 1;
  return `${prefix}-${number}`;
}

// ---------------------------------------------------------------- typing into fields

function onInput(event) {
  const control = event.target;
  const path = control.dataset?.path;
  if (!path) return;
  if (state.editing !== control) {
    rememberForUndo();
    state.editing = control;
  }
  const kind = control.dataset.kind;
  const value = kind === 'bool' ? (control.checked ? true : undefined) : READERS[kind](control.value);
  const renamedSkill = /^skills\[\d+\]\.id$/.test(path) ? getAt(state.bank, path) : null;
  const followingId =
    path === 'title' && state.idFollowsTitle ? idAfterTitle(state.bank.id, state.bank.title, value) : null;
  const followingSkillName = path === 'title' ? skillNameAfterTitle(state.bank, state.bank.title, value) : null;
  setAt(state.bank, path, value);
  if (renamedSkill) renameSkillReferences(renamedSkill, value);
  if (followingSkillName !== null) {
    state.bank.skills[0].name = followingSkillName;
    const nameField = document.querySelector('[data-path="skills[0].name"]');
    if (nameField) nameField.value = followingSkillName;
  }
  if (followingId) {
    state.bank.id = followingId;
    const idField = document.querySelector('[data-path="id"]');
    if (idField) idField.value = followingId;
  }
  if (path === 'id') state.idFollowsTitle = false;
  afterChange();
  if ((path.endsWith('.name') && path.startsWith('skills')) || followingSkillName !== null) drawItemForm();
}

/** A skill's id changed: the items, steps and prerequisites that named it follow. */
function renameSkillReferences(from, to) {
  const rename = (list) => list?.map((id) => (id === from ? to : id));
  for (const item of state.bank.items) {
    item.skills = rename(item.skills);
    for (const step of item.steps ?? []) if (step.skills) step.skills = rename(step.skills);
  }
  for (const skill of state.bank.skills) if (skill.prerequisites) skill.prerequisites = rename(skill.prerequisites);
}

// ---------------------------------------------------------------- checking

let checkTimer = 0;
function scheduleCheck(delay = 250) {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(runCheck, delay);
}

function runCheck() {
  if (!state.studioReady) return;
  state.problems = checkBank(JSON.stringify(state.bank)).map(placeProblem);
  drawProblems();
  drawItemList();
  markProblems();
}

/**
 * Puts a problem the checker reports for a whole item at the field it is about, when the words say
 * which (a value that is not a number, an id used twice), and words a teacher reads for the
 * reader's messages about a part that does not fit at all.
 */
function placeProblem(problem) {
  const owner = /^items\[\d+\](?:\.steps\[\d+\])?$/.test(problem.field) ? getAt(state.bank, problem.field) : null;
  if (!owner) return problem;
  const notNumber = /^cannot read "(.*)" as a number/.exec(problem.message);
  if (notNumber) {
    const field = findValue(owner, problem.field, (key, value) => key === 'answer' && String(value) === notNumber[1]);
    if (field) return { ...problem, field };
  }
  if (problem.code === 'itemIdUsedTwice') {
    return { ...problem, field: `${problem.field}.id` };
  }
  return wordedProblem(problem);
}

/** A problem with words a teacher reads for the reader's messages about a part that does not fit. */
function wordedProblem(problem) {
  if (/untagged enum HintInput/.test(problem.message)) {
    return {
      ...problem,
      words: {
        key: mark('A hint is not complete: write its text, and the question and answer of its smaller question.'),
      },
    };
  }
  if (/did not match any variant|missing field|invalid type/.test(problem.message)) {
    return {
      ...problem,
      words: {
        key: mark('Part of this item is missing or not filled in as its type needs ({detail}).'),
        values: { detail: problem.message },
      },
    };
  }
  return problem;
}

/** A problem's words in the page's language, worded when shown (the language may change). */
function problemText(problem) {
  if (!problem.words) return problemWords(problem);
  const values = { ...problem.words.values };
  if (typeof values.detail === 'string') values.detail = detailWords(values.detail).text;
  return t(problem.words.key, values);
}

/** The path, under `path`, of the first value of `value` for which `matches(key, value)` holds. */
function findValue(value, path, matches) {
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = findValue(entry, `${path}[${index}]`, matches);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (matches(key, entry)) return `${path}.${key}`;
      const found = findValue(entry, `${path}.${key}`, matches);
      if (found) return found;
    }
  }
  return null;
}

function problemsAt(prefix) {
  return state.problems.filter(
    (problem) =>
      problem.field === prefix || problem.field.startsWith(`${prefix}.`) || problem.field.startsWith(`${prefix}[`),
  );
}

function describe(problem) {
  const match = /^items\[(\d+)\]/.exec(problem.field);
  if (match) {
    const item = state.bank.items[Number(match[1])];
    return t('Item {n} ({id}): {message}', {
      n: Number(match[1]) + 1,
      id: item?.id || t('(no id)'),
      message: problemText(problem),
    });
  }
  const skill = /^skills\[(\d+)\]/.exec(problem.field);
  if (skill) {
    const found = state.bank.skills[Number(skill[1])];
    return t('Skill {n} ({name}): {message}', {
      n: Number(skill[1]) + 1,
      name: found?.name || found?.id || '?',
      message: problemText(problem),
    });
  }
  return problemText(problem);
}

function drawProblems() {
  const errors = state.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = state.problems.length - errors;
  const summary = document.getElementById('problem-summary');
  const warningWords = tn(warnings, '{n} warnings (worth a look; the bank plays)');
  if (errors) {
    summary.textContent = tn(errors, '{n} errors: the widget will not play the bank until they are fixed.');
    if (warnings) summary.textContent += ` ${t('Also {warnings}.', { warnings: warningWords })}`;
  } else {
    summary.textContent = t('No errors: the widget will play this bank.');
    if (warnings) summary.textContent += ` ${warningWords}.`;
  }
  summary.className = errors ? 'has-errors' : '';
  const list = document.getElementById('problem-list');
  list.replaceChildren();
  for (const problem of state.problems.slice(0, 100)) {
    const button = element(
      'button',
      { type: 'button', class: 'link' },
      element('span', {
        class: `severity ${problem.severity}`,
        text: problem.severity === 'error' ? t('Error') : t('Warning'),
      }),
      ` ${describe(problem)}`,
    );
    button.addEventListener('click', () => goToProblem(problem));
    list.append(element('li', {}, button));
  }
}

function goToProblem(problem) {
  const match = /^items\[(\d+)\]/.exec(problem.field);
  if (match) {
    const drawn = closestField(problem.field);
    selectItem(Number(match[1]), drawn ? problem.field : null);
    if (!drawn) requestAnimationFrame(() => document.getElementById('item-problems')?.focus());
  } else {
    const section = problem.field.startsWith('skills') ? 'skills-form' : 'settings-form';
    document.getElementById(section).closest('details').open = true;
    focusField(problem.field);
  }
}

/** Marks every field that has a problem, with the words next to it. */
function markProblems() {
  for (const old of document.querySelectorAll('.field-problem')) old.remove();
  for (const marked of document.querySelectorAll('[aria-invalid]')) {
    marked.removeAttribute('aria-invalid');
    const described = (marked.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && !id.endsWith('-problem'));
    if (described.length) marked.setAttribute('aria-describedby', described.join(' '));
    else marked.removeAttribute('aria-describedby');
  }
  const itemBox = document.getElementById('item-problems');
  itemBox?.replaceChildren();
  const base = `items[${state.selected}]`;
  for (const problem of state.problems) {
    const container = closestField(problem.field);
    if (!container) {
      if (
        itemBox &&
        (problem.field === base || problem.field.startsWith(`${base}.`) || problem.field.startsWith(`${base}[`))
      ) {
        itemBox.append(
          element(
            'p',
            { class: `field-problem ${problem.severity}` },
            problem.severity === 'error'
              ? t('Error: {message}', { message: problemText(problem) })
              : t('Warning: {message}', { message: problemText(problem) }),
          ),
        );
      }
      continue;
    }
    const id = `${fieldId(problem.field)}-problem-${container.querySelectorAll(':scope > .field-problem').length}`;
    const note = element(
      'p',
      { class: `field-problem ${problem.severity}`, id },
      problem.severity === 'error'
        ? t('Error: {message}', { message: problemText(problem) })
        : t('Warning: {message}', { message: problemText(problem) }),
    );
    const control = container.querySelector(':scope > :is(input, textarea, select)');
    container.append(note);
    const target = control ?? container;
    if (problem.severity === 'error') target.setAttribute('aria-invalid', 'true');
    const described = target.getAttribute('aria-describedby');
    target.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
  }
}

/** The drawn field for a problem's place, or the nearest drawn field that contains it. */
function closestField(field) {
  let path = field;
  while (path) {
    const found = document.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (found) return found;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return null;
    path = path.slice(0, cut);
    if (/^items\[\d+\]$/.test(path)) return null;
  }
  return null;
}

// ---------------------------------------------------------------- preview

let previewTimer = 0;
function schedulePreview(delay = 500) {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(drawPreview, delay);
}

/**
 * Shows the selected item in the preview, as it is now. A change to the item the author is trying
 * in the preview (they have answered or typed there) does not restart it under them: the preview
 * says the item changed, with a button to restart it; `force` restarts it at once. A change that
 * does not touch the item (the bank's title, another item) keeps the preview as it is.
 */
async function drawPreview({ force = false } = {}) {
  const target = document.getElementById('preview');
  const item = state.bank.items[state.selected];
  const bank = item
    ? {
        id: 'authoring-preview',
        version: String(Date.now()),
        title: state.bank.title || t('Preview'),
        language: state.bank.language,
        settings: state.bank.settings,
        skills: previewSkills(item),
        items: [item],
      }
    : null;
  const text = bank ? JSON.stringify({ ...bank, version: '', title: '' }) : '';
  const itemKey = item ? `${state.selected}:${item.id}` : '';
  if (text === state.preview.shown) {
    document.getElementById('preview-notice')?.remove();
    return;
  }
  if (!force && state.preview.touched && itemKey === state.preview.item && state.preview.handle) {
    showPreviewNotice(target);
    return;
  }
  state.preview.shown = text;
  state.preview.item = itemKey;
  state.preview.touched = false;
  state.preview.handle?.destroy();
  state.preview.handle = null;
  target.replaceChildren();
  if (!bank) {
    target.append(element('p', { class: 'hint', text: t('The selected item is shown here.') }));
    return;
  }
  // A bank with errors is refused by the widget, with the engine's English words: the preview
  // says what to fix in the page's language instead.
  const errors = state.studioReady
    ? checkBank(JSON.stringify(bank)).filter((problem) => problem.severity === 'error')
    : [];
  if (errors.length) {
    target.append(
      element(
        'div',
        { class: 'preview-errors', role: 'status' },
        element('p', { text: t('The preview shows this item once these errors are fixed:') }),
        element(
          'ul',
          {},
          errors.map((problem) => element('li', { text: problemText(wordedProblem(problem)) })),
        ),
      ),
    );
    return;
  }
  const host = element('div', { class: 'preview-host' });
  target.append(host);
  try {
    clearPreviewProgress();
    // Media beside a bank opened by its address are shown from there (the page is elsewhere).
    const from = state.bankAddress;
    state.preview.handle = await mount(host, {
      bank: from ? withMediaFrom(bank, from) : bank,
      storageKey: PREVIEW_STORAGE_KEY,
      ...(from ? { mediaOrigins: [new URL(from).origin] } : {}),
    });
  } catch (error) {
    target.replaceChildren(
      element('p', { class: 'error', text: t('The preview cannot start: {reason}', { reason: error.message }) }),
    );
  }
}

/** Says, above the preview the author is answering, that the item changed since it started. */
function showPreviewNotice(target) {
  if (document.getElementById('preview-notice')) return;
  const restart = element('button', { type: 'button', text: t('Show the item as it is now') });
  restart.addEventListener('click', async () => {
    clearTimeout(previewTimer);
    await drawPreview({ force: true });
    document
      .querySelector('#preview .preview-host')
      ?.shadowRoot?.querySelector('form input, form select, form textarea, form button')
      ?.focus();
  });
  target.prepend(
    element(
      'div',
      { id: 'preview-notice', class: 'preview-notice', role: 'status' },
      element('p', { text: t('You changed this item since you started trying it here.') }),
      restart,
    ),
  );
}

/** The author answering in the preview: a change of the item then waits for their word. */
function wirePreview() {
  const target = document.getElementById('preview');
  const touched = (event) => {
    if (event.composedPath().some((node) => node instanceof Element && node.classList.contains('preview-host'))) {
      state.preview.touched = true;
    }
  };
  target.addEventListener('input', touched);
  target.addEventListener('click', touched);
}

/** The skills the item and its steps practise, without prerequisites: the preview's progress list. */
function previewSkills(item) {
  const used = new Set([...(item.skills ?? []), ...(item.steps ?? []).flatMap((step) => step.skills ?? [])]);
  return (state.bank.skills ?? []).filter((skill) => used.has(skill.id)).map(({ prerequisites: _, ...skill }) => skill);
}

/** Shows the item as it is now and moves focus to its first answer control. */
async function tryInPreview() {
  clearTimeout(previewTimer);
  await drawPreview({ force: true });
  const host = document.querySelector('#preview .preview-host');
  for (let frame = 0; frame < 120 && host; frame += 1) {
    const control = [
      ...(host.shadowRoot?.querySelectorAll('form input, form select, form textarea, form button') ?? []),
    ].find((candidate) => !candidate.disabled);
    if (control) {
      control.focus();
      return;
    }
    await new Promise((done) => requestAnimationFrame(done));
  }
  host?.shadowRoot?.querySelector('button, a, [tabindex]')?.focus();
  say(t('The preview has nothing to answer: see what it says.'));
}

/** The preview starts each item afresh: its practice is never mixed with a learner's. */
function clearPreviewProgress() {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.includes(PREVIEW_STORAGE_KEY)) localStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: the widget itself says so in the preview.
  }
}

// ---------------------------------------------------------------- opening and saving

function say(message, { error = false } = {}) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.classList.toggle('error', error);
}

function saveDraft() {
  // The bank is written as text once (a keystroke's cost on a large bank), then put in the draft.
  const bankText = JSON.stringify(state.bank);
  const rest = JSON.stringify({
    savedAt: new Date().toISOString(),
    selected: state.selected,
    // Whether the draft is the bank as last saved or opened (then replacing it loses nothing), and
    // whether its id still follows its title: both hold across a reload.
    savedAsFile: bankText === state.cleanText,
    idFollowsTitle: state.idFollowsTitle,
  });
  try {
    localStorage.setItem(DRAFT_KEY, `{"bank":${bankText},${rest.slice(1)}`);
  } catch {
    say(t('This browser does not let the page keep a draft: save the bank file before you close the tab.'), {
      error: true,
    });
  }
}

function readDraft() {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    return draft && typeof draft.bank === 'object' && Array.isArray(draft.bank?.items) ? draft : null;
  } catch {
    return null;
  }
}

/** Opens a bank's text; a file that is not a bank changes nothing and says why. */
function openBankText(text, name) {
  let bank;
  try {
    bank = JSON.parse(text);
  } catch (error) {
    say(
      t('{name} is not a bank file (it is not JSON: {reason}). Nothing was changed.', { name, reason: error.message }),
      {
        error: true,
      },
    );
    return;
  }
  if (!bank || typeof bank !== 'object' || Array.isArray(bank)) {
    say(
      t('{name} is not a bank file (a bank is a JSON object with items and skills). Nothing was changed.', { name }),
      {
        error: true,
      },
    );
    return;
  }
  change((current) => {
    for (const key of Object.keys(current)) delete current[key];
    Object.assign(current, bank);
    current.items = Array.isArray(current.items) ? current.items : [];
    current.skills = Array.isArray(current.skills) ? current.skills : [];
  });
  state.selected = 0;
  state.cleanText = JSON.stringify(state.bank);
  state.idFollowsTitle = false;
  state.media = [];
  state.bankAddress = null;
  saveDraft();
  drawAll();
  schedulePreview(0);
  say(tn(state.bank.items.length, 'Opened {name}: {n} items. Undo goes back to what you had.', { name }));
  return true;
}

/**
 * What an import found, wrote and skipped: the importer's English line on the English page (it
 * also counts parts left out and warnings, which the notes below it list), else worded from its
 * counts in the page's language.
 */
function importSummary({ summary, foundName, found, written, skipped }) {
  if (language() === 'en') return summary;
  const foundWords =
    foundName === 'questions'
      ? tn(found, '{n} questions found')
      : foundName === 'problems'
        ? tn(found, '{n} problems found')
        : tn(found, '{n} items found');
  return [foundWords, tn(written, '{n} items written'), tn(skipped, '{n} skipped')].join(', ');
}

/**
 * Opens a bank file, or converts a quiz file with the importers (GIFT, Moodle XML, a QTI item, a
 * QTI package or zipped OATutor folder as .zip; the format is told by content) and says what
 * changed. A file that cannot be read, or from which no item could be made, leaves the bank as
 * it was.
 */
async function openFile(file) {
  const notes = document.getElementById('import-notes');
  for (const link of notes.querySelectorAll('a[href^="blob:"]')) URL.revokeObjectURL(link.href);
  notes.replaceChildren();
  if (/\.json$/i.test(file.name)) {
    openBankText(await file.text(), file.name);
    return;
  }
  if (!state.studioReady) {
    say(
      t('The checker could not start ({reason}): problems are not shown. Run "make build" to build it.', {
        reason: file.name,
      }),
      {
        error: true,
      },
    );
    return;
  }
  let imported;
  try {
    imported = importFile(file.name, new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    // A file of no format the page knows is worded here; an importer's reason is its own English.
    const reason =
      error.code === 'unknownFormat'
        ? t(
            '{name} is not a file this page can import: open a bank (.json), a GIFT quiz (.gift, .txt), Moodle XML or a QTI item (.xml), or a QTI package or zipped OATutor folder (.zip)',
            { name: file.name },
          )
        : error.message;
    say(t('Could not open {name}: {reason}. Nothing was changed.', { name: file.name, reason }), {
      error: true,
    });
    return;
  }
  imported.summary = importSummary(imported);
  notes.append(...imported.notes.map((note) => element('li', { dir: 'auto', text: note })));
  if (imported.written === 0) {
    say(
      t(
        'Nothing in {name} could be made into an item ({summary}). Your bank was not changed; the notes below say why.',
        {
          name: file.name,
          summary: imported.summary,
        },
      ),
      { error: true },
    );
    return;
  }
  if (!openBankText(imported.bank, file.name)) return;
  state.media = imported.media;
  // Media files cannot be written next to the bank from a web page: each is offered as a download.
  notes.append(
    ...imported.media.map((media) =>
      element(
        'li',
        { dir: 'auto' },
        element('a', {
          href: URL.createObjectURL(new Blob([media.bytes])),
          download: media.address.split('/').pop(),
          text: t('Save {address} (put it at this address next to the bank file)', {
            address: media.address,
          }),
        }),
      ),
    ),
  );
  const status = document.getElementById('status');
  status.textContent = `${status.textContent} ${t('Converted: {summary}.', { summary: imported.summary })}${
    imported.notes.length
      ? ` ${tn(imported.notes.length, 'Read the {n} notes below: what was left out or changed.')}`
      : ''
  }`;
}

function saveBank({ evenWithErrors = false } = {}) {
  runCheck();
  const errors = state.problems.filter((problem) => problem.severity === 'error').length;
  if (errors && !evenWithErrors) {
    const dialog = document.getElementById('save-dialog');
    document.getElementById('save-dialog-text').textContent = tn(
      errors,
      'The bank has {n} errors: the widget will refuse to play it until they are fixed. Save it anyway, to go on later?',
    );
    dialog.showModal();
    return;
  }
  const name = bankFileName(state.bank);
  downloadFile(new Blob([`${JSON.stringify(state.bank, null, 2)}\n`], { type: 'application/json' }), name);
  markSaved();
  say(
    tn(state.bank.items.length, 'Saved {name} ({n} items). Put it next to your page and point the widget at it.', {
      name,
    }),
  );
}

/** Offers `blob` as a download named `name`. */
function downloadFile(blob, name) {
  const link = element('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * `saved` (the bank as it went into a file) is in a file now, and may be on a page already: the
 * bank's id no longer follows its title. Edits made since (while a zip was made) stay unsaved.
 */
function markSaved(saved = state.bank) {
  state.cleanText = JSON.stringify(saved);
  state.idFollowsTitle = false;
  saveDraft();
}

/** The bytes at `url`, or an error naming it. */
async function fetchBytes(url) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: ${t('the server answered {status}', { status: response.status })}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** What the ready-made page shows until the widget starts (a file opened from a computer: never). */
const PAGE_FALLBACK = mark(
  'Loading the practice… If this text stays, open this page from a website or your LMS: a page opened as a file from your computer cannot run the practice.',
);

/**
 * "Download as a web page": one .zip with the bank, the widget's files (fetched from the package
 * beside this page) and a page that plays it, also a SCORM package (www/page-package.js). The
 * bank's media go in when the page holds them (an imported package) or finds them beside the
 * address the bank was opened from; the others are named.
 */
async function savePage() {
  runCheck();
  if (state.problems.some((problem) => problem.severity === 'error')) {
    say(
      t(
        'The bank has errors: the widget would refuse to play it. Fix them (see Problems) before you make a page of it.',
      ),
      {
        error: true,
      },
    );
    return;
  }
  say(t('Making the page…'));
  const bank = structuredClone(state.bank);
  try {
    if (!state.studioReady) throw new Error(t('the checker has not started'));
    const packageFolder = new URL('../pkg/', import.meta.url);
    const listed = JSON.parse(
      new TextDecoder().decode(await fetchBytes(new URL('./generated/widget-files.json', import.meta.url))),
    );
    const widgetFiles = await Promise.all(
      [...listed, 'LICENSE-MIT', 'LICENSE-APACHE'].map(async (path) => ({
        path,
        bytes: await fetchBytes(new URL(path, packageFolder)),
      })),
    );
    const held = new Map(state.media.map((file) => [file.address, file]));
    const media = [];
    const missing = [];
    for (const address of mediaAddresses(bank)) {
      if (held.has(address)) media.push(held.get(address));
      else if (state.bankAddress) {
        try {
          media.push({ address, bytes: await fetchBytes(new URL(address, state.bankAddress)) });
        } catch {
          missing.push(address);
        }
      } else missing.push(address);
    }
    const entries = pagePackageEntries(bank, {
      widgetFiles,
      media,
      // For the learners: in the bank's language when this page has it.
      fallback: tIn(bank.language, PAGE_FALLBACK),
    });
    const zip = zipFiles(
      entries.map((entry) => entry.name),
      entries.map((entry) => entry.bytes),
    );
    const name = bankFileName(bank).replace(/\.json$/, '-page.zip');
    downloadFile(new Blob([zip], { type: 'application/zip' }), name);
    markSaved(bank);
    const missingNote = missing.length
      ? ` ${t('These media files are not in the zip; put them next to {bank}: {files}.', {
          bank: bankFileName(bank),
          files: missing.join(', '),
        })}`
      : '';
    say(
      `${t(
        'Saved {name}: unzip it onto your website and open index.html there, or upload the zip to your LMS as a SCORM package. The bank inside is {bank}.',
        { name, bank: bankFileName(bank) },
      )}${missingNote}`,
    );
  } catch (error) {
    say(t('Could not make the page: {reason}. Nothing was changed.', { reason: error.message }), { error: true });
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  for (const id of ['item-form', 'skills-form', 'settings-form']) {
    const form = document.getElementById(id);
    form.addEventListener('input', onInput);
    form.addEventListener('focusout', () => {
      state.editing = null;
    });
  }
  document.getElementById('add-item').addEventListener('click', () => {
    const type = document.getElementById('new-item-type').value;
    const ids = state.bank.items.map((item) => item.id);
    const skill = state.bank.skills[0]?.id;
    change((bank) => {
      bank.items.push({
        id: uniqueId(type, ids),
        skills: skill ? [skill] : [],
        type,
        prompt: '',
        ...typeDefaults(type),
      });
    });
    selectItem(state.bank.items.length - 1);
    say(t('Added an item ({type}). Write its question.', { type: t(TYPE_NAMES.get(type)) }));
  });
  document.getElementById('duplicate-item').addEventListener('click', () => {
    const original = state.bank.items[state.selected];
    if (!original) return;
    const ids = state.bank.items.map((item) => item.id);
    change((bank) => {
      const copy = structuredClone(original);
      copy.id = uniqueId(original.id, ids);
      bank.items.splice(state.selected + 1, 0, copy);
    });
    selectItem(state.selected + 1);
    say(t('Duplicated.'));
  });
  for (const [id, by] of [
    ['move-up', -1],
    ['move-down', 1],
  ]) {
    document.getElementById(id).addEventListener('click', () => {
      const from = state.selected;
      const to = from + by;
      if (to < 0 || to >= state.bank.items.length) return;
      change((bank) => {
        const [item] = bank.items.splice(from, 1);
        bank.items.splice(to, 0, item);
        state.selected = to;
      });
      const button = document.getElementById(id);
      if (button.disabled) document.querySelector('#item-list [aria-current]')?.focus();
      else button.focus();
      say(t('Moved to place {n}.', { n: to + 1 }));
    });
  }
  document.getElementById('delete-item').addEventListener('click', () => {
    const item = state.bank.items[state.selected];
    if (!item) return;
    change((bank) => {
      bank.items.splice(state.selected, 1);
    });
    say(t('Deleted {id}. Undo brings it back.', { id: item.id }));
    (document.querySelector('#item-list [aria-current]') ?? document.getElementById('add-item')).focus();
    document.querySelector('#item-list [aria-current]')?.focus();
  });
  document.getElementById('new-bank').addEventListener('click', async () => {
    if (!(await confirmReplace(t('A new bank replaces the one you are working on.')))) return;
    change((bank) => {
      for (const key of Object.keys(bank)) delete bank[key];
      Object.assign(bank, emptyBank());
    });
    state.selected = 0;
    state.cleanText = JSON.stringify(state.bank);
    state.idFollowsTitle = true;
    state.media = [];
    state.bankAddress = null;
    saveDraft();
    drawAll();
    schedulePreview(0);
    say(t('Started a new bank. Undo brings the previous one back.'));
  });
  document.getElementById('open-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    await openFile(file);
    event.target.value = '';
  });
  const openSection = document.querySelector('.open-bank');
  openSection.addEventListener('dragover', (event) => {
    event.preventDefault();
    openSection.classList.add('dragging');
  });
  openSection.addEventListener('dragleave', () => openSection.classList.remove('dragging'));
  openSection.addEventListener('drop', async (event) => {
    event.preventDefault();
    openSection.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    if (!(await confirmReplace(t('Opening {name} replaces the bank you are working on.', { name: file.name })))) return;
    await openFile(file);
  });
  document.getElementById('open-url').addEventListener('submit', async (event) => {
    event.preventDefault();
    const address = document.getElementById('open-url-input').value.trim();
    if (!address) return;
    if (!(await confirmReplace(t('Opening {name} replaces the bank you are working on.', { name: address })))) return;
    try {
      const response = await fetch(new URL(address, document.baseURI), { cache: 'no-cache' });
      if (!response.ok) throw new Error(t('the server answered {status}', { status: response.status }));
      if (openBankText(await response.text(), address)) state.bankAddress = response.url;
    } catch (error) {
      say(t('Could not open {name}: {reason}. Nothing was changed.', { name: address, reason: error.message }), {
        error: true,
      });
    }
  });
  document.getElementById('save-bank').addEventListener('click', () => saveBank());
  document.getElementById('save-page').addEventListener('click', () => savePage());
  document.getElementById('save-anyway').addEventListener('click', () => {
    document.getElementById('save-dialog').close();
    saveBank({ evenWithErrors: true });
  });
  document.getElementById('save-cancel').addEventListener('click', () => {
    document.getElementById('save-dialog').close();
    const first = state.problems.find((problem) => problem.severity === 'error');
    if (first) goToProblem(first);
  });
  document.getElementById('undo').addEventListener('click', undo);
  document.getElementById('redo').addEventListener('click', redo);
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    // In a field the learner has typed into, the browser's own undo of that field comes first.
    if (event.target.closest?.('input, textarea, select') && state.editing === event.target) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      redo();
    }
  });
  document.getElementById('spreadsheet-add').addEventListener('click', () => {
    const text = document.getElementById('spreadsheet-text').value;
    const { items, skills, notes, skipped } = itemsFromSpreadsheet(text, {
      takenIds: state.bank.items.map((item) => item.id),
      knownSkills: state.bank.skills.map((skill) => skill.id),
      defaultSkill: state.bank.skills[0]?.id,
    });
    const status = document.getElementById('spreadsheet-status');
    if (!items.length) {
      status.textContent = notes.length
        ? t('No item added. {notes}', { notes: notes.join(' ') })
        : t('Paste rows first.');
      return;
    }
    const first = state.bank.items.length;
    change((bank) => {
      bank.skills.push(...skills);
      bank.items.push(...items);
    });
    status.textContent = [
      tn(items.length, 'Added {n} items.'),
      skills.length ? tn(skills.length, 'New skills: {n}.') : '',
      ...notes,
    ]
      .filter(Boolean)
      .join(' ');
    document.getElementById('spreadsheet-text').value = formatRows(skipped);
    selectItem(first);
  });
}

// ---------------------------------------------------------------- replacing the bank

/** Whether the bank holds work kept only in this browser: items changed since it was last saved or opened. */
function hasUnsavedWork() {
  return state.bank.items.length > 0 && JSON.stringify(state.bank) !== state.cleanText;
}

/** The pending question of confirmReplace: answers it once (a later answer is ignored). */
let answerReplace = null;

/**
 * Asks before the bank being worked on is replaced (new, open), when it holds unsaved work:
 * resolves to true to go on. "Save it first" saves the file and goes no further. A button's
 * answer is taken in its own click, so that what follows a yes (the file chooser) still has the
 * click's user activation however slow the device; Escape answers "keep working".
 */
function confirmReplace(what) {
  if (!hasUnsavedWork()) return Promise.resolve(true);
  const dialog = document.getElementById('replace-dialog');
  document.getElementById('replace-dialog-text').textContent = `${what} ${t(
    'It is kept only in this browser, as a draft, until you save it as a file: replacing it loses it once you close the tab.',
  )}`;
  answerReplace?.('cancel');
  dialog.showModal();
  return new Promise((resolve) => {
    const answer = (value) => {
      if (answerReplace !== answer) return;
      answerReplace = null;
      if (value === 'save') saveBank();
      resolve(value === 'replace');
    };
    answerReplace = answer;
  });
}

function wireReplaceQuestions() {
  const dialog = document.getElementById('replace-dialog');
  for (const [id, value] of [
    ['replace-save', 'save'],
    ['replace-anyway', 'replace'],
    ['replace-cancel', 'cancel'],
  ]) {
    document.getElementById(id).addEventListener('click', () => {
      dialog.close();
      answerReplace?.(value);
    });
  }
  // Escape cancels in its own keydown; any other closing keeps the work too. A close event queued
  // by an earlier closing finds the dialog open again for another question, and leaves it be.
  dialog.addEventListener('cancel', () => answerReplace?.('cancel'));
  dialog.addEventListener('close', () => {
    if (!dialog.open) answerReplace?.('cancel');
  });
  // The file chooser opens only once the author has said yes: its click is held, then replayed.
  const fileInput = document.getElementById('open-file');
  let fileChoiceAllowed = false;
  fileInput.addEventListener('click', async (event) => {
    if (fileChoiceAllowed || !hasUnsavedWork()) {
      fileChoiceAllowed = false;
      return;
    }
    event.preventDefault();
    if (await confirmReplace(t('Opening a file replaces the bank you are working on.'))) {
      fileChoiceAllowed = true;
      fileInput.click();
    }
  });
}

/** The page's language: chosen in the header, remembered in this browser. */
function wireLanguage() {
  setLanguage(chooseLanguage(savedLanguage(), navigator.languages ?? [navigator.language]), { remember: false });
  const select = document.getElementById('page-language');
  select.replaceChildren(
    ...PAGE_LANGUAGES.map(([code, name]) => element('option', { value: code, lang: code, text: name })),
  );
  select.value = language();
  translatePage();
  select.addEventListener('change', () => {
    setLanguage(select.value);
    // A new bank nobody has written in yet takes the page's new language too.
    if (untouchedNewBank(state.bank)) {
      state.bank = emptyBank();
      saveDraft();
    }
    translatePage();
    drawAll();
    if (state.studioReady) drawProblems();
    updateUndoButtons();
    // The page's own words in the preview (no widget there: no item, or errors to fix) follow too.
    if (!state.preview.handle) {
      state.preview.shown = null;
      drawPreview();
    }
  });
}

async function start() {
  wireLanguage();
  wire();
  wireReplaceQuestions();
  wirePreview();
  const draft = readDraft();
  // The bank made as the module loaded has the English words: make it again in the page's.
  if (!draft) state.bank = emptyBank();
  if (draft) {
    state.bank = draft.bank;
    state.selected = Number.isInteger(draft.selected) ? draft.selected : 0;
    // A draft that was saved as a file (or opened from one) holds no work to lose.
    if (draft.savedAsFile === true) state.cleanText = JSON.stringify(draft.bank);
    state.idFollowsTitle = draft.idFollowsTitle === true;
    const when = new Date(draft.savedAt);
    say(
      t('Your draft from {when} is back. Start a new bank or open a file to work on another.', {
        when: Number.isNaN(when.getTime()) ? '…' : when.toLocaleString(language()),
      }),
    );
  }
  drawAll();
  updateUndoButtons();
  schedulePreview(0);
  try {
    await initStudio({
      module_or_path: new URL('./generated/studio/adaptive_practice_studio_bg.wasm', import.meta.url),
    });
    state.studioReady = true;
    runCheck();
  } catch (error) {
    document.getElementById('problem-summary').textContent = t(
      'The checker could not start ({reason}): problems are not shown. Run "make build" to build it.',
      {
        reason: error.message,
      },
    );
  }
}

start();
