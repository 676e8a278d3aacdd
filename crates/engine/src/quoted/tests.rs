//! `quoted` against std's `{:?}`, for texts of every script the banks use and the characters it
//! escapes.

use super::quoted;

fn check(text: &str) {
    assert_eq!(quoted(text), format!("{text:?}"), "{text:?}");
}

#[test]
fn texts_are_quoted_as_debug_quotes_them() {
    for text in [
        "",
        "fractions",
        "say \"hi\"",
        r"a\b",
        "tab\there",
        "two\nlines\r\n",
        "nul\0",
        "bell\u{7}",
        "del\u{7f} c1\u{85}\u{9f}",
        "soft\u{ad}hyphen",
        "zero\u{200b}width\u{200d}joiner\u{200f}",
        "bom\u{feff}",
        "line\u{2028}para\u{2029}",
        "embed\u{202a}\u{202e}",
        "word\u{2060}joiner\u{2064}",
        "isolates\u{2066}\u{206f}",
        "arabic mark\u{61c}",
        "mongolian\u{180e}",
        "é ñ ß Σσς İ ﬁ",
        "分数 と 割合",
        "دقيقة ١٢",
        "αβγ ЖЩ 😀 ½ −",
        "'single'",
        "{braces} [x]",
    ] {
        check(text);
    }
    // Every character of the scripts the widget's languages write, each alone and in a text.
    for range in [
        0x20..0x7f,
        0xa0..0x300,
        0x370..0x530,
        0x600..0x6ff,
        0x3040..0x3100,
    ] {
        for code in range {
            if let Some(character) = char::from_u32(code) {
                if format!("{character:?}").starts_with("'\\u") {
                    // Unassigned or a combining mark: written as it is (see `quoted`).
                    continue;
                }
                check(&format!("a{character}b"));
            }
        }
    }
}

#[test]
fn combining_marks_are_written_as_they_are() {
    assert_eq!(quoted("e\u{301}"), "\"e\u{301}\"");
}
