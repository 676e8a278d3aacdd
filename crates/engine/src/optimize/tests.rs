//! The optimizer finds the minimum of smooth, badly scaled functions.

use super::minimize_with_lbfgs;

fn check_minimum(
    objective: impl FnMut(&[f64], &mut [f64]) -> f64,
    start: Vec<f64>,
    expected: &[f64],
) {
    let found = minimize_with_lbfgs(objective, start, 100);
    assert_eq!(found.len(), expected.len());
    for (value, wanted) in found.iter().zip(expected) {
        assert!(
            (value - wanted).abs() < 1e-4,
            "found {found:?}, expected {expected:?}"
        );
    }
}

#[test]
fn optimizer_finds_the_minimum_of_smooth_functions() {
    // A badly scaled quadratic, minimum at (1, −2).
    check_minimum(
        |point, gradient| {
            gradient[0] = 2.0 * (point[0] - 1.0);
            gradient[1] = 200.0 * (point[1] + 2.0);
            (point[0] - 1.0).powi(2) + 100.0 * (point[1] + 2.0).powi(2)
        },
        vec![0.0, 0.0],
        &[1.0, -2.0],
    );
    // Rosenbrock's valley, minimum at (1, 1).
    check_minimum(
        |point, gradient| {
            let (x, y) = (point[0], point[1]);
            gradient[0] = -2.0 * (1.0 - x) - 400.0 * x * (y - x * x);
            gradient[1] = 200.0 * (y - x * x);
            (1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2)
        },
        vec![-1.2, 1.0],
        &[1.0, 1.0],
    );
}
