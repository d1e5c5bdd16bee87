//! Storage for Koers.
//!
//! One [`Store`] serves both databases: embedded SQLite (the default, one
//! binary runs a whole municipality) and PostgreSQL (several app nodes). The
//! SQL is portable and goes through sqlx's `Any` driver; the few real
//! differences (migrations, locking, how writes are batched) are decided by
//! [`Dialect`].
//!
//! Every change to a session goes through [`Store::execute`] as a
//! [`Command`]. It runs in one transaction that locks the session, asks the
//! domain's rules, writes the current state and appends the events to the
//! session's log with consecutive sequence numbers. On SQLite these
//! transactions are funnelled through a single writer that commits them in
//! groups (one fsync for many submissions); an answer is acknowledged only
//! after its group committed.

mod accounts;
pub mod archive;
mod audit;
pub use accounts::NewUser;
pub use archive::{ArchiveError, SessionArchive};
pub use audit::AuditEntry;
mod commands;
mod create;
mod error;
mod feed;
mod inventory;
mod inventory_cache;
mod inventory_log;
mod inventory_uploads;
pub use inventory_uploads::Upload;
mod invitations;
pub use inventory::{Editor, RecordKind, Write};
pub use inventory_log::{ChangeEntry, FieldChange};
pub use invitations::Invitation;
mod list_reads;
pub use list_reads::LEADERBOARD_SIZE;
mod questionnaire_responses;
mod questionnaires;
pub use questionnaire_responses::{ConsentedContact, Link, ResponseRefusal, StoredResponse};
pub use questionnaires::{QuestionnaireInvitation, QuestionnaireRecord, is_slug};
mod reads;
mod records;
mod register;
pub use register::{Erased, Register};
mod upgrade;
mod util;
mod writer;

pub use commands::{Command, Executed, MAX_DISPLAY_NAME, MAX_NAME, Outcome};
pub use create::{NewActivity, NewSession, NewStep};
pub use error::{ExecError, StoreError};
pub use feed::{Change, ChangeFeed};
pub use records::*;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// Which database a [`Store`] runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Embedded SQLite (WAL), one app node.
    Sqlite,
    /// PostgreSQL, one or more app nodes.
    Postgres,
}

impl Dialect {
    /// Recognises the dialect from a database URL.
    pub fn from_url(url: &str) -> Result<Dialect, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Dialect::Postgres)
        } else {
            Err(StoreError::Config(format!(
                "unsupported database URL (use sqlite://PATH or postgres://…): {}",
                redact(url)
            )))
        }
    }

    /// Statement that starts a transaction that will write.
    pub(crate) fn begin_write(self) -> &'static str {
        match self {
            // Take the write lock up front: a deferred transaction that reads
            // first cannot always upgrade to a write under WAL.
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN",
        }
    }

    /// Statement that starts a read-only transaction seeing one snapshot.
    pub(crate) fn begin_read(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN",
            Dialect::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        }
    }

    /// Suffix that locks the selected row until the transaction ends.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            // SQLite has one writer at a time: BEGIN IMMEDIATE already locked.
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR UPDATE",
        }
    }
}

/// Options for opening a store.
#[derive(Clone, Debug)]
pub struct StoreOptions {
    /// Maximum connections in the pool (readers, on SQLite).
    pub max_connections: u32,
    /// Most commands the SQLite writer commits in one transaction.
    pub max_batch: usize,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            max_connections: 8,
            max_batch: 512,
        }
    }
}

/// The storage of one Koers installation. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    pool: AnyPool,
    dialect: Dialect,
    writer: Option<writer::WriterHandle>,
    /// Kept for the change feed's own connection (PostgreSQL).
    url: String,
    /// Each workspace's inventory as last read, with its version.
    inventories: inventory_cache::Cache,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dialect", &self.dialect)
            .field("url", &redact(&self.url))
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `url`, runs the migrations
    /// and, on SQLite, starts the writer.
    pub async fn open(url: &str, options: StoreOptions) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let dialect = Dialect::from_url(url)?;
        let connect = AnyConnectOptions::from_str(url).map_err(StoreError::from)?;
        if dialect == Dialect::Sqlite {
            // WAL lets readers go on while the writer commits; the setting is
            // kept in the database file. synchronous stays FULL (SQLite's
            // default): an acknowledged answer survives a power cut.
            let mut conn = sqlx::AnyConnection::connect_with(&connect).await?;
            conn.execute("PRAGMA journal_mode = WAL").await?;
            use sqlx::Connection;
            conn.close().await?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(options.max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(connect.clone())
            .await?;
        match dialect {
            Dialect::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Dialect::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        upgrade::run(&pool).await?;
        let writer = match dialect {
            Dialect::Sqlite => Some(writer::spawn(connect, dialect, options.max_batch).await?),
            Dialect::Postgres => None,
        };
        Ok(Store {
            inner: Arc::new(Inner {
                pool,
                dialect,
                writer,
                url: url.to_string(),
                inventories: inventory_cache::Cache::default(),
            }),
        })
    }

    /// The database this store runs on.
    pub fn dialect(&self) -> Dialect {
        self.inner.dialect
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.inner.pool).await?;
        Ok(())
    }

    /// Changes committed by any app node, on PostgreSQL; `None` on SQLite
    /// (one node: its own changes are all there are).
    pub async fn change_feed(&self) -> Result<Option<ChangeFeed>, StoreError> {
        match self.dialect() {
            Dialect::Sqlite => Ok(None),
            Dialect::Postgres => ChangeFeed::connect(&self.inner.url).await.map(Some),
        }
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.inner.pool
    }

    pub(crate) fn inventory_cache(&self) -> &inventory_cache::Cache {
        &self.inner.inventories
    }

    /// Closes the pool and the writer, waiting for what is in flight.
    pub async fn close(&self) {
        if let Some(w) = &self.inner.writer {
            w.shutdown().await;
        }
        self.inner.pool.close().await;
    }
}

/// A database URL with any password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_urls_are_redacted() {
        assert_eq!(
            redact("postgres://koers:geheim@db:5432/koers"),
            "postgres://koers:***@db:5432/koers"
        );
        assert_eq!(redact("sqlite://data/koers.db"), "sqlite://data/koers.db");
    }
}
