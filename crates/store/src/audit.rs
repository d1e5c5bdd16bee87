//! The workspace audit log: privileged actions that outlive a session's own
//! log (a deleted session takes its log with it), and staff logins.

use crate::Store;
use crate::error::StoreError;
use crate::util::{now_ms, parse_opt_id};
use koers_core::ids::{SessionId, UserId, WorkspaceId};
use sqlx::{Connection, Row};

/// One entry of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// When (ms since the Unix epoch).
    pub at: i64,
    /// Who.
    pub user_id: Option<UserId>,
    /// What (`session_deleted`, `login`, …).
    pub action: String,
    /// On what (an id).
    pub subject: String,
    /// A short description (e.g. the deleted session's title).
    pub detail: String,
}

impl Store {
    /// Records a privileged action.
    pub async fn record_audit(
        &self,
        workspace: WorkspaceId,
        user: Option<UserId>,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_log (id, workspace_id, at, user_id, action, subject, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(workspace.to_string())
        .bind(now_ms())
        .bind(user.map(|u| u.to_string()))
        .bind(action)
        .bind(subject)
        .bind(detail)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The newest audit entries of a workspace.
    pub async fn audit_log(
        &self,
        workspace: WorkspaceId,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        sqlx::query(
            "SELECT at, user_id, action, subject, detail FROM audit_log WHERE workspace_id = $1 \
             ORDER BY at DESC, id DESC LIMIT $2",
        )
        .bind(workspace.to_string())
        .bind(limit)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| {
            Ok(AuditEntry {
                at: r.try_get("at")?,
                user_id: parse_opt_id(r.try_get::<Option<String>, _>("user_id")?.as_deref())?,
                action: r.try_get("action")?,
                subject: r.try_get("subject")?,
                detail: r.try_get("detail")?,
            })
        })
        .collect()
    }

    /// Deletes a session of `workspace` with everything in it — agenda,
    /// devices, answers and its log — and records who did it. Returns false
    /// when there is no such session in the workspace.
    pub async fn delete_session(
        &self,
        workspace: WorkspaceId,
        id: SessionId,
        by: UserId,
    ) -> Result<bool, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let Some(row) =
            sqlx::query("SELECT title FROM sessions WHERE id = $1 AND workspace_id = $2")
                .bind(id.to_string())
                .bind(workspace.to_string())
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(false);
        };
        let title: String = row.try_get("title")?;
        // Children first: not every database follows the cascades in one statement order.
        for table in [
            "responses",
            "events",
            "participants",
            "activities",
            "session_tables",
            "steps",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE session_id = $1"
            )))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO audit_log (id, workspace_id, at, user_id, action, subject, detail) \
             VALUES ($1, $2, $3, $4, 'session_deleted', $5, $6)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(workspace.to_string())
        .bind(now_ms())
        .bind(by.to_string())
        .bind(id.to_string())
        .bind(&title)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
