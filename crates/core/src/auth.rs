//! Staff roles and what they may do. Participants have no accounts: they are
//! devices joined to one session, and can only answer in that session.

use crate::ids::WorkspaceId;
use serde::{Deserialize, Serialize};

/// A staff member's role within its workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Functional administrator: everything a facilitator can, plus accounts.
    Admin,
    /// Prepares and steers sessions.
    Facilitator,
    /// A partner organisation's contact person: maintains only that
    /// partner's activities in the prevention inventory, nothing else.
    Partner,
}

impl Role {
    /// Stable name as stored.
    pub fn name(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Facilitator => "facilitator",
            Role::Partner => "partner",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "facilitator" => Some(Role::Facilitator),
            "partner" => Some(Role::Partner),
            _ => None,
        }
    }
}

/// A signed-in staff member, as the permission checks see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaffScope {
    /// The workspace the account belongs to.
    pub workspace: WorkspaceId,
    /// Its role there.
    pub role: Role,
}

impl StaffScope {
    /// Staff see and steer only their own workspace's sessions.
    pub fn can_manage_sessions_of(&self, workspace: WorkspaceId) -> bool {
        self.workspace == workspace && self.role != Role::Partner
    }

    /// Only administrators manage accounts, within their own workspace.
    pub fn can_manage_users_of(&self, workspace: WorkspaceId) -> bool {
        self.workspace == workspace && self.role == Role::Admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_never_reach_another_workspace() {
        let (w1, w2) = (WorkspaceId::new(), WorkspaceId::new());
        let admin = StaffScope {
            workspace: w1,
            role: Role::Admin,
        };
        let fac = StaffScope {
            workspace: w1,
            role: Role::Facilitator,
        };
        assert!(admin.can_manage_sessions_of(w1) && admin.can_manage_users_of(w1));
        assert!(!admin.can_manage_sessions_of(w2) && !admin.can_manage_users_of(w2));
        assert!(fac.can_manage_sessions_of(w1));
        assert!(!fac.can_manage_users_of(w1));
        let partner = StaffScope {
            workspace: w1,
            role: Role::Partner,
        };
        assert!(!partner.can_manage_sessions_of(w1) && !partner.can_manage_users_of(w1));
    }
}
