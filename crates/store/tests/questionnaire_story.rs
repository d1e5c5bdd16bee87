//! Questionnaire responses in storage: saved part by part and continued on
//! the same link, submitted once per link even when submits race, hidden
//! answers dropped, consent details kept apart, a submitted response tied to
//! no link, a closed questionnaire taking nothing, and erasure and retention
//! removing what they must and nothing else. Run on SQLite always and on
//! PostgreSQL when KOERS_TEST_POSTGRES_URL is set.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::ids::{QuestionId, QuestionnaireId, WorkspaceId};
use koers_core::questionnaire::*;
use koers_store::{Link, QuestionnaireRecord, ResponseRefusal, Store};
use sqlx::{Connection, Row};
use std::collections::BTreeMap;
use uuid::Uuid;

const SPORT: QuestionId = QuestionId(Uuid::from_u128(1));
const CLUB: QuestionId = QuestionId(Uuid::from_u128(2));
const CONTACT: QuestionId = QuestionId(Uuid::from_u128(3));

fn questionnaire(id: QuestionnaireId) -> Questionnaire {
    QuestionnaireInput {
        title: TextsInput::nl("Sport in de buurt"),
        intro: TextsInput::default(),
        closing: TextsInput::default(),
        sections: vec![SectionInput {
            title: TextsInput::default(),
            intro: TextsInput::default(),
            pages: vec![
                PageInput::new(vec![
                    QuestionInput::new(
                        SPORT,
                        "Sport je?",
                        KindInput::SingleChoice {
                            options: KindInput::options(&["ja", "nee"]),
                        },
                    )
                    .required(),
                ]),
                PageInput::new(vec![
                    QuestionInput::new(
                        CLUB,
                        "Bij welke club?",
                        KindInput::SingleChoice {
                            options: KindInput::options(&["voetbal", "hockey"]),
                        },
                    )
                    .required()
                    .when(Condition::any_of(SPORT, &["ja"])),
                    QuestionInput::new(
                        CONTACT,
                        "Mogen we contact opnemen?",
                        KindInput::Contact {
                            name: true,
                            email: true,
                            phone: false,
                        },
                    ),
                ]),
            ],
        }],
    }
    .validate(id)
    .unwrap()
}

fn choice(k: &str) -> Option<AnswerValue> {
    Some(AnswerValue::Choice(OptionKey::from(k)))
}

fn changes(list: &[(QuestionId, Option<AnswerValue>)]) -> AnswerChanges {
    list.iter().cloned().collect::<BTreeMap<_, _>>()
}

async fn publish(store: &Store, ws: WorkspaceId, slug: &str) -> QuestionnaireRecord {
    let rec = QuestionnaireRecord {
        workspace_id: ws,
        questionnaire: questionnaire(QuestionnaireId::new()),
        slug: slug.into(),
        public_token: Some(format!("public-{slug}-{}", Uuid::new_v4())),
        opens_at: None,
        closes_at: None,
        retain_until: None,
    };
    store.save_questionnaire(&rec).await.unwrap();
    rec
}

/// Every text column of every questionnaire table, to look for a token.
async fn tables_holding(url: &str, needle: &str) -> Vec<&'static str> {
    let mut c = sqlx::AnyConnection::connect(url).await.unwrap();
    let mut found = Vec::new();
    for (table, cols) in [
        ("questionnaire_responses", "id || status || answers"),
        (
            "questionnaire_drafts",
            "token_hash || response_id || questionnaire_id",
        ),
        ("questionnaire_contacts", "COALESCE(email, '')"),
    ] {
        let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE ({cols}) LIKE $1");
        let n: i64 = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(format!("%{needle}%"))
            .fetch_one(&mut c)
            .await
            .unwrap()
            .try_get("n")
            .unwrap();
        if n > 0 {
            found.push(table);
        }
    }
    found
}

#[tokio::test]
async fn a_response_is_saved_continued_and_submitted_once_and_then_tied_to_no_link() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, _) = workspace_and_user(store, "voorbeeld").await;
        let rec = publish(store, ws.id, "sport").await;
        let qid = rec.questionnaire.id;
        let link = Link::Public("browser-token-hash-1");

        // Page 1, then the connection drops; the same link continues.
        let saved = store
            .save_response(ws.id, qid, link, changes(&[(SPORT, choice("ja"))]))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(saved.len(), 1, "{}", ts.name);
        let draft = store
            .draft_answers(ws.id, "browser-token-hash-1")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(draft.get(SPORT), choice("ja").as_ref());
        // A wrong answer changes nothing.
        let refused = store
            .save_response(ws.id, qid, link, changes(&[(CLUB, choice("tennis"))]))
            .await
            .unwrap();
        assert!(matches!(refused, Err(ResponseRefusal::Answers(_))));
        // Submitting without the required club is refused, the draft kept.
        let refused = store
            .submit_response(ws.id, qid, link, AnswerChanges::new())
            .await
            .unwrap();
        assert!(matches!(refused, Err(ResponseRefusal::Answers(ref e)) if e[0].question == CLUB));
        // With it, and consent with details: submitted.
        let consent = AnswerValue::Contact(ContactAnswer {
            consent: true,
            name: Some("Sam Jansen".into()),
            email: Some("sam@voorbeeld.example".into()),
            phone: None,
        });
        let id = store
            .submit_response(
                ws.id,
                qid,
                link,
                changes(&[(CLUB, choice("hockey")), (CONTACT, Some(consent))]),
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            id.0.get_version_num(),
            4,
            "a random id, not a time-ordered one"
        );
        // A retry (the answer to the first submit got lost) counts nothing.
        let again = store
            .submit_response(ws.id, qid, link, changes(&[(CLUB, choice("voetbal"))]))
            .await
            .unwrap();
        assert_eq!(again, Err(ResponseRefusal::AlreadySubmitted), "{}", ts.name);
        let again = store
            .save_response(ws.id, qid, link, changes(&[(SPORT, choice("nee"))]))
            .await
            .unwrap();
        assert_eq!(again, Err(ResponseRefusal::AlreadySubmitted));

        let responses = store.questionnaire_responses(ws.id, qid).await.unwrap();
        assert_eq!(responses.len(), 1);
        let r = &responses[0];
        assert_eq!(r.status, ResponseStatus::Submitted);
        assert_eq!(r.answers.get(CLUB), choice("hockey").as_ref());
        assert_eq!(r.hour % 3_600_000, 0, "kept by the hour only");
        // The consent stays a yes; the details moved out of the answers.
        assert_eq!(
            r.answers.get(CONTACT),
            Some(&AnswerValue::Contact(ContactAnswer {
                consent: true,
                ..ContactAnswer::default()
            }))
        );
        let contacts = store.questionnaire_contacts(ws.id, qid).await.unwrap();
        assert_eq!(contacts.len(), 1);
        assert_eq!(contacts[0].email.as_deref(), Some("sam@voorbeeld.example"));
        // Nothing that holds answers or contacts names the link any more.
        assert!(
            tables_holding(&ts.url, "browser-token-hash-1")
                .await
                .is_empty(),
            "{}",
            ts.name
        );
        assert!(
            store
                .draft_answers(ws.id, "browser-token-hash-1")
                .await
                .unwrap()
                .is_none()
        );
    }
}

#[tokio::test]
async fn a_personal_link_gives_one_response_even_when_submits_race() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, _) = workspace_and_user(store, "voorbeeld").await;
        let rec = publish(store, ws.id, "sport").await;
        let qid = rec.questionnaire.id;
        store
            .create_questionnaire_invitations(
                ws.id,
                qid,
                &[
                    ("invite-a".into(), None, "a@voorbeeld.example".into()),
                    ("invite-b".into(), None, "b@voorbeeld.example".into()),
                ],
            )
            .await
            .unwrap();
        // Someone not invited cannot answer.
        let stranger = store
            .save_response(
                ws.id,
                qid,
                Link::Invitation("invite-x"),
                changes(&[(SPORT, choice("nee"))]),
            )
            .await
            .unwrap();
        assert_eq!(stranger, Err(ResponseRefusal::Unknown));

        // Eight submits at once on one link (double clicks, tabs, retries).
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .submit_response(
                        ws.id,
                        qid,
                        Link::Invitation("invite-a"),
                        changes(&[(SPORT, choice("nee"))]),
                    )
                    .await
                    .unwrap()
            }));
        }
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(_) => ok += 1,
                Err(ResponseRefusal::AlreadySubmitted) => {}
                Err(other) => panic!("{}: {other:?}", ts.name),
            }
        }
        assert_eq!(ok, 1, "{}", ts.name);
        assert_eq!(
            store
                .questionnaire_responses(ws.id, qid)
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            store
                .questionnaire_invitation_counts(ws.id, qid)
                .await
                .unwrap(),
            (2, 1)
        );
        // Hidden answers never count: a "nee" with a club saved earlier.
        let b = Link::Invitation("invite-b");
        store
            .save_response(
                ws.id,
                qid,
                b,
                changes(&[(SPORT, choice("ja")), (CLUB, choice("voetbal"))]),
            )
            .await
            .unwrap()
            .unwrap();
        store
            .submit_response(ws.id, qid, b, changes(&[(SPORT, choice("nee"))]))
            .await
            .unwrap()
            .unwrap();
        let all = store.questionnaire_responses(ws.id, qid).await.unwrap();
        assert!(all.iter().all(|r| r.answers.get(CLUB).is_none()));
        assert!(tables_holding(&ts.url, "invite-").await.is_empty());
    }
}

#[tokio::test]
async fn closing_erasure_and_retention_remove_what_they_must_and_nothing_else() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, _) = workspace_and_user(store, "voorbeeld").await;
        let mut kept = publish(store, ws.id, "blijft").await;
        let mut expiring = publish(store, ws.id, "verloopt").await;
        for (rec, n) in [(&kept, 3), (&expiring, 2)] {
            for i in 0..n {
                let hash = format!("{}-{i}", rec.slug);
                store
                    .submit_response(
                        ws.id,
                        rec.questionnaire.id,
                        Link::Public(&hash),
                        changes(&[(SPORT, choice("nee"))]),
                    )
                    .await
                    .unwrap()
                    .unwrap();
            }
        }
        // One in progress on the expiring one, with consent details.
        store
            .save_response(
                ws.id,
                expiring.questionnaire.id,
                Link::Public("half"),
                changes(&[(SPORT, choice("ja"))]),
            )
            .await
            .unwrap()
            .unwrap();

        // Erasing one response leaves the other two.
        let responses = store
            .questionnaire_responses(ws.id, kept.questionnaire.id)
            .await
            .unwrap();
        assert!(
            store
                .erase_response(ws.id, kept.questionnaire.id, responses[0].id)
                .await
                .unwrap()
        );
        assert!(
            !store
                .erase_response(ws.id, expiring.questionnaire.id, responses[1].id)
                .await
                .unwrap(),
            "not through another questionnaire"
        );
        let left = store
            .questionnaire_responses(ws.id, kept.questionnaire.id)
            .await
            .unwrap();
        assert_eq!(left.len(), 2, "{}", ts.name);
        assert!(left.iter().all(|r| r.id != responses[0].id));

        // Closed: nothing is taken, a draft stays as it was.
        expiring.closes_at = Some(1);
        store.save_questionnaire(&expiring).await.unwrap();
        let closed = store
            .submit_response(
                ws.id,
                expiring.questionnaire.id,
                Link::Public("half"),
                AnswerChanges::new(),
            )
            .await
            .unwrap();
        assert_eq!(closed, Err(ResponseRefusal::Closed));
        assert!(store.draft_answers(ws.id, "half").await.unwrap().is_some());

        // Retention: the expiring one's responses and draft go; the other's stay.
        expiring.retain_until = Some(1_000);
        store.save_questionnaire(&expiring).await.unwrap();
        kept.retain_until = Some(i64::MAX);
        store.save_questionnaire(&kept).await.unwrap();
        let removed = store.sweep_questionnaire_retention(2_000).await.unwrap();
        assert_eq!(removed, 3, "{}", ts.name);
        assert!(
            store
                .questionnaire_responses(ws.id, expiring.questionnaire.id)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(store.draft_answers(ws.id, "half").await.unwrap().is_none());
        assert_eq!(
            store
                .questionnaire_responses(ws.id, kept.questionnaire.id)
                .await
                .unwrap()
                .len(),
            2
        );
        // The definitions stay, for the report.
        assert_eq!(store.questionnaires(ws.id).await.unwrap().len(), 2);
        assert!(
            store
                .questionnaire(ws.id, "verloopt")
                .await
                .unwrap()
                .is_some()
        );
    }
}
