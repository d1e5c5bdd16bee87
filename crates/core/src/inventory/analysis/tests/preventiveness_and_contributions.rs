//! Questions 4 and 6, and the summary.

use jiff::civil::date;

use super::fixture::*;
use crate::inventory::analysis::{ResultContribution, Split, Statement, Summary, analyse};
use crate::inventory::model::PreventionLevel::{Selective, Universal};

/// Per group: (key, count, reach, cost).
fn groups(split: &Split) -> Vec<(&str, usize, u64, u64)> {
    split
        .groups
        .iter()
        .map(|g| (g.item.key.as_str(), g.count, g.reach, g.cost))
        .collect()
}

#[test]
fn shares_per_level_are_by_count_by_known_reach_and_by_known_cost() {
    let p = analyse(&inventory(), YEAR).preventiveness;
    let l = &p.levels;
    assert_eq!(p.year, YEAR);
    // Activity 9 ended in 2023; 6 has no reach, 7 no cost.
    assert_eq!(
        (l.offers, l.reach, l.reach_unknown, l.cost, l.cost_unknown),
        (9, 1240, 1, 34_500, 1)
    );
    assert_eq!(
        groups(l),
        [
            ("universal", 5, 1120, 15_500),
            ("selective", 2, 90, 13_000),
            ("indicated", 1, 0, 6_000),
            ("care_related", 1, 30, 0)
        ]
    );
    let shares: Vec<(f64, f64, f64)> = l
        .groups
        .iter()
        .map(|g| (g.count_share, g.reach_share, g.cost_share))
        .collect();
    assert_eq!(
        shares,
        [
            (5.0 / 9.0, 1120.0 / 1240.0, 15_500.0 / 34_500.0),
            (2.0 / 9.0, 90.0 / 1240.0, 13_000.0 / 34_500.0),
            (1.0 / 9.0, 0.0, 6_000.0 / 34_500.0),
            (1.0 / 9.0, 30.0 / 1240.0, 0.0),
        ]
    );
    assert!(l.groups.iter().all(|g| g.item.translate));
}

#[test]
fn shares_per_actor_follow_the_three_columns() {
    let a = analyse(&inventory(), YEAR).preventiveness.actors;
    assert_eq!(
        groups(&a),
        [
            ("citizens", 3, 440, 6_000),
            ("approach", 4, 480, 24_000),
            ("partners", 2, 320, 4_500)
        ]
    );
    assert_eq!(a.groups[1].count_share, 4.0 / 9.0);
}

#[test]
fn the_split_per_year_shows_the_shift_from_indicated_to_selective() {
    let p = analyse(&inventory(), YEAR).preventiveness;
    let years: Vec<(i16, Vec<usize>)> = p
        .years
        .iter()
        .map(|y| (y.year, y.levels.groups.iter().map(|g| g.count).collect()))
        .collect();
    let before = vec![5, 1, 2, 1];
    let after = vec![5, 2, 1, 1];
    assert_eq!(
        years,
        [
            (2019, before.clone()),
            (2020, before.clone()),
            (2021, before.clone()),
            (2022, before.clone()),
            (2023, before),
            (2024, after.clone()),
            (2025, after.clone()),
            (2026, after),
        ]
    );
}

#[test]
fn the_years_go_back_at_most_ten_years_ending_the_year_after() {
    let mut inv = inventory();
    inv.offers[8].start = Some(date(2001, 1, 1));
    let years: Vec<i16> = analyse(&inv, YEAR)
        .preventiveness
        .years
        .iter()
        .map(|y| y.year)
        .collect();
    assert_eq!(years, (2017..=2026).collect::<Vec<_>>());
    // Without dates: this year and the next.
    inv.offers
        .iter_mut()
        .for_each(|o| (o.start, o.end) = (None, None));
    let years: Vec<i16> = analyse(&inv, YEAR)
        .preventiveness
        .years
        .iter()
        .map(|y| y.year)
        .collect();
    assert_eq!(years, [2025, 2026]);
}

#[test]
fn a_partner_contributes_its_activities_results_statements_reach_and_cost() {
    let contributions = analyse(&inventory(), YEAR).contributions;
    let names: Vec<&str> = contributions.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "GGD Rivierland",
            "Jongerenwerk De Brug",
            "Sportvereniging Vooruit",
            "Wijkteam Noord"
        ]
    );
    let ggd = &contributions[0];
    assert_eq!(ggd.partner, partner(GGD));
    // Activity 5 is provided with Sport and counts in full for both.
    assert_eq!(ggd.offers, offers(&[1, 5]));
    assert_eq!(
        ggd.results,
        [
            ResultContribution {
                result: result(ALCOHOL),
                count: 1,
                offers: offers(&[1]),
                statements: vec![Statement {
                    offer: offer(1),
                    text: "We doen voorlichting, zodat ouders hun kind later laten drinken".into(),
                }],
            },
            ResultContribution {
                result: result(BEWEGEN),
                count: 1,
                offers: offers(&[5]),
                statements: vec![Statement {
                    offer: offer(5),
                    text: "We doen een beweegprogramma, zodat kinderen meer bewegen".into(),
                }],
            },
        ]
    );
    assert_eq!(ggd.levels, [Universal, Selective]);
    assert_eq!(ggd.age_groups, ["4-12", "12-18", "ouders"]);
    assert_eq!((ggd.reach, ggd.cost), (450, 18_000));
    assert!(ggd.offers_without_result.is_empty());
    assert_eq!(contributions[2].offers, offers(&[3, 5, 8]));
    assert_eq!(contributions[2].cost, 12_500);
    let wijkteam = &contributions[3];
    // Activity 9 ended; 6 has no reach and 7 no cost.
    assert_eq!(wijkteam.offers, offers(&[6, 7]));
    assert_eq!(wijkteam.offers_without_result, offers(&[7]));
    assert_eq!(
        (
            wijkteam.reach,
            wijkteam.reach_unknown,
            wijkteam.cost,
            wijkteam.cost_unknown
        ),
        (30, 1, 6_000, 1)
    );
}

#[test]
fn the_summary_gives_the_headline_numbers() {
    let s = analyse(&inventory(), YEAR).summary;
    assert_eq!(
        s,
        Summary {
            offers: 9,
            offers_not_running: 1,
            partners: 4,
            partners_without_offer: 0,
            empty_cells: 19,
            cells: 28,
            results_without_offer: 1,
            offers_without_result: 3,
            risk_factors_unaddressed: 4,
            protective_factors_unaddressed: 1,
            duplicate_pairs: 2,
            likely_duplicates: 1,
            partner_overlaps: 2,
            results_continuous: 0,
            universal_share: 5.0 / 9.0,
            universal_reach_share: 1120.0 / 1240.0,
            recognised_share: 3.0 / 9.0,
        }
    );
}

#[test]
fn an_empty_inventory_has_every_cell_empty_and_no_division_by_zero() {
    let mut inv = inventory();
    inv.offers.clear();
    let a = analyse(&inv, YEAR);
    assert_eq!(a.summary.empty_cells, 28);
    assert_eq!(a.summary.universal_share, 0.0);
    assert_eq!(a.summary.partners_without_offer, 4);
    assert!(a.duplicates.pairs.is_empty());
    assert_eq!(a.diversity.age_groups.evenness, 0.0);
    assert!(serde_json::to_string(&a).is_ok());
}

#[test]
fn unnamed_funding_activities_about_to_end_and_unknown_effect_are_listed() {
    use crate::inventory::model::Evidence;
    use jiff::civil::date;
    let mut inv = inventory();
    for o in &mut inv.offers {
        o.evidence = Evidence::PracticeBased;
        o.funding = None;
    }
    // Two spellings of one source, another source, and a blank one.
    inv.offers[0].funding = Some("Rijksmiddelen preventie".into());
    inv.offers[1].funding = Some(" rijksmiddelen Preventie ".into());
    inv.offers[2].funding = Some("Gemeente".into());
    inv.offers[3].funding = Some("  ".into());
    inv.offers[2].evidence = Evidence::None;
    inv.offers[6].evidence = Evidence::None;
    // Ends next year: its successor must be arranged now. Ends later: not yet.
    inv.offers[4].end = Some(date(YEAR + 1, 12, 31));
    inv.offers[5].end = Some(date(YEAR + 2, 1, 1));
    // Activity 9 ended in 2023 and is not current: never listed.
    inv.offers[8].evidence = Evidence::None;

    let p = analyse(&inv, YEAR).preconditions;
    assert_eq!(p.ending, offers(&[5]));
    assert_eq!(p.evidence_unknown, offers(&[3, 7]));
    // Current activities: all but 9; funded: 1, 2, 3.
    assert_eq!(p.funding_unknown, offers(&[4, 5, 6, 7, 8, 10]));
    let sources: Vec<_> = p
        .funding
        .iter()
        .map(|f| (f.source.as_str(), f.offers, f.cost))
        .collect();
    // Costs from the fixture: 1 = 8,000, 2 = 4,000, 3 = 2,000.
    assert_eq!(
        sources,
        [
            ("Rijksmiddelen preventie", 2, 12_000),
            ("Gemeente", 1, 2_000)
        ]
    );
}
