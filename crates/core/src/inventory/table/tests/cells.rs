//! Headers, labels and the splitting of cells.

use super::s;
use crate::inventory::model::{Evidence, PreventionLevel};
use crate::inventory::table::*;

#[test]
fn dutch_headers_are_recognised_whatever_their_case_accents_and_punctuation() {
    let headers = s(&[
        "Naam activiteit",
        "Aanbieder(s)",
        "UITVOERDER",
        "Niveau",
        "Doelgroep leeftijd",
        "Thema's",
        "Risico- en beschermende factoren",
        "Bereik per jaar",
        "Kosten per jaar (€)",
        "Financiering",
        "Startdatum",
        "Einddatum",
        "Erkenning",
        "Maatschappelijk resultaat",
        "We doen …, zodat …",
        "Omschrijving",
        "Opmerkingen",
    ]);
    let m = detect_mapping(&headers);
    assert_eq!(m.kind, SheetKind::Activities);
    use Column::*;
    assert_eq!(
        m.columns,
        vec![
            Some(Name),
            Some(Providers),
            None,
            Some(Level),
            Some(AgeGroups),
            Some(Themes),
            Some(Factors),
            Some(Reach),
            Some(Cost),
            Some(Funding),
            Some(Start),
            Some(End),
            Some(Evidence),
            Some(Results),
            Some(Statements),
            Some(Description),
            None,
        ],
        "a second providers column is left for the user to map"
    );
    for (h, c) in [
        ("Activiteit", Name),
        ("Preventieniveau", Level),
        ("Leeftijd", AgeGroups),
        ("Bewijs", Evidence),
        ("Effectiviteit", Evidence),
        ("Type uitvoerder", Actor),
        ("Leeftijdsgroep(en)", AgeGroups),
        ("Kosten (euro's)", Cost),
        ("Aanbiedende organisatie", Providers),
        ("ID", Id),
    ] {
        assert_eq!(recognise(SheetKind::Activities, h), Some(c), "{h}");
    }
    let partners = detect_mapping(&s(&[
        "Naam organisatie",
        "Soort",
        "Contactpersoon",
        "E-mailadres",
        "Rol gemeente",
    ]));
    assert_eq!(partners.kind, SheetKind::Partners);
    assert_eq!(partners.mapped(), 5);
    let results = detect_mapping(&s(&[
        "Maatschappelijk resultaat",
        "Indicator",
        "Nulmeting (jaar)",
        "Nulmeting",
        "Streefjaar",
        "Streefwaarde",
    ]));
    assert_eq!(results.kind, SheetKind::Results);
    assert_eq!(results.mapped(), 6);
    // The mapping goes through a form as JSON.
    let json = serde_json::to_string(&m).expect("json");
    assert_eq!(serde_json::from_str::<Mapping>(&json).expect("back"), m);
}

#[test]
fn cells_split_on_semicolons_and_lines_and_on_commas_only_between_known_items() {
    let lists = crate::inventory::lists::Lists::default();
    let theme = |x: &str| {
        lists
            .find(crate::inventory::lists::ListKind::Theme, x)
            .is_some()
    };
    assert_eq!(
        split_items("Alcohol, roken en drugs", &theme),
        s(&["Alcohol, roken en drugs"])
    );
    assert_eq!(
        split_items("Gezondheid, Veiligheid", &theme),
        s(&["Gezondheid", "Veiligheid"])
    );
    assert_eq!(
        split_items("Gezondheid; Alcohol, roken en drugs\nVeiligheid;", &theme),
        s(&["Gezondheid", "Alcohol, roken en drugs", "Veiligheid"])
    );
    assert_eq!(
        split_items("Gezondheid, Astrologie", &theme),
        s(&["Gezondheid, Astrologie"])
    );
    let known = |x: &str| x == "A; B" || x == "C";
    assert_eq!(split_items("A; B; C; D", &known), s(&["A; B", "C", "D"]));
    assert_eq!(
        split_statements("Zo, zodat dat", 1),
        Ok(s(&["Zo, zodat dat"]))
    );
    assert_eq!(
        split_statements("\nTwee, zodat", 2),
        Ok(s(&["", "Twee, zodat"]))
    );
    assert_eq!(split_statements("Een; Twee", 2), Ok(s(&["Een", "Twee"])));
    assert_eq!(split_statements("Een\nTwee\nDrie", 2), Err(s(&["Drie"])));
    assert_eq!(parse_level("Geïndiceerd"), Some(PreventionLevel::Indicated));
    assert_eq!(
        parse_level("geindiceerde preventie"),
        Some(PreventionLevel::Indicated)
    );
    assert_eq!(
        parse_level("care_related"),
        Some(PreventionLevel::CareRelated)
    );
    assert_eq!(
        parse_evidence("Effectief volgens goede aanwijzingen"),
        Some(Evidence::GoodIndications)
    );
    assert_eq!(
        parse_evidence("Praktijkkennis"),
        Some(Evidence::PracticeBased)
    );
    assert!(parse_role("Opdrachtgever en financier").is_some());
    assert!(parse_actor("Maatschappelijke partners").is_some());
    assert!(parse_form("beide").is_some());
}
