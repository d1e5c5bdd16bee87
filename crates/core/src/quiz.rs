//! The quiz on key figures: scoring, the optional anonymous leaderboard, and
//! importing key figures from a CSV file.

use crate::activity::ActivityKind;
use crate::answer::Answer;
use crate::text::clean_line;
use serde::{Deserialize, Serialize};

/// Points for a right answer; an estimate earns up to this much by closeness.
pub const FULL_MARKS: u32 = 100;

/// The points an answer earns on a quiz question (0 for other activities).
/// A choice question gives full marks when the chosen options are exactly
/// the correct ones; an estimate loses marks linearly with its relative
/// error and earns nothing from 100% off.
pub fn score(kind: &ActivityKind, answer: &Answer) -> u32 {
    match (kind, answer) {
        (ActivityKind::Quiz { correct, .. }, Answer::Choice { option })
            if correct.as_slice() == [*option] =>
        {
            FULL_MARKS
        }
        (ActivityKind::Quiz { correct, .. }, Answer::Choices { options }) => {
            let mut c = correct.clone();
            c.sort_unstable();
            if &c == options { FULL_MARKS } else { 0 }
        }
        (ActivityKind::Estimate { value, .. }, Answer::Number { value: given }) => {
            closeness(*value, *given)
        }
        _ => 0,
    }
}

/// Marks for an estimate `given` of `truth`: 100 when exact, 0 from 100% off.
pub fn closeness(truth: f64, given: f64) -> u32 {
    if !truth.is_finite() || !given.is_finite() {
        return 0;
    }
    let error = if truth == 0.0 {
        given.abs()
    } else {
        ((given - truth) / truth).abs()
    };
    let marks = (1.0 - error).max(0.0) * f64::from(FULL_MARKS);
    marks.round() as u32
}

const ADJECTIVES: [&str; 16] = [
    "Snelle",
    "Slimme",
    "Vrolijke",
    "Dappere",
    "Rustige",
    "Wijze",
    "Stoere",
    "Nieuwsgierige",
    "Zonnige",
    "Kalme",
    "Handige",
    "Vlotte",
    "Moedige",
    "Heldere",
    "Scherpe",
    "Trouwe",
];
const ANIMALS: [&str; 16] = [
    "Otter", "Das", "Uil", "Vos", "Reiger", "Egel", "Bever", "Zeehond", "Merel", "Haas", "Ree",
    "Kikker", "Mus", "Zwaan", "Hert", "Eekhoorn",
];

/// An anonymous nickname for a leaderboard ("Snelle Otter 12"), derived from
/// the participant's id so it stays the same all evening and says nothing
/// about who it is.
pub fn nickname(id: &uuid::Uuid) -> String {
    let b = id.as_bytes();
    // The last bytes of a v7 UUID are random; the first are a timestamp.
    let adjective = ADJECTIVES[usize::from(b[15] & 0x0f)];
    let animal = ANIMALS[usize::from(b[14] & 0x0f)];
    format!("{adjective} {animal} {}", b[13] % 100)
}

/// One line of the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// Competition rank (equal scores share a rank).
    pub rank: u32,
    /// The anonymous nickname.
    pub nickname: String,
    /// Total points.
    pub points: u32,
}

/// The top `n` of `(nickname, points)` totals, ties sharing a rank and
/// ordered by nickname so the list is stable.
pub fn leaderboard(mut totals: Vec<(String, u32)>, n: usize) -> Vec<Standing> {
    totals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<Standing> = Vec::new();
    for (i, (nickname, points)) in totals.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.points == points => prev.rank,
            _ => i as u32 + 1,
        };
        if rank as usize > n {
            break;
        }
        out.push(Standing {
            rank,
            nickname,
            points,
        });
    }
    out
}

/// A key figure ("kerncijfer") for a quiz question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyFigure {
    /// What is measured ("Jongeren die wekelijks sporten").
    pub figure: String,
    /// The value.
    pub value: f64,
    /// Its unit ("%").
    pub unit: String,
    /// The year of measurement.
    pub year: Option<i32>,
    /// Where it comes from ("CBS Jeugdmonitor 2024").
    pub source: String,
}

/// Why a key-figure file was refused: the line and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct CsvProblem {
    /// 1-based line number (the header is line 1).
    pub line: u64,
    /// Stable code of the problem: `columns`, `figure`, `value`, `year`, `empty`, `too-many`.
    pub problem: &'static str,
}

/// Most key figures in one import.
pub const MAX_FIGURES: usize = 100;

/// Parses a key-figure CSV: a header row, then `figure, value, unit, year,
/// source`. Comma or semicolon separated (Dutch spreadsheets write
/// semicolons), a decimal comma is accepted. Nothing is imported when any
/// line is wrong: the whole file is refused with the first problem.
pub fn parse_key_figures(data: &str) -> Result<Vec<KeyFigure>, CsvProblem> {
    let first = data.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let bad = |problem| CsvProblem { line, problem };
        let record = record.map_err(|_| bad("columns"))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != 5 {
            return Err(bad("columns"));
        }
        let figure = clean_line(&record[0], 200).map_err(|_| bad("figure"))?;
        let value: f64 = record[1]
            .replace(' ', "")
            .replace(',', ".")
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| bad("value"))?;
        let year = match &record[3] {
            "" => None,
            y => Some(
                y.parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2100).contains(y))
                    .ok_or_else(|| bad("year"))?,
            ),
        };
        let line_or_empty = |s: &str| clean_line(s, 120).unwrap_or_default();
        out.push(KeyFigure {
            figure,
            value,
            unit: line_or_empty(&record[2]),
            year,
            source: line_or_empty(&record[4]),
        });
        if out.len() > MAX_FIGURES {
            return Err(bad("too-many"));
        }
    }
    if out.is_empty() {
        return Err(CsvProblem {
            line: 1,
            problem: "empty",
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn estimates_score_by_closeness() {
        assert_eq!(closeness(40.0, 40.0), 100);
        assert_eq!(closeness(40.0, 30.0), 75);
        assert_eq!(closeness(40.0, 100.0), 0);
        assert_eq!(closeness(0.0, 0.0), 100);
        assert_eq!(closeness(40.0, f64::NAN), 0);
    }

    #[test]
    fn a_multiple_answer_question_needs_exactly_the_right_set() {
        let kind = ActivityKind::Quiz {
            options: vec!["a".into(), "b".into(), "c".into()],
            correct: vec![2, 0],
            explanation: String::new(),
            source: String::new(),
            scored: true,
        };
        assert_eq!(
            score(
                &kind,
                &Answer::Choices {
                    options: vec![0, 2]
                }
            ),
            100
        );
        assert_eq!(score(&kind, &Answer::Choices { options: vec![0] }), 0);
    }

    #[test]
    fn leaderboard_ties_share_a_rank() {
        let top = leaderboard(
            vec![
                ("B".into(), 200),
                ("A".into(), 200),
                ("C".into(), 100),
                ("D".into(), 50),
            ],
            2,
        );
        assert_eq!(
            top.iter()
                .map(|s| (s.rank, s.nickname.as_str()))
                .collect::<Vec<_>>(),
            vec![(1, "A"), (1, "B")]
        );
    }

    #[test]
    fn nicknames_are_stable_per_participant() {
        let id = uuid::Uuid::now_v7();
        assert_eq!(nickname(&id), nickname(&id));
    }

    #[test]
    fn key_figures_from_a_dutch_spreadsheet() {
        let csv = "kerncijfer;waarde;eenheid;jaar;bron\n\
                   Jongeren die wekelijks sporten;62,5;%;2024;CBS Jeugdmonitor 2024\n\
                   \n\
                   \"Kinderen in armoede; 0-17\";7;%;;Gemeente\n";
        let figures = parse_key_figures(csv).unwrap();
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].value, 62.5);
        assert_eq!(figures[0].year, Some(2024));
        assert_eq!(figures[1].figure, "Kinderen in armoede; 0-17");
        assert_eq!(figures[1].year, None);
    }

    #[test]
    fn a_bad_line_refuses_the_whole_file() {
        let csv = "figure,value,unit,year,source\nA,1,%,2024,X\nB,veel,%,2024,X\n";
        assert_eq!(
            parse_key_figures(csv),
            Err(CsvProblem {
                line: 3,
                problem: "value"
            })
        );
        assert_eq!(
            parse_key_figures("figure,value,unit,year,source\n")
                .unwrap_err()
                .problem,
            "empty"
        );
        assert_eq!(
            parse_key_figures("f,v,u,y,s\nA,1,%\n").unwrap_err().problem,
            "columns"
        );
    }
}
