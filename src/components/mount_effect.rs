//! `use_effect_on`: an effect that runs after a render when its `u64` key changed, with what to
//! do when the key changes again or the component goes; `use_mount_effect`: one that runs once,
//! after the component's first render. Every such effect goes through one boxed closure type and
//! one key type, so that Yew's effect machinery (and its hook state) is compiled once for all of
//! them instead of once per call site and per type of what it depends on.

use yew::prelude::*;

/// What an effect leaves to run when its key changes or its component goes.
pub type WhenGone = Box<dyn FnOnce()>;

/// `use_effect_with(key, …)` for `effect`, boxed. A caller whose effect depends on several values
/// packs them into `key` so that the key changes exactly when one of them does.
#[hook]
pub fn use_effect_on(key: u64, effect: Box<dyn FnOnce() -> WhenGone>) {
    use_effect_with(key, move |_| effect());
}

/// `use_effect_with((), …)` for `effect`: a key that never changes.
#[hook]
pub fn use_mount_effect(effect: Box<dyn FnOnce() -> WhenGone>) {
    use_effect_on(0, effect);
}
