//! `SortedMap` against `BTreeMap`, and `IdPositions` against a scan of the list, over seeded
//! random operations.

use std::collections::BTreeMap;

use super::{IdPositions, SortedMap};
use crate::seeded::SeededSequence as Sequence;

fn check_same(map: &SortedMap<u64>, model: &BTreeMap<String, u64>) {
    let entries: Vec<(&String, &u64)> = map.iter().collect();
    let expected: Vec<(&String, &u64)> = model.iter().collect();
    assert_eq!(entries, expected);
    assert_eq!(map.len(), model.len());
    assert_eq!(map.is_empty(), model.is_empty());
    assert_eq!(format!("{map:?}"), format!("{model:?}"));
}

#[test]
fn a_sorted_map_does_what_a_btree_map_does() {
    for seed in 0..200 {
        let mut sequence = Sequence(seed);
        let mut map = SortedMap::new();
        let mut model = BTreeMap::new();
        for step in 0..60 {
            let key = key(&mut sequence);
            match sequence.below(4) {
                0 => assert_eq!(map.remove(&key), model.remove(&key)),
                1 => {
                    assert_eq!(map.get(&key), model.get(&key));
                    assert_eq!(map.contains_key(&key), model.contains_key(&key));
                    if let (Some(mine), Some(theirs)) = (map.get_mut(&key), model.get_mut(&key)) {
                        *mine += 1;
                        *theirs += 1;
                    }
                }
                _ => assert_eq!(map.insert(key.clone(), step), model.insert(key, step)),
            }
            check_same(&map, &model);
        }
        let keys: Vec<&String> = map.keys().collect();
        assert_eq!(keys, model.keys().collect::<Vec<_>>());
        let values: Vec<&u64> = map.values().collect();
        assert_eq!(values, model.values().collect::<Vec<_>>());
        let owned: Vec<(String, u64)> = map.clone().into_iter().collect();
        assert_eq!(owned, model.clone().into_iter().collect::<Vec<_>>());
    }
}

#[test]
fn filling_in_and_changing_in_place_do_what_a_btree_map_does() {
    for seed in 0..200 {
        let mut sequence = Sequence(seed);
        let mut map = SortedMap::new();
        let mut model = BTreeMap::new();
        for step in 0..60 {
            let key = key(&mut sequence);
            match sequence.below(3) {
                0 => {
                    let mine = map.get_or_insert_with(&key, || step);
                    *mine += 100;
                    let theirs = model.entry(key.clone()).or_insert_with(|| step);
                    *theirs += 100;
                }
                1 => {
                    for value in map.values_mut() {
                        *value += 1;
                    }
                    for value in model.values_mut() {
                        *value += 1;
                    }
                }
                _ => {
                    if model.contains_key(&key) {
                        assert_eq!(map[key.as_str()], model[&key]);
                    }
                }
            }
            check_same(&map, &model);
        }
    }
}

#[test]
#[should_panic(expected = "no entry")]
fn indexing_by_a_missing_key_panics_as_a_btree_map_does() {
    let map: SortedMap<u64> = SortedMap::new();
    let _ = map["absent"];
}

#[test]
fn collecting_keeps_the_last_value_of_a_repeated_key() {
    let entries = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
    let map: SortedMap<i32> = entries.iter().map(|&(k, v)| (k.to_string(), v)).collect();
    let model: BTreeMap<String, i32> = entries.iter().map(|&(k, v)| (k.to_string(), v)).collect();
    assert_eq!(format!("{map:?}"), format!("{model:?}"));
    assert_eq!(format!("{map:?}"), r#"{"a": 5, "b": 3, "c": 4}"#);
}

#[test]
fn a_sorted_map_reads_and_writes_json_as_a_btree_map_does() {
    let text = r#"{"z":1.5,"a":2.0,"m":-3.0,"a":4.0}"#;
    let map: SortedMap<f64> = serde_json::from_str(text).unwrap();
    let model: BTreeMap<String, f64> = serde_json::from_str(text).unwrap();
    assert_eq!(format!("{map:?}"), format!("{model:?}"));
    assert_eq!(
        serde_json::to_string(&map).unwrap(),
        serde_json::to_string(&model).unwrap()
    );
    assert!(serde_json::from_str::<SortedMap<f64>>("[1]").is_err());
}

#[test]
fn id_positions_find_the_first_and_the_last_place_of_an_id() {
    for seed in 0..200 {
        let mut sequence = Sequence(seed);
        let (ids, index) = seeded_ids(&mut sequence);
        for _ in 0..30 {
            let probe = key(&mut sequence);
            let first = ids.iter().position(|id| *id == probe);
            let last = ids.iter().rposition(|id| *id == probe);
            assert_eq!(index.first(&probe), first, "{ids:?} {probe}");
            assert_eq!(index.last(&probe), last, "{ids:?} {probe}");
            assert_eq!(index.contains(&probe), first.is_some());
        }
    }
}

#[test]
fn one_pass_look_ups_agree_with_a_search_per_position_and_per_key() {
    for seed in 0..200 {
        let mut sequence = Sequence(seed);
        let (ids, index) = seeded_ids(&mut sequence);
        let mut map = SortedMap::new();
        for value in 0..sequence.below(40) {
            map.insert(key(&mut sequence), value);
        }
        let by_position: Vec<Option<&u64>> = ids.iter().map(|id| map.get(id)).collect();
        assert_eq!(index.values_by_position(&map), by_position, "{ids:?}");
        let by_key: Vec<Option<usize>> = map.keys().map(|k| index.last(k)).collect();
        assert_eq!(index.last_positions_of(&map), by_key, "{ids:?}");
    }
}

#[test]
fn id_positions_of_an_empty_list_find_nothing() {
    let index = IdPositions::new(Vec::new());
    assert_eq!(index.first(""), None);
    assert_eq!(index.last("a"), None);
    assert!(!index.contains("a"));
}

#[test]
fn a_name_set_does_what_a_btree_set_does() {
    for seed in 0..100 {
        let mut sequence = Sequence(seed);
        let mut set = super::NameSet::new();
        let mut model = std::collections::BTreeSet::new();
        for _ in 0..30 {
            let name = key(&mut sequence);
            assert_eq!(set.contains(&name), model.contains(&name));
            assert_eq!(set.insert(name.clone()), model.insert(name));
        }
        let more: Vec<String> = (0..5).map(|_| key(&mut sequence)).collect();
        set.extend(more.clone());
        model.extend(more);
        assert_eq!(set.len(), model.len());
        assert_eq!(set.is_empty(), model.is_empty());
        assert_eq!(format!("{set:?}"), format!("{model:?}"));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            model.iter().collect::<Vec<_>>()
        );
        assert_eq!(
            set.into_iter().collect::<Vec<_>>(),
            model.into_iter().collect::<Vec<_>>()
        );
    }
}

#[test]
fn positions_sort_by_the_comparison_given() {
    let mut positions = vec![3, 1, 4, 1, 5, 9, 2, 6];
    super::sort_positions(&mut positions, &|a, b| b.cmp(&a));
    assert_eq!(positions, [9, 6, 5, 4, 3, 2, 1, 1]);
    let names = ["c", "a", "b"];
    let mut order = vec![0, 1, 2];
    super::sort_positions(&mut order, &|a, b| names[a].cmp(names[b]));
    assert_eq!(order, [1, 2, 0]);
}

#[test]
fn positions_sort_as_std_sorts_them_and_keep_ties_in_order() {
    let mut sequence = Sequence(23);
    for length in (0..70).chain([100, 257, 1000, 4099]) {
        let values: Vec<u64> = (0..length).map(|_| sequence.below(20)).collect();
        let mut ours: Vec<usize> = (0..length as usize).collect();
        super::sort_positions(&mut ours, &|a, b| values[a].cmp(&values[b]));
        // std's stable sort: equal values keep their order, as ours must.
        let mut expected: Vec<usize> = (0..length as usize).collect();
        expected.sort_by_key(|&at| values[at]);
        assert_eq!(ours, expected, "{length} values");
        let mut descending: Vec<usize> = (0..length as usize).collect();
        super::sort_positions(&mut descending, &|a, b| values[b].cmp(&values[a]));
        expected.sort_by(|&a, &b| values[b].cmp(&values[a]));
        assert_eq!(descending, expected, "{length} values, descending");
    }
}

/// A key from a small alphabet, so that keys repeat and share prefixes.
/// Up to 40 short ids, some repeated, and their index.
fn seeded_ids(sequence: &mut Sequence) -> (Vec<String>, IdPositions) {
    let ids: Vec<String> = (0..sequence.below(40)).map(|_| key(sequence)).collect();
    let index = IdPositions::new(ids.iter().map(String::as_str).collect());
    (ids, index)
}

fn key(sequence: &mut Sequence) -> String {
    let length = 1 + sequence.below(3);
    (0..length)
        .map(|_| ['a', 'b', 'B', 'é', '1'][sequence.below(5) as usize])
        .collect()
}
