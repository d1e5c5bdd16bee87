//! The console's forms: steering, the agenda, tables. Each works as a plain
//! form post (redirect back) and, when the console script sends it with
//! `Accept: application/json`, answers 204 or a JSON error.

use super::session::{activity_form, path_id, render};
use crate::error::{AppError, message};
use crate::routes::extract::{Page, Staff};
use crate::routes::public::html;
use crate::security::tokens::random_token;
use crate::state::AppState;
use crate::usecases::{ActivityInput, parse_control};
use crate::views::pages::ActivityPage;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, SessionId, StepId};
use koers_store::Command;
use serde::Deserialize;

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

/// After a console action: 204 for the script, a redirect for a form post;
/// a refusal goes back with its reason.
pub(super) fn done(
    headers: &HeaderMap,
    result: Result<(), AppError>,
    back: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) if wants_json(headers) => Ok(StatusCode::NO_CONTENT.into_response()),
        Ok(()) => Ok(Redirect::to(back).into_response()),
        Err(e) if wants_json(headers) => Err(e),
        Err(e @ AppError::Refused(_)) => {
            let info = e.info();
            let max = info.max.map(|m| format!("&max={m}")).unwrap_or_default();
            Ok(Redirect::to(&format!("{back}?error={}{max}", info.code)).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct ControlForm {
    action: String,
    #[serde(default)]
    activity_id: String,
}

async fn control(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<ControlForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let activity = if f.activity_id.is_empty() {
        None
    } else {
        Some(
            f.activity_id
                .parse::<ActivityId>()
                .map_err(|_| AppError::BadRequest)?,
        )
    };
    let result = async {
        let cmd = parse_control(&f.action, activity)?;
        state
            .exec(s.id, Actor::User(staff.user.id), Command::Control(cmd))
            .await?;
        Ok(())
    }
    .await;
    done(&headers, result, &format!("/console/sessions/{}", s.id))
}

#[derive(Deserialize)]
struct TitleForm {
    title: String,
}

async fn add_step(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<TitleForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let result = state
        .exec(
            s.id,
            Actor::User(staff.user.id),
            Command::AddStep { title: f.title },
        )
        .await
        .map(|_| ());
    done(&headers, result, &format!("/console/sessions/{}", s.id))
}

#[derive(Deserialize)]
struct FiguresForm {
    csv: String,
    #[serde(default)]
    step_id: String,
    #[serde(default)]
    scored: String,
}

/// Imports key figures (figure, value, unit, year, source) as estimate
/// questions. The whole file is checked first: one bad line refuses it all,
/// with the line number, and nothing is added.
async fn import_figures(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    Form(f): Form<FiguresForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let t = page.tr();
    let step: StepId = f.step_id.parse().map_err(|_| AppError::BadRequest)?;
    let figures = match koers_core::quiz::parse_key_figures(&f.csv) {
        Ok(figures) => figures,
        Err(problem) => {
            let msg = t.t2(
                &format!("figures-error-{}", problem.problem),
                "line",
                problem.line as i64,
                "max",
                koers_core::quiz::MAX_FIGURES as i64,
            );
            let mut r = render(&state, &page, &staff, &s, None, Some(msg), None).await?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(r);
        }
    };
    let defs = figures
        .iter()
        .map(|k| {
            let title = match k.year {
                Some(y) => t.t2(
                    "figures-question-year",
                    "figure",
                    k.figure.as_str(),
                    "year",
                    i64::from(y),
                ),
                None => t.t1("figures-question", "figure", k.figure.as_str()),
            };
            koers_core::activity::ActivityDef::new(
                &title,
                koers_core::activity::ActivityKind::Estimate {
                    value: k.value,
                    unit: k.unit.clone(),
                    explanation: String::new(),
                    source: k.source.clone(),
                    scored: !f.scored.is_empty(),
                },
                koers_core::activity::Audience::Individuals,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    for def in defs {
        state
            .exec(
                s.id,
                Actor::User(staff.user.id),
                Command::AddActivity {
                    step,
                    def,
                    id: None,
                },
            )
            .await?;
    }
    Ok(Redirect::to(&format!("/console/sessions/{}#agenda-h", s.id)).into_response())
}

async fn add_activity(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    Form(input): Form<ActivityInput>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let result = async {
        let def = input.to_def()?;
        let step: StepId = input.step_id.parse().map_err(|_| AppError::BadRequest)?;
        state
            .exec(
                s.id,
                Actor::User(staff.user.id),
                Command::AddActivity {
                    step,
                    def,
                    id: None,
                },
            )
            .await
    }
    .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/console/sessions/{}#agenda-h", s.id)).into_response()),
        Err(e @ (AppError::Refused(_) | AppError::BadRequest)) => {
            // Show the form again with what was typed and why it was refused.
            let msg = message(&page.tr(), &e.info());
            let mut r = render(&state, &page, &staff, &s, Some(&input), Some(msg), None).await?;
            *r.status_mut() = e.status();
            Ok(r)
        }
        Err(e) => Err(e),
    }
}

async fn edit_page_response(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    sid: SessionId,
    aid: ActivityId,
    input: Option<&ActivityInput>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let agenda = state.store().agenda(sid).await?;
    let a = agenda.activity(aid).ok_or(AppError::NotFound)?;
    let answers = state.store().answers(aid).await?.len() as i64;
    let t = page.tr();
    let fallback = ActivityInput::from_def(&a.def);
    let form = activity_form(
        &t,
        format!("/console/sessions/{sid}/activities/{aid}"),
        input.unwrap_or(&fallback),
        None,
        "activity-save",
    );
    html(ActivityPage {
        t,
        chrome: page.chrome(state, Some(&staff.user), "console"),
        session_id: sid.to_string(),
        activity_id: aid.to_string(),
        form,
        has_answers: answers > 0,
        answers,
        error,
    })
}

async fn edit_page(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    edit_page_response(&state, &page, &staff, s.id, path_id(&aid)?, None, None).await
}

async fn save_activity(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path((id, aid)): Path<(String, String)>,
    Form(input): Form<ActivityInput>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let activity: ActivityId = path_id(&aid)?;
    let result = async {
        let def = input.to_def()?;
        state
            .exec(
                s.id,
                Actor::User(staff.user.id),
                Command::EditActivity { activity, def },
            )
            .await
    }
    .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/console/sessions/{}", s.id)).into_response()),
        Err(e @ AppError::Refused(_)) => {
            let msg = message(&page.tr(), &e.info());
            let mut r = edit_page_response(
                &state,
                &page,
                &staff,
                s.id,
                activity,
                Some(&input),
                Some(msg),
            )
            .await?;
            *r.status_mut() = e.status();
            Ok(r)
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct MoveForm {
    direction: String,
}

async fn move_activity(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path((id, aid)): Path<(String, String)>,
    Form(f): Form<MoveForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let activity: ActivityId = path_id(&aid)?;
    let result = state
        .exec(
            s.id,
            Actor::User(staff.user.id),
            Command::MoveActivity {
                activity,
                up: f.direction == "up",
            },
        )
        .await
        .map(|_| ());
    done(
        &headers,
        result,
        &format!("/console/sessions/{}/activities/{activity}", s.id),
    )
}

async fn delete_activity(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let activity: ActivityId = path_id(&aid)?;
    let result = state
        .exec(
            s.id,
            Actor::User(staff.user.id),
            Command::RemoveActivity { activity },
        )
        .await
        .map(|_| ());
    match result {
        Err(e @ AppError::Refused(_)) if !wants_json(&headers) => done(
            &headers,
            Err(e),
            &format!("/console/sessions/{}/activities/{activity}", s.id),
        ),
        other => done(&headers, other, &format!("/console/sessions/{}", s.id)),
    }
}

#[derive(Deserialize)]
struct SettingsForm {
    title: String,
    #[serde(default)]
    org_types: String,
}

async fn settings(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let actor = Actor::User(staff.user.id);
    let result = async {
        // Check both before changing either, so a refusal changes nothing.
        koers_core::text::clean_line(&f.title, koers_store::MAX_NAME)?;
        let labels: Vec<String> = f.org_types.lines().map(str::to_string).collect();
        koers_core::org::list_from_labels(&labels, &s.org_types)?;
        state
            .exec(
                s.id,
                actor,
                Command::Rename {
                    title: f.title.clone(),
                },
            )
            .await?;
        state
            .exec(s.id, actor, Command::SetOrgTypes { labels })
            .await?;
        Ok(())
    }
    .await;
    done(&headers, result, &format!("/console/sessions/{}", s.id))
}

#[derive(Deserialize)]
struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

async fn delete_session(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(f): Form<DeleteForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    if f.confirm != "yes" {
        return Ok(
            Redirect::to(&format!("/console/sessions/{}?error=confirm-delete", s.id))
                .into_response(),
        );
    }
    if !state
        .store()
        .delete_session(staff.workspace.id, s.id, staff.user.id)
        .await?
    {
        return Err(AppError::NotFound);
    }
    // Its live views end: the render task finds the session gone.
    state.hub().changed(s.id);
    Ok(Redirect::to("/console?deleted=1").into_response())
}

#[derive(Deserialize)]
struct TableForm {
    name: String,
}

async fn add_table(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<TableForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let result = state
        .exec(
            s.id,
            Actor::User(staff.user.id),
            Command::AddTable {
                name: f.name,
                join_token: random_token(),
            },
        )
        .await
        .map(|_| ());
    done(&headers, result, &format!("/console/sessions/{}", s.id))
}

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/console/sessions/{id}/control", post(control))
        .route("/console/sessions/{id}/steps", post(add_step))
        .route("/console/sessions/{id}/activities", post(add_activity))
        .route("/console/sessions/{id}/figures", post(import_figures))
        .route(
            "/console/sessions/{id}/activities/{aid}",
            get(edit_page).post(save_activity),
        )
        .route(
            "/console/sessions/{id}/activities/{aid}/move",
            post(move_activity),
        )
        .route(
            "/console/sessions/{id}/activities/{aid}/delete",
            post(delete_activity),
        )
        .route("/console/sessions/{id}/tables", post(add_table))
        .route("/console/sessions/{id}/settings", post(settings))
        .route("/console/sessions/{id}/delete", post(delete_session))
}
