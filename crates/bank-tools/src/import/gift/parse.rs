//! GIFT text to questions, as Moodle's GIFT documentation describes the format: questions are
//! separated by blank lines; lines starting with `//` are comments; `$CATEGORY:` starts a
//! category; `::title::` names a question; `[format]` starts a text; the answers are the first
//! `{…}` (text after it makes a missing-word question); `####` starts the general feedback.
//!
//! Escaped characters (`\~ \= \# \{ \} \: \\` and `\n`) are replaced by private-use placeholders
//! before anything else, as Moodle does, so that parsing only ever sees unescaped markup;
//! [`super::text`] turns placeholders back into characters.

/// The placeholder of `\n` (a line break inside a question).
pub(super) const NEWLINE: char = '\u{E00A}';
/// The placeholder of `\\` (a backslash).
pub(super) const BACKSLASH: char = '\u{E05C}';
/// Where a missing word's answers stood in the question text.
pub(super) const BLANK: char = '\u{E0FF}';

/// The placeholder of an escaped special character, and the character of a placeholder.
const ESCAPABLE: [(char, char); 6] = [
    ('~', '\u{E07E}'),
    ('=', '\u{E03D}'),
    ('#', '\u{E023}'),
    ('{', '\u{E07B}'),
    ('}', '\u{E07D}'),
    (':', '\u{E03A}'),
];

/// The character a placeholder stands for, if it is one (`\n` is left to the caller).
pub(super) fn placeholder_character(character: char) -> Option<char> {
    if character == BACKSLASH {
        return Some('\\');
    }
    ESCAPABLE
        .iter()
        .find(|(_, placeholder)| *placeholder == character)
        .map(|(original, _)| *original)
}

/// One thing of a GIFT file, with the line it starts on (counted from 1).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Entry {
    Category {
        line: usize,
        path: String,
    },
    Question(Question),
    /// A block that is not a question, and why.
    Unreadable {
        line: usize,
        reason: String,
    },
}

/// A question as written: every text still holds placeholders.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Question {
    pub line: usize,
    pub title: Option<String>,
    /// The question text, with [`BLANK`] where a missing word's answers stood; a leading
    /// `[format]` is still there.
    pub text: String,
    /// `None` for a description (no answer block).
    pub answers: Option<AnswerBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct AnswerBlock {
    pub line: usize,
    /// Between the braces, without the general feedback, trimmed.
    pub body: String,
    /// The line of each character of `body`, for notes on one answer.
    pub lines: Vec<usize>,
    pub general_feedback: Option<String>,
    /// Whether text follows the block (the missing-word form).
    pub missing_word: bool,
}

impl AnswerBlock {
    /// The line of the `index`-th character of the body.
    pub fn line_of(&self, index: usize) -> usize {
        self.lines.get(index).copied().unwrap_or(self.line)
    }
}

/// Reads a GIFT file into its entries.
pub(super) fn parse_gift(text: &str) -> Vec<Entry> {
    let protected = protect_escapes(text);
    let mut entries = Vec::new();
    for (first_line, lines) in blocks(&protected) {
        read_block(first_line, &lines, &mut entries);
    }
    entries
}

/// `\~`, `\=`, … replaced by placeholders; `\\` first, so that `\\=` is a backslash then `=`.
fn protect_escapes(text: &str) -> String {
    let mut protected = String::with_capacity(text.len());
    let mut characters = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(character) = characters.next() {
        if character != '\\' {
            protected.push(character);
            continue;
        }
        let next = characters.peek().copied();
        let placeholder = match next {
            Some('\\') => Some(BACKSLASH),
            Some('n') => Some(NEWLINE),
            Some(other) => ESCAPABLE
                .iter()
                .find(|(original, _)| *original == other)
                .map(|(_, placeholder)| *placeholder),
            None => None,
        };
        match placeholder {
            Some(placeholder) => {
                protected.push(placeholder);
                characters.next();
            }
            None => protected.push('\\'),
        }
    }
    protected
}

/// Runs of non-blank lines with the number of their first line; comment lines are kept as
/// empty lines inside a block so that line numbers stay right.
fn blocks(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut found = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut first_line = 0;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                found.push((first_line, std::mem::take(&mut current)));
            }
            continue;
        }
        if current.is_empty() {
            first_line = index + 1;
        }
        let is_comment = line.trim_start().starts_with("//");
        current.push(if is_comment {
            String::new()
        } else {
            line.to_string()
        });
    }
    if !current.is_empty() {
        found.push((first_line, current));
    }
    found
        .into_iter()
        .filter_map(|(first, lines)| {
            // Leading comment lines do not start the block.
            let skip = lines.iter().take_while(|line| line.is_empty()).count();
            (skip < lines.len()).then(|| (first + skip, lines[skip..].to_vec()))
        })
        .collect()
}

fn read_block(first_line: usize, lines: &[String], entries: &mut Vec<Entry>) {
    let first = lines[0].trim();
    if let Some(path) = first.strip_prefix("$CATEGORY:") {
        entries.push(Entry::Category {
            line: first_line,
            path: path.trim().to_string(),
        });
        // Lenient: a question right under its category line, without a blank line between.
        let rest = lines[1..].iter().position(|line| !line.trim().is_empty());
        if let Some(offset) = rest {
            read_block(first_line + 1 + offset, &lines[1 + offset..], entries);
        }
        return;
    }
    let text = lines.join("\n");
    entries.push(read_question(first_line, &text));
}

fn read_question(first_line: usize, block: &str) -> Entry {
    let line_at = |byte: usize| first_line + block[..byte].matches('\n').count();
    let trimmed_start = block.len() - block.trim_start().len();
    let mut position = trimmed_start;
    let mut title = None;
    if block[position..].starts_with("::") {
        if let Some(length) = block[position + 2..].find("::") {
            title = Some(
                block[position + 2..position + 2 + length]
                    .trim()
                    .to_string(),
            );
            position += 2 + length + 2;
        }
    }
    let rest = &block[position..];
    let open = rest.find('{');
    let close = open.and_then(|open| rest[open..].find('}').map(|length| open + length));
    let (open, close) = match (open, close, rest.find('}')) {
        (None, _, None) => {
            return Entry::Question(Question {
                line: first_line,
                title,
                text: rest.trim().to_string(),
                answers: None,
            });
        }
        (Some(open), Some(close), _) => (open, close),
        _ => {
            return Entry::Unreadable {
                line: first_line,
                reason: "its braces do not pair: a `{` without `}` or a `}` before `{` \
                         (write \\{ and \\} for braces in text)"
                    .into(),
            };
        }
    };
    let after = &rest[close + 1..];
    if after.contains('{') {
        // Math pasted as written (`\(\frac{1}{2}\)`) has braces that GIFT reads as answer blocks.
        let before = &rest[..open];
        let in_math = ["\\(", "\\[", "$$"]
            .iter()
            .any(|opening| before.contains(opening))
            || before
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .ends_with('\\');
        let reason = if in_math {
            "braces in math are read as answer blocks: write them \\{ and \\} (`\\frac\\{1\\}\\{2\\}`)"
        } else {
            "a second answer block `{…}`: separate questions with a blank line (write \\{ and \\} for braces in text)"
        };
        return Entry::Unreadable {
            line: line_at(position + close + 1 + after.find('{').unwrap_or(0)),
            reason: reason.into(),
        };
    }
    let missing_word = !after.trim().is_empty();
    let text = if missing_word {
        format!("{}{BLANK}{after}", &rest[..open])
    } else {
        rest[..open].to_string()
    };
    let inside_start = position + open + 1;
    let inside = &block[inside_start..position + close];
    let (body_part, general_feedback) = match inside.rfind("####") {
        Some(at) => (&inside[..at], Some(inside[at + 4..].trim().to_string())),
        None => (inside, None),
    };
    let body_offset = inside_start + (body_part.len() - body_part.trim_start().len());
    let body = body_part.trim().to_string();
    let lines = body
        .char_indices()
        .map(|(index, _)| line_at(body_offset + index))
        .collect();
    Entry::Question(Question {
        line: first_line,
        title,
        text: text.trim().to_string(),
        answers: Some(AnswerBlock {
            line: line_at(inside_start - 1),
            body,
            lines,
            general_feedback,
            missing_word,
        }),
    })
}

/// One answer of a block: its weight in percent (`None` when none is written), its text and its
/// feedback, and the index in the body where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Answer {
    pub marker: char,
    pub weight: Option<f64>,
    pub text: String,
    pub feedback: Option<String>,
    pub start: usize,
}

/// Splits an answer body at every `~` and `=` (multiple choice) or every `=` (short answer,
/// numerical, matching): the marker starts an answer.
pub(super) fn split_answers(body: &str, markers: &[char]) -> Vec<Answer> {
    let mut answers = Vec::new();
    let mut current: Option<(char, usize, String)> = None;
    let mut leading = String::new();
    for (index, character) in body.chars().enumerate() {
        if markers.contains(&character) {
            if let Some(answer) = current.take() {
                answers.push(answer);
            }
            current = Some((character, index, String::new()));
            continue;
        }
        match current.as_mut() {
            Some((_, _, text)) => text.push(character),
            None => leading.push(character),
        }
    }
    if let Some(answer) = current.take() {
        answers.push(answer);
    }
    // Text before the first marker is an answer without a marker (`{T}`, `{#3:1}` after `#`).
    let mut all: Vec<(char, usize, String)> = Vec::new();
    if !leading.trim().is_empty() {
        all.push((' ', 0, leading));
    }
    all.extend(answers);
    all.into_iter()
        .map(|(marker, start, raw)| {
            let raw = raw.trim();
            let (weight, rest) = read_weight(raw);
            let (text, feedback) = match rest.split_once('#') {
                Some((text, feedback)) => (text.trim(), Some(feedback.trim().to_string())),
                None => (rest.trim(), None),
            };
            Answer {
                marker,
                weight,
                text: text.to_string(),
                feedback: feedback.filter(|feedback| !feedback.is_empty()),
                start,
            }
        })
        .collect()
}

/// `%50%rest` → (Some(50), "rest"); `%-33.3%rest` → (Some(-33.3), "rest").
fn read_weight(raw: &str) -> (Option<f64>, &str) {
    let Some(after) = raw.strip_prefix('%') else {
        return (None, raw);
    };
    let Some(end) = after.find('%') else {
        return (None, raw);
    };
    let number = &after[..end];
    let valid = !number.is_empty()
        && number
            .trim_start_matches('-')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.');
    match number.parse::<f64>() {
        Ok(weight) if valid => (Some(weight), &after[end + 1..]),
        _ => (None, raw),
    }
}
