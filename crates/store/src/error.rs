//! Storage errors.

use koers_core::DomainError;
use thiserror::Error;

/// Something went wrong in the database (not a refusal by the rules).
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database failed or could not be reached.
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Stored data could not be read back (a bug or a damaged database).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
    /// A uniqueness rule was violated (e.g. an e-mail address already in use).
    #[error("already exists: {0}")]
    Duplicate(&'static str),
    /// The store is misconfigured.
    #[error("{0}")]
    Config(String),
    /// The writer stopped (shutting down).
    #[error("the database writer is not running")]
    WriterGone,
}

impl StoreError {
    pub(crate) fn corrupt(what: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt(what.to_string())
    }

    /// Whether the database could not be reached (as opposed to a bug):
    /// worth a "try again" rather than an internal error.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            StoreError::WriterGone
                | StoreError::Db(
                    sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_)
                )
        )
    }

    /// Whether this is a violation of a unique constraint.
    pub(crate) fn is_unique_violation(err: &sqlx::Error) -> bool {
        match err {
            sqlx::Error::Database(db) => db.is_unique_violation(),
            _ => false,
        }
    }
}

/// Why a command was not carried out.
#[derive(Debug, Error)]
pub enum ExecError {
    /// The rules refused it; nothing changed.
    #[error(transparent)]
    Refused(#[from] DomainError),
    /// The database failed; nothing changed (the transaction rolled back).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ExecError {
    fn from(e: sqlx::Error) -> Self {
        ExecError::Store(StoreError::Db(e))
    }
}
