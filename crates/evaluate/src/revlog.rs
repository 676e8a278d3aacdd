//! Reading spaced-repetition review logs (`t_history r_history delta_ts ys`, one card a line, tab-separated).

use std::path::Path;

use adaptive_practice_engine::memory::{Rating, Review};

use crate::dataset::DatasetError;

const REQUIRED_COLUMNS: [&str; 4] = ["t_history", "r_history", "delta_ts", "ys"];

/// Reads a file from disk; see [`parse_review_log`] for the format.
pub fn read_review_log(path: &Path) -> Result<Vec<Vec<Review>>, DatasetError> {
    let text = std::fs::read_to_string(path).map_err(|error| DatasetError {
        path: path.to_path_buf(),
        line_number: 0,
        message: format!("cannot read the file: {error}"),
    })?;
    parse_review_log(path, &text)
}

/// Parses a review log into one review history per card. Each line holds four comma-separated
/// sequences of equal length: `r_history[i]` the rating of review i (1 to 4), `t_history[i]` the
/// days before review i (0 for the first), `delta_ts[i]` the days to the next review and `ys[i]`
/// whether it was recalled (0 or 1). The last next review, known only by `ys`, becomes a review
/// rated `Good` (recalled) or `Again`; its rating is never used for a prediction.
pub fn parse_review_log(path: &Path, text: &str) -> Result<Vec<Vec<Review>>, DatasetError> {
    let error_at = |line_number: usize, message: String| DatasetError { path: path.to_path_buf(), line_number, message };
    let mut lines = text.lines().enumerate().map(|(index, line)| (index + 1, line.trim_end_matches('\r')));
    let (header_line_number, header) = lines
        .by_ref()
        .find(|(_, line)| !line.trim().is_empty())
        .ok_or_else(|| error_at(0, "the file is empty (expected a header line)".to_string()))?;
    let header_names: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mut column_of_required = [0usize; 4];
    for (slot, required_name) in column_of_required.iter_mut().zip(REQUIRED_COLUMNS) {
        *slot = header_names
            .iter()
            .position(|name| *name == required_name)
            .ok_or_else(|| error_at(header_line_number, format!("the header has no `{required_name}` column (expected {})", REQUIRED_COLUMNS.join(", "))))?;
    }
    let mut histories = Vec::new();
    for (line_number, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != header_names.len() {
            return Err(error_at(line_number, format!("expected {} tab-separated fields like the header, found {}", header_names.len(), fields.len())));
        }
        let mut sequences = Vec::with_capacity(4);
        for (column, name) in column_of_required.iter().zip(REQUIRED_COLUMNS) {
            let values: Result<Vec<f64>, String> = fields[*column]
                .split(',')
                .map(|text| match text.trim().parse::<f64>() {
                    Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
                    _ => Err(format!("`{name}`: `{}` is not a number of days, a rating or an outcome", text.trim())),
                })
                .collect();
            sequences.push(values.map_err(|message| error_at(line_number, message))?);
        }
        let (elapsed, ratings, next_elapsed, recalled) = (&sequences[0], &sequences[1], &sequences[2], &sequences[3]);
        let length = elapsed.len();
        if ratings.len() != length || next_elapsed.len() != length || recalled.len() != length {
            return Err(error_at(line_number, "the four sequences must have the same length".to_string()));
        }
        let mut reviews = Vec::with_capacity(length + 1);
        for (elapsed_days, rating_number) in elapsed.iter().zip(ratings) {
            let rating = Rating::from_number(*rating_number as u32)
                .filter(|_| rating_number.fract() == 0.0)
                .ok_or_else(|| error_at(line_number, format!("`r_history`: a rating is 1 to 4, found `{rating_number}`")))?;
            reviews.push(Review { elapsed_days: *elapsed_days, rating });
        }
        let (last_next_elapsed, last_recalled) = match (next_elapsed.last(), recalled.last()) {
            (Some(days), Some(outcome)) => (*days, *outcome),
            _ => continue,
        };
        let last_rating = match last_recalled {
            value if value == 1.0 => Rating::Good,
            value if value == 0.0 => Rating::Again,
            other => return Err(error_at(line_number, format!("`ys` must be 0 or 1, found `{other}`"))),
        };
        reviews.push(Review { elapsed_days: last_next_elapsed, rating: last_rating });
        histories.push(reviews);
    }
    if histories.is_empty() {
        return Err(error_at(0, "the file has a header but no cards".to_string()));
    }
    Ok(histories)
}
