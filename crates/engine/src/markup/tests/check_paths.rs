//! The bank checker's one-parse path (`check_block_markup`, with the fast path for texts that
//! cannot hold a problem) against the full parse: the same problems and media addresses on every
//! text of the sample banks, on crafted texts, and on many generated ones (seeded).

use std::path::{Path, PathBuf};

use super::super::{
    cannot_have_problems, check_block_markup, check_inline_markup, check_markup, collect_media,
    parse_inline_with_problems, parse_markup_with_problems, BlockCheck, MAX_NESTING,
    MAX_TEXT_CHARS,
};
use crate::bank_check::texts_as_shown;
use crate::json;
use crate::text_fields::{collect_text_fields, TextShape};

/// What the checker read before: `check_markup`'s problems, then a second parse for the media.
fn two_parses(text: &str) -> BlockCheck {
    let problems = parse_markup_with_problems(text).1;
    let mut media = Vec::new();
    collect_media(&parse_markup_with_problems(text).0, &mut media);
    BlockCheck { problems, media }
}

fn assert_same(text: &str, shape: TextShape) {
    match shape {
        TextShape::Block => {
            assert_eq!(
                check_block_markup(text),
                two_parses(text),
                "block text {text:?}"
            );
            assert_eq!(check_markup(text), two_parses(text).problems, "{text:?}");
        }
        TextShape::Inline => assert_eq!(
            check_inline_markup(text),
            parse_inline_with_problems(text).1,
            "inline text {text:?}"
        ),
    }
}

fn bank_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("www/banks") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            bank_files(&path, files);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            files.push(path);
        }
    }
}

#[test]
fn one_parse_finds_what_two_found_on_every_sample_bank_text() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/banks");
    let mut files = Vec::new();
    bank_files(&folder, &mut files);
    let mut texts = 0;
    let mut with_problems_or_media = 0;
    for file in &files {
        let Ok(root) = json::parse(&std::fs::read_to_string(file).expect("a bank file")) else {
            continue; // broken/invalid-json.json has no texts to read
        };
        let fields = collect_text_fields(&root);
        for (field, shown) in fields.iter().zip(texts_as_shown(&root, &fields)) {
            for text in [Some(field.text.as_str()), shown.as_deref()]
                .into_iter()
                .flatten()
            {
                assert_same(text, field.shape);
                texts += 1;
                let full = two_parses(text);
                with_problems_or_media +=
                    usize::from(!full.problems.is_empty() || !full.media.is_empty());
            }
        }
    }
    assert!(files.len() >= 6, "found {} bank files", files.len());
    assert!(texts > 1000, "read {texts} texts");
    assert!(
        with_problems_or_media > 5,
        "{with_problems_or_media} texts with problems or media"
    );
}

/// Texts at each rule's edge: every kind of problem, media, and a nesting of `MAX_NESTING`.
fn crafted_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "",
        "plain words.",
        "2 + 3 = 5.",
        "$x",
        "$$\n\\frac{1}{",
        "costs $5",
        "`code`",
        "```\nopen",
        "~~~\nopen",
        "[a link](javascript:alert(1))",
        "[ok](https://example.org)",
        "![](picture.png)",
        "![a chart](https://example.org/c.png)",
        "![audio:](a.mp3)",
        "![audio: hi](a.png)",
        "text ![inline](i.png) text",
        "*a **b** c*",
        "_a_",
        "\\$ escaped",
        "line\r\nbreak\rhere",
        "# heading $x",
        "> quote ![](q.png)",
        "- item\n  - ![](i.png)",
        "1. one\n2) two",
        "a.b.c.d)",
        "é à ü — ½",
    ]
    .map(String::from)
    .to_vec();
    for level in [MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1] {
        texts.push(format!("{}deep", "> ".repeat(level)));
        texts.push(format!("{}deep", "- ".repeat(level)));
        texts.push(format!("{}deep", "1. ".repeat(level)));
        texts.push(format!("{}deep", "1) ".repeat(level)));
        texts.push(format!("{}deep{}", "*".repeat(level), "*".repeat(level)));
        texts.push(format!("{}deep{}", "[".repeat(level), "](a)".repeat(level)));
        let indented: Vec<String> = (0..level)
            .map(|d| format!("{}+ x", "  ".repeat(d)))
            .collect();
        texts.push(indented.join("\n"));
    }
    for length in [MAX_TEXT_CHARS, MAX_TEXT_CHARS + 1] {
        texts.push("a".repeat(length));
        texts.push("é".repeat(length));
    }
    texts
}

#[test]
fn one_parse_finds_what_two_found_on_crafted_texts() {
    let texts = crafted_texts();
    for text in &texts {
        assert_same(text, TextShape::Block);
        assert_same(text, TextShape::Inline);
    }
    // The crafted texts do reach the rules: the nesting limit and the length limit among them.
    let problems: Vec<String> = texts
        .iter()
        .flat_map(|text| two_parses(text).problems)
        .map(|problem| problem.message)
        .collect();
    for needle in [
        "nested too deeply",
        "longer than",
        "alt text",
        "not allowed",
        "never closed",
    ] {
        assert!(
            problems.iter().any(|m| m.contains(needle)),
            "no problem with {needle:?}"
        );
    }
}

/// A seeded xorshift: the test's own, the engine has no randomness.
struct Generator(u64);

impl Generator {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }
}

/// Pieces texts are made of: words, the characters the fast path looks for, list and quote
/// markers (many of them, to come near the nesting limit), line ends and media.
const PIECES: &[&str] = &[
    "word",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "  ",
    "2",
    "é",
    "½",
    "> ",
    "- ",
    "+ ",
    "1. ",
    "3) ",
    ".",
    ")",
    "(",
    "-",
    ">",
    "!",
    "]",
    "\\",
    "{",
    "}",
    "#",
    "<b>",
    "&amp;",
    "$",
    "$$",
    "`",
    "```",
    "~~~",
    "[",
    "*",
    "_",
    "](x.png)",
    "![a](b.png)",
    "![](c.mp3)",
    "[l](javascript:x)",
];

#[test]
fn the_fast_path_agrees_with_the_full_parse_on_generated_texts() {
    let mut generator = Generator(0x5eed_cafe_f00d_1234);
    let (mut fast, mut fast_near_limit, mut with_problems) = (0, 0, 0);
    for _ in 0..40_000 {
        let length = generator.below(80);
        // Half the texts leave out the characters that stop the fast path, so it is taken often.
        let pieces = if generator.below(2) == 0 {
            28
        } else {
            PIECES.len()
        };
        let text: String = (0..length)
            .map(|_| PIECES[generator.below(pieces)])
            .collect();
        let (blocks, block_problems) = parse_markup_with_problems(&text);
        let inline_problems = parse_inline_with_problems(&text).1;
        let mut media = Vec::new();
        collect_media(&blocks, &mut media);
        if cannot_have_problems(&text) {
            assert_eq!(block_problems, vec![], "block problems in {text:?}");
            assert_eq!(inline_problems, vec![], "inline problems in {text:?}");
            assert_eq!(media, Vec::<String>::new(), "media in {text:?}");
            fast += 1;
            let markers = text.bytes().filter(|b| b">-+.)".contains(b)).count();
            fast_near_limit += usize::from(markers >= MAX_NESTING - 8);
        }
        with_problems += usize::from(!block_problems.is_empty());
        assert_same(&text, TextShape::Block);
        assert_same(&text, TextShape::Inline);
    }
    assert!(fast > 10_000, "the fast path was taken {fast} times");
    assert!(
        fast_near_limit > 100,
        "{fast_near_limit} fast texts near the nesting limit"
    );
    assert!(with_problems > 5_000, "{with_problems} texts with problems");
}
