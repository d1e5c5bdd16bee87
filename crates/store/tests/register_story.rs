//! The stakeholder register's storage: contacts belong to the workspace's own
//! partners, groups hold the workspace's own contacts once, conversations
//! name only known people, erasing a person removes it everywhere and
//! nothing else, and deleting a partner leaves its people unattached. Run on
//! SQLite always and on PostgreSQL when KOERS_TEST_POSTGRES_URL is set.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::DomainError;
use koers_core::ids::{ContactId, ConversationId, GroupId, PartnerId};
use koers_core::inventory::{Lists, PartnerInput};
use koers_core::register::{ContactInput, ConversationInput, GroupInput};
use koers_store::{Editor, Erased, ExecError, RecordKind, Store, StoreError};

fn contact(name: &str, partner: Option<PartnerId>) -> koers_core::register::Contact {
    let known: Vec<PartnerId> = partner.into_iter().collect();
    ContactInput {
        name: name.into(),
        partner: partner.map(|p| p.to_string()).unwrap_or_default(),
        email: format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
        ..ContactInput::default()
    }
    .validate(ContactId::new(), &known)
    .unwrap()
}

fn group(name: &str, core: bool) -> koers_core::register::Group {
    GroupInput {
        name: name.into(),
        core: if core { "on".into() } else { String::new() },
        ..GroupInput::default()
    }
    .validate(GroupId::new())
    .unwrap()
}

async fn partner(store: &Store, ws: koers_core::ids::WorkspaceId, by: &Editor) -> PartnerId {
    let p = PartnerInput {
        name: "OBS De Regenboog".into(),
        kind: "school".into(),
        role: "partner".into(),
        ..PartnerInput::default()
    }
    .validate(PartnerId::new(), &Lists::default())
    .unwrap();
    store.save_partner(ws, &p, by).await.unwrap();
    p.id
}

fn staff(user: &koers_store::User) -> Editor {
    Editor {
        user: user.id,
        name: user.name.clone(),
        partner: None,
    }
}

#[tokio::test]
async fn the_register_keeps_to_its_workspace_and_counts_members_once() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, user) = workspace_and_user(store, "voorbeeld").await;
        let (other, other_user) = workspace_and_user(store, "elders").await;
        let p = partner(store, ws.id, &staff(&user)).await;
        let theirs = partner(store, other.id, &staff(&other_user)).await;

        let fatma = contact("Fatma Yilmaz", Some(p));
        let bram = contact("Bram de Vries", None);
        store.save_contact(ws.id, &fatma).await.unwrap();
        store.save_contact(ws.id, &bram).await.unwrap();
        // A contact of another workspace's partner: refused, nothing kept.
        let stray = contact("Iemand Anders", Some(theirs));
        let refused = store.save_contact(ws.id, &stray).await;
        assert!(
            matches!(refused, Err(ExecError::Refused(DomainError::NotFound))),
            "{}",
            ts.name
        );

        let core = group("Kerngroep", true);
        let board = group("Jongerenpanel", false);
        store.save_group(ws.id, &board).await.unwrap();
        store.save_group(ws.id, &core).await.unwrap();
        // The same name, folded, is refused.
        let twin = group("kerngroep ", false);
        assert!(matches!(
            store.save_group(ws.id, &twin).await,
            Err(ExecError::Store(StoreError::Duplicate(_)))
        ));
        // Renaming a group to its own name is fine.
        store.save_group(ws.id, &core).await.unwrap();

        // Adding twice counts once; a contact of another workspace refuses
        // the whole call and changes nothing.
        let added = store
            .set_members(ws.id, core.id, &[fatma.id, bram.id], true)
            .await
            .unwrap();
        assert_eq!(added, 2, "{}", ts.name);
        let again = store
            .set_members(ws.id, core.id, &[fatma.id], true)
            .await
            .unwrap();
        assert_eq!(again, 0);
        let elsewhere = contact("Buiten Beeld", None);
        store.save_contact(other.id, &elsewhere).await.unwrap();
        assert!(
            store
                .set_members(ws.id, board.id, &[bram.id, elsewhere.id], true)
                .await
                .is_err()
        );
        // Another workspace cannot use this workspace's group either.
        assert!(
            store
                .set_members(other.id, core.id, &[elsewhere.id], true)
                .await
                .is_err()
        );

        let reg = store.register(ws.id).await.unwrap();
        assert_eq!(
            reg.contacts
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>(),
            ["Bram de Vries", "Fatma Yilmaz"]
        );
        assert_eq!(
            reg.groups
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>(),
            ["Kerngroep", "Jongerenpanel"],
            "the core group leads"
        );
        assert_eq!(reg.members_of(core.id).len(), 2);
        assert!(reg.members_of(board.id).is_empty());
        assert_eq!(reg.contacts_of(p).len(), 1);
        assert!(store.register(other.id).await.unwrap().groups.is_empty());

        let removed = store
            .set_members(ws.id, core.id, &[bram.id], false)
            .await
            .unwrap();
        assert_eq!(removed, 1);
        assert_eq!(
            store
                .register(ws.id)
                .await
                .unwrap()
                .members_of(core.id)
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn erasing_a_person_removes_it_everywhere_and_nothing_else() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, user) = workspace_and_user(store, "voorbeeld").await;
        let p = partner(store, ws.id, &staff(&user)).await;
        let fatma = contact("Fatma Yilmaz", Some(p));
        let bram = contact("Bram de Vries", Some(p));
        store.save_contact(ws.id, &fatma).await.unwrap();
        store.save_contact(ws.id, &bram).await.unwrap();
        let core = group("Kerngroep", true);
        store.save_group(ws.id, &core).await.unwrap();
        store
            .set_members(ws.id, core.id, &[fatma.id, bram.id], true)
            .await
            .unwrap();
        let people = [fatma.id, bram.id];
        let both = ConversationInput {
            date: "2026-03-14".into(),
            partner: p.to_string(),
            contacts: people.iter().map(|c| c.to_string()).collect(),
            topic: "Verdiepend gesprek".into(),
            notes: "Over de overgang naar het voortgezet onderwijs.".into(),
            ..ConversationInput::default()
        }
        .validate(ConversationId::new(), &[p], &people)
        .unwrap();
        let only_bram = ConversationInput {
            date: "2026-04-02".into(),
            contacts: vec![bram.id.to_string()],
            topic: "Terugkoppeling".into(),
            ..ConversationInput::default()
        }
        .validate(ConversationId::new(), &[p], &people)
        .unwrap();
        store
            .save_conversation(ws.id, &both, user.id)
            .await
            .unwrap();
        store
            .save_conversation(ws.id, &only_bram, user.id)
            .await
            .unwrap();

        let erased = store.erase_contact(ws.id, fatma.id, user.id).await.unwrap();
        assert_eq!(
            erased,
            Some(Erased {
                memberships: 1,
                conversations: 1
            }),
            "{}",
            ts.name
        );
        let reg = store.register(ws.id).await.unwrap();
        assert!(reg.contact(fatma.id).is_none());
        assert!(reg.members.iter().all(|(_, c)| *c != fatma.id));
        assert!(
            reg.conversations
                .iter()
                .all(|c| !c.contacts.contains(&fatma.id))
        );
        // Everything else stays: Bram, his membership, both conversations.
        assert!(reg.contact(bram.id).is_some());
        assert_eq!(reg.members_of(core.id).len(), 1);
        assert_eq!(reg.conversations.len(), 2);
        assert_eq!(reg.conversations[0].id, only_bram.id, "newest first");
        assert_eq!(reg.conversations[1].contacts, vec![bram.id]);
        assert_eq!(reg.conversations[1].notes, both.notes);
        // The audit log says it happened without naming her.
        let log = store.audit_log(ws.id, 10).await.unwrap();
        let entry = log.iter().find(|e| e.action == "contact_erased").unwrap();
        assert_eq!(entry.subject, fatma.id.to_string());
        assert!(!entry.detail.contains("Fatma"));
        // The search for her finds nothing now; erasing again finds nothing.
        assert_eq!(
            store.erase_contact(ws.id, fatma.id, user.id).await.unwrap(),
            None
        );
        // A conversation cannot bring an erased person back.
        let mut back = only_bram.clone();
        back.contacts.push(fatma.id);
        assert!(matches!(
            store.save_conversation(ws.id, &back, user.id).await,
            Err(ExecError::Refused(DomainError::NotFound))
        ));
    }
}

#[tokio::test]
async fn deleting_a_partner_leaves_its_people_without_an_organisation() {
    for ts in stores().await {
        let store = &ts.store;
        let (ws, user) = workspace_and_user(store, "voorbeeld").await;
        let by = staff(&user);
        let p = partner(store, ws.id, &by).await;
        let fatma = contact("Fatma Yilmaz", Some(p));
        store.save_contact(ws.id, &fatma).await.unwrap();
        let talk = ConversationInput {
            date: "2026-03-14".into(),
            partner: p.to_string(),
            contacts: vec![fatma.id.to_string()],
            topic: "Kennismaking".into(),
            ..ConversationInput::default()
        }
        .validate(ConversationId::new(), &[p], &[fatma.id])
        .unwrap();
        store
            .save_conversation(ws.id, &talk, user.id)
            .await
            .unwrap();
        assert!(
            store
                .delete_inventory_record(ws.id, RecordKind::Partner, &p.to_string(), &by)
                .await
                .unwrap()
        );
        let reg = store.register(ws.id).await.unwrap();
        assert_eq!(reg.contact(fatma.id).unwrap().partner, None, "{}", ts.name);
        assert_eq!(reg.conversations[0].partner, None);
        assert_eq!(reg.conversations[0].contacts, vec![fatma.id]);
        assert!(reg.contacts_of(p).is_empty());
        // Deleting a group keeps its people.
        let g = group("Kerngroep", true);
        store.save_group(ws.id, &g).await.unwrap();
        store
            .set_members(ws.id, g.id, &[fatma.id], true)
            .await
            .unwrap();
        assert!(store.delete_group(ws.id, g.id).await.unwrap());
        assert!(!store.delete_group(ws.id, g.id).await.unwrap());
        let reg = store.register(ws.id).await.unwrap();
        assert!(reg.members.is_empty());
        assert_eq!(reg.contacts.len(), 1);
    }
}
