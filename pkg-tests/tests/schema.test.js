// The JSON Schema of the bank format (schema/bank.schema.json) accepts every sample bank and
// refuses malformed ones. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/bank.schema.json', root), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const sampleBanks = readdirSync(new URL('www/banks/', root)).filter((name) => name.endsWith('.json'));

test('the schema accepts every sample bank', () => {
  assert.ok(sampleBanks.length >= 3, `sample banks: ${sampleBanks.join(', ')}`);
  for (const name of sampleBanks) {
    const bank = JSON.parse(readFileSync(new URL(`www/banks/${name}`, root), 'utf8'));
    const valid = validate(bank);
    assert.ok(valid, `${name}: ${JSON.stringify(validate.errors?.slice(0, 3), null, 1)}`);
  }
});

const minimal = () => ({
  id: 'b',
  version: '1',
  title: 'B',
  skills: [{ id: 's', name: 'S' }],
  items: [{ id: 'i', skills: ['s'], type: 'numeric', prompt: '1 + 1?', answer: 2 }],
});

test('the schema refuses malformed banks', () => {
  assert.ok(validate(minimal()), 'the minimal bank is valid');
  const cases = {
    'no items': (b) => {
      delete b.items;
    },
    'unknown item type': (b) => {
      b.items[0].type = 'essay';
    },
    'choice item without choices': (b) => {
      b.items[0] = { id: 'i', skills: ['s'], type: 'singleChoice', prompt: '?', answer: 0 };
    },
    'difficulty out of range': (b) => {
      b.items[0].difficulty = 40;
    },
    'misspelt skill field': (b) => {
      b.skills[0].prerequisite = [];
    },
    'negative tolerance': (b) => {
      b.items[0].tolerance = -1;
    },
  };
  for (const [name, breakIt] of Object.entries(cases)) {
    const bank = minimal();
    breakIt(bank);
    assert.equal(validate(bank), false, `${name} should be refused`);
  }
});

test('the README example of every item type is valid', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const start = readme.indexOf('{ "id": "s1"');
  const lines = readme.slice(start, readme.indexOf('```', start)).trim().split('\n');
  const items = lines.map((line) => JSON.parse(line));
  const types = new Set(items.map((item) => item.type));
  assert.equal(types.size, 9, `every type has an example: ${[...types].join(', ')}`);
  const bank = {
    id: 'readme',
    version: '1',
    title: 'README',
    skills: ['n', 'a', 'w'].map((id) => ({ id, name: id })),
    items,
  };
  assert.ok(validate(bank), JSON.stringify(validate.errors?.slice(0, 3)));
});
