//! Exporters: a bank written in another format, with a note for everything that format cannot
//! hold (the importers' [`ImportNote`](crate::import::ImportNote), whose source is the item id).
//! `gift` writes Moodle's GIFT; `qti` writes a QTI 3.0 package.

pub mod gift;
pub mod qti;

use adaptive_practice_engine::bank::{Blank, ItemKind};
use adaptive_practice_engine::{check_response, Response};

/// The options of a drop-down gap that the gap judges right, by place: the gap's own judgement
/// (an option may be right as a number, `100.0` for `100`), so an exporter marks what the
/// widget would accept.
pub(crate) fn right_drop_down_options(blank: &Blank) -> Vec<usize> {
    let gap = ItemKind::FillBlanks {
        blanks: vec![blank.clone()],
    };
    blank
        .choices
        .iter()
        .enumerate()
        .filter(|(_, option)| {
            check_response(&gap, &Response::Blanks(vec![(*option).clone()]))
                .is_ok_and(|outcome| outcome.correct)
        })
        .map(|(index, _)| index)
        .collect()
}
