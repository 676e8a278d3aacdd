//! MathML to the bank's LaTeX subset. A `<semantics>` with a TeX annotation gives that TeX as it
//! is (exporters, ours included, keep the author's LaTeX there); otherwise presentation MathML
//! is converted element by element. Elements with no LaTeX in the bank's subset (tables,
//! multiscripts, enclosures) make the whole formula fail, and the caller keeps its text.

use super::{HtmlElement, HtmlNode};

/// The LaTeX of a `<math>` element (without `$`).
pub fn mathml_to_latex(math: &HtmlElement) -> Result<String, String> {
    if let Some(tex) = tex_annotation(math) {
        return Ok(tex);
    }
    let latex = row(&math.children)?;
    Ok(latex.trim().to_string())
}

fn tex_annotation(element: &HtmlElement) -> Option<String> {
    for child in elements(&element.children) {
        if child.name == "semantics" {
            return tex_annotation(child);
        }
        if child.name == "annotation" {
            let encoding = child
                .attribute("encoding")
                .unwrap_or_default()
                .to_ascii_lowercase();
            if encoding.contains("tex") {
                return Some(super::plain_text(&child.children).trim().to_string());
            }
        }
    }
    None
}

fn elements(nodes: &[HtmlNode]) -> impl Iterator<Item = &HtmlElement> {
    nodes.iter().filter_map(|node| match node {
        HtmlNode::Element(element) => Some(element),
        _ => None,
    })
}

fn row(nodes: &[HtmlNode]) -> Result<String, String> {
    let mut parts: Vec<String> = Vec::new();
    for element in elements(nodes) {
        let part = convert(element)?;
        if !part.is_empty() {
            parts.push(part);
        }
    }
    let mut out = String::new();
    for part in parts {
        // Keep `\alpha x` apart: a command followed by a letter.
        let needs_space =
            out.rsplit('\\').next().is_some_and(|last| {
                !last.is_empty() && last.chars().all(|c| c.is_ascii_alphabetic())
            }) && out.contains('\\')
                && part.starts_with(|c: char| c.is_ascii_alphabetic());
        if needs_space {
            out.push(' ');
        }
        out.push_str(&part);
    }
    Ok(out)
}

/// A group for a script or a fraction part: `{…}`.
fn group(element: &HtmlElement) -> Result<String, String> {
    Ok(format!("{{{}}}", convert(element)?))
}

fn children_of(element: &HtmlElement) -> Vec<&HtmlElement> {
    elements(&element.children).collect()
}

fn text_of(element: &HtmlElement) -> String {
    super::plain_text(&element.children).trim().to_string()
}

fn convert(element: &HtmlElement) -> Result<String, String> {
    let children = children_of(element);
    let arguments = |count: usize| -> Result<Vec<&HtmlElement>, String> {
        if children.len() == count {
            Ok(children.clone())
        } else {
            Err(format!("<{}> with {} parts", element.name, children.len()))
        }
    };
    Ok(match element.name.as_str() {
        "math" | "mrow" | "mstyle" | "mpadded" | "semantics" | "merror" => row(&element.children)?,
        "annotation" | "annotation-xml" | "mphantom" | "none" | "mprescripts" => String::new(),
        "mi" => identifier(&text_of(element)),
        "mn" => text_of(element),
        "mo" => operator(&text_of(element)),
        "mtext" | "ms" => {
            let text = text_of(element);
            if text.is_empty() {
                String::new()
            } else {
                format!("\\text{{{}}}", text.replace(['{', '}', '\\'], ""))
            }
        }
        "mspace" => "\\,".to_string(),
        "mfrac" => {
            let parts = arguments(2)?;
            format!("\\frac{}{}", group(parts[0])?, group(parts[1])?)
        }
        "msqrt" => format!("\\sqrt{{{}}}", row(&element.children)?),
        "mroot" => {
            let parts = arguments(2)?;
            format!("\\sqrt[{}]{}", convert(parts[1])?, group(parts[0])?)
        }
        "msup" => {
            let parts = arguments(2)?;
            format!("{}^{}", base(parts[0])?, group(parts[1])?)
        }
        "msub" => {
            let parts = arguments(2)?;
            format!("{}_{}", base(parts[0])?, group(parts[1])?)
        }
        "msubsup" => {
            let parts = arguments(3)?;
            format!(
                "{}_{}^{}",
                base(parts[0])?,
                group(parts[1])?,
                group(parts[2])?
            )
        }
        "mover" => {
            let parts = arguments(2)?;
            let accent = text_of(parts[1]);
            if matches!(accent.as_str(), "‾" | "¯" | "_" | "―" | "−" | "-") {
                format!("\\overline{}", group(parts[0])?)
            } else {
                return Err(format!("<mover> with the accent {accent:?}"));
            }
        }
        "mfenced" => {
            let open = element.attribute("open").unwrap_or("(");
            let close = element.attribute("close").unwrap_or(")");
            let separator = element.attribute("separators").unwrap_or(",");
            let separator = separator
                .trim()
                .chars()
                .next()
                .map(String::from)
                .unwrap_or_default();
            let inner: Result<Vec<String>, String> =
                children.iter().map(|child| convert(child)).collect();
            format!(
                "\\left{}{}\\right{}",
                fence(open),
                inner?.join(&separator),
                fence(close)
            )
        }
        other => return Err(format!("<{other}> has no LaTeX in the bank's math")),
    })
}

fn base(element: &HtmlElement) -> Result<String, String> {
    let converted = convert(element)?;
    let single = matches!(element.name.as_str(), "mi" | "mn") && converted.chars().count() == 1;
    if single || converted.starts_with('\\') && !converted.contains(' ') && element.name == "mi" {
        Ok(converted)
    } else {
        Ok(format!("{{{converted}}}"))
    }
}

fn fence(delimiter: &str) -> String {
    match delimiter {
        "" => ".".to_string(),
        "{" => "\\{".to_string(),
        "}" => "\\}".to_string(),
        "|" | "(" | ")" | "[" | "]" => delimiter.to_string(),
        "⟨" => "\\langle".to_string(),
        "⟩" => "\\rangle".to_string(),
        other => other.to_string(),
    }
}

const GREEK: &[(char, &str)] = &[
    ('α', "alpha"),
    ('β', "beta"),
    ('γ', "gamma"),
    ('δ', "delta"),
    ('ε', "epsilon"),
    ('θ', "theta"),
    ('λ', "lambda"),
    ('μ', "mu"),
    ('π', "pi"),
    ('ρ', "rho"),
    ('σ', "sigma"),
    ('τ', "tau"),
    ('φ', "phi"),
    ('ω', "omega"),
    ('Δ', "Delta"),
    ('Σ', "Sigma"),
    ('Ω', "Omega"),
];

const FUNCTIONS: &[&str] = &[
    "sin", "cos", "tan", "log", "ln", "exp", "sqrt", "lim", "min", "max",
];

fn identifier(text: &str) -> String {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some((_, name)) = GREEK.iter().find(|(letter, _)| *letter == c) {
            return format!("\\{name}");
        }
        if c == '∞' {
            return "\\infty".to_string();
        }
    }
    if FUNCTIONS.contains(&text) {
        return format!("\\{text}");
    }
    text.to_string()
}

fn operator(text: &str) -> String {
    match text {
        "×" => "\\times",
        "÷" => "\\div",
        "⋅" | "·" => "\\cdot",
        "−" | "–" => "-",
        "±" => "\\pm",
        "≤" => "\\le",
        "≥" => "\\ge",
        "≠" => "\\ne",
        "≈" => "\\approx",
        "→" => "\\to",
        "∞" => "\\infty",
        "∈" => "\\in",
        "∪" => "\\cup",
        "∩" => "\\cap",
        "°" => "^{\\circ}",
        "{" => "\\{",
        "}" => "\\}",
        "\u{2061}" | "\u{2062}" | "\u{2063}" | "\u{2064}" => "",
        other => return other.to_string(),
    }
    .to_string()
}
