//! OATutor importer tests. Small made-up folders and texts are written here; the real sample
//! (others' CC BY 4.0 content) is only ever read in place, never copied: the tests that need it
//! print a note and pass when it is absent. Update expectations with `UPDATE_EXPECT=1`.

use std::path::{Path, PathBuf};

use adaptive_practice_engine::bank::{Hint, ItemKind, Step};
use adaptive_practice_engine::check_response;
use expect_test::{expect, Expect};
use serde_json::Value;

mod equations;
mod glued_choices;
mod skill_names;

use super::bank_parts::{readable_skill_name, readable_source};
use super::import_oatutor_folder;
use super::questions::{stated_answer, typed_answer};
use super::text::{convert_text, TextShape};
use crate::bank_checker::{check_bank_file, count_by_severity, diagnostic_lines};
use crate::import::{bank_json, write_imported_bank, ImportedBank, NoteKind};

/// The sample folder next to the repository (`/work/shared/samples/oatutor`), or `OATUTOR_SAMPLE`.
/// A missing sample fails the test: only a local run with `AP_ALLOW_MISSING_SAMPLES=1` (and not
/// in CI) may pass over it, and it says so.
fn sample_folder() -> Option<PathBuf> {
    let folder = match std::env::var_os("OATUTOR_SAMPLE") {
        Some(folder) => PathBuf::from(folder),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/oatutor"),
    };
    if folder.join("content-pool").is_dir() {
        return Some(folder);
    }
    let allowed = std::env::var_os("AP_ALLOW_MISSING_SAMPLES").is_some_and(|value| value == "1")
        && std::env::var_os("CI").is_none();
    assert!(
        allowed,
        "the OATutor sample is not at {} (set OATUTOR_SAMPLE, or AP_ALLOW_MISSING_SAMPLES=1 \
         to pass over it in a local run)",
        folder.display()
    );
    eprintln!(
        "note: AP_ALLOW_MISSING_SAMPLES=1: the OATutor sample is missing, this test checks nothing"
    );
    None
}

fn import_sample() -> Option<ImportedBank> {
    let folder = sample_folder()?;
    Some(
        import_oatutor_folder(&folder)
            .unwrap_or_else(|reason| panic!("the sample does not import: {reason}")),
    )
}

/// A fresh folder under the system's temporary folder.
fn scratch_folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("bank-tools-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    folder
}

fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let file = root.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|error| panic!("cannot create {}: {error}", parent.display()));
        }
        std::fs::write(&file, text)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", file.display()));
    }
}

/// Imports a made-up course (`files`, written into a scratch folder named after `name`, removed
/// after the import).
fn import_made_up(name: &str, files: &[(&str, &str)]) -> ImportedBank {
    let folder = scratch_folder(name);
    write_files(&folder, files);
    let imported = import_oatutor_folder(&folder).unwrap_or_else(|reason| panic!("{reason}"));
    let _ = std::fs::remove_dir_all(&folder);
    imported
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// What the sample holds, counted straight from its files.
fn count_sample(folder: &Path) -> Vec<(&'static str, usize)> {
    let (mut problems, mut steps, mut hints, mut scaffolds, mut sub_hints, mut sub_scaffolds) =
        (0, 0, 0, 0, 0, 0);
    let subfolders = |path: &Path| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        found
    };
    for problem in subfolders(&folder.join("content-pool")) {
        problems += 1;
        for step in subfolders(&problem.join("steps")) {
            steps += 1;
            let name = step
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let pathway = read_json(
                &step
                    .join("tutoring")
                    .join(format!("{name}DefaultPathway.json")),
            );
            for entry in pathway.as_array().into_iter().flatten() {
                match entry["type"].as_str() {
                    Some("hint") => hints += 1,
                    Some("scaffold") => scaffolds += 1,
                    _ => {}
                }
                for sub in entry["subHints"].as_array().into_iter().flatten() {
                    match sub["type"].as_str() {
                        Some("hint") => sub_hints += 1,
                        Some("scaffold") => sub_scaffolds += 1,
                        _ => {}
                    }
                }
            }
        }
    }
    vec![
        ("problems", problems),
        ("steps", steps),
        ("hints", hints),
        ("scaffolds", scaffolds),
        ("sub-hints", sub_hints),
        ("sub-scaffolds", sub_scaffolds),
    ]
}

#[test]
fn sample_converts_every_problem_step_hint_and_scaffold() {
    let (Some(folder), Some(imported)) = (sample_folder(), import_sample()) else {
        return;
    };
    let found = count_sample(&folder);
    for (name, count) in &found {
        assert_eq!(imported.count(name), *count, "{name} found");
        let written = format!("{} written", name.replace("problems", "items"));
        assert_eq!(imported.count(&written), *count, "{written}");
    }
    assert_eq!(imported.count("problems skipped"), 0);
    assert_eq!(imported.bank.items.len(), imported.count("problems"));
    let skipped: Vec<String> = imported
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Skipped)
        .map(ToString::to_string)
        .collect();
    assert!(skipped.is_empty(), "skipped: {skipped:#?}");
    println!("{}", imported.summary_line());
}

fn every_question(steps: Vec<&Step>, out: &mut Vec<(String, ItemKind)>) {
    for step in steps {
        out.push((step.id.clone().unwrap_or_default(), step.kind.clone()));
        every_scaffold(&step.hints, out);
    }
}

fn every_scaffold(hints: &[Hint], out: &mut Vec<(String, ItemKind)>) {
    let scaffolds: Vec<&Step> = hints
        .iter()
        .filter_map(|hint| hint.scaffold.as_deref())
        .collect();
    every_question(scaffolds, out);
}

#[test]
fn every_stated_answer_of_the_sample_is_judged_correct() {
    let Some(imported) = import_sample() else {
        return;
    };
    let mut questions = Vec::new();
    for item in &imported.bank.items {
        for part in item.parts() {
            questions.push((item.id.clone(), part.kind.clone()));
            every_scaffold(part.hints, &mut questions);
        }
    }
    let expected = ["steps", "scaffolds", "sub-scaffolds"]
        .iter()
        .map(|name| imported.count(name))
        .sum::<usize>();
    assert_eq!(questions.len(), expected);
    for (id, kind) in &questions {
        let response = stated_answer(kind)
            .unwrap_or_else(|| panic!("{id}: no stated answer for {}", kind.type_name()));
        let outcome = check_response(kind, &response)
            .unwrap_or_else(|e| panic!("{id}: {response:?} unreadable: {}", e.message()));
        assert!(
            outcome.correct,
            "{id}: the stated answer {response:?} is judged wrong"
        );
    }
}

#[test]
fn converted_sample_passes_the_checker_with_its_figures() {
    let Some(imported) = import_sample() else {
        return;
    };
    let out_folder = scratch_folder("oatutor-sample");
    let out = out_folder.join("bank.json");
    write_imported_bank(&imported, &out)
        .unwrap_or_else(|error| panic!("cannot write the bank: {error}"));
    let diagnostics =
        check_bank_file(&out).unwrap_or_else(|error| panic!("cannot read the bank: {error}"));
    let (errors, _) = count_by_severity(&diagnostics);
    for line in diagnostic_lines("bank.json", &diagnostics) {
        println!("{line}");
    }
    assert_eq!(errors, 0);
    assert!(
        !diagnostics.iter().any(|d| d.message.contains("media file")),
        "a figure was not copied"
    );
    assert_eq!(
        imported.media.len(),
        imported
            .notes
            .iter()
            .filter(|n| n.message.contains("has no alt text"))
            .count()
    );
    let _ = std::fs::remove_dir_all(&out_folder);
}

#[test]
fn sample_bank_keeps_license_and_attribution() {
    let Some(imported) = import_sample() else {
        return;
    };
    assert_eq!(imported.bank.license.as_deref(), Some("CC BY 4.0"));
    let attribution = imported.bank.attribution.clone().unwrap_or_default();
    assert!(
        attribution.contains("OpenStax “Elementary Algebra 2e”"),
        "{attribution}"
    );
    assert!(attribution.contains("the OATutor Project"), "{attribution}");
}

/// A made-up folder in OATutor's layout: one problem per case the importer must skip or change.
pub(crate) const MADE_UP_FOLDER: &[(&str, &str)] = &[
    (
        "skillModel.json",
        r#"{ "p1a": ["add_numbers"], "p2a": ["add_numbers"], "p2b": ["add_numbers"], "p3a": ["add_numbers"], "p4a": [], "p5a": ["add_numbers"] }"#,
    ),
    (
        "coursePlans.json",
        r#"[ { "courseName": "Made Up", "language": "en", "lessons": [ { "id": "L1", "name": "Lesson 1", "topics": "Adding", "learningObjectives": { "add_numbers": 0.9 } } ] } ]"#,
    ),
    (
        "content-pool/p1/p1.json",
        r#"{ "id": "p1", "title": "Add", "body": "", "lessonId": "L1", "oer": "https://example.org <Example>", "license": "https://creativecommons.org/licenses/by/4.0/ <CC BY 4.0>" }"#,
    ),
    (
        "content-pool/p1/steps/p1a/p1a.json",
        r#"{ "id": "p1a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["$$\\frac{3}{4}$$"], "stepTitle": "$$\\frac{1}{2}+\\frac{1}{4}$$" }"#,
    ),
    (
        "content-pool/p1/steps/p1a/tutoring/p1aDefaultPathway.json",
        r#"[
        { "id": "p1a-h2", "type": "hint", "dependencies": ["p1a-h1"], "title": "Then", "text": "Add the tops.\\n##missing.png##" },
        { "id": "p1a-h1", "type": "hint", "dependencies": [], "title": "First", "text": "Use quarters." },
        { "id": "p1a-h3", "type": "scaffold", "dependencies": ["p1a-h2"], "title": "Check", "text": "Is it less than one?",
          "problemType": "MultipleChoice", "answerType": "string", "hintAnswer": ["Maybe"], "choices": ["Yes", "No"] } ]"#,
    ),
    (
        "content-pool/p2/p2.json",
        r#"{ "id": "p2", "title": "Two steps", "body": "" }"#,
    ),
    (
        "content-pool/p2/steps/p2a/p2a.json",
        r#"{ "id": "p2a", "problemType": "TextBox", "answerType": "string", "stepAnswer": ["four"], "stepTitle": "Write 4 in words." }"#,
    ),
    (
        "content-pool/p2/steps/p2b/p2b.json",
        r#"{ "id": "p2b", "problemType": "DragAndDrop", "stepAnswer": ["x"], "stepTitle": "Drag it." }"#,
    ),
    (
        "content-pool/p3/p3.json",
        r#"{ "id": "p3", "title": "Pick", "body": "" }"#,
    ),
    (
        "content-pool/p3/steps/p3a/p3a.json",
        r#"{ "id": "p3a", "problemType": "MultipleChoice", "answerType": "string", "stepAnswer": ["5"], "choices": ["3", "4"], "stepTitle": "2 + 2" }"#,
    ),
    (
        "content-pool/p4/p4.json",
        r#"{ "id": "p4", "title": "No skill", "body": "" }"#,
    ),
    (
        "content-pool/p4/steps/p4a/p4a.json",
        r#"{ "id": "p4a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["1"], "stepTitle": "1" }"#,
    ),
    (
        "content-pool/p5/p5.json",
        r#"{ "id": "p5", "title": "Random", "body": "", "variabilization": { "a": ["1", "2"] } }"#,
    ),
    (
        "content-pool/p5/steps/p5a/p5a.json",
        r#"{ "id": "p5a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["@{a}"], "stepTitle": "@{a}" }"#,
    ),
    ("content-pool/p6/p6.json", "not json"),
];

#[test]
fn what_cannot_be_converted_is_noted_once_with_its_reason() {
    let imported = import_made_up("oatutor-made-up", MADE_UP_FOLDER);
    let lines: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    expect![[r#"
        skipped: p6: cannot read content-pool/p6/p6.json: expected ident at line 1 column 2
        skipped: p1a-h2: figure missing.png is not in content-pool/p1/figures
        changed: p1a-h3: the scaffold is kept as a plain hint: its answer "Maybe" is none of its choices
        skipped: p2: step p2b: the problem type "DragAndDrop" has no equivalent
        skipped: p3: step p3a: its answer "5" is none of its choices
        skipped: p4: step p4a has no skill in skillModel.json
        skipped: p5: variabilized problems (random values) are not converted
        decision: coursePlans.json: no prerequisites: lesson order is the book's sequence, not a statement that each skill needs every skill of the lessons before it, and prerequisites lock skills in item choice
        decision: defaultBKTParams.json: item difficulty left neutral: BKT parameters describe a skill's population prior, not an item, and there are no BKT parameters; the learner model calibrates difficulty from answers
        decision: coursePlans.json: masteryThreshold 0.9: every learning objective asks for this mastery
    "#]]
    .assert_eq(&(lines.join("\n") + "\n"));
    expect![[r#"
        {
          "id": "oatutor-made-up",
          "version": "1.0.0",
          "title": "Made Up (from OATutor)",
          "language": "en",
          "license": "CC BY 4.0",
          "attribution": "Problems: Example (https://example.org). Licensed CC BY 4.0. Converted from OATutor content (github.com/CAHLR/OATutor-Content) by adaptive-practice import-oatutor: math delimiters, answer notation and figure paths changed, hint titles joined to their texts. Each item id is its OATutor problem id; each step and scaffold id is its OATutor id.",
          "settings": {
            "targetSuccess": 0.75,
            "masteryThreshold": 0.9,
            "minEvidence": 4
          },
          "skills": [
            {
              "id": "add-numbers",
              "name": "Add numbers",
              "description": "OATutor skill `add_numbers`, a learning objective of Lesson 1 (Adding)."
            }
          ],
          "items": [
            {
              "id": "p1",
              "skills": [
                "add-numbers"
              ],
              "prompt": "Add\n\n$$\\frac{1}{2}+\\frac{1}{4}$$",
              "hints": [
                "**First**\n\nUse quarters.",
                "**Then**\n\nAdd the tops.",
                "**Check**\n\nIs it less than one?"
              ],
              "type": "mathExpression",
              "answer": "3/4"
            }
          ]
        }
    "#]]
    .assert_eq(&bank_json(&imported.bank).unwrap_or_default());
}

fn check_text(raw: &str, shape: TextShape, expect: Expect) {
    let mut figure = |name: &str| Some(format!("![A figure](media/p/{name})"));
    expect.assert_eq(&convert_text(raw, shape, &mut figure));
}

#[test]
fn math_is_inline_unless_it_stands_alone() {
    check_text(
        "Add $$1$$ and $$2$$.",
        TextShape::Block,
        expect!["Add $1$ and $2$."],
    );
    check_text("$$1+4$$", TextShape::Block, expect!["$$1+4$$"]);
    check_text("$$1+4$$", TextShape::Inline, expect!["$1+4$"]);
    check_text(
        "Find:\\n$$x+1$$",
        TextShape::Block,
        expect![[r#"
        Find:
        $$x+1$$"#]],
    );
    check_text(
        "$$14$$ $$___$$ $$6$$",
        TextShape::Block,
        expect![[r#"$14$ \_\_\_ $6$"#]],
    );
    check_text("$$3$$2 apples", TextShape::Block, expect!["$$3$$2 apples"]);
}

#[test]
fn plain_text_is_escaped_and_figures_become_images() {
    check_text(
        "5 * 3 costs $4 [or more]",
        TextShape::Block,
        expect![[r#"5 \* 3 costs \$4 \[or more\]"#]],
    );
    check_text(
        "1. not a list\\n# not a heading\\n- not a bullet",
        TextShape::Block,
        expect![[r#"
        1\. not a list
        \# not a heading
        \- not a bullet"#]],
    );
    check_text(
        "See this.\\n##figure1.gif##",
        TextShape::Block,
        expect![[r#"
        See this.

        ![A figure](media/p/figure1.gif)"#]],
    );
    check_text(
        "Find the intercepts.\\n##figure1.gif",
        TextShape::Block,
        expect![[r#"
        Find the intercepts.

        ![A figure](media/p/figure1.gif)"#]],
    );
    check_text(
        "##graph.png\\n##table.png##\\nBoth figures.",
        TextShape::Block,
        expect![[r#"
        ![A figure](media/p/graph.png)

        ![A figure](media/p/table.png)

        Both figures."#]],
    );
    check_text(
        "Not a ## figure name ## here, nor ##this",
        TextShape::Block,
        expect!["Not a ## figure name ## here, nor ##this"],
    );
    check_text(
        "Not a ## figure name ## here",
        TextShape::Block,
        expect!["Not a ## figure name ## here"],
    );
}

#[test]
fn answers_are_written_as_learners_type_them() {
    let check = |latex: &str, typed: &str| assert_eq!(typed_answer(latex), typed, "{latex}");
    check(r"\frac{-3}{4}", "-3/4");
    check(r"\frac{-15}{8q}", "-15/(8q)");
    check(r"\frac{x+2}{3}", "(x+2)/3");
    check(r"\frac{6}{xy}", "6/(xy)");
    check(r"\frac{5x}{40}", "5x/40");
    check(r"3\times\left(-2\right)", "3*(-2)");
    check("48x", "48x");
    check(r"\sqrt{4}", "√(4)");
    check(r"h=\frac{2A}{b}", "h=2A/b");
    check(r"d=\frac{C}{\pi}", "d=C/π");
    check(r"x^{2}+1", "x^(2)+1");
    check(r"-9;(0,7)", "-9;(0,7)");
    check(r"x\le 3", "x≤ 3");
}

#[test]
fn names_and_sources_are_made_readable() {
    assert_eq!(
        readable_skill_name("simplify:_expressions_with_absolute_value"),
        "Simplify: expressions with absolute value"
    );
    assert_eq!(readable_skill_name("add_integers"), "Add integers");
    assert_eq!(
        readable_source("https://openstax.org/details/books/elementary-algebra-2e <OpenStax: Elementary Algebra>"),
        "OpenStax “Elementary Algebra 2e” (https://openstax.org/details/books/elementary-algebra-2e)"
    );
    assert_eq!(
        readable_source("https://OATutor.io <OATutor>"),
        "the OATutor Project (https://OATutor.io)"
    );
}
