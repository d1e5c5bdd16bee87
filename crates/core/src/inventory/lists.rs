//! The lists an inventory's activities and partners refer to: age groups,
//! themes, risk and protective factors, settings and partner types. Each
//! workspace has its own copy, starting from Dutch defaults; records keep an
//! item's stable key, so relabelling an item never changes what refers to it.

use crate::error::DomainError;
use crate::org::slug;
use crate::text::clean_line;
use serde::{Deserialize, Serialize};

/// Longest label of a list item.
pub const MAX_LABEL: usize = 80;
/// Most items on one list.
pub const MAX_ITEMS: usize = 60;

/// Which list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// Age groups (−9 months–0, 0–4, …, parents, professionals).
    AgeGroup,
    /// Themes (parenting, health, …).
    Theme,
    /// Risk and protective factors.
    Factor,
    /// Settings (home, childcare, school, district, online).
    Setting,
    /// Types of partner organisation.
    PartnerType,
}

impl ListKind {
    /// Every list, in the order the console shows them.
    pub const ALL: [ListKind; 5] = [
        ListKind::AgeGroup,
        ListKind::Theme,
        ListKind::Factor,
        ListKind::Setting,
        ListKind::PartnerType,
    ];

    /// Stable name as stored and used in URLs.
    pub fn name(self) -> &'static str {
        match self {
            ListKind::AgeGroup => "age_group",
            ListKind::Theme => "theme",
            ListKind::Factor => "factor",
            ListKind::Setting => "setting",
            ListKind::PartnerType => "partner_type",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<ListKind> {
        ListKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// Whether a factor is a risk to reduce or a protective factor to strengthen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// A risk factor.
    Risk,
    /// A protective factor.
    Protective,
}

/// One item of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// Stable key that records refer to.
    pub key: String,
    /// The label shown.
    pub label: String,
    /// For factors: risk or protective. `None` on other lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<FactorKind>,
}

impl ListItem {
    fn plain(key: &str, label: &str) -> ListItem {
        ListItem {
            key: key.into(),
            label: label.into(),
            factor: None,
        }
    }

    fn factor(key: &str, label: &str, kind: FactorKind) -> ListItem {
        ListItem {
            key: key.into(),
            label: label.into(),
            factor: Some(kind),
        }
    }
}

/// All lists of one workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lists {
    /// Age groups, youngest first.
    pub age_groups: Vec<ListItem>,
    /// Themes.
    pub themes: Vec<ListItem>,
    /// Risk and protective factors.
    pub factors: Vec<ListItem>,
    /// Settings.
    pub settings: Vec<ListItem>,
    /// Partner types.
    pub partner_types: Vec<ListItem>,
}

impl Default for Lists {
    /// The Dutch defaults, after the NJi's Preventiematrix.
    fn default() -> Self {
        use FactorKind::{Protective, Risk};
        let p = ListItem::plain;
        let f = ListItem::factor;
        Lists {
            age_groups: vec![
                p("prenataal", "−9 maanden–0 jaar"),
                p("0-4", "0–4 jaar"),
                p("4-12", "4–12 jaar"),
                p("12-18", "12–18 jaar"),
                p("18-23", "18–23 jaar"),
                p("ouders", "Ouders"),
                p("professionals", "Professionals"),
            ],
            themes: vec![
                p("opvoeden", "Opvoeden en opgroeien"),
                p("gezondheid", "Gezondheid"),
                p("mentaal", "Mentale gezondheid"),
                p("onderwijs", "Onderwijs en ontwikkeling"),
                p("veiligheid", "Veiligheid"),
                p("participatie", "Sociale participatie"),
                p("middelen", "Alcohol, roken en drugs"),
                p("armoede", "Armoede en schulden"),
            ],
            factors: vec![
                f("opvoedstress", "Opvoedingsstress bij ouders", Risk),
                f("armoede", "Armoede in het gezin", Risk),
                f("schooluitval", "Schoolverzuim en -uitval", Risk),
                f("middelengebruik", "Vroeg middelengebruik", Risk),
                f("eenzaamheid", "Eenzaamheid en sociaal isolement", Risk),
                f("overgewicht", "Overgewicht en weinig bewegen", Risk),
                f("pesten", "Pesten", Risk),
                f("huiselijk-geweld", "Huiselijk geweld", Risk),
                f(
                    "opvoedvaardigheden",
                    "Opvoedvaardigheden van ouders",
                    Protective,
                ),
                f(
                    "sociale-vaardigheden",
                    "Sociale en emotionele vaardigheden",
                    Protective,
                ),
                f("binding-school", "Binding met school", Protective),
                f("netwerk", "Steunend sociaal netwerk", Protective),
                f("gezonde-leefstijl", "Gezonde leefstijl", Protective),
                f("veerkracht", "Veerkracht en zelfvertrouwen", Protective),
            ],
            settings: vec![
                p("thuis", "Thuis"),
                p("kinderopvang", "Kinderopvang"),
                p("school", "School"),
                p("wijk", "Wijk"),
                p("online", "Online"),
            ],
            partner_types: vec![
                p("school", "School"),
                p("kinderopvang", "Kinderopvang"),
                p("ggd", "GGD / jeugdgezondheidszorg"),
                p("cjg", "CJG"),
                p("wijkteam", "Wijkteam"),
                p("jongerenwerk", "Jongerenwerk"),
                p("sport", "Sportvereniging"),
                p("huisarts", "Huisarts"),
                p("politie", "Politie"),
                p("zorgaanbieder", "Zorgaanbieder"),
                p("burgerinitiatief", "Burgerinitiatief"),
                p("gemeente", "Gemeente"),
                p("overig", "Overig"),
            ],
        }
    }
}

impl Lists {
    /// One list.
    pub fn get(&self, kind: ListKind) -> &[ListItem] {
        match kind {
            ListKind::AgeGroup => &self.age_groups,
            ListKind::Theme => &self.themes,
            ListKind::Factor => &self.factors,
            ListKind::Setting => &self.settings,
            ListKind::PartnerType => &self.partner_types,
        }
    }

    /// One list, to replace.
    pub fn get_mut(&mut self, kind: ListKind) -> &mut Vec<ListItem> {
        match kind {
            ListKind::AgeGroup => &mut self.age_groups,
            ListKind::Theme => &mut self.themes,
            ListKind::Factor => &mut self.factors,
            ListKind::Setting => &mut self.settings,
            ListKind::PartnerType => &mut self.partner_types,
        }
    }

    /// The label of a key on a list, or the key itself when it is no longer
    /// on the list (an item removed after records referred to it).
    pub fn label<'a>(&'a self, kind: ListKind, key: &'a str) -> &'a str {
        self.get(kind)
            .iter()
            .find(|i| i.key == key)
            .map_or(key, |i| i.label.as_str())
    }

    /// The key of an item, found by key or by label (case- and
    /// accent-insensitively), as a spreadsheet cell may hold either.
    pub fn find(&self, kind: ListKind, text: &str) -> Option<&ListItem> {
        let wanted = fold(text);
        if wanted.is_empty() {
            return None;
        }
        let items = self.get(kind);
        items
            .iter()
            .find(|i| i.key == text.trim())
            .or_else(|| items.iter().find(|i| fold(&i.label) == wanted))
            .or_else(|| items.iter().find(|i| fold(&i.key) == wanted))
    }
}

/// Lower case without accents or dashes variants, for matching labels.
pub fn fold(text: &str) -> String {
    crate::words::normalize_word(&text.replace(['–', '—', '−'], "-"))
}

/// Builds a list from lines of "label" (or, for factors, "label | risk" or
/// "label | protective" — "risico"/"beschermend" also accepted). An item whose
/// label is already on `current` keeps its key, so records stay attached.
pub fn list_from_lines(
    kind: ListKind,
    lines: &[String],
    current: &[ListItem],
) -> Result<Vec<ListItem>, DomainError> {
    let mut out: Vec<ListItem> = Vec::new();
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        let (label, marker) = match line.rsplit_once('|') {
            Some((l, m)) if kind == ListKind::Factor => (l, Some(m.trim().to_lowercase())),
            _ => (line.as_str(), None),
        };
        let label = clean_line(label, MAX_LABEL)?;
        let existing = current
            .iter()
            .find(|i| fold(&i.label) == fold(&label) || i.key == label);
        let key = existing.map_or_else(|| slug(&label), |i| i.key.clone());
        if key.is_empty() {
            return Err(DomainError::Empty);
        }
        if out.iter().any(|i| i.key == key) {
            return Err(DomainError::InvalidActivity("duplicate item"));
        }
        let factor = if kind == ListKind::Factor {
            Some(match marker.as_deref() {
                Some("risk" | "risico" | "r") => FactorKind::Risk,
                Some("protective" | "beschermend" | "b" | "p") => FactorKind::Protective,
                Some(_) => return Err(DomainError::InvalidActivity("factor kind")),
                None => existing
                    .and_then(|i| i.factor)
                    .unwrap_or(FactorKind::Protective),
            })
        } else {
            None
        };
        out.push(ListItem { key, label, factor });
    }
    if out.is_empty() {
        return Err(DomainError::Empty);
    }
    if out.len() > MAX_ITEMS {
        return Err(DomainError::TooManyItems {
            max: MAX_ITEMS as u32,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_unique_keys_and_both_factor_kinds() {
        let lists = Lists::default();
        for kind in ListKind::ALL {
            let items = lists.get(kind);
            let mut keys: Vec<_> = items.iter().map(|i| &i.key).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), items.len(), "{kind:?}");
        }
        assert!(
            lists
                .factors
                .iter()
                .any(|f| f.factor == Some(FactorKind::Risk))
        );
        assert!(
            lists
                .factors
                .iter()
                .any(|f| f.factor == Some(FactorKind::Protective))
        );
    }

    #[test]
    fn items_are_found_by_key_or_label_whatever_the_case_and_dashes() {
        let lists = Lists::default();
        assert_eq!(
            lists
                .find(ListKind::AgeGroup, "4-12")
                .map(|i| i.key.as_str()),
            Some("4-12")
        );
        assert_eq!(
            lists
                .find(ListKind::AgeGroup, "4–12 JAAR")
                .map(|i| i.key.as_str()),
            Some("4-12")
        );
        assert_eq!(
            lists
                .find(ListKind::Theme, "mentale gezondheid")
                .map(|i| i.key.as_str()),
            Some("mentaal")
        );
        assert!(lists.find(ListKind::Theme, "astrologie").is_none());
        assert!(lists.find(ListKind::Theme, "  ").is_none());
    }

    #[test]
    fn relabelled_lists_keep_keys_and_refuse_duplicates() {
        let current = Lists::default().factors;
        let lines = vec![
            "Pesten | risico".to_string(),
            "Nieuwe factor | beschermend".to_string(),
        ];
        let list = list_from_lines(ListKind::Factor, &lines, &current).expect("valid");
        assert_eq!(list[0].key, "pesten");
        assert_eq!(list[1].factor, Some(FactorKind::Protective));
        let dup = vec!["Pesten".to_string(), "pesten".to_string()];
        assert!(list_from_lines(ListKind::Factor, &dup, &current).is_err());
        let bad = vec!["X | misschien".to_string()];
        assert!(list_from_lines(ListKind::Factor, &bad, &current).is_err());
    }
}
