//! The widget's learner model (`LearnerModel`, crates/engine/src/model.rs) as an online model, on a
//! bank built from the dataset: `widget` (the bank calibrated from the train learners: the
//! teacher page's difficulties and the calibration block of `fit_bank_calibration`) and
//! `widget-uncalibrated` (no difficulties, no calibration).

use std::collections::{BTreeMap, BTreeSet};

use adaptive_practice_engine::bank::{Bank, BankSettings, Item, ItemKind, Skill};
use adaptive_practice_engine::bank_calibration::{
    fit_bank_calibration, BankCalibration, ClassAnswer, SECONDS_BETWEEN_UNTIMED_ANSWERS,
};
use adaptive_practice_engine::calibrated_model::{ModelSettings, ObservedAnswer};
use adaptive_practice_engine::calibration::calibrate_bank_items;
use adaptive_practice_engine::{Evidence, IndexedBank, LearnerModel, Timestamp};

use crate::dataset::Dataset;
use crate::replay::OnlineModel;

/// When the data has no time (timestamp 0), answers are taken to be this far apart, as the
/// calibration takes them.
const MILLISECONDS_BETWEEN_UNTIMED_ANSWERS: i64 = (SECONDS_BETWEEN_UNTIMED_ANSWERS * 1000.0) as i64;

/// A bank holding the dataset's items and skills as an author would ship it: item `i` of the
/// dataset is the bank's item at position `i` (id `item{i}`), tagged with every skill it is
/// answered with in `datasets` (item metadata, not outcomes); no item has a difficulty and the
/// bank has no calibration.
pub fn dataset_bank(item_count: usize, skill_count: usize, datasets: &[&Dataset]) -> Bank {
    let mut skills_of_item: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); item_count];
    for answer in datasets
        .iter()
        .flat_map(|dataset| &dataset.learners)
        .flat_map(|learner| &learner.answers)
    {
        if let Some(skills) = skills_of_item.get_mut(answer.item) {
            skills.extend(answer.skills.iter().copied());
        }
    }
    Bank {
        id: "evaluation".to_string(),
        version: "1".to_string(),
        title: "Items of the dataset".to_string(),
        language: None,
        license: None,
        attribution: None,
        settings: BankSettings::default(),
        skills: (0..skill_count)
            .map(|skill| Skill {
                id: skill_id(skill),
                name: skill_id(skill),
                description: None,
                prerequisites: Vec::new(),
            })
            .collect(),
        items: skills_of_item
            .iter()
            .enumerate()
            .map(|(item, skills)| Item {
                id: item_id(item),
                skills: skills.iter().map(|&skill| skill_id(skill)).collect(),
                difficulty: None,
                prompt: String::new(),
                hints: Vec::new(),
                solution: None,
                template: None,
                kind: ItemKind::SingleChoice {
                    choices: Vec::new(),
                    answer: 0,
                    shuffle: false,
                },
            })
            .collect(),
        calibration: None,
    }
}

/// Calibrates `bank` from the train learners' answers the way the teacher page does
/// (`calibrateBank` in crates/studio/src/teacher.rs): each learner becomes the per-item
/// (attempts, correct) record of a report file, `calibration::calibrate_bank_items` fits the
/// difficulties against the bank's prior difficulties, and each calibrated item's difficulty is
/// written into the bank when it rests on enough answers
/// (`CalibratedItem::difficulty_to_publish`, the page's rule: other items keep theirs). Answers
/// how many items were calibrated (with enough answers or not).
pub fn calibrate_like_the_teacher_page(
    bank: &mut Bank,
    learner_sequences: &[Vec<ObservedAnswer>],
) -> usize {
    let records: Vec<BTreeMap<String, (u32, u32)>> = learner_sequences
        .iter()
        .map(|sequence| {
            let mut record: BTreeMap<String, (u32, u32)> = BTreeMap::new();
            for answer in sequence {
                let counts = record.entry(item_id(answer.item)).or_insert((0, 0));
                counts.0 += 1;
                counts.1 += u32::from(answer.correct);
            }
            record
        })
        .collect();
    let ids: Vec<String> = bank.items.iter().map(|item| item.id.clone()).collect();
    let priors: Vec<f64> = bank.items.iter().map(Item::prior_difficulty).collect();
    let calibrated = calibrate_bank_items(&ids, &priors, &records);
    let difficulty_by_id: BTreeMap<&str, f64> = calibrated
        .iter()
        .filter_map(|item| Some((item.id.as_str(), item.difficulty_to_publish()?)))
        .collect();
    for item in &mut bank.items {
        if let Some(&difficulty) = difficulty_by_id.get(item.id.as_str()) {
            item.difficulty = Some(difficulty);
        }
    }
    calibrated.len()
}

/// The widget's `LearnerModel` on a bank, and the state of the current learner.
pub struct WidgetModelOnline {
    bank: IndexedBank,
    model: LearnerModel,
    answers_of_current_learner: i64,
}

impl WidgetModelOnline {
    pub fn new(bank: Bank) -> WidgetModelOnline {
        WidgetModelOnline {
            bank: IndexedBank::new(bank),
            model: LearnerModel::default(),
            answers_of_current_learner: 0,
        }
    }

    /// The bank's calibration block, if it has one.
    #[cfg(test)]
    pub fn calibration_block(&self) -> Option<&BankCalibration> {
        self.bank.bank().calibration.as_ref()
    }

    /// The bank's prior difficulty of a dataset item, as the widget reads it
    /// (`Item::prior_difficulty`: 0 without a difficulty).
    fn prior_difficulty(&self, item: usize) -> f64 {
        self.bank
            .items()
            .get(item)
            .map_or(0.0, Item::prior_difficulty)
    }

    /// The dataset's time in milliseconds, or one minute after the learner's previous answer.
    fn timestamp_of(&self, now: f64) -> Timestamp {
        if now > 0.0 {
            Timestamp((now * 1000.0) as i64)
        } else {
            Timestamp(self.answers_of_current_learner * MILLISECONDS_BETWEEN_UNTIMED_ANSWERS)
        }
    }
}

/// `widget`: the dataset's bank calibrated from the train learners like the teacher page does:
/// the items' difficulties, and the calibration block fitted by the engine's one function
/// (`bank_calibration::fit_bank_calibration`, the teacher page's and `make calibrate`'s), which
/// the widget's model then predicts with. As on the teacher page (`calibrate_bank_from_texts`),
/// the block is checked against the bank as it was given, not against the difficulties fitted
/// from the same learners: those would have seen the held-out learners' answers, and the check
/// would keep no block even for a full class.
pub fn fit_widget_model(
    learner_sequences: &[Vec<ObservedAnswer>],
    mut bank: Bank,
    settings: ModelSettings,
) -> WidgetModelOnline {
    let block = fit_class_block(learner_sequences, &bank, settings);
    calibrate_like_the_teacher_page(&mut bank, learner_sequences);
    bank.calibration = block;
    WidgetModelOnline::new(bank)
}

/// The calibration block `bank_calibration::fit_bank_calibration` gives `bank` from the
/// learners' answers (`None`: not kept, the class's held-out answers did not gain).
pub fn fit_class_block(
    learner_sequences: &[Vec<ObservedAnswer>],
    bank: &Bank,
    settings: ModelSettings,
) -> Option<BankCalibration> {
    let answers: Vec<ClassAnswer> = learner_sequences
        .iter()
        .enumerate()
        .flat_map(|(learner, sequence)| {
            sequence.iter().map(move |answer| ClassAnswer {
                learner: learner.to_string(),
                item_id: item_id(answer.item),
                part: None,
                correct: answer.correct,
                seconds: answer.now,
            })
        })
        .collect();
    fit_bank_calibration(bank, &answers, settings, &mut |_, _| {})
        .and_then(|fitted| fitted.calibration)
}

impl OnlineModel for WidgetModelOnline {
    fn start_learner(&mut self) {
        self.model = LearnerModel::default();
        self.answers_of_current_learner = 0;
    }

    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64 {
        let (key, skill_ids) = bank_ids(item, skills);
        let evidence = Evidence {
            key: &key,
            item_id: &key,
            skills: &skill_ids,
            prior_difficulty: self.prior_difficulty(item),
            correct: false,
            hints_used: 0,
        };
        self.model
            .predict_evidence(&self.bank, &evidence, self.timestamp_of(now))
    }

    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64) {
        let (key, skill_ids) = bank_ids(item, skills);
        let evidence = Evidence {
            key: &key,
            item_id: &key,
            skills: &skill_ids,
            prior_difficulty: self.prior_difficulty(item),
            correct,
            hints_used: 0,
        };
        let timestamp = self.timestamp_of(now);
        self.model.record_answer(&self.bank, &evidence, timestamp);
        self.answers_of_current_learner += 1;
    }
}

/// The bank's ids of a dataset's item and its skills.
fn bank_ids(item: usize, skills: &[usize]) -> (String, Vec<String>) {
    (
        item_id(item),
        skills.iter().map(|&skill| skill_id(skill)).collect(),
    )
}

fn item_id(item: usize) -> String {
    format!("item{item}")
}

fn skill_id(skill: usize) -> String {
    format!("skill{skill}")
}
