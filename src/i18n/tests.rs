//! Every language fills every placeholder the English table has.

use super::{fill, words_for, LANGUAGES};

#[test]
fn languages_are_found_by_their_primary_tag() {
    assert_eq!(words_for(Some("fr-CA")).tag, "fr");
    assert_eq!(words_for(Some("AR")).tag, "ar");
    assert_eq!(words_for(Some("de")).tag, "en");
    assert_eq!(words_for(None).tag, "en");
}

#[test]
fn templates_fill_their_placeholders() {
    for words in LANGUAGES {
        let summary = fill(
            words.answered_summary,
            &[("answers", "12"), ("correct", "9")],
        );
        assert!(
            summary.contains("12") && summary.contains('9') && !summary.contains('{'),
            "{}: {summary}",
            words.tag
        );
        assert!(words.percent(0.72).contains("72"), "{}", words.tag);
    }
}
