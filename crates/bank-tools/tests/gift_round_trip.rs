//! Round trip bank → GIFT → bank on every sample bank of `www/banks/`: every item the exporter
//! writes comes back as the same item, compared field by field once the fields GIFT cannot hold
//! (hints, difficulty, units, …; each one a note of the exporter) are set aside; the items GIFT
//! cannot hold at all are listed below, with the reason the exporter gives.

use std::path::PathBuf;

use adaptive_practice_bank_tools::export::gift::export_gift;
use adaptive_practice_bank_tools::import::gift::import_gift_text;
use adaptive_practice_bank_tools::import::NoteKind;
use adaptive_practice_engine::{check_response, Bank, Item};
use expect_test::expect;
use serde_json::Value;

fn sample_banks() -> Vec<(String, Bank)> {
    let mut banks = banks_in(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../www/banks"));
    assert!(banks.len() >= 5, "the sample banks: {banks:?}");
    banks.extend(banks_in(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gift"),
    ));
    banks
}

fn banks_in(folder: &std::path::Path) -> Vec<(String, Bank)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let bank: Bank = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, bank)
        })
        .collect()
}

/// A number as compared: rounded to nine decimals.
fn rounded(value: f64) -> Value {
    serde_json::json!((value * 1e9).round() / 1e9)
}

fn number_value(value: &Value) -> Value {
    match value {
        Value::String(text) => rounded(
            adaptive_practice_engine::parse_number(text)
                .unwrap_or_else(|| panic!("{text:?} is not a number")),
        ),
        Value::Number(number) => rounded(number.as_f64().unwrap_or(f64::NAN)),
        other => other.clone(),
    }
}

/// The item as GIFT holds it: what GIFT has no place for set aside (the exporter says so in a
/// note), numbers compared by value, the skill by its name.
fn as_gift_holds(item: &Item, bank: &Bank) -> Value {
    let mut value = serde_json::to_value(item).unwrap_or_default();
    let fields = value.as_object_mut().expect("an item is an object");
    for field in [
        "hints",
        "difficulty",
        "template",
        "shuffle",
        "unit",
        "convertUnits",
        "form",
    ] {
        fields.remove(field);
    }
    let skill = item.skills.first().cloned().unwrap_or_default();
    let name = bank
        .skills
        .iter()
        .find(|known| known.id == skill)
        .map_or(skill.clone(), |known| known.name.clone());
    fields.insert("skills".into(), serde_json::json!([name]));
    if fields.get("type") == Some(&Value::String("numeric".into())) {
        let answer = number_value(&fields["answer"]);
        let relative = fields
            .remove("relativeTolerance")
            .and_then(|relative| relative.as_f64())
            .unwrap_or(0.0);
        let absolute = fields["tolerance"].as_f64().unwrap_or(0.0);
        let tolerance = absolute.max(relative * answer.as_f64().unwrap_or(0.0).abs());
        fields.insert(
            "tolerance".into(),
            if tolerance > 0.0 {
                rounded(tolerance)
            } else {
                Value::Null
            },
        );
        fields.insert("answer".into(), answer);
        if let Some(Value::Array(misconceptions)) = fields.get_mut("misconceptions") {
            for misconception in misconceptions {
                misconception["answer"] = number_value(&misconception["answer"]);
            }
        }
    }
    if fields.get("type") == Some(&Value::String("shortText".into())) {
        fields.insert("caseSensitive".into(), Value::Bool(false));
        fields.insert("ignoreAccents".into(), Value::Bool(true));
    }
    if let Some(Value::Array(blanks)) = fields.get_mut("blanks") {
        for blank in blanks {
            blank["caseSensitive"] = Value::Bool(false);
            if !blank["numeric"].is_null() {
                blank["numeric"] = number_value(&blank["numeric"]);
            }
        }
    }
    value
}

#[test]
fn every_sample_bank_survives_gift_and_back_for_every_item_gift_can_hold() {
    let mut left_out = Vec::new();
    for (name, bank) in sample_banks() {
        let exported = export_gift(&bank);
        let reimported = import_gift_text(&exported.text, &format!("{name}.gift"), &name);
        let skipped_on_import: Vec<String> = reimported.skipped_notes();
        assert!(
            skipped_on_import.is_empty(),
            "{name}: {skipped_on_import:#?}"
        );
        let not_held: Vec<&str> = exported
            .notes
            .iter()
            .filter(|note| note.kind == NoteKind::Skipped)
            .map(|note| note.source.as_str())
            .collect();
        assert_eq!(not_held.len(), exported.left_out);
        let held: Vec<&Item> = bank
            .items
            .iter()
            .filter(|item| !not_held.contains(&item.id.as_str()))
            .collect();
        assert_eq!(held.len(), exported.written, "{name}");
        assert_eq!(
            reimported.bank.items.len(),
            held.len(),
            "{name}: items back"
        );
        for (original, back) in held.iter().zip(&reimported.bank.items) {
            assert_eq!(
                as_gift_holds(original, &bank),
                as_gift_holds(back, &reimported.bank),
                "{name}: {} changed on the way",
                original.id
            );
            let response = back.kind.correct_response().expect("a response");
            let outcome = check_response(&back.kind, &response).expect("readable");
            assert!(
                outcome.correct,
                "{name}: {}: its answer is judged wrong",
                back.id
            );
        }
        for note in exported
            .notes
            .iter()
            .filter(|note| note.kind == NoteKind::Skipped)
        {
            let kind = bank
                .items
                .iter()
                .find(|item| item.id == note.source)
                .map_or("", |item| item.type_name());
            left_out.push(format!(
                "{name}: {} ({kind}): {}",
                note.source, note.message
            ));
        }
    }
    expect![[r#"
        algebra: evaluate-02 (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        algebra: simplify-01 (mathExpression): a math expression judged by value: GIFT short answers compare text
        algebra: simplify-02 (mathExpression): a math expression judged by value: GIFT short answers compare text
        algebra: simplify-03 (mathExpression): a math expression judged by value: GIFT short answers compare text
        algebra: simplify-04 (mathExpression): a math expression judged by value: GIFT short answers compare text
        algebra: simplify-05 (mathExpression): a math expression judged by value: GIFT short answers compare text
        algebra: simplify-07 (fillBlanks): fill-the-gaps with 2 gaps: a GIFT question has one answer block
        algebra: one-step-03 (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        algebra: one-step-05 (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        algebra: two-step-01 (multiStep): a multi-step item: GIFT questions have one answer block
        algebra: two-step-02 (fillBlanks): fill-the-gaps with 3 gaps: a GIFT question has one answer block
        algebra: two-step-03 (ordering): an ordering: GIFT has no ordering question
        algebra: two-step-04 (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        algebra: two-step-08 (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        algebra: both-sides-01 (multiStep): a multi-step item: GIFT questions have one answer block
        algebra: both-sides-04 (fillBlanks): fill-the-gaps with 3 gaps: a GIFT question has one answer block
        algebra: both-sides-05 (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        algebra: both-sides-06 (ordering): an ordering: GIFT has no ordering question
        algebra: word-01 (mathExpression): a math expression judged by value: GIFT short answers compare text
        algebra: word-02 (multiStep): a multi-step item: GIFT questions have one answer block
        algebra: word-03 (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        algebra: word-08 (multiStep): a multi-step item: GIFT questions have one answer block
        fractions: add-like-template (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        fractions: equivalent-template (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        fractions: unlike-template (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        item-types: expression (mathExpression): a math expression judged by value: GIFT short answers compare text
        item-types: ordering (ordering): an ordering: GIFT has no ordering question
        item-types: blanks (fillBlanks): fill-the-gaps with 2 gaps: a GIFT question has one answer block
        item-types: steps (multiStep): a multi-step item: GIFT questions have one answer block
        item-types: template (numeric): a template (its numbers change with each variant): GIFT holds fixed questions
        sciences-fr: etat-02 (fillBlanks): fill-the-gaps with 3 gaps: a GIFT question has one answer block
        sciences-fr: changement-04 (fillBlanks): fill-the-gaps with 2 gaps: a GIFT question has one answer block
        sciences-fr: changement-06 (ordering): an ordering: GIFT has no ordering question
        sciences-fr: cycle-01 (ordering): an ordering: GIFT has no ordering question
        sciences-fr: cycle-05 (fillBlanks): fill-the-gaps with 3 gaps: a GIFT question has one answer block
        sciences-fr: meteo-05 (fillBlanks): fill-the-gaps with 2 gaps: a GIFT question has one answer block
        special-characters: gap-at-the-end (fillBlanks): its gap ends the prompt: GIFT reads an answer block at the end as the question's answers, not as a gap"#]].assert_eq(&left_out.join("\n"));
}

/// A tiny seeded generator for the property loop (no dependency).
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A bank text made of pieces GIFT must escape or convert.
fn random_text(state: &mut u64) -> String {
    const PIECES: &[&str] = &[
        "a",
        "b c",
        "12",
        "#",
        "~",
        "=",
        "{",
        "}",
        ":",
        "\\\\",
        "$x^{2}$",
        "$$\\frac{1}{2}$$",
        "%",
        "*",
        "->",
        "//",
        "[x]",
        "\n",
        "\n\n",
        "é",
        "’",
        "1. ",
        "__",
        "\\*",
    ];
    let count = 1 + next(state) % 6;
    let text: String = (0..count)
        .map(|_| PIECES[(next(state) % PIECES.len() as u64) as usize])
        .collect();
    let trimmed = text.trim();
    if trimmed.is_empty() {
        "a".into()
    } else {
        trimmed.to_string()
    }
}

fn random_item(index: usize, state: &mut u64) -> Value {
    let text = |state: &mut u64| random_text(state);
    let id = format!("item-{index}");
    let prompt = text(state);
    let mut item = match next(state) % 6 {
        0 => serde_json::json!({
            "type": "singleChoice",
            "choices": [{ "text": format!("1 {}", text(state)), "feedback": text(state) }, { "text": format!("2 {}", text(state)) }],
            "answer": next(state) % 2
        }),
        1 => serde_json::json!({
            "type": "multipleResponse",
            "choices": [{ "text": format!("1 {}", text(state)) }, { "text": format!("2 {}", text(state)) }, { "text": "3" }],
            "answers": [0, 2]
        }),
        2 => serde_json::json!({
            "type": "numeric",
            "answer": format!("{}", (next(state) % 2000) as f64 / 8.0 - 100.0),
            "tolerance": 0.5,
            "misconceptions": [{ "answer": 1000, "feedback": text(state) }]
        }),
        3 => serde_json::json!({
            "type": "shortText",
            "answers": ["word", "two words"],
            "misconceptions": [{ "answer": "other", "feedback": text(state) }]
        }),
        4 => serde_json::json!({
            "type": "matching",
            "pairs": [{ "left": format!("1 {}", text(state)).replace("->", "to"), "right": format!("x {}", text(state)) },
                      { "left": "2", "right": "y" }],
            "distractors": ["z"]
        }),
        _ => serde_json::json!({
            "type": "fillBlanks",
            "blanks": [{ "answers": ["gap"] }]
        }),
    };
    let prompt = if item["type"] == "fillBlanks" {
        format!("{prompt} [[1]] end")
    } else {
        prompt
    };
    let fields = item.as_object_mut().expect("an object");
    fields.insert("id".into(), Value::String(id));
    fields.insert("skills".into(), serde_json::json!(["s"]));
    fields.insert("prompt".into(), Value::String(prompt));
    if next(state).is_multiple_of(2) {
        fields.insert("solution".into(), Value::String(text(state)));
    }
    item
}

#[test]
fn random_items_of_every_type_gift_holds_come_back_the_same() {
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let (mut compared, mut skipped) = (0, 0);
    for round in 0..300 {
        let items: Vec<Value> = (0..6).map(|index| random_item(index, &mut state)).collect();
        let bank: Bank = serde_json::from_value(serde_json::json!({
            "id": "r", "version": "1", "title": "r",
            "skills": [{ "id": "s", "name": "S" }],
            "items": items
        }))
        .unwrap_or_else(|error| panic!("round {round}: {error}"));
        let exported = export_gift(&bank);
        assert_eq!(exported.left_out, 0, "round {round}: {:#?}", exported.notes);
        let back = import_gift_text(&exported.text, "r.gift", "r");
        assert_eq!(
            back.bank.items.len(),
            bank.items.len(),
            "round {round}: {:#?}\n{}",
            back.notes,
            exported.text
        );
        // A random text the bank's own checker refuses (math a digit follows, `$x$1`) is
        // repaired on the way back (`$x$ 1`): only texts a valid bank can hold must come back
        // the same.
        let refused: Vec<String> =
            adaptive_practice_engine::load_bank(&serde_json::to_string(&bank).expect("JSON"))
                .diagnostics
                .iter()
                .filter(|diagnostic| {
                    diagnostic.severity == adaptive_practice_engine::Severity::Error
                })
                .map(|diagnostic| diagnostic.path.clone())
                .collect();
        for (original, returned) in bank.items.iter().zip(&back.bank.items) {
            compared += 1;
            if refused
                .iter()
                .any(|path| path.contains(&format!("(\"{}\")", original.id)))
            {
                skipped += 1;
                continue;
            }
            assert_eq!(
                as_gift_holds(original, &bank),
                as_gift_holds(returned, &back.bank),
                "round {round}: {}\n{}",
                original.id,
                exported.text
            );
        }
    }
    assert!(
        skipped * 10 < compared,
        "{skipped} of {compared} random items were refused by the checker: the generator must make valid banks"
    );
}

/// GIFT has no drop-down: a one-gap drop-down is written as a missing-word multiple choice (its
/// options in order, `=` the one right option) and comes back as a single-choice item with the
/// gap as a line, the same options and the same right one; a drop-down with two right options
/// or with another gap is left out with its reason.
#[test]
fn drop_down_gaps_come_back_as_missing_word_choices() {
    let (_, bank) = banks_in(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/round-trip"))
        .into_iter()
        .find(|(name, _)| name == "drop-downs")
        .expect("tests/round-trip/drop-downs.json");
    let exported = export_gift(&bank);
    let left_out: Vec<String> = exported
        .notes
        .iter()
        .filter(|note| note.kind != NoteKind::Changed)
        .map(ToString::to_string)
        .collect();
    expect![[r#"
        skipped: two-right-options: a drop-down gap with 2 right options: a GIFT missing-word choice has one
        skipped: typed-and-drop-down: fill-the-gaps with 2 gaps: a GIFT question has one answer block"#]]
    .assert_eq(&left_out.join("\n"));
    assert!(
        exported
            .text
            .contains("Steam is water as a {~solid ~liquid =gas}, above"),
        "{}",
        exported.text
    );
    let back = import_gift_text(&exported.text, "drop-downs.gift", "drop-downs");
    assert_eq!(back.bank.items.len(), 2, "{:#?}", back.notes);
    for returned in &back.bank.items {
        let original = bank
            .items
            .iter()
            .find(|item| item.id == returned.id)
            .expect("an item of the bank");
        let adaptive_practice_engine::ItemKind::FillBlanks { blanks } = &original.kind else {
            panic!("{}: a fill-the-gaps item", original.id);
        };
        let adaptive_practice_engine::ItemKind::SingleChoice {
            choices, answer, ..
        } = &returned.kind
        else {
            panic!(
                "{}: a single choice, not {}",
                returned.id,
                returned.type_name()
            );
        };
        let options: Vec<&str> = choices.iter().map(|choice| choice.text.as_str()).collect();
        assert_eq!(options, blanks[0].choices, "{}", returned.id);
        let picked = adaptive_practice_engine::Response::Blanks(vec![options[*answer].into()]);
        assert!(
            check_response(&original.kind, &picked).is_ok_and(|outcome| outcome.correct),
            "{}: the right option changed",
            returned.id
        );
        assert_eq!(
            returned.prompt,
            original.prompt.replace("[[1]]", "\\_\\_\\_\\_\\_"),
            "{}",
            returned.id
        );
    }
}
