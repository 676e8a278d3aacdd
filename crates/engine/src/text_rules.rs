//! How typed answers are read: numbers as people write them, text normalized before comparing,
//! and `*`/`?` patterns. All bounded: longer input than `MAX_ANSWER_LENGTH` is refused.

/// Longest typed answer that is read at all; longer ones are unreadable, not slow.
pub const MAX_ANSWER_LENGTH: usize = 200;

/// Reads a number the way people write it: `0.5`, `.5`, `0,5` (decimal comma), `-3`, `1/2`,
/// `1 1/2` (mixed number), `−2` (Unicode minus). Returns `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    if text.len() > MAX_ANSWER_LENGTH {
        return None;
    }
    let cleaned = text
        .trim()
        .replace('\u{2212}', "-")
        .replace('\u{2044}', "/");
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (
            false,
            cleaned.strip_prefix('+').unwrap_or(&cleaned).trim_start(),
        ),
    };
    let magnitude = match body.split_once('/') {
        Some((whole_and_numerator, denominator)) => {
            let denominator = parse_unsigned_decimal(denominator.trim())?;
            if denominator == 0.0 {
                return None;
            }
            let mut parts = whole_and_numerator.split_whitespace();
            let first = parse_unsigned_decimal(parts.next()?)?;
            match (parts.next(), parts.next()) {
                (None, _) => first / denominator,
                (Some(numerator), None) => first + parse_unsigned_decimal(numerator)? / denominator,
                _ => return None,
            }
        }
        None => parse_unsigned_decimal(body)?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// An unsigned decimal with a point or a single decimal comma, digits only otherwise.
fn parse_unsigned_decimal(text: &str) -> Option<f64> {
    let text = if text.contains('.') {
        text.to_string()
    } else {
        text.replacen(',', ".", 1)
    };
    let mut seen_point = false;
    let mut digits = 0;
    for character in text.chars() {
        match character {
            '0'..='9' => digits += 1,
            '.' if !seen_point => seen_point = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Text as compared: trimmed, inner whitespace collapsed, final `.`/`!` dropped, lower case
/// unless `case_sensitive`, accents removed when `ignore_accents` (`é` → `e`, `ß` → `ss`).
pub fn normalize_text(text: &str, case_sensitive: bool, ignore_accents: bool) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if let Some(last) = words.last_mut() {
        *last = last.trim_end_matches(['.', '!']);
    }
    let joined = words.join(" ");
    let cased = if case_sensitive {
        joined
    } else {
        joined.to_lowercase()
    };
    if !ignore_accents {
        return cased;
    }
    let mut plain = String::with_capacity(cased.len());
    for character in cased.chars() {
        match strip_accent(character) {
            Some(replacement) => plain.push_str(replacement),
            None => plain.push(character),
        }
    }
    plain
}

fn strip_accent(character: char) -> Option<&'static str> {
    Some(match character {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ś' | 'š' => "s",
        'Ś' | 'Š' => "S",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ł' => "l",
        'Ł' => "L",
        'ß' => "ss",
        // Phones type curly apostrophes and quotes: they equal the straight ones.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' => "\"",
        'æ' => "ae",
        'œ' => "oe",
        'Æ' => "AE",
        'Œ' => "OE",
        _ => return None,
    })
}

/// Whether `text` matches `pattern`, where `*` is any text and `?` one character. Linear in
/// practice (the classic two-pointer method with one backtrack point).
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((star_p, star_t)) = star {
            p = star_p + 1;
            t = star_t + 1;
            star = Some((star_p, star_t + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}
