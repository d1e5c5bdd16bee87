//! Question 1, second half: where are the duplicates (*dubbelingen*)?
//!
//! Two activities are compared only when they share a cell of prevention
//! level × age group: the same kind of prevention for the same people. Within
//! a cell a pair is flagged when
//! - their texts (name and description) are alike: cosine similarity of
//!   their TF-IDF stem vectors ([`super::similarity`]) at least
//!   [`SIMILAR_TEXT`]; or
//! - they aim at the same target: the same level, an age group, a linked
//!   result, a theme and a setting in common, whatever the texts say (an
//!   activity that names no setting could be anywhere). Without the setting
//!   every pair of activities for parents on the same broad theme would be
//!   flagged; with it, two home-visiting programmes or two school trainings
//!   for the same children are.
//!
//! Partners doing the same for the same group are found in
//! [`super::overlaps`].
//!
//! Cost: vectors are built once; within a cell only pairs that can reach
//! the threshold are scored ([`super::search`]), same-target pairs come from
//! buckets of (result, theme), a pair sharing several age groups is kept in
//! the first only, and only the listed pairs become ids and keys.

use serde::{Deserialize, Serialize};

use super::overlaps::{PartnerOverlap, level_no, partner_overlaps};
use super::search::Search;
use super::similarity::{FastMap, Vector, vectors};
use super::{KeyIndex, Ranks, same_place, small};
use crate::ids::{OfferId, ResultId};
use crate::inventory::model::{Inventory, Offer, PreventionLevel};

/// Text similarity from which two activities in one cell are flagged.
///
/// Measured on the test fixture (ten activities): "Voorlichting over alcohol
/// aan ouders van brugklassers" and "Ouders van brugklasleerlingen
/// voorlichten over alcoholgebruik" — the same activity, worded differently —
/// score 0.57; activities that only share a topic word ("alcohol", "sport",
/// "kinderen") score 0.08–0.25; unrelated ones 0. Pairs tried on their own:
/// "Gezonde School: lessen over gezondheid" and "Gezonde school aanpak:
/// lessen over gezonde voeding en bewegen op school" 0.63, two parenting
/// courses for parents of teenagers 0.52, "Voorlichting over alcohol en
/// drugs voor jongeren" and "Drugs en lachgas: eerlijke voorlichting zonder
/// vingertje" 0.35 (flagged, just: drug education for the same group is worth
/// a look). 0.35 sits in the gap between reworded and merely related.
pub const SIMILAR_TEXT: f32 = 0.35;

/// Most pairs (and partner overlaps) listed; the totals count them all.
pub const MAX_LISTED: usize = 50;

/// Why a pair is flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    /// Their texts are alike.
    SimilarText,
    /// Same level, age group, result, theme and setting.
    SameTarget,
    /// Both.
    Both,
}

/// Two activities that may do the same.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuplicatePair {
    /// The activity earlier in the inventory.
    pub a: OfferId,
    /// The other.
    pub b: OfferId,
    /// Text similarity from 0 to 1.
    pub score: f32,
    /// Why flagged.
    pub reason: DuplicateReason,
    /// Their prevention level.
    pub level: PreventionLevel,
    /// Age-group keys they share.
    pub age_groups: Vec<String>,
    /// Results both contribute to.
    pub results: Vec<ResultId>,
    /// Theme keys they share.
    pub themes: Vec<String>,
}

/// The duplicates found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Duplicates {
    /// The text-similarity threshold used ([`SIMILAR_TEXT`]).
    pub threshold: f32,
    /// Flagged pairs, most similar first, at most [`MAX_LISTED`].
    pub pairs: Vec<DuplicatePair>,
    /// All flagged pairs.
    pub pairs_total: usize,
    /// Flagged pairs whose texts are alike (reason text or both): the likely
    /// duplicates. The others share an aim, which is worth a conversation
    /// but is common where results and themes are broad.
    pub similar_total: usize,
    /// Overlapping partners, most shared cells first, at most [`MAX_LISTED`].
    pub overlaps: Vec<PartnerOverlap>,
    /// All overlapping partner pairs.
    pub overlaps_total: usize,
}

/// The duplicates among `offers` (the current ones).
pub(super) fn duplicates(inv: &Inventory, offers: &[&Offer], ranks: &Ranks) -> Duplicates {
    let vectors = vectors(
        offers
            .iter()
            .map(|o| (o.name.as_str(), o.description.as_str())),
    );
    let (similar, same_target) = flagged_pairs(inv, offers, &vectors);
    // Same-target pairs below the threshold are listed only when fewer than
    // MAX_LISTED pairs are above it: scored only then.
    let below = if similar.len() < MAX_LISTED {
        same_target_scores(&same_target, &vectors)
    } else {
        Vec::new()
    };
    let mut pairs = merge(&similar, &same_target, &below);
    let pairs_total = pairs.len();
    let similar_total = pairs
        .iter()
        .filter(|p| p.2 != DuplicateReason::SameTarget)
        .count();
    let order = |x: &(u64, f32, DuplicateReason), y: &(u64, f32, DuplicateReason)| {
        y.1.total_cmp(&x.1).then(x.0.cmp(&y.0))
    };
    if pairs.len() > MAX_LISTED {
        pairs.select_nth_unstable_by(MAX_LISTED, order);
        pairs.truncate(MAX_LISTED);
    }
    pairs.sort_unstable_by(order);
    let listed = pairs
        .into_iter()
        .map(|(key, score, reason)| {
            let (a, b) = unpair(key);
            pair(offers[a as usize], offers[b as usize], score, reason)
        })
        .collect();

    let (overlaps, overlaps_total) = partner_overlaps(inv, offers, ranks);
    Duplicates {
        threshold: SIMILAR_TEXT,
        pairs: listed,
        pairs_total,
        similar_total,
        overlaps,
        overlaps_total,
    }
}

/// The pairs (as [`pair_key`]s, ascending) of similar texts with their
/// scores, and of the same target, each found once: a pair sharing several
/// age groups is kept in the first.
fn flagged_pairs(
    inv: &Inventory,
    offers: &[&Offer],
    vectors: &[Vector],
) -> (Vec<(u64, f32)>, Vec<u64>) {
    let ages = KeyIndex::ages(inv, offers);
    let themes = KeyIndex::themes(inv, offers);
    let offer_ages: Vec<Vec<u32>> = offers.iter().map(|o| ages.of(&o.age_groups)).collect();
    let offer_themes: Vec<Vec<u32>> = offers.iter().map(|o| themes.of(&o.themes)).collect();
    let offer_results = result_numbers(offers);
    let places = KeyIndex::settings(inv, offers).places(offers);

    // Level × age-group cells, numbered level-major.
    let n_ages = ages.keys.len();
    let mut cells: Vec<Vec<u32>> = vec![Vec::new(); PreventionLevel::ALL.len() * n_ages];
    for (i, o) in offers.iter().enumerate() {
        for &age in &offer_ages[i] {
            cells[level_no(o.level) * n_ages + age as usize].push(small(i));
        }
    }
    let mut search = Search::new(vectors);
    let first_shared = |a: u32, b: u32, age: u32| {
        first_common(&offer_ages[a as usize], &offer_ages[b as usize]) == Some(age)
    };
    let mut similar: Vec<(u64, f32)> = Vec::new();
    let mut same_target: Vec<u64> = Vec::new();
    let mut buckets: Vec<(u32, u32, u32)> = Vec::new();
    for (cell, members) in cells.iter().enumerate() {
        let age = small(cell % n_ages.max(1));
        search.similar_pairs(members, |a, b, score| {
            if first_shared(a, b, age) {
                similar.push((pair_key(a, b), score));
            }
        });
        // Same target: buckets of (result, theme) within the cell.
        buckets.clear();
        for &i in members {
            for &r in &offer_results[i as usize] {
                buckets.extend(offer_themes[i as usize].iter().map(|&t| (r, t, i)));
            }
        }
        buckets.sort_unstable();
        for bucket in buckets.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
            for (p, &(_, _, a)) in bucket.iter().enumerate() {
                for &(_, _, b) in &bucket[p + 1..] {
                    if first_shared(a, b, age) && same_place(places[a as usize], places[b as usize])
                    {
                        same_target.push(pair_key(a, b));
                    }
                }
            }
        }
    }
    similar.sort_unstable_by_key(|&(k, _)| k);
    same_target.sort_unstable();
    same_target.dedup();
    (similar, same_target)
}

/// Each activity's results as small numbers, ascending.
fn result_numbers(offers: &[&Offer]) -> Vec<Vec<u32>> {
    let mut numbers: FastMap<ResultId, u32> = FastMap::default();
    offers
        .iter()
        .map(|o| {
            let mut rs: Vec<u32> = o
                .results
                .iter()
                .map(|l| {
                    let next = small(numbers.len());
                    *numbers.entry(l.result).or_insert(next)
                })
                .collect();
            rs.sort_unstable();
            rs.dedup();
            rs
        })
        .collect()
}

/// The text similarity of each pair, the first activity's vector spread out
/// once for all its pairs (the keys are sorted, so they come together).
fn same_target_scores(keys: &[u64], vectors: &[Vector]) -> Vec<f32> {
    let features = vectors
        .iter()
        .flatten()
        .map(|&(f, _)| f as usize + 1)
        .max()
        .unwrap_or(0);
    let mut dense = vec![0.0_f32; features];
    let mut spread: Option<u32> = None;
    let mut scores = Vec::with_capacity(keys.len());
    for &key in keys {
        let (a, b) = unpair(key);
        if spread != Some(a) {
            for &(f, _) in spread.map_or(&[][..], |s| &vectors[s as usize][..]) {
                dense[f as usize] = 0.0;
            }
            for &(f, w) in &vectors[a as usize] {
                dense[f as usize] = w;
            }
            spread = Some(a);
        }
        let dot: f32 = vectors[b as usize]
            .iter()
            .map(|&(f, w)| dense[f as usize] * w)
            .sum();
        scores.push(dot.clamp(0.0, 1.0));
    }
    scores
}

/// The similar and same-target pairs (both sorted by key) as one list with
/// their reasons; `below` holds the same-target pairs' scores, if scored.
fn merge(
    similar: &[(u64, f32)],
    same_target: &[u64],
    below: &[f32],
) -> Vec<(u64, f32, DuplicateReason)> {
    let mut pairs = Vec::with_capacity(similar.len() + same_target.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let next = match (similar.get(i), same_target.get(j)) {
            (Some(&(ks, score)), Some(&kt)) if ks == kt => {
                (i, j) = (i + 1, j + 1);
                (ks, score, DuplicateReason::Both)
            }
            (Some(&(ks, score)), None) => {
                i += 1;
                (ks, score, DuplicateReason::SimilarText)
            }
            (Some(&(ks, score)), Some(&kt)) if ks < kt => {
                i += 1;
                (ks, score, DuplicateReason::SimilarText)
            }
            (_, Some(&kt)) => {
                let score = below.get(j).copied().unwrap_or(0.0);
                j += 1;
                (kt, score, DuplicateReason::SameTarget)
            }
            (None, None) => break,
        };
        pairs.push(next);
    }
    pairs
}

/// Two offer indices (a < b) as one sortable number.
fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}

fn unpair(key: u64) -> (u32, u32) {
    ((key >> 32) as u32, (key & 0xffff_ffff) as u32)
}

/// The smallest number in both ascending lists.
fn first_common(a: &[u32], b: &[u32]) -> Option<u32> {
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(x),
        }
    }
    None
}

fn pair(a: &Offer, b: &Offer, score: f32, reason: DuplicateReason) -> DuplicatePair {
    let shared = |x: &[String], y: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for k in x.iter().filter(|k| y.contains(k)) {
            if !out.contains(k) {
                out.push(k.clone());
            }
        }
        out
    };
    let mut results: Vec<ResultId> = Vec::new();
    for l in a
        .results
        .iter()
        .filter(|l| b.results.iter().any(|m| m.result == l.result))
    {
        if !results.contains(&l.result) {
            results.push(l.result);
        }
    }
    DuplicatePair {
        a: a.id,
        b: b.id,
        score,
        reason,
        level: a.level,
        age_groups: shared(&a.age_groups, &b.age_groups),
        results,
        themes: shared(&a.themes, &b.themes),
    }
}
