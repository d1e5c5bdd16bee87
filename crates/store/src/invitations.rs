//! Invitation links for partners' contact persons. Staff invite an e-mail
//! address for a partner; the link's token is shown once and only its hash
//! is kept. Accepting it creates the partner account, once, before it expires.

use crate::Store;
use crate::accounts::NewUser;
use crate::error::StoreError;
use crate::records::User;
use crate::util::{now_ms, parse_id};
use koers_core::auth::Role;
use koers_core::ids::{PartnerId, UserId, WorkspaceId};
use sqlx::{Connection, Row};

/// An invitation, as its link's page needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    /// Workspace.
    pub workspace_id: WorkspaceId,
    /// The partner the account will speak for.
    pub partner_id: PartnerId,
    /// The invited address (the account's login).
    pub email: String,
    /// Expiry (ms since the Unix epoch).
    pub expires_at: i64,
    /// Whether it was used.
    pub used: bool,
}

impl Store {
    /// Records an invitation; `token_hash` is the hash of the link's token.
    pub async fn create_invitation(
        &self,
        workspace: WorkspaceId,
        partner: PartnerId,
        email: &str,
        by: UserId,
        token_hash: &str,
        valid_ms: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO partner_invitations (token_hash, workspace_id, partner_id, email, \
             created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(token_hash)
        .bind(workspace.to_string())
        .bind(partner.to_string())
        .bind(email.trim().to_lowercase())
        .bind(by.to_string())
        .bind(now)
        .bind(now + valid_ms)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The invitation with this token hash, used or not.
    pub async fn invitation(&self, token_hash: &str) -> Result<Option<Invitation>, StoreError> {
        let row = sqlx::query(
            "SELECT workspace_id, partner_id, email, expires_at, used_at FROM partner_invitations \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(Invitation {
                workspace_id: parse_id(&r.try_get::<String, _>("workspace_id")?)?,
                partner_id: parse_id(&r.try_get::<String, _>("partner_id")?)?,
                email: r.try_get("email")?,
                expires_at: r.try_get("expires_at")?,
                used: r.try_get::<Option<i64>, _>("used_at")?.is_some(),
            })
        })
        .transpose()
    }

    /// Creates the partner account of an open invitation and marks it used,
    /// in one transaction: a link makes one account, even when two requests
    /// race. `None`: no such open invitation (used, expired or unknown).
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<Option<User>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let now = now_ms();
        let taken = sqlx::query(
            "UPDATE partner_invitations SET used_at = $1 WHERE token_hash = $2 \
             AND used_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(token_hash)
        .execute(&mut *tx)
        .await?;
        if taken.rows_affected() != 1 {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT workspace_id, partner_id, email FROM partner_invitations WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_one(&mut *tx)
        .await?;
        let new = NewUser {
            workspace_id: parse_id(&row.try_get::<String, _>("workspace_id")?)?,
            email: row.try_get("email")?,
            name: name.to_string(),
            role: Role::Partner,
            password_hash: password_hash.to_string(),
            partner: Some(parse_id(&row.try_get::<String, _>("partner_id")?)?),
        };
        let user = crate::accounts::insert_user(&mut *tx, new).await?;
        tx.commit().await?;
        Ok(Some(user))
    }
}
