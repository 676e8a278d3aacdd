//! QTI export tests: every sample bank in `www/banks` goes bank → QTI 3.0 package → bank and
//! keeps every item as QTI holds it (compared item by item, templates in several variants);
//! the package is well-formed and has the structure the QTI 3.0 specification requires.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use adaptive_practice_engine::bank::{Blank, Hint, Item, ItemKind, NumericValue};
use adaptive_practice_engine::load_bank;
use adaptive_practice_engine::markup::{parse_inline, parse_markup};
use adaptive_practice_engine::template::instantiate;

mod drop_downs;

use super::{export_qti_package_from, held_by_qti, QTI3_NAMESPACE, QTI3_PACKAGE_NAMESPACE};
use crate::import::qti::import_qti;

fn sample_banks() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/banks");
    let mut banks: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("www/banks")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    banks.sort();
    assert!(banks.len() >= 5, "the sample banks are in www/banks");
    banks
}

pub(super) fn temporary_folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("qti-export-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&folder).ok();
    folder
}

/// Texts as the widget reads them (markup trees); numbers by value to 5 significant digits (a
/// templated `{{b}}/{{a}}` comes back as the value QTI computed); no template (compared variant
/// by variant).
pub(super) fn comparable(item: &Item) -> Item {
    let text = |text: &mut String| *text = format!("{:?}", parse_markup(text));
    let number = |value: &mut NumericValue| {
        value.text = format!("{:.4e}", value.value);
        value.value = 0.0;
    };
    let mut item = item.clone();
    item.template = None;
    text(&mut item.prompt);
    item.hints
        .iter_mut()
        .for_each(|hint: &mut Hint| text(&mut hint.text));
    if let Some(solution) = &mut item.solution {
        text(solution);
    }
    fn kind_texts(
        kind: &mut ItemKind,
        text: &dyn Fn(&mut String),
        number: &dyn Fn(&mut NumericValue),
    ) {
        match kind {
            ItemKind::SingleChoice { choices, .. } | ItemKind::MultipleResponse { choices, .. } => {
                for choice in choices.iter_mut() {
                    choice.text = format!("{:?}", parse_inline(&choice.text));
                }
                for choice in choices {
                    if let Some(feedback) = &mut choice.feedback {
                        text(feedback);
                    }
                }
            }
            ItemKind::Numeric {
                answer,
                misconceptions,
                ..
            } => {
                number(answer);
                for misconception in misconceptions {
                    number(&mut misconception.answer);
                    text(&mut misconception.feedback);
                }
            }
            ItemKind::MathExpression { misconceptions, .. }
            | ItemKind::ShortText { misconceptions, .. } => {
                misconceptions
                    .iter_mut()
                    .for_each(|misconception| text(&mut misconception.feedback));
            }
            ItemKind::FillBlanks { blanks } => {
                for blank in blanks {
                    if !blank.choices.is_empty() {
                        // A drop-down by its options and the ones it judges right.
                        let right = crate::export::right_drop_down_options(blank);
                        *blank = Blank {
                            answers: right.iter().map(|&i| blank.choices[i].clone()).collect(),
                            choices: blank.choices.clone(),
                            ..Blank::default()
                        };
                        for option in blank.answers.iter_mut().chain(&mut blank.choices) {
                            *option = format!("{:?}", parse_inline(option));
                        }
                    }
                    if let Some(value) = &mut blank.numeric {
                        number(value);
                    }
                }
            }
            ItemKind::MultiStep { steps } => {
                for step in steps {
                    text(&mut step.prompt);
                    kind_texts(&mut step.kind, text, number);
                }
            }
            ItemKind::Ordering { items } => {
                for entry in items {
                    *entry = format!("{:?}", parse_inline(entry));
                }
            }
            ItemKind::Matching { pairs, distractors } => {
                for pair in pairs {
                    pair.left = format!("{:?}", parse_inline(&pair.left));
                    pair.right = format!("{:?}", parse_inline(&pair.right));
                }
                for entry in distractors {
                    *entry = format!("{:?}", parse_inline(entry));
                }
            }
        }
    }
    kind_texts(&mut item.kind, &text, &number);
    item
}

#[test]
fn every_sample_bank_round_trips_through_a_qti_package() {
    let mut summary = Vec::new();
    for path in sample_banks() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let bank = load_bank(&std::fs::read_to_string(&path).unwrap())
            .bank
            .expect("a sample bank loads");
        let folder = temporary_folder(&name);
        let report =
            export_qti_package_from(&bank, path.parent().unwrap(), &folder).expect("exported");
        let imported = import_qti(&folder).expect("imported back");
        assert_eq!(
            imported.bank.items.len(),
            bank.items.len(),
            "{name}: every item comes back"
        );
        let skipped: Vec<String> = imported
            .notes
            .iter()
            .filter(|note| note.kind == crate::import::NoteKind::Skipped)
            .map(ToString::to_string)
            .collect();
        assert!(skipped.is_empty(), "{name}: {skipped:#?}");
        // Items come back grouped by skill (one test section per skill), so they are matched by id.
        for original in &bank.items {
            let (held, _) = held_by_qti(original);
            let back = imported
                .bank
                .items
                .iter()
                .find(|back| back.id == held.id)
                .unwrap_or_else(|| panic!("{name}: item {} comes back", original.id));
            for seed in 0..4 {
                let expected = comparable(&instantiate(&held, seed).expect("original variant"));
                let actual = comparable(&instantiate(back, seed).expect("round-tripped variant"));
                assert_eq!(
                    actual, expected,
                    "{name}: item {} (seed {seed})",
                    original.id
                );
            }
        }
        assert_eq!(
            imported.bank.skills.len(),
            bank.skills
                .iter()
                .filter(|skill| bank
                    .items
                    .iter()
                    .any(|item| item.skills.first() == Some(&skill.id)))
                .count()
        );
        assert_eq!(imported.media.len(), report.media_written, "{name}: media");
        summary.push(format!(
            "{name}: {} items, {} not held",
            bank.items.len(),
            report.notes.len()
        ));
        check_package_structure(&folder);
        std::fs::remove_dir_all(&folder).ok();
    }
    assert_eq!(summary.len(), sample_banks().len());
}

#[test]
fn a_zip_package_round_trips_like_a_folder() {
    let path = sample_banks()
        .into_iter()
        .find(|path| path.ends_with("item-types.json"))
        .unwrap();
    let bank = load_bank(&std::fs::read_to_string(&path).unwrap())
        .bank
        .unwrap();
    let zip = std::env::temp_dir().join(format!("qti-export-{}.zip", std::process::id()));
    export_qti_package_from(&bank, path.parent().unwrap(), &zip).unwrap();
    let imported = import_qti(&zip).unwrap();
    assert_eq!(imported.bank.items.len(), bank.items.len());
    std::fs::remove_file(&zip).ok();
}

#[test]
fn what_qti_cannot_hold_is_listed_item_by_item() {
    let path = sample_banks()
        .into_iter()
        .find(|path| path.ends_with("item-types.json"))
        .unwrap();
    let bank = load_bank(&std::fs::read_to_string(&path).unwrap())
        .bank
        .unwrap();
    let folder = temporary_folder("report");
    let report = export_qti_package_from(&bank, path.parent().unwrap(), &folder).unwrap();
    assert_eq!(report.items_written, bank.items.len());
    assert_eq!(
        report
            .notes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec!["changed: steps: not held: scaffold questions in hints (their text is kept)"]
    );
    std::fs::remove_dir_all(&folder).ok();
}

/// Well-formed XML everywhere; the manifest, test and items in their QTI 3.0 namespaces with
/// valid identifiers; every reference (resource files, item refs, response and outcome
/// identifiers) resolves; the item's children come in the order the schema sets.
pub(super) fn check_package_structure(folder: &Path) {
    let read = |path: &Path| {
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
    };
    let manifest_text = read(&folder.join("imsmanifest.xml"));
    let manifest = roxmltree::Document::parse(&manifest_text).expect("the manifest is well-formed");
    assert_eq!(
        manifest.root_element().tag_name().namespace(),
        Some(QTI3_PACKAGE_NAMESPACE)
    );
    assert_eq!(manifest.root_element().tag_name().name(), "manifest");
    for file in manifest
        .descendants()
        .filter(|node| node.tag_name().name() == "file")
    {
        let href = file.attribute("href").unwrap();
        assert!(folder.join(href).is_file(), "the manifest lists {href}");
    }
    let test_text = read(&folder.join("test.xml"));
    let test = roxmltree::Document::parse(&test_text).expect("the test is well-formed");
    assert_eq!(
        test.root_element().tag_name().namespace(),
        Some(QTI3_NAMESPACE)
    );
    assert_eq!(test.root_element().tag_name().name(), "qti-assessment-test");
    let items: Vec<&str> = manifest
        .descendants()
        .filter(|node| node.attribute("type") == Some("imsqti_item_xmlv3p0"))
        .filter_map(|node| node.attribute("href"))
        .collect();
    for reference in test
        .descendants()
        .filter(|node| node.tag_name().name() == "qti-assessment-item-ref")
    {
        assert!(items.contains(&reference.attribute("href").unwrap()));
    }
    const ORDER: &[&str] = &[
        "qti-response-declaration",
        "qti-outcome-declaration",
        "qti-template-declaration",
        "qti-template-processing",
        "qti-item-body",
        "qti-response-processing",
        "qti-modal-feedback",
    ];
    for href in items {
        let text = read(&folder.join(href));
        let item =
            roxmltree::Document::parse(&text).unwrap_or_else(|error| panic!("{href}: {error}"));
        let root = item.root_element();
        assert_eq!(root.tag_name().namespace(), Some(QTI3_NAMESPACE), "{href}");
        assert_eq!(root.tag_name().name(), "qti-assessment-item");
        for attribute in ["identifier", "title", "adaptive", "time-dependent"] {
            assert!(root.attribute(attribute).is_some(), "{href}: {attribute}");
        }
        let positions: Vec<usize> = root
            .children()
            .filter(|child| child.is_element())
            .map(|child| {
                ORDER
                    .iter()
                    .position(|name| *name == child.tag_name().name())
                    .unwrap_or_else(|| panic!("{href}: {:?}", child.tag_name()))
            })
            .collect();
        assert!(
            positions.windows(2).all(|pair| pair[0] <= pair[1]),
            "{href}: children out of order"
        );
        // A value set to an outcome has the outcome's cardinality.
        let cardinality = |identifier: &str| {
            root.children()
                .find(|child| {
                    child.tag_name().name().ends_with("-declaration")
                        && child.attribute("identifier") == Some(identifier)
                })
                .and_then(|declaration| declaration.attribute("cardinality"))
        };
        for set in item
            .descendants()
            .filter(|node| node.tag_name().name() == "qti-set-outcome-value")
        {
            let value = set.children().find(|child| child.is_element()).unwrap();
            let value_cardinality = match value.tag_name().name() {
                "qti-variable" => cardinality(value.attribute("identifier").unwrap()),
                "qti-multiple" => Some("multiple"),
                _ => Some("single"),
            };
            assert_eq!(
                cardinality(set.attribute("identifier").unwrap()),
                value_cardinality,
                "{href}: {:?}",
                set.attribute("identifier")
            );
        }
        let declared: BTreeSet<&str> = root
            .children()
            .filter(|child| child.tag_name().name().ends_with("-declaration"))
            .filter_map(|child| child.attribute("identifier"))
            .collect();
        for node in item.descendants().filter(|node| node.is_element()) {
            let is_identifier = |value: &str| {
                value.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            };
            if let Some(identifier) = node.attribute("identifier") {
                assert!(
                    is_identifier(identifier),
                    "{href}: identifier {identifier:?}"
                );
            }
            for attribute in ["response-identifier", "outcome-identifier"] {
                if let Some(identifier) = node.attribute(attribute) {
                    assert!(
                        declared.contains(identifier),
                        "{href}: {attribute} {identifier} is not declared"
                    );
                }
            }
            if matches!(
                node.tag_name().name(),
                "qti-variable"
                    | "qti-correct"
                    | "qti-map-response"
                    | "qti-printed-variable"
                    | "qti-set-outcome-value"
                    | "qti-set-template-value"
                    | "qti-set-correct-response"
            ) {
                let identifier = node.attribute("identifier").unwrap();
                assert!(
                    declared.contains(identifier),
                    "{href}: {identifier} is not declared"
                );
            }
        }
    }
}

#[test]
fn a_template_with_a_fractional_step_round_trips() {
    let text = r#"{"id": "steps", "version": "1", "title": "Steps", "skills": [{"id": "s", "name": "S"}],
      "items": [{"id": "half-steps", "skills": ["s"], "type": "numeric", "prompt": "What is {{a}} + {{b}}?",
        "answer": "{{a + b}}", "tolerance": 0.001,
        "template": {"variables": {"a": {"min": 1.5, "max": 4.5, "step": 0.5}, "b": {"min": 1, "max": 9}}}}]}"#;
    let bank = load_bank(text).bank.expect("the bank loads");
    let folder = temporary_folder("steps");
    let report = export_qti_package_from(&bank, Path::new("."), &folder).unwrap();
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    check_package_structure(&folder);
    let item_xml = std::fs::read_to_string(folder.join("half-steps.xml")).unwrap();
    assert!(
        item_xml.contains("<qti-random-integer min=\"3\" max=\"9\"/>"),
        "{item_xml}"
    );
    let imported = import_qti(&folder).unwrap();
    let back = &imported.bank.items[0];
    for seed in 0..6 {
        assert_eq!(
            comparable(&instantiate(back, seed).unwrap()),
            comparable(&instantiate(&bank.items[0], seed).unwrap())
        );
    }
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn template_values_written_in_formulas_are_math_variables_for_other_players() {
    let text = r#"{"id": "math", "version": "1", "title": "Math", "skills": [{"id": "s", "name": "S"}],
      "items": [{"id": "solve", "skills": ["s"], "type": "numeric",
        "prompt": "Solve ${{a}}x = {{b}}$ where $n = {{n}}$.", "answer": "{{b / a}}", "tolerance": 0.01,
        "template": {"variables": {"a": {"min": 2, "max": 5}, "b": {"min": 1, "max": 9}, "n": {"min": 1, "max": 3}}}}]}"#;
    let bank = load_bank(text).bank.expect("the bank loads");
    let folder = temporary_folder("math-variables");
    export_qti_package_from(&bank, Path::new("."), &folder).unwrap();
    check_package_structure(&folder);
    let xml = std::fs::read_to_string(folder.join("solve.xml")).unwrap();
    let math_variables: Vec<&str> = xml
        .match_indices("<qti-template-declaration identifier=\"")
        .filter_map(|(at, _)| {
            let declaration = &xml[at..at + xml[at..].find("/>").unwrap()];
            let name = declaration.split('"').nth(1).unwrap();
            declaration
                .contains("math-variable=\"true\"")
                .then_some(name)
        })
        .collect();
    // `n` is a letter of a formula as well: a player must not put its value there.
    assert_eq!(math_variables, vec!["a", "b"]);
    std::fs::remove_dir_all(&folder).ok();
}
