//! Options that are several answers glued together are never split: a question whose answer is
//! math is asked as a typed answer (changed), any other keeps its options with a warning; both
//! name the item and the points to check. Look-alikes (a list with `;`, words between points, a
//! product of brackets) are ordinary options.

use expect_test::expect;

use super::super::glued_choices::glued_answers;
use super::import_made_up;
use crate::import::NoteKind;

const COURSE: &[(&str, &str)] = &[
    (
        "skillModel.json",
        r#"{ "g1a": ["graphs"], "g1b": ["graphs"], "g2a": ["graphs"] }"#,
    ),
    (
        "content-pool/g1/g1.json",
        r#"{ "id": "g1", "title": "Intercepts of y = 3 - x" }"#,
    ),
    (
        "content-pool/g1/steps/g1a/g1a.json",
        r#"{ "id": "g1a", "problemType": "MultipleChoice", "answerType": "string", "stepAnswer": ["$$(3,0)$$"],
             "choices": ["$$(3,0)$$", "$$(0,3)I(-3,0)I(0,-3)$$"], "stepTitle": "The x-intercept?" }"#,
    ),
    (
        "content-pool/g1/steps/g1b/g1b.json",
        r#"{ "id": "g1b", "problemType": "MultipleChoice", "answerType": "string", "stepAnswer": ["$$(0,3)$$"],
             "choices": ["$$(0,3)$$", "$$(3,0);(0,-3)$$", "$$(0,-3)$$ or $$(3,0)$$"], "stepTitle": "The y-intercept?" }"#,
    ),
    (
        "content-pool/g2/g2.json",
        r#"{ "id": "g2", "title": "Expand" }"#,
    ),
    (
        "content-pool/g2/steps/g2a/g2a.json",
        r#"{ "id": "g2a", "problemType": "MultipleChoice", "answerType": "string", "stepAnswer": ["Neither"],
             "choices": ["Neither", "$$(x+1)(x-1)$$", "$$(1,2)|(3,4)$$"], "stepTitle": "Which is a point of $$y=2x+1$$?" }"#,
    ),
];

#[test]
fn options_glued_together_are_noted_with_what_to_check() {
    let imported = import_made_up("oatutor-glued-choices", COURSE);
    let notes: Vec<String> = imported
        .notes
        .iter()
        .filter(|note| matches!(note.kind, NoteKind::Warning | NoteKind::Changed))
        .map(ToString::to_string)
        .collect();
    expect![[r#"
        changed: g1a: option 2 is the points (0,3), (-3,0), (0,-3) joined by “I”, which a learner cannot pick as meant: asked as a typed answer instead (the right answer (3,0) is typed); check item g1 in the source (separate options?)
        warning: g2a: option 3 is the points (1,2), (3,4) joined by “|”; kept as one option, which a learner cannot pick as meant: check item g2 in the source (separate options?)
    "#]]
    .assert_eq(&(notes.join("\n") + "\n"));
    assert_eq!(imported.bank.items.len(), 2, "nothing is skipped");
    // The step whose answer is math is asked as a typed point; the other keeps its options.
    let kinds: Vec<String> = imported
        .bank
        .items
        .iter()
        .flat_map(|item| item.parts().into_iter().map(|part| part.kind.type_name()))
        .map(str::to_string)
        .collect();
    assert_eq!(kinds, ["mathExpression", "singleChoice", "singleChoice"]);
}

#[test]
fn only_points_joined_by_a_bar_look_alike_are_glued() {
    let glued = |option: &str| glued_answers(option).map(|glued| glued.parts.join(" "));
    assert_eq!(
        glued("$$(4,0)I(0,4)I(2,0)I(0,2)$$").as_deref(),
        Some("(4,0) (0,4) (2,0) (0,2)")
    );
    assert_eq!(glued("(1,2) | (3,4)").as_deref(), Some("(1,2) (3,4)"));
    assert_eq!(
        glued(r"$$(\frac{1}{2},0)\mid(0,-1)$$").as_deref(),
        Some(r"(\frac{1}{2},0) (0,-1)")
    );
    for ordinary in [
        "$$(4,0)$$",
        "$$(4,0);(0,4)$$",
        "$$(4,0)I(0,4);(2,0)$$",
        "$$(4,0)$$ or $$(0,4)$$",
        "$$(x+1)(x-1)$$",
        "$$(1,2)(3,4)$$",
        "$$(1,2)I(3,4)l(5,6)$$",
        "$$(1,2)I$$",
        "Yes",
    ] {
        assert_eq!(glued(ordinary), None, "{ordinary}");
    }
}
