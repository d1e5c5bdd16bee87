//! Counting responses into [`Results`], one response at a time, so the store
//! can stream them. Per response the work is one merge of its answers with
//! the questions, one pass for visibility and one update per answer; no
//! allocation beyond one small vector (and the texts kept).

use super::answer::AnswerValue;
use super::crosstab::{CrossCounter, CrossTabError};
use super::definition::{ChoiceOption, OptionKey, QuestionKind, Questionnaire};
use super::plan::Plan;
use super::response::{ResponseAnswers, ResponseStatus};
use super::results::{
    Distribution, NumberStats, OptionCount, QuestionResult, RankResult, Results, StatementResult,
    Summary, TextAnswers, share,
};
use crate::ids::QuestionId;

/// Counts one question's answers.
#[derive(Debug)]
enum Acc {
    Choice(Vec<u64>),
    Scale {
        min: i64,
        counts: Vec<u64>,
    },
    Matrix {
        points: Vec<i64>,
        counts: Vec<Vec<u64>>,
    },
    Ranking(RankAcc),
    Number(Vec<f64>),
    Text(Vec<String>),
    Contact {
        yes: u64,
        no: u64,
    },
}

#[derive(Debug)]
struct RankAcc {
    places: usize,
    ranked: Vec<u64>,
    rank_sum: Vec<u64>,
    first: Vec<u64>,
    points: Vec<u64>,
}

fn position(options: &[ChoiceOption], key: &OptionKey) -> Option<usize> {
    options.iter().position(|o| o.key == *key)
}

impl Acc {
    fn new(kind: &QuestionKind) -> Acc {
        match kind {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. } => Acc::Choice(vec![0; options.len()]),
            QuestionKind::Scale { min, max, .. } => Acc::Scale {
                min: i64::from(*min),
                counts: vec![0; (i64::from(*max) - i64::from(*min) + 1).max(0) as usize],
            },
            QuestionKind::Matrix { statements, points } => Acc::Matrix {
                points: points.iter().map(|p| i64::from(p.value)).collect(),
                counts: vec![vec![0; points.len()]; statements.len()],
            },
            QuestionKind::Ranking { options, top } => {
                let n = options.len();
                Acc::Ranking(RankAcc {
                    places: top.map_or(n, |t| (t as usize).min(n)),
                    ranked: vec![0; n],
                    rank_sum: vec![0; n],
                    first: vec![0; n],
                    points: vec![0; n],
                })
            }
            QuestionKind::Number { .. } => Acc::Number(Vec::new()),
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => Acc::Text(Vec::new()),
            QuestionKind::Contact { .. } => Acc::Contact { yes: 0, no: 0 },
        }
    }

    /// Counts one answer; `false` when it does not fit (only in data that
    /// was never validated), so it is not counted as answered either.
    fn add(&mut self, kind: &QuestionKind, value: &AnswerValue) -> bool {
        match (self, kind, value) {
            (
                Acc::Choice(counts),
                QuestionKind::SingleChoice { options },
                AnswerValue::Choice(k),
            ) => match position(options, k) {
                Some(i) => {
                    counts[i] += 1;
                    true
                }
                None => false,
            },
            (
                Acc::Choice(counts),
                QuestionKind::MultipleChoice { options, .. },
                AnswerValue::Choices(ks),
            ) => {
                let mut any = false;
                for (i, o) in options.iter().enumerate() {
                    if ks.contains(&o.key) {
                        counts[i] += 1;
                        any = true;
                    }
                }
                any
            }
            (Acc::Scale { min, counts }, _, AnswerValue::Scale(v)) => {
                let at = v.checked_sub(*min).and_then(|i| usize::try_from(i).ok());
                match at.and_then(|i| counts.get_mut(i)) {
                    Some(c) => {
                        *c += 1;
                        true
                    }
                    None => false,
                }
            }
            (
                Acc::Matrix { points, counts },
                QuestionKind::Matrix { statements, .. },
                AnswerValue::Matrix(ratings),
            ) => {
                let mut any = false;
                for (s, row) in statements.iter().zip(counts.iter_mut()) {
                    let at = ratings
                        .get(&s.key)
                        .and_then(|v| points.iter().position(|p| p == v));
                    if let Some(j) = at {
                        row[j] += 1;
                        any = true;
                    }
                }
                any
            }
            (
                Acc::Ranking(r),
                QuestionKind::Ranking { options, .. },
                AnswerValue::Ranking(order),
            ) => {
                let mut placed: u64 = 0;
                let mut place = 0;
                for k in order {
                    let Some(i) = position(options, k) else {
                        continue;
                    };
                    // Each option once (a bit per option: at most 50 of them).
                    if i < 64 {
                        if placed & (1 << i) != 0 {
                            continue;
                        }
                        placed |= 1 << i;
                    }
                    if place == r.places {
                        break;
                    }
                    place += 1;
                    r.ranked[i] += 1;
                    r.rank_sum[i] += place as u64;
                    r.points[i] += (r.places - place + 1) as u64;
                    if place == 1 {
                        r.first[i] += 1;
                    }
                }
                place > 0
            }
            (Acc::Number(values), _, AnswerValue::Number(x)) if x.is_finite() => {
                values.push(*x);
                true
            }
            (Acc::Text(texts), _, AnswerValue::Text(t)) => {
                texts.push(t.clone());
                true
            }
            (Acc::Contact { yes, no }, _, AnswerValue::Contact(c)) => {
                if c.consent {
                    *yes += 1;
                } else {
                    *no += 1;
                }
                true
            }
            _ => false,
        }
    }

    fn finish(self, kind: &QuestionKind, answered: u64) -> Summary {
        match (self, kind) {
            (Acc::Choice(counts), _) => Summary::Choice {
                options: kind
                    .options()
                    .iter()
                    .zip(counts)
                    .map(|(o, count)| OptionCount {
                        key: o.key.clone(),
                        count,
                        share: share(count, answered),
                    })
                    .collect(),
            },
            (Acc::Scale { min, counts }, _) => {
                let values = (0..counts.len() as i64).map(|i| min + i).collect();
                Summary::Scale(Distribution::new(values, counts))
            }
            (Acc::Matrix { points, counts }, QuestionKind::Matrix { statements, .. }) => {
                Summary::Matrix {
                    statements: statements
                        .iter()
                        .zip(counts)
                        .map(|(s, c)| StatementResult {
                            key: s.key.clone(),
                            distribution: Distribution::new(points.clone(), c),
                        })
                        .collect(),
                    points,
                }
            }
            (Acc::Ranking(r), _) => Summary::Ranking {
                places: r.places as u32,
                options: kind
                    .options()
                    .iter()
                    .enumerate()
                    .map(|(i, o)| RankResult {
                        key: o.key.clone(),
                        ranked: r.ranked[i],
                        mean_rank: (r.ranked[i] > 0)
                            .then(|| r.rank_sum[i] as f64 / r.ranked[i] as f64),
                        first: r.first[i],
                        points: r.points[i],
                    })
                    .collect(),
            },
            (Acc::Number(values), _) => Summary::Number(NumberStats::new(values)),
            (Acc::Text(texts), _) => Summary::Text(TextAnswers { texts }),
            (Acc::Contact { yes, no }, _) => Summary::Contact { yes, no },
            (Acc::Matrix { .. }, _) => Summary::Matrix {
                points: Vec::new(),
                statements: Vec::new(),
            },
        }
    }
}

/// Counts responses into [`Results`]: create it, [`add`](Self::add) each
/// response, then [`finish`](Self::finish). Answers to questions hidden by a
/// condition never count.
#[derive(Debug)]
pub struct Aggregator<'q> {
    plan: Plan<'q>,
    accs: Vec<Acc>,
    seen: Vec<u64>,
    answered: Vec<u64>,
    responses: u64,
    submitted: u64,
    submitted_only: bool,
    crosstabs: Vec<CrossCounter>,
    visible: Vec<bool>,
}

impl<'q> Aggregator<'q> {
    /// An aggregator counting the answers of every response, in progress or
    /// submitted.
    pub fn new(q: &'q Questionnaire) -> Aggregator<'q> {
        let plan = Plan::new(q);
        let n = plan.questions.len();
        Aggregator {
            accs: plan.questions.iter().map(|q| Acc::new(&q.kind)).collect(),
            plan,
            seen: vec![0; n],
            answered: vec![0; n],
            responses: 0,
            submitted: 0,
            submitted_only: false,
            crosstabs: Vec::new(),
            visible: Vec::with_capacity(n),
        }
    }

    /// The same aggregator, counting only submitted responses' answers
    /// (responses in progress still count towards the completion rate).
    pub fn submitted_only(mut self) -> Aggregator<'q> {
        self.submitted_only = true;
        self
    }

    /// The same aggregator, also cross-tabulating `rows` by `cols` (see
    /// [`CrossTabulator::new`](super::CrossTabulator::new)).
    pub fn with_crosstab(
        mut self,
        rows: QuestionId,
        cols: QuestionId,
    ) -> Result<Aggregator<'q>, CrossTabError> {
        let counter = CrossCounter::new(&self.plan, rows, cols)?;
        self.crosstabs.push(counter);
        Ok(self)
    }

    /// Counts one response.
    pub fn add(&mut self, status: ResponseStatus, answers: &ResponseAnswers) {
        self.responses += 1;
        if status == ResponseStatus::Submitted {
            self.submitted += 1;
        } else if self.submitted_only {
            return;
        }
        let slots = self.plan.slots(answers);
        self.plan.visible(&slots, &mut self.visible);
        for (i, slot) in slots.iter().enumerate() {
            if !self.visible[i] {
                continue;
            }
            self.seen[i] += 1;
            if let Some(v) = slot
                && self.accs[i].add(&self.plan.questions[i].kind, v)
            {
                self.answered[i] += 1;
            }
        }
        for t in &mut self.crosstabs {
            t.add(&self.plan, &slots, &self.visible);
        }
    }

    /// The results.
    pub fn finish(self) -> Results {
        let questions = self
            .accs
            .into_iter()
            .enumerate()
            .map(|(i, acc)| {
                let q = self.plan.questions[i];
                QuestionResult {
                    question: q.id,
                    seen: self.seen[i],
                    answered: self.answered[i],
                    summary: acc.finish(&q.kind, self.answered[i]),
                }
            })
            .collect();
        Results {
            responses: self.responses,
            submitted: self.submitted,
            completion_rate: (self.responses > 0).then(|| share(self.submitted, self.responses)),
            submitted_only: self.submitted_only,
            questions,
            crosstabs: self
                .crosstabs
                .into_iter()
                .map(CrossCounter::finish)
                .collect(),
        }
    }
}

/// The results of `responses`, each with its status.
pub fn aggregate<'a>(
    q: &Questionnaire,
    responses: impl IntoIterator<Item = (ResponseStatus, &'a ResponseAnswers)>,
) -> Results {
    let mut a = Aggregator::new(q);
    for (status, answers) in responses {
        a.add(status, answers);
    }
    a.finish()
}
