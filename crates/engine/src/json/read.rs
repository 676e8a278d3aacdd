//! Reading typed values out of a `Json` tree, with messages worded as serde's (`missing field
//! `answer``, `invalid type: string "x", expected u32`): the helpers the bank and progress
//! readers are written with.

use super::Json;
use crate::sorted_map::SortedMap;

/// What a reader gives: the value, or the message of its first problem.
pub type Read<T> = Result<T, String>;

/// `value` itself when it is an object; `expected` names what was expected.
pub(crate) fn object<'a>(value: &'a Json, expected: &str) -> Read<&'a Json> {
    match value {
        Json::Object(_) => Ok(value),
        _ => Err(invalid(value, expected)),
    }
}

pub(crate) fn missing(key: &str) -> String {
    format!("missing field `{key}`")
}

pub(crate) fn required<T>(object: &Json, key: &str, read: impl Fn(&Json) -> Read<T>) -> Read<T> {
    object.get(key).map_or_else(|| Err(missing(key)), read)
}

/// An optional field: absent and `null` are both `None`.
pub(crate) fn optional<T>(
    object: &Json,
    key: &str,
    read: impl Fn(&Json) -> Read<T>,
) -> Read<Option<T>> {
    match object.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(value) => read(value).map(Some),
    }
}

/// An object's fields read one after the other without stopping at a problem: a field that
/// cannot be read is its type's default (or `None`) and its problem is kept if it is the first;
/// `finish` gives the value built, or that first problem, the one `?` after each field gives. A
/// struct built with a `?` at each field compiles, at each, a path that drops the fields read
/// before it: many of the bank's and progress's readers' bytes.
pub(crate) struct Fields<'a> {
    object: &'a Json,
    problem: Option<String>,
}

impl<'a> Fields<'a> {
    /// The fields of `value`, which must be an object (`expected` names what was expected).
    pub(crate) fn of(value: &'a Json, expected: &str) -> Read<Fields<'a>> {
        Ok(Fields {
            object: object(value, expected)?,
            problem: None,
        })
    }

    /// Keeps `problem` if it is the first.
    pub(crate) fn note(&mut self, problem: String) {
        if self.problem.is_none() {
            self.problem = Some(problem);
        }
    }

    /// The value read, or (its problem noted) the type's default.
    pub(crate) fn take<T: Default>(&mut self, read: Read<T>) -> T {
        match read {
            Ok(value) => value,
            Err(problem) => {
                self.note(problem);
                T::default()
            }
        }
    }

    pub(crate) fn required<T: Default>(&mut self, key: &str, read: impl Fn(&Json) -> Read<T>) -> T {
        let read = required(self.object, key, read);
        self.take(read)
    }

    pub(crate) fn optional<T>(&mut self, key: &str, read: impl Fn(&Json) -> Read<T>) -> Option<T> {
        let read = optional(self.object, key, read);
        self.take(read)
    }

    pub(crate) fn or<T>(&mut self, key: &str, read: impl Fn(&Json) -> Read<T>, default: T) -> T {
        match self.object.get(key) {
            None => default,
            Some(value) => match read(value) {
                Ok(value) => value,
                Err(problem) => {
                    self.note(problem);
                    default
                }
            },
        }
    }

    pub(crate) fn or_default<T: Default>(
        &mut self,
        key: &str,
        read: impl Fn(&Json) -> Read<T>,
    ) -> T {
        self.or(key, read, T::default())
    }

    /// `value`, or the first problem noted.
    pub(crate) fn finish<T>(self, value: T) -> Read<T> {
        match self.problem {
            None => Ok(value),
            Some(problem) => Err(problem),
        }
    }
}

/// A sequence read element by element, the first error returned. Not `collect` into a `Result`:
/// that is compiled again, with its adapters, for every element type and reader.
pub(crate) fn list<T>(value: &Json, read: impl Fn(&Json) -> Read<T>) -> Read<Vec<T>> {
    let Json::Array(elements) = value else {
        return Err(invalid(value, "a sequence"));
    };
    let mut list = Vec::with_capacity(elements.len());
    for element in elements {
        list.push(read(element)?);
    }
    Ok(list)
}

/// An object read as a map (a `SortedMap`), entry by entry: a repeated key, the last one counts.
/// Not `collect`: a map collected sorts its entries first, code compiled again for every value
/// type; `insert`, not `extend` with one entry (an `Extend` compiled for each value type too).
pub(crate) fn map<T>(value: &Json, read: impl Fn(&Json) -> Read<T>) -> Read<SortedMap<T>> {
    let Json::Object(fields) = value else {
        return Err(invalid(value, "a map"));
    };
    let mut map = SortedMap::new();
    for (key, value) in fields {
        map.insert(key.clone(), read(value)?);
    }
    Ok(map)
}

pub(crate) fn strings(value: &Json) -> Read<Vec<String>> {
    list(value, read_string)
}

pub(crate) fn read_string(value: &Json) -> Read<String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| invalid(value, "a string"))
}

pub(crate) fn read_f64(value: &Json) -> Read<f64> {
    value.as_f64().ok_or_else(|| invalid(value, "f64"))
}

pub(crate) fn read_bool(value: &Json) -> Read<bool> {
    match value {
        Json::Bool(flag) => Ok(*flag),
        _ => Err(invalid(value, "a boolean")),
    }
}

pub(crate) fn read_usize(value: &Json) -> Read<usize> {
    whole_number(value, "usize", 0, usize::MAX as i128).map(|n| n as usize)
}

pub(crate) fn read_u32(value: &Json) -> Read<u32> {
    whole_number(value, "u32", 0, u32::MAX.into()).map(|n| n as u32)
}

/// An integer within `min..=max`, the range of the type `expected` names: one function for every
/// integer type, where a generic `try_from` compiled the check again for each.
pub(crate) fn whole_number(value: &Json, expected: &str, min: i128, max: i128) -> Read<i128> {
    match value.as_integer() {
        Some(integer) if (min..=max).contains(&integer) => Ok(integer),
        Some(integer) => {
            let integer = super::integer_text(integer);
            Err(format!(
                "invalid value: integer `{integer}`, expected {expected}"
            ))
        }
        None => Err(invalid(value, expected)),
    }
}

/// serde's "invalid type" message: what was found and what was expected.
pub(crate) fn invalid(value: &Json, expected: &str) -> String {
    let found = match value {
        Json::Null => "null".to_string(),
        Json::Bool(flag) => format!("boolean `{flag}`"),
        Json::Number {
            integer: Some(integer),
            ..
        } => format!("integer `{}`", super::integer_text(integer.value())),
        Json::Number { value, .. } => {
            format!(
                "floating point `{}`",
                crate::display_float::display_float(*value)
            )
        }
        Json::String(text) => format!("string {}", crate::quoted::quoted(text)),
        Json::Array(_) => "sequence".to_string(),
        Json::Object(_) => "map".to_string(),
    };
    format!("invalid type: {found}, expected {expected}")
}

pub(crate) fn read_u64(value: &Json) -> Read<u64> {
    whole_number(value, "u64", 0, u64::MAX.into()).map(|n| n as u64)
}

pub(crate) fn read_i64(value: &Json) -> Read<i64> {
    whole_number(value, "i64", i64::MIN.into(), i64::MAX.into()).map(|n| n as i64)
}
