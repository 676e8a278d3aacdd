//! The LaTeX math subset that school math uses, parsed into [`MathNode`]s.
//!
//! Numbers, letters, operators, `\frac`, `\sqrt`, scripts, `\left … \right`, Greek letters,
//! `\text{…}`, spacing commands and a table of symbols. An unknown command is kept as its own
//! name in text and reported, so a learner still sees something and the bank checker says why.

use super::math_symbols::{
    find_command, EM_SPACE, FUNCTION_NAMES, IDENTIFIER_COMMANDS, IGNORED_COMMANDS, MEDIUM_SPACE,
    NO_BREAK_SPACE, OPERATOR_COMMANDS, TEXT_COMMANDS, THICK_SPACE, THIN_SPACE,
};
use super::{excerpt, report, MarkupProblem, MathNode, MAX_NESTING};

/// Parses the math between `$…$` or `$$…$$`.
pub(super) fn parse_math(source: &str, problems: &mut Vec<MarkupProblem>) -> MathNode {
    let mut cursor = MathCursor {
        characters: source.chars().collect(),
        position: 0,
        source_excerpt: excerpt(source),
        problems,
    };
    let nodes = cursor.parse_row(RowEnd::EndOfInput, 0);
    row_or_single(nodes)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowEnd {
    EndOfInput,
    /// A `}` closes the row.
    Brace,
    /// A `]` closes the row (the index of `\sqrt[3]{x}`).
    Bracket,
    /// A `\right` closes the row; the caller reads it.
    Right,
}

struct MathCursor<'problems> {
    characters: Vec<char>,
    position: usize,
    source_excerpt: String,
    problems: &'problems mut Vec<MarkupProblem>,
}

impl MathCursor<'_> {
    fn report(&mut self, message: &str) {
        let message = format!("in math `{}`: {message}", self.source_excerpt);
        report(self.problems, message);
    }

    fn peek(&self) -> Option<char> {
        self.characters.get(self.position).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.position += 1;
        }
    }

    /// Past the nesting limit, the rest of the source becomes one text node.
    fn rest_as_text(&mut self) -> MathNode {
        self.report("nested too deeply; the rest is shown as text");
        let rest: String = self.characters[self.position..].iter().collect();
        self.position = self.characters.len();
        MathNode::Text(rest)
    }

    fn parse_row(&mut self, end: RowEnd, depth: usize) -> Vec<MathNode> {
        if depth > MAX_NESTING {
            return vec![self.rest_as_text()];
        }
        let mut nodes = Vec::new();
        loop {
            self.skip_spaces();
            let Some(character) = self.peek() else {
                match end {
                    RowEnd::EndOfInput => {}
                    RowEnd::Brace => self.report("a `{` is never closed with `}`"),
                    RowEnd::Bracket => self.report("a `[` after \\sqrt is never closed with `]`"),
                    RowEnd::Right => self.report("\\left has no matching \\right"),
                }
                return nodes;
            };
            match character {
                '}' => {
                    self.position += 1;
                    if end == RowEnd::Brace {
                        return nodes;
                    }
                    self.report("a `}` has no matching `{`");
                }
                ']' if end == RowEnd::Bracket => {
                    self.position += 1;
                    return nodes;
                }
                '\\' if end == RowEnd::Right
                    && self.command_name_at(self.position + 1) == "right" =>
                {
                    return nodes
                }
                '^' | '_' => {
                    self.position += 1;
                    let script = self.parse_argument(depth + 1);
                    let base = nodes.pop().unwrap_or(MathNode::Row(Vec::new()));
                    self.attach_script(base, script, character == '^', &mut nodes);
                }
                _ => {
                    if let Some(node) = self.parse_atom(depth) {
                        nodes.push(node);
                    }
                }
            }
        }
    }

    /// Puts `script` on `base`; a second script of the same kind goes on an empty base instead
    /// of nesting, so `x^2^2^2…` cannot build a deep tree.
    fn attach_script(
        &mut self,
        base: MathNode,
        script: MathNode,
        is_superscript: bool,
        nodes: &mut Vec<MathNode>,
    ) {
        let script = Box::new(script);
        let attached = match (base, is_superscript) {
            (MathNode::Sub(base, subscript), true) => MathNode::SubSup(base, subscript, script),
            (MathNode::Sup(base, superscript), false) => {
                MathNode::SubSup(base, script, superscript)
            }
            (base @ (MathNode::Sup(..) | MathNode::Sub(..) | MathNode::SubSup(..)), _) => {
                self.report("a double superscript or subscript; use braces, e.g. x^{2^3}");
                nodes.push(base);
                script_on(MathNode::Row(Vec::new()), script, is_superscript)
            }
            (base, _) => script_on(base, script, is_superscript),
        };
        nodes.push(attached);
    }

    /// One node at the cursor; `None` for something that shows nothing, like `\!`.
    fn parse_atom(&mut self, depth: usize) -> Option<MathNode> {
        let character = self.peek()?;
        self.position += 1;
        match character {
            '{' => Some(MathNode::Row(self.parse_row(RowEnd::Brace, depth + 1))),
            '\\' => self.parse_command(depth),
            '0'..='9' => Some(self.parse_number(character)),
            '.' if self.peek().is_some_and(|next| next.is_ascii_digit()) => {
                Some(self.parse_number(character))
            }
            '$' => {
                self.report(
                    "a `$` inside math: for money, write \\$ so that `$…$` does not start math",
                );
                Some(MathNode::Operator(character.to_string()))
            }
            _ => Some(single_character_node(character)),
        }
    }

    /// Digits with at most one point; like MathJax, `0.` is a number, so `0.\overline{3}` reads
    /// as one number and a repeating digit, without operator spacing around the point.
    fn parse_number(&mut self, first: char) -> MathNode {
        let mut number = String::from(first);
        let mut seen_point = first == '.';
        while let Some(character) = self.peek() {
            if !(character.is_ascii_digit() || (character == '.' && !seen_point)) {
                break;
            }
            seen_point |= character == '.';
            number.push(character);
            self.position += 1;
        }
        MathNode::Number(number)
    }

    /// The argument of `^`, `_`, `\frac` or `\sqrt`: a `{group}`, one character or one command.
    fn parse_argument(&mut self, depth: usize) -> MathNode {
        if depth > MAX_NESTING {
            return self.rest_as_text();
        }
        self.skip_spaces();
        match self.peek() {
            None | Some('}' | '^' | '_' | '&') => {
                self.report("a `^`, `_`, \\frac or \\sqrt is missing its argument");
                MathNode::Row(Vec::new())
            }
            Some('{') => {
                self.position += 1;
                row_or_single(self.parse_row(RowEnd::Brace, depth + 1))
            }
            Some('\\') => {
                self.position += 1;
                self.parse_command(depth + 1)
                    .unwrap_or(MathNode::Row(Vec::new()))
            }
            Some(character) => {
                self.position += 1;
                single_character_node(character)
            }
        }
    }

    /// The letters of a command name starting at `index` (empty if there are none).
    fn command_name_at(&self, index: usize) -> String {
        let mut name = String::new();
        for &c in self.characters.iter().skip(index) {
            if !c.is_ascii_alphabetic() {
                break;
            }
            name.push(c);
        }
        name
    }

    /// A command; the cursor is just past its backslash.
    fn parse_command(&mut self, depth: usize) -> Option<MathNode> {
        let Some(first) = self.peek() else {
            self.report("a lone `\\` at the end");
            return Some(MathNode::Text("\\".to_string()));
        };
        if !first.is_ascii_alphabetic() {
            self.position += 1;
            return self.parse_character_command(first);
        }
        let name = self.command_name_at(self.position);
        self.position += name.chars().count();
        match name.as_str() {
            "frac" | "dfrac" | "tfrac" | "cfrac" => {
                let numerator = self.parse_argument(depth + 1);
                let denominator = self.parse_argument(depth + 1);
                Some(MathNode::Fraction(
                    Box::new(numerator),
                    Box::new(denominator),
                ))
            }
            "sqrt" => {
                self.skip_spaces();
                if self.peek() == Some('[') {
                    self.position += 1;
                    let index = row_or_single(self.parse_row(RowEnd::Bracket, depth + 1));
                    let radicand = self.parse_argument(depth + 1);
                    Some(MathNode::Root(Box::new(radicand), Box::new(index)))
                } else {
                    Some(MathNode::Sqrt(Box::new(self.parse_argument(depth + 1))))
                }
            }
            "left" => Some(self.parse_fenced(depth)),
            "right" => {
                self.report("\\right has no matching \\left");
                Some(MathNode::Operator(self.parse_delimiter()))
            }
            "overline" | "bar" => {
                Some(MathNode::Overline(Box::new(self.parse_argument(depth + 1))))
            }
            "quad" => Some(MathNode::Text(EM_SPACE.to_string())),
            // Two em spaces written out, not `EM_SPACE.repeat(2)` (`str::repeat` compiled in).
            "qquad" => Some(MathNode::Text("\u{2003}\u{2003}".to_string())),
            _ if find_command(TEXT_COMMANDS, &name).is_some() => {
                Some(MathNode::Text(self.read_text_argument()))
            }
            _ if find_command(IGNORED_COMMANDS, &name).is_some() => None,
            _ => Some(self.symbol_command(&name)),
        }
    }

    fn symbol_command(&mut self, name: &str) -> MathNode {
        if let Some(symbol) = find_command(OPERATOR_COMMANDS, name) {
            MathNode::Operator(symbol.to_string())
        } else if let Some(symbol) = find_command(IDENTIFIER_COMMANDS, name) {
            MathNode::Identifier(symbol.to_string())
        } else if find_command(FUNCTION_NAMES, name).is_some() {
            MathNode::Identifier(name.to_string())
        } else {
            self.report(&format!("unknown command \\{}", excerpt(name)));
            MathNode::Text(format!("\\{name}"))
        }
    }

    /// `\,`, `\%`, `\{` and the other backslash-punctuation commands.
    fn parse_character_command(&mut self, character: char) -> Option<MathNode> {
        let node = match character {
            ',' => MathNode::Text(THIN_SPACE.to_string()),
            ':' | '>' => MathNode::Text(MEDIUM_SPACE.to_string()),
            ';' => MathNode::Text(THICK_SPACE.to_string()),
            ' ' => MathNode::Text(NO_BREAK_SPACE.to_string()),
            '!' => return None,
            '%' | '$' | '#' | '&' | '_' | '{' | '}' => MathNode::Operator(character.to_string()),
            '|' => MathNode::Operator("‖".to_string()),
            '\\' => {
                self.report(
                    "`\\\\` (a line break) is not supported in math; use separate $$…$$ blocks",
                );
                return None;
            }
            _ => {
                self.report(&format!("unknown command \\{character}"));
                MathNode::Text(format!("\\{character}"))
            }
        };
        Some(node)
    }

    /// `\left( body \right)`; the cursor is just past `\left`.
    fn parse_fenced(&mut self, depth: usize) -> MathNode {
        let open = self.parse_delimiter();
        let body = row_or_single(self.parse_row(RowEnd::Right, depth + 1));
        let close =
            if self.peek() == Some('\\') && self.command_name_at(self.position + 1) == "right" {
                self.position += 1 + "right".len();
                self.parse_delimiter()
            } else {
                String::new()
            };
        MathNode::Fenced {
            open,
            close,
            body: Box::new(body),
        }
    }

    /// The delimiter after `\left` or `\right`; `.` is the empty delimiter.
    fn parse_delimiter(&mut self) -> String {
        self.skip_spaces();
        let Some(character) = self.peek() else {
            self.report("\\left or \\right is missing its delimiter, such as ( or |");
            return String::new();
        };
        let delimiter = match character {
            '(' | ')' | '[' | ']' | '|' | '/' => character.to_string(),
            '.' => String::new(),
            '<' => "⟨".to_string(),
            '>' => "⟩".to_string(),
            '\\' => return self.parse_command_delimiter(),
            _ => {
                self.report("\\left or \\right is missing its delimiter, such as ( or |");
                return String::new();
            }
        };
        self.position += 1;
        delimiter
    }

    fn parse_command_delimiter(&mut self) -> String {
        self.position += 1;
        let name = match self.peek() {
            Some(character) if !character.is_ascii_alphabetic() => {
                self.position += 1;
                character.to_string()
            }
            _ => {
                let name = self.command_name_at(self.position);
                self.position += name.chars().count();
                name
            }
        };
        let delimiter = match name.as_str() {
            "{" | "lbrace" => "{",
            "}" | "rbrace" => "}",
            "|" | "Vert" | "lVert" | "rVert" => "‖",
            "vert" | "lvert" | "rvert" => "|",
            "langle" => "⟨",
            "rangle" => "⟩",
            "lfloor" => "⌊",
            "rfloor" => "⌋",
            "lceil" => "⌈",
            "rceil" => "⌉",
            _ => {
                self.report(&format!(
                    "\\{} cannot follow \\left or \\right",
                    excerpt(&name)
                ));
                ""
            }
        };
        delimiter.to_string()
    }

    /// The text of `\text{…}`: braces nest, `\{`, `\}`, `\$`, `\%`, `\&`, `\_`, `\#` are unescaped.
    fn read_text_argument(&mut self) -> String {
        self.skip_spaces();
        match self.peek() {
            Some('{') => self.position += 1,
            Some(character) => {
                self.position += 1;
                return character.to_string();
            }
            None => {
                self.report("\\text is missing its {text}");
                return String::new();
            }
        }
        let mut text = String::new();
        let mut open_braces = 0usize;
        while let Some(character) = self.peek() {
            self.position += 1;
            match character {
                '\\' => match self.peek() {
                    Some(escaped @ ('{' | '}' | '$' | '%' | '&' | '_' | '#' | '\\')) => {
                        self.position += 1;
                        text.push(escaped);
                    }
                    _ => text.push('\\'),
                },
                '{' => {
                    open_braces += 1;
                    text.push('{');
                }
                '}' if open_braces == 0 => return text,
                '}' => {
                    open_braces -= 1;
                    text.push('}');
                }
                _ => text.push(character),
            }
        }
        self.report("a `{` after \\text is never closed with `}`");
        text
    }
}

fn script_on(base: MathNode, script: Box<MathNode>, is_superscript: bool) -> MathNode {
    if is_superscript {
        MathNode::Sup(Box::new(base), script)
    } else {
        MathNode::Sub(Box::new(base), script)
    }
}

/// A letter is an identifier; anything else an operator (`-` becomes the minus sign `−`).
fn single_character_node(character: char) -> MathNode {
    match character {
        _ if crate::text_rules::is_letter(character) => MathNode::Identifier(character.to_string()),
        '0'..='9' => MathNode::Number(character.to_string()),
        '-' => MathNode::Operator("−".to_string()),
        '*' => MathNode::Operator("∗".to_string()),
        '\'' => MathNode::Operator("′".to_string()),
        '~' => MathNode::Text(NO_BREAK_SPACE.to_string()),
        _ => MathNode::Operator(character.to_string()),
    }
}

fn row_or_single(mut nodes: Vec<MathNode>) -> MathNode {
    if nodes.len() == 1 {
        nodes.pop().unwrap_or(MathNode::Row(Vec::new()))
    } else {
        MathNode::Row(nodes)
    }
}
