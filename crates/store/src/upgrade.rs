//! Data upgrades that SQL migrations cannot express, run when the store
//! opens, right after the migrations and before anything is served. Each is
//! idempotent, and safe when several app nodes open the same PostgreSQL
//! database at once.

use crate::error::StoreError;
use crate::util::{parse_json, to_json};
use koers_core::board::Board;
use koers_core::doc::ActivityDoc;
use sqlx::{AnyPool, Row};

/// Runs every upgrade.
pub(crate) async fn run(pool: &AnyPool) -> Result<(), StoreError> {
    board_history_to_undo(pool).await
}

/// Migration 0004 replaced the whole earlier boards of `board_history` by the
/// undo records of `board_undo`. This turns the rows of a database written
/// before it into undo records, so undo goes on exactly where it was.
async fn board_history_to_undo(pool: &AnyPool) -> Result<(), StoreError> {
    let activities: Vec<String> = sqlx::query("SELECT DISTINCT activity_id FROM board_history")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| r.try_get("activity_id"))
        .collect::<Result<_, _>>()?;
    for activity in activities {
        let mut tx = pool.begin().await?;
        // Deleting first claims the rows: a node converting at the same
        // moment waits for this transaction and then finds none.
        let mut history: Vec<(i64, Board)> =
            sqlx::query("DELETE FROM board_history WHERE activity_id = $1 RETURNING version, doc")
                .bind(&activity)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| {
                    Ok((
                        r.try_get("version")?,
                        parse_json(&r.try_get::<String, _>("doc")?)?,
                    ))
                })
                .collect::<Result<_, StoreError>>()?;
        if history.is_empty() {
            continue;
        }
        history.sort_by_key(|(version, _)| *version);
        let current = match sqlx::query("SELECT doc FROM activity_docs WHERE activity_id = $1")
            .bind(&activity)
            .fetch_optional(&mut *tx)
            .await?
        {
            Some(r) => parse_json::<ActivityDoc>(&r.try_get::<String, _>("doc")?)?.board,
            None => Board::default(),
        };
        // Undo records written since (only possible if a node of the new
        // version served before this ran) are newer than every old board:
        // the old ones go below them, and the last old step ended in the
        // board those records lead back to.
        let newer: Vec<(i64, String)> = sqlx::query(
            "SELECT version, undo FROM board_undo WHERE activity_id = $1 ORDER BY version DESC",
        )
        .bind(&activity)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("version")?, r.try_get("undo")?)))
        .collect::<Result<_, StoreError>>()?;
        let mut after_last = current;
        for (_, undo) in &newer {
            after_last = after_last.undone(&parse_json(undo)?);
        }
        let first = match newer.last() {
            Some((oldest, _)) => oldest - history.len() as i64,
            None => 1,
        };
        let boards: Vec<Board> = history.into_iter().map(|(_, b)| b).collect();
        for (i, undo) in after_last.undo_chain(&boards).iter().enumerate() {
            sqlx::query("INSERT INTO board_undo (activity_id, version, undo) VALUES ($1, $2, $3)")
                .bind(&activity)
                .bind(first + i as i64)
                .bind(to_json(undo)?)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}
