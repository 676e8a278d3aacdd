//! Numbers as people write them, in one place: signs (`-`, `+`, `−`), decimal points and commas,
//! thousands separators decided by the language and by the digit grouping (`42,000`, `42 000`,
//! `42.000` in German), the Arabic separators `٫` and `٬`, fractions and mixed numbers (`2 1/2`),
//! percent, scientific notation (`1.5e3`, `1.5 × 10^3`), and repeating decimals (`0.333…`,
//! `0.(3)`). Input is folded first (`text_rules::fold_typed`), so Arabic-Indic and fullwidth
//! digits read as digits.

use crate::find_text::find_text;
use crate::parse_float::parse_float;
use crate::text_rules::{fold_typed, MAX_ANSWER_LENGTH};

/// How a language writes numbers: which mark is the decimal one, and whether `.` groups
/// thousands. English (the default) and Arabic: `1,500.5`; French: `1 500,5`; German: `1.500,5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumberStyle {
    /// `,` is the decimal mark (`1,5` is one and a half, `1,500` reads as 1.5 first).
    pub decimal_comma: bool,
    /// `.` groups thousands (`1.500` reads as 1500 first); only with `decimal_comma`.
    pub point_groups: bool,
}

impl NumberStyle {
    /// The style of a language tag (`fr`, `fr-CA`, `de`, `ar`, …); English when unknown. The
    /// languages are listed with the rest of what a language changes in judging, in
    /// `Reading::of_language`.
    pub fn for_language(language: Option<&str>) -> NumberStyle {
        crate::answer::Reading::of_language(language).numbers
    }
}

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReadNumber {
    /// The value in the language's reading (before `percent` is applied).
    pub value: f64,
    /// The other reading of an ambiguous separator (`1,500`: 1500 and 1.5), if there is one.
    pub other_reading: Option<f64>,
    /// Written with `%`.
    pub percent: bool,
    /// One unit of the last written place for `0.333…` (the digits go on: `continues_to`), 0
    /// otherwise.
    pub slack: f64,
    /// Written as a fraction `a/b` or a mixed number.
    pub fraction: Option<(f64, f64)>,
}

/// Whether a learner who wrote `written` then `…` (`slack`: one unit of the last written place)
/// can mean `truth`: the digits cut off (`0.666…` for 2/3: `truth` within one unit beyond
/// `written`, away from zero) or rounded (`0.667…`: within half a unit). `0.4…` is not 1/3.
pub fn continues_to(written: f64, truth: f64, slack: f64) -> bool {
    let beyond = (truth - written) * written.signum();
    slack > 0.0 && ((0.0..slack).contains(&beyond) || beyond.abs() <= slack / 2.0)
}

impl ReadNumber {
    fn plain(value: f64) -> ReadNumber {
        ReadNumber {
            value,
            other_reading: None,
            percent: false,
            slack: 0.0,
            fraction: None,
        }
    }

    /// Every value the text may mean: the reading, the other reading when `either` is allowed,
    /// each also as a percent (`50%` is 50 or 0.5).
    pub fn candidates(&self, either: bool) -> Vec<f64> {
        let mut values = vec![self.value];
        if either {
            values.extend(self.other_reading);
        }
        if self.percent {
            for index in 0..values.len() {
                values.push(values[index] / 100.0);
            }
        }
        values
    }
}

/// Reads a whole text as one number in `style`; `None` when it is not exactly a number.
pub fn read_number(text: &str, style: &NumberStyle) -> Option<ReadNumber> {
    if text.chars().count() > MAX_ANSWER_LENGTH {
        return None;
    }
    let folded = fold_typed(text);
    let mut body = folded.trim();
    let mut negative = false;
    if let Some(rest) = body.strip_prefix('-') {
        negative = true;
        body = rest.trim_start();
    } else if let Some(rest) = body.strip_prefix('+') {
        body = rest.trim_start();
    }
    let mut percent = false;
    if let Some(rest) = body.strip_suffix('%') {
        percent = true;
        body = rest.trim_end();
    }
    let mut reading = read_unsigned(body, style)?;
    if negative {
        reading.value = -reading.value;
        reading.other_reading = reading.other_reading.map(|v| -v);
        reading.fraction = reading.fraction.map(|(n, d)| (-n, d));
    }
    reading.percent = percent;
    Some(reading)
}

fn read_unsigned(body: &str, style: &NumberStyle) -> Option<ReadNumber> {
    if body.is_empty() || body.starts_with(['-', '+']) {
        return None;
    }
    if let Some((whole_and_numerator, denominator)) = body.split_once('/') {
        let denominator = read_integer(denominator.trim())?;
        if denominator == 0.0 {
            return None;
        }
        let mut parts = whole_and_numerator.split_whitespace();
        let first = read_integer(parts.next()?)?;
        let (value, numerator) = match (parts.next(), parts.next()) {
            (None, _) => (first / denominator, first),
            (Some(numerator), None) => {
                let numerator = read_integer(numerator)?;
                (
                    first + numerator / denominator,
                    first * denominator + numerator,
                )
            }
            _ => return None,
        };
        let mut reading = ReadNumber::plain(value);
        reading.fraction = Some((numerator, denominator));
        return Some(reading);
    }
    if let Some(reading) = read_scientific(body, style) {
        return Some(reading);
    }
    if let Some(reading) = read_repeating(body, style) {
        return Some(reading);
    }
    let (value, other_reading) = read_decimal(body, style)?;
    Some(ReadNumber {
        other_reading,
        ..ReadNumber::plain(value)
    })
}

/// Digits only (a fraction's parts); a decimal numerator such as `1.5/2` is allowed too.
fn read_integer(text: &str) -> Option<f64> {
    if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        read_decimal(text, &NumberStyle::default()).map(|(value, _)| value)
    } else {
        None
    }
}

/// `1.5e3`, `1,5E-3`, `1.5 × 10^3`, `1.5*10^-3`, `1.5 x 10³` (superscripts).
fn read_scientific(body: &str, style: &NumberStyle) -> Option<ReadNumber> {
    let (mantissa, exponent) = if let Some(index) = body.find(['e', 'E']) {
        (&body[..index], &body[index + 1..])
    } else {
        let index = find_text(body, "10^")
            .or_else(|| find_text(body, "10\u{207B}"))
            .or_else(|| {
                body.char_indices()
                    .find(|(i, _)| {
                        body[*i..].starts_with("10")
                            && body[*i + 2..].chars().next().is_some_and(is_superscript)
                    })
                    .map(|(i, _)| i)
            })?;
        let times = body[..index].trim_end();
        let mantissa = times.strip_suffix(['×', 'x', 'X', '*', '·', '⋅'])?;
        let exponent = body[index + 2..].trim_start_matches('^');
        (mantissa, exponent)
    };
    let mantissa = mantissa.trim();
    let (value, _) = read_decimal(mantissa, style)?;
    let mut folded = String::new();
    for c in exponent.trim().chars() {
        folded.push(from_superscript(c));
    }
    let exponent = folded;
    let exponent: i32 = exponent
        .strip_prefix('+')
        .unwrap_or(&exponent)
        .parse()
        .ok()?;
    if !(-400..=400).contains(&exponent) {
        return None;
    }
    let value = value * 10f64.powi(exponent);
    value.is_finite().then(|| ReadNumber::plain(value))
}

fn is_superscript(character: char) -> bool {
    matches!(character, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹' | '⁻')
}

fn from_superscript(character: char) -> char {
    match character {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴'..='⁹' => {
            char::from_u32(character as u32 - '⁴' as u32 + u32::from(b'4')).unwrap_or('?')
        }
        '⁻' => '-',
        other => other,
    }
}

/// `0.333...`, `0.333…` (the last digit goes on), `0.(3)` and `0.1(6)` (the bracketed digits
/// repeat).
fn read_repeating(body: &str, style: &NumberStyle) -> Option<ReadNumber> {
    if let Some(written) = body.strip_suffix("...").or_else(|| body.strip_suffix('…')) {
        let written = written.trim_end();
        let (value, _) = read_decimal(written, style)?;
        let decimals = written
            .rsplit(['.', ',', '٫'])
            .next()
            .filter(|_| written.contains(['.', ',', '٫']))
            .map_or(0, |digits| digits.len());
        let mut reading = ReadNumber::plain(value);
        // `1...` has no digit to go on: read as written.
        if decimals > 0 {
            reading.slack = 10f64.powi(-(decimals as i32));
        }
        return Some(reading);
    }
    let (fixed, repeating) = body.strip_suffix(')')?.split_once('(')?;
    if repeating.is_empty() || !repeating.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // `0,(6)`: the mark may come right before the bracket.
    let (base, _) = read_decimal(fixed.trim_end_matches(['.', ',', '٫']), style)?;
    let decimals = fixed
        .split(['.', ',', '٫'])
        .nth(1)
        .map_or(0, |digits| digits.len());
    let block = parse_float(repeating)?;
    let period = repeating.len() as i32;
    let value = base + block / (10f64.powi(period) - 1.0) / 10f64.powi(decimals as i32);
    Some(ReadNumber::plain(value))
}

/// A decimal with separators, and its other reading when a separator is ambiguous.
fn read_decimal(text: &str, style: &NumberStyle) -> Option<(f64, Option<f64>)> {
    // `5.` is 5.
    let text = match text.strip_suffix('.') {
        Some(rest) if rest.ends_with(|c: char| c.is_ascii_digit()) => rest,
        _ => text,
    };
    // `,5` is `0,5` where the comma is the decimal mark.
    let with_zero;
    let text = if style.decimal_comma && text.starts_with(',') {
        with_zero = format!("0{text}");
        with_zero.as_str()
    } else {
        text
    };
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '٫' | '٬' | '\''))
        || !text.chars().any(|c| c.is_ascii_digit())
        || text.starts_with([' ', ',', '٬', '\''])
        || text.ends_with([' ', ',', '٬', '\'', '.'])
    {
        return None;
    }
    let count = |mark: char| {
        let mut count = 0;
        for character in text.chars() {
            count += usize::from(character == mark);
        }
        count
    };
    let (points, commas) = (count('.'), count(','));
    // The decimal mark, if any, and the marks that group thousands.
    let decimal: Option<char> = if count('٫') > 0 {
        Some('٫')
    } else if points > 0 && commas > 0 {
        // Both: the last one is the decimal mark (`1,234.5`, `1.234,5`).
        let last_point = text.rfind('.')?;
        let last_comma = text.rfind(',')?;
        Some(if last_point > last_comma { '.' } else { ',' })
    } else if commas == 1 && points == 0 {
        return read_single_mark(text, ',', style.decimal_comma, style);
    } else if points == 1 && commas == 0 {
        return read_single_mark(text, '.', !style.point_groups, style);
    } else {
        None
    };
    let reading = grouped_value(text, decimal)?;
    Some((reading, None))
}

/// A text with one `,` or one `.`: a decimal mark or a thousands separator. `decimal_first`
/// says which reading the language gives first; the other is kept when the grouping allows it.
fn read_single_mark(
    text: &str,
    mark: char,
    decimal_first: bool,
    _style: &NumberStyle,
) -> Option<(f64, Option<f64>)> {
    let as_decimal = grouped_value(text, Some(mark));
    let as_groups = grouped_value(text, None);
    match (as_decimal, as_groups) {
        (Some(decimal), Some(groups)) if decimal_first => Some((decimal, Some(groups))),
        (Some(decimal), Some(groups)) => Some((groups, Some(decimal))),
        (Some(decimal), None) => Some((decimal, None)),
        (None, Some(groups)) => Some((groups, None)),
        (None, None) => None,
    }
}

/// The value of `text` when `decimal` is its decimal mark and every other mark groups thousands
/// (groups of three after a first group of one to three digits); `None` when the grouping is not
/// so.
fn grouped_value(text: &str, decimal: Option<char>) -> Option<f64> {
    let (whole, fraction) = match decimal {
        Some(mark) => {
            let (whole, fraction) = text.split_once(mark)?;
            if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (whole, fraction)
        }
        None => (text, ""),
    };
    // Loops, not `collect`: each such chain is compiled on its own.
    let mut groups: Vec<&str> = Vec::new();
    for group in whole.split(|c: char| !c.is_ascii_digit()) {
        groups.push(group);
    }
    if groups.len() > 1 {
        // Grouped: one kind of group mark, a first group of 1-3 digits not starting with 0,
        // then groups of exactly three.
        let mut marks: Vec<char> = Vec::new();
        for c in whole.chars() {
            if !c.is_ascii_digit() {
                marks.push(c);
            }
        }
        if marks.iter().any(|&m| m != marks[0]) || Some(marks[0]) == decimal {
            return None;
        }
        let first = groups[0];
        if first.is_empty() || first.len() > 3 || first.starts_with('0') {
            return None;
        }
        if groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits = crate::text_rules::join_texts(&groups, "");
    let literal = if fraction.is_empty() {
        digits
    } else {
        format!(
            "{}.{fraction}",
            if digits.is_empty() { "0" } else { &digits }
        )
    };
    parse_float(&literal).filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests;
