//! `power` against `f64::powf`: the same special cases, whole powers exact where the result is,
//! and every other power within 1e-13 relative.

use super::power;

/// `power(base, exponent)` is what `powf` gives: the same class (NaN, infinity, zero and their
/// signs), and within `relative` of it.
fn check(base: f64, exponent: f64, relative: f64) {
    let ours = power(base, exponent);
    let theirs = base.powf(exponent);
    let same_class = (ours.is_nan() && theirs.is_nan())
        || (ours == theirs && ours.is_sign_negative() == theirs.is_sign_negative())
        || (ours.is_finite()
            && theirs.is_finite()
            && ours != 0.0
            && (ours - theirs).abs() <= relative * theirs.abs());
    assert!(
        same_class,
        "{base}^{exponent}: {ours:e} where powf gives {theirs:e}"
    );
}

#[test]
fn the_special_cases_are_those_of_powf() {
    let values = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        2.0,
        -2.0,
        3.0,
        -3.0,
        65.0,
        -65.0,
        0.3,
        1e300,
        -1e300,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    for &base in &values {
        for &exponent in &values {
            check(base, exponent, 1e-13);
        }
    }
}

#[test]
fn whole_powers_are_exact_where_the_result_is() {
    for (base, exponent, exact) in [
        (2.0, 10.0, 1024.0),
        (10.0, -3.0, 0.001),
        (-3.0, 5.0, -243.0),
        (1.5, 4.0, 5.0625),
        (10.0, 22.0, 1e22),
        (2.0, -64.0, 2f64.powi(-64)),
        (7.0, 18.0, 1_628_413_597_910_449.0),
    ] {
        assert_eq!(power(base, exponent), exact, "{base}^{exponent}");
    }
}

#[test]
fn other_powers_are_within_1e_13_of_powf() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..20_000 {
        let base = 10f64.powf(next() * 12.0 - 6.0);
        let exponent = next() * 40.0 - 20.0;
        check(base, exponent, 1e-13);
        check(-base, exponent.round(), 1e-13);
        check(base, 1.0 / (next() * 9.0 + 1.0).round(), 1e-13);
    }
}
