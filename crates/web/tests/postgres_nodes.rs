//! Several app nodes on one PostgreSQL database: a screen connected to one
//! node follows answers given through another. Runs when
//! KOERS_TEST_POSTGRES_URL is set (CI sets it); SQLite has one node.

#![allow(clippy::unwrap_used)]

mod common;

use common::sse::Stream;
use common::*;
use serde_json::json;
use sqlx::Connection;
use std::time::Duration;

#[tokio::test]
async fn a_screen_on_one_node_follows_answers_given_through_another() {
    let Ok(base) = std::env::var("KOERS_TEST_POSTGRES_URL") else {
        eprintln!("KOERS_TEST_POSTGRES_URL not set: the PostgreSQL node test does not run");
        return;
    };
    sqlx::any::install_default_drivers();
    let db = format!("koers_nodes_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::AnyConnection::connect(&base).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let url = format!("{}/{db}", base.rsplit_once('/').unwrap().0);

    let node_a = spawn_app_on(&url, tempfile::tempdir().unwrap(), |_| {}).await;
    let node_b = spawn_app_on(&url, tempfile::tempdir().unwrap(), |_| {}).await;
    let (ws, user) = node_a.workspace("regio").await;
    let s = node_a.session(&ws, &user, "NEO-gemeenten").await;
    let poll = node_a.activity_ids(&s).await[0].clone();
    let bearer = node_a.bearer(&user).await;

    let mut screen = Stream::open(
        &client(),
        &format!("{}/live/screen/{}", node_b.url, s.screen_token),
        &[],
    )
    .await;
    screen.next(Duration::from_secs(5)).await.unwrap();
    node_a.control(&bearer, &s, "open", Some(&poll)).await;
    screen
        .until(Duration::from_secs(5), |f| {
            f.body["regions"]["screen-main"]
                .as_str()
                .unwrap()
                .contains("Vanuit welk soort")
        })
        .await;
    for i in 0..4 {
        let p = node_a.join(s.join_code.as_str()).await;
        let (st, _) = node_a
            .answer(
                &p,
                &s,
                &poll,
                &cid(),
                json!({"type": "choice", "option": i % 2}),
            )
            .await;
        assert_eq!(st, 200);
    }
    screen
        .until(Duration::from_secs(5), |f| {
            f.body["regions"]["screen-main"]
                .as_str()
                .unwrap()
                .contains("<span class=\"big-number\">4</span>")
        })
        .await;
    // The same answers, counted once, whichever node reads them.
    let b_bearer = node_b.bearer(&user).await;
    assert_eq!(&node_b.counts(&b_bearer, &s, &poll).await[..2], &[2, 2]);

    node_a.store.close().await;
    node_b.store.close().await;
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {db} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await;
}
