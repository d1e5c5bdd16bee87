//! Writing the inventory out: xlsx with the raw data ("Activiteiten",
//! "Partners", "Resultaten" as `export_workbook` makes them, then
//! "Lijsten") and one sheet per matrix view; csv with the activities.
//!
//! Every text is written as a string cell, never as a formula, whatever it
//! starts with; numbers and dates as number and date cells, so the sheet
//! can be sorted and filtered and reads back to the same text. In csv a
//! text starting with `=`, `+`, `-`, `@`, tab or carriage return gets an
//! apostrophe before it (as do apostrophes already leading up to one), so a
//! spreadsheet shows it instead of running it; reading removes it again.

use super::WriteError;
use koers_core::inventory::Inventory;
use koers_core::inventory::table::{Column, Sheet, SheetKind, export_lists, export_workbook};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};

/// A matrix view as a sheet: row and column labels and the count of
/// activities in each cell (`counts[row][col]`).
#[derive(Clone, Debug, Default)]
pub struct MatrixSheet {
    /// Title, also the sheet's name (shortened and made unique).
    pub title: String,
    /// Row labels.
    pub rows: Vec<String>,
    /// Column labels.
    pub cols: Vec<String>,
    /// Counts, a row per row label.
    pub counts: Vec<Vec<usize>>,
}

/// Sheet names Excel would confuse with the raw data's.
const RESERVED: [&str; 4] = ["activiteiten", "partners", "resultaten", "lijsten"];

/// The inventory as an xlsx file: the raw data and the lists, then a sheet
/// per matrix view.
pub fn write_xlsx(inv: &Inventory, views: &[MatrixSheet]) -> Result<Vec<u8>, WriteError> {
    let mut wb = Workbook::new();
    let data = export_workbook(inv);
    for (sheet, kind) in data.sheets.iter().zip([
        SheetKind::Activities,
        SheetKind::Partners,
        SheetKind::Results,
    ]) {
        wb.push_worksheet(data_sheet(sheet, Some(kind))?);
    }
    wb.push_worksheet(data_sheet(&export_lists(&inv.lists), None)?);
    for v in views {
        write_matrix_sheet(&mut wb, &v.title, &v.rows, &v.cols, &v.counts)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// A sheet of cell texts: a bold, frozen, filterable header row; numbers
/// and dates of `kind`'s numeric and date columns as such, all else as
/// string cells.
fn data_sheet(sheet: &Sheet, kind: Option<SheetKind>) -> Result<Worksheet, WriteError> {
    let mut ws = Worksheet::new();
    ws.set_name(&sheet.name)?;
    let header = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let top = Format::new().set_align(FormatAlign::Top);
    let wrap = top.clone().set_text_wrap();
    let date = top.clone().set_num_format("yyyy-mm-dd");
    let columns: Vec<Option<Column>> = match kind {
        Some(k) => k.columns().iter().copied().map(Some).collect(),
        None => Vec::new(),
    };
    let width = sheet.rows.first().map_or(0, Vec::len);
    for (r, cells) in sheet.rows.iter().enumerate() {
        let row = u32::try_from(r).unwrap_or(u32::MAX);
        for (c, text) in cells.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            if text.is_empty() {
                continue;
            }
            if r == 0 {
                ws.write_string_with_format(row, col, text, &header)?;
                continue;
            }
            let column = columns.get(c).copied().flatten();
            let number = text.parse::<f64>().ok().filter(|n| n.is_finite());
            let day = text.parse::<jiff::civil::Date>().ok();
            match (column, number, day) {
                (Some(k), Some(n), _) if k.numeric() => {
                    ws.write_number_with_format(row, col, n, &top)?
                }
                (Some(k), _, Some(d)) if k.date() => {
                    ws.write_datetime_with_format(row, col, d, &date)?
                }
                (Some(Column::Description | Column::Statements), _, _) => {
                    ws.write_string_with_format(row, col, text, &wrap)?
                }
                _ => ws.write_string_with_format(row, col, text, &top)?,
            };
        }
    }
    for c in 0..width {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        let wide = matches!(
            columns.get(c).copied().flatten(),
            Some(Column::Name | Column::Description | Column::Statements | Column::Results)
        );
        ws.set_column_width(col, if wide { 40 } else { 18 })?;
    }
    if width > 0 {
        ws.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(sheet.rows.len().saturating_sub(1))
            .unwrap_or(u32::MAX)
            .max(1);
        ws.autofilter(0, 0, last_row, u16::try_from(width - 1).unwrap_or(u16::MAX))?;
    }
    Ok(ws)
}

/// Adds a sheet of one matrix view: the title in A1, column labels in row
/// 3, then a row per row label with its counts. The sheet's name is the
/// title without the characters Excel forbids, at most 31 long and unlike
/// the other sheets' names.
pub fn write_matrix_sheet(
    workbook: &mut Workbook,
    title: &str,
    rows: &[String],
    cols: &[String],
    counts: &[Vec<usize>],
) -> Result<(), WriteError> {
    let taken: Vec<String> = workbook
        .worksheets()
        .iter()
        .map(|w| w.name().to_lowercase())
        .chain(RESERVED.iter().map(|s| (*s).to_owned()))
        .collect();
    let name = sheet_name(title, &taken);
    let bold = Format::new().set_bold();
    let header = bold
        .clone()
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    let ws = workbook.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, title, &bold.clone().set_font_size(14))?;
    ws.set_column_width(0, 30)?;
    for (c, label) in cols.iter().enumerate() {
        let col = u16::try_from(c + 1).unwrap_or(u16::MAX);
        ws.write_string_with_format(2, col, label, &header)?;
        ws.set_column_width(col, 14)?;
    }
    for (r, label) in rows.iter().enumerate() {
        let row = u32::try_from(r + 3).unwrap_or(u32::MAX);
        ws.write_string_with_format(row, 0, label, &bold)?;
        for (c, n) in counts
            .get(r)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let col = u16::try_from(c + 1).unwrap_or(u16::MAX);
            ws.write_number(row, col, u32::try_from(*n).unwrap_or(u32::MAX))?;
        }
    }
    ws.set_freeze_panes(3, 1)?;
    Ok(())
}

/// A valid sheet name from `title`, unlike every name in `taken` (lower
/// case, as Excel compares them).
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if c.is_control() || "[]:*?/\\".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let base = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let base = base.trim_matches('\'');
    let base = if base.is_empty() { "Matrix" } else { base };
    for k in 1.. {
        let suffix = if k == 1 {
            String::new()
        } else {
            format!(" ({k})")
        };
        let budget = 31 - suffix.len();
        let mut name = String::new();
        for ch in base.chars() {
            if name.encode_utf16().count() + ch.len_utf16() > budget {
                break;
            }
            name.push(ch);
        }
        let name = format!("{}{suffix}", name.trim_end().trim_end_matches('\''));
        if !taken.contains(&name.to_lowercase()) {
            return name;
        }
    }
    base.to_owned()
}

/// The activities as csv: `;`-separated, UTF-8 with a BOM and CRLF line
/// ends, as Dutch Excel opens it.
pub fn write_csv(inv: &Inventory) -> Vec<u8> {
    let data = export_workbook(inv);
    let mut out = String::from("\u{feff}");
    if let Some(sheet) = data.sheets.first() {
        for row in &sheet.rows {
            let cells: Vec<String> = row.iter().map(|c| quote(&escape(c))).collect();
            out.push_str(&cells.join(";"));
            out.push_str("\r\n");
        }
    }
    out.into_bytes()
}

/// A text no spreadsheet runs: an apostrophe before a leading `=`, `+`,
/// `-`, `@`, tab or carriage return (also when apostrophes lead up to one).
fn escape(text: &str) -> String {
    if text
        .trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A csv field, quoted when it holds a separator, quote or line break.
fn quote(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let taken = vec!["activiteiten".to_string(), "niveau x leeftijd".to_string()];
        assert_eq!(
            sheet_name("Niveau x leeftijd", &taken),
            "Niveau x leeftijd (2)"
        );
        assert_eq!(sheet_name("a/b: [c]?", &taken), "a b c");
        assert_eq!(sheet_name("", &taken), "Matrix");
        assert!(sheet_name(&"x".repeat(50), &taken).chars().count() <= 31);
        assert_eq!(sheet_name("Activiteiten", &taken), "Activiteiten (2)");
    }

    #[test]
    fn csv_cells_that_would_run_get_an_apostrophe() {
        assert_eq!(escape("=1+1"), "'=1+1");
        assert_eq!(escape("'=x"), "''=x");
        assert_eq!(escape("- punt"), "'- punt");
        assert_eq!(escape("'gewoon"), "'gewoon");
        assert_eq!(quote("a;b"), "\"a;b\"");
        assert_eq!(quote("zei \"ja\""), "\"zei \"\"ja\"\"\"");
    }
}
