//! The Preventiematrix itself: the preventive offer counted on two axes of
//! the policy officer's choosing (prevention level × age group is the classic
//! one), each cell holding the activities that belong in it with their reach
//! and cost.
//!
//! An activity in several age groups (themes, providers, …) is counted in
//! every cell it belongs to, so cells do not add up to the number of
//! activities; [`Matrix::total_offers`] counts each once. Every item of a list
//! is a header even when its row or column is empty — the empty cells are
//! what the matrix is for. Keys an activity still uses after they were
//! removed from the list (or a provider since deleted) become extra headers
//! at the end, labelled with the key, so no activity silently disappears.

use serde::{Deserialize, Serialize};

use super::analysis::FastMap;
use super::lists::{ListKind, fold};
use super::model::{Actor, Evidence, Form, Inventory, Offer, Partner, PreventionLevel};
use crate::ids::{OfferId, PartnerId, ResultId};

#[cfg(test)]
mod tests;

/// A dimension of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    /// Prevention level, universal to care-related.
    Level,
    /// Age group (list).
    AgeGroup,
    /// Theme (list).
    Theme,
    /// Setting (list).
    Setting,
    /// Risk or protective factor (list).
    Factor,
    /// Providing partner.
    Partner,
    /// Societal result contributed to.
    Result,
    /// Who carries it out: citizens, the approach, partners.
    Actor,
    /// Individual, group or both.
    Form,
    /// What is known of its effect.
    Evidence,
}

impl Axis {
    /// Every axis, in the order a form offers them.
    pub const ALL: [Axis; 10] = [
        Axis::Level,
        Axis::AgeGroup,
        Axis::Theme,
        Axis::Setting,
        Axis::Factor,
        Axis::Partner,
        Axis::Result,
        Axis::Actor,
        Axis::Form,
        Axis::Evidence,
    ];

    /// Stable key, for URLs and translations.
    pub fn key(self) -> &'static str {
        match self {
            Axis::Level => "level",
            Axis::AgeGroup => "age_group",
            Axis::Theme => "theme",
            Axis::Setting => "setting",
            Axis::Factor => "factor",
            Axis::Partner => "partner",
            Axis::Result => "result",
            Axis::Actor => "actor",
            Axis::Form => "form",
            Axis::Evidence => "evidence",
        }
    }

    /// Parses a key.
    pub fn parse(s: &str) -> Option<Axis> {
        Axis::ALL.into_iter().find(|a| a.key() == s)
    }

    /// Whether the axis's values are enum keys the web layer translates
    /// (rather than labels from the workspace's data).
    pub fn translate(self) -> bool {
        matches!(
            self,
            Axis::Level | Axis::Actor | Axis::Form | Axis::Evidence
        )
    }

    /// The list behind a list axis.
    fn list(self) -> Option<ListKind> {
        match self {
            Axis::AgeGroup => Some(ListKind::AgeGroup),
            Axis::Theme => Some(ListKind::Theme),
            Axis::Setting => Some(ListKind::Setting),
            Axis::Factor => Some(ListKind::Factor),
            _ => None,
        }
    }

    /// The headers every inventory has on this axis, in display order.
    fn base_headers(self, inv: &Inventory) -> Vec<Header> {
        fn keyed(keys: impl Iterator<Item = &'static str>) -> Vec<Header> {
            keys.map(|k| Header::new(k, k, true)).collect()
        }
        match self {
            Axis::Level => keyed(PreventionLevel::ALL.iter().map(|l| l.key())),
            Axis::Actor => keyed(Actor::ALL.iter().map(|a| a.key())),
            Axis::Form => keyed(Form::ALL.iter().map(|f| f.key())),
            Axis::Evidence => keyed(Evidence::ALL.iter().map(|e| e.key())),
            Axis::Partner => partners_by_name(inv)
                .into_iter()
                .map(|p| Header::new(&p.id.to_string(), &p.name, false))
                .collect(),
            Axis::Result => inv
                .results
                .iter()
                .map(|r| Header::new(&r.id.to_string(), &r.title, false))
                .collect(),
            Axis::AgeGroup | Axis::Theme | Axis::Setting | Axis::Factor => self
                .list()
                .map(|kind| inv.lists.get(kind))
                .unwrap_or_default()
                .iter()
                .map(|i| Header::new(&i.key, &i.label, false))
                .collect(),
        }
    }

    /// Calls `f` with each key the activity has on this axis, once each.
    /// Ids are written into a buffer, so nothing is allocated.
    pub(crate) fn each_key(self, offer: &Offer, mut f: impl FnMut(&str)) {
        let mut id = |uuid: &uuid::Uuid| {
            let mut buffer = uuid::Uuid::encode_buffer();
            f(uuid.hyphenated().encode_lower(&mut buffer));
        };
        match self {
            Axis::Level => f(offer.level.key()),
            Axis::Actor => f(offer.actor.key()),
            Axis::Form => f(offer.form.key()),
            Axis::Evidence => f(offer.evidence.key()),
            Axis::AgeGroup => each_unique(&offer.age_groups, |k| k, f),
            Axis::Theme => each_unique(&offer.themes, |k| k, f),
            Axis::Setting => each_unique(&offer.settings, |k| k, f),
            Axis::Factor => each_unique(&offer.factors, |k| k, f),
            Axis::Partner => each_unique(&offer.providers, |p| p, |p| id(&p.0)),
            Axis::Result => each_unique(&offer.results, |l| &l.result, |r| id(&r.0)),
        }
    }
}

/// Calls `f` with each item whose `key` did not occur before it (lists on
/// an activity are short: a linear check beats hashing).
fn each_unique<T, K: PartialEq + ?Sized>(
    items: &[T],
    key: impl Fn(&T) -> &K,
    mut f: impl FnMut(&K),
) {
    for (i, item) in items.iter().enumerate() {
        let k = key(item);
        if !items[..i].iter().any(|earlier| key(earlier) == k) {
            f(k);
        }
    }
}

/// The partners in name order (case- and accent-insensitively, then by id).
pub(crate) fn partners_by_name(inv: &Inventory) -> Vec<&Partner> {
    let mut partners: Vec<(String, &Partner)> =
        inv.partners.iter().map(|p| (fold(&p.name), p)).collect();
    partners.sort_by(|(a, pa), (b, pb)| a.cmp(b).then(pa.id.cmp(&pb.id)));
    partners.into_iter().map(|(_, p)| p).collect()
}

/// Which activities to count. The default counts all of them; each field
/// set narrows to the activities that have that value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Only activities with this theme key.
    pub theme: Option<String>,
    /// Only activities contributing to this result.
    pub result: Option<ResultId>,
    /// Only activities this partner provides (alone or with others).
    pub partner: Option<PartnerId>,
    /// Only activities with this evidence status.
    pub evidence: Option<Evidence>,
    /// Only activities at this prevention level.
    pub level: Option<PreventionLevel>,
    /// Only activities for this age-group key.
    pub age_group: Option<String>,
    /// Only activities running in this year ([`Offer::runs_in`]).
    pub year: Option<i16>,
}

impl Filter {
    /// Whether the activity passes every condition set.
    pub fn matches(&self, offer: &Offer) -> bool {
        self.theme.as_ref().is_none_or(|t| offer.themes.contains(t))
            && self
                .result
                .is_none_or(|r| offer.results.iter().any(|l| l.result == r))
            && self.partner.is_none_or(|p| offer.providers.contains(&p))
            && self.evidence.is_none_or(|e| offer.evidence == e)
            && self.level.is_none_or(|l| offer.level == l)
            && self
                .age_group
                .as_ref()
                .is_none_or(|a| offer.age_groups.contains(a))
            && self.year.is_none_or(|y| offer.runs_in(y))
    }
}

/// A row or column heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Stable key: a list key, an enum key, or a partner's or result's id.
    pub key: String,
    /// What to show: a list label, a partner's name, a result's title, or
    /// (for enum axes and keys no longer on their list) the key.
    pub label: String,
    /// The label is an enum key for the web layer to translate.
    pub translate: bool,
}

impl Header {
    pub(crate) fn new(key: &str, label: &str, translate: bool) -> Header {
        Header {
            key: key.to_owned(),
            label: label.to_owned(),
            translate,
        }
    }
}

/// One cell: the activities in it, with their summed reach and cost
/// (unknown values count as 0).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// The activities, in inventory order.
    pub offers: Vec<OfferId>,
    /// Summed reach per year.
    pub reach: u64,
    /// Summed annual cost in euros.
    pub cost: u64,
}

/// The offer counted on two axes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matrix {
    /// Row headings.
    pub rows: Vec<Header>,
    /// Column headings.
    pub cols: Vec<Header>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<Cell>>,
    /// The most activities in one cell (for the colour scale).
    pub max_count: usize,
    /// The highest reach of one cell.
    pub max_reach: u64,
    /// Activities that passed the filter, each counted once.
    pub total_offers: usize,
    /// Of those, activities in no cell because they have no value on one of
    /// the axes (no theme, no result, …).
    pub unplaced: usize,
}

impl Matrix {
    /// The cell at a row key and column key.
    pub fn cell(&self, row: &str, col: &str) -> Option<&Cell> {
        let r = self.rows.iter().position(|h| h.key == row)?;
        let c = self.cols.iter().position(|h| h.key == col)?;
        self.cells.get(r)?.get(c)
    }
}

/// Counts the activities that pass `filter` on `rows` × `cols`.
pub fn matrix(inv: &Inventory, rows: Axis, cols: Axis, filter: &Filter) -> Matrix {
    let offers: Vec<&Offer> = inv.offers.iter().filter(|o| filter.matches(o)).collect();
    count(inv, &offers, rows, cols)
}

/// Counts the given activities on `rows` × `cols`.
pub(crate) fn count(inv: &Inventory, offers: &[&Offer], rows: Axis, cols: Axis) -> Matrix {
    let (row_headers, row_index) = headers(inv, offers, rows);
    let (col_headers, col_index) = headers(inv, offers, cols);
    let mut cells = vec![vec![Cell::default(); col_headers.len()]; row_headers.len()];
    let mut unplaced = 0;
    let (mut rs, mut cs): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for offer in offers {
        rs.clear();
        cs.clear();
        rows.each_key(offer, |k| rs.extend(row_index.get(k)));
        cols.each_key(offer, |k| cs.extend(col_index.get(k)));
        if rs.is_empty() || cs.is_empty() {
            unplaced += 1;
            continue;
        }
        for &r in &rs {
            for &c in &cs {
                let cell = &mut cells[r][c];
                cell.offers.push(offer.id);
                cell.reach = cell.reach.saturating_add(offer.reach.unwrap_or(0));
                cell.cost = cell.cost.saturating_add(offer.cost.unwrap_or(0));
            }
        }
    }
    let max_count = cells
        .iter()
        .flatten()
        .map(|c| c.offers.len())
        .max()
        .unwrap_or(0);
    let max_reach = cells.iter().flatten().map(|c| c.reach).max().unwrap_or(0);
    Matrix {
        rows: row_headers,
        cols: col_headers,
        cells,
        max_count,
        max_reach,
        total_offers: offers.len(),
        unplaced,
    }
}

/// The given activities counted on one axis: each header with the number
/// of activities that have its key.
pub(crate) fn tally(inv: &Inventory, offers: &[&Offer], axis: Axis) -> Vec<(Header, usize)> {
    let (headers, index) = headers(inv, offers, axis);
    let mut counts = vec![0_usize; headers.len()];
    for offer in offers {
        axis.each_key(offer, |k| {
            if let Some(&i) = index.get(k) {
                counts[i] += 1;
            }
        });
    }
    headers.into_iter().zip(counts).collect()
}

/// The axis's headers: its base headers, then the keys the activities use
/// that are not among them, sorted; with each key's position.
fn headers(
    inv: &Inventory,
    offers: &[&Offer],
    axis: Axis,
) -> (Vec<Header>, FastMap<String, usize>) {
    let mut headers = axis.base_headers(inv);
    let mut index: FastMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.key.clone(), i))
        .collect();
    let mut extra: Vec<String> = Vec::new();
    for offer in offers {
        axis.each_key(offer, |k| {
            if !index.contains_key(k) {
                extra.push(k.to_owned());
            }
        });
    }
    extra.sort_unstable();
    extra.dedup();
    for key in extra {
        headers.push(Header::new(&key, &key, false));
        index.insert(key, headers.len() - 1);
    }
    (headers, index)
}

/// A colour class from 0 to 4 for a cell of `count` activities when the
/// fullest cell has `max`: 0 only for an empty cell, otherwise the quarter
/// of `max` the count falls in (1: up to a quarter, 4: above three quarters).
pub fn intensity(count: usize, max: usize) -> u8 {
    if count == 0 {
        return 0;
    }
    let max = max.max(count);
    // ceil(4 × count / max), from 1 to 4.
    let class = (4 * count).div_ceil(max);
    u8::try_from(class.clamp(1, 4)).unwrap_or(4)
}
