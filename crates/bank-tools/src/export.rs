//! Exporters: each module writes a bank in another open format and reports, item by item, what
//! that format cannot hold. `qti` writes a QTI 3.0 package.

pub mod qti;
