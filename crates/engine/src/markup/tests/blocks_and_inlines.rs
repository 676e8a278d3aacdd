//! Markdown blocks and inlines: one check per construct, plus the edge cases authors hit.

use expect_test::expect;

use super::{check, check_inline, check_plain};

#[test]
fn paragraphs_are_separated_by_blank_lines_and_lines_are_joined() {
    check(
        "One\ntwo  \n\n\n  Three",
        expect![[r#"
        paragraph
          "One two"
        paragraph
          "Three"
    "#]],
    );
}

#[test]
fn hard_line_breaks_come_from_two_spaces_or_a_backslash() {
    check(
        "first  \nsecond\\\nthird",
        expect![[r#"
        paragraph
          "first"
          br
          "second"
          br
          "third"
    "#]],
    );
}

#[test]
fn headings_go_from_one_to_three_hashes() {
    check(
        "# Fractions\n## Adding ##\n### Step 1\n#### Deeper\n#hashtag",
        expect![[r##"
        heading 1
          "Fractions"
        heading 2
          "Adding"
        heading 3
          "Step 1"
        heading 3
          "Deeper"
        paragraph
          "#hashtag"
    "##]],
    );
}

#[test]
fn emphasis_strong_and_both() {
    check_inline(
        "*em* _em_ **strong** __strong__ ***both***",
        expect![[r#"
        em
          "em"
        " "
        em
          "em"
        " "
        strong
          "strong"
        " "
        strong
          "strong"
        " "
        strong
          em
            "both"
    "#]],
    );
}

#[test]
fn emphasis_nests_and_unmatched_markers_stay_text() {
    check_inline(
        "*a **b** c* and **x *y* z** but *open and close** and 2 * 3 * 4",
        expect![[r#"
        em
          "a "
          strong
            "b"
          " c"
        " and "
        strong
          "x "
          em
            "y"
          " z"
        " but *open and close** and 2 * 3 * 4"
    "#]],
    );
}

#[test]
fn underscores_inside_words_stay_text() {
    check_inline(
        "snake_case_name and 2*3*4",
        expect![[r#"
        "snake_case_name and 2"
        em
          "3"
        "4"
    "#]],
    );
}

#[test]
fn code_spans_keep_their_content_verbatim() {
    check_inline(
        "`a*b*c` and `` a ` b `` and `$x$` and ``unclosed`",
        expect![[r#"
        code "a*b*c"
        " and "
        code "a ` b"
        " and "
        code "$x$"
        " and ``unclosed`"
    "#]],
    );
}

#[test]
fn fenced_code_blocks_keep_lines_and_markup_verbatim() {
    check(
        "```js\nlet x = *1*;\n  <b>indented</b>\n```\nafter\n~~~\nnever closed",
        expect![[r#"
        code "let x = *1*;\n  <b>indented</b>"
        paragraph
          "after"
        code "never closed"
        problem: a code block is never closed with its fence
    "#]],
    );
}

#[test]
fn bullet_and_ordered_lists_with_continuations() {
    check(
        "- one\n- two\n  still two\nlazy two\n\n- three\n\n1. first\n2. second\n3) third",
        expect![[r#"
        list bullets
          item
            paragraph
              "one"
          item
            paragraph
              "two still two lazy two"
          item
            paragraph
              "three"
        list ordered
          item
            paragraph
              "first"
          item
            paragraph
              "second"
          item
            paragraph
              "third"
    "#]],
    );
}

#[test]
fn lists_nest_one_level_and_more() {
    check(
        "- fruit\n  - apple\n  - pear\n- vegetables\n  1. leek\n     - green",
        expect![[r#"
        list bullets
          item
            paragraph
              "fruit"
            list bullets
              item
                paragraph
                  "apple"
              item
                paragraph
                  "pear"
          item
            paragraph
              "vegetables"
            list ordered
              item
                paragraph
                  "leek"
                list bullets
                  item
                    paragraph
                      "green"
    "#]],
    );
}

#[test]
fn a_different_bullet_starts_a_new_list() {
    check(
        "- a\n+ b\n* c",
        expect![[r#"
        list bullets
          item
            paragraph
              "a"
        list bullets
          item
            paragraph
              "b"
        list bullets
          item
            paragraph
              "c"
    "#]],
    );
}

#[test]
fn numbers_inside_a_paragraph_do_not_start_a_list() {
    check(
        "In the year\n2010. people counted\n-5 is negative\n+1 point",
        expect![[r#"
        paragraph
          "In the year 2010. people counted -5 is negative +1 point"
    "#]],
    );
}

#[test]
fn quotes_hold_blocks_and_nest() {
    check(
        "> Quoted *text*\n> - item\n>> inner\n\nafter",
        expect![[r#"
        quote
          paragraph
            "Quoted "
            em
              "text"
          list bullets
            item
              paragraph
                "item"
          quote
            paragraph
              "inner"
        paragraph
          "after"
    "#]],
    );
}

#[test]
fn rules_are_three_marks() {
    check(
        "above\n---\n* * *\n___\nbelow --",
        expect![[r#"
        paragraph
          "above"
        rule
        rule
        rule
        paragraph
          "below --"
    "#]],
    );
}

#[test]
fn backslash_escapes_make_markers_literal() {
    check_inline(
        r"\*not em\* \_ \$5 \` \[x\](y) \\ \a",
        expect![[r#"
        "*not em* _ $5 ` [x](y) \\ \\a"
    "#]],
    );
}

#[test]
fn links_with_allowed_addresses() {
    check_inline(
        "[site](https://example.org/a?b=1&c=2#d) [mail](mailto:x@example.org) [rel](../help.html) [anchor](#top) [  spaced ]( http://x.org )",
        expect![[r##"
            link "https://example.org/a?b=1&c=2#d"
              "site"
            " "
            link "mailto:x@example.org"
              "mail"
            " "
            link "../help.html"
              "rel"
            " "
            link "#top"
              "anchor"
            " "
            link "http://x.org"
              "  spaced "
        "##]],
    );
}

#[test]
fn links_with_other_addresses_become_their_text() {
    check_inline(
        "[call](tel:123) [ftp](ftp://x) [x](javascript:alert(1)) [empty]()",
        expect![[r#"
        "call ftp x empty"
        problem: the link address `tel:123` is not allowed (only http:, https:, mailto: and relative addresses); it is shown as plain text
        problem: the link address `ftp://x` is not allowed (only http:, https:, mailto: and relative addresses); it is shown as plain text
        problem: the link address `javascript:alert(1)` is not allowed (only http:, https:, mailto: and relative addresses); it is shown as plain text
        problem: the link address `` is not allowed (only http:, https:, mailto: and relative addresses); it is shown as plain text
    "#]],
    );
}

#[test]
fn link_text_holds_emphasis_but_not_other_links() {
    check_inline(
        "[*see* [inner](a.html) here](b.html) [a [b] c](d.html)",
        expect![[r#"
        "["
        em
          "see"
        " "
        link "a.html"
          "inner"
        " here](b.html) "
        link "d.html"
          "a [b] c"
    "#]],
    );
}

#[test]
fn brackets_without_addresses_stay_text() {
    check_inline(
        "[1, 2] and [x] (y) and ] and [",
        expect![[r#"
        "[1, 2] and [x] (y) and ] and ["
    "#]],
    );
}

#[test]
fn images_on_their_own_line_are_blocks() {
    check(
        "Look:\n![A bar chart of *sales*](img/chart.png)\nWhat is the total?",
        expect![[r#"
        paragraph
          "Look:"
        image src="img/chart.png" alt="A bar chart of sales"
        paragraph
          "What is the total?"
    "#]],
    );
}

#[test]
fn images_without_alt_text_are_parsed_and_reported() {
    check(
        "![](pie.png)",
        expect![[r#"
        image src="pie.png" alt=""
        problem: the image `pie.png` has no alt text: describe it, as in ![a bar chart of …](file.png)
    "#]],
    );
}

#[test]
fn images_inside_a_line_become_their_alt_text() {
    check(
        "See ![a pie](pie.png) here",
        expect![[r#"
        paragraph
          "See a pie here"
        problem: an image inside a line of text is shown as its alt text; put `![alt](address)` on a line of its own
    "#]],
    );
}

#[test]
fn audio_needs_a_known_extension_and_a_transcript() {
    check(
        "![audio: Seven times eight](sounds/q1.mp3)\n![Audio:Hello](a.OGG?v=2)\n![audio: ](b.wav)\n![spoken](c.m4a)\n![audio: chart](d.png)",
        expect![[r#"
            audio src="sounds/q1.mp3" transcript="Seven times eight"
            audio src="a.OGG?v=2" transcript="Hello"
            audio src="b.wav" transcript=""
            audio src="c.m4a" transcript="spoken"
            image src="d.png" alt="chart"
            problem: the audio `b.wav` needs a transcript: ![audio: what is said](file.mp3)
            problem: `audio:` needs an .mp3, .ogg, .wav or .m4a file, not `d.png`
        "#]],
    );
}

#[test]
fn display_math_on_one_or_several_lines() {
    check(
        "Solve\n$$x^2 = 4$$\nfor $x$.\n\n$$\n\\frac{1}{2}\n+ 1\n$$",
        expect![[r#"
        paragraph
          "Solve"
        display-math row(sup(i:x, n:2), o:=, n:4)
        paragraph
          "for "
          math i:x
          "."
        display-math row(frac(n:1, n:2), o:+, n:1)
    "#]],
    );
}

#[test]
fn display_math_followed_by_text_is_inline() {
    check(
        "$$a$$ is a\n\n$$ never closed\n\nnext",
        expect![[r#"
        paragraph
          math i:a
          " is a"
        paragraph
          "$$ never closed"
        paragraph
          "next"
        problem: `$$` starts math that is never closed (write \$ for a dollar sign): `$$ never closed`
    "#]],
    );
}

#[test]
fn inline_math_and_dollar_amounts() {
    check_inline(
        "It costs $5 and $10, so $x + 1$ is $y$.",
        expect![[r#"
        "It costs "
        math row(n:5, i:a, i:n, i:d, o:$, n:10, o:,, i:s, i:o, o:$, i:x, o:+, n:1)
        " is "
        math i:y
        "."
        problem: in math `5 and $10, so $x + 1`: a `$` inside math: for money, write \$ so that `$…$` does not start math
    "#]],
    );
}

#[test]
fn an_unclosed_dollar_is_text_and_reported() {
    check_inline(
        "Pay $5each",
        expect![[r#"
        "Pay $5each"
        problem: `$` starts math that is never closed (write \$ for a dollar sign): `$5each`
    "#]],
    );
}

#[test]
fn inline_text_keeps_line_breaks_and_trims_ends() {
    check_inline(
        "  one\ntwo  \nthree  ",
        expect![[r#"
        "one two"
        br
        "three"
    "#]],
    );
}

#[test]
fn windows_line_endings_are_lines() {
    check(
        "a\r\nb\r\n\r\nc\rd",
        expect![[r#"
        paragraph
          "a b"
        paragraph
          "c d"
    "#]],
    );
}

#[test]
fn plain_text_drops_markup_and_writes_math_linearly() {
    check_plain(
        "# Title\nSome **bold** and $\\frac{x+1}{2}$, $\\sqrt{2}$, $x^{10}$, $a_1$, $\\sqrt[3]{8}$\n\n- $0.\\overline{3}$\n- ![chart](c.png)\n\n---\n> `code`",
        expect![[r#"
            Title
            Some bold and (x+1)/2, √(2), x^10, a_1, root(3, 8)
            0.3̅
            chart
            code"#]],
    );
}

/// A realistic prompt with every construct: it parses without a single problem and survives JSON.
const REALISTIC_PROMPT: &str = r#"## Adding fractions
Maya ate $\frac{1}{4}$ of a pizza and Sam ate $\dfrac{2}{8}$. *How much* did they eat **together**?

![A pizza cut into eight equal slices](img/pizza.png)

1. Write both as eighths: $\frac{1}{4} = \frac{2}{8}$.
2. Add: $\frac{2}{8} + \frac{2}{8} = \frac{4}{8}$.

$$\frac{4}{8} = \frac{1}{2} \approx 0.5 = 50\%$$

> Tip: see [the lesson](https://example.org/fractions) or `help`.
---
![audio: One quarter plus two eighths](audio/q1.mp3)"#;

#[test]
fn a_realistic_prompt_has_no_problems_and_round_trips_through_json() {
    assert_eq!(super::check_markup(REALISTIC_PROMPT), vec![]);
    let blocks = super::parse_markup(REALISTIC_PROMPT);
    let json = serde_json::to_string(&blocks).unwrap_or_default();
    let read_back: Vec<super::Block> = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(read_back, blocks);
    check_plain(
        REALISTIC_PROMPT,
        expect![[r#"
        Adding fractions
        Maya ate 1/4 of a pizza and Sam ate 2/8. How much did they eat together?
        A pizza cut into eight equal slices
        Write both as eighths: 1/4=2/8.
        Add: 2/8+2/8=4/8.
        4/8=1/2≈0.5=50%
        Tip: see the lesson or help.
        One quarter plus two eighths"#]],
    );
}
