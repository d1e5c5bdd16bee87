//! Groups: the list with a form for a new one, one group's page (edit,
//! members in and out, delete) and its invitation list as CSV, the list a
//! questionnaire's or consultation's invitations start from.

use super::views::{ContactRow, GroupPage, GroupRow, GroupsPage};
use super::{Staff, contact_row, group_id, is_duplicate, nav, parse, refusal};
use crate::error::AppError;
use crate::inventory::form::Pairs;
use crate::inventory::views::Errors;
use crate::report::csv_out::safe_cell;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::ids::{ContactId, GroupId};
use koers_core::inventory::Inventory;
use koers_core::register::{Group, GroupInput};
use koers_store::Register;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
}

fn group_row(reg: &Register, g: &Group) -> GroupRow {
    let members = reg.members_of(g.id);
    GroupRow {
        id: g.id.to_string(),
        name: g.name.clone(),
        description: g.description.clone().unwrap_or_default(),
        core: g.core,
        members: members.len(),
        organisations: members
            .iter()
            .filter_map(|c| c.partner)
            .collect::<HashSet<_>>()
            .len(),
    }
}

fn input(body: &[u8]) -> GroupInput {
    let f = Pairs::parse(body);
    GroupInput {
        name: f.one("name"),
        description: f.one("description"),
        core: f.one("core"),
    }
}

fn notice(t: &crate::i18n::Tr, done: &str) -> Option<String> {
    match done {
        "saved" => Some(t.t("reg-saved")),
        "deleted" => Some(t.t("reg-deleted")),
        "members" => Some(t.t("reg-members-changed")),
        _ => None,
    }
}

fn groups_page(
    state: &AppState,
    page: &Page,
    member: &crate::inventory::Member,
    reg: &Register,
    typed: &GroupInput,
    errors: Errors,
    done: &str,
) -> GroupsPage {
    let t = page.tr();
    GroupsPage {
        chrome: page.chrome(state, Some(&member.user), "console"),
        nav: nav(member, "groups"),
        rows: reg.groups.iter().map(|g| group_row(reg, g)).collect(),
        name: typed.name.clone(),
        description: typed.description.clone(),
        errors,
        notice: notice(&t, done),
        t,
    }
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let reg = state.store().register(member.workspace.id).await?;
    html(groups_page(
        &state,
        &page,
        &member,
        &reg,
        &GroupInput::default(),
        Errors::default(),
        &q.done,
    ))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    body: Bytes,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let typed = input(&body);
    let t = page.tr();
    let refused = |reg: &Register, errors: Errors| -> Result<Response, AppError> {
        let mut r = html(groups_page(&state, &page, &member, reg, &typed, errors, ""))?;
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(r)
    };
    let group = match typed.validate(GroupId::new()) {
        Ok(g) => g,
        Err(e) => {
            let reg = state.store().register(ws).await?;
            return refused(&reg, Errors::from_fields(&t, &e));
        }
    };
    match state.store().save_group(ws, &group).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/register/groups/{}?done=saved", group.id)).into_response())
        }
        Err(e) if is_duplicate(&e) => {
            let reg = state.store().register(ws).await?;
            refused(&reg, Errors(vec![("name", t.t("inv-problem-duplicate"))]))
        }
        Err(e) => Err(refusal(e)),
    }
}

#[allow(clippy::too_many_arguments)]
fn group_page(
    state: &AppState,
    page: &Page,
    member: &crate::inventory::Member,
    reg: &Register,
    inv: &Inventory,
    g: &Group,
    errors: Errors,
    done: &str,
) -> GroupPage {
    let t = page.tr();
    let members: Vec<ContactRow> = reg
        .members_of(g.id)
        .into_iter()
        .map(|c| contact_row(reg, inv, c))
        .collect();
    let candidates = reg
        .contacts
        .iter()
        .filter(|c| !reg.members.contains(&(g.id, c.id)))
        .map(|c| contact_row(reg, inv, c))
        .collect();
    GroupPage {
        chrome: page.chrome(state, Some(&member.user), "console"),
        nav: nav(member, "groups"),
        group: group_row(reg, g),
        without_email: members.iter().filter(|m| m.email.is_empty()).count(),
        members,
        candidates,
        errors,
        notice: notice(&t, done),
        t,
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(id): Path<String>,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let g = reg.group(group_id(&reg, &id)?).ok_or(AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    html(group_page(
        &state,
        &page,
        &member,
        &reg,
        &inv,
        g,
        Errors::default(),
        &q.done,
    ))
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let id = group_id(&reg, &id)?;
    let t = page.tr();
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let refused = |errors: Errors| -> Result<Response, AppError> {
        let g = reg.group(id).ok_or(AppError::NotFound)?;
        let mut r = html(group_page(
            &state, &page, &member, &reg, &inv, g, errors, "",
        ))?;
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(r)
    };
    let group = match input(&body).validate(id) {
        Ok(g) => g,
        Err(e) => return refused(Errors::from_fields(&t, &e)),
    };
    match state.store().save_group(ws, &group).await {
        Ok(()) => Ok(Redirect::to(&format!("/register/groups/{id}?done=saved")).into_response()),
        Err(e) if is_duplicate(&e) => refused(Errors(vec![("name", t.t("inv-problem-duplicate"))])),
        Err(e) => Err(refusal(e)),
    }
}

/// Adds the ticked contacts (`add`) or removes them (`remove`).
async fn members(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let group: GroupId = parse(&id)?;
    let f = Pairs::parse(&body);
    let contacts = f
        .all("contact")
        .iter()
        .map(|c| parse::<ContactId>(c))
        .collect::<Result<Vec<_>, _>>()?;
    let join = match f.one("action").as_str() {
        "add" => true,
        "remove" => false,
        _ => return Err(AppError::BadRequest),
    };
    state
        .store()
        .set_members(member.workspace.id, group, &contacts, join)
        .await
        .map_err(refusal)?;
    Ok(Redirect::to(&format!("/register/groups/{group}?done=members")).into_response())
}

async fn delete(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let group: GroupId = parse(&id)?;
    if !state
        .store()
        .delete_group(member.workspace.id, group)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/register/groups?done=deleted").into_response())
}

/// The members with an e-mail address as CSV (name, organisation, role,
/// e-mail), for the invitations of a questionnaire or consultation.
async fn invitations(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let g = reg.group(group_id(&reg, &id)?).ok_or(AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let t = page.tr();
    let mut w = csv::Writer::from_writer(Vec::new());
    let header_row = [
        t.t("reg-field-name"),
        t.t("reg-field-organisation"),
        t.t("reg-field-role"),
        t.t("reg-field-email"),
    ];
    let csv_err = |e: csv::Error| AppError::Internal(format!("csv: {e}"));
    w.write_record(&header_row).map_err(csv_err)?;
    for c in reg.members_of(g.id) {
        let row = contact_row(&reg, &inv, c);
        if row.email.is_empty() {
            continue;
        }
        w.write_record(
            [row.name, row.organisation, row.role, row.email]
                .iter()
                .map(|s| safe_cell(s)),
        )
        .map_err(csv_err)?;
    }
    let body = w
        .into_inner()
        .map_err(|e| AppError::Internal(format!("csv: {e}")))?;
    let mut file = koers_core::words::normalize_word(&g.name).replace(' ', "-");
    file.retain(|ch| ch.is_ascii_alphanumeric() || ch == '-');
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"uitnodigingslijst-{file}.csv\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}

/// The groups' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register/groups", get(list).post(create))
        .route("/register/groups/{id}", get(show).post(update))
        .route("/register/groups/{id}/members", post(members))
        .route("/register/groups/{id}/delete", post(delete))
        .route("/register/groups/{id}/invitations.csv", get(invitations))
}
