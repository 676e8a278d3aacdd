//! The first pass over inline Markdown: text to a flat list of tokens, in linear time.
//!
//! Escapes, code spans and `$…$` math are read here, so their content never takes part in
//! emphasis or links. Runs of `*`/`_` and brackets become tokens for the second pass to match.

use super::math::parse_math;
use super::{excerpt, report, MarkupProblem, MathNode};

#[derive(Debug)]
pub(super) enum Token {
    Text(String),
    Code(String),
    Math(MathNode),
    LineBreak,
    /// A run of `*` or `_`.
    Delimiter {
        character: char,
        length: usize,
        can_open: bool,
        can_close: bool,
    },
    /// `[`, or `![` for an image.
    OpenBracket {
        image: bool,
    },
    /// `]`, with the address when `(address)` follows it; `literal` is the source text.
    CloseBracket {
        destination: Option<String>,
        literal: String,
    },
}

struct Tokenizer<'problems> {
    characters: Vec<char>,
    position: usize,
    tokens: Vec<Token>,
    pending_text: String,
    /// Start positions of backtick runs, indexed by run length, and for each length the index
    /// of the first run not yet passed.
    backtick_runs_by_length: Vec<Vec<usize>>,
    backtick_run_cursors: Vec<usize>,
    /// Once a search for a closing `$` (or `$$`) failed, every later one fails too.
    single_dollar_search_failed: bool,
    double_dollar_search_failed: bool,
    problems: &'problems mut Vec<MarkupProblem>,
}

pub(super) fn tokenize(text: &str, problems: &mut Vec<MarkupProblem>) -> Vec<Token> {
    let characters: Vec<char> = text.chars().collect();
    let backtick_runs_by_length = backtick_runs_by_length(&characters);
    let mut tokenizer = Tokenizer {
        characters,
        position: 0,
        tokens: Vec::new(),
        pending_text: String::new(),
        backtick_run_cursors: vec![0; backtick_runs_by_length.len()],
        backtick_runs_by_length,
        single_dollar_search_failed: false,
        double_dollar_search_failed: false,
        problems,
    };
    while let Some(character) = tokenizer.peek(0) {
        match character {
            '\\' => tokenizer.read_backslash(),
            '\n' => tokenizer.read_line_end(),
            '`' => tokenizer.read_code_span(),
            '$' => tokenizer.read_math(),
            '*' | '_' => tokenizer.read_delimiter_run(character),
            '!' if tokenizer.peek(1) == Some('[') => {
                tokenizer.push_token(Token::OpenBracket { image: true });
                tokenizer.position += 2;
            }
            '[' => {
                tokenizer.push_token(Token::OpenBracket { image: false });
                tokenizer.position += 1;
            }
            ']' => tokenizer.read_close_bracket(),
            _ => {
                tokenizer.pending_text.push(character);
                tokenizer.position += 1;
            }
        }
    }
    tokenizer.flush_text();
    tokenizer.tokens
}

/// Runs of more backticks than this are plain text, never code span fences.
const LONGEST_BACKTICK_RUN: usize = 32;

fn backtick_runs_by_length(characters: &[char]) -> Vec<Vec<usize>> {
    let mut runs = vec![Vec::new(); LONGEST_BACKTICK_RUN + 1];
    let mut index = 0;
    while index < characters.len() {
        if characters[index] == '`' {
            let length = run_length(characters, index, '`');
            if let Some(starts) = runs.get_mut(length) {
                starts.push(index);
            }
            index += length;
        } else {
            index += 1;
        }
    }
    runs
}

fn run_length(characters: &[char], start: usize, character: char) -> usize {
    characters[start..]
        .iter()
        .take_while(|&&c| c == character)
        .count()
}

impl Tokenizer<'_> {
    fn peek(&self, offset: usize) -> Option<char> {
        self.characters.get(self.position + offset).copied()
    }

    fn flush_text(&mut self) {
        if !self.pending_text.is_empty() {
            self.tokens
                .push(Token::Text(std::mem::take(&mut self.pending_text)));
        }
    }

    fn push_token(&mut self, token: Token) {
        self.flush_text();
        self.tokens.push(token);
    }

    fn skip_line_indent(&mut self) {
        while matches!(self.peek(0), Some(' ' | '\t')) {
            self.position += 1;
        }
    }

    /// `\*` is a literal `*`; a backslash at the end of a line is a hard line break.
    fn read_backslash(&mut self) {
        match self.peek(1) {
            Some('\n') => {
                self.push_token(Token::LineBreak);
                self.position += 2;
                self.skip_line_indent();
            }
            Some(escaped) if escaped.is_ascii_punctuation() => {
                self.pending_text.push(escaped);
                self.position += 2;
            }
            _ => {
                self.pending_text.push('\\');
                self.position += 1;
            }
        }
    }

    /// Two or more spaces before a line end make a hard line break; otherwise it is a space.
    fn read_line_end(&mut self) {
        let is_hard_break = self.pending_text.ends_with("  ");
        let trimmed_length = self.pending_text.trim_end_matches([' ', '\t']).len();
        self.pending_text.truncate(trimmed_length);
        if is_hard_break {
            self.push_token(Token::LineBreak);
        } else {
            self.pending_text.push(' ');
        }
        self.position += 1;
        self.skip_line_indent();
    }

    /// A run of n backticks opens a code span closed by the next run of exactly n backticks.
    fn read_code_span(&mut self) {
        let start = self.position;
        let length = run_length(&self.characters, start, '`');
        let content_start = start + length;
        let closer = match (
            self.backtick_runs_by_length.get(length),
            self.backtick_run_cursors.get_mut(length),
        ) {
            (Some(starts), Some(cursor)) => {
                while starts
                    .get(*cursor)
                    .is_some_and(|&run_start| run_start < content_start)
                {
                    *cursor += 1;
                }
                starts.get(*cursor).copied()
            }
            _ => None,
        };
        let Some(closer_start) = closer else {
            self.pending_text.extend(std::iter::repeat_n('`', length));
            self.position = content_start;
            return;
        };
        let mut code = String::new();
        for &c in &self.characters[content_start..closer_start] {
            code.push(if c == '\n' { ' ' } else { c });
        }
        if code.len() >= 2 && code.starts_with(' ') && code.ends_with(' ') && code.trim() != "" {
            code = code[1..code.len() - 1].to_string();
        }
        self.push_token(Token::Code(code));
        self.position = closer_start + length;
    }

    /// `$…$` or `$$…$$`. A single `$` opens math only before a non-space, and closes only after a
    /// non-space and not before a digit, so "$5 and $10" stays text.
    fn read_math(&mut self) {
        let start = self.position;
        if self.peek(1) == Some('$') {
            let closer = if self.double_dollar_search_failed {
                None
            } else {
                self.find_double_dollar_closer(start + 2)
            };
            match closer {
                Some(closer) => self.push_math(start + 2, closer, closer + 2),
                None => {
                    self.double_dollar_search_failed = true;
                    self.report_unclosed_math(start, "$$");
                    self.pending_text.push_str("$$");
                    self.position = start + 2;
                }
            }
            return;
        }
        let opens_math = self.peek(1).is_some_and(|next| !next.is_whitespace());
        let closer = if opens_math && !self.single_dollar_search_failed {
            self.find_single_dollar_closer(start + 1)
        } else {
            None
        };
        match closer {
            Some(closer) => self.push_math(start + 1, closer, closer + 1),
            None => {
                if opens_math {
                    self.single_dollar_search_failed = true;
                    self.report_unclosed_math(start, "$");
                }
                self.pending_text.push('$');
                self.position = start + 1;
            }
        }
    }

    fn find_double_dollar_closer(&self, from: usize) -> Option<usize> {
        (from..self.characters.len().saturating_sub(1)).find(|&index| {
            self.characters[index] == '$'
                && self.characters[index + 1] == '$'
                && self.characters[index - 1] != '\\'
        })
    }

    fn find_single_dollar_closer(&self, content_start: usize) -> Option<usize> {
        (content_start + 1..self.characters.len()).find(|&index| {
            let before = self.characters[index - 1];
            self.characters[index] == '$'
                && !before.is_whitespace()
                && before != '\\'
                && !self
                    .characters
                    .get(index + 1)
                    .is_some_and(char::is_ascii_digit)
        })
    }

    fn push_math(&mut self, content_start: usize, content_end: usize, next_position: usize) {
        let source: String = self.characters[content_start..content_end].iter().collect();
        let node = parse_math(&source, self.problems);
        self.push_token(Token::Math(node));
        self.position = next_position;
    }

    fn report_unclosed_math(&mut self, start: usize, opener: &str) {
        let context: String = self.characters[start..].iter().take(41).collect();
        let message = format!(
            "`{opener}` starts math that is never closed (write \\$ for a dollar sign): `{}`",
            excerpt(&context)
        );
        report(self.problems, message);
    }

    /// A run of `*` or `_`; whether it can open or close depends on its neighbours.
    fn read_delimiter_run(&mut self, character: char) {
        let start = self.position;
        let length = run_length(&self.characters, start, character);
        let before = start.checked_sub(1).map(|index| self.characters[index]);
        let after = self.characters.get(start + length).copied();
        let is_space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let is_punctuation = |c: Option<char>| {
            c.is_some_and(|c| !crate::text_rules::is_letter_or_number(c) && !c.is_whitespace())
        };
        let left_flanking = !is_space(after)
            && (!is_punctuation(after) || is_space(before) || is_punctuation(before));
        let right_flanking = !is_space(before)
            && (!is_punctuation(before) || is_space(after) || is_punctuation(after));
        let (can_open, can_close) = match character {
            // Inside a word, `_` never opens or closes: snake_case stays as written.
            '_' => (
                left_flanking && (!right_flanking || is_punctuation(before)),
                right_flanking && (!left_flanking || is_punctuation(after)),
            ),
            _ => (left_flanking, right_flanking),
        };
        let usable = length <= 3;
        let (can_open, can_close) = (can_open && usable, can_close && usable);
        self.push_token(Token::Delimiter {
            character,
            length,
            can_open,
            can_close,
        });
        self.position = start + length;
    }

    /// `]`, and when `(address)` follows, the address. Addresses contain no spaces, brackets or
    /// `<>`, and parentheses only balanced and at most three deep.
    fn read_close_bracket(&mut self) {
        let start = self.position;
        self.position += 1;
        let destination = if self.peek(0) == Some('(') {
            self.read_destination()
        } else {
            None
        };
        let literal: String = self.characters[start..self.position].iter().collect();
        self.push_token(Token::CloseBracket {
            destination,
            literal,
        });
    }

    /// The cursor is on `(`; on success it ends past `)`, otherwise it stays on `(`.
    fn read_destination(&mut self) -> Option<String> {
        let mut index = self.position + 1;
        let skip_spaces = |mut index: usize| {
            while matches!(self.characters.get(index), Some(' ' | '\t')) {
                index += 1;
            }
            index
        };
        index = skip_spaces(index);
        let address_start = index;
        let mut open_parentheses = 0;
        while let Some(&character) = self.characters.get(index) {
            match character {
                '(' if open_parentheses < 3 => open_parentheses += 1,
                ')' if open_parentheses > 0 => open_parentheses -= 1,
                _ if character.is_whitespace()
                    || matches!(character, '(' | ')' | '[' | ']' | '<' | '>') =>
                {
                    break
                }
                _ => {}
            }
            index += 1;
        }
        let address: String = self.characters[address_start..index].iter().collect();
        index = skip_spaces(index);
        if self.characters.get(index) != Some(&')') {
            return None;
        }
        self.position = index + 1;
        Some(address)
    }
}
