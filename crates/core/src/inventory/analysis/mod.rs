//! The six questions of the NJi's Kwaliteitskompas (block 3, "Zes vragen bij
//! de analyse van het huidige aanbod") answered from the inventory, each with
//! the evidence behind it — ids and keys — so the web page can list the
//! activities concerned and the policy officer can check the finding.
//!
//! | question | section |
//! |---|---|
//! | 1. What is missing, where are the duplicates? | [`Gaps`], [`Duplicates`] |
//! | 2. Is the offer diverse enough? | [`Diversity`] |
//! | 3. Is it coherent: who works with whom on which result? | [`Coherence`] |
//! | 4. Is it preventive enough, and is it shifting? | [`Preventiveness`] |
//! | 5. Are the preconditions in order? | [`Preconditions`] |
//! | 6. What does each partner contribute? | [`Contribution`] |
//!
//! Question 5 is mostly a conversation; the data gives its starting points
//! (unnamed funding, activities about to end, unknown effect). The analysis looks at the *current* offer: the activities running
//! in the given year ([`Offer::runs_in`]; an activity without dates always
//! runs), so an activity that ended does not fill a gap and its successor is
//! not its duplicate. Only the change over the years looks at all of them.
//! Everything is structured values; the web layer writes the sentences.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::lists::ListItem;
use super::model::{Inventory, Offer, PreventionLevel};
use crate::ids::PartnerId;

mod coherence;
mod contributions;
mod diversity;
mod duplicates;
mod gaps;
mod overlaps;
mod preconditions;
mod preventiveness;
mod search;
mod similarity;

pub(crate) use similarity::FastMap;
#[cfg(test)]
pub(crate) mod tests;

pub use coherence::{Coherence, Edge, LevelCount, ResultCoverage};
pub use contributions::{Contribution, ResultContribution, Statement};
pub use diversity::{Diversity, FactorBalance, Spread, Tally};
pub use duplicates::{DuplicatePair, DuplicateReason, Duplicates, MAX_LISTED, SIMILAR_TEXT};
pub use gaps::{Gaps, LevelAge};
pub use overlaps::{PartnerOverlap, SharedCell};
pub use preconditions::{Funding, Preconditions};
pub use preventiveness::{MAX_YEARS, Preventiveness, Share, Split, YearSplit};

/// The answers to the six questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The year analysed ("this year").
    pub year: i16,
    /// Headline findings.
    pub summary: Summary,
    /// What is missing (question 1).
    pub gaps: Gaps,
    /// Possible duplicates (question 1).
    pub duplicates: Duplicates,
    /// Spread over age groups, forms, themes, settings, factors (question 2).
    pub diversity: Diversity,
    /// Partners and results (question 3).
    pub coherence: Coherence,
    /// Shares per level and actor, and their change (question 4).
    pub preventiveness: Preventiveness,
    /// Funding, continuity and evidence (question 5).
    pub preconditions: Preconditions,
    /// Per partner, in name order (question 6).
    pub contributions: Vec<Contribution>,
}

/// Headline findings, as numbers for the web layer to put in words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Activities running in the year (the ones analysed).
    pub offers: usize,
    /// Activities in the inventory not running in the year (ended or not
    /// started).
    pub offers_not_running: usize,
    /// Partners in the inventory.
    pub partners: usize,
    /// Partners without a current activity.
    pub partners_without_offer: usize,
    /// Empty cells of level × age group.
    pub empty_cells: usize,
    /// All cells of level × age group.
    pub cells: usize,
    /// Results no activity contributes to.
    pub results_without_offer: usize,
    /// Activities linked to no result.
    pub offers_without_result: usize,
    /// Risk factors nobody addresses.
    pub risk_factors_unaddressed: usize,
    /// Protective factors nobody addresses.
    pub protective_factors_unaddressed: usize,
    /// Flagged duplicate pairs.
    pub duplicate_pairs: usize,
    /// Of those, the pairs with alike texts: the likely duplicates.
    pub likely_duplicates: usize,
    /// Partner pairs doing the same for the same group.
    pub partner_overlaps: usize,
    /// Results covered at every prevention level.
    pub results_continuous: usize,
    /// Share of activities that are universal prevention (0..1).
    pub universal_share: f64,
    /// Share of the known reach that universal activities reach (0..1).
    pub universal_reach_share: f64,
    /// Share of activities recognised in the national database (0..1).
    pub recognised_share: f64,
}

/// Answers the six questions for the offer running in `year`.
pub fn analyse(inv: &Inventory, year: i16) -> Analysis {
    let current: Vec<&Offer> = inv.offers.iter().filter(|o| o.runs_in(year)).collect();
    let ranks = Ranks::new(inv);
    let gaps = gaps::gaps(inv, &current);
    let duplicates = duplicates::duplicates(inv, &current, &ranks);
    let diversity = diversity::diversity(inv, &current);
    let coherence = coherence::coherence(inv, &current, &ranks);
    let preventiveness = preventiveness::preventiveness(&inv.offers, year);
    let contributions = contributions::contributions(inv, &current, &ranks);
    let preconditions = preconditions::preconditions(&current, year);

    let universal = |share: fn(&Share) -> f64| {
        preventiveness
            .levels
            .groups
            .iter()
            .find(|g| g.item.key == PreventionLevel::Universal.key())
            .map_or(0.0, share)
    };
    let summary = Summary {
        offers: current.len(),
        offers_not_running: inv.offers.len() - current.len(),
        partners: inv.partners.len(),
        partners_without_offer: contributions
            .iter()
            .filter(|c| c.offers.is_empty() && inv.partner(c.partner).is_some())
            .count(),
        empty_cells: gaps.empty_cells.len(),
        cells: gaps.cells,
        results_without_offer: gaps.results_without_offer.len(),
        offers_without_result: gaps.offers_without_result.len(),
        risk_factors_unaddressed: gaps.risk_factors_unaddressed.len(),
        protective_factors_unaddressed: gaps.protective_factors_unaddressed.len(),
        duplicate_pairs: duplicates.pairs_total,
        likely_duplicates: duplicates.similar_total,
        partner_overlaps: duplicates.overlaps_total,
        results_continuous: coherence.results.iter().filter(|r| r.continuous).count(),
        universal_share: universal(|s| s.count_share),
        universal_reach_share: universal(|s| s.reach_share),
        recognised_share: ratio(
            current
                .iter()
                .filter(|o| o.evidence.is_recognised())
                .count() as f64,
            current.len() as f64,
        ),
    };
    Analysis {
        year,
        summary,
        gaps,
        duplicates,
        diversity,
        coherence,
        preventiveness,
        preconditions,
        contributions,
    }
}

/// `part / whole`, or 0 when the whole is 0.
fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 { part / whole } else { 0.0 }
}

/// Display order of partners (by name) and age groups (list order); what
/// is not known sorts after, by id or key.
pub(super) struct Ranks {
    /// The inventory's partners in name order.
    order: Vec<PartnerId>,
    partners: FastMap<PartnerId, usize>,
    ages: FastMap<String, usize>,
}

impl Ranks {
    fn new(inv: &Inventory) -> Ranks {
        let order: Vec<PartnerId> = super::matrix::partners_by_name(inv)
            .into_iter()
            .map(|p| p.id)
            .collect();
        Ranks {
            partners: order.iter().enumerate().map(|(i, &p)| (p, i)).collect(),
            order,
            ages: inv
                .lists
                .age_groups
                .iter()
                .enumerate()
                .map(|(i, item)| (item.key.clone(), i))
                .collect(),
        }
    }

    /// The inventory's partners and any other providers of `offers`, in
    /// display order.
    fn all_partners(&self, offers: &[&Offer]) -> Vec<PartnerId> {
        let mut unknown: Vec<PartnerId> = offers
            .iter()
            .flat_map(|o| o.providers.iter().copied())
            .filter(|p| !self.partners.contains_key(p))
            .collect();
        unknown.sort_unstable();
        unknown.dedup();
        self.order.iter().copied().chain(unknown).collect()
    }

    /// A partner's position in name order (unknown partners last).
    fn partner(&self, id: PartnerId) -> usize {
        self.partners.get(&id).copied().unwrap_or(usize::MAX)
    }

    fn partner_cmp(&self, a: PartnerId, b: PartnerId) -> Ordering {
        self.partner(a).cmp(&self.partner(b)).then(a.cmp(&b))
    }

    fn age_cmp(&self, a: &str, b: &str) -> Ordering {
        let rank = |k: &str| self.ages.get(k).copied().unwrap_or(usize::MAX);
        rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
    }
}

/// Whether two offers (their [`KeyIndex::places`]) share a setting.
pub(super) fn same_place(a: u64, b: u64) -> bool {
    a & b != 0
}

/// Keys as small numbers in display order: a list's keys first, then the
/// keys in use that are not on it, sorted. Lets the duplicate search index
/// cells by number instead of hashing strings for every pair.
pub(super) struct KeyIndex<'a> {
    /// The keys, by number.
    pub keys: Vec<&'a str>,
    index: FastMap<&'a str, u32>,
}

impl<'a> KeyIndex<'a> {
    fn new(list: &'a [ListItem], used: impl Iterator<Item = &'a String>) -> KeyIndex<'a> {
        let mut keys: Vec<&str> = list.iter().map(|i| i.key.as_str()).collect();
        let mut index: FastMap<&str, u32> = FastMap::default();
        for (i, k) in keys.iter().enumerate() {
            index.entry(k).or_insert(small(i));
        }
        let mut extra: Vec<&str> = used
            .map(String::as_str)
            .filter(|k| !index.contains_key(k))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        for k in extra {
            index.insert(k, small(keys.len()));
            keys.push(k);
        }
        KeyIndex { keys, index }
    }

    /// The age groups of the list and of `offers`.
    pub(super) fn ages(inv: &'a Inventory, offers: &[&'a Offer]) -> KeyIndex<'a> {
        KeyIndex::new(
            &inv.lists.age_groups,
            offers.iter().flat_map(|o| &o.age_groups),
        )
    }

    /// The themes of the list and of `offers`.
    pub(super) fn themes(inv: &'a Inventory, offers: &[&'a Offer]) -> KeyIndex<'a> {
        KeyIndex::new(&inv.lists.themes, offers.iter().flat_map(|o| &o.themes))
    }

    /// The settings of the list and of `offers`.
    pub(super) fn settings(inv: &'a Inventory, offers: &[&'a Offer]) -> KeyIndex<'a> {
        KeyIndex::new(&inv.lists.settings, offers.iter().flat_map(|o| &o.settings))
    }

    /// Each offer's settings as a bit set for [`same_place`]: an offer that
    /// names no setting could be anywhere, so it has them all. Settings past
    /// the 64th share bits, which can only make two offers look alike.
    pub(super) fn places(&self, offers: &[&Offer]) -> Vec<u64> {
        offers
            .iter()
            .map(|o| {
                let set = self
                    .of(&o.settings)
                    .into_iter()
                    .fold(0u64, |m, i| m | 1 << (i % 64));
                if set == 0 { u64::MAX } else { set }
            })
            .collect()
    }

    /// The numbers of `keys`, ascending, without repeats.
    pub(super) fn of(&self, keys: &[String]) -> Vec<u32> {
        let mut out: Vec<u32> = keys
            .iter()
            .filter_map(|k| self.index.get(k.as_str()).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// An index as a `u32` (inventories are far smaller than 4 billion).
pub(super) fn small(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
