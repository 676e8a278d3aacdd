//! Tests of what imported choices, cloze choice gaps, summaries, titles and ids become (the
//! 2026-12-02 new-user trial): shuffled as the source's own tool shuffles them, choice gaps with
//! their choices, counts that add up, titles from the source, ids stable and unshared.

use adaptive_practice_engine::bank::{Item, ItemKind};

use super::*;

fn import(name: &str, text: &str) -> ImportedBank {
    import_bytes(name, text.as_bytes().to_vec(), ImportOptions::default())
        .expect("the source imports")
        .1
}

fn shuffle_of(item: &Item) -> Option<bool> {
    match &item.kind {
        ItemKind::SingleChoice { shuffle, .. } | ItemKind::MultipleResponse { shuffle, .. } => {
            Some(*shuffle)
        }
        _ => None,
    }
}

fn notes(imported: &ImportedBank) -> Vec<String> {
    imported.notes.iter().map(ToString::to_string).collect()
}

const GIFT: &str = "$CATEGORY: $course$/Fractions\n\n\
::half::Which is one half?{=2/4 ~2/3 ~1/3}\n\n\
::all::Which are fractions?{~1/2 ~3/4 =All of the above}\n\n\
::many::Which equal 1/2?{~%50%2/4 ~%50%0.5 ~%-100%1/3}\n\n\
::tf::1/3 is bigger than 1/2.{F}\n";

#[test]
fn gift_choices_are_shuffled_unless_one_names_the_others_by_place() {
    let imported = import("quiz.gift", GIFT);
    let shuffles: Vec<(&str, Option<bool>)> = imported
        .bank
        .items
        .iter()
        .map(|item| (item.id.as_str(), shuffle_of(item)))
        .collect();
    assert_eq!(
        shuffles,
        vec![
            ("half", Some(true)),
            ("all", Some(false)),
            ("many", Some(true)),
            ("tf", Some(false)),
        ]
    );
    assert!(
        notes(&imported)
            .iter()
            .any(|note| note.starts_with("changed: quiz.gift:5:")
                && note.contains("“All of the above” points at the other choices by their place")),
        "{:?}",
        notes(&imported)
    );
}

fn moodle(questions: &str) -> String {
    format!("<?xml version=\"1.0\"?>\n<quiz>\n{questions}\n</quiz>\n")
}

fn multichoice(name: &str, shuffle: &str, answers: &[(&str, &str)]) -> String {
    let answers: String = answers
        .iter()
        .map(|(fraction, text)| {
            format!("<answer fraction=\"{fraction}\"><text>{text}</text></answer>")
        })
        .collect();
    format!(
        "<question type=\"multichoice\"><name><text>{name}</text></name>\
         <questiontext format=\"html\"><text>Pick one.</text></questiontext>\
         <single>true</single>{shuffle}{answers}</question>"
    )
}

#[test]
fn moodle_choices_shuffle_by_default_and_an_explicit_no_is_kept() {
    let text = moodle(
        &[
            multichoice("absent", "", &[("100", "4"), ("0", "5")]),
            multichoice(
                "off",
                "<shuffleanswers>0</shuffleanswers>",
                &[("100", "4"), ("0", "5")],
            ),
            multichoice(
                "on",
                "<shuffleanswers>1</shuffleanswers>",
                &[("100", "4"), ("0", "5")],
            ),
            multichoice(
                "none",
                "",
                &[("0", "4"), ("0", "5"), ("100", "None of the above")],
            ),
        ]
        .concat(),
    );
    let imported = import("moodle.xml", &text);
    let shuffles: Vec<Option<bool>> = imported.bank.items.iter().map(shuffle_of).collect();
    assert_eq!(
        shuffles,
        vec![Some(true), Some(false), Some(true), Some(false)]
    );
}

const CLOZE_ONE: &str = "<question type=\"cloze\"><name><text>sky</text></name>\
<questiontext format=\"html\"><text><![CDATA[<p>The sky on a clear day is \
{1:MULTICHOICE:=blue#Yes~green#No, that is grass~red#No}.</p>]]></text></questiontext></question>";

const CLOZE_TWO: &str = "<question type=\"cloze\"><name><text>colours</text></name>\
<questiontext format=\"html\"><text><![CDATA[<p>The sky is {1:MULTICHOICE:=blue#Yes~green#No} \
and grass is {1:MC:green~=green#ok~yellow}.</p>]]></text></questiontext></question>";

#[test]
fn a_one_gap_choice_cloze_is_a_single_choice_with_its_feedback() {
    let imported = import("cloze.xml", &moodle(CLOZE_ONE));
    let item = &imported.bank.items[0];
    assert_eq!(item.prompt, "The sky on a clear day is \\_\\_\\_\\_\\_.");
    let ItemKind::SingleChoice {
        choices,
        answer,
        shuffle,
    } = &item.kind
    else {
        panic!("a single choice, not {:?}", item.kind);
    };
    let shown: Vec<(&str, Option<&str>)> = choices
        .iter()
        .map(|choice| (choice.text.as_str(), choice.feedback.as_deref()))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("blue", Some("Yes")),
            ("green", Some("No, that is grass")),
            ("red", Some("No")),
        ]
    );
    assert_eq!(*answer, 0);
    assert!(
        !shuffle,
        "Moodle shuffles an embedded choice only in its _S forms"
    );
    assert_eq!(
        notes(&imported),
        vec![
            "changed: question 1 \"sky\" (line 3): its one gap is a choice: the item is a \
              single choice, the gap a line in the prompt, each choice kept with its feedback"
        ]
    );
}

#[test]
fn choice_gaps_among_others_become_drop_downs_and_say_what_was_left_out() {
    let imported = import("cloze.xml", &moodle(CLOZE_TWO));
    let item = &imported.bank.items[0];
    assert_eq!(item.prompt, "The sky is [[1]] and grass is [[2]].");
    let ItemKind::FillBlanks { blanks } = &item.kind else {
        panic!("fill-the-gaps, not {:?}", item.kind);
    };
    let gaps: Vec<(&[String], &[String])> = blanks
        .iter()
        .map(|blank| (blank.choices.as_slice(), blank.answers.as_slice()))
        .collect();
    assert_eq!(
        gaps,
        vec![
            (
                &["blue".to_string(), "green".to_string()][..],
                &["blue".to_string()][..]
            ),
            (
                &["green".to_string(), "yellow".to_string()][..],
                &["green".to_string()][..]
            ),
        ]
    );
    assert_eq!(
        notes(&imported),
        vec![
            "changed: question 1 \"colours\" (line 3): gap 1 is a choice: a drop-down of \
             blue / green",
            "changed: question 1 \"colours\" (line 3): gap 2 is a choice: a drop-down of \
             green / yellow",
            "left out: question 1 \"colours\" (line 3): the feedback in gaps is left out (a gap \
             has no feedback): gap 1 on blue, green; gap 2 on green",
        ]
    );
    assert_eq!(
        imported.headline(),
        "found 1 question, written 1 item, skipped 0 questions; 1 part of written items left out"
    );
}

#[test]
fn the_headline_adds_up_and_only_whole_questions_are_skipped() {
    let essay = "<question type=\"essay\"><name><text>essay</text></name>\
                 <questiontext format=\"html\"><text>Explain.</text></questiontext></question>";
    let partial = "<question type=\"cloze\"><name><text>partial</text></name>\
                   <questiontext format=\"html\"><text>Top: {1:SA:=numerator~%50%top}.</text>\
                   </questiontext></question>";
    let imported = import("moodle.xml", &moodle(&[essay, partial].concat()));
    assert_eq!(
        imported.headline(),
        "found 2 questions, written 1 item, skipped 1 question; 1 part of written items left out"
    );
    let labels: Vec<String> = notes(&imported)
        .iter()
        .map(|note| note.split(':').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(labels, vec!["skipped", "left out"]);
    assert_eq!(
        imported.skipped_count(),
        imported.count("questions skipped")
    );
    assert_eq!(
        ImportOutcome::of(&imported, true),
        ImportOutcome::RefusedByStrict,
        "--strict still refuses a bank with a part left out"
    );
}

#[test]
fn the_title_is_the_source_s_own_else_the_file_name_made_readable() {
    let category = "<question type=\"category\"><category><text>$course$/top/Default for \
                    Maths/Fractions</text></category></question>";
    let one = multichoice("q", "", &[("100", "4"), ("0", "5")]);
    let titled = import("moodle.xml", &moodle(&[category, one.as_str()].concat()));
    assert_eq!(titled.bank.title, "Fractions");
    let untitled = import("my_fraction-quiz.xml", &moodle(&one));
    assert_eq!(untitled.bank.title, "My fraction quiz");
    let gift = import("quiz.gift", "::q::Pick.{=a ~b}");
    assert_eq!(gift.bank.title, "Quiz");
    let two_categories = import(
        "quiz.gift",
        "$CATEGORY: $course$/Maths/Fractions\n\n::q::Pick.{=a ~b}\n\n\
         $CATEGORY: $course$/Maths/Percent\n\n::r::Pick.{=a ~b}",
    );
    assert_eq!(two_categories.bank.title, "Maths");
}

#[test]
fn ids_are_stable_on_reimport_and_differ_between_sources_of_one_name() {
    let first = import("quiz.gift", "::half::Which is one half?{=2/4 ~2/3}");
    let updated = import(
        "quiz.gift",
        "::half::Which is one half, now?{=2/4 ~2/3 ~1/3}\n\n::more::Another.{=a ~b}",
    );
    let other = import("quiz.gift", "::verbs::Pick the verb.{=run ~blue}");
    assert_eq!(
        first.bank.id, updated.bank.id,
        "an updated file keeps its id"
    );
    assert_ne!(
        first.bank.id, other.bank.id,
        "another quiz.gift gets another id"
    );
    assert!(first.bank.id.starts_with("quiz-"), "{}", first.bank.id);
    assert_eq!(first.bank.id.len(), "quiz-".len() + 6);
    let fractions = import(
        "export.xml",
        &moodle(&multichoice("q", "", &[("100", "4"), ("0", "5")])),
    );
    assert!(
        fractions.bank.id.starts_with("export-"),
        "{}",
        fractions.bank.id
    );
}

#[test]
fn a_fixed_qti_choice_keeps_the_order() {
    let item = r#"<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="f" title="f" adaptive="false" timeDependent="false">
<responseDeclaration identifier="R" cardinality="single" baseType="identifier"><correctResponse><value>B</value></correctResponse></responseDeclaration>
<itemBody><choiceInteraction responseIdentifier="R" shuffle="true" maxChoices="1"><prompt>Pick.</prompt>
<simpleChoice identifier="A">2</simpleChoice><simpleChoice identifier="B">4</simpleChoice><simpleChoice identifier="C" fixed="true">Both</simpleChoice>
</choiceInteraction></itemBody></assessmentItem>"#;
    let imported = import("fixed.xml", item);
    assert_eq!(shuffle_of(&imported.bank.items[0]), Some(false));
    assert!(
        notes(&imported)
            .iter()
            .any(|note| note.contains("“Both” is fixed in its place in the source")),
        "{:?}",
        notes(&imported)
    );
    let free = import(
        "free.xml",
        &item.replace(" fixed=\"true\"", "").replace(">Both<", ">6<"),
    );
    assert_eq!(shuffle_of(&free.bank.items[0]), Some(true));
}

#[test]
fn only_choices_that_name_others_by_place_keep_the_order() {
    for pinned in [
        "All of the above",
        "none of the above.",
        "Both A and B",
        "Neither of these",
        "Toutes les réponses",
        "Aucune des réponses ci-dessus",
    ] {
        assert_eq!(
            choice_needing_its_place(["12", pinned]),
            Some(pinned),
            "{pinned}"
        );
    }
    for free in [
        "It is above zero",
        "Below 10",
        "A and B are letters of a long sentence here",
        "12",
    ] {
        assert_eq!(choice_needing_its_place(["7", free]), None, "{free}");
    }
}
