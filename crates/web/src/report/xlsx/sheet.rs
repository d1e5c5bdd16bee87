//! A worksheet being written: every text through [`cell_text`] as a string
//! cell (never a formula or a link), numbers with their number format, and
//! columns as wide as their contents need.

use super::cells::{Cell, Ctx, Table, cell_text};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Widest a column gets, in characters (wrapped text columns).
const WIDE: usize = 60;
/// Widest a column of short texts or numbers gets, in characters.
const NARROW_MAX: usize = 40;

/// Whether a spreadsheet would take text starting like this for a formula
/// when someone edits the cell (the same characters as in the CSV).
fn formula_like(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// A worksheet being written, with the width each column needs.
pub struct Sheet<'a> {
    /// The worksheet.
    pub ws: Worksheet,
    cx: &'a Ctx,
    widths: Vec<usize>,
}

impl std::fmt::Debug for Sheet<'_> {
    // The worksheet itself has no Debug: its name and widths say enough.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sheet")
            .field("name", &self.ws.name())
            .field("widths", &self.widths)
            .finish()
    }
}

impl<'a> Sheet<'a> {
    /// A new sheet called `name` (already valid: see [`super::cells::sheet_name`]).
    pub fn new(name: &str, cx: &'a Ctx) -> Result<Sheet<'a>, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        Ok(Sheet {
            ws,
            cx,
            widths: Vec::new(),
        })
    }

    fn need(&mut self, col: u16, width: usize, max: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(width.min(max));
    }

    /// Writes text as a string cell, whatever it looks like.
    fn string(&mut self, row: u32, col: u16, s: &str, format: &Format) -> Result<(), XlsxError> {
        let text = cell_text(s, &self.cx.marker).into_owned();
        if formula_like(&text) {
            // Written as a string it is text already; the quote prefix keeps
            // it text when someone edits the cell, like the CSV's apostrophe
            // but without changing the text.
            let quoted = format.clone().set_quote_prefix();
            self.ws.write_string_with_format(row, col, text, &quoted)?;
        } else {
            self.ws.write_string_with_format(row, col, text, format)?;
        }
        Ok(())
    }

    /// Writes one cell; `wrap` for long texts.
    pub fn cell(&mut self, row: u32, col: u16, cell: &Cell, wrap: bool) -> Result<(), XlsxError> {
        let cx = self.cx;
        let width = match cell {
            // An empty text is no cell at all, as for a reader it is not.
            Cell::Text(s) if s.is_empty() => 0,
            Cell::Text(s) => {
                let format = if wrap { &cx.wrap } else { &cx.text };
                self.string(row, col, s, format)?;
                s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
            }
            Cell::Int(n) => {
                self.ws
                    .write_number_with_format(row, col, *n as f64, &cx.int)?;
                n.to_string().len()
            }
            Cell::Dec(x) => {
                self.ws.write_number_with_format(row, col, *x, &cx.dec)?;
                format!("{x:.1}").len()
            }
            Cell::Pct(x) => {
                self.ws.write_number_with_format(row, col, *x, &cx.pct)?;
                4
            }
            Cell::Bool(b) => {
                self.ws.write_boolean_with_format(row, col, *b, &cx.text)?;
                6
            }
            Cell::Empty => 0,
        };
        self.need(col, width + 1, if wrap { WIDE } else { NARROW_MAX });
        Ok(())
    }

    /// A heading in large bold type; it may run on over the empty cells
    /// to its right, so it does not widen its column.
    pub fn title(&mut self, row: u32, s: &str) -> Result<(), XlsxError> {
        let cx = self.cx;
        self.string(row, 0, s, &cx.title)
    }

    /// A caption above a table, in bold.
    pub fn caption(&mut self, row: u32, s: &str) -> Result<(), XlsxError> {
        let cx = self.cx;
        self.string(row, 0, s, &cx.bold)
    }

    /// A fact: a bold label in the first column, the value in the second.
    /// A long value runs on to the right rather than widening the column.
    pub fn fact(&mut self, row: u32, label: &str, value: &Cell) -> Result<(), XlsxError> {
        let cx = self.cx;
        self.string(row, 0, label, &cx.bold)?;
        self.need(0, label.chars().count() + 2, NARROW_MAX);
        let keep = self.widths.get(1).copied().unwrap_or(0);
        self.cell(row, 1, value, false)?;
        if let Some(w) = self.widths.get_mut(1) {
            *w = keep;
        }
        Ok(())
    }

    /// Writes `table` with its header row at `row`; returns the row after
    /// its last row.
    pub fn table(&mut self, row: u32, table: &Table) -> Result<u32, XlsxError> {
        let cx = self.cx;
        for (c, column) in table.columns.iter().enumerate() {
            let c = col(c);
            self.string(row, c, &column.header, &cx.header)?;
            // Room for the filter button next to the heading.
            self.need(c, column.header.chars().count() + 4, WIDE);
        }
        let mut r = row;
        for cells in &table.rows {
            r += 1;
            for (c, (cell, column)) in cells.iter().zip(&table.columns).enumerate() {
                self.cell(r, col(c), cell, column.wrap)?;
            }
        }
        Ok(r + 1)
    }

    /// Puts a filter on `table`, written with its header row at `row`.
    pub fn filter(&mut self, row: u32, table: &Table) -> Result<(), XlsxError> {
        let last_row = row.saturating_add(u32::try_from(table.rows.len()).unwrap_or(u32::MAX));
        let last_col = col(table.columns.len().saturating_sub(1));
        self.ws.autofilter(row, 0, last_row, last_col)?;
        Ok(())
    }

    /// The finished worksheet, its columns as wide as their contents need.
    pub fn finish(mut self) -> Result<Worksheet, XlsxError> {
        for (c, w) in self.widths.iter().enumerate() {
            if *w > 0 {
                self.ws.set_column_width(col(c), (*w).max(6) as f64)?;
            }
        }
        Ok(self.ws)
    }
}

/// A column index as the writer takes it (tables are far narrower than
/// Excel's 16,384 columns).
pub fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
