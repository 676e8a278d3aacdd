//! QTI.
