//! The inventory as last read, per workspace, kept until its version moves.
//! Reading and parsing 5,000 activities takes about 100 ms; checking the
//! version is one indexed row. Every change raises the version in its own
//! transaction ([`bump`]), and a read takes the version and the records in
//! one read transaction, so a cached inventory is never served for a
//! version it does not belong to — on any app node, since the version is in
//! the database.

use crate::error::StoreError;
use crate::{Store, inventory};
use koers_core::ids::WorkspaceId;
use koers_core::inventory::Inventory;
use sqlx::{Any, Connection, Row, Transaction};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Inventories by workspace, with the version each was read at.
#[derive(Default)]
pub(crate) struct Cache {
    entries: Mutex<HashMap<WorkspaceId, (i64, Arc<Inventory>)>>,
}

impl Cache {
    fn get(&self, workspace: WorkspaceId, version: i64) -> Option<Arc<Inventory>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&workspace)
            .filter(|(v, _)| *v == version)
            .map(|(_, inv)| inv.clone())
    }

    fn put(&self, workspace: WorkspaceId, version: i64, inv: Arc<Inventory>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.insert(workspace, (version, inv));
    }
}

/// Raises the workspace's inventory version (inside a change's transaction).
pub(crate) async fn bump(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO inventory_versions (workspace_id, version) VALUES ($1, 1) \
         ON CONFLICT (workspace_id) DO UPDATE SET version = inventory_versions.version + 1",
    )
    .bind(workspace.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn version(tx: &mut Transaction<'_, Any>, workspace: WorkspaceId) -> Result<i64, StoreError> {
    let row = sqlx::query("SELECT version FROM inventory_versions WHERE workspace_id = $1")
        .bind(workspace.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(r) => r.try_get("version")?,
        None => 0,
    })
}

impl Store {
    /// A workspace's whole inventory for reading, shared: the one read last
    /// while nothing changed, else read anew. With its version, which
    /// changes whenever the inventory does (for caches of what is computed
    /// from it).
    pub async fn inventory_shared(
        &self,
        workspace: WorkspaceId,
    ) -> Result<(i64, Arc<Inventory>), StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_read()).await?;
        let v = version(&mut tx, workspace).await?;
        if let Some(inv) = self.inventory_cache().get(workspace, v) {
            tx.commit().await?;
            return Ok((v, inv));
        }
        let inv = Arc::new(inventory::load(&mut tx, workspace).await?);
        tx.commit().await?;
        self.inventory_cache().put(workspace, v, inv.clone());
        Ok((v, inv))
    }
}
