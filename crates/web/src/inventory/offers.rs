//! Activities: the list, the form (new and edit), one activity with its
//! history, deletion, and the change log.

use super::access::Member;
use super::form::Pairs;
use super::views::{
    ChangeRow, ChangesPage, Choice, ChoiceGroup, Errors, Fact, Nav, OfferFormPage, OfferPage,
    OfferRow, OffersPage, ResultChoice,
};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::ids::OfferId;
use koers_core::inventory::lists::fold;
use koers_core::inventory::{
    Actor, Evidence, Form, Inventory, ListKind, Offer, OfferInput, PreventionLevel,
};
use koers_store::{ChangeEntry, ExecError, RecordKind, StoreError};
use serde::Deserialize;

/// The section links for a member.
pub(super) fn nav(member: &Member, current: &'static str) -> Nav {
    Nav {
        current,
        staff: member.is_staff(),
        workspace: member.workspace.name.clone(),
    }
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    partner: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    n: i64,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let wanted = fold(&query.q);
    let rows = inv
        .offers
        .iter()
        .filter(|o| {
            query.partner.is_empty() || o.providers.iter().any(|p| p.to_string() == query.partner)
        })
        .filter(|o| {
            wanted.is_empty()
                || fold(&o.name).contains(&wanted)
                || fold(&o.description).contains(&wanted)
        })
        .map(|o| OfferRow {
            id: o.id.to_string(),
            name: o.name.clone(),
            providers: provider_names(&inv, o),
            level: o.level.key(),
            ages: labels(&inv, ListKind::AgeGroup, &o.age_groups),
            evidence: o.evidence.key(),
            reach: o.reach.map(|r| r.to_string()).unwrap_or_default(),
            editable: member.may_edit(&o.providers),
        })
        .collect();
    let mut partners = vec![Choice::new(
        "",
        t.t("inv-filter-all-partners"),
        query.partner.is_empty(),
    )];
    partners.extend(inv.partners.iter().map(|p| {
        Choice::new(
            p.id.to_string(),
            p.name.clone(),
            p.id.to_string() == query.partner,
        )
    }));
    let notice = match query.done.as_str() {
        "saved" => Some(t.t("inv-saved")),
        "deleted" => Some(t.t("inv-deleted")),
        "imported" => Some(t.t1("inv-imported", "count", query.n)),
        "import-gone" => Some(t.t("inv-import-gone")),
        _ => None,
    };
    html(OffersPage {
        t,
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "offers"),
        rows,
        total: inv.offers.len(),
        partners,
        q: query.q.chars().take(100).collect(),
        notice,
    })
}

/// Providers' names, joined.
pub(super) fn provider_names(inv: &Inventory, o: &Offer) -> String {
    o.providers
        .iter()
        .filter_map(|p| inv.partner(*p).map(|p| p.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Labels of list keys, joined.
pub(super) fn labels(inv: &Inventory, kind: ListKind, keys: &[String]) -> String {
    keys.iter()
        .map(|k| inv.lists.label(kind, k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An activity as the form's values (keys and ids).
fn input_of(o: &Offer) -> OfferInput {
    OfferInput {
        name: o.name.clone(),
        description: o.description.clone(),
        providers: o.providers.iter().map(|p| p.to_string()).collect(),
        actor: o.actor.key().into(),
        level: o.level.key().into(),
        age_groups: o.age_groups.clone(),
        settings: o.settings.clone(),
        form: o.form.key().into(),
        themes: o.themes.clone(),
        factors: o.factors.clone(),
        results: o
            .results
            .iter()
            .map(|l| {
                (
                    l.result.to_string(),
                    l.statement.clone().unwrap_or_default(),
                )
            })
            .collect(),
        evidence: o.evidence.key().into(),
        reach: o.reach.map(|r| r.to_string()).unwrap_or_default(),
        cost: o.cost.map(|r| r.to_string()).unwrap_or_default(),
        funding: o.funding.clone().unwrap_or_default(),
        start: o.start.map(|d| d.to_string()).unwrap_or_default(),
        end: o.end.map(|d| d.to_string()).unwrap_or_default(),
    }
}

fn radio(
    t: &Tr,
    name: &'static str,
    legend: &str,
    prefix: &str,
    keys: &[&str],
    value: &str,
    errors: &Errors,
) -> ChoiceGroup {
    ChoiceGroup {
        name,
        legend: t.t(legend),
        choices: keys
            .iter()
            .map(|k| Choice::new(*k, t.t(&format!("{prefix}-{k}")), *k == value))
            .collect(),
        error: errors.get(name),
    }
}

fn list_group(
    t: &Tr,
    inv: &Inventory,
    name: &'static str,
    legend: &str,
    kind: ListKind,
    values: &[String],
    errors: &Errors,
) -> ChoiceGroup {
    ChoiceGroup {
        name,
        legend: t.t(legend),
        choices: inv
            .lists
            .get(kind)
            .iter()
            .map(|i| {
                let mut c = Choice::new(i.key.clone(), i.label.clone(), values.contains(&i.key));
                if let Some(f) = i.factor {
                    c.hint = t.t(match f {
                        koers_core::inventory::FactorKind::Risk => "inv-factor-risk",
                        koers_core::inventory::FactorKind::Protective => "inv-factor-protective",
                    });
                }
                c
            })
            .collect(),
        error: errors.get(name),
    }
}

fn form_page(
    state: &AppState,
    page: &Page,
    member: &Member,
    inv: &Inventory,
    id: Option<OfferId>,
    v: &OfferInput,
    errors: Errors,
) -> OfferFormPage {
    let t = page.tr();
    let e = &errors;
    let keys = |all: &[&'static str]| all.to_vec();
    let providers = ChoiceGroup {
        name: "providers",
        legend: t.t("inv-field-providers"),
        choices: inv
            .partners
            .iter()
            .map(|p| {
                Choice::new(
                    p.id.to_string(),
                    p.name.clone(),
                    v.providers.contains(&p.id.to_string()),
                )
            })
            .collect(),
        error: e.get("providers"),
    };
    let groups = vec![
        providers,
        radio(
            &t,
            "actor",
            "inv-field-actor",
            "inv-actor",
            &keys(&Actor::ALL.iter().map(|a| a.key()).collect::<Vec<_>>()),
            &v.actor,
            e,
        ),
        radio(
            &t,
            "level",
            "inv-field-level",
            "inv-level",
            &PreventionLevel::ALL
                .iter()
                .map(|a| a.key())
                .collect::<Vec<_>>(),
            &v.level,
            e,
        ),
        list_group(
            &t,
            inv,
            "age_groups",
            "inv-field-age-groups",
            ListKind::AgeGroup,
            &v.age_groups,
            e,
        ),
        list_group(
            &t,
            inv,
            "settings",
            "inv-field-settings",
            ListKind::Setting,
            &v.settings,
            e,
        ),
        radio(
            &t,
            "form",
            "inv-field-form",
            "inv-form",
            &Form::ALL.iter().map(|a| a.key()).collect::<Vec<_>>(),
            &v.form,
            e,
        ),
        list_group(
            &t,
            inv,
            "themes",
            "inv-field-themes",
            ListKind::Theme,
            &v.themes,
            e,
        ),
        list_group(
            &t,
            inv,
            "factors",
            "inv-field-factors",
            ListKind::Factor,
            &v.factors,
            e,
        ),
        radio(
            &t,
            "evidence",
            "inv-field-evidence",
            "inv-evidence",
            &Evidence::ALL.iter().map(|a| a.key()).collect::<Vec<_>>(),
            &v.evidence,
            e,
        ),
    ];
    let results = inv
        .results
        .iter()
        .map(|r| {
            let id = r.id.to_string();
            let ticked = v.results.iter().find(|(x, _)| *x == id);
            ResultChoice {
                title: r.title.clone(),
                checked: ticked.is_some(),
                statement: ticked.map(|(_, s)| s.clone()).unwrap_or_default(),
                id,
            }
        })
        .collect();
    OfferFormPage {
        heading: if id.is_some() {
            t.t("inv-offer-edit")
        } else {
            t.t("inv-offer-new")
        },
        action: id.map_or_else(
            || "/inventory/activities".to_string(),
            |id| format!("/inventory/activities/{id}"),
        ),
        id: id.map(|i| i.to_string()),
        name: v.name.clone(),
        description: v.description.clone(),
        reach: v.reach.clone(),
        cost: v.cost.clone(),
        funding: v.funding.clone(),
        start: v.start.clone(),
        end: v.end.clone(),
        groups,
        results,
        errors,
        notice: None,
        chrome: page.chrome(state, Some(&member.user), "console"),
        nav: nav(member, "offers"),
        t,
    }
}

/// Where a new activity starts from: an evening's action, if any.
#[derive(Deserialize, Default)]
struct NewQuery {
    #[serde(default)]
    session: String,
    #[serde(default)]
    action: String,
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let mut v = OfferInput {
        evidence: Evidence::None.key().into(),
        ..OfferInput::default()
    };
    let mut notice = None;
    if !q.action.is_empty() {
        let from =
            super::from_action::origin(&state, &page.tr(), &member, &inv, &q.session, &q.action)
                .await?;
        v = from.input;
        notice = Some(from.notice);
    }
    if let Some(p) = member.partner() {
        v.providers.push(p.to_string());
    }
    let mut form = form_page(&state, &page, &member, &inv, None, &v, Errors::default());
    form.notice = notice;
    html(form)
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: OfferId = id.parse().map_err(|_| AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let offer = inv
        .offers
        .iter()
        .find(|o| o.id == id)
        .ok_or(AppError::NotFound)?;
    if !member.may_edit(&offer.providers) {
        return Err(AppError::Forbidden);
    }
    html(form_page(
        &state,
        &page,
        &member,
        &inv,
        Some(id),
        &input_of(offer),
        Errors::default(),
    ))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    body: Bytes,
) -> Result<Response, AppError> {
    save(state, page, member, OfferId::new(), false, body).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id: OfferId = id.parse().map_err(|_| AppError::NotFound)?;
    save(state, page, member, id, true, body).await
}

async fn save(
    state: AppState,
    page: Page,
    member: Member,
    id: OfferId,
    existing: bool,
    body: Bytes,
) -> Result<Response, AppError> {
    let ws = member.workspace.id;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    if existing && !inv.offers.iter().any(|o| o.id == id) {
        return Err(AppError::NotFound);
    }
    let mut input = Pairs::parse(&body).offer();
    // A partner's contact person always stays a provider of what it writes.
    if let Some(p) = member.partner()
        && !input.providers.contains(&p.to_string())
    {
        input.providers.insert(0, p.to_string());
    }
    let offer = match input.validate(id, &inv) {
        Ok(o) => o,
        Err(errors) => {
            let errors = Errors::from_fields(&page.tr(), &errors);
            let mut r = html(form_page(
                &state,
                &page,
                &member,
                &inv,
                existing.then_some(id),
                &input,
                errors,
            ))?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(r);
        }
    };
    state
        .store()
        .save_offer(ws, &offer, &member.editor())
        .await
        .map_err(refusal)?;
    Ok(Redirect::to(&format!("/inventory/activities/{id}?done=saved")).into_response())
}

/// A store refusal as the web's error.
pub(super) fn refusal(e: ExecError) -> AppError {
    match e {
        ExecError::Refused(koers_core::DomainError::NotYours) => AppError::Forbidden,
        ExecError::Refused(d) => AppError::Refused(d),
        ExecError::Store(StoreError::Duplicate(_)) => {
            AppError::Refused(koers_core::DomainError::InvalidActivity("duplicate"))
        }
        ExecError::Store(s) => s.into(),
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let t = page.tr();
    let id: OfferId = id.parse().map_err(|_| AppError::NotFound)?;
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let o = inv
        .offers
        .iter()
        .find(|o| o.id == id)
        .ok_or(AppError::NotFound)?;
    let fact = |label: &str, value: String| Fact {
        label: t.t(label),
        value,
    };
    let dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
    let facts = vec![
        fact("inv-field-providers", provider_names(&inv, o)),
        fact(
            "inv-field-actor",
            t.t(&format!("inv-actor-{}", o.actor.key())),
        ),
        fact(
            "inv-field-level",
            t.t(&format!("inv-level-{}", o.level.key())),
        ),
        fact(
            "inv-field-age-groups",
            labels(&inv, ListKind::AgeGroup, &o.age_groups),
        ),
        fact(
            "inv-field-settings",
            dash(labels(&inv, ListKind::Setting, &o.settings)),
        ),
        fact("inv-field-form", t.t(&format!("inv-form-{}", o.form.key()))),
        fact(
            "inv-field-themes",
            dash(labels(&inv, ListKind::Theme, &o.themes)),
        ),
        fact(
            "inv-field-factors",
            dash(labels(&inv, ListKind::Factor, &o.factors)),
        ),
        fact(
            "inv-field-evidence",
            t.t(&format!("inv-evidence-{}", o.evidence.key())),
        ),
        fact(
            "inv-field-reach",
            dash(o.reach.map(|r| r.to_string()).unwrap_or_default()),
        ),
        fact(
            "inv-field-cost",
            dash(o.cost.map(euros).unwrap_or_default()),
        ),
        fact(
            "inv-field-funding",
            dash(o.funding.clone().unwrap_or_default()),
        ),
        fact(
            "inv-field-start",
            dash(o.start.map(|d| d.to_string()).unwrap_or_default()),
        ),
        fact(
            "inv-field-end",
            dash(o.end.map(|d| d.to_string()).unwrap_or_default()),
        ),
    ];
    let results = o
        .results
        .iter()
        .filter_map(|l| {
            inv.result(l.result).map(|r| Fact {
                label: r.title.clone(),
                value: l.statement.clone().unwrap_or_default(),
            })
        })
        .collect();
    let history = state
        .store()
        .inventory_changes(member.workspace.id, Some(&id.to_string()), 50)
        .await?;
    html(OfferPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "offers"),
        id: id.to_string(),
        name: o.name.clone(),
        description: o.description.clone(),
        facts,
        results,
        editable: member.may_edit(&o.providers),
        deletable: member.is_staff() || member.partner().is_some_and(|p| o.providers == [p]),
        history: history.iter().map(|c| change_row(&t, c)).collect(),
        t,
    })
}

/// Whole euros with Dutch thousands separators.
pub(super) fn euros(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("€ {out}")
}

/// A log entry as shown.
pub(super) fn change_row(t: &Tr, c: &ChangeEntry) -> ChangeRow {
    let show = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "—".to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => {
            let s = other.to_string();
            if s.chars().count() > 200 {
                s.chars().take(200).chain("…".chars()).collect()
            } else {
                s
            }
        }
    };
    ChangeRow {
        at: local_time(c.at),
        who: c.user_name.clone(),
        kind: c.record_kind.clone(),
        name: c.record_name.clone(),
        href: (c.record_kind == "offer" && c.action != "deleted")
            .then(|| format!("/inventory/activities/{}", c.record_id)),
        action: t.t(&format!("inv-action-{}", c.action)),
        fields: c
            .changes
            .iter()
            .map(|f| (f.field.clone(), show(&f.before), show(&f.after)))
            .collect(),
    }
}

fn local_time(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .ok()
        .and_then(|ts| {
            jiff::tz::TimeZone::get("Europe/Amsterdam")
                .ok()
                .map(|tz| ts.to_zoned(tz))
        })
        .map(|z| z.strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

async fn delete(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: OfferId = id.parse().map_err(|_| AppError::NotFound)?;
    let found = state
        .store()
        .delete_inventory_record(
            member.workspace.id,
            RecordKind::Offer,
            &id.to_string(),
            &member.editor(),
        )
        .await
        .map_err(refusal)?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/inventory/activities?done=deleted").into_response())
}

async fn changes(
    State(state): State<AppState>,
    page: Page,
    member: Member,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let t = page.tr();
    let entries = state
        .store()
        .inventory_changes(member.workspace.id, None, 300)
        .await?;
    html(ChangesPage {
        chrome: page.chrome(&state, Some(&member.user), "console"),
        nav: nav(&member, "changes"),
        rows: entries.iter().map(|c| change_row(&t, c)).collect(),
        t,
    })
}

/// The activities' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inventory/activities", get(list).post(create))
        .route("/inventory/activities/new", get(new_form))
        .route("/inventory/activities/{id}", get(show).post(update))
        .route("/inventory/activities/{id}/edit", get(edit_form))
        .route("/inventory/activities/{id}/delete", post(delete))
        .route("/inventory/changes", get(changes))
}
