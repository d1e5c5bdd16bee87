//! The Koers domain: sessions, activities, participants, answers and tallies.
//!
//! Everything here is plain Rust: no HTTP, no SQL, no clocks or I/O. Input is
//! parsed into validated types at the edge ([`text`], [`answer`], [`activity`]),
//! the rules of a live session are pure functions ([`session`]), and every
//! change to a session is described by a [`event::SessionEvent`] that the
//! storage layer appends to the session's log.

pub mod activity;
pub mod answer;
pub mod auth;
pub mod board;
pub mod cluster;
pub mod code;
pub mod cover;
pub mod doc;
pub mod error;
pub mod event;
pub mod ids;
pub mod inventory;
pub mod items;
pub mod lang;
pub mod org;
pub mod questionnaire;
pub mod quiz;
pub mod register;
pub mod session;
pub mod tally;
pub mod text;
pub mod vote;
pub mod words;

pub use error::DomainError;
