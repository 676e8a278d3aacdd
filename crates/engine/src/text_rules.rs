//! How typed answers are read: numbers as people write them, text normalized before comparing,
//! and `*`/`?` patterns. All bounded: longer input than `MAX_ANSWER_LENGTH` is refused.

/// Longest typed answer that is read at all; longer ones are unreadable, not slow.
pub const MAX_ANSWER_LENGTH: usize = 200;

/// Reads a number the way people write it: `0.5`, `.5`, `0,5` (decimal comma), `-3`, `1/2`,
/// `1 1/2` (mixed number), `−2` (Unicode minus), `42,000` (thousands), `1.5e3`, `50%` (0.5).
/// Returns `None` for anything else. Numbers are read in `numbers.rs`; this is its English
/// reading, kept for authors' numeric answers and callers without a bank language.
pub fn parse_number(text: &str) -> Option<f64> {
    let reading = crate::numbers::read_number(text, &crate::numbers::NumberStyle::default())?;
    Some(if reading.percent {
        reading.value / 100.0
    } else {
        reading.value
    })
}

/// Typed text as the checks read it: every Unicode space becomes a plain space, invisible
/// characters (zero-width spaces and joiners, the byte-order mark, soft hyphen, direction marks)
/// are dropped, fullwidth ASCII (`１２`, `ｃｍ`) becomes ASCII, Arabic-Indic and Persian digits
/// become `0`-`9`, the minus sign and dashes become `-`, the Arabic comma, semicolon and percent
/// sign become `,`, `;` and `%`, the division sign `÷` becomes `/`, the Arabic tatweel (a stretching stroke) is dropped, and a vulgar
/// fraction (`½`, `⅐`…) becomes `1/2` (`2½` becomes `2 1/2`). A letter followed by a combining accent is composed (`e` + U+0301 → `é`)
/// for the accents our languages use. This small hand-written table is the part of NFKC that
/// changes how an answer is judged; a full Unicode normalization table would weigh more than
/// the whole widget.
pub fn fold_typed(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for character in text.chars() {
        let code = character as u32;
        let replacement = match character {
            '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{180E}' => None,
            // The Arabic tatweel only stretches a word.
            '\u{0640}' => None,
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(' ')
            }
            '\t' | '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => {
                Some(' ')
            }
            '\u{2212}' | '\u{2010}'..='\u{2015}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(code - 0xFF01 + 0x21),
            '\u{0660}'..='\u{0669}' => char::from_u32(code - 0x0660 + u32::from(b'0')),
            '\u{06F0}'..='\u{06F9}' => char::from_u32(code - 0x06F0 + u32::from(b'0')),
            '\u{060C}' => Some(','),
            '\u{061B}' => Some(';'),
            '\u{066A}' => Some('%'),
            // The division sign reads as `/` does: `3÷4` is `3/4`.
            '\u{2044}' | '\u{2215}' | '÷' => Some('/'),
            '¼'..='¾' | '\u{2150}'..='\u{215E}' => {
                // Each vulgar fraction as 4 bytes: `⅐` (U+2150) to `⅞` (U+215E), then `¼ ½ ¾`.
                const FRACTIONS: &[u8; 72] =
                    b"1/7 1/9 1/101/3 2/3 1/5 2/5 3/5 4/5 1/6 5/6 1/8 3/8 5/8 7/8 1/4 1/2 3/4 ";
                let index = match code {
                    0xBC..=0xBE => code - 0xBC + 15,
                    _ => code - 0x2150,
                } as usize;
                // `2½` is the mixed number `2 1/2`.
                if folded.ends_with(|c: char| c.is_ascii_digit()) {
                    folded.push(' ');
                }
                for &byte in &FRACTIONS[index * 4..index * 4 + 4] {
                    if byte != b' ' {
                        folded.push(char::from(byte));
                    }
                }
                None
            }
            '\u{0300}'..='\u{036F}' => {
                if let Some(composed) = folded
                    .chars()
                    .last()
                    .and_then(|base| compose(base, character))
                {
                    folded.pop();
                    Some(composed)
                } else {
                    Some(character)
                }
            }
            other => Some(other),
        };
        folded.extend(replacement);
    }
    folded
}

/// A letter and a combining accent as one precomposed letter, for the accents of French and
/// the other Latin-script languages our banks use.
fn compose(base: char, accent: char) -> Option<char> {
    let table: &[(char, &str, &str)] = &[
        ('\u{0300}', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ('\u{0301}', "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ('\u{0302}', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ('\u{0303}', "anoANO", "ãñõÃÑÕ"),
        ('\u{0308}', "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
        ('\u{0327}', "cC", "çÇ"),
    ];
    let (_, bases, composed) = table.iter().find(|(mark, _, _)| *mark == accent)?;
    let position = bases.chars().position(|c| c == base)?;
    composed.chars().nth(position)
}

/// Whether `word` is one of `words`, a list separated by single spaces (a text rather than a list
/// of `&str`s, each of which carries 8 bytes of address and length in the wasm).
pub fn is_listed(words: &str, word: &str) -> bool {
    for listed in words.split(' ') {
        if listed == word {
            return true;
        }
    }
    false
}

/// `parts` joined by `separator`, as `join` gives: one loop for every list of texts the engine
/// and the widget show, so that std's generic `join` (900 bytes of the widget) is not compiled.
pub fn join_texts(parts: &[impl AsRef<str>], separator: &str) -> String {
    let mut joined = String::new();
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            joined.push_str(separator);
        }
        joined.push_str(part.as_ref());
    }
    joined
}

/// Text as compared: folded (`fold_typed`), trimmed, apostrophes made spaces, inner whitespace
/// collapsed, final
/// `.`/`!`/`,`/`;` dropped, lower case unless `case_sensitive`, accents removed when `ignore_accents` (`é` → `e`, `ß` → `ss`), and
/// subscript and superscript digits and signs written plainly (`O₂` is `O2`, `Fe³⁺` is `Fe3+`:
/// a keyboard has no subscripts).
pub fn normalize_text(text: &str, case_sensitive: bool, ignore_accents: bool) -> String {
    let text = fold_typed(text);
    // Words joined by one space; the final `.`/`!` dropped, with the space French puts before `!`
    // (`fusion !`), and a final `,` or `;` (a slip of the finger, `numerator,`).
    // An apostrophe separates words as a space does: `l'eau`, `l’eau` and `l eau` are one text.
    let mut joined = String::new();
    let mut gap = false;
    for character in text.chars() {
        if character.is_whitespace() || matches!(character, '\'' | '‘' | '’' | 'ʼ') {
            gap = !joined.is_empty();
        } else {
            if gap {
                joined.push(' ');
                gap = false;
            }
            joined.push(plain_script(character));
        }
    }
    joined.truncate(joined.trim_end_matches(['.', '!', ',', ';', ' ']).len());
    let cased = if case_sensitive {
        joined
    } else {
        crate::case_fold::fold_case(&joined)
    };
    if !ignore_accents {
        return cased;
    }
    let mut plain = String::with_capacity(cased.len());
    for character in cased.chars() {
        match strip_accent(character) {
            Some(replacement) => plain.push_str(replacement),
            // A combining accent left over (on a letter without a precomposed form) goes too, and
            // so do Arabic short vowels (harakat), which learners may or may not type.
            None if ('\u{0300}'..='\u{036F}').contains(&character)
                || ('\u{064B}'..='\u{065F}').contains(&character)
                || character == '\u{0670}' => {}
            None => plain.push(character),
        }
    }
    plain
}

/// A subscript or superscript digit or sign as a plain one; any other character as it is.
fn plain_script(character: char) -> char {
    let digit = |zero: char| char::from_digit(character as u32 - zero as u32, 10).unwrap_or('0');
    match character {
        '₀'..='₉' => digit('₀'),
        '⁰' | '⁴'..='⁹' => digit('⁰'),
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '₊' | '⁺' => '+',
        '₋' | '⁻' => '-',
        other => other,
    }
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

/// Whether `character` is a letter, for the judging rules (a unit's first letter, an answer in
/// words, a one-letter list element) and the markup's (a math identifier, emphasis beside a
/// word). std's `char::is_alphabetic` with a table a quarter the size of std's: exactly
/// std's answer for every character assigned in Unicode 14 below U+0800 (Latin, Greek, Cyrillic,
/// Armenian, Hebrew, Arabic, Syriac, Thaana, N'Ko), from U+1F00 to U+303F (Greek with accents,
/// punctuation, super- and subscripts, currency, letterlike symbols, arrows, mathematical
/// operators, shapes, CJK punctuation) and from U+FE00 to U+FF70 (fullwidth forms); elsewhere
/// the runs of 16 or more characters that are not letters are known, and the rare punctuation
/// and marks of other scripts between letters count as letters (`text_rules/tests.rs` checks
/// both against std). Characters not yet assigned count as letters.
pub fn is_letter(character: char) -> bool {
    let code = u32::from(character);
    if code < 0x80 {
        return character.is_ascii_alphabetic();
    }
    // Letters that are also numbers (Roman numerals, the ideographic number zero, …).
    for (first, last) in NUMBER_LETTERS {
        if (first..=last).contains(&code) {
            return true;
        }
    }
    if character.is_numeric() {
        return false;
    }
    if code <= 0xFFFF {
        for (first, last) in NOT_LETTERS_BMP {
            if (u32::from(first)..=u32::from(last)).contains(&code) {
                return false;
            }
        }
        return true;
    }
    for (first, last) in NOT_LETTERS_ASTRAL {
        if (first..=last).contains(&code) {
            return false;
        }
    }
    true
}

/// Whether `character` is a letter (`is_letter`) or a number (std's `char::is_numeric`).
pub fn is_letter_or_number(character: char) -> bool {
    is_letter(character) || character.is_numeric()
}

/// The characters std counts both alphabetic and numeric.
const NUMBER_LETTERS: [(u32, u32); 12] = [
    (0x16EE, 0x16F0),
    (0x2160, 0x2188),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303A),
    (0xA6E6, 0xA6EF),
    (0x10140, 0x10174),
    (0x10341, 0x10341),
    (0x1034A, 0x1034A),
    (0x103D1, 0x103D5),
    (0x12400, 0x1246E),
    (0x16FF4, 0x16FF6),
];

/// Runs of characters that are neither letters nor numbers (gaps of unassigned characters
/// inside them included), first and last, in the Basic Multilingual Plane; and the private use
/// area.
const NOT_LETTERS_BMP: [(u16, u16); 95] = [
    (0x0080, 0x00A9),
    (0x00AB, 0x00B4),
    (0x00B6, 0x00B8),
    (0x00BB, 0x00BF),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x02C2, 0x02C5),
    (0x02D2, 0x02DF),
    (0x02E5, 0x02EB),
    (0x02ED, 0x02ED),
    (0x02EF, 0x0344),
    (0x0346, 0x0362),
    (0x0375, 0x0375),
    (0x037E, 0x037E),
    (0x0384, 0x0385),
    (0x0387, 0x0387),
    (0x03F6, 0x03F6),
    (0x0482, 0x0489),
    (0x055A, 0x055F),
    (0x0589, 0x05AF),
    (0x05BE, 0x05BE),
    (0x05C0, 0x05C0),
    (0x05C3, 0x05C3),
    (0x05C6, 0x05C6),
    (0x05F3, 0x060F),
    (0x061B, 0x061F),
    (0x0658, 0x0658),
    (0x066A, 0x066D),
    (0x06D4, 0x06D4),
    (0x06DD, 0x06E0),
    (0x06E9, 0x06EC),
    (0x06FD, 0x06FE),
    (0x0700, 0x070F),
    (0x0740, 0x074A),
    (0x07EB, 0x07F3),
    (0x07F6, 0x07F9),
    (0x07FD, 0x07FF),
    (0x082D, 0x083E),
    (0x0F01, 0x0F3F),
    (0x0FBE, 0x0FDA),
    (0x17DD, 0x180F),
    (0x19DE, 0x19FF),
    (0x1A75, 0x1AA6),
    (0x1AA8, 0x1ABE),
    (0x1B5A, 0x1B7E),
    (0x1CC0, 0x1CE8),
    (0x1DC0, 0x1DD2),
    (0x1FBD, 0x1FBD),
    (0x1FBF, 0x1FC1),
    (0x1FCD, 0x1FCF),
    (0x1FDD, 0x1FDF),
    (0x1FED, 0x1FEF),
    (0x1FFD, 0x206F),
    (0x207A, 0x207E),
    (0x208A, 0x208E),
    (0x20A0, 0x2101),
    (0x2103, 0x2106),
    (0x2108, 0x2109),
    (0x2114, 0x2114),
    (0x2116, 0x2118),
    (0x211E, 0x2123),
    (0x2125, 0x2125),
    (0x2127, 0x2127),
    (0x2129, 0x2129),
    (0x212E, 0x212E),
    (0x213A, 0x213B),
    (0x2140, 0x2144),
    (0x214A, 0x214D),
    (0x214F, 0x214F),
    (0x218A, 0x24B5),
    (0x2500, 0x2BFF),
    (0x2CE5, 0x2CEA),
    (0x2CEF, 0x2CF1),
    (0x2CF9, 0x2CFF),
    (0x2D70, 0x2D7F),
    (0x2E00, 0x2E2E),
    (0x2E30, 0x3004),
    (0x3008, 0x3020),
    (0x302A, 0x3030),
    (0x3036, 0x3037),
    (0x303D, 0x303F),
    (0x31C0, 0x31E3),
    (0x3200, 0x33FF),
    (0x4DC0, 0x4DFF),
    (0xA490, 0xA4C6),
    (0xA6F0, 0xA716),
    (0xA8CE, 0xA8F1),
    (0xE000, 0xF8FF),
    (0xFBB2, 0xFBC2),
    (0xFD3E, 0xFD4F),
    (0xFDFC, 0xFE6B),
    (0xFEFF, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0xFFE0, 0xFFFD),
];

/// The same beyond the Basic Multilingual Plane.
const NOT_LETTERS_ASTRAL: [(u32, u32); 11] = [
    (0x10179, 0x101FD),
    (0x10F46, 0x10F59),
    (0x115BF, 0x115D7),
    (0x11FD5, 0x11FFF),
    (0x16B30, 0x16B3F),
    (0x1BC9F, 0x1D356),
    (0x1D800, 0x1DAAF),
    (0x1EEF0, 0x1F12F),
    (0x1F18A, 0x1FBCA),
    (0xE0001, 0xE01EF),
    (0xF0000, 0x10FFFF),
];

#[cfg(test)]
mod tests;
