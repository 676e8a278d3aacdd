//! The expression and equation parser and what judges typed math: arbitrary text as a learner's
//! answer and as an author's answer (the text before the first newline), parsed in both name
//! styles, compared as expressions and as equations or inequalities, read as a number in three
//! languages, as a list, tuple, set, interval and solution list, and with a unit. Nothing may
//! panic, overflow the stack or hang.
#![no_main]
use adaptive_practice_engine::answer::{check_response_with, Reading, Response};
use adaptive_practice_engine::equations::{compare_relations, forms, solved_variable};
use adaptive_practice_engine::expression::{parse_expression, same_value, NameStyle};
use adaptive_practice_engine::lists::{read_shapes, AnswerForm};
use adaptive_practice_engine::numbers::{read_number, NumberStyle};
use adaptive_practice_engine::units::split_unit;
use adaptive_practice_engine::ItemKind;
use libfuzzer_sys::fuzz_target;

const FORMS: [Option<AnswerForm>; 6] = [
    None,
    Some(AnswerForm::List),
    Some(AnswerForm::Tuple),
    Some(AnswerForm::Set),
    Some(AnswerForm::Interval),
    Some(AnswerForm::Solutions),
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (author, learner) = text.split_once('\n').unwrap_or((text, text));
    for style in [NameStyle::SingleLetters, NameStyle::Identifiers] {
        let _ = parse_expression(learner, style);
    }
    if let (Ok(expected), Ok(given)) = (
        parse_expression(author, NameStyle::SingleLetters),
        parse_expression(learner, NameStyle::SingleLetters),
    ) {
        let _ = same_value(&expected, &given, 1e-9, false);
        let _ = compare_relations(&expected, &given);
        let _ = solved_variable(&given);
        let _ = forms::is_slope_intercept(&given);
        let _ = forms::is_standard(&given);
        let _ = forms::fractions_in_lowest_terms(&given);
    }
    for language in ["en", "fr", "ar", "de"] {
        let _ = read_number(learner, &NumberStyle::for_language(Some(language)));
    }
    let _ = split_unit(learner);
    for form in FORMS.into_iter().flatten() {
        let _ = read_shapes(learner, form, true);
        let _ = read_shapes(learner, form, false);
    }
    let response = Response::Text(learner.to_string());
    for answer_form in FORMS {
        let kind = ItemKind::MathExpression {
            answer: author.to_string(),
            tolerance: None,
            misconceptions: Vec::new(),
            answer_form,
            solved_for: Some("h".into()),
            form: None,
        };
        for language in ["en", "fr"] {
            let reading = Reading {
                either_number_reading: true,
                ..Reading::of_language(Some(language))
            };
            let _ = check_response_with(&kind, &response, &reading);
        }
    }
});
