//! The one reader of `name=value` settings: `--set` (the calibrated model's and the memory fit's
//! settings) and the `ours-transfer` variants of `EVALUATE_TRANSFER`.

/// `assignment` (`NAME=VALUE`, spaces around either allowed) as the name and the value's
/// numbers (several separated by `:`).
pub fn read_setting(assignment: &str) -> Result<(&str, Vec<f64>), String> {
    let (name, value) = assignment
        .split_once('=')
        .ok_or_else(|| format!("`{assignment}`: expected NAME=VALUE"))?;
    let numbers = value
        .split(':')
        .map(|number| number.trim().parse::<f64>())
        .collect::<Result<Vec<f64>, _>>()
        .ok()
        .filter(|numbers| numbers.iter().all(|number| number.is_finite()))
        .ok_or_else(|| format!("`{assignment}`: `{}` is not a number", value.trim()))?;
    Ok((name.trim(), numbers))
}

/// [`read_setting`] of a setting with one number.
pub fn read_number_setting(assignment: &str) -> Result<(&str, f64), String> {
    match read_setting(assignment)? {
        (name, numbers) if numbers.len() == 1 => Ok((name, numbers[0])),
        _ => Err(format!("`{assignment}`: expected one number")),
    }
}

/// `text`'s settings separated by `,` (empty parts skipped), each applied by `apply(name,
/// numbers)`.
pub fn apply_settings(
    text: &str,
    mut apply: impl FnMut(&str, &[f64]) -> Result<(), String>,
) -> Result<(), String> {
    for assignment in text.split(',').filter(|part| !part.trim().is_empty()) {
        let (name, numbers) = read_setting(assignment)?;
        apply(name, &numbers)?;
    }
    Ok(())
}
