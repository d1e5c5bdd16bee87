//! Reading a session into an archive, and writing an archive as a new
//! session, each in one transaction.

use super::*;
use crate::Store;
use crate::reads::load_session;
use crate::util::{now_ms, parse_id, parse_json, parse_opt_id, to_json};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use koers_core::code::JoinCode;
use koers_core::ids::{UserId, WorkspaceId};
use rand::RngCore;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Connection, Row};

/// How often an import tries again after a clash with another session's
/// join code (or, in theory, ids or tokens); each try draws all of them anew.
const IMPORT_TRIES: usize = 20;

fn respondent_from(kind: Option<&str>, id: Option<&str>) -> Result<Option<Respondent>, StoreError> {
    Ok(match (kind, id) {
        (Some("participant"), Some(p)) => Some(Respondent::Participant(parse_id(p)?)),
        (Some("table"), Some(t)) => Some(Respondent::Table(parse_id(t)?)),
        (None, None) => None,
        other => return Err(StoreError::corrupt(format!("respondent {other:?}"))),
    })
}

fn actor_from(kind: &str, id: Option<&str>) -> Result<Actor, StoreError> {
    Ok(match (kind, id) {
        ("user", Some(u)) => Actor::User(parse_id(u)?),
        ("device", Some(d)) => Actor::Device(parse_id(d)?),
        ("system", _) => Actor::System,
        other => return Err(StoreError::corrupt(format!("actor {other:?}"))),
    })
}

fn flag(row: &AnyRow, col: &str) -> Result<bool, StoreError> {
    Ok(row.try_get::<i64, _>(col)? != 0)
}

fn id_col<T: std::str::FromStr>(row: &AnyRow, col: &str) -> Result<T, StoreError> {
    parse_id(&row.try_get::<String, _>(col)?)
}

fn opt_id_col<T: std::str::FromStr>(row: &AnyRow, col: &str) -> Result<Option<T>, StoreError> {
    parse_opt_id(row.try_get::<Option<String>, _>(col)?.as_deref())
}

fn json_col<T: serde::de::DeserializeOwned>(row: &AnyRow, col: &str) -> Result<T, StoreError> {
    parse_json(&row.try_get::<String, _>(col)?)
}

async fn rows(
    conn: &mut AnyConnection,
    sql: &'static str,
    session: SessionId,
) -> Result<Vec<AnyRow>, StoreError> {
    Ok(sqlx::query(sql)
        .bind(session.to_string())
        .fetch_all(&mut *conn)
        .await?)
}

/// A new secret in the shape the web layer issues and checks (256 bits,
/// URL-safe base64): for the screen link and the table links.
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A value in the shape of a stored device token hash (hex SHA-256) that
/// is the hash of no token anyone has: an imported device cannot be taken
/// over, and nobody's old cookie works on the copy.
fn unusable_token_hash() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// The archive of a session, read in one consistent snapshot; `None`
    /// when there is no such session. Callers check access.
    pub async fn export_archive(
        &self,
        id: SessionId,
    ) -> Result<Option<SessionArchive>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_read()).await?;
        let Some(session) = load_session(&mut tx, id, "").await? else {
            return Ok(None);
        };
        // Rows are sorted here rather than in SQL: ids sort as UUIDs (by
        // bytes), whatever a database's text collation would do.
        let mut steps = rows(
            &mut tx,
            "SELECT id, position, title FROM steps WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            Ok(ArchivedStep {
                id: id_col(r, "id")?,
                position: r.try_get("position")?,
                title: r.try_get("title")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        steps.sort_by_key(|s| (s.position, s.id));
        let step_pos: HashMap<StepId, i64> = steps.iter().map(|s| (s.id, s.position)).collect();
        let mut activities = rows(
            &mut tx,
            "SELECT id, step_id, position, title, audience, state, results_visible, revealed, \
             created_at, config FROM activities WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let audience: String = r.try_get("audience")?;
            let state: String = r.try_get("state")?;
            Ok(ArchivedActivity {
                id: id_col(r, "id")?,
                step_id: id_col(r, "step_id")?,
                position: r.try_get("position")?,
                title: r.try_get("title")?,
                audience: Audience::parse(&audience)
                    .ok_or_else(|| StoreError::corrupt(format!("audience {audience:?}")))?,
                state: ActivityState::parse(&state)
                    .ok_or_else(|| StoreError::corrupt(format!("state {state:?}")))?,
                results_visible: flag(r, "results_visible")?,
                revealed: flag(r, "revealed")?,
                created_at: r.try_get("created_at")?,
                config: json_col(r, "config")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        activities.sort_by_key(|a| (step_pos.get(&a.step_id).copied(), a.position, a.id));
        let mut tables = rows(
            &mut tx,
            "SELECT id, position, name FROM session_tables WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            Ok(ArchivedTable {
                id: id_col(r, "id")?,
                position: r.try_get("position")?,
                name: r.try_get("name")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        tables.sort_by_key(|t| (t.position, t.id));
        let mut devices = rows(
            &mut tx,
            "SELECT id, table_id, display_name, org_type, joined_at FROM participants WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            Ok(ArchivedDevice {
                id: id_col(r, "id")?,
                table_id: opt_id_col(r, "table_id")?,
                display_name: r.try_get("display_name")?,
                org_type: r.try_get("org_type")?,
                joined_at: r.try_get("joined_at")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        devices.sort_by_key(|d| (d.joined_at, d.id));
        let mut responses = rows(
            &mut tx,
            "SELECT activity_id, respondent_kind, respondent_id, answer, seq, updated_at \
             FROM responses WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let kind: String = r.try_get("respondent_kind")?;
            let who: String = r.try_get("respondent_id")?;
            Ok(ArchivedResponse {
                activity_id: id_col(r, "activity_id")?,
                respondent: respondent_from(Some(&kind), Some(&who))?
                    .ok_or_else(|| StoreError::corrupt("response without respondent"))?,
                answer: json_col(r, "answer")?,
                seq: r.try_get("seq")?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        responses.sort_by_key(|r| (r.seq, r.activity_id));
        let mut items = rows(
            &mut tx,
            "SELECT id, activity_id, author_kind, author_id, device_id, text, detail, status, \
             merged_into, created_at, updated_at FROM items WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let status: String = r.try_get("status")?;
            Ok(ArchivedItem {
                id: id_col(r, "id")?,
                activity_id: id_col(r, "activity_id")?,
                author: respondent_from(
                    r.try_get::<Option<String>, _>("author_kind")?.as_deref(),
                    r.try_get::<Option<String>, _>("author_id")?.as_deref(),
                )?,
                device_id: opt_id_col(r, "device_id")?,
                text: r.try_get("text")?,
                detail: json_col(r, "detail")?,
                status: ItemStatus::parse(&status)
                    .ok_or_else(|| StoreError::corrupt(format!("item status {status:?}")))?,
                merged_into: opt_id_col(r, "merged_into")?,
                created_at: r.try_get("created_at")?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        items.sort_by_key(|i| (i.created_at, i.id));
        let mut item_marks = rows(
            &mut tx,
            "SELECT item_id, participant_id, kind, org_type, at FROM item_marks WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            Ok(ArchivedMark {
                item_id: id_col(r, "item_id")?,
                participant_id: id_col(r, "participant_id")?,
                kind: match kind.as_str() {
                    "upvote" => MarkKind::Upvote,
                    "commit" => MarkKind::Commit,
                    other => return Err(StoreError::corrupt(format!("mark kind {other:?}"))),
                },
                org_type: r.try_get("org_type")?,
                at: r.try_get("at")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        item_marks.sort_by_key(|m| (m.at, m.item_id, m.participant_id, m.kind.name()));
        let mut activity_docs = rows(
            &mut tx,
            "SELECT activity_id, doc FROM activity_docs WHERE session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            Ok(ArchivedDoc {
                activity_id: id_col(r, "activity_id")?,
                doc: json_col(r, "doc")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        activity_docs.sort_by_key(|d| d.activity_id);
        // board_undo has no session column: its activities tell.
        let mut board_undo = rows(
            &mut tx,
            "SELECT u.activity_id, u.version, u.undo FROM board_undo u \
             JOIN activities a ON a.id = u.activity_id WHERE a.session_id = $1",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            Ok(ArchivedBoardUndo {
                activity_id: id_col(r, "activity_id")?,
                version: r.try_get("version")?,
                undo: json_col(r, "undo")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        board_undo.sort_by_key(|b| (b.activity_id, b.version));
        let events = rows(
            &mut tx,
            "SELECT seq, at, actor_kind, actor_id, client_id, payload FROM events \
             WHERE session_id = $1 ORDER BY seq",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let kind: String = r.try_get("actor_kind")?;
            Ok(ArchivedEvent {
                seq: r.try_get("seq")?,
                at: r.try_get("at")?,
                actor: actor_from(
                    &kind,
                    r.try_get::<Option<String>, _>("actor_id")?.as_deref(),
                )?,
                client_id: opt_id_col(r, "client_id")?,
                event: json_col(r, "payload")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        tx.commit().await?;
        Ok(Some(SessionArchive {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: now_ms(),
            koers_version: env!("CARGO_PKG_VERSION").to_string(),
            session: ArchivedSession {
                id: session.id,
                title: session.title,
                lang: session.lang,
                join_code: session.join_code.as_str().to_string(),
                org_types: session.org_types,
                current_activity_id: session.current,
                locked: session.locked,
                archived: session.archived,
                goal: session.goal,
                held_on: session.held_on,
                place: session.place,
                facilitator: session.facilitator,
                created_at: session.created_at,
            },
            steps,
            activities,
            tables,
            devices,
            responses,
            items,
            item_marks,
            activity_docs,
            board_undo,
            events,
        }))
    }

    /// Imports an archive as a new session of `workspace`, with new ids, a
    /// new join code and new secrets for the screen, the tables and the
    /// devices; `by` is recorded as its creator and in the audit log.
    /// Everything or nothing is stored. Returns the new session's id and
    /// join code.
    pub async fn import_archive(
        &self,
        workspace: WorkspaceId,
        by: Option<UserId>,
        archive: &SessionArchive,
    ) -> Result<(SessionId, JoinCode), ArchiveError> {
        archive.check()?;
        if self.workspace(workspace).await?.is_none() {
            return Err(ArchiveError::NoWorkspace);
        }
        for _ in 0..IMPORT_TRIES {
            let fresh = archive.with_fresh_ids()?;
            let code = JoinCode::random(&mut rand::rng());
            if self.try_import(workspace, by, &fresh, &code).await? {
                return Ok((fresh.session.id, code));
            }
        }
        Err(StoreError::Config("no free join code found".into()).into())
    }

    async fn try_import(
        &self,
        workspace: WorkspaceId,
        by: Option<UserId>,
        a: &SessionArchive,
        code: &JoinCode,
    ) -> Result<bool, ArchiveError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let sid = a.session.id.to_string();
        let s = &a.session;
        let inserted = sqlx::query(
            "INSERT INTO sessions (id, workspace_id, title, lang, join_code, screen_token, org_types, \
             current_activity_id, locked, archived, last_seq, created_by, created_at, goal, held_on, \
             place, facilitator) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(&sid)
        .bind(workspace.to_string())
        .bind(&s.title)
        .bind(s.lang.tag())
        .bind(code.as_str())
        .bind(random_token())
        .bind(to_json(&s.org_types)?)
        .bind(s.current_activity_id.map(|id| id.to_string()))
        .bind(i64::from(s.locked))
        .bind(i64::from(s.archived))
        .bind(a.events.len() as i64)
        .bind(by.map(|u| u.to_string()))
        .bind(s.created_at)
        .bind(&s.goal)
        .bind(&s.held_on)
        .bind(&s.place)
        .bind(&s.facilitator)
        .execute(&mut *tx)
        .await;
        match inserted {
            // The join code is taken by another active session: draw again.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(false),
            other => other.map_err(StoreError::from)?,
        };
        for st in &a.steps {
            sqlx::query(
                "INSERT INTO steps (id, session_id, position, title) VALUES ($1, $2, $3, $4)",
            )
            .bind(st.id.to_string())
            .bind(&sid)
            .bind(st.position)
            .bind(&st.title)
            .execute(&mut *tx)
            .await?;
        }
        for ac in &a.activities {
            sqlx::query(
                "INSERT INTO activities (id, session_id, step_id, position, title, kind, config, audience, \
                 state, results_visible, revealed, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(ac.id.to_string())
            .bind(&sid)
            .bind(ac.step_id.to_string())
            .bind(ac.position)
            .bind(&ac.title)
            .bind(ac.config.name())
            .bind(to_json(&ac.config)?)
            .bind(ac.audience.name())
            .bind(ac.state.name())
            .bind(i64::from(ac.results_visible))
            .bind(i64::from(ac.revealed))
            .bind(ac.created_at)
            .execute(&mut *tx)
            .await?;
        }
        for t in &a.tables {
            sqlx::query(
                "INSERT INTO session_tables (id, session_id, position, name, join_token) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(t.id.to_string())
            .bind(&sid)
            .bind(t.position)
            .bind(&t.name)
            .bind(random_token())
            .execute(&mut *tx)
            .await?;
        }
        for d in &a.devices {
            sqlx::query(
                "INSERT INTO participants (id, session_id, token_hash, table_id, display_name, org_type, \
                 joined_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(d.id.to_string())
            .bind(&sid)
            .bind(unusable_token_hash())
            .bind(d.table_id.map(|t| t.to_string()))
            .bind(&d.display_name)
            .bind(&d.org_type)
            .bind(d.joined_at)
            .execute(&mut *tx)
            .await?;
        }
        for r in &a.responses {
            sqlx::query(
                "INSERT INTO responses (activity_id, respondent_id, session_id, respondent_kind, answer, \
                 seq, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(r.activity_id.to_string())
            .bind(r.respondent.id_string())
            .bind(&sid)
            .bind(r.respondent.kind_name())
            .bind(to_json(&r.answer)?)
            .bind(r.seq)
            .bind(r.updated_at)
            .execute(&mut *tx)
            .await?;
        }
        for i in &a.items {
            sqlx::query(
                "INSERT INTO items (id, session_id, activity_id, author_kind, author_id, device_id, text, \
                 detail, status, merged_into, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(i.id.to_string())
            .bind(&sid)
            .bind(i.activity_id.to_string())
            .bind(i.author.map(|r| r.kind_name()))
            .bind(i.author.map(|r| r.id_string()))
            .bind(i.device_id.map(|d| d.to_string()))
            .bind(&i.text)
            .bind(to_json(&i.detail)?)
            .bind(i.status.name())
            .bind(i.merged_into.map(|m| m.to_string()))
            .bind(i.created_at)
            .bind(i.updated_at)
            .execute(&mut *tx)
            .await?;
        }
        for m in &a.item_marks {
            sqlx::query(
                "INSERT INTO item_marks (item_id, participant_id, kind, session_id, org_type, at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(m.item_id.to_string())
            .bind(m.participant_id.to_string())
            .bind(m.kind.name())
            .bind(&sid)
            .bind(&m.org_type)
            .bind(m.at)
            .execute(&mut *tx)
            .await?;
        }
        for d in &a.activity_docs {
            sqlx::query(
                "INSERT INTO activity_docs (activity_id, session_id, doc) VALUES ($1, $2, $3)",
            )
            .bind(d.activity_id.to_string())
            .bind(&sid)
            .bind(to_json(&d.doc)?)
            .execute(&mut *tx)
            .await?;
        }
        for b in &a.board_undo {
            sqlx::query("INSERT INTO board_undo (activity_id, version, undo) VALUES ($1, $2, $3)")
                .bind(b.activity_id.to_string())
                .bind(b.version)
                .bind(to_json(&b.undo)?)
                .execute(&mut *tx)
                .await?;
        }
        for e in &a.events {
            sqlx::query(
                "INSERT INTO events (session_id, seq, at, actor_kind, actor_id, client_id, kind, payload) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&sid)
            .bind(e.seq)
            .bind(e.at)
            .bind(e.actor.kind_name())
            .bind(e.actor.id_string())
            .bind(e.client_id.map(|c| c.to_string()))
            .bind(e.event.type_name())
            .bind(to_json(&e.event)?)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO audit_log (id, workspace_id, at, user_id, action, subject, detail) \
             VALUES ($1, $2, $3, $4, 'session_imported', $5, $6)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(workspace.to_string())
        .bind(now_ms())
        .bind(by.map(|u| u.to_string()))
        .bind(&sid)
        .bind(&s.title)
        .execute(&mut *tx)
        .await?;
        if self.dialect() == crate::Dialect::Postgres {
            // Like every committed change: other app nodes hear of it.
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(crate::feed::CHANNEL)
                .bind(&sid)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

impl From<sqlx::Error> for ArchiveError {
    /// Within an import, a violated key can only come from the archive's
    /// content (ids, code and secrets are new), e.g. one client id used twice
    /// by a device in the log: the archive is damaged, which says more than
    /// "database error".
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() || d.is_foreign_key_violation() => {
                ArchiveError::Invalid(d.message().to_string())
            }
            _ => ArchiveError::Store(StoreError::Db(e)),
        }
    }
}
