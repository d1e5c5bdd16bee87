//! Questionnaires (*vragenlijsten*): a definition of sections, pages and
//! questions; respondents' answers, saved part by part and then submitted;
//! and the results for staff.
//!
//! - [`definition`] holds a validated questionnaire, [`input`] the editor's
//!   form of it and [`validate`] the rules between them (texts, limits from
//!   [`limits`], option keys, conditions that only look back; a question's
//!   settings are checked in `kinds.rs`).
//! - [`answer`] checks one answer against its question; [`response`] saves
//!   and submits a response's answers; [`visibility`] works out which
//!   questions and pages a respondent sees, the progress and the next page.
//! - [`aggregate`](mod@aggregate) counts responses into [`results`], one at a time so the
//!   store can stream them; [`crosstab`] spreads one question's answers over
//!   another's.
//!
//! All of it is pure: the store keeps definitions and responses as JSON, the
//! web layer shows them and translates the problems' codes.

pub mod aggregate;
pub mod answer;
pub mod crosstab;
pub mod definition;
pub mod input;
mod kinds;
pub mod limits;
mod plan;
pub mod problems;
pub mod response;
pub mod results;
pub mod texts;
pub mod validate;
pub mod visibility;

pub use aggregate::{Aggregator, aggregate};
pub use answer::{AnswerValue, ContactAnswer, is_complete, validate_answer};
pub use crosstab::{CrossKey, CrossTab, CrossTabError, CrossTabulator, cross_tabulate};
pub use definition::{
    ChoiceOption, Condition, ConditionTest, OptionKey, Page, Question, QuestionKind, Questionnaire,
    ScalePoint, Section,
};
pub use input::{
    KindInput, OptionInput, PageInput, PointInput, QuestionInput, QuestionnaireInput, SectionInput,
};
pub use problems::{AnswerError, AnswerProblem, DefinitionError, DefinitionProblem};
pub use response::{AnswerChanges, ResponseAnswers, ResponseStatus};
pub use results::{
    Distribution, NumberStats, OptionCount, QuestionResult, RankResult, Results, StatementResult,
    Summary, TextAnswers,
};
pub use texts::{Texts, TextsInput};
pub use visibility::{PagePosition, Progress, QuestionState, Visibility};

#[cfg(test)]
mod tests;
