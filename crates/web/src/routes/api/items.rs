//! The participant side of lists: add an idea, action, question or pitch
//! feedback; change or withdraw one's own; up-vote or commit ("ik doe mee").
//! Like answers, every submission carries a client id and is acknowledged
//! only once stored; a retry is applied once.

use super::dto::ErrorBody;
use super::json::ApiJson;
use super::participant::session_device;
use crate::error::AppError;
use crate::routes::console::path_id;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, ClientId, ItemId, ParticipantId};
use koers_core::items::ItemDraft;
use koers_store::{Command, Outcome};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// An item to add or the new version of one's own item.
#[derive(Deserialize, ToSchema)]
pub struct ItemRequest {
    /// The client's id for this submission (a UUID).
    pub client_id: ClientId,
    /// Text and details.
    #[serde(flatten)]
    pub draft: ItemDraft,
}

/// Withdraw one's own item.
#[derive(Deserialize, ToSchema)]
pub struct ItemWithdrawRequest {
    /// The client's id for this submission.
    pub client_id: ClientId,
}

/// Set or remove an up-vote or commitment.
#[derive(Deserialize, ToSchema)]
pub struct MarkRequest {
    /// The client's id for this submission.
    pub client_id: ClientId,
    /// Set (true) or remove.
    pub on: bool,
}

/// The acknowledgement of a list submission.
#[derive(Serialize, ToSchema)]
pub struct ItemAck {
    /// `accepted`, or `duplicate` when this client id was applied before.
    pub status: String,
    /// Log position.
    pub seq: i64,
    /// The item (for an added item: its new id).
    pub item_id: Option<ItemId>,
}

/// This device's items and marks on an activity.
#[derive(Serialize, ToSchema)]
pub struct Mine {
    /// Items this device (or its table) added and may change.
    pub items: Vec<String>,
    /// Items this participant up-voted or committed to.
    pub marked: Vec<String>,
}

fn ack(outcome: Outcome, item: Option<ItemId>) -> Result<Json<ItemAck>, AppError> {
    let (seq, replayed, item_id) = match outcome {
        Outcome::Item {
            item,
            seq,
            replayed,
        } => (seq, replayed, Some(item)),
        Outcome::Changed { seq, replayed } => (seq, replayed, item),
        other => return Err(AppError::Internal(format!("list command gave {other:?}"))),
    };
    Ok(Json(ItemAck {
        status: if replayed { "duplicate" } else { "accepted" }.into(),
        seq,
        item_id,
    }))
}

/// Runs a device's list command and acknowledges it. `command` makes the
/// command for the device (after the device is known, so an unknown device
/// is refused before anything in the path is looked at), and says which
/// item it concerns.
async fn run(
    state: &AppState,
    headers: &HeaderMap,
    session: &str,
    command: impl FnOnce(ParticipantId) -> Result<(Command, Option<ItemId>), AppError>,
) -> Result<Json<ItemAck>, AppError> {
    let (s, d) = session_device(state, headers, session).await?;
    let (cmd, item) = command(d.id)?;
    let done = state.exec(s.id, Actor::Device(d.id), cmd).await?;
    ack(done.outcome, item)
}

/// Add an item to a list.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/activities/{activity_id}/items", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), ("activity_id" = String, Path, description = "Activity id")),
    request_body = ItemRequest,
    responses(
        (status = 200, description = "Stored", body = ItemAck),
        (status = 409, description = "Not open, locked or finalised", body = ErrorBody),
        (status = 422, description = "Does not fit the activity", body = ErrorBody),
    ),
    security(("participant" = []), ("device_cookie" = [])))]
async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, aid)): Path<(String, String)>,
    ApiJson(req): ApiJson<ItemRequest>,
) -> Result<Json<ItemAck>, AppError> {
    run(&state, &headers, &id, |device| {
        let cmd = Command::Contribute {
            device,
            client_id: req.client_id,
            activity: path_id::<ActivityId>(&aid)?,
            draft: req.draft,
        };
        Ok((cmd, None))
    })
    .await
}

/// Change one's own item while the activity is open.
#[utoipa::path(put, path = "/api/v1/sessions/{session_id}/items/{item_id}", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), ("item_id" = String, Path, description = "Item id")),
    request_body = ItemRequest,
    responses((status = 200, body = ItemAck), (status = 409, description = "Not yours, not open, or finalised", body = ErrorBody)),
    security(("participant" = []), ("device_cookie" = [])))]
async fn revise(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, iid)): Path<(String, String)>,
    ApiJson(req): ApiJson<ItemRequest>,
) -> Result<Json<ItemAck>, AppError> {
    run(&state, &headers, &id, |device| {
        let item: ItemId = path_id(&iid)?;
        let cmd = Command::ReviseOwn {
            device,
            client_id: req.client_id,
            item,
            draft: req.draft,
        };
        Ok((cmd, Some(item)))
    })
    .await
}

/// Withdraw one's own item while the activity is open (it stays in the data, marked withdrawn).
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/items/{item_id}/withdraw", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), ("item_id" = String, Path, description = "Item id")),
    request_body = ItemWithdrawRequest,
    responses((status = 200, body = ItemAck), (status = 409, body = ErrorBody)),
    security(("participant" = []), ("device_cookie" = [])))]
async fn withdraw(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, iid)): Path<(String, String)>,
    ApiJson(req): ApiJson<ItemWithdrawRequest>,
) -> Result<Json<ItemAck>, AppError> {
    run(&state, &headers, &id, |device| {
        let item: ItemId = path_id(&iid)?;
        let cmd = Command::WithdrawOwn {
            device,
            client_id: req.client_id,
            item,
        };
        Ok((cmd, Some(item)))
    })
    .await
}

/// Up-vote a question or commit to an action ("ik doe mee"), or take it back.
#[utoipa::path(put, path = "/api/v1/sessions/{session_id}/items/{item_id}/mark", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), ("item_id" = String, Path, description = "Item id")),
    request_body = MarkRequest,
    responses((status = 200, body = ItemAck), (status = 409, body = ErrorBody)),
    security(("participant" = []), ("device_cookie" = [])))]
async fn mark(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, iid)): Path<(String, String)>,
    ApiJson(req): ApiJson<MarkRequest>,
) -> Result<Json<ItemAck>, AppError> {
    run(&state, &headers, &id, |device| {
        let item: ItemId = path_id(&iid)?;
        let cmd = Command::Mark {
            device,
            client_id: req.client_id,
            item,
            on: req.on,
        };
        Ok((cmd, Some(item)))
    })
    .await
}

/// This device's own items and marks on an activity.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/activities/{activity_id}/mine", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), ("activity_id" = String, Path, description = "Activity id")),
    responses((status = 200, body = Mine), (status = 401, body = ErrorBody)),
    security(("participant" = []), ("device_cookie" = [])))]
async fn mine(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Json<Mine>, AppError> {
    let (_, d) = session_device(&state, &headers, &id).await?;
    let activity: ActivityId = path_id(&aid)?;
    let (items, marked) = state
        .store()
        .own_items(activity, &d.respondent(), d.id)
        .await?;
    Ok(Json(Mine { items, marked }))
}

/// The list API.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(add))
        .routes(routes!(revise))
        .routes(routes!(withdraw))
        .routes(routes!(mark))
        .routes(routes!(mine))
}
