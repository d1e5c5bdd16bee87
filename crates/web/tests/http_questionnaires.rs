//! Questionnaires over HTTP: respondents answer on a personal link once
//! (a second submit shows the thanks and counts nothing) and not at all on
//! an unknown one; staff see the figures, a cross-tabulation and the open
//! answers (filtered, escaped), erase one response on request; partners and
//! other workspaces reach none of it.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::auth::Role;
use koers_core::ids::{QuestionId, QuestionnaireId};
use koers_core::questionnaire::*;
use koers_store::{NewUser, QuestionnaireRecord};
use koers_web::security::password::hash_password;
use koers_web::security::tokens::{hash_token, random_token};
use uuid::Uuid;

const WHO: QuestionId = QuestionId(Uuid::from_u128(0x21));
const IDEA: QuestionId = QuestionId(Uuid::from_u128(0x22));
const HAPPY: QuestionId = QuestionId(Uuid::from_u128(0x23));

fn questionnaire() -> Questionnaire {
    QuestionnaireInput {
        title: TextsInput::nl("Vragenlijst jeugd"),
        intro: TextsInput::default(),
        closing: TextsInput::default(),
        sections: vec![SectionInput {
            title: TextsInput::default(),
            intro: TextsInput::default(),
            pages: vec![PageInput::new(vec![
                QuestionInput::new(
                    WHO,
                    "Wie bent u?",
                    KindInput::SingleChoice {
                        options: vec![
                            OptionInput::new("professional", "Professional"),
                            OptionInput::new("jongere", "Jongere"),
                        ],
                    },
                )
                .required(),
                QuestionInput::new(
                    HAPPY,
                    "Hoe tevreden bent u?",
                    KindInput::Scale {
                        min: 1,
                        max: 3,
                        min_label: TextsInput::default(),
                        max_label: TextsInput::default(),
                    },
                ),
                QuestionInput::new(
                    IDEA,
                    "Uw idee",
                    KindInput::ShortText {
                        max_chars: Some(200),
                    },
                ),
            ])],
        }],
    }
    .validate(QuestionnaireId::new())
    .unwrap()
}

async fn get(c: &reqwest::Client, url: &str) -> (u16, String) {
    let r = c.get(url).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn answers_come_in_once_per_link_and_only_staff_see_and_erase_them() {
    let app = spawn_app().await;
    let (noord, fac) = app.workspace("noord").await;
    let (_zuid, fac_zuid) = app.workspace("zuid").await;
    let rec = QuestionnaireRecord {
        workspace_id: noord.id,
        questionnaire: questionnaire(),
        slug: "jeugd".into(),
        public_token: Some(random_token()),
        opens_at: None,
        closes_at: None,
        retain_until: None,
    };
    app.store.save_questionnaire(&rec).await.unwrap();
    let qid = rec.questionnaire.id;
    let tokens: Vec<String> = (0..3).map(|_| random_token()).collect();
    app.store
        .create_questionnaire_invitations(
            noord.id,
            qid,
            &tokens
                .iter()
                .enumerate()
                .map(|(i, t)| (hash_token(t), None, format!("p{i}@voorbeeld.example")))
                .collect::<Vec<_>>(),
        )
        .await
        .unwrap();

    // Three invitees answer on their own links.
    let answers = [
        ("professional", "Meer <script>jongerenwerk</script>", "1"),
        ("jongere", "Een plek om te chillen", "3"),
        ("jongere", "Gratis sporten", "3"),
    ];
    for (token, (who, idea, happy)) in tokens.iter().zip(answers) {
        let c = client();
        let link = format!("{}/q/i/{token}", app.url);
        let (status, html) = get(&c, &link).await;
        assert_eq!(status, 200);
        let csrf = csrf_of(&html);
        let r = c
            .post(&link)
            .form(&[
                ("_csrf", csrf.as_str()),
                ("page", "0"),
                ("action", "submit"),
                ("q-00000000-0000-0000-0000-000000000021", who),
                ("q-00000000-0000-0000-0000-000000000022", idea),
                ("q-00000000-0000-0000-0000-000000000023", happy),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        // The same link again (a retry): thanks, nothing counted twice.
        let r = c
            .post(&link)
            .form(&[
                ("_csrf", csrf.as_str()),
                ("page", "0"),
                ("action", "submit"),
                ("q-00000000-0000-0000-0000-000000000021", "jongere"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("Bedankt"));
    }
    assert_eq!(
        app.store
            .questionnaire_responses(noord.id, qid)
            .await
            .unwrap()
            .len(),
        3
    );
    // An unknown or malformed personal link: not found.
    let c = client();
    let (status, _) = get(&c, &format!("{}/q/i/{}", app.url, random_token())).await;
    assert_eq!(status, 404);
    let (status, _) = get(&c, &format!("{}/q/i/x", app.url)).await;
    assert_eq!(status, 404);

    // Staff: the figures, the cross-tab and the open answers.
    let s = app.console_client(&fac.email).await;
    let (status, html) = get(&s, &format!("{}/questionnaires", app.url)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Vragenlijst jeugd") && html.contains("3 / 3"));
    let base = format!("{}/questionnaires/jeugd", app.url);
    let (status, html) = get(&s, &base).await;
    assert_eq!(status, 200);
    assert!(html.contains("3 ingestuurd van 3 begonnen"), "{html}");
    assert!(html.contains("&#60;script&#62;") && !html.contains("<script>jongerenwerk"));
    let (_, html) = get(&s, &format!("{base}?rows={WHO}&cols={HAPPY}")).await;
    assert!(html.contains("id=\"crosstab\""), "{html}");
    assert!(html.contains("2 (100%)"), "both young people gave a 3");
    let (status, html) = get(&s, &format!("{base}?rows={WHO}&cols={WHO}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("twee verschillende vragen") && !html.contains("id=\"crosstab\""));
    // A response still in progress counts only when asked.
    let half = random_token();
    app.store
        .create_questionnaire_invitations(
            noord.id,
            qid,
            &[(hash_token(&half), None, "half@voorbeeld.example".into())],
        )
        .await
        .unwrap();
    let c = client();
    let link = format!("{}/q/i/{half}", app.url);
    let (_, page) = get(&c, &link).await;
    let r = c
        .post(&link)
        .form(&[
            ("_csrf", csrf_of(&page).as_str()),
            ("page", "0"),
            ("action", "next"),
            ("q-00000000-0000-0000-0000-000000000021", "professional"),
        ])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success() || r.status() == 303);
    let (_, html) = get(&s, &base).await;
    assert!(html.contains("3 ingestuurd van 4 begonnen") && html.contains("4 van de 4"));
    let (_, html) = get(&s, &format!("{base}?only=submitted")).await;
    assert!(html.contains("3 van de 3"), "the draft is left out");
    let (_, html) = get(&s, &format!("{base}?q=CHILLEN")).await;
    assert!(html.contains("Een plek om te chillen") && !html.contains("Gratis sporten"));

    // Erasing one response on request leaves the other two.
    let responses = app
        .store
        .questionnaire_responses(noord.id, qid)
        .await
        .unwrap();
    let gone = responses[0].id;
    let (_, html) = get(&s, &base).await;
    let csrf = csrf_of(&html);
    let r = s
        .post(format!("{base}/responses/{gone}/erase"))
        .form(&[("_csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let left = app
        .store
        .questionnaire_responses(noord.id, qid)
        .await
        .unwrap();
    assert_eq!(left.len(), 3, "three of four left");
    assert!(left.iter().all(|r| r.id != gone));

    // The export: one row per response left, nothing that names a link.
    let r = s.get(format!("{base}/export.csv")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    let rows = csv::Reader::from_reader(body.as_bytes()).records().count();
    assert_eq!(rows, 3, "{body}");
    assert!(!tokens.iter().any(|t| body.contains(t.as_str())));
    let r = s.get(format!("{base}/export.xlsx")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.unwrap().starts_with(b"PK"), "a zip (xlsx)");

    // Partners and another workspace: nothing.
    app.store
        .create_user(NewUser {
            workspace_id: noord.id,
            email: "partner@voorbeeld.example".into(),
            name: "Partner".into(),
            role: Role::Partner,
            partner: None,
            password_hash: hash_password(PASSWORD).unwrap(),
        })
        .await
        .unwrap();
    let p = app.console_client("partner@voorbeeld.example").await;
    assert_eq!(get(&p, &base).await.0, 403);
    assert_eq!(get(&p, &format!("{base}/export.csv")).await.0, 403);
    assert_eq!(get(&p, &format!("{}/questionnaires", app.url)).await.0, 403);
    let z = app.console_client(&fac_zuid.email).await;
    assert_eq!(get(&z, &base).await.0, 404);
    let (_, html) = get(&z, &format!("{}/questionnaires", app.url)).await;
    assert!(!html.contains("Vragenlijst jeugd"));
}
