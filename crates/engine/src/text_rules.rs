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
/// sign become `,`, `;` and `%`, the Arabic tatweel (a stretching stroke) is dropped, and a vulgar
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
            '\u{2044}' | '\u{2215}' => Some('/'),
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

/// Text as compared: folded (`fold_typed`), trimmed, inner whitespace collapsed, final `.`/`!` dropped, lower case
/// unless `case_sensitive`, accents removed when `ignore_accents` (`é` → `e`, `ß` → `ss`), and
/// subscript and superscript digits and signs written plainly (`O₂` is `O2`, `Fe³⁺` is `Fe3+`:
/// a keyboard has no subscripts).
pub fn normalize_text(text: &str, case_sensitive: bool, ignore_accents: bool) -> String {
    let text = fold_typed(text);
    // Words joined by one space; the final `.`/`!` dropped, with the space French puts before `!`
    // (`fusion !`).
    let mut joined = String::new();
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        for character in word.chars() {
            joined.push(plain_script(character));
        }
    }
    joined.truncate(joined.trim_end_matches(['.', '!', ' ']).len());
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
