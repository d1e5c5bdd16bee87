//! A questionnaire laid out for evaluating many responses: questions in
//! order, each condition resolved to the position of the question it looks
//! at, and ids sorted so a response's answers are matched to positions in
//! one merge pass (no hashing, no per-answer search).

use super::answer::AnswerValue;
use super::definition::{ConditionTest, Question, Questionnaire};
use super::response::ResponseAnswers;
use crate::ids::QuestionId;

/// The questionnaire, laid out.
#[derive(Debug)]
pub(crate) struct Plan<'q> {
    /// All questions, in order.
    pub questions: Vec<&'q Question>,
    /// The page number of each question.
    pub page: Vec<usize>,
    /// Number of pages.
    pub pages: usize,
    /// Per question with a condition: the position of the condition's
    /// question, when it comes earlier. A condition on anything else (only
    /// in a definition that was never validated) hides the question.
    source: Vec<Option<usize>>,
    /// Ids with their positions, sorted by id.
    by_id: Vec<(QuestionId, usize)>,
}

impl<'q> Plan<'q> {
    pub(crate) fn new(q: &'q Questionnaire) -> Plan<'q> {
        let mut questions = Vec::new();
        let mut page = Vec::new();
        let mut pages = 0;
        for (n, p) in q.pages().enumerate() {
            pages = n + 1;
            for question in &p.questions {
                questions.push(question);
                page.push(n);
            }
        }
        let mut by_id: Vec<(QuestionId, usize)> = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id, i))
            .collect();
        by_id.sort_unstable();
        let source = questions
            .iter()
            .enumerate()
            .map(|(i, question)| {
                let c = question.condition.as_ref()?;
                questions[..i].iter().position(|e| e.id == c.question)
            })
            .collect();
        Plan {
            questions,
            page,
            pages,
            source,
            by_id,
        }
    }

    /// The position of question `id`.
    pub(crate) fn index(&self, id: QuestionId) -> Option<usize> {
        let at = self.by_id.binary_search_by(|(x, _)| x.cmp(&id)).ok()?;
        Some(self.by_id[at].1)
    }

    /// The answers of a response by question position. Answers to questions
    /// the questionnaire does not have are left out.
    pub(crate) fn slots<'a>(&self, answers: &'a ResponseAnswers) -> Vec<Option<&'a AnswerValue>> {
        let mut out = vec![None; self.questions.len()];
        let mut j = 0;
        for (id, value) in answers.iter() {
            while j < self.by_id.len() && self.by_id[j].0 < *id {
                j += 1;
            }
            let mut k = j;
            while k < self.by_id.len() && self.by_id[k].0 == *id {
                out[self.by_id[k].1] = Some(value);
                k += 1;
            }
            if j == self.by_id.len() {
                break;
            }
        }
        out
    }

    /// Which questions are shown, given the answers by position. In order,
    /// so a question whose condition's question is hidden is hidden too.
    pub(crate) fn visible(&self, slots: &[Option<&AnswerValue>], out: &mut Vec<bool>) {
        out.clear();
        for (i, q) in self.questions.iter().enumerate() {
            let shown = match (&q.condition, self.source[i]) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(c), Some(s)) => out[s] && slots[s].is_some_and(|v| holds(&c.test, v)),
            };
            out.push(shown);
        }
    }
}

/// Whether an answer passes a condition's test.
pub(crate) fn holds(test: &ConditionTest, value: &AnswerValue) -> bool {
    match (test, value) {
        (ConditionTest::AnyOf(keys), AnswerValue::Choice(k)) => keys.contains(k),
        (ConditionTest::AnyOf(keys), AnswerValue::Choices(ks)) => {
            ks.iter().any(|k| keys.contains(k))
        }
        (ConditionTest::Between { min, max }, AnswerValue::Scale(v)) => {
            (i64::from(*min)..=i64::from(*max)).contains(v)
        }
        _ => false,
    }
}
