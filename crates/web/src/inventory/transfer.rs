//! Import and export of the inventory (staff only). Import is three steps,
//! so nothing is dropped silently or half-imported: upload (the file is
//! kept), preview (the column mapping, adjustable, and every problem of
//! every row), and confirm — all rows, or, as an explicit choice, all but
//! the rows with problems, which the confirmation lists. Confirming takes
//! the upload in the same transaction as the writes, so a file is imported
//! once even when the button is pressed twice.

use super::access::Member;
use super::offers::nav;
use super::views::problem;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::inventory_io::{MatrixSheet, ReadError, read_csv, read_xlsx, write_csv, write_xlsx};
use crate::routes::extract::Page;
use crate::routes::public::html;
use crate::state::AppState;
use crate::views::pages::Chrome;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use koers_core::inventory::Inventory;
use koers_core::inventory::matrix::{Axis, Filter, matrix};
use koers_core::inventory::table::{
    Change, Column, ImportPlan, Mapping, Mappings, RowRef, SheetKind, Workbook, plan_skipping,
};
use koers_store::{ExecError, Write};

/// Where the upload form posts.
pub const PATH: &str = "/inventory/import";
/// Largest spreadsheet accepted.
pub const MAX_FILE: usize = 8 * 1024 * 1024;
/// Largest upload body: the file and the form around it.
pub const MAX_UPLOAD: usize = MAX_FILE + 64 * 1024;

/// Reads an uploaded file: xlsx when it is a zip (or named .xlsx), else csv.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    if bytes.starts_with(b"PK") || name.to_lowercase().ends_with(".xlsx") {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}

/// The records a plan creates or changes, partners and results first.
pub fn plan_writes(plan: &ImportPlan) -> Vec<Write> {
    let changed = |c: &Change| *c != Change::Unchanged;
    let mut out: Vec<Write> = Vec::new();
    out.extend(
        plan.partners
            .iter()
            .filter(|(_, c)| changed(c))
            .map(|(p, _)| Write::Partner(p.clone())),
    );
    out.extend(
        plan.results
            .iter()
            .filter(|(_, c)| changed(c))
            .map(|(r, _)| Write::Result(r.clone())),
    );
    out.extend(
        plan.offers
            .iter()
            .filter(|(_, c)| changed(c))
            .map(|(o, _)| Write::Offer(o.clone())),
    );
    out
}

/// The matrix views of the export, labelled in `t`'s language.
pub fn export_views(t: &Tr, inv: &Inventory) -> Vec<MatrixSheet> {
    [
        (Axis::Level, Axis::AgeGroup),
        (Axis::Level, Axis::Theme),
        (Axis::Setting, Axis::AgeGroup),
        (Axis::Partner, Axis::Result),
    ]
    .into_iter()
    .map(|(r, c)| {
        let m = matrix(inv, r, c, &Filter::default());
        MatrixSheet {
            title: format!(
                "{} × {}",
                t.t(&format!("inv-axis-{}", r.key())),
                t.t(&format!("inv-axis-{}", c.key()))
            ),
            rows: m
                .rows
                .iter()
                .map(|h| super::matrix::header_label(t, r, h))
                .collect(),
            cols: m
                .cols
                .iter()
                .map(|h| super::matrix::header_label(t, c, h))
                .collect(),
            counts: m
                .cells
                .iter()
                .map(|row| row.iter().map(|c| c.offers.len()).collect())
                .collect(),
        }
    })
    .collect()
}

/// A read error as a sentence.
pub fn read_error(t: &Tr, e: &ReadError) -> String {
    match e {
        ReadError::Empty => t.t("inv-import-error-empty"),
        ReadError::NotZip(_) | ReadError::NotXlsx(_) => t.t("inv-import-error-not-xlsx"),
        ReadError::TooLarge { .. } => t.t("inv-import-error-too-large"),
        ReadError::TooManyColumns { sheet, .. } => {
            t.t1("inv-import-error-columns", "sheet", sheet.clone())
        }
        ReadError::Csv(_) => t.t("inv-import-error-csv"),
    }
}

/// A problem the import found, as a line of the report.
#[derive(Debug)]
pub struct ProblemRow {
    /// Sheet.
    pub sheet: String,
    /// Row number (0: the whole sheet).
    pub row: usize,
    /// Column header.
    pub column: String,
    /// The value at fault.
    pub value: String,
    /// What is wrong.
    pub message: String,
}

/// The report's lines of a plan.
pub fn problem_rows(t: &Tr, plan: &ImportPlan) -> Vec<ProblemRow> {
    plan.errors
        .iter()
        .map(|e| ProblemRow {
            sheet: e.sheet.clone(),
            row: e.row,
            column: e.column.clone().unwrap_or_default(),
            value: e.value.clone().unwrap_or_default(),
            message: problem(t, &e.problem),
        })
        .collect()
}

/// A sheet's mapping on the preview: each source column and its field.
#[derive(Debug)]
pub struct SheetView {
    /// Index in the workbook.
    pub index: usize,
    /// Name.
    pub name: String,
    /// Kind key ("" = not imported).
    pub kind: &'static str,
    /// Data rows.
    pub rows: usize,
    /// Columns: index, header, chosen field key, and the first data row's
    /// value (cut short), so the mapping can be checked against real data.
    pub columns: Vec<(usize, String, &'static str, String)>,
    /// The fields its columns can hold: key and label.
    pub fields: Vec<(&'static str, &'static str)>,
}

/// The import page: the upload form, and once a file is uploaded its preview.
#[derive(Template, Debug)]
#[template(path = "inventory/import.html")]
pub struct ImportPage {
    /// Translations.
    pub t: Tr,
    /// Frame.
    pub chrome: Chrome,
    /// Sections.
    pub nav: super::views::Nav,
    /// An error with the file.
    pub error: Option<String>,
    /// The uploaded file's id and name, when previewing.
    pub upload: Option<(String, String)>,
    /// Sheets and their mappings.
    pub sheets: Vec<SheetView>,
    /// New, updated, unchanged.
    pub counts: (usize, usize, usize),
    /// New partners and results to create, by name.
    pub new_names: Vec<String>,
    /// Problems.
    pub problems: Vec<ProblemRow>,
    /// Rows with problems (to skip explicitly): sheet and row.
    pub error_rows: Vec<(String, usize)>,
    /// Their fingerprint, sent back with the choice to skip them.
    pub skip_fingerprint: String,
    /// Skipping those rows is possible.
    pub skippable: bool,
    /// Empty rows passed over.
    pub empty_rows: usize,
    /// Sheets not imported.
    pub ignored: Vec<String>,
}

/// A field's stable key (its serde name), for the preview form.
fn column_key(c: Column) -> &'static str {
    use Column::*;
    match c {
        Id => "id",
        Name => "name",
        Description => "description",
        Providers => "providers",
        Actor => "actor",
        Level => "level",
        AgeGroups => "age_groups",
        Settings => "settings",
        Form => "form",
        Themes => "themes",
        Factors => "factors",
        Results => "results",
        Statements => "statements",
        Evidence => "evidence",
        Reach => "reach",
        Cost => "cost",
        Funding => "funding",
        Start => "start",
        End => "end",
        PartnerType => "partner_type",
        ContactName => "contact_name",
        ContactEmail => "contact_email",
        Role => "role",
        Indicator => "indicator",
        BaselineYear => "baseline_year",
        BaselineValue => "baseline_value",
        TargetYear => "target_year",
        TargetValue => "target_value",
    }
}

fn kind_key(k: SheetKind) -> &'static str {
    match k {
        SheetKind::Activities => "activities",
        SheetKind::Partners => "partners",
        SheetKind::Results => "results",
    }
}

/// The fields a sheet of `kind` can map a column to, labelled with the
/// headers Koers itself writes.
fn field_choices(kind: SheetKind) -> Vec<(&'static str, &'static str)> {
    kind.columns()
        .iter()
        .map(|c| (column_key(*c), c.header(kind)))
        .collect()
}

/// The mappings the preview form sent (`kind-N`, `map-N-M`), else detected.
fn mappings_from(query: &[(String, String)], wb: &Workbook) -> Mappings {
    let detected = Mappings::detect(wb);
    if !query.iter().any(|(k, _)| k.starts_with("kind-")) {
        return detected;
    }
    let get = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let sheets = wb
        .sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| {
            let kind = match get(&format!("kind-{i}"))? {
                "activities" => SheetKind::Activities,
                "partners" => SheetKind::Partners,
                "results" => SheetKind::Results,
                _ => return None,
            };
            let width = sheet.rows.first().map_or(0, Vec::len);
            let columns = (0..width)
                .map(|c| {
                    let v = get(&format!("map-{i}-{c}"))?;
                    serde_json::from_value::<Column>(serde_json::Value::String(v.to_string())).ok()
                })
                .collect();
            Some(Mapping { kind, columns })
        })
        .collect();
    Mappings { sheets }
}

/// A fingerprint of the rows with problems, so that "skip these rows"
/// skips exactly the rows the preview listed and no others (a changed
/// mapping or inventory gives another set, and the confirmation is refused).
fn fingerprint(rows: &[RowRef]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for r in rows {
        h.update(r.sheet.as_bytes());
        h.update(b"\0");
        h.update(r.row.to_string().as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn empty_page(t: Tr, chrome: Chrome, nav: super::views::Nav, error: Option<String>) -> ImportPage {
    ImportPage {
        t,
        chrome,
        nav,
        error,
        upload: None,
        sheets: Vec::new(),
        counts: (0, 0, 0),
        new_names: Vec::new(),
        problems: Vec::new(),
        error_rows: Vec::new(),
        skip_fingerprint: String::new(),
        skippable: false,
        empty_rows: 0,
        ignored: Vec::new(),
    }
}

async fn form(
    State(state): State<AppState>,
    page: Page,
    member: Member,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let chrome = page.chrome(&state, Some(&member.user), "console");
    html(empty_page(
        page.tr(),
        chrome,
        nav(&member, "transfer"),
        None,
    ))
}

async fn upload(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let t = page.tr();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await? {
        if field.name() == Some("file") {
            let name = field
                .file_name()
                .unwrap_or("upload")
                .chars()
                .take(200)
                .collect();
            file = Some((name, field.bytes().await?.to_vec()));
        }
    }
    let refuse = |msg: String| -> Result<Response, AppError> {
        let chrome = page.chrome(&state, Some(&member.user), "console");
        let mut r = html(empty_page(t, chrome, nav(&member, "transfer"), Some(msg)))?;
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(r)
    };
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return refuse(t.t("inv-import-error-empty"));
    };
    // Read it now, so a broken file is told at once and never kept.
    if let Err(e) = read_file(&name, &bytes) {
        return refuse(read_error(&t, &e));
    }
    let id = state
        .store()
        .save_upload(member.workspace.id, member.user.id, &name, &bytes)
        .await?;
    Ok(Redirect::to(&format!("{PATH}/{id}")).into_response())
}

async fn load(state: &AppState, member: &Member, id: &str) -> Result<(String, Workbook), AppError> {
    let up = state
        .store()
        .upload(member.workspace.id, member.user.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let wb = read_file(&up.file_name, &up.bytes).map_err(|_| AppError::BadRequest)?;
    Ok((up.file_name, wb))
}

/// An uploaded file as the preview shows it: its id and name, what was read,
/// how its columns are mapped and what importing it would do.
struct Upload<'a> {
    id: &'a str,
    name: String,
    wb: &'a Workbook,
    mappings: &'a Mappings,
    plan: &'a ImportPlan,
}

fn preview_page(
    t: Tr,
    chrome: Chrome,
    member: &Member,
    up: Upload<'_>,
    error: Option<String>,
) -> ImportPage {
    let Upload {
        id,
        name,
        wb,
        mappings,
        plan,
    } = up;
    let sheets = wb
        .sheets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let m = mappings.sheets.get(i).and_then(Option::as_ref);
            let headers = s.rows.first().cloned().unwrap_or_default();
            let first = s.rows.get(1);
            SheetView {
                index: i,
                name: s.name.clone(),
                kind: m.map_or("", |m| kind_key(m.kind)),
                fields: field_choices(m.map_or(SheetKind::Activities, |m| m.kind)),
                rows: s.rows.len().saturating_sub(1),
                columns: headers
                    .into_iter()
                    .enumerate()
                    .map(|(c, h)| {
                        let sample: String = first
                            .and_then(|r| r.get(c))
                            .map(|v| v.chars().take(60).collect())
                            .unwrap_or_default();
                        (
                            c,
                            h,
                            m.and_then(|m| m.columns.get(c).copied().flatten())
                                .map_or("", column_key),
                            sample,
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let new_names = plan
        .partners
        .iter()
        .filter(|(_, c)| *c == Change::New)
        .map(|(p, _)| p.name.clone())
        .chain(
            plan.results
                .iter()
                .filter(|(_, c)| *c == Change::New)
                .map(|(r, _)| r.title.clone()),
        )
        .take(200)
        .collect();
    ImportPage {
        problems: problem_rows(&t, plan),
        t,
        chrome,
        nav: nav(member, "transfer"),
        error,
        upload: Some((id.to_string(), name)),
        sheets,
        counts: plan.counts(),
        new_names,
        error_rows: plan
            .error_rows()
            .into_iter()
            .map(|r| (r.sheet, r.row))
            .collect(),
        skip_fingerprint: fingerprint(&plan.error_rows()),
        skippable: plan.rows_skippable(),
        empty_rows: plan.skipped_empty_rows,
        ignored: plan.ignored_sheets.clone(),
    }
}

async fn preview(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let (name, wb) = load(&state, &member, &id).await?;
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let mappings = mappings_from(&query, &wb);
    let plan = plan_skipping(&wb, &mappings, &inv, &[]);
    let chrome = page.chrome(&state, Some(&member.user), "console");
    let up = Upload {
        id: &id,
        name,
        wb: &wb,
        mappings: &mappings,
        plan: &plan,
    };
    html(preview_page(page.tr(), chrome, &member, up, None))
}

async fn apply(
    State(state): State<AppState>,
    page: Page,
    member: Member,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    member.staff_only()?;
    let t = page.tr();
    let form: Vec<(String, String)> = form_urlencoded::parse(&body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let (name, wb) = match load(&state, &member, &id).await {
        Ok(x) => x,
        // Already imported (a second press) or expired: say so, change nothing.
        Err(AppError::NotFound) => {
            return Ok(Redirect::to("/inventory/activities?done=import-gone").into_response());
        }
        Err(e) => return Err(e),
    };
    let ws = member.workspace.id;
    let (_, inv) = state.store().inventory_shared(ws).await?;
    let mappings = mappings_from(&form, &wb);
    let mut plan = plan_skipping(&wb, &mappings, &inv, &[]);
    // Skipping rows is an explicit choice, and only of the rows shown.
    let wanted = form
        .iter()
        .find(|(k, _)| k == "skip")
        .map(|(_, v)| v.as_str());
    if let Some(fp) = wanted
        && !plan.is_clean()
        && plan.rows_skippable()
        && fp == fingerprint(&plan.error_rows())
    {
        plan = plan_skipping(&wb, &mappings, &inv, &plan.error_rows());
    }
    if !plan.is_clean() {
        let chrome = page.chrome(&state, Some(&member.user), "console");
        let up = Upload {
            id: &id,
            name,
            wb: &wb,
            mappings: &mappings,
            plan: &plan,
        };
        let error = Some(t.t("inv-import-not-clean"));
        let mut r = html(preview_page(t, chrome, &member, up, error))?;
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(r);
    }
    let writes = plan_writes(&plan);
    let changed = match state
        .store()
        .apply_upload(ws, &id, &writes, &member.editor())
        .await
    {
        Ok(n) => n,
        Err(ExecError::Refused(koers_core::DomainError::NotFound)) => {
            return Ok(Redirect::to("/inventory/activities?done=import-gone").into_response());
        }
        Err(e) => return Err(super::offers::refusal(e)),
    };
    let detail = format!(
        "{name}: {changed} records, {} rows skipped",
        plan.skipped_rows.len()
    );
    state
        .store()
        .record_audit(ws, Some(member.user.id), "inventory_imported", &id, &detail)
        .await?;
    Ok(Redirect::to(&format!("/inventory/activities?done=imported&n={changed}")).into_response())
}

async fn export_xlsx(
    State(state): State<AppState>,
    page: Page,
    member: Member,
) -> Result<Response, AppError> {
    // The export holds partners' contact persons: staff only.
    member.staff_only()?;
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    let views = export_views(&page.tr(), &inv);
    let bytes = write_xlsx(&inv, &views).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "inventarisatie.xlsx",
    ))
}

async fn export_csv(State(state): State<AppState>, member: Member) -> Result<Response, AppError> {
    member.staff_only()?;
    let (_, inv) = state.store().inventory_shared(member.workspace.id).await?;
    Ok(download(
        write_csv(&inv),
        "text/csv; charset=utf-8",
        "activiteiten.csv",
    ))
}

/// A file to download, kept out of every cache.
pub(super) fn download(bytes: Vec<u8>, mime: &'static str, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// The import and export routes; the upload has its own body limit.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(PATH, get(form).post(upload))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD))
        .route("/inventory/import/{id}", get(preview))
        .route("/inventory/import/{id}/apply", post(apply))
        .route("/inventory/export.xlsx", get(export_xlsx))
        .route("/inventory/export.csv", get(export_csv))
}
