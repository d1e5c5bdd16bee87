//! Question 1, duplicates between partners: two *different* partners that
//! each provide an activity — without the other — in the same prevention
//! level × age group × theme, in a setting they share (or one that names
//! none), may be doing the same thing for the same group. Without the
//! setting, nearly every pair of partners working with parents would
//! overlap somewhere on a broad theme.
//! An activity they provide together is cooperation, not overlap, and does
//! not count.
//!
//! Cells, partners and keys are numbered first, so the search sorts and
//! compares numbers; only the listed overlaps are turned into ids and keys.

use serde::{Deserialize, Serialize};

use super::duplicates::MAX_LISTED;
use super::similarity::FastMap;
use super::{KeyIndex, Ranks, same_place, small};
use crate::ids::{OfferId, PartnerId};
use crate::inventory::model::{Inventory, Offer, PreventionLevel};

/// One level × age group × theme where two partners each have activities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedCell {
    /// Prevention level.
    pub level: PreventionLevel,
    /// Age-group key.
    pub age_group: String,
    /// Theme key.
    pub theme: String,
    /// Activities of the first partner there (without the second).
    pub offers_a: Vec<OfferId>,
    /// Activities of the second partner there (without the first).
    pub offers_b: Vec<OfferId>,
}

/// Two partners doing the same kind of thing for the same group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerOverlap {
    /// The partner first by name.
    pub a: PartnerId,
    /// The other.
    pub b: PartnerId,
    /// Where they overlap, by level, age group and theme in list order; at
    /// most [`MAX_LISTED`].
    pub cells: Vec<SharedCell>,
    /// In how many cells they overlap in all.
    pub cells_total: usize,
}

/// The overlapping partner pairs among `offers`, most shared cells first
/// (then by name), at most [`MAX_LISTED`]; and how many there are in all.
pub(super) fn partner_overlaps(
    inv: &Inventory,
    offers: &[&Offer],
    ranks: &Ranks,
) -> (Vec<PartnerOverlap>, usize) {
    let ages = KeyIndex::ages(inv, offers);
    let themes = KeyIndex::themes(inv, offers);
    let places = KeyIndex::settings(inv, offers).places(offers);
    // Partners numbered in name order (providers no longer known last).
    let partners = ranks.all_partners(offers);
    let partner_no: FastMap<PartnerId, u32> = partners
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, small(i)))
        .collect();
    let providers: Vec<Vec<u32>> = offers
        .iter()
        .map(|o| {
            let mut ps: Vec<u32> = o
                .providers
                .iter()
                .filter_map(|p| partner_no.get(p).copied())
                .collect();
            ps.sort_unstable();
            ps.dedup();
            ps
        })
        .collect();

    // Cells numbered level-major, then age group, then theme: display order.
    let (n_ages, n_themes) = (ages.keys.len(), themes.keys.len());
    let cell_no = |level: usize, age: u32, theme: u32| {
        (level * n_ages + age as usize) * n_themes + theme as usize
    };
    let mut cells: Vec<Vec<u32>> = vec![Vec::new(); PreventionLevel::ALL.len() * n_ages * n_themes];
    for (i, o) in offers.iter().enumerate() {
        let level = level_no(o.level);
        let offer_themes = themes.of(&o.themes);
        for age in ages.of(&o.age_groups) {
            for &theme in &offer_themes {
                cells[cell_no(level, age, theme)].push(small(i));
            }
        }
    }

    // Per partner pair (a < b): the cells where they overlap, ascending.
    let mut by_pair: FastMap<(u32, u32), Vec<u32>> = FastMap::default();
    let mut present: Vec<(u32, u32)> = Vec::new();
    for (cell, members) in cells.iter().enumerate() {
        present.clear();
        present.extend(
            members
                .iter()
                .flat_map(|&i| providers[i as usize].iter().map(move |&p| (p, i))),
        );
        present.sort_unstable();
        let groups: Vec<&[(u32, u32)]> = present.chunk_by(|x, y| x.0 == y.0).collect();
        for (g, group_a) in groups.iter().enumerate() {
            for group_b in &groups[g + 1..] {
                let (pa, pb) = (group_a[0].0, group_b[0].0);
                if overlap(group_a, group_b, (pa, pb), &providers, &places) {
                    by_pair.entry((pa, pb)).or_default().push(small(cell));
                }
            }
        }
    }
    let mut pairs: Vec<((u32, u32), Vec<u32>)> = by_pair.into_iter().collect();
    pairs.sort_unstable_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.0.cmp(&y.0)));
    let total = pairs.len();

    let listed = pairs
        .into_iter()
        .take(MAX_LISTED)
        .map(|((pa, pb), cells_of_pair)| {
            let own = |members: &[u32], p: u32, other: u32| -> Vec<OfferId> {
                members
                    .iter()
                    .map(|&i| i as usize)
                    .filter(|&i| {
                        providers[i].binary_search(&p).is_ok()
                            && providers[i].binary_search(&other).is_err()
                    })
                    .map(|i| offers[i].id)
                    .collect()
            };
            PartnerOverlap {
                a: partners[pa as usize],
                b: partners[pb as usize],
                cells_total: cells_of_pair.len(),
                cells: cells_of_pair
                    .iter()
                    .take(MAX_LISTED)
                    .map(|&cell| {
                        let cell = cell as usize;
                        let members = &cells[cell];
                        SharedCell {
                            level: PreventionLevel::ALL[cell / (n_ages * n_themes)],
                            age_group: ages.keys[cell / n_themes % n_ages].to_owned(),
                            theme: themes.keys[cell % n_themes].to_owned(),
                            offers_a: own(members, pa, pb),
                            offers_b: own(members, pb, pa),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    (listed, total)
}

/// The position of a level in [`PreventionLevel::ALL`].
pub(super) fn level_no(level: PreventionLevel) -> usize {
    PreventionLevel::ALL
        .iter()
        .position(|&l| l == level)
        .unwrap_or(0)
}

/// Whether partner `pa` (its activities in the cell: `group_a`) has one
/// without `pb`, and `pb` one without `pa`, in a setting both share.
fn overlap(
    group_a: &[(u32, u32)],
    group_b: &[(u32, u32)],
    (pa, pb): (u32, u32),
    providers: &[Vec<u32>],
    places: &[u64],
) -> bool {
    let own = |group: &[(u32, u32)], other: u32| -> u64 {
        group
            .iter()
            .filter(|&&(_, i)| providers[i as usize].binary_search(&other).is_err())
            .fold(0, |m, &(_, i)| m | places[i as usize])
    };
    same_place(own(group_a, pb), own(group_b, pa))
}
