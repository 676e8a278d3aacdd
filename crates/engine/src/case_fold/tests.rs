//! `fold_case` against std's lower case, for every character.

use super::{fold_case, lowercase, LOWERCASE_RUNS};

/// The runs as std's `char::to_lowercase` gives them (characters above ASCII whose lower case
/// is one other character).
fn runs_from_std() -> Vec<(u32, i32)> {
    let mut runs: Vec<(u32, u32, u32, i32)> = Vec::new(); // first, length, stride, offset
    for code in 0x80..=0x10FFFF_u32 {
        let Some(character) = char::from_u32(code) else {
            continue;
        };
        let mut lower = character.to_lowercase();
        let (Some(first), None) = (lower.next(), lower.next()) else {
            continue;
        };
        if first == character {
            continue;
        }
        let offset = first as i32 - code as i32;
        if let Some((start, length, stride, run_offset)) = runs.last_mut() {
            let last = *start + *stride * (*length - 1);
            let step = code - last;
            if *run_offset == offset && ((*length == 1 && step <= 2) || step == *stride) {
                *stride = step;
                *length += 1;
                continue;
            }
        }
        runs.push((code, 1, 1, offset));
    }
    runs.into_iter()
        .map(|(start, length, stride, offset)| {
            assert!(length < 256, "a run of {length} from {start:X}");
            (start << 9 | length << 1 | (stride - 1), offset)
        })
        .collect()
}

#[test]
fn the_table_lowers_every_character_as_std_does() {
    let expected = runs_from_std();
    if LOWERCASE_RUNS != expected.as_slice() {
        let rows: Vec<String> = expected
            .chunks(4)
            .map(|row| {
                let cells: Vec<String> = row
                    .iter()
                    .map(|(a, b)| format!("(0x{:X} << 9 | {}, {b})", a >> 9, a & 0x1FF))
                    .collect();
                format!("    {},", cells.join(", "))
            })
            .collect();
        panic!("LOWERCASE_RUNS should read:\n{}", rows.join("\n"));
    }
    for character in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        if character == '\u{130}' {
            continue;
        }
        let mut lower = character.to_lowercase();
        let (Some(first), None) = (lower.next(), lower.next()) else {
            panic!("{character:?} lowers to more than one character");
        };
        assert_eq!(lowercase(character), first, "{character:?}");
    }
}

#[test]
fn text_folds_as_std_lowers_it_but_for_sigma() {
    for text in [
        "Numerator",
        "ÉCOLE Élève",
        "İstanbul",
        "ΑΘΗΝΑ",
        "Ꭰꭰ",
        "ǅemal",
        "ẞ",
        "КИЇВ",
        "ԱՐԱՐԱՏ",
        "Ⓐ",
        "𐐀𐐁",
        "٣ أرقام",
        "",
    ] {
        assert_eq!(fold_case(text), text.to_lowercase(), "{text}");
    }
}

#[test]
fn sigma_in_any_form_folds_to_one_letter() {
    assert_eq!(fold_case("ΟΔΟΣ"), "οδοσ");
    assert_eq!(fold_case("οδός"), "οδόσ");
    assert_eq!(fold_case("ΣΟΦΙΑ"), fold_case("σοφια"));
    assert_eq!(fold_case("Σς σ"), "σσ σ");
}
