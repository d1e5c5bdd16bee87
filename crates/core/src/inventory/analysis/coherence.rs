//! Question 3: is the offer coherent? Which partners work on which result,
//! and does the work on a result run from universal prevention to
//! care-related without missing levels? Partners sharing a result are
//! linked, for a network picture.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Ranks;
use crate::ids::{OfferId, PartnerId, ResultId};
use crate::inventory::matrix::{Axis, Matrix, count};
use crate::inventory::model::{Inventory, Offer, PreventionLevel};

/// Activities at one prevention level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCount {
    /// The level.
    pub level: PreventionLevel,
    /// Activities at it.
    pub count: usize,
}

/// Who works on a result, and at which levels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultCoverage {
    /// The result.
    pub result: ResultId,
    /// Activities contributing to it, in inventory order.
    pub offers: Vec<OfferId>,
    /// Their providers, in name order.
    pub partners: Vec<PartnerId>,
    /// Every level from universal to care-related, with its activities.
    pub levels: Vec<LevelCount>,
    /// Levels without activity for this result.
    pub levels_missing: Vec<PreventionLevel>,
    /// Every level has an activity: a continuous line.
    pub continuous: bool,
}

/// Two partners working on the same results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// The partner first by name.
    pub a: PartnerId,
    /// The other.
    pub b: PartnerId,
    /// Number of results they share.
    pub weight: usize,
    /// The shared results, in result order.
    pub results: Vec<ResultId>,
}

/// The coherence of the current offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coherence {
    /// Partner × result: each cell's activities (count = `offers.len()`).
    pub partner_results: Matrix,
    /// Per result, in result order.
    pub results: Vec<ResultCoverage>,
    /// Partners linked by shared results, heaviest first.
    pub edges: Vec<Edge>,
}

/// The coherence of `offers` (the current ones).
pub(super) fn coherence(inv: &Inventory, offers: &[&Offer], ranks: &Ranks) -> Coherence {
    let results: Vec<ResultCoverage> = inv
        .results
        .iter()
        .map(|r| {
            let linked: Vec<&Offer> = offers
                .iter()
                .copied()
                .filter(|o| o.results.iter().any(|l| l.result == r.id))
                .collect();
            let mut partners: Vec<PartnerId> = linked
                .iter()
                .flat_map(|o| o.providers.iter().copied())
                .collect();
            partners.sort_unstable();
            partners.dedup();
            partners.sort_by(|a, b| ranks.partner_cmp(*a, *b));
            let levels: Vec<LevelCount> = PreventionLevel::ALL
                .iter()
                .map(|&level| LevelCount {
                    level,
                    count: linked.iter().filter(|o| o.level == level).count(),
                })
                .collect();
            let levels_missing: Vec<PreventionLevel> = levels
                .iter()
                .filter(|l| l.count == 0)
                .map(|l| l.level)
                .collect();
            ResultCoverage {
                result: r.id,
                offers: linked.iter().map(|o| o.id).collect(),
                partners,
                continuous: levels_missing.is_empty(),
                levels,
                levels_missing,
            }
        })
        .collect();

    let mut shared: HashMap<(PartnerId, PartnerId), Vec<ResultId>> = HashMap::new();
    for r in &results {
        for (i, &a) in r.partners.iter().enumerate() {
            for &b in &r.partners[i + 1..] {
                shared.entry((a, b)).or_default().push(r.result);
            }
        }
    }
    let mut edges: Vec<Edge> = shared
        .into_iter()
        .map(|((a, b), results)| Edge {
            a,
            b,
            weight: results.len(),
            results,
        })
        .collect();
    edges.sort_by(|x, y| {
        y.weight
            .cmp(&x.weight)
            .then_with(|| ranks.partner_cmp(x.a, y.a))
            .then_with(|| ranks.partner_cmp(x.b, y.b))
    });

    Coherence {
        partner_results: count(inv, offers, Axis::Partner, Axis::Result),
        results,
        edges,
    }
}
