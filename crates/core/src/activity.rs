//! Activities on a session's agenda and their definitions.
//!
//! An [`ActivityKind`] says what is asked and how answers look; it is
//! validated once ([`ActivityKind::validated`]) before it is stored.

use crate::error::DomainError;
use crate::ids::{ActivityId, StepId};
use crate::text::clean_line;
use serde::{Deserialize, Serialize};

/// Maximum length of an activity's question.
pub const MAX_TITLE: usize = 200;
/// Maximum length of an option label.
pub const MAX_OPTION: usize = 120;
/// Maximum number of options of a choice question.
pub const MAX_OPTIONS: usize = 12;
/// Maximum length of one word-cloud entry.
pub const MAX_WORD: usize = 40;
/// Maximum number of words a respondent may give in a word cloud.
pub const MAX_WORDS: u8 = 5;
/// Upper limit for an open question's answer length.
pub const MAX_OPEN_TEXT: u16 = 500;

/// What an activity asks, and therefore what its answers look like.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ActivityKind {
    /// Pick exactly one option.
    SingleChoice {
        /// The options, in display order.
        options: Vec<String>,
    },
    /// Pick one or more options, at most `max_choices`.
    MultipleChoice {
        /// The options, in display order.
        options: Vec<String>,
        /// How many options a respondent may pick.
        max_choices: u8,
    },
    /// A number on a scale from `min` to `max`, with labels for both ends.
    Scale {
        /// Lowest value (0 or 1).
        min: i8,
        /// Highest value (at most 10).
        max: i8,
        /// What the lowest value means ("helemaal oneens").
        min_label: String,
        /// What the highest value means ("helemaal eens").
        max_label: String,
    },
    /// A few short words, counted case- and accent-insensitively.
    WordCloud {
        /// Words per respondent (1 to 5).
        max_words: u8,
    },
    /// One short text per respondent, shown on a wall.
    OpenText {
        /// Maximum length in characters.
        max_chars: u16,
    },
}

impl ActivityKind {
    /// A stable name of the kind (`single_choice`, …), as stored and in the API.
    pub fn name(&self) -> &'static str {
        match self {
            ActivityKind::SingleChoice { .. } => "single_choice",
            ActivityKind::MultipleChoice { .. } => "multiple_choice",
            ActivityKind::Scale { .. } => "scale",
            ActivityKind::WordCloud { .. } => "word_cloud",
            ActivityKind::OpenText { .. } => "open_text",
        }
    }

    /// The options of a choice question (empty for other kinds).
    pub fn options(&self) -> &[String] {
        match self {
            ActivityKind::SingleChoice { options }
            | ActivityKind::MultipleChoice { options, .. } => options,
            _ => &[],
        }
    }

    /// Checks and cleans a definition: option labels trimmed and unique,
    /// limits within bounds.
    pub fn validated(self) -> Result<ActivityKind, DomainError> {
        use DomainError::InvalidActivity as Invalid;
        Ok(match self {
            ActivityKind::SingleChoice { options } => ActivityKind::SingleChoice {
                options: clean_options(options)?,
            },
            ActivityKind::MultipleChoice {
                options,
                max_choices,
            } => {
                let options = clean_options(options)?;
                if max_choices == 0 || usize::from(max_choices) > options.len() {
                    return Err(Invalid("max-choices"));
                }
                ActivityKind::MultipleChoice {
                    options,
                    max_choices,
                }
            }
            ActivityKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                if !(0..=1).contains(&min) || max <= min || max > 10 {
                    return Err(Invalid("scale-range"));
                }
                ActivityKind::Scale {
                    min,
                    max,
                    min_label: clean_optional(&min_label)?,
                    max_label: clean_optional(&max_label)?,
                }
            }
            ActivityKind::WordCloud { max_words } => {
                if max_words == 0 || max_words > MAX_WORDS {
                    return Err(Invalid("max-words"));
                }
                ActivityKind::WordCloud { max_words }
            }
            ActivityKind::OpenText { max_chars } => {
                if !(10..=MAX_OPEN_TEXT).contains(&max_chars) {
                    return Err(Invalid("max-chars"));
                }
                ActivityKind::OpenText { max_chars }
            }
        })
    }

    /// Whether answers given under `self` stay meaningful under `other`:
    /// same kind and the same number of options or the same scale. Relabelling
    /// is fine; changing what the answers refer to is not.
    pub fn answers_compatible_with(&self, other: &ActivityKind) -> bool {
        use ActivityKind::*;
        match (self, other) {
            (SingleChoice { options: a }, SingleChoice { options: b }) => a.len() == b.len(),
            (
                MultipleChoice {
                    options: a,
                    max_choices: ma,
                },
                MultipleChoice {
                    options: b,
                    max_choices: mb,
                },
            ) => a.len() == b.len() && mb >= ma,
            (Scale { min: a, max: b, .. }, Scale { min: c, max: d, .. }) => a == c && b == d,
            (WordCloud { max_words: a }, WordCloud { max_words: b }) => b >= a,
            (OpenText { max_chars: a }, OpenText { max_chars: b }) => b >= a,
            _ => false,
        }
    }
}

fn clean_optional(s: &str) -> Result<String, DomainError> {
    match clean_line(s, MAX_OPTION) {
        Ok(s) => Ok(s),
        Err(DomainError::Empty) => Ok(String::new()),
        Err(e) => Err(e),
    }
}

fn clean_options(options: Vec<String>) -> Result<Vec<String>, DomainError> {
    let cleaned: Vec<String> = options
        .iter()
        .filter(|o| !o.trim().is_empty())
        .map(|o| clean_line(o, MAX_OPTION))
        .collect::<Result<_, _>>()?;
    if cleaned.len() < 2 {
        return Err(DomainError::InvalidActivity("too-few-options"));
    }
    if cleaned.len() > MAX_OPTIONS {
        return Err(DomainError::InvalidActivity("too-many-options"));
    }
    let mut seen: Vec<String> = Vec::new();
    for o in &cleaned {
        let k = o.to_lowercase();
        if seen.contains(&k) {
            return Err(DomainError::InvalidActivity("duplicate-option"));
        }
        seen.push(k);
    }
    Ok(cleaned)
}

/// Who answers an activity: individuals on their phones, tables on their
/// tablets, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Each participant answers for themselves (the "voting keypads").
    #[default]
    Individuals,
    /// Each table answers once, from its tablet.
    Tables,
    /// Phones and tablets both answer.
    Everyone,
}

impl Audience {
    /// Stable name as stored.
    pub fn name(self) -> &'static str {
        match self {
            Audience::Individuals => "individuals",
            Audience::Tables => "tables",
            Audience::Everyone => "everyone",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Audience> {
        match s {
            "individuals" => Some(Audience::Individuals),
            "tables" => Some(Audience::Tables),
            "everyone" => Some(Audience::Everyone),
            _ => None,
        }
    }
}

/// Where an activity is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityState {
    /// Not opened yet.
    #[default]
    Pending,
    /// Accepting answers.
    Open,
    /// Closed; answers are kept, none are accepted. It can be opened again.
    Closed,
}

impl ActivityState {
    /// Stable name as stored.
    pub fn name(self) -> &'static str {
        match self {
            ActivityState::Pending => "pending",
            ActivityState::Open => "open",
            ActivityState::Closed => "closed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<ActivityState> {
        match s {
            "pending" => Some(ActivityState::Pending),
            "open" => Some(ActivityState::Open),
            "closed" => Some(ActivityState::Closed),
            _ => None,
        }
    }
}

/// A validated definition of a new or edited activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityDef {
    /// The question as shown on screens and phones.
    pub title: String,
    /// What is asked.
    pub kind: ActivityKind,
    /// Who answers.
    pub audience: Audience,
}

impl ActivityDef {
    /// Validates title and kind.
    pub fn new(
        title: &str,
        kind: ActivityKind,
        audience: Audience,
    ) -> Result<ActivityDef, DomainError> {
        Ok(ActivityDef {
            title: clean_line(title, MAX_TITLE)?,
            kind: kind.validated()?,
            audience,
        })
    }
}

/// An activity as it stands in a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Its id.
    pub id: ActivityId,
    /// The agenda step it belongs to, if any.
    pub step_id: Option<StepId>,
    /// Position on the agenda (0-based, over the whole session).
    pub position: i64,
    /// The definition.
    #[serde(flatten)]
    pub def: ActivityDef,
    /// Open, closed or not yet opened.
    pub state: ActivityState,
    /// Whether results are shown on the screen (and phones).
    pub results_visible: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(opts: &[&str]) -> ActivityKind {
        ActivityKind::SingleChoice {
            options: opts.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn choice_needs_two_distinct_options() {
        assert!(single(&["Ja"]).validated().is_err());
        assert_eq!(
            single(&["Ja", " ja "]).validated(),
            Err(DomainError::InvalidActivity("duplicate-option"))
        );
        assert_eq!(
            single(&["Ja", "", "Nee"])
                .validated()
                .unwrap()
                .options()
                .len(),
            2
        );
    }

    #[test]
    fn max_choices_must_fit_the_options() {
        let k = ActivityKind::MultipleChoice {
            options: vec!["a".into(), "b".into()],
            max_choices: 3,
        };
        assert!(k.validated().is_err());
    }

    #[test]
    fn scales_run_from_zero_or_one_to_at_most_ten() {
        let scale = |min, max| ActivityKind::Scale {
            min,
            max,
            min_label: String::new(),
            max_label: String::new(),
        };
        assert!(scale(1, 5).validated().is_ok());
        assert!(scale(0, 10).validated().is_ok());
        assert!(scale(1, 11).validated().is_err());
        assert!(scale(5, 5).validated().is_err());
        assert!(scale(-1, 5).validated().is_err());
    }

    #[test]
    fn relabelling_keeps_answers_but_changing_options_does_not() {
        let a = single(&["Ja", "Nee"]);
        assert!(a.answers_compatible_with(&single(&["Yes", "No"])));
        assert!(!a.answers_compatible_with(&single(&["Ja", "Nee", "Weet niet"])));
        assert!(!a.answers_compatible_with(&ActivityKind::WordCloud { max_words: 3 }));
    }
}
