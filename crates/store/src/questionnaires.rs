//! Questionnaires' storage: definitions with their public link, dates and
//! retention; personal invitations; and removal when the retention date
//! passes. Responses are in [`crate::questionnaire_responses`]; why the
//! tables are shaped as they are is in migration 0007.

use crate::Store;
use crate::error::{ExecError, StoreError};
use crate::util::{now_ms, parse_id, parse_json, to_json};
use koers_core::DomainError;
use koers_core::ids::{ContactId, QuestionnaireId, WorkspaceId};
use koers_core::questionnaire::Questionnaire;
use sqlx::any::AnyRow;
use sqlx::{Connection, Row};

/// A questionnaire as kept: the definition and how it is distributed.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionnaireRecord {
    /// Workspace.
    pub workspace_id: WorkspaceId,
    /// The validated definition.
    pub questionnaire: Questionnaire,
    /// Short name for links and the command line, unique in the workspace.
    pub slug: String,
    /// Token of the anonymous public link; `None`: invitations only.
    pub public_token: Option<String>,
    /// Opens (ms since the Unix epoch); `None`: open from publication.
    pub opens_at: Option<i64>,
    /// Closes; `None`: until closed by hand.
    pub closes_at: Option<i64>,
    /// Responses are removed once this passes.
    pub retain_until: Option<i64>,
}

impl QuestionnaireRecord {
    /// Whether answers are taken at `now`.
    pub fn is_open(&self, now: i64) -> bool {
        self.opens_at.is_none_or(|t| t <= now) && self.closes_at.is_none_or(|t| now < t)
    }
}

/// An invitation to a questionnaire, as its link's page needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionnaireInvitation {
    /// Workspace.
    pub workspace_id: WorkspaceId,
    /// The questionnaire.
    pub questionnaire_id: QuestionnaireId,
    /// Whether its one response came in.
    pub responded: bool,
}

fn record(r: &AnyRow) -> Result<QuestionnaireRecord, StoreError> {
    Ok(QuestionnaireRecord {
        workspace_id: parse_id(&r.try_get::<String, _>("workspace_id")?)?,
        questionnaire: parse_json(&r.try_get::<String, _>("definition")?)?,
        slug: r.try_get("slug")?,
        public_token: r.try_get("public_token")?,
        opens_at: r.try_get("opens_at")?,
        closes_at: r.try_get("closes_at")?,
        retain_until: r.try_get("retain_until")?,
    })
}

const COLUMNS: &str =
    "workspace_id, definition, slug, public_token, opens_at, closes_at, retain_until";

/// Whether a slug is usable in a link: 1–60 of a–z, 0–9 and `-`.
pub fn is_slug(s: &str) -> bool {
    (1..=60).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Store {
    /// Creates or replaces a questionnaire. A slug or public token another
    /// questionnaire has is refused ([`StoreError::Duplicate`]); so is a
    /// slug that is not [`is_slug`] ([`DomainError::InvalidActivity`]).
    pub async fn save_questionnaire(&self, q: &QuestionnaireRecord) -> Result<(), ExecError> {
        if !is_slug(&q.slug) {
            return Err(DomainError::InvalidActivity("slug").into());
        }
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let ws = q.workspace_id.to_string();
        let id = q.questionnaire.id.to_string();
        let created: Option<i64> = sqlx::query(
            "SELECT created_at FROM questionnaires WHERE workspace_id = $1 AND id = $2",
        )
        .bind(&ws)
        .bind(&id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("created_at"))
        .transpose()?;
        sqlx::query("DELETE FROM questionnaires WHERE workspace_id = $1 AND id = $2")
            .bind(&ws)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        let now = now_ms();
        sqlx::query(
            "INSERT INTO questionnaires (id, workspace_id, slug, definition, public_token, \
             opens_at, closes_at, retain_until, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(&ws)
        .bind(&q.slug)
        .bind(to_json(&q.questionnaire)?)
        .bind(q.public_token.clone())
        .bind(q.opens_at)
        .bind(q.closes_at)
        .bind(q.retain_until)
        .bind(created.unwrap_or(now))
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| {
            if StoreError::is_unique_violation(&e) {
                StoreError::Duplicate("questionnaire slug or link")
            } else {
                e.into()
            }
        })?;
        tx.commit().await?;
        Ok(())
    }

    /// A workspace's questionnaires, newest first.
    pub async fn questionnaires(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<QuestionnaireRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM questionnaires WHERE workspace_id = $1 \
             ORDER BY created_at DESC, id DESC"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(workspace.to_string())
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(record)
            .collect()
    }

    /// A questionnaire of the workspace by id or slug.
    pub async fn questionnaire(
        &self,
        workspace: WorkspaceId,
        id_or_slug: &str,
    ) -> Result<Option<QuestionnaireRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM questionnaires WHERE workspace_id = $1 \
             AND (id = $2 OR slug = $2)"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(workspace.to_string())
            .bind(id_or_slug)
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(record)
            .transpose()
    }

    /// The questionnaire whose public link has this token.
    pub async fn questionnaire_by_public_token(
        &self,
        token: &str,
    ) -> Result<Option<QuestionnaireRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM questionnaires WHERE public_token = $1");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token)
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(record)
            .transpose()
    }

    /// Records personal invitations: (token hash, contact person, e-mail).
    /// The tokens themselves are sent to the invitees and kept nowhere.
    pub async fn create_questionnaire_invitations(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
        invitees: &[(String, Option<ContactId>, String)],
    ) -> Result<(), StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let now = now_ms();
        for (hash, contact, email) in invitees {
            sqlx::query(
                "INSERT INTO questionnaire_invitations (token_hash, workspace_id, \
                 questionnaire_id, contact_id, email, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(hash)
            .bind(workspace.to_string())
            .bind(questionnaire.to_string())
            .bind(contact.map(|c| c.to_string()))
            .bind(email.trim().to_lowercase())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The invitation with this token hash.
    pub async fn questionnaire_invitation(
        &self,
        token_hash: &str,
    ) -> Result<Option<QuestionnaireInvitation>, StoreError> {
        let row = sqlx::query(
            "SELECT workspace_id, questionnaire_id, responded FROM questionnaire_invitations \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(QuestionnaireInvitation {
                workspace_id: parse_id(&r.try_get::<String, _>("workspace_id")?)?,
                questionnaire_id: parse_id(&r.try_get::<String, _>("questionnaire_id")?)?,
                responded: r.try_get::<i64, _>("responded")? != 0,
            })
        })
        .transpose()
    }

    /// How many were invited and how many of them responded.
    pub async fn questionnaire_invitation_counts(
        &self,
        workspace: WorkspaceId,
        questionnaire: QuestionnaireId,
    ) -> Result<(i64, i64), StoreError> {
        let r = sqlx::query(
            "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(responded), 0) AS BIGINT) AS done \
             FROM questionnaire_invitations WHERE workspace_id = $1 AND questionnaire_id = $2",
        )
        .bind(workspace.to_string())
        .bind(questionnaire.to_string())
        .fetch_one(self.pool())
        .await?;
        Ok((r.try_get("n")?, r.try_get("done")?))
    }

    /// Removes the responses, drafts, contact details and invitations of
    /// every questionnaire whose retention date is before `now`; the
    /// definitions stay. Returns how many responses went.
    pub async fn sweep_questionnaire_retention(&self, now: i64) -> Result<u64, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let due = sqlx::query(
            "SELECT workspace_id, id FROM questionnaires \
             WHERE retain_until IS NOT NULL AND retain_until < $1",
        )
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        let mut removed = 0;
        for r in due {
            let ws: String = r.try_get("workspace_id")?;
            let id: String = r.try_get("id")?;
            for table in [
                "questionnaire_responses",
                "questionnaire_drafts",
                "questionnaire_contacts",
                "questionnaire_invitations",
                "questionnaire_submitted",
            ] {
                let sql = format!(
                    "DELETE FROM {table} WHERE workspace_id = $1 AND questionnaire_id = $2"
                );
                let n = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(&ws)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if table == "questionnaire_responses" {
                    removed += n;
                }
            }
        }
        tx.commit().await?;
        Ok(removed)
    }
}
