//! The analysis page: seed 003's questions answered from the inventory
//! ([`koers_core::inventory::analysis`]), each finding with the activities,
//! partners or results behind it, as a page a policy officer can show in a
//! meeting (and print).

use super::access::Member;
use super::analysis_sections::{
    Names, coherence, contributions, diversity, duplicates, findings, gaps, level, network, pct,
    plain, split_table,
};
use super::matrix::header_label;
use super::offers::nav;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use crate::views::pages::Chrome;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use koers_core::inventory::analysis::Analysis;
use koers_core::inventory::matrix::Axis;
use koers_core::inventory::{Inventory, PreventionLevel};
use serde::Deserialize;

/// A headline figure.
#[derive(Debug)]
pub struct Finding {
    /// The figure.
    pub figure: String,
    /// What it means.
    pub text: String,
}

/// A link to a record.
#[derive(Debug, Clone)]
pub struct Link {
    /// Target (empty: no link).
    pub href: String,
    /// Text.
    pub text: String,
}

/// A labelled count with its share (0–100) for a bar.
#[derive(Debug)]
pub struct Bar {
    /// Label.
    pub label: String,
    /// Count or amount, formatted.
    pub value: String,
    /// Share in percent, rounded.
    pub pct: u32,
}

/// A group of bars with notes.
#[derive(Debug)]
pub struct BarGroup {
    /// Heading.
    pub title: String,
    /// Bars.
    pub bars: Vec<Bar>,
    /// A note under it.
    pub note: String,
}

/// A table: header cells and rows of cells.
#[derive(Debug)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headings (the first is the row headings' column).
    pub head: Vec<String>,
    /// Rows: heading link and cells.
    pub rows: Vec<(Link, Vec<String>)>,
}

/// A list of links under a heading.
#[derive(Debug)]
pub struct LinkList {
    /// Heading.
    pub title: String,
    /// Items.
    pub items: Vec<Link>,
    /// Shown when empty.
    pub empty: String,
}

/// The network picture: partners on a circle, a line per shared result.
#[derive(Debug)]
pub struct Network {
    /// Nodes: label x, node y, label, anchor, label y.
    pub nodes: Vec<(f32, f32, String, &'static str, f32)>,
    /// Edges: x1, y1, x2, y2, stroke width.
    pub edges: Vec<(f32, f32, f32, f32, f32)>,
}

/// The analysis page.
#[derive(Template, Debug)]
#[template(path = "inventory/analysis.html")]
pub struct AnalysisPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: super::views::Nav,
    /// The year analysed.
    pub year: i16,
    /// Headline figures.
    pub findings: Vec<Finding>,
    /// Question 1: gaps.
    pub gaps: Vec<LinkList>,
    /// Question 1: similar activities.
    pub duplicates: Table,
    /// Question 1: partners doing the same for the same group.
    pub overlaps: Table,
    /// Question 2: spreads.
    pub diversity: Vec<BarGroup>,
    /// Question 3: results and the levels they are covered at.
    pub coverage: Table,
    /// Question 3: partner × result.
    pub partner_results: Table,
    /// Question 3: the network picture.
    pub network: Network,
    /// Question 4: shares per level.
    pub levels: Table,
    /// Question 4: per actor.
    pub actors: BarGroup,
    /// Question 4: over the years.
    pub years: Table,
    /// Question 5: activities without funding, ending, of unknown effect.
    pub preconditions: Vec<LinkList>,
    /// Question 5: funding sources.
    pub funding: Table,
    /// Question 6: per partner.
    pub contributions: Table,
}

#[derive(Deserialize, Default)]
struct AnalysisQuery {
    #[serde(default)]
    year: String,
}

/// The page's model for an inventory and its analysis.
pub fn page_model(
    t: Tr,
    chrome: Chrome,
    nav: super::views::Nav,
    inv: &Inventory,
    a: &Analysis,
) -> AnalysisPage {
    let year = a.year;
    let n = Names::new(inv);
    let (dups, overlaps) = duplicates(&t, inv, a, &n);
    let (coverage, partner_results) = coherence(&t, a, &n);
    let p = &a.preventiveness;
    let mut years_head = vec![t.t("inv-an-year")];
    years_head.extend(PreventionLevel::ALL.iter().map(|l| level(&t, *l)));
    let years = Table {
        caption: t.t("inv-an-years-caption"),
        head: years_head,
        rows: p
            .years
            .iter()
            .map(|y| {
                let cells = PreventionLevel::ALL
                    .iter()
                    .map(|l| {
                        y.levels
                            .groups
                            .iter()
                            .find(|g| g.item.key == l.key())
                            .map(|g| format!("{} ({} %)", g.count, pct(g.count_share)))
                            .unwrap_or_default()
                    })
                    .collect();
                (plain(y.year.to_string()), cells)
            })
            .collect(),
    };
    let actors = BarGroup {
        title: t.t("inv-axis-actor"),
        bars: p
            .actors
            .groups
            .iter()
            .map(|g| Bar {
                label: header_label(&t, Axis::Actor, &g.item),
                value: g.count.to_string(),
                pct: pct(g.count_share),
            })
            .collect(),
        note: t.t2(
            "inv-an-unknown-note",
            "reach",
            p.levels.reach_unknown as i64,
            "cost",
            p.levels.cost_unknown as i64,
        ),
    };
    AnalysisPage {
        year,
        findings: findings(&t, a),
        gaps: gaps(&t, inv, a, &n),
        duplicates: dups,
        overlaps,
        diversity: diversity(&t, a),
        coverage,
        partner_results,
        network: network(a, &n),
        levels: split_table(
            &t,
            t.t1("inv-an-levels-caption", "year", i64::from(year)),
            Axis::Level,
            &p.levels,
        ),
        actors,
        years,
        contributions: contributions(&t, inv, a, &n),
        preconditions: super::preconditions::lists(&t, a, &n),
        funding: super::preconditions::funding(&t, a),
        t,
        chrome,
        nav,
    }
}

/// A year to analyse, if `s` is one (1990–2100).
pub(super) fn parse_year(s: &str) -> Option<i16> {
    s.trim()
        .parse::<i16>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
}

/// This year, in the Netherlands.
pub fn this_year() -> i16 {
    jiff::Zoned::now().year()
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<AnalysisQuery>,
) -> Result<Response, AppError> {
    let year = parse_year(&q.year).unwrap_or_else(this_year);
    let (inv, a) = super::analysis_cache::analysis_of(&state, member.workspace.id, year).await?;
    let chrome = page.chrome(&state, Some(&member.user), "console wide");
    html(page_model(
        page.tr(),
        chrome,
        nav(&member, "analysis"),
        &inv,
        &a,
    ))
}

/// The analysis route.
pub fn router() -> Router<AppState> {
    Router::new().route("/inventory/analysis", get(show))
}
