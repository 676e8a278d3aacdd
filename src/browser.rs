//! Bindings to `browser.js` (downloading a file, the short code of a report, reading a chosen
//! file), `console.warn`, and the clock and a random seed.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    #[wasm_bindgen(js_name = downloadText)]
    pub fn download_text(file_name: &str, text: &str, mime_type: &str);

    #[wasm_bindgen(js_name = shortCode)]
    fn short_code_promise(text: &str) -> js_sys::Promise;

    #[wasm_bindgen(js_name = readFileText)]
    fn read_file_text_promise(input: &web_sys::HtmlInputElement, largest: f64) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// `console.warn`: what a page's developer should know (the learner is told nothing).
    #[wasm_bindgen(js_namespace = console)]
    pub fn warn(message: &str);
}

/// Runs `then` with what `promise` resolves to (`undefined` if it is rejected), or at once
/// without one: in either case as a task of its own, after the tasks already queued (Yew's
/// render, when a state change queued it). The widget's one future type: a future per caller
/// was compiled once per caller.
pub fn later(promise: Option<js_sys::Promise>, then: Box<dyn FnOnce(JsValue)>) {
    wasm_bindgen_futures::spawn_local(async move {
        let value = match promise {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .unwrap_or(JsValue::UNDEFINED),
            None => JsValue::UNDEFINED,
        };
        then(value);
    });
}

/// Gives `then` the short code of `text`, `AP1.` followed by the deflated text in base64url (a
/// string; another value when the browser could not make it).
pub fn short_code(text: &str, then: Box<dyn FnOnce(JsValue)>) {
    later(Some(short_code_promise(text)), then);
}

/// Gives `then` the text of the file chosen in a file input (a string; another value when none
/// was chosen or it could not be read): at most one byte more than the largest progress file, so
/// that a larger one is refused (`import_progress`) without being read whole.
pub fn read_file_text(input: &web_sys::HtmlInputElement, then: Box<dyn FnOnce(JsValue)>) {
    let largest = adaptive_practice_engine::progress::PROGRESS_FILE_LIMIT_BYTES as f64;
    later(Some(read_file_text_promise(input, largest)), then);
}

/// The clock, read at the edge (callbacks, renders), never in the reducer or the engine.
pub fn now() -> adaptive_practice_engine::Timestamp {
    adaptive_practice_engine::Timestamp(js_sys::Date::now() as i64)
}

/// A random seed below 2^53, read at the edge like the clock.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}
