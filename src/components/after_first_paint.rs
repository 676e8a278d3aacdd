//! `use_after_first_paint`: what a component shows only once its first frame is on screen, so
//! that the first item paints without waiting for the progress list and the panels below it.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long to wait when no frame comes (a hidden tab, an off-screen frame the browser does not
/// paint): the deferred part is then built anyway.
const NO_FRAME_FALLBACK_MS: i32 = 200;

/// False during the component's first render and frame; true from the frame after it (the first
/// frame has been painted by then), or after `NO_FRAME_FALLBACK_MS` when no frame comes.
#[hook]
pub fn use_after_first_paint() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let done = Rc::new(Cell::new(false));
            let show = {
                let done = done.clone();
                move || {
                    if !done.replace(true) {
                        painted.set(true);
                    }
                }
            };
            schedule(show);
            // Unmounted first: nothing is shown (a late callback finds `done`).
            move || done.set(true)
        });
    }
    *painted
}

/// Calls `show` at the start of the second frame from now (the first has been painted), or after
/// the fallback delay, whichever comes first; `show` ignores the second call.
fn schedule(show: impl Fn() + Clone + 'static) {
    let Some(window) = web_sys::window() else {
        show();
        return;
    };
    let fallback = show.clone();
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        Closure::once_into_js(fallback).unchecked_ref(),
        NO_FRAME_FALLBACK_MS,
    );
    let second_frame = {
        let window = window.clone();
        move || {
            let _ = window.request_animation_frame(Closure::once_into_js(show).unchecked_ref());
        }
    };
    let _ = window.request_animation_frame(Closure::once_into_js(second_frame).unchecked_ref());
}
