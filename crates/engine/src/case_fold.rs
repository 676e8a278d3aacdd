//! Lower case for comparing answers without case (`caseSensitive` false, unit names, answer
//! words), from a table of runs a fifth the size of std's lower-case table (std's
//! `to_lowercase` cost 6.7 KB of `make size`: its tables and the final-sigma rule). The table
//! gives every character the lower case std's `char::to_lowercase` gives it (a test checks all
//! of them); Σ, σ and ς are folded to σ, as Unicode's case folding does, where std's
//! `str::to_lowercase` picks ς or σ by the letters around.

/// The lower case of `text` for comparing: see the module's comment.
pub fn fold_case(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            // The one character whose lower case is two: an `i` and a combining dot above.
            '\u{130}' => folded.push_str("i\u{307}"),
            'Σ' | 'ς' => folded.push('σ'),
            _ => folded.push(lowercase(character)),
        }
    }
    folded
}

/// The lower case of one character (İ aside: `fold_case` writes it as two).
fn lowercase(character: char) -> char {
    if character.is_ascii() {
        return character.to_ascii_lowercase();
    }
    let code = character as u32;
    let after = LOWERCASE_RUNS.partition_point(|&(packed, _)| packed >> 9 <= code);
    let Some(&(packed, offset)) = after.checked_sub(1).map(|i| &LOWERCASE_RUNS[i]) else {
        return character;
    };
    let (start, length, stride) = (packed >> 9, packed >> 1 & 0xFF, 1 + (packed & 1));
    let distance = code - start;
    if distance < length * stride && distance.is_multiple_of(stride) {
        char::from_u32(code.wrapping_add_signed(offset)).unwrap_or(character)
    } else {
        character
    }
}

/// Runs of characters whose lower case is the character plus an offset: `(first << 9 | length
/// << 1 | every other, offset)`; a run covers `length` characters (fewer than 256), one in two
/// when `every other` is 1. Two numbers a run, not three: 8 bytes of table each, not 12.
/// Written by the test `the_table_lowers_every_character_as_std_does` (from std's
/// `char::to_lowercase`), which prints it afresh when std's Unicode version moves.
#[rustfmt::skip]
const LOWERCASE_RUNS: &[(u32, i32)] = &[
    (0xC0 << 9 | 46, 32), (0xD8 << 9 | 14, 32), (0x100 << 9 | 49, 1), (0x132 << 9 | 7, 1),
    (0x139 << 9 | 17, 1), (0x14A << 9 | 47, 1), (0x178 << 9 | 2, -121), (0x179 << 9 | 7, 1),
    (0x181 << 9 | 2, 210), (0x182 << 9 | 5, 1), (0x186 << 9 | 2, 206), (0x187 << 9 | 2, 1),
    (0x189 << 9 | 4, 205), (0x18B << 9 | 2, 1), (0x18E << 9 | 2, 79), (0x18F << 9 | 2, 202),
    (0x190 << 9 | 2, 203), (0x191 << 9 | 2, 1), (0x193 << 9 | 2, 205), (0x194 << 9 | 2, 207),
    (0x196 << 9 | 2, 211), (0x197 << 9 | 2, 209), (0x198 << 9 | 2, 1), (0x19C << 9 | 2, 211),
    (0x19D << 9 | 2, 213), (0x19F << 9 | 2, 214), (0x1A0 << 9 | 7, 1), (0x1A6 << 9 | 2, 218),
    (0x1A7 << 9 | 2, 1), (0x1A9 << 9 | 2, 218), (0x1AC << 9 | 2, 1), (0x1AE << 9 | 2, 218),
    (0x1AF << 9 | 2, 1), (0x1B1 << 9 | 4, 217), (0x1B3 << 9 | 5, 1), (0x1B7 << 9 | 2, 219),
    (0x1B8 << 9 | 2, 1), (0x1BC << 9 | 2, 1), (0x1C4 << 9 | 2, 2), (0x1C5 << 9 | 2, 1),
    (0x1C7 << 9 | 2, 2), (0x1C8 << 9 | 2, 1), (0x1CA << 9 | 2, 2), (0x1CB << 9 | 19, 1),
    (0x1DE << 9 | 19, 1), (0x1F1 << 9 | 2, 2), (0x1F2 << 9 | 5, 1), (0x1F6 << 9 | 2, -97),
    (0x1F7 << 9 | 2, -56), (0x1F8 << 9 | 41, 1), (0x220 << 9 | 2, -130), (0x222 << 9 | 19, 1),
    (0x23A << 9 | 2, 10795), (0x23B << 9 | 2, 1), (0x23D << 9 | 2, -163), (0x23E << 9 | 2, 10792),
    (0x241 << 9 | 2, 1), (0x243 << 9 | 2, -195), (0x244 << 9 | 2, 69), (0x245 << 9 | 2, 71),
    (0x246 << 9 | 11, 1), (0x370 << 9 | 5, 1), (0x376 << 9 | 2, 1), (0x37F << 9 | 2, 116),
    (0x386 << 9 | 2, 38), (0x388 << 9 | 6, 37), (0x38C << 9 | 2, 64), (0x38E << 9 | 4, 63),
    (0x391 << 9 | 34, 32), (0x3A3 << 9 | 18, 32), (0x3CF << 9 | 2, 8), (0x3D8 << 9 | 25, 1),
    (0x3F4 << 9 | 2, -60), (0x3F7 << 9 | 2, 1), (0x3F9 << 9 | 2, -7), (0x3FA << 9 | 2, 1),
    (0x3FD << 9 | 6, -130), (0x400 << 9 | 32, 80), (0x410 << 9 | 64, 32), (0x460 << 9 | 35, 1),
    (0x48A << 9 | 55, 1), (0x4C0 << 9 | 2, 15), (0x4C1 << 9 | 15, 1), (0x4D0 << 9 | 97, 1),
    (0x531 << 9 | 76, 48), (0x10A0 << 9 | 76, 7264), (0x10C7 << 9 | 2, 7264), (0x10CD << 9 | 2, 7264),
    (0x13A0 << 9 | 160, 38864), (0x13F0 << 9 | 12, 8), (0x1C89 << 9 | 2, 1), (0x1C90 << 9 | 86, -3008),
    (0x1CBD << 9 | 6, -3008), (0x1E00 << 9 | 151, 1), (0x1E9E << 9 | 2, -7615), (0x1EA0 << 9 | 97, 1),
    (0x1F08 << 9 | 16, -8), (0x1F18 << 9 | 12, -8), (0x1F28 << 9 | 16, -8), (0x1F38 << 9 | 16, -8),
    (0x1F48 << 9 | 12, -8), (0x1F59 << 9 | 9, -8), (0x1F68 << 9 | 16, -8), (0x1F88 << 9 | 16, -8),
    (0x1F98 << 9 | 16, -8), (0x1FA8 << 9 | 16, -8), (0x1FB8 << 9 | 4, -8), (0x1FBA << 9 | 4, -74),
    (0x1FBC << 9 | 2, -9), (0x1FC8 << 9 | 8, -86), (0x1FCC << 9 | 2, -9), (0x1FD8 << 9 | 4, -8),
    (0x1FDA << 9 | 4, -100), (0x1FE8 << 9 | 4, -8), (0x1FEA << 9 | 4, -112), (0x1FEC << 9 | 2, -7),
    (0x1FF8 << 9 | 4, -128), (0x1FFA << 9 | 4, -126), (0x1FFC << 9 | 2, -9), (0x2126 << 9 | 2, -7517),
    (0x212A << 9 | 2, -8383), (0x212B << 9 | 2, -8262), (0x2132 << 9 | 2, 28), (0x2160 << 9 | 32, 16),
    (0x2183 << 9 | 2, 1), (0x24B6 << 9 | 52, 26), (0x2C00 << 9 | 96, 48), (0x2C60 << 9 | 2, 1),
    (0x2C62 << 9 | 2, -10743), (0x2C63 << 9 | 2, -3814), (0x2C64 << 9 | 2, -10727), (0x2C67 << 9 | 7, 1),
    (0x2C6D << 9 | 2, -10780), (0x2C6E << 9 | 2, -10749), (0x2C6F << 9 | 2, -10783), (0x2C70 << 9 | 2, -10782),
    (0x2C72 << 9 | 2, 1), (0x2C75 << 9 | 2, 1), (0x2C7E << 9 | 4, -10815), (0x2C80 << 9 | 101, 1),
    (0x2CEB << 9 | 5, 1), (0x2CF2 << 9 | 2, 1), (0xA640 << 9 | 47, 1), (0xA680 << 9 | 29, 1),
    (0xA722 << 9 | 15, 1), (0xA732 << 9 | 63, 1), (0xA779 << 9 | 5, 1), (0xA77D << 9 | 2, -35332),
    (0xA77E << 9 | 11, 1), (0xA78B << 9 | 2, 1), (0xA78D << 9 | 2, -42280), (0xA790 << 9 | 5, 1),
    (0xA796 << 9 | 21, 1), (0xA7AA << 9 | 2, -42308), (0xA7AB << 9 | 2, -42319), (0xA7AC << 9 | 2, -42315),
    (0xA7AD << 9 | 2, -42305), (0xA7AE << 9 | 2, -42308), (0xA7B0 << 9 | 2, -42258), (0xA7B1 << 9 | 2, -42282),
    (0xA7B2 << 9 | 2, -42261), (0xA7B3 << 9 | 2, 928), (0xA7B4 << 9 | 17, 1), (0xA7C4 << 9 | 2, -48),
    (0xA7C5 << 9 | 2, -42307), (0xA7C6 << 9 | 2, -35384), (0xA7C7 << 9 | 5, 1), (0xA7CB << 9 | 2, -42343),
    (0xA7CC << 9 | 17, 1), (0xA7DC << 9 | 2, -42561), (0xA7F5 << 9 | 2, 1), (0xFF21 << 9 | 52, 32),
    (0x10400 << 9 | 80, 40), (0x104B0 << 9 | 72, 40), (0x10570 << 9 | 22, 39), (0x1057C << 9 | 30, 39),
    (0x1058C << 9 | 14, 39), (0x10594 << 9 | 4, 39), (0x10C80 << 9 | 102, 64), (0x10D50 << 9 | 44, 32),
    (0x118A0 << 9 | 64, 32), (0x16E40 << 9 | 64, 32), (0x16EA0 << 9 | 50, 27), (0x1E900 << 9 | 68, 34),
];

#[cfg(test)]
mod tests;
