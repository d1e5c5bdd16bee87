//! Reading sessions, agendas, devices, answers and the event log.

use crate::Store;
use crate::error::StoreError;
use crate::records::*;
use crate::util::{parse_id, parse_json, parse_opt_id};
use koers_core::activity::{Activity, ActivityDef, ActivityKind, ActivityState, Audience};
use koers_core::answer::Answer;
use koers_core::code::JoinCode;
use koers_core::event::{Actor, LoggedEvent, Respondent, SessionEvent};
use koers_core::ids::{ActivityId, ParticipantId, SessionId, WorkspaceId};
use koers_core::lang::Lang;
// Dynamic SQL below only interpolates this module's constants (column
// lists, table names, a lock suffix), never input.
use sqlx::AssertSqlSafe;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Connection, Row};
use std::collections::HashMap;

pub(crate) const SESSION_COLS: &str = "id, workspace_id, title, lang, join_code, screen_token, org_types, \
     current_activity_id, locked, archived, last_seq, created_at, goal, held_on, place, facilitator";

pub(crate) fn session_from(row: &AnyRow) -> Result<SessionRecord, StoreError> {
    let lang: String = row.try_get("lang")?;
    let code: String = row.try_get("join_code")?;
    Ok(SessionRecord {
        id: parse_id(&row.try_get::<String, _>("id")?)?,
        workspace_id: parse_id(&row.try_get::<String, _>("workspace_id")?)?,
        title: row.try_get("title")?,
        lang: Lang::parse(&lang).ok_or_else(|| StoreError::corrupt(format!("lang {lang:?}")))?,
        join_code: JoinCode::parse(&code)
            .ok_or_else(|| StoreError::corrupt(format!("code {code:?}")))?,
        screen_token: row.try_get("screen_token")?,
        org_types: parse_json(&row.try_get::<String, _>("org_types")?)?,
        current: parse_opt_id(
            row.try_get::<Option<String>, _>("current_activity_id")?
                .as_deref(),
        )?,
        locked: row.try_get::<i64, _>("locked")? != 0,
        archived: row.try_get::<i64, _>("archived")? != 0,
        last_seq: row.try_get("last_seq")?,
        created_at: row.try_get("created_at")?,
        goal: row.try_get("goal")?,
        held_on: row.try_get("held_on")?,
        place: row.try_get("place")?,
        facilitator: row.try_get("facilitator")?,
    })
}

fn activity_from(row: &AnyRow) -> Result<Activity, StoreError> {
    let audience: String = row.try_get("audience")?;
    let state: String = row.try_get("state")?;
    let kind: ActivityKind = parse_json(&row.try_get::<String, _>("config")?)?;
    Ok(Activity {
        id: parse_id(&row.try_get::<String, _>("id")?)?,
        step_id: Some(parse_id(&row.try_get::<String, _>("step_id")?)?),
        position: row.try_get("position")?,
        def: ActivityDef {
            title: row.try_get("title")?,
            kind,
            audience: Audience::parse(&audience)
                .ok_or_else(|| StoreError::corrupt(format!("audience {audience:?}")))?,
        },
        state: ActivityState::parse(&state)
            .ok_or_else(|| StoreError::corrupt(format!("state {state:?}")))?,
        results_visible: row.try_get::<i64, _>("results_visible")? != 0,
        revealed: row.try_get::<i64, _>("revealed")? != 0,
    })
}

fn device_from(row: &AnyRow) -> Result<Device, StoreError> {
    Ok(Device {
        id: parse_id(&row.try_get::<String, _>("id")?)?,
        session_id: parse_id(&row.try_get::<String, _>("session_id")?)?,
        table_id: parse_opt_id(row.try_get::<Option<String>, _>("table_id")?.as_deref())?,
        display_name: row.try_get("display_name")?,
        org_type: row.try_get("org_type")?,
    })
}

pub(crate) fn table_from(row: &AnyRow) -> Result<Table, StoreError> {
    Ok(Table {
        id: parse_id(&row.try_get::<String, _>("id")?)?,
        position: row.try_get("position")?,
        name: row.try_get("name")?,
        join_token: row.try_get("join_token")?,
    })
}

fn event_from(row: &AnyRow) -> Result<LoggedEvent, StoreError> {
    let actor_kind: String = row.try_get("actor_kind")?;
    let actor_id: Option<String> = row.try_get("actor_id")?;
    let actor = match (actor_kind.as_str(), actor_id.as_deref()) {
        ("user", Some(id)) => Actor::User(parse_id(id)?),
        ("device", Some(id)) => Actor::Device(parse_id(id)?),
        ("system", _) => Actor::System,
        other => return Err(StoreError::corrupt(format!("actor {other:?}"))),
    };
    Ok(LoggedEvent {
        seq: row.try_get("seq")?,
        at_ms: row.try_get("at")?,
        actor,
        event: parse_json::<SessionEvent>(&row.try_get::<String, _>("payload")?)?,
    })
}

pub(crate) async fn load_session(
    conn: &mut AnyConnection,
    id: SessionId,
    lock_suffix: &str,
) -> Result<Option<SessionRecord>, StoreError> {
    sqlx::query(AssertSqlSafe(format!(
        "SELECT {SESSION_COLS} FROM sessions WHERE id = $1{lock_suffix}"
    )))
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?
    .as_ref()
    .map(session_from)
    .transpose()
}

pub(crate) async fn load_agenda(
    conn: &mut AnyConnection,
    id: SessionId,
) -> Result<Agenda, StoreError> {
    let steps = sqlx::query(
        "SELECT id, position, title FROM steps WHERE session_id = $1 ORDER BY position",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(Step {
            id: parse_id(&r.try_get::<String, _>("id")?)?,
            position: r.try_get("position")?,
            title: r.try_get("title")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let activities = sqlx::query(
        "SELECT a.id, a.step_id, a.position, a.title, a.config, a.audience, a.state, a.results_visible, a.revealed \
         FROM activities a JOIN steps s ON s.id = a.step_id \
         WHERE a.session_id = $1 ORDER BY s.position, a.position",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(activity_from)
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Agenda { steps, activities })
}

pub(crate) async fn load_tables(
    conn: &mut AnyConnection,
    id: SessionId,
) -> Result<Vec<Table>, StoreError> {
    sqlx::query("SELECT id, position, name, join_token FROM session_tables WHERE session_id = $1 ORDER BY position")
        .bind(id.to_string())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(table_from)
        .collect()
}

pub(crate) async fn load_answers(
    conn: &mut AnyConnection,
    activity: ActivityId,
) -> Result<Vec<Answer>, StoreError> {
    sqlx::query("SELECT answer FROM responses WHERE activity_id = $1 ORDER BY seq")
        .bind(activity.to_string())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| parse_json(&r.try_get::<String, _>("answer")?))
        .collect()
}

impl Store {
    /// A session by id (whatever its workspace: callers check access).
    pub async fn session(&self, id: SessionId) -> Result<Option<SessionRecord>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_session(&mut conn, id, "").await
    }

    /// A session by id, only if it belongs to `workspace`.
    pub async fn session_in(
        &self,
        workspace: WorkspaceId,
        id: SessionId,
    ) -> Result<Option<SessionRecord>, StoreError> {
        Ok(self
            .session(id)
            .await?
            .filter(|s| s.workspace_id == workspace))
    }

    /// The active (not archived) session with this join code.
    pub async fn session_by_code(
        &self,
        code: &JoinCode,
    ) -> Result<Option<SessionRecord>, StoreError> {
        sqlx::query(AssertSqlSafe(format!(
            "SELECT {SESSION_COLS} FROM sessions WHERE join_code = $1 AND archived = 0"
        )))
        .bind(code.as_str())
        .fetch_optional(self.pool())
        .await?
        .as_ref()
        .map(session_from)
        .transpose()
    }

    /// The session whose projector screen has this token.
    pub async fn session_by_screen_token(
        &self,
        token: &str,
    ) -> Result<Option<SessionRecord>, StoreError> {
        sqlx::query(AssertSqlSafe(format!(
            "SELECT {SESSION_COLS} FROM sessions WHERE screen_token = $1"
        )))
        .bind(token)
        .fetch_optional(self.pool())
        .await?
        .as_ref()
        .map(session_from)
        .transpose()
    }

    /// The sessions of a workspace, newest first.
    pub async fn sessions(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<SessionSummary>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {SESSION_COLS}, \
             (SELECT COUNT(*) FROM activities a WHERE a.session_id = sessions.id) AS n_activities, \
             (SELECT COUNT(*) FROM participants p WHERE p.session_id = sessions.id) AS n_devices \
             FROM sessions WHERE workspace_id = $1 ORDER BY created_at DESC"
        )))
        .bind(workspace.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SessionSummary {
                    session: session_from(r)?,
                    activities: r.try_get("n_activities")?,
                    devices: r.try_get("n_devices")?,
                })
            })
            .collect()
    }

    /// A session's agenda.
    pub async fn agenda(&self, id: SessionId) -> Result<Agenda, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_agenda(&mut conn, id).await
    }

    /// A session's tables.
    pub async fn tables(&self, id: SessionId) -> Result<Vec<Table>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_tables(&mut conn, id).await
    }

    /// The table whose tablet link has this token, with its session.
    pub async fn table_by_token(
        &self,
        token: &str,
    ) -> Result<Option<(Table, SessionRecord)>, StoreError> {
        let Some(row) = sqlx::query("SELECT id, position, name, join_token, session_id FROM session_tables WHERE join_token = $1")
            .bind(token)
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let table = table_from(&row)?;
        let session_id: SessionId = parse_id(&row.try_get::<String, _>("session_id")?)?;
        Ok(self.session(session_id).await?.map(|s| (table, s)))
    }

    /// The device whose secret token has this hash.
    pub async fn device_by_token(&self, token_hash: &str) -> Result<Option<Device>, StoreError> {
        sqlx::query(
            "SELECT id, session_id, table_id, display_name, org_type FROM participants WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?
        .as_ref()
        .map(device_from)
        .transpose()
    }

    /// A device by id.
    pub async fn device(&self, id: ParticipantId) -> Result<Option<Device>, StoreError> {
        sqlx::query("SELECT id, session_id, table_id, display_name, org_type FROM participants WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(device_from)
            .transpose()
    }

    /// Every device that joined a session, in the order they joined.
    pub async fn devices(&self, session: SessionId) -> Result<Vec<Device>, StoreError> {
        sqlx::query(
            "SELECT id, session_id, table_id, display_name, org_type FROM participants \
             WHERE session_id = $1 ORDER BY joined_at, id",
        )
        .bind(session.to_string())
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(device_from)
        .collect()
    }

    /// The answers to an activity, oldest first.
    pub async fn answers(&self, activity: ActivityId) -> Result<Vec<Answer>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_answers(&mut conn, activity).await
    }

    /// A vote's ballots with each voter's organisation type (tablets have
    /// none), for the breakdown by organisation type.
    pub async fn ballots_by_org(
        &self,
        activity: ActivityId,
    ) -> Result<Vec<(Option<String>, Answer)>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_ballots_by_org(&mut conn, activity).await
    }

    /// A respondent's current answers in a session, by activity.
    pub async fn own_answers(
        &self,
        session: SessionId,
        respondent: &Respondent,
    ) -> Result<HashMap<ActivityId, Answer>, StoreError> {
        sqlx::query("SELECT activity_id, answer FROM responses WHERE session_id = $1 AND respondent_id = $2")
            .bind(session.to_string())
            .bind(respondent.id_string())
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| {
                Ok((
                    parse_id(&r.try_get::<String, _>("activity_id")?)?,
                    parse_json(&r.try_get::<String, _>("answer")?)?,
                ))
            })
            .collect()
    }

    /// Events of a session after `after` (exclusive), oldest first, at most `limit`.
    pub async fn events_after(
        &self,
        session: SessionId,
        after: i64,
        limit: i64,
    ) -> Result<Vec<LoggedEvent>, StoreError> {
        sqlx::query(
            "SELECT seq, at, actor_kind, actor_id, payload FROM events \
             WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(session.to_string())
        .bind(after)
        .bind(limit)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(event_from)
        .collect()
    }

    /// Everything the live views show, read in one consistent snapshot.
    pub async fn live_data(&self, id: SessionId) -> Result<Option<LiveData>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_read()).await?;
        let Some(session) = load_session(&mut tx, id, "").await? else {
            return Ok(None);
        };
        let agenda = load_agenda(&mut tx, id).await?;
        let tables = load_tables(&mut tx, id).await?;
        let counts_row = sqlx::query(
            "SELECT COALESCE(SUM(CASE WHEN table_id IS NULL THEN 1 ELSE 0 END), 0) AS phones, \
             COALESCE(SUM(CASE WHEN table_id IS NULL THEN 0 ELSE 1 END), 0) AS tablets \
             FROM participants WHERE session_id = $1",
        )
        .bind(id.to_string())
        .fetch_one(&mut *tx)
        .await?;
        let counts = Counts {
            phones: counts_row.try_get("phones")?,
            tablets: counts_row.try_get("tablets")?,
        };
        let answer_counts = sqlx::query(
            "SELECT activity_id, COUNT(*) AS n FROM responses WHERE session_id = $1 GROUP BY activity_id",
        )
        .bind(id.to_string())
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| Ok((parse_id(&r.try_get::<String, _>("activity_id")?)?, r.try_get("n")?)))
        .collect::<Result<HashMap<_, _>, StoreError>>()?;
        // For lists, the count is the number of items on them.
        let mut answer_counts = answer_counts;
        for r in sqlx::query(
            "SELECT activity_id, COUNT(*) AS n FROM items WHERE session_id = $1              AND status IN ('visible', 'answered') GROUP BY activity_id",
        )
        .bind(id.to_string())
        .fetch_all(&mut *tx)
        .await?
        {
            answer_counts.insert(parse_id(&r.try_get::<String, _>("activity_id")?)?, r.try_get("n")?);
        }
        let current = session.current.and_then(|a| agenda.activity(a));
        // A vote's ballots are read with their voters' organisation types
        // (for the breakdown); the answers are the same rows.
        let (current_answers, ballots_by_org) = match current {
            Some(a) if matches!(a.def.kind, ActivityKind::Prioritise { .. }) => {
                let ballots = load_ballots_by_org(&mut tx, a.id).await?;
                (ballots.iter().map(|(_, b)| b.clone()).collect(), ballots)
            }
            Some(a) => (load_answers(&mut tx, a.id).await?, Vec::new()),
            None => (Vec::new(), Vec::new()),
        };
        let (items, doc, leaderboard) = match current {
            Some(a) => {
                let item_source = match a.def.kind {
                    ActivityKind::Categorise { source } => Some(source),
                    _ if a.def.kind.takes_items() => Some(a.id),
                    _ => None,
                };
                let items = match item_source {
                    Some(s) => crate::list_reads::load_items(&mut tx, s).await?,
                    None => Vec::new(),
                };
                let doc = crate::commands::load_doc(&mut tx, a.id).await?;
                let leaderboard = if a.revealed && a.def.kind.scored() {
                    let all: Vec<&Activity> = agenda.activities.iter().collect();
                    crate::list_reads::load_leaderboard(&mut tx, id, &all).await?
                } else {
                    Vec::new()
                };
                (items, doc, leaderboard)
            }
            None => Default::default(),
        };
        // Categories link to the inventory's results; action lists show them.
        let results = match current.map(|a| &a.def.kind) {
            Some(ActivityKind::Categorise { .. } | ActivityKind::Actions { .. }) => {
                crate::inventory::result_titles(&mut tx, session.workspace_id).await?
            }
            _ => Vec::new(),
        };
        let matrix_shown = matches!(
            current.map(|a| &a.def.kind),
            Some(ActivityKind::Matrix { .. })
        );
        tx.commit().await?;
        // A matrix activity shows the inventory as it is now; frames are
        // rendered on every join, so the read one is shared while unchanged.
        let inventory = if matrix_shown {
            Some(self.inventory_shared(session.workspace_id).await?.1)
        } else {
            None
        };
        Ok(Some(LiveData {
            seq: session.last_seq,
            session,
            agenda,
            tables,
            counts,
            answer_counts,
            current_answers,
            items,
            doc,
            leaderboard,
            ballots_by_org,
            results,
            inventory,
        }))
    }
}

async fn load_ballots_by_org(
    conn: &mut AnyConnection,
    activity: ActivityId,
) -> Result<Vec<(Option<String>, Answer)>, StoreError> {
    sqlx::query(
        "SELECT p.org_type, r.answer FROM responses r \
         LEFT JOIN participants p ON p.id = r.respondent_id \
         WHERE r.activity_id = $1 ORDER BY r.seq",
    )
    .bind(activity.to_string())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get::<Option<String>, _>("org_type")?,
            parse_json::<Answer>(&r.try_get::<String, _>("answer")?)?,
        ))
    })
    .collect()
}
