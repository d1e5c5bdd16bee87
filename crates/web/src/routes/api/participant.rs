//! The participant side of the API: join, read, answer, change, withdraw.
//! The phone pages use these same endpoints.

use super::dto::*;
use super::json::ApiJson;
use crate::error::AppError;
use crate::live::{Audience, sse};
use crate::routes::console::path_id;
use crate::routes::extract::{ClientIp, Page, device_cookie, device_in, set_cookie};
use crate::state::AppState;
use crate::usecases::{self, DEVICE_TTL_SECS};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, SessionId};
use koers_store::{Command, Device, Outcome, SessionRecord};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(super) async fn session_device(
    state: &AppState,
    headers: &HeaderMap,
    id: &str,
) -> Result<(SessionRecord, Device), AppError> {
    let s = state
        .store()
        .session(path_id::<SessionId>(id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let d = device_in(state, headers, &s)
        .await?
        .ok_or(AppError::Unauthorized)?;
    Ok((s, d))
}

/// Join a session with its code.
#[utoipa::path(post, path = "/api/v1/join", tag = "participant",
    request_body = JoinRequest,
    responses(
        (status = 201, description = "Joined; also sets the device cookie", body = JoinResponse),
        (status = 404, description = "No active session has this code", body = ErrorBody),
        (status = 409, description = "The session is locked", body = ErrorBody),
        (status = 429, description = "Too many wrong codes from this address", body = ErrorBody),
    ))]
async fn join(
    State(state): State<AppState>,
    ip: ClientIp,
    ApiJson(req): ApiJson<JoinRequest>,
) -> Result<Response, AppError> {
    let s = usecases::session_for_code(&state, ip, &req.code).await?;
    let joined = usecases::join(&state, &s, None, req.display_name, req.org_type).await?;
    let cookie = set_cookie(
        &state,
        &device_cookie(s.id),
        &joined.token,
        DEVICE_TTL_SECS,
        "Lax",
    );
    let mut resp = (
        StatusCode::CREATED,
        Json(JoinResponse {
            session_id: s.id,
            participant_id: joined.device,
            token: joined.token,
            title: s.title.clone(),
            lang: s.lang,
        }),
    )
        .into_response();
    resp.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|_| AppError::BadRequest)?,
    );
    Ok(resp)
}

/// What this device sees now, with its own answers.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/me", tag = "participant",
    params(("session_id" = String, Path, description = "Session id")),
    responses(
        (status = 200, body = ParticipantState),
        (status = 401, description = "Not joined (no device cookie or token)", body = ErrorBody),
    ),
    security(("participant" = []), ("device_cookie" = [])))]
async fn me(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<ParticipantState>, AppError> {
    let (s, d) = session_device(&state, &headers, &id).await?;
    let data = state
        .store()
        .live_data(s.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let own = state.store().own_answers(s.id, &d.respondent()).await?;
    let current = data
        .session
        .current
        .and_then(|a| data.agenda.activity(a))
        .map(ActivityDto::from);
    Ok(Json(ParticipantState {
        session_id: s.id,
        title: data.session.title.clone(),
        lang: data.session.lang,
        seq: data.seq,
        locked: data.session.locked,
        participant_id: d.id,
        table_id: d.table_id,
        org_types: data.session.org_types.clone(),
        current,
        own_answers: own
            .into_iter()
            .map(|(activity_id, answer)| OwnAnswer {
                activity_id,
                answer,
            })
            .collect(),
    }))
}

/// Change the optional name and organisation type.
#[utoipa::path(put, path = "/api/v1/sessions/{session_id}/me/profile", tag = "participant",
    params(("session_id" = String, Path, description = "Session id")),
    request_body = ProfileRequest,
    responses((status = 204), (status = 422, body = ErrorBody)),
    security(("participant" = []), ("device_cookie" = [])))]
async fn profile(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ProfileRequest>,
) -> Result<StatusCode, AppError> {
    let (s, d) = session_device(&state, &headers, &id).await?;
    state
        .exec(
            s.id,
            Actor::Device(d.id),
            Command::UpdateProfile {
                device: d.id,
                display_name: req.display_name.filter(|n| !n.trim().is_empty()),
                org_type: req.org_type.filter(|o| !o.is_empty()),
            },
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Give or change an answer. Acknowledged only once it is stored durably; a
/// retry with the same `client_id` returns the same acknowledgement and is
/// counted once.
#[utoipa::path(put, path = "/api/v1/sessions/{session_id}/activities/{activity_id}/answer", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), ("activity_id" = String, Path, description = "Activity id")),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "Stored", body = Ack),
        (status = 409, description = "The activity is not open, or the session is locked", body = ErrorBody),
        (status = 422, description = "The answer does not fit the activity", body = ErrorBody),
    ),
    security(("participant" = []), ("device_cookie" = [])))]
async fn answer(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, aid)): Path<(String, String)>,
    ApiJson(req): ApiJson<AnswerRequest>,
) -> Result<Json<Ack>, AppError> {
    let (s, d) = session_device(&state, &headers, &id).await?;
    let activity: ActivityId = path_id(&aid)?;
    let done = state
        .exec(
            s.id,
            Actor::Device(d.id),
            Command::Submit {
                device: d.id,
                client_id: req.client_id,
                activity,
                answer: req.answer,
            },
        )
        .await?;
    match done.outcome {
        Outcome::Answered {
            answer,
            seq,
            replayed,
        } => Ok(Json(Ack {
            status: if replayed { "duplicate" } else { "accepted" }.into(),
            seq,
            activity_id: activity,
            answer: Some(answer),
        })),
        other => Err(AppError::Internal(format!("submit gave {other:?}"))),
    }
}

/// Withdraw an answer.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/activities/{activity_id}/withdraw", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), ("activity_id" = String, Path, description = "Activity id")),
    request_body = WithdrawRequest,
    responses(
        (status = 200, body = Ack),
        (status = 409, description = "Not open, or nothing to withdraw", body = ErrorBody),
    ),
    security(("participant" = []), ("device_cookie" = [])))]
async fn withdraw(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, aid)): Path<(String, String)>,
    ApiJson(req): ApiJson<WithdrawRequest>,
) -> Result<Json<Ack>, AppError> {
    let (s, d) = session_device(&state, &headers, &id).await?;
    let activity: ActivityId = path_id(&aid)?;
    let done = state
        .exec(
            s.id,
            Actor::Device(d.id),
            Command::Withdraw {
                device: d.id,
                client_id: req.client_id,
                activity,
            },
        )
        .await?;
    match done.outcome {
        Outcome::Withdrawn { seq, replayed } => Ok(Json(Ack {
            status: if replayed { "duplicate" } else { "accepted" }.into(),
            seq,
            activity_id: activity,
            answer: None,
        })),
        other => Err(AppError::Internal(format!("withdraw gave {other:?}"))),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
struct LiveQuery {
    /// The last frame seen (alternative to the `Last-Event-ID` header).
    after: Option<i64>,
}

/// The live channel (server-sent events): `frame` events with the view of
/// the current activity; `id` is the log position. Reconnect with
/// `Last-Event-ID` (or `?after=`) to receive only what changed.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/live", tag = "participant",
    params(("session_id" = String, Path, description = "Session id"), LiveQuery),
    responses((status = 200, description = "text/event-stream of frames", content_type = "text/event-stream")),
    security(("participant" = []), ("device_cookie" = [])))]
async fn live(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<LiveQuery>,
) -> Result<Response, AppError> {
    let (s, _) = session_device(&state, &headers, &id).await?;
    Ok(sse::serve(
        state.hub(),
        s.id,
        Audience::Participant(page.pref.for_session(s.lang)),
        &headers,
        q.after,
    ))
}

/// The participant API.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(join))
        .routes(routes!(me))
        .routes(routes!(profile))
        .routes(routes!(answer))
        .routes(routes!(withdraw))
        .routes(routes!(live))
}
