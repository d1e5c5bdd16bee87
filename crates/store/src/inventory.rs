//! The prevention inventory's storage: a workspace's partners, societal
//! results and activities (each a validated record from
//! [`koers_core::inventory`], kept as JSON), its lists, and the change log.
//!
//! Who may change what is decided here, inside the transaction that writes:
//! staff change everything in their workspace; a partner's contact person
//! ([`Editor::partner`]) only activities its partner provides, and cannot
//! give an activity away to other providers only. Every write records a
//! change entry with each field before and after.

use crate::Store;
use crate::error::{ExecError, StoreError};
use crate::inventory_log::{self, LogEntry};
use crate::util::{now_ms, parse_json, to_json};
use koers_core::DomainError;
use koers_core::ids::{OfferId, PartnerId, ResultId, UserId, WorkspaceId};
use koers_core::inventory::lists::fold;
use koers_core::inventory::{Inventory, ListItem, ListKind, Lists, Offer, Partner, SocietalResult};
use sqlx::any::AnyRow;
use sqlx::{Any, Connection, Row, Transaction};

/// Who makes a change, as the change log and the permission checks see it.
#[derive(Clone, Debug)]
pub struct Editor {
    /// The account.
    pub user: UserId,
    /// Its name, copied into the log.
    pub name: String,
    /// For a partner's contact person: the partner it speaks for. `None`: staff.
    pub partner: Option<PartnerId>,
}

/// One kind of inventory record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    /// A partner.
    Partner,
    /// A societal result.
    Result,
    /// An activity.
    Offer,
}

impl RecordKind {
    /// Stable name as stored.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Partner => "partner",
            RecordKind::Result => "result",
            RecordKind::Offer => "offer",
        }
    }
}

/// A record to write: its kind, id, name and JSON.
pub(crate) struct Record {
    kind: RecordKind,
    id: String,
    name: String,
    data: serde_json::Value,
}

impl Record {
    fn of<T: serde::Serialize>(
        kind: RecordKind,
        id: String,
        name: &str,
        value: &T,
    ) -> Result<Record, StoreError> {
        Ok(Record {
            kind,
            id,
            name: name.to_string(),
            data: serde_json::to_value(value).map_err(|e| StoreError::corrupt(e.to_string()))?,
        })
    }

    pub(crate) fn partner(p: &Partner) -> Result<Record, StoreError> {
        Record::of(RecordKind::Partner, p.id.to_string(), &p.name, p)
    }

    pub(crate) fn result(r: &SocietalResult) -> Result<Record, StoreError> {
        Record::of(RecordKind::Result, r.id.to_string(), &r.title, r)
    }

    pub(crate) fn offer(o: &Offer) -> Result<Record, StoreError> {
        Record::of(RecordKind::Offer, o.id.to_string(), &o.name, o)
    }
}

/// A change to apply in one transaction (an import applies many).
#[derive(Clone, Debug)]
pub enum Write {
    /// Create or replace a partner.
    Partner(Partner),
    /// Create or replace a result.
    Result(SocietalResult),
    /// Create or replace an activity.
    Offer(Offer),
}

impl Store {
    /// A workspace's whole inventory: lists, partners (by name), results (in
    /// their order) and activities (by name).
    pub async fn inventory(&self, workspace: WorkspaceId) -> Result<Inventory, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_read()).await?;
        let inv = load(&mut tx, workspace).await?;
        tx.commit().await?;
        Ok(inv)
    }

    /// A workspace's societal results as (id, title), in their order.
    pub async fn result_titles(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<(ResultId, String)>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        result_titles(&mut conn, workspace).await
    }

    /// A workspace's lists (defaults where it has none of its own).
    pub async fn inventory_lists(&self, workspace: WorkspaceId) -> Result<Lists, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_lists(&mut *conn, workspace).await
    }

    /// Replaces one list. Staff only (the web layer checks the role).
    pub async fn save_inventory_list(
        &self,
        workspace: WorkspaceId,
        kind: ListKind,
        items: &[ListItem],
        by: &Editor,
    ) -> Result<(), ExecError> {
        if by.partner.is_some() {
            return Err(DomainError::NotYours.into());
        }
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let before = load_lists(&mut *tx, workspace).await?;
        sqlx::query("DELETE FROM inventory_lists WHERE workspace_id = $1 AND kind = $2")
            .bind(workspace.to_string())
            .bind(kind.name())
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO inventory_lists (workspace_id, kind, items) VALUES ($1, $2, $3)")
            .bind(workspace.to_string())
            .bind(kind.name())
            .bind(to_json(&items)?)
            .execute(&mut *tx)
            .await?;
        let old = serde_json::json!({ "items": before.get(kind) });
        let new = serde_json::json!({ "items": items });
        inventory_log::record(
            &mut tx,
            workspace,
            by,
            LogEntry::new(
                "list",
                kind.name(),
                kind.name(),
                "updated",
                Some(&old),
                Some(&new),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Creates or replaces records in one transaction, all or nothing, with a
    /// change entry per record that changed. A partner's contact person may
    /// only write activities (see [`Store::save_offer`]'s rules).
    pub async fn write_inventory(
        &self,
        workspace: WorkspaceId,
        writes: &[Write],
        by: &Editor,
    ) -> Result<usize, ExecError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let changed = write_all(&mut tx, self.dialect(), workspace, writes, by).await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// Creates or replaces one partner (staff only).
    pub async fn save_partner(
        &self,
        workspace: WorkspaceId,
        p: &Partner,
        by: &Editor,
    ) -> Result<(), ExecError> {
        self.write_inventory(workspace, &[Write::Partner(p.clone())], by)
            .await
            .map(|_| ())
    }

    /// Creates or replaces one result (staff only).
    pub async fn save_result(
        &self,
        workspace: WorkspaceId,
        r: &SocietalResult,
        by: &Editor,
    ) -> Result<(), ExecError> {
        self.write_inventory(workspace, &[Write::Result(r.clone())], by)
            .await
            .map(|_| ())
    }

    /// Creates or replaces one activity. A partner's contact person may
    /// create activities it provides and change those it provides, and must
    /// stay among the providers.
    pub async fn save_offer(
        &self,
        workspace: WorkspaceId,
        o: &Offer,
        by: &Editor,
    ) -> Result<(), ExecError> {
        self.write_inventory(workspace, &[Write::Offer(o.clone())], by)
            .await
            .map(|_| ())
    }

    /// Deletes a partner, a result or an activity. A partner or result still
    /// referred to by activities is refused ([`DomainError::InUse`]); a
    /// partner's contact person may delete only activities it alone provides.
    /// `false`: no such record in the workspace.
    pub async fn delete_inventory_record(
        &self,
        workspace: WorkspaceId,
        kind: RecordKind,
        id: &str,
        by: &Editor,
    ) -> Result<bool, ExecError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let lock = self.dialect().for_update();
        let Some(before) = current(&mut tx, lock, workspace, kind, id).await? else {
            return Ok(false);
        };
        match (by.partner, kind) {
            (None, _) => {}
            (Some(p), RecordKind::Offer) => {
                let offer: Offer = from_value(&before)?;
                if offer.providers != [p] {
                    return Err(DomainError::NotYours.into());
                }
            }
            (Some(_), _) => return Err(DomainError::NotYours.into()),
        }
        if kind != RecordKind::Offer {
            let users = count_uses(&mut tx, workspace, kind, id).await?;
            if users > 0 {
                return Err(DomainError::InUse { count: users }.into());
            }
        }
        let name = before
            .get("name")
            .or_else(|| before.get("title"))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        sqlx::query("DELETE FROM inventory_records WHERE id = $1 AND workspace_id = $2")
            .bind(id)
            .bind(workspace.to_string())
            .execute(&mut *tx)
            .await?;
        if kind == RecordKind::Partner {
            // Its register's people and conversations stay, unattached.
            crate::register::forget_partner(&mut tx, workspace, id).await?;
            // Its contact persons' accounts go with it: they spoke for it only.
            sqlx::query("DELETE FROM users WHERE partner_id = $1 AND workspace_id = $2")
                .bind(id)
                .bind(workspace.to_string())
                .execute(&mut *tx)
                .await?;
        }
        inventory_log::record(
            &mut tx,
            workspace,
            by,
            LogEntry::new(kind.name(), id, &name, "deleted", Some(&before), None),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A partner by id, in its workspace.
    pub async fn partner(
        &self,
        workspace: WorkspaceId,
        id: PartnerId,
    ) -> Result<Option<Partner>, StoreError> {
        self.record(workspace, RecordKind::Partner, &id.to_string())
            .await
    }

    /// A result by id, in its workspace.
    pub async fn societal_result(
        &self,
        workspace: WorkspaceId,
        id: ResultId,
    ) -> Result<Option<SocietalResult>, StoreError> {
        self.record(workspace, RecordKind::Result, &id.to_string())
            .await
    }

    /// An activity by id, in its workspace.
    pub async fn offer(
        &self,
        workspace: WorkspaceId,
        id: OfferId,
    ) -> Result<Option<Offer>, StoreError> {
        self.record(workspace, RecordKind::Offer, &id.to_string())
            .await
    }

    async fn record<T: serde::de::DeserializeOwned>(
        &self,
        workspace: WorkspaceId,
        kind: RecordKind,
        id: &str,
    ) -> Result<Option<T>, StoreError> {
        let row = sqlx::query(
            "SELECT data FROM inventory_records WHERE id = $1 AND workspace_id = $2 AND kind = $3",
        )
        .bind(id)
        .bind(workspace.to_string())
        .bind(kind.name())
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| parse_json(&r.try_get::<String, _>("data")?))
            .transpose()
    }
}

/// Writes records inside `tx`, checking who may, logging each change, and
/// checking every reference at the end. Returns the records that changed.
pub(crate) async fn write_all(
    tx: &mut Transaction<'_, Any>,
    dialect: crate::Dialect,
    workspace: WorkspaceId,
    writes: &[Write],
    by: &Editor,
) -> Result<usize, ExecError> {
    let lock = dialect.for_update();
    let mut changed = 0;
    for w in writes {
        let record = match w {
            Write::Partner(p) => Record::partner(p)?,
            Write::Result(r) => Record::result(r)?,
            Write::Offer(o) => Record::offer(o)?,
        };
        if by.partner.is_some() && record.kind != RecordKind::Offer {
            return Err(DomainError::NotYours.into());
        }
        let before = current(tx, lock, workspace, record.kind, &record.id).await?;
        if let (Some(p), Write::Offer(new)) = (by.partner, w) {
            let was_theirs = match &before {
                None => true,
                Some(old) => provides(old, p),
            };
            if !was_theirs || !new.providers.contains(&p) {
                return Err(DomainError::NotYours.into());
            }
        }
        if before.as_ref() == Some(&record.data) {
            continue;
        }
        upsert(tx, workspace, &record, before.is_some(), by).await?;
        let action = if before.is_some() {
            "updated"
        } else {
            "created"
        };
        inventory_log::record(
            tx,
            workspace,
            by,
            LogEntry::new(
                record.kind.name(),
                &record.id,
                &record.name,
                action,
                before.as_ref(),
                Some(&record.data),
            ),
        )
        .await?;
        changed += 1;
    }
    check_references(tx, workspace).await?;
    Ok(changed)
}

/// A workspace's societal results as (id, title), in their order.
pub(crate) async fn result_titles(
    conn: &mut sqlx::AnyConnection,
    workspace: WorkspaceId,
) -> Result<Vec<(ResultId, String)>, StoreError> {
    sqlx::query(
        "SELECT id, name FROM inventory_records WHERE workspace_id = $1 AND kind = 'result' \
         ORDER BY position, id",
    )
    .bind(workspace.to_string())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok((
            crate::util::parse_id(&r.try_get::<String, _>("id")?)?,
            r.try_get("name")?,
        ))
    })
    .collect()
}

fn from_value<T: serde::de::DeserializeOwned>(v: &serde_json::Value) -> Result<T, StoreError> {
    T::deserialize(v).map_err(|e| StoreError::corrupt(format!("inventory record: {e}")))
}

fn provides(offer: &serde_json::Value, partner: PartnerId) -> bool {
    let id = partner.to_string();
    offer
        .get("providers")
        .and_then(|p| p.as_array())
        .is_some_and(|ps| ps.iter().any(|p| p.as_str() == Some(id.as_str())))
}

async fn current(
    tx: &mut Transaction<'_, Any>,
    lock: &'static str,
    workspace: WorkspaceId,
    kind: RecordKind,
    id: &str,
) -> Result<Option<serde_json::Value>, StoreError> {
    let sql = format!(
        "SELECT kind, data FROM inventory_records WHERE id = $1 AND workspace_id = $2{lock}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .bind(workspace.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let stored: String = row.try_get("kind")?;
    if stored != kind.name() {
        // The same id as a record of another kind: never overwrite that.
        return Err(StoreError::Duplicate("inventory id"));
    }
    Ok(Some(parse_json(&row.try_get::<String, _>("data")?)?))
}

async fn upsert(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    r: &Record,
    exists: bool,
    by: &Editor,
) -> Result<(), StoreError> {
    let data = to_json(&r.data)?;
    let done = if exists {
        sqlx::query(
            "UPDATE inventory_records SET name = $1, name_key = $2, data = $3, updated_at = $4, \
             updated_by = $5 WHERE id = $6 AND workspace_id = $7",
        )
        .bind(&r.name)
        .bind(fold(&r.name))
        .bind(&data)
        .bind(now_ms())
        .bind(by.user.to_string())
        .bind(&r.id)
        .bind(workspace.to_string())
        .execute(&mut **tx)
        .await
    } else {
        sqlx::query(
            "INSERT INTO inventory_records (id, workspace_id, kind, name, name_key, position, data, \
             updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, \
             (SELECT COALESCE(MAX(position), 0) + 1 FROM inventory_records WHERE workspace_id = $2), \
             $6, $7, $8)",
        )
        .bind(&r.id)
        .bind(workspace.to_string())
        .bind(r.kind.name())
        .bind(&r.name)
        .bind(fold(&r.name))
        .bind(&data)
        .bind(now_ms())
        .bind(by.user.to_string())
        .execute(&mut **tx)
        .await
    };
    done.map_err(|e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::Duplicate(match r.kind {
                RecordKind::Partner => "partner",
                RecordKind::Result => "result",
                RecordKind::Offer => "inventory id",
            })
        } else {
            e.into()
        }
    })?;
    Ok(())
}

/// Activities refer to partners and results that must exist in the same
/// workspace; checked after a batch of writes, so an import may bring a
/// partner and its activities together.
async fn check_references(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
) -> Result<(), ExecError> {
    let inv = load(tx, workspace).await?;
    for o in &inv.offers {
        let partners_ok = o.providers.iter().all(|p| inv.partner(*p).is_some());
        let results_ok = o.results.iter().all(|l| inv.result(l.result).is_some());
        if !partners_ok || !results_ok || o.providers.is_empty() {
            return Err(DomainError::NotFound.into());
        }
    }
    Ok(())
}

async fn count_uses(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    kind: RecordKind,
    id: &str,
) -> Result<usize, StoreError> {
    let inv = load(tx, workspace).await?;
    Ok(inv
        .offers
        .iter()
        .filter(|o| match kind {
            RecordKind::Partner => o.providers.iter().any(|p| p.to_string() == id),
            RecordKind::Result => o.results.iter().any(|l| l.result.to_string() == id),
            RecordKind::Offer => false,
        })
        .count())
}

pub(crate) async fn load(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
) -> Result<Inventory, StoreError> {
    let lists = load_lists(&mut **tx, workspace).await?;
    let rows = sqlx::query(
        "SELECT kind, data FROM inventory_records WHERE workspace_id = $1 ORDER BY position, id",
    )
    .bind(workspace.to_string())
    .fetch_all(&mut **tx)
    .await?;
    let mut inv = Inventory {
        lists,
        ..Inventory::default()
    };
    for row in &rows {
        push(&mut inv, row)?;
    }
    // Folding a name normalises it: once per record, not per comparison.
    inv.partners.sort_by_cached_key(|p| fold(&p.name));
    inv.offers.sort_by_cached_key(|o| (fold(&o.name), o.id));
    Ok(inv)
}

fn push(inv: &mut Inventory, row: &AnyRow) -> Result<(), StoreError> {
    let kind: String = row.try_get("kind")?;
    let data: String = row.try_get("data")?;
    match kind.as_str() {
        "partner" => inv.partners.push(parse_json(&data)?),
        "result" => inv.results.push(parse_json(&data)?),
        "offer" => inv.offers.push(parse_json(&data)?),
        other => return Err(StoreError::corrupt(format!("inventory kind {other:?}"))),
    }
    Ok(())
}

async fn load_lists<'c, E>(conn: E, workspace: WorkspaceId) -> Result<Lists, StoreError>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let rows = sqlx::query("SELECT kind, items FROM inventory_lists WHERE workspace_id = $1")
        .bind(workspace.to_string())
        .fetch_all(conn)
        .await?;
    let mut lists = Lists::default();
    for row in &rows {
        let kind: String = row.try_get("kind")?;
        let Some(kind) = ListKind::parse(&kind) else {
            return Err(StoreError::corrupt(format!("list kind {kind:?}")));
        };
        *lists.get_mut(kind) = parse_json(&row.try_get::<String, _>("items")?)?;
    }
    Ok(lists)
}
