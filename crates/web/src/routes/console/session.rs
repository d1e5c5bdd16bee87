//! The console page of one session and its live channel.

use crate::error::AppError;
use crate::i18n::Tr;
use crate::live::{Audience, sse};
use crate::routes::extract::{Page, Staff};
use crate::routes::participant::error_text;
use crate::routes::public::html;
use crate::state::AppState;
use crate::usecases::ActivityInput;
use crate::views::frames::Derived;
use crate::views::pages::{ActivityForm, SessionPage, TableRow, script_json};
use crate::views::qr;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use koers_core::activity::ActivityKind;
use koers_core::ids::SessionId;
use koers_store::{Agenda, SessionRecord};
use serde::Deserialize;
use serde_json::json;
use std::str::FromStr;

/// Parses an id from a path; a malformed id is simply not found.
pub fn path_id<T: FromStr>(s: &str) -> Result<T, AppError> {
    s.parse().map_err(|_| AppError::NotFound)
}

/// The kinds of activity the form offers: (name, label).
pub fn kinds(t: &Tr) -> Vec<(String, String)> {
    [
        "single_choice",
        "multiple_choice",
        "scale",
        "word_cloud",
        "open_text",
        "quiz",
        "estimate",
        "goal",
        "idea_wall",
        "categorise",
        "prioritise",
        "actions",
        "questions",
        "pitches",
        "matrix",
    ]
    .iter()
    .map(|k| (k.to_string(), t.t(&format!("kind-{}", k.replace('_', "-")))))
    .collect()
}

/// The add-activity form, filled from `input`.
pub fn activity_form(
    t: &Tr,
    action: String,
    input: &ActivityInput,
    agenda: Option<&Agenda>,
    submit_key: &str,
) -> ActivityForm {
    let or = |v: &str, d: &str| {
        if v.is_empty() {
            d.to_string()
        } else {
            v.to_string()
        }
    };
    let steps: Vec<(String, String)> = agenda
        .map(|a| {
            a.steps
                .iter()
                .map(|s| (s.id.to_string(), s.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    ActivityForm {
        action,
        title: input.title.clone(),
        kinds: kinds(t),
        axes: koers_core::inventory::matrix::Axis::ALL
            .iter()
            .map(|a| (a.key().to_string(), t.t(&format!("inv-axis-{}", a.key()))))
            .collect(),
        kind: or(&input.kind, "single_choice"),
        options: input.options.clone(),
        max_choices: or(&input.max_choices, "2"),
        scale_min: or(&input.scale_min, "1"),
        scale_max: or(&input.scale_max, "5"),
        min_label: input.min_label.clone(),
        max_label: input.max_label.clone(),
        max_words: or(&input.max_words, "3"),
        max_chars: or(&input.max_chars, "280"),
        audience: or(&input.audience, "individuals"),
        step_id: if input.step_id.is_empty() {
            steps.last().map(|s| s.0.clone()).unwrap_or_default()
        } else {
            input.step_id.clone()
        },
        steps,
        submit_label: t.t(submit_key),
        input: input.clone(),
        sources: agenda
            .map(|a| {
                a.activities
                    .iter()
                    .filter(|x| {
                        matches!(
                            x.def.kind,
                            ActivityKind::IdeaWall { .. }
                                | ActivityKind::Categorise { .. }
                                | ActivityKind::Prioritise { .. }
                        )
                    })
                    .map(|x| (x.id.to_string(), x.def.title.clone(), x.def.kind.name()))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Renders the console page, optionally with a filled add-activity form and a message.
pub async fn render(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    s: &SessionRecord,
    input: Option<&ActivityInput>,
    error: Option<String>,
    notice: Option<String>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let data = state
        .store()
        .live_data(s.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (live_html, agenda_html) = Derived::new(&data).console_html(t, &page.csrf);
    let base = &state.config().public_url;
    let participant_url = format!("{base}/j/{}", s.join_code);
    let tables = data
        .tables
        .iter()
        .map(|tb| {
            let url = format!("{base}/t/{}", tb.join_token);
            TableRow {
                name: tb.name.clone(),
                qr: qr::svg(&url, &t.t1("qr-table-label", "table", tb.name.as_str())),
                url,
            }
        })
        .collect();
    let form = activity_form(
        &t,
        format!("/console/sessions/{}/activities", s.id),
        input.unwrap_or(&ActivityInput::default()),
        Some(&data.agenda),
        "activity-add-submit",
    );
    html(SessionPage {
        t,
        chrome: page.chrome(state, Some(&staff.user), "console"),
        session_id: s.id.to_string(),
        title: s.title.clone(),
        code_spaced: s.join_code.spaced(),
        qr: qr::svg(
            &participant_url,
            &t.t1("qr-join-label", "code", s.join_code.as_str()),
        ),
        participant_url,
        screen_url: format!("{base}/screen/{}", s.screen_token),
        locked: s.locked,
        live_html,
        agenda_html,
        form,
        org_types_text: s
            .org_types
            .iter()
            .map(|o| o.label.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        held_on: s.held_on.clone().unwrap_or_default(),
        place: s.place.clone(),
        facilitator: s.facilitator.clone(),
        next_table_name: format!("{} {}", t.t("table-default-name"), data.tables.len() + 1),
        tables,
        notice,
        error,
        data_json: script_json(&json!({
            "session": s.id.to_string(),
            "seq": data.seq,
            "live": format!("/live/console/{}", s.id),
            "texts": {
                "js-reconnecting": t.t("js-reconnecting"),
                "js-error": t.t("js-error"),
                "js-offline": t.t("js-offline"),
            },
        })),
    })
}

#[derive(Deserialize, Default)]
struct FlashQuery {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    max: Option<i64>,
}

async fn session_page(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<String>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    let error = q.error.as_deref().map(|c| error_text(&page.tr(), c, q.max));
    render(&state, &page, &staff, &s, None, error, None).await
}

#[derive(Deserialize)]
struct LiveQuery {
    after: Option<i64>,
}

async fn live(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<LiveQuery>,
) -> Result<Response, AppError> {
    let s = staff.session(&state, path_id::<SessionId>(&id)?).await?;
    Ok(sse::serve(
        state.hub(),
        s.id,
        Audience::Console(page.tr().lang),
        &headers,
        q.after,
    ))
}

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/console/sessions/{id}", get(session_page))
        .route("/live/console/{id}", get(live))
}
