//! Unit tests of the evaluation crate.
