//! One simulated learner practising a bank under one policy, in sessions a day or a few apart.
//! Every answer goes through the engine's `submit_answer`, whatever the policy, so every policy
//! is measured at the same stops: when the engine claims every skill mastered (`claim`), when
//! the hidden truth first has every skill mastered (`oracle`), and, for comparisons at equal
//! numbers of items, after a given number of items (`budget`). The run goes on until it has
//! passed every stop, or the item cap.

use adaptive_practice_engine::sample_response::response_for;
use adaptive_practice_engine::template::instantiate;
use adaptive_practice_engine::{
    advance, new_progress, submit_answer, ChoiceOptions, ChoiceReason, IndexedBank, Progress,
    Timestamp,
};
use serde::Serialize;

use crate::policy::{fixed_choice, oracle_choice, random_choice, Policy};
use crate::random::{
    derive_seed, SplitMix64, STREAM_ANSWERS, STREAM_ENGINE_SEED, STREAM_LEARNER_TRAITS,
    STREAM_RANDOM_POLICY, STREAM_SCHEDULE, STREAM_TRUTH_CHANCE,
};
use crate::truth::{HiddenLearner, TruthModel};

/// Everything a simulated run depends on besides the bank, the policy and the seed.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationParameters {
    pub truth: TruthModel,
    pub items_per_session: usize,
    /// No policy gets more than this many items.
    pub item_cap: usize,
    pub shortest_minutes_per_item: f64,
    pub longest_minutes_per_item: f64,
    /// Days from a stop to its retention test.
    pub retention_test_days: f64,
    /// Also measure after exactly this many items (the comparison at equal numbers of items).
    pub item_budget: Option<usize>,
}

impl Default for SimulationParameters {
    fn default() -> Self {
        SimulationParameters {
            truth: TruthModel::Growth,
            items_per_session: 15,
            item_cap: 600,
            shortest_minutes_per_item: 0.5,
            longest_minutes_per_item: 3.0,
            retention_test_days: 30.0,
            item_budget: None,
        }
    }
}

/// The item cap `simulate` gives a bank: 600, or 100 per skill for a bank of more than 6 skills.
pub fn default_item_cap(bank: &IndexedBank) -> usize {
    (100 * bank.skills().len()).max(600)
}

/// One answer as the widget would have recorded it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SimulatedAnswer {
    pub item_id: String,
    pub item_position: usize,
    pub correct: bool,
    /// When the answer was submitted.
    pub timestamp: Timestamp,
    /// When the item was shown (and chosen): replaying `advance` at this moment and
    /// `submit_answer` at `timestamp` reproduces the run's progress exactly.
    pub shown_at: Timestamp,
    /// The hidden P(correct) the answer was drawn with (never shown to the engine).
    pub hidden_success_probability: f64,
    /// Why the engine chose the item (the adaptive policy only).
    pub reason: Option<ChoiceReason>,
    /// Where the item stood in the hidden truth when it was shown (never shown to the engine).
    pub truth_when_shown: ItemTruth,
}

/// Where an item stands in the hidden truth: every skill of it truly mastered, some skill to
/// learn whose prerequisites are mastered, or some skill to learn before its prerequisites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ItemTruth {
    Mastered,
    Open,
    Blocked,
}

/// Where the item at `item_position` stands for `learner` at `now`.
pub fn item_truth(
    bank: &IndexedBank,
    learner: &HiddenLearner,
    item_position: usize,
    now: Timestamp,
) -> ItemTruth {
    let unmastered: Vec<usize> = bank
        .skills_of_item(item_position)
        .iter()
        .copied()
        .filter(|&s| !learner.is_truly_mastered(s, now))
        .collect();
    if unmastered.is_empty() {
        ItemTruth::Mastered
    } else if unmastered
        .iter()
        .all(|&s| learner.prerequisites_truly_mastered(s, now))
    {
        ItemTruth::Open
    } else {
        ItemTruth::Blocked
    }
}

/// What was measured at one stop.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StopMeasure {
    /// The stop's rule held; false when the run reached the item cap first.
    pub reached: bool,
    pub items: usize,
    /// Expected hidden accuracy over all bank items at the stop.
    pub post_test: f64,
    /// The same, after the retention-test days without practice.
    pub retention: f64,
    pub skills_truly_mastered: usize,
    pub every_skill_truly_mastered: bool,
    /// Skills the engine counts as mastered at the stop, and how many of them are truly not.
    pub skills_claimed: usize,
    pub skills_claimed_truly_not: usize,
    /// Skills the engine newly marked mastered up to the stop, and how many of those were not
    /// truly mastered right after the answer that made the claim.
    pub mastery_claims: u32,
    pub false_mastery_claims: u32,
    /// Items the engine chose as due reviews up to the stop.
    pub review_choices: u32,
}

/// What a run measured at each stop.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunOutcome {
    pub claim: StopMeasure,
    pub oracle: StopMeasure,
    pub budget: Option<StopMeasure>,
}

/// A simulated learner's history: every answer of the run, and the engine's progress at the
/// claim stop (`outcome.claim.items` answers in).
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedRun {
    pub policy: Policy,
    pub answers: Vec<SimulatedAnswer>,
    pub progress_at_claim: Progress,
    pub outcome: RunOutcome,
}

/// 2024-01-01 09:00 UTC, when every simulated learner starts.
pub const START: Timestamp = Timestamp(1_704_099_600_000);
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
            last_moment: START.0,
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
            self.last_moment = START.0 + self.day * MILLISECONDS_PER_DAY + offset;
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

/// What an observer of a run sees at each choice (diagnostics, `examples/`): the engine's
/// progress and the hidden learner when the item is shown, before the answer.
pub struct ChoiceSeen<'a> {
    pub bank: &'a IndexedBank,
    pub progress: &'a Progress,
    pub learner: &'a HiddenLearner,
    pub shown: Timestamp,
    pub item_position: usize,
    pub reason: Option<&'a ChoiceReason>,
}

/// The whole state of a run in progress.
struct RunState<'bank> {
    bank: &'bank IndexedBank,
    policy: Policy,
    learner: HiddenLearner,
    progress: Progress,
    clock: PracticeClock,
    answer_random: SplitMix64,
    truth_random: SplitMix64,
    policy_random: SplitMix64,
    /// Every item chosen, answered or not (the fixed order and the window read it).
    chosen: Vec<usize>,
    answers: Vec<SimulatedAnswer>,
    mastery_claims: u32,
    false_mastery_claims: u32,
    review_choices: u32,
    retention_test_days: f64,
}

/// The learner of `seed` under `truth`: the same seed gives the same learner under every policy.
pub fn draw_learner(bank: &IndexedBank, truth: TruthModel, seed: u64) -> HiddenLearner {
    let mut trait_random = SplitMix64::new(derive_seed(seed, STREAM_LEARNER_TRAITS));
    HiddenLearner::draw(bank, truth, START, &mut trait_random)
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
    let learner = draw_learner(bank, parameters.truth, seed);
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
    simulate_observed(bank, policy, parameters, seed, learner, &mut |_| {})
}

/// Like `simulate_learner`, calling `observe` at each choice, before the answer.
pub fn simulate_learner_observed(
    bank: &IndexedBank,
    policy: Policy,
    parameters: &SimulationParameters,
    seed: u64,
    observe: &mut dyn FnMut(&ChoiceSeen),
) -> SimulatedRun {
    let learner = draw_learner(bank, parameters.truth, seed);
    simulate_observed(bank, policy, parameters, seed, learner, observe)
}

fn simulate_observed(
    bank: &IndexedBank,
    policy: Policy,
    parameters: &SimulationParameters,
    seed: u64,
    learner: HiddenLearner,
    observe: &mut dyn FnMut(&ChoiceSeen),
) -> SimulatedRun {
    let mut state = RunState {
        bank,
        policy,
        learner,
        progress: new_progress(bank, derive_seed(seed, STREAM_ENGINE_SEED)),
        clock: PracticeClock::new(derive_seed(seed, STREAM_SCHEDULE)),
        answer_random: SplitMix64::new(derive_seed(seed, STREAM_ANSWERS)),
        truth_random: SplitMix64::new(derive_seed(seed, STREAM_TRUTH_CHANCE)),
        policy_random: SplitMix64::new(derive_seed(seed, STREAM_RANDOM_POLICY)),
        chosen: Vec::new(),
        answers: Vec::new(),
        mastery_claims: 0,
        false_mastery_claims: 0,
        review_choices: 0,
        retention_test_days: parameters.retention_test_days,
    };
    let mut now = START;
    let mut stops = Stops::default();
    stops.record(&state, now, parameters.item_budget);
    let mut attempts = 0;
    while attempts < parameters.item_cap && !stops.all_passed(parameters.item_budget) {
        attempts += 1;
        let (shown, answered) = state.clock.next_item_moments(parameters);
        let Some((item_position, variant_seed, reason)) = choose_item(&mut state, shown) else {
            break;
        };
        state.chosen.push(item_position);
        observe(&ChoiceSeen {
            bank,
            progress: &state.progress,
            learner: &state.learner,
            shown,
            item_position,
            reason: reason.as_ref(),
        });
        if answer_item(
            &mut state,
            item_position,
            variant_seed,
            reason,
            shown,
            answered,
        ) {
            now = answered;
            stops.record(&state, now, parameters.item_budget);
        }
    }
    let (claim, progress_at_claim) = stops
        .claim
        .unwrap_or_else(|| (measure(&state, now, false), state.progress.clone()));
    let oracle = stops.oracle.unwrap_or_else(|| measure(&state, now, false));
    let budget = parameters
        .item_budget
        .map(|_| stops.budget.unwrap_or_else(|| measure(&state, now, false)));
    SimulatedRun {
        policy,
        answers: state.answers,
        progress_at_claim,
        outcome: RunOutcome {
            claim,
            oracle,
            budget,
        },
    }
}

/// What was measured at each stop passed so far.
#[derive(Default)]
struct Stops {
    claim: Option<(StopMeasure, Progress)>,
    oracle: Option<StopMeasure>,
    budget: Option<StopMeasure>,
}

impl Stops {
    fn record(&mut self, state: &RunState, now: Timestamp, item_budget: Option<usize>) {
        if self.claim.is_none() && engine_claims_every_skill(state.bank, &state.progress, now) {
            self.claim = Some((measure(state, now, true), state.progress.clone()));
        }
        if self.oracle.is_none() && state.learner.every_skill_truly_mastered(now) {
            self.oracle = Some(measure(state, now, true));
        }
        if self.budget.is_none() && item_budget == Some(state.answers.len()) {
            self.budget = Some(measure(state, now, true));
        }
    }

    fn all_passed(&self, item_budget: Option<usize>) -> bool {
        self.claim.is_some()
            && self.oracle.is_some()
            && (item_budget.is_none() || self.budget.is_some())
    }
}

fn measure(state: &RunState, now: Timestamp, reached: bool) -> StopMeasure {
    let retention_moment =
        Timestamp(now.0 + (state.retention_test_days * MILLISECONDS_PER_DAY as f64) as i64);
    let skills_truly_mastered = state.learner.truly_mastered_skill_count(now);
    let claimed = engine_claimed_skills(state.bank, &state.progress, now);
    StopMeasure {
        reached,
        items: state.answers.len(),
        post_test: state.learner.expected_accuracy_over_bank(now),
        retention: state.learner.expected_accuracy_over_bank(retention_moment),
        skills_truly_mastered,
        every_skill_truly_mastered: skills_truly_mastered == state.bank.skills().len(),
        skills_claimed: claimed.iter().filter(|&&c| c).count(),
        skills_claimed_truly_not: claimed
            .iter()
            .enumerate()
            .filter(|&(skill, &c)| c && !state.learner.is_truly_mastered(skill, now))
            .count(),
        mastery_claims: state.mastery_claims,
        false_mastery_claims: state.false_mastery_claims,
        review_choices: state.review_choices,
    }
}

/// Which skills the engine counts as mastered (the widget's "mastered", which includes skills
/// now due for review): the one place the simulator reads the engine's learner model.
pub fn engine_claimed_skills(bank: &IndexedBank, progress: &Progress, now: Timestamp) -> Vec<bool> {
    progress
        .model
        .skill_masteries(bank, now)
        .iter()
        .map(|m| m.state.counts_as_mastered())
        .collect()
}

/// The stop rule every policy shares: the engine claims every skill mastered.
pub fn engine_claims_every_skill(bank: &IndexedBank, progress: &Progress, now: Timestamp) -> bool {
    engine_claimed_skills(bank, progress, now)
        .iter()
        .all(|&c| c)
}

/// The chosen item's position, the seed of its variant (for template items) and, for the
/// adaptive policy, the engine's reason.
fn choose_item(
    state: &mut RunState,
    shown: Timestamp,
) -> Option<(usize, u64, Option<ChoiceReason>)> {
    let item_count = state.bank.items().len();
    let position = match state.policy {
        Policy::Adaptive => {
            let next = advance(
                state.bank,
                &mut state.progress,
                shown,
                &ChoiceOptions::default(),
            )?;
            return Some((next.item_position, next.variant_seed, Some(next.reason)));
        }
        Policy::Fixed => fixed_choice(&state.chosen, item_count)?,
        Policy::Random => random_choice(&state.chosen, item_count, &mut state.policy_random)?,
        Policy::Oracle => oracle_choice(state.bank, &state.learner, &state.chosen, shown)?,
    };
    Some((position, state.policy_random.next_u64(), None))
}

/// Draws the learner's answer from the hidden truth, has the engine judge and record it (part by
/// part for a multi-step item; no hints are used), and lets the learner learn from it. Returns
/// false when the item could not be presented or no part could be judged.
fn answer_item(
    state: &mut RunState,
    item_position: usize,
    variant_seed: u64,
    reason: Option<ChoiceReason>,
    shown_at: Timestamp,
    now: Timestamp,
) -> bool {
    let Some(bank_item) = state.bank.items().get(item_position) else {
        return false;
    };
    let Ok(item) = instantiate(bank_item, variant_seed) else {
        return false;
    };
    let probability = state.learner.success_probability(item_position, now);
    let truth_when_shown = item_truth(state.bank, &state.learner, item_position, shown_at);
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
    state.learner.practise(
        item_position,
        every_part_correct,
        now,
        &mut state.truth_random,
    );
    // A claim is judged against the truth right after the answer that made it (the learner has
    // already learned from that answer's feedback).
    for skill_id in &newly_mastered {
        state.mastery_claims += 1;
        let truly = state
            .bank
            .skill_position(skill_id)
            .is_some_and(|s| state.learner.is_truly_mastered(s, now));
        state.false_mastery_claims += u32::from(!truly);
    }
    state.review_choices += u32::from(matches!(reason, Some(ChoiceReason::ReviewDue { .. })));
    state.answers.push(SimulatedAnswer {
        item_id: item.id.clone(),
        item_position,
        correct: every_part_correct,
        timestamp: now,
        shown_at,
        hidden_success_probability: probability,
        reason,
        truth_when_shown,
    });
    true
}
