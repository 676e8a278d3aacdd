//! Stands in for the `console_error_panic_hook` crate, which Yew's `Renderer::render` installs as
//! the panic hook (the workspace's `Cargo.toml` patches it in).
//!
//! The learner's widget is built with panics that trap at once (`scripts/wasm-std.sh`): no hook
//! ever runs there, yet the crate's hook (the message formatted, a JS `Error`'s stack read,
//! `console.error`) stayed in the wasm because Yew installs it. Here it is empty in such a build.
//! Any other build (`KEEP_PANIC_MESSAGES=1`, the studio's wasm, native tests) writes the panic's
//! message and the JS stack to the console, as the crate did.

use std::panic::PanicHookInfo;

/// The panic hook Yew installs: writes the panic and where it happened to the console.
pub fn hook(info: &PanicHookInfo) {
    write_panic(info);
}

/// Installs [`hook`] as the panic hook, once.
pub fn set_once() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}

#[cfg(panic = "immediate-abort")]
fn write_panic(_info: &PanicHookInfo) {}

#[cfg(all(not(panic = "immediate-abort"), target_arch = "wasm32"))]
fn write_panic(info: &PanicHookInfo) {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        fn console_error(message: String);

        type Error;

        #[wasm_bindgen(constructor)]
        fn new() -> Error;

        #[wasm_bindgen(method, getter, structural)]
        fn stack(this: &Error) -> String;
    }

    let stack = Error::new().stack();
    console_error(format!("{info}\n\nStack:\n\n{stack}\n\n"));
}

#[cfg(all(not(panic = "immediate-abort"), not(target_arch = "wasm32")))]
fn write_panic(info: &PanicHookInfo) {
    eprintln!("{info}");
}
