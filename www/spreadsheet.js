// Items from rows pasted out of a spreadsheet (the authoring page's "Paste from a spreadsheet";
// the layout is docs/spreadsheet.md). Pure: text in, items, new skills and notes out, so that
// node tests it without a browser.

/** The columns, in their default order when the rows have no header. */
export const COLUMNS = ['type', 'prompt', 'answer', 'choices', 'hints', 'skill', 'difficulty'];

/** What authors may write in the type column, reduced to letters, and the bank's type. */
const TYPE_WORDS = new Map([
  ['singlechoice', 'singleChoice'],
  ['choice', 'singleChoice'],
  ['multiplechoice', 'singleChoice'],
  ['mcq', 'singleChoice'],
  ['multipleresponse', 'multipleResponse'],
  ['multipleanswers', 'multipleResponse'],
  ['checkboxes', 'multipleResponse'],
  ['numeric', 'numeric'],
  ['number', 'numeric'],
  ['mathexpression', 'mathExpression'],
  ['expression', 'mathExpression'],
  ['math', 'mathExpression'],
  ['equation', 'mathExpression'],
  ['shorttext', 'shortText'],
  ['shortanswer', 'shortText'],
  ['text', 'shortText'],
  ['word', 'shortText'],
  ['ordering', 'ordering'],
  ['order', 'ordering'],
  ['putinorder', 'ordering'],
  ['fillblanks', 'fillBlanks'],
  ['fillintheblanks', 'fillBlanks'],
  ['blanks', 'fillBlanks'],
  ['cloze', 'fillBlanks'],
  ['matching', 'matching'],
  ['match', 'matching'],
]);

const DIFFICULTY_WORDS = new Map([
  ['very easy', -2.5],
  ['easy', -1],
  ['medium', 0],
  ['hard', 1],
  ['very hard', 2.5],
]);

/**
 * Reads pasted rows. `takenIds` are the bank's item ids (new ids avoid them), `knownSkills` its
 * skill ids, `defaultSkill` the skill of a row that names none. Returns `{ items, skills, notes }`:
 * the new items, the skills to add (a row naming an unknown skill creates it), and one sentence
 * per row that was skipped or changed, with its row number.
 */
export function itemsFromSpreadsheet(text, { takenIds = [], knownSkills = [], defaultSkill } = {}) {
  const rows = parseRows(text).filter((row) => row.some((cell) => cell.trim() !== ''));
  const notes = [];
  const items = [];
  const skills = [];
  /** The rows not added, as they were (with the header row when there is one), to fix and paste again. */
  const skipped = [];
  if (!rows.length) return { items, skills, notes, skipped };
  let columns = COLUMNS;
  let first = 0;
  const header = rows[0].map((cell) => cell.trim().toLowerCase());
  if (header.includes('type') && header.includes('prompt')) {
    columns = header;
    first = 1;
    skipped.push(rows[0]);
  }
  const ids = new Set(takenIds);
  const skillIds = new Set(knownSkills);
  rows.slice(first).forEach((cells, index) => {
    const rowNumber = index + first + 1;
    const row = Object.fromEntries(columns.map((name, column) => [name, (cells[column] ?? '').trim()]));
    const result = itemFromRow(row);
    if (typeof result === 'string') {
      notes.push(`Row ${rowNumber} skipped: ${result}.`);
      skipped.push(cells);
      return;
    }
    const skillText = row.skill ?? '';
    let skill = defaultSkill;
    if (skillText) {
      skill = slug(skillText);
      if (!skillIds.has(skill) && !skillIds.has(skillText)) {
        skills.push({ id: skill, name: skillText });
        skillIds.add(skill);
      } else if (skillIds.has(skillText)) {
        skill = skillText;
      }
    }
    let number = ids.size + 1;
    while (ids.has(`${result.type}-${number}`)) number += 1;
    const id = `${result.type}-${number}`;
    ids.add(id);
    const item = { id, skills: skill ? [skill] : [], ...result };
    const hints = split(row.hints ?? '');
    if (hints.length) item.hints = hints;
    const difficulty = readDifficulty(row.difficulty ?? '');
    if (difficulty === null)
      notes.push(
        `Row ${rowNumber}: difficulty "${row.difficulty}" is not a number or a word such as easy or hard; medium was used.`,
      );
    else if (difficulty !== 0) item.difficulty = difficulty;
    items.push(item);
  });
  if (skipped.length === first) skipped.length = 0;
  return { items, skills, notes, skipped };
}

/** Rows as tab-separated text, quoting the cells that need it (the reverse of `parseRows`). */
export function formatRows(rows) {
  const cell = (text) => (/[\t\n\r"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return rows.map((row) => row.map(cell).join('\t')).join('\n');
}

/** The item's type, prompt and answer fields from one row, or why the row cannot be an item. */
function itemFromRow(row) {
  const typeText = row.type ?? '';
  const type = TYPE_WORDS.get(typeText.toLowerCase().replace(/[^a-z]/g, ''));
  if (!type)
    return `the type "${typeText}" is not one of single choice, multiple response, number, expression, short text, order, blanks, matching`;
  const prompt = row.prompt ?? '';
  if (!prompt) return 'the prompt is empty';
  const answer = row.answer ?? '';
  const choices = split(row.choices ?? '');
  switch (type) {
    case 'singleChoice': {
      const index = choiceIndex(answer, choices);
      if (choices.length < 2) return 'a single-choice item needs at least two choices';
      if (index < 0)
        return `the answer "${answer}" is not one of the choices (write the right choice's text or its number)`;
      return { type, prompt, choices: choices.map((text) => ({ text })), answer: index };
    }
    case 'multipleResponse': {
      if (choices.length < 2) return 'a multiple-response item needs at least two choices';
      const answers = split(answer).map((one) => choiceIndex(one, choices));
      if (!answers.length || answers.includes(-1)) return `the answers "${answer}" are not all among the choices`;
      return {
        type,
        prompt,
        choices: choices.map((text) => ({ text })),
        answers: [...new Set(answers)].sort((a, b) => a - b),
      };
    }
    case 'numeric':
      if (!answer) return 'the answer is empty';
      return { type, prompt, answer: /^-?\d+(\.\d+)?$/.test(answer) ? Number(answer) : answer };
    case 'mathExpression':
      if (!answer) return 'the answer is empty';
      return { type, prompt, answer };
    case 'shortText': {
      const answers = split(answer);
      if (!answers.length) return 'the answer is empty';
      return { type, prompt, answers };
    }
    case 'ordering': {
      const entries = choices.length ? choices : split(answer);
      if (entries.length < 2)
        return 'an ordering item needs at least two entries, in the right order, in the choices column';
      return { type, prompt, items: entries };
    }
    case 'fillBlanks': {
      const blanks = split(answer).map((one) => ({
        answers: one
          .split(';')
          .map((text) => text.trim())
          .filter(Boolean),
      }));
      const marks = new Set([...prompt.matchAll(/\[\[(\d+)\]\]/g)].map((match) => Number(match[1])));
      if (!blanks.length) return 'the answer column has no answer for the blanks';
      if (marks.size !== blanks.length)
        return `the prompt marks ${marks.size} blank${marks.size === 1 ? '' : 's'} ([[1]], [[2]]…) but the answer column has ${blanks.length}`;
      return { type, prompt, blanks };
    }
    case 'matching': {
      const pairs = choices.map((pair) => pair.split('=').map((side) => side.trim()));
      if (pairs.length < 2 || pairs.some((pair) => pair.length !== 2 || !pair[0] || !pair[1])) {
        return 'a matching item needs at least two pairs written "left = right" in the choices column';
      }
      return { type, prompt, pairs: pairs.map(([left, right]) => ({ left, right })) };
    }
    default:
      return `the type "${typeText}" cannot be written in a spreadsheet`;
  }
}

function choiceIndex(answer, choices) {
  const trimmed = answer.trim();
  const byText = choices.indexOf(trimmed);
  if (byText >= 0) return byText;
  const number = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  return number >= 1 && number <= choices.length ? number - 1 : -1;
}

function split(cell) {
  return cell
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A difficulty in logits: a number, a word (easy, hard…), or 0 for an empty cell; null if unreadable. */
function readDifficulty(cell) {
  const text = cell.trim().toLowerCase();
  if (!text) return 0;
  if (DIFFICULTY_WORDS.has(text)) return DIFFICULTY_WORDS.get(text);
  const number = Number(text.replace(',', '.'));
  return Number.isFinite(number) && Math.abs(number) <= 4 ? number : null;
}

function slug(text) {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'skill'
  );
}

/**
 * Rows of tab-separated (what spreadsheets copy) or comma-separated text, with quoted cells
 * ("a, b", "say ""hi""", and line breaks inside quotes) read as spreadsheets write them.
 */
export function parseRows(text) {
  const delimiter = text.includes('\t') ? '\t' : ',';
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        cell += character;
      }
    } else if (character === '"' && cell === '') {
      quoted = true;
    } else if (character === delimiter) {
      row.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += character;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
