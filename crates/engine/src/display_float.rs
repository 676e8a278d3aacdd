//! Numbers as text, as std writes them, without std's float formatting (Grisu and Dragon with
//! their tables of powers, 5 KB of the widget's wasm gzipped): `display_float` is
//! `value.to_string()` (the shortest digits that read back as the value, never an exponent) and
//! `fixed_float` is `format!("{value:.decimals$}")` (the exact value rounded half to even). Tests
//! compare both with std on every kind of double.

use crate::parse_float::{magnitude as nearest_double, Big, EXACT_POWERS_OF_TEN};

/// `value.to_string()`: the fewest significant digits that read back as `value` (the nearest of
/// them to `value` when two have as few), written out in full: `1e21` is
/// `1000000000000000000000`, `1e-7` is `0.0000001`. Numbers of at most 15 significant digits and
/// 15 decimals (what banks write) take a short way, one division per decimal tried; the others
/// go through their exact decimal expansion.
pub fn display_float(value: f64) -> String {
    if let Some(text) = not_finite(value) {
        return text.to_string();
    }
    let (mut whole, mut exponent) =
        short_digits(value.abs()).unwrap_or_else(|| shortest_digits(value.abs()));
    // `10 × 10^-17` (rounded up from `9.99…`) is written `1 × 10^-16`.
    while whole >= 10 && whole % 10 == 0 && exponent < 0 {
        whole /= 10;
        exponent += 1;
    }
    plain_text(value.is_sign_negative(), &whole.to_string(), exponent)
}

/// `format!("{value:.decimals$}")`: `value` rounded to `decimals` places (exactly, ties to even)
/// and written with that many, `-` kept on a negative value that rounds to zero, as std does.
pub fn fixed_float(value: f64, decimals: usize) -> String {
    if let Some(text) = not_finite(value) {
        return text.to_string();
    }
    let (mut digits, exponent) = exact_digits(value.abs());
    // Digits to drop so that the last one kept is at 10^-decimals.
    let drop = -(decimals as i64) - exponent;
    if drop > 0 {
        let drop = drop as usize;
        let kept = digits.len().saturating_sub(drop);
        // Round half to even: above half, or exactly half (a 5 then nothing: trailing zeros are
        // gone) and the last digit kept odd.
        let up = match digits.get(kept) {
            Some(&first) if drop <= digits.len() => {
                first > 5
                    || (first == 5
                        && (kept + 1 < digits.len()
                            || kept
                                .checked_sub(1)
                                .is_some_and(|last| digits[last] % 2 == 1)))
            }
            // Below a tenth of the last place kept: down.
            _ => false,
        };
        digits.truncate(kept);
        if up {
            round_up(&mut digits);
        }
        if digits.is_empty() {
            digits.push(0);
        }
    }
    let exponent = exponent.max(-(decimals as i64));
    let mut text = String::with_capacity(digits.len());
    for &digit in &digits {
        text.push(char::from(b'0' + digit));
    }
    let mut written = plain_text(value.is_sign_negative(), &text, exponent);
    // Zeros up to `decimals` places.
    let now = written
        .find('.')
        .map_or(0, |point| written.len() - point - 1);
    if decimals > now {
        if now == 0 {
            written.push('.');
        }
        written.extend(std::iter::repeat_n('0', decimals - now));
    }
    written
}

/// std's words for the numbers that are not finite.
fn not_finite(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value.is_infinite() {
        Some(if value < 0.0 { "-inf" } else { "inf" })
    } else {
        None
    }
}

/// `digits × 10^exponent` in plain notation.
fn plain_text(negative: bool, digits: &str, exponent: i64) -> String {
    let mut text = String::with_capacity(digits.len() + exponent.unsigned_abs() as usize + 3);
    if negative {
        text.push('-');
    }
    if exponent >= 0 {
        text.push_str(digits);
        if digits != "0" {
            text.extend(std::iter::repeat_n('0', exponent as usize));
        }
        return text;
    }
    let decimals = exponent.unsigned_abs() as usize;
    if digits.len() > decimals {
        let (integer, fraction) = digits.split_at(digits.len() - decimals);
        text.push_str(integer);
        text.push('.');
        text.push_str(fraction);
    } else {
        text.push_str("0.");
        text.extend(std::iter::repeat_n('0', decimals - digits.len()));
        text.push_str(digits);
    }
    text
}

/// The short way of `display_float` for a number `whole / 10^decimals` with `whole` below
/// 10^15: the fewest decimals for which that quotient, correctly rounded (both exact, one
/// division), is `magnitude`. No shorter text reads back as it (it would have fewer decimals),
/// nor another of as many digits (two decimals of at most 15 significant digits never round to
/// one double). As `(whole, -decimals)`.
fn short_digits(magnitude: f64) -> Option<(u64, i64)> {
    for (decimals, power) in EXACT_POWERS_OF_TEN[..16].iter().enumerate() {
        let scaled = magnitude * power;
        if scaled >= 1e15 {
            return None;
        }
        let whole = scaled.round();
        if whole / power == magnitude {
            return Some((whole as u64, -(decimals as i64)));
        }
    }
    None
}

/// The fewest significant digits `whole × 10^exponent` that read back as `magnitude` (positive,
/// finite), the nearer when two have as few: for each count of digits, the exact expansion cut
/// there and rounded to nearest, then the other way (at a power of two the doubles below are
/// closer together than those above, so the nearer may not read back when the farther does).
/// Any count that has a number reading back has one of these two; 17 digits always do.
fn shortest_digits(magnitude: f64) -> (u64, i64) {
    let (digits, exponent) = exact_digits(magnitude);
    let mut nearest = (0, 0);
    for count in 1..=digits.len().min(17) {
        let down = digits[..count]
            .iter()
            .fold(0u64, |n, &d| n * 10 + u64::from(d));
        let at = exponent + (digits.len() - count) as i64;
        if count == digits.len() {
            return (down, at);
        }
        let (first, second) = if digits[count] >= 5 {
            (down + 1, down)
        } else {
            (down, down + 1)
        };
        nearest = (first, at);
        for whole in [first, second] {
            if reads_back(whole, at, magnitude) {
                return (whole, at);
            }
        }
    }
    nearest
}

/// Whether `whole × 10^exponent` reads as `magnitude` (through the parser's own rounding).
fn reads_back(whole: u64, exponent: i64, magnitude: f64) -> bool {
    let mut digits = [0u8; 20];
    let mut count = 0;
    let mut rest = whole;
    while rest > 0 {
        digits[count] = (rest % 10) as u8;
        rest /= 10;
        count += 1;
    }
    digits[..count].reverse();
    nearest_double(&digits[..count], exponent) == magnitude
}

/// The exact value of `magnitude` (finite, not negative) as decimal digits, the first not 0 and
/// the last not 0, and the power of ten of the last: `m × 2^e` is `m × 2^e` for `e >= 0` and
/// `m × 5^-e × 10^e` below. `([0], 0)` for zero.
fn exact_digits(magnitude: f64) -> (Vec<u8>, i64) {
    let bits = magnitude.to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    if m == 0 {
        return (vec![0], 0);
    }
    let shift = m.trailing_zeros().min(e.unsigned_abs() as u32);
    if e < 0 {
        m >>= shift;
        e += i64::from(shift);
    }
    let mut big = Big::from_u64(m);
    let mut exponent = 0;
    if e >= 0 {
        big.shift_left(e as u32);
    } else {
        big.multiply_by_power_of_five(e.unsigned_abs() as u32);
        exponent = e;
    }
    let mut digits = big.decimal_digits();
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    (digits, exponent)
}

/// Adds one to the last of `digits` (a carry past the first adds a digit in front).
fn round_up(digits: &mut Vec<u8>) {
    for digit in digits.iter_mut().rev() {
        if *digit < 9 {
            *digit += 1;
            return;
        }
        *digit = 0;
    }
    digits.insert(0, 1);
}

#[cfg(test)]
mod tests;
