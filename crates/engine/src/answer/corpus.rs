//! The judging corpus: placeholder.
