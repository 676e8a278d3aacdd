//! One simulated learner practising a bank under one policy, in daily sessions, through the
//! engine's own `submit_answer` (and, for the adaptive policy, `advance`), until the policy's
//! stopping rule or the item cap.

use adaptive_practice_engine::sample_response::response_for;
use adaptive_practice_engine::template::instantiate;
use adaptive_practice_engine::{
    advance, new_progress, submit_answer, ChoiceOptions, IndexedBank, Progress, Timestamp,
};
use serde::Serialize;

use crate::learner::{HiddenLearner, PopulationParameters};
use crate::random::{
    derive_seed, SplitMix64, STREAM_ANSWERS, STREAM_ENGINE_SEED, STREAM_LEARNER_TRAITS,
    STREAM_RANDOM_POLICY, STREAM_SCHEDULE,
};

/// How the next item is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Policy {
    /// The engine's `advance`; stops when the engine claims every skill mastered.
    Adaptive,
    /// Every item in bank order, again and again; stops when the learner truly masters every skill.
    Fixed,
    /// Uniformly random items; stops when the learner truly masters every skill.
    Random,
}

impl Policy {
    pub const ALL: [Policy; 3] = [Policy::Adaptive, Policy::Fixed, Policy::Random];

    pub fn name(self) -> &'static str {
        match self {
            Policy::Adaptive => "adaptive",
            Policy::Fixed => "fixed",
            Policy::Random => "random",
        }
    }
}

/// Everything a simulated run depends on besides the bank, the policy and the seed.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationParameters {
    pub population: PopulationParameters,
    pub items_per_session: usize,
    /// No policy gets more than this many items.
    pub item_cap: usize,
    pub shortest_minutes_per_item: f64,
    pub longest_minutes_per_item: f64,
    /// Days from the stop to the retention test.
    pub retention_test_days: f64,
}

impl Default for SimulationParameters {
    fn default() -> Self {
        SimulationParameters {
            population: PopulationParameters::default(),
            items_per_session: 15,
            item_cap: 600,
            shortest_minutes_per_item: 0.5,
            longest_minutes_per_item: 3.0,
            retention_test_days: 30.0,
        }
    }
}

/// One answer as the widget would have recorded it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SimulatedAnswer {
    pub item_id: String,
    pub correct: bool,
    /// When the answer was submitted.
    pub timestamp: Timestamp,
    /// When the item was shown (and chosen): replaying `advance` at this moment and
    /// `submit_answer` at `timestamp` reproduces the run's progress exactly.
    pub shown_at: Timestamp,
    /// The hidden P(correct) the answer was drawn with (never shown to the engine).
    pub hidden_success_probability: f64,
}

/// What a run measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunOutcome {
    /// Items answered when the policy stopped (or at the cap).
    pub items_practised: usize,
    /// Items until the learner first truly mastered every skill at once; `None` if not by the cap.
    /// The run goes on past the policy's stop, with the same policy, to measure it.
    pub items_to_true_mastery: Option<usize>,
    /// The engine claimed every skill mastered (or due for review) at the stop.
    pub engine_claimed_every_skill: bool,
    pub skills_truly_mastered_at_stop: usize,
    /// Expected hidden accuracy over all bank items at the stop.
    pub post_test_accuracy: f64,
    /// The same, after the retention-test days without practice.
    pub retention_accuracy: f64,
    /// Skills the engine newly marked mastered before the stop, and how many of those were not
    /// truly mastered at the moment of the claim.
    pub mastery_claims: u32,
    pub false_mastery_claims: u32,
}

/// A simulated learner's history: every answer up to the stop and the engine's progress then.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedRun {
    pub policy: Policy,
    pub answers: Vec<SimulatedAnswer>,
    pub progress: Progress,
    pub outcome: RunOutcome,
}

/// 2024-01-01 09:00 UTC, when every simulated learner starts.
const START_MILLISECONDS: i64 = 1_704_099_600_000;
const MILLISECONDS_PER_DAY: i64 = 86_400_000;
const MILLISECONDS_PER_MINUTE: f64 = 60_000.0;

/// Simulated time: sessions of a fixed number of items, a day or a few apart.
struct PracticeClock {
    random: SplitMix64,
    day: i64,
    items_in_session: usize,
    last_moment: i64,
}

impl PracticeClock {
    fn new(seed: u64) -> Self {
        PracticeClock {
            random: SplitMix64::new(seed),
            day: 0,
            items_in_session: 0,
            last_moment: START_MILLISECONDS,
        }
    }

    /// When the next item is shown and when it is answered. The next session starts 1 day later
    /// (60%), 2 days (25%) or 3 days (15%), at a time of day up to 3 hours later than 09:00.
    fn next_item_moments(&mut self, parameters: &SimulationParameters) -> (Timestamp, Timestamp) {
        if self.items_in_session >= parameters.items_per_session.max(1) {
            let draw = self.random.next_unit();
            self.day += if draw < 0.6 {
                1
            } else if draw < 0.85 {
                2
            } else {
                3
            };
            let offset = (self.random.next_unit() * 3.0 * 3_600_000.0) as i64;
            self.last_moment = START_MILLISECONDS + self.day * MILLISECONDS_PER_DAY + offset;
            self.items_in_session = 0;
        }
        self.items_in_session += 1;
        let shown = self.last_moment;
        let minutes = self.random.next_between(
            parameters.shortest_minutes_per_item,
            parameters.longest_minutes_per_item,
        );
        self.last_moment += (minutes * MILLISECONDS_PER_MINUTE) as i64;
        (Timestamp(shown), Timestamp(self.last_moment))
    }
}

/// The whole state of a run in progress.
struct RunState<'bank> {
    bank: &'bank IndexedBank,
    policy: Policy,
    learner: HiddenLearner,
    progress: Progress,
    clock: PracticeClock,
    answer_random: SplitMix64,
    policy_random: SplitMix64,
    answers: Vec<SimulatedAnswer>,
    mastery_claims: u32,
    false_mastery_claims: u32,
}

/// What was captured when the policy stopped.
struct StopSnapshot {
    answers_until_stop: usize,
    progress: Progress,
    learner: HiddenLearner,
    moment: Timestamp,
    engine_claimed_every_skill: bool,
    mastery_claims: u32,
    false_mastery_claims: u32,
}

/// Simulates one learner (drawn from `seed`) practising `bank` under `policy`. The same seed
/// gives the same learner, the same session schedule and the same stream of answer luck under
/// every policy.
pub fn simulate_learner(
    bank: &IndexedBank,
    policy: Policy,
    parameters: &SimulationParameters,
    seed: u64,
) -> SimulatedRun {
    let mut trait_random = SplitMix64::new(derive_seed(seed, STREAM_LEARNER_TRAITS));
    let learner = HiddenLearner::draw(bank, &parameters.population, &mut trait_random);
    simulate_hidden_learner(bank, policy, parameters, seed, learner)
}

/// Like `simulate_learner`, for a learner whose hidden truth the caller made.
pub fn simulate_hidden_learner(
    bank: &IndexedBank,
    policy: Policy,
    parameters: &SimulationParameters,
    seed: u64,
    learner: HiddenLearner,
) -> SimulatedRun {
    let mut state = RunState {
        bank,
        policy,
        learner,
        progress: new_progress(bank, derive_seed(seed, STREAM_ENGINE_SEED)),
        clock: PracticeClock::new(derive_seed(seed, STREAM_SCHEDULE)),
        answer_random: SplitMix64::new(derive_seed(seed, STREAM_ANSWERS)),
        policy_random: SplitMix64::new(derive_seed(seed, STREAM_RANDOM_POLICY)),
        answers: Vec::new(),
        mastery_claims: 0,
        false_mastery_claims: 0,
    };
    let start = Timestamp(START_MILLISECONDS);
    let mut items_to_true_mastery = state.learner.every_skill_truly_mastered(start).then_some(0);
    let mut stop = None;
    if policy != Policy::Adaptive && items_to_true_mastery.is_some() {
        stop = Some(snapshot(&state, start));
    }
    let mut attempts = 0usize;
    let mut last_moment = start;
    while attempts < parameters.item_cap && (stop.is_none() || items_to_true_mastery.is_none()) {
        attempts += 1;
        let (shown, answered) = state.clock.next_item_moments(parameters);
        let Some((item_position, variant_seed)) = choose_item(&mut state, shown) else {
            break;
        };
        if !answer_item(
            &mut state,
            item_position,
            variant_seed,
            shown,
            answered,
            stop.is_none(),
        ) {
            continue;
        }
        last_moment = answered;
        let answered_count = state.answers.len();
        if items_to_true_mastery.is_none() && state.learner.every_skill_truly_mastered(answered) {
            items_to_true_mastery = Some(answered_count);
        }
        if stop.is_none() && policy_stops(&state, answered, items_to_true_mastery.is_some()) {
            stop = Some(snapshot(&state, answered));
        }
    }
    let stop = stop.unwrap_or_else(|| snapshot(&state, last_moment));
    let retention_moment = Timestamp(
        stop.moment.0 + (parameters.retention_test_days * MILLISECONDS_PER_DAY as f64) as i64,
    );
    let outcome = RunOutcome {
        items_practised: stop.answers_until_stop,
        items_to_true_mastery,
        engine_claimed_every_skill: stop.engine_claimed_every_skill,
        skills_truly_mastered_at_stop: stop.learner.truly_mastered_skill_count(stop.moment),
        post_test_accuracy: stop.learner.expected_accuracy_over_bank(stop.moment),
        retention_accuracy: stop.learner.expected_accuracy_over_bank(retention_moment),
        mastery_claims: stop.mastery_claims,
        false_mastery_claims: stop.false_mastery_claims,
    };
    let mut answers = state.answers;
    answers.truncate(stop.answers_until_stop);
    SimulatedRun {
        policy,
        answers,
        progress: stop.progress,
        outcome,
    }
}

fn snapshot(state: &RunState, moment: Timestamp) -> StopSnapshot {
    StopSnapshot {
        answers_until_stop: state.answers.len(),
        progress: state.progress.clone(),
        learner: state.learner.clone(),
        moment,
        engine_claimed_every_skill: engine_claims_every_skill(state.bank, &state.progress, moment),
        mastery_claims: state.mastery_claims,
        false_mastery_claims: state.false_mastery_claims,
    }
}

/// True when the engine counts every skill as mastered.
pub fn engine_claims_every_skill(bank: &IndexedBank, progress: &Progress, now: Timestamp) -> bool {
    progress.model.mastered_skill_count(bank, now) == bank.skills().len()
}

fn policy_stops(state: &RunState, now: Timestamp, truly_mastered_everything: bool) -> bool {
    match state.policy {
        Policy::Adaptive => engine_claims_every_skill(state.bank, &state.progress, now),
        Policy::Fixed | Policy::Random => truly_mastered_everything,
    }
}

/// The chosen item's position and the seed of its variant (for template items).
fn choose_item(state: &mut RunState, shown: Timestamp) -> Option<(usize, u64)> {
    let item_count = state.bank.items().len();
    if item_count == 0 {
        return None;
    }
    match state.policy {
        Policy::Adaptive => advance(
            state.bank,
            &mut state.progress,
            shown,
            &ChoiceOptions::default(),
        )
        .map(|next| (next.item_position, next.variant_seed)),
        Policy::Fixed => Some((
            state.answers.len() % item_count,
            state.policy_random.next_u64(),
        )),
        Policy::Random => Some((
            state.policy_random.next_below(item_count),
            state.policy_random.next_u64(),
        )),
    }
}

/// Draws the learner's answer from the hidden truth, has the engine judge and record it (part by
/// part for a multi-step item; no hints are used), and lets the learner learn from it. Returns
/// false when the item could not be presented or no part could be judged.
fn answer_item(
    state: &mut RunState,
    item_position: usize,
    variant_seed: u64,
    shown_at: Timestamp,
    now: Timestamp,
    before_stop: bool,
) -> bool {
    let Some(bank_item) = state.bank.items().get(item_position) else {
        return false;
    };
    let Ok(item) = instantiate(bank_item, variant_seed) else {
        return false;
    };
    let probability = state.learner.success_probability(item_position, now);
    let parts = item.parts();
    // Each of k parts is right with probability p^(1/k), so the whole item is right with p.
    let part_probability = probability.powf(1.0 / parts.len().max(1) as f64);
    let mut every_part_correct = true;
    let mut judged_parts = 0;
    let mut newly_mastered = Vec::new();
    for (part_index, part) in parts.iter().enumerate() {
        let intended_correct = state.answer_random.next_bernoulli(part_probability);
        let Some(response) = response_for(part.kind, intended_correct) else {
            break;
        };
        // The engine's verdict is what the learner sees; it agrees with the intent for sound banks.
        let Ok(report) = submit_answer(
            state.bank,
            &mut state.progress,
            &item,
            part_index,
            &response,
            0,
            now,
        ) else {
            break;
        };
        judged_parts += 1;
        every_part_correct &= report.outcome.correct;
        newly_mastered.extend(report.newly_mastered);
    }
    if judged_parts == 0 {
        return false;
    }
    state
        .learner
        .practise(item_position, every_part_correct, now);
    // A claim is judged against the truth right after the answer that made it (the learner has
    // already learned from that answer's feedback).
    if before_stop {
        for skill_id in &newly_mastered {
            state.mastery_claims += 1;
            let truly = state
                .bank
                .skill_position(skill_id)
                .is_some_and(|s| state.learner.is_truly_mastered(s, now));
            state.false_mastery_claims += u32::from(!truly);
        }
    }
    state.answers.push(SimulatedAnswer {
        item_id: item.id.clone(),
        correct: every_part_correct,
        timestamp: now,
        shown_at,
        hidden_success_probability: probability,
    });
    true
}
