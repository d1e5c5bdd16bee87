//! A validated questionnaire: sections of pages of questions. Built by
//! [`QuestionnaireInput::validate`](super::QuestionnaireInput::validate), or
//! read back from storage, where only validated definitions are written.

use super::texts::Texts;
use crate::ids::{QuestionId, QuestionnaireId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A questionnaire's definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Questionnaire {
    /// Id.
    pub id: QuestionnaireId,
    /// Title.
    pub title: Texts,
    /// Shown before the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Texts>,
    /// Shown after submitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Texts>,
    /// Sections, in order; at least one.
    pub sections: Vec<Section>,
}

/// A section: a group of pages under one heading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Heading, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Texts>,
    /// Shown at the top of the section's first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Texts>,
    /// Pages, in order; at least one.
    pub pages: Vec<Page>,
}

/// A page: the questions shown together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Heading, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Texts>,
    /// Questions, in order; at least one.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Id; answers refer to it.
    pub id: QuestionId,
    /// The question.
    pub text: Texts,
    /// An explanation shown with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Texts>,
    /// Must be answered (when shown) before submitting.
    #[serde(default)]
    pub required: bool,
    /// Shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
}

/// A stable key of an option or a matrix statement. Answers refer to the
/// key, so an option's text can be edited without changing its answers.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OptionKey(pub String);

impl OptionKey {
    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `s` is a well-formed key: 1–40 characters of `a-z`, `0-9`,
    /// `-` and `_`, starting with a letter or digit.
    pub fn is_well_formed(s: &str) -> bool {
        s.len() <= super::limits::MAX_KEY
            && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    }
}

impl From<&str> for OptionKey {
    fn from(s: &str) -> OptionKey {
        OptionKey(s.to_string())
    }
}

impl fmt::Display for OptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for OptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// An option of a choice or ranking question, or a statement of a matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Stable key.
    pub key: OptionKey,
    /// The text shown.
    pub text: Texts,
}

/// A labelled point of a matrix question's shared scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalePoint {
    /// The value stored and averaged (points ascend).
    pub value: i32,
    /// The label shown, e.g. "Helemaal mee eens".
    pub label: Texts,
}

/// The kinds of question, with their settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Choose one option.
    SingleChoice {
        /// Options, at least two.
        options: Vec<ChoiceOption>,
    },
    /// Choose any number of options, up to `max_choices`.
    MultipleChoice {
        /// Options, at least one.
        options: Vec<ChoiceOption>,
        /// Most options chosen; `None` for no limit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_choices: Option<u32>,
    },
    /// A whole number from `min` to `max`, e.g. 1–5 or 0–10.
    Scale {
        /// Lowest value.
        min: i32,
        /// Highest value.
        max: i32,
        /// Label of the lowest value ("Helemaal niet").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_label: Option<Texts>,
        /// Label of the highest value ("Helemaal wel").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_label: Option<Texts>,
    },
    /// Several statements, each rated on one shared scale (Likert).
    Matrix {
        /// Statements, at least one.
        statements: Vec<ChoiceOption>,
        /// The scale's points, ascending by value; at least two.
        points: Vec<ScalePoint>,
    },
    /// Put options in order, best first; only the first `top` when set.
    Ranking {
        /// Options, at least two.
        options: Vec<ChoiceOption>,
        /// How many to rank; `None` for all.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        top: Option<u32>,
    },
    /// A number.
    Number {
        /// Lowest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Highest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// Only whole numbers.
        #[serde(default)]
        integer: bool,
        /// Unit shown after the field ("uur per week").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<Texts>,
    },
    /// A one-line text.
    ShortText {
        /// Most characters.
        max_chars: u32,
    },
    /// A text of several lines.
    LongText {
        /// Most characters.
        max_chars: u32,
    },
    /// "May we contact you?": an explicit yes or no, and contact details
    /// only with a yes.
    Contact {
        /// Asks for a name.
        name: bool,
        /// Asks for an e-mail address.
        email: bool,
        /// Asks for a phone number.
        phone: bool,
    },
}

impl QuestionKind {
    /// Stable name of the kind, as in the JSON `type` field.
    pub fn type_key(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Matrix { .. } => "matrix",
            QuestionKind::Ranking { .. } => "ranking",
            QuestionKind::Number { .. } => "number",
            QuestionKind::ShortText { .. } => "short_text",
            QuestionKind::LongText { .. } => "long_text",
            QuestionKind::Contact { .. } => "contact",
        }
    }

    /// The options of a choice or ranking question (empty for other kinds;
    /// a matrix's statements are not options).
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Ranking { options, .. } => options,
            _ => &[],
        }
    }

    /// Whether another question's condition may look at this one's answer:
    /// single choice, multiple choice and scale questions.
    pub fn can_be_condition(&self) -> bool {
        matches!(
            self,
            QuestionKind::SingleChoice { .. }
                | QuestionKind::MultipleChoice { .. }
                | QuestionKind::Scale { .. }
        )
    }
}

/// When a question is shown: only if an earlier question's answer passes the
/// test. A question whose condition question is hidden or unanswered is hidden.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The earlier question looked at.
    pub question: QuestionId,
    /// What its answer must be.
    pub test: ConditionTest,
}

/// What a condition's question must have been answered with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionTest {
    /// One of these options chosen (for multiple choice: at least one of them).
    AnyOf(Vec<OptionKey>),
    /// A scale value from `min` to `max`, inclusive.
    Between {
        /// Lowest value.
        min: i32,
        /// Highest value.
        max: i32,
    },
}

impl Condition {
    /// Shown when `question` was answered with one of `options`.
    pub fn any_of(question: QuestionId, options: &[&str]) -> Condition {
        Condition {
            question,
            test: ConditionTest::AnyOf(options.iter().map(|k| OptionKey::from(*k)).collect()),
        }
    }

    /// Shown when scale `question` was answered with `min..=max`.
    pub fn between(question: QuestionId, min: i32, max: i32) -> Condition {
        Condition {
            question,
            test: ConditionTest::Between { min, max },
        }
    }
}

impl Question {
    /// The option with this key (choice and ranking questions).
    pub fn option(&self, key: &str) -> Option<&ChoiceOption> {
        self.kind.options().iter().find(|o| o.key.as_str() == key)
    }
}

impl Questionnaire {
    /// All pages, in order over the sections. Pages are numbered by their
    /// position here (0-based) for navigation.
    pub fn pages(&self) -> impl Iterator<Item = &Page> {
        self.sections.iter().flat_map(|s| s.pages.iter())
    }

    /// The page numbered `n`.
    pub fn page(&self, n: usize) -> Option<&Page> {
        self.pages().nth(n)
    }

    /// Number of pages.
    pub fn page_count(&self) -> usize {
        self.sections.iter().map(|s| s.pages.len()).sum()
    }

    /// Which section page `n` is in, and its position there.
    pub fn page_location(&self, n: usize) -> Option<(usize, usize)> {
        let mut first = 0;
        for (i, s) in self.sections.iter().enumerate() {
            if n < first + s.pages.len() {
                return Some((i, n - first));
            }
            first += s.pages.len();
        }
        None
    }

    /// All questions, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.pages().flat_map(|p| p.questions.iter())
    }

    /// Number of questions.
    pub fn question_count(&self) -> usize {
        self.pages().map(|p| p.questions.len()).sum()
    }

    /// The question with this id.
    pub fn question(&self, id: QuestionId) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// The number of the page holding question `id`.
    pub fn page_of(&self, id: QuestionId) -> Option<usize> {
        self.pages()
            .position(|p| p.questions.iter().any(|q| q.id == id))
    }
}
