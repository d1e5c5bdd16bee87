//! Answering a questionnaire in real Chromium on a 390×844 phone, through a
//! proxy that can cut the network: the respondent answers a question that
//! makes a conditional one appear, loses the connection halfway, and
//! finishes once it is back without losing an answer; the response is
//! counted once. Another respondent never sees the conditional question.
//! Every page is checked with axe-core and photographed.

#![allow(clippy::unwrap_used)]

mod common;

use common::axe::{axe_source, violations};
use common::browser::{Driver, click, js, shot, type_into, wait_js};
use common::proxy::{Mode, Proxy};
use common::*;
use koers_core::ids::{QuestionId, QuestionnaireId};
use koers_core::questionnaire::*;
use koers_store::QuestionnaireRecord;
use serde_json::json;
use uuid::Uuid;

const WHO: QuestionId = QuestionId(Uuid::from_u128(0x11));
const SECTOR: QuestionId = QuestionId(Uuid::from_u128(0x12));
const HAPPY: QuestionId = QuestionId(Uuid::from_u128(0x13));
const IDEA: QuestionId = QuestionId(Uuid::from_u128(0x14));

fn questionnaire() -> Questionnaire {
    let page = |qs| PageInput::new(qs);
    QuestionnaireInput {
        title: TextsInput::both("Jeugdbeleid Voorbeeld", "Youth policy Voorbeeld"),
        intro: TextsInput::nl("Wat vindt u belangrijk voor de jeugd in onze gemeente?"),
        closing: TextsInput::nl("Dank u wel! We nemen uw antwoorden mee in het beleid."),
        sections: vec![SectionInput {
            title: TextsInput::nl("Over u en de jeugd"),
            intro: TextsInput::default(),
            pages: vec![
                page(vec![
                    QuestionInput::new(
                        WHO,
                        "Wie bent u?",
                        KindInput::SingleChoice {
                            options: vec![
                                OptionInput::new("professional", "Professional"),
                                OptionInput::new("inwoner", "Inwoner of ouder"),
                                OptionInput::new("jongere", "Jongere"),
                            ],
                        },
                    )
                    .required(),
                ]),
                page(vec![
                    QuestionInput::new(
                        SECTOR,
                        "In welke sector werkt u?",
                        KindInput::SingleChoice {
                            options: vec![
                                OptionInput::new("onderwijs", "Onderwijs"),
                                OptionInput::new("zorg", "Zorg en welzijn"),
                                OptionInput::new("sport", "Sport"),
                            ],
                        },
                    )
                    .required()
                    .when(Condition::any_of(WHO, &["professional"])),
                    QuestionInput::new(
                        HAPPY,
                        "Hoe tevreden bent u over het aanbod voor jongeren?",
                        KindInput::Scale {
                            min: 1,
                            max: 5,
                            min_label: TextsInput::nl("Zeer ontevreden"),
                            max_label: TextsInput::nl("Zeer tevreden"),
                        },
                    )
                    .required(),
                ]),
                page(vec![QuestionInput::new(
                    IDEA,
                    "Wat moet er als eerste gebeuren?",
                    KindInput::LongText {
                        max_chars: Some(1000),
                    },
                )]),
            ],
        }],
    }
    .validate(QuestionnaireId::new())
    .unwrap()
}

#[tokio::test]
async fn a_respondent_on_a_phone_loses_the_connection_and_loses_no_answer() {
    let axe = axe_source();
    let app = spawn_app().await;
    let (ws, _) = app.workspace("e2e-vragenlijst").await;
    let token = koers_web::security::tokens::random_token();
    let rec = QuestionnaireRecord {
        workspace_id: ws.id,
        questionnaire: questionnaire(),
        slug: "jeugd-2027".into(),
        public_token: Some(token.clone()),
        opens_at: None,
        closes_at: None,
        retain_until: None,
    };
    app.store.save_questionnaire(&rec).await.unwrap();
    let qid = rec.questionnaire.id;
    let proxy = Proxy::start(app.addr).await;
    let driver = Driver::start().await;
    let phone = driver.browser(390, 844).await;
    let mut found = Vec::new();
    let link = format!("{}/q/{token}", proxy.url());

    phone.goto(&link).await.unwrap();
    found.extend(violations(&phone, &axe, "page 1").await);
    shot(&phone, "questionnaire-page1-phone").await;
    // Going on without the required answer: a clear message, focus on it.
    click(&phone, "button[value=next]").await;
    wait_js(&phone, "document.querySelector('#q-errors')", "the message").await;
    found.extend(violations(&phone, &axe, "page 1 refused").await);
    shot(&phone, "questionnaire-required-phone").await;
    click(&phone, "input[value=professional]").await;
    click(&phone, "button[value=next]").await;
    wait_js(
        &phone,
        "location.search === '?p=1' && document.querySelector('input[name=\"q-00000000-0000-0000-0000-000000000012\"]')",
        "page 2 with the sector question",
    )
    .await;
    found.extend(violations(&phone, &axe, "page 2").await);

    // Halfway, the Wi-Fi drops while the answers go out.
    click(&phone, "input[value=zorg]").await;
    click(
        &phone,
        "input[name='q-00000000-0000-0000-0000-000000000013'][value='4']",
    )
    .await;
    proxy.set(Mode::Down);
    click(&phone, "button[value=next]").await;
    wait_js(
        &phone,
        "!document.getElementById('q-offline').hidden",
        "the no-connection notice",
    )
    .await;
    shot(&phone, "questionnaire-offline-phone").await;
    found.extend(violations(&phone, &axe, "offline").await);
    let kept = js(
        &phone,
        "Object.keys(localStorage).filter(k => k.startsWith('koers-q-')).length",
    )
    .await;
    assert_eq!(kept, json!(1), "the page's answers wait on the phone");
    let stored = app.store.questionnaire_responses(ws.id, qid).await.unwrap();
    assert_eq!(stored.len(), 1, "page 1 was saved");
    assert_eq!(stored[0].status, ResponseStatus::InProgress);
    assert!(stored[0].answers.get(WHO).is_some());
    assert!(
        stored[0].answers.get(HAPPY).is_none(),
        "page 2 did not reach the server while the network was down"
    );

    // The connection comes back: the page goes out by itself.
    proxy.set(Mode::Up);
    wait_js(
        &phone,
        "location.search === '?p=2'",
        "page 3 after the retry",
    )
    .await;
    let kept = js(
        &phone,
        "Object.keys(localStorage).filter(k => k.startsWith('koers-q-')).length",
    )
    .await;
    assert_eq!(kept, json!(0), "forgotten once stored");
    type_into(
        &phone,
        "textarea",
        "Een plek voor jongeren om elkaar te ontmoeten.",
    )
    .await;
    found.extend(violations(&phone, &axe, "page 3").await);
    click(&phone, "button[value=submit]").await;
    wait_js(
        &phone,
        "document.querySelector('h1') && document.querySelector('h1').textContent.includes('Bedankt')",
        "thanks",
    )
    .await;
    shot(&phone, "questionnaire-thanks-phone").await;
    found.extend(violations(&phone, &axe, "thanks").await);

    let responses = app.store.questionnaire_responses(ws.id, qid).await.unwrap();
    assert_eq!(responses.len(), 1, "counted once");
    let r = &responses[0];
    assert_eq!(r.status, ResponseStatus::Submitted);
    assert_eq!(
        r.answers.get(SECTOR),
        Some(&AnswerValue::Choice(OptionKey::from("zorg")))
    );
    assert_eq!(r.answers.get(HAPPY), Some(&AnswerValue::Scale(4)));
    assert!(matches!(r.answers.get(IDEA), Some(AnswerValue::Text(t)) if t.contains("ontmoeten")));
    // Opening the link again: the thanks, not a second response.
    phone.goto(&link).await.unwrap();
    wait_js(
        &phone,
        "document.body.textContent.includes('Bedankt')",
        "thanks again",
    )
    .await;

    // Another respondent, an inhabitant, never sees the sector question.
    let other = driver.browser(390, 844).await;
    other.goto(&link).await.unwrap();
    click(&other, "input[value=inwoner]").await;
    click(&other, "button[value=next]").await;
    wait_js(&other, "location.search === '?p=1'", "page 2").await;
    let sector = js(
        &other,
        "!!document.querySelector('input[name=\"q-00000000-0000-0000-0000-000000000012\"]')",
    )
    .await;
    assert_eq!(sector, json!(false));

    // Staff see it counted: one submitted of the two begun.
    let user = app.store.users(ws.id).await.unwrap().remove(0);
    let staff = driver.browser(1280, 900).await;
    staff.goto(&format!("{}/login", app.url)).await.unwrap();
    type_into(&staff, "#email", &user.email).await;
    type_into(&staff, "#password", PASSWORD).await;
    click(&staff, "form[action='/login'] button[type=submit]").await;
    wait_js(&staff, "location.pathname === '/console'", "signed in").await;
    staff
        .goto(&format!("{}/questionnaires/jeugd-2027", app.url))
        .await
        .unwrap();
    let count = js(
        &staff,
        "document.getElementById('response-count').textContent",
    )
    .await;
    assert_eq!(count, json!("1 ingestuurd van 2 begonnen"));
    found.extend(violations(&staff, &axe, "results").await);
    let h = js(&staff, "document.documentElement.scrollHeight").await;
    staff
        .set_window_size(
            1280,
            h.as_u64().unwrap_or(900).clamp(600, 6000) as u32 + 120,
        )
        .await
        .unwrap();
    shot(&staff, "questionnaire-results").await;
    staff.close().await.unwrap();
    other.close().await.unwrap();
    phone.close().await.unwrap();
    assert!(found.is_empty(), "accessibility: {found:#?}");
}
