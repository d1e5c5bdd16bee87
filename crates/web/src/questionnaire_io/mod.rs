//! A questionnaire's responses as a table, written out as csv or xlsx: one
//! row per response, for analysis in a spreadsheet or a statistics package.
//!
//! The columns are the response's number in the export (1, 2, …; never its
//! id), its status, the hour it last changed, then per question one or more
//! columns:
//!
//! | kind | columns | cell |
//! |------|---------|------|
//! | single choice | one | the chosen option's text |
//! | multiple choice | one per option ("question: option") | 1 chosen, 0 not |
//! | scale, number | one | the number |
//! | matrix | one per statement ("question: statement") | the point's value |
//! | ranking | one per option ("question: option") | its rank, empty if unranked |
//! | short or long text | one | the text |
//! | contact | one | yes or no, only: the details are kept apart and never exported |
//!
//! A question the respondent did not see (its condition does not hold) or
//! did not answer, or an answer that no longer fits its question, is an
//! empty cell. Rows are ordered by the hour they last changed and within an
//! hour by the response's random id, so the order says nothing about who
//! answered first.
//!
//! In csv, a text a spreadsheet would run as a formula gets a leading
//! apostrophe ([`safe_cell`](crate::report::csv_out::safe_cell)); in xlsx
//! every text is a string cell (never a formula) and numbers are numbers.

mod write;

#[cfg(test)]
mod tests;

pub use write::{csv, xlsx};

use crate::i18n::Tr;
use koers_core::lang::Lang;
use koers_core::questionnaire::{AnswerValue, Question, QuestionKind, Questionnaire, Visibility};
use koers_store::StoredResponse;

/// One cell of the table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A text.
    Text(String),
    /// A whole number (a scale value, a rank, a 1/0 of a chosen option).
    Int(i64),
    /// A number as answered.
    Number(f64),
    /// A date and time (Dutch time), to the hour.
    Time(jiff::civil::DateTime),
    /// Nothing.
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing the csv failed.
    #[error("the csv file could not be written: {0}")]
    Csv(#[from] ::csv::Error),
    /// Writing the xlsx failed.
    #[error("the xlsx file could not be written: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// A column of the table: its header, and whether it holds long texts.
#[derive(Clone, Debug)]
struct Col {
    header: String,
    wide: bool,
}

/// The responses of `q` as a table in `lang`: the header row, and one row
/// of cells per response (as many as there are headers).
pub fn table(
    q: &Questionnaire,
    responses: &[StoredResponse],
    lang: Lang,
) -> (Vec<String>, Vec<Vec<Cell>>) {
    let (cols, rows) = build(q, responses, &Tr::new(lang), lang);
    (cols.into_iter().map(|c| c.header).collect(), rows)
}

/// The columns and rows of [`table`].
fn build(
    q: &Questionnaire,
    responses: &[StoredResponse],
    t: &Tr,
    lang: Lang,
) -> (Vec<Col>, Vec<Vec<Cell>>) {
    let mut cols = vec![
        Col {
            header: t.t("qexport-response"),
            wide: false,
        },
        Col {
            header: t.t("qexport-status"),
            wide: false,
        },
        Col {
            header: t.t("qexport-changed"),
            wide: false,
        },
    ];
    for question in q.questions() {
        columns(question, lang, &mut cols);
    }
    let mut order: Vec<&StoredResponse> = responses.iter().collect();
    order.sort_by_key(|r| (r.hour, r.id));
    let labels = Labels {
        submitted: t.t("qexport-submitted"),
        in_progress: t.t("qexport-in-progress"),
        yes: t.t("qexport-yes"),
        no: t.t("qexport-no"),
    };
    let rows = order
        .iter()
        .enumerate()
        .map(|(n, r)| row(q, r, n + 1, lang, &labels, cols.len()))
        .collect();
    (cols, rows)
}

/// Texts that go into cells.
struct Labels {
    submitted: String,
    in_progress: String,
    yes: String,
    no: String,
}

/// `question`'s columns.
fn columns(question: &Question, lang: Lang, cols: &mut Vec<Col>) {
    let text = question.text.get(lang);
    let parts = match &question.kind {
        QuestionKind::MultipleChoice { options, .. } | QuestionKind::Ranking { options, .. } => {
            options
        }
        QuestionKind::Matrix { statements, .. } => statements,
        kind => {
            cols.push(Col {
                header: text.to_string(),
                wide: matches!(kind, QuestionKind::LongText { .. }),
            });
            return;
        }
    };
    for part in parts {
        cols.push(Col {
            header: format!("{text}: {}", part.text.get(lang)),
            wide: false,
        });
    }
}

/// How many columns `question` has.
fn width(question: &Question) -> usize {
    match &question.kind {
        QuestionKind::MultipleChoice { options, .. } | QuestionKind::Ranking { options, .. } => {
            options.len()
        }
        QuestionKind::Matrix { statements, .. } => statements.len(),
        _ => 1,
    }
}

/// The row of response `r`, numbered `n`.
fn row(
    q: &Questionnaire,
    r: &StoredResponse,
    n: usize,
    lang: Lang,
    labels: &Labels,
    len: usize,
) -> Vec<Cell> {
    use koers_core::questionnaire::ResponseStatus;
    let mut cells = Vec::with_capacity(len);
    cells.push(Cell::Int(i64::try_from(n).unwrap_or(i64::MAX)));
    cells.push(Cell::text(match r.status {
        ResponseStatus::Submitted => &labels.submitted,
        ResponseStatus::InProgress => &labels.in_progress,
    }));
    cells.push(hour(r.hour).map_or(Cell::Empty, Cell::Time));
    let seen = Visibility::of(q, &r.answers);
    for (i, question) in q.questions().enumerate() {
        // The states are in question order; looking one up is the fallback.
        let visible = match seen.questions.get(i) {
            Some(s) if s.id == question.id => s.visible,
            _ => seen.is_visible(question.id),
        };
        let value = visible.then(|| r.answers.get(question.id)).flatten();
        answer(question, value, lang, labels, &mut cells);
    }
    cells
}

/// The cells of one answer (`None`: hidden or unanswered).
fn answer(
    question: &Question,
    value: Option<&AnswerValue>,
    lang: Lang,
    labels: &Labels,
    cells: &mut Vec<Cell>,
) {
    use AnswerValue as V;
    use QuestionKind as K;
    let start = cells.len();
    let rank = |n: usize| Cell::Int(i64::try_from(n + 1).unwrap_or(i64::MAX));
    match (&question.kind, value) {
        (K::SingleChoice { options }, Some(V::Choice(key))) => {
            if let Some(o) = options.iter().find(|o| o.key == *key) {
                cells.push(Cell::text(o.text.get(lang)));
            }
        }
        (K::MultipleChoice { options, .. }, Some(V::Choices(keys))) => {
            cells.extend(
                options
                    .iter()
                    .map(|o| Cell::Int(i64::from(keys.contains(&o.key)))),
            );
        }
        (K::Scale { .. }, Some(V::Scale(v))) => cells.push(Cell::Int(*v)),
        (K::Number { .. }, Some(V::Number(x))) if x.is_finite() => cells.push(Cell::Number(*x)),
        (K::Matrix { statements, .. }, Some(V::Matrix(ratings))) => {
            cells.extend(
                statements
                    .iter()
                    .map(|s| ratings.get(&s.key).map_or(Cell::Empty, |v| Cell::Int(*v))),
            );
        }
        (K::Ranking { options, .. }, Some(V::Ranking(keys))) => {
            cells.extend(options.iter().map(|o| {
                keys.iter()
                    .position(|k| *k == o.key)
                    .map_or(Cell::Empty, rank)
            }));
        }
        (K::ShortText { .. } | K::LongText { .. }, Some(V::Text(s))) => {
            cells.push(Cell::text(s.as_str()));
        }
        // Only the yes or no: whatever details an unfinished response still
        // holds stay out.
        (K::Contact { .. }, Some(V::Contact(c))) => {
            cells.push(Cell::text(if c.consent { &labels.yes } else { &labels.no }));
        }
        _ => {}
    }
    // Hidden, unanswered, or an answer that no longer fits: empty cells.
    cells.resize(start + width(question), Cell::Empty);
}

/// Hour `ms` (since the Unix epoch) as a clock in the Netherlands showed it.
fn hour(ms: i64) -> Option<jiff::civil::DateTime> {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
    let whole = ms.div_euclid(3_600_000) * 3_600_000;
    Some(
        jiff::Timestamp::from_millisecond(whole)
            .ok()?
            .to_zoned(tz)
            .datetime(),
    )
}

/// The questions, for the sheet that explains the columns: number, page,
/// kind and text.
fn questions(q: &Questionnaire, t: &Tr, lang: Lang) -> Vec<(i64, i64, String, String)> {
    q.questions()
        .enumerate()
        .map(|(n, question)| {
            let page = q.page_of(question.id).map_or(0, |p| p + 1);
            let kind = t.t(&format!(
                "qexport-type-{}",
                question.kind.type_key().replace('_', "-")
            ));
            (
                i64::try_from(n + 1).unwrap_or(i64::MAX),
                i64::try_from(page).unwrap_or(i64::MAX),
                kind,
                question.text.get(lang).to_string(),
            )
        })
        .collect()
}
