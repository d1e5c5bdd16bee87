//! One sheet per activity: the question and its facts at the top, then a
//! table of its data (frozen header row, filter), then what does not fit
//! a table row (the right answer, the Schulze order, reasons, …), and a bar
//! chart beside the table for polls and votes.

use super::cells::{Cell, Column, Ctx, Table};
use super::items::item_table;
use super::sheet::{Sheet, col};
use crate::report::ReportActivity;
use crate::views::evening::VoteView;
use crate::views::models::{Bar, Results};
use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

/// The row of every activity sheet's header row: the question and three
/// facts come first, so a reader finds the table in the same place on
/// every sheet.
pub const HEADER_ROW: u32 = 5;
/// Most bars a chart shows; longer lists are easier to read in the table.
const CHART_MAX: usize = 40;

/// What an activity sheet holds besides its question.
#[derive(Debug, Default)]
struct Data {
    /// The main table.
    table: Table,
    /// Facts below the table.
    facts: Vec<(String, Cell)>,
    /// A second table below those (captioned).
    more: Option<(String, Table)>,
    /// Chart the table's (category, value) columns.
    chart: Option<(usize, usize)>,
}

/// The sheet of activity `a`, called `name`.
pub fn sheet(a: &ReportActivity, name: &str, cx: &Ctx) -> Result<Worksheet, XlsxError> {
    let t = &cx.t;
    let mut s = Sheet::new(name, cx)?;
    s.title(0, &a.view.title)?;
    s.fact(1, &t.t("xlsx-step"), &Cell::text(&a.step))?;
    s.fact(2, &t.t("xlsx-kind"), &Cell::text(&a.view.kind_label))?;
    if !matches!(a.results, Results::Items(_) | Results::Board(_)) {
        s.fact(3, &t.t("xlsx-respondents"), &Cell::count(a.respondents))?;
    }
    let data = data(a, cx);
    let mut row = s.table(HEADER_ROW, &data.table)?;
    // The question, facts and header row stay in view while scrolling.
    s.ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    s.filter(HEADER_ROW, &data.table)?;
    if !data.facts.is_empty() {
        row += 1;
        for (label, value) in &data.facts {
            s.fact(row, label, value)?;
            row += 1;
        }
    }
    if let Some((caption, table)) = &data.more {
        row += 1;
        s.caption(row, caption)?;
        s.table(row + 1, table)?;
    }
    let rows = data.table.rows.len();
    if let Some((cat, val)) = data.chart.filter(|_| (1..=CHART_MAX).contains(&rows)) {
        let (first, last) = (HEADER_ROW + 1, HEADER_ROW + rows as u32);
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_categories((name, first, col(cat), last, col(cat)))
            .set_values((name, first, col(val), last, col(val)))
            // The name is the column's heading: a reference, never text
            // that could be read as a formula.
            .set_name((name, HEADER_ROW, col(val)));
        // Bars top-down in the table's order.
        chart.x_axis().set_reverse();
        chart.legend().set_hidden();
        let width = data.table.columns.len();
        s.ws.insert_chart(HEADER_ROW, col(width + 1), &chart)?;
    }
    s.finish()
}

fn data(a: &ReportActivity, cx: &Ctx) -> Data {
    let t = &cx.t;
    let v = &a.view;
    let mut d = Data::default();
    match &a.results {
        Results::Bars(bars) => {
            let quiz = v.kind == "quiz";
            d.table = bar_table(cx, bars, a.respondents, quiz, None);
            d.chart = Some((0, 1));
            if quiz {
                d.facts
                    .push((t.t("quiz-answer"), Cell::text(&v.answer_text)));
            }
        }
        Results::Scale {
            bars,
            mean,
            median,
            min_label,
            max_label,
        } => {
            d.table = bar_table(cx, bars, a.respondents, false, Some((min_label, max_label)));
            d.chart = Some((0, 2));
            if mean.is_some() {
                d.facts.push((t.t("report-mean"), scale_mean(bars)));
            }
            if let Some(x) = median {
                d.facts.push((t.t("estimate-median"), Cell::decimal(x)));
            }
        }
        Results::Words(words) => {
            d.table.columns = vec![
                Column::new(t.t("xlsx-word")),
                Column::new(t.t("report-count")),
            ];
            d.table.rows = words
                .iter()
                .map(|w| vec![Cell::text(&w.word), Cell::count(w.count)])
                .collect();
            d.chart = Some((0, 1));
        }
        Results::Texts(texts) => {
            d.table.columns = vec![
                Column::new(t.t("xlsx-number")),
                Column::wrapped(t.t("item-text")),
            ];
            d.table.rows = texts
                .iter()
                .enumerate()
                .map(|(n, x)| vec![Cell::count(n as u64 + 1), Cell::text(x)])
                .collect();
        }
        Results::Estimates {
            median,
            range,
            close,
        } => {
            d.table.columns = [
                "estimate-median",
                "xlsx-lowest",
                "xlsx-highest",
                "estimate-close",
            ]
            .iter()
            .map(|k| Column::new(t.t(k)))
            .chain([
                Column::new(t.t("quiz-answer")),
                Column::new(t.t("xlsx-unit")),
            ])
            .collect();
            let (lo, hi) = range.clone().unwrap_or_default();
            // The right answer is "20 %": the number, and the unit apart.
            let answer = v
                .answer_text
                .strip_suffix(v.unit.as_str())
                .unwrap_or(&v.answer_text);
            d.table.rows = vec![vec![
                median.as_deref().map(Cell::parsed).unwrap_or(Cell::Empty),
                Cell::parsed(&lo),
                Cell::parsed(&hi),
                Cell::count(*close),
                Cell::parsed(answer),
                Cell::text(&v.unit),
            ]];
        }
        Results::Consent(rows) => {
            let mut columns = vec![Column::wrapped(t.t("xlsx-wording"))];
            for key in ["goal-agree", "goal-live-with", "goal-object"] {
                columns.push(Column::new(t.t(key)));
                columns.push(Column::new(format!("{} %", t.t(key))));
            }
            d.table.columns = columns;
            let mut reasons = Table {
                columns: vec![
                    Column::wrapped(t.t("xlsx-wording")),
                    Column::new(t.t("xlsx-verdict")),
                    Column::wrapped(t.t("xlsx-reason")),
                ],
                rows: Vec::new(),
            };
            for r in rows {
                let mut cells = vec![Cell::text(&r.text)];
                for n in r.counts {
                    cells.push(Cell::count(n));
                    cells.push(Cell::share(n, a.respondents));
                }
                d.table.rows.push(cells);
                for (_, level, reason) in &r.reasons {
                    reasons.rows.push(vec![
                        Cell::text(&r.text),
                        Cell::text(level),
                        Cell::text(reason),
                    ]);
                }
            }
            if !reasons.rows.is_empty() {
                d.more = Some((t.t("xlsx-reasons"), reasons));
            }
        }
        Results::Vote(vote) => vote_data(cx, vote, &mut d),
        Results::Items(groups) => d.table = item_table(cx, v.kind, groups),
        Results::Board(b) => {
            d.table.columns = vec![
                Column::new(t.t("xlsx-category")),
                Column::wrapped(t.t("item-text")),
                Column::new(t.t("xlsx-author")),
            ];
            let unplaced = t.t("board-unplaced");
            let mut counts = Table {
                columns: vec![
                    Column::new(t.t("xlsx-category")),
                    Column::new(t.t("xlsx-ideas")),
                ],
                rows: Vec::new(),
            };
            let lists = b.categories.iter().map(|c| (&c.name, &c.items));
            for (name, items) in lists.chain([(&unplaced, &b.unplaced)]) {
                for i in items {
                    d.table.rows.push(vec![
                        Cell::text(name),
                        Cell::text(&i.text),
                        Cell::text(&i.author),
                    ]);
                }
                counts
                    .rows
                    .push(vec![Cell::text(name), Cell::count(items.len() as u64)]);
            }
            d.more = Some((t.t("xlsx-ideas-per-category"), counts));
        }
        Results::Matrix(g) => {
            d.table.columns = std::iter::once(Column::new(g.caption.clone()))
                .chain(g.cols.iter().map(|c| Column::new(c.label.clone())))
                .collect();
            d.table.rows = g
                .rows
                .iter()
                .map(|(h, cells)| {
                    std::iter::once(Cell::text(&h.label))
                        .chain(cells.iter().map(|c| Cell::count(c.count as u64)))
                        .collect()
                })
                .collect();
        }
    }
    // A quiz question's or estimate's explanation and source, as the
    // screen showed them on revealing.
    for (key, text) in [
        ("xlsx-explanation", &v.explanation),
        ("xlsx-source", &v.source),
    ] {
        if !text.is_empty() {
            d.facts.push((t.t(key), Cell::text(text)));
        }
    }
    d
}

/// The mean of a scale, exact from its counts (the view's text is rounded).
pub fn scale_mean(bars: &[Bar]) -> Cell {
    let (sum, n) = bars.iter().fold((0.0, 0u64), |(sum, n), b| {
        let value = b.label.parse::<f64>().unwrap_or(0.0);
        (sum + value * b.count as f64, n + b.count)
    });
    if n == 0 {
        Cell::Empty
    } else {
        Cell::Dec(sum / n as f64)
    }
}

/// Options (or scale values with their labels) with counts and shares.
fn bar_table(
    cx: &Ctx,
    bars: &[Bar],
    respondents: u64,
    quiz: bool,
    scale: Option<(&String, &String)>,
) -> Table {
    let t = &cx.t;
    let mut columns = Vec::new();
    if scale.is_some() {
        columns.push(Column::new(t.t("xlsx-value")));
        columns.push(Column::new(t.t("xlsx-label")));
    } else {
        columns.push(Column::wrapped(t.t("report-answer")));
    }
    columns.push(Column::new(t.t("report-count")));
    columns.push(Column::new(t.t("xlsx-percent")));
    if quiz {
        columns.push(Column::new(t.t("quiz-answer")));
    }
    let last = bars.len().saturating_sub(1);
    let rows = bars
        .iter()
        .enumerate()
        .map(|(n, b)| {
            let mut cells = match scale {
                Some((lo, hi)) => vec![
                    Cell::parsed(&b.label),
                    match n {
                        0 => Cell::text(lo),
                        n if n == last => Cell::text(hi),
                        _ => Cell::Empty,
                    },
                ],
                None => vec![Cell::text(&b.label)],
            };
            cells.push(Cell::count(b.count));
            // The exact share; the format rounds it as the screen does.
            cells.push(Cell::share(b.count, respondents));
            if quiz {
                cells.push(Cell::Bool(b.correct));
            }
            cells
        })
        .collect();
    Table { columns, rows }
}

fn vote_data(cx: &Ctx, vote: &VoteView, d: &mut Data) {
    let t = &cx.t;
    d.table.columns = vec![
        Column::new(t.t("xlsx-rank")),
        Column::new(t.t("xlsx-tied")),
        Column::wrapped(t.t("report-item")),
        Column::new(t.t("report-total")),
        Column::new(t.t("xlsx-voter-share")),
        Column::new(t.t("report-mean")),
        Column::new(t.t("report-spread")),
    ];
    d.table.rows = vote
        .lines
        .iter()
        .map(|l| {
            vec![
                // "2=" is a shared second place: the number, and the tie apart.
                Cell::parsed(l.rank.trim_end_matches('=')),
                Cell::Bool(l.tied),
                Cell::text(&l.label),
                Cell::count(l.total),
                Cell::Pct(l.share as f64 / 100.0),
                Cell::decimal(&l.mean),
                Cell::decimal(&l.spread),
            ]
        })
        .collect();
    d.chart = Some((2, 3));
    d.facts.push((t.t("xlsx-voters"), Cell::count(vote.voters)));
    if !vote.schulze.is_empty() {
        d.facts
            .push((t.t("xlsx-schulze"), Cell::text(&vote.schulze)));
        if vote.disagree {
            d.facts
                .push((String::new(), Cell::text(t.t("vote-disagree"))));
        }
    }
}
