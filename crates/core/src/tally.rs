//! Tallies: the results of an activity, computed from the stored answers
//! (never counted up in memory and written back).

use crate::activity::ActivityKind;
use crate::answer::{Agreement, Answer};
use crate::vote::{Ballot, VoteResult};
use crate::words::normalize_word;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One word of a word cloud with how many respondents gave it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WordCount {
    /// The spelling shown: the most common one among respondents.
    pub word: String,
    /// Number of respondents who gave this word.
    pub count: u64,
}

/// The results of one activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Tally {
    /// Single or multiple choice: respondents per option.
    Choice {
        /// Respondents per option, in option order.
        counts: Vec<u64>,
        /// Number of respondents (for multiple choice: not the sum of counts).
        respondents: u64,
    },
    /// A scale: respondents per value, and the mean and median.
    Scale {
        /// Lowest value.
        min: i64,
        /// Respondents per value from `min` upwards.
        counts: Vec<u64>,
        /// Number of respondents.
        respondents: u64,
        /// Mean value, if anyone answered.
        mean: Option<f64>,
        /// Median value, if anyone answered.
        median: Option<f64>,
    },
    /// A word cloud: words by count, most frequent first.
    Words {
        /// Words with counts.
        words: Vec<WordCount>,
        /// Number of respondents.
        respondents: u64,
    },
    /// An open question: the texts, newest first.
    Texts {
        /// The texts.
        texts: Vec<String>,
        /// Number of respondents.
        respondents: u64,
    },
    /// Estimates of a number.
    Estimates {
        /// Number of respondents.
        respondents: u64,
        /// Median estimate.
        median: Option<f64>,
        /// Lowest estimate.
        low: Option<f64>,
        /// Highest estimate.
        high: Option<f64>,
        /// Respondents within 10% of the true value.
        close: u64,
    },
    /// Agreement with the goal's wordings.
    Consent {
        /// Per wording: respondents who agree, can live with it, object.
        counts: Vec<[u64; 3]>,
        /// Per wording: the reasons given, with their level, newest first.
        reasons: Vec<Vec<(Agreement, String)>>,
        /// Number of respondents.
        respondents: u64,
    },
    /// A prioritisation vote.
    Vote(VoteResult),
    /// Lists (idea wall, actions, questions, pitches, categorising): the
    /// items themselves are the results.
    Items,
}

impl Tally {
    /// Number of respondents counted.
    pub fn respondents(&self) -> u64 {
        match self {
            Tally::Choice { respondents, .. }
            | Tally::Scale { respondents, .. }
            | Tally::Words { respondents, .. }
            | Tally::Texts { respondents, .. }
            | Tally::Estimates { respondents, .. }
            | Tally::Consent { respondents, .. } => *respondents,
            Tally::Vote(v) => v.voters,
            Tally::Items => 0,
        }
    }
}

/// Computes the tally of `answers` (one per respondent, oldest first) for an
/// activity of `kind`; a vote has `candidates` candidates. Answers that do not
/// fit the kind are ignored, so a tally never fails.
pub fn tally<'a>(
    kind: &ActivityKind,
    candidates: usize,
    answers: impl IntoIterator<Item = &'a Answer>,
) -> Tally {
    match kind {
        ActivityKind::SingleChoice { options }
        | ActivityKind::MultipleChoice { options, .. }
        | ActivityKind::Quiz { options, .. } => {
            let mut counts = vec![0u64; options.len()];
            let mut respondents = 0;
            for a in answers {
                let chosen: &[u32] = match a {
                    Answer::Choice { option } => std::slice::from_ref(option),
                    Answer::Choices { options } => options,
                    _ => continue,
                };
                let mut counted = false;
                for &i in chosen {
                    if let Some(c) = counts.get_mut(i as usize) {
                        *c += 1;
                        counted = true;
                    }
                }
                respondents += u64::from(counted);
            }
            Tally::Choice {
                counts,
                respondents,
            }
        }
        ActivityKind::Scale { min, max, .. } => {
            let (min, max) = (i64::from(*min), i64::from(*max));
            let mut counts = vec![0u64; (max - min + 1) as usize];
            let mut values: Vec<i64> = Vec::new();
            for a in answers {
                if let Answer::Scale { value } = a
                    && (min..=max).contains(value)
                {
                    counts[(value - min) as usize] += 1;
                    values.push(*value);
                }
            }
            values.sort_unstable();
            let n = values.len();
            let mean = (n > 0).then(|| values.iter().sum::<i64>() as f64 / n as f64);
            let median = (n > 0).then(|| {
                if n % 2 == 1 {
                    values[n / 2] as f64
                } else {
                    (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
                }
            });
            Tally::Scale {
                min,
                counts,
                respondents: n as u64,
                mean,
                median,
            }
        }
        ActivityKind::WordCloud { .. } => word_tally(answers),
        ActivityKind::OpenText { .. } => {
            let mut texts: Vec<String> = answers
                .into_iter()
                .filter_map(|a| match a {
                    Answer::Text { text } => Some(text.clone()),
                    _ => None,
                })
                .collect();
            texts.reverse();
            Tally::Texts {
                respondents: texts.len() as u64,
                texts,
            }
        }
        ActivityKind::Estimate { value: truth, .. } => {
            let mut values: Vec<f64> = answers
                .into_iter()
                .filter_map(|a| match a {
                    Answer::Number { value } if value.is_finite() => Some(*value),
                    _ => None,
                })
                .collect();
            values.sort_by(f64::total_cmp);
            let n = values.len();
            let median = (n > 0).then(|| {
                if n % 2 == 1 {
                    values[n / 2]
                } else {
                    (values[n / 2 - 1] + values[n / 2]) / 2.0
                }
            });
            let close = values
                .iter()
                .filter(|v| (*v - truth).abs() <= truth.abs() * 0.1)
                .count() as u64;
            Tally::Estimates {
                respondents: n as u64,
                median,
                low: values.first().copied(),
                high: values.last().copied(),
                close,
            }
        }
        ActivityKind::Goal { wordings } => {
            let mut counts = vec![[0u64; 3]; wordings.len()];
            let mut reasons: Vec<Vec<(Agreement, String)>> = vec![Vec::new(); wordings.len()];
            let mut respondents = 0;
            for a in answers {
                let Answer::Consent { verdicts } = a else {
                    continue;
                };
                if verdicts.len() != wordings.len() {
                    continue;
                }
                respondents += 1;
                for (i, v) in verdicts.iter().enumerate() {
                    let level = Agreement::ALL
                        .iter()
                        .position(|l| *l == v.level)
                        .unwrap_or(0);
                    counts[i][level] += 1;
                    if !v.reason.is_empty() {
                        reasons[i].push((v.level, v.reason.clone()));
                    }
                }
            }
            for r in &mut reasons {
                r.reverse();
            }
            Tally::Consent {
                counts,
                reasons,
                respondents,
            }
        }
        ActivityKind::Prioritise { method, .. } => {
            let ballots: Vec<Ballot> = answers
                .into_iter()
                .filter_map(|a| match a {
                    Answer::Allocation { points } => Some(Ballot::Allocation {
                        points: points.clone(),
                    }),
                    Answer::Ranking { order } => Some(Ballot::Ranking {
                        order: order.clone(),
                    }),
                    _ => None,
                })
                .collect();
            Tally::Vote(crate::vote::tally(method, candidates, &ballots))
        }
        ActivityKind::IdeaWall { .. }
        | ActivityKind::Categorise { .. }
        | ActivityKind::Actions { .. }
        | ActivityKind::Questions { .. }
        | ActivityKind::Pitches { .. } => Tally::Items,
        // Shows the inventory; there is nothing to count.
        ActivityKind::Matrix { .. } => Tally::Items,
    }
}

fn word_tally<'a>(answers: impl IntoIterator<Item = &'a Answer>) -> Tally {
    // key -> (respondents, spelling -> count)
    let mut by_key: HashMap<String, (u64, HashMap<&'a str, u64>)> = HashMap::new();
    let mut respondents = 0;
    for a in answers {
        let Answer::Words { words } = a else { continue };
        let mut seen: Vec<String> = Vec::new();
        for w in words {
            let key = normalize_word(w);
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            let entry = by_key.entry(key.clone()).or_default();
            entry.0 += 1;
            *entry.1.entry(w.as_str()).or_default() += 1;
            seen.push(key);
        }
        respondents += u64::from(!seen.is_empty());
    }
    let mut words: Vec<WordCount> = by_key
        .into_values()
        .map(|(count, spellings)| {
            // The most common spelling; on a tie the plainer one (fewer
            // capitals: "samen" over "SAMEN"), then alphabetical.
            let capitals = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
            let word = spellings
                .into_iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then_with(|| capitals(b.0).cmp(&capitals(a.0)))
                        .then_with(|| b.0.cmp(a.0))
                })
                .map(|(s, _)| s.to_string())
                .unwrap_or_default();
            WordCount { word, count }
        })
        .collect();
    words.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
    Tally::Words { words, respondents }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiple_choice_counts_respondents_once_and_options_each() {
        let k = ActivityKind::MultipleChoice {
            options: vec!["a".into(), "b".into(), "c".into()],
            max_choices: 2,
        };
        let answers = [
            Answer::Choices {
                options: vec![0, 1],
            },
            Answer::Choices { options: vec![1] },
        ];
        assert_eq!(
            tally(&k, 0, &answers),
            Tally::Choice {
                counts: vec![1, 2, 0],
                respondents: 2
            }
        );
    }

    #[test]
    fn scale_has_mean_and_median() {
        let k = ActivityKind::Scale {
            min: 1,
            max: 5,
            min_label: String::new(),
            max_label: String::new(),
        };
        let answers: Vec<Answer> = [1, 2, 4, 5]
            .iter()
            .map(|&v| Answer::Scale { value: v })
            .collect();
        let Tally::Scale {
            counts,
            mean,
            median,
            respondents,
            ..
        } = tally(&k, 0, &answers)
        else {
            panic!("not a scale tally")
        };
        assert_eq!(counts, vec![1, 1, 0, 1, 1]);
        assert_eq!(respondents, 4);
        assert_eq!(mean, Some(3.0));
        assert_eq!(median, Some(3.0));
    }

    #[test]
    fn empty_scale_has_no_mean() {
        let k = ActivityKind::Scale {
            min: 0,
            max: 10,
            min_label: String::new(),
            max_label: String::new(),
        };
        let t = tally(&k, 0, &[]);
        assert!(matches!(
            t,
            Tally::Scale {
                mean: None,
                median: None,
                respondents: 0,
                ..
            }
        ));
    }

    #[test]
    fn word_cloud_counts_case_and_accent_insensitively_with_the_common_spelling() {
        let k = ActivityKind::WordCloud { max_words: 3 };
        let answers = [
            Answer::Words {
                words: vec!["Café".into(), "sport".into()],
            },
            Answer::Words {
                words: vec!["cafe".into()],
            },
            Answer::Words {
                words: vec!["Café".into(), "Sport!".into()],
            },
        ];
        let Tally::Words { words, respondents } = tally(&k, 0, &answers) else {
            panic!("not a word tally")
        };
        assert_eq!(respondents, 3);
        assert_eq!(
            words[0],
            WordCount {
                word: "Café".into(),
                count: 3
            }
        );
        assert_eq!(words[1].count, 2);
        assert_eq!(normalize_word(&words[1].word), "sport");
    }

    #[test]
    fn on_a_tie_the_plainest_spelling_is_shown() {
        let k = ActivityKind::WordCloud { max_words: 1 };
        let answers = [
            Answer::Words {
                words: vec!["SAMEN".into()],
            },
            Answer::Words {
                words: vec!["Samen".into()],
            },
            Answer::Words {
                words: vec!["samen".into()],
            },
        ];
        let Tally::Words { words, .. } = tally(&k, 0, &answers) else {
            panic!("words")
        };
        assert_eq!(
            words,
            vec![WordCount {
                word: "samen".into(),
                count: 3
            }]
        );
    }

    #[test]
    fn open_texts_are_newest_first() {
        let k = ActivityKind::OpenText { max_chars: 100 };
        let answers = [
            Answer::Text {
                text: "eerst".into(),
            },
            Answer::Text {
                text: "daarna".into(),
            },
        ];
        assert_eq!(
            tally(&k, 0, &answers),
            Tally::Texts {
                texts: vec!["daarna".into(), "eerst".into()],
                respondents: 2
            }
        );
    }

    #[test]
    fn answers_of_another_kind_are_ignored() {
        let k = ActivityKind::SingleChoice {
            options: vec!["a".into(), "b".into()],
        };
        let answers = [Answer::Scale { value: 1 }, Answer::Choice { option: 7 }];
        assert_eq!(tally(&k, 0, &answers).respondents(), 0);
    }
}
