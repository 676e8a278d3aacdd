//! A bank limited to some of its skills (the widget's `skills` attribute).

use crate::bank::Bank;

impl Bank {
    /// The bank limited to `skills`: their items only (an item or step needing another skill is
    /// left out), and prerequisites outside the list dropped.
    pub fn limited_to_skills(mut self, skills: &[String]) -> Bank {
        let kept = |id: &String| skills.contains(id);
        self.skills.retain(|skill| kept(&skill.id));
        for skill in &mut self.skills {
            skill.prerequisites.retain(kept);
        }
        self.items.retain(|item| {
            item.skills.iter().all(kept)
                && item.parts().iter().all(|part| part.skills.iter().all(kept))
        });
        self
    }
}
