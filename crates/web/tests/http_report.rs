//! The console's report downloads and cover form over HTTP: only the
//! session's own staff get a file, every format arrives as what it claims
//! to be and is never cached, and the cover form wants a CSRF token and a
//! real date, changing nothing otherwise.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;

#[tokio::test]
async fn only_the_sessions_staff_download_its_report_in_every_format() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("downloads").await;
    let (_, stranger) = app.workspace("elders").await;
    let s = app.session(&ws, &user, "Ketenavond \"Noord\"").await;
    let base = format!("{}/console/sessions/{}/export", app.url, s.id);

    let anonymous = client().get(format!("{base}/pdf")).send().await.unwrap();
    assert_eq!(anonymous.status(), 303, "to the login page");
    let other = app.console_client(&stranger.email).await;
    for format in ["pdf", "json", "xlsx"] {
        let r = other.get(format!("{base}/{format}")).send().await.unwrap();
        assert_eq!(r.status(), 404, "another workspace's staff: {format}");
    }

    let c = app.console_client(&user.email).await;
    for (format, mime, magic) in [
        ("pdf", "application/pdf", &b"%PDF-"[..]),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            &b"PK\x03\x04"[..],
        ),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &b"PK\x03\x04"[..],
        ),
        ("md", "text/markdown; charset=utf-8", &b"# Ketenavond"[..]),
        ("csv", "application/zip", &b"PK\x03\x04"[..]),
        ("json", "application/json", &b"{"[..]),
    ] {
        let r = c.get(format!("{base}/{format}")).send().await.unwrap();
        assert_eq!(r.status(), 200, "{format}");
        assert_eq!(r.headers()["content-type"], mime, "{format}");
        assert_eq!(r.headers()["cache-control"], "no-store", "{format}");
        let disposition = r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            disposition.starts_with("attachment; filename=\"koers-ketenavond-noord")
                && disposition.ends_with(&format!(
                    ".{}\"",
                    if format == "csv" { "zip" } else { format }
                )),
            "{disposition}"
        );
        let body = r.bytes().await.unwrap();
        assert!(body.starts_with(magic), "{format} starts as it should");
    }
    let r = c.get(format!("{base}/exe")).send().await.unwrap();
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn the_cover_form_wants_a_token_and_a_real_date() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("voorblad").await;
    let s = app.session(&ws, &user, "Avond").await;
    let c = app.console_client(&user.email).await;
    let console = format!("{}/console/sessions/{}", app.url, s.id);
    let page = c.get(&console).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("/console/sessions/{}/export/pdf", s.id)));
    let token = csrf_of(&page);
    let url = format!("{console}/cover");

    let r = c
        .post(&url)
        .form(&[("held_on", "2026-11-19"), ("place", "Raadzaal")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "no CSRF token");
    let r = c
        .post(&url)
        .form(&[
            ("_csrf", token.as_str()),
            ("held_on", "2026-02-30"),
            ("place", "Raadzaal"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .contains("error=bad-date")
    );
    let unchanged = app.store.session(s.id).await.unwrap().unwrap();
    assert_eq!((unchanged.held_on, unchanged.place), (None, String::new()));

    let r = c
        .post(&url)
        .form(&[
            ("_csrf", token.as_str()),
            ("held_on", "2026-11-19"),
            ("place", "  Raadzaal <b>Noord</b> "),
            ("facilitator", "Fatima el Amrani"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let s = app.store.session(s.id).await.unwrap().unwrap();
    assert_eq!(s.held_on.as_deref(), Some("2026-11-19"));
    assert_eq!(s.place, "Raadzaal <b>Noord</b>");
    assert_eq!(s.facilitator, "Fatima el Amrani");
    // Shown back in the form, escaped.
    let page = c.get(&console).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("Raadzaal &#60;b&#62;Noord&#60;/b&#62;")
            || page.contains("Raadzaal &lt;b&gt;Noord&lt;/b&gt;")
    );
}
