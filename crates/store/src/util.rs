//! Small conversions between Rust values and the portable column types.

use crate::error::StoreError;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch, UTC.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Parses a stored id.
pub(crate) fn parse_id<T: FromStr>(s: &str) -> Result<T, StoreError> {
    s.parse()
        .map_err(|_| StoreError::corrupt(format!("bad id {s:?}")))
}

/// Parses an optional stored id.
pub(crate) fn parse_opt_id<T: FromStr>(s: Option<&str>) -> Result<Option<T>, StoreError> {
    s.map(parse_id).transpose()
}

/// Parses stored JSON.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|e| StoreError::corrupt(format!("bad JSON: {e}")))
}

/// Serialises a value to JSON for storage.
pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::corrupt(format!("cannot serialise: {e}")))
}
