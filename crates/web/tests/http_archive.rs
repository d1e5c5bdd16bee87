//! Importing a session archive in the console: a facilitator uploads an
//! archive (a file, as a browser sends it without JavaScript) and gets the
//! new session in their own workspace; a wrong file shows why; nobody
//! without a login or without the form's token can import, and nobody can
//! import into another workspace.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_store::{SessionArchive, SessionSummary};
use serde_json::json;

/// The import form's CSRF token for this client.
async fn form_token(app: &TestApp, c: &reqwest::Client) -> String {
    let r = c
        .get(format!("{}/console/import", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("enctype=\"multipart/form-data\""));
    csrf_of(&page)
}

async fn upload(app: &TestApp, c: &reqwest::Client, body: Vec<u8>) -> reqwest::Response {
    app.post_multipart(c, "/console/import", body).await
}

fn titles(list: &[SessionSummary]) -> Vec<&str> {
    list.iter().map(|s| s.session.title.as_str()).collect()
}

#[tokio::test]
async fn a_facilitator_imports_an_archive_into_their_own_workspace_and_nobody_else_can() {
    let app = spawn_app().await;
    let (noord, fac_noord) = app.workspace("noord").await;
    let (zuid, fac_zuid) = app.workspace("zuid").await;
    let s = app.session(&noord, &fac_noord, "Ketenavond Noord").await;
    let bearer = app.bearer(&fac_noord).await;
    let ids = app.activity_ids(&s).await;
    app.control(&bearer, &s, "open", Some(&ids[0])).await;
    let p = app.join(s.join_code.as_str()).await;
    let (status, _) = app
        .answer(
            &p,
            &s,
            &ids[0],
            &cid(),
            json!({"type": "choice", "option": 1}),
        )
        .await;
    assert_eq!(status, 200);
    let mut archive = app
        .store
        .export_archive(s.id)
        .await
        .unwrap()
        .unwrap()
        .to_json_pretty()
        .unwrap()
        .into_bytes();
    // More than the 64 KiB every other form may send (JSON allows the
    // spaces): this route takes archives.
    archive.extend(std::iter::repeat_n(b' ', 100 * 1024));

    // Nobody logged in: the form sends to the login page, a post is refused.
    let anon = client();
    let r = anon
        .get(format!("{}/console/import", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
    let login = anon
        .get(format!("{}/login", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_of(&login);
    let r = upload(
        &app,
        &anon,
        multipart(&[
            ("_csrf", None, token.as_bytes()),
            ("archive", Some("a.json"), &archive),
        ]),
    )
    .await;
    assert_eq!(r.status(), 303, "to the login page");
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );

    // Logged in, but without the form's token, with a wrong one, with the
    // token after the file, or from another site: refused.
    let c = app.console_client(&fac_zuid.email).await;
    let token = form_token(&app, &c).await;
    for (case, body) in [
        (
            "no token",
            multipart(&[("archive", Some("a.json"), &archive)]),
        ),
        (
            "wrong token",
            multipart(&[
                ("_csrf", None, b"AAAA"),
                ("archive", Some("a.json"), &archive),
            ]),
        ),
        (
            "token after the file",
            multipart(&[
                ("archive", Some("a.json"), &archive),
                ("_csrf", None, token.as_bytes()),
            ]),
        ),
    ] {
        let r = upload(&app, &c, body).await;
        assert_eq!(r.status(), 403, "{case}");
    }
    let r = c
        .post(format!("{}/console/import", app.url))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("origin", "https://evil.example")
        .body(multipart(&[
            ("_csrf", None, token.as_bytes()),
            ("archive", Some("a.json"), &archive),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "cross-origin");
    assert!(app.store.sessions(zuid.id).await.unwrap().is_empty());

    // A wrong file says why and stores nothing.
    let newer = String::from_utf8(archive.clone()).unwrap().replacen(
        &format!("\"version\": {}", koers_store::archive::VERSION),
        "\"version\": 9",
        1,
    );
    for (case, file, says) in [
        ("not JSON", b"# Verslag".to_vec(), "geen geldig JSON"),
        (
            "not an archive",
            br#"{"format": "zip"}"#.to_vec(),
            "geen sessiearchief",
        ),
        ("newer", newer.into_bytes(), "versie 9"),
        ("empty", Vec::new(), "Kies eerst een archiefbestand"),
    ] {
        let r = upload(
            &app,
            &c,
            multipart(&[
                ("_csrf", None, token.as_bytes()),
                ("archive", Some("a.json"), &file),
            ]),
        )
        .await;
        assert_eq!(r.status(), 422, "{case}");
        let page = r.text().await.unwrap();
        assert!(page.contains(says), "{case}: {page}");
        assert!(page.contains("role=\"alert\""), "{case}");
    }
    assert!(app.store.sessions(zuid.id).await.unwrap().is_empty());

    // Zuid's facilitator imports Noord's archive: it becomes Zuid's session,
    // whatever the form adds; Noord's sessions stay as they were.
    let r = upload(
        &app,
        &c,
        multipart(&[
            ("_csrf", None, token.as_bytes()),
            ("workspace", None, noord.id.to_string().as_bytes()),
            ("archive", Some("ketenavond.json"), &archive),
        ]),
    )
    .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let listed = app.store.sessions(zuid.id).await.unwrap();
    assert_eq!(titles(&listed), vec!["Ketenavond Noord"]);
    let copy = &listed[0].session;
    assert_eq!(location, format!("/console/sessions/{}", copy.id));
    assert_eq!(listed[0].devices, 1);
    assert_eq!(
        titles(&app.store.sessions(noord.id).await.unwrap()),
        vec!["Ketenavond Noord"]
    );
    let page = c
        .get(format!("{}{location}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Ketenavond Noord"));
    let copy_first = app.store.agenda(copy.id).await.unwrap().activities[0].id;
    assert_eq!(
        app.store.answers(copy_first).await.unwrap(),
        app.store.answers(ids[0].parse().unwrap()).await.unwrap(),
        "the answers came along"
    );
    // Noord's facilitator does not see Zuid's copy; the participant's
    // cookie for the original does not open it.
    let noord_c = app.console_client(&fac_noord.email).await;
    let r = noord_c
        .get(format!("{}{location}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = client()
        .get(format!("{}/api/v1/sessions/{}/me", app.url, copy.id))
        .header("authorization", format!("Participant {p}"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
    // The link to the form is on the sessions page.
    let sessions = c
        .get(format!("{}/console", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(sessions.contains("href=\"/console/import\""));

    // Every other form still takes at most 64 KiB.
    let r = c
        .post(format!("{}/console/sessions", app.url))
        .form(&[
            ("_csrf", token.as_str()),
            ("title", &"x".repeat(100 * 1024)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    let archive_value: SessionArchive = SessionArchive::from_json(&archive).unwrap();
    assert_eq!(archive_value.session.title, "Ketenavond Noord");
}
