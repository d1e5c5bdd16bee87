//! Who is using the inventory: a staff member or a partner's contact person.

use crate::error::AppError;
use crate::routes::extract::signed_in;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use koers_core::auth::Role;
use koers_core::ids::PartnerId;
use koers_store::{Editor, User, Workspace};

/// A signed-in member of a workspace, as the inventory sees it.
#[derive(Clone, Debug)]
pub struct Member {
    /// The account.
    pub user: User,
    /// Its workspace.
    pub workspace: Workspace,
}

impl Member {
    /// The partner it speaks for; `None` for staff.
    pub fn partner(&self) -> Option<PartnerId> {
        if self.user.role == Role::Partner {
            // A partner account without a partner may change nothing: the
            // nil id matches no record.
            Some(self.user.partner.unwrap_or(PartnerId(uuid::Uuid::nil())))
        } else {
            None
        }
    }

    /// Whether it is staff (sees and changes everything in its workspace).
    pub fn is_staff(&self) -> bool {
        self.partner().is_none()
    }

    /// Refuses partners: for the routes only staff may use.
    pub fn staff_only(&self) -> Result<(), AppError> {
        if self.is_staff() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The editor the store checks and logs.
    pub fn editor(&self) -> Editor {
        Editor {
            user: self.user.id,
            name: self.user.name.clone(),
            partner: self.partner(),
        }
    }

    /// Whether it may change an activity with these providers.
    pub fn may_edit(&self, providers: &[PartnerId]) -> bool {
        self.partner().is_none_or(|p| providers.contains(&p))
    }
}

impl FromRequestParts<AppState> for Member {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (user, workspace) = signed_in(parts, state).await?;
        Ok(Member { user, workspace })
    }
}
