//! The one place that touches `web_sys::Storage` (localStorage). It never panics: storage can be
//! missing (sandboxed iframe, blocked site data), throw on access, or be full. It never calls
//! `clear()`: the host page shares the origin, and its keys are not ours.

use adaptive_practice_engine::sorted_map::sort_positions;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Storage, StorageEvent};

/// The prefix of every key the widget writes.
pub const KEY_PREFIX: &str = "adaptive-practice/";

/// Why progress could not be read or saved, in words a learner can be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// No storage at all (blocked, sandboxed, or the browser refuses access).
    Unavailable,
    /// The browser refused the write (typically the quota is full).
    WriteRefused(String),
}

fn local_storage() -> Result<Storage, StorageProblem> {
    let window = web_sys::window().ok_or(StorageProblem::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageProblem::Unavailable),
    }
}

/// Where a bank's progress is stored: under the bank id; with the page's `storage-key`, under
/// that key and the bank id, so that banks sharing a `storage-key` keep their own progress. A `/`
/// (and `%`) in the bank id is escaped: the last `/` of the key ends the `storage-key`.
pub fn progress_key(storage_key: Option<&str>, bank_id: &str) -> String {
    match storage_key {
        None => format!("{KEY_PREFIX}progress/{bank_id}"),
        Some(namespace) => {
            let mut bank = String::with_capacity(bank_id.len());
            for c in bank_id.chars() {
                match c {
                    '%' => bank.push_str("%25"),
                    '/' => bank.push_str("%2F"),
                    c => bank.push(c),
                }
            }
            format!("{KEY_PREFIX}progress/{namespace}/{bank}")
        }
    }
}

/// What earlier versions stored under a `storage-key` (one key for every bank), and the copies
/// they moved aside from it (`…/unreadable-<time>`, newest first): where a bank's progress may be
/// before it is first saved under its own key. Only read.
pub fn earlier_shared_copies(storage_key: &str) -> Vec<String> {
    let shared = format!("{KEY_PREFIX}progress/{storage_key}");
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let aside = aside_keys_newest_first(all_keys(&storage), &aside_prefix(&shared));
    let mut copies = Vec::new();
    if let Ok(Some(copy)) = storage.get_item(&shared) {
        copies.push(copy);
    }
    for key in aside {
        if let Ok(Some(copy)) = storage.get_item(&key) {
            copies.push(copy);
        }
    }
    copies
}

fn all_keys(storage: &Storage) -> Vec<String> {
    // In plain loops: a chain of `filter_map`, `chain` and `collect` is compiled for each.
    let mut keys = Vec::new();
    for index in 0..storage.length().unwrap_or(0) {
        if let Ok(Some(key)) = storage.key(index) {
            keys.push(key);
        }
    }
    keys
}

/// Where copies of `key` are kept aside: `…/unreadable-<time>`. Copies that could not be read
/// were the first; progress an import replaced is kept there too (a name stored copies have).
fn aside_prefix(key: &str) -> String {
    format!("{key}/unreadable-")
}

/// The key of a copy of `key` kept aside at `time` (milliseconds).
pub fn aside_key(key: &str, time: i64) -> String {
    format!("{}{time}", aside_prefix(key))
}

/// Keeps `text`, an unreadable copy stored under `key` (or progress an import replaces), aside at
/// `time` (`aside_key`), unless the
/// newest copy already kept aside from `key` holds the same text: a damaged entry found again on
/// every load (before the next answer replaces it) is kept once, not until storage is full.
pub fn keep_aside(key: &str, time: i64, text: &str) -> Result<(), StorageProblem> {
    let storage = local_storage()?;
    let newest = aside_keys_newest_first(all_keys(&storage), &aside_prefix(key))
        .into_iter()
        .next();
    if newest
        .is_some_and(|newest| storage.get_item(&newest).ok().flatten().as_deref() == Some(text))
    {
        return Ok(());
    }
    write(&aside_key(key, time), text)
}

/// The keys of `keys` that are `aside_prefix` and a time (`…/unreadable-<time>`), newest first;
/// keys of the same time in the order given.
pub fn aside_keys_newest_first(keys: Vec<String>, aside_prefix: &str) -> Vec<String> {
    let mut aside: Vec<(i64, String)> = Vec::new();
    for key in keys {
        let time = key.strip_prefix(aside_prefix).map(str::parse::<i64>);
        if let Some(Ok(time)) = time {
            aside.push((time, key));
        }
    }
    // The engine's one sort (std's stable sort would be compiled in for this alone): ties by
    // position, as a stable sort keeps them.
    let mut order: Vec<usize> = (0..aside.len()).collect();
    sort_positions(&mut order, &|a, b| {
        aside[b].0.cmp(&aside[a].0).then(a.cmp(&b))
    });
    let mut newest_first = Vec::with_capacity(order.len());
    for at in order {
        newest_first.push(std::mem::take(&mut aside[at].1));
    }
    newest_first
}

/// Reads a value; `Ok(None)` when nothing is stored under the key.
pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageProblem::Unavailable)
}

/// Writes a value.
pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    local_storage()?.set_item(key, value).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        StorageProblem::WriteRefused(name.unwrap_or_else(|| "Error".into()))
    })
}

/// Listens for changes another tab or window makes to `key` (the `storage` event; a page never
/// receives its own writes). `on_change` gets the new value, `None` when the key was removed (or
/// the storage cleared). Dropping the listener stops it. `None` when there is no window.
pub fn listen_for_changes(
    key: String,
    on_change: impl Fn(Option<String>) + 'static,
) -> Option<ChangeListener> {
    let window = web_sys::window()?;
    let closure =
        Closure::<dyn FnMut(StorageEvent)>::new(move |event: StorageEvent| match event.key() {
            Some(changed) if changed == key => on_change(event.new_value()),
            None => on_change(None),
            Some(_) => {}
        });
    window
        .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(ChangeListener { window, closure })
}

/// A `storage` event listener; removed when dropped.
pub struct ChangeListener {
    window: web_sys::Window,
    closure: Closure<dyn FnMut(StorageEvent)>,
}

impl Drop for ChangeListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("storage", self.closure.as_ref().unchecked_ref());
    }
}

#[cfg(test)]
mod tests;
