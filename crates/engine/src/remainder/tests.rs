//! `remainder` and `euclidean_remainder` against std's `%` and `rem_euclid`, bit for bit.

use super::{euclidean_remainder, remainder};
use crate::seeded::SeededSequence as Sequence;

fn check(x: f64, y: f64) {
    let same =
        |ours: f64, std: f64| ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan());
    assert!(
        same(remainder(x, y), x % y),
        "{x:e} % {y:e}: {:e}, std {:e}",
        remainder(x, y),
        x % y
    );
    assert!(
        same(euclidean_remainder(x, y), x.rem_euclid(y)),
        "{x:e} rem_euclid {y:e}: {:e}, std {:e}",
        euclidean_remainder(x, y),
        x.rem_euclid(y)
    );
}

#[test]
fn special_values_give_what_std_gives() {
    let values = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.7,
        2.5,
        -7.0,
        1e300,
        -1e-300,
        f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    for x in values {
        for y in values {
            check(x, y);
        }
    }
}

#[test]
fn random_doubles_give_what_std_gives() {
    let mut sequence = Sequence(11);
    for _ in 0..crate::seeded::rounds(300_000) {
        let x = f64::from_bits(sequence.next_u64());
        let y = f64::from_bits(sequence.next_u64());
        check(x, y);
        // Close exponents, as templates write them.
        let small = (sequence.next_u64() % 2000) as f64 / 7.0 - 100.0;
        let divisor = (sequence.next_u64() % 50) as f64 / 3.0 - 10.0;
        check(small, divisor);
    }
}
