#!/usr/bin/env bash
#! Fuzzes the engine's untrusted-input entry points (JSON reader, bank loader, templates, answer checkers,
#! the expression and equation parser, markup, the progress loader and import, the report reader) with cargo-fuzz (libFuzzer, nightly), each for FUZZ_SECONDS (default 60). Installs
#! cargo-fuzz when missing (idempotent). Crashes land in fuzz/artifacts/<target>/; keep each as
#! a regression test in the engine once fixed. Exits non-zero when a target crashed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
# Seed corpora from the sample banks (items for the template target, [kind, response] pairs for
# the checkers, banks and prompts for the others), once.
node - <<'NODE'
const fs = require('fs');
const seed = (target, name, text) => {
  const dir = `fuzz/corpus/${target}`;
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(`${dir}/${name}`)) fs.writeFileSync(`${dir}/${name}`, text);
};
for (const file of fs.readdirSync('www/banks').filter((f) => f.endsWith('.json'))) {
  const text = fs.readFileSync(`www/banks/${file}`, 'utf8');
  seed('bank_loader', file, text);
  seed('json_reader', file, text);
  let bank;
  try { bank = JSON.parse(text); } catch { continue; }
  for (const [n, item] of (bank.items || []).entries()) {
    const zeros = Buffer.alloc(8);
    seed('template', `${file}-${n}`, Buffer.concat([zeros, Buffer.from(JSON.stringify(item))]));
    const { id, skills, prompt, solution, hints, difficulty, template, ...kind } = item;
    for (const response of [{ kind: 'text', value: '3/4' }, { kind: 'choice', value: 1 }, { kind: 'choices', value: [0, 2] }]) {
      seed('answer_checkers', `${file}-${n}-${response.kind}`, JSON.stringify([kind, response]));
    }
    if (typeof item.prompt === 'string') seed('markup', `${file}-${n}`, item.prompt);
  }
}
// Author's answer, a newline, a learner's answer: equations, inequalities, lists, intervals.
const typed = [
  'h = 2A/b\nhb = 2A', 'y = 2x + 1\n2x - y + 1 = 0', 'x > 3\n-x < -3', '-9, (0, 7)\n-9; (0 ; 7)',
  '[2, 5)\n]2 ; 5[', 'x = 2 or x = -3\nx=-3 ou x=2', '7/12\n\\frac{21}{36}', '1500\n1,5 × 10^3',
  '12\n0,12 m', 'x^2\nx²', 'sqrt(2)/2\n√(2)/2', '(-inf, 3]\n(-∞ ; 3]',
];
typed.forEach((text, n) => seed('expression_parser', `typed-${n}`, text));
// Saved progress of every released format, and a report.
const fixtures = 'crates/engine/tests/fixtures';
for (const file of fs.readdirSync(fixtures).filter((f) => f.startsWith('progress-'))) {
  seed('progress_loader', file, fs.readFileSync(`${fixtures}/${file}`, 'utf8'));
}
seed('report_reader', 'report.json', JSON.stringify({
  format: 'adaptive-practice-report', version: 1, bankId: 'fractions', bankVersion: '1.0.0',
  learner: 'Ada', createdAt: 1764000000000, answerCount: 3, correctCount: 2, timeOnTaskSeconds: 41,
  skills: [{ id: 'fraction-meaning', name: 'Meaning', state: 'learning', mastery: 0.62, certainty: 0.3, attempts: 3, correct: 2 }],
  items: [{ id: 'meaning-01', attempts: 2, correct: 1 }, { id: 'meaning-02', attempts: 1, correct: 1 }],
}));
NODE
status=0
for target in $(cargo +nightly fuzz list --fuzz-dir fuzz); do
  echo "== fuzz $target (${SECONDS_PER_TARGET}s) =="
  log="fuzz/artifacts/$target.log"
  mkdir -p fuzz/artifacts "fuzz/corpus/$target"
  if cargo +nightly fuzz run --fuzz-dir fuzz "$target" -- -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 >"$log" 2>&1; then
    echo "ok: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"
  else
    status=1
    echo "CRASH: see $log and fuzz/artifacts/$target/"
    tail -30 "$log"
  fi
done
exit $status
