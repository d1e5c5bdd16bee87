//! Commands on shared lists and the evening's later steps: items (ideas,
//! actions, questions, pitch feedback) and marks on them, moderation and
//! merging, the categorising board with undo, the agreed goal, finalising a
//! list and the pitch timer. Same discipline as every command: one locked
//! transaction, domain rules first, then state and events.

use super::{ActivityRow, Command, EventLog, Outcome, load_activity, load_answer_target, replayed};
use crate::error::{ExecError, StoreError};
use crate::reads::{load_agenda, load_answers};
use crate::records::SessionRecord;
use crate::util::{parse_id, parse_json, to_json};
use koers_core::DomainError;
use koers_core::activity::{ActivityDef, ActivityKind, ActivityState};
use koers_core::board::{BoardOp, BoardUndo};
use koers_core::doc::{ActivityDoc, FrozenList};
use koers_core::event::{Respondent, SessionEvent};
use koers_core::ids::{ActivityId, ItemId, ParticipantId};
use koers_core::items::{ItemDraft, ItemStatus, MAX_ITEMS_PER_RESPONDENT, MarkKind, validate_item};
use koers_core::session::{Control, check_answer_allowed, decide_control};
use koers_core::tally::{Tally, tally};
use sqlx::{AnyConnection, Row};

/// The document of an activity (empty when it has none yet).
pub(crate) async fn load_doc(
    conn: &mut AnyConnection,
    activity: ActivityId,
) -> Result<ActivityDoc, StoreError> {
    let row = sqlx::query("SELECT doc FROM activity_docs WHERE activity_id = $1")
        .bind(activity.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(r) => parse_json(&r.try_get::<String, _>("doc")?),
        None => Ok(ActivityDoc::default()),
    }
}

async fn save_doc(
    conn: &mut AnyConnection,
    sid: &str,
    activity: ActivityId,
    doc: &ActivityDoc,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO activity_docs (activity_id, session_id, doc) VALUES ($1, $2, $3) \
         ON CONFLICT (activity_id) DO UPDATE SET doc = excluded.doc",
    )
    .bind(activity.to_string())
    .bind(sid)
    .bind(to_json(doc)?)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The shown items of an activity, oldest first: `(id, text)`.
pub(crate) async fn shown_items(
    conn: &mut AnyConnection,
    activity: ActivityId,
) -> Result<Vec<(ItemId, String)>, StoreError> {
    sqlx::query(
        "SELECT id, text FROM items WHERE activity_id = $1 AND status IN ('visible', 'answered') \
         ORDER BY created_at, id",
    )
    .bind(activity.to_string())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok((
            parse_id(&r.try_get::<String, _>("id")?)?,
            r.try_get("text")?,
        ))
    })
    .collect()
}

/// Checks that an activity's source (what it builds on) is an activity of
/// the right kind in the same session: categorising works on an idea wall,
/// a vote on a categorising activity or an idea wall, actions on a vote.
pub(crate) async fn check_source(
    conn: &mut AnyConnection,
    sid: &str,
    kind: &ActivityKind,
) -> Result<(), ExecError> {
    let Some(source) = kind.source() else {
        return Ok(());
    };
    let src = load_activity(conn, sid, source)
        .await
        .map_err(|_| DomainError::InvalidActivity("source"))?;
    let fits = match kind {
        ActivityKind::Categorise { .. } => matches!(src.kind, ActivityKind::IdeaWall { .. }),
        ActivityKind::Prioritise { .. } => matches!(
            src.kind,
            ActivityKind::Categorise { .. } | ActivityKind::IdeaWall { .. }
        ),
        ActivityKind::Actions { .. } => matches!(src.kind, ActivityKind::Prioritise { .. }),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(DomainError::InvalidActivity("source").into())
    }
}

/// Forgets a frozen list (a vote's candidates) so it is fixed again from
/// the new source when the activity next opens. Only called when nothing
/// refers to the list yet (no ballots, no items).
pub(crate) async fn unfreeze(
    conn: &mut AnyConnection,
    sid: &str,
    activity: ActivityId,
) -> Result<(), StoreError> {
    let mut doc = load_doc(conn, activity).await?;
    if doc.list.take().is_some() {
        save_doc(conn, sid, activity, &doc).await?;
    }
    Ok(())
}

/// Fixes the list a vote or an action list works on when it first opens.
pub(crate) async fn freeze_on_open(
    conn: &mut AnyConnection,
    session: &SessionRecord,
    log: &mut EventLog,
    activity: ActivityId,
) -> Result<(), ExecError> {
    let sid = session.id.to_string();
    let a = load_activity(conn, &sid, activity).await?;
    if !matches!(
        a.kind,
        ActivityKind::Prioritise { .. } | ActivityKind::Actions { .. }
    ) {
        return Ok(());
    }
    let mut doc = load_doc(conn, activity).await?;
    if doc.list.is_some() {
        return Ok(());
    }
    let list = match &a.kind {
        ActivityKind::Actions { source, top_k } => {
            priorities_of(conn, &sid, *source, usize::from(*top_k)).await?
        }
        ActivityKind::Prioritise { source, .. } => candidates_of(conn, &sid, *source).await?,
        _ => return Ok(()),
    };
    if list.keys.is_empty() {
        return Err(DomainError::InvalidActivity("nothing-to-list").into());
    }
    doc.list = Some(list.clone());
    save_doc(conn, &sid, activity, &doc).await?;
    log.push(SessionEvent::ListFrozen {
        activity_id: activity,
        labels: list.labels,
    });
    Ok(())
}

/// A vote's candidates: the categories of a categorising activity, or the
/// ideas of an idea wall.
async fn candidates_of(
    conn: &mut AnyConnection,
    sid: &str,
    source: ActivityId,
) -> Result<FrozenList, ExecError> {
    let src = load_activity(conn, sid, source).await?;
    Ok(match src.kind {
        ActivityKind::Categorise { .. } => {
            let board = load_doc(conn, source).await?.board;
            FrozenList {
                keys: board.categories.iter().map(|c| c.id.to_string()).collect(),
                labels: board.categories.into_iter().map(|c| c.name).collect(),
            }
        }
        ActivityKind::IdeaWall { .. } => {
            let items = shown_items(conn, source).await?;
            FrozenList {
                keys: items.iter().map(|(id, _)| id.to_string()).collect(),
                labels: items.into_iter().map(|(_, t)| t).collect(),
            }
        }
        _ => return Err(DomainError::InvalidActivity("vote-source").into()),
    })
}

/// The top `k` of a vote, best first.
async fn priorities_of(
    conn: &mut AnyConnection,
    sid: &str,
    source: ActivityId,
    k: usize,
) -> Result<FrozenList, ExecError> {
    let src = load_activity(conn, sid, source).await?;
    if !matches!(src.kind, ActivityKind::Prioritise { .. }) {
        return Err(DomainError::InvalidActivity("actions-source").into());
    }
    let Some(list) = load_doc(conn, source).await?.list else {
        return Ok(FrozenList::default());
    };
    let answers = load_answers(conn, source).await?;
    let Tally::Vote(result) = tally(&src.kind, list.keys.len(), &answers) else {
        return Ok(FrozenList::default());
    };
    if result.voters == 0 {
        return Ok(FrozenList::default());
    }
    let top: Vec<usize> = result
        .rows
        .iter()
        .take(k)
        .map(|r| r.candidate as usize)
        .collect();
    Ok(FrozenList {
        keys: top
            .iter()
            .filter_map(|&i| list.keys.get(i).cloned())
            .collect(),
        labels: top
            .iter()
            .filter_map(|&i| list.labels.get(i).cloned())
            .collect(),
    })
}

/// An item with what the rules need to know about it.
struct ItemRow {
    activity: ActivityId,
    author: Option<String>,
    status: ItemStatus,
}

async fn load_item(
    conn: &mut AnyConnection,
    sid: &str,
    item: ItemId,
) -> Result<ItemRow, ExecError> {
    let row = sqlx::query(
        "SELECT activity_id, author_id, status FROM items WHERE id = $1 AND session_id = $2",
    )
    .bind(item.to_string())
    .bind(sid)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(DomainError::NotFound)?;
    let status: String = row.try_get("status")?;
    Ok(ItemRow {
        activity: parse_id(&row.try_get::<String, _>("activity_id")?)?,
        author: row.try_get("author_id")?,
        status: ItemStatus::parse(&status).ok_or_else(|| StoreError::corrupt("item status"))?,
    })
}

async fn set_status(
    conn: &mut AnyConnection,
    log: &mut EventLog,
    item: ItemId,
    status: ItemStatus,
) -> Result<i64, StoreError> {
    sqlx::query("UPDATE items SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.name())
        .bind(log.at)
        .bind(item.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(log.push(SessionEvent::ItemStatusChanged {
        item_id: item,
        status,
    }))
}

async fn write_draft(
    conn: &mut AnyConnection,
    log: &mut EventLog,
    item: ItemId,
    draft: ItemDraft,
) -> Result<i64, StoreError> {
    sqlx::query("UPDATE items SET text = $1, detail = $2, updated_at = $3 WHERE id = $4")
        .bind(&draft.text)
        .bind(to_json(&draft.detail)?)
        .bind(log.at)
        .bind(item.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(log.push(SessionEvent::ItemRevised {
        item_id: item,
        draft,
    }))
}

/// Checks and cleans a draft for an activity, refusing on a final list.
async fn check_draft(
    conn: &mut AnyConnection,
    activity: ActivityId,
    a: &ActivityRow,
    draft: ItemDraft,
) -> Result<ItemDraft, ExecError> {
    if !a.kind.takes_items() {
        return Err(DomainError::WrongAnswerType.into());
    }
    let doc = load_doc(conn, activity).await?;
    if doc.finalised {
        return Err(DomainError::Finalised.into());
    }
    let topics = doc.list.map(|l| l.keys.len()).unwrap_or(0);
    Ok(validate_item(&a.kind, topics, draft)?)
}

async fn insert_item(
    conn: &mut AnyConnection,
    sid: &str,
    log: &mut EventLog,
    activity: ActivityId,
    author: Option<(Respondent, ParticipantId)>,
    draft: ItemDraft,
    status: ItemStatus,
) -> Result<Outcome, ExecError> {
    let item = ItemId::new();
    sqlx::query(
        "INSERT INTO items (id, session_id, activity_id, author_kind, author_id, device_id, text, detail, \
         status, merged_into, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $10)",
    )
    .bind(item.to_string())
    .bind(sid)
    .bind(activity.to_string())
    .bind(author.map(|(r, _)| r.kind_name()))
    .bind(author.map(|(r, _)| r.id_string()))
    .bind(author.map(|(_, d)| d.to_string()))
    .bind(&draft.text)
    .bind(to_json(&draft.detail)?)
    .bind(status.name())
    .bind(log.at)
    .execute(&mut *conn)
    .await?;
    let seq = log.push(SessionEvent::ItemAdded {
        item_id: item,
        activity_id: activity,
        author: author.map(|(r, _)| r),
        draft,
    });
    Ok(Outcome::Item {
        item,
        seq,
        replayed: false,
    })
}

pub(super) async fn run(
    conn: &mut AnyConnection,
    session: &SessionRecord,
    log: &mut EventLog,
    cmd: Command,
) -> Result<Outcome, ExecError> {
    let sid = session.id.to_string();
    match cmd {
        Command::Contribute {
            device,
            client_id,
            activity,
            draft,
        } => {
            let target = load_answer_target(conn, &sid, device, activity, client_id).await?;
            if let Some(seq) = target.replay_seq {
                return replayed(conn, &sid, seq).await;
            }
            let (respondent, a) = (target.respondent, target.activity);
            check_answer_allowed(&session.flags(), &a.status(activity), &respondent)?;
            let draft = check_draft(conn, activity, &a, draft).await?;
            let mine: i64 = sqlx::query(
                "SELECT COUNT(*) AS n FROM items WHERE activity_id = $1 AND author_id = $2",
            )
            .bind(activity.to_string())
            .bind(respondent.id_string())
            .fetch_one(&mut *conn)
            .await?
            .try_get("n")?;
            if mine >= MAX_ITEMS_PER_RESPONDENT {
                return Err(DomainError::TooManyItems {
                    max: MAX_ITEMS_PER_RESPONDENT as u32,
                }
                .into());
            }
            let status = match a.kind {
                ActivityKind::Questions { moderated: true } => ItemStatus::Pending,
                _ => ItemStatus::Visible,
            };
            insert_item(
                conn,
                &sid,
                log,
                activity,
                Some((respondent, device)),
                draft,
                status,
            )
            .await
        }
        Command::ReviseOwn {
            device,
            client_id,
            item,
            draft,
        } => {
            let it = load_item(conn, &sid, item).await?;
            let target = load_answer_target(conn, &sid, device, it.activity, client_id).await?;
            if let Some(seq) = target.replay_seq {
                return replayed(conn, &sid, seq).await;
            }
            let (respondent, a) = (target.respondent, target.activity);
            check_own(&it, &respondent)?;
            if matches!(it.status, ItemStatus::Withdrawn | ItemStatus::Merged) {
                return Err(DomainError::NotFound.into());
            }
            check_answer_allowed(&session.flags(), &a.status(it.activity), &respondent)?;
            let draft = check_draft(conn, it.activity, &a, draft).await?;
            let seq = write_draft(conn, log, item, draft).await?;
            // A changed question in a moderated round needs approval again.
            if matches!(a.kind, ActivityKind::Questions { moderated: true })
                && it.status != ItemStatus::Pending
            {
                set_status(conn, log, item, ItemStatus::Pending).await?;
            }
            Ok(Outcome::Changed {
                seq,
                replayed: false,
            })
        }
        Command::WithdrawOwn {
            device,
            client_id,
            item,
        } => {
            let it = load_item(conn, &sid, item).await?;
            let target = load_answer_target(conn, &sid, device, it.activity, client_id).await?;
            if let Some(seq) = target.replay_seq {
                return replayed(conn, &sid, seq).await;
            }
            let (respondent, a) = (target.respondent, target.activity);
            check_own(&it, &respondent)?;
            check_answer_allowed(&session.flags(), &a.status(it.activity), &respondent)?;
            if load_doc(conn, it.activity).await?.finalised {
                return Err(DomainError::Finalised.into());
            }
            if it.status == ItemStatus::Withdrawn {
                return Err(DomainError::NothingToWithdraw.into());
            }
            let seq = set_status(conn, log, item, ItemStatus::Withdrawn).await?;
            Ok(Outcome::Changed {
                seq,
                replayed: false,
            })
        }
        Command::Mark {
            device,
            client_id,
            item,
            on,
        } => {
            let it = load_item(conn, &sid, item).await?;
            let target = load_answer_target(conn, &sid, device, it.activity, client_id).await?;
            if let Some(seq) = target.replay_seq {
                return replayed(conn, &sid, seq).await;
            }
            let a = target.activity;
            // Marks are personal: a table's tablet neither up-votes nor commits.
            if matches!(target.respondent, Respondent::Table(_)) {
                return Err(DomainError::ForIndividualsOnly.into());
            }
            if session.locked {
                return Err(DomainError::SessionLocked.into());
            }
            if a.state != ActivityState::Open {
                return Err(DomainError::ActivityNotOpen.into());
            }
            let kind = MarkKind::for_kind(&a.kind).ok_or(DomainError::WrongAnswerType)?;
            if !it.status.shown() {
                return Err(DomainError::NotFound.into());
            }
            if kind == MarkKind::Commit && load_doc(conn, it.activity).await?.finalised {
                return Err(DomainError::Finalised.into());
            }
            // Setting a mark twice (or removing one that is not there) changes
            // nothing in the table, but is still acknowledged with a log
            // position, so a retried toggle behaves like the first.
            if on {
                sqlx::query(
                    "INSERT INTO item_marks (item_id, participant_id, kind, session_id, org_type, at) \
                     SELECT $1, $2, $3, $4, p.org_type, $5 FROM participants p WHERE p.id = $2 \
                     ON CONFLICT (item_id, participant_id, kind) DO NOTHING",
                )
                .bind(item.to_string())
                .bind(device.to_string())
                .bind(kind.name())
                .bind(&sid)
                .bind(log.at)
                .execute(&mut *conn)
                .await?;
            } else {
                sqlx::query(
                    "DELETE FROM item_marks WHERE item_id = $1 AND participant_id = $2 AND kind = $3",
                )
                .bind(item.to_string())
                .bind(device.to_string())
                .bind(kind.name())
                .execute(&mut *conn)
                .await?;
            }
            let seq = log.push(SessionEvent::ItemMarked {
                item_id: item,
                participant_id: device,
                kind,
                on,
            });
            Ok(Outcome::Changed {
                seq,
                replayed: false,
            })
        }
        Command::AddItem { activity, draft } => {
            let a = load_activity(conn, &sid, activity).await?;
            let draft = check_draft(conn, activity, &a, draft).await?;
            insert_item(conn, &sid, log, activity, None, draft, ItemStatus::Visible).await
        }
        Command::EditItem { item, draft } => {
            let it = load_item(conn, &sid, item).await?;
            if matches!(it.status, ItemStatus::Withdrawn | ItemStatus::Merged) {
                return Err(DomainError::NotFound.into());
            }
            let a = load_activity(conn, &sid, it.activity).await?;
            let draft = check_draft(conn, it.activity, &a, draft).await?;
            write_draft(conn, log, item, draft).await?;
            Ok(Outcome::Done)
        }
        Command::Moderate { item, moderation } => {
            let it = load_item(conn, &sid, item).await?;
            let status = moderation.apply(it.status)?;
            if status != it.status {
                set_status(conn, log, item, status).await?;
            }
            Ok(Outcome::Done)
        }
        Command::MergeItems { from, into } => {
            if from == into {
                return Err(DomainError::InvalidActivity("merge-into-itself").into());
            }
            let a = load_item(conn, &sid, from).await?;
            let b = load_item(conn, &sid, into).await?;
            if a.activity != b.activity {
                return Err(DomainError::NotFound.into());
            }
            for it in [&a, &b] {
                if matches!(it.status, ItemStatus::Withdrawn | ItemStatus::Merged) {
                    return Err(DomainError::NotFound.into());
                }
            }
            sqlx::query(
                "UPDATE items SET status = 'merged', merged_into = $1, updated_at = $2 WHERE id = $3",
            )
            .bind(into.to_string())
            .bind(log.at)
            .bind(from.to_string())
            .execute(&mut *conn)
            .await?;
            log.push(SessionEvent::ItemsMerged { from, into });
            Ok(Outcome::Done)
        }
        Command::Board { activity, op } => {
            let a = load_activity(conn, &sid, activity).await?;
            let ActivityKind::Categorise { source } = a.kind else {
                return Err(DomainError::WrongAnswerType.into());
            };
            let ideas: Vec<ItemId> = shown_items(conn, source)
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            if let BoardOp::Link {
                result: Some(result),
                ..
            } = &op
            {
                // Only a result of the session's own workspace.
                let found = sqlx::query(
                    "SELECT r.id FROM inventory_records r JOIN sessions s \
                     ON s.workspace_id = r.workspace_id \
                     WHERE s.id = $1 AND r.id = $2 AND r.kind = 'result'",
                )
                .bind(sid.to_string())
                .bind(result.to_string())
                .fetch_optional(&mut *conn)
                .await?;
                if found.is_none() {
                    return Err(DomainError::NotFound.into());
                }
            }
            let mut doc = load_doc(conn, activity).await?;
            let next = doc.board.apply(op.clone(), &ideas)?;
            if next == doc.board {
                return Ok(Outcome::Done);
            }
            sqlx::query(
                "INSERT INTO board_undo (activity_id, version, undo) \
                 SELECT $1, COALESCE(MAX(version) + 1, 1), $2 FROM board_undo WHERE activity_id = $1",
            )
            .bind(activity.to_string())
            .bind(to_json(&next.undo_to(&doc.board))?)
            .execute(&mut *conn)
            .await?;
            doc.board = next;
            save_doc(conn, &sid, activity, &doc).await?;
            log.push(SessionEvent::BoardChanged {
                activity_id: activity,
                op,
            });
            Ok(Outcome::Done)
        }
        Command::UndoBoard { activity } => {
            load_activity(conn, &sid, activity).await?;
            let row = sqlx::query(
                "SELECT version, undo FROM board_undo WHERE activity_id = $1 \
                 ORDER BY version DESC LIMIT 1",
            )
            .bind(activity.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(DomainError::NothingToUndo)?;
            let version: i64 = row.try_get("version")?;
            let undo: BoardUndo = parse_json(&row.try_get::<String, _>("undo")?)?;
            sqlx::query("DELETE FROM board_undo WHERE activity_id = $1 AND version = $2")
                .bind(activity.to_string())
                .bind(version)
                .execute(&mut *conn)
                .await?;
            let mut doc = load_doc(conn, activity).await?;
            doc.board = doc.board.undone(&undo);
            save_doc(conn, &sid, activity, &doc).await?;
            log.push(SessionEvent::BoardUndone {
                activity_id: activity,
            });
            Ok(Outcome::Done)
        }
        Command::AgreeGoal { activity, wording } => {
            let a = load_activity(conn, &sid, activity).await?;
            let ActivityKind::Goal { wordings } = a.kind else {
                return Err(DomainError::WrongAnswerType.into());
            };
            let text = wordings
                .get(wording)
                .cloned()
                .ok_or(DomainError::NoSuchOption)?;
            if session.goal.as_deref() != Some(text.as_str()) {
                sqlx::query("UPDATE sessions SET goal = $1 WHERE id = $2")
                    .bind(&text)
                    .bind(&sid)
                    .execute(&mut *conn)
                    .await?;
                log.push(SessionEvent::GoalAgreed {
                    activity_id: activity,
                    text,
                });
            }
            Ok(Outcome::Done)
        }
        Command::ReviseGoal { activity, wordings } => {
            let a = load_activity(conn, &sid, activity).await?;
            if !matches!(a.kind, ActivityKind::Goal { .. }) {
                return Err(DomainError::WrongAnswerType.into());
            }
            let title: String = sqlx::query("SELECT title FROM activities WHERE id = $1")
                .bind(activity.to_string())
                .fetch_one(&mut *conn)
                .await?
                .try_get("title")?;
            let def = ActivityDef::new(&title, ActivityKind::Goal { wordings }, a.audience)?;
            let new_id = insert_after(conn, &sid, &a, &def).await?;
            log.push(SessionEvent::ActivityAdded {
                activity_id: new_id,
                step_id: Some(parse_id(&a.step_id)?),
                def,
            });
            // The earlier round closes with its answers; the new one opens.
            let agenda = load_agenda(conn, session.id).await?;
            let mut flags = session.flags();
            let mut statuses = agenda.statuses();
            for control in [Control::Close(activity), Control::Open(new_id)] {
                for event in decide_control(&flags, &statuses, control)? {
                    koers_core::session::evolve(&mut flags, &mut statuses, &event);
                    super::project_control(conn, &sid, &event).await?;
                    log.push(event);
                }
            }
            Ok(Outcome::Activity(new_id))
        }
        Command::Finalise {
            activity,
            finalised,
        } => {
            let a = load_activity(conn, &sid, activity).await?;
            if !a.kind.takes_items() {
                return Err(DomainError::WrongAnswerType.into());
            }
            let mut doc = load_doc(conn, activity).await?;
            if doc.finalised != finalised {
                doc.finalised = finalised;
                save_doc(conn, &sid, activity, &doc).await?;
                log.push(SessionEvent::ListFinalised {
                    activity_id: activity,
                    finalised,
                });
            }
            Ok(Outcome::Done)
        }
        Command::Pitch { activity, action } => {
            let a = load_activity(conn, &sid, activity).await?;
            let ActivityKind::Pitches { speakers, seconds } = &a.kind else {
                return Err(DomainError::WrongAnswerType.into());
            };
            let mut doc = load_doc(conn, activity).await?;
            let next = doc.pitch.apply(action, log.at, speakers.len(), *seconds)?;
            if next != doc.pitch {
                doc.pitch = next;
                save_doc(conn, &sid, activity, &doc).await?;
                log.push(SessionEvent::PitchTimer {
                    activity_id: activity,
                    speaker: next.speaker,
                    ends_at_ms: next.ends_at_ms,
                    remaining_ms: next.remaining_ms,
                });
            }
            Ok(Outcome::Done)
        }
        Command::WallLayout {
            activity,
            by_author,
        } => {
            let a = load_activity(conn, &sid, activity).await?;
            if !matches!(a.kind, ActivityKind::IdeaWall { .. }) {
                return Err(DomainError::WrongAnswerType.into());
            }
            let mut doc = load_doc(conn, activity).await?;
            if doc.by_author != by_author {
                doc.by_author = by_author;
                save_doc(conn, &sid, activity, &doc).await?;
                log.push(SessionEvent::WallLayout {
                    activity_id: activity,
                    by_author,
                });
            }
            Ok(Outcome::Done)
        }
        _ => Err(StoreError::corrupt("not a list command").into()),
    }
}

/// Only the author may change or withdraw an item: the same phone, or any
/// tablet of the same table.
fn check_own(item: &ItemRow, respondent: &Respondent) -> Result<(), DomainError> {
    if item.author.as_deref() == Some(respondent.id_string().as_str()) {
        Ok(())
    } else {
        Err(DomainError::NotYours)
    }
}

/// Inserts an activity right after `after` in its step.
async fn insert_after(
    conn: &mut AnyConnection,
    sid: &str,
    after: &ActivityRow,
    def: &ActivityDef,
) -> Result<ActivityId, ExecError> {
    sqlx::query(
        "UPDATE activities SET position = position + 1 WHERE step_id = $1 AND position > $2",
    )
    .bind(&after.step_id)
    .bind(after.position)
    .execute(&mut *conn)
    .await?;
    let id = ActivityId::new();
    sqlx::query(
        "INSERT INTO activities (id, session_id, step_id, position, title, kind, config, audience, state, \
         results_visible, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9)",
    )
    .bind(id.to_string())
    .bind(sid)
    .bind(&after.step_id)
    .bind(after.position + 1)
    .bind(&def.title)
    .bind(def.kind.name())
    .bind(to_json(&def.kind)?)
    .bind(def.audience.name())
    .bind(crate::util::now_ms())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}
