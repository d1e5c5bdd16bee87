//! An inventory as sheets of text, the way [`super::plan`] reads them back:
//! ids in an "ID" column, list values and enums by their Dutch label, several
//! values joined with "; ", statements one line per result, dates as ISO,
//! numbers plain. Importing the export reproduces the inventory.

use super::cells::{actor_label, evidence_label, form_label, level_label, role_label};
use super::{Column, Sheet, SheetKind, Workbook};
use crate::inventory::lists::{FactorKind, ListKind, Lists};
use crate::inventory::model::{Inventory, Measure, Offer, Partner, SocietalResult};

/// The name of the sheet holding the lists.
pub const LISTS_SHEET: &str = "Lijsten";

/// The raw data: sheets "Activiteiten", "Partners" and "Resultaten".
pub fn export_workbook(inv: &Inventory) -> Workbook {
    let sheet = |kind: SheetKind, rows: Vec<Vec<String>>| {
        let mut all = vec![
            kind.columns()
                .iter()
                .map(|c| c.header(kind).to_owned())
                .collect(),
        ];
        all.extend(rows);
        Sheet {
            name: kind.sheet_name().to_owned(),
            rows: all,
        }
    };
    let cells = |kind: SheetKind, f: &dyn Fn(Column) -> String| {
        kind.columns().iter().map(|c| f(*c)).collect()
    };
    Workbook {
        sheets: vec![
            sheet(
                SheetKind::Activities,
                inv.offers
                    .iter()
                    .map(|o| cells(SheetKind::Activities, &|c| offer_cell(inv, o, c)))
                    .collect(),
            ),
            sheet(
                SheetKind::Partners,
                inv.partners
                    .iter()
                    .map(|p| cells(SheetKind::Partners, &|c| partner_cell(&inv.lists, p, c)))
                    .collect(),
            ),
            sheet(
                SheetKind::Results,
                inv.results
                    .iter()
                    .map(|r| cells(SheetKind::Results, &|c| result_cell(r, c)))
                    .collect(),
            ),
        ],
    }
}

/// The lists, for reference: sheet "Lijsten" with list, key, label and
/// (for factors) risk or protective. Import leaves it alone.
pub fn export_lists(lists: &Lists) -> Sheet {
    let mut rows = vec![
        ["Lijst", "Sleutel", "Label", "Soort factor"]
            .map(String::from)
            .to_vec(),
    ];
    for kind in ListKind::ALL {
        let name = match kind {
            ListKind::AgeGroup => "Leeftijdsgroepen",
            ListKind::Theme => "Thema's",
            ListKind::Factor => "Factoren",
            ListKind::Setting => "Settings",
            ListKind::PartnerType => "Typen partners",
        };
        for item in lists.get(kind) {
            let factor = match item.factor {
                Some(FactorKind::Risk) => "Risico",
                Some(FactorKind::Protective) => "Beschermend",
                None => "",
            };
            rows.push(vec![
                name.into(),
                item.key.clone(),
                item.label.clone(),
                factor.into(),
            ]);
        }
    }
    Sheet {
        name: LISTS_SHEET.into(),
        rows,
    }
}

fn labels(lists: &Lists, kind: ListKind, keys: &[String]) -> String {
    keys.iter()
        .map(|k| lists.label(kind, k))
        .collect::<Vec<_>>()
        .join("; ")
}

fn opt(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// An activity's cell in column `c`.
pub fn offer_cell(inv: &Inventory, o: &Offer, c: Column) -> String {
    let lists = &inv.lists;
    match c {
        Column::Id => o.id.to_string(),
        Column::Name => o.name.clone(),
        Column::Description => o.description.clone(),
        Column::Providers => o
            .providers
            .iter()
            .map(|p| {
                inv.partner(*p)
                    .map_or_else(|| p.to_string(), |x| x.name.clone())
            })
            .collect::<Vec<_>>()
            .join("; "),
        Column::Actor => actor_label(o.actor).into(),
        Column::Level => level_label(o.level).into(),
        Column::AgeGroups => labels(lists, ListKind::AgeGroup, &o.age_groups),
        Column::Settings => labels(lists, ListKind::Setting, &o.settings),
        Column::Form => form_label(o.form).into(),
        Column::Themes => labels(lists, ListKind::Theme, &o.themes),
        Column::Factors => labels(lists, ListKind::Factor, &o.factors),
        Column::Results => o
            .results
            .iter()
            .map(|l| {
                inv.result(l.result)
                    .map_or_else(|| l.result.to_string(), |r| r.title.clone())
            })
            .collect::<Vec<_>>()
            .join("; "),
        Column::Statements => {
            if o.results.iter().all(|l| l.statement.is_none()) {
                String::new()
            } else {
                o.results
                    .iter()
                    .map(|l| l.statement.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
        Column::Evidence => evidence_label(o.evidence).into(),
        Column::Reach => opt(o.reach),
        Column::Cost => opt(o.cost),
        Column::Funding => opt(o.funding.as_ref()),
        Column::Start => opt(o.start),
        Column::End => opt(o.end),
        _ => String::new(),
    }
}

/// A partner's cell in column `c`.
pub fn partner_cell(lists: &Lists, p: &Partner, c: Column) -> String {
    match c {
        Column::Id => p.id.to_string(),
        Column::Name => p.name.clone(),
        Column::PartnerType => lists.label(ListKind::PartnerType, &p.kind).to_owned(),
        Column::ContactName => opt(p.contact_name.as_ref()),
        Column::ContactEmail => opt(p.contact_email.as_ref()),
        Column::Role => role_label(p.role).into(),
        _ => String::new(),
    }
}

/// A result's cell in column `c`.
pub fn result_cell(r: &SocietalResult, c: Column) -> String {
    let year = |m: Option<Measure>| opt(m.map(|m| m.year));
    let value = |m: Option<Measure>| opt(m.map(|m| m.value));
    match c {
        Column::Id => r.id.to_string(),
        Column::Name => r.title.clone(),
        Column::Indicator => opt(r.indicator.as_ref()),
        Column::BaselineYear => year(r.baseline),
        Column::BaselineValue => value(r.baseline),
        Column::TargetYear => year(r.target),
        Column::TargetValue => value(r.target),
        _ => String::new(),
    }
}
