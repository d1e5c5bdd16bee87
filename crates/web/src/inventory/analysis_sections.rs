//! The analysis page's sections: each of seed 003's questions from the
//! core's structured answer to the tables, bar groups, lists and the network
//! picture the page (and the report) show, with names and links.

use super::analysis::{Bar, BarGroup, Finding, Link, LinkList, Network, Table};
use super::matrix::header_label;
use super::offers::euros;
use crate::i18n::Tr;
use koers_core::ids::{OfferId, PartnerId, ResultId};
use koers_core::inventory::analysis::{Analysis, Split, Spread};
use koers_core::inventory::matrix::Axis;
use koers_core::inventory::{Inventory, ListKind, PreventionLevel};
use std::collections::HashMap;

pub(super) fn pct(share: f64) -> u32 {
    (share * 100.0).round().clamp(0.0, 100.0) as u32
}

/// Names of the records an analysis refers to, by id.
pub(super) struct Names<'a> {
    offers: HashMap<OfferId, &'a str>,
    partners: HashMap<PartnerId, &'a str>,
    results: HashMap<ResultId, &'a str>,
}

impl<'a> Names<'a> {
    pub(super) fn new(inv: &'a Inventory) -> Names<'a> {
        Names {
            offers: inv.offers.iter().map(|o| (o.id, o.name.as_str())).collect(),
            partners: inv
                .partners
                .iter()
                .map(|p| (p.id, p.name.as_str()))
                .collect(),
            results: inv
                .results
                .iter()
                .map(|r| (r.id, r.title.as_str()))
                .collect(),
        }
    }
    pub(super) fn offer(&self, id: OfferId) -> Link {
        Link {
            href: format!("/inventory/activities/{id}"),
            text: self
                .offers
                .get(&id)
                .copied()
                .unwrap_or_default()
                .to_string(),
        }
    }
    fn partner(&self, id: PartnerId) -> Link {
        Link {
            href: format!("/inventory/activities?partner={id}"),
            text: self
                .partners
                .get(&id)
                .copied()
                .unwrap_or_default()
                .to_string(),
        }
    }
    fn result(&self, id: ResultId) -> String {
        self.results
            .get(&id)
            .copied()
            .unwrap_or_default()
            .to_string()
    }
}

pub(super) fn plain(text: String) -> Link {
    Link {
        href: String::new(),
        text,
    }
}

pub(super) fn level(t: &Tr, l: PreventionLevel) -> String {
    t.t(&format!("inv-level-{}", l.key()))
}

pub(super) fn findings(t: &Tr, a: &Analysis) -> Vec<Finding> {
    let s = &a.summary;
    let f = |figure: String, key: &str| Finding {
        figure,
        text: t.t(key),
    };
    vec![
        f(s.offers.to_string(), "inv-an-f-offers"),
        f(
            format!("{} / {}", s.empty_cells, s.cells),
            "inv-an-f-empty-cells",
        ),
        f(
            s.results_without_offer.to_string(),
            "inv-an-f-results-without",
        ),
        f(
            (s.risk_factors_unaddressed + s.protective_factors_unaddressed).to_string(),
            "inv-an-f-factors",
        ),
        f(s.likely_duplicates.to_string(), "inv-an-f-duplicates"),
        f(a.preconditions.ending.len().to_string(), "inv-an-f-ending"),
        f(s.results_continuous.to_string(), "inv-an-f-continuous"),
        f(
            format!("{} %", pct(s.universal_share)),
            "inv-an-f-universal",
        ),
        f(
            format!("{} %", pct(s.recognised_share)),
            "inv-an-f-recognised",
        ),
        f(
            s.offers_without_result.to_string(),
            "inv-an-f-without-result",
        ),
    ]
}

pub(super) fn gaps(t: &Tr, inv: &Inventory, a: &Analysis, n: &Names) -> Vec<LinkList> {
    let g = &a.gaps;
    let label = |kind: ListKind, key: &str| plain(inv.lists.label(kind, key).to_string());
    let list = |title: &str, items: Vec<Link>| LinkList {
        title: t.t(title),
        items,
        empty: t.t("inv-an-none"),
    };
    vec![
        list(
            "inv-an-gap-cells",
            g.empty_cells
                .iter()
                .map(|c| {
                    plain(format!(
                        "{} · {}",
                        level(t, c.level),
                        inv.lists.label(ListKind::AgeGroup, &c.age_group)
                    ))
                })
                .collect(),
        ),
        list(
            "inv-an-gap-results",
            g.results_without_offer
                .iter()
                .map(|r| plain(n.result(*r)))
                .collect(),
        ),
        list(
            "inv-an-gap-ages",
            g.age_groups_without_offer
                .iter()
                .map(|k| label(ListKind::AgeGroup, k))
                .collect(),
        ),
        list(
            "inv-an-gap-levels",
            g.levels_without_offer
                .iter()
                .map(|l| plain(level(t, *l)))
                .collect(),
        ),
        list(
            "inv-an-gap-risk",
            g.risk_factors_unaddressed
                .iter()
                .map(|k| label(ListKind::Factor, k))
                .collect(),
        ),
        list(
            "inv-an-gap-protective",
            g.protective_factors_unaddressed
                .iter()
                .map(|k| label(ListKind::Factor, k))
                .collect(),
        ),
        list(
            "inv-an-gap-themes",
            g.themes_without_offer
                .iter()
                .map(|k| label(ListKind::Theme, k))
                .collect(),
        ),
        list(
            "inv-an-gap-no-result",
            g.offers_without_result
                .iter()
                .map(|o| n.offer(*o))
                .collect(),
        ),
    ]
}

pub(super) fn duplicates(t: &Tr, inv: &Inventory, a: &Analysis, n: &Names) -> (Table, Table) {
    let d = &a.duplicates;
    let pairs = Table {
        caption: format!(
            "{} · {}",
            t.t2(
                "inv-an-dup-caption",
                "shown",
                d.pairs.len() as i64,
                "total",
                d.pairs_total as i64,
            ),
            t.t2(
                "inv-an-dup-split",
                "similar",
                d.similar_total as i64,
                "target",
                (d.pairs_total - d.similar_total) as i64,
            )
        ),
        head: vec![
            t.t("inv-an-dup-a"),
            t.t("inv-an-dup-b"),
            t.t("inv-an-dup-score"),
            t.t("inv-an-dup-reason"),
            t.t("inv-an-dup-where"),
        ],
        rows: d
            .pairs
            .iter()
            .map(|p| {
                let b = n.offer(p.b);
                let reason = match p.reason {
                    koers_core::inventory::analysis::DuplicateReason::SimilarText => {
                        "inv-an-dup-text"
                    }
                    koers_core::inventory::analysis::DuplicateReason::SameTarget => {
                        "inv-an-dup-target"
                    }
                    koers_core::inventory::analysis::DuplicateReason::Both => "inv-an-dup-both",
                };
                let ages: Vec<&str> = p
                    .age_groups
                    .iter()
                    .map(|k| inv.lists.label(ListKind::AgeGroup, k))
                    .collect();
                (
                    n.offer(p.a),
                    vec![
                        b.text,
                        format!("{} %", pct(f64::from(p.score))),
                        t.t(reason),
                        format!("{} · {}", level(t, p.level), ages.join(", ")),
                    ],
                )
            })
            .collect(),
    };
    let overlaps = Table {
        caption: t.t2(
            "inv-an-overlap-caption",
            "shown",
            d.overlaps.len() as i64,
            "total",
            d.overlaps_total as i64,
        ),
        head: vec![
            t.t("inv-an-partner-a"),
            t.t("inv-an-partner-b"),
            t.t("inv-an-overlap-cells"),
        ],
        rows: d
            .overlaps
            .iter()
            .map(|o| {
                let cells: Vec<String> = o
                    .cells
                    .iter()
                    .take(4)
                    .map(|c| {
                        format!(
                            "{} · {} · {}",
                            level(t, c.level),
                            inv.lists.label(ListKind::AgeGroup, &c.age_group),
                            inv.lists.label(ListKind::Theme, &c.theme)
                        )
                    })
                    .collect();
                let more = if o.cells.len() > 4 {
                    format!(" (+{})", o.cells.len() - 4)
                } else {
                    String::new()
                };
                (
                    n.partner(o.a),
                    vec![n.partner(o.b).text, format!("{}{more}", cells.join("; "))],
                )
            })
            .collect(),
    };
    (pairs, overlaps)
}

pub(super) fn spread(t: &Tr, title: &str, axis: Axis, s: &Spread, offers: usize) -> BarGroup {
    BarGroup {
        title: t.t(title),
        bars: s
            .items
            .iter()
            .map(|i| Bar {
                label: header_label(t, axis, &i.item),
                value: i.count.to_string(),
                pct: if offers == 0 {
                    0
                } else {
                    pct(i.count as f64 / offers as f64)
                },
            })
            .collect(),
        note: t.t2(
            "inv-an-spread-note",
            "covered",
            pct(s.coverage) as i64,
            "evenness",
            pct(s.evenness) as i64,
        ),
    }
}

pub(super) fn diversity(t: &Tr, a: &Analysis) -> Vec<BarGroup> {
    let d = &a.diversity;
    let fb = &d.factor_balance;
    let balance = BarGroup {
        title: t.t("inv-an-factor-balance"),
        bars: [
            ("inv-an-fb-both", fb.both),
            ("inv-an-fb-risk-only", fb.risk_only),
            ("inv-an-fb-protective-only", fb.protective_only),
            ("inv-an-fb-neither", fb.neither),
        ]
        .into_iter()
        .map(|(k, c)| Bar {
            label: t.t(k),
            value: c.to_string(),
            pct: if d.offers == 0 {
                0
            } else {
                pct(c as f64 / d.offers as f64)
            },
        })
        .collect(),
        note: t.t2(
            "inv-an-individual-group",
            "individual",
            d.reaches_individuals as i64,
            "group",
            d.reaches_groups as i64,
        ),
    };
    vec![
        spread(
            t,
            "inv-axis-age_group",
            Axis::AgeGroup,
            &d.age_groups,
            d.offers,
        ),
        spread(t, "inv-axis-form", Axis::Form, &d.forms, d.offers),
        spread(t, "inv-axis-theme", Axis::Theme, &d.themes, d.offers),
        spread(t, "inv-axis-setting", Axis::Setting, &d.settings, d.offers),
        spread(t, "inv-axis-factor", Axis::Factor, &d.factors, d.offers),
        balance,
    ]
}

pub(super) fn split_table(t: &Tr, caption: String, axis: Axis, s: &Split) -> Table {
    Table {
        caption,
        head: vec![
            t.t("inv-axis-level"),
            t.t("inv-an-count"),
            t.t("inv-an-share-count"),
            t.t("inv-an-share-reach"),
            t.t("inv-an-share-cost"),
        ],
        rows: s
            .groups
            .iter()
            .map(|g| {
                (
                    plain(header_label(t, axis, &g.item)),
                    vec![
                        g.count.to_string(),
                        format!("{} %", pct(g.count_share)),
                        format!("{} %", pct(g.reach_share)),
                        format!("{} %", pct(g.cost_share)),
                    ],
                )
            })
            .collect(),
    }
}

pub(super) fn coherence(t: &Tr, a: &Analysis, n: &Names) -> (Table, Table) {
    let c = &a.coherence;
    let coverage = Table {
        caption: t.t("inv-an-coverage-caption"),
        head: vec![
            t.t("inv-axis-result"),
            t.t("inv-nav-offers"),
            t.t("inv-nav-partners"),
            t.t("inv-an-levels-covered"),
            t.t("inv-an-levels-missing"),
        ],
        rows: c
            .results
            .iter()
            .map(|r| {
                let covered: Vec<String> = r
                    .levels
                    .iter()
                    .filter(|l| l.count > 0)
                    .map(|l| format!("{} ({})", level(t, l.level), l.count))
                    .collect();
                let missing: Vec<String> = r.levels_missing.iter().map(|l| level(t, *l)).collect();
                (
                    plain(n.result(r.result)),
                    vec![
                        r.offers.len().to_string(),
                        r.partners.len().to_string(),
                        covered.join(", "),
                        if missing.is_empty() {
                            t.t("inv-an-continuous")
                        } else {
                            missing.join(", ")
                        },
                    ],
                )
            })
            .collect(),
    };
    let m = &c.partner_results;
    let mut head = vec![t.t("inv-axis-partner")];
    head.extend(m.cols.iter().map(|h| h.label.clone()));
    let partner_results = Table {
        caption: t.t("inv-an-partner-results-caption"),
        head,
        rows: m
            .rows
            .iter()
            .zip(&m.cells)
            .map(|(h, cells)| {
                let link = h
                    .key
                    .parse()
                    .map(|id| n.partner(id))
                    .unwrap_or_else(|_| plain(h.label.clone()));
                (
                    link,
                    cells
                        .iter()
                        .map(|c| {
                            if c.offers.is_empty() {
                                String::new()
                            } else {
                                c.offers.len().to_string()
                            }
                        })
                        .collect(),
                )
            })
            .collect(),
    };
    (coverage, partner_results)
}

/// Partners that share a result, on a circle: the picture of who works with
/// whom. Partners without a shared result sit on the circle unconnected.
pub(super) fn network(a: &Analysis, n: &Names) -> Network {
    let c = &a.coherence;
    let mut ids: Vec<PartnerId> = c
        .partner_results
        .rows
        .iter()
        .filter_map(|h| h.key.parse().ok())
        .collect();
    ids.sort_by_key(|id| {
        n.partners
            .get(id)
            .copied()
            .unwrap_or_default()
            .to_lowercase()
    });
    let count = ids.len().max(1) as f32;
    let (cx, cy, r) = (400.0_f32, 260.0_f32, 190.0_f32);
    let pos: HashMap<PartnerId, (f32, f32)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let angle = std::f32::consts::TAU * i as f32 / count - std::f32::consts::FRAC_PI_2;
            (*id, (cx + r * angle.cos(), cy + r * angle.sin()))
        })
        .collect();
    let max = c.edges.iter().map(|e| e.weight).max().unwrap_or(1).max(1) as f32;
    Network {
        nodes: ids
            .iter()
            .filter_map(|id| {
                let (x, y) = pos.get(id)?;
                let anchor = if *x < cx - 5.0 {
                    "end"
                } else if *x > cx + 5.0 {
                    "start"
                } else {
                    "middle"
                };
                let dx = if anchor == "end" {
                    -9.0
                } else if anchor == "start" {
                    9.0
                } else {
                    0.0
                };
                // Beside the node on the sides; above it at the top and
                // below it at the bottom, where the label is centred on it.
                let label_y = match anchor {
                    "middle" if *y < cy => *y - 12.0,
                    "middle" => *y + 22.0,
                    _ => *y + 4.0,
                };
                Some((
                    *x + dx,
                    *y,
                    n.partners.get(id).copied().unwrap_or_default().to_string(),
                    anchor,
                    label_y,
                ))
            })
            .collect(),
        edges: c
            .edges
            .iter()
            .filter_map(|e| {
                let (a, b) = (pos.get(&e.a)?, pos.get(&e.b)?);
                Some((a.0, a.1, b.0, b.1, 1.0 + 5.0 * e.weight as f32 / max))
            })
            .collect(),
    }
}

pub(super) fn contributions(t: &Tr, inv: &Inventory, a: &Analysis, n: &Names) -> Table {
    Table {
        caption: t.t("inv-an-contrib-caption"),
        head: vec![
            t.t("inv-axis-partner"),
            t.t("inv-nav-offers"),
            t.t("inv-nav-results"),
            t.t("inv-axis-level"),
            t.t("inv-axis-age_group"),
            t.t("inv-field-reach"),
            t.t("inv-field-cost"),
        ],
        rows: a
            .contributions
            .iter()
            .map(|c| {
                let results: Vec<String> = c
                    .results
                    .iter()
                    .map(|r| format!("{} ({})", n.result(r.result), r.count))
                    .collect();
                let levels: Vec<String> = c.levels.iter().map(|l| level(t, *l)).collect();
                let ages: Vec<&str> = c
                    .age_groups
                    .iter()
                    .map(|k| inv.lists.label(ListKind::AgeGroup, k))
                    .collect();
                (
                    n.partner(c.partner),
                    vec![
                        c.offers.len().to_string(),
                        results.join("; "),
                        levels.join(", "),
                        ages.join(", "),
                        c.reach.to_string(),
                        euros(c.cost),
                    ],
                )
            })
            .collect(),
    }
}
