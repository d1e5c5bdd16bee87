//! The evening's lists over HTTP: items through the participant API (with
//! retries applied once), the facilitator's list operations through console
//! forms (CSRF, authorisation across workspaces), the key-figure import
//! (all or nothing), and every new kind rendering on phone, screen and console.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::{Value, json};

async fn page(c: &reqwest::Client, url: &str) -> String {
    c.get(url).send().await.unwrap().text().await.unwrap()
}

async fn add_item(
    app: &TestApp,
    token: &str,
    s: &str,
    activity: &str,
    client_id: &str,
    body: Value,
) -> (u16, Value) {
    let mut body = body;
    body["client_id"] = json!(client_id);
    let r = client()
        .post(format!(
            "{}/api/v1/sessions/{s}/activities/{activity}/items",
            app.url
        ))
        .header("authorization", format!("Participant {token}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn ideas_are_acknowledged_once_and_only_their_author_may_change_them() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("ideas").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let wall = app.activity_ids(&s).await[6].clone();
    let sid = s.id.to_string();
    let (a, b) = (
        app.join(s.join_code.as_str()).await,
        app.join(s.join_code.as_str()).await,
    );
    let idea = json!({"text": "Meer jongerenwerk in de wijk", "detail": {"type": "plain"}});

    let (st, body) = add_item(&app, &a, &sid, &wall, &cid(), idea.clone()).await;
    assert_eq!(st, 409, "not open yet: {body}");
    assert_eq!(body["error"]["code"], "activity-not-open");

    app.control(&bearer, &s, "open", Some(&wall)).await;
    let client_id = cid();
    let (st, first) = add_item(&app, &a, &sid, &wall, &client_id, idea.clone()).await;
    assert_eq!(st, 200, "{first}");
    assert_eq!(first["status"], "accepted");
    let (st, retry) = add_item(&app, &a, &sid, &wall, &client_id, idea.clone()).await;
    assert_eq!(st, 200);
    assert_eq!(retry["status"], "duplicate");
    assert_eq!(
        retry["item_id"], first["item_id"],
        "a retry names the same item"
    );
    let items = app.store.items(wall.parse().unwrap()).await.unwrap();
    assert_eq!(items.len(), 1, "a retry adds nothing");

    // Another phone may not change it; its author may.
    let item = first["item_id"].as_str().unwrap();
    let put = |token: String, text: &str| {
        let url = format!("{}/api/v1/sessions/{sid}/items/{item}", app.url);
        let body = json!({"client_id": cid(), "text": text, "detail": {"type": "plain"}});
        async move {
            client()
                .put(url)
                .header("authorization", format!("Participant {token}"))
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let r = put(b.clone(), "Gekaapt").await;
    assert_eq!(r.status(), 409);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "not-yours"
    );
    let r = put(a.clone(), "Meer jongerenwerkers in de wijk").await;
    assert_eq!(r.status(), 200);
    let items = app.store.items(wall.parse().unwrap()).await.unwrap();
    assert_eq!(items[0].draft.text, "Meer jongerenwerkers in de wijk");

    // The author's own list, for the page script.
    let mine: Value = client()
        .get(format!(
            "{}/api/v1/sessions/{sid}/activities/{wall}/mine",
            app.url
        ))
        .header("authorization", format!("Participant {a}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"], json!([item]));
    let theirs: Value = client()
        .get(format!(
            "{}/api/v1/sessions/{sid}/activities/{wall}/mine",
            app.url
        ))
        .header("authorization", format!("Participant {b}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["items"], json!([]));

    // Bad input: a clear refusal, nothing stored.
    let (st, body) = add_item(
        &app,
        &b,
        &sid,
        &wall,
        &cid(),
        json!({"text": "  ", "detail": {"type": "plain"}}),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(body["error"]["code"], "empty");
    let (st, _) = add_item(
        &app,
        &b,
        &sid,
        &wall,
        &cid(),
        json!({"text": "x".repeat(201), "detail": {"type": "plain"}}),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(
        app.store.items(wall.parse().unwrap()).await.unwrap().len(),
        1
    );
}

#[tokio::test]
async fn the_facilitator_moderates_and_categorises_through_console_forms_and_nobody_else_can() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("board").await;
    let (_, other_user) = app.workspace("elders").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    let (wall, board) = (ids[6].clone(), ids[7].clone());
    let sid = s.id.to_string();
    app.control(&bearer, &s, "open", Some(&wall)).await;
    let p = app.join(s.join_code.as_str()).await;
    let mut items = Vec::new();
    for text in [
        "Sportclubs gratis voor kinderen",
        "Meer sporten na school",
        "Voorlichting over alcohol",
    ] {
        let (_, body) = add_item(
            &app,
            &p,
            &sid,
            &wall,
            &cid(),
            json!({"text": text, "detail": {"type": "plain"}}),
        )
        .await;
        items.push(body["item_id"].as_str().unwrap().to_string());
    }
    app.control(&bearer, &s, "show", Some(&board)).await;

    let c = app.console_client(&user.email).await;
    let console_url = format!("{}/console/sessions/{sid}", app.url);
    let lists = format!("{console_url}/lists");
    let html = page(&c, &console_url).await;
    assert!(html.contains("Voorstel van Koers"), "a proposal is offered");
    let csrf = csrf_of(&html);
    let post = |form: Vec<(&'static str, String)>| {
        let c = c.clone();
        let url = lists.clone();
        let csrf = csrf.clone();
        async move {
            let mut form = form;
            form.push(("_csrf", csrf));
            c.post(url).form(&form).send().await.unwrap()
        }
    };
    let r = post(vec![
        ("op", "board_create".into()),
        ("activity_id", board.clone()),
        ("name", "Sport".into()),
    ])
    .await;
    assert_eq!(r.status(), 303);
    let doc = app
        .store
        .activity_doc(board.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(doc.board.categories.len(), 1);
    let sport = doc.board.categories[0].id.to_string();
    post(vec![
        ("op", "board_move".into()),
        ("activity_id", board.clone()),
        ("item_id", items[0].clone()),
        ("category_id", sport.clone()),
    ])
    .await;
    let before = app
        .store
        .activity_doc(board.parse().unwrap())
        .await
        .unwrap()
        .board;
    post(vec![
        ("op", "board_move".into()),
        ("activity_id", board.clone()),
        ("item_id", items[1].clone()),
        ("category_id", sport.clone()),
    ])
    .await;
    assert_eq!(
        app.store
            .activity_doc(board.parse().unwrap())
            .await
            .unwrap()
            .board
            .placement
            .len(),
        2
    );
    post(vec![("op", "undo".into()), ("activity_id", board.clone())]).await;
    assert_eq!(
        app.store
            .activity_doc(board.parse().unwrap())
            .await
            .unwrap()
            .board,
        before,
        "undo restores the board"
    );

    // The screen shows the category with its idea.
    let screen = page(&client(), &format!("{}/screen/{}", app.url, s.screen_token)).await;
    assert!(screen.contains("Sport") && screen.contains("Sportclubs gratis voor kinderen"));

    // Hiding keeps the idea in the data and takes it off the board's view.
    post(vec![
        ("op", "hide".into()),
        ("activity_id", wall.clone()),
        ("item_id", items[2].clone()),
    ])
    .await;
    let all = app.store.items(wall.parse().unwrap()).await.unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].status.name(), "hidden");
    let screen = page(&client(), &format!("{}/screen/{}", app.url, s.screen_token)).await;
    assert!(!screen.contains("Voorlichting over alcohol"));

    // Without a token, or from another workspace: refused, nothing changes.
    let r = c
        .post(&lists)
        .form(&[
            ("op", "board_create"),
            ("activity_id", board.as_str()),
            ("name", "Zonder"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let stranger = app.console_client(&other_user.email).await;
    let their = page(&stranger, &format!("{}/console", app.url)).await;
    let r = stranger
        .post(&lists)
        .form(&[
            ("_csrf", csrf_of(&their).as_str()),
            ("op", "board_create"),
            ("activity_id", board.as_str()),
            ("name", "Inbraak"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        app.store
            .activity_doc(board.parse().unwrap())
            .await
            .unwrap()
            .board
            .categories
            .len(),
        1
    );
}

#[tokio::test]
async fn key_figures_import_as_estimate_questions_all_or_nothing() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("figures").await;
    let s = app.session(&ws, &user, "Avond").await;
    let c = app.console_client(&user.email).await;
    let url = format!("{}/console/sessions/{}", app.url, s.id);
    let html = page(&c, &url).await;
    let step = app.store.agenda(s.id).await.unwrap().steps[1]
        .id
        .to_string();
    let before = app.activity_ids(&s).await.len();
    let bad = "kerncijfer;waarde;eenheid;jaar;bron\nSporten wekelijks;62,5;%;2024;CBS\nRoken;veel;%;2024;CBS\n";
    let r = c
        .post(format!("{url}/figures"))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("csv", bad),
            ("step_id", step.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        r.text().await.unwrap().contains("Regel 3"),
        "the message names the line"
    );
    assert_eq!(app.activity_ids(&s).await.len(), before, "nothing imported");
    let good = "kerncijfer;waarde;eenheid;jaar;bron\nSporten wekelijks;62,5;%;2024;CBS Jeugdmonitor 2024\nRoken;4;%;;GGD\n";
    let r = c
        .post(format!("{url}/figures"))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("csv", good),
            ("step_id", step.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let agenda = app.store.agenda(s.id).await.unwrap();
    let added: Vec<_> = agenda
        .activities
        .iter()
        .filter(|a| {
            a.def.title.starts_with("Schat: Sporten") || a.def.title.starts_with("Schat: Roken")
        })
        .collect();
    assert_eq!(added.len(), 2);
    assert_eq!(added[0].def.title, "Schat: Sporten wekelijks (2024)");
    match &added[0].def.kind {
        koers_core::activity::ActivityKind::Estimate {
            value,
            unit,
            source,
            ..
        } => {
            assert_eq!(
                (*value, unit.as_str(), source.as_str()),
                (62.5, "%", "CBS Jeugdmonitor 2024")
            );
        }
        other => panic!("not an estimate: {other:?}"),
    }
}

#[tokio::test]
async fn every_new_kind_renders_on_the_phone_the_screen_and_the_console() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("render").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    let c = app.console_client(&user.email).await;
    let phone = client();
    let join = page(&phone, &format!("{}/j/{}", app.url, s.join_code)).await;
    phone
        .post(format!("{}/join", app.url))
        .form(&[
            ("_csrf", csrf_of(&join).as_str()),
            ("code", s.join_code.as_str()),
        ])
        .send()
        .await
        .unwrap();
    // Categories first, so the votes have something to vote on.
    let console_url = format!("{}/console/sessions/{}", app.url, s.id);
    let html = page(&c, &console_url).await;
    c.post(format!("{console_url}/lists"))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("op", "board_create"),
            ("activity_id", ids[7].as_str()),
            ("name", "Sport"),
        ])
        .send()
        .await
        .unwrap();
    c.post(format!("{console_url}/lists"))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("op", "board_create"),
            ("activity_id", ids[7].as_str()),
            ("name", "Ouders"),
        ])
        .send()
        .await
        .unwrap();
    for (i, kind, phone_sees, screen_sees) in [
        (3, "quiz", "name=\"option\"", "Welk deel van de jongeren"),
        (4, "estimate", "name=\"value\"", "Schat"),
        (5, "goal", "name=\"level_0\"", "gezamenlijke doel"),
        (
            6,
            "idea_wall",
            "name=\"text\"",
            "Waar moeten we op inzetten",
        ),
        (8, "prioritise", "name=\"points\"", "Verdeel uw stippen"),
        (9, "prioritise", "name=\"rank_1\"", "drie belangrijkste"),
        (11, "questions", "name=\"text\"", "Vragen uit de zaal"),
    ] {
        app.control(&bearer, &s, "open", Some(&ids[i])).await;
        let p = page(&phone, &format!("{}/p/{}", app.url, s.join_code)).await;
        assert!(p.contains(phone_sees), "phone form for activity {i}");
        let sc = page(&client(), &format!("{}/screen/{}", app.url, s.screen_token)).await;
        assert!(sc.contains(screen_sees), "screen for activity {i}");
        let con = page(&c, &console_url).await;
        // The console's tools for the activity render (a template error
        // would leave the region empty, not fail the page).
        assert!(
            con.contains(&format!("class=\"manage manage-{kind}\"")),
            "console tools for activity {i}"
        );
        app.control(&bearer, &s, "close", Some(&ids[i])).await;
    }
    // The vote's ballot lists the categories as they were when it opened.
    let doc = app
        .store
        .activity_doc(ids[8].parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        doc.list.unwrap().labels,
        vec!["Sport".to_string(), "Ouders".to_string()]
    );
}

#[tokio::test]
async fn a_pitch_round_shows_the_speaker_and_a_running_countdown_and_collects_feedback_per_pitch() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("pitches").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let step = app.store.agenda(s.id).await.unwrap().steps[4].id;
    let added = app
        .store
        .execute(
            s.id,
            koers_core::event::Actor::System,
            koers_store::Command::AddActivity {
                step,
                def: koers_core::activity::ActivityDef::new(
                    "Pitches: wat werkt al?",
                    koers_core::activity::ActivityKind::Pitches {
                        speakers: vec!["Sportservice".into(), "CJG".into()],
                        seconds: 120,
                    },
                    koers_core::activity::Audience::Individuals,
                )
                .unwrap(),
                id: None,
            },
        )
        .await
        .unwrap();
    let koers_store::Outcome::Activity(pitches) = added.outcome else {
        panic!("no activity")
    };
    let pid = pitches.to_string();
    app.control(&bearer, &s, "open", Some(&pid)).await;
    let c = app.console_client(&user.email).await;
    let console_url = format!("{}/console/sessions/{}", app.url, s.id);
    let html = page(&c, &console_url).await;
    assert!(html.contains("Start: CJG"), "a start button per speaker");
    let r = c
        .post(format!("{console_url}/lists"))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("op", "pitch_start"),
            ("activity_id", pid.as_str()),
            ("speaker", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let screen = page(&client(), &format!("{}/screen/{}", app.url, s.screen_token)).await;
    assert!(
        screen.contains("class=\"pitch-speaker\">CJG<"),
        "the speaker on stage"
    );
    let ends: i64 = screen
        .split("data-ends-at=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    assert!(
        (ends - now - 120_000).abs() < 10_000,
        "two minutes from now"
    );

    // Feedback for the speaker on stage, as a success story.
    let p = app.join(s.join_code.as_str()).await;
    let (st, body) = add_item(
        &app,
        &p,
        &s.id.to_string(),
        &pid,
        &cid(),
        json!({"text": "Het inloopspreekuur werkt", "detail": {"type": "feedback", "speaker": 1, "tone": "success"}}),
    )
    .await;
    assert_eq!(st, 200, "{body}");
    let (st, _) = add_item(
        &app,
        &p,
        &s.id.to_string(),
        &pid,
        &cid(),
        json!({"text": "x", "detail": {"type": "feedback", "speaker": 5, "tone": "success"}}),
    )
    .await;
    assert_eq!(st, 422, "no such speaker");
    let screen = page(&client(), &format!("{}/screen/{}", app.url, s.screen_token)).await;
    assert!(
        screen.contains("Succesverhalen — CJG") && screen.contains("Het inloopspreekuur werkt")
    );
}
