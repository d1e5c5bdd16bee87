//! `koers questionnaire list|export`: a workspace's questionnaires, and one
//! questionnaire's responses as a spreadsheet (a row per response, without
//! ids or contact details; see `koers_web::questionnaire_io`).

use crate::admin::open_store;
use crate::cli::QuestionnaireCmd;
use anyhow::Context;
use koers_core::lang::Lang;
use koers_core::questionnaire::ResponseStatus;
use koers_store::{QuestionnaireRecord, Store, StoredResponse, Workspace};
use koers_web::questionnaire_io;

/// Runs a questionnaire command.
pub async fn run(cmd: QuestionnaireCmd) -> anyhow::Result<()> {
    match cmd {
        QuestionnaireCmd::List { workspace, storage } => {
            let store = open_store(&storage, 2).await?;
            let result = list(&store, &workspace).await;
            store.close().await;
            result
        }
        QuestionnaireCmd::Export {
            workspace,
            questionnaire,
            format,
            out,
            lang,
            storage,
        } => {
            let store = open_store(&storage, 2).await?;
            let result = export(&store, &workspace, &questionnaire, &format, &out, &lang).await;
            store.close().await;
            result
        }
    }
}

/// Prints a line per questionnaire: slug, id, title, submitted/total
/// responses, open or closed.
async fn list(store: &Store, workspace: &str) -> anyhow::Result<()> {
    let ws = workspace_by_slug(store, workspace).await?;
    let all = store.questionnaires(ws.id).await?;
    if all.is_empty() {
        eprintln!("no questionnaires in workspace {workspace:?}");
    }
    let now = now_ms();
    for q in all {
        let (submitted, total) = store
            .questionnaire_response_counts(ws.id, q.questionnaire.id)
            .await?;
        println!(
            "{}\t{}\t{}\t{submitted}/{total}\t{}",
            q.slug,
            q.questionnaire.id,
            q.questionnaire.title.nl,
            if q.is_open(now) { "open" } else { "closed" }
        );
    }
    Ok(())
}

/// Writes the responses of questionnaire `id_or_slug` to `out` as `format`.
async fn export(
    store: &Store,
    workspace: &str,
    id_or_slug: &str,
    format: &str,
    out: &std::path::Path,
    lang: &str,
) -> anyhow::Result<()> {
    let ws = workspace_by_slug(store, workspace).await?;
    let q: QuestionnaireRecord =
        store
            .questionnaire(ws.id, id_or_slug)
            .await?
            .with_context(|| {
                format!(
                    "no questionnaire {id_or_slug:?} in workspace {workspace:?} \
                 (`koers questionnaire list --workspace {workspace}` lists them)"
                )
            })?;
    let responses = store
        .questionnaire_responses(ws.id, q.questionnaire.id)
        .await?;
    let lang = Lang::parse(lang).unwrap_or_default();
    let bytes = match format {
        "xlsx" => questionnaire_io::xlsx(&q.questionnaire, &responses, lang)?,
        _ => questionnaire_io::csv(&q.questionnaire, &responses, lang)?,
    };
    std::fs::write(out, bytes).with_context(|| format!("cannot write {}", out.display()))?;
    let (submitted, total) = counts(&responses);
    store
        .record_audit(
            ws.id,
            None,
            "questionnaire_responses_exported",
            &q.questionnaire.id.to_string(),
            &format!("{total} responses as {format} (command line)"),
        )
        .await?;
    println!(
        "{total} responses ({submitted} submitted) of {} written to {}",
        q.slug,
        out.display()
    );
    Ok(())
}

async fn workspace_by_slug(store: &Store, slug: &str) -> anyhow::Result<Workspace> {
    store
        .workspace_by_slug(slug)
        .await?
        .with_context(|| format!("no workspace {slug:?}"))
}

/// Submitted responses, and all responses.
fn counts(responses: &[StoredResponse]) -> (usize, usize) {
    let submitted = responses
        .iter()
        .filter(|r| r.status == ResponseStatus::Submitted)
        .count();
    (submitted, responses.len())
}

/// Now, in ms since the Unix epoch.
fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
