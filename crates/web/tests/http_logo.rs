//! The municipality's logo in the console: staff upload a PNG (a file, as a
//! browser sends it without JavaScript), see it, and remove it; every change
//! is in the audit log. A file that is not a small, whole PNG is refused
//! with a message and changes nothing; nobody without a login or the form's
//! token can change it, and no workspace sees another's logo.

#![allow(clippy::unwrap_used)]

mod common;

use base64::Engine;
use common::*;

/// A real 1×1 PNG.
fn png() -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
        .unwrap()
}

async fn post(app: &TestApp, c: &reqwest::Client, body: Vec<u8>) -> reqwest::Response {
    app.post_multipart(c, "/console/logo", body).await
}

async fn page(app: &TestApp, c: &reqwest::Client) -> String {
    let r = c
        .get(format!("{}/console/logo", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn staff_set_see_and_remove_their_own_logo_and_bad_files_change_nothing() {
    let app = spawn_app().await;
    let (noord, fac_noord) = app.workspace("noord").await;
    let (zuid, fac_zuid) = app.workspace("zuid").await;
    let s = app.session(&noord, &fac_noord, "Ketenavond Noord").await;

    // Nobody logged in: to the login page, for the form and the image.
    let anon = client();
    for path in ["/console/logo", "/console/logo.png"] {
        let r = anon.get(format!("{}{path}", app.url)).send().await.unwrap();
        assert_eq!(r.status(), 303, "{path}");
        assert!(location(&r).starts_with("/login"), "{path}");
    }

    let c = app.console_client(&fac_noord.email).await;
    // The session's report panel leads to the form.
    let session_page = c
        .get(format!("{}/console/sessions/{}", app.url, s.id))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(session_page.contains("href=\"/console/logo\""));
    let form = page(&app, &c).await;
    assert!(form.contains("nog geen logo"), "{form}");
    assert!(!form.contains("src=\"/console/logo.png\""));
    let token = csrf_of(&form);
    let image = |c: &reqwest::Client| {
        let url = format!("{}/console/logo.png", app.url);
        let c = c.clone();
        async move { c.get(url).send().await.unwrap() }
    };
    assert_eq!(image(&c).await.status(), 404, "no logo yet");

    // Without the form's token: refused, nothing stored.
    let r = post(&app, &c, multipart(&[("logo", Some("logo.png"), &png())])).await;
    assert_eq!(r.status(), 403);
    assert_eq!(app.store.workspace_logo(noord.id).await.unwrap(), None);

    // A real PNG: stored, shown, served only to this workspace.
    let r = post(
        &app,
        &c,
        multipart(&[
            ("_csrf", None, token.as_bytes()),
            ("logo", Some("logo.png"), &png()),
        ]),
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/console/logo?done=saved");
    assert_eq!(
        app.store.workspace_logo(noord.id).await.unwrap(),
        Some(png())
    );
    let form = page(&app, &c).await;
    assert!(form.contains("src=\"/console/logo.png\""));
    let r = image(&c).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert!(
        r.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store")
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), png());
    let z = app.console_client(&fac_zuid.email).await;
    assert_eq!(image(&z).await.status(), 404, "zuid has no logo of its own");
    assert_eq!(app.store.workspace_logo(zuid.id).await.unwrap(), None);

    // Bad files: a message, and the logo stays as it was.
    let mut truncated = png();
    truncated.truncate(truncated.len() - 20);
    let mut too_wide = png();
    too_wide[16..20].copy_from_slice(&3000u32.to_be_bytes());
    let mut too_heavy = png();
    too_heavy.resize(600 * 1024, 0);
    for (case, file, says) in [
        (
            "GIF",
            b"GIF89a\x01\x00\x01\x00".to_vec(),
            "PNG-afbeelding van hoogstens 512 KiB",
        ),
        ("damaged", truncated, "PNG-afbeelding"),
        ("too many pixels", too_wide, "2000 × 2000 pixels"),
        ("too many bytes", too_heavy, "512 KiB"),
        ("empty", Vec::new(), "Kies eerst een PNG-bestand"),
    ] {
        let r = post(
            &app,
            &c,
            multipart(&[
                ("_csrf", None, token.as_bytes()),
                ("logo", Some("logo.png"), &file),
            ]),
        )
        .await;
        assert_eq!(r.status(), 422, "{case}");
        let body = r.text().await.unwrap();
        assert!(body.contains(says), "{case}: {body}");
        assert!(body.contains("role=\"alert\""), "{case}");
        assert_eq!(
            app.store.workspace_logo(noord.id).await.unwrap(),
            Some(png()),
            "{case}"
        );
    }
    // Far beyond any logo: refused before it is read.
    let huge = vec![0u8; 3 * 1024 * 1024];
    let r = post(
        &app,
        &c,
        multipart(&[
            ("_csrf", None, token.as_bytes()),
            ("logo", Some("logo.png"), &huge),
        ]),
    )
    .await;
    assert_eq!(r.status(), 413);

    // Removing it.
    let r = post(
        &app,
        &c,
        multipart(&[("_csrf", None, token.as_bytes()), ("remove", None, b"1")]),
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/console/logo?done=removed");
    assert_eq!(app.store.workspace_logo(noord.id).await.unwrap(), None);
    assert_eq!(image(&c).await.status(), 404);

    // Both changes are in noord's audit log, by its facilitator.
    let audit = app.store.audit_log(noord.id, 20).await.unwrap();
    for action in ["logo_set", "logo_removed"] {
        assert!(
            audit
                .iter()
                .any(|e| e.action == action && e.user_id == Some(fac_noord.id)),
            "{action}: {audit:?}"
        );
    }
    assert!(
        !app.store
            .audit_log(zuid.id, 20)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action.starts_with("logo")),
        "nothing in zuid's"
    );
}
