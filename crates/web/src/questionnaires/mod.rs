//! Questionnaires for staff: the list with their links and response counts,
//! and the results while a questionnaire runs — responses and completion
//! over time, each question's figures, the open answers (filterable, each
//! erasable on request), and one question cross-tabulated by another.

mod blocks;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::register::Staff;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use crate::views::pages::Chrome;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use blocks::{Block, Table};
use koers_core::ids::{QuestionId, ResponseId};
use koers_core::inventory::lists::fold;
use koers_core::questionnaire::{Aggregator, AnswerValue, QuestionKind, ResponseStatus};
use koers_store::QuestionnaireRecord;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Routes of the staff's questionnaire pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/questionnaires", get(list))
        .route("/questionnaires/{slug}", get(results))
        .route("/questionnaires/{slug}/export.csv", get(export_csv))
        .route("/questionnaires/{slug}/export.xlsx", get(export_xlsx))
        .route("/questionnaires/{slug}/responses/{id}/erase", post(erase))
}

/// A questionnaire in the list.
struct Row {
    slug: String,
    title: String,
    open: bool,
    submitted: i64,
    in_progress: i64,
    invited: i64,
    responded: i64,
    link: String,
}

#[derive(Template)]
#[template(path = "questionnaires/list.html")]
struct ListPage {
    t: Tr,
    chrome: Chrome,
    rows: Vec<Row>,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let now = crate::usecases::now_ms();
    let mut rows = Vec::new();
    let t = page.tr();
    for rec in state.store().questionnaires(ws).await? {
        let qid = rec.questionnaire.id;
        let (submitted, total) = state.store().questionnaire_response_counts(ws, qid).await?;
        let (invited, responded) = state
            .store()
            .questionnaire_invitation_counts(ws, qid)
            .await?;
        rows.push(Row {
            slug: rec.slug.clone(),
            title: rec.questionnaire.title.get(t.lang).to_string(),
            open: rec.is_open(now),
            submitted,
            in_progress: total - submitted,
            invited,
            responded,
            link: public_link(&state, &rec),
        });
    }
    html(ListPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        rows,
        t,
    })
}

#[derive(Deserialize, Default)]
struct ResultsQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    rows: String,
    #[serde(default)]
    cols: String,
    #[serde(default)]
    done: String,
    /// "submitted": count only submitted responses.
    #[serde(default)]
    only: String,
}

/// An open answer, with its response for erasure.
struct OpenAnswer {
    response: String,
    text: String,
}

/// A text question's answers.
struct OpenAnswers {
    title: String,
    shown: Vec<OpenAnswer>,
    matching: usize,
}

/// Submitted responses per day.
struct Day {
    day: String,
    submitted: u64,
    total: u64,
}

#[derive(Template)]
#[template(path = "questionnaires/results.html")]
struct ResultsPage {
    t: Tr,
    chrome: Chrome,
    slug: String,
    title: String,
    link: String,
    open: bool,
    responses: u64,
    submitted: u64,
    completion: u32,
    invited: i64,
    responded: i64,
    days: Vec<Day>,
    blocks: Vec<Block>,
    open_answers: Vec<OpenAnswers>,
    q: String,
    /// Questions a cross-tab can use: (id, text, selected as rows, as cols).
    cross_options: Vec<(String, String, bool, bool)>,
    cross: Option<Table>,
    cross_title: String,
    cross_error: Option<String>,
    submitted_only: bool,
    notice: Option<String>,
}

/// Most open answers listed per question; the filter narrows them.
const MAX_OPEN_SHOWN: usize = 200;

/// The public link's address, or "" when it has none.
fn public_link(state: &AppState, rec: &QuestionnaireRecord) -> String {
    rec.public_token
        .as_ref()
        .map(|tok| format!("{}/q/{tok}", state.config().public_url))
        .unwrap_or_default()
}

async fn find(
    state: &AppState,
    member: &crate::inventory::Member,
    slug: &str,
) -> Result<QuestionnaireRecord, AppError> {
    state
        .store()
        .questionnaire(member.workspace.id, slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn results(
    State(state): State<AppState>,
    page: Page,
    Staff(member): Staff,
    Path(slug): Path<String>,
    Query(query): Query<ResultsQuery>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let ws = member.workspace.id;
    let rec = find(&state, &member, &slug).await?;
    let q = &rec.questionnaire;
    let responses = state.store().questionnaire_responses(ws, q.id).await?;
    let rows: Option<QuestionId> = query.rows.parse().ok();
    let cols: Option<QuestionId> = query.cols.parse().ok();
    let submitted_only = query.only == "submitted";
    let fresh = || {
        if submitted_only {
            Aggregator::new(q).submitted_only()
        } else {
            Aggregator::new(q)
        }
    };
    let mut agg = fresh();
    let mut cross_error = None;
    if let (Some(r), Some(c)) = (rows, cols) {
        match fresh().with_crosstab(r, c) {
            Ok(with) => agg = with,
            Err(e) => cross_error = Some(t.t(&format!("qr-cross-{}", e.code()))),
        }
    }
    for r in &responses {
        agg.add(r.status, &r.answers);
    }
    let res = agg.finish();

    // Submitted per day, with the running total.
    let mut per_day: BTreeMap<String, u64> = BTreeMap::new();
    for r in responses
        .iter()
        .filter(|r| r.status == ResponseStatus::Submitted)
    {
        let day = jiff::Timestamp::from_millisecond(r.hour)
            .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
            .unwrap_or_default();
        *per_day.entry(day).or_default() += 1;
    }
    let mut running = 0;
    let days = per_day
        .into_iter()
        .map(|(day, n)| {
            running += n;
            Day {
                day,
                submitted: n,
                total: running,
            }
        })
        .collect();

    // Open answers, filtered, each with its response.
    let wanted = fold(&query.q);
    let open_answers = q
        .questions()
        .filter(|x| {
            matches!(
                x.kind,
                QuestionKind::ShortText { .. } | QuestionKind::LongText { .. }
            )
        })
        .map(|x| {
            let all: Vec<OpenAnswer> = responses
                .iter()
                .filter(|r| r.status == ResponseStatus::Submitted)
                .filter_map(|r| match r.answers.get(x.id) {
                    Some(AnswerValue::Text(s)) => Some(OpenAnswer {
                        response: r.id.to_string(),
                        text: s.clone(),
                    }),
                    _ => None,
                })
                .filter(|a| wanted.is_empty() || fold(&a.text).contains(&wanted))
                .collect();
            OpenAnswers {
                title: x.text.get(t.lang).to_string(),
                matching: all.len(),
                shown: all.into_iter().take(MAX_OPEN_SHOWN).collect(),
            }
        })
        .collect();

    let cross_options = q
        .questions()
        .filter(|x| x.kind.can_be_condition())
        .map(|x| {
            (
                x.id.to_string(),
                x.text.get(t.lang).to_string(),
                Some(x.id) == rows,
                Some(x.id) == cols,
            )
        })
        .collect();
    let cross = res
        .crosstabs
        .first()
        .and_then(|c| blocks::cross_table(&t, q, c));
    let cross_title = match (
        rows.and_then(|r| q.question(r)),
        cols.and_then(|c| q.question(c)),
    ) {
        (Some(r), Some(c)) => t.t2(
            "qr-cross-title",
            "rows",
            r.text.get(t.lang).to_string(),
            "cols",
            c.text.get(t.lang).to_string(),
        ),
        _ => String::new(),
    };
    let (invited, responded) = state
        .store()
        .questionnaire_invitation_counts(ws, q.id)
        .await?;
    html(ResultsPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        slug: rec.slug.clone(),
        title: q.title.get(t.lang).to_string(),
        link: public_link(&state, &rec),
        open: rec.is_open(crate::usecases::now_ms()),
        responses: res.responses,
        submitted: res.submitted,
        completion: res
            .completion_rate
            .map(|c| (c * 100.0).round() as u32)
            .unwrap_or(0),
        invited,
        responded,
        days,
        blocks: blocks::blocks(&t, q, &res),
        open_answers,
        q: query.q.clone(),
        cross_options,
        cross,
        cross_title,
        cross_error,
        submitted_only,
        notice: (query.done == "erased").then(|| t.t("qr-erased")),
        t,
    })
}

/// One row per response as csv or xlsx, audited: the answers are personal
/// data even without names.
async fn export_csv(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    export(state, page, staff, slug, "csv").await
}

async fn export_xlsx(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    export(state, page, staff, slug, "xlsx").await
}

async fn export(
    state: AppState,
    page: Page,
    Staff(member): Staff,
    slug: String,
    format: &'static str,
) -> Result<Response, AppError> {
    let rec = find(&state, &member, &slug).await?;
    let ws = member.workspace.id;
    let responses = state
        .store()
        .questionnaire_responses(ws, rec.questionnaire.id)
        .await?;
    let lang = page.tr().lang;
    let fail = |e: crate::questionnaire_io::ExportError| AppError::Internal(format!("export: {e}"));
    let (body, mime) = match format {
        "csv" => (
            crate::questionnaire_io::csv(&rec.questionnaire, &responses, lang).map_err(fail)?,
            "text/csv; charset=utf-8",
        ),
        "xlsx" => (
            crate::questionnaire_io::xlsx(&rec.questionnaire, &responses, lang).map_err(fail)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => return Err(AppError::NotFound),
    };
    state
        .store()
        .record_audit(
            ws,
            Some(member.user.id),
            "questionnaire_responses_exported",
            &rec.questionnaire.id.to_string(),
            format,
        )
        .await?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, mime.to_string()),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{slug}.{format}\""),
            ),
            (axum::http::header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}

/// Erases one response on request, with an audit entry.
async fn erase(
    State(state): State<AppState>,
    Staff(member): Staff,
    Path((slug, id)): Path<(String, String)>,
    _body: Bytes,
) -> Result<Response, AppError> {
    let rec = find(&state, &member, &slug).await?;
    let id: ResponseId = id.parse().map_err(|_| AppError::NotFound)?;
    let ws = member.workspace.id;
    if !state
        .store()
        .erase_response(ws, rec.questionnaire.id, id)
        .await?
    {
        return Err(AppError::NotFound);
    }
    state
        .store()
        .record_audit(
            ws,
            Some(member.user.id),
            "response_erased",
            &rec.questionnaire.id.to_string(),
            "",
        )
        .await?;
    Ok(Redirect::to(&format!("/questionnaires/{slug}?done=erased")).into_response())
}
