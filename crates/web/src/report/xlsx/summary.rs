//! The first sheet: the evening's facts, who took part per type of
//! organisation, and one row per activity with its headline result.

use super::activity::scale_mean;
use super::cells::{Cell, Column, Ctx, Table};
use super::sheet::Sheet;
use crate::report::{Report, ReportActivity};
use crate::views::evening::ItemView;
use crate::views::models::Results;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The summary sheet, called `name`; `sheets` are the activities' sheet
/// names in agenda order.
pub fn sheet(r: &Report, name: &str, sheets: &[String], cx: &Ctx) -> Result<Worksheet, XlsxError> {
    let t = &cx.t;
    let mut s = Sheet::new(name, cx)?;
    s.title(0, &r.session.title)?;
    s.fact(2, &t.t("xlsx-municipality"), &Cell::text(&r.municipality))?;
    s.fact(3, &t.t("xlsx-session"), &Cell::text(&r.session.title))?;
    s.fact(4, &t.t("xlsx-date"), &Cell::Empty)?;
    if let Some(date) = local_time(r.session.created_at) {
        s.ws.write_datetime_with_format(4, 1, date, &cx.date)?;
    }
    s.fact(5, &t.t("xlsx-participants"), &Cell::Int(r.phones))?;
    s.fact(6, &t.t("xlsx-tables"), &Cell::Int(r.tablets))?;
    let mut row = 7;
    if let Some(goal) = &r.session.goal {
        s.fact(row, &t.t("goal-agreed"), &Cell::text(goal))?;
        row += 1;
    }
    row += 1;
    s.caption(row, &t.t("xlsx-by-org"))?;
    let orgs = Table {
        columns: vec![
            Column::new(t.t("vote-breakdown-org")),
            Column::new(t.t("report-count")),
        ],
        rows: r
            .by_org
            .iter()
            .map(|(label, n)| vec![Cell::text(label), Cell::count(*n)])
            .collect(),
    };
    row = s.table(row + 1, &orgs)? + 1;
    s.caption(row, &t.t("xlsx-totals"))?;
    let totals = Table {
        columns: vec![
            Column::new(t.t("xlsx-number")),
            Column::new(t.t("xlsx-step")),
            Column::wrapped(t.t("xlsx-activity")),
            Column::new(t.t("xlsx-kind")),
            Column::new(t.t("xlsx-respondents")),
            Column::wrapped(t.t("xlsx-headline")),
            Column::new(t.t("report-count")),
            Column::new(t.t("xlsx-percent")),
            Column::new(t.t("xlsx-sheet")),
        ],
        rows: r
            .activities
            .iter()
            .zip(sheets)
            .enumerate()
            .map(|(n, (a, sheet))| {
                let (text, number, share) = headline(a, cx);
                let respondents = match a.results {
                    Results::Items(_) | Results::Board(_) => Cell::Empty,
                    _ => Cell::count(a.respondents),
                };
                vec![
                    Cell::count(n as u64 + 1),
                    Cell::text(&a.step),
                    Cell::text(&a.view.title),
                    Cell::text(&a.view.kind_label),
                    respondents,
                    text,
                    number,
                    share,
                    Cell::text(sheet),
                ]
            })
            .collect(),
    };
    s.table(row + 1, &totals)?;
    s.filter(row + 1, &totals)?;
    s.finish()
}

/// The session's start as a clock in the Netherlands showed it.
fn local_time(ms: i64) -> Option<jiff::civil::DateTime> {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").ok()?;
    Some(
        jiff::Timestamp::from_millisecond(ms)
            .ok()?
            .to_zoned(tz)
            .datetime(),
    )
}

/// What an activity came to, in one row: a text (the top option, the
/// winner, the most supported item), a number (its count, the mean, the
/// number of texts or items) and, where it has one, its share.
pub fn headline(a: &ReportActivity, cx: &Ctx) -> (Cell, Cell, Cell) {
    let t = &cx.t;
    let top = |pairs: Vec<(&str, u64)>| -> (Cell, u64) {
        let max = pairs.iter().map(|p| p.1).max().unwrap_or(0);
        if max == 0 {
            return (Cell::Empty, 0);
        }
        // A tie names every option that shares the top.
        let labels: Vec<&str> = pairs.iter().filter(|p| p.1 == max).map(|p| p.0).collect();
        (Cell::text(labels.join(" / ")), max)
    };
    match &a.results {
        Results::Bars(bars) => {
            let (text, n) = top(bars.iter().map(|b| (b.label.as_str(), b.count)).collect());
            (text, Cell::count(n), Cell::share(n, a.respondents))
        }
        Results::Scale { bars, .. } => (
            Cell::text(t.t("report-mean")),
            scale_mean(bars),
            Cell::Empty,
        ),
        Results::Words(words) => {
            let (text, n) = top(words.iter().map(|w| (w.word.as_str(), w.count)).collect());
            (text, Cell::count(n), Cell::share(n, a.respondents))
        }
        Results::Texts(texts) => (Cell::Empty, Cell::count(texts.len() as u64), Cell::Empty),
        Results::Estimates { median, .. } => (
            Cell::text(t.t("estimate-median")),
            median.as_deref().map(Cell::parsed).unwrap_or(Cell::Empty),
            Cell::Empty,
        ),
        Results::Consent(rows) => {
            // The wording most people can go along with (agree or live with it).
            let (text, n) = top(rows
                .iter()
                .map(|r| (r.text.as_str(), r.counts[0] + r.counts[1]))
                .collect());
            (text, Cell::count(n), Cell::share(n, a.respondents))
        }
        Results::Vote(v) => {
            let winners: Vec<&str> = v
                .lines
                .iter()
                .filter(|l| l.rank.trim_end_matches('=') == "1" && l.total > 0)
                .map(|l| l.label.as_str())
                .collect();
            match v.lines.first().filter(|_| !winners.is_empty()) {
                Some(l) => (
                    Cell::text(winners.join(" / ")),
                    Cell::count(l.total),
                    Cell::Pct(l.share as f64 / 100.0),
                ),
                None => (Cell::Empty, Cell::Empty, Cell::Empty),
            }
        }
        Results::Items(groups) => {
            // The first of the most supported items, if any has support.
            let mut most: Option<&ItemView> = None;
            let mut count = 0;
            for i in groups.iter().flat_map(|g| &g.items) {
                count += 1;
                if i.marks > most.map_or(0, |m| m.marks) {
                    most = Some(i);
                }
            }
            (
                most.map(|i| Cell::text(&i.text)).unwrap_or(Cell::Empty),
                Cell::count(count),
                Cell::Empty,
            )
        }
        Results::Matrix(g) => (Cell::Empty, Cell::count(g.total as u64), Cell::Empty),
        Results::Board(b) => {
            let (text, n) = top(b
                .categories
                .iter()
                .map(|c| (c.name.as_str(), c.items.len() as u64))
                .collect());
            (text, Cell::count(n), Cell::Empty)
        }
    }
}
