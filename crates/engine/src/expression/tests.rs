//! Expressions: parsing what people write, evaluating, comparing by value.

use crate::expression::{evaluate, parse_expression, same_value, NameStyle};

fn check_value(text: &str, expected: Result<f64, &str>) {
    let no_variables = |_: &str| None;
    let got = parse_expression(text, NameStyle::SingleLetters)
        .and_then(|e| evaluate(&e, &no_variables))
        .map_err(|e| e.message);
    match (got, expected) {
        (Ok(value), Ok(wanted)) => {
            assert!((value - wanted).abs() < 1e-9, "{text}: {value} != {wanted}")
        }
        (Err(message), Err(wanted)) => assert_eq!(message, wanted, "{text}"),
        (got, wanted) => panic!("{text}: got {got:?}, wanted {wanted:?}"),
    }
}

#[test]
fn arithmetic_follows_the_usual_precedence() {
    check_value("1 + 2 * 3", Ok(7.0));
    check_value("-2^2", Ok(-4.0));
    check_value("2^3^2", Ok(512.0));
    check_value("(1 + 2)(3 + 4)", Ok(21.0));
    check_value("2(3)", Ok(6.0));
    check_value("6 ÷ 3 × 2", Ok(4.0));
    check_value("−5 + 2", Ok(-3.0));
    check_value(r"\frac{1}{2} + \dfrac{1}{4}", Ok(0.75));
    check_value(r"\sqrt{16} + \sqrt[3]{8}", Ok(6.0));
    check_value(r"\left(1 + 1\right) \cdot 3", Ok(6.0));
    check_value("gcd(12, 18) + lcm(4, 6)", Ok(18.0));
    check_value("3 == 3", Ok(1.0));
    check_value("3 != 3", Ok(0.0));
    check_value("2 <= 1", Ok(0.0));
}

#[test]
fn what_cannot_be_read_says_why() {
    check_value("1 +", Err("the expression ends too early"));
    check_value("(1 + 2", Err("a closing ) is missing"));
    check_value("1 ) 2", Err("unexpected closing bracket here"));
    check_value("3 # 4", Err("“#” cannot be part of a math answer"));
    check_value(r"\foo{1}", Err("\\foo is not something I can compute"));
    check_value("x + 1", Err("unknown variable “x”"));
    check_value(&"-".repeat(100), Err("the expression is nested too deeply"));
    check_value(
        &"1+".repeat(300),
        Err("the expression is longer than 500 characters"),
    );
}

#[test]
fn learners_letters_multiply_but_authors_names_do_not() {
    let learner = parse_expression("2ab", NameStyle::SingleLetters).unwrap();
    let values = |n: &str| match n {
        "a" => Some(3.0),
        "b" => Some(5.0),
        "ab" => Some(100.0),
        _ => None,
    };
    assert_eq!(evaluate(&learner, &values).unwrap(), 30.0);
    let author = parse_expression("2ab", NameStyle::Identifiers).unwrap();
    assert_eq!(evaluate(&author, &values).unwrap(), 200.0);
}

fn check_same(expected: &str, given: &str, same: bool) {
    let parse = |t: &str| parse_expression(t, NameStyle::SingleLetters).unwrap();
    assert_eq!(
        same_value(&parse(expected), &parse(given), 1e-9, false),
        same,
        "{expected} vs {given}"
    );
}

#[test]
fn equivalent_expressions_have_the_same_value() {
    check_same("(x + 1)^2", "x^2 + 2x + 1", true);
    check_same("(x + 1)^2", "x^2 + 1", false);
    check_same("a/b", "1/(b/a)", true);
    check_same("sqrt(x^2)", "x", false);
    check_same("7/12", "21/36", true);
}
