//! The municipality's logo on report covers: staff of a workspace see it,
//! upload a new one or remove it. Every change is in the workspace's audit
//! log. The upload is a `multipart/form-data` form, so it works without
//! JavaScript; the CSRF layer finds the form's token in its first field.

use crate::error::AppError;
use crate::routes::extract::{Page, Staff};
use crate::routes::public::html;
use crate::state::AppState;
use crate::views::pages::LogoPage;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use koers_core::cover::{MAX_LOGO_KIB, MAX_LOGO_PX};
use koers_store::ExecError;
use serde::Deserialize;

/// Where the form is and posts to.
pub const PATH: &str = "/console/logo";
/// The current logo, for the form's preview.
const IMAGE: &str = "/console/logo.png";

/// Largest upload body: the logo's own limit plus room for the form's other
/// fields and the multipart framing. A larger logo gets a clear message.
pub const MAX_UPLOAD: usize = 2 * MAX_LOGO_KIB as usize * 1024;

#[derive(Deserialize)]
struct Done {
    #[serde(default)]
    done: String,
}

async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let has_logo = state
        .store()
        .workspace_logo(staff.workspace.id)
        .await?
        .is_some();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut r = html(LogoPage {
        t: page.tr(),
        chrome: page.chrome(state, Some(&staff.user), "console"),
        workspace: staff.workspace.name.clone(),
        has_logo,
        max_kib: i64::from(MAX_LOGO_KIB),
        max_px: i64::from(MAX_LOGO_PX),
        notice,
        error,
    })?;
    *r.status_mut() = status;
    Ok(r)
}

async fn form(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let notice = match q.done.as_str() {
        "saved" => Some(t.t("logo-saved")),
        "removed" => Some(t.t("logo-removed")),
        _ => None,
    };
    render(&state, &page, &staff, notice, None).await
}

/// The workspace's own logo; nobody else's.
async fn image(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let png = state
        .store()
        .workspace_logo(staff.workspace.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        png,
    )
        .into_response())
}

/// What the form sent: a file to keep, or the remove button.
enum Upload {
    File(Vec<u8>),
    Remove,
    Nothing,
}

async fn read_form(mut multipart: Multipart) -> Result<Upload, AppError> {
    let (mut file, mut remove) = (None, false);
    while let Some(field) = multipart.next_field().await? {
        match field.name() {
            Some("logo") => file = Some(field.bytes().await?.to_vec()),
            Some("remove") => remove = true,
            _ => {}
        }
    }
    Ok(match (remove, file.filter(|f| !f.is_empty())) {
        (true, _) => Upload::Remove,
        (false, Some(f)) => Upload::File(f),
        (false, None) => Upload::Nothing,
    })
}

async fn upload(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let t = page.tr();
    let (png, done, action) = match read_form(multipart).await? {
        Upload::File(bytes) => (Some(bytes), "saved", "logo_set"),
        Upload::Remove => (None, "removed", "logo_removed"),
        Upload::Nothing => {
            let e = t.t("logo-error-no-file");
            return render(&state, &page, &staff, None, Some(e)).await;
        }
    };
    let ws = staff.workspace.id;
    match state.store().set_workspace_logo(ws, png.as_deref()).await {
        Ok(true) => {}
        Ok(false) => return Err(AppError::Unauthorized),
        Err(ExecError::Refused(_)) => {
            let e = t.t1("error-bad-logo", "max", i64::from(MAX_LOGO_KIB));
            return render(&state, &page, &staff, None, Some(e)).await;
        }
        Err(ExecError::Store(e)) => return Err(e.into()),
    }
    let detail = png.map_or_else(String::new, |p| format!("{} bytes", p.len()));
    state
        .store()
        .record_audit(ws, Some(staff.user.id), action, &ws.to_string(), &detail)
        .await?;
    Ok(Redirect::to(&format!("{PATH}?done={done}")).into_response())
}

/// The form, its preview image, and the upload with its own body limit.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(PATH, get(form).post(upload))
        .route(IMAGE, get(image))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD))
}
