//! The web layer's one error type.
//!
//! A handler returns `Err(AppError)`; its response carries the error in an
//! extension, and the [`layer`] middleware, which knows the request, renders
//! it: JSON for the API, a page for people (in their language), a redirect
//! to the login page when a person is not logged in. A 5xx is logged once
//! and shows nothing internal.

use crate::i18n::{LangPref, Tr};
use crate::views::pages::ErrorPage;
use askama::Template;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use koers_core::DomainError;
use koers_store::{ExecError, StoreError};

/// Why a request failed.
#[derive(Debug)]
pub enum AppError {
    /// The rules refused it (closed activity, too long, …); nothing changed.
    Refused(DomainError),
    /// No such thing here (or not yours to see).
    NotFound,
    /// Not logged in.
    Unauthorized,
    /// Logged in, but not allowed.
    Forbidden,
    /// The request is malformed.
    BadRequest,
    /// No active session has this join code.
    UnknownCode,
    /// Too many failed attempts from this address; try again later.
    TooManyAttempts,
    /// Wrong e-mail address or password.
    LoginFailed,
    /// Missing or wrong CSRF token.
    Csrf,
    /// Request body too large.
    PayloadTooLarge,
    /// The database is unavailable; try again.
    Unavailable,
    /// A bug or an unexpected failure (logged, not shown).
    Internal(String),
}

/// What the error middleware needs to render an error.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    /// Machine-readable code.
    pub code: &'static str,
    /// Translation key of the message.
    pub key: &'static str,
    /// Optional numeric argument of the message (`max`).
    pub max: Option<i64>,
    /// Optional second numeric argument (`min`).
    pub min: Option<i64>,
}

impl AppError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Refused(e) if e == &DomainError::NotFound => StatusCode::NOT_FOUND,
            AppError::Refused(e) if e.is_conflict() => StatusCode::CONFLICT,
            AppError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::NotFound | AppError::UnknownCode => StatusCode::NOT_FOUND,
            AppError::Unauthorized | AppError::LoginFailed => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The code and message key.
    pub fn info(&self) -> ErrorInfo {
        let simple = |code, key| ErrorInfo {
            code,
            key,
            max: None,
            min: None,
        };
        match self {
            AppError::Refused(e) => {
                let (max, min) = match e {
                    DomainError::TooLong { max }
                    | DomainError::TooManyChoices { max }
                    | DomainError::TooManyWords { max }
                    | DomainError::InUse { count: max } => (Some(*max as i64), None),
                    DomainError::TooManyDots { max }
                    | DomainError::TooManyPerItem { max }
                    | DomainError::PointsMustTotal { total: max }
                    | DomainError::TooManyItems { max }
                    | DomainError::BadLogo { max_kib: max } => (Some(i64::from(*max)), None),
                    DomainError::OutOfRange { min, max } => (Some(*max), Some(*min)),
                    _ => (None, None),
                };
                ErrorInfo {
                    code: e.code(),
                    key: domain_key(e),
                    max,
                    min,
                }
            }
            AppError::NotFound => simple("not-found", "error-not-found"),
            AppError::Unauthorized => simple("unauthorized", "error-unauthorized"),
            AppError::Forbidden => simple("forbidden", "error-forbidden"),
            AppError::BadRequest => simple("bad-request", "error-bad-request"),
            AppError::UnknownCode => simple("unknown-code", "error-unknown-code"),
            AppError::TooManyAttempts => simple("too-many-attempts", "error-too-many-attempts"),
            AppError::LoginFailed => simple("login-failed", "error-login-failed"),
            AppError::Csrf => simple("csrf", "error-csrf"),
            AppError::PayloadTooLarge => simple("payload-too-large", "error-payload-too-large"),
            AppError::Unavailable => simple("unavailable", "error-unavailable"),
            AppError::Internal(_) => simple("internal", "error-internal"),
        }
    }
}

fn domain_key(e: &DomainError) -> &'static str {
    match e {
        DomainError::Empty => "error-empty",
        DomainError::TooLong { .. } => "error-too-long",
        DomainError::WrongAnswerType => "error-wrong-answer-type",
        DomainError::NoSuchOption => "error-no-such-option",
        DomainError::TooManyChoices { .. } => "error-too-many-choices",
        DomainError::OutOfRange { .. } => "error-out-of-range",
        DomainError::TooManyWords { .. } => "error-too-many-words",
        DomainError::ActivityNotOpen => "error-activity-not-open",
        DomainError::SessionLocked => "error-session-locked",
        DomainError::ForTablesOnly => "error-for-tables-only",
        DomainError::ForIndividualsOnly => "error-for-individuals-only",
        DomainError::NotFound => "error-not-found",
        DomainError::InvalidActivity(_) => "error-invalid-activity",
        DomainError::HasAnswers => "error-has-answers",
        DomainError::NothingToWithdraw => "error-nothing-to-withdraw",
        DomainError::UnknownOrgType => "error-unknown-org-type",
        DomainError::TooManyDots { .. } => "error-too-many-dots",
        DomainError::TooManyPerItem { .. } => "error-too-many-per-item",
        DomainError::PointsMustTotal { .. } => "error-points-must-total",
        DomainError::InvalidRanking => "error-invalid-ranking",
        DomainError::NotYours => "error-not-yours",
        DomainError::Finalised => "error-finalised",
        DomainError::NothingToUndo => "error-nothing-to-undo",
        DomainError::TooManyItems { .. } => "error-too-many-items",
        DomainError::BadDate => "error-bad-date",
        DomainError::BadLogo { .. } => "error-bad-logo",
        DomainError::InUse { .. } => "error-in-use",
    }
}

/// The translated message of an error.
pub fn message(t: &Tr, info: &ErrorInfo) -> String {
    match (info.min, info.max) {
        (Some(min), Some(max)) => t.t2(info.key, "min", min, "max", max),
        (None, Some(max)) => t.t1(info.key, "max", max),
        _ => t.t(info.key),
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let mut resp = self.status().into_response();
        resp.extensions_mut().insert(self.info());
        resp
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError::Refused(e)
    }
}

/// An upload too large for its route, or a malformed multipart body.
impl From<axum::extract::multipart::MultipartError> for AppError {
    fn from(e: axum::extract::multipart::MultipartError) -> AppError {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::BadRequest
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::WriterGone => AppError::Unavailable,
            e if e.is_unavailable() => {
                tracing::warn!(error = %e, "database unavailable");
                AppError::Unavailable
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<ExecError> for AppError {
    fn from(e: ExecError) -> Self {
        match e {
            ExecError::Refused(d) => AppError::Refused(d),
            ExecError::Store(s) => s.into(),
        }
    }
}

/// Middleware that renders errors for the request they belong to.
pub async fn layer(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let wants_json = path.starts_with("/api/")
        || req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("application/json") && !a.contains("text/html"));
    let pref = req
        .extensions()
        .get::<LangPref>()
        .copied()
        .unwrap_or_default();
    let resp = next.run(req).await;
    let Some(info) = resp.extensions().get::<ErrorInfo>().cloned() else {
        return resp;
    };
    let status = resp.status();
    let t = Tr::new(pref.ui());
    let text = message(&t, &info);
    if wants_json {
        let body = serde_json::json!({ "error": { "code": info.code, "message": text } });
        let mut r = (status, axum::Json(body)).into_response();
        r.extensions_mut().insert(info);
        return r;
    }
    if status == StatusCode::UNAUTHORIZED && info.code == "unauthorized" {
        let next = match query {
            Some(q) => format!("{path}?{q}"),
            None => path,
        };
        let target = format!(
            "/login?next={}",
            form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        );
        return Redirect::to(&target).into_response();
    }
    let page = ErrorPage {
        t,
        chrome: crate::views::pages::Chrome::minimal(),
        status: status.as_u16(),
        message: text,
    };
    let body = page.render().unwrap_or_else(|_| "error".to_string());
    let mut r = (status, Html(body)).into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    }
    r
}
