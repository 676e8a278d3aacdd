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
use crate::find_text::split_at_text;
use Dimension::*;

/// Each unit on a line: its symbol, then the other ways people write it, separated by `|`. Text,
/// not a list of `&str`s: each of those carried 8 bytes of address and length in the wasm.
/// `milles` is French for miles (`mille`, without the `s`, is a thousand).
const NAMES: &str = "\
    mm|millimetre|millimeter|millimètre|مم|ملم\n\
    cm|centimetre|centimeter|centimètre|سم\n\
    dm|decimetre|decimeter|décimètre\n\
    m|metre|meter|mètre|م\n\
    km|kilometre|kilometer|kilomètre|كم\n\
    in|inch|inches\n\
    ft|foot|feet\n\
    yd|yard\n\
    mi|mile|milles\n\
    mm²\n\
    cm²\n\
    m²\n\
    km²\n\
    ha|hectare\n\
    mL|ml|millilitre|milliliter|مل\n\
    cL|cl|centilitre|centiliter\n\
    dL|dl|décilitre|decilitre|deciliter\n\
    L|l|litre|liter|ل\n\
    cm³\n\
    dm³\n\
    m³\n\
    mg|milligram|milligramme|ملغ\n\
    g|gram|gramme|غ|جم\n\
    kg|kilogram|kilogramme|كغ|كجم\n\
    t|tonne|ton|طن\n\
    lb|lbs|pound\n\
    oz|ounce\n\
    ms|millisecond|milliseconde\n\
    s|sec|second|seconde|ث|ثانية\n\
    min|mins|minute|mn|دقيقة|د\n\
    h|hr|hour|heure|سا|ساعة\n\
    d|day|jour|يوم\n\
    °|deg|degree|degré|درجة\n\
    rad|radian\n\
    km/h|kmh|km.h-1\n\
    m/s|m.s-1\n\
    mph|mi/h\n\
    $|dollar|usd|us$\n\
    €|euro|eur\n\
    £|gbp\n\
    ¥|yen|yuan|jpy|cny\n\
    ₹|rupee|inr";

/// Each unit's dimension and factor to the base unit, in the order of `NAMES`.
const SIZES: [(Dimension, f64); 42] = [
    (Length, 0.001),
    (Length, 0.01),
    (Length, 0.1),
    (Length, 1.0),
    (Length, 1000.0),
    (Length, 0.0254),
    (Length, 0.3048),
    (Length, 0.9144),
    (Length, 1609.344),
    (Area, 1e-6),
    (Area, 1e-4),
    (Area, 1.0),
    (Area, 1e6),
    (Area, 1e4),
    (Volume, 0.001),
    (Volume, 0.01),
    (Volume, 0.1),
    (Volume, 1.0),
    (Volume, 0.001),
    (Volume, 1.0),
    (Volume, 1000.0),
    (Mass, 0.001),
    (Mass, 1.0),
    (Mass, 1000.0),
    (Mass, 1e6),
    (Mass, 453.592_37),
    (Mass, 28.349_523_125),
    (Time, 0.001),
    (Time, 1.0),
    (Time, 60.0),
    (Time, 3600.0),
    (Time, 86400.0),
    (Angle, 1.0),
    (Angle, 180.0 / std::f64::consts::PI),
    (Speed, 1000.0 / 3600.0),
    (Speed, 1.0),
    (Speed, 0.447_04),
    (Money, 1.0),
    (Money, 1.0),
    (Money, 1.0),
    (Money, 1.0),
    (Money, 1.0),
];

/// Whether a character is a currency sign, written before or after an amount (`$4.50`, `4,50 €`).
fn is_currency_sign(character: char) -> bool {
    matches!(character, '$' | '€' | '£' | '¥' | '₹')
}

/// The unit written as `text` (`cm`, `centimetres`, `سم`, `cm^2`, `miles/hour`), if it is a
/// known one. Case does not matter except where it tells units apart; a final `s` of a name is
/// a plural.
pub fn find_unit(text: &str) -> Option<Unit> {
    // `12 cm.`: a sentence's full stop is not part of the unit.
    let text = text.trim().trim_end_matches('.').trim_end();
    if text.is_empty() {
        return None;
    }
    let joined = joined(text);
    listed_unit(joined.as_deref().unwrap_or(text)).or_else(|| temperature(text))
}

/// The unit of `NAMES` written as `text`: its symbol as written first, then a name (or the
/// symbol in another case), each in the table's order.
fn listed_unit(text: &str) -> Option<Unit> {
    let lower = fold_case(text);
    let singular = |name: &str| {
        let name = fold_case(name);
        lower == name || lower.strip_suffix('s') == Some(name.as_str())
    };
    for (index, names) in NAMES.split('\n').enumerate() {
        let symbol = names.split('|').next().unwrap_or(names);
        if symbol == text {
            return Some(unit_at(index, symbol));
        }
    }
    for (index, names) in NAMES.split('\n').enumerate() {
        let mut written = names.split('|');
        let symbol = written.next().unwrap_or(names);
        if fold_case(symbol) == lower || written.any(singular) {
            return Some(unit_at(index, symbol));
        }
    }
    None
}

/// The ways units are joined, each the sign the table writes between or after their symbols
/// and then a way to write it.
const JOINS: &str = "//|/ per |/ par |²²|²^2|²2|² squared|² carrés|² carré|²square |²sq \
    |³³|³^3|³3|³ cubed|³ cubes|³ cube|³cubic ";

/// Units joined (`miles/hour`, `km par heure`, `م/ث`, `square centimetres`, `cm carrés`) written
/// as the table writes them (`mi/h`, `km/h`, `m/s`, `cm²`): each part is a unit spelled any known
/// way, the sign follows the first. The joining words are lower case.
fn joined(text: &str) -> Option<String> {
    for join in JOINS.split('|') {
        let mut way = join.chars();
        let sign = way.next();
        let Some((before, after)) = split_at_text(text, way.as_str()) else {
            continue;
        };
        let (first, then) = if before.is_empty() {
            (after, before)
        } else {
            (before, after)
        };
        let mut symbols = String::from(find_unit(first)?.symbol);
        symbols.extend(sign);
        if !then.is_empty() {
            symbols += find_unit(then)?.symbol;
        }
        return Some(symbols);
    }
    None
}

/// The unit on line `index` of `NAMES`.
fn unit_at(index: usize, symbol: &'static str) -> Unit {
    let (dimension, factor) = SIZES[index];
    Unit {
        symbol,
        dimension,
        factor,
        zero: 0.0,
    }
}

/// A temperature scale: its symbol (`°C`, `℃`, `K`), its name (`celsius`, `kelvins`), or its
/// letter or name after a degree word (`°c`, `deg C`, `degrees Fahrenheit`, `degrés Celsius`).
/// A bare letter is a scale only as a capital: `5 c` or `5 k` is not a temperature.
fn temperature(text: &str) -> Option<Unit> {
    let squeezed: String = fold_case(text).split_whitespace().collect();
    // The degree words in a text and a loop, not a list of `&str`s and `find_map`.
    let mut after_degree = None;
    for word in "degrees degree degrés degré degres degre deg °".split(' ') {
        if let Some(scale) = squeezed.strip_prefix(word) {
            after_degree = Some(scale);
            break;
        }
    }
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

/// An amount in two units of one kind after its first number (`h 30 min`, `hours and 30
/// minutes`, `heures 30`, `ft 3 in`): the first unit's text and the rest in that unit (0.5 for
/// `h 30 min`). A bare number or `m` after hours or minutes counts the next sixtieths (`8 h 30`,
/// `8h 30m`); the rest must be less than one first unit (`8 h 75 min` is none).
pub fn split_compound(text: &str) -> Option<(&str, f64)> {
    // The first run of digits: where it starts and ends, and its value.
    let (mut start, mut end, mut amount) = (0, 0, 0.0);
    for (index, byte) in text.bytes().enumerate() {
        if byte.is_ascii_digit() {
            if end == 0 {
                start = index;
            }
            amount = amount * 10.0 + f64::from(byte - b'0');
            end = index + 1;
        } else if end > 0 {
            break;
        }
    }
    let first = text.get(..start)?.trim_end().trim_end_matches(',');
    let first = first
        .strip_suffix(" and")
        .or(first.strip_suffix(" et"))
        .unwrap_or(first);
    let big = find_unit(first)?;
    let ratio = match text.get(end..)?.trim() {
        "" | "m" if big.dimension == Time => 60.0,
        written => {
            let small = find_unit(written).filter(|small| small.dimension == big.dimension)?;
            big.factor / small.factor
        }
    };
    (amount < ratio).then_some((first, amount / ratio))
}

/// The value of `amount` in `from`, expressed in `to`; `None` across dimensions.
pub fn convert(amount: f64, from: &Unit, to: &Unit) -> Option<f64> {
    let same_kind = from.dimension == to.dimension
        && (from.dimension != Dimension::Money || from.symbol == to.symbol);
    same_kind.then(|| (amount * from.factor + from.zero - to.zero) / to.factor)
}

#[cfg(test)]
mod tests;
