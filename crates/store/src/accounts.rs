//! Workspaces, staff accounts and their login sessions.

use crate::Store;
use crate::error::StoreError;
use crate::records::{Credentials, User, Workspace};
use crate::util::{now_ms, parse_id};
use koers_core::auth::Role;
use koers_core::ids::{UserId, WorkspaceId};
// Dynamic SQL below only interpolates this module's constants (column
// lists, table names, a lock suffix), never input.
use sqlx::AssertSqlSafe;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A staff account to create.
#[derive(Clone)]
pub struct NewUser {
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// Login e-mail address (stored in lower case).
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Argon2id PHC string (hashing is the caller's job).
    pub password_hash: String,
    /// For [`Role::Partner`]: the partner it speaks for.
    pub partner: Option<koers_core::ids::PartnerId>,
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("workspace_id", &self.workspace_id)
            .field("email", &self.email)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

fn workspace_from(row: &AnyRow) -> Result<Workspace, StoreError> {
    Ok(Workspace {
        id: parse_id(&row.try_get::<String, _>("id")?)?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
    })
}

fn user_from(row: &AnyRow) -> Result<User, StoreError> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: parse_id(&row.try_get::<String, _>("id")?)?,
        workspace_id: parse_id(&row.try_get::<String, _>("workspace_id")?)?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::parse(&role).ok_or_else(|| StoreError::corrupt(format!("role {role:?}")))?,
        partner: crate::util::parse_opt_id(
            row.try_get::<Option<String>, _>("partner_id")?.as_deref(),
        )?,
    })
}

const USER_COLS: &str = "id, workspace_id, email, name, role, partner_id";

impl Store {
    /// Creates a workspace. Fails with [`StoreError::Duplicate`] if the slug is taken.
    pub async fn create_workspace(&self, slug: &str, name: &str) -> Result<Workspace, StoreError> {
        let ws = Workspace {
            id: WorkspaceId::new(),
            slug: slug.to_string(),
            name: name.to_string(),
        };
        sqlx::query("INSERT INTO workspaces (id, slug, name, created_at) VALUES ($1, $2, $3, $4)")
            .bind(ws.id.to_string())
            .bind(&ws.slug)
            .bind(&ws.name)
            .bind(now_ms())
            .execute(self.pool())
            .await
            .map_err(|e| {
                if StoreError::is_unique_violation(&e) {
                    StoreError::Duplicate("workspace")
                } else {
                    e.into()
                }
            })?;
        Ok(ws)
    }

    /// The workspace with this slug.
    pub async fn workspace_by_slug(&self, slug: &str) -> Result<Option<Workspace>, StoreError> {
        sqlx::query("SELECT id, slug, name FROM workspaces WHERE slug = $1")
            .bind(slug)
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(workspace_from)
            .transpose()
    }

    /// Sets or clears the workspace's logo for report covers. The bytes must
    /// pass [`koers_core::cover::check_logo`] and decode as a whole, so a
    /// damaged file cannot break every report later. `false`: no such
    /// workspace.
    pub async fn set_workspace_logo(
        &self,
        id: WorkspaceId,
        png: Option<&[u8]>,
    ) -> Result<bool, crate::ExecError> {
        use base64::Engine;
        if let Some(bytes) = png {
            koers_core::cover::check_logo(bytes)?;
            decodes(bytes).map_err(|_| koers_core::DomainError::BadLogo {
                max_kib: koers_core::cover::MAX_LOGO_KIB,
            })?;
        }
        let text = png.map(|b| base64::engine::general_purpose::STANDARD.encode(b));
        let done = sqlx::query("UPDATE workspaces SET logo_png = $1 WHERE id = $2")
            .bind(text)
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The workspace's logo (PNG bytes), if it has one.
    pub async fn workspace_logo(&self, id: WorkspaceId) -> Result<Option<Vec<u8>>, StoreError> {
        use base64::Engine;
        let text: Option<Option<String>> =
            sqlx::query_scalar("SELECT logo_png FROM workspaces WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(self.pool())
                .await?;
        match text.flatten() {
            None => Ok(None),
            Some(t) => base64::engine::general_purpose::STANDARD
                .decode(t)
                .map(Some)
                .map_err(|e| StoreError::corrupt(format!("logo: {e}"))),
        }
    }

    /// The workspace with this id.
    pub async fn workspace(&self, id: WorkspaceId) -> Result<Option<Workspace>, StoreError> {
        sqlx::query("SELECT id, slug, name FROM workspaces WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(workspace_from)
            .transpose()
    }

    /// All workspaces, by slug.
    pub async fn workspaces(&self) -> Result<Vec<Workspace>, StoreError> {
        sqlx::query("SELECT id, slug, name FROM workspaces ORDER BY slug")
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(workspace_from)
            .collect()
    }

    /// Creates a staff account. Fails with [`StoreError::Duplicate`] if the
    /// e-mail address is in use.
    pub async fn create_user(&self, new: NewUser) -> Result<User, StoreError> {
        insert_user(self.pool(), new).await
    }

    /// Replaces an account's password hash and clears its failed attempts.
    pub async fn set_password_hash(&self, user: UserId, hash: &str) -> Result<bool, StoreError> {
        let r = sqlx::query(
            "UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = 0 WHERE id = $2",
        )
        .bind(hash)
        .bind(user.to_string())
        .execute(self.pool())
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The account with this e-mail address, with its password hash.
    pub async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {USER_COLS}, password_hash, failed_logins, locked_until FROM users WHERE email = $1"
        )))
        .bind(email.trim().to_lowercase())
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(Credentials {
                user: user_from(&r)?,
                password_hash: r.try_get("password_hash")?,
                failed_logins: r.try_get("failed_logins")?,
                locked_until: r.try_get("locked_until")?,
            })
        })
        .transpose()
    }

    /// Records a failed login; after `threshold` failures in a row the
    /// account is locked for `lock_ms`. Counted in the database, so every app
    /// node sees the same count.
    pub async fn record_login_failure(
        &self,
        user: UserId,
        threshold: i64,
        lock_ms: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query(
            "UPDATE users SET failed_logins = failed_logins + 1, \
             locked_until = CASE WHEN failed_logins + 1 >= $1 THEN $2 ELSE locked_until END \
             WHERE id = $3",
        )
        .bind(threshold)
        .bind(now + lock_ms)
        .bind(user.to_string())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Clears the failed-login count after a successful login.
    pub async fn record_login_success(&self, user: UserId) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = $1")
            .bind(user.to_string())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The accounts of a workspace.
    pub async fn users(&self, workspace: WorkspaceId) -> Result<Vec<User>, StoreError> {
        sqlx::query(AssertSqlSafe(format!(
            "SELECT {USER_COLS} FROM users WHERE workspace_id = $1 ORDER BY email"
        )))
        .bind(workspace.to_string())
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(user_from)
        .collect()
    }

    /// Stores a new login session, identified by the hash of its token.
    pub async fn create_auth_session(
        &self,
        token_hash: &str,
        user: UserId,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        // Expired sessions are cleared here rather than by a timer.
        sqlx::query("DELETE FROM auth_sessions WHERE expires_at < $1")
            .bind(now)
            .execute(self.pool())
            .await?;
        sqlx::query(
            "INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user.to_string())
        .bind(now)
        .bind(expires_at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The account behind an unexpired login session.
    pub async fn auth_session_user(&self, token_hash: &str) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(
            "SELECT u.id, u.workspace_id, u.email, u.name, u.role, u.partner_id FROM auth_sessions s \
             JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now_ms())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(user_from).transpose()
    }

    /// Ends a login session.
    pub async fn delete_auth_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM auth_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Decodes a PNG to the last pixel (the header alone was checked before, so
/// its size is bounded).
fn decodes(bytes: &[u8]) -> Result<(), png::DecodingError> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info()?;
    let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
    reader.next_frame(&mut buf)?;
    reader.finish()
}

/// Inserts an account (on the pool or inside a transaction).
pub(crate) async fn insert_user<'c, E>(conn: E, new: NewUser) -> Result<User, StoreError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let user = User {
        id: UserId::new(),
        workspace_id: new.workspace_id,
        email: new.email.trim().to_lowercase(),
        name: new.name,
        role: new.role,
        partner: new.partner,
    };
    sqlx::query(
        "INSERT INTO users (id, workspace_id, email, name, role, password_hash, created_at, \
         partner_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(user.id.to_string())
    .bind(user.workspace_id.to_string())
    .bind(&user.email)
    .bind(&user.name)
    .bind(user.role.name())
    .bind(&new.password_hash)
    .bind(now_ms())
    .bind(new.partner.map(|p| p.to_string()))
    .execute(conn)
    .await
    .map_err(|e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::Duplicate("email")
        } else {
            e.into()
        }
    })?;
    Ok(user)
}
