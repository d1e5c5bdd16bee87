#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

fn ids(n: usize) -> Vec<ItemId> {
    (0..n).map(|_| ItemId::new()).collect()
}

#[test]
fn merging_moves_every_idea_and_remembers_the_name() {
    let ideas = ids(3);
    let (a, b) = (CategoryId::new(), CategoryId::new());
    let mut board = Board::default();
    for op in [
        BoardOp::Create {
            id: a,
            name: "Sport".into(),
        },
        BoardOp::Create {
            id: b,
            name: "Bewegen".into(),
        },
        BoardOp::Move {
            item: ideas[0],
            to: Some(a),
        },
        BoardOp::Move {
            item: ideas[1],
            to: Some(b),
        },
    ] {
        board = board.apply(op, &ideas).unwrap();
    }
    let merged = board
        .apply(BoardOp::Merge { from: b, into: a }, &ideas)
        .unwrap();
    assert_eq!(merged.categories.len(), 1);
    assert_eq!(
        merged.categories[0].merged_from,
        vec!["Bewegen".to_string()]
    );
    assert_eq!(merged.members(a, &ideas).len(), 2);
    assert_eq!(merged.unplaced(&ideas), vec![&ideas[2]]);
}

#[test]
fn refusals_leave_the_board_unchanged() {
    let ideas = ids(1);
    let a = CategoryId::new();
    let board = Board::default()
        .apply(
            BoardOp::Create {
                id: a,
                name: "Sport".into(),
            },
            &ideas,
        )
        .unwrap();
    let board = board
        .apply(
            BoardOp::Move {
                item: ideas[0],
                to: Some(a),
            },
            &ideas,
        )
        .unwrap();
    assert_eq!(
        board.apply(BoardOp::Remove { id: a }, &ideas),
        Err(DomainError::HasAnswers)
    );
    assert_eq!(
        board.apply(
            BoardOp::Move {
                item: ItemId::new(),
                to: Some(a)
            },
            &ideas
        ),
        Err(DomainError::NotFound)
    );
    assert_eq!(
        board.apply(BoardOp::Merge { from: a, into: a }, &ideas),
        Err(DomainError::InvalidActivity("merge-into-itself"))
    );
}

/// A step chosen by index, so proptest can shrink it.
#[derive(Clone, Debug)]
enum Step {
    Create,
    Rename(usize),
    Merge(usize, usize),
    Move(usize, Option<usize>),
    Remove(usize),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Create),
        (0..8usize).prop_map(Step::Rename),
        (0..8usize, 0..8usize).prop_map(|(a, b)| Step::Merge(a, b)),
        (0..12usize, proptest::option::of(0..8usize)).prop_map(|(i, c)| Step::Move(i, c)),
        (0..8usize).prop_map(Step::Remove),
        Just(Step::Undo),
    ]
}

proptest! {
    /// Any sequence of steps and undos: every idea is in exactly one existing
    /// category or unplaced, and undo restores exactly the board before.
    #[test]
    fn merge_and_undo_never_lose_an_idea(steps in proptest::collection::vec(step(), 0..60)) {
        let ideas = ids(12);
        let mut board = Board::default();
        // Each step keeps the board before it and the undo record made
        // from it: undoing with the record must give exactly that board.
        let mut history: Vec<(Board, BoardUndo)> = Vec::new();
        for s in steps {
            let cat = |b: &Board, i: usize| b.categories.get(i % b.categories.len().max(1)).map(|c| c.id);
            let op = match s {
                Step::Undo => {
                    if let Some((prev, undo)) = history.pop() {
                        board = board.undone(&undo);
                        prop_assert_eq!(&board, &prev);
                    }
                    continue;
                }
                Step::Create => Some(BoardOp::Create { id: CategoryId::new(), name: "Thema".into() }),
                Step::Rename(i) => cat(&board, i).map(|id| BoardOp::Rename { id, name: "Nieuw".into() }),
                Step::Merge(a, b) => cat(&board, a).zip(cat(&board, b)).map(|(from, into)| BoardOp::Merge { from, into }),
                Step::Move(i, c) => Some(BoardOp::Move { item: ideas[i], to: c.and_then(|c| cat(&board, c)) }),
                Step::Remove(i) => cat(&board, i).map(|id| BoardOp::Remove { id }),
            };
            let Some(op) = op else { continue };
            let before = board.clone();
            if let Ok(next) = board.apply(op, &ideas) {
                let undo = next.undo_to(&before);
                history.push((before, undo));
                board = next;
            } else {
                prop_assert_eq!(&board, &before);
            }
            let placed: usize = board.categories.iter().map(|c| board.members(c.id, &ideas).len()).sum();
            prop_assert_eq!(placed + board.unplaced(&ideas).len(), ideas.len());
            for c in board.placement.values() {
                prop_assert!(board.categories.iter().any(|k| k.id == *c));
            }
        }
        // Undoing everything gives the empty board back.
        while let Some((prev, undo)) = history.pop() {
            board = board.undone(&undo);
            prop_assert_eq!(&board, &prev);
        }
        prop_assert_eq!(board, Board::default());
    }
}

#[test]
fn an_undo_record_holds_only_what_the_step_changed() {
    let ideas = ids(100);
    let a = CategoryId::new();
    let b = CategoryId::new();
    let mut board = Board::default()
        .apply(
            BoardOp::Create {
                id: a,
                name: "Sport".into(),
            },
            &ideas,
        )
        .unwrap()
        .apply(
            BoardOp::Create {
                id: b,
                name: "School".into(),
            },
            &ideas,
        )
        .unwrap();
    for i in &ideas[..90] {
        board = board
            .apply(
                BoardOp::Move {
                    item: *i,
                    to: Some(a),
                },
                &ideas,
            )
            .unwrap();
    }
    // One idea moves: one entry, the categories untouched.
    let moved = board
        .apply(
            BoardOp::Move {
                item: ideas[3],
                to: Some(b),
            },
            &ideas,
        )
        .unwrap();
    let undo = moved.undo_to(&board);
    assert_eq!(
        undo,
        BoardUndo {
            categories: None,
            placement: vec![(ideas[3], Some(a))]
        }
    );
    assert_eq!(moved.undone(&undo), board);
    // A rename keeps the categories only.
    let renamed = board
        .apply(
            BoardOp::Rename {
                id: b,
                name: "Onderwijs".into(),
            },
            &ideas,
        )
        .unwrap();
    let undo = renamed.undo_to(&board);
    assert!(undo.placement.is_empty());
    assert_eq!(undo.categories.as_deref(), Some(&board.categories[..]));
    // Placing an unplaced idea is undone by taking it out again.
    let placed = board
        .apply(
            BoardOp::Move {
                item: ideas[95],
                to: Some(b),
            },
            &ideas,
        )
        .unwrap();
    assert_eq!(placed.undo_to(&board).placement, vec![(ideas[95], None)]);
    assert_eq!(placed.undone(&placed.undo_to(&board)), board);
}

#[test]
fn a_history_of_whole_boards_becomes_a_chain_of_undo_records() {
    let ideas = ids(4);
    let a = CategoryId::new();
    let steps = [
        BoardOp::Create {
            id: a,
            name: "Sport".into(),
        },
        BoardOp::Move {
            item: ideas[0],
            to: Some(a),
        },
        BoardOp::Move {
            item: ideas[1],
            to: Some(a),
        },
        BoardOp::Rename {
            id: a,
            name: "Bewegen".into(),
        },
    ];
    let mut boards = vec![Board::default()];
    for op in steps {
        let next = boards.last().unwrap().apply(op, &ideas).unwrap();
        boards.push(next);
    }
    let current = boards.pop().unwrap();
    let chain = current.undo_chain(&boards);
    assert_eq!(chain.len(), 4);
    // Undoing from the newest record back reproduces every earlier board.
    let mut board = current;
    for (undo, before) in chain.iter().zip(&boards).rev() {
        board = board.undone(undo);
        assert_eq!(&board, before);
    }
}

#[test]
fn a_linked_result_follows_its_category_through_merges_and_undo() {
    use crate::ids::ResultId;
    let ideas = ids(1);
    let (a, b) = (CategoryId::new(), CategoryId::new());
    let (health, sport) = (ResultId::new(), ResultId::new());
    let mut board = Board::default();
    for op in [
        BoardOp::Create {
            id: a,
            name: "Gezond".into(),
        },
        BoardOp::Create {
            id: b,
            name: "Bewegen".into(),
        },
        BoardOp::Link {
            id: b,
            result: Some(sport),
        },
    ] {
        board = board.apply(op, &ideas).unwrap();
    }
    assert_eq!(board.categories[1].result, Some(sport));
    // Merged into an unlinked category, the link comes along ...
    let merged = board
        .apply(BoardOp::Merge { from: b, into: a }, &ideas)
        .unwrap();
    assert_eq!(merged.categories[0].result, Some(sport));
    // ... but a category's own link wins.
    let own = board
        .apply(
            BoardOp::Link {
                id: a,
                result: Some(health),
            },
            &ideas,
        )
        .unwrap();
    let undo = own.undo_to(&board);
    let kept = own
        .apply(BoardOp::Merge { from: b, into: a }, &ideas)
        .unwrap();
    assert_eq!(kept.categories[0].result, Some(health));
    // Linking is a step like any other: undone, the link is gone again.
    assert_eq!(own.undone(&undo), board);
    let unlinked = own
        .apply(
            BoardOp::Link {
                id: a,
                result: None,
            },
            &ideas,
        )
        .unwrap();
    assert_eq!(unlinked.categories[0].result, None);
    assert_eq!(
        board.apply(
            BoardOp::Link {
                id: CategoryId::new(),
                result: Some(health)
            },
            &ideas
        ),
        Err(DomainError::NotFound)
    );
}
