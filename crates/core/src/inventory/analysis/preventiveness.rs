//! Question 4: is the offer preventive enough, and is it shifting towards
//! prevention? The share of each prevention level (and each actor) in the
//! activities of a year, by number, by reach and by cost, and the same per
//! year so the change shows.
//!
//! Shares by reach and cost are over the activities whose reach (cost) is
//! known; how many are unknown is reported next to them, so a share resting
//! on half the activities is seen as such.

use serde::{Deserialize, Serialize};

use super::ratio;
use crate::inventory::matrix::Header;
use crate::inventory::model::{Actor, Offer, PreventionLevel};

/// Most years in [`Preventiveness::years`].
pub const MAX_YEARS: i16 = 10;

/// One group's part of a split.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// The group: an enum key to translate.
    #[serde(flatten)]
    pub item: Header,
    /// Activities.
    pub count: usize,
    /// Their known reach.
    pub reach: u64,
    /// Their known annual cost in euros.
    pub cost: u64,
    /// `count` / all activities (0..1).
    pub count_share: f64,
    /// `reach` / all known reach (0..1).
    pub reach_share: f64,
    /// `cost` / all known cost (0..1).
    pub cost_share: f64,
}

/// Activities split into groups (levels or actors), in enum order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// Activities.
    pub offers: usize,
    /// Their known reach.
    pub reach: u64,
    /// Activities without a reach.
    pub reach_unknown: usize,
    /// Their known annual cost.
    pub cost: u64,
    /// Activities without a cost.
    pub cost_unknown: usize,
    /// Per group, every group listed.
    pub groups: Vec<Share>,
}

/// The split by level in one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearSplit {
    /// The year.
    pub year: i16,
    /// Activities running that year, by level.
    pub levels: Split,
}

/// How preventive the offer is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preventiveness {
    /// The year analysed.
    pub year: i16,
    /// By prevention level, that year.
    pub levels: Split,
    /// By actor (citizens, approach, partners), that year.
    pub actors: Split,
    /// By level per year: from the earliest start or end date (at most
    /// [`MAX_YEARS`] years back) to the year after `year`, oldest first.
    pub years: Vec<YearSplit>,
}

/// The shares of all `offers` per level and actor in `year`, and per level
/// over the years.
pub(super) fn preventiveness(offers: &[Offer], year: i16) -> Preventiveness {
    let running = |y: i16| -> Vec<&Offer> { offers.iter().filter(|o| o.runs_in(y)).collect() };
    let now = running(year);
    let last = year.saturating_add(1);
    let earliest = offers
        .iter()
        .flat_map(|o| [o.start, o.end])
        .flatten()
        .map(|d| d.year())
        .min()
        .unwrap_or(year)
        .min(year);
    let first = earliest.max(last.saturating_sub(MAX_YEARS - 1));
    Preventiveness {
        year,
        levels: by_level(&now),
        actors: split(&now, Actor::ALL, |a| a.key(), |o, a| o.actor == a),
        years: (first..=last)
            .map(|y| YearSplit {
                year: y,
                levels: by_level(&running(y)),
            })
            .collect(),
    }
}

fn by_level(offers: &[&Offer]) -> Split {
    split(
        offers,
        PreventionLevel::ALL,
        |l| l.key(),
        |o, l| o.level == l,
    )
}

/// Splits `offers` into `groups`.
pub(super) fn split<G: Copy>(
    offers: &[&Offer],
    groups: &[G],
    key: fn(G) -> &'static str,
    belongs: fn(&Offer, G) -> bool,
) -> Split {
    let reach: u64 = offers.iter().filter_map(|o| o.reach).sum();
    let cost: u64 = offers.iter().filter_map(|o| o.cost).sum();
    let groups = groups
        .iter()
        .map(|&g| {
            let members: Vec<&&Offer> = offers.iter().filter(|o| belongs(o, g)).collect();
            let g_reach: u64 = members.iter().filter_map(|o| o.reach).sum();
            let g_cost: u64 = members.iter().filter_map(|o| o.cost).sum();
            Share {
                item: Header::new(key(g), key(g), true),
                count: members.len(),
                reach: g_reach,
                cost: g_cost,
                count_share: ratio(members.len() as f64, offers.len() as f64),
                reach_share: ratio(g_reach as f64, reach as f64),
                cost_share: ratio(g_cost as f64, cost as f64),
            }
        })
        .collect();
    Split {
        offers: offers.len(),
        reach,
        reach_unknown: offers.iter().filter(|o| o.reach.is_none()).count(),
        cost,
        cost_unknown: offers.iter().filter(|o| o.cost.is_none()).count(),
        groups,
    }
}
