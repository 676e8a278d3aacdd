//! `remainder` and `euclidean_remainder`: `x % y` and `x.rem_euclid(y)` for doubles, exact, bit
//! for bit as std's (a test compares them). std's `%` calls libm's `fmod`, which divides 128-bit
//! integers for speed (2.3 KB of wasm with their division); this one takes the binary long
//! division a bit at a time.

/// `x % y`: `x - n·y` for the whole `n` toward zero that leaves less than `|y|`, with the sign
/// of `x`; NaN when `y` is 0 or `x` is infinite.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() || x.abs() < y.abs() {
        return x;
    }
    let (mut m, ex) = parts(x);
    let (my, ey) = parts(y);
    // x = m·2^ex and y = my·2^ey with ex >= ey: the remainder of m·2^(ex - ey) by my, a bit at
    // a time (m stays below 2^54).
    for _ in ey..ex {
        m = (m % my) << 1;
    }
    m %= my;
    // Exact: m < my < 2^53 and 2^ey is at least the smallest double's step.
    let magnitude = m as f64 * power_of_two(ey / 2) * power_of_two(ey - ey / 2);
    magnitude.copysign(x)
}

/// `x.rem_euclid(y)`: the remainder made non-negative (for a `y` that is not NaN).
pub fn euclidean_remainder(x: f64, y: f64) -> f64 {
    let r = remainder(x, y);
    if r < 0.0 {
        r + y.abs()
    } else {
        r
    }
}

/// `|value| = mantissa × 2^exponent`, the mantissa a whole number below 2^53.
fn parts(value: f64) -> (u64, i32) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}

/// 2^k for -1022 <= k <= 1023.
fn power_of_two(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

#[cfg(test)]
mod tests;
