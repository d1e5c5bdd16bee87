//! Public pages: the front door (join by code), health, language switch,
//! accessibility and privacy statements, security.txt.

use crate::error::AppError;
use crate::i18n::LANG_COOKIE;
use crate::routes::extract::{Page, set_cookie};
use crate::state::AppState;
use crate::views::pages::{AccessibilityPage, HomePage, PrivacyPage};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koers_core::lang::Lang;
use serde::Deserialize;

/// Renders a template to an HTML response.
pub fn html(t: impl Template) -> Result<Response, AppError> {
    t.render()
        .map(|s| Html(s).into_response())
        .map_err(|e| AppError::Internal(format!("template: {e}")))
}

#[derive(Deserialize)]
struct HomeQuery {
    #[serde(default)]
    code: String,
}

async fn home(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<HomeQuery>,
) -> Result<Response, AppError> {
    html(HomePage {
        t: page.tr(),
        chrome: page.chrome(&state, None, "public"),
        code: q.code.chars().take(12).collect(),
        error: None,
    })
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.store().ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[derive(Deserialize)]
struct LangForm {
    lang: String,
    #[serde(default)]
    next: String,
}

async fn set_lang(
    State(state): State<AppState>,
    Form(f): Form<LangForm>,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&f.lang).ok_or(AppError::BadRequest)?;
    // Only local paths: never redirect elsewhere.
    let next = if f.next.starts_with('/') && !f.next.starts_with("//") {
        f.next
    } else {
        "/".into()
    };
    let mut resp = Redirect::to(&next).into_response();
    let cookie = set_cookie(&state, LANG_COOKIE, lang.tag(), 365 * 24 * 3600, "Lax");
    resp.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|_| AppError::BadRequest)?,
    );
    Ok(resp)
}

async fn accessibility(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    html(AccessibilityPage {
        t: page.tr(),
        chrome: page.chrome(&state, None, "public"),
    })
}

async fn privacy(State(state): State<AppState>, page: Page) -> Result<Response, AppError> {
    html(PrivacyPage {
        t: page.tr(),
        chrome: page.chrome(&state, None, "public"),
    })
}

async fn security_txt(State(state): State<AppState>) -> Response {
    let Some(contact) = state.config().security_contact.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // RFC 9116 asks for an expiry within a year; a year from now.
    let expires = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_hours(24 * 365))
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default();
    let body = format!(
        "Contact: {contact}\nExpires: {expires}\nPreferred-Languages: nl, en\nCanonical: {}/.well-known/security.txt\n",
        state.config().public_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// Routes of the public pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/healthz", get(healthz))
        .route("/lang", post(set_lang))
        .route("/toegankelijkheid", get(accessibility))
        .route("/accessibility", get(accessibility))
        .route("/privacy", get(privacy))
        .route("/.well-known/security.txt", get(security_txt))
}
