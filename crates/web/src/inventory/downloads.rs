//! Downloads of the matrix and the analysis: the matrix view on screen as
//! an SVG or PNG picture or a PDF page, and the analysis report (matrix and
//! all six questions) as PDF or Word. Everyone who may see the inventory
//! may download it; a partner's contact person gets what it sees on the
//! pages, nothing more (no contact details are in these documents).

use super::access::Member;
use super::analysis::{self, this_year};
use super::matrix::{MatrixQuery, page_model as matrix_model, year_of};
use super::matrix_image::matrix_chart;
use super::offers::nav;
use super::report::{Scope, Sources, document};
use super::transfer::download;
use crate::error::AppError;
use crate::report::{docx::docx, pdf::pdf, raster::png};
use crate::routes::extract::Page;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;

const PDF: &str = "application/pdf";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async fn matrix_svg(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<MatrixQuery>,
) -> Result<Response, AppError> {
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let chrome = page.chrome(&state, Some(&member.user), "");
    let m = matrix_model(page.tr(), chrome, &member, &inv, &q);
    let svg = matrix_chart(&m.grid).svg;
    Ok(download(
        svg.into_bytes(),
        "image/svg+xml",
        "preventiematrix.svg",
    ))
}

async fn matrix_png(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<MatrixQuery>,
) -> Result<Response, AppError> {
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let chrome = page.chrome(&state, Some(&member.user), "");
    let chart = matrix_chart(&matrix_model(page.tr(), chrome, &member, &inv, &q).grid);
    let (bytes, _, _) = tokio::task::spawn_blocking(move || png(&chart))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(AppError::Internal)?;
    Ok(download(bytes, "image/png", "preventiematrix.png"))
}

/// The matrix alone (`Scope::Matrix`, with the page's axes and filters) or
/// the whole analysis report, as PDF or Word.
async fn render(
    state: &AppState,
    page: &Page,
    member: &Member,
    q: &MatrixQuery,
    scope: Scope,
    word: bool,
) -> Result<Vec<u8>, AppError> {
    // The analysis looks at one year; "all" in the matrix means this one.
    let year = year_of(q).unwrap_or_else(this_year);
    let (inv, a) = super::analysis_cache::analysis_of(state, member.workspace.id, year).await?;
    let logo = state.store().workspace_logo(member.workspace.id).await?;
    let t = page.tr();
    let chrome = || page.chrome(state, Some(&member.user), "");
    let m = matrix_model(t, chrome(), member, &inv, q);
    let a = analysis::page_model(t, chrome(), nav(member, "analysis"), &inv, &a);
    let today = jiff::Zoned::now()
        .with_time_zone(
            jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date()
        .to_string();
    let src = Sources {
        inv: &inv,
        matrix: &m,
        analysis: &a,
    };
    let doc = document(&t, &member.workspace.name, &today, src, scope, logo);
    // Typesetting is CPU work: keep it off the async workers.
    tokio::task::spawn_blocking(move || if word { docx(&doc) } else { pdf(&doc) })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))
}

async fn matrix_pdf(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<MatrixQuery>,
) -> Result<Response, AppError> {
    let bytes = render(&state, &page, &member, &q, Scope::Matrix, false).await?;
    Ok(download(bytes, PDF, "preventiematrix.pdf"))
}

async fn report_pdf(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<MatrixQuery>,
) -> Result<Response, AppError> {
    let bytes = render(&state, &page, &member, &q, Scope::Analysis, false).await?;
    Ok(download(bytes, PDF, "analyse-preventieaanbod.pdf"))
}

async fn report_docx(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<MatrixQuery>,
) -> Result<Response, AppError> {
    let bytes = render(&state, &page, &member, &q, Scope::Analysis, true).await?;
    Ok(download(bytes, DOCX, "analyse-preventieaanbod.docx"))
}

/// The download routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inventory/matrix.svg", get(matrix_svg))
        .route("/inventory/matrix.png", get(matrix_png))
        .route("/inventory/matrix.pdf", get(matrix_pdf))
        .route("/inventory/report.pdf", get(report_pdf))
        .route("/inventory/report.docx", get(report_docx))
}
