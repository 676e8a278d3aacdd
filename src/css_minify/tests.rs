//! `minify_css` drops comments and needless spaces, keeps strings and the spaces selectors need,
//! and the shipped stylesheet loses nothing but whitespace and comments.

use crate::css_minify::minify_css;

fn check(css: &str, expected: &str) {
    assert_eq!(minify_css(css), expected, "{css:?}");
}

#[test]
fn comments_and_needless_spaces_go() {
    check(
        "/* the card */\n.ap-card {\n  margin: 0 auto;\n  color: red;\n}\n",
        ".ap-card{margin:0 auto;color:red}",
    );
    check("a, b > c { x: 1 }", "a,b > c{x:1}");
    check(
        "@media (min-width: 40em) {\n  a { x: 1; }\n}",
        "@media (min-width:40em){a{x:1}}",
    );
}

#[test]
fn selectors_keep_the_spaces_they_need() {
    check(":host :focus { a: b }", ":host :focus{a:b}");
    check(".a .b::after { a: b }", ".a .b::after{a:b}");
    check("calc(1rem + 2px)", "calc(1rem + 2px)");
}

#[test]
fn strings_are_kept_as_written() {
    check(
        r#"a::after { content: "  /* not a comment */ ; "; }"#,
        r#"a::after{content:"  /* not a comment */ ; "}"#,
    );
    check(r#"a { content: '\'  x' }"#, r#"a{content:'\'  x'}"#);
    check(
        r#"a { font: "Segoe UI", serif; }"#,
        r#"a{font:"Segoe UI",serif}"#,
    );
}

/// What remains of a stylesheet without whitespace and comments, outside its strings.
fn tokens(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("/*") {
            rest = rest.find("*/").map_or("", |end| &rest[end + 2..]);
        } else if c == '"' {
            let end = rest[1..].find('"').map_or(rest.len(), |end| end + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else {
            if !c.is_whitespace() {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out.replace(";}", "}")
}

#[test]
fn the_stylesheet_loses_only_whitespace_and_comments() {
    let css = include_str!("../widget.css");
    let minified = minify_css(css);
    assert_eq!(tokens(&minified), tokens(css));
    assert!(!minified.contains("/*") && !minified.contains('\n'));
    assert!(
        minified.len() * 10 < css.len() * 9,
        "{} of {} bytes",
        minified.len(),
        css.len()
    );
}
