//! The stakeholder register over HTTP: staff keep contact persons, groups and
//! conversations with forms; a partner's contact person, anyone signed out
//! and another workspace's staff reach none of it; the invitation list is
//! CSV a spreadsheet cannot run; a data-protection request gets a download
//! of everything kept and an erasure that leaves the rest alone.

#![allow(clippy::unwrap_used)]

mod common;

use common::forms::*;
use common::*;
use koers_core::auth::Role;
use koers_store::NewUser;
use koers_web::security::password::hash_password;

#[tokio::test]
async fn staff_keep_the_register_and_nobody_else_reaches_it() {
    let app = spawn_app().await;
    let (noord, fac) = app.workspace("noord").await;
    let (_zuid, fac_zuid) = app.workspace("zuid").await;
    let c = app.console_client(&fac.email).await;

    // An organisation is an inventory partner: one list.
    let r = post(
        &app,
        &c,
        "/inventory/partners/new",
        "/inventory/partners",
        &[
            ("name", "OBS De Regenboog"),
            ("kind", "school"),
            ("role", "partner"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let school = app.store.inventory(noord.id).await.unwrap().partners[0].id;
    let (status, html) = get(&app, &c, "/register/organisations").await;
    assert_eq!(status, 200);
    assert!(html.contains("OBS De Regenboog"));

    // A contact person with mistakes is refused per field, nothing kept.
    let r = post(
        &app,
        &c,
        "/register/contacts/new",
        "/register/contacts",
        &[
            ("name", ""),
            ("email", "geen adres"),
            ("phone", "bel me"),
            ("partner", &school.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("aria-invalid=\"true\"") && html.contains("Geen telefoonnummer"));
    assert!(
        app.store
            .register(noord.id)
            .await
            .unwrap()
            .contacts
            .is_empty()
    );

    let r = post(
        &app,
        &c,
        "/register/contacts/new",
        "/register/contacts",
        &[
            ("name", "Fatma <b>Yilmaz</b>"),
            ("role", "=HYPERLINK(\"http://x\")"),
            ("email", "f.yilmaz@regenboog.example"),
            ("phone", "+31 30 123 45 67"),
            ("partner", &school.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422, "a formula is refused as a role");
    let r = post(
        &app,
        &c,
        "/register/contacts/new",
        "/register/contacts",
        &[
            ("name", "Fatma <b>Yilmaz</b>"),
            ("role", "Intern begeleider"),
            ("email", "F.Yilmaz@Regenboog.example"),
            ("phone", "+31 30 123 45 67"),
            ("partner", &school.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let fatma = id_in(&location(&r));
    let r = post(
        &app,
        &c,
        "/register/contacts/new",
        "/register/contacts",
        &[("name", "=1+1 Bram"), ("role", "Jongerenwerker")],
    )
    .await;
    assert_eq!(r.status(), 422, "a name that is a formula");
    let r = post(
        &app,
        &c,
        "/register/contacts/new",
        "/register/contacts",
        &[("name", "Bram de Vries"), ("role", "-Jongerenwerker")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let bram = id_in(&location(&r));

    // The list shows them escaped; the search finds by organisation.
    let (_, html) = get(&app, &c, "/register/contacts?q=regenboog").await;
    assert!(html.contains("Fatma &#60;b&#62;Yilmaz&#60;/b&#62;") && !html.contains("<b>Yilmaz"));
    assert!(!html.contains("Bram de Vries"), "filtered out");

    // A core group; the same name again is refused.
    let r = post(
        &app,
        &c,
        "/register/groups",
        "/register/groups",
        &[("name", "Kerngroep"), ("core", "on")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let core = id_in(&location(&r));
    let r = post(
        &app,
        &c,
        "/register/groups",
        "/register/groups",
        &[("name", " kerngroep")],
    )
    .await;
    assert_eq!(r.status(), 422);
    let group_page = format!("/register/groups/{core}");
    let r = post(
        &app,
        &c,
        &group_page,
        &format!("/register/groups/{core}/members"),
        &[("contact", &fatma), ("contact", &bram), ("action", "add")],
    )
    .await;
    assert_eq!(r.status(), 303);
    // Sent twice (a double click): still two members.
    let r = post(
        &app,
        &c,
        &group_page,
        &format!("/register/groups/{core}/members"),
        &[("contact", &fatma), ("action", "add")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let (_, html) = get(&app, &c, &group_page).await;
    assert!(html.contains("2 leden uit 1 organisaties"), "{html}");
    assert!(html.contains("1 lid heeft geen e-mailadres"));

    // The invitation list: members with an address, cells that cannot run.
    let r = c
        .get(format!(
            "{}/register/groups/{core}/invitations.csv",
            app.url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = r.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1, "Bram has no address: {csv}");
    assert_eq!(&rows[0][0], "Fatma <b>Yilmaz</b>");
    assert_eq!(&rows[0][1], "OBS De Regenboog");
    assert_eq!(&rows[0][3], "f.yilmaz@regenboog.example");

    // A conversation with both, and a follow-up.
    let r = post(
        &app,
        &c,
        "/register/conversations/new",
        "/register/conversations",
        &[
            ("date", "2026-03-14"),
            ("topic", "Verdiepend gesprek"),
            ("partner", &school.to_string()),
            ("contacts", &fatma),
            ("contacts", &bram),
            ("notes", "Over de overstap naar het voortgezet onderwijs."),
            ("follow_up", "Cijfers nasturen"),
            ("follow_up_due", "2026-03-21"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let (_, html) = get(&app, &c, "/register/conversations?open=1").await;
    assert!(html.contains("Verdiepend gesprek") && html.contains("te laat"));

    // Nobody else: signed out, a partner's contact person, another workspace.
    let anon = client();
    for path in [
        "/register/contacts",
        &format!("/register/contacts/{fatma}"),
        &format!("/register/contacts/{fatma}/data.json"),
        &format!("/register/groups/{core}/invitations.csv"),
        "/register/conversations",
    ] {
        let r = anon.get(format!("{}{path}", app.url)).send().await.unwrap();
        assert!(
            r.status() == 303 || r.status() == 401,
            "{path}: {}",
            r.status()
        );
    }
    app.store
        .create_user(NewUser {
            workspace_id: noord.id,
            email: "contact@regenboog.example".into(),
            name: "Contact Regenboog".into(),
            role: Role::Partner,
            partner: Some(school),
            password_hash: hash_password(PASSWORD).unwrap(),
        })
        .await
        .unwrap();
    let p = app.console_client("contact@regenboog.example").await;
    for path in [
        "/register/contacts".to_string(),
        format!("/register/contacts/{fatma}"),
        format!("/register/contacts/{fatma}/data.json"),
        format!("/register/groups/{core}"),
        "/register/organisations".to_string(),
    ] {
        assert_eq!(get(&app, &p, &path).await.0, 403, "partner: {path}");
    }
    let (_, inv_page) = get(&app, &p, "/inventory/activities").await;
    assert!(!inv_page.contains("href=\"/register\""), "no link either");
    let z = app.console_client(&fac_zuid.email).await;
    assert_eq!(
        get(&app, &z, &format!("/register/contacts/{fatma}"))
            .await
            .0,
        404
    );
    assert_eq!(
        get(&app, &z, &format!("/register/groups/{core}")).await.0,
        404
    );
    let r = post(
        &app,
        &z,
        "/register/contacts",
        &format!("/register/contacts/{fatma}/erase"),
        &[],
    )
    .await;
    assert_eq!(r.status(), 404);
    // Without a CSRF token nothing changes.
    let r = c
        .post(format!("{}/register/contacts/{fatma}/erase", app.url))
        .form(&[("x", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        app.store.register(noord.id).await.unwrap().contacts.len(),
        2
    );
}

#[tokio::test]
async fn a_data_protection_request_gets_everything_and_erasure_leaves_the_rest() {
    let app = spawn_app().await;
    let (noord, fac) = app.workspace("noord").await;
    let c = app.console_client(&fac.email).await;
    let mut ids = Vec::new();
    for name in ["Fatma Yilmaz", "Bram de Vries"] {
        let email = format!("{}@example.org", name.split(' ').next().unwrap());
        let r = post(
            &app,
            &c,
            "/register/contacts/new",
            "/register/contacts",
            &[("name", name), ("email", &email)],
        )
        .await;
        assert_eq!(r.status(), 303);
        ids.push(id_in(&location(&r)));
    }
    let (fatma, bram) = (&ids[0], &ids[1]);
    let r = post(
        &app,
        &c,
        "/register/groups",
        "/register/groups",
        &[("name", "Jongerenpanel")],
    )
    .await;
    let panel = id_in(&location(&r));
    // Joining from the person's page.
    let r = post(
        &app,
        &c,
        &format!("/register/contacts/{fatma}"),
        &format!("/register/contacts/{fatma}/groups"),
        &[("group", &panel), ("action", "add")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let r = post(
        &app,
        &c,
        "/register/conversations/new",
        "/register/conversations",
        &[
            ("date", "14-03-2026"),
            ("topic", "Gesprek met het panel"),
            ("contacts", fatma),
            ("contacts", bram),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);

    // Access: one JSON document with the record, groups and conversations.
    let r = c
        .get(format!("{}/register/contacts/{fatma}/data.json", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let doc: serde_json::Value = r.json().await.unwrap();
    assert_eq!(doc["contact"]["name"], "Fatma Yilmaz");
    assert_eq!(doc["contact"]["email"], "fatma@example.org");
    assert_eq!(doc["groups"], serde_json::json!(["Jongerenpanel"]));
    assert_eq!(doc["conversations"][0]["topic"], "Gesprek met het panel");
    assert_eq!(doc["conversations"][0]["date"], "2026-03-14");

    // Erasure: the page says what goes; the post removes exactly that.
    let (status, html) = get(&app, &c, &format!("/register/contacts/{fatma}/erase")).await;
    assert_eq!(status, 200);
    assert!(html.contains("het lidmaatschap van 1 groep"));
    let r = post(
        &app,
        &c,
        &format!("/register/contacts/{fatma}/erase"),
        &format!("/register/contacts/{fatma}/erase"),
        &[],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/register/contacts?done=erased");
    let reg = app.store.register(noord.id).await.unwrap();
    assert_eq!(reg.contacts.len(), 1);
    assert_eq!(reg.contacts[0].name, "Bram de Vries");
    assert!(reg.members.is_empty());
    assert_eq!(reg.conversations.len(), 1);
    assert_eq!(reg.conversations[0].contacts.len(), 1);
    let (_, html) = get(&app, &c, "/register/conversations").await;
    assert!(!html.contains("Fatma") && html.contains("Bram de Vries"));
    assert_eq!(
        get(&app, &c, &format!("/register/contacts/{fatma}"))
            .await
            .0,
        404
    );
    let log = app.store.audit_log(noord.id, 20).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"contact_data_exported") && actions.contains(&"contact_erased"));
    assert!(log.iter().all(|e| !e.detail.contains("Fatma")));
}
