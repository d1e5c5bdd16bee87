//! Questions 2 and 3: diversity, and which partners work on which result.

use super::fixture::*;
use crate::inventory::analysis::diversity::spread;
use crate::inventory::analysis::{Edge, FactorBalance, Spread, analyse};
use crate::inventory::matrix::Header;
use crate::inventory::model::PreventionLevel::{CareRelated, Indicated, Selective, Universal};

fn counts(spread: &Spread) -> Vec<(&str, usize)> {
    spread
        .items
        .iter()
        .map(|t| (t.item.key.as_str(), t.count))
        .collect()
}

/// Pielou's evenness written out: H / ln k over the non-zero counts.
fn evenness(counts: &[usize], k: usize) -> f64 {
    let n: usize = counts.iter().sum();
    let h: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n as f64;
            -p * p.ln()
        })
        .sum();
    h / (k as f64).ln()
}

#[test]
fn activities_are_counted_per_age_group_theme_and_setting_with_their_spread() {
    let d = analyse(&inventory(), YEAR).diversity;
    assert_eq!(d.offers, 9);
    assert_eq!(
        counts(&d.age_groups),
        [
            ("prenataal", 0),
            ("0-4", 1),
            ("4-12", 4),
            ("12-18", 4),
            ("18-23", 1),
            ("ouders", 3),
            ("professionals", 0)
        ]
    );
    assert_eq!(d.age_groups.covered, 5);
    assert_eq!(d.age_groups.coverage, 5.0 / 7.0);
    assert!((d.age_groups.evenness - evenness(&[1, 4, 4, 1, 3], 7)).abs() < 1e-12);
    assert_eq!(
        counts(&d.themes),
        [
            ("opvoeden", 1),
            ("gezondheid", 3),
            ("mentaal", 0),
            ("onderwijs", 1),
            ("veiligheid", 0),
            ("participatie", 1),
            ("middelen", 3),
            ("armoede", 0)
        ]
    );
    assert_eq!(d.themes.coverage, 5.0 / 8.0);
    // No activity of the fixture names a setting.
    assert_eq!(
        (d.settings.covered, d.settings.coverage, d.settings.evenness),
        (0, 0.0, 0.0)
    );
    assert_eq!(d.settings.items.len(), 5);
}

#[test]
fn individual_and_group_offer_and_the_factor_balance_are_counted() {
    let d = analyse(&inventory(), YEAR).diversity;
    assert_eq!(
        counts(&d.forms),
        [("individual", 2), ("group", 6), ("both", 1)]
    );
    assert!(d.forms.items.iter().all(|t| t.item.translate));
    assert_eq!((d.reaches_individuals, d.reaches_groups), (3, 7));
    assert_eq!(
        d.factor_balance,
        FactorBalance {
            risk: 8,
            protective: 5,
            both: 4,
            risk_only: 4,
            protective_only: 1,
            neither: 0,
        }
    );
}

#[test]
fn evenness_is_one_for_an_even_spread_and_zero_for_one_item_of_many() {
    let h = |k: &str| Header::new(k, k, false);
    let even = spread(vec![(h("a"), 3), (h("b"), 3), (h("c"), 3)]);
    assert!((even.evenness - 1.0).abs() < 1e-12);
    assert_eq!(even.coverage, 1.0);
    let one = spread(vec![(h("a"), 5), (h("b"), 0), (h("c"), 0)]);
    assert_eq!((one.evenness, one.covered), (0.0, 1));
    let empty = spread(vec![(h("a"), 0), (h("b"), 0)]);
    assert_eq!((empty.evenness, empty.coverage), (0.0, 0.0));
}

#[test]
fn the_partner_result_matrix_counts_current_activities() {
    let c = analyse(&inventory(), YEAR).coherence;
    let m = &c.partner_results;
    let rows: Vec<&str> = m.rows.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(
        rows,
        [
            "GGD Rivierland",
            "Jongerenwerk De Brug",
            "Sportvereniging Vooruit",
            "Wijkteam Noord"
        ]
    );
    let cols: Vec<String> = m.cols.iter().map(|h| h.key.clone()).collect();
    assert_eq!(
        cols,
        [result(ALCOHOL), result(BEWEGEN), result(ARMOEDE)].map(|r| r.to_string())
    );
    let table: Vec<Vec<usize>> = m
        .cells
        .iter()
        .map(|row| row.iter().map(|cell| cell.offers.len()).collect())
        .collect();
    assert_eq!(table, [[1, 1, 0], [1, 0, 0], [1, 2, 0], [0, 1, 0]]);
    assert_eq!((m.total_offers, m.unplaced), (9, 3));
}

#[test]
fn each_result_shows_its_partners_and_the_levels_it_misses() {
    let c = analyse(&inventory(), YEAR).coherence;
    let r: Vec<_> = c
        .results
        .iter()
        .map(|r| {
            (
                r.result,
                r.offers.clone(),
                r.partners.clone(),
                r.levels_missing.clone(),
                r.continuous,
            )
        })
        .collect();
    assert_eq!(
        r,
        [
            (
                result(ALCOHOL),
                offers(&[1, 2, 8]),
                vec![partner(GGD), partner(JONGERENWERK), partner(SPORT)],
                vec![Selective, Indicated, CareRelated],
                false
            ),
            (
                result(BEWEGEN),
                offers(&[3, 5, 6]),
                vec![partner(GGD), partner(SPORT), partner(WIJKTEAM)],
                vec![CareRelated],
                false
            ),
            (
                result(ARMOEDE),
                vec![],
                vec![],
                vec![Universal, Selective, Indicated, CareRelated],
                false
            ),
        ]
    );
    let levels: Vec<_> = c.results[1]
        .levels
        .iter()
        .map(|l| (l.level, l.count))
        .collect();
    assert_eq!(
        levels,
        [
            (Universal, 1),
            (Selective, 1),
            (Indicated, 1),
            (CareRelated, 0)
        ]
    );
}

#[test]
fn partners_sharing_results_are_linked_heaviest_first() {
    let c = analyse(&inventory(), YEAR).coherence;
    let edge = |a, b, results: &[u128]| Edge {
        a: partner(a),
        b: partner(b),
        weight: results.len(),
        results: results.iter().map(|&r| result(r)).collect(),
    };
    assert_eq!(
        c.edges,
        [
            edge(GGD, SPORT, &[ALCOHOL, BEWEGEN]),
            edge(GGD, JONGERENWERK, &[ALCOHOL]),
            edge(GGD, WIJKTEAM, &[BEWEGEN]),
            edge(JONGERENWERK, SPORT, &[ALCOHOL]),
            edge(SPORT, WIJKTEAM, &[BEWEGEN]),
        ]
    );
}

#[test]
fn counted_items_serialize_flat_with_key_label_and_translate_flag() {
    let d = analyse(&inventory(), YEAR).diversity;
    let json = serde_json::to_value(&d.forms.items[0]).expect("serializes");
    assert_eq!(
        json,
        serde_json::json!({"key": "individual", "label": "individual", "translate": true, "count": 2})
    );
    let theme = serde_json::to_value(&d.themes.items[1]).expect("serializes");
    assert_eq!(theme["label"], "Gezondheid");
    assert_eq!(theme["translate"], false);
}
