//! Whether a progress file or a learner's report could have come from a learner using the widget:
//! the one home of the plausibility rules. The progress import (`import.rs`) refuses a file that
//! breaks one; the teacher page flags such a report instead of counting it.
//!
//! A determined forger can still write a consistent file. These rules catch what no widget
//! writes: answers faster than anyone answers, counts that disagree with each other, dates in the
//! future or out of order, mastery without the answers mastery takes.

use crate::model::{SkillState, Timestamp};
use crate::progress::{item_key, AnswerLog, Progress};
use crate::report::LearnerReport;
use crate::sorted_map::sort_positions;

/// Answers a file may hold before its time on task is compared with them.
pub const FREE_ANSWERS: u32 = 20;
/// The fewest seconds an answer takes on average: reading, answering and checking.
pub const LEAST_SECONDS_PER_ANSWER: f64 = 1.0;
/// How far ahead of `now` a date may be: two devices' clocks disagree.
pub const CLOCK_SKEW_MILLISECONDS: i64 = 86_400_000;

/// One reason a file is not plausible.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Implausible {
    /// More answers than the time on task (or the span of the answers) allows.
    TooFast { answers: u32, seconds: f64 },
    /// The answer count disagrees with the answers counted per item.
    AnswerCounts { total: u32, per_item: u64 },
    /// The count of right answers disagrees with the right answers per item, or the answers.
    RightCounts { total: u32, per_item: u64 },
    /// A skill with more answers than the file, or more right answers than answers.
    SkillCounts { skill: String },
    /// A skill said mastered without the answers mastery takes.
    MasteredWithoutEvidence {
        skill: String,
        attempts: u32,
        correct: u32,
    },
    /// A skill said not started although it has answers.
    NotStartedWithAnswers { skill: String },
    /// A date after `now` (beyond the clock skew allowed).
    FutureDate { days_ahead: i64 },
    /// Dates that contradict each other (a skill practised after the last answer, answers out of
    /// time order).
    DatesOutOfOrder,
    /// More answers listed than counted.
    LogLongerThanCount { listed: usize, total: u32 },
    /// A list of every answer counted that disagrees with the counts: of right answers (`item`
    /// `None`), or of one item's (or step's) answers.
    LogDisagreesWithCounts { item: Option<String> },
}

impl std::fmt::Display for Implausible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Implausible::TooFast { answers, seconds } => {
                let seconds = seconds.round();
                let unit = if seconds == 1.0 { "second" } else { "seconds" };
                let seconds = crate::display_float::fixed_float(seconds, 0);
                write!(
                    f,
                    "it claims {answers} answers in {seconds} {unit} of practice, faster than anyone answers"
                )
            }
            Implausible::AnswerCounts { total, per_item } => write!(
                f,
                "its answer count ({total}) disagrees with the answers it lists per item ({per_item})"
            ),
            Implausible::RightCounts { total, per_item } => write!(
                f,
                "its count of right answers ({total}) disagrees with the answers it lists ({per_item} right per item)"
            ),
            Implausible::SkillCounts { skill } => write!(
                f,
                "skill “{skill}” has more answers, or more right answers, than the whole file"
            ),
            Implausible::MasteredWithoutEvidence {
                skill,
                attempts,
                correct,
            } => {
                let unit = if *attempts == 1 { "answer" } else { "answers" };
                write!(
                    f,
                    "skill “{skill}” is marked mastered without the answers mastery takes ({attempts} {unit}, {correct} right)"
                )
            }
            Implausible::NotStartedWithAnswers { skill } => {
                write!(f, "skill “{skill}” is marked not started but has answers")
            }
            Implausible::FutureDate { days_ahead } => {
                let unit = if *days_ahead == 1 { "day" } else { "days" };
                write!(f, "it has a date {days_ahead} {unit} in the future")
            }
            Implausible::DatesOutOfOrder => write!(f, "its dates contradict each other"),
            Implausible::LogLongerThanCount { listed, total } => write!(
                f,
                "it lists {listed} answers but counts only {total}"
            ),
            Implausible::LogDisagreesWithCounts { item: None } => write!(
                f,
                "the answers it lists one by one disagree with its count of right answers"
            ),
            Implausible::LogDisagreesWithCounts { item: Some(item) } => write!(
                f,
                "the answers it lists one by one disagree with its counts for item “{item}”"
            ),
        }
    }
}

/// What a file claims, whatever its format: the figures the rules compare. Its skill ids are
/// borrowed from the file read (a class of 1,000 reports of 500 skills is checked without
/// copying half a million ids); a rule broken copies the one it names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Claims<'a> {
    pub answers: u32,
    pub correct: u32,
    pub seconds_on_task: f64,
    /// Answers and right answers summed over the items (and steps) listed.
    pub item_answers: u64,
    pub item_correct: u64,
    pub skills: Vec<SkillClaim<'a>>,
    /// The latest moment an item was answered, when the file says.
    pub last_answer: Option<Timestamp>,
    /// Every other date the file holds (skills last practised, sessions, the report's creation).
    pub dates: Vec<Timestamp>,
    /// The times of the answers the file lists one by one, oldest first (empty when the format
    /// lists none).
    pub answer_times: Vec<Timestamp>,
    /// The same answers: what each was (empty when the format lists none).
    pub logged_answers: Vec<LoggedAnswerClaim<'a>>,
    /// The answers and right answers counted per item (or step, `item#step`).
    pub item_counts: Vec<ItemCountClaim<'a>>,
}

/// One answer a file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoggedAnswerClaim<'a> {
    pub item_id: &'a str,
    pub part: Option<u32>,
    /// Right or partial (both count as right).
    pub right: bool,
}

/// What a file counts for one item (or step), under the learner model's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemCountClaim<'a> {
    pub key: &'a str,
    pub attempts: u32,
    pub correct: u32,
}

/// What a file claims about one skill.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillClaim<'a> {
    pub id: &'a str,
    pub attempts: u32,
    pub correct: u32,
    pub state: SkillState,
    pub last_practiced: Option<Timestamp>,
}

/// Every rule `claims` breaks at `now`; empty when the file is plausible. `least_answers_to_master`
/// is the bank's `minEvidence` when the bank (in the file's version) is known, else 1.
pub fn check_claims(
    claims: &Claims<'_>,
    least_answers_to_master: u32,
    now: Timestamp,
) -> Vec<Implausible> {
    let mut found = Vec::new();
    if let Some(seconds) = too_fast(claims.answers, claims.seconds_on_task) {
        found.push(Implausible::TooFast {
            answers: claims.answers,
            seconds,
        });
    }
    if u64::from(claims.answers) != claims.item_answers {
        found.push(Implausible::AnswerCounts {
            total: claims.answers,
            per_item: claims.item_answers,
        });
    }
    if claims.correct > claims.answers || u64::from(claims.correct) != claims.item_correct {
        found.push(Implausible::RightCounts {
            total: claims.correct,
            per_item: claims.item_correct,
        });
    }
    // Each rule pushes onto the one list: a list per rule, extended into it, compiled an
    // allocation, a copy and a drop for each.
    for skill in &claims.skills {
        check_skill(skill, claims, least_answers_to_master.max(1), &mut found);
    }
    check_dates(claims, now, &mut found);
    check_answer_list(claims, &mut found);
    check_complete_log(claims, &mut found);
    found
}

/// The rules on a saved progress (the bank it is loaded for, to know its `minEvidence`).
pub fn check_progress(
    progress: &Progress,
    least_answers_to_master: u32,
    now: Timestamp,
) -> Vec<Implausible> {
    check_claims(&progress_claims(progress), least_answers_to_master, now)
}

/// The rules on a learner's report (read on any bank).
pub fn check_report(report: &LearnerReport<'_>, now: Timestamp) -> Vec<Implausible> {
    check_claims(&report_claims(report), 1, now)
}

/// What a saved progress claims.
pub fn progress_claims(progress: &Progress) -> Claims<'_> {
    let model = &progress.model;
    // In loops, not in chains of `map`, `collect`, `sum` and `max`, each compiled on its own.
    let mut skills = Vec::with_capacity(model.skills.len());
    for (id, record) in model.skills.iter() {
        skills.push(SkillClaim {
            id,
            attempts: record.attempts,
            correct: record.correct,
            state: match (record.mastered, record.attempts) {
                (true, _) => SkillState::Mastered,
                (false, 0) => SkillState::NotStarted,
                (false, _) => SkillState::Learning,
            },
            last_practiced: Some(record.last_practiced),
        });
    }
    let mut dates = Vec::with_capacity(progress.sessions.len() + model.items.len());
    for session in &progress.sessions {
        dates.push(session.last_answer);
    }
    let (mut item_answers, mut item_correct) = (0u64, 0u64);
    let mut last_answer: Option<Timestamp> = None;
    let mut item_counts = Vec::with_capacity(model.items.len());
    for (key, item) in model.items.iter() {
        dates.push(item.last_seen);
        item_answers += u64::from(item.attempts);
        item_correct += u64::from(item.correct);
        last_answer = Some(last_answer.map_or(item.last_seen, |last| last.max(item.last_seen)));
        item_counts.push(ItemCountClaim {
            key,
            attempts: item.attempts,
            correct: item.correct,
        });
    }
    let (answer_times, logged_answers) = log_claims(&progress.answer_log);
    Claims {
        answers: model.answer_count,
        correct: model.correct_count,
        seconds_on_task: progress.time_on_task_seconds,
        item_answers,
        item_correct,
        skills,
        last_answer,
        dates,
        answer_times,
        logged_answers,
        item_counts,
    }
}

/// The times and the answers of an answer log, as the rules compare them.
fn log_claims(log: &AnswerLog) -> (Vec<Timestamp>, Vec<LoggedAnswerClaim<'_>>) {
    let mut times = Vec::with_capacity(log.len());
    let mut answers = Vec::with_capacity(log.len());
    for answer in log.iter() {
        times.push(Timestamp(answer.at_seconds.saturating_mul(1000)));
        answers.push(LoggedAnswerClaim {
            item_id: answer.item_id,
            part: answer.part,
            right: answer.verdict.counts_as_right(),
        });
    }
    (times, answers)
}

/// What a learner's report claims.
pub fn report_claims<'a>(report: &'a LearnerReport<'_>) -> Claims<'a> {
    let (answer_times, logged_answers) =
        report.answers.as_ref().map(log_claims).unwrap_or_default();
    Claims {
        answers: report.answer_count,
        correct: report.correct_count,
        seconds_on_task: report.time_on_task_seconds as f64,
        item_answers: report.items.iter().map(|i| u64::from(i.attempts)).sum(),
        item_correct: report.items.iter().map(|i| u64::from(i.correct)).sum(),
        skills: report
            .skills
            .iter()
            .map(|skill| SkillClaim {
                id: &skill.id,
                attempts: skill.attempts,
                correct: skill.correct,
                state: skill.state,
                last_practiced: None,
            })
            .collect(),
        last_answer: None,
        dates: vec![Timestamp(report.created_at)],
        answer_times,
        logged_answers,
        item_counts: report
            .items
            .iter()
            .map(|item| ItemCountClaim {
                key: &item.id,
                attempts: item.attempts,
                correct: item.correct,
            })
            .collect(),
    }
}

/// The seconds of practice when `answers` is more than they allow. Time on task 0 means it was not
/// recorded (the earliest versions did not), and is not compared.
fn too_fast(answers: u32, seconds: f64) -> Option<f64> {
    let allowed = f64::from(FREE_ANSWERS) + seconds / LEAST_SECONDS_PER_ANSWER;
    (seconds > 0.0 && f64::from(answers) > allowed).then_some(seconds)
}

fn check_skill(
    skill: &SkillClaim<'_>,
    claims: &Claims<'_>,
    least_answers: u32,
    found: &mut Vec<Implausible>,
) {
    if skill.attempts > claims.answers || skill.correct > skill.attempts {
        found.push(Implausible::SkillCounts {
            skill: skill.id.to_owned(),
        });
    }
    let evidence = skill.attempts >= least_answers && skill.correct >= 1;
    if skill.state.counts_as_mastered() && !evidence {
        found.push(Implausible::MasteredWithoutEvidence {
            skill: skill.id.to_owned(),
            attempts: skill.attempts,
            correct: skill.correct,
        });
    }
    if skill.state == SkillState::NotStarted && skill.attempts > 0 {
        found.push(Implausible::NotStartedWithAnswers {
            skill: skill.id.to_owned(),
        });
    }
}

fn check_dates(claims: &Claims<'_>, now: Timestamp, found: &mut Vec<Implausible>) {
    let latest_allowed = now.0.saturating_add(CLOCK_SKEW_MILLISECONDS);
    let mut latest = claims.last_answer;
    for dates in [&claims.dates, &claims.answer_times] {
        for &date in dates {
            latest = Some(latest.map_or(date, |l| l.max(date)));
        }
    }
    // Every practice of a skill is an answer to an item, recorded at the same moment.
    let mut practised_after_last_answer = false;
    for practised in claims.skills.iter().filter_map(|s| s.last_practiced) {
        latest = Some(latest.map_or(practised, |l| l.max(practised)));
        practised_after_last_answer |= claims.last_answer.is_some_and(|last| practised > last);
    }
    if let Some(latest) = latest.filter(|t| t.0 > latest_allowed) {
        found.push(Implausible::FutureDate {
            days_ahead: (latest.0 - now.0).div_euclid(86_400_000).max(1),
        });
    }
    let unordered = claims.answer_times.windows(2).any(|pair| pair[1] < pair[0]);
    if practised_after_last_answer || unordered {
        found.push(Implausible::DatesOutOfOrder);
    }
}

fn check_answer_list(claims: &Claims<'_>, found: &mut Vec<Implausible>) {
    let times = &claims.answer_times;
    if times.len() > claims.answers as usize {
        found.push(Implausible::LogLongerThanCount {
            listed: times.len(),
            total: claims.answers,
        });
    }
    if let (Some(first), Some(last)) = (times.first(), times.last()) {
        let listed = u32::try_from(times.len()).unwrap_or(u32::MAX);
        let span = (last.0 - first.0).max(0) as f64 / 1000.0;
        let allowed = f64::from(FREE_ANSWERS) + span / LEAST_SECONDS_PER_ANSWER;
        if f64::from(listed) > allowed {
            found.push(Implausible::TooFast {
                answers: listed,
                seconds: span,
            });
        }
    }
}

/// A list of every answer counted (as many as the count: none dropped by the log's limit, none
/// from before the file had a log) agrees with the counts: of right answers, and per item or step.
/// The lists are put in order by the engine's one sort (`sort_positions`), not by a std sort
/// compiled for each of them.
fn check_complete_log(claims: &Claims<'_>, found: &mut Vec<Implausible>) {
    let logged = &claims.logged_answers;
    if logged.is_empty() || logged.len() != claims.answers as usize {
        return;
    }
    let mut right = 0;
    for answer in logged {
        right += usize::from(answer.right);
    }
    if right != claims.correct as usize {
        found.push(Implausible::LogDisagreesWithCounts { item: None });
    }
    let answer = |at: usize| (logged[at].item_id, logged[at].part, logged[at].right);
    let answers = sorted(logged.len(), &|a, b| answer(a).cmp(&answer(b)));
    // Each (item, part) once with its answers and right answers, in the order of the sorted list.
    let mut logged_counts: Vec<(String, u32, u32)> = Vec::new();
    let mut start = 0;
    while start < answers.len() {
        let (item_id, part, _) = answer(answers[start]);
        let mut end = start;
        let mut correct = 0u32;
        while end < answers.len()
            && (item_id, part) == (logged[answers[end]].item_id, logged[answers[end]].part)
        {
            correct += u32::from(logged[answers[end]].right);
            end += 1;
        }
        logged_counts.push((item_key(item_id, part), (end - start) as u32, correct));
        start = end;
    }
    let logged_order = sorted(logged_counts.len(), &|a, b| {
        logged_counts[a].cmp(&logged_counts[b])
    });
    let mut counted: Vec<(&str, u32, u32)> = Vec::new();
    for item in &claims.item_counts {
        if item.attempts > 0 {
            counted.push((item.key, item.attempts, item.correct));
        }
    }
    let counted_order = sorted(counted.len(), &|a, b| counted[a].cmp(&counted[b]));
    let (mut l, mut c) = (0, 0);
    loop {
        let logged_next = logged_order.get(l).map(|&at| &logged_counts[at]);
        let counted_next = counted_order.get(c).map(|&at| counted[at]);
        let disagreeing = match (logged_next, counted_next) {
            (None, None) => break,
            (Some(lc), Some(cc)) if lc.0.as_str() == cc.0 => {
                l += 1;
                c += 1;
                ((lc.1, lc.2) != (cc.1, cc.2)).then(|| lc.0.clone())
            }
            (Some(lc), Some(cc)) if lc.0.as_str() > cc.0 => {
                c += 1;
                Some(cc.0.to_owned())
            }
            (Some(lc), _) => {
                l += 1;
                Some(lc.0.clone())
            }
            (None, Some(cc)) => {
                c += 1;
                Some(cc.0.to_owned())
            }
        };
        if let Some(item) = disagreeing {
            found.push(Implausible::LogDisagreesWithCounts { item: Some(item) });
        }
    }
}

/// The positions `0..count` in the order `compare` puts them.
fn sorted(count: usize, compare: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..count).collect();
    sort_positions(&mut positions, compare);
    positions
}

#[cfg(test)]
pub(crate) mod tests;
