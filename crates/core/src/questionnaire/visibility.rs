//! Which questions and pages a respondent sees, given the answers so far;
//! the progress through them; and moving to the next or previous page
//! (skipping pages whose questions are all hidden).

use super::answer::is_complete;
use super::definition::Questionnaire;
use super::plan::Plan;
use super::response::ResponseAnswers;
use crate::ids::QuestionId;
use serde::{Deserialize, Serialize};

/// One question's state in a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionState {
    /// The question.
    pub id: QuestionId,
    /// Its page number.
    pub page: usize,
    /// Shown: it has no condition, or its condition holds.
    pub visible: bool,
    /// Has an answer.
    pub answered: bool,
    /// Has a full answer (see [`is_complete`]).
    pub complete: bool,
    /// Required.
    pub required: bool,
}

/// What a respondent sees, given the answers. Compute it again after every
/// save: a condition may depend on an answer on the same page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visibility {
    /// Every question, in order.
    pub questions: Vec<QuestionState>,
    /// Per page: whether any of its questions is shown.
    pub pages: Vec<bool>,
}

/// Progress through the shown questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Shown questions fully answered.
    pub answered: usize,
    /// Shown questions.
    pub visible: usize,
    /// Shown required questions not fully answered.
    pub required_missing: usize,
}

impl Progress {
    /// Answered shown questions as a fraction (1 when nothing is shown).
    pub fn fraction(&self) -> f64 {
        if self.visible == 0 {
            1.0
        } else {
            self.answered as f64 / self.visible as f64
        }
    }

    /// [`fraction`](Self::fraction) as a whole percentage, rounded down.
    pub fn percent(&self) -> u8 {
        (self.fraction() * 100.0).floor().clamp(0.0, 100.0) as u8
    }

    /// Whether the response can be submitted.
    pub fn can_submit(&self) -> bool {
        self.required_missing == 0
    }
}

/// Where a page is among the shown pages: "page `number` of `of`".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PagePosition {
    /// Shown pages up to and including this one (1-based when it is shown).
    pub number: usize,
    /// Shown pages.
    pub of: usize,
}

impl Visibility {
    /// The visibility of every question and page of `q` given `answers`.
    pub fn of(q: &Questionnaire, answers: &ResponseAnswers) -> Visibility {
        let plan = Plan::new(q);
        let slots = plan.slots(answers);
        let mut visible = Vec::new();
        plan.visible(&slots, &mut visible);
        let mut pages = vec![false; plan.pages];
        let questions = plan
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| {
                if visible[i] {
                    pages[plan.page[i]] = true;
                }
                QuestionState {
                    id: question.id,
                    page: plan.page[i],
                    visible: visible[i],
                    answered: slots[i].is_some(),
                    complete: slots[i].is_some_and(|v| is_complete(&question.kind, v)),
                    required: question.required,
                }
            })
            .collect();
        Visibility { questions, pages }
    }

    /// Whether question `id` is shown (`false` for an unknown question).
    pub fn is_visible(&self, id: QuestionId) -> bool {
        self.questions.iter().any(|s| s.id == id && s.visible)
    }

    /// The shown questions, in order.
    pub fn visible_questions(&self) -> impl Iterator<Item = QuestionId> + '_ {
        self.questions.iter().filter(|s| s.visible).map(|s| s.id)
    }

    /// The hidden questions, in order.
    pub fn hidden_questions(&self) -> impl Iterator<Item = QuestionId> + '_ {
        self.questions.iter().filter(|s| !s.visible).map(|s| s.id)
    }

    /// The shown questions of page `n`, in order.
    pub fn visible_on_page(&self, n: usize) -> impl Iterator<Item = QuestionId> + '_ {
        self.questions
            .iter()
            .filter(move |s| s.visible && s.page == n)
            .map(|s| s.id)
    }

    /// Whether page `n` has a shown question.
    pub fn is_page_visible(&self, n: usize) -> bool {
        self.pages.get(n).copied().unwrap_or(false)
    }

    /// The shown pages' numbers, in order.
    pub fn visible_pages(&self) -> impl Iterator<Item = usize> + '_ {
        self.pages
            .iter()
            .enumerate()
            .filter(|(_, v)| **v)
            .map(|(n, _)| n)
    }

    /// The first shown page.
    pub fn first_page(&self) -> Option<usize> {
        self.visible_pages().next()
    }

    /// The first shown page after page `current`; `None` after the last
    /// (time to submit).
    pub fn next_page(&self, current: usize) -> Option<usize> {
        self.visible_pages().find(|n| *n > current)
    }

    /// The last shown page before page `current`; `None` before the first.
    pub fn previous_page(&self, current: usize) -> Option<usize> {
        self.visible_pages().take_while(|n| *n < current).last()
    }

    /// Where page `current` is among the shown pages.
    pub fn position(&self, current: usize) -> PagePosition {
        PagePosition {
            number: self.visible_pages().take_while(|n| *n <= current).count(),
            of: self.visible_pages().count(),
        }
    }

    /// Progress through the shown questions.
    pub fn progress(&self) -> Progress {
        let shown = self.questions.iter().filter(|s| s.visible);
        let mut p = Progress {
            answered: 0,
            visible: 0,
            required_missing: 0,
        };
        for s in shown {
            p.visible += 1;
            p.answered += usize::from(s.complete);
            p.required_missing += usize::from(s.required && !s.complete);
        }
        p
    }
}
