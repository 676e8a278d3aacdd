// The authoring page's catalogs (www/author-i18n.js), in node: every key that author.js and
// author.html use is in every catalog, with the same {placeholders}, and every plural key has
// every plural form its language needs (CLDR categories, from Intl.PluralRules); and every code
// the checker reports (read from the page's own wasm, `make build`) has French and Arabic words,
// and so has every detail sentence of the engine that a bank broken in many ways gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkBank, diagnosticCodes, initSync } from '../../www/generated/studio/adaptive_practice_studio.js';
import { DETAILS } from '../../www/author-i18n-details.js';
import {
  CATALOGS,
  detailWords,
  DIAGNOSTICS,
  englishPlurals,
  PAGE_LANGUAGES,
  problemWords,
  setLanguage,
} from '../../www/author-i18n.js';

const script = readFileSync(new URL('../../www/author.js', import.meta.url), 'utf8');
const page = readFileSync(new URL('../../www/author.html', import.meta.url), 'utf8');
const unescapeQuotes = (text) => text.replace(/\\(.)/g, '$1');

const scriptKeys = new Set(
  [...script.matchAll(/\b(?:t|mark)\(\s*'((?:[^'\\]|\\.)*)'/g)].map((match) => unescapeQuotes(match[1])),
);
const pluralKeys = new Set(
  [...script.matchAll(/\btn\(\s*[^,]+,\s*'((?:[^'\\]|\\.)*)'/g)].map((match) => unescapeQuotes(match[1])),
);
const pageKeys = new Set([
  ...[...page.matchAll(/<(\w+)[^>]*\sdata-i18n(?=[\s>])[^>]*>([^<]*)<\/\1>/g)].map((match) =>
    match[2].replace(/\s+/g, ' ').trim(),
  ),
  ...[...page.matchAll(/aria-label="([^"]+)"[^>]*data-i18n-attributes="aria-label"/g)].map((match) => match[1]),
]);
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

test('the key lists are read from the page and its script', () => {
  assert.ok(scriptKeys.size > 150, `${scriptKeys.size} keys in author.js`);
  assert.ok(pluralKeys.size >= 8, `${pluralKeys.size} plural keys in author.js`);
  assert.ok(pageKeys.size > 40, `${pageKeys.size} keys in author.html`);
  assert.ok(pageKeys.has('Write practice items'));
});

for (const [language] of PAGE_LANGUAGES.filter(([code]) => code !== 'en')) {
  test(`${language}: every key, with the same placeholders, and every plural form`, () => {
    const catalog = CATALOGS[language];
    const missing = [...scriptKeys, ...pageKeys].filter((key) => typeof catalog[key] !== 'string');
    assert.deepEqual(missing, []);
    for (const key of [...scriptKeys, ...pageKeys]) {
      assert.deepEqual(placeholders(catalog[key]), placeholders(key), `${language}: ${key}`);
    }
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const key of pluralKeys) {
      const forms = catalog[key];
      assert.equal(typeof forms, 'object', `${language}: plural forms of ${key}`);
      for (const category of categories) {
        assert.equal(typeof forms[category], 'string', `${language}: "${category}" form of ${key}`);
      }
    }
    const unused = Object.keys(catalog).filter(
      (key) => !scriptKeys.has(key) && !pageKeys.has(key) && !pluralKeys.has(key),
    );
    assert.deepEqual(unused, [], `${language}: keys nothing uses`);
  });
}

test('English has the singular of every plural key', () => {
  for (const key of pluralKeys) {
    assert.ok(key in englishPlurals(), `English forms of ${key}`);
    // A form may leave the count out ("one note", Arabic's dual); every other placeholder stays.
    const withoutCount = (text) => placeholders(text).filter((name) => name !== 'n');
    for (const form of Object.values(englishPlurals()[key])) assert.deepEqual(withoutCount(form), withoutCount(key));
  }
});

test('every code of the checker has French and Arabic words, with the same placeholders', () => {
  initSync({
    module: readFileSync(new URL('../../www/generated/studio/adaptive_practice_studio_bg.wasm', import.meta.url)),
  });
  const codes = diagnosticCodes();
  assert.ok(codes.length > 30, `${codes.length} codes`);
  assert.ok(codes.some(({ code }) => code === 'unknownSkill'));
  for (const [language] of PAGE_LANGUAGES.filter(([code]) => code !== 'en')) {
    const words = DIAGNOSTICS[language];
    for (const { code, english } of codes) {
      assert.equal(typeof words[code], 'string', `${language}: no words for the checker's code ${code}`);
      assert.deepEqual(placeholders(words[code]), placeholders(english), `${language}: ${code}`);
    }
    const known = new Set(codes.map(({ code }) => code));
    assert.deepEqual(
      Object.keys(words).filter((code) => !known.has(code)),
      [],
      `${language}: codes the checker does not have`,
    );
  }
});

test('a problem is worded by its code, inner problems too, and in English as the engine says it', () => {
  const inVariant = {
    code: 'inVariant',
    params: { seed: '3' },
    message: 'in the variant of seed 3: the prompt is empty',
    inner: { code: 'emptyPrompt', params: {}, message: 'the prompt is empty' },
  };
  // setLanguage also sets the page's lang and dir: in node, on a stand-in.
  globalThis.document ??= { documentElement: {} };
  try {
    setLanguage('fr', { remember: false });
    assert.equal(problemWords(inVariant), 'dans la variante tirée avec la graine 3 : la question est vide');
    setLanguage('ar', { remember: false });
    assert.equal(
      problemWords({ code: 'unknownSkill', params: { skill: '"x"' }, message: '' }),
      // On a right-to-left page each value is isolated, to keep its own direction.
      'مهارة غير معروفة: \u2068"x"\u2069',
    );
    setLanguage('en', { remember: false });
    assert.equal(problemWords(inVariant), inVariant.message);
  } finally {
    setLanguage('en', { remember: false });
  }
});

/** Items broken in the ways an author breaks them while writing, one detail sentence or more each. */
const BROKEN_ITEMS = [
  { type: 'numeric', answer: 4, misconceptions: [{ answer: '', feedback: '' }] },
  { type: 'numeric', answer: 'abc' },
  { type: 'numeric' },
  { type: 'essay', answer: 4 },
  { type: 'numeric', answer: 4, tolerance: 1e9 },
  { type: 'numeric', answer: 4, hints: [{ text: '', scaffold: { prompt: 'q', type: 'numeric', answer: '' } }] },
  { type: 'mathExpression', answer: '' },
  { type: 'mathExpression', answer: 'x+' },
  { type: 'mathExpression', answer: '(x+1' },
  { type: 'mathExpression', answer: 'x+*2' },
  { type: 'mathExpression', answer: 'y = 2x', solvedFor: 'x' },
  { type: 'numeric', answer: '{{a*b}}', template: { variables: { a: { min: 1, max: 3 } } } },
  { type: 'numeric', answer: '{{a*}}', template: { variables: { a: { min: 1, max: 3 } } } },
  { type: 'numeric', answer: '{{a', template: { variables: { a: { min: 1, max: 3 } } } },
  { type: 'numeric', answer: 4, template: { variables: { a: { min: 3, max: 1 } } } },
  { type: 'numeric', answer: 4, prompt: '$\\frac{1}{$' },
  { type: 'numeric', answer: 4, prompt: '$x^$' },
  { type: 'numeric', answer: 4, prompt: '$\\foo$' },
  { type: 'numeric', answer: 4, prompt: '![](media/a.png)' },
  { type: 'numeric', answer: 4, prompt: 'a ![b](media/a.png) c' },
  { type: 'numeric', answer: 4, prompt: 'costs $5 today' },
];

test('every detail sentence of the checker for a broken bank is in French and Arabic', () => {
  initSync({
    module: readFileSync(new URL('../../www/generated/studio/adaptive_practice_studio_bg.wasm', import.meta.url)),
  });
  const details = BROKEN_ITEMS.flatMap((item) =>
    checkBank(
      JSON.stringify({
        id: 'b',
        version: '1',
        title: 'B',
        skills: [{ id: 's', name: 'S' }],
        items: [{ id: 'i', skills: ['s'], prompt: 'p', ...item }],
      }),
    )
      .map((problem) => problem.params.detail ?? problem.inner?.params?.detail)
      .filter(Boolean),
  );
  assert.ok(details.length >= BROKEN_ITEMS.length, `${details.length} details`);
  for (const [language] of PAGE_LANGUAGES.filter(([code]) => code !== 'en')) {
    const untranslated = details.filter((detail) => !detailWords(detail, language).complete);
    assert.deepEqual(untranslated, [], `${language}: details without words`);
  }
  assert.equal(
    detailWords('the answer cannot be computed: the expression ends too early', 'fr').text,
    'la réponse ne peut pas être calculée : l’expression s’arrête trop tôt',
  );
  assert.deepEqual(detailWords('some sentence the catalog lacks', 'fr'), {
    text: 'some sentence the catalog lacks',
    complete: false,
  });
});

test('the detail catalogs have the same sentences, with the same placeholders', () => {
  const english = Object.keys(DETAILS.fr).sort();
  for (const [language] of PAGE_LANGUAGES.filter(([code]) => code !== 'en')) {
    assert.deepEqual(Object.keys(DETAILS[language]).sort(), english, language);
    for (const [key, words] of Object.entries(DETAILS[language])) {
      assert.deepEqual(placeholders(words), placeholders(key), `${language}: ${key}`);
    }
  }
});
