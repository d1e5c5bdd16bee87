//! The sessions of a workspace, and creating one.

use crate::error::{AppError, message};
use crate::routes::extract::{Page, Staff};
use crate::routes::public::html;
use crate::session_templates::{TEMPLATES, new_session};
use crate::state::AppState;
use crate::views::pages::{SessionRow, SessionsPage};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use koers_core::lang::Lang;
use koers_core::text::clean_line;
use serde::Deserialize;

/// A date in the Netherlands' time zone, as people read it.
pub fn local_date(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .ok()
        .and_then(|t| {
            jiff::tz::TimeZone::get("Europe/Amsterdam")
                .ok()
                .map(|tz| t.to_zoned(tz))
        })
        .map(|z| z.strftime("%d-%m-%Y %H:%M").to_string())
        .unwrap_or_default()
}

async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    error: Option<String>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let sessions = state
        .store()
        .sessions(staff.workspace.id)
        .await?
        .into_iter()
        .map(|s| SessionRow {
            id: s.session.id.to_string(),
            title: s.session.title.clone(),
            code: s.session.join_code.spaced(),
            activities: s.activities,
            devices: s.devices,
            created: local_date(s.session.created_at),
            locked: s.session.locked,
        })
        .collect();
    html(SessionsPage {
        t,
        chrome: page.chrome(state, Some(&staff.user), "console"),
        workspace: staff.workspace.name.clone(),
        sessions,
        templates: TEMPLATES
            .iter()
            .map(|k| (k.to_string(), t.t(&format!("template-{k}"))))
            .collect(),
        error,
    })
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
) -> Result<Response, AppError> {
    render(&state, &page, &staff, None).await
}

#[derive(Deserialize)]
struct CreateForm {
    title: String,
    #[serde(default)]
    template: String,
    #[serde(default)]
    lang: String,
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Form(f): Form<CreateForm>,
) -> Result<Response, AppError> {
    let title = match clean_line(&f.title, koers_store::MAX_NAME) {
        Ok(t) => t,
        Err(e) => {
            let t = page.tr();
            let msg = message(&t, &AppError::Refused(e).info());
            let mut r = render(&state, &page, &staff, Some(msg)).await?;
            *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(r);
        }
    };
    let lang = Lang::parse(&f.lang).unwrap_or_default();
    let template = if TEMPLATES.contains(&f.template.as_str()) {
        f.template.as_str()
    } else {
        "blank"
    };
    let new = new_session(
        template,
        lang,
        staff.workspace.id,
        Some(staff.user.id),
        title,
    );
    let s = state.store().create_session(new).await?;
    Ok(Redirect::to(&format!("/console/sessions/{}", s.id)).into_response())
}

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/console", get(list))
        .route("/console/sessions", get(list).post(create))
}
