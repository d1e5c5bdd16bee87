//! Question 2: is the offer diverse enough? Counts per age group, form,
//! theme, setting and factor, how many activities reach individuals and
//! groups, the balance of risk and protective factors, and per dimension a
//! simple spread measure.
//!
//! # Spread
//!
//! For a dimension with `k` items (the list's items plus keys in use that
//! are no longer on it) and `c_i` activities per item:
//! - *coverage* = items with at least one activity / `k`;
//! - *evenness* = Pielou's normalized Shannon evenness `H / ln k`, with
//!   `p_i = c_i / Σc` and `H = −Σ p_i ln p_i` over the items with `c_i > 0`.
//!   1 when every item has as many activities as the others, towards 0 when
//!   nearly all are on one item. Empty items count in `k`, so a dimension
//!   that leaves items out cannot be perfectly even. With `k = 1` it is 1,
//!   without activities 0.

use serde::{Deserialize, Serialize};

use super::{FastMap, ratio};
use crate::inventory::lists::FactorKind;
use crate::inventory::matrix::{Axis, Header, tally};
use crate::inventory::model::{Inventory, Offer};

/// An item and its number of activities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The item (a list item, or an enum key to translate).
    #[serde(flatten)]
    pub item: Header,
    /// Activities with it.
    pub count: usize,
}

/// The counts of one dimension and how evenly they spread.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// Per item, in list (or enum) order; keys no longer on the list last.
    pub items: Vec<Tally>,
    /// Items with at least one activity.
    pub covered: usize,
    /// `covered / items` (0..1).
    pub coverage: f64,
    /// Normalized Shannon evenness (0..1), see the module documentation.
    pub evenness: f64,
}

/// How many activities address risk factors, protective factors, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorBalance {
    /// Addressing at least one risk factor.
    pub risk: usize,
    /// Addressing at least one protective factor.
    pub protective: usize,
    /// Addressing both kinds.
    pub both: usize,
    /// Only risk factors.
    pub risk_only: usize,
    /// Only protective factors.
    pub protective_only: usize,
    /// Neither (no factor on the list).
    pub neither: usize,
}

/// The spread of the current offer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Diversity {
    /// Activities considered.
    pub offers: usize,
    /// Per age group.
    pub age_groups: Spread,
    /// Per form: individual, group, both.
    pub forms: Spread,
    /// Activities reaching individuals (individual or both).
    pub reaches_individuals: usize,
    /// Activities reaching groups (group or both).
    pub reaches_groups: usize,
    /// Per theme.
    pub themes: Spread,
    /// Per setting.
    pub settings: Spread,
    /// Per factor (risk and protective together; see the lists for which
    /// is which).
    pub factors: Spread,
    /// Risk versus protective.
    pub factor_balance: FactorBalance,
}

/// The diversity of `offers` (the current ones).
pub(super) fn diversity(inv: &Inventory, offers: &[&Offer]) -> Diversity {
    let spread = |axis| spread(tally(inv, offers, axis));
    let kinds: FastMap<&str, FactorKind> = inv
        .lists
        .factors
        .iter()
        .filter_map(|f| Some((f.key.as_str(), f.factor?)))
        .collect();
    let kind = |key: &str| kinds.get(key).copied();
    let mut balance = FactorBalance::default();
    for o in offers {
        let risk = o.factors.iter().any(|f| kind(f) == Some(FactorKind::Risk));
        let protective = o
            .factors
            .iter()
            .any(|f| kind(f) == Some(FactorKind::Protective));
        let counter = match (risk, protective) {
            (true, true) => &mut balance.both,
            (true, false) => &mut balance.risk_only,
            (false, true) => &mut balance.protective_only,
            (false, false) => &mut balance.neither,
        };
        *counter += 1;
    }
    balance.risk = balance.both + balance.risk_only;
    balance.protective = balance.both + balance.protective_only;
    Diversity {
        offers: offers.len(),
        age_groups: spread(Axis::AgeGroup),
        forms: spread(Axis::Form),
        reaches_individuals: offers.iter().filter(|o| o.form.individual()).count(),
        reaches_groups: offers.iter().filter(|o| o.form.group()).count(),
        themes: spread(Axis::Theme),
        settings: spread(Axis::Setting),
        factors: spread(Axis::Factor),
        factor_balance: balance,
    }
}

/// Coverage and evenness of the counts.
pub(super) fn spread(counts: Vec<(Header, usize)>) -> Spread {
    let k = counts.len();
    let covered = counts.iter().filter(|(_, c)| *c > 0).count();
    let total: usize = counts.iter().map(|(_, c)| c).sum();
    let evenness = if total == 0 {
        0.0
    } else if k <= 1 {
        1.0
    } else {
        let n = total as f64;
        let h: f64 = counts
            .iter()
            .filter(|(_, c)| *c > 0)
            .map(|(_, c)| {
                let p = *c as f64 / n;
                -p * p.ln()
            })
            .sum();
        (h / (k as f64).ln()).clamp(0.0, 1.0)
    };
    Spread {
        items: counts
            .into_iter()
            .map(|(item, count)| Tally { item, count })
            .collect(),
        covered,
        coverage: ratio(covered as f64, k as f64),
        evenness,
    }
}
