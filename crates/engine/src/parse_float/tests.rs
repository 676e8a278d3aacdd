//! `parse_float` against std's `str::parse::<f64>`, bit for bit.

use super::parse_float;
use crate::seeded::SeededSequence as Sequence;

fn check(text: &str) {
    let ours = parse_float(text);
    let std = text.parse::<f64>().ok();
    assert_eq!(
        ours.map(f64::to_bits),
        std.map(f64::to_bits),
        "{text}: {ours:?} and std's {std:?}"
    );
}

#[test]
fn hard_cases_round_as_std_rounds_them() {
    for text in [
        "0",
        "-0",
        "+0.0",
        "1",
        "5.",
        ".5",
        "007",
        "0.1",
        "0.3",
        "3.14159",
        "1e22",
        "1e23",
        "9007199254740992",
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.0000000000000000000001",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-324",
        "1e-400",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "1e99999999999999",
        "1e-99999999999999",
        "123456789012345678901234567890",
        "0.000000000000000000000000000001",
        "1448997445238699",
        "7.038531e-26",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "8.988465674311579538646525953945123668089884894711532863671504057886633790275048156635423866120376801056005693993569667882939488440720831124642371531973706218888394671243274263815110980062304705972654147604250288441907534117123144073695655527041361858167525534229314911997362296923985815241367e307",
        "",
        ".",
        "-",
        "+",
        "e5",
        ".e5",
        "1e",
        "1e+",
        "1.2.3",
        "1..2",
        "1 ",
        "--1",
    ] {
        check(text);
    }
    let long_half = format!("0.5{}1", "0".repeat(1000));
    check(&long_half);
    check(&format!("1{}e-1000", "0".repeat(1000)));
    check(&format!("9007199254740992.5{}", "0".repeat(900)));
    check(&format!("9007199254740992.5{}1", "0".repeat(900)));
}

#[test]
fn random_numbers_round_as_std_rounds_them() {
    let mut sequence = Sequence(17);
    for _ in 0..crate::seeded::rounds(300_000) {
        let whole = sequence.below(25);
        let fraction = sequence.below(25);
        let mut text = digits(&mut sequence, whole);
        if fraction > 0 || sequence.below(4) == 0 {
            text.push('.');
            text.push_str(&digits(&mut sequence, fraction));
        }
        if sequence.below(2) == 0 {
            let exponent = sequence.below(700) as i64 - 350;
            text.push_str(&format!("e{exponent}"));
        }
        check(&text);
    }
}

#[test]
fn doubles_read_back_from_their_shortest_and_longest_forms() {
    let mut sequence = Sequence(5);
    for _ in 0..crate::seeded::rounds(100_000) {
        let bits = sequence.below(u64::MAX) & !(1 << 63);
        let value = f64::from_bits(bits);
        if !value.is_finite() {
            continue;
        }
        check(&format!("{value:e}"));
        check(&format!("{value:.30e}"));
        // Halfway between this double and the next: ties go to the even one.
        let next = f64::from_bits(bits + 1);
        if next.is_finite() {
            check(&format!("{:.40e}", value / 2.0 + next / 2.0));
        }
    }
}

/// `count` decimal digits.
fn digits(sequence: &mut Sequence, count: u64) -> String {
    (0..count)
        .map(|_| char::from(b'0' + sequence.below(10) as u8))
        .collect()
}

#[test]
fn numbers_of_up_to_nineteen_digits_round_as_std_rounds_them() {
    let mut sequence = Sequence(23);
    for _ in 0..crate::seeded::rounds(200_000) {
        let significant = 1 + sequence.below(19);
        let mut text = digits(&mut sequence, significant);
        let point = sequence.below(significant + 1) as usize;
        text.insert(point, '.');
        if sequence.below(3) == 0 {
            let exponent = sequence.below(90) as i64 - 45;
            text.push_str(&format!("e{exponent}"));
        }
        if sequence.below(2) == 0 {
            text.insert(0, '-');
        }
        check(&text);
    }
    // Doubles as Rust prints them (up to 17 digits), as a bank written by a program holds them.
    for _ in 0..crate::seeded::rounds(100_000) {
        let value = (sequence.below(1 << 40) as f64 / (1u64 << 40) as f64 - 0.5) * 20.0;
        check(&format!("{value}"));
        check(&format!("{}", value / 20.0 - 2.5));
    }
}
