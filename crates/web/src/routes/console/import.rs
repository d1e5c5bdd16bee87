//! Importing a session archive (`koers export --format json`, or the
//! console's download) as a new session of the facilitator's own workspace.
//!
//! The upload is a `multipart/form-data` form, so it works without
//! JavaScript; the CSRF layer finds the form's token in its first field.
//! This is the one route that takes more than the global body limit.

use crate::error::AppError;
use crate::i18n::Arg;
use crate::routes::extract::{Page, Staff};
use crate::routes::public::html;
use crate::state::AppState;
use crate::views::pages::ImportPage;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use koers_store::{ArchiveError, SessionArchive};

/// Where the form is and posts to.
pub const PATH: &str = "/console/import";

/// Largest archive accepted: a long evening with a thousand phones is a few
/// megabytes; larger archives can be imported with `koers import-session`.
pub const MAX_ARCHIVE: usize = 50 * 1024 * 1024;

async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    error: Option<String>,
) -> Result<Response, AppError> {
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut r = html(ImportPage {
        t: page.tr(),
        chrome: page.chrome(state, Some(&staff.user), "console"),
        workspace: staff.workspace.name.clone(),
        max_mb: (MAX_ARCHIVE / (1024 * 1024)) as i64,
        error,
    })?;
    *r.status_mut() = status;
    Ok(r)
}

async fn form(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
) -> Result<Response, AppError> {
    render(&state, &page, &staff, None).await
}

/// The uploaded file's bytes, if the form had one.
async fn archive_field(mut multipart: Multipart) -> Result<Option<Vec<u8>>, AppError> {
    let mut file = None;
    while let Some(field) = multipart.next_field().await? {
        if field.name() == Some("archive") {
            file = Some(field.bytes().await?.to_vec());
        }
    }
    Ok(file.filter(|f| !f.is_empty()))
}

async fn upload(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let t = page.tr();
    let Some(bytes) = archive_field(multipart).await? else {
        return render(&state, &page, &staff, Some(t.t("import-error-no-file"))).await;
    };
    // Always into the importer's own workspace: the form names none.
    let imported = match SessionArchive::from_json(&bytes) {
        Ok(archive) => {
            state
                .store()
                .import_archive(staff.workspace.id, Some(staff.user.id), &archive)
                .await
        }
        Err(e) => Err(e),
    };
    let refusal = match imported {
        Ok((id, _code)) => {
            tracing::info!(session = %id, "session imported from an archive");
            return Ok(Redirect::to(&format!("/console/sessions/{id}")).into_response());
        }
        Err(ArchiveError::Store(e)) => return Err(e.into()),
        Err(ArchiveError::NoWorkspace) => return Err(AppError::Unauthorized),
        Err(ArchiveError::Json(_)) => t.t("import-error-json"),
        Err(ArchiveError::NotAnArchive) => t.t("import-error-format"),
        Err(ArchiveError::TooNew { found }) => t.t1("import-error-version", "found", found),
        Err(ArchiveError::Invalid(detail)) => {
            t.t1("import-error-invalid", "detail", Arg::Text(detail))
        }
    };
    render(&state, &page, &staff, Some(refusal)).await
}

/// A failed upload shows the form again with the reason; a too large one
/// is refused before it is read (see [`crate::routes::app`]).
pub fn router() -> Router<AppState> {
    Router::new()
        .route(PATH, get(form).post(upload))
        // Overrides the global limit for this route's extractors.
        .layer(DefaultBodyLimit::max(MAX_ARCHIVE))
}
