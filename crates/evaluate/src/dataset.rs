//! Reading knowledge-tracing answer logs (`user_id item_id timestamp correct skill_id`, tab-separated).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One answer of one learner, with items and skills already turned into dense indices.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub item: usize,
    /// Skills of the item; usually one, possibly several, possibly none.
    pub skills: Vec<usize>,
    /// Seconds since some epoch; 0 when the source had no time.
    pub timestamp: f64,
    pub correct: bool,
}

/// The answers of one learner, in the order they were given.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnerSequence {
    pub learner_name: String,
    pub answers: Vec<Answer>,
}

/// The answers of one file, grouped by learner in order of first appearance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub learners: Vec<LearnerSequence>,
}

/// Names of items and skills and their dense indices, shared by the train and the test file so
/// that an item of the test file gets the index it had in the train file.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    pub item_index_by_name: HashMap<String, usize>,
    pub skill_index_by_name: HashMap<String, usize>,
}

/// A file that could not be read, with the place of the first problem.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetError {
    pub path: PathBuf,
    /// 1-based line number; 0 when the problem is about the whole file.
    pub line_number: usize,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line_number == 0 {
            write!(formatter, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                formatter,
                "{}:{}: {}",
                self.path.display(),
                self.line_number,
                self.message
            )
        }
    }
}

impl std::error::Error for DatasetError {}

const REQUIRED_COLUMNS: [&str; 5] = ["user_id", "item_id", "timestamp", "correct", "skill_id"];

impl Dataset {
    pub fn answer_count(&self) -> usize {
        self.learners
            .iter()
            .map(|learner| learner.answers.len())
            .sum()
    }
}

impl Vocabulary {
    pub fn item_count(&self) -> usize {
        self.item_index_by_name.len()
    }

    pub fn skill_count(&self) -> usize {
        self.skill_index_by_name.len()
    }
}

/// Reads a file from disk; see [`parse_dataset`] for the format.
pub fn read_dataset(path: &Path, vocabulary: &mut Vocabulary) -> Result<Dataset, DatasetError> {
    let text = std::fs::read_to_string(path).map_err(|error| DatasetError {
        path: path.to_path_buf(),
        line_number: 0,
        message: format!("cannot read the file: {error}"),
    })?;
    parse_dataset(path, &text, vocabulary)
}

/// The data rows of a tab-separated file with a header (blank lines skipped), with the position
/// of each `required` column; an error names the file and line when the header lacks a column
/// (`expected` introduces the list of columns in that message) or a row has another number of
/// fields than the header. Both the answer logs and the review log are read through it.
#[allow(clippy::type_complexity)] // An `impl Iterator` return cannot be named by a type alias.
pub fn tab_separated_rows<'a, const N: usize>(
    path: &'a Path,
    text: &'a str,
    required: [&'a str; N],
    expected: &'a str,
) -> Result<
    (
        [usize; N],
        impl Iterator<Item = Result<(usize, Vec<&'a str>), DatasetError>> + 'a,
    ),
    DatasetError,
> {
    let error_at = move |line_number: usize, message: String| DatasetError {
        path: path.to_path_buf(),
        line_number,
        message,
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim_end_matches('\r')));
    let (header_line_number, header) = lines
        .by_ref()
        .find(|(_, line)| !line.trim().is_empty())
        .ok_or_else(|| error_at(0, "the file is empty (expected a header line)".to_string()))?;
    let header_names: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mut column_of_required = [0usize; N];
    for (slot, required_name) in column_of_required.iter_mut().zip(required) {
        *slot = header_names
            .iter()
            .position(|name| *name == required_name)
            .ok_or_else(|| {
                error_at(
                    header_line_number,
                    format!(
                        "the header has no `{required_name}` column (expected {expected}{})",
                        required.join(", ")
                    ),
                )
            })?;
    }
    let field_count = header_names.len();
    let rows = lines
        .filter(|(_, line)| !line.trim().is_empty())
        .map(move |(line_number, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() == field_count {
                Ok((line_number, fields))
            } else {
                Err(error_at(
                    line_number,
                    format!(
                        "expected {field_count} tab-separated fields like the header, found {}",
                        fields.len()
                    ),
                ))
            }
        });
    Ok((column_of_required, rows))
}

/// Parses the text of an answer log. The header names the columns (any order, extra columns are
/// ignored); `correct` is 0 or 1; `timestamp` is a number (0 when unknown); `skill_id` holds
/// one skill, or several separated by `,`, or nothing. Blank lines are skipped.
pub fn parse_dataset(
    path: &Path,
    text: &str,
    vocabulary: &mut Vocabulary,
) -> Result<Dataset, DatasetError> {
    let error_at = |line_number: usize, message: String| DatasetError {
        path: path.to_path_buf(),
        line_number,
        message,
    };
    let (column_of_required, rows) =
        tab_separated_rows(path, text, REQUIRED_COLUMNS, "tab-separated columns ")?;
    let [user_column, item_column, timestamp_column, correct_column, skill_column] =
        column_of_required;
    let mut dataset = Dataset::default();
    let mut learner_position_by_name: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let (line_number, fields) = row?;
        let user_name = fields[user_column].trim();
        let item_name = fields[item_column].trim();
        if user_name.is_empty() || item_name.is_empty() {
            return Err(error_at(
                line_number,
                "empty `user_id` or `item_id`".to_string(),
            ));
        }
        let timestamp_text = fields[timestamp_column].trim();
        let timestamp = match timestamp_text.parse::<f64>() {
            Ok(value) if value.is_finite() => value,
            _ => {
                return Err(error_at(
                    line_number,
                    format!("`timestamp` must be a number, found `{timestamp_text}`"),
                ))
            }
        };
        let correct = match fields[correct_column].trim() {
            "1" => true,
            "0" => false,
            other => {
                return Err(error_at(
                    line_number,
                    format!("`correct` must be 0 or 1, found `{other}`"),
                ))
            }
        };
        let mut skills = Vec::new();
        for skill_name in fields[skill_column]
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
        {
            let skill = intern(&mut vocabulary.skill_index_by_name, skill_name);
            if !skills.contains(&skill) {
                skills.push(skill);
            }
        }
        let item = intern(&mut vocabulary.item_index_by_name, item_name);
        let learner_position = *learner_position_by_name
            .entry(user_name.to_string())
            .or_insert_with(|| {
                dataset.learners.push(LearnerSequence {
                    learner_name: user_name.to_string(),
                    answers: Vec::new(),
                });
                dataset.learners.len() - 1
            });
        dataset.learners[learner_position].answers.push(Answer {
            item,
            skills,
            timestamp,
            correct,
        });
    }
    if dataset.learners.is_empty() {
        return Err(error_at(
            0,
            "the file has a header but no answers".to_string(),
        ));
    }
    Ok(dataset)
}

fn intern(index_by_name: &mut HashMap<String, usize>, name: &str) -> usize {
    if let Some(&index) = index_by_name.get(name) {
        return index;
    }
    let index = index_by_name.len();
    index_by_name.insert(name.to_string(), index);
    index
}
