//! Spreadsheets in and out of the inventory, without any file format: a
//! [`Workbook`] is sheets of cell texts (the web layer reads and writes
//! xlsx and csv). Import is two steps so nothing is dropped silently or
//! half-imported: [`Mappings::detect`] proposes which field each column
//! holds (the user may adjust it), then [`plan`] works out every record the
//! file would create or change and every problem of every row, without
//! changing anything. The store applies a plan only when it
//! [`is clean`](ImportPlan::is_clean); the user may instead choose to skip
//! the rows with problems explicitly ([`plan_skipping`] with
//! [`ImportPlan::error_rows`]). Import never deletes.
//!
//! [`export_workbook`] writes the same sheets with ids, so importing an
//! export reproduces the inventory.

mod cells;
mod columns;
mod export;
mod headers;
mod offers;
mod plan;
mod row;
#[cfg(test)]
mod tests;

pub use cells::{
    actor_label, evidence_label, form_label, level_label, parse_actor, parse_evidence, parse_form,
    parse_level, parse_role, role_label, split_items, split_statements,
};
pub use columns::{Column, Mapping, Mappings, SheetKind, detect_mapping, norm_header, recognise};
pub use export::{
    LISTS_SHEET, export_lists, export_workbook, offer_cell, partner_cell, result_cell,
};
pub use plan::{plan, plan_skipping};

use super::model::{Offer, Partner, Problem, SocietalResult};
use serde::{Deserialize, Serialize};

/// Most data rows (below the header) of one sheet.
pub const MAX_ROWS: usize = 10_000;
/// Most characters in one cell (Excel's own limit).
pub const MAX_CELL: usize = 32_767;
/// Most columns of one sheet a reader keeps.
pub const MAX_COLUMNS: usize = 200;

/// One sheet: cell texts, row by row; the first row holds the headers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// The rows; rows may be shorter than the header row.
    pub rows: Vec<Vec<String>>,
}

/// A spreadsheet file's sheets, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workbook {
    /// The sheets.
    pub sheets: Vec<Sheet>,
}

/// A row of a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RowRef {
    /// The sheet's name.
    pub sheet: String,
    /// The row number as the spreadsheet shows it (the header is row 1).
    pub row: usize,
}

/// A problem the import found.
///
/// `row` is the spreadsheet's row number (the header is 1) and `column`
/// the source header. Row 0 is a problem of the whole sheet: a required
/// column missing from the mapping ([`Problem::Missing`], `column` the
/// field's Dutch header), a field mapped twice or a column mapped to a field
/// of another kind of sheet ([`Problem::Duplicate`], [`Problem::Unknown`],
/// `column` the source header), or more than [`MAX_ROWS`] data rows
/// ([`Problem::TooMany`], `value` the limit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// The sheet's name.
    pub sheet: String,
    /// Row number, 1-based with the header as row 1; 0 for the sheet.
    pub row: usize,
    /// The source column's header, if the problem is in one column.
    pub column: Option<String>,
    /// What is wrong.
    pub problem: Problem,
    /// The value at fault (shortened), if any.
    pub value: Option<String>,
}

impl RowError {
    /// A problem of the whole sheet rather than of one row.
    pub fn is_sheet_level(&self) -> bool {
        self.row == 0
    }
}

/// What applying a planned record does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Creates it.
    New,
    /// Changes an existing record.
    Update,
    /// The existing record stays as it is.
    Unchanged,
}

/// What an import would do, for the preview and the store.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportPlan {
    /// Partners from the partners sheet and those the activities name
    /// that do not exist yet (type "overig", role "partner").
    pub partners: Vec<(Partner, Change)>,
    /// Results from the results sheet and those the activities name that
    /// do not exist yet (a title only).
    pub results: Vec<(SocietalResult, Change)>,
    /// Activities.
    pub offers: Vec<(Offer, Change)>,
    /// Every problem found; the plan may be applied only without any.
    pub errors: Vec<RowError>,
    /// Rows with no text in any cell.
    pub skipped_empty_rows: usize,
    /// Rows left out because the user chose to skip them.
    pub skipped_rows: Vec<RowRef>,
    /// Sheets not imported (no mapping: the lists, a matrix view, …).
    pub ignored_sheets: Vec<String>,
}

impl ImportPlan {
    /// Without problems: the store may apply it.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// The rows with problems, each once, in order found. Skipping them
    /// ([`plan_skipping`]) gives a clean plan unless a problem is of a
    /// whole sheet (see [`ImportPlan::rows_skippable`]).
    pub fn error_rows(&self) -> Vec<RowRef> {
        let mut seen = std::collections::HashSet::new();
        self.errors
            .iter()
            .filter(|e| !e.is_sheet_level() && seen.insert((e.sheet.as_str(), e.row)))
            .map(|e| RowRef {
                sheet: e.sheet.clone(),
                row: e.row,
            })
            .collect()
    }

    /// Every problem is in a row (none of a whole sheet), so skipping the
    /// rows with problems is a choice to offer.
    pub fn rows_skippable(&self) -> bool {
        !self.errors.iter().any(RowError::is_sheet_level)
    }

    /// How many records of each change: (new, updated, unchanged).
    pub fn counts(&self) -> (usize, usize, usize) {
        let changes = self
            .partners
            .iter()
            .map(|(_, c)| *c)
            .chain(self.results.iter().map(|(_, c)| *c))
            .chain(self.offers.iter().map(|(_, c)| *c));
        changes.fold((0, 0, 0), |(n, u, s), c| match c {
            Change::New => (n + 1, u, s),
            Change::Update => (n, u + 1, s),
            Change::Unchanged => (n, u, s + 1),
        })
    }
}
