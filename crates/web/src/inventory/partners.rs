//! Partners: the list (everyone in the workspace), the form and deletion
//! (staff), and invitation links for their contact persons.

use super::access::Member;
use super::form::Pairs;
use super::offers::{nav, refusal};
use super::views::{
    Choice, ChoiceGroup, Errors, InvitePage, PartnerFormPage, PartnerRow, PartnersPage,
};
use crate::error::AppError;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::security::tokens::{hash_token, is_token_shaped, random_token};
use crate::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::ids::PartnerId;
use koers_core::inventory::{Inventory, ListKind, MunicipalityRole, PartnerInput};
use koers_store::RecordKind;
use serde::Deserialize;

/// How long an invitation link can be used.
const INVITE_VALID_MS: i64 = 14 * 24 * 3600 * 1000;

#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let ws = member.workspace.id;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let users = if member.is_staff() {
        state.store().users(ws).await?
    } else {
        Vec::new()
    };
    let rows = inv
        .partners
        .iter()
        .map(|p| PartnerRow {
            id: p.id.to_string(),
            name: p.name.clone(),
            kind: inv.lists.label(ListKind::PartnerType, &p.kind).to_string(),
            role: p.role.key(),
            // Personal data: staff only.
            contact: if member.is_staff() {
                [p.contact_name.clone(), p.contact_email.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                String::new()
            },
            offers: inv
                .offers
                .iter()
                .filter(|o| o.providers.contains(&p.id))
                .count(),
            accounts: users.iter().filter(|u| u.partner == Some(p.id)).count(),
        })
        .collect();
    let notice = match q.done.as_str() {
        "saved" => Some(t.t("inv-saved")),
        "deleted" => Some(t.t("inv-deleted")),
        _ => None,
    };
    html(PartnersPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "partners"),
        rows,
        notice,
        invite_link: None,
        t,
    })
}

fn form_page(
    state: &AppState,
    page: &Page,
    member: &Member,
    inv: &Inventory,
    id: Option<PartnerId>,
    v: &PartnerInput,
    errors: Errors,
) -> PartnerFormPage {
    let t = page.tr();
    let kind = inv
        .lists
        .find(ListKind::PartnerType, &v.kind)
        .map(|i| i.key.clone())
        .unwrap_or_default();
    let groups = vec![
        ChoiceGroup {
            name: "kind",
            legend: t.t("inv-field-partner-type"),
            choices: inv
                .lists
                .partner_types
                .iter()
                .map(|i| Choice::new(i.key.clone(), i.label.clone(), i.key == kind))
                .collect(),
            error: errors.get("kind"),
        },
        ChoiceGroup {
            name: "role",
            legend: t.t("inv-field-role"),
            choices: MunicipalityRole::ALL
                .iter()
                .map(|r| {
                    Choice::new(
                        r.key(),
                        t.t(&format!("inv-role-{}", r.key())),
                        r.key() == v.role,
                    )
                })
                .collect(),
            error: errors.get("role"),
        },
    ];
    PartnerFormPage {
        chrome: page.chrome(state, Some(&member.user), "console"),
        nav: nav(member, "partners"),
        id: id.map(|i| i.to_string()),
        name: v.name.clone(),
        contact_name: v.contact_name.clone(),
        contact_email: v.contact_email.clone(),
        groups,
        errors,
        t,
    }
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    member: Member,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let v = PartnerInput {
        role: MunicipalityRole::Partner.key().into(),
        ..PartnerInput::default()
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
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let id: PartnerId = id.parse().map_err(|_| AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let p = inv.partner(id).ok_or(AppError::NotFound)?;
    let v = PartnerInput {
        name: p.name.clone(),
        kind: p.kind.clone(),
        contact_name: p.contact_name.clone().unwrap_or_default(),
        contact_email: p.contact_email.clone().unwrap_or_default(),
        role: p.role.key().into(),
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
    member: Member,
    body: Bytes,
) -> Result<Response, AppError> {
    save(state, page, member, PartnerId::new(), false, body).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id: PartnerId = id.parse().map_err(|_| AppError::NotFound)?;
    save(state, page, member, id, true, body).await
}

async fn save(
    state: AppState,
    page: Page,
    member: Member,
    id: PartnerId,
    existing: bool,
    body: Bytes,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let ws = member.workspace.id;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    if existing && inv.partner(id).is_none() {
        return Err(AppError::NotFound);
    }
    let input = Pairs::parse(&body).partner();
    let refused = |errors: Errors| -> Result<Response, AppError> {
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
        Ok(r)
    };
    let partner = match input.validate(id, &inv.lists) {
        Ok(p) => p,
        Err(errors) => return refused(Errors::from_fields(&page.tr(), &errors)),
    };
    match state
        .store()
        .save_partner(ws, &partner, &member.editor())
        .await
    {
        Ok(()) => Ok(Redirect::to("/inventory/partners?done=saved").into_response()),
        Err(koers_store::ExecError::Store(koers_store::StoreError::Duplicate(_))) => {
            refused(Errors(vec![("name", page.tr().t("inv-problem-duplicate"))]))
        }
        Err(e) => Err(refusal(e)),
    }
}

async fn delete(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let id: PartnerId = id.parse().map_err(|_| AppError::NotFound)?;
    let found = state
        .store()
        .delete_inventory_record(
            member.workspace.id,
            RecordKind::Partner,
            &id.to_string(),
            &member.editor(),
        )
        .await
        .map_err(refusal)?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/inventory/partners?done=deleted").into_response())
}

/// Makes an invitation link for the partner's contact person and shows it
/// once (staff pass it on; Koers sends no e-mail).
async fn invite(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let t = page.tr();
    let ws = member.workspace.id;
    let id: PartnerId = id.parse().map_err(|_| AppError::NotFound)?;
    let partner = state
        .store()
        .partner(ws, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(email) = partner.contact_email.clone() else {
        return Err(AppError::Refused(koers_core::DomainError::Empty));
    };
    let token = random_token();
    state
        .store()
        .create_invitation(
            ws,
            id,
            &email,
            member.user.id,
            &hash_token(&token),
            INVITE_VALID_MS,
        )
        .await?;
    state
        .store()
        .record_audit(
            ws,
            Some(member.user.id),
            "partner_invited",
            &id.to_string(),
            &email,
        )
        .await?;
    let base = state.config().public_url.trim_end_matches('/').to_string();
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let rows = inv
        .partners
        .iter()
        .map(|p| PartnerRow {
            id: p.id.to_string(),
            name: p.name.clone(),
            kind: inv.lists.label(ListKind::PartnerType, &p.kind).to_string(),
            role: p.role.key(),
            contact: [p.contact_name.clone(), p.contact_email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
            offers: inv
                .offers
                .iter()
                .filter(|o| o.providers.contains(&p.id))
                .count(),
            accounts: 0,
        })
        .collect();
    let mut r = html(PartnersPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "partners"),
        rows,
        notice: Some(t.t2(
            "inv-invite-made",
            "partner",
            partner.name.clone(),
            "email",
            email,
        )),
        invite_link: Some(format!("{base}/invite/{token}")),
        t,
    })?;
    // The link is a secret: never cached.
    r.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(r)
}

#[derive(Deserialize)]
struct AcceptForm {
    name: String,
    password: String,
}

async fn invite_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (inv, partner) = open_invitation(&state, &token).await?;
    let open = !inv.used && inv.expires_at > now_ms();
    html(InvitePage {
        t: page.tr(),
        chrome: page.chrome(&state, None, "public"),
        partner,
        email: inv.email,
        open,
        error: None,
    })
}

async fn open_invitation(
    state: &AppState,
    token: &str,
) -> Result<(koers_store::Invitation, String), AppError> {
    if !is_token_shaped(token) {
        return Err(AppError::NotFound);
    }
    let inv = state
        .store()
        .invitation(&hash_token(token))
        .await?
        .ok_or(AppError::NotFound)?;
    let partner = state
        .store()
        .partner(inv.workspace_id, inv.partner_id)
        .await?
        .map(|p| p.name)
        .ok_or(AppError::NotFound)?;
    Ok((inv, partner))
}

fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

async fn accept(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    axum::Form(f): axum::Form<AcceptForm>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let (inv, partner) = open_invitation(&state, &token).await?;
    let name = koers_core::text::clean_line(&f.name, 100).ok();
    let error = match (&name, f.password.chars().count()) {
        (None, _) => Some(t.t("inv-invite-error-name")),
        (_, n) if !(12..=200).contains(&n) => Some(t.t("inv-invite-error-password")),
        _ => None,
    };
    if let (Some(name), None) = (name, &error) {
        let pw = f.password.clone();
        let hash =
            tokio::task::spawn_blocking(move || crate::security::password::hash_password(&pw))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?
                .map_err(|e| AppError::Internal(e.to_string()))?;
        match state
            .store()
            .accept_invitation(&hash_token(&token), &name, &hash)
            .await
        {
            Ok(Some(user)) => {
                state
                    .store()
                    .record_audit(
                        user.workspace_id,
                        Some(user.id),
                        "partner_account_created",
                        &inv.partner_id.to_string(),
                        &user.email,
                    )
                    .await?;
                return Ok(Redirect::to("/login?next=/inventory").into_response());
            }
            Ok(None) => {}
            Err(koers_store::StoreError::Duplicate(_)) => {
                let mut r = html(InvitePage {
                    chrome: page.chrome(&state, None, "public"),
                    partner,
                    email: inv.email,
                    open: false,
                    error: Some(t.t("inv-invite-error-taken")),
                    t,
                })?;
                *r.status_mut() = StatusCode::CONFLICT;
                return Ok(r);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let open = error.is_some() && !inv.used && inv.expires_at > now_ms();
    let mut r = html(InvitePage {
        chrome: page.chrome(&state, None, "public"),
        partner,
        email: inv.email,
        open,
        error: error.or_else(|| Some(t.t("inv-invite-closed"))),
        t,
    })?;
    *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(r)
}

/// The partners' routes and the invitation link's page.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inventory/partners", get(list).post(create))
        .route("/inventory/partners/new", get(new_form))
        .route("/inventory/partners/{id}", post(update))
        .route("/inventory/partners/{id}/edit", get(edit_form))
        .route("/inventory/partners/{id}/delete", post(delete))
        .route("/inventory/partners/{id}/invite", post(invite))
        .route("/invite/{token}", get(invite_page).post(accept))
}
