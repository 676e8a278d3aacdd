//! GIFT importer tests: the file `tests/gift/every-construct.gift` (written for these tests from
//! Moodle's GIFT documentation) as a whole, and small texts one construct at a time. Update
//! expectations with `UPDATE_EXPECT=1`.

use adaptive_practice_engine::{check_response, load_bank, ItemKind};
use expect_test::{expect, Expect};

use super::import_gift_text;
use crate::bank_checker::check_bank_text;
use crate::import::{bank_json, ImportedBank, NoteKind};

fn every_construct() -> ImportedBank {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/gift/every-construct.gift"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    import_gift_text(&text, "every-construct.gift", "every-construct")
}

/// The items of a small GIFT text as one JSON line each, then its notes.
fn check(gift: &str, expect: Expect) {
    let imported = import_gift_text(gift, "t.gift", "t");
    let mut lines: Vec<String> = imported
        .bank
        .items
        .iter()
        .map(|item| serde_json::to_string(item).unwrap_or_default())
        .collect();
    lines.extend(imported.notes.iter().map(ToString::to_string));
    expect.assert_eq(&lines.join("\n"));
}

#[test]
fn every_construct_file_imports_with_its_notes() {
    let imported = every_construct();
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    expect![[r#"
        changed: every-construct.gift:15: partial credit 50% for “3/7”: the widget has none, it counts as wrong
        changed: every-construct.gift:20: multiple answers: the widget gives no partial credit; it is right when exactly the answers with a positive weight are picked
        changed: every-construct.gift:38: only a wildcard answer: the answer shown as right is it without its `*`
        left out: every-construct.gift:51: the feedback on the right answer “1822” (“Correct!”): a typed answer has feedback for wrong answers only
        changed: every-construct.gift:52: partial credit 50% for 1822±2: the widget has none, it counts as wrong
        changed: every-construct.gift:52: the feedback for 1822 is not shown: that answer is judged right
        changed: every-construct.gift:56: a second right answer -4±0: the widget has one right number, so it counts as wrong
        changed: every-construct.gift:60: the feedback for any other answer (`~#…`) is not shown: the widget says the answer is wrong
        skipped: every-construct.gift:69: an essay question (empty answer block): the widget judges answers it can check, not free writing
        skipped: every-construct.gift:71: an essay question (empty answer block): the widget judges answers it can check, not free writing
        skipped: every-construct.gift:73: a description (text without an answer block): the widget has no item without a question
        changed: every-construct.gift:83: partial credit 50% for “emphasis”: the widget has none, it counts as wrong
        skipped: every-construct.gift:96: a second answer block `{…}`: separate questions with a blank line (write \{ and \} for braces in text)
        skipped: every-construct.gift:98: its braces do not pair: a `{` without `}` or a `}` before `{` (write \{ and \} for braces in text)
        decision: every-construct.gift: short answers ignore case and accents (é = e), as the widget does; Moodle compares accents"#]]
    .assert_eq(&notes.join("\n"));
    expect!["questions 28, categories 3, items written 23, questions skipped 5"]
        .assert_eq(&imported.summary_line());
    assert_eq!(imported.skipped_count(), 5);
}

#[test]
fn every_construct_bank_passes_the_checker_and_its_answers_are_right() {
    let imported = every_construct();
    let text = bank_json(&imported.bank).unwrap_or_default();
    assert!(load_bank(&text).bank.is_some());
    let problems: Vec<String> = check_bank_text(&text, None)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    for item in &imported.bank.items {
        let response = item
            .kind
            .correct_response()
            .unwrap_or_else(|| panic!("{}: no response", item.id));
        let outcome = check_response(&item.kind, &response)
            .unwrap_or_else(|problem| panic!("{}: {}", item.id, problem.message()));
        assert!(
            outcome.correct,
            "{}: its right answer is judged wrong",
            item.id
        );
        let wrong = item.kind.a_wrong_response();
        if let Some(wrong) = wrong {
            let outcome = check_response(&item.kind, &wrong);
            assert!(
                !outcome.is_ok_and(|outcome| outcome.correct),
                "{}: a wrong answer is judged right",
                item.id
            );
        }
    }
}

#[test]
fn every_construct_bank_is_as_expected() {
    let imported = every_construct();
    let types: Vec<String> = imported
        .bank
        .items
        .iter()
        .map(|item| format!("{} {} {:?}", item.id, item.type_name(), item.skills))
        .collect();
    expect![[r#"
        half-of-ten singleChoice ["fractions"]
        closest-to-half singleChoice ["fractions"]
        even-numbers multipleResponse ["fractions"]
        half-is-bigger singleChoice ["fractions"]
        quarter-false singleChoice ["fractions"]
        top-number shortText ["words"]
        wildcard shortText ["words"]
        missing-word-choice singleChoice ["words"]
        missing-word-typed fillBlanks ["words"]
        pi numeric ["numbers"]
        one-to-five numeric ["numbers"]
        grant numeric ["numbers"]
        square-root numeric ["numbers"]
        double fillBlanks ["numbers"]
        catch-all numeric ["numbers"]
        capitals matching ["numbers"]
        escapes singleChoice ["numbers"]
        line-break shortText ["numbers"]
        question-22 singleChoice ["numbers"]
        html-question singleChoice ["numbers"]
        plain-question singleChoice ["numbers"]
        math singleChoice ["numbers"]
        Answers-on-one-line singleChoice ["numbers"]"#]]
    .assert_eq(&types.join("\n"));
}

#[test]
fn multiple_choice_keeps_feedback_and_general_feedback() {
    check(
        "::q:: Pick. {\n=yes # Good.\n~no # Not that.\n####Because.\n}",
        expect![[r#"
            {"id":"q","skills":["t"],"difficulty":null,"prompt":"Pick.","hints":[],"solution":"Because.","template":null,"type":"singleChoice","choices":[{"text":"yes","feedback":"Good."},{"text":"no","feedback":"Not that."}],"answer":0,"shuffle":true}
            decision: t.gift:1: questions before any $CATEGORY: go into the skill “t”"#]],
    );
}

#[test]
fn true_false_feedback_goes_to_the_choice_it_is_for() {
    // `{F#…#…}`: the first feedback is for the wrong answer (True), the second for the right.
    check(
        "Two is odd. {F#Two is even.#Yes, it is even.}",
        expect![[
            r#"{"id":"question-1","skills":["t"],"difficulty":null,"prompt":"Two is odd.","hints":[],"solution":null,"template":null,"type":"singleChoice","choices":[{"text":"True","feedback":"Two is even."},{"text":"False","feedback":"Yes, it is even."}],"answer":1,"shuffle":false}
decision: t.gift:1: questions before any $CATEGORY: go into the skill “t”"#
        ]],
    );
}

#[test]
fn numbers_with_ranges_tolerances_and_missing_words() {
    check(
        "$CATEGORY: n\n\nA. {#2..4}\n\nB. {#-1.5:0.25}\n\nC is {#=7 =%0%8#Too many.} days.",
        expect![[
            r#"{"id":"question-1","skills":["n"],"difficulty":null,"prompt":"A.","hints":[],"solution":null,"template":null,"type":"numeric","answer":"3","tolerance":1.0,"relativeTolerance":null,"misconceptions":[]}
{"id":"question-2","skills":["n"],"difficulty":null,"prompt":"B.","hints":[],"solution":null,"template":null,"type":"numeric","answer":"-1.5","tolerance":0.25,"relativeTolerance":null,"misconceptions":[]}
{"id":"question-3","skills":["n"],"difficulty":null,"prompt":"C is \\_\\_\\_\\_\\_ days.","hints":[],"solution":null,"template":null,"type":"numeric","answer":"7","tolerance":null,"relativeTolerance":null,"misconceptions":[{"answer":"8","feedback":"Too many."}]}"#
        ]],
    );
}

#[test]
fn escapes_comments_and_titles_are_read_as_moodle_reads_them() {
    check(
        "// a comment\n::a\\:b:: 1 \\+ 1 \\= 2 \\{really\\}? // not a comment here\n// a comment line inside\n{T}",
        expect![[r#"
            {"id":"a-b","skills":["t"],"difficulty":null,"prompt":"1 \\\\+ 1 = 2 {really}? // not a comment here","hints":[],"solution":null,"template":null,"type":"singleChoice","choices":[{"text":"True","feedback":null},{"text":"False","feedback":null}],"answer":0,"shuffle":false}
            decision: t.gift:2: questions before any $CATEGORY: go into the skill “t”"#]],
    );
}

#[test]
fn categories_become_skills_and_a_question_may_follow_its_category_line() {
    check(
        "$CATEGORY: $course$/top/Algebra/Linear equations\n::x:: x + 1 \\= 3 gives x \\= {#2}.\n\n$CATEGORY: $course$/top/Algebra//Geometry\n\n::y:: Sides of a square? {=4 =four}",
        expect![[r#"{"id":"x","skills":["algebra-linear-equations"],"difficulty":null,"prompt":"x + 1 = 3 gives x = [[1]].","hints":[],"solution":null,"template":null,"type":"fillBlanks","blanks":[{"answers":[],"numeric":"2","tolerance":null,"caseSensitive":false}]}
{"id":"y","skills":["algebra-geometry"],"difficulty":null,"prompt":"Sides of a square?","hints":[],"solution":null,"template":null,"type":"shortText","answers":["4","four"],"caseSensitive":false,"ignoreAccents":true,"pattern":null,"misconceptions":[]}
decision: t.gift: short answers ignore case and accents (é = e), as the widget does; Moodle compares accents"#]],
    );
    let imported = import_gift_text(
        "$CATEGORY: $course$/top/Algebra//Geometry\n\nQ {T}",
        "t.gift",
        "t",
    );
    assert_eq!(imported.bank.skills[0].name, "Algebra/Geometry");
}

#[test]
fn html_is_converted_and_what_is_dropped_is_said() {
    check(
        "[html]<p>Read <a href=\"https://example.org/a\">this</a> &amp; <u>that</u> <table>x</table></p><img src=\"@@PLUGINFILE@@/f.png\" alt=\"A figure\"> {T}",
        expect![[r#"
            {"id":"question-1","skills":["t"],"difficulty":null,"prompt":"Read [this](https://example.org/a) & that\n\nx\n\n![A figure](f.png)","hints":[],"solution":null,"template":null,"type":"singleChoice","choices":[{"text":"True","feedback":null},{"text":"False","feedback":null}],"answer":0,"shuffle":false}
            decision: t.gift:1: questions before any $CATEGORY: go into the skill “t”
            changed: t.gift:1: a table is written as one line per row, cells separated by |
            changed: t.gift:1: the image f.png is not inside the GIFT file: copy it next to the bank"#]],
    );
}

#[test]
fn several_right_choices_and_duplicate_titles_are_noted() {
    check(
        "::d:: A {=x =y ~z}\n\n::d:: B {=x ~y}",
        expect![[r#"
            {"id":"d","skills":["t"],"difficulty":null,"prompt":"A","hints":[],"solution":null,"template":null,"type":"singleChoice","choices":[{"text":"x","feedback":null},{"text":"y","feedback":null},{"text":"z","feedback":null}],"answer":0,"shuffle":true}
            {"id":"d-2","skills":["t"],"difficulty":null,"prompt":"B","hints":[],"solution":null,"template":null,"type":"singleChoice","choices":[{"text":"x","feedback":null},{"text":"y","feedback":null}],"answer":0,"shuffle":true}
            decision: t.gift:1: questions before any $CATEGORY: go into the skill “t”
            changed: t.gift:1: “y” is also fully right in GIFT; the widget has one right choice, so it counts as wrong
            changed: t.gift:3: the id d is already taken: this question is d-2"#]],
    );
}

#[test]
fn a_skipped_question_is_counted_and_noted_never_dropped() {
    let imported = import_gift_text("Essay? {}\n\nQ {T}", "t.gift", "t");
    assert_eq!(imported.bank.items.len(), 1);
    assert_eq!(imported.count("questions"), 2);
    assert_eq!(imported.count("questions skipped"), 1);
    let skipped: Vec<_> = imported
        .notes
        .iter()
        .filter(|note| note.kind == NoteKind::Skipped)
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].source, "t.gift:1");
    assert!(matches!(
        imported.bank.items[0].kind,
        ItemKind::SingleChoice { .. }
    ));
}

#[test]
fn unescaped_braces_in_math_are_named_as_the_reason_a_question_is_skipped() {
    check(
        "::frac::Simplify \\(\\frac{2}{4}\\).{=1/2}\n\n::two::A {=b} and {=c}.",
        expect![[r#"
            skipped: t.gift:1: braces in math are read as answer blocks: write them \{ and \} (`\frac\{1\}\{2\}`)
            skipped: t.gift:3: a second answer block `{…}`: separate questions with a blank line (write \{ and \} for braces in text)"#]],
    );
}

/// A tiny seeded generator for the property loop (no dependency).
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A random question built from GIFT's pieces: mostly well formed, sometimes not.
fn random_question(state: &mut u64) -> String {
    const TEXT: &[&str] = &[
        "a",
        "b c",
        "12",
        "3.5",
        "-2",
        "x",
        "*",
        "\\=",
        "\\#",
        "\\{",
        "\\}",
        "\\:",
        "\\~",
        "\\n",
        "$$x^2$$",
        "\\(\\frac\\{1\\}\\{2\\}\\)",
        "<b>",
        "</p>",
        "&amp;",
        "..",
        "->",
        ":",
        "%",
        " ",
        "\n",
        "T",
        "FALSE",
        "[",
        "]",
        "_",
        "`",
    ];
    const MARKERS: &[&str] = &[
        "=", "~", "~%50%", "=%0%", "~%-100%", "=%50%", "", "#", "= ->", "=",
    ];
    let pick =
        |list: &[&'static str], state: &mut u64| list[(next(state) % list.len() as u64) as usize];
    let words = |count: u64, state: &mut u64| -> String {
        (0..count)
            .map(|_| pick(TEXT, state))
            .collect::<Vec<_>>()
            .join("")
    };
    let mut question = String::new();
    if next(state).is_multiple_of(3) {
        question.push_str(&format!("::{}::", words(2, state)));
    }
    if next(state).is_multiple_of(4) {
        question.push_str(pick(
            &["[markdown]", "[html]", "[plain]", "[moodle]"],
            state,
        ));
    }
    let before = next(state) % 4;
    question.push_str(&words(before, state));
    question.push('{');
    for _ in 0..next(state) % 5 {
        question.push_str(pick(MARKERS, state));
        let length = next(state) % 3;
        question.push_str(&words(length, state));
        if next(state).is_multiple_of(3) {
            question.push_str(&format!("#{}", words(1, state)));
        }
        question.push(' ');
    }
    if next(state).is_multiple_of(5) {
        question.push_str(&format!("####{}", words(2, state)));
    }
    question.push('}');
    if next(state).is_multiple_of(3) {
        let after = next(state) % 3;
        question.push_str(&words(after, state));
    }
    question
}

#[test]
fn any_text_gives_items_that_play_or_notes_that_say_why_not() {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut written = 0;
    for round in 0..3000 {
        let count = 1 + next(&mut state) % 3;
        let text = (0..count)
            .map(|_| random_question(&mut state))
            .collect::<Vec<_>>()
            .join("\n\n");
        let imported = import_gift_text(&text, "r.gift", "r");
        assert_eq!(
            imported.count("questions"),
            imported.bank.items.len() + imported.count("questions skipped"),
            "round {round}: {text:?}"
        );
        assert_eq!(
            imported.count("questions skipped"),
            imported.skipped_count(),
            "round {round}: {text:?}"
        );
        written += imported.bank.items.len();
        if imported.bank.items.is_empty() {
            continue;
        }
        let json = bank_json(&imported.bank).unwrap_or_default();
        let errors: Vec<String> = load_bank(&json)
            .diagnostics
            .iter()
            .filter(|d| d.severity == adaptive_practice_engine::Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "round {round}: {text:?}: {errors:#?}");
        for item in &imported.bank.items {
            let response = item.kind.correct_response().expect("a response");
            let outcome = check_response(&item.kind, &response);
            assert!(
                outcome.is_ok_and(|outcome| outcome.correct),
                "round {round}: {text:?}: {} is not judged right",
                item.id
            );
        }
    }
    // The loop must reach the converters, not only the parser's refusals.
    assert!(written > 300, "only {written} items written");
}

#[test]
fn a_category_skill_is_named_by_its_last_part_or_as_many_as_tell_it_apart() {
    let imported = import_gift_text(
        "$CATEGORY: $course$/top/Science Y7/Forces/Basics\n\nA {T}\n\n\
         $CATEGORY: $course$/top/Science Y7/Light/Basics\n\nB {T}\n\n\
         $CATEGORY: $course$/top/Science Y7/Light/Mirrors\n\nC {T}",
        "t.gift",
        "t",
    );
    let skills: Vec<(&str, &str)> = imported
        .bank
        .skills
        .iter()
        .map(|skill| (skill.id.as_str(), skill.name.as_str()))
        .collect();
    // The ids stay those of the whole path, so that progress kept under them still counts.
    assert_eq!(
        skills,
        vec![
            ("science-y7-forces-basics", "Forces / Basics"),
            ("science-y7-light-basics", "Light / Basics"),
            ("science-y7-light-mirrors", "Mirrors"),
        ]
    );
    assert_eq!(imported.bank.title, "Science Y7");
}

#[test]
fn an_unescaped_equals_sign_in_numerical_feedback_stays_in_the_feedback() {
    check(
        "::m:: 3 m in cm? {#300:0 =%0%30#No: 1 m = 100 cm, so 3 m = 300 cm.}",
        expect![[r#"
            {"id":"m","skills":["t"],"difficulty":null,"prompt":"3 m in cm?","hints":[],"solution":null,"template":null,"type":"numeric","answer":"300","tolerance":null,"relativeTolerance":null,"misconceptions":[{"answer":"30","feedback":"No: 1 m = 100 cm, so 3 m = 300 cm."}]}
            decision: t.gift:1: questions before any $CATEGORY: go into the skill “t”
            changed: t.gift:1: “= 100 cm, so 3 m” is read as part of the feedback before it: an `=` in feedback is written `\=` in GIFT
            changed: t.gift:1: “= 300 cm.” is read as part of the feedback before it: an `=` in feedback is written `\=` in GIFT"#]],
    );
}

#[test]
fn a_file_with_no_question_that_converts_writes_no_bank() {
    let imported = import_gift_text("::e:: Explain. {}", "t.gift", "t");
    assert!(imported.bank.items.is_empty());
    assert_eq!(
        crate::import::ImportOutcome::of(&imported, false),
        crate::import::ImportOutcome::NoItems
    );
}
