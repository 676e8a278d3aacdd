//! QTI importer tests on the files in `tests/xml-sources/` (written for this project from the
//! QTI 2.1/2.2 and 3.0 specifications): every item is converted with a right answer the engine
//! judges right, or is listed as skipped with a reason.

use std::path::{Path, PathBuf};

use adaptive_practice_engine::template::instantiate;
use adaptive_practice_engine::{
    check_response_with, load_bank, ItemKind, Reading, Response, Verdict,
};

use super::import_qti;
use crate::bank_checker::check_bank_file;
use crate::import::{bank_json, write_imported_bank, ImportedBank, NoteKind};

pub(crate) fn source(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/xml-sources")
        .join(relative)
}

/// Every part of every item: its own right answer is judged right (templates in three
/// variants), and the bank as written (media included) has no error for the bank checker. Returns one line per item: `id: type`.
pub(crate) fn judge_every_item(imported: &ImportedBank) -> Vec<String> {
    let json = bank_json(&imported.bank).expect("the bank serializes");
    assert!(load_bank(&json).bank.is_some(), "the bank loads:\n{json}");
    // The bank checker, media included, on the bank as written.
    static WRITTEN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let number = WRITTEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let folder = std::env::temp_dir().join(format!("judged-{}-{number}", std::process::id()));
    let file = folder.join("bank.json");
    write_imported_bank(imported, &file).expect("the bank is written");
    let diagnostics = check_bank_file(&file).expect("the bank is read back");
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == adaptive_practice_engine::Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.is_empty(),
        "the bank has errors: {errors:#?}\n{json}"
    );
    std::fs::remove_dir_all(&folder).ok();
    let reading = Reading::of_bank(&imported.bank);
    let mut lines = Vec::new();
    for item in &imported.bank.items {
        for seed in 0..3 {
            let variant = instantiate(item, seed).expect("the template draws");
            for part in variant.parts() {
                let response = part.kind.correct_response().expect("a part has a response");
                let outcome = check_response_with(part.kind, &response, &reading)
                    .unwrap_or_else(|unreadable| panic!("{}: {unreadable:?}", item.id));
                assert_eq!(outcome.verdict, Verdict::Right, "{}: {outcome:?}", item.id);
            }
        }
        lines.push(format!("{}: {}", item.id, item.type_name()));
    }
    lines
}

/// The notes of what was skipped or left out.
fn skipped(imported: &ImportedBank) -> Vec<String> {
    imported
        .notes
        .iter()
        .filter(|note| matches!(note.kind, NoteKind::Skipped | NoteKind::LeftOut))
        .map(ToString::to_string)
        .collect()
}

#[test]
fn qti2_items_convert_with_right_answers_judged_right() {
    let expected = [
        ("choice-feedback.xml", "even-number: singleChoice"),
        ("multiple-partial.xml", "primes: multipleResponse"),
        ("text-entries.xml", "half-plus-quarter: numeric"),
        ("gaps-and-inline-choice.xml", "fraction-words: fillBlanks"),
        ("order-match-associate.xml", "three-parts: multiStep"),
        ("gap-match.xml", "water-states: fillBlanks"),
        ("template-product.xml", "product: numeric"),
        ("math-variable.xml", "mv: numeric"),
    ];
    for (file, line) in expected {
        let imported = import_qti(&source(&format!("qti2/{file}"))).expect(file);
        assert_eq!(
            judge_every_item(&imported),
            vec![line.to_string()],
            "{file}"
        );
    }
}

#[test]
fn qti2_feedback_hints_tolerance_and_templates_are_read() {
    let choice = import_qti(&source("qti2/choice-feedback.xml")).unwrap();
    let item = &choice.bank.items[0];
    assert_eq!(
        item.prompt,
        "Which number is **even**? Think of $\\frac{12}{2}$.\n\nPick one."
    );
    assert_eq!(item.hints.len(), 1);
    let json = serde_json::to_value(&item.kind).unwrap();
    assert_eq!(json["choices"][0]["feedback"], "7 is odd.");
    assert_eq!(json["choices"][2]["feedback"], "15 = 7 × 2 + 1: odd.");
    assert_eq!(
        skipped(&choice),
        vec!["left out: choice-feedback.xml (line 45): feedback \"CORRECT\" for a right or wrong answer is left out (the widget says it in its own words): Well done."]
    );

    let numeric = import_qti(&source("qti2/text-entries.xml")).unwrap();
    let json = serde_json::to_value(&numeric.bank.items[0].kind).unwrap();
    assert_eq!(json["tolerance"], 0.001);
    assert_eq!(json["misconceptions"][0]["answer"], "0.333");

    let template = import_qti(&source("qti2/template-product.xml")).unwrap();
    let item = &template.bank.items[0];
    assert_eq!(item.prompt, "What is {{a}} × {{b}}?");
    assert_eq!(item.template.as_ref().unwrap().constraints, vec!["a != b"]);

    let math_variable = import_qti(&source("qti2/math-variable.xml")).unwrap();
    assert_eq!(
        math_variable.bank.items[0].prompt,
        "What is $3\\times{{a}}$?"
    );
}

#[test]
fn an_essay_is_skipped_with_its_reason() {
    let imported = import_qti(&source("qti2/essay.xml")).unwrap();
    assert!(imported.bank.items.is_empty());
    assert_eq!(
        skipped(&imported),
        vec!["skipped: essay.xml: the interaction extendedTextInteraction cannot be answered in the widget (a written answer is marked by a person; the widget judges answers it can check)"]
    );
    assert_eq!(imported.count("items skipped"), 1);
}

#[test]
fn a_qti3_package_folder_gives_skills_from_sections_and_its_images() {
    let imported = import_qti(&source("qti3-package")).unwrap();
    assert_eq!(
        judge_every_item(&imported),
        vec![
            "triangle: singleChoice",
            "area: numeric",
            "capital: shortText"
        ]
    );
    let skills: Vec<&str> = imported
        .bank
        .skills
        .iter()
        .map(|skill| skill.name.as_str())
        .collect();
    assert_eq!(skills, vec!["Geometry", "Places"]);
    assert_eq!(imported.bank.title, "Shapes and places");
    assert_eq!(imported.media.len(), 1);
    assert_eq!(imported.media[0].address, "media/images/triangle.svg");
    assert!(imported.bank.items[0]
        .prompt
        .contains("![A triangle with one square corner](media/images/triangle.svg)"));
    assert_eq!(
        imported.bank.items[2].solution.as_deref(),
        Some("Paris has been the capital since the tenth century.")
    );
    // The shared stimulus (stimuli/shapes.xml) comes before the item's own text.
    let area = &imported.bank.items[1].prompt;
    assert!(
        area.starts_with("A triangle's *base* is any one of its sides")
            && area.contains("opposite corner.\n\nA triangle has base 5 and height 5."),
        "{area}"
    );
    assert_eq!(
        skipped(&imported),
        vec![
            "left out: items/area.xml (line 11): a rubric block for \"scorer\" is left out (not for learners)",
        ]
    );
}

#[test]
fn a_shared_stimulus_that_cannot_be_read_is_noted_and_the_item_kept() {
    let folder = source("qti3-package");
    let files = crate::import::source_files::SourceFiles::read_path(&folder).unwrap();
    let item = files.text("items/area.xml").unwrap().to_string();
    for (href, stimulus, why) in [
        ("../stimuli/gone.xml", None, "stimuli/gone.xml is not in"),
        (
            "../stimuli/odd.xml",
            Some("<qti-assessment-item identifier=\"x\"/>"),
            "<qti-assessment-item> is not a stimulus",
        ),
        (
            "https://example.org/s.xml",
            None,
            "its address leaves the package",
        ),
    ] {
        let mut files = files.clone();
        if let Some(text) = stimulus {
            files.insert("stimuli/odd.xml", text.as_bytes().to_vec());
        }
        files.insert(
            "items/area.xml",
            item.replace("../stimuli/shapes.xml", href).into_bytes(),
        );
        let imported = super::import_qti_files(&files).unwrap();
        assert!(imported.bank.items[1]
            .prompt
            .starts_with("A triangle has base 5"));
        let notes = skipped(&imported);
        assert!(
            notes[0].starts_with(&format!(
                "left out: items/area.xml (line 7): the shared stimulus {href} is left out: "
            )) && notes[0].contains(why),
            "{notes:#?}"
        );
    }
}

#[test]
fn a_zip_package_reads_like_its_folder() {
    let folder = source("qti3-package");
    let zip_path = std::env::temp_dir().join(format!("qti-test-{}.zip", std::process::id()));
    crate::export::qti::zip_folder(&folder, &zip_path).expect("zipped");
    let from_zip = import_qti(&zip_path).unwrap();
    let from_folder = import_qti(&folder).unwrap();
    assert_eq!(from_zip.bank, from_folder.bank);
    assert_eq!(from_zip.media.len(), 1);
    std::fs::remove_file(&zip_path).ok();
}

#[test]
fn a_zip_entry_that_leaves_the_folder_is_not_written() {
    let zip_path = std::env::temp_dir().join(format!("qti-slip-{}.zip", std::process::id()));
    {
        let file = std::fs::File::create(&zip_path).unwrap();
        let mut writer = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default();
        writer.start_file("../escaped.xml", options).unwrap();
        std::io::Write::write_all(&mut writer, b"<x/>").unwrap();
        writer.finish().unwrap();
    }
    let result = import_qti(&zip_path);
    assert!(result.is_err());
    assert!(!std::env::temp_dir().join("escaped.xml").exists());
    std::fs::remove_file(&zip_path).ok();
}

#[test]
fn a_qti2_package_without_a_test_reads_its_item_resources_in_order() {
    let imported = import_qti(&source("qti2")).unwrap();
    assert_eq!(
        judge_every_item(&imported),
        vec![
            "even-number: singleChoice",
            "primes: multipleResponse",
            "half-plus-quarter: numeric",
            "fraction-words: fillBlanks",
            "three-parts: multiStep",
            "water-states: fillBlanks",
            "product: numeric",
        ]
    );
    assert_eq!(
        imported.summary_line(),
        "items 8, items written 7, items skipped 1"
    );
    let skipped = skipped(&imported);
    assert!(
        skipped.contains(
            &"skipped: ../qti3-package/items/capital.xml: the item is outside the package"
                .to_string()
        ),
        "{skipped:#?}"
    );
    assert!(
        skipped.contains(
            &"skipped: essay.xml: the interaction extendedTextInteraction cannot be answered in the widget (a written answer is marked by a person; the widget judges answers it can check)"
                .to_string()
        ),
        "{skipped:#?}"
    );
}

#[test]
fn text_that_looks_like_an_internal_marker_stays_text() {
    let file = std::env::temp_dir().join(format!("qti-markers-{}.xml", std::process::id()));
    std::fs::write(
        &file,
        r#"<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="m" title="m" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="R" cardinality="single" baseType="string"><correctResponse><value>x</value></correctResponse></responseDeclaration>
  <itemBody><p>Not parts: ⟦P7⟧ ⟦G3⟧ ⟦S⟧</p><p><textEntryInteraction responseIdentifier="R"/></p></itemBody>
</assessmentItem>"#,
    )
    .unwrap();
    let imported = import_qti(&file).unwrap();
    assert_eq!(
        imported.bank.items[0].prompt,
        "Not parts: 〚P7〛 〚G3〛 〚S〛"
    );
    assert_eq!(judge_every_item(&imported), vec!["m: shortText"]);
    std::fs::remove_file(&file).ok();
}

#[test]
fn a_web_image_keeps_its_address_and_a_missing_file_is_noted() {
    let file = std::env::temp_dir().join(format!("qti-web-image-{}.xml", std::process::id()));
    std::fs::write(
        &file,
        r#"<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="w" title="w" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="R" cardinality="single" base-type="float"><qti-correct-response><qti-value>3</qti-value></qti-correct-response></qti-response-declaration>
  <qti-item-body><p>How many sides?</p><p><img src="https://example.org/triangle.png" alt="A triangle"/></p><p><img src="missing.png" alt="Gone"/></p><p><qti-text-entry-interaction response-identifier="R"/></p></qti-item-body>
</qti-assessment-item>"#,
    )
    .unwrap();
    let imported = import_qti(&file).unwrap();
    assert_eq!(
        imported.bank.items[0].prompt,
        "How many sides?\n\n![A triangle](https://example.org/triangle.png)"
    );
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(
        skipped(&imported),
        vec![format!(
            "left out: {name}: the image missing.png is not in the package"
        )]
    );
    std::fs::remove_file(&file).ok();
}

#[test]
fn qti_1_2_is_refused_with_what_to_do() {
    let file = std::env::temp_dir().join(format!("qti12-{}.xml", std::process::id()));
    std::fs::write(
        &file,
        "<questestinterop><item ident=\"q\"/></questestinterop>",
    )
    .unwrap();
    let error = import_qti(&file).err().unwrap();
    assert!(
        error.ends_with(
            "QTI 1.2 (<questestinterop>) is not read; export the questions as QTI 2.1 or 3.0"
        ),
        "{error}"
    );
    std::fs::remove_file(&file).ok();
}

/// The notes of what was changed.
fn changed(imported: &ImportedBank) -> Vec<String> {
    imported
        .notes
        .iter()
        .filter(|note| note.kind == NoteKind::Changed)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn inline_choices_become_drop_down_gaps_with_their_options() {
    let imported = import_qti(&source("qti3/inline-choices.xml")).unwrap();
    assert_eq!(
        judge_every_item(&imported),
        vec!["sun-path: fillBlanks".to_string()]
    );
    let item = &imported.bank.items[0];
    assert_eq!(
        item.prompt,
        "The sun rises in the [[1]] and sets in the [[2]]."
    );
    let ItemKind::FillBlanks { blanks } = &item.kind else {
        panic!("fill-the-gaps, not {:?}", item.kind);
    };
    let gaps: Vec<(Vec<&str>, Vec<&str>)> = blanks
        .iter()
        .map(|blank| {
            (
                blank.choices.iter().map(String::as_str).collect(),
                blank.answers.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        vec![
            (vec!["north", "east", "south"], vec!["east"]),
            (vec!["west", "east"], vec!["west"]),
        ]
    );
    // The option picked is judged: a wrong option is wrong, the right ones are right.
    let judge = |first: &str, second: &str| {
        check_response_with(
            &item.kind,
            &Response::Blanks(vec![first.into(), second.into()]),
            &Reading::default(),
        )
        .unwrap()
        .verdict
    };
    assert_eq!(judge("east", "west"), Verdict::Right);
    assert_eq!(judge("north", "west"), Verdict::Wrong);
    assert_eq!(
        changed(&imported),
        vec!["changed: inline-choices.xml (line 19): the drop-down's choices are shown in the order written, not shuffled"]
    );
}

#[test]
fn feedback_on_drop_down_options_is_noted_once_per_item_or_kept() {
    // Two drop-downs: the bank has no place for their options' feedback, one note says which.
    let imported = import_qti(&source("qti3/inline-choice-feedback.xml")).unwrap();
    assert_eq!(
        judge_every_item(&imported),
        vec!["water-states: fillBlanks".to_string()]
    );
    assert_eq!(
        skipped(&imported),
        vec!["left out: inline-choice-feedback.xml (line 14): the feedback on drop-down options is left out (a gap has no feedback): gap 1 “liquid”, “plasma”; gap 2 “vapour”"]
    );
    assert_eq!(changed(&imported), Vec::<String>::new());
    // One drop-down in a sentence: a single choice with the gap as a line keeps the feedback.
    let imported = import_qti(&source("qti3/one-inline-choice-feedback.xml")).unwrap();
    assert_eq!(
        judge_every_item(&imported),
        vec!["boiling: singleChoice".to_string()]
    );
    let item = &imported.bank.items[0];
    assert_eq!(
        item.prompt,
        "At sea level, water boils at \\_\\_\\_\\_\\_ degrees Celsius."
    );
    let json = serde_json::to_value(&item.kind).unwrap();
    assert_eq!(json["choices"][0]["feedback"], "Water freezes at 0 °C.");
    assert_eq!(skipped(&imported), Vec::<String>::new());
    assert_eq!(
        changed(&imported),
        vec!["changed: one-inline-choice-feedback.xml (line 11): the gap shares its paragraph with text: it is shown as a line and answered below, so that the feedback on its options is kept"]
    );
}

#[test]
fn a_typed_gap_in_a_sentence_keeps_its_wrong_answer_feedback() {
    let imported = import_qti(&source("qti3/entry-feedback.xml")).unwrap();
    assert_eq!(
        judge_every_item(&imported),
        vec!["right-angles: numeric".to_string()]
    );
    let item = &imported.bank.items[0];
    assert_eq!(item.prompt, "A rectangle has \\_\\_\\_\\_\\_ right angles.");
    let json = serde_json::to_value(&item.kind).unwrap();
    assert_eq!(json["misconceptions"][0]["answer"], "2");
    assert_eq!(json["misconceptions"][1]["answer"], "360");
    assert_eq!(skipped(&imported), Vec::<String>::new());
    assert_eq!(
        changed(&imported),
        vec!["changed: entry-feedback.xml (line 10): the gap shares its paragraph with text: it is shown as a line and answered below, so that the feedback on wrong answers is kept"]
    );
}

#[test]
fn words_dragged_into_gaps_become_drop_downs_of_the_words() {
    let imported = import_qti(&source("qti2/gap-match.xml")).unwrap();
    let ItemKind::FillBlanks { blanks } = &imported.bank.items[0].kind else {
        panic!("fill-the-gaps");
    };
    for blank in blanks {
        assert!(blank.choices.len() >= 2, "{blank:?}");
        assert!(blank.choices.contains(&blank.answers[0]), "{blank:?}");
    }
}

/// A QTI 3.0 package of items without a test, each item in `xml:lang` as given.
fn package_of_items_in(languages: &[&str]) -> crate::import::source_files::SourceFiles {
    let mut files = crate::import::source_files::SourceFiles::new("items");
    let mut resources = String::new();
    for (number, language) in languages.iter().enumerate() {
        let file = format!("item{number}.xml");
        files.insert(
            &file,
            format!(
                r#"<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="i{number}" title="I" xml:lang="{language}">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-item-body>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
      <qti-prompt>Quel est l’état de la glace ?</qti-prompt>
      <qti-simple-choice identifier="A">solide</qti-simple-choice>
      <qti-simple-choice identifier="B">gazeux</qti-simple-choice>
    </qti-choice-interaction>
  </qti-item-body>
</qti-assessment-item>"#
            )
            .into_bytes(),
        );
        resources.push_str(&format!(
            r#"<resource identifier="r{number}" type="imsqti_item_xmlv3p0" href="{file}"><file href="{file}"/></resource>"#
        ));
    }
    files.insert(
        "imsmanifest.xml",
        format!(
            r#"<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="m"><organizations/><resources>{resources}</resources></manifest>"#
        )
        .into_bytes(),
    );
    files
}

#[test]
fn a_package_of_items_without_a_test_takes_its_items_language() {
    // A French publisher's items: the bank is French (the widget speaks French and reads `0,5`
    // as a French reader writes it); it was written without a language, so English.
    let french = super::import_qti_files(&package_of_items_in(&["fr", "fr"])).unwrap();
    assert_eq!(french.bank.items.len(), 2);
    assert_eq!(french.bank.language.as_deref(), Some("fr"));
    // Items that disagree say nothing about the bank's language.
    let mixed = super::import_qti_files(&package_of_items_in(&["fr", "en"])).unwrap();
    assert_eq!(mixed.bank.language, None);
}

#[test]
fn a_qti3_interaction_left_out_is_named_as_the_file_writes_it() {
    let mut files = crate::import::source_files::SourceFiles::new("essay");
    files.insert(
        "essay.xml",
        br#"<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="e" title="E">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>
  <qti-item-body>
    <qti-extended-text-interaction response-identifier="RESPONSE"><qti-prompt>Why do we have seasons?</qti-prompt></qti-extended-text-interaction>
  </qti-item-body>
</qti-assessment-item>"#
            .to_vec(),
    );
    let error = match super::import_qti_files(&files) {
        Ok(imported) => skipped(&imported).join("\n"),
        Err(error) => error,
    };
    assert!(
        error.contains("the interaction qti-extended-text-interaction cannot be answered in the widget (a written answer is marked by a person"),
        "{error}"
    );
}
