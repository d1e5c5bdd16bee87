//! Spreadsheets uploaded for import, kept between preview and confirmation.
//! An upload belongs to the account that made it and lives a day at most.

use crate::Store;
use crate::error::{ExecError, StoreError};
use crate::inventory::{Editor, Write};
use crate::util::now_ms;
use base64::Engine;
use koers_core::DomainError;
use koers_core::ids::{UserId, WorkspaceId};
use sqlx::{Connection, Row};

/// How long an upload waits for its confirmation.
const KEEP_MS: i64 = 24 * 3600 * 1000;

/// An uploaded file.
#[derive(Clone, Debug)]
pub struct Upload {
    /// The name it was uploaded under.
    pub file_name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl Store {
    /// Keeps an uploaded file for `user`; returns its id. Uploads older than
    /// a day are removed on the way.
    pub async fn save_upload(
        &self,
        workspace: WorkspaceId,
        user: UserId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<String, StoreError> {
        let now = now_ms();
        sqlx::query("DELETE FROM inventory_uploads WHERE created_at < $1")
            .bind(now - KEEP_MS)
            .execute(self.pool())
            .await?;
        let id = uuid::Uuid::new_v4().simple().to_string();
        sqlx::query(
            "INSERT INTO inventory_uploads (id, workspace_id, user_id, file_name, content, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(workspace.to_string())
        .bind(user.to_string())
        .bind(file_name)
        .bind(base64::engine::general_purpose::STANDARD.encode(bytes))
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(id)
    }

    /// The upload `id` of this account, if it is still there.
    pub async fn upload(
        &self,
        workspace: WorkspaceId,
        user: UserId,
        id: &str,
    ) -> Result<Option<Upload>, StoreError> {
        let row = sqlx::query(
            "SELECT file_name, content FROM inventory_uploads WHERE id = $1 AND workspace_id = $2 \
             AND user_id = $3 AND created_at >= $4",
        )
        .bind(id)
        .bind(workspace.to_string())
        .bind(user.to_string())
        .bind(now_ms() - KEEP_MS)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            let content: String = r.try_get("content")?;
            Ok(Upload {
                file_name: r.try_get("file_name")?,
                bytes: base64::engine::general_purpose::STANDARD
                    .decode(content)
                    .map_err(|e| StoreError::corrupt(format!("upload: {e}")))?,
            })
        })
        .transpose()
    }

    /// Applies an import: takes the upload (it must still be there) and
    /// writes every record, in one transaction. A second confirmation of
    /// the same upload finds it gone and changes nothing
    /// ([`DomainError::NotFound`]). Returns the records written.
    pub async fn apply_upload(
        &self,
        workspace: WorkspaceId,
        upload: &str,
        writes: &[Write],
        by: &Editor,
    ) -> Result<usize, ExecError> {
        if by.partner.is_some() {
            return Err(DomainError::NotYours.into());
        }
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let taken = sqlx::query(
            "DELETE FROM inventory_uploads WHERE id = $1 AND workspace_id = $2 AND user_id = $3",
        )
        .bind(upload)
        .bind(workspace.to_string())
        .bind(by.user.to_string())
        .execute(&mut *tx)
        .await?;
        if taken.rows_affected() != 1 {
            return Err(DomainError::NotFound.into());
        }
        let changed =
            crate::inventory::write_all(&mut tx, self.dialect(), workspace, writes, by).await?;
        tx.commit().await?;
        Ok(changed)
    }
}
