//! Answering a questionnaire, for anyone with its link: the public link
//! (`/q/{token}`, the browser keeps its own respondent token in a cookie)
//! or a personal invitation (`/q/i/{token}`). One page at a time; every
//! page's answers are saved when it is left, so a respondent can stop and
//! continue later on the same link, and a small script keeps a page that
//! could not be sent in the browser until the connection is back.

mod form;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::inventory::form::Pairs;
use crate::routes::extract::{Page, cookie, set_cookie};
use crate::routes::public::html;
use crate::security::tokens::{hash_token, is_token_shaped, random_token};
use crate::state::AppState;
use crate::views::pages::Chrome;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use form::QuestionView;
use koers_core::ids::QuestionId;
use koers_core::questionnaire::{AnswerError, AnswerProblem, ResponseAnswers, Visibility};
use koers_store::{Link, QuestionnaireRecord, ResponseRefusal};
use serde::Deserialize;

/// How long the browser keeps a public link's respondent token.
const RESPONDENT_TTL_SECS: i64 = 90 * 24 * 3600;

/// Routes of the respondent's side.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/q/{token}", get(public_get).post(public_post))
        .route("/q/i/{token}", get(invited_get).post(invited_post))
}

/// Who is answering which questionnaire, on which link.
struct Respondent {
    rec: QuestionnaireRecord,
    hash: String,
    invited: bool,
    /// The link's path, where the form posts.
    path: String,
    /// A new respondent token to remember (public link, first visit).
    new_cookie: Option<String>,
}

impl Respondent {
    fn link(&self) -> Link<'_> {
        if self.invited {
            Link::Invitation(&self.hash)
        } else {
            Link::Public(&self.hash)
        }
    }
}

fn cookie_name(rec: &QuestionnaireRecord) -> String {
    format!(
        "koers_q_{}",
        &rec.questionnaire.id.0.simple().to_string()[..16]
    )
}

async fn public(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
) -> Result<Respondent, AppError> {
    if !is_token_shaped(token) {
        return Err(AppError::NotFound);
    }
    let rec = state
        .store()
        .questionnaire_by_public_token(token)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = cookie_name(&rec);
    let (mine, new_cookie) = match cookie(headers, &name).filter(|t| is_token_shaped(t)) {
        Some(t) => (t.to_string(), None),
        None => {
            let t = random_token();
            let c = set_cookie(state, &name, &t, RESPONDENT_TTL_SECS, "Lax");
            (t, Some(c))
        }
    };
    Ok(Respondent {
        rec,
        hash: hash_token(&mine),
        invited: false,
        path: format!("/q/{token}"),
        new_cookie,
    })
}

async fn invited(state: &AppState, token: &str) -> Result<Respondent, AppError> {
    if !is_token_shaped(token) {
        return Err(AppError::NotFound);
    }
    let hash = hash_token(token);
    let inv = state
        .store()
        .questionnaire_invitation(&hash)
        .await?
        .ok_or(AppError::NotFound)?;
    let rec = state
        .store()
        .questionnaire(inv.workspace_id, &inv.questionnaire_id.to_string())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Respondent {
        rec,
        hash,
        invited: true,
        path: format!("/q/i/{token}"),
        new_cookie: None,
    })
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    p: Option<usize>,
}

/// A questionnaire page.
#[derive(Template)]
#[template(path = "respond/page.html")]
struct RespondPage {
    t: Tr,
    chrome: Chrome,
    title: String,
    intro: String,
    section: String,
    heading: String,
    path: String,
    page: usize,
    number: usize,
    of: usize,
    percent: u8,
    first: bool,
    last: bool,
    questions: Vec<QuestionView>,
    errors: usize,
    storage_key: String,
}

/// Thanks, closed, or already answered.
#[derive(Template)]
#[template(path = "respond/message.html")]
struct MessagePage {
    t: Tr,
    chrome: Chrome,
    title: String,
    heading: String,
    body: String,
}

fn message(
    state: &AppState,
    page: &Page,
    rec: &QuestionnaireRecord,
    heading_key: &str,
    body: String,
) -> Result<Response, AppError> {
    let t = page.tr();
    html(MessagePage {
        chrome: page.chrome(state, None, "public"),
        title: rec.questionnaire.title.get(t.lang).to_string(),
        heading: t.t(heading_key),
        body,
        t,
    })
}

fn thanks(state: &AppState, page: &Page, rec: &QuestionnaireRecord) -> Result<Response, AppError> {
    let t = page.tr();
    let body = rec
        .questionnaire
        .closing
        .as_ref()
        .map(|c| c.get(t.lang).to_string())
        .unwrap_or_else(|| t.t("q-thanks-body"));
    message(state, page, rec, "q-thanks", body)
}

fn closed(state: &AppState, page: &Page, rec: &QuestionnaireRecord) -> Result<Response, AppError> {
    let t = page.tr();
    let mut r = message(state, page, rec, "q-closed", t.t("q-closed-body"))?;
    *r.status_mut() = StatusCode::GONE;
    Ok(r)
}

fn render(
    state: &AppState,
    page: &Page,
    who: &Respondent,
    answers: &ResponseAnswers,
    n: usize,
    errors: &[AnswerError],
) -> Result<Response, AppError> {
    let t = page.tr();
    let q = &who.rec.questionnaire;
    let vis = Visibility::of(q, answers);
    let position = vis.position(n);
    let (section, page_title) = match q.page_location(n) {
        Some((s, p)) => (
            q.sections[s]
                .title
                .as_ref()
                .map(|x| x.get(t.lang).to_string())
                .unwrap_or_default(),
            q.sections[s].pages[p]
                .title
                .as_ref()
                .map(|x| x.get(t.lang).to_string())
                .unwrap_or_default(),
        ),
        None => (String::new(), String::new()),
    };
    let shown: Vec<QuestionId> = vis.visible_on_page(n).collect();
    let questions = shown
        .iter()
        .filter_map(|id| q.question(*id))
        .map(|question| {
            let error = errors
                .iter()
                .find(|e| e.question == question.id)
                .map(|e| form::problem(&t, &e.problem));
            form::view(&t, question, answers.get(question.id), error)
        })
        .collect();
    let first = vis.previous_page(n).is_none();
    let mut r = html(RespondPage {
        chrome: page.chrome(state, None, "public respondent"),
        title: q.title.get(t.lang).to_string(),
        intro: if first {
            q.intro
                .as_ref()
                .map(|x| x.get(t.lang).to_string())
                .unwrap_or_default()
        } else {
            String::new()
        },
        section,
        heading: page_title,
        path: who.path.clone(),
        page: n,
        number: position.number,
        of: position.of,
        percent: vis.progress().percent(),
        first,
        last: vis.next_page(n).is_none(),
        questions,
        errors: errors.len(),
        storage_key: format!("koers-q-{}-{n}", &who.hash[..16]),
        t,
    })?;
    if !errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    // Answers are personal: never from a shared cache.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = &who.new_cookie
        && let Ok(v) = HeaderValue::from_str(c)
    {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

async fn show(
    state: AppState,
    page: Page,
    who: Respondent,
    q: PageQuery,
) -> Result<Response, AppError> {
    let ws = who.rec.workspace_id;
    if state.store().link_submitted(who.link()).await? {
        return thanks(&state, &page, &who.rec);
    }
    if !who.rec.is_open(crate::usecases::now_ms()) {
        return closed(&state, &page, &who.rec);
    }
    let answers = state
        .store()
        .draft_answers(ws, &who.hash)
        .await?
        .unwrap_or_default();
    let vis = Visibility::of(&who.rec.questionnaire, &answers);
    let n =
        q.p.filter(|n| vis.is_page_visible(*n))
            .or_else(|| vis.first_page())
            .ok_or(AppError::NotFound)?;
    render(&state, &page, &who, &answers, n, &[])
}

async fn public_get(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(token): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let who = public(&state, &headers, &token).await?;
    show(state, page, who, q).await
}

async fn invited_get(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let who = invited(&state, &token).await?;
    show(state, page, who, q).await
}

async fn public_post(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let who = public(&state, &headers, &token).await?;
    answer(state, page, who, body).await
}

async fn invited_post(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let who = invited(&state, &token).await?;
    answer(state, page, who, body).await
}

/// A page's answers: saved, then on to the next page, back, or submitted.
async fn answer(
    state: AppState,
    page: Page,
    who: Respondent,
    body: Bytes,
) -> Result<Response, AppError> {
    let ws = who.rec.workspace_id;
    let q = &who.rec.questionnaire;
    let pairs = Pairs::parse(&body);
    let n: usize = pairs
        .one("page")
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    if n >= q.page_count() {
        return Err(AppError::BadRequest);
    }
    let action = pairs.one("action");
    let store = state.store();
    let before = store
        .draft_answers(ws, &who.hash)
        .await?
        .unwrap_or_default();
    // The questions the respondent saw on this page.
    let vis = Visibility::of(q, &before);
    let shown: Vec<_> = vis
        .visible_on_page(n)
        .filter_map(|id| q.question(id))
        .collect();
    let (changes, problems) = form::read(&pairs, &shown);
    if !problems.is_empty() {
        let kept = before.save(q, changes.clone()).unwrap_or(before);
        return render(&state, &page, &who, &kept, n, &problems);
    }
    let qid = q.id;
    let refused = |r: ResponseRefusal, answers: &ResponseAnswers| match r {
        ResponseRefusal::Answers(errors) => {
            let at = errors
                .iter()
                .find_map(|e| q.page_of(e.question))
                .unwrap_or(n);
            render(&state, &page, &who, answers, at, &errors)
        }
        ResponseRefusal::AlreadySubmitted => thanks(&state, &page, &who.rec),
        ResponseRefusal::Closed => closed(&state, &page, &who.rec),
        ResponseRefusal::Unknown => Err(AppError::NotFound),
    };
    if action == "submit" {
        return match store
            .submit_response(ws, qid, who.link(), changes.clone())
            .await?
        {
            Ok(_) => Ok(Redirect::to(&who.path).into_response()),
            Err(r) => {
                let typed = before.save(q, changes).unwrap_or(before);
                refused(r, &typed)
            }
        };
    }
    let saved = match store
        .save_response(ws, qid, who.link(), changes.clone())
        .await?
    {
        Ok(a) => a,
        Err(r) => {
            let typed = before.save(q, changes).unwrap_or(before);
            return refused(r, &typed);
        }
    };
    let vis = Visibility::of(q, &saved);
    let target = if action == "back" {
        vis.previous_page(n).unwrap_or(n)
    } else {
        // Going on needs this page's required questions.
        let missing: Vec<AnswerError> = vis
            .questions
            .iter()
            .filter(|s| s.visible && s.required && !s.complete)
            .filter(|s| s.page == n)
            .map(|s| AnswerError {
                question: s.id,
                problem: if s.answered {
                    AnswerProblem::Incomplete
                } else {
                    AnswerProblem::Required
                },
            })
            .collect();
        if !missing.is_empty() {
            return render(&state, &page, &who, &saved, n, &missing);
        }
        vis.next_page(n).unwrap_or(n)
    };
    Ok(Redirect::to(&format!("{}?p={target}", who.path)).into_response())
}
