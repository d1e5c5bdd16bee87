use super::*;
use crate::inventory::analysis::tests::fixture::*;

fn ids(m: &Matrix, row: &str, col: &str) -> Vec<OfferId> {
    m.cell(row, col).expect("cell exists").offers.clone()
}

#[test]
fn axes_have_stable_keys_and_enum_axes_are_translated() {
    for axis in Axis::ALL {
        assert_eq!(Axis::parse(axis.key()), Some(axis));
    }
    assert_eq!(Axis::parse("age_group"), Some(Axis::AgeGroup));
    assert_eq!(Axis::parse("leeftijd"), None);
    let translated: Vec<Axis> = Axis::ALL.into_iter().filter(|a| a.translate()).collect();
    assert_eq!(
        translated,
        [Axis::Level, Axis::Actor, Axis::Form, Axis::Evidence]
    );
}

#[test]
fn level_by_age_group_lists_every_item_and_counts_an_activity_in_each_of_its_cells() {
    let m = matrix(
        &inventory(),
        Axis::Level,
        Axis::AgeGroup,
        &Filter::default(),
    );
    let rows: Vec<(&str, &str, bool)> = m
        .rows
        .iter()
        .map(|h| (h.key.as_str(), h.label.as_str(), h.translate))
        .collect();
    assert_eq!(
        rows,
        [
            ("universal", "universal", true),
            ("selective", "selective", true),
            ("indicated", "indicated", true),
            ("care_related", "care_related", true)
        ]
    );
    let cols: Vec<&str> = m.cols.iter().map(|h| h.key.as_str()).collect();
    assert_eq!(
        cols,
        [
            "prenataal",
            "0-4",
            "4-12",
            "12-18",
            "18-23",
            "ouders",
            "professionals"
        ]
    );
    assert_eq!(m.cols[2].label, "4–12 jaar");
    assert!(!m.cols[2].translate);
    // The matrix shows the whole inventory, ended activity 9 included.
    assert_eq!((m.total_offers, m.unplaced), (10, 0));
    assert_eq!(ids(&m, "universal", "12-18"), offers(&[1, 4, 8]));
    assert_eq!(ids(&m, "indicated", "12-18"), offers(&[6, 9]));
    // Activity 7 is for three age groups.
    for age in ["0-4", "4-12", "ouders"] {
        assert_eq!(ids(&m, "care_related", age), offers(&[7]));
    }
    assert!(ids(&m, "universal", "prenataal").is_empty());
    let placed: usize = m.cells.iter().flatten().map(|c| c.offers.len()).sum();
    assert_eq!(placed, 14);
    let cell = m.cell("universal", "12-18").expect("cell");
    assert_eq!((cell.reach, cell.cost), (620, 9_500));
    assert_eq!((m.max_count, m.max_reach), (3, 620));
}

#[test]
fn filters_narrow_to_activities_with_the_value() {
    let inv = inventory();
    let by_theme = Filter {
        theme: Some("middelen".into()),
        ..Filter::default()
    };
    let m = matrix(&inv, Axis::Level, Axis::AgeGroup, &by_theme);
    assert_eq!(m.total_offers, 3);
    assert_eq!(ids(&m, "universal", "ouders"), offers(&[1, 2]));
    assert_eq!(ids(&m, "universal", "12-18"), offers(&[1, 8]));
    assert!(ids(&m, "universal", "4-12").is_empty());

    let by_partner = Filter {
        partner: Some(partner(SPORT)),
        ..Filter::default()
    };
    let m = matrix(&inv, Axis::Level, Axis::AgeGroup, &by_partner);
    assert_eq!(m.total_offers, 3);
    assert_eq!(ids(&m, "selective", "4-12"), offers(&[5]));

    let combined = Filter {
        level: Some(PreventionLevel::Universal),
        age_group: Some("12-18".into()),
        evidence: Some(Evidence::None),
        ..Filter::default()
    };
    assert_eq!(
        matrix(&inv, Axis::Level, Axis::AgeGroup, &combined).total_offers,
        1
    );
    let by_result = Filter {
        result: Some(result(BEWEGEN)),
        ..Filter::default()
    };
    let kept: Vec<OfferId> = inv
        .offers
        .iter()
        .filter(|o| by_result.matches(o))
        .map(|o| o.id)
        .collect();
    assert_eq!(kept, offers(&[3, 5, 6]));

    // Activity 9 ran 2019–2023, activity 10 started in 2024.
    let in_year = |year| {
        let f = Filter {
            year: Some(year),
            ..Filter::default()
        };
        let ids: Vec<OfferId> = inv
            .offers
            .iter()
            .filter(|o| f.matches(o))
            .map(|o| o.id)
            .collect();
        ids
    };
    assert_eq!(in_year(2025), offers(&[1, 2, 3, 4, 5, 6, 7, 8, 10]));
    assert_eq!(in_year(2023), offers(&[1, 2, 3, 4, 5, 6, 7, 8, 9]));
}

#[test]
fn partners_are_rows_in_name_order_and_joint_activities_count_for_each() {
    let m = matrix(&inventory(), Axis::Partner, Axis::Theme, &Filter::default());
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
    assert_eq!(m.rows[0].key, partner(GGD).to_string());
    let ggd = partner(GGD).to_string();
    let sport = partner(SPORT).to_string();
    assert_eq!(ids(&m, &ggd, "gezondheid"), offers(&[5]));
    assert_eq!(ids(&m, &sport, "gezondheid"), offers(&[3, 5]));
}

#[test]
fn keys_no_longer_on_the_list_and_unknown_providers_become_extra_headers() {
    let mut inv = inventory();
    inv.offers[3].age_groups.push("16-27".into());
    let gone = PartnerId(uuid::Uuid::from_u128(0x999));
    inv.offers[2].providers.push(gone);
    let m = matrix(&inv, Axis::Partner, Axis::AgeGroup, &Filter::default());
    let last = m.cols.last().expect("columns");
    assert_eq!(
        (last.key.as_str(), last.label.as_str(), last.translate),
        ("16-27", "16-27", false)
    );
    assert_eq!(m.cols.len(), 8);
    let row = m.rows.last().expect("rows");
    assert_eq!(
        (row.key.clone(), row.label.clone()),
        (gone.to_string(), gone.to_string())
    );
    assert_eq!(
        ids(&m, &partner(JONGERENWERK).to_string(), "16-27"),
        offers(&[4])
    );
    assert_eq!(ids(&m, &gone.to_string(), "4-12"), offers(&[3]));
}

#[test]
fn activities_without_a_value_on_an_axis_are_counted_as_unplaced() {
    let m = matrix(&inventory(), Axis::Level, Axis::Result, &Filter::default());
    assert_eq!((m.total_offers, m.unplaced), (10, 4));
    assert_eq!(m.cols[0].label, "Minder jongeren drinken alcohol");
    assert!(
        m.cells.iter().all(|row| row[2].offers.is_empty()),
        "no activity for armoede"
    );
}

#[test]
fn intensity_is_zero_only_when_empty_and_four_at_the_maximum() {
    let classes: Vec<u8> = [0, 1, 2, 3, 4, 5, 6, 7, 8]
        .iter()
        .map(|&c| intensity(c, 8))
        .collect();
    assert_eq!(classes, [0, 1, 1, 2, 2, 3, 3, 4, 4]);
    assert_eq!(intensity(1, 100), 1);
    assert_eq!(intensity(1, 1), 4);
    assert_eq!(intensity(0, 0), 0);
    assert_eq!(
        intensity(3, 0),
        4,
        "a count above the maximum is the top class"
    );
}
