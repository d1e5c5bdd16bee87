//! User-visible texts of a questionnaire: Dutch always, English optionally.

use super::problems::{Check, DefinitionProblem};
use crate::error::DomainError;
use crate::lang::Lang;
use crate::text::{clean_line, clean_multiline};
use serde::{Deserialize, Serialize};

/// A text in Dutch, with an optional English version.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Texts {
    /// The Dutch text; never empty.
    pub nl: String,
    /// The English text, if written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Texts {
    /// A Dutch-only text (not cleaned; for texts built in code).
    pub fn nl(nl: impl Into<String>) -> Texts {
        Texts {
            nl: nl.into(),
            en: None,
        }
    }

    /// The text in `lang`, falling back to Dutch when there is no English.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => en,
            _ => &self.nl,
        }
    }

    /// Whether the text has a version in `lang` of its own (Dutch always has).
    pub fn has(&self, lang: Lang) -> bool {
        lang == Lang::Nl || self.en.is_some()
    }
}

/// A text as typed in the editor: empty strings mean "not written".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextsInput {
    /// The Dutch text.
    #[serde(default)]
    pub nl: String,
    /// The English text; empty for none.
    #[serde(default)]
    pub en: String,
}

impl TextsInput {
    /// A Dutch-only text.
    pub fn nl(nl: impl Into<String>) -> TextsInput {
        TextsInput {
            nl: nl.into(),
            en: String::new(),
        }
    }

    /// A text in Dutch and English.
    pub fn both(nl: impl Into<String>, en: impl Into<String>) -> TextsInput {
        TextsInput {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// Whether both versions are blank.
    pub fn is_blank(&self) -> bool {
        self.nl.trim().is_empty() && self.en.trim().is_empty()
    }
}

impl From<&Texts> for TextsInput {
    fn from(t: &Texts) -> TextsInput {
        TextsInput {
            nl: t.nl.clone(),
            en: t.en.clone().unwrap_or_default(),
        }
    }
}

impl From<Option<&Texts>> for TextsInput {
    fn from(t: Option<&Texts>) -> TextsInput {
        t.map(TextsInput::from).unwrap_or_default()
    }
}

/// How a text is cleaned and whether it must be there.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextRule {
    /// Most characters (per language).
    pub max: usize,
    /// Keeps line breaks (introductions, explanations).
    pub multiline: bool,
    /// The Dutch text must be there.
    pub required: bool,
}

impl TextRule {
    pub(crate) const fn line(max: usize, required: bool) -> TextRule {
        TextRule {
            max,
            multiline: false,
            required,
        }
    }

    pub(crate) const fn lines(max: usize, required: bool) -> TextRule {
        TextRule {
            max,
            multiline: true,
            required,
        }
    }
}

/// Cleans `input` by `rule`, reporting problems under `field.nl` and
/// `field.en`. An English text without a Dutch one is refused: Dutch is
/// what every respondent can fall back on.
pub(crate) fn clean_texts(
    c: &mut Check,
    field: &str,
    input: &TextsInput,
    rule: TextRule,
) -> Option<Texts> {
    let clean = |raw: &str| {
        if rule.multiline {
            clean_multiline(raw, rule.max)
        } else {
            clean_line(raw, rule.max)
        }
    };
    let nl = match clean(&input.nl) {
        Ok(s) => Some(s),
        Err(e) => {
            let english = !input.en.trim().is_empty();
            if rule.required || english || !matches!(e, DomainError::Empty) {
                c.fail(format!("{field}.nl"), problem(&e));
            }
            None
        }
    };
    let en = match clean(&input.en) {
        Ok(s) => Some(s),
        Err(DomainError::Empty) => None,
        Err(e) => {
            c.fail(format!("{field}.en"), problem(&e));
            None
        }
    };
    nl.map(|nl| Texts { nl, en })
}

fn problem(e: &DomainError) -> DefinitionProblem {
    match e {
        DomainError::TooLong { max } => DefinitionProblem::TooLong { max: *max },
        _ => DefinitionProblem::Missing,
    }
}
