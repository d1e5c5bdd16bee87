//! The facilitator side of the API: log in, prepare and steer sessions,
//! read results and the event log.

use super::dto::*;
use super::json::ApiJson;
use crate::error::AppError;
use crate::live::{Audience, sse};
use crate::routes::console::path_id;
use crate::routes::extract::{ClientIp, Page, Staff};
use crate::security::tokens::{hash_token, random_token};
use crate::session_templates::{TEMPLATES, new_session};
use crate::state::AppState;
use crate::usecases::{self, parse_control};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, SessionId};
use koers_core::tally::tally;
use koers_store::{Command, Executed, Outcome, SessionRecord};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Log in; returns a bearer token.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "staff",
    request_body = LoginRequest,
    responses(
        (status = 200, body = LoginResponse),
        (status = 401, description = "Wrong e-mail address or password", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody),
    ))]
async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Json<LoginResponse>, AppError> {
    let done = usecases::login(&state, ip, &req.email, &req.password).await?;
    let ws = state
        .store()
        .workspace(done.user.workspace_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    Ok(Json(LoginResponse {
        token: done.token,
        expires_at: done.expires_at,
        workspace: ws.slug,
    }))
}

/// End this login session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "staff",
    responses((status = 204)), security(("bearer" = [])))]
async fn logout(
    State(state): State<AppState>,
    _staff: Staff,
    headers: HeaderMap,
) -> Result<StatusCode, AppError> {
    if let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        state
            .store()
            .delete_auth_session(&hash_token(token.trim()))
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The workspace's sessions, newest first.
#[utoipa::path(get, path = "/api/v1/sessions", tag = "staff",
    responses((status = 200, body = Vec<SessionSummaryDto>)), security(("bearer" = [])))]
async fn list(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Json<Vec<SessionSummaryDto>>, AppError> {
    Ok(Json(
        state
            .store()
            .sessions(staff.workspace.id)
            .await?
            .into_iter()
            .map(|s| SessionSummaryDto {
                id: s.session.id,
                title: s.session.title,
                join_code: s.session.join_code.to_string(),
                lang: s.session.lang,
                locked: s.session.locked,
                activities: s.activities,
                devices: s.devices,
                created_at: s.session.created_at,
            })
            .collect(),
    ))
}

async fn detail_of(state: &AppState, s: &SessionRecord) -> Result<SessionDetailDto, AppError> {
    let agenda = state.store().agenda(s.id).await?;
    let tables = state.store().tables(s.id).await?;
    let base = &state.config().public_url;
    Ok(SessionDetailDto {
        id: s.id,
        title: s.title.clone(),
        lang: s.lang,
        join_code: s.join_code.to_string(),
        locked: s.locked,
        current_activity_id: s.current,
        last_seq: s.last_seq,
        participant_url: format!("{base}/j/{}", s.join_code),
        screen_url: format!("{base}/screen/{}", s.screen_token),
        org_types: s.org_types.clone(),
        steps: agenda
            .by_step()
            .into_iter()
            .map(|(st, acts)| StepDto {
                id: st.id,
                title: st.title.clone(),
                activities: acts.into_iter().map(ActivityDto::from).collect(),
            })
            .collect(),
        tables: tables
            .into_iter()
            .map(|t| TableDto {
                id: t.id,
                name: t.name,
                tablet_url: format!("{base}/t/{}", t.join_token),
            })
            .collect(),
    })
}

/// Create a session, blank or from a template.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "staff",
    request_body = CreateSessionRequest,
    responses((status = 201, body = SessionDetailDto), (status = 422, body = ErrorBody)), security(("bearer" = [])))]
async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(req): ApiJson<CreateSessionRequest>,
) -> Result<Response, AppError> {
    let title = koers_core::text::clean_line(&req.title, koers_store::MAX_NAME)?;
    let template = req
        .template
        .as_deref()
        .filter(|t| TEMPLATES.contains(t))
        .unwrap_or("blank");
    let new = new_session(
        template,
        req.lang.unwrap_or_default(),
        staff.workspace.id,
        Some(staff.user.id),
        title,
    );
    let s = state.store().create_session(new).await?;
    Ok((StatusCode::CREATED, Json(detail_of(&state, &s).await?)).into_response())
}

/// A session with its agenda, tables and links.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}", tag = "staff",
    params(("session_id" = String, Path, description = "Session id")),
    responses((status = 200, body = SessionDetailDto), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
async fn detail(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<SessionDetailDto>, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    Ok(Json(detail_of(&state, &s).await?))
}

fn result(done: Executed) -> Json<CommandResult> {
    Json(CommandResult {
        last_seq: done.last_seq,
        events: done.events.len(),
    })
}

async fn command(
    state: &AppState,
    staff: &Staff,
    id: &str,
    cmd: Command,
) -> Result<Executed, AppError> {
    let s = staff.session(state, path_id::<SessionId>(id)?).await?;
    state.exec(s.id, Actor::User(staff.user.id), cmd).await
}

/// Steer the session: show, open, close, show or hide results, lock, unlock.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/control", tag = "staff",
    params(("session_id" = String, Path, description = "Session id")),
    request_body = ControlRequest,
    responses((status = 200, body = CommandResult), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
async fn control(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ControlRequest>,
) -> Result<Json<CommandResult>, AppError> {
    let cmd = parse_control(&req.action, req.activity_id)?;
    Ok(result(
        command(&state, &staff, &id, Command::Control(cmd)).await?,
    ))
}

/// Add a step at the end of the agenda.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/steps", tag = "staff",
    params(("session_id" = String, Path, description = "Session id")),
    request_body = StepRequest,
    responses((status = 201, body = Created)), security(("bearer" = [])))]
async fn add_step(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<StepRequest>,
) -> Result<Response, AppError> {
    let done = command(&state, &staff, &id, Command::AddStep { title: req.title }).await?;
    match done.outcome {
        Outcome::Step(s) => {
            Ok((StatusCode::CREATED, Json(Created { id: s.to_string() })).into_response())
        }
        other => Err(AppError::Internal(format!("{other:?}"))),
    }
}

/// Add an activity at the end of a step.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/activities", tag = "staff",
    params(("session_id" = String, Path, description = "Session id")),
    request_body = ActivityRequest,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody)), security(("bearer" = [])))]
async fn add_activity(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ActivityRequest>,
) -> Result<Response, AppError> {
    let step = req.step_id.ok_or(AppError::BadRequest)?;
    let def = koers_core::activity::ActivityDef::new(
        &req.title,
        req.kind,
        req.audience.unwrap_or_default(),
    )?;
    let done = command(
        &state,
        &staff,
        &id,
        Command::AddActivity {
            step,
            def,
            id: None,
        },
    )
    .await?;
    match done.outcome {
        Outcome::Activity(a) => {
            Ok((StatusCode::CREATED, Json(Created { id: a.to_string() })).into_response())
        }
        other => Err(AppError::Internal(format!("{other:?}"))),
    }
}

/// Change an activity (options can only be relabelled once there are answers).
#[utoipa::path(put, path = "/api/v1/sessions/{session_id}/activities/{activity_id}", tag = "staff",
    params(("session_id" = String, Path, description = "Session id"), ("activity_id" = String, Path, description = "Activity id")),
    request_body = ActivityRequest,
    responses((status = 200, body = CommandResult), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
async fn edit_activity(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, aid)): Path<(String, String)>,
    ApiJson(req): ApiJson<ActivityRequest>,
) -> Result<Json<CommandResult>, AppError> {
    let activity: ActivityId = path_id(&aid)?;
    let def = koers_core::activity::ActivityDef::new(
        &req.title,
        req.kind,
        req.audience.unwrap_or_default(),
    )?;
    Ok(result(
        command(&state, &staff, &id, Command::EditActivity { activity, def }).await?,
    ))
}

/// Remove an activity that has no answers.
#[utoipa::path(delete, path = "/api/v1/sessions/{session_id}/activities/{activity_id}", tag = "staff",
    params(("session_id" = String, Path, description = "Session id"), ("activity_id" = String, Path, description = "Activity id")),
    responses((status = 200, body = CommandResult), (status = 409, body = ErrorBody)), security(("bearer" = [])))]
async fn remove_activity(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Json<CommandResult>, AppError> {
    let activity: ActivityId = path_id(&aid)?;
    Ok(result(
        command(&state, &staff, &id, Command::RemoveActivity { activity }).await?,
    ))
}

/// Add a table group.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/tables", tag = "staff",
    params(("session_id" = String, Path, description = "Session id")),
    request_body = TableRequest,
    responses((status = 201, body = Created)), security(("bearer" = [])))]
async fn add_table(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<TableRequest>,
) -> Result<Response, AppError> {
    let done = command(
        &state,
        &staff,
        &id,
        Command::AddTable {
            name: req.name,
            join_token: random_token(),
        },
    )
    .await?;
    match done.outcome {
        Outcome::Table(t) => {
            Ok((StatusCode::CREATED, Json(Created { id: t.to_string() })).into_response())
        }
        other => Err(AppError::Internal(format!("{other:?}"))),
    }
}

/// The tally of an activity.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/activities/{activity_id}/results", tag = "staff",
    params(("session_id" = String, Path, description = "Session id"), ("activity_id" = String, Path, description = "Activity id")),
    responses((status = 200, body = ResultsDto), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
async fn results(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Json<ResultsDto>, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let activity: ActivityId = path_id(&aid)?;
    let agenda = state.store().agenda(s.id).await?;
    let a = agenda.activity(activity).ok_or(AppError::NotFound)?;
    let answers = state.store().answers(activity).await?;
    let candidates = state
        .store()
        .activity_doc(activity)
        .await?
        .list
        .map(|l| l.keys.len())
        .unwrap_or(0);
    Ok(Json(ResultsDto {
        activity_id: activity,
        tally: tally(&a.def.kind, candidates, &answers),
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
struct EventsQuery {
    /// Only events after this position.
    #[serde(default)]
    after: i64,
    /// At most this many (1–1000, default 500).
    #[serde(default)]
    limit: Option<i64>,
}

/// The session's event log: who did what, when.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/events", tag = "staff",
    params(("session_id" = String, Path, description = "Session id"), EventsQuery),
    responses((status = 200, body = Vec<EventDto>)), security(("bearer" = [])))]
async fn events(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(q): Query<EventsQuery>,
) -> Result<Json<Vec<EventDto>>, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let limit = q.limit.unwrap_or(500).clamp(1, 1000);
    let events = state.store().events_after(s.id, q.after, limit).await?;
    Ok(Json(
        events
            .into_iter()
            .map(|e| EventDto {
                seq: e.seq,
                at_ms: e.at_ms,
                actor: serde_json::to_value(e.actor).unwrap_or_default(),
                event: serde_json::to_value(e.event).unwrap_or_default(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
struct LiveQuery {
    /// The last frame seen (alternative to `Last-Event-ID`).
    after: Option<i64>,
}

/// The console's live channel (server-sent events of rendered frames).
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/console/live", tag = "staff",
    params(("session_id" = String, Path, description = "Session id"), LiveQuery),
    responses((status = 200, description = "text/event-stream of frames", content_type = "text/event-stream")),
    security(("bearer" = [])))]
async fn live(
    State(state): State<AppState>,
    staff: Staff,
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<LiveQuery>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    Ok(sse::serve(
        state.hub(),
        s.id,
        Audience::Console(page.tr().lang),
        &headers,
        q.after,
    ))
}

/// The projector screen's live channel, for a session of your workspace.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/screen/live", tag = "staff",
    params(("session_id" = String, Path, description = "Session id"), LiveQuery),
    responses((status = 200, description = "text/event-stream of frames", content_type = "text/event-stream")),
    security(("bearer" = [])))]
async fn screen_live(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<LiveQuery>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    Ok(sse::serve(
        state.hub(),
        s.id,
        Audience::Screen,
        &headers,
        q.after,
    ))
}

fn proc_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<u64>().ok())
        .map(|kb| kb * 1024)
}

/// Server figures (memory), for operators and the benchmark.
#[utoipa::path(get, path = "/api/v1/server/stats", tag = "staff",
    responses((status = 200, body = StatsDto)), security(("bearer" = [])))]
async fn stats(State(state): State<AppState>, _staff: Staff) -> Json<StatsDto> {
    Json(StatsDto {
        rss_bytes: proc_status_kb("VmRSS:"),
        peak_rss_bytes: proc_status_kb("VmHWM:"),
        watched_sessions: state.hub().watched_sessions(),
    })
}

/// The staff API.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(list, create))
        .routes(routes!(detail))
        .routes(routes!(control))
        .routes(routes!(add_step))
        .routes(routes!(add_activity))
        .routes(routes!(edit_activity, remove_activity))
        .routes(routes!(add_table))
        .routes(routes!(results))
        .routes(routes!(events))
        .routes(routes!(live))
        .routes(routes!(screen_live))
        .routes(routes!(stats))
}
