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
    let values: crate::sorted_map::SortedMap<f64> = [("a".to_string(), 2.0)].into_iter().collect();
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

/// The variant as the former serde round trip made it: every string of the item's JSON filled
/// in, then read back. `instantiate` walks the typed item instead and must agree with it.
fn variant_through_json(item: &Item, seed: u64) -> Option<Item> {
    fn fill(value: &mut serde_json::Value, values: &crate::sorted_map::SortedMap<f64>) {
        match value {
            serde_json::Value::String(text) if text.contains("{{") => {
                *text = crate::template::fill_text(text, values).unwrap();
            }
            serde_json::Value::Array(elements) => elements.iter_mut().for_each(|e| fill(e, values)),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(|e| fill(e, values)),
            _ => {}
        }
    }
    let values = crate::template::draw_values(item.template.as_ref()?, seed).ok()?;
    let mut plain = item.clone();
    plain.template = None;
    let mut json = serde_json::to_value(&plain).ok()?;
    fill(&mut json, &values);
    serde_json::from_value(json).ok()
}

#[test]
fn every_text_of_every_item_type_is_filled_as_the_json_round_trip_filled_it() {
    let banks = [
        include_str!("../../../../www/banks/algebra.json"),
        include_str!("../../../../www/banks/fractions.json"),
        include_str!("../../../../www/banks/item-types.json"),
        include_str!("../../../../www/banks/percentages.json"),
        include_str!("../../../../www/banks/sciences-fr.json"),
    ];
    let mut items: Vec<Item> = banks
        .iter()
        .flat_map(|bank| crate::load_bank(bank).bank.expect("sample bank").items)
        .filter(|item| item.template.is_some())
        .collect();
    let every_type = r#"{"id":"t{{a}}","skills":["s"],"prompt":"{{a}}","type":"multiStep",
        "hints":[{"text":"{{a}}","scaffold":{"prompt":"{{b}}","type":"numeric","answer":"{{a}}",
                  "misconceptions":[{"answer":"{{b}}","feedback":"{{a}}"}],"unit":"{{a}}cm"}}],
        "solution":"{{a+b}}",
        "steps":[
          {"prompt":"{{a}}","type":"singleChoice","choices":[{"text":"{{a}}","feedback":"{{b}}"},{"text":"x"}],"answer":0},
          {"prompt":"p","type":"mathExpression","answer":"{{a}}x","solvedFor":"{{b}}",
           "misconceptions":[{"answer":"{{b}}","feedback":"{{a}}"}]},
          {"prompt":"p","type":"shortText","answers":["{{a}}"],"pattern":"{{b}}*",
           "misconceptions":[{"answer":"{{b}}","feedback":"{{a}}"}]},
          {"prompt":"p","type":"ordering","items":["{{a}}","{{b}}"]},
          {"prompt":"[[1]]","type":"fillBlanks","blanks":[{"answers":["{{a}}"]},{"numeric":"{{b}}/2"}]},
          {"prompt":"p","type":"matching","pairs":[{"left":"{{a}}","right":"{{b}}"}],"distractors":["{{a+1}}"]},
          {"id":"{{a}}","prompt":"p","skills":["{{a}}"],"type":"numeric","answer":0.1234567891234,
           "hints":["{{b}}"],"solution":"{{a}}"}
        ],
        "template":{"variables":{"a":{"min":1,"max":9},"b":{"choose":[2,3.5]}}}}"#;
    items.push(template_item(every_type));
    assert!(items.len() > 3);
    for item in &items {
        for seed in 0..5 {
            let ours = instantiate(item, seed).map(|variant| format!("{variant:?}"));
            let reference = variant_through_json(item, seed).map(|variant| format!("{variant:?}"));
            assert_eq!(ours.ok(), reference, "{} seed {seed}", item.id);
        }
    }
}
