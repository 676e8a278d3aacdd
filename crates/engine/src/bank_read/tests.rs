//! The hand-written bank readers against serde's derived ones (kept for the bank tools): the
//! same types from every sample bank, and messages of the same kind for malformed elements.

use serde::de::DeserializeOwned;

use super::{read_item, read_numeric_value, read_settings, read_skill, read_template};
use crate::bank::NumericValue;
use crate::json::read::Read;
use crate::json::{parse, Json};

const SAMPLE_BANKS: [(&str, &str); 5] = [
    (
        "algebra",
        include_str!("../../../../www/banks/algebra.json"),
    ),
    (
        "fractions",
        include_str!("../../../../www/banks/fractions.json"),
    ),
    (
        "item-types",
        include_str!("../../../../www/banks/item-types.json"),
    ),
    (
        "percentages",
        include_str!("../../../../www/banks/percentages.json"),
    ),
    (
        "sciences-fr",
        include_str!("../../../../www/banks/sciences-fr.json"),
    ),
];

/// Reads `text` with our reader and with serde; both must agree (on the error, its kind).
fn check_same<T: DeserializeOwned + PartialEq + std::fmt::Debug>(
    text: &str,
    read: fn(&Json) -> Read<T>,
) -> Read<T> {
    let ours = read(&parse(text).expect("the test text is JSON"));
    let theirs = serde_json::from_str::<T>(text).map_err(|e| e.to_string());
    match (&ours, &theirs) {
        // Compared as printed: a template's number is NaN until instantiated, and NaN != NaN.
        (Ok(ours), Ok(theirs)) => assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{text}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text}\nours: {ours:?}\nserde: {theirs:?}"),
    }
    ours
}

fn check_error<T: DeserializeOwned + PartialEq + std::fmt::Debug>(
    text: &str,
    read: fn(&Json) -> Read<T>,
    expected: &str,
) {
    assert_eq!(check_same(text, read).unwrap_err(), expected, "{text}");
}

#[test]
fn every_sample_bank_reads_as_serde_reads_it() {
    for (name, text) in SAMPLE_BANKS {
        let root = parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let count = root
            .get("items")
            .and_then(Json::as_array)
            .map_or(0, <[Json]>::len);
        let raw: serde_json::Value = serde_json::from_str(text).expect("serde reads it");
        for element in raw["items"].as_array().into_iter().flatten() {
            check_same(&element.to_string(), read_item).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        for element in raw["skills"].as_array().into_iter().flatten() {
            check_same(&element.to_string(), read_skill).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        if let Some(settings) = raw.get("settings") {
            check_same(&settings.to_string(), read_settings).unwrap();
        }
        assert!(count > 0, "{name} has items");
    }
}

#[test]
fn every_field_of_every_item_type_reads_as_serde_reads_it() {
    for item in [
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"singleChoice","difficulty":-1.5,
            "choices":[{"text":"x","feedback":"f"},{"text":"y"}],"answer":1,"shuffle":true,
            "hints":["h",{"text":"t","scaffold":{"prompt":"q","type":"numeric","answer":"3/4"}}],
            "solution":"s","unknownField":{"ignored":[1,2]}}"#,
        r#"{"id":"b","skills":["s"],"prompt":"p","type":"multipleResponse",
            "choices":[{"text":"x"},{"text":"y"}],"answers":[0,1]}"#,
        r#"{"id":"c","skills":["s"],"prompt":"p","type":"numeric","answer":0.1234567891234,
            "tolerance":0.01,"relativeTolerance":null,"unit":"cm","convertUnits":true,
            "form":"slope-intercept","misconceptions":[{"answer":"1 1/2","feedback":"f"}]}"#,
        r#"{"id":"d","skills":["s"],"prompt":"p","type":"mathExpression","answer":"x+1",
            "answerForm":"point","solvedFor":"x","form":"simplest",
            "misconceptions":[{"answer":"x","feedback":"f"}]}"#,
        r#"{"id":"e","skills":["s"],"prompt":"p","type":"shortText","answers":["a"],
            "caseSensitive":true,"ignoreAccents":false,"pattern":"a*"}"#,
        r#"{"id":"f","skills":["s"],"prompt":"p","type":"ordering","items":["1","2"]}"#,
        r#"{"id":"g","skills":["s"],"prompt":"[[1]]","type":"fillBlanks",
            "blanks":[{"answers":["a"],"caseSensitive":true},{"numeric":2,"tolerance":0.5}]}"#,
        r#"{"id":"h","skills":["s"],"prompt":"p","type":"matching",
            "pairs":[{"left":"l","right":"r"}],"distractors":["d"]}"#,
        r#"{"id":"i","skills":["s"],"prompt":"p","type":"multiStep","steps":[
            {"id":"s1","prompt":"q","skills":["t"],"type":"numeric","answer":"{{a}}",
             "hints":["h"],"solution":"x"}],
            "template":{"variables":{"a":{"min":1,"max":9,"step":2},"b":{"choose":[1,2.5]}},
                        "derived":{"c":"a+b"},"constraints":["a != b"]}}"#,
    ] {
        check_same(item, read_item).unwrap_or_else(|e| panic!("{item}: {e}"));
    }
    check_same(
        r#"{"id":"s","name":"S","description":"d","prerequisites":["t"]}"#,
        read_skill,
    )
    .unwrap();
    check_same(
        r#"{"targetSuccess":0.7,"masteryThreshold":0.9,"minEvidence":3,"targetRetention":0.85,
            "acceptEitherNumberReading":true}"#,
        read_settings,
    )
    .unwrap();
    check_same("{}", read_settings).unwrap();
}

#[test]
fn malformed_elements_give_serde_worded_messages() {
    check_error(
        r#"{"id":"a","skills":["s"],"type":"numeric","answer":1}"#,
        read_item,
        "missing field `prompt`",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"essay"}"#,
        read_item,
        "unknown variant `essay`, expected one of `singleChoice`, `multipleResponse`, \
         `numeric`, `mathExpression`, `shortText`, `ordering`, `fillBlanks`, `matching`, \
         `multiStep`",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":"p"}"#,
        read_item,
        "missing field `type`",
    );
    check_error(
        r#"{"id":"a","skills":"s","prompt":"p","type":"ordering","items":[]}"#,
        read_item,
        "invalid type: string \"s\", expected a sequence",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":7,"type":"ordering","items":[]}"#,
        read_item,
        "invalid type: integer `7`, expected a string",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"singleChoice","choices":[],"answer":1.5}"#,
        read_item,
        "invalid type: floating point `1.5`, expected usize",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"singleChoice","choices":[],"answer":-1}"#,
        read_item,
        "invalid value: integer `-1`, expected usize",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"numeric","answer":"one"}"#,
        read_item,
        "cannot read \"one\" as a number",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"numeric","answer":1,"form":"round"}"#,
        read_item,
        "unknown variant `round`, expected one of `simplest`, `fraction`, `decimal`, \
         `slope-intercept`, `standard`",
    );
    check_error(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"shortText","answers":["a"],
            "caseSensitive":"yes"}"#,
        read_item,
        "invalid type: string \"yes\", expected a boolean",
    );
    check_error(
        r#"{"minEvidence":-2}"#,
        read_settings,
        "invalid value: integer `-2`, expected u32",
    );
    check_error(
        r#"{"variables":{"a":{"min":1}}}"#,
        read_template,
        "data did not match any variant of untagged enum VariableRange",
    );
    // Hints and numbers that are neither of their shapes: serde's untagged wording.
    assert!(check_same(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"ordering","items":[],"hints":[3]}"#,
        read_item,
    )
    .is_err());
    assert!(check_same(
        r#"{"id":"a","skills":["s"],"prompt":"p","type":"numeric","answer":true}"#,
        read_item,
    )
    .is_err());
    assert!(check_same(r#"["not an item"]"#, read_item).is_err());
}

/// A whole number's text is written from its digits on the reader's short path: the same
/// `NumericValue` as `from_number` gives, at both ends of that path and past them.
#[test]
fn whole_numbers_read_as_from_number_writes_them() {
    let mut numbers: Vec<i64> = vec![0, 1, -1, 7, -7, 10, 999_999_999, -999_999_999];
    numbers.extend([1_000_000_000, -1_000_000_000, 1 << 53, -(1 << 53), i64::MAX]);
    let mut power = 1;
    for _ in 0..18 {
        numbers.extend([power, -power, power - 1, 1 - power, power + 1]);
        power *= 10;
    }
    // Spread over the short path's range (a multiplicative step, so every digit count).
    let mut n: i64 = 3;
    while n < 1_000_000_000 {
        numbers.extend([n, -n]);
        n = n * 7 + 1;
    }
    for number in numbers {
        let json = parse(&number.to_string()).unwrap();
        assert_eq!(
            read_numeric_value(&json),
            Ok(NumericValue::from_number(number as f64)),
            "{number}"
        );
    }
    // `-0` keeps its sign in the value, as `from_number` writes it.
    let negative_zero = parse("-0").unwrap();
    assert_eq!(
        read_numeric_value(&negative_zero),
        Ok(NumericValue::from_number(-0.0))
    );
}
