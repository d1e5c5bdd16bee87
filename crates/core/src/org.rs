//! Organisation types a participant may say it comes from. The list is per
//! session; these are the keys of the default list.

use crate::error::DomainError;
use crate::text::clean_line;
use serde::{Deserialize, Serialize};

/// Keys of the default organisation types (labels come from the translations).
pub const DEFAULT_ORG_TYPES: [&str; 8] = [
    "school", "ggd", "cjg", "sport", "huisarts", "jeugd", "gemeente", "overig",
];

/// Maximum length of an organisation type's label.
pub const MAX_LABEL: usize = 60;

/// One organisation type on a session's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgType {
    /// Stable key, stored with participants (`school`, `ggd`, …, or a slug).
    pub key: String,
    /// The label shown to participants, in the session's language.
    pub label: String,
}

impl OrgType {
    /// A validated organisation type; the key is made from the label when empty.
    pub fn new(key: &str, label: &str) -> Result<OrgType, DomainError> {
        let label = clean_line(label, MAX_LABEL)?;
        let key = if key.trim().is_empty() {
            slug(&label)
        } else {
            slug(key)
        };
        if key.is_empty() {
            return Err(DomainError::Empty);
        }
        Ok(OrgType { key, label })
    }
}

/// Most organisation types on one session's list.
pub const MAX_TYPES: usize = 20;

/// Builds a session's list from labels, one per entry (e.g. the lines of a
/// text field). A label that is already on `current` keeps its key, so the
/// participants who chose it stay counted under it; new labels get a key made
/// from the label. Empty lines are skipped; duplicates are refused.
pub fn list_from_labels(
    labels: &[String],
    current: &[OrgType],
) -> Result<Vec<OrgType>, DomainError> {
    let mut out: Vec<OrgType> = Vec::new();
    for label in labels.iter().filter(|l| !l.trim().is_empty()) {
        let label = clean_line(label, MAX_LABEL)?;
        let key = current
            .iter()
            .find(|o| o.label.eq_ignore_ascii_case(&label))
            .map(|o| o.key.clone())
            .unwrap_or_else(|| slug(&label));
        if key.is_empty() {
            return Err(DomainError::InvalidActivity("org-type"));
        }
        if out
            .iter()
            .any(|o| o.key == key || o.label.eq_ignore_ascii_case(&label))
        {
            return Err(DomainError::InvalidActivity("duplicate-option"));
        }
        out.push(OrgType { key, label });
    }
    if out.len() > MAX_TYPES {
        return Err(DomainError::InvalidActivity("too-many-options"));
    }
    Ok(out)
}

/// Checks that `key` is on the list; `None` (not given) is always fine.
pub fn check_org_type(list: &[OrgType], key: Option<&str>) -> Result<Option<String>, DomainError> {
    match key.map(str::trim).filter(|k| !k.is_empty()) {
        None => Ok(None),
        Some(k) if list.iter().any(|o| o.key == k) => Ok(Some(k.to_string())),
        Some(_) => Err(DomainError::UnknownOrgType),
    }
}

/// A stable key made from a label: lower case ASCII letters, digits and dashes.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_slugs_of_the_label_when_not_given() {
        let o = OrgType::new("", "Welzijn & Buurt").unwrap();
        assert_eq!(o.key, "welzijn-buurt");
        assert_eq!(o.label, "Welzijn & Buurt");
    }

    #[test]
    fn edited_lists_keep_the_keys_of_labels_that_stay() {
        let current = vec![
            OrgType::new("school", "Onderwijs").unwrap(),
            OrgType::new("ggd", "GGD").unwrap(),
        ];
        let labels: Vec<String> = ["onderwijs", "", "Welzijn"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let list = list_from_labels(&labels, &current).unwrap();
        assert_eq!(
            list.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(),
            vec!["school", "welzijn"]
        );
        let dup: Vec<String> = ["Sport", "sport"].iter().map(|s| s.to_string()).collect();
        assert!(list_from_labels(&dup, &current).is_err());
    }

    #[test]
    fn only_listed_types_are_accepted() {
        let list = vec![OrgType::new("school", "Onderwijs").unwrap()];
        assert_eq!(
            check_org_type(&list, Some("school")),
            Ok(Some("school".into()))
        );
        assert_eq!(check_org_type(&list, None), Ok(None));
        assert_eq!(check_org_type(&list, Some(" ")), Ok(None));
        assert_eq!(
            check_org_type(&list, Some("ggd")),
            Err(DomainError::UnknownOrgType)
        );
    }
}
