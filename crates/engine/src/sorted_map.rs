//! The engine's look-ups by name: `SortedMap`, a small map from text keys to values, `NameSet`,
//! a set of names, and `IdPositions`, where each id stands in a list. They keep their keys in one
//! sorted vector and find them by binary search. They iterate in key order, as `BTreeMap` does,
//! so what they feed (draws, diagnostics, files) keeps its order. They replace `BTreeMap`, whose
//! node machinery (search, insert, split, merge, drop, clone, a stable sort to collect) is
//! compiled again for every key and value type: the search and the sort here are compiled once.

use std::cmp::Ordering;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where `key` is in `keys` (sorted, without repeats): `Ok(index)`, or `Err(index)` where it
/// would go. One function for every map, whatever its values.
fn search(keys: &[String], key: &str) -> Result<usize, usize> {
    keys.binary_search_by(|probe| probe.as_str().cmp(key))
}

/// A map from text keys to values, in key order. An insertion moves the entries after it, so
/// building one of `n` entries takes up to `n²/2` moves, but none when the keys come in order:
/// the small maps of a bank and its templates (variables, derived values, drawn values), and
/// the learner model's skills and items, which saved progress lists in key order and answers
/// grow one at a time. `IdPositions` indexes long lists given in any order.
#[derive(Clone, PartialEq)]
pub struct SortedMap<V> {
    keys: Vec<String>,
    values: Vec<V>,
}

impl<V> SortedMap<V> {
    pub fn new() -> SortedMap<V> {
        SortedMap {
            keys: Vec::new(),
            values: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        search(&self.keys, key)
            .ok()
            .map(|index| &self.values[index])
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        search(&self.keys, key)
            .ok()
            .map(|index| &mut self.values[index])
    }

    pub fn contains_key(&self, key: &str) -> bool {
        search(&self.keys, key).is_ok()
    }

    /// Sets the value of `key`; returns the value it replaces, if any (as `BTreeMap::insert`).
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match search(&self.keys, &key) {
            Ok(index) => Some(std::mem::replace(&mut self.values[index], value)),
            Err(index) => {
                self.keys.insert(index, key);
                self.values.insert(index, value);
                None
            }
        }
    }

    /// The value of `key`, first set to `make()` if the key is new (as `BTreeMap`'s
    /// `entry(key).or_insert_with(make)`, without making the key's `String` when it is there).
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let index = match search(&self.keys, key) {
            Ok(index) => index,
            Err(index) => {
                self.keys.insert(index, key.to_owned());
                self.values.insert(index, make());
                index
            }
        };
        &mut self.values[index]
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let index = search(&self.keys, key).ok()?;
        self.keys.remove(index);
        Some(self.values.remove(index))
    }

    /// The entries in key order.
    pub fn iter(&self) -> std::iter::Zip<std::slice::Iter<'_, String>, std::slice::Iter<'_, V>> {
        self.keys.iter().zip(self.values.iter())
    }

    /// The keys in order.
    pub fn keys(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }

    /// The values in key order.
    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.values.iter()
    }

    /// The values in key order, to change in place.
    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.values.iter_mut()
    }

    /// The same keys, each value through `convert`: no search and no insertion (the keys are in
    /// order already), where a `map` and `collect` inserted every entry.
    pub fn map_values<W>(&self, convert: &dyn Fn(&V) -> W) -> SortedMap<W> {
        let mut values = Vec::with_capacity(self.values.len());
        for value in &self.values {
            values.push(convert(value));
        }
        SortedMap {
            keys: self.keys.clone(),
            values,
        }
    }

    /// `map_values`, taking the map.
    pub fn into_map_values<W>(self, convert: &dyn Fn(V) -> W) -> SortedMap<W> {
        let mut values = Vec::with_capacity(self.values.len());
        for value in self.values {
            values.push(convert(value));
        }
        SortedMap {
            keys: self.keys,
            values,
        }
    }
}

/// `map["key"]`: panics when the key is missing, as `BTreeMap` does.
impl<V> std::ops::Index<&str> for SortedMap<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

impl<V> Default for SortedMap<V> {
    fn default() -> SortedMap<V> {
        SortedMap::new()
    }
}

/// Printed as `BTreeMap` prints: `{"a": 1.0, "b": 2.0}`.
impl<V: std::fmt::Debug> std::fmt::Debug for SortedMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Later entries replace earlier ones with the same key, as in `BTreeMap`.
impl<V> FromIterator<(String, V)> for SortedMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> SortedMap<V> {
        let mut map = SortedMap::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

impl<V> Extend<(String, V)> for SortedMap<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

impl<'a, V> IntoIterator for &'a SortedMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Zip<std::slice::Iter<'a, String>, std::slice::Iter<'a, V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<V> IntoIterator for SortedMap<V> {
    type Item = (String, V);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<String>, std::vec::IntoIter<V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.keys.into_iter().zip(self.values)
    }
}

/// Written as a JSON object, keys in order (as a `BTreeMap` is).
impl<V: Serialize> Serialize for SortedMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read as a `BTreeMap` is (a repeated key: the last one counts). Only serde's readers (the bank
/// tools) use this; the widget reads banks with `bank_read.rs`.
impl<'de, V: Deserialize<'de>> Deserialize<'de> for SortedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SortedMap<V>, D::Error> {
        let map = std::collections::BTreeMap::<String, V>::deserialize(deserializer)?;
        Ok(map.into_iter().collect())
    }
}

/// A set of names (the variables of an expression), in order, as a `BTreeSet<String>`.
#[derive(Clone, PartialEq, Default)]
pub struct NameSet(SortedMap<()>);

impl NameSet {
    pub fn new() -> NameSet {
        NameSet(SortedMap::new())
    }

    /// Adds `name`; whether it was new.
    pub fn insert(&mut self, name: String) -> bool {
        self.0.insert(name, ()).is_none()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The names in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.keys()
    }
}

/// Printed as `BTreeSet` prints: `{"a", "b"}`.
impl std::fmt::Debug for NameSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Extend<String> for NameSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        for name in names {
            self.insert(name);
        }
    }
}

impl NameSet {
    /// The names in order, as a list (its keys as they are, not `collect`ed).
    pub fn into_names(self) -> Vec<String> {
        self.0.keys
    }
}

impl IntoIterator for NameSet {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.keys.into_iter()
    }
}

/// Sorts positions (or any `usize`s) by `compare`, stably: the engine's one sort. A merge sort
/// of runs of 1, 2, 4, … through one buffer, instead of std's sort, which is compiled again for
/// every element type and comparison (3 to 4 KB of wasm each, 3.7 KB even for this one).
pub fn sort_positions(
    positions: &mut [usize],
    compare: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) {
    let count = positions.len();
    let mut merged = positions.to_vec();
    let mut width = 1;
    while width < count {
        let mut start = 0;
        while start < count {
            let middle = (start + width).min(count);
            let end = (start + 2 * width).min(count);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The left run's first on ties: stable.
                let take_left = left < middle
                    && (right == end || compare(positions[right], positions[left]).is_ge());
                if take_left {
                    *slot = positions[left];
                    left += 1;
                } else {
                    *slot = positions[right];
                    right += 1;
                }
            }
            start = end;
        }
        positions.copy_from_slice(&merged);
        width *= 2;
    }
}

/// Where each id stands in a list (skills, items): built once from the list, in `n log n`.
/// An id may appear more than once; `first` and `last` say which position counts.
#[derive(Debug, Clone, PartialEq)]
pub struct IdPositions {
    /// The ids, sorted; a repeated id once per position.
    ids: Vec<String>,
    /// The position in the list of each id above; ascending within a repeated id.
    positions: Vec<usize>,
}

impl IdPositions {
    /// Indexes a list given as its ids, in list order.
    pub fn new(ids: Vec<&str>) -> IdPositions {
        let mut order: Vec<usize> = (0..ids.len()).collect();
        // Ties broken by position, so the order is one and the same whatever the sort.
        sort_positions(&mut order, &|a, b| ids[a].cmp(ids[b]).then(a.cmp(&b)));
        let mut sorted = Vec::with_capacity(order.len());
        for &at in &order {
            sorted.push(ids[at].to_owned());
        }
        IdPositions {
            ids: sorted,
            positions: order,
        }
    }

    /// The entries with `id`, as a range of indexes into `ids` and `positions`.
    fn range(&self, id: &str) -> std::ops::Range<usize> {
        let start = self.ids.partition_point(|probe| probe.as_str() < id);
        // Ids repeat only in a bank the loader refuses: a scan past the first is shortest.
        let mut end = start;
        while self.ids.get(end).is_some_and(|probe| probe == id) {
            end += 1;
        }
        start..end
    }

    /// The first position of `id` in the list.
    pub fn first(&self, id: &str) -> Option<usize> {
        let range = self.range(id);
        (!range.is_empty()).then(|| self.positions[range.start])
    }

    /// The last position of `id` in the list.
    pub fn last(&self, id: &str) -> Option<usize> {
        let range = self.range(id);
        (!range.is_empty()).then(|| self.positions[range.end - 1])
    }

    pub fn contains(&self, id: &str) -> bool {
        !self.range(id).is_empty()
    }

    /// For each position of the list, the value `map` holds under its id: one pass over both
    /// sorted lists instead of a search per position (item choice reads every skill and item).
    pub fn values_by_position<'a, V>(&self, map: &'a SortedMap<V>) -> Vec<Option<&'a V>> {
        let mut values = Vec::with_capacity(self.positions.len());
        for index in self.key_indexes_by_position(&map.keys) {
            values.push(index.map(|index| &map.values[index]));
        }
        values
    }

    /// For each position of the list, where the sorted `keys` hold its id: the pass of
    /// `values_by_position`, compiled once for every type of value.
    fn key_indexes_by_position(&self, keys: &[String]) -> Vec<Option<usize>> {
        let mut indexes = vec![None; self.positions.len()];
        let mut at = 0;
        // One comparison of the two ids a step (item choice walks 10,000 of them per answer).
        for (id, &position) in self.ids.iter().zip(&self.positions) {
            while let Some(key) = keys.get(at) {
                match key.cmp(id) {
                    Ordering::Less => at += 1,
                    Ordering::Equal => {
                        indexes[position] = Some(at);
                        break;
                    }
                    Ordering::Greater => break,
                }
            }
        }
        indexes
    }

    /// `last` of each key of `map`, in the map's (sorted) order: one pass over both sorted lists.
    pub fn last_positions_of<V>(&self, map: &SortedMap<V>) -> Vec<Option<usize>> {
        let mut at = 0;
        map.keys()
            .map(|key| {
                while self.ids.get(at).is_some_and(|id| id < key) {
                    at += 1;
                }
                let mut last = None;
                while self.ids.get(at).is_some_and(|id| id == key) {
                    last = Some(self.positions[at]);
                    at += 1;
                }
                last
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
