//! Changes made by other app nodes (PostgreSQL only). Every committed
//! session change sends `NOTIFY koers_changes, '<session id>'`; each node
//! listens and refreshes its live views of that session. On SQLite there is
//! one node, which learns of its own changes directly.

use crate::error::StoreError;
use crate::util::parse_id;
use koers_core::ids::SessionId;
use sqlx::postgres::PgListener;

/// The notification channel.
pub(crate) const CHANNEL: &str = "koers_changes";

/// What the feed reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// This session changed (on some node).
    Session(SessionId),
    /// The connection dropped and was re-established: changes may have been
    /// missed, so every watched session should be refreshed.
    Gap,
}

/// A stream of changes from all nodes.
#[derive(Debug)]
pub struct ChangeFeed {
    listener: PgListener,
}

impl ChangeFeed {
    pub(crate) async fn connect(url: &str) -> Result<ChangeFeed, StoreError> {
        let mut listener = PgListener::connect(url).await?;
        listener.listen(CHANNEL).await?;
        Ok(ChangeFeed { listener })
    }

    /// The next change. Reconnects by itself after a lost connection.
    pub async fn next(&mut self) -> Result<Change, StoreError> {
        loop {
            match self.listener.try_recv().await? {
                None => return Ok(Change::Gap),
                Some(n) => match parse_id::<SessionId>(n.payload()) {
                    Ok(id) => return Ok(Change::Session(id)),
                    Err(_) => {
                        tracing::warn!(
                            payload = n.payload(),
                            "ignoring a malformed change notification"
                        );
                        continue;
                    }
                },
            }
        }
    }
}
