//! The conversation log (the *verdiepende gesprekken* of seed 001): the
//! list, newest first, optionally only open follow-ups; the form; marking a
//! follow-up done; deletion. Also the organisations page, which counts them.

use super::views::{
    ConversationFormPage, ConversationRow, ConversationsPage, Field, Opt, OrganisationRow,
    OrganisationsPage,
};
use super::{Staff, date, nav, organisation, parse, refusal};
use crate::error::AppError;
use crate::inventory::form::Pairs;
use crate::inventory::views::Errors;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::ids::{ContactId, ConversationId, PartnerId};
use koers_core::inventory::{Inventory, ListKind};
use koers_core::register::{Conversation, ConversationInput};
use koers_store::Register;
use serde::Deserialize;

/// A conversation as a list shows it.
pub(super) fn row(reg: &Register, inv: &Inventory, c: &Conversation) -> ConversationRow {
    let today = jiff::Zoned::now().date();
    ConversationRow {
        id: c.id.to_string(),
        date: date(c.date),
        organisation: organisation(inv, c.partner),
        people: c
            .contacts
            .iter()
            .filter_map(|id| reg.contact(*id))
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        held_by: c.held_by.clone(),
        topic: c.topic.clone(),
        notes: c.notes.clone().unwrap_or_default(),
        follow_up: c.follow_up.clone().unwrap_or_default(),
        due: c.follow_up_due.map(date).unwrap_or_default(),
        open: c.open_follow_up(),
        overdue: c.open_follow_up() && c.follow_up_due.is_some_and(|d| d < today),
    }
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    open: String,
    #[serde(default)]
    done: String,
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
    let open_only = q.open == "1";
    let rows = reg
        .conversations
        .iter()
        .filter(|c| !open_only || c.open_follow_up())
        .map(|c| row(&reg, &inv, c))
        .collect();
    let notice = match q.done.as_str() {
        "saved" => Some(t.t("reg-saved")),
        "deleted" => Some(t.t("reg-deleted")),
        _ => None,
    };
    html(ConversationsPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "conversations"),
        rows,
        open_only,
        open_count: reg
            .conversations
            .iter()
            .filter(|c| c.open_follow_up())
            .count(),
        notice,
        t,
    })
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    state: &AppState,
    page: &Page,
    member: &crate::inventory::Member,
    reg: &Register,
    inv: &Inventory,
    id: Option<ConversationId>,
    v: &ConversationInput,
    errors: Errors,
) -> ConversationFormPage {
    let t = page.tr();
    let fields: Vec<Field> = vec![
        ("date", "reg-field-date", v.date.clone(), "date"),
        ("topic", "reg-field-topic", v.topic.clone(), "text"),
        ("held_by", "reg-field-held-by", v.held_by.clone(), "text"),
    ];
    let follow_fields: Vec<Field> = vec![
        (
            "follow_up",
            "reg-field-follow-up",
            v.follow_up.clone(),
            "text",
        ),
        (
            "follow_up_due",
            "reg-field-follow-up-due",
            v.follow_up_due.clone(),
            "date",
        ),
    ];
    ConversationFormPage {
        chrome: page.chrome(state, Some(&member.user), "console"),
        nav: nav(member, "conversations"),
        id: id.map(|i| i.to_string()),
        fields,
        notes: v.notes.clone(),
        follow_fields,
        done: matches!(v.follow_up_done.as_str(), "on" | "true"),
        organisations: std::iter::once(Opt {
            value: String::new(),
            label: t.t("reg-no-organisation"),
            selected: v.partner.is_empty(),
        })
        .chain(inv.partners.iter().map(|p| Opt {
            value: p.id.to_string(),
            label: p.name.clone(),
            selected: p.id.to_string() == v.partner,
        }))
        .collect(),
        people: reg
            .contacts
            .iter()
            .map(|c| {
                let org = organisation(inv, c.partner);
                Opt {
                    value: c.id.to_string(),
                    label: if org.is_empty() {
                        c.name.clone()
                    } else {
                        format!("{} ({org})", c.name)
                    },
                    selected: v.contacts.contains(&c.id.to_string()),
                }
            })
            .collect(),
        errors,
        t,
    }
}

#[derive(Deserialize, Default)]
struct NewQuery {
    #[serde(default)]
    contact: String,
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    // Opened from a person's page: that person, and its organisation.
    let person = q
        .contact
        .parse::<ContactId>()
        .ok()
        .and_then(|id| reg.contact(id));
    let v = ConversationInput {
        date: jiff::Zoned::now().date().to_string(),
        held_by: member.user.name.clone(),
        contacts: person.map(|p| p.id.to_string()).into_iter().collect(),
        partner: person
            .and_then(|p| p.partner)
            .map(|p| p.to_string())
            .unwrap_or_default(),
        ..ConversationInput::default()
    };
    html(form_page(
        &state,
        &page,
        &member,
        &reg,
        &inv,
        None,
        &v,
        Errors::default(),
    ))
}

fn input_of(c: &Conversation) -> ConversationInput {
    ConversationInput {
        date: c.date.to_string(),
        partner: c.partner.map(|p| p.to_string()).unwrap_or_default(),
        contacts: c.contacts.iter().map(|c| c.to_string()).collect(),
        held_by: c.held_by.clone(),
        topic: c.topic.clone(),
        notes: c.notes.clone().unwrap_or_default(),
        follow_up: c.follow_up.clone().unwrap_or_default(),
        follow_up_due: c.follow_up_due.map(|d| d.to_string()).unwrap_or_default(),
        follow_up_done: if c.follow_up_done {
            "on".into()
        } else {
            String::new()
        },
    }
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ConversationId = parse(&id)?;
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let c = reg
        .conversations
        .iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    html(form_page(
        &state,
        &page,
        &member,
        &reg,
        &inv,
        Some(id),
        &input_of(c),
        Errors::default(),
    ))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    body: Bytes,
) -> Result<Response, AppError> {
    save(state, page, staff, ConversationId::new(), false, body).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id: ConversationId = parse(&id)?;
    save(state, page, staff, id, true, body).await
}

async fn save(
    state: AppState,
    page: Page,
    Staff(member): Staff,
    id: ConversationId,
    existing: bool,
    body: Bytes,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    if existing && !reg.conversations.iter().any(|c| c.id == id) {
        return Err(AppError::NotFound);
    }
    let f = Pairs::parse(&body);
    let input = ConversationInput {
        date: f.one("date"),
        partner: f.one("partner"),
        contacts: f.all("contacts"),
        held_by: f.one("held_by"),
        topic: f.one("topic"),
        notes: f.one("notes"),
        follow_up: f.one("follow_up"),
        follow_up_due: f.one("follow_up_due"),
        follow_up_done: f.one("follow_up_done"),
    };
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let partners: Vec<PartnerId> = inv.partners.iter().map(|p| p.id).collect();
    let people: Vec<ContactId> = reg.contacts.iter().map(|c| c.id).collect();
    let conversation = match input.validate(id, &partners, &people) {
        Ok(c) => c,
        Err(e) => {
            let errors = Errors::from_fields(&page.tr(), &e);
            let mut r = html(form_page(
                &state,
                &page,
                &member,
                &reg,
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
        .save_conversation(ws, &conversation, member.user.id)
        .await
        .map_err(refusal)?;
    Ok(Redirect::to("/register/conversations?done=saved").into_response())
}

/// Marks a follow-up done, from the list.
async fn follow_up_done(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ConversationId = parse(&id)?;
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let mut c = reg
        .conversations
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    c.follow_up_done = true;
    state
        .store()
        .save_conversation(ws, &c, member.user.id)
        .await
        .map_err(refusal)?;
    Ok(Redirect::to("/register/conversations?done=saved").into_response())
}

async fn delete(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ConversationId = parse(&id)?;
    if !state
        .store()
        .delete_conversation(member.workspace.id, id)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/register/conversations?done=deleted").into_response())
}

/// The organisations: the inventory's partners with their people.
async fn organisations(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let reg = state.store().register(ws).await?;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let rows = inv
        .partners
        .iter()
        .map(|p| OrganisationRow {
            id: p.id.to_string(),
            name: p.name.clone(),
            kind: inv.lists.label(ListKind::PartnerType, &p.kind).to_string(),
            contacts: reg
                .contacts_of(p.id)
                .iter()
                .map(|c| {
                    (
                        c.id.to_string(),
                        c.name.clone(),
                        c.role.clone().unwrap_or_default(),
                    )
                })
                .collect(),
            conversations: reg
                .conversations
                .iter()
                .filter(|c| c.partner == Some(p.id))
                .count(),
            offers: inv
                .offers
                .iter()
                .filter(|o| o.providers.contains(&p.id))
                .count(),
        })
        .collect();
    html(OrganisationsPage {
        t: page.tr(),
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "organisations"),
        rows,
    })
}

/// The conversations' and organisations' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register/conversations", get(list).post(create))
        .route("/register/conversations/new", get(new_form))
        .route("/register/conversations/{id}", post(update))
        .route("/register/conversations/{id}/edit", get(edit_form))
        .route("/register/conversations/{id}/done", post(follow_up_done))
        .route("/register/conversations/{id}/delete", post(delete))
        .route("/register/organisations", get(organisations))
}
