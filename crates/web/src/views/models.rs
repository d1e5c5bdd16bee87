//! View models: what the templates show, computed from domain values.

use crate::i18n::Tr;
use koers_core::activity::{Activity, ActivityKind, ActivityState, Audience};
use koers_core::doc::ActivityDoc;
use koers_core::tally::Tally;
use koers_core::vote::VoteMethod;

/// One bar of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The option or value.
    pub label: String,
    /// Respondents.
    pub count: u64,
    /// Share of respondents, rounded, 0–100.
    pub pct: u64,
    /// Bar length relative to the longest bar, 0–100 (SVG units).
    pub width: f64,
    /// A quiz question's right answer, once revealed.
    pub correct: bool,
}

/// One word of a word cloud.
#[derive(Clone, Debug, PartialEq)]
pub struct CloudWord {
    /// The word.
    pub word: String,
    /// Respondents who gave it.
    pub count: u64,
    /// Size step 1–6 (CSS class `w1`…`w6`).
    pub size: u8,
}

/// The results of an activity, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Results {
    /// Bars per option.
    Bars(Vec<Bar>),
    /// Bars per scale value, with mean and median.
    Scale {
        /// Bars from the lowest value up.
        bars: Vec<Bar>,
        /// Mean, formatted ("3,4").
        mean: Option<String>,
        /// Median, formatted.
        median: Option<String>,
        /// Label of the lowest value.
        min_label: String,
        /// Label of the highest value.
        max_label: String,
    },
    /// Words, most frequent first.
    Words(Vec<CloudWord>),
    /// Texts, newest first.
    Texts(Vec<String>),
    /// Estimates: median, range, how many came close.
    Estimates {
        /// Median estimate.
        median: Option<String>,
        /// Lowest and highest estimate.
        range: Option<(String, String)>,
        /// Respondents within 10%.
        close: u64,
    },
    /// Agreement per wording of the goal.
    Consent(Vec<crate::views::evening::ConsentRow>),
    /// A vote's ranking.
    Vote(crate::views::evening::VoteView),
    /// Items in groups (idea wall, actions, questions, pitch feedback).
    Items(Vec<crate::views::evening::ItemGroup>),
    /// The categorising board.
    Board(crate::views::evening::BoardView),
    /// The inventory's Preventiematrix.
    Matrix(crate::inventory::matrix::Grid),
}

/// Most texts a wall shows at once.
pub const WALL_MAX: usize = 60;
/// Most words a cloud shows.
pub const CLOUD_MAX: usize = 60;

fn pct(n: u64, of: u64) -> u64 {
    (n * 100 + of / 2).checked_div(of).unwrap_or(0)
}

fn bars(labels: impl Iterator<Item = String>, counts: &[u64], respondents: u64) -> Vec<Bar> {
    let max = counts.iter().copied().max().unwrap_or(0);
    labels
        .zip(counts)
        .map(|(label, &count)| Bar {
            label,
            count,
            pct: pct(count, respondents),
            width: if max == 0 {
                0.0
            } else {
                count as f64 * 100.0 / max as f64
            },
            correct: false,
        })
        .collect()
}

/// Formats a number as typed in the language: no decimals when whole.
pub fn number(t: &Tr, x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        decimal(t, x)
    }
}

/// Formats a number with one decimal in the language's style ("3,4" / "3.4").
pub fn decimal(t: &Tr, x: f64) -> String {
    let s = format!("{x:.1}");
    match t.lang {
        koers_core::lang::Lang::Nl => s.replace('.', ","),
        koers_core::lang::Lang::En => s,
    }
}

impl Results {
    /// Builds the view of a tally for an activity of `kind`.
    pub fn from_tally(t: &Tr, kind: &ActivityKind, tally: &Tally) -> Results {
        match (kind, tally) {
            (
                ActivityKind::Quiz {
                    options, correct, ..
                },
                Tally::Choice {
                    counts,
                    respondents,
                },
            ) => {
                let mut b = bars(options.iter().cloned(), counts, *respondents);
                for (i, bar) in b.iter_mut().enumerate() {
                    bar.correct = correct.contains(&(i as u32));
                }
                Results::Bars(b)
            }
            (
                _,
                Tally::Estimates {
                    median,
                    low,
                    high,
                    close,
                    ..
                },
            ) => Results::Estimates {
                median: median.map(|m| number(t, m)),
                range: low.zip(*high).map(|(l, h)| (number(t, l), number(t, h))),
                close: *close,
            },
            (ActivityKind::Goal { wordings }, Tally::Consent { .. }) => {
                Results::Consent(crate::views::evening::consent_rows(t, wordings, tally))
            }
            (_, Tally::Consent { .. }) | (_, Tally::Vote(_)) | (_, Tally::Items) => {
                Results::Texts(Vec::new())
            }
            (
                ActivityKind::Scale {
                    min_label,
                    max_label,
                    ..
                },
                Tally::Scale {
                    min,
                    counts,
                    respondents,
                    mean,
                    median,
                },
            ) => Results::Scale {
                bars: bars(
                    (0..counts.len()).map(|i| (min + i as i64).to_string()),
                    counts,
                    *respondents,
                ),
                mean: mean.map(|m| decimal(t, m)),
                median: median.map(|m| decimal(t, m)),
                min_label: min_label.clone(),
                max_label: max_label.clone(),
            },
            (
                _,
                Tally::Choice {
                    counts,
                    respondents,
                },
            ) => Results::Bars(bars(kind.options().iter().cloned(), counts, *respondents)),
            (_, Tally::Words { words, .. }) => {
                let max = words.first().map(|w| w.count).unwrap_or(1).max(1);
                Results::Words(
                    words
                        .iter()
                        .take(CLOUD_MAX)
                        .map(|w| CloudWord {
                            word: w.word.clone(),
                            count: w.count,
                            size: word_size(w.count, max),
                        })
                        .collect(),
                )
            }
            (_, Tally::Texts { texts, .. }) => {
                Results::Texts(texts.iter().take(WALL_MAX).cloned().collect())
            }
            (_, Tally::Scale { .. }) => Results::Texts(Vec::new()),
        }
    }
}

/// Size step 1–6 of a word given `count` respondents when the most frequent
/// word has `max`; all words are medium when every count is 1.
fn word_size(count: u64, max: u64) -> u8 {
    if max <= 1 {
        return 3;
    }
    (1 + (count.saturating_sub(1) * 5 + (max - 1) / 2) / (max - 1)).min(6) as u8
}

/// An activity as a phone, the screen or the console shows it.
#[derive(Clone, Debug)]
pub struct ActivityView {
    /// Its id (for forms and scripts).
    pub id: String,
    /// The question.
    pub title: String,
    /// `single_choice`, `multiple_choice`, …
    pub kind: &'static str,
    /// The translated kind name ("Meerkeuze").
    pub kind_label: String,
    /// Options of a choice question.
    pub options: Vec<String>,
    /// Maximum choices (multiple choice).
    pub max_choices: u8,
    /// Scale values, lowest first.
    pub scale_values: Vec<i64>,
    /// Label of the lowest scale value.
    pub min_label: String,
    /// Label of the highest scale value.
    pub max_label: String,
    /// Words per respondent (word cloud).
    pub max_words: u8,
    /// Word inputs to show (1..=max_words).
    pub word_slots: Vec<u8>,
    /// Maximum characters (open text).
    pub max_chars: u16,
    /// `individuals`, `tables` or `everyone`.
    pub audience: &'static str,
    /// `pending`, `open` or `closed`.
    pub state: &'static str,
    /// Accepting answers.
    pub open: bool,
    /// Results are shown.
    pub results_visible: bool,
    /// A quiz question's answer is revealed.
    pub revealed: bool,
    /// Quiz: more than one right answer (checkboxes).
    pub multi: bool,
    /// Quiz/estimate: the right answer as text.
    pub answer_text: String,
    /// Quiz/estimate: explanation.
    pub explanation: String,
    /// Quiz/estimate: source.
    pub source: String,
    /// Estimate: unit.
    pub unit: String,
    /// Vote: `dots`, `ranking` or `points`; empty otherwise.
    pub method: &'static str,
    /// Vote: dots, places to rank, or points.
    pub amount: u32,
    /// Vote: most dots on one item.
    pub max_per_item: u32,
    /// Vote candidates or action priorities (frozen when opened).
    pub list: Vec<String>,
    /// Ranking places 1..=k.
    pub rank_slots: Vec<u32>,
    /// Pitch speakers.
    pub speakers: Vec<String>,
    /// Pitch: the speaker on stage.
    pub on_stage: Option<usize>,
    /// Pitch: time runs out at (ms since the epoch), while running.
    pub ends_at_ms: i64,
    /// Pitch: seconds left (paused) or per pitch.
    pub seconds_left: i64,
    /// The list is final.
    pub finalised: bool,
    /// Questions wait for approval.
    pub moderated: bool,
    /// Respondents add items rather than one answer.
    pub takes_items: bool,
}

impl ActivityView {
    /// The view of an activity.
    pub fn new(t: &Tr, a: &Activity) -> ActivityView {
        let mut v = ActivityView {
            id: a.id.to_string(),
            title: a.def.title.clone(),
            kind: a.def.kind.name(),
            kind_label: t.t(&format!("kind-{}", a.def.kind.name().replace('_', "-"))),
            options: a.def.kind.options().to_vec(),
            max_choices: 1,
            scale_values: Vec::new(),
            min_label: String::new(),
            max_label: String::new(),
            max_words: 0,
            word_slots: Vec::new(),
            max_chars: 0,
            audience: a.def.audience.name(),
            state: a.state.name(),
            open: a.state == ActivityState::Open,
            // Lists, the board and the matrix are the activity itself:
            // always shown.
            results_visible: a.results_visible
                || a.def.kind.takes_items()
                || matches!(
                    a.def.kind,
                    ActivityKind::Categorise { .. } | ActivityKind::Matrix { .. }
                ),
            revealed: a.revealed,
            multi: false,
            answer_text: String::new(),
            explanation: String::new(),
            source: String::new(),
            unit: String::new(),
            method: "",
            amount: 0,
            max_per_item: 0,
            list: Vec::new(),
            rank_slots: Vec::new(),
            speakers: Vec::new(),
            on_stage: None,
            ends_at_ms: 0,
            seconds_left: 0,
            finalised: false,
            moderated: false,
            takes_items: a.def.kind.takes_items(),
        };
        match &a.def.kind {
            ActivityKind::MultipleChoice { max_choices, .. } => v.max_choices = *max_choices,
            ActivityKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                v.scale_values = (i64::from(*min)..=i64::from(*max)).collect();
                v.min_label = min_label.clone();
                v.max_label = max_label.clone();
            }
            ActivityKind::WordCloud { max_words } => {
                v.max_words = *max_words;
                v.word_slots = (1..=*max_words).collect();
            }
            ActivityKind::OpenText { max_chars } | ActivityKind::IdeaWall { max_chars } => {
                v.max_chars = *max_chars
            }
            ActivityKind::SingleChoice { .. } => {}
            ActivityKind::Quiz {
                options,
                correct,
                explanation,
                source,
                ..
            } => {
                v.multi = correct.len() > 1;
                v.max_choices = options.len() as u8;
                v.answer_text = correct
                    .iter()
                    .filter_map(|&c| options.get(c as usize).cloned())
                    .collect::<Vec<_>>()
                    .join(", ");
                v.explanation = explanation.clone();
                v.source = source.clone();
            }
            ActivityKind::Estimate {
                value,
                unit,
                explanation,
                source,
                ..
            } => {
                v.answer_text = format!("{} {}", number(t, *value), unit).trim().to_string();
                v.unit = unit.clone();
                v.explanation = explanation.clone();
                v.source = source.clone();
            }
            ActivityKind::Goal { .. }
            | ActivityKind::Categorise { .. }
            | ActivityKind::Matrix { .. } => {}
            ActivityKind::Prioritise { method, .. } => {
                v.method = method.name();
                match method {
                    VoteMethod::Dots { dots, max_per_item } => {
                        v.amount = *dots;
                        v.max_per_item = *max_per_item;
                    }
                    VoteMethod::Ranking { top_k } => v.amount = *top_k,
                    VoteMethod::Points { total } => v.amount = *total,
                }
            }
            ActivityKind::Actions { .. } => {}
            ActivityKind::Questions { moderated } => v.moderated = *moderated,
            ActivityKind::Pitches { speakers, seconds } => {
                v.speakers = speakers.clone();
                v.seconds_left = i64::from(*seconds);
            }
        }
        v
    }

    /// Adds what the activity's document says (frozen list, timer, final).
    pub fn with_doc(mut self, doc: &ActivityDoc) -> ActivityView {
        if let Some(list) = &doc.list {
            self.list = list.labels.clone();
        }
        if self.method == "ranking" {
            let k = (self.amount as usize).min(self.list.len()) as u32;
            self.rank_slots = (1..=k).collect();
        }
        self.finalised = doc.finalised;
        if !self.speakers.is_empty() {
            self.on_stage = doc.pitch.speaker.map(|s| s as usize);
            self.ends_at_ms = doc.pitch.ends_at_ms.unwrap_or(0);
            if let Some(left) = doc.pitch.remaining_ms {
                self.seconds_left = left / 1000;
            }
        }
        self
    }

    /// The speaker on stage, by name.
    pub fn stage_name(&self) -> String {
        self.on_stage
            .and_then(|i| self.speakers.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// Whether phones answer it.
    pub fn for_phones(&self) -> bool {
        self.audience != Audience::Tables.name()
    }

    /// Whether tablets answer it.
    pub fn for_tablets(&self) -> bool {
        self.audience != Audience::Individuals.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use koers_core::lang::Lang;

    #[test]
    fn bars_show_share_of_respondents_and_scale_to_the_longest() {
        let t = Tr::new(Lang::Nl);
        let kind = ActivityKind::SingleChoice {
            options: vec!["a".into(), "b".into(), "c".into()],
        };
        let r = Results::from_tally(
            &t,
            &kind,
            &Tally::Choice {
                counts: vec![1, 2, 0],
                respondents: 3,
            },
        );
        let Results::Bars(b) = r else { panic!("bars") };
        assert_eq!(b.iter().map(|b| b.pct).collect::<Vec<_>>(), vec![33, 67, 0]);
        assert_eq!(b[1].width, 100.0);
        assert_eq!(b[0].width, 50.0);
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(decimal(&Tr::new(Lang::Nl), 3.45), "3,5");
        assert_eq!(decimal(&Tr::new(Lang::En), 3.0), "3.0");
    }

    #[test]
    fn the_most_frequent_word_is_largest() {
        let t = Tr::new(Lang::Nl);
        let kind = ActivityKind::WordCloud { max_words: 3 };
        let tally = Tally::Words {
            words: vec![
                koers_core::tally::WordCount {
                    word: "samen".into(),
                    count: 9,
                },
                koers_core::tally::WordCount {
                    word: "sport".into(),
                    count: 1,
                },
            ],
            respondents: 9,
        };
        let Results::Words(w) = Results::from_tally(&t, &kind, &tally) else {
            panic!("words")
        };
        assert_eq!((w[0].size, w[1].size), (6, 1));
    }
}
