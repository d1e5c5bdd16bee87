//! The Preventiematrix page: the offer counted on two axes (prevention level
//! × age group by default), each cell with its count and its activities,
//! coloured by count or reach, filtered by theme, result, partner or
//! evidence. It prints on one landscape page and is also a sheet of the
//! xlsx export.

use super::access::Member;
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
use koers_core::inventory::matrix::{Axis, Filter, Matrix, intensity, matrix};
use koers_core::inventory::{Evidence, Inventory};
use serde::Deserialize;

/// The query of the matrix page (all optional).
#[derive(Deserialize, Default, Clone, Debug)]
pub struct MatrixQuery {
    #[serde(default)]
    rows: String,
    #[serde(default)]
    cols: String,
    #[serde(default)]
    color: String,
    #[serde(default)]
    theme: String,
    #[serde(default)]
    result: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    evidence: String,
    /// A year (the activities running then), `all`, or empty: this year.
    #[serde(default)]
    pub(super) year: String,
}

/// One cell as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct CellView {
    /// Count of activities.
    pub count: usize,
    /// Reach, summed.
    pub reach: u64,
    /// Heat class 0..=4.
    pub heat: u8,
    /// The activities: id and name.
    pub offers: Vec<(String, String)>,
}

/// A header as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderView {
    /// Label (translated for enum axes).
    pub label: String,
}

/// An option of a select.
#[derive(Debug)]
pub struct Opt {
    /// Value.
    pub value: String,
    /// Label.
    pub label: String,
    /// Selected.
    pub selected: bool,
}

/// A select of the filter form.
#[derive(Debug)]
pub struct SelectView {
    /// Field name.
    pub name: &'static str,
    /// Label.
    pub label: String,
    /// Options.
    pub options: Vec<Opt>,
}

/// The counted matrix as every view shows it: the page, its picture, the
/// report and the projector.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// Caption: rows × columns.
    pub caption: String,
    /// Column headers.
    pub cols: Vec<HeaderView>,
    /// Rows: header and cells.
    pub rows: Vec<(HeaderView, Vec<CellView>)>,
    /// Activities counted (after filters).
    pub total: usize,
    /// Empty cells.
    pub empty: usize,
}

/// The matrix page.
#[derive(Template)]
#[template(path = "inventory/matrix.html")]
pub struct MatrixPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: super::views::Nav,
    /// The matrix.
    pub grid: Grid,
    /// Filter selects.
    pub selects: Vec<SelectView>,
    /// Colouring by reach.
    pub by_reach: bool,
    /// The page's query, for the downloads of the same view.
    pub query: String,
}

impl MatrixQuery {
    /// As a URL query (without `?`), leaving out what is not set.
    fn encoded(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("rows", &self.rows),
            ("cols", &self.cols),
            ("color", &self.color),
            ("theme", &self.theme),
            ("result", &self.result),
            ("partner", &self.partner),
            ("evidence", &self.evidence),
            ("year", &self.year),
        ] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }
}

fn axis_label(t: &Tr, a: Axis) -> String {
    t.t(&format!("inv-axis-{}", a.key()))
}

/// A header's label: enum axes are translated.
pub(super) fn header_label(
    t: &Tr,
    axis: Axis,
    h: &koers_core::inventory::matrix::Header,
) -> String {
    if h.translate {
        let prefix = match axis {
            Axis::Level => "inv-level",
            Axis::Actor => "inv-actor",
            Axis::Form => "inv-form",
            Axis::Evidence => "inv-evidence",
            _ => return h.label.clone(),
        };
        t.t(&format!("{prefix}-{}", h.key))
    } else {
        h.label.clone()
    }
}

/// The filter of a query.
pub(super) fn filter_of(q: &MatrixQuery) -> Filter {
    Filter {
        theme: (!q.theme.is_empty()).then(|| q.theme.clone()),
        result: q.result.parse().ok(),
        partner: q.partner.parse().ok(),
        evidence: Evidence::parse(&q.evidence),
        year: year_of(q),
        ..Filter::default()
    }
}

/// The year whose running activities are counted: the one asked for, this
/// year when none is, and none (every activity) for `all`.
pub(super) fn year_of(q: &MatrixQuery) -> Option<i16> {
    if q.year == "all" {
        None
    } else {
        Some(super::analysis::parse_year(&q.year).unwrap_or_else(super::analysis::this_year))
    }
}

/// The axes of a query (level × age group when not given or unknown).
pub(super) fn axes_of(q: &MatrixQuery) -> (Axis, Axis) {
    let rows = Axis::parse(&q.rows).unwrap_or(Axis::Level);
    let cols = Axis::parse(&q.cols).unwrap_or(Axis::AgeGroup);
    if rows == cols {
        (Axis::Level, Axis::AgeGroup)
    } else {
        (rows, cols)
    }
}

fn select(
    name: &'static str,
    label: String,
    current: &str,
    options: Vec<(String, String)>,
) -> SelectView {
    SelectView {
        name,
        label,
        options: options
            .into_iter()
            .map(|(value, label)| Opt {
                selected: value == current,
                value,
                label,
            })
            .collect(),
    }
}

fn selects(t: &Tr, inv: &Inventory, q: &MatrixQuery, rows: Axis, cols: Axis) -> Vec<SelectView> {
    let axes: Vec<(String, String)> = Axis::ALL
        .iter()
        .map(|a| (a.key().to_string(), axis_label(t, *a)))
        .collect();
    let all = (String::new(), t.t("inv-filter-all"));
    let mut themes = vec![all.clone()];
    themes.extend(
        inv.lists
            .themes
            .iter()
            .map(|i| (i.key.clone(), i.label.clone())),
    );
    let mut results = vec![all.clone()];
    results.extend(
        inv.results
            .iter()
            .map(|r| (r.id.to_string(), r.title.clone())),
    );
    let mut partners = vec![all.clone()];
    partners.extend(
        inv.partners
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone())),
    );
    let now = super::analysis::this_year();
    let mut years: Vec<(String, String)> = vec![(
        String::new(),
        t.t1("inv-matrix-year-running", "year", i64::from(now)),
    )];
    years.extend([now - 1, now + 1].iter().map(|y| {
        (
            y.to_string(),
            t.t1("inv-matrix-year-running", "year", i64::from(*y)),
        )
    }));
    years.push(("all".into(), t.t("inv-matrix-year-all")));
    let mut evidence = vec![all];
    evidence.extend(Evidence::ALL.iter().map(|e| {
        (
            e.key().to_string(),
            t.t(&format!("inv-evidence-{}", e.key())),
        )
    }));
    vec![
        select("rows", t.t("inv-matrix-rows"), rows.key(), axes.clone()),
        select("cols", t.t("inv-matrix-cols"), cols.key(), axes),
        select("theme", t.t("inv-field-themes"), &q.theme, themes),
        select("result", t.t("inv-field-results"), &q.result, results),
        select("partner", t.t("inv-filter-partner"), &q.partner, partners),
        select("evidence", t.t("inv-field-evidence"), &q.evidence, evidence),
        select("year", t.t("inv-an-year"), &q.year, years),
        select(
            "color",
            t.t("inv-matrix-color"),
            &q.color,
            vec![
                ("".into(), t.t("inv-matrix-color-count")),
                ("reach".into(), t.t("inv-matrix-color-reach")),
            ],
        ),
    ]
}

/// Counts `inv` on two axes with `filter`, coloured by count or reach.
pub fn grid(
    t: &Tr,
    inv: &Inventory,
    (rows_axis, cols_axis): (Axis, Axis),
    filter: &Filter,
    by_reach: bool,
) -> Grid {
    let m: Matrix = matrix(inv, rows_axis, cols_axis, filter);
    let names: std::collections::HashMap<_, _> =
        inv.offers.iter().map(|o| (o.id, o.name.as_str())).collect();
    let mut empty = 0;
    let rows = m
        .rows
        .iter()
        .zip(&m.cells)
        .map(|(h, cells)| {
            let cells = cells
                .iter()
                .map(|c| {
                    let count = c.offers.len();
                    if count == 0 {
                        empty += 1;
                    }
                    // Reach colours by its share of the largest cell, in the
                    // same five steps; a cell without activities stays white.
                    let heat = if by_reach && count > 0 {
                        intensity(
                            c.reach.min(usize::MAX as u64) as usize,
                            m.max_reach.min(usize::MAX as u64) as usize,
                        )
                        .max(1)
                    } else {
                        intensity(count, m.max_count)
                    };
                    CellView {
                        count,
                        reach: c.reach,
                        heat,
                        offers: c
                            .offers
                            .iter()
                            .map(|id| {
                                (
                                    id.to_string(),
                                    names.get(id).copied().unwrap_or_default().to_string(),
                                )
                            })
                            .collect(),
                    }
                })
                .collect();
            (
                HeaderView {
                    label: header_label(t, rows_axis, h),
                },
                cells,
            )
        })
        .collect();
    Grid {
        caption: format!(
            "{} × {}",
            axis_label(t, rows_axis),
            axis_label(t, cols_axis)
        ),
        cols: m
            .cols
            .iter()
            .map(|h| HeaderView {
                label: header_label(t, cols_axis, h),
            })
            .collect(),
        rows,
        total: m.total_offers,
        empty,
    }
}

/// The matrix a session's matrix activity shows: the offer running this
/// year on its two axes, coloured by count.
pub(crate) fn session_grid(t: &Tr, inv: &Inventory, rows: Axis, cols: Axis) -> Grid {
    let filter = Filter {
        year: Some(super::analysis::this_year()),
        ..Filter::default()
    };
    grid(t, inv, (rows, cols), &filter, false)
}

/// Builds the page's model (also used by the downloads of the same view).
pub(super) fn page_model(
    t: Tr,
    chrome: Chrome,
    member: &Member,
    inv: &Inventory,
    q: &MatrixQuery,
) -> MatrixPage {
    let axes = axes_of(q);
    let by_reach = q.color == "reach";
    MatrixPage {
        grid: grid(&t, inv, axes, &filter_of(q), by_reach),
        selects: selects(&t, inv, q, axes.0, axes.1),
        by_reach,
        query: q.encoded(),
        nav: nav(member, "matrix"),
        chrome,
        t,
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<MatrixQuery>,
) -> Result<Response, AppError> {
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let chrome = page.chrome(&state, Some(&member.user), "console wide");
    html(page_model(page.tr(), chrome, &member, &inv, &q))
}

/// The matrix route.
pub fn router() -> Router<AppState> {
    Router::new().route("/inventory/matrix", get(show))
}
