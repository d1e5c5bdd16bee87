//! The prevention inventory in real Chromium, as a policy officer and a
//! partner use it: staff upload a spreadsheet, check the preview and import
//! it; look at the matrix and switch its axes; read the analysis; add a
//! contact person to a partner and invite them. The contact person, on a
//! small phone, accepts the invitation and changes its own activity; another
//! partner's activity stays closed to it; staff see the change in the log.
//! A session's matrix activity fills the projector. Every page is checked
//! with axe-core (WCAG 2.1 AA) and photographed into `target/e2e-shots/`.

#![allow(clippy::unwrap_used)]

mod common;

use common::axe::{axe_source, violations};
use common::browser::{Driver, click, js, page_shot, shot, type_into, wait_js};
use common::*;
use fantoccini::{Client, Locator};
use serde_json::json;

/// An inventory as municipalities keep it in a spreadsheet: Dutch headers,
/// semicolons, partners and results named in the rows.
const SHEET: &str = r#"Naam activiteit;Omschrijving;Aanbieders;Soort uitvoerder;Preventieniveau;Leeftijdsgroepen;Setting;Vorm;Thema's;Maatschappelijke resultaten;Bewijs van effectiviteit;Bereik per jaar;Kosten per jaar (€);Financiering
Gezonde School primair onderwijs;Lessen over voeding en bewegen op de basisschool.;Basisschool De Linde;Maatschappelijke partners;Universeel;4–12 jaar;School;Groep;Gezondheid;Meer kinderen bewegen dagelijks;Goed onderbouwd;420;6000;Rijksmiddelen preventie
Rots en Water;Weerbaarheidstraining voor groep 7 en 8.;Basisschool De Linde;Maatschappelijke partners;Universeel;4–12 jaar;School;Groep;Veiligheid;Meer kinderen voelen zich veilig;Eerste aanwijzingen;60;3500;Subsidie gemeente
Buurtsportcoach naschools;Sport na school op het schoolplein.;Sportservice Zuid;Aanpak;Universeel;"4–12 jaar; 12–18 jaar";Wijk;Groep;Gezondheid;Meer kinderen bewegen dagelijks;Praktijkgebaseerd;300;45000;Brede Regeling Combinatiefuncties
Jeugdvoetbal met opgeleide trainers;Trainers leren signaleren.;VV Zuid;Burgers;Universeel;"4–12 jaar; 12–18 jaar";Wijk;Groep;Gezondheid;Meer kinderen bewegen dagelijks;Geen;180;1500;Eigen middelen
Opvoedspreekuur;Vragen over opvoeden, zonder afspraak.;CJG Zuid;Aanpak;Selectief;Ouders;Wijk;Individueel;Opvoeden en opgroeien;Meer ouders voelen zich zeker;Praktijkgebaseerd;150;12000;Subsidie gemeente
Opvoedcursus voor ouders van pubers;Vijf avonden over grenzen stellen.;CJG Zuid;Aanpak;Selectief;Ouders;Wijk;Groep;Opvoeden en opgroeien;Meer ouders voelen zich zeker;Goed onderbouwd;40;8000;Subsidie gemeente
Kortdurende ondersteuning;Lichte hulp van het wijkteam.;Wijkteam Zuid;Aanpak;Geïndiceerd;"4–12 jaar; 12–18 jaar; Ouders";Thuis;Individueel;Mentale gezondheid;Meer kinderen voelen zich veilig;Praktijkgebaseerd;90;150000;Jeugdwet
Ambulante gezinsbegeleiding;Begeleiding thuis na een crisis.;Wijkteam Zuid;Aanpak;Zorggerelateerd;12–18 jaar;Thuis;Individueel;Mentale gezondheid;Meer kinderen voelen zich veilig;Theoretisch onderbouwd;25;210000;Jeugdwet
"#;

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_import_look_and_invite_and_a_partner_keeps_its_own_activity_on_a_phone() {
    let axe = axe_source();
    let app = spawn_app().await;
    let (ws, user) = app.workspace("e2e-inventaris").await;
    let driver = Driver::start().await;
    let staff = driver.browser(1280, 900).await;
    let mut found: Vec<String> = Vec::new();

    staff.goto(&format!("{}/login", app.url)).await.unwrap();
    type_into(&staff, "#email", &user.email).await;
    type_into(&staff, "#password", PASSWORD).await;
    click(&staff, "form[action='/login'] button[type=submit]").await;
    wait_js(&staff, "location.pathname === '/console'", "signed in").await;

    // Upload the spreadsheet; the preview lists what it will do.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("aanbod.csv");
    std::fs::write(&file, SHEET).unwrap();
    staff
        .goto(&format!("{}/inventory/import", app.url))
        .await
        .unwrap();
    found.extend(violations(&staff, &axe, "import").await);
    staff
        .find(Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    click(
        &staff,
        "form[action='/inventory/import'] button[type=submit]",
    )
    .await;
    wait_js(
        &staff,
        "document.querySelector('form[action$=\"/apply\"]')",
        "the preview",
    )
    .await;
    assert!(
        text_of(&staff, "main")
            .await
            .contains("Alle regels zijn in orde"),
        "a clean preview"
    );
    page_shot(&staff, "inventory-import-preview", 1280).await;
    found.extend(violations(&staff, &axe, "import preview").await);
    click(&staff, "form[action$='/apply'] button[type=submit]").await;
    wait_js(
        &staff,
        "location.pathname === '/inventory/activities'",
        "the list",
    )
    .await;
    let inv = app.store.inventory(ws.id).await.unwrap();
    assert_eq!(
        (inv.offers.len(), inv.partners.len(), inv.results.len()),
        (8, 5, 3)
    );
    found.extend(violations(&staff, &axe, "activities").await);

    // The matrix: universal × 4–12 holds four; on other axes by the selects.
    staff
        .goto(&format!("{}/inventory/matrix", app.url))
        .await
        .unwrap();
    let cell = js(
        &staff,
        "[...document.querySelectorAll('table.matrix tbody tr')].find(r => r.querySelector('th').textContent.trim() === 'Universeel').querySelectorAll('td')[2].querySelector('.count').textContent",
    )
    .await;
    assert_eq!(cell, json!("4"), "universal × 4–12");
    page_shot(&staff, "inventory-matrix", 1280).await;
    found.extend(violations(&staff, &axe, "matrix").await);
    staff
        .find(Locator::Css("#m-rows"))
        .await
        .unwrap()
        .select_by_value("partner")
        .await
        .unwrap();
    staff
        .find(Locator::Css("#m-cols"))
        .await
        .unwrap()
        .select_by_value("level")
        .await
        .unwrap();
    click(&staff, "form.filters button[type=submit]").await;
    wait_js(
        &staff,
        "document.querySelector('table.matrix caption').textContent.includes('Partner')",
        "partner × level",
    )
    .await;
    assert!(
        text_of(&staff, "table.matrix")
            .await
            .contains("Wijkteam Zuid")
    );
    page_shot(&staff, "inventory-matrix-partners", 1280).await;

    // The analysis: the gaps and the question-5 lists from these rows.
    staff
        .goto(&format!("{}/inventory/analysis", app.url))
        .await
        .unwrap();
    let main = text_of(&staff, "main").await;
    assert!(main.contains("6. Wat draagt iedere speler bij?"));
    assert!(main.contains("Jeugdwet"), "funding sources are totalled");
    page_shot(&staff, "inventory-analysis", 1280).await;
    found.extend(violations(&staff, &axe, "analysis").await);

    // A contact person for the sports club, then an invitation.
    let club = inv
        .partners
        .iter()
        .find(|p| p.name == "VV Zuid")
        .unwrap()
        .id;
    staff
        .goto(&format!("{}/inventory/partners/{club}/edit", app.url))
        .await
        .unwrap();
    found.extend(violations(&staff, &axe, "partner form").await);
    type_into(&staff, "#contact_name", "Sanne Bakker").await;
    type_into(&staff, "#contact_email", "sanne@vvzuid.example").await;
    click(&staff, "form.stack button[type=submit]").await;
    wait_js(
        &staff,
        "location.pathname === '/inventory/partners'",
        "partners",
    )
    .await;
    click(
        &staff,
        &format!("form[action='/inventory/partners/{club}/invite'] button"),
    )
    .await;
    wait_js(&staff, "document.getElementById('invite-link')", "the link").await;
    found.extend(violations(&staff, &axe, "partners with link").await);
    let link = js(&staff, "document.getElementById('invite-link').value").await;
    let link = link.as_str().unwrap().to_string();

    // On a small phone: accept, land in the inventory, change its own.
    let phone = driver.browser(390, 844).await;
    phone.goto(&link).await.unwrap();
    found.extend(violations(&phone, &axe, "invitation").await);
    type_into(&phone, "#name", "Sanne Bakker").await;
    type_into(&phone, "#password", "een-lang-wachtwoord-2027").await;
    click(&phone, "form.stack button[type=submit]").await;
    // The account exists; it signs in like staff do.
    wait_js(&phone, "location.pathname === '/login'", "the login").await;
    type_into(&phone, "#email", "sanne@vvzuid.example").await;
    type_into(&phone, "#password", "een-lang-wachtwoord-2027").await;
    click(&phone, "form[action='/login'] button[type=submit]").await;
    wait_js(
        &phone,
        "location.pathname.startsWith('/inventory')",
        "inventory",
    )
    .await;
    let own = inv
        .offers
        .iter()
        .find(|o| o.name == "Jeugdvoetbal met opgeleide trainers")
        .unwrap()
        .id;
    phone
        .goto(&format!("{}/inventory/activities/{own}/edit", app.url))
        .await
        .unwrap();
    found.extend(violations(&phone, &axe, "activity form on a phone").await);
    page_shot(&phone, "inventory-partner-phone-form", 390).await;
    let reach = phone.find(Locator::Css("#reach")).await.unwrap();
    reach.clear().await.unwrap();
    reach.send_keys("240").await.unwrap();
    click(&phone, "form.inventory-form button[type=submit]").await;
    wait_js(
        &phone,
        &format!("location.pathname === '/inventory/activities/{own}'"),
        "the activity",
    )
    .await;
    assert!(text_of(&phone, "main").await.contains("240"));
    page_shot(&phone, "inventory-partner-phone-activity", 390).await;
    found.extend(violations(&phone, &axe, "activity on a phone").await);
    // Another partner's activity has no edit button and no form.
    let theirs = inv
        .offers
        .iter()
        .find(|o| o.name == "Rots en Water")
        .unwrap()
        .id;
    phone
        .goto(&format!("{}/inventory/activities/{theirs}", app.url))
        .await
        .unwrap();
    assert_eq!(
        js(&phone, "!!document.querySelector('a[href$=\"/edit\"]')").await,
        json!(false)
    );
    phone
        .goto(&format!("{}/inventory/activities/{theirs}/edit", app.url))
        .await
        .unwrap();
    assert!(text_of(&phone, "main").await.contains("403"));
    let reach_now = app.store.offer(ws.id, theirs).await.unwrap().unwrap().reach;
    assert_eq!(reach_now, Some(60), "unchanged");

    // Staff see who changed what.
    staff
        .goto(&format!("{}/inventory/changes", app.url))
        .await
        .unwrap();
    let log = text_of(&staff, "main").await;
    assert!(log.contains("Sanne Bakker") && log.contains("240"), "{log}");
    found.extend(violations(&staff, &axe, "changes").await);

    // An evening's matrix activity on the projector.
    let s = app.session(&ws, &user, "Ketenavond Zuid").await;
    let step = app.store.agenda(s.id).await.unwrap().steps[1].id;
    let added = app
        .store
        .execute(
            s.id,
            koers_core::event::Actor::System,
            koers_store::Command::AddActivity {
                step,
                def: koers_core::activity::ActivityDef::new(
                    "Wat er nu al is",
                    koers_core::activity::ActivityKind::Matrix {
                        rows: koers_core::inventory::matrix::Axis::Level,
                        cols: koers_core::inventory::matrix::Axis::AgeGroup,
                    },
                    koers_core::activity::Audience::Individuals,
                )
                .unwrap(),
                id: None,
            },
        )
        .await
        .unwrap();
    let koers_store::Outcome::Activity(matrix) = added.outcome else {
        panic!("no activity")
    };
    let bearer = app.bearer(&user).await;
    app.control(&bearer, &s, "open", Some(&matrix.to_string()))
        .await;
    let screen = driver.browser(1920, 1080).await;
    screen
        .goto(&format!("{}/screen/{}", app.url, s.screen_token))
        .await
        .unwrap();
    wait_js(
        &screen,
        "document.querySelector('.screen-matrix')",
        "the matrix",
    )
    .await;
    shot(&screen, "inventory-screen-matrix").await;
    found.extend(violations(&screen, &axe, "screen matrix").await);

    assert!(
        found.is_empty(),
        "accessibility violations:\n{}",
        found.join("\n")
    );
    for c in [staff, phone, screen] {
        c.close().await.unwrap();
    }
}
