//! A database written before undo records (migration 0004) kept a whole
//! board per categorising step in `board_history`. Opening it with this
//! Koers turns those rows into undo records, and undo then walks back through
//! exactly the boards there were — also when undo records of newer steps sit
//! on top of the old rows. Run on SQLite always and on PostgreSQL when
//! KOERS_TEST_POSTGRES_URL is set.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use koers_core::DomainError;
use koers_core::activity::{ActivityDef, ActivityKind, Audience};
use koers_core::board::{Board, BoardOp};
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, CategoryId, ItemId};
use koers_core::items::{ItemDetail, ItemDraft};
use koers_core::session::Control;
use koers_store::{Command, ExecError, Outcome, Store, StoreOptions};
use sqlx::{Connection, Row};

async fn fac(store: &Store, s: koers_core::ids::SessionId, cmd: Command) -> Outcome {
    store.execute(s, Actor::System, cmd).await.unwrap().outcome
}

/// The categorising steps of the story: every kind that changes the
/// categories or the ideas' places.
fn steps(ideas: &[ItemId]) -> Vec<BoardOp> {
    let (a, b, c) = (CategoryId::new(), CategoryId::new(), CategoryId::new());
    vec![
        BoardOp::Create {
            id: a,
            name: "Sport".into(),
        },
        BoardOp::Create {
            id: b,
            name: "Veiligheid".into(),
        },
        BoardOp::Move {
            item: ideas[0],
            to: Some(a),
        },
        BoardOp::Move {
            item: ideas[1],
            to: Some(b),
        },
        BoardOp::Create {
            id: c,
            name: "Ouders".into(),
        },
        BoardOp::Move {
            item: ideas[2],
            to: Some(c),
        },
        BoardOp::Move {
            item: ideas[1],
            to: None,
        },
        BoardOp::Rename {
            id: b,
            name: "Veilig opgroeien".into(),
        },
        BoardOp::Merge { from: c, into: a },
        BoardOp::Reorder { id: b, up: true },
    ]
}

#[tokio::test]
async fn an_older_board_history_becomes_undo_records_and_undo_stays_exact() {
    for t in stores().await {
        let (store, name) = (&t.store, t.name);
        let (ws, user) = workspace_and_user(store, "oud").await;
        let s = session(store, &ws, &user).await.id;
        let Outcome::Step(step) = fac(
            store,
            s,
            Command::AddStep {
                title: "Ordenen".into(),
            },
        )
        .await
        else {
            panic!("no step")
        };
        let add = |kind: ActivityKind| Command::AddActivity {
            step,
            def: ActivityDef::new("Stap", kind, Audience::Everyone).unwrap(),
            id: None,
        };
        let Outcome::Activity(wall) =
            fac(store, s, add(ActivityKind::IdeaWall { max_chars: 200 })).await
        else {
            panic!("no wall")
        };
        fac(store, s, Command::Control(Control::Open(wall))).await;
        let mut ideas = Vec::new();
        for text in ["Sportclubs", "Straatcoaches", "Ouderavond"] {
            let draft = ItemDraft {
                text: text.into(),
                detail: ItemDetail::Plain,
            };
            let Outcome::Item { item, .. } = fac(
                store,
                s,
                Command::AddItem {
                    activity: wall,
                    draft,
                },
            )
            .await
            else {
                panic!("no item")
            };
            ideas.push(item);
        }
        // Two boards: one whose whole history is old, one whose last three
        // steps were taken after the upgrade.
        let mut cats: Vec<(ActivityId, Vec<Board>, usize)> = Vec::new();
        for old_steps in [10, 7] {
            let Outcome::Activity(cat) =
                fac(store, s, add(ActivityKind::Categorise { source: wall })).await
            else {
                panic!("no board")
            };
            let mut boards = vec![store.activity_doc(cat).await.unwrap().board];
            for op in steps(&ideas) {
                fac(store, s, Command::Board { activity: cat, op }).await;
                boards.push(store.activity_doc(cat).await.unwrap().board);
            }
            cats.push((cat, boards, old_steps));
        }

        // Make the database look as the old Koers left it: the boards before
        // each old step in board_history, no undo records for those steps.
        let mut c = sqlx::AnyConnection::connect(&t.url).await.unwrap();
        for (cat, boards, old_steps) in &cats {
            sqlx::query("DELETE FROM board_undo WHERE activity_id = $1 AND version <= $2")
                .bind(cat.to_string())
                .bind(*old_steps as i64)
                .execute(&mut c)
                .await
                .unwrap();
            for (i, board) in boards[..*old_steps].iter().enumerate() {
                sqlx::query(
                    "INSERT INTO board_history (activity_id, version, doc) VALUES ($1, $2, $3)",
                )
                .bind(cat.to_string())
                .bind(i as i64 + 1)
                .bind(serde_json::to_string(board).unwrap())
                .execute(&mut c)
                .await
                .unwrap();
            }
        }

        // Opening converts; opening again finds nothing left to convert.
        let reopened = Store::open(&t.url, StoreOptions::default()).await.unwrap();
        drop(Store::open(&t.url, StoreOptions::default()).await.unwrap());
        let left: i64 = sqlx::query("SELECT COUNT(*) AS n FROM board_history")
            .fetch_one(&mut c)
            .await
            .unwrap()
            .try_get("n")
            .unwrap();
        assert_eq!(left, 0, "{name}: every old row converted");
        for (cat, _, _) in &cats {
            let records: i64 =
                sqlx::query("SELECT COUNT(*) AS n FROM board_undo WHERE activity_id = $1")
                    .bind(cat.to_string())
                    .fetch_one(&mut c)
                    .await
                    .unwrap()
                    .try_get("n")
                    .unwrap();
            assert_eq!(records, 10, "{name}: one record per step, none twice");
        }
        c.close().await.unwrap();

        for (cat, mut boards, _) in cats {
            while boards.len() > 1 {
                boards.pop();
                fac(&reopened, s, Command::UndoBoard { activity: cat }).await;
                assert_eq!(
                    &reopened.activity_doc(cat).await.unwrap().board,
                    boards.last().unwrap(),
                    "{name}: undo gives the exact earlier board"
                );
            }
            let r = reopened
                .execute(s, Actor::System, Command::UndoBoard { activity: cat })
                .await;
            assert!(
                matches!(r, Err(ExecError::Refused(DomainError::NothingToUndo))),
                "{name}: {r:?}"
            );
        }
    }
}
