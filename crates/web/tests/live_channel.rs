//! The live channel: the screen follows the facilitator, clients resume
//! after a lost connection with exactly what they missed, and a network
//! that drops acknowledgements loses and duplicates nothing.

#![allow(clippy::unwrap_used)]

mod common;

use common::proxy::{Mode, Proxy};
use common::sse::Stream;
use common::*;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(5);

fn main_html(f: &sse::Frame) -> String {
    f.body["regions"]["screen-main"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_screen_follows_the_facilitator_and_shows_answers_within_a_fraction_of_a_second() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("screen").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let poll = app.activity_ids(&s).await[0].clone();
    let mut screen = Stream::open(
        &client(),
        &format!("{}/live/screen/{}", app.url, s.screen_token),
        &[],
    )
    .await;
    let first = screen.next(WAIT).await.unwrap();
    assert!(
        main_html(&first).contains(&s.join_code.spaced()),
        "the welcome shows the code"
    );

    let started = Instant::now();
    app.control(&bearer, &s, "open", Some(&poll)).await;
    let f = screen
        .until(WAIT, |f| {
            main_html(f).contains("Vanuit welk soort organisatie")
        })
        .await;
    assert!(f.seq > first.seq);
    let tokens = futures::future::join_all((0..3).map(|_| app.join(s.join_code.as_str()))).await;
    for (i, p) in tokens.iter().enumerate() {
        let (st, _) = app
            .answer(
                p,
                &s,
                &poll,
                &cid(),
                json!({"type": "choice", "option": i % 2}),
            )
            .await;
        assert_eq!(st, 200);
    }
    let answered = Instant::now();
    screen
        .until(WAIT, |f| {
            main_html(f).contains("<span class=\"big-number\">3</span>")
        })
        .await;
    let lag = answered.elapsed();
    assert!(lag < Duration::from_millis(900), "screen took {lag:?}");
    app.control(&bearer, &s, "show_results", Some(&poll)).await;
    let f = screen
        .until(WAIT, |f| main_html(f).contains("class=\"bars\""))
        .await;
    let html = main_html(&f);
    assert!(
        html.contains("2 stemmen") && html.contains("1 stem"),
        "{html}"
    );
    let bar = f.body["regions"]["screen-bar"].as_str().unwrap();
    assert!(bar.contains("3 deelnemers"), "{bar}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_reconnecting_client_receives_what_it_missed_and_nothing_it_already_has() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("resume").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    let p = app.join(s.join_code.as_str()).await;
    let url = format!("{}/api/v1/sessions/{}/live", app.url, s.id);
    let auth = ("authorization", format!("Participant {p}"));

    let mut live = Stream::open(&client(), &url, std::slice::from_ref(&auth)).await;
    let seen = live.next(WAIT).await.unwrap();
    assert_eq!(seen.body["state"]["activity"], Value::Null);
    drop(live);

    // While away: the facilitator opens the first poll.
    app.control(&bearer, &s, "open", Some(&ids[0])).await;
    let mut live = Stream::open(
        &client(),
        &url,
        &[auth.clone(), ("last-event-id", seen.seq.to_string())],
    )
    .await;
    let missed = live.next(WAIT).await.expect("the missed change at once");
    assert!(missed.seq > seen.seq);
    assert_eq!(missed.body["state"]["activity"], json!(ids[0]));
    assert_eq!(missed.body["state"]["open"], json!(true));
    drop(live);

    // Up to date: nothing is sent again until something changes.
    let mut live = Stream::open(
        &client(),
        &url,
        &[auth.clone(), ("last-event-id", missed.seq.to_string())],
    )
    .await;
    assert!(
        live.next(Duration::from_millis(700)).await.is_none(),
        "no duplicate frame"
    );
    app.control(&bearer, &s, "close", Some(&ids[0])).await;
    let next = live.next(WAIT).await.unwrap();
    assert_eq!(next.body["state"]["open"], json!(false));
    // `?after=` works like the header, for clients that cannot set headers.
    let mut live = Stream::open(&client(), &format!("{url}?after={}", next.seq), &[auth]).await;
    assert!(live.next(Duration::from_millis(500)).await.is_none());
}

#[tokio::test]
async fn phones_get_no_frame_for_other_peoples_answers_only_for_what_they_see() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("fanout").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let poll = app.activity_ids(&s).await[0].clone();
    let watcher = app.join(s.join_code.as_str()).await;
    app.control(&bearer, &s, "open", Some(&poll)).await;
    let url = format!("{}/api/v1/sessions/{}/live", app.url, s.id);
    let mut live = Stream::open(
        &client(),
        &url,
        &[("authorization", format!("Participant {watcher}"))],
    )
    .await;
    let opened = live.next(WAIT).await.unwrap();
    assert_eq!(opened.body["state"]["open"], json!(true));
    for i in 0..20 {
        let p = app.join(s.join_code.as_str()).await;
        app.answer(
            &p,
            &s,
            &poll,
            &cid(),
            json!({"type": "choice", "option": i % 4}),
        )
        .await;
    }
    assert!(
        live.next(Duration::from_millis(600)).await.is_none(),
        "no frame per answer"
    );
    app.control(&bearer, &s, "show_results", Some(&poll)).await;
    let f = live.next(WAIT).await.unwrap();
    assert!(
        f.body["regions"]["activity"]
            .as_str()
            .unwrap()
            .contains("20 deelnemers hebben geantwoord")
    );
}

#[tokio::test]
async fn a_network_that_swallows_the_acknowledgement_loses_and_duplicates_nothing() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("wifi").await;
    let s = app.session(&ws, &user, "Avond").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    app.control(&bearer, &s, "open", Some(&ids[0])).await;
    let proxy = Proxy::start(app.addr).await;
    let p = app.join(s.join_code.as_str()).await;
    let auth = ("authorization", format!("Participant {p}"));
    let live_url = format!("{}/api/v1/sessions/{}/live", proxy.url(), s.id);
    let mut live = Stream::open(&client(), &live_url, std::slice::from_ref(&auth)).await;
    let before = live.next(WAIT).await.unwrap();

    // The answer reaches the server, its acknowledgement does not come back.
    proxy.set(Mode::Blackhole);
    let id = cid();
    let body = json!({"client_id": id, "answer": {"type": "choice", "option": 3}});
    let answer_url = format!(
        "{}/api/v1/sessions/{}/activities/{}/answer",
        proxy.url(),
        s.id,
        ids[0]
    );
    let lost = client()
        .put(&answer_url)
        .header(auth.0, &auth.1)
        .json(&body)
        .timeout(Duration::from_millis(800))
        .send()
        .await;
    assert!(lost.is_err(), "the acknowledgement was swallowed");
    assert_eq!(
        app.counts(&bearer, &s, &ids[0]).await[3],
        1,
        "yet the answer is stored"
    );

    // The network drops; meanwhile the facilitator moves on.
    proxy.set(Mode::Down);
    assert!(live.next(Duration::from_millis(500)).await.is_none());
    app.control(&bearer, &s, "show", Some(&ids[1])).await;
    proxy.set(Mode::Up);

    // The client retries with the same id: acknowledged, counted once.
    let r = client()
        .put(&answer_url)
        .header(auth.0, &auth.1)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "duplicate");
    assert_eq!(
        app.counts(&bearer, &s, &ids[0]).await,
        vec![0, 0, 0, 1, 0, 0, 0, 0]
    );
    let events: Vec<Value> = client()
        .get(format!(
            "{}/api/v1/sessions/{}/events?after=0&limit=1000",
            app.url, s.id
        ))
        .bearer_auth(&bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let submitted = events
        .iter()
        .filter(|e| e["event"]["type"] == "answer_submitted")
        .count();
    assert_eq!(submitted, 1);

    // The live channel resumes where it was and shows what happened meanwhile.
    let mut live = Stream::open(
        &client(),
        &live_url,
        &[auth, ("last-event-id", before.seq.to_string())],
    )
    .await;
    let f = live.next(WAIT).await.unwrap();
    assert_eq!(f.body["state"]["activity"], json!(ids[1]));
}
