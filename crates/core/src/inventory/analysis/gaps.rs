//! Question 1, first half: what is missing? Empty cells of the classic
//! matrix (prevention level × age group), and results, age groups, levels,
//! themes and factors that no current activity addresses, and activities
//! that state no result they contribute to.

use serde::{Deserialize, Serialize};

use crate::ids::{OfferId, ResultId};
use crate::inventory::lists::{FactorKind, ListItem};
use crate::inventory::model::{Inventory, Offer, PreventionLevel};

/// A cell of prevention level × age group.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LevelAge {
    /// The level.
    pub level: PreventionLevel,
    /// The age-group key.
    pub age_group: String,
}

/// What no current activity covers. Keys and levels follow list and enum
/// order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gaps {
    /// Level × age-group cells without activity (levels outer, age groups
    /// inner, both in list order).
    pub empty_cells: Vec<LevelAge>,
    /// Cells in the level × age-group matrix (levels × age groups on the list).
    pub cells: usize,
    /// Results no activity contributes to.
    pub results_without_offer: Vec<ResultId>,
    /// Activities linked to no result: what they contribute to is not
    /// stated (*wat lijkt weinig bij te dragen*), in inventory order.
    pub offers_without_result: Vec<OfferId>,
    /// Age groups (keys) without activity.
    pub age_groups_without_offer: Vec<String>,
    /// Prevention levels without activity.
    pub levels_without_offer: Vec<PreventionLevel>,
    /// Risk factors (keys) no activity addresses.
    pub risk_factors_unaddressed: Vec<String>,
    /// Protective factors (keys) no activity addresses.
    pub protective_factors_unaddressed: Vec<String>,
    /// Themes (keys) without activity.
    pub themes_without_offer: Vec<String>,
}

/// The gaps left by `offers` (the current ones).
pub(super) fn gaps(inv: &Inventory, offers: &[&Offer]) -> Gaps {
    let lists = &inv.lists;
    let covered = |level: PreventionLevel, age: &str| {
        offers
            .iter()
            .any(|o| o.level == level && o.age_groups.iter().any(|a| a == age))
    };
    let empty_cells = PreventionLevel::ALL
        .iter()
        .flat_map(|&level| {
            lists
                .age_groups
                .iter()
                .filter(move |age| !covered(level, &age.key))
                .map(move |age| LevelAge {
                    level,
                    age_group: age.key.clone(),
                })
        })
        .collect();
    let unused = |items: &[ListItem], keys: fn(&Offer) -> &[String]| -> Vec<String> {
        items
            .iter()
            .filter(|i| !offers.iter().any(|o| keys(o).contains(&i.key)))
            .map(|i| i.key.clone())
            .collect()
    };
    let factors_of = |kind: FactorKind| -> Vec<ListItem> {
        lists
            .factors
            .iter()
            .filter(|f| f.factor == Some(kind))
            .cloned()
            .collect()
    };
    Gaps {
        empty_cells,
        cells: PreventionLevel::ALL.len() * lists.age_groups.len(),
        results_without_offer: inv
            .results
            .iter()
            .filter(|r| {
                !offers
                    .iter()
                    .any(|o| o.results.iter().any(|l| l.result == r.id))
            })
            .map(|r| r.id)
            .collect(),
        offers_without_result: offers
            .iter()
            .filter(|o| o.results.is_empty())
            .map(|o| o.id)
            .collect(),
        age_groups_without_offer: unused(&lists.age_groups, |o| &o.age_groups),
        levels_without_offer: PreventionLevel::ALL
            .iter()
            .copied()
            .filter(|&l| !offers.iter().any(|o| o.level == l))
            .collect(),
        risk_factors_unaddressed: unused(&factors_of(FactorKind::Risk), |o| &o.factors),
        protective_factors_unaddressed: unused(&factors_of(FactorKind::Protective), |o| &o.factors),
        themes_without_offer: unused(&lists.themes, |o| &o.themes),
    }
}
