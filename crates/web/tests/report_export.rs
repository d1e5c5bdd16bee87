//! The report as Markdown and CSV: every idea appears (hidden ones marked),
//! the quiz's right answer and source are there, and hostile texts come out
//! as text: no Markdown links or HTML, no spreadsheet formulas.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn the_report_holds_every_idea_and_keeps_hostile_text_harmless() {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("verslag").await;
    let s = app.session(&ws, &user, "Ketenavond Landsmeer").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    let sid = s.id.to_string();
    // A quiz answer.
    app.control(&bearer, &s, "open", Some(&ids[3])).await;
    let p = app.join(s.join_code.as_str()).await;
    app.answer(
        &p,
        &s,
        &ids[3],
        &cid(),
        json!({"type": "choice", "option": 1}),
    )
    .await;
    // Ideas, some hostile.
    app.control(&bearer, &s, "open", Some(&ids[6])).await;
    let ideas = [
        "Meer jongerenwerk in de wijk",
        "=HYPERLINK(\"http://evil.example\",\"klik\")",
        "[klik hier](javascript:alert(1)) <script>alert(1)</script>",
        "مساحة للشباب في الحي 👋",
        "Supercalifragilisticexpialidocioushoofdstedelijkejeugdbeleidsnotitie",
    ];
    let mut item_ids = Vec::new();
    for text in ideas {
        let r: serde_json::Value = client()
            .post(format!(
                "{}/api/v1/sessions/{sid}/activities/{}/items",
                app.url, ids[6]
            ))
            .header("authorization", format!("Participant {p}"))
            .json(&json!({"client_id": cid(), "text": text, "detail": {"type": "plain"}}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        item_ids.push(r["item_id"].as_str().unwrap().to_string());
    }
    app.store
        .execute(
            s.id,
            koers_core::event::Actor::System,
            koers_store::Command::Moderate {
                item: item_ids[0].parse().unwrap(),
                moderation: koers_core::items::Moderation::Hide,
            },
        )
        .await
        .unwrap();

    let md = koers_web::report::export_markdown(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    assert!(md.starts_with("# Ketenavond Landsmeer"));
    assert!(
        md.contains("Ruim acht op de tien ✓"),
        "the right quiz answer is marked"
    );
    assert!(
        md.contains("Gezondheidsmonitor Jeugd"),
        "the source is there"
    );
    assert!(
        md.contains("Meer jongerenwerk in de wijk *(verborgen)*"),
        "hidden ideas are listed and marked"
    );
    assert!(md.contains("مساحة للشباب في الحي 👋"));
    assert!(md.contains("Supercalifragilisticexpialidocioushoofdstedelijkejeugdbeleidsnotitie"));
    assert!(
        !md.contains("<script") && !md.contains("](javascript"),
        "no markup from participants"
    );

    let files = koers_web::report::export_csv(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(files.len(), ids.len(), "one file per activity");
    let (name, wall) = &files[6];
    assert_eq!(name, "07-idea_wall.csv");
    let mut reader = csv::Reader::from_reader(wall.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), ideas.len(), "every idea, hidden ones too");
    let texts: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert!(
        texts.contains(&"'=HYPERLINK(\"http://evil.example\",\"klik\")"),
        "a formula stays text"
    );
    assert!(
        rows.iter()
            .any(|r| &r[1] == "Meer jongerenwerk in de wijk" && &r[7] == "hidden")
    );
    let quiz = &files[3].1;
    assert!(quiz.contains("Ruim acht op de tien,1,100,true"), "{quiz}");
}
