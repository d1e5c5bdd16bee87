use super::*;
use crate::ids::{OfferId, PartnerId, ResultId};
use crate::inventory::model::{Inventory, OfferInput, PartnerInput, PreventionLevel, ResultInput};

mod cells;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn fixture() -> Inventory {
    let mut inv = Inventory::default();
    for (name, kind, role) in [
        ("GGD Voorbeeld", "GGD / jeugdgezondheidszorg", "commissions"),
        ("Stichting Sport, Spel en Zo", "sport", "partner"),
        ("Bibliotheek", "overig", "facilitates"),
    ] {
        let p = PartnerInput {
            name: name.into(),
            kind: kind.into(),
            contact_email: "info@voorbeeld.example".into(),
            role: role.into(),
            ..PartnerInput::default()
        };
        inv.partners
            .push(p.validate(PartnerId::new(), &inv.lists).expect("partner"));
    }
    let r = ResultInput {
        title: "Meer jongeren voelen zich gezond, veilig en gesteund".into(),
        indicator: "% jongeren".into(),
        baseline_year: "2024".into(),
        baseline_value: "78".into(),
        target_year: "2028".into(),
        target_value: "85,5".into(),
    };
    inv.results
        .push(r.validate(ResultId::new()).expect("result"));
    let r2 = ResultInput {
        title: "Minder schooluitval".into(),
        ..ResultInput::default()
    };
    inv.results
        .push(r2.validate(ResultId::new()).expect("result"));
    let offers = [
        OfferInput {
            name: "Gezonde School".into(),
            description: "Lessen over gezondheid.\n\nMet ouders; en met een komma, ook.".into(),
            providers: s(&["GGD Voorbeeld", "Stichting Sport, Spel en Zo"]),
            actor: "approach".into(),
            level: "universal".into(),
            age_groups: s(&["4-12", "12-18"]),
            settings: s(&["school"]),
            form: "group".into(),
            themes: s(&["middelen", "gezondheid"]),
            factors: s(&["gezonde-leefstijl", "middelengebruik"]),
            results: vec![
                (
                    inv.results[0].title.clone(),
                    "We doen lessen, zodat leerlingen gezonder kiezen".into(),
                ),
                (inv.results[1].title.clone(), String::new()),
            ],
            evidence: "well_founded".into(),
            reach: "1250".into(),
            cost: "12500".into(),
            funding: "Subsidie".into(),
            start: "2025-09-01".into(),
            end: "2027-07-31".into(),
        },
        OfferInput {
            name: "Voorleesuur".into(),
            providers: s(&["Bibliotheek"]),
            actor: "citizens".into(),
            level: "selective".into(),
            age_groups: s(&["0-4"]),
            form: "both".into(),
            results: vec![(
                inv.results[1].title.clone(),
                "- eerst lezen, zodat ... ".into(),
            )],
            evidence: "practice".into(),
            ..OfferInput::default()
        },
    ];
    for o in offers {
        let offer = o.validate(OfferId::new(), &inv).expect("offer");
        inv.offers.push(offer);
    }
    inv
}

fn sheet(name: &str, rows: &[&[&str]]) -> Workbook {
    Workbook {
        sheets: vec![Sheet {
            name: name.into(),
            rows: rows.iter().map(|r| s(r)).collect(),
        }],
    }
}

const HEADERS: &[&str] = &[
    "Naam activiteit",
    "Aanbieder(s)",
    "Preventieniveau",
    "Leeftijd",
    "Soort uitvoerder",
    "Vorm",
    "Bereik per jaar",
    "Startdatum",
];

#[test]
fn an_export_planned_on_an_empty_inventory_reproduces_it_and_on_itself_changes_nothing() {
    let inv = fixture();
    let wb = export_workbook(&inv);
    let mappings = Mappings::detect(&wb);
    assert!(mappings.sheets.iter().all(Option::is_some));
    let plan = plan(&wb, &mappings, &Inventory::default());
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    assert_eq!(
        plan.partners
            .iter()
            .map(|(p, _)| p.clone())
            .collect::<Vec<_>>(),
        inv.partners
    );
    assert_eq!(
        plan.results
            .iter()
            .map(|(r, _)| r.clone())
            .collect::<Vec<_>>(),
        inv.results
    );
    assert_eq!(
        plan.offers
            .iter()
            .map(|(o, _)| o.clone())
            .collect::<Vec<_>>(),
        inv.offers
    );
    assert_eq!(plan.counts(), (7, 0, 0));
    let again = super::plan(&wb, &mappings, &inv);
    assert!(again.is_clean(), "{:#?}", again.errors);
    assert_eq!(again.counts(), (0, 0, 7));
}

#[test]
fn every_cell_problem_is_listed_at_its_row_and_header() {
    let inv = fixture();
    let wb = sheet(
        "Blad1",
        &[
            HEADERS,
            &[
                "Goed",
                "GGD Voorbeeld",
                "Universeel",
                "4–12 jaar",
                "Aanpak",
                "Groep",
                "1.250",
                "1-9-2025",
            ],
            &[
                "Fout",
                "GGD Voorbeeld",
                "Heel erg",
                "4–12 jaar",
                "Aanpak",
                "Groep",
                "veel",
                "31-02-2025",
            ],
            &["", "", "", "", "", "", "", ""],
            &[
                "",
                "GGD Voorbeeld",
                "Universeel",
                "Marsmannetjes",
                "Aanpak",
                "Groep",
                "",
                "",
            ],
        ],
    );
    let plan = plan(&wb, &Mappings::detect(&wb), &inv);
    let found: Vec<(usize, Option<&str>, &str)> = plan
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref(), e.problem.key()))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, Some("Preventieniveau"), "unknown"),
            (3, Some("Bereik per jaar"), "not-a-number"),
            (3, Some("Startdatum"), "not-a-date"),
            (5, Some("Naam activiteit"), "missing"),
            (5, Some("Leeftijd"), "unknown"),
        ]
    );
    assert_eq!(plan.errors[0].value.as_deref(), Some("Heel erg"));
    assert_eq!(plan.skipped_empty_rows, 1);
    assert_eq!(plan.offers.len(), 1);
    assert_eq!(plan.offers[0].0.reach, Some(1250));
    assert_eq!(plan.error_rows().len(), 2);
    // Skipping those rows, explicitly, gives a clean plan of the good one.
    let skipped = plan_skipping(&wb, &Mappings::detect(&wb), &inv, &plan.error_rows());
    assert!(skipped.is_clean());
    assert_eq!(skipped.offers.len(), 1);
    assert_eq!(skipped.skipped_rows.len(), 2);
}

#[test]
fn missing_columns_and_too_many_rows_are_one_error_each() {
    let inv = fixture();
    let wb = sheet(
        "Activiteiten",
        &[&["Naam", "Thema"], &["Iets", "Gezondheid"]],
    );
    let first = plan(&wb, &Mappings::detect(&wb), &inv);
    let missing: Vec<_> = first
        .errors
        .iter()
        .map(|e| (e.row, e.column.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        missing,
        [
            (0, "Aanbieders"),
            (0, "Preventieniveau"),
            (0, "Leeftijdsgroepen"),
            (0, "Soort uitvoerder"),
            (0, "Vorm")
        ]
        .map(|(r, c)| (r, c.to_string()))
        .to_vec()
    );
    assert!(!first.rows_skippable());
    let row: Vec<String> = s(&[
        "X",
        "GGD Voorbeeld",
        "Universeel",
        "0-4",
        "Aanpak",
        "Groep",
        "",
        "",
    ]);
    let mut rows = vec![s(HEADERS)];
    rows.extend(std::iter::repeat_n(row, MAX_ROWS + 1));
    let wb = Workbook {
        sheets: vec![Sheet {
            name: "Blad1".into(),
            rows,
        }],
    };
    let big = plan(&wb, &Mappings::detect(&wb), &inv);
    assert_eq!(big.errors.len(), 1);
    assert_eq!(big.errors[0].problem, Problem::TooMany);
    assert!(big.offers.is_empty());
}

#[test]
fn formulas_huge_cells_duplicates_and_unknown_ids_are_refused() {
    let inv = fixture();
    let huge = "x".repeat(MAX_CELL + 1);
    let wb = sheet(
        "Blad1",
        &[
            &[
                "ID",
                "Naam activiteit",
                "Aanbieder(s)",
                "Preventieniveau",
                "Leeftijd",
                "Soort uitvoerder",
                "Vorm",
                "Omschrijving",
            ],
            &[
                "",
                "=HYPERLINK(\"http://x\")",
                "GGD Voorbeeld",
                "Universeel",
                "0-4",
                "Aanpak",
                "Groep",
                "",
            ],
            &[
                "",
                "Lang",
                "GGD Voorbeeld",
                "Universeel",
                "0-4",
                "Aanpak",
                "Groep",
                &huge,
            ],
            &[
                "nummer 7",
                "Twee keer",
                "GGD Voorbeeld",
                "Universeel",
                "0-4",
                "Aanpak",
                "Groep",
                "",
            ],
            &[
                "",
                "twee KEER",
                "GGD voorbeeld",
                "universal",
                "0-4",
                "approach",
                "group",
                "",
            ],
        ],
    );
    let plan = plan(&wb, &Mappings::detect(&wb), &inv);
    let found: Vec<(usize, &str)> = plan
        .errors
        .iter()
        .map(|e| (e.row, e.problem.key()))
        .collect();
    assert_eq!(
        found,
        vec![
            (2, "formula"),
            (3, "too-long"),
            (4, "unknown"),
            (5, "duplicate")
        ]
    );
    assert_eq!(plan.errors[1].problem, Problem::TooLong { max: MAX_CELL });
    assert!(
        plan.errors[1]
            .value
            .as_ref()
            .is_some_and(|v| v.chars().count() <= 80)
    );
    assert!(plan.offers.is_empty());
}

#[test]
fn named_partners_and_results_are_found_or_planned_as_new() {
    let inv = fixture();
    let wb = sheet(
        "Blad1",
        &[
            &[
                "Naam activiteit",
                "Aanbieders",
                "Preventieniveau",
                "Leeftijd",
                "Soort uitvoerder",
                "Vorm",
                "Maatschappelijk resultaat",
            ],
            &[
                "A",
                "ggd voorbeeld; Buurtvereniging De Es",
                "Universeel",
                "0-4",
                "Burgers",
                "Groep",
                "Minder schooluitval; Meer bewegen",
            ],
            &[
                "B",
                "Buurtvereniging de Es",
                "Universeel",
                "0-4",
                "Burgers",
                "Groep",
                "meer bewegen",
            ],
        ],
    );
    let plan = plan(&wb, &Mappings::detect(&wb), &inv);
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    assert_eq!(plan.partners.len(), 1);
    let (es, change) = &plan.partners[0];
    assert_eq!(
        (es.name.as_str(), es.kind.as_str(), *change),
        ("Buurtvereniging De Es", "overig", Change::New)
    );
    assert_eq!(plan.results.len(), 1);
    assert_eq!(plan.results[0].0.title, "Meer bewegen");
    assert_eq!(plan.offers[0].0.providers, vec![inv.partners[0].id, es.id]);
    assert_eq!(plan.offers[1].0.providers, vec![es.id]);
    assert_eq!(plan.offers[1].0.results[0].result, plan.results[0].0.id);
}

#[test]
fn rows_with_ids_update_and_keep_what_their_sheet_does_not_hold() {
    let inv = fixture();
    let o = &inv.offers[0];
    let wb = sheet(
        "Activiteiten",
        &[
            &[
                "ID",
                "Naam activiteit",
                "Aanbieders",
                "Preventieniveau",
                "Leeftijd",
                "Soort uitvoerder",
                "Vorm",
            ],
            &[
                &o.id.to_string(),
                "Gezonde School",
                "GGD Voorbeeld",
                "Selectief",
                "4-12",
                "Aanpak",
                "Groep",
            ],
        ],
    );
    let plan = plan(&wb, &Mappings::detect(&wb), &inv);
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    let (new, change) = &plan.offers[0];
    assert_eq!(*change, Change::Update);
    assert_eq!(new.id, o.id);
    assert_eq!(new.level, PreventionLevel::Selective);
    assert_eq!(new.providers, vec![inv.partners[0].id]);
    assert_eq!(
        (new.reach, &new.results, &new.themes),
        (o.reach, &o.results, &o.themes)
    );
}

#[test]
fn a_failed_partner_row_is_no_name_to_create_anew() {
    let inv = Inventory::default();
    let wb = Workbook {
        sheets: vec![
            Sheet {
                name: "Partners".into(),
                rows: vec![
                    s(&["Naam", "Type", "E-mail", "Rol gemeente"]),
                    s(&[
                        "Jongerenwerk Noord",
                        "Jongerenwerk",
                        "geen adres",
                        "Faciliteert",
                    ]),
                ],
            },
            sheet(
                "Activiteiten",
                &[
                    HEADERS,
                    &[
                        "Inloop",
                        "Jongerenwerk Noord",
                        "Universeel",
                        "12-18",
                        "Aanpak",
                        "Groep",
                        "",
                        "",
                    ],
                ],
            )
            .sheets
            .remove(0),
        ],
    };
    let m = Mappings::detect(&wb);
    let plan = plan(&wb, &m, &inv);
    let found: Vec<(&str, usize, &str)> = plan
        .errors
        .iter()
        .map(|e| (e.sheet.as_str(), e.row, e.problem.key()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("Partners", 2, "not-an-email"),
            ("Activiteiten", 2, "unknown")
        ]
    );
    assert!(plan.partners.is_empty());
    let skipped = plan_skipping(&wb, &m, &inv, &plan.error_rows());
    assert!(skipped.is_clean() && skipped.partners.is_empty() && skipped.offers.is_empty());
}
