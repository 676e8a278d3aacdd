//! Moodle XML importer tests on `tests/xml-sources/moodle/every-type.xml`, written for this
//! project in the shape Moodle's export gives: every question converts with its right answer
//! judged right by the engine, or is listed as skipped with a reason.

use expect_test::expect;

use super::import_moodle_xml;
use crate::import::qti::tests::{judge_every_item, source};
use crate::import::NoteKind;

#[test]
fn every_question_type_converts_or_is_skipped_with_a_reason() {
    let imported = import_moodle_xml(&source("moodle/every-type.xml")).unwrap();
    let converted = judge_every_item(&imported).join("\n");
    expect![[r#"
        even-number: singleChoice
        primes: multipleResponse
        half-is-more-than-a-third: singleChoice
        top-number: shortText
        side-length: numeric
        fractions-and-decimals: matching
        fraction-words-cloze: fillBlanks
        states-of-water: fillBlanks
        product: numeric"#]]
    .assert_eq(&converted);
    let skipped_questions: Vec<String> = imported
        .notes
        .iter()
        .filter(|note| note.kind == NoteKind::Skipped && !note.source.contains(") line "))
        .map(ToString::to_string)
        .collect();
    expect![[r#"
        skipped: question 10 "Cloze with several answers" (line 280): an embedded MULTIRESPONSE answer cannot be a gap
        skipped: question 12 "Explain" (line 305): an essay is marked by a teacher; the widget cannot judge it
        skipped: question 13 "Read this" (line 316): a description has nothing to answer
        skipped: question 15 "Pick the sum" (line 394): calculated multiple choice (formulas in choices) is not converted; write it as a bank template"#]]
    .assert_eq(&skipped_questions.join("\n"));
    assert_eq!(
        imported.summary_line(),
        "questions 13, items written 9, questions skipped 4"
    );
}

#[test]
fn categories_images_hints_feedback_units_and_cloze_are_kept() {
    let imported = import_moodle_xml(&source("moodle/every-type.xml")).unwrap();
    let skills: Vec<&str> = imported
        .bank
        .skills
        .iter()
        .map(|skill| skill.name.as_str())
        .collect();
    assert_eq!(skills, vec!["Fractions", "Words and numbers"]);
    let items = &imported.bank.items;
    assert_eq!(
        items[0].prompt,
        "Which number is **even**?\n\n![A square](media/even-number/square-box.svg)"
    );
    assert_eq!(imported.media.len(), 1);
    let svg = String::from_utf8(imported.media[0].bytes.clone()).unwrap();
    assert!(svg.starts_with("<svg"), "the embedded file is decoded");
    assert_eq!(items[0].hints.len(), 1, "an empty hint is left out");
    assert_eq!(
        items[0].solution.as_deref(),
        Some("A number is even when 2 divides it: $12 = 6 \\times 2$.")
    );
    let json = |index: usize| serde_json::to_value(&items[index].kind).unwrap();
    assert_eq!(
        json(0)["choices"][0]["feedback"],
        "7 leaves 1 when divided by 2."
    );
    assert_eq!(json(3)["pattern"], "the numer*");
    assert_eq!(json(3)["misconceptions"][0]["answer"], "denominator");
    assert_eq!(json(4)["unit"], "cm");
    assert_eq!(json(4)["tolerance"], 0.1);
    assert_eq!(json(5)["distractors"][0], "0.4");
    assert_eq!(
        items[6].prompt,
        "In 3/4, 3 is the [[1]] and 4 is the [[2]]; 3/4 = [[3]]."
    );
    assert_eq!(
        json(6)["blanks"][1]["choices"],
        serde_json::json!(["numerator", "denominator"])
    );
    assert_eq!(json(6)["blanks"][2]["tolerance"], 0.01);
    let product = &items[8];
    assert_eq!(
        product.prompt,
        "What is {{a}} × {{b}}? (Half of it is {{a*b/2}}.)"
    );
    assert_eq!(
        product.solution.as_deref(),
        Some("Multiply {{a}} by {{b}}.")
    );
    assert_eq!(json(8)["answer"], "{{a*b}}");
    assert_eq!(json(8)["relativeTolerance"], 0.01);
    let template = serde_json::to_value(product.template.as_ref().unwrap()).unwrap();
    assert_eq!(template["variables"]["b"]["step"], 0.1);
}

#[test]
fn a_file_that_is_not_a_moodle_quiz_is_an_error() {
    let error = import_moodle_xml(&source("qti2/essay.xml")).unwrap_err();
    assert!(
        error.ends_with("<assessmentItem> is not a Moodle <quiz>"),
        "{error}"
    );
}

#[test]
fn an_escaped_star_is_a_literal_star_not_a_wildcard() {
    let file = std::env::temp_dir().join(format!("moodle-star-{}.xml", std::process::id()));
    std::fs::write(
        &file,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="shortanswer">
    <name><text>Star</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which key multiplies on a calculator?</p>]]></text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>\*</text></answer>
  </question>
</quiz>"#,
    )
    .unwrap();
    let imported = import_moodle_xml(&file).unwrap();
    let json = serde_json::to_value(&imported.bank.items[0].kind).unwrap();
    assert_eq!(json["answers"][0], "*");
    assert!(json["pattern"].is_null(), "{json}");
    std::fs::remove_file(&file).ok();
}

#[test]
fn feedback_on_a_typed_right_answer_is_listed_as_left_out() {
    let file =
        std::env::temp_dir().join(format!("moodle-right-feedback-{}.xml", std::process::id()));
    std::fs::write(
        &file,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="shortanswer">
    <name><text>Capital</text></name>
    <questiontext format="html"><text>The capital of France?</text></questiontext>
    <answer fraction="100"><text>Paris</text><feedback format="html"><text><![CDATA[<p>Yes: Paris.</p>]]></text></feedback></answer>
    <answer fraction="0"><text>Lyon</text><feedback format="html"><text>Not the capital.</text></feedback></answer>
  </question>
  <question type="numerical">
    <name><text>Rope</text></name>
    <questiontext format="html"><text>Two ropes of 1.5 m, end to end: how many metres?</text></questiontext>
    <answer fraction="100"><text>3</text><feedback format="html"><text>Right.</text></feedback><tolerance>0</tolerance></answer>
    <answer fraction="0"><text>1.5</text><feedback format="html"><text>One rope only.</text></feedback><tolerance>0</tolerance></answer>
  </question>
</quiz>"#,
    )
    .unwrap();
    let imported = import_moodle_xml(&file).unwrap();
    std::fs::remove_file(&file).ok();
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    expect![[r#"
        left out: question 1 "Capital" (line 3) line 6: the feedback on the right answer “Paris” (“Yes: Paris.”): a typed answer has feedback for wrong answers only
        left out: question 2 "Rope" (line 9) line 12: the feedback on the right answer “3” (“Right.”): a typed answer has feedback for wrong answers only"#]]
    .assert_eq(&notes.join("\n"));
    assert_eq!(imported.bank.items.len(), 2, "both questions are written");
}

#[test]
fn a_calculated_question_keeps_its_wrong_formulas_with_feedback_and_its_unit() {
    let file = std::env::temp_dir().join(format!("moodle-calculated-{}.xml", std::process::id()));
    let dataset = |name: &str| {
        format!(
            "<dataset_definition><name><text>{name}</text></name><distribution><text>uniform</text></distribution>\
             <minimum><text>2</text></minimum><maximum><text>9</text></maximum><decimals><text>0</text></decimals></dataset_definition>"
        )
    };
    std::fs::write(
        &file,
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="calculated">
    <name><text>Area</text></name>
    <questiontext format="html"><text>A rectangle is {{a}} cm by {{b}} cm. What is its area?</text></questiontext>
    <answer fraction="100"><text>{{a}}*{{b}}</text><tolerance>0.01</tolerance><tolerancetype>1</tolerancetype><feedback format="html"><text>Well done.</text></feedback></answer>
    <answer fraction="50"><text>{{a}}*{{b}}/2</text><tolerance>0.01</tolerance><tolerancetype>1</tolerancetype></answer>
    <answer fraction="0"><text>2*({{a}}+{{b}})</text><tolerance>0.01</tolerance><tolerancetype>1</tolerancetype><feedback format="html"><text>That is the perimeter of {{a}} by {{b}}.</text></feedback></answer>
    <units><unit><multiplier>1</multiplier><unit_name>cm^2</unit_name></unit></units>
    <dataset_definitions>{}{}</dataset_definitions>
  </question>
</quiz>"#,
            dataset("a"),
            dataset("b")
        ),
    )
    .unwrap();
    let imported = import_moodle_xml(&file).unwrap();
    std::fs::remove_file(&file).ok();
    let json = serde_json::to_value(&imported.bank.items[0].kind).unwrap();
    assert_eq!(json["answer"], "{{a*b}}");
    assert_eq!(
        json["misconceptions"],
        serde_json::json!([{ "answer": "{{2*(a+b)}}", "feedback": "That is the perimeter of {{a}} by {{b}}." }])
    );
    assert_eq!(json["unit"], "cm^2");
    assert_eq!(judge_every_item(&imported), vec!["area: numeric"]);
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    expect![[r#"
        left out: question 1 "Area" (line 3) line 6: the feedback on the right answer “{a}*{b}” (“Well done.”): a typed answer has feedback for wrong answers only
        left out: question 1 "Area" (line 3) line 7: the formula {a}*{b}/2 for 50% credit is left out (judged wrong): a template has one right formula"#]]
    .assert_eq(&notes.join("\n"));
}
