//! The prevention inventory over HTTP, as browsers use it: staff keep
//! partners, results and activities with forms; a partner's contact person,
//! invited by link, changes only its own activities and reaches nothing
//! else; the matrix and the analysis show the data; a spreadsheet import
//! previews, refuses rows with problems until told to skip them, and applies
//! once even when confirmed twice; an export imported elsewhere gives the
//! same inventory.

#![allow(clippy::unwrap_used)]

mod common;

use common::forms::*;
use common::*;

async fn partner(app: &TestApp, c: &reqwest::Client, name: &str, email: &str) -> String {
    let r = post(
        app,
        c,
        "/inventory/partners/new",
        "/inventory/partners",
        &[
            ("name", name),
            ("kind", "school"),
            ("contact_name", "Contact"),
            ("contact_email", email),
            ("role", "partner"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303, "partner {name}");
    let inv = app
        .store
        .inventory(
            app.store
                .workspace_by_slug("noord")
                .await
                .unwrap()
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    inv.partners
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.id.to_string())
        .unwrap()
}

async fn activity(
    app: &TestApp,
    c: &reqwest::Client,
    name: &str,
    provider: &str,
) -> reqwest::Response {
    post(
        app,
        c,
        "/inventory/activities/new",
        "/inventory/activities",
        &[
            ("name", name),
            ("description", "Lessen over gezond leven"),
            ("providers", provider),
            ("actor", "partners"),
            ("level", "universal"),
            ("age_groups", "4-12"),
            ("age_groups", "12-18"),
            ("form", "group"),
            ("themes", "gezondheid"),
            ("evidence", "well_founded"),
            ("reach", "1.200"),
        ],
    )
    .await
}

#[tokio::test]
async fn staff_keep_the_inventory_and_an_invited_partner_changes_only_its_own_activities() {
    let app = spawn_app().await;
    let (noord, fac) = app.workspace("noord").await;
    let (_zuid, fac_zuid) = app.workspace("zuid").await;
    let c = app.console_client(&fac.email).await;

    let school = partner(
        &app,
        &c,
        "Basisschool De Regenboog",
        "contact@regenboog.example",
    )
    .await;
    let club = partner(&app, &c, "VV Voorbeeld", "contact@vv.example").await;
    let r = activity(
        &app,
        &c,
        "Gezonde School <script>alert(1)</script>",
        &school,
    )
    .await;
    assert_eq!(r.status(), 303);
    let own = id_in(&location(&r));
    let r = activity(&app, &c, "Sportkennismaking", &club).await;
    let theirs = id_in(&location(&r));

    // A form with mistakes is refused per field and changes nothing.
    let r = post(
        &app,
        &c,
        "/inventory/activities/new",
        "/inventory/activities",
        &[
            ("name", ""),
            ("providers", &school),
            ("actor", "partners"),
            ("level", "soms"),
            ("form", "group"),
            ("reach", "veel"),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(
        html.contains("Vul dit in.") && html.contains("Geen heel getal"),
        "field messages"
    );
    assert_eq!(app.store.inventory(noord.id).await.unwrap().offers.len(), 2);

    // The matrix counts both in universal × 4–12, names escaped.
    let (status, html) = get(&app, &c, "/inventory/matrix").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("&#60;script&#62;") && !html.contains("<script>alert"),
        "escaped"
    );
    assert!(
        html.contains("<span class=\"count\">2</span>"),
        "a cell with both activities"
    );
    let (status, html) = get(&app, &c, "/inventory/analysis").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"q1\"") && html.contains("id=\"q6\""));
    assert!(html.contains("Basisschool De Regenboog"));

    // Invite the school's contact person; the link makes an account once.
    let r = post(
        &app,
        &c,
        "/inventory/partners",
        &format!("/inventory/partners/{school}/invite"),
        &[],
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let html = r.text().await.unwrap();
    let start = html.find("/invite/").unwrap();
    let token: String = html[start + 8..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let contact = client();
    let r = post(
        &app,
        &contact,
        &format!("/invite/{token}"),
        &format!("/invite/{token}"),
        &[("name", "Anna de Vries"), ("password", "kort")],
    )
    .await;
    assert_eq!(r.status(), 422, "short password refused");
    let r = post(
        &app,
        &contact,
        &format!("/invite/{token}"),
        &format!("/invite/{token}"),
        &[("name", "Anna de Vries"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status(), 303);
    let again = post(
        &app,
        &client(),
        &format!("/invite/{token}"),
        &format!("/invite/{token}"),
        &[("name", "Iemand anders"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(again.status(), 422, "a link makes one account");

    // The contact person logs in and lands in the inventory.
    let p = client();
    let (_, login) = get(&app, &p, "/login").await;
    let r = p
        .post(format!("{}/login", app.url))
        .form(&[
            ("_csrf", csrf_of(&login).as_str()),
            ("email", "contact@regenboog.example"),
            ("password", PASSWORD),
            ("next", "/console"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/inventory");
    // No sessions, no console, no lists, no partners' forms, no import.
    for path in [
        "/console",
        "/console/logo",
        "/inventory/lists",
        "/inventory/partners/new",
        "/inventory/import",
        "/inventory/changes",
        // The exports hold partners' contact persons.
        "/inventory/export.xlsx",
        "/inventory/export.csv",
    ] {
        let (status, _) = get(&app, &p, path).await;
        assert_eq!(status, 403, "{path}");
    }
    // Its own activity: yes, and the change is in the history with its name.
    let edit = format!("/inventory/activities/{own}/edit");
    let (status, _) = get(&app, &p, &edit).await;
    assert_eq!(status, 200);
    let r = post(
        &app,
        &p,
        &edit,
        &format!("/inventory/activities/{own}"),
        &[
            ("name", "Gezonde School"),
            ("description", "Nu met beweegles"),
            ("providers", &school),
            ("actor", "partners"),
            ("level", "universal"),
            ("age_groups", "4-12"),
            ("form", "group"),
            ("evidence", "well_founded"),
            ("reach", "1300"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let (_, page) = get(&app, &p, &format!("/inventory/activities/{own}")).await;
    assert!(
        page.contains("Anna de Vries") && page.contains("1300"),
        "history shows who and what"
    );
    // Another partner's activity: no form, no post, no delete; unchanged.
    let (status, _) = get(&app, &p, &format!("/inventory/activities/{theirs}/edit")).await;
    assert_eq!(status, 403);
    let r = post(
        &app,
        &p,
        &format!("/inventory/activities/{own}"),
        &format!("/inventory/activities/{theirs}"),
        &[
            ("name", "Overgenomen"),
            ("providers", &club),
            ("actor", "partners"),
            ("level", "universal"),
            ("age_groups", "4-12"),
            ("form", "group"),
        ],
    )
    .await;
    assert_eq!(r.status(), 403);
    let r = post(
        &app,
        &p,
        &format!("/inventory/activities/{own}"),
        &format!("/inventory/activities/{theirs}/delete"),
        &[],
    )
    .await;
    assert_eq!(r.status(), 403);
    let inv = app.store.inventory(noord.id).await.unwrap();
    assert!(inv.offers.iter().any(|o| o.name == "Sportkennismaking"));
    // Partners' contact details are staff's to see.
    let (_, partners) = get(&app, &p, "/inventory/partners").await;
    assert!(!partners.contains("contact@vv.example"));

    // Staff of another workspace see none of it.
    let z = app.console_client(&fac_zuid.email).await;
    let (status, _) = get(&app, &z, &format!("/inventory/activities/{own}")).await;
    assert_eq!(status, 404);
    let r = post(
        &app,
        &z,
        "/inventory/activities/new",
        &format!("/inventory/activities/{own}/delete"),
        &[],
    )
    .await;
    assert_eq!(r.status(), 404);
    let (_, html) = get(&app, &z, "/inventory/matrix").await;
    assert!(!html.contains("Gezonde School"));
}

#[tokio::test]
async fn an_export_imports_elsewhere_once_and_a_file_with_problems_changes_nothing_until_rows_are_skipped()
 {
    let app = spawn_app().await;
    let (noord, fac) = app.workspace("noord").await;
    let (zuid, fac_zuid) = app.workspace("zuid").await;
    let c = app.console_client(&fac.email).await;
    let school = partner(&app, &c, "OBS Het Kompas", "kompas@example.org").await;
    for name in [
        "Rots en Water",
        "Kanjertraining",
        "Schoolmaatschappelijk werk",
    ] {
        assert_eq!(activity(&app, &c, name, &school).await.status(), 303);
    }
    let xlsx = c
        .get(format!("{}/inventory/export.xlsx", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), 200);
    let xlsx = xlsx.bytes().await.unwrap().to_vec();

    // Into another workspace: preview, then apply.
    let z = app.console_client(&fac_zuid.email).await;
    let (_, form) = get(&app, &z, "/inventory/import").await;
    let body = multipart(&[
        ("_csrf", None, csrf_of(&form).as_bytes()),
        ("file", Some("export.xlsx"), &xlsx),
    ]);
    let r = app.post_multipart(&z, "/inventory/import", body).await;
    assert_eq!(r.status(), 303);
    let preview_path = location(&r);
    let (status, preview) = get(&app, &z, &preview_path).await;
    assert_eq!(status, 200);
    assert!(
        preview.contains("Alle regels zijn in orde"),
        "clean preview"
    );
    assert!(
        app.store
            .inventory(zuid.id)
            .await
            .unwrap()
            .offers
            .is_empty(),
        "preview changes nothing"
    );
    let apply = format!("{preview_path}/apply");
    let fields = hidden_fields(&preview);
    let first = z
        .post(format!("{}{apply}", app.url))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let status = first.status();
    assert_eq!(status, 303, "{}", first.text().await.unwrap());
    let second = z
        .post(format!("{}{apply}", app.url))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert!(
        location(&second).contains("import-gone"),
        "a second confirmation imports nothing"
    );
    let a = app.store.inventory(noord.id).await.unwrap();
    let b = app.store.inventory(zuid.id).await.unwrap();
    assert_eq!(b.offers.len(), 3);
    let names = |i: &koers_core::inventory::Inventory| {
        i.offers
            .iter()
            .map(|o| (o.name.clone(), o.reach, o.age_groups.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));

    // A csv with problems: listed, refused, nothing changed.
    let csv = "Naam activiteit;Aanbieders;Preventieniveau;Leeftijdsgroepen;Soort uitvoerder;Vorm;Bereik per jaar\n\
               Huiswerkklas;OBS Het Kompas;Universeel;4-12;Maatschappelijke partners;Groep;40\n\
               =HYPERLINK(\"http://x\");OBS Het Kompas;Universeel;4-12;Maatschappelijke partners;Groep;10\n\
               Taalcafé;OBS Het Kompas;Soms;4-12;Maatschappelijke partners;Groep;veel\n";
    let (_, form) = get(&app, &c, "/inventory/import").await;
    let body = multipart(&[
        ("_csrf", None, csrf_of(&form).as_bytes()),
        ("file", Some("lijst.csv"), csv.as_bytes()),
    ]);
    let r = app.post_multipart(&c, "/inventory/import", body).await;
    let preview_path = location(&r);
    let (_, preview) = get(&app, &c, &preview_path).await;
    assert!(
        preview.contains("Begint als een formule"),
        "formula reported"
    );
    assert!(
        preview
            .replace("&#34;", "\"")
            .contains("Onbekend: \"Soms\""),
        "bad level reported"
    );
    let mut fields = hidden_fields(&preview);
    let r = c
        .post(format!("{}{preview_path}/apply", app.url))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "not applied with problems");
    assert_eq!(app.store.inventory(noord.id).await.unwrap().offers.len(), 3);
    // Skipping the listed rows, explicitly: only the good row comes in.
    let skip = preview
        .split("name=\"skip\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    fields.push(("skip".into(), skip));
    let r = c
        .post(format!("{}{preview_path}/apply", app.url))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let inv = app.store.inventory(noord.id).await.unwrap();
    assert_eq!(inv.offers.len(), 4);
    assert!(inv.offers.iter().any(|o| o.name == "Huiswerkklas"));
    assert!(
        !inv.offers
            .iter()
            .any(|o| o.name.contains("HYPERLINK") || o.name == "Taalcafé")
    );

    // A broken file is refused at upload with a message, and kept nowhere.
    let (_, form) = get(&app, &c, "/inventory/import").await;
    let mut broken = xlsx.clone();
    broken.truncate(broken.len() / 2);
    let body = multipart(&[
        ("_csrf", None, csrf_of(&form).as_bytes()),
        ("file", Some("kapot.xlsx"), &broken),
    ]);
    let r = app.post_multipart(&c, "/inventory/import", body).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("geen leesbaar Excel-bestand")
    );
}

/// The hidden fields of the first apply form of a preview page.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    let form = html
        .split("/apply\"")
        .nth(1)
        .unwrap()
        .split("</form>")
        .next()
        .unwrap();
    form.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|s| {
            let name = s.split('"').next().unwrap().to_string();
            let value = s
                .split("value=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string();
            (name, value)
        })
        .collect()
}
