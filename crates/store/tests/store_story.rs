//! The storage test story, run on SQLite always and on PostgreSQL when
//! KOERS_TEST_POSTGRES_URL is set.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::DomainError;
use koers_core::answer::Answer;
use koers_core::event::{Actor, Respondent, SessionEvent};
use koers_core::ids::{ClientId, ParticipantId};
use koers_core::session::Control;
use koers_core::tally::{Tally, tally};
use koers_store::{Command, ExecError, Outcome, SessionRecord, Store};

async fn join(
    store: &Store,
    s: &SessionRecord,
    table: Option<koers_core::ids::TableId>,
) -> ParticipantId {
    let token = format!("hash-{}", uuid::Uuid::new_v4());
    match store
        .execute(
            s.id,
            Actor::System,
            Command::Join {
                token_hash: token,
                table,
                display_name: None,
                org_type: Some("school".into()),
            },
        )
        .await
        .unwrap()
        .outcome
    {
        Outcome::Joined(p) => p,
        other => panic!("unexpected {other:?}"),
    }
}

async fn submit(
    store: &Store,
    s: &SessionRecord,
    device: ParticipantId,
    client: ClientId,
    activity: koers_core::ids::ActivityId,
    answer: Answer,
) -> Result<Outcome, ExecError> {
    store
        .execute(
            s.id,
            Actor::Device(device),
            Command::Submit {
                device,
                client_id: client,
                activity,
                answer,
            },
        )
        .await
        .map(|e| e.outcome)
}

fn refused(r: Result<Outcome, ExecError>) -> DomainError {
    match r {
        Err(ExecError::Refused(e)) => e,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_poll_is_answered_changed_retried_and_closed_without_losing_or_double_counting() {
    for t in stores().await {
        let store = &t.store;
        let (ws, user) = workspace_and_user(store, "landsmeer").await;
        let s = session(store, &ws, &user).await;
        let agenda = store.agenda(s.id).await.unwrap();
        let poll = agenda.activities[0].id;
        let fac = Actor::User(user.id);
        let (a, b) = (join(store, &s, None).await, join(store, &s, None).await);

        // Not open yet: refused, nothing stored.
        let r = submit(
            store,
            &s,
            a,
            ClientId::new(),
            poll,
            Answer::Choice { option: 0 },
        )
        .await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen, "{}", t.name);

        store
            .execute(s.id, fac, Command::Control(Control::Open(poll)))
            .await
            .unwrap();
        let c1 = ClientId::new();
        let first = submit(store, &s, a, c1, poll, Answer::Choice { option: 0 })
            .await
            .unwrap();
        // The same submission again (a retry after a lost acknowledgement) is applied once.
        let again = submit(store, &s, a, c1, poll, Answer::Choice { option: 0 })
            .await
            .unwrap();
        match (&first, &again) {
            (
                Outcome::Answered {
                    seq: s1,
                    replayed: false,
                    ..
                },
                Outcome::Answered {
                    seq: s2,
                    replayed: true,
                    ..
                },
            ) => {
                assert_eq!(s1, s2, "{}", t.name)
            }
            other => panic!("{}: {other:?}", t.name),
        }
        // A changed answer replaces the first.
        submit(
            store,
            &s,
            a,
            ClientId::new(),
            poll,
            Answer::Choice { option: 2 },
        )
        .await
        .unwrap();
        submit(
            store,
            &s,
            b,
            ClientId::new(),
            poll,
            Answer::Choice { option: 2 },
        )
        .await
        .unwrap();
        // Bad input is refused with a reason and changes nothing.
        let r = submit(
            store,
            &s,
            b,
            ClientId::new(),
            poll,
            Answer::Choice { option: 9 },
        )
        .await;
        assert_eq!(refused(r), DomainError::NoSuchOption);

        let kind = &agenda.activities[0].def.kind;
        assert_eq!(
            tally(kind, 0, &store.answers(poll).await.unwrap()),
            Tally::Choice {
                counts: vec![0, 0, 2],
                respondents: 2
            },
            "{}",
            t.name
        );

        store
            .execute(s.id, fac, Command::Control(Control::Close(poll)))
            .await
            .unwrap();
        let r = submit(
            store,
            &s,
            b,
            ClientId::new(),
            poll,
            Answer::Choice { option: 1 },
        )
        .await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen);
        // A retry of an answer accepted before the close is still acknowledged as accepted.
        assert!(matches!(
            submit(store, &s, a, c1, poll, Answer::Choice { option: 0 })
                .await
                .unwrap(),
            Outcome::Answered { replayed: true, .. }
        ));
        assert_eq!(store.answers(poll).await.unwrap().len(), 2);
    }
}

#[tokio::test]
async fn the_log_has_consecutive_sequence_numbers_and_records_who_did_what() {
    for t in stores().await {
        let store = &t.store;
        let (ws, user) = workspace_and_user(store, "woerden").await;
        let s = session(store, &ws, &user).await;
        let poll = store.agenda(s.id).await.unwrap().activities[0].id;
        let p = join(store, &s, None).await;
        store
            .execute(
                s.id,
                Actor::User(user.id),
                Command::Control(Control::Open(poll)),
            )
            .await
            .unwrap();
        submit(
            store,
            &s,
            p,
            ClientId::new(),
            poll,
            Answer::Choice { option: 1 },
        )
        .await
        .unwrap();
        // Opening again changes nothing and logs nothing.
        let noop = store
            .execute(
                s.id,
                Actor::User(user.id),
                Command::Control(Control::Open(poll)),
            )
            .await
            .unwrap();
        assert!(noop.events.is_empty());

        let events = store.events_after(s.id, 0, 1000).await.unwrap();
        let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
        assert_eq!(
            seqs,
            (1..=events.len() as i64).collect::<Vec<_>>(),
            "{}",
            t.name
        );
        assert_eq!(
            store.session(s.id).await.unwrap().unwrap().last_seq,
            events.len() as i64
        );
        assert!(matches!(
            events[0].event,
            SessionEvent::SessionCreated { .. }
        ));
        let last = events.last().unwrap();
        assert_eq!(last.actor, Actor::Device(p));
        assert!(
            matches!(last.event, SessionEvent::AnswerSubmitted { respondent: Respondent::Participant(x), .. } if x == p)
        );
        // Resuming from the middle gives exactly the rest.
        let tail = store.events_after(s.id, 3, 1000).await.unwrap();
        assert_eq!(tail.first().map(|e| e.seq), Some(4));
        assert_eq!(tail.len(), events.len() - 3);
    }
}

#[tokio::test]
async fn tablets_answer_for_their_table_and_phones_cannot_answer_table_questions() {
    for t in stores().await {
        let store = &t.store;
        let (ws, user) = workspace_and_user(store, "neo").await;
        let s = session(store, &ws, &user).await;
        let agenda = store.agenda(s.id).await.unwrap();
        let table_poll = agenda.activities[2].id;
        let tables = store.tables(s.id).await.unwrap();
        assert_eq!(tables.len(), 2);
        let tablet1 = join(store, &s, Some(tables[0].id)).await;
        let tablet1b = join(store, &s, Some(tables[0].id)).await;
        let phone = join(store, &s, None).await;
        store
            .execute(
                s.id,
                Actor::User(user.id),
                Command::Control(Control::Open(table_poll)),
            )
            .await
            .unwrap();

        let r = submit(
            store,
            &s,
            phone,
            ClientId::new(),
            table_poll,
            Answer::Choice { option: 0 },
        )
        .await;
        assert_eq!(refused(r), DomainError::ForTablesOnly, "{}", t.name);
        submit(
            store,
            &s,
            tablet1,
            ClientId::new(),
            table_poll,
            Answer::Choice { option: 0 },
        )
        .await
        .unwrap();
        // A second tablet at the same table changes the table's answer; it does not add one.
        submit(
            store,
            &s,
            tablet1b,
            ClientId::new(),
            table_poll,
            Answer::Choice { option: 1 },
        )
        .await
        .unwrap();
        let answers = store.answers(table_poll).await.unwrap();
        assert_eq!(answers, vec![Answer::Choice { option: 1 }], "{}", t.name);
        let own = store
            .own_answers(s.id, &Respondent::Table(tables[0].id))
            .await
            .unwrap();
        assert_eq!(own.get(&table_poll), Some(&Answer::Choice { option: 1 }));
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!((live.counts.phones, live.counts.tablets), (1, 2));
    }
}

#[tokio::test]
async fn withdrawing_removes_the_answer_and_a_locked_session_accepts_nothing() {
    for t in stores().await {
        let store = &t.store;
        let (ws, user) = workspace_and_user(store, "midden-drenthe").await;
        let s = session(store, &ws, &user).await;
        let cloud = store.agenda(s.id).await.unwrap().activities[1].id;
        let p = join(store, &s, None).await;
        let fac = Actor::User(user.id);
        store
            .execute(s.id, fac, Command::Control(Control::Open(cloud)))
            .await
            .unwrap();
        submit(
            store,
            &s,
            p,
            ClientId::new(),
            cloud,
            Answer::Words {
                words: vec!["Samen".into()],
            },
        )
        .await
        .unwrap();
        let w = ClientId::new();
        let withdraw = |c| Command::Withdraw {
            device: p,
            client_id: c,
            activity: cloud,
        };
        store
            .execute(s.id, Actor::Device(p), withdraw(w))
            .await
            .unwrap();
        assert!(store.answers(cloud).await.unwrap().is_empty(), "{}", t.name);
        // Retried withdrawal: same outcome, no error.
        let again = store
            .execute(s.id, Actor::Device(p), withdraw(w))
            .await
            .unwrap();
        assert!(matches!(
            again.outcome,
            Outcome::Withdrawn { replayed: true, .. }
        ));
        let r = store
            .execute(s.id, Actor::Device(p), withdraw(ClientId::new()))
            .await;
        assert!(matches!(
            r,
            Err(ExecError::Refused(DomainError::NothingToWithdraw))
        ));

        store
            .execute(s.id, fac, Command::Control(Control::Lock))
            .await
            .unwrap();
        let r = submit(
            store,
            &s,
            p,
            ClientId::new(),
            cloud,
            Answer::Words {
                words: vec!["x".into()],
            },
        )
        .await;
        assert_eq!(refused(r), DomainError::SessionLocked);
        let r = store
            .execute(
                s.id,
                Actor::System,
                Command::Join {
                    token_hash: "late".into(),
                    table: None,
                    display_name: None,
                    org_type: None,
                },
            )
            .await;
        assert!(matches!(
            r,
            Err(ExecError::Refused(DomainError::SessionLocked))
        ));
    }
}

#[tokio::test]
async fn answers_racing_with_the_close_are_either_acknowledged_and_counted_or_refused() {
    for t in stores().await {
        let store = t.store.clone();
        let (ws, user) = workspace_and_user(&store, "race").await;
        let s = session(&store, &ws, &user).await;
        let poll = store.agenda(s.id).await.unwrap().activities[0].id;
        let mut devices = Vec::new();
        for _ in 0..120 {
            devices.push(join(&store, &s, None).await);
        }
        store
            .execute(
                s.id,
                Actor::User(user.id),
                Command::Control(Control::Open(poll)),
            )
            .await
            .unwrap();
        let mut tasks = tokio::task::JoinSet::new();
        for (i, d) in devices.iter().copied().enumerate() {
            let (store, s) = (store.clone(), s.clone());
            tasks.spawn(async move {
                tokio::time::sleep(std::time::Duration::from_micros((i as u64 % 40) * 150)).await;
                submit(
                    &store,
                    &s,
                    d,
                    ClientId::new(),
                    poll,
                    Answer::Choice {
                        option: (i % 3) as u32,
                    },
                )
                .await
            });
        }
        let closer = {
            let store = store.clone();
            tokio::spawn(async move {
                tokio::time::sleep(std::time::Duration::from_millis(3)).await;
                store
                    .execute(
                        s.id,
                        Actor::User(user.id),
                        Command::Control(Control::Close(poll)),
                    )
                    .await
                    .unwrap()
            })
        };
        let mut accepted = 0;
        let mut refused_n = 0;
        while let Some(r) = tasks.join_next().await {
            match r.unwrap() {
                Ok(Outcome::Answered { .. }) => accepted += 1,
                Err(ExecError::Refused(DomainError::ActivityNotOpen)) => refused_n += 1,
                other => panic!("{}: {other:?}", t.name),
            }
        }
        closer.await.unwrap();
        assert_eq!(accepted + refused_n, 120);
        assert_eq!(
            store.answers(poll).await.unwrap().len(),
            accepted,
            "{}: every acknowledged answer is counted, no other",
            t.name
        );
    }
}

#[tokio::test]
async fn one_workspace_never_sees_another_workspaces_sessions() {
    for t in stores().await {
        let store = &t.store;
        let (ws1, u1) = workspace_and_user(store, "een").await;
        let (ws2, _) = workspace_and_user(store, "twee").await;
        let s = session(store, &ws1, &u1).await;
        assert!(store.session_in(ws1.id, s.id).await.unwrap().is_some());
        assert!(
            store.session_in(ws2.id, s.id).await.unwrap().is_none(),
            "{}",
            t.name
        );
        assert!(store.sessions(ws2.id).await.unwrap().is_empty());
        assert_eq!(store.sessions(ws1.id).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn editing_a_poll_that_has_answers_may_relabel_but_not_change_its_options() {
    for t in stores().await {
        let store = &t.store;
        let (ws, user) = workspace_and_user(store, "edit").await;
        let s = session(store, &ws, &user).await;
        let poll = store.agenda(s.id).await.unwrap().activities[0].id;
        let p = join(store, &s, None).await;
        let fac = Actor::User(user.id);
        store
            .execute(s.id, fac, Command::Control(Control::Open(poll)))
            .await
            .unwrap();
        submit(
            store,
            &s,
            p,
            ClientId::new(),
            poll,
            Answer::Choice { option: 0 },
        )
        .await
        .unwrap();
        let relabel = single_choice("Waar werkt u nu?", &["Onderwijs", "GGD", "Gemeente"]);
        store
            .execute(
                s.id,
                fac,
                Command::EditActivity {
                    activity: poll,
                    def: relabel,
                },
            )
            .await
            .unwrap();
        let more = single_choice("Waar werkt u?", &["Onderwijs", "GGD", "Gemeente", "Sport"]);
        let r = store
            .execute(
                s.id,
                fac,
                Command::EditActivity {
                    activity: poll,
                    def: more,
                },
            )
            .await;
        assert!(
            matches!(r, Err(ExecError::Refused(DomainError::HasAnswers))),
            "{}",
            t.name
        );
        let r = store
            .execute(s.id, fac, Command::RemoveActivity { activity: poll })
            .await;
        assert!(matches!(
            r,
            Err(ExecError::Refused(DomainError::HasAnswers))
        ));
        assert_eq!(
            store.agenda(s.id).await.unwrap().activities[0].def.title,
            "Waar werkt u nu?"
        );
    }
}

#[tokio::test]
async fn deleting_a_session_removes_everything_in_it_and_leaves_an_audit_record() {
    for t in stores().await {
        let store = &t.store;
        let (ws, user) = workspace_and_user(store, "avg").await;
        let keep = session(store, &ws, &user).await;
        let gone = session(store, &ws, &user).await;
        for s in [&keep, &gone] {
            let poll = store.agenda(s.id).await.unwrap().activities[0].id;
            let p = join(store, s, None).await;
            store
                .execute(
                    s.id,
                    Actor::User(user.id),
                    Command::Control(Control::Open(poll)),
                )
                .await
                .unwrap();
            submit(
                store,
                s,
                p,
                ClientId::new(),
                poll,
                Answer::Choice { option: 0 },
            )
            .await
            .unwrap();
        }
        let (other_ws, other_user) = workspace_and_user(store, "ander").await;
        assert!(
            !store
                .delete_session(other_ws.id, gone.id, other_user.id)
                .await
                .unwrap(),
            "{}: not across workspaces",
            t.name
        );
        assert!(store.delete_session(ws.id, gone.id, user.id).await.unwrap());
        assert!(store.session(gone.id).await.unwrap().is_none());
        assert!(store.events_after(gone.id, 0, 10).await.unwrap().is_empty());
        assert!(store.agenda(gone.id).await.unwrap().activities.is_empty());
        let kept = store.agenda(keep.id).await.unwrap();
        assert_eq!(
            store.answers(kept.activities[0].id).await.unwrap().len(),
            1,
            "{}: the other session is untouched",
            t.name
        );
        let audit = store.audit_log(ws.id, 10).await.unwrap();
        assert_eq!(audit[0].action, "session_deleted");
        assert_eq!(audit[0].subject, gone.id.to_string());
        assert_eq!(audit[0].user_id, Some(user.id));
        assert!(store.audit_log(other_ws.id, 10).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn the_organisation_list_can_be_edited_and_keeps_the_keys_of_labels_that_stay() {
    for t in stores().await {
        let store = &t.store;
        let (ws, user) = workspace_and_user(store, "orgs").await;
        let s = session(store, &ws, &user).await;
        let labels = vec!["Onderwijs".to_string(), "Welzijn".to_string()];
        store
            .execute(s.id, Actor::User(user.id), Command::SetOrgTypes { labels })
            .await
            .unwrap();
        let s2 = store.session(s.id).await.unwrap().unwrap();
        let keys: Vec<&str> = s2.org_types.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, vec!["school", "welzijn"], "{}", t.name);
        let r = store
            .execute(
                s.id,
                Actor::System,
                Command::Join {
                    token_hash: "h".into(),
                    table: None,
                    display_name: None,
                    org_type: Some("ggd".into()),
                },
            )
            .await;
        assert!(matches!(
            r,
            Err(ExecError::Refused(DomainError::UnknownOrgType))
        ));
    }
}
