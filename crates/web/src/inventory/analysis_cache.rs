//! The inventory's analysis, computed once per inventory version: it is a
//! pure function of the inventory, costs about a hundred milliseconds for
//! 5,000 activities, and a policy officer reads it many times between
//! changes (the page, the report, again in the meeting).

use crate::error::AppError;
use crate::state::AppState;
use koers_core::ids::WorkspaceId;
use koers_core::inventory::Inventory;
use koers_core::inventory::analysis::{Analysis, analyse};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// An analysis with the inventory version it was computed from.
type Entry = (i64, Arc<Analysis>);

/// The analyses computed last, by workspace and year, each with the
/// inventory version it was computed from: the analysis is a pure function
/// of the inventory, and a policy officer reads it many times between
/// changes.
#[derive(Debug, Default)]
pub(crate) struct Analyses {
    entries: Mutex<HashMap<(WorkspaceId, i16), Entry>>,
}

/// Most analyses kept at once.
const MAX_ANALYSES: usize = 64;

/// The workspace's inventory and its analysis for `year`, computed once per
/// inventory version (off the async workers: it is CPU work).
pub(crate) async fn analysis_of(
    state: &AppState,
    workspace: WorkspaceId,
    year: i16,
) -> Result<(Arc<Inventory>, Arc<Analysis>), AppError> {
    let (version, inv) = state.store().inventory_shared(workspace).await?;
    let key = (workspace, year);
    let cached = {
        let entries = state
            .analyses()
            .entries
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        entries
            .get(&key)
            .filter(|(v, _)| *v == version)
            .map(|(_, a)| a.clone())
    };
    if let Some(a) = cached {
        return Ok((inv, a));
    }
    let for_analysis = inv.clone();
    let a = tokio::task::spawn_blocking(move || Arc::new(analyse(&for_analysis, year)))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut entries = state
        .analyses()
        .entries
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    // Bounded: stale versions go, and a few dozen years or workspaces at most.
    entries.retain(|(w, _), (v, _)| *w != workspace || *v == version);
    if entries.len() >= MAX_ANALYSES {
        entries.clear();
    }
    entries.insert(key, (version, a.clone()));
    Ok((inv, a))
}
