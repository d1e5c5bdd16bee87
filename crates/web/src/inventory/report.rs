//! The inventory's report: the Preventiematrix and the analysis of the
//! offer as a PDF or a Word document, for the council memo or the partners'
//! meeting. It renders the same page models as the matrix and analysis
//! pages into the session report's format-neutral document, so the PDF
//! (Typst, tagged) and Word writers are the ones the evening report uses,
//! and what the report says is what the pages say.

use super::analysis::{AnalysisPage, BarGroup, LinkList, Table};
use super::matrix::MatrixPage;
use super::matrix_image::matrix_chart;
use crate::i18n::Tr;
use crate::report::blocks::{Block, Cover, Doc, Entry, soft_breaks};
use koers_core::inventory::Inventory;

/// What the document holds: the matrix alone, or the matrix and the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// One matrix view (the matrix page's "PDF").
    Matrix,
    /// The matrix and the whole analysis.
    Analysis,
}

/// What the document is made of: the inventory and the two page models.
#[derive(Clone, Copy)]
pub(crate) struct Sources<'a> {
    /// The inventory (for its counts).
    pub inv: &'a Inventory,
    /// The matrix view.
    pub matrix: &'a MatrixPage,
    /// The analysis.
    pub analysis: &'a AnalysisPage,
}

/// The document of a workspace's inventory, made on `today` (ISO date).
pub(crate) fn document(
    t: &Tr,
    municipality: &str,
    today: &str,
    src: Sources<'_>,
    scope: Scope,
    logo: Option<Vec<u8>>,
) -> Doc {
    let Sources {
        inv,
        matrix,
        analysis,
    } = src;
    let title = match scope {
        Scope::Matrix => t.t("inv-matrix-title"),
        Scope::Analysis => t.t1("inv-an-title", "year", i64::from(analysis.year)),
    };
    let facts = vec![
        (t.t("report-date"), today.to_string()),
        (t.t("inv-report-offers"), inv.offers.len().to_string()),
        (t.t("inv-report-partners"), inv.partners.len().to_string()),
    ];
    let mut d = Doc {
        lang: t.tag(),
        title: title.clone(),
        footer: soft_breaks(&format!("{municipality} · {title}")),
        page: t.t("report-page"),
        of: t.t("report-of"),
        cover: Cover {
            municipality: soft_breaks(municipality),
            kicker: t.t("inv-title"),
            title: soft_breaks(&title),
            facts: facts
                .into_iter()
                .map(|(k, v)| (k, soft_breaks(&v)))
                .collect(),
            logo: logo.is_some(),
        },
        blocks: Vec::new(),
        charts: Vec::new(),
        logo,
    };
    if scope == Scope::Analysis {
        d.heading(1, &t.t("report-summary"));
        d.para(&t.t("inv-an-intro"));
        d.table(
            vec![t.t("inv-report-figure"), t.t("inv-report-meaning")],
            vec![true, false],
            analysis
                .findings
                .iter()
                .map(|f| vec![f.figure.clone(), f.text.clone()])
                .collect(),
        );
    }
    matrix_section(&mut d, t, matrix);
    if scope == Scope::Analysis {
        analysis_sections(&mut d, t, analysis);
    }
    d
}

fn matrix_section(d: &mut Doc, t: &Tr, m: &MatrixPage) {
    d.heading(1, &t.t("inv-matrix-title"));
    d.note(&t.t2(
        "inv-matrix-summary",
        "total",
        m.grid.total as i64,
        "empty",
        m.grid.empty as i64,
    ));
    // Every count is in the picture and in its text alternative; the
    // spreadsheet export has them as numbers.
    d.chart(matrix_chart(&m.grid));
}

fn analysis_sections(d: &mut Doc, t: &Tr, a: &AnalysisPage) {
    d.heading(1, &t.t("inv-an-q1"));
    d.heading(2, &t.t("inv-an-gaps"));
    for l in &a.gaps {
        link_list(d, l);
    }
    d.heading(2, &t.t("inv-an-duplicates"));
    d.note(&t.t("inv-an-dup-hint"));
    table(d, t, &top(&a.duplicates, t));
    d.heading(2, &t.t("inv-an-overlaps"));
    table(d, t, &top(&a.overlaps, t));

    d.heading(1, &t.t("inv-an-q2"));
    for g in &a.diversity {
        bars(d, t, g);
    }

    d.heading(1, &t.t("inv-an-q3"));
    table(d, t, &a.coverage);
    table(d, t, &a.partner_results);

    d.heading(1, &t.t("inv-an-q4"));
    table(d, t, &a.levels);
    bars(d, t, &a.actors);
    table(d, t, &a.years);

    d.heading(1, &t.t("inv-an-q5"));
    d.para(&t.t("inv-an-q5-text"));
    for l in &a.preconditions {
        link_list(d, l);
    }
    table(d, t, &a.funding);

    d.heading(1, &t.t("inv-an-q6"));
    table(d, t, &a.contributions);
}

/// Most rows of a pairs table in the report: the strongest come first, and
/// the whole list is on the analysis page.
const REPORT_ROWS: usize = 20;

fn top(tbl: &Table, t: &Tr) -> Table {
    let mut caption = tbl.caption.clone();
    if tbl.rows.len() > REPORT_ROWS {
        caption = format!(
            "{caption} · {}",
            t.t1("inv-report-first", "count", REPORT_ROWS as i64)
        );
    }
    Table {
        caption,
        head: tbl.head.clone(),
        rows: tbl.rows.iter().take(REPORT_ROWS).cloned().collect(),
    }
}

fn link_list(d: &mut Doc, l: &LinkList) {
    d.blocks.push(Block::Entries {
        title: soft_breaks(&format!("{} ({})", l.title, l.items.len())),
        entries: l
            .items
            .iter()
            .map(|i| Entry {
                text: soft_breaks(&i.text),
                details: Vec::new(),
                flag: String::new(),
                merged: Vec::new(),
            })
            .collect(),
        empty: l.empty.clone(),
    });
}

fn table(d: &mut Doc, t: &Tr, tbl: &Table) {
    d.heading(3, &tbl.caption);
    if tbl.rows.is_empty() {
        d.para(&t.t("inv-an-none"));
        return;
    }
    // A column is numeric when every filled cell in it is a number or a share.
    let numeric = |c: usize| {
        tbl.rows.iter().all(|(_, cells)| {
            cells.get(c).is_none_or(|v| {
                v.is_empty()
                    || v.trim_end_matches(" %")
                        .trim_start_matches("€ ")
                        .replace('.', "")
                        .chars()
                        .all(|ch| ch.is_ascii_digit())
            })
        })
    };
    let cols = tbl.head.len().saturating_sub(1);
    let mut num = vec![false];
    num.extend((0..cols).map(numeric));
    if tbl.head.len() > 5 {
        // More columns than a portrait page holds side by side: a list, a
        // row per entry with "column: value" details.
        d.blocks.push(Block::Entries {
            title: String::new(),
            entries: tbl
                .rows
                .iter()
                .map(|(link, cells)| Entry {
                    text: soft_breaks(&link.text),
                    details: tbl
                        .head
                        .iter()
                        .skip(1)
                        .zip(cells)
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(h, v)| soft_breaks(&format!("{h}: {v}")))
                        .collect(),
                    flag: String::new(),
                    merged: Vec::new(),
                })
                .collect(),
            empty: String::new(),
        });
        return;
    }
    d.table(
        tbl.head.clone(),
        num,
        tbl.rows
            .iter()
            .map(|(link, cells)| {
                let mut row = vec![link.text.clone()];
                row.extend(cells.iter().cloned());
                row.resize(tbl.head.len(), String::new());
                row
            })
            .collect(),
    );
}

fn bars(d: &mut Doc, t: &Tr, g: &BarGroup) {
    d.heading(3, &g.title);
    d.table(
        vec![g.title.clone(), t.t("inv-an-count"), "%".to_string()],
        vec![false, true, true],
        g.bars
            .iter()
            .map(|b| vec![b.label.clone(), b.value.clone(), format!("{} %", b.pct)])
            .collect(),
    );
    if !g.note.is_empty() {
        d.note(&g.note);
    }
}
