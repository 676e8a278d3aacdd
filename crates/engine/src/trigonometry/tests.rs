//! `sin`, `cos`, `tan` against std's, in units in the last place.

use super::{cos, sin, tan};
use crate::seeded::SeededSequence as Sequence;

/// How many doubles lie between `a` and `b` (both finite, or both the same non-finite).
fn places_apart(a: f64, b: f64) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    let ordered = |x: f64| {
        let bits = x.to_bits() as i64;
        if bits < 0 {
            i64::MIN - bits
        } else {
            bits
        }
    };
    ordered(a).abs_diff(ordered(b))
}

fn check(x: f64, most: u64) {
    for (name, ours, std) in [
        ("sin", sin(x), x.sin()),
        ("cos", cos(x), x.cos()),
        ("tan", tan(x), x.tan()),
    ] {
        assert!(
            places_apart(ours, std) <= most,
            "{name}({x:e}) = {ours:e}, std {std:e}: {} places apart",
            places_apart(ours, std)
        );
    }
}

#[test]
fn angles_an_exercise_writes_agree_with_std() {
    for x in [
        0.0, -0.0, 1e-300, 1e-9, 0.5, 1.0, 2.0, 3.0, 10.0, 30.0, 45.0, 90.0, 180.0, 360.0, 1e3, 1e6,
    ] {
        check(x, 2);
        check(-x, 2);
    }
    let mut sequence = Sequence(3);
    for _ in 0..crate::seeded::rounds(200_000) {
        let magnitude = 10f64.powf(sequence.unit() * 12.0 - 3.0);
        check(magnitude * (sequence.unit() - 0.5) * 2.0, 4);
    }
}

#[test]
fn angles_near_a_multiple_of_a_right_angle_agree_with_std() {
    let mut sequence = Sequence(7);
    for _ in 0..crate::seeded::rounds(100_000) {
        let k = (sequence.unit() * 1e9).round();
        let x = k * std::f64::consts::FRAC_PI_2;
        for step in -2..=2_i64 {
            let near = f64::from_bits((x.to_bits() as i64 + step) as u64);
            check(near, 4);
        }
    }
}

#[test]
fn a_huge_angle_still_has_a_sine() {
    for x in [5e9, 1e15, 1e300, -1e300, f64::MAX] {
        let (s, c) = (sin(x), cos(x));
        assert!(
            (-1.0..=1.0).contains(&s) && (-1.0..=1.0).contains(&c),
            "{x:e}"
        );
        assert!((s * s + c * c - 1.0).abs() < 1e-15, "{x:e}");
    }
}

#[test]
fn no_number_has_no_sine() {
    for x in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        assert!(sin(x).is_nan() && cos(x).is_nan() && tan(x).is_nan());
    }
}
