//! A made-up OATutor course of answers that are equations, points and lists, with figures in both
//! spellings: every question becomes a gradable item, nothing is skipped, both figures are
//! copied, and each step's own answer, typed as the course writes it, is judged right.

use std::path::Path;

use adaptive_practice_engine::bank::ItemKind;
use expect_test::expect;

use super::{scratch_folder, write_files};
use crate::import::oatutor::{import_oatutor_folder_with, ImportOptions};
use crate::import::write_imported_bank;
use crate::try_answers::try_answer_line;

const COURSE: &[(&str, &str)] = &[
    (
        "skillModel.json",
        r###"{ "f1a": ["formulas"], "f1b": ["formulas"], "g1a": ["graphs"], "g1b": ["graphs"], "g1c": ["graphs"] }"###,
    ),
    (
        "content-pool/f1/f1.json",
        r###"{ "id": "f1", "title": "Solve a formula", "body": "The volume of a cone is $$V=\\frac{1}{3}\\pi r^2 h$$." }"###,
    ),
    (
        "content-pool/f1/steps/f1a/f1a.json",
        r###"{ "id": "f1a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["$$h=\\frac{3V}{\\pi r^2}$$"], "stepTitle": "Solve for $$h$$." }"###,
    ),
    (
        "content-pool/f1/steps/f1b/f1b.json",
        r###"{ "id": "f1b", "problemType": "MultipleChoice", "answerType": "string", "stepAnswer": ["$$r^2=\\frac{3V}{\\pi h}$$"], "choices": ["$$r^2=\\frac{3V}{\\pi h}$$", "$$r^2=\\frac{V}{3\\pi h}$$"], "stepTitle": "Which is $$r^2$$?" }"###,
    ),
    (
        "content-pool/g1/g1.json",
        r###"{ "id": "g1", "title": "Intercepts", "body": "Look at the line.\\n##line.gif" }"###,
    ),
    (
        "content-pool/g1/steps/g1a/g1a.json",
        r###"{ "id": "g1a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["$$(4,0)$$"], "stepTitle": "The $$x$$-intercept?" }"###,
    ),
    (
        "content-pool/g1/steps/g1b/g1b.json",
        r###"{ "id": "g1b", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["$$-\\frac{1}{2};(0,3)$$"], "stepTitle": "Slope; $$y$$-intercept?", "stepBody": "##table.gif## " }"###,
    ),
    (
        "content-pool/g1/steps/g1c/g1c.json",
        r###"{ "id": "g1c", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["$$y=-\\frac{1}{2}x+3$$"], "stepTitle": "The equation of the line?" }"###,
    ),
    ("content-pool/g1/figures/line.gif", "GIF89a"),
    ("content-pool/g1/figures/table.gif", "GIF89a"),
];

fn kinds(bank: &adaptive_practice_engine::Bank) -> String {
    let mut lines = Vec::new();
    for item in &bank.items {
        for part in item.parts() {
            let line = match part.kind {
                ItemKind::MathExpression {
                    answer,
                    answer_form,
                    solved_for,
                    ..
                } => format!("{} math {answer} {answer_form:?} {solved_for:?}", item.id),
                ItemKind::SingleChoice { answer, .. } => {
                    format!("{} choice {answer}", item.id)
                }
                other => format!("{} {}", item.id, other.type_name()),
            };
            lines.push(line);
        }
    }
    lines.join("\n")
}

fn import(folder: &Path, typed_answers: bool) -> crate::import::ImportedBank {
    import_oatutor_folder_with(folder, ImportOptions { typed_answers })
        .unwrap_or_else(|reason| panic!("{reason}"))
}

#[test]
fn equations_points_and_lists_become_gradable_items_with_both_figure_spellings() {
    let folder = scratch_folder("oatutor-equations-made-up");
    write_files(&folder, COURSE);
    let imported = import(&folder, false);
    let skipped: Vec<String> = imported.skipped_notes();
    assert!(skipped.is_empty(), "{skipped:#?}");
    expect![[r#"
        f1 math h=3V/(π r^2) None Some("h")
        f1 choice 0
        g1 math (4,0) Some(Tuple) None
        g1 math -\frac{1}{2};(0,3) Some(List) None
        g1 math y=-1/2x+3 None Some("y")"#]]
    .assert_eq(&kinds(&imported.bank));
    let typed = import(&folder, true);
    expect![[r#"
        f1 math h=3V/(π r^2) None Some("h")
        f1 math r^2=3V/(π h) None None
        g1 math (4,0) Some(Tuple) None
        g1 math -\frac{1}{2};(0,3) Some(List) None
        g1 math y=-1/2x+3 None Some("y")"#]]
    .assert_eq(&kinds(&typed.bank));

    let out = folder.join("out").join("bank.json");
    write_imported_bank(&imported, &out).unwrap_or_else(|error| panic!("{error}"));
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    for figure in ["media/g1/line.gif", "media/g1/table.gif"] {
        assert!(text.contains(figure), "{figure} is not shown");
        assert!(
            folder.join("out").join(figure).is_file(),
            "{figure} is not copied"
        );
    }

    // Each step's own answer, typed as the course writes it (a choice by its number).
    let answers = [
        ("f1#1", r"h=\frac{3V}{\pi r^2}"),
        ("f1#2", "1"),
        ("g1#1", "(4,0)"),
        ("g1#2", r"-\frac{1}{2};(0,3)"),
        ("g1#3", r"y=-\frac{1}{2}x+3"),
        ("g1#3", "y = 3 - x/2"),
        ("g1#2", "-0.5, (0, 3)"),
    ];
    for (target, input) in answers {
        let line = try_answer_line(&imported.bank, &format!("{target}\t{input}"))
            .unwrap_or_else(|problem| panic!("{problem}"));
        assert!(line.ends_with("\tright\tok"), "{line}");
    }
    let line = try_answer_line(&typed.bank, "f1#2\tr^2 = 3V/(pi h)").unwrap_or_default();
    assert!(line.ends_with("\tright\tok"), "{line}");
    let line = try_answer_line(&imported.bank, "g1#1\t(0,4)").unwrap_or_default();
    assert!(line.contains("\twrong\t"), "{line}");
    let _ = std::fs::remove_dir_all(&folder);
}
