//! Question 1: what is missing, and where are the duplicates.

use super::fixture::*;
use crate::inventory::analysis::{DuplicateReason, LevelAge, SIMILAR_TEXT, analyse};
use crate::inventory::model::PreventionLevel::{
    self, CareRelated, Indicated, Selective, Universal,
};

fn cells(level: PreventionLevel, ages: &[&str]) -> Vec<LevelAge> {
    ages.iter()
        .map(|&a| LevelAge {
            level,
            age_group: a.to_owned(),
        })
        .collect()
}

#[test]
fn empty_level_age_cells_are_listed_level_by_level_in_list_order() {
    let gaps = analyse(&inventory(), YEAR).gaps;
    let mut expected = cells(Universal, &["prenataal", "0-4", "18-23", "professionals"]);
    expected.extend(cells(
        Selective,
        &["prenataal", "0-4", "12-18", "ouders", "professionals"],
    ));
    expected.extend(cells(
        Indicated,
        &[
            "prenataal",
            "0-4",
            "4-12",
            "18-23",
            "ouders",
            "professionals",
        ],
    ));
    expected.extend(cells(
        CareRelated,
        &["prenataal", "12-18", "18-23", "professionals"],
    ));
    assert_eq!(gaps.empty_cells, expected);
    assert_eq!(gaps.cells, 28);
}

#[test]
fn results_age_groups_themes_and_factors_nobody_addresses_are_found() {
    let gaps = analyse(&inventory(), YEAR).gaps;
    assert_eq!(gaps.results_without_offer, vec![result(ARMOEDE)]);
    assert_eq!(
        gaps.age_groups_without_offer,
        ["prenataal", "professionals"]
    );
    assert!(gaps.levels_without_offer.is_empty());
    // "pesten" and "mentaal" only had the activity that ended in 2023.
    assert_eq!(
        gaps.risk_factors_unaddressed,
        ["armoede", "eenzaamheid", "pesten", "huiselijk-geweld"]
    );
    assert_eq!(
        gaps.protective_factors_unaddressed,
        ["sociale-vaardigheden"]
    );
    assert_eq!(
        gaps.themes_without_offer,
        ["mentaal", "veiligheid", "armoede"]
    );
    assert_eq!(gaps.offers_without_result, offers(&[4, 7, 10]));
}

#[test]
fn a_level_without_activity_is_a_gap() {
    let mut inv = inventory();
    inv.offers.retain(|o| o.level != CareRelated);
    let gaps = analyse(&inv, YEAR).gaps;
    assert_eq!(gaps.levels_without_offer, [CareRelated]);
    assert_eq!(gaps.empty_cells.len(), 19 + 3);
}

#[test]
fn reworded_activities_in_one_cell_are_flagged_and_unrelated_ones_are_not() {
    let dup = analyse(&inventory(), YEAR).duplicates;
    let found: Vec<_> = dup.pairs.iter().map(|p| (p.a, p.b, p.reason)).collect();
    assert_eq!(
        found,
        [
            (offer(1), offer(2), DuplicateReason::Both),
            (offer(1), offer(8), DuplicateReason::SameTarget),
        ]
    );
    assert_eq!(dup.pairs_total, 2);
    assert_eq!(dup.similar_total, 1, "1–2 alike, 1–8 only the same target");
    assert_eq!(dup.threshold, SIMILAR_TEXT);
    let similar = &dup.pairs[0];
    assert!(similar.score >= SIMILAR_TEXT, "{}", similar.score);
    assert_eq!(similar.level, Universal);
    assert_eq!(similar.age_groups, ["ouders"]);
    assert_eq!(similar.results, [result(ALCOHOL)]);
    assert_eq!(similar.themes, ["middelen"]);
    // Same target, texts apart: only the word "alcohol" in common.
    let target = &dup.pairs[1];
    assert!(
        target.score > 0.0 && target.score < SIMILAR_TEXT,
        "{}",
        target.score
    );
    assert_eq!(target.age_groups, ["12-18"]);
}

#[test]
fn similar_texts_without_a_common_target_are_flagged_as_similar_text() {
    let mut inv = inventory();
    // Activity 2 now serves another result and theme: only its text is alike.
    inv.offers[1].results.clear();
    inv.offers[1].themes = vec!["opvoeden".into()];
    let dup = analyse(&inv, YEAR).duplicates;
    let found: Vec<_> = dup.pairs.iter().map(|p| (p.a, p.b, p.reason)).collect();
    assert_eq!(
        found,
        [
            (offer(1), offer(2), DuplicateReason::SimilarText),
            (offer(1), offer(8), DuplicateReason::SameTarget),
        ]
    );
}

#[test]
fn alike_texts_in_different_cells_are_not_compared() {
    let mut inv = inventory();
    // Activity 2 moves to selective prevention: no cell in common with 1.
    inv.offers[1].level = Selective;
    let dup = analyse(&inv, YEAR).duplicates;
    assert!(dup.pairs.iter().all(|p| p.b != offer(2)), "{:?}", dup.pairs);
}

#[test]
fn the_same_pair_in_two_shared_cells_is_reported_once() {
    let mut inv = inventory();
    inv.offers[1].age_groups = vec!["ouders".into(), "12-18".into()];
    let dup = analyse(&inv, YEAR).duplicates;
    let pair = dup
        .pairs
        .iter()
        .find(|p| p.a == offer(1) && p.b == offer(2))
        .expect("flagged");
    assert_eq!(pair.age_groups, ["ouders", "12-18"]);
    let found: Vec<_> = dup.pairs.iter().map(|p| (p.a, p.b)).collect();
    // 2 and 8 now share 12-18 as well; their texts are closer than 1 and 8.
    assert_eq!(
        found,
        [
            (offer(1), offer(2)),
            (offer(2), offer(8)),
            (offer(1), offer(8))
        ]
    );
    assert_eq!(dup.pairs_total, 3);
}

#[test]
fn partners_each_active_for_the_same_group_overlap_but_joint_providers_do_not() {
    let dup = analyse(&inventory(), YEAR).duplicates;
    let found: Vec<_> = dup
        .overlaps
        .iter()
        .map(|o| {
            let cells: Vec<_> = o
                .cells
                .iter()
                .map(|c| {
                    (
                        c.level,
                        c.age_group.as_str(),
                        c.theme.as_str(),
                        c.offers_a.clone(),
                        c.offers_b.clone(),
                    )
                })
                .collect();
            (o.a, o.b, cells)
        })
        .collect();
    // GGD and Sport provide activity 5 together: not an overlap.
    assert_eq!(
        found,
        [
            (
                partner(GGD),
                partner(JONGERENWERK),
                vec![(Universal, "ouders", "middelen", offers(&[1]), offers(&[2]))]
            ),
            (
                partner(GGD),
                partner(SPORT),
                vec![(Universal, "12-18", "middelen", offers(&[1]), offers(&[8]))]
            ),
        ]
    );
    assert_eq!(dup.overlaps_total, 2);
    assert!(dup.overlaps.iter().all(|o| o.cells_total == 1));
}

#[test]
fn the_same_target_in_different_settings_is_no_duplicate_and_no_overlap() {
    // Activities 1 (GGD) and 8 (Sport) aim at the same target for 12–18.
    let mut inv = inventory();
    inv.offers[0].settings = vec!["thuis".into()];
    inv.offers[7].settings = vec!["school".into(), "wijk".into()];
    let dup = analyse(&inv, YEAR).duplicates;
    assert!(
        dup.pairs.iter().all(|p| (p.a, p.b) != (offer(1), offer(8))),
        "{:?}",
        dup.pairs
    );
    assert!(
        dup.overlaps
            .iter()
            .all(|o| (o.a, o.b) != (partner(GGD), partner(SPORT))),
        "{:?}",
        dup.overlaps
    );
    // A setting in common makes them a pair (and an overlap) again.
    inv.offers[0].settings.push("wijk".into());
    let dup = analyse(&inv, YEAR).duplicates;
    assert!(
        dup.pairs
            .iter()
            .any(|p| (p.a, p.b, p.reason) == (offer(1), offer(8), DuplicateReason::SameTarget))
    );
    assert!(
        dup.overlaps
            .iter()
            .any(|o| (o.a, o.b) == (partner(GGD), partner(SPORT)))
    );
}
