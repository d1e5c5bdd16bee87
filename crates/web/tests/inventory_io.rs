//! The inventory's spreadsheet files: an export read back and planned
//! reproduces the inventory (xlsx and csv), planning it on the inventory
//! itself changes nothing, and hostile files — wrong types, missing
//! columns, formulas, huge cells, 50,000 rows, broken zips, a zip bomb,
//! Windows-1252 — are refused or reported row by row, never half-read.

#![allow(clippy::unwrap_used)]

use calamine::{DataType, Reader, Xlsx};
use koers_core::ids::{OfferId, PartnerId, ResultId};
use koers_core::inventory::table::{
    Column, ImportPlan, MAX_CELL, Mappings, SheetKind, Workbook, plan, plan_skipping,
};
use koers_core::inventory::{Inventory, OfferInput, PartnerInput, Problem, ResultInput};
use koers_web::inventory_io::{
    MatrixSheet, ReadError, read_csv, read_xlsx, write_csv, write_matrix_sheet, write_xlsx,
};
use std::io::{Cursor, Write};
use std::time::Instant;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Three partners (one with a comma in its name), two results with
/// measures, three activities using every field.
fn inventory() -> Inventory {
    let mut inv = Inventory::default();
    for (name, kind, role, contact) in [
        (
            "GGD Voorbeeld",
            "GGD / jeugdgezondheidszorg",
            "Opdrachtgever en financier",
            "A. Jansen",
        ),
        ("Sport, Spel en Zo", "Sportvereniging", "partner", ""),
        ("Bibliotheek Voorbeeld", "overig", "facilitates", ""),
    ] {
        let p = PartnerInput {
            name: name.into(),
            kind: kind.into(),
            contact_name: contact.into(),
            contact_email: if contact.is_empty() {
                String::new()
            } else {
                "a.jansen@ggd.example".into()
            },
            role: koers_core::inventory::table::parse_role(role)
                .unwrap()
                .key()
                .into(),
        };
        inv.partners
            .push(p.validate(PartnerId::new(), &inv.lists).unwrap());
    }
    inv.results.push(
        ResultInput {
            title: "Meer jongeren voelen zich gezond, veilig en gesteund".into(),
            indicator: "% jongeren dat de eigen gezondheid als goed ervaart".into(),
            baseline_year: "2024".into(),
            baseline_value: "78".into(),
            target_year: "2028".into(),
            target_value: "85,5".into(),
        }
        .validate(ResultId::new())
        .unwrap(),
    );
    inv.results.push(
        ResultInput {
            title: "Minder schooluitval".into(),
            ..ResultInput::default()
        }
        .validate(ResultId::new())
        .unwrap(),
    );
    let (r1, r2) = (inv.results[0].title.clone(), inv.results[1].title.clone());
    let offers = [
        OfferInput {
            name: "Gezonde School".into(),
            description: "- lessen over gezondheid;\n- met ouders, \"samen\".\n\nTweede alinea."
                .into(),
            providers: s(&["GGD Voorbeeld", "Sport, Spel en Zo"]),
            actor: "approach".into(),
            level: "universal".into(),
            age_groups: s(&["4-12", "12-18"]),
            settings: s(&["school", "wijk"]),
            form: "group".into(),
            themes: s(&["middelen", "gezondheid"]),
            factors: s(&["gezonde-leefstijl", "middelengebruik"]),
            results: vec![
                (
                    r1.clone(),
                    "We doen lessen, zodat leerlingen gezonder kiezen".into(),
                ),
                (r2.clone(), String::new()),
            ],
            evidence: "well_founded".into(),
            reach: "1250".into(),
            cost: "12500".into(),
            funding: "-subsidie via regio".into(),
            start: "2025-09-01".into(),
            end: "2027-07-31".into(),
        },
        OfferInput {
            name: "Voorleesuur".into(),
            providers: s(&["Bibliotheek Voorbeeld"]),
            actor: "citizens".into(),
            level: "selective".into(),
            age_groups: s(&["0-4", "ouders"]),
            form: "both".into(),
            results: vec![(
                r2.clone(),
                "We lezen voor, zodat kinderen taal leren".into(),
            )],
            evidence: "practice".into(),
            ..OfferInput::default()
        },
        OfferInput {
            name: "Weerbaarheidstraining 'Sterk'".into(),
            description: "Voor kinderen die gepest worden".into(),
            providers: s(&["Sport, Spel en Zo"]),
            actor: "partners".into(),
            level: "indicated".into(),
            age_groups: s(&["4-12"]),
            form: "individual".into(),
            factors: s(&["pesten", "veerkracht"]),
            evidence: "first".into(),
            reach: "40".into(),
            start: "2024-01-15".into(),
            ..OfferInput::default()
        },
    ];
    for o in offers {
        let offer = o.validate(OfferId::new(), &inv).unwrap();
        inv.offers.push(offer);
    }
    inv
}

fn empty_like(inv: &Inventory) -> Inventory {
    Inventory {
        lists: inv.lists.clone(),
        ..Inventory::default()
    }
}

fn planned(wb: &Workbook, current: &Inventory) -> ImportPlan {
    plan(wb, &Mappings::detect(wb), current)
}

fn views() -> Vec<MatrixSheet> {
    vec![MatrixSheet {
        title: "Preventieniveau × leeftijdsgroep".into(),
        rows: s(&["Universeel", "=HYPERLINK(\"http://evil.example\")"]),
        cols: s(&["0–4 jaar", "4–12 jaar"]),
        counts: vec![vec![0, 2], vec![1, 0]],
    }]
}

/// A hand-made xlsx: one sheet of strings, with `special` applied to it.
fn xlsx(rows: &[Vec<String>], special: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Blad1").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, text).unwrap();
            }
        }
    }
    special(ws);
    wb.save_to_buffer().unwrap()
}

const HEADERS: &[&str] = &[
    "Naam activiteit",
    "Aanbieder",
    "Preventieniveau",
    "Leeftijdsgroep",
    "Soort uitvoerder",
    "Vorm",
    "Bereik per jaar",
    "Startdatum",
];

fn row(v: &[&str]) -> Vec<String> {
    s(v)
}

fn found(plan: &ImportPlan) -> Vec<(usize, String, &'static str)> {
    plan.errors
        .iter()
        .map(|e| (e.row, e.column.clone().unwrap_or_default(), e.problem.key()))
        .collect()
}

#[test]
fn an_xlsx_export_read_back_onto_an_empty_inventory_reproduces_it() {
    let inv = inventory();
    let bytes = write_xlsx(&inv, &views()).unwrap();
    let wb = read_xlsx(&bytes).unwrap();
    let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Activiteiten",
            "Partners",
            "Resultaten",
            "Lijsten",
            "Preventieniveau × leeftijdsgroe"
        ]
    );
    let plan = planned(&wb, &empty_like(&inv));
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    assert_eq!(
        plan.ignored_sheets,
        s(&["Lijsten", "Preventieniveau × leeftijdsgroe"])
    );
    assert_eq!(
        plan.partners
            .into_iter()
            .map(|(p, _)| p)
            .collect::<Vec<_>>(),
        inv.partners
    );
    assert_eq!(
        plan.results.into_iter().map(|(r, _)| r).collect::<Vec<_>>(),
        inv.results
    );
    assert_eq!(
        plan.offers.into_iter().map(|(o, _)| o).collect::<Vec<_>>(),
        inv.offers
    );
}

#[test]
fn an_xlsx_export_planned_onto_its_own_inventory_changes_nothing() {
    let inv = inventory();
    let wb = read_xlsx(&write_xlsx(&inv, &[]).unwrap()).unwrap();
    let plan = planned(&wb, &inv);
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    assert_eq!(plan.counts(), (0, 0, 8));
}

#[test]
fn a_csv_export_read_back_onto_the_partners_and_results_reproduces_the_offers() {
    let inv = inventory();
    let bytes = write_csv(&inv);
    assert!(bytes.starts_with("\u{feff}ID;Naam activiteit;".as_bytes()));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains(";'-subsidie via regio;"),
        "a leading dash is kept from running"
    );
    let wb = read_csv(&bytes).unwrap();
    assert_eq!(wb.sheets[0].name, "Activiteiten");
    let current = Inventory {
        offers: Vec::new(),
        ..inv.clone()
    };
    let plan = planned(&wb, &current);
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    assert!(plan.partners.is_empty() && plan.results.is_empty());
    assert_eq!(
        plan.offers.into_iter().map(|(o, _)| o).collect::<Vec<_>>(),
        inv.offers
    );
}

#[test]
fn exported_texts_are_strings_never_formulas() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let v = &views()[0];
    write_matrix_sheet(&mut wb, &v.title, &v.rows, &v.cols, &v.counts).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = x.sheet_names()[0].clone();
    let mut cells = x.worksheet_cells_reader(&name).unwrap();
    let mut texts = Vec::new();
    while let Some(c) = cells.next_cell_with_formula_metadata().unwrap() {
        assert!(c.formula.is_none(), "{:?}", c.pos);
        texts.extend(c.value.get_string().map(String::from));
    }
    assert!(texts.contains(&"=HYPERLINK(\"http://evil.example\")".to_string()));
}

#[test]
fn wrong_types_are_listed_per_row_with_their_spreadsheet_row_numbers() {
    let rows = vec![
        row(HEADERS),
        row(&[
            "Goed",
            "GGD",
            "Universeel",
            "0–4 jaar",
            "Aanpak",
            "Groep",
            "",
            "",
        ]),
        row(&[
            "Tekst in bereik",
            "GGD",
            "Universeel",
            "0-4",
            "Aanpak",
            "Groep",
            "heel veel",
            "",
        ]),
        row(&[
            "Foute datum",
            "GGD",
            "Universeel",
            "0-4",
            "Aanpak",
            "Groep",
            "",
            "31-02-2025",
        ]),
        row(&[
            "Onbekend niveau",
            "GGD",
            "Superieur",
            "Bejaarden",
            "Aanpak",
            "Soms",
            "",
            "",
        ]),
    ];
    let bytes = xlsx(&rows, |ws| {
        // A real number and a real date cell are read as plain text.
        ws.write_number(1, 6, 1250.0).unwrap();
        let date = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy");
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 9, 1).unwrap();
        ws.write_datetime_with_format(1, 7, &d, &date).unwrap();
    });
    let wb = read_xlsx(&bytes).unwrap();
    assert_eq!(wb.sheets[0].rows[1][6..8], s(&["1250", "2025-09-01"]));
    let plan = planned(&wb, &Inventory::default());
    assert_eq!(
        found(&plan),
        vec![
            (3, "Bereik per jaar".into(), "not-a-number"),
            (4, "Startdatum".into(), "not-a-date"),
            (5, "Preventieniveau".into(), "unknown"),
            (5, "Leeftijdsgroep".into(), "unknown"),
            (5, "Vorm".into(), "unknown"),
        ]
    );
    assert_eq!(plan.errors[2].value.as_deref(), Some("Superieur"));
    assert_eq!(plan.offers.len(), 1, "only the good row is planned");
    assert_eq!(plan.partners.len(), 1, "GGD is a new partner, once");
    // Explicitly skipping the listed rows leaves the good one, cleanly.
    let skipped = plan_skipping(
        &wb,
        &Mappings::detect(&wb),
        &Inventory::default(),
        &plan.error_rows(),
    );
    assert!(skipped.is_clean());
    assert_eq!((skipped.offers.len(), skipped.skipped_rows.len()), (1, 3));
}

#[test]
fn missing_required_columns_are_one_error_each_and_no_row_is_planned() {
    let rows = vec![
        row(&["Naam activiteit", "Thema's", "Bereik"]),
        row(&["Iets", "Gezondheid", "5"]),
    ];
    let wb = read_xlsx(&xlsx(&rows, |_| {})).unwrap();
    let plan = planned(&wb, &Inventory::default());
    let columns: Vec<String> = plan
        .errors
        .iter()
        .map(|e| e.column.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        columns,
        s(&[
            "Aanbieders",
            "Preventieniveau",
            "Leeftijdsgroepen",
            "Soort uitvoerder",
            "Vorm"
        ])
    );
    assert!(
        plan.errors
            .iter()
            .all(|e| e.row == 0 && e.problem == Problem::Missing)
    );
    assert!(plan.offers.is_empty() && !plan.rows_skippable());
}

#[test]
fn a_formula_cell_is_reported_as_a_formula_and_not_imported() {
    let rows = vec![
        row(HEADERS),
        row(&["", "GGD", "Universeel", "0-4", "Aanpak", "Groep", "", ""]),
    ];
    let bytes = xlsx(&rows, |ws| {
        ws.write_formula(1, 0, "=HYPERLINK(\"http://evil.example\",\"klik\")")
            .unwrap();
        ws.write_formula(
            1,
            6,
            rust_xlsxwriter::Formula::new("=10*125").set_result("1250"),
        )
        .unwrap();
    });
    let wb = read_xlsx(&bytes).unwrap();
    assert!(wb.sheets[0].rows[1][0].starts_with("=HYPERLINK"));
    assert_eq!(
        wb.sheets[0].rows[1][6], "=10*125",
        "the formula, not its cached value"
    );
    let plan = planned(&wb, &Inventory::default());
    assert_eq!(
        found(&plan),
        vec![
            (2, "Naam activiteit".into(), "formula"),
            (2, "Bereik per jaar".into(), "formula")
        ]
    );
    assert!(plan.offers.is_empty());
}

#[test]
fn a_cell_over_the_limit_is_one_clear_error() {
    let huge = "x".repeat(MAX_CELL + 10);
    let csv = format!(
        "{}\r\nLang;GGD;Universeel;0-4;Aanpak;Groep;;;{huge}\r\n",
        HEADERS.join(";") + ";Omschrijving"
    );
    let wb = read_csv(csv.as_bytes()).unwrap();
    let plan = planned(&wb, &Inventory::default());
    assert_eq!(found(&plan), vec![(2, "Omschrijving".into(), "too-long")]);
    assert_eq!(plan.errors[0].problem, Problem::TooLong { max: MAX_CELL });
    assert!(plan.errors[0].value.as_ref().unwrap().chars().count() <= 80);
    assert!(plan.offers.is_empty());
}

#[test]
fn fifty_thousand_rows_are_refused_with_one_error_and_quickly() {
    let mut rows = vec![row(HEADERS)];
    for i in 0..50_000 {
        rows.push(row(&[
            &format!("Activiteit {i}"),
            "GGD",
            "Universeel",
            "0-4",
            "Aanpak",
            "Groep",
            "10",
            "",
        ]));
    }
    let bytes = xlsx(&rows, |_| {});
    let csv: String = rows.iter().map(|r| r.join(";") + "\n").collect();
    type Read<'a> = &'a dyn Fn() -> Result<Workbook, ReadError>;
    let readers: [(&str, Read); 2] = [
        ("xlsx", &|| read_xlsx(&bytes)),
        ("csv", &|| read_csv(csv.as_bytes())),
    ];
    for (kind, read) in readers {
        let started = Instant::now();
        let wb = read().unwrap();
        let plan = planned(&wb, &Inventory::default());
        let took = started.elapsed();
        println!("{kind}: 50,000 rows read and refused in {took:?}");
        assert!(took.as_secs() < 20, "{kind}: {took:?}");
        assert!(
            wb.sheets[0].rows.len() <= 10_002,
            "{kind}: reading stops past the limit"
        );
        assert_eq!(plan.errors.len(), 1, "{kind}");
        assert_eq!(
            (plan.errors[0].row, &plan.errors[0].problem),
            (0, &Problem::TooMany)
        );
        assert_eq!(plan.errors[0].value.as_deref(), Some("10000"));
        assert!(plan.offers.is_empty() && plan.partners.is_empty());
    }
}

#[test]
fn broken_files_are_read_errors() {
    let good = write_xlsx(&inventory(), &[]).unwrap();
    let truncated = &good[..good.len() / 2];
    assert!(
        matches!(read_xlsx(truncated), Err(ReadError::NotZip(_))),
        "{:?}",
        read_xlsx(truncated).err()
    );
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert!(matches!(read_xlsx(&random), Err(ReadError::NotZip(_))));
    assert!(matches!(read_xlsx(b""), Err(ReadError::Empty)));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("hallo.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"geen werkboek").unwrap();
    let no_workbook = zip.finish().unwrap().into_inner();
    let err = read_xlsx(&no_workbook).unwrap_err();
    assert!(matches!(err, ReadError::NotXlsx(_)), "{err:?}");
    println!("{err}");
    // A zip bomb: a small file that would unpack to more than the limit.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(
        "xl/sharedStrings.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    let zeros = vec![b'a'; 1 << 20];
    for _ in 0..130 {
        zip.write_all(&zeros).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    assert!(bomb.len() < 2 << 20, "{}", bomb.len());
    assert!(matches!(read_xlsx(&bomb), Err(ReadError::TooLarge { .. })));
}

#[test]
fn a_windows_1252_csv_with_semicolons_reads_right() {
    let mut bytes = b"Naam activiteit;Aanbieder;Preventieniveau;Leeftijd;Soort uitvoerder;Vorm;Omschrijving\r\n".to_vec();
    bytes.extend(b"Caf\xe9 voor ouders;Wijkteam Zuid;Geindiceerd;Ouders;Aanpak;Groep;\"Twee regels;\r\nmet \x80 en \x93aanhalingstekens\x94\"\r\n");
    let wb = read_csv(&bytes).unwrap();
    assert_eq!(wb.sheets[0].rows[1][0], "Café voor ouders");
    assert_eq!(
        wb.sheets[0].rows[1][6],
        "Twee regels;\r\nmet € en “aanhalingstekens”"
    );
    let plan = planned(&wb, &Inventory::default());
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    assert_eq!(plan.offers[0].0.name, "Café voor ouders");
    assert_eq!(plan.offers[0].0.level.key(), "indicated");
}

#[test]
fn a_dutch_sheet_made_by_hand_is_mapped_automatically() {
    let rows = vec![
        row(&[
            "Nr.",
            "Naam activiteit",
            "Aanbieder(s)",
            "Preventieniveau",
            "Leeftijdsgroep",
            "Kolom",
            "Individueel/groep",
            "Thema's",
            "Bereik per jaar",
            "Kosten per jaar (€)",
            "Startdatum",
            "Erkenning",
            "Opmerkingen",
        ]),
        row(&[
            "1",
            "Huiswerkklas",
            "Jongerenwerk Noord, Bibliotheek",
            "Selectief",
            "12–18 jaar",
            "Maatschappelijke partners",
            "Groep",
            "Onderwijs en ontwikkeling, Sociale participatie",
            "€ 1.200",
            "12.500",
            "1-9-2025",
            "Theoretisch onderbouwd",
            "loopt goed",
        ]),
    ];
    let wb = read_xlsx(&xlsx(&rows, |_| {})).unwrap();
    let mappings = Mappings::detect(&wb);
    let m = mappings.sheets[0].as_ref().unwrap();
    use Column::*;
    assert_eq!(m.kind, SheetKind::Activities);
    assert_eq!(
        m.columns,
        vec![
            None,
            Some(Name),
            Some(Providers),
            Some(Level),
            Some(AgeGroups),
            Some(Actor),
            Some(Form),
            Some(Themes),
            Some(Reach),
            Some(Cost),
            Some(Start),
            Some(Evidence),
            None,
        ]
    );
    let plan = plan(&wb, &mappings, &Inventory::default());
    assert!(plan.is_clean(), "{:#?}", plan.errors);
    let o = &plan.offers[0].0;
    assert_eq!(
        (o.reach, o.cost, o.themes.len()),
        (Some(1200), Some(12_500), 2)
    );
    let names: Vec<&str> = plan.partners.iter().map(|(p, _)| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Jongerenwerk Noord, Bibliotheek"],
        "unknown names are not split on commas"
    );
}
