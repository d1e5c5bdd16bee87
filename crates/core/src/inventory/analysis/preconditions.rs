//! Question 5: are the preconditions in order (*zijn de randvoorwaarden op
//! orde*)? Most of the answer is a conversation — agreements, expertise,
//! capacity — but the inventory shows the parts a spreadsheet hides: which
//! activities run on money nobody named, which stop this year or next (so
//! their funding or successor must be arranged now), and which have no
//! known effect at all. Funding sources are totalled so the conversation
//! starts from who pays for what.

use serde::{Deserialize, Serialize};

use crate::ids::OfferId;
use crate::inventory::lists::fold;
use crate::inventory::model::{Evidence, Offer};

/// One funding source with what it pays for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    /// The source as first written (sources are compared case- and
    /// accent-insensitively).
    pub source: String,
    /// Activities it funds.
    pub offers: usize,
    /// Their annual cost, where known, in euros.
    pub cost: u64,
}

/// What the data says about the preconditions of the current offer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preconditions {
    /// Activities with no funding source named, in inventory order.
    pub funding_unknown: Vec<OfferId>,
    /// Activities whose end date falls in the year analysed or the next.
    pub ending: Vec<OfferId>,
    /// Activities of which nothing is known about their effect.
    pub evidence_unknown: Vec<OfferId>,
    /// Funding sources, largest annual cost first (then by count, name).
    pub funding: Vec<Funding>,
}

/// The preconditions of `offers` (the ones running in `year`).
pub(super) fn preconditions(offers: &[&Offer], year: i16) -> Preconditions {
    let ids = |keep: &dyn Fn(&Offer) -> bool| -> Vec<OfferId> {
        offers.iter().filter(|o| keep(o)).map(|o| o.id).collect()
    };
    let mut funding: Vec<(String, Funding)> = Vec::new();
    for o in offers {
        let Some(source) = o.funding.as_deref().filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        let key = fold(source);
        let i = match funding.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                funding.push((
                    key,
                    Funding {
                        source: source.trim().to_string(),
                        offers: 0,
                        cost: 0,
                    },
                ));
                funding.len() - 1
            }
        };
        let f = &mut funding[i].1;
        f.offers += 1;
        f.cost = f.cost.saturating_add(o.cost.unwrap_or(0));
    }
    let mut funding: Vec<Funding> = funding.into_iter().map(|(_, f)| f).collect();
    funding.sort_by(|a, b| {
        b.cost
            .cmp(&a.cost)
            .then(b.offers.cmp(&a.offers))
            .then_with(|| a.source.cmp(&b.source))
    });
    Preconditions {
        funding_unknown: ids(&|o| o.funding.as_deref().is_none_or(|s| s.trim().is_empty())),
        ending: ids(&|o| {
            o.end
                .is_some_and(|d| d.year() == year || d.year() == year + 1)
        }),
        evidence_unknown: ids(&|o| o.evidence == Evidence::None),
        funding,
    }
}
