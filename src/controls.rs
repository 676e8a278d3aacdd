//! What the JS handle (`WidgetHandle`) can ask of a mounted widget: its stored progress, and a
//! reset. The practice screen registers itself here when it starts.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

use crate::state::PracticeAction;

/// Shared between the JS handle and the widget's components.
#[derive(Default)]
pub struct ExternalControls {
    /// The localStorage key of this widget's progress, once the bank is loaded.
    pub storage_key: RefCell<Option<String>>,
    /// The practice screen's dispatch: `PracticeAction::Reset` resets the learner's progress (the
    /// caller has asked the learner to confirm).
    pub reset: RefCell<Option<Callback<PracticeAction>>>,
}

/// Props hold it behind an `Rc`; two props are equal when they share the same controls.
#[derive(Clone, Default)]
pub struct SharedControls(pub Rc<ExternalControls>);

impl PartialEq for SharedControls {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
