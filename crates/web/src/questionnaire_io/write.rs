//! The table written out: csv (comma-separated, UTF-8, dot decimals, texts
//! that would run as a formula neutralised) and xlsx (the responses and the
//! questions, with the report's typed, formula-safe cells).

use super::{Cell, Col, ExportError, build, questions};
use crate::i18n::Tr;
use crate::report::csv_out::safe_cell;
use crate::report::xlsx::cells::{Cell as XCell, Column, Ctx, Table};
use crate::report::xlsx::sheet::{Sheet, col};
use koers_core::lang::Lang;
use koers_core::questionnaire::Questionnaire;
use koers_store::StoredResponse;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

/// The responses of `q` as csv, headers in `lang`: one row per response.
/// Numbers are written as numbers (`6.5`), the hour as `YYYY-MM-DD HH:MM`.
pub fn csv(
    q: &Questionnaire,
    responses: &[StoredResponse],
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let (cols, rows) = build(q, responses, &Tr::new(lang), lang);
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(cols.iter().map(|c| safe_cell(&c.header)))?;
    for cells in &rows {
        w.write_record(cells.iter().map(csv_field))?;
    }
    Ok(w.into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?)
}

/// A cell as a csv field. Only texts are neutralised: a negative number is
/// a number to a spreadsheet, not a formula.
fn csv_field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => safe_cell(s),
        Cell::Int(n) => n.to_string(),
        Cell::Number(x) => x.to_string(),
        Cell::Time(t) => t.strftime("%Y-%m-%d %H:%M").to_string(),
        Cell::Empty => String::new(),
    }
}

/// The responses of `q` as an xlsx workbook in `lang`: a sheet of responses
/// (a row each, a bold frozen header row with filters) and a sheet of the
/// questions (number, page, kind, text).
pub fn xlsx(
    q: &Questionnaire,
    responses: &[StoredResponse],
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let cx = Ctx::new(lang);
    let (cols, rows) = build(q, responses, &cx.t, lang);
    let mut wb = Workbook::new();
    let title: String = q
        .title
        .get(lang)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    wb.set_properties(&DocProperties::new().set_title(title).set_author("Koers"));
    wb.push_worksheet(responses_sheet(&cx, &cols, &rows)?);
    wb.push_worksheet(questions_sheet(&cx, q, lang)?);
    Ok(wb.save_to_buffer()?)
}

/// The sheet of responses.
fn responses_sheet(cx: &Ctx, cols: &[Col], rows: &[Vec<Cell>]) -> Result<Worksheet, XlsxError> {
    let mut s = Sheet::new(&cx.t.t("qexport-sheet-responses"), cx)?;
    let header = Table {
        columns: cols
            .iter()
            .map(|c| {
                if c.wide {
                    Column::wrapped(c.header.as_str())
                } else {
                    Column::new(c.header.as_str())
                }
            })
            .collect(),
        rows: Vec::new(),
    };
    s.table(0, &header)?;
    for (r, cells) in rows.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, (cell, column)) in cells.iter().zip(cols).enumerate() {
            let c = col(c);
            match cell {
                Cell::Text(t) => s.cell(row, c, &XCell::text(t.as_str()), column.wide)?,
                Cell::Int(n) => s.cell(row, c, &XCell::Int(*n), false)?,
                Cell::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                    s.cell(row, c, &XCell::Int(*x as i64), false)?
                }
                // As many decimals as answered (the general format).
                Cell::Number(x) => {
                    s.ws.write_number_with_format(row, c, *x, &cx.text)?;
                }
                Cell::Time(t) => {
                    s.ws.write_datetime_with_format(row, c, t, &cx.date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    if !cols.is_empty() {
        s.ws.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX).max(1);
        s.ws.autofilter(0, 0, last_row, col(cols.len() - 1))?;
    }
    s.finish()
}

/// The sheet of questions: what each column of the responses is about.
fn questions_sheet(cx: &Ctx, q: &Questionnaire, lang: Lang) -> Result<Worksheet, XlsxError> {
    let t = &cx.t;
    let mut s = Sheet::new(&t.t("qexport-sheet-questions"), cx)?;
    let table = Table {
        columns: vec![
            Column::new(t.t("qexport-number")),
            Column::new(t.t("qexport-page")),
            Column::new(t.t("qexport-type")),
            Column::wrapped(t.t("qexport-question")),
        ],
        rows: questions(q, t, lang)
            .into_iter()
            .map(|(n, page, kind, text)| {
                vec![
                    XCell::Int(n),
                    XCell::Int(page),
                    XCell::Text(kind),
                    XCell::Text(text),
                ]
            })
            .collect(),
    };
    s.table(0, &table)?;
    s.filter(0, &table)?;
    s.ws.set_freeze_panes(1, 0)?;
    s.finish()
}
