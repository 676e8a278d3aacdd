//! Separators read by language and grouping; every other way of writing a number is in the
//! judging corpus (`answer/corpus/*.tsv`).

use super::{read_number, NumberStyle};

fn check(language: &str, text: &str, expected: Option<(f64, Option<f64>)>) {
    let style = NumberStyle::for_language(Some(language));
    let got = read_number(text, &style).map(|r| (r.value, r.other_reading));
    assert_eq!(got, expected, "{language}: {text:?}");
}

#[test]
fn separators_follow_the_language_and_the_grouping() {
    check("en", "42,000", Some((42000.0, Some(42.0))));
    check("en", "1,234,567.5", Some((1234567.5, None)));
    check("en", "0,5", Some((0.5, None)));
    check("en", "1,5", Some((1.5, None)));
    check("en", "42 000", Some((42000.0, None)));
    check("en", "42\u{202F}000", Some((42000.0, None)));
    check("fr", "1,500", Some((1.5, Some(1500.0))));
    check("fr", "1 500,25", Some((1500.25, None)));
    check("fr", "0.5", Some((0.5, None)));
    check("de", "42.000", Some((42000.0, Some(42.0))));
    check("de", "1.234,5", Some((1234.5, None)));
    check("ar", "٣٫٥", Some((3.5, None)));
    check("ar", "١٢٬٠٠٠", Some((12000.0, None)));
    check("en", "1,23,456", None);
    check("en", "12,34.5", None);
    check("en", "1.2.3", None);
    check("en", "1e3", Some((1000.0, None)));
    check("en", "1.5 × 10^3", Some((1500.0, None)));
    check("en", "2.5x10⁻³", Some((0.0025, None)));
    check("en", "2 1/2", Some((2.5, None)));
    check("en", "-2 1/2", Some((-2.5, None)));
    check("en", "0.(3)", Some((1.0 / 3.0, None)));
    check("en", "1e999", None);
}
