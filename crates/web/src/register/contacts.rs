//! Contact persons: the list (searchable, by organisation), the form, one
//! person's page with its groups and conversations, and the two answers to a
//! data-protection request: everything kept about the person as a download,
//! and erasure.

use super::views::{ContactFormPage, ContactPage, ContactsPage, ErasePage, Field, Opt};
use super::{Staff, contact_row, nav, organisation, parse, refusal};
use crate::error::AppError;
use crate::inventory::form::Pairs;
use crate::inventory::views::Errors;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::ids::{ContactId, PartnerId};
use koers_core::inventory::Inventory;
use koers_core::inventory::lists::fold;
use koers_core::register::ContactInput;
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    done: String,
}

fn organisations(inv: &Inventory, selected: &str, none_label: String) -> Vec<Opt> {
    std::iter::once(Opt {
        value: String::new(),
        label: none_label,
        selected: selected.is_empty(),
    })
    .chain(inv.partners.iter().map(|p| Opt {
        value: p.id.to_string(),
        label: p.name.clone(),
        selected: p.id.to_string() == selected,
    }))
    .collect()
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let wanted = fold(&q.q);
    let partner: Option<PartnerId> = q.partner.parse().ok();
    let rows = reg
        .contacts
        .iter()
        .filter(|c| partner.is_none() || c.partner == partner)
        .map(|c| contact_row(&reg, &inv, c))
        .filter(|r| {
            wanted.is_empty()
                || [&r.name, &r.organisation, &r.role, &r.email, &r.groups]
                    .iter()
                    .any(|f| fold(f).contains(&wanted))
        })
        .collect();
    let notice = match q.done.as_str() {
        "saved" => Some(t.t("reg-saved")),
        "erased" => Some(t.t("reg-erased")),
        _ => None,
    };
    html(ContactsPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "contacts"),
        rows,
        total: reg.contacts.len(),
        q: q.q.clone(),
        organisations: organisations(&inv, &q.partner, t.t("reg-all-organisations")),
        notice,
        t,
    })
}

fn form_page(
    state: &AppState,
    page: &Page,
    member: &crate::inventory::Member,
    inv: &Inventory,
    id: Option<ContactId>,
    v: &ContactInput,
    errors: Errors,
) -> ContactFormPage {
    let t = page.tr();
    let fields: Vec<Field> = vec![
        ("name", "reg-field-name", v.name.clone(), "text"),
        ("role", "reg-field-role", v.role.clone(), "text"),
        ("email", "reg-field-email", v.email.clone(), "email"),
        ("phone", "reg-field-phone", v.phone.clone(), "tel"),
    ];
    ContactFormPage {
        chrome: page.chrome(state, Some(&member.user), "console"),
        nav: nav(member, "contacts"),
        id: id.map(|i| i.to_string()),
        fields,
        organisations: organisations(inv, &v.partner, t.t("reg-no-organisation")),
        errors,
        t,
    }
}

#[derive(Deserialize, Default)]
struct NewQuery {
    #[serde(default)]
    partner: String,
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let v = ContactInput {
        partner: q.partner,
        ..ContactInput::default()
    };
    html(form_page(
        &state,
        &page,
        &member,
        &inv,
        None,
        &v,
        Errors::default(),
    ))
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ContactId = parse(&id)?;
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let c = reg.contact(id).ok_or(AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let v = ContactInput {
        name: c.name.clone(),
        partner: c.partner.map(|p| p.to_string()).unwrap_or_default(),
        role: c.role.clone().unwrap_or_default(),
        email: c.email.clone().unwrap_or_default(),
        phone: c.phone.clone().unwrap_or_default(),
    };
    html(form_page(
        &state,
        &page,
        &member,
        &inv,
        Some(id),
        &v,
        Errors::default(),
    ))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    body: Bytes,
) -> Result<Response, AppError> {
    save(state, page, staff, ContactId::new(), false, body).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id: ContactId = parse(&id)?;
    save(state, page, staff, id, true, body).await
}

async fn save(
    state: AppState,
    page: Page,
    Staff(member): Staff,
    id: ContactId,
    existing: bool,
    body: Bytes,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    if existing && state.store().register(ws).await?.contact(id).is_none() {
        return Err(AppError::NotFound);
    }
    let f = Pairs::parse(&body);
    let input = ContactInput {
        name: f.one("name"),
        partner: f.one("partner"),
        role: f.one("role"),
        email: f.one("email"),
        phone: f.one("phone"),
    };
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let known: Vec<PartnerId> = inv.partners.iter().map(|p| p.id).collect();
    let contact = match input.validate(id, &known) {
        Ok(c) => c,
        Err(errors) => {
            let errors = Errors::from_fields(&page.tr(), &errors);
            let mut r = html(form_page(
                &state,
                &page,
                &member,
                &inv,
                existing.then_some(id),
                &input,
                errors,
            ))?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(r);
        }
    };
    state
        .store()
        .save_contact(ws, &contact)
        .await
        .map_err(refusal)?;
    Ok(Redirect::to(&format!("/register/contacts/{id}?done=saved")).into_response())
}

#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(id): Path<String>,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let id: ContactId = parse(&id)?;
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let c = reg.contact(id).ok_or(AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let groups = reg
        .groups_of(id)
        .iter()
        .map(|g| (g.id.to_string(), g.name.clone()))
        .collect::<Vec<_>>();
    let other_groups = reg
        .groups
        .iter()
        .filter(|g| !reg.members.contains(&(g.id, id)))
        .map(|g| Opt {
            value: g.id.to_string(),
            label: g.name.clone(),
            selected: false,
        })
        .collect();
    let conversations = reg
        .conversations_with(id)
        .into_iter()
        .map(|x| super::conversations::row(&reg, &inv, x))
        .collect();
    let accounts = match &c.email {
        Some(e) => state
            .store()
            .users(ws)
            .await?
            .iter()
            .filter(|u| u.email.eq_ignore_ascii_case(e))
            .count(),
        None => 0,
    };
    let notice = match q.done.as_str() {
        "saved" => Some(t.t("reg-saved")),
        "groups" => Some(t.t("reg-groups-changed")),
        _ => None,
    };
    html(ContactPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "contacts"),
        contact: contact_row(&reg, &inv, c),
        groups,
        other_groups,
        conversations,
        accounts,
        notice,
        t,
    })
}

/// Joins or leaves a group from the person's page.
async fn membership(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id: ContactId = parse(&id)?;
    let f = Pairs::parse(&body);
    let group = parse(&f.one("group"))?;
    let join = match f.one("action").as_str() {
        "add" => true,
        "remove" => false,
        _ => return Err(AppError::BadRequest),
    };
    state
        .store()
        .set_members(member.workspace.id, group, &[id], join)
        .await
        .map_err(refusal)?;
    Ok(Redirect::to(&format!("/register/contacts/{id}?done=groups")).into_response())
}

/// Everything Koers keeps about a person, for a request for access (AVG
/// art. 15): the record, its groups, the conversations it took part in and
/// the partner accounts with its address. The download is audited.
async fn data(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ContactId = parse(&id)?;
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let c = reg.contact(id).ok_or(AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let accounts: Vec<serde_json::Value> = match &c.email {
        Some(e) => state
            .store()
            .users(ws)
            .await?
            .iter()
            .filter(|u| u.email.eq_ignore_ascii_case(e))
            .map(|u| {
                serde_json::json!({
                    "name": u.name,
                    "email": u.email,
                    "role": u.role.name(),
                    "organisation": organisation(&inv, u.partner),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let doc = serde_json::json!({
        "workspace": member.workspace.name,
        "contact": {
            "name": c.name,
            "organisation": organisation(&inv, c.partner),
            "role": c.role,
            "email": c.email,
            "phone": c.phone,
        },
        "groups": reg.groups_of(id).iter().map(|g| &g.name).collect::<Vec<_>>(),
        "conversations": reg.conversations_with(id).iter().map(|x| serde_json::json!({
            "date": x.date.to_string(),
            "organisation": organisation(&inv, x.partner),
            "held_by": x.held_by,
            "topic": x.topic,
            "notes": x.notes,
            "follow_up": x.follow_up,
        })).collect::<Vec<_>>(),
        "accounts": accounts,
    });
    state
        .store()
        .record_audit(
            ws,
            Some(member.user.id),
            "contact_data_exported",
            &id.to_string(),
            "",
        )
        .await?;
    let body =
        serde_json::to_string_pretty(&doc).map_err(|e| AppError::Internal(format!("json: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"koers-persoonsgegevens.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

async fn erase_form(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ContactId = parse(&id)?;
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let c = reg.contact(id).ok_or(AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    html(ErasePage {
        t: page.tr(),
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "contacts"),
        contact: contact_row(&reg, &inv, c),
        memberships: reg.groups_of(id).len(),
        conversations: reg.conversations_with(id).len(),
    })
}

async fn erase(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ContactId = parse(&id)?;
    state
        .store()
        .erase_contact(member.workspace.id, id, member.user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Redirect::to("/register/contacts?done=erased").into_response())
}

/// The contacts' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register/contacts", get(list).post(create))
        .route("/register/contacts/new", get(new_form))
        .route("/register/contacts/{id}", get(show).post(update))
        .route("/register/contacts/{id}/edit", get(edit_form))
        .route("/register/contacts/{id}/groups", post(membership))
        .route("/register/contacts/{id}/data.json", get(data))
        .route("/register/contacts/{id}/erase", get(erase_form).post(erase))
}
