//! A participant's phone or a table's tablet: its page, its live channel,
//! and answering without JavaScript (plain form posts).

use crate::error::{AppError, ErrorInfo, message};
use crate::i18n::Tr;
use crate::live::{Audience, sse};
use crate::routes::extract::{Page, device_in};
use crate::routes::join::parse_code;
use crate::routes::public::html;
use crate::state::AppState;
use crate::views::frames::Derived;
use crate::views::pages::{ParticipantPage, script_json};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::activity::ActivityKind;
use koers_core::answer::Answer;
use koers_core::answer::{Agreement, Verdict};
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, ClientId, ItemId};
use koers_core::items::{ItemDetail, ItemDraft, Tone};
use koers_core::vote::VoteMethod;
use koers_store::{Command, Device, SessionRecord};
use serde::Deserialize;
use serde_json::json;

async fn session_and_device(
    state: &AppState,
    headers: &HeaderMap,
    code: &str,
) -> Result<(SessionRecord, Option<Device>), AppError> {
    let code = parse_code(code)?;
    let s = state
        .store()
        .session_by_code(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    let d = device_in(state, headers, &s).await?;
    Ok((s, d))
}

#[derive(Deserialize, Default)]
struct NoticeQuery {
    #[serde(default)]
    sent: Option<String>,
    #[serde(default)]
    saved: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    max: Option<i64>,
}

/// Texts the page script shows.
const SCRIPT_TEXTS: [&str; 11] = [
    "js-left",
    "js-edit",
    "js-withdraw",
    "js-sent",
    "js-queued",
    "js-withdrawn",
    "js-reconnecting",
    "js-your-answer",
    "js-sending",
    "js-error",
    "js-offline",
];

async fn participant_page(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (s, device) = session_and_device(&state, &headers, &code).await?;
    let Some(device) = device else {
        return Ok(Redirect::to(&format!("/j/{}", s.join_code)).into_response());
    };
    let lang = page.pref.for_session(s.lang);
    let t = Tr::new(lang);
    let data = state
        .store()
        .live_data(s.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let derived = Derived::new(&data);
    let own = state
        .store()
        .own_answers(s.id, &device.respondent())
        .await?;
    let table = device
        .table_id
        .and_then(|tid| data.tables.iter().find(|x| x.id == tid))
        .map(|x| x.name.clone());
    let device_label = table
        .clone()
        .or_else(|| device.display_name.clone())
        .unwrap_or_else(|| t.t("participant-anonymous"));
    let texts: serde_json::Map<String, serde_json::Value> = SCRIPT_TEXTS
        .iter()
        .map(|k| (k.to_string(), json!(t.t(k))))
        .collect();
    let own_json: serde_json::Map<String, serde_json::Value> = own
        .iter()
        .map(|(a, ans)| (a.to_string(), serde_json::to_value(ans).unwrap_or_default()))
        .collect();
    let data_json = script_json(&json!({
        "session": s.id.to_string(),
        "code": s.join_code.to_string(),
        "seq": data.seq,
        "device": if device.table_id.is_some() { "tablet" } else { "phone" },
        "lang": lang.tag(),
        "live": format!("/live/p/{}", s.join_code),
        "api": format!("/api/v1/sessions/{}", s.id),
        "own": own_json,
        "state": derived.participant_state(),
        "texts": texts,
    }));
    let notice = if let Some(code) = q.error.as_deref() {
        Some(error_text(&t, code, q.max))
    } else if q.sent.is_some() {
        Some(t.t("js-sent"))
    } else if q.saved.is_some() {
        Some(t.t("profile-saved"))
    } else {
        None
    };
    html(ParticipantPage {
        t,
        chrome: page.chrome(
            &state,
            None,
            if device.table_id.is_some() {
                "participant device-tablet"
            } else {
                "participant device-phone"
            },
        ),
        title: s.title.clone(),
        code: s.join_code.to_string(),
        device_label,
        is_tablet: device.table_id.is_some(),
        activity_html: derived.participant_html(t, &page.csrf),
        display_name: device.display_name.clone().unwrap_or_default(),
        org_type: device.org_type.clone().unwrap_or_default(),
        org_types: s.org_types.clone(),
        data_json,
        notice,
    })
}

/// The message for an error code passed back in a redirect (only known
/// codes; anything else reads as a bad request).
pub fn error_text(t: &Tr, code: &str, max: Option<i64>) -> String {
    let key = match code {
        "empty" => "error-empty",
        "too-long" => "error-too-long",
        "wrong-answer-type" => "error-wrong-answer-type",
        "no-such-option" => "error-no-such-option",
        "too-many-choices" => "error-too-many-choices",
        "too-many-words" => "error-too-many-words",
        "activity-not-open" => "error-activity-not-open",
        "session-locked" => "error-session-locked",
        "for-tables-only" => "error-for-tables-only",
        "for-individuals-only" => "error-for-individuals-only",
        "not-found" => "error-not-found",
        "invalid-activity" => "error-invalid-activity",
        "has-answers" => "error-has-answers",
        "nothing-to-withdraw" => "error-nothing-to-withdraw",
        "unknown-org-type" => "error-unknown-org-type",
        "too-many-dots" => "error-too-many-dots",
        "too-many-per-item" => "error-too-many-per-item",
        "points-must-total" => "error-points-must-total",
        "invalid-ranking" => "error-invalid-ranking",
        "not-yours" => "error-not-yours",
        "finalised" => "error-finalised",
        "too-many-items" => "error-too-many-items",
        "confirm-delete" => "error-confirm-delete",
        _ => "error-bad-request",
    };
    message(
        t,
        &ErrorInfo {
            code: "",
            key,
            max: max.filter(|_| key != "error-bad-request"),
            min: None,
        },
    )
}

fn redirect_with_error(base: &str, e: &AppError) -> Response {
    let info = e.info();
    let max = info.max.map(|m| format!("&max={m}")).unwrap_or_default();
    Redirect::to(&format!("{base}?error={}{max}", info.code)).into_response()
}

/// Builds an answer from a plain form post, by the activity's kind.
fn answer_from_form(kind: &ActivityKind, body: &[u8]) -> Option<Answer> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let all = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let one = |name: &str| all(name).into_iter().next();
    Some(match kind {
        ActivityKind::SingleChoice { .. } => Answer::Choice {
            option: one("option")?.parse().ok()?,
        },
        ActivityKind::MultipleChoice { .. } => Answer::Choices {
            options: all("options")
                .iter()
                .filter_map(|v| v.parse().ok())
                .collect(),
        },
        ActivityKind::Scale { .. } => Answer::Scale {
            value: one("value")?.parse().ok()?,
        },
        ActivityKind::WordCloud { .. } => Answer::Words { words: all("word") },
        ActivityKind::OpenText { .. } => Answer::Text { text: one("text")? },
        ActivityKind::Quiz { correct, .. } if correct.len() > 1 => Answer::Choices {
            options: all("options")
                .iter()
                .filter_map(|v| v.parse().ok())
                .collect(),
        },
        ActivityKind::Quiz { .. } => Answer::Choice {
            option: one("option")?.parse().ok()?,
        },
        ActivityKind::Estimate { .. } => Answer::Number {
            value: one("value")?.trim().replace(',', ".").parse().ok()?,
        },
        ActivityKind::Goal { wordings } => Answer::Consent {
            verdicts: (0..wordings.len())
                .map(|i| {
                    let level = match one(&format!("level_{i}"))?.as_str() {
                        "agree" => Agreement::Agree,
                        "live_with" => Agreement::LiveWith,
                        "object" => Agreement::Object,
                        _ => return None,
                    };
                    Some(Verdict {
                        level,
                        reason: one(&format!("reason_{i}")).unwrap_or_default(),
                    })
                })
                .collect::<Option<Vec<_>>>()?,
        },
        ActivityKind::Prioritise { method, .. } => match method {
            VoteMethod::Ranking { top_k } => Answer::Ranking {
                // rank_1 … rank_k name candidate indices; empty places are skipped.
                order: (1..=*top_k)
                    .filter_map(|r| one(&format!("rank_{r}")))
                    .filter(|v| !v.is_empty())
                    .filter_map(|v| v.parse().ok())
                    .collect(),
            },
            _ => {
                let n = all("points").len();
                Answer::Allocation {
                    points: (0..n)
                        .map(|i| {
                            all("points")
                                .get(i)
                                .map(|v| v.trim().parse::<u32>().unwrap_or(0))
                                .unwrap_or(0)
                        })
                        .collect(),
                }
            }
        },
        ActivityKind::IdeaWall { .. }
        | ActivityKind::Categorise { .. }
        | ActivityKind::Actions { .. }
        | ActivityKind::Questions { .. }
        | ActivityKind::Pitches { .. }
        | ActivityKind::Matrix { .. } => return None,
    })
}

/// A field of a plain form post.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    form_urlencoded::parse(body)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The client id of a plain form post (a fresh one when the page had no script to make one).
fn form_client_id(body: &[u8]) -> ClientId {
    form_field(body, "client_id")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(ClientId::new)
}

/// The activity a plain form post is for, and its kind.
async fn form_activity(
    state: &AppState,
    s: &SessionRecord,
    body: &[u8],
) -> Result<(ActivityId, ActivityKind), AppError> {
    let activity: ActivityId = form_field(body, "activity_id")
        .and_then(|v| v.parse().ok())
        .ok_or(AppError::BadRequest)?;
    let agenda = state.store().agenda(s.id).await?;
    let a = agenda.activity(activity).ok_or(AppError::NotFound)?;
    Ok((activity, a.def.kind.clone()))
}

/// Carries out a phone's plain form post and goes back to its page, saying
/// it was sent or why not (`None`: the form was empty or malformed).
async fn send_without_js(
    state: &AppState,
    s: &SessionRecord,
    device: &Device,
    cmd: Option<Command>,
) -> Result<Response, AppError> {
    let back = format!("/p/{}", s.join_code);
    let Some(cmd) = cmd else {
        return Ok(redirect_with_error(
            &back,
            &AppError::Refused(koers_core::DomainError::Empty),
        ));
    };
    match state.exec(s.id, Actor::Device(device.id), cmd).await {
        Ok(_) => Ok(Redirect::to(&format!("{back}?sent=1")).into_response()),
        Err(e @ AppError::Refused(_)) => Ok(redirect_with_error(&back, &e)),
        Err(e) => Err(e),
    }
}

async fn answer_without_js(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (s, device) = session_and_device(&state, &headers, &code).await?;
    let device = device.ok_or(AppError::Unauthorized)?;
    let (activity, kind) = form_activity(&state, &s, &body).await?;
    let cmd = answer_from_form(&kind, &body).map(|answer| Command::Submit {
        device: device.id,
        client_id: form_client_id(&body),
        activity,
        answer,
    });
    send_without_js(&state, &s, &device, cmd).await
}

#[derive(Deserialize)]
struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    org_type: String,
}

/// Builds an item from a plain form post, by the activity's kind.
fn draft_from_form(kind: &ActivityKind, body: &[u8]) -> Option<ItemDraft> {
    let field = |name: &str| form_field(body, name).unwrap_or_default();
    let detail = match kind {
        ActivityKind::Actions { .. } => ItemDetail::Action {
            topic: field("topic").parse().ok()?,
            so_that: field("so_that"),
            who: field("who"),
            by_when: field("by_when"),
            needs: field("needs"),
        },
        ActivityKind::Pitches { .. } => ItemDetail::Feedback {
            speaker: field("speaker").parse().ok()?,
            tone: if field("tone") == "improve" {
                Tone::Improve
            } else {
                Tone::Success
            },
        },
        _ => ItemDetail::Plain,
    };
    Some(ItemDraft {
        text: field("text"),
        detail,
    })
}

async fn item_without_js(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (s, device) = session_and_device(&state, &headers, &code).await?;
    let device = device.ok_or(AppError::Unauthorized)?;
    let (activity, kind) = form_activity(&state, &s, &body).await?;
    let cmd = draft_from_form(&kind, &body).map(|draft| Command::Contribute {
        device: device.id,
        client_id: form_client_id(&body),
        activity,
        draft,
    });
    send_without_js(&state, &s, &device, cmd).await
}

async fn mark_without_js(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (s, device) = session_and_device(&state, &headers, &code).await?;
    let device = device.ok_or(AppError::Unauthorized)?;
    let item: ItemId = form_field(&body, "item_id")
        .and_then(|v| v.parse().ok())
        .ok_or(AppError::BadRequest)?;
    let cmd = Command::Mark {
        device: device.id,
        client_id: form_client_id(&body),
        item,
        on: form_field(&body, "on").as_deref() != Some("0"),
    };
    send_without_js(&state, &s, &device, Some(cmd)).await
}

async fn profile(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<ProfileForm>,
) -> Result<Response, AppError> {
    let (s, device) = session_and_device(&state, &headers, &code).await?;
    let device = device.ok_or(AppError::Unauthorized)?;
    let back = format!("/p/{}", s.join_code);
    let cmd = Command::UpdateProfile {
        device: device.id,
        display_name: Some(f.display_name).filter(|n| !n.trim().is_empty()),
        org_type: Some(f.org_type).filter(|o| !o.is_empty()),
    };
    match state.exec(s.id, Actor::Device(device.id), cmd).await {
        Ok(_) => Ok(Redirect::to(&format!("{back}?saved=1")).into_response()),
        Err(e @ AppError::Refused(_)) => Ok(redirect_with_error(&back, &e)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct LiveQuery {
    after: Option<i64>,
}

async fn live(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(q): Query<LiveQuery>,
) -> Result<Response, AppError> {
    let (s, device) = session_and_device(&state, &headers, &code).await?;
    device.ok_or(AppError::Unauthorized)?;
    Ok(sse::serve(
        state.hub(),
        s.id,
        Audience::Participant(page.pref.for_session(s.lang)),
        &headers,
        q.after,
    ))
}

/// Routes of the participant pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/p/{code}", get(participant_page))
        .route("/p/{code}/answer", post(answer_without_js))
        .route("/p/{code}/item", post(item_without_js))
        .route("/p/{code}/mark", post(mark_without_js))
        .route("/p/{code}/profile", post(profile))
        .route("/live/p/{code}", get(live))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_posts_become_answers_by_kind() {
        let multi = ActivityKind::MultipleChoice {
            options: vec!["a".into(), "b".into(), "c".into()],
            max_choices: 2,
        };
        assert_eq!(
            answer_from_form(&multi, b"activity_id=x&options=0&options=2"),
            Some(Answer::Choices {
                options: vec![0, 2]
            })
        );
        let cloud = ActivityKind::WordCloud { max_words: 3 };
        assert_eq!(
            answer_from_form(&cloud, b"word=samen&word=&word=sport"),
            Some(Answer::Words {
                words: vec!["samen".into(), "".into(), "sport".into()]
            })
        );
        let single = ActivityKind::SingleChoice {
            options: vec!["a".into(), "b".into()],
        };
        assert_eq!(answer_from_form(&single, b"activity_id=x"), None);
    }
}
