//! Every item type, checked through `check_response`: one `check` call per case.

use expect_test::{expect, Expect};

use crate::answer::{check_response, Response};
use crate::bank::ItemKind;

fn kind(json: &str) -> ItemKind {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("test item does not parse: {e}"))
}

fn check(item_json: &str, response: Response, expect: Expect) {
    let verdict = match check_response(&kind(item_json), &response) {
        Ok(outcome) => {
            let feedback = outcome
                .feedback
                .map(|f| format!(" feedback={f:?}"))
                .unwrap_or_default();
            format!(
                "{} answer={}{feedback}",
                if outcome.correct { "right" } else { "wrong" },
                outcome.correct_answer
            )
        }
        Err(unreadable) => format!("unreadable: {}", unreadable.message()),
    };
    expect.assert_eq(&verdict);
}

fn text(value: &str) -> Response {
    Response::Text(value.to_string())
}

const MULTIPLE: &str = r#"{ "type": "multipleResponse", "choices": [ { "text": "2" }, { "text": "3" },
    { "text": "4", "feedback": "4 = 2 × 2." }, { "text": "5" } ], "answers": [0, 1, 3] }"#;

#[test]
fn multiple_response_needs_exactly_the_right_set() {
    check(
        MULTIPLE,
        Response::Choices(vec![3, 1, 0]),
        expect!["right answer=2; 3; 5"],
    );
    check(
        MULTIPLE,
        Response::Choices(vec![0, 1]),
        expect!["wrong answer=2; 3; 5"],
    );
    check(
        MULTIPLE,
        Response::Choices(vec![0, 1, 2, 3]),
        expect![[r#"wrong answer=2; 3; 5 feedback="4 = 2 × 2.""#]],
    );
    check(
        MULTIPLE,
        Response::Choices(vec![]),
        expect!["unreadable: Pick at least one choice."],
    );
}

const NUMERIC_RELATIVE: &str =
    r#"{ "type": "numeric", "answer": 1500, "relativeTolerance": 0.01 }"#;

#[test]
fn numeric_tolerance_can_be_relative() {
    check(NUMERIC_RELATIVE, text("1510"), expect!["right answer=1500"]);
    check(NUMERIC_RELATIVE, text("1520"), expect!["wrong answer=1500"]);
}

#[test]
fn the_ends_of_a_tolerance_count_whatever_the_rounding_of_doubles() {
    // A teacher's 0.3 ± 0.1 and 1.1 ± 0.1, and GIFT's range 3.1..3.2 (3.15 ± 0.05): each end's
    // difference from the answer is a little over the tolerance in doubles.
    let around = |answer: &str, tolerance: &str| {
        format!(r#"{{ "type": "numeric", "answer": {answer}, "tolerance": {tolerance} }}"#)
    };
    check(
        &around("0.3", "0.1"),
        text("0.4"),
        expect!["right answer=0.3"],
    );
    check(
        &around("0.3", "0.1"),
        text("0.2"),
        expect!["right answer=0.3"],
    );
    check(
        &around("1.1", "0.1"),
        text("1"),
        expect!["right answer=1.1"],
    );
    check(
        &around("3.15", "0.05"),
        text("3.2"),
        expect!["right answer=3.15"],
    );
    check(
        &around("3.15", "0.05"),
        text("3.21"),
        expect!["wrong answer=3.15"],
    );
    check(
        &around("0.3", "0.1"),
        text("0.41"),
        expect!["wrong answer=0.3"],
    );
}

const MATH: &str = r#"{ "type": "mathExpression", "answer": "7/12", "tolerance": 0.0001,
    "misconceptions": [ { "answer": "2/7", "feedback": "Numerators and denominators are not added." } ] }"#;

#[test]
fn math_answers_are_checked_by_value_not_spelling() {
    check(MATH, text("7/12"), expect!["right answer=7/12"]);
    check(MATH, text("21/36"), expect!["right answer=7/12"]);
    check(MATH, text(r"\frac{7}{12}"), expect!["right answer=7/12"]);
    check(MATH, text("0.58333"), expect!["right answer=7/12"]);
    check(MATH, text("7 ÷ 12"), expect!["right answer=7/12"]);
    check(MATH, text("0.58"), expect!["wrong answer=7/12"]);
    check(
        MATH,
        text("4/14"),
        expect![[r#"wrong answer=7/12 feedback="Numerators and denominators are not added.""#]],
    );
    check(
        MATH,
        text("7/"),
        expect!["unreadable: I cannot read “7/” as math: the expression ends too early."],
    );
    check(
        MATH,
        text(&"(".repeat(10_000)),
        expect!["unreadable: That answer is too long (more than 200 characters)."],
    );
    check(MATH, text(&"(".repeat(100)), expect!["unreadable: I cannot read “((((((((((((((((((((((((((((((((((((((((…” as math: the expression is nested too deeply."]);
}

const ALGEBRA: &str = r#"{ "type": "mathExpression", "answer": "2(x + 3)" }"#;

#[test]
fn algebraic_answers_are_compared_at_several_points() {
    check(ALGEBRA, text("2x + 6"), expect!["right answer=2(x + 3)"]);
    check(ALGEBRA, text("6 + x·2"), expect!["right answer=2(x + 3)"]);
    check(ALGEBRA, text("2x + 3"), expect!["wrong answer=2(x + 3)"]);
    check(ALGEBRA, text("2y + 6"), expect!["wrong answer=2(x + 3)"]);
}

const SHORT: &str = r#"{ "type": "shortText", "answers": ["Paris"], "pattern": "ville de paris*",
    "misconceptions": [ { "answer": "Lyon", "feedback": "Lyon is the third largest city." } ] }"#;

#[test]
fn short_text_is_normalized_before_comparing() {
    check(SHORT, text("  paris. "), expect!["right answer=Paris"]);
    check(SHORT, text("PARÍS"), expect!["right answer=Paris"]);
    check(SHORT, text("Paris,"), expect!["right answer=Paris"]);
    check(SHORT, text("paris ;"), expect!["right answer=Paris"]);
    check(SHORT, text(",Paris"), expect!["wrong answer=Paris"]);
    check(
        SHORT,
        text("Ville  de Paris, France"),
        expect!["right answer=Paris"],
    );
    check(
        SHORT,
        text("lyon"),
        expect![[r#"wrong answer=Paris feedback="Lyon is the third largest city.""#]],
    );
    check(SHORT, text("Marseille"), expect!["wrong answer=Paris"]);
}

const ACCENTS_MATTER: &str = r#"{ "type": "shortText", "answers": ["Élève"], "caseSensitive": true, "ignoreAccents": false }"#;

#[test]
fn short_text_can_respect_case_and_accents() {
    check(ACCENTS_MATTER, text("Élève"), expect!["right answer=Élève"]);
    check(ACCENTS_MATTER, text("Eleve"), expect!["wrong answer=Élève"]);
    check(ACCENTS_MATTER, text("élève"), expect!["wrong answer=Élève"]);
}

const GREEK: &str = r#"{ "type": "shortText", "answers": ["οδός", "Σοφία"] }"#;

/// Case is compared as Unicode's case folding does: capitals of any script, and the three forms
/// of sigma (Σ, σ, final ς) as one letter.
#[test]
fn short_text_ignores_case_in_every_script() {
    check(GREEK, text("ΟΔΌΣ"), expect!["right answer=οδός"]);
    check(GREEK, text("οδόσ"), expect!["right answer=οδός"]);
    check(GREEK, text("ΣΟΦΊΑ"), expect!["right answer=οδός"]);
    check(GREEK, text("οδόι"), expect!["wrong answer=οδός"]);
    check(SHORT, text("ИЗМИР"), expect!["wrong answer=Paris"]);
}

const ORDERING: &str = r#"{ "type": "ordering", "items": ["1/4", "1/3", "1/2"] }"#;

#[test]
fn ordering_is_right_only_in_the_listed_order() {
    check(
        ORDERING,
        Response::Order(vec![0, 1, 2]),
        expect!["right answer=1/4 → 1/3 → 1/2"],
    );
    check(
        ORDERING,
        Response::Order(vec![1, 0, 2]),
        expect!["wrong answer=1/4 → 1/3 → 1/2"],
    );
    check(
        ORDERING,
        Response::Order(vec![0, 0, 2]),
        expect!["unreadable: Put every entry in a place."],
    );
}

const BLANKS: &str = r#"{ "type": "fillBlanks", "blanks": [ { "answers": ["numerator"] }, { "numeric": "3/4", "tolerance": 0.001 } ] }"#;

#[test]
fn every_blank_must_be_right() {
    check(
        BLANKS,
        Response::Blanks(vec!["Numerator".into(), "0.75".into()]),
        expect!["right answer=numerator, 3/4"],
    );
    check(
        BLANKS,
        Response::Blanks(vec!["denominator".into(), "0.75".into()]),
        expect!["wrong answer=numerator, 3/4"],
    );
    check(
        BLANKS,
        Response::Blanks(vec!["numerator".into(), " ".into()]),
        expect!["unreadable: Fill every gap."],
    );
}

const DROP_DOWNS: &str = r#"{ "type": "fillBlanks", "blanks": [
    { "answers": ["gas"], "choices": ["solid", "liquid", "gas"] },
    { "numeric": "100", "choices": ["0", "100", "212"] } ] }"#;

#[test]
fn the_option_picked_in_a_drop_down_is_judged_as_the_blank_s_answer() {
    check(
        DROP_DOWNS,
        Response::Blanks(vec!["gas".into(), "100".into()]),
        expect!["right answer=gas, 100"],
    );
    check(
        DROP_DOWNS,
        Response::Blanks(vec!["liquid".into(), "100".into()]),
        expect!["wrong answer=gas, 100"],
    );
    check(
        DROP_DOWNS,
        Response::Blanks(vec!["gas".into(), "212".into()]),
        expect!["wrong answer=gas, 100"],
    );
    // The list's first entry ("Choose…") has the empty value: no option picked.
    check(
        DROP_DOWNS,
        Response::Blanks(vec![String::new(), "100".into()]),
        expect!["unreadable: Fill every gap."],
    );
}

#[test]
fn an_angle_s_degree_sign_follows_the_number() {
    check(
        r#"{ "type": "numeric", "answer": 65, "unit": "°" }"#,
        text("64"),
        expect!["wrong answer=65°"],
    );
    check(
        r#"{ "type": "numeric", "answer": 20, "unit": "°C" }"#,
        text("21"),
        expect!["wrong answer=20 °C"],
    );
}

const MATCHING: &str = r#"{ "type": "matching", "pairs": [ { "left": "1/2", "right": "0.5" }, { "left": "1/4", "right": "0.25" } ], "distractors": ["0.4"] }"#;

#[test]
fn matching_pairs_every_left_with_its_right() {
    check(
        MATCHING,
        Response::Matches(vec![Some(0), Some(1)]),
        expect!["right answer=1/2 → 0.5; 1/4 → 0.25"],
    );
    check(
        MATCHING,
        Response::Matches(vec![Some(0), Some(2)]),
        expect!["wrong answer=1/2 → 0.5; 1/4 → 0.25"],
    );
    check(
        MATCHING,
        Response::Matches(vec![Some(0), None]),
        expect!["unreadable: Match every entry."],
    );
    check(
        MATCHING,
        Response::Matches(vec![Some(0), Some(9)]),
        expect!["unreadable: Match every entry."],
    );
}

const SORTING: &str = r#"{ "type": "matching", "pairs": [ { "left": "ice", "right": "solid" }, { "left": "water", "right": "liquid" }, { "left": "milk", "right": "liquid" } ] }"#;

#[test]
fn matching_compares_rights_by_text_so_groups_can_share_one() {
    check(
        SORTING,
        Response::Matches(vec![Some(0), Some(2), Some(1)]),
        expect!["right answer=ice → solid; water → liquid; milk → liquid"],
    );
    check(
        SORTING,
        Response::Matches(vec![Some(1), Some(2), Some(1)]),
        expect!["wrong answer=ice → solid; water → liquid; milk → liquid"],
    );
}

#[test]
fn an_equation_typed_as_an_answer_is_unreadable_not_wrong() {
    check(
        ALGEBRA,
        text("x = 5"),
        expect!["unreadable: Write only the value or the expression, without “=” or “<”."],
    );
}

#[test]
fn curly_apostrophes_from_phones_match_straight_ones() {
    check(
        r#"{ "type": "shortText", "answers": ["l'eau"] }"#,
        text("l’eau"),
        expect!["right answer=l'eau"],
    );
}

#[test]
fn a_response_of_the_wrong_shape_is_unreadable_not_wrong() {
    check(
        ORDERING,
        text("1/4"),
        expect!["unreadable: This kind of answer does not fit this item."],
    );
    check(
        MULTIPLE,
        Response::Choice(0),
        expect!["unreadable: This kind of answer does not fit this item."],
    );
}

/// A bank of one item, in `language`, answered once with `typed`; returns the verdict and the
/// skill's evidence of mastery after it, right answers plus right answers in a row without help
/// (`None` when the answer was not counted).
fn answer_in_bank(language: &str, item: &str, typed: &str) -> (String, Option<u32>) {
    let bank = format!(
        r#"{{ "id": "b", "version": "1", "title": "B", "language": "{language}",
        "skills": [{{ "id": "s", "name": "S" }}],
        "items": [{{ "id": "i", "skills": ["s"], "prompt": "?", {item} }}] }}"#
    );
    let bank = crate::bank_index::IndexedBank::new(
        crate::bank_check::load_bank(&bank)
            .bank
            .expect("the test bank loads"),
    );
    let mut progress = crate::session::new_progress(&bank, 1);
    let item = bank.items()[0].clone();
    let now = crate::model::Timestamp(1_700_000_000);
    match crate::session::submit_answer(&bank, &mut progress, &item, 0, &text(typed), 0, now) {
        Ok(report) => (
            report.outcome.verdict.name().to_string(),
            progress
                .model
                .skills
                .get("s")
                .map(|record| record.correct + record.streak),
        ),
        Err(unreadable) => (unreadable.reason.code().to_string(), None),
    }
}

#[test]
fn a_partial_answer_counts_between_a_wrong_and_a_right_one() {
    let item = r#""type": "mathExpression", "answer": "7/12", "form": "simplest""#;
    let (right, after_right) = answer_in_bank("en", item, "7/12");
    let (partial, after_partial) = answer_in_bank("en", item, "21/36");
    let (wrong, after_wrong) = answer_in_bank("en", item, "1/2");
    let (unreadable, after_unreadable) = answer_in_bank("en", item, "7/");
    assert_eq!(
        [right, partial, wrong, unreadable],
        ["right", "partial", "wrong", "notMath"]
    );
    let (right, partial, wrong) = (
        after_right.unwrap(),
        after_partial.unwrap(),
        after_wrong.unwrap(),
    );
    // A partial answer is a right answer found with help: it counts, but starts no run.
    assert_eq!([right, partial, wrong], [2, 1, 0]);
    assert_eq!(
        after_unreadable, None,
        "an unreadable answer is not counted"
    );
}

#[test]
fn a_session_reads_numbers_in_the_bank_language() {
    let item = r#""type": "numeric", "answer": 1500"#;
    assert_eq!(answer_in_bank("en", item, "1,500").0, "right");
    assert_eq!(answer_in_bank("fr", item, "1,500").0, "wrong");
    assert_eq!(answer_in_bank("fr", item, "1 500").0, "right");
    assert_eq!(answer_in_bank("ar", item, "١٬٥٠٠").0, "right");
}

/// The verdict on `typed` for a one-part item with this prompt, as the widget judges it.
fn verdict_with_prompt(prompt: &str, item: &str, typed: &str) -> &'static str {
    let bank = format!(
        r#"{{ "id": "b", "version": "1", "title": "B", "skills": [{{ "id": "s", "name": "S" }}],
        "items": [{{ "id": "i", "skills": ["s"], "prompt": {prompt:?}, {item} }}] }}"#
    );
    let bank = crate::bank_check::load_bank(&bank)
        .bank
        .expect("the test bank loads");
    let item = &bank.items[0];
    let parts = item.parts();
    let result = crate::answer::check_part(item, &parts[0], &text(typed), &Default::default());
    crate::answer::verdict_names(&result).0
}

#[test]
fn writing_the_question_again_is_partial_not_right() {
    let simplify = r#""type": "mathExpression", "answer": "7x""#;
    let prompt = "Simplify $4x + 3x$.";
    assert_eq!(verdict_with_prompt(prompt, simplify, "4x+3x"), "partial");
    assert_eq!(verdict_with_prompt(prompt, simplify, "4X + 3X"), "partial");
    assert_eq!(verdict_with_prompt(prompt, simplify, "7x"), "right");
    // Another form with the work still to do (more operations than the answer) is not done
    // either; the same number of operations is.
    assert_eq!(verdict_with_prompt(prompt, simplify, "3x+4x"), "partial");
    assert_eq!(verdict_with_prompt(prompt, simplify, "14x/2"), "partial");
    assert_eq!(verdict_with_prompt(prompt, simplify, "x*7"), "right");
    // In display math too, and a fraction to simplify: half simplified is not simplified.
    let fraction = r#""type": "mathExpression", "answer": "-4/7""#;
    let prompt = "Simplify:\n\n$$\\frac{-32}{56}$$";
    assert_eq!(verdict_with_prompt(prompt, fraction, "-32/56"), "partial");
    assert_eq!(verdict_with_prompt(prompt, fraction, "-8/14"), "partial");
    assert_eq!(verdict_with_prompt(prompt, fraction, "-4/7"), "right");
    assert_eq!(verdict_with_prompt(prompt, fraction, "4/-7"), "right");
    // An equation in the question is no value to work out.
    let solve = r#""type": "mathExpression", "answer": "8""#;
    let prompt = "Solve $520 = 65t$ for $t$.";
    assert_eq!(verdict_with_prompt(prompt, solve, "t = 8"), "right");
    assert_eq!(verdict_with_prompt(prompt, solve, "16/2"), "right");
    // When the answer itself is in the question, writing it is right.
    let larger = r#""type": "mathExpression", "answer": "3/4""#;
    let prompt = "Which is larger, $3/4$ or $2/3$?";
    assert_eq!(verdict_with_prompt(prompt, larger, "3/4"), "right");
    // A question's text outside math is not compared.
    assert_eq!(
        verdict_with_prompt("Simplify 4x + 3x.", simplify, "4x+3x"),
        "right"
    );
    // A name before the answer (`y = `) is no work left to do; the question written after it is.
    let expand = r#""type": "mathExpression", "answer": "3x + 6""#;
    let prompt = "Expand $3(x + 2)$.";
    assert_eq!(verdict_with_prompt(prompt, expand, "y = 3x + 6"), "right");
    assert_eq!(verdict_with_prompt(prompt, expand, "3x+6=y"), "right");
    assert_eq!(
        verdict_with_prompt(prompt, expand, "y = 3(x + 2)"),
        "partial"
    );
    assert_eq!(verdict_with_prompt(prompt, expand, "3(x+2)"), "partial");
}

#[test]
fn an_unreadable_answer_serializes_with_its_english_message() {
    let unreadable = crate::answer::UnreadableAnswer::from(crate::answer::UnreadableReason::Empty);
    let json = serde_json::to_string(&unreadable).unwrap();
    assert_eq!(
        json,
        r#"{"reason":{"kind":"empty"},"message":"Type an answer first."}"#
    );
    let back: crate::answer::UnreadableAnswer = serde_json::from_str(&json).unwrap();
    assert_eq!(back, unreadable);
}

#[test]
fn a_division_sign_reads_as_a_slash() {
    let quarters = r#"{ "type": "numeric", "answer": 0.75 }"#;
    check(quarters, text("3÷4"), expect!["right answer=0.75"]);
    check(quarters, text("3 ÷ 4"), expect!["right answer=0.75"]);
    check(quarters, text("4÷3"), expect!["wrong answer=0.75"]);
    check(
        quarters,
        text("3÷0"),
        expect!["unreadable: “3÷0” is not a number I can read. Write it like 3/4, 0.75 or 1 1/2."],
    );
    // A product is no number in a numeric item, whatever its sign (`×` reads in a math item).
    check(
        quarters,
        text("3×0.25"),
        expect![
            "unreadable: “3×0.25” is not a number I can read. Write it like 3/4, 0.75 or 1 1/2."
        ],
    );
    // In short text and a numeric blank too.
    let fraction = r#"{ "type": "shortText", "answers": ["3/4"] }"#;
    check(fraction, text("3÷4"), expect!["right answer=3/4"]);
    check(fraction, text("4÷3"), expect!["wrong answer=3/4"]);
    let blank = r#"{ "type": "fillBlanks", "blanks": [ { "numeric": 0.75 } ] }"#;
    check(
        blank,
        Response::Blanks(vec!["3 ÷ 4".into()]),
        expect!["right answer=0.75"],
    );
}

#[test]
fn an_apostrophe_between_words_compares_like_a_space() {
    let evaporation = r#"{ "type": "shortText", "answers": ["l'évaporation"] }"#;
    check(
        evaporation,
        text("l evaporation"),
        expect!["right answer=l'évaporation"],
    );
    check(
        evaporation,
        text("L’Évaporation."),
        expect!["right answer=l'évaporation"],
    );
    check(
        evaporation,
        text("l' évaporation"),
        expect!["right answer=l'évaporation"],
    );
    check(
        evaporation,
        text("lévaporation"),
        expect!["wrong answer=l'évaporation"],
    );
    check(
        evaporation,
        text("l'évaporations"),
        expect!["wrong answer=l'évaporation"],
    );
    // With accents that matter too: the curly apostrophe is no accent.
    let exact = r#"{ "type": "shortText", "answers": ["aujourd'hui"], "ignoreAccents": false }"#;
    check(
        exact,
        text("aujourd’hui"),
        expect!["right answer=aujourd'hui"],
    );
    check(
        exact,
        text("aujourd hui"),
        expect!["right answer=aujourd'hui"],
    );
    check(
        exact,
        text("aujourdhui"),
        expect!["wrong answer=aujourd'hui"],
    );
    let blank = r#"{ "type": "fillBlanks", "blanks": [ { "answers": ["l'eau"] } ] }"#;
    check(
        blank,
        Response::Blanks(vec!["l eau".into()]),
        expect!["right answer=l'eau"],
    );
}

/// As `check`, read as a bank in `language` reads.
fn check_in(language: &str, item_json: &str, typed: &str, expect: Expect) {
    let reading = crate::answer::Reading::of_language(Some(language));
    let result = crate::answer::check_response_with(&kind(item_json), &text(typed), &reading);
    let (verdict, reason) = crate::answer::verdict_names(&result);
    expect.assert_eq(&format!("{verdict} {reason}"));
}

#[test]
fn a_leading_article_the_answer_does_not_have_is_dropped() {
    let numerator = r#"{ "type": "shortText", "answers": ["numerator"],
        "misconceptions": [ { "answer": "denominator", "feedback": "The bottom." } ] }"#;
    check_in("en", numerator, "the numerator", expect!["right ok"]);
    check_in("en", numerator, "The Numerator.", expect!["right ok"]);
    check_in("en", numerator, "a numerator", expect!["right ok"]);
    check_in("en-GB", numerator, "an numerator", expect!["right ok"]);
    check_in(
        "en",
        numerator,
        "the denominator",
        expect!["wrong misconception"],
    );
    check_in("en", numerator, "the", expect!["wrong notEqual"]);
    check_in(
        "en",
        numerator,
        "the the numerator",
        expect!["wrong notEqual"],
    );
    check_in("en", numerator, "thenumerator", expect!["wrong notEqual"]);
    check_in("en", numerator, "the numerators", expect!["wrong notEqual"]);
    // Only the bank language's articles.
    check_in("fr", numerator, "the numerator", expect!["wrong notEqual"]);
    check_in("de", numerator, "the numerator", expect!["wrong notEqual"]);
    let numerador = r#"{ "type": "shortText", "answers": ["numerador"] }"#;
    check_in("es", numerador, "el numerador", expect!["right ok"]);
    check_in("pt-BR", numerador, "o numerador", expect!["right ok"]);
    check_in("es", numerador, "o numerador", expect!["wrong notEqual"]);
    // An article the answer has is part of it.
    let key = r#"{ "type": "shortText", "answers": ["A minor"] }"#;
    check_in("en", key, "a minor", expect!["right ok"]);
    check_in("en", key, "the A minor", expect!["right ok"]);
    check_in("en", key, "minor", expect!["wrong notEqual"]);
    // Not when case matters (`A` may be a symbol), nor in a pattern, matched as typed.
    let cobalt = r#"{ "type": "shortText", "answers": ["Co"], "caseSensitive": true }"#;
    check_in("en", cobalt, "the Co", expect!["wrong notEqual"]);
    let pattern = r#"{ "type": "shortText", "answers": ["numerator"], "pattern": "numer*" }"#;
    check_in("en", pattern, "numerat", expect!["right ok"]);
    check_in("en", pattern, "the numerat", expect!["wrong notEqual"]);
}

#[test]
fn french_articles_and_an_elided_one_left_out() {
    let fusion = r#"{ "type": "shortText", "answers": ["fusion"] }"#;
    check_in("fr", fusion, "la fusion", expect!["right ok"]);
    check_in("fr-CA", fusion, "La fusion.", expect!["right ok"]);
    check_in("fr", fusion, "une fusion", expect!["right ok"]);
    check_in("fr", fusion, "des fusions", expect!["wrong notEqual"]);
    check_in("fr", fusion, "le la fusion", expect!["wrong notEqual"]);
    let evaporation = r#"{ "type": "shortText", "answers": ["l'évaporation"] }"#;
    check_in("fr", evaporation, "évaporation", expect!["right ok"]);
    check_in("fr", evaporation, "evaporation", expect!["right ok"]);
    check_in("fr", evaporation, "l evaporation", expect!["right ok"]);
    check_in("fr", evaporation, "évaporations", expect!["wrong notEqual"]);
    check_in("fr", evaporation, "condensation", expect!["wrong notEqual"]);
    check_in("en", evaporation, "évaporation", expect!["wrong notEqual"]);
    // A full article in the answer is not left out.
    let key = r#"{ "type": "shortText", "answers": ["la mineur"] }"#;
    check_in("fr", key, "mineur", expect!["wrong notEqual"]);
    check_in("fr", key, "la mineur", expect!["right ok"]);
    // A session reads them in the bank's language.
    let item = r#""type": "shortText", "answers": ["fusion"]"#;
    assert_eq!(answer_in_bank("fr", item, "la fusion").0, "right");
    assert_eq!(answer_in_bank("en", item, "la fusion").0, "wrong");
}

#[test]
fn an_expression_the_prompt_names_may_come_before_the_value() {
    let prompt = "If $2x + 3 = 11$, what is $2x$ equal to?";
    for item in [
        r#""type": "numeric", "answer": 8"#,
        r#""type": "mathExpression", "answer": "8""#,
    ] {
        assert_eq!(verdict_with_prompt(prompt, item, "2x = 8"), "right");
        assert_eq!(verdict_with_prompt(prompt, item, "2x=8"), "right");
        assert_eq!(verdict_with_prompt(prompt, item, "2X = 8"), "right");
        assert_eq!(verdict_with_prompt(prompt, item, "2 x = 8"), "right");
        // A wrong value stays wrong; a name the prompt does not write, or a number, is no name.
        assert_eq!(verdict_with_prompt(prompt, item, "2x = 7"), "wrong");
        assert_eq!(verdict_with_prompt(prompt, item, "3x = 8"), "unreadable");
        assert_eq!(verdict_with_prompt(prompt, item, "8 = 8"), "unreadable");
        assert_eq!(verdict_with_prompt(prompt, item, "11 = 8"), "unreadable");
        assert_eq!(
            verdict_with_prompt(prompt, item, "2x + 3 = 8"),
            "unreadable"
        );
        // Only a whole expression of the prompt's math names: not `2x` inside `$2x = 8$`, not a
        // number, not the prompt's text outside math.
        let solve = "Solve $2x = 8$.";
        assert_eq!(verdict_with_prompt(solve, item, "2x = 8"), "unreadable");
        let subtract = "Subtract $3$ from both sides of $2x + 3 = 11$.";
        assert_eq!(verdict_with_prompt(subtract, item, "3 = 8"), "unreadable");
        let plain = "If 2x + 3 = 11, what is 2x equal to?";
        assert_eq!(verdict_with_prompt(plain, item, "2x = 8"), "unreadable");
    }
    // A step is judged with the item's prompt and its own.
    let steps = r#""type": "multiStep", "steps": [
        { "prompt": "What is $2x$ equal to?", "type": "numeric", "answer": 8 } ]"#;
    assert_eq!(
        verdict_with_prompt("Solve $2x + 3 = 11$.", steps, "2x = 8"),
        "right"
    );
}

#[test]
fn a_name_the_prompt_writes_may_come_before_a_list_or_a_point() {
    let list = r#""type": "mathExpression", "answer": "-3, (0, 5)", "answerForm": "list""#;
    let prompt = "Give the slope $m$ and the $y$-intercept of $y = -3x + 5$.";
    assert_eq!(verdict_with_prompt(prompt, list, "-3, (0,5)"), "right");
    assert_eq!(verdict_with_prompt(prompt, list, "m = -3, (0,5)"), "right");
    assert_eq!(verdict_with_prompt(prompt, list, "m=-3, (0, 5)"), "right");
    // A wrong value stays wrong, and so does a name the prompt does not write.
    assert_eq!(verdict_with_prompt(prompt, list, "m = 3, (0,5)"), "wrong");
    assert_eq!(verdict_with_prompt(prompt, list, "k = -3, (0,5)"), "wrong");
    // Only the prompt's first name may name the whole list: `y = 3, 2` says y is 3.
    let pair = r#""type": "mathExpression", "answer": "3, 2", "answerForm": "list""#;
    let solve = "Solve the system. Give $x$ and $y$.";
    assert_eq!(verdict_with_prompt(solve, pair, "x = 3, 2"), "right");
    assert_eq!(verdict_with_prompt(solve, pair, "y = 3, 2"), "wrong");
    let unnamed = "Give the slope and the $y$-intercept of $y = -3x + 5$.";
    assert_eq!(verdict_with_prompt(unnamed, list, "m = -3, (0,5)"), "wrong");
    let point = r#""type": "mathExpression", "answer": "(1, 2)", "answerForm": "point""#;
    let prompt = "Where is the point $P$?";
    assert_eq!(verdict_with_prompt(prompt, point, "P = (1, 2)"), "right");
    assert_eq!(verdict_with_prompt(prompt, point, "P = (2, 1)"), "wrong");
}

#[test]
fn a_unit_the_prompt_does_not_name_is_wrong_where_it_names_another() {
    let prompt = "He drove 42 minutes at 60 miles per hour. How many miles did he travel?";
    for item in [
        r#""type": "numeric", "answer": 42"#,
        r#""type": "mathExpression", "answer": "42""#,
    ] {
        assert_eq!(verdict_with_prompt(prompt, item, "42 km"), "wrong");
        assert_eq!(verdict_with_prompt(prompt, item, "42km"), "wrong");
        assert_eq!(verdict_with_prompt(prompt, item, "42 kilometres"), "wrong");
        assert_eq!(verdict_with_prompt(prompt, item, "x = 42 km"), "wrong");
        assert_eq!(verdict_with_prompt(prompt, item, "41 km"), "wrong");
        assert_eq!(verdict_with_prompt(prompt, item, "42 miles"), "right");
        assert_eq!(verdict_with_prompt(prompt, item, "42 mi"), "right");
        assert_eq!(verdict_with_prompt(prompt, item, "42"), "right");
        // Units of another kind, and words that are no unit, are left as they were.
        assert_eq!(verdict_with_prompt(prompt, item, "42 kg"), "right");
        assert_eq!(verdict_with_prompt(prompt, item, "42 people"), "right");
        // Where the prompt names the learner's unit, even in two letters, it is right.
        let both = "How many km (not miles) is it?";
        assert_eq!(verdict_with_prompt(both, item, "42 km"), "right");
        let french = "Combien de kilomètres a-t-il parcourus ?";
        assert_eq!(verdict_with_prompt(french, item, "42 km"), "right");
        assert_eq!(verdict_with_prompt(french, item, "42 milles"), "wrong");
        // A word of two letters names no unit: `in` (inches), Spanish `mi` (miles), Arabic `كم`
        // ("how many", km).
        let rope = "How long is the rope in total?";
        assert_eq!(verdict_with_prompt(rope, item, "42 m"), "right");
        let casa = "¿Cuántos metros mide mi casa?";
        assert_eq!(verdict_with_prompt(casa, item, "42 m"), "right");
        let arabic = "كم متر طول الحبل؟";
        assert_eq!(verdict_with_prompt(arabic, item, "42 م"), "right");
    }
    // A prompt's unit word beside brackets, a colon or emphasis is still its unit.
    let brackets = "A rope of 6 feet: how long is it (in metres)?";
    let colon = "A rope of 6 feet. Give its length in **metres**: round to 0.01.";
    let french = "Un sentier mesure 2,5 kilomètres. Quelle est sa longueur (en mètres) ?";
    for prompt in [brackets, colon, french] {
        let item = r#""type": "numeric", "answer": 42"#;
        assert_eq!(
            verdict_with_prompt(prompt, item, "42 m"),
            "right",
            "{prompt}"
        );
        assert_eq!(
            verdict_with_prompt(prompt, item, "42 metres"),
            "right",
            "{prompt}"
        );
    }
    // A letter of an algebra answer is a variable, not a unit (`m` is no metre here).
    let algebra = r#""type": "mathExpression", "answer": "3*m""#;
    let speed = "A car travels at $m$ miles per hour for 3 hours. How far does it go?";
    assert_eq!(verdict_with_prompt(speed, algebra, "3m"), "right");
    assert_eq!(verdict_with_prompt(speed, algebra, "3*m"), "right");
    // The item's `unit` has its own rules.
    let metres = r#""type": "numeric", "answer": 42, "unit": "km""#;
    assert_eq!(verdict_with_prompt(prompt, metres, "42 km"), "right");
    // A step is judged with the item's prompt and its own.
    let steps = r#""type": "multiStep", "steps": [
        { "prompt": "How far did he go?", "type": "numeric", "answer": 42 } ]"#;
    assert_eq!(verdict_with_prompt(prompt, steps, "42 km"), "wrong");
}

#[test]
fn a_numeric_answer_is_shown_with_the_banks_decimal_mark() {
    let shown = |language: &str, item_json: &str| {
        let reading = crate::answer::Reading::of_language(Some(language));
        crate::answer::check_response_with(&kind(item_json), &text("1"), &reading)
            .map(|outcome| outcome.correct_answer)
            .unwrap()
    };
    let half = r#"{ "type": "numeric", "answer": 8.5, "unit": "cm" }"#;
    assert_eq!(shown("fr", half), "8,5 cm");
    assert_eq!(shown("de", half), "8,5 cm");
    assert_eq!(shown("en", half), "8.5 cm");
    // Written with a grouping comma, the English way a bank's answer may be: shown as written.
    let grouped = r#"{ "type": "numeric", "answer": "1,000.5" }"#;
    assert_eq!(shown("fr", grouped), "1,000.5");
    // Gaps: a number in a gap too, and the gaps apart by ` ; ` where `,` is the decimal mark.
    let gaps = |language: &str| {
        let reading = crate::answer::Reading::of_language(Some(language));
        let kind = kind(
            r#"{ "type": "fillBlanks", "blanks": [ { "numeric": "8.5" }, { "answers": ["gaz"] } ] }"#,
        );
        crate::answer::check_response_with(
            &kind,
            &Response::Blanks(vec!["1".into(), "x".into()]),
            &reading,
        )
        .map(|outcome| outcome.correct_answer)
        .unwrap()
    };
    assert_eq!(gaps("fr"), "8,5 ; gaz");
    assert_eq!(gaps("en"), "8.5, gaz");
}
