//! The session report (verslag): everything an evening produced, in agenda
//! order, built from the store with the same view models the screen uses,
//! and written out as Markdown, CSV or XLSX. The other formats of the report
//! (DOCX, PDF, the JSON archive) are still to come.

mod csv_out;
mod markdown;
mod xlsx;

use csv_out::activity_csv;
use markdown::markdown;

use crate::i18n::Tr;
use crate::views::evening::{VoteView, board_view, item_groups};
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
            let results = match (&a.def.kind, &tl) {
                (_, Tally::Vote(r)) => Results::Vote(VoteView::new(
                    &t,
                    r,
                    &doc.list
                        .as_ref()
                        .map(|l| l.labels.clone())
                        .unwrap_or_default(),
                )),
                (ActivityKind::Categorise { .. }, _) => {
                    Results::Board(board_view(&doc.board, &items, orgs))
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
