//! Tools for bank authors: the bank checker behind `check-bank`, importers that turn other open
//! content formats into one bank (`import`, `import-oatutor`), exporters that write a bank in
//! another format (`export`), and `try-answers`, which judges typed answers as the widget would.
//!
//! Every importer is a module of `import` that reads its source and returns the engine's `Bank`
//! with notes on what it could not convert; the binaries in `src/bin/` are thin glue.

pub mod bank_checker;
pub mod calibrate;
pub mod export;
pub mod import;
pub use adaptive_practice_engine::text_fields;
pub mod try_answers;
