//! Staff login and logout.

use crate::error::{AppError, message};
use crate::routes::extract::{AUTH_COOKIE, ClientIp, Page, cookie, set_cookie};
use crate::routes::public::html;
use crate::security::tokens::hash_token;
use crate::state::AppState;
use crate::usecases::{self, LOGIN_TTL_MS};
use crate::views::pages::LoginPage;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Only a local path is a valid place to go after login.
fn safe_next(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next.to_string()
    } else {
        "/console".to_string()
    }
}

async fn login_page(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    html(LoginPage {
        t: page.tr(),
        chrome: page.chrome(&state, None, "public"),
        error: None,
        next: safe_next(&q.next),
        email: String::new(),
    })
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(state): State<AppState>,
    page: Page,
    ip: ClientIp,
    Form(f): Form<LoginForm>,
) -> Result<Response, AppError> {
    match usecases::login(&state, ip, &f.email, &f.password).await {
        Ok(done) => {
            let next = safe_next(&f.next);
            // A partner's contact person has the inventory only.
            let next = if done.user.role == koers_core::auth::Role::Partner
                && !next.starts_with("/inventory")
            {
                "/inventory".to_string()
            } else {
                next
            };
            let mut resp = Redirect::to(&next).into_response();
            let c = set_cookie(&state, AUTH_COOKIE, &done.token, LOGIN_TTL_MS / 1000, "Lax");
            resp.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_str(&c).map_err(|_| AppError::BadRequest)?,
            );
            Ok(resp)
        }
        Err(e @ (AppError::LoginFailed | AppError::TooManyAttempts)) => {
            let t = page.tr();
            let status = e.status();
            let mut resp = html(LoginPage {
                t,
                chrome: page.chrome(&state, None, "public"),
                error: Some(message(&t, &e.info())),
                next: safe_next(&f.next),
                email: f.email.chars().take(200).collect(),
            })?;
            *resp.status_mut() = status;
            Ok(resp)
        }
        Err(e) => Err(e),
    }
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    if let Some(token) = cookie(&headers, AUTH_COOKIE) {
        state
            .store()
            .delete_auth_session(&hash_token(token))
            .await?;
    }
    let mut resp = Redirect::to("/").into_response();
    let c = set_cookie(&state, AUTH_COOKIE, "", 0, "Lax");
    resp.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&c).map_err(|_| AppError::BadRequest)?,
    );
    Ok(resp)
}

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn login_never_redirects_to_another_site() {
        assert_eq!(safe_next("/console/sessions/x"), "/console/sessions/x");
        assert_eq!(safe_next("https://evil.example"), "/console");
        assert_eq!(safe_next("//evil.example"), "/console");
        assert_eq!(safe_next("/\\evil.example"), "/console");
    }
}
