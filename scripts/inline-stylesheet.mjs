// Writes the custom element module with the widget's stylesheet in it: `src/element.js` with its
// placeholder `'/* widget.css */'` replaced by the minified stylesheet (`widget.min.css`, which
// build.rs writes beside its generated Rust) as a JS string. The element then parses the
// stylesheet while the wasm module compiles, instead of reading it out of the wasm once it is
// instantiated (the first item painted about 2 ms sooner, README's figures). Run by
// scripts/build.sh and bench/build-profile.sh.
// Usage: node scripts/inline-stylesheet.mjs SOURCE_JS WIDGET_MIN_CSS OUT_JS
import { readFileSync, writeFileSync } from 'node:fs';

const PLACEHOLDER = "'/* widget.css */'";

const [source, stylesheet, out] = process.argv.slice(2);
if (!out) throw new Error('usage: node scripts/inline-stylesheet.mjs SOURCE_JS WIDGET_MIN_CSS OUT_JS');
const script = readFileSync(source, 'utf8');
const parts = script.split(PLACEHOLDER);
if (parts.length !== 2) throw new Error(`${source}: the placeholder ${PLACEHOLDER} must be there once`);
const css = readFileSync(stylesheet, 'utf8');
if (!css.includes(':host')) throw new Error(`${stylesheet}: not the widget's stylesheet`);
writeFileSync(out, parts.join(JSON.stringify(css)));
