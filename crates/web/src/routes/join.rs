//! Joining a session: by typed code, by the QR link, or as a table's tablet.

use crate::error::{AppError, message};
use crate::routes::extract::{ClientIp, Page, device_cookie, device_in, set_cookie};
use crate::routes::public::html;
use crate::state::AppState;
use crate::usecases::{self, DEVICE_TTL_SECS};
use crate::views::pages::{HomePage, JoinPage, TableJoinPage};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use koers_core::code::JoinCode;
use koers_store::SessionRecord;
use serde::Deserialize;

#[derive(Deserialize)]
struct CodeQuery {
    #[serde(default)]
    code: String,
}

/// The front door's form: a known code goes to the join page, anything
/// else back to the form with a message.
async fn find(
    State(state): State<AppState>,
    page: Page,
    ip: ClientIp,
    Query(q): Query<CodeQuery>,
) -> Result<Response, AppError> {
    match usecases::session_for_code(&state, ip, &q.code).await {
        Ok(s) => Ok(Redirect::to(&format!("/j/{}", s.join_code)).into_response()),
        Err(e @ (AppError::UnknownCode | AppError::TooManyAttempts)) => {
            let t = page.tr();
            let status = e.status();
            let mut resp = html(HomePage {
                t,
                chrome: page.chrome(&state, None, "public"),
                code: q.code.chars().take(12).collect(),
                error: Some(message(&t, &e.info())),
            })?;
            *resp.status_mut() = status;
            Ok(resp)
        }
        Err(e) => Err(e),
    }
}

fn join_page(
    state: &AppState,
    page: &Page,
    s: &SessionRecord,
    name: &str,
    org: &str,
    error: Option<String>,
) -> Result<Response, AppError> {
    html(JoinPage {
        t: crate::i18n::Tr::new(page.pref.for_session(s.lang)),
        chrome: page.chrome(state, None, "public"),
        title: s.title.clone(),
        code: s.join_code.to_string(),
        org_types: s.org_types.clone(),
        display_name: name.to_string(),
        org_type: org.to_string(),
        error,
    })
}

/// The join page for a code (the QR code's target).
async fn join_page_for_code(
    State(state): State<AppState>,
    page: Page,
    ip: ClientIp,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let s = usecases::session_for_code(&state, ip, &code).await?;
    // Already joined on this device: straight back in, same participant.
    if device_in(&state, &headers, &s).await?.is_some() {
        return Ok(Redirect::to(&format!("/p/{}", s.join_code)).into_response());
    }
    if s.locked {
        return Err(koers_core::DomainError::SessionLocked.into());
    }
    join_page(&state, &page, &s, "", "", None)
}

#[derive(Deserialize)]
struct JoinForm {
    code: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    org_type: String,
}

fn with_device_cookie(
    state: &AppState,
    s: &SessionRecord,
    token: &str,
    to: &str,
) -> Result<Response, AppError> {
    let mut resp = Redirect::to(to).into_response();
    let cookie = set_cookie(state, &device_cookie(s.id), token, DEVICE_TTL_SECS, "Lax");
    resp.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|_| AppError::Internal("cookie".into()))?,
    );
    Ok(resp)
}

async fn join_submit(
    State(state): State<AppState>,
    page: Page,
    ip: ClientIp,
    headers: HeaderMap,
    Form(f): Form<JoinForm>,
) -> Result<Response, AppError> {
    let s = usecases::session_for_code(&state, ip, &f.code).await?;
    if device_in(&state, &headers, &s).await?.is_some() {
        return Ok(Redirect::to(&format!("/p/{}", s.join_code)).into_response());
    }
    let name = Some(f.display_name.clone()).filter(|n| !n.trim().is_empty());
    let org = Some(f.org_type.clone()).filter(|o| !o.is_empty());
    match usecases::join(&state, &s, None, name, org).await {
        Ok(joined) => with_device_cookie(&state, &s, &joined.token, &format!("/p/{}", s.join_code)),
        Err(e @ AppError::Refused(_)) => {
            let t = crate::i18n::Tr::new(page.pref.for_session(s.lang));
            let status = e.status();
            let mut resp = join_page(
                &state,
                &page,
                &s,
                &f.display_name,
                &f.org_type,
                Some(message(&t, &e.info())),
            )?;
            *resp.status_mut() = status;
            Ok(resp)
        }
        Err(e) => Err(e),
    }
}

async fn table_page(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (table, s) = state
        .store()
        .table_by_token(&token)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(d) = device_in(&state, &headers, &s).await?
        && d.table_id == Some(table.id)
    {
        return Ok(Redirect::to(&format!("/p/{}", s.join_code)).into_response());
    }
    html(TableJoinPage {
        t: crate::i18n::Tr::new(page.pref.for_session(s.lang)),
        chrome: page.chrome(&state, None, "public"),
        title: s.title.clone(),
        table: table.name,
        token,
    })
}

async fn table_join(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (table, s) = state
        .store()
        .table_by_token(&token)
        .await?
        .ok_or(AppError::NotFound)?;
    let joined = usecases::join(&state, &s, Some(table.id), None, None).await?;
    with_device_cookie(&state, &s, &joined.token, &format!("/p/{}", s.join_code))
}

/// A code in a path that is not even six digits is simply not found.
pub fn parse_code(code: &str) -> Result<JoinCode, AppError> {
    JoinCode::parse(code).ok_or(AppError::NotFound)
}

/// Routes for joining.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/join", get(find).post(join_submit))
        .route("/j/{code}", get(join_page_for_code))
        .route("/t/{token}", get(table_page).post(table_join))
}
