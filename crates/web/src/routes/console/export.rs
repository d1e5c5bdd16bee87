//! Downloading a session's report and data from the console, and the
//! report cover's facts. Only the session's own staff can do either.

use super::forms::done;
use super::session::path_id;
use crate::error::AppError;
use crate::report;
use crate::routes::extract::Staff;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use koers_core::event::Actor;
use koers_core::ids::SessionId;
use koers_store::Command;
use serde::Deserialize;

async fn export(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, format)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let store = state.store();
    let fail = |e: report::ExportError| AppError::Internal(e.to_string());
    let (bytes, mime, ext) = match format.as_str() {
        "pdf" => (
            report::export_pdf(store, s.id).await.map_err(fail)?,
            "application/pdf",
            "pdf",
        ),
        "docx" => (
            report::export_docx(store, s.id).await.map_err(fail)?,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        "xlsx" => (
            report::export_xlsx(store, s.id).await.map_err(fail)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        "json" => (
            match store.export_archive(s.id).await? {
                Some(a) => Some(a.to_json_pretty()?.into_bytes()),
                None => None,
            },
            "application/json",
            "json",
        ),
        "md" => (
            report::export_markdown(store, s.id)
                .await?
                .map(String::into_bytes),
            "text/markdown; charset=utf-8",
            "md",
        ),
        "csv" => (
            report::export_csv_zip(store, s.id).await.map_err(fail)?,
            "application/zip",
            "zip",
        ),
        _ => return Err(AppError::NotFound),
    };
    let bytes = bytes.ok_or(AppError::NotFound)?;
    let name = format!("{}.{ext}", file_stem(&s.title, s.held_on.as_deref()));
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (header::CONTENT_DISPOSITION, disposition),
            // A report holds what people said: no shared cache keeps it.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response())
}

/// A safe, readable file name: `verslag-<title>-<date>` in lower-case ASCII
/// letters, digits and dashes, so no header or path can be injected.
fn file_stem(title: &str, date: Option<&str>) -> String {
    let mut stem = String::from("koers");
    let mut dash = true;
    for c in title
        .chars()
        .chain(" ".chars())
        .chain(date.unwrap_or("").chars())
    {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            if dash {
                stem.push('-');
            }
            stem.push(c);
            dash = false;
        } else {
            dash = true;
        }
        if stem.len() >= 80 {
            break;
        }
    }
    stem
}

#[derive(Deserialize)]
struct CoverForm {
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    facilitator: String,
}

async fn cover(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<CoverForm>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let result = async {
        let cover = koers_core::cover::Cover::clean(&f.held_on, &f.place, &f.facilitator)?;
        state
            .exec(s.id, Actor::User(staff.user.id), Command::SetCover(cover))
            .await?;
        Ok(())
    }
    .await;
    done(&headers, result, &format!("/console/sessions/{}", s.id))
}

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/console/sessions/{id}/export/{format}", get(export))
        .route("/console/sessions/{id}/cover", post(cover))
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            file_stem("Ketenavond \"Jeugd\"\r\n; é/..", Some("2026-11-19")),
            "koers-ketenavond-jeugd-2026-11-19"
        );
        assert_eq!(file_stem("", None), "koers");
    }
}
