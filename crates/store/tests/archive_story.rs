//! The session archive as a story through the store: a whole evening is
//! exported, imported into another installation (SQLite and PostgreSQL,
//! either way) and twice into the same one, and exported again. The two
//! archives are equal but for the new ids, join code and export time, every
//! read of the copy gives what the original gives, and the copy carries on
//! where the original stopped. Damaged or foreign archives are refused and
//! change nothing. Run on SQLite always and on PostgreSQL when
//! KOERS_TEST_POSTGRES_URL is set.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::activity::{ActivityDef, ActivityKind, Audience};
use koers_core::answer::{Agreement, Answer, Verdict};
use koers_core::board::BoardOp;
use koers_core::cover::Cover;
use koers_core::doc::PitchAction;
use koers_core::event::{Actor, Respondent};
use koers_core::ids::{ActivityId, CategoryId, ClientId, ItemId, ParticipantId, SessionId};
use koers_core::items::{ItemDetail, ItemDraft, Moderation, Tone};
use koers_core::session::Control;
use koers_core::vote::VoteMethod;
use koers_store::archive::{ArchiveError, FORMAT, SessionArchive, VERSION};
use koers_store::{Command, Outcome, Store, User, Workspace};
use sqlx::{Connection, Row};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;
use uuid::Uuid;

// ---------------------------------------------------------------------------
// A whole evening

/// A session that has been through everything an evening does.
struct Evening {
    ws: Workspace,
    s: SessionId,
    /// The activities in agenda order.
    activities: Vec<ActivityId>,
    /// The hashes of the devices' secret tokens.
    token_hashes: Vec<String>,
    /// A phone that answered and added items.
    phone: ParticipantId,
}

struct Driver<'a> {
    store: &'a Store,
    s: SessionId,
    fac: Actor,
}

impl Driver<'_> {
    async fn fac(&self, cmd: Command) -> Outcome {
        self.store
            .execute(self.s, self.fac, cmd)
            .await
            .unwrap()
            .outcome
    }

    async fn control(&self, c: Control) {
        self.fac(Command::Control(c)).await;
    }

    async fn device(&self, d: ParticipantId, cmd: Command) -> Outcome {
        self.store
            .execute(self.s, Actor::Device(d), cmd)
            .await
            .unwrap()
            .outcome
    }

    async fn add(
        &self,
        step: koers_core::ids::StepId,
        title: &str,
        kind: ActivityKind,
        audience: Audience,
    ) -> ActivityId {
        match self
            .fac(Command::AddActivity {
                step,
                def: ActivityDef::new(title, kind, audience).unwrap(),
                id: None,
            })
            .await
        {
            Outcome::Activity(id) => id,
            other => panic!("unexpected {other:?}"),
        }
    }

    async fn join(
        &self,
        table: Option<koers_core::ids::TableId>,
        org: &str,
        hashes: &mut Vec<String>,
    ) -> ParticipantId {
        let hash = format!("hash-{}", Uuid::new_v4());
        hashes.push(hash.clone());
        match self
            .store
            .execute(
                self.s,
                Actor::System,
                Command::Join {
                    token_hash: hash,
                    table,
                    display_name: None,
                    org_type: Some(org.into()),
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

    async fn answer(&self, d: ParticipantId, activity: ActivityId, answer: Answer) {
        self.device(
            d,
            Command::Submit {
                device: d,
                client_id: ClientId::new(),
                activity,
                answer,
            },
        )
        .await;
    }

    async fn contribute(&self, d: ParticipantId, activity: ActivityId, draft: ItemDraft) -> ItemId {
        match self
            .device(
                d,
                Command::Contribute {
                    device: d,
                    client_id: ClientId::new(),
                    activity,
                    draft,
                },
            )
            .await
        {
            Outcome::Item { item, .. } => item,
            other => panic!("unexpected {other:?}"),
        }
    }

    async fn mark(&self, d: ParticipantId, item: ItemId, on: bool) {
        self.device(
            d,
            Command::Mark {
                device: d,
                client_id: ClientId::new(),
                item,
                on,
            },
        )
        .await;
    }
}

fn plain(text: &str) -> ItemDraft {
    ItemDraft {
        text: text.into(),
        detail: ItemDetail::Plain,
    }
}

fn action(topic: u32, text: &str) -> ItemDraft {
    ItemDraft {
        text: text.into(),
        detail: ItemDetail::Action {
            topic,
            so_that: "jongeren dichtbij huis sporten".into(),
            who: "Sportbedrijf".into(),
            by_when: "zomer".into(),
            needs: "sleutels".into(),
        },
    }
}

/// Polls, a quiz with its leaderboard, the goal, an idea wall with every
/// kind of item change, categorising with undo, a dot vote, a final action
/// list with commitments, moderated questions with up-votes, a pitch round,
/// a removed activity, a renamed table, and a locked session.
async fn evening(store: &Store, slug: &str) -> Evening {
    let (ws, user): (Workspace, User) = workspace_and_user(store, slug).await;
    let record = session(store, &ws, &user).await;
    let d = Driver {
        store,
        s: record.id,
        fac: Actor::User(user.id),
    };
    let polls = store.agenda(record.id).await.unwrap().ordered_ids();
    let tables: Vec<_> = store
        .tables(record.id)
        .await
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    let step = match d
        .fac(Command::AddStep {
            title: "Van idee naar actie".into(),
        })
        .await
    {
        Outcome::Step(s) => s,
        other => panic!("unexpected {other:?}"),
    };
    d.fac(Command::SetCover(Cover {
        held_on: Some("2026-03-12".into()),
        place: "Dorpshuis De Kern".into(),
        facilitator: "Petra Jansen".into(),
    }))
    .await;
    d.fac(Command::RenameTable {
        table: tables[1],
        name: "Tafel Zuid".into(),
    })
    .await;
    let quiz = d
        .add(
            step,
            "Hoeveel jongeren sporten wekelijks?",
            ActivityKind::Quiz {
                options: vec![
                    "Een kwart".into(),
                    "De helft".into(),
                    "Bijna allemaal".into(),
                ],
                correct: vec![1],
                explanation: "Ruim de helft.".into(),
                source: "CBS".into(),
                scored: true,
            },
            Audience::Individuals,
        )
        .await;
    let estimate = d
        .add(
            step,
            "Hoeveel procent voelt zich veilig?",
            ActivityKind::Estimate {
                value: 40.5,
                unit: "%".into(),
                explanation: String::new(),
                source: "Jeugdmonitor".into(),
                scored: true,
            },
            Audience::Individuals,
        )
        .await;
    let goal = d
        .add(
            step,
            "Ons doel",
            ActivityKind::Goal {
                wordings: vec!["Alle jongeren sporten".into(), "Iedereen doet mee".into()],
            },
            Audience::Individuals,
        )
        .await;
    let wall = d
        .add(
            step,
            "Ideeën",
            ActivityKind::IdeaWall { max_chars: 200 },
            Audience::Everyone,
        )
        .await;
    let cat = d
        .add(
            step,
            "Thema's",
            ActivityKind::Categorise { source: wall },
            Audience::Individuals,
        )
        .await;
    let vote = d
        .add(
            step,
            "Waar beginnen we?",
            ActivityKind::Prioritise {
                source: cat,
                method: VoteMethod::Dots {
                    dots: 3,
                    max_per_item: 2,
                },
            },
            Audience::Individuals,
        )
        .await;
    let acts = d
        .add(
            step,
            "Wie doet wat?",
            ActivityKind::Actions {
                source: vote,
                top_k: 2,
            },
            Audience::Everyone,
        )
        .await;
    let questions = d
        .add(
            step,
            "Vragen",
            ActivityKind::Questions { moderated: true },
            Audience::Individuals,
        )
        .await;
    let pitches = d
        .add(
            step,
            "Pitches",
            ActivityKind::Pitches {
                speakers: vec!["Team Noord".into(), "Team Zuid".into()],
                seconds: 60,
            },
            Audience::Everyone,
        )
        .await;
    // An activity that is gone: its id lives on in the log only.
    let gone = d
        .add(
            step,
            "Weg ermee",
            ActivityKind::OpenText { max_chars: 100 },
            Audience::Individuals,
        )
        .await;
    d.fac(Command::RemoveActivity { activity: gone }).await;

    let mut hashes = Vec::new();
    let p1 = d.join(None, "school", &mut hashes).await;
    let p2 = d.join(None, "ggd", &mut hashes).await;
    let p3 = d.join(None, "school", &mut hashes).await;
    let t1 = d.join(Some(tables[0]), "school", &mut hashes).await;
    let t2 = d.join(Some(tables[1]), "ggd", &mut hashes).await;
    d.device(
        p2,
        Command::UpdateProfile {
            device: p2,
            display_name: Some("Bram".into()),
            org_type: Some("ggd".into()),
        },
    )
    .await;

    // Polls: a changed answer, words from a phone and a tablet, tables.
    d.control(Control::Open(polls[0])).await;
    for (p, o) in [(p1, 0), (p2, 1), (p3, 2), (p2, 2)] {
        d.answer(p, polls[0], Answer::Choice { option: o }).await;
    }
    d.control(Control::Close(polls[0])).await;
    d.control(Control::Open(polls[1])).await;
    d.answer(
        p1,
        polls[1],
        Answer::Words {
            words: vec!["Sport".into(), "samen".into()],
        },
    )
    .await;
    d.answer(
        t1,
        polls[1],
        Answer::Words {
            words: vec!["sport".into()],
        },
    )
    .await;
    d.control(Control::Open(polls[2])).await;
    d.answer(t1, polls[2], Answer::Choice { option: 0 }).await;
    d.answer(t2, polls[2], Answer::Choice { option: 1 }).await;
    d.control(Control::ShowResults(polls[2])).await;

    // The quiz, revealed: the leaderboard has something to show.
    d.control(Control::Open(quiz)).await;
    for (p, o) in [(p1, 1), (p2, 0), (p3, 1)] {
        d.answer(p, quiz, Answer::Choice { option: o }).await;
    }
    d.control(Control::Open(estimate)).await;
    for (p, v) in [(p1, 30.25), (p2, 40.5), (p3, 99.0)] {
        d.answer(p, estimate, Answer::Number { value: v }).await;
    }
    d.control(Control::Reveal(quiz)).await;
    d.control(Control::Reveal(estimate)).await;

    // The goal, agreed.
    d.control(Control::Open(goal)).await;
    for (p, l) in [(p1, Agreement::Agree), (p2, Agreement::Object)] {
        d.answer(
            p,
            goal,
            Answer::Consent {
                verdicts: vec![
                    Verdict {
                        level: l,
                        reason: "Omdat het kan".into(),
                    },
                    Verdict {
                        level: Agreement::LiveWith,
                        reason: String::new(),
                    },
                ],
            },
        )
        .await;
    }
    d.fac(Command::AgreeGoal {
        activity: goal,
        wording: 0,
    })
    .await;

    // The idea wall: revised, withdrawn, hidden and merged ideas.
    d.control(Control::Open(wall)).await;
    let sport = d.contribute(p1, wall, plain("Sportclubs open")).await;
    let coach = d.contribute(t1, wall, plain("Straatcoaches")).await;
    let ouders = d.contribute(p1, wall, plain("Ouderavond")).await;
    let kooi = d.contribute(t1, wall, plain("Voetbalkooi")).await;
    let weg = d.contribute(p3, wall, plain("Nog een idee")).await;
    let stout = d.contribute(p2, wall, plain("Iets ongepasts")).await;
    let dubbel = d.contribute(p3, wall, plain("Sportclubs openen")).await;
    let fac_idea = match d
        .fac(Command::AddItem {
            activity: wall,
            draft: plain("Jongerenraad"),
        })
        .await
    {
        Outcome::Item { item, .. } => item,
        other => panic!("unexpected {other:?}"),
    };
    d.device(
        p1,
        Command::ReviseOwn {
            device: p1,
            client_id: ClientId::new(),
            item: ouders,
            draft: plain("Ouderavond over sport"),
        },
    )
    .await;
    d.device(
        p3,
        Command::WithdrawOwn {
            device: p3,
            client_id: ClientId::new(),
            item: weg,
        },
    )
    .await;
    d.fac(Command::Moderate {
        item: stout,
        moderation: Moderation::Hide,
    })
    .await;
    d.fac(Command::MergeItems {
        from: dubbel,
        into: sport,
    })
    .await;
    d.fac(Command::WallLayout {
        activity: wall,
        by_author: true,
    })
    .await;
    d.control(Control::Close(wall)).await;

    // Categorising, with a step undone.
    let (c_sport, c_veilig, c_extra) = (CategoryId::new(), CategoryId::new(), CategoryId::new());
    for op in [
        BoardOp::Create {
            id: c_sport,
            name: "Sport".into(),
        },
        BoardOp::Create {
            id: c_veilig,
            name: "Veiligheid".into(),
        },
        BoardOp::Move {
            item: sport,
            to: Some(c_sport),
        },
        BoardOp::Move {
            item: coach,
            to: Some(c_veilig),
        },
        BoardOp::Create {
            id: c_extra,
            name: "Vergeten".into(),
        },
        BoardOp::Remove { id: c_extra },
        BoardOp::Rename {
            id: c_veilig,
            name: "Veilig op straat".into(),
        },
    ] {
        d.fac(Command::Board { activity: cat, op }).await;
    }
    d.fac(Command::UndoBoard { activity: cat }).await;
    for op in [
        BoardOp::Move {
            item: kooi,
            to: Some(c_sport),
        },
        BoardOp::Move {
            item: fac_idea,
            to: Some(c_veilig),
        },
    ] {
        d.fac(Command::Board { activity: cat, op }).await;
    }

    // The vote over the categories, and actions for the top two.
    d.control(Control::Open(vote)).await;
    for (p, points) in [(p1, vec![2, 1]), (p2, vec![0, 2]), (p3, vec![1, 1])] {
        d.answer(p, vote, Answer::Allocation { points }).await;
    }
    d.control(Control::Close(vote)).await;
    d.control(Control::Open(acts)).await;
    let a0 = d
        .contribute(t1, acts, action(0, "We openen de gymzaal"))
        .await;
    let a1 = d
        .contribute(p1, acts, action(1, "We zetten coaches in"))
        .await;
    for p in [p2, p3] {
        d.mark(p, a0, true).await;
    }
    d.mark(p1, a1, true).await;
    d.mark(p3, a1, true).await;
    d.mark(p3, a1, false).await;
    d.fac(Command::Finalise {
        activity: acts,
        finalised: true,
    })
    .await;

    // Questions from the floor, approved and up-voted.
    d.control(Control::Open(questions)).await;
    let q = d.contribute(p1, questions, plain("Wie betaalt dit?")).await;
    d.fac(Command::Moderate {
        item: q,
        moderation: Moderation::Show,
    })
    .await;
    d.mark(p2, q, true).await;
    d.mark(p3, q, true).await;
    d.fac(Command::Moderate {
        item: q,
        moderation: Moderation::Answered,
    })
    .await;

    // A pitch round, paused with feedback.
    d.control(Control::Open(pitches)).await;
    d.fac(Command::Pitch {
        activity: pitches,
        action: PitchAction::Start { speaker: 1 },
    })
    .await;
    d.contribute(
        p2,
        pitches,
        ItemDraft {
            text: "Sterk verhaal".into(),
            detail: ItemDetail::Feedback {
                speaker: 1,
                tone: Tone::Success,
            },
        },
    )
    .await;
    d.fac(Command::Pitch {
        activity: pitches,
        action: PitchAction::Pause,
    })
    .await;

    // The quiz on the screen (with its leaderboard), and the doors closed.
    d.control(Control::Show(Some(quiz))).await;
    d.control(Control::Lock).await;

    Evening {
        ws,
        s: record.id,
        activities: store.agenda(record.id).await.unwrap().ordered_ids(),
        token_hashes: hashes,
        phone: p1,
    }
}

// ---------------------------------------------------------------------------
// Comparing the original and the copy

/// The old→new id map of an import, from the two archives: an import keeps
/// the order of the ids it replaces, so the n-th old id became the n-th new.
fn id_map(old: &SessionArchive, new: &SessionArchive) -> HashMap<Uuid, Uuid> {
    let (o, n) = (old.ids(), new.ids());
    assert_eq!(o.len(), n.len(), "as many new ids as old");
    assert!(o.is_disjoint(&n), "every id is new");
    o.into_iter().zip(n).collect()
}

/// `x`'s debug text with old ids written as new ones.
fn mapped<T: Debug>(x: &T, map: &HashMap<Uuid, Uuid>) -> String {
    let mut s = format!("{x:?}");
    for (old, new) in map {
        s = s.replace(&old.to_string(), &new.to_string());
    }
    s
}

/// Equal texts, or a failure showing where they part.
#[track_caller]
fn assert_same_text(a: &str, b: &str, what: &str) {
    if a != b {
        let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        let from = at.saturating_sub(200);
        let show = |s: &str| {
            s.get(from..(at + 200).min(s.len()))
                .unwrap_or("")
                .to_string()
        };
        panic!("{what} differs at {at}:\n  {}\n  {}", show(a), show(b));
    }
}

fn sorted<K: ToString, V>(m: HashMap<K, V>) -> BTreeMap<String, V> {
    m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The copy's export equals the original's with ids replaced, but for the
/// join code and when it was exported.
fn assert_same_archive(
    old: &SessionArchive,
    new: &SessionArchive,
    map: &HashMap<Uuid, Uuid>,
    what: &str,
) {
    let mut expected = old.with_ids_replaced(map).unwrap();
    assert_ne!(
        expected.session.join_code, new.session.join_code,
        "{what}: a new join code"
    );
    expected.session.join_code = new.session.join_code.clone();
    expected.exported_at = new.exported_at;
    if expected != *new {
        // The JSON of both, for a readable difference.
        assert_eq!(
            expected.to_json_pretty().unwrap(),
            new.to_json_pretty().unwrap(),
            "{what}: the same archive after new ids"
        );
    }
}

/// Every read of the copy gives what the same read of the original gives.
async fn assert_same_reads(
    src: &Store,
    old: SessionId,
    dst: &Store,
    new: SessionId,
    map: &HashMap<Uuid, Uuid>,
    phone: ParticipantId,
    what: &str,
) {
    let m = |x: &dyn Debug| mapped(&x, map);
    let (a, b) = (
        src.agenda(old).await.unwrap(),
        dst.agenda(new).await.unwrap(),
    );
    assert_eq!(m(&a), format!("{:?}", &b), "{what}: agenda");
    let strip = |ts: Vec<koers_store::Table>| -> Vec<_> {
        ts.into_iter().map(|t| (t.id, t.position, t.name)).collect()
    };
    let (ta, tb) = (
        src.tables(old).await.unwrap(),
        dst.tables(new).await.unwrap(),
    );
    for (x, y) in ta.iter().zip(&tb) {
        assert_ne!(x.join_token, y.join_token, "{what}: new table links");
        assert_eq!(
            y.join_token.len(),
            43,
            "{what}: a token the web layer accepts"
        );
    }
    assert_eq!(m(&strip(ta)), format!("{:?}", strip(tb)), "{what}: tables");
    assert_eq!(
        m(&src.devices(old).await.unwrap()),
        format!("{:?}", dst.devices(new).await.unwrap()),
        "{what}: devices"
    );
    for act in a.ordered_ids() {
        let nact: ActivityId = map[&act.0].to_string().parse().unwrap();
        assert_eq!(
            m(&src.answers(act).await.unwrap()),
            format!("{:?}", dst.answers(nact).await.unwrap()),
            "{what}: answers to {act}"
        );
        assert_eq!(
            m(&src.items(act).await.unwrap()),
            format!("{:?}", dst.items(nact).await.unwrap()),
            "{what}: items of {act}"
        );
        assert_eq!(
            m(&src.activity_doc(act).await.unwrap()),
            format!("{:?}", dst.activity_doc(nact).await.unwrap()),
            "{what}: document of {act}"
        );
        let nphone: ParticipantId = map[&phone.0].to_string().parse().unwrap();
        assert_eq!(
            m(&src
                .own_items(act, &Respondent::Participant(phone), phone)
                .await
                .unwrap()),
            format!(
                "{:?}",
                dst.own_items(nact, &Respondent::Participant(nphone), nphone)
                    .await
                    .unwrap()
            ),
            "{what}: own items in {act}"
        );
    }
    let nphone: ParticipantId = map[&phone.0].to_string().parse().unwrap();
    assert_eq!(
        m(&sorted(
            src.own_answers(old, &Respondent::Participant(phone))
                .await
                .unwrap()
        )),
        format!(
            "{:?}",
            sorted(
                dst.own_answers(new, &Respondent::Participant(nphone))
                    .await
                    .unwrap()
            )
        ),
        "{what}: own answers"
    );
    assert_eq!(
        m(&src.events_after(old, 0, 100_000).await.unwrap()),
        format!("{:?}", dst.events_after(new, 0, 100_000).await.unwrap()),
        "{what}: the log"
    );
    let (mut la, mut lb) = (
        src.live_data(old).await.unwrap().unwrap(),
        dst.live_data(new).await.unwrap().unwrap(),
    );
    assert!(
        !la.leaderboard.is_empty(),
        "{what}: the quiz is on the screen"
    );
    assert_eq!(
        la.leaderboard, lb.leaderboard,
        "{what}: the same nicknames and points"
    );
    assert_ne!(
        la.session.screen_token, lb.session.screen_token,
        "{what}: a new screen link"
    );
    la.session.screen_token = lb.session.screen_token.clone();
    la.session.join_code = lb.session.join_code.clone();
    la.session.workspace_id = lb.session.workspace_id;
    for (x, y) in la.tables.iter_mut().zip(&lb.tables) {
        x.join_token = y.join_token.clone();
    }
    assert_eq!(
        m(&sorted(std::mem::take(&mut la.answer_counts))),
        format!("{:?}", sorted(std::mem::take(&mut lb.answer_counts))),
        "{what}: answer counts"
    );
    assert_same_text(&m(&la), &format!("{lb:?}"), &format!("{what}: live data"));
}

/// The copy carries on: it can be unlocked, joined and answered, and its
/// log goes on from where the original's stopped, without a gap.
async fn assert_carries_on(store: &Store, new: SessionId, what: &str) {
    let before = store.session(new).await.unwrap().unwrap().last_seq;
    let events = store.events_after(new, 0, 100_000).await.unwrap();
    assert_eq!(
        events.len() as i64,
        before,
        "{what}: last_seq is the log's end"
    );
    let fac = Actor::System;
    store
        .execute(new, fac, Command::Control(Control::Unlock))
        .await
        .unwrap();
    let activity = store.agenda(new).await.unwrap().activities[0].id;
    store
        .execute(new, fac, Command::Control(Control::Open(activity)))
        .await
        .unwrap();
    let joined = store
        .execute(
            new,
            Actor::System,
            Command::Join {
                token_hash: format!("hash-{}", Uuid::new_v4()),
                table: None,
                display_name: None,
                org_type: None,
            },
        )
        .await
        .unwrap();
    let Outcome::Joined(p) = joined.outcome else {
        panic!("not joined")
    };
    let answered = store
        .execute(
            new,
            Actor::Device(p),
            Command::Submit {
                device: p,
                client_id: ClientId::new(),
                activity,
                answer: Answer::Choice { option: 1 },
            },
        )
        .await
        .unwrap();
    let seqs: Vec<i64> = store
        .events_after(new, 0, 100_000)
        .await
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(
        seqs,
        (1..=answered.last_seq).collect::<Vec<_>>(),
        "{what}: gap-free"
    );
    assert!(
        answered.last_seq > before + 2,
        "{what}: numbered on from the original"
    );
}

/// Neither the original devices' secrets nor the original links open the copy.
async fn assert_no_old_secrets(store: &Store, ev: &Evening, new: SessionId, what: &str) {
    for hash in &ev.token_hashes {
        let found = store.device_by_token(hash).await.unwrap();
        assert!(
            found.is_none_or(|d| d.session_id != new),
            "{what}: an old device cookie does not work on the copy"
        );
    }
    assert!(store.devices(new).await.unwrap().len() == ev.token_hashes.len());
}

// ---------------------------------------------------------------------------
// The stories

#[tokio::test]
async fn an_archive_imported_elsewhere_is_the_same_session_and_carries_on() {
    for source in stores().await {
        let (src, name) = (&source.store, source.name);
        let ev = evening(src, "bron").await;
        let original = src.export_archive(ev.s).await.unwrap().unwrap();
        assert_eq!(
            (original.format.as_str(), original.version),
            (FORMAT, VERSION)
        );
        assert_eq!(original.activities.len(), ev.activities.len(), "{name}");
        // Through a file, as people move it.
        let json = original.to_json_pretty().unwrap();
        let read = SessionArchive::from_json(json.as_bytes()).unwrap();
        assert_eq!(read, original, "{name}: JSON round trip");

        let mut targets = vec![sqlite().await];
        targets.extend(postgres().await);
        for target in targets {
            let what = format!("{name} → {}", target.name);
            let dst = &target.store;
            let (ws, user) = workspace_and_user(dst, "doel").await;
            let (new, code) = dst
                .import_archive(ws.id, Some(user.id), &read)
                .await
                .unwrap();
            let copy = dst.export_archive(new).await.unwrap().unwrap();
            assert_eq!(copy.session.id, new, "{what}");
            assert_eq!(copy.session.join_code, code.as_str(), "{what}");
            assert_eq!(
                dst.session_by_code(&code).await.unwrap().map(|s| s.id),
                Some(new),
                "{what}: the new code finds the copy"
            );
            let map = id_map(&original, &copy);
            assert_same_archive(&original, &copy, &map, &what);
            assert_same_reads(src, ev.s, dst, new, &map, ev.phone, &what).await;
            assert_no_old_secrets(dst, &ev, new, &what).await;
            let listed = dst.sessions(ws.id).await.unwrap();
            assert_eq!(listed.len(), 1, "{what}: in the chosen workspace");
            let audit = dst.audit_log(ws.id, 10).await.unwrap();
            assert!(
                audit.iter().any(|e| e.action == "session_imported"
                    && e.subject == new.to_string()
                    && e.user_id == Some(user.id)),
                "{what}: the import is in the audit log"
            );
            assert_carries_on(dst, new, &what).await;
        }
    }
}

#[tokio::test]
async fn one_archive_imported_twice_next_to_its_original_gives_two_independent_sessions() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "twee").await;
        let original = store.export_archive(ev.s).await.unwrap().unwrap();
        let (first, code1) = store
            .import_archive(ev.ws.id, None, &original)
            .await
            .unwrap();
        let (second, code2) = store
            .import_archive(ev.ws.id, None, &original)
            .await
            .unwrap();
        assert!(first != second && first != ev.s, "{name}");
        assert_ne!(code1, code2, "{name}");
        let sessions = store.sessions(ev.ws.id).await.unwrap();
        assert_eq!(sessions.len(), 3, "{name}");
        for new in [first, second] {
            let what = format!("{name}: copy {new}");
            let copy = store.export_archive(new).await.unwrap().unwrap();
            let map = id_map(&original, &copy);
            assert_same_archive(&original, &copy, &map, &what);
            assert_same_reads(store, ev.s, store, new, &map, ev.phone, &what).await;
            assert_no_old_secrets(store, &ev, new, &what).await;
        }
        // Carrying on in one copy touches neither the other nor the original.
        assert_carries_on(store, first, name).await;
        let after = store.export_archive(second).await.unwrap().unwrap();
        let map = id_map(&original, &after);
        assert_same_archive(&original, &after, &map, name);
        let again = store.export_archive(ev.s).await.unwrap().unwrap();
        assert_eq!(
            again.events, original.events,
            "{name}: the original is untouched"
        );
        // The original's devices still work in the original.
        let d = store
            .device_by_token(&ev.token_hashes[0])
            .await
            .unwrap()
            .unwrap();
        assert_eq!(d.session_id, ev.s, "{name}");
    }
}

/// Rows in every table an import writes to.
async fn row_counts(url: &str) -> Vec<(String, i64)> {
    let mut c = sqlx::AnyConnection::connect(url).await.unwrap();
    let mut out = Vec::new();
    for table in [
        "sessions",
        "steps",
        "activities",
        "session_tables",
        "participants",
        "responses",
        "items",
        "item_marks",
        "activity_docs",
        "board_undo",
        "events",
        "audit_log",
    ] {
        let n: i64 = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n FROM {table}"
        )))
        .fetch_one(&mut c)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
        out.push((table.to_string(), n));
    }
    c.close().await.unwrap();
    out
}

#[tokio::test]
async fn a_damaged_or_foreign_archive_is_refused_and_changes_nothing() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "kapot").await;
        let good = store.export_archive(ev.s).await.unwrap().unwrap();
        let before = row_counts(&t.url).await;
        let json = good.to_json_pretty().unwrap();

        // Refused when read.
        let truncated = &json.as_bytes()[..json.len() / 2];
        assert!(
            matches!(
                SessionArchive::from_json(truncated),
                Err(ArchiveError::Json(_))
            ),
            "{name}"
        );
        let newer = json.replacen(&format!("\"version\": {VERSION}"), "\"version\": 7", 1);
        let e = SessionArchive::from_json(newer.as_bytes()).unwrap_err();
        assert!(
            matches!(e, ArchiveError::TooNew { found: 7 }),
            "{name}: {e}"
        );
        assert!(e.to_string().contains("version 7"), "{e}");
        let other = json.replacen(FORMAT, "iets-anders", 1);
        assert!(matches!(
            SessionArchive::from_json(other.as_bytes()),
            Err(ArchiveError::NotAnArchive)
        ));
        let extra = json.replacen("\"exported_at\"", "\"secret\": 1,\n  \"exported_at\"", 1);
        assert!(matches!(
            SessionArchive::from_json(extra.as_bytes()),
            Err(ArchiveError::Invalid(_))
        ));

        // Refused when imported: every reference must point into the archive.
        type Tamper = fn(&mut SessionArchive);
        let cases: Vec<(&str, Tamper, &str)> = vec![
            ("newer version", |a| a.version = VERSION + 1, "version"),
            (
                "other format",
                |a| a.format = "zip".into(),
                "not a Koers session archive",
            ),
            (
                "answer to a missing activity",
                |a| a.responses[0].activity_id = ActivityId::new(),
                "activity",
            ),
            (
                "answer by a missing device",
                |a| a.responses[0].respondent = Respondent::Participant(ParticipantId::new()),
                "device",
            ),
            (
                "activity in a missing step",
                |a| a.activities[0].step_id = koers_core::ids::StepId::new(),
                "step",
            ),
            (
                "item merged into nothing",
                |a| {
                    let i = a
                        .items
                        .iter()
                        .position(|i| i.merged_into.is_some())
                        .unwrap();
                    a.items[i].merged_into = Some(ItemId::new());
                },
                "merged",
            ),
            (
                "mark on a missing item",
                |a| a.item_marks[0].item_id = ItemId::new(),
                "item",
            ),
            (
                "tablet of a missing table",
                |a| {
                    let i = a.devices.iter().position(|d| d.table_id.is_some()).unwrap();
                    a.devices[i].table_id = Some(koers_core::ids::TableId::new());
                },
                "table",
            ),
            (
                "a gap in the log",
                |a| {
                    a.events.remove(3);
                },
                "log",
            ),
            ("an id twice", |a| a.items[1].id = a.items[0].id, "twice"),
            (
                "current activity missing",
                |a| a.session.current_activity_id = Some(ActivityId::new()),
                "current",
            ),
            (
                "a cover date that is no date",
                |a| a.session.held_on = Some("2026-02-30".into()),
                "cover",
            ),
            (
                // Passes every check before writing and is refused by the
                // database's key on the last table written: the whole
                // import is rolled back.
                "a client id used twice by one device",
                |a| {
                    let with: Vec<usize> = a
                        .events
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| {
                            e.client_id.is_some() && matches!(e.actor, Actor::Device(_))
                        })
                        .map(|(i, _)| i)
                        .collect();
                    let (first, last) = (with[0], *with.last().unwrap());
                    a.events[last].actor = a.events[first].actor;
                    a.events[last].client_id = a.events[first].client_id;
                },
                "",
            ),
        ];
        for (case, tamper, says) in cases {
            let mut bad = good.clone();
            tamper(&mut bad);
            let e = store
                .import_archive(ev.ws.id, None, &bad)
                .await
                .unwrap_err();
            assert!(
                matches!(
                    e,
                    ArchiveError::Invalid(_)
                        | ArchiveError::TooNew { .. }
                        | ArchiveError::NotAnArchive
                ),
                "{name}: {case}: {e:?}"
            );
            assert!(e.to_string().contains(says), "{name}: {case}: {e}");
            assert_eq!(
                row_counts(&t.url).await,
                before,
                "{name}: {case} changed nothing"
            );
        }
        let e = store
            .import_archive(koers_core::ids::WorkspaceId::new(), None, &good)
            .await
            .unwrap_err();
        assert!(matches!(e, ArchiveError::NoWorkspace), "{name}: {e:?}");
        assert_eq!(row_counts(&t.url).await, before, "{name}");
        // And the good one still goes in.
        store.import_archive(ev.ws.id, None, &good).await.unwrap();
        assert_eq!(row_counts(&t.url).await[0].1, before[0].1 + 1, "{name}");
    }
}

/// Version 1 kept the board's history as whole boards. Such an archive is
/// read into exactly the undo records this Koers writes, and undo works in
/// the imported copy all the way back to the empty board.
#[tokio::test]
async fn a_version_1_archive_is_read_with_its_whole_boards_turned_into_undo_records() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "versie1").await;
        let original = store.export_archive(ev.s).await.unwrap().unwrap();
        assert!(
            !original.board_undo.is_empty(),
            "{name}: the evening sorted ideas"
        );

        // The same session as a version 1 file: the board before each step.
        let mut v1 = serde_json::to_value(&original).unwrap();
        let mut history = Vec::new();
        for doc in &original.activity_docs {
            let mut board = doc.doc.board.clone();
            let mut records: Vec<_> = original
                .board_undo
                .iter()
                .filter(|b| b.activity_id == doc.activity_id)
                .collect();
            records.sort_by_key(|b| std::cmp::Reverse(b.version));
            for r in records {
                board = board.undone(&r.undo);
                history.push(serde_json::json!({
                    "activity_id": r.activity_id,
                    "version": r.version,
                    "board": board,
                }));
            }
        }
        let obj = v1.as_object_mut().unwrap();
        obj.remove("board_undo");
        obj.insert("board_history".into(), history.into());
        obj.insert("version".into(), 1.into());
        let read = SessionArchive::from_json(&serde_json::to_vec(&v1).unwrap()).unwrap();
        assert_eq!(read, original, "{name}: version 1 read as this version");

        let (copy, _) = store.import_archive(ev.ws.id, None, &read).await.unwrap();
        let cat = ev.activities[original
            .activities
            .iter()
            .position(|a| matches!(a.config, ActivityKind::Categorise { .. }))
            .unwrap()];
        let cat_copy = store.agenda(copy).await.unwrap().activities
            [ev.activities.iter().position(|a| *a == cat).unwrap()]
        .id;
        let steps = original
            .board_undo
            .iter()
            .filter(|b| b.activity_id == cat)
            .count();
        for _ in 0..steps {
            store
                .execute(
                    copy,
                    Actor::System,
                    Command::UndoBoard { activity: cat_copy },
                )
                .await
                .unwrap();
        }
        assert_eq!(
            store.activity_doc(cat_copy).await.unwrap().board,
            koers_core::board::Board::default(),
            "{name}: undone back to the empty board"
        );
        assert!(
            store
                .execute(
                    copy,
                    Actor::System,
                    Command::UndoBoard { activity: cat_copy }
                )
                .await
                .is_err(),
            "{name}: nothing left to undo"
        );
    }
}
