//! The prevention inventory's storage: staff keep everything, a partner's
//! contact person only the activities its partner provides, nobody reaches
//! another workspace, references are kept whole, every change is logged with
//! its fields, and an invitation makes one account. Run on SQLite always and
//! on PostgreSQL when KOERS_TEST_POSTGRES_URL is set.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::DomainError;
use koers_core::ids::{OfferId, PartnerId, ResultId, WorkspaceId};
use koers_core::inventory::{
    Inventory, ListKind, Lists, Offer, OfferInput, PartnerInput, ResultInput,
};
use koers_store::{Editor, ExecError, RecordKind, Store, StoreError, Write};

fn partner(name: &str, lists: &Lists) -> koers_core::inventory::Partner {
    PartnerInput {
        name: name.into(),
        kind: "school".into(),
        contact_name: String::new(),
        contact_email: format!("contact@{}.example", name.to_lowercase().replace(' ', "-")),
        role: "partner".into(),
    }
    .validate(PartnerId::new(), lists)
    .unwrap()
}

fn offer(inv: &Inventory, name: &str, providers: &[&str]) -> Offer {
    OfferInput {
        name: name.into(),
        description: "Omschrijving".into(),
        providers: providers.iter().map(|s| s.to_string()).collect(),
        actor: "partners".into(),
        level: "universal".into(),
        age_groups: vec!["4-12".into()],
        form: "group".into(),
        evidence: "none".into(),
        ..OfferInput::default()
    }
    .validate(OfferId::new(), inv)
    .unwrap()
}

fn staff(user: &koers_store::User) -> Editor {
    Editor {
        user: user.id,
        name: user.name.clone(),
        partner: None,
    }
}

fn as_partner(user: &koers_store::User, p: PartnerId) -> Editor {
    Editor {
        user: user.id,
        name: "Contactpersoon".into(),
        partner: Some(p),
    }
}

async fn seeded(store: &Store, ws: WorkspaceId, by: &Editor) -> Inventory {
    let lists = Lists::default();
    let a = partner("School A", &lists);
    let b = partner("Club B", &lists);
    let result = ResultInput {
        title: "Meer kinderen bewegen".into(),
        ..ResultInput::default()
    }
    .validate(ResultId::new())
    .unwrap();
    let mut inv = Inventory {
        lists,
        partners: vec![a.clone(), b.clone()],
        results: vec![result.clone()],
        offers: vec![],
    };
    let oa = offer(&inv, "Schoolzwemmen", &["School A"]);
    let ob = offer(&inv, "Sportdag", &["Club B"]);
    let shared = offer(&inv, "Beweegweek", &["School A", "Club B"]);
    let writes = vec![
        Write::Partner(a),
        Write::Partner(b),
        Write::Result(result),
        Write::Offer(oa.clone()),
        Write::Offer(ob.clone()),
        Write::Offer(shared.clone()),
    ];
    assert_eq!(store.write_inventory(ws, &writes, by).await.unwrap(), 6);
    inv.offers = vec![oa, ob, shared];
    inv
}

#[tokio::test]
async fn a_partner_changes_only_its_own_activities_and_nothing_of_another_workspace() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, user) = workspace_and_user(store, "voorbeeld").await;
        let (other_ws, other_user) = workspace_and_user(store, "elders").await;
        let inv = seeded(store, ws.id, &staff(&user)).await;
        let (a, b) = (inv.partners[0].id, inv.partners[1].id);
        let as_a = as_partner(&user, a);

        // Its own activity: yes.
        let mut own = inv.offers[0].clone();
        own.reach = Some(120);
        store.save_offer(ws.id, &own, &as_a).await.unwrap();
        // Another partner's activity: no, and nothing changed.
        let mut theirs = inv.offers[1].clone();
        theirs.reach = Some(1);
        let refused = store.save_offer(ws.id, &theirs, &as_a).await;
        assert!(
            matches!(refused, Err(ExecError::Refused(DomainError::NotYours))),
            "{}",
            ts.name
        );
        assert_eq!(
            store.offer(ws.id, theirs.id).await.unwrap().unwrap().reach,
            None
        );
        // Taking an activity over by naming itself a provider: no.
        let mut grab = inv.offers[1].clone();
        grab.providers = vec![a];
        assert!(store.save_offer(ws.id, &grab, &as_a).await.is_err());
        // Giving its own activity away to others only: no.
        let mut give = inv.offers[0].clone();
        give.providers = vec![b];
        assert!(store.save_offer(ws.id, &give, &as_a).await.is_err());
        // A shared activity it provides: yes; deleting it: no (B provides it too).
        let mut shared = inv.offers[2].clone();
        shared.description = "Samen met de club".into();
        store.save_offer(ws.id, &shared, &as_a).await.unwrap();
        let del = store
            .delete_inventory_record(ws.id, RecordKind::Offer, &shared.id.to_string(), &as_a)
            .await;
        assert!(matches!(
            del,
            Err(ExecError::Refused(DomainError::NotYours))
        ));
        // Partners, results and lists are staff's.
        let mut renamed = inv.partners[0].clone();
        renamed.name = "School Anders".into();
        assert!(store.save_partner(ws.id, &renamed, &as_a).await.is_err());
        assert!(
            store
                .save_inventory_list(ws.id, ListKind::Theme, &Lists::default().themes, &as_a)
                .await
                .is_err()
        );
        let del = store
            .delete_inventory_record(
                ws.id,
                RecordKind::Offer,
                &inv.offers[1].id.to_string(),
                &as_a,
            )
            .await;
        assert!(del.is_err());
        // A new activity of its own: yes.
        let mut new = offer(&inv, "Nieuw", &["School A"]);
        new.id = OfferId::new();
        store.save_offer(ws.id, &new, &as_a).await.unwrap();

        // Another workspace sees none of it and cannot overwrite it.
        assert!(
            store
                .inventory(other_ws.id)
                .await
                .unwrap()
                .offers
                .is_empty()
        );
        assert!(store.offer(other_ws.id, own.id).await.unwrap().is_none());
        let hijack = store
            .save_offer(other_ws.id, &own, &staff(&other_user))
            .await;
        assert!(
            hijack.is_err(),
            "{}: an id from another workspace was overwritten",
            ts.name
        );
        assert_eq!(
            store.offer(ws.id, own.id).await.unwrap().unwrap().reach,
            Some(120)
        );
        let gone = store
            .delete_inventory_record(
                other_ws.id,
                RecordKind::Offer,
                &own.id.to_string(),
                &staff(&other_user),
            )
            .await;
        assert!(matches!(gone, Ok(false)));
        assert_eq!(store.inventory(ws.id).await.unwrap().offers.len(), 4);
    }
}

#[tokio::test]
async fn references_stay_whole_and_every_change_is_logged_with_its_fields() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, user) = workspace_and_user(store, "voorbeeld").await;
        let by = staff(&user);
        let inv = seeded(store, ws.id, &by).await;
        // A partner or result in use cannot be deleted.
        let p = inv.partners[0].id.to_string();
        let del = store
            .delete_inventory_record(ws.id, RecordKind::Partner, &p, &by)
            .await;
        assert!(
            matches!(
                del,
                Err(ExecError::Refused(DomainError::InUse { count: 2 }))
            ),
            "{}: {del:?}",
            ts.name
        );
        // An activity naming a partner that does not exist is refused whole.
        let mut orphan = inv.offers[0].clone();
        orphan.id = OfferId::new();
        orphan.providers = vec![PartnerId::new()];
        assert!(store.save_offer(ws.id, &orphan, &by).await.is_err());
        assert!(store.offer(ws.id, orphan.id).await.unwrap().is_none());
        // Two partners with the same name (any case) are refused.
        let mut twin = partner("school a", &inv.lists);
        twin.id = PartnerId::new();
        let dup = store.save_partner(ws.id, &twin, &by).await;
        assert!(
            matches!(dup, Err(ExecError::Store(StoreError::Duplicate("partner")))),
            "{}",
            ts.name
        );

        // A change is logged with who and each changed field.
        let mut changed = inv.offers[1].clone();
        changed.reach = Some(300);
        changed.themes = vec!["gezondheid".into()];
        store.save_offer(ws.id, &changed, &by).await.unwrap();
        // Saving the same again logs nothing.
        store.save_offer(ws.id, &changed, &by).await.unwrap();
        let log = store
            .inventory_changes(ws.id, Some(&changed.id.to_string()), 10)
            .await
            .unwrap();
        assert_eq!(log.len(), 2, "{}: created + updated", ts.name);
        assert_eq!(log[0].action, "updated");
        assert_eq!(log[0].user_name, "Facilitator");
        let fields: Vec<_> = log[0].changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["reach", "themes"]);
        assert_eq!(log[0].changes[0].after, serde_json::json!(300));
        // Deleting is logged with the record as it was.
        store
            .delete_inventory_record(ws.id, RecordKind::Offer, &changed.id.to_string(), &by)
            .await
            .unwrap();
        let all = store.inventory_changes(ws.id, None, 100).await.unwrap();
        assert_eq!(all[0].action, "deleted");
        assert_eq!(all[0].record_name, "Sportdag");
        assert!(
            all[0]
                .changes
                .iter()
                .any(|c| c.field == "reach" && c.after.is_null())
        );
    }
}

#[tokio::test]
async fn an_invitation_makes_one_partner_account_even_when_used_twice_at_once() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, user) = workspace_and_user(store, "voorbeeld").await;
        let inv = seeded(store, ws.id, &staff(&user)).await;
        let p = inv.partners[0].id;
        store
            .create_invitation(
                ws.id,
                p,
                "Contact@School-A.example",
                user.id,
                "hash-1",
                60_000,
            )
            .await
            .unwrap();
        let (x, y) = tokio::join!(
            store.accept_invitation("hash-1", "Anna", "phc-a"),
            store.accept_invitation("hash-1", "Bert", "phc-b"),
        );
        let made: Vec<_> = [x, y].into_iter().filter_map(|r| r.unwrap()).collect();
        assert_eq!(made.len(), 1, "{}: one account per link", ts.name);
        assert_eq!(made[0].partner, Some(p));
        assert_eq!(made[0].role, koers_core::auth::Role::Partner);
        assert_eq!(made[0].email, "contact@school-a.example");
        assert!(store.invitation("hash-1").await.unwrap().unwrap().used);
        // An expired link makes nothing.
        store
            .create_invitation(ws.id, p, "laat@school-a.example", user.id, "hash-2", -1)
            .await
            .unwrap();
        assert!(
            store
                .accept_invitation("hash-2", "Carla", "phc")
                .await
                .unwrap()
                .is_none()
        );
        // Deleting the partner (once it provides nothing) removes its accounts.
        for o in &inv.offers {
            store
                .delete_inventory_record(ws.id, RecordKind::Offer, &o.id.to_string(), &staff(&user))
                .await
                .unwrap();
        }
        store
            .delete_inventory_record(ws.id, RecordKind::Partner, &p.to_string(), &staff(&user))
            .await
            .unwrap();
        assert!(
            store
                .users(ws.id)
                .await
                .unwrap()
                .iter()
                .all(|u| u.partner != Some(p))
        );
    }
}

#[tokio::test]
async fn a_read_inventory_is_kept_until_any_node_changes_it() {
    use std::sync::Arc;
    for ts in stores().await {
        let store = &ts.store;
        let (ws, user) = workspace_and_user(store, "bewaard").await;
        let inv = seeded(store, ws.id, &staff(&user)).await;
        let (v1, a1) = store.inventory_shared(ws.id).await.unwrap();
        let (v2, a2) = store.inventory_shared(ws.id).await.unwrap();
        assert_eq!(v1, v2, "{}", ts.name);
        assert!(Arc::ptr_eq(&a1, &a2), "{}: read once", ts.name);

        // Another app node, on the same database, changes an activity.
        let other = Store::open(&ts.url, koers_store::StoreOptions::default())
            .await
            .unwrap();
        let mut o = inv.offers[0].clone();
        o.reach = Some(777);
        other.save_offer(ws.id, &o, &staff(&user)).await.unwrap();
        let (v3, a3) = store.inventory_shared(ws.id).await.unwrap();
        assert!(v3 > v2 && !Arc::ptr_eq(&a2, &a3), "{}", ts.name);
        let reach = |inv: &Inventory, id| inv.offers.iter().find(|x| x.id == id).map(|x| x.reach);
        assert_eq!(reach(&a3, o.id), Some(Some(777)), "{}", ts.name);
        other.close().await;

        // A list and a deletion move it as well.
        let mut themes = Lists::default().themes;
        themes[0].label = "Opvoeden".into();
        store
            .save_inventory_list(ws.id, ListKind::Theme, &themes, &staff(&user))
            .await
            .unwrap();
        let (v4, a4) = store.inventory_shared(ws.id).await.unwrap();
        assert!(v4 > v3, "{}", ts.name);
        assert_eq!(a4.lists.themes[0].label, "Opvoeden");
        let gone = inv.offers[1].id;
        store
            .delete_inventory_record(ws.id, RecordKind::Offer, &gone.to_string(), &staff(&user))
            .await
            .unwrap();
        let (v5, a5) = store.inventory_shared(ws.id).await.unwrap();
        assert!(v5 > v4 && reach(&a5, gone).is_none(), "{}", ts.name);
        // Saving what is already there changes nothing, the version neither.
        let same = a5.offers[0].clone();
        store.save_offer(ws.id, &same, &staff(&user)).await.unwrap();
        assert_eq!(
            store.inventory_shared(ws.id).await.unwrap().0,
            v5,
            "{}",
            ts.name
        );
        // Another workspace's inventory is its own.
        let (other_ws, _) = workspace_and_user(store, "elders-bewaard").await;
        let (v0, empty) = store.inventory_shared(other_ws.id).await.unwrap();
        assert!(v0 == 0 && empty.offers.is_empty(), "{}", ts.name);
    }
}
