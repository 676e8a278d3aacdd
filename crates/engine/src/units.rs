//! Units of measure in numeric answers: `12 cm`, `12cm`, `0.12 m`, `3 cm²`, `90°`, `5 km/h`.
//! A small table of common units, each with its dimension and its factor to the dimension's base
//! unit, so that `0.12 m` and `12 cm` can be compared when a bank allows conversions. Written
//! forms include English and French names and the Arabic abbreviations taught in schools. Money
//! (`$4.50`, `4,50 €`) is a unit too, never converted. Temperatures (`°C`, `°F`, `K`) are read as
//! points on their scale, converted with the scale's zero (`0 °C` is `273.15 K` and `32 °F`).

/// What a unit measures; units convert only within one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Length,
    Area,
    Volume,
    Mass,
    Time,
    Angle,
    Speed,
    /// A temperature (a reading, not a difference): `°C`, `°F`, `K`, based on the kelvin.
    Temperature,
    /// Money: never converted, one currency is not another.
    Money,
}

/// A known unit: its symbol as shown, its dimension, and its size in the base unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    pub symbol: &'static str,
    pub dimension: Dimension,
    pub factor: f64,
    /// Where the unit's zero is on the base unit's scale (nonzero for `°C` and `°F` only).
    pub zero: f64,
}

use crate::case_fold::fold_case;
use Dimension::*;

/// Symbol, dimension, factor to the base unit, and the other ways people write it.
const UNITS: &[(&str, Dimension, f64, &[&str])] = &[
    (
        "mm",
        Length,
        0.001,
        &["millimetre", "millimeter", "millimètre", "مم", "ملم"],
    ),
    (
        "cm",
        Length,
        0.01,
        &["centimetre", "centimeter", "centimètre", "سم"],
    ),
    ("dm", Length, 0.1, &["decimetre", "decimeter", "décimètre"]),
    ("m", Length, 1.0, &["metre", "meter", "mètre", "م"]),
    (
        "km",
        Length,
        1000.0,
        &["kilometre", "kilometer", "kilomètre", "كم"],
    ),
    ("in", Length, 0.0254, &["inch", "inches"]),
    ("ft", Length, 0.3048, &["foot", "feet"]),
    ("yd", Length, 0.9144, &["yard"]),
    ("mi", Length, 1609.344, &["mile"]),
    ("mm²", Area, 1e-6, &["mm^2", "mm2"]),
    ("cm²", Area, 1e-4, &["cm^2", "cm2", "سم²", "سم^2"]),
    ("m²", Area, 1.0, &["m^2", "m2", "م²", "م^2"]),
    ("km²", Area, 1e6, &["km^2", "km2"]),
    ("ha", Area, 1e4, &["hectare"]),
    (
        "mL",
        Volume,
        0.001,
        &["ml", "millilitre", "milliliter", "مل"],
    ),
    ("cL", Volume, 0.01, &["cl", "centilitre", "centiliter"]),
    (
        "dL",
        Volume,
        0.1,
        &["dl", "décilitre", "decilitre", "deciliter"],
    ),
    ("L", Volume, 1.0, &["l", "litre", "liter", "ل"]),
    ("cm³", Volume, 0.001, &["cm^3", "cm3", "سم³", "سم^3"]),
    ("dm³", Volume, 1.0, &["dm^3", "dm3"]),
    ("m³", Volume, 1000.0, &["m^3", "m3", "م³", "م^3"]),
    ("mg", Mass, 0.001, &["milligram", "milligramme", "ملغ"]),
    ("g", Mass, 1.0, &["gram", "gramme", "غ", "جم"]),
    ("kg", Mass, 1000.0, &["kilogram", "kilogramme", "كغ", "كجم"]),
    ("t", Mass, 1e6, &["tonne", "ton", "طن"]),
    ("lb", Mass, 453.592_37, &["lbs", "pound"]),
    ("oz", Mass, 28.349_523_125, &["ounce"]),
    ("ms", Time, 0.001, &["millisecond", "milliseconde"]),
    ("s", Time, 1.0, &["sec", "second", "seconde", "ث", "ثانية"]),
    ("min", Time, 60.0, &["minute", "mn", "دقيقة", "د"]),
    ("h", Time, 3600.0, &["hr", "hour", "heure", "سا", "ساعة"]),
    ("d", Time, 86400.0, &["day", "jour", "يوم"]),
    ("°", Angle, 1.0, &["deg", "degree", "degré", "درجة"]),
    ("rad", Angle, 180.0 / std::f64::consts::PI, &["radian"]),
    ("km/h", Speed, 1000.0 / 3600.0, &["kmh", "km.h-1", "كم/سا"]),
    ("m/s", Speed, 1.0, &["m.s-1", "م/ث"]),
    ("mph", Speed, 0.447_04, &["mi/h"]),
    ("$", Money, 1.0, &["dollar", "usd", "us$"]),
    ("€", Money, 1.0, &["euro", "eur"]),
    ("£", Money, 1.0, &["gbp"]),
    ("¥", Money, 1.0, &["yen", "yuan", "jpy", "cny"]),
    ("₹", Money, 1.0, &["rupee", "inr"]),
];

/// Whether a character is a currency sign, written before or after an amount (`$4.50`, `4,50 €`).
fn is_currency_sign(character: char) -> bool {
    matches!(character, '$' | '€' | '£' | '¥' | '₹')
}

/// The unit written as `text` (`cm`, `centimetres`, `سم`, `cm^2`), if it is a known one. Case
/// does not matter except where it tells units apart; a final `s` of a name is a plural.
pub fn find_unit(text: &str) -> Option<Unit> {
    // `12 cm.`: a sentence's full stop is not part of the unit.
    let text = text.trim().trim_end_matches('.').trim_end();
    if text.is_empty() {
        return None;
    }
    let lower = fold_case(text);
    let singular = |name: &str| {
        let name = fold_case(name);
        lower == name || lower.strip_suffix('s') == Some(name.as_str())
    };
    UNITS
        .iter()
        .find(|(symbol, _, _, _)| *symbol == text)
        .or_else(|| {
            UNITS.iter().find(|(symbol, _, _, others)| {
                fold_case(symbol) == lower || others.iter().any(|o| singular(o))
            })
        })
        .map(|&(symbol, dimension, factor, _)| Unit {
            symbol,
            dimension,
            factor,
            zero: 0.0,
        })
        .or_else(|| temperature(text))
}

/// A temperature scale: its symbol (`°C`, `℃`, `K`), its name (`celsius`, `kelvins`), or its
/// letter or name after a degree word (`°c`, `deg C`, `degrees Fahrenheit`, `degrés Celsius`).
/// A bare letter is a scale only as a capital: `5 c` or `5 k` is not a temperature.
fn temperature(text: &str) -> Option<Unit> {
    let squeezed: String = fold_case(text).split_whitespace().collect();
    let after_degree = [
        "degrees", "degree", "degrés", "degré", "degres", "degre", "deg", "°",
    ]
    .iter()
    .find_map(|word| squeezed.strip_prefix(word));
    let scale = after_degree.unwrap_or(&squeezed);
    if after_degree.is_none() && scale.len() == 1 && !matches!(text, "C" | "F" | "K") {
        return None;
    }
    let (symbol, factor, zero) = match scale {
        "c" | "celsius" | "centigrade" | "℃" => ("°C", 1.0, 273.15),
        "f" | "fahrenheit" | "℉" => ("°F", 5.0 / 9.0, 273.15 - 32.0 * 5.0 / 9.0),
        "k" | "kelvin" | "kelvins" => ("K", 1.0, 0.0),
        _ => return None,
    };
    Some(Unit {
        symbol,
        dimension: Temperature,
        factor,
        zero,
    })
}

/// Splits `12 cm` into the number's text and the unit's text. The unit is what follows the last
/// character that can be part of a number; `None` when there is no such tail.
pub fn split_unit(text: &str) -> (&str, Option<&str>) {
    let text = text.trim();
    // `$4.50`: a currency sign before the amount is its unit.
    if let Some(sign) = text.chars().next().filter(|&c| is_currency_sign(c)) {
        let (sign, amount) = text.split_at(sign.len_utf8());
        return (amount.trim_start(), Some(sign));
    }
    // The unit starts at the first letter or unit sign that is not part of a number (`e` of
    // `1e3` and the `x` of `× 10^3` are part of it).
    for (index, character) in text.char_indices() {
        let starts_unit = crate::text_rules::is_letter(character)
            || matches!(character, '°' | '℃' | '℉' | 'µ' | 'μ')
            || is_currency_sign(character);
        if !starts_unit || index == 0 {
            continue;
        }
        let rest = &text[index..];
        let number = text[..index].trim_end();
        let scientific = matches!(character, 'e' | 'E' | 'x' | 'X')
            && rest[1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
        if scientific || number.is_empty() {
            continue;
        }
        return (number, Some(rest.trim()));
    }
    (text, None)
}

/// The value of `amount` in `from`, expressed in `to`; `None` across dimensions.
pub fn convert(amount: f64, from: &Unit, to: &Unit) -> Option<f64> {
    let same_kind = from.dimension == to.dimension
        && (from.dimension != Dimension::Money || from.symbol == to.symbol);
    same_kind.then(|| (amount * from.factor + from.zero - to.zero) / to.factor)
}
