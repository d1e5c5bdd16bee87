//! The inventory's change log: for every write, who, when, on which record,
//! and each top-level field before and after. Kept apart from the audit log
//! because partners read it too (the history of their own activities).

use crate::Store;
use crate::error::StoreError;
use crate::inventory::Editor;
use crate::util::{now_ms, parse_json, parse_opt_id, to_json};
use koers_core::ids::{UserId, WorkspaceId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::{Any, Row, Transaction};

/// One field's change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The field (as in the record's JSON: `name`, `level`, `providers`, …).
    pub field: String,
    /// Its value before (`null`: it had none, or the record is new).
    pub before: Value,
    /// Its value after (`null`: removed, or the record was deleted).
    pub after: Value,
}

/// One entry of the change log.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeEntry {
    /// When (ms since the Unix epoch).
    pub at: i64,
    /// The account (gone when it was deleted since).
    pub user_id: Option<UserId>,
    /// Its name at the time.
    pub user_name: String,
    /// `partner`, `result`, `offer` or `list`.
    pub record_kind: String,
    /// The record's id (a list's kind for lists).
    pub record_id: String,
    /// Its name at the time.
    pub record_name: String,
    /// `created`, `updated` or `deleted`.
    pub action: String,
    /// The fields that changed.
    pub changes: Vec<FieldChange>,
}

/// An entry to write.
pub(crate) struct LogEntry<'a> {
    kind: &'a str,
    id: &'a str,
    name: &'a str,
    action: &'a str,
    changes: Vec<FieldChange>,
}

impl<'a> LogEntry<'a> {
    pub(crate) fn new(
        kind: &'a str,
        id: &'a str,
        name: &'a str,
        action: &'a str,
        before: Option<&Value>,
        after: Option<&Value>,
    ) -> LogEntry<'a> {
        LogEntry {
            kind,
            id,
            name,
            action,
            changes: diff(before, after),
        }
    }
}

/// The top-level fields that differ between two records.
pub fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut fields: Vec<&String> = b.keys().chain(a.keys()).collect();
    fields.sort();
    fields.dedup();
    fields
        .into_iter()
        .filter(|f| f.as_str() != "id")
        .filter_map(|f| {
            let old = b.get(f).cloned().unwrap_or(Value::Null);
            let new = a.get(f).cloned().unwrap_or(Value::Null);
            (old != new).then(|| FieldChange {
                field: f.clone(),
                before: old,
                after: new,
            })
        })
        .collect()
}

pub(crate) async fn record(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    by: &Editor,
    e: LogEntry<'_>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO inventory_changes (id, workspace_id, at, user_id, user_name, record_kind, \
         record_id, record_name, action, changes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(workspace.to_string())
    .bind(now_ms())
    .bind(by.user.to_string())
    .bind(&by.name)
    .bind(e.kind)
    .bind(e.id)
    .bind(e.name)
    .bind(e.action)
    .bind(to_json(&e.changes)?)
    .execute(&mut **tx)
    .await?;
    // Every change passes here: the version readers cache by moves with it,
    // in the same transaction.
    crate::inventory_cache::bump(tx, workspace).await
}

impl Store {
    /// The newest changes of a workspace's inventory, or of one record.
    pub async fn inventory_changes(
        &self,
        workspace: WorkspaceId,
        record: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ChangeEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT at, user_id, user_name, record_kind, record_id, record_name, action, changes \
             FROM inventory_changes WHERE workspace_id = $1 AND ($2 = '' OR record_id = $2) \
             ORDER BY at DESC, id DESC LIMIT $3",
        )
        .bind(workspace.to_string())
        .bind(record.unwrap_or(""))
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ChangeEntry {
                    at: r.try_get("at")?,
                    user_id: parse_opt_id(r.try_get::<Option<String>, _>("user_id")?.as_deref())?,
                    user_name: r.try_get("user_name")?,
                    record_kind: r.try_get("record_kind")?,
                    record_id: r.try_get("record_id")?,
                    record_name: r.try_get("record_name")?,
                    action: r.try_get("action")?,
                    changes: parse_json(&r.try_get::<String, _>("changes")?)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_changed_fields_are_logged_and_the_id_never() {
        let before = json!({"id": "1", "name": "A", "reach": 10, "themes": ["x"]});
        let after =
            json!({"id": "1", "name": "A", "reach": 12, "themes": ["x", "y"], "funding": "S"});
        let d = diff(Some(&before), Some(&after));
        let fields: Vec<_> = d.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["funding", "reach", "themes"]);
        assert_eq!(d[1].before, json!(10));
        assert_eq!(d[1].after, json!(12));
        assert_eq!(diff(None, Some(&after)).len(), 4);
        assert!(diff(Some(&before), Some(&before)).is_empty());
    }
}
