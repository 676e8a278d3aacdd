//! `try-answers`: an author tries learner answers on a bank without a browser. Each input line
//! is `ITEM<TAB>learner input` (`ITEM` is an item id, or `id#N` for part N of a multi-step item,
//! counted from 1; `id#hK` or `id#N#hK` for the scaffold question of hint K, from 1, of the
//! item or of its part N); each output line is `ITEM<TAB>input<TAB>verdict<TAB>reason`, judged by the
//! engine's `check_part` with the bank's reading of numbers, as the widget judges. A
//! template item is judged in its first variant (seed 0). Responses to choices, orderings,
//! blanks and matchings are written as `response_from_line` reads them (`1|3`, `cat|dog`): an
//! entry by its number, or by its text as the learner sees it rendered (`½` for `$\frac{1}{2}$`,
//! `bold` for `**bold**`) or as its Markdown source. A drop-down gap (a blank with `choices`)
//! takes one of its options only, named in the same ways; any other text is `unreadable`
//! (`notAnOption`), as a learner cannot give it.

use adaptive_practice_engine::markup::{parse_inline, plain_text_of_inlines};
use adaptive_practice_engine::template::instantiate;
use adaptive_practice_engine::{
    check_part, check_response_with, load_bank, response_from_line, verdict_names, Bank, ItemKind,
    Reading, Response,
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
    let (rest, hint) = match target.rsplit_once('#') {
        Some((rest, hint)) if hint.starts_with('h') => (rest, Some(numbered(target, &hint[1..])?)),
        _ => (target, None),
    };
    let (item_id, part) = match rest.rsplit_once('#') {
        Some((id, number)) => (id, numbered(target, number)?),
        None => (rest, 0),
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
    let scaffold = match hint {
        None => None,
        Some(number) => Some(
            part.hints
                .get(number)
                .and_then(|hint| hint.scaffold.as_deref())
                .ok_or_else(|| {
                    format!("{target:?}: hint {} has no scaffold question", number + 1)
                })?,
        ),
    };
    let kind = scaffold.map_or(part.kind, |scaffold| &scaffold.kind);
    let mut response = response_from_line(kind, input);
    if let Err(blank) = pick_options(kind, &mut response) {
        return Ok(format!(
            "{target}\t{input}\tunreadable\tnotAnOption (gap {blank} is a drop-down: {})",
            options_of(kind, blank).join(" | ")
        ));
    }
    let reading = Reading::of_bank(bank);
    let result = match scaffold {
        Some(_) => check_response_with(kind, &response, &reading),
        None => check_part(&item, part, &response, &reading),
    };
    let (verdict, reason) = verdict_names(&result);
    Ok(format!("{target}\t{input}\t{verdict}\t{reason}"))
}

/// A part's or a hint's number in `target`, counted from 1, as an index.
fn numbered(target: &str, number: &str) -> Result<usize, String> {
    match number.parse::<usize>() {
        Ok(number) if number >= 1 => Ok(number - 1),
        _ => Err(format!(
            "{target:?}: parts and hints are numbered from 1 (id#2, id#h1, id#2#h1)"
        )),
    }
}

/// A drop-down gap takes one of its options only, as the learner picks it: named by its source
/// or by its text as shown (`½` for `$\frac{1}{2}$`), the option's source is judged. `Err`
/// gives the gap (from 1) whose text is no option.
fn pick_options(kind: &ItemKind, response: &mut Response) -> Result<(), usize> {
    let (ItemKind::FillBlanks { blanks }, Response::Blanks(given)) = (kind, response) else {
        return Ok(());
    };
    for (number, (blank, text)) in blanks.iter().zip(given.iter_mut()).enumerate() {
        if blank.choices.is_empty() || text.trim().is_empty() {
            continue;
        }
        let wanted = text.trim();
        let option = blank.choices.iter().find(|option| {
            option.trim() == wanted || plain_text_of_inlines(&parse_inline(option)).trim() == wanted
        });
        match option {
            Some(option) => option.clone_into(text),
            None => return Err(number + 1),
        }
    }
    Ok(())
}

/// The options of drop-down gap `blank` (from 1), as shown.
fn options_of(kind: &ItemKind, blank: usize) -> Vec<String> {
    let ItemKind::FillBlanks { blanks } = kind else {
        return Vec::new();
    };
    blanks.get(blank - 1).map_or_else(Vec::new, |blank| {
        blank
            .choices
            .iter()
            .map(|option| plain_text_of_inlines(&parse_inline(option)))
            .collect()
    })
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

    const DROP_DOWN: &str = r#"{"id": "t", "version": "1", "title": "T", "skills": [{"id": "s", "name": "S"}],
        "items": [{"id": "steam", "skills": ["s"], "type": "fillBlanks", "prompt": "It is a [[1]] at [[2]] °C.",
            "blanks": [{"answers": ["gas"], "choices": ["solid", "*liquid*", "gas"]},
                       {"numeric": "100", "choices": ["0", "100"]}]}]}"#;

    #[test]
    fn a_drop_down_gap_takes_only_its_options() {
        let (bank, problem) = read_bank_for_trying(DROP_DOWN).unwrap();
        assert_eq!(problem, None);
        let judged = |input: &str| try_answer_line(&bank, &format!("steam\t{input}")).unwrap();
        assert_eq!(judged("gas|100"), "steam\tgas|100\tright\tok");
        assert_eq!(judged("liquid|100"), "steam\tliquid|100\twrong\tnotEqual");
        assert_eq!(
            judged("steam|100"),
            "steam\tsteam|100\tunreadable\tnotAnOption (gap 1 is a drop-down: solid | liquid | gas)"
        );
        assert_eq!(
            judged("gas|100.0"),
            "steam\tgas|100.0\tunreadable\tnotAnOption (gap 2 is a drop-down: 0 | 100)"
        );
    }

    const SCAFFOLDS: &str = r#"{"id": "t", "version": "1", "title": "T", "language": "fr",
        "skills": [{"id": "s", "name": "S"}],
        "items": [{"id": "two", "skills": ["s"], "type": "multiStep", "prompt": "Résoudre $2x + 3 = 20$.",
            "steps": [{"prompt": "Que vaut $2x$ ?", "type": "numeric", "answer": 17,
                       "hints": ["Retirer 3.", {"scaffold": {"prompt": "$20 - 3$ ?", "type": "numeric", "answer": 17}}]},
                      {"prompt": "Que vaut $x$ ?", "type": "numeric", "answer": 8.5,
                       "hints": [{"text": "Diviser.", "scaffold": {"prompt": "$17 / 2$ ?", "type": "numeric", "answer": 8.5}}]}]}]}"#;

    #[test]
    fn a_hints_scaffold_is_judged_in_the_banks_language() {
        let (bank, problem) = read_bank_for_trying(SCAFFOLDS).unwrap();
        assert_eq!(problem, None);
        let judged = |line: &str| try_answer_line(&bank, line);
        assert_eq!(judged("two#1#h2\t17").unwrap(), "two#1#h2\t17\tright\tok");
        assert_eq!(judged("two#h2\t16").unwrap(), "two#h2\t16\twrong\tnotEqual");
        assert_eq!(
            judged("two#2#h1\t8,500").unwrap(),
            "two#2#h1\t8,500\tright\tok"
        );
        assert_eq!(
            judged("two#1#h1\t17").unwrap_err(),
            "\"two#1#h1\": hint 1 has no scaffold question"
        );
        assert_eq!(
            judged("two#2#h0\t1").unwrap_err(),
            "\"two#2#h0\": parts and hints are numbered from 1 (id#2, id#h1, id#2#h1)"
        );
    }
}
