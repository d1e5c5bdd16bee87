//! Static assets, embedded in the binary.

use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

const ASSETS: &[(&str, &str, &str)] = &[
    (
        "koers.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/koers.css"),
    ),
    (
        "live.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/live.js"),
    ),
    (
        "participant.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/participant.js"),
    ),
    (
        "screen.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/screen.js"),
    ),
    (
        "questionnaire.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/questionnaire.js"),
    ),
    (
        "console.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/console.js"),
    ),
];

/// A short hash of all assets; pages link `?v=` with it so browsers can
/// cache assets for a long time and still get new ones after an upgrade.
pub fn version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| {
        let mut h = Sha256::new();
        for (name, _, body) in ASSETS {
            h.update(name.as_bytes());
            h.update(body.as_bytes());
        }
        h.finalize()
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect()
    })
}

async fn asset(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let found = if name == "theme.css" {
        state
            .config()
            .theme_css
            .clone()
            .map(|css| ("text/css; charset=utf-8", css))
    } else {
        ASSETS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, ct, body)| (*ct, body.to_string()))
    };
    match found {
        Some((ct, body)) => {
            let mut r = body.into_response();
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            );
            r
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Routes of the assets.
pub fn router() -> Router<AppState> {
    Router::new().route("/assets/{name}", get(asset))
}
