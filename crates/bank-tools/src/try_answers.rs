//! `try-answers`: an author tries learner answers on a bank without a browser. Each input line
//! is `ITEM<TAB>learner input` (`ITEM` is an item id, or `id#N` for part N of a multi-step item,
//! counted from 1); each output line is `ITEM<TAB>input<TAB>verdict<TAB>reason`, judged by the
//! engine's `check_part` with the bank's reading of numbers, as the widget judges. A
//! template item is judged in its first variant (seed 0). Responses to choices, orderings,
//! blanks and matchings are written as `response_from_line` reads them (`1|3`, `cat|dog`): an
//! entry by its number, or by its text as the learner sees it rendered (`½` for `$\frac{1}{2}$`,
//! `bold` for `**bold**`) or as its Markdown source.

use adaptive_practice_engine::template::instantiate;
use adaptive_practice_engine::{
    check_part, load_bank, response_from_line, verdict_names, Bank, Reading,
};

/// The seed of the template variant that is judged.
pub const TEMPLATE_SEED: u64 = 0;

/// Reads a bank for trying answers: checked when it can be, else read as it is (an author tries
/// answers while the bank is still being written). The second value says why it is not checked.
pub fn read_bank_for_trying(text: &str) -> Result<(Bank, Option<String>), String> {
    let loaded = load_bank(text);
    if let Some(bank) = loaded.bank {
        return Ok((bank, None));
    }
    let errors: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    match serde_json::from_str::<Bank>(text) {
        Ok(bank) => Ok((bank, Some(errors.join("; ")))),
        Err(error) => Err(format!("the bank cannot be read: {error}")),
    }
}

/// The output line for one input line; `Err` says why the line cannot be tried.
pub fn try_answer_line(bank: &Bank, line: &str) -> Result<String, String> {
    let (target, input) = line
        .split_once('\t')
        .ok_or_else(|| format!("no tab between the item and the input: {line:?}"))?;
    let (item_id, part) = match target.rsplit_once('#') {
        Some((id, number)) => match number.parse::<usize>() {
            Ok(number) if number >= 1 => (id, number - 1),
            _ => return Err(format!("{target:?}: a part is numbered from 1 (id#1)")),
        },
        None => (target, 0),
    };
    let item = bank
        .items
        .iter()
        .find(|item| item.id == item_id)
        .ok_or_else(|| format!("{item_id:?} is not an item of the bank"))?;
    let item = instantiate(item, TEMPLATE_SEED)
        .map_err(|problem| format!("{item_id:?}: its template fails: {}", problem.message))?;
    let parts = item.parts();
    let part = parts
        .get(part)
        .ok_or_else(|| format!("{item_id:?} has {} part(s)", parts.len()))?;
    let response = response_from_line(part.kind, input);
    let result = check_part(&item, part, &response, &Reading::of_bank(bank));
    let (verdict, reason) = verdict_names(&result);
    Ok(format!("{target}\t{input}\t{verdict}\t{reason}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BANK: &str = r#"{"id": "t", "version": "1", "title": "T", "skills": [{"id": "s", "name": "S"}],
        "items": [{"id": "half", "skills": ["s"], "type": "singleChoice", "prompt": "Half?",
            "choices": [{"text": "$\\frac{1}{2}$"}, {"text": "**two**"}], "answer": 0}]}"#;

    #[test]
    fn a_choice_is_named_as_the_learner_sees_it() {
        let (bank, problem) = read_bank_for_trying(BANK).unwrap();
        assert_eq!(problem, None);
        let judged = |input: &str| try_answer_line(&bank, &format!("half\t{input}")).unwrap();
        for right in ["½", "1/2", "$\\frac{1}{2}$", "1"] {
            assert_eq!(judged(right), format!("half\t{right}\tright\tok"));
        }
        for wrong in ["two", "**two**", "2"] {
            assert_eq!(judged(wrong), format!("half\t{wrong}\twrong\tnotEqual"));
        }
        assert_eq!(judged("three"), "half\tthree\tunreadable\tpickOne");
    }
}
