//! The workspace's lists (age groups, themes, factors, settings, partner
//! types), one item per line; staff only. An item keeps its key when its
//! label is kept, so what refers to it stays attached.

use super::access::Member;
use super::form::Pairs;
use super::offers::{nav, refusal};
use super::views::{ListView, ListsPage};
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
use koers_core::inventory::lists::list_from_lines;
use koers_core::inventory::{FactorKind, ListItem, ListKind, Lists};
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
}

fn as_text(kind: ListKind, items: &[ListItem]) -> String {
    items
        .iter()
        .map(|i| match (kind, i.factor) {
            (ListKind::Factor, Some(FactorKind::Risk)) => format!("{} | risico", i.label),
            (ListKind::Factor, _) => format!("{} | beschermend", i.label),
            _ => i.label.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn views(lists: &Lists) -> Vec<ListView> {
    ListKind::ALL
        .iter()
        .map(|k| ListView {
            kind: k.name(),
            text: as_text(*k, lists.get(*k)),
            error: None,
        })
        .collect()
}

async fn page_get(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let t = page.tr();
    let lists = state.store().inventory_lists(member.workspace.id).await?;
    html(ListsPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "lists"),
        lists: views(&lists),
        notice: (q.done == "saved").then(|| t.t("inv-saved")),
        t,
    })
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(kind): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let t = page.tr();
    let kind = ListKind::parse(&kind).ok_or(AppError::NotFound)?;
    let ws = member.workspace.id;
    let current = state.store().inventory_lists(ws).await?;
    let text = Pairs::parse(&body).one("items");
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    match list_from_lines(kind, &lines, current.get(kind)) {
        Ok(items) => {
            state
                .store()
                .save_inventory_list(ws, kind, &items, &member.editor())
                .await
                .map_err(refusal)?;
            Ok(Redirect::to("/inventory/lists?done=saved").into_response())
        }
        Err(e) => {
            let mut lists = views(&current);
            if let Some(v) = lists.iter_mut().find(|v| v.kind == kind.name()) {
                v.text = text.chars().take(20_000).collect();
                v.error = Some(crate::error::message(
                    &t,
                    &crate::error::AppError::Refused(e).info(),
                ));
            }
            let mut r = html(ListsPage {
                chrome: page.chrome(&state, Some(&member.user), "console"),
                nav: nav(&member, "lists"),
                lists,
                notice: None,
                t,
            })?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(r)
        }
    }
}

/// The lists' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inventory/lists", get(page_get))
        .route("/inventory/lists/{kind}", post(save))
}
