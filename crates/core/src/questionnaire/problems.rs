//! What can be wrong with a questionnaire's definition and with an answer.
//! Every problem has a stable code, the key of its translated message.

use crate::ids::QuestionId;
use serde::{Deserialize, Serialize};

/// What is wrong with one field of a definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum DefinitionProblem {
    /// Required and empty (or an English text without a Dutch one).
    Missing,
    /// Longer than `max` characters.
    TooLong {
        /// Most characters.
        max: usize,
    },
    /// More than `max` entries (sections, pages, questions, options, …).
    TooMany {
        /// Most entries.
        max: usize,
    },
    /// Fewer than `min` entries (e.g. a choice question with one option).
    TooFew {
        /// Fewest entries.
        min: usize,
    },
    /// The same id, key or text twice.
    Duplicate,
    /// An option key that is not 1–40 characters of `a-z`, `0-9`, `-`, `_`.
    BadKey,
    /// A range whose lowest value is not below its highest, or that is too
    /// wide, or whose bounds are too large.
    BadRange,
    /// A limit outside `min..=max` (most choices, top-K, text length).
    BadLimit {
        /// Lowest allowed.
        min: u32,
        /// Highest allowed.
        max: u32,
    },
    /// A condition on a question that does not exist.
    UnknownQuestion,
    /// A condition on the question itself or on a later one. Conditions only
    /// look back, so they can never form a cycle.
    NotEarlier,
    /// A condition on a question that is not a single choice, multiple
    /// choice or scale question.
    Unsuitable,
    /// A condition names an option its question does not have.
    UnknownOption {
        /// The key named.
        key: String,
    },
    /// A condition's range lies outside its question's scale, or the
    /// condition names no option.
    NeverTrue,
    /// A second contact question; a questionnaire asks for contact once.
    SecondContact,
}

impl DefinitionProblem {
    /// Stable code, for translations.
    pub fn code(&self) -> &'static str {
        match self {
            DefinitionProblem::Missing => "missing",
            DefinitionProblem::TooLong { .. } => "too-long",
            DefinitionProblem::TooMany { .. } => "too-many",
            DefinitionProblem::TooFew { .. } => "too-few",
            DefinitionProblem::Duplicate => "duplicate",
            DefinitionProblem::BadKey => "bad-key",
            DefinitionProblem::BadRange => "bad-range",
            DefinitionProblem::BadLimit { .. } => "bad-limit",
            DefinitionProblem::UnknownQuestion => "unknown-question",
            DefinitionProblem::NotEarlier => "condition-not-earlier",
            DefinitionProblem::Unsuitable => "condition-unsuitable",
            DefinitionProblem::UnknownOption { .. } => "unknown-option",
            DefinitionProblem::NeverTrue => "condition-never-true",
            DefinitionProblem::SecondContact => "second-contact",
        }
    }
}

/// A field of a definition and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionError {
    /// Dotted path into the `QuestionnaireInput`, with 0-based positions:
    /// `title.nl`, `sections.0.pages.1.questions.2.options.3.key`,
    /// `sections.0.pages.1.questions.2.condition`.
    pub field: String,
    /// What is wrong.
    pub problem: DefinitionProblem,
}

/// Collects definition errors while validating.
#[derive(Debug, Default)]
pub(crate) struct Check {
    pub errors: Vec<DefinitionError>,
}

impl Check {
    pub(crate) fn fail(&mut self, field: impl Into<String>, problem: DefinitionProblem) {
        self.errors.push(DefinitionError {
            field: field.into(),
            problem,
        });
    }
}

/// What is wrong with one answer. Refused answers change nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum AnswerProblem {
    /// The questionnaire has no such question.
    UnknownQuestion,
    /// The answer's type does not fit the question (e.g. a text for a scale).
    WrongType,
    /// A chosen, ranked or rated option or statement the question does not have.
    UnknownOption,
    /// The same option twice.
    Duplicate,
    /// More options chosen than allowed.
    TooManyChoices {
        /// Most options.
        max: u32,
    },
    /// More options ranked than asked.
    TooManyRanked {
        /// Most options.
        max: u32,
    },
    /// A value outside the question's range.
    OutOfRange {
        /// Lowest allowed, if bounded.
        min: Option<f64>,
        /// Highest allowed, if bounded.
        max: Option<f64>,
    },
    /// A matrix rating that is not one of the scale's points.
    NotAPoint,
    /// Not a finite number.
    NotANumber,
    /// A fraction where a whole number is asked.
    NotAWholeNumber,
    /// A text (or a contact name) longer than allowed.
    TooLong {
        /// Most characters.
        max: u32,
    },
    /// Not an e-mail address.
    NotAnEmail,
    /// Not a phone number (6–15 digits, optionally with `+`, spaces, dashes,
    /// dots and parentheses).
    NotAPhone,
    /// A contact detail the question does not ask for.
    NotAsked,
    /// Consent to be contacted, but no way to contact (e-mail or phone).
    NoContactDetails,
    /// On submit: a required question that is shown has no answer.
    Required,
    /// On submit: a required matrix or ranking question is partly answered.
    Incomplete,
}

impl AnswerProblem {
    /// Stable code, for translations.
    pub fn code(&self) -> &'static str {
        match self {
            AnswerProblem::UnknownQuestion => "unknown-question",
            AnswerProblem::WrongType => "wrong-type",
            AnswerProblem::UnknownOption => "unknown-option",
            AnswerProblem::Duplicate => "duplicate",
            AnswerProblem::TooManyChoices { .. } => "too-many-choices",
            AnswerProblem::TooManyRanked { .. } => "too-many-ranked",
            AnswerProblem::OutOfRange { .. } => "out-of-range",
            AnswerProblem::NotAPoint => "not-a-point",
            AnswerProblem::NotANumber => "not-a-number",
            AnswerProblem::NotAWholeNumber => "not-a-whole-number",
            AnswerProblem::TooLong { .. } => "too-long",
            AnswerProblem::NotAnEmail => "not-an-email",
            AnswerProblem::NotAPhone => "not-a-phone",
            AnswerProblem::NotAsked => "not-asked",
            AnswerProblem::NoContactDetails => "no-contact-details",
            AnswerProblem::Required => "required",
            AnswerProblem::Incomplete => "incomplete",
        }
    }
}

/// A question and what is wrong with its answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerError {
    /// The question.
    pub question: QuestionId,
    /// What is wrong.
    pub problem: AnswerProblem,
}
