//! The facilitator's console: login, sessions, steering and the agenda.

mod auth;
mod export;
mod forms;
pub mod import;
mod lists;
pub mod logo;
mod session;
mod sessions;

use crate::state::AppState;
use axum::Router;

/// Routes of the console.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(auth::router())
        .merge(sessions::router())
        .merge(session::router())
        .merge(forms::router())
        .merge(lists::router())
        .merge(export::router())
        .merge(import::router())
        .merge(logo::router())
}

pub use session::path_id;
