//! The widget's Yew components, one per file.

pub mod after_first_paint;
pub mod answer_controls;
pub mod app;
pub mod goal_panel;
pub mod hint_list;
pub mod item_view;
pub mod load_error;
pub mod mount_effect;
pub mod practice;
pub mod progress_panel;
pub mod rich_text;
pub mod skill_list;
pub mod skill_map;
