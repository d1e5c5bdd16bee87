//! Evenings and the inventory: on the console the facilitator links a
//! category to a societal result of the workspace's inventory (never to
//! another workspace's); the report names it; and an action on that
//! priority opens the new-activity form filled in from the action — its
//! text, the partners it names, the result with the action as statement.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::board::BoardOp;
use koers_core::event::Actor;
use koers_core::ids::{CategoryId, PartnerId, ResultId};
use koers_core::inventory::{Lists, PartnerInput, ResultInput};
use koers_core::items::{ItemDetail, ItemDraft};
use koers_store::{Command, Editor, Write};
use serde_json::json;

async fn seed_inventory(
    app: &TestApp,
    ws: &koers_store::Workspace,
    user: &koers_store::User,
    tag: &str,
) -> ResultId {
    let lists = Lists::default();
    let partner = |name: &str| {
        PartnerInput {
            name: name.into(),
            kind: "ggd".into(),
            role: "partner".into(),
            ..PartnerInput::default()
        }
        .validate(PartnerId::new(), &lists)
        .unwrap()
    };
    let result = ResultInput {
        title: format!("Minder jongeren drinken alcohol {tag}"),
        ..ResultInput::default()
    }
    .validate(ResultId::new())
    .unwrap();
    let writes = vec![
        Write::Partner(partner(&format!("GGD {tag}"))),
        Write::Partner(partner(&format!("CJG {tag}"))),
        Write::Partner(partner(&format!("Sportclub {tag}"))),
        Write::Result(result.clone()),
    ];
    let by = Editor {
        user: user.id,
        name: user.name.clone(),
        partner: None,
    };
    app.store
        .write_inventory(ws.id, &writes, &by)
        .await
        .unwrap();
    result.id
}

#[tokio::test]
async fn a_category_serves_a_result_of_the_own_inventory_and_its_action_becomes_a_planned_activity()
{
    let app = spawn_app().await;
    let (ws, user) = app.workspace("noord").await;
    let (other_ws, other_user) = app.workspace("zuid").await;
    let result = seed_inventory(&app, &ws, &user, "Noord").await;
    let foreign = seed_inventory(&app, &other_ws, &other_user, "Zuid").await;
    let s = app
        .store
        .create_session(koers_web::session_templates::new_session(
            "ketenavond",
            koers_core::lang::Lang::Nl,
            ws.id,
            Some(user.id),
            "Ketenavond Noord".into(),
        ))
        .await
        .unwrap();
    let ids = app.activity_ids(&s).await;
    let bearer = app.bearer(&user).await;
    let exec = |cmd: Command| {
        let store = app.store.clone();
        async move { store.execute(s.id, Actor::System, cmd).await.unwrap() }
    };

    // Three ideas, three categories.
    app.control(&bearer, &s, "open", Some(&ids[6])).await;
    let wall = ids[6].parse().unwrap();
    for text in [
        "Alcoholvrije kantines",
        "Ouderavond over drank",
        "Sportveld open",
    ] {
        exec(Command::AddItem {
            activity: wall,
            draft: ItemDraft {
                text: text.into(),
                detail: ItemDetail::Plain,
            },
        })
        .await;
    }
    app.control(&bearer, &s, "open", Some(&ids[7])).await;
    let board_activity = ids[7].parse().unwrap();
    let cats = [CategoryId::new(), CategoryId::new(), CategoryId::new()];
    for (c, name) in cats.iter().zip(["Alcohol", "Ouders", "Sport"]) {
        exec(Command::Board {
            activity: board_activity,
            op: BoardOp::Create {
                id: *c,
                name: name.into(),
            },
        })
        .await;
    }

    // On the console: a select of the workspace's results per category.
    let c = app.console_client(&user.email).await;
    let console_url = format!("{}/console/sessions/{}", app.url, s.id);
    let html = c
        .get(&console_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Minder jongeren drinken alcohol Noord"));
    assert!(!html.contains("Zuid"), "only the own inventory's results");
    let link = |result: String| {
        let c = c.clone();
        let url = format!("{console_url}/lists");
        let csrf = csrf_of(&html);
        let category = cats[0].to_string();
        let activity = ids[7].clone();
        async move {
            c.post(url)
                .form(&[
                    ("_csrf", csrf),
                    ("op", "board_link".into()),
                    ("activity_id", activity),
                    ("category_id", category),
                    ("result_id", result),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    // A form post is refused with the reason in the redirect (no-JS console).
    let refused = link(foreign.to_string()).await;
    assert_eq!(refused.status(), 303);
    let to = refused.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error=not-found"), "{to}");
    let doc = app.store.activity_doc(board_activity).await.unwrap();
    assert_eq!(doc.board.categories[0].result, None, "refused, unchanged");
    assert_eq!(link(result.to_string()).await.status(), 303);
    let doc = app.store.activity_doc(board_activity).await.unwrap();
    assert_eq!(doc.board.categories[0].result, Some(result));
    let html = c
        .get(&console_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Maatschappelijk resultaat: Minder jongeren drinken alcohol Noord"),
        "the console shows the link"
    );

    // "Alcohol" wins the dot vote; the action list works on it.
    let phones = [
        app.join(s.join_code.as_str()).await,
        app.join(s.join_code.as_str()).await,
    ];
    app.control(&bearer, &s, "open", Some(&ids[8])).await;
    for (p, points) in phones.iter().zip([[2, 1, 2], [2, 2, 1]]) {
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
    app.control(&bearer, &s, "open", Some(&ids[10])).await;
    let actions = ids[10].parse().unwrap();
    exec(Command::AddItem {
        activity: actions,
        draft: ItemDraft {
            text: "Een alcoholvrije jeugdkantine bij elke club".into(),
            detail: ItemDetail::Action {
                topic: 0,
                so_that: "drinken niet bij sport hoort".into(),
                who: "GGD Noord en de sportclub noord".into(),
                by_when: "seizoen 2027".into(),
                needs: "instructie voor barvrijwilligers".into(),
            },
        },
    })
    .await;
    let item = app.store.items(actions).await.unwrap()[0].id;
    let frozen = app.store.activity_doc(actions).await.unwrap().list.unwrap();
    assert_eq!(frozen.labels[0], "Alcohol", "the vote's winner first");

    let html = c
        .get(&console_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let href = format!(
        "/inventory/activities/new?session={}&amp;action={item}",
        s.id
    );
    assert!(
        html.contains(&href),
        "the console links the action to the form"
    );
    let form = c
        .get(format!(
            "{}/inventory/activities/new?session={}&action={item}",
            app.url, s.id
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap().replace("&#39;", "'");
    assert!(form.contains("value=\"Een alcoholvrije jeugdkantine bij elke club\""));
    assert!(form.contains("Ketenavond Noord"), "where it came from");
    let inv = app.store.inventory(ws.id).await.unwrap();
    let id_of = |name: &str| inv.partners.iter().find(|p| p.name == name).unwrap().id;
    for (name, ticked) in [
        ("GGD Noord", true),
        ("Sportclub Noord", true),
        ("CJG Noord", false),
    ] {
        let checked = format!("value=\"{}\" checked", id_of(name));
        assert_eq!(form.contains(&checked), ticked, "{name}");
    }
    assert!(
        form.contains(&format!("value=\"{result}\" checked")),
        "the result"
    );
    assert!(
        form.contains("We doen Een alcoholvrije jeugdkantine bij elke club, zodat drinken niet bij sport hoort"),
        "the statement"
    );
    assert!(
        app.store.inventory(ws.id).await.unwrap().offers.is_empty(),
        "nothing stored before saving"
    );

    // Another workspace's staff cannot start from this action.
    let z = app.console_client(&other_user.email).await;
    let r = z
        .get(format!(
            "{}/inventory/activities/new?session={}&action={item}",
            app.url, s.id
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    // The report names the result the category serves.
    let md = koers_web::report::export_markdown(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        md.contains("Maatschappelijk resultaat: Minder jongeren drinken alcohol Noord"),
        "{md}"
    );
}

#[tokio::test]
async fn a_matrix_activity_puts_the_inventory_on_the_screen_asks_phones_nothing_and_is_in_the_report()
 {
    let app = spawn_app().await;
    let (ws, user) = app.workspace("scherm").await;
    seed_inventory(&app, &ws, &user, "Scherm").await;
    // Two universal activities for 4–12, one selective for parents.
    let inv = app.store.inventory(ws.id).await.unwrap();
    let offer = |name: &str, level: &str, age: &str| {
        koers_core::inventory::OfferInput {
            name: name.into(),
            providers: vec!["GGD Scherm".into()],
            actor: "approach".into(),
            level: level.into(),
            age_groups: vec![age.into()],
            form: "group".into(),
            evidence: "none".into(),
            ..Default::default()
        }
        .validate(koers_core::ids::OfferId::new(), &inv)
        .unwrap()
    };
    let by = Editor {
        user: user.id,
        name: user.name.clone(),
        partner: None,
    };
    let writes = [
        Write::Offer(offer("Gezonde School", "universal", "4-12")),
        Write::Offer(offer("Rots en Water", "universal", "4-12")),
        Write::Offer(offer("Opvoedcursus", "selective", "ouders")),
    ];
    app.store
        .write_inventory(ws.id, &writes, &by)
        .await
        .unwrap();

    let s = app.session(&ws, &user, "Avond").await;
    let step = app.store.agenda(s.id).await.unwrap().steps[1].id;
    let c = app.console_client(&user.email).await;
    let console_url = format!("{}/console/sessions/{}", app.url, s.id);
    let html = c
        .get(&console_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("value=\"matrix\""),
        "the form offers the kind"
    );
    let r = c
        .post(format!("{console_url}/activities"))
        .form(&[
            ("_csrf", csrf_of(&html).as_str()),
            ("title", "Het aanbod nu"),
            ("kind", "matrix"),
            ("matrix_rows", "level"),
            ("matrix_cols", "age_group"),
            ("audience", "individuals"),
            ("step_id", step.to_string().as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let agenda = app.store.agenda(s.id).await.unwrap();
    let m = agenda
        .activities
        .iter()
        .find(|a| a.def.title == "Het aanbod nu")
        .unwrap();
    assert_eq!(
        m.def.kind,
        koers_core::activity::ActivityKind::Matrix {
            rows: koers_core::inventory::matrix::Axis::Level,
            cols: koers_core::inventory::matrix::Axis::AgeGroup,
        }
    );
    let mid = m.id.to_string();
    let bearer = app.bearer(&user).await;
    app.control(&bearer, &s, "open", Some(&mid)).await;

    let screen = c
        .get(format!("{}/screen/{}", app.url, s.screen_token))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(screen.contains("Preventieniveau × Leeftijdsgroep"));
    assert!(
        screen.contains("<td class=\"heat-4\"><span class=\"count\">2</span></td>"),
        "universal × 4–12 holds the two"
    );
    let phone = app.join(s.join_code.as_str()).await;
    let (status, _) = app
        .answer(
            &phone,
            &s,
            &mid,
            &cid(),
            json!({"type": "choice", "option": 0}),
        )
        .await;
    assert!((400..500).contains(&status), "nothing to answer: {status}");

    let md = koers_web::report::export_markdown(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    assert!(md.contains("| Preventieniveau × Leeftijdsgroep |"), "{md}");
    let pdf = koers_web::report::export_pdf(&app.store, s.id)
        .await
        .unwrap()
        .unwrap();
    let text = common::documents::squash(&common::documents::pdf_text(&pdf));
    assert!(
        text.contains(&common::documents::squash(
            "3 activiteiten; 26 lege cellen."
        )),
        "the matrix's figures in the PDF"
    );
}
