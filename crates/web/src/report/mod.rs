//! The session report (verslag): everything an evening produced, in agenda
//! order, built from the store with the same view models the screen uses,
//! and written out as Markdown, CSV, XLSX, PDF or Word. The PDF and the
//! Word document render one format-neutral document (`blocks`), with charts
//! that Koers draws itself (`charts`).

pub(crate) mod blocks;
pub(crate) mod charts;
pub(crate) mod csv_out;
pub(crate) mod docx;
mod fonts;
mod markdown;
pub(crate) mod pdf;
pub(crate) mod raster;
pub(crate) mod xlsx;

use csv_out::activity_csv;
use markdown::markdown;

use crate::i18n::Tr;
use crate::views::evening::{
    ItemGroup, VoteView, board_view, item_groups, item_view, vote_breakdown,
};
use crate::views::models::{ActivityView, Results};
use koers_core::activity::ActivityKind;
use koers_core::ids::SessionId;
use koers_core::tally::{Tally, tally};
use koers_store::{SessionRecord, Store, StoreError};

/// One activity in the report.
#[derive(Debug)]
pub(crate) struct ReportActivity {
    /// The step it belongs to.
    pub step: String,
    /// Its view (question, kind, reveal texts).
    pub view: ActivityView,
    /// Its results; lists include hidden and pending items, marked.
    pub results: Results,
    /// Respondents (for polls and votes).
    pub respondents: u64,
    /// A vote per organisation type: (type, voters, top three).
    pub vote_by_org: Vec<(String, u64, String)>,
}

/// Everything the report shows.
#[derive(Debug)]
pub(crate) struct Report {
    /// The municipality (workspace) name.
    pub municipality: String,
    /// The session.
    pub session: SessionRecord,
    /// Phones and tablets that joined.
    pub phones: i64,
    /// Tablets that joined.
    pub tablets: i64,
    /// Participants per organisation type: (label, count).
    pub by_org: Vec<(String, u64)>,
    /// Activities in agenda order.
    pub activities: Vec<ReportActivity>,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the session failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing CSV failed.
    #[error(transparent)]
    Csv(#[from] csv::Error),
    /// Typesetting or writing a document failed.
    #[error("{0}")]
    Render(String),
    /// Writing XLSX failed.
    #[error(transparent)]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The report of a session as Markdown (`None`: no such session).
pub async fn export_markdown(store: &Store, id: SessionId) -> Result<Option<String>, StoreError> {
    Ok(build(store, id).await?.map(|r| markdown(&r)))
}

/// Each activity's raw input as CSV: `(file name, contents)`, in agenda
/// order, named `NN-kind.csv`.
pub async fn export_csv(
    store: &Store,
    id: SessionId,
) -> Result<Option<Vec<(String, String)>>, ExportError> {
    let Some(r) = build(store, id).await? else {
        return Ok(None);
    };
    let mut files = Vec::new();
    for (n, a) in r.activities.iter().enumerate() {
        let body = activity_csv(a)?;
        files.push((format!("{:02}-{}.csv", n + 1, a.view.kind), body));
    }
    Ok(Some(files))
}

/// Each activity's CSV file in one zip archive (`None`: no such session).
pub async fn export_csv_zip(store: &Store, id: SessionId) -> Result<Option<Vec<u8>>, ExportError> {
    use std::io::Write;
    let Some(files) = export_csv(store, id).await? else {
        return Ok(None);
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| ExportError::Render(e.to_string());
    for (name, body) in files {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(body.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(Some(zip.finish().map_err(|e| fail(&e))?.into_inner()))
}

/// The report of a session as a PDF (`None`: no such session).
pub async fn export_pdf(store: &Store, id: SessionId) -> Result<Option<Vec<u8>>, ExportError> {
    let Some(doc) = document(store, id).await? else {
        return Ok(None);
    };
    // Typesetting is CPU work: keep it off the async workers.
    let bytes = tokio::task::spawn_blocking(move || pdf::pdf(&doc))
        .await
        .map_err(|e| ExportError::Render(e.to_string()))??;
    Ok(Some(bytes))
}

/// The report of a session as a Word document (`None`: no such session).
pub async fn export_docx(store: &Store, id: SessionId) -> Result<Option<Vec<u8>>, ExportError> {
    let Some(doc) = document(store, id).await? else {
        return Ok(None);
    };
    let bytes = tokio::task::spawn_blocking(move || docx::docx(&doc))
        .await
        .map_err(|e| ExportError::Render(e.to_string()))??;
    Ok(Some(bytes))
}

async fn document(store: &Store, id: SessionId) -> Result<Option<blocks::Doc>, StoreError> {
    let Some(r) = build(store, id).await? else {
        return Ok(None);
    };
    let logo = store.workspace_logo(r.session.workspace_id).await?;
    Ok(Some(blocks::document(&r, logo)))
}

/// The report as an XLSX workbook (`None`: no such session): a summary
/// sheet, then a sheet per activity in agenda order.
pub async fn export_xlsx(store: &Store, id: SessionId) -> Result<Option<Vec<u8>>, ExportError> {
    let Some(r) = build(store, id).await? else {
        return Ok(None);
    };
    Ok(Some(xlsx::workbook(&r)?))
}

/// Builds the report of a session.
pub(crate) async fn build(store: &Store, id: SessionId) -> Result<Option<Report>, StoreError> {
    let Some(data) = store.live_data(id).await? else {
        return Ok(None);
    };
    let t = Tr::new(data.session.lang);
    let municipality = store
        .workspace(data.session.workspace_id)
        .await?
        .map(|w| w.name)
        .unwrap_or_default();
    let orgs = &data.session.org_types;
    let result_titles = store.result_titles(data.session.workspace_id).await?;
    // A matrix activity shows the inventory as it is when the report is made.
    let mut inventory = None;
    let mut by_org: Vec<(String, u64)> = Vec::new();
    for d in store.devices(id).await? {
        if d.table_id.is_some() {
            continue;
        }
        let label = d
            .org_type
            .as_ref()
            .and_then(|k| orgs.iter().find(|o| &o.key == k))
            .map(|o| o.label.clone())
            .unwrap_or_else(|| t.t("org-unknown"));
        match by_org.iter_mut().find(|(l, _)| *l == label) {
            Some(e) => e.1 += 1,
            None => by_org.push((label, 1)),
        }
    }
    by_org.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut activities = Vec::new();
    for (step, acts) in data.agenda.by_step() {
        for a in acts {
            let doc = store.activity_doc(a.id).await?;
            let answers = store.answers(a.id).await?;
            let candidates = doc.list.as_ref().map(|l| l.keys.len()).unwrap_or(0);
            let tl = tally(&a.def.kind, candidates, &answers);
            let item_source = match a.def.kind {
                ActivityKind::Categorise { source } => Some(source),
                _ if a.def.kind.takes_items() => Some(a.id),
                _ => None,
            };
            let items = match item_source {
                Some(s) => store.items(s).await?,
                None => Vec::new(),
            };
            let vote_by_org = match (&a.def.kind, doc.list.as_ref()) {
                (ActivityKind::Prioritise { .. }, Some(list)) => vote_breakdown(
                    &t,
                    &a.def.kind,
                    list,
                    orgs,
                    &store.ballots_by_org(a.id).await?,
                ),
                _ => Vec::new(),
            };
            // An idea wall that was categorised shows its ideas by the
            // category they ended in.
            let sorted_by = data.agenda.activities.iter().find(
                |c| matches!(c.def.kind, ActivityKind::Categorise { source } if source == a.id),
            );
            let board = match sorted_by {
                Some(c) => Some(store.activity_doc(c.id).await?.board),
                None => None,
            };
            let results = match (&a.def.kind, &tl) {
                (ActivityKind::IdeaWall { .. }, _) if board.is_some() => {
                    let board = board.unwrap_or_default();
                    Results::Items(by_category(&t, &board, &items, orgs))
                }
                (_, Tally::Vote(r)) => Results::Vote(VoteView::new(
                    &t,
                    r,
                    &doc.list
                        .as_ref()
                        .map(|l| l.labels.clone())
                        .unwrap_or_default(),
                )),
                (ActivityKind::Categorise { .. }, _) => {
                    Results::Board(board_view(&doc.board, &items, orgs, &result_titles))
                }
                (ActivityKind::Matrix { rows, cols }, _) => {
                    if inventory.is_none() {
                        inventory = Some(store.inventory(data.session.workspace_id).await?);
                    }
                    let inv = inventory.get_or_insert_default();
                    Results::Matrix(crate::inventory::matrix::session_grid(
                        &t, inv, *rows, *cols,
                    ))
                }
                (kind, Tally::Items) => {
                    Results::Items(item_groups(&t, kind, &doc, &items, orgs, false))
                }
                (kind, tl) => Results::from_tally(&t, kind, tl),
            };
            let mut view = ActivityView::new(&t, a).with_doc(&doc);
            // A report shows the right answer of every quiz question.
            view.revealed = view.revealed || a.def.kind.has_reveal();
            activities.push(ReportActivity {
                step: step.title.clone(),
                view,
                results,
                respondents: tl.respondents(),
                vote_by_org,
            });
        }
    }
    Ok(Some(Report {
        municipality,
        phones: data.counts.phones,
        tablets: data.counts.tablets,
        session: data.session,
        by_org,
        activities,
    }))
}

/// An idea wall's ideas by final category: each category, then the ideas in
/// none, then those the facilitator hid. Merged ideas appear under the idea
/// they were merged into; withdrawn ones are left out (their authors took
/// them back).
fn by_category(
    t: &Tr,
    board: &koers_core::board::Board,
    items: &[koers_core::items::Item],
    orgs: &[koers_core::org::OrgType],
) -> Vec<ItemGroup> {
    let b = board_view(board, items, orgs, &[]);
    let mut groups: Vec<ItemGroup> = b
        .categories
        .into_iter()
        .map(|c| ItemGroup {
            title: c.name,
            items: c.items,
        })
        .collect();
    if !b.unplaced.is_empty() {
        groups.push(ItemGroup {
            title: t.t("board-unplaced"),
            items: b.unplaced,
        });
    }
    let hidden: Vec<_> = items
        .iter()
        .filter(|i| i.status == koers_core::items::ItemStatus::Hidden)
        .map(|i| item_view(i, items, orgs))
        .collect();
    if !hidden.is_empty() {
        groups.push(ItemGroup {
            title: t.t("report-hidden-group"),
            items: hidden,
        });
    }
    groups
}
