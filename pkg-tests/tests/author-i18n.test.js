// The authoring page's catalogs (www/author-i18n.js), in node: every key that author.js and
// author.html use is in every catalog, with the same {placeholders}, and every plural key has
// every plural form its language needs (CLDR categories, from Intl.PluralRules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CATALOGS, englishPlurals, PAGE_LANGUAGES } from '../../www/author-i18n.js';

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
