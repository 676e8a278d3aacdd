//! Diagnostic: one adaptive learner's run, item by item, with the hidden truth beside the engine's
//! view (`BANK SEED [ITEMS]`), or where 100 learners' adaptive items go (`BANK stats`).
//! Sessions here are a simplified schedule (15 items a day), not `run.rs`'s.
//! `cargo run --release -q -p adaptive-practice-simulator --example trace -- www/banks/fractions.json 3 200`

use adaptive_practice_engine::sample_response::response_for;
use adaptive_practice_engine::template::instantiate;
use adaptive_practice_engine::{
    advance, load_bank, new_progress, submit_answer, ChoiceOptions, IndexedBank, SkillState,
    Timestamp,
};
use adaptive_practice_simulator::random::{
    derive_seed, STREAM_ANSWERS, STREAM_ENGINE_SEED, STREAM_LEARNER_TRAITS,
};
use adaptive_practice_simulator::{HiddenLearner, PopulationParameters, SplitMix64};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).unwrap();
    let bank = IndexedBank::new(load_bank(&text).bank.unwrap());
    if args[1] == "stats" {
        return stats(&bank);
    }
    let seed: u64 = args[1].parse().unwrap();
    let limit: usize = args.get(2).map_or(300, |s| s.parse().unwrap());
    let seed = adaptive_practice_simulator::learner_seed(1, seed as usize);
    let mut traits = SplitMix64::new(derive_seed(seed, STREAM_LEARNER_TRAITS));
    let mut learner = HiddenLearner::draw(&bank, &PopulationParameters::default(), &mut traits);
    let mut luck = SplitMix64::new(derive_seed(seed, STREAM_ANSWERS));
    let mut progress = new_progress(&bank, derive_seed(seed, STREAM_ENGINE_SEED));
    println!(
        "rate={:.2} slip={:.2} mem={:.1}",
        learner.learning_rate, learner.slip, learner.skills[0].memory_days
    );
    for k in 0..limit {
        let day = (k / 15) as i64;
        let now = Timestamp(1_704_099_600_000 + day * 86_400_000 + (k % 15) as i64 * 90_000);
        let next = advance(&bank, &mut progress, now, &ChoiceOptions::default()).unwrap();
        let item = instantiate(&bank.items()[next.item_position], next.variant_seed).unwrap();
        let p = learner.success_probability(next.item_position, now);
        let correct = luck.next_bernoulli(p);
        let response = response_for(&item.kind, correct).unwrap();
        let report = submit_answer(&bank, &mut progress, &item, 0, &response, 0, now).unwrap();
        learner.practise(next.item_position, correct, now);
        let states: Vec<String> = (0..bank.skills().len())
            .map(|s| {
                let m = progress.model.skill_mastery(&bank, s, now);
                let letter = match m.state {
                    SkillState::NotStarted => '-',
                    SkillState::Learning => 'L',
                    SkillState::Mastered => 'M',
                    SkillState::DueForReview => 'R',
                };
                format!(
                    "{letter}{:.2}/{:.2}",
                    m.mastery,
                    learner.typical_success_probability(s, now)
                )
            })
            .collect();
        let reason = format!("{:?}", next.reason);
        let reason: String = reason.chars().take(40).collect();
        println!(
            "{k:3} d{day:2} {:14} p={:.2}/{:.2} {} {:40} {}{}",
            item.id,
            next.predicted_success,
            p,
            if report.outcome.correct { "+" } else { "." },
            reason,
            states.join(" "),
            if learner.every_skill_truly_mastered(now) {
                " ALL"
            } else {
                ""
            }
        );
    }
}

/// Over 100 learners, 400 items each: where the adaptive items go.
fn stats(bank: &IndexedBank) {
    let (mut total, mut on_true_mastered, mut prereq_weak, mut reviews, mut all_claimed_items) =
        (0, 0, 0, 0, 0);
    for learner_index in 0..100 {
        let seed = adaptive_practice_simulator::learner_seed(1, learner_index);
        let mut traits = SplitMix64::new(derive_seed(seed, STREAM_LEARNER_TRAITS));
        let mut learner = HiddenLearner::draw(bank, &PopulationParameters::default(), &mut traits);
        let mut luck = SplitMix64::new(derive_seed(seed, STREAM_ANSWERS));
        let mut progress = new_progress(bank, derive_seed(seed, STREAM_ENGINE_SEED));
        for k in 0..400 {
            let day = (k / 15) as i64;
            let now = Timestamp(1_704_099_600_000 + day * 86_400_000 + (k % 15) as i64 * 90_000);
            if learner.every_skill_truly_mastered(now) {
                break;
            }
            let next = advance(bank, &mut progress, now, &ChoiceOptions::default()).unwrap();
            let item = instantiate(&bank.items()[next.item_position], next.variant_seed).unwrap();
            let skill = bank.skill_position(&item.skills[0]).unwrap();
            total += 1;
            if learner.is_truly_mastered(skill, now) {
                on_true_mastered += 1;
            }
            if !learner.skills[skill]
                .prerequisites
                .iter()
                .all(|&p| learner.is_truly_mastered(p, now))
            {
                prereq_weak += 1;
            }
            if format!("{:?}", next.reason).starts_with("ReviewDue") {
                reviews += 1;
            }
            let claimed = progress.model.mastered_skill_count(bank, now) == bank.skills().len();
            if claimed {
                all_claimed_items += 1;
            }
            let p = learner.success_probability(next.item_position, now);
            let correct = luck.next_bernoulli(p);
            let response = response_for(&item.kind, correct).unwrap();
            submit_answer(bank, &mut progress, &item, 0, &response, 0, now).unwrap();
            learner.practise(next.item_position, correct, now);
        }
    }
    println!("items {total}: on truly mastered skill {on_true_mastered}, with a truly weak prerequisite {prereq_weak}, reviews {reviews}, after engine claimed all {all_claimed_items}");
}
