//! What a cell's text means: the Dutch labels of the inventory's enums
//! (written on export, read back with their keys and common synonyms), and
//! how a cell holding several values is split.
//!
//! Splitting a multi-valued cell (providers, age groups, themes, …):
//! 1. the whole cell, if it names a known item, is that one item;
//! 2. otherwise it is split on `;` and line breaks, adjacent pieces joined
//!    again when together they name a known item (a label may hold a `;`);
//! 3. a piece that names no known item is split on `,` only when every
//!    part then names a known item ("0–4 jaar, 4–12 jaar"), so a label with
//!    a comma ("Alcohol, roken en drugs", "Stichting A, B en C") stays whole.
//!
//! Statements ("We doen …, zodat …") hold commas by nature: one line per
//! result, in the order of the results cell; see [`split_statements`].

use crate::inventory::model::{Actor, Evidence, Form, MunicipalityRole, PreventionLevel};

/// A label or key as compared: lower case, no accents, punctuation as
/// spaces, spaces folded.
fn norm(text: &str) -> String {
    let folded = crate::words::normalize_word(text);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value's Dutch label first, then the other texts that name it.
type Labels<T> = &'static [(T, &'static [&'static str])];

const LEVELS: Labels<PreventionLevel> = &[
    (
        PreventionLevel::Universal,
        &["Universeel", "universele preventie", "universal"],
    ),
    (
        PreventionLevel::Selective,
        &["Selectief", "selectieve preventie", "selective"],
    ),
    (
        PreventionLevel::Indicated,
        &["Geïndiceerd", "geindiceerde preventie", "indicated"],
    ),
    (
        PreventionLevel::CareRelated,
        &[
            "Zorggerelateerd",
            "zorggerelateerde preventie",
            "zorg gerelateerd",
            "care related",
        ],
    ),
];

const ACTORS: Labels<Actor> = &[
    (
        Actor::Citizens,
        &["Burgers", "burger", "inwoners", "citizens"],
    ),
    (
        Actor::Approach,
        &[
            "Aanpak",
            "aanpak en voorzieningen",
            "gemeentelijke aanpak",
            "voorzieningen",
            "approach",
        ],
    ),
    (
        Actor::Partners,
        &[
            "Maatschappelijke partners",
            "maatschappelijke partner",
            "partners",
            "partner",
        ],
    ),
];

const FORMS: Labels<Form> = &[
    (Form::Individual, &["Individueel", "individu", "individual"]),
    (
        Form::Group,
        &["Groep", "groepen", "groepsgericht", "in groepen", "group"],
    ),
    (
        Form::Both,
        &[
            "Beide",
            "individueel en groep",
            "individueel of groep",
            "individueel groep",
            "both",
        ],
    ),
];

const EVIDENCE: Labels<Evidence> = &[
    (
        Evidence::StrongIndications,
        &[
            "Effectief volgens sterke aanwijzingen",
            "sterke aanwijzingen",
            "strong indications",
        ],
    ),
    (
        Evidence::GoodIndications,
        &[
            "Effectief volgens goede aanwijzingen",
            "goede aanwijzingen",
            "good indications",
        ],
    ),
    (
        Evidence::FirstIndications,
        &[
            "Effectief volgens eerste aanwijzingen",
            "eerste aanwijzingen",
            "first indications",
        ],
    ),
    (Evidence::WellFounded, &["Goed onderbouwd", "well founded"]),
    (
        Evidence::TheoryBased,
        &["Theoretisch onderbouwd", "theoretisch", "theory based"],
    ),
    (
        Evidence::PracticeBased,
        &[
            "Praktijkgebaseerd",
            "praktijkkennis",
            "gebaseerd op praktijkkennis",
            "practice based",
        ],
    ),
    (Evidence::None, &["Geen", "onbekend", "niet bekend", "nee"]),
];

const ROLES: Labels<MunicipalityRole> = &[
    (
        MunicipalityRole::Facilitates,
        &["Faciliteert", "faciliterend", "facilitator"],
    ),
    (
        MunicipalityRole::Commissions,
        &[
            "Opdrachtgever en financier",
            "opdrachtgever",
            "financier",
            "opdrachtgever financier",
        ],
    ),
    (
        MunicipalityRole::Partner,
        &[
            "Partner zonder financiering",
            "partner",
            "zonder financiering",
        ],
    ),
];

fn label<T: Copy + PartialEq>(table: Labels<T>, value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .and_then(|(_, names)| names.first().copied())
        .unwrap_or_default()
}

fn parse<T: Copy>(table: Labels<T>, key: fn(T) -> &'static str, text: &str) -> Option<T> {
    let n = norm(text);
    table
        .iter()
        .find(|(v, names)| norm(key(*v)) == n || names.iter().any(|l| norm(l) == n))
        .map(|(v, _)| *v)
}

/// The Dutch label of a prevention level.
pub fn level_label(v: PreventionLevel) -> &'static str {
    label(LEVELS, v)
}
/// The Dutch label of an actor.
pub fn actor_label(v: Actor) -> &'static str {
    label(ACTORS, v)
}
/// The Dutch label of a form.
pub fn form_label(v: Form) -> &'static str {
    label(FORMS, v)
}
/// The Dutch label of an evidence status.
pub fn evidence_label(v: Evidence) -> &'static str {
    label(EVIDENCE, v)
}
/// The Dutch label of a municipality role.
pub fn role_label(v: MunicipalityRole) -> &'static str {
    label(ROLES, v)
}

/// A prevention level from its key or a Dutch label.
pub fn parse_level(text: &str) -> Option<PreventionLevel> {
    parse(LEVELS, PreventionLevel::key, text)
}
/// An actor from its key or a Dutch label.
pub fn parse_actor(text: &str) -> Option<Actor> {
    parse(ACTORS, Actor::key, text)
}
/// A form from its key or a Dutch label.
pub fn parse_form(text: &str) -> Option<Form> {
    parse(FORMS, Form::key, text)
}
/// An evidence status from its key or a Dutch label.
pub fn parse_evidence(text: &str) -> Option<Evidence> {
    parse(EVIDENCE, Evidence::key, text)
}
/// A municipality role from its key or a Dutch label.
pub fn parse_role(text: &str) -> Option<MunicipalityRole> {
    parse(ROLES, MunicipalityRole::key, text)
}

/// Most pieces joined again to find a label holding separators.
const MAX_SPAN: usize = 6;

/// The pieces of `text` between `seps`, each joined with its neighbours
/// when together they name a known item (longest first); with whether it is
/// known.
fn spans(text: &str, seps: &[char], known: &dyn Fn(&str) -> bool) -> Vec<(String, bool)> {
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if seps.contains(&c) {
            bounds.push((start, i));
            start = i + c.len_utf8();
        }
    }
    bounds.push((start, text.len()));
    bounds.retain(|(s, e)| !text[*s..*e].trim().is_empty());
    let mut out = Vec::new();
    let mut i = 0;
    while i < bounds.len() {
        let longest = (i + 1..=bounds.len().min(i + MAX_SPAN))
            .rev()
            .find(|&j| known(text[bounds[i].0..bounds[j - 1].1].trim()));
        let j = longest.unwrap_or(i + 1);
        out.push((
            text[bounds[i].0..bounds[j - 1].1].trim().to_owned(),
            longest.is_some(),
        ));
        i = j;
    }
    out
}

/// The values of a multi-valued cell, by the rules in the module docs.
pub fn split_items(cell: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let whole = cell.trim();
    if whole.is_empty() {
        return Vec::new();
    }
    if known(whole) {
        return vec![whole.to_owned()];
    }
    let mut out = Vec::new();
    for (piece, is_known) in spans(whole, &[';', '\n', '\r'], known) {
        if !is_known {
            let parts = spans(&piece, &[','], known);
            if parts.len() > 1 && parts.iter().all(|(_, k)| *k) {
                out.extend(parts.into_iter().map(|(p, _)| p));
                continue;
            }
        }
        out.push(piece);
    }
    out
}

/// The statements of a cell, one per result of the results cell (`results`
/// of them), in order: one line each (an empty line for a result without
/// one); with a single result the whole cell; without line breaks, `;`
/// separates them when it gives exactly one per result. `Err` holds the
/// lines beyond the last result.
pub fn split_statements(cell: &str, results: usize) -> Result<Vec<String>, Vec<String>> {
    if cell.trim().is_empty() {
        return Ok(Vec::new());
    }
    if results == 0 {
        return Err(vec![cell.trim().to_owned()]);
    }
    if results == 1 && !cell.trim().contains('\n') {
        return Ok(vec![cell.trim().to_owned()]);
    }
    let mut lines: Vec<String> = if cell.contains('\n') {
        cell.split('\n').map(|l| l.trim().to_owned()).collect()
    } else {
        let parts: Vec<String> = cell.split(';').map(|l| l.trim().to_owned()).collect();
        if parts.len() == results {
            parts
        } else {
            vec![cell.trim().to_owned()]
        }
    };
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    if lines.len() > results {
        return Err(lines.split_off(results));
    }
    Ok(lines)
}
