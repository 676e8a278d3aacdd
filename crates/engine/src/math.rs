//! The logistic function and its inverse (every model, baseline and simulated learner uses
//! them), the dot product, and `power` (expressions and the memory model raise to powers).

/// The logistic function: a log-odds `x` as a probability.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The log-odds of a probability, kept within 1e-6 of 0 and 1 so that it stays finite.
pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

/// The dot product of two vectors (the shorter one's length).
pub fn dot(left: &[f64], right: &[f64]) -> f64 {
    // A loop from −0.0, as std's `sum` starts, so the same bits; not `zip`, `map` and `sum`
    // (compiled with their adapters on their own).
    let mut total = -0.0;
    for (index, a) in left.iter().enumerate() {
        let Some(b) = right.get(index) else { break };
        total += a * b;
    }
    total
}

/// `base` to the power `exponent`, as `f64::powf` gives it (every special case of IEEE `pow`)
/// but without libm's `pow` (2 KB of the widget). A whole exponent up to 64 multiplies by
/// squaring: exact wherever the result and the squares fit in an `f64` (`2^10`, `10^-3` as
/// `1/1000`). Any other exponent goes through `exp` and `ln`: the relative error grows with
/// `|exponent · ln base|`, at most about 710 before the result overflows, so it stays within
/// about 2e-13 (`powf`: 1e-16), far inside the 1e-9 answers are compared to and the precision
/// of the memory model's fitted parameters.
pub fn power(base: f64, exponent: f64) -> f64 {
    if exponent == 0.0 || base == 1.0 || (base == -1.0 && exponent.is_infinite()) {
        return 1.0;
    }
    let whole = exponent.fract() == 0.0;
    if whole && exponent.abs() <= 64.0 {
        let mut left = exponent.abs() as u32;
        let mut square = base;
        let mut product = 1.0;
        while left > 0 {
            if left & 1 == 1 {
                product *= square;
            }
            square *= square;
            left >>= 1;
        }
        return if exponent < 0.0 {
            1.0 / product
        } else {
            product
        };
    }
    let magnitude = (exponent * base.abs().ln()).exp();
    if base.is_sign_negative() && !exponent.is_infinite() {
        if !whole {
            // A negative number has no real fractional power (−0 and −∞ have their magnitude's).
            return if base < 0.0 && base.is_finite() {
                f64::NAN
            } else {
                magnitude
            };
        }
        if (exponent / 2.0).fract() != 0.0 {
            return -magnitude;
        }
    }
    magnitude
}

#[cfg(test)]
mod tests;
