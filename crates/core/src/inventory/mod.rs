//! The prevention inventory (*Preventiematrix*): the partners of a
//! municipality, the societal results it works towards, and the preventive
//! offer (activities) each partner provides, placed by prevention level, age
//! group, setting, theme and the risk and protective factors it addresses.
//!
//! [`model`] holds the validated records and [`lists`] the per-workspace
//! lists they refer to; [`matrix`] counts the offer on two axes and
//! [`analysis`] answers the six questions of the NJi's Kwaliteitskompas
//! (block 3) from the data. [`table`] maps spreadsheet rows to activities for
//! import and back for export. All of it is pure: the store keeps the
//! records, the web layer shows them.

pub mod analysis;
pub mod lists;
pub mod matrix;
pub mod model;
pub mod table;

pub use lists::{FactorKind, ListItem, ListKind, Lists};
pub use model::{
    Actor, Evidence, FieldError, Form, Inventory, Measure, MunicipalityRole, Offer, OfferInput,
    Partner, PartnerInput, PreventionLevel, Problem, ResultInput, ResultLink, SocietalResult,
};
