//! The projector screen: a page that follows the facilitator by itself.
//! Its URL holds an unguessable token; it shows only what the room sees.

use crate::error::AppError;
use crate::i18n::Tr;
use crate::live::{Audience, sse};
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use crate::views::frames::Derived;
use crate::views::pages::{ScreenPage, script_json};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use koers_store::SessionRecord;
use serde::Deserialize;
use serde_json::json;

async fn session_for(state: &AppState, token: &str) -> Result<SessionRecord, AppError> {
    if !crate::security::tokens::is_token_shaped(token) {
        return Err(AppError::NotFound);
    }
    state
        .store()
        .session_by_screen_token(token)
        .await?
        .ok_or(AppError::NotFound)
}

async fn screen(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let s = session_for(&state, &token).await?;
    let data = state
        .store()
        .live_data(s.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (main_html, bar_html) = Derived::new(&data).screen_html(state.config());
    let t = Tr::new(s.lang);
    let mut chrome = page.chrome(&state, None, "screen");
    // The screen is operated by nobody: no forms, no language switch.
    chrome.csrf.clear();
    html(ScreenPage {
        t,
        chrome,
        title: s.title.clone(),
        main_html,
        bar_html,
        data_json: script_json(&json!({
            "seq": data.seq,
            "live": format!("/live/screen/{token}"),
            "texts": { "js-reconnecting": t.t("js-reconnecting") },
        })),
    })
}

#[derive(Deserialize)]
struct LiveQuery {
    after: Option<i64>,
}

async fn live(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    Query(q): Query<LiveQuery>,
) -> Result<Response, AppError> {
    let s = session_for(&state, &token).await?;
    Ok(sse::serve(
        state.hub(),
        s.id,
        Audience::Screen,
        &headers,
        q.after,
    ))
}

/// Routes of the screen.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/screen/{token}", get(screen))
        .route("/live/screen/{token}", get(live))
}
