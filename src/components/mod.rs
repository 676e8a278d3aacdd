//! The widget's Yew components, one per file.

pub mod app;
pub mod item_view;
pub mod load_error;
pub mod practice;
pub mod skill_list;
