use super::*;

fn inventory() -> Inventory {
    let lists = Lists::default();
    let partner = PartnerInput {
        name: "GGD Voorbeeld".into(),
        kind: "GGD / jeugdgezondheidszorg".into(),
        contact_name: "A. Jansen".into(),
        contact_email: "A.Jansen@GGD.example".into(),
        role: "commissions".into(),
    }
    .validate(PartnerId::new(), &lists)
    .expect("valid partner");
    let result = ResultInput {
        title: "Meer jongeren voelen zich gezond".into(),
        indicator: "% jongeren dat de eigen gezondheid als goed ervaart".into(),
        baseline_year: "2024".into(),
        baseline_value: "78".into(),
        target_year: "2028".into(),
        target_value: "85,5%".into(),
    }
    .validate(ResultId::new())
    .expect("valid result");
    Inventory {
        lists,
        partners: vec![partner],
        results: vec![result],
        offers: vec![],
    }
}

fn input() -> OfferInput {
    OfferInput {
        name: "Gezonde School".into(),
        description: "Lessen over gezondheid.".into(),
        providers: vec!["ggd voorbeeld".into()],
        actor: "approach".into(),
        level: "universal".into(),
        age_groups: vec!["4-12".into(), "12–18 jaar".into()],
        settings: vec!["School".into()],
        form: "group".into(),
        themes: vec!["gezondheid".into()],
        factors: vec!["Gezonde leefstijl".into()],
        results: vec![(
            "Meer jongeren voelen zich gezond".into(),
            "We doen lessen, zodat leerlingen gezonder kiezen".into(),
        )],
        evidence: "well_founded".into(),
        reach: "1.250".into(),
        cost: "€ 12.500".into(),
        funding: "Subsidie".into(),
        start: "1-9-2025".into(),
        end: "2027-07-31".into(),
    }
}

#[test]
fn a_complete_activity_validates_with_keys_found_by_label() {
    let inv = inventory();
    let offer = input().validate(OfferId::new(), &inv).expect("valid");
    assert_eq!(offer.providers, vec![inv.partners[0].id]);
    assert_eq!(offer.age_groups, vec!["4-12", "12-18"]);
    assert_eq!(offer.settings, vec!["school"]);
    assert_eq!(offer.factors, vec!["gezonde-leefstijl"]);
    assert_eq!(offer.results[0].result, inv.results[0].id);
    assert_eq!(offer.reach, Some(1250));
    assert_eq!(offer.cost, Some(12_500));
    assert_eq!(
        offer.start.map(|d| d.to_string()),
        Some("2025-09-01".into())
    );
    assert!(offer.runs_in(2026) && !offer.runs_in(2024) && !offer.runs_in(2028));
    assert_eq!(
        inv.partners[0].contact_email.as_deref(),
        Some("a.jansen@ggd.example")
    );
    assert_eq!(inv.results[0].target.map(|m| m.value), Some(85.5));
}

#[test]
fn every_wrong_field_is_reported_at_once() {
    let inv = inventory();
    let mut bad = input();
    bad.name = "=HYPERLINK(\"http://x\")".into();
    bad.providers = vec!["Onbekende club".into()];
    bad.level = "soms".into();
    bad.age_groups = vec![];
    bad.reach = "veel".into();
    bad.cost = "-5".into();
    bad.start = "2026-02-30".into();
    bad.themes = vec!["gezondheid".into(), "astrologie".into()];
    let errors = bad.validate(OfferId::new(), &inv).expect_err("invalid");
    let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
    for f in [
        "name",
        "providers",
        "level",
        "age_groups",
        "reach",
        "cost",
        "start",
        "themes",
    ] {
        assert!(fields.contains(&f), "{f} not reported in {errors:?}");
    }
    assert!(errors.contains(&FieldError {
        field: "name",
        problem: Problem::Formula
    }));
}

#[test]
fn end_before_start_and_overlong_text_are_refused() {
    let inv = inventory();
    let mut bad = input();
    bad.start = "2026-01-01".into();
    bad.end = "2025-12-31".into();
    bad.description = "x".repeat(MAX_DESCRIPTION + 1);
    let errors = bad.validate(OfferId::new(), &inv).expect_err("invalid");
    assert!(errors.iter().any(|e| e.problem == Problem::EndBeforeStart));
    assert!(errors.iter().any(|e| e.field == "description"
        && e.problem
            == Problem::TooLong {
                max: MAX_DESCRIPTION
            }));
}

#[test]
fn numbers_and_dates_in_dutch_notation() {
    assert_eq!(parse_number("12.500"), Some(12_500));
    assert_eq!(parse_number("12 500"), Some(12_500));
    assert_eq!(parse_number("€ 1.250,00"), Some(1250));
    assert_eq!(parse_number("1250.0"), Some(1250));
    assert_eq!(parse_number("1.5"), None);
    assert_eq!(parse_number("-3"), None);
    assert_eq!(
        parse_date("01-09-2025").map(|d| d.to_string()),
        Some("2025-09-01".into())
    );
    assert_eq!(
        parse_date("31/12/2025").map(|d| d.to_string()),
        Some("2025-12-31".into())
    );
    assert!(parse_date("2025-13-01").is_none());
    assert!(is_formula("=1+1") && is_formula("@SUM(A1)") && is_formula("+A1"));
    assert!(!is_formula("+31") && !is_formula("-"));
}
