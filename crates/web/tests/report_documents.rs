//! The report as PDF and Word after a whole evening: read back with real
//! readers (poppler's `pdftotext`, the .docx's own XML), every idea and
//! every action is there, hidden and merged ideas are marked, the cover
//! carries the day, place and facilitator, charts are embedded, and
//! hostile texts come out as plain, readable text.

#![allow(clippy::unwrap_used)]

mod common;

use common::documents::*;
use common::*;
use koers_core::board::BoardOp;
use koers_core::event::Actor;
use koers_core::ids::CategoryId;
use koers_core::items::{ItemDetail, ItemDraft};
use koers_store::Command;
use serde_json::json;

const IDEAS: [&str; 7] = [
    "Meer jongerenwerk in de wijk",
    "=HYPERLINK(\"http://evil.example\",\"klik\")",
    "<script>alert(1)</script> & <b>vet</b>",
    "Een sportveld dat 's avonds open is 👩‍👩‍👧 ⚽",
    "שיחות עם הורים בבית הספר",
    "Ouders eerder betrekken bij school",
    "Laagdrempelig spreekuur van de GGD",
];

/// A word of 190 letters (the wall allows 200): it must wrap, not run off
/// the page.
fn long_word() -> String {
    "Jeugdbeleidsnotitie".repeat(10)
}

struct Evening {
    app: TestApp,
    session: koers_store::SessionRecord,
    actions: Vec<(String, String, String)>,
}

async fn evening(lang_en: bool) -> Evening {
    let app = spawn_app().await;
    let (ws, user) = app
        .workspace(if lang_en { "report-en" } else { "verslag-doc" })
        .await;
    let lang = if lang_en {
        koers_core::lang::Lang::En
    } else {
        koers_core::lang::Lang::Nl
    };
    let s = app
        .store
        .create_session(koers_web::session_templates::new_session(
            "ketenavond",
            lang,
            ws.id,
            Some(user.id),
            "Ketenavond Landsmeer".into(),
        ))
        .await
        .unwrap();
    if !lang_en {
        // A 1×1 PNG as the municipality's logo.
        use base64::Engine;
        let png = base64::engine::general_purpose::STANDARD
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
            .unwrap();
        assert!(
            app.store
                .set_workspace_logo(ws.id, Some(&png))
                .await
                .unwrap()
        );
        let refused = app
            .store
            .set_workspace_logo(ws.id, Some(b"GIF89a not a png"))
            .await;
        assert!(refused.is_err(), "only PNG logos");
    }
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    let sid = s.id.to_string();
    let exec = |cmd: Command| {
        let store = app.store.clone();
        async move { store.execute(s.id, Actor::System, cmd).await.unwrap() }
    };
    exec(Command::SetCover(
        koers_core::cover::Cover::clean("2026-11-19", "Raadzaal Landsmeer", "Fatima el Amrani")
            .unwrap(),
    ))
    .await;
    let phones = [
        app.join(s.join_code.as_str()).await,
        app.join(s.join_code.as_str()).await,
        app.join(s.join_code.as_str()).await,
    ];
    // A quiz question, answered and revealed.
    app.control(&bearer, &s, "open", Some(&ids[3])).await;
    for (n, p) in phones.iter().enumerate() {
        app.answer(
            p,
            &s,
            &ids[3],
            &cid(),
            json!({"type": "choice", "option": n % 2}),
        )
        .await;
    }
    app.control(&bearer, &s, "reveal", Some(&ids[3])).await;
    // The idea wall.
    app.control(&bearer, &s, "open", Some(&ids[6])).await;
    let mut texts: Vec<String> = IDEAS.iter().map(|s| s.to_string()).collect();
    texts.push(long_word());
    let mut item_ids = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        let r: serde_json::Value = client()
            .post(format!(
                "{}/api/v1/sessions/{sid}/activities/{}/items",
                app.url, ids[6]
            ))
            .header("authorization", format!("Participant {}", phones[n % 3]))
            .json(&json!({"client_id": cid(), "text": text, "detail": {"type": "plain"}}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = r["item_id"]
            .as_str()
            .unwrap_or_else(|| panic!("{text}: {r}"));
        item_ids.push(id.parse().unwrap());
    }
    // Hide the formula, merge the GGD idea into the school idea.
    exec(Command::Moderate {
        item: item_ids[1],
        moderation: koers_core::items::Moderation::Hide,
    })
    .await;
    exec(Command::MergeItems {
        from: item_ids[6],
        into: item_ids[5],
    })
    .await;
    // Categorise into three categories; one idea stays unplaced.
    app.control(&bearer, &s, "open", Some(&ids[7])).await;
    let cats = [CategoryId::new(), CategoryId::new(), CategoryId::new()];
    let cat_activity = ids[7].parse().unwrap();
    let mut ops = vec![
        BoardOp::Create {
            id: cats[0],
            name: "Ontmoeten in de wijk".into(),
        },
        BoardOp::Create {
            id: cats[1],
            name: "Ouders en school".into(),
        },
        BoardOp::Create {
            id: cats[2],
            name: "Sport en bewegen".into(),
        },
    ];
    for (item, cat) in [(0, 0), (2, 0), (3, 2), (4, 1), (5, 1)] {
        ops.push(BoardOp::Move {
            item: item_ids[item],
            to: Some(cats[cat]),
        });
    }
    for op in ops {
        exec(Command::Board {
            activity: cat_activity,
            op,
        })
        .await;
    }
    // Dots on the categories: "Ouders en school" wins.
    app.control(&bearer, &s, "open", Some(&ids[8])).await;
    for (n, p) in phones.iter().enumerate() {
        let points = if n == 2 { vec![2, 1, 2] } else { vec![1, 2, 2] };
        let (status, body) = app
            .answer(
                p,
                &s,
                &ids[8],
                &cid(),
                json!({"type": "allocation", "points": points}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    // Actions on the top two.
    app.control(&bearer, &s, "open", Some(&ids[10])).await;
    let actions = vec![
        (
            "Een vaste ouderavond per school over weerbaarheid".to_string(),
            "ouders weten waar ze terechtkunnen".to_string(),
            "CJG en scholen".to_string(),
        ),
        (
            "Een wijkteam-spreekuur in de bibliotheek".to_string(),
            "jongeren zonder drempel hulp vinden".to_string(),
            "Wijkteam Noord".to_string(),
        ),
    ];
    for (n, (we_do, so_that, who)) in actions.iter().enumerate() {
        exec(Command::AddItem {
            activity: ids[10].parse().unwrap(),
            draft: ItemDraft {
                text: we_do.clone(),
                detail: ItemDetail::Action {
                    topic: n as u32,
                    so_that: so_that.clone(),
                    who: who.clone(),
                    by_when: "juni 2027".into(),
                    needs: "een zaal".into(),
                },
            },
        })
        .await;
    }
    Evening {
        app,
        session: s,
        actions,
    }
}

#[tokio::test]
async fn pdf_and_word_carry_every_idea_and_action_safely() {
    let e = evening(false).await;
    let pdf = koers_web::report::export_pdf(&e.app.store, e.session.id)
        .await
        .unwrap()
        .unwrap();
    let docx = koers_web::report::export_docx(&e.app.store, e.session.id)
        .await
        .unwrap()
        .unwrap();
    if let Ok(dir) = std::env::var("KOERS_REPORT_OUT") {
        std::fs::write(format!("{dir}/verslag.pdf"), &pdf).unwrap();
        std::fs::write(format!("{dir}/verslag.docx"), &docx).unwrap();
    }

    let info = pdf_info(&pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(field("Tagged:"), "yes", "a tagged PDF: {info}");
    assert_eq!(field("Title:"), "Ketenavond Landsmeer", "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 4, "cover and content: {pages} pages");

    let parts = docx_parts(&docx);
    let xml = String::from_utf8(
        parts
            .iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    let word = docx_text(&xml);
    let pdf_all = pdf_text(&pdf);
    let (pdf_s, word_s) = (squash(&pdf_all), squash(&word));

    let mut expected: Vec<String> = IDEAS.iter().map(|s| s.to_string()).collect();
    expected.push(long_word());
    for (we_do, so_that, who) in &e.actions {
        expected.push(format!("{we_do}, zodat {so_that}"));
        expected.push(format!("Wie: {who}"));
    }
    expected.extend(
        [
            "Raadzaal Landsmeer",
            "Fatima el Amrani",
            "2026-11-19",
            "Ontmoeten in de wijk",
            "Ouders en school",
            "Sport en bewegen",
            "Nog niet ingedeeld",
            "Verborgen door de gespreksleider",
            "(verborgen)",
            "samengevoegd: Laagdrempelig spreekuur van de GGD",
            "Juiste antwoord",
        ]
        .map(String::from),
    );
    for text in &expected {
        assert!(
            word_s.contains(&squash(text)),
            "Word lacks {text:?}:\n{word}"
        );
        // Right-to-left text comes out of a PDF in visual order; the
        // letters must all be there.
        if text.chars().any(|c| ('\u{590}'..='\u{6FF}').contains(&c)) {
            for w in text.split_whitespace() {
                let letters: String = w.chars().rev().collect();
                assert!(
                    pdf_s.contains(w) || pdf_s.contains(&letters),
                    "PDF lacks {w:?}:\n{pdf_all}"
                );
            }
        } else {
            assert!(
                pdf_s.contains(&squash(text)),
                "PDF lacks {text:?}:\n{pdf_all}"
            );
        }
    }
    // Page numbers after the cover.
    assert!(
        pdf_all.contains(&format!("Pagina 2 van {pages}")),
        "{pdf_all}"
    );
    // The hidden idea is marked right where it stands.
    assert!(word_s.contains(&squash(&format!("{}(verborgen)", IDEAS[1]))));

    // Hostile markup stays escaped text in the XML; no field codes or
    // hyperlinks were made from it.
    assert!(
        xml.replace('\u{200B}', "")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(!xml.contains("<script"));
    assert!(!xml.contains("w:hyperlink") && !xml.contains("HYPERLINK \""));
    // Real heading styles and embedded chart images (quiz, ranking, …).
    assert!(xml.contains(r#"w:pStyle w:val="Heading1""#));
    let images = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/media/") && !n.ends_with('/'))
        .count();
    assert!(
        images >= 3,
        "the logo and the charts are embedded: {images}"
    );
    for (n, bytes) in parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/media/") && !n.ends_with('/'))
    {
        assert!(bytes.starts_with(b"\x89PNG"), "{n} is a PNG");
    }
}

#[tokio::test]
async fn an_english_session_gets_an_english_report() {
    let e = evening(true).await;
    let pdf = koers_web::report::export_pdf(&e.app.store, e.session.id)
        .await
        .unwrap()
        .unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("REPORT"), "{text}");
    assert!(text.contains("Facilitator") && text.contains("Page 2 of"));
    assert!(!text.contains("Gespreksleider"));
    let docx = koers_web::report::export_docx(&e.app.store, e.session.id)
        .await
        .unwrap()
        .unwrap();
    let parts = docx_parts(&docx);
    let xml = String::from_utf8(
        parts
            .iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(docx_text(&xml).contains("Who took part"));
}
