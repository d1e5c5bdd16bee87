//! WCAG 2.1 A and AA checks with axe-core in real Chromium, on every kind of
//! page people use: joining, answering each kind of question on a phone,
//! the projector screen, login, and the facilitator's console.

#![allow(clippy::unwrap_used)]

mod common;

use common::axe::{axe_source, violations};
use common::browser::{Driver, click, shot, type_into, wait_js};
use common::*;
use serde_json::json;

#[tokio::test]
async fn every_page_meets_wcag_2_1_aa_according_to_axe() {
    let axe = axe_source();
    let app = spawn_app().await;
    let (ws, user) = app.workspace("a11y").await;
    let s = app.session(&ws, &user, "Ketenavond").await;
    let bearer = app.bearer(&user).await;
    let ids = app.activity_ids(&s).await;
    let driver = Driver::start().await;
    let phone = driver.browser(390, 844).await;
    let screen = driver.browser(1920, 1080).await;
    let fac = driver.browser(1280, 900).await;
    let mut found: Vec<String> = Vec::new();

    phone.goto(&format!("{}/", app.url)).await.unwrap();
    found.extend(violations(&phone, &axe, "home").await);
    type_into(&phone, "#code", "000000").await;
    click(&phone, "form[action='/join'] button").await;
    wait_js(
        &phone,
        "document.querySelector('.field-error')",
        "the wrong-code message",
    )
    .await;
    found.extend(violations(&phone, &axe, "home with error").await);
    phone
        .goto(&format!("{}/j/{}", app.url, s.join_code))
        .await
        .unwrap();
    found.extend(violations(&phone, &axe, "join").await);
    click(&phone, "form[action='/join'] button[type=submit]").await;
    wait_js(
        &phone,
        "document.getElementById('activity')",
        "the participant page",
    )
    .await;
    found.extend(violations(&phone, &axe, "participant waiting").await);

    screen
        .goto(&format!("{}/screen/{}", app.url, s.screen_token))
        .await
        .unwrap();
    found.extend(violations(&screen, &axe, "screen welcome").await);

    // Each kind of question on the template's agenda.
    for (i, kind) in [
        (0, "single choice"),
        (12, "scale"),
        (2, "word cloud"),
        (3, "quiz"),
        (4, "estimate"),
        (5, "goal"),
        (6, "idea wall"),
        (11, "questions"),
    ] {
        app.control(&bearer, &s, "open", Some(&ids[i])).await;
        wait_js(
            &phone,
            &format!(
                "document.querySelector('.activity[data-activity=\"{}\"]')",
                ids[i]
            ),
            kind,
        )
        .await;
        found.extend(violations(&phone, &axe, &format!("phone: {kind}")).await);
        shot(
            &phone,
            &format!(
                "phone-kind-{}",
                kind.replace(' ', "-").replace(['(', ')'], "")
            ),
        )
        .await;
    }
    let p = app.join(s.join_code.as_str()).await;
    app.control(&bearer, &s, "open", Some(&ids[3])).await;
    app.answer(
        &p,
        &s,
        &ids[3],
        &cid(),
        json!({"type": "choice", "option": 1}),
    )
    .await;
    app.control(&bearer, &s, "reveal", Some(&ids[3])).await;
    wait_js(
        &screen,
        "document.querySelector('.bar-row.correct') && document.querySelector('.reveal')",
        "the revealed quiz answer on the screen",
    )
    .await;
    found.extend(violations(&screen, &axe, "screen quiz reveal").await);
    shot(&screen, "screen-quiz-reveal").await;
    // A word cloud and a wall of texts on the screen, with a few answers.
    for (i, answers) in [
        (
            2,
            vec![
                json!({"type": "words", "words": ["Samen", "ouders", "sport"]}),
                json!({"type": "words", "words": ["samen", "Ouders"]}),
                json!({"type": "words", "words": ["SAMEN", "veilig"]}),
            ],
        ),
        (
            12,
            vec![
                json!({"type": "scale", "value": 4}),
                json!({"type": "scale", "value": 5}),
                json!({"type": "scale", "value": 2}),
            ],
        ),
    ] {
        app.control(&bearer, &s, "open", Some(&ids[i])).await;
        for a in answers {
            let p = app.join(s.join_code.as_str()).await;
            app.answer(&p, &s, &ids[i], &cid(), a).await;
        }
        app.control(&bearer, &s, "show_results", Some(&ids[i]))
            .await;
        wait_js(&screen, "document.querySelector('.respondents') && document.querySelector('.respondents').textContent.includes('3')", "results").await;
        found.extend(violations(&screen, &axe, &format!("screen results {i}")).await);
        shot(&screen, &format!("screen-results-{i}")).await;
    }
    wait_js(
        &phone,
        "document.querySelector('.results-block')",
        "results on the phone",
    )
    .await;
    found.extend(violations(&phone, &axe, "phone results").await);

    fac.goto(&format!("{}/login", app.url)).await.unwrap();
    found.extend(violations(&fac, &axe, "login").await);
    type_into(&fac, "#email", &user.email).await;
    type_into(&fac, "#password", PASSWORD).await;
    click(&fac, "form[action='/login'] button[type=submit]").await;
    wait_js(
        &fac,
        "document.querySelector('table.list')",
        "the sessions list",
    )
    .await;
    found.extend(violations(&fac, &axe, "sessions").await);
    fac.goto(&format!("{}/console/sessions/{}", app.url, s.id))
        .await
        .unwrap();
    wait_js(
        &fac,
        "document.getElementById('console-live')",
        "the console",
    )
    .await;
    found.extend(violations(&fac, &axe, "console").await);
    fac.goto(&format!(
        "{}/console/sessions/{}/activities/{}",
        app.url, s.id, ids[0]
    ))
    .await
    .unwrap();
    found.extend(violations(&fac, &axe, "edit activity").await);
    fac.goto(&format!("{}/console/import", app.url))
        .await
        .unwrap();
    found.extend(violations(&fac, &axe, "import").await);
    // The logo form with a logo set (a small real PNG: the report test's).
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/img/example-logo.png"
    ))
    .unwrap();
    app.store
        .set_workspace_logo(ws.id, Some(&png))
        .await
        .unwrap();
    fac.goto(&format!("{}/console/logo", app.url))
        .await
        .unwrap();
    shot(&fac, "console-logo").await;
    found.extend(violations(&fac, &axe, "logo").await);
    fac.goto(&format!("{}/toegankelijkheid", app.url))
        .await
        .unwrap();
    found.extend(violations(&fac, &axe, "accessibility statement").await);

    assert!(
        found.is_empty(),
        "accessibility violations:\n{}",
        found.join("\n")
    );
    // The check itself works: an image without a text alternative is caught.
    fac.execute("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/assets/none.png\">'); return 1;", vec![])
        .await
        .unwrap();
    let control = violations(&fac, &axe, "control").await;
    assert!(
        control.iter().any(|v| v.contains("image-alt")),
        "axe did not run: {control:?}"
    );
    for c in [phone, screen, fac] {
        c.close().await.unwrap();
    }
}
