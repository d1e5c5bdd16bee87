//! Societal results: everyone in the workspace sees them; staff add, change
//! and delete them (a result activities still contribute to stays).

use super::access::Member;
use super::form::Pairs;
use super::offers::{nav, refusal};
use super::views::{Errors, ResultFormPage, ResultRow, ResultsPage};
use crate::error::AppError;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::ids::ResultId;
use koers_core::inventory::{Measure, ResultInput};
use koers_store::RecordKind;
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
}

/// A measure as "2024: 78".
pub(super) fn measure(m: Option<Measure>) -> String {
    m.map(|m| format!("{}: {}", m.year, m.value))
        .unwrap_or_default()
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let rows = inv
        .results
        .iter()
        .map(|r| ResultRow {
            id: r.id.to_string(),
            title: r.title.clone(),
            indicator: r.indicator.clone().unwrap_or_default(),
            baseline: measure(r.baseline),
            target: measure(r.target),
            offers: inv
                .offers
                .iter()
                .filter(|o| o.results.iter().any(|l| l.result == r.id))
                .count(),
        })
        .collect();
    let notice = match q.done.as_str() {
        "saved" => Some(t.t("inv-saved")),
        "deleted" => Some(t.t("inv-deleted")),
        _ => None,
    };
    html(ResultsPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "results"),
        rows,
        notice,
        t,
    })
}

fn form_page(
    state: &AppState,
    page: &Page,
    member: &Member,
    id: Option<ResultId>,
    v: &ResultInput,
    errors: Errors,
) -> ResultFormPage {
    ResultFormPage {
        t: page.tr(),
        chrome: page.chrome(state, Some(&member.user), "console"),
        nav: nav(member, "results"),
        id: id.map(|i| i.to_string()),
        fields: vec![
            ("title", "inv-field-title", v.title.clone()),
            ("indicator", "inv-field-indicator", v.indicator.clone()),
            (
                "baseline_year",
                "inv-field-baseline-year",
                v.baseline_year.clone(),
            ),
            (
                "baseline_value",
                "inv-field-baseline-value",
                v.baseline_value.clone(),
            ),
            (
                "target_year",
                "inv-field-target-year",
                v.target_year.clone(),
            ),
            (
                "target_value",
                "inv-field-target-value",
                v.target_value.clone(),
            ),
        ],
        errors,
    }
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    member: Member,
) -> Result<Response, AppError> {
    member.staff_only()?;
    html(form_page(
        &state,
        &page,
        &member,
        None,
        &ResultInput::default(),
        Errors::default(),
    ))
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let id: ResultId = id.parse().map_err(|_| AppError::NotFound)?;
    let r = state
        .store()
        .societal_result(member.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let split = |m: Option<Measure>| {
        m.map(|m| (m.year.to_string(), m.value.to_string()))
            .unwrap_or_default()
    };
    let (by, bv) = split(r.baseline);
    let (ty, tv) = split(r.target);
    let v = ResultInput {
        title: r.title,
        indicator: r.indicator.unwrap_or_default(),
        baseline_year: by,
        baseline_value: bv,
        target_year: ty,
        target_value: tv,
    };
    html(form_page(
        &state,
        &page,
        &member,
        Some(id),
        &v,
        Errors::default(),
    ))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    body: Bytes,
) -> Result<Response, AppError> {
    save(state, page, member, ResultId::new(), false, body).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id: ResultId = id.parse().map_err(|_| AppError::NotFound)?;
    save(state, page, member, id, true, body).await
}

async fn save(
    state: AppState,
    page: Page,
    member: Member,
    id: ResultId,
    existing: bool,
    body: Bytes,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let ws = member.workspace.id;
    if existing && state.store().societal_result(ws, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let input = Pairs::parse(&body).result();
    let refused = |errors: Errors| -> Result<Response, AppError> {
        let mut r = html(form_page(
            &state,
            &page,
            &member,
            existing.then_some(id),
            &input,
            errors,
        ))?;
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(r)
    };
    let result = match input.validate(id) {
        Ok(r) => r,
        Err(errors) => return refused(Errors::from_fields(&page.tr(), &errors)),
    };
    match state
        .store()
        .save_result(ws, &result, &member.editor())
        .await
    {
        Ok(()) => Ok(Redirect::to("/inventory/results?done=saved").into_response()),
        Err(koers_store::ExecError::Store(koers_store::StoreError::Duplicate(_))) => refused(
            Errors(vec![("title", page.tr().t("inv-problem-duplicate"))]),
        ),
        Err(e) => Err(refusal(e)),
    }
}

async fn delete(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let id: ResultId = id.parse().map_err(|_| AppError::NotFound)?;
    let found = state
        .store()
        .delete_inventory_record(
            member.workspace.id,
            RecordKind::Result,
            &id.to_string(),
            &member.editor(),
        )
        .await
        .map_err(refusal)?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/inventory/results?done=deleted").into_response())
}

/// The results' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inventory/results", get(list).post(create))
        .route("/inventory/results/new", get(new_form))
        .route("/inventory/results/{id}", post(update))
        .route("/inventory/results/{id}/edit", get(edit_form))
        .route("/inventory/results/{id}/delete", post(delete))
}
