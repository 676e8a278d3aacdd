//! `calibrate`: a bank's calibration block fitted from an answer log in the kt format
//! (tab-separated, header `user_id item_id timestamp correct skill_id`, each learner's rows in
//! answer order), by the engine's one fitting function (`bank_calibration::fit_bank_calibration`).

use adaptive_practice_engine::bank_calibration::{fit_bank_calibration, ClassAnswer, ClassCheck};
use adaptive_practice_engine::calibrated_model::ModelSettings;
use adaptive_practice_engine::{load_bank, Bank, Severity};

/// What calibrating gave: the bank with the class's block (or, when the class's held-out answers
/// found it no better than the bank without one, the bank as it was), and what was used.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibrated {
    pub bank: Bank,
    /// Whether the bank got the class's block.
    pub block_written: bool,
    /// The check inside the class (`None`: one learner, nothing to check against).
    pub check: Option<ClassCheck>,
    pub used_answers: usize,
    pub skipped_answers: usize,
    pub learners: usize,
    pub items: usize,
}

impl Calibrated {
    /// The lines the command prints: what was used, then what the bank got and why.
    pub fn summary(&self) -> String {
        let used = format!(
            "used {} answer(s) of {} learner(s) on {} item(s); skipped {} answer(s) of items not in the bank",
            self.used_answers, self.learners, self.items, self.skipped_answers
        );
        let outcome = match (&self.check, self.block_written) {
            (Some(check), true) => format!(
                "calibration block written: fitted without them, it predicts each learner's answers better than the bank without a block (log-loss {:.4} vs {:.4})",
                check.block_log_loss, check.without_block_log_loss
            ),
            (Some(check), false) => format!(
                "no calibration block written: the class's {} answers are too few to improve on the bank without a block (fitted without them, it predicts each learner's answers worse: log-loss {:.4} vs {:.4}); the bank is unchanged",
                self.used_answers, check.block_log_loss, check.without_block_log_loss
            ),
            (None, _) => "no calibration block written: the answers of one learner cannot be checked against another's; the bank is unchanged".to_string(),
        };
        format!("{used}\n{outcome}")
    }
}

/// Reads the answer log: the `user_id`, `item_id` and `correct` columns (0 or 1) are needed,
/// `timestamp` (seconds, 0 when unknown) is read when present, other columns are ignored. A step
/// of a multi-step item is `item#step` (from 0), as the teacher page's download writes it. A
/// byte-order mark (a spreadsheet's) is skipped. An error names its line (`line 4: ...`).
pub fn read_answer_log(text: &str) -> Result<Vec<ClassAnswer>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err("the answer log is empty (expected a header line)".into());
    };
    let names: Vec<&str> = header.split('\t').map(str::trim).collect();
    let column = |name: &str| names.iter().position(|found| *found == name);
    let (Some(user), Some(item), Some(correct)) =
        (column("user_id"), column("item_id"), column("correct"))
    else {
        return Err(format!(
            "line 1: the header needs the tab-separated columns user_id, item_id, correct (and \
             timestamp, skill_id); found {header:?}"
        ));
    };
    let timestamp = column("timestamp");
    let mut answers = Vec::new();
    for (line_number, line) in lines {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let field = |index: usize| fields.get(index).copied().unwrap_or("");
        if fields.len() != names.len() {
            return Err(format!(
                "line {line_number}: expected {} tab-separated fields like the header, found {}",
                names.len(),
                fields.len()
            ));
        }
        if field(user).is_empty() || field(item).is_empty() {
            return Err(format!("line {line_number}: empty user_id or item_id"));
        }
        let correct = match field(correct) {
            "1" => true,
            "0" => false,
            other => {
                return Err(format!(
                    "line {line_number}: correct must be 0 or 1, found {other:?}"
                ))
            }
        };
        let seconds = match timestamp.map(field) {
            None | Some("") => 0.0,
            Some(text) => match text.parse::<f64>() {
                Ok(value) if value.is_finite() && value >= 0.0 => value,
                _ => {
                    return Err(format!(
                        "line {line_number}: timestamp must be a number of seconds, found {text:?}"
                    ))
                }
            },
        };
        let (item_id, part) = item_and_step(field(item));
        answers.push(ClassAnswer {
            learner: field(user).to_string(),
            item_id: item_id.to_string(),
            part,
            correct,
            seconds,
        });
    }
    Ok(answers)
}

/// An `item_id` of the log as the item's id and its step: `item#2` is step 2 of `item`; an id
/// whose text after its last `#` is not a number is a whole item's.
fn item_and_step(item_id: &str) -> (&str, Option<usize>) {
    match item_id.rsplit_once('#') {
        Some((item, step)) if !item.is_empty() => match step.parse::<usize>() {
            Ok(step) => (item, Some(step)),
            Err(_) => (item_id, None),
        },
        _ => (item_id, None),
    }
}

/// Calibrates the bank `bank_text` from the answer log `log_text`. Errors: a bank with an error,
/// a malformed log, no answer on an item of the bank.
pub fn calibrate(bank_text: &str, log_text: &str) -> Result<Calibrated, String> {
    let loaded = load_bank(bank_text);
    let Some(mut bank) = loaded.bank else {
        let errors: Vec<String> = loaded
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        return Err(format!("the bank has errors:\n{}", errors.join("\n")));
    };
    let mut answers = read_answer_log(log_text)?;
    // An item whose own id ends in `#` and a number is that item, not a step of another.
    for answer in &mut answers {
        if let Some(step) = answer.part {
            let whole = format!("{}#{step}", answer.item_id);
            if bank.items.iter().any(|item| item.id == whole) {
                answer.item_id = whole;
                answer.part = None;
            }
        }
    }
    if answers.is_empty() {
        return Err("the answer log has a header but no answers".into());
    }
    let fitted = fit_bank_calibration(&bank, &answers, ModelSettings::default(), &mut |_, _| {})
        .ok_or_else(|| {
            format!(
                "none of the {} answer(s) is on an item of the bank (item_id must be an item's id)",
                answers.len()
            )
        })?;
    let block_written = fitted.calibration.is_some();
    if let Some(block) = fitted.calibration {
        bank.calibration = Some(block);
    }
    Ok(Calibrated {
        bank,
        block_written,
        check: fitted.check,
        used_answers: fitted.used_answers,
        skipped_answers: fitted.skipped_answers,
        learners: fitted.learners,
        items: fitted.items,
    })
}

#[cfg(test)]
mod tests;

/// The bank's own text with its top-level `calibration` member set to `block` (JSON text): the
/// last such member's value replaced, or a member added after the others. Everything else,
/// the author's order, spacing and numbers, is kept byte for byte. `bank_text` must be a JSON
/// object (a bank that loaded); `None` otherwise.
pub fn with_calibration_block(bank_text: &str, block: &str) -> Option<String> {
    let bytes = bank_text.as_bytes();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) == Some(&0xEF) {
        at = skip_space(bytes, at + 3); // a byte-order mark
    }
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_space(bytes, at + 1);
    let mut last_value = None;
    let mut members = 0;
    while bytes.get(at) == Some(&b'"') {
        let key_end = string_end(bytes, at)?;
        let key = &bank_text[at + 1..key_end - 1];
        at = skip_space(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        let value_start = skip_space(bytes, at + 1);
        let value_end = value_end(bytes, value_start)?;
        if key == "calibration" {
            last_value = Some((value_start, value_end));
        }
        members += 1;
        at = skip_space(bytes, value_end);
        if bytes.get(at) == Some(&b',') {
            at = skip_space(bytes, at + 1);
        }
    }
    if bytes.get(at) != Some(&b'}') {
        return None;
    }
    Some(match last_value {
        Some((start, end)) => format!("{}{block}{}", &bank_text[..start], &bank_text[end..]),
        None => {
            let before = bank_text[..at].trim_end();
            let comma = if members > 0 { "," } else { "" };
            format!(
                "{before}{comma}\n  \"calibration\": {block}\n{}",
                &bank_text[at..]
            )
        }
    })
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    at
}

/// Just after the string starting at `at` (its opening quote).
fn string_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    at += 1;
    loop {
        match bytes.get(at)? {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
}

/// Just after the JSON value starting at `at`.
fn value_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match bytes.get(at) {
            Some(b'"') => at = string_end(bytes, at)?,
            Some(b'{' | b'[') => {
                depth += 1;
                at += 1;
            }
            Some(b'}' | b']') if depth > 0 => {
                depth -= 1;
                at += 1;
            }
            Some(b'}' | b']' | b',') | None if depth == 0 => return Some(at),
            Some(b) if depth == 0 && b.is_ascii_whitespace() => return Some(at),
            Some(_) => at += 1,
            None => return None,
        }
        if depth == 0
            && bytes
                .get(at - 1)
                .is_some_and(|b| matches!(b, b'}' | b']' | b'"'))
        {
            return Some(at);
        }
    }
}
