//! The prevention inventory in the browser: partners, societal results and
//! activities with their forms, the matrix, the analysis, import and export,
//! the change log and partners' invitations. Staff see and change all of a
//! workspace's inventory; a partner's contact person sees it all and changes
//! only the activities its partner provides (the store enforces it).

mod access;
pub mod analysis;
pub(crate) mod analysis_cache;
mod analysis_sections;
mod downloads;
pub(crate) mod form;
mod from_action;
mod lists;
pub(crate) mod matrix;
pub(crate) mod matrix_image;
mod offers;
mod partners;
mod preconditions;
mod report;
mod results;
pub mod transfer;
pub(crate) mod views;

pub use access::Member;

use crate::state::AppState;
use axum::Router;

/// Routes of the inventory.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(offers::router())
        .merge(partners::router())
        .merge(results::router())
        .merge(lists::router())
        .merge(matrix::router())
        .merge(analysis::router())
        .merge(transfer::router())
        .merge(downloads::router())
        .route("/inventory", axum::routing::get(home))
}

/// The inventory opens on its matrix: what there is, at a glance.
async fn home(_member: Member) -> axum::response::Redirect {
    axum::response::Redirect::to("/inventory/matrix")
}
