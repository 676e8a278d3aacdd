//! adaptive-practice: the widget. Yew components, the storage adapter and the small JS-facing
//! API (`mountWidget`, `WidgetHandle`). All adaptive logic is in the engine. The stylesheet is
//! in the element module (`src/element.js`), not here.
//! The teacher page's exports (`readReport`, `calibrateBank`) are in `crates/studio`, its own
//! wasm build: the learner's widget never carries them.

mod bank_source;
mod browser;
mod choice_reason;
mod components;
mod controls;
#[cfg(test)] // build.rs runs it; the tests check it
mod css_minify;
#[cfg(test)] // beside it, not inside: build.rs includes css_minify.rs alone
#[path = "css_minify/tests.rs"]
mod css_minify_tests;
mod events;
mod i18n;
mod state;
mod storage;

use wasm_bindgen::prelude::*;
use yew::AppHandle;

/// The wasm's allocator: talc, made for a single-threaded wasm module, in place of std's
/// dlmalloc (smaller code; `make size`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: the widget's wasm runs on one thread (no shared memory, no workers share it).
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

use bank_source::BankSource;
use components::app::{App, AppProps};
use controls::SharedControls;

/// Options of `mount`, from JS (camelCase keys).
#[derive(Default)]
struct MountOptions {
    /// URL of the bank's JSON file.
    src: Option<String>,
    /// The bank's JSON text itself (inline banks).
    bank: Option<String>,
    /// Progress namespace; the bank id when absent.
    storage_key: Option<String>,
    /// Interface language (BCP 47); the bank's language when absent.
    lang: Option<String>,
    /// Skill ids to practise, separated by spaces or commas; all the bank's when absent.
    skills: Option<String>,
    /// Origins media may be loaded from besides the bank's own, separated by spaces or commas.
    media_origins: Option<String>,
    /// The folder of the package's language files (`pkg/i18n/`), as an absolute URL ending in `/`.
    i18n_url: Option<String>,
}

/// Reads the options object with `js_sys` (serde-wasm-bindgen cost kilobytes for six strings).
fn read_mount_options(options: &JsValue) -> Result<MountOptions, String> {
    let text = |key: &str| -> Result<Option<String>, String> {
        let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or_default();
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| format!("`{key}` must be a string"))
    };
    Ok(MountOptions {
        src: text("src")?,
        bank: text("bank")?,
        storage_key: text("storageKey")?,
        lang: text("lang")?,
        skills: text("skills")?,
        media_origins: text("mediaOrigins")?,
        i18n_url: text("i18nUrl")?,
    })
}

/// A mounted widget; call `destroy()` when its element leaves the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    controls: SharedControls,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Unmounts the widget and frees what it holds. Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    /// The learner's saved progress (JSON text), or `undefined` before the bank is loaded or
    /// when nothing is saved.
    #[wasm_bindgen(js_name = exportProgress)]
    pub fn export_progress(&self) -> Option<String> {
        let key = self.controls.0.storage_key.borrow().clone()?;
        storage::read(&key).ok().flatten()
    }

    /// Starts the learner afresh on this bank (ask them first).
    #[wasm_bindgen(js_name = resetProgress)]
    pub fn reset_progress(&self) {
        if let Some(reset) = self.controls.0.reset.borrow().as_ref() {
            reset.emit(crate::state::PracticeAction::Reset);
        }
    }
}

/// Mounts a widget into `container`; DOM events are sent from `host` (the custom element).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    container: web_sys::Element,
    host: web_sys::Element,
    options: JsValue,
) -> Result<WidgetHandle, JsError> {
    let options_value = options;
    let options: MountOptions = if options_value.is_undefined() || options_value.is_null() {
        MountOptions::default()
    } else {
        read_mount_options(&options_value)
            .map_err(|e| JsError::new(&format!("mount options: {e}")))?
    };
    // The bank, when the element started downloading it while the module compiled: a promise of
    // its bytes, or of `null` when that download failed (the widget then fetches it again).
    let prefetched = js_sys::Reflect::get(&options_value, &JsValue::from_str("prefetchedBank"))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok())
        .map(components::app::PrefetchedBank);
    let source = match (options.bank, options.src) {
        (Some(text), _) => BankSource::Inline(text),
        (None, Some(url)) => BankSource::Url(url),
        (None, None) => return Err(JsError::new("mount needs a `src` URL or an inline `bank`")),
    };
    let controls = SharedControls::default();
    // Lists separated by spaces or commas, read in plain loops (a chain of `split`, `filter`,
    // `map` and `collect` is compiled for each).
    let skills = options.skills.as_deref().map(|list| {
        let mut skills = Vec::new();
        for skill in list.split([' ', ',']) {
            if !skill.is_empty() {
                skills.push(skill.to_owned());
            }
        }
        skills
    });
    // Each listed address counts by its origin (`https://cdn.example/img/` is `https://cdn.example`);
    // what is not an absolute URL is ignored.
    let mut media_origins = Vec::new();
    for address in options
        .media_origins
        .as_deref()
        .unwrap_or("")
        .split([' ', ','])
    {
        if let Some(origin) = components::rich_text::origin_of(address) {
            media_origins.push(origin);
        }
    }
    let props = AppProps {
        source,
        prefetched,
        storage_namespace: options.storage_key,
        host: Some(host),
        controls: controls.clone(),
        language: options.lang,
        language_folder: options.i18n_url,
        skills,
        media_origins: std::rc::Rc::new(media_origins),
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(WidgetHandle {
        app: Some(app),
        controls,
    })
}
