//! The one place that touches `web_sys::Storage` (localStorage). It never panics: storage can be
//! missing (sandboxed iframe, blocked site data), throw on access, or be full. It never calls
//! `clear()`: the host page shares the origin, and its keys are not ours.

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

/// The full key for a progress namespace (a bank id, or the page's `storage-key`).
pub fn progress_key(namespace: &str) -> String {
    format!("{KEY_PREFIX}progress/{namespace}")
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
