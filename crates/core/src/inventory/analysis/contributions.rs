//! Question 6: what does each partner contribute to the results? Per
//! partner its current activities, the results they contribute to with the
//! "We doen …, zodat …" statements, the levels and age groups it covers and
//! its reach and cost. An activity with several providers counts in full for
//! each of them, as each is part of it.

use serde::{Deserialize, Serialize};

use super::Ranks;
use super::similarity::FastMap;
use crate::ids::{OfferId, PartnerId, ResultId};
use crate::inventory::model::{Inventory, Offer, PreventionLevel};

/// A statement of how an activity contributes: "We doen …, zodat …".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The activity.
    pub offer: OfferId,
    /// The statement as written.
    pub text: String,
}

/// A partner's contribution to one result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultContribution {
    /// The result.
    pub result: ResultId,
    /// Number of the partner's activities contributing to it.
    pub count: usize,
    /// Those activities.
    pub offers: Vec<OfferId>,
    /// Their statements, where written.
    pub statements: Vec<Statement>,
}

/// What one partner contributes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    /// The partner.
    pub partner: PartnerId,
    /// Its name (the id, for a provider no longer in the inventory).
    pub name: String,
    /// Its current activities, in inventory order.
    pub offers: Vec<OfferId>,
    /// Per result it contributes to, in result order.
    pub results: Vec<ResultContribution>,
    /// Its activities linked to no result.
    pub offers_without_result: Vec<OfferId>,
    /// Levels it covers, universal first.
    pub levels: Vec<PreventionLevel>,
    /// Age-group keys it covers, in list order.
    pub age_groups: Vec<String>,
    /// Known reach of its activities.
    pub reach: u64,
    /// Its activities without a reach.
    pub reach_unknown: usize,
    /// Known annual cost of its activities.
    pub cost: u64,
    /// Its activities without a cost.
    pub cost_unknown: usize,
}

/// Per partner (name order; providers no longer in the inventory after, by
/// id), the contribution of `offers` (the current ones).
pub(super) fn contributions(
    inv: &Inventory,
    offers: &[&Offer],
    ranks: &Ranks,
) -> Vec<Contribution> {
    let mut by_partner: FastMap<PartnerId, Vec<&Offer>> = FastMap::default();
    for &o in offers {
        for (k, &p) in o.providers.iter().enumerate() {
            // A provider listed twice counts once.
            if !o.providers[..k].contains(&p) {
                by_partner.entry(p).or_default().push(o);
            }
        }
    }
    ranks
        .all_partners(offers)
        .into_iter()
        .map(|id| {
            let own = by_partner.remove(&id).unwrap_or_default();
            contribution(inv, &own, ranks, id)
        })
        .collect()
}

fn contribution(inv: &Inventory, own: &[&Offer], ranks: &Ranks, id: PartnerId) -> Contribution {
    let mut result_ids: Vec<ResultId> = inv.results.iter().map(|r| r.id).collect();
    // Links to a result since deleted still show.
    for link in own.iter().flat_map(|o| &o.results) {
        if !result_ids.contains(&link.result) {
            result_ids.push(link.result);
        }
    }
    let results = result_ids
        .into_iter()
        .filter_map(|result| {
            let links: Vec<(&Offer, Option<&String>)> = own
                .iter()
                .filter_map(|o| {
                    let link = o.results.iter().find(|l| l.result == result)?;
                    Some((*o, link.statement.as_ref()))
                })
                .collect();
            (!links.is_empty()).then(|| ResultContribution {
                result,
                count: links.len(),
                offers: links.iter().map(|(o, _)| o.id).collect(),
                statements: links
                    .iter()
                    .filter_map(|(o, s)| {
                        s.map(|text| Statement {
                            offer: o.id,
                            text: text.clone(),
                        })
                    })
                    .collect(),
            })
        })
        .collect();
    let mut levels: Vec<PreventionLevel> = own.iter().map(|o| o.level).collect();
    levels.sort();
    levels.dedup();
    let mut age_groups: Vec<&String> = own.iter().flat_map(|o| &o.age_groups).collect();
    age_groups.sort_unstable();
    age_groups.dedup();
    age_groups.sort_by(|a, b| ranks.age_cmp(a, b));
    Contribution {
        partner: id,
        name: inv
            .partner(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        offers: own.iter().map(|o| o.id).collect(),
        results,
        offers_without_result: own
            .iter()
            .filter(|o| o.results.is_empty())
            .map(|o| o.id)
            .collect(),
        levels,
        age_groups: age_groups.into_iter().cloned().collect(),
        reach: own.iter().filter_map(|o| o.reach).sum(),
        reach_unknown: own.iter().filter(|o| o.reach.is_none()).count(),
        cost: own.iter().filter_map(|o| o.cost).sum(),
        cost_unknown: own.iter().filter(|o| o.cost.is_none()).count(),
    }
}
