//! The numbers the memory model computes with: plain `f64` in use, and `Gradient` (a value with its
//! derivatives by every parameter, forward mode) when fitting, so one formula serves both.

use std::ops::{Add, Div, Mul, Neg, Sub};

use super::PARAMETER_COUNT;

/// What the memory model's formulas need of a number.
pub trait MemoryNumber:
    Copy
    + Add<Output = Self>
    + Add<f64, Output = Self>
    + Sub<Output = Self>
    + Sub<f64, Output = Self>
    + Mul<Output = Self>
    + Mul<f64, Output = Self>
    + Div<Output = Self>
    + Div<f64, Output = Self>
    + Neg<Output = Self>
{
    /// A number that depends on no parameter.
    fn constant(value: f64) -> Self;
    fn value(self) -> f64;
    fn exp(self) -> Self;
    fn ln(self) -> Self;
    /// `self^exponent` (`self` positive).
    fn power(self, exponent: Self) -> Self {
        (exponent * self.ln()).exp()
    }
    /// `self` held in `[low, high]`; a held number no longer depends on the parameters.
    fn clamp_to(self, low: f64, high: f64) -> Self {
        if self.value() < low {
            Self::constant(low)
        } else if self.value() > high {
            Self::constant(high)
        } else {
            self
        }
    }
    /// The smaller of the two (the first on a tie).
    fn smaller(self, other: Self) -> Self {
        if other.value() < self.value() {
            other
        } else {
            self
        }
    }
    /// The larger of the two (the first on a tie).
    fn larger(self, other: Self) -> Self {
        if other.value() > self.value() {
            other
        } else {
            self
        }
    }
}

impl MemoryNumber for f64 {
    fn constant(value: f64) -> f64 {
        value
    }
    fn value(self) -> f64 {
        self
    }
    fn exp(self) -> f64 {
        f64::exp(self)
    }
    fn ln(self) -> f64 {
        f64::ln(self)
    }
    fn power(self, exponent: f64) -> f64 {
        crate::math::power(self, exponent)
    }
}

/// A value and its partial derivatives by each of the model's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gradient {
    pub value: f64,
    pub derivatives: [f64; PARAMETER_COUNT],
}

impl Gradient {
    /// Parameter `index` itself, at `value`, with `slope` its derivative by the fitted coordinate.
    pub fn parameter(value: f64, index: usize, slope: f64) -> Gradient {
        let mut derivatives = [0.0; PARAMETER_COUNT];
        derivatives[index] = slope;
        Gradient { value, derivatives }
    }

    /// The chain rule: a function with value `value` and derivative `slope` at `self`.
    fn through(self, value: f64, slope: f64) -> Gradient {
        let mut derivatives = self.derivatives;
        derivatives.iter_mut().for_each(|slot| *slot *= slope);
        Gradient { value, derivatives }
    }

    /// `a · self + b · other`, in value and derivatives, with the given value.
    fn combined(self, a: f64, other: Gradient, b: f64, value: f64) -> Gradient {
        let mut derivatives = self.derivatives;
        derivatives
            .iter_mut()
            .zip(&other.derivatives)
            .for_each(|(slot, theirs)| *slot = a * *slot + b * theirs);
        Gradient { value, derivatives }
    }
}

impl Add for Gradient {
    type Output = Gradient;
    fn add(self, other: Gradient) -> Gradient {
        self.combined(1.0, other, 1.0, self.value + other.value)
    }
}

impl Sub for Gradient {
    type Output = Gradient;
    fn sub(self, other: Gradient) -> Gradient {
        self.combined(1.0, other, -1.0, self.value - other.value)
    }
}

impl Mul for Gradient {
    type Output = Gradient;
    fn mul(self, other: Gradient) -> Gradient {
        self.combined(other.value, other, self.value, self.value * other.value)
    }
}

impl Div for Gradient {
    type Output = Gradient;
    fn div(self, other: Gradient) -> Gradient {
        let quotient = self.value / other.value;
        self.combined(1.0 / other.value, other, -quotient / other.value, quotient)
    }
}

impl Neg for Gradient {
    type Output = Gradient;
    fn neg(self) -> Gradient {
        self.through(-self.value, -1.0)
    }
}

impl Add<f64> for Gradient {
    type Output = Gradient;
    fn add(mut self, other: f64) -> Gradient {
        self.value += other;
        self
    }
}

impl Sub<f64> for Gradient {
    type Output = Gradient;
    fn sub(mut self, other: f64) -> Gradient {
        self.value -= other;
        self
    }
}

impl Mul<f64> for Gradient {
    type Output = Gradient;
    fn mul(self, other: f64) -> Gradient {
        self.through(self.value * other, other)
    }
}

impl Div<f64> for Gradient {
    type Output = Gradient;
    fn div(self, other: f64) -> Gradient {
        self.through(self.value / other, 1.0 / other)
    }
}

impl MemoryNumber for Gradient {
    fn constant(value: f64) -> Gradient {
        Gradient {
            value,
            derivatives: [0.0; PARAMETER_COUNT],
        }
    }
    fn value(self) -> f64 {
        self.value
    }
    fn exp(self) -> Gradient {
        let value = self.value.exp();
        self.through(value, value)
    }
    fn ln(self) -> Gradient {
        self.through(self.value.ln(), 1.0 / self.value)
    }
    fn power(self, exponent: Gradient) -> Gradient {
        // d(a^b) = a^b · (b/a · da + ln a · db).
        let value = self.value.powf(exponent.value);
        self.combined(
            value * exponent.value / self.value,
            exponent,
            value * self.value.ln(),
            value,
        )
    }
}
