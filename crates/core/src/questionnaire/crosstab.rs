//! Cross-tabulation: how the answers to one choice or scale question are
//! spread over the answers to another ("satisfaction by age group").

use super::answer::AnswerValue;
use super::definition::{OptionKey, Question, QuestionKind, Questionnaire};
use super::plan::Plan;
use super::response::ResponseAnswers;
use super::results::share;
use crate::ids::QuestionId;
use serde::{Deserialize, Serialize};

/// A row or column of a cross-tabulation: an option, or a scale value. In
/// JSON the key itself: `"sport"` or `4`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CrossKey {
    /// An option of a choice question.
    Option(OptionKey),
    /// A value of a scale question.
    Value(i64),
}

/// Respondents by the answers to two questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossTab {
    /// The question whose answers are the rows.
    pub rows: QuestionId,
    /// The question whose answers are the columns.
    pub cols: QuestionId,
    /// The rows: the row question's options or scale values.
    pub row_keys: Vec<CrossKey>,
    /// The columns.
    pub col_keys: Vec<CrossKey>,
    /// `counts[r][c]`: respondents who answered row `r` and column `c`. A
    /// multiple-choice respondent counts in every cell of their choices.
    pub counts: Vec<Vec<u64>>,
    /// Per row: respondents in that row (who answered both questions).
    pub row_totals: Vec<u64>,
    /// Per column: respondents in that column (who answered both questions).
    pub col_totals: Vec<u64>,
    /// Respondents who answered both questions (while both were shown).
    pub respondents: u64,
}

impl CrossTab {
    /// `counts[r][c]` as a share of row `r`'s respondents.
    pub fn row_share(&self, r: usize, c: usize) -> f64 {
        let count = self.counts.get(r).and_then(|row| row.get(c)).copied();
        share(
            count.unwrap_or(0),
            self.row_totals.get(r).copied().unwrap_or(0),
        )
    }
}

/// Why a cross-tabulation cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrossTabError {
    /// The questionnaire has no such question.
    UnknownQuestion,
    /// A question is not a single choice, multiple choice or scale question.
    Unsuitable,
    /// Rows and columns are the same question.
    SameQuestion,
}

impl CrossTabError {
    /// Stable code, for translations.
    pub fn code(self) -> &'static str {
        match self {
            CrossTabError::UnknownQuestion => "unknown-question",
            CrossTabError::Unsuitable => "unsuitable",
            CrossTabError::SameQuestion => "same-question",
        }
    }
}

/// A question's categories: its options, or its scale's values.
fn categories(q: &Question) -> Option<Vec<CrossKey>> {
    match &q.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            Some(
                options
                    .iter()
                    .map(|o| CrossKey::Option(o.key.clone()))
                    .collect(),
            )
        }
        QuestionKind::Scale { min, max, .. } => Some(
            (i64::from(*min)..=i64::from(*max))
                .map(CrossKey::Value)
                .collect(),
        ),
        _ => None,
    }
}

/// The categories an answer falls in, into `out`.
fn categories_of(q: &Question, value: &AnswerValue, out: &mut Vec<usize>) {
    out.clear();
    match (&q.kind, value) {
        (QuestionKind::SingleChoice { options }, AnswerValue::Choice(k)) => {
            out.extend(options.iter().position(|o| o.key == *k));
        }
        (QuestionKind::MultipleChoice { options, .. }, AnswerValue::Choices(ks)) => {
            out.extend(
                options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| ks.contains(&o.key))
                    .map(|(i, _)| i),
            );
        }
        (QuestionKind::Scale { min, max, .. }, AnswerValue::Scale(v))
            if (i64::from(*min)..=i64::from(*max)).contains(v) =>
        {
            out.push((v - i64::from(*min)) as usize);
        }
        _ => {}
    }
}

/// A cross-tabulation being counted, on a laid-out questionnaire.
#[derive(Debug)]
pub(crate) struct CrossCounter {
    rows: usize,
    cols: usize,
    tab: CrossTab,
    row_buf: Vec<usize>,
    col_buf: Vec<usize>,
}

impl CrossCounter {
    pub(crate) fn new(
        plan: &Plan<'_>,
        rows: QuestionId,
        cols: QuestionId,
    ) -> Result<CrossCounter, CrossTabError> {
        if rows == cols {
            return Err(CrossTabError::SameQuestion);
        }
        let r = plan.index(rows).ok_or(CrossTabError::UnknownQuestion)?;
        let c = plan.index(cols).ok_or(CrossTabError::UnknownQuestion)?;
        let row_keys = categories(plan.questions[r]).ok_or(CrossTabError::Unsuitable)?;
        let col_keys = categories(plan.questions[c]).ok_or(CrossTabError::Unsuitable)?;
        Ok(CrossCounter {
            rows: r,
            cols: c,
            tab: CrossTab {
                rows,
                cols,
                counts: vec![vec![0; col_keys.len()]; row_keys.len()],
                row_totals: vec![0; row_keys.len()],
                col_totals: vec![0; col_keys.len()],
                row_keys,
                col_keys,
                respondents: 0,
            },
            row_buf: Vec::new(),
            col_buf: Vec::new(),
        })
    }

    /// Counts one response, given its answers by position and visibility.
    pub(crate) fn add(
        &mut self,
        plan: &Plan<'_>,
        slots: &[Option<&AnswerValue>],
        visible: &[bool],
    ) {
        let (r, c) = (self.rows, self.cols);
        let (Some(rv), Some(cv)) = (slots[r], slots[c]) else {
            return;
        };
        if !visible[r] || !visible[c] {
            return;
        }
        categories_of(plan.questions[r], rv, &mut self.row_buf);
        categories_of(plan.questions[c], cv, &mut self.col_buf);
        if self.row_buf.is_empty() || self.col_buf.is_empty() {
            return;
        }
        let t = &mut self.tab;
        t.respondents += 1;
        for &i in &self.row_buf {
            t.row_totals[i] += 1;
            for &j in &self.col_buf {
                t.counts[i][j] += 1;
            }
        }
        for &j in &self.col_buf {
            t.col_totals[j] += 1;
        }
    }

    pub(crate) fn finish(self) -> CrossTab {
        self.tab
    }
}

/// Counts a cross-tabulation response by response, like
/// [`Aggregator`](super::Aggregator) (which can count them alongside).
#[derive(Debug)]
pub struct CrossTabulator<'q> {
    plan: Plan<'q>,
    counter: CrossCounter,
    visible: Vec<bool>,
}

impl<'q> CrossTabulator<'q> {
    /// Answers to `rows` against answers to `cols`: two single choice,
    /// multiple choice or scale questions of `q`.
    pub fn new(
        q: &'q Questionnaire,
        rows: QuestionId,
        cols: QuestionId,
    ) -> Result<CrossTabulator<'q>, CrossTabError> {
        let plan = Plan::new(q);
        let counter = CrossCounter::new(&plan, rows, cols)?;
        Ok(CrossTabulator {
            plan,
            counter,
            visible: Vec::new(),
        })
    }

    /// Counts one response (answers to hidden questions do not count).
    pub fn add(&mut self, answers: &ResponseAnswers) {
        let slots = self.plan.slots(answers);
        self.plan.visible(&slots, &mut self.visible);
        self.counter.add(&self.plan, &slots, &self.visible);
    }

    /// The cross-tabulation.
    pub fn finish(self) -> CrossTab {
        self.counter.finish()
    }
}

/// The cross-tabulation of `rows` by `cols` over `responses`.
pub fn cross_tabulate<'a>(
    q: &Questionnaire,
    rows: QuestionId,
    cols: QuestionId,
    responses: impl IntoIterator<Item = &'a ResponseAnswers>,
) -> Result<CrossTab, CrossTabError> {
    let mut t = CrossTabulator::new(q, rows, cols)?;
    for r in responses {
        t.add(r);
    }
    Ok(t.finish())
}
