//! Progress stored before each bank had its own key under a page's `storage-key`. Until then,
//! every bank under one `storage-key` shared a single key, and opening a second bank moved the
//! first bank's progress aside (to `…/unreadable-<time>`). Now the widget keeps each bank's
//! progress under its own key; when that key is still empty, it starts from the first earlier copy
//! that is progress on its bank, and writes it under its own key with the next save. The earlier
//! copies are only read, never changed or removed.

use super::{load_progress, Progress};

/// The first of `copies` (texts, the shared key's first, then the copies moved aside, newest
/// first) that is progress on the bank `bank_id`; `None` when none is.
pub fn progress_from_earlier_copies<'a>(
    copies: impl IntoIterator<Item = &'a str>,
    bank_id: &str,
) -> Option<Progress> {
    // A loop, not `find_map` (compiled with its adapters on its own).
    for text in copies {
        if let Ok(progress) = load_progress(text, bank_id) {
            return Some(progress);
        }
    }
    None
}
