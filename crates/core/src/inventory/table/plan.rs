//! Planning an import: each mapped sheet checked as a whole (required
//! columns, fields mapped twice, the row limit), then each row turned into
//! a record with the model's own validation, every problem reported at its
//! row and source column. Partners and results are planned first, as
//! activities refer to them by name or id.
//!
//! A row with an id updates the record with that id (or creates it with
//! that id); a partner or result row without one is the existing record of
//! the same name (case- and accent-insensitively), else a new one. An
//! activity row without id is a new activity. A field whose column is not
//! mapped keeps the existing record's value. A partner or result whose row
//! fails (or is skipped) cannot be referred to by an activity row either,
//! so skipping rows never silently turns a reference into a new record.

use super::cells::parse_role;
use super::columns::{Column, Mapping, SheetKind};
use super::export::{partner_cell, result_cell};
use super::row::{Row, header_at, shorten};
use super::{Change, ImportPlan, MAX_ROWS, Mappings, RowError, RowRef, Sheet, Workbook};
use crate::ids::{PartnerId, ResultId};
use crate::inventory::lists::{ListKind, fold};
use crate::inventory::model::{
    Inventory, Partner, PartnerInput, Problem, ResultInput, SocietalResult,
};
use std::collections::{HashMap, HashSet};
use std::fmt::Display;
use std::str::FromStr;

/// What importing `workbook` with `mappings` into `current` would do.
pub fn plan(workbook: &Workbook, mappings: &Mappings, current: &Inventory) -> ImportPlan {
    plan_skipping(workbook, mappings, current, &[])
}

/// Like [`plan`], leaving out the rows in `skip` (the user's explicit
/// choice, typically [`ImportPlan::error_rows`] of the plan shown): they
/// create and change nothing and are listed in
/// [`ImportPlan::skipped_rows`].
pub fn plan_skipping(
    workbook: &Workbook,
    mappings: &Mappings,
    current: &Inventory,
    skip: &[RowRef],
) -> ImportPlan {
    let mut p = Planner::new(current, skip);
    let mut todo: Vec<(&Sheet, &Mapping)> = Vec::new();
    for (i, sheet) in workbook.sheets.iter().enumerate() {
        match mappings.sheets.get(i).and_then(Option::as_ref) {
            Some(m) => {
                if p.check_sheet(sheet, m) {
                    todo.push((sheet, m));
                }
            }
            None => p.plan.ignored_sheets.push(sheet.name.clone()),
        }
    }
    for kind in SheetKind::ALL {
        for (sheet, m) in todo.iter().filter(|(_, m)| m.kind == kind) {
            let headers = sheet.rows.first().map(Vec::as_slice).unwrap_or_default();
            for (i, cells) in sheet.rows.iter().enumerate().skip(1) {
                if cells.iter().all(|c| c.trim().is_empty()) {
                    p.plan.skipped_empty_rows += 1;
                    continue;
                }
                let mut row = Row::new(&sheet.name, i + 1, m, headers, cells);
                if p.skip.contains(&(sheet.name.as_str(), i + 1)) {
                    p.skipped(&row);
                    continue;
                }
                match kind {
                    SheetKind::Partners => p.partner_row(&mut row),
                    SheetKind::Results => p.result_row(&mut row),
                    SheetKind::Activities => p.offer_row(&mut row),
                }
                p.plan.errors.append(&mut row.errors);
            }
        }
    }
    p.plan
}

/// The state of planning: the inventory as it would be so far.
pub(super) struct Planner<'a> {
    pub current: &'a Inventory,
    skip: HashSet<(&'a str, usize)>,
    /// Lists, partners and results as after the rows planned so far.
    pub work: Inventory,
    pub plan: ImportPlan,
    /// Folded names of partners (titles of results) whose rows failed or
    /// were skipped.
    pub broken: HashSet<(SheetKind, String)>,
    /// Ids and folded names seen so far, per kind of sheet.
    pub seen: HashSet<(SheetKind, String)>,
    /// Folded names of the partners in `work`.
    pub partner_names: HashMap<String, PartnerId>,
    /// Folded titles of the results in `work`.
    pub result_titles: HashMap<String, ResultId>,
}

impl<'a> Planner<'a> {
    fn new(current: &'a Inventory, skip: &'a [RowRef]) -> Planner<'a> {
        Planner {
            current,
            skip: skip.iter().map(|r| (r.sheet.as_str(), r.row)).collect(),
            work: Inventory {
                lists: current.lists.clone(),
                partners: current.partners.clone(),
                results: current.results.clone(),
                offers: Vec::new(),
            },
            plan: ImportPlan::default(),
            broken: HashSet::new(),
            seen: HashSet::new(),
            partner_names: current
                .partners
                .iter()
                .map(|p| (fold(&p.name), p.id))
                .collect(),
            result_titles: current
                .results
                .iter()
                .map(|r| (fold(&r.title), r.id))
                .collect(),
        }
    }

    /// Reports the problems of a sheet as a whole; whether its rows can be
    /// planned.
    fn check_sheet(&mut self, sheet: &Sheet, m: &Mapping) -> bool {
        let headers = sheet.rows.first().map(Vec::as_slice).unwrap_or_default();
        let before = self.plan.errors.len();
        let mut fail = |column: Option<String>, problem: Problem, value: Option<String>| {
            self.plan.errors.push(RowError {
                sheet: sheet.name.clone(),
                row: 0,
                column,
                problem,
                value,
            });
        };
        for (i, c) in m.columns.iter().enumerate() {
            let Some(c) = c else { continue };
            let header = header_at(headers, i, *c, m.kind);
            if !m.kind.columns().contains(c) {
                fail(
                    Some(header),
                    Problem::Unknown {
                        value: format!("{c:?}"),
                    },
                    None,
                );
            } else if !c.multi() && m.sources(*c).next() != Some(i) {
                fail(Some(header), Problem::Duplicate, None);
            }
        }
        for c in m.kind.required().iter().filter(|c| !m.has(**c)) {
            fail(Some(c.header(m.kind).to_owned()), Problem::Missing, None);
        }
        let rows = sheet.rows.iter().skip(1);
        if sheet.rows.len() > MAX_ROWS + 1
            && rows
                .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
                .count()
                > MAX_ROWS
        {
            fail(None, Problem::TooMany, Some(MAX_ROWS.to_string()));
        }
        self.plan.errors.len() == before
    }

    fn skipped(&mut self, row: &Row) {
        let name = row.text(Column::Name).unwrap_or_default();
        self.broken.insert((row.kind, fold(&name)));
        self.plan.skipped_rows.push(row.at());
    }

    /// The row's id, if it has a valid one; reports an invalid or repeated id.
    pub fn row_id<T: FromStr + Display>(&mut self, row: &mut Row) -> Option<T> {
        let text = row.text(Column::Id)?;
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match T::from_str(t) {
            Ok(id) => {
                if self.seen.insert((row.kind, format!("id:{id}"))) {
                    Some(id)
                } else {
                    row.fail(Column::Id, Problem::Duplicate, Some(t));
                    None
                }
            }
            Err(_) => {
                row.fail(Column::Id, Problem::Unknown { value: shorten(t) }, Some(t));
                None
            }
        }
    }

    /// Reports a name seen before in the file or used by another record.
    fn check_name(&mut self, row: &mut Row, folded: String, taken_by_other: bool) {
        if !self.seen.insert((row.kind, format!("name:{folded}"))) || taken_by_other {
            let name = row.text(Column::Name).unwrap_or_default();
            row.fail(Column::Name, Problem::Duplicate, Some(&name));
        }
    }

    /// The partner type of partners created without one.
    pub fn default_partner_type(&self) -> String {
        let list = self.work.lists.get(ListKind::PartnerType);
        self.work
            .lists
            .find(ListKind::PartnerType, "overig")
            .or(list.last())
            .map(|i| i.key.clone())
            .unwrap_or_default()
    }

    /// Adds (or replaces) a partner in the working inventory.
    pub fn put_partner(&mut self, p: Partner, change: Change) {
        self.partner_names.retain(|_, id| *id != p.id);
        self.partner_names.insert(fold(&p.name), p.id);
        match self.work.partners.iter_mut().find(|x| x.id == p.id) {
            Some(x) => *x = p.clone(),
            None => self.work.partners.push(p.clone()),
        }
        self.plan.partners.push((p, change));
    }

    /// Adds (or replaces) a result in the working inventory.
    pub fn put_result(&mut self, r: SocietalResult, change: Change) {
        self.result_titles.retain(|_, id| *id != r.id);
        self.result_titles.insert(fold(&r.title), r.id);
        match self.work.results.iter_mut().find(|x| x.id == r.id) {
            Some(x) => *x = r.clone(),
            None => self.work.results.push(r.clone()),
        }
        self.plan.results.push((r, change));
    }

    fn partner_row(&mut self, row: &mut Row) {
        let current = self.current;
        let id = self.row_id::<PartnerId>(row);
        let name = row.text(Column::Name).unwrap_or_default();
        let existing: Option<&Partner> = match id {
            Some(id) => current.partners.iter().find(|p| p.id == id),
            None => current
                .partners
                .iter()
                .find(|p| fold(&p.name) == fold(&name)),
        };
        let id = existing.map(|e| e.id).or(id).unwrap_or_else(PartnerId::new);
        let lists = &self.work.lists;
        let field = |c: Column, default: &str| {
            row.text(c).unwrap_or_else(|| {
                existing.map_or_else(|| default.to_owned(), |e| partner_cell(lists, e, c))
            })
        };
        let role = field(Column::Role, "partner");
        let input = PartnerInput {
            name: field(Column::Name, ""),
            kind: field(Column::PartnerType, &self.default_partner_type()),
            contact_name: field(Column::ContactName, ""),
            contact_email: field(Column::ContactEmail, ""),
            role: keyed(role, parse_role, |r| r.key()),
        };
        match input.validate(id, lists) {
            Ok(p) => {
                let folded = fold(&p.name);
                let other = self.partner_names.get(&folded).is_some_and(|x| *x != id);
                self.check_name(row, folded, other);
                if !row.failed() {
                    let change = changed(existing, &p);
                    self.put_partner(p, change);
                    return;
                }
            }
            Err(errors) => row.field_errors(errors, |e| match e.field {
                "kind" => Column::PartnerType,
                "contact_name" => Column::ContactName,
                "contact_email" => Column::ContactEmail,
                "role" => Column::Role,
                _ => Column::Name,
            }),
        }
        self.broken.insert((SheetKind::Partners, fold(&name)));
    }

    fn result_row(&mut self, row: &mut Row) {
        let current = self.current;
        let id = self.row_id::<ResultId>(row);
        let title = row.text(Column::Name).unwrap_or_default();
        let existing: Option<&SocietalResult> = match id {
            Some(id) => current.results.iter().find(|r| r.id == id),
            None => current
                .results
                .iter()
                .find(|r| fold(&r.title) == fold(&title)),
        };
        let id = existing.map(|e| e.id).or(id).unwrap_or_else(ResultId::new);
        let field = |c: Column| {
            row.text(c)
                .unwrap_or_else(|| existing.map(|e| result_cell(e, c)).unwrap_or_default())
        };
        let input = ResultInput {
            title: field(Column::Name),
            indicator: field(Column::Indicator),
            baseline_year: field(Column::BaselineYear),
            baseline_value: field(Column::BaselineValue),
            target_year: field(Column::TargetYear),
            target_value: field(Column::TargetValue),
        };
        // A measure's problem is in its year when that is no year.
        let is_year = |t: &str| {
            t.trim()
                .parse::<i32>()
                .is_ok_and(|y| (1900..=2200).contains(&y))
        };
        let baseline = if is_year(&input.baseline_year) {
            Column::BaselineValue
        } else {
            Column::BaselineYear
        };
        let target = if is_year(&input.target_year) {
            Column::TargetValue
        } else {
            Column::TargetYear
        };
        match input.validate(id) {
            Ok(r) => {
                let folded = fold(&r.title);
                let other = self.result_titles.get(&folded).is_some_and(|x| *x != id);
                self.check_name(row, folded, other);
                if !row.failed() {
                    let change = changed(existing, &r);
                    self.put_result(r, change);
                    return;
                }
            }
            Err(errors) => row.field_errors(errors, |e| match e.field {
                "indicator" => Column::Indicator,
                "baseline" => baseline,
                "target" => target,
                _ => Column::Name,
            }),
        }
        self.broken.insert((SheetKind::Results, fold(&title)));
    }
}

/// A cell naming an enum value by label, as its key; unknown text as it is
/// (so validation reports it).
pub(super) fn keyed<T>(
    text: String,
    parse: fn(&str) -> Option<T>,
    key: fn(T) -> &'static str,
) -> String {
    parse(&text).map_or(text, |v| key(v).to_owned())
}

/// What importing `new` over `existing` does.
pub(super) fn changed<T: PartialEq>(existing: Option<&T>, new: &T) -> Change {
    match existing {
        None => Change::New,
        Some(e) if e == new => Change::Unchanged,
        Some(_) => Change::Update,
    }
}
