//! Moodle XML.
