//! Drop-down gaps go bank → QTI 3.0 package → bank as inline choice interactions and come back
//! with their options, in order, and the same right options (a number gap's drop-down comes
//! back as the option texts it judges right).

use std::path::Path;

use adaptive_practice_engine::bank::ItemKind;
use adaptive_practice_engine::load_bank;

use super::super::export_qti_package_from;
use super::{check_package_structure, comparable, temporary_folder};
use crate::import::qti::import_qti;

#[test]
fn drop_down_gaps_round_trip_as_inline_choices() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/round-trip");
    let text = std::fs::read_to_string(folder.join("drop-downs.json")).expect("the test bank");
    let bank = load_bank(&text).bank.expect("the test bank loads");
    let out = temporary_folder("drop-downs");
    export_qti_package_from(&bank, &folder, &out).expect("exported");
    check_package_structure(&out);
    let item_file = std::fs::read_dir(&out)
        .expect("the package folder")
        .flatten()
        .map(|entry| std::fs::read_to_string(entry.path()).unwrap_or_default())
        .find(|xml| xml.contains("identifier=\"one-word\""))
        .expect("the item one-word");
    assert!(
        item_file.contains("<qti-inline-choice-interaction response-identifier=\"RESPONSE_GAP_1\" shuffle=\"false\"><qti-inline-choice identifier=\"G1_C1\">solid</qti-inline-choice>"),
        "{item_file}"
    );
    let imported = import_qti(&out).expect("imported back");
    std::fs::remove_dir_all(&out).ok();
    assert_eq!(imported.bank.items.len(), bank.items.len());
    for (original, back) in bank.items.iter().zip(&imported.bank.items) {
        let ItemKind::FillBlanks { blanks } = &back.kind else {
            panic!("{}: fill-the-gaps, not {}", back.id, back.type_name());
        };
        assert!(
            blanks.iter().any(|blank| !blank.choices.is_empty()),
            "{}: its drop-down is lost",
            back.id
        );
        assert_eq!(
            comparable(original),
            comparable(back),
            "{} changed on the way",
            original.id
        );
    }
}
