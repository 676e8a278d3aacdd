//! Reading spaced-repetition review logs (`t_history r_history delta_ts ys`, one card a line, tab-separated).

use std::path::Path;

use adaptive_practice_engine::memory::{Rating, Review};

use crate::dataset::{tab_separated_rows, DatasetError};

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
    let error_at = |line_number: usize, message: String| DatasetError {
        path: path.to_path_buf(),
        line_number,
        message,
    };
    let (column_of_required, rows) = tab_separated_rows(path, text, REQUIRED_COLUMNS, "")?;
    let mut histories = Vec::new();
    for row in rows {
        let (line_number, fields) = row?;
        let mut sequences = Vec::with_capacity(4);
        for (column, name) in column_of_required.iter().zip(REQUIRED_COLUMNS) {
            let values: Result<Vec<f64>, String> = fields[*column]
                .split(',')
                .map(|text| match text.trim().parse::<f64>() {
                    Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
                    _ => Err(format!(
                        "`{name}`: `{}` is not a number of days, a rating or an outcome",
                        text.trim()
                    )),
                })
                .collect();
            sequences.push(values.map_err(|message| error_at(line_number, message))?);
        }
        let (elapsed, ratings, next_elapsed, recalled) =
            (&sequences[0], &sequences[1], &sequences[2], &sequences[3]);
        let length = elapsed.len();
        if ratings.len() != length || next_elapsed.len() != length || recalled.len() != length {
            return Err(error_at(
                line_number,
                "the four sequences must have the same length".to_string(),
            ));
        }
        let mut reviews = Vec::with_capacity(length + 1);
        for (elapsed_days, rating_number) in elapsed.iter().zip(ratings) {
            let rating = Rating::from_number(*rating_number as u32)
                .filter(|_| rating_number.fract() == 0.0)
                .ok_or_else(|| {
                    error_at(
                        line_number,
                        format!("`r_history`: a rating is 1 to 4, found `{rating_number}`"),
                    )
                })?;
            reviews.push(Review {
                elapsed_days: *elapsed_days,
                rating,
            });
        }
        let (last_next_elapsed, last_recalled) = match (next_elapsed.last(), recalled.last()) {
            (Some(days), Some(outcome)) => (*days, *outcome),
            _ => continue,
        };
        let last_rating = if last_recalled == 1.0 {
            Rating::Good
        } else if last_recalled == 0.0 {
            Rating::Again
        } else {
            return Err(error_at(
                line_number,
                format!("`ys` must be 0 or 1, found `{last_recalled}`"),
            ));
        };
        reviews.push(Review {
            elapsed_days: last_next_elapsed,
            rating: last_rating,
        });
        histories.push(reviews);
    }
    if histories.is_empty() {
        return Err(error_at(
            0,
            "the file has a header but no cards".to_string(),
        ));
    }
    Ok(histories)
}
