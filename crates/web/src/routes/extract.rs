//! Extractors: who is asking, in which language, with which CSRF token.

use crate::error::AppError;
use crate::i18n::{LangPref, Tr};
use crate::security::csrf::CsrfToken;
use crate::security::tokens::{hash_token, is_token_shaped};
use crate::state::AppState;
use crate::views::pages::Chrome;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use koers_core::ids::SessionId;
use koers_store::{Device, SessionRecord, User, Workspace};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// Name of the staff login cookie.
pub const AUTH_COOKIE: &str = "koers_auth";

/// Name of the cookie that identifies a device in a session.
pub fn device_cookie(session: SessionId) -> String {
    format!("kp_{}", session.0.simple())
}

/// A cookie's value from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with Koers' flags.
pub fn set_cookie(
    state: &AppState,
    name: &str,
    value: &str,
    max_age_secs: i64,
    same_site: &str,
) -> String {
    let secure = if state.config().secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite={same_site}{secure}"
    )
}

/// The client's address (for counting failed attempts; never stored).
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.config().trust_forwarded_for
            && let Some(ip) = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|v| v.trim().parse().ok())
        {
            return Ok(ClientIp(ip));
        }
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        Ok(ClientIp(ip))
    }
}

/// The token a request authenticates with: `Authorization: Bearer …` (API
/// clients) or `Authorization: Participant …`, else a cookie.
fn auth_header<'a>(headers: &'a HeaderMap, scheme: &str) -> Option<&'a str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(s, _)| s.eq_ignore_ascii_case(scheme))
        .map(|(_, t)| t.trim())
}

/// A signed-in staff member and its workspace.
#[derive(Clone, Debug)]
pub struct Staff {
    /// The account.
    pub user: User,
    /// Its workspace.
    pub workspace: Workspace,
}

impl Staff {
    /// The session, if it belongs to this staff member's workspace.
    pub async fn session(
        &self,
        state: &AppState,
        id: SessionId,
    ) -> Result<SessionRecord, AppError> {
        state
            .store()
            .session_in(self.workspace.id, id)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// The account a request is signed in with (any role) and its workspace.
pub async fn signed_in(parts: &Parts, state: &AppState) -> Result<(User, Workspace), AppError> {
    let token = auth_header(&parts.headers, "bearer")
        .or_else(|| cookie(&parts.headers, AUTH_COOKIE))
        .filter(|t| is_token_shaped(t))
        .ok_or(AppError::Unauthorized)?;
    let user = state
        .store()
        .auth_session_user(&hash_token(token))
        .await?
        .ok_or(AppError::Unauthorized)?;
    let workspace = state
        .store()
        .workspace(user.workspace_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    Ok((user, workspace))
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (user, workspace) = signed_in(parts, state).await?;
        // Partners' contact persons sign in too, but reach only the
        // inventory (its own extractor); never sessions or the console.
        if user.role == koers_core::auth::Role::Partner {
            return Err(AppError::Forbidden);
        }
        Ok(Staff { user, workspace })
    }
}

/// Finds the device a request comes from in `session`: the session's device
/// cookie, or an `Authorization: Participant TOKEN` header.
pub async fn device_in(
    state: &AppState,
    headers: &HeaderMap,
    session: &SessionRecord,
) -> Result<Option<Device>, AppError> {
    let name = device_cookie(session.id);
    let Some(token) = auth_header(headers, "participant")
        .or_else(|| cookie(headers, &name))
        .filter(|t| is_token_shaped(t))
    else {
        return Ok(None);
    };
    Ok(state
        .store()
        .device_by_token(&hash_token(token))
        .await?
        .filter(|d| d.session_id == session.id))
}

/// Language and CSRF token of a request, and the frame of its page.
#[derive(Clone, Debug)]
pub struct Page {
    /// Language preference.
    pub pref: LangPref,
    /// CSRF token for forms.
    pub csrf: String,
    /// Path of the request.
    pub path: String,
}

impl FromRequestParts<AppState> for Page {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Page {
            pref: parts
                .extensions
                .get::<LangPref>()
                .copied()
                .unwrap_or_default(),
            csrf: parts
                .extensions
                .get::<CsrfToken>()
                .map(|c| c.0.clone())
                .unwrap_or_default(),
            path: parts.uri.path().to_string(),
        })
    }
}

impl Page {
    /// Translations for staff and public pages.
    pub fn tr(&self) -> Tr {
        Tr::new(self.pref.ui())
    }

    /// The page frame.
    pub fn chrome(
        &self,
        state: &AppState,
        user: Option<&User>,
        body_class: &'static str,
    ) -> Chrome {
        Chrome {
            csrf: self.csrf.clone(),
            theme: state.config().theme_css.is_some(),
            user: user.map(|u| u.name.clone()),
            staff: user.is_some_and(|u| u.role != koers_core::auth::Role::Partner),
            body_class,
            path: self.path.clone(),
            home: if user.is_some() { "/console" } else { "/" },
            asset_version: crate::routes::assets::version(),
        }
    }
}
