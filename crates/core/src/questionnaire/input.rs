//! A questionnaire as the editor sends it. [`QuestionnaireInput::validate`]
//! (in `validate.rs`) turns it into a [`Questionnaire`] or lists every field
//! that is wrong; `From<&Questionnaire>` gives the input back for editing.

use super::definition::{
    ChoiceOption, Condition, Page, Question, QuestionKind, Questionnaire, ScalePoint, Section,
};
use super::texts::TextsInput;
use crate::ids::QuestionId;
use serde::{Deserialize, Serialize};

/// A questionnaire as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireInput {
    /// Title (required).
    pub title: TextsInput,
    /// Introduction.
    #[serde(default)]
    pub intro: TextsInput,
    /// Closing text.
    #[serde(default)]
    pub closing: TextsInput,
    /// Sections.
    #[serde(default)]
    pub sections: Vec<SectionInput>,
}

/// A section as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionInput {
    /// Heading.
    #[serde(default)]
    pub title: TextsInput,
    /// Introduction.
    #[serde(default)]
    pub intro: TextsInput,
    /// Pages.
    #[serde(default)]
    pub pages: Vec<PageInput>,
}

/// A page as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageInput {
    /// Heading.
    #[serde(default)]
    pub title: TextsInput,
    /// Questions.
    #[serde(default)]
    pub questions: Vec<QuestionInput>,
}

/// A question as typed. The editor gives a new question a fresh
/// [`QuestionId::new`] and keeps it from then on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionInput {
    /// Id.
    pub id: QuestionId,
    /// The question.
    pub text: TextsInput,
    /// Explanation.
    #[serde(default)]
    pub help: TextsInput,
    /// Must be answered when shown.
    #[serde(default)]
    pub required: bool,
    /// Shown only when this holds.
    #[serde(default)]
    pub condition: Option<Condition>,
    /// Kind and settings.
    pub kind: KindInput,
}

/// An option or a matrix statement as typed. An empty key is made from the
/// Dutch text; once saved, the editor sends the key back so it stays.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OptionInput {
    /// Key, or empty.
    #[serde(default)]
    pub key: String,
    /// The text.
    pub text: TextsInput,
}

/// A point of a matrix scale as typed. Without a value, a point is one more
/// than the point before it (the first is 1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PointInput {
    /// Value, or none.
    #[serde(default)]
    pub value: Option<i32>,
    /// Label.
    pub label: TextsInput,
}

/// A question's kind and settings as typed; see [`QuestionKind`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum KindInput {
    /// Choose one.
    SingleChoice {
        /// Options.
        options: Vec<OptionInput>,
    },
    /// Choose several.
    MultipleChoice {
        /// Options.
        options: Vec<OptionInput>,
        /// Most choices.
        #[serde(default)]
        max_choices: Option<u32>,
    },
    /// A scale.
    Scale {
        /// Lowest value.
        min: i32,
        /// Highest value.
        max: i32,
        /// Label of the lowest value.
        #[serde(default)]
        min_label: TextsInput,
        /// Label of the highest value.
        #[serde(default)]
        max_label: TextsInput,
    },
    /// Statements on one scale.
    Matrix {
        /// Statements.
        statements: Vec<OptionInput>,
        /// Points.
        points: Vec<PointInput>,
    },
    /// Order options.
    Ranking {
        /// Options.
        options: Vec<OptionInput>,
        /// How many to rank.
        #[serde(default)]
        top: Option<u32>,
    },
    /// A number.
    Number {
        /// Lowest.
        #[serde(default)]
        min: Option<f64>,
        /// Highest.
        #[serde(default)]
        max: Option<f64>,
        /// Only whole numbers.
        #[serde(default)]
        integer: bool,
        /// Unit.
        #[serde(default)]
        unit: TextsInput,
    },
    /// One line of text.
    ShortText {
        /// Most characters; the default when none.
        #[serde(default)]
        max_chars: Option<u32>,
    },
    /// Several lines of text.
    LongText {
        /// Most characters; the default when none.
        #[serde(default)]
        max_chars: Option<u32>,
    },
    /// May we contact you?
    Contact {
        /// Ask for a name.
        #[serde(default)]
        name: bool,
        /// Ask for an e-mail address.
        #[serde(default)]
        email: bool,
        /// Ask for a phone number.
        #[serde(default)]
        phone: bool,
    },
}

impl OptionInput {
    /// An option with this key (may be empty) and Dutch text.
    pub fn new(key: &str, nl: &str) -> OptionInput {
        OptionInput {
            key: key.to_string(),
            text: TextsInput::nl(nl),
        }
    }
}

impl KindInput {
    /// Options with these keys; each key doubles as its Dutch text.
    pub fn options(keys: &[&str]) -> Vec<OptionInput> {
        keys.iter().map(|k| OptionInput::new(k, k)).collect()
    }
}

impl QuestionInput {
    /// An optional, unconditional question.
    pub fn new(id: QuestionId, nl: &str, kind: KindInput) -> QuestionInput {
        QuestionInput {
            id,
            text: TextsInput::nl(nl),
            help: TextsInput::default(),
            required: false,
            condition: None,
            kind,
        }
    }

    /// The same question, required.
    pub fn required(mut self) -> QuestionInput {
        self.required = true;
        self
    }

    /// The same question, shown only when `condition` holds.
    pub fn when(mut self, condition: Condition) -> QuestionInput {
        self.condition = Some(condition);
        self
    }
}

impl PageInput {
    /// A page without a heading.
    pub fn new(questions: Vec<QuestionInput>) -> PageInput {
        PageInput {
            title: TextsInput::default(),
            questions,
        }
    }
}

impl SectionInput {
    /// A section without heading or introduction.
    pub fn new(pages: Vec<PageInput>) -> SectionInput {
        SectionInput {
            title: TextsInput::default(),
            intro: TextsInput::default(),
            pages,
        }
    }
}

impl QuestionnaireInput {
    /// A questionnaire with this Dutch title and these sections.
    pub fn new(title: &str, sections: Vec<SectionInput>) -> QuestionnaireInput {
        QuestionnaireInput {
            title: TextsInput::nl(title),
            intro: TextsInput::default(),
            closing: TextsInput::default(),
            sections,
        }
    }
}

fn options_input(options: &[ChoiceOption]) -> Vec<OptionInput> {
    options
        .iter()
        .map(|o| OptionInput {
            key: o.key.0.clone(),
            text: (&o.text).into(),
        })
        .collect()
}

fn points_input(points: &[ScalePoint]) -> Vec<PointInput> {
    points
        .iter()
        .map(|p| PointInput {
            value: Some(p.value),
            label: (&p.label).into(),
        })
        .collect()
}

impl From<&QuestionKind> for KindInput {
    fn from(kind: &QuestionKind) -> KindInput {
        match kind {
            QuestionKind::SingleChoice { options } => KindInput::SingleChoice {
                options: options_input(options),
            },
            QuestionKind::MultipleChoice {
                options,
                max_choices,
            } => KindInput::MultipleChoice {
                options: options_input(options),
                max_choices: *max_choices,
            },
            QuestionKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => KindInput::Scale {
                min: *min,
                max: *max,
                min_label: min_label.as_ref().into(),
                max_label: max_label.as_ref().into(),
            },
            QuestionKind::Matrix { statements, points } => KindInput::Matrix {
                statements: options_input(statements),
                points: points_input(points),
            },
            QuestionKind::Ranking { options, top } => KindInput::Ranking {
                options: options_input(options),
                top: *top,
            },
            QuestionKind::Number {
                min,
                max,
                integer,
                unit,
            } => KindInput::Number {
                min: *min,
                max: *max,
                integer: *integer,
                unit: unit.as_ref().into(),
            },
            QuestionKind::ShortText { max_chars } => KindInput::ShortText {
                max_chars: Some(*max_chars),
            },
            QuestionKind::LongText { max_chars } => KindInput::LongText {
                max_chars: Some(*max_chars),
            },
            QuestionKind::Contact { name, email, phone } => KindInput::Contact {
                name: *name,
                email: *email,
                phone: *phone,
            },
        }
    }
}

impl From<&Question> for QuestionInput {
    fn from(q: &Question) -> QuestionInput {
        QuestionInput {
            id: q.id,
            text: (&q.text).into(),
            help: q.help.as_ref().into(),
            required: q.required,
            condition: q.condition.clone(),
            kind: (&q.kind).into(),
        }
    }
}

impl From<&Page> for PageInput {
    fn from(p: &Page) -> PageInput {
        PageInput {
            title: p.title.as_ref().into(),
            questions: p.questions.iter().map(QuestionInput::from).collect(),
        }
    }
}

impl From<&Section> for SectionInput {
    fn from(s: &Section) -> SectionInput {
        SectionInput {
            title: s.title.as_ref().into(),
            intro: s.intro.as_ref().into(),
            pages: s.pages.iter().map(PageInput::from).collect(),
        }
    }
}

impl From<&Questionnaire> for QuestionnaireInput {
    fn from(q: &Questionnaire) -> QuestionnaireInput {
        QuestionnaireInput {
            title: (&q.title).into(),
            intro: q.intro.as_ref().into(),
            closing: q.closing.as_ref().into(),
            sections: q.sections.iter().map(SectionInput::from).collect(),
        }
    }
}
