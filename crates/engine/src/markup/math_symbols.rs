//! The tables of the LaTeX math subset: symbol commands, function names and spaces.

/// Symbols written as `\name` that become `<mo>`.
pub(super) const OPERATOR_COMMANDS: &[(&str, &str)] = &[
    ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("pm", "±"), ("mp", "∓"), ("le", "≤"),
    ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("ne", "≠"), ("neq", "≠"), ("approx", "≈"),
    ("lt", "<"), ("gt", ">"), ("equiv", "≡"), ("sim", "∼"), ("cong", "≅"), ("propto", "∝"),
    ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("Rightarrow", "⇒"),
    ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"), ("implies", "⟹"), ("iff", "⟺"), ("in", "∈"),
    ("notin", "∉"), ("subset", "⊂"), ("subseteq", "⊆"), ("cup", "∪"), ("cap", "∩"),
    ("setminus", "∖"), ("perp", "⊥"), ("parallel", "∥"), ("angle", "∠"), ("triangle", "△"),
    ("circ", "∘"), ("degree", "°"), ("cdots", "⋯"), ("ldots", "…"), ("dots", "…"), ("vdots", "⋮"),
    ("sum", "∑"), ("prod", "∏"), ("int", "∫"), ("ast", "∗"), ("star", "⋆"), ("bullet", "•"),
    ("prime", "′"), ("mid", "∣"), ("colon", ":"), ("neg", "¬"), ("land", "∧"), ("lor", "∨"),
    ("forall", "∀"), ("exists", "∃"), ("lbrace", "{"), ("rbrace", "}"), ("langle", "⟨"),
    ("rangle", "⟩"), ("vert", "|"), ("lvert", "|"), ("rvert", "|"), ("Vert", "‖"),
    ("lfloor", "⌊"), ("rfloor", "⌋"), ("lceil", "⌈"), ("rceil", "⌉"),
];

/// Symbols written as `\name` that become `<mi>`.
pub(super) const IDENTIFIER_COMMANDS: &[(&str, &str)] = &[
    ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"),
    ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
    ("iota", "ι"), ("kappa", "κ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"),
    ("pi", "π"), ("rho", "ρ"), ("sigma", "σ"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
    ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"), ("Gamma", "Γ"), ("Delta", "Δ"),
    ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"), ("Sigma", "Σ"), ("Upsilon", "Υ"),
    ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"), ("infty", "∞"), ("partial", "∂"), ("ell", "ℓ"),
    ("emptyset", "∅"), ("varnothing", "∅"),
];

/// Function names that stay upright: `\sin x` becomes `<mi>sin</mi><mi>x</mi>`.
pub(super) const FUNCTION_NAMES: &[&str] = &[
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh",
    "tanh", "log", "ln", "lg", "exp", "lim", "max", "min", "gcd", "det", "deg", "mod",
];

/// Commands whose argument is text: `\text{ cm}`.
pub(super) const TEXT_COMMANDS: &[&str] = &["text", "mathrm", "textrm", "mbox", "operatorname"];

/// Commands that change only the style, which the renderer leaves to the browser.
pub(super) const IGNORED_COMMANDS: &[&str] = &["displaystyle", "textstyle", "limits", "nolimits", "middle"];

pub(super) const THIN_SPACE: &str = "\u{2009}";
pub(super) const MEDIUM_SPACE: &str = "\u{205f}";
pub(super) const THICK_SPACE: &str = "\u{2005}";
pub(super) const NO_BREAK_SPACE: &str = "\u{a0}";
pub(super) const EM_SPACE: &str = "\u{2003}";
