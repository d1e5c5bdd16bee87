//! All routes, merged: each feature owns its router.

pub mod api;
pub mod assets;
pub mod console;
pub mod extract;
pub mod join;
pub mod participant;
pub mod public;
pub mod screen;

use crate::error::AppError;
use crate::state::AppState;
use crate::{error, i18n, security};
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::middleware::from_fn_with_state;
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use std::time::Duration;
use tower::{ServiceBuilder, ServiceExt};
use tower_http::body::Limited;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use api::openapi_json;

/// Largest request body accepted (but for an archive upload).
pub const MAX_BODY: usize = 64 * 1024;

/// Refuses a too large body before anything reads it: `MAX_BODY`, but
/// `MAX_ARCHIVE` for the route that takes a session archive and
/// `MAX_UPLOAD` for the logo upload. (The
/// extractors' own limit is `DefaultBodyLimit`, raised by that route.)
async fn limit_body(req: Request, next: Next) -> Response {
    let limit = match req.uri().path() {
        console::import::PATH => console::import::MAX_ARCHIVE,
        console::logo::PATH => console::logo::MAX_UPLOAD,
        crate::inventory::transfer::PATH => crate::inventory::transfer::MAX_UPLOAD,
        _ => MAX_BODY,
    };
    let limited = ServiceBuilder::new()
        .layer(RequestBodyLimitLayer::new(limit))
        .map_request(|r: Request<Limited<Body>>| r.map(Body::new))
        .service(next);
    match limited.oneshot(req).await {
        Ok(resp) => resp.map(Body::new),
        Err(never) => match never {},
    }
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(public::router())
        .merge(assets::router())
        .merge(join::router())
        .merge(participant::router())
        .merge(screen::router())
        .merge(console::router())
        .merge(crate::inventory::router())
        .merge(crate::register::router())
        .merge(crate::respond::router())
        .merge(crate::questionnaires::router())
        .merge(api::router())
        .fallback(|| async { AppError::NotFound })
        // Innermost first: CSRF sees the request last before the handler.
        .layer(from_fn_with_state(state.clone(), security::csrf::layer))
        .layer(from_fn(error::layer))
        .layer(from_fn(i18n::layer))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(from_fn(limit_body))
        .layer(CompressionLayer::new())
        .layer(from_fn_with_state(state.clone(), security::headers::layer))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        // Log the route, never the raw path: paths carry join codes and tokens.
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let route = req
                .extensions()
                .get::<MatchedPath>()
                .map(|m| m.as_str().to_string())
                .unwrap_or_else(|| "unmatched".into());
            tracing::info_span!("request", method = %req.method(), route)
        }))
        .with_state(state)
}
