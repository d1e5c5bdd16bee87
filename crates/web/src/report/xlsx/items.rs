//! The sheet table of a list activity (idea wall, actions, questions, pitch
//! feedback): every item with its group, fields, author, status and marks.

use super::cells::{Cell, Column, Ctx, Table};
use crate::views::evening::{ItemGroup, ItemView};

/// The status of an item as the reader's language says it.
fn status(cx: &Ctx, name: &str) -> Cell {
    Cell::text(cx.t.t(&format!("xlsx-status-{name}")))
}

/// Every item of a list, hidden and pending ones marked, and each text
/// merged into another as a row of its own that names where it went.
pub fn item_table(cx: &Ctx, kind: &str, groups: &[ItemGroup]) -> Table {
    let t = &cx.t;
    let actions = kind == "actions";
    let grouped = groups.iter().any(|g| !g.title.is_empty());
    let mut columns = Vec::new();
    if grouped {
        columns.push(Column::new(t.t("xlsx-group")));
    }
    columns.push(Column::wrapped(t.t("item-text")));
    if actions {
        columns.push(Column::wrapped(t.t("xlsx-so-that")));
        columns.push(Column::new(t.t("action-who")));
        columns.push(Column::new(t.t("action-by-when")));
        columns.push(Column::wrapped(t.t("action-needs")));
    }
    columns.push(Column::new(t.t("xlsx-author")));
    columns.push(Column::new(t.t("xlsx-status")));
    columns.push(Column::new(t.t(if actions {
        "xlsx-commits"
    } else {
        "xlsx-marks"
    })));
    if actions {
        columns.push(Column::new(t.t("xlsx-committed")));
    }
    columns.push(Column::wrapped(t.t("xlsx-merged-into")));
    // A merged text keeps only its text: the rest is the item it went into.
    let row = |g: &ItemGroup, i: &ItemView, text: &str, merged_into: Option<&str>| {
        let mut cells = Vec::new();
        if grouped {
            cells.push(Cell::text(&g.title));
        }
        let merged = merged_into.is_some();
        let own = |s: &String| if merged { Cell::Empty } else { Cell::text(s) };
        cells.push(Cell::text(text));
        if actions {
            cells.extend([own(&i.so_that), own(&i.who), own(&i.by_when), own(&i.needs)]);
        }
        cells.push(own(&i.author));
        cells.push(status(cx, if merged { "merged" } else { i.status }));
        cells.push(if merged {
            Cell::Empty
        } else {
            Cell::Int(i.marks)
        });
        if actions {
            cells.push(own(&i.committed));
        }
        cells.push(merged_into.map(Cell::text).unwrap_or(Cell::Empty));
        cells
    };
    let mut rows = Vec::new();
    for g in groups {
        for i in &g.items {
            rows.push(row(g, i, &i.text, None));
            for m in &i.merged {
                rows.push(row(g, i, m, Some(&i.text)));
            }
        }
    }
    Table { columns, rows }
}
