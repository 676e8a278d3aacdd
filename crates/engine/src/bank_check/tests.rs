//! `load_bank` on banks a careless or hostile author could write: every problem a learner would
//! meet (a value shown as `inf`, math that does not render, a tolerance that accepts anything)
//! is an error, so the widget refuses the bank; remote media are a warning.

use expect_test::{expect, Expect};

use crate::bank_check::load_bank;

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
