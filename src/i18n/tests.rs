//! The catalogs are complete (every key of English, the same placeholders, every plural form of
//! their language), the checker finds what is wrong, and plurals pick the right form.

use super::catalog::{check, parse_message, read_catalog, Catalog};
use super::fetched::read_catalog_file;
use super::plural::{self, rule_for, PluralCategory};
use super::{fields_as_text, fill, words_for, CATALOG_FORMAT, ENGLISH, LANGUAGES};

/// Every catalog file, English first.
fn shipped_catalogs() -> Vec<Catalog> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/catalogs");
    let mut catalogs: Vec<Catalog> = std::fs::read_dir(&folder)
        .expect("the catalogs folder")
        .map(|entry| entry.expect("a catalog file").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("a readable catalog");
            read_catalog(&name, &text).unwrap_or_else(|problem| panic!("{problem}"))
        })
        .collect();
    catalogs.sort_by_key(|catalog| (catalog.file != "en.json", catalog.file.clone()));
    catalogs
}

#[test]
fn every_catalog_matches_english() {
    let catalogs = shipped_catalogs();
    assert_eq!(catalogs[0].file, "en.json");
    let problems: Vec<String> = catalogs
        .iter()
        .flat_map(|catalog| check(&catalogs[0], catalog))
        .collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_catalog_file_is_compiled_in() {
    let files: Vec<(String, bool)> = shipped_catalogs()
        .into_iter()
        .map(|catalog| (catalog.tag, catalog.right_to_left))
        .collect();
    let compiled: Vec<(String, bool)> = LANGUAGES
        .iter()
        .map(|words| (words.tag.to_string(), words.right_to_left))
        .collect();
    assert_eq!(compiled, files);
    assert!(compiled.contains(&("ar".to_string(), true)), "{compiled:?}");
}

/// The file the widget fetches for `tag` (build.rs writes one per language but English).
fn catalog_file(tag: &str) -> String {
    let path = format!("{}/i18n/{tag}.json", env!("OUT_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn every_fetched_language_reads_back_as_its_compiled_table() {
    for words in &LANGUAGES[1..] {
        let read = read_catalog_file(words.tag, &catalog_file(words.tag))
            .unwrap_or_else(|| panic!("{}.json does not read", words.tag));
        assert_eq!(
            fields_as_text(&read),
            fields_as_text(words),
            "{}",
            words.tag
        );
    }
    assert!(
        !std::path::Path::new(&format!("{}/i18n/en.json", env!("OUT_DIR"))).exists(),
        "English is in the wasm, not a file"
    );
}

#[test]
fn a_catalog_file_of_another_version_or_language_is_not_read() {
    let french = catalog_file("fr");
    assert!(read_catalog_file("fr", &french).is_some());
    let other_version = french.replacen(CATALOG_FORMAT, "0000000000000000", 1);
    assert!(read_catalog_file("fr", &other_version).is_none());
    assert!(
        read_catalog_file("es", &french).is_none(),
        "a file under the wrong name"
    );
    let one_message_too_many = french.replacen(r#""messages":["#, r#""messages":["x","#, 1);
    assert!(read_catalog_file("fr", &one_message_too_many).is_none());
    // A template where a plural message belongs, and the reverse.
    let mut swapped: serde_json::Value = serde_json::from_str(&french).unwrap();
    let messages = swapped["messages"].as_array_mut().unwrap();
    let plural_at = messages.iter().position(|m| m.is_array()).unwrap();
    let text_at = messages.iter().position(|m| m.is_string()).unwrap();
    messages.swap(plural_at, text_at);
    assert!(read_catalog_file("fr", &swapped.to_string()).is_none());
    assert!(read_catalog_file("fr", "<html>Not found</html>").is_none());
}

/// Checks `catalog` (a JSON object of messages, Arabic when `tag` says so) against a small
/// English catalog, and compares the problems found with `expected`.
fn check_against_english(tag: &str, messages: &str, expected: &[&str]) {
    let english = read_catalog(
        "en.json",
        r#"{"@language": {"tag": "en", "direction": "ltr"},
            "check": "Check",
            "imported": "Progress loaded: {answers, plural, one {# answer} other {# answers}}."}"#,
    )
    .unwrap();
    let json = format!(r#"{{"@language": {{"tag": "{tag}", "direction": "ltr"}}, {messages}}}"#);
    let catalog = read_catalog("xx.json", &json).unwrap();
    assert_eq!(check(&english, &catalog), expected);
}

#[test]
fn the_checker_accepts_a_complete_catalog() {
    check_against_english(
        "es",
        r#""check": "Comprobar", "imported": "{answers, plural, one {# respuesta} other {# respuestas}}""#,
        &[],
    );
}

#[test]
fn the_checker_finds_missing_and_extra_keys() {
    check_against_english(
        "fr",
        r#""imported": "{answers} réponses", "chek": "Vérifier""#,
        &[
            "xx.json: missing \"check\"",
            "xx.json: \"chek\" is not an English key",
        ],
    );
}

#[test]
fn the_checker_finds_different_placeholders() {
    check_against_english(
        "fr",
        r#""check": "Vérifier {now}", "imported": "{answer} réponses""#,
        &[
            "xx.json: \"check\" has the placeholders {\"now\"}, English has {}",
            "xx.json: \"imported\" has the placeholders {\"answer\"}, English has {\"answers\"}",
        ],
    );
}

#[test]
fn the_checker_finds_missing_and_foreign_plural_forms() {
    check_against_english(
        "ar",
        r#""check": "تحقّق", "imported": "{answers, plural, one {إجابة واحدة} other {# إجابة}}""#,
        &["xx.json: \"imported\": the plural on {answers} lacks the form(s) zero, two, few, many (this language has zero, one, two, few, many, other)"],
    );
    check_against_english(
        "en",
        r#""check": "Check", "imported": "{answers, plural, one {# answer} few {# answers} other {# answers}}""#,
        &["xx.json: \"imported\": the plural on {answers} has the form(s) few, which this language does not use (it has one, other)"],
    );
}

#[test]
fn the_checker_finds_unreadable_messages_and_unknown_languages() {
    check_against_english(
        "fr",
        r#""check": "Vérifier", "imported": "{answers, plural, one {# réponse}""#,
        &["xx.json: imported: the plural on {answers} has no closing '}'"],
    );
    check_against_english(
        "tlh",
        r#""check": "Check", "imported": "{answers}""#,
        &["xx.json: no plural rule for \"tlh\" (add its CLDR rule to src/i18n/plural.rs)"],
    );
}

#[test]
fn messages_parse_or_say_why_not() {
    for (text, problem) in [
        ("a } b", "an unmatched '}' at character 3"),
        (
            "{Name}",
            "\"{Name\" is not a placeholder (lowercase letters, digits, _)",
        ),
        (
            "{n, select, a {x} other {y}}",
            "{n, select…}: only \"plural\" is known",
        ),
        (
            "{n, plural, one {x}}",
            "the plural on {n} has no \"other\" form",
        ),
        (
            "{n, plural, lots {x} other {y}}",
            "the plural on {n}: \"lots\" is not zero, one, two, few, many, other or =number",
        ),
        ("{n", "\"{n\" is not closed"),
    ] {
        assert_eq!(parse_message(text), Err(problem.to_string()), "{text}");
    }
    assert!(parse_message("# is text outside a plural, {n, plural, =0 {none} other {#}}").is_ok());
}

/// The CLDR category of each number, for a language.
fn check_categories(tag: &str, expected: &[(u64, PluralCategory)]) {
    let rule = rule_for(tag).unwrap_or_else(|| panic!("no rule for {tag}"));
    for (n, category) in expected {
        assert_eq!((rule.select)(*n), *category, "{tag} {n}");
        assert!(rule.categories.contains(category), "{tag} {category:?}");
    }
}

#[test]
fn plural_rules_follow_cldr() {
    use PluralCategory::{Few, Many, One, Other, Two, Zero};
    for tag in ["en", "es", "es-MX"] {
        check_categories(tag, &[(0, Other), (1, One), (2, Other), (21, Other)]);
    }
    for tag in ["fr", "pt-BR"] {
        check_categories(tag, &[(0, One), (1, One), (2, Other), (1_000_000, Other)]);
    }
    check_categories(
        "ar",
        &[
            (0, Zero),
            (1, One),
            (2, Two),
            (3, Few),
            (10, Few),
            (11, Many),
            (99, Many),
            (100, Other),
            (102, Other),
            (103, Few),
            (111, Many),
        ],
    );
    check_categories(
        "ru",
        &[
            (1, One),
            (21, One),
            (11, Many),
            (3, Few),
            (13, Many),
            (25, Many),
        ],
    );
    check_categories(
        "pl",
        &[(1, One), (21, Many), (22, Few), (12, Many), (5, Many)],
    );
    check_categories("ja", &[(1, Other), (2, Other)]);
    assert_eq!(plural::rule_for("tlh").map(|rule| rule.function), None);
}

#[test]
fn plurals_pick_the_form_of_the_number() {
    let imported =
        |tag: &str, answers: &str| fill(words_for(Some(tag)).imported(), &[("answers", answers)]);
    assert_eq!(imported("en", "1"), "Progress loaded: 1 answer.");
    assert_eq!(imported("en", "0"), "Progress loaded: 0 answers.");
    assert_eq!(imported("fr", "0"), "Progression chargée : 0 réponse.");
    assert_eq!(imported("fr", "2"), "Progression chargée : 2 réponses.");
    assert_eq!(imported("es", "1"), "Progreso cargado: 1 respuesta.");
    assert_eq!(imported("es", "0"), "Progreso cargado: 0 respuestas.");
    assert_eq!(imported("pt-BR", "1"), "Progresso carregado: 1 resposta.");
    assert_eq!(
        imported("pt-BR", "0"),
        "Progresso carregado: nenhuma resposta."
    );
    assert_eq!(imported("pt-BR", "3"), "Progresso carregado: 3 respostas.");
    assert_eq!(imported("ar", "2"), "تم تحميل التقدّم: إجابتان.");
    assert_eq!(imported("ar", "7"), "تم تحميل التقدّم: 7 إجابات.");
    assert_eq!(imported("ar", "15"), "تم تحميل التقدّم: 15 إجابة.");
    // A value that is not a whole number takes the `other` form.
    assert_eq!(imported("en", "many"), "Progress loaded: many answers.");
}

#[test]
fn an_exact_form_wins_over_the_category() {
    use super::{Message, Piece};
    use plural::Selector::{Category, Exact};
    const PIECES: &[Piece] = &[Piece::Plural(
        "n",
        &[
            (Exact(0), &[Piece::Text("none")]),
            (
                Category(PluralCategory::One),
                &[Piece::Number, Piece::Text(" thing")],
            ),
            (
                Category(PluralCategory::Other),
                &[Piece::Number, Piece::Text(" things")],
            ),
        ],
    )];
    let message = Message {
        pieces: PIECES,
        rule: plural::one_is_one,
    };
    let count = |n: &str| fill(message, &[("n", n)]);
    assert_eq!(
        [count("0"), count("1"), count("2")],
        ["none", "1 thing", "2 things"]
    );
    assert_eq!(
        parse_message("{n, plural, =0 {none} one {# thing} other {# things}}").map(|p| p.len()),
        Ok(1)
    );
}

#[test]
fn languages_are_found_by_tag_then_language() {
    for (asked, found) in [
        (Some("fr-CA"), "fr"),
        (Some("AR"), "ar"),
        (Some("de"), "en"),
        (Some("es"), "es"),
        (Some("es-MX"), "es"),
        (Some("pt"), "pt-BR"),
        (Some("pt-br"), "pt-BR"),
        (Some("pt_BR"), "pt-BR"),
        (Some("pt-PT"), "pt-BR"),
        (None, "en"),
        (Some(""), "en"),
    ] {
        assert_eq!(words_for(asked).tag, found, "{asked:?}");
    }
    assert_eq!(ENGLISH.tag, "en");
}

#[test]
fn templates_fill_their_placeholders() {
    for words in LANGUAGES {
        let summary = fill(
            words.answered_summary(),
            &[("answers", "12"), ("correct", "9")],
        );
        assert!(
            summary.contains("12") && summary.contains('9') && !summary.contains('{'),
            "{}: {summary}",
            words.tag
        );
        assert!(words.percentage(0.72).contains("72"), "{}", words.tag);
    }
    assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
    assert_eq!(fill("{a} and {b", &[("a", "1")]), "1 and {b");
}

#[test]
fn a_percentage_is_rounded_as_std_rounds_it() {
    // The widget writes percentages with the engine's `fixed_float`, not std's float formatting
    // (which would add about 9 KB to the wasm); both must round the same way, halves included.
    let english = LANGUAGES.iter().find(|words| words.tag == "en").unwrap();
    let mut fractions: Vec<f64> = (0..=2000).map(|step| step as f64 / 2000.0).collect();
    fractions.extend([
        0.125, 0.135, 0.145, 0.005, 0.015, 0.9999, 0.99995, 1e-9, 0.0,
    ]);
    for fraction in fractions {
        let expected = fill(
            english.percent(),
            &[("value", &format!("{:.0}", fraction * 100.0))],
        );
        assert_eq!(english.percentage(fraction), expected, "{fraction}");
    }
}

#[test]
fn a_value_is_never_filled_in_turn() {
    let problem = [("text", "{problem}"), ("problem", "an operator is missing")];
    assert_eq!(
        fill(ENGLISH.unreadable_not_math(), &problem),
        "I cannot read “{problem}” as math: an operator is missing."
    );
    let plural = fill(
        ENGLISH.reason_wrong_count(),
        &[("expected", "2"), ("given", "{expected}")],
    );
    assert_eq!(plural, "The answer has 2 parts; yours has {expected}.");
}

#[test]
fn an_answer_in_a_right_to_left_sentence_is_set_apart_as_left_to_right() {
    let english = words_for(Some("en")).correct_answer_sentence("2(x + 1)");
    assert_eq!(english, "The answer is 2(x + 1).");
    let arabic = words_for(Some("ar"));
    assert!(arabic.right_to_left);
    let sentence = arabic.correct_answer_sentence("-6");
    assert!(sentence.contains("\u{2066}-6\u{2069}"), "{sentence}");
    // The examples of the math hint too.
    assert!(arabic.math_hint().contains("\u{2066}2(x + 1)\u{2069}"));
}

#[test]
fn a_point_asked_for_is_named_in_every_language() {
    let reason = adaptive_practice_engine::answer::VerdictReason::FormAsked {
        form: "point".into(),
    };
    for words in LANGUAGES {
        let said = words.verdict_reason(&reason);
        assert!(
            said.contains(words.form_point()) && said.contains("(x"),
            "{}: {said}",
            words.tag
        );
    }
}
