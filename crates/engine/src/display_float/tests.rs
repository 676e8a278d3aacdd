//! `display_float` and `fixed_float` against std's `Display` and `{:.N}`, text for text.

use super::{display_float, fixed_float};
use crate::seeded::SeededSequence as Sequence;

fn check_display(value: f64) {
    assert_eq!(display_float(value), value.to_string(), "{:e}", value);
}

fn check_fixed(value: f64, decimals: usize) {
    assert_eq!(
        fixed_float(value, decimals),
        format!("{value:.decimals$}"),
        "{:e} to {decimals} places",
        value
    );
}

/// Doubles where shortest and exact writing go wrong first: near powers of two and ten, the ends
/// of the range, halves.
fn hard_cases() -> Vec<f64> {
    let mut values = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        0.1,
        0.3,
        0.1 + 0.2,
        2.5,
        7.125,
        1e-7,
        1e-15,
        1e-16,
        123456.789,
        999999999999999.0,
        1e15,
        1e16,
        1e21,
        1e22,
        1e23,
        1e300,
        5e-324,
        1e-323,
        // The largest subnormal.
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        0.333333333,
        2.0 / 3.0,
        1.0 / 3.0,
        4.35,
        0.07,
        9007199254740993.0,
        0.125,
        0.375,
        1.5,
        2.675,
        1.005,
        -0.0049,
        -0.5,
        0.45,
        1234.5,
    ];
    for exponent in -1074..=1023 {
        let power = 2f64.powi(exponent);
        values.extend([power, f64::from_bits(power.to_bits() + 1)]);
        if power.to_bits() > 0 {
            values.push(f64::from_bits(power.to_bits() - 1));
        }
    }
    for exponent in -325..=308 {
        let power: f64 = format!("1e{exponent}").parse().unwrap();
        values.extend([power, f64::from_bits(power.to_bits() + 1)]);
        if power.to_bits() > 0 {
            values.push(f64::from_bits(power.to_bits() - 1));
        }
    }
    values
}

#[test]
fn numbers_are_displayed_as_std_displays_them() {
    for value in hard_cases() {
        check_display(value);
        check_display(-value);
    }
    // Decimals as banks write them, their values as the bank reader rounds them, and doubles of
    // every kind.
    let mut sequence = Sequence(17);
    for round in 0..crate::seeded::rounds(200_000) {
        let digits = sequence.below(1_000_000_000_000_000) >> sequence.below(50);
        let decimals = sequence.below(18) as i32;
        let value = digits as f64 / 10f64.powi(decimals);
        check_display(value);
        check_display(-value);
        check_display((value * 1e9).round() / 1e9);
        // Any double takes the exact way, which is slower: one round in ten.
        let any = f64::from_bits(sequence.next_u64());
        if round % 10 == 0 {
            check_display(any);
        }
        let text = format!("{}.{}", sequence.below(100_000), sequence.below(1_000_000));
        check_display(text.parse().unwrap());
    }
    // Probabilities and rates as the learner model keeps them: 17 digits, mostly.
    for _ in 0..crate::seeded::rounds(20_000) {
        check_display(sequence.below(1 << 53) as f64 / (1u64 << 53) as f64);
        check_display((sequence.below(1 << 40) as f64).ln());
    }
}

#[test]
fn numbers_are_written_to_fixed_places_as_std_writes_them() {
    for value in hard_cases() {
        for decimals in [0, 1, 2, 3, 6, 17, 30] {
            check_fixed(value, decimals);
            check_fixed(-value, decimals);
        }
    }
    let mut sequence = Sequence(29);
    for _ in 0..crate::seeded::rounds(100_000) {
        let decimals = sequence.below(10) as usize;
        // Ties at every place (x.5, x.25, …), percentages, values of templates, any double.
        let tie = sequence.below(1 << 20) as f64 / (1u64 << sequence.below(12)) as f64;
        check_fixed(tie, decimals);
        check_fixed(
            sequence.below(1 << 53) as f64 / (1u64 << 53) as f64 * 100.0,
            decimals,
        );
        check_fixed((sequence.below(2_000_000) as f64 - 1e6) / 1e3, decimals);
        let any = f64::from_bits(sequence.next_u64());
        check_fixed(any, decimals);
    }
}
