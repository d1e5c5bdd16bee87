//! The facilitator's work on lists and the board: moderate, edit and merge
//! items, categorise (with undo and a proposed grouping), record or revise
//! the goal, finalise an action list, steer the pitch timer. One form
//! endpoint; `op` says what to do. Every op checks that the activity and
//! items belong to this session (the store refuses anything else).

use super::forms::done;
use super::session::path_id;
use crate::error::AppError;
use crate::routes::extract::Staff;
use crate::state::AppState;
use crate::views::evening::board_proposal;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::post;
use axum::{Form, Router};
use koers_core::activity::ActivityKind;
use koers_core::board::BoardOp;
use koers_core::doc::PitchAction;
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, CategoryId, ItemId, SessionId};
use koers_core::items::{ItemDetail, ItemDraft, Moderation};
use koers_store::Command;
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct ListForm {
    op: String,
    activity_id: String,
    #[serde(default)]
    item_id: String,
    #[serde(default)]
    into_id: String,
    #[serde(default)]
    category_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    so_that: String,
    #[serde(default)]
    who: String,
    #[serde(default)]
    by_when: String,
    #[serde(default)]
    needs: String,
    #[serde(default)]
    wording: String,
    #[serde(default)]
    lines: String,
    #[serde(default)]
    speaker: String,
    /// A societal result's id for `board_link` (empty: unlink).
    #[serde(default)]
    result_id: String,
}

fn id<T: std::str::FromStr>(s: &str) -> Result<T, AppError> {
    s.trim().parse().map_err(|_| AppError::BadRequest)
}

async fn list_op(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path(sid): Path<String>,
    Form(f): Form<ListForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&sid)?).await?;
    let back = format!("/console/sessions/{}", s.id);
    let result = async {
        let activity: ActivityId = id(&f.activity_id)?;
        let cmd = command(&state, s.id, activity, &f).await?;
        state
            .exec(s.id, Actor::User(staff.user.id), cmd)
            .await
            .map(|_| ())
    }
    .await;
    done(&headers, result, &back)
}

async fn command(
    state: &AppState,
    session: SessionId,
    activity: ActivityId,
    f: &ListForm,
) -> Result<Command, AppError> {
    let board = |op| Command::Board { activity, op };
    let category = || id::<CategoryId>(&f.category_id);
    Ok(match f.op.as_str() {
        "hide" | "show" | "answered" => Command::Moderate {
            item: id(&f.item_id)?,
            moderation: match f.op.as_str() {
                "hide" => Moderation::Hide,
                "show" => Moderation::Show,
                _ => Moderation::Answered,
            },
        },
        "merge" => Command::MergeItems {
            from: id(&f.item_id)?,
            into: id(&f.into_id)?,
        },
        "edit" => {
            let item: ItemId = id(&f.item_id)?;
            // Keep the item's own details (its priority or speaker); the form
            // edits only the texts.
            let existing = state
                .store()
                .items(activity)
                .await?
                .into_iter()
                .find(|i| i.id == item)
                .ok_or(AppError::NotFound)?;
            let detail = match existing.draft.detail {
                ItemDetail::Action { topic, .. } => ItemDetail::Action {
                    topic,
                    so_that: f.so_that.clone(),
                    who: f.who.clone(),
                    by_when: f.by_when.clone(),
                    needs: f.needs.clone(),
                },
                other => other,
            };
            Command::EditItem {
                item,
                draft: ItemDraft {
                    text: f.text.clone(),
                    detail,
                },
            }
        }
        "board_create" => board(BoardOp::Create {
            id: CategoryId::new(),
            name: f.name.clone(),
        }),
        "board_rename" => board(BoardOp::Rename {
            id: category()?,
            name: f.name.clone(),
        }),
        "board_merge" => board(BoardOp::Merge {
            from: category()?,
            into: id(&f.into_id)?,
        }),
        "board_move" => board(BoardOp::Move {
            item: id(&f.item_id)?,
            to: if f.category_id.trim().is_empty() {
                None
            } else {
                Some(category()?)
            },
        }),
        "board_up" | "board_down" => board(BoardOp::Reorder {
            id: category()?,
            up: f.op == "board_up",
        }),
        "board_remove" => board(BoardOp::Remove { id: category()? }),
        "board_link" => board(BoardOp::Link {
            id: category()?,
            result: if f.result_id.trim().is_empty() {
                None
            } else {
                Some(id(&f.result_id)?)
            },
        }),
        "undo" => Command::UndoBoard { activity },
        "accept_proposal" => board(accept_proposal(state, session, activity).await?),
        "agree_goal" => Command::AgreeGoal {
            activity,
            wording: id(&f.wording)?,
        },
        "revise_goal" => Command::ReviseGoal {
            activity,
            wordings: f.lines.lines().map(str::to_string).collect(),
        },
        "by_table" | "together" => Command::WallLayout {
            activity,
            by_author: f.op == "by_table",
        },
        "finalise" | "unfinalise" => Command::Finalise {
            activity,
            finalised: f.op == "finalise",
        },
        "pitch_start" => Command::Pitch {
            activity,
            action: PitchAction::Start {
                speaker: id(&f.speaker)?,
            },
        },
        "pitch_pause" => Command::Pitch {
            activity,
            action: PitchAction::Pause,
        },
        "pitch_resume" => Command::Pitch {
            activity,
            action: PitchAction::Resume,
        },
        "pitch_stop" => Command::Pitch {
            activity,
            action: PitchAction::Stop,
        },
        _ => return Err(AppError::BadRequest),
    })
}

/// The proposed grouping of the ideas not yet placed, as one board step
/// (so one undo takes it back).
async fn accept_proposal(
    state: &AppState,
    session: SessionId,
    activity: ActivityId,
) -> Result<BoardOp, AppError> {
    let agenda = state.store().agenda(session).await?;
    let a = agenda.activity(activity).ok_or(AppError::NotFound)?;
    let ActivityKind::Categorise { source } = a.def.kind else {
        return Err(AppError::BadRequest);
    };
    let items = state.store().items(source).await?;
    let board = state.store().activity_doc(activity).await?.board;
    let groups = board_proposal(&board, &items)
        .groups
        .into_iter()
        .map(|(label, ideas)| {
            (
                CategoryId::new(),
                label,
                ideas.iter().map(|i| i.id).collect(),
            )
        })
        .collect();
    Ok(BoardOp::Accept { groups })
}

/// Routes of list management.
pub fn router() -> Router<AppState> {
    Router::new().route("/console/sessions/{id}/lists", post(list_op))
}
