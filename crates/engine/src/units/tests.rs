//! The units table, and units as the answer checker reads them: each case is an item, a typed
//! answer and the verdict with its reason, as `try-answers` prints them.

use super::*;
use crate::answer::{check_response, verdict_names, Response};
use crate::bank::ItemKind;

/// Checks each case `ITEM|INPUT|VERDICT REASON` of `cases`, where ITEM is an `answer` and
/// optional `unit` (`56 mph`, `8.5`) of a `numeric` item; `expression 64` is a
/// `mathExpression` item with the answer `64`, as imported banks have them.
fn check(cases: &str) {
    let mut failures = Vec::new();
    for case in cases.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let [item, input, expected] = case.split('|').collect::<Vec<_>>()[..] else {
            panic!("a case is ITEM|INPUT|VERDICT REASON: {case}");
        };
        let json = match item.split_once(' ') {
            Some(("expression", answer)) => {
                format!(r#"{{"type": "mathExpression", "answer": "{answer}"}}"#)
            }
            Some((answer, unit)) => {
                format!(r#"{{"type": "numeric", "answer": {answer}, "unit": "{unit}"}}"#)
            }
            None => format!(r#"{{"type": "numeric", "answer": {item}}}"#),
        };
        let kind: ItemKind = serde_json::from_str(&json).expect("a test item parses");
        let result = check_response(&kind, &Response::Text(input.to_string()));
        let (verdict, reason) = verdict_names(&result);
        let got = format!("{verdict} {reason}");
        if got != expected {
            failures.push(format!("{item} | {input}: {got}, not {expected}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_line_of_names_has_its_size_and_a_symbol_found_as_written() {
    assert_eq!(NAMES.split('\n').count(), SIZES.len());
    for (index, names) in NAMES.split('\n').enumerate() {
        let symbol = names.split('|').next().unwrap();
        let unit = find_unit(symbol).unwrap();
        assert_eq!((unit.symbol, unit.dimension), (symbol, SIZES[index].0));
        assert_eq!(unit.factor.to_bits(), SIZES[index].1.to_bits());
    }
    // Names in any case, plurals, and the first table entry winning.
    assert_eq!(find_unit("Centimetres").unwrap().symbol, "cm");
    assert_eq!(find_unit("ML").unwrap().symbol, "mL");
    assert_eq!(find_unit("M").unwrap().symbol, "m");
    assert_eq!(find_unit("hours").unwrap().factor, 3600.0);
    assert_eq!(
        find_unit("radian").unwrap().factor,
        180.0 / std::f64::consts::PI
    );
    assert_eq!(find_unit("°C").unwrap().symbol, "°C");
    assert_eq!(find_unit("parsecs"), None);
}

#[test]
fn a_rate_is_read_with_its_two_units_spelled_any_listed_way() {
    check(
        "56|56 miles/hour|right ok
        64|64 mi/hr|right ok
        64|64 miles/h|right ok
        64|64 miles/hour|right ok
        64|64 milles/h|right ok
        64|64 miles per hour|right ok
        64|r=64 mi/hr|right ok
        64|65 mi/hr|wrong notEqual
        expression 64|64 mi/hr|right ok
        expression 64|r=64 mi/hr|right ok
        56 mph|56 miles/hour|right ok
        56 mph|56 mi/hr|right ok
        56 mph|56 km/h|wrong wrongUnit
        56 mph|56 km/hr|wrong wrongUnit
        56 mph|55 miles/hour|wrong notEqual
        90 km/h|90 kilomètres/heure|right ok
        90 km/h|90 km par heure|right ok
        90 km/h|90 كم/سا|right ok
        90 km/h|25 meters/second|partial unitAsked
        90 km/h|90 mi/hr|wrong wrongUnit
        90 km/h|90 km/min|wrong wrongUnit
        90 km/h|90 kg/h|wrong wrongUnit
        3 m/s|3 م/ث|right ok",
    );
    assert_eq!(find_unit("mètres/seconde").unwrap().symbol, "m/s");
    // A rate the table does not list is no unit (and no endless search for one).
    assert_eq!(find_unit("feet/second"), None);
    assert_eq!(find_unit("miles/"), None);
}

#[test]
fn a_square_or_cube_is_read_in_words_signs_and_digits() {
    check(
        "9 cm²|9 centimètres carrés|right ok
        9 cm²|9 cm carrés|right ok
        9 cm²|9 cm carré|right ok
        9 cm²|9 centimètres²|right ok
        9 cm²|9 square centimeters|right ok
        9 cm²|9 square centimetres|right ok
        9 cm²|9 sq cm|right ok
        9 cm²|9 cm squared|right ok
        9 cm²|9 cm^2|right ok
        9 cm²|9 cm2|right ok
        9 cm²|9 سم²|right ok
        9 cm²|9 سم^2|right ok
        9 cm²|8 square centimeters|wrong notEqual
        9 cm²|9 cm|wrong wrongUnit
        9 cm²|9 cubic centimeters|wrong wrongUnit
        9 cm²|9 square metres|wrong wrongUnit
        9 cm²|9 cm squared squared|wrong wrongUnit
        9 m²|9 square meters|right ok
        9 m²|9 mètres carrés|right ok
        9 m²|9 m2|right ok
        9 m²|9 م²|right ok
        9 m²|90000 square centimetres|partial unitAsked
        9 km²|9 square kilometres|right ok
        9 km²|9 km carrés|right ok
        9 cm³|9 cubic centimeters|right ok
        9 cm³|9 cm cubes|right ok
        9 cm³|9 centimètres cubes|right ok
        9 cm³|9 cm cubed|right ok
        9 cm³|9 cm3|right ok
        9 cm³|9 سم³|right ok
        9 cm³|9 cm²|wrong wrongUnit
        9 m³|9 mètres cubes|right ok
        9|9 cm squared|right ok
        9|9 square centimeters|right ok
        9|9 squared|unreadable notANumber",
    );
    // A power of what is not a length is not in the table.
    assert_eq!(find_unit("square seconds"), None);
    assert_eq!(find_unit("mm3"), None);
}

#[test]
fn an_amount_in_two_units_is_read_in_the_first() {
    check(
        "8.5|8 hr 30 min|right ok
        8.5|8 hours 30 minutes|right ok
        8.5|8 hrs 30 mins|right ok
        8.5|8 hours and 30 minutes|right ok
        8.5|8 hours 30 min|right ok
        8.5|8 hr 30 minutes|right ok
        8.5|8 hours, 30 minutes|right ok
        8.5|8 heures 30|right ok
        8.5|8 heures et 30 minutes|right ok
        8.5|8h30|right ok
        8.5|8 h 30 min|right ok
        8.5|8h 30m|right ok
        8.5|8 hours 20 minutes|wrong notEqual
        8.5|8 hours 30 seconds|wrong notEqual
        8.5|8 hours 90 minutes|unreadable notANumber
        8.5|8 hours 30 km|unreadable notANumber
        expression 8.5|8 hours and 30 minutes|right ok
        expression 8.5|8 heures 30|right ok
        expression 8.5|8 hr 20 min|wrong notEqual
        8.5 h|8 hours 30 minutes|right ok
        8.5 h|8 hr 30 min|right ok
        8.5 h|9 hr 30 min|wrong notEqual
        510 min|8 h 30 min|partial unitAsked
        2.5 min|2 min 30 s|right ok
        5.25 ft|5 ft 3 in|right ok
        5.25 ft|5 feet 3 inches|right ok
        5.25 ft|5 ft 13 in|wrong wrongUnit
        1.2 m|1 m 20 cm|right ok
        9 cm²|9 cm2|right ok",
    );
}
