//! One spreadsheet row being planned: its cells by field (several source
//! columns of a list field joined), the cells refused whole before any
//! validation (longer than [`MAX_CELL`], or a formula), and its problems,
//! each at the row's number and the source column's header.

use super::columns::{Column, Mapping, SheetKind};
use super::{MAX_CELL, RowError, RowRef};
use crate::inventory::model::{FieldError, Problem, is_formula};

/// A value as shown in a problem: at most 80 characters.
pub(super) fn shorten(v: &str) -> String {
    let v = v.trim();
    if v.chars().count() > 80 {
        format!("{}…", v.chars().take(79).collect::<String>())
    } else {
        v.to_owned()
    }
}

/// One row being planned: its cells by field and its problems.
pub(super) struct Row<'s> {
    sheet: &'s str,
    number: usize,
    pub(super) kind: SheetKind,
    mapping: &'s Mapping,
    headers: &'s [String],
    cells: &'s [String],
    /// Fields whose cell was refused whole (too long, a formula).
    blanked: Vec<Column>,
    /// Problems found.
    pub errors: Vec<RowError>,
}

impl<'s> Row<'s> {
    pub(super) fn new(
        sheet: &'s str,
        number: usize,
        mapping: &'s Mapping,
        headers: &'s [String],
        cells: &'s [String],
    ) -> Row<'s> {
        let mut row = Row {
            sheet,
            number,
            kind: mapping.kind,
            mapping,
            headers,
            cells,
            blanked: Vec::new(),
            errors: Vec::new(),
        };
        for (i, c) in mapping.columns.iter().enumerate() {
            let (Some(c), Some(cell)) = (c, cells.get(i)) else {
                continue;
            };
            let problem = if cell.chars().count() > MAX_CELL {
                Problem::TooLong { max: MAX_CELL }
            } else if is_formula(cell) {
                Problem::Formula
            } else {
                continue;
            };
            row.blanked.push(*c);
            row.push(
                Some(header_at(headers, i, *c, mapping.kind)),
                problem,
                Some(shorten(cell)),
            );
        }
        row
    }

    pub(super) fn push(&mut self, column: Option<String>, problem: Problem, value: Option<String>) {
        self.errors.push(RowError {
            sheet: self.sheet.to_owned(),
            row: self.number,
            column,
            problem,
            value,
        });
    }

    /// The cell text of field `c` (several columns joined by line breaks),
    /// or `None` when no column holds it.
    pub fn text(&self, c: Column) -> Option<String> {
        if !self.mapping.has(c) {
            return None;
        }
        if self.blanked.contains(&c) {
            return Some(String::new());
        }
        let parts: Vec<&str> = self
            .mapping
            .sources(c)
            .filter_map(|i| self.cells.get(i).map(String::as_str))
            .filter(|t| !t.trim().is_empty())
            .collect();
        Some(parts.join("\n"))
    }

    /// Whether field `c` has a column.
    pub fn mapped(&self, c: Column) -> bool {
        self.mapping.has(c)
    }

    /// The header of the (first) column holding `c`, or Koers's own header.
    fn header(&self, c: Column) -> String {
        let i = self.mapping.sources(c).next().unwrap_or(usize::MAX);
        header_at(self.headers, i, c, self.kind)
    }

    /// Reports a problem in field `c`.
    pub fn fail(&mut self, c: Column, problem: Problem, value: Option<&str>) {
        let header = self.header(c);
        self.push(Some(header), problem, value.map(shorten));
    }

    /// Reports the model's problems, each in the field `column` names;
    /// problems of a field already refused whole are left out.
    pub fn field_errors(
        &mut self,
        errors: Vec<FieldError>,
        column: impl Fn(&FieldError) -> Column,
    ) {
        for e in errors {
            let c = column(&e);
            if self.blanked.contains(&c) {
                continue;
            }
            let value = match &e.problem {
                Problem::Unknown { value } => Some(value.clone()),
                _ => self.text(c).filter(|t| !t.trim().is_empty()),
            };
            self.fail(c, e.problem, value.as_deref());
        }
    }

    /// Whether a problem has been found.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Where the row is.
    pub fn at(&self) -> RowRef {
        RowRef {
            sheet: self.sheet.to_owned(),
            row: self.number,
        }
    }
}

pub(super) fn header_at(headers: &[String], i: usize, c: Column, kind: SheetKind) -> String {
    headers
        .get(i)
        .filter(|h| !h.trim().is_empty())
        .map_or_else(|| c.header(kind).to_owned(), |h| shorten(h))
}
