//! Math expressions: parsed from what learners type (`7/12`, `2(x+1)`, `\frac{7}{12}`) or what
//! authors write in templates (`gcd(a, b) == 1`), evaluated to numbers, compared by value.
//!
//! Parsing is bounded: input longer than `MAX_EXPRESSION_LENGTH` or nested deeper than
//! `MAX_NESTING` is refused with a message, never a stack overflow.

use crate::remainder::{euclidean_remainder, remainder};
use crate::sorted_map::NameSet;
use crate::trigonometry;

pub const MAX_EXPRESSION_LENGTH: usize = 500;
pub const MAX_NESTING: usize = 40;

/// How names are read: learners' `2ab` is 2·a·b; authors' `num1` is one variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameStyle {
    SingleLetters,
    Identifiers,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Number(f64),
    Variable(String),
    Negate(Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl BinaryOp {
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`: they evaluate to 1 or 0.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Equal
                | BinaryOp::NotEqual
                | BinaryOp::Less
                | BinaryOp::LessOrEqual
                | BinaryOp::Greater
                | BinaryOp::GreaterOrEqual
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpressionError {
    pub message: String,
}

fn error<T>(message: impl Into<String>) -> Result<T, ExpressionError> {
    Err(ExpressionError {
        message: message.into(),
    })
}

const FUNCTIONS: &[(&str, usize)] = &[
    ("sqrt", 1),
    ("abs", 1),
    ("round", 1),
    ("floor", 1),
    ("ceil", 1),
    ("sin", 1),
    ("cos", 1),
    ("tan", 1),
    ("ln", 1),
    ("log", 1),
    ("exp", 1),
    ("gcd", 2),
    ("lcm", 2),
    ("mod", 2),
    ("min", 2),
    ("max", 2),
    ("root", 2),
];

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Name(String),
    Op(BinaryOp),
    Open,
    Close,
    Comma,
    /// `\frac`, `\sqrt`: LaTeX commands that take braced arguments.
    Latex(String),
    BraceOpen,
    BraceClose,
    BracketOpen,
    BracketClose,
}

fn tokenize(text: &str) -> Result<Vec<Token>, ExpressionError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' => i += 1,
            '0'..='9' | '.' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let literal: String = chars[start..i].iter().collect();
                match crate::parse_float::parse_float(&literal) {
                    Some(value) => tokens.push(Token::Number(value)),
                    None => return error(format!("“{literal}” is not a number")),
                }
            }
            'a'..='z' | 'A'..='Z' | '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                tokens.push(Token::Name(chars[start..i].iter().collect()));
            }
            '\\' => {
                let start = i + 1;
                i += 1;
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let command: String = chars[start..i].iter().collect();
                match command.as_str() {
                    "" => {
                        // `\,` `\;` `\!` `\ `: LaTeX spacing.
                        i += 1;
                    }
                    "frac" | "dfrac" | "tfrac" => tokens.push(Token::Latex("frac".into())),
                    "sqrt" => tokens.push(Token::Latex("sqrt".into())),
                    "cdot" | "times" => tokens.push(Token::Op(BinaryOp::Multiply)),
                    "div" => tokens.push(Token::Op(BinaryOp::Divide)),
                    "left" | "right" | "quad" | "qquad" => {}
                    "pi" => tokens.push(Token::Name("pi".into())),
                    "le" | "leq" => tokens.push(Token::Op(BinaryOp::LessOrEqual)),
                    "ge" | "geq" => tokens.push(Token::Op(BinaryOp::GreaterOrEqual)),
                    "ne" | "neq" => tokens.push(Token::Op(BinaryOp::NotEqual)),
                    "lt" => tokens.push(Token::Op(BinaryOp::Less)),
                    "gt" => tokens.push(Token::Op(BinaryOp::Greater)),
                    other => return error(format!("\\{other} is not something I can compute")),
                }
            }
            _ => {
                i += 1;
                let next = chars.get(i).copied();
                let token = match c {
                    '+' => Token::Op(BinaryOp::Add),
                    '-' | '−' | '–' => Token::Op(BinaryOp::Subtract),
                    // `2**3`, as programmers and some calculators write a power.
                    '*' if next == Some('*') => {
                        i += 1;
                        Token::Op(BinaryOp::Power)
                    }
                    // `•`: the dot a phone's symbol keys offer.
                    '*' | '×' | '·' | '⋅' | '•' | '∙' => Token::Op(BinaryOp::Multiply),
                    '/' | '÷' | '∕' => Token::Op(BinaryOp::Divide),
                    '^' => Token::Op(BinaryOp::Power),
                    // `x²`: a superscript power, as phones and pasted text write it.
                    '²' | '³' | '¹' | '⁰' | '⁴'..='⁹' => {
                        tokens.push(Token::Op(BinaryOp::Power));
                        let mut exponent = superscript_digit(c);
                        while let Some(digit) =
                            chars.get(i).copied().filter(|&d| is_superscript_digit(d))
                        {
                            exponent = exponent * 10.0 + superscript_digit(digit);
                            i += 1;
                        }
                        Token::Number(exponent)
                    }
                    '(' => Token::Open,
                    ')' => Token::Close,
                    '{' => Token::BraceOpen,
                    '}' => Token::BraceClose,
                    '[' => Token::BracketOpen,
                    ']' => Token::BracketClose,
                    ',' => Token::Comma,
                    'π' => Token::Name("pi".into()),
                    '√' => Token::Latex("sqrt".into()),
                    '≤' => Token::Op(BinaryOp::LessOrEqual),
                    '≥' => Token::Op(BinaryOp::GreaterOrEqual),
                    '≠' => Token::Op(BinaryOp::NotEqual),
                    '=' if next == Some('=') => {
                        i += 1;
                        Token::Op(BinaryOp::Equal)
                    }
                    '=' => Token::Op(BinaryOp::Equal),
                    '!' if next == Some('=') => {
                        i += 1;
                        Token::Op(BinaryOp::NotEqual)
                    }
                    '<' if next == Some('=') => {
                        i += 1;
                        Token::Op(BinaryOp::LessOrEqual)
                    }
                    '>' if next == Some('=') => {
                        i += 1;
                        Token::Op(BinaryOp::GreaterOrEqual)
                    }
                    '<' => Token::Op(BinaryOp::Less),
                    '>' => Token::Op(BinaryOp::Greater),
                    other => return error(format!("“{other}” cannot be part of a math answer")),
                };
                tokens.push(token);
            }
        }
    }
    Ok(tokens)
}

fn is_superscript_digit(character: char) -> bool {
    matches!(character, '²' | '³' | '¹' | '⁰' | '⁴'..='⁹')
}

fn superscript_digit(character: char) -> f64 {
    match character {
        '¹' => 1.0,
        '²' => 2.0,
        '³' => 3.0,
        '⁴'..='⁹' => f64::from(character as u32 - '⁴' as u32 + 4),
        _ => 0.0,
    }
}

struct Parser {
    tokens: Vec<Token>,
    position: usize,
    depth: usize,
    names: NameStyle,
    /// The implicit product right after `/` is the divisor (`1/2x` as `1/(2x)`).
    product_divisor: bool,
}

/// Parses an expression. Comparisons (`==`, `<`, …) are allowed; they evaluate to 1 or 0.
/// An implicit product binds as `*` does: `1/2x` is `(1/2)·x`.
pub fn parse_expression(text: &str, names: NameStyle) -> Result<Expr, ExpressionError> {
    parse_reading(text, names, false)
}

/// `parse_expression`, or with `product_divisor` the other reading of `a/bc`, which learners
/// often mean: the implicit product right after `/` is the divisor (`1/2x` as `1/(2x)`,
/// `1/2(x+1)` as `1/(2(x+1))`).
pub fn parse_reading(
    text: &str,
    names: NameStyle,
    product_divisor: bool,
) -> Result<Expr, ExpressionError> {
    if text.chars().count() > MAX_EXPRESSION_LENGTH {
        return error(format!(
            "the expression is longer than {MAX_EXPRESSION_LENGTH} characters"
        ));
    }
    let tokens = tokenize(text)?;
    if tokens.is_empty() {
        return error("the expression is empty");
    }
    let mut parser = Parser {
        tokens,
        position: 0,
        depth: 0,
        names,
        product_divisor,
    };
    let expr = parser.comparison()?;
    match parser.peek() {
        None => Ok(expr),
        Some(token) => error(format!("unexpected {} here", describe(token))),
    }
}

fn describe(token: &Token) -> String {
    match token {
        Token::Number(n) => format!("number {}", crate::display_float::display_float(*n)),
        Token::Name(name) => format!("“{name}”"),
        Token::Op(_) => "operator".into(),
        Token::Close | Token::BraceClose | Token::BracketClose => "closing bracket".into(),
        Token::Open | Token::BraceOpen | Token::BracketOpen => "opening bracket".into(),
        Token::Comma => "comma".into(),
        Token::Latex(command) => format!("\\{command}"),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.position)
    }

    fn take(&mut self) -> Option<Token> {
        // Moved out, not cloned: the position only moves on, so no token is read again.
        let token = self
            .tokens
            .get_mut(self.position)
            .map(|slot| std::mem::replace(slot, Token::Comma));
        self.position += 1;
        token
    }

    fn expect(&mut self, wanted: Token, what: &str) -> Result<(), ExpressionError> {
        match self.take() {
            Some(token) if token == wanted => Ok(()),
            _ => error(format!("{what} is missing")),
        }
    }

    fn enter(&mut self) -> Result<(), ExpressionError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return error("the expression is nested too deeply");
        }
        Ok(())
    }

    fn comparison(&mut self) -> Result<Expr, ExpressionError> {
        let left = self.sum()?;
        match self.peek() {
            Some(Token::Op(op)) if op.is_comparison() => {
                let op = *op;
                self.position += 1;
                let right = self.sum()?;
                Ok(Expr::Binary(op, Box::new(left), Box::new(right)))
            }
            _ => Ok(left),
        }
    }

    fn sum(&mut self) -> Result<Expr, ExpressionError> {
        let mut left = self.product()?;
        while let Some(Token::Op(op @ (BinaryOp::Add | BinaryOp::Subtract))) = self.peek() {
            let op = *op;
            self.position += 1;
            let right = self.product()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn starts_operand(token: Option<&Token>) -> bool {
        matches!(
            token,
            Some(
                Token::Number(_)
                    | Token::Name(_)
                    | Token::Open
                    | Token::Latex(_)
                    | Token::BraceOpen
            )
        )
    }

    fn product(&mut self) -> Result<Expr, ExpressionError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Token::Op(op @ (BinaryOp::Multiply | BinaryOp::Divide))) => {
                    let op = *op;
                    self.position += 1;
                    op
                }
                // Implicit multiplication: 2x, 2(x+1), (a)(b).
                next if Self::starts_operand(next) => BinaryOp::Multiply,
                _ => return Ok(left),
            };
            let mut right = self.unary()?;
            while op == BinaryOp::Divide
                && self.product_divisor
                && Self::starts_operand(self.peek())
            {
                right = Expr::Binary(BinaryOp::Multiply, Box::new(right), Box::new(self.unary()?));
            }
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self) -> Result<Expr, ExpressionError> {
        match self.peek() {
            Some(Token::Op(BinaryOp::Subtract)) => {
                self.position += 1;
                self.enter()?;
                let operand = self.unary()?;
                self.depth -= 1;
                Ok(Expr::Negate(Box::new(operand)))
            }
            Some(Token::Op(BinaryOp::Add)) => {
                self.position += 1;
                self.unary()
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Result<Expr, ExpressionError> {
        let base = self.primary()?;
        if let Some(Token::Op(BinaryOp::Power)) = self.peek() {
            self.position += 1;
            self.enter()?;
            let exponent = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Binary(
                BinaryOp::Power,
                Box::new(base),
                Box::new(exponent),
            ));
        }
        Ok(base)
    }

    fn group(&mut self, close: Token, what: &str) -> Result<Expr, ExpressionError> {
        self.enter()?;
        let inner = self.comparison()?;
        self.expect(close, what)?;
        self.depth -= 1;
        Ok(inner)
    }

    fn braced(&mut self) -> Result<Expr, ExpressionError> {
        match self.take() {
            Some(Token::BraceOpen) => self.group(Token::BraceClose, "a closing }"),
            // `√(2)`: a typed root with its argument in parentheses.
            Some(Token::Open) => self.group(Token::Close, "a closing )"),
            // `\frac{1}2` and `\sqrt x`: a single number or letter as the argument.
            Some(Token::Number(n)) => Ok(Expr::Number(n)),
            Some(Token::Name(name)) => Ok(Expr::Variable(name)),
            _ => error("\\frac and \\sqrt need their parts in { }"),
        }
    }

    fn primary(&mut self) -> Result<Expr, ExpressionError> {
        match self.take() {
            Some(Token::Number(value)) => Ok(Expr::Number(value)),
            Some(Token::Open) => self.group(Token::Close, "a closing )"),
            Some(Token::BraceOpen) => self.group(Token::BraceClose, "a closing }"),
            Some(Token::Latex(command)) if command == "frac" => {
                let numerator = self.braced()?;
                let denominator = self.braced()?;
                Ok(Expr::Binary(
                    BinaryOp::Divide,
                    Box::new(numerator),
                    Box::new(denominator),
                ))
            }
            Some(Token::Latex(_)) => {
                if let Some(Token::BracketOpen) = self.peek() {
                    self.position += 1;
                    let index = self.group(Token::BracketClose, "a closing ]")?;
                    let radicand = self.braced()?;
                    return Ok(Expr::Call("root".into(), vec![radicand, index]));
                }
                Ok(Expr::Call("sqrt".into(), vec![self.braced()?]))
            }
            Some(Token::Name(name)) => self.name(name),
            Some(token) => error(format!("unexpected {} here", describe(&token))),
            None => error("the expression ends too early"),
        }
    }

    fn name(&mut self, name: String) -> Result<Expr, ExpressionError> {
        if let Some(&(function, arity)) = FUNCTIONS.iter().find(|(f, _)| *f == name) {
            if let Some(Token::Open) = self.peek() {
                self.position += 1;
                self.enter()?;
                let mut arguments = vec![self.comparison()?];
                while let Some(Token::Comma) = self.peek() {
                    self.position += 1;
                    arguments.push(self.comparison()?);
                }
                self.expect(Token::Close, "a closing )")?;
                self.depth -= 1;
                if arguments.len() != arity {
                    return error(format!("{function} takes {arity} value(s)"));
                }
                return Ok(Expr::Call(function.into(), arguments));
            }
        }
        if name == "pi" {
            return Ok(Expr::Number(std::f64::consts::PI));
        }
        if self.names == NameStyle::Identifiers || name.chars().count() == 1 {
            return Ok(Expr::Variable(name));
        }
        // Learners' `ab` is a·b; digits stay with the letter before them (`x2` is x·2). The run
        // of letters stays one factor (`I/rt` is I/(r·t)), but a power belongs to its last
        // letter (`ba^3` is b·a³).
        let mut factors = Vec::new();
        for character in name.chars() {
            factors.push(match character.to_digit(10) {
                Some(digit) => Expr::Number(f64::from(digit)),
                None => Expr::Variable(character.to_string()),
            });
        }
        if matches!(self.peek(), Some(Token::Op(BinaryOp::Power))) {
            self.position += 1;
            self.enter()?;
            let exponent = self.unary()?;
            self.depth -= 1;
            if let Some(last) = factors.pop() {
                factors.push(Expr::Binary(
                    BinaryOp::Power,
                    Box::new(last),
                    Box::new(exponent),
                ));
            }
        }
        // A loop, not `reduce` (compiled on its own).
        let mut product: Option<Expr> = None;
        for factor in factors {
            product = Some(match product {
                Some(left) => Expr::Binary(BinaryOp::Multiply, Box::new(left), Box::new(factor)),
                None => factor,
            });
        }
        product.map_or_else(|| error("empty name"), Ok)
    }
}

/// The variables an expression uses.
pub fn variables_of(expr: &Expr) -> NameSet {
    let mut found = NameSet::new();
    fn walk(expr: &Expr, found: &mut NameSet) {
        match expr {
            Expr::Number(_) => {}
            Expr::Variable(name) => {
                found.insert(name.clone());
            }
            Expr::Negate(inner) => walk(inner, found),
            Expr::Binary(_, left, right) => {
                walk(left, found);
                walk(right, found);
            }
            Expr::Call(_, arguments) => arguments.iter().for_each(|a| walk(a, found)),
        }
    }
    walk(expr, &mut found);
    found
}

/// Evaluates with the given variable values; unknown variables are an error.
pub fn evaluate(
    expr: &Expr,
    value_of: &dyn Fn(&str) -> Option<f64>,
) -> Result<f64, ExpressionError> {
    let truth = |b: bool| if b { 1.0 } else { 0.0 };
    Ok(match expr {
        Expr::Number(value) => *value,
        Expr::Variable(name) => match value_of(name) {
            Some(value) => value,
            None => return error(format!("unknown variable “{name}”")),
        },
        Expr::Negate(inner) => -evaluate(inner, value_of)?,
        Expr::Binary(op, left, right) => {
            let a = evaluate(left, value_of)?;
            let b = evaluate(right, value_of)?;
            let close = (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
            match op {
                BinaryOp::Add => a + b,
                BinaryOp::Subtract => a - b,
                BinaryOp::Multiply => a * b,
                BinaryOp::Divide => a / b,
                BinaryOp::Power => crate::math::power(a, b),
                BinaryOp::Equal => truth(close),
                BinaryOp::NotEqual => truth(!close),
                BinaryOp::Less => truth(a < b && !close),
                BinaryOp::LessOrEqual => truth(a < b || close),
                BinaryOp::Greater => truth(a > b && !close),
                BinaryOp::GreaterOrEqual => truth(a > b || close),
            }
        }
        Expr::Call(function, arguments) => {
            // A loop, not `collect` into a `Result` (compiled with its adapters on its own).
            let mut values = Vec::with_capacity(arguments.len());
            for argument in arguments {
                values.push(evaluate(argument, value_of)?);
            }
            let x = values.first().copied().unwrap_or(f64::NAN);
            let y = values.get(1).copied().unwrap_or(f64::NAN);
            match function.as_str() {
                "sqrt" => x.sqrt(),
                "abs" => x.abs(),
                "round" => x.round(),
                "floor" => x.floor(),
                "ceil" => x.ceil(),
                "sin" => trigonometry::sin(x),
                "cos" => trigonometry::cos(x),
                "tan" => trigonometry::tan(x),
                "ln" => x.ln(),
                "log" => x.log10(),
                "exp" => x.exp(),
                "gcd" => greatest_common_divisor(x, y),
                "lcm" => {
                    let divisor = greatest_common_divisor(x, y);
                    if divisor == 0.0 {
                        0.0
                    } else {
                        (x * y).abs() / divisor
                    }
                }
                "mod" => euclidean_remainder(x, y),
                "min" => x.min(y),
                "max" => x.max(y),
                "root" => crate::math::power(x, 1.0 / y),
                other => return error(format!("unknown function {other}")),
            }
        }
    })
}

/// Greatest common divisor of two whole numbers (rounded first), as the expressions compute it.
pub fn greatest_common_divisor(a: f64, b: f64) -> f64 {
    let (mut a, mut b) = (a.abs().round(), b.abs().round());
    let mut steps = 0;
    while b > 0.0 && steps < 200 {
        (a, b) = (b, remainder(a, b));
        steps += 1;
    }
    a
}

/// Whether two expressions have the same value (within `tolerance`, absolute, or relative when
/// `relative`), at several points when they use variables.
pub fn same_value(expected: &Expr, given: &Expr, tolerance: f64, relative: bool) -> bool {
    let mut names = variables_of(expected);
    names.extend(variables_of(given));
    let close = |a: f64, b: f64| {
        let allowed = if relative {
            tolerance * a.abs()
        } else {
            tolerance
        };
        a.is_finite() && b.is_finite() && (a - b).abs() <= allowed.max(1e-9 * a.abs().max(1.0))
    };
    if names.is_empty() {
        let no_variables = |_: &str| None;
        return match (
            evaluate(expected, &no_variables),
            evaluate(given, &no_variables),
        ) {
            (Ok(a), Ok(b)) => close(a, b),
            _ => false,
        };
    }
    #[allow(clippy::approx_constant)] // Sample points, not π: any value near 3 serves.
    const SAMPLES: [f64; 7] = [0.37, 1.41, 2.72, -0.83, 3.14, 1.73, -2.21];
    let names = names.into_names();
    let mut compared = 0;
    for point in 0..SAMPLES.len() {
        let value_of = |name: &str| {
            names
                .iter()
                .position(|n| n == name)
                .map(|index| SAMPLES[(point + 3 * index) % SAMPLES.len()])
        };
        match (evaluate(expected, &value_of), evaluate(given, &value_of)) {
            (Ok(a), Ok(b)) if a.is_finite() => {
                // Variables compare at scale: use a relative tolerance of at least 1e-7.
                let allowed = tolerance.max(1e-7) * a.abs().max(1.0);
                if !b.is_finite() || (a - b).abs() > allowed {
                    return false;
                }
                compared += 1;
            }
            (Ok(_), Ok(_)) => {}
            _ => return false,
        }
    }
    compared >= 3
}

#[cfg(test)]
mod tests;
