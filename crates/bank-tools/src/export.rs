//! Exporters: a bank written in another format, with a note for everything that format cannot
//! hold (the importers' [`ImportNote`](crate::import::ImportNote), whose source is the item id).
//! `gift` writes Moodle's GIFT; `qti` writes a QTI 3.0 package.

pub mod gift;
pub mod qti;
