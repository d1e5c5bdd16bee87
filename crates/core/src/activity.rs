//! Activities on a session's agenda and their definitions.
//!
//! An [`ActivityKind`] says what is asked and how answers look; it is
//! validated once ([`ActivityKind::validated`]) before it is stored.

use crate::error::DomainError;
use crate::ids::{ActivityId, StepId};
use crate::text::{clean_line, clean_multiline};
use crate::vote::VoteMethod;
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
/// Maximum length of a quiz explanation or a goal wording.
pub const MAX_EXPLANATION: usize = 600;
/// Maximum length of a source ("CBS Jeugdmonitor 2024") or a unit.
pub const MAX_SOURCE: usize = 160;
/// Most wordings of a goal put to the hall at once.
pub const MAX_WORDINGS: usize = 4;
/// Most speakers in a pitch round.
pub const MAX_SPEAKERS: usize = 20;

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
    /// A quiz question on a key figure, with the right answer(s) revealed
    /// after closing.
    Quiz {
        /// The options (2 to 6).
        options: Vec<String>,
        /// Indices of the correct options (one or more).
        correct: Vec<u32>,
        /// Shown with the answer.
        explanation: String,
        /// Where the figure comes from.
        source: String,
        /// Whether answers earn points for the leaderboard.
        #[serde(default)]
        scored: bool,
    },
    /// Estimate a number; scored by closeness.
    Estimate {
        /// The true value.
        value: f64,
        /// Its unit ("%", "jongeren").
        unit: String,
        /// Shown with the answer.
        explanation: String,
        /// Where the figure comes from.
        source: String,
        /// Whether answers earn points for the leaderboard.
        #[serde(default)]
        scored: bool,
    },
    /// Agreement with one or more wordings of the shared goal.
    Goal {
        /// The wordings put to the hall.
        wordings: Vec<String>,
    },
    /// An idea wall: short suggestions, several per respondent.
    IdeaWall {
        /// Maximum length of one idea.
        max_chars: u16,
    },
    /// The facilitator forms categories from an idea wall's ideas.
    Categorise {
        /// The idea wall.
        source: ActivityId,
    },
    /// A vote over the categories of a categorising activity (or over the
    /// ideas of an idea wall).
    Prioritise {
        /// The categorising activity or idea wall.
        source: ActivityId,
        /// How participants vote.
        method: VoteMethod,
    },
    /// Concrete actions for the top priorities of a vote.
    Actions {
        /// The prioritisation vote.
        source: ActivityId,
        /// How many of its top items get actions.
        top_k: u8,
    },
    /// Audience questions with up-votes.
    Questions {
        /// New questions wait for the facilitator's approval.
        moderated: bool,
    },
    /// A round of pitches with a countdown, collecting feedback per pitch.
    Pitches {
        /// The speakers (or pitch titles) in order.
        speakers: Vec<String>,
        /// Speaking time per pitch in seconds.
        seconds: u32,
    },
    /// The workspace's Preventiematrix on the screen, on two axes, as the
    /// inventory holds it when shown: the offer the evening builds on. Asks
    /// nothing of participants.
    Matrix {
        /// The rows.
        rows: crate::inventory::matrix::Axis,
        /// The columns.
        cols: crate::inventory::matrix::Axis,
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
            ActivityKind::Quiz { .. } => "quiz",
            ActivityKind::Estimate { .. } => "estimate",
            ActivityKind::Goal { .. } => "goal",
            ActivityKind::IdeaWall { .. } => "idea_wall",
            ActivityKind::Categorise { .. } => "categorise",
            ActivityKind::Prioritise { .. } => "prioritise",
            ActivityKind::Actions { .. } => "actions",
            ActivityKind::Questions { .. } => "questions",
            ActivityKind::Pitches { .. } => "pitches",
            ActivityKind::Matrix { .. } => "matrix",
        }
    }

    /// Whether respondents add items (several each) rather than one answer.
    pub fn takes_items(&self) -> bool {
        matches!(
            self,
            ActivityKind::IdeaWall { .. }
                | ActivityKind::Actions { .. }
                | ActivityKind::Questions { .. }
                | ActivityKind::Pitches { .. }
        )
    }

    /// Whether the answer is revealed after closing (quiz questions).
    pub fn has_reveal(&self) -> bool {
        matches!(
            self,
            ActivityKind::Quiz { .. } | ActivityKind::Estimate { .. }
        )
    }

    /// Whether answers earn leaderboard points.
    pub fn scored(&self) -> bool {
        matches!(
            self,
            ActivityKind::Quiz { scored: true, .. } | ActivityKind::Estimate { scored: true, .. }
        )
    }

    /// The activity this one builds on (categorise, prioritise, actions).
    pub fn source(&self) -> Option<ActivityId> {
        match self {
            ActivityKind::Categorise { source }
            | ActivityKind::Prioritise { source, .. }
            | ActivityKind::Actions { source, .. } => Some(*source),
            _ => None,
        }
    }

    /// The options of a choice question (empty for other kinds).
    pub fn options(&self) -> &[String] {
        match self {
            ActivityKind::SingleChoice { options }
            | ActivityKind::MultipleChoice { options, .. }
            | ActivityKind::Quiz { options, .. } => options,
            ActivityKind::Goal { wordings } => wordings,
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
            ActivityKind::Quiz {
                options,
                mut correct,
                explanation,
                source,
                scored,
            } => {
                let options = clean_options(options)?;
                if options.len() > 6 {
                    return Err(Invalid("too-many-options"));
                }
                correct.sort_unstable();
                correct.dedup();
                if correct.is_empty() || correct.iter().any(|&c| c as usize >= options.len()) {
                    return Err(Invalid("correct-answer"));
                }
                ActivityKind::Quiz {
                    options,
                    correct,
                    explanation: clean_text(&explanation, MAX_EXPLANATION)?,
                    source: clean_text(&source, MAX_SOURCE)?,
                    scored,
                }
            }
            ActivityKind::Estimate {
                value,
                unit,
                explanation,
                source,
                scored,
            } => {
                if !value.is_finite() {
                    return Err(Invalid("estimate-value"));
                }
                ActivityKind::Estimate {
                    value,
                    unit: clean_text(&unit, MAX_SOURCE)?,
                    explanation: clean_text(&explanation, MAX_EXPLANATION)?,
                    source: clean_text(&source, MAX_SOURCE)?,
                    scored,
                }
            }
            ActivityKind::Goal { wordings } => {
                let wordings: Vec<String> = wordings
                    .iter()
                    .filter(|w| !w.trim().is_empty())
                    .map(|w| clean_multiline(w, MAX_EXPLANATION))
                    .collect::<Result<_, _>>()?;
                if wordings.is_empty() || wordings.len() > MAX_WORDINGS {
                    return Err(Invalid("wordings"));
                }
                ActivityKind::Goal { wordings }
            }
            ActivityKind::IdeaWall { max_chars } => {
                if !(10..=MAX_OPEN_TEXT).contains(&max_chars) {
                    return Err(Invalid("max-chars"));
                }
                ActivityKind::IdeaWall { max_chars }
            }
            ActivityKind::Categorise { source } => ActivityKind::Categorise { source },
            ActivityKind::Prioritise { source, method } => ActivityKind::Prioritise {
                source,
                method: method.validated()?,
            },
            ActivityKind::Actions { source, top_k } => {
                if !(1..=10).contains(&top_k) {
                    return Err(Invalid("top-k"));
                }
                ActivityKind::Actions { source, top_k }
            }
            ActivityKind::Questions { moderated } => ActivityKind::Questions { moderated },
            ActivityKind::Pitches { speakers, seconds } => {
                let speakers: Vec<String> = speakers
                    .iter()
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| clean_line(s, MAX_OPTION))
                    .collect::<Result<_, _>>()?;
                if speakers.is_empty() || speakers.len() > MAX_SPEAKERS {
                    return Err(Invalid("speakers"));
                }
                if !(15..=1800).contains(&seconds) {
                    return Err(Invalid("seconds"));
                }
                ActivityKind::Pitches { speakers, seconds }
            }
            ActivityKind::Matrix { rows, cols } => {
                if rows == cols {
                    return Err(Invalid("axes"));
                }
                ActivityKind::Matrix { rows, cols }
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
            (Quiz { options: a, .. }, Quiz { options: b, .. }) => a.len() == b.len(),
            (Estimate { .. }, Estimate { .. }) => true,
            (Goal { wordings: a }, Goal { wordings: b }) => a.len() == b.len(),
            (IdeaWall { max_chars: a }, IdeaWall { max_chars: b }) => b >= a,
            (Categorise { source: a }, Categorise { source: b }) => a == b,
            (
                Prioritise {
                    source: a,
                    method: m,
                },
                Prioritise {
                    source: b,
                    method: n,
                },
            ) => a == b && m == n,
            (Actions { source: a, .. }, Actions { source: b, .. }) => a == b,
            (Questions { .. }, Questions { .. }) => true,
            (Pitches { speakers: a, .. }, Pitches { speakers: b, .. }) => a.len() == b.len(),
            (Matrix { .. }, Matrix { .. }) => true,
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

/// An optional longer text: empty stays empty.
fn clean_text(s: &str, max: usize) -> Result<String, DomainError> {
    match clean_multiline(s, max) {
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
    /// A quiz question's right answer is shown.
    #[serde(default)]
    pub revealed: bool,
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

    #[test]
    fn a_matrix_needs_two_different_axes_and_takes_no_answers() {
        use crate::inventory::matrix::Axis;
        let m = |rows, cols| ActivityKind::Matrix { rows, cols };
        assert!(m(Axis::Level, Axis::AgeGroup).validated().is_ok());
        assert_eq!(
            m(Axis::Theme, Axis::Theme).validated(),
            Err(DomainError::InvalidActivity("axes"))
        );
        let k = m(Axis::Partner, Axis::Result);
        assert!(!k.takes_items() && k.source().is_none() && !k.has_reveal());
        assert_eq!(k.name(), "matrix");
        let json = serde_json::to_value(&k).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({"type": "matrix", "rows": "partner", "cols": "result"})
        );
    }
}
