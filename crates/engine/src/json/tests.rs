//! The JSON reader: values, escapes and surrogates, numbers read exactly, malformed input
//! reported at its line and column as serde_json reports it, and the nesting limit.

use super::{parse, Json, Whole, MAX_DEPTH};

fn number(value: f64, whole: bool) -> Json {
    Json::Number {
        value,
        integer: whole.then_some(whole_of(value as i128)),
    }
}

fn whole_of(integer: i128) -> Whole {
    Whole {
        negative: integer < 0,
        magnitude: integer.unsigned_abs() as u64,
    }
}

fn check_value(text: &str, expected: Json) {
    assert_eq!(parse(text), Ok(expected), "{text}");
}

/// The error as `load_bank` shows it: message and position.
fn check_error(text: &str, expected: &str) {
    match parse(text) {
        Ok(value) => panic!("{text:?} was read as {value:?}"),
        Err(error) => assert_eq!(error.to_string(), expected, "{text:?}"),
    }
}

#[test]
fn values_of_every_kind_are_read() {
    check_value(" null ", Json::Null);
    check_value("true", Json::Bool(true));
    check_value("false", Json::Bool(false));
    check_value(r#""é""#, Json::String("é".into()));
    check_value("[]", Json::Array(vec![]));
    check_value("{}", Json::Object(vec![]));
    check_value(
        r#"{"a": [1, {"b": null}], "c": "d"}"#,
        Json::Object(vec![
            (
                "a".into(),
                Json::Array(vec![
                    number(1.0, true),
                    Json::Object(vec![("b".into(), Json::Null)]),
                ]),
            ),
            ("c".into(), Json::String("d".into())),
        ]),
    );
}

#[test]
fn a_repeated_key_is_found_last_as_serde_json_does() {
    let value = parse(r#"{"a": 1, "a": 2}"#).unwrap();
    assert_eq!(value.get("a"), Some(&number(2.0, true)));
    assert_eq!(value.get("b"), None);
}

#[test]
fn escapes_and_surrogate_pairs_are_decoded() {
    check_value(
        r#""\" \\ \/ \b \f \n \r \t""#,
        Json::String("\" \\ / \u{8} \u{c} \n \r \t".into()),
    );
    check_value(r#""\u00e9\u00C9""#, Json::String("éÉ".into()));
    check_value(r#""\ud83d\ude00 x""#, Json::String("😀 x".into()));
    check_value(r#""a😀b""#, Json::String("a😀b".into()));
    // Runs before, between and after escapes, and an empty string.
    check_value(r#""ab\ncd\"é""#, Json::String("ab\ncd\"é".into()));
    check_value(r#""\tx""#, Json::String("\tx".into()));
    check_value(r#""""#, Json::String(String::new()));
    check_error(r#""abc"#, "EOF while parsing a string at line 1 column 4");
    check_error(
        r#""\ud83d x""#,
        "unexpected end of hex escape at line 1 column 7",
    );
    check_error(
        r#""\ud83d\u0041""#,
        "lone leading surrogate in hex escape at line 1 column 13",
    );
    check_error(
        r#""\ude00""#,
        "lone trailing surrogate in hex escape at line 1 column 7",
    );
    check_error(r#""\x""#, "invalid escape at line 1 column 3");
    check_error(r#""\u12g4""#, "invalid escape at line 1 column 6");
    check_error(
        "\"a\nb\"",
        "control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0",
    );
}

#[test]
fn numbers_are_read_exactly_as_rust_reads_them() {
    for written in [
        "0",
        "-0",
        "0.1",
        "0.30000000000000004",
        "1e-7",
        "2.5E+3",
        "123456789012345678901234567890",
        "1.7976931348623157e308",
        "5e-324",
        "-12.75",
        "0.000001",
        // Whole numbers at the edge of the exact `f64` shortcut (2^53) and beyond it.
        "7",
        "-42",
        "9007199254740992",
        "-9007199254740992",
        "9007199254740993",
        "-9007199254740993",
        "9007199254740995",
        "18446744073709551615",
    ] {
        let expected: f64 = written.parse().unwrap();
        // Exact when whole and within u64 (`-0` keeps its sign in the f64 instead).
        let integer = written
            .parse::<u64>()
            .map(i128::from)
            .or_else(|_| written.parse::<i64>().map(i128::from))
            .ok()
            .filter(|_| written != "-0")
            .map(whole_of);
        let read = parse(written).unwrap();
        let number = Json::Number {
            value: expected,
            integer,
        };
        assert_eq!(read, number, "{written}");
        let Json::Number { value, .. } = read else {
            unreachable!()
        };
        assert_eq!(
            value.to_bits(),
            expected.to_bits(),
            "{written}: sign and bits"
        );
    }
}

#[test]
fn numbers_outside_the_grammar_are_refused() {
    check_error("01", "trailing characters at line 1 column 2");
    check_error("1.", "EOF while parsing a value at line 1 column 2");
    check_error("1.e5", "invalid number at line 1 column 3");
    check_error("-", "EOF while parsing a value at line 1 column 1");
    check_error("-x", "invalid number at line 1 column 2");
    check_error("+1", "expected value at line 1 column 1");
    check_error("1e", "EOF while parsing a value at line 1 column 2");
    check_error("1e999", "number out of range at line 1 column 5");
    check_error(".5", "expected value at line 1 column 1");
}

#[test]
fn malformed_input_is_reported_where_it_goes_wrong() {
    check_error("", "EOF while parsing a value at line 1 column 0");
    check_error(
        "{\n  \"id\": \"x\",\n  \"skills\": []\n  \"items\": []\n}",
        "expected `,` or `}` at line 4 column 3",
    );
    check_error("[1 2]", "expected `,` or `]` at line 1 column 4");
    check_error("[1,]", "trailing comma at line 1 column 4");
    check_error(r#"{"a": 1,}"#, "trailing comma at line 1 column 9");
    check_error(r#"{"a" 1}"#, "expected `:` at line 1 column 6");
    check_error("{a: 1}", "key must be a string at line 1 column 2");
    check_error("[1", "EOF while parsing a list at line 1 column 2");
    check_error(
        r#"{"a": 1"#,
        "EOF while parsing an object at line 1 column 7",
    );
    check_error(r#""abc"#, "EOF while parsing a string at line 1 column 4");
    check_error("tru", "EOF while parsing a value at line 1 column 3");
    check_error("nul1", "expected ident at line 1 column 4");
    check_error("{} x", "trailing characters at line 1 column 4");
}

#[test]
fn nesting_is_limited_and_deep_input_does_not_overflow_the_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    check_error(
        &nested(MAX_DEPTH + 1),
        &format!(
            "recursion limit exceeded at line 1 column {}",
            MAX_DEPTH + 1
        ),
    );
    assert!(parse(&"[{\"a\":".repeat(100_000)).is_err());
}

#[test]
fn the_helpers_read_what_the_bank_readers_need() {
    let value = parse(r#"{"n": 3, "x": 2.5, "s": "t", "l": [1], "big": 1e300}"#).unwrap();
    assert_eq!(value.get("n").and_then(Json::as_u64), Some(3));
    assert_eq!(value.get("x").and_then(Json::as_u64), None);
    assert_eq!(value.get("x").and_then(Json::as_f64), Some(2.5));
    assert_eq!(value.get("big").and_then(Json::as_u64), None);
    let seeds =
        parse("[18446744073709551615, 9007199254740993, -5, 18446744073709551616]").unwrap();
    let seeds = seeds.as_array().unwrap();
    assert_eq!(seeds[0].as_u64(), Some(u64::MAX));
    assert_eq!(seeds[1].as_u64(), Some(9_007_199_254_740_993));
    assert_eq!((seeds[2].as_u64(), seeds[2].as_i64()), (None, Some(-5)));
    assert_eq!(seeds[3].as_u64(), None);
    assert_eq!(value.get("s").and_then(Json::as_str), Some("t"));
    assert_eq!(
        value.get("l").and_then(Json::as_array).map(<[Json]>::len),
        Some(1)
    );
    assert!(value.as_object().is_some() && value.get("s").unwrap().as_object().is_none());
}

#[test]
fn written_text_reads_back_as_the_same_tree() {
    let text = r#"{"s":"q\"b\\n\n\u0001\u001f é😀","n":[0,-0,1e-7,0.1,-2.5,1e300,12345678901234567890,-5],"t":[true,false,null],"o":{}}"#;
    let value = parse(text).unwrap();
    let written = super::to_text(&value);
    assert_eq!(parse(&written), Ok(value.clone()), "{written}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&written).unwrap(),
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    );
    let not_finite = Json::Array(vec![number(f64::NAN, false), number(f64::INFINITY, false)]);
    assert_eq!(super::to_text(&not_finite), "[null,null]");
}

/// Saved progress is written by `JsonText` (here through `to_text`) and read back by `parse`:
/// every finite double, of every size and sign, comes back bit for bit.
#[test]
fn written_numbers_read_back_bit_for_bit() {
    let mut sequence = crate::seeded::SeededSequence(41);
    let mut values = vec![
        0.0,
        -0.0,
        5e-324,
        f64::MIN_POSITIVE,
        f64::MAX,
        0.1 + 0.2,
        1e23,
    ];
    for _ in 0..crate::seeded::rounds(20_000) {
        values.push(f64::from_bits(sequence.next_u64()));
        values.push(sequence.below(1 << 53) as f64 / (1u64 << 53) as f64);
    }
    for value in values.into_iter().filter(|value| value.is_finite()) {
        let written = super::to_text(&Json::Array(vec![number(value, false)]));
        let read = parse(&written).unwrap();
        let Some(Json::Number { value: back, .. }) = read.as_array().and_then(|a| a.first()) else {
            panic!("{written} is not a list of one number");
        };
        assert_eq!(back.to_bits(), value.to_bits(), "{written}");
    }
}
