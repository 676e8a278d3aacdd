//! Templates: seeded variants, constraints, values written into every text.

use crate::bank::Item;
use crate::template::{format_value, instantiate};

const TEMPLATE_ITEM: &str = r#"{
  "id": "add-unlike-template", "skills": ["add"], "type": "numeric",
  "prompt": "Work out 1/{{a}} + 1/{{b}}.",
  "answer": "{{a + b}}/{{a * b}}", "tolerance": 0.0001,
  "solution": "Common denominator {{a*b}}: {{b}}/{{p}} + {{a}}/{{p}} = {{a+b}}/{{p}}.",
  "template": {
    "variables": { "a": { "min": 2, "max": 9 }, "b": { "choose": [3, 5, 7, 11] } },
    "derived": { "p": "a * b" },
    "constraints": ["a != b", "gcd(a, b) == 1"]
  }
}"#;

fn template_item(text: &str) -> Item {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("template item does not parse: {e}"))
}

#[test]
fn the_same_seed_gives_the_same_variant_and_others_differ() {
    let item = template_item(TEMPLATE_ITEM);
    let first = instantiate(&item, 1).unwrap();
    assert_eq!(first, instantiate(&item, 1).unwrap());
    let prompts: std::collections::BTreeSet<String> = (0..50)
        .map(|seed| instantiate(&item, seed).unwrap().prompt)
        .collect();
    assert!(
        prompts.len() >= 10,
        "only {} different variants in 50 seeds",
        prompts.len()
    );
}

#[test]
fn every_variant_satisfies_its_constraints_and_its_answer_is_right() {
    let item = template_item(TEMPLATE_ITEM);
    for seed in 0..200 {
        let variant = instantiate(&item, seed).unwrap();
        let numbers: Vec<f64> = variant
            .prompt
            .trim_start_matches("Work out ")
            .trim_end_matches('.')
            .split(" + ")
            .map(|part| crate::parse_number(part).unwrap())
            .collect();
        let (a, b) = (1.0 / numbers[0], 1.0 / numbers[1]);
        assert_ne!(a, b, "seed {seed}");
        let answer = match &variant.kind {
            crate::bank::ItemKind::Numeric { answer, .. } => answer.value,
            _ => unreachable!(),
        };
        assert!(
            (answer - (numbers[0] + numbers[1])).abs() < 1e-9,
            "seed {seed}: {}",
            variant.prompt
        );
        assert!(variant.template.is_none() && !variant.solution.unwrap().contains("{{"));
    }
}

#[test]
fn impossible_constraints_are_reported() {
    let item = template_item(&TEMPLATE_ITEM.replace(r#""a != b", "#, r#""a > 100", "#));
    assert_eq!(
        instantiate(&item, 0).unwrap_err().message,
        "the constraints did not hold in 200 draws: they may be impossible"
    );
}

#[test]
fn values_are_written_plainly() {
    assert_eq!(format_value(3.0), "3");
    assert_eq!(format_value(-12.0), "-12");
    assert_eq!(format_value(0.125), "0.125");
    assert_eq!(format_value(1.0 / 3.0), "0.333333");
}

#[test]
fn a_value_that_is_not_finite_is_an_error_not_inf() {
    let values = std::collections::BTreeMap::from([("a".to_string(), 2.0)]);
    assert_eq!(
        crate::template::fill_text("Take {{9^9^9^9}} away.", &values)
            .unwrap_err()
            .message,
        "{{9^9^9^9}}: the value is not a finite number"
    );
    assert_eq!(
        crate::template::fill_text("{{a / 0}}", &values)
            .unwrap_err()
            .message,
        "{{a / 0}}: the value is not a finite number"
    );
}
