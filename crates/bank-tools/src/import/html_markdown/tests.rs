//! HTML to Markdown: each test is one call to `check` with HTML in and Markdown and notes out.

use expect_test::{expect, Expect};

use super::{html_text_to_markdown, HtmlContext, TextShape};

fn check(html: &str, expected: Expect) {
    let mut notes = Vec::new();
    let mut resolve = |src: &str, _: &mut Vec<crate::import::ImportNote>| {
        (!src.contains("missing")).then(|| format!("media/{src}"))
    };
    let mut context = HtmlContext {
        source: "q1".into(),
        notes: &mut notes,
        resolve_image: &mut resolve,
    };
    let markdown = html_text_to_markdown(html, TextShape::Block, &mut context);
    let mut out = markdown;
    for note in &notes {
        out.push_str(&format!("\n-- {note}"));
    }
    expected.assert_eq(&out);
}

#[test]
fn paragraphs_emphasis_and_escapes() {
    check(
        "<p>Which is <b>even</b>? <i>Pick</i> one.</p><p>Costs $5 * 2_a [x]</p>",
        expect![[r#"
            Which is **even**? *Pick* one.

            Costs \$5 \* 2\_a \[x\]"#]],
    );
}

#[test]
fn lists_breaks_and_unclosed_tags() {
    check(
        "<p>Steps:<br>first<ul><li>one<li>two</ul><ol><li>a</li><li>b</li></ol>- not a list",
        expect![[r#"
            Steps:\
            first

            - one
            - two

            1. a
            2. b

            \- not a list"#]],
    );
}

#[test]
fn images_become_media_and_missing_ones_are_left_out() {
    check(
        r#"<p>See <img src="pic.png" alt="A right triangle"> and <img src="b.png"><img src="missing.png" alt="x"></p>"#,
        expect![[r#"
            See

            ![A right triangle](media/pic.png)

            and

            ![Image](media/b.png)
            -- changed: q1: the image b.png has no alt text; used "Image" (write a better one)"#]],
    );
}

#[test]
fn scripts_styles_and_handlers_are_dropped_with_a_note() {
    check(
        r#"<style>p{}</style><p onclick="x()">Hi<script>alert(1)</script> &amp; bye&nbsp;now</p><a href="javascript:x">link</a>"#,
        expect![[r#"
            Hi & bye now

            link
            -- skipped: q1: <style> left out: a style sheet is not kept
            -- skipped: q1: the event handler onclick on <p> is never run
            -- skipped: q1: <script> left out: a script is never run
            -- changed: q1: the link to "javascript:x" is not an allowed address; its text is kept"#]],
    );
}

#[test]
fn tex_delimiters_become_bank_math() {
    check(
        r"<p>Solve \(x^2 = 4\) and $$\frac{1}{2}$$ then \[y\]</p>",
        expect![[r#"Solve $x^2 = 4$ and $\frac{1}{2}$ then $y$"#]],
    );
}

#[test]
fn mathml_becomes_latex() {
    check(
        r#"<p>Area <math><mi>A</mi><mo>=</mo><mfrac><mrow><mi>b</mi><mi>h</mi></mrow><mn>2</mn></mfrac><mo>×</mo><msup><mi>x</mi><mn>2</mn></msup><mo>−</mo><msqrt><mn>2</mn></msqrt></math></p><math display="block"><semantics><mi>y</mi><annotation encoding="application/x-tex">y = \pi r^2</annotation></semantics></math>"#,
        expect![[r#"
            Area $A=\frac{bh}{2}\times x^{2}-\sqrt{2}$

            $$y = \pi r^2$$"#]],
    );
}

#[test]
fn tables_and_unsupported_math_are_noted() {
    check(
        "<table><tr><th>x</th><th>y</th></tr><tr><td>1</td><td>2</td></tr></table><math><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable></math>",
        expect![[r#"
            x | y\
            1 | 2

            1
            -- changed: q1: a table is written as one line per row, cells separated by |
            -- changed: q1: MathML kept as plain text "1": <mtable> has no LaTeX in the bank's math"#]],
    );
}

#[test]
fn a_table_keeps_its_caption_and_text_outside_its_cells() {
    check(
        "<table><caption>Prices</caption>loose <b>text</b><tbody><tr><td>pen</td>stray<td>2</td></tr></tbody></table>",
        expect![[r#"
            Prices\
            loose **text**\
            pen | stray | 2
            -- changed: q1: a table is written as one line per row, cells separated by |"#]],
    );
}
