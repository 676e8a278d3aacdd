//! Bindings to `browser.js` (downloading a file, the short code of a report, reading a chosen
//! file), and the clock and a random seed.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    #[wasm_bindgen(js_name = downloadText)]
    pub fn download_text(file_name: &str, text: &str, mime_type: &str);

    #[wasm_bindgen(js_name = shortCode)]
    async fn short_code_promise(text: &str) -> JsValue;

    #[wasm_bindgen(js_name = readFileText)]
    async fn read_file_text_promise(input: &web_sys::HtmlInputElement, largest: f64) -> JsValue;
}

/// `AP1.` followed by the deflated text in base64url.
pub async fn short_code(text: &str) -> Option<String> {
    short_code_promise(text).await.as_string()
}

/// The text of the file chosen in a file input, if any: at most one byte more than the largest
/// progress file, so that a larger one is refused (`import_progress`) without being read whole.
pub async fn read_file_text(input: &web_sys::HtmlInputElement) -> Option<String> {
    let largest = adaptive_practice_engine::progress::PROGRESS_FILE_LIMIT_BYTES as f64;
    read_file_text_promise(input, largest).await.as_string()
}

/// The clock, read at the edge (callbacks, renders), never in the reducer or the engine.
pub fn now() -> adaptive_practice_engine::Timestamp {
    adaptive_practice_engine::Timestamp(js_sys::Date::now() as i64)
}

/// A random seed below 2^53, read at the edge like the clock.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}
