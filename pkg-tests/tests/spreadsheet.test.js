// The spreadsheet reader of the authoring page (www/spreadsheet.js), in node: every type the
// layout of docs/spreadsheet.md allows, quoted cells, headers in another order, and rows that
// cannot become items named with their row number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemsFromSpreadsheet, parseRows } from '../../www/spreadsheet.js';

test('quoted cells keep their commas, quotes and line breaks', () => {
  assert.deepEqual(parseRows('a,"b, c","say ""hi"""\r\nd,"two\nlines",e'), [
    ['a', 'b, c', 'say "hi"'],
    ['d', 'two\nlines', 'e'],
  ]);
  assert.deepEqual(parseRows('a\tb, c\n'), [['a', 'b, c']]);
});

test('every type of the layout becomes the item the docs describe', () => {
  const rows = [
    ['single choice', 'Which is even?', '2', '7 | 12 | 15', 'Divide by 2. | Look at the last digit.', 'Parity', 'easy'],
    ['multiple response', 'Which are prime?', '2 | 11', '2 | 9 | 11', '', 'Primes', ''],
    ['number', 'What is 6 × 7?', '42', '', '', '', '1.5'],
    ['Number', 'Half of 3/2?', '3/4', '', '', '', ''],
    ['expression', 'Expand $3(x+2)$.', '3x + 6', '', '', '', ''],
    ['short text', 'Top of a fraction?', 'numerator | numerateur', '', '', '', ''],
    ['order', 'Smallest first.', '', '1/4 | 1/3 | 1/2', '', '', ''],
    ['blanks', '3 is the [[1]], 4 the [[2]].', 'numerator; top | denominator', '', '', '', ''],
    ['matching', 'Match.', '', '1/2 = 0.5 | 1/4 = 0.25', '', '', ''],
  ]
    .map((row) => row.join('\t'))
    .join('\n');
  const { items, skills, notes } = itemsFromSpreadsheet(rows, {
    takenIds: ['singleChoice-1'],
    knownSkills: ['primes'],
    defaultSkill: 'general',
  });
  assert.deepEqual(notes, []);
  assert.deepEqual(skills, [{ id: 'parity', name: 'Parity' }]);
  assert.deepEqual(items[0], {
    id: 'singleChoice-2',
    skills: ['parity'],
    type: 'singleChoice',
    prompt: 'Which is even?',
    choices: [{ text: '7' }, { text: '12' }, { text: '15' }],
    answer: 1,
    hints: ['Divide by 2.', 'Look at the last digit.'],
    difficulty: -1,
  });
  assert.deepEqual(items[1].answers, [0, 2]);
  assert.deepEqual(items[1].skills, ['primes']);
  assert.equal(items[2].answer, 42);
  assert.equal(items[2].difficulty, 1.5);
  assert.deepEqual(items[2].skills, ['general']);
  assert.equal(items[3].answer, '3/4');
  assert.equal(items[4].answer, '3x + 6');
  assert.deepEqual(items[5].answers, ['numerator', 'numerateur']);
  assert.deepEqual(items[6].items, ['1/4', '1/3', '1/2']);
  assert.deepEqual(items[7].blanks, [{ answers: ['numerator', 'top'] }, { answers: ['denominator'] }]);
  assert.deepEqual(items[8].pairs, [
    { left: '1/2', right: '0.5' },
    { left: '1/4', right: '0.25' },
  ]);
  assert.equal(new Set(items.map((item) => item.id)).size, items.length);
});

test('a header row may put the columns in any order', () => {
  const { items } = itemsFromSpreadsheet('Prompt,Type,Answer\nWhat is 2 + 2?,number,4');
  assert.equal(items.length, 1);
  assert.equal(items[0].type, 'numeric');
  assert.equal(items[0].answer, 4);
});

test('rows that cannot become items are named with their row and reason, the others are kept', () => {
  const rows = [
    'type\tprompt\tanswer\tchoices',
    'essay\tWrite.\t\t',
    'single choice\tWhich?\t20\t7 | 12',
    'blanks\tNo marks here.\tx\t',
    'number\tWhat is 1 + 1?\t2\t',
    'matching\tMatch.\t\ta - b | c = d',
  ].join('\n');
  const { items, notes } = itemsFromSpreadsheet(rows);
  assert.equal(items.length, 1);
  assert.equal(notes.length, 4);
  assert.match(notes[0], /^Row 2 skipped: the type "essay"/);
  assert.match(notes[1], /^Row 3 skipped: the answer "20" is not one of the choices/);
  assert.match(notes[2], /^Row 4 skipped: the prompt marks 0 blanks/);
  assert.match(notes[3], /^Row 6 skipped: a matching item needs/);
});

test('an unreadable difficulty is said, and medium is used', () => {
  const { items, notes } = itemsFromSpreadsheet('number\tWhat is 1 + 1?\t2\t\t\t\tvery very hard');
  assert.equal(items[0].difficulty, undefined);
  assert.match(notes[0], /^Row 1: difficulty "very very hard"/);
});
