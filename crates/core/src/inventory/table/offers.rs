//! Planning an activities row: providers and results found by id or name
//! among the partners and results as planned so far, those not found
//! planned as new (a partner of type "overig" whose municipality role is
//! "partner"; a result with just its title), enum cells read by label, list
//! cells split (see [`super::cells`]), then the model's validation.

use super::Change;
use super::cells::{
    parse_actor, parse_evidence, parse_form, parse_level, split_items, split_statements,
};
use super::columns::{Column, SheetKind};
use super::export::offer_cell;
use super::plan::{Planner, changed, keyed};
use super::row::Row;
use crate::ids::{OfferId, PartnerId, ResultId};
use crate::inventory::lists::{ListKind, fold};
use crate::inventory::model::{FieldError, Offer, OfferInput, PartnerInput, Problem, ResultInput};

/// A provider or result named in a cell, as found.
enum Found {
    /// An existing or planned record's id.
    Id(String),
    /// Its row failed or was skipped.
    Broken,
    /// Nowhere.
    Missing,
}

impl Planner<'_> {
    fn find(&self, kind: SheetKind, text: &str) -> Found {
        let t = text.trim();
        let folded = fold(t);
        let by_name = match kind {
            SheetKind::Partners => self.partner_names.get(&folded).map(ToString::to_string),
            _ => self.result_titles.get(&folded).map(ToString::to_string),
        };
        let by_id = match kind {
            SheetKind::Partners => t
                .parse::<PartnerId>()
                .ok()
                .filter(|id| self.work.partners.iter().any(|p| p.id == *id))
                .map(|id| id.to_string()),
            _ => t
                .parse::<ResultId>()
                .ok()
                .filter(|id| self.work.results.iter().any(|r| r.id == *id))
                .map(|id| id.to_string()),
        };
        match by_id.or(by_name) {
            Some(id) => Found::Id(id),
            None if self.broken.contains(&(kind, folded)) => Found::Broken,
            None => Found::Missing,
        }
    }

    /// The ids of the records a cell names, creating those it names that
    /// do not exist yet. A name whose row failed and an id that is nobody's
    /// stay as they are, for validation to report as unknown.
    fn resolve(
        &mut self,
        row: &mut Row,
        column: Column,
        kind: SheetKind,
        names: &[String],
    ) -> Vec<Option<String>> {
        let mut ids = Vec::with_capacity(names.len());
        for name in names {
            let id = match self.find(kind, name) {
                Found::Id(id) => Some(id),
                Found::Broken => Some(name.clone()),
                Found::Missing if uuid::Uuid::parse_str(name.trim()).is_ok() => Some(name.clone()),
                Found::Missing => match self.create(kind, name) {
                    Ok(id) => Some(id),
                    Err(errors) => {
                        for e in errors {
                            row.fail(column, e.problem, Some(name));
                        }
                        None
                    }
                },
            };
            ids.push(id);
        }
        ids
    }

    /// Plans a partner (result) an activity names that exists nowhere.
    fn create(&mut self, kind: SheetKind, name: &str) -> Result<String, Vec<FieldError>> {
        if kind == SheetKind::Partners {
            let input = PartnerInput {
                name: name.to_owned(),
                kind: self.default_partner_type(),
                role: "partner".into(),
                ..PartnerInput::default()
            };
            let p = input.validate(PartnerId::new(), &self.work.lists)?;
            let id = p.id.to_string();
            self.put_partner(p, Change::New);
            Ok(id)
        } else {
            let input = ResultInput {
                title: name.to_owned(),
                ..ResultInput::default()
            };
            let r = input.validate(ResultId::new())?;
            let id = r.id.to_string();
            self.put_result(r, Change::New);
            Ok(id)
        }
    }

    /// Plans one activities row.
    pub(super) fn offer_row(&mut self, row: &mut Row) {
        let current = self.current;
        let id = self.row_id::<OfferId>(row);
        let existing: Option<&Offer> = id.and_then(|id| current.offers.iter().find(|o| o.id == id));
        let id = id.unwrap_or_else(OfferId::new);
        // A field without a column keeps the existing value; providers and
        // results by id, as a name may change in this same import.
        let field = |c: Column| {
            row.text(c).unwrap_or_else(|| match (existing, c) {
                (None, _) => String::new(),
                (Some(e), Column::Providers) => ids(e.providers.iter()),
                (Some(e), Column::Results) => ids(e.results.iter().map(|l| l.result)),
                (Some(e), c) => offer_cell(current, e, c),
            })
        };
        let lists = &self.work.lists;
        let items =
            |c: Column, kind: ListKind| split_items(&field(c), &|s| lists.find(kind, s).is_some());
        let mut input = OfferInput {
            name: field(Column::Name),
            description: field(Column::Description),
            actor: keyed(field(Column::Actor), parse_actor, |v| v.key()),
            level: keyed(field(Column::Level), parse_level, |v| v.key()),
            age_groups: items(Column::AgeGroups, ListKind::AgeGroup),
            settings: items(Column::Settings, ListKind::Setting),
            form: keyed(field(Column::Form), parse_form, |v| v.key()),
            themes: items(Column::Themes, ListKind::Theme),
            factors: items(Column::Factors, ListKind::Factor),
            evidence: keyed(field(Column::Evidence), parse_evidence, |v| v.key()),
            reach: field(Column::Reach),
            cost: field(Column::Cost),
            funding: field(Column::Funding),
            start: field(Column::Start),
            end: field(Column::End),
            ..OfferInput::default()
        };
        let providers_cell = field(Column::Providers);
        let results_cell = field(Column::Results);
        let statements_cell = field(Column::Statements);
        let providers = split_items(&providers_cell, &|s| {
            !matches!(self.find(SheetKind::Partners, s), Found::Missing)
        });
        let results = split_items(&results_cell, &|s| {
            !matches!(self.find(SheetKind::Results, s), Found::Missing)
        });
        let statements =
            split_statements(&statements_cell, results.len()).unwrap_or_else(|extra| {
                let first = extra
                    .iter()
                    .find(|s| !s.is_empty())
                    .cloned()
                    .unwrap_or_default();
                row.fail(Column::Statements, Problem::TooMany, Some(&first));
                Vec::new()
            });
        input.providers = self
            .resolve(row, Column::Providers, SheetKind::Partners, &providers)
            .into_iter()
            .flatten()
            .collect();
        let result_ids = self.resolve(row, Column::Results, SheetKind::Results, &results);
        input.results = result_ids
            .into_iter()
            .enumerate()
            .filter_map(|(i, id)| Some((id?, statements.get(i).cloned().unwrap_or_default())))
            .collect();
        let statements_mapped = row.mapped(Column::Statements);
        match input.validate(id, &self.work) {
            Ok(offer) => {
                let key = format!(
                    "activity:{}:{}",
                    fold(&offer.name),
                    offer
                        .providers
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                );
                if !self.seen.insert((SheetKind::Activities, key)) {
                    row.fail(Column::Name, Problem::Duplicate, Some(&offer.name));
                }
                if !row.failed() {
                    let change = changed(existing, &offer);
                    self.plan.offers.push((offer, change));
                }
            }
            Err(errors) => row.field_errors(errors, |e| field_column(e, statements_mapped)),
        }
    }
}

fn ids<T: ToString>(ids: impl Iterator<Item = T>) -> String {
    ids.map(|i| i.to_string()).collect::<Vec<_>>().join("; ")
}

/// The column of a field of [`OfferInput`].
fn field_column(e: &FieldError, statements: bool) -> Column {
    match e.field {
        "description" => Column::Description,
        "providers" => Column::Providers,
        "actor" => Column::Actor,
        "level" => Column::Level,
        "age_groups" => Column::AgeGroups,
        "settings" => Column::Settings,
        "form" => Column::Form,
        "themes" => Column::Themes,
        "factors" => Column::Factors,
        // A result that is not found is in the results column; a statement's
        // problem in the statements column.
        "results" if statements && !matches!(e.problem, Problem::Unknown { .. }) => {
            Column::Statements
        }
        "results" => Column::Results,
        "evidence" => Column::Evidence,
        "reach" => Column::Reach,
        "cost" => Column::Cost,
        "funding" => Column::Funding,
        "start" => Column::Start,
        "end" => Column::End,
        _ => Column::Name,
    }
}
