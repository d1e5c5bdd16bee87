//! The evening's later steps as stories through the store: an idea wall,
//! categorising with undo, prioritisation votes, action lists, the shared
//! goal, the quiz with its leaderboard, moderated questions and pitches. Run
//! on SQLite always and on PostgreSQL when KOERS_TEST_POSTGRES_URL is set.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::DomainError;
use koers_core::activity::{ActivityKind, ActivityState, Audience};
use koers_core::answer::{Agreement, Answer, Verdict};
use koers_core::board::{Board, BoardOp};
use koers_core::doc::{PitchAction, PitchState};
use koers_core::event::{Actor, LoggedEvent, Respondent, SessionEvent};
use koers_core::ids::{ActivityId, CategoryId, ClientId, ItemId, ParticipantId, StepId, TableId};
use koers_core::items::{
    Item, ItemDetail, ItemDraft, ItemStatus, MAX_ITEMS_PER_RESPONDENT, Moderation, Tone,
};
use koers_core::quiz::{FULL_MARKS, closeness, leaderboard, nickname};
use koers_core::session::Control;
use koers_core::tally::{Tally, tally};
use koers_core::vote::{VoteMethod, VoteResult};
use koers_store::{Command, ExecError, Executed, Outcome, SessionRecord, Store};
use std::collections::{BTreeMap, HashSet};

// ---------------------------------------------------------------------------
// Helpers

/// A session with an extra, empty agenda step for the evening's activities.
struct Evening {
    s: SessionRecord,
    fac: Actor,
    step: StepId,
    tables: Vec<TableId>,
}

async fn evening(store: &Store, slug: &str) -> Evening {
    let (ws, user) = workspace_and_user(store, slug).await;
    let s = session(store, &ws, &user).await;
    let fac = Actor::User(user.id);
    let step = match run(
        store,
        &s,
        fac,
        Command::AddStep {
            title: "Van idee naar actie".into(),
        },
    )
    .await
    .unwrap()
    {
        Outcome::Step(id) => id,
        other => panic!("unexpected {other:?}"),
    };
    let tables = store
        .tables(s.id)
        .await
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    Evening {
        s,
        fac,
        step,
        tables,
    }
}

impl Evening {
    async fn add(
        &self,
        store: &Store,
        title: &str,
        kind: ActivityKind,
        audience: Audience,
    ) -> ActivityId {
        let def = koers_core::activity::ActivityDef::new(title, kind, audience).unwrap();
        match self
            .cmd(
                store,
                Command::AddActivity {
                    step: self.step,
                    def,
                    id: None,
                },
            )
            .await
            .unwrap()
        {
            Outcome::Activity(id) => id,
            other => panic!("unexpected {other:?}"),
        }
    }

    /// A facilitator's command.
    async fn cmd(&self, store: &Store, cmd: Command) -> Result<Outcome, ExecError> {
        run(store, &self.s, self.fac, cmd).await
    }

    /// A facilitator's command with the events it logged.
    async fn exec(&self, store: &Store, cmd: Command) -> Result<Executed, ExecError> {
        store.execute(self.s.id, self.fac, cmd).await
    }

    async fn control(&self, store: &Store, c: Control) -> Executed {
        self.exec(store, Command::Control(c)).await.unwrap()
    }

    async fn last_seq(&self, store: &Store) -> i64 {
        store.session(self.s.id).await.unwrap().unwrap().last_seq
    }

    async fn record(&self, store: &Store) -> SessionRecord {
        store.session(self.s.id).await.unwrap().unwrap()
    }
}

async fn run(
    store: &Store,
    s: &SessionRecord,
    actor: Actor,
    cmd: Command,
) -> Result<Outcome, ExecError> {
    store.execute(s.id, actor, cmd).await.map(|e| e.outcome)
}

async fn join(
    store: &Store,
    s: &SessionRecord,
    table: Option<TableId>,
    org_type: &str,
) -> ParticipantId {
    match run(
        store,
        s,
        Actor::System,
        Command::Join {
            token_hash: format!("hash-{}", uuid::Uuid::new_v4()),
            table,
            display_name: None,
            org_type: Some(org_type.into()),
        },
    )
    .await
    .unwrap()
    {
        Outcome::Joined(p) => p,
        other => panic!("unexpected {other:?}"),
    }
}

async fn contribute(
    store: &Store,
    s: &SessionRecord,
    device: ParticipantId,
    client_id: ClientId,
    activity: ActivityId,
    draft: ItemDraft,
) -> Result<Outcome, ExecError> {
    run(
        store,
        s,
        Actor::Device(device),
        Command::Contribute {
            device,
            client_id,
            activity,
            draft,
        },
    )
    .await
}

async fn submit(
    store: &Store,
    s: &SessionRecord,
    device: ParticipantId,
    activity: ActivityId,
    answer: Answer,
) -> Result<Outcome, ExecError> {
    run(
        store,
        s,
        Actor::Device(device),
        Command::Submit {
            device,
            client_id: ClientId::new(),
            activity,
            answer,
        },
    )
    .await
}

async fn revise(
    store: &Store,
    s: &SessionRecord,
    device: ParticipantId,
    item: ItemId,
    draft: ItemDraft,
) -> Result<Outcome, ExecError> {
    run(
        store,
        s,
        Actor::Device(device),
        Command::ReviseOwn {
            device,
            client_id: ClientId::new(),
            item,
            draft,
        },
    )
    .await
}

async fn withdraw(
    store: &Store,
    s: &SessionRecord,
    device: ParticipantId,
    client_id: ClientId,
    item: ItemId,
) -> Result<Outcome, ExecError> {
    run(
        store,
        s,
        Actor::Device(device),
        Command::WithdrawOwn {
            device,
            client_id,
            item,
        },
    )
    .await
}

async fn mark(
    store: &Store,
    s: &SessionRecord,
    device: ParticipantId,
    client_id: ClientId,
    item: ItemId,
    on: bool,
) -> Result<Outcome, ExecError> {
    run(
        store,
        s,
        Actor::Device(device),
        Command::Mark {
            device,
            client_id,
            item,
            on,
        },
    )
    .await
}

fn refused(r: Result<Outcome, ExecError>) -> DomainError {
    match r {
        Err(ExecError::Refused(e)) => e,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn new_item(r: Result<Outcome, ExecError>) -> ItemId {
    match r {
        Ok(Outcome::Item {
            item,
            replayed: false,
            ..
        }) => item,
        other => panic!("expected a new item, got {other:?}"),
    }
}

fn idea(text: &str) -> ItemDraft {
    ItemDraft {
        text: text.into(),
        detail: ItemDetail::Plain,
    }
}

fn find(items: &[Item], id: ItemId) -> &Item {
    items.iter().find(|i| i.id == id).unwrap()
}

/// The whole log has consecutive sequence numbers from 1 and ends at the
/// session's `last_seq`.
async fn assert_log_gap_free(store: &Store, s: &SessionRecord, name: &str) -> Vec<LoggedEvent> {
    let events = store.events_after(s.id, 0, 100_000).await.unwrap();
    let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
    assert_eq!(
        seqs,
        (1..=events.len() as i64).collect::<Vec<_>>(),
        "{name}: gap-free log"
    );
    assert_eq!(
        store.session(s.id).await.unwrap().unwrap().last_seq,
        events.len() as i64,
        "{name}: last_seq is the last event"
    );
    events
}

/// No idea is lost: every shown idea is in exactly one category or unplaced,
/// and every placement refers to a category on the board.
fn assert_board_sound(board: &Board, ideas: &[ItemId], name: &str) {
    let cats: HashSet<CategoryId> = board.categories.iter().map(|c| c.id).collect();
    assert_eq!(
        cats.len(),
        board.categories.len(),
        "{name}: category ids unique"
    );
    for (item, cat) in &board.placement {
        assert!(
            cats.contains(cat),
            "{name}: {item:?} placed in a missing category"
        );
    }
    let mut seen: Vec<ItemId> = board.unplaced(ideas).into_iter().copied().collect();
    for c in &board.categories {
        seen.extend(board.members(c.id, ideas).into_iter().copied());
    }
    seen.sort();
    let mut all = ideas.to_vec();
    all.sort();
    assert_eq!(seen, all, "{name}: every shown idea exactly once");
}

fn vote_result(t: Tally) -> VoteResult {
    match t {
        Tally::Vote(v) => v,
        other => panic!("not a vote tally: {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// 1. The idea wall

#[tokio::test]
async fn ideas_are_added_once_changed_only_by_their_authors_and_never_deleted() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "wall").await;
        let s = &ev.s;
        // A third table, added during the evening.
        let t3 = match ev
            .cmd(
                store,
                Command::AddTable {
                    name: "Tafel 3".into(),
                    join_token: format!("t3-{}", uuid::Uuid::new_v4()),
                },
            )
            .await
            .unwrap()
        {
            Outcome::Table(id) => id,
            other => panic!("unexpected {other:?}"),
        };
        let tablet1 = join(store, s, Some(ev.tables[0]), "school").await;
        let tablet1b = join(store, s, Some(ev.tables[0]), "ggd").await;
        let tablet3 = join(store, s, Some(t3), "school").await;
        let phone = join(store, s, None, "ggd").await;
        let wall = ev
            .add(
                store,
                "Wat zou helpen?",
                ActivityKind::IdeaWall { max_chars: 140 },
                Audience::Everyone,
            )
            .await;

        // Not open yet.
        let r = contribute(store, s, tablet1, ClientId::new(), wall, idea("Te vroeg")).await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen, "{name}");
        ev.control(store, Control::Open(wall)).await;

        // A retry with the same client id is applied once.
        let c1 = ClientId::new();
        let first = contribute(
            store,
            s,
            tablet1,
            c1,
            wall,
            idea("  Meer sportaanbod in de wijk \n"),
        )
        .await
        .unwrap();
        let again = contribute(
            store,
            s,
            tablet1,
            c1,
            wall,
            idea("  Meer sportaanbod in de wijk \n"),
        )
        .await
        .unwrap();
        let (i1, seq1) = match (&first, &again) {
            (
                Outcome::Item {
                    item: a,
                    seq: s1,
                    replayed: false,
                },
                Outcome::Item {
                    item: b,
                    seq: s2,
                    replayed: true,
                },
            ) => {
                assert_eq!((a, s1), (b, s2), "{name}: the retry names the same item");
                (*a, *s1)
            }
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(store.items(wall).await.unwrap().len(), 1, "{name}: one row");
        let i3 = new_item(
            contribute(
                store,
                s,
                tablet3,
                ClientId::new(),
                wall,
                idea("Jongerenwerk op school"),
            )
            .await,
        );
        let ip = new_item(
            contribute(
                store,
                s,
                phone,
                ClientId::new(),
                wall,
                idea("Ouderavond over social media"),
            )
            .await,
        );
        let items = store.items(wall).await.unwrap();
        assert_eq!(items.len(), 3, "{name}");
        let it1 = find(&items, i1);
        assert_eq!(
            it1.draft.text, "Meer sportaanbod in de wijk",
            "{name}: trimmed"
        );
        assert_eq!(it1.author, Some(Respondent::Table(ev.tables[0])));
        assert_eq!(it1.author_label.as_deref(), Some("Tafel 1"));
        assert_eq!(it1.status, ItemStatus::Visible);
        assert_eq!(
            find(&items, i3).author_label.as_deref(),
            Some("Tafel 3"),
            "{name}"
        );
        assert_eq!(
            find(&items, ip).author,
            Some(Respondent::Participant(phone))
        );

        // Another table's tablet and a phone may not touch table 1's idea.
        let before = ev.last_seq(store).await;
        let r = revise(store, s, tablet3, i1, idea("Gekaapt")).await;
        assert_eq!(refused(r), DomainError::NotYours, "{name}");
        let r = revise(store, s, phone, i1, idea("Gekaapt")).await;
        assert_eq!(refused(r), DomainError::NotYours, "{name}");
        let r = withdraw(store, s, tablet3, ClientId::new(), i1).await;
        assert_eq!(refused(r), DomainError::NotYours, "{name}");
        let r = withdraw(store, s, tablet1, ClientId::new(), ip).await;
        assert_eq!(refused(r), DomainError::NotYours, "{name}");
        assert_eq!(
            ev.last_seq(store).await,
            before,
            "{name}: refusals log nothing"
        );
        assert_eq!(store.items(wall).await.unwrap(), items, "{name}: unchanged");

        // The other tablet of the same table may.
        assert!(matches!(
            revise(
                store,
                s,
                tablet1b,
                i1,
                idea("Meer sport en spel in de wijk")
            )
            .await,
            Ok(Outcome::Changed {
                replayed: false,
                ..
            })
        ));
        let own = store
            .own_items(wall, &Respondent::Table(ev.tables[0]), tablet1b)
            .await
            .unwrap();
        assert_eq!(own.0, vec![i1.to_string()], "{name}: the table's own ideas");
        let i1b =
            new_item(contribute(store, s, tablet1, ClientId::new(), wall, idea("Toch niet")).await);
        assert!(matches!(
            withdraw(store, s, tablet1b, ClientId::new(), i1b).await,
            Ok(Outcome::Changed {
                replayed: false,
                ..
            })
        ));

        // Withdrawing keeps the row, says so, and is applied once.
        let w = ClientId::new();
        let done = withdraw(store, s, phone, w, ip).await.unwrap();
        let retried = withdraw(store, s, phone, w, ip).await.unwrap();
        match (done, retried) {
            (
                Outcome::Changed {
                    seq: a,
                    replayed: false,
                },
                Outcome::Changed {
                    seq: b,
                    replayed: true,
                },
            ) => assert_eq!(a, b, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
        let r = withdraw(store, s, phone, ClientId::new(), ip).await;
        assert_eq!(refused(r), DomainError::NothingToWithdraw, "{name}");
        let items = store.items(wall).await.unwrap();
        assert_eq!(items.len(), 4, "{name}: nothing deleted");
        assert_eq!(find(&items, ip).status, ItemStatus::Withdrawn);
        assert_eq!(find(&items, i1b).status, ItemStatus::Withdrawn, "{name}");
        assert_eq!(find(&items, i1).draft.text, "Meer sport en spel in de wijk");
        let own = store
            .own_items(wall, &Respondent::Participant(phone), phone)
            .await
            .unwrap();
        assert!(
            own.0.is_empty(),
            "{name}: a withdrawn idea is no longer own"
        );

        // The facilitator hides one idea and merges another: both stay.
        ev.cmd(
            store,
            Command::Moderate {
                item: i3,
                moderation: Moderation::Hide,
            },
        )
        .await
        .unwrap();
        let i4 = new_item(
            contribute(
                store,
                s,
                tablet3,
                ClientId::new(),
                wall,
                idea("Sportclubs laagdrempelig"),
            )
            .await,
        );
        let r = ev
            .cmd(store, Command::MergeItems { from: i4, into: i4 })
            .await;
        assert_eq!(
            refused(r),
            DomainError::InvalidActivity("merge-into-itself"),
            "{name}"
        );
        let merge = ev
            .exec(store, Command::MergeItems { from: i4, into: i1 })
            .await
            .unwrap();
        assert!(matches!(
            merge.events.as_slice(),
            [LoggedEvent { event: SessionEvent::ItemsMerged { from, into }, .. }] if *from == i4 && *into == i1
        ));
        let r = ev
            .cmd(store, Command::MergeItems { from: i4, into: i1 })
            .await;
        assert_eq!(refused(r), DomainError::NotFound, "{name}: merged once");
        let items = store.items(wall).await.unwrap();
        assert_eq!(items.len(), 5, "{name}");
        assert_eq!(find(&items, i3).status, ItemStatus::Hidden, "{name}");
        assert_eq!(find(&items, i4).status, ItemStatus::Merged, "{name}");
        assert_eq!(find(&items, i4).merged_into, Some(i1), "{name}");
        assert_eq!(find(&items, i1).merged_into, None);
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!(live.items.len(), 5, "{name}: views get every status");
        assert_eq!(
            live.answer_counts.get(&wall),
            Some(&1),
            "{name}: only the shown idea is counted"
        );

        // A flood guard: one respondent adds at most MAX_ITEMS_PER_RESPONDENT.
        let busy = join(store, s, None, "school").await;
        for i in 0..MAX_ITEMS_PER_RESPONDENT {
            new_item(
                contribute(
                    store,
                    s,
                    busy,
                    ClientId::new(),
                    wall,
                    idea(&format!("Idee {i}")),
                )
                .await,
            );
        }
        let before = ev.last_seq(store).await;
        let r = contribute(store, s, busy, ClientId::new(), wall, idea("Nog één")).await;
        assert_eq!(
            refused(r),
            DomainError::TooManyItems {
                max: MAX_ITEMS_PER_RESPONDENT as u32
            },
            "{name}"
        );
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        let n_items = store.items(wall).await.unwrap().len();
        assert_eq!(n_items, 5 + MAX_ITEMS_PER_RESPONDENT as usize, "{name}");

        // Closed: nothing is accepted and nothing changes.
        ev.control(store, Control::Close(wall)).await;
        let items = store.items(wall).await.unwrap();
        let before = ev.last_seq(store).await;
        let r = contribute(store, s, phone, ClientId::new(), wall, idea("Te laat")).await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen, "{name}");
        let r = revise(store, s, tablet1, i1, idea("Te laat")).await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen, "{name}");
        let r = withdraw(store, s, tablet1, ClientId::new(), i1).await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen, "{name}");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        assert_eq!(store.items(wall).await.unwrap(), items, "{name}");
        // The retry of an idea accepted before the close is still acknowledged.
        assert_eq!(
            contribute(
                store,
                s,
                tablet1,
                c1,
                wall,
                idea("Meer sportaanbod in de wijk")
            )
            .await
            .unwrap(),
            Outcome::Item {
                item: i1,
                seq: seq1,
                replayed: true
            },
            "{name}"
        );
        assert_log_gap_free(store, s, name).await;
    }
}

// ---------------------------------------------------------------------------
// 2. Categorising with undo

/// An idea wall with ideas, one hidden, and a categorising activity over it.
struct Wall {
    wall: ActivityId,
    /// The shown ideas, oldest first.
    ideas: Vec<ItemId>,
    hidden: ItemId,
}

async fn wall_with_ideas(store: &Store, ev: &Evening, texts: &[&str]) -> Wall {
    let wall = ev
        .add(
            store,
            "Ideeën",
            ActivityKind::IdeaWall { max_chars: 200 },
            Audience::Everyone,
        )
        .await;
    ev.control(store, Control::Open(wall)).await;
    let phone = join(store, &ev.s, None, "school").await;
    let mut ideas = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let id = if i % 2 == 0 {
            new_item(contribute(store, &ev.s, phone, ClientId::new(), wall, idea(text)).await)
        } else {
            new_item(
                ev.cmd(
                    store,
                    Command::AddItem {
                        activity: wall,
                        draft: idea(text),
                    },
                )
                .await,
            )
        };
        ideas.push(id);
    }
    let hidden = new_item(
        contribute(
            store,
            &ev.s,
            phone,
            ClientId::new(),
            wall,
            idea("Iets ongepasts"),
        )
        .await,
    );
    ev.cmd(
        store,
        Command::Moderate {
            item: hidden,
            moderation: Moderation::Hide,
        },
    )
    .await
    .unwrap();
    ev.control(store, Control::Close(wall)).await;
    Wall {
        wall,
        ideas,
        hidden,
    }
}

#[tokio::test]
async fn categorising_steps_are_undone_exactly_and_never_lose_an_idea() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "board").await;
        let w = wall_with_ideas(
            store,
            &ev,
            &[
                "Sportclubs",
                "Voetbalkooi",
                "Straatcoaches",
                "Cameratoezicht",
                "Ouderavond",
            ],
        )
        .await;
        let cat = ev
            .add(
                store,
                "Thema's",
                ActivityKind::Categorise { source: w.wall },
                Audience::Individuals,
            )
            .await;
        let doc = |store: &Store| {
            let store = store.clone();
            async move { store.activity_doc(cat).await.unwrap().board }
        };
        let undo = Command::UndoBoard { activity: cat };

        let r = ev.cmd(store, undo.clone()).await;
        assert_eq!(
            refused(r),
            DomainError::NothingToUndo,
            "{name}: fresh board"
        );

        let (sport, veilig, ouders) = (CategoryId::new(), CategoryId::new(), CategoryId::new());
        let ops = vec![
            BoardOp::Create {
                id: sport,
                name: "Sport".into(),
            },
            BoardOp::Create {
                id: veilig,
                name: "Veiligheid".into(),
            },
            BoardOp::Create {
                id: ouders,
                name: "Ouders".into(),
            },
            BoardOp::Move {
                item: w.ideas[0],
                to: Some(sport),
            },
            BoardOp::Move {
                item: w.ideas[1],
                to: Some(sport),
            },
            BoardOp::Move {
                item: w.ideas[2],
                to: Some(veilig),
            },
            BoardOp::Move {
                item: w.ideas[3],
                to: Some(ouders),
            },
            BoardOp::Move {
                item: w.ideas[3],
                to: Some(veilig),
            },
            BoardOp::Rename {
                id: veilig,
                name: "Veilig opgroeien".into(),
            },
            BoardOp::Move {
                item: w.ideas[4],
                to: Some(ouders),
            },
            BoardOp::Merge {
                from: ouders,
                into: veilig,
            },
        ];
        // Every board the categorising went through, starting empty.
        let mut boards = vec![doc(store).await];
        assert_eq!(boards[0], Board::default(), "{name}");
        for op in ops {
            let before = ev.last_seq(store).await;
            let done = ev
                .exec(
                    store,
                    Command::Board {
                        activity: cat,
                        op: op.clone(),
                    },
                )
                .await
                .unwrap();
            assert_eq!(done.last_seq, before + 1, "{name}: one event per step");
            assert!(
                matches!(&done.events[0].event, SessionEvent::BoardChanged { op: logged, .. } if *logged == op),
                "{name}"
            );
            let board = doc(store).await;
            assert_ne!(&board, boards.last().unwrap(), "{name}: {op:?} changed it");
            assert_board_sound(&board, &w.ideas, name);
            boards.push(board);
        }
        let merged = boards.last().unwrap().clone();
        let names: Vec<&str> = merged.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["Sport", "Veilig opgroeien"], "{name}");
        assert_eq!(merged.categories[1].merged_from, vec!["Ouders".to_string()]);
        assert_eq!(
            merged.members(veilig, &w.ideas),
            vec![&w.ideas[2], &w.ideas[3], &w.ideas[4]],
            "{name}: the merged category's ideas moved along"
        );

        // Refused steps change nothing and leave nothing to undo.
        let before = ev.last_seq(store).await;
        for (op, why) in [
            (
                BoardOp::Move {
                    item: w.hidden,
                    to: Some(sport),
                },
                DomainError::NotFound,
            ),
            (
                BoardOp::Move {
                    item: w.ideas[0],
                    to: Some(ouders),
                },
                DomainError::NotFound,
            ),
            (
                BoardOp::Create {
                    id: sport,
                    name: "Nog eens".into(),
                },
                DomainError::InvalidActivity("duplicate-category"),
            ),
            (BoardOp::Remove { id: sport }, DomainError::HasAnswers),
        ] {
            let r = ev.cmd(store, Command::Board { activity: cat, op }).await;
            assert_eq!(refused(r), why, "{name}");
        }
        // A step that changes nothing (the idea is there already) is no step.
        let noop = ev
            .exec(
                store,
                Command::Board {
                    activity: cat,
                    op: BoardOp::Move {
                        item: w.ideas[0],
                        to: Some(sport),
                    },
                },
            )
            .await
            .unwrap();
        assert!(noop.events.is_empty(), "{name}");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        assert_eq!(doc(store).await, merged, "{name}");

        // Undo walks back through exactly the boards there were.
        while boards.len() > 1 {
            boards.pop();
            let done = ev.exec(store, undo.clone()).await.unwrap();
            assert!(matches!(
                done.events.as_slice(),
                [LoggedEvent {
                    event: SessionEvent::BoardUndone { .. },
                    ..
                }]
            ));
            let board = doc(store).await;
            assert_eq!(
                &board,
                boards.last().unwrap(),
                "{name}: exact earlier board"
            );
            assert_board_sound(&board, &w.ideas, name);
        }
        let before = ev.last_seq(store).await;
        let r = ev.cmd(store, undo.clone()).await;
        assert_eq!(refused(r), DomainError::NothingToUndo, "{name}");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        assert_eq!(doc(store).await, Board::default(), "{name}");

        // The live view of categorising shows the idea wall's ideas.
        ev.control(store, Control::Show(Some(cat))).await;
        let live = store.live_data(ev.s.id).await.unwrap().unwrap();
        assert_eq!(live.items.len(), w.ideas.len() + 1, "{name}");
        assert_eq!(live.doc.board, Board::default());
        assert_log_gap_free(store, &ev.s, name).await;
    }
}

// ---------------------------------------------------------------------------
// 3. Prioritising

/// A categorised idea wall with three categories, in board order
/// Sport, Ouders, Veiligheid (after a reorder).
struct Categorised {
    wall: Wall,
    cat: ActivityId,
    categories: Vec<CategoryId>,
    labels: Vec<String>,
}

async fn categorised(store: &Store, ev: &Evening) -> Categorised {
    let wall = wall_with_ideas(
        store,
        ev,
        &["Sportclubs", "Straatcoaches", "Ouderavond", "Voetbalkooi"],
    )
    .await;
    let cat = ev
        .add(
            store,
            "Thema's",
            ActivityKind::Categorise { source: wall.wall },
            Audience::Individuals,
        )
        .await;
    let (sport, veilig, ouders) = (CategoryId::new(), CategoryId::new(), CategoryId::new());
    for op in [
        BoardOp::Create {
            id: sport,
            name: "Sport".into(),
        },
        BoardOp::Create {
            id: veilig,
            name: "Veiligheid".into(),
        },
        BoardOp::Create {
            id: ouders,
            name: "Ouders".into(),
        },
        BoardOp::Reorder {
            id: ouders,
            up: true,
        },
        BoardOp::Move {
            item: wall.ideas[0],
            to: Some(sport),
        },
        BoardOp::Move {
            item: wall.ideas[1],
            to: Some(veilig),
        },
        BoardOp::Move {
            item: wall.ideas[2],
            to: Some(ouders),
        },
    ] {
        ev.cmd(store, Command::Board { activity: cat, op })
            .await
            .unwrap();
    }
    Categorised {
        wall,
        cat,
        categories: vec![sport, ouders, veilig],
        labels: vec!["Sport".into(), "Ouders".into(), "Veiligheid".into()],
    }
}

/// The dot-voting ballots of the stories: totals 5 (Sport), 2 (Ouders), 4
/// (Veiligheid), so the order is Sport, Veiligheid, Ouders.
const DOT_BALLOTS: [[u32; 3]; 4] = [[2, 1, 0], [1, 0, 2], [2, 0, 1], [0, 1, 1]];

/// A dot vote over `c`, opened, with DOT_BALLOTS cast by four phones (the
/// second phone first votes differently and then changes its ballot).
async fn dot_vote(
    store: &Store,
    ev: &Evening,
    c: &Categorised,
) -> (ActivityId, Vec<ParticipantId>) {
    let dots = ev
        .add(
            store,
            "Waar beginnen we?",
            ActivityKind::Prioritise {
                source: c.cat,
                method: VoteMethod::Dots {
                    dots: 3,
                    max_per_item: 2,
                },
            },
            Audience::Individuals,
        )
        .await;
    ev.control(store, Control::Open(dots)).await;
    let mut phones = Vec::new();
    for (i, ballot) in DOT_BALLOTS.iter().enumerate() {
        let p = join(
            store,
            &ev.s,
            None,
            if i % 2 == 0 { "school" } else { "ggd" },
        )
        .await;
        if i == 1 {
            submit(
                store,
                &ev.s,
                p,
                dots,
                Answer::Allocation {
                    points: vec![0, 2, 1],
                },
            )
            .await
            .unwrap();
        }
        submit(
            store,
            &ev.s,
            p,
            dots,
            Answer::Allocation {
                points: ballot.to_vec(),
            },
        )
        .await
        .unwrap();
        phones.push(p);
    }
    (dots, phones)
}

#[tokio::test]
async fn a_vote_freezes_its_candidates_checks_every_ballot_and_counts_each_voter_once() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "vote").await;
        let s = &ev.s;
        let c = categorised(store, &ev).await;

        // A vote over a categorising activity without categories cannot open.
        let empty = ev
            .add(
                store,
                "Nog niets",
                ActivityKind::Categorise {
                    source: c.wall.wall,
                },
                Audience::Individuals,
            )
            .await;
        let hollow = ev
            .add(
                store,
                "Stem over niets",
                ActivityKind::Prioritise {
                    source: empty,
                    method: VoteMethod::Dots {
                        dots: 3,
                        max_per_item: 2,
                    },
                },
                Audience::Individuals,
            )
            .await;
        let before = ev.record(store).await;
        let r = ev.cmd(store, Command::Control(Control::Open(hollow))).await;
        assert_eq!(
            refused(r),
            DomainError::InvalidActivity("nothing-to-list"),
            "{name}"
        );
        let after = ev.record(store).await;
        assert_eq!(after.last_seq, before.last_seq, "{name}: nothing logged");
        assert_eq!(after.current, before.current, "{name}: not shown");
        let agenda = store.agenda(s.id).await.unwrap();
        assert_eq!(
            agenda.activity(hollow).unwrap().state,
            ActivityState::Pending,
            "{name}: not opened"
        );
        assert_eq!(store.activity_doc(hollow).await.unwrap().list, None);

        // Opening freezes the categories, in board order.
        let dots = ev
            .add(
                store,
                "Waar beginnen we?",
                ActivityKind::Prioritise {
                    source: c.cat,
                    method: VoteMethod::Dots {
                        dots: 3,
                        max_per_item: 2,
                    },
                },
                Audience::Individuals,
            )
            .await;
        let opened = ev.control(store, Control::Open(dots)).await;
        let kinds: Vec<&str> = opened.events.iter().map(|e| e.event.type_name()).collect();
        assert!(kinds.contains(&"list_frozen"), "{name}: {kinds:?}");
        assert!(kinds.contains(&"activity_opened"), "{name}: {kinds:?}");
        assert!(opened.events.iter().any(|e| matches!(
            &e.event,
            SessionEvent::ListFrozen { activity_id, labels } if *activity_id == dots && *labels == c.labels
        )));
        let frozen = store.activity_doc(dots).await.unwrap().list.unwrap();
        assert_eq!(frozen.labels, c.labels, "{name}");
        assert_eq!(
            frozen.keys,
            c.categories
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>(),
            "{name}"
        );

        // Later categorising does not change the ballot.
        for op in [
            BoardOp::Rename {
                id: c.categories[0],
                name: "Sport en bewegen".into(),
            },
            BoardOp::Create {
                id: CategoryId::new(),
                name: "Nieuw".into(),
            },
        ] {
            ev.cmd(
                store,
                Command::Board {
                    activity: c.cat,
                    op,
                },
            )
            .await
            .unwrap();
        }
        assert_eq!(
            store.activity_doc(dots).await.unwrap().list,
            Some(frozen.clone()),
            "{name}"
        );
        // Closing and opening again keeps the same list and logs no new one.
        ev.control(store, Control::Close(dots)).await;
        let reopened = ev.control(store, Control::Open(dots)).await;
        assert!(
            !reopened
                .events
                .iter()
                .any(|e| matches!(e.event, SessionEvent::ListFrozen { .. })),
            "{name}"
        );
        assert_eq!(
            store.activity_doc(dots).await.unwrap().list,
            Some(frozen.clone())
        );

        // Ballots are checked; refusals change nothing.
        let phones = [
            join(store, s, None, "school").await,
            join(store, s, None, "ggd").await,
            join(store, s, None, "school").await,
            join(store, s, None, "ggd").await,
        ];
        let tablet = join(store, s, Some(ev.tables[1]), "school").await;
        let before = ev.last_seq(store).await;
        for (device, answer, why) in [
            (
                phones[0],
                Answer::Allocation {
                    points: vec![2, 2, 0],
                },
                DomainError::TooManyDots { max: 3 },
            ),
            (
                phones[0],
                Answer::Allocation {
                    points: vec![3, 0, 0],
                },
                DomainError::TooManyPerItem { max: 2 },
            ),
            (
                phones[0],
                Answer::Allocation { points: vec![1, 1] },
                DomainError::WrongAnswerType,
            ),
            (
                phones[0],
                Answer::Allocation {
                    points: vec![1, 1, 0, 1],
                },
                DomainError::WrongAnswerType,
            ),
            (
                phones[0],
                Answer::Allocation {
                    points: vec![0, 0, 0],
                },
                DomainError::Empty,
            ),
            (
                phones[0],
                Answer::Ranking { order: vec![0] },
                DomainError::WrongAnswerType,
            ),
            (
                tablet,
                Answer::Allocation {
                    points: vec![1, 0, 0],
                },
                DomainError::ForIndividualsOnly,
            ),
        ] {
            let r = submit(store, s, device, dots, answer.clone()).await;
            assert_eq!(refused(r), why, "{name}: {answer:?}");
        }
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        assert!(store.answers(dots).await.unwrap().is_empty(), "{name}");

        // Valid ballots; the second voter changes its mind.
        let mut cast: BTreeMap<ParticipantId, Vec<u32>> = BTreeMap::new();
        let plan: [(usize, [u32; 3]); 5] = [
            (0, DOT_BALLOTS[0]),
            (1, [0, 2, 1]),
            (2, DOT_BALLOTS[2]),
            (1, DOT_BALLOTS[1]),
            (3, DOT_BALLOTS[3]),
        ];
        for (who, points) in plan {
            let r = submit(
                store,
                s,
                phones[who],
                dots,
                Answer::Allocation {
                    points: points.to_vec(),
                },
            )
            .await;
            assert!(matches!(r, Ok(Outcome::Answered { .. })), "{name}: {r:?}");
            cast.insert(phones[who], points.to_vec());
        }
        let answers = store.answers(dots).await.unwrap();
        assert_eq!(answers.len(), 4, "{name}: one ballot per voter");

        // The store's tally is the count of the ballots cast.
        let kind = store
            .agenda(s.id)
            .await
            .unwrap()
            .activity(dots)
            .unwrap()
            .def
            .kind
            .clone();
        let result = vote_result(tally(&kind, frozen.keys.len(), &answers));
        let mut totals = [0u64; 3];
        let mut supporters = [0u64; 3];
        for points in cast.values() {
            for (i, &p) in points.iter().enumerate() {
                totals[i] += u64::from(p);
                supporters[i] += u64::from(p > 0);
            }
        }
        assert_eq!(totals, [5, 2, 4], "{name}: the story's own arithmetic");
        assert_eq!(result.voters, 4, "{name}");
        for row in &result.rows {
            let i = row.candidate as usize;
            assert_eq!(row.total, totals[i], "{name}: candidate {i}");
            assert_eq!(row.supporters, supporters[i], "{name}: candidate {i}");
        }
        let order: Vec<u32> = result.rows.iter().map(|r| r.candidate).collect();
        assert_eq!(order, vec![0, 2, 1], "{name}: Sport, Veiligheid, Ouders");
        let ranks: Vec<u32> = result.rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, vec![1, 2, 3], "{name}");

        // A ranking vote on the same candidates: undo the later board steps
        // first, so it freezes the same list.
        for _ in 0..2 {
            ev.cmd(store, Command::UndoBoard { activity: c.cat })
                .await
                .unwrap();
        }
        let ranking = ev
            .add(
                store,
                "Rangschik uw top 2",
                ActivityKind::Prioritise {
                    source: c.cat,
                    method: VoteMethod::Ranking { top_k: 2 },
                },
                Audience::Individuals,
            )
            .await;
        ev.control(store, Control::Open(ranking)).await;
        assert_eq!(
            store.activity_doc(ranking).await.unwrap().list,
            Some(frozen.clone()),
            "{name}: same candidates"
        );
        let before = ev.last_seq(store).await;
        for (order, why) in [
            (vec![0, 0], DomainError::InvalidRanking),
            (vec![0, 1, 2], DomainError::InvalidRanking),
            (vec![3], DomainError::NoSuchOption),
            (vec![], DomainError::Empty),
        ] {
            let r = submit(
                store,
                s,
                phones[0],
                ranking,
                Answer::Ranking {
                    order: order.clone(),
                },
            )
            .await;
            assert_eq!(refused(r), why, "{name}: {order:?}");
        }
        let r = submit(
            store,
            s,
            phones[0],
            ranking,
            Answer::Allocation {
                points: vec![1, 0, 0],
            },
        )
        .await;
        assert_eq!(refused(r), DomainError::WrongAnswerType, "{name}");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        let rankings: [Vec<u32>; 4] = [vec![0, 2], vec![2, 0], vec![1], vec![2, 1]];
        for (p, order) in phones.iter().zip(rankings.iter()) {
            submit(
                store,
                s,
                *p,
                ranking,
                Answer::Ranking {
                    order: order.clone(),
                },
            )
            .await
            .unwrap();
        }
        // Borda by hand: K points for the first, K-1 for the next.
        let k = 2u64;
        let mut borda = [0u64; 3];
        for order in &rankings {
            for (pos, &cand) in order.iter().enumerate() {
                borda[cand as usize] += k - pos as u64;
            }
        }
        assert_eq!(borda, [3, 3, 5], "{name}");
        let rkind = store
            .agenda(s.id)
            .await
            .unwrap()
            .activity(ranking)
            .unwrap()
            .def
            .kind
            .clone();
        let result = vote_result(tally(
            &rkind,
            frozen.keys.len(),
            &store.answers(ranking).await.unwrap(),
        ));
        assert_eq!(result.voters, 4, "{name}");
        for row in &result.rows {
            assert_eq!(row.total, borda[row.candidate as usize], "{name}: {row:?}");
        }
        let first = &result.rows[0];
        assert_eq!((first.candidate, first.rank, first.tied), (2, 1, false));
        assert!(
            result.rows[1..].iter().all(|r| r.rank == 2 && r.tied),
            "{name}: {:?}",
            result.rows
        );
        assert_log_gap_free(store, s, name).await;
    }
}

// ---------------------------------------------------------------------------
// 4. Actions

fn action(topic: u32, text: &str) -> ItemDraft {
    ItemDraft {
        text: text.into(),
        detail: ItemDetail::Action {
            topic,
            so_that: "jongeren dichtbij huis kunnen sporten".into(),
            who: " Sportbedrijf ".into(),
            by_when: "zomer 2026".into(),
            needs: String::new(),
        },
    }
}

#[tokio::test]
async fn actions_work_on_the_top_priorities_and_a_final_list_no_longer_changes() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "acties").await;
        let s = &ev.s;
        let c = categorised(store, &ev).await;
        let (dots, _) = dot_vote(store, &ev, &c).await;
        ev.control(store, Control::Close(dots)).await;

        let acts = ev
            .add(
                store,
                "Wie doet wat?",
                ActivityKind::Actions {
                    source: dots,
                    top_k: 2,
                },
                Audience::Everyone,
            )
            .await;
        let opened = ev.control(store, Control::Open(acts)).await;
        let top = vec![c.labels[0].clone(), c.labels[2].clone()];
        assert!(
            opened.events.iter().any(|e| matches!(
                &e.event,
                SessionEvent::ListFrozen { labels, .. } if *labels == top
            )),
            "{name}"
        );
        let list = store.activity_doc(acts).await.unwrap().list.unwrap();
        assert_eq!(list.labels, top, "{name}: the top 2 in result order");
        assert_eq!(
            list.keys,
            vec![c.categories[0].to_string(), c.categories[2].to_string()],
            "{name}"
        );

        let tablet = join(store, s, Some(ev.tables[0]), "school").await;
        let phone = join(store, s, None, "ggd").await;
        let phone2 = join(store, s, None, "school").await;
        let a0 = new_item(
            contribute(
                store,
                s,
                tablet,
                ClientId::new(),
                acts,
                action(0, "We openen de gymzaal op zaterdag"),
            )
            .await,
        );
        let a1 = new_item(
            contribute(
                store,
                s,
                tablet,
                ClientId::new(),
                acts,
                action(1, "We zetten straatcoaches in"),
            )
            .await,
        );
        let before = ev.last_seq(store).await;
        let r = contribute(store, s, tablet, ClientId::new(), acts, action(2, "Ouders")).await;
        assert_eq!(
            refused(r),
            DomainError::NoSuchOption,
            "{name}: only 2 topics"
        );
        let r = contribute(store, s, tablet, ClientId::new(), acts, idea("Zomaar")).await;
        assert_eq!(refused(r), DomainError::WrongAnswerType, "{name}");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        let items = store.items(acts).await.unwrap();
        assert!(
            matches!(&find(&items, a0).draft.detail, ItemDetail::Action { topic: 0, who, .. } if who == "Sportbedrijf"),
            "{name}: {:?}",
            find(&items, a0).draft
        );

        // "Ik doe mee": personal, counted once.
        let m = ClientId::new();
        assert!(matches!(
            mark(store, s, phone, m, a0, true).await,
            Ok(Outcome::Changed {
                replayed: false,
                ..
            })
        ));
        assert!(matches!(
            mark(store, s, phone, m, a0, true).await,
            Ok(Outcome::Changed { replayed: true, .. })
        ));
        mark(store, s, phone, ClientId::new(), a0, true)
            .await
            .unwrap();
        let r = mark(store, s, tablet, ClientId::new(), a0, true).await;
        assert_eq!(refused(r), DomainError::ForIndividualsOnly, "{name}");
        let items = store.items(acts).await.unwrap();
        assert_eq!(find(&items, a0).marks, 1, "{name}: counted once");
        assert_eq!(
            find(&items, a0).committed_orgs,
            vec!["ggd".to_string()],
            "{name}"
        );
        assert_eq!(find(&items, a1).marks, 0, "{name}");
        let (_, marked) = store
            .own_items(acts, &Respondent::Participant(phone), phone)
            .await
            .unwrap();
        assert_eq!(marked, vec![a0.to_string()], "{name}");
        // Taking a commitment back.
        mark(store, s, phone2, ClientId::new(), a1, true)
            .await
            .unwrap();
        assert_eq!(find(&store.items(acts).await.unwrap(), a1).marks, 1);
        mark(store, s, phone2, ClientId::new(), a1, false)
            .await
            .unwrap();
        let items = store.items(acts).await.unwrap();
        assert_eq!(find(&items, a1).marks, 0, "{name}");
        assert!(find(&items, a1).committed_orgs.is_empty(), "{name}");

        // Final: no more changes by anyone on a device.
        let fin = ev
            .exec(
                store,
                Command::Finalise {
                    activity: acts,
                    finalised: true,
                },
            )
            .await
            .unwrap();
        assert!(matches!(
            fin.events.as_slice(),
            [LoggedEvent {
                event: SessionEvent::ListFinalised {
                    finalised: true,
                    ..
                },
                ..
            }]
        ));
        assert!(store.activity_doc(acts).await.unwrap().finalised, "{name}");
        let again = ev
            .exec(
                store,
                Command::Finalise {
                    activity: acts,
                    finalised: true,
                },
            )
            .await
            .unwrap();
        assert!(again.events.is_empty(), "{name}: idempotent");
        let before = ev.last_seq(store).await;
        let r = contribute(
            store,
            s,
            tablet,
            ClientId::new(),
            acts,
            action(0, "Nog één"),
        )
        .await;
        assert_eq!(refused(r), DomainError::Finalised, "{name}");
        let r = revise(store, s, tablet, a0, action(0, "Anders")).await;
        assert_eq!(refused(r), DomainError::Finalised, "{name}");
        let r = withdraw(store, s, tablet, ClientId::new(), a1).await;
        assert_eq!(refused(r), DomainError::Finalised, "{name}");
        let r = mark(store, s, phone2, ClientId::new(), a0, true).await;
        assert_eq!(refused(r), DomainError::Finalised, "{name}");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        assert_eq!(store.items(acts).await.unwrap(), items, "{name}");

        // Opened again for changes, it accepts them.
        ev.cmd(
            store,
            Command::Finalise {
                activity: acts,
                finalised: false,
            },
        )
        .await
        .unwrap();
        new_item(
            contribute(
                store,
                s,
                tablet,
                ClientId::new(),
                acts,
                action(1, "We organiseren een buurtavond"),
            )
            .await,
        );
        assert_eq!(store.items(acts).await.unwrap().len(), 3, "{name}");
        assert_log_gap_free(store, s, name).await;
    }
}

// ---------------------------------------------------------------------------
// 5. The shared goal

fn verdict(level: Agreement, reason: &str) -> Verdict {
    Verdict {
        level,
        reason: reason.into(),
    }
}

#[tokio::test]
async fn the_goal_is_agreed_or_asked_again_with_new_wordings_keeping_the_first_answers() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "doel").await;
        let s = &ev.s;
        let wordings = vec![
            "Alle jongeren sporten wekelijks".to_string(),
            "Elke jongere heeft een plek om heen te gaan".to_string(),
        ];
        let goal = ev
            .add(
                store,
                "Ons gezamenlijke doel",
                ActivityKind::Goal {
                    wordings: wordings.clone(),
                },
                Audience::Individuals,
            )
            .await;
        let after = ev
            .add(
                store,
                "Hoe gaat het?",
                ActivityKind::WordCloud { max_words: 1 },
                Audience::Individuals,
            )
            .await;
        ev.control(store, Control::Open(goal)).await;
        let p: Vec<ParticipantId> = vec![
            join(store, s, None, "school").await,
            join(store, s, None, "ggd").await,
            join(store, s, None, "school").await,
        ];
        let r = submit(
            store,
            s,
            p[0],
            goal,
            Answer::Consent {
                verdicts: vec![verdict(Agreement::Agree, "")],
            },
        )
        .await;
        assert_eq!(
            refused(r),
            DomainError::WrongAnswerType,
            "{name}: one per wording"
        );
        let answers = [
            vec![
                verdict(Agreement::Agree, ""),
                verdict(Agreement::Object, "  te vaag \n"),
            ],
            vec![
                verdict(Agreement::LiveWith, "ok"),
                verdict(Agreement::Agree, ""),
            ],
            vec![
                verdict(Agreement::Agree, " "),
                verdict(Agreement::Agree, "prima"),
            ],
        ];
        for (device, verdicts) in p.iter().zip(answers.iter()) {
            submit(
                store,
                s,
                *device,
                goal,
                Answer::Consent {
                    verdicts: verdicts.clone(),
                },
            )
            .await
            .unwrap();
        }
        let t_goal = tally(
            &ActivityKind::Goal {
                wordings: wordings.clone(),
            },
            0,
            &store.answers(goal).await.unwrap(),
        );
        assert_eq!(
            t_goal,
            Tally::Consent {
                counts: vec![[2, 1, 0], [2, 0, 1]],
                reasons: vec![
                    vec![(Agreement::LiveWith, "ok".to_string())],
                    vec![
                        (Agreement::Agree, "prima".to_string()),
                        (Agreement::Object, "te vaag".to_string()),
                    ],
                ],
                respondents: 3,
            },
            "{name}"
        );

        // Agreeing records the wording on the session, once.
        let r = ev
            .cmd(
                store,
                Command::AgreeGoal {
                    activity: goal,
                    wording: 2,
                },
            )
            .await;
        assert_eq!(refused(r), DomainError::NoSuchOption, "{name}");
        let agreed = ev
            .exec(
                store,
                Command::AgreeGoal {
                    activity: goal,
                    wording: 1,
                },
            )
            .await
            .unwrap();
        assert!(matches!(
            &agreed.events[..],
            [LoggedEvent { event: SessionEvent::GoalAgreed { text, .. }, .. }] if *text == wordings[1]
        ));
        assert_eq!(ev.record(store).await.goal.as_deref(), Some(&*wordings[1]));
        let again = ev
            .exec(
                store,
                Command::AgreeGoal {
                    activity: goal,
                    wording: 1,
                },
            )
            .await
            .unwrap();
        assert!(again.events.is_empty(), "{name}");
        let r = ev
            .cmd(
                store,
                Command::AgreeGoal {
                    activity: after,
                    wording: 0,
                },
            )
            .await;
        assert_eq!(refused(r), DomainError::WrongAnswerType, "{name}");

        // Asking again: a new round right after this one, opened and shown.
        let r = ev
            .cmd(
                store,
                Command::ReviseGoal {
                    activity: after,
                    wordings: vec!["x".into()],
                },
            )
            .await;
        assert_eq!(refused(r), DomainError::WrongAnswerType, "{name}");
        let revised = ev
            .exec(
                store,
                Command::ReviseGoal {
                    activity: goal,
                    wordings: vec![
                        "Elke jongere heeft een plek en een sport".into(),
                        "  ".into(),
                        "Samen zorgen we voor een plek".into(),
                    ],
                },
            )
            .await
            .unwrap();
        let Outcome::Activity(goal2) = revised.outcome else {
            panic!("{name}: {:?}", revised.outcome)
        };
        let kinds: Vec<&str> = revised.events.iter().map(|e| e.event.type_name()).collect();
        assert_eq!(
            kinds,
            vec![
                "activity_added",
                "activity_closed",
                "activity_shown",
                "activity_opened"
            ],
            "{name}"
        );
        let agenda = store.agenda(s.id).await.unwrap();
        let ids: Vec<ActivityId> = agenda
            .activities
            .iter()
            .filter(|a| a.step_id == Some(ev.step))
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, vec![goal, goal2, after], "{name}: right after");
        let positions: Vec<i64> = agenda
            .activities
            .iter()
            .filter(|a| a.step_id == Some(ev.step))
            .map(|a| a.position)
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{name}: {positions:?}"
        );
        let old = agenda.activity(goal).unwrap();
        let new = agenda.activity(goal2).unwrap();
        assert_eq!(old.state, ActivityState::Closed, "{name}");
        assert_eq!(new.state, ActivityState::Open, "{name}");
        assert_eq!(new.def.title, old.def.title, "{name}");
        assert_eq!(
            new.def.kind,
            ActivityKind::Goal {
                wordings: vec![
                    "Elke jongere heeft een plek en een sport".into(),
                    "Samen zorgen we voor een plek".into(),
                ]
            },
            "{name}"
        );
        assert_eq!(ev.record(store).await.current, Some(goal2), "{name}");
        assert_eq!(store.answers(goal).await.unwrap().len(), 3, "{name}: kept");
        let r = submit(
            store,
            s,
            p[0],
            goal,
            Answer::Consent {
                verdicts: answers[0].clone(),
            },
        )
        .await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen, "{name}");
        submit(
            store,
            s,
            p[0],
            goal2,
            Answer::Consent {
                verdicts: vec![verdict(Agreement::Agree, ""), verdict(Agreement::Agree, "")],
            },
        )
        .await
        .unwrap();
        assert_log_gap_free(store, s, name).await;
    }
}

// ---------------------------------------------------------------------------
// 6. The quiz

#[tokio::test]
async fn revealing_a_quiz_question_closes_it_once_and_feeds_the_leaderboard() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "quiz").await;
        let s = &ev.s;
        let quiz = ev
            .add(
                store,
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
        let estimate = ev
            .add(
                store,
                "Hoeveel procent voelt zich veilig op straat?",
                ActivityKind::Estimate {
                    value: 40.0,
                    unit: "%".into(),
                    explanation: String::new(),
                    source: "Jeugdmonitor".into(),
                    scored: true,
                },
                Audience::Individuals,
            )
            .await;
        let p: Vec<ParticipantId> = vec![
            join(store, s, None, "school").await,
            join(store, s, None, "ggd").await,
            join(store, s, None, "school").await,
        ];
        let choices = [1u32, 0, 1];
        let guesses = [30.0f64, 40.0, 100.0];
        ev.control(store, Control::Open(quiz)).await;
        for (d, c) in p.iter().zip(choices) {
            submit(store, s, *d, quiz, Answer::Choice { option: c })
                .await
                .unwrap();
        }
        ev.control(store, Control::Open(estimate)).await;
        for (d, g) in p.iter().zip(guesses) {
            submit(store, s, *d, estimate, Answer::Number { value: g })
                .await
                .unwrap();
        }

        // Reveal closes, shows the results and reveals; once.
        let revealed = ev.control(store, Control::Reveal(quiz)).await;
        let kinds: Vec<&str> = revealed
            .events
            .iter()
            .map(|e| e.event.type_name())
            .collect();
        assert_eq!(
            kinds,
            vec!["activity_closed", "results_shown", "answer_revealed"],
            "{name}"
        );
        let a = store.agenda(s.id).await.unwrap();
        let q = a.activity(quiz).unwrap();
        assert_eq!(
            (q.state, q.results_visible, q.revealed),
            (ActivityState::Closed, true, true),
            "{name}"
        );
        let before = ev.last_seq(store).await;
        let twice = ev.control(store, Control::Reveal(quiz)).await;
        assert!(twice.events.is_empty(), "{name}: idempotent");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        let r = submit(store, s, p[1], quiz, Answer::Choice { option: 1 }).await;
        assert_eq!(refused(r), DomainError::ActivityNotOpen, "{name}");

        // The estimate is current and not revealed: no leaderboard yet.
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!(live.session.current, Some(estimate));
        assert!(live.leaderboard.is_empty(), "{name}");

        // The quiz shown again: its points only.
        ev.control(store, Control::Show(Some(quiz))).await;
        let quiz_points: Vec<u32> = choices
            .iter()
            .map(|&c| if c == 1 { FULL_MARKS } else { 0 })
            .collect();
        let expected = |points: &[u32]| {
            leaderboard(
                p.iter()
                    .zip(points)
                    .map(|(d, pts)| (nickname(&d.0), *pts))
                    .collect(),
                koers_store::LEADERBOARD_SIZE,
            )
        };
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!(live.leaderboard, expected(&quiz_points), "{name}");

        // Both revealed: right answers and closeness add up.
        ev.control(store, Control::Reveal(estimate)).await;
        ev.control(store, Control::Show(Some(estimate))).await;
        let totals: Vec<u32> = quiz_points
            .iter()
            .zip(guesses)
            .map(|(q, g)| q + closeness(40.0, g))
            .collect();
        assert_eq!(
            totals,
            vec![175, 100, 100],
            "{name}: 100 + 75, 0 + 100, 100 + 0"
        );
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!(live.leaderboard, expected(&totals), "{name}");
        assert_eq!(live.leaderboard[0].points, 175);
        assert_eq!(live.leaderboard[0].nickname, nickname(&p[0].0));
        assert_eq!(
            live.leaderboard.iter().map(|l| l.rank).collect::<Vec<_>>(),
            vec![1, 2, 2],
            "{name}"
        );
        assert_log_gap_free(store, s, name).await;
    }
}

// ---------------------------------------------------------------------------
// 7. Questions and pitches

#[tokio::test]
async fn moderated_questions_wait_for_approval_and_collect_up_votes() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "vragen").await;
        let s = &ev.s;
        let qs = ev
            .add(
                store,
                "Vragen aan de wethouder",
                ActivityKind::Questions { moderated: true },
                Audience::Individuals,
            )
            .await;
        ev.control(store, Control::Open(qs)).await;
        let asker = join(store, s, None, "school").await;
        let voters = [
            join(store, s, None, "ggd").await,
            join(store, s, None, "school").await,
        ];
        let tablet = join(store, s, Some(ev.tables[0]), "school").await;
        let q = new_item(
            contribute(
                store,
                s,
                asker,
                ClientId::new(),
                qs,
                idea("Komt er een jongerencentrum?"),
            )
            .await,
        );
        let r = contribute(store, s, tablet, ClientId::new(), qs, idea("Tafelvraag")).await;
        assert_eq!(refused(r), DomainError::ForIndividualsOnly, "{name}");
        assert_eq!(
            find(&store.items(qs).await.unwrap(), q).status,
            ItemStatus::Pending,
            "{name}"
        );
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!(live.answer_counts.get(&qs), None, "{name}: not shown yet");
        let r = mark(store, s, voters[0], ClientId::new(), q, true).await;
        assert_eq!(refused(r), DomainError::NotFound, "{name}: not shown yet");

        ev.cmd(
            store,
            Command::Moderate {
                item: q,
                moderation: Moderation::Show,
            },
        )
        .await
        .unwrap();
        for v in voters {
            mark(store, s, v, ClientId::new(), q, true).await.unwrap();
        }
        mark(store, s, voters[0], ClientId::new(), q, true)
            .await
            .unwrap();
        assert_eq!(find(&store.items(qs).await.unwrap(), q).marks, 2, "{name}");
        mark(store, s, voters[1], ClientId::new(), q, false)
            .await
            .unwrap();
        let it = store.items(qs).await.unwrap();
        assert_eq!(find(&it, q).marks, 1, "{name}");
        assert!(
            find(&it, q).committed_orgs.is_empty(),
            "{name}: up-votes are no commitments"
        );
        let r = mark(store, s, tablet, ClientId::new(), q, true).await;
        assert_eq!(refused(r), DomainError::ForIndividualsOnly, "{name}");

        ev.cmd(
            store,
            Command::Moderate {
                item: q,
                moderation: Moderation::Answered,
            },
        )
        .await
        .unwrap();
        let it = store.items(qs).await.unwrap();
        assert_eq!(find(&it, q).status, ItemStatus::Answered, "{name}");
        assert!(find(&it, q).status.shown(), "{name}");
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!(live.answer_counts.get(&qs), Some(&1), "{name}: still shown");
        assert_eq!(live.items.len(), 1, "{name}");
        // Setting the same status again logs nothing.
        let same = ev
            .exec(
                store,
                Command::Moderate {
                    item: q,
                    moderation: Moderation::Answered,
                },
            )
            .await
            .unwrap();
        assert!(same.events.is_empty(), "{name}");
        assert_log_gap_free(store, s, name).await;
    }
}

#[tokio::test]
async fn the_pitch_timer_starts_pauses_resumes_and_stops_and_feedback_names_a_speaker() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "pitch").await;
        let s = &ev.s;
        let pitches = ev
            .add(
                store,
                "Pitches",
                ActivityKind::Pitches {
                    speakers: vec!["Team Noord".into(), "Team Zuid".into(), "Team Oost".into()],
                    seconds: 90,
                },
                Audience::Everyone,
            )
            .await;
        let pitch = |action| Command::Pitch {
            activity: pitches,
            action,
        };
        let timer = |e: &Executed| -> (i64, PitchState) {
            match e.events.as_slice() {
                [
                    LoggedEvent {
                        at_ms,
                        event:
                            SessionEvent::PitchTimer {
                                speaker,
                                ends_at_ms,
                                remaining_ms,
                                ..
                            },
                        ..
                    },
                ] => (
                    *at_ms,
                    PitchState {
                        speaker: *speaker,
                        ends_at_ms: *ends_at_ms,
                        remaining_ms: *remaining_ms,
                    },
                ),
                other => panic!("expected one timer event, got {other:?}"),
            }
        };
        let doc = |store: &Store| {
            let store = store.clone();
            async move { store.activity_doc(pitches).await.unwrap().pitch }
        };

        let r = ev
            .cmd(store, pitch(PitchAction::Start { speaker: 3 }))
            .await;
        assert_eq!(refused(r), DomainError::NoSuchOption, "{name}");
        let (at, started) = timer(
            &ev.exec(store, pitch(PitchAction::Start { speaker: 1 }))
                .await
                .unwrap(),
        );
        assert_eq!(started.speaker, Some(1), "{name}");
        assert_eq!(started.ends_at_ms, Some(at + 90_000), "{name}");
        assert_eq!(started.remaining_ms, None);
        assert_eq!(doc(store).await, started, "{name}");

        let (at, paused) = timer(&ev.exec(store, pitch(PitchAction::Pause)).await.unwrap());
        let left = started.ends_at_ms.unwrap() - at;
        assert_eq!(
            paused,
            PitchState {
                speaker: Some(1),
                ends_at_ms: None,
                remaining_ms: Some(left)
            },
            "{name}"
        );
        assert_eq!(doc(store).await, paused);
        let twice = ev.exec(store, pitch(PitchAction::Pause)).await.unwrap();
        assert!(twice.events.is_empty(), "{name}: already paused");

        let (at, resumed) = timer(&ev.exec(store, pitch(PitchAction::Resume)).await.unwrap());
        assert_eq!(
            resumed,
            PitchState {
                speaker: Some(1),
                ends_at_ms: Some(at + left),
                remaining_ms: None
            },
            "{name}"
        );
        assert_eq!(doc(store).await, resumed);
        let (_, stopped) = timer(&ev.exec(store, pitch(PitchAction::Stop)).await.unwrap());
        assert_eq!(stopped, PitchState::default(), "{name}");
        assert_eq!(doc(store).await, PitchState::default());

        // Feedback on a pitch names one of the speakers.
        ev.control(store, Control::Open(pitches)).await;
        let phone = join(store, s, None, "ggd").await;
        let feedback = |speaker, tone, text: &str| ItemDraft {
            text: text.into(),
            detail: ItemDetail::Feedback { speaker, tone },
        };
        let f = new_item(
            contribute(
                store,
                s,
                phone,
                ClientId::new(),
                pitches,
                feedback(1, Tone::Success, "Mooi   concreet"),
            )
            .await,
        );
        new_item(
            contribute(
                store,
                s,
                phone,
                ClientId::new(),
                pitches,
                feedback(2, Tone::Improve, "Wie betaalt dit?"),
            )
            .await,
        );
        let before = ev.last_seq(store).await;
        let r = contribute(
            store,
            s,
            phone,
            ClientId::new(),
            pitches,
            feedback(3, Tone::Success, "Niemand"),
        )
        .await;
        assert_eq!(refused(r), DomainError::NoSuchOption, "{name}");
        let r = contribute(store, s, phone, ClientId::new(), pitches, idea("Los")).await;
        assert_eq!(refused(r), DomainError::WrongAnswerType, "{name}");
        assert_eq!(ev.last_seq(store).await, before, "{name}");
        let items = store.items(pitches).await.unwrap();
        assert_eq!(items.len(), 2, "{name}");
        assert_eq!(
            find(&items, f).draft,
            feedback(1, Tone::Success, "Mooi concreet"),
            "{name}"
        );
        let live = store.live_data(s.id).await.unwrap().unwrap();
        assert_eq!(live.doc.pitch, PitchState::default(), "{name}");
        assert_eq!(live.items.len(), 2, "{name}");
        assert_log_gap_free(store, s, name).await;
    }
}

// ---------------------------------------------------------------------------
// Bugs found while writing these stories (ignored so the suite stays green).

#[tokio::test]

async fn a_revised_question_in_a_moderated_round_waits_for_approval_again() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "herzien").await;
        let s = &ev.s;
        let qs = ev
            .add(
                store,
                "Vragen",
                ActivityKind::Questions { moderated: true },
                Audience::Individuals,
            )
            .await;
        ev.control(store, Control::Open(qs)).await;
        let asker = join(store, s, None, "school").await;
        let q = new_item(
            contribute(
                store,
                s,
                asker,
                ClientId::new(),
                qs,
                idea("Een nette vraag"),
            )
            .await,
        );
        ev.cmd(
            store,
            Command::Moderate {
                item: q,
                moderation: Moderation::Show,
            },
        )
        .await
        .unwrap();
        revise(store, s, asker, q, idea("Iets wat nooit goedgekeurd is"))
            .await
            .unwrap();
        let it = store.items(qs).await.unwrap();
        assert_eq!(
            find(&it, q).status,
            ItemStatus::Pending,
            "{name}: the new text was never approved, yet it is shown"
        );
    }
}

#[tokio::test]

async fn a_withdrawn_or_merged_idea_cannot_be_revised_by_its_author() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "weg").await;
        let s = &ev.s;
        let wall = ev
            .add(
                store,
                "Ideeën",
                ActivityKind::IdeaWall { max_chars: 100 },
                Audience::Individuals,
            )
            .await;
        ev.control(store, Control::Open(wall)).await;
        let phone = join(store, s, None, "school").await;
        let gone =
            new_item(contribute(store, s, phone, ClientId::new(), wall, idea("Eerste")).await);
        let merged =
            new_item(contribute(store, s, phone, ClientId::new(), wall, idea("Tweede")).await);
        let kept =
            new_item(contribute(store, s, phone, ClientId::new(), wall, idea("Derde")).await);
        withdraw(store, s, phone, ClientId::new(), gone)
            .await
            .unwrap();
        ev.cmd(
            store,
            Command::MergeItems {
                from: merged,
                into: kept,
            },
        )
        .await
        .unwrap();
        // The facilitator cannot edit them any more...
        for item in [gone, merged] {
            let r = ev
                .cmd(
                    store,
                    Command::EditItem {
                        item,
                        draft: idea("Anders"),
                    },
                )
                .await;
            assert_eq!(refused(r), DomainError::NotFound, "{name}");
        }
        // ...and neither should the author.
        for item in [gone, merged] {
            let r = revise(store, s, phone, item, idea("Toch anders")).await;
            assert_eq!(refused(r), DomainError::NotFound, "{name}");
        }
    }
}

#[tokio::test]

async fn a_categorising_activity_only_works_on_an_idea_wall_of_its_own_session() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let other = evening(store, "ander").await;
        let secret_wall = other
            .add(
                store,
                "Ideeën",
                ActivityKind::IdeaWall { max_chars: 100 },
                Audience::Individuals,
            )
            .await;
        let foreign = new_item(
            other
                .cmd(
                    store,
                    Command::AddItem {
                        activity: secret_wall,
                        draft: idea("Vertrouwelijk idee"),
                    },
                )
                .await,
        );
        let ev = evening(store, "eigen").await;
        let def = koers_core::activity::ActivityDef::new(
            "Thema's",
            ActivityKind::Categorise {
                source: secret_wall,
            },
            Audience::Individuals,
        )
        .unwrap();
        let r = ev
            .cmd(
                store,
                Command::AddActivity {
                    step: ev.step,
                    def,
                    id: None,
                },
            )
            .await;
        match r {
            Err(ExecError::Refused(_)) => {}
            Ok(Outcome::Activity(cat)) => {
                // What that allows: this session's screen shows the other
                // session's ideas, and its board places them.
                ev.control(store, Control::Show(Some(cat))).await;
                let live = store.live_data(ev.s.id).await.unwrap().unwrap();
                let shown: Vec<String> = live.items.iter().map(|i| i.draft.text.clone()).collect();
                let category = CategoryId::new();
                ev.cmd(
                    store,
                    Command::Board {
                        activity: cat,
                        op: BoardOp::Create {
                            id: category,
                            name: "Buit".into(),
                        },
                    },
                )
                .await
                .unwrap();
                let placed = ev
                    .cmd(
                        store,
                        Command::Board {
                            activity: cat,
                            op: BoardOp::Move {
                                item: foreign,
                                to: Some(category),
                            },
                        },
                    )
                    .await;
                panic!(
                    "{name}: another session's idea wall accepted as source; \
                     this session's live view shows {shown:?}; placing its idea: {placed:?}"
                );
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[tokio::test]

async fn an_activity_with_items_can_neither_be_removed_nor_turned_into_another_kind() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "houden").await;
        let mut walls = Vec::new();
        for _ in 0..2 {
            let wall = ev
                .add(
                    store,
                    "Ideeën",
                    ActivityKind::IdeaWall { max_chars: 100 },
                    Audience::Individuals,
                )
                .await;
            new_item(
                ev.cmd(
                    store,
                    Command::AddItem {
                        activity: wall,
                        draft: idea("Een idee dat blijft"),
                    },
                )
                .await,
            );
            walls.push(wall);
        }
        let poll = koers_core::activity::ActivityDef::new(
            "Eens?",
            ActivityKind::SingleChoice {
                options: vec!["Ja".into(), "Nee".into()],
            },
            Audience::Individuals,
        )
        .unwrap();
        let edited = ev
            .cmd(
                store,
                Command::EditActivity {
                    activity: walls[0],
                    def: poll,
                },
            )
            .await;
        let removed = ev
            .cmd(store, Command::RemoveActivity { activity: walls[1] })
            .await;
        let left = store.items(walls[1]).await.unwrap().len();
        assert!(
            matches!(edited, Err(ExecError::Refused(DomainError::HasAnswers)))
                && matches!(removed, Err(ExecError::Refused(DomainError::HasAnswers)))
                && left == 1,
            "{name}: idea wall edited into a poll: {edited:?}; \
             idea wall removed: {removed:?}, its ideas left: {left}"
        );
    }
}

#[tokio::test]

async fn a_vote_whose_source_changed_does_not_keep_the_old_candidates() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let ev = evening(store, "bron").await;
        let first = categorised(store, &ev).await;
        let other = ev
            .add(
                store,
                "Andere thema's",
                ActivityKind::Categorise {
                    source: first.wall.wall,
                },
                Audience::Individuals,
            )
            .await;
        ev.cmd(
            store,
            Command::Board {
                activity: other,
                op: BoardOp::Create {
                    id: CategoryId::new(),
                    name: "Alleen hier".into(),
                },
            },
        )
        .await
        .unwrap();
        let method = VoteMethod::Dots {
            dots: 3,
            max_per_item: 2,
        };
        let vote = ev
            .add(
                store,
                "Stem",
                ActivityKind::Prioritise {
                    source: first.cat,
                    method: method.clone(),
                },
                Audience::Individuals,
            )
            .await;
        ev.control(store, Control::Open(vote)).await;
        ev.control(store, Control::Close(vote)).await;
        // No ballots yet, so the facilitator may point the vote elsewhere...
        let def = koers_core::activity::ActivityDef::new(
            "Stem",
            ActivityKind::Prioritise {
                source: other,
                method,
            },
            Audience::Individuals,
        )
        .unwrap();
        let edited = ev
            .cmd(
                store,
                Command::EditActivity {
                    activity: vote,
                    def,
                },
            )
            .await;
        ev.control(store, Control::Open(vote)).await;
        let labels = store.activity_doc(vote).await.unwrap().list.unwrap().labels;
        // ...but then the ballot must be the new source's, or the edit refused.
        assert!(
            edited.is_err() || labels == vec!["Alleen hier".to_string()],
            "{name}: edit {edited:?}, yet the ballot still lists {labels:?}"
        );
    }
}

async fn board_of(store: &Store, activity: ActivityId) -> Board {
    store.activity_doc(activity).await.unwrap().board
}

/// A societal result in the inventory of the evening's workspace, written
/// by its facilitator.
async fn inventory_result(store: &Store, ev: &Evening, title: &str) -> koers_core::ids::ResultId {
    let Actor::User(user) = ev.fac else {
        panic!("the facilitator is a user")
    };
    let r = koers_core::inventory::ResultInput {
        title: title.into(),
        ..Default::default()
    }
    .validate(koers_core::ids::ResultId::new())
    .unwrap();
    let by = koers_store::Editor {
        user,
        name: "Beleid".into(),
        partner: None,
    };
    store
        .write_inventory(
            ev.s.workspace_id,
            &[koers_store::Write::Result(r.clone())],
            &by,
        )
        .await
        .unwrap();
    r.id
}

#[tokio::test]
async fn a_category_links_only_to_a_result_of_its_own_workspace_and_the_link_is_undone_like_any_step()
 {
    for ts in stores().await {
        let store = &ts.store;
        let ev = evening(store, "koppel").await;
        let c = categorised(store, &ev).await;
        let own = inventory_result(store, &ev, "Meer kinderen bewegen").await;
        let other = evening(store, "ander").await;
        let foreign = inventory_result(store, &other, "Elders").await;
        let sport = c.categories[0];
        let before = board_of(store, c.cat).await;

        for result in [foreign, koers_core::ids::ResultId::new()] {
            let r = ev
                .cmd(
                    store,
                    Command::Board {
                        activity: c.cat,
                        op: BoardOp::Link {
                            id: sport,
                            result: Some(result),
                        },
                    },
                )
                .await;
            assert_eq!(refused(r), DomainError::NotFound, "{}", ts.name);
            assert_eq!(
                board_of(store, c.cat).await,
                before,
                "{}: unchanged",
                ts.name
            );
        }

        ev.cmd(
            store,
            Command::Board {
                activity: c.cat,
                op: BoardOp::Link {
                    id: sport,
                    result: Some(own),
                },
            },
        )
        .await
        .unwrap();
        let linked = board_of(store, c.cat).await;
        assert_eq!(linked.categories[0].result, Some(own), "{}", ts.name);
        assert!(linked.categories[1..].iter().all(|k| k.result.is_none()));
        assert_eq!(
            store.result_titles(ev.s.workspace_id).await.unwrap(),
            [(own, "Meer kinderen bewegen".to_string())]
        );

        ev.cmd(store, Command::UndoBoard { activity: c.cat })
            .await
            .unwrap();
        assert_eq!(board_of(store, c.cat).await, before, "{}: undone", ts.name);
    }
}
