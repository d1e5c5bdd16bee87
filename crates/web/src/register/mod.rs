//! The stakeholder register in the browser: contact persons, the
//! organisations they belong to (the inventory's partners), groups such as
//! the core group with their invitation lists, and the conversation log.
//! Contact details are personal data: every route is staff's, a partner's
//! contact person gets 403, and the store keeps each workspace's apart.

mod contacts;
mod conversations;
mod groups;
mod views;

use crate::error::AppError;
use crate::inventory::Member;
use crate::state::AppState;
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use koers_core::ids::{GroupId, PartnerId};
use koers_core::inventory::Inventory;
use koers_store::{ExecError, Register, StoreError};
use views::{ContactRow, RegNav};

/// Routes of the register.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(contacts::router())
        .merge(groups::router())
        .merge(conversations::router())
        .route("/register", axum::routing::get(home))
}

async fn home(_staff: Staff) -> axum::response::Redirect {
    axum::response::Redirect::to("/register/contacts")
}

/// A signed-in staff member: the register's only users.
pub(crate) struct Staff(pub Member);

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let member = Member::from_request_parts(parts, state).await?;
        member.staff_only()?;
        Ok(Staff(member))
    }
}

fn nav(member: &Member, current: &'static str) -> RegNav {
    RegNav {
        current,
        workspace: member.workspace.name.clone(),
    }
}

/// A refusal from the store as the error page shows it.
fn refusal(e: ExecError) -> AppError {
    match e {
        ExecError::Refused(d) => AppError::Refused(d),
        ExecError::Store(s) => s.into(),
    }
}

/// The name of a partner, or "" (a partner deleted meanwhile, or none).
fn organisation(inv: &Inventory, p: Option<PartnerId>) -> String {
    p.and_then(|p| inv.partner(p))
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn contact_row(reg: &Register, inv: &Inventory, c: &koers_core::register::Contact) -> ContactRow {
    ContactRow {
        id: c.id.to_string(),
        name: c.name.clone(),
        organisation: organisation(inv, c.partner),
        role: c.role.clone().unwrap_or_default(),
        email: c.email.clone().unwrap_or_default(),
        phone: c.phone.clone().unwrap_or_default(),
        groups: reg
            .groups_of(c.id)
            .iter()
            .map(|g| g.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn parse<T: std::str::FromStr>(raw: &str) -> Result<T, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// The id of a group of this register, or 404.
fn group_id(reg: &Register, raw: &str) -> Result<GroupId, AppError> {
    let id: GroupId = parse(raw)?;
    reg.group(id).map(|g| g.id).ok_or(AppError::NotFound)
}

/// A store error that says a name is taken.
fn is_duplicate(e: &ExecError) -> bool {
    matches!(e, ExecError::Store(StoreError::Duplicate(_)))
}

/// A date as Dutch and English readers both read it: 14-03-2026.
fn date(d: jiff::civil::Date) -> String {
    d.strftime("%d-%m-%Y").to_string()
}
