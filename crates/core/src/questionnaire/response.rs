//! A response's answers, and the two ways they change: saving part of them
//! ("save and continue later") and submitting them all.

use super::answer::{AnswerValue, is_complete, validate_answer};
use super::definition::Questionnaire;
use super::plan::Plan;
use super::problems::{AnswerError, AnswerProblem};
use crate::ids::QuestionId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether a response is still being filled in or has been submitted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    /// Saved, not submitted: answers may still change.
    #[default]
    InProgress,
    /// Submitted.
    Submitted,
}

impl ResponseStatus {
    /// Stable key as stored (`in_progress`, `submitted`).
    pub fn key(self) -> &'static str {
        match self {
            ResponseStatus::InProgress => "in_progress",
            ResponseStatus::Submitted => "submitted",
        }
    }

    /// Parses a stored key.
    pub fn parse(s: &str) -> Option<ResponseStatus> {
        match s {
            "in_progress" => Some(ResponseStatus::InProgress),
            "submitted" => Some(ResponseStatus::Submitted),
            _ => None,
        }
    }
}

/// Changes sent with one save: per question a new value, or `None` (JSON
/// `null`) to clear its answer. Questions not named keep their answer.
pub type AnswerChanges = BTreeMap<QuestionId, Option<AnswerValue>>;

/// A response's answers by question. In JSON, an object from question id to
/// [`AnswerValue`]: `{"0190…":{"choice":"ja"},"0190…":{"scale":4}}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ResponseAnswers(BTreeMap<QuestionId, AnswerValue>);

impl ResponseAnswers {
    /// No answers yet.
    pub fn new() -> ResponseAnswers {
        ResponseAnswers::default()
    }

    /// Re-wraps answers read back from storage, where they were written only
    /// after [`save`](Self::save) or [`submit`](Self::submit). Not for input.
    pub fn from_stored(answers: BTreeMap<QuestionId, AnswerValue>) -> ResponseAnswers {
        ResponseAnswers(answers)
    }

    /// The answer to question `id`.
    pub fn get(&self, id: QuestionId) -> Option<&AnswerValue> {
        self.0.get(&id)
    }

    /// The answers, by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &AnswerValue)> {
        self.0.iter()
    }

    /// Number of questions answered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The answers as a map.
    pub fn into_inner(self) -> BTreeMap<QuestionId, AnswerValue> {
        self.0
    }

    /// These answers with `changes` applied, each change checked against
    /// its question ([`validate_answer`]). Any subset of the questions may be
    /// saved, whether or not they are shown or required; an empty value
    /// clears the answer. Either every change is valid and applied, or none
    /// is and every problem is returned, in question order (unknown questions
    /// last).
    pub fn save(
        &self,
        questionnaire: &Questionnaire,
        changes: AnswerChanges,
    ) -> Result<ResponseAnswers, Vec<AnswerError>> {
        let mut next = self.0.clone();
        let mut errors = Vec::new();
        for (id, value) in changes {
            let Some(question) = questionnaire.question(id) else {
                errors.push(AnswerError {
                    question: id,
                    problem: AnswerProblem::UnknownQuestion,
                });
                continue;
            };
            match value.map(|v| validate_answer(question, v)).transpose() {
                Ok(Some(Some(v))) => {
                    next.insert(id, v);
                }
                Ok(_) => {
                    next.remove(&id);
                }
                Err(problem) => errors.push(AnswerError {
                    question: id,
                    problem,
                }),
            }
        }
        if errors.is_empty() {
            return Ok(ResponseAnswers(next));
        }
        let plan = Plan::new(questionnaire);
        errors.sort_by_key(|e| plan.index(e.question).unwrap_or(usize::MAX));
        Err(errors)
    }

    /// The answers as submitted: every shown required question must be fully
    /// answered ([`AnswerProblem::Required`], [`AnswerProblem::Incomplete`],
    /// in question order), and the answers kept are those to shown questions.
    /// Answers to questions hidden by a condition are dropped, so they never
    /// count; so are answers that no longer fit their question (the
    /// definition changed after they were saved) and answers to questions
    /// the questionnaire no longer has.
    pub fn submit(
        &self,
        questionnaire: &Questionnaire,
    ) -> Result<ResponseAnswers, Vec<AnswerError>> {
        let plan = Plan::new(questionnaire);
        let mut fitting = BTreeMap::new();
        for (id, value) in &self.0 {
            if let Some(i) = plan.index(*id)
                && let Ok(Some(v)) = validate_answer(plan.questions[i], value.clone())
            {
                fitting.insert(*id, v);
            }
        }
        let fitting = ResponseAnswers(fitting);
        let slots = plan.slots(&fitting);
        let mut visible = Vec::new();
        plan.visible(&slots, &mut visible);
        let mut errors = Vec::new();
        for (i, q) in plan.questions.iter().enumerate() {
            if !visible[i] || !q.required {
                continue;
            }
            let problem = match slots[i] {
                None => AnswerProblem::Required,
                Some(v) if !is_complete(&q.kind, v) => AnswerProblem::Incomplete,
                Some(_) => continue,
            };
            errors.push(AnswerError {
                question: q.id,
                problem,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let kept = plan
            .questions
            .iter()
            .zip(&visible)
            .filter(|(_, shown)| **shown)
            .filter_map(|(q, _)| Some((q.id, fitting.0.get(&q.id)?.clone())))
            .collect();
        Ok(ResponseAnswers(kept))
    }
}
