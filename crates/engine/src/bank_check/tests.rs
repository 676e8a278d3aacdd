//! `load_bank` on banks a careless or hostile author could write: every problem a learner would
//! meet (a value shown as `inf`, math that does not render, a tolerance that accepts anything)
//! is an error, so the widget refuses the bank; remote media are a warning.

use expect_test::{expect, Expect};

use crate::bank_check::{
    load_bank, placeholders, read_bank, BankRead, Code, CodedDiagnostic, Diagnostic,
};

/// A bank of one skill (`minEvidence` 1, so no warning about too few items) around `items`.
fn bank_with(items: &str) -> String {
    format!(
        r#"{{ "id": "b", "version": "1", "title": "B", "settings": {{ "minEvidence": 1 }},
             "skills": [ {{ "id": "s", "name": "S" }} ], "items": [ {items} ] }}"#
    )
}

fn check_load(items: &str, expect: Expect) {
    let loaded = load_bank(&bank_with(items));
    let verdict = if loaded.bank.is_some() {
        "accepted"
    } else {
        "refused"
    };
    let lines: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    expect.assert_eq(&format!("{verdict}\n{}", lines.join("\n")));
}

#[test]
fn a_tolerance_that_accepts_every_answer_is_refused() {
    check_load(
        r#"{ "id": "n", "skills": ["s"], "type": "numeric", "prompt": "2 + 2?", "answer": 4, "tolerance": 1e308 }"#,
        expect![[r#"
            refused
            error at $.items[0] ("n").tolerance: the tolerance is so wide that almost any number is right"#]],
    );
}

#[test]
fn a_gap_mark_without_its_blank_is_a_warning() {
    // Written before the second blank was added: the learner would see "divided by ." with no
    // field; a mark written twice is not this problem.
    check_load(
        r#"{ "id": "g", "skills": ["s"], "type": "fillBlanks", "prompt": "Speed is [[1]] divided by [[2]]. [[0]] [[1]]",
             "blanks": [ { "answers": ["distance"] } ] }"#,
        expect![[r#"
            accepted
            warning at $.items[0] ("g").prompt: the prompt has a gap [[2]] but no blank 2
            warning at $.items[0] ("g").prompt: the prompt has a gap [[0]] but no blank 0"#]],
    );
}

#[test]
fn a_template_value_that_is_not_finite_is_refused_wherever_it_is_shown() {
    check_load(
        r#"{ "id": "t", "skills": ["s"], "type": "numeric", "prompt": "What is {{9^9^9^9}} minus {{a}}?",
             "answer": "{{a}}", "template": { "variables": { "a": { "min": 1, "max": 5 } } } }"#,
        expect![[r#"
            refused
            error at $.items[0] ("t").template: {{9^9^9^9}}: the value is not a finite number"#]],
    );
}

#[test]
fn a_drop_down_blank_needs_two_choices_and_a_right_one_among_them() {
    check_load(
        r#"{ "id": "d", "skills": ["s"], "type": "fillBlanks", "prompt": "[[1]] [[2]] [[3]] [[4]]",
             "blanks": [ { "answers": ["gas"], "choices": ["solid", "gas"] },
                         { "answers": ["gas"], "choices": ["gas"] },
                         { "answers": ["gas"], "choices": ["solid", "liquid"] },
                         { "answers": ["gas"], "choices": ["gas", " "] } ] }"#,
        expect![[r#"
            refused
            error at $.items[0] ("d").blanks: blank 2: a drop-down needs two choices or more, none empty, one right
            error at $.items[0] ("d").blanks: blank 3: a drop-down needs two choices or more, none empty, one right
            error at $.items[0] ("d").blanks: blank 4: a drop-down needs two choices or more, none empty, one right"#]],
    );
    check_load(
        r#"{ "id": "d", "skills": ["s"], "type": "fillBlanks", "prompt": "Water boils at [[1]] °C.",
             "blanks": [ { "numeric": "100", "choices": ["0", "100.0", "212"] } ] }"#,
        expect![[r#"
            accepted
        "#]],
    );
}

#[test]
fn math_that_does_not_parse_is_refused_at_its_text() {
    check_load(
        r#"{ "id": "m", "skills": ["s"], "type": "numeric", "prompt": "What is $\\frac{1}{$?", "answer": 4,
             "hints": ["Think of $x^$."] }"#,
        expect![[r#"
            refused
            error at $.items[0] ("m").prompt: in math `\frac{1}{`: a `{` is never closed with `}`
            error at $.items[0] ("m").hints[0]: in math `x^`: a `^`, `_`, \frac or \sqrt is missing its argument"#]],
    );
}

#[test]
fn a_dollar_amount_is_only_a_warning() {
    check_load(
        r#"{ "id": "d", "skills": ["s"], "type": "numeric", "prompt": "It costs $5. How many for $20?", "answer": 4 }"#,
        expect![[r#"
            accepted
            warning at $.items[0] ("d").prompt: `$` starts math that is never closed (write \$ for a dollar sign): `$5. How many for $20?`
            warning at $.items[0] ("d").prompt: `$` starts math that is never closed (write \$ for a dollar sign): `$20?`"#]],
    );
}

#[test]
fn every_remote_media_address_is_a_warning() {
    check_load(
        r#"{ "id": "r", "skills": ["s"], "type": "numeric", "answer": 4,
             "prompt": "Look:\n\n![a pixel](http://evil.example/pixel.gif?item=r)\n\n![local](media/bars.svg)",
             "solution": "![audio: it says four](https://cdn.example/a.ogg)" }"#,
        expect![[r#"
            accepted
            warning at $.items[0] ("r").prompt: the media http://evil.example/pixel.gif?item=r is on another site: the widget loads it only when the page lists its origin in `media-origins`, and loading it tells that site which items a learner sees
            warning at $.items[0] ("r").solution: the media https://cdn.example/a.ogg is on another site: the widget loads it only when the page lists its origin in `media-origins`, and loading it tells that site which items a learner sees"#]],
    );
}

/// Each problem of `bank` as `severity code(param=value, …) at path`, checking on the way that its
/// parameters are exactly the placeholders of its code's English text.
fn check_codes(bank: &str, expect: Expect) {
    let checked = crate::bank_check::load_bank_coded(bank);
    let lines: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|found| {
            let problem = &found.problem;
            let mut names: Vec<&str> = problem.params.iter().map(|(name, _)| *name).collect();
            if problem.inner.is_some() {
                names.push("problem");
            }
            names.sort_unstable();
            let mut wanted = placeholders(problem.code.english());
            wanted.sort_unstable();
            assert_eq!(names, wanted, "{problem:?}");
            let params: Vec<String> = problem
                .params
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            let inner = problem
                .inner
                .as_ref()
                .map_or(String::new(), |inner| format!(" > {}", inner.code.name()));
            format!(
                "{:?} {}({}){inner} at {}",
                found.severity,
                problem.code.name(),
                params.join(", "),
                found.path
            )
        })
        .collect();
    expect.assert_eq(&lines.join("\n"));
    let english: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .map(|found| found.diagnostic())
        .collect();
    assert_eq!(english, load_bank(bank).diagnostics);
}

#[test]
fn every_code_has_a_unique_name_and_english_words() {
    let mut names: Vec<&str> = Code::ALL.iter().map(|code| code.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Code::ALL.len());
    for code in Code::ALL {
        assert!(!code.english().trim().is_empty(), "{code:?}");
    }
}

#[test]
fn problems_are_codes_with_the_parameters_their_words_name() {
    check_codes(
        r#"{ "id": "b", "version": "1", "title": "B",
             "settings": { "targetSuccess": 2 },
             "skills": [ { "id": "s", "name": "S", "prerequisites": ["t", "nope"] },
                         { "id": "t", "name": "T", "prerequisites": ["s"] }, { "id": "s", "name": "S again" } ],
             "items": [
               { "id": "a", "skills": [], "type": "singleChoice", "prompt": " ", "choices": [{ "text": "x" }], "answer": 3 },
               { "id": "a", "skills": ["u"], "type": "fillBlanks", "prompt": "No gap", "blanks": [{ "answers": [""] }] },
               { "id": "c", "skills": ["s"], "type": "numeric", "prompt": "{{a}}?", "answer": "{{a}}",
                 "template": { "variables": { "a": { "min": 1, "max": 5 } } },
                 "misconceptions": [{ "answer": "{{a}}", "feedback": "Same" }] },
               { "id": "d", "skills": ["s"], "type": "multiStep", "prompt": "Steps", "steps": [] },
               { "id": "e", "skills": ["s"], "type": "shortText", "prompt": "Words $x^$ ![](https://x.example/a.png)", "answers": [""],
                 "hints": [{ "text": "" }] },
               { "id": "f", "skills": ["s"], "type": "numeric", "prompt": "Speed?", "answer": "1e400" }
             ] }"#,
        expect![[r#"
            Error unreadableElement(detail=cannot read "1e400" as a number) at $.items[5] ("f")
            Error skillIdUsedTwice(id="s") at $.skills[2] ("s")
            Error unknownSkill(skill="nope") at $.skills[0] ("s").prerequisites[1]
            Error prerequisiteCycle(cycle=s -> t -> s) at $.skills
            Error noSkill() at $.items[0] ("a").skills
            Error emptyPrompt() at $.items[0] ("a").prompt
            Error fewChoices() at $.items[0] ("a").choices
            Error answerChoiceMissing(answer=3, count=1) at $.items[0] ("a").answer
            Error itemIdUsedTwice(id="a") at $.items[1] ("a")
            Error unknownSkill(skill="u") at $.items[1] ("a").skills[0]
            Error emptyBlank() at $.items[1] ("a").blanks[0]
            Error missingGap(number=1) at $.items[1] ("a").prompt
            Error inVariant(seed=0) > wrongAnswerIsRight at $.items[2] ("c").misconceptions[0]
            Error noSteps() at $.items[3] ("d").steps
            Error noAcceptedAnswer() at $.items[4] ("e").answers
            Error hintWithoutText() at $.items[4] ("e").hints[0]
            Warning fewItemsForSkill(count=3, needed=4) at $.skills[0] ("s")
            Warning fewItemsForSkill(count=0, needed=4) at $.skills[1] ("t")
            Warning fewItemsForSkill(count=3, needed=4) at $.skills[2] ("s")
            Error settingOutOfRange(min=0.05, max=0.95) at $.settings.targetSuccess
            Error markupProblem(detail=in math `x^`: a `^`, `_`, \frac or \sqrt is missing its argument) at $.items[4] ("e").prompt
            Error markupProblem(detail=an image inside a line of text is shown as its alt text; put `![alt](address)` on a line of its own) at $.items[4] ("e").prompt"#]],
    );
    check_codes("[1, 2]", expect!["Error notAnObject() at $"]);
    check_codes(
        "{ \"id\": 1 ",
        expect!["Error notJson(detail=EOF while parsing an object) at line 1, column 10"],
    );
}

/// What `read_bank` says before the answers and texts are checked (`accepted so far` or
/// `refused`, with its diagnostics), then what `LaterChecks::check` adds: the widget's two steps.
fn check_in_two_steps(items: &str, expect: Expect) {
    let lines = |diagnostics: &[CodedDiagnostic]| -> Vec<String> {
        diagnostics
            .iter()
            .map(|d| d.diagnostic().to_string())
            .collect()
    };
    let report = match read_bank(&bank_with(items)) {
        BankRead::Checked { bank, later } => {
            format!(
                "accepted so far\nlater:\n{}",
                lines(&later.check(&bank)).join("\n")
            )
        }
        BankRead::Refused(diagnostics) => format!("refused\n{}", lines(&diagnostics).join("\n")),
    };
    expect.assert_eq(&report);
}

#[test]
fn a_bank_whose_only_errors_are_in_its_texts_is_read_then_refused_by_the_text_checks() {
    check_in_two_steps(
        r#"{ "id": "m", "skills": ["s"], "type": "numeric", "prompt": "What is $\\frac{1}{$?", "answer": 4,
             "hints": ["Two pens at $2 each."] }"#,
        expect![[r#"
            accepted so far
            later:
            error at $.items[0] ("m").prompt: in math `\frac{1}{`: a `{` is never closed with `}`
            warning at $.items[0] ("m").hints[0]: `$` starts math that is never closed (write \$ for a dollar sign): `$2 each.`"#]],
    );
}

#[test]
fn a_bank_with_an_error_in_its_structure_is_refused_at_once_with_every_other_problem_too() {
    check_in_two_steps(
        r#"{ "id": "n", "skills": ["nowhere"], "type": "numeric", "prompt": "What is $x^$?", "answer": 4, "tolerance": 1e308 }"#,
        expect![[r#"
            refused
            error at $.items[0] ("n").skills[0]: unknown skill "nowhere"
            error at $.items[0] ("n").tolerance: the tolerance is so wide that almost any number is right
            warning at $.skills[0] ("s"): only 0 item(s) practise this skill; mastery needs 1 answers
            error at $.items[0] ("n").prompt: in math `x^`: a `^`, `_`, \frac or \sqrt is missing its argument"#]],
    );
}

#[test]
fn a_bank_whose_errors_are_in_its_answers_and_texts_is_read_then_refused_by_the_later_checks() {
    check_in_two_steps(
        r#"{ "id": "n", "skills": ["s"], "type": "numeric", "prompt": "What is $x^$?", "answer": 4, "tolerance": 1e308 }"#,
        expect![[r#"
            accepted so far
            later:
            error at $.items[0] ("n").tolerance: the tolerance is so wide that almost any number is right
            error at $.items[0] ("n").prompt: in math `x^`: a `^`, `_`, \frac or \sqrt is missing its argument"#]],
    );
}

#[test]
fn the_warnings_found_before_the_texts_come_first_in_the_text_checks() {
    let bank = r#"{ "id": "b", "version": "1", "title": "B", "skills": [ { "id": "s", "name": "S" } ],
        "items": [ { "id": "c", "skills": ["s"], "type": "singleChoice", "prompt": "![](far.png)",
                     "choices": [ { "text": "a" }, { "text": "b" } ], "answer": 0 } ] }"#;
    let BankRead::Checked { bank: read, later } = read_bank(bank) else {
        panic!("refused");
    };
    let whole = load_bank(bank);
    let two_steps: Vec<Diagnostic> = later.check(&read).iter().map(|d| d.diagnostic()).collect();
    assert_eq!(two_steps, whole.diagnostics);
    assert!(
        whole.bank.is_none() && two_steps.len() >= 2,
        "{two_steps:?}"
    );
}
