//! The Koers web layer: axum routes, server-rendered pages, the JSON API and
//! the live channel.
//!
//! Handlers are thin: they extract and authorise, call one use case on
//! [`AppState`], and render. Pages are askama templates (escaped by
//! default); texts come from Fluent files in `locales/`. Every change to a
//! session is committed by the store first and then announced to the live
//! [`live::Hub`], which renders fresh frames for the screen, the phones and
//! the console.

pub mod config;
mod error;
mod i18n;
pub mod inventory;
pub mod inventory_io;
pub mod live;
pub mod questionnaire_io;
mod questionnaires;
mod register;
pub mod report;
mod respond;
mod routes;
pub mod security;
pub mod session_templates;
mod state;
mod usecases;
mod views;

pub use config::WebConfig;
pub use error::AppError;
pub use i18n::{Tr, tr};
pub use routes::{app, openapi_json};
pub use state::AppState;
