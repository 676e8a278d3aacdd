//! `sin`, `cos` and `tan` for expressions and templates, within a few units in the last place
//! of std's (a test compares them). std's (libm's) reduce any angle exactly, up to 10^308
//! radians, with a 1,200-bit table of 2/π and 6 KB of code (3.1 KB of `make size`); here the
//! angle is reduced by π/2 written in seven parts, exact enough below 2^32 (4·10^9) radians,
//! which is all an exercise writes. A larger angle (its neighbouring doubles are already 10^-6
//! or more apart) is first taken modulo the double nearest 2π: a sine still, not std's.

use crate::remainder::{euclidean_remainder, remainder};

/// π/2 as a sum of parts of at most 20 significant bits (the last: the rest, rounded), so that
/// `k × part` is exact for every `k` below 2^33.
const HALF_PI_PARTS: [f64; 7] = [
    1.5707950592041016,
    1.2675900507019833e-6,
    7.443542310303641e-13,
    5.170176613476942e-19,
    6.368316315668184e-25,
    8.47842697846967e-32,
    6.81899229294183e-39,
];

/// Below this, `k` stays under 2^33 and the reduction is exact enough.
const EXACT_BELOW: f64 = 4294967296.0;

/// `x = k·π/2 + r` with `|r| <= π/4` (about): the quadrant `k` modulo 4, and `r`.
fn reduce(x: f64) -> (u8, f64) {
    if x.abs() <= std::f64::consts::FRAC_PI_4 {
        return (0, x);
    }
    let x = if x.abs() < EXACT_BELOW {
        x
    } else {
        remainder(x, std::f64::consts::TAU)
    };
    let k = (x * std::f64::consts::FRAC_2_PI).round();
    let r = HALF_PI_PARTS.iter().fold(x, |r, part| r - k * part);
    (euclidean_remainder(k, 4.0) as u8, r)
}

/// Taylor series to the term under the last place on `|r| <= π/4`, by Horner's rule.
fn sine_near_zero(r: f64) -> f64 {
    const COEFFICIENTS: [f64; 8] = [
        -1.0 / 6.0,
        1.0 / 120.0,
        -1.0 / 5040.0,
        1.0 / 362880.0,
        -1.0 / 39916800.0,
        1.0 / 6227020800.0,
        -1.0 / 1307674368000.0,
        1.0 / 355687428096000.0,
    ];
    let z = r * r;
    r + r * z * COEFFICIENTS.iter().rev().fold(0.0, |sum, c| sum * z + c)
}

fn cosine_near_zero(r: f64) -> f64 {
    const COEFFICIENTS: [f64; 9] = [
        -1.0 / 2.0,
        1.0 / 24.0,
        -1.0 / 720.0,
        1.0 / 40320.0,
        -1.0 / 3628800.0,
        1.0 / 479001600.0,
        -1.0 / 87178291200.0,
        1.0 / 20922789888000.0,
        -1.0 / 6402373705728000.0,
    ];
    let z = r * r;
    1.0 + z * COEFFICIENTS.iter().rev().fold(0.0, |sum, c| sum * z + c)
}

/// The sine and cosine of `x` (NaN for an infinite or NaN `x`).
fn sine_and_cosine(x: f64) -> (f64, f64) {
    if !x.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let (quadrant, r) = reduce(x);
    let (s, c) = (sine_near_zero(r), cosine_near_zero(r));
    match quadrant {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

pub fn sin(x: f64) -> f64 {
    sine_and_cosine(x).0
}

pub fn cos(x: f64) -> f64 {
    sine_and_cosine(x).1
}

pub fn tan(x: f64) -> f64 {
    let (s, c) = sine_and_cosine(x);
    s / c
}

#[cfg(test)]
mod tests;
