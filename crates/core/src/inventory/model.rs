//! The inventory's records and how input becomes them. Input arrives as
//! text (a form, a spreadsheet row) in an `…Input`; `validate` turns it into
//! a record or reports every field that is wrong, each with a [`Problem`], so
//! a form can mark each field and an import can list each cell.

use super::lists::{ListKind, Lists};
use crate::DomainError;
use crate::ids::{OfferId, PartnerId, ResultId};
use crate::text::{clean_line, clean_multiline};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Longest name (of a partner, result or activity).
pub const MAX_NAME: usize = 160;
/// Longest description.
pub const MAX_DESCRIPTION: usize = 4000;
/// Longest short text (contact, indicator, funding source, statement).
pub const MAX_SHORT: usize = 300;
/// Most providers, age groups, themes, … on one activity.
pub const MAX_LINKS: usize = 40;
/// Highest reach per year accepted (more than the Netherlands has young people).
pub const MAX_REACH: u64 = 10_000_000;
/// Highest annual cost accepted, in euros.
pub const MAX_COST_EUROS: u64 = 1_000_000_000;

/// What the municipality is to a partner (seed 003, *rol gemeente*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MunicipalityRole {
    /// Facilitates citizens' and partners' own choices.
    Facilitates,
    /// Commissions and funds (procurement, subsidy).
    Commissions,
    /// A partner the municipality does not fund.
    Partner,
}

/// Who carries out an activity: the three columns of seed 003.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// Citizens (*burgers*): volunteers, initiatives, youth council.
    Citizens,
    /// The municipality's approach and provisions (*aanpak*): district team,
    /// preventive programmes, CJG, youth health care, youth care.
    Approach,
    /// Societal partners: GPs, childcare, education, police, business.
    Partners,
}

/// Prevention level, from universal to care-related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreventionLevel {
    /// For all young people or parents.
    Universal,
    /// For groups at higher risk.
    Selective,
    /// For individuals with first signs of problems.
    Indicated,
    /// Alongside or after care (*zorggerelateerd*).
    CareRelated,
}

/// Individual, group, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// One person or family at a time.
    Individual,
    /// Groups.
    Group,
    /// Both.
    Both,
}

/// What is known of an activity's effect, after the Dutch database of
/// effective youth interventions (*Databank Effectieve Jeugdinterventies*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Recognised: effective according to strong indications.
    StrongIndications,
    /// Recognised: effective according to good indications.
    GoodIndications,
    /// Recognised: effective according to first indications.
    FirstIndications,
    /// Recognised: well-founded (*goed onderbouwd*).
    WellFounded,
    /// Not recognised, but built on theory.
    TheoryBased,
    /// Not recognised, but built on practice.
    PracticeBased,
    /// Nothing known.
    None,
}

macro_rules! keyed_enum {
    ($ty:ty { $($variant:ident = $key:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in display order.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),+];

            /// Stable key as stored, exported and used in translations.
            pub fn key(self) -> &'static str {
                match self { $(<$ty>::$variant => $key),+ }
            }

            /// Parses a stored key.
            pub fn parse(s: &str) -> Option<$ty> {
                match s { $($key => Some(<$ty>::$variant),)+ _ => None }
            }
        }
    };
}

keyed_enum!(MunicipalityRole { Facilitates = "facilitates", Commissions = "commissions", Partner = "partner" });
keyed_enum!(Actor { Citizens = "citizens", Approach = "approach", Partners = "partners" });
keyed_enum!(PreventionLevel {
    Universal = "universal",
    Selective = "selective",
    Indicated = "indicated",
    CareRelated = "care_related",
});
keyed_enum!(Form { Individual = "individual", Group = "group", Both = "both" });
keyed_enum!(Evidence {
    StrongIndications = "strong",
    GoodIndications = "good",
    FirstIndications = "first",
    WellFounded = "well_founded",
    TheoryBased = "theory",
    PracticeBased = "practice",
    None = "none",
});

impl Evidence {
    /// Recognised in the national database (any level).
    pub fn is_recognised(self) -> bool {
        matches!(
            self,
            Evidence::StrongIndications
                | Evidence::GoodIndications
                | Evidence::FirstIndications
                | Evidence::WellFounded
        )
    }
}

impl Form {
    /// Reaches individuals (individual or both).
    pub fn individual(self) -> bool {
        matches!(self, Form::Individual | Form::Both)
    }
    /// Reaches groups (group or both).
    pub fn group(self) -> bool {
        matches!(self, Form::Group | Form::Both)
    }
}

/// An organisation: a partner in the inventory and the stakeholder register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// Id.
    pub id: PartnerId,
    /// Name, unique within the workspace (case-insensitively).
    pub name: String,
    /// Partner type: a key of [`Lists::partner_types`].
    pub kind: String,
    /// Contact person's name.
    pub contact_name: Option<String>,
    /// Contact person's e-mail address.
    pub contact_email: Option<String>,
    /// The municipality's role toward it.
    pub role: MunicipalityRole,
}

/// A measured value in a year (a baseline or a target).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Year.
    pub year: i32,
    /// Value, in the indicator's unit (often a percentage).
    pub value: f64,
}

/// A societal result (*maatschappelijk resultaat*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SocietalResult {
    /// Id.
    pub id: ResultId,
    /// The result, e.g. "Meer jongeren voelen zich gezond".
    pub title: String,
    /// How it is measured, e.g. "% jongeren dat de eigen gezondheid als goed ervaart".
    pub indicator: Option<String>,
    /// Where it stands.
    pub baseline: Option<Measure>,
    /// Where it should be.
    pub target: Option<Measure>,
}

/// An activity's contribution to a result: "We doen …, zodat …".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultLink {
    /// The result.
    pub result: ResultId,
    /// The statement, if written.
    pub statement: Option<String>,
}

/// An activity of the preventive offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// Id.
    pub id: OfferId,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Providers, at least one. The first is the main provider.
    pub providers: Vec<PartnerId>,
    /// Seed 003's column.
    pub actor: Actor,
    /// Prevention level.
    pub level: PreventionLevel,
    /// Age-group keys, at least one.
    pub age_groups: Vec<String>,
    /// Setting keys.
    pub settings: Vec<String>,
    /// Individual, group or both.
    pub form: Form,
    /// Theme keys.
    pub themes: Vec<String>,
    /// Factor keys.
    pub factors: Vec<String>,
    /// Results it contributes to.
    pub results: Vec<ResultLink>,
    /// Evidence status.
    pub evidence: Evidence,
    /// People reached per year.
    pub reach: Option<u64>,
    /// Annual cost in whole euros.
    pub cost: Option<u64>,
    /// Funding source.
    pub funding: Option<String>,
    /// First day.
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
}

impl Offer {
    /// Runs in (some part of) `year`: started by its end, not ended before
    /// its start. An activity without dates runs every year.
    pub fn runs_in(&self, year: i16) -> bool {
        self.start.is_none_or(|d| d.year() <= year) && self.end.is_none_or(|d| d.year() >= year)
    }
}

/// A whole inventory, as the analysis and the export see it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    /// The workspace's lists.
    pub lists: Lists,
    /// Partners, by name.
    pub partners: Vec<Partner>,
    /// Results, in their order.
    pub results: Vec<SocietalResult>,
    /// Activities, by name.
    pub offers: Vec<Offer>,
}

impl Inventory {
    /// A partner by id.
    pub fn partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }
    /// A result by id.
    pub fn result(&self, id: ResultId) -> Option<&SocietalResult> {
        self.results.iter().find(|r| r.id == id)
    }
}

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// Required and empty.
    Missing,
    /// Longer than `max` characters.
    TooLong {
        /// Maximum characters.
        max: usize,
    },
    /// Not on the list (or not a known partner or result).
    Unknown {
        /// The value given.
        value: String,
    },
    /// Not a whole number from 0 to `max`.
    NotANumber {
        /// The largest allowed.
        max: u64,
    },
    /// Not a date (YYYY-MM-DD or DD-MM-YYYY).
    NotADate,
    /// The end is before the start.
    EndBeforeStart,
    /// More than [`MAX_LINKS`] values.
    TooMany,
    /// Not an e-mail address.
    NotAnEmail,
    /// Not a phone number.
    NotAPhone,
    /// Looks like a spreadsheet formula; refused so it cannot run when the
    /// export is opened.
    Formula,
    /// Another record already has this name.
    Duplicate,
}

impl Problem {
    /// Stable key, for translations.
    pub fn key(&self) -> &'static str {
        match self {
            Problem::Missing => "missing",
            Problem::TooLong { .. } => "too-long",
            Problem::Unknown { .. } => "unknown",
            Problem::NotANumber { .. } => "not-a-number",
            Problem::NotADate => "not-a-date",
            Problem::EndBeforeStart => "end-before-start",
            Problem::TooMany => "too-many",
            Problem::NotAnEmail => "not-an-email",
            Problem::NotAPhone => "not-a-phone",
            Problem::Formula => "formula",
            Problem::Duplicate => "duplicate",
        }
    }
}

/// A field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name (as in the `…Input` struct).
    pub field: &'static str,
    /// What is wrong.
    pub problem: Problem,
}

/// Collects field errors while validating.
#[derive(Debug, Default)]
pub(crate) struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    pub(crate) fn fail(&mut self, field: &'static str, problem: Problem) {
        self.errors.push(FieldError { field, problem });
    }

    pub(crate) fn text(
        &mut self,
        field: &'static str,
        raw: &str,
        max: usize,
        required: bool,
    ) -> Option<String> {
        if is_formula(raw) {
            self.fail(field, Problem::Formula);
            return None;
        }
        let cleaned = if max > MAX_SHORT {
            clean_multiline(raw, max)
        } else {
            clean_line(raw, max)
        };
        match cleaned {
            Ok(s) => Some(s),
            Err(DomainError::Empty) => {
                if required {
                    self.fail(field, Problem::Missing);
                }
                None
            }
            Err(DomainError::TooLong { max }) => {
                self.fail(field, Problem::TooLong { max });
                None
            }
            Err(_) => {
                self.fail(field, Problem::Missing);
                None
            }
        }
    }

    fn keys(
        &mut self,
        field: &'static str,
        values: &[String],
        lists: &Lists,
        kind: ListKind,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for v in values.iter().filter(|v| !v.trim().is_empty()) {
            match lists.find(kind, v) {
                Some(item) if !out.contains(&item.key) => out.push(item.key.clone()),
                Some(_) => {}
                None => self.fail(field, Problem::Unknown { value: truncate(v) }),
            }
        }
        if out.len() > MAX_LINKS {
            self.fail(field, Problem::TooMany);
        }
        out
    }

    fn keyed<T: Copy>(
        &mut self,
        field: &'static str,
        raw: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let t = raw.trim();
        if t.is_empty() {
            self.fail(field, Problem::Missing);
            return None;
        }
        let found = parse(t);
        if found.is_none() {
            self.fail(field, Problem::Unknown { value: truncate(t) });
        }
        found
    }

    fn number(&mut self, field: &'static str, raw: &str, max: u64) -> Option<u64> {
        let t = raw.trim();
        if t.is_empty() {
            return None;
        }
        match parse_number(t) {
            Some(n) if n <= max => Some(n),
            _ => {
                self.fail(field, Problem::NotANumber { max });
                None
            }
        }
    }

    pub(crate) fn date(&mut self, field: &'static str, raw: &str) -> Option<Date> {
        let t = raw.trim();
        if t.is_empty() {
            return None;
        }
        let parsed = parse_date(t);
        if parsed.is_none() {
            self.fail(field, Problem::NotADate);
        }
        parsed
    }

    pub(crate) fn done<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => Err(self.errors),
        }
    }
}

/// A text that a spreadsheet would run as a formula when it starts a cell.
pub fn is_formula(raw: &str) -> bool {
    let t = raw.trim_start();
    t.starts_with('=')
        || (t.starts_with(['+', '@'])
            && t.len() > 1
            && !t[1..].trim().chars().all(|c| c.is_ascii_digit()))
}

fn truncate(v: &str) -> String {
    v.trim().chars().take(60).collect()
}

/// A whole number, allowing Dutch thousands separators ("12.500", "12 500")
/// and a euro sign; refuses fractions and negatives.
pub fn parse_number(t: &str) -> Option<u64> {
    let t = t.trim().trim_start_matches('€').trim();
    // "1250,00" and "1250.0" (a spreadsheet number) are whole numbers too.
    let t = t
        .strip_suffix(",00")
        .or_else(|| t.strip_suffix(".0"))
        .or_else(|| t.strip_suffix(",-"))
        .unwrap_or(t);
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    // A dot must group thousands: "1.5" is not fifteen.
    if t.contains('.') && !t.split('.').skip(1).all(|g| g.len() == 3) {
        return None;
    }
    digits.parse().ok()
}

/// A date as ISO (2025-09-01) or Dutch (1-9-2025, 01-09-2025).
pub fn parse_date(t: &str) -> Option<Date> {
    if let Ok(d) = t.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
    {
        return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    }
    None
}

/// A partner as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PartnerInput {
    /// Name.
    pub name: String,
    /// Partner type (key or label).
    pub kind: String,
    /// Contact name.
    #[serde(default)]
    pub contact_name: String,
    /// Contact e-mail.
    #[serde(default)]
    pub contact_email: String,
    /// Municipality's role key.
    pub role: String,
}

impl PartnerInput {
    /// A validated partner with this id.
    pub fn validate(&self, id: PartnerId, lists: &Lists) -> Result<Partner, Vec<FieldError>> {
        let mut c = Check::default();
        let name = c.text("name", &self.name, MAX_NAME, true);
        let kind = c.keys(
            "kind",
            std::slice::from_ref(&self.kind),
            lists,
            ListKind::PartnerType,
        );
        if kind.is_empty() && self.kind.trim().is_empty() {
            c.fail("kind", Problem::Missing);
        }
        let contact_name = c.text("contact_name", &self.contact_name, MAX_SHORT, false);
        let contact_email = c.text("contact_email", &self.contact_email, MAX_SHORT, false);
        if let Some(e) = &contact_email
            && !looks_like_email(e)
        {
            c.fail("contact_email", Problem::NotAnEmail);
        }
        let role = c.keyed("role", &self.role, MunicipalityRole::parse);
        let value = match (name, kind.into_iter().next(), role) {
            (Some(name), Some(kind), Some(role)) => Some(Partner {
                id,
                name,
                kind,
                contact_name,
                contact_email: contact_email.map(|e| e.to_lowercase()),
                role,
            }),
            _ => None,
        };
        c.done(value)
    }
}

pub(crate) fn looks_like_email(e: &str) -> bool {
    match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !e.contains(' ')
        }
        None => false,
    }
}

/// A societal result as typed. Values may use a decimal comma.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ResultInput {
    /// Title.
    pub title: String,
    /// Indicator.
    #[serde(default)]
    pub indicator: String,
    /// Baseline year.
    #[serde(default)]
    pub baseline_year: String,
    /// Baseline value.
    #[serde(default)]
    pub baseline_value: String,
    /// Target year.
    #[serde(default)]
    pub target_year: String,
    /// Target value.
    #[serde(default)]
    pub target_value: String,
}

impl ResultInput {
    /// A validated result with this id.
    pub fn validate(&self, id: ResultId) -> Result<SocietalResult, Vec<FieldError>> {
        let mut c = Check::default();
        let title = c.text("title", &self.title, MAX_NAME, true);
        let indicator = c.text("indicator", &self.indicator, MAX_SHORT, false);
        let baseline = measure(
            &mut c,
            "baseline",
            &self.baseline_year,
            &self.baseline_value,
        );
        let target = measure(&mut c, "target", &self.target_year, &self.target_value);
        let value = title.map(|title| SocietalResult {
            id,
            title,
            indicator,
            baseline,
            target,
        });
        c.done(value)
    }
}

fn measure(c: &mut Check, field: &'static str, year: &str, value: &str) -> Option<Measure> {
    let (year, value) = (year.trim(), value.trim());
    if year.is_empty() && value.is_empty() {
        return None;
    }
    let y = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y));
    let v = value
        .trim_end_matches('%')
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() < 1e12);
    match (y, v) {
        (Some(year), Some(value)) => Some(Measure { year, value }),
        _ => {
            c.fail(
                field,
                Problem::NotANumber {
                    max: 1_000_000_000_000,
                },
            );
            None
        }
    }
}

/// An activity as typed. List fields hold keys or labels.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct OfferInput {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Provider names or ids.
    #[serde(default)]
    pub providers: Vec<String>,
    /// Actor key.
    pub actor: String,
    /// Prevention level key.
    pub level: String,
    /// Age groups.
    #[serde(default)]
    pub age_groups: Vec<String>,
    /// Settings.
    #[serde(default)]
    pub settings: Vec<String>,
    /// Form key.
    pub form: String,
    /// Themes.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Factors.
    #[serde(default)]
    pub factors: Vec<String>,
    /// Result titles or ids, each with an optional statement.
    #[serde(default)]
    pub results: Vec<(String, String)>,
    /// Evidence key.
    pub evidence: String,
    /// Reach per year.
    #[serde(default)]
    pub reach: String,
    /// Annual cost in euros.
    #[serde(default)]
    pub cost: String,
    /// Funding source.
    #[serde(default)]
    pub funding: String,
    /// Start date.
    #[serde(default)]
    pub start: String,
    /// End date.
    #[serde(default)]
    pub end: String,
}

impl OfferInput {
    /// A validated activity with this id. Providers and results are found by
    /// id or by name (case-insensitively) in `inventory`.
    pub fn validate(&self, id: OfferId, inventory: &Inventory) -> Result<Offer, Vec<FieldError>> {
        let lists = &inventory.lists;
        let mut c = Check::default();
        let name = c.text("name", &self.name, MAX_NAME, true);
        let description = c
            .text("description", &self.description, MAX_DESCRIPTION, false)
            .unwrap_or_default();
        let mut providers: Vec<PartnerId> = Vec::new();
        for p in self.providers.iter().filter(|p| !p.trim().is_empty()) {
            let wanted = super::lists::fold(p);
            let found = inventory
                .partners
                .iter()
                .find(|x| x.id.to_string() == p.trim() || super::lists::fold(&x.name) == wanted);
            match found {
                Some(x) if !providers.contains(&x.id) => providers.push(x.id),
                Some(_) => {}
                None => c.fail("providers", Problem::Unknown { value: truncate(p) }),
            }
        }
        if providers.is_empty() && !c.errors.iter().any(|e| e.field == "providers") {
            c.fail("providers", Problem::Missing);
        }
        let actor = c.keyed("actor", &self.actor, Actor::parse);
        let level = c.keyed("level", &self.level, PreventionLevel::parse);
        let age_groups = c.keys("age_groups", &self.age_groups, lists, ListKind::AgeGroup);
        if age_groups.is_empty() && !c.errors.iter().any(|e| e.field == "age_groups") {
            c.fail("age_groups", Problem::Missing);
        }
        let settings = c.keys("settings", &self.settings, lists, ListKind::Setting);
        let form = c.keyed("form", &self.form, Form::parse);
        let themes = c.keys("themes", &self.themes, lists, ListKind::Theme);
        let factors = c.keys("factors", &self.factors, lists, ListKind::Factor);
        let mut results: Vec<ResultLink> = Vec::new();
        for (r, statement) in self.results.iter().filter(|(r, _)| !r.trim().is_empty()) {
            let wanted = super::lists::fold(r);
            let found = inventory
                .results
                .iter()
                .find(|x| x.id.to_string() == r.trim() || super::lists::fold(&x.title) == wanted);
            let statement = c.text("results", statement, MAX_SHORT, false);
            match found {
                Some(x) if !results.iter().any(|l| l.result == x.id) => results.push(ResultLink {
                    result: x.id,
                    statement,
                }),
                Some(_) => {}
                None => c.fail("results", Problem::Unknown { value: truncate(r) }),
            }
        }
        let evidence = if self.evidence.trim().is_empty() {
            Some(Evidence::None)
        } else {
            c.keyed("evidence", &self.evidence, Evidence::parse)
        };
        let reach = c.number("reach", &self.reach, MAX_REACH);
        let cost = c.number("cost", &self.cost, MAX_COST_EUROS);
        let funding = c.text("funding", &self.funding, MAX_SHORT, false);
        let start = c.date("start", &self.start);
        let end = c.date("end", &self.end);
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            c.fail("end", Problem::EndBeforeStart);
        }
        let value = match (name, actor, level, form, evidence) {
            (Some(name), Some(actor), Some(level), Some(form), Some(evidence)) => Some(Offer {
                id,
                name,
                description,
                providers,
                actor,
                level,
                age_groups,
                settings,
                form,
                themes,
                factors,
                results,
                evidence,
                reach,
                cost,
                funding,
                start,
                end,
            }),
            _ => None,
        };
        c.done(value)
    }
}

#[cfg(test)]
mod tests;
