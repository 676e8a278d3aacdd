//! The widget's stylesheet without its comments and the whitespace no rule needs: `build.rs`
//! writes `src/widget.css` through `minify_css` for the element module (`src/element.js`, where
//! `scripts/inline-stylesheet.mjs` puts it); the native tests check it. Quoted strings are kept
//! as written; a space is dropped only around `{`, `}`, `;`, `,` and after `:`, where CSS never
//! needs one (`a :hover` keeps its space before `:`).

/// `css` with comments removed, runs of whitespace as one space, and no space where none is
/// needed; the last declaration of a block loses its `;`.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for inner in chars.by_ref() {
                    out.push(inner);
                    if escaped {
                        escaped = false;
                    } else if inner == '\\' {
                        escaped = true;
                    } else if inner == c {
                        break;
                    }
                }
            }
            '}' if out.ends_with(';') => {
                out.pop();
                out.push('}');
                pending_space = false;
            }
            c => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the space owed before `next`, unless `next` or the character before it make it needless.
fn push_space(out: &mut String, pending: &mut bool, next: char) {
    let needless = |c: char| matches!(c, '{' | '}' | ';' | ',');
    if std::mem::take(pending)
        && !out.is_empty()
        && !needless(next)
        && !out.ends_with(|c: char| needless(c) || c == ':')
    {
        out.push(' ');
    }
}
