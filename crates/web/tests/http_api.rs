//! Black-box tests of the HTTP surface: pages, forms and the JSON API,
//! against a real server with a real SQLite file.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn an_answer_retried_with_the_same_client_id_is_acknowledged_twice_and_counted_once() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("landsmeer").await;
    let s = app.session(&ws, &user, "Ketenavond").await;
    let bearer = app.bearer(&user).await;
    let poll = app.activity_ids(&s).await[0].clone();
    app.control(&bearer, &s, "open", Some(&poll)).await;
    let p = app.join(s.join_code.as_str()).await;
    let id = cid();
    let (st1, a1) = app
        .answer(&p, &s, &poll, &id, json!({"type": "choice", "option": 1}))
        .await;
    let (st2, a2) = app
        .answer(&p, &s, &poll, &id, json!({"type": "choice", "option": 1}))
        .await;
    assert_eq!((st1, st2), (200, 200));
    assert_eq!(a1["status"], "accepted");
    assert_eq!(a2["status"], "duplicate");
    assert_eq!(a1["seq"], a2["seq"]);
    assert_eq!(app.counts(&bearer, &s, &poll).await[1], 1);
    // Changing the answer replaces it.
    app.answer(
        &p,
        &s,
        &poll,
        &cid(),
        json!({"type": "choice", "option": 3}),
    )
    .await;
    let counts = app.counts(&bearer, &s, &poll).await;
    assert_eq!((counts[1], counts[3]), (0, 1));
}

#[tokio::test]
async fn a_closed_activity_refuses_answers_with_a_message_in_the_participants_language() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("woerden").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let poll = app.activity_ids(&s).await[0].clone();
    let p = app.join(s.join_code.as_str()).await;
    for (lang, text) in [("nl", "niet (meer) open"), ("en", "not open")] {
        let r = client()
            .put(format!(
                "{}/api/v1/sessions/{}/activities/{poll}/answer",
                app.url, s.id
            ))
            .header("authorization", format!("Participant {p}"))
            .header("accept-language", lang)
            .json(&json!({"client_id": cid(), "answer": {"type": "choice", "option": 0}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], "activity-not-open");
        assert!(
            body["error"]["message"].as_str().unwrap().contains(text),
            "{lang}: {body}"
        );
    }
    assert_eq!(app.counts(&bearer, &s, &poll).await.iter().sum::<u64>(), 0);
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_and_changes_nothing() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("bad").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    // The sixth activity of the template is the open question for tables; the
    // third is a word cloud for individuals.
    let cloud = ids[2].clone();
    app.control(&bearer, &s, "open", Some(&cloud)).await;
    let p = app.join(s.join_code.as_str()).await;
    let before = app.store.session(s.id).await.unwrap().unwrap().last_seq;

    let url = format!(
        "{}/api/v1/sessions/{}/activities/{cloud}/answer",
        app.url, s.id
    );
    let send = |body: String| {
        client()
            .put(&url)
            .header("authorization", format!("Participant {p}"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let malformed = send("{not json".into()).await.unwrap();
    assert_eq!(malformed.status(), 400);
    assert_eq!(
        malformed.json::<Value>().await.unwrap()["error"]["code"],
        "bad-request"
    );

    let (st, body) = app
        .answer(
            &p,
            &s,
            &cloud,
            &cid(),
            json!({"type": "words", "words": ["  ", ""]}),
        )
        .await;
    assert_eq!((st, body["error"]["code"].as_str()), (422, Some("empty")));
    let long = "x".repeat(41);
    let (st, body) = app
        .answer(
            &p,
            &s,
            &cloud,
            &cid(),
            json!({"type": "words", "words": [long]}),
        )
        .await;
    assert_eq!(
        (st, body["error"]["code"].as_str()),
        (422, Some("too-long"))
    );
    assert!(body["error"]["message"].as_str().unwrap().contains("40"));
    let (st, body) = app
        .answer(
            &p,
            &s,
            &cloud,
            &cid(),
            json!({"type": "words", "words": ["a", "b", "c", "d"]}),
        )
        .await;
    assert_eq!(
        (st, body["error"]["code"].as_str()),
        (422, Some("too-many-words"))
    );
    let (st, body) = app
        .answer(
            &p,
            &s,
            &cloud,
            &cid(),
            json!({"type": "choice", "option": 0}),
        )
        .await;
    assert_eq!(
        (st, body["error"]["code"].as_str()),
        (422, Some("wrong-answer-type"))
    );
    let (st, body) = app
        .answer(
            &p,
            &s,
            &cid(),
            &cid(),
            json!({"type": "choice", "option": 0}),
        )
        .await;
    assert_eq!(
        (st, body["error"]["code"].as_str()),
        (404, Some("not-found"))
    );
    let huge = client()
        .put(&url)
        .header("authorization", format!("Participant {p}"))
        .header("content-type", "application/json")
        .body(format!(
            "{{\"client_id\":\"{}\",\"answer\":{{\"type\":\"words\",\"words\":[\"{}\"]}}}}",
            cid(),
            "y".repeat(200_000)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status(), 413);

    let unknown = client()
        .post(format!("{}/api/v1/join", app.url))
        .json(&json!({"code": "12345"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
    assert_eq!(
        unknown.json::<Value>().await.unwrap()["error"]["code"],
        "unknown-code"
    );

    assert_eq!(
        app.store.session(s.id).await.unwrap().unwrap().last_seq,
        before,
        "nothing was logged"
    );
}

#[tokio::test]
async fn participants_never_reach_staff_routes_and_staff_never_reach_another_workspace() {
    let app = spawn_app().await;
    let (ws1, u1) = app.workspace("een").await;
    let (_ws2, u2) = app.workspace("twee").await;
    let s = app.session(&ws1, &u1, "Van een").await;
    let p = app.join(s.join_code.as_str()).await;
    let other = app.bearer(&u2).await;
    let poll = app.activity_ids(&s).await[0].clone();

    // A participant token is no staff login.
    let r = client()
        .get(format!("{}/api/v1/sessions/{}", app.url, s.id))
        .header("authorization", format!("Participant {p}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    // Staff of another workspace: as if the session did not exist.
    for (method, path, body) in [
        ("GET", format!("/api/v1/sessions/{}", s.id), None),
        (
            "POST",
            format!("/api/v1/sessions/{}/control", s.id),
            Some(json!({"action": "open", "activity_id": poll})),
        ),
        (
            "GET",
            format!("/api/v1/sessions/{}/activities/{poll}/results", s.id),
            None,
        ),
        ("GET", format!("/api/v1/sessions/{}/events", s.id), None),
    ] {
        let mut req = client()
            .request(method.parse().unwrap(), format!("{}{path}", app.url))
            .bearer_auth(&other);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), 404, "{method} {path}");
    }
    assert_eq!(
        client()
            .get(format!("{}/api/v1/sessions", app.url))
            .bearer_auth(&other)
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap(),
        json!([])
    );
    // Pages: not logged in goes to the login page; another workspace's console is not found.
    let r = client()
        .get(format!("{}/console/sessions/{}", app.url, s.id))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login?next=")
    );
    let r = client()
        .get(format!("{}/console/sessions/{}", app.url, s.id))
        .header("cookie", format!("koers_auth={other}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    // A device joined to one session has no say in another.
    let s2 = app.session(&ws1, &u1, "Tweede").await;
    let r = client()
        .get(format!("{}/api/v1/sessions/{}/me", app.url, s2.id))
        .header("authorization", format!("Participant {p}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    // The nothing-state was not changed by any of it.
    assert_eq!(
        app.store.session(s.id).await.unwrap().unwrap().current,
        None
    );
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_and_cross_site_requests_are_refused() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("csrf").await;
    let s = app.session(&ws, &user, "Avond").await;
    let poll = app.activity_ids(&s).await[0].clone();
    let c = client();
    // Log in through the form, as a person does.
    let page = c
        .get(format!("{}/login", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_of(&page);
    let r = c
        .post(format!("{}/login", app.url))
        .form(&[
            ("_csrf", token.as_str()),
            ("email", user.email.as_str()),
            ("password", PASSWORD),
            ("next", "/console"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let url = format!("{}/console/sessions/{}/control", app.url, s.id);
    let without = c
        .post(&url)
        .form(&[("action", "open"), ("activity_id", poll.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(without.status(), 403);
    let forged = c
        .post(&url)
        .form(&[
            ("_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            ("action", "open"),
            ("activity_id", poll.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert_eq!(
        app.store.session(s.id).await.unwrap().unwrap().current,
        None,
        "refused requests change nothing"
    );
    let cross = c
        .post(&url)
        .header("origin", "https://evil.example")
        .form(&[
            ("_csrf", token.as_str()),
            ("action", "open"),
            ("activity_id", poll.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);
    let ok = c
        .post(&url)
        .form(&[
            ("_csrf", token.as_str()),
            ("action", "open"),
            ("activity_id", poll.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    assert!(
        app.store
            .session(s.id)
            .await
            .unwrap()
            .unwrap()
            .current
            .is_some()
    );
    // JSON from another origin is refused too.
    let r = client()
        .post(format!("{}/api/v1/join", app.url))
        .header("origin", "https://evil.example")
        .json(&json!({"code": s.join_code.as_str()}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn wrong_join_codes_are_limited_per_address_but_a_full_hall_behind_one_address_is_never_blocked()
 {
    let app = spawn_app_with(|c| c.trust_forwarded_for = true).await;
    let (ws, user) = app.workspace("limit").await;
    let s = app.session(&ws, &user, "Avond").await;
    let join = |ip: &'static str, code: String| {
        client()
            .post(format!("{}/api/v1/join", app.url))
            .header("x-forwarded-for", ip)
            .json(&json!({ "code": code }))
            .send()
    };
    // 500 people behind one venue NAT, all typing the right code.
    for _ in 0..500 {
        assert_eq!(
            join("10.1.1.1", s.join_code.to_string())
                .await
                .unwrap()
                .status(),
            201
        );
    }
    // A guesser: a hundred wrong codes, then blocked, even for a right one.
    let mut wrong = 0;
    for n in 0..100 {
        let code = format!("{:06}", 100_000 + n);
        if code == s.join_code.as_str() {
            continue;
        }
        assert_eq!(join("10.9.9.9", code).await.unwrap().status(), 404);
        wrong += 1;
    }
    if wrong == 100 {
        assert_eq!(
            join("10.9.9.9", "999999".into()).await.unwrap().status(),
            429
        );
    }
    let r = join("10.9.9.9", s.join_code.to_string()).await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "too-many-attempts"
    );
    // Others are not affected.
    assert_eq!(
        join("10.1.1.1", s.join_code.to_string())
            .await
            .unwrap()
            .status(),
        201
    );
}

#[tokio::test]
async fn user_text_is_escaped_on_every_page_and_live_frame() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("xss").await;
    let s = app
        .session(&ws, &user, "<script>alert('titel')</script>")
        .await;
    let bearer = app.bearer(&user).await;
    let step = app.store.agenda(s.id).await.unwrap().steps[0].id;
    let r = client()
        .post(format!("{}/api/v1/sessions/{}/activities", app.url, s.id))
        .bearer_auth(&bearer)
        .json(&json!({"step_id": step, "title": "<b onmouseover=x>vraag</b>", "kind": {"type": "open_text", "max_chars": 200}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let open_q = r.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.control(&bearer, &s, "open", Some(&open_q)).await;
    app.control(&bearer, &s, "show_results", Some(&open_q))
        .await;
    let p = app.join(s.join_code.as_str()).await;
    let (st, _) = app
        .answer(
            &p,
            &s,
            &open_q,
            &cid(),
            json!({"type": "text", "text": "<img src=x onerror=alert(1)>"}),
        )
        .await;
    assert_eq!(st, 200);
    let screen = client()
        .get(format!("{}/screen/{}", app.url, s.screen_token))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for needle in ["<script>alert", "<img src=x", "<b onmouseover"] {
        assert!(!screen.contains(needle), "screen contains raw {needle}");
    }
    // Escaped (named or numeric entities), so shown as text.
    let text = |html: &str| html.replace("&#60;", "&lt;").replace("&#62;", "&gt;");
    assert!(
        text(&screen).contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{screen}"
    );
    assert!(text(&screen).contains("&lt;b onmouseover=x&gt;vraag&lt;/b&gt;"));
    let mut stream = sse::Stream::open(
        &client(),
        &format!("{}/live/screen/{}", app.url, s.screen_token),
        &[],
    )
    .await;
    let frame = stream
        .next(std::time::Duration::from_secs(5))
        .await
        .unwrap();
    let html = frame.body["regions"]["screen-main"].as_str().unwrap();
    assert!(!html.contains("<img src=x") && text(html).contains("&lt;img src=x"));
}

#[tokio::test]
async fn health_security_headers_openapi_and_security_txt_are_served() {
    let app = spawn_app().await;
    let r = client()
        .get(format!("{}/healthz", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let h = r.headers();
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    let doc: Value = client()
        .get(format!("{}/api/v1/openapi.json", app.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for path in [
        "/api/v1/join",
        "/api/v1/sessions/{session_id}/activities/{activity_id}/answer",
        "/api/v1/sessions/{session_id}/control",
    ] {
        assert!(doc["paths"].get(path).is_some(), "openapi lacks {path}");
    }
    assert!(doc["components"]["schemas"].get("Answer").is_some());
    assert_eq!(
        client()
            .get(format!("{}/.well-known/security.txt", app.url))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let with_contact =
        spawn_app_with(|c| c.security_contact = Some("mailto:security@gemeente.example".into()))
            .await;
    let txt = client()
        .get(format!("{}/.well-known/security.txt", with_contact.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(txt.contains("Contact: mailto:security@gemeente.example") && txt.contains("Expires: "));
    let nf = client()
        .get(format!("{}/no/such/page", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(nf.status(), 404);
    assert!(nf.text().await.unwrap().contains("Niet gevonden"));
}

#[tokio::test]
async fn a_phone_without_javascript_can_join_answer_and_come_back_as_the_same_participant() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("nojs").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let poll = app.activity_ids(&s).await[0].clone();
    app.control(&bearer, &s, "open", Some(&poll)).await;
    let c = client();
    let r = c
        .get(format!("{}/join?code={}", app.url, s.join_code.spaced()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], format!("/j/{}", s.join_code));
    let page = c
        .get(format!("{}/j/{}", app.url, s.join_code))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Avond"));
    let r = c
        .post(format!("{}/join", app.url))
        .form(&[
            ("_csrf", csrf_of(&page).as_str()),
            ("code", s.join_code.as_str()),
            ("display_name", "Jan"),
            ("org_type", "school"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], format!("/p/{}", s.join_code));
    let page = c
        .get(format!("{}/p/{}", app.url, s.join_code))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Vanuit welk soort organisatie bent u hier?"));
    let r = c
        .post(format!("{}/p/{}/answer", app.url, s.join_code))
        .form(&[
            ("_csrf", csrf_of(&page).as_str()),
            ("activity_id", poll.as_str()),
            ("client_id", ""),
            ("option", "2"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        format!("/p/{}?sent=1", s.join_code)
    );
    assert_eq!(app.counts(&bearer, &s, &poll).await[2], 1);
    // Reload and the QR link again: the same participant, the same answer.
    let again = c
        .get(format!("{}/j/{}", app.url, s.join_code))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 303);
    let page = c
        .get(format!("{}/p/{}?sent=1", app.url, s.join_code))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Uw antwoord is ontvangen"));
    assert!(
        page.contains(&format!("\"{poll}\":{{\"option\":2,\"type\":\"choice\"}}"))
            || page.contains(&format!("\"{poll}\":{{\"type\":\"choice\",\"option\":2}}"))
    );
    let live = app.store.live_data(s.id).await.unwrap().unwrap();
    assert_eq!(live.counts.phones, 1);
    // An option that does not exist comes back as a message, not an error page.
    let r = c
        .post(format!("{}/p/{}/answer", app.url, s.join_code))
        .form(&[
            ("_csrf", csrf_of(&page).as_str()),
            ("activity_id", poll.as_str()),
            ("option", "99"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        format!("/p/{}?error=no-such-option", s.join_code)
    );
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_account_for_a_while() {
    let app = spawn_app_with(|c| c.trust_forwarded_for = true).await;
    let (_ws, user) = app.workspace("lock").await;
    let login = |pw: &'static str, ip: &'static str| {
        client()
            .post(format!("{}/api/v1/auth/login", app.url))
            .header("x-forwarded-for", ip)
            .json(&json!({"email": user.email, "password": pw}))
            .send()
    };
    for i in 0..10 {
        let r = login("wrong", if i % 2 == 0 { "10.0.0.1" } else { "10.0.0.2" })
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
    }
    let r = login(PASSWORD, "10.0.0.3").await.unwrap();
    assert_eq!(
        r.status(),
        429,
        "locked even with the right password, from anywhere"
    );
    let unknown = client()
        .post(format!("{}/api/v1/auth/login", app.url))
        .json(&json!({"email": "nobody@nowhere.example", "password": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 401);
    assert_eq!(
        unknown.json::<Value>().await.unwrap()["error"]["code"],
        "login-failed"
    );
}

#[tokio::test]
async fn a_facilitator_creates_a_session_and_builds_its_agenda_from_the_console() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("console").await;
    let c = client();
    let page = c
        .get(format!("{}/login", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_of(&page);
    c.post(format!("{}/login", app.url))
        .form(&[
            ("_csrf", token.as_str()),
            ("email", user.email.as_str()),
            ("password", PASSWORD),
            ("next", "/console"),
        ])
        .send()
        .await
        .unwrap();
    let r = c
        .post(format!("{}/console/sessions", app.url))
        .form(&[
            ("_csrf", token.as_str()),
            ("title", "Kennissessie NEO"),
            ("template", "blank"),
            ("lang", "nl"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let console = r.headers()["location"].to_str().unwrap().to_string();
    let sessions = app.store.sessions(ws.id).await.unwrap();
    assert_eq!(sessions.len(), 1);
    let s = &sessions[0].session;
    let step = app.store.agenda(s.id).await.unwrap().steps[0]
        .id
        .to_string();
    // An invalid poll comes back with the form and a reason; nothing is added.
    let r = c
        .post(format!("{}/console/sessions/{}/activities", app.url, s.id))
        .form(&[
            ("_csrf", token.as_str()),
            ("title", "Eens?"),
            ("kind", "single_choice"),
            ("options", "Ja"),
            ("step_id", step.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("niet goed ingevuld") && body.contains("value=\"Eens?\""));
    assert!(app.store.agenda(s.id).await.unwrap().activities.is_empty());
    let r = c
        .post(format!("{}/console/sessions/{}/activities", app.url, s.id))
        .form(&[
            ("_csrf", token.as_str()),
            ("title", "Eens?"),
            ("kind", "single_choice"),
            ("options", "Ja\nNee\nWeet niet"),
            ("step_id", step.as_str()),
            ("audience", "everyone"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = c
        .post(format!("{}/console/sessions/{}/tables", app.url, s.id))
        .form(&[("_csrf", token.as_str()), ("name", "Tafel 1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = c
        .get(format!("{}{console}", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Eens?") && page.contains("Tafel 1") && page.contains(&s.join_code.spaced())
    );
    let agenda = app.store.agenda(s.id).await.unwrap();
    assert_eq!(agenda.activities.len(), 1);
    assert_eq!(agenda.activities[0].def.kind.options().len(), 3);
}

/// Logs a fresh client in through the login form; returns it with its CSRF token.
async fn console_client(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    let c = client();
    let page = c
        .get(format!("{}/login", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_of(&page);
    let r = c
        .post(format!("{}/login", app.url))
        .form(&[
            ("_csrf", token.as_str()),
            ("email", email),
            ("password", PASSWORD),
            ("next", "/console"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    (c, token)
}

#[tokio::test]
async fn a_facilitator_renames_a_session_edits_its_organisation_list_and_deletes_it() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("settings").await;
    let s = app.session(&ws, &user, "Avond").await;
    let (c, token) = console_client(&app, &user.email).await;
    let url = format!("{}/console/sessions/{}", app.url, s.id);
    let r = c
        .post(format!("{url}/settings"))
        .form(&[
            ("_csrf", token.as_str()),
            ("title", "Ketenavond Landsmeer"),
            ("org_types", "Onderwijs\nWelzijn\n"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let s2 = app.store.session(s.id).await.unwrap().unwrap();
    assert_eq!(s2.title, "Ketenavond Landsmeer");
    assert_eq!(s2.org_types.len(), 2);
    // A duplicate in the list is refused, and the title is not changed either.
    let r = c
        .post(format!("{url}/settings"))
        .form(&[
            ("_csrf", token.as_str()),
            ("title", "Anders"),
            ("org_types", "Sport\nsport"),
        ])
        .send()
        .await
        .unwrap();
    assert!(r.headers()["location"].to_str().unwrap().contains("error="));
    assert_eq!(
        app.store.session(s.id).await.unwrap().unwrap().title,
        "Ketenavond Landsmeer"
    );

    // Deleting needs the explicit confirmation.
    let r = c
        .post(format!("{url}/delete"))
        .form(&[("_csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        format!("/console/sessions/{}?error=confirm-delete", s.id)
    );
    assert!(app.store.session(s.id).await.unwrap().is_some());
    let r = c
        .post(format!("{url}/delete"))
        .form(&[("_csrf", token.as_str()), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], "/console?deleted=1");
    assert!(app.store.session(s.id).await.unwrap().is_none());
    assert_eq!(
        client()
            .get(format!("{}/screen/{}", app.url, s.screen_token))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let audit = app.store.audit_log(ws.id, 10).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "session_deleted" && a.detail == "Ketenavond Landsmeer")
    );
    assert!(audit.iter().any(|a| a.action == "login"));
}

#[tokio::test]
async fn a_tablet_joins_through_its_table_link_and_answers_for_the_table() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("tafels").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    // An open question answered per table.
    let agenda = app.store.agenda(s.id).await.unwrap();
    let added = app
        .store
        .execute(
            s.id,
            koers_core::event::Actor::System,
            koers_store::Command::AddActivity {
                step: agenda.steps[2].id,
                def: koers_core::activity::ActivityDef::new(
                    "Wat gaat er goed?",
                    koers_core::activity::ActivityKind::OpenText { max_chars: 280 },
                    koers_core::activity::Audience::Tables,
                )
                .unwrap(),
                id: None,
            },
        )
        .await
        .unwrap();
    let koers_store::Outcome::Activity(table_q) = added.outcome else {
        panic!("no activity")
    };
    let table_q = table_q.to_string();
    app.control(&bearer, &s, "open", Some(&table_q)).await;
    let tables = app.store.tables(s.id).await.unwrap();
    let tablet = client();
    let link = format!("{}/t/{}", app.url, tables[2].join_token);
    let page = tablet
        .get(&link)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Tafel 3"));
    // A link preview (GET) joins nobody; the button (POST) does.
    assert_eq!(
        app.store
            .live_data(s.id)
            .await
            .unwrap()
            .unwrap()
            .counts
            .tablets,
        0
    );
    let r = tablet
        .post(&link)
        .form(&[("_csrf", csrf_of(&page).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], format!("/p/{}", s.join_code));
    let page = tablet
        .get(format!("{}/p/{}", app.url, s.join_code))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("device-tablet") && page.contains("Tafel 3"));
    let r = tablet
        .post(format!("{}/p/{}/answer", app.url, s.join_code))
        .form(&[
            ("_csrf", csrf_of(&page).as_str()),
            ("activity_id", table_q.as_str()),
            ("text", "Meer samenwerking tussen school en sportclub"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        format!("/p/{}?sent=1", s.join_code)
    );
    let answers = app.store.answers(table_q.parse().unwrap()).await.unwrap();
    assert_eq!(answers.len(), 1);
    let own = app
        .store
        .own_answers(s.id, &koers_core::event::Respondent::Table(tables[2].id))
        .await
        .unwrap();
    assert_eq!(own.len(), 1, "the answer counts for the table");
    // A phone may not answer the table question.
    let p = app.join(s.join_code.as_str()).await;
    let (st, body) = app
        .answer(
            &p,
            &s,
            &table_q,
            &cid(),
            json!({"type": "text", "text": "ik"}),
        )
        .await;
    assert_eq!(
        (st, body["error"]["code"].as_str()),
        (422, Some("for-tables-only"))
    );
}
