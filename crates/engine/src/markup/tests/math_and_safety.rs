//! LaTeX math, the XSS corpus, seeded random texts, deep nesting and long texts.

use expect_test::expect;

use super::super::{plain_text_of_inlines, MAX_NESTING};
use super::{
    check, check_inline, check_markup, check_math, is_allowed_url, parse_inline, parse_markup,
    plain_text, Block, Inline, MAX_TEXT_CHARS,
};

#[test]
fn numbers_identifiers_and_operators() {
    check_math(
        "3.14 + 2x - .5 = 12,5 : y! / z",
        expect![
            "row(n:3.14, o:+, n:2, i:x, o:−, n:.5, o:=, n:12, o:,, n:5, o::, i:y, o:!, o:/, i:z)"
        ],
    );
}

#[test]
fn operator_commands() {
    check_math(r"a \times b \div c \cdot d \pm e \le f \ge g \ne h \neq i \approx j \lt k \gt l \leq m \geq n", expect!["row(i:a, o:×, i:b, o:÷, i:c, o:⋅, i:d, o:±, i:e, o:≤, i:f, o:≥, i:g, o:≠, i:h, o:≠, i:i, o:≈, i:j, o:<, i:k, o:>, i:l, o:≤, i:m, o:≥, i:n)"]);
}

#[test]
fn fractions_in_all_spellings() {
    check_math(r"\frac{1}{2} + \dfrac{a+b}{c} - \tfrac12 + \frac x y", expect!["row(frac(n:1, n:2), o:+, frac(row(i:a, o:+, i:b), i:c), o:−, frac(n:1, n:2), o:+, frac(i:x, i:y))"]);
}

#[test]
fn roots() {
    check_math(
        r"\sqrt{x+1} \sqrt2 \sqrt[3]{8} \sqrt[n]{a^2}",
        expect![
            "row(sqrt(row(i:x, o:+, n:1)), sqrt(n:2), root(n:8, n:3), root(sup(i:a, n:2), i:n))"
        ],
    );
}

#[test]
fn scripts_take_one_character_or_a_group() {
    check_math(r"x^2 x^23 x^{10} a_1 a_{ij} x_1^2 x^2_1 e^{-x} 10^\circ {x^2}^3", expect!["row(sup(i:x, n:2), sup(i:x, n:2), n:3, sup(i:x, n:10), sub(i:a, n:1), sub(i:a, row(i:i, i:j)), subsup(i:x, n:1, n:2), subsup(i:x, n:1, n:2), sup(i:e, row(o:−, i:x)), sup(n:10, o:∘), sup(row(sup(i:x, n:2)), n:3))"]);
}

#[test]
fn double_scripts_do_not_nest() {
    check_math(
        "x^2^3 y_1_2",
        expect![[r#"
        row(sup(i:x, n:2), sup(row(), n:3), sub(i:y, n:1), sub(row(), n:2))
        problem: in math `x^2^3 y_1_2`: a double superscript or subscript; use braces, e.g. x^{2^3}"#]],
    );
}

#[test]
fn left_right_fences() {
    check_math(
        r"\left( \frac{1}{2} \right)^2 + \left| x \right| + \left\{ a \right. + \left[ b \right]",
        expect![[
            r#"row(sup(fenced("(", ")", frac(n:1, n:2)), n:2), o:+, fenced("|", "|", i:x), o:+, fenced("{", "", i:a), o:+, fenced("[", "]", i:b))"#
        ]],
    );
}

#[test]
fn greek_letters_functions_and_symbols() {
    check_math(r"\pi r^2 + \theta + \alpha\beta + \Delta + \sin x + \infty + 90\% + \$5 + \cdots + \ldots", expect!["row(i:π, sup(i:r, n:2), o:+, i:θ, o:+, i:α, i:β, o:+, i:Δ, o:+, i:sin, i:x, o:+, i:∞, o:+, n:90, o:%, o:+, o:$, n:5, o:+, o:⋯, o:+, o:…)"]);
}

#[test]
fn text_and_spaces() {
    check_math(
        r"5\,\text{cm} \; 3 \quad \text{and {nested} \$ and \%} \qquad x\!y \ z~w",
        expect![[
            r#"row(n:5, t:"\u{2009}", t:"cm", t:"\u{2005}", n:3, t:"\u{2003}", t:"and {nested} $ and %", t:"\u{2003}\u{2003}", i:x, i:y, t:"\u{a0}", i:z, t:"\u{a0}", i:w)"#
        ]],
    );
}

#[test]
fn overline_for_repeating_decimals() {
    check_math(
        r"0.\overline{3} = \bar{x}",
        expect!["row(n:0., overline(n:3), o:=, overline(i:x))"],
    );
}

#[test]
fn unbalanced_braces_are_reported() {
    check_math(
        r"\frac{1}{2 + } }",
        expect![[r#"
        frac(n:1, row(n:2, o:+))
        problem: in math `\frac{1}{2 + } }`: a `}` has no matching `{`"#]],
    );
}

#[test]
fn unknown_commands_show_their_name_and_are_reported() {
    check_math(
        r"\mathbb{R} \foo \begin{aligned} a \\ b \end{aligned}",
        expect![[r#"
        row(t:"\\mathbb", row(i:R), t:"\\foo", t:"\\begin", row(i:a, i:l, i:i, i:g, i:n, i:e, i:d), i:a, i:b, t:"\\end", row(i:a, i:l, i:i, i:g, i:n, i:e, i:d))
        problem: in math `\mathbb{R} \foo \begin{aligned} a \\ b \…`: unknown command \mathbb
        problem: in math `\mathbb{R} \foo \begin{aligned} a \\ b \…`: unknown command \foo
        problem: in math `\mathbb{R} \foo \begin{aligned} a \\ b \…`: unknown command \begin
        problem: in math `\mathbb{R} \foo \begin{aligned} a \\ b \…`: `\\` (a line break) is not supported in math; use separate $$…$$ blocks
        problem: in math `\mathbb{R} \foo \begin{aligned} a \\ b \…`: unknown command \end"#]],
    );
}

#[test]
fn missing_arguments_and_unmatched_fences_are_reported() {
    check_math(
        r"x^ + \frac{1} + \left( a + \right) + \left\foo b \right) + \sqrt[3 + \text{open",
        expect![[r#"
        row(sup(i:x, o:+), frac(n:1, o:+), fenced("(", ")", row(i:a, o:+)), o:+, fenced("", ")", i:b), o:+, root(row(), row(n:3, o:+, t:"open")))
        problem: in math `x^ + \frac{1} + \left( a + \right) + \le…`: \foo cannot follow \left or \right
        problem: in math `x^ + \frac{1} + \left( a + \right) + \le…`: a `{` after \text is never closed with `}`
        problem: in math `x^ + \frac{1} + \left( a + \right) + \le…`: a `[` after \sqrt is never closed with `]`
        problem: in math `x^ + \frac{1} + \left( a + \right) + \le…`: a `^`, `_`, \frac or \sqrt is missing its argument"#]],
    );
}

#[test]
fn math_problems_reach_check_markup() {
    check(
        "A $\\frac{1}{2$ and $$\\oops$$\n\n$$\\left( x$$",
        expect![[r#"
        paragraph
          "A "
          math frac(n:1, n:2)
          " and "
          math t:"\\oops"
        display-math fenced("(", "", i:x)
        problem: in math `\frac{1}{2`: a `{` is never closed with `}`
        problem: in math `\oops`: unknown command \oops
        problem: in math `\left( x`: \left has no matching \right
    "#]],
    );
}

/// Classic XSS payloads. None may become a link or image with a refused address, and raw HTML
/// must stay literal text.
const XSS_CORPUS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](javascript:alert`1`)",
    "[x](javascript&#58;alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](\u{1}javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<style>body{display:none}</style>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    "<!-- <script>alert(1)</script> -->",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "[x](<javascript:alert(1)>)",
    "[<img src=x onerror=alert(1)>](https://example.org)",
    "$\\text{<script>alert(1)</script>}$",
    "$<img src=x onerror=alert(1)>$",
    "[x](//evil.example/\\..)",
    "<object data=\"javascript:alert(1)\">",
];

/// An independent, stricter reading of "safe address": after removing what browsers ignore,
/// no scheme other than http, https or mailto.
fn address_is_safe(address: &str) -> bool {
    let cleaned: String = address
        .chars()
        .filter(|&c| c > ' ' && c != '\u{7f}')
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    let has_colon_scheme = scheme_end.is_some_and(|end| cleaned[end..].starts_with(':'));
    let refused = ["javascript", "vbscript", "data", "file", "blob"]
        .iter()
        .any(|scheme| cleaned.contains(&format!("{scheme}:")));
    !refused
        && (!has_colon_scheme
            || ["http:", "https:", "mailto:"]
                .iter()
                .any(|scheme| cleaned.starts_with(scheme)))
}

fn assert_addresses_safe_in_blocks(blocks: &[Block], source: &str) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => {
                assert_addresses_safe_in_inlines(inlines, source)
            }
            Block::List { items, .. } => items
                .iter()
                .for_each(|item| assert_addresses_safe_in_blocks(item, source)),
            Block::Quote(inner) => assert_addresses_safe_in_blocks(inner, source),
            Block::Image { src, .. } | Block::Audio { src, .. } => {
                assert!(
                    is_allowed_url(src) && address_is_safe(src),
                    "unsafe media {src:?} from {source:?}"
                )
            }
            Block::Code(_) | Block::DisplayMath(_) | Block::Rule => {}
        }
    }
}

fn assert_addresses_safe_in_inlines(inlines: &[Inline], source: &str) {
    for inline in inlines {
        match inline {
            Inline::Link { href, children } => {
                assert!(
                    is_allowed_url(href) && address_is_safe(href),
                    "unsafe link {href:?} from {source:?}"
                );
                assert_addresses_safe_in_inlines(children, source);
            }
            Inline::Emphasis(children) | Inline::Strong(children) => {
                assert_addresses_safe_in_inlines(children, source)
            }
            _ => {}
        }
    }
}

#[test]
fn xss_payloads_never_become_links_images_or_markup() {
    assert!(XSS_CORPUS.len() >= 20);
    for payload in XSS_CORPUS {
        let blocks = parse_markup(payload);
        assert_addresses_safe_in_blocks(&blocks, payload);
        let inlines = parse_inline(payload);
        assert_addresses_safe_in_inlines(&inlines, payload);
        if payload.starts_with('<') {
            // Raw HTML stays visible, character for character.
            assert_eq!(
                plain_text(&blocks),
                *payload,
                "raw HTML changed: {payload:?}"
            );
            assert_eq!(plain_text_of_inlines(&inlines), *payload);
            assert!(
                matches!(blocks.as_slice(), [Block::Paragraph(inlines)] if matches!(inlines.as_slice(), [Inline::Text(_)]))
            );
        }
    }
}

#[test]
fn xss_links_keep_only_their_text() {
    check_inline(
        "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z]( javascript:alert(1))",
        expect![[r#"
        "x y z"
        problem: the link address `javascript:alert(1)` is not allowed (only http:, https:, mailto: and relative addresses); it is shown as plain text
        problem: the link address `JaVaScRiPt:alert(1)` is not allowed (only http:, https:, mailto: and relative addresses); it is shown as plain text
    "#]],
    );
}

#[test]
fn xss_raw_html_in_math_is_text() {
    check_inline(
        "$\\text{<script>alert(1)</script>}$ $<b>$",
        expect![[r#"
        math t:"<script>alert(1)</script>"
        " "
        math row(o:<, i:b, o:>)
    "#]],
    );
}

#[test]
fn allowed_addresses() {
    let verdicts: Vec<String> = [
        "https://example.org",
        "HTTP://EXAMPLE.ORG",
        "mailto:a@b.c",
        "img/a.png",
        "../a.png",
        "/a.png",
        "#x",
        "?q=a:b",
        "a/b:c",
        "//cdn.example/a.png",
        "javascript:alert(1)",
        " https://x",
        "data:image/png;base64,AA",
        "tel:1",
        "java\nscript:x",
        "x&#58;y",
        "",
        "https:",
        "ht%74p://x",
    ]
    .iter()
    .map(|address| format!("{address:?} {}", is_allowed_url(address)))
    .collect();
    expect![[r##"
        "https://example.org" true
        "HTTP://EXAMPLE.ORG" true
        "mailto:a@b.c" true
        "img/a.png" true
        "../a.png" true
        "/a.png" true
        "#x" true
        "?q=a:b" true
        "a/b:c" true
        "//cdn.example/a.png" true
        "javascript:alert(1)" false
        " https://x" false
        "data:image/png;base64,AA" false
        "tel:1" false
        "java\nscript:x" false
        "x&#58;y" false
        "" false
        "https:" true
        "ht%74p://x" false"##]]
    .assert_eq(&verdicts.join("\n"));
}

/// A small deterministic generator, so failures reproduce.
fn next_random(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

const FUZZ_PIECES: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "$",
    "$$",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "{",
    "}",
    "^",
    "_",
    "#",
    "# ",
    "> ",
    "- ",
    "1. ",
    "---",
    "\n",
    "\n\n",
    "  \n",
    " ",
    "x",
    "12",
    ".5",
    "\\frac",
    "\\sqrt",
    "\\left(",
    "\\right)",
    "\\left",
    "\\right",
    "\\text{",
    "\\foo",
    "\\,",
    "<script>",
    "javascript:",
    "https://a.b",
    "a.mp3",
    "audio:",
    "&#58;",
    "|",
    "~",
    "é",
    "𝑥",
    "\t",
    "\r",
];

#[test]
fn seeded_random_texts_never_panic_and_stay_safe() {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..2_000 {
        let piece_count = (next_random(&mut state) % 60) as usize;
        let text: String = (0..piece_count)
            .map(|_| FUZZ_PIECES[(next_random(&mut state) % FUZZ_PIECES.len() as u64) as usize])
            .collect();
        let blocks = parse_markup(&text);
        assert_addresses_safe_in_blocks(&blocks, &text);
        let _ = plain_text(&blocks);
        let inlines = parse_inline(&text);
        assert_addresses_safe_in_inlines(&inlines, &text);
        let _ = plain_text_of_inlines(&inlines);
        assert!(check_markup(&text).len() <= 20);
    }
}

#[test]
fn deep_nesting_is_cut_off_without_overflowing_the_stack() {
    let deep_texts = [
        format!("${}$", "{".repeat(10_000)),
        format!("${}x{}$", "{".repeat(10_000), "}".repeat(10_000)),
        format!("${}$", "\\frac".repeat(10_000)),
        format!("${}$", "\\sqrt".repeat(10_000)),
        format!("${}$", "\\left(".repeat(10_000)),
        format!("${}$", "x^".repeat(10_000)),
        format!("${}$", "x^2".repeat(10_000)),
        format!("${}$", "\\sqrt[".repeat(10_000)),
        "(".repeat(10_000),
        "[".repeat(10_000),
        format!("{}x{}", "[".repeat(5_000), "](a)".repeat(5_000)),
        format!("{}x{}", "![".repeat(5_000), "](a.png)".repeat(5_000)),
        format!("{}x{}", "*_".repeat(5_000), "_*".repeat(5_000)),
        ">".repeat(10_000),
        "- ".repeat(10_000),
        "1. ".repeat(6_000),
        (0..2_000)
            .map(|level| format!("{}- x\n", "  ".repeat(level)))
            .collect(),
        "`".repeat(10_000),
        "$".repeat(10_000),
        "$a ".repeat(6_000),
        "*a ".repeat(6_000),
        "](".repeat(10_000),
        "$$\n".repeat(5_000),
    ];
    for text in &deep_texts {
        let blocks = parse_markup(text);
        let plain = plain_text(&blocks);
        assert!(
            !plain.is_empty() || text.chars().all(|c| "-1. \n`$*a".contains(c)),
            "lost {:?}",
            &text[..20]
        );
        assert!(
            nesting_depth_of_blocks(&blocks) <= 4 * MAX_NESTING + 8,
            "too deep for {:?}",
            &text[..20]
        );
        let _ = parse_inline(text);
        assert!(check_markup(text).len() <= 20);
    }
}

fn nesting_depth_of_blocks(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => {
                1 + nesting_depth_of_inlines(inlines)
            }
            Block::List { items, .. } => {
                1 + items
                    .iter()
                    .map(|item| nesting_depth_of_blocks(item))
                    .max()
                    .unwrap_or(0)
            }
            Block::Quote(inner) => 1 + nesting_depth_of_blocks(inner),
            Block::DisplayMath(node) => 1 + nesting_depth_of_math(node),
            _ => 1,
        })
        .max()
        .unwrap_or(0)
}

fn nesting_depth_of_inlines(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Link { children, .. } => 1 + nesting_depth_of_inlines(children),
            Inline::Math(node) => 1 + nesting_depth_of_math(node),
            _ => 1,
        })
        .max()
        .unwrap_or(0)
}

fn nesting_depth_of_math(node: &super::MathNode) -> usize {
    use super::MathNode;
    let deepest = |children: &[&MathNode]| {
        children
            .iter()
            .map(|child| nesting_depth_of_math(child))
            .max()
            .unwrap_or(0)
    };
    1 + match node {
        MathNode::Row(children) => deepest(&children.iter().collect::<Vec<_>>()),
        MathNode::Fraction(a, b)
        | MathNode::Root(a, b)
        | MathNode::Sup(a, b)
        | MathNode::Sub(a, b) => deepest(&[a, b]),
        MathNode::SubSup(a, b, c) => deepest(&[a, b, c]),
        MathNode::Sqrt(a) | MathNode::Overline(a) | MathNode::Fenced { body: a, .. } => {
            deepest(&[a])
        }
        _ => 0,
    }
}

#[test]
fn long_texts_are_cut_and_the_rest_kept_as_plain_text() {
    let long_text = format!("{}*tail* <b>", "word ".repeat(20_000));
    let blocks = parse_markup(&long_text);
    let plain = plain_text(&blocks);
    // The cut falls after a space, which becomes the line between the two paragraphs.
    assert_eq!(plain.len(), long_text.len());
    assert_eq!(&plain[19_995..20_005], "word\nword ");
    assert!(plain.ends_with("word *tail* <b>"));
    match blocks.last() {
        Some(Block::Paragraph(inlines)) => assert!(
            matches!(inlines.as_slice(), [Inline::Text(rest)] if rest.ends_with("*tail* <b>"))
        ),
        other => panic!("expected the rest as a paragraph, got {other:?}"),
    }
    let problems = check_markup(&long_text);
    assert!(problems
        .iter()
        .any(|problem| problem.message.contains(&MAX_TEXT_CHARS.to_string())));
    let inlines = parse_inline(&long_text);
    assert!(matches!(inlines.last(), Some(Inline::Text(rest)) if rest.ends_with("<b>")));
}

#[test]
fn pathological_texts_of_the_maximum_size_are_fast() {
    let started = std::time::Instant::now();
    for piece in [
        "*a ",
        "$a ",
        "[a",
        "`a ``",
        "](",
        "\\left(",
        "_a_b ",
        "> - ",
        "![a](b.png) x ",
        "$$\n",
    ] {
        let text = piece.repeat(MAX_TEXT_CHARS / piece.len() + 1);
        let _ = parse_markup(&text);
        let _ = parse_inline(&text);
    }
    let elapsed = started.elapsed();
    assert!(
        elapsed.as_secs() < 20,
        "parsing took {elapsed:?}: something is quadratic"
    );
}
