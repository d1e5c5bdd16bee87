//! The stakeholder register in real Chromium, as a policy officer keeps it:
//! adds a contact person to a partner with the form, makes a core group and
//! puts people in it, records a conversation with a follow-up and marks it
//! done, and on a small phone reads a person's page and erases it on
//! request. Every page is checked with axe-core (WCAG 2.1 AA) and
//! photographed into `target/e2e-shots/`.

#![allow(clippy::unwrap_used)]

mod common;

use common::axe::{axe_source, violations};
use common::browser::{Driver, click, js, page_shot, type_into, wait_js};
use common::*;
use fantoccini::{Client, Locator};
use koers_core::ids::{ContactId, PartnerId};
use koers_core::inventory::{Lists, PartnerInput};
use koers_core::register::ContactInput;

async fn main_text(c: &Client) -> String {
    c.find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_keep_people_groups_and_conversations_and_erase_on_request() {
    let axe = axe_source();
    let app = spawn_app().await;
    let (ws, user) = app.workspace("e2e-register").await;
    let by = koers_store::Editor {
        user: user.id,
        name: user.name.clone(),
        partner: None,
    };
    let mut partners = Vec::new();
    for (name, kind) in [("OBS De Linde", "school"), ("CJG Zuid", "cjg")] {
        let p = PartnerInput {
            name: name.into(),
            kind: kind.into(),
            role: "partner".into(),
            ..PartnerInput::default()
        }
        .validate(PartnerId::new(), &Lists::default())
        .unwrap();
        app.store.save_partner(ws.id, &p, &by).await.unwrap();
        partners.push(p.id);
    }
    // Someone already in the register, without an organisation.
    let yara = ContactInput {
        name: "Yara Bos".into(),
        role: "Jongere (17)".into(),
        ..ContactInput::default()
    }
    .validate(ContactId::new(), &[])
    .unwrap();
    app.store.save_contact(ws.id, &yara).await.unwrap();

    let driver = Driver::start().await;
    let staff = driver.browser(1280, 900).await;
    let mut found: Vec<String> = Vec::new();
    staff.goto(&format!("{}/login", app.url)).await.unwrap();
    type_into(&staff, "#email", &user.email).await;
    type_into(&staff, "#password", PASSWORD).await;
    click(&staff, "form[action='/login'] button[type=submit]").await;
    wait_js(&staff, "location.pathname === '/console'", "signed in").await;

    // The form: a mistake first, then right.
    staff
        .goto(&format!("{}/register/contacts/new", app.url))
        .await
        .unwrap();
    found.extend(violations(&staff, &axe, "contact form").await);
    type_into(&staff, "#name", "Fatma Yilmaz").await;
    type_into(&staff, "#email", "niet-een-adres").await;
    click(&staff, "main form button[type=submit]").await;
    wait_js(
        &staff,
        "document.querySelector('#email[aria-invalid=true]')",
        "the refusal",
    )
    .await;
    found.extend(violations(&staff, &axe, "contact form refused").await);
    page_shot(&staff, "register-contact-refused", 1280).await;
    js(&staff, "document.querySelector('#email').value = ''").await;
    type_into(&staff, "#email", "f.yilmaz@linde.example").await;
    type_into(&staff, "#role", "Intern begeleider").await;
    js(
        &staff,
        &format!(
            "document.querySelector('#partner').value = '{}'",
            partners[0]
        ),
    )
    .await;
    click(&staff, "main form button[type=submit]").await;
    wait_js(
        &staff,
        "location.pathname.startsWith('/register/contacts/') && location.search.includes('saved')",
        "the person's page",
    )
    .await;
    assert!(main_text(&staff).await.contains("OBS De Linde"));

    // A core group with both people in it.
    staff
        .goto(&format!("{}/register/groups", app.url))
        .await
        .unwrap();
    type_into(&staff, "#name", "Kerngroep").await;
    click(&staff, "input[name=core]").await;
    click(
        &staff,
        "form[action='/register/groups'] button[type=submit]",
    )
    .await;
    wait_js(
        &staff,
        "location.pathname.startsWith('/register/groups/')",
        "the group",
    )
    .await;
    for cb in staff
        .find_all(Locator::Css(".member-pick input[type=checkbox]"))
        .await
        .unwrap()
    {
        cb.click().await.unwrap();
    }
    click(&staff, "button[name=action][value=add]").await;
    wait_js(
        &staff,
        "location.search.includes('members')",
        "members added",
    )
    .await;
    let text = main_text(&staff).await;
    assert!(
        text.contains("2 leden uit 1 organisaties") && text.contains("Yara Bos"),
        "{text}"
    );
    assert!(text.contains("1 lid heeft geen e-mailadres"));
    found.extend(violations(&staff, &axe, "group").await);
    page_shot(&staff, "register-group", 1280).await;

    // A conversation with a follow-up, then marked done from the list.
    staff
        .goto(&format!("{}/register/conversations/new", app.url))
        .await
        .unwrap();
    found.extend(violations(&staff, &axe, "conversation form").await);
    type_into(&staff, "#topic", "Verdiepend gesprek over de overstap").await;
    for cb in staff
        .find_all(Locator::Css(".member-pick input[type=checkbox]"))
        .await
        .unwrap()
    {
        cb.click().await.unwrap();
    }
    type_into(&staff, "#notes", "Behoefte aan een vast aanspreekpunt.").await;
    type_into(&staff, "#follow_up", "Cijfers nasturen").await;
    click(&staff, "main form.stack button.primary").await;
    wait_js(
        &staff,
        "location.pathname === '/register/conversations'",
        "the log",
    )
    .await;
    assert!(main_text(&staff).await.contains("Cijfers nasturen"));
    found.extend(violations(&staff, &axe, "conversations").await);
    page_shot(&staff, "register-conversations", 1280).await;
    click(&staff, "form[action$='/done'] button").await;
    wait_js(
        &staff,
        "!document.querySelector('form[action$=\"/done\"]')",
        "follow-up done",
    )
    .await;
    let reg = app.store.register(ws.id).await.unwrap();
    assert!(reg.conversations[0].follow_up_done);
    assert_eq!(reg.conversations[0].contacts.len(), 2);

    staff
        .goto(&format!("{}/register/contacts", app.url))
        .await
        .unwrap();
    found.extend(violations(&staff, &axe, "contacts").await);
    page_shot(&staff, "register-contacts", 1280).await;
    staff
        .goto(&format!("{}/register/organisations", app.url))
        .await
        .unwrap();
    found.extend(violations(&staff, &axe, "organisations").await);

    // On a small phone: the person's page, then erasure on request.
    let phone = driver.browser(390, 844).await;
    phone.goto(&format!("{}/login", app.url)).await.unwrap();
    type_into(&phone, "#email", &user.email).await;
    type_into(&phone, "#password", PASSWORD).await;
    click(&phone, "form[action='/login'] button[type=submit]").await;
    wait_js(&phone, "location.pathname === '/console'", "signed in").await;
    let fatma = reg
        .contacts
        .iter()
        .find(|c| c.name == "Fatma Yilmaz")
        .unwrap()
        .id;
    phone
        .goto(&format!("{}/register/contacts/{fatma}", app.url))
        .await
        .unwrap();
    found.extend(violations(&phone, &axe, "contact on a phone").await);
    let overflow = js(
        &phone,
        "document.documentElement.scrollWidth > window.innerWidth + 1",
    )
    .await;
    if overflow != serde_json::json!(false) {
        page_shot(&phone, "register-contact-phone-overflow", 390).await;
        let wide = js(
            &phone,
            "[...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ') + ' sw=' + document.documentElement.scrollWidth + ' iw=' + window.innerWidth + ' cw=' + document.documentElement.clientWidth",
        )
        .await;
        panic!("sideways scrolling on a phone: {wide}");
    }
    page_shot(&phone, "register-contact-phone", 390).await;
    click(&phone, "a[href$='/erase']").await;
    wait_js(&phone, "location.pathname.endsWith('/erase')", "erase page").await;
    found.extend(violations(&phone, &axe, "erase").await);
    page_shot(&phone, "register-erase-phone", 390).await;
    click(&phone, "main form button.danger").await;
    wait_js(&phone, "location.search.includes('erased')", "erased").await;
    let reg = app.store.register(ws.id).await.unwrap();
    assert_eq!(reg.contacts.len(), 1);
    assert!(reg.conversations[0].contacts == vec![yara.id]);

    phone.close().await.unwrap();
    staff.close().await.unwrap();
    assert!(found.is_empty(), "accessibility: {found:#?}");
}
