//! `use_mount_effect`: an effect that runs once, after the component's first render, with what
//! to do when the component goes. Every such effect goes through one boxed closure type, so that
//! Yew's effect machinery is compiled once for all of them instead of once per call site.

use yew::prelude::*;

/// What a mount effect leaves to run when its component goes.
pub type WhenGone = Box<dyn FnOnce()>;

/// `use_effect_with((), …)` for `effect`, boxed.
#[hook]
pub fn use_mount_effect(effect: Box<dyn FnOnce() -> WhenGone>) {
    use_effect_with((), move |_| effect());
}
