//! Answers to activities. An [`Answer`] is what a client sends; a
//! [`ValidAnswer`] is one checked against the activity's definition, and only
//! a `ValidAnswer` can be stored.

use crate::activity::{ActivityKind, MAX_WORD};
use crate::error::DomainError;
use crate::text::{clean_line, clean_multiline};
use crate::vote::{Ballot, check_ballot};
use crate::words::normalize_word;
use serde::{Deserialize, Serialize};

/// How far a respondent agrees with a wording of the goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Agrees.
    Agree,
    /// Can live with it.
    LiveWith,
    /// Objects.
    Object,
}

impl Agreement {
    /// All levels, from agreement to objection.
    pub const ALL: [Agreement; 3] = [Agreement::Agree, Agreement::LiveWith, Agreement::Object];

    /// Stable name.
    pub fn name(self) -> &'static str {
        match self {
            Agreement::Agree => "agree",
            Agreement::LiveWith => "live_with",
            Agreement::Object => "object",
        }
    }
}

/// A respondent's verdict on one wording of the goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verdict {
    /// Agreement.
    pub level: Agreement,
    /// An optional reason.
    #[serde(default)]
    pub reason: String,
}

/// Longest reason given with a verdict.
pub const MAX_REASON: usize = 300;

/// An answer as a client sends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    /// The index of the chosen option (single choice).
    Choice {
        /// 0-based option index.
        option: u32,
    },
    /// The indices of the chosen options (multiple choice).
    Choices {
        /// 0-based option indices.
        options: Vec<u32>,
    },
    /// A value on the scale.
    Scale {
        /// The value.
        value: i64,
    },
    /// A few words for a word cloud.
    Words {
        /// The words as typed.
        words: Vec<String>,
    },
    /// A short text for an open question.
    Text {
        /// The text.
        text: String,
    },
    /// An estimate.
    Number {
        /// The estimated value.
        value: f64,
    },
    /// Verdicts on the goal's wordings, one per wording in order.
    Consent {
        /// One verdict per wording.
        verdicts: Vec<Verdict>,
    },
    /// Dots or points per candidate of a vote.
    Allocation {
        /// Per candidate, in ballot order.
        points: Vec<u32>,
    },
    /// A ranking of a vote's candidates, best first.
    Ranking {
        /// Candidate indices.
        order: Vec<u32>,
    },
}

/// An answer that fits its activity: cleaned, deduplicated, within limits.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ValidAnswer(Answer);

impl ValidAnswer {
    /// The cleaned answer.
    pub fn get(&self) -> &Answer {
        &self.0
    }

    /// The cleaned answer, owned.
    pub fn into_inner(self) -> Answer {
        self.0
    }

    /// Re-wraps an answer read back from storage, where it was stored only
    /// after validation. Not for client input.
    pub fn from_stored(answer: Answer) -> ValidAnswer {
        ValidAnswer(answer)
    }
}

/// Checks `answer` against the activity's definition and cleans it. A vote
/// has `candidates` candidates on its ballot (ignored for other kinds).
pub fn validate(
    kind: &ActivityKind,
    candidates: usize,
    answer: Answer,
) -> Result<ValidAnswer, DomainError> {
    let valid = match (kind, answer) {
        (
            ActivityKind::Quiz {
                options, correct, ..
            },
            Answer::Choice { option },
        ) if correct.len() == 1 => {
            if option as usize >= options.len() {
                return Err(DomainError::NoSuchOption);
            }
            Answer::Choice { option }
        }
        (
            ActivityKind::Quiz {
                options, correct, ..
            },
            Answer::Choices {
                options: mut chosen,
            },
        ) if correct.len() > 1 => {
            chosen.sort_unstable();
            chosen.dedup();
            if chosen.is_empty() {
                return Err(DomainError::Empty);
            }
            if chosen.iter().any(|&i| i as usize >= options.len()) {
                return Err(DomainError::NoSuchOption);
            }
            Answer::Choices { options: chosen }
        }
        (ActivityKind::Estimate { .. }, Answer::Number { value }) => {
            if !value.is_finite() || value.abs() > 1e12 {
                return Err(DomainError::OutOfRange {
                    min: -1_000_000_000_000,
                    max: 1_000_000_000_000,
                });
            }
            Answer::Number { value }
        }
        (ActivityKind::Goal { wordings }, Answer::Consent { verdicts }) => {
            if verdicts.len() != wordings.len() {
                return Err(DomainError::WrongAnswerType);
            }
            let verdicts = verdicts
                .into_iter()
                .map(|v| {
                    Ok(Verdict {
                        level: v.level,
                        reason: match clean_multiline(&v.reason, MAX_REASON) {
                            Ok(r) => r,
                            Err(DomainError::Empty) => String::new(),
                            Err(e) => return Err(e),
                        },
                    })
                })
                .collect::<Result<_, DomainError>>()?;
            Answer::Consent { verdicts }
        }
        (ActivityKind::Prioritise { method, .. }, Answer::Allocation { points }) => {
            match check_ballot(method, candidates, Ballot::Allocation { points })? {
                Ballot::Allocation { points } => Answer::Allocation { points },
                Ballot::Ranking { order } => Answer::Ranking { order },
            }
        }
        (ActivityKind::Prioritise { method, .. }, Answer::Ranking { order }) => {
            match check_ballot(method, candidates, Ballot::Ranking { order })? {
                Ballot::Allocation { points } => Answer::Allocation { points },
                Ballot::Ranking { order } => Answer::Ranking { order },
            }
        }
        (ActivityKind::SingleChoice { options }, Answer::Choice { option }) => {
            if option as usize >= options.len() {
                return Err(DomainError::NoSuchOption);
            }
            Answer::Choice { option }
        }
        (
            ActivityKind::MultipleChoice {
                options,
                max_choices,
            },
            Answer::Choices {
                options: mut chosen,
            },
        ) => {
            chosen.sort_unstable();
            chosen.dedup();
            if chosen.is_empty() {
                return Err(DomainError::Empty);
            }
            if chosen.iter().any(|&i| i as usize >= options.len()) {
                return Err(DomainError::NoSuchOption);
            }
            if chosen.len() > usize::from(*max_choices) {
                return Err(DomainError::TooManyChoices {
                    max: usize::from(*max_choices),
                });
            }
            Answer::Choices { options: chosen }
        }
        (ActivityKind::Scale { min, max, .. }, Answer::Scale { value }) => {
            if value < i64::from(*min) || value > i64::from(*max) {
                return Err(DomainError::OutOfRange {
                    min: i64::from(*min),
                    max: i64::from(*max),
                });
            }
            Answer::Scale { value }
        }
        (ActivityKind::WordCloud { max_words }, Answer::Words { words }) => {
            let mut kept: Vec<String> = Vec::new();
            let mut keys: Vec<String> = Vec::new();
            for w in &words {
                let w = match clean_line(w, MAX_WORD) {
                    Ok(w) => w,
                    Err(DomainError::Empty) => continue,
                    Err(e) => return Err(e),
                };
                let key = normalize_word(&w);
                if key.is_empty() || keys.contains(&key) {
                    continue;
                }
                keys.push(key);
                kept.push(w);
            }
            if kept.is_empty() {
                return Err(DomainError::Empty);
            }
            if kept.len() > usize::from(*max_words) {
                return Err(DomainError::TooManyWords {
                    max: usize::from(*max_words),
                });
            }
            Answer::Words { words: kept }
        }
        (ActivityKind::OpenText { max_chars }, Answer::Text { text }) => Answer::Text {
            text: clean_multiline(&text, usize::from(*max_chars))?,
        },
        _ => return Err(DomainError::WrongAnswerType),
    };
    Ok(ValidAnswer(valid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn multi(n: usize, max: u8) -> ActivityKind {
        ActivityKind::MultipleChoice {
            options: (0..n).map(|i| format!("optie {i}")).collect(),
            max_choices: max,
        }
    }

    #[test]
    fn single_choice_must_name_an_existing_option() {
        let k = ActivityKind::SingleChoice {
            options: vec!["a".into(), "b".into()],
        };
        assert!(validate(&k, 0, Answer::Choice { option: 1 }).is_ok());
        assert_eq!(
            validate(&k, 0, Answer::Choice { option: 2 }),
            Err(DomainError::NoSuchOption)
        );
        assert_eq!(
            validate(&k, 0, Answer::Scale { value: 1 }),
            Err(DomainError::WrongAnswerType)
        );
    }

    #[test]
    fn multiple_choice_is_deduplicated_and_limited() {
        let k = multi(5, 2);
        let v = validate(
            &k,
            0,
            Answer::Choices {
                options: vec![3, 1, 3],
            },
        )
        .unwrap();
        assert_eq!(
            v.get(),
            &Answer::Choices {
                options: vec![1, 3]
            }
        );
        assert_eq!(
            validate(
                &k,
                0,
                Answer::Choices {
                    options: vec![0, 1, 2]
                }
            ),
            Err(DomainError::TooManyChoices { max: 2 })
        );
        assert_eq!(
            validate(&k, 0, Answer::Choices { options: vec![] }),
            Err(DomainError::Empty)
        );
    }

    #[test]
    fn words_that_differ_only_in_case_or_accents_count_once_per_respondent() {
        let k = ActivityKind::WordCloud { max_words: 3 };
        let v = validate(
            &k,
            0,
            Answer::Words {
                words: vec!["Café".into(), "cafe".into(), "  ".into(), "Sport".into()],
            },
        )
        .unwrap();
        assert_eq!(
            v.get(),
            &Answer::Words {
                words: vec!["Café".into(), "Sport".into()]
            }
        );
    }

    #[test]
    fn open_text_is_limited_and_not_empty() {
        let k = ActivityKind::OpenText { max_chars: 10 };
        assert!(
            validate(
                &k,
                0,
                Answer::Text {
                    text: "kort".into()
                }
            )
            .is_ok()
        );
        assert_eq!(
            validate(
                &k,
                0,
                Answer::Text {
                    text: "veel te lang antwoord".into()
                }
            ),
            Err(DomainError::TooLong { max: 10 })
        );
        assert_eq!(
            validate(
                &k,
                0,
                Answer::Text {
                    text: " \n ".into()
                }
            ),
            Err(DomainError::Empty)
        );
    }
}
