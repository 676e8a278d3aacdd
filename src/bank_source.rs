//! Where a widget's bank comes from (a URL or inline JSON) and fetching it.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The largest bank text the widget accepts, in bytes.
pub const MAX_BANK_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum BankSource {
    Url(String),
    Inline(String),
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches the text at `url`, saying plainly what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no browser window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("could not fetch {url}: {}", describe(e)))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| format!("could not fetch {url}"))?;
    if !response.ok() {
        return Err(format!(
            "could not fetch {url}: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let promise = response
        .text()
        .map_err(|e| format!("could not read {url}: {}", describe(e)))?;
    let text = JsFuture::from(promise)
        .await
        .map_err(|e| format!("could not read {url}: {}", describe(e)))?;
    let text = text
        .as_string()
        .ok_or_else(|| format!("could not read {url} as text"))?;
    if text.len() > MAX_BANK_BYTES {
        return Err(format!(
            "{url} is larger than {} MB",
            MAX_BANK_BYTES / (1024 * 1024)
        ));
    }
    Ok(text)
}
