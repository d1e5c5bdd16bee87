//! Which field a spreadsheet column holds: the three kinds of sheet, their
//! columns, the headers Koers writes, and the recognition of the headers
//! municipalities write themselves ("Naam activiteit", "Aanbieder(s)",
//! "Preventieniveau", …) tolerant of case, accents, punctuation and common
//! synonyms. A [`Mapping`] is what the user confirms or adjusts.

use super::Workbook;
use super::headers::{keyword, synonyms};
use serde::{Deserialize, Serialize};

/// What a sheet lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetKind {
    /// Activities (the offer).
    Activities,
    /// Partners (organisations).
    Partners,
    /// Societal results.
    Results,
}

impl SheetKind {
    /// Every kind, in import order (partners and results first, as
    /// activities refer to them).
    pub const ALL: [SheetKind; 3] = [
        SheetKind::Partners,
        SheetKind::Results,
        SheetKind::Activities,
    ];

    /// The name of the sheet Koers exports.
    pub fn sheet_name(self) -> &'static str {
        match self {
            SheetKind::Activities => "Activiteiten",
            SheetKind::Partners => "Partners",
            SheetKind::Results => "Resultaten",
        }
    }

    /// The columns of this kind, in export order.
    pub fn columns(self) -> &'static [Column] {
        use Column::*;
        match self {
            SheetKind::Activities => &[
                Id,
                Name,
                Description,
                Providers,
                Actor,
                Level,
                AgeGroups,
                Settings,
                Form,
                Themes,
                Factors,
                Results,
                Statements,
                Evidence,
                Reach,
                Cost,
                Funding,
                Start,
                End,
            ],
            SheetKind::Partners => &[Id, Name, PartnerType, ContactName, ContactEmail, Role],
            SheetKind::Results => &[
                Id,
                Name,
                Indicator,
                BaselineYear,
                BaselineValue,
                TargetYear,
                TargetValue,
            ],
        }
    }

    /// The columns a sheet of this kind must have.
    pub fn required(self) -> &'static [Column] {
        use Column::*;
        match self {
            SheetKind::Activities => &[Name, Providers, Level, AgeGroups, Actor, Form],
            SheetKind::Partners | SheetKind::Results => &[Name],
        }
    }
}

/// A field a column can hold. `Id` and `Name` exist on every kind of sheet
/// (a partner's name, a result's title); the others on one kind only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// The record's Koers id.
    Id,
    /// Activity name, partner name or result title.
    Name,
    /// Activity: description.
    Description,
    /// Activity: providers (partner names or ids).
    Providers,
    /// Activity: citizens, approach or partners.
    Actor,
    /// Activity: prevention level.
    Level,
    /// Activity: age groups.
    AgeGroups,
    /// Activity: settings.
    Settings,
    /// Activity: individual, group or both.
    Form,
    /// Activity: themes.
    Themes,
    /// Activity: risk and protective factors.
    Factors,
    /// Activity: societal results (titles or ids).
    Results,
    /// Activity: "We doen …, zodat …", one line per result.
    Statements,
    /// Activity: evidence status.
    Evidence,
    /// Activity: reach per year.
    Reach,
    /// Activity: annual cost in euros.
    Cost,
    /// Activity: funding source.
    Funding,
    /// Activity: first day.
    Start,
    /// Activity: last day.
    End,
    /// Partner: type.
    PartnerType,
    /// Partner: contact person.
    ContactName,
    /// Partner: contact e-mail.
    ContactEmail,
    /// Partner: the municipality's role.
    Role,
    /// Result: indicator.
    Indicator,
    /// Result: baseline year.
    BaselineYear,
    /// Result: baseline value.
    BaselineValue,
    /// Result: target year.
    TargetYear,
    /// Result: target value.
    TargetValue,
}

impl Column {
    /// The Dutch header Koers exports (and recognises).
    pub fn header(self, kind: SheetKind) -> &'static str {
        use Column::*;
        match (self, kind) {
            (Id, _) => "ID",
            (Name, SheetKind::Activities) => "Naam activiteit",
            (Name, SheetKind::Partners) => "Naam",
            (Name, SheetKind::Results) => "Maatschappelijk resultaat",
            (Description, _) => "Omschrijving",
            (Providers, _) => "Aanbieders",
            (Actor, _) => "Soort uitvoerder",
            (Level, _) => "Preventieniveau",
            (AgeGroups, _) => "Leeftijdsgroepen",
            (Settings, _) => "Setting",
            (Form, _) => "Vorm",
            (Themes, _) => "Thema's",
            (Factors, _) => "Risico- en beschermende factoren",
            (Results, _) => "Maatschappelijke resultaten",
            (Statements, _) => "We doen …, zodat …",
            (Evidence, _) => "Bewijs van effectiviteit",
            (Reach, _) => "Bereik per jaar",
            (Cost, _) => "Kosten per jaar (€)",
            (Funding, _) => "Financiering",
            (Start, _) => "Startdatum",
            (End, _) => "Einddatum",
            (PartnerType, _) => "Type",
            (ContactName, _) => "Contactpersoon",
            (ContactEmail, _) => "E-mail",
            (Role, _) => "Rol gemeente",
            (Indicator, _) => "Indicator",
            (BaselineYear, _) => "Nulmeting jaar",
            (BaselineValue, _) => "Nulmeting waarde",
            (TargetYear, _) => "Streefjaar",
            (TargetValue, _) => "Streefwaarde",
        }
    }

    /// Several source columns may feed it (their values are joined); a
    /// single-valued field mapped twice is an error.
    pub fn multi(self) -> bool {
        use Column::*;
        matches!(
            self,
            Providers | AgeGroups | Settings | Themes | Factors | Results
        )
    }

    /// Holds a number (written as a number cell on export).
    pub fn numeric(self) -> bool {
        use Column::*;
        matches!(
            self,
            Reach | Cost | BaselineYear | BaselineValue | TargetYear | TargetValue
        )
    }

    /// Holds a date (written as a date cell on export).
    pub fn date(self) -> bool {
        matches!(self, Column::Start | Column::End)
    }
}

/// A header as compared: lower case, without accents, without text in
/// parentheses ("Aanbieder(s)", "Kosten (€)"), apostrophes dropped
/// ("Thema's"), other punctuation as spaces, spaces folded.
pub fn norm_header(header: &str) -> String {
    norm(header, false)
}

fn norm(header: &str, keep_parenthesised: bool) -> String {
    let mut depth = 0usize;
    let mut kept = String::with_capacity(header.len());
    for c in header.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                kept.push(' ');
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                kept.push(' ');
            }
            '\'' | '’' | '‘' => {}
            c if depth == 0 || keep_parenthesised => kept.push(c),
            _ => {}
        }
    }
    let folded = crate::words::normalize_word(&kept);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The column a header names on a sheet of `kind`, if any: a synonym
/// matching the whole header, with the text in parentheses ("Nulmeting
/// (jaar)") or without it ("Aanbieder(s)"); else a keyword rule.
pub fn recognise(kind: SheetKind, header: &str) -> Option<Column> {
    let forms = [norm(header, true), norm(header, false)];
    let exact = forms.iter().find_map(|h| {
        synonyms(kind)
            .iter()
            .find(|(_, names)| names.split('|').any(|n| n == h))
            .map(|(c, _)| *c)
    });
    exact.or_else(|| {
        forms
            .iter()
            .filter(|h| !h.is_empty())
            .find_map(|h| keyword(kind, &h.split(' ').collect::<Vec<_>>()))
    })
}

/// How one sheet's columns map to fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// What the sheet lists.
    pub kind: SheetKind,
    /// Per source column (in sheet order), the field it holds, or `None` to
    /// ignore it.
    pub columns: Vec<Option<Column>>,
}

impl Mapping {
    /// The headers of `kind` recognised: each field taken by the first
    /// column that names it; later columns naming it again are ignored
    /// (the user may map them).
    pub fn detect(kind: SheetKind, headers: &[String]) -> Mapping {
        let mut columns: Vec<Option<Column>> = Vec::with_capacity(headers.len());
        for h in headers {
            let c = recognise(kind, h)
                .filter(|c| kind.columns().contains(c))
                .filter(|c| !columns.contains(&Some(*c)));
            columns.push(c);
        }
        Mapping { kind, columns }
    }

    /// How many columns are mapped.
    pub fn mapped(&self) -> usize {
        self.columns.iter().flatten().count()
    }

    /// Every source column holding `column`.
    pub fn sources(&self, column: Column) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .enumerate()
            .filter(move |(_, c)| **c == Some(column))
            .map(|(i, _)| i)
    }

    /// Whether some source column holds `column`.
    pub fn has(&self, column: Column) -> bool {
        self.columns.contains(&Some(column))
    }
}

/// The mapping of headers of an unknown sheet: the kind whose columns the
/// headers name most (activities winning a tie, then partners).
pub fn detect_mapping(headers: &[String]) -> Mapping {
    let mut best = Mapping::detect(SheetKind::Activities, headers);
    for kind in [SheetKind::Partners, SheetKind::Results] {
        let m = Mapping::detect(kind, headers);
        if m.mapped() > best.mapped() {
            best = m;
        }
    }
    best
}

/// The mappings of a whole workbook, one per sheet in sheet order; `None`
/// for a sheet that is not imported (the lists, a matrix view).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mappings {
    /// Per sheet.
    pub sheets: Vec<Option<Mapping>>,
}

impl Mappings {
    /// Recognises every sheet: a sheet named as Koers names its sheets
    /// ("Activiteiten", "Partners", "Resultaten") is that kind; any other
    /// sheet is the kind its headers name most, if they name its name
    /// column and at least one other. "Lijsten" and sheets without such
    /// headers are not imported.
    pub fn detect(workbook: &Workbook) -> Mappings {
        let sheets = workbook
            .sheets
            .iter()
            .map(|sheet| {
                let headers = sheet.rows.first().map(Vec::as_slice).unwrap_or_default();
                let named = SheetKind::ALL
                    .into_iter()
                    .find(|k| norm_header(k.sheet_name()) == norm_header(&sheet.name));
                if let Some(kind) = named {
                    return Some(Mapping::detect(kind, headers));
                }
                let m = detect_mapping(headers);
                (m.has(Column::Name) && m.mapped() >= 2).then_some(m)
            })
            .collect();
        Mappings { sheets }
    }
}
