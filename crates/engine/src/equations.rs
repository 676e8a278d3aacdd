//! Equations and inequalities as answers. Two equations are the same answer when they have the
//! same solutions: `lhs - rhs` of one is the other's times a nonzero constant, checked at fixed
//! sample points (`y = 2x + 1` and `2x - y + 1 = 0`), or, when the expected one is solved for a
//! variable (`h = 2A/b`), when its solution satisfies the learner's equation and the learner's
//! equation is not true for every value (`hb = 2A`). Inequalities are normalised to
//! `difference < 0` or `difference ≤ 0`, and compare with a positive constant factor; a negative
//! one means the direction is reversed. The sample points are fixed numbers: no randomness.

use crate::expression::{evaluate, variables_of, BinaryOp, Expr};

/// A relation normalised as `difference (relation) 0`.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub kind: RelationKind,
    pub difference: Expr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
}

/// How a learner's relation compares with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationMatch {
    Same,
    /// An inequality with the right boundary but the other direction.
    Reversed,
    Different,
}

/// The relation an expression states (`a = b`, `a > b`, …); `None` for a plain expression.
pub fn relation_of(expr: &Expr) -> Option<Relation> {
    let Expr::Binary(op, left, right) = expr else {
        return None;
    };
    let minus = |a: &Expr, b: &Expr| {
        Expr::Binary(BinaryOp::Subtract, Box::new(a.clone()), Box::new(b.clone()))
    };
    let (kind, difference) = match op {
        BinaryOp::Equal => (RelationKind::Equal, minus(left, right)),
        BinaryOp::NotEqual => (RelationKind::NotEqual, minus(left, right)),
        BinaryOp::Less => (RelationKind::Less, minus(left, right)),
        BinaryOp::LessOrEqual => (RelationKind::LessOrEqual, minus(left, right)),
        BinaryOp::Greater => (RelationKind::Less, minus(right, left)),
        BinaryOp::GreaterOrEqual => (RelationKind::LessOrEqual, minus(right, left)),
        _ => return None,
    };
    Some(Relation { kind, difference })
}

/// The other side when `expr` is `variable = …` or `… = variable` and that side does not use
/// `variable`.
pub fn solved_side<'e>(expr: &'e Expr, variable: &str) -> Option<&'e Expr> {
    let Expr::Binary(BinaryOp::Equal, left, right) = expr else {
        return None;
    };
    let lone = |side: &Expr| matches!(side, Expr::Variable(name) if name == variable);
    let other = if lone(left) {
        right
    } else if lone(right) {
        left
    } else {
        return None;
    };
    (!variables_of(other).contains(variable)).then_some(other.as_ref())
}

/// The variable an equation is solved for (`h` in `h = 2A/b`), if one side is a lone variable
/// the other side does not use.
pub fn solved_variable(expr: &Expr) -> Option<String> {
    let Expr::Binary(BinaryOp::Equal, left, right) = expr else {
        return None;
    };
    [left, right]
        .into_iter()
        .find_map(|side| match side.as_ref() {
            Expr::Variable(name) if solved_side(expr, name).is_some() => Some(name.clone()),
            _ => None,
        })
}

/// Whether the learner's relation has the same solutions as the expected one.
pub fn compare_relations(expected: &Expr, given: &Expr) -> RelationMatch {
    let (Some(wanted), Some(got)) = (relation_of(expected), relation_of(given)) else {
        return RelationMatch::Different;
    };
    let mut names = variables_of(expected);
    names.extend(variables_of(given));
    let names = names.into_names();
    let equation = |kind| matches!(kind, RelationKind::Equal | RelationKind::NotEqual);
    if equation(wanted.kind) != equation(got.kind)
        || (equation(wanted.kind) && wanted.kind != got.kind)
    {
        return RelationMatch::Different;
    }
    let factor = constant_factor(&wanted.difference, &got.difference, &names);
    if equation(wanted.kind) {
        if factor.is_some() {
            return RelationMatch::Same;
        }
        let solved = solved_variable(expected).filter(|_| wanted.kind == RelationKind::Equal);
        return match solved {
            Some(variable) if satisfies_solution(expected, &variable, &got.difference, &names) => {
                RelationMatch::Same
            }
            _ => RelationMatch::Different,
        };
    }
    match factor {
        Some(c) if c > 0.0 && wanted.kind == got.kind => RelationMatch::Same,
        Some(c) if c < 0.0 => RelationMatch::Reversed,
        _ => RelationMatch::Different,
    }
}

const SAMPLE_POINTS: usize = 12;

/// The value of variable number `index` at sample point `point`: fixed numbers between -3.5 and
/// 3.5, away from 0 and from each other, different for each variable.
pub fn sample_value(point: usize, index: usize) -> f64 {
    const VALUES: [f64; 13] = [
        0.37, 1.41, 2.72, -0.83, 3.17, 1.73, -2.21, 0.59, -1.29, 2.23, -3.07, 0.91, 1.19,
    ];
    VALUES[(point * (2 * index + 1) + 5 * index) % VALUES.len()] + 0.013 * index as f64
}

fn evaluate_at(expr: &Expr, names: &[String], point: usize, fixed: Option<(&str, f64)>) -> f64 {
    let value_of = |name: &str| match fixed {
        Some((variable, value)) if variable == name => Some(value),
        _ => names
            .iter()
            .position(|n| n == name)
            .map(|index| sample_value(point, index)),
    };
    evaluate(expr, &value_of).unwrap_or(f64::NAN)
}

/// `c` such that `given = c · expected` at every sample point, when there is one and it is not 0.
fn constant_factor(expected: &Expr, given: &Expr, names: &[String]) -> Option<f64> {
    let mut factor: Option<f64> = None;
    let mut compared = 0;
    for point in 0..SAMPLE_POINTS {
        let a = evaluate_at(expected, names, point, None);
        let b = evaluate_at(given, names, point, None);
        if !a.is_finite() || !b.is_finite() {
            continue;
        }
        let scale = a.abs().max(b.abs()).max(1.0);
        if a.abs() <= 1e-9 * scale {
            if b.abs() > 1e-7 * scale {
                return None;
            }
            continue;
        }
        let ratio = b / a;
        match factor {
            None => factor = Some(ratio),
            Some(c) if (ratio - c).abs() > 1e-7 * c.abs().max(1.0) => return None,
            Some(_) => {}
        }
        compared += 1;
    }
    factor.filter(|c| c.abs() > 1e-9 && compared >= 3)
}

/// Whether `given = 0` holds when `variable` takes the value the expected (solved) equation gives
/// it, and fails when it takes other values.
fn satisfies_solution(expected: &Expr, variable: &str, given: &Expr, names: &[String]) -> bool {
    let Some(solution) = solved_side(expected, variable) else {
        return false;
    };
    let mut compared = 0;
    let mut ever_false = false;
    for point in 0..SAMPLE_POINTS {
        let value = evaluate_at(solution, names, point, None);
        if !value.is_finite() {
            continue;
        }
        let at_solution = evaluate_at(given, names, point, Some((variable, value)));
        let elsewhere = evaluate_at(given, names, point, Some((variable, value + 1.37)));
        if !at_solution.is_finite() || !elsewhere.is_finite() {
            continue;
        }
        if at_solution.abs() > 1e-7 * elsewhere.abs().max(1.0) {
            return false;
        }
        ever_false |= elsewhere.abs() > 1e-6;
        compared += 1;
    }
    compared >= 3 && ever_false
}

/// Forms an answer may be asked in.
pub mod forms {
    use crate::expression::{greatest_common_divisor, variables_of, BinaryOp, Expr};

    /// `y = mx + b` (or `mx + b = y`): `y` alone on one side, the other a sum of at most one
    /// `x` term (a number times `x`) and one constant.
    pub fn is_slope_intercept(expr: &Expr) -> bool {
        let Some(other) = super::solved_side(expr, "y") else {
            return false;
        };
        linear_terms(other, &["x"])
    }

    /// `Ax + By = C`: one side a sum of at most one term in each of `x` and `y`, the other a
    /// constant.
    pub fn is_standard(expr: &Expr) -> bool {
        let Expr::Binary(BinaryOp::Equal, left, right) = expr else {
            return false;
        };
        let constant = |side: &Expr| variables_of(side).is_empty();
        let variable_side = |side: &Expr| {
            let mut terms = Vec::new();
            collect_terms(side, &mut terms);
            !constant(side)
                && terms.iter().all(|term| !variables_of(term).is_empty())
                && linear_terms(side, &["x", "y"])
        };
        (constant(right) && variable_side(left)) || (constant(left) && variable_side(right))
    }

    /// A sum of terms, at most one constant and one term for each of `variables`, each term a
    /// number times one variable.
    fn linear_terms(expr: &Expr, variables: &[&str]) -> bool {
        let mut terms = Vec::new();
        collect_terms(expr, &mut terms);
        let mut seen: Vec<Option<String>> = Vec::new();
        for term in terms {
            let used = variables_of(term);
            let variable = match used.len() {
                0 => None,
                1 => used.into_iter().next(),
                _ => return false,
            };
            if let Some(name) = &variable {
                if !variables.contains(&name.as_str()) || !monomial(term, name) {
                    return false;
                }
            }
            if seen.contains(&variable) {
                return false;
            }
            seen.push(variable);
        }
        true
    }

    fn collect_terms<'e>(expr: &'e Expr, terms: &mut Vec<&'e Expr>) {
        match expr {
            Expr::Binary(BinaryOp::Add | BinaryOp::Subtract, left, right) => {
                collect_terms(left, terms);
                collect_terms(right, terms);
            }
            Expr::Negate(inner) if matches!(**inner, Expr::Binary(BinaryOp::Add, _, _)) => {
                terms.push(expr)
            }
            Expr::Negate(inner) => collect_terms(inner, terms),
            other => terms.push(other),
        }
    }

    /// A number times `variable` (products and quotients of numbers and one `variable`).
    fn monomial(expr: &Expr, variable: &str) -> bool {
        fn count(expr: &Expr, variable: &str) -> Option<usize> {
            match expr {
                Expr::Number(_) => Some(0),
                Expr::Variable(name) if name == variable => Some(1),
                Expr::Negate(inner) => count(inner, variable),
                Expr::Binary(BinaryOp::Multiply, a, b) => {
                    Some(count(a, variable)? + count(b, variable)?)
                }
                Expr::Binary(BinaryOp::Divide, a, b) if count(b, variable)? == 0 => {
                    count(a, variable)
                }
                _ => None,
            }
        }
        count(expr, variable) == Some(1)
    }

    /// Whether every fraction of whole numbers in `expr` is in lowest terms (`21/36` is not,
    /// nor `4/2` or `3/1`).
    pub fn fractions_in_lowest_terms(expr: &Expr) -> bool {
        match expr {
            Expr::Binary(BinaryOp::Divide, a, b) => {
                let whole = |e: &Expr| match e {
                    Expr::Number(n) if n.fract() == 0.0 => Some(*n),
                    Expr::Negate(inner) => match **inner {
                        Expr::Number(n) if n.fract() == 0.0 => Some(-n),
                        _ => None,
                    },
                    _ => None,
                };
                if let (Some(n), Some(d)) = (whole(a), whole(b)) {
                    if d.abs() == 1.0 || greatest_common_divisor(n, d) > 1.0 {
                        return false;
                    }
                }
                // `2x/4`: the numerator's number and the denominator have a common factor.
                if let (Some(n), Some(d)) = (leading_number(a), whole(b)) {
                    if n.fract() == 0.0 && greatest_common_divisor(n, d) > 1.0 {
                        return false;
                    }
                }
                fractions_in_lowest_terms(a) && fractions_in_lowest_terms(b)
            }
            Expr::Negate(inner) => fractions_in_lowest_terms(inner),
            Expr::Binary(_, a, b) => fractions_in_lowest_terms(a) && fractions_in_lowest_terms(b),
            Expr::Call(_, arguments) => arguments.iter().all(fractions_in_lowest_terms),
            Expr::Number(_) | Expr::Variable(_) => true,
        }
    }

    /// The number a product starts with (`2` in `2x`, `2·x·y`), when it is a product.
    fn leading_number(expr: &Expr) -> Option<f64> {
        match expr {
            Expr::Binary(BinaryOp::Multiply, left, _) => match left.as_ref() {
                Expr::Number(n) => Some(*n),
                other => leading_number(other),
            },
            _ => None,
        }
    }
}
