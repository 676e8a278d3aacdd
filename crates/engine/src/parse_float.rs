//! `parse_float`: a decimal text to the nearest `f64`, as std's `str::parse::<f64>` gives it
//! for the texts the engine reads (JSON numbers, number literals, learners' digits). std's
//! parser keeps a 10 KB table of powers of five, which gzip cannot shrink, for speed on long
//! numbers; here the common case (up to 19 digits, a power of ten up to 38) takes one exact
//! product or quotient, without allocating, and the rest an exact computation with big integers.
//! Correctly rounded (ties to even) either way; tests compare it with std on over half a million
//! texts.

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent; no
/// `inf` or `nan`). Too large is infinite and too small is zero, as in std.
pub fn parse_float(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            at = 1;
            true
        }
        Some(b'+') => {
            at = 1;
            false
        }
        _ => false,
    };
    // The significant digits (leading zeros dropped, at most `MAX_DIGITS`, the rest folded into
    // a final 1 when any of them is not 0) and the power of ten of the last one kept.
    // On the stack: a number read allocates nothing.
    let mut digits = [0u8; MAX_DIGITS + 1];
    let mut count = 0;
    let mut exponent: i64 = 0;
    let mut dropped_nonzero = false;
    let mut any_digit = false;
    let mut seen_point = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'0'..=b'9' => {
                any_digit = true;
                if seen_point {
                    exponent -= 1;
                }
                if count < MAX_DIGITS {
                    if count > 0 || byte != b'0' {
                        digits[count] = byte - b'0';
                        count += 1;
                    }
                } else {
                    exponent += 1;
                    dropped_nonzero |= byte != b'0';
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let sign = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                -1
            }
            Some(b'+') => {
                at += 1;
                1
            }
            _ => 1,
        };
        let start = at;
        let mut written: i64 = 0;
        while let Some(&byte @ b'0'..=b'9') = bytes.get(at) {
            // Beyond any exponent that matters; kept from overflowing.
            written = (written * 10 + i64::from(byte - b'0')).min(1 << 40);
            at += 1;
        }
        if at == start {
            return None;
        }
        exponent += sign * written;
    }
    if at != bytes.len() {
        return None;
    }
    if dropped_nonzero {
        digits[count] = 1;
        count += 1;
        exponent -= 1;
    } else {
        // `1500` is 15 × 10^2: more numbers take the short way.
        while count > 0 && digits[count - 1] == 0 {
            count -= 1;
            exponent += 1;
        }
    }
    let magnitude = magnitude(&digits[..count], exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// The nearest double to `whole × 10^exponent`, up to 19 digits, when one exact integer operation gives it: a
/// product that fits `u128` (converted with one rounding, as `as` rounds: to nearest, ties to
/// even), or a quotient of at least 55 bits whose remainder is kept as a final 1 bit (below the
/// rounding bit, so the rounding sees it), scaled by a power of two.
fn short_magnitude(whole: u64, exponent: i32) -> Option<f64> {
    if whole == 0 {
        return Some(0.0);
    }
    // Both exact (a whole number below 2^53, a power of ten up to 10^22): one rounding.
    if whole < 1 << 53 && (-22..=22).contains(&exponent) {
        let power = EXACT_POWERS_OF_TEN[exponent.unsigned_abs() as usize];
        return Some(if exponent < 0 {
            whole as f64 / power
        } else {
            whole as f64 * power
        });
    }
    if !(-38..=38).contains(&exponent) {
        return None;
    }
    let power = 10u128.pow(exponent.unsigned_abs());
    if exponent >= 0 {
        return u128::from(whole).checked_mul(power).map(rounded);
    }
    let shift = whole.leading_zeros() + 64;
    let numerator = u128::from(whole) << shift;
    // Long division, one quotient bit at a time from the highest the quotient can have: `u128`'s
    // `/` costs a kilobyte of wasm.
    let top = 128 - power.leading_zeros();
    // Below 2^(top - 1), so below `power`; `remainder << 1` stays below 2^128.
    let mut remainder = numerator >> (129 - top);
    let mut quotient: u128 = 0;
    for bit in (0..=128 - top).rev() {
        remainder = (remainder << 1) | ((numerator >> bit) & 1);
        quotient <<= 1;
        if remainder >= power {
            remainder -= power;
            quotient |= 1;
        }
    }
    if quotient >> 54 == 0 {
        return None;
    }
    let jammed = quotient | u128::from(remainder != 0);
    // 2^-shift is a normal double (64 <= shift <= 127), and so is the result (above 10^-39).
    Some(rounded(jammed) * power_of_two(-(shift as i32)))
}

/// The nearest double to `n`, ties to even: its top 64 bits, any bit below them kept as a final
/// 1, converted as `u64` (one rounding; `u128`'s own conversion costs wasm code).
fn rounded(n: u128) -> f64 {
    let below = (128 - n.leading_zeros()).saturating_sub(64);
    let top = (n >> below) as u64 | u64::from(n & ((1 << below) - 1) != 0);
    top as f64 * power_of_two(below as i32)
}

/// More digits than any double needs to round right (767 can matter); beyond, only whether
/// they are all 0 does.
const MAX_DIGITS: usize = 800;

/// The nearest double to `digits × 10^exponent`.
pub(crate) fn magnitude(digits: &[u8], exponent: i64) -> f64 {
    let count = digits.len() as i64;
    if digits.is_empty() || count + exponent < -324 {
        // Below 10^-325: under half the smallest double.
        return 0.0;
    }
    if count - 1 + exponent > 309 {
        return f64::INFINITY;
    }
    if count <= 19 {
        let whole = digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d));
        if let Some(value) = short_magnitude(whole, exponent as i32) {
            return value;
        }
    }
    exact_magnitude(digits, exponent as i32)
}

pub(crate) const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The slow way, exact: `x = n / m` with big integers, then the bits of `x` a double keeps.
fn exact_magnitude(digits: &[u8], exponent: i32) -> f64 {
    let mut n = Big::from_digits(digits);
    let mut m = Big::one();
    if exponent >= 0 {
        n.multiply_by_power_of_ten(exponent as u32);
    } else {
        m.multiply_by_power_of_ten(exponent.unsigned_abs());
    }
    // The binary exponent of x (2^e2 <= x < 2^(e2 + 1)), from the lengths, then one comparison.
    let mut e2 = n.bits() as i32 - m.bits() as i32;
    if scaled_compare(&n, &m, e2) == std::cmp::Ordering::Less {
        e2 -= 1;
    }
    // x × 2^shift holds the 53 bits kept (fewer below the normal range) and one more, to round.
    let shift = (53 - e2).min(1075);
    let (mut a, mut b) = (n, m);
    if shift >= 0 {
        a.shift_left(shift as u32);
    } else {
        b.shift_left(shift.unsigned_abs());
    }
    let (quotient, exact) = a.divide_small_quotient(&b);
    let mut kept = quotient >> 1;
    let half = quotient & 1 == 1;
    if half && (!exact || kept & 1 == 1) {
        kept += 1;
    }
    // kept × 2^(1 - shift), scaled in two exact steps (2^-1074 itself is not a normal double).
    let power = 1 - shift;
    kept as f64 * power_of_two(power / 2) * power_of_two(power - power / 2)
}

/// 2^k for -1022 <= k <= 1023.
fn power_of_two(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// How `n` compares with `m × 2^e`.
fn scaled_compare(n: &Big, m: &Big, e: i32) -> std::cmp::Ordering {
    let (mut left, mut right) = (n.clone(), m.clone());
    if e >= 0 {
        right.shift_left(e as u32);
    } else {
        left.shift_left(e.unsigned_abs());
    }
    left.compare(&right)
}

/// A natural number in 32-bit limbs, least significant first, without high zero limbs.
#[derive(Clone)]
pub(crate) struct Big {
    limbs: Vec<u32>,
}

impl Big {
    fn one() -> Big {
        Big { limbs: vec![1] }
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big { limbs: Vec::new() };
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |n, &d| n * 10 + u32::from(d));
            big.multiply_add(10u32.pow(chunk.len() as u32), value);
        }
        big
    }

    fn multiply_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.limbs {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
    }

    fn multiply_by_power_of_ten(&mut self, mut power: u32) {
        while power > 0 {
            let step = power.min(9);
            self.multiply_add(10u32.pow(step), 0);
            power -= step;
        }
    }

    pub(crate) fn from_u64(n: u64) -> Big {
        let mut big = Big {
            limbs: vec![n as u32, (n >> 32) as u32],
        };
        while big.limbs.last() == Some(&0) {
            big.limbs.pop();
        }
        big
    }

    pub(crate) fn multiply_by_power_of_five(&mut self, mut power: u32) {
        while power > 0 {
            // 5^13 is the largest power of five below 2^32.
            let step = power.min(13);
            self.multiply_add(5u32.pow(step), 0);
            power -= step;
        }
    }

    /// The decimal digits of `self`, the first not 0 (none for zero).
    pub(crate) fn decimal_digits(mut self) -> Vec<u8> {
        const CHUNK: u64 = 1_000_000_000;
        let mut chunks = Vec::new();
        while !self.limbs.is_empty() {
            let mut remainder = 0u64;
            for limb in self.limbs.iter_mut().rev() {
                let current = (remainder << 32) | u64::from(*limb);
                *limb = (current / CHUNK) as u32;
                remainder = current % CHUNK;
            }
            while self.limbs.last() == Some(&0) {
                self.limbs.pop();
            }
            chunks.push(remainder as u32);
        }
        let mut digits = Vec::with_capacity(9 * chunks.len());
        for &chunk in chunks.iter().rev() {
            let mut place = CHUNK as u32;
            while place > 1 {
                place /= 10;
                let digit = (chunk / place % 10) as u8;
                if digit > 0 || !digits.is_empty() {
                    digits.push(digit);
                }
            }
        }
        digits
    }

    fn bits(&self) -> u32 {
        match self.limbs.last() {
            Some(&top) => 32 * self.limbs.len() as u32 - top.leading_zeros(),
            None => 0,
        }
    }

    pub(crate) fn shift_left(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.limbs {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry > 0 {
                self.limbs.push(carry);
            }
        }
        if limbs > 0 && !self.limbs.is_empty() {
            // Moved up in place, not `splice` (compiled with its adapters on its own).
            let length = self.limbs.len();
            self.limbs.resize(length + limbs, 0);
            self.limbs.copy_within(0..length, limbs);
            self.limbs[..limbs].fill(0);
        }
    }

    fn compare(&self, other: &Big) -> std::cmp::Ordering {
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }

    /// `self -= other`, for `other <= self`.
    fn subtract(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let difference =
                i64::from(*limb) - i64::from(other.limbs.get(i).copied().unwrap_or(0)) - borrow;
            *limb = difference as u32;
            borrow = i64::from(difference < 0);
        }
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    /// `self / divisor` when the quotient is below 2^56, and whether the division is exact.
    fn divide_small_quotient(mut self, divisor: &Big) -> (u64, bool) {
        let mut quotient = 0u64;
        for bit in (0..56).rev() {
            let mut part = divisor.clone();
            part.shift_left(bit);
            if self.compare(&part) != std::cmp::Ordering::Less {
                self.subtract(&part);
                quotient |= 1 << bit;
            }
        }
        (quotient, self.limbs.is_empty())
    }
}

#[cfg(test)]
mod tests;
