//! Reading items, marks, activity documents and the quiz leaderboard.

use crate::Store;
use crate::error::StoreError;
use crate::util::{parse_id, parse_json, parse_opt_id};
use koers_core::activity::{Activity, ActivityKind};
use koers_core::answer::Answer;
use koers_core::doc::ActivityDoc;
use koers_core::event::Respondent;
use koers_core::ids::{ActivityId, SessionId};
use koers_core::items::{Item, ItemDraft, ItemStatus};
use koers_core::quiz::{Standing, leaderboard, nickname, score};
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// How many places the quiz leaderboard shows.
pub const LEADERBOARD_SIZE: usize = 5;

/// Every item of an activity, oldest first, whatever its status (views
/// decide what to show; the report lists hidden and merged items too).
pub(crate) async fn load_items(
    conn: &mut AnyConnection,
    activity: ActivityId,
) -> Result<Vec<Item>, StoreError> {
    let rows = sqlx::query(
        "SELECT i.id, i.activity_id, i.author_kind, i.author_id, i.text, i.detail, i.status, \
         i.merged_into, i.created_at, t.name AS table_name, p.display_name, \
         (SELECT COUNT(*) FROM item_marks m WHERE m.item_id = i.id) AS marks \
         FROM items i \
         LEFT JOIN session_tables t ON i.author_kind = 'table' AND t.id = i.author_id \
         LEFT JOIN participants p ON i.author_kind = 'participant' AND p.id = i.author_id \
         WHERE i.activity_id = $1 ORDER BY i.created_at, i.id",
    )
    .bind(activity.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let mut orgs: HashMap<String, Vec<String>> = HashMap::new();
    for r in sqlx::query(
        "SELECT m.item_id, m.org_type FROM item_marks m JOIN items i ON i.id = m.item_id \
         WHERE i.activity_id = $1 AND m.kind = 'commit' ORDER BY m.at",
    )
    .bind(activity.to_string())
    .fetch_all(&mut *conn)
    .await?
    {
        let org: Option<String> = r.try_get("org_type")?;
        orgs.entry(r.try_get("item_id")?)
            .or_default()
            .push(org.unwrap_or_default());
    }
    rows.iter()
        .map(|r| {
            let id: String = r.try_get("id")?;
            let kind: Option<String> = r.try_get("author_kind")?;
            let author_id: Option<String> = r.try_get("author_id")?;
            let author = match (kind.as_deref(), author_id.as_deref()) {
                (Some("table"), Some(t)) => Some(Respondent::Table(parse_id(t)?)),
                (Some("participant"), Some(p)) => Some(Respondent::Participant(parse_id(p)?)),
                _ => None,
            };
            let table_name: Option<String> = r.try_get("table_name")?;
            let display_name: Option<String> = r.try_get("display_name")?;
            let status: String = r.try_get("status")?;
            Ok(Item {
                id: parse_id(&id)?,
                activity_id: parse_id(&r.try_get::<String, _>("activity_id")?)?,
                author,
                author_label: table_name.or(display_name),
                draft: ItemDraft {
                    text: r.try_get("text")?,
                    detail: parse_json(&r.try_get::<String, _>("detail")?)?,
                },
                status: ItemStatus::parse(&status)
                    .ok_or_else(|| StoreError::corrupt("item status"))?,
                merged_into: parse_opt_id(
                    r.try_get::<Option<String>, _>("merged_into")?.as_deref(),
                )?,
                marks: r.try_get("marks")?,
                committed_orgs: orgs.remove(&id).unwrap_or_default(),
                created_ms: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// The quiz leaderboard over the scored questions revealed so far.
pub(crate) async fn load_leaderboard(
    conn: &mut AnyConnection,
    session: SessionId,
    activities: &[&Activity],
) -> Result<Vec<Standing>, StoreError> {
    let kinds: HashMap<String, &ActivityKind> = activities
        .iter()
        .filter(|a| a.revealed && a.def.kind.scored())
        .map(|a| (a.id.to_string(), &a.def.kind))
        .collect();
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    let mut totals: HashMap<String, u32> = HashMap::new();
    for r in sqlx::query(
        "SELECT r.activity_id, r.respondent_id, r.answer FROM responses r \
         JOIN activities a ON a.id = r.activity_id \
         WHERE r.session_id = $1 AND a.revealed = 1 AND a.kind IN ('quiz', 'estimate')",
    )
    .bind(session.to_string())
    .fetch_all(&mut *conn)
    .await?
    {
        let activity: String = r.try_get("activity_id")?;
        let Some(kind) = kinds.get(&activity) else {
            continue;
        };
        let answer: Answer = parse_json(&r.try_get::<String, _>("answer")?)?;
        *totals.entry(r.try_get("respondent_id")?).or_default() += score(kind, &answer);
    }
    let named = totals
        .into_iter()
        .filter_map(|(id, points)| {
            let uuid = uuid::Uuid::parse_str(&id).ok()?;
            Some((nickname(&uuid), points))
        })
        .collect();
    Ok(leaderboard(named, LEADERBOARD_SIZE))
}

impl Store {
    /// Every item of an activity, oldest first (all statuses).
    pub async fn items(&self, activity: ActivityId) -> Result<Vec<Item>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_items(&mut conn, activity).await
    }

    /// An activity's document (board, frozen list, timer).
    pub async fn activity_doc(&self, activity: ActivityId) -> Result<ActivityDoc, StoreError> {
        let mut conn = self.pool().acquire().await?;
        crate::commands::load_doc(&mut conn, activity).await
    }

    /// The ids of the items a respondent added to an activity (what a phone
    /// may edit or withdraw) and the items a participant marked.
    pub async fn own_items(
        &self,
        activity: ActivityId,
        respondent: &Respondent,
        participant: koers_core::ids::ParticipantId,
    ) -> Result<(Vec<String>, Vec<String>), StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mine = sqlx::query(
            "SELECT id FROM items WHERE activity_id = $1 AND author_id = $2 \
             AND status NOT IN ('withdrawn', 'merged') ORDER BY created_at",
        )
        .bind(activity.to_string())
        .bind(respondent.id_string())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<Vec<String>, _>>()?;
        let marked = sqlx::query(
            "SELECT m.item_id FROM item_marks m JOIN items i ON i.id = m.item_id \
             WHERE i.activity_id = $1 AND m.participant_id = $2",
        )
        .bind(activity.to_string())
        .bind(participant.to_string())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get("item_id"))
        .collect::<Result<Vec<String>, _>>()?;
        Ok((mine, marked))
    }
}
