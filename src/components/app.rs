//! The root component: loads the bank, then shows practice or a readable error. The answers and
//! texts of the bank are checked once its first item has been painted, and a bank with an error
//! there is then refused, as any other (`read_bank` and `LaterChecks` split the engine's
//! `load_bank` so).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adaptive_practice_engine::bank_check::{read_bank, BankRead, CodedDiagnostic, LaterChecks};
use adaptive_practice_engine::{Diagnostic, IndexedBank, Severity};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bank_source::{fetch_text, BankSource};
use crate::components::after_first_paint::after_first_paint;
use crate::components::load_error::{load_error, send_load_error};
use crate::components::mount_effect::use_mount_effect;
use crate::components::practice::Practice;
use crate::controls::SharedControls;
use crate::i18n::fetched::fetch_language;
use crate::i18n::{fill, words_for};
use crate::storage;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub source: BankSource,
    /// The bank already being downloaded for a `BankSource::Url` (the element starts the
    /// download while the wasm module compiles): a promise of its bytes, or of `null` when that
    /// download failed, and the URL is fetched again here to say why.
    #[prop_or_default]
    pub prefetched: Option<PrefetchedBank>,
    /// Progress namespace from the page (`storage-key`); the bank id when absent.
    pub storage_namespace: Option<String>,
    /// The custom element, where DOM events are sent.
    pub host: Option<web_sys::Element>,
    pub controls: SharedControls,
    /// The interface language asked for by the page (`lang`); else the bank's language.
    pub language: Option<String>,
    /// Where the languages other than English are fetched from (`i18n::fetched`).
    pub language_folder: Option<String>,
    /// Practise only these skills of the bank (`skills`); all when absent.
    pub skills: Option<Vec<String>>,
    /// Origins media may come from besides the bank's own (`media-origins`), as origins.
    pub media_origins: Rc<Vec<String>>,
}

/// A promise of the bank's bytes (a `Uint8Array`, or `null`), started before the widget was
/// mounted; two are equal when they are the same promise.
#[derive(Clone)]
pub struct PrefetchedBank(pub js_sys::Promise);

impl PartialEq for PrefetchedBank {
    fn eq(&self, other: &Self) -> bool {
        AsRef::<wasm_bindgen::JsValue>::as_ref(&self.0)
            == AsRef::<wasm_bindgen::JsValue>::as_ref(&other.0)
    }
}

#[derive(Clone)]
enum LoadState {
    Loading,
    Failed {
        summary: String,
        diagnostics: Rc<Vec<Diagnostic>>,
    },
    /// The bank, and whether its answers and texts have been checked yet (until then it is
    /// shown, but no effect of practice runs: nothing is stored for a bank that may still be
    /// refused).
    Ready {
        bank: Rc<IndexedBank>,
        checked: bool,
    },
}

/// The root's load state and how to show a change of it.
#[derive(Clone)]
struct Loaded {
    state: Rc<RefCell<LoadState>>,
    render: UseForceUpdateHandle,
}

impl Loaded {
    fn set(&self, state: LoadState) {
        *self.state.borrow_mut() = state;
        self.render.force_update();
    }
}

/// About how many bytes of heap reading a bank takes per byte of its text, up to its first item
/// (the JSON tree, the bank, its index, the practice state: 5.5 for the bench's bank).
const HEAP_PER_BANK_BYTE: usize = 6;

/// Grows the wasm memory once by what reading `text` will take: the allocator grows it by what
/// each allocation lacks, a 64 KiB page at a time, and each growth costs the browser more than
/// the page (the JS views of the memory are made again).
fn reserve_heap_for(text: &str) {
    let reserved: Vec<u8> = Vec::with_capacity(text.len().saturating_mul(HEAP_PER_BANK_BYTE));
    // Kept from being optimized away: only its allocation matters.
    drop(std::hint::black_box(reserved));
}

/// The bank read and its structure checked, its answers and texts left for later; or its
/// refusal. A bank limited to some skills (`skills`) is checked whole at once: the later checks
/// need the whole bank, and keeping a copy of it costs more than they do.
fn read_bank_text(
    text: &str,
    language: Option<&str>,
    skills: Option<&[String]>,
) -> (LoadState, Option<LaterChecks>) {
    reserve_heap_for(text);
    match read_bank(text) {
        BankRead::Checked { bank, later } => match skills {
            Some(skills) if !skills.is_empty() => {
                // A typo in the page's `skills` would practise fewer skills, or none, unnoticed.
                let mut unknown = String::new();
                for id in skills {
                    if !bank.skills.iter().any(|skill| &skill.id == id) {
                        push_listed(&mut unknown, id);
                    }
                }
                if !unknown.is_empty() {
                    let mut known = String::new();
                    for skill in &bank.skills {
                        push_listed(&mut known, &skill.id);
                    }
                    let words = words_for(language);
                    let summary = fill(
                        words.skills_unknown(),
                        &[("unknown", &unknown), ("known", &known)],
                    );
                    let diagnostics = Rc::new(Vec::new());
                    return (
                        LoadState::Failed {
                            summary,
                            diagnostics,
                        },
                        None,
                    );
                }
                let diagnostics = later.check(&bank);
                if diagnostics.iter().any(|d| d.severity == Severity::Error) {
                    return (refusal(&diagnostics, language), None);
                }
                let state = LoadState::Ready {
                    bank: Rc::new(IndexedBank::new(bank.limited_to_skills(skills))),
                    checked: true,
                };
                (state, None)
            }
            _ => {
                let state = LoadState::Ready {
                    bank: Rc::new(IndexedBank::new(*bank)),
                    checked: false,
                };
                (state, Some(later))
            }
        },
        BankRead::Refused(diagnostics) => (refusal(&diagnostics, language), None),
    }
}

/// Adds `id` to a list written `a, b, c`.
fn push_listed(list: &mut String, id: &str) {
    if !list.is_empty() {
        list.push_str(", ");
    }
    list.push_str(id);
}

/// The refusal of a bank with errors: how many, and each with its place.
fn refusal(diagnostics: &[CodedDiagnostic], language: Option<&str>) -> LoadState {
    let mut errors: Vec<Diagnostic> = Vec::new();
    for coded in diagnostics {
        if coded.severity == Severity::Error {
            errors.push(coded.diagnostic());
        }
    }
    let words = words_for(language);
    let summary = fill(
        words.bank_problems(),
        &[("count", &errors.len().to_string())],
    );
    LoadState::Failed {
        summary,
        diagnostics: Rc::new(errors),
    }
}

/// The text the element downloaded beforehand, if it got one: its bytes as `Response.text()`
/// reads them (UTF-8, a byte order mark dropped). Bytes that are not UTF-8 give `None`, and the
/// URL is fetched again as text.
async fn prefetched_text(prefetched: Option<PrefetchedBank>) -> Option<String> {
    let bytes = wasm_bindgen_futures::JsFuture::from(prefetched?.0)
        .await
        .ok()?
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?
        .to_vec();
    let mut text = String::from_utf8(bytes).ok()?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Some(text)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // Kept in a `use_mut_ref`, each change shown by a forced render (`Loaded::set`), not a
    // `use_state`, whose reducer Yew would compile for this type alone.
    let load = Loaded {
        state: use_mut_ref(|| LoadState::Loading),
        render: use_force_update(),
    };
    let page_words = words_for(props.language.as_deref());
    {
        let load = load.clone();
        let skills = props.skills.clone();
        let prefetched = props.prefetched.clone();
        let language = props.language.clone();
        let folder = props.language_folder.clone();
        let host = props.host.clone();
        let source = props.source.clone();
        // Once, after the first render: the root's props never change (any change of the
        // element's attributes mounts the widget anew), so the source is read once, through the
        // one boxed mount effect (no effect compiled for a `BankSource` key).
        use_mount_effect(Box::new(move || {
            // Set when the widget goes: a late answer is then dropped.
            let replaced = Rc::new(Cell::new(false));
            let current = replaced.clone();
            load.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                // The page's language, while the bank downloads (the element started it).
                fetch_language(language.as_deref(), folder.as_deref()).await;
                let text = match source {
                    BankSource::Url(url) => match prefetched_text(prefetched).await {
                        Some(text) => Ok(text),
                        None => fetch_text(&url).await,
                    },
                    BankSource::Inline(text) => Ok(text),
                };
                let (state, later) = match text {
                    Ok(text) => read_bank_text(&text, language.as_deref(), skills.as_deref()),
                    Err(message) => (
                        LoadState::Failed {
                            summary: message,
                            diagnostics: Rc::new(Vec::new()),
                        },
                        None,
                    ),
                };
                // Else the bank's language, before its first item is shown.
                if let (None, LoadState::Ready { bank, .. }) = (&language, &state) {
                    fetch_language(bank.language(), folder.as_deref()).await;
                }
                if current.get() {
                    return;
                }
                let shown = state.clone();
                load.set(state);
                if let LoadState::Failed {
                    summary,
                    diagnostics,
                } = &shown
                {
                    send_load_error(host.clone(), summary.clone(), diagnostics.clone());
                }
                if let (Some(later), LoadState::Ready { bank, .. }) = (later, shown) {
                    after_first_paint(move || {
                        if current.get() {
                            return;
                        }
                        let diagnostics = later.check(bank.bank());
                        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
                            let refused = refusal(&diagnostics, language.as_deref());
                            load.set(refused.clone());
                            if let LoadState::Failed {
                                summary,
                                diagnostics,
                            } = refused
                            {
                                send_load_error(host.clone(), summary, diagnostics);
                            }
                        } else {
                            load.set(LoadState::Ready {
                                bank,
                                checked: true,
                            });
                        }
                    });
                }
            });
            Box::new(move || replaced.set(true))
        }));
    }
    let words = match (&props.language, &*load.state.borrow()) {
        (None, LoadState::Ready { bank, .. }) => words_for(bank.language()),
        _ => page_words,
    };
    let content = match &*load.state.borrow() {
        LoadState::Loading => html! {
            <div class="ap-card ap-loading" aria-busy="true" role="status">{ words.loading() }</div>
        },
        LoadState::Failed {
            summary,
            diagnostics,
        } => load_error(words, summary, diagnostics),
        LoadState::Ready { bank, checked } => {
            let storage_key = storage::progress_key(props.storage_namespace.as_deref(), bank.id());
            let source_url = match &props.source {
                BankSource::Url(url) => Some(url.clone()),
                BankSource::Inline(_) => None,
            };
            html! {
                <Practice bank={bank.clone()} {storage_key} shared_storage_key={props.storage_namespace.clone()} host={props.host.clone()}
                    {source_url} media_origins={props.media_origins.clone()} controls={props.controls.clone()} words={words}
                    checked={*checked} />
            }
        }
    };
    // The interface's language and direction (right to left for Arabic) hold for everything
    // inside; the practice screen gives its parts the words (`ScreenContext`).
    html! {
        <div class="ap-root" lang={words.tag} dir={if words.right_to_left { "rtl" } else { "ltr" }}>{ content }</div>
    }
}
