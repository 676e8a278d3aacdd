//! `use_after_first_paint`: what a component shows only once its first frame is on screen, so
//! that the first item paints without waiting for the progress list and the panels below it;
//! `after_first_paint`: work that waits so (the bank's text checks). The timing is in
//! `after_first_paint.js`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::mount_effect::use_mount_effect;

#[wasm_bindgen(module = "/src/components/after_first_paint.js")]
extern "C" {
    #[wasm_bindgen(js_name = afterFirstPaint)]
    fn after_first_paint_js(show: &JsValue, fallback_ms: i32);
}

/// How long to wait when no frame comes: the deferred part is then built anyway.
const NO_FRAME_FALLBACK_MS: i32 = 200;

/// False during the component's first render and frame; true from the frame after it, or after
/// `NO_FRAME_FALLBACK_MS` when no frame comes. `painted` is kept by the component (the practice
/// screen's `ScreenHeld`) and shown by a forced render: not a `use_state` (whose reducer Yew
/// compiles for each type of state) nor a `use_mut_ref` of its own (a hook for each type).
#[hook]
pub fn use_after_first_paint(painted: &Rc<Cell<bool>>) -> bool {
    let render = use_force_update();
    {
        let painted = painted.clone();
        use_mount_effect(Box::new(move || {
            let unmounted = Rc::new(Cell::new(false));
            let show = {
                let unmounted = unmounted.clone();
                move || {
                    if !unmounted.get() {
                        painted.set(true);
                        render.force_update();
                    }
                }
            };
            after_first_paint(show);
            Box::new(move || unmounted.set(true))
        }));
    }
    painted.get()
}

/// Calls `then` once, at the start of the second frame from now (the first has been painted by
/// then), or after `NO_FRAME_FALLBACK_MS` when no frame comes.
pub fn after_first_paint(then: impl FnOnce() + 'static) {
    after_first_paint_js(&Closure::once_into_js(then), NO_FRAME_FALLBACK_MS);
}
