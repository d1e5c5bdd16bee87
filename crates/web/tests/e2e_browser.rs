//! End to end in real headless Chromium: a facilitator steers, phones join by
//! code and answer, one reloads, the projector screen shows the right counts;
//! and a phone whose network drops mid-answer loses and duplicates nothing.

#![allow(clippy::unwrap_used)]

mod common;

use common::browser::{Driver, click, js, shot, type_into, wait_js};
use common::proxy::{Mode, Proxy};
use common::*;
use fantoccini::Client;
use serde_json::{Value, json};
use std::time::Duration;

async fn login(c: &Client, base: &str, email: &str, next: &str) {
    c.goto(&format!("{base}/login?next={next}")).await.unwrap();
    type_into(c, "#email", email).await;
    type_into(c, "#password", PASSWORD).await;
    click(c, "form[action='/login'] button[type=submit]").await;
}

async fn join_by_code(c: &Client, base: &str, code: &str) {
    c.goto(&format!("{base}/")).await.unwrap();
    type_into(c, "#code", code).await;
    click(c, "form[action='/join'] button[type=submit]").await;
    wait_js(
        c,
        "document.querySelector('#display_name')",
        "the join page",
    )
    .await;
    click(c, "form[action='/join'] button[type=submit]").await;
    wait_js(
        c,
        "document.getElementById('activity')",
        "the participant page",
    )
    .await;
}

/// Chooses option `n` (0-based) and sends, then waits for the acknowledgement.
async fn answer_choice(c: &Client, n: usize) {
    wait_js(
        c,
        "document.querySelector('form.answer-form')",
        "the question",
    )
    .await;
    click(
        c,
        &format!("form.answer-form label.choice:nth-of-type({})", n + 1),
    )
    .await;
    click(c, "form.answer-form button[type=submit]").await;
    wait_js(
        c,
        "!document.querySelector('.own-answer').hidden",
        "the acknowledgement",
    )
    .await;
}

#[tokio::test]
async fn a_facilitator_opens_a_poll_three_phones_answer_one_reloads_and_the_screen_counts_right() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("e2e").await;
    let s = app.session(&ws, &user, "Ketenavond Landsmeer").await;
    let bearer = app.bearer(&user).await;
    let poll = app.activity_ids(&s).await[0].clone();
    let driver = Driver::start().await;
    let (fac, screen) = (
        driver.browser(1280, 900).await,
        driver.browser(1920, 1080).await,
    );
    let phones = vec![
        driver.browser(390, 844).await,
        driver.browser(390, 844).await,
        driver.browser(390, 844).await,
    ];

    login(
        &fac,
        &app.url,
        &user.email,
        &format!("/console/sessions/{}", s.id),
    )
    .await;
    wait_js(
        &fac,
        "document.getElementById('console-live')",
        "the console",
    )
    .await;
    screen
        .goto(&format!("{}/screen/{}", app.url, s.screen_token))
        .await
        .unwrap();
    wait_js(
        &screen,
        &format!(
            "document.body.textContent.includes('{}')",
            s.join_code.spaced()
        ),
        "the join code on screen",
    )
    .await;
    shot(&screen, "screen-welcome").await;
    for p in &phones {
        join_by_code(p, &app.url, &s.join_code.spaced()).await;
    }
    shot(&phones[0], "phone-waiting").await;
    wait_js(
        &screen,
        "document.getElementById('screen-bar').textContent.includes('3 deelnemers')",
        "three participants on screen",
    )
    .await;

    // The facilitator opens the first poll from the agenda.
    click(&fac, &format!("#console-agenda form:has(input[name=action][value=open]):has(input[name=activity_id][value='{poll}']) button")).await;
    wait_js(
        &screen,
        "document.querySelector('.screen-question')",
        "the question on screen",
    )
    .await;
    for p in &phones {
        wait_js(
            p,
            "document.querySelector('form.answer-form')",
            "the question on the phone",
        )
        .await;
    }
    shot(&phones[0], "phone-question").await;

    answer_choice(&phones[0], 0).await;
    answer_choice(&phones[1], 1).await;
    shot(&phones[1], "phone-answered").await;
    // A reload mid-way: same participant, same answer.
    phones[1].refresh().await.unwrap();
    wait_js(
        &phones[1],
        "document.querySelector('form.answer-form')",
        "the question after reload",
    )
    .await;
    assert_eq!(
        js(
            &phones[1],
            "document.querySelector('input[name=option][value=\"1\"]').checked"
        )
        .await,
        Value::Bool(true)
    );
    assert_eq!(
        js(
            &phones[1],
            "document.querySelector('.own-answer-text').textContent"
        )
        .await,
        json!("GGD / jeugdgezondheidszorg")
    );
    answer_choice(&phones[2], 1).await;

    wait_js(&screen, "document.querySelector('.big-number') && document.querySelector('.big-number').textContent.trim() === '3'", "three answers on screen").await;
    click(
        &fac,
        "#console-live form:has(input[name=action][value=show_results]) button",
    )
    .await;
    wait_js(
        &screen,
        "document.querySelectorAll('.bar-row').length === 8",
        "the results on screen",
    )
    .await;
    let rows = js(&screen, "Array.from(document.querySelectorAll('.bar-row')).map(r => [r.querySelector('.bar-label').textContent.trim(), r.querySelector('.bar-value').textContent.trim()])").await;
    assert_eq!(rows[0], json!(["Onderwijs", "1 stem (33%)"]));
    assert_eq!(
        rows[1],
        json!(["GGD / jeugdgezondheidszorg", "2 stemmen (67%)"])
    );
    assert_eq!(rows[2], json!(["CJG / jeugdteam", "0 stemmen (0%)"]));
    assert!(
        js(&screen, "document.getElementById('screen-bar').textContent")
            .await
            .as_str()
            .unwrap()
            .contains("3 deelnemers")
    );
    shot(&screen, "screen-results").await;
    shot(&fac, "console-results").await;
    wait_js(
        &phones[0],
        "document.querySelector('.results-block')",
        "results on the phone",
    )
    .await;
    shot(&phones[0], "phone-results").await;
    assert_eq!(&app.counts(&bearer, &s, &poll).await[..3], &[1, 2, 0]);
    // Three devices in total: the reload did not make a fourth participant.
    assert_eq!(
        app.store
            .live_data(s.id)
            .await
            .unwrap()
            .unwrap()
            .counts
            .phones,
        3
    );

    for c in phones.into_iter().chain([fac, screen]) {
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn a_phone_that_loses_its_network_mid_answer_resumes_without_losing_or_doubling_anything() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("wifi").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    let proxy = Proxy::start(app.addr).await;
    let driver = Driver::start().await;
    let phone = driver.browser(390, 844).await;
    join_by_code(&phone, &proxy.url(), s.join_code.as_str()).await;
    app.control(&bearer, &s, "open", Some(&ids[0])).await;
    wait_js(
        &phone,
        "document.querySelector('form.answer-form')",
        "the question",
    )
    .await;
    click(&phone, "form.answer-form label.choice:nth-of-type(3)").await;

    // The answer goes out, but its acknowledgement never comes back.
    proxy.set(Mode::Blackhole);
    click(&phone, "form.answer-form button[type=submit]").await;
    for _ in 0..50 {
        if app.counts(&bearer, &s, &ids[0]).await[2] == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.counts(&bearer, &s, &ids[0]).await[2],
        1,
        "the server stored it"
    );
    // Then the Wi-Fi drops, and the facilitator moves on meanwhile.
    proxy.set(Mode::Down);
    wait_js(
        &phone,
        "!document.getElementById('connection').hidden",
        "the reconnecting banner",
    )
    .await;
    shot(&phone, "phone-offline").await;
    let queued = js(
        &phone,
        &format!(
            "JSON.parse(localStorage.getItem('koers-outbox-{}') || '[]').length",
            s.id
        ),
    )
    .await;
    assert_eq!(
        queued,
        json!(1),
        "the unacknowledged answer waits in the outbox"
    );
    app.control(&bearer, &s, "open", Some(&ids[1])).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    proxy.set(Mode::Up);

    // Back online: the live channel resumes and shows the new question; the
    // outbox resends with the same client id, which is applied once.
    wait_js(
        &phone,
        &format!(
            "document.querySelector('.activity[data-activity=\"{}\"]')",
            ids[1]
        ),
        "the next question after reconnecting",
    )
    .await;
    wait_js(
        &phone,
        &format!(
            "JSON.parse(localStorage.getItem('koers-outbox-{}') || '[]').length === 0",
            s.id
        ),
        "the outbox to empty",
    )
    .await;
    wait_js(
        &phone,
        "document.getElementById('connection').hidden",
        "the banner to go",
    )
    .await;
    assert_eq!(&app.counts(&bearer, &s, &ids[0]).await[..4], &[0, 0, 1, 0]);
    let events: Vec<Value> = client()
        .get(format!(
            "{}/api/v1/sessions/{}/events?limit=1000",
            app.url, s.id
        ))
        .bearer_auth(&bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let submitted: Vec<&Value> = events
        .iter()
        .filter(|e| e["event"]["type"] == "answer_submitted")
        .collect();
    assert_eq!(submitted.len(), 1, "one submission in the log, not two");
    // And the phone goes on answering normally.
    answer_choice(&phone, 3).await;
    assert_eq!(app.counts(&bearer, &s, &ids[1]).await[3], 1);
    phone.close().await.unwrap();
}
