//! The one place that touches `web_sys::Storage` (localStorage). It never panics: storage can be
//! missing (sandboxed iframe, blocked site data), throw on access, or be full. It never calls
//! `clear()`: the host page shares the origin, and its keys are not ours.

use web_sys::Storage;

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

/// The full key for a progress namespace (a bank id, or the page's `storage-key`).
pub fn progress_key(namespace: &str) -> String {
    format!("{KEY_PREFIX}progress/{namespace}")
}

/// Reads a value; `Ok(None)` when nothing is stored under the key.
pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    local_storage()?.get_item(key).map_err(|_| StorageProblem::Unavailable)
}

/// Writes a value.
pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    local_storage()?.set_item(key, value).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string());
        StorageProblem::WriteRefused(name.unwrap_or_else(|| "Error".into()))
    })
}
