//! A report's skills and items through serde: written as columns (version 3: one list per
//! figure, `{"ids": […], "names": […], …}`), read as columns or as the list of objects of
//! versions 1 and 2. Columns of different lengths make the report damaged.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ItemReport, SkillReport};
use crate::model::SkillState;

pub(super) fn read_skills<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<SkillReport<'a>>, D::Error> {
    deserializer.deserialize_any(RowsOrColumns::<SkillReport<'a>, SkillColumns>(PhantomData))
}

pub(super) fn read_items<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<ItemReport<'a>>, D::Error> {
    deserializer.deserialize_any(RowsOrColumns::<ItemReport<'a>, ItemColumns>(PhantomData))
}

pub(super) fn write_skills<S: Serializer>(
    skills: &[SkillReport<'_>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Columns<'r> {
        ids: Vec<&'r str>,
        names: Vec<&'r str>,
        states: Vec<SkillState>,
        mastery: Vec<f64>,
        certainty: Vec<f64>,
        attempts: Vec<u32>,
        correct: Vec<u32>,
    }
    Columns {
        ids: skills.iter().map(|s| &*s.id).collect(),
        names: skills.iter().map(|s| &*s.name).collect(),
        states: skills.iter().map(|s| s.state).collect(),
        mastery: skills.iter().map(|s| s.mastery).collect(),
        certainty: skills.iter().map(|s| s.certainty).collect(),
        attempts: skills.iter().map(|s| s.attempts).collect(),
        correct: skills.iter().map(|s| s.correct).collect(),
    }
    .serialize(serializer)
}

pub(super) fn write_items<S: Serializer>(
    items: &[ItemReport<'_>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Columns<'r> {
        ids: Vec<&'r str>,
        attempts: Vec<u32>,
        correct: Vec<u32>,
    }
    Columns {
        ids: items.iter().map(|i| &*i.id).collect(),
        attempts: items.iter().map(|i| i.attempts).collect(),
        correct: items.iter().map(|i| i.correct).collect(),
    }
    .serialize(serializer)
}

/// Columns that become rows, when they are all of one length.
trait IntoRows<Row> {
    fn into_rows(self) -> Option<Vec<Row>>;
}

#[derive(Deserialize)]
struct SkillColumns {
    ids: Vec<String>,
    names: Vec<String>,
    states: Vec<SkillState>,
    mastery: Vec<f64>,
    certainty: Vec<f64>,
    attempts: Vec<u32>,
    correct: Vec<u32>,
}

impl<'a> IntoRows<SkillReport<'a>> for SkillColumns {
    fn into_rows(self) -> Option<Vec<SkillReport<'a>>> {
        let count = self.ids.len();
        let lengths = [
            self.names.len(),
            self.states.len(),
            self.mastery.len(),
            self.certainty.len(),
            self.attempts.len(),
            self.correct.len(),
        ];
        if lengths.iter().any(|&length| length != count) {
            return None;
        }
        let mut names = self.names.into_iter();
        Some(
            self.ids
                .into_iter()
                .enumerate()
                .map(|(k, id)| SkillReport {
                    id: Cow::Owned(id),
                    name: Cow::Owned(names.next().unwrap_or_default()),
                    state: self.states[k],
                    mastery: self.mastery[k],
                    certainty: self.certainty[k],
                    attempts: self.attempts[k],
                    correct: self.correct[k],
                })
                .collect(),
        )
    }
}

#[derive(Deserialize)]
struct ItemColumns {
    ids: Vec<String>,
    attempts: Vec<u32>,
    correct: Vec<u32>,
}

impl<'a> IntoRows<ItemReport<'a>> for ItemColumns {
    fn into_rows(self) -> Option<Vec<ItemReport<'a>>> {
        let count = self.ids.len();
        if self.attempts.len() != count || self.correct.len() != count {
            return None;
        }
        Some(
            self.ids
                .into_iter()
                .enumerate()
                .map(|(k, id)| ItemReport {
                    id: Cow::Owned(id),
                    attempts: self.attempts[k],
                    correct: self.correct[k],
                })
                .collect(),
        )
    }
}

/// Reads a list of rows, or an object of columns.
struct RowsOrColumns<Row, Columns>(PhantomData<(Row, Columns)>);

impl<'de, Row, Columns> Visitor<'de> for RowsOrColumns<Row, Columns>
where
    Row: Deserialize<'de>,
    Columns: Deserialize<'de> + IntoRows<Row>,
{
    type Value = Vec<Row>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list of objects, or an object of columns")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, rows: A) -> Result<Vec<Row>, A::Error> {
        Vec::<Row>::deserialize(SeqAccessDeserializer::new(rows))
    }

    fn visit_map<A: MapAccess<'de>>(self, columns: A) -> Result<Vec<Row>, A::Error> {
        Columns::deserialize(MapAccessDeserializer::new(columns))?
            .into_rows()
            .ok_or_else(|| A::Error::custom("columns of different lengths"))
    }
}
