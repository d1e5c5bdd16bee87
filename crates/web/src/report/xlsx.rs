//! The report as an XLSX workbook: a summary sheet, then a sheet per
//! activity in agenda order with its data and results. Numbers are number
//! cells, shares are numbers in a percent format and the date is a date,
//! so the workbook can be sorted, filtered and calculated on. Everything a
//! person typed is written as a string cell: never a formula or a link.

mod activity;
pub(crate) mod cells;
mod items;
pub(crate) mod sheet;
mod summary;

use super::Report;
use cells::{Ctx, sheet_name};
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

/// The workbook of report `r`, as the bytes of an `.xlsx` file.
pub(crate) fn workbook(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let cx = Ctx::new(r.session.lang);
    let summary_name = cx.t.t("xlsx-summary");
    let mut taken = vec![summary_name.to_lowercase()];
    let names: Vec<String> = r
        .activities
        .iter()
        .enumerate()
        .map(|(n, a)| sheet_name(n + 1, &a.view.title, &mut taken))
        .collect();
    let mut wb = Workbook::new();
    let title: String = r
        .session
        .title
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_company(
                r.municipality
                    .chars()
                    .filter(|c| !c.is_control())
                    .collect::<String>(),
            )
            .set_author("Koers"),
    );
    wb.push_worksheet(summary::sheet(r, &summary_name, &names, &cx)?);
    for (a, name) in r.activities.iter().zip(&names) {
        wb.push_worksheet(activity::sheet(a, name, &cx)?);
    }
    wb.save_to_buffer()
}
