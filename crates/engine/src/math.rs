//! The logistic function and its inverse (every model, baseline and simulated learner uses
//! them), and the dot product.

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
    left.iter().zip(right).map(|(a, b)| a * b).sum()
}
