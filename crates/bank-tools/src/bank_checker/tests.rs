//! Checker tests: each is one call to a `check_*` helper with a bank and the lines it gives.
//! Update the expected lines with `UPDATE_EXPECT=1 cargo test -p adaptive-practice-bank-tools`.

use std::path::{Path, PathBuf};

use adaptive_practice_engine::Severity;
use expect_test::{expect, Expect};

use super::{
    check_bank_file, check_bank_text, count_by_severity, diagnostic_lines, markup_problem_severity,
    summary_line,
};

fn broken_banks_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("broken-banks")
}

/// The lines `check-bank` prints for one file of `tests/broken-banks/`, summary included.
fn check_broken_bank(file_name: &str, expect: Expect) {
    let diagnostics = check_bank_file(&broken_banks_folder().join(file_name))
        .unwrap_or_else(|error| panic!("cannot read {file_name}: {error}"));
    let (errors, warnings) = count_by_severity(&diagnostics);
    let mut lines = diagnostic_lines(file_name, &diagnostics);
    lines.push(summary_line(errors, warnings));
    expect.assert_eq(&(lines.join("\n") + "\n"));
}

/// The diagnostics of a bank given as text (no media check), one per line.
fn check_text(bank: &str, expect: Expect) {
    let lines: String = diagnostic_lines("bank", &check_bank_text(bank, None))
        .iter()
        .map(|line| format!("{line}\n"))
        .collect();
    expect.assert_eq(&lines);
}

#[test]
fn invalid_json_is_reported_with_its_line() {
    check_broken_bank(
        "invalid-json.json",
        expect![[r#"
            invalid-json.json: error at line 5, column 3: the file is not valid JSON: expected `,` or `}`
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn unknown_skill_is_reported_at_the_items_skill() {
    check_broken_bank(
        "unknown-skill.json",
        expect![[r#"
            unknown-skill.json: error at $.items[1] ("a2").skills[1]: unknown skill "multiplying"
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn prerequisite_cycle_is_reported_with_the_cycle() {
    check_broken_bank(
        "prerequisite-cycle.json",
        expect![[r#"
            prerequisite-cycle.json: error at $.skills: prerequisites form a cycle: adding -> counting -> adding
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn duplicate_item_id_is_reported_at_the_second_item() {
    check_broken_bank(
        "duplicate-item-id.json",
        expect![[r#"
            duplicate-item-id.json: error at $.items[1] ("a1"): the item id "a1" is used twice
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn choice_answer_out_of_range_is_reported_at_the_answer() {
    check_broken_bank(
        "choice-answer-out-of-range.json",
        expect![[r#"
            choice-answer-out-of-range.json: error at $.items[0] ("c1").answer: the answer is choice 2 but there are only 2 choices (counted from 0)
            1 error(s), 0 warning(s)
        "#]],
    );
}

/// `bank_check` compares the answer's text, read again, with its value: they differ only when
/// writing the value rounded it, which happens for large numbers with decimals.
#[test]
fn numeric_answer_outside_its_tolerance_is_reported_at_the_answer() {
    check_broken_bank(
        "numeric-answer-outside-tolerance.json",
        expect![[r#"
            numeric-answer-outside-tolerance.json: error at $.items[0] ("m1").answer: the answer does not satisfy its own tolerance
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn impossible_template_is_reported_once_and_its_placeholders_are_not_markup_errors() {
    check_broken_bank(
        "impossible-template.json",
        expect![[r#"
            impossible-template.json: error at $.items[0] ("t1").template: the constraints did not hold in 200 draws: they may be impossible
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn image_without_alt_text_is_reported_at_the_prompt() {
    check_broken_bank(
        "image-without-alt-text.json",
        expect![[r#"
            image-without-alt-text.json: error at $.items[0] ("r1").prompt: the image `https://example.org/bars.svg` has no alt text: describe it, as in ![a bar chart of …](file.png)
            image-without-alt-text.json: warning at $.items[0] ("r1").prompt: the media https://example.org/bars.svg is on another site: the widget loads it only when the page lists its origin in `media-origins`, and loading it tells that site which items a learner sees
            1 error(s), 1 warning(s)
        "#]],
    );
}

#[test]
fn latex_that_does_not_parse_is_reported_at_the_hint() {
    check_broken_bank(
        "latex-that-does-not-parse.json",
        expect![[r#"
            latex-that-does-not-parse.json: error at $.items[0] ("f1").hints[1]: in math `\frac{1}{2} = \frac{2}{4`: a `{` is never closed with `}`
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn skill_with_too_few_items_is_a_warning() {
    check_broken_bank(
        "skill-with-too-few-items.json",
        expect![[r#"
            skill-with-too-few-items.json: warning at $.skills[0] ("adding"): only 2 item(s) practise this skill; mastery needs 4 answers
            0 error(s), 1 warning(s)
        "#]],
    );
}

#[test]
fn missing_media_file_is_an_error() {
    check_broken_bank(
        "missing-media-file.json",
        expect![[r#"
            missing-media-file.json: error at $.items[0] ("r1").prompt: the media file "media/bars.svg" does not exist next to the bank
            1 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn a_tolerance_so_wide_that_anything_is_right_is_an_error() {
    check_broken_bank(
        "tolerance-so-wide-anything-is-right.json",
        expect![[r#"
        tolerance-so-wide-anything-is-right.json: error at $.items[0] ("s1").tolerance: the tolerance is so wide that almost any number is right
        tolerance-so-wide-anything-is-right.json: error at $.items[1] ("s2").tolerance: the tolerance is so wide that almost any number is right
        2 error(s), 0 warning(s)
    "#]],
    );
}

#[test]
fn text_answers_read_as_algebra_and_ambiguous_numbers_are_reported() {
    check_broken_bank(
        "text-answer-read-as-algebra.json",
        expect![[r#"
        text-answer-read-as-algebra.json: warning at $.items[0] ("l1").answer: "NA" is compared as text, not as math; a shortText item says so plainly
        text-answer-read-as-algebra.json: warning at $.items[1] ("l2").answer: "YB" is read as a product of letters; if it is a word, use a shortText item
        text-answer-read-as-algebra.json: error at $.items[2] ("l3").solvedFor: the answer is not an equation solved for h
        text-answer-read-as-algebra.json: warning at $.items[3] ("l4").answer: "1,500" has two readings (1500 is used); write it without a separator or as a number
        1 error(s), 3 warning(s)
    "#]],
    );
}

#[test]
fn a_template_value_that_overflows_is_an_error() {
    check_broken_bank(
        "template-value-overflows.json",
        expect![[r#"
            template-value-overflows.json: error at $.items[0] ("p1").answer: in the variant of seed 0: the answer 9223372036854775807 is too large to be exact (a template value may overflow)
            template-value-overflows.json: error at $.items[1] ("p2").template: {{10^n}}: the value is not a finite number
            2 error(s), 0 warning(s)
        "#]],
    );
}

#[test]
fn every_broken_bank_has_a_test() {
    let mut names: Vec<String> = std::fs::read_dir(broken_banks_folder())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    expect![[r#"
        choice-answer-out-of-range.json
        duplicate-item-id.json
        image-without-alt-text.json
        impossible-template.json
        invalid-json.json
        latex-that-does-not-parse.json
        missing-media-file.json
        numeric-answer-outside-tolerance.json
        prerequisite-cycle.json
        skill-with-too-few-items.json
        template-value-overflows.json
        text-answer-read-as-algebra.json
        tolerance-so-wide-anything-is-right.json
        unknown-skill.json
    "#]]
    .assert_eq(&(names.join("\n") + "\n"));
}

#[test]
fn every_sample_bank_has_no_errors() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/banks");
    let mut banks: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    banks.retain(|path| {
        path.extension()
            .is_some_and(|extension| extension == "json")
    });
    banks.sort();
    assert!(!banks.is_empty(), "no sample banks in {}", folder.display());
    for bank in banks {
        let label = bank
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let diagnostics =
            check_bank_file(&bank).unwrap_or_else(|error| panic!("cannot read {label}: {error}"));
        let lines = diagnostic_lines(&label, &diagnostics);
        let (errors, warnings) = count_by_severity(&diagnostics);
        println!("{label}: {}", summary_line(errors, warnings));
        for line in &lines {
            println!("  {line}");
        }
        assert_eq!(errors, 0, "{label} has errors:\n{}", lines.join("\n"));
    }
}

#[test]
fn every_text_field_is_checked_with_its_path() {
    check_text(
        r#"{ "id": "b", "version": "1", "title": "B", "settings": { "minEvidence": 1 },
             "skills": [ { "id": "s", "name": "S" } ],
             "items": [
               { "id": "c", "skills": ["s"], "type": "singleChoice", "prompt": "$\\frac{1$", "answer": 0,
                 "choices": [ { "text": "$\\foo$", "feedback": "$x^$" }, { "text": "ok" } ],
                 "solution": "$\\bar$" },
               { "id": "m", "skills": ["s"], "type": "multiStep", "prompt": "Two steps.",
                 "steps": [
                   { "prompt": "$}$", "type": "numeric", "answer": 1,
                     "misconceptions": [ { "answer": 2, "feedback": "$\\left($" } ] },
                   { "prompt": "Fine.", "type": "numeric", "answer": 2,
                     "hints": [ "$a^^b$", { "text": "Try this:", "scaffold": { "prompt": "$\\sqrt$", "type": "numeric", "answer": 4 } } ] }
                 ] }
             ] }"#,
        expect![[r#"
            bank: error at $.items[0] ("c").prompt: in math `\frac{1`: a `{` is never closed with `}`
            bank: error at $.items[0] ("c").prompt: in math `\frac{1`: a `^`, `_`, \frac or \sqrt is missing its argument
            bank: error at $.items[0] ("c").choices[0].text: in math `\foo`: unknown command \foo
            bank: error at $.items[0] ("c").choices[0].feedback: in math `x^`: a `^`, `_`, \frac or \sqrt is missing its argument
            bank: error at $.items[0] ("c").solution: in math `\bar`: a `^`, `_`, \frac or \sqrt is missing its argument
            bank: error at $.items[1] ("m").steps[0].prompt: in math `}`: a `}` has no matching `{`
            bank: error at $.items[1] ("m").steps[0].misconceptions[0].feedback: in math `\left(`: \left has no matching \right
            bank: error at $.items[1] ("m").steps[1].hints[0]: in math `a^^b`: a `^`, `_`, \frac or \sqrt is missing its argument
            bank: error at $.items[1] ("m").steps[1].hints[0]: in math `a^^b`: a double superscript or subscript; use braces, e.g. x^{2^3}
            bank: error at $.items[1] ("m").steps[1].hints[1].scaffold.prompt: in math `\sqrt`: a `^`, `_`, \frac or \sqrt is missing its argument
        "#]],
    );
}

#[test]
fn template_texts_are_checked_with_values_filled_in() {
    check_text(
        r#"{ "id": "b", "version": "1", "title": "B", "settings": { "minEvidence": 1 },
             "skills": [ { "id": "s", "name": "S" } ],
             "items": [
               { "id": "t", "skills": ["s"], "type": "numeric", "prompt": "What is $\\frac{ {{a}} }{ {{b}} }$?",
                 "answer": "{{a / b}}", "tolerance": 0.01,
                 "template": { "variables": { "a": { "min": 1, "max": 3 }, "b": { "min": 4, "max": 6 } } } },
               { "id": "u", "skills": ["s"], "type": "numeric", "prompt": "Braces {{ outside a template }} are text.", "answer": 1 }
             ] }"#,
        expect![[""]],
    );
}

#[test]
fn markup_problems_are_errors_except_dollar_amounts() {
    let severities_of = |text: &str| -> Vec<Severity> {
        adaptive_practice_engine::markup::check_markup(text)
            .iter()
            .map(|p| markup_problem_severity(&p.message))
            .collect()
    };
    assert_eq!(
        severities_of("It costs $5 in the shop."),
        vec![Severity::Warning]
    );
    assert_eq!(
        severities_of("Solve $x + 1 = 2 for x."),
        vec![Severity::Error]
    );
    assert_eq!(severities_of("![](chart.svg)"), vec![Severity::Error]);
    assert_eq!(severities_of("$\\frac{1}{2$"), vec![Severity::Error]);
}
