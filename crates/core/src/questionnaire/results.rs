//! The results of a questionnaire for staff, as the
//! [`Aggregator`](super::Aggregator) reports them. Options and statements are
//! named by key and listed in the question's order; the web layer takes
//! their texts from the definition.

use super::crosstab::CrossTab;
use super::definition::OptionKey;
use crate::ids::QuestionId;
use crate::inventory::lists::fold;
use serde::{Deserialize, Serialize};

/// The results of all responses counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Responses counted, in progress and submitted.
    pub responses: u64,
    /// Of which submitted.
    pub submitted: u64,
    /// `submitted / responses`; `None` without responses.
    pub completion_rate: Option<f64>,
    /// Only submitted responses' answers were counted (all responses still
    /// count towards `responses` and the completion rate).
    pub submitted_only: bool,
    /// Per question, in order.
    pub questions: Vec<QuestionResult>,
    /// The cross-tabulations asked for, in the order asked.
    pub crosstabs: Vec<CrossTab>,
}

impl Results {
    /// The results of question `id`.
    pub fn question(&self, id: QuestionId) -> Option<&QuestionResult> {
        self.questions.iter().find(|q| q.question == id)
    }
}

/// The results of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    /// The question.
    pub question: QuestionId,
    /// Responses to which it was shown (not hidden by a condition). For a
    /// response in progress this includes pages not reached yet.
    pub seen: u64,
    /// Responses that answered it (while it was shown).
    pub answered: u64,
    /// The figures for its kind.
    pub summary: Summary,
}

impl QuestionResult {
    /// `answered / seen` (0 when nobody saw it).
    pub fn answer_rate(&self) -> f64 {
        share(self.answered, self.seen)
    }
}

/// `part / whole`, 0 for an empty whole.
pub(crate) fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The figures of one question, by kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Summary {
    /// Single or multiple choice.
    Choice {
        /// Per option.
        options: Vec<OptionCount>,
    },
    /// A scale.
    Scale(Distribution),
    /// A matrix: per statement, the distribution over the points.
    Matrix {
        /// The points' values, ascending.
        points: Vec<i64>,
        /// Per statement.
        statements: Vec<StatementResult>,
    },
    /// A ranking.
    Ranking {
        /// How many places were asked for (all options, or the top K).
        places: u32,
        /// Per option.
        options: Vec<RankResult>,
    },
    /// A number.
    Number(NumberStats),
    /// A short or long text: the answers.
    Text(TextAnswers),
    /// The contact question: only how many said yes or no; contact details
    /// are never part of the results.
    Contact {
        /// May be contacted.
        yes: u64,
        /// May not.
        no: u64,
    },
}

/// How many chose an option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionCount {
    /// The option.
    pub key: OptionKey,
    /// Respondents who chose it.
    pub count: u64,
    /// `count` as a share of the question's respondents (`answered`); for
    /// multiple choice the shares can add up to more than 1.
    pub share: f64,
}

/// Respondents per value, from the lowest value up, with mean and median.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// The values (for a scale: `min..=max`).
    pub values: Vec<i64>,
    /// Respondents per value.
    pub counts: Vec<u64>,
    /// Respondents.
    pub answered: u64,
    /// Mean; `None` without answers.
    pub mean: Option<f64>,
    /// Median (the mean of the middle two for an even count).
    pub median: Option<f64>,
}

impl Distribution {
    pub(crate) fn new(values: Vec<i64>, counts: Vec<u64>) -> Distribution {
        let answered: u64 = counts.iter().sum();
        let sum: f64 = values
            .iter()
            .zip(&counts)
            .map(|(v, c)| *v as f64 * *c as f64)
            .sum();
        let mean = (answered > 0).then(|| sum / answered as f64);
        let at = |rank: u64| {
            let mut seen = 0;
            for (v, c) in values.iter().zip(&counts) {
                seen += c;
                if seen > rank {
                    return *v as f64;
                }
            }
            0.0
        };
        let median = (answered > 0).then(|| (at((answered - 1) / 2) + at(answered / 2)) / 2.0);
        Distribution {
            values,
            counts,
            answered,
            mean,
            median,
        }
    }
}

/// One statement of a matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    /// The statement.
    pub key: OptionKey,
    /// Respondents per point.
    pub distribution: Distribution,
}

/// How an option was ranked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankResult {
    /// The option.
    pub key: OptionKey,
    /// Respondents who placed it.
    pub ranked: u64,
    /// Its mean place (1 is best) among those who placed it.
    pub mean_rank: Option<f64>,
    /// Respondents who placed it first.
    pub first: u64,
    /// Borda points: place `p` of `places` earns `places − p + 1`; not
    /// placed earns nothing.
    pub points: u64,
}

/// Figures of a number question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberStats {
    /// Respondents.
    pub count: u64,
    /// Lowest answer.
    pub min: Option<f64>,
    /// Highest answer.
    pub max: Option<f64>,
    /// Mean.
    pub mean: Option<f64>,
    /// Median (the mean of the middle two for an even count).
    pub median: Option<f64>,
}

impl NumberStats {
    pub(crate) fn new(mut values: Vec<f64>) -> NumberStats {
        let n = values.len();
        if n == 0 {
            return NumberStats {
                count: 0,
                min: None,
                max: None,
                mean: None,
                median: None,
            };
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let (_, upper, _) = values.select_nth_unstable_by(n / 2, f64::total_cmp);
        let upper = *upper;
        let median = if n % 2 == 1 {
            upper
        } else {
            // The lower middle is the largest of the half below.
            let lower = values[..n / 2]
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max);
            (lower + upper) / 2.0
        };
        NumberStats {
            count: n as u64,
            min: values.iter().copied().reduce(f64::min),
            max: values.iter().copied().reduce(f64::max),
            mean: Some(mean),
            median: Some(median),
        }
    }
}

/// The answers to a text question, in the order counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextAnswers {
    /// The texts.
    pub texts: Vec<String>,
}

impl TextAnswers {
    /// The texts containing `needle`, ignoring case and accents ("cafe"
    /// finds "Café"); every text for a blank needle.
    pub fn matching<'a>(&'a self, needle: &str) -> impl Iterator<Item = &'a str> + 'a {
        let needle = fold(needle);
        self.texts
            .iter()
            .filter(move |t| needle.is_empty() || fold(t).contains(&needle))
            .map(String::as_str)
    }
}
