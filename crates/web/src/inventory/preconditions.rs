//! Question 5 on the analysis page: the activities whose funding nobody
//! named, those that end this year or next, those of unknown effect, and
//! what each funding source pays for.

use super::analysis::{LinkList, Table};
use super::analysis_sections::{Names, plain};
use super::offers::euros;
use crate::i18n::Tr;
use koers_core::inventory::analysis::Analysis;

/// The three lists of question 5.
pub(super) fn lists(t: &Tr, a: &Analysis, n: &Names) -> Vec<LinkList> {
    let p = &a.preconditions;
    let list = |title: &str, ids: &[koers_core::ids::OfferId]| LinkList {
        title: t.t(title),
        items: ids.iter().map(|&id| n.offer(id)).collect(),
        empty: t.t("inv-an-none"),
    };
    vec![
        list("inv-an-pre-ending", &p.ending),
        list("inv-an-pre-funding-unknown", &p.funding_unknown),
        list("inv-an-pre-evidence-unknown", &p.evidence_unknown),
    ]
}

/// The funding sources with the activities and annual cost each carries.
pub(super) fn funding(t: &Tr, a: &Analysis) -> Table {
    Table {
        caption: t.t("inv-an-pre-funding-caption"),
        head: vec![
            t.t("inv-field-funding"),
            t.t("inv-nav-offers"),
            t.t("inv-field-cost"),
        ],
        rows: a
            .preconditions
            .funding
            .iter()
            .map(|f| {
                (
                    plain(f.source.clone()),
                    vec![f.offers.to_string(), euros(f.cost)],
                )
            })
            .collect(),
    }
}
