//! `find_text`: where a text first occurs in another, by a plain scan. std's `str::find`,
//! `contains`, `split_once` and `replace` with a text pattern build a two-way searcher, about
//! 1 KB of the widget's wasm gzipped; the engine's patterns are a few characters long.

/// The byte offset where `needle` first occurs in `haystack`; `None` when it does not (an empty
/// needle occurs at 0).
pub fn find_text(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    (0..=haystack.len().checked_sub(needle.len())?)
        .find(|&start| haystack[start..].starts_with(needle))
}

/// Whether `needle` occurs in `haystack`.
pub fn has_text(haystack: &str, needle: &str) -> bool {
    find_text(haystack, needle).is_some()
}

/// The text before the first `needle` and the text after it, as `str::split_once` with a text
/// pattern.
pub fn split_at_text<'a>(haystack: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let start = find_text(haystack, needle)?;
    Some((&haystack[..start], &haystack[start + needle.len()..]))
}

/// `haystack` with every `needle` replaced by `with`, left to right, as `str::replace` with a
/// text pattern.
pub fn replace_text(haystack: &str, needle: &str, with: &str) -> String {
    let mut replaced = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some((before, after)) = split_at_text(rest, needle) {
        replaced.push_str(before);
        replaced.push_str(with);
        rest = after;
    }
    replaced.push_str(rest);
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_occurrence_as_str_find_does() {
        for (haystack, needle) in [
            ("a{{b}}c{{d}}", "{{"),
            ("a{{b}}c", "}}"),
            ("no braces", "{{"),
            ("", "{{"),
            ("{", "{{"),
            ("é10^3", "10^"),
            ("x", ""),
            ("![alt](url)", "]("),
        ] {
            assert_eq!(
                find_text(haystack, needle),
                haystack.find(needle),
                "{haystack:?} {needle:?}"
            );
            assert_eq!(has_text(haystack, needle), haystack.contains(needle));
            assert_eq!(split_at_text(haystack, needle), haystack.split_once(needle));
        }
    }

    #[test]
    fn replaces_as_str_replace_does() {
        for (haystack, needle) in [(" 1 or or 2 or 3 ", " or "), ("aaa", "aa"), ("", " or ")] {
            assert_eq!(
                replace_text(haystack, needle, " ; "),
                haystack.replace(needle, " ; ")
            );
        }
    }
}
